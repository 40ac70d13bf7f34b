/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grading.c: one observation set in, its grades, reasons, guidance
 * and red flags out. The rules live in crs-grade-crs.c, crs-grade-icans.c,
 * crs-grade-news2.c, crs-red-flags.c and crs-guidance.c; this file ties
 * them together and words the summaries. */
#define G_LOG_DOMAIN "crs-grading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include <string.h>

#include "crs-format.h"
#include "crs-grading-private.h"
#include "crs-symptom.h"

int
crs_temperature_tenths (double celsius)
{
  /* The small bias keeps 37.95 (stored as 37.9499...) on 38.0, as a
   * person rounding the printed value would. */
  return (int) floor (celsius * 10.0 + 0.5 + 1e-7);
}

gboolean
crs_observation_on_oxygen (CrsObservation *observation,
                           gboolean       *known)
{
  if (observation->o2_device != CRS_O2_UNSET && observation->o2_device < CRS_O2_N_VALUES)
    {
      *known = TRUE;
      return observation->o2_device != CRS_O2_ROOM_AIR;
    }
  if (!isnan (observation->o2_flow_l_min) && observation->o2_flow_l_min > 0)
    {
      *known = TRUE;
      return TRUE;
    }
  if (!crs_is_missing_int (observation->fio2_percent) && observation->fio2_percent > 21)
    {
      *known = TRUE;
      return TRUE;
    }
  *known = FALSE;
  return FALSE;
}

void
crs_strv_add (GPtrArray *array,
              char      *take)
{
  g_ptr_array_add (array, take);
}

const char *
crs_grading_rules (void)
{
  return CRS_RULES_ASTCT ";" CRS_RULES_NEWS2 ";" CRS_RULES_PEWS;
}

double
crs_fever_min_celsius (void)
{
  /* crs_temperature_tenths() reads 37.95 as 38.0; the margin keeps a
   * stored 37.95 (37.9499...) on the fever side, as that function does. */
  return (CRS_FEVER_TENTHS - 0.5) / 10.0 - 1e-7;
}

double
crs_fever_line_celsius (void)
{
  /* ASTCT 2019: fever is a temperature of 38.0 °C or more (crs-grade-crs.c). */
  return CRS_FEVER_TENTHS / 10.0;
}

void
crs_grading_context_init (CrsGradingContext *context)
{
  g_return_if_fail (context != NULL);

  *context = (CrsGradingContext) {
    .age_years = -1,
    .spo2_scale = 1,
    .use_capd = FALSE,
    .fever_masked = FALSE,
    .high_risk = FALSE,
    .masked_by = NULL,
    .age_months = -1,
    .previous_acvpu = CRS_ACVPU_UNSET,
  };
}

int
crs_grading_context_age_months (const CrsGradingContext *context)
{
  g_return_val_if_fail (context != NULL, -1);

  if (context->age_months >= 0)
    return context->age_months;
  /* The charts' age edges fall on whole years (1, 5 and 13): completed
   * years give the same chart as completed months. */
  return context->age_years >= 0 ? context->age_years * 12 : -1;
}

