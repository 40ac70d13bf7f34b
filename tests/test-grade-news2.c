/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grade-news2.c: NEWS2 chart 1 at every band edge of every
 * parameter, and chart 4's risk bands and frequencies.
 *
 * Expected scores are copied from shared/clinical/grading.md §5a ("Per-band
 * scores, the same data written out") and §5b, not from the code. */
#define G_LOG_DOMAIN "test-grade-news2"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "core/crs-grading.h"

#define NO_INT CRS_MISSING

typedef struct
{
  const char    *name;
  CrsNews2Param  param;
  int            scale;
  int            value;      /* the integer parameter */
  double         temp;       /* temperature, when param is TEMPERATURE */
  CrsO2Device    device;     /* for SpO2 scale 2 and air/oxygen */
  double         flow;
  CrsAcvpu       acvpu;
  int            expected;   /* CRS_MISSING = cannot be scored */
} ParamCase;

#define RR(v, s) { "rr " #v, CRS_NEWS2_RR, 1, v, NAN, CRS_O2_UNSET, NAN, CRS_ACVPU_UNSET, s }
#define S1(v, s) { "spo2 scale 1 " #v, CRS_NEWS2_SPO2, 1, v, NAN, CRS_O2_ROOM_AIR, NAN, CRS_ACVPU_UNSET, s }
#define S2A(v, s) { "spo2 scale 2 air " #v, CRS_NEWS2_SPO2, 2, v, NAN, CRS_O2_ROOM_AIR, NAN, CRS_ACVPU_UNSET, s }
#define S2O(v, s) { "spo2 scale 2 oxygen " #v, CRS_NEWS2_SPO2, 2, v, NAN, CRS_O2_NASAL_CANNULA, 2.0, CRS_ACVPU_UNSET, s }
#define SBP(v, s) { "sbp " #v, CRS_NEWS2_SYSTOLIC, 1, v, NAN, CRS_O2_UNSET, NAN, CRS_ACVPU_UNSET, s }
#define HR(v, s) { "pulse " #v, CRS_NEWS2_PULSE, 1, v, NAN, CRS_O2_UNSET, NAN, CRS_ACVPU_UNSET, s }
#define TEMP(v, s) { "temp " #v, CRS_NEWS2_TEMPERATURE, 1, NO_INT, v, CRS_O2_UNSET, NAN, CRS_ACVPU_UNSET, s }
#define ACVPU(a, s) { "acvpu " #a, CRS_NEWS2_CONSCIOUSNESS, 1, NO_INT, NAN, CRS_O2_UNSET, NAN, a, s }
#define AIR(d, f, s) { "air or oxygen " #d " " #f, CRS_NEWS2_AIR_OR_OXYGEN, 1, NO_INT, NAN, d, f, CRS_ACVPU_UNSET, s }

static const ParamCase param_cases[] = {
  /* Respiration rate: <= 8 -> 3; 9-11 -> 1; 12-20 -> 0; 21-24 -> 2; >= 25 -> 3. */
  RR (8, 3), RR (9, 1), RR (11, 1), RR (12, 0), RR (20, 0), RR (21, 2), RR (24, 2), RR (25, 3),
  /* SpO2 scale 1: <= 91 -> 3; 92-93 -> 2; 94-95 -> 1; >= 96 -> 0. */
  S1 (91, 3), S1 (92, 2), S1 (93, 2), S1 (94, 1), S1 (95, 1), S1 (96, 0), S1 (100, 0),
  /* SpO2 scale 2: <= 83 -> 3; 84-85 -> 2; 86-87 -> 1; 88-92 -> 0; >= 93 on air -> 0;
   * 93-94 on oxygen -> 1; 95-96 on oxygen -> 2; >= 97 on oxygen -> 3. */
  S2A (83, 3), S2A (84, 2), S2A (85, 2), S2A (86, 1), S2A (87, 1), S2A (88, 0), S2A (92, 0),
  S2A (93, 0), S2A (97, 0), S2A (100, 0),
  S2O (83, 3), S2O (87, 1), S2O (88, 0), S2O (92, 0), S2O (93, 1), S2O (94, 1), S2O (95, 2),
  S2O (96, 2), S2O (97, 3), S2O (100, 3),
  { "spo2 scale 2, 93, air or oxygen unknown", CRS_NEWS2_SPO2, 2, 93, NAN, CRS_O2_UNSET, NAN, CRS_ACVPU_UNSET, CRS_MISSING },
  { "spo2 scale 2, 90, air or oxygen unknown", CRS_NEWS2_SPO2, 2, 90, NAN, CRS_O2_UNSET, NAN, CRS_ACVPU_UNSET, 0 },
  /* Air or oxygen: oxygen -> 2, air -> 0. */
  AIR (CRS_O2_ROOM_AIR, NAN, 0), AIR (CRS_O2_NASAL_CANNULA, 2.0, 2), AIR (CRS_O2_BLOW_BY, NAN, 2),
  AIR (CRS_O2_VENTILATOR, NAN, 2), AIR (CRS_O2_UNSET, NAN, CRS_MISSING), AIR (CRS_O2_UNSET, 2.0, 2),
  /* Systolic: <= 90 -> 3; 91-100 -> 2; 101-110 -> 1; 111-219 -> 0; >= 220 -> 3. */
  SBP (90, 3), SBP (91, 2), SBP (100, 2), SBP (101, 1), SBP (110, 1), SBP (111, 0), SBP (219, 0), SBP (220, 3),
  /* Pulse: <= 40 -> 3; 41-50 -> 1; 51-90 -> 0; 91-110 -> 1; 111-130 -> 2; >= 131 -> 3. */
  HR (40, 3), HR (41, 1), HR (50, 1), HR (51, 0), HR (90, 0), HR (91, 1), HR (110, 1), HR (111, 2),
  HR (130, 2), HR (131, 3),
  /* Consciousness: Alert -> 0; C, V, P, U -> 3. */
  ACVPU (CRS_ACVPU_ALERT, 0), ACVPU (CRS_ACVPU_CONFUSION, 3), ACVPU (CRS_ACVPU_VOICE, 3),
  ACVPU (CRS_ACVPU_PAIN, 3), ACVPU (CRS_ACVPU_UNRESPONSIVE, 3), ACVPU (CRS_ACVPU_UNSET, CRS_MISSING),
  /* Temperature: <= 35.0 -> 3; 35.1-36.0 -> 1; 36.1-38.0 -> 0; 38.1-39.0 -> 1; >= 39.1 -> 2. */
  TEMP (35.0, 3), TEMP (35.1, 1), TEMP (36.0, 1), TEMP (36.1, 0), TEMP (38.0, 0), TEMP (38.1, 1),
  TEMP (39.0, 1), TEMP (39.1, 2),
};

static void
test_news2_param (gconstpointer data)
{
  const ParamCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();

  observation->resp_rate = c->param == CRS_NEWS2_RR ? c->value : NO_INT;
  observation->spo2 = c->param == CRS_NEWS2_SPO2 ? c->value : NO_INT;
  observation->systolic = c->param == CRS_NEWS2_SYSTOLIC ? c->value : NO_INT;
  observation->heart_rate = c->param == CRS_NEWS2_PULSE ? c->value : NO_INT;
  observation->temperature_c = c->temp;
  observation->o2_device = c->device;
  observation->o2_flow_l_min = c->flow;
  observation->acvpu = c->acvpu;

  g_assert_cmpint (crs_news2_score_param (observation, c->param, c->scale), ==, c->expected);
}

/* A complete set that scores 0 everywhere; each case changes a few values. */
typedef struct
{
  const char   *name;
  int           rr;
  int           spo2;
  CrsO2Device   device;
  int           sbp;
  int           hr;
  CrsAcvpu      acvpu;
  double        temp;
  int           total;       /* CRS_MISSING = partial */
  CrsNews2Risk  risk;
  int           interval;
  const char   *risk_id;
} TotalCase;

static const TotalCase total_cases[] = {
  { "all normal", 16, 97, CRS_O2_ROOM_AIR, 120, 70, CRS_ACVPU_ALERT, 37.0, 0, CRS_NEWS2_RISK_LOW, 720, "low" },
  { "total 1", 16, 97, CRS_O2_ROOM_AIR, 120, 95, CRS_ACVPU_ALERT, 37.0, 1, CRS_NEWS2_RISK_LOW, 240, "low" },
  { "total 4", 22, 97, CRS_O2_ROOM_AIR, 120, 115, CRS_ACVPU_ALERT, 37.0, 4, CRS_NEWS2_RISK_LOW, 240, "low" },
  { "single 3", 8, 97, CRS_O2_ROOM_AIR, 120, 70, CRS_ACVPU_ALERT, 37.0, 3, CRS_NEWS2_RISK_LOW_MEDIUM, 60, "low-medium" },
  { "single 3 plus 1", 16, 97, CRS_O2_ROOM_AIR, 120, 95, CRS_ACVPU_CONFUSION, 37.0, 4, CRS_NEWS2_RISK_LOW_MEDIUM, 60, "low-medium" },
  { "total 5", 22, 97, CRS_O2_ROOM_AIR, 90, 70, CRS_ACVPU_ALERT, 37.0, 5, CRS_NEWS2_RISK_MEDIUM, 60, "medium" },
  { "total 6", 22, 97, CRS_O2_NASAL_CANNULA, 120, 115, CRS_ACVPU_ALERT, 37.0, 6, CRS_NEWS2_RISK_MEDIUM, 60, "medium" },
  { "total 7", 22, 97, CRS_O2_NASAL_CANNULA, 120, 115, CRS_ACVPU_ALERT, 38.5, 7, CRS_NEWS2_RISK_HIGH, 0, "high" },
  { "total 20", 30, 85, CRS_O2_FACE_MASK, 80, 140, CRS_ACVPU_UNRESPONSIVE, 34.0, 20, CRS_NEWS2_RISK_HIGH, 0, "high" },
  { "pulse missing", 16, 97, CRS_O2_ROOM_AIR, 120, NO_INT, CRS_ACVPU_ALERT, 37.0, CRS_MISSING, CRS_NEWS2_RISK_UNKNOWN, CRS_MISSING, NULL },
  { "device missing", 16, 97, CRS_O2_UNSET, 120, 70, CRS_ACVPU_ALERT, 37.0, CRS_MISSING, CRS_NEWS2_RISK_UNKNOWN, CRS_MISSING, NULL },
};

static void
test_news2_total (gconstpointer data)
{
  const TotalCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;

  observation->resp_rate = c->rr;
  observation->spo2 = c->spo2;
  observation->o2_device = c->device;
  if (c->device == CRS_O2_NASAL_CANNULA)
    observation->o2_flow_l_min = 2.0;
  observation->systolic = c->sbp;
  observation->heart_rate = c->hr;
  observation->acvpu = c->acvpu;
  observation->temperature_c = c->temp;

  grading = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (grading->news2_total, ==, c->total);
  g_assert_cmpint (grading->news2_risk, ==, c->risk);
  g_assert_cmpint (grading->news2_interval_minutes, ==, c->interval);
  g_assert_cmpstr (crs_news2_risk_to_id (grading->news2_risk), ==, c->risk_id);
  g_assert_nonnull (grading->news2_guidance);
  if (crs_is_missing_int (c->total))
    g_assert_cmpuint (grading->news2_missing->len, ==, 1);
  else
    g_assert_cmpuint (grading->news2_missing->len, ==, 0);
}

static void
test_news2_partial_names_missing (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autofree char *summary = NULL;

  observation->resp_rate = 16;
  observation->spo2 = 97;
  observation->systolic = 120;
  observation->acvpu = CRS_ACVPU_ALERT;
  observation->temperature_c = 37.0;
  grading = crs_grading_new (observation, NULL, NULL);

  g_assert_cmpint (grading->news2_total, ==, CRS_MISSING);
  g_assert_cmpuint (grading->news2_missing->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (grading->news2_missing, 0), ==, "air or oxygen");
  g_assert_cmpstr (g_ptr_array_index (grading->news2_missing, 1), ==, "pulse");
  summary = crs_grading_news2_summary (grading);
  g_assert_cmpstr (summary, ==, "Not scored: air or oxygen and pulse not recorded");
  /* A partial set is watched at least 4-hourly, never 12-hourly. */
  g_assert_cmpint (crs_news2_interval_at_least (grading), ==, 240);
}

static void
test_news2_partial_red_score (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) red = NULL;
  g_autoptr(CrsGrading) high = NULL;

  observation->resp_rate = 30;    /* 3 */
  red = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (crs_news2_interval_at_least (red), ==, 60);

  observation->systolic = 85;     /* 3 */
  observation->heart_rate = 140;  /* 3 */
  high = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (high->news2_partial_sum, ==, 9);
  g_assert_cmpint (crs_news2_interval_at_least (high), ==, 0);
}

