/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: the shift handover report, without a display, through
 * `crs-watch-cli report` and read back with pdftotext and pdfinfo: what
 * the nurse taking over reads on paper. */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sys/stat.h>

#include "core/crs-grading.h"
#include "core/crs-shift.h"
#include "crs-test-ward-data.h"
#include "report/crs-report.h"

#define HOUR 3600
#define WARD_NAME "Ward 7 North"

/* ---------------------------------------------------------------------- */
/* Helpers */

static int
run (const char * const *argv,
     const char * const *env_extra,
     char              **out,
     char              **err)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, env_extra[i], env_extra[i + 1], TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("%s %s did not exit normally: %s", argv[0], argv[1], err != NULL && *err != NULL ? *err : "");
  return WEXITSTATUS (wait_status);
}

/* Keeps a copy of @pdf as a test artifact ($CRS_TEST_SCREENSHOT_DIR),
 * to look at the pages. */
static void
keep_artifact (const char *pdf)
{
  const char *dir = g_getenv ("CRS_TEST_SCREENSHOT_DIR");
  g_autofree char *base = g_path_get_basename (pdf);
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (dir == NULL || !g_file_get_contents (pdf, &contents, &length, NULL))
    return;
  g_mkdir_with_parents (dir, 0700);
  /* One per test: "report-demo-blank-charts-demo.pdf". */
  name = g_strdelimit (g_strdup_printf ("%s-%s", g_test_get_path () + 1, base), "/", '-');
  target = g_build_filename (dir, name, NULL);
  g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

/* Runs crs-watch-cli report with @args (NULL-terminated) and expects
 * success. */
static void
report_ok (const char * const *env_extra,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CRS_WATCH_CLI"));
  g_ptr_array_add (argv, "report");
  va_start (args, env_extra);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (run ((const char * const *) argv->pdata, env_extra, &out, &err) != 0)
    g_error ("crs-watch-cli report failed: %s", err);
  for (guint i = 0; i + 1 < argv->len - 1; i++)
    if (g_str_equal (argv->pdata[i], "--pdf"))
      {
        /* "Wrote 2 pages to FILE", in any language. */
        g_assert_nonnull (strstr (out, argv->pdata[i + 1]));
        keep_artifact (argv->pdata[i + 1]);
      }
}

/* Whitespace (line ends of the wrapped text) as single spaces. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The text of page @page (1-based; 0 = every page), whitespace squeezed. */
static char *
pdf_text (const char *pdf,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (page == 0 ? all : one, NULL, &out, &err), ==, 0);
  return squeeze (out);
}

static guint pdf_pages (const char *pdf, double *width, double *height);

/* The text between the header and the footer of every page, without the
 * heading repeated on a page where a block goes on (@continued): what a
 * block says, read across its pages. */
static char *
pdf_body_text (const char *pdf,
               const char *continued)
{
  g_autoptr(GString) all = g_string_new (NULL);
  double width, height;
  guint n = pdf_pages (pdf, &width, &height);
  g_autofree char *w = g_strdup_printf ("%d", (int) width);
  g_autofree char *h = g_strdup_printf ("%d", (int) height - 72 - 56);
  g_autofree char *result = NULL;
  char *at;

  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      /* Points at 72 dpi: below the header (70 pt), above the footer (54 pt). */
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-r", "72", "-x", "0", "-y", "72", "-W", w, "-H", h,
                             "-f", number, "-l", number, pdf, "-", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
      g_string_append_printf (all, "%s\n", out);
    }
  result = squeeze (all->str);
  while (continued != NULL && (at = strstr (result, continued)) != NULL)
    memmove (at, at + strlen (continued) + 1, strlen (at + strlen (continued) + 1) + 1);
  return g_steal_pointer (&result);
}

static guint
pdf_pages (const char *pdf,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *pages, *size;

  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  size = strstr (out, "Page size:");
  g_assert_nonnull (size);
  if (width != NULL && height != NULL)
    g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  g_autofree char *squeezed = squeeze (expected);

  if (strstr (text, squeezed) == NULL)
    g_error ("The report does not say “%s”", squeezed);
}

/* For text that breaks after a hyphen: pdftotext joins the two lines and
 * drops the hyphen ("Hohenzollern-" + "Sigmaringen"). Compared without
 * spaces and hyphens. */
