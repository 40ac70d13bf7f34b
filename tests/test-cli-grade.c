/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-grade.c: `crs-watch-cli grade --csv` end to end, on the
 * fixtures in tests/data/grade/, checking stdout, stderr and the exit
 * status against shared/design/grade-csv.md.
 *
 * The expected grades are worked out by hand from the tables in
 * shared/clinical/grading.md; the comments beside each row show the sums. */
#define G_LOG_DOMAIN "test-cli-grade"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "exchange/crs-csv.h"

#define HEADER_OUT "id,crs_grade,icans_grade,news2,news2_risk,red_flag,reason,error,pews,pews_level\n"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "grade", name, NULL);
}

/* Runs crs-watch-cli with @args (NULL-terminated), feeding @stdin_text. */
static void
run_cli (Result      *result,
         const char  *stdin_text,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CRS_WATCH_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text ? stdin_text : "", NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* Parses the CLI's stdout (itself CSV) into rows of fields. */
static GPtrArray *
parse_output (const char *out)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (out), (gssize) strlen (out), g_free);
  g_autoptr(CrsCsvReader) reader = crs_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  while (crs_csv_reader_next (reader, NULL, &error))
    g_ptr_array_add (rows, g_strdupv ((char **) crs_csv_reader_get_fields (reader)));
  g_assert_no_error (error);
  return rows;
}

/* Checks one output row: "id,crs,icans,news2,risk,red_flag", optionally
 * followed by ",pews,pews_level" (left out: both must be blank), and that
 * the reason holds @reason_part (NULL: anything) and the error is @error. */
static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *columns,
            const char *reason_part,
            const char *error)
{
  g_auto(GStrv) expected = g_strsplit (columns, ",", -1);
  char **row;

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);
  g_assert_cmpuint (g_strv_length (row), ==, 10);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpstr (row[i], ==, expected[i]);
  g_assert_cmpstr (row[8], ==, g_strv_length (expected) > 6 ? expected[6] : "");
  g_assert_cmpstr (row[9], ==, g_strv_length (expected) > 7 ? expected[7] : "");
  if (reason_part != NULL)
    g_assert_nonnull (strstr (row[6], reason_part));
  if (error == NULL)
    {
      g_assert_cmpstr (row[7], ==, "");
      g_assert_cmpstr (row[6], !=, "");
    }
  else
    {
      g_assert_cmpstr (row[7], ==, error);
      g_assert_cmpstr (row[6], ==, "");
    }
}

static void
assert_good_output (const char *out)
{
  g_autoptr(GPtrArray) rows = parse_output (out);

  g_assert_true (g_str_has_prefix (out, HEADER_OUT));
  g_assert_cmpuint (rows->len, ==, 7);
  /* All normal: NEWS2 0. */
  assert_row (rows, 1, "normal,0,0,0,low,no", "CRS grade 0: no fever (37.0 °C)", NULL);
  /* 39.5 °C + SBP 84 on one pressor (3) + cannula 4 L/min (2) = CRS 3.
   * NEWS2: RR 22 (2) + SpO2 95 (1) + oxygen (2) + SBP 84 (3) + pulse 112 (2)
   * + A (0) + 39.5 (2) = 12, high. */
  assert_row (rows, 2, "worked-crs,3,0,12,high,yes", "CRS grade 3: fever 39.5 °C and one vasopressor", NULL);
  /* ICE 3 (2) + seizure (3) = ICANS 3. NEWS2: new confusion 3 alone = 3,
   * low-medium. */
  assert_row (rows, 3, "worked-icans,0,3,3,low-medium,yes", "ICANS grade 3: a seizure that resolved", NULL);
  /* Age 8: CAPD 8 (1) waking to voice (2) = ICANS 2; 38.2 °C, SBP 110,
   * room air = CRS 1. NEWS2 is not used under 16 (NICE MIB205): blank,
   * and the reason says why. PEWS is scored instead, partial here (no
   * respiratory distress or capillary refill): the 5-12 years chart
   * gives HR 100 (0), RR 20 (0), SBP 110 (1), SpO2 97 (0), room air
   * (0): at least 1, blank in the columns. */
  assert_row (rows, 4, "child-capd,1,2,,,no", "ICANS grade 2: wakes only to voice", NULL);
  assert_row (rows, 4, "child-capd,1,2,,,no",
              "NEWS2 is not used below 16 years: PEWS is scored instead. PEWS at least 1 (at least low)", NULL);
  /* Fever masked, 37.1 °C, SBP 86 without pressors = CRS 2. NEWS2:
   * SBP 86 (3) + pulse 95 (1) = 4 with a single 3, low-medium. */
  assert_row (rows, 5, "masked,2,0,4,low-medium,no", "while fever is masked by treatment", NULL);
  /* No temperature: CRS and NEWS2 blank. */
  assert_row (rows, 6, "no-temp,,0,,,no", "CRS not determined: temperature not recorded", NULL);
}

