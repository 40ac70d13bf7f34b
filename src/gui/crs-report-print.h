/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-print.h: the handover report and the blank charts through
 * GtkPrintOperation, and "Export PDF…" through GtkFileChooserNative.
 *
 * Both draw the pages of the one layout engine (src/report/crs-report.h).
 * The page setup and the print settings chosen in the print dialog are
 * remembered in GSettings ("page-setup", "print-settings"); the PDF
 * export uses the same paper. Pages are always portrait. */
#pragma once

#include <gtk/gtk.h>

#include "report/crs-report.h"

G_BEGIN_DECLS

/* Prints @handover as @kind: with the print dialog (@action
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG), or to the PDF file
 * @export_path (GTK_PRINT_OPERATION_ACTION_EXPORT). Runs to the end before
 * it returns. The settings used are saved to @settings when the result
 * is GTK_PRINT_OPERATION_RESULT_APPLY. */
GtkPrintOperationResult crs_report_print        (GtkWindow               *parent,
                                                 CrsHandover             *handover,
                                                 CrsReportKind            kind,
                                                 GSettings               *settings,
                                                 GtkPrintOperationAction  action,
                                                 const char              *export_path,
                                                 GError                 **error);

/* The same with the print dialog, without a nested main loop: returns
 * at once; @done runs when the job was sent, cancelled or failed. Takes
 * @handover. */
typedef void (*CrsReportPrintDone) (GtkPrintOperationResult  result,
                                    const GError            *error,
                                    gpointer                 user_data);

void                    crs_report_print_dialog (GtkWindow               *parent,
                                                 CrsHandover             *handover,
                                                 CrsReportKind            kind,
                                                 GSettings               *settings,
                                                 CrsReportPrintDone       done,
                                                 gpointer                 user_data);

/* The page setup remembered in @settings, else the locale's paper;
 * portrait. */
GtkPageSetup           *crs_report_page_setup   (GSettings               *settings);

/* Asks where to save @handover as a PDF (a native file chooser, the
 * portal in a sandbox) and writes it on the paper remembered in
 * @settings. @done runs when the file was written (path) or failed
 * (error); not when the nurse cancelled. */
typedef void (*CrsReportExportDone) (const char   *path,
                                     const GError *error,
                                     gpointer      user_data);

void                    crs_report_export_pdf   (GtkWindow               *parent,
                                                 CrsHandover             *handover,   /* taken */
                                                 GSettings               *settings,
                                                 const char              *suggested_name,
                                                 CrsReportExportDone      done,
                                                 gpointer                 user_data);

G_END_DECLS
