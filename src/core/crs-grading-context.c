/* crs-grading-context.c: what grading needs beyond the set itself,
 * worked out from the patient's record and history.
 *
 * Fever masking (ASTCT 2019 via PMC8021214 Table 1 footnote and the NCI
 * PDQ reprint, grading.md §1): once an antipyretic, an anti-cytokine
 * (tocilizumab) or a corticosteroid has been given after CRS onset, fever
 * is no longer required. Here:
 *  - an episode runs from the start of the latest infusion up to the next
 *    one (before any infusion, from the start of the record), because a
 *    new infusion can start a new CRS;
 *  - CRS onset is the first set of the episode graded CRS 1 or more (its
 *    stored grade when it has one, so that a change of ward policy never
 *    moves an onset silently);
 *  - fever is masked for a set when such a drug was given at or after the
 *    onset and at or before the set. A drug given before onset
 *    (premedication) does not mask: the Lunsumio label's "premedication
 *    may mask fever" is for the prescriber to weigh, and a ward can still
 *    set fever_masked by hand.
 * Superseded versions of amended sets are ignored. */
#define G_LOG_DOMAIN "crs-grading-context"

#include "config.h"

#include "crs-grading.h"

void
crs_grading_context_init (CrsGradingContext *context)
{
  g_return_if_fail (context != NULL);

  *context = (CrsGradingContext) {
    .age_years = -1,
    .spo2_scale = 1,
    .use_capd = FALSE,
    .fever_masked = FALSE,
    .previous_acvpu = CRS_ACVPU_UNSET,
    .high_risk = FALSE,
  };
}

gint64
crs_grading_episode_start (GPtrArray *infusions,
                           gint64     at)
{
  gint64 start = 0;

  for (guint i = 0; infusions != NULL && i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);
      if (infusion->start_at != 0 && infusion->start_at <= at && infusion->start_at > start)
        start = infusion->start_at;
    }
  return start;
}

static gboolean
masks_fever (CrsInterventionKind kind)
{
  return kind == CRS_INTERVENTION_ANTIPYRETIC ||
         kind == CRS_INTERVENTION_ANTI_CYTOKINE ||
         kind == CRS_INTERVENTION_CORTICOSTEROID;
}

static gboolean
masking_given_between (GPtrArray *interventions,
                       gint64     from,
                       gint64     to)
{
  for (guint i = 0; interventions != NULL && i < interventions->len; i++)
    {
      CrsIntervention *intervention = g_ptr_array_index (interventions, i);
      if (masks_fever (intervention->kind) && intervention->at >= from && intervention->at <= to)
        return TRUE;
    }
  return FALSE;
}

/* A walk through one patient's sets in time order. */
typedef struct
{
  CrsPatient          *patient;
  GPtrArray           *interventions;
  GPtrArray           *infusions;
  gint64               episode;
  gboolean             has_onset;
  gint64               onset;
  CrsAcvpu             last_acvpu;
} Walk;

static void
walk_context (Walk              *walk,
              gint64             at,
              CrsGradingContext *context)
{
  gint64 episode = crs_grading_episode_start (walk->infusions, at);

  crs_grading_context_init (context);
  if (walk->patient != NULL)
    {
      context->age_years = crs_patient_age_years (walk->patient, at);
      context->spo2_scale = walk->patient->spo2_scale == 2 ? 2 : 1;
      context->use_capd = walk->patient->use_capd;
      /* The seed's factors for severity: how severe the underlying
       * condition is and general health (risk_factors.md A: high tumour
       * burden). A prior CRS has no source as a risk factor. */
      context->high_risk = walk->patient->high_disease_burden || walk->patient->comorbidities;
    }

  if (episode != walk->episode)
    {
      walk->episode = episode;
      walk->has_onset = FALSE;
      walk->onset = 0;
    }
  context->fever_masked = walk->has_onset &&
                          masking_given_between (walk->interventions, walk->onset, at);
  context->previous_acvpu = walk->last_acvpu;
}

