/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-nurses.c: nurse accounts, sign-in and who the records name
 * (issue 17): the PIN hash round trip, a wrong PIN, a disabled account,
 * every write path recording the signed-in account, and the PIN found
 * nowhere in the database, its -wal or an export. */
#define G_LOG_DOMAIN "test-store-nurses"

#include "config.h"

#include <string.h>

#include "crs-test-store-utils.h"
#include "exchange/crs-fhir.h"
#include "exchange/crs-ward-xml.h"
#include "store/crs-store-nurses.h"

/* Letters as well as digits: a PIN of digits alone could turn up inside
 * a time stamp by chance and make the grep below fail for nothing. */
#define PIN_ADA   "pin-Zq84!w"
#define PIN_BO    "Bo-PIN-7731x"

static void
test_hash_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = crs_nurse_hash_pin (PIN_ADA, &error);
  g_autofree char *again = NULL;
  gint64 start, took;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, PIN_ADA));
  g_assert_true (crs_nurse_verify_pin (hash, PIN_ADA));
  g_assert_false (crs_nurse_verify_pin (hash, "pin-Zq84!W"));
  g_assert_false (crs_nurse_verify_pin (hash, ""));

  /* Salted: the same PIN hashes differently each time. */
  start = g_get_monotonic_time ();
  again = crs_nurse_hash_pin (PIN_ADA, &error);
  took = g_get_monotonic_time () - start;
  g_assert_cmpstr (hash, !=, again);
  g_test_message ("Argon2id (interactive limits): %.0f ms per PIN", took / 1000.0);
}

/* The primary result code (the connection reports extended ones). */
static int
exec_rc (sqlite3    *db,
         const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff;
}

static void
test_schema (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  sqlite3 *db = crs_store_get_db (store);

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info ('audit')"
                                " WHERE name = 'account_id'"), ==, 1);
  /* Only Argon2id strings go into nurse_pin; accounts are never deleted
   * and their user name never changes. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO nurse (user_name, display_name, role, created)"
                                     " VALUES ('x', 'X', 'nurse', 1)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (exec_rc (db, "INSERT INTO nurse_pin VALUES (1, '1234')"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (db, "DELETE FROM nurse"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (db, "UPDATE nurse SET user_name = 'y'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (db, "INSERT OR REPLACE INTO nurse (id, user_name, display_name,"
                                " role, created) VALUES (1, 'x', 'Y', 'admin', 1)"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (db, "INSERT INTO nurse (user_name, display_name, role, created)"
                                " VALUES ('z', 'Z', 'boss', 1)"), ==, SQLITE_CONSTRAINT);
}

/* The audit rows of @table and @row_id: the last names @account and
 * @author. */
static void
assert_audited_by (CrsStore   *store,
                   const char *table,
                   gint64      row_id,
                   gint64      account,
                   const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = crs_store_list_audit (store, table, row_id, &error);
  CrsAuditEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >, 0);
  entry = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpint (entry->account_id, ==, account);
  g_assert_cmpstr (entry->author, ==, author);
}

static void
assert_file_lacks (const char *path,
                   const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_null (memmem (contents, length, needle, strlen (needle)));
}

