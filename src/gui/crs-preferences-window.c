/* crs-preferences-window.c: user and ward preferences, applied as typed. */
#define G_LOG_DOMAIN "crs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-preferences-window.h"

struct _CrsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  /* Template widgets */
  AdwEntryRow *nurse_row;
};

G_DEFINE_FINAL_TYPE (CrsPreferencesWindow, crs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
crs_preferences_window_dispose (GObject *object)
{
  CrsPreferencesWindow *self = CRS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crs_preferences_window_parent_class)->dispose (object);
}

static void
crs_preferences_window_class_init (CrsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, nurse_row);
}

static void
crs_preferences_window_init (CrsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID_BASE);
  g_settings_bind (self->settings, "nurse-name", self->nurse_row, "text", G_SETTINGS_BIND_DEFAULT);
}

CrsPreferencesWindow *
crs_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (CRS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
