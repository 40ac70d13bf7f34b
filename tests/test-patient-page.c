/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-patient-page.c: the real window's patient page on a ward made in
 * the test (tests/crs-test-ward-data.c): the latest grades with their
 * reasons and guidance, the red flag banner and acknowledging it, archive
 * and Undo, corrections in the history, preferences, and a set entered
 * through the observation form (Ctrl+N) showing at once. */
#define G_LOG_DOMAIN "test-patient-page"

#include "config.h"

#include <string.h>

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-acknowledge-dialog-private.h"
#include "gui/crs-chart-item-private.h"
#include "gui/crs-display.h"
#include "gui/crs-escalation-banner-private.h"
#include "gui/crs-grade-row-private.h"
#include "gui/crs-history-view.h"
#include "gui/crs-latest-set-private.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-patient-page.h"
#include "gui/crs-preferences-window.h"
#include "gui/crs-therapy-panel-private.h"
#include "gui/crs-timeline-table.h"
#include "gui/crs-ward-list.h"
#include "gui/crs-ward-row.h"
#include "gui/crs-window-private.h"

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

static CrsLatestSet *
latest_set_of (CrsWindow *window)
{
  return CRS_LATEST_SET (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_LATEST_SET, NULL));
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

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* ---------------------------------------------------------------------- */

static void
latest_body (CrsApplication *app)
{
  CrsWindow *window = open_patient (app, ward.ada);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  CrsTherapyPanel *therapy;
  CrsTimelineTable *timeline;
  g_autoptr(CrsChartItem) newest = NULL;
  GtkWidget *details;

  crs_test_screenshot (GTK_WIDGET (window), "patient-page");

  /* The header. */
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Ada Lovelace"));
  details = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                  "MRN MRN-100 · 66 years · Female · 64.5 kg · Bed 10");
  if (details == NULL)
    /* Born 1960-05-01: 65 before the birthday in the year of the test. */
    details = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                    "MRN MRN-100 · 65 years · Female · 64.5 kg · Bed 10");
  g_assert_nonnull (details);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                          "Diffuse large B-cell lymphoma"));

  /* CRS 1 (fever alone), rising from 0; why; what it means. */
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 0)), ==, "1 mild");
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 0)), "fever 38.9 °C"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (grade_row (window, 0)), GTK_TYPE_LABEL,
                                          "Rising: grade 0 before"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (grade_row (window, 0)), GTK_TYPE_LABEL,
                                          "Mild CRS (grade 1): not life-threatening, and treatment "
                                          "can often continue. Relieve symptoms such as fever and "
                                          "headache, and tell the medical team. With fever, the team "
                                          "usually looks for infection (blood and urine cultures, "
                                          "chest X-ray)."));
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 1)), ==, "0 none");
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 1)), "ICE score 10"));
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 2)), ==, "2 low");
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 2)), "pulse 95/min (1)"));
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 2)), "temperature 38.9 °C (1)"));

  /* With fever: the mimics reminder. */
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                          "Could it be something else?"));

  /* Therapy and its window, from the reference. */
  therapy = CRS_THERAPY_PANEL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_THERAPY_PANEL, NULL));
  g_assert_cmpstr (crs_therapy_panel_get_headline (therapy), ==, "Day 3 after tisagenlecleucel");

  /* Temperatures in °F when chosen; stored and graded the same. */
  g_settings_set_string (settings, "temperature-unit", "fahrenheit");
  CRS_TEST_WAIT_UNTIL (contains (crs_grade_row_get_summary (grade_row (window, 0)), "fever 102.0 °F"));
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 0)), "fever 102.0 °F"));
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 0)), ==, "1 mild");
  g_settings_reset (settings, "temperature-unit");
  CRS_TEST_WAIT_UNTIL (contains (crs_grade_row_get_summary (grade_row (window, 0)), "fever 38.9 °C"));
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 0)), "fever 38.9 °C"));

  /* The timeline: newest first, counted from the infusion 3 days back. */
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "timeline");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL) != NULL);
  timeline = CRS_TIMELINE_TABLE (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL));
  g_assert_nonnull (timeline);
  newest = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (timeline)), 1);
  g_assert_cmpstr (crs_chart_item_get_text (newest, CRS_CHART_CRS), ==, "1 mild");
  g_assert_true (contains (crs_chart_item_get_text (newest, CRS_CHART_SINCE), ", 71 h"));
  crs_test_screenshot (GTK_WIDGET (window), "patient-timeline");
  g_clear_object (&newest);
  /* The paracetamol is in the timeline after the set, newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (crs_chart_table_get_model (CRS_CHART_TABLE (timeline))), ==, 4);
  newest = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (timeline)), 0);
  g_assert_cmpstr (crs_chart_item_get_text (newest, CRS_CHART_EVENT), ==, "Antipyretic: paracetamol 1 g PO");

  /* Interventions and lab results. */
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "treatment");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                             "Antipyretic: paracetamol 1 g PO") != NULL);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                          "Antipyretic: paracetamol 1 g PO"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "CRP 85 mg/L"));
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "No interventions recorded"));
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "No lab results recorded"));
  crs_test_screenshot (GTK_WIDGET (window), "patient-treatment");

  crs_test_close_all (app);
}

