/* crs-grading.c: one observation set in, its grades, reasons, guidance
 * and red flags out. The rules live in crs-grade-crs.c, crs-grade-icans.c,
 * crs-grade-news2.c, crs-red-flags.c and crs-guidance.c; this file ties
 * them together and words the summaries. */
#define G_LOG_DOMAIN "crs-grading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-format.h"
#include "crs-grading-private.h"

int
crs_temperature_tenths (double celsius)
{
  /* The small bias keeps 37.95 (stored as 37.9499...) on 38.0, as a
   * person rounding the printed value would. */
  return (int) floor (celsius * 10.0 + 0.5 + 1e-7);
}

gboolean
crs_observation_hypotensive (CrsObservation      *observation,
                             const CrsWardPolicy *policy,
                             gboolean            *known)
{
  /* The nurse's tick wins over the number: a "no" for a patient whose
   * usual systolic is 88 is the nurse's call. */
  if (observation->hypotension == CRS_TRI_YES || observation->hypotension == CRS_TRI_NO)
    {
      *known = TRUE;
      return observation->hypotension == CRS_TRI_YES;
    }
  if (!crs_is_missing_int (observation->systolic))
    {
      *known = TRUE;
      return observation->systolic < policy->hypotension_systolic_below;
    }
  *known = FALSE;
  return FALSE;
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
  return CRS_RULES_ASTCT ";" CRS_RULES_NEWS2;
}

CrsGrading *
crs_grading_new (CrsObservation          *observation,
                 const CrsGradingContext *context,
                 const CrsWardPolicy     *policy)
{
  CrsGradingContext default_context;
  CrsWardPolicy default_policy;
  CrsGrading *grading;

  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);

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

  grading = g_new0 (CrsGrading, 1);
  grading->crs_reasons = g_ptr_array_new_with_free_func (g_free);
  grading->crs_missing = g_ptr_array_new_with_free_func (g_free);
  grading->icans_reasons = g_ptr_array_new_with_free_func (g_free);
  grading->icans_missing = g_ptr_array_new_with_free_func (g_free);
  grading->news2_missing = g_ptr_array_new_with_free_func (g_free);
  grading->news2_reasons = g_ptr_array_new_with_free_func (g_free);
  grading->red_flags = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_red_flag_free);

  crs_grade_crs_fill (grading, observation, context, policy);
  crs_grade_icans_fill (grading, observation, context, policy);
  crs_grade_news2_fill (grading, observation, context, policy);
  crs_red_flags_fill (grading, observation, context);
  crs_guidance_fill (grading, context, policy);

  return grading;
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
  g_free (grading->crs_guidance);
  g_free (grading->icans_guidance);
  g_free (grading->news2_guidance);
  g_free (grading);
}

gboolean
crs_grading_has_red_flag (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, FALSE);
  return grading->red_flags->len > 0;
}

/* "Grade 3: fever 39.1 °C and one vasopressor", with the scale's name in
 * front for the one-line reason ("CRS grade 3: ..."). */
