/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-table.h: the table beneath the timeline chart
 * (ui/crs-timeline-table.ui, in crs-timeline-view.ui): every entry in
 * words, the exact and non-visual alternative to the chart. */
#pragma once

#include <adwaita.h>

#include "crs-chart-table.h"

#include "core/crs-model.h"
#include "core/crs-patient-status.h"

G_BEGIN_DECLS

#define CRS_TYPE_TIMELINE_TABLE (crs_timeline_table_get_type ())
G_DECLARE_FINAL_TYPE (CrsTimelineTable, crs_timeline_table, CRS, TIMELINE_TABLE, CrsChartTable)

/* The current sets of @status with their grades as of now, and
 * @interventions and @infusions (the patient's CrsIntervention *,
 * CrsInfusion *). */
void        crs_timeline_table_show      (CrsTimelineTable    *self,
                                          CrsPatientStatus    *status,
                                          GPtrArray           *interventions,
                                          GPtrArray           *infusions);

G_END_DECLS
