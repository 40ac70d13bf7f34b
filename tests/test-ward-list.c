/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ward-list.c: the real window's ward list on a ward made in the
 * test (tests/crs-test-ward-data.c): the grades as number and word, the
 * due times, the marks; order by bed and by urgency; finding a patient;
 * following saves and the clock without a restart; a list that could not
 * be read again said and read again; folding at 360 px. */
#define G_LOG_DOMAIN "test-ward-list"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-escalation-banner-private.h"
#include "gui/crs-ward-entry.h"
#include "gui/crs-ward-list-private.h"
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

static CrsWardList *
ward_list (CrsApplication *app)
{
  return CRS_WARD_LIST (crs_test_find_widget (GTK_WIDGET (crs_test_main_window (app)),
                                              CRS_TYPE_WARD_LIST, NULL));
}

static GtkWidget *
row_of (CrsApplication *app,
        gint64          patient_id)
{
  GtkWidget *list = GTK_WIDGET (ward_list (app));

  for (GtkWidget *row = crs_test_find_widget (list, CRS_TYPE_WARD_ROW, NULL);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (CRS_IS_WARD_ROW (row) &&
        crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row))) == patient_id)
      return row;
  return NULL;
}

/* The row shows @text in one of its labels (visible ones only). */
static gboolean
row_shows (CrsApplication *app,
           gint64          patient_id,
           const char     *text)
{
  GtkWidget *row = row_of (app, patient_id);

  return row != NULL && crs_test_find_widget (row, GTK_TYPE_LABEL, text) != NULL;
}

static char *
shown_order (CrsApplication *app)
{
  g_autoptr(GPtrArray) shown = crs_ward_list_get_shown (ward_list (app));
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < shown->len; i++)
    {
      CrsWardEntry *entry = g_ptr_array_index (shown, i);
      g_string_append_printf (order, "%s%s", i > 0 ? "," : "", crs_ward_entry_get_patient (entry)->bed);
    }
  return g_strdup (order->str);
}

/* The list shows the beds in this order. */
static gboolean
order_is (CrsApplication *app,
          const char     *beds)
{
  g_autofree char *order = shown_order (app);

  return g_strcmp0 (order, beds) == 0;
}

/* ---------------------------------------------------------------------- */

static void
rows_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autofree char *order = NULL;
  g_autofree char *edith_time = crs_test_ward_clock (ward.now - 10 * MINUTE);
  g_autofree char *flag_text = g_strdup_printf ("Red flag at %s not acknowledged", edith_time);
  GtkWidget *row;
  const char *label;

  crs_window_set_clock (window, ward.now);
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "ward-list");

  /* By bed, as people count beds: 2 before 10. */
  order = shown_order (app);
  g_assert_cmpstr (order, ==, "2,3,4,10");

  /* Each grade as a number and a word; NEWS2 with its band. */
  g_assert_true (row_shows (app, ward.ada, "Bed 10"));
  g_assert_true (row_shows (app, ward.ada, "Ada Lovelace"));
  g_assert_true (row_shows (app, ward.ada, "CRS 1 mild"));
  g_assert_true (row_shows (app, ward.ada, "ICANS 0 none"));
  g_assert_true (row_shows (app, ward.ada, "NEWS2 2 low"));
  g_assert_true (row_shows (app, ward.ada, "tisagenlecleucel, day 3"));
  g_assert_true (row_shows (app, ward.edith, "CRS 2 moderate"));
  g_assert_true (row_shows (app, ward.edith, "NEWS2 13 high"));
  g_assert_false (row_shows (app, ward.grace, "CRS not determined"));
  g_assert_true (row_shows (app, ward.grace, "No infusion recorded"));

  /* When the next set is due. */
  /* When the next set is due, and which rule says so: Ada's CRS grade 1
   * (4-hourly; her NEWS2 2 and the window say the same), Alan's NEWS2 0
   * (12-hourly), Edith's CRS grade 2 (continuous monitoring, a recorded
   * set at least hourly; her NEWS2 13 too). */
  g_assert_true (row_shows (app, ward.ada, "Due in 3 hours 20 minutes (CRS grade 1)"));
  g_assert_true (row_shows (app, ward.alan, "Overdue by 1 hour (NEWS2 0)"));
  g_assert_true (row_shows (app, ward.grace, "No observations yet"));
  g_assert_true (row_shows (app, ward.edith, "Monitor continuously; next set due in 50 minutes (CRS grade 2)"));

  /* The rising mark: an icon, and words for screen readers. */
  row = row_of (app, ward.ada);
  g_assert_nonnull (crs_test_find_widget (row, GTK_TYPE_IMAGE, NULL));
  label = gtk_widget_get_tooltip_text (crs_test_find_widget (row, GTK_TYPE_IMAGE, NULL));
  g_assert_cmpstr (label, ==, "CRS grade rising");
  g_assert_null (crs_test_find_widget (row_of (app, ward.alan), GTK_TYPE_IMAGE, NULL));

  /* The red flag mark, in words too, with its time. */
  g_assert_true (row_shows (app, ward.edith, flag_text));
  g_assert_false (row_shows (app, ward.ada, flag_text));

  /* The minute timer moves due times on. */
  crs_window_set_clock (window, ward.now + 10 * MINUTE);
  CRS_TEST_WAIT_UNTIL (row_shows (app, ward.ada, "Due in 3 hours 10 minutes (CRS grade 1)"));
  g_assert_true (row_shows (app, ward.alan, "Overdue by 1 hour 10 minutes (NEWS2 0)"));
  g_assert_true (row_shows (app, ward.edith, "Monitor continuously; next set due in 40 minutes (CRS grade 2)"));

  crs_test_close_all (app);
}

