/* test-trend.c: rising grades, the next set due, and its wording. */
#define G_LOG_DOMAIN "test-trend"

#include "config.h"

#include <glib.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-trend.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define T0 G_GINT64_CONSTANT (1709280000)
#define M CRS_MISSING

typedef struct
{
  const char *name;
  int         grades[6];
  gsize       n;
  gboolean    rising;
  int         latest;
  int         previous;
} RisingCase;

static const RisingCase rising_cases[] = {
  { "empty", { 0 }, 0, FALSE, M, M },
  { "one", { 2 }, 1, FALSE, 2, M },
  { "0 then 1", { 0, 1 }, 2, TRUE, 1, 0 },
  { "1 then 1", { 1, 1 }, 2, FALSE, 1, 1 },
  { "2 then 1", { 2, 1 }, 2, FALSE, 1, 2 },
  { "skips undetermined", { 0, 1, M }, 3, TRUE, 1, 0 },
  { "undetermined between", { 1, M, 3 }, 3, TRUE, 3, 1 },
  { "only the last two count", { 3, 0, 1 }, 3, TRUE, 1, 0 },
  { "all undetermined", { M, M }, 2, FALSE, M, M },
};

static void
test_rising (gconstpointer data)
{
  const RisingCase *c = data;
  int latest = 99;
  int previous = 99;

  g_assert_cmpint (crs_trend_grade_rising (c->grades, c->n, &latest, &previous), ==, c->rising);
  g_assert_cmpint (latest, ==, c->latest);
  g_assert_cmpint (previous, ==, c->previous);
}

typedef struct
{
  const char  *name;
  int          news2_interval;
  gboolean     in_window;
  int          window;          /* ward setting, minutes */
  gint64       now_after;       /* seconds after the last set */
  CrsDueStatus status;
  int          interval;
  gboolean     by_window;
  int          minutes;
  const char  *text;
} DueCase;

static const DueCase due_cases[] = {
  { "hourly, 40 min later", 60, FALSE, 240, 40 * MINUTE, CRS_DUE_LATER, 60, FALSE, 20, "Due in 20 minutes" },
  { "hourly, 105 min later", 60, FALSE, 240, 105 * MINUTE, CRS_DUE_OVERDUE, 60, FALSE, 45, "Overdue by 45 minutes" },
  { "on the minute", 60, FALSE, 240, 60 * MINUTE, CRS_DUE_LATER, 60, FALSE, 0, "Due now" },
  { "one second late", 60, FALSE, 240, 60 * MINUTE + 1, CRS_DUE_OVERDUE, 60, FALSE, 1, "Overdue by 1 minute" },
  { "12-hourly", 720, FALSE, 240, 0, CRS_DUE_LATER, 720, FALSE, 720, "Due in 12 hours" },
  { "window is stricter", 720, TRUE, 240, 30 * MINUTE, CRS_DUE_LATER, 240, TRUE, 210, "Due in 3 hours 30 minutes" },
  { "NEWS2 is stricter", 60, TRUE, 240, 0, CRS_DUE_LATER, 60, FALSE, 60, "Due in 1 hour" },
  { "window setting 120", 240, TRUE, 120, 3 * HOUR, CRS_DUE_OVERDUE, 120, TRUE, 60, "Overdue by 1 hour" },
  { "outside the window", 720, FALSE, 120, 3 * HOUR, CRS_DUE_LATER, 720, FALSE, 540, "Due in 9 hours" },
  { "continuous", 0, FALSE, 240, 5 * HOUR, CRS_DUE_CONTINUOUS, 0, FALSE, 0,
    "Monitor vital signs continuously (NEWS2 7 or more)" },
  { "continuous in window", 0, TRUE, 240, 0, CRS_DUE_CONTINUOUS, 0, FALSE, 0, NULL },
  { "no data", M, TRUE, 240, 0, CRS_DUE_NO_DATA, M, FALSE, 0, "No observations yet" },
  /* No NEWS2 frequency (a child below the ward's NEWS2 age): the ward's
   * window interval, in or out of the window, and the text says so. */
  { "no NEWS2, outside the window", M, FALSE, 240, 30 * MINUTE, CRS_DUE_LATER, 240, TRUE, 210,
    "Due in 3 hours 30 minutes (ward interval)" },
  { "no NEWS2, in the window", M, TRUE, 240, 30 * MINUTE, CRS_DUE_LATER, 240, TRUE, 210, NULL },
  { "no NEWS2, window setting 60", M, FALSE, 60, 90 * MINUTE, CRS_DUE_OVERDUE, 60, TRUE, 30,
    "Overdue by 30 minutes (ward interval)" },
};

