/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-patient-timeline.c: the timeline chart in the real window, on the
 * ward made in the test (tests/crs-test-ward-data.c): the Timeline tab
 * opens on the chart, its accessible label names the latest grades and
 * their trend, its points are the patient status's (an "at least" grade
 * drawn as an open marker, a grade not determined as a gap), its
 * controls follow the chart model, a set saved appears at once, the
 * summary shows the last 72 hours, and each ward row has its sparkline.
 * PNGs stay in $CRS_TEST_SCREENSHOT_DIR. */
#define G_LOG_DOMAIN "test-patient-timeline"

#include "config.h"

#include <string.h>

#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-patient-page-private.h"
#include "gui/crs-timeline-view-private.h"
#include "gui/crs-ward-list.h"
#include "gui/crs-ward-row-private.h"
#include "gui/crs-window-private.h"
#include "gui/crs-timeline-table.h"
#include "gui/crs-timeline-private.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)

static CrsTestWard ward;

static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();

  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
}

static CrsWindow *
open_patient (CrsApplication *app,
              gint64          patient_id)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));

  crs_window_set_clock (window, ward.now);
  g_assert_true (crs_window_select_patient (window, patient_id));
  crs_test_wait_drawn (GTK_WIDGET (window));
  g_assert_cmpint (crs_window_get_patient (window), ==, patient_id);
  return window;
}

static CrsPatientPage *
page_of (CrsWindow *window)
{
  return CRS_PATIENT_PAGE (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_PATIENT_PAGE, NULL));
}

/* The Timeline tab shown, its chart drawn; the chart. */
static CrsTimeline *
show_timeline (CrsWindow *window)
{
  CrsPatientPage *page = page_of (window);
  CrsTimeline *chart = crs_timeline_view_get_chart (crs_patient_page_get_timeline_view (page));

  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page), "timeline");
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  crs_test_wait_drawn (GTK_WIDGET (chart));
  CRS_TEST_WAIT_UNTIL (crs_timeline_get_layout (chart) != NULL);
  return chart;
}

static CrsWardRow *
ward_row (CrsWindow *window,
          gint64     patient_id)
{
  GtkWidget *list = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_WARD_LIST, NULL);

  for (GtkWidget *row = crs_test_find_widget (list, CRS_TYPE_WARD_ROW, NULL); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (CRS_IS_WARD_ROW (row) &&
        crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row))) == patient_id)
      return CRS_WARD_ROW (row);
  return NULL;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static CrsTimelineKind
kind_of (CrsCertainty certainty)
{
  return certainty == CRS_CERTAINTY_DETERMINED ? CRS_TIMELINE_DETERMINED
         : certainty == CRS_CERTAINTY_AT_LEAST ? CRS_TIMELINE_AT_LEAST
         : CRS_TIMELINE_NOT_DETERMINED;
}

/* Every point of @model is the set of @status at the same place, with
 * the grades the status gives it now. */
static void
assert_points_match (CrsTimelineModel *model,
                     CrsPatientStatus *status)
{
  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, status->sets->len);
  for (guint i = 0; i < status->sets->len; i++)
    {
      CrsObservation *set = g_ptr_array_index (status->sets, i);
      const CrsGrading *g = &g_array_index (status->gradings, CrsGrading, i);
      const CrsTimelinePoint *p = crs_timeline_model_get_point (model, i);

      g_assert_cmpint (p->id, ==, set->id);
      g_assert_cmpint (p->at, ==, set->taken_at);
      g_assert_cmpint (p->crs.kind, ==, kind_of (crs_grading_crs_certainty (g)));
      g_assert_cmpint (p->icans.kind, ==, kind_of (crs_grading_icans_certainty (g)));
      if (p->crs.kind != CRS_TIMELINE_NOT_DETERMINED)
        g_assert_cmpint (p->crs.grade, ==, crs_grading_crs_value (g));
      if (p->icans.kind != CRS_TIMELINE_NOT_DETERMINED)
        g_assert_cmpint (p->icans.grade, ==, crs_grading_icans_value (g));
    }
}