static void
test_rows (void)
{
  make_ward ();
  crs_test_run_application (NULL, rows_body);
}

/* ---------------------------------------------------------------------- */

static void
order_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *bed_order = NULL;
  g_autofree char *urgent_order = NULL;
  g_autofree char *default_order = NULL;

  crs_window_set_clock (window, ward.now);

  /* Urgency: the red flag, then the overdue, then the highest grade, then
   * nobody observed yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "urgency"));
  CRS_TEST_WAIT_UNTIL (order_is (app, "4,3,10,2"));
  urgent_order = shown_order (app);
  g_assert_cmpstr (urgent_order, ==, "4,3,10,2");
  crs_test_screenshot (GTK_WIDGET (window), "ward-list-urgency");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "bed"));
  CRS_TEST_WAIT_UNTIL (order_is (app, "2,3,4,10"));
  bed_order = shown_order (app);
  g_assert_cmpstr (bed_order, ==, "2,3,4,10");

  /* The default order from Preferences applies at once. */
  g_settings_set_string (settings, "ward-sort", "urgency");
  CRS_TEST_WAIT_UNTIL (order_is (app, "4,3,10,2"));
  default_order = shown_order (app);
  g_assert_cmpstr (default_order, ==, "4,3,10,2");
  g_settings_reset (settings, "ward-sort");

  crs_test_close_all (app);
}

static void
test_order (void)
{
  make_ward ();
  crs_test_run_application (NULL, order_body);
}

/* ---------------------------------------------------------------------- */

