/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-view.h: the Timeline tab of the patient page
 * (ui/crs-timeline-view.ui): the chart (CrsTimeline) fed from the
 * patient's status, with buttons for the time shown (24 h, 72 h, 7 days,
 * all), how time is counted (since infusion, calendar) and the NEWS2 and
 * temperature series, all bound to the chart model's properties; and
 * beneath it the table of every entry (CrsTimelineTable), the exact and
 * non-visual alternative. */
#pragma once

#include <adwaita.h>

#include "core/crs-patient-status.h"
#include "crs-timeline-table.h"
#include "crs-timeline.h"

G_BEGIN_DECLS

#define CRS_TYPE_TIMELINE_VIEW (crs_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CrsTimelineView, crs_timeline_view, CRS, TIMELINE_VIEW, GtkWidget)

/* Shows @status with the patient's @interventions and @infusions
 * (CrsIntervention *, CrsInfusion *) in the chart and the table. The
 * view settings stay as the nurse left them. */
void              crs_timeline_view_show      (CrsTimelineView  *self,
                                               CrsPatientStatus *status,
                                               GPtrArray        *interventions,
                                               GPtrArray        *infusions);

G_END_DECLS
