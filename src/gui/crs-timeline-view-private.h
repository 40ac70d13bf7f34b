/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-view-private.h: what the tests read of CrsTimelineView:
 * its parts and what it shows. Only its own file and the tests include
 * this. */
#pragma once

#include "crs-timeline-view.h"

G_BEGIN_DECLS

CrsTimeline      *crs_timeline_view_get_chart (CrsTimelineView  *self);
CrsTimelineModel *crs_timeline_view_get_model (CrsTimelineView  *self);
CrsTimelineTable *crs_timeline_view_get_table (CrsTimelineView  *self);

G_END_DECLS
