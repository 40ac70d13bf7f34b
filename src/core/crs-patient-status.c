/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-status.c: how a patient is now (crs-patient-status.h). */
#define G_LOG_DOMAIN "crs-patient-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-format.h"
#include "crs-grade-word.h"
#include "crs-grading-history.h"
#include "crs-patient-status.h"

/* The status keeps the history for later gradings of single sets. */
typedef struct
{
  CrsPatientStatus   status;
  CrsGradingHistory *history;
  GPtrArray         *acknowledgements;
  GPtrArray         *late_flags;
  GHashTable        *index;        /* set -> its position in sets + 1 */
} Status;

CrsInfusion *
crs_patient_current_infusion (GPtrArray *infusions,
                              gint64     now)
{
  CrsInfusion *started = NULL;
  CrsInfusion *next = NULL;

  for (guint i = 0; infusions != NULL && i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);

      if (infusion->start_at <= now)
        {
          if (started == NULL || infusion->start_at >= started->start_at)
            started = infusion;
        }
      else if (next == NULL || infusion->start_at < next->start_at)
        next = infusion;
    }
  return started != NULL ? started : next;
}

/* Whether the ward's window interval applies: inside the therapy's
 * reported onset window; and when nothing is known of the therapy's
 * onset, not relaxed: from the start of the infusion (crs-risk.h). */
static gboolean
window_applies (const CrsMonitoringWindow *window)
{
  return window->in_window || (!window->known && window->position != CRS_WINDOW_NOT_STARTED);
}

static const CrsAcknowledgement *
newest_ack (GPtrArray *acknowledgements,
            gint64     set_id)
{
  const CrsAcknowledgement *newest = NULL;

  for (guint i = 0; acknowledgements != NULL && i < acknowledgements->len; i++)
    {
      const CrsAcknowledgement *ack = g_ptr_array_index (acknowledgements, i);

      if (ack->observation_id == set_id && (newest == NULL || ack->at >= newest->at))
        newest = ack;
    }
  return newest;
}

static const CrsLateRedFlag *
newest_late (GPtrArray *late_flags,
             gint64     set_id)
{
  const CrsLateRedFlag *newest = NULL;

  for (guint i = 0; late_flags != NULL && i < late_flags->len; i++)
    {
      const CrsLateRedFlag *flag = g_ptr_array_index (late_flags, i);

      if (flag->observation_id == set_id && (newest == NULL || flag->at >= newest->at))
        newest = flag;
    }
  return newest;
}

/* The value of a scale: the grade, or its lower bound when at least 1. */
static int
scale_value (const CrsGrading *grading,
             gboolean          icans)
{
  return icans ? crs_grading_icans_value (grading) : crs_grading_crs_value (grading);
}

gboolean
crs_grades_rising (const int *grades,
                   gsize      n_grades,
                   int       *latest,
                   int       *previous)
{
  int last = CRS_MISSING;
  int before = CRS_MISSING;

  for (gsize i = n_grades; i > 0; i--)
    {
      if (crs_is_missing_int (grades[i - 1]))
        continue;
      if (crs_is_missing_int (last))
        last = grades[i - 1];
      else
        {
          before = grades[i - 1];
          break;
        }
    }
  if (latest != NULL)
    *latest = last;
  if (previous != NULL)
    *previous = before;
  return !crs_is_missing_int (last) && !crs_is_missing_int (before) && last > before;
}

