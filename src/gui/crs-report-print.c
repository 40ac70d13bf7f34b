/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-print.c: printing and exporting the report (crs-report-print.h). */
#define G_LOG_DOMAIN "crs-report-print"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-report-print.h"

GtkPageSetup *
crs_report_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) saved = settings != NULL ? g_settings_get_value (settings, "page-setup") : NULL;
  GtkPageSetup *setup = NULL;

  if (saved != NULL && g_variant_n_children (saved) > 0)
    setup = gtk_page_setup_new_from_gvariant (saved);
  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);   /* the locale's */

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, paper);
    }
  /* The report is laid out portrait. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static GtkPrintSettings *
print_settings (GSettings *settings)
{
  g_autoptr(GVariant) saved = settings != NULL ? g_settings_get_value (settings, "print-settings") : NULL;

  if (saved != NULL && g_variant_n_children (saved) > 0)
    return gtk_print_settings_new_from_gvariant (saved);
  return gtk_print_settings_new ();
}

typedef struct
{
  CrsHandover        *handover;   /* borrowed, or owned when @own */
  gboolean            own;
  CrsReportKind       kind;
  CrsReport          *report;
  GtkPageSetup       *used;       /* the page setup of the pages printed */
  GSettings          *settings;
  CrsReportPrintDone  done;
  gpointer            user_data;
} Job;

static void
job_free (Job *job)
{
  if (job->own)
    g_clear_pointer (&job->handover, crs_handover_free);
  g_clear_pointer (&job->report, crs_report_free);
  g_clear_object (&job->used);
  g_clear_object (&job->settings);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  /* Full page, in points: the pages are those of the PDF. */
  g_clear_pointer (&job->report, crs_report_free);
  job->report = crs_report_new (job->handover, job->kind, gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) crs_report_get_n_pages (job->report));
  g_set_object (&job->used, gtk_print_context_get_page_setup (context));
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       Job               *job)
{
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  crs_report_draw_page (job->report, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* Keeps what was chosen in the print dialog for the next time. */
static void
remember (GtkPrintOperation       *operation,
          GtkPrintOperationResult  result,
          Job                     *job)
{
  GtkPrintSettings *chosen;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || job->settings == NULL)
    return;
  chosen = gtk_print_operation_get_print_settings (operation);
  if (chosen != NULL)
    g_settings_set_value (job->settings, "print-settings", gtk_print_settings_to_gvariant (chosen));
  if (job->used != NULL)
    g_settings_set_value (job->settings, "page-setup", gtk_page_setup_to_gvariant (job->used));
}

static GtkPrintOperation *
operation_new (Job *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = crs_report_page_setup (job->settings);
  g_autoptr(GtkPrintSettings) print = print_settings (job->settings);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, print);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job->kind == CRS_REPORT_BLANK_CHARTS ? _("Blank observation charts")
                                                                                    : _("Shift handover"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  return operation;
}

GtkPrintOperationResult
crs_report_print (GtkWindow               *parent,
                  CrsHandover             *handover,
                  CrsReportKind            kind,
                  GSettings               *settings,
                  GtkPrintOperationAction  action,
                  const char              *export_path,
                  GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  Job *job;
  GtkPrintOperationResult result;

  g_return_val_if_fail (handover != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  job = g_new0 (Job, 1);
  job->handover = handover;
  job->kind = kind;
  job->settings = settings != NULL ? g_object_ref (settings) : NULL;
  operation = operation_new (job);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  result = gtk_print_operation_run (operation, action, parent, error);
  remember (operation, result, job);
  /* The handlers point to @job: none may run after this. */
  g_signal_handlers_disconnect_by_data (operation, job);
  job_free (job);
  return result;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Job                     *job)
{
  g_autoptr(GError) error = NULL;

  remember (operation, result, job);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (job->done != NULL)
    job->done (result, error, job->user_data);
  g_signal_handlers_disconnect_by_data (operation, job);
  job_free (job);
  g_object_unref (operation);
}

void
crs_report_print_dialog (GtkWindow          *parent,
                         CrsHandover        *handover,
                         CrsReportKind       kind,
                         GSettings          *settings,
                         CrsReportPrintDone  done,
                         gpointer            user_data)
{
  GtkPrintOperation *operation;
  Job *job;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (handover != NULL);

  job = g_new0 (Job, 1);
  job->handover = handover;
  job->own = TRUE;
  job->kind = kind;
  job->settings = settings != NULL ? g_object_ref (settings) : NULL;
  job->done = done;
  job->user_data = user_data;
  operation = operation_new (job);
  /* No nested main loop: the window goes on while the dialog is open. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  /* Finished at once (an error, or no dialog): "done" may not follow. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && g_signal_handler_find (operation, G_SIGNAL_MATCH_DATA,
                                                                                  0, 0, NULL, NULL, job) != 0)
    {
      remember (operation, result, job);
      if (job->done != NULL)
        job->done (result, error, job->user_data);
      g_signal_handlers_disconnect_by_data (operation, job);
      job_free (job);
      g_object_unref (operation);
    }
}

/* ---------------------------------------------------------------------- */
/* Export PDF… */

typedef struct
{
  GtkFileChooserNative *chooser;
  CrsHandover          *handover;
  GSettings            *settings;
  CrsReportExportDone   done;
  gpointer              user_data;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->chooser);
  g_clear_pointer (&export->handover, crs_handover_free);
  g_clear_object (&export->settings);
  g_free (export);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(CrsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      export_free (export);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The report can only be saved to a file on this computer."));
  else
    {
      setup = crs_report_page_setup (export->settings);
      report = crs_report_new (export->handover, CRS_REPORT_HANDOVER,
                               gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                               gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));
      crs_report_write_pdf (report, path, &error);
    }
  export->done (path, error, export->user_data);
  export_free (export);
}

void
crs_report_export_pdf (GtkWindow           *parent,
                       CrsHandover         *handover,
                       GSettings           *settings,
                       const char          *suggested_name,
                       CrsReportExportDone  done,
                       gpointer             user_data)
{
  Export *export = g_new0 (Export, 1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  export->handover = handover;
  export->settings = settings != NULL ? g_object_ref (settings) : NULL;
  export->done = done;
  export->user_data = user_data;
  export->chooser = gtk_file_chooser_native_new (_("Export Handover as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                 _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (export->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (export->chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (export->chooser), suggested_name);
  g_signal_connect (export->chooser, "response", G_CALLBACK (export_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (export->chooser));
}
