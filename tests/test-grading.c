/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grading.c: red flags, mimics, guidance, the one-line reason, and
 * the grading context worked out from a patient's history. */
#define G_LOG_DOMAIN "test-grading"

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/crs-grading-history.h"
#include "core/crs-guidance.h"
#include "core/crs-symptom.h"

#define HOUR (60 * 60)
/* 2024-03-01 08:00 UTC */
#define T0 G_GINT64_CONSTANT (1709280000)

static CrsObservation *
normal_set (void)
{
  CrsObservation *observation = crs_observation_new ();

  observation->temperature_c = 37.0;
  observation->heart_rate = 70;
  observation->resp_rate = 16;
  observation->systolic = 120;
  observation->diastolic = 70;
  observation->spo2 = 97;
  observation->o2_device = CRS_O2_ROOM_AIR;
  observation->acvpu = CRS_ACVPU_ALERT;
  observation->arousal = CRS_AROUSAL_NORMAL;
  observation->ice_total = 10;
  return observation;
}

static gboolean
has_flag (const CrsGrading *grading,
          CrsRedFlagKind    kind,
          const char       *text)
{
  for (guint i = 0; i < grading->red_flags->len; i++)
    {
      CrsRedFlag *flag = g_ptr_array_index (grading->red_flags, i);
      if (flag->kind == kind && (text == NULL || g_str_equal (flag->text, text)))
        return TRUE;
    }
  return FALSE;
}

static void
test_normal_set_is_quiet (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) grading = crs_grading_new (observation, NULL, NULL);
  g_autofree char *line = crs_grading_to_reason_line (grading);

  g_assert_cmpint (grading->crs_grade, ==, 0);
  g_assert_cmpint (grading->icans_grade, ==, 0);
  g_assert_cmpint (grading->news2_total, ==, 0);
  g_assert_false (crs_grading_has_red_flag (grading));
  g_assert_false (grading->mimic_reminder);
  g_assert_cmpstr (line, ==, "CRS grade 0: no fever (37.0 °C). ICANS grade 0: ICE score 10 and awake. NEWS2 0 (low).");
  g_assert_cmpstr (crs_grading_rules (), ==, "ASTCT-2019;NEWS2-2017;PEWS-NHSE-2023");
}

typedef struct
{
  const char *name;
  CrsSymptom  symptom;
  gboolean    red_flag;
} SymptomCase;

/* The seed's emergency list raises a red flag; mild and serious
 * symptoms do not. */
static const SymptomCase symptom_cases[] = {
  { "rapid heartbeat", CRS_SYMPTOM_RAPID_HEARTBEAT, TRUE },
  { "breathing difficulty", CRS_SYMPTOM_BREATHING_DIFFICULTY, TRUE },
  { "high fever", CRS_SYMPTOM_HIGH_FEVER, TRUE },
  { "low blood pressure", CRS_SYMPTOM_LOW_BLOOD_PRESSURE, TRUE },
  { "confusion", CRS_SYMPTOM_CONFUSION, TRUE },
  { "language difficulty", CRS_SYMPTOM_LANGUAGE_DIFFICULTY, TRUE },
  { "seizure", CRS_SYMPTOM_SEIZURE, TRUE },
  { "hallucinations", CRS_SYMPTOM_HALLUCINATIONS, TRUE },
  { "drowsiness", CRS_SYMPTOM_DROWSINESS, TRUE },
  { "fainting", CRS_SYMPTOM_FAINTING, TRUE },
  { "skin discoloration", CRS_SYMPTOM_SKIN_DISCOLORATION, TRUE },
  { "fatigue", CRS_SYMPTOM_FATIGUE, FALSE },
  { "headache", CRS_SYMPTOM_HEADACHE, FALSE },
  { "chest pain", CRS_SYMPTOM_CHEST_PAIN, FALSE },
  { "leg swelling", CRS_SYMPTOM_LEG_SWELLING, FALSE },
};

static void
test_symptom_flag (gconstpointer data)
{
  const SymptomCase *c = data;
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) grading = NULL;

  observation->symptoms = CRS_SYMPTOM_BIT (c->symptom);
  grading = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (crs_grading_has_red_flag (grading), ==, c->red_flag);
  if (c->red_flag)
    g_assert_true (has_flag (grading, CRS_RED_FLAG_SYMPTOM, crs_symptom_label (c->symptom)));
}

