/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-form.c: what every form window of CRS Watch shares. */
#define G_LOG_DOMAIN "crs-form"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-display.h"
#include "crs-form.h"
#include "crs-form-window.h"

void
crs_form_class_add_shortcuts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
}

void
crs_form_mark_row (AdwActionRow *row,
                   GtkWidget    *control,
                   GtkImage     *icon,
                   CrsFormMark   mark,
                   const char   *text)
{
  GtkWidget *widget = GTK_WIDGET (row);

  adw_action_row_set_subtitle (row, text != NULL ? text : "");

  gtk_widget_remove_css_class (widget, "crs-error");
  gtk_widget_remove_css_class (widget, "crs-warning");
  if (control != NULL)
    {
      gtk_widget_remove_css_class (control, "error");
      gtk_widget_remove_css_class (control, "warning");
    }

  switch (mark)
    {
    case CRS_FORM_MARK_ERROR:
      gtk_widget_add_css_class (widget, "crs-error");
      if (control != NULL)
        gtk_widget_add_css_class (control, "error");
      if (icon != NULL)
        {
          gtk_image_set_from_icon_name (icon, "dialog-error-symbolic");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
        }
      break;

    case CRS_FORM_MARK_WARNING:
      gtk_widget_add_css_class (widget, "crs-warning");
      if (control != NULL)
        gtk_widget_add_css_class (control, "warning");
      if (icon != NULL)
        {
          gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
        }
      break;

    case CRS_FORM_MARK_NONE:
    default:
      break;
    }

  if (icon != NULL)
    gtk_widget_set_visible (GTK_WIDGET (icon), mark != CRS_FORM_MARK_NONE);

  if (control != NULL)
    {
      if (mark == CRS_FORM_MARK_ERROR)
        gtk_accessible_update_state (GTK_ACCESSIBLE (control),
                                     GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                     -1);
      else
        gtk_accessible_reset_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_STATE_INVALID);
      if (text != NULL && *text != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
crs_form_mark_entry_row (AdwEntryRow *row,
                         GtkWidget   *message_row,
                         GtkLabel    *message_label,
                         const char  *problem)
{
  gboolean bad = problem != NULL && *problem != '\0';

  gtk_label_set_label (message_label, bad ? problem : "");
  gtk_widget_set_visible (message_row, bad);
  gtk_widget_remove_css_class (message_row, "crs-note");
  if (bad)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
crs_form_note_entry_row (AdwEntryRow *row,
                         GtkWidget   *message_row,
                         GtkLabel    *message_label,
                         const char  *note)
{
  crs_form_mark_entry_row (row, message_row, message_label, NULL);
  if (note == NULL || *note == '\0')
    return;
  gtk_label_set_label (message_label, note);
  gtk_widget_add_css_class (message_row, "crs-note");
  gtk_widget_set_visible (message_row, TRUE);
}

static gboolean
destroy_form_cb (gpointer data)
{
  if (CRS_IS_FORM_WINDOW (data))
    crs_form_window_discard (CRS_FORM_WINDOW (data));
  else
    gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *form)
{
  /* The question closes itself after this: the form it belongs to goes
   * once it has. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_form_cb, g_object_ref (form), g_object_unref);
}

void
crs_form_ask_discard (GtkWindow *form)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (form));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (form, _("Discard What You Typed?"),
                                                       _("Nothing from this form has been saved yet.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), form, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
crs_form_fill_choices (AdwComboRow  *row,
                       const char   *none_label,
                       const char *(*label) (int value),
                       int           n_values)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, none_label != NULL ? none_label : _("Not recorded"));
  for (int v = 1; v < n_values; v++)
    gtk_string_list_append (list, label (v));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, 0);
}

char *
crs_form_format_time (gint64 unix_time)
{
  /* As the chart and the history write it. */
  return crs_format_time (unix_time, g_get_real_time () / G_USEC_PER_SEC);
}

char *
crs_form_dup_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

void
crs_form_title_for_patient (AdwWindowTitle *title,
                            CrsPatient     *patient)
{
  g_autofree char *subtitle = NULL;
  const char *name = patient->name != NULL && *patient->name != '\0' ? patient->name : patient->mrn;

  if (patient->bed != NULL && *patient->bed != '\0')
    /* TRANSLATORS: the patient a form is for: bed, then name */
    subtitle = g_strdup_printf (_("Bed %s · %s"), patient->bed, name != NULL ? name : "");
  else
    subtitle = g_strdup (name != NULL ? name : "");
  adw_window_title_set_subtitle (title, subtitle);
}

gboolean
crs_form_row_focus_control (GtkWidget *row,
                            GtkWidget *control)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == control || gtk_widget_is_ancestor (focus, control)))
    return FALSE;
  return gtk_widget_grab_focus (control);
}