static void
test_good_file (void)
{
  g_autofree char *path = fixture ("good.csv");
  g_auto(Result) result = { 0 };

  run_cli (&result, NULL, "grade", "--csv", path, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  assert_good_output (result.out);
}

/* NEWS2 from 16 years (the default ward setting); a blank age is an
 * adult's. Sums from shared/clinical/grading.md §5a. */
static void
test_age_file (void)
{
  g_autofree char *path = fixture ("age.csv");
  g_auto(Result) result = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  const char *not_used = "NEWS2 is not used below 16 years: PEWS is scored instead.";

  run_cli (&result, NULL, "grade", "--csv", path, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  rows = parse_output (result.out);
  g_assert_cmpuint (rows->len, ==, 8);
  /* Pulse 135 alone scores 3: low-medium from 16, blank at 15. */
  assert_row (rows, 1, "pulse-age-15,0,0,,,no", not_used, NULL);
  assert_row (rows, 2, "pulse-age-16,0,0,3,low-medium,no", "NEWS2 3 (low–medium): pulse 135/min (3)", NULL);
  assert_row (rows, 3, "pulse-age-unknown,0,0,3,low-medium,no", "NEWS2 3 (low–medium)", NULL);
  /* Whole years count: 15.9 is 15. */
  assert_row (rows, 4, "pulse-age-15.9,0,0,,,no", not_used, NULL);
  /* Pulse 135 (3) + RR 26 (3) + SBP 100 (2) = 8: an adult's red flag. A
   * child's vital signs get no NEWS2 and, on the 5-12 years PEWS chart,
   * score pulse 135 (1) + RR 26 (1) + SBP 100 (0) + SpO2 97 (0) + room
   * air (0): at least 2, no red flag. */
  assert_row (rows, 5, "high-age-7,0,0,,,no", not_used, NULL);
  assert_row (rows, 5, "high-age-7,0,0,,,no", "PEWS at least 2 (at least low)", NULL);
  assert_row (rows, 6, "high-age-16,0,0,8,high,yes", "NEWS2 8 (high)", NULL);
  /* The other red flags stay: 39.5 °C on one vasopressor is CRS grade
   * 3, a red flag at 7 as at any age. */
  assert_row (rows, 7, "crs3-age-7,3,0,,,yes", not_used, NULL);
  assert_row (rows, 7, "crs3-age-7,3,0,,,yes", "CRS grade 3: fever 39.5 °C and one vasopressor", NULL);
}

/* Children's sets on the NHS England PEWS charts (shared/clinical/pews.md
 * §2-§4; the sums beside each row). */
static void
test_pews_file (void)
{
  g_autofree char *path = fixture ("pews.csv");
  g_auto(Result) result = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  run_cli (&result, NULL, "grade", "--csv", path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  rows = parse_output (result.out);
  g_assert_cmpuint (rows->len, ==, 12);

  /* 5-12 years: RR 22 (0), no distress (0), SpO2 96 (0), air (0), HR 125
   * (1), SBP 100 (0), CRT 2 s (0) = 1, low. */
  assert_row (rows, 1, "pews-low-7,0,0,,,no,1,low", "PEWS 1 (low): heart rate 125/min (1)", NULL);
  /* 1-4 years: RR 45 (1), mild (1), SpO2 93 (1), 1 L/min (1), HR 145
   * (1), SBP 95 (0), CRT 3 s (2) = 7, medium; not a red flag. Fever on
   * low-flow oxygen: CRS 2. */
  assert_row (rows, 2, "pews-medium-3,2,0,,,no,7,medium", "PEWS 7 (medium)", NULL);
  /* 5-12 years: RR 42 (2), moderate (2), SpO2 91 (4), 35 % (2), HR 150
   * (2), SBP 95 (0), CRT 2 s (0) = 12, high: a red flag with no fever. */
  assert_row (rows, 3, "pews-high-7,0,0,,,yes,12,high", "PEWS 12 (high)", NULL);
  /* 0-11 months, every parameter pink and CRT 4 s: 4 x 6 + 2 = 26. */
  assert_row (rows, 4, "pews-max-6-months,3,0,,,yes,26,emergency", "blood pressure U4 (4)", NULL);
  /* 13 and over, all normal (0), carer "worse" (low) and new suspicion of
   * septic shock (high): level high, the highest wins. */
  assert_row (rows, 5, "pews-shock-13,0,0,,,yes,0,high", "new suspicion of septic shock", NULL);
  /* 1-4 years with BP not attempted, no concern (NCO, 0), all normal:
   * PEWS 0; clinical intuition raises it to low. */
  assert_row (rows, 6, "pews-nco-2,0,0,,,no,0,low", "clinical intuition", NULL);
  /* A partial set: HR 175 (4), RR 65 (4), SpO2 90 (4) already 12 on the
   * 1-4 years chart: no total, but a red flag. */
  assert_row (rows, 7, "pews-partial-3,,,,,yes", "PEWS at least 12 (at least high)", NULL);
  /* AVPU P: emergency whatever the score (and consciousness a red flag). */
  assert_row (rows, 8, "pews-avpu-p-5,0,4,,,yes,0,emergency", "AVPU P", NULL);
  /* 16 is an adult: NEWS2, and the PEWS columns blank. */
  assert_row (rows, 9, "adult-16,0,0,0,low,no", "NEWS2 0 (low)", NULL);
  g_assert_null (strstr (((char **) g_ptr_array_index (rows, 9))[6], "PEWS"));
  /* Bad values in the children's columns reject the row only. */
  assert_row (rows, 10, "bad-crt,,,,,", NULL, "crt_s: 25 is out of range 0–20");
  assert_row (rows, 11, "bad-distress,,,,,", NULL,
              "resp_distress: 'wheeze' is not one of none, mild, moderate, severe");
  g_assert_nonnull (strstr (result.err, ":11: crt_s: 25 is out of range 0–20\n"));
}

static void
test_stdin (void)
{
  g_autofree char *path = fixture ("good.csv");
  g_autofree char *text = NULL;
  g_auto(Result) from_file = { 0 };
  g_auto(Result) from_stdin = { 0 };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  run_cli (&from_stdin, text, "grade", "--csv", "-", NULL);
  g_assert_cmpstr (from_stdin.err, ==, "");
  g_assert_cmpint (from_stdin.status, ==, 0);
  assert_good_output (from_stdin.out);

  run_cli (&from_file, NULL, "grade", "--csv", path, NULL);
  g_assert_cmpstr (from_stdin.out, ==, from_file.out);
}

static void
test_stdin_errors_named (void)
{
  g_auto(Result) result = { 0 };

  run_cli (&result, "id,temp_c\nx,hot\n", "grade", "--csv", "-", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.err, ==, "stdin:2: temp_c: 'hot' is not a number\n");
}

typedef struct
{
  const char *name;
  const char *file;
  int         status;
  const char *stderr_lines;   /* "%s" stands for the fixture's path */
  const char *stdout_text;    /* exact, or NULL */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "bad numbers", "bad-numbers.csv", 2,
    "%1$s:3: temp_c: 'abc' is not a number\n"
    "%1$s:4: hr: 'seventy' is not a number\n"
    "%1$s:5: hr: '72.5' is not a whole number\n",
    NULL },
  { "out of range", "out-of-range.csv", 2,
    "%1$s:2: spo2: 140 is out of range 0–100\n"
    "%1$s:3: ice: 11 is out of range 0–10\n"
    "%1$s:4: capd: 33 is out of range 0–32\n"
    "%1$s:5: temp_c: 98.6 is out of range 10–47\n",
    NULL },
  { "unknown device", "unknown-device.csv", 2,
    "%1$s:2: o2_device: unknown device 'tent'\n",
    NULL },
  { "unknown column", "unknown-column.csv", 1,
    "%1$s:1: unknown column 'heart_rate'\n",
    "" },
  { "empty file", "empty.csv", 1,
    "%1$s: the file is empty: the first row must be the header\n",
    "" },
  { "header only", "header-only.csv", 0, "", HEADER_OUT },
  { "unterminated quote", "unterminated.csv", 1,
    "%1$s:3: the quoted field opened on line 3 is never closed\n",
    NULL },
  { "ragged row", "ragged.csv", 2,
    "%1$s:2: the row has 2 fields but the header has 3\n",
    NULL },
};

static void
test_error_file (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *path = fixture (c->file);
  g_autofree char *expected_err = NULL;
  g_auto(Result) result = { 0 };

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  expected_err = g_strdup_printf (c->stderr_lines, path);
#pragma GCC diagnostic pop

  run_cli (&result, NULL, "grade", "--csv", path, NULL);
  g_assert_cmpint (result.status, ==, c->status);
  g_assert_cmpstr (result.err, ==, expected_err);
  if (c->stdout_text != NULL)
    g_assert_cmpstr (result.out, ==, c->stdout_text);
}

static void
test_rejected_rows_in_output (void)
{
  g_autofree char *bad = fixture ("bad-numbers.csv");
  g_autofree char *range = fixture ("out-of-range.csv");
  g_autofree char *device = fixture ("unknown-device.csv");
  g_autofree char *unterminated = fixture ("unterminated.csv");
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_autoptr(GPtrArray) rows1 = NULL;
  g_autoptr(GPtrArray) rows2 = NULL;
  g_autoptr(GPtrArray) rows3 = NULL;
  g_autoptr(GPtrArray) rows4 = NULL;

  run_cli (&r1, NULL, "grade", "--csv", bad, NULL);
  rows1 = parse_output (r1.out);
  g_assert_cmpuint (rows1->len, ==, 5);
  /* Only temperature and pulse: CRS 0, ICANS and NEWS2 not determined. */
  assert_row (rows1, 1, "ok,0,,,,no", NULL, NULL);
  assert_row (rows1, 2, "bad-temp,,,,,", NULL, "temp_c: 'abc' is not a number");
  assert_row (rows1, 3, "bad-hr,,,,,", NULL, "hr: 'seventy' is not a number");
  assert_row (rows1, 4, "decimal-hr,,,,,", NULL, "hr: '72.5' is not a whole number");

  run_cli (&r2, NULL, "grade", "--csv", range, NULL);
  rows2 = parse_output (r2.out);
  g_assert_cmpuint (rows2->len, ==, 6);
  assert_row (rows2, 1, "a,,,,,", NULL, "spo2: 140 is out of range 0–100");
  assert_row (rows2, 4, "d,,,,,", NULL, "temp_c: 98.6 is out of range 10–47");
  /* The edges themselves are accepted: SpO2 100, ICE 10, CAPD 32. A
   * recorded CAPD is graded by CAPD whatever the age (grading.md §6):
   * 32 is at least grade 3 with no level of consciousness, a red flag. */
  assert_row (rows2, 5, "e,0,3,,,yes", "ICANS at least grade 3: CAPD 32", NULL);

  run_cli (&r3, NULL, "grade", "--csv", device, NULL);
  rows3 = parse_output (r3.out);
  assert_row (rows3, 1, "a,,,,,", NULL, "o2_device: unknown device 'tent'");
  assert_row (rows3, 2, "b,2,,,,no", "low-flow nasal cannula at 4 L/min", NULL);

  /* A malformed file keeps what was graded before the fault. */
  run_cli (&r4, NULL, "grade", "--csv", unterminated, NULL);
  rows4 = parse_output (r4.out);
  g_assert_cmpuint (rows4->len, ==, 2);
  assert_row (rows4, 1, "x,1,,,,no", NULL, NULL);
}

static void
test_quoted_fields (void)
{
  g_autofree char *path = fixture ("quoted.csv");
  g_auto(Result) result = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  run_cli (&result, NULL, "grade", "--csv", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  /* Ids with a comma, a line break or quotes come back quoted. */
  g_assert_nonnull (strstr (result.out, "\n\"bed 4, left\",3,"));
  g_assert_nonnull (strstr (result.out, "\n\"two\nline id\",0,"));
  g_assert_nonnull (strstr (result.out, "\n\"say \"\"hi\"\"\",1,"));
  rows = parse_output (result.out);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[0], ==, "bed 4, left");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[0], ==, "two\nline id");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 3))[0], ==, "say \"hi\"");
  /* 38.5 °C on a face mask: CRS 3, a red flag. */
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[1], ==, "3");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[5], ==, "yes");
}