static void
test_grade_flags (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) crs2 = NULL;
  g_autoptr(CrsGrading) crs3 = NULL;
  g_autoptr(CrsGrading) icans2 = NULL;
  g_autoptr(CrsGrading) icans3 = NULL;

  observation->temperature_c = 38.5;
  observation->o2_device = CRS_O2_NASAL_CANNULA;
  observation->o2_flow_l_min = 2;
  crs2 = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (crs2->crs_grade, ==, 2);
  g_assert_false (has_flag (crs2, CRS_RED_FLAG_CRS_GRADE, NULL));

  observation->o2_device = CRS_O2_FACE_MASK;
  crs3 = crs_grading_new (observation, NULL, NULL);
  g_assert_true (has_flag (crs3, CRS_RED_FLAG_CRS_GRADE, "CRS grade 3"));

  g_clear_object (&observation);
  observation = normal_set ();
  observation->ice_total = 3;
  icans2 = crs_grading_new (observation, NULL, NULL);
  g_assert_false (crs_grading_has_red_flag (icans2));
  observation->ice_total = 2;
  icans3 = crs_grading_new (observation, NULL, NULL);
  g_assert_true (has_flag (icans3, CRS_RED_FLAG_ICANS_GRADE, "ICANS grade 3"));
}

static void
test_undetermined_but_severe_flags (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;

  observation->seizure = CRS_SEIZURE_RESOLVED;
  observation->resp_rate = 30;
  observation->heart_rate = 140;
  observation->systolic = 85;
  grading = crs_grading_new (observation, NULL, NULL);

  g_assert_cmpint (grading->icans_grade, ==, CRS_MISSING);
  g_assert_true (has_flag (grading, CRS_RED_FLAG_ICANS_GRADE, "ICANS grade 3 or more"));
  g_assert_cmpint (grading->news2_total, ==, CRS_MISSING);
  g_assert_true (has_flag (grading, CRS_RED_FLAG_NEWS2, "NEWS2 at least 9 from the parameters recorded"));
}

static void
test_news2_flag_edge (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) six = NULL;
  g_autoptr(CrsGrading) seven = NULL;

  /* RR 22 (2) + oxygen (2) + pulse 115 (2) = 6; a 38.5 °C adds 1. */
  observation->resp_rate = 22;
  observation->o2_device = CRS_O2_NASAL_CANNULA;
  observation->o2_flow_l_min = 2;
  observation->heart_rate = 115;
  six = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (six->news2_total, ==, 6);
  g_assert_false (has_flag (six, CRS_RED_FLAG_NEWS2, NULL));

  observation->temperature_c = 38.5;
  seven = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (seven->news2_total, ==, 7);
  g_assert_true (has_flag (seven, CRS_RED_FLAG_NEWS2, "NEWS2 7 (high)"));
}

typedef struct
{
  const char *name;
  CrsAcvpu    previous;
  CrsAcvpu    now;
  gboolean    flag;
} AcvpuCase;

/* C, V, P or U raise the red flag on every set that records them, not
 * only when new (grading.md §6; the grade CSV contract): a patient who
 * stays at V is still at V. The previous level no longer matters. */
static const AcvpuCase acvpu_cases[] = {
  { "A then A", CRS_ACVPU_ALERT, CRS_ACVPU_ALERT, FALSE },
  { "A then C", CRS_ACVPU_ALERT, CRS_ACVPU_CONFUSION, TRUE },
  { "A then V", CRS_ACVPU_ALERT, CRS_ACVPU_VOICE, TRUE },
  { "A then P", CRS_ACVPU_ALERT, CRS_ACVPU_PAIN, TRUE },
  { "A then U", CRS_ACVPU_ALERT, CRS_ACVPU_UNRESPONSIVE, TRUE },
  { "none then C", CRS_ACVPU_UNSET, CRS_ACVPU_CONFUSION, TRUE },
  { "C then V", CRS_ACVPU_CONFUSION, CRS_ACVPU_VOICE, TRUE },
  { "V then V", CRS_ACVPU_VOICE, CRS_ACVPU_VOICE, TRUE },
  { "P then V", CRS_ACVPU_PAIN, CRS_ACVPU_VOICE, TRUE },
  { "V then nothing", CRS_ACVPU_VOICE, CRS_ACVPU_UNSET, FALSE },
};