static void
test_latest (void)
{
  make_ward ();
  crs_test_run_application (NULL, latest_body);
}

/* ---------------------------------------------------------------------- */

static gboolean
dialog_shown (gpointer data)
{
  return crs_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return crs_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
escalation_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  CrsWindow *window;
  CrsEscalationBanner *banner;
  AdwMessageDialog *dialog;
  g_autofree char *when = crs_test_ward_clock (ward.now - 10 * MINUTE);
  g_autofree char *flag_text = g_strdup_printf ("Red flag at %s not acknowledged", when);
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  /* The nurse's name from Preferences is the store's author. */
  g_settings_set_string (settings, "nurse-name", "Nurse Jones");
  g_assert_cmpstr (crs_store_get_author (store), ==, "Nurse Jones");

  window = open_patient (app, ward.edith);
  banner = CRS_ESCALATION_BANNER (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_ESCALATION_BANNER, NULL));
  g_assert_true (crs_escalation_banner_is_shown (banner));
  g_assert_true (contains (crs_escalation_banner_get_title (banner), "NEWS2 13 (high)"));
  g_assert_true (contains (crs_escalation_banner_get_title (banner), when));
  g_assert_nonnull (crs_test_find_widget (ward_row (window, ward.edith), GTK_TYPE_LABEL, flag_text));
  crs_test_screenshot (GTK_WIDGET (window), "escalation-banner");

  /* The timeline says what the oxygen was; the history puts the red
   * flag first. */
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "timeline");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_TIMELINE_TABLE, NULL) != NULL);
  {
    CrsTimelineTable *timeline = CRS_TIMELINE_TABLE (crs_test_find_widget (GTK_WIDGET (window),
                                                                           CRS_TYPE_TIMELINE_TABLE, NULL));
    g_autoptr(CrsChartItem) oxygen = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (timeline)), 0);

    g_assert_cmpstr (crs_chart_item_get_text (oxygen, CRS_CHART_EVENT), ==,
                     "Oxygen started or changed: Nasal cannula 2 L/min");
  }
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "history");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL) != NULL);
  {
    CrsHistoryView *history = CRS_HISTORY_VIEW (crs_test_find_widget (GTK_WIDGET (window),
                                                                      CRS_TYPE_HISTORY_VIEW, NULL));
    g_autoptr(CrsChartItem) flagged = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (history)), 0);

    g_assert_cmpstr (crs_chart_item_get_text (flagged, CRS_CHART_STATUS), ==, "Red flag, not acknowledged");
  }
  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "summary");
  CRS_TEST_WAIT_UNTIL (latest_set_of (window) != NULL);
  g_assert_cmpstr (crs_latest_set_get_escalation_text (latest_set_of (window)), ==,
                   "Red flag not acknowledged yet: tell the medical team, then acknowledge.");

  /* Acknowledge: the name is filled in; who was informed is required. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.acknowledge", NULL));
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (CRS_TYPE_ACKNOWLEDGE_DIALOG), 5000));
  dialog = ADW_MESSAGE_DIALOG (crs_test_find_toplevel (CRS_TYPE_ACKNOWLEDGE_DIALOG));
  crs_test_wait_drawn (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crs_acknowledge_dialog_get_name_row (CRS_ACKNOWLEDGE_DIALOG (dialog)))),
                   ==, "Nurse Jones");
  g_assert_true (contains (adw_message_dialog_get_body (dialog), "NEWS2 13 (high)"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "acknowledge"));
  crs_test_screenshot (GTK_WIDGET (dialog), "acknowledge-dialog");
  gtk_editable_set_text (GTK_EDITABLE (crs_acknowledge_dialog_get_informed_row (CRS_ACKNOWLEDGE_DIALOG (dialog))),
                         "Dr Mbeki (registrar) informed, reviewing now");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "acknowledge"));
  /* Its button, as a nurse presses it (the dialog closes itself). */
  gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Acknowledge"));
  g_assert_true (crs_test_wait_until (dialog_gone, GSIZE_TO_POINTER (CRS_TYPE_ACKNOWLEDGE_DIALOG), 5000));
  CRS_TEST_WAIT_UNTIL (!crs_escalation_banner_is_shown (banner));

  /* Banner and mark are gone; the store holds who, when and what. */
  g_assert_false (crs_escalation_banner_is_shown (banner));
  g_assert_null (crs_test_find_widget (ward_row (window, ward.edith), GTK_TYPE_LABEL, flag_text));
  g_assert_null (crs_test_find_widget (ward_row (window, ward.edith), GTK_TYPE_IMAGE, NULL));
  acks = crs_store_list_acknowledgements (store, ward.edith, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 1);
  g_assert_cmpint (((CrsAcknowledgement *) acks->pdata[0])->observation_id, ==, ward.edith_flag);
  g_assert_cmpstr (((CrsAcknowledgement *) acks->pdata[0])->author, ==, "Nurse Jones");
  g_assert_cmpstr (((CrsAcknowledgement *) acks->pdata[0])->note, ==, "Dr Mbeki (registrar) informed, reviewing now");
  audit = crs_store_list_audit (store, "acknowledgement", 0, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->action, ==, "acknowledge");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->author, ==, "Nurse Jones");

  /* The latest set and the history say who acknowledged it, when, and
   * the note, not only "red flag". */
  {
    CrsAcknowledgement *ack = acks->pdata[0];
    g_autofree char *at = crs_test_ward_clock (ack->at);
    const char *shown = crs_latest_set_get_escalation_text (latest_set_of (window));
    CrsHistoryView *history;
    g_autoptr(CrsChartItem) flagged = NULL;

    g_test_message ("%s", shown);
    g_assert_true (g_str_has_prefix (shown, "Red flag acknowledged by Nurse Jones at "));
    g_assert_true (contains (shown, at));
    g_assert_true (g_str_has_suffix (shown, ": Dr Mbeki (registrar) informed, reviewing now"));
    g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, shown));
    adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "history");
    CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL) != NULL);
    history = CRS_HISTORY_VIEW (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL));
    flagged = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (history)), 0);
    g_assert_cmpstr (crs_chart_item_get_text (flagged, CRS_CHART_STATUS), ==, shown);
    crs_test_screenshot (GTK_WIDGET (window), "history-acknowledged");
  }

  g_settings_reset (settings, "nurse-name");
  crs_test_close_all (app);
}