static void
assert_contains_ignoring_spaces (const char *text,
                                 const char *expected)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (a, *p);
  for (const char *p = expected; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '-')
      g_string_append_c (b, *p);
  if (strstr (a->str, b->str) == NULL)
    g_error ("The report does not say “%s”", expected);
}

static char *
test_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* Page numbers: every page says "Page i of N" for the N pdfinfo counts. */
static void
assert_page_numbers (const char *pdf)
{
  guint n = pdf_pages (pdf, NULL, NULL);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *text = pdf_text (pdf, i);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, n);

      assert_contains (text, footer);
      assert_contains (text, "Confidential: contains patient information.");
      assert_contains (text, "Shift handover");
    }
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* A ward of @n patients in a new database at @path: bed i, a CAR-T
 * infusion two days before @now, a set every two hours over the last
 * day (fever from hour 10 for every third patient), @note on the newest
 * set of the first. */
static void
make_ward (const char *path,
           guint       n,
           gint64      now,
           const char *name_of_first,
           const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (crs_store_set_ward_name (store, WARD_NAME, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrsPatient) patient = crs_patient_new ();
      g_autoptr(CrsInfusion) infusion = crs_infusion_new ();

      patient->mrn = g_strdup_printf ("MRN-%04u", i + 1);
      patient->name = i == 0 && name_of_first != NULL ? g_strdup (name_of_first)
                                                      : g_strdup_printf ("Patient %02u Example", i + 1);
      patient->bed = g_strdup_printf ("%02u", i + 1);
      patient->birth_date = g_strdup ("1960-05-01");
      patient->sex = i % 2 == 0 ? CRS_SEX_FEMALE : CRS_SEX_MALE;
      g_assert_true (crs_store_add_patient (store, patient, &error));
      g_assert_no_error (error);

      infusion->patient_id = patient->id;
      infusion->therapy_code = g_strdup ("axicabtagene-ciloleucel");
      infusion->start_at = now - 48 * HOUR;
      g_assert_true (crs_store_add_infusion (store, infusion, &error));
      g_assert_no_error (error);

      for (int h = 24; h >= 0; h -= 2)
        {
          g_autoptr(CrsObservation) set = crs_test_ward_normal_set (patient->id, now - h * HOUR - 600);

          if (i % 3 == 0 && h <= 14)
            set->temperature_c = 38.4;
          if (h == 0 && i == 0 && note != NULL)
            set->note = g_strdup (note);
          crs_test_ward_save_set (store, set);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* The demo ward */

typedef struct
{
  char *db;
  char *pdf;
} Demo;

static void
demo_setup (Demo          *demo,
            gconstpointer  data)
{
  g_autofree char *xml = g_test_build_filename (G_TEST_DIST, "..", "data", "demo-ward.xml", NULL);
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "import", "--db", NULL, "--xml", xml, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  demo->db = test_path ("demo.sqlite");
  demo->pdf = test_path ("demo.pdf");
  argv[3] = demo->db;
  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
}

static void
demo_teardown (Demo          *demo,
               gconstpointer  data)
{
  g_free (demo->db);
  g_free (demo->pdf);
}

/* Every patient of the demo ward with their grades and reasons as the
 * patient's status (what the ward list and the page show) says them. */
static void
test_demo_every_patient (Demo          *demo,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsReference) reference = NULL;
  g_autoptr(CrsHandover) handover = NULL;
  g_autofree char *text = NULL;
  CrsHandoverOptions options;
  guint open = 0;
  guint children = 0;

  report_ok (NULL, "--db", demo->db, "--ward", "Haematology 4B (demo)", "--pdf", demo->pdf, "--period", "24h",
             NULL);
  text = pdf_text (demo->pdf, 0);

  store = crs_store_open_read_only (demo->db, &error);
  g_assert_no_error (error);
  reference = crs_reference_open_default (&error);
  g_assert_no_error (error);
  crs_handover_options_init (&options);
  options.reference = reference;
  options.period = CRS_HANDOVER_PERIOD_24_HOURS;
  options.now = now_seconds ();
  crs_handover_period_bounds (options.period, NULL, options.now, &options.from, &options.to);
  handover = crs_handover_load (store, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (handover->patients->len, ==, 11);

  for (guint i = 0; i < handover->patients->len; i++)
    {
      CrsHandoverPatient *hp = g_ptr_array_index (handover->patients, i);
      CrsPatientStatus *status = hp->status;
      g_autofree char *title = g_strdup_printf ("Bed %s · %s", status->patient->bed, status->patient->name);
      g_autofree char *mrn = g_strdup_printf ("MRN %s ·", status->patient->mrn);
      g_autofree char *crs = crs_scale_status_text (&status->crs);
      g_autofree char *icans = crs_scale_status_text (&status->icans);
      g_autofree char *crs_reason = crs_grading_crs_summary (status->latest_grading);
      g_autofree char *icans_reason = crs_grading_icans_summary (status->latest_grading);
      const CrsGrading *grading = status->latest_grading;
      /* A child's PEWS where an adult's NEWS2 stands, as the status's
       * grading says: in the ward table named ("PEWS 6 medium"), in the
       * block with what scored. */
      const char *score_name = crs_grading_early_warning_name (grading);
      g_autofree char *score = crs_grading_early_warning_text (grading);
      g_autofree char *named = g_strdup_printf ("%s %s", score_name, score);
      g_autofree char *score_reason = grading->pews_applies ? crs_grading_pews_summary (grading)
                                                            : crs_grading_news2_summary (grading);
      g_autofree char *last = crs_patient_status_last_text (status, "CRS");

      g_assert_nonnull (status->latest);
      /* In the ward table and as the heading of their block, which has
       * their MRN once. */
      g_assert_cmpuint (count (text, title), >=, 2);
      g_assert_cmpuint (count (text, mrn), ==, 1);
      assert_contains (text, crs);
      assert_contains (text, icans);
      /* Reasons wrap, and a line may break after the hyphen of
       * "low-flow", which pdftotext then drops. */
      assert_contains_ignoring_spaces (text, crs_reason);
      assert_contains_ignoring_spaces (text, icans_reason);
      assert_contains (text, named);
      assert_contains_ignoring_spaces (text, score_reason);
      g_assert_cmpint (grading->pews_applies, ==, crs_patient_status_uses_pews (status));
      children += grading->pews_applies;
      if (last != NULL)
        assert_contains (text, last);
      open += status->open->len > 0;
    }
  /* The demo's two children (7 and 3 years) are scored with PEWS; no
   * NEWS2 is said for them ("not used"), and the table's column says it
   * holds either. */
  g_assert_cmpuint (children, ==, 2);
  g_assert_null (strstr (text, "not used (under"));
  assert_contains (text, "NEWS2 or PEWS");
  assert_contains (text, "PEWS 2 low");
  /* The demo leaves the newest red flags of two patients open (README). */
  g_assert_cmpuint (open, ==, 2);
  g_assert_cmpuint (count (text, "RED FLAG OPEN"), ==, 2);
  assert_contains (text, "2: Bed 07 · Chloe Baptiste; Bed 09 · Ivan Petrović");
  /* Who was informed, from the acknowledgements. */
  assert_contains (text, "Red flag acknowledged by");
  assert_contains (text, "informed");
  assert_contains (text, "Last 24 hours:");
  assert_page_numbers (demo->pdf);
}

/* "Print blank charts": one page per patient, on A4 and on Letter,
 * filled in with who they are, with the grading rules and escalation
 * thresholds; a child's with PEWS where an adult's has NEWS2. */
static void
test_demo_blank_charts (Demo          *demo,
                        gconstpointer  data)
{
  const char * const papers[] = { "a4", "letter" };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autofree char *child = NULL;
      g_autofree char *adult = NULL;
      double width, height;
      guint n;

      report_ok (NULL, "--db", demo->db, "--ward", "4B", "--pdf", demo->pdf, "--blank-charts", "--patients",
                 "DEMO-1002,DEMO-1007", "--paper", papers[p], NULL);
      n = pdf_pages (demo->pdf, &width, &height);
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpint ((int) round (height), ==, p == 0 ? 842 : 792);
      for (guint i = 1; i <= n; i++)
        {
          g_autofree char *text = pdf_text (demo->pdf, i);
          g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, n);

          assert_contains (text, "Blank observation charts");
          assert_contains (text, footer);
          assert_contains (text, i == 1 ? "Bed 02 · Mateo Quispe" : "Bed 07 · Chloe Baptiste");
          assert_contains (text, i == 1 ? "MRN DEMO-1002" : "MRN DEMO-1007");
          assert_contains (text, "Temperature °C");
          assert_contains (text, "CRS grade");
          assert_contains (text, "ICANS grade");
          assert_contains (text, "CRS (ASTCT 2019).");
          assert_contains (text, "Red flags: tell the medical team now.");
          assert_contains (text, "Hypotension: systolic below 90 mmHg (ward policy)");
          /* The day since the infusion, as the status counts it. */
          assert_contains (text, "(day 0 = the day of the infusion)");
          /* The last line of the page is on it: nothing went on over. */
          assert_contains (text, "Enter these sets in CRS Watch when it is back");
        }

      /* A 7-year-old: CAPD and PEWS (its rows, its levels from the
       * scoring code, the national chart named), not ICE and NEWS2. */
      child = pdf_text (demo->pdf, 1);
      adult = pdf_text (demo->pdf, 2);
      assert_contains (child, "CAPD 0–32");
      assert_contains (child, "PEWS total and level");
      assert_contains (child, "Capillary refill seconds");
      assert_contains (child, "PEWS (NHS England national charts, 2023).");
      assert_contains (child, "Levels by total: 1–4 low (medical review: As agreed with medical team); "
                              "5–8 medium (medical review: Within 30 minutes); 9–12 high (medical review: "
                              "Within 15 minutes); 13 or more emergency (medical review: Immediate).");
      g_assert_null (strstr (child, "NEWS2 total"));
      g_assert_null (strstr (child, "NEWS2 (RCP 2017)"));
      assert_contains (adult, "ICE score 0–10");
      assert_contains (adult, "NEWS2 total");
      assert_contains (adult, "NEWS2 (RCP 2017).");
      g_assert_null (strstr (adult, "PEWS total"));
      g_assert_null (strstr (adult, "PEWS (NHS England"));
      g_assert_null (strstr (adult, "Capillary refill"));
    }
}

/* Only the patients asked for; only the escalated ones. */
static void
test_demo_selection (Demo          *demo,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *unknown[] = { g_getenv ("CRS_WATCH_CLI"), "report", "--db", demo->db, "--ward", "4B", "--pdf",
                            demo->pdf, "--patients", "DEMO-1001,NOPE-9", NULL };

  report_ok (NULL, "--db", demo->db, "--ward", "4B", "--pdf", demo->pdf, "--patients", "DEMO-1003, DEMO-1001",
             NULL);
  text = pdf_text (demo->pdf, 0);
  assert_contains (text, "2 patients in this report.");
  assert_contains (text, "Bed 01 · Harold Whitcombe");
  assert_contains (text, "Bed 03 · Sofia Lindqvist");
  g_assert_null (strstr (text, "Chloe Baptiste"));
  /* The ward named by the patients' ward, in the header with the database's. */
  assert_contains (text, "Haematology 4B (demo), ward 4B");
  g_clear_pointer (&text, g_free);

  /* On Letter, narrower than A4, the header still says it all on each
   * page: the title and ward, then the period whole on one line (its
   * label, both times) with who printed it. (pdftotext cannot see an
   * ellipsis: cairo keeps the whole text behind it.) */
  report_ok (NULL, "--db", demo->db, "--ward", "4B", "--pdf", demo->pdf, "--patients", "DEMO-1009", "--paper",
             "letter", "--printed-by", "Charge Nurse Example", NULL);
  for (guint page = 1; page <= pdf_pages (demo->pdf, NULL, NULL); page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, demo->pdf, "-", NULL };
      g_autofree char *raw = NULL;
      g_autofree char *raw_err = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean found = FALSE;

      g_assert_cmpint (run (argv, NULL, &raw, &raw_err), ==, 0);
      lines = g_strsplit (raw, "\n", -1);
      g_assert_cmpstr (lines[0], ==, "Shift handover · Haematology 4B (demo), ward 4B");
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "This shift:"))
          {
            found = TRUE;
            g_assert_cmpuint (count (lines[i], ":"), >=, 4);
            g_assert_nonnull (strstr (lines[i], " – "));
            g_assert_nonnull (strstr (lines[i], "Printed by Charge Nurse Example on"));
          }
      g_assert_true (found);
    }

  report_ok (NULL, "--db", demo->db, "--ward", "Haematology 4B (demo)", "--pdf", demo->pdf, "--escalated",
             "--period", "12h", NULL);
  text = pdf_text (demo->pdf, 0);
  /* The two red flags still open, whatever the period. */
  assert_contains (text, "Bed 07 · Chloe Baptiste");
  assert_contains (text, "Bed 09 · Ivan Petrović");
  g_assert_null (strstr (text, "Sofia Lindqvist"));

  g_unlink (demo->pdf);
  g_assert_cmpint (run (unknown, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "NOPE-9"));
  g_assert_false (g_file_test (demo->pdf, G_FILE_TEST_EXISTS));
}

