/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ward-database.c: choosing where the ward is kept. The
 * ward-database setting opens the ward it names at the next start; the
 * Preferences row shows what is open now and takes only a server address
 * without a password; an address with a password is refused at start,
 * before any connection. */
#define G_LOG_DOMAIN "test-ward-database"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#ifdef HAVE_LIBPQ
#include "crs-test-postgresql.h"
#endif
#include "exchange/crs-set-draft.h"
#include "gui/crs-application.h"
#include "gui/crs-form-window.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-preferences-window.h"
#include "gui/crs-window.h"
#include "store/crs-store.h"
#include "store/crs-store-private.h"

static char *ward_path;
static gint64 draft_patient;
static char *draft_ward;

/* The sets kept on this workstation for the ward under test. */
static GPtrArray *
kept_sets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = crs_set_draft_dir (&error);
  GPtrArray *drafts;

  g_assert_no_error (error);
  drafts = crs_set_draft_list (dir, draft_ward, NULL, &error);
  g_assert_no_error (error);
  return drafts;
}

static GtkWindow *
wait_for_form (void)
{
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG) != NULL);
  return crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
}

static const char *
temperature_text (GtkWindow *form)
{
  return gtk_editable_get_text (form_test_row_editable (form_test_find_row (GTK_WIDGET (form),
                                                                            "Temperature")));
}

/* A patient @mrn on the ward of @store, and a set of theirs (38.9 °C, ten
 * minutes ago) kept on this workstation as a failed save keeps it. */
static void
keep_fever_set (CrsStore   *store,
                const char *mrn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsPatient) patient = form_test_add_patient (store, mrn, "1970-01-01");
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsSetDraft) draft = NULL;
  g_autofree char *dir = crs_set_draft_dir (&error);

  g_assert_no_error (error);
  draft_ward = g_strdup (crs_store_get_ward_id (store));
  observation->patient_id = patient->id;
  observation->taken_at = g_get_real_time () / G_USEC_PER_SEC - 600;
  observation->temperature_c = 38.9;
  draft = crs_set_draft_new (draft_ward, patient, observation, 0, 0, NULL);
  g_assert_true (crs_set_draft_keep (draft, dir, &error));
  g_assert_no_error (error);
}

/* Saves the form the kept set opened in, filled as it was typed: the
 * form closes and the kept copy is gone. */
static void
save_kept_form (GtkWindow *form)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_assert_cmpstr (temperature_text (form), ==, "38.9");
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  g_assert_true (crs_form_window_save (CRS_FORM_WINDOW (form)));
  g_assert_true (form_test_wait_closed (&form));
  drafts = kept_sets ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* The app opens a kept set in its form when the ward opens, saying so;
 * discarding it there removes the kept copy. */
static void
draft_discard_body (CrsApplication *app)
{
  GtkWindow *form = wait_for_form ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *text = form_test_visible_text (GTK_WIDGET (form));
  AdwMessageDialog *question;

  g_assert_cmpstr (temperature_text (form), ==, "38.9");
  g_assert_nonnull (strstr (text, "Not saved yet"));
  /* Cancel asks first, as after typing; Discard removes the copy. */
  crs_form_window_cancel (CRS_FORM_WINDOW (form));
  question = form_test_find_message_dialog (form);
  g_assert_nonnull (question);
  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  adw_message_dialog_response (question, "discard");
  g_assert_true (form_test_wait_closed (&form));
  drafts = kept_sets ();
  g_assert_cmpuint (drafts->len, ==, 0);
  crs_test_close_all (app);
}

static void
test_draft_discard (void)
{
  g_autoptr(CrsStore) store = NULL;
  g_autofree char *path = NULL;
  const char *args[] = { "--db", NULL, NULL };

  store = form_test_open_store (&path);
  keep_fever_set (store, "MRN-7001");
  g_clear_object (&store);

  args[1] = path;
  crs_test_run_application (args, draft_discard_body);
  g_clear_pointer (&draft_ward, g_free);
}

static char *
setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  return g_settings_get_string (settings, "ward-database");
}