static void
test_due (gconstpointer data)
{
  const DueCase *c = data;
  g_autofree char *text = NULL;
  CrsWardPolicy policy;
  CrsDue due;

  crs_ward_policy_init (&policy);
  policy.window_interval_minutes = c->window;
  /* "No data" is no set at all (last_at 0). */
  crs_due_compute (&due, c->status == CRS_DUE_NO_DATA ? 0 : T0, c->news2_interval, c->in_window,
                   &policy, T0 + c->now_after);

  g_assert_cmpint (due.status, ==, c->status);
  g_assert_cmpint (due.interval_minutes, ==, c->interval);
  g_assert_cmpint (due.by_window, ==, c->by_window);
  g_assert_cmpint (due.no_news2, ==, c->status != CRS_DUE_NO_DATA && c->news2_interval == M);
  g_assert_cmpint (due.minutes, ==, c->minutes);
  if (c->status == CRS_DUE_LATER || c->status == CRS_DUE_OVERDUE)
    g_assert_cmpint (due.due_at, ==, T0 + (gint64) c->interval * MINUTE);
  text = crs_due_to_string (&due);
  if (c->text != NULL)
    g_assert_cmpstr (text, ==, c->text);
}

static void
test_duration_plurals (void)
{
  const struct { int minutes; const char *text; } cases[] = {
    { 0, "0 minutes" }, { 1, "1 minute" }, { 2, "2 minutes" }, { 59, "59 minutes" },
    { 60, "1 hour" }, { 61, "1 hour 1 minute" }, { 120, "2 hours" }, { 200, "3 hours 20 minutes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = crs_format_duration (cases[i].minutes);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static CrsObservation *
set_at (gint64 at)
{
  CrsObservation *observation = crs_observation_new ();

  observation->taken_at = at;
  observation->temperature_c = 37.0;
  observation->heart_rate = 70;
  observation->resp_rate = 16;
  observation->systolic = 120;
  observation->spo2 = 97;
  observation->o2_device = CRS_O2_ROOM_AIR;
  observation->acvpu = CRS_ACVPU_ALERT;
  observation->arousal = CRS_AROUSAL_NORMAL;
  observation->ice_total = 10;
  return observation;
}

static void
test_trend_series (void)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  CrsObservation *first = set_at (T0);
  CrsObservation *second = set_at (T0 + HOUR);
  CrsObservation *third = set_at (T0 + 2 * HOUR);
  CrsTrend trend;

  /* CRS 1 then 2 then undetermined; ICANS 0, 0, 1. */
  first->temperature_c = 38.2;
  second->temperature_c = 38.6;
  second->systolic = 86;                    /* NEWS2: 3 + 1 for 38.6 */
  third->temperature_c = NAN;
  third->ice_total = 8;
  g_ptr_array_add (observations, third);
  g_ptr_array_add (observations, first);
  g_ptr_array_add (observations, second);

  crs_trend_compute (&trend, NULL, observations, NULL, NULL, FALSE, NULL, T0 + 2 * HOUR + 10 * MINUTE);
  g_assert_cmpint (trend.crs_latest, ==, 2);
  g_assert_cmpint (trend.crs_previous, ==, 1);
  g_assert_true (trend.crs_rising);
  g_assert_cmpint (trend.icans_latest, ==, 1);
  g_assert_cmpint (trend.icans_previous, ==, 0);
  g_assert_true (trend.icans_rising);
  g_assert_true (crs_trend_is_rising (&trend));

  /* The latest set has no temperature: partial NEWS2, 4-hourly at least. */
  g_assert_true (trend.due.partial_news2);
  g_assert_cmpint (trend.due.status, ==, CRS_DUE_LATER);
  g_assert_cmpint (trend.due.interval_minutes, ==, 240);
  g_assert_cmpint (trend.due.last_at, ==, T0 + 2 * HOUR);
  g_assert_cmpint (trend.due.minutes, ==, 230);
}

static void
test_trend_stored_grades_and_continuous (void)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  CrsObservation *first = set_at (T0);
  CrsObservation *second = set_at (T0 + HOUR);
  CrsTrend trend;

  /* Stored grades are what the chart showed: 3 then (today) 1 is falling. */
  first->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
  first->stored_crs_grade = 3;
  first->stored_icans_grade = 0;
  second->temperature_c = 38.1;
  second->resp_rate = 26;       /* 3 */
  second->heart_rate = 135;     /* 3 */
  g_ptr_array_add (observations, first);
  g_ptr_array_add (observations, second);

  crs_trend_compute (&trend, NULL, observations, NULL, NULL, TRUE, NULL, T0 + 5 * HOUR);
  g_assert_cmpint (trend.crs_previous, ==, 3);
  g_assert_cmpint (trend.crs_latest, ==, 1);
  g_assert_false (trend.crs_rising);
  /* NEWS2 3 + 3 + 1 = 7: continuous monitoring, never "overdue". */
  g_assert_cmpint (trend.due.status, ==, CRS_DUE_CONTINUOUS);
}

/* Every set stored: the stored grades are the trend, even where today's
 * rules would say otherwise, and the latest set's NEWS2 sets the time. */
static void
test_trend_all_stored (void)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  CrsObservation *sets[3];
  const int stored_crs[3] = { 0, 2, 1 };
  const int stored_icans[3] = { 1, CRS_MISSING, 2 };
  CrsTrend trend;

  for (guint i = 0; i < 3; i++)
    {
      sets[i] = set_at (T0 + i * HOUR);
      sets[i]->id = i + 1;
      sets[i]->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
      sets[i]->stored_crs_grade = stored_crs[i];
      sets[i]->stored_icans_grade = stored_icans[i];
      g_ptr_array_add (observations, sets[i]);
    }
  /* A superseded version is not part of the trend. */
  sets[1]->superseded_by_id = 9;
  /* Latest: pulse 135 scores 3 alone (low-medium), so the next set is
   * due within the hour; SpO2 97 on air scores 0 on scale 2 as well. */
  sets[2]->heart_rate = 135;
  patient->spo2_scale = 2;

  crs_trend_compute (&trend, patient, observations, NULL, NULL, FALSE, NULL, T0 + 2 * HOUR + 90 * MINUTE);
  g_assert_cmpint (trend.crs_previous, ==, 0);
  g_assert_cmpint (trend.crs_latest, ==, 1);
  g_assert_true (trend.crs_rising);
  g_assert_cmpint (trend.icans_previous, ==, 1);
  g_assert_cmpint (trend.icans_latest, ==, 2);
  g_assert_true (trend.icans_rising);
  g_assert_false (trend.due.partial_news2);
  g_assert_cmpint (trend.due.interval_minutes, ==, 60);
  g_assert_cmpint (trend.due.status, ==, CRS_DUE_OVERDUE);
  g_assert_cmpint (trend.due.minutes, ==, 30);
}