static gboolean
focus_in_entry (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));
  GtkWidget *entry = g_object_get_data (G_OBJECT (data), "test-entry");

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
search_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  GtkWidget *entry;
  GtkWidget *search_bar;
  g_autofree char *by_name = NULL;
  g_autofree char *by_mrn = NULL;
  g_autofree char *all = NULL;

  /* Ctrl+F (win.search) opens the search with the focus in it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  CRS_TEST_WAIT_UNTIL ((search_bar = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR, NULL)) != NULL &&
                       gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)) &&
                       crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL) != NULL);
  search_bar = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR, NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  entry = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);
  g_object_set_data (G_OBJECT (window), "test-entry", entry);
  g_assert_true (crs_test_wait_until (focus_in_entry, window, 2000));

  /* Part of a name, any case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "TUR");
  g_signal_emit_by_name (entry, "search-changed");
  CRS_TEST_WAIT_UNTIL (order_is (app, "3"));
  by_name = shown_order (app);
  g_assert_cmpstr (by_name, ==, "3");

  /* Part of an MRN. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "mrn-4");
  g_signal_emit_by_name (entry, "search-changed");
  CRS_TEST_WAIT_UNTIL (order_is (app, "4"));
  by_mrn = shown_order (app);
  g_assert_cmpstr (by_mrn, ==, "4");

  /* Nobody: the list says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzz");
  g_signal_emit_by_name (entry, "search-changed");
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "No Patient Found") != NULL);
  crs_test_wait_drawn (GTK_WIDGET (window));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "No Patient Found"));
  crs_test_screenshot (GTK_WIDGET (window), "ward-list-no-results");

  /* Escape ends the search and shows everyone again. */
  g_signal_emit_by_name (entry, "stop-search");
  CRS_TEST_WAIT_UNTIL (order_is (app, "2,3,4,10"));
  all = shown_order (app);
  g_assert_cmpstr (all, ==, "2,3,4,10");

  crs_test_close_all (app);
}

static void
test_search (void)
{
  make_ward ();
  crs_test_run_application (NULL, search_body);
}

/* ---------------------------------------------------------------------- */

static void
follow_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(CrsObservation) worse = NULL;
  g_autoptr(CrsPatient) newcomer = crs_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  g_autofree char *when = NULL;
  g_autofree char *flag_text = NULL;

  crs_window_set_clock (window, ward.now);
  g_assert_true (row_shows (app, ward.alan, "CRS 0 none"));

  /* A set saved through the app's store shows at once: Alan now has a
   * fever of 39.2 °C and needs oxygen by nasal cannula at 3 L/min
   * (ASTCT CRS 2), pulse 112 (2), RR 22 (2), SpO2 94 on oxygen (1 and 2
   * for oxygen), temperature 39.2 (2): NEWS2 9, a red flag. */
  worse = crs_test_ward_normal_set (ward.alan, ward.now - 2 * MINUTE);
  worse->temperature_c = 39.2;
  worse->heart_rate = 112;
  worse->resp_rate = 22;
  worse->spo2 = 94;
  worse->o2_device = CRS_O2_NASAL_CANNULA;
  worse->o2_flow_l_min = 3;
  crs_test_ward_save_set (store, worse);
  CRS_TEST_WAIT_UNTIL (row_shows (app, ward.alan, "CRS 2 moderate"));
  when = crs_test_ward_clock (worse->taken_at);
  flag_text = g_strdup_printf ("Red flag at %s not acknowledged", when);
  g_assert_true (row_shows (app, ward.alan, "CRS 2 moderate"));
  g_assert_true (row_shows (app, ward.alan, "NEWS2 9 high"));
  g_assert_true (row_shows (app, ward.alan, flag_text));
  g_assert_nonnull (crs_test_find_widget (row_of (app, ward.alan), GTK_TYPE_IMAGE, NULL));

  /* A new patient joins the list, in bed order. */
  newcomer->mrn = g_strdup ("MRN-500");
  newcomer->name = g_strdup ("Florence Nightingale");
  newcomer->bed = g_strdup ("5");
  g_assert_true (crs_store_add_patient (store, newcomer, &error));
  g_assert_no_error (error);
  CRS_TEST_WAIT_UNTIL (order_is (app, "2,3,4,5,10"));
  order = shown_order (app);
  g_assert_cmpstr (order, ==, "2,3,4,5,10");

  crs_test_close_all (app);
}

static void
test_follow (void)
{
  make_ward ();
  crs_test_run_application (NULL, follow_body);
}

/* ---------------------------------------------------------------------- */

/* Another program breaks the ward database under the app (a table
 * renamed): the list cannot be read again after a save. The nurse sees
 * it at once above the list, with the time of the list still shown and
 * why; the list is read again at the next minute, and once the database
 * is whole the list is up to date and says so. */
