/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grading-history.c: the grading context of each set from the
 * patient's whole record (the rules are in crs-grading-history.h). */
#define G_LOG_DOMAIN "crs-grading-history"

#include "config.h"

#include <math.h>

#include "crs-grading-history.h"
#include "crs-grading-private.h"

struct _CrsGradingHistory
{
  CrsPatient *patient;
  GPtrArray  *sets;            /* current sets, oldest first */
  GPtrArray  *interventions;
  GPtrArray  *infusions;
  GHashTable *onsets;          /* episode start -> onset (0 = none), both gint64 boxed */
  GHashTable *first_fevers;    /* episode start -> first fever given by the caller */
};

static gint64 *
box (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

CrsGradingHistory *
crs_grading_history_new (CrsPatient *patient,
                         GPtrArray  *observations,
                         GPtrArray  *interventions,
                         GPtrArray  *infusions)
{
  CrsGradingHistory *self = g_new0 (CrsGradingHistory, 1);

  self->patient = patient != NULL ? g_object_ref (patient) : NULL;
  self->sets = crs_grading_current_sets (observations);
  self->interventions = interventions != NULL ? g_ptr_array_ref (interventions) : NULL;
  self->infusions = infusions != NULL ? g_ptr_array_ref (infusions) : NULL;
  self->onsets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->first_fevers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return self;
}

void
crs_grading_history_free (CrsGradingHistory *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->patient);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_clear_pointer (&self->infusions, g_ptr_array_unref);
  g_clear_pointer (&self->onsets, g_hash_table_unref);
  g_clear_pointer (&self->first_fevers, g_hash_table_unref);
  g_free (self);
}

void
crs_grading_history_set_first_fever (CrsGradingHistory *self,
                                     gint64             episode_start,
                                     gint64             first_fever_at)
{
  g_return_if_fail (self != NULL);

  g_hash_table_replace (self->first_fevers, box (episode_start), box (first_fever_at));
  g_hash_table_remove (self->onsets, &episode_start);
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

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

GArray *
crs_grading_episode_starts (GPtrArray *infusions)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 zero = 0;

  g_array_append_val (starts, zero);
  for (guint i = 0; infusions != NULL && i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);
      if (infusion->start_at != 0)
        g_array_append_val (starts, infusion->start_at);
    }
  g_array_sort (starts, compare_gint64);
  for (guint i = starts->len; i > 1; i--)
    if (g_array_index (starts, gint64, i - 1) == g_array_index (starts, gint64, i - 2))
      g_array_remove_index (starts, i - 1);
  return starts;
}

/* The start of the episode after the one starting at @start. */
static gint64
episode_end (CrsGradingHistory *self,
             gint64             start)
{
  gint64 end = G_MAXINT64;

  for (guint i = 0; self->infusions != NULL && i < self->infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (self->infusions, i);
      if (infusion->start_at > start && infusion->start_at < end)
        end = infusion->start_at;
    }
  return end;
}

static gboolean
has_fever (CrsObservation *observation)
{
  return !isnan (observation->temperature_c) &&
         crs_temperature_tenths (observation->temperature_c) >= CRS_FEVER_TENTHS;
}

/* The first current set at or after @at (binary search over the sorted sets). */
static guint
first_set_from (CrsGradingHistory *self,
                gint64             at)
{
  guint low = 0;
  guint high = self->sets->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      CrsObservation *observation = g_ptr_array_index (self->sets, mid);

      if (observation->taken_at < at)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static gint64
episode_onset (CrsGradingHistory *self,
               gint64             start)
{
  gint64 *cached = g_hash_table_lookup (self->onsets, &start);
  gint64 *given;
  gint64 end;
  gint64 onset = 0;

  if (cached != NULL)
    return *cached;

  end = episode_end (self, start);
  given = g_hash_table_lookup (self->first_fevers, &start);
  if (given != NULL)
    onset = *given != 0 && *given < end ? *given : 0;
  else
    for (guint i = first_set_from (self, start); i < self->sets->len; i++)
      {
        CrsObservation *observation = g_ptr_array_index (self->sets, i);

        if (observation->taken_at >= end)
          break;
        if (has_fever (observation))
          {
            onset = observation->taken_at;
            break;
          }
      }

  g_hash_table_insert (self->onsets, box (start), box (onset));
  return onset;
}

gint64
crs_grading_history_onset (CrsGradingHistory *self,
                           gint64             at)
{
  gint64 onset;

  g_return_val_if_fail (self != NULL, 0);

  onset = episode_onset (self, crs_grading_episode_start (self->infusions, at));
  return onset != 0 && onset <= at ? onset : 0;
}

static gboolean
masks_fever (CrsInterventionKind kind)
{
  return kind == CRS_INTERVENTION_ANTIPYRETIC ||
         kind == CRS_INTERVENTION_ANTI_CYTOKINE ||
         kind == CRS_INTERVENTION_CORTICOSTEROID;
}

/* The ACVPU of the newest current set taken before @at, UNSET when none. */
static CrsAcvpu
previous_acvpu (CrsGradingHistory *self,
                gint64             at)
{
  guint first = first_set_from (self, at);

  return first > 0 ? ((CrsObservation *) g_ptr_array_index (self->sets, first - 1))->acvpu : CRS_ACVPU_UNSET;
}

void
crs_grading_history_context (CrsGradingHistory *self,
                             gint64             at,
                             CrsGradingContext *context)
{
  gint64 onset;

  g_return_if_fail (self != NULL);
  g_return_if_fail (context != NULL);

  crs_grading_context_init (context);
  if (self->patient != NULL)
    {
      context->age_years = crs_patient_age_years (self->patient, at);
      /* PEWS reads its chart from completed months (grading.md §7, G11). */
      context->age_months = crs_pews_age_months (self->patient->birth_date, at);
      context->spo2_scale = self->patient->spo2_scale == 2 ? 2 : 1;
      context->use_capd = self->patient->use_capd;
      /* The seed's factors for severity: how severe the underlying
       * condition is and general health (risk_factors.md A: high tumour
       * burden). A prior CRS has no source as a risk factor. */
      context->high_risk = self->patient->high_disease_burden || self->patient->comorbidities;
    }

  context->previous_acvpu = previous_acvpu (self, at);

  onset = crs_grading_history_onset (self, at);
  if (onset == 0)
    return;
  for (guint i = 0; self->interventions != NULL && i < self->interventions->len; i++)
    {
      CrsIntervention *dose = g_ptr_array_index (self->interventions, i);

      if (!masks_fever (dose->kind) || dose->at < onset || dose->at > at)
        continue;
      context->fever_masked = TRUE;
      /* The dose from which fever is masked: the first after onset. */
      if (context->masked_by == NULL || dose->at < context->masked_by->at)
        context->masked_by = dose;
    }
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