/* A child: NEWS2 is not used below the ward's NEWS2 age (16 by
 * default), so the latest set gives no NEWS2 frequency and the ward's
 * window interval applies even outside the monitoring window. At 16 the
 * same set is scored: pulse 135 alone scores 3 (low-medium), hourly. The
 * birthdays sit on T0 (1 March 2024): 16 that day, 15 the day after. */
typedef struct
{
  const char *name;
  const char *birth_date;
  int         news2_min_age;
  gboolean    stored;        /* every set stored with its grades (the ward list's path) */
  gboolean    no_news2;
  int         interval;
} ChildDueCase;

static const ChildDueCase child_due_cases[] = {
  { "age 7", "2016-06-01", 16, FALSE, TRUE, 240 },
  { "age 7, stored", "2016-06-01", 16, TRUE, TRUE, 240 },
  { "age 15 (16 tomorrow)", "2008-03-02", 16, FALSE, TRUE, 240 },
  { "age 15, stored", "2008-03-02", 16, TRUE, TRUE, 240 },
  { "age 16 today", "2008-03-01", 16, FALSE, FALSE, 60 },
  { "age 16, stored", "2008-03-01", 16, TRUE, FALSE, 60 },
  { "age 7, setting 0", "2016-06-01", 0, TRUE, FALSE, 60 },
  { "age 16, setting 18", "2008-03-01", 18, TRUE, TRUE, 240 },
  { "unknown age", NULL, 16, TRUE, FALSE, 60 },
};