static void
fill_scale (Status         *st,
            CrsScaleStatus *scale,
            gboolean        icans)
{
  CrsPatientStatus *status = &st->status;
  CrsObservation *latest = status->latest;
  const CrsGrading *now_grading = status->latest_grading;
  guint n = status->sets->len;
  int newest_value = CRS_MISSING;
  int before_value = CRS_MISSING;

  *scale = (CrsScaleStatus) {
    .grade = CRS_MISSING,
    .stored = CRS_MISSING,
    .last_grade = CRS_MISSING,
    .previous = CRS_MISSING,
  };
  if (latest == NULL)
    return;

  scale->certainty = icans ? crs_grading_icans_certainty (now_grading) : crs_grading_crs_certainty (now_grading);
  scale->grade = scale_value (now_grading, icans);
  scale->has_stored = latest->stored_rules != NULL;
  if (scale->has_stored)
    {
      scale->stored = icans ? latest->stored_icans_grade : latest->stored_crs_grade;
      scale->differs = scale->stored != scale->grade;
    }

  /* The newest set with a grade or bound before this one: what was last
   * known when the newest set has none. */
  if (crs_is_missing_int (scale->grade))
    for (guint i = n - 1; i > 0; i--)
      {
        const CrsGrading *grading = &g_array_index (status->gradings, CrsGrading, i - 1);
        int value = scale_value (grading, icans);

        if (crs_is_missing_int (value))
          continue;
        scale->last_grade = value;
        scale->last_certainty = icans ? crs_grading_icans_certainty (grading)
                                      : crs_grading_crs_certainty (grading);
        scale->last_at = ((CrsObservation *) g_ptr_array_index (status->sets, i - 1))->taken_at;
        break;
      }

  /* The trend over every set's grade or bound. */
  {
    g_autofree int *values = g_new (int, n);

    for (guint i = 0; i < n; i++)
      values[i] = scale_value (&g_array_index (status->gradings, CrsGrading, i), icans);
    scale->rising = crs_grades_rising (values, n, &newest_value, &before_value);
  }
  scale->previous = before_value;
}

/* An escalation is open while a raise has no acknowledgement after it:
 * a set saved with a red flag is closed by any acknowledgement of it; a
 * late red flag only by one made at or after it was raised; a red flag
 * only grading the newest set today finds (a ward policy changed since
 * it was saved) by any acknowledgement. */
static void
consider_open (Status         *st,
               CrsObservation *set,
               GHashTable     *seen)
{
  CrsPatientStatus *status = &st->status;
  const CrsAcknowledgement *ack;
  const CrsLateRedFlag *late;
  const CrsGrading *numbers;
  CrsOpenFlag *flag = NULL;

  /* The same set may come twice (the newest sets and the store's open
   * ones are read apart): by its id. */
  if (set->superseded_by_id != 0 || (set->id != 0 && !g_hash_table_add (seen, &set->id)))
    return;

  ack = newest_ack (st->acknowledgements, set->id);
  late = newest_late (st->late_flags, set->id);
  numbers = crs_patient_status_numbers (status, set);

  if (late != NULL && (ack == NULL || ack->at < late->at))
    {
      flag = g_new0 (CrsOpenFlag, 1);
      flag->raised_at = late->at;
      flag->late = TRUE;
    }
  else if (ack == NULL &&
           (set->stored_red_flag ||
            (set == status->latest && numbers != NULL && crs_grading_has_red_flag (numbers))))
    {
      flag = g_new0 (CrsOpenFlag, 1);
      flag->raised_at = set->recorded_at != 0 ? set->recorded_at : set->taken_at;
    }
  if (flag == NULL)
    return;
  flag->set = g_object_ref (set);
  g_ptr_array_add (status->open, flag);
}

static void
open_flag_free (CrsOpenFlag *flag)
{
  g_clear_object (&flag->set);
  g_free (flag);
}

static int
compare_open (gconstpointer a,
              gconstpointer b)
{
  const CrsOpenFlag *x = *(CrsOpenFlag * const *) a;
  const CrsOpenFlag *y = *(CrsOpenFlag * const *) b;

  if (x->set->taken_at != y->set->taken_at)
    return x->set->taken_at < y->set->taken_at ? -1 : 1;
  return (x->set->id > y->set->id) - (x->set->id < y->set->id);
}

static void
fill_due (CrsPatientStatus *status)
{
  CrsDueInput input;
  const CrsGrading *latest = status->latest_grading;

  crs_due_input_init (&input);
  input.in_monitoring_window = status->in_window;
  if (status->latest != NULL)
    {
      input.last_at = status->latest->taken_at;
      input.news2_interval_minutes = crs_news2_interval_at_least (latest);
      input.news2_partial = crs_is_missing_int (latest->news2_total);
      input.news2_value = input.news2_partial ? latest->news2_partial_sum : latest->news2_total;
      /* The worst finding counts: the newest set's grade or lower bound;
       * when it has none, the last one known (not knowing never relaxes
       * the observations). */
      input.crs_grade = !crs_is_missing_int (status->crs.grade) ? status->crs.grade : status->crs.last_grade;
      input.icans_grade = !crs_is_missing_int (status->icans.grade) ? status->icans.grade
                                                                     : status->icans.last_grade;
      /* A child: the PEWS level of the newest set (a partial set's at
       * least every 60 minutes, crs-grade-pews.h). */
      input.pews_applies = latest->pews_applies;
      if (latest->pews_applies)
        {
          input.pews_interval_minutes = latest->pews.interval_minutes;
          input.pews_continuous = latest->pews.continuous_monitoring;
          input.pews_level = latest->pews.level;
          input.pews_partial = !latest->pews.complete;
          input.pews_value = latest->pews.complete ? latest->pews.total : latest->pews.total_at_least;
        }
    }
  crs_due_compute (&status->due, &input, &status->policy, status->now);
}

