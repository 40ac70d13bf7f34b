/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-due.c: the next observation set (the rules are in crs-due.h). */
#define G_LOG_DOMAIN "crs-due"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-due.h"
#include "crs-format.h"
#include "crs-model.h"

#define SECONDS_PER_MINUTE 60

/* Grades from which the grade rules apply (grading.md §6). */
#define GRADE_CONTINUOUS_MIN 2
#define GRADE_INTERVAL_MIN   1

void
crs_due_input_init (CrsDueInput *input)
{
  g_return_if_fail (input != NULL);

  *input = (CrsDueInput) {
    .news2_interval_minutes = CRS_MISSING,
    .news2_value = CRS_MISSING,
    .crs_grade = CRS_MISSING,
    .icans_grade = CRS_MISSING,
    .pews_interval_minutes = CRS_MISSING,
    .pews_value = CRS_MISSING,
  };
}

typedef struct
{
  int         minutes;
  CrsDueRule  rule;
  gboolean    continuous;
  const char *scale;
  int         value;
} Candidate;

static void
consider (Candidate  *best,
          int         minutes,
          CrsDueRule  rule,
          gboolean    continuous,
          const char *scale,
          int         value)
{
  /* The earliest wins; on a tie, the rule listed first in CrsDueRule
   * (the grade before NEWS2 before the window) names it. */
  if (best->rule != CRS_DUE_RULE_NONE &&
      (minutes > best->minutes || (minutes == best->minutes && rule > best->rule)))
    return;
  *best = (Candidate) { minutes, rule, continuous, scale, value };
}

