/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the real application starts, shows its main window with
 * the empty ward, opens About and the shortcuts window, and closes. */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "crs-test-gtk-utils.h"

static gboolean
toplevel_shown (gpointer type)
{
  return crs_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
toplevel_gone (gpointer type)
{
  return crs_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static void
startup_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  GtkWidget *empty;
  GtkWindow *about;
  GtkWindow *shortcuts;
  g_autofree char *debug_info = NULL;
  g_autofree char *version = NULL;

  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "CRS Watch");

  /* An empty ward says how to add a patient. */
  empty = crs_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "No Patients Yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_is_drawable (empty));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty)), "Ctrl+Shift+N"));
  crs_test_screenshot (GTK_WIDGET (window), "window-empty");

  /* About, through its action. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (crs_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 5000));
  about = crs_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_object_get (about, "version", &version, "debug-info", &debug_info, NULL);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (debug_info, "GTK 4."));
  g_assert_nonnull (strstr (debug_info, "GLib 2."));
  g_assert_true (gtk_window_get_transient_for (about) == window);
  gtk_window_close (about);
  g_assert_true (crs_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 5000));

  /* The shortcuts window comes from gtk/help-overlay.ui. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (crs_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
  shortcuts = crs_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL));
  gtk_window_close (shortcuts);
  g_assert_true (crs_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));

  crs_test_close_all (app);
}

static void
test_window_startup (void)
{
  crs_test_run_application (NULL, startup_body);
}

static void
size_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);

  gtk_window_set_default_size (window, 900, 640);
  crs_test_flush ();
  crs_test_close_all (app);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

static void
reopen_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  crs_test_close_all (app);
}

static void
test_window_size_remembered (void)
{
  crs_test_run_application (NULL, size_body);
  crs_test_run_application (NULL, reopen_body);
}

/* Every shortcut of the window and the application is in the shortcuts
 * window, and each listed action has its shortcut set. */
static void
shortcuts_body (CrsApplication *app)
{
  static const char *actions[] = {
    "win.new-observation", "win.new-patient", "win.search", "app.preferences",
    "app.therapy-reference", "win.show-help-overlay", "app.quit",
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *name = NULL;
        g_object_get (l->data, "action-name", &name, NULL);
        if (name != NULL)
          g_ptr_array_add (listed, name);
      }
  g_slist_free (objects);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(GStrv) accels = NULL;

      g_test_message ("%s", actions[i]);
      g_assert_true (g_ptr_array_find_with_equal_func (listed, actions[i], g_str_equal, NULL));
      if (g_str_equal (actions[i], "win.show-help-overlay"))
        continue;   /* GtkApplication's own Ctrl+? */
      accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      g_assert_nonnull (accels[0]);
    }
  /* The builder made a toplevel of its own: it is the test's to close. */
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  crs_test_close_all (app);
}

static void
test_shortcuts_listed (void)
{
  crs_test_run_application (NULL, shortcuts_body);
}

int
main (int   argc,
      char *argv[])
{
  /* Keep the system MIME database (GTK needs it to load SVG icons) while
   * every other XDG dir is isolated per test. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/window/startup", test_window_startup);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/shortcuts-listed", test_shortcuts_listed);

  return g_test_run ();
}