/* The first mapped label under @root whose text starts with @prefix. */
static GtkWidget *
label_starting (GtkWidget  *root,
                const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)), prefix))
        return child;
      if ((found = label_starting (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

static void
database_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
stale_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(CrsObservation) worse = NULL;
  g_autofree char *shown_at = crs_test_ward_clock (ward.now);
  g_autofree char *expected_title = g_strdup_printf ("The ward list could not be updated. "
                                                     "Showing the list from %s.", shown_at);
  GtkWidget *title;
  GtkWidget *detail;
  const char *text;

  crs_window_set_clock (window, ward.now);
  g_assert_true (row_shows (app, ward.alan, "CRS 0 none"));
  /* The list is read at the clock's time: a set for Grace. */
  {
    g_autoptr(CrsObservation) grace = crs_test_ward_normal_set (ward.grace, ward.now - 5 * MINUTE);

    crs_test_ward_save_set (store, grace);
    CRS_TEST_WAIT_UNTIL (row_shows (app, ward.grace, "CRS 0 none"));
    g_assert_true (row_shows (app, ward.grace, "CRS 0 none"));
  }

  database_exec (crs_store_get_path (store), "ALTER TABLE acknowledgement RENAME TO acknowledgement_away");
  worse = crs_test_ward_normal_set (ward.alan, ward.now - 2 * MINUTE);
  worse->temperature_c = 39.2;
  crs_test_ward_save_set (store, worse);
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, expected_title) != NULL &&
                       label_starting (GTK_WIDGET (window), "Could not read ") != NULL);
  crs_test_wait_drawn (GTK_WIDGET (window));

  /* Said above the list, with the time of the list shown and why; the
   * list is as it was. */
  title = crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, expected_title);
  g_assert_nonnull (title);
  detail = label_starting (GTK_WIDGET (window), "Could not read ");
  g_assert_nonnull (detail);
  text = gtk_label_get_label (GTK_LABEL (detail));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "no such table: acknowledgement. It is tried again"));
  g_assert_true (row_shows (app, ward.alan, "CRS 0 none"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Try Again"));
  crs_test_screenshot (GTK_WIDGET (window), "ward-list-stale");

  /* A minute on, still broken: tried again, still said. */
  crs_window_set_clock (window, ward.now + MINUTE);
  crs_test_flush ();
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, expected_title));
  g_assert_true (row_shows (app, ward.alan, "CRS 0 none"));

  /* "Try Again" while still broken changes nothing. */
  gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Try Again"));
  crs_test_flush ();
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, expected_title));

  /* Whole again: the next minute reads the list, and says so. */
  database_exec (crs_store_get_path (store), "ALTER TABLE acknowledgement_away RENAME TO acknowledgement");
  crs_window_set_clock (window, ward.now + 2 * MINUTE);
  CRS_TEST_WAIT_UNTIL (row_shows (app, ward.alan, "CRS 1 mild") &&
                       crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, expected_title) == NULL &&
                       crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "The ward list is up to date again.") != NULL);
  g_assert_true (row_shows (app, ward.alan, "CRS 1 mild"));
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, expected_title));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                          "The ward list is up to date again."));

  crs_test_close_all (app);
}

/* The patient page could not be read again (here its lab results): it
 * keeps what it showed, and a bar above it says so, with the time of
 * what is shown and why, until a read succeeds. */
