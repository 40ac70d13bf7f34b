/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-server.c: the ward store on a PostgreSQL server (the
 * shared ward), against a throwaway server (tests/crs-test-postgresql.h),
 * a new database for each case: a new ward is made and opened again,
 * records round-trip, the server refuses what SQLite refuses, two
 * workstations see each other's saves, a second amendment of the same
 * set is told, a server killed in the middle loses nothing reported
 * saved, and a ward moves from its file to the server whole or not at
 * all. Skips where the server's binaries are missing. */
#define G_LOG_DOMAIN "test-store-server"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/crs-store.h"
#include "store/crs-store-nurses.h"
#include "store/crs-store-private.h"
#include "crs-test-postgresql.h"
#include "crs-test-station.h"
#include "crs-test-store-utils.h"

/* A store on a new, empty database; NULL when the test was skipped. */
static CrsStore *
open_new_ward (char **conninfo_out)
{
  g_autofree char *conninfo = crs_test_postgresql_shared_database ();
  g_autoptr(GError) error = NULL;
  CrsStore *store;

  if (conninfo == NULL)
    return NULL;
  store = crs_store_open (conninfo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (conninfo_out != NULL)
    *conninfo_out = g_steal_pointer (&conninfo);
  return store;
}

static CrsStore *
open_ok (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  CrsStore *store = crs_store_open (conninfo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
save_observation (CrsStore *store,
                  gint64    patient_id,
                  gint64    taken_at,
                  double    temperature)
{
  g_autoptr(CrsObservation) obs = crs_observation_new ();
  g_autoptr(GError) error = NULL;

  obs->patient_id = patient_id;
  obs->taken_at = taken_at;
  obs->temperature_c = temperature;
  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (obs->id, >, 0);
  return obs->id;
}

static void
test_locator (void)
{
  g_assert_true (crs_store_is_server_locator ("postgresql://db.example.org/ward3"));
  g_assert_true (crs_store_is_server_locator ("postgres://db/ward3"));
  g_assert_true (crs_store_is_server_locator ("host=db.example.org dbname=ward3"));
  g_assert_true (crs_store_is_server_locator ("service=ward3"));
  g_assert_false (crs_store_is_server_locator ("/home/nurse/ward.db"));
  g_assert_false (crs_store_is_server_locator ("ward=3.db"));
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;

  store = crs_store_open ("host=/nonexistent-crs-socket-dir port=5999 dbname=ward3"
                          " password=secret-pw connect_timeout=2", &error);
  g_assert_null (store);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "ward3 on /nonexistent-crs-socket-dir:5999"));
  g_assert_null (strstr (error->message, "secret-pw"));
}

static void
test_create_and_reopen (void)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *with_password = NULL;
  g_autofree char *ward_id = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(CrsStore) again = NULL;

  if (store == NULL)
    return;
  g_assert_cmpint (crs_store_get_schema_version (store), ==, CRS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (strlen (crs_store_get_ward_id (store)), ==, 36);
  ward_id = g_strdup (crs_store_get_ward_id (store));
  g_clear_object (&store);

  /* The trust server takes any password: it must never be shown. */
  with_password = g_strconcat (conninfo, " password=secret-pw", NULL);
  again = open_ok (with_password);
  g_assert_cmpstr (crs_store_get_ward_id (again), ==, ward_id);
  g_assert_null (strstr (crs_store_get_path (again), "secret-pw"));
  g_assert_nonnull (strstr (crs_store_get_path (again), "case_"));
}

/* A ward a newer CRS Watch has raised to a later schema version is
 * refused, naming both versions, and left as it is. */
static void
test_too_new (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(CrsStore) again = NULL;
  g_autoptr(CrsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raised = NULL;
  g_autofree char *message = NULL;
  int rc = SQLITE_OK;

  if (store == NULL)
    return;
  g_clear_object (&store);
  db = crs_db_connect_postgresql (conninfo, &rc, &message);
  g_assert_nonnull (db);
  raised = g_strdup_printf ("INSERT INTO crs_schema (version) VALUES (%d)", CRS_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (crs_db_exec (db, raised), ==, SQLITE_OK);

  again = crs_store_open (conninfo, &error);
  g_assert_null (again);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer CRS Watch"));
  g_clear_error (&error);
  again = crs_store_open_read_only (conninfo, &error);
  g_assert_null (again);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TOO_NEW);
}

static void
test_round_trip (void)
{
  g_autoptr(CrsStore) store = open_new_ward (NULL);
  g_autoptr(CrsObservation) full = NULL;
  g_autoptr(CrsObservation) fix = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ward_name = NULL;
  gint64 patient_id, n_rows = 0, break_at = -1;

  if (store == NULL)
    return;
  patient_id = add_patient (store, "MRN-7", "3");
  full = make_full_observation (patient_id, 1700000000);
  crs_store_add_observation (store, full, &error);
  g_assert_no_error (error);

  sets = crs_store_list_observations (store, patient_id, 0, G_MAXINT64, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  assert_observation_content_equal (g_ptr_array_index (sets, 0), full);

  fix = make_full_observation (patient_id, 1700000000);
  fix->heart_rate = 131;
  g_assert_true (crs_store_amend_observation (store, full->id, fix, "wrong pulse", &error));
  g_assert_no_error (error);
  all = crs_store_list_observations (store, patient_id, 0, G_MAXINT64, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  /* Audited as on SQLite: the row as JSON, compact, NULLs left out. */
  audit = crs_store_list_audit (store, "observation", fix->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 1);
  assert_json_field (((CrsAuditEntry *) g_ptr_array_index (audit, 0))->after, "heart_rate", "131");
  assert_json_field (((CrsAuditEntry *) g_ptr_array_index (audit, 0))->after, "amend_reason",
                     "wrong pulse");

  /* A setting (the one table keyed by rowid) saved twice. */
  g_assert_true (crs_store_set_ward_name (store, "Ward 3", &error));
  g_assert_true (crs_store_set_ward_name (store, "Ward 3 East", &error));
  g_assert_no_error (error);
  ward_name = crs_store_get_ward_name (store);
  g_assert_cmpstr (ward_name, ==, "Ward 3 East");

  /* The hash chain holds over every row the server wrote. */
  g_assert_cmpint (crs_store_audit_verify_chain (crs_store_get_connection (store), 0, &n_rows,
                                                 &break_at), ==, SQLITE_OK);
  g_assert_cmpint (break_at, ==, 0);
  g_assert_cmpint (n_rows, >=, 5);
}

static void
expect_refused (CrsDb      *db,
                const char *sql,
                const char *words)
{
  g_assert_cmpint (crs_db_exec (db, sql), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (crs_db_errmsg (db), words));
}

static void
test_require_tls (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(CrsStore) again = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  g_assert_true (crs_store_is_shared (store));
  g_assert_false (crs_store_get_require_tls (store));

  /* The test server speaks on a Unix socket, never encrypted: turning the
   * rule on from here would shut this workstation out, so it is refused. */
  g_assert_false (crs_store_set_require_tls (store, TRUE, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crs_store_get_require_tls (store));

  /* Turned on elsewhere (here behind the rule's back): this workstation's
   * unencrypted connection is refused at open, with words. */
  g_assert_true (crs_store_set_setting (store, "server.require_tls", "on", &error));
  g_assert_no_error (error);
  again = crs_store_open (conninfo, &error);
  g_assert_null (again);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "not encrypted"));
  g_clear_error (&error);

  /* Off again: it opens. */
  g_assert_true (crs_store_set_require_tls (store, FALSE, &error));
  again = open_ok (conninfo);
}

/* `check` on a server: the audit chain, checked; a row changed behind
 * the triggers' back (by the server's superuser) breaks it there. */
static void
test_check_chain (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "check", "--db", NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 patient_id;
  int status = -1;

  if (store == NULL)
    return;
  argv[3] = conninfo;
  patient_id = add_patient (store, "MRN-30", "9");
  save_observation (store, patient_id, 1700000000, 38.1);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Audit chain: ok (2 rows)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (crs_db_exec (crs_store_get_connection (store),
                                "ALTER TABLE audit DISABLE TRIGGER audit_no_update;"
                                "UPDATE audit SET author = 'someone else' WHERE id = 2;"
                                "ALTER TABLE audit ENABLE TRIGGER audit_no_update"), ==, SQLITE_OK);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Audit chain: broken at row 2"));
  g_assert_nonnull (strstr (err, "changed, removed or added outside CRS Watch"));
}

static void
test_refusals (void)
{
  g_autoptr(CrsStore) store = open_new_ward (NULL);
  CrsDb *db;
  gint64 patient_id;

  if (store == NULL)
    return;
  patient_id = add_patient (store, "MRN-8", "4");
  save_observation (store, patient_id, 1700000000, 38.2);
  db = crs_store_get_connection (store);

  expect_refused (db, "DELETE FROM patient", "patients are archived, never deleted");
  expect_refused (db, "DELETE FROM observation", "observation sets are amended, never deleted");
  expect_refused (db, "UPDATE observation SET temperature_c = 36.6",
                  "observation sets are never changed: amend them");
  expect_refused (db, "UPDATE audit SET author = 'someone'", "the audit log is append-only");
  expect_refused (db, "DELETE FROM audit", "the audit log is append-only");
  expect_refused (db, "TRUNCATE observation CASCADE", "ward records are never deleted");
  expect_refused (db, "INSERT INTO audit (id, at, author, action, table_name, row_id, hash)"
                      " VALUES (1000, 1, 'x', 'insert', 'patient', 1, 'short')",
                  "the audit log is append-only, each row with its hash");
  expect_refused (db, "UPDATE ward SET created_at = 0", "the ward's identity never changes");
}

static void
test_two_workstations (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) station = open_new_ward (&conninfo);
  g_autoptr(CrsStore) bay = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  gint64 patient_id, deadline;
  gboolean heard = FALSE;

  if (station == NULL)
    return;
  bay = open_ok (conninfo);
  g_signal_connect (bay, "changed", G_CALLBACK (count_changed), seen);
  g_assert_false (crs_store_poll_outside_changes (bay));

  patient_id = add_patient (station, "MRN-9", "5");
  save_observation (station, patient_id, 1700000000, 39.1);
  /* Its own saves are not news to the station. */
  g_assert_false (crs_store_poll_outside_changes (station));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!heard && g_get_monotonic_time () < deadline)
    {
      heard = crs_store_poll_outside_changes (bay);
      if (!heard)
        g_usleep (20000);
    }
  g_assert_true (heard);
  g_assert_cmpuint (seen->len, >=, 1);
  sets = crs_store_list_observations (bay, patient_id, 0, G_MAXINT64, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  assert_double_equal (((CrsObservation *) g_ptr_array_index (sets, 0))->temperature_c, 39.1);
}

static void
test_two_processes (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  CrsTestStation *stations[2];
  guint heard[2] = { 0, 0 };
  guint failed = 0;

  if (store == NULL)
    return;
  stations[0] = crs_test_station_start (conninfo, "A", 20, 30);
  stations[1] = crs_test_station_start (conninfo, "B", 20, 30);
  for (guint i = 0; i < 2; i++)
    crs_test_station_go (stations[i]);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (crs_test_station_finish (stations[i], saved, NULL, &failed, &heard[i]));
      g_assert_cmpuint (failed, ==, 0);
    }

  /* Each heard the other, and every save reported is there, its own. */
  g_assert_cmpuint (heard[0], >=, 1);
  g_assert_cmpuint (heard[1], >=, 1);
  g_assert_cmpuint (saved->len, ==, 40);
  for (guint i = 0; i < saved->len; i++)
    {
      g_autoptr(CrsObservation) obs = crs_store_get_observation (store, g_array_index (saved, gint64, i),
                                                                 &error);
      g_assert_no_error (error);
      g_assert_cmpstr (obs->author, ==, i < 20 ? "A" : "B");
    }
}

static void
test_amend_conflict (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) first = open_new_ward (&conninfo);
  g_autoptr(CrsStore) second = NULL;
  g_autoptr(CrsObservation) fix_a = NULL;
  g_autoptr(CrsObservation) fix_b = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 patient_id, id;

  if (first == NULL)
    return;
  second = open_ok (conninfo);
  crs_store_set_author (first, "Ada");
  patient_id = add_patient (first, "MRN-10", "6");
  id = save_observation (first, patient_id, 1700000000, 38.0);

  fix_a = make_full_observation (patient_id, 1700000000);
  fix_b = make_full_observation (patient_id, 1700000000);
  fix_b->heart_rate = 77;
  g_assert_true (crs_store_amend_observation (first, id, fix_a, "typo", &error));
  g_assert_no_error (error);
  g_assert_false (crs_store_amend_observation (second, id, fix_b, "other typo", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ada"));

  all = crs_store_list_observations (second, patient_id, 0, G_MAXINT64, TRUE, NULL);
  g_assert_cmpuint (all->len, ==, 2);
}

/* A ward file with a bit of everything: patients, sets and an amended
 * one, an acknowledgement, an intervention, a setting, a nurse. */
static char *
make_ward_file (gint64 *patient_out,
                gint64 *n_audit_out)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsObservation) fix = NULL;
  g_autoptr(CrsIntervention) dose = crs_intervention_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  CrsStoreCounts counts;
  gint64 patient_id, first, nurse = 0;

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crs_store_add_nurse (store, "ada", "Ada Nurse", TRUE, "2468", &nurse, &error));
  g_assert_true (crs_store_set_ward_name (store, "Ward 3", &error));
  g_assert_no_error (error);
  patient_id = add_patient (store, "MRN-20", "1");
  add_patient (store, "MRN-21", "2");
  first = save_observation (store, patient_id, 1700000000, 38.4);
  save_observation (store, patient_id, 1700003600, 39.05);
  fix = make_full_observation (patient_id, 1700000000);
  g_assert_true (crs_store_amend_observation (store, first, fix, "wrong time", &error));
  g_assert_true (crs_store_acknowledge (store, fix->id, "told the registrar", &error));
  dose->patient_id = patient_id;
  dose->at = 1700004000;
  dose->kind = CRS_INTERVENTION_ANTI_CYTOKINE;
  dose->dose = g_strdup ("8 mg/kg IV");
  g_assert_true (crs_store_add_intervention (store, dose, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  *patient_out = patient_id;
  *n_audit_out = counts.audit_rows;
  return g_steal_pointer (&path);
}

static void
test_migrate (void)
{
  g_autofree char *conninfo = crs_test_postgresql_shared_database ();
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) file = NULL;
  g_autoptr(CrsStore) server = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ward_name = NULL;
  CrsStoreMigration report;
  gint64 patient_id, n_audit, id, n_rows = 0, break_at = -1;

  if (conninfo == NULL)
    return;
  path = make_ward_file (&patient_id, &n_audit);

  g_assert_true (crs_store_migrate_to_server (path, conninfo, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.audit_rows, ==, n_audit);

  file = crs_store_open_read_only (path, &error);
  server = open_ok (conninfo);
  g_assert_cmpstr (crs_store_get_ward_id (server), ==, crs_store_get_ward_id (file));
  ward_name = crs_store_get_ward_name (server);
  g_assert_cmpstr (ward_name, ==, "Ward 3");
  before = crs_store_list_observations (file, patient_id, 0, G_MAXINT64, TRUE, &error);
  after = crs_store_list_observations (server, patient_id, 0, G_MAXINT64, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    assert_observation_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, i));

  /* The nurse signs in on the server with her PIN. */
  g_assert_true (crs_store_sign_in (server, "ada", "2468", &error));
  g_assert_no_error (error);
  /* New rows follow the copied ids, and the chain goes on. */
  id = save_observation (server, patient_id, 1700007200, 37.9);
  g_assert_cmpint (id, ==, 4);
  g_assert_cmpint (crs_store_audit_verify_chain (crs_store_get_connection (server), 0, &n_rows,
                                                 &break_at), ==, SQLITE_OK);
  g_assert_cmpint (break_at, ==, 0);
  g_assert_cmpint (n_rows, ==, n_audit + 1);

  /* Into a database that holds a ward: refused, and it is untouched. */
  g_assert_false (crs_store_migrate_to_server (path, conninfo, &report, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
}

static void
test_migrate_all_or_nothing (void)
{
  g_autofree char *conninfo = crs_test_postgresql_shared_database ();
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(CrsDb) db = NULL;
  g_autoptr(CrsDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  CrsStoreMigration report;
  gint64 patient_id, n_audit;
  int rc = SQLITE_OK;

  if (conninfo == NULL)
    return;
  path = make_ward_file (&patient_id, &n_audit);

  /* Something of the hospital's is in the database; and once the audit
   * table is made, the server refuses its fifth row: late in the copy,
   * after every other table is in. */
  db = crs_db_connect_postgresql (conninfo, &rc, &message);
  g_assert_nonnull (db);
  g_assert_cmpint (crs_db_exec (db,
    "CREATE TABLE keep_me (n bigint); INSERT INTO keep_me VALUES (7);"
    "CREATE FUNCTION refuse_fifth () RETURNS trigger LANGUAGE plpgsql AS $$"
    " BEGIN IF NEW.id = 5 THEN RAISE EXCEPTION 'the disk is on fire'; END IF; RETURN NEW; END $$;"
    "CREATE FUNCTION arm () RETURNS event_trigger LANGUAGE plpgsql AS $$"
    " BEGIN"
    "  IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands ()"
    "             WHERE object_identity = 'public.audit') THEN"
    "    EXECUTE 'CREATE TRIGGER fifth BEFORE INSERT ON audit"
    "             FOR EACH ROW EXECUTE FUNCTION refuse_fifth ()';"
    "  END IF;"
    " END $$;"
    "CREATE EVENT TRIGGER arm_audit ON ddl_command_end WHEN TAG IN ('CREATE TABLE')"
    " EXECUTE FUNCTION arm ();"), ==, SQLITE_OK);

  g_assert_false (crs_store_migrate_to_server (path, conninfo, &report, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "the disk is on fire"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed on the server"));
  g_test_message ("%s", error->message);

  /* Nothing of the ward is left, and what was there stays. */
  g_assert_cmpint (crs_db_prepare (db, "SELECT to_regclass ('patient') IS NULL"
                                       " AND to_regclass ('crs_schema') IS NULL,"
                                       " (SELECT n FROM keep_me)", &stmt), ==, SQLITE_OK);
  g_assert_cmpint (crs_db_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (crs_db_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpint (crs_db_column_int64 (stmt, 1), ==, 7);
}

static void
test_server_killed (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(CrsStore) later = NULL;
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrsObservation) lost = crs_observation_new ();
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  gint64 patient_id, id;

  if (store == NULL)
    return;
  patient_id = add_patient (store, "MRN-11", "7");
  for (int i = 0; i < 5; i++)
    {
      id = save_observation (store, patient_id, 1700000000 + i * 60, 37.0 + i / 10.0);
      g_array_append_val (saved, id);
    }

  g_assert_false (crs_store_poll_outside_changes (store));
  g_assert_true (crs_test_postgresql_kill (crs_test_postgresql_shared (), &error));
  g_assert_no_error (error);

  /* The watch tells the views once, so that they read, fail and say so. */
  g_assert_true (crs_store_poll_outside_changes (store));
  g_assert_false (crs_store_poll_outside_changes (store));

  /* A save while the server is down is refused with words, not lost in
   * silence, and nothing crashes. */
  lost->patient_id = patient_id;
  lost->taken_at = 1700009999;
  lost->temperature_c = 40.0;
  g_assert_false (crs_store_add_observation (store, lost, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_true (crs_test_postgresql_restart (crs_test_postgresql_shared (), &error));
  g_assert_no_error (error);

  /* The same store connects again by itself at the next save, and the
   * watch then has the views read everything again. */
  id = save_observation (store, patient_id, 1700010000, 38.5);
  g_array_append_val (saved, id);
  g_assert_true (crs_store_poll_outside_changes (store));
  g_assert_false (crs_store_poll_outside_changes (store));

  later = open_ok (conninfo);
  sets = crs_store_list_observations (later, patient_id, 0, G_MAXINT64, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, saved->len);
  for (guint i = 0; i < saved->len; i++)
    g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, i))->id, ==,
                     g_array_index (saved, gint64, i));
}

/* The server killed while two workstations save as fast as they can, so
 * that commits are in flight when it dies, then started again: every
 * save a workstation was told had been made is there, each workstation
 * goes on saving once the server is back, and the audit chain holds. A
 * save reported refused may still have committed (its answer was lost
 * with the server): more rows than reported saves is allowed, fewer is
 * not. */
/* A server that stops answering (its host drops packets, or it hangs):
 * the window's timer never waits for it. Its socket is taken by one that
 * accepts nothing, so that each connection waits out libpq's 10 s
 * timeout; while it does, every poll returns at once, and so does a
 * save, refused. Once the server is back, the watch finds it by itself,
 * without a save. */
static void
test_hung_server (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(GSocket) hung = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *socket_path = NULL;
  g_autoptr(CrsObservation) lost = crs_observation_new ();
  gint64 start, longest = 0, deadline, patient_id;
  gboolean back = FALSE;
  guint polls = 0;

  if (store == NULL)
    return;
  patient_id = add_patient (store, "MRN-12", "8");
  socket_path = crs_test_postgresql_get_socket_path (crs_test_postgresql_shared ());
  g_assert_true (crs_test_postgresql_kill (crs_test_postgresql_shared (), &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_poll_outside_changes (store));

  hung = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_unlink (socket_path);
  g_assert_true (g_socket_bind (hung, address, FALSE, &error));
  g_socket_set_listen_backlog (hung, 8);
  g_assert_true (g_socket_listen (hung, &error));
  g_assert_no_error (error);

  /* Long enough for two probes (one a second in, the next 5 s later). */
  deadline = g_get_monotonic_time () + 7 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      start = g_get_monotonic_time ();
      g_assert_false (crs_store_poll_outside_changes (store));
      longest = MAX (longest, g_get_monotonic_time () - start);
      polls++;
      g_usleep (100 * 1000);
    }
  g_test_message ("%u polls while the server hung, the longest %" G_GINT64_FORMAT " µs", polls, longest);
  g_assert_cmpint (longest, <, G_USEC_PER_SEC / 2);

  /* A save meanwhile is refused at once, not after the timeout. */
  lost->patient_id = patient_id;
  lost->taken_at = 1700009999;
  lost->temperature_c = 40.0;
  start = g_get_monotonic_time ();
  g_assert_false (crs_store_add_observation (store, lost, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  g_socket_close (hung, NULL);
  g_unlink (socket_path);
  g_assert_true (crs_test_postgresql_restart (crs_test_postgresql_shared (), &error));
  g_assert_no_error (error);
  /* The hung probe times out (10 s from its start), the next finds the
   * server, and the poll after it connects. */
  deadline = g_get_monotonic_time () + 25 * G_USEC_PER_SEC;
  while (!back && g_get_monotonic_time () < deadline)
    {
      back = crs_store_poll_outside_changes (store);
      g_usleep (100 * 1000);
    }
  g_assert_true (back);
  g_assert_cmpint (save_observation (store, patient_id, 1700000000, 38.2), >, 0);
}

#define KILLED_SETS 1500

static void
test_killed_mid_save (void)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(CrsStore) store = open_new_ward (&conninfo);
  g_autoptr(CrsStore) later = NULL;
  g_autoptr(GError) error = NULL;
  CrsTestStation *stations[2];
  gint64 rows = 0, break_at = -1;
  guint total_saved = 0;

  if (store == NULL)
    return;
  /* Long enough (4.5 s at least) to go on well after the restart. */
  stations[0] = crs_test_station_start (conninfo, "A", KILLED_SETS, 3);
  stations[1] = crs_test_station_start (conninfo, "B", KILLED_SETS, 3);
  for (guint i = 0; i < 2; i++)
    crs_test_station_go (stations[i]);
  g_usleep (400 * 1000);
  g_assert_true (crs_test_postgresql_kill (crs_test_postgresql_shared (), &error));
  g_assert_no_error (error);
  g_usleep (300 * 1000);
  g_assert_true (crs_test_postgresql_restart (crs_test_postgresql_shared (), &error));
  g_assert_no_error (error);

  later = open_ok (conninfo);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) sets = NULL;
      g_autoptr(CrsPatient) patient = NULL;
      g_autofree char *mrn = g_strdup_printf ("STATION-%c", 'A' + i);
      guint failed = 0, heard = 0, found = 0;
      gboolean last_saved = FALSE;

      g_assert_true (crs_test_station_finish (stations[i], saved, NULL, &failed, &heard));
      g_test_message ("station %c: %u saved, %u refused", 'A' + i, saved->len, failed);
      /* The server was down for a while: some were refused, and the
       * workstation saved again once it was back (the last ones). */
      g_assert_cmpuint (failed, >=, 1);
      g_assert_cmpuint (saved->len + failed, ==, KILLED_SETS);

      patient = crs_store_find_patient_by_mrn (later, mrn, &error);
      g_assert_no_error (error);
      g_assert_nonnull (patient);
      sets = crs_store_list_observations (later, patient->id, 0, G_MAXINT64, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sets->len, >=, saved->len);
      for (guint k = 0; k < saved->len; k++)
        for (guint m = 0; m < sets->len; m++)
          {
            CrsObservation *obs = g_ptr_array_index (sets, m);

            if (obs->id != g_array_index (saved, gint64, k))
              continue;
            found++;
            /* The workstation's last set (crs-test-workstation's times). */
            last_saved |= obs->taken_at == 1700000000 + (KILLED_SETS - 1) * 60;
            break;
          }
      g_assert_cmpuint (found, ==, saved->len);
      g_assert_true (last_saved);
      total_saved += saved->len;
    }

  g_assert_true (crs_store_verify_audit_chain (later, &rows, &break_at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (break_at, ==, 0);
  /* Two patients, then a row per set committed. */
  g_assert_cmpint (rows, >=, 2 + (gint64) total_saved);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-server/locator", test_locator);
  g_test_add_func ("/store-server/unreachable", test_unreachable);
  g_test_add_func ("/store-server/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/store-server/too-new", test_too_new);
  g_test_add_func ("/store-server/round-trip", test_round_trip);
  g_test_add_func ("/store-server/refusals", test_refusals);
  g_test_add_func ("/store-server/check-chain", test_check_chain);
  g_test_add_func ("/store-server/require-tls", test_require_tls);
  g_test_add_func ("/store-server/two-workstations", test_two_workstations);
  g_test_add_func ("/store-server/two-processes", test_two_processes);
  g_test_add_func ("/store-server/amend-conflict", test_amend_conflict);
  g_test_add_func ("/store-server/migrate", test_migrate);
  g_test_add_func ("/store-server/migrate-all-or-nothing", test_migrate_all_or_nothing);
  /* Last: it stops the server for a moment. */
  g_test_add_func ("/store-server/server-killed", test_server_killed);
  g_test_add_func ("/store-server/killed-mid-save", test_killed_mid_save);
  g_test_add_func ("/store-server/hung-server", test_hung_server);

  status = g_test_run ();
  crs_test_postgresql_shared_stop ();
  return status;
}
