/* crs-history-view.h: the patient's observation history as a table
 * (ui/crs-history-view.ui): every version of every set, newest first,
 * corrections marked, "Amend…" on the newest versions
 * (win.amend-observation), also by activating their row (Enter). */
#pragma once

#include <adwaita.h>

#include "core/crs-ward-policy.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_HISTORY_VIEW (crs_history_view_get_type ())
G_DECLARE_FINAL_TYPE (CrsHistoryView, crs_history_view, CRS, HISTORY_VIEW, GtkWidget)

/* @observations: CrsObservation *, every version (any order);
 * @acknowledgements: the patient's (CrsAcknowledgement *, may be NULL):
 * a red flag's row says who acknowledged it, when, and their note.
 * @patient and @policy decide where NEWS2 reads "not used (under 16)". */
void        crs_history_view_show  (CrsHistoryView      *self,
                                    GPtrArray           *observations,
                                    GPtrArray           *acknowledgements,
                                    CrsPatient          *patient,
                                    const CrsWardPolicy *policy,
                                    gint64               now);
/* The rows shown (CrsChartItem), for tests. */
GListModel *crs_history_view_get_model (CrsHistoryView *self);

G_END_DECLS
