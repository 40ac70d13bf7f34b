/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-dialog.h: the form to add a patient or edit one: MRN,
 * name, date of birth, sex, weight, bed, diagnosis, the NEWS2 SpO2 scale,
 * CAPD for developmental delay, and the risk factors for severe CRS.
 *
 * Signal "saved" (CrsPatient *saved): the patient as saved (id set). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "crs-form-window.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_PATIENT_DIALOG (crs_patient_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsPatientDialog, crs_patient_dialog, CRS, PATIENT_DIALOG, CrsFormWindow)

/* @patient: NULL for a new patient; else the form edits a copy of it. */
CrsPatientDialog *crs_patient_dialog_new (GtkWindow  *parent,
                                          CrsStore   *store,
                                          CrsPatient *patient);

G_END_DECLS
