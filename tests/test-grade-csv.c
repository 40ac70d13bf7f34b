/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grade-csv.c: the grade CSV contract in the core: header checks,
 * per-row parsing with precise errors, output quoting, the whole run. */
#define G_LOG_DOMAIN "test-grade-csv"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "exchange/crs-grade-csv.h"

/* ---- header ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *header;       /* comma-separated, no quoting needed */
  const char *error;        /* NULL = accepted */
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "id only", "id", NULL },
  { "every column, any order", "sepsis,intuition,carer,bp_skip,o2_percent,crt_s,resp_distress,"
    "cerebral_edema,motor_weakness,seizure,capd,ice,arousal,acvpu,fever_masked,"
    "vasopressin,vasopressors,hypotension,o2_flow_l_min,o2_device,spo2_scale,spo2,dbp,sbp,rr,hr,temp_c,age_years,id", NULL },
  { "spaces around names", " id , temp_c ", NULL },
  { "unknown column", "id,temp_c,tmp_c", "unknown column 'tmp_c'" },
  { "case matters", "id,Temp_C", "unknown column 'Temp_C'" },
  { "duplicate", "id,hr,hr", "column 'hr' appears twice in the header" },
  { "no id", "temp_c,hr", "the header has no 'id' column" },
  { "empty name", "id,,hr", "column 2 of the header has no name" },
};

static void
test_header (gconstpointer data)
{
  const HeaderCase *c = data;
  g_auto(GStrv) fields = g_strsplit (c->header, ",", -1);
  g_autoptr(CrsGradeCsv) grade_csv = crs_grade_csv_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = crs_grade_csv_set_header (grade_csv, (const char * const *) fields, g_strv_length (fields), &error);
  if (c->error == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_HEADER);
      g_assert_cmpstr (error->message, ==, c->error);
    }
}

/* ---- rows ------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *column;
  const char *value;
  const char *error;        /* NULL = accepted */
} ValueCase;