static void
walk_record (Walk           *walk,
             CrsObservation *observation,
             int             crs_grade)
{
  if (!walk->has_onset && !crs_is_missing_int (crs_grade) && crs_grade >= 1)
    {
      walk->has_onset = TRUE;
      walk->onset = observation->taken_at;
    }
  if (observation->acvpu != CRS_ACVPU_UNSET)
    walk->last_acvpu = observation->acvpu;
}

static int
compare_taken_at (gconstpointer a,
                  gconstpointer b)
{
  CrsObservation *x = *(CrsObservation **) a;
  CrsObservation *y = *(CrsObservation **) b;

  if (x->taken_at != y->taken_at)
    return x->taken_at < y->taken_at ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return 0;
}

GPtrArray *
crs_grading_current_sets (GPtrArray *observations)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; observations != NULL && i < observations->len; i++)
    {
      CrsObservation *observation = g_ptr_array_index (observations, i);
      if (observation->superseded_by_id == 0)
        g_ptr_array_add (sorted, g_object_ref (observation));
    }
  g_ptr_array_sort (sorted, compare_taken_at);
  return sorted;
}

/* The CRS grade a set showed: the stored one when it was stored. */
static int
shown_crs_grade (CrsObservation    *observation,
                 const CrsGrading  *grading)
{
  if (observation->stored_rules != NULL)
    return observation->stored_crs_grade;
  return grading->crs_grade;
}

void
crs_grading_context_from_history (CrsGradingContext   *context,
                                  CrsPatient          *patient,
                                  GPtrArray           *observations,
                                  GPtrArray           *interventions,
                                  GPtrArray           *infusions,
                                  gint64               at,
                                  const CrsWardPolicy *policy)
{
  g_autoptr(GPtrArray) sorted = crs_grading_current_sets (observations);
  gint64 episode = crs_grading_episode_start (infusions, at);
  Walk walk = { patient, interventions, infusions, 0, FALSE, 0, CRS_ACVPU_UNSET };

  g_return_if_fail (context != NULL);

  for (guint i = 0; i < sorted->len; i++)
    {
      CrsObservation *observation = g_ptr_array_index (sorted, i);
      CrsGradingContext earlier;
      int grade = CRS_MISSING;

      if (observation->taken_at >= at)
        break;

      walk_context (&walk, observation->taken_at, &earlier);
      /* Only the current episode's sets up to its onset need a grade. */
      if (!walk.has_onset && walk.episode == episode)
        {
          if (observation->stored_rules != NULL)
            grade = observation->stored_crs_grade;
          else
            {
              g_autoptr(CrsGrading) grading = crs_grading_new (observation, &earlier, policy);
              grade = grading->crs_grade;
            }
        }
      walk_record (&walk, observation, grade);
    }

  walk_context (&walk, at, context);
}

GPtrArray *
crs_grading_grade_series (CrsPatient          *patient,
                          GPtrArray           *observations,
                          GPtrArray           *interventions,
                          GPtrArray           *infusions,
                          const CrsWardPolicy *policy,
                          GPtrArray          **sorted_out)
{
  g_autoptr(GPtrArray) sorted = crs_grading_current_sets (observations);
  GPtrArray *gradings = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_grading_free);
  Walk walk = { patient, interventions, infusions, 0, FALSE, 0, CRS_ACVPU_UNSET };

  for (guint i = 0; i < sorted->len; i++)
    {
      CrsObservation *observation = g_ptr_array_index (sorted, i);
      CrsGradingContext context;
      CrsGrading *grading;

      walk_context (&walk, observation->taken_at, &context);
      grading = crs_grading_new (observation, &context, policy);
      walk_record (&walk, observation, shown_crs_grade (observation, grading));
      g_ptr_array_add (gradings, grading);
    }

  if (sorted_out != NULL)
    *sorted_out = g_steal_pointer (&sorted);
  return gradings;
}