CrsPatientStatus *
crs_patient_status_new (const CrsPatientRecord *record,
                        const CrsWardPolicy    *policy,
                        gint64                  now)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  CrsPatientStatus *status;
  Status *st;

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (record->patient), NULL);

  st = g_new0 (Status, 1);
  status = &st->status;
  status->ref_count = 1;
  status->patient = g_object_ref (record->patient);
  status->now = now;
  if (policy != NULL)
    status->policy = *policy;
  else
    crs_ward_policy_init (&status->policy);
  st->acknowledgements = record->acknowledgements != NULL ? g_ptr_array_ref (record->acknowledgements) : NULL;
  st->late_flags = record->late_flags != NULL ? g_ptr_array_ref (record->late_flags) : NULL;

  /* The infusion, its therapy and window. */
  status->infusion_day = -1;
  status->infusion = crs_patient_current_infusion (record->infusions, now);
  if (status->infusion != NULL)
    {
      g_object_ref (status->infusion);
      status->therapy = record->therapy != NULL ? g_object_ref (record->therapy) : NULL;
      status->window = crs_monitoring_window_new (status->infusion, status->therapy, now);
      status->in_window = window_applies (status->window);
      status->infusion_day = status->window->day;
    }
  status->therapy_error = g_strdup (record->therapy_error);

  /* Every set graded as of now. */
  st->history = crs_grading_history_new (record->patient, record->observations, record->interventions,
                                         record->infusions);
  for (guint i = 0; record->first_fevers != NULL && i + 1 < record->first_fevers->len; i += 2)
    crs_grading_history_set_first_fever (st->history, g_array_index (record->first_fevers, gint64, i),
                                         g_array_index (record->first_fevers, gint64, i + 1));
  status->sets = crs_grading_current_sets (record->observations);
  status->gradings = g_array_sized_new (FALSE, TRUE, sizeof (CrsGrading), status->sets->len);
  g_array_set_size (status->gradings, status->sets->len);
  st->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < status->sets->len; i++)
    {
      CrsObservation *set = g_ptr_array_index (status->sets, i);
      CrsGradingContext context;

      crs_grading_history_context (st->history, set->taken_at, &context);
      crs_grading_compute (&g_array_index (status->gradings, CrsGrading, i), set, &context, &status->policy);
      g_hash_table_insert (st->index, set, GUINT_TO_POINTER (i + 1));
    }

  if (status->sets->len > 0)
    {
      status->latest = g_object_ref (g_ptr_array_index (status->sets, status->sets->len - 1));
      status->latest_grading = crs_patient_status_grade_set (status, status->latest);
      status->latest_ack = newest_ack (st->acknowledgements, status->latest->id);
    }
  fill_scale (st, &status->crs, FALSE);
  fill_scale (st, &status->icans, TRUE);

  /* Open escalations, from the sets given and the store's open ones. */
  status->open = g_ptr_array_new_with_free_func ((GDestroyNotify) open_flag_free);
  for (guint i = 0; i < status->sets->len; i++)
    consider_open (st, g_ptr_array_index (status->sets, i), seen);
  for (guint i = 0; record->open_sets != NULL && i < record->open_sets->len; i++)
    consider_open (st, g_ptr_array_index (record->open_sets, i), seen);
  g_ptr_array_sort (status->open, compare_open);

  fill_due (status);
  return status;
}

CrsPatientStatus *
crs_patient_status_ref (CrsPatientStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
crs_patient_status_unref (CrsPatientStatus *self)
{
  Status *st = (Status *) self;

  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_clear_object (&self->patient);
  g_clear_object (&self->infusion);
  g_clear_object (&self->therapy);
  g_free (self->therapy_error);
  g_clear_pointer (&self->window, crs_monitoring_window_free);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->gradings, g_array_unref);
  g_clear_object (&self->latest);
  g_clear_pointer (&self->latest_grading, crs_grading_free);
  g_clear_pointer (&self->open, g_ptr_array_unref);
  g_clear_pointer (&st->history, crs_grading_history_free);
  g_clear_pointer (&st->acknowledgements, g_ptr_array_unref);
  g_clear_pointer (&st->late_flags, g_ptr_array_unref);
  g_clear_pointer (&st->index, g_hash_table_unref);
  g_free (st);
}