/* Symptom ticks that name a finding whose own field is empty. */
static guint
compute_prompts (CrsObservation *observation)
{
  guint64 ticked = observation->symptoms;
  gboolean oxygen_known = FALSE;
  guint prompts = 0;

#define TICKED(s) ((ticked & CRS_SYMPTOM_BIT (s)) != 0)
  if ((TICKED (CRS_SYMPTOM_HIGH_FEVER) || TICKED (CRS_SYMPTOM_LOW_FEVER)) && isnan (observation->temperature_c))
    prompts |= 1u << CRS_PROMPT_TEMPERATURE;
  if ((TICKED (CRS_SYMPTOM_LOW_BLOOD_PRESSURE) || TICKED (CRS_SYMPTOM_FAINTING)) &&
      crs_is_missing_int (observation->systolic))
    prompts |= 1u << CRS_PROMPT_BLOOD_PRESSURE;
  if (TICKED (CRS_SYMPTOM_RAPID_HEARTBEAT) && crs_is_missing_int (observation->heart_rate))
    prompts |= 1u << CRS_PROMPT_PULSE;
  crs_observation_on_oxygen (observation, &oxygen_known);
  if (TICKED (CRS_SYMPTOM_BREATHING_DIFFICULTY) && (crs_is_missing_int (observation->spo2) || !oxygen_known))
    prompts |= 1u << CRS_PROMPT_OXYGEN;
  if ((TICKED (CRS_SYMPTOM_CONFUSION) || TICKED (CRS_SYMPTOM_LANGUAGE_DIFFICULTY) ||
       TICKED (CRS_SYMPTOM_HALLUCINATIONS)) &&
      crs_is_missing_int (crs_observation_get_ice_score (observation)) && crs_is_missing_int (observation->capd))
    prompts |= 1u << CRS_PROMPT_ENCEPHALOPATHY;
  if ((TICKED (CRS_SYMPTOM_DROWSINESS) || TICKED (CRS_SYMPTOM_FAINTING)) &&
      observation->arousal == CRS_AROUSAL_UNSET &&
      (observation->acvpu == CRS_ACVPU_UNSET || observation->acvpu == CRS_ACVPU_CONFUSION))
    prompts |= 1u << CRS_PROMPT_CONSCIOUSNESS;
#undef TICKED
  return prompts;
}

