/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-crs.c: the ASTCT 2019 CRS grade of one observation set.
 *
 * Source: Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638, as
 * reproduced in shared/clinical/grading.md §1 (PMC8021214 Table 1,
 * PMC9327779 Table 2, ASCO 2021 Table 1, NCI PDQ reprint):
 *
 *   Fever >= 38 °C with          grade 1: no hypotension, no hypoxia
 *                                grade 2: hypotension without vasopressors;
 *                                         low-flow nasal cannula or blow-by
 *                                grade 3: a vasopressor with or without
 *                                         vasopressin; high-flow nasal
 *                                         cannula, face mask, non-rebreather,
 *                                         Venturi mask
 *                                grade 4: several vasopressors (excluding
 *                                         vasopressin); positive pressure
 *                                         (CPAP, BiPAP, ventilation)
 *
 * The more severe of hypotension and hypoxia sets the grade. Once an
 * antipyretic, anti-cytokine or corticosteroid has been given after CRS
 * onset, fever is no longer required and hypotension and hypoxia grade on
 * their own (context->fever_masked).
 *
 * Partial sets (grading.md §6, "Floors": ASTCT grades by the most severe
 * finding present, so a recorded finding fixes a lower bound):
 *  - Without a temperature and without masking nothing can be said: not
 *    determined (no floor: fever is required for every grade).
 *  - Without fever (and not masked) the set is not CRS: grade 0, whatever
 *    pressure and oxygen say; the guidance then does not call it "no sign
 *    of CRS" when they are abnormal.
 *  - With fever, or masked, the grade is the worst domain. When a domain
 *    was not recorded (blood pressure, oxygen, the oxygen device or, for
 *    a nasal cannula, its flow; the temperature while masked) and
 *    recording it could raise the grade, the grade is "at least" that
 *    worst domain (crs_grade CRS_MISSING, crs_grade_min the floor).
 *  - Hypotension: the nurse's tick; else "low blood pressure" ticked in
 *    the symptom checklist; else the systolic below the threshold for the
 *    patient's age (crs_ward_policy_hypotension_below). A running pressor
 *    means the hypotension needs it, whatever the tick says. */
#define G_LOG_DOMAIN "crs-grade-crs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-format.h"
#include "crs-grading-private.h"
#include "crs-symptom.h"

/* Flows closer than this to the limit count as equal to it, so that a
 * typed "6" is never above a limit of 6.0 through rounding. */
#define FLOW_EPSILON 1e-9

int
crs_circulation_grade (CrsCirculation circulation)
{
  switch (circulation)
    {
    case CRS_CIRCULATION_NONE:
      return 0;
    case CRS_CIRCULATION_HYPOTENSION_TICK:
    case CRS_CIRCULATION_HYPOTENSION_SYMPTOM:
    case CRS_CIRCULATION_HYPOTENSION_SYSTOLIC:
      return 2;
    /* Grade 3: "requiring a vasopressor with or without vasopressin";
     * and, reading the table (grading.md "Vasopressin alone"), vasopressin
     * alone is not "not requiring vasopressors", so it is grade 3 too, and
     * it never turns one vasopressor into several. Grade 4: "requiring
     * multiple vasopressors (excluding vasopressin)". */
    case CRS_CIRCULATION_VASOPRESSIN_ALONE:
    case CRS_CIRCULATION_ONE_PRESSOR:
      return 3;
    case CRS_CIRCULATION_SEVERAL_PRESSORS:
      return 4;
    case CRS_CIRCULATION_NOT_RECORDED:
    default:
      return CRS_MISSING;
    }
}