/* ---------------------------------------------------------------------- */

/* Ada: CRS 0 five hours ago, CRS 1 (fever 38.9 °C) forty minutes ago;
 * ICANS 0 both times; paracetamol after; tisagenlecleucel 3 days ago. */
static void
chart_body (CrsApplication *app)
{
  CrsWindow *window = open_patient (app, ward.ada);
  CrsPatientPage *page = page_of (window);
  CrsTimelineView *view = crs_patient_page_get_timeline_view (page);
  CrsTimelineModel *model = crs_timeline_view_get_model (view);
  CrsPatientStatus *status = crs_patient_page_get_status (page);
  CrsTimeline *chart, *recent;
  const char *summary;
  GtkWidget *toggle;

  /* The summary: the last 72 hours, small, drawn by the same renderer. */
  recent = crs_patient_page_get_recent_chart (page);
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (recent)));
  g_assert_cmpint (crs_timeline_model_get_range (crs_timeline_get_model (recent)), ==, CRS_TIMELINE_RANGE_72_HOURS);
  assert_points_match (crs_timeline_get_model (recent), status);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (recent)), <, 260);
  g_assert_true (contains (crs_timeline_get_summary (recent), "CRS grade 1, mild, rising from 0"));
  crs_test_screenshot (GTK_WIDGET (window), "patient-timeline-summary");

  /* The Timeline tab opens on the chart, the table beneath it. */
  chart = show_timeline (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (crs_timeline_view_get_table (view))));
  {
    graphene_rect_t c, t;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chart), GTK_WIDGET (window), &c));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (crs_timeline_view_get_table (view)), GTK_WIDGET (window), &t));
    g_assert_cmpfloat (c.origin.y + c.size.height, <=, t.origin.y);
    g_assert_cmpfloat (c.size.height, >=, 300);
  }
  g_assert_cmpuint (g_list_model_get_n_items (crs_chart_table_get_model (CRS_CHART_TABLE (crs_timeline_view_get_table (view)))), ==, 4);
  crs_test_screenshot (GTK_WIDGET (window), "patient-timeline-chart");

  /* Its accessible label: the latest grades and their trend. */
  summary = crs_timeline_get_summary (chart);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, summary);
  g_assert_true (contains (summary, "Latest: CRS grade 1, mild, rising from 0; ICANS grade 0, none, unchanged"));
  g_assert_true (contains (summary, "2 observation sets"));

  /* Its points are the status's; the infusion is named and the
   * paracetamol marked. */
  assert_points_match (model, status);
  g_assert_cmpuint (crs_timeline_model_get_n_infusions (model), ==, 1);
  g_assert_cmpstr (crs_timeline_model_get_infusion (model, 0)->label, ==, "tisagenlecleucel");
  g_assert_cmpuint (crs_timeline_model_get_n_interventions (model), ==, 1);
  g_assert_cmpint (crs_timeline_model_get_intervention (model, 0)->kind, ==, CRS_INTERVENTION_ANTIPYRETIC);
  g_assert_cmpfloat (crs_timeline_model_get_fever_line (model), ==, 38.0);

  /* The newest set drawn where its grade is: CRS 1. */
  {
    CrsTimelineLayout *layout = crs_timeline_get_layout (chart);
    double x, y;

    g_assert_true (crs_timeline_layout_get_point_position (layout, 1, CRS_TIMELINE_SERIES_CRS, &x, &y));
    g_assert_cmpfloat_with_epsilon (y, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 1), 0.5);
  }

  /* The controls are the model's: a button sets it, the model sets them. */
  toggle = crs_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "72 h");
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_activate (toggle));
  /* A button pressed by its key shows the press first, then acts. */
  CRS_TEST_WAIT_UNTIL (crs_timeline_model_get_range (model) == CRS_TIMELINE_RANGE_72_HOURS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_24_HOURS);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (crs_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "24 h"))));
  /* The chart's own keys zoom the same model: minus from 24 h to 72 h. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "timeline.zoom-out", NULL);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  g_assert_cmpint (crs_timeline_model_get_mode (model), ==, CRS_TIMELINE_MODE_CALENDAR);
  g_assert_true (gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "Since Infusion")));
  CRS_TEST_WAIT_UNTIL (crs_timeline_model_get_mode (model) == CRS_TIMELINE_MODE_SINCE_INFUSION);
  g_assert_false (crs_timeline_model_get_show_news2 (model));
  g_assert_true (gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON, "NEWS2")));
  CRS_TEST_WAIT_UNTIL (crs_timeline_model_get_show_news2 (model));
  g_assert_true (gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON, "Temperature")));
  CRS_TEST_WAIT_UNTIL (crs_timeline_model_get_show_temperature (model));
  crs_test_wait_drawn (GTK_WIDGET (chart));
  {
    CrsTimelineLayout *layout = crs_timeline_get_layout (chart);
    CrsTimelineRect strip;
    double x, y;

    /* NEWS2 2 on its own axis, the temperature strip with 38.9 °C. */
    g_assert_true (crs_timeline_layout_get_point_position (layout, 1, CRS_TIMELINE_SERIES_NEWS2, &x, &y));
    g_assert_cmpfloat_with_epsilon (y, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_NEWS2, 2), 0.5);
    g_assert_true (crs_timeline_layout_get_temperature_area (layout, &strip));
    g_assert_true (crs_timeline_layout_get_point_position (layout, 1, CRS_TIMELINE_SERIES_TEMPERATURE, &x, &y));
    g_assert_cmpfloat (y, >=, strip.y);
    g_assert_cmpfloat (y, <=, strip.y + strip.height);
  }
  crs_test_screenshot (GTK_WIDGET (window), "patient-timeline-since-infusion");

  /* Another patient keeps the nurse's choices; a child, for whom NEWS2
   * is not used, has none to show. */
  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_CALENDAR);
  g_assert_true (crs_window_select_patient (window, ward.edith));
  g_assert_cmpint (crs_timeline_model_get_range (model), ==, CRS_TIMELINE_RANGE_72_HOURS);
  g_assert_true (crs_timeline_model_get_show_news2 (model));
  assert_points_match (model, crs_patient_page_get_status (page));
  g_assert_cmpint (crs_timeline_model_get_point (model, 0)->news2, ==, 13);

  crs_test_close_all (app);
}

