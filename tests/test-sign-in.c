/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sign-in.c: who is at the keyboard (issue 17), in the real demo
 * app: with sign-in on, the window shows nothing of any patient until a
 * nurse signs in; a wrong PIN says so by name; five wrong PINs in a row
 * slow the next try; Switch Nurse and the idle time lock the window with
 * every patient name gone from its widgets; a half-typed observation form
 * is parked through a lock and another nurse's sign-in, and comes back
 * with its contents when its own nurse signs in again; so does a set kept
 * on this workstation while the ward's server was down. */
#define G_LOG_DOMAIN "test-sign-in"

#include "config.h"

#include <string.h>

#include "core/crs-paths.h"
#include "exchange/crs-set-draft.h"
#include "exchange/crs-ward-xml.h"
#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "gui/crs-lock-page.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-preferences-window.h"
#include "gui/crs-sign-in-page.h"
#include "gui/crs-window-private.h"
#include "store/crs-store-nurses.h"

/* Every text under @widget, shown or hidden: labels, entries, window
 * and page titles. */
static void
collect_all_text (GtkWidget *widget,
                  GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));
  if (ADW_IS_WINDOW_TITLE (widget))
    g_string_append_printf (out, "%s\n%s\n", adw_window_title_get_title (ADW_WINDOW_TITLE (widget)),
                            adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_all_text (child, out);
}

/* The first demo patient's name found in any widget of @window, NULL when
 * none is there. */
static const char *
patient_name_in (CrsStore  *store,
                 GtkWidget *window)
{
  static char found[256];
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;

  patients = crs_store_list_patients (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, >, 0);
  collect_all_text (window, text);
  for (guint i = 0; i < patients->len; i++)
    {
      CrsPatient *patient = g_ptr_array_index (patients, i);

      if (patient->name != NULL && strstr (text->str, patient->name) != NULL)
        {
          const char *at = strstr (text->str, patient->name);
          const char *from = at - MIN (at - text->str, 300);
          g_autofree char *context = g_strndup (from, at - from + 100);

          g_test_message ("Found %s in: %s", patient->name, context);
          g_strlcpy (found, patient->name, sizeof found);
          return found;
        }
    }
  return NULL;
}

static GtkWidget *
lock_widget (CrsWindow *window,
             GType      type)
{
  GtkWidget *widget = crs_test_find_widget (GTK_WIDGET (window->lock_page), type, NULL);

  g_assert_nonnull (widget);
  return widget;
}

/* Chooses @name in the sign-in page's list, types @pin and presses
 * Enter. */
static void
sign_in (CrsWindow  *window,
         const char *name,
         const char *pin)
{
  AdwComboRow *row = ADW_COMBO_ROW (lock_widget (window, ADW_TYPE_COMBO_ROW));
  GListModel *names = adw_combo_row_get_model (row);
  GtkWidget *entry = lock_widget (window, GTK_TYPE_PASSWORD_ENTRY);
  guint chosen = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      chosen = i;
  g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (row, chosen);
  gtk_editable_set_text (GTK_EDITABLE (entry), pin);
  g_signal_emit_by_name (entry, "activate");
  crs_test_flush ();
}

static gboolean
shows_lock_page (CrsWindow *window)
{
  return window->locked && gtk_widget_get_mapped (GTK_WIDGET (window->lock_page)) &&
         !gtk_widget_get_visible (GTK_WIDGET (window->leaflet));
}

static gboolean
shows_ward (CrsWindow *window)
{
  return !window->locked && gtk_widget_get_mapped (GTK_WIDGET (window->ward_list));
}

/* What the sign-in page says, as the nurse sees it. */
static const char *
message_shown (CrsWindow *window)
{
  static char copy[1024];
  g_autofree char *text = form_test_visible_text (GTK_WIDGET (window->lock_page));

  g_strlcpy (copy, text, sizeof copy);
  return copy;
}