int
crs_oxygen_grade (CrsOxygen oxygen)
{
  switch (oxygen)
    {
    case CRS_OXYGEN_ROOM_AIR:
      return 0;
    /* Low flow: nasal cannula <= 6 L/min, including blow-by (NCCN
     * transcription, NCI PDQ reprint). A flow or an FiO2 without a device,
     * and a cannula without a flow, are the least they can be. */
    case CRS_OXYGEN_FLOW_ONLY:
    case CRS_OXYGEN_FIO2_ONLY:
    case CRS_OXYGEN_BLOW_BY:
    case CRS_OXYGEN_CANNULA_NO_FLOW:
    case CRS_OXYGEN_CANNULA_LOW:
      return 2;
    /* A flow above the low-flow limit is high flow whatever delivers it
     * (blow-by, the one low-flow device without a cannula, is low flow
     * by definition): at least grade 3. */
    case CRS_OXYGEN_HIGH_FLOW_ONLY:
    case CRS_OXYGEN_CANNULA_HIGH:
    case CRS_OXYGEN_HFNC:
    case CRS_OXYGEN_FACE_MASK:
    case CRS_OXYGEN_NON_REBREATHER:
    case CRS_OXYGEN_VENTURI:
      return 3;
    case CRS_OXYGEN_CPAP:
    case CRS_OXYGEN_BIPAP:
    case CRS_OXYGEN_VENTILATOR:
      return 4;
    case CRS_OXYGEN_NOT_RECORDED:
    default:
      return CRS_MISSING;
    }
}

static CrsCirculation
read_circulation (CrsObservation *observation,
                  int             below)
{
  /* Contract (grade-csv.md): vasopressors blank = 0, vasopressin blank =
   * not running. */
  int pressors = crs_is_missing_int (observation->vasopressors) ? 0 : observation->vasopressors;

  if (pressors >= 2)
    return CRS_CIRCULATION_SEVERAL_PRESSORS;
  if (pressors == 1)
    return CRS_CIRCULATION_ONE_PRESSOR;
  if (observation->vasopressin == CRS_TRI_YES)
    return CRS_CIRCULATION_VASOPRESSIN_ALONE;
  /* The nurse's tick wins over the number: a "no" for a patient whose
   * usual systolic is 88 is the nurse's call. */
  if (observation->hypotension == CRS_TRI_YES)
    return CRS_CIRCULATION_HYPOTENSION_TICK;
  if (observation->hypotension == CRS_TRI_NO)
    return CRS_CIRCULATION_NONE;
  /* "Low blood pressure" in the symptom checklist is hypotension seen by
   * the nurse (the seed's emergency list), unless the tick above says no. */
  if (observation->symptoms & CRS_SYMPTOM_BIT (CRS_SYMPTOM_LOW_BLOOD_PRESSURE))
    return CRS_CIRCULATION_HYPOTENSION_SYMPTOM;
  if (!crs_is_missing_int (observation->systolic))
    return observation->systolic < below ? CRS_CIRCULATION_HYPOTENSION_SYSTOLIC : CRS_CIRCULATION_NONE;
  /* "No pressors" without a pressure still leaves hypotension open. */
  return CRS_CIRCULATION_NOT_RECORDED;
}

static CrsOxygen
read_oxygen (CrsObservation      *observation,
             const CrsWardPolicy *policy)
{
  double flow = observation->o2_flow_l_min;
  gboolean has_flow = !isnan (flow);
  /* A flow above the ward's low-flow limit (ASTCT: > 6 L/min) is high flow. */
  gboolean high_flow = has_flow && flow > policy->low_flow_max_l_min + FLOW_EPSILON;

  switch (observation->o2_device)
    {
    case CRS_O2_UNSET:
      if (has_flow && flow > 0)
        return high_flow ? CRS_OXYGEN_HIGH_FLOW_ONLY : CRS_OXYGEN_FLOW_ONLY;
      if (!crs_is_missing_int (observation->fio2_percent) && observation->fio2_percent > 21)
        return CRS_OXYGEN_FIO2_ONLY;
      return CRS_OXYGEN_NOT_RECORDED;
    case CRS_O2_ROOM_AIR:
      return CRS_OXYGEN_ROOM_AIR;
    case CRS_O2_BLOW_BY:
      return CRS_OXYGEN_BLOW_BY;
    case CRS_O2_NASAL_CANNULA:
      if (!has_flow)
        return CRS_OXYGEN_CANNULA_NO_FLOW;
      return high_flow ? CRS_OXYGEN_CANNULA_HIGH : CRS_OXYGEN_CANNULA_LOW;
    case CRS_O2_HFNC:
      return CRS_OXYGEN_HFNC;
    case CRS_O2_FACE_MASK:
      return CRS_OXYGEN_FACE_MASK;
    case CRS_O2_NON_REBREATHER:
      return CRS_OXYGEN_NON_REBREATHER;
    case CRS_O2_VENTURI:
      return CRS_OXYGEN_VENTURI;
    case CRS_O2_CPAP:
      return CRS_OXYGEN_CPAP;
    case CRS_O2_BIPAP:
      return CRS_OXYGEN_BIPAP;
    case CRS_O2_VENTILATOR:
      return CRS_OXYGEN_VENTILATOR;
    case CRS_O2_N_VALUES:
    default:
      return CRS_OXYGEN_NOT_RECORDED;
    }
}