static void
test_escalation (void)
{
  make_ward ();
  crs_test_run_application (NULL, escalation_body);
}

/* ---------------------------------------------------------------------- */

static void
archive_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window = open_patient (app, ward.alan);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;
  guint n_audit;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.archive-patient", NULL));
  CRS_TEST_WAIT_UNTIL (ward_row (window, ward.alan) == NULL &&
                       crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Alan Turing archived") != NULL);
  crs_test_wait_drawn (GTK_WIDGET (window));
  g_assert_null (ward_row (window, ward.alan));
  g_assert_cmpint (crs_window_get_patient (window), ==, 0);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Alan Turing archived"));
  crs_test_screenshot (GTK_WIDGET (window), "archive-toast");
  audit = crs_store_list_audit (store, "patient", ward.alan, &error);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "archive");

  /* Undo, from the toast. */
  undo = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  CRS_TEST_WAIT_UNTIL (ward_row (window, ward.alan) != NULL);
  g_assert_nonnull (ward_row (window, ward.alan));
  g_assert_cmpint (crs_window_get_patient (window), ==, ward.alan);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "patient", ward.alan, &error);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "restore");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 2])->action, ==, "archive");
  /* Nothing left to undo: Ctrl+Z does nothing now. */
  n_audit = audit->len;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-archive", NULL);
  crs_test_flush ();
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "patient", ward.alan, &error);
  g_assert_cmpuint (audit->len, ==, n_audit);

  /* Ctrl+Z undoes too, while the toast is shown: the toast goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.archive-patient", NULL));
  CRS_TEST_WAIT_UNTIL (ward_row (window, ward.alan) == NULL);
  g_assert_null (ward_row (window, ward.alan));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Alan Turing archived"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-archive", NULL));
  CRS_TEST_WAIT_UNTIL (ward_row (window, ward.alan) != NULL &&
                       crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Alan Turing archived") == NULL);
  g_assert_nonnull (ward_row (window, ward.alan));
  g_assert_cmpint (crs_window_get_patient (window), ==, ward.alan);
  /* The toast says so, and offers no Undo any more. */
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Alan Turing restored"));
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Alan Turing archived"));
  undo = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_true (undo == NULL || !gtk_widget_get_visible (undo));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "patient", ward.alan, &error);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "restore");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 2])->action, ==, "archive");

  crs_test_close_all (app);
}