static void
page_stale_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(CrsObservation) worse = NULL;
  g_autofree char *shown_at = crs_test_ward_clock (ward.now);
  g_autofree char *prefix = g_strdup_printf ("This page could not be updated. It shows the patient as at %s. ",
                                             shown_at);
  GtkWidget *bar;

  crs_window_set_clock (window, ward.now);
  crs_window_select_patient (window, ward.alan);
  crs_test_flush ();
  g_assert_null (label_starting (GTK_WIDGET (window), "This page could not be updated."));

  database_exec (crs_store_get_path (store), "ALTER TABLE lab_result RENAME TO lab_result_away");
  worse = crs_test_ward_normal_set (ward.alan, ward.now - 2 * MINUTE);
  worse->temperature_c = 39.2;
  crs_test_ward_save_set (store, worse);
  CRS_TEST_WAIT_UNTIL (label_starting (GTK_WIDGET (window), "This page could not be updated.") != NULL);
  crs_test_wait_drawn (GTK_WIDGET (window));
  bar = label_starting (GTK_WIDGET (window), "This page could not be updated.");
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (bar)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (bar)), prefix));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (bar)), "lab_result"));

  /* Still there a minute on (and once the bar has slid in), not a toast
   * that goes. */
  crs_window_set_clock (window, ward.now + MINUTE);
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_nonnull (label_starting (GTK_WIDGET (window), prefix));
  crs_test_screenshot (GTK_WIDGET (window), "patient-page-stale");

  /* Whole again: "Try Again" reads the page, and the bar goes. */
  database_exec (crs_store_get_path (store), "ALTER TABLE lab_result_away RENAME TO lab_result");
  gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Try A_gain"));
  CRS_TEST_WAIT_UNTIL (label_starting (GTK_WIDGET (window), "This page could not be updated.") == NULL);
  g_assert_null (label_starting (GTK_WIDGET (window), "This page could not be updated."));

  crs_test_close_all (app);
}

/* Another workstation on the same ward database saves a fever for Alan:
 * this window shows it within seconds, with nothing done here. */
static void
outside_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(CrsStore) other = NULL;
  g_autoptr(CrsObservation) fever = NULL;
  g_autoptr(GError) error = NULL;

  crs_window_set_clock (window, ward.now);
  g_assert_true (row_shows (app, ward.alan, "CRS 0 none"));
  other = crs_store_open (crs_store_get_path (store), &error);
  g_assert_no_error (error);
  fever = crs_test_ward_normal_set (ward.alan, ward.now - 2 * MINUTE);
  fever->temperature_c = 39.2;
  crs_test_ward_save_set (other, fever);
  CRS_TEST_WAIT_UNTIL (row_shows (app, ward.alan, "CRS 1 mild"));
  g_assert_true (row_shows (app, ward.alan, "CRS 1 mild"));

  crs_test_close_all (app);
}

static void
test_outside (void)
{
  make_ward ();
  crs_test_run_application (NULL, outside_body);
}

static void
test_stale (void)
{
  make_ward ();
  crs_test_run_application (NULL, stale_body);
}

static void
test_page_stale (void)
{
  make_ward ();
  crs_test_run_application (NULL, page_stale_body);
}

/* ---------------------------------------------------------------------- */

static gboolean
folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static void
narrow_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  AdwLeaflet *leaflet = ADW_LEAFLET (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  GtkWidget *sidebar;
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (crs_test_wait_until (folded, leaflet, 5000));
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) <= 400 &&
                       !adw_leaflet_get_child_transition_running (leaflet));
  sidebar = adw_leaflet_get_visible_child (leaflet);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (ward_list (app)), sidebar));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  crs_test_screenshot (GTK_WIDGET (window), "ward-list-360");

  /* Opening a patient (Enter or a click on the row) goes forward. */
  row = row_of (app, ward.ada);
  g_assert_true (gtk_widget_activate (row));
  CRS_TEST_WAIT_UNTIL (crs_window_get_patient (window) == ward.ada &&
                       adw_leaflet_get_visible_child (leaflet) != sidebar &&
                       !adw_leaflet_get_child_transition_running (leaflet));
  g_assert_cmpint (crs_window_get_patient (window), ==, ward.ada);
  g_assert_false (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Ada Lovelace"));
  crs_test_screenshot (GTK_WIDGET (window), "patient-page-360");

  /* Back returns to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  CRS_TEST_WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == sidebar &&
                       !adw_leaflet_get_child_transition_running (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);

  /* Wide again: both panes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1000);
  CRS_TEST_WAIT_UNTIL (!adw_leaflet_get_folded (leaflet));
  crs_test_wait_drawn (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  crs_test_screenshot (GTK_WIDGET (window), "patient-page-1920");

  crs_test_close_all (app);
}

static void
test_narrow (void)
{
  make_ward ();
  crs_test_run_application (NULL, narrow_body);
}

/* ---------------------------------------------------------------------- */

/* Where @widget is in @window. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           CrsWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* The banner's button beside its text on a wide window, under it (the
 * text keeping the width) on a narrow one; FALSE too while it is not
 * laid out yet. */
static gboolean
banner_layout_is (CrsWindow *window,
                  gboolean   narrow)
{
  GtkWidget *banner = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_ESCALATION_BANNER, NULL);
  GtkWidget *title;
  GtkWidget *button;
  graphene_rect_t text, acknowledge;

  if (banner == NULL)
    return FALSE;
  title = crs_test_find_widget (banner, GTK_TYPE_LABEL,
                                crs_escalation_banner_get_title (CRS_ESCALATION_BANNER (banner)));
  button = crs_test_find_widget (banner, GTK_TYPE_BUTTON, "_Acknowledge…");
  if (title == NULL || button == NULL ||
      !gtk_widget_compute_bounds (title, GTK_WIDGET (window), &text) ||
      !gtk_widget_compute_bounds (button, GTK_WIDGET (window), &acknowledge))
    return FALSE;
  if (narrow)
    return acknowledge.origin.y >= text.origin.y + text.size.height;
  return acknowledge.origin.x >= text.origin.x + text.size.width;
}