static void
test_acvpu_flag (gconstpointer data)
{
  const AcvpuCase *c = data;
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradingContext context;

  crs_grading_context_init (&context);
  observation->acvpu = c->now;
  grading = crs_grading_new (observation, &context, NULL);
  g_assert_cmpint (has_flag (grading, CRS_RED_FLAG_CONSCIOUSNESS, NULL), ==, c->flag);
}

static void
test_mimics (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) fever = NULL;
  g_autoptr(CrsGrading) hypotension = NULL;
  g_autoptr(CrsGrading) pressor = NULL;

  observation->temperature_c = 38.0;
  fever = crs_grading_new (observation, NULL, NULL);
  g_assert_true (fever->mimic_reminder);

  /* Hypotension without fever: not CRS, but think of sepsis. */
  observation->temperature_c = 36.8;
  observation->systolic = 82;
  hypotension = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (hypotension->crs_grade, ==, 0);
  g_assert_true (hypotension->mimic_reminder);

  observation->systolic = 110;
  observation->vasopressors = 1;
  pressor = crs_grading_new (observation, NULL, NULL);
  g_assert_true (pressor->mimic_reminder);

  g_assert_nonnull (strstr (crs_guidance_mimics (), "infection"));
  g_assert_nonnull (strstr (crs_guidance_mimics (), "sepsis"));
  g_assert_nonnull (strstr (crs_guidance_mimics (), "adrenal insufficiency"));
}

static void
test_guidance (void)
{
  g_autofree char *g1 = crs_guidance_for_crs (1, FALSE);
  g_autofree char *g1_risk = crs_guidance_for_crs (1, TRUE);
  g_autofree char *g2 = crs_guidance_for_crs (2, FALSE);
  g_autofree char *g4 = crs_guidance_for_crs (4, FALSE);
  g_autofree char *unknown = crs_guidance_for_crs (CRS_MISSING, FALSE);
  g_autofree char *icans3 = crs_guidance_for_icans (3, FALSE);
  g_autofree char *icans_unknown = crs_guidance_for_icans (CRS_MISSING, TRUE);
  g_autofree char *high = crs_guidance_for_news2 (CRS_NEWS2_RISK_HIGH, 9);
  g_autofree char *low0 = crs_guidance_for_news2 (CRS_NEWS2_RISK_LOW, 0);
  g_autofree char *low2 = crs_guidance_for_news2 (CRS_NEWS2_RISK_LOW, 2);

  /* Seed: mild, treatment may continue; high risk: anti-cytokine at the first sign. */
  g_assert_nonnull (strstr (g1, "continue"));
  g_assert_null (strstr (g1, "anti-cytokine"));
  g_assert_nonnull (strstr (g1_risk, "anti-cytokine"));
  /* Seed: moderate, IV treatment or oxygen, stop the infusion. */
  g_assert_nonnull (strstr (g2, "oxygen"));
  g_assert_nonnull (strstr (g2, "infusion"));
  g_assert_nonnull (strstr (g4, "ventilation"));
  g_assert_nonnull (strstr (unknown, "temperature"));
  g_assert_nonnull (strstr (icans3, "medical team"));
  g_assert_nonnull (strstr (icans_unknown, "CAPD"));
  g_assert_nonnull (strstr (high, "continuously"));
  g_assert_nonnull (strstr (low0, "12 hours"));
  g_assert_nonnull (strstr (low2, "4 to 6 hours"));
  g_assert_nonnull (strstr (crs_guidance_disclaimer (), "not an order"));
}

static void
test_grading_guidance_fields (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) plain = NULL;
  g_autoptr(CrsGrading) risky = NULL;
  CrsGradingContext context;

  observation->temperature_c = 38.3;
  crs_grading_context_init (&context);
  plain = crs_grading_new (observation, &context, NULL);
  context.high_risk = TRUE;
  risky = crs_grading_new (observation, &context, NULL);

  g_assert_cmpint (plain->crs_grade, ==, 1);
  g_assert_null (strstr (plain->crs_guidance, "anti-cytokine"));
  g_assert_nonnull (strstr (risky->crs_guidance, "anti-cytokine"));
  g_assert_nonnull (plain->icans_guidance);
  g_assert_nonnull (plain->news2_guidance);
}

