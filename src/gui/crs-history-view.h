/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-history-view.h: the patient's observation history as a table
 * (ui/crs-history-view.ui): every version of every set, newest first,
 * corrections marked, "Amend…" on the newest versions
 * (win.amend-observation), also by activating their row (Enter). */
#pragma once

#include <adwaita.h>

#include "crs-chart-table.h"

#include "core/crs-patient-status.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_HISTORY_VIEW (crs_history_view_get_type ())
G_DECLARE_FINAL_TYPE (CrsHistoryView, crs_history_view, CRS, HISTORY_VIEW, CrsChartTable)

/* @observations: CrsObservation *, every version (any order);
 * @acknowledgements: the patient's (CrsAcknowledgement *, may be NULL):
 * a red flag's row says who acknowledged it, when, and their note.
 * @status: the patient's status over the same sets: a current set shows
 * its grades as of now (and the ones it was saved with where they
 * differ), a replaced version the grades it was saved with. */
void        crs_history_view_show  (CrsHistoryView   *self,
                                    GPtrArray        *observations,
                                    GPtrArray        *acknowledgements,
                                    CrsPatientStatus *status);

G_END_DECLS
