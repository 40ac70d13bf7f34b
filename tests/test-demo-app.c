/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo-app.c: the real application, started with --demo, works on a
 * fresh temporary database holding the demo ward, says "Demo ward", and
 * leaves no trace of it after quitting; started on a damaged ward
 * database, it shows the store's message with the path in a dialog and
 * does not touch the file; when the ward has a good backup, the dialog's
 * "Restore Backup" puts it in place (keeping the damaged file) and opens
 * the restored ward. */
#define G_LOG_DOMAIN "test-demo-app"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/crs-paths.h"
#include "crs-test-gtk-utils.h"
#include "exchange/crs-exchange-error.h"
#include "gui/crs-window-private.h"
#include "gui/crs-application-private.h"

static char *demo_db_path;
static char *demo_dir;

static void
demo_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  GtkWindow *window = crs_test_main_window (app);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *real_db = crs_paths_ward_db (NULL);
  GtkWidget *title;
  gboolean child_on_capd = FALSE;
  struct stat st;

  g_assert_true (crs_application_get_demo (app));
  g_assert_nonnull (store);

  /* A database of its own, in a private folder, not the ward's. */
  demo_db_path = g_strdup (crs_store_get_path (store));
  demo_dir = g_path_get_dirname (demo_db_path);
  g_assert_cmpstr (demo_db_path, !=, real_db);
  g_assert_cmpint (g_stat (demo_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_false (g_file_test (real_db, G_FILE_TEST_EXISTS));

  /* The demo patients, with times around now. */
  patients = crs_store_list_patients (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, >=, 8);
  g_assert_cmpuint (patients->len, <=, 12);
  for (guint i = 0; i < patients->len; i++)
    {
      CrsPatient *patient = g_ptr_array_index (patients, i);
      g_autoptr(CrsObservation) latest = crs_store_get_latest_observation (store, patient->id, &error);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (patient->mrn, "DEMO-"));
      g_assert_nonnull (latest);
      /* The newest set of each patient was taken in the last few hours. */
      g_assert_cmpint (latest->taken_at, <=, now);
      g_assert_cmpint (latest->taken_at, >, now - 6 * 3600);
      g_assert_cmpstr (latest->stored_rules, !=, NULL);
      if (crs_patient_age_years (patient, now) < 12)
        child_on_capd = TRUE;
    }
  g_assert_true (child_on_capd);

  /* Nobody can take it for the real ward. */
  g_assert_nonnull (strstr (gtk_window_get_title (window), "Demo"));
  /* Above the ward list: the demo ward's own name (its "ward-name"
   * setting), and under it, that it is the demo. */
  {
    g_autofree char *ward_name = crs_store_get_setting (store, "ward-name");

    g_assert_nonnull (ward_name);
    title = crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, ward_name);
  }
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "Demo ward");
  g_assert_null (crs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  crs_test_screenshot (GTK_WIDGET (window), "window-demo");

  crs_test_close_all (app);
}

static void
test_demo (void)
{
  const char *args[] = { "--demo", NULL };

  crs_test_run_application (args, demo_body);

  /* Quitting removed the demo database and its folder. */
  g_assert_nonnull (demo_dir);
  g_assert_false (g_file_test (demo_db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (demo_dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&demo_db_path, g_free);
  g_clear_pointer (&demo_dir, g_free);
}

static void
normal_body (CrsApplication *app)
{
  CrsStore *store = crs_application_get_store (app);
  g_autofree char *real_db = crs_paths_ward_db (NULL);
  g_autoptr(GPtrArray) patients = NULL;
  GtkWidget *title;

  g_assert_false (crs_application_get_demo (app));
  g_assert_nonnull (store);
  g_assert_cmpstr (crs_store_get_path (store), ==, real_db);
  patients = crs_store_list_patients (store, TRUE, NULL);
  g_assert_cmpuint (patients->len, ==, 0);
  title = crs_test_find_widget (GTK_WIDGET (crs_test_main_window (app)), ADW_TYPE_WINDOW_TITLE, "Ward");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "");
  crs_test_close_all (app);
}

static void
test_normal_start (void)
{
  g_autofree char *real_db = crs_paths_ward_db (NULL);

  crs_test_run_application (NULL, normal_body);
  /* The ward database is kept, readable only by its owner. */
  g_assert_true (g_file_test (real_db, G_FILE_TEST_EXISTS));
}

static gboolean
dialog_shown (gpointer data)
{
  return crs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return crs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
damaged_body (CrsApplication *app)
{
  g_autofree char *real_db = crs_paths_ward_db (NULL);
  GtkWindow *dialog;
  GtkWidget *button;
  const char *body;

  g_assert_null (crs_application_get_store (app));
  g_assert_true (crs_test_wait_until (dialog_shown, NULL, 5000));
  dialog = crs_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == crs_test_main_window (app));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Cannot Open the Ward Database");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, real_db));
  crs_test_screenshot (GTK_WIDGET (dialog), "damaged-ward-dialog");

  /* Closed as a nurse would: with its button. */
  button = crs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Close");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (crs_test_wait_until (dialog_gone, NULL, 5000));
  crs_test_close_all (app);
}

static void
test_damaged_ward (void)
{
  g_autofree char *real_db = crs_paths_ward_db (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  GString *garbage = g_string_new ("SQLite format 3");

  /* Looks like SQLite at a glance, but is not a database. */
  g_string_append_c (garbage, '\0');
  while (garbage->len < 8192)
    g_string_append (garbage, "not a ward database ");
  g_assert_true (g_file_set_contents (real_db, garbage->str, (gssize) garbage->len, NULL));
  g_string_free (garbage, TRUE);
  g_assert_true (g_file_get_contents (real_db, &before, &before_len, NULL));

  crs_test_run_application (NULL, damaged_body);

  /* Not one byte changed. */
  g_assert_true (g_file_get_contents (real_db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static GtkWindow *
find_dialog (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
restored_shown (gpointer data)
{
  return find_dialog ("Backup Restored") != NULL;
}

static void
restore_body (CrsApplication *app)
{
  g_autofree char *real_db = crs_paths_ward_db (NULL);
  g_autofree char *aside = g_strconcat (real_db, ".damaged-", NULL);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *button;
  const char *body;
  CrsStore *store;

  g_assert_null (crs_application_get_store (app));
  g_assert_true (crs_test_wait_until (dialog_shown, NULL, 5000));
  dialog = find_dialog ("Cannot Open the Ward Database");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "damaged"));
  crs_test_screenshot (GTK_WIDGET (dialog), "damaged-ward-restore-dialog");

  /* By keyboard as by mouse: the button is a real one. */
  button = crs_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Restore Backup");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (crs_test_wait_until (restored_shown, NULL, 10000));

  /* The backup's ward is open in a new window. */
  store = crs_application_get_store (app);
  g_assert_nonnull (store);
  patients = crs_store_list_patients (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 1);
  g_assert_cmpstr (((CrsPatient *) patients->pdata[0])->mrn, ==, "BACKED-UP");
  g_assert_nonnull (crs_test_main_window (app));

  /* The report says where the damaged file is kept. */
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (find_dialog ("Backup Restored")));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, aside));
  crs_test_close_all (app);
}

static void
test_restore_from_dialog (void)
{
  g_autofree char *real_db = crs_paths_ward_db (NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CrsStore) store = crs_store_open (real_db, &error);
    g_autoptr(CrsPatient) patient = crs_patient_new ();

    g_assert_no_error (error);
    patient->mrn = g_strdup ("BACKED-UP");
    g_assert_true (crs_store_add_patient (store, patient, &error));
    g_free (crs_store_backup_now (store, &error));
    g_assert_no_error (error);
  }
  /* Damaged after the backup: not a database any more. */
  g_assert_true (g_file_set_contents (real_db, "SQLite format 3", 16, NULL));

  crs_test_run_application (NULL, restore_body);
}

