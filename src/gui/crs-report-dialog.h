/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-dialog.h: the choices of the shift handover report: the
 * period (this shift by the ward's shift times, the last 12 or 24 hours,
 * or from and to), which patients (all, only those with a red flag, or
 * those ticked), and the way out: "print", "export" (a PDF) or "blank"
 * (blank paper charts), the responses of the dialog. */
#pragma once

#include <adwaita.h>

#include "report/crs-handover.h"

G_BEGIN_DECLS

#define CRS_TYPE_REPORT_DIALOG (crs_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsReportDialog, crs_report_dialog, CRS, REPORT_DIALOG, AdwMessageDialog)

/* @patients: the ward's CrsPatient *, offered when "Selected patients" is
 * chosen, with @ticked_id (0 = none) ticked; @shift_starts: the ward
 * setting (NULL = the default); @response: the default response. */
CrsReportDialog *crs_report_dialog_new         (GtkWindow          *parent,
                                                GPtrArray          *patients,
                                                gint64              ticked_id,
                                                const char         *shift_starts,
                                                gint64              now,
                                                const char         *response);
/* The choices, into @options (period, from, to, selection, mrns; the
 * strings belong to the dialog). */
void             crs_report_dialog_get_options (CrsReportDialog    *self,
                                                CrsHandoverOptions *options);


G_END_DECLS
