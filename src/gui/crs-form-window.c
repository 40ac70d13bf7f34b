/* crs-form-window.c: the window every form of CRS Watch is. */
#define G_LOG_DOMAIN "crs-form-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-form.h"
#include "crs-form-window.h"

typedef struct
{
  gboolean dirty;
  gboolean saved;
} CrsFormWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CrsFormWindow, crs_form_window, ADW_TYPE_WINDOW)

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  crs_form_window_save (CRS_FORM_WINDOW (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crs_form_window_cancel (CRS_FORM_WINDOW (widget));
}

static gboolean
crs_form_window_close_request (GtkWindow *window)
{
  CrsFormWindowPrivate *priv = crs_form_window_get_instance_private (CRS_FORM_WINDOW (window));

  if (priv->dirty && !priv->saved)
    {
      crs_form_ask_discard (window);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (crs_form_window_parent_class)->close_request (window);
}

static void
crs_form_window_class_init (CrsFormWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = crs_form_window_close_request;

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, cancel_action_cb);
  crs_form_class_add_shortcuts (widget_class);
}

static void
crs_form_window_init (CrsFormWindow *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

void
crs_form_window_set_dirty (CrsFormWindow *self,
                           gboolean       dirty)
{
  CrsFormWindowPrivate *priv;

  g_return_if_fail (CRS_IS_FORM_WINDOW (self));
  priv = crs_form_window_get_instance_private (self);
  priv->dirty = !!dirty;
}

gboolean
crs_form_window_get_dirty (CrsFormWindow *self)
{
  CrsFormWindowPrivate *priv;

  g_return_val_if_fail (CRS_IS_FORM_WINDOW (self), FALSE);
  priv = crs_form_window_get_instance_private (self);
  return priv->dirty;
}

gboolean
crs_form_window_save (CrsFormWindow *self)
{
  CrsFormWindowPrivate *priv;

  g_return_val_if_fail (CRS_IS_FORM_WINDOW (self), FALSE);
  priv = crs_form_window_get_instance_private (self);

  if (priv->saved || CRS_FORM_WINDOW_GET_CLASS (self)->save == NULL)
    return FALSE;
  /* Keep the window alive through the "saved" handlers. */
  g_object_ref (self);
  priv->saved = CRS_FORM_WINDOW_GET_CLASS (self)->save (self);
  if (priv->saved)
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return priv->saved;
}

void
crs_form_window_cancel (CrsFormWindow *self)
{
  CrsFormWindowPrivate *priv;

  g_return_if_fail (CRS_IS_FORM_WINDOW (self));
  priv = crs_form_window_get_instance_private (self);

  if (priv->dirty)
    crs_form_ask_discard (GTK_WINDOW (self));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}
