/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline.h: the timeline chart as a widget.
 *
 * Draws a CrsTimelineModel through the report layer's renderer in the
 * colours of the current style (light, dark, high contrast). The
 * keyboard moves between observation sets (Left, Right, Home, End),
 * zooms (plus, minus) and scrolls (Page Up, Page Down); the pointer
 * shows a set's time, values and grades in a tooltip, drags to scroll,
 * and zooms with Ctrl and the wheel. Its accessible role is an image
 * whose label sums up the latest grades and their trend; the focused set
 * is its description. The history table stays the exact, non-visual
 * alternative beside it.
 *
 * Actions (for buttons inside the widget's parent chain, and keys):
 * timeline.range ("24h", "72h", "7d", "all"), timeline.mode ("calendar",
 * "since-infusion"), timeline.zoom-in, timeline.zoom-out,
 * timeline.scroll-earlier, timeline.scroll-later, timeline.first-point,
 * timeline.previous-point, timeline.next-point, timeline.last-point.
 * Toolbars elsewhere bind to the model's properties instead. */
#pragma once

#include <gtk/gtk.h>

#include "report/crs-timeline-render.h"

G_BEGIN_DECLS

#define CRS_TYPE_TIMELINE (crs_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CrsTimeline, crs_timeline, CRS, TIMELINE, GtkWidget)

GtkWidget        *crs_timeline_new                 (CrsTimelineModel *model);
void              crs_timeline_set_model           (CrsTimeline      *self,
                                                    CrsTimelineModel *model);
/* A sparkline: bands and the two step lines, no text, not focusable
 * (for ward rows). */
void              crs_timeline_set_compact         (CrsTimeline      *self,
                                                    gboolean          compact);

void              crs_timeline_set_focused_point   (CrsTimeline      *self,
                                                    int               index);

/* Point @index in words, one line each: its time (and since the
 * infusion), CRS, ICANS (with the grade stored at entry where it
 * differs), NEWS2 and temperature. Newly allocated. */
char             *crs_timeline_describe_point      (CrsTimeline      *self,
                                                    guint             index);

G_END_DECLS