static void
test_archive_undo (void)
{
  make_ward ();
  crs_test_run_application (NULL, archive_body);
}

/* Edith's red flag is open: archiving asks first and names the flag.
 * "Keep on the Ward" archives nothing; "Archive Anyway" archives, with
 * the Undo toast as always. */
static void
archive_open_flag_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window = open_patient (app, ward.edith);
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint n_audit;

  audit = crs_store_list_audit (store, "patient", ward.edith, &error);
  g_assert_no_error (error);
  n_audit = audit->len;

  /* Asked, and kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.archive-patient", NULL));
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  dialog = ADW_MESSAGE_DIALOG (crs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  crs_test_wait_drawn (GTK_WIDGET (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Archive Edith Cavell?");
  g_assert_true (contains (adw_message_dialog_get_body (dialog), "is not acknowledged yet: "));
  g_assert_true (contains (adw_message_dialog_get_body (dialog), "NEWS2 13 (high)"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  crs_test_screenshot (GTK_WIDGET (dialog), "archive-open-flag");
  gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Keep on the Ward"));
  g_assert_true (crs_test_wait_until (dialog_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  crs_test_flush ();
  g_assert_nonnull (ward_row (window, ward.edith));
  g_assert_cmpint (crs_window_get_patient (window), ==, ward.edith);
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Edith Cavell archived"));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "patient", ward.edith, &error);
  g_assert_cmpuint (audit->len, ==, n_audit);

  /* Asked, and archived anyway: the Undo toast, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.archive-patient", NULL));
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  dialog = ADW_MESSAGE_DIALOG (crs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  crs_test_wait_drawn (GTK_WIDGET (dialog));
  gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Archive Anyway"));
  g_assert_true (crs_test_wait_until (dialog_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  CRS_TEST_WAIT_UNTIL (ward_row (window, ward.edith) == NULL);
  g_assert_null (ward_row (window, ward.edith));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Edith Cavell archived"));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "patient", ward.edith, &error);
  g_assert_cmpuint (audit->len, ==, n_audit + 1);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "archive");
  g_signal_emit_by_name (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo"), "clicked");
  CRS_TEST_WAIT_UNTIL (ward_row (window, ward.edith) != NULL);
  g_assert_nonnull (ward_row (window, ward.edith));

  crs_test_close_all (app);
}

static void
test_archive_open_flag (void)
{
  make_ward ();
  crs_test_run_application (NULL, archive_open_flag_body);
}

/* ---------------------------------------------------------------------- */

