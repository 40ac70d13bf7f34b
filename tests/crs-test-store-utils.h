/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-store-utils.h: helpers shared by the store tests. */
#pragma once

#include <glib.h>

#include "store/crs-store.h"
#include "store/crs-store-private.h"

G_BEGIN_DECLS

/* A new database path (in a new folder) under the test's data folder;
 * run with CRS_TEST_STORE_BACKEND=postgresql, the address of a new,
 * empty database on a throwaway PostgreSQL server instead, so that the
 * same store tests run against both backends. */
char           *new_db_path              (void);
/* TRUE (the test skipped, saying why) when the tests run on PostgreSQL
 * and the test needs a ward file (its modes, its backups, raw SQLite). */
gboolean        skip_unless_file         (void);
CrsStore       *open_new_store           (char          **path_out);

/* A second, raw connection: what anyone with the sqlite3 tool could do. */
sqlite3        *open_raw                 (const char     *path);
gint64          raw_int                  (sqlite3        *db,
                                          const char     *sql);

/* A field of a JSON object as text, read by SQLite (NULL when absent). */
char           *json_field               (const char     *json,
                                          const char     *field);
void            assert_json_field        (const char     *json,
                                          const char     *field,
                                          const char     *expected);

CrsPatient     *make_patient             (const char     *mrn,
                                          const char     *bed);
gint64          add_patient              (CrsStore       *store,
                                          const char     *mrn,
                                          const char     *bed);
/* Every clinical field set, none at its default. */
CrsObservation *make_full_observation    (gint64          patient_id,
                                          gint64          taken_at);
void            assert_double_equal      (double          a,
                                          double          b);
/* Every field of CrsObservation. */
void            assert_observation_content_equal (CrsObservation *a,
                                                  CrsObservation *b);
void            assert_observation_equal (CrsObservation *a,
                                          CrsObservation *b);
/* A "changed" handler appending the patient id to the GArray user_data. */
void            count_changed            (CrsStore       *store,
                                          gint64          patient_id,
                                          gpointer        user_data);

G_END_DECLS