/* The highest grade recording the missing part of the oxygen domain
 * could give: a cannula's flow can make it high flow (3); a device not
 * recorded could be positive pressure (4). */
static int
oxygen_could_reach (CrsOxygen oxygen)
{
  switch (oxygen)
    {
    case CRS_OXYGEN_NOT_RECORDED:
    case CRS_OXYGEN_FLOW_ONLY:
    case CRS_OXYGEN_HIGH_FLOW_ONLY:
    case CRS_OXYGEN_FIO2_ONLY:
      return 4;
    case CRS_OXYGEN_CANNULA_NO_FLOW:
      return 3;
    default:
      return crs_oxygen_grade (oxygen);
    }
}

void
crs_grade_crs_compute (CrsGrading              *grading,
                       CrsObservation          *observation,
                       const CrsGradingContext *context,
                       const CrsWardPolicy     *policy)
{
  gboolean masked = context->fever_masked;
  int circulation, oxygen, worst;
  gboolean open;

  grading->hypotension_below = crs_ward_policy_hypotension_below (policy, context->age_years,
                                                                  &grading->hypotension_by_age);
  grading->crs_masked = masked;
  grading->crs_circulation = read_circulation (observation, grading->hypotension_below);
  grading->crs_oxygen = read_oxygen (observation, policy);
  if (isnan (observation->temperature_c))
    grading->crs_fever = CRS_FEVER_NOT_RECORDED;
  else
    grading->crs_fever = crs_temperature_tenths (observation->temperature_c) >= CRS_FEVER_TENTHS
                         ? CRS_FEVER_PRESENT : CRS_FEVER_NONE;

  circulation = crs_circulation_grade (grading->crs_circulation);
  oxygen = crs_oxygen_grade (grading->crs_oxygen);
  grading->fever = grading->crs_fever == CRS_FEVER_PRESENT;
  grading->hypotension = circulation >= 2;
  grading->crs_grade_min = 0;

  if (!masked && grading->crs_fever == CRS_FEVER_NOT_RECORDED)
    {
      grading->crs_grade = CRS_MISSING;
      return;
    }
  if (!masked && grading->crs_fever == CRS_FEVER_NONE)
    {
      /* ASTCT: no fever, no CRS, whatever the pressure and oxygen. */
      grading->crs_grade = 0;
      return;
    }

  worst = MAX (grading->fever ? 1 : 0, MAX (MAX (circulation, 0), MAX (oxygen, 0)));
  /* What an unrecorded finding could still add. */
  open = (crs_is_missing_int (circulation) && worst < 4) ||
         oxygen_could_reach (grading->crs_oxygen) > worst ||
         (masked && grading->crs_fever == CRS_FEVER_NOT_RECORDED && worst < 1);

  grading->crs_grade_min = worst;
  grading->crs_grade = open ? CRS_MISSING : worst;
}

/* ---------------------------------------------------------------------- */
/* Words */

