/* crs-therapy-panel.h: the therapy and risk panel of the patient page
 * (ui/crs-therapy-panel.ui). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "store/crs-reference.h"

G_BEGIN_DECLS

#define CRS_TYPE_THERAPY_PANEL (crs_therapy_panel_get_type ())
G_DECLARE_FINAL_TYPE (CrsTherapyPanel, crs_therapy_panel, CRS, THERAPY_PANEL, GtkWidget)

/* Shows @patient's latest infusion of @infusions (CrsInfusion *, may be
 * empty) as of @now, looked up in @reference (may be NULL). */
void        crs_therapy_panel_show          (CrsTherapyPanel *self,
                                             CrsPatient      *patient,
                                             GPtrArray       *infusions,
                                             CrsReference    *reference,
                                             gint64           now);
/* The window sentence shown, for tests. */
const char *crs_therapy_panel_get_headline  (CrsTherapyPanel *self);

G_END_DECLS
