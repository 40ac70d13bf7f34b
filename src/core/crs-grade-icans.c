/* crs-grade-icans.c: the ASTCT 2019 ICANS grade of one observation set.
 *
 * Source: Lee DW et al. 2019 as reproduced in shared/clinical/grading.md
 * §2b (PMC8403007 Table 4, Practical Neurology, PMC7990806 Table 2) and
 * §2c for children (MDedge summary, ASCO 2021, NCI PDQ). The grade is the
 * most severe of these domains:
 *
 *   ICE score         7-9 = 1, 3-6 = 2, 0-2 = 3 (10 = none)
 *   CAPD (children)   0 = none, 1-8 = 1, >= 9 = 3 (grading.md §2c "CAPD 0":
 *                     our reading, mirroring ICE 10; 1-8 is grade 2 when
 *                     the child awakens only to voice, which the
 *                     consciousness domain gives)
 *   consciousness     awakens spontaneously = 1, to voice = 2, only to
 *                     tactile stimulus = 3, unarousable = 4
 *   seizure           resolved rapidly (or EEG seizures resolved with
 *                     intervention) = 3, prolonged or repetitive = 4
 *   motor findings    deep focal motor weakness = 4
 *   raised ICP        focal oedema = 3, diffuse oedema or posturing, CN VI
 *                     palsy, papilloedema, Cushing's triad = 4
 *
 * ICE 0 is grade 3 when the patient is awake (e.g. global aphasia) and 4
 * when unarousable: the consciousness domain carries the 4.
 *
 * Tool: CAPD below the ward's age cut-off (default 12) or for a patient
 * set to CAPD (developmental delay), ICE otherwise; unknown age is graded
 * as an adult. The score of the tool that does not apply is not used.
 *
 * Partial sets:
 *  - Seizure, motor weakness and oedema are events reported when present:
 *    not recorded counts as absent. A seizure ticked in the symptom
 *    checklist counts as a seizure that resolved.
 *  - The level of consciousness comes from the ICANS arousal field; when
 *    that was not recorded, from ACVPU where the two say the same thing
 *    (A = awake, V = to voice, P = only to a painful, i.e. tactile,
 *    stimulus, U = unarousable); "new confusion" says nothing about
 *    arousal. P could also be the grade 4 "vigorous stimuli": P gives the
 *    milder grade 3 and the summary names the ICANS level as not recorded.
 *  - The grade needs an assessment of encephalopathy: the tool's score or
 *    a level of consciousness. With neither, it is undetermined unless the
 *    recorded events already reach grade 4; icans_grade_min keeps the
 *    grade the events prove ("at least grade 3" after a seizure).
 *  - With one of the two missing, the grade is given from the rest and
 *    icans_missing names the missing one. */
#define G_LOG_DOMAIN "crs-grade-icans"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-grading-private.h"
#include "crs-symptom.h"

/* ICE bands (ASTCT 2019; grading.md §2a/§2b). */
#define ICE_MAX 10
#define ICE_GRADE1_MIN 7
#define ICE_GRADE2_MIN 3
/* CAPD: 9 or more is a positive screen (Traube 2014) and ICANS grade 3. */
#define CAPD_GRADE3_MIN 9

typedef struct
{
  int   grade;
  char *reason;
} Finding;

static void
add_finding (GArray     *findings,
             int         grade,
             char       *take_reason)
{
  Finding finding = { grade, take_reason };

  g_array_append_val (findings, finding);
}

static void
finding_clear (gpointer data)
{
  Finding *finding = data;

  g_free (finding->reason);
}

/* The ICANS level of consciousness, or -1 when nothing says it. */
static int
grade_consciousness (CrsObservation *observation,
                     char          **reason,
                     gboolean       *from_acvpu)
{
  *from_acvpu = FALSE;

  switch (observation->arousal)
    {
    case CRS_AROUSAL_NORMAL:
      *reason = g_strdup (_("awake"));
      return 0;
    case CRS_AROUSAL_SPONTANEOUS:
      *reason = g_strdup (_("drowsy, wakes by itself"));
      return 1;
    case CRS_AROUSAL_VOICE:
      *reason = g_strdup (_("wakes only to voice"));
      return 2;
    case CRS_AROUSAL_TACTILE:
      *reason = g_strdup (_("wakes only to touch"));
      return 3;
    case CRS_AROUSAL_UNAROUSABLE:
      *reason = g_strdup (_("cannot be woken"));
      return 4;
    case CRS_AROUSAL_UNSET:
    case CRS_AROUSAL_N_VALUES:
    default:
      break;
    }

  *from_acvpu = TRUE;
  switch (observation->acvpu)
    {
    case CRS_ACVPU_ALERT:
      *reason = g_strdup (_("alert (ACVPU)"));
      return 0;
    case CRS_ACVPU_VOICE:
      *reason = g_strdup (_("responds to voice (ACVPU)"));
      return 2;
    case CRS_ACVPU_PAIN:
      *reason = g_strdup (_("responds only to pain (ACVPU)"));
      return 3;
    case CRS_ACVPU_UNRESPONSIVE:
      *reason = g_strdup (_("unresponsive (ACVPU)"));
      return 4;
    case CRS_ACVPU_CONFUSION:
    case CRS_ACVPU_UNSET:
    case CRS_ACVPU_N_VALUES:
    default:
      break;
    }

  *from_acvpu = FALSE;
  return -1;
}

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

gboolean
crs_grading_uses_capd (const CrsGradingContext *context,
                       const CrsWardPolicy     *policy)
{
  return context->use_capd ||
         (context->age_years >= 0 && context->age_years < policy->capd_below_age);
}

