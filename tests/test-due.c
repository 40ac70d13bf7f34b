/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-due.c: when the next set is due and which rule says so
 * (core/crs-due.h), at every edge of the rules: RCP 2017 chart 4 (NEWS2
 * 0 12-hourly, 1-4 4-hourly, a single 3 or 5-6 hourly, 7+ continuous),
 * and the ward's rules of grading.md §6 (grade 1 at most 4-hourly; grade
 * 2+ or NEWS2 7+ continuous with a set at least hourly; the window
 * interval; the ward interval for a patient NEWS2 is not used for). */
#define G_LOG_DOMAIN "test-due"

#include "config.h"

#include <glib.h>

#include "core/crs-due.h"
#include "core/crs-model.h"

#define MINUTE 60
#define T0 ((gint64) 1709294400)

typedef struct
{
  const char *name;
  int         news2_interval;   /* CRS_MISSING = no NEWS2 (a child) */
  gboolean    partial;
  int         news2_value;
  int         crs;
  int         icans;
  gboolean    in_window;
  int         since_minutes;    /* how long ago the set was taken */
  CrsDueRule  rule;
  int         interval;
  gboolean    continuous;
  const char *text;             /* exactly, or NULL */
} DueCase;

static const DueCase cases[] = {
  { "NEWS2 0", 720, FALSE, 0, 0, 0, FALSE, 0, CRS_DUE_RULE_NEWS2, 720, FALSE, "Due in 12 hours (NEWS2 0)" },
  { "NEWS2 3", 240, FALSE, 3, 0, 0, FALSE, 60, CRS_DUE_RULE_NEWS2, 240, FALSE, "Due in 3 hours (NEWS2 3)" },
  { "NEWS2 5", 60, FALSE, 5, 0, 0, FALSE, 0, CRS_DUE_RULE_NEWS2, 60, FALSE, "Due in 1 hour (NEWS2 5)" },
  { "NEWS2 8, continuous", 0, FALSE, 8, 0, 0, FALSE, 20, CRS_DUE_RULE_CONTINUOUS_NEWS2, 60, TRUE,
    "Monitor continuously; next set due in 40 minutes (NEWS2 8)" },
  { "NEWS2 8, overdue", 0, FALSE, 8, 0, 0, FALSE, 61, CRS_DUE_RULE_CONTINUOUS_NEWS2, 60, TRUE,
    "Monitor continuously; a set is overdue by 1 minute (NEWS2 8)" },
  { "partial NEWS2", 240, TRUE, 2, 0, 0, FALSE, 0, CRS_DUE_RULE_NEWS2_PARTIAL, 240, FALSE,
    "Due in 4 hours (NEWS2 at least 2)" },
  { "partial NEWS2 nothing", 240, TRUE, 0, 0, 0, FALSE, 0, CRS_DUE_RULE_NEWS2_PARTIAL, 240, FALSE,
    "Due in 4 hours (NEWS2 incomplete)" },
  { "CRS 1 beats NEWS2 0", 720, FALSE, 0, 1, 0, FALSE, 0, CRS_DUE_RULE_GRADE_1, 240, FALSE,
    "Due in 4 hours (CRS grade 1)" },
  { "ICANS 1 ties NEWS2 2", 240, FALSE, 2, 0, 1, FALSE, 0, CRS_DUE_RULE_GRADE_1, 240, FALSE,
    "Due in 4 hours (ICANS grade 1)" },
  { "NEWS2 5 beats CRS 1", 60, FALSE, 5, 1, 0, FALSE, 0, CRS_DUE_RULE_NEWS2, 60, FALSE, NULL },
  { "CRS 2 continuous", 720, FALSE, 0, 2, 0, FALSE, 0, CRS_DUE_RULE_CONTINUOUS_GRADE, 60, TRUE,
    "Monitor continuously; next set due in 1 hour (CRS grade 2)" },
  { "ICANS 3 over CRS 2", 720, FALSE, 0, 2, 3, FALSE, 0, CRS_DUE_RULE_CONTINUOUS_GRADE, 60, TRUE,
    "Monitor continuously; next set due in 1 hour (ICANS grade 3)" },
  { "grade before NEWS2 on a tie", 0, FALSE, 9, 3, 0, FALSE, 0, CRS_DUE_RULE_CONTINUOUS_GRADE, 60, TRUE, NULL },
  { "window", 720, FALSE, 0, 0, 0, TRUE, 0, CRS_DUE_RULE_WINDOW, 240, FALSE, "Due in 4 hours (monitoring window)" },
  { "child, ward interval", CRS_MISSING, FALSE, CRS_MISSING, 0, 0, FALSE, 250, CRS_DUE_RULE_WARD_INTERVAL, 240,
    FALSE, "Overdue by 10 minutes (ward interval)" },
  { "child with ICANS 2", CRS_MISSING, FALSE, CRS_MISSING, 0, 2, FALSE, 0, CRS_DUE_RULE_CONTINUOUS_GRADE, 60,
    TRUE, NULL },
  { "grades unknown", 720, FALSE, 0, CRS_MISSING, CRS_MISSING, FALSE, 720, CRS_DUE_RULE_NEWS2, 720, FALSE,
    "Due now (NEWS2 0)" },
};

