/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-lab-result-dialog.h: the form to record a blood test result (CRP,
 * ferritin, blood count, creatinine, ALT, fibrinogen, or another test),
 * with its LOINC code, value, unit and time.
 *
 * Signal "saved" (CrsLabResult *saved). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "crs-form-window.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_LAB_RESULT_DIALOG (crs_lab_result_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsLabResultDialog, crs_lab_result_dialog, CRS, LAB_RESULT_DIALOG, CrsFormWindow)

CrsLabResultDialog *crs_lab_result_dialog_new (GtkWindow  *parent,
                                               CrsStore   *store,
                                               CrsPatient *patient);

G_END_DECLS
