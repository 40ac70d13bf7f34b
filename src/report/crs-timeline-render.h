/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-render.h: the timeline chart on any cairo surface.
 *
 * One function draws the chart on a screen, a print page or a PDF at any
 * size: CRS and ICANS grades as step lines over bands for grades 0-4,
 * NEWS2 on its own axis, temperature with the fever line, infusions,
 * interventions and the typical onset window. Lengths are cairo user
 * units (pixels on a screen, points in a PDF); text is measured with
 * unhinted metrics, so the same size lays out the same everywhere.
 *
 * The layout is computed first and can be queried (plot area, ticks,
 * labels, where a time or a point is), so tests check it without
 * looking at pixels, and a widget uses it to hit-test the pointer. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crs-timeline-model.h"

G_BEGIN_DECLS

/* The same layout as GdkRGBA, so a widget copies its colours field by field. */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} CrsTimelineColor;

typedef struct
{
  CrsTimelineColor background;   /* under everything (alpha 0: left as it is) */
  CrsTimelineColor foreground;   /* text, axes */
  CrsTimelineColor grid;         /* tick lines */
  CrsTimelineColor band[5];      /* grade 0-4 backgrounds */
  CrsTimelineColor crs;          /* CRS step line */
  CrsTimelineColor icans;        /* ICANS step line */
  CrsTimelineColor news2;
  CrsTimelineColor temperature;
  CrsTimelineColor fever_line;
  CrsTimelineColor infusion;     /* infusion markers, day 0 */
  CrsTimelineColor intervention; /* intervention markers */
  CrsTimelineColor onset;        /* typical onset window */
  const char      *font_family;  /* not owned; NULL = "Sans" */
  double           font_size;    /* in user units (px on screen, pt in a PDF) */
  double           line_width;   /* of the grade lines; others follow it */
  gboolean         compact;      /* a sparkline: bands and the two step lines, no text */
} CrsTimelineStyle;

/* Black text on white, colours that stay apart in grey: for print and PDF. */
void crs_timeline_style_init_default (CrsTimelineStyle *style);
/* The same for a sparkline (compact, thinner lines). */
void crs_timeline_style_init_compact (CrsTimelineStyle *style);

/* Draws @model into the rectangle (0, 0, @width, @height) of @cr. */
void crs_timeline_render (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const CrsTimelineStyle *style,
                          CrsTimelineModel       *model);

/* ---------------------------------------------------------------------- */
/* The layout: what crs_timeline_render() draws, where. */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CrsTimelineRect;

typedef enum {
  CRS_TIMELINE_SERIES_CRS = 0,
  CRS_TIMELINE_SERIES_ICANS,
  CRS_TIMELINE_SERIES_NEWS2,
  CRS_TIMELINE_SERIES_TEMPERATURE,
  CRS_TIMELINE_N_SERIES
} CrsTimelineSeries;

typedef enum {
  CRS_TIMELINE_TEXT_TICK = 0,       /* time axis */
  CRS_TIMELINE_TEXT_GRADE,          /* "2 moderate" beside a band */
  CRS_TIMELINE_TEXT_NEWS2_AXIS,
  CRS_TIMELINE_TEXT_TEMPERATURE_AXIS,
  CRS_TIMELINE_TEXT_FEVER_LINE,
  CRS_TIMELINE_TEXT_INFUSION,
  CRS_TIMELINE_TEXT_INTERVENTION,   /* the letter of a marker */
  CRS_TIMELINE_TEXT_LEGEND,
  CRS_TIMELINE_TEXT_ONSET,
  CRS_TIMELINE_TEXT_MESSAGE,        /* "No observations in this period" */
  CRS_TIMELINE_TEXT_AXIS_TITLE,     /* "Since infusion" */
} CrsTimelineTextRole;

typedef struct
{
  CrsTimelineTextRole role;
  const char         *text;
  CrsTimelineRect     rect;
} CrsTimelineText;

typedef struct
{
  gint64      time;   /* axis time */
  double      x;
  gboolean    major;  /* a day starts here */
  const char *label;  /* NULL when the tick has no label */
  CrsTimelineRect label_rect;
} CrsTimelineTick;

/* A step of a series: a vertical bar at x0 from y_top to y_bottom (the
 * riser from the previous value, or every value of one pixel column),
 * then a horizontal line at y from x0 to x1. */
