/* test-child-page.c: a child on the real window. NEWS2 is an adult score
 * (NICE MIB205: it "does not apply to children under 16"): a child's
 * vital signs that would score 8 on the adult chart show "not used"
 * everywhere NEWS2 is shown (latest set, ward list, history, timeline,
 * the observation form's live panel), raise no red flag, and the next set
 * is due by the ward's interval. */
#define G_LOG_DOMAIN "test-child-page"

#include "config.h"

#include <string.h>

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-chart-item.h"
#include "gui/crs-escalation-banner.h"
#include "gui/crs-grade-panel.h"
#include "gui/crs-grade-row.h"
#include "gui/crs-history-view.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-patient-page.h"
#include "gui/crs-timeline-table.h"
#include "gui/crs-ward-list.h"
#include "gui/crs-ward-row.h"
#include "gui/crs-window.h"

#define MINUTE 60
#define NOT_USED "not used (under 16)"
#define NOT_USED_SUMMARY "Not used below 16 years: use the ward's paediatric early warning chart"

static CrsTestWard ward;
static gint64 child;

/* The test ward and a boy of 7 (CAPD) whose set of 30 minutes ago would
 * score on the adult chart: pulse 135 (3), RR 26 (3), systolic 100 (2)
 * = NEWS2 8, high, a red flag for an adult. */
static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();
  g_autoptr(CrsPatient) patient = crs_patient_new ();
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

  obs = crs_test_ward_normal_set (child, ward.now - 30 * MINUTE);
  obs->heart_rate = 135;
  obs->resp_rate = 26;
  obs->systolic = 100;
  obs->diastolic = 60;
  obs->ice_total = CRS_MISSING;
  obs->capd = 0;
  crs_test_ward_save_set (store, obs);
  /* Saved as the form saves it: no NEWS2, no red flag. */
  g_assert_cmpint (obs->stored_news2, ==, CRS_MISSING);
  g_assert_false (obs->stored_red_flag);
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
  CrsGradePanel *panel;

  crs_window_set_clock (window, ward.now);
  g_assert_true (crs_window_select_patient (window, child));
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "child-page");

  /* The latest set: CRS and ICANS as for anyone, NEWS2 not used, and why. */
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 0)), ==, "0 none");
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 1)), ==, "0 none");
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 2)), ==, NOT_USED);
  g_assert_cmpstr (crs_grade_row_get_summary (grade_row (window, 2)), ==, NOT_USED_SUMMARY);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (grade_row (window, 2)), GTK_TYPE_LABEL, NOT_USED));
  /* No red flag from adult thresholds. */
  banner = CRS_ESCALATION_BANNER (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_ESCALATION_BANNER, NULL));
  g_assert_false (crs_escalation_banner_is_shown (banner));

  /* The ward list: the chip says so, and the next set is due by the
   * ward's interval (240 minutes), 30 minutes gone. */
  row = ward_row (window, child);
  g_assert_nonnull (row);
  g_assert_nonnull (crs_test_find_widget (row, GTK_TYPE_LABEL, "NEWS2 " NOT_USED));
  g_assert_nonnull (crs_test_find_widget (row, GTK_TYPE_LABEL, "Due in 3 hours 30 minutes (ward interval)"));
  g_assert_null (crs_test_find_widget (row, GTK_TYPE_IMAGE, NULL));

  /* The history and the timeline. */
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "history");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL) != NULL);
  item = g_list_model_get_item (crs_history_view_get_model (CRS_HISTORY_VIEW (
           crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL))), 0);
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_NEWS2), ==, NOT_USED);
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_STATUS), ==, "");
  g_clear_object (&item);
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "timeline");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL) != NULL);
  item = g_list_model_get_item (crs_timeline_table_get_model (CRS_TIMELINE_TABLE (
           crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL))), 0);
  g_assert_cmpstr (crs_chart_item_get_text (item, CRS_CHART_NEWS2), ==, NOT_USED);
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "summary");
  crs_test_wait_drawn (GTK_WIDGET (window));

  /* The observation form: the live panel says NEWS2 is not used, and no
   * adult score is shown under the pulse. */
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
  g_assert_cmpstr (crs_grade_panel_get_news2_text (panel), ==, NOT_USED_SUMMARY);
  text = form_test_visible_text (GTK_WIDGET (form));
  g_assert_null (strstr (text, "in NEWS2"));
  g_assert_nonnull (strstr (text, "under 16"));
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

  g_test_add_func ("/child-page/news2-not-used", test_child);

  return g_test_run ();
}
