/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-panel.h: the therapy and risk panel of the patient page
 * (ui/crs-therapy-panel.ui). */
#pragma once

#include <adwaita.h>

#include "core/crs-patient-status.h"
#include "store/crs-reference.h"

G_BEGIN_DECLS

#define CRS_TYPE_THERAPY_PANEL (crs_therapy_panel_get_type ())
G_DECLARE_FINAL_TYPE (CrsTherapyPanel, crs_therapy_panel, CRS, THERAPY_PANEL, GtkWidget)

/* Shows the current infusion of @status, its therapy and window, and the
 * patient's risk factors; @has_reference FALSE says no therapy reference
 * is installed. */
void        crs_therapy_panel_show          (CrsTherapyPanel  *self,
                                             CrsPatientStatus *status,
                                             gboolean          has_reference);

G_END_DECLS