static void
test_chart (void)
{
  make_ward ();
  crs_test_run_application (NULL, chart_body);
}

/* ---------------------------------------------------------------------- */

/* Grace has no set: then fever alone (at least CRS 1), a set with nothing
 * recorded (not determined), and, with her chart open, a normal set saved
 * through the store as the form saves it. */
static void
saved_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window;
  CrsPatientPage *page;
  CrsTimelineModel *model;
  CrsTimeline *chart;
  CrsTimelineLayout *layout;
  CrsWardRow *row;
  gint64 at_least_at = ward.now - 3 * HOUR, gap_at = ward.now - 2 * HOUR, new_at = ward.now - 30 * MINUTE;
  const CrsTimelineMarker *markers;
  const CrsTimelineStep *steps;
  guint n_markers, n_steps;
  gboolean open_marker = FALSE;
  double x_gap, x_new;

  {
    g_autoptr(CrsObservation) fever = crs_observation_new ();
    g_autoptr(CrsObservation) nothing = crs_observation_new ();

    fever->patient_id = ward.grace;
    fever->taken_at = at_least_at;
    fever->temperature_c = 39.4;
    crs_test_ward_save_set (store, fever);
    nothing->patient_id = ward.grace;
    nothing->taken_at = gap_at;
    nothing->note = g_strdup ("Asleep: not woken");
    crs_test_ward_save_set (store, nothing);
  }

  window = open_patient (app, ward.grace);
  page = page_of (window);
  model = crs_timeline_view_get_model (crs_patient_page_get_timeline_view (page));
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_24_HOURS);
  chart = show_timeline (window);
  crs_test_wait_drawn (GTK_WIDGET (chart));
  layout = crs_timeline_get_layout (chart);
  assert_points_match (model, crs_patient_page_get_status (page));
  g_assert_cmpint (crs_timeline_model_get_point (model, 0)->crs.kind, ==, CRS_TIMELINE_AT_LEAST);
  g_assert_cmpint (crs_timeline_model_get_point (model, 1)->crs.kind, ==, CRS_TIMELINE_NOT_DETERMINED);
  crs_test_screenshot (GTK_WIDGET (chart), "patient-timeline-at-least-gap");

  /* "At least 1": an open marker at 1. "Not determined": nothing. */
  markers = crs_timeline_layout_get_markers (layout, CRS_TIMELINE_SERIES_CRS, &n_markers);
  for (guint i = 0; i < n_markers; i++)
    {
      g_assert_cmpuint (markers[i].point, !=, 1);
      if (markers[i].point == 0)
        {
          g_assert_cmpint (markers[i].kind, ==, CRS_TIMELINE_AT_LEAST);
          g_assert_cmpfloat_with_epsilon (markers[i].y, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 1), 0.5);
          open_marker = TRUE;
        }
    }
  g_assert_true (open_marker);
  g_assert_false (crs_timeline_layout_get_point_position (layout, 1, CRS_TIMELINE_SERIES_CRS, NULL, NULL));
  /* From the set not determined on, no line: never a zero. */
  x_gap = crs_timeline_layout_x_for_time (layout, gap_at) + 2;
  steps = crs_timeline_layout_get_steps (layout, CRS_TIMELINE_SERIES_CRS, &n_steps);
  for (guint i = 0; i < n_steps; i++)
    g_assert_false (steps[i].x0 <= x_gap && steps[i].x1 > x_gap);
  g_assert_true (contains (crs_timeline_get_summary (chart), "CRS grade at least 1, mild"));

  /* Saved: in the chart at once (the page reloads on the store's signal),
   * the label first, then drawn. */
  {
    g_autoptr(CrsObservation) normal = crs_test_ward_normal_set (ward.grace, new_at);

    crs_test_ward_save_set (store, normal);
  }
  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, 3);
  assert_points_match (model, crs_patient_page_get_status (page));
  g_assert_cmpint (crs_timeline_model_get_point (model, 2)->crs.kind, ==, CRS_TIMELINE_DETERMINED);
  g_assert_cmpint (crs_timeline_model_get_point (model, 2)->crs.grade, ==, 0);
  /* The set not determined is skipped: from at least 1 down to 0. */
  g_assert_true (contains (crs_timeline_get_summary (chart), "CRS grade 0, none, falling from 1"));
  g_assert_true (contains (crs_timeline_get_summary (chart), "3 observation sets"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       crs_timeline_get_summary (chart));
  crs_test_wait_drawn (GTK_WIDGET (chart));
  layout = crs_timeline_get_layout (chart);
  g_assert_true (crs_timeline_layout_get_point_position (layout, 2, CRS_TIMELINE_SERIES_CRS, &x_new, NULL));
  g_assert_cmpfloat_with_epsilon (x_new, crs_timeline_layout_x_for_time (layout, new_at), 0.5);
  /* The summary's chart and the ward row's sparkline too. */
  g_assert_cmpuint (crs_timeline_model_get_n_points (crs_timeline_get_model (crs_patient_page_get_recent_chart (page))), ==, 3);
  row = ward_row (window, ward.grace);
  g_assert_nonnull (row);
  g_assert_cmpuint (crs_timeline_model_get_n_points (crs_timeline_get_model (crs_ward_row_get_sparkline (row))), ==, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (crs_ward_row_get_sparkline (row))));

  crs_test_close_all (app);
}

