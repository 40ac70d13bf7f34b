/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pews-chart.c: choosing the PEWS chart (age band) of a set: the
 * age in completed months on the day of the set (grading.md §7, G11), the
 * band edges at exactly 1, 5 and 13 years and at 11 months 30 days, the
 * nurse's choice of the alternate chart (S3 C2.2), PEWS below the ward's
 * NEWS2 age, the respiratory distress descriptors of each band, and the
 * model's new PEWS fields (ids round-trip, copy, emptiness).
 *
 * Expected values are copied from shared/clinical/pews.md (§2.4, §2.8)
 * and grading.md §7, not from the code. */
#define G_LOG_DOMAIN "test-pews-chart"

#include "config.h"

#include <glib.h>
#include <math.h>

#include "core/crs-grade-pews.h"

/* ---- The chart by age, and the nurse's choice ------------------------- */

static gint64
unix_at (int y, int m, int d, int hour, int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (y, m, d, hour, minute, 0);
  return g_date_time_to_unix (when);
}

typedef struct
{
  const char *name;
  const char *birth;
  int         y, m, d, hour;
  int         months;
  CrsPewsBand band;
} AgeCase;

static const AgeCase age_cases[] = {
  /* 11 months 30 days, and exactly 1 year. */
  { "11 months 30 days", "2024-01-01", 2024, 12, 31, 23, 11, CRS_PEWS_BAND_0_11_MONTHS },
  { "1 year", "2024-01-01", 2025, 1, 1, 0, 12, CRS_PEWS_BAND_1_4_YEARS },
  { "day before 5 years", "2020-06-10", 2025, 6, 9, 12, 59, CRS_PEWS_BAND_1_4_YEARS },
  { "5 years", "2020-06-10", 2025, 6, 10, 0, 60, CRS_PEWS_BAND_5_12_YEARS },
  { "day before 13 years", "2012-06-10", 2025, 6, 9, 23, 155, CRS_PEWS_BAND_5_12_YEARS },
  { "13 years", "2012-06-10", 2025, 6, 10, 0, 156, CRS_PEWS_BAND_13_YEARS },
  { "15 years 11 months", "2009-07-01", 2025, 6, 30, 12, 191, CRS_PEWS_BAND_13_YEARS },
  { "newborn", "2025-06-10", 2025, 6, 10, 12, 0, CRS_PEWS_BAND_0_11_MONTHS },
  { "end of month, not yet", "2024-01-31", 2024, 2, 29, 12, 0, CRS_PEWS_BAND_0_11_MONTHS },
  { "end of month, next", "2024-01-31", 2024, 3, 1, 0, 1, CRS_PEWS_BAND_0_11_MONTHS },
  { "29 February, 28 February", "2020-02-29", 2021, 2, 28, 12, 11, CRS_PEWS_BAND_0_11_MONTHS },
  { "29 February, 1 March", "2020-02-29", 2021, 3, 1, 0, 12, CRS_PEWS_BAND_1_4_YEARS },
  { "born after the set", "2025-06-11", 2025, 6, 10, 12, -1, CRS_PEWS_BAND_UNSET },
  { "no date", NULL, 2025, 6, 10, 12, -1, CRS_PEWS_BAND_UNSET },
  { "impossible date", "2024-02-30", 2025, 6, 10, 12, -1, CRS_PEWS_BAND_UNSET },
  { "not a date", "tomorrow", 2025, 6, 10, 12, -1, CRS_PEWS_BAND_UNSET },
};

static void
test_age (gconstpointer data)
{
  const AgeCase *c = data;
  int months = crs_pews_age_months (c->birth, unix_at (c->y, c->m, c->d, c->hour, 0));

  g_assert_cmpint (months, ==, c->months);
  g_assert_cmpint (crs_pews_band_for_age (months), ==, c->band);
}

typedef struct
{
  int         months;
  CrsPewsBand chosen;
  gboolean    allowed;
} ChoiceCase;