/* Scale 2 on oxygen scores high saturations; on air it does not. */
static void
test_news2_scale2_context (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) scale1 = NULL;
  g_autoptr(CrsGrading) scale2 = NULL;
  CrsGradingContext context;

  observation->spo2 = 97;
  observation->o2_device = CRS_O2_NASAL_CANNULA;
  observation->o2_flow_l_min = 2;

  crs_grading_context_init (&context);
  scale1 = crs_grading_new (observation, &context, NULL);
  context.spo2_scale = 2;
  scale2 = crs_grading_new (observation, &context, NULL);

  g_assert_cmpint (scale1->news2_scores[CRS_NEWS2_SPO2], ==, 0);
  g_assert_cmpint (scale2->news2_scores[CRS_NEWS2_SPO2], ==, 3);
  /* The oxygen row applies on both scales. */
  g_assert_cmpint (scale1->news2_scores[CRS_NEWS2_AIR_OR_OXYGEN], ==, 2);
  g_assert_cmpint (scale2->news2_scores[CRS_NEWS2_AIR_OR_OXYGEN], ==, 2);
}

/* ASTCT fever starts at 38.0 °C, NEWS2 scores temperature from 38.1. */
static void
test_news2_not_astct (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;

  observation->temperature_c = 38.0;
  grading = crs_grading_new (observation, NULL, NULL);
  g_assert_true (grading->fever);
  g_assert_cmpint (grading->news2_scores[CRS_NEWS2_TEMPERATURE], ==, 0);
}

