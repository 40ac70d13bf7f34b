/* crs-window.c: the main window: ward list beside the patient area. */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-window.h"

struct _CrsWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  AdwWindowTitle  *ward_title;
  GtkListBox      *ward_list;
  GtkStack        *patient_stack;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (CrsWindow, crs_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (CrsWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
go_back_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
crs_window_close_request (GtkWindow *window)
{
  save_window_state (CRS_WINDOW (window));
  return GTK_WINDOW_CLASS (crs_window_parent_class)->close_request (window);
}

static void
crs_window_dispose (GObject *object)
{
  CrsWindow *self = CRS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crs_window_parent_class)->dispose (object);
}

static void
crs_window_class_init (CrsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crs_window_dispose;
  window_class->close_request = crs_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, ward_title);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, ward_list);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, patient_stack);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_cb);
}

static void
crs_window_init (CrsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID_BASE);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

CrsWindow *
crs_window_new (CrsApplication *application)
{
  return g_object_new (CRS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
crs_window_set_demo (CrsWindow *self,
                     gboolean   demo)
{
  g_return_if_fail (CRS_IS_WINDOW (self));

  /* In the title of the window and above the ward list: wherever the
   * nurse looks, this is not the real ward. */
  gtk_window_set_title (GTK_WINDOW (self), demo ? _("CRS Watch (Demo Ward)") : _("CRS Watch"));
  adw_window_title_set_subtitle (self->ward_title, demo ? _("Demo ward") : "");
}

void
crs_window_add_toast (CrsWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CRS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
