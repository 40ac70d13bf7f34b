/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-layout-private.h: what the timeline layout holds, shared
 * by the files that compute it (crs-timeline-layout.c, the axes and
 * text; crs-timeline-series.c, the lines and markers) and the one that
 * draws it (crs-timeline-render.c). */
#pragma once

#include <pango/pangocairo.h>

#include "crs-timeline-render.h"

G_BEGIN_DECLS

/* Which colour of the style a text or a mark uses. */
typedef enum {
  INK_FOREGROUND = 0,
  INK_CRS,
  INK_ICANS,
  INK_NEWS2,
  INK_TEMPERATURE,
  INK_FEVER,
  INK_INFUSION,
  INK_INTERVENTION,
} CrsTimelineInk;

typedef struct
{
  PangoLayout    *layout;
  CrsTimelineInk  ink;
  gboolean        boxed;      /* on a background-coloured box (over bands) */
  double          alpha;
} CrsTimelineTextPaint;

/* What a legend entry shows before its words. */
typedef enum {
  SAMPLE_CRS = 0,
  SAMPLE_ICANS,
  SAMPLE_AT_LEAST,
  SAMPLE_GAP,
  SAMPLE_NEWS2,
  SAMPLE_TEMPERATURE,
  SAMPLE_ONSET,
  SAMPLE_LETTER,              /* an intervention letter or an infusion number */
} CrsTimelineSample;

typedef struct
{
  CrsTimelineSample sample;
  CrsTimelineRect   rect;     /* where the sample is drawn */
  guint             text;     /* its letter's text, for SAMPLE_LETTER */
} CrsTimelineLegendItem;

typedef struct
{
  guint           index;      /* in the model */
  double          x;          /* its time */
  CrsTimelineRect box;        /* the box with its letter (may be moved right of x) */
  guint           text;       /* the letter; G_MAXUINT: no room for a box, only the line */
  double          alpha;
} CrsTimelineInterventionMark;

typedef struct
{
  double x;
  double alpha;
  int    infusion;
} CrsTimelineLine;

struct _CrsTimelineLayout
{
  CrsTimelineModel *model;
  CrsTimelineStyle  style;
  char             *font_family;
  double            width;
  double            height;
  double            pixel;          /* user units per device pixel */

  PangoContext         *pango;
  PangoFontDescription *font;
  PangoFontDescription *font_small;
  double                line_height;
  double                pad;

  const CrsTimelinePoint *points; /* the model's, in time order */
  guint                   n_points;

  CrsTimelineMode mode;
  gint64          from;
  gint64          to;
  gint64          now;              /* effective now, calendar time */

  CrsTimelineRect plot;
  gboolean        has_temperature;
  CrsTimelineRect temperature;
  double          temperature_lo;   /* °C at the bottom and top of the strip */
  double          temperature_hi;
  gboolean        has_news2;
  gboolean        has_legend;

  GArray    *ticks;                 /* CrsTimelineTick */
  GArray    *texts;                 /* CrsTimelineText */
  GArray    *paints;                /* CrsTimelineTextPaint, one per text */
  GPtrArray *strings;               /* owned text */

  GArray *steps[CRS_TIMELINE_N_SERIES];    /* CrsTimelineStep */
  GArray *markers[CRS_TIMELINE_N_SERIES];  /* CrsTimelineMarker */
  GArray *temperature_path;         /* double x, y pairs; each line starts
                                     * with (NAN, the line's alpha) */
  double  marker_size;

  GArray *infusion_lines;           /* CrsTimelineLine */
  GArray *infusion_xs;              /* double, for the public query */
  GArray *onset_spans;              /* CrsTimelineRect over the plot */
  GArray *interventions;            /* CrsTimelineInterventionMark */
  GArray *legend;                   /* CrsTimelineLegendItem */

  gboolean has_visible;
  guint    visible_first;
  guint    visible_last;
  gboolean any_at_least;
  gboolean any_gap;
  gboolean any_news2_partial;
};

/* crs-timeline-layout.c: text and coordinates */
enum {
  CRS_TEXT_SMALL = 1 << 0,
  CRS_TEXT_BOLD = 1 << 1,
  CRS_TEXT_BOXED = 1 << 2,   /* on a background-coloured box */
};

