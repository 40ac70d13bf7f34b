/* crs-timeline-table-private.h: what the tests read of CrsTimelineTable:
 * its parts and what it shows. Only its own file and the tests include
 * this. */
#pragma once

#include "crs-timeline-table.h"

G_BEGIN_DECLS

/* The rows shown (CrsChartItem), newest first, for tests. */
GListModel *crs_timeline_table_get_model (CrsTimelineTable *self);

G_END_DECLS
