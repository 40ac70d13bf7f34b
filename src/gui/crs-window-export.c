/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window-export.c: Export FHIR… (win.export-fhir): the whole ward as a
 * FHIR R4 bundle (src/exchange/crs-fhir.h), to a file the nurse chooses.
 *
 * The file is chosen with GtkFileChooserNative, so in the Flatpak it goes
 * through the file chooser portal (the sandbox itself can write nowhere
 * else); the document portal lets the temporary file beside it be renamed
 * over it, so the file is still replaced atomically, with mode 0600. */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "exchange/crs-fhir.h"
#include "crs-window-private.h"

gboolean
_crs_window_export_fhir_file (CrsWindow  *self,
                              GFile      *file,
                              GError    **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  CrsFhirSummary summary = { 0 };

  if (self->store == NULL)
    {
      g_set_error_literal (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_FAILED,
                           _("The ward database is not open."));
      return FALSE;
    }
  if (path == NULL)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO,
                   _("Cannot write %s: choose a file on this computer."), name);
      return FALSE;
    }
  if (!crs_fhir_export_file (self->store, NULL, 0, path, &summary, error))
    return FALSE;

  /* TRANSLATORS: "Exported 10 patients to ward.fhir.xml" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u patient to %s",
                                          "Exported %u patients to %s", summary.patients),
                             summary.patients, (escaped = g_markup_escape_text (name, -1)));
  /* A toast's title is markup. */
  _crs_window_toast (self, message);
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  CrsWindow *self = CRS_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->export_chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    self->export_chooser = NULL;
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && !_crs_window_export_fhir_file (self, file, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("Nothing Was Exported"),
                                                                             error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (self);
}

void
_crs_window_export_fhir_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* TRANSLATORS: the suggested file name; %s is the date, 2025-03-14 */
  g_autofree char *suggested = g_strdup_printf (_("ward-%s.fhir.xml"), date);

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export FHIR"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("FHIR XML bundles"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  self->export_chooser = chooser;
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