static gint64 amended_id;

static void
history_body (CrsApplication *app)
{
  CrsWindow *window = open_patient (app, ward.ada);
  CrsHistoryView *history;
  GListModel *rows;
  g_autoptr(CrsChartItem) newest = NULL;
  g_autoptr(CrsChartItem) replaced = NULL;
  g_autoptr(CrsChartItem) oldest = NULL;
  gboolean can_amend;
  GtkWindow *form;

  adw_view_stack_set_visible_child_name (crs_patient_page_get_view_stack (page_of (window)), "history");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL) != NULL);
  crs_test_wait_drawn (GTK_WIDGET (window));
  history = CRS_HISTORY_VIEW (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_HISTORY_VIEW, NULL));
  g_assert_nonnull (history);
  crs_test_screenshot (GTK_WIDGET (window), "history");

  /* Every version, newest first: the correction, the version it
   * replaced, then the set of five hours before. */
  rows = crs_chart_table_get_model (CRS_CHART_TABLE (history));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  newest = g_list_model_get_item (rows, 0);
  replaced = g_list_model_get_item (rows, 1);
  oldest = g_list_model_get_item (rows, 2);
  g_assert_cmpint (crs_chart_item_get_observation (newest), ==, amended_id);
  g_assert_cmpstr (crs_chart_item_get_text (newest, CRS_CHART_STATUS), ==, "Amended: pulse was 85, not 95");
  g_assert_cmpstr (crs_chart_item_get_text (newest, CRS_CHART_PULSE), ==, "85");
  g_assert_cmpstr (crs_chart_item_get_text (replaced, CRS_CHART_STATUS), ==, "Replaced by a correction");
  g_assert_cmpstr (crs_chart_item_get_text (replaced, CRS_CHART_PULSE), ==, "95");
  g_assert_cmpstr (crs_chart_item_get_text (oldest, CRS_CHART_STATUS), ==, "");
  g_object_get (newest, "can-amend", &can_amend, NULL);
  g_assert_true (can_amend);
  g_object_get (replaced, "can-amend", &can_amend, NULL);
  g_assert_false (can_amend);

  /* "Amend…" on the newest version opens the observation form on it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.amend-observation", "x", amended_id));
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (CRS_TYPE_OBSERVATION_DIALOG), 5000));
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (form), ==, "Amend Observations");
  gtk_window_destroy (form);
  crs_test_flush ();

  crs_test_close_all (app);
}

static void
test_history (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();
  g_autoptr(CrsObservation) fixed = NULL;
  g_autoptr(GError) error = NULL;

  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
  fixed = crs_store_get_observation (store, ward.ada_latest, &error);
  g_assert_no_error (error);
  fixed->heart_rate = 85;
  g_assert_true (crs_store_amend_observation (store, ward.ada_latest, fixed, "pulse was 85, not 95", &error));
  g_assert_no_error (error);
  amended_id = fixed->id;
  g_clear_object (&store);

  crs_test_run_application (NULL, history_body);
}

/* ---------------------------------------------------------------------- */

