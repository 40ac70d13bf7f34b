/* crs-trend.h: where a patient's grades are heading and when the next
 * observation set is due.
 *
 * "Mild CRS can worsen over days" (the seed article): a rising grade is
 * shown, not only the latest value. The next set is due after the NEWS2
 * minimum monitoring frequency of the latest set (RCP 2017 chart 4), or
 * the ward's window interval while the patient is inside a therapy's
 * monitoring window, whichever is stricter. NEWS2 7 or more means
 * continuous monitoring of vital signs: no set is "due", the patient is
 * watched all the time. A patient too young for NEWS2 (the ward's
 * news2_min_age) has no NEWS2 frequency: the ward's window interval
 * applies, in or out of the window, as it does whenever nothing is known
 * of the therapy's onset (not knowing never relaxes the observations). */
#pragma once

#include <glib.h>

#include "crs-grading.h"

G_BEGIN_DECLS

typedef enum {
  CRS_DUE_NO_DATA = 0,   /* no observation set yet */
  CRS_DUE_LATER,         /* due at due_at, still ahead */
  CRS_DUE_OVERDUE,       /* due_at has passed */
  CRS_DUE_CONTINUOUS,    /* NEWS2 7 or more: monitor continuously */
} CrsDueStatus;

typedef struct
{
  CrsDueStatus status;
  gint64       last_at;           /* when the latest set was taken; 0 = none */
  gint64       due_at;            /* when the next set is due; 0 for NO_DATA and CONTINUOUS */
  int          interval_minutes;  /* the interval applied; 0 = continuous; CRS_MISSING = no data */
  gboolean     by_window;         /* the monitoring-window interval was the stricter */
  gboolean     partial_news2;     /* the latest set had no complete NEWS2 */
  int          minutes;           /* due in (LATER) or overdue by (OVERDUE), rounded up */
  /* Added with the paediatric rule: */
  gboolean     no_news2;          /* no NEWS2 frequency (not used for the patient's age):
                                   * the ward's window interval applied; by_window is TRUE */
} CrsDue;

/* Works out @due from the latest set's time (@last_at, 0 = no set) and
 * NEWS2 interval (crs_news2_interval_at_least(); CRS_MISSING = none, as
 * for a patient too young for NEWS2: the ward's window interval applies
 * whether or not @in_monitoring_window). */
void  crs_due_compute   (CrsDue              *due,
                         gint64               last_at,
                         int                  news2_interval_minutes,
                         gboolean             in_monitoring_window,
                         const CrsWardPolicy *policy,
                         gint64               now);
/* "Due in 20 minutes", "Overdue by 1 hour 45 minutes", "Monitor
 * continuously (NEWS2 7 or more)", "No observations yet"; "Due in 2
 * hours (ward interval)" when no NEWS2 frequency applied. Translated. */
char *crs_due_to_string (const CrsDue        *due);

/* Over grades oldest first (CRS_MISSING = undetermined, skipped): TRUE when
 * the latest determined grade is above the one before it. @latest and
 * @previous (may be NULL) receive the two grades or CRS_MISSING. */
gboolean crs_trend_grade_rising (const int *grades,
                                 gsize      n_grades,
                                 int       *latest,
                                 int       *previous);

typedef struct
{
  int      crs_latest;       /* latest determined CRS grade, CRS_MISSING if none */
  int      crs_previous;     /* the determined one before it */
  gboolean crs_rising;
  int      icans_latest;
  int      icans_previous;
  gboolean icans_rising;
  CrsDue   due;
} CrsTrend;

/* Everything the ward list shows for one patient. Grades are the stored
 * ones for sets that were stored with grades, and are worked out
 * (crs_grading_grade_series()) for the others. @patient may be NULL;
 * @in_monitoring_window comes from the therapy reference. */
void     crs_trend_compute   (CrsTrend            *trend,
                              CrsPatient          *patient,
                              GPtrArray           *observations,
                              GPtrArray           *interventions,
                              GPtrArray           *infusions,
                              gboolean             in_monitoring_window,
                              const CrsWardPolicy *policy,
                              gint64               now);
gboolean crs_trend_is_rising (const CrsTrend      *trend);

G_END_DECLS