static char *
circulation_reason (CrsGrading     *grading,
                    CrsObservation *observation)
{
  int pressors = observation->vasopressors;
  gboolean vasopressin = observation->vasopressin == CRS_TRI_YES;

  switch (grading->crs_circulation)
    {
    case CRS_CIRCULATION_SEVERAL_PRESSORS:
      return vasopressin
        ? crs_format_with_int (g_dngettext (GETTEXT_PACKAGE, "%d vasopressor with vasopressin",
                                            "%d vasopressors with vasopressin", pressors), pressors)
        : crs_format_with_int (g_dngettext (GETTEXT_PACKAGE, "%d vasopressor",
                                            "%d vasopressors", pressors), pressors);
    case CRS_CIRCULATION_ONE_PRESSOR:
      return g_strdup (vasopressin ? _("one vasopressor with vasopressin") : _("one vasopressor"));
    case CRS_CIRCULATION_VASOPRESSIN_ALONE:
      return g_strdup (_("vasopressin alone"));
    case CRS_CIRCULATION_HYPOTENSION_TICK:
      return g_strdup (_("hypotension without vasopressors"));
    case CRS_CIRCULATION_HYPOTENSION_SYMPTOM:
      return g_strdup (_("low blood pressure (symptom checklist) without vasopressors"));
    case CRS_CIRCULATION_HYPOTENSION_SYSTOLIC:
      if (grading->hypotension_by_age)
        /* TRANSLATORS: a child's systolic below the limit for their age */
        return g_strdup_printf (_("systolic %d mmHg, below %d for the age, without vasopressors"),
                                observation->systolic, grading->hypotension_below);
      return crs_format_with_int (_("systolic %d mmHg without vasopressors"), observation->systolic);
    case CRS_CIRCULATION_NONE:
      return g_strdup (_("no hypotension"));
    case CRS_CIRCULATION_NOT_RECORDED:
    default:
      return NULL;
    }
}

static char *
oxygen_reason (CrsGrading     *grading,
               CrsObservation *observation)
{
  g_autofree char *flow = NULL;

  /* The flow is worded only for the findings that name it. */
  if (!isnan (observation->o2_flow_l_min) &&
      (grading->crs_oxygen == CRS_OXYGEN_FLOW_ONLY || grading->crs_oxygen == CRS_OXYGEN_HIGH_FLOW_ONLY ||
       grading->crs_oxygen == CRS_OXYGEN_CANNULA_LOW || grading->crs_oxygen == CRS_OXYGEN_CANNULA_HIGH))
    flow = crs_format_flow (observation->o2_flow_l_min);

  switch (grading->crs_oxygen)
    {
    case CRS_OXYGEN_ROOM_AIR:
      return g_strdup (_("no oxygen needed"));
    case CRS_OXYGEN_FLOW_ONLY:
    case CRS_OXYGEN_HIGH_FLOW_ONLY:
      return crs_format_with_texts (_("oxygen at %s (device not recorded)"), flow, NULL);
    case CRS_OXYGEN_FIO2_ONLY:
      return g_strdup_printf (_("oxygen at FiO2 %d%% (device not recorded)"), observation->fio2_percent);
    case CRS_OXYGEN_BLOW_BY:
      return g_strdup (_("blow-by oxygen"));
    case CRS_OXYGEN_CANNULA_NO_FLOW:
      return g_strdup (_("nasal cannula oxygen (flow not recorded, counted as low flow)"));
    case CRS_OXYGEN_CANNULA_LOW:
      return crs_format_with_texts (_("low-flow nasal cannula at %s"), flow, NULL);
    case CRS_OXYGEN_CANNULA_HIGH:
      return crs_format_with_texts (_("nasal cannula at %s, which counts as high flow"), flow, NULL);
    case CRS_OXYGEN_HFNC:
      return g_strdup (_("high-flow nasal cannula"));
    case CRS_OXYGEN_FACE_MASK:
      return g_strdup (_("oxygen by face mask"));
    case CRS_OXYGEN_NON_REBREATHER:
      return g_strdup (_("non-rebreather mask"));
    case CRS_OXYGEN_VENTURI:
      return g_strdup (_("Venturi mask"));
    case CRS_OXYGEN_CPAP:
      return g_strdup (_("CPAP"));
    case CRS_OXYGEN_BIPAP:
      return g_strdup (_("BiPAP"));
    case CRS_OXYGEN_VENTILATOR:
      return g_strdup (_("mechanical ventilation"));
    case CRS_OXYGEN_NOT_RECORDED:
    default:
      return NULL;
    }
}

/* "fever is masked by tocilizumab at 14:05" (the dose named when known). */
static char *
masked_reason (const CrsGradingContext *context,
               const CrsObservation    *observation)
{
  CrsIntervention *dose = context->masked_by;
  g_autofree char *time = NULL;
  g_autofree char *what = NULL;

  if (dose == NULL)
    return g_strdup (_("fever is masked by treatment"));
  what = crs_intervention_dup_name (dose);
  time = crs_format_time_of_set (dose->at, observation->taken_at);
  /* TRANSLATORS: e.g. "fever is masked by tocilizumab at 00:26" */
  return crs_format_with_texts (_("fever is masked by %s at %s"), what, time, NULL);
}

