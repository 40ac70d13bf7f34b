/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-feed.c: a patient's status as the timeline chart draws it. */
#define G_LOG_DOMAIN "crs-timeline-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/crs-risk.h"
#include "crs-timeline-feed.h"

static CrsTimelineGrade
grade_of (CrsCertainty certainty,
          int          value,
          CrsObservation *set,
          int          stored)
{
  CrsTimelineGrade grade = { CRS_MISSING, CRS_TIMELINE_NOT_DETERMINED, CRS_MISSING };

  switch (certainty)
    {
    case CRS_CERTAINTY_DETERMINED:
      grade.kind = CRS_TIMELINE_DETERMINED;
      grade.grade = value;
      break;
    case CRS_CERTAINTY_AT_LEAST:
      grade.kind = CRS_TIMELINE_AT_LEAST;
      grade.grade = value;
      break;
    case CRS_CERTAINTY_NOT_DETERMINED:
    default:
      break;
    }
  if (crs_is_missing_int (grade.grade) || grade.grade < 0 || grade.grade > 4)
    grade = (CrsTimelineGrade) { CRS_MISSING, CRS_TIMELINE_NOT_DETERMINED, CRS_MISSING };

  /* The grade the nurse saw at entry, where it differs from the one now
   * (as the patient status compares them: only for a set saved with
   * grades, and only a grade the model can show). */
  if (set->stored_rules != NULL && !crs_is_missing_int (stored) && stored >= 0 && stored <= 4 &&
      stored != grade.grade)
    grade.stored_grade = stored;
  return grade;
}

void
crs_timeline_feed_point (CrsTimelinePoint *point,
                         CrsObservation   *set,
                         const CrsGrading *grading)
{
  g_return_if_fail (point != NULL);
  g_return_if_fail (CRS_IS_OBSERVATION (set));
  g_return_if_fail (grading != NULL);

  crs_timeline_point_init (point, set->taken_at);
  point->id = set->id;
  point->crs = grade_of (crs_grading_crs_certainty (grading), crs_grading_crs_value (grading),
                         set, set->stored_crs_grade);
  point->icans = grade_of (crs_grading_icans_certainty (grading), crs_grading_icans_value (grading),
                           set, set->stored_icans_grade);

  /* NEWS2: none for a patient it is not used for (under the ward's
   * NEWS2 age); the total; or, for a partial set, what the recorded
   * parameters already add up to (missing ones only add: at least).
   * A partial sum of 0 says nothing and is left out. */
  if (grading->news2_not_applicable)
    point->news2 = CRS_MISSING;
  else if (!crs_is_missing_int (grading->news2_total))
    {
      point->news2 = grading->news2_total;
      point->news2_kind = CRS_TIMELINE_DETERMINED;
    }
  else if (grading->news2_partial_sum > 0)
    {
      point->news2 = grading->news2_partial_sum;
      point->news2_kind = CRS_TIMELINE_AT_LEAST;
    }
  point->temperature_c = set->temperature_c;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;
  return g_ascii_strcasecmp (a, b) == 0;
}

/* Whether @infusion is of @current's therapy: the same code, or the same
 * name when neither has a code. */
static gboolean
same_therapy (CrsInfusion *infusion,
              CrsInfusion *current)
{
  gboolean has_code = infusion->therapy_code != NULL && *infusion->therapy_code != '\0';
  gboolean current_code = current->therapy_code != NULL && *current->therapy_code != '\0';

  if (infusion == current)
    return TRUE;
  if (has_code || current_code)
    return same_text (infusion->therapy_code, current->therapy_code);
  return same_text (infusion->therapy_name, current->therapy_name);
}

char *
crs_timeline_feed_infusion_label (CrsInfusion *infusion,
                                  CrsTherapy  *therapy)
{
  const char *name;

  g_return_val_if_fail (CRS_IS_INFUSION (infusion), NULL);

  if (therapy != NULL && therapy->generic_name != NULL && *therapy->generic_name != '\0')
    name = therapy->generic_name;
  else if (infusion->therapy_name != NULL && *infusion->therapy_name != '\0')
    name = infusion->therapy_name;
  else if (infusion->therapy_code != NULL && *infusion->therapy_code != '\0')
    name = infusion->therapy_code;
  else
    name = _("Infusion");

  if (infusion->step_label != NULL && *infusion->step_label != '\0')
    {
      g_autofree char *step = g_strstrip (g_strdup (infusion->step_label));

      /* Translators: an infusion on the timeline: its therapy, then its
       * step, e.g. "teclistamab, step-up dose 1" */
      return g_strdup_printf (_("%s, %s"), name, step);
    }
  return g_strdup (name);
}

/* "Tocilizumab 8 mg/kg IV"; without a drug, the note ("Nasal cannula 2
 * L/min"), as the timeline table writes it. NULL when neither. */
static char *
intervention_text (CrsIntervention *intervention)
{
  gboolean has_drug = intervention->drug != NULL && *intervention->drug != '\0';
  gboolean has_dose = intervention->dose != NULL && *intervention->dose != '\0';

  if (has_drug)
    return has_dose ? g_strdup_printf ("%s %s", intervention->drug, intervention->dose)
                    : g_strdup (intervention->drug);
  if (intervention->note != NULL && *intervention->note != '\0')
    return g_strdup (intervention->note);
  if (has_dose)
    return g_strdup (intervention->dose);
  return NULL;
}

void
crs_timeline_feed_fill (CrsTimelineModel *model,
                        CrsPatientStatus *status,
                        GPtrArray        *infusions,
                        GPtrArray        *interventions)
{
  g_autofree CrsTimelinePoint *points = NULL;
  guint n;

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (model));
  g_return_if_fail (status != NULL);
  g_return_if_fail (status->sets->len == status->gradings->len);

  crs_timeline_model_freeze_changed (model);
  crs_timeline_model_clear (model);

  n = status->sets->len;
  points = g_new (CrsTimelinePoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    crs_timeline_feed_point (&points[i], g_ptr_array_index (status->sets, i),
                             &g_array_index (status->gradings, CrsGrading, i));
  crs_timeline_model_set_points (model, points, n);

  for (guint i = 0; infusions != NULL && i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);
      CrsTherapy *therapy = NULL;
      g_autofree char *label = NULL;
      gint64 from = CRS_TIMELINE_UNKNOWN, to = CRS_TIMELINE_UNKNOWN;

      if (status->therapy != NULL && status->infusion != NULL && same_therapy (infusion, status->infusion))
        therapy = status->therapy;
      if (!crs_monitoring_onset_span (infusion, therapy, &from, &to))
        from = to = CRS_TIMELINE_UNKNOWN;
      label = crs_timeline_feed_infusion_label (infusion, therapy);
      crs_timeline_model_add_infusion (model, infusion->start_at, label, from, to);
    }

  for (guint i = 0; interventions != NULL && i < interventions->len; i++)
    {
      CrsIntervention *intervention = g_ptr_array_index (interventions, i);
      g_autofree char *text = intervention_text (intervention);

      crs_timeline_model_add_intervention (model, intervention->at, intervention->kind, text);
    }

  crs_timeline_model_set_now (model, status->now);
  crs_timeline_model_set_temperature_unit (model, status->policy.temperature_unit);
  crs_timeline_model_set_fever_line (model, crs_fever_line_celsius ());
  crs_timeline_model_thaw_changed (model);
}