static void
test_sign_in_and_records (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nurses = NULL;
  g_autoptr(CrsObservation) obs = NULL;
  g_autoptr(CrsObservation) fix = NULL;
  g_autoptr(CrsIntervention) intervention = crs_intervention_new ();
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(CrsLabResult) lab = crs_lab_result_new ();
  g_autoptr(GPtrArray) acks = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *xml = g_build_filename (dir, "export.xml", NULL);
  g_autofree char *fhir = g_build_filename (dir, "export.json", NULL);
  sqlite3 *db = crs_store_get_db (store);
  gint64 ada = 0, bo = 0, patient;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  crs_store_set_author (store, "Desk Login");

  /* Sign-in cannot be turned on before there is an administrator. */
  g_assert_false (crs_store_set_signin_enabled (store, TRUE, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crs_store_get_signin_enabled (store));
  g_assert_cmpint (crs_store_get_signin_idle_minutes (store), ==, 5);

  /* The first account is an administrator even when asked for a nurse. */
  g_assert_true (crs_store_add_nurse (store, "ada", "Ada Nurse", FALSE, PIN_ADA, &ada, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_add_nurse (store, "bo", "Bo Nurse", FALSE, PIN_BO, &bo, &error));
  g_assert_no_error (error);
  g_assert_false (crs_store_add_nurse (store, "bo", "Bo Again", FALSE, PIN_BO, NULL, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (crs_store_add_nurse (store, "cy", "Cy", FALSE, "123", NULL, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  nurses = crs_store_list_nurses (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nurses->len, ==, 2);
  g_assert_cmpstr (((CrsNurse *) nurses->pdata[0])->display_name, ==, "Ada Nurse");
  g_assert_true (((CrsNurse *) nurses->pdata[0])->admin);
  g_assert_false (((CrsNurse *) nurses->pdata[1])->admin);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM nurse_pin WHERE hash LIKE '$argon2id$%'"), ==, 2);

  g_assert_true (crs_store_set_signin_enabled (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_get_signin_enabled (store));
  g_assert_false (crs_store_set_signin_idle_minutes (store, 61, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (crs_store_set_signin_idle_minutes (store, 1, &error));
  g_assert_cmpint (crs_store_get_signin_idle_minutes (store), ==, 1);

  /* Not signed in: the author set for the store, no account. */
  patient = add_patient (store, "N-1", "3");
  assert_audited_by (store, "patient", patient, 0, "Desk Login");

  /* A wrong PIN says so, by name, and leaves nobody signed in. */
  g_assert_false (crs_store_sign_in (store, "bo", PIN_ADA, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Wrong PIN for Bo Nurse.");
  g_clear_error (&error);
  g_assert_null (crs_store_get_account (store));
  g_assert_false (crs_store_sign_in (store, "nobody", PIN_ADA, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (crs_store_sign_in (store, "bo", PIN_BO, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crs_store_get_account (store)->id, ==, bo);
  g_assert_cmpstr (crs_store_get_author (store), ==, "Bo Nurse");

  /* Every write path names Bo: the record's author and the audit row's
   * account. */
  obs = make_full_observation (patient, 10000);
  obs->stored_red_flag = TRUE;
  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (obs->author, ==, "Bo Nurse");
  assert_audited_by (store, "observation", obs->id, bo, "Bo Nurse");

  fix = make_full_observation (patient, 10000);
  g_assert_true (crs_store_amend_observation (store, obs->id, fix, "typo", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fix->author, ==, "Bo Nurse");
  assert_audited_by (store, "observation", fix->id, bo, "Bo Nurse");

  intervention->patient_id = patient;
  intervention->at = 10100;
  intervention->kind = CRS_INTERVENTION_ANTIPYRETIC;
  intervention->author = g_strdup ("Someone Else");   /* not kept: Bo is signed in */
  g_assert_true (crs_store_add_intervention (store, intervention, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (intervention->author, ==, "Bo Nurse");
  assert_audited_by (store, "intervention", intervention->id, bo, "Bo Nurse");

  infusion->patient_id = patient;
  infusion->therapy_name = g_strdup ("Trial drug");
  infusion->start_at = 9000;
  g_assert_true (crs_store_add_infusion (store, infusion, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (infusion->author, ==, "Bo Nurse");
  assert_audited_by (store, "infusion", infusion->id, bo, "Bo Nurse");

  lab->patient_id = patient;
  lab->at = 10200;
  lab->value = 80;
  lab->loinc = g_strdup ("1988-5");
  lab->name = g_strdup ("CRP");
  lab->unit = g_strdup ("mg/L");
  g_assert_true (crs_store_add_lab_result (store, lab, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lab->author, ==, "Bo Nurse");
  assert_audited_by (store, "lab_result", lab->id, bo, "Bo Nurse");

  /* Switch: Ada acknowledges the red flag. */
  g_assert_true (crs_store_sign_in (store, "ada", PIN_ADA, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrsObservation) flagged = make_full_observation (patient, 20000);

    flagged->stored_red_flag = TRUE;
    g_assert_true (crs_store_add_observation (store, flagged, &error));
    g_assert_no_error (error);
    g_assert_true (crs_store_acknowledge (store, flagged->id, "seen", &error));
    g_assert_no_error (error);
  }
  acks = crs_store_list_acknowledgements (store, patient, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 1);
  g_assert_cmpstr (((CrsAcknowledgement *) acks->pdata[0])->author, ==, "Ada Nurse");
  assert_audited_by (store, "acknowledgement", ((CrsAcknowledgement *) acks->pdata[0])->id, ada,
                     "Ada Nurse");
  g_assert_true (crs_store_set_setting (store, "ward.name", "Ward 7", &error));
  g_assert_no_error (error);
  assert_audited_by (store, "setting", 0 + raw_int (db, "SELECT rowid FROM setting WHERE key = 'ward.name'"),
                     ada, "Ada Nurse");

  /* Bo is disabled: no sign-in, but the history still names him. The
   * last administrator cannot be disabled while sign-in is on. */
  g_assert_false (crs_store_set_nurse_active (store, ada, FALSE, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (crs_store_set_nurse_active (store, bo, FALSE, &error));
  g_assert_no_error (error);
  assert_audited_by (store, "nurse", bo, ada, "Ada Nurse");
  g_assert_false (crs_store_sign_in (store, "bo", PIN_BO, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (crs_store_get_account (store));
  {
    g_autoptr(CrsObservation) again = crs_store_get_observation (store, fix->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again->author, ==, "Bo Nurse");
  }
  g_clear_pointer (&nurses, g_ptr_array_unref);
  nurses = crs_store_list_nurses (store, FALSE, &error);
  g_assert_cmpuint (nurses->len, ==, 1);
  g_clear_pointer (&nurses, g_ptr_array_unref);
  nurses = crs_store_list_nurses (store, TRUE, &error);
  g_assert_cmpuint (nurses->len, ==, 2);

  /* A reset PIN: the old one no longer works, the new one does. */
  g_assert_true (crs_store_set_nurse_active (store, bo, TRUE, &error));
  g_assert_true (crs_store_reset_pin (store, bo, "Bo-new-PIN-55", &error));
  g_assert_no_error (error);
  g_assert_false (crs_store_sign_in (store, "bo", PIN_BO, &error));
  g_clear_error (&error);
  g_assert_true (crs_store_sign_in (store, "bo", "Bo-new-PIN-55", &error));
  g_assert_no_error (error);

  /* Signed out: as before sign-in, the store's own author. */
  crs_store_sign_out (store);
  g_assert_cmpstr (crs_store_get_author (store), ==, "Desk Login");
  g_assert_true (crs_store_set_setting (store, "ward.name", "Ward 8", &error));
  assert_audited_by (store, "setting", raw_int (db, "SELECT rowid FROM setting WHERE key = 'ward.name'"),
                     0, "Desk Login");

  /* Everything still verifies: records against their audit rows, the
   * chain with the account ids in it. */
  {
    g_auto(CrsStoreVerification) verification = { 0 };

    g_assert_true (crs_store_verify (store, &verification, &error));
    g_assert_no_error (error);
    g_assert_true (crs_store_verification_ok (&verification));
  }

  /* The PINs are nowhere: the database, its -wal, the exports (which
   * carry no hash either). */
  g_assert_true (crs_ward_xml_export_file (store, NULL, 0, xml, &error));
  g_assert_no_error (error);
  g_assert_true (crs_fhir_export_file (store, NULL, 0, fhir, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 3; i++)
    {
      const char *pins[] = { PIN_ADA, PIN_BO, "Bo-new-PIN-55" };

      assert_file_lacks (path, pins[i]);
      assert_file_lacks (wal, pins[i]);
      assert_file_lacks (xml, pins[i]);
      assert_file_lacks (fhir, pins[i]);
    }
  assert_file_lacks (xml, "argon2");
  assert_file_lacks (fhir, "argon2");
}

/* Changing the account id of an audit row behind CRS Watch's back breaks
 * the chain there. */
static void
test_account_in_chain (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 ada = 0, bo = 0, n_rows = 0, break_at = 0;
  sqlite3 *db = crs_store_get_db (store);
  g_autoptr(CrsDb) chain_db = NULL;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;
  chain_db = crs_db_new_sqlite_borrowed (db);

  g_assert_true (crs_store_add_nurse (store, "ada", "Ada Nurse", TRUE, PIN_ADA, &ada, &error));
  g_assert_true (crs_store_add_nurse_hashed (store, "bo", "Bo Nurse", FALSE,
                                             "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$"
                                             "RdescudvJCsgt3ub+b+dWRWJTmaaJObG", &bo, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_sign_in (store, "ada", PIN_ADA, &error));
  add_patient (store, "N-2", "4");
  g_assert_cmpint (crs_store_audit_verify_chain (chain_db, 0, &n_rows, &break_at), ==, SQLITE_OK);
  g_assert_cmpint (break_at, ==, 0);
  g_assert_cmpint (n_rows, ==, 3);

  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update;"
                                     "UPDATE audit SET account_id = 2 WHERE id = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (crs_store_audit_verify_chain (chain_db, 0, &n_rows, &break_at), ==, SQLITE_OK);
  g_assert_cmpint (break_at, ==, 3);
}

/* Runs crs-watch-cli with @input on standard input; returns its exit
 * status, and its standard error in *@err. */
static int
run_cli (const char * const  *argv,
         const char          *input,
         char               **err)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* `crs-watch-cli nurses`: the PIN comes from standard input, and the
 * changes are recorded as command-line writes by --author. */
static void
test_cli (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  const char *cli = g_getenv ("CRS_WATCH_CLI");
  const char *add[] = { cli, "nurses", "add", "--db", path, "--user", "cy", "--name", "Cy Nurse",
                        "--author", "IT Desk", NULL };
  const char *add_short[] = { cli, "nurses", "add", "--db", path, "--user", "dee", "--name", "Dee",
                              NULL };
  const char *disable[] = { cli, "nurses", "disable", "--db", path, "--user", "cy", "--author",
                            "IT Desk", NULL };
  g_autofree char *err = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(CrsNurse) cy = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (run_cli (add, PIN_ADA "\n", &err), ==, 0);
  g_clear_pointer (&err, g_free);
  /* Too short: refused, nothing added. */
  g_assert_cmpint (run_cli (add_short, "12\n", &err), ==, 1);
  g_assert_nonnull (strstr (err, "PIN"));
  g_clear_pointer (&err, g_free);
  /* Sign-in is off: even the last administrator can be disabled. */
  g_assert_cmpint (run_cli (disable, "", &err), ==, 0);
  g_clear_pointer (&err, g_free);

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  cy = crs_store_find_nurse (store, "cy", &error);
  g_assert_nonnull (cy);
  g_assert_true (cy->admin);   /* the first account */
  g_assert_false (cy->active);
  g_assert_null (crs_store_find_nurse (store, "dee", &error));
  audit = crs_store_list_audit (store, "nurse", cy->id, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->author, ==, "IT Desk (command line)");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[1])->action, ==, "disable");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[1])->author, ==, "IT Desk (command line)");
  g_assert_true (crs_store_set_nurse_active (store, cy->id, TRUE, &error));
  g_assert_true (crs_store_sign_in (store, "cy", PIN_ADA, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-nurses/hash", test_hash_round_trip);
  g_test_add_func ("/store-nurses/schema", test_schema);
  g_test_add_func ("/store-nurses/sign-in-and-records", test_sign_in_and_records);
  g_test_add_func ("/store-nurses/account-in-chain", test_account_in_chain);
  g_test_add_func ("/store-nurses/cli", test_cli);
  return g_test_run ();
}
