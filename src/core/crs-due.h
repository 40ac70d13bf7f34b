/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-due.h: when the next observation set is due, and which rule says so.
 *
 * The next set is due at the earliest of (shared/clinical/grading.md §5b
 * and §6; crs-ward-policy.h for the ward's settings):
 *  - the NEWS2 minimum monitoring frequency of the newest set (RCP 2017
 *    chart 4), or, for a partial set, of the band its recorded
 *    parameters already reach (never less often than 4-hourly);
 *  - the grade: CRS or ICANS grade 1 at most every grade1_interval_minutes
 *    (default 4-hourly); grade 2 or more "monitor continuously", with at
 *    most continuous_max_gap_minutes (default 1 hour) between recorded
 *    sets;
 *  - NEWS2 7 or more: continuous monitoring of vital signs (chart 4), with
 *    the same longest gap;
 *  - the ward's monitoring-window interval while the therapy's onset
 *    window is open;
 *  - for a patient NEWS2 is not used for (a child), the PEWS level's
 *    minimal observations (NHS England PEWS charts, 2023: reassess within
 *    60 minutes at low, 30 at medium, every 30 minutes at high and 15 at
 *    emergency, with continuous monitoring from medium; a partial set at
 *    least every 60 minutes; crs-grade-pews.h), and the ward's interval
 *    at all times (G9: the chart gives none at PEWS 0; not knowing never
 *    relaxes the observations).
 * Continuous monitoring is watched at the bedside; the app still asks for
 * a recorded set at least every continuous_max_gap_minutes and says it is
 * overdue after that. */
#pragma once

#include <glib.h>

#include "crs-grade-pews.h"
#include "crs-ward-policy.h"

G_BEGIN_DECLS

typedef enum {
  CRS_DUE_NO_DATA = 0,   /* no observation set yet */
  CRS_DUE_LATER,         /* due at due_at, still ahead */
  CRS_DUE_OVERDUE,       /* due_at has passed */
} CrsDueStatus;

typedef enum {
  CRS_DUE_RULE_NONE = 0,
  CRS_DUE_RULE_CONTINUOUS_GRADE,  /* CRS or ICANS grade 2 or more: continuous monitoring */
  CRS_DUE_RULE_CONTINUOUS_NEWS2,  /* NEWS2 7 or more: continuous monitoring */
  CRS_DUE_RULE_GRADE_1,           /* CRS or ICANS grade 1 */
  CRS_DUE_RULE_NEWS2,             /* the NEWS2 frequency of a complete score */
  CRS_DUE_RULE_NEWS2_PARTIAL,     /* the band a partial NEWS2 already reaches */
  CRS_DUE_RULE_PEWS,              /* a child's PEWS level (added with PEWS) */
  CRS_DUE_RULE_WINDOW,            /* the therapy's monitoring window is open */
  CRS_DUE_RULE_WARD_INTERVAL,     /* no NEWS2 for the patient's age: the ward's interval */
} CrsDueRule;

/* What the due time is worked out from. */
typedef struct
{
  gint64       last_at;                 /* when the newest set was taken; 0 = none */
  int          news2_interval_minutes;  /* crs_news2_interval_at_least(); CRS_MISSING = no NEWS2 */
  gboolean     news2_partial;           /* that interval is a partial set's */
  int          news2_value;             /* the total, or the partial sum, for the words */
  int          crs_grade;               /* the grade or its lower bound that counts; CRS_MISSING */
  int          icans_grade;
  gboolean     in_monitoring_window;
  /* Added with PEWS, for a child: the level's interval (CRS_MISSING at
   * level none: the ward's interval), whether it asks for continuous
   * monitoring, and for the words the level, the total or the partial
   * sum, and whether the set was partial. */
  gboolean     pews_applies;
  int          pews_interval_minutes;
  gboolean     pews_continuous;
  CrsPewsLevel pews_level;
  int          pews_value;
  gboolean     pews_partial;
} CrsDueInput;

typedef struct
{
  CrsDueStatus status;
  CrsDueRule   rule;              /* the rule that set due_at */
  gboolean     continuous;        /* monitor continuously (grade 2+ or NEWS2 7+) */
  gint64       last_at;           /* when the newest set was taken; 0 = none */
  gint64       due_at;            /* when the next set is due; 0 for NO_DATA */
  int          interval_minutes;  /* the interval applied; CRS_MISSING = no data */
  int          minutes;           /* due in (LATER) or overdue by (OVERDUE), rounded up */
  /* For the words: the scale and grade of a grade rule ("ICANS grade 3"),
   * the NEWS2 value of a NEWS2 rule. */
  const char  *rule_scale;        /* "CRS" or "ICANS", static */
  int          rule_value;
  /* For the words of the PEWS rule: the level and whether the set was
   * partial (rule_value is then the sum of what was recorded). */
  CrsPewsLevel rule_level;
  gboolean     rule_partial;
} CrsDue;

void  crs_due_input_init  (CrsDueInput         *input);
void  crs_due_compute     (CrsDue              *due,
                           const CrsDueInput   *input,
                           const CrsWardPolicy *policy,
                           gint64               now);
/* "Due in 20 minutes (NEWS2 5)", "Overdue by 1 hour 45 minutes (CRS
 * grade 1)", "Due in 25 minutes (PEWS 6, medium)", "Monitor continuously; next set due in 40 minutes (ICANS
 * grade 3)", "No observations yet". Translated. */
char *crs_due_to_string   (const CrsDue        *due);
/* The rule alone, for people: "ICANS grade 3: monitor continuously". */
char *crs_due_rule_to_string (const CrsDue     *due);

G_END_DECLS
