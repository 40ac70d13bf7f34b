/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window-report.c: the window's handover report actions: win.print
 * (Ctrl+P), win.export-pdf (Ctrl+Shift+E) and win.print-blank-charts.
 * Each opens the report's choices (crs-report-dialog.h) with its own way
 * out as the default; the report is read from the ward database as of
 * now and printed or exported through crs-report-print.h. */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-shift.h"
#include "crs-report-dialog.h"
#include "crs-report-print.h"
#include "crs-window-private.h"

typedef struct
{
  CrsWindow     *window;
  CrsHandover   *handover;
  CrsReportKind  kind;
  gboolean       export;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->window);
  g_clear_pointer (&pending->handover, crs_handover_free);
  g_free (pending);
}

static void
exported_cb (const char   *path,
             const GError *error,
             gpointer      user_data)
{
  CrsWindow *self = user_data;

  if (error != NULL)
    _crs_window_toast (self, error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      /* TRANSLATORS: the file the report was saved as */
      g_autofree char *message = g_strdup_printf (_("Handover saved as %s"), name);

      _crs_window_toast (self, message);
    }
  g_object_unref (self);
}

static void
printed_cb (GtkPrintOperationResult  result,
            const GError            *error,
            gpointer                 user_data)
{
  CrsWindow *self = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s"),
                                                  error != NULL ? error->message : _("unknown error"));
      _crs_window_toast (self, message);
    }
  g_object_unref (self);
}

/* "Handover Haematology 4B 2024-03-12 0700.pdf" */
static char *
suggested_name (CrsHandover *handover)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (handover->from);
  g_autofree char *when = from != NULL ? g_date_time_format (from, "%Y-%m-%d %H%M") : g_strdup ("");
  g_autofree char *ward = g_strdelimit (g_strdup (handover->ward_name), "/\\:", '-');

  /* TRANSLATORS: the file name offered for the report: ward and start of the period */
  return g_strdup_printf (_("Handover %s %s.pdf"), ward, when);
}

/* After the choices have closed: print or ask where to save. */
static gboolean
run_pending_cb (gpointer user_data)
{
  Pending *pending = user_data;
  CrsWindow *self = pending->window;

  if (pending->export)
    {
      g_autofree char *name = suggested_name (pending->handover);

      crs_report_export_pdf (GTK_WINDOW (self), g_steal_pointer (&pending->handover), self->settings, name,
                             exported_cb, g_object_ref (self));
    }
  else
    crs_report_print_dialog (GTK_WINDOW (self), g_steal_pointer (&pending->handover), pending->kind,
                             self->settings, printed_cb, g_object_ref (self));
  pending_free (pending);
  return G_SOURCE_REMOVE;
}

CrsHandover *
_crs_window_load_handover (CrsWindow                *self,
                           const CrsHandoverOptions *choices,
                           GError                  **error)
{
  CrsHandoverOptions options = *choices;

  g_return_val_if_fail (self->store != NULL, NULL);

  options.reference = self->reference;
  options.printed_by = crs_store_get_author (self->store);
  options.temperature_unit = self->policy.temperature_unit;
  return crs_handover_load (self->store, &options, error);
}

static void
report_response_cb (CrsReportDialog *dialog,
                    const char      *response,
                    CrsWindow       *self)
{
  CrsHandoverOptions options;
  g_autoptr(GError) error = NULL;
  Pending *pending;

  if (g_strcmp0 (response, "print") != 0 && g_strcmp0 (response, "export") != 0 &&
      g_strcmp0 (response, "blank") != 0)
    return;

  crs_handover_options_init (&options);
  crs_report_dialog_get_options (dialog, &options);
  /* As of now: what the ward list shows at this moment. */
  options.now = _crs_window_now (self);
  pending = g_new0 (Pending, 1);
  pending->handover = _crs_window_load_handover (self, &options, &error);
  if (pending->handover == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be made: %s"), error->message);

      _crs_window_toast (self, message);
      pending_free (pending);
      return;
    }
  pending->window = g_object_ref (self);
  pending->kind = g_str_equal (response, "blank") ? CRS_REPORT_BLANK_CHARTS : CRS_REPORT_HANDOVER;
  pending->export = g_str_equal (response, "export");
  g_idle_add (run_pending_cb, pending);
}

static void
open_choices (CrsWindow  *self,
              const char *response)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = NULL;
  CrsReportDialog *dialog;

  if (self->store == NULL)
    return;
  patients = crs_store_list_patients (self->store, FALSE, &error);
  if (patients == NULL)
    {
      _crs_window_toast (self, error->message);
      return;
    }
  starts = crs_store_get_setting (self->store, CRS_SHIFT_STARTS_KEY);
  dialog = crs_report_dialog_new (GTK_WINDOW (self), patients, self->patient_id, starts, _crs_window_now (self),
                                  response);
  g_signal_connect_object (dialog, "response", G_CALLBACK (report_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  open_choices (CRS_WINDOW (widget), "print");
}

static void
export_pdf_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_choices (CRS_WINDOW (widget), "export");
}

static void
print_blank_charts_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_choices (CRS_WINDOW (widget), "blank");
}

void
_crs_window_report_actions_init (CrsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_cb);
  gtk_widget_class_install_action (widget_class, "win.print-blank-charts", NULL, print_blank_charts_cb);
}