static void
test_saved (void)
{
  make_ward ();
  crs_test_run_application (NULL, saved_body);
}

/* ---------------------------------------------------------------------- */

/* Each row with a set has its sparkline of the last 72 hours, compact,
 * drawn, saying the trend, with every set of those hours; a patient
 * without a set has none. A set saved for a patient not shown changes
 * their sparkline at once. */
static void
sparkline_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsStore *store = crs_application_get_store (app);
  CrsWardRow *ada, *grace, *alan;
  CrsTimeline *spark;
  CrsTimelineModel *model;
  CrsTimelineStyle style;

  crs_window_set_clock (window, ward.now);
  crs_test_wait_drawn (GTK_WIDGET (window));
  ada = ward_row (window, ward.ada);
  grace = ward_row (window, ward.grace);
  alan = ward_row (window, ward.alan);
  g_assert_nonnull (ada);

  spark = crs_ward_row_get_sparkline (ada);
  model = crs_timeline_get_model (spark);
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (spark)));
  crs_test_wait_drawn (GTK_WIDGET (spark));
  CRS_TEST_WAIT_UNTIL (crs_timeline_get_layout (spark) != NULL);
  g_assert_true (crs_timeline_get_compact (spark));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (spark)));
  crs_timeline_get_style (spark, &style);
  g_assert_true (style.compact);
  g_assert_cmpint (crs_timeline_model_get_range (model), ==, CRS_TIMELINE_RANGE_72_HOURS);
  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, 2);
  assert_points_match (model, crs_ward_entry_get_chart_status (crs_ward_row_get_entry (ada)));
  g_assert_true (contains (crs_timeline_get_summary (spark), "CRS grade 1, mild, rising from 0"));
  /* Drawn: CRS 1 where the newest set is, inside the row. */
  {
    CrsTimelineLayout *layout = crs_timeline_get_layout (spark);
    double x, y;

    g_assert_true (crs_timeline_layout_get_point_position (layout, 1, CRS_TIMELINE_SERIES_CRS, &x, &y));
    g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (spark)));
    g_assert_cmpfloat_with_epsilon (y, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 1), 0.5);
  }
  crs_test_screenshot (GTK_WIDGET (ada), "ward-row-sparkline");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (crs_ward_row_get_sparkline (grace))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (crs_ward_row_get_sparkline (alan))));

  /* Alan's sparkline holds every set of the 72 hours (12), more than the
   * row's newest ones, and not the set of 80 hours ago. */
  spark = crs_ward_row_get_sparkline (alan);
  g_assert_cmpuint (crs_timeline_model_get_n_points (crs_timeline_get_model (spark)), ==, 12);
  g_assert_cmpint (crs_timeline_model_get_point (crs_timeline_get_model (spark), 0)->at, ==, ward.now - 13 * HOUR);
  g_assert_cmpuint (crs_ward_entry_get_status (crs_ward_row_get_entry (alan))->sets->len, <, 12);

  /* Alan, not shown: a fever saved now. */
  {
    g_autoptr(CrsObservation) fever = crs_test_ward_normal_set (ward.alan, ward.now - 5 * MINUTE);

    fever->temperature_c = 38.6;
    crs_test_ward_save_set (store, fever);
  }
  spark = crs_ward_row_get_sparkline (ward_row (window, ward.alan));
  g_assert_cmpuint (crs_timeline_model_get_n_points (crs_timeline_get_model (spark)), ==, 13);
  g_assert_true (contains (crs_timeline_get_summary (spark), "CRS grade 1, mild, rising from 0"));

  crs_test_close_all (app);
}

static void
test_sparkline (void)
{
  make_ward ();
  /* Alan: a set 80 hours ago, besides his set of 13 hours ago, and one
   * every hour for the last 11 hours. */
  {
    g_autoptr(CrsStore) store = crs_test_ward_open ();
    g_autoptr(CrsObservation) old = crs_test_ward_normal_set (ward.alan, ward.now - 80 * HOUR);

    crs_test_ward_save_set (store, old);
    for (int h = 11; h >= 1; h--)
      {
        g_autoptr(CrsObservation) obs = crs_test_ward_normal_set (ward.alan, ward.now - h * HOUR);

        crs_test_ward_save_set (store, obs);
      }
  }
  crs_test_run_application (NULL, sparkline_body);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  /* The test backend keeps the accessible properties for the asserts. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/patient-timeline/chart", test_chart);
  g_test_add_func ("/patient-timeline/at-least-gap-and-saved", test_saved);
  g_test_add_func ("/patient-timeline/ward-sparkline", test_sparkline);

  return g_test_run ();
}