static char *
grade_summary (const char *scale,
               int         grade,
               int         grade_min,
               GPtrArray  *reasons,
               GPtrArray  *missing)
{
  g_autofree char *findings = crs_format_join (reasons);
  g_autofree char *sentence = NULL;

  if (!crs_is_missing_int (grade))
    sentence = scale
      /* TRANSLATORS: e.g. "CRS grade 3: fever 39.1 °C and one vasopressor" */
      ? g_strdup_printf (_("%s grade %d: %s"), scale, grade, findings)
      /* TRANSLATORS: e.g. "Grade 3: fever 39.1 °C and one vasopressor" */
      : g_strdup_printf (_("Grade %d: %s"), grade, findings);
  else if (grade_min > 0)
    sentence = scale
      /* TRANSLATORS: e.g. "ICANS at least grade 3: a seizure that resolved" */
      ? g_strdup_printf (_("%s at least grade %d: %s"), scale, grade_min, findings)
      : g_strdup_printf (_("At least grade %d: %s"), grade_min, findings);
  else
    sentence = scale
      /* TRANSLATORS: e.g. "CRS not determined: temperature not recorded" */
      ? g_strdup_printf (_("%s not determined: %s"), scale, findings)
      : g_strdup_printf (_("Not determined: %s"), findings);

  /* An undetermined grade's reasons already say what is missing, unless
   * findings prove a lower bound ("at least grade 3: a seizure"). */
  if (missing->len > 0 && (!crs_is_missing_int (grade) || grade_min > 0))
    {
      g_autofree char *not_recorded = crs_format_join (missing);
      /* TRANSLATORS: a grade sentence, then what was not recorded */
      return g_strdup_printf (_("%s (not recorded: %s)"), sentence, not_recorded);
    }
  return g_steal_pointer (&sentence);
}

static char *
news2_summary (const CrsGrading *grading,
               gboolean          with_name)
{
  g_autofree char *sentence = NULL;

  if (grading->news2_not_applicable)
    return with_name
      /* TRANSLATORS: %d is the ward's age limit for NEWS2, 16 by default */
      ? g_strdup_printf (_("NEWS2 is not used below %d years: use the ward's paediatric early warning chart"),
                         grading->news2_min_age)
      /* TRANSLATORS: %d is the ward's age limit for NEWS2, 16 by default */
      : g_strdup_printf (_("Not used below %d years: use the ward's paediatric early warning chart"),
                         grading->news2_min_age);

  if (crs_is_missing_int (grading->news2_total))
    {
      g_autofree char *missing = crs_format_join (grading->news2_missing);
      return with_name
        /* TRANSLATORS: e.g. "NEWS2 not scored: pulse and consciousness not recorded" */
        ? g_strdup_printf (_("NEWS2 not scored: %s not recorded"), missing)
        : g_strdup_printf (_("Not scored: %s not recorded"), missing);
    }

  /* TRANSLATORS: e.g. "NEWS2 5 (medium)" */
  sentence = g_strdup_printf (_("NEWS2 %d (%s)"), grading->news2_total,
                              crs_news2_risk_label (grading->news2_risk));
  if (grading->news2_reasons->len > 0)
    {
      g_autofree char *findings = crs_format_join (grading->news2_reasons);
      return g_strdup_printf (C_("NEWS2 total and its findings", "%s: %s"), sentence, findings);
    }
  return g_steal_pointer (&sentence);
}

char *
crs_grading_crs_summary (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);
  return grade_summary (NULL, grading->crs_grade, grading->crs_grade_min,
                        grading->crs_reasons, grading->crs_missing);
}

char *
crs_grading_icans_summary (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);
  return grade_summary (NULL, grading->icans_grade, grading->icans_grade_min,
                        grading->icans_reasons, grading->icans_missing);
}

char *
crs_grading_news2_summary (const CrsGrading *grading)
{
  g_return_val_if_fail (grading != NULL, NULL);
  return news2_summary (grading, FALSE);
}

char *
crs_grading_to_reason_line (const CrsGrading *grading)
{
  g_autofree char *crs = NULL;
  g_autofree char *icans = NULL;
  g_autofree char *news2 = NULL;

  g_return_val_if_fail (grading != NULL, NULL);

  crs = grade_summary ("CRS", grading->crs_grade, grading->crs_grade_min,
                       grading->crs_reasons, grading->crs_missing);
  icans = grade_summary ("ICANS", grading->icans_grade, grading->icans_grade_min,
                         grading->icans_reasons, grading->icans_missing);
  news2 = news2_summary (grading, TRUE);

  /* TRANSLATORS: the CRS, ICANS and NEWS2 sentences on one line */
  return g_strdup_printf (C_("reason line", "%s. %s. %s."), crs, icans, news2);
}