static void
apply (GtkWidget  *row,
       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
setting_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  GtkWindow *prefs;
  GtkWidget *now, *row;
  g_autofree char *value = NULL;

  /* The setting's file is the ward open. */
  g_assert_nonnull (store);
  g_assert_cmpstr (crs_store_get_path (store), ==, ward_path);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW) != NULL);
  prefs = crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW);
  now = form_test_find_row (GTK_WIDGET (prefs), "Open now");
  row = form_test_find_row (GTK_WIDGET (prefs), "Shared ward server");
  g_assert_nonnull (now);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (now)), ==, ward_path);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, ward_path);
  /* A file has no connection to encrypt: no such rule offered. */
  g_assert_false (gtk_widget_get_visible (form_test_find_row (GTK_WIDGET (prefs),
                                                    "Require an encrypted connection")));

  /* Not a server address, or one with a password: refused, kept as was. */
  apply (row, "ward3.sqlite");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  value = setting ();
  g_assert_cmpstr (value, ==, ward_path);
  g_clear_pointer (&value, g_free);
  apply (row, "postgresql://crs:secret@db.example.org/ward3");
  value = setting ();
  g_assert_cmpstr (value, ==, ward_path);
  g_clear_pointer (&value, g_free);

  /* A server address is kept for the next start; empty means the file. */
  apply (row, "  service=ward3 ");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  value = setting ();
  g_assert_cmpstr (value, ==, "service=ward3");
  g_clear_pointer (&value, g_free);
  apply (row, "");
  value = setting ();
  g_assert_cmpstr (value, ==, "");

  gtk_window_destroy (prefs);
  crs_test_close_all (app);
}

static void
test_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "elsewhere", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ward_path = g_build_filename (dir, "ward3.sqlite", NULL);
  store = crs_store_open (ward_path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_settings_set_string (settings, "ward-database", ward_path);
  crs_test_run_application (NULL, setting_body);
  g_clear_pointer (&ward_path, g_free);
}

/* Refused before any connection: the window shows why, no ward. */
static void
password_body (CrsApplication *app)
{
  g_assert_null (crs_application_get_store (app));
  crs_test_close_all (app);
}

static void
test_password_refused (void)
{
  const char *args[] = { "--db", "postgresql://crs:secret@db.invalid/ward3", NULL };

  crs_test_run_application (args, password_body);
}

#ifdef HAVE_LIBPQ
/* A shared ward: Preferences offers the rule, and refuses it from this
 * workstation, whose connection (a Unix socket) is not encrypted. */
static void
server_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  GtkWindow *prefs;
  GtkWidget *row;
  GtkSwitch *toggle;

  g_assert_nonnull (store);
  g_assert_true (crs_store_is_shared (store));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW) != NULL);
  prefs = crs_test_find_toplevel (CRS_TYPE_PREFERENCES_WINDOW);
  row = form_test_find_row (GTK_WIDGET (prefs), "Require an encrypted connection");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (crs_store_get_require_tls (store));

  gtk_window_destroy (prefs);
  crs_test_close_all (app);
}

static void
test_server (void)
{
  g_autofree char *conninfo = crs_test_postgresql_shared_database ();
  const char *args[] = { "--db", NULL, NULL };

  if (conninfo == NULL)
    return;
  args[1] = conninfo;
  crs_test_run_application (args, server_body);
}

/* A set saved while the ward's server is down: refused, kept in the form
 * and on this workstation, and still there after CRS Watch is closed. */
static void
offline_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  GtkWindow *form;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *text = NULL;

  crs_window_select_patient (CRS_WINDOW (window), draft_patient);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-observation", NULL));
  form = wait_for_form ();
  form_test_type (form, "38.9");

  crs_test_postgresql_kill (crs_test_postgresql_shared (), &error);
  g_assert_no_error (error);
  g_assert_false (crs_form_window_save (CRS_FORM_WINDOW (form)));
  text = form_test_visible_text (GTK_WIDGET (form));
  g_assert_nonnull (strstr (text, "was lost"));
  g_assert_nonnull (strstr (text, "kept on this workstation until it is saved"));
  g_assert_cmpstr (temperature_text (form), ==, "38.9");

  drafts = kept_sets ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpfloat (((CrsSetDraft *) g_ptr_array_index (drafts, 0))->observation->temperature_c, ==, 38.9);

  /* CRS Watch closed (or the workstation switched off) with the form
   * open: nothing asks, the copy stays. */
  gtk_window_destroy (form);
  crs_test_close_all (app);
}

