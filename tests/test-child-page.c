/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-child-page.c: a child on the real window. NEWS2 is an adult score
 * (NICE MIB205: it "does not apply to children under 16"); a child is
 * scored with PEWS (NHS England national charts, 2023) everywhere NEWS2
 * is shown for an adult: the latest set, the ward list, the history, the
 * timeline and the observation form's live panel. A child's vital signs
 * that would score NEWS2 8 raise no adult red flag, but PEWS high does,
 * and the next set is due as the PEWS level asks. */
#define G_LOG_DOMAIN "test-child-page"

#include "config.h"

#include <string.h>

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-chart-item-private.h"
#include "gui/crs-escalation-banner-private.h"
#include "gui/crs-grade-panel-private.h"
#include "gui/crs-grade-row-private.h"
#include "gui/crs-history-view.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-patient-page.h"
#include "gui/crs-timeline-table.h"
#include "gui/crs-ward-list.h"
#include "gui/crs-ward-row.h"
#include "gui/crs-window-private.h"

#define MINUTE 60

static CrsTestWard ward;
static gint64 child;

/* A child's set on the 5-12 years chart (pews.md §3.3) scoring PEWS 0:
 * RR 22, no distress, SpO2 98, air, HR 90, SBP 100, CRT 1 s; afebrile,
 * CAPD 0 and awake. */
static CrsObservation *
child_set (gint64 taken_at)
{
  CrsObservation *obs = crs_test_ward_normal_set (child, taken_at);

  obs->resp_rate = 22;
  obs->resp_distress = CRS_RESP_DISTRESS_NONE;
  obs->heart_rate = 90;
  obs->systolic = 100;
  obs->diastolic = 60;
  obs->crt_s = 1;
  obs->ice_total = CRS_MISSING;
  obs->capd = 0;
  return obs;
}

/* The test ward and a boy of 7 (CAPD). Two hours ago PEWS 5, medium (RR
 * 42: 2, HR 150: 2, SpO2 93: 1); 20 minutes ago PEWS 9, high (SpO2 91: 4
 * and mild distress: 1 besides), a red flag. On the adult chart the
 * newest set would be pulse 150 (3), RR 42 (3), SpO2 91 (3), systolic 100
 * (2) = NEWS2 11: it is not used. */
static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(CrsObservation) before = NULL;
  g_autoptr(CrsObservation) obs = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) born = NULL;
  g_autoptr(GError) error = NULL;

  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
  now = g_date_time_new_from_unix_utc (ward.now);
  born = g_date_time_add_years (now, -7);

  patient->mrn = g_strdup ("MRN-700");
  patient->name = g_strdup ("Tom Piper");
  patient->bed = g_strdup ("5");
  patient->birth_date = g_date_time_format (born, "%Y-%m-%d");
  patient->weight_kg = 23;
  g_assert_true (crs_store_add_patient (store, patient, &error));
  g_assert_no_error (error);
  child = patient->id;

  before = child_set (ward.now - 120 * MINUTE);
  before->resp_rate = 42;
  before->heart_rate = 150;
  before->spo2 = 93;
  crs_test_ward_save_set (store, before);
  g_assert_cmpint (before->stored_pews, ==, 5);
  g_assert_false (before->stored_red_flag);

  obs = child_set (ward.now - 20 * MINUTE);
  obs->resp_rate = 42;
  obs->heart_rate = 150;
  obs->spo2 = 91;
  obs->resp_distress = CRS_RESP_DISTRESS_MILD;
  crs_test_ward_save_set (store, obs);
  /* Saved as the form saves it: no NEWS2, PEWS 9 high, a red flag. */
  g_assert_cmpint (obs->stored_news2, ==, CRS_MISSING);
  g_assert_cmpint (obs->stored_pews, ==, 9);
  g_assert_cmpint (obs->stored_pews_level, ==, CRS_PEWS_LEVEL_HIGH);
  g_assert_true (obs->stored_red_flag);
  g_assert_cmpint (obs->stored_crs_grade, ==, 0);
}

static GtkWidget *
ward_row (CrsWindow *window,
          gint64     patient_id)
{
  GtkWidget *list = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_WARD_LIST, NULL);

  for (GtkWidget *row = crs_test_find_widget (list, CRS_TYPE_WARD_ROW, NULL); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (CRS_IS_WARD_ROW (row) &&
        crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row))) == patient_id)
      return row;
  return NULL;
}

/* The grade rows of the latest set: CRS, ICANS, NEWS2. */
static CrsGradeRow *
grade_row (CrsWindow *window,
           guint      index)
{
  GtkWidget *row = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_GRADE_ROW, NULL);

  for (guint i = 0; row != NULL && i < index; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_true (CRS_IS_GRADE_ROW (row));
  return CRS_GRADE_ROW (row);
}

static CrsPatientPage *
page_of (CrsWindow *window)
{
  return CRS_PATIENT_PAGE (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_PATIENT_PAGE, NULL));
}