static const ValueCase value_cases[] = {
  { "temp ok", "temp_c", "38.5", NULL },
  { "temp integer ok", "temp_c", "38", NULL },
  { "temp spaces ok", "temp_c", " 38.5 ", NULL },
  { "temp abc", "temp_c", "abc", "temp_c: 'abc' is not a number" },
  { "temp comma", "temp_c", "38,5", "temp_c: '38,5' is not a number (use a point for decimals)" },
  { "temp exponent", "temp_c", "3.85e1", "temp_c: '3.85e1' is not a number" },
  { "temp nan", "temp_c", "nan", "temp_c: 'nan' is not a number" },
  { "temp two points", "temp_c", "38.5.1", "temp_c: '38.5.1' is not a number" },
  { "temp fahrenheit", "temp_c", "101.3", "temp_c: 101.3 is out of range 10–47" },
  { "temp low edge", "temp_c", "10", NULL },
  { "temp high edge", "temp_c", "47", NULL },
  { "hr decimal", "hr", "72.5", "hr: '72.5' is not a whole number" },
  { "hr negative", "hr", "-1", "hr: -1 is out of range 0–300" },
  { "hr 0", "hr", "0", NULL },
  { "hr 301", "hr", "301", "hr: 301 is out of range 0–300" },
  { "rr 101", "rr", "101", "rr: 101 is out of range 0–100" },
  { "sbp 301", "sbp", "301", "sbp: 301 is out of range 0–300" },
  { "spo2 100", "spo2", "100", NULL },
  { "spo2 140", "spo2", "140", "spo2: 140 is out of range 0–100" },
  { "spo2_scale 2", "spo2_scale", "2", NULL },
  { "spo2_scale 3", "spo2_scale", "3", "spo2_scale: '3' is not 1 or 2" },
  { "device ok", "o2_device", "non_rebreather", NULL },
  { "device case", "o2_device", "HFNC", NULL },
  { "device tent", "o2_device", "tent", "o2_device: unknown device 'tent'" },
  { "flow 60", "o2_flow_l_min", "60", NULL },
  { "flow -2", "o2_flow_l_min", "-2", "o2_flow_l_min: -2 is out of range 0–100" },
  { "hypotension yes", "hypotension", "yes", NULL },
  { "hypotension No", "hypotension", "No", NULL },
  { "hypotension maybe", "hypotension", "maybe", "hypotension: 'maybe' is not yes or no" },
  { "vasopressors 2", "vasopressors", "2", NULL },
  { "vasopressors 1.5", "vasopressors", "1.5", "vasopressors: '1.5' is not a whole number" },
  { "vasopressors 11", "vasopressors", "11", "vasopressors: 11 is out of range 0–10" },
  { "vasopressin 1", "vasopressin", "1", "vasopressin: '1' is not yes or no" },
  { "fever_masked yes", "fever_masked", "yes", NULL },
  { "acvpu a", "acvpu", "a", NULL },
  { "acvpu X", "acvpu", "X", "acvpu: 'X' is not one of A, C, V, P, U" },
  { "arousal tactile", "arousal", "tactile", NULL },
  { "arousal sleepy", "arousal", "sleepy", "arousal: 'sleepy' is not one of normal, spontaneous, voice, tactile, unarousable" },
  { "ice 10", "ice", "10", NULL },
  { "ice 11", "ice", "11", "ice: 11 is out of range 0–10" },
  { "capd 32", "capd", "32", NULL },
  { "capd 33", "capd", "33", "capd: 33 is out of range 0–32" },
  { "seizure prolonged", "seizure", "prolonged", NULL },
  { "seizure yes", "seizure", "yes", "seizure: 'yes' is not one of none, resolved, prolonged" },
  { "motor weakness", "motor_weakness", "no", NULL },
  { "edema", "cerebral_edema", "focal", NULL },
  { "edema big", "cerebral_edema", "big", "cerebral_edema: 'big' is not one of none, focal, diffuse" },
  { "age 11.9", "age_years", "11.9", NULL },
  { "age 131", "age_years", "131", "age_years: 131 is out of range 0–130" },
  /* The children's (PEWS) columns. */
  { "resp_distress severe", "resp_distress", "severe", NULL },
  { "resp_distress Mild", "resp_distress", "Mild", NULL },
  { "resp_distress wheeze", "resp_distress", "wheeze", "resp_distress: 'wheeze' is not one of none, mild, moderate, severe" },
  { "crt 2.5", "crt_s", "2.5", NULL },
  { "crt 0", "crt_s", "0", NULL },
  { "crt 20", "crt_s", "20", NULL },
  { "crt 25", "crt_s", "25", "crt_s: 25 is out of range 0–20" },
  { "crt comma", "crt_s", "2,5", "crt_s: '2,5' is not a number (use a point for decimals)" },
  { "o2_percent 16", "o2_percent", "16", NULL },
  { "o2_percent 100", "o2_percent", "100", NULL },
  { "o2_percent 35.5", "o2_percent", "35.5", NULL },
  { "o2_percent 15", "o2_percent", "15", "o2_percent: 15 is out of range 16–100" },
  { "o2_percent 101", "o2_percent", "101", "o2_percent: 101 is out of range 16–100" },
  { "bp_skip U4", "bp_skip", "U4", NULL },
  { "bp_skip other", "bp_skip", "other", "bp_skip: 'other' is not one of nco, u0, u4" },
  { "carer asleep", "carer", "asleep", NULL },
  { "carer cross", "carer", "cross", "carer: 'cross' is not one of worse, same, better, asleep, unavailable" },
  { "intuition yes", "intuition", "yes", NULL },
  { "intuition Y", "intuition", "Y", "intuition: 'Y' is not yes or no" },
  { "sepsis shock", "sepsis", "shock", NULL },
  { "sepsis yes", "sepsis", "yes", "sepsis: 'yes' is not one of none, suspected, shock" },
  { "long value cut", "temp_c", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "temp_c: 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn…' is not a number" },
};

static gboolean
parse_one (const char         *header,
           const char         *row,
           CrsObservation     *observation,
           CrsGradingContext  *context,
           GPtrArray          *problems)
{
  g_auto(GStrv) names = g_strsplit (header, ",", -1);
  g_auto(GStrv) values = g_strsplit (row, ",", -1);
  g_autoptr(CrsGradeCsv) grade_csv = crs_grade_csv_new (NULL);

  g_assert_true (crs_grade_csv_set_header (grade_csv, (const char * const *) names,
                                           g_strv_length (names), NULL));
  return crs_grade_csv_parse_row (grade_csv, (const char * const *) values, g_strv_length (values),
                                  observation, context, problems);
}