/* The leaflet shows the ward list, and is done moving to it. */
static gboolean
list_shown (CrsWindow *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  GtkWidget *list = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_WARD_LIST, NULL);

  return leaflet != NULL && list != NULL &&
         gtk_widget_is_ancestor (list, adw_leaflet_get_visible_child (leaflet)) &&
         !adw_leaflet_get_child_transition_running (leaflet);
}

/* The banner's button beside its text on a wide window, under it (the
 * text keeping the width) on a narrow one. */
static void
assert_banner_layout (CrsWindow *window,
                      gboolean   narrow)
{
  CrsEscalationBanner *banner = CRS_ESCALATION_BANNER (crs_test_find_widget (GTK_WIDGET (window),
                                                                             CRS_TYPE_ESCALATION_BANNER, NULL));
  GtkWidget *title = crs_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_LABEL,
                                           crs_escalation_banner_get_title (banner));
  GtkWidget *button = crs_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, "_Acknowledge…");
  graphene_rect_t text = bounds_in (title, window);
  graphene_rect_t acknowledge = bounds_in (button, window);

  if (narrow)
    g_assert_cmpfloat (acknowledge.origin.y, >=, text.origin.y + text.size.height);
  else
    g_assert_cmpfloat (acknowledge.origin.x, >=, text.origin.x + text.size.width);
}

/* The demo ward, ordered by urgency: a patient with a red flag not
 * acknowledged comes first, and opening them shows the banner. */
