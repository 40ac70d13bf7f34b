/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-private.h: what the tests read of CrsTimeline: its parts
 * and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-timeline.h"

G_BEGIN_DECLS

CrsTimelineModel *crs_timeline_get_model           (CrsTimeline      *self);
gboolean          crs_timeline_get_compact         (CrsTimeline      *self);
/* The set with the keyboard focus (index in the model), -1 for none. */
int               crs_timeline_get_focused_point   (CrsTimeline      *self);
/* The accessible label: "CRS grade 2, moderate, rising from 1; ICANS
 * grade 0, none, unchanged. 26 observation sets from ... to ...". */
const char       *crs_timeline_get_summary         (CrsTimeline      *self);
/* What the last frame was drawn with (NULL / unchanged before the first). */
CrsTimelineLayout *crs_timeline_get_layout         (CrsTimeline      *self);
void              crs_timeline_get_style           (CrsTimeline      *self,
                                                    CrsTimelineStyle *style);

G_END_DECLS