static void
test_value (gconstpointer data)
{
  const ValueCase *c = data;
  const char *names[] = { "id", c->column, NULL };
  const char *values[] = { "r1", c->value, NULL };
  g_autoptr(CrsGradeCsv) grade_csv = crs_grade_csv_new (NULL);
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CrsGradingContext context;
  gboolean ok;

  g_assert_true (crs_grade_csv_set_header (grade_csv, names, 2, NULL));
  ok = crs_grade_csv_parse_row (grade_csv, values, 2, observation, &context, problems);
  if (c->error == NULL)
    {
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, c->error);
    }
}

static void
test_row_maps_fields (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CrsGradingContext context;

  g_assert_true (parse_one ("id,age_years,temp_c,hr,rr,sbp,dbp,spo2,spo2_scale,o2_device,o2_flow_l_min,"
                            "hypotension,vasopressors,vasopressin,fever_masked,acvpu,arousal,ice,capd,seizure,"
                            "motor_weakness,cerebral_edema",
                            "p1,11.9,38.4,101,22,95,60,93,2,nasal_cannula,6.5,yes,1,no,yes,V,voice,6,7,"
                            "resolved,no,focal",
                            observation, &context, problems));
  g_assert_cmpint (context.age_years, ==, 11);
  g_assert_cmpint (context.spo2_scale, ==, 2);
  g_assert_true (context.fever_masked);
  g_assert_null (context.masked_by);
  g_assert_cmpfloat (observation->temperature_c, ==, 38.4);
  g_assert_cmpint (observation->heart_rate, ==, 101);
  g_assert_cmpint (observation->resp_rate, ==, 22);
  g_assert_cmpint (observation->systolic, ==, 95);
  g_assert_cmpint (observation->diastolic, ==, 60);
  g_assert_cmpint (observation->spo2, ==, 93);
  g_assert_cmpint (observation->o2_device, ==, CRS_O2_NASAL_CANNULA);
  g_assert_cmpfloat (observation->o2_flow_l_min, ==, 6.5);
  g_assert_cmpint (observation->hypotension, ==, CRS_TRI_YES);
  g_assert_cmpint (observation->vasopressors, ==, 1);
  g_assert_cmpint (observation->vasopressin, ==, CRS_TRI_NO);
  g_assert_cmpint (observation->acvpu, ==, CRS_ACVPU_VOICE);
  g_assert_cmpint (observation->arousal, ==, CRS_AROUSAL_VOICE);
  g_assert_cmpint (observation->ice_total, ==, 6);
  g_assert_cmpint (observation->capd, ==, 7);
  g_assert_cmpint (observation->seizure, ==, CRS_SEIZURE_RESOLVED);
  g_assert_cmpint (observation->motor_weakness, ==, CRS_TRI_NO);
  g_assert_cmpint (observation->cerebral_edema, ==, CRS_EDEMA_FOCAL);
}

/* The PEWS columns land in their fields, and the age in months reaches
 * the chart (half a year is six months: the 0-11 months chart). */
static void
test_row_maps_pews_fields (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CrsGradingContext context;

  g_assert_true (parse_one ("id,age_years,resp_distress,crt_s,o2_percent,bp_skip,carer,intuition,sepsis",
                            "p1,0.5,moderate,3.5,40,u4,worse,yes,suspected",
                            observation, &context, problems));
  g_assert_cmpint (context.age_years, ==, 0);
  g_assert_cmpint (context.age_months, ==, 6);
  g_assert_cmpint (crs_pews_band_for_age (crs_grading_context_age_months (&context)), ==,
                   CRS_PEWS_BAND_0_11_MONTHS);
  g_assert_cmpint (observation->resp_distress, ==, CRS_RESP_DISTRESS_MODERATE);
  g_assert_cmpfloat (observation->crt_s, ==, 3.5);
  g_assert_cmpfloat (observation->o2_percent, ==, 40);
  g_assert_cmpint (observation->bp_skip, ==, CRS_BP_SKIP_U4);
  g_assert_cmpint (observation->carer, ==, CRS_CARER_WORSE);
  g_assert_cmpint (observation->intuition, ==, CRS_TRI_YES);
  g_assert_cmpint (observation->sepsis, ==, CRS_SEPSIS_SUSPECTED);

  /* 4.99 years is 59 completed months, still the 1-4 years chart; 5 is
   * the 5-12 years chart. */
  g_ptr_array_set_size (problems, 0);
  g_assert_true (parse_one ("id,age_years", "p2,4.99", observation, &context, problems));
  g_assert_cmpint (context.age_months, ==, 59);
  g_assert_true (parse_one ("id,age_years", "p3,5", observation, &context, problems));
  g_assert_cmpint (context.age_months, ==, 60);
}