static void
sign_in_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  GtkWindow *form;
  GtkWidget *focus;

  /* The demo ward has its nurses, with sign-in off: the ward as before. */
  g_assert_false (window->locked);
  g_assert_null (crs_store_get_account (store));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->switch_button)));

  /* Turned on (as Preferences does): the window locks at once, and no
   * patient name is left in any of its widgets. */
  g_assert_true (crs_store_set_signin_enabled (store, TRUE, &error));
  g_assert_no_error (error);
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  g_assert_null (patient_name_in (store, GTK_WIDGET (window)));
  

  /* A wrong PIN, said plainly with the name. */
  sign_in (window, "Ben Fischer", "9999");
  g_assert_true (window->locked);
  g_assert_nonnull (strstr (message_shown (window), "Wrong PIN for Ben Fischer."));
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "sign-in-wrong-pin");
  g_assert_null (crs_store_get_account (store));

  /* The right one: the ward, and Ben's name on the switch button and on
   * what he saves. */
  sign_in (window, "Ben Fischer", "1234");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  g_assert_cmpstr (crs_store_get_account (store)->display_name, ==, "Ben Fischer");
  g_assert_cmpstr (crs_store_get_author (store), ==, "Ben Fischer");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->switch_button)));
  g_assert_cmpstr (gtk_button_get_label (window->switch_button), ==, "Ben Fischer");
  g_assert_nonnull (patient_name_in (store, GTK_WIDGET (window)));

  /* A half-typed form. */
  patients = crs_store_list_patients (store, FALSE, &error);
  g_assert_true (crs_window_select_patient (window, ((CrsPatient *) patients->pdata[0])->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-observation", NULL));
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG) != NULL);
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  form_test_show (form);
  form_test_type (form, "39.4");

  /* Left alone: the idle lock (a short idle time for the test). The form
   * is hidden, not closed, and no patient name is anywhere. */
  crs_window_set_idle_timeout (window, 300);
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  g_assert_nonnull (form);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_null (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG));
  g_assert_null (patient_name_in (store, GTK_WIDGET (window)));
  g_assert_null (crs_store_get_account (store));
  crs_window_set_idle_timeout (window, 0);

  /* Carla signs in: she is told of Ben's form, and sees nothing of it. */
  sign_in (window, "Carla Romano", "1234");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                          "A form of Ben Fischer is parked."));
  g_assert_nonnull (form);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form)));

  /* Switch Nurse (Ctrl+L): locked again, the toast gone with it. */
  g_assert_true (form_test_press (GTK_WINDOW (window), GDK_KEY_l, GDK_CONTROL_MASK));
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "A form of Ben Fischer is parked.") == NULL);

  /* Ben again: his form is back, with what he had typed. */
  sign_in (window, "Ben Fischer", "1234");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  CRS_TEST_WAIT_UNTIL (form != NULL && gtk_widget_get_visible (GTK_WIDGET (form)));
  focus = form_test_focus (form);
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "39.4");
  gtk_window_destroy (form);
  g_assert_true (form_test_wait_closed (&form));

  /* Five wrong PINs in a row: the next try waits 5 s, then 10 s. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-nurse", NULL));
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  for (guint i = 0; i < CRS_LOCK_PAGE_FREE_TRIES - 1; i++)
    {
      sign_in (window, "Dev Patel", "0000");
      g_assert_cmpuint (crs_lock_page_get_wait (window->lock_page), ==, 0);
    }
  sign_in (window, "Dev Patel", "0000");
  g_assert_cmpuint (crs_lock_page_get_wait (window->lock_page), ==, 5);
  g_assert_nonnull (strstr (message_shown (window), "wait 5 seconds"));
  /* While it waits, not even the right PIN gets in. */
  sign_in (window, "Dev Patel", "1234");
  g_assert_true (window->locked);

  /* Sign-in off again: the ward opens, nobody signed in. */
  g_assert_true (crs_store_set_signin_enabled (store, FALSE, &error));
  g_assert_no_error (error);
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  g_assert_null (crs_store_get_account (store));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->switch_button)));

  crs_test_close_all (app);
}

/* The first widget of @type under @root, shown or not. */
static GtkWidget *
find_any (GtkWidget *root,
          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
open_preferences (CrsApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW) != NULL);
  return crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW);
}

static void
preferences_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autoptr(CrsNurse) eve = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *prefs = open_preferences (app);
  GtkWidget *page = find_any (GTK_WIDGET (prefs), CRS_TYPE_SIGN_IN_PAGE);

  /* Sign-in off: the Sign-In page is there for whoever is at the
   * keyboard. A nurse added there. */
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page));
  gtk_editable_set_text (GTK_EDITABLE (form_test_find_row (page, "_User Name")), "eve");
  gtk_editable_set_text (GTK_EDITABLE (form_test_find_row (page, "_Name on Records")), "Eve Stone");
  gtk_editable_set_text (GTK_EDITABLE (find_any (form_test_find_row (page, "_PIN"),
                                                 GTK_TYPE_PASSWORD_ENTRY)), "2468");
  {
    GtkWidget *add = crs_test_find_widget (page, GTK_TYPE_BUTTON, "Add _Nurse");

    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
  }
  eve = crs_store_find_nurse (store, "eve", &error);
  g_assert_no_error (error);
  g_assert_nonnull (eve);
  g_assert_cmpstr (eve->display_name, ==, "Eve Stone");
  g_assert_false (eve->admin);
  g_assert_nonnull (crs_test_find_widget (page, ADW_TYPE_ACTION_ROW, "Eve Stone"));

  /* Turned on there: the window locks, Preferences close. */
  gtk_switch_set_active (GTK_SWITCH (find_any (page, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (crs_store_get_signin_enabled (store));
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW) == NULL);

  /* A nurse does not see the page; the ward administrator does. */
  sign_in (window, "Eve Stone", "2468");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  prefs = open_preferences (app);
  g_assert_null (find_any (GTK_WIDGET (prefs), CRS_TYPE_SIGN_IN_PAGE));
  gtk_window_destroy (prefs);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-nurse", NULL));
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  sign_in (window, "Amara Osei", "1234");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  prefs = open_preferences (app);
  g_assert_nonnull (find_any (GTK_WIDGET (prefs), CRS_TYPE_SIGN_IN_PAGE));
  gtk_window_destroy (prefs);

  crs_test_close_all (app);
}