static void
preferences_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window = open_patient (app, ward.ada);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  AdwPreferencesWindow *prefs;
  GtkWidget *row;
  GtkWidget *spin;
  CrsWardPolicy policy;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (CRS_TYPE_PREFERENCES_WINDOW), 5000));
  prefs = ADW_PREFERENCES_WINDOW (crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW));
  crs_test_wait_drawn (GTK_WIDGET (prefs));
  crs_test_screenshot (GTK_WIDGET (prefs), "preferences");

  /* Nurse identity: the author of every change; empty = login name. */
  row = form_test_find_row (GTK_WIDGET (prefs), "Nurse name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Nurse Okafor");
  CRS_TEST_WAIT_UNTIL (g_strcmp0 (crs_store_get_author (store), "Nurse Okafor") == 0);
  g_assert_cmpstr (crs_store_get_author (store), ==, "Nurse Okafor");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  CRS_TEST_WAIT_UNTIL (g_strcmp0 (crs_store_get_author (store), g_get_user_name ()) == 0);
  g_assert_cmpstr (crs_store_get_author (store), ==, g_get_user_name ());

  /* Temperature unit and order are the user's settings. */
  row = form_test_find_row (GTK_WIDGET (prefs), "Temperature unit");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpstr (g_settings_get_string (settings, "temperature-unit"), ==, "fahrenheit");
  g_settings_reset (settings, "temperature-unit");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  /* The ward: its name above the ward list. */
  adw_preferences_window_set_visible_page_name (prefs, "ward");
  crs_test_wait_drawn (GTK_WIDGET (prefs));
  crs_test_screenshot (GTK_WIDGET (prefs), "preferences-ward");
  row = form_test_find_row (GTK_WIDGET (prefs), "Ward name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Haematology 7B");
  g_signal_emit_by_name (row, "apply");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "Haematology 7B") != NULL);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "Haematology 7B"));

  /* The ward policy: saved in the store, applied at once. Ada is in her
   * therapy's window: with sets at least hourly there, the set of 40
   * minutes ago is due in 20. */
  row = form_test_find_row (GTK_WIDGET (prefs), "Hypotension below");
  spin = crs_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 90);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 85);
  row = form_test_find_row (GTK_WIDGET (prefs), "Observations in the monitoring window at least every");
  spin = crs_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 60);
  /* The NEWS2 age: 16 by default, and only from 0 to 21. */
  row = form_test_find_row (GTK_WIDGET (prefs), "NEWS2 from age");
  spin = crs_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 16);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 40);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 21);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 18);
  /* The observation rules by grade (grading.md §6 defaults) and the
   * children's blood pressure rule. */
  row = form_test_find_row (GTK_WIDGET (prefs), "Observations at CRS or ICANS grade 1 at least every");
  spin = crs_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 240);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 180);
  row = form_test_find_row (GTK_WIDGET (prefs), "Under continuous monitoring, a set at least every");
  spin = crs_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  row = form_test_find_row (GTK_WIDGET (prefs), "Children's low blood pressure by age");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (crs_test_find_widget (row, GTK_TYPE_SWITCH, NULL))));
  gtk_switch_set_active (GTK_SWITCH (crs_test_find_widget (row, GTK_TYPE_SWITCH, NULL)), FALSE);
  CRS_TEST_WAIT_UNTIL (crs_store_load_policy (store, &policy) && policy.news2_min_age == 18 &&
                       !policy.child_hypotension_by_age);
  g_assert_true (crs_store_load_policy (store, &policy));
  g_assert_cmpint (policy.hypotension_systolic_below, ==, 85);
  g_assert_cmpint (policy.window_interval_minutes, ==, 60);
  g_assert_cmpint (policy.news2_min_age, ==, 18);
  g_assert_cmpint (policy.grade1_interval_minutes, ==, 180);
  g_assert_cmpint (policy.continuous_max_gap_minutes, ==, 30);
  g_assert_false (policy.child_hypotension_by_age);
  g_assert_nonnull (crs_test_find_widget (ward_row (window, ward.ada), GTK_TYPE_LABEL, "Due in 20 minutes (monitoring window)"));
  /* The grades saved stay as they were. */
  g_assert_nonnull (crs_test_find_widget (ward_row (window, ward.ada), GTK_TYPE_LABEL, "CRS 1 mild"));

  gtk_window_close (GTK_WINDOW (prefs));
  crs_test_close_all (app);
}