static void
demo_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *sort = NULL;
  CrsWardEntry *first;
  int width = 1920, height = 1080;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "urgency"));
  crs_test_flush ();
  /* The main menu's order is the one Preferences shows, kept. */
  sort = g_settings_get_string (settings, "ward-sort");
  g_assert_cmpstr (sort, ==, "urgency");
  shown = crs_ward_list_get_shown (ward_list (app));
  g_assert_cmpuint (shown->len, >=, 8);
  first = g_ptr_array_index (shown, 0);
  g_assert_cmpuint (crs_ward_entry_get_status (first)->open->len, >, 0);
  for (guint i = 1; i < shown->len; i++)
    g_assert_cmpint (crs_ward_entry_compare_urgency (g_ptr_array_index (shown, i - 1),
                                                     g_ptr_array_index (shown, i)), <, 0);

  g_assert_true (crs_window_select_patient (window, crs_ward_entry_get_id (first)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  CRS_TEST_WAIT_UNTIL (banner_layout_is (window, FALSE));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Acknowledge…"));
  assert_banner_layout (window, FALSE);
  crs_test_screenshot (GTK_WIDGET (window), "demo-wide");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  CRS_TEST_WAIT_UNTIL (banner_layout_is (window, TRUE));
  assert_banner_layout (window, TRUE);
  crs_test_screenshot (GTK_WIDGET (window), "demo-360");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  CRS_TEST_WAIT_UNTIL (list_shown (window));
  crs_test_screenshot (GTK_WIDGET (window), "demo-360-list");

  g_settings_reset (settings, "ward-sort");
  crs_test_close_all (app);
}

static void
test_demo (void)
{
  const char *args[] = { "--demo", NULL };

  crs_test_run_application (args, demo_body);
}

/* ---------------------------------------------------------------------- */

/* The entry behind a row says what the row shows as properties, and
 * notifies only what changed: a minute that changes nothing a person
 * sees notifies nothing; a fever notifies the CRS chip and the status
 * once each, and the bound row follows. */
static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count_of (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* Whether a label under @root (shown on screen or not) reads @text. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_entry_notifies (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(CrsWardEntry) entry = NULL;
  g_autoptr(CrsObservation) fever = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chip = NULL;
  g_autofree char *summary = NULL;
  CrsWardPolicy policy;
  CrsWardRow *row;
  gboolean graded = FALSE;

  crs_ward_policy_init (&policy);
  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
  patient = crs_store_get_patient (store, ward.alan, &error);
  g_assert_no_error (error);
  entry = crs_ward_entry_new (patient);
  row = g_object_ref_sink (crs_ward_row_new (entry));

  g_assert_true (crs_ward_entry_load (entry, store, NULL, NULL, NULL, &policy, ward.now, &error));
  g_assert_no_error (error);
  g_object_get (entry, "crs-chip", &chip, "graded", &graded, "summary", &summary, NULL);
  g_assert_cmpstr (chip, ==, "CRS 0 none");
  g_assert_true (graded);
  g_assert_true (g_str_has_prefix (summary, "Bed 3, "));
  g_assert_true (has_label (GTK_WIDGET (row), "CRS 0 none"));

  g_signal_connect (entry, "notify", G_CALLBACK (count_notify), counts);
  /* Ten seconds on, Alan is overdue by a minute more: the due line and
   * the sentence change, nothing else. */
  crs_ward_entry_update_time (entry, &policy, ward.now + 10);
  g_assert_cmpuint (count_of (counts, "due-text"), ==, 1);
  g_assert_cmpuint (count_of (counts, "summary"), ==, 1);
  g_assert_cmpuint (count_of (counts, "crs-chip"), ==, 0);
  g_assert_cmpuint (count_of (counts, "bed"), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (row), "Overdue by 1 hour 1 minute (NEWS2 0)"));
  /* A second later: nothing a person sees changed, nothing notified. */
  g_hash_table_remove_all (counts);
  crs_ward_entry_update_time (entry, &policy, ward.now + 11);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  fever = crs_test_ward_normal_set (ward.alan, ward.now - 60);
  fever->temperature_c = 39.2;
  crs_test_ward_save_set (store, fever);
  g_assert_true (crs_ward_entry_load (entry, store, NULL, NULL, NULL, &policy, ward.now + 20, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (counts, "crs-chip"), ==, 1);
  g_assert_cmpuint (count_of (counts, "status"), ==, 1);
  g_assert_cmpuint (count_of (counts, "bed"), ==, 0);
  g_clear_pointer (&chip, g_free);
  g_object_get (entry, "crs-chip", &chip, NULL);
  g_assert_cmpstr (chip, ==, "CRS 1 mild");
  g_assert_true (has_label (GTK_WIDGET (row), "CRS 1 mild"));
  g_assert_false (has_label (GTK_WIDGET (row), "CRS 0 none"));

  g_signal_handlers_disconnect_by_func (entry, count_notify, counts);
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/ward-list/rows", test_rows);
  g_test_add_func ("/ward-list/order", test_order);
  g_test_add_func ("/ward-list/search", test_search);
  g_test_add_func ("/ward-list/follows-the-store", test_follow);
  g_test_add_func ("/ward-list/stale", test_stale);
  g_test_add_func ("/ward-list/page-stale", test_page_stale);
  g_test_add_func ("/ward-list/another-workstation", test_outside);
  g_test_add_func ("/ward-list/narrow", test_narrow);
  g_test_add_func ("/ward-list/demo", test_demo);
  g_test_add_func ("/ward-list/entry-notifies", test_entry_notifies);

  return g_test_run ();
}