static char *
prompt_text (CrsPrompt prompt,
             gboolean  by_capd)
{
  switch (prompt)
    {
    case CRS_PROMPT_TEMPERATURE:
      return g_strdup (_("A fever is ticked: record the temperature"));
    case CRS_PROMPT_BLOOD_PRESSURE:
      return g_strdup (_("Low blood pressure or fainting is ticked: record the blood pressure"));
    case CRS_PROMPT_PULSE:
      return g_strdup (_("A rapid heartbeat is ticked: record the pulse"));
    case CRS_PROMPT_OXYGEN:
      return g_strdup (_("Difficult breathing is ticked: record SpO2 and the oxygen given"));
    case CRS_PROMPT_ENCEPHALOPATHY:
      return g_strdup (by_capd ? _("Confusion or trouble with words is ticked: do the CAPD")
                               : _("Confusion or trouble with words is ticked: do the ICE assessment"));
    case CRS_PROMPT_CONSCIOUSNESS:
      return g_strdup (_("Drowsiness or fainting is ticked: record the level of consciousness"));
    case CRS_PROMPT_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
crs_grading_compute (CrsGrading              *grading,
                     CrsObservation          *observation,
                     const CrsGradingContext *context,
                     const CrsWardPolicy     *policy)
{
  CrsGradingContext default_context;
  CrsWardPolicy default_policy;

  g_return_if_fail (grading != NULL);
  g_return_if_fail (CRS_IS_OBSERVATION (observation));

  if (context == NULL)
    {
      crs_grading_context_init (&default_context);
      context = &default_context;
    }
  if (policy == NULL)
    {
      crs_ward_policy_init (&default_policy);
      policy = &default_policy;
    }

  memset (grading, 0, sizeof *grading);
  crs_grade_crs_compute (grading, observation, context, policy);
  crs_grade_icans_compute (grading, observation, context, policy);
  crs_grade_news2_compute (grading, observation, context, policy);
  /* PEWS where NEWS2 is not used: a known age below the ward's NEWS2 age
   * (grading.md §7). */
  grading->pews_applies = crs_pews_applies_to_age (context->age_years, policy);
  if (grading->pews_applies)
    crs_pews_compute (&grading->pews, observation, crs_grading_context_age_months (context));
  crs_red_flags_compute (grading, observation);
  grading->prompts = compute_prompts (observation);
}

/* An empty list of strings: @list emptied when there is one, else new. */
static GPtrArray *
empty_list (GPtrArray *list)
{
  if (list == NULL)
    return g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (list, 0);
  return list;
}

/* The numbers and the words into @grading, reusing the reason lists it
 * holds; @all_words FALSE leaves out what the reason line does not read
 * (guidance, red flags in words, prompts). */
static void
grading_fill (CrsGrading              *grading,
              CrsObservation          *observation,
              const CrsGradingContext *context,
              const CrsWardPolicy     *policy,
              gboolean                 all_words)
{
  CrsGradingContext default_context;
  CrsWardPolicy default_policy;
  GPtrArray *lists[6];

  if (context == NULL)
    {
      crs_grading_context_init (&default_context);
      context = &default_context;
    }
  if (policy == NULL)
    {
      crs_ward_policy_init (&default_policy);
      policy = &default_policy;
    }

  /* Kept across crs_grading_compute(), which zeroes the grading. */
  lists[0] = g_steal_pointer (&grading->crs_reasons);
  lists[1] = g_steal_pointer (&grading->crs_missing);
  lists[2] = g_steal_pointer (&grading->icans_reasons);
  lists[3] = g_steal_pointer (&grading->icans_missing);
  lists[4] = g_steal_pointer (&grading->news2_missing);
  lists[5] = g_steal_pointer (&grading->news2_reasons);
  g_clear_pointer (&grading->red_flags, g_ptr_array_unref);
  g_clear_pointer (&grading->prompts_text, g_ptr_array_unref);
  g_clear_pointer (&grading->crs_guidance, g_free);
  g_clear_pointer (&grading->icans_guidance, g_free);
  g_clear_pointer (&grading->news2_guidance, g_free);
  g_clear_pointer (&grading->pews_words, crs_pews_free);
  g_clear_pointer (&grading->pews_guidance, g_free);

  crs_grading_compute (grading, observation, context, policy);

  grading->crs_reasons = empty_list (lists[0]);
  grading->crs_missing = empty_list (lists[1]);
  grading->icans_reasons = empty_list (lists[2]);
  grading->icans_missing = empty_list (lists[3]);
  grading->news2_missing = empty_list (lists[4]);
  grading->news2_reasons = empty_list (lists[5]);

  crs_grade_crs_describe (grading, observation, context, policy);
  crs_grade_icans_describe (grading, observation, policy);
  crs_grade_news2_describe (grading, observation, policy);
  if (grading->pews_applies)
    {
      CrsPewsContext pews_context;

      crs_pews_context_init (&pews_context);
      pews_context.previous_acvpu = context->previous_acvpu;
      grading->pews_words = crs_pews_new_from_score (&grading->pews, observation, &pews_context);
    }
  if (!all_words)
    return;

  grading->red_flags = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_red_flag_free);
  grading->prompts_text = g_ptr_array_new_with_free_func (g_free);
  crs_red_flags_describe (grading, observation);
  crs_guidance_describe (grading, observation, context, policy);
  for (guint p = 0; p < CRS_PROMPT_N_KINDS; p++)
    if (grading->prompts & (1u << p))
      crs_strv_add (grading->prompts_text, prompt_text ((CrsPrompt) p, grading->icans_by_capd));
}

static CrsGrading *
grading_new (CrsObservation          *observation,
             const CrsGradingContext *context,
             const CrsWardPolicy     *policy,
             gboolean                 all_words)
{
  CrsGrading *grading = g_new0 (CrsGrading, 1);

  grading_fill (grading, observation, context, policy, all_words);
  return grading;
}

CrsGrading *
crs_grading_new (CrsObservation          *observation,
                 const CrsGradingContext *context,
                 const CrsWardPolicy     *policy)
{
  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);
  return grading_new (observation, context, policy, TRUE);
}

CrsGrading *
crs_grading_new_for_reason (CrsObservation          *observation,
                            const CrsGradingContext *context,
                            const CrsWardPolicy     *policy)
{
  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);
  return grading_new (observation, context, policy, FALSE);
}

void
crs_grading_refill_for_reason (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy)
{
  g_return_if_fail (grading != NULL);
  g_return_if_fail (CRS_IS_OBSERVATION (observation));
  grading_fill (grading, observation, context, policy, FALSE);
}