static const ChoiceCase choice_cases[] = {
  /* The alternate chart is the one across the nearer age edge (S3 C2.2),
   * never one further away. */
  { 11, CRS_PEWS_BAND_1_4_YEARS, TRUE },      /* 11 months 30 days: up to 1-4 */
  { 11, CRS_PEWS_BAND_5_12_YEARS, FALSE },
  { 5, CRS_PEWS_BAND_1_4_YEARS, FALSE },      /* nearer birth than 1 year */
  { 6, CRS_PEWS_BAND_1_4_YEARS, TRUE },       /* the middle: either side */
  { 12, CRS_PEWS_BAND_0_11_MONTHS, TRUE },    /* exactly 1 year: back to 0-11 */
  { 12, CRS_PEWS_BAND_5_12_YEARS, FALSE },
  { 12, CRS_PEWS_BAND_13_YEARS, FALSE },
  { 36, CRS_PEWS_BAND_0_11_MONTHS, TRUE },    /* 3 years: 24 months from each edge */
  { 36, CRS_PEWS_BAND_5_12_YEARS, TRUE },
  { 59, CRS_PEWS_BAND_5_12_YEARS, TRUE },
  { 59, CRS_PEWS_BAND_0_11_MONTHS, FALSE },
  { 60, CRS_PEWS_BAND_1_4_YEARS, TRUE },      /* exactly 5 years */
  { 60, CRS_PEWS_BAND_13_YEARS, FALSE },
  { 155, CRS_PEWS_BAND_13_YEARS, TRUE },
  { 155, CRS_PEWS_BAND_1_4_YEARS, FALSE },
  { 156, CRS_PEWS_BAND_5_12_YEARS, TRUE },    /* exactly 13 years */
  { 191, CRS_PEWS_BAND_5_12_YEARS, FALSE },   /* nearer 18 than 13 */
  { 96, CRS_PEWS_BAND_5_12_YEARS, TRUE },     /* the age's own chart */
  { 96, CRS_PEWS_BAND_UNSET, TRUE },          /* by age */
  { -1, CRS_PEWS_BAND_13_YEARS, TRUE },       /* unknown age: any */
  { 96, CRS_PEWS_BAND_N_VALUES, FALSE },
};

static void
test_choice (gconstpointer data)
{
  const ChoiceCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;
  CrsPewsBand by_age = crs_pews_band_for_age (c->months);

  g_assert_cmpint (crs_pews_band_allowed (c->months, c->chosen), ==, c->allowed);

  observation->pews_band = c->chosen;
  pews = crs_pews_new (observation, c->months, NULL);
  g_assert_cmpint (pews->age_band, ==, by_age);
  if (c->allowed && c->chosen != CRS_PEWS_BAND_UNSET)
    g_assert_cmpint (pews->band, ==, c->chosen);
  else
    g_assert_cmpint (pews->band, ==, by_age);
  g_assert_cmpint (pews->band_chosen, ==, c->allowed && c->chosen != CRS_PEWS_BAND_UNSET && c->chosen != by_age);
  g_assert_cmpint (pews->band_note != NULL, ==, !c->allowed && c->chosen < CRS_PEWS_BAND_N_VALUES);
}

/* PEWS below the ward's NEWS2 age, NEWS2 from it (grading.md §7). */
static void
test_applies_to_age (void)
{
  CrsWardPolicy policy;

  g_assert_true (crs_pews_applies_to_age (15, NULL));
  g_assert_false (crs_pews_applies_to_age (16, NULL));
  g_assert_true (crs_pews_applies_to_age (0, NULL));
  g_assert_false (crs_pews_applies_to_age (-1, NULL));   /* unknown: adult */
  crs_ward_policy_init (&policy);
  policy.news2_min_age = 18;
  g_assert_true (crs_pews_applies_to_age (17, &policy));
  g_assert_false (crs_pews_applies_to_age (18, &policy));
  policy.news2_min_age = 0;
  g_assert_false (crs_pews_applies_to_age (5, &policy));
}