/* NEWS2 is not used below the ward's NEWS2 age (default 16; NICE MIB205:
 * "does not apply to children under 16"). The set is the CLI's worked
 * CRS example: RR 22 (2) + SpO2 95 (1) + oxygen (2) + SBP 84 (3) + pulse
 * 112 (2) + A (0) + 39.5 °C (2) = NEWS2 12, high; CRS grade 3 (fever and
 * one vasopressor). "Partial" leaves the pulse out: 10 from the others,
 * which for an adult raises "NEWS2 at least 10". */
typedef struct
{
  const char *name;
  int         age;           /* -1 = unknown */
  int         min_age;       /* the ward setting */
  gboolean    partial;
  gboolean    applies;
} AgeCase;

static const AgeCase age_cases[] = {
  { "15, setting 16", 15, 16, FALSE, FALSE },
  { "16, setting 16", 16, 16, FALSE, TRUE },
  { "0, setting 16", 0, 16, FALSE, FALSE },
  { "7, setting 16", 7, 16, FALSE, FALSE },
  { "unknown age, setting 16", -1, 16, FALSE, TRUE },
  { "15, setting 0 (everyone)", 15, 0, FALSE, TRUE },
  { "0, setting 0 (everyone)", 0, 0, FALSE, TRUE },
  { "17, setting 18", 17, 18, FALSE, FALSE },
  { "18, setting 18", 18, 18, FALSE, TRUE },
  { "partial, 15, setting 16", 15, 16, TRUE, FALSE },
  { "partial, 16, setting 16", 16, 16, TRUE, TRUE },
};

