/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-icans.c: the ASTCT 2019 ICANS grade of one observation set.
 *
 * Source: Lee DW et al. 2019 as reproduced in shared/clinical/grading.md
 * §2b (PMC8403007 Table 4, Practical Neurology, PMC7990806 Table 2) and
 * §2c for children (MDedge summary, ASCO 2021, NCI PDQ). The grade is the
 * most severe of these domains:
 *
 *   ICE score         7-9 = 1, 3-6 = 2, 0-2 = 3 (10 = none)
 *   CAPD              0 = none, 1-8 = 1, >= 9 = 3 (grading.md §2c "CAPD 0":
 *                     our reading, mirroring ICE 10; 1-8 is grade 2 when
 *                     the child awakens only to voice, which the
 *                     consciousness domain gives)
 *   consciousness     awakens spontaneously = 1, to voice = 2, only to
 *                     tactile stimulus = 3, unarousable or needing
 *                     vigorous or repetitive tactile stimuli = 4
 *   seizure           resolved rapidly (or EEG seizures resolved with
 *                     intervention) = 3, prolonged or repetitive = 4
 *   motor findings    deep focal motor weakness = 4
 *   raised ICP        focal oedema = 3, diffuse oedema or posturing, CN VI
 *                     palsy, papilloedema, Cushing's triad = 4
 *
 * ICE 0 is grade 3 when the patient is awake (e.g. global aphasia) and 4
 * when unarousable: the consciousness domain carries the 4.
 *
 * Decisions (grading.md §6):
 *  - The tool that was recorded decides: a recorded CAPD is graded by
 *    CAPD and a recorded ICE by ICE, whatever the age; the age cut-off
 *    (or the patient's CAPD setting) only chooses the tool the form
 *    offers first. Both recorded: both count, the worse wins.
 *  - The level of consciousness comes from the ICANS arousal field; when
 *    that was not recorded, from ACVPU: A = awake, V = awakens to voice
 *    (2), P = responds only to a painful stimulus, which is a "vigorous
 *    ... tactile stimulus" (4), U = unarousable (4). C (new confusion) is
 *    encephalopathy, measured by ICE, not a level of consciousness.
 *  - Seizure, motor weakness and oedema are events reported when present:
 *    not recorded counts as absent. A seizure ticked in the symptom
 *    checklist counts as a seizure that resolved.
 *  - Floors: ICANS 0 needs a tool score plus a level of consciousness.
 *    With either missing, the recorded findings give a lower bound
 *    ("at least 3" after a seizure with no ICE) unless they already reach
 *    grade 4; a lower bound of 0 is "not determined", never "0 ... no
 *    sign of neurotoxicity". */
#define G_LOG_DOMAIN "crs-grade-icans"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-format.h"
#include "crs-grading-private.h"
#include "crs-symptom.h"

/* ICE bands (ASTCT 2019; grading.md §2a/§2b). */
#define ICE_MAX 10
#define ICE_GRADE1_MIN 7
#define ICE_GRADE2_MIN 3
/* CAPD: 9 or more is a positive screen (Traube 2014) and ICANS grade 3. */
#define CAPD_GRADE3_MIN 9

static int
grade_ice (int score)
{
  if (score >= ICE_MAX)
    return 0;
  if (score >= ICE_GRADE1_MIN)
    return 1;
  if (score >= ICE_GRADE2_MIN)
    return 2;
  return 3;
}

static int
grade_capd (int score)
{
  if (score == 0)
    return 0;
  if (score < CAPD_GRADE3_MIN)
    return 1;
  return 3;
}

static int
grade_arousal (CrsArousal arousal)
{
  switch (arousal)
    {
    case CRS_AROUSAL_NORMAL:
      return 0;
    case CRS_AROUSAL_SPONTANEOUS:
      return 1;
    case CRS_AROUSAL_VOICE:
      return 2;
    case CRS_AROUSAL_TACTILE:
      return 3;
    case CRS_AROUSAL_UNAROUSABLE:
      return 4;
    case CRS_AROUSAL_UNSET:
    case CRS_AROUSAL_N_VALUES:
    default:
      return CRS_MISSING;
    }
}

static int
grade_acvpu (CrsAcvpu acvpu)
{
  switch (acvpu)
    {
    case CRS_ACVPU_ALERT:
      return 0;
    case CRS_ACVPU_VOICE:
      return 2;
    case CRS_ACVPU_PAIN:
    case CRS_ACVPU_UNRESPONSIVE:
      return 4;
    case CRS_ACVPU_CONFUSION:
    case CRS_ACVPU_UNSET:
    case CRS_ACVPU_N_VALUES:
    default:
      return CRS_MISSING;
    }
}

static int
seizure_grade (CrsObservation *observation)
{
  switch (observation->seizure)
    {
    case CRS_SEIZURE_RESOLVED:
      return 3;
    case CRS_SEIZURE_PROLONGED:
      return 4;
    case CRS_SEIZURE_UNSET:
      return (observation->symptoms & CRS_SYMPTOM_BIT (CRS_SYMPTOM_SEIZURE)) ? 3 : 0;
    case CRS_SEIZURE_NONE:
    case CRS_SEIZURE_N_VALUES:
    default:
      return 0;
    }
}

static int
edema_grade (CrsEdema edema)
{
  switch (edema)
    {
    case CRS_EDEMA_FOCAL:
      return 3;
    case CRS_EDEMA_DIFFUSE:
      return 4;
    case CRS_EDEMA_UNSET:
    case CRS_EDEMA_NONE:
    case CRS_EDEMA_N_VALUES:
    default:
      return 0;
    }
}

gboolean
crs_grading_uses_capd (const CrsGradingContext *context,
                       const CrsWardPolicy     *policy)
{
  return context->use_capd ||
         (context->age_years >= 0 && context->age_years < policy->capd_below_age);
}

void
crs_grade_icans_compute (CrsGrading              *grading,
                         CrsObservation          *observation,
                         const CrsGradingContext *context,
                         const CrsWardPolicy     *policy)
{
  int ice = crs_observation_get_ice_score (observation);
  gboolean has_ice = !crs_is_missing_int (ice);
  gboolean has_capd = !crs_is_missing_int (observation->capd);
  int worst = 0;

  grading->icans_ice_grade = has_ice ? grade_ice (ice) : CRS_MISSING;
  grading->icans_capd_grade = has_capd ? grade_capd (observation->capd) : CRS_MISSING;
  if (has_capd != has_ice)
    grading->icans_by_capd = has_capd;
  else
    grading->icans_by_capd = crs_grading_uses_capd (context, policy);

  grading->icans_consciousness = grade_arousal (observation->arousal);
  grading->icans_consciousness_source = CRS_CONSCIOUSNESS_AROUSAL;
  if (crs_is_missing_int (grading->icans_consciousness))
    {
      grading->icans_consciousness = grade_acvpu (observation->acvpu);
      grading->icans_consciousness_source = crs_is_missing_int (grading->icans_consciousness)
                                            ? CRS_CONSCIOUSNESS_NOT_RECORDED : CRS_CONSCIOUSNESS_ACVPU;
    }

  grading->icans_events = MAX (seizure_grade (observation),
                               MAX (observation->motor_weakness == CRS_TRI_YES ? 4 : 0,
                                    edema_grade (observation->cerebral_edema)));

  worst = MAX (grading->icans_events, MAX (grading->icans_ice_grade, grading->icans_capd_grade));
  worst = MAX (worst, grading->icans_consciousness);
  worst = MAX (worst, 0);

  grading->icans_grade_min = worst;
  if (worst >= 4 ||
      ((has_ice || has_capd) && grading->icans_consciousness_source != CRS_CONSCIOUSNESS_NOT_RECORDED))
    grading->icans_grade = worst;
  else
    grading->icans_grade = CRS_MISSING;
}

/* ---------------------------------------------------------------------- */
/* Words */

static char *
consciousness_reason (CrsGrading     *grading,
                      CrsObservation *observation)
{
  if (grading->icans_consciousness_source == CRS_CONSCIOUSNESS_AROUSAL)
    switch (observation->arousal)
      {
      case CRS_AROUSAL_NORMAL:
        return g_strdup (_("awake"));
      case CRS_AROUSAL_SPONTANEOUS:
        return g_strdup (_("drowsy, wakes by itself"));
      case CRS_AROUSAL_VOICE:
        return g_strdup (_("wakes only to voice"));
      case CRS_AROUSAL_TACTILE:
        return g_strdup (_("wakes only to touch"));
      case CRS_AROUSAL_UNAROUSABLE:
        return g_strdup (_("cannot be woken"));
      case CRS_AROUSAL_UNSET:
      case CRS_AROUSAL_N_VALUES:
      default:
        return NULL;
      }
  if (grading->icans_consciousness_source == CRS_CONSCIOUSNESS_ACVPU)
    switch (observation->acvpu)
      {
      case CRS_ACVPU_ALERT:
        return g_strdup (_("alert (ACVPU)"));
      case CRS_ACVPU_VOICE:
        return g_strdup (_("responds to voice (ACVPU)"));
      case CRS_ACVPU_PAIN:
        return g_strdup (_("responds only to pain (ACVPU)"));
      case CRS_ACVPU_UNRESPONSIVE:
        return g_strdup (_("unresponsive (ACVPU)"));
      case CRS_ACVPU_CONFUSION:
      case CRS_ACVPU_UNSET:
      case CRS_ACVPU_N_VALUES:
      default:
        return NULL;
      }
  return NULL;
}

static void
add_if (GPtrArray *reasons,
        int        grade,
        int        shown,
        char      *take)
{
  if (take != NULL && grade == shown)
    crs_strv_add (reasons, take);
  else
    g_free (take);
}

void
crs_grade_icans_describe (CrsGrading              *grading,
                          CrsObservation          *observation,
                          const CrsWardPolicy     *policy)
{
  gboolean determined = !crs_is_missing_int (grading->icans_grade);
  int shown = determined ? grading->icans_grade : grading->icans_grade_min;
  gboolean has_tool = !crs_is_missing_int (grading->icans_ice_grade) ||
                      !crs_is_missing_int (grading->icans_capd_grade);
  gboolean has_consciousness = grading->icans_consciousness_source != CRS_CONSCIOUSNESS_NOT_RECORDED;
  int seizure = seizure_grade (observation);

  if (!determined && shown == 0)
    {
      /* Nothing proves a grade: say what is there and what is missing
       * (below), never "no sign". */
      if (!crs_is_missing_int (grading->icans_ice_grade))
        crs_strv_add (grading->icans_reasons,
                      crs_format_with_int (_("ICE score %d"), crs_observation_get_ice_score (observation)));
      if (!crs_is_missing_int (grading->icans_capd_grade))
        crs_strv_add (grading->icans_reasons, crs_format_with_int (_("CAPD %d"), observation->capd));
      add_if (grading->icans_reasons, 0, 0, consciousness_reason (grading, observation));
    }
  else
    {
      /* The findings that set the grade; for grade 0 the normal
       * assessments themselves. */
      if (!crs_is_missing_int (grading->icans_ice_grade))
        add_if (grading->icans_reasons, grading->icans_ice_grade, shown,
                crs_format_with_int (_("ICE score %d"), crs_observation_get_ice_score (observation)));
      if (!crs_is_missing_int (grading->icans_capd_grade))
        add_if (grading->icans_reasons, grading->icans_capd_grade, shown,
                crs_format_with_int (_("CAPD %d"), observation->capd));
      add_if (grading->icans_reasons, grading->icans_consciousness, shown,
              consciousness_reason (grading, observation));
      if (observation->seizure == CRS_SEIZURE_RESOLVED)
        add_if (grading->icans_reasons, seizure, shown, g_strdup (_("a seizure that resolved")));
      else if (observation->seizure == CRS_SEIZURE_PROLONGED)
        add_if (grading->icans_reasons, seizure, shown, g_strdup (_("a prolonged or repeated seizure")));
      else if (seizure > 0)
        add_if (grading->icans_reasons, seizure, shown, g_strdup (_("a seizure (symptom checklist)")));
      if (observation->motor_weakness == CRS_TRI_YES)
        add_if (grading->icans_reasons, 4, shown, g_strdup (_("deep focal motor weakness")));
      add_if (grading->icans_reasons, edema_grade (observation->cerebral_edema), shown,
              observation->cerebral_edema == CRS_EDEMA_FOCAL ? g_strdup (_("focal oedema on imaging"))
              : observation->cerebral_edema == CRS_EDEMA_DIFFUSE
              ? g_strdup (_("diffuse cerebral oedema or signs of raised pressure")) : NULL);
    }

  /* What was not recorded, when recording it could raise the grade. */
  if (!has_consciousness && shown < 4)
    crs_strv_add (grading->icans_missing, g_strdup (_("level of consciousness")));
  if (!has_tool && shown < 4)
    {
      crs_strv_add (grading->icans_missing,
                    g_strdup (grading->icans_by_capd ? _("CAPD score") : _("ICE score")));
    }
}
