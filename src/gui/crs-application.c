/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-application.c: the CRS Watch application: command line, actions,
 * About window, and the ward database it works on.
 *
 * The application owns the CrsStore. Normally that is the ward database
 * in $XDG_DATA_HOME/crs-watch/ward.sqlite. With --demo it is a fresh
 * database in a private temporary folder (mode 0700), filled from the demo
 * ward with its times counted from now and removed when the application
 * quits; the window then says "Demo ward", so that nobody takes it for
 * real data. A ward database that cannot be opened (damaged, from a newer
 * version, busy, changed outside CRS Watch) is left untouched and its
 * message shown in a dialog; when the ward has a good backup, the dialog
 * offers to restore it (crs_store_restore, as `crs-watch-cli restore`)
 * and then opens the restored ward in a new window. */
#define G_LOG_DOMAIN "crs-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <string.h>

#include "core/crs-paths.h"
#include "exchange/crs-ward-xml.h"
#include "store/crs-store-nurses.h"
#include "crs-application-private.h"
#include "crs-preferences-window.h"
#include "crs-therapy-browser.h"
#include "crs-window.h"

struct _CrsApplication
{
  AdwApplication parent_instance;

  gboolean  demo;
  CrsStore *store;
  GError   *store_error;       /* why there is no store, shown once */
  char     *store_path;        /* the database tried, NULL when not known */
  char     *demo_dir;          /* the demo's temporary folder, removed at quit */
  GThread  *opening;           /* opens store_path while the window is built */
  guint     sigint_id;
  guint     sigterm_id;
};

G_DEFINE_FINAL_TYPE (CrsApplication, crs_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_main_window (CrsApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (CRS_IS_WINDOW (l->data))
      return GTK_WINDOW (l->data);
  return NULL;
}

static char *
build_debug_info (void)
{
  return g_strdup_printf ("CRS Watch %s (%s)\n"
                          "GLib %u.%u.%u (built against %d.%d.%d)\n"
                          "GTK %u.%u.%u (built against %d.%d.%d)\n"
                          "libadwaita %u.%u.%u (built against %d.%d.%d)\n",
                          PACKAGE_VERSION, APP_ID,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          GLIB_MAJOR_VERSION, GLIB_MINOR_VERSION, GLIB_MICRO_VERSION,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          GTK_MAJOR_VERSION, GTK_MINOR_VERSION, GTK_MICRO_VERSION,
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          ADW_MAJOR_VERSION, ADW_MINOR_VERSION, ADW_MICRO_VERSION);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CrsApplication *self = user_data;
  g_autofree char *debug_info = build_debug_info ();
  static const char *developers[] = { "The CRS Watch developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_main_window (self),
                        "application-name", _("CRS Watch"),
                        "application-icon", APP_ID_BASE,
                        "version", PACKAGE_VERSION,
                        "comments", _("Observation charting and grading of cytokine release "
                                      "syndrome and neurotoxicity after immunotherapy."),
                        "developer-name", _("The CRS Watch developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "debug-info", debug_info,
                        "debug-info-filename", "crs-watch-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CrsApplication *self = user_data;
  CrsPreferencesWindow *prefs = crs_preferences_window_new (get_main_window (self));

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
therapy_reference_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  crs_therapy_browser_present (GTK_APPLICATION (user_data), NULL);
}

/* app.show-therapy("code"): the reference on one therapy, e.g. from a
 * patient's infusion. */
static void
show_therapy_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  crs_therapy_browser_present (GTK_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CrsApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close rather than quit outright, so each window saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated_cb },
  { .name = "preferences", .activate = preferences_activated_cb },
  { .name = "quit", .activate = quit_activated_cb },
  { .name = "show-therapy", .activate = show_therapy_activated_cb, .parameter_type = "s" },
  { .name = "therapy-reference", .activate = therapy_reference_activated_cb },
};

/* ---------------------------------------------------------------------- */
/* The ward database                                                      */

/* Deletes @file and, for a folder, everything in it; symbolic links are
 * removed, never followed. */
static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

/* The demo ward's nurses (fictional), all with the demo PIN 1234 (see
 * the README). They share one Argon2id string made once with
 * crypto_pwhash_str, so that the demo opens without hashing four PINs. */
#define DEMO_PIN_HASH "$argon2id$v=19$m=65536,t=2,p=1$SYzXWnJiDdzIbSOontWhxw$" \
                      "vgPguVqGWtAhRJfQZb/55E2AZM6VTvCzix+tT4/iDeE"

static const struct
{
  const char *user_name;
  const char *display_name;
  gboolean    admin;
} demo_nurses[] = {
  { "amara", "Amara Osei", TRUE },
  { "ben", "Ben Fischer", FALSE },
  { "carla", "Carla Romano", FALSE },
  { "dev", "Dev Patel", FALSE },
};

static gboolean
add_demo_nurses (CrsStore  *store,
                 GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_nurses); i++)
    if (!crs_store_add_nurse_hashed (store, demo_nurses[i].user_name,
                                     demo_nurses[i].display_name, demo_nurses[i].admin,
                                     DEMO_PIN_HASH, NULL, error))
      return FALSE;
  return TRUE;
}

