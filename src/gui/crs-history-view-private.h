/* crs-history-view-private.h: what the tests read of CrsHistoryView: its
 * parts and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-history-view.h"

G_BEGIN_DECLS

/* The rows shown (CrsChartItem), for tests. */
GListModel *crs_history_view_get_model (CrsHistoryView *self);

G_END_DECLS
