/* crs-application.c: the CRS Watch application: command line, actions,
 * About window. */
#define G_LOG_DOMAIN "crs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-application.h"
#include "crs-preferences-window.h"
#include "crs-therapy-browser.h"
#include "crs-window.h"

struct _CrsApplication
{
  AdwApplication parent_instance;

  gboolean demo;
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
  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

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
}

static void
crs_application_activate (GApplication *app)
{
  CrsApplication *self = CRS_APPLICATION (app);
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (crs_window_new (self));
  gtk_window_present (window);
}

static void
crs_application_class_init (CrsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = crs_application_handle_local_options;
  app_class->startup = crs_application_startup;
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
