/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-form-window.c: the window every form of CRS Watch is. */
#define G_LOG_DOMAIN "crs-form-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-form.h"
#include "crs-form-window.h"

typedef struct
{
  gboolean     dirty;
  gboolean     saved;
  gboolean     refused;       /* the banner says why the last save failed */
  GtkRevealer *banner;        /* from the subclass's template */
  GtkLabel    *banner_label;
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

void
crs_form_window_set_banner (CrsFormWindow *self,
                            GtkRevealer   *revealer,
                            GtkLabel      *label)
{
  CrsFormWindowPrivate *priv;

  g_return_if_fail (CRS_IS_FORM_WINDOW (self));
  g_return_if_fail (GTK_IS_REVEALER (revealer));
  g_return_if_fail (GTK_IS_LABEL (label));
  priv = crs_form_window_get_instance_private (self);
  /* Widgets of the template: they live as long as the window. */
  priv->banner = revealer;
  priv->banner_label = label;
}

static void
show_banner (CrsFormWindow *self,
             const char    *message,
             gboolean       refusal)
{
  CrsFormWindowPrivate *priv = crs_form_window_get_instance_private (self);

  g_return_if_fail (priv->banner != NULL);
  priv->refused = refusal && message != NULL;
  /* Hidden, the old text stays in place while the revealer closes. */
  if (message != NULL)
    gtk_label_set_label (priv->banner_label, message);
  gtk_revealer_set_reveal_child (priv->banner, message != NULL);
}

void
crs_form_window_show_message (CrsFormWindow *self,
                              const char    *message)
{
  g_return_if_fail (CRS_IS_FORM_WINDOW (self));
  show_banner (self, message, FALSE);
}

gboolean
crs_form_window_refuse (CrsFormWindow *self,
                        GtkWidget     *focus,
                        const char    *message)
{
  g_return_val_if_fail (CRS_IS_FORM_WINDOW (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  show_banner (self, message, TRUE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  return FALSE;
}

gboolean
crs_form_window_check_number (CrsFormWindow *self,
                              CrsNumberRow  *row)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (CRS_IS_FORM_WINDOW (self), FALSE);
  g_return_val_if_fail (CRS_IS_NUMBER_ROW (row), FALSE);

  if (crs_number_row_get_state (row) != CRS_NUMBER_ROW_INVALID)
    return TRUE;
  /* TRANSLATORS: a field that stops saving, then what is wrong with it */
  message = g_strdup_printf (_("Not saved: correct %s first (%s)."),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                             crs_number_row_get_problem (row));
  return crs_form_window_refuse (self, GTK_WIDGET (crs_number_row_get_editable (row)), message);
}

void
crs_form_window_changed (CrsFormWindow *self)
{
  CrsFormWindowPrivate *priv;

  g_return_if_fail (CRS_IS_FORM_WINDOW (self));
  priv = crs_form_window_get_instance_private (self);

  priv->dirty = TRUE;
  if (priv->refused)
    show_banner (self, NULL, FALSE);
}

gboolean
crs_form_window_save (CrsFormWindow *self)
{
  g_autoptr(CrsFormWindow) alive = NULL;
  CrsFormWindowPrivate *priv;
  gboolean saved;

  g_return_val_if_fail (CRS_IS_FORM_WINDOW (self), FALSE);
  priv = crs_form_window_get_instance_private (self);

  if (priv->saved || CRS_FORM_WINDOW_GET_CLASS (self)->save == NULL)
    return FALSE;
  /* Keep the window alive through the "saved" handlers and its own
   * destruction; the reference goes at the end of this scope, and
   * nothing of the window is read after it (the result is a local). */
  alive = g_object_ref (self);
  saved = priv->saved = CRS_FORM_WINDOW_GET_CLASS (self)->save (self);
  if (saved)
    gtk_window_destroy (GTK_WINDOW (self));
  return saved;
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

void
crs_form_window_discard (CrsFormWindow *self)
{
  g_return_if_fail (CRS_IS_FORM_WINDOW (self));

  if (CRS_FORM_WINDOW_GET_CLASS (self)->discarded != NULL)
    CRS_FORM_WINDOW_GET_CLASS (self)->discarded (self);
  gtk_window_destroy (GTK_WINDOW (self));
}