static void
test_trend_child_due (gconstpointer data)
{
  const ChildDueCase *c = data;
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  CrsObservation *set = set_at (T0);
  g_autofree char *text = NULL;
  CrsWardPolicy policy;
  CrsTrend trend;

  patient->birth_date = g_strdup (c->birth_date);
  set->heart_rate = 135;
  if (c->stored)
    {
      set->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
      set->stored_crs_grade = 0;
      set->stored_icans_grade = 0;
      set->stored_news2 = c->no_news2 ? CRS_MISSING : 3;
    }
  g_ptr_array_add (observations, set);
  crs_ward_policy_init (&policy);
  policy.news2_min_age = c->news2_min_age;

  /* Outside any monitoring window, 30 minutes after the set. */
  crs_trend_compute (&trend, patient, observations, NULL, NULL, FALSE, &policy, T0 + 30 * MINUTE);
  g_assert_cmpint (trend.due.no_news2, ==, c->no_news2);
  g_assert_cmpint (trend.due.by_window, ==, c->no_news2);
  g_assert_false (trend.due.partial_news2);
  g_assert_cmpint (trend.due.status, ==, CRS_DUE_LATER);
  g_assert_cmpint (trend.due.interval_minutes, ==, c->interval);
  g_assert_cmpint (trend.due.minutes, ==, c->interval - 30);
  text = crs_due_to_string (&trend.due);
  g_assert_cmpint (g_str_has_suffix (text, "(ward interval)"), ==, c->no_news2);
}

static void
test_trend_empty (void)
{
  g_autoptr(GPtrArray) observations = g_ptr_array_new ();
  CrsTrend trend;

  crs_trend_compute (&trend, NULL, observations, NULL, NULL, TRUE, NULL, T0);
  g_assert_cmpint (trend.due.status, ==, CRS_DUE_NO_DATA);
  g_assert_false (crs_trend_is_rising (&trend));
  g_assert_cmpint (trend.crs_latest, ==, CRS_MISSING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rising_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trend/rising/%s", rising_cases[i].name);
      g_test_add_data_func (path, &rising_cases[i], test_rising);
    }
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trend/due/%s", due_cases[i].name);
      g_test_add_data_func (path, &due_cases[i], test_due);
    }
  g_test_add_func ("/trend/duration-plurals", test_duration_plurals);
  g_test_add_func ("/trend/series", test_trend_series);
  g_test_add_func ("/trend/stored-grades-and-continuous", test_trend_stored_grades_and_continuous);
  g_test_add_func ("/trend/all-stored", test_trend_all_stored);
  g_test_add_func ("/trend/empty", test_trend_empty);
  for (guint i = 0; i < G_N_ELEMENTS (child_due_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trend/child-due/%s", child_due_cases[i].name);
      g_test_add_data_func (path, &child_due_cases[i], test_trend_child_due);
    }

  return g_test_run ();
}