static gboolean
has_news2_flag (const CrsGrading *grading)
{
  for (guint i = 0; i < grading->red_flags->len; i++)
    if (((CrsRedFlag *) g_ptr_array_index (grading->red_flags, i))->kind == CRS_RED_FLAG_NEWS2)
      return TRUE;
  return FALSE;
}

static gboolean
has_crs_flag (const CrsGrading *grading)
{
  for (guint i = 0; i < grading->red_flags->len; i++)
    if (((CrsRedFlag *) g_ptr_array_index (grading->red_flags, i))->kind == CRS_RED_FLAG_CRS_GRADE)
      return TRUE;
  return FALSE;
}

static void
test_news2_age (gconstpointer data)
{
  const AgeCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;
  CrsGradingContext context;
  CrsWardPolicy policy;

  observation->temperature_c = 39.5;
  observation->heart_rate = c->partial ? NO_INT : 112;
  observation->resp_rate = 22;
  observation->systolic = 84;
  observation->spo2 = 95;
  observation->o2_device = CRS_O2_NASAL_CANNULA;
  observation->o2_flow_l_min = 4;
  observation->vasopressors = 1;
  observation->acvpu = CRS_ACVPU_ALERT;
  observation->arousal = CRS_AROUSAL_NORMAL;
  observation->capd = 0;
  observation->ice_total = 10;

  crs_grading_context_init (&context);
  context.age_years = c->age;
  crs_ward_policy_init (&policy);
  policy.news2_min_age = c->min_age;
  g_assert_cmpint (crs_news2_applies_to_age (c->age, &policy), ==, c->applies);
  grading = crs_grading_new (observation, &context, &policy);
  summary = crs_grading_news2_summary (grading);
  reason = crs_grading_to_reason_line (grading);

  /* CRS is graded the same at every age. */
  g_assert_cmpint (grading->crs_grade, ==, 3);
  g_assert_true (has_crs_flag (grading));
  g_assert_cmpint (grading->news2_not_applicable, ==, !c->applies);
  g_assert_cmpint (grading->news2_min_age, ==, c->min_age);

  if (!c->applies)
    {
      g_autofree char *words = g_strdup_printf ("Not used below %d years: PEWS is scored instead", c->min_age);
      g_autofree char *reason_words = g_strdup_printf ("NEWS2 is not used below %d years: PEWS is scored "
                                                       "instead. PEWS ", c->min_age);

      g_assert_cmpint (grading->news2_total, ==, CRS_MISSING);
      g_assert_cmpint (grading->news2_risk, ==, CRS_NEWS2_RISK_UNKNOWN);
      g_assert_cmpint (grading->news2_interval_minutes, ==, CRS_MISSING);
      g_assert_cmpint (crs_news2_interval_at_least (grading), ==, CRS_MISSING);
      g_assert_cmpint (grading->news2_partial_sum, ==, 0);
      /* "Not used" is not "not recorded". */
      g_assert_cmpuint (grading->news2_missing->len, ==, 0);
      g_assert_cmpuint (grading->news2_reasons->len, ==, 0);
      g_assert_false (has_news2_flag (grading));
      g_assert_cmpstr (summary, ==, words);
      g_assert_nonnull (strstr (reason, reason_words));
      g_assert_nonnull (strstr (grading->news2_guidance, "PEWS (NHS England national charts, 2023)"));
      /* PEWS stands in for NEWS2 (test-grade-pews.c scores it). */
      g_assert_true (grading->pews_applies);
      g_assert_nonnull (grading->pews_words);
      g_assert_nonnull (grading->pews_guidance);
      /* Each parameter keeps its adult score, for reference. */
      g_assert_cmpint (grading->news2_scores[CRS_NEWS2_SYSTOLIC], ==, 3);
    }
  else if (c->partial)
    {
      g_assert_cmpint (grading->news2_total, ==, CRS_MISSING);
      g_assert_cmpint (grading->news2_partial_sum, ==, 10);
      g_assert_cmpuint (grading->news2_missing->len, ==, 1);
      g_assert_true (has_news2_flag (grading));
      g_assert_cmpint (crs_news2_interval_at_least (grading), ==, 0);
      /* Missing parameters only add: the recorded ones already reach the
       * high band (grading.md §6). */
      g_assert_cmpint (grading->news2_risk_at_least, ==, CRS_NEWS2_RISK_HIGH);
      g_assert_cmpstr (summary, ==, "At least high: respiration rate 22/min (2), SpO2 95% (1), on oxygen (2), "
                                    "systolic 84 mmHg (3) and temperature 39.5 °C (2) (not recorded: pulse)");
    }
  else
    {
      g_assert_cmpint (grading->news2_total, ==, 12);
      g_assert_cmpint (grading->news2_risk, ==, CRS_NEWS2_RISK_HIGH);
      g_assert_cmpint (grading->news2_interval_minutes, ==, 0);
      g_assert_true (has_news2_flag (grading));
      g_assert_true (g_str_has_prefix (summary, "NEWS2 12 (high)"));
    }
}

