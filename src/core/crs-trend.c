/* crs-trend.c: rising grades and the next observation set. */
#define G_LOG_DOMAIN "crs-trend"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-format.h"
#include "crs-trend.h"

#define SECONDS_PER_MINUTE 60

void
crs_due_compute (CrsDue              *due,
                 gint64               last_at,
                 int                  news2_interval_minutes,
                 gboolean             in_monitoring_window,
                 const CrsWardPolicy *policy,
                 gint64               now)
{
  CrsWardPolicy default_policy;
  int interval;

  g_return_if_fail (due != NULL);

  if (policy == NULL)
    {
      crs_ward_policy_init (&default_policy);
      policy = &default_policy;
    }

  *due = (CrsDue) { .status = CRS_DUE_NO_DATA, .interval_minutes = CRS_MISSING };
  if (last_at == 0)
    return;

  due->last_at = last_at;
  if (crs_is_missing_int (news2_interval_minutes))
    {
      /* No NEWS2 frequency (a child: NEWS2 is not used below the ward's
       * age). The ward's window interval applies at all times: the rule
       * used when nothing is known of the onset, so that not knowing
       * never relaxes the observations (crs_ward_entry_window_applies). */
      CrsWardPolicy defaults;

      crs_ward_policy_init (&defaults);
      interval = policy->window_interval_minutes > 0 ? policy->window_interval_minutes
                                                     : defaults.window_interval_minutes;
      due->by_window = TRUE;
      due->no_news2 = TRUE;
    }
  else
    {
      interval = news2_interval_minutes;
      if (in_monitoring_window && policy->window_interval_minutes > 0 &&
          policy->window_interval_minutes < interval)
        {
          interval = policy->window_interval_minutes;
          due->by_window = TRUE;
        }
    }
  due->interval_minutes = interval;

  if (interval == 0)
    {
      due->status = CRS_DUE_CONTINUOUS;
      return;
    }

  due->due_at = last_at + (gint64) interval * SECONDS_PER_MINUTE;
  if (now > due->due_at)
    {
      due->status = CRS_DUE_OVERDUE;
      due->minutes = (int) ((now - due->due_at + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE);
    }
  else
    {
      due->status = CRS_DUE_LATER;
      due->minutes = (int) ((due->due_at - now + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE);
    }
}

static char *
due_sentence (const CrsDue *due)
{
  g_autofree char *duration = NULL;

  switch (due->status)
    {
    case CRS_DUE_LATER:
      if (due->minutes == 0)
        return g_strdup (_("Due now"));
      duration = crs_format_duration (due->minutes);
      /* TRANSLATORS: e.g. "Due in 20 minutes" */
      return g_strdup_printf (_("Due in %s"), duration);
    case CRS_DUE_OVERDUE:
      duration = crs_format_duration (due->minutes);
      /* TRANSLATORS: e.g. "Overdue by 45 minutes" */
      return g_strdup_printf (_("Overdue by %s"), duration);
    case CRS_DUE_CONTINUOUS:
      return g_strdup (_("Monitor vital signs continuously (NEWS2 7 or more)"));
    case CRS_DUE_NO_DATA:
    default:
      return g_strdup (_("No observations yet"));
    }
}

char *
crs_due_to_string (const CrsDue *due)
{
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (due != NULL, NULL);

  sentence = due_sentence (due);
  if (due->no_news2 && (due->status == CRS_DUE_LATER || due->status == CRS_DUE_OVERDUE))
    /* TRANSLATORS: e.g. "Due in 2 hours (ward interval)": no NEWS2 for
     * this patient's age, so the ward's own interval set the time */
    return g_strdup_printf (_("%s (ward interval)"), sentence);
  return g_steal_pointer (&sentence);
}

gboolean
crs_trend_grade_rising (const int *grades,
                        gsize      n_grades,
                        int       *latest,
                        int       *previous)
{
  int last = CRS_MISSING;
  int before = CRS_MISSING;

  for (gsize i = n_grades; i > 0; i--)
    {
      int grade = grades[i - 1];
      if (crs_is_missing_int (grade))
        continue;
      if (crs_is_missing_int (last))
        last = grade;
      else
        {
          before = grade;
          break;
        }
    }

  if (latest != NULL)
    *latest = last;
  if (previous != NULL)
    *previous = before;
  return !crs_is_missing_int (last) && !crs_is_missing_int (before) && last > before;
}

/* When every set was stored with its grades (the usual case, from the
 * store), the trend reads them and grades only the latest set for its
 * NEWS2 frequency: the ward list stays fast with long series. Otherwise
 * the whole series is graded, each set with its own history. */
void
crs_trend_compute (CrsTrend            *trend,
                   CrsPatient          *patient,
                   GPtrArray           *observations,
                   GPtrArray           *interventions,
                   GPtrArray           *infusions,
                   gboolean             in_monitoring_window,
                   const CrsWardPolicy *policy,
                   gint64               now)
{
  g_autoptr(GPtrArray) sorted = crs_grading_current_sets (observations);
  g_autoptr(GPtrArray) gradings = NULL;
  g_autoptr(CrsGrading) latest_grading = NULL;
  g_autofree int *crs = g_new (int, MAX (sorted->len, 1));
  g_autofree int *icans = g_new (int, MAX (sorted->len, 1));
  gboolean all_stored = TRUE;
  CrsGrading *latest = NULL;

  g_return_if_fail (trend != NULL);

  for (guint i = 0; i < sorted->len; i++)
    if (((CrsObservation *) g_ptr_array_index (sorted, i))->stored_rules == NULL)
      all_stored = FALSE;

  if (all_stored && sorted->len > 0)
    {
      CrsObservation *last = g_ptr_array_index (sorted, sorted->len - 1);
      CrsGradingContext context;

      /* NEWS2 needs only the SpO2 scale and the age from the context. */
      crs_grading_context_init (&context);
      if (patient != NULL && patient->spo2_scale == 2)
        context.spo2_scale = 2;
      if (patient != NULL)
        context.age_years = crs_patient_age_years (patient, last->taken_at);
      latest_grading = crs_grading_new (last, &context, policy);
      latest = latest_grading;
    }
  else if (sorted->len > 0)
    {
      g_clear_pointer (&sorted, g_ptr_array_unref);
      gradings = crs_grading_grade_series (patient, observations, interventions, infusions, policy, &sorted);
      latest = g_ptr_array_index (gradings, gradings->len - 1);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      CrsObservation *observation = g_ptr_array_index (sorted, i);

      if (observation->stored_rules != NULL)
        {
          crs[i] = observation->stored_crs_grade;
          icans[i] = observation->stored_icans_grade;
        }
      else
        {
          CrsGrading *grading = g_ptr_array_index (gradings, i);
          crs[i] = grading->crs_grade;
          icans[i] = grading->icans_grade;
        }
    }

  trend->crs_rising = crs_trend_grade_rising (crs, sorted->len, &trend->crs_latest, &trend->crs_previous);
  trend->icans_rising = crs_trend_grade_rising (icans, sorted->len, &trend->icans_latest, &trend->icans_previous);

  if (latest == NULL)
    crs_due_compute (&trend->due, 0, CRS_MISSING, in_monitoring_window, policy, now);
  else
    {
      CrsObservation *last = g_ptr_array_index (sorted, sorted->len - 1);

      crs_due_compute (&trend->due, last->taken_at, crs_news2_interval_at_least (latest),
                       in_monitoring_window, policy, now);
      trend->due.partial_news2 = crs_is_missing_int (latest->news2_total) && !latest->news2_not_applicable;
    }
}

gboolean
crs_trend_is_rising (const CrsTrend *trend)
{
  g_return_val_if_fail (trend != NULL, FALSE);
  return trend->crs_rising || trend->icans_rising;
}