void
crs_grade_crs_describe (CrsGrading              *grading,
                        CrsObservation          *observation,
                        const CrsGradingContext *context,
                        const CrsWardPolicy     *policy)
{
  g_autofree char *temp = NULL;
  int circulation_grade = crs_circulation_grade (grading->crs_circulation);
  int oxygen_grade = crs_oxygen_grade (grading->crs_oxygen);
  int shown = !crs_is_missing_int (grading->crs_grade) ? grading->crs_grade : grading->crs_grade_min;

  if (grading->crs_fever != CRS_FEVER_NOT_RECORDED)
    temp = crs_format_temperature_tenths (crs_temperature_tenths (observation->temperature_c),
                                          policy->temperature_unit);

  if (!grading->crs_masked && grading->crs_fever == CRS_FEVER_NOT_RECORDED)
    {
      crs_strv_add (grading->crs_missing, g_strdup (_("temperature")));
      return;
    }
  /* The circulation and oxygen findings are worded only where they are
   * named (a grade of 2 or more is always recorded, so never NULL). */
  if (!grading->crs_masked && grading->crs_fever == CRS_FEVER_NONE)
    {
      crs_strv_add (grading->crs_reasons, crs_format_with_texts (_("no fever (%s)"), temp, NULL));
      /* Not CRS by ASTCT, but not to be read as reassurance either. */
      if (circulation_grade >= 2)
        crs_strv_add (grading->crs_reasons, circulation_reason (grading, observation));
      if (oxygen_grade >= 2)
        crs_strv_add (grading->crs_reasons, oxygen_reason (grading, observation));
      return;
    }

  if (grading->crs_fever == CRS_FEVER_PRESENT)
    crs_strv_add (grading->crs_reasons, crs_format_with_texts (_("fever %s"), temp, NULL));
  else if (grading->crs_fever == CRS_FEVER_NONE)
    {
      g_autofree char *masked = masked_reason (context, observation);
      /* TRANSLATORS: e.g. "temperature 37.2 °C while fever is masked by tocilizumab at 00:26" */
      crs_strv_add (grading->crs_reasons, crs_format_with_texts (_("temperature %s while %s"), temp, masked, NULL));
    }
  else
    crs_strv_add (grading->crs_reasons, masked_reason (context, observation));

  if (shown <= 1)
    {
      /* Grade 1 (or 0 when masked): the absence of both is the finding. */
      char *circulation = circulation_reason (grading, observation);
      char *oxygen = oxygen_reason (grading, observation);

      if (circulation != NULL)
        crs_strv_add (grading->crs_reasons, circulation);
      if (oxygen != NULL)
        crs_strv_add (grading->crs_reasons, oxygen);
    }
  else
    {
      if (circulation_grade == shown)
        crs_strv_add (grading->crs_reasons, circulation_reason (grading, observation));
      if (oxygen_grade == shown)
        crs_strv_add (grading->crs_reasons, oxygen_reason (grading, observation));
    }

  /* Name what was not recorded, when recording it could change the
   * grade. */
  if (grading->crs_masked && grading->crs_fever == CRS_FEVER_NOT_RECORDED && shown < 1)
    crs_strv_add (grading->crs_missing, g_strdup (_("temperature")));
  if (crs_is_missing_int (circulation_grade) && shown < 4)
    crs_strv_add (grading->crs_missing, g_strdup (_("blood pressure")));
  if (grading->crs_oxygen == CRS_OXYGEN_NOT_RECORDED && shown < 4)
    crs_strv_add (grading->crs_missing, g_strdup (_("oxygen")));
  else if ((grading->crs_oxygen == CRS_OXYGEN_FLOW_ONLY || grading->crs_oxygen == CRS_OXYGEN_HIGH_FLOW_ONLY ||
            grading->crs_oxygen == CRS_OXYGEN_FIO2_ONLY) && shown < 4)
    crs_strv_add (grading->crs_missing, g_strdup (_("oxygen device")));
  if (grading->crs_oxygen == CRS_OXYGEN_CANNULA_NO_FLOW && shown < 3)
    crs_strv_add (grading->crs_missing, g_strdup (_("oxygen flow")));
}