static void
test_row_blanks_are_not_recorded (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CrsGradingContext context;

  g_assert_true (parse_one ("id,age_years,temp_c,hr,spo2_scale,o2_device,hypotension,vasopressors,acvpu",
                            "p1,, ,,,,,,", observation, &context, problems));
  g_assert_true (crs_observation_is_empty (observation));
  g_assert_cmpint (context.age_years, ==, -1);
  g_assert_cmpint (context.spo2_scale, ==, 1);
  g_assert_false (context.fever_masked);
}

static void
test_row_several_problems_and_cross_checks (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrsObservation) observation2 = crs_observation_new ();
  g_autoptr(GPtrArray) problems2 = g_ptr_array_new_with_free_func (g_free);
  CrsGradingContext context;

  g_assert_false (parse_one ("id,temp_c,spo2,o2_device", "p1,abc,140,tent", observation, &context, problems));
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "temp_c: 'abc' is not a number");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, "spo2: 140 is out of range 0–100");
  g_assert_cmpstr (g_ptr_array_index (problems, 2), ==, "o2_device: unknown device 'tent'");

  g_assert_false (parse_one ("id,sbp,dbp,o2_device,o2_flow_l_min", "p2,80,120,room_air,2",
                             observation2, &context, problems2));
  g_assert_cmpuint (problems2->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems2, 0), ==, "dbp: 120 is above the systolic pressure 80");
  g_assert_cmpstr (g_ptr_array_index (problems2, 1), ==, "o2_flow_l_min: an oxygen flow is given with o2_device room_air");
}

static void
test_row_ragged (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  CrsGradingContext context;

  g_assert_false (parse_one ("id,temp_c,hr", "p1,38", observation, &context, problems));
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "the row has 2 fields but the header has 3");
}

/* ---- the whole run --------------------------------------------------- */

typedef struct
{
  GString *rejected;
} RejectLog;

static void
log_rejected (guint       line,
              const char *id,
              GPtrArray  *problems,
              gpointer    user_data)
{
  RejectLog *log = user_data;

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (log->rejected, "%u %s %s\n", line, id, (const char *) g_ptr_array_index (problems, i));
}

static gboolean
run_policy (const char           *input,
            const CrsWardPolicy  *policy,
            char                **output,
            char                **rejected,
            CrsGradeCsvStats     *stats,
            guint                *error_line,
            GError              **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (input), (gssize) strlen (input), g_free);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  RejectLog log = { g_string_new (NULL) };
  gboolean ok;

  ok = crs_grade_csv_run (in, out, policy, log_rejected, &log, stats, error_line, NULL, error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  *output = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  *rejected = g_string_free (log.rejected, FALSE);
  return ok;
}

static gboolean
run (const char        *input,
     char             **output,
     char             **rejected,
     CrsGradeCsvStats  *stats,
     guint             *error_line,
     GError           **error)
{
  return run_policy (input, NULL, output, rejected, stats, error_line, error);
}

#define HEADER_OUT "id,crs_grade,icans_grade,news2,news2_risk,red_flag,reason,error,pews,pews_level\n"

/* Floors and red flags of the contract (grade-csv.md, issue 10): a lower
 * bound in the grade column with "at least" in the reason; a blank grade
 * only when not even a bound is proven; the red flag from findings. */
typedef struct
{
  const char *row;        /* after the header below */
  const char *columns;    /* id,crs,icans,news2,risk,red_flag */
  const char *reason;     /* a part of the reason, or NULL */
} FloorCase;

#define FLOOR_HEADER "id,age_years,temp_c,hr,rr,sbp,spo2,o2_device,o2_flow_l_min,vasopressors," \
                     "vasopressin,fever_masked,acvpu,arousal,ice,capd,seizure\n"