void
crs_grading_free (CrsGrading *grading)
{
  if (grading == NULL)
    return;

  g_clear_pointer (&grading->crs_reasons, g_ptr_array_unref);
  g_clear_pointer (&grading->crs_missing, g_ptr_array_unref);
  g_clear_pointer (&grading->icans_reasons, g_ptr_array_unref);
  g_clear_pointer (&grading->icans_missing, g_ptr_array_unref);
  g_clear_pointer (&grading->news2_missing, g_ptr_array_unref);
  g_clear_pointer (&grading->news2_reasons, g_ptr_array_unref);
  g_clear_pointer (&grading->red_flags, g_ptr_array_unref);
  g_clear_pointer (&grading->prompts_text, g_ptr_array_unref);
  g_free (grading->crs_guidance);
  g_free (grading->icans_guidance);
  g_free (grading->news2_guidance);
  g_clear_pointer (&grading->pews_words, crs_pews_free);
  g_free (grading->pews_guidance);
  g_free (grading);
}

static CrsCertainty
certainty (int grade,
           int grade_min)
{
  if (!crs_is_missing_int (grade))
    return CRS_CERTAINTY_DETERMINED;
  return grade_min >= 1 ? CRS_CERTAINTY_AT_LEAST : CRS_CERTAINTY_NOT_DETERMINED;
}

CrsCertainty
crs_grading_crs_certainty (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, CRS_CERTAINTY_NOT_DETERMINED);
  return certainty (grading->crs_grade, grading->crs_grade_min);
}

CrsCertainty
crs_grading_icans_certainty (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, CRS_CERTAINTY_NOT_DETERMINED);
  return certainty (grading->icans_grade, grading->icans_grade_min);
}

static int
value (int grade,
       int grade_min)
{
  if (!crs_is_missing_int (grade))
    return grade;
  return grade_min >= 1 ? grade_min : CRS_MISSING;
}

int
crs_grading_crs_value (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, CRS_MISSING);
  return value (grading->crs_grade, grading->crs_grade_min);
}

int
crs_grading_icans_value (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, CRS_MISSING);
  return value (grading->icans_grade, grading->icans_grade_min);
}

gboolean
crs_grading_has_red_flag (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, FALSE);
  return grading->red_flag_kinds != 0;
}

void
crs_grading_stamp (const CrsGrading *grading,
                   CrsObservation   *observation)
{
  g_return_if_fail (grading != NULL);
  g_return_if_fail (CRS_IS_OBSERVATION (observation));

  observation->stored_crs_grade = crs_grading_crs_value (grading);
  observation->stored_icans_grade = crs_grading_icans_value (grading);
  observation->stored_news2 = grading->news2_total;
  observation->stored_pews = grading->pews_applies ? grading->pews.total : CRS_MISSING;
  observation->stored_pews_level = grading->pews_applies ? (int) grading->pews.level : CRS_MISSING;
  g_free (observation->stored_rules);
  observation->stored_rules = g_strdup (crs_grading_rules ());
  /* The escalation stays raised until a nurse acknowledges it. */
  observation->stored_red_flag = crs_grading_has_red_flag (grading);
}

/* Three buffers a sentence is put together in, reused from one scale to
 * the next: the sentences are appended, not printed a phrase at a time. */
typedef struct
{
  GString *a;
  GString *b;
  GString *c;
} Scratch;

static void
scratch_init (Scratch *scratch)
{
  scratch->a = g_string_sized_new (256);
  scratch->b = g_string_sized_new (256);
  scratch->c = g_string_sized_new (256);
}

static void
scratch_clear (Scratch *scratch)
{
  g_string_free (scratch->a, TRUE);
  g_string_free (scratch->b, TRUE);
  g_string_free (scratch->c, TRUE);
}

static void
append_join (GString   *into,
             GPtrArray *items)
{
  g_string_truncate (into, 0);
  crs_format_append_join (into, items);
}

/* "Grade 3: fever 39.1 °C and one vasopressor", with the scale's name in
 * front for the one-line reason ("CRS grade 3: ..."), appended to @out. */