/* A text at (0, 0) with its size measured; its index. */
guint            crs_timeline_layout_add_text       (CrsTimelineLayout   *layout,
                                                     CrsTimelineTextRole  role,
                                                     const char          *text,
                                                     guint                flags,
                                                     CrsTimelineInk       ink);
void             crs_timeline_layout_drop_last_text (CrsTimelineLayout   *layout);
CrsTimelineText *crs_timeline_layout_text           (CrsTimelineLayout   *layout,
                                                     guint                text);
void             crs_timeline_layout_move_text      (CrsTimelineLayout   *layout,
                                                     guint                text,
                                                     double               x,
                                                     double               y);
/* Shortens @text with an ellipsis to @width. */
void             crs_timeline_layout_ellipsize_text (CrsTimelineLayout   *layout,
                                                     guint                text,
                                                     double               width);
double           crs_timeline_layout_text_width     (CrsTimelineLayout   *layout,
                                                     const char          *text,
                                                     guint                flags);
gboolean         crs_timeline_layout_visible        (CrsTimelineLayout   *layout,
                                                     gint64               axis_time);
double           crs_timeline_layout_grade_y        (CrsTimelineLayout   *layout,
                                                     CrsTimelineSeries    series,
                                                     double               grade);
/* Where the last value of line @infusion (-1: the calendar line) holds
 * until, in axis time: now, or the next infusion. */
gint64           crs_timeline_layout_hold_end       (CrsTimelineLayout   *layout,
                                                     int                  infusion);
/* The alpha of the lines of @infusion: the latest infusion in full, the
 * earlier ones lighter. */
double           crs_timeline_layout_infusion_alpha (CrsTimelineLayout   *layout,
                                                     int                  infusion);

/* crs-timeline-axes.c */
/* Ticks with labels at @label_y. */
void    crs_timeline_layout_ticks              (CrsTimelineLayout *layout,
                                                double             label_y);
/* The width of the grade labels; *@words: with their words. */
double  crs_timeline_layout_grade_label_width  (CrsTimelineLayout *layout,
                                                gboolean          *words);
void    crs_timeline_layout_grade_labels       (CrsTimelineLayout *layout,
                                                gboolean           words);
void    crs_timeline_layout_news2_axis         (CrsTimelineLayout *layout);
/* The temperatures the strip spans (before the strip is placed). */
void    crs_timeline_layout_temperature_extent (CrsTimelineLayout *layout);
void    crs_timeline_layout_temperature_axis   (CrsTimelineLayout *layout);

/* crs-timeline-marks.c */
/* The interventions in the window; @kinds_seen gets bit 1 << kind of each. */
void    crs_timeline_layout_interventions      (CrsTimelineLayout *layout,
                                                guint32           *kinds_seen);
void    crs_timeline_layout_infusions          (CrsTimelineLayout *layout);
void    crs_timeline_layout_infusion_numbers   (CrsTimelineLayout *layout);
/* The legend's entries (an array to pass back below). */
GArray *crs_timeline_layout_legend_entries     (CrsTimelineLayout *layout,
                                                guint32            kinds_seen);
/* Keeps the entries of the lines only (CRS, ICANS, at least, gap, NEWS2,
 * temperature): a small chart still says which line is which. */
void    crs_timeline_layout_legend_keep_lines  (GArray            *entries);
guint   crs_timeline_layout_legend_rows        (CrsTimelineLayout *layout,
                                                GArray            *entries,
                                                double             width);
void    crs_timeline_layout_legend             (CrsTimelineLayout *layout,
                                                GArray            *entries,
                                                double             top);

/* crs-timeline-series.c */
void    crs_timeline_layout_build_series (CrsTimelineLayout *layout);
/* The lines drawn: -1 alone in calendar time, each infusion since one. */
void    crs_timeline_layout_lines        (CrsTimelineLayout *layout,
                                          int               *first,
                                          int               *last);
/* The points of line @line inside the window, [*start, *end), and the
 * time its axis counts from. */
void    crs_timeline_layout_line_window  (CrsTimelineLayout *layout,
                                          int                line,
                                          guint             *start,
                                          guint             *end,
                                          gint64            *base);

/* crs-timeline-render.c */
void    crs_timeline_set_color        (cairo_t                *cr,
                                       const CrsTimelineColor *color,
                                       double                  alpha);

G_END_DECLS
