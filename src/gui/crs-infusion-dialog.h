/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-infusion-dialog.h: the form to record an infusion of a therapy
 * linked with CRS: the therapy (found in the reference database by name
 * or brand, or typed freely when it is not there), dose and unit, the
 * step-up label, start and end.
 *
 * Signal "saved" (CrsInfusion *saved). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "crs-form-window.h"
#include "store/crs-reference.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_INFUSION_DIALOG (crs_infusion_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsInfusionDialog, crs_infusion_dialog, CRS, INFUSION_DIALOG, CrsFormWindow)

/* @reference may be NULL (no reference installed): the therapy is then
 * taken as typed. */
CrsInfusionDialog *crs_infusion_dialog_new (GtkWindow    *parent,
                                            CrsStore     *store,
                                            CrsReference *reference,
                                            CrsPatient   *patient);

G_END_DECLS
