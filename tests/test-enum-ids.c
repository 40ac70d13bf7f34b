/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-enum-ids.c: every choice's machine id (written to SQLite, CSV and
 * XML) is the nick gnome.mkenums_simple generated from the headers'
 * annotations: each real value has one, unique within its enum, that
 * reads back to it, and a label; the sentinels (UNSET, N_VALUES) have
 * none, so that no file can name them. */
#define G_LOG_DOMAIN "test-enum-ids"

#include "config.h"

#include <glib.h>

#include "core/crs-grade-pews.h"
#include "core/crs-grading.h"
#include "core/crs-model.h"
#include "core/crs-symptom.h"
#include "core/crs-therapy.h"

/* The nicks a sentinel would get without its skip annotation. */
static const char * const sentinel_nicks[] = { "unset", "unknown", "n-values", "n-items", NULL };

/* Values first .. n_values - 1 are real; 0 (when first is 1) and
 * n_values are not. */
#define ASSERT_ENUM_IDS(Type, name, first, n_values)                                   \
  G_STMT_START                                                                         \
  {                                                                                    \
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);           \
    Type back;                                                                         \
                                                                                       \
    for (int v = (first); v < (int) (n_values); v++)                                   \
      {                                                                                \
        const char *id = crs_##name##_to_id ((Type) v);                                \
                                                                                       \
        g_assert_nonnull (id);                                                         \
        g_assert_true (g_hash_table_add (seen, (gpointer) id));                        \
        g_assert_true (crs_##name##_from_id (id, &back));                              \
        g_assert_cmpint (back, ==, v);                                                 \
        g_assert_cmpstr (crs_##name##_label ((Type) v), !=, "");                       \
      }                                                                                \
    g_assert_null (crs_##name##_to_id ((Type) (n_values)));                            \
    if ((first) > 0)                                                                   \
      g_assert_null (crs_##name##_to_id ((Type) 0));                                   \
    for (guint i = 0; sentinel_nicks[i] != NULL; i++)                                  \
      g_assert_false (crs_##name##_from_id (sentinel_nicks[i], &back));                \
    g_assert_false (crs_##name##_from_id (NULL, &back));                               \
  }                                                                                    \
  G_STMT_END

static void
test_record_choices (void)
{
  ASSERT_ENUM_IDS (CrsTri, tri, 1, CRS_TRI_YES + 1);
  ASSERT_ENUM_IDS (CrsO2Device, o2_device, 1, CRS_O2_N_VALUES);
  ASSERT_ENUM_IDS (CrsAcvpu, acvpu, 1, CRS_ACVPU_N_VALUES);
  ASSERT_ENUM_IDS (CrsArousal, arousal, 1, CRS_AROUSAL_N_VALUES);
  ASSERT_ENUM_IDS (CrsSeizure, seizure, 1, CRS_SEIZURE_N_VALUES);
  ASSERT_ENUM_IDS (CrsEdema, edema, 1, CRS_EDEMA_N_VALUES);
  ASSERT_ENUM_IDS (CrsSex, sex, 1, CRS_SEX_N_VALUES);
  ASSERT_ENUM_IDS (CrsInterventionKind, intervention_kind, 1, CRS_INTERVENTION_N_VALUES);
  ASSERT_ENUM_IDS (CrsIceItem, ice_item, 0, CRS_ICE_N_ITEMS);
  ASSERT_ENUM_IDS (CrsRespDistress, resp_distress, 1, CRS_RESP_DISTRESS_N_VALUES);
  ASSERT_ENUM_IDS (CrsBpSkip, bp_skip, 1, CRS_BP_SKIP_N_VALUES);
  ASSERT_ENUM_IDS (CrsCarer, carer, 1, CRS_CARER_N_VALUES);
  ASSERT_ENUM_IDS (CrsSepsis, sepsis, 1, CRS_SEPSIS_N_VALUES);
  ASSERT_ENUM_IDS (CrsPewsBand, pews_band, 1, CRS_PEWS_BAND_N_VALUES);
  ASSERT_ENUM_IDS (CrsPewsLevel, pews_level, 0, CRS_PEWS_LEVEL_N_VALUES);
}

static void
test_therapy_choices (void)
{
  ASSERT_ENUM_IDS (CrsDrugClass, drug_class, 1, CRS_DRUG_CLASS_N_VALUES);
  ASSERT_ENUM_IDS (CrsRiskTier, risk_tier, 1, CRS_RISK_TIER_N_VALUES);
  ASSERT_ENUM_IDS (CrsApproval, approval, 1, CRS_APPROVAL_N_VALUES);
  ASSERT_ENUM_IDS (CrsGradingScale, grading_scale, 1, CRS_GRADING_SCALE_N_VALUES);
  ASSERT_ENUM_IDS (CrsBoxedWarning, boxed_warning, 1, CRS_BOXED_WARNING_N_VALUES);
  ASSERT_ENUM_IDS (CrsTimeUnit, time_unit, 1, CRS_TIME_UNIT_N_VALUES);
  ASSERT_ENUM_IDS (CrsSpread, spread, 1, CRS_SPREAD_N_VALUES);
  ASSERT_ENUM_IDS (CrsSourceQuality, source_quality, 0, CRS_SOURCE_QUALITY_N_VALUES);
}

static void
test_symptoms_and_risk (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CrsSymptom symptom;

  /* Symptoms: out of range is a programming error (a critical), so only
   * the real ones are asked. */
  for (int v = 0; v < CRS_SYMPTOM_N_VALUES; v++)
    {
      const char *id = crs_symptom_to_id ((CrsSymptom) v);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (seen, (gpointer) id));
      g_assert_true (crs_symptom_from_id (id, &symptom));
      g_assert_cmpint (symptom, ==, v);
      g_assert_cmpstr (crs_symptom_label ((CrsSymptom) v), !=, "");
    }
  for (guint i = 0; sentinel_nicks[i] != NULL; i++)
    g_assert_false (crs_symptom_from_id (sentinel_nicks[i], &symptom));

  /* The NEWS2 risk is only written: the grade CSV's words. */
  g_assert_null (crs_news2_risk_to_id (CRS_NEWS2_RISK_UNKNOWN));
  g_assert_cmpstr (crs_news2_risk_to_id (CRS_NEWS2_RISK_LOW), ==, "low");
  g_assert_cmpstr (crs_news2_risk_to_id (CRS_NEWS2_RISK_LOW_MEDIUM), ==, "low-medium");
  g_assert_cmpstr (crs_news2_risk_to_id (CRS_NEWS2_RISK_MEDIUM), ==, "medium");
  g_assert_cmpstr (crs_news2_risk_to_id (CRS_NEWS2_RISK_HIGH), ==, "high");
  g_assert_null (crs_news2_risk_to_id ((CrsNews2Risk) (CRS_NEWS2_RISK_HIGH + 1)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enum-ids/record-choices", test_record_choices);
  g_test_add_func ("/enum-ids/therapy-choices", test_therapy_choices);
  g_test_add_func ("/enum-ids/symptoms-and-risk", test_symptoms_and_risk);

  return g_test_run ();
}