static void
append_grade_summary (GString    *out,
                      Scratch    *scratch,
                      const char *scale,
                      int         grade,
                      int         grade_min,
                      GPtrArray  *reasons,
                      GPtrArray  *missing)
{
  GString *findings = scratch->a;
  GString *not_recorded = scratch->b;
  GString *sentence = scratch->c;
  char number[CRS_FORMAT_INT_BYTES];

  append_join (findings, reasons);

  if (!crs_is_missing_int (grade) || grade_min > 0)
    {
      GString *into = missing->len > 0 ? sentence : out;

      g_string_truncate (sentence, 0);
      if (!crs_is_missing_int (grade))
        {
          crs_format_int (number, grade);
          if (scale)
            /* TRANSLATORS: e.g. "CRS grade 3: fever 39.1 °C and one vasopressor" */
            crs_format_append (into, _("%s grade %d: %s"),
                               (const char *[]) { scale, number, findings->str }, 3);
          else
            /* TRANSLATORS: e.g. "Grade 3: fever 39.1 °C and one vasopressor" */
            crs_format_append (into, _("Grade %d: %s"), (const char *[]) { number, findings->str }, 2);
        }
      else
        {
          crs_format_int (number, grade_min);
          if (scale)
            /* TRANSLATORS: e.g. "ICANS at least grade 3: a seizure that resolved" */
            crs_format_append (into, _("%s at least grade %d: %s"),
                               (const char *[]) { scale, number, findings->str }, 3);
          else
            crs_format_append (into, _("At least grade %d: %s"), (const char *[]) { number, findings->str }, 2);
        }
      if (missing->len > 0)
        {
          append_join (not_recorded, missing);
          /* TRANSLATORS: a grade sentence, then what was not recorded */
          crs_format_append (out, _("%s (not recorded: %s)"),
                             (const char *[]) { sentence->str, not_recorded->str }, 2);
        }
      return;
    }

  {
    const char *detail;

    append_join (not_recorded, missing);
    g_string_truncate (sentence, 0);
    if (reasons->len == 0)
      /* TRANSLATORS: what was not recorded, e.g. "temperature not recorded" */
      crs_format_append (sentence, _("%s not recorded"), (const char *[]) { not_recorded->str }, 1);
    else if (missing->len == 0)
      g_string_append_len (sentence, findings->str, findings->len);
    else
      /* TRANSLATORS: findings, then what was not recorded, e.g. "ICE
       * score 10; level of consciousness not recorded" */
      crs_format_append (sentence, _("%s; %s not recorded"),
                         (const char *[]) { findings->str, not_recorded->str }, 2);
    detail = sentence->str;
    if (scale)
      /* TRANSLATORS: e.g. "CRS not determined: temperature not recorded" */
      crs_format_append (out, _("%s not determined: %s"), (const char *[]) { scale, detail }, 2);
    else
      crs_format_append (out, _("Not determined: %s"), (const char *[]) { detail }, 1);
  }
}

