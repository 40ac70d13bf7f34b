/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ward-import.c: ward files into and out of a real ward database:
 * export, import into a fresh database and export again gives the same
 * records and the same text; a rejected file (malformed, invalid, hostile,
 * duplicate, refused by the store half-way) leaves the database exactly as
 * it was, audit log included; and the crs-watch-cli export and import
 * commands. */
#define G_LOG_DOMAIN "test-ward-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "crs-test-ward-utils.h"
#include "store/crs-store-private.h"

#define NS "https://crswatch.org/ns/ward/1"
#define ANCHOR G_GINT64_CONSTANT (1741593600)

static char *
temp_path (const char *name)
{
  static guint counter = 0;
  g_autofree char *sub = g_strdup_printf ("db-%u", ++counter);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), sub, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static CrsStore *
open_fresh_store (void)
{
  g_autofree char *path = temp_path ("ward.sqlite");
  g_autoptr(GError) error = NULL;
  CrsStore *store = crs_store_open (path, &error);

  g_assert_no_error (error);
  crs_store_set_author (store, "importer");
  return store;
}

/* What a rejected import must leave alone: the counts and every audit row. */
typedef struct
{
  CrsStoreCounts counts;
  GPtrArray     *audit;
  GHashTable    *settings;
} Snapshot;

static void
snapshot_take (CrsStore *store,
               Snapshot *snap)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crs_store_get_counts (store, &snap->counts, &error));
  g_assert_no_error (error);
  snap->audit = crs_store_list_audit (store, NULL, 0, &error);
  g_assert_no_error (error);
  snap->settings = crs_store_list_settings (store, &error);
  g_assert_no_error (error);
}

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->audit, g_ptr_array_unref);
  g_clear_pointer (&snap->settings, g_hash_table_unref);
}

static void
assert_unchanged (CrsStore *store,
                  Snapshot *before)
{
  Snapshot after = { 0 };

  snapshot_take (store, &after);
  g_assert_cmpmem (&before->counts, sizeof before->counts, &after.counts, sizeof after.counts);
  g_assert_cmpuint (before->audit->len, ==, after.audit->len);
  for (guint i = 0; i < before->audit->len; i++)
    {
      CrsAuditEntry *a = g_ptr_array_index (before->audit, i);
      CrsAuditEntry *b = g_ptr_array_index (after.audit, i);
      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->action, ==, b->action);
      g_assert_cmpstr (a->after, ==, b->after);
    }
  g_assert_cmpuint (g_hash_table_size (before->settings), ==, g_hash_table_size (after.settings));
  snapshot_clear (&after);
}