static const FloorCase floor_cases[] = {
  { "fever-no-bp,,38.5,,,,,room_air,,,,,A,normal,10,,", "fever-no-bp,1,0,,,no", "CRS at least grade 1: fever 38.5 °C" },
  { "fever-no-o2,,38.5,,,120,,,,,,,A,normal,10,,", "fever-no-o2,1,0,,,no", "(not recorded: oxygen)" },
  { "mask-no-bp,,38.5,,,,,face_mask,,,,,A,normal,10,,", "mask-no-bp,3,0,,,yes", "CRS at least grade 3" },
  { "two-pressors-no-temp,,,,,85,,room_air,,2,,,A,normal,10,,", "two-pressors-no-temp,,0,,,yes",
    "CRS not determined: temperature not recorded" },
  { "vasopressin-no-temp,,,,,85,,room_air,,0,yes,,A,normal,10,,", "vasopressin-no-temp,,0,,,yes", NULL },
  { "cpap-no-temp,,,,,120,,cpap,,,,,A,normal,10,,", "cpap-no-temp,,0,,,yes", NULL },
  { "cannula-8-no-temp,,,,,120,,nasal_cannula,8,,,,A,normal,10,,", "cannula-8-no-temp,,0,,,yes", NULL },
  { "cannula-2-no-temp,,,,,120,,nasal_cannula,2,,,,A,normal,10,,", "cannula-2-no-temp,,0,,,no", NULL },
  { "masked-no-temp,,,,,120,,room_air,,0,,yes,A,normal,10,,", "masked-no-temp,,0,,,no",
    "temperature not recorded" },
  { "seizure-only,,37.0,,,120,,room_air,,,,,,,,,resolved", "seizure-only,0,3,,,yes",
    "ICANS at least grade 3: a seizure that resolved" },
  { "ice-only,,37.0,,,120,,room_air,,,,,,,8,,", "ice-only,0,1,,,no",
    "ICANS at least grade 1: ICE score 8 (not recorded: level of consciousness)" },
  { "ice-10-only,,37.0,,,120,,room_air,,,,,,,10,,", "ice-10-only,0,,,,no", "ICANS not determined" },
  { "no-ice,,37.0,,,120,,room_air,,,,,A,normal,,,", "no-ice,0,,,,no", "ICANS not determined: awake" },
  { "acvpu-p,,37.0,,,120,,room_air,,,,,P,,10,,", "acvpu-p,0,4,,,yes", "responds only to pain (ACVPU)" },
  { "acvpu-v,,37.0,,,120,,room_air,,,,,V,,,,", "acvpu-v,0,2,,,yes", "ICANS at least grade 2" },
  { "capd-age-12,12,37.0,,,120,,room_air,,,,,A,normal,,9,", "capd-age-12,0,3,,,yes", "CAPD 9" },
  { "ice-age-11,11,37.0,,,120,,room_air,,,,,A,normal,2,,", "ice-age-11,0,3,,,yes", "ICE score 2" },
  { "child-bp-79,5,38.5,,,79,,room_air,,,,,A,normal,,0,", "child-bp-79,2,0,,,no", "below 80 for the age" },
  { "child-bp-80,5,38.5,,,80,,room_air,,,,,A,normal,,0,", "child-bp-80,1,0,,,no", NULL },
  { "partial-news2-8,,,120,26,,91,room_air,,,,,A,normal,10,,", "partial-news2-8,,0,,,yes",
    "NEWS2 at least high: respiration rate 26/min (3)" },
};

static void
test_floors_and_flags (void)
{
  g_autoptr(GString) input = g_string_new (FLOOR_HEADER);
  g_autofree char *output = NULL;
  g_autofree char *rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrsCsvReader) reader = NULL;
  CrsGradeCsvStats stats;
  guint error_line = 0;
  guint i = 0;

  for (guint c = 0; c < G_N_ELEMENTS (floor_cases); c++)
    g_string_append_printf (input, "%s\n", floor_cases[c].row);
  g_assert_true (run (input->str, &output, &rejected, &stats, &error_line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rejected, ==, 0);

  stream = g_memory_input_stream_new_from_data (output, -1, NULL);
  reader = crs_csv_reader_new (stream);
  g_assert_true (crs_csv_reader_next (reader, NULL, &error));   /* the header */
  while (crs_csv_reader_next (reader, NULL, &error))
    {
      const char * const *fields = crs_csv_reader_get_fields (reader);
      const FloorCase *c = &floor_cases[i++];
      g_autofree char *columns = g_strjoin (",", fields[0], fields[1], fields[2], fields[3], fields[4],
                                            fields[5], NULL);

      g_test_message ("%s: %s", fields[0], fields[6]);
      g_assert_cmpstr (columns, ==, c->columns);
      if (c->reason != NULL && strstr (fields[6], c->reason) == NULL)
        g_error ("%s: “%s” does not contain “%s”", fields[0], fields[6], c->reason);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (floor_cases));
}