/* Back with the server: the form opens with the set, and saving it
 * stores it and removes the copy. */
static void
back_online_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;

  save_kept_form (wait_for_form ());
  saved = crs_store_list_observations (store, draft_patient, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpfloat (((CrsObservation *) g_ptr_array_index (saved, 0))->temperature_c, ==, 38.9);
  crs_test_close_all (app);
}

static void
test_offline_draft (void)
{
  g_autofree char *conninfo = crs_test_postgresql_shared_database ();
  const char *args[] = { "--db", NULL, NULL };
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(GError) error = NULL;

  if (conninfo == NULL)
    return;
  store = crs_store_open (conninfo, &error);
  g_assert_no_error (error);
  patient = form_test_add_patient (store, "MRN-7002", "1970-01-01");
  draft_patient = patient->id;
  draft_ward = g_strdup (crs_store_get_ward_id (store));
  g_clear_object (&store);

  args[1] = conninfo;
  crs_test_run_application (args, offline_body);
  crs_test_postgresql_restart (crs_test_postgresql_shared (), &error);
  g_assert_no_error (error);
  crs_test_run_application (args, back_online_body);
  g_clear_pointer (&draft_ward, g_free);
}
/* A kept set for a ward whose patients cannot be read when it opens (a
 * table gone from the server): the form does not open and nothing says the
 * patient left the ward; the window says the patients were not read, not
 * that there are none. Once the ward can be read again, the form opens. */
static void
not_now_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *text = NULL;

  CRS_TEST_WAIT_UNTIL (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Patients Not Read") != NULL);
  crs_test_flush ();
  text = form_test_visible_text (GTK_WIDGET (window));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "A kept observation set cannot be opened yet: "));
  g_assert_nonnull (strstr (text, "It opens once the ward can be read again."));
  g_assert_null (strstr (text, "not on this ward"));
  /* Both placeholders say the patients were not read, not that there
   * are none. */
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "No Patients"));
  g_assert_null (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "No Patients Yet"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                          "The ward's patients could not be read, so none are shown. "
                                          "The bar above says why."));
  g_assert_null (crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG));
  crs_test_screenshot (GTK_WIDGET (window), "ward-database-not-read");
  drafts = kept_sets ();
  g_assert_cmpuint (drafts->len, ==, 1);

  g_assert_cmpint (crs_db_exec (crs_store_get_connection (store), "ALTER TABLE patient_away RENAME TO patient"),
                   ==, SQLITE_OK);
  gtk_widget_activate (crs_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Try Again"));
  save_kept_form (wait_for_form ());
  crs_test_close_all (app);
}

static void
test_draft_not_now (void)
{
  g_autofree char *conninfo = crs_test_postgresql_shared_database ();
  const char *args[] = { "--db", NULL, NULL };
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (conninfo == NULL)
    return;
  store = crs_store_open (conninfo, &error);
  g_assert_no_error (error);
  keep_fever_set (store, "MRN-7003");
  g_assert_cmpint (crs_db_exec (crs_store_get_connection (store), "ALTER TABLE patient RENAME TO patient_away"),
                   ==, SQLITE_OK);
  g_clear_object (&store);

  args[1] = conninfo;
  crs_test_run_application (args, not_now_body);
  g_clear_pointer (&draft_ward, g_free);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/ward-database/setting", test_setting);
  g_test_add_func ("/ward-database/password-refused", test_password_refused);
  g_test_add_func ("/ward-database/draft-discard", test_draft_discard);
#ifdef HAVE_LIBPQ
  g_test_add_func ("/ward-database/server", test_server);
  g_test_add_func ("/ward-database/offline-draft", test_offline_draft);
  g_test_add_func ("/ward-database/draft-not-now", test_draft_not_now);
#endif
  {
    int status = g_test_run ();
#ifdef HAVE_LIBPQ
    crs_test_postgresql_shared_stop ();
#endif
    return status;
  }
}