G_DEFINE_BOXED_TYPE (CrsPatientStatus, crs_patient_status, crs_patient_status_ref, crs_patient_status_unref)

void
crs_patient_status_context (CrsPatientStatus  *self,
                            gint64             at,
                            CrsGradingContext *context)
{
  g_return_if_fail (self != NULL);
  crs_grading_history_context (((Status *) self)->history, at, context);
}

CrsGrading *
crs_patient_status_grade_set (CrsPatientStatus *self,
                              CrsObservation   *set)
{
  CrsGradingContext context;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CRS_IS_OBSERVATION (set), NULL);

  crs_patient_status_context (self, set->taken_at, &context);
  return crs_grading_new (set, &context, &self->policy);
}

const CrsGrading *
crs_patient_status_numbers (CrsPatientStatus *self,
                            CrsObservation   *set)
{
  guint position;

  g_return_val_if_fail (self != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (((Status *) self)->index, set));
  return position > 0 ? &g_array_index (self->gradings, CrsGrading, position - 1) : NULL;
}

gboolean
crs_patient_status_latest_flag_open (CrsPatientStatus *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->open->len; i++)
    if (((CrsOpenFlag *) g_ptr_array_index (self->open, i))->set == self->latest)
      return TRUE;
  return FALSE;
}

char *
crs_patient_status_flag_words (CrsPatientStatus  *self,
                               const CrsOpenFlag *flag)
{
  g_autoptr(CrsGrading) grading = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (flag != NULL, NULL);

  grading = crs_patient_status_grade_set (self, flag->set);
  for (guint i = 0; i < grading->red_flags->len; i++)
    g_ptr_array_add (texts, ((CrsRedFlag *) g_ptr_array_index (grading->red_flags, i))->text);
  if (texts->len == 0)
    return NULL;
  return crs_format_join (texts);
}

char *
crs_scale_status_text (const CrsScaleStatus *scale)
{
  g_return_val_if_fail (scale != NULL, NULL);

  switch (scale->certainty)
    {
    case CRS_CERTAINTY_DETERMINED:
      /* TRANSLATORS: a grade and its word, e.g. "2 moderate" */
      return g_strdup_printf (C_("grade", "%d %s"), scale->grade, crs_grade_word (scale->grade));
    case CRS_CERTAINTY_AT_LEAST:
      /* TRANSLATORS: a lower bound of a grade, e.g. "at least 2 moderate" */
      return g_strdup_printf (C_("grade", "at least %d %s"), scale->grade, crs_grade_word (scale->grade));
    case CRS_CERTAINTY_NOT_DETERMINED:
    default:
      return g_strdup (crs_grade_word (CRS_MISSING));
    }
}

static const CrsScaleStatus *
scale_of (CrsPatientStatus *self,
          const char       *scale)
{
  return g_str_equal (scale, "ICANS") ? &self->icans : &self->crs;
}

static char *
value_text (int value)
{
  if (crs_is_missing_int (value))
    return g_strdup (crs_grade_word (CRS_MISSING));
  return g_strdup_printf (C_("grade", "%d %s"), value, crs_grade_word (value));
}

char *
crs_patient_status_differs_text (CrsPatientStatus *self,
                                 const char       *scale)
{
  const CrsScaleStatus *s;
  g_autofree char *now_text = NULL;
  g_autofree char *stored_text = NULL;
  CrsIntervention *dose = NULL;
  CrsGradingContext context;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale != NULL, NULL);

  s = scale_of (self, scale);
  if (self->latest == NULL || !s->differs)
    return NULL;

  now_text = crs_scale_status_text (s);
  stored_text = value_text (s->stored);
  crs_patient_status_context (self, self->latest->taken_at, &context);
  if (!g_str_equal (scale, "ICANS") && context.fever_masked)
    dose = context.masked_by;
  if (dose != NULL)
    {
      g_autofree char *when = crs_format_time (dose->at, self->now);
      g_autofree char *what = crs_intervention_dup_name (dose);
      /* TRANSLATORS: e.g. "CRS 3 severe now; graded 0 none when saved,
       * before the tocilizumab at 00:26 was recorded" */
      return g_strdup_printf (_("%s %s now; graded %s when saved, before the %s at %s was recorded"),
                              scale, now_text, stored_text, what, when);
    }
  /* TRANSLATORS: e.g. "ICANS 4 life-threatening now; graded 3 severe when
   * saved, by the rules or ward policy of that time" */
  return g_strdup_printf (_("%s %s now; graded %s when saved, by the rules or ward policy of that time"),
                          scale, now_text, stored_text);
}