static void
append_news2_summary (GString          *out,
                      Scratch          *scratch,
                      const CrsGrading *grading,
                      gboolean          with_name)
{
  char number[CRS_FORMAT_INT_BYTES];

  if (grading->news2_not_applicable)
    {
      crs_format_int (number, grading->news2_min_age);
      if (with_name)
        /* TRANSLATORS: %d is the ward's age limit for NEWS2, 16 by default */
        crs_format_append (out, _("NEWS2 is not used below %d years: PEWS is scored instead"),
                           (const char *[]) { number }, 1);
      else
        /* TRANSLATORS: %d is the ward's age limit for NEWS2, 16 by default */
        crs_format_append (out, _("Not used below %d years: PEWS is scored instead"),
                           (const char *[]) { number }, 1);
      return;
    }

  if (crs_is_missing_int (grading->news2_total) && grading->news2_risk_at_least != CRS_NEWS2_RISK_UNKNOWN)
    {
      const char *band = crs_news2_risk_label (grading->news2_risk_at_least);

      append_join (scratch->a, grading->news2_missing);
      append_join (scratch->b, grading->news2_reasons);
      if (with_name)
        /* TRANSLATORS: e.g. "NEWS2 at least low–medium: SpO2 90% (3) (not
         * recorded: pulse)" */
        crs_format_append (out, _("NEWS2 at least %s: %s (not recorded: %s)"),
                           (const char *[]) { band, scratch->b->str, scratch->a->str }, 3);
      else
        crs_format_append (out, _("At least %s: %s (not recorded: %s)"),
                           (const char *[]) { band, scratch->b->str, scratch->a->str }, 3);
      return;
    }
  if (crs_is_missing_int (grading->news2_total))
    {
      append_join (scratch->a, grading->news2_missing);
      if (with_name)
        /* TRANSLATORS: e.g. "NEWS2 not scored: pulse and consciousness not recorded" */
        crs_format_append (out, _("NEWS2 not scored: %s not recorded"), (const char *[]) { scratch->a->str }, 1);
      else
        crs_format_append (out, _("Not scored: %s not recorded"), (const char *[]) { scratch->a->str }, 1);
      return;
    }

  crs_format_int (number, grading->news2_total);
  g_string_truncate (scratch->c, 0);
  /* TRANSLATORS: e.g. "NEWS2 5 (medium)" */
  crs_format_append (grading->news2_reasons->len > 0 ? scratch->c : out, _("NEWS2 %d (%s)"),
                     (const char *[]) { number, crs_news2_risk_label (grading->news2_risk) }, 2);
  if (grading->news2_reasons->len > 0)
    {
      append_join (scratch->b, grading->news2_reasons);
      crs_format_append (out, C_("NEWS2 total and its findings", "%s: %s"),
                         (const char *[]) { scratch->c->str, scratch->b->str }, 2);
    }
}

char *
crs_grading_crs_summary (const CrsGrading *grading)
{
  GString *out;
  Scratch scratch;

  g_return_val_if_fail (grading != NULL, NULL);
  out = g_string_new (NULL);
  scratch_init (&scratch);
  append_grade_summary (out, &scratch, NULL, grading->crs_grade, grading->crs_grade_min,
                        grading->crs_reasons, grading->crs_missing);
  scratch_clear (&scratch);
  return g_string_free (out, FALSE);
}

char *
crs_grading_icans_summary (const CrsGrading *grading)
{
  GString *out;
  Scratch scratch;

  g_return_val_if_fail (grading != NULL, NULL);
  out = g_string_new (NULL);
  scratch_init (&scratch);
  append_grade_summary (out, &scratch, NULL, grading->icans_grade, grading->icans_grade_min,
                        grading->icans_reasons, grading->icans_missing);
  scratch_clear (&scratch);
  return g_string_free (out, FALSE);
}

char *
crs_grading_news2_summary (const CrsGrading *grading)
{
  GString *out;
  Scratch scratch;

  g_return_val_if_fail (grading != NULL, NULL);
  out = g_string_new (NULL);
  scratch_init (&scratch);
  append_news2_summary (out, &scratch, grading, FALSE);
  scratch_clear (&scratch);
  return g_string_free (out, FALSE);
}

char *
crs_grading_pews_summary (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);
  if (grading->pews_words == NULL)
    return NULL;
  return crs_pews_summary (grading->pews_words);
}