/* Only the NEWS2 flags go with the age: a child's new confusion is still
 * a red flag, and so is an emergency symptom. */
static void
test_news2_age_other_flags (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradingContext context;
  gboolean consciousness = FALSE;

  observation->acvpu = CRS_ACVPU_VOICE;
  crs_grading_context_init (&context);
  context.age_years = 7;
  grading = crs_grading_new (observation, &context, NULL);

  g_assert_true (grading->news2_not_applicable);
  g_assert_false (has_news2_flag (grading));
  for (guint i = 0; i < grading->red_flags->len; i++)
    if (((CrsRedFlag *) g_ptr_array_index (grading->red_flags, i))->kind == CRS_RED_FLAG_CONSCIOUSNESS)
      consciousness = TRUE;
  g_assert_true (consciousness);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (param_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-news2/param/%s", param_cases[i].name);
      g_test_add_data_func (path, &param_cases[i], test_news2_param);
    }
  for (guint i = 0; i < G_N_ELEMENTS (total_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-news2/total/%s", total_cases[i].name);
      g_test_add_data_func (path, &total_cases[i], test_news2_total);
    }
  g_test_add_func ("/grade-news2/partial-names-missing", test_news2_partial_names_missing);
  g_test_add_func ("/grade-news2/partial-red-score", test_news2_partial_red_score);
  g_test_add_func ("/grade-news2/scale2-context", test_news2_scale2_context);
  g_test_add_func ("/grade-news2/not-astct", test_news2_not_astct);
  for (guint i = 0; i < G_N_ELEMENTS (age_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-news2/age/%s", age_cases[i].name);
      g_test_add_data_func (path, &age_cases[i], test_news2_age);
    }
  g_test_add_func ("/grade-news2/age/other-flags", test_news2_age_other_flags);

  return g_test_run ();
}