static void
test_run_rows (void)
{
  g_autofree char *output = NULL;
  g_autofree char *rejected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  CrsGradeCsvStats stats;
  guint error_line = 99;

  g_assert_true (run ("id,temp_c,hr,rr,sbp,spo2,o2_device,acvpu,ice\r\n"
                      "\"a,1\",37.0,70,16,120,97,room_air,A,10\r\n"
                      "b,abc,70,16,120,97,room_air,A,10\r\n"
                      "c,39.5,70,16,120,97,face_mask,V,\r\n",
                      &output, &rejected, &stats, &error_line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (error_line, ==, 0);
  g_assert_cmpuint (stats.rows, ==, 3);
  g_assert_cmpuint (stats.rejected, ==, 1);
  g_assert_cmpstr (rejected, ==, "3 b temp_c: 'abc' is not a number\n");

  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "id,crs_grade,icans_grade,news2,news2_risk,red_flag,reason,error,pews,pews_level");
  /* Adults: the PEWS columns stay blank. */
  g_assert_cmpstr (lines[1], ==, "\"a,1\",0,0,0,low,no,CRS grade 0: no fever (37.0 °C). "
                                 "ICANS grade 0: ICE score 10 and alert (ACVPU). NEWS2 0 (low).,,,");
  g_assert_cmpstr (lines[2], ==, "b,,,,,,,temp_c: 'abc' is not a number,,");
  /* 39.5 °C (2) + oxygen (2) + V (3) = 7, high; CRS 3 by face mask;
   * ICANS at least 2 from "responds to voice" with no ICE score: the
   * column holds the lower bound, the reason says "at least". */
  g_assert_true (g_str_has_prefix (lines[3], "c,3,2,7,high,yes,\"CRS grade 3: fever 39.5 °C and oxygen by face mask. "
                                             "ICANS at least grade 2: responds to voice (ACVPU) (not recorded: ICE score). "
                                             "NEWS2 7 (high): "));
  g_assert_true (g_str_has_suffix (lines[3], ".\",,,"));
  g_assert_cmpstr (lines[4], ==, "");
}

/* The ward's NEWS2 age (news2_min_age) decides the news2 column: the
 * same rows (pulse 135 alone scores 3) at the default 16, at 18 and at 0
 * (everyone scored). */
static void
test_run_news2_age_setting (void)
{
  const char *input = "id,age_years,temp_c,hr,rr,sbp,spo2,o2_device,acvpu,ice,capd\n"
                      "a15,15,37.0,135,16,120,97,room_air,A,10,\n"
                      "a16,16,37.0,135,16,120,97,room_air,A,10,\n"
                      "a17,17,37.0,135,16,120,97,room_air,A,10,\n"
                      "a18,18,37.0,135,16,120,97,room_air,A,10,\n"
                      "a0,0,37.0,135,16,120,97,room_air,A,,0\n"
                      "unknown,,37.0,135,16,120,97,room_air,A,10,\n";
  const struct { int min_age; const char *news2[6]; } cases[] = {
    { 16, { "", "3", "3", "3", "", "3" } },
    { 18, { "", "", "", "3", "", "3" } },
    { 0, { "3", "3", "3", "3", "3", "3" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = NULL;
      g_autofree char *rejected = NULL;
      g_autofree char *not_used = g_strdup_printf ("NEWS2 is not used below %d years", cases[i].min_age);
      g_auto(GStrv) lines = NULL;
      CrsWardPolicy policy;
      CrsGradeCsvStats stats;

      crs_ward_policy_init (&policy);
      policy.news2_min_age = cases[i].min_age;
      g_assert_true (run_policy (input, &policy, &output, &rejected, &stats, NULL, NULL));
      g_assert_cmpuint (stats.rejected, ==, 0);
      lines = g_strsplit (output, "\n", -1);
      for (guint r = 0; r < 6; r++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[r + 1], ",", 6);
          gboolean blank = *cases[i].news2[r] == '\0';

          g_test_message ("setting %d, %s", cases[i].min_age, lines[r + 1]);
          g_assert_cmpstr (fields[3], ==, cases[i].news2[r]);
          g_assert_cmpstr (fields[4], ==, blank ? "" : "low-medium");
          g_assert_cmpint (strstr (fields[5], not_used) != NULL, ==, blank);
        }
    }
}

static void
test_run_file_errors (void)
{
  const struct { const char *input; CrsCsvError code; guint line; const char *message; } cases[] = {
    { "", CRS_CSV_ERROR_EMPTY, 0, "the file is empty: the first row must be the header" },
    { "\n\n", CRS_CSV_ERROR_EMPTY, 0, "the file is empty: the first row must be the header" },
    { "id,tmp_c\nx,1\n", CRS_CSV_ERROR_HEADER, 1, "unknown column 'tmp_c'" },
    { "\n\nid,tmp_c\n", CRS_CSV_ERROR_HEADER, 3, "unknown column 'tmp_c'" },
    { "id,temp_c\nx,38\ny,\"39\n", CRS_CSV_ERROR_MALFORMED, 3, "the quoted field opened on line 3 is never closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = NULL;
      g_autofree char *rejected = NULL;
      g_autoptr(GError) error = NULL;
      CrsGradeCsvStats stats;
      guint error_line = 99;

      g_assert_false (run (cases[i].input, &output, &rejected, &stats, &error_line, &error));
      g_assert_error (error, CRS_CSV_ERROR, (gint) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (error_line, ==, cases[i].line);
    }
}

static void
test_run_header_only (void)
{
  g_autofree char *output = NULL;
  g_autofree char *rejected = NULL;
  g_autoptr(GError) error = NULL;
  CrsGradeCsvStats stats;

  g_assert_true (run ("id,temp_c\n", &output, &rejected, &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (output, ==, HEADER_OUT);
  g_assert_cmpuint (stats.rows, ==, 0);
}

/* Thousands of rows a second (the contract); the benchmark measures it
 * properly, this only catches a gross slowdown. */
static void
test_run_speed (void)
{
  g_autoptr(GString) input = g_string_new ("id,temp_c,hr,rr,sbp,spo2,o2_device,o2_flow_l_min,vasopressors,acvpu,ice\n");
  g_autofree char *output = NULL;
  g_autofree char *rejected = NULL;
  CrsGradeCsvStats stats;
  guint n = 5000;
  gint64 start;
  double seconds;

#ifdef __SANITIZE_ADDRESS__
  /* Under AddressSanitizer (README "Sanitizers") this would time the
   * sanitizer, not the grading. */
  g_test_skip ("speed is not measured in a sanitizer build");
  return;
#endif
  for (guint i = 0; i < n; i++)
    g_string_append_printf (input, "r%u,%.1f,%u,%u,%u,%u,nasal_cannula,%u,%u,A,%u\n",
                            i, 36.5 + (i % 40) / 10.0, 60 + i % 80, 10 + i % 20, 80 + i % 60,
                            88 + i % 12, 1 + i % 8, i % 3, i % 11);
  start = g_get_monotonic_time ();
  g_assert_true (run (input->str, &output, &rejected, &stats, NULL, NULL));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_cmpuint (stats.rows, ==, n);
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_test_message ("%u rows in %.3f s: %.0f rows/s", n, seconds, n / seconds);
  g_assert_cmpfloat (n / seconds, >, 1000.0);
}

/* Every graded row of the fixtures: crs_grading_new_for_reason(), which
 * builds only the words of the reason line, gives the reason line of
 * crs_grading_new(), appended after what the buffer held; and it leaves
 * out the words it is meant to leave out. Returns the rows compared. */
static guint
compare_reason_lines (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "grade", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) input = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(CrsCsvReader) reader = NULL;
  g_autoptr(CrsGradeCsv) grade_csv = crs_grade_csv_new (NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  /* One grading graded again for every row, as the CSV runner does; it
   * starts with all its words, which refilling drops. */
  g_autoptr(CrsGrading) reused = NULL;
  guint compared = 0;

  g_assert_nonnull (input);
  reader = crs_csv_reader_new (input);
  g_assert_true (crs_csv_reader_next (reader, NULL, &error));
  g_assert_true (crs_grade_csv_set_header (grade_csv, crs_csv_reader_get_fields (reader),
                                           crs_csv_reader_get_n_fields (reader), &error));
  while (crs_csv_reader_next (reader, NULL, &error))
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(GString) appended = g_string_new ("before|");
      CrsGradingContext context;
      CrsGrading *full;
      CrsGrading *lazy;
      g_autofree char *full_line = NULL;
      g_autofree char *lazy_line = NULL;
      g_autofree char *expected = NULL;

      g_ptr_array_set_size (problems, 0);
      if (!crs_grade_csv_parse_row (grade_csv, crs_csv_reader_get_fields (reader),
                                    crs_csv_reader_get_n_fields (reader), observation, &context, problems))
        continue;
      full = crs_grading_new (observation, &context, NULL);
      lazy = crs_grading_new_for_reason (observation, &context, NULL);
      full_line = crs_grading_to_reason_line (full);
      lazy_line = crs_grading_to_reason_line (lazy);
      g_assert_cmpstr (lazy_line, ==, full_line);
      crs_grading_append_reason_line (appended, lazy);
      expected = g_strconcat ("before|", full_line, NULL);
      g_assert_cmpstr (appended->str, ==, expected);
      /* The numbers are the same; the words nobody reads are not built. */
      g_assert_cmpint (lazy->red_flag_kinds, ==, full->red_flag_kinds);
      g_assert_null (lazy->crs_guidance);
      g_assert_null (lazy->red_flags);
      g_assert_null (lazy->prompts_text);
      g_assert_nonnull (full->crs_guidance);
      if (reused == NULL)
        reused = crs_grading_new (observation, &context, NULL);
      crs_grading_refill_for_reason (reused, observation, &context, NULL);
      {
        g_autofree char *reused_line = crs_grading_to_reason_line (reused);

        g_assert_cmpstr (reused_line, ==, full_line);
        g_assert_cmpint (reused->red_flag_kinds, ==, full->red_flag_kinds);
        g_assert_cmpint (crs_grading_crs_value (reused), ==, crs_grading_crs_value (full));
        g_assert_cmpint (reused->news2_total, ==, full->news2_total);
        g_assert_null (reused->crs_guidance);
        g_assert_null (reused->red_flags);
      }
      crs_grading_free (full);
      crs_grading_free (lazy);
      compared++;
    }
  g_assert_no_error (error);
  return compared;
}

static void
test_reason_only_words (void)
{
  static const char * const fixtures[] = { "good.csv", "pews.csv", "age.csv", "quoted.csv", "crlf.csv" };
  guint compared = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    compared += compare_reason_lines (fixtures[i]);
  g_assert_cmpuint (compared, >=, 20);
}

/* The same in German (the build's catalogue, LANGUAGE=de): the reason
 * line is put together from translated formats and lists. */
static void
test_reason_only_words_german (void)
{
  const char *localedir = g_getenv ("CRS_WATCH_LOCALEDIR");
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  if (localedir == NULL)
    {
      g_test_skip ("CRS_WATCH_LOCALEDIR is not set: run this test with meson test");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_test_skip ("no C.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  /* The catalogue is in use: a known phrase comes out in German. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "%s grade %d: %s"), ==, "%s Grad %d: %s");
  test_reason_only_words ();
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, old_locale);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-csv/header/%s", header_cases[i].name);
      g_test_add_data_func (path, &header_cases[i], test_header);
    }
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-csv/value/%s", value_cases[i].name);
      g_test_add_data_func (path, &value_cases[i], test_value);
    }
  g_test_add_func ("/grade-csv/row/maps-fields", test_row_maps_fields);
  g_test_add_func ("/grade-csv/row/maps-pews-fields", test_row_maps_pews_fields);
  g_test_add_func ("/grade-csv/row/blanks-are-not-recorded", test_row_blanks_are_not_recorded);
  g_test_add_func ("/grade-csv/row/several-problems-and-cross-checks", test_row_several_problems_and_cross_checks);
  g_test_add_func ("/grade-csv/row/ragged", test_row_ragged);
  g_test_add_func ("/grade-csv/run/rows", test_run_rows);
  g_test_add_func ("/grade-csv/run/floors-and-flags", test_floors_and_flags);
  g_test_add_func ("/grade-csv/run/news2-age-setting", test_run_news2_age_setting);
  g_test_add_func ("/grade-csv/run/file-errors", test_run_file_errors);
  g_test_add_func ("/grade-csv/run/header-only", test_run_header_only);
  g_test_add_func ("/grade-csv/run/speed", test_run_speed);
  g_test_add_func ("/grade-csv/reason-only-words", test_reason_only_words);
  g_test_add_func ("/grade-csv/reason-only-words-german", test_reason_only_words_german);

  return g_test_run ();
}