char *
crs_patient_status_last_text (CrsPatientStatus *self,
                              const char       *scale)
{
  const CrsScaleStatus *s;
  g_autofree char *when = NULL;
  g_autofree char *grade = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale != NULL, NULL);

  s = scale_of (self, scale);
  if (s->certainty != CRS_CERTAINTY_NOT_DETERMINED || crs_is_missing_int (s->last_grade))
    return NULL;
  when = crs_format_time (s->last_at, self->now);
  grade = value_text (s->last_grade);
  if (s->last_certainty == CRS_CERTAINTY_AT_LEAST)
    /* TRANSLATORS: e.g. "Last graded at least 2 moderate at 14:05" */
    return g_strdup_printf (_("Last graded at least %s at %s"), grade, when);
  /* TRANSLATORS: e.g. "Last graded 1 mild at 14:05" */
  return g_strdup_printf (_("Last graded %s at %s"), grade, when);
}

gboolean
crs_patient_status_uses_pews (CrsPatientStatus *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return crs_pews_applies_to_age (crs_patient_age_years (self->patient, self->now), &self->policy);
}

int
crs_patient_status_highest_grade (CrsPatientStatus *self)
{
  g_return_val_if_fail (self != NULL, CRS_MISSING);
  if (crs_is_missing_int (self->crs.grade))
    return self->icans.grade;
  if (crs_is_missing_int (self->icans.grade))
    return self->crs.grade;
  return MAX (self->crs.grade, self->icans.grade);
}

/* Whether @value (certainty @certainty) is above the highest so far. */
static gboolean
higher (int          value,
        CrsCertainty certainty,
        int          highest,
        CrsCertainty highest_certainty)
{
  if (crs_is_missing_int (value))
    return FALSE;
  if (crs_is_missing_int (highest) || value > highest)
    return TRUE;
  return value == highest && certainty == CRS_CERTAINTY_DETERMINED &&
         highest_certainty != CRS_CERTAINTY_DETERMINED;
}

void
crs_patient_status_period (CrsPatientStatus *self,
                           gint64            from,
                           gint64            to,
                           CrsStatusPeriod  *period)
{
  Status *st = (Status *) self;

  g_return_if_fail (self != NULL);
  g_return_if_fail (period != NULL);

  *period = (CrsStatusPeriod) {
    .crs = CRS_MISSING,
    .icans = CRS_MISSING,
    .escalated = self->open->len > 0,
  };
  for (guint i = 0; i < self->sets->len; i++)
    {
      CrsObservation *set = g_ptr_array_index (self->sets, i);
      const CrsGrading *grading = &g_array_index (self->gradings, CrsGrading, i);
      int crs = crs_grading_crs_value (grading);
      int icans = crs_grading_icans_value (grading);
      CrsCertainty crs_certainty = crs_grading_crs_certainty (grading);
      CrsCertainty icans_certainty = crs_grading_icans_certainty (grading);

      if (set->taken_at < from || set->taken_at >= to)
        continue;
      period->n_sets++;
      if (higher (crs, crs_certainty, period->crs, period->crs_certainty))
        {
          period->crs = crs;
          period->crs_certainty = crs_certainty;
          period->crs_at = set->taken_at;
        }
      if (higher (icans, icans_certainty, period->icans, period->icans_certainty))
        {
          period->icans = icans;
          period->icans_certainty = icans_certainty;
          period->icans_at = set->taken_at;
        }
      if (set->stored_red_flag || crs_grading_has_red_flag (grading) ||
          newest_late (st->late_flags, set->id) != NULL)
        period->n_flagged++;
    }
  if (period->n_flagged > 0)
    period->escalated = TRUE;
  for (guint i = 0; st->late_flags != NULL && i < st->late_flags->len; i++)
    {
      const CrsLateRedFlag *late = g_ptr_array_index (st->late_flags, i);

      if (late->at >= from && late->at < to)
        period->escalated = TRUE;
    }
}