static void
test_reason_line_worked_example (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autofree char *line = NULL;

  observation->temperature_c = 39.5;
  observation->systolic = 84;
  observation->vasopressors = 1;
  observation->o2_device = CRS_O2_NASAL_CANNULA;
  observation->o2_flow_l_min = 4;
  observation->ice_total = 3;
  observation->seizure = CRS_SEIZURE_RESOLVED;
  grading = crs_grading_new (observation, NULL, NULL);
  line = crs_grading_to_reason_line (grading);

  g_assert_cmpint (grading->crs_grade, ==, 3);
  g_assert_cmpint (grading->icans_grade, ==, 3);
  g_assert_true (g_str_has_prefix (line, "CRS grade 3: fever 39.5 °C and one vasopressor. "
                                         "ICANS grade 3: a seizure that resolved. NEWS2 "));
  g_assert_null (strchr (line, '\n'));
}

/* Numbers on screen follow the locale; skipped where no locale with a
 * decimal comma is installed. */
static void
test_locale_decimal (void)
{
  g_autoptr(CrsObservation) observation = normal_set ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autofree char *summary = NULL;
  locale_t comma = newlocale (LC_NUMERIC_MASK, "de_DE.UTF-8", (locale_t) 0);
  locale_t previous;

  if (comma == (locale_t) 0)
    {
      g_test_skip ("no de_DE.UTF-8 locale installed");
      return;
    }
  observation->temperature_c = 39.1;
  previous = uselocale (comma);
  grading = crs_grading_new (observation, NULL, NULL);
  summary = crs_grading_crs_summary (grading);
  uselocale (previous);
  freelocale (comma);
  g_assert_nonnull (strstr (summary, "39,1 °C"));
}

/* ---- context from history ---------------------------------------- */

static CrsObservation *
set_at (gint64 at,
        double temp)
{
  CrsObservation *observation = normal_set ();

  observation->taken_at = at;
  observation->temperature_c = temp;
  return observation;
}

static CrsIntervention *
intervention_at (gint64              at,
                 CrsInterventionKind kind)
{
  CrsIntervention *intervention = crs_intervention_new ();

  intervention->at = at;
  intervention->kind = kind;
  return intervention;
}

static CrsInfusion *
infusion_at (gint64 at)
{
  CrsInfusion *infusion = crs_infusion_new ();

  infusion->start_at = at;
  return infusion;
}

/* The context of a set taken at @at, from a history of these records. */
static void
context_at (CrsPatient        *patient,
            GPtrArray         *observations,
            GPtrArray         *interventions,
            GPtrArray         *infusions,
            gint64             at,
            CrsGradingContext *context)
{
  g_autoptr(CrsGradingHistory) history = crs_grading_history_new (patient, observations, interventions,
                                                                  infusions);

  crs_grading_history_context (history, at, context);
}

typedef struct
{
  const char         *name;
  CrsInterventionKind kind;
  gint64              given_at;      /* hours after T0 */
  gint64              new_infusion;  /* hours after T0, 0 = none */
  gboolean            masked;        /* expected at T0 + 6 h */
} MaskCase;

/* History: infusion at T0; 37.0 at +1 h (grade 0); 38.6 at +2 h (onset). */
static const MaskCase mask_cases[] = {
  { "antipyretic after onset", CRS_INTERVENTION_ANTIPYRETIC, 3, 0, TRUE },
  { "tocilizumab after onset", CRS_INTERVENTION_ANTI_CYTOKINE, 3, 0, TRUE },
  { "steroid after onset", CRS_INTERVENTION_CORTICOSTEROID, 3, 0, TRUE },
  { "antipyretic at onset", CRS_INTERVENTION_ANTIPYRETIC, 2, 0, TRUE },
  { "antipyretic before onset", CRS_INTERVENTION_ANTIPYRETIC, 1, 0, FALSE },
  { "fluid bolus does not mask", CRS_INTERVENTION_FLUID_BOLUS, 3, 0, FALSE },
  { "given after the set", CRS_INTERVENTION_ANTIPYRETIC, 7, 0, FALSE },
  { "new infusion starts a new episode", CRS_INTERVENTION_ANTIPYRETIC, 3, 4, FALSE },
};