static void
test_unknown_ward (Demo          *demo,
                   gconstpointer  data)
{
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "report", "--db", demo->db, "--ward", "Cardiology",
                         "--pdf", demo->pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (argv, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "There is no ward “Cardiology”"));
  /* It names the wards there are. */
  g_assert_nonnull (strstr (err, "“Haematology 4B (demo)”"));
  g_assert_nonnull (strstr (err, "“4B”"));
  g_assert_false (g_file_test (demo->pdf, G_FILE_TEST_EXISTS));
}

/* ---------------------------------------------------------------------- */
/* Pagination */

/* 40 patients: each block on one page, none cut, the page numbers right. */
static void
test_forty_patients (void)
{
  g_autofree char *db = test_path ("forty.sqlite");
  g_autofree char *pdf = test_path ("forty.pdf");
  gint64 now = now_seconds ();
  guint n, seen = 0;

  make_ward (db, 40, now, NULL, NULL);
  report_ok (NULL, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, "--period", "12h", "--paper", "a4", NULL);
  n = pdf_pages (pdf, NULL, NULL);
  g_assert_cmpuint (n, >, 40 / 2);
  assert_page_numbers (pdf);

  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      guint titles = 0;

      /* The ward table lists everyone on the first pages; the blocks follow. */
      if (strstr (text, "For the next shift (write here)") == NULL)
        continue;
      for (guint i = 1; i <= 40; i++)
        {
          g_autofree char *title = g_strdup_printf ("Bed %02u · Patient %02u Example MRN MRN-%04u", i, i, i);

          if (strstr (text, title) != NULL)
            {
              titles++;
              seen++;
            }
        }
      /* Every block that starts on this page ends on it. */
      g_assert_cmpuint (titles, >, 0);
      g_assert_cmpuint (titles, ==, count (text, "For the next shift (write here)"));
      g_assert_null (strstr (text, "(continued)"));
    }
  g_assert_cmpuint (seen, ==, 40);
}