void
crs_due_compute (CrsDue              *due,
                 const CrsDueInput   *input,
                 const CrsWardPolicy *policy,
                 gint64               now)
{
  CrsWardPolicy defaults;
  Candidate best = { 0, CRS_DUE_RULE_NONE, FALSE, NULL, CRS_MISSING };
  int gap, grade;
  const char *scale;

  g_return_if_fail (due != NULL);
  g_return_if_fail (input != NULL);

  crs_ward_policy_init (&defaults);
  if (policy == NULL)
    policy = &defaults;
  gap = policy->continuous_max_gap_minutes > 0 ? policy->continuous_max_gap_minutes
                                               : defaults.continuous_max_gap_minutes;

  *due = (CrsDue) { .status = CRS_DUE_NO_DATA, .interval_minutes = CRS_MISSING, .rule_value = CRS_MISSING };
  if (input->last_at == 0)
    return;

  /* The grade that counts: the higher of CRS and ICANS (CRS on a tie). */
  grade = input->crs_grade;
  scale = "CRS";
  if (!crs_is_missing_int (input->icans_grade) && input->icans_grade > grade)
    {
      grade = input->icans_grade;
      scale = "ICANS";
    }
  if (!crs_is_missing_int (grade) && grade >= GRADE_CONTINUOUS_MIN)
    consider (&best, gap, CRS_DUE_RULE_CONTINUOUS_GRADE, TRUE, scale, grade);
  else if (!crs_is_missing_int (grade) && grade >= GRADE_INTERVAL_MIN)
    consider (&best, policy->grade1_interval_minutes > 0 ? policy->grade1_interval_minutes
                                                         : defaults.grade1_interval_minutes,
              CRS_DUE_RULE_GRADE_1, FALSE, scale, grade);

  if (crs_is_missing_int (input->news2_interval_minutes))
    /* No NEWS2 (a child): the ward's interval applies at all times. */
    consider (&best, policy->window_interval_minutes > 0 ? policy->window_interval_minutes
                                                         : defaults.window_interval_minutes,
              CRS_DUE_RULE_WARD_INTERVAL, FALSE, NULL, CRS_MISSING);
  else if (input->news2_interval_minutes == 0)
    consider (&best, gap, CRS_DUE_RULE_CONTINUOUS_NEWS2, TRUE, NULL, input->news2_value);
  else
    consider (&best, input->news2_interval_minutes,
              input->news2_partial ? CRS_DUE_RULE_NEWS2_PARTIAL : CRS_DUE_RULE_NEWS2,
              FALSE, NULL, input->news2_value);

  /* A child: the PEWS level's minimal observations (crs-grade-pews.h). */
  if (input->pews_applies && !crs_is_missing_int (input->pews_interval_minutes))
    consider (&best, input->pews_interval_minutes, CRS_DUE_RULE_PEWS, input->pews_continuous, NULL,
              input->pews_value);

  if (input->in_monitoring_window && policy->window_interval_minutes > 0)
    consider (&best, policy->window_interval_minutes, CRS_DUE_RULE_WINDOW, FALSE, NULL, CRS_MISSING);

  due->last_at = input->last_at;
  due->rule = best.rule;
  due->continuous = best.continuous;
  due->rule_scale = best.scale;
  due->rule_value = best.value;
  if (best.rule == CRS_DUE_RULE_PEWS)
    {
      due->rule_level = input->pews_level;
      due->rule_partial = input->pews_partial;
    }
  due->interval_minutes = best.minutes;
  due->due_at = input->last_at + (gint64) best.minutes * SECONDS_PER_MINUTE;
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
crs_due_rule_to_string (const CrsDue *due)
{
  g_return_val_if_fail (due != NULL, NULL);

  switch (due->rule)
    {
    case CRS_DUE_RULE_CONTINUOUS_GRADE:
    case CRS_DUE_RULE_GRADE_1:
      /* TRANSLATORS: the rule that set the due time, e.g. "ICANS grade 3" */
      return g_strdup_printf (_("%s grade %d"), due->rule_scale, due->rule_value);
    case CRS_DUE_RULE_CONTINUOUS_NEWS2:
    case CRS_DUE_RULE_NEWS2:
      /* TRANSLATORS: the rule that set the due time, e.g. "NEWS2 5" */
      return g_strdup_printf (_("NEWS2 %d"), due->rule_value);
    case CRS_DUE_RULE_NEWS2_PARTIAL:
      if (!crs_is_missing_int (due->rule_value) && due->rule_value > 0)
        /* TRANSLATORS: a partial NEWS2, e.g. "NEWS2 at least 5" */
        return g_strdup_printf (_("NEWS2 at least %d"), due->rule_value);
      return g_strdup (_("NEWS2 incomplete"));
    case CRS_DUE_RULE_PEWS:
      if (due->rule_partial)
        /* TRANSLATORS: the rule that set the due time: a partial PEWS and
         * its level, e.g. "PEWS at least 4, low" */
        return g_strdup_printf (_("PEWS at least %d, %s"), due->rule_value, crs_pews_level_label (due->rule_level));
      /* TRANSLATORS: the rule that set the due time: PEWS and its level, e.g. "PEWS 6, medium" */
      return g_strdup_printf (_("PEWS %d, %s"), due->rule_value, crs_pews_level_label (due->rule_level));
    case CRS_DUE_RULE_WINDOW:
      return g_strdup (_("monitoring window"));
    case CRS_DUE_RULE_WARD_INTERVAL:
      return g_strdup (_("ward interval"));
    case CRS_DUE_RULE_NONE:
    default:
      return g_strdup ("");
    }
}

char *
crs_due_to_string (const CrsDue *due)
{
  g_autofree char *duration = NULL;
  g_autofree char *rule = NULL;

  g_return_val_if_fail (due != NULL, NULL);

  if (due->status == CRS_DUE_NO_DATA)
    return g_strdup (_("No observations yet"));

  rule = crs_due_rule_to_string (due);
  duration = crs_format_duration (due->minutes);
  if (due->continuous)
    {
      if (due->status == CRS_DUE_OVERDUE)
        /* TRANSLATORS: e.g. "Monitor continuously; a set is overdue by 10
         * minutes (NEWS2 8)" */
        return g_strdup_printf (_("Monitor continuously; a set is overdue by %s (%s)"), duration, rule);
      if (due->minutes == 0)
        return g_strdup_printf (_("Monitor continuously; a set is due now (%s)"), rule);
      /* TRANSLATORS: e.g. "Monitor continuously; next set due in 40
       * minutes (ICANS grade 3)" */
      return g_strdup_printf (_("Monitor continuously; next set due in %s (%s)"), duration, rule);
    }
  if (due->status == CRS_DUE_OVERDUE)
    /* TRANSLATORS: e.g. "Overdue by 45 minutes (NEWS2 3)" */
    return g_strdup_printf (_("Overdue by %s (%s)"), duration, rule);
  if (due->minutes == 0)
    /* TRANSLATORS: e.g. "Due now (CRS grade 1)" */
    return g_strdup_printf (_("Due now (%s)"), rule);
  /* TRANSLATORS: e.g. "Due in 20 minutes (NEWS2 5)" */
  return g_strdup_printf (_("Due in %s (%s)"), duration, rule);
}