/* Export FHIR… from the main menu: the file chooser, then the whole demo
 * ward as a FHIR bundle that HL7's schema accepts, readable only by its
 * owner, and a toast saying so. A file that cannot be written is said so
 * and nothing is left. */
static gboolean
chooser_shown (gpointer data)
{
  return crs_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return crs_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      GMenuLinkIter *iter;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      iter = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (iter))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (iter);
          if (menu_has_action (link, action))
            {
              g_object_unref (iter);
              return TRUE;
            }
        }
      g_object_unref (iter);
    }
  return FALSE;
}

/* Whether a menu button under @widget offers @action. */
static gboolean
some_menu_has_action (GtkWidget  *widget,
                      const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL &&
      menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), action))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (some_menu_has_action (child, action))
      return TRUE;
  return FALSE;
}

static void
export_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "exports", NULL);
  g_autofree char *path = g_build_filename (dir, "ward.fhir.xml", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "ward.fhir.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;
  GtkFileChooserNative *native;
  struct stat st;
  guint patients = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (some_menu_has_action (GTK_WIDGET (window), "win.export-fhir"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-fhir", NULL));
  g_assert_true (crs_test_wait_until (chooser_shown, NULL, CRS_TEST_TIMEOUT_MS));
  chooser = crs_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_window_get_transient_for (chooser) == window);
  /* The chooser suggests a dated name; cancelled, it goes away. */
  native = CRS_WINDOW (window)->export_chooser;
  g_assert_nonnull (native);
  {
    g_autofree char *base = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (native));

    g_assert_true (g_str_has_prefix (base, "ward-") && g_str_has_suffix (base, ".fhir.xml"));
  }
  g_signal_emit_by_name (native, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (CRS_WINDOW (window)->export_chooser);
  g_assert_true (crs_test_wait_until (chooser_gone, NULL, CRS_TEST_TIMEOUT_MS));

  /* The file the chooser answers with (GTK's own dialog under Xvfb picks
   * folders asynchronously, beyond a test's reach; the portal is not
   * there): the whole ward, and a toast. */
  {
    g_autoptr(GFile) target = g_file_get_child (folder, "ward.fhir.xml");

    g_assert_true (_crs_window_export_fhir_file (CRS_WINDOW (window), target, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strstr (p, "<Patient>")) != NULL; p++)
    patients++;
  g_assert_cmpuint (patients, ==, 11);
  {
    g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "fhir-r4-schema", "fhir-all.xsd", NULL);
    const char *argv[] = { g_getenv ("XMLLINT"), "--nonet", "--noout", "--schema", schema, path, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* Where nothing can be written: an error naming the file, no file. */
  g_assert_false (_crs_window_export_fhir_file (CRS_WINDOW (window), bad_file, &error));
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "ward.fhir.xml"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  crs_test_close_all (app);
}

static void
test_export_fhir (void)
{
  const char *args[] = { "--demo", NULL };

  crs_test_run_application (args, export_body);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/demo-app/demo", test_demo);
  g_test_add_func ("/demo-app/normal-start", test_normal_start);
  g_test_add_func ("/demo-app/damaged-ward", test_damaged_ward);
  g_test_add_func ("/demo-app/restore-from-dialog", test_restore_from_dialog);
  g_test_add_func ("/demo-app/export-fhir", test_export_fhir);

  return g_test_run ();
}