static CrsStore *
open_demo_store (CrsApplication  *self,
                 GError         **error)
{
  g_autoptr(CrsStore) store = NULL;
  g_autofree char *demo_file = crs_paths_data_file ("demo-ward.xml");
  g_autoptr(GError) local_error = NULL;
  gint64 now;

  /* g_dir_make_tmp() creates the folder with mode 0700. */
  self->demo_dir = g_dir_make_tmp ("crs-watch-demo-XXXXXX", error);
  if (self->demo_dir == NULL)
    return NULL;
  self->store_path = g_build_filename (self->demo_dir, "demo-ward.sqlite", NULL);

  store = crs_store_open (self->store_path, error);
  if (store == NULL)
    return NULL;

  /* Whole minutes, so the demo's times read like a chart's. */
  now = g_get_real_time () / G_USEC_PER_SEC;
  now -= now % 60;
  if (!crs_ward_xml_import_file (store, demo_file, now, NULL, &local_error) ||
      !add_demo_nurses (store, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The demo ward could not be loaded: "));
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* Ctrl+C or a plain kill ends a demo through shutdown, so that its
 * temporary folder goes with it. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

typedef struct {
  CrsStore *store;
  GError   *error;
} OpenResult;

/* In a thread of its own: the store at @data (a path, freed here). The
 * store binds nothing to a main context until its watch starts. */
static gpointer
open_store_thread (gpointer data)
{
  g_autofree char *path = data;
  OpenResult *result = g_new0 (OpenResult, 1);

  result->store = crs_store_open (path, &result->error);
  return result;
}

static void
open_store (CrsApplication *self)
{
  if (self->demo)
    {
      self->sigint_id = g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
      self->sigterm_id = g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
      self->store = open_demo_store (self, &self->store_error);
      return;
    }

  /* --db, else the ward-database setting, else this workstation's file. */
  if (self->store_path == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
      g_autofree char *shared = g_settings_get_string (settings, "ward-database");

      if (*shared != '\0')
        self->store_path = g_steal_pointer (&shared);
    }
  if (self->store_path != NULL && crs_store_is_server_locator (self->store_path) &&
      crs_store_locator_has_password (self->store_path))
    {
      g_set_error_literal (&self->store_error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                           _("The ward database's address holds a password, which settings "
                             "and command lines must not. Nothing was opened. Ask the ward's "
                             "IT administrator to put it in ~/.pgpass or the service file."));
      g_clear_pointer (&self->store_path, g_free);
      return;
    }
  if (self->store_path == NULL)
    self->store_path = crs_paths_ward_db (&self->store_error);
  if (self->store_path == NULL)
    return;
  /* A damaged or newer file is refused by the store without being
   * written to; its message names the file and the newest backup. The
   * checks before that (the file's integrity, the audit chain's newest
   * rows) run in a thread of their own while the window is built;
   * crs_application_get_store() waits for them, and nothing of the ward
   * is read before. */
  self->opening = g_thread_new ("crs-open-store", open_store_thread, g_strdup (self->store_path));
}

/* The store opened by open_store()'s thread, or why not; waits for it. */
static void
finish_opening (CrsApplication *self)
{
  OpenResult *result;

  if (self->opening == NULL)
    return;
  result = g_thread_join (g_steal_pointer (&self->opening));
#ifdef __GLIBC__
  /* The thread's checks read the file through a connection of their own,
   * closed now: give its memory back rather than keep it for a thread
   * that has ended. */
  malloc_trim (0);
#endif
  self->store = result->store;
  if (result->error != NULL)
    g_propagate_error (&self->store_error, result->error);
  g_free (result);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The damaged-file dialog's "Restore Backup": the same as
 * `crs-watch-cli restore --db`, then the restored ward in a new window. */
static void
restore_backup (CrsApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStoreRestoreReport) report = NULL;
  g_autofree char *text = NULL;
  GtkWindow *old_window = get_main_window (self);
  GtkWindow *window;

  report = crs_store_restore (self->store_path, NULL, FALSE, NULL, NULL, &error);
  if (report == NULL)
    {
      show_message (old_window, _("Cannot Restore the Backup"), error->message);
      return;
    }
  text = crs_store_restore_report_describe (report);

  self->store = crs_store_open (self->store_path, &error);
  if (self->store == NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", text, error->message);
      show_message (old_window, _("Cannot Open the Ward Database"), body);
      return;
    }

  /* The window reads the store when it is made: a new one. */
  window = GTK_WINDOW (crs_window_new (self));
  crs_window_set_demo (CRS_WINDOW (window), FALSE);
  gtk_window_present (window);
  if (old_window != NULL)
    gtk_window_destroy (old_window);
  show_message (window, _("Backup Restored"), text);
}

static void
restore_backup_idle_cb (gpointer user_data)
{
  restore_backup (CRS_APPLICATION (user_data));
}

static void
store_error_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  CrsApplication *self = user_data;

  /* After the dialog has finished its response: the restore replaces
   * the window the dialog belongs to. */
  if (g_strcmp0 (response, "restore") == 0)
    g_idle_add_once (restore_backup_idle_cb, self);
}

static void
show_store_error (CrsApplication *self,
                  GtkWindow      *parent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *backup = NULL;
  AdwMessageDialog *dialog;

  finish_opening (self);
  error = g_steal_pointer (&self->store_error);
  if (error == NULL)
    return;

  /* The store's messages name the file; say it here too in case one
   * does not. */
  if (self->store_path != NULL && strstr (error->message, self->store_path) == NULL)
    body = g_strdup_printf ("%s\n\n%s", error->message, self->store_path);
  else
    body = g_strdup (error->message);

  /* A damaged file, or one changed outside CRS Watch, with a good backup
   * of the ward to go back to. */
  if (!self->demo && self->store_path != NULL &&
      (g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT) ||
       g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TAMPERED)))
    backup = crs_store_find_restorable_backup (self->store_path);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       self->demo
                                                       ? _("Cannot Open the Demo Ward")
                                                       : _("Cannot Open the Ward Database"),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (backup != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      g_signal_connect (dialog, "response", G_CALLBACK (store_error_response_cb), self);
    }
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */

static gint
crs_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  CrsApplication *self = CRS_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("crs-watch %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "db", "s", &self->store_path);
  if (g_variant_dict_contains (options, "demo"))
    {
      self->demo = TRUE;
      /* A demo runs on its own: it must never hand its window to, or take
       * one from, an instance that has the real ward open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (crs_application_parent_class)->handle_local_options (app, options);
}

static void
crs_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *prefs_accels[] = { "<Primary>comma", NULL };
  static const char *therapy_accels[] = { "<Primary><Shift>t", NULL };

  G_APPLICATION_CLASS (crs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.therapy-reference", therapy_accels);

  open_store (CRS_APPLICATION (app));
}

static void
crs_application_shutdown (GApplication *app)
{
  CrsApplication *self = CRS_APPLICATION (app);

  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->sigterm_id, g_source_remove);

  /* Close the database before its demo folder goes. */
  finish_opening (self);
  g_clear_object (&self->store);
  if (self->demo_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (self->demo_dir);
      remove_tree (dir);
      g_clear_pointer (&self->demo_dir, g_free);
    }

  G_APPLICATION_CLASS (crs_application_parent_class)->shutdown (app);
}

static void
crs_application_activate (GApplication *app)
{
  CrsApplication *self = CRS_APPLICATION (app);
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = GTK_WINDOW (crs_window_new (self));
      crs_window_set_demo (CRS_WINDOW (window), self->demo);
    }
  gtk_window_present (window);
  show_store_error (self, window);
}

static void
crs_application_finalize (GObject *object)
{
  CrsApplication *self = CRS_APPLICATION (object);

  finish_opening (self);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_free (self->store_path);
  g_free (self->demo_dir);

  G_OBJECT_CLASS (crs_application_parent_class)->finalize (object);
}

static void
crs_application_class_init (CrsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = crs_application_finalize;
  app_class->handle_local_options = crs_application_handle_local_options;
  app_class->startup = crs_application_startup;
  app_class->shutdown = crs_application_shutdown;
  app_class->activate = crs_application_activate;
}

static void
crs_application_init (CrsApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the built-in demo ward instead of the real ward"), NULL },
    { "db", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open this ward database: a file, or a PostgreSQL server (postgresql://server/ward)"),
      N_("LOCATION") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Chart and grade observations after immunotherapy."));
}

CrsApplication *
crs_application_new (void)
{
  return g_object_new (CRS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* The same resources serve the .Devel profile. */
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

gboolean
crs_application_get_demo (CrsApplication *self)
{
  g_return_val_if_fail (CRS_IS_APPLICATION (self), FALSE);
  return self->demo;
}

CrsStore *
crs_application_get_store (CrsApplication *self)
{
  g_return_val_if_fail (CRS_IS_APPLICATION (self), NULL);
  finish_opening (self);
  return self->store;
}
