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
#include "gui/crs-application.h"
#include "gui/crs-preferences-window.h"
#include "store/crs-store.h"

static char *ward_path;

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
#ifdef HAVE_LIBPQ
  g_test_add_func ("/ward-database/server", test_server);
#endif
  {
    int status = g_test_run ();
#ifdef HAVE_LIBPQ
    crs_test_postgresql_shared_stop ();
#endif
    return status;
  }
}