void
crs_grade_icans_fill (CrsGrading              *grading,
                      CrsObservation          *observation,
                      const CrsGradingContext *context,
                      const CrsWardPolicy     *policy)
{
  g_autoptr(GArray) findings = g_array_new (FALSE, FALSE, sizeof (Finding));
  gboolean by_capd = crs_grading_uses_capd (context, policy);
  int ice = crs_observation_get_ice_score (observation);
  int tool_score = by_capd ? observation->capd : ice;
  gboolean has_tool = !crs_is_missing_int (tool_score);
  g_autofree char *consciousness_reason = NULL;
  gboolean other_tool;
  gboolean from_acvpu = FALSE;
  int consciousness;
  int events = 0;
  int grade = 0;

  g_array_set_clear_func (findings, finding_clear);
  grading->icans_by_capd = by_capd;

  if (has_tool && by_capd)
    add_finding (findings, grade_capd (tool_score), g_strdup_printf (_("CAPD %d"), tool_score));
  else if (has_tool)
    add_finding (findings, grade_ice (tool_score), g_strdup_printf (_("ICE score %d"), tool_score));

  consciousness = grade_consciousness (observation, &consciousness_reason, &from_acvpu);
  if (consciousness >= 0)
    add_finding (findings, consciousness, g_steal_pointer (&consciousness_reason));

  switch (observation->seizure)
    {
    case CRS_SEIZURE_RESOLVED:
      add_finding (findings, 3, g_strdup (_("a seizure that resolved")));
      break;
    case CRS_SEIZURE_PROLONGED:
      add_finding (findings, 4, g_strdup (_("a prolonged or repeated seizure")));
      break;
    case CRS_SEIZURE_UNSET:
      if (observation->symptoms & CRS_SYMPTOM_BIT (CRS_SYMPTOM_SEIZURE))
        add_finding (findings, 3, g_strdup (_("a seizure (symptom checklist)")));
      break;
    case CRS_SEIZURE_NONE:
    case CRS_SEIZURE_N_VALUES:
    default:
      break;
    }

  if (observation->motor_weakness == CRS_TRI_YES)
    add_finding (findings, 4, g_strdup (_("deep focal motor weakness")));

  switch (observation->cerebral_edema)
    {
    case CRS_EDEMA_FOCAL:
      add_finding (findings, 3, g_strdup (_("focal oedema on imaging")));
      break;
    case CRS_EDEMA_DIFFUSE:
      add_finding (findings, 4, g_strdup (_("diffuse cerebral oedema or signs of raised pressure")));
      break;
    case CRS_EDEMA_UNSET:
    case CRS_EDEMA_NONE:
    case CRS_EDEMA_N_VALUES:
    default:
      break;
    }

  for (guint i = 0; i < findings->len; i++)
    grade = MAX (grade, g_array_index (findings, Finding, i).grade);
  /* Events alone: everything but the tool score and the consciousness. */
  for (guint i = (has_tool ? 1 : 0) + (consciousness >= 0 ? 1 : 0); i < findings->len; i++)
    events = MAX (events, g_array_index (findings, Finding, i).grade);

  /* A score for the tool that does not apply was recorded: say why it
   * was not used. */
  other_tool = !has_tool && (by_capd ? !crs_is_missing_int (ice) : !crs_is_missing_int (observation->capd));

  /* What was not recorded, when recording it could change the grade
   * (the tool last: its entry may carry an explanation). */
  if ((consciousness < 0 || (from_acvpu && consciousness == 3)) && grade < 4)
    crs_strv_add (grading->icans_missing, g_strdup (_("level of consciousness")));
  if (!has_tool && grade < 4 && (grade < 3 || consciousness < 0))
    {
      if (other_tool && by_capd)
        crs_strv_add (grading->icans_missing,
                      g_strdup_printf (_("CAPD score, as ICE is not used below %d years"), policy->capd_below_age));
      else if (other_tool)
        crs_strv_add (grading->icans_missing,
                      g_strdup (_("ICE score, as CAPD is only for children and patients set to CAPD")));
      else
        crs_strv_add (grading->icans_missing, g_strdup (by_capd ? _("CAPD score") : _("ICE score")));
    }

  if (!has_tool && consciousness < 0 && events < 4)
    {
      /* No assessment of encephalopathy: only the events are known. */
      grading->icans_grade = CRS_MISSING;
      grading->icans_grade_min = events;
      if (events > 0)
        for (guint i = 0; i < findings->len; i++)
          {
            Finding *finding = &g_array_index (findings, Finding, i);
            if (finding->grade == events)
              crs_strv_add (grading->icans_reasons, g_steal_pointer (&finding->reason));
          }
      else if (other_tool && by_capd)
        crs_strv_add (grading->icans_reasons,
                      g_strdup_printf (_("no CAPD score or level of consciousness recorded; "
                                         "ICE is not used below %d years"), policy->capd_below_age));
      else if (other_tool)
        crs_strv_add (grading->icans_reasons,
                      g_strdup (_("no ICE score or level of consciousness recorded; "
                                  "CAPD is only for children and patients set to CAPD")));
      else
        crs_strv_add (grading->icans_reasons,
                      g_strdup (by_capd ? _("no CAPD score or level of consciousness recorded")
                                        : _("no ICE score or level of consciousness recorded")));
      return;
    }

  grading->icans_grade = grade;
  grading->icans_grade_min = grade;
  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = &g_array_index (findings, Finding, i);
      /* The findings that set the grade; for grade 0 the normal
       * assessments themselves. */
      if (finding->grade == grade)
        crs_strv_add (grading->icans_reasons, g_steal_pointer (&finding->reason));
    }
}
