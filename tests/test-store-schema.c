/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-schema.c: the ward database file's schema, migrations from
 * every earlier version, backups (rotation, daily), and the query plans
 * of the GUI's reads. */
#define G_LOG_DOMAIN "test-store-schema"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "crs-test-store-utils.h"

/* ---------------------------------------------------------------------- */
/* Schema */

static void
test_schema_create (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  sqlite3 *db = crs_store_get_db (store);
  const char *indexes[] = { "patient_on_ward", "observation_of_patient", "observation_current",
                            "audit_of_row", "infusion_of_patient", "intervention_of_patient",
                            "lab_result_of_patient", "acknowledgement_of_observation",
                            "observation_red_flag" };

  g_assert_cmpint (crs_store_get_schema_version (store), ==, CRS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, CRS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, CRS_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA synchronous"), ==, 2);   /* FULL */
  g_assert_cmpint (raw_int (db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE "
                                              "type = 'index' AND name = '%s'", indexes[i]);
      g_assert_cmpint (raw_int (db, sql), ==, 1);
    }
  for (const char * const *t = crs_store_schema_tables (CRS_STORE_SCHEMA_VERSION); *t; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE "
                                              "type = 'table' AND name = '%s'", *t);
      g_assert_cmpint (raw_int (db, sql), ==, 1);
    }

  /* A new database is complete the moment it appears: no temporary
   * files are left beside it. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (gdir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".ward.sqlite.new"));
  }
}

/* Builds a database of schema @version with a patient, an observation
 * set and an audit row written the way that version's CRS Watch wrote
 * them, then opens it with this one. */
static void
test_schema_migrate (void)
{
  for (int version = 1; version < CRS_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = new_db_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsStore) store = NULL;
      g_autoptr(CrsPatient) patient = NULL;
      g_autoptr(GPtrArray) observations = NULL;
      g_autoptr(GPtrArray) audit = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_autoptr(CrsObservation) obs = NULL;
      CrsAuditEntry *last;
      sqlite3 *db = NULL;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (crs_store_schema_create (db, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (sqlite3_exec (db,
                                     "INSERT INTO patient (mrn, name, bed) VALUES ('OLD-1', 'Old Patient', '4');"
                                     "INSERT INTO observation (patient_id, taken_at, recorded_at, author,"
                                     " temperature_c, heart_rate, o2_device, symptoms)"
                                     " VALUES (1, 1000, 1001, 'nurse', 38.4, 101, 'nasal_cannula', 5);",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      if (version < 4)
        g_assert_cmpint (sqlite3_exec (db,
                                       "INSERT INTO audit (at, author, action, table_name, row_id, after)"
                                       " VALUES (1001, 'nurse', 'insert', 'observation', 1, '{}');",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
      else
        {
          /* From version 4 each audit row carries its chained hash. */
          g_autoptr(CrsDb) borrowed = crs_db_new_sqlite_borrowed (db);
          CrsDbStmt *row = NULL;
          g_autofree char *hash = NULL;
          g_autofree char *sql = NULL;

          g_assert_cmpint (crs_db_prepare (borrowed, "SELECT 1, 1001, 'nurse', 'insert', 'observation', 1, NULL, '{}'",
                                           &row), ==, SQLITE_OK);
          g_assert_cmpint (crs_db_step (row), ==, SQLITE_ROW);
          hash = crs_store_audit_hash_row (row, NULL);
          crs_db_finalize (row);
          sql = g_strdup_printf ("INSERT INTO audit (id, at, author, action, table_name, row_id, after, hash)"
                                 " VALUES (1, 1001, 'nurse', 'insert', 'observation', 1, '{}', '%s');", hash);
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      sqlite3_close (db);

      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (crs_store_get_schema_version (store), ==, CRS_STORE_SCHEMA_VERSION);

      /* The data came through. */
      patient = crs_store_find_patient_by_mrn (store, "OLD-1", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (patient->name, ==, "Old Patient");
      observations = crs_store_list_observations (store, patient->id, 0, 0, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (observations->len, ==, 1);
      obs = g_object_ref (observations->pdata[0]);
      g_assert_cmpfloat (obs->temperature_c, ==, 38.4);
      g_assert_cmpint (obs->heart_rate, ==, 101);
      g_assert_cmpint (obs->o2_device, ==, CRS_O2_NASAL_CANNULA);
      g_assert_cmpint (obs->spo2, ==, CRS_MISSING);
      g_assert_cmpuint (obs->symptoms, ==, 5);

      /* A backup of the old version was made first. Before version 4 it
       * carries no ward id (older versions had none), so it is never
       * offered for restore by itself, and the day's backup of the
       * upgraded ward, which does, follows at once; from version 4 it
       * carries the ward's id and is the day's backup too. */
      backups = crs_store_backup_list (path);
      {
        g_autofree char *suffix = g_strdup_printf ("-before-v%d.sqlite", CRS_STORE_SCHEMA_VERSION);

        if (version < 4)
          {
            g_assert_cmpuint (backups->len, ==, 2);
            g_assert_true (g_str_has_suffix (backups->pdata[1], suffix));
            g_assert_false (crs_store_backup_is_good (backups->pdata[1], NULL));
            g_assert_true (crs_store_backup_is_good (backups->pdata[0], crs_store_get_ward_id (store)));
            g_ptr_array_remove_index (backups, 0);
          }
        else
          {
            g_assert_cmpuint (backups->len, ==, 1);
            g_assert_true (g_str_has_suffix (backups->pdata[0], suffix));
          }
      }
      g_assert_cmpint (sqlite3_open_v2 (backups->pdata[0], &db, SQLITE_OPEN_READONLY, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM observation"), ==, 1);
      sqlite3_close (db);

      /* The migration is in the audit log, after the old rows. */
      audit = crs_store_list_audit (store, "schema", 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (audit->len, ==, 1);
      last = audit->pdata[0];
      g_assert_cmpstr (last->action, ==, "migrate");
      {
        g_autofree char *from = g_strdup_printf ("%d", version);
        g_autofree char *to = g_strdup_printf ("%d", CRS_STORE_SCHEMA_VERSION);
        assert_json_field (last->before, "schema_version", from);
        assert_json_field (last->before, "backup", backups->pdata[0]);
        assert_json_field (last->after, "schema_version", to);
      }

      /* An old set raised no stored red flag: nothing opens on upgrade. */
      g_assert_false (obs->stored_red_flag);
      {
        g_autoptr(GPtrArray) open = crs_store_list_open_escalations (store, 0, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (open->len, ==, 0);
      }

      /* The upgraded file has this version's schema exactly, a ward id,
       * and an audit chain over the rows it already had. */
      {
        g_auto(CrsStoreVerification) verification = { 0 };
        g_assert_true (crs_store_verify (store, &verification, &error));
        g_assert_no_error (error);
        g_assert_null (verification.schema);
        g_assert_true (verification.chained);
        g_assert_cmpint (verification.audit_break, ==, 0);
        g_assert_cmpint (verification.audit_rows, ==, 2);
        g_assert_nonnull (crs_store_get_ward_id (store));
      }

      /* What the new versions added works: acknowledgements (v2), and
       * stored red flags (v3), which the database keeps unchanged. */
      g_assert_true (crs_store_acknowledge (store, obs->id, "Registrar informed", &error));
      g_assert_no_error (error);
      {
        g_autoptr(CrsObservation) flagged = crs_observation_new ();
        g_autoptr(GPtrArray) open = NULL;
        sqlite3 *raw;

        flagged->patient_id = patient->id;
        flagged->taken_at = 2000;
        flagged->stored_red_flag = TRUE;
        g_assert_true (crs_store_add_observation (store, flagged, &error));
        g_assert_no_error (error);
        open = crs_store_list_open_escalations (store, patient->id, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (open->len, ==, 1);
        g_assert_cmpint (((CrsObservation *) open->pdata[0])->id, ==, flagged->id);
        g_assert_true (((CrsObservation *) open->pdata[0])->stored_red_flag);

        raw = open_raw (path);
        g_assert_cmpint (sqlite3_exec (raw, "UPDATE observation SET red_flag = 0 WHERE red_flag = 1",
                                       NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
        sqlite3_close (raw);
      }
      /* And the children's PEWS fields (v6): saved, read back, and kept
       * unchanged by the database like every other field. The old set
       * reads as none recorded. */
      g_assert_cmpint (obs->resp_distress, ==, CRS_RESP_DISTRESS_UNSET);
      g_assert_true (isnan (obs->crt_s));
      g_assert_cmpint (obs->stored_pews, ==, CRS_MISSING);
      g_assert_cmpint (obs->stored_pews_level, ==, CRS_MISSING);
      {
        g_autoptr(CrsObservation) child = make_full_observation (patient->id, 3000);
        g_autoptr(CrsObservation) back = NULL;
        sqlite3 *raw;

        g_assert_true (crs_store_add_observation (store, child, &error));
        g_assert_no_error (error);
        back = crs_store_get_observation (store, child->id, &error);
        g_assert_no_error (error);
        assert_observation_content_equal (child, back);

        raw = open_raw (path);
        g_assert_cmpint (sqlite3_exec (raw, "UPDATE observation SET crt_s = 1 WHERE crt_s IS NOT NULL",
                                       NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
        g_assert_cmpint (sqlite3_exec (raw, "UPDATE observation SET pews_level = 'none' WHERE pews_level = 'emergency'",
                                       NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
        sqlite3_close (raw);
      }
      g_assert_true (crs_store_check_integrity (store, &error));
      g_assert_no_error (error);

      /* Opening again migrates nothing more. */
      g_clear_object (&store);
      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      g_clear_pointer (&audit, g_ptr_array_unref);
      audit = crs_store_list_audit (store, "schema", 0, &error);
      g_assert_cmpuint (audit->len, ==, 1);
    }
}

/* Appends the audit row of @table's row @row_id as CRS Watch writes it
 * (crs-store-audit.c: the row's columns as JSON without NULLs, chained
 * to @prev); returns its hash. */
static char *
audit_row_as_saved (sqlite3    *db,
                    const char *table,
                    gint64      row_id,
                    gint64      audit_id,
                    const char *prev,
                    guint      *n_columns)
{
  g_autoptr(GString) expr = g_string_new (NULL);
  g_autofree char *columns_sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  g_autofree char *sql = NULL;
  g_autofree char *after = NULL;
  char *hash;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, columns_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (expr, "%s'%s', r.\"%s\"", n++ ? ", " : "", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  *n_columns = n;
  sql = g_strdup_printf ("SELECT (SELECT json_group_object (key, value) FROM json_each (json_object (%s))"
                         " WHERE type <> 'null') FROM %s AS r WHERE r.rowid = %" G_GINT64_FORMAT,
                         expr->str, table, row_id);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  after = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  {
    g_autoptr(CrsDb) borrowed = crs_db_new_sqlite_borrowed (db);
    CrsDbStmt *row = NULL;

    g_assert_cmpint (crs_db_prepare (borrowed, "SELECT ?1, 1001, 'nurse', 'insert', ?2, ?3, NULL, ?4",
                                     &row), ==, SQLITE_OK);
    crs_db_bind_int64 (row, 1, audit_id);
    crs_db_bind_text (row, 2, table, -1);
    crs_db_bind_int64 (row, 3, row_id);
    crs_db_bind_text (row, 4, after, -1);
    g_assert_cmpint (crs_db_step (row), ==, SQLITE_ROW);
    hash = crs_store_audit_hash_row (row, prev);
    crs_db_finalize (row);
  }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO audit (id, at, author, action, table_name, row_id, after, hash)"
                                           " VALUES (?1, 1001, 'nurse', 'insert', ?2, ?3, ?4, ?5)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, audit_id);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row_id);
  sqlite3_bind_text (stmt, 4, after, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return hash;
}

/* A version 5 ward whose set was saved and audited as version 5 wrote it
 * (its "after" without the PEWS columns) is, once upgraded to version 6,
 * still the record its audit log says was saved (the new columns are
 * NULL, and a record's JSON leaves NULLs out), and a PEWS value put in
 * behind CRS Watch's back is seen. */
static void
test_schema_v5_audited (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autofree char *patient_hash = NULL;
  g_autofree char *set_hash = NULL;
  sqlite3 *db = NULL;
  guint n_columns = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (crs_store_schema_create (db, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO patient (mrn, name, bed) VALUES ('V5-1', 'Five', '4');"
                                 "INSERT INTO observation (patient_id, taken_at, recorded_at, author,"
                                 " temperature_c, heart_rate, o2_device, symptoms, crs_grade, red_flag)"
                                 " VALUES (1, 1000, 1001, 'nurse', 38.4, 101, 'nasal_cannula', 5, 2, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  patient_hash = audit_row_as_saved (db, "patient", 1, 1, NULL, &n_columns);
  set_hash = audit_row_as_saved (db, "observation", 1, 2, patient_hash, &n_columns);
  g_assert_cmpuint (n_columns, ==, 36);   /* version 5's columns: no PEWS yet */
  sqlite3_close (db);

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crs_store_get_schema_version (store), ==, CRS_STORE_SCHEMA_VERSION);   /* upgraded to the newest */
  {
    g_auto(CrsStoreVerification) verification = { 0 };

    g_assert_true (crs_store_verify (store, &verification, &error));
    g_assert_no_error (error);
    g_assert_null (verification.schema);
    g_assert_cmpint (verification.rows_differing, ==, 0);
    g_assert_true (crs_store_verification_ok (&verification));
  }

  /* A PEWS value put in behind CRS Watch's back is still seen. */
  g_clear_object (&store);
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER observation_no_update;"
                                     "UPDATE observation SET sepsis = 'shock' WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = crs_store_open_read_only (path, &error);
  g_assert_no_error (error);
  {
    g_auto(CrsStoreVerification) verification = { 0 };

    g_assert_true (crs_store_verify (store, &verification, &error));
    g_assert_cmpint (verification.rows_differing, ==, 1);
    g_assert_nonnull (strstr (verification.schema, "observation_no_update"));
  }
}

/* ---------------------------------------------------------------------- */
/* Backups */

static void
test_backup_rotation (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = crs_store_backup_dir (path);
  struct stat st;

  add_patient (store, "BK", "1");
  for (int i = 0; i < 10; i++)
    {
      char *backup = crs_store_backup_now (store, &error);
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      g_assert_true (g_str_has_prefix (backup, dir));
      g_ptr_array_add (made, backup);
    }

  backups = crs_store_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 7);
  /* The newest seven, newest first. */
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (backups->pdata[i], ==, made->pdata[9 - i]);
  for (guint i = 0; i < 3; i++)
    g_assert_false (g_file_test (made->pdata[i], G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  for (guint i = 0; i < backups->len; i++)
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (g_stat (backups->pdata[i], &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      /* A whole, single-file ward database. */
      g_assert_true (crs_store_backup_is_good (backups->pdata[i], crs_store_get_ward_id (store)));
      g_assert_cmpint (sqlite3_open_v2 (backups->pdata[i], &db, SQLITE_OPEN_READONLY, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient WHERE mrn = 'BK'"), ==, 1);
      g_assert_cmpint (raw_int (db, "SELECT journal_mode = 'delete' FROM pragma_journal_mode"),
                       ==, 1);
      sqlite3_close (db);
    }

  /* No partial files left behind. */
  {
    g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (gdir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 7);
  }

  /* Not in the middle of an import. */
  g_assert_true (crs_store_begin_batch (store, &error));
  g_assert_null (crs_store_backup_now (store, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED);
  crs_store_rollback_batch (store);
}

static void
test_backup_daily (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autofree char *ward_id = g_strdup (crs_store_get_ward_id (store));
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  /* A brand-new database has nothing to back up yet. */
  g_assert_nonnull (ward_id);
  backups = crs_store_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 0);
  g_assert_false (crs_store_backup_made_today (path, ward_id));
  g_clear_pointer (&backups, g_ptr_array_unref);
  add_patient (store, "DAY", "1");
  g_clear_object (&store);

  /* The first open of the day makes one; later opens do not. */
  for (int i = 0; i < 3; i++)
    {
      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      backups = crs_store_backup_list (path);
      g_assert_cmpuint (backups->len, ==, 1);
      g_clear_pointer (&backups, g_ptr_array_unref);
    }
  g_assert_true (crs_store_backup_made_today (path, ward_id));
}

/* ---------------------------------------------------------------------- */
/* Query plans */

/* Every statement the store prepared (for the ward list, a patient's
 * chart, the open escalations) must find its rows through an index,
 * never scan the observation table or sort it in a temporary b-tree:
 * whether the database has statistics (ANALYZE) or not, as a ward
 * database never does. Returns how many statements were checked. */
static guint
check_plans (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    {
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *explain = NULL;
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *eqp = NULL;

      if (!g_str_has_prefix (sql, "SELECT") || strstr (sql, "count(") != NULL ||
          (strstr (sql, "observation") == NULL && strstr (sql, "audit") == NULL))
        continue;
      explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &eqp, NULL), ==, SQLITE_OK);
      while (sqlite3_step (eqp) == SQLITE_ROW)
        g_string_append_printf (plan, "%s | ", (const char *) sqlite3_column_text (eqp, 3));
      sqlite3_finalize (eqp);

      g_test_message ("%s: %s", sql, plan->str);
      /* Sorting the few acknowledgements or open red flags of the ward is
       * fine; sorting observation sets is not. The UNIQUE index on
       * superseded_by is no way to the current sets: its NULLs are
       * nearly every row. */
      if (strstr (plan->str, "SCAN observation") || strstr (plan->str, "SCAN o |") ||
          strstr (plan->str, "SCAN l |") || strstr (plan->str, "SCAN audit") ||
          strstr (plan->str, "(superseded_by=?)") ||
          (strstr (plan->str, "TEMP B-TREE") && strstr (sql, "acknowledgement") == NULL))
        g_error ("Query without an index:\n%s\n%s", sql, plan->str);
      g_assert_true (strstr (plan->str, "USING INDEX") != NULL ||
                     strstr (plan->str, "USING INTEGER PRIMARY KEY") != NULL ||
                     strstr (plan->str, "USING COVERING INDEX") != NULL);
      checked++;
    }
  return checked;
}

static void
test_query_plans (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = crs_store_get_db (store);
  gint64 ids[3];

  g_assert_true (crs_store_begin_batch (store, &error));
  for (int p = 0; p < 3; p++)
    {
      g_autofree char *mrn = g_strdup_printf ("QP%d", p);
      ids[p] = add_patient (store, mrn, "1");
      for (int i = 0; i < 300; i++)
        {
          g_autoptr(CrsObservation) obs = make_full_observation (ids[p], 1000 + i * 900);
          g_assert_true (crs_store_add_observation (store, obs, &error));
        }
    }
  g_assert_true (crs_store_commit_batch (store, &error));

  /* The GUI's reads, so that their statements are in the cache. */
  g_ptr_array_unref (crs_store_list_patients (store, FALSE, &error));
  g_ptr_array_unref (crs_store_list_latest_observations (store, FALSE, &error));
  g_ptr_array_unref (crs_store_list_observations (store, ids[0], 0, 0, FALSE, &error));
  g_ptr_array_unref (crs_store_list_observations (store, ids[0], 5000, 90000, TRUE, &error));
  g_object_unref (crs_store_get_latest_observation (store, ids[1], &error));
  g_object_unref (crs_store_get_observation (store, 5, &error));
  g_ptr_array_unref (crs_store_list_acknowledgements (store, ids[1], &error));
  g_ptr_array_unref (crs_store_list_audit (store, "observation", 5, &error));
  g_ptr_array_unref (crs_store_list_recent_observations (store, ids[2], 8, &error));
  g_ptr_array_unref (crs_store_list_open_escalations (store, ids[1], &error));
  g_ptr_array_unref (crs_store_list_open_escalations (store, 0, &error));
  g_assert_no_error (error);

  /* As the app has it: no statistics. */
  g_assert_cmpuint (check_plans (db), >=, 10);
  /* And once someone has run ANALYZE. */
  g_assert_cmpint (sqlite3_exec (db, "ANALYZE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (check_plans (db), >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/schema/create", test_schema_create);
  g_test_add_func ("/store/schema/migrate", test_schema_migrate);
  g_test_add_func ("/store/schema/v5-audited", test_schema_v5_audited);
  g_test_add_func ("/store/backup/rotation", test_backup_rotation);
  g_test_add_func ("/store/backup/daily", test_backup_daily);
  g_test_add_func ("/store/query-plans", test_query_plans);

  return g_test_run ();
}