/* A 2 000-character note and a long name wrap inside the page; a note
 * longer than a page goes on over the next page without losing a line. */
static void
test_long_note (void)
{
  g_autofree char *db = test_path ("note.sqlite");
  g_autofree char *pdf = test_path ("note.pdf");
  const char *name = "Maximiliane Alexandra Konstanze Wilhelmina von Hohenzollern-Sigmaringen-Breitenbach-"
                     "Oberammergau-Unterschleißheim-Fürstenfeldbruck";
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *text = NULL;
  gint64 now = now_seconds ();
  const char *bbox[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *boxes = NULL;
  g_autofree char *err = NULL;
  double width, height;

  for (guint i = 0; note->len < 2000; i++)
    g_string_append_printf (note, "Observation note sentence %u about the patient's comfort and fluids. ", i);
  g_string_truncate (note, 2000);
  make_ward (db, 2, now, name, note->str);
  report_ok (NULL, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, "--period", "12h", NULL);
  text = pdf_text (pdf, 0);
  assert_contains_ignoring_spaces (text, name);
  g_clear_pointer (&text, g_free);
  {
    g_autofree char *title = g_strdup_printf ("Bed 01 · %s (continued)", name);

    text = pdf_body_text (pdf, title);
    assert_contains (text, note->str);
  }

  /* Every word inside the text area (the margins are 42 pt). */
  pdf_pages (pdf, &width, &height);
  g_assert_cmpint (run (bbox, NULL, &boxes, &err), ==, 0);
  for (const char *p = strstr (boxes, "xMax=\""); p != NULL; p = strstr (p + 1, "xMax=\""))
    g_assert_cmpfloat (g_ascii_strtod (p + 6, NULL), <=, width - 42 + 1);

  /* Ten times as long: over a page; the whole of it is there, in order. */
  g_clear_pointer (&text, g_free);
  g_unlink (db);
  for (guint i = 0; note->len < 20000; i++)
    g_string_append_printf (note, " More text %u for the note that runs over the page.", i);
  make_ward (db, 1, now, NULL, note->str);
  report_ok (NULL, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, "--period", "12h", NULL);
  text = pdf_text (pdf, 0);
  assert_contains (text, "Bed 01 · Patient 01 Example (continued)");
  g_clear_pointer (&text, g_free);
  text = pdf_body_text (pdf, "Bed 01 · Patient 01 Example (continued)");
  assert_contains (text, note->str);
  assert_page_numbers (pdf);
}

/* ---------------------------------------------------------------------- */
/* Locale, paper, empty ward, bad output */

/* Makes @name with localedef under the test's cache folder; NULL when the
 * system cannot. */
static char *
make_locale (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "locale", NULL);
  g_autofree char *full = g_strconcat (name, ".UTF-8", NULL);
  g_autofree char *target = g_build_filename (dir, full, NULL);
  const char *argv[] = { "localedef", "-i", name, "-f", "UTF-8", target, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (!g_file_test (target, G_FILE_TEST_IS_DIR) && run (argv, NULL, &out, &err) != 0 &&
      !g_file_test (target, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

/* The project's German catalogue, as the build made it
 * ($CRS_WATCH_LOCALEDIR, the build tree's po/). */
static void
assert_german_catalogue (void)
{
  const char *localedir = g_getenv ("CRS_WATCH_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL)
    g_error ("CRS_WATCH_LOCALEDIR is not set: run this test with meson test");
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("The German catalogue %s was not built (is de in po/LINGUAS?)", mo);
}

/* German words from the project's catalogue (po/de.po), with LANGUAGE=de
 * on a C.UTF-8 system: no German locale needed, so this never skips. */
static void
test_german_text (void)
{
  g_autofree char *db = test_path ("de-text.sqlite");
  g_autofree char *pdf = test_path ("de-text.pdf");
  g_autofree char *text = NULL;
  gint64 day = 1710201600 + 19 * HOUR;
  const char *env[] = { "LC_ALL", "C.UTF-8", "LANGUAGE", "de", NULL };
  const char *english[] = { "Shift handover", "Ward summary", "Page 1 of", "For the next shift",
                            "Red flags", "Latest set", "Printed by", NULL };

  assert_german_catalogue ();
  make_ward (db, 3, day, NULL, NULL);
  report_ok (env, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, "--since", "2024-03-12T07:00", "--until",
             "2024-03-12T19:00", NULL);
  text = pdf_text (pdf, 1);
  assert_contains (text, "Schichtübergabe · " WARD_NAME);
  assert_contains (text, "Stationsübersicht");
  assert_contains (text, "Seite 1 von ");
  assert_contains (text, "Gedruckt von ");
  for (guint i = 0; english[i] != NULL; i++)
    if (strstr (text, english[i]) != NULL)
      g_error ("“%s” is still in English in the German report", english[i]);
  g_clear_pointer (&text, g_free);
  text = pdf_text (pdf, 0);
  assert_contains (text, "Für die nächste Schicht (hier schreiben)");
  assert_contains (text, "Letzte Beobachtung");
  /* The German date format of the catalogue: "12. Mär"; C.UTF-8 has no
   * German month names, so the month stays as the C locale writes it. */
  assert_contains (text, "12. Mar 2024 07:00");
}

/* A German desktop (LANG=de_DE.UTF-8, LANGUAGE=de): German words, dates
 * and numbers in its format, A4. */
static void
test_german_locale (void)
{
  g_autofree char *db = test_path ("de.sqlite");
  g_autofree char *pdf = test_path ("de.pdf");
  g_autofree char *locpath = make_locale ("de_DE");
  g_autofree char *text = NULL;
  /* 12 March 2024, in UTC (the test's TZ). */
  gint64 day = 1710201600 + 19 * HOUR;
  double width, height;

  if (locpath == NULL)
    {
      g_test_skip ("localedef cannot make de_DE here (Debian: apt-get install locales)");
      return;
    }
  assert_german_catalogue ();
  make_ward (db, 3, day, NULL, NULL);
  {
    const char *env[] = { "LOCPATH", locpath, "LC_ALL", "de_DE.UTF-8", "LANG", "de_DE.UTF-8",
                          "LANGUAGE", "de", NULL };

    report_ok (env, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, "--since", "2024-03-12T07:00", "--until",
               "2024-03-12T19:00", NULL);
  }
  text = pdf_text (pdf, 0);
  /* March is "Mär" in German, the day "12." (po/de.po); the C locale
   * would say "12 Mar". */
  assert_contains (text, "Zeitraum: 12. Mär 2024 07:00 – 12. Mär 2024 19:00");
  g_assert_null (strstr (text, "Mar 2024"));
  /* The decimal comma. */
  assert_contains (text, "38,4 °C");
  g_assert_null (strstr (text, "38.4 °C"));
  assert_contains (text, "Für die nächste Schicht (hier schreiben)");
  g_clear_pointer (&text, g_free);
  text = pdf_text (pdf, 1);
  assert_contains (text, "Schichtübergabe · " WARD_NAME);
  assert_contains (text, "Stationsübersicht");
  assert_contains (text, "Seite 1 von ");
  g_assert_null (strstr (text, "Shift handover"));
  /* German paper is A4. */
  pdf_pages (pdf, &width, &height);
  g_assert_cmpfloat (fabs (width - 595.3), <, 0.5);

  /* The headings go through gettext. */
  {
    g_autofree char *pot = test_path ("report.pot");
    g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "src", "report", NULL);
    g_autofree char *a = g_build_filename (src, "crs-report.c", NULL);
    g_autofree char *b = g_build_filename (src, "crs-report-handover.c", NULL);
    g_autofree char *c = g_build_filename (src, "crs-report-chart.c", NULL);
    const char *argv[] = { "xgettext", "--from-code=UTF-8", "-k_", "-kC_:1c,2c", "-kN_", "-o", pot, a, b, c,
                           NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *contents = NULL;
    const char *headings[] = { "Shift handover", "Ward summary", "Page %u of %u", "Red flags",
                               "For the next shift (write here)", "Blank observation charts", "Next set",
                               "Patients", "Risk factors", NULL };

    if (run (argv, NULL, &out, &err) != 0)
      g_error ("xgettext failed: %s", err);
    g_assert_true (g_file_get_contents (pot, &contents, NULL, NULL));
    for (guint i = 0; headings[i] != NULL; i++)
      {
        g_autofree char *msgid = g_strdup_printf ("msgid \"%s\"", headings[i]);

        if (strstr (contents, msgid) == NULL)
          g_error ("The heading “%s” is not translatable", headings[i]);
      }
  }
}

/* US Letter where the locale says so, or when asked. */
static void
test_letter_paper (void)
{
  g_autofree char *db = test_path ("letter.sqlite");
  g_autofree char *pdf = test_path ("letter.pdf");
  g_autofree char *locpath = make_locale ("en_US");
  double width, height;

  make_ward (db, 5, now_seconds (), NULL, NULL);
  report_ok (NULL, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, "--paper", "letter", NULL);
  pdf_pages (pdf, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
  assert_page_numbers (pdf);

  if (locpath == NULL)
    return;
  g_unlink (pdf);
  {
    const char *env[] = { "LOCPATH", locpath, "LC_ALL", "en_US.UTF-8", NULL };

    report_ok (env, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, NULL);
  }
  pdf_pages (pdf, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
}

/* An empty ward: one page that says so. The default period is this
 * shift by the ward's shift times. */
static void
test_empty_ward (void)
{
  g_autofree char *db = test_path ("empty.sqlite");
  g_autofree char *pdf = test_path ("empty.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  {
    g_autoptr(CrsStore) store = crs_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (crs_store_set_ward_name (store, WARD_NAME, &error));
    g_assert_true (crs_store_set_setting (store, CRS_SHIFT_STARTS_KEY, "06:30, 14:30, 22:30", &error));
    g_assert_no_error (error);
  }
  report_ok (NULL, "--db", db, "--ward", WARD_NAME, "--pdf", pdf, NULL);
  g_assert_cmpuint (pdf_pages (pdf, NULL, NULL), ==, 1);
  text = pdf_text (pdf, 1);
  assert_contains (text, "No patients on this ward for this report: nothing to hand over.");
  assert_contains (text, "Page 1 of 1");
  assert_contains (text, "This shift:");
  /* TZ is UTC: the shift starts at one of the ward's times. */
  g_assert_true (strstr (text, "06:30 –") != NULL || strstr (text, "14:30 –") != NULL ||
                 strstr (text, "22:30 –") != NULL);
  /* Patient data: the owner's only. */
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* No partial file and a clear message for a path that cannot be written;
 * an existing report stays as it was. */
static void
test_unwritable (void)
{
  g_autofree char *db = test_path ("bad.sqlite");
  g_autofree char *folder = test_path ("reports");
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "report.pdf", NULL);
  g_autofree char *in_file = NULL;
  const char *paths[4];
  g_autoptr(GError) error = NULL;

  make_ward (db, 1, now_seconds (), NULL, NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  in_file = g_build_filename (db, "report.pdf", NULL);   /* a "folder" that is a file */
  paths[0] = missing;
  paths[1] = folder;                                     /* a folder, not a file */
  paths[2] = in_file;
  paths[3] = "/proc/crs-watch-report.pdf";               /* nobody may write there */

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "report", "--db", db, "--ward", WARD_NAME, "--pdf",
                             paths[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GDir) dir = NULL;

      g_assert_cmpint (run (argv, NULL, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, "Cannot write the report to"));
      g_assert_nonnull (strstr (err, paths[i]));
      g_assert_cmpstr (out, ==, "");
      /* Nothing left behind. */
      if (i != 1)
        g_assert_false (g_file_test (paths[i], G_FILE_TEST_EXISTS));
      dir = g_dir_open (folder, 0, &error);
      g_assert_no_error (error);
      g_assert_null (g_dir_read_name (dir));
    }
}

/* Bad options say what is wrong. */
static void
test_bad_options (void)
{
  const struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--ward", "W", "--pdf", "x.pdf", NULL }, "--db FILE" },
    { { "--db", "x.sqlite", "--pdf", "x.pdf", NULL }, "--ward NAME" },
    { { "--db", "x.sqlite", "--ward", "W", NULL }, "--pdf OUT" },
    { { "--db", "x.sqlite", "--ward", "W", "--since", "tomorrow" }, "“tomorrow” is not an ISO 8601" },
    { { "--db", "x.sqlite", "--ward", "W", "--paper", "a3" }, "“a3” is not a paper size" },
    { { "--db", "x.sqlite", "--ward", "W", "--period", "week" }, "“week” is not a period" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, (gpointer) g_getenv ("CRS_WATCH_CLI"));
      g_ptr_array_add (argv, "report");
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i].args[j]);
      if (i >= 3)
        {
          g_ptr_array_add (argv, "--pdf");
          g_ptr_array_add (argv, "x.pdf");
        }
      g_ptr_array_add (argv, NULL);
      g_assert_cmpint (run ((const char * const *) argv->pdata, NULL, &out, &err), ==, 1);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].message, err);
    }

  /* --help names the command. */
  {
    const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "report", "--help", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (argv, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "crs-watch-cli report [OPTION…]"));
    g_assert_nonnull (strstr (out, "--blank-charts"));
  }
}

/* ---------------------------------------------------------------------- */
/* The period and the status of a period (core) */

static void
test_shift_times (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) starts = crs_shift_parse ("19:00,7:00", &error);
  g_autofree char *text = NULL;
  gint64 from, to;
  /* 12 March 2024 10:00 UTC */
  gint64 morning = 1710201600 + 10 * HOUR;

  g_assert_no_error (error);
  text = crs_shift_format (starts);
  g_assert_cmpstr (text, ==, "07:00, 19:00");
  crs_shift_current (starts, morning, &from, &to);
  g_assert_cmpint (from, ==, morning - 3 * HOUR);
  g_assert_cmpint (to, ==, morning + 9 * HOUR);
  /* The night shift runs over midnight. */
  crs_shift_current (starts, morning - 8 * HOUR, &from, &to);
  g_assert_cmpint (from, ==, morning - 15 * HOUR);
  g_assert_cmpint (to, ==, morning - 3 * HOUR);

  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "", "7", "07:00, 07:00", "25:00" };
      g_autoptr(GArray) none = crs_shift_parse (bad[i], &error);

      g_assert_null (none);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/report/demo/every-patient", Demo, NULL, demo_setup, test_demo_every_patient, demo_teardown);
  g_test_add ("/report/demo/blank-charts", Demo, NULL, demo_setup, test_demo_blank_charts, demo_teardown);
  g_test_add ("/report/demo/selection", Demo, NULL, demo_setup, test_demo_selection, demo_teardown);
  g_test_add ("/report/demo/unknown-ward", Demo, NULL, demo_setup, test_unknown_ward, demo_teardown);
  g_test_add_func ("/report/forty-patients", test_forty_patients);
  g_test_add_func ("/report/long-note", test_long_note);
  g_test_add_func ("/report/german-text", test_german_text);
  g_test_add_func ("/report/german-locale", test_german_locale);
  g_test_add_func ("/report/letter-paper", test_letter_paper);
  g_test_add_func ("/report/empty-ward", test_empty_ward);
  g_test_add_func ("/report/unwritable", test_unwritable);
  g_test_add_func ("/report/bad-options", test_bad_options);
  g_test_add_func ("/report/shift-times", test_shift_times);
  return g_test_run ();
}
