/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-intervention-dialog.h: the form to record what was done for a
 * patient: an antipyretic, tocilizumab, a corticosteroid, a fluid bolus,
 * a vasopressor started or stopped, oxygen, a transfusion, a transfer to
 * intensive care, an infusion paused or stopped.
 *
 * Signal "saved" (CrsIntervention *saved). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "crs-form-window.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_INTERVENTION_DIALOG (crs_intervention_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsInterventionDialog, crs_intervention_dialog, CRS, INTERVENTION_DIALOG, CrsFormWindow)

CrsInterventionDialog *crs_intervention_dialog_new (GtkWindow  *parent,
                                                    CrsStore   *store,
                                                    CrsPatient *patient);

G_END_DECLS