static void
test_preferences (void)
{
  make_ward ();
  crs_test_run_application (NULL, preferences_body);
}

/* ---------------------------------------------------------------------- */

static void
form_body (CrsApplication *app)
{
  CrsWindow *window = open_patient (app, ward.grace);
  CrsStore *store = crs_application_get_store (app);
  GtkWindow *form;
  g_autoptr(CrsObservation) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (crs_test_find_widget (ward_row (window, ward.grace), GTK_TYPE_LABEL, "No observations yet"));

  /* Ctrl+N: the observation form for the patient shown. */
  if (!form_test_press (GTK_WINDOW (window), GDK_KEY_n, GDK_CONTROL_MASK))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-observation", NULL));
  g_assert_true (crs_test_wait_until (dialog_shown, GSIZE_TO_POINTER (CRS_TYPE_OBSERVATION_DIALOG), 5000));
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  form_test_show (form);

  /* Temperature first, then pulse, as on the paper chart. */
  form_test_type (form, "39.4");
  form_test_tab (form, FALSE);
  form_test_type (form, "88");
  if (!form_test_press (form, GDK_KEY_Return, GDK_CONTROL_MASK))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  g_assert_true (form_test_wait_closed (&form));
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Observation set saved") != NULL);

  /* Saved, and shown at once: fever alone, with neither blood pressure nor
   * oxygen recorded, is CRS at least 1 (the lower bound is what is
   * stored). */
  saved = crs_store_get_latest_observation (store, ward.grace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (saved->temperature_c, ==, 39.4);
  g_assert_cmpint (saved->stored_crs_grade, ==, 1);
  g_assert_nonnull (crs_test_find_widget (ward_row (window, ward.grace), GTK_TYPE_LABEL, "CRS at least 1 mild"));
  g_assert_cmpstr (crs_grade_row_get_grade (grade_row (window, 0)), ==, "at least 1 mild");
  g_assert_true (contains (crs_grade_row_get_summary (grade_row (window, 0)), "fever 39.4 °C"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Observation set saved"));

  crs_test_close_all (app);
}

static void
test_form (void)
{
  make_ward ();
  crs_test_run_application (NULL, form_body);
}

/* Units as laboratories send them (UCUM), as people read them. */
static void
test_display_unit (void)
{
  static const struct { const char *ucum; const char *shown; } units[] = {
    { "mg/L", "mg/L" },
    { "ug/L", "µg/L" },
    { "umol/L", "µmol/L" },
    { "10*9/L", "×10⁹/L" },
    { "10*3/uL", "×10³/µL" },
    { "10^6 CAR+ T cells", "×10⁶ CAR+ T cells" },
    { "10*-3", "×10⁻³" },
    { "U/L", "U/L" },
    { "ng/mL", "ng/mL" },
    { "g/dL", "g/dL" },
    { "pg/mL", "pg/mL" },
    { "unit", "unit" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *shown = crs_display_unit (units[i].ucum);
      g_assert_cmpstr (shown, ==, units[i].shown);
    }
  {
    g_autofree char *none = crs_display_unit (NULL);
    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/patient-page/latest", test_latest);
  g_test_add_func ("/patient-page/escalation", test_escalation);
  g_test_add_func ("/patient-page/archive-undo", test_archive_undo);
  g_test_add_func ("/patient-page/archive-open-flag", test_archive_open_flag);
  g_test_add_func ("/patient-page/history", test_history);
  g_test_add_func ("/patient-page/preferences", test_preferences);
  g_test_add_func ("/patient-page/new-observation-form", test_form);
  g_test_add_func ("/patient-page/display-unit", test_display_unit);

  return g_test_run ();
}