static void
test_context_masking (gconstpointer data)
{
  const MaskCase *c = data;
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) interventions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) infusions = g_ptr_array_new_with_free_func (g_object_unref);
  CrsGradingContext context;

  g_ptr_array_add (infusions, infusion_at (T0));
  if (c->new_infusion != 0)
    g_ptr_array_add (infusions, infusion_at (T0 + c->new_infusion * HOUR));
  /* Out of order on purpose: the helper sorts. */
  g_ptr_array_add (observations, set_at (T0 + 2 * HOUR, 38.6));
  g_ptr_array_add (observations, set_at (T0 + 1 * HOUR, 37.0));
  g_ptr_array_add (interventions, intervention_at (T0 + c->given_at * HOUR, c->kind));

  context_at (NULL, observations, interventions, infusions, T0 + 6 * HOUR, &context);
  g_assert_cmpint (context.fever_masked, ==, c->masked);
  if (c->masked)
    {
      /* The dose named in the words is the one that masks. */
      g_assert_nonnull (context.masked_by);
      g_assert_cmpint (context.masked_by->kind, ==, c->kind);
    }
}

static void
test_context_stored_grade_and_superseded (void)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) interventions = g_ptr_array_new_with_free_func (g_object_unref);
  CrsObservation *stored;
  CrsObservation *old;
  CrsGradingContext context;

  /* Onset is the first set with fever, whatever grade was stored with it
   * (a stored grade from older rules, or from a history that missed a
   * dose, does not move it). */
  stored = set_at (T0 + HOUR, 38.4);
  stored->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
  stored->stored_crs_grade = 0;
  g_ptr_array_add (observations, stored);
  g_ptr_array_add (interventions, intervention_at (T0 + 2 * HOUR, CRS_INTERVENTION_ANTIPYRETIC));
  context_at (NULL, observations, interventions, NULL, T0 + 3 * HOUR, &context);
  g_assert_true (context.fever_masked);

  /* A superseded version is not history; its amendment is. */
  g_ptr_array_set_size (observations, 0);
  old = set_at (T0 + HOUR, 38.4);
  old->id = 1;
  old->superseded_by_id = 2;
  g_ptr_array_add (observations, old);
  context_at (NULL, observations, interventions, NULL, T0 + 3 * HOUR, &context);
  g_assert_false (context.fever_masked);
}

static void
test_context_patient (void)
{
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  CrsObservation *earlier;
  CrsObservation *latest;
  CrsGradingContext context;

  patient->birth_date = g_strdup ("2013-03-02");   /* 10 on 2024-03-01 */
  patient->spo2_scale = 2;
  patient->high_disease_burden = TRUE;
  earlier = set_at (T0, 37.0);
  earlier->acvpu = CRS_ACVPU_CONFUSION;
  latest = set_at (T0 + HOUR, 37.0);
  latest->acvpu = CRS_ACVPU_UNSET;
  g_ptr_array_add (observations, earlier);
  g_ptr_array_add (observations, latest);

  context_at (patient, observations, NULL, NULL, T0 + 2 * HOUR, &context);
  g_assert_cmpint (context.age_years, ==, 10);
  g_assert_cmpint (context.spo2_scale, ==, 2);
  g_assert_false (context.use_capd);
  g_assert_true (context.high_risk);

  crs_grading_context_init (&context);
  g_assert_cmpint (context.age_years, ==, -1);
  g_assert_cmpint (context.spo2_scale, ==, 1);
  g_assert_false (context.fever_masked);
  g_assert_false (context.high_risk);
}

/* Grading a series with its history: the masked set after onset keeps
 * its grade from hypotension alone, and V raises the consciousness flag. */