void
crs_grading_append_reason_line (GString          *out,
                                const CrsGrading *grading)
{
  g_autoptr(GString) parts = NULL;
  Scratch scratch;
  gsize starts[4];
  const char *args[4];
  guint n = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (grading != NULL);

  /* The sentences one after another in @parts, each ended by a NUL. */
  parts = g_string_sized_new (512);
  scratch_init (&scratch);
  starts[n++] = parts->len;
  append_grade_summary (parts, &scratch, "CRS", grading->crs_grade, grading->crs_grade_min,
                        grading->crs_reasons, grading->crs_missing);
  g_string_append_c (parts, '\0');
  starts[n++] = parts->len;
  append_grade_summary (parts, &scratch, "ICANS", grading->icans_grade, grading->icans_grade_min,
                        grading->icans_reasons, grading->icans_missing);
  g_string_append_c (parts, '\0');
  starts[n++] = parts->len;
  append_news2_summary (parts, &scratch, grading, TRUE);
  g_string_append_c (parts, '\0');
  if (grading->pews_words != NULL)
    {
      starts[n++] = parts->len;
      crs_pews_append_summary (parts, grading->pews_words);
      g_string_append_c (parts, '\0');
    }
  scratch_clear (&scratch);
  for (guint i = 0; i < n; i++)
    args[i] = parts->str + starts[i];

  if (grading->pews_words != NULL)
    /* TRANSLATORS: the CRS, ICANS, NEWS2 and PEWS sentences on one line (a child) */
    crs_format_append (out, C_("reason line", "%s. %s. %s. %s."), args, n);
  else
    /* TRANSLATORS: the CRS, ICANS and NEWS2 sentences on one line */
    crs_format_append (out, C_("reason line", "%s. %s. %s."), args, n);
}

char *
crs_grading_to_reason_line (const CrsGrading *grading)
{
  GString *line;

  g_return_val_if_fail (grading != NULL, NULL);

  line = g_string_sized_new (512);
  crs_grading_append_reason_line (line, grading);
  return g_string_free (line, FALSE);
}

char *
crs_grading_news2_text (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);

  if (grading->news2_not_applicable)
    /* TRANSLATORS: NEWS2 is an adult score, not used for a child under the
     * ward's age (16 by default), e.g. "not used (under 16)" */
    return g_strdup_printf (C_("news2", "not used (under %d)"), grading->news2_min_age);
  if (!crs_is_missing_int (grading->news2_total))
    /* TRANSLATORS: a NEWS2 total and its band, e.g. "5 medium" */
    return g_strdup_printf (C_("news2", "%d %s"), grading->news2_total,
                            crs_news2_risk_label (grading->news2_risk));
  if (grading->news2_risk_at_least != CRS_NEWS2_RISK_UNKNOWN)
    /* TRANSLATORS: a partial NEWS2 that already reaches a band, e.g. "at
     * least low–medium" */
    return g_strdup_printf (C_("news2", "at least %s"), crs_news2_risk_label (grading->news2_risk_at_least));
  /* TRANSLATORS: a NEWS2 score that could not be added up */
  return g_strdup (_("incomplete"));
}

char *
crs_grading_pews_text (const CrsGrading *grading)
{
  const CrsPewsScore *pews;
  const char *level;
  gboolean raised;

  g_return_val_if_fail (grading != NULL, NULL);

  pews = &grading->pews;
  level = crs_pews_level_label (pews->level);
  raised = pews->level > pews->score_level;
  if (pews->complete)
    return raised
      /* TRANSLATORS: a PEWS total and the level a trigger raised it to, e.g. "2, level high" */
      ? g_strdup_printf (C_("pews", "%d, level %s"), pews->total, level)
      /* TRANSLATORS: a PEWS total and its level, e.g. "6 medium" */
      : g_strdup_printf (C_("pews", "%d %s"), pews->total, level);
  if (pews->total_at_least == 0 && pews->level == CRS_PEWS_LEVEL_NONE)
    /* TRANSLATORS: a PEWS that could not be added up */
    return g_strdup (_("incomplete"));
  return raised
    /* TRANSLATORS: a partial PEWS and the level a trigger raised it to, e.g. "at least 2, level high" */
    ? g_strdup_printf (C_("pews", "at least %d, level %s"), pews->total_at_least, level)
    /* TRANSLATORS: a partial PEWS whose recorded parameters reach a level, e.g. "at least 4 low" */
    : g_strdup_printf (C_("pews", "at least %d %s"), pews->total_at_least, level);
}

const char *
crs_grading_early_warning_name (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);
  return grading->pews_applies ? _("PEWS") : _("NEWS2");
}

char *
crs_grading_early_warning_text (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);
  return grading->pews_applies ? crs_grading_pews_text (grading) : crs_grading_news2_text (grading);
}
