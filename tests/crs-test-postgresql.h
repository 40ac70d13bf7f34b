/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-postgresql.h: a throwaway PostgreSQL server for the tests,
 * made with initdb in a temporary folder and listening on a Unix socket
 * there only (no TCP). Needs the server's binaries (Debian: the
 * postgresql package); run as root, the server runs as the "postgres"
 * system user, since initdb and postgres refuse root. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRS_TEST_POSTGRESQL_SKIP_MESSAGE \
  "PostgreSQL server binaries not found (Debian: apt-get install postgresql)"

typedef struct _CrsTestPostgresql CrsTestPostgresql;

/* Starts a server with one empty database. NULL with G_IO_ERROR_NOT_FOUND
 * when the binaries are missing (skip the test), another error when they
 * are there and fail. A helper process stops the server and removes its
 * folder if the test dies without crs_test_postgresql_stop. */
CrsTestPostgresql *crs_test_postgresql_start        (GError            **error);
/* The libpq connection string of the first database. */
const char        *crs_test_postgresql_get_conninfo (CrsTestPostgresql  *self);
/* Creates the empty database @name (letters, digits, "_") and returns
 * its connection string; NULL with @error when the server refuses. */
char              *crs_test_postgresql_new_database (CrsTestPostgresql  *self,
                                                     const char         *name,
                                                     GError            **error);
/* Ends the server at once, as a crash would (pg_ctl stop -m immediate):
 * its connections see the connection lost. The data stay. */
gboolean           crs_test_postgresql_kill         (CrsTestPostgresql  *self,
                                                     GError            **error);
/* Starts the killed server again on the same socket and data. */
gboolean           crs_test_postgresql_restart      (CrsTestPostgresql  *self,
                                                     GError            **error);
/* The server's Unix socket (DIR/.s.PGSQL.PORT). */
char              *crs_test_postgresql_get_socket_path (CrsTestPostgresql *self);
/* Stops the server and removes its folder. */
void               crs_test_postgresql_stop         (CrsTestPostgresql  *self);

/* One server for the whole test program, started at the first call: the
 * server, or NULL with the current test skipped (no binaries) or failed.
 * crs_test_postgresql_shared_stop ends it after g_test_run. */
CrsTestPostgresql *crs_test_postgresql_shared       (void);
/* A new, empty database on the shared server ("case_1", ...); NULL when
 * the test was skipped or failed. */
char              *crs_test_postgresql_shared_database (void);
void               crs_test_postgresql_shared_stop  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsTestPostgresql, crs_test_postgresql_stop)

G_END_DECLS