typedef struct
{
  double          x0;
  double          x1;
  double          y;
  double          y_top;
  double          y_bottom;
  CrsTimelineKind kind;     /* DETERMINED or AT_LEAST */
  int             infusion; /* since infusion: which line; else -1 */
} CrsTimelineStep;

typedef struct
{
  double          x;
  double          y;
  CrsTimelineKind kind;     /* DETERMINED (filled) or AT_LEAST (open) */
  guint           point;    /* index in the model */
  int             infusion;
} CrsTimelineMarker;

typedef struct _CrsTimelineLayout CrsTimelineLayout;

/* Lays out @model without drawing; @cr gives the font options and
 * target (its transformation is not used). */
CrsTimelineLayout *crs_timeline_layout_new        (cairo_t                *cr,
                                                   double                  width,
                                                   double                  height,
                                                   const CrsTimelineStyle *style,
                                                   CrsTimelineModel       *model);
void               crs_timeline_layout_free       (CrsTimelineLayout      *layout);
void               crs_timeline_layout_draw       (CrsTimelineLayout      *layout,
                                                   cairo_t                *cr);

/* The grade plot (bands 0-4); the temperature strip (FALSE when not shown). */
void               crs_timeline_layout_get_plot_area        (CrsTimelineLayout *layout,
                                                             CrsTimelineRect   *rect);
gboolean           crs_timeline_layout_get_temperature_area (CrsTimelineLayout *layout,
                                                             CrsTimelineRect   *rect);
void               crs_timeline_layout_get_band             (CrsTimelineLayout *layout,
                                                             int                grade,
                                                             CrsTimelineRect   *rect);
/* The window shown, in axis time. */
void               crs_timeline_layout_get_window           (CrsTimelineLayout *layout,
                                                             gint64            *from,
                                                             gint64            *to);
/* x of an axis time (may lie outside the plot); the axis time at @x. */
double             crs_timeline_layout_x_for_time           (CrsTimelineLayout *layout,
                                                             gint64             axis_time);
gint64             crs_timeline_layout_time_at_x            (CrsTimelineLayout *layout,
                                                             double             x);
/* y of a value of @series (a grade, a NEWS2 total, a temperature in °C). */
double             crs_timeline_layout_y_for_value          (CrsTimelineLayout *layout,
                                                             CrsTimelineSeries  series,
                                                             double             value);
/* Where point @index of the model is drawn for @series: FALSE when it is
 * outside the window, not determined or the series is not shown. */
gboolean           crs_timeline_layout_get_point_position   (CrsTimelineLayout *layout,
                                                             guint              index,
                                                             CrsTimelineSeries  series,
                                                             double            *x,
                                                             double            *y);
/* The point nearest to @x (within @max_distance), of the line at @y when
 * several infusions overlap; -1 if none. */
int                crs_timeline_layout_find_point           (CrsTimelineLayout *layout,
                                                             double             x,
                                                             double             y,
                                                             double             max_distance);
/* The intervention whose marker covers (@x, @y), -1 if none. */
int                crs_timeline_layout_find_intervention    (CrsTimelineLayout *layout,
                                                             double             x,
                                                             double             y);
/* The visible points, first and last index (FALSE when none). */
gboolean           crs_timeline_layout_get_visible_points   (CrsTimelineLayout *layout,
                                                             guint             *first,
                                                             guint             *last);

const CrsTimelineTick   *crs_timeline_layout_get_ticks   (CrsTimelineLayout *layout,
                                                          guint             *n_ticks);
/* Every text drawn, with its box. */
const CrsTimelineText   *crs_timeline_layout_get_texts   (CrsTimelineLayout *layout,
                                                          guint             *n_texts);
const CrsTimelineStep   *crs_timeline_layout_get_steps   (CrsTimelineLayout *layout,
                                                          CrsTimelineSeries  series,
                                                          guint             *n_steps);
const CrsTimelineMarker *crs_timeline_layout_get_markers (CrsTimelineLayout *layout,
                                                          CrsTimelineSeries  series,
                                                          guint             *n_markers);
/* Vertical infusion markers (calendar) or the day 0 line (since infusion). */
const double            *crs_timeline_layout_get_infusion_lines (CrsTimelineLayout *layout,
                                                                 guint             *n_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsTimelineLayout, crs_timeline_layout_free)

G_END_DECLS