char *
crs_status_period_text (CrsPatientStatus      *self,
                        const CrsStatusPeriod *period,
                        const char            *scale)
{
  gboolean icans;
  int value;
  g_autofree char *grade = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (scale != NULL, NULL);

  icans = g_str_equal (scale, "ICANS");
  value = icans ? period->icans : period->crs;
  if (crs_is_missing_int (value))
    return g_strdup (period->n_sets > 0 ? _("Not determined in any set of this period")
                                        : _("No sets in this period"));
  grade = value_text (value);
  when = crs_format_time (icans ? period->icans_at : period->crs_at, self->now);
  if ((icans ? period->icans_certainty : period->crs_certainty) == CRS_CERTAINTY_AT_LEAST)
    /* TRANSLATORS: the highest grade of a shift, a lower bound, e.g.
     * "Highest at least 2 moderate at 14:05" */
    return g_strdup_printf (_("Highest at least %s at %s"), grade, when);
  /* TRANSLATORS: the highest grade of a shift, e.g. "Highest 3 severe at 14:05" */
  return g_strdup_printf (_("Highest %s at %s"), grade, when);
}

/* The early-warning score for ordering, NEWS2 for adults and PEWS for
 * children on one ladder: continuous monitoring above any score, a
 * missing score below every recorded one. A child's PEWS level stands
 * where the NEWS2 band of the same response stands (decision): low by its
 * total, as NEWS2 1-4; medium as NEWS2 medium (an urgent review); high and
 * emergency, which call for a rapid review or a 2222 call, as NEWS2 7 or
 * more (continuous monitoring), emergency first. */
#define RANK_CONTINUOUS 100
#define RANK_NEWS2_MEDIUM_TOP 6
#define RANK_NEWS2_LOW_TOP 4

static int
early_warning_rank (CrsPatientStatus *status)
{
  const CrsGrading *grading = status->latest_grading;

  if (status->due.rule == CRS_DUE_RULE_CONTINUOUS_NEWS2)
    return RANK_CONTINUOUS;
  if (grading == NULL)
    return CRS_MISSING;
  if (grading->pews_applies)
    switch (grading->pews.level)
      {
      case CRS_PEWS_LEVEL_EMERGENCY:
        return RANK_CONTINUOUS + 1;
      case CRS_PEWS_LEVEL_HIGH:
        return RANK_CONTINUOUS;
      case CRS_PEWS_LEVEL_MEDIUM:
        return RANK_NEWS2_MEDIUM_TOP;
      case CRS_PEWS_LEVEL_LOW:
        return CLAMP (grading->pews.total_at_least, 1, RANK_NEWS2_LOW_TOP);
      case CRS_PEWS_LEVEL_NONE:
      case CRS_PEWS_LEVEL_N_VALUES:
      default:
        return grading->pews.complete ? 0 : CRS_MISSING;
      }
  return crs_is_missing_int (grading->news2_total) ? CRS_MISSING : grading->news2_total;
}

/* Minutes until due, negative when overdue; patients with no set yet
 * last. */
static gint64
due_rank (CrsPatientStatus *status)
{
  switch (status->due.status)
    {
    case CRS_DUE_OVERDUE:
      return -(gint64) status->due.minutes;
    case CRS_DUE_LATER:
      return status->due.minutes;
    case CRS_DUE_NO_DATA:
    default:
      return G_MAXINT32;
    }
}

#define CMP_DESC(x, y) (((x) < (y)) - ((x) > (y)))
#define CMP_ASC(x, y) (((x) > (y)) - ((x) < (y)))

int
crs_patient_status_compare_urgency (CrsPatientStatus *a,
                                    CrsPatientStatus *b)
{
  int cmp;

  if ((cmp = CMP_DESC (a->open->len > 0, b->open->len > 0)) != 0)
    return cmp;
  if ((cmp = CMP_DESC (a->due.status == CRS_DUE_OVERDUE, b->due.status == CRS_DUE_OVERDUE)) != 0)
    return cmp;
  if ((cmp = CMP_DESC (crs_patient_status_highest_grade (a), crs_patient_status_highest_grade (b))) != 0)
    return cmp;
  if ((cmp = CMP_DESC (early_warning_rank (a), early_warning_rank (b))) != 0)
    return cmp;
  return CMP_ASC (due_rank (a), due_rank (b));
}
