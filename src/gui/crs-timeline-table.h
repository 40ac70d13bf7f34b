/* crs-timeline-table.h: the timeline area of the patient page, for now a
 * table (ui/crs-timeline-table.ui); the chart will take its place behind
 * the same call. */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "core/crs-ward-policy.h"

G_BEGIN_DECLS

#define CRS_TYPE_TIMELINE_TABLE (crs_timeline_table_get_type ())
G_DECLARE_FINAL_TYPE (CrsTimelineTable, crs_timeline_table, CRS, TIMELINE_TABLE, GtkWidget)

/* @observations: the current sets; @interventions, @infusions: the
 * patient's (CrsObservation *, CrsIntervention *, CrsInfusion *).
 * @patient and @policy decide where NEWS2 reads "not used (under 16)". */
void        crs_timeline_table_show      (CrsTimelineTable    *self,
                                          GPtrArray           *observations,
                                          GPtrArray           *interventions,
                                          GPtrArray           *infusions,
                                          CrsPatient          *patient,
                                          const CrsWardPolicy *policy,
                                          gint64               now);
/* The rows shown (CrsChartItem), newest first, for tests. */
GListModel *crs_timeline_table_get_model (CrsTimelineTable *self);

G_END_DECLS