static void
test_crlf_and_bom (void)
{
  g_autofree char *crlf = fixture ("crlf.csv");
  g_autofree char *bom = fixture ("bom.csv");
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_autoptr(GPtrArray) rows1 = NULL;
  g_autoptr(GPtrArray) rows2 = NULL;

  run_cli (&r1, NULL, "grade", "--csv", crlf, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_cmpstr (r1.err, ==, "");
  rows1 = parse_output (r1.out);
  g_assert_cmpuint (rows1->len, ==, 3);
  /* No \r leaks into the values: room_air was read. */
  assert_row (rows1, 1, "c1,1,,,,no", "fever 38.0 °C, no hypotension and no oxygen needed", NULL);
  assert_row (rows1, 2, "c2,2,,,,no", "systolic 85 mmHg without vasopressors", NULL);

  run_cli (&r2, NULL, "grade", "--csv", bom, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  rows2 = parse_output (r2.out);
  assert_row (rows2, 1, "b1,1,,,,no", NULL, NULL);
}

static void
test_usage (void)
{
  g_autofree char *path = fixture ("good.csv");
  g_auto(Result) no_csv = { 0 };
  g_auto(Result) extra = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) unknown_option = { 0 };

  run_cli (&no_csv, NULL, "grade", NULL);
  g_assert_cmpint (no_csv.status, ==, 1);
  g_assert_nonnull (strstr (no_csv.err, "--csv"));
  g_assert_cmpstr (no_csv.out, ==, "");

  run_cli (&extra, NULL, "grade", "--csv", path, "more", NULL);
  g_assert_cmpint (extra.status, ==, 1);
  g_assert_nonnull (strstr (extra.err, "more"));

  run_cli (&missing, NULL, "grade", "--csv", "/nonexistent/observations.csv", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "/nonexistent/observations.csv: "));
  g_assert_cmpstr (missing.out, ==, "");

  run_cli (&unknown_option, NULL, "grade", "--xml", path, NULL);
  g_assert_cmpint (unknown_option.status, ==, 1);
  g_assert_nonnull (strstr (unknown_option.err, "--xml"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-grade/good-file", test_good_file);
  g_test_add_func ("/cli-grade/age", test_age_file);
  g_test_add_func ("/cli-grade/pews-file", test_pews_file);
  g_test_add_func ("/cli-grade/stdin", test_stdin);
  g_test_add_func ("/cli-grade/stdin-errors-named", test_stdin_errors_named);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-grade/file/%s", error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_error_file);
    }
  g_test_add_func ("/cli-grade/rejected-rows-in-output", test_rejected_rows_in_output);
  g_test_add_func ("/cli-grade/quoted-fields", test_quoted_fields);
  g_test_add_func ("/cli-grade/crlf-and-bom", test_crlf_and_bom);
  g_test_add_func ("/cli-grade/usage", test_usage);

  return g_test_run ();
}