static void
test_resp_distress_signs (void)
{
  g_assert_cmpstr (crs_pews_resp_distress_signs (CRS_PEWS_BAND_0_11_MONTHS, CRS_RESP_DISTRESS_MILD), ==,
                   "Nasal flaring, subcostal recession");
  g_assert_cmpstr (crs_pews_resp_distress_signs (CRS_PEWS_BAND_1_4_YEARS, CRS_RESP_DISTRESS_MODERATE), ==,
                   "Head bobbing, tracheal tug, intercostal recession, inspiratory or expiratory noises");
  g_assert_cmpstr (crs_pews_resp_distress_signs (CRS_PEWS_BAND_5_12_YEARS, CRS_RESP_DISTRESS_MILD), ==,
                   "Accessory muscle use");
  g_assert_cmpstr (crs_pews_resp_distress_signs (CRS_PEWS_BAND_13_YEARS, CRS_RESP_DISTRESS_SEVERE), ==,
                   "Tripoding, supraclavicular recession, grunting, exhaustion, impending respiratory arrest");
  g_assert_cmpstr (crs_pews_resp_distress_signs (CRS_PEWS_BAND_UNSET, CRS_RESP_DISTRESS_SEVERE), ==, "");
  g_assert_cmpstr (crs_pews_resp_distress_signs (CRS_PEWS_BAND_5_12_YEARS, CRS_RESP_DISTRESS_NONE), ==, "");
}

/* ---- Model: ids, copy, emptiness ------------------------------------ */

