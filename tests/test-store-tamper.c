/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-tamper.c: what anyone with the sqlite3 tool could do to a
 * ward database behind CRS Watch's back, and what the database and
 * `crs-watch-cli check` make of it:
 *  - INSERT OR REPLACE / REPLACE / UPDATE OR REPLACE on an existing row
 *    would rewrite it without firing a delete trigger: refused;
 *  - a trigger dropped (and a row deleted), a trigger dropped and made
 *    again around a change, an audit row rewritten, a row added without
 *    its audit row: `check` says where, and the app will not write to
 *    the file (it points to the restore command instead). */
#define G_LOG_DOMAIN "test-store-tamper"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "crs-test-store-utils.h"

/* A ward with two patients, four sets (the third amended by a fifth, the
 * first's red flag acknowledged), a ward setting and an intervention:
 * every table has rows. */
static char *
make_ward (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 a = add_patient (store, "TAMPER-A", "1");
  gint64 b = add_patient (store, "TAMPER-B", "2");

  for (int i = 0; i < 4; i++)
    {
      g_autoptr(CrsObservation) obs = make_full_observation (i % 2 ? b : a, 1700000000 + i * 600);
      obs->heart_rate = 91;
      g_assert_true (crs_store_add_observation (store, obs, &error));
      g_assert_no_error (error);
    }
  g_assert_true (crs_store_acknowledge (store, 1, "Dr Okafor informed", &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrsObservation) obs = make_full_observation (a, 1700001200);
    obs->heart_rate = 92;
    g_assert_true (crs_store_amend_observation (store, 3, obs, "wrong time", &error));
    g_assert_no_error (error);
  }
  g_assert_true (crs_store_set_setting (store, "ward.name", "Ward 3", &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrsIntervention) iv = crs_intervention_new ();
    iv->patient_id = a;
    iv->at = 1700000100;
    iv->kind = CRS_INTERVENTION_ANTIPYRETIC;
    g_assert_true (crs_store_add_intervention (store, iv, &error));
    g_assert_no_error (error);
  }
  /* A good backup to go back to. */
  g_free (crs_store_backup_now (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static int
run_check (const char  *path,
           char       **out,
           char       **err)
{
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "check", "--db", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_test_message ("check: %s%s", *out, *err);
  return WEXITSTATUS (status);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, haystack);
}

/* The writable open refuses the file, names what is wrong and the way
 * back; the file is left as it was. */
static void
assert_open_refused (const char *path,
                     const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);

  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("open: %s", error->message);
  assert_contains (error->message, path);
  assert_contains (error->message, what);
  assert_contains (error->message, "crs-watch-cli restore");
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* ---------------------------------------------------------------------- */

static void
test_replace_refused (void)
{
  g_autofree char *path = make_ward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = open_raw (path);
  const struct {
    const char *sql;
    const char *unchanged;   /* a query whose answer must stay 1 */
  } cases[] = {
    /* An audit row rewritten in place. */
    { "INSERT OR REPLACE INTO audit (id, at, author, action, table_name, row_id, after)"
      " SELECT id, at, 'mallory', action, table_name, row_id, after FROM audit WHERE id = 3",
      "SELECT author <> 'mallory' FROM audit WHERE id = 3" },
    { "REPLACE INTO audit (id, at, author, action, table_name, row_id, after)"
      " VALUES (2, 1, 'mallory', 'insert', 'patient', 2, '{}')",
      "SELECT author <> 'mallory' FROM audit WHERE id = 2" },
    /* Heart rate 91 -> 60 in a saved set. */
    { "INSERT OR REPLACE INTO observation (id, patient_id, taken_at, recorded_at, author, heart_rate)"
      " VALUES (1, 1, 1700000000, 1700000000, 'nurse', 60)",
      "SELECT heart_rate = 91 FROM observation WHERE id = 1" },
    /* Who acknowledged a red flag. */
    { "INSERT OR REPLACE INTO acknowledgement (id, observation_id, at, author, note)"
      " VALUES (1, 1, 1, 'mallory', 'nobody was told')",
      "SELECT author <> 'mallory' FROM acknowledgement WHERE id = 1" },
    { "INSERT OR REPLACE INTO intervention (id, patient_id, at, kind, author)"
      " VALUES (1, 1, 1, 'vasopressor_start', 'mallory')",
      "SELECT author <> 'mallory' FROM intervention WHERE id = 1" },
    /* A new row with another patient's MRN would delete that patient. */
    { "INSERT OR REPLACE INTO patient (id, mrn) VALUES (99, 'TAMPER-A')",
      "SELECT count(*) = 1 FROM patient WHERE id = 1 AND mrn = 'TAMPER-A'" },
    { "UPDATE OR REPLACE patient SET mrn = 'TAMPER-A' WHERE id = 2",
      "SELECT count(*) = 2 FROM patient" },
    /* A new version of set 3, claiming the link set 5 holds: REPLACE
     * would delete set 5. */
    { "INSERT OR REPLACE INTO observation (id, patient_id, taken_at, recorded_at, author, supersedes,"
      " amend_reason) VALUES (50, 1, 1, 1, 'mallory', 3, 'x')",
      "SELECT count(*) = 1 FROM observation WHERE id = 5 AND supersedes = 3" },
    { "INSERT OR REPLACE INTO setting (key, value) VALUES ('ward.name', 'Ward 9')",
      "SELECT value = 'Ward 3' FROM setting WHERE key = 'ward.name'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int rc = sqlite3_exec (db, cases[i].sql, NULL, NULL, NULL);

      g_test_message ("%s: %s", cases[i].sql, sqlite3_errmsg (db));
      if (rc == SQLITE_OK)
        g_error ("accepted: %s", cases[i].sql);
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      g_assert_cmpint (raw_int (db, cases[i].unchanged), ==, 1);
    }
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM observation"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM acknowledgement"), ==, 1);
  sqlite3_close (db);

  /* Nothing happened, and check says so. */
  g_assert_cmpint (run_check (path, &out, &err), ==, 0);
  assert_contains (out, "Integrity: ok");
}

/* A trigger dropped and a set deleted: the schema differs from its
 * version's, check names the trigger, and the app will not write. */
static void
test_dropped_trigger (void)
{
  g_autofree char *path = make_ward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = open_raw (path);

  exec_ok (db, "DROP TRIGGER observation_no_delete;"
               "DELETE FROM observation WHERE id = 4");
  sqlite3_close (db);

  g_assert_cmpint (run_check (path, &out, &err), ==, 1);
  assert_contains (err, "observation_no_delete");
  assert_contains (out, "Schema: ");
  g_assert_null (strstr (out, "Schema: ok"));
  assert_open_refused (path, "observation_no_delete");

  /* A trigger added, or an index dropped, is a difference too. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  db = open_raw (path);
  exec_ok (db, "CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation"
               " BEGIN SELECT RAISE (ABORT, 'observation sets are amended, never deleted'); END;"
               "CREATE TRIGGER sneaky AFTER INSERT ON patient BEGIN SELECT 1; END;"
               "DROP INDEX observation_red_flag");
  sqlite3_close (db);
  g_assert_cmpint (run_check (path, &out, &err), ==, 1);
  assert_contains (err, "sneaky");
  assert_contains (err, "observation_red_flag");
}

/* An audit row changed with its trigger out of the way, and the trigger
 * put back exactly: the schema is as it should be, but the hash chain
 * breaks at that row. */
static void
test_audit_chain (void)
{
  g_autofree char *path = make_ward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = open_raw (path);
  g_autofree char *trigger_sql = NULL;
  g_autofree char *sql = NULL;

  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = 'audit_no_update'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    trigger_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  sql = g_strdup_printf ("DROP TRIGGER audit_no_update;"
                         "UPDATE audit SET author = 'mallory' WHERE id = 4;"
                         "%s", trigger_sql);
  exec_ok (db, sql);
  sqlite3_close (db);

  g_assert_cmpint (run_check (path, &out, &err), ==, 1);
  assert_contains (out, "Schema: ok");
  assert_contains (err, "audit row 4");
  assert_open_refused (path, "audit row 4");
}

/* A set changed with the trigger out of the way and put back: schema and
 * chain are fine, but the set no longer matches what its audit row says
 * was saved. A set added without an audit row is found the same way. */
static void
test_row_differs_from_audit (void)
{
  g_autofree char *path = make_ward ();
  g_autofree char *path2 = make_ward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *trigger_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = open_raw (path);

  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = 'observation_no_update'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    trigger_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  sql = g_strdup_printf ("DROP TRIGGER observation_no_update;"
                         "UPDATE observation SET heart_rate = 60 WHERE id = 2;"
                         "%s", trigger_sql);
  exec_ok (db, sql);
  sqlite3_close (db);

  g_assert_cmpint (run_check (path, &out, &err), ==, 1);
  assert_contains (out, "Schema: ok");
  assert_contains (err, "observation 2");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  db = open_raw (path2);
  exec_ok (db, "INSERT INTO observation (patient_id, taken_at, recorded_at, author, heart_rate)"
               " VALUES (1, 1700009999, 1700009999, 'mallory', 70)");
  sqlite3_close (db);
  g_assert_cmpint (run_check (path2, &out, &err), ==, 1);
  assert_contains (err, "observation 6");
}

/* What the app itself saves, amends, archives and acknowledges passes
 * every check. */
static void
test_app_writes_pass (void)
{
  g_autofree char *path = make_ward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(CrsObservation) amended = make_full_observation (0, 1700000000);
  g_autoptr(CrsPatient) patient = NULL;

  g_assert_no_error (error);
  amended->heart_rate = 95;
  g_assert_true (crs_store_amend_observation (store, 1, amended, "typo", &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_set_archived (store, 2, TRUE, &error));
  g_assert_true (crs_store_set_archived (store, 2, FALSE, &error));
  g_assert_true (crs_store_set_setting (store, "ward.name", "Ward 7", &error));
  g_assert_true (crs_store_set_setting (store, "ward.name", "Ward 8", &error));
  patient = crs_store_get_patient (store, 1, &error);
  g_free (patient->bed);
  patient->bed = g_strdup ("12");
  g_assert_true (crs_store_update_patient (store, patient, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (run_check (path, &out, &err), ==, 0);
  assert_contains (out, "Integrity: ok");
  assert_contains (out, "Schema: ok");
  assert_contains (out, "Audit chain: ok");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-tamper/replace-refused", test_replace_refused);
  g_test_add_func ("/store-tamper/dropped-trigger", test_dropped_trigger);
  g_test_add_func ("/store-tamper/audit-chain", test_audit_chain);
  g_test_add_func ("/store-tamper/row-differs-from-audit", test_row_differs_from_audit);
  g_test_add_func ("/store-tamper/app-writes-pass", test_app_writes_pass);

  return g_test_run ();
}
