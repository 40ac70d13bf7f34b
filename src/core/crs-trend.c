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
  if (last_at == 0 || crs_is_missing_int (news2_interval_minutes))
    return;

  due->last_at = last_at;
  interval = news2_interval_minutes;
  if (in_monitoring_window && policy->window_interval_minutes > 0 &&
      policy->window_interval_minutes < interval)
    {
      interval = policy->window_interval_minutes;
      due->by_window = TRUE;
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

char *
crs_due_to_string (const CrsDue *due)
{
  g_autofree char *duration = NULL;

  g_return_val_if_fail (due != NULL, NULL);

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
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) gradings = NULL;
  g_autofree int *crs = NULL;
  g_autofree int *icans = NULL;

  g_return_if_fail (trend != NULL);

  gradings = crs_grading_grade_series (patient, observations, interventions, infusions, policy, &sorted);
  crs = g_new (int, MAX (sorted->len, 1));
  icans = g_new (int, MAX (sorted->len, 1));
  for (guint i = 0; i < sorted->len; i++)
    {
      CrsObservation *observation = g_ptr_array_index (sorted, i);
      CrsGrading *grading = g_ptr_array_index (gradings, i);
      gboolean stored = observation->stored_rules != NULL;

      crs[i] = stored ? observation->stored_crs_grade : grading->crs_grade;
      icans[i] = stored ? observation->stored_icans_grade : grading->icans_grade;
    }

  trend->crs_rising = crs_trend_grade_rising (crs, sorted->len, &trend->crs_latest, &trend->crs_previous);
  trend->icans_rising = crs_trend_grade_rising (icans, sorted->len, &trend->icans_latest, &trend->icans_previous);

  if (sorted->len == 0)
    crs_due_compute (&trend->due, 0, CRS_MISSING, in_monitoring_window, policy, now);
  else
    {
      CrsObservation *latest = g_ptr_array_index (sorted, sorted->len - 1);
      CrsGrading *grading = g_ptr_array_index (gradings, gradings->len - 1);

      crs_due_compute (&trend->due, latest->taken_at, crs_news2_interval_at_least (grading),
                       in_monitoring_window, policy, now);
      trend->due.partial_news2 = crs_is_missing_int (grading->news2_total);
    }
}

gboolean
crs_trend_is_rising (const CrsTrend *trend)
{
  g_return_val_if_fail (trend != NULL, FALSE);
  return trend->crs_rising || trend->icans_rising;
}