#define CHECK_ROUND_TRIP(Type, name, n_values)                                 \
  G_STMT_START {                                                               \
    Type out = (Type) 0;                                                       \
    g_assert_null (crs_##name##_to_id ((Type) 0));                             \
    for (int v = 1; v < (n_values); v++)                                       \
      {                                                                        \
        const char *id = crs_##name##_to_id ((Type) v);                        \
        g_assert_nonnull (id);                                                 \
        g_assert_true (crs_##name##_from_id (id, &out));                       \
        g_assert_cmpint (out, ==, v);                                          \
        g_assert_cmpstr (crs_##name##_label ((Type) v), !=, "");               \
      }                                                                        \
    out = (Type) 1;                                                            \
    g_assert_false (crs_##name##_from_id ("no-such-id", &out));                \
    g_assert_false (crs_##name##_from_id (NULL, &out));                        \
    g_assert_cmpint (out, ==, 1);                                              \
  } G_STMT_END

static void
test_enum_ids (void)
{
  CrsPewsLevel level = CRS_PEWS_LEVEL_HIGH;

  CHECK_ROUND_TRIP (CrsRespDistress, resp_distress, CRS_RESP_DISTRESS_N_VALUES);
  CHECK_ROUND_TRIP (CrsBpSkip, bp_skip, CRS_BP_SKIP_N_VALUES);
  CHECK_ROUND_TRIP (CrsCarer, carer, CRS_CARER_N_VALUES);
  CHECK_ROUND_TRIP (CrsSepsis, sepsis, CRS_SEPSIS_N_VALUES);
  CHECK_ROUND_TRIP (CrsPewsBand, pews_band, CRS_PEWS_BAND_N_VALUES);

  /* The grade CSV's ids (design/grade-csv.md, children's table). */
  g_assert_cmpstr (crs_resp_distress_to_id (CRS_RESP_DISTRESS_MODERATE), ==, "moderate");
  g_assert_cmpstr (crs_bp_skip_to_id (CRS_BP_SKIP_U4), ==, "u4");
  g_assert_cmpstr (crs_carer_to_id (CRS_CARER_UNAVAILABLE), ==, "unavailable");
  g_assert_cmpstr (crs_sepsis_to_id (CRS_SEPSIS_SHOCK), ==, "shock");

  for (int v = 0; v < CRS_PEWS_LEVEL_N_VALUES; v++)
    {
      CrsPewsLevel out = CRS_PEWS_LEVEL_N_VALUES;
      g_assert_true (crs_pews_level_from_id (crs_pews_level_to_id ((CrsPewsLevel) v), &out));
      g_assert_cmpint (out, ==, v);
    }
  g_assert_cmpstr (crs_pews_level_to_id (CRS_PEWS_LEVEL_EMERGENCY), ==, "emergency");
  g_assert_null (crs_pews_level_to_id (CRS_PEWS_LEVEL_N_VALUES));
  g_assert_false (crs_pews_level_from_id ("critical", &level));
  g_assert_cmpint (level, ==, CRS_PEWS_LEVEL_HIGH);
  g_assert_cmpstr (crs_pews_name (), ==, "PEWS (NHS England national charts, 2023)");
}

static void
test_model_fields (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsObservation) copy = NULL;

  /* New sets start with nothing recorded. */
  g_assert_true (isnan (observation->crt_s));
  g_assert_true (isnan (observation->o2_percent));
  g_assert_cmpint (observation->resp_distress, ==, CRS_RESP_DISTRESS_UNSET);
  g_assert_true (crs_observation_is_empty (observation));

  /* The chart choice alone is not a finding. */
  observation->pews_band = CRS_PEWS_BAND_1_4_YEARS;
  g_assert_true (crs_observation_is_empty (observation));

  /* Each PEWS finding alone makes the set non-empty. */
  observation->crt_s = 2;
  g_assert_false (crs_observation_is_empty (observation));
  observation->crt_s = NAN;
  observation->o2_percent = 30;
  g_assert_false (crs_observation_is_empty (observation));
  observation->o2_percent = NAN;
  observation->resp_distress = CRS_RESP_DISTRESS_NONE;
  g_assert_false (crs_observation_is_empty (observation));
  observation->resp_distress = CRS_RESP_DISTRESS_UNSET;
  observation->bp_skip = CRS_BP_SKIP_NCO;
  g_assert_false (crs_observation_is_empty (observation));
  observation->bp_skip = CRS_BP_SKIP_UNSET;
  observation->carer = CRS_CARER_SAME;
  g_assert_false (crs_observation_is_empty (observation));
  observation->carer = CRS_CARER_UNSET;
  observation->intuition = CRS_TRI_NO;
  g_assert_false (crs_observation_is_empty (observation));
  observation->intuition = CRS_TRI_UNSET;
  observation->sepsis = CRS_SEPSIS_NONE;
  g_assert_false (crs_observation_is_empty (observation));

  observation->resp_distress = CRS_RESP_DISTRESS_SEVERE;
  observation->crt_s = 3.5;
  observation->o2_percent = 40;
  observation->bp_skip = CRS_BP_SKIP_U4;
  observation->carer = CRS_CARER_WORSE;
  observation->intuition = CRS_TRI_YES;
  observation->sepsis = CRS_SEPSIS_SHOCK;
  copy = crs_observation_copy (observation);
  g_assert_cmpint (copy->resp_distress, ==, CRS_RESP_DISTRESS_SEVERE);
  g_assert_cmpfloat (copy->crt_s, ==, 3.5);
  g_assert_cmpfloat (copy->o2_percent, ==, 40);
  g_assert_cmpint (copy->bp_skip, ==, CRS_BP_SKIP_U4);
  g_assert_cmpint (copy->carer, ==, CRS_CARER_WORSE);
  g_assert_cmpint (copy->intuition, ==, CRS_TRI_YES);
  g_assert_cmpint (copy->sepsis, ==, CRS_SEPSIS_SHOCK);
  g_assert_cmpint (copy->pews_band, ==, CRS_PEWS_BAND_1_4_YEARS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (age_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pews-chart/age/%s", age_cases[i].name);
      g_test_add_data_func (path, &age_cases[i], test_age);
    }
  for (guint i = 0; i < G_N_ELEMENTS (choice_cases); i++)
    {
      const char *chosen = crs_pews_band_to_id (choice_cases[i].chosen);
      g_autofree char *path = g_strdup_printf ("/pews-chart/choice/%u/%d-months-%s", i, choice_cases[i].months,
                                               chosen != NULL ? chosen : "none");
      g_test_add_data_func (path, &choice_cases[i], test_choice);
    }
  g_test_add_func ("/pews-chart/applies-to-age", test_applies_to_age);
  g_test_add_func ("/pews-chart/resp-distress-signs", test_resp_distress_signs);
  g_test_add_func ("/pews-chart/model/enum-ids", test_enum_ids);
  g_test_add_func ("/pews-chart/model/fields", test_model_fields);

  return g_test_run ();
}
