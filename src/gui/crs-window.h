/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window.h: the main window: the ward list beside the patient page.
 *
 * Actions (win.*, listed in ui/help-overlay.ui): new-observation (Ctrl+N,
 * on the patient shown), new-patient (Ctrl+Shift+N), search (Ctrl+F),
 * sort ("bed" or "urgency"), edit-patient, record-infusion,
 * record-intervention, record-lab-result, amend-observation (x: the set),
 * acknowledge, archive-patient (with Undo: restore-patient), show-therapy,
 * go-back; the handover report's print (Ctrl+P), export-pdf (Ctrl+Shift+E)
 * and print-blank-charts (crs-window-report.c). */
#pragma once

#include <adwaita.h>

#include "crs-application.h"

G_BEGIN_DECLS

#define CRS_TYPE_WINDOW (crs_window_get_type ())
G_DECLARE_FINAL_TYPE (CrsWindow, crs_window, CRS, WINDOW, AdwApplicationWindow)

CrsWindow *crs_window_new        (CrsApplication *application);
/* Marks the window as showing the demo ward, not real patients. */
void       crs_window_set_demo   (CrsWindow      *self,
                                  gboolean        demo);
/* Selects @patient_id in the ward list and shows their page (forward on
 * a narrow window); FALSE when they are not on the ward list. */
gboolean   crs_window_select_patient (CrsWindow  *self,
                                      gint64      patient_id);

G_END_DECLS
