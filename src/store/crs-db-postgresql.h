/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-db-postgresql.h: the PostgreSQL half of CrsDb (crs-db.h), through
 * libpq. Only crs-db.c calls these; each does what the crs_db_ call of
 * the same name promises (see crs-db.h), for a PostgreSQL connection. */
#pragma once

#include "crs-db.h"

G_BEGIN_DECLS

typedef struct _CrsDbPg     CrsDbPg;
typedef struct _CrsDbPgStmt CrsDbPgStmt;

CrsDbPg    *crs_db_pg_connect            (const char   *conninfo,
                                          int          *rc,
                                          char        **message);
void        crs_db_pg_close              (CrsDbPg      *pg);
const char *crs_db_pg_errmsg             (CrsDbPg      *pg);
gboolean    crs_db_pg_in_transaction     (CrsDbPg      *pg);
int         crs_db_pg_exec               (CrsDbPg      *pg,
                                          const char   *sql);
int         crs_db_pg_prepare            (CrsDbPg      *pg,
                                          const char   *sql,
                                          CrsDbPgStmt **stmt);
void        crs_db_pg_finalize           (CrsDbPgStmt  *stmt);
int         crs_db_pg_reset              (CrsDbPgStmt  *stmt);
int         crs_db_pg_clear_bindings     (CrsDbPgStmt  *stmt);
const char *crs_db_pg_sql                (CrsDbPgStmt  *stmt);
int         crs_db_pg_bind_int64         (CrsDbPgStmt  *stmt,
                                          int           index,
                                          gint64        value);
int         crs_db_pg_bind_double        (CrsDbPgStmt  *stmt,
                                          int           index,
                                          double        value);
int         crs_db_pg_bind_text          (CrsDbPgStmt  *stmt,
                                          int           index,
                                          const char   *text,
                                          int           length);
int         crs_db_pg_bind_null          (CrsDbPgStmt  *stmt,
                                          int           index);
int         crs_db_pg_step               (CrsDbPgStmt  *stmt);
int         crs_db_pg_column_count       (CrsDbPgStmt  *stmt);
int         crs_db_pg_column_type        (CrsDbPgStmt  *stmt,
                                          int           column);
gint64      crs_db_pg_column_int64       (CrsDbPgStmt  *stmt,
                                          int           column);
double      crs_db_pg_column_double      (CrsDbPgStmt  *stmt,
                                          int           column);
const char *crs_db_pg_column_text        (CrsDbPgStmt  *stmt,
                                          int           column);
int         crs_db_pg_listen             (CrsDbPg      *pg,
                                          const char   *channel);
int         crs_db_pg_notify             (CrsDbPg      *pg,
                                          const char   *channel,
                                          const char   *payload);
int         crs_db_pg_take_notifications (CrsDbPg      *pg,
                                          guint        *count);
gboolean    crs_db_pg_is_connected       (CrsDbPg      *pg);
gboolean    crs_db_pg_is_encrypted       (CrsDbPg      *pg);
/* The address the connection was made with (free with g_free()). */
char       *crs_db_pg_dup_conninfo (CrsDbPg *pg);
/* Whether a server answers at @conninfo and accepts connections (libpq's
 * PQping, with the same 10 s connect timeout). Blocks; safe in any
 * thread. */
gboolean    crs_db_pg_ping         (const char *conninfo);
int         crs_db_pg_reconnect          (CrsDbPg      *pg);

G_END_DECLS
