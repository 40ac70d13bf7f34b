/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-dialog-private.h: what the tests read of CrsReportDialog:
 * its parts and what it shows. Only its own file and the tests include
 * this. */
#pragma once

#include "crs-report-dialog.h"

G_BEGIN_DECLS

/* For tests. */
AdwComboRow     *crs_report_dialog_get_period_row   (CrsReportDialog *self);
AdwComboRow     *crs_report_dialog_get_patients_row (CrsReportDialog *self);
GtkListBox      *crs_report_dialog_get_patients_list (CrsReportDialog *self);

G_END_DECLS