static void
import_ok (CrsStore    *store,
           CrsWardFile *file)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crs_ward_file_import (store, file, NULL, &error));
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The text without the one thing that differs between two exports. */
static char *
without_export_time (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (" exported-at=\"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

/* ---------------------------------------------------------------------- */

static void
test_round_trip_through_database (void)
{
  g_autoptr(CrsStore) first = open_fresh_store ();
  g_autoptr(CrsStore) second = open_fresh_store ();
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autoptr(CrsWardFile) loaded_first = NULL;
  g_autoptr(CrsWardFile) loaded_second = NULL;
  g_autofree char *export1 = temp_path ("export1.xml");
  g_autofree char *export2 = temp_path ("export2.xml");
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *bare1 = NULL;
  g_autofree char *bare2 = NULL;
  g_autoptr(GError) error = NULL;
  CrsWardImportSummary summary = { 0 };
  CrsWardFilePatient *entry;
  struct stat st;

  import_ok (first, rich);

  g_assert_true (crs_ward_xml_export_file (first, NULL, 0, export1, &error));
  g_assert_no_error (error);
  g_assert_true (crs_ward_xml_import_file (second, export1, 0, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.patients, ==, 3);
  g_assert_cmpuint (summary.settings_applied, ==, 4);
  g_assert_cmpuint (summary.settings_kept, ==, 0);
  g_assert_true (crs_ward_xml_export_file (second, NULL, 0, export2, &error));
  g_assert_no_error (error);

  /* The two exports say the same, to the byte, but for when they were made. */
  text1 = read_text (export1);
  text2 = read_text (export2);
  bare1 = without_export_time (text1);
  bare2 = without_export_time (text2);
  g_assert_cmpstr (bare1, ==, bare2);
  g_assert_nonnull (strstr (text1, "exported-at=\""));

  /* Record by record, every field, from both databases. */
  loaded_first = crs_ward_file_load (first, NULL, 0, &error);
  g_assert_no_error (error);
  loaded_second = crs_ward_file_load (second, NULL, 0, &error);
  g_assert_no_error (error);
  crs_test_assert_ward_files_equal (loaded_first, loaded_second);
  crs_test_assert_ward_files_equal (loaded_second, loaded_first);

  /* And the database holds what the rich file held, where the store does
   * not fill a value in (authors and times of records that had none). */
  entry = crs_test_ward_file_find (loaded_second, "MRN-0001");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->patient->name, ==, "Zoë Ångström-O'Neil");
  g_assert_cmpuint (entry->observations->len, ==,
                    crs_test_ward_file_find (rich, "MRN-0001")->observations->len);
  g_assert_cmpuint (entry->acknowledgements->len, ==, 2);
  g_assert_true (crs_test_ward_file_find (loaded_second, "MRN-0003")->patient->archived);
  {
    CrsWardFilePatient *original = crs_test_ward_file_find (rich, "MRN-0001");
    guint amended = 0;

    for (guint i = 0; i < entry->observations->len; i++)
      {
        CrsObservation *obs = g_ptr_array_index (entry->observations, i);
        if (obs->supersedes_id != 0)
          amended++;
      }
    g_assert_cmpuint (amended, ==, 2);
    g_assert_cmpuint (entry->lab_results->len, ==, original->lab_results->len);
  }

  /* Patient data on disk: owner only. */
  g_assert_cmpint (g_stat (export1, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_selected_patients (void)
{
  g_autoptr(CrsStore) store = open_fresh_store ();
  g_autoptr(CrsStore) target = open_fresh_store ();
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autoptr(CrsPatient) child = NULL;
  g_autoptr(CrsWardFile) read_back = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autofree char *path = temp_path ("one.xml");
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  import_ok (store, rich);
  child = crs_store_find_patient_by_mrn (store, "MRN 0002", &error);
  g_assert_no_error (error);
  g_assert_nonnull (child);
  ids[0] = child->id;
  ids[1] = child->id;   /* named twice: exported once */

  g_assert_true (crs_ward_xml_export_file (store, ids, 2, path, &error));
  g_assert_no_error (error);

  read_back = crs_ward_xml_read_file (path, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_back->patients->len, ==, 1);
  g_assert_cmpuint (read_back->settings->len, ==, 0);
  g_assert_cmpstr (((CrsWardFilePatient *) g_ptr_array_index (read_back->patients, 0))->patient->mrn,
                   ==, "MRN 0002");

  g_assert_true (crs_ward_xml_import_file (target, path, 0, NULL, &error));
  g_assert_no_error (error);
  patients = crs_store_list_patients (target, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 1);

  /* An id that is not in the database is an error, not an empty file. */
  ids[0] = 999999;
  g_assert_false (crs_ward_xml_export_file (store, ids, 1, path, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
}

static void
test_duplicate_mrn_in_database (void)
{
  g_autoptr(CrsStore) store = open_fresh_store ();
  g_autoptr(CrsPatient) existing = crs_patient_new ();
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = temp_path ("dup.xml");
  g_autoptr(GError) error = NULL;
  Snapshot before = { 0 };

  existing->mrn = g_strdup ("MRN-0003");
  existing->name = g_strdup ("Already Here");
  g_assert_true (crs_store_add_patient (store, existing, &error));
  g_assert_no_error (error);

  bytes = crs_ward_xml_write (rich, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));

  snapshot_take (store, &before);
  g_assert_false (crs_ward_xml_import_file (store, path, 0, NULL, &error));
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_DUPLICATE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "dup.xml"));
  g_assert_nonnull (strstr (error->message, "MRN-0003 (line "));
  g_assert_null (strstr (error->message, "MRN-0001"));
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  assert_unchanged (store, &before);
  snapshot_clear (&before);
}

/* Each hostile or broken file, imported into a database with records:
 * refused, and the database exactly as it was. */
static void
test_rejected_files_change_nothing (void)
{
  g_autoptr(CrsStore) store = open_fresh_store ();
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autofree char *secret = temp_path ("secret.txt");
  g_autofree char *sparse = temp_path ("huge.xml");
  g_autoptr(GString) laughs = g_string_new ("<!DOCTYPE ward [<!ENTITY l0 \"lol\">");
  g_autoptr(GString) deep = g_string_new ("<ward xmlns=\"" NS "\"><patient mrn=\"D1\">");
  g_autofree char *xxe = NULL;
  Snapshot before = { 0 };
  FILE *f;
  static const char *valid_head = "<ward xmlns=\"" NS "\">\n<patient mrn=\"NEW-1\">\n";
  struct {
    const char *name;
    char *text;
    int code;
    const char *expect;
  } cases[] = {
    { "malformed.xml", g_strconcat (valid_head, "<observation taken=\"2025-03-10T08:00:00Z\">\n</patient></ward>", NULL),
      CRS_EXCHANGE_ERROR_MALFORMED, "malformed.xml, line 4" },
    { "invalid.xml", g_strconcat (valid_head, "<observation taken=\"2025-03-10T08:00:00Z\" spo2=\"140\"/>\n</patient></ward>", NULL),
      CRS_EXCHANGE_ERROR_INVALID, "invalid.xml, line 3: Element 'observation', attribute 'spo2'" },
    /* A valid first patient, then a broken one: the first is not saved either. */
    { "half.xml", g_strconcat (valid_head, "</patient>\n<patient mrn=\"NEW-2\" sex=\"x\"/></ward>", NULL),
      CRS_EXCHANGE_ERROR_INVALID, "half.xml, line 4" },
    { "twice.xml", g_strconcat (valid_head, "</patient>\n<patient mrn=\"NEW-1\"/></ward>", NULL),
      CRS_EXCHANGE_ERROR_DUPLICATE, "NEW-1" },
    { "xxe.xml", NULL, CRS_EXCHANGE_ERROR_UNSAFE, "DOCTYPE" },
    { "laughs.xml", NULL, CRS_EXCHANGE_ERROR_UNSAFE, "DOCTYPE" },
    { "deep.xml", NULL, CRS_EXCHANGE_ERROR_TOO_LARGE, "deep.xml, line 1" },
    { "huge.xml", NULL, CRS_EXCHANGE_ERROR_TOO_LARGE, "huge.xml" },
  };

  import_ok (store, rich);

  g_assert_true (g_file_set_contents (secret, "TOP-SECRET", -1, NULL));
  xxe = g_strdup_printf ("<!DOCTYPE ward [<!ENTITY x SYSTEM \"file://%s\">]>\n"
                         "<ward xmlns=\"" NS "\"><patient mrn=\"&x;\"/></ward>", secret);
  cases[4].text = g_steal_pointer (&xxe);
  for (int i = 1; i < 10; i++)
    g_string_append_printf (laughs, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">",
                            i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (laughs, "]>\n<ward xmlns=\"" NS "\"><patient mrn=\"&l9;\"/></ward>");
  cases[5].text = g_strdup (laughs->str);
  for (int i = 0; i < 20000; i++)
    g_string_append (deep, "<note>");
  cases[6].text = g_strdup (deep->str);

  snapshot_take (store, &before);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      if (cases[i].text != NULL)
        {
          path = temp_path (cases[i].name);
          g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
        }
      else
        {
          /* Over the size limit: a sparse file, nothing really written. */
          path = g_strdup (sparse);
          f = fopen (path, "w");
          g_assert_nonnull (f);
          g_assert_cmpint (fseeko (f, (off_t) CRS_WARD_XML_MAX_BYTES + 10, SEEK_SET), ==, 0);
          fputc ('>', f);
          fclose (f);
        }

      g_test_message ("%s", cases[i].name);
      g_assert_false (crs_ward_xml_import_file (store, path, 0, NULL, &error));
      g_assert_error (error, CRS_EXCHANGE_ERROR, cases[i].code);
      g_test_message ("  %s", error->message);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("“%s” not in “%s”", cases[i].expect, error->message);
      g_assert_null (strstr (error->message, "TOP-SECRET"));
      assert_unchanged (store, &before);
      g_free (cases[i].text);
    }
  snapshot_clear (&before);
}

/* The store refuses a record in the middle of an import (the disk fills
 * up): the records already added in the batch are gone too. */
static void
test_store_refusal_rolls_back (void)
{
  g_autoptr(CrsStore) store = open_fresh_store ();
  g_autoptr(CrsWardFile) file = crs_ward_file_new ();
  g_autoptr(GError) error = NULL;
  Snapshot before = { 0 };
  char padding[2001];

  memset (padding, 'x', sizeof padding - 1);
  padding[sizeof padding - 1] = '\0';
  for (int p = 0; p < 40; p++)
    {
      CrsPatient *patient = crs_patient_new ();
      CrsWardFilePatient *entry;

      patient->mrn = g_strdup_printf ("BIG-%d", p);
      patient->risk_notes = g_strdup (padding);
      entry = crs_ward_file_add_patient (file, patient);
      for (int o = 0; o < 20; o++)
        {
          CrsObservation *obs = crs_observation_new ();
          obs->id = p * 100 + o + 1;
          obs->taken_at = ANCHOR + o * 3600;
          obs->note = g_strdup (padding);
          g_ptr_array_add (entry->observations, obs);
        }
    }

  snapshot_take (store, &before);
  crs_store_set_max_page_count (store, (int) (before.counts.audit_rows + 60));
  g_assert_false (crs_ward_file_import (store, file, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_assert_nonnull (strstr (error->message, "Patient BIG-"));
  crs_store_set_max_page_count (store, 1 << 30);
  assert_unchanged (store, &before);
  snapshot_clear (&before);
}

static void
test_settings_kept (void)
{
  g_autoptr(CrsStore) store = open_fresh_store ();
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  CrsWardImportSummary summary = { 0 };

  g_assert_true (crs_store_set_setting (store, "ward-name", "Oncology 7", &error));
  g_assert_no_error (error);
  g_assert_true (crs_ward_file_import (store, rich, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.settings_kept, ==, 1);
  g_assert_cmpuint (summary.settings_applied, ==, 3);

  value = crs_store_get_setting (store, "ward-name");
  g_assert_cmpstr (value, ==, "Oncology 7");
  g_free (value);
  value = crs_store_get_setting (store, "hypotension-systolic-below");
  g_assert_cmpstr (value, ==, "90");
}

static void
test_import_audited (void)
{
  g_autoptr(CrsStore) store = open_fresh_store ();
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint imports = 0;

  import_ok (store, rich);
  audit = crs_store_list_audit (store, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      CrsAuditEntry *entry = g_ptr_array_index (audit, i);
      if (g_strcmp0 (entry->action, "import") == 0)
        {
          imports++;
          g_assert_cmpstr (entry->author, ==, "importer");
        }
    }
  g_assert_cmpuint (imports, >, 40);
}

/* ---------------------------------------------------------------------- */
/* crs-watch-cli                                                          */

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("CRS_WATCH_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_export_import (void)
{
  g_autoptr(CrsWardFile) rich = crs_test_ward_file_rich ();
  g_autofree char *db = temp_path ("cli.sqlite");
  g_autofree char *db2 = temp_path ("cli2.sqlite");
  g_autofree char *xml = temp_path ("cli.xml");
  g_autofree char *xml2 = temp_path ("cli2.xml");
  g_autofree char *one = temp_path ("one.xml");
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *bare1 = NULL;
  g_autofree char *bare2 = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CrsStore) store = crs_store_open (db, &error);
    g_assert_no_error (error);
    import_ok (store, rich);
  }

  /* export */
  {
    const char *args[] = { "export", "--db", db, "--xml", xml, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (out, xml));
  }
  /* import into a new database */
  {
    const char *args[] = { "import", "--db", db2, "--xml", xml, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (out, "Imported 3 patients"));
  }
  /* the same again: every patient is there already */
  {
    const char *args[] = { "import", "--db", db2, "--xml", xml, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "already in the ward database"));
    g_assert_nonnull (strstr (err, "MRN-0001 (line "));
    g_assert_nonnull (strstr (err, "not changed"));
    g_assert_cmpstr (out, ==, "");
  }
  /* export again: the same text */
  {
    const char *args[] = { "export", "--db", db2, "--xml", xml2, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  text1 = read_text (xml);
  text2 = read_text (xml2);
  bare1 = without_export_time (text1);
  bare2 = without_export_time (text2);
  g_assert_cmpstr (bare1, ==, bare2);

  /* one patient by MRN */
  {
    const char *args[] = { "export", "--db", db, "--xml", one, "--patient", "MRN 0002", NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(CrsWardFile) file = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Exported 1 patient"));
    file = crs_ward_xml_read_file (one, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (file->patients->len, ==, 1);
  }
  {
    const char *args[] = { "export", "--db", db, "--xml", one, "--patient", "NOPE", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "NOPE"));
  }
}

static void
test_cli_usage_and_bad_input (void)
{
  g_autofree char *db = temp_path ("usage.sqlite");
  g_autofree char *bad = temp_path ("bad.xml");
  static const struct { const char *args[8]; const char *expect; } usage[] = {
    { { "export", "--xml", "x.xml", NULL }, "--db" },
    { { "export", "--db", "x.sqlite", NULL }, "--xml" },
    { { "export", "--db", "x.sqlite", "--xml", "a", "--fhir", "b", NULL }, "one output" },
    { { "export", "--db", "x.sqlite", "--fhir", "b", "--patients", "A,,B", NULL }, "empty MRN" },
    { { "export", "--frobnicate", NULL }, "frobnicate" },
    { { "import", "--db", "x.sqlite", NULL }, "--xml" },
    { { "import", "--xml", "x.xml", NULL }, "--db" },
    { { "import", "--db", "x.sqlite", "--xml", "x.xml", "extra", NULL }, "extra" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (usage[i].args, &out, &err), ==, 1);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, usage[i].expect));
      g_assert_cmpstr (out, ==, "");
    }

  /* A bad file: the line at fault, and no database is created. */
  g_assert_true (g_file_set_contents (bad, "<ward xmlns=\"" NS "\">\n<patient mrn=\"A\" sex=\"?\"/>\n</ward>\n", -1, NULL));
  {
    const char *args[] = { "import", "--db", db, "--xml", bad, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "bad.xml, line 2"));
    g_assert_nonnull (strstr (err, "sex"));
    g_assert_nonnull (strstr (err, "Nothing was imported"));
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  /* Export from a database that does not exist: said so, nothing made. */
  {
    const char *args[] = { "export", "--db", db, "--xml", bad, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "crs-watch-cli export: "));
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ward-import/round-trip-through-database", test_round_trip_through_database);
  g_test_add_func ("/ward-import/selected-patients", test_selected_patients);
  g_test_add_func ("/ward-import/duplicate-mrn-in-database", test_duplicate_mrn_in_database);
  g_test_add_func ("/ward-import/rejected-files-change-nothing", test_rejected_files_change_nothing);
  g_test_add_func ("/ward-import/store-refusal-rolls-back", test_store_refusal_rolls_back);
  g_test_add_func ("/ward-import/settings-kept", test_settings_kept);
  g_test_add_func ("/ward-import/audited", test_import_audited);
  g_test_add_func ("/ward-import/cli/export-import", test_cli_export_import);
  g_test_add_func ("/ward-import/cli/usage-and-bad-input", test_cli_usage_and_bad_input);

  return g_test_run ();
}