static void
test_preferences (void)
{
  const char *args[] = { "--demo", NULL };

  crs_test_run_application (args, preferences_body);
}

/* A ward with sign-in on: the window's first frame is the sign-in page,
 * with no patient in any widget; Ben (a nurse) signs in, and his
 * acknowledgement name cannot be changed. */
static void
startup_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));

  g_assert_true (shows_lock_page (window));
  g_assert_null (patient_name_in (store, GTK_WIDGET (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  sign_in (window, "Ben Fischer", "1234");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  g_assert_nonnull (patient_name_in (store, GTK_WIDGET (window)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  crs_test_close_all (app);
}

static void
test_startup (void)
{
  g_autofree char *path = crs_paths_ward_db (NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *demo = crs_paths_data_file ("demo-ward.xml");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(CrsStore) store = crs_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (crs_ward_xml_import_file (store, demo, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                             &error));
    g_assert_no_error (error);
    g_assert_true (crs_store_add_nurse (store, "amara", "Amara Osei", TRUE, "1234", NULL, &error));
    g_assert_true (crs_store_add_nurse (store, "ben", "Ben Fischer", FALSE, "1234", NULL, &error));
    g_assert_true (crs_store_set_signin_enabled (store, TRUE, &error));
    g_assert_no_error (error);
  }
  crs_test_run_application (NULL, startup_body);
}

/* A set kept on this workstation (the ward's server was down when Amara
 * saved it) waits for Amara: not shown before anyone signs in, nor to
 * Ben; it opens in its form when she signs in. */
static void
kept_set_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  GtkWindow *form;

  g_assert_true (shows_lock_page (window));
  crs_test_flush ();
  g_assert_null (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG));

  sign_in (window, "Ben Fischer", "1234");
  CRS_TEST_WAIT_UNTIL (shows_ward (window));
  /* Ben is told it waits, and nothing of what it holds. */
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "A kept observation set of Amara Osei waits for "
                                             "them to sign in.") != NULL);
  g_assert_null (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG));

  /* Locked while that toast is still appearing: its text goes at once
   * (libadwaita 1.2 crashed when such a toast was dismissed then). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-nurse", NULL));
  CRS_TEST_WAIT_UNTIL (shows_lock_page (window));
  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "A kept observation set of Amara Osei waits for "
                                             "them to sign in.") == NULL);
  sign_in (window, "Amara Osei", "1234");
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG) != NULL);
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (form_test_find_row (GTK_WIDGET (form),
                                                                                      "Temperature"))),
                   ==, "39.4");
  gtk_window_destroy (form);
  crs_test_close_all (app);
}

static void
test_kept_set (void)
{
  g_autofree char *path = crs_paths_ward_db (NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsSetDraft) draft = NULL;
  g_autoptr(CrsPatient) patient = NULL;
  gint64 amara = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(CrsStore) store = crs_store_open (path, &error);

    g_assert_no_error (error);
    patient = form_test_add_patient (store, "MRN-5001", "1970-01-01");
    g_assert_true (crs_store_add_nurse (store, "amara", "Amara Osei", TRUE, "1234", &amara, &error));
    g_assert_true (crs_store_add_nurse (store, "ben", "Ben Fischer", FALSE, "1234", NULL, &error));
    g_assert_true (crs_store_set_signin_enabled (store, TRUE, &error));
    g_assert_no_error (error);
    observation->patient_id = patient->id;
    observation->taken_at = g_get_real_time () / G_USEC_PER_SEC - 300;
    observation->temperature_c = 39.4;
    draft = crs_set_draft_new (crs_store_get_ward_id (store), patient, observation, amara, 0, NULL);
  }
  drafts = crs_set_draft_dir (&error);
  g_assert_no_error (error);
  g_assert_true (crs_set_draft_keep (draft, drafts, &error));
  g_assert_no_error (error);
  crs_test_run_application (NULL, kept_set_body);
}

static void
test_sign_in (void)
{
  const char *args[] = { "--demo", NULL };

  crs_test_run_application (args, sign_in_body);
}

int
main (int   argc,
      char *argv[])
{
  /* The MIME database of the system, before the test's own folders hide
   * it: the icons are SVG. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  form_test_init ();

  g_test_add_func ("/sign-in/lock-switch-idle-park", test_sign_in);
  g_test_add_func ("/sign-in/preferences", test_preferences);
  g_test_add_func ("/sign-in/startup", test_startup);
  g_test_add_func ("/sign-in/kept-set", test_kept_set);
  return g_test_run ();
}