static void
test_case (gconstpointer data)
{
  const DueCase *c = data;
  CrsDueInput input;
  CrsDue due;
  g_autofree char *text = NULL;

  crs_due_input_init (&input);
  input.last_at = T0 - (gint64) c->since_minutes * MINUTE;
  input.news2_interval_minutes = c->news2_interval;
  input.news2_partial = c->partial;
  input.news2_value = c->news2_value;
  input.crs_grade = c->crs;
  input.icans_grade = c->icans;
  input.in_monitoring_window = c->in_window;
  crs_due_compute (&due, &input, NULL, T0);

  text = crs_due_to_string (&due);
  g_test_message ("%s: %s", c->name, text);
  g_assert_cmpint (due.rule, ==, c->rule);
  g_assert_cmpint (due.interval_minutes, ==, c->interval);
  g_assert_cmpint (due.continuous, ==, c->continuous);
  g_assert_cmpint (due.due_at, ==, input.last_at + (gint64) c->interval * MINUTE);
  if (c->text != NULL)
    g_assert_cmpstr (text, ==, c->text);
}

/* A child's PEWS level (NHS England PEWS charts, 2023: low within 60
 * minutes, medium within 30, high every 30, emergency every 15, with
 * continuous monitoring from medium), against the grade rules and the
 * ward's interval: whichever is sooner. */
static void
test_pews (void)
{
  const struct {
    const char  *name;
    int          interval;
    gboolean     continuous;
    CrsPewsLevel level;
    int          value;
    gboolean     partial;
    int          crs;
    int          since;
    CrsDueRule   rule;
    const char  *text;
  } pews_cases[] = {
    { "low", 60, FALSE, CRS_PEWS_LEVEL_LOW, 3, FALSE, 0, 0, CRS_DUE_RULE_PEWS, "Due in 1 hour (PEWS 3, low)" },
    { "emergency overdue", 15, TRUE, CRS_PEWS_LEVEL_EMERGENCY, 13, FALSE, 0, 20, CRS_DUE_RULE_PEWS,
      "Monitor continuously; a set is overdue by 5 minutes (PEWS 13, emergency)" },
    { "partial", 60, FALSE, CRS_PEWS_LEVEL_LOW, 2, TRUE, 0, 0, CRS_DUE_RULE_PEWS, "Due in 1 hour (PEWS at least 2, low)" },
    /* PEWS 0 gives no interval: the ward's (G9). */
    { "none", CRS_MISSING, FALSE, CRS_PEWS_LEVEL_NONE, 0, FALSE, 0, 0, CRS_DUE_RULE_WARD_INTERVAL,
      "Due in 4 hours (ward interval)" },
    /* CRS 2 asks for a set within the hour; medium within 30 minutes. */
    { "medium before CRS 2", 30, TRUE, CRS_PEWS_LEVEL_MEDIUM, 6, FALSE, 2, 0, CRS_DUE_RULE_PEWS,
      "Monitor continuously; next set due in 30 minutes (PEWS 6, medium)" },
    /* On a tie the grade names the rule. */
    { "low ties CRS 2", 60, FALSE, CRS_PEWS_LEVEL_LOW, 1, FALSE, 2, 0, CRS_DUE_RULE_CONTINUOUS_GRADE,
      "Monitor continuously; next set due in 1 hour (CRS grade 2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pews_cases); i++)
    {
      CrsDueInput input;
      CrsDue due;
      g_autofree char *text = NULL;

      crs_due_input_init (&input);
      input.last_at = T0 - (gint64) pews_cases[i].since * MINUTE;
      input.crs_grade = pews_cases[i].crs;
      input.icans_grade = 0;
      input.pews_applies = TRUE;
      input.pews_interval_minutes = pews_cases[i].interval;
      input.pews_continuous = pews_cases[i].continuous;
      input.pews_level = pews_cases[i].level;
      input.pews_value = pews_cases[i].value;
      input.pews_partial = pews_cases[i].partial;
      crs_due_compute (&due, &input, NULL, T0);
      text = crs_due_to_string (&due);
      g_test_message ("%s: %s", pews_cases[i].name, text);
      g_assert_cmpint (due.rule, ==, pews_cases[i].rule);
      g_assert_cmpstr (text, ==, pews_cases[i].text);
    }
}

static void
test_no_data (void)
{
  CrsDueInput input;
  CrsDue due;
  g_autofree char *text = NULL;

  crs_due_input_init (&input);
  crs_due_compute (&due, &input, NULL, T0);
  g_assert_cmpint (due.status, ==, CRS_DUE_NO_DATA);
  text = crs_due_to_string (&due);
  g_assert_cmpstr (text, ==, "No observations yet");
}

/* The ward's settings move the grade and continuous intervals. */
static void
test_policy (void)
{
  CrsWardPolicy policy;
  CrsDueInput input;
  CrsDue due;

  crs_ward_policy_init (&policy);
  policy.grade1_interval_minutes = 180;
  policy.continuous_max_gap_minutes = 15;
  crs_due_input_init (&input);
  input.last_at = T0;
  input.news2_interval_minutes = 720;
  input.news2_value = 0;
  input.crs_grade = 1;
  crs_due_compute (&due, &input, &policy, T0);
  g_assert_cmpint (due.interval_minutes, ==, 180);
  input.icans_grade = 2;
  crs_due_compute (&due, &input, &policy, T0);
  g_assert_cmpint (due.interval_minutes, ==, 15);
  g_assert_true (due.continuous);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/due/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/due/no-data", test_no_data);
  g_test_add_func ("/due/pews", test_pews);
  g_test_add_func ("/due/policy", test_policy);

  return g_test_run ();
}