static gboolean
dialog_shown (gpointer data)
{
  return crs_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static void
child_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsEscalationBanner *banner;
  g_autoptr(CrsChartItem) item = NULL;
  g_autofree char *text = NULL;
  GtkWindow *form;
  GtkWidget *row;
  GtkWidget *history;
  GtkWidget *table;
  CrsGradePanel *panel;

  crs_window_set_clock (window, ward.now);
  g_assert_true (crs_window_select_patient (window, child));
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "child-page");

  /* The latest set: CRS and ICANS as for anyone, PEWS where an adult's
   * NEWS2 stands, with the chart's response. */
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 0)), ==, "0 none");
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 1)), ==, "0 none");
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 2)), ==, "9 high");
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (grade_row (window, 2)), GTK_TYPE_LABEL,
                                          "PEWS (NHS England national charts, 2023)"));
  g_assert_true (g_str_has_prefix (crs_grade_row_get_summary (grade_row (window, 2)),
                                   "PEWS 9 (high): respiratory rate 42/min (2), mild respiratory distress (1), "
                                   "SpO2 91% (4) and heart rate 150/min (2)"));
  text = form_test_visible_text (GTK_WIDGET (grade_row (window, 2)));
  g_assert_nonnull (strstr (text, "Call for ‘Rapid Review’"));
  g_assert_nonnull (strstr (text, "Medical review: Within 15 minutes"));
  g_assert_null (strstr (text, "NEWS2"));
  g_clear_pointer (&text, g_free);
  /* PEWS high is a red flag: the banner names it. */
  banner = CRS_ESCALATION_BANNER (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_ESCALATION_BANNER, NULL));
  g_assert_true (crs_escalation_banner_is_shown (banner));
  g_assert_nonnull (strstr (crs_escalation_banner_get_title (banner), "PEWS 9 (high)"));

  /* The ward list: the PEWS chip, the red flag mark, and the next set
   * due as the high level asks (every 30 minutes, 20 gone). */
  row = ward_row (window, child);
  g_assert_nonnull (row);
  g_assert_nonnull (crs_test_find_widget (row, GTK_TYPE_LABEL, "PEWS 9 high"));
  g_assert_nonnull (crs_test_find_widget (row, GTK_TYPE_LABEL,
                                          "Monitor continuously; next set due in 10 minutes (PEWS 9, high)"));
  g_assert_nonnull (crs_test_find_widget (row, GTK_TYPE_IMAGE, NULL));

  /* The history and the timeline: the column says PEWS. */
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "history");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL) != NULL);
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "child-history");
  history = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL);
  g_assert_nonnull (crs_test_find_widget (history, GTK_TYPE_LABEL, "PEWS"));
  g_assert_null (crs_test_find_widget (history, GTK_TYPE_LABEL, "NEWS2"));
  item = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (history)), 0);
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_NEWS2), ==, "9 high");
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_STATUS), ==, "Red flag, not acknowledged");
  g_clear_object (&item);
  item = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (history)), 1);
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_NEWS2), ==, "5 medium");
  g_clear_object (&item);
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "timeline");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL) != NULL);
  table = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL);
  item = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (table)), 0);
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_NEWS2), ==, "9 high");
  crs_test_wait_drawn (GTK_WIDGET (window));
  g_assert_nonnull (crs_test_find_widget (table, GTK_TYPE_LABEL, "PEWS"));
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "summary");
  crs_test_wait_drawn (GTK_WIDGET (window));

  /* The observation form: the live panel shows PEWS, and no adult score
   * is shown under the pulse. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-observation", NULL));
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (CRS_TYPE_OBSERVATION_DIALOG), 5000));
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  form_test_show (form);
  form_test_type (form, "37.0");
  form_test_tab (form, FALSE);
  form_test_type (form, "135");
  crs_test_wait_drawn (GTK_WIDGET (form));
  panel = CRS_GRADE_PANEL (crs_test_find_widget (GTK_WIDGET (form), CRS_TYPE_GRADE_PANEL, NULL));
  /* HR 135 on the 5-12 years chart: 1. */
  g_assert_cmpstr (crs_grade_panel_get_early_warning_badge (panel), ==, "PEWS\n≥ 1\nat least low");
  text = form_test_visible_text (GTK_WIDGET (form));
  g_assert_null (strstr (text, "in NEWS2"));
  g_assert_nonnull (strstr (text, "Scores 1 in PEWS"));
  crs_test_screenshot (GTK_WIDGET (form), "child-form");
  if (!form_test_press (form, GDK_KEY_Return, GDK_CONTROL_MASK))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  g_assert_true (form_test_wait_closed (&form));

  crs_test_close_all (app);
}

static void
test_child (void)
{
  make_ward ();
  crs_test_run_application (NULL, child_body);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/child-page/pews", test_child);

  return g_test_run ();
}