static void
test_grade_series (void)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) interventions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsGrading) first = NULL;
  g_autoptr(CrsGrading) second = NULL;
  CrsObservation *before;
  CrsObservation *after;
  CrsGradingContext context;

  before = set_at (T0 + HOUR, 38.9);
  g_ptr_array_add (observations, before);
  after = set_at (T0 + 3 * HOUR, 37.1);
  after->systolic = 84;
  after->acvpu = CRS_ACVPU_VOICE;
  g_ptr_array_add (observations, after);
  g_ptr_array_add (interventions, intervention_at (T0 + 2 * HOUR, CRS_INTERVENTION_ANTI_CYTOKINE));

  context_at (NULL, observations, interventions, NULL, before->taken_at, &context);
  first = crs_grading_new (before, &context, NULL);
  g_assert_cmpint (first->crs_grade, ==, 1);
  context_at (NULL, observations, interventions, NULL, after->taken_at, &context);
  second = crs_grading_new (after, &context, NULL);
  g_assert_cmpint (second->crs_grade, ==, 2);
  g_assert_true (has_flag (second, CRS_RED_FLAG_CONSCIOUSNESS, NULL));
}

/* crs_observation_reset() leaves a used set as a new one: every field
 * not recorded, no strings (the grade CSV reuses one set for every row). */
static void
test_observation_reset (void)
{
  g_autoptr(CrsObservation) fresh = crs_observation_new ();
  g_autoptr(CrsObservation) used = crs_observation_new ();
  CrsGradingContext context;
  CrsGrading *grading;

  used->temperature_c = 39.5;
  used->heart_rate = 130;
  used->systolic = 80;
  used->spo2 = 90;
  used->vasopressors = 1;
  used->o2_device = CRS_O2_FACE_MASK;
  used->seizure = CRS_SEIZURE_RESOLVED;
  used->crt_s = 4.0;
  used->symptoms = 5;
  used->author = g_strdup ("nurse");
  used->note = g_strdup ("note");
  used->amend_reason = g_strdup ("typo");
  crs_grading_context_init (&context);
  grading = crs_grading_new (used, &context, NULL);
  crs_grading_stamp (grading, used);
  crs_grading_free (grading);
  g_assert_nonnull (used->stored_rules);

  crs_observation_reset (used);
  g_assert_null (used->author);
  g_assert_null (used->note);
  g_assert_null (used->amend_reason);
  g_assert_null (used->stored_rules);
  g_assert_true (memcmp ((char *) used + sizeof (GObject), (char *) fresh + sizeof (GObject),
                         sizeof *used - sizeof (GObject)) == 0);
  g_assert_true (isnan (used->temperature_c));
  g_assert_cmpint (used->heart_rate, ==, CRS_MISSING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/grading/normal-set-is-quiet", test_normal_set_is_quiet);
  for (guint i = 0; i < G_N_ELEMENTS (symptom_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grading/red-flag/symptom/%s", symptom_cases[i].name);
      g_test_add_data_func (path, &symptom_cases[i], test_symptom_flag);
    }
  g_test_add_func ("/grading/red-flag/grades", test_grade_flags);
  g_test_add_func ("/grading/red-flag/undetermined-but-severe", test_undetermined_but_severe_flags);
  g_test_add_func ("/grading/red-flag/news2-edge", test_news2_flag_edge);
  for (guint i = 0; i < G_N_ELEMENTS (acvpu_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grading/red-flag/consciousness/%s", acvpu_cases[i].name);
      g_test_add_data_func (path, &acvpu_cases[i], test_acvpu_flag);
    }
  g_test_add_func ("/grading/mimics", test_mimics);
  g_test_add_func ("/grading/guidance", test_guidance);
  g_test_add_func ("/grading/guidance-fields", test_grading_guidance_fields);
  g_test_add_func ("/grading/reason-line-worked-example", test_reason_line_worked_example);
  g_test_add_func ("/grading/locale-decimal", test_locale_decimal);
  for (guint i = 0; i < G_N_ELEMENTS (mask_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grading/context/masking/%s", mask_cases[i].name);
      g_test_add_data_func (path, &mask_cases[i], test_context_masking);
    }
  g_test_add_func ("/grading/context/stored-grade-and-superseded", test_context_stored_grade_and_superseded);
  g_test_add_func ("/grading/context/patient", test_context_patient);
  g_test_add_func ("/grading/series", test_grade_series);
  g_test_add_func ("/grading/observation-reset", test_observation_reset);

  return g_test_run ();
}
