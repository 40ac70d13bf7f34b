/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-render.c: draws a timeline layout on a cairo context.
 *
 * Colour never carries meaning alone (STYLE.md): CRS is a solid line
 * with round markers, ICANS a dashed line with square markers, NEWS2 a
 * dash-dot line with diamonds; "at least" is an open marker on a dotted
 * line; the grade bands carry their number and word; the onset window is
 * hatched. A grey print reads the same as the screen. */
#define G_LOG_DOMAIN "crs-timeline-render"

#include "config.h"

#include <math.h>

#include "crs-timeline-layout-private.h"

static CrsTimelineColor
rgb (guint32 hex,
     float   alpha)
{
  return (CrsTimelineColor) {
    ((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, alpha
  };
}

void
crs_timeline_style_init_default (CrsTimelineStyle *style)
{
  g_return_if_fail (style != NULL);

  /* Bands go darker with the grade even in grey (luminance about 0.98,
   * 0.95, 0.90, 0.84, 0.76): white, yellow, orange, red, deeper red. */
  *style = (CrsTimelineStyle) {
    .background = rgb (0xffffff, 1),
    .foreground = rgb (0x1e1e1e, 1),
    .grid = rgb (0x000000, 0.14f),
    .band = {
      rgb (0xfafafa, 1),
      rgb (0xfbf0c4, 1),
      rgb (0xfadab4, 1),
      rgb (0xf5c3bd, 1),
      rgb (0xe8a4ab, 1),
    },
    .crs = rgb (0x1a5fb4, 1),          /* GNOME palette blue 5 */
    .icans = rgb (0x613583, 1),        /* purple 5 */
    .news2 = rgb (0x26734d, 1),
    .temperature = rgb (0x9c3e00, 1),
    .fever_line = rgb (0xc01c28, 1),   /* red 4 */
    .infusion = rgb (0x1e1e1e, 1),
    .intervention = rgb (0x3d3846, 1), /* dark 3 */
    .onset = rgb (0x5e5c64, 0.16f),     /* grey: tints no band */
    .font_family = "Sans",
    .font_size = 12,
    .line_width = 2,
    .compact = FALSE,
  };
}

void
crs_timeline_style_init_compact (CrsTimelineStyle *style)
{
  g_return_if_fail (style != NULL);

  crs_timeline_style_init_default (style);
  style->compact = TRUE;
  style->line_width = 1.5;
}

void
crs_timeline_set_color (cairo_t                *cr,
                        const CrsTimelineColor *color,
                        double                  alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static const CrsTimelineColor *
ink_color (CrsTimelineLayout *layout,
           CrsTimelineInk     ink)
{
  const CrsTimelineStyle *style = &layout->style;

  switch (ink)
    {
    case INK_CRS:
      return &style->crs;
    case INK_ICANS:
      return &style->icans;
    case INK_NEWS2:
      return &style->news2;
    case INK_TEMPERATURE:
      return &style->temperature;
    case INK_FEVER:
      return &style->fever_line;
    case INK_INFUSION:
      return &style->infusion;
    case INK_INTERVENTION:
      return &style->intervention;
    case INK_FOREGROUND:
    default:
      return &style->foreground;
    }
}

static const CrsTimelineColor *
series_color (CrsTimelineLayout *layout,
              CrsTimelineSeries  series)
{
  static const CrsTimelineInk inks[] = { INK_CRS, INK_ICANS, INK_NEWS2, INK_TEMPERATURE };

  return ink_color (layout, inks[series]);
}

/* Dash pattern of a series, in line widths; NULL = solid. */
static void
set_dash (cairo_t           *cr,
          CrsTimelineSeries  series,
          CrsTimelineKind    kind,
          double             lw)
{
  static const double dashed[] = { 3.5, 2 };
  static const double dash_dot[] = { 4, 1.5, 1, 1.5 };
  static const double dotted[] = { 0, 1.8 };  /* round dots, see draw_steps() */
  const double *pattern = NULL;
  int n = 0;
  double scaled[4];

  if (kind == CRS_TIMELINE_AT_LEAST)
    {
      pattern = dotted;
      n = G_N_ELEMENTS (dotted);
    }
  else if (series == CRS_TIMELINE_SERIES_ICANS)
    {
      pattern = dashed;
      n = G_N_ELEMENTS (dashed);
    }
  else if (series == CRS_TIMELINE_SERIES_NEWS2)
    {
      pattern = dash_dot;
      n = G_N_ELEMENTS (dash_dot);
    }
  for (int i = 0; i < n; i++)
    scaled[i] = pattern[i] * lw;
  cairo_set_dash (cr, n > 0 ? scaled : NULL, n, 0);
}

static void
marker_path (cairo_t           *cr,
             CrsTimelineSeries  series,
             double             x,
             double             y,
             double             size)
{
  double r = size / 2;

  switch (series)
    {
    case CRS_TIMELINE_SERIES_ICANS:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case CRS_TIMELINE_SERIES_NEWS2:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case CRS_TIMELINE_SERIES_TEMPERATURE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.7, 0, 2 * G_PI);
      break;
    case CRS_TIMELINE_SERIES_CRS:
    case CRS_TIMELINE_N_SERIES:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
draw_marker (CrsTimelineLayout *layout,
             cairo_t           *cr,
             CrsTimelineSeries  series,
             double             x,
             double             y,
             CrsTimelineKind    kind,
             double             alpha)
{
  double lw = layout->style.line_width;

  marker_path (cr, series, x, y, layout->marker_size);
  if (kind == CRS_TIMELINE_AT_LEAST)
    {
      /* Open: the background shows inside, the ring in the series' colour. */
      crs_timeline_set_color (cr, &layout->style.background, layout->style.background.alpha > 0 ? 1 : 0);
      cairo_fill_preserve (cr);
      crs_timeline_set_color (cr, series_color (layout, series), alpha);
      cairo_set_line_width (cr, MAX (lw * 0.7, layout->pixel));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  else
    {
      crs_timeline_set_color (cr, series_color (layout, series), alpha);
      cairo_fill (cr);
    }
}

static void
draw_text (CrsTimelineLayout *layout,
           cairo_t           *cr,
           guint              index)
{
  const CrsTimelineText *item = &g_array_index (layout->texts, CrsTimelineText, index);
  const CrsTimelineTextPaint *paint = &g_array_index (layout->paints, CrsTimelineTextPaint, index);

  if (paint->boxed)
    {
      double m = layout->pad / 4;

      cairo_rectangle (cr, item->rect.x - m, item->rect.y, item->rect.width + 2 * m, item->rect.height);
      crs_timeline_set_color (cr, &layout->style.background, 0.85);
      cairo_fill (cr);
    }
  crs_timeline_set_color (cr, ink_color (layout, paint->ink), paint->alpha);
  cairo_move_to (cr, item->rect.x, item->rect.y);
  pango_cairo_show_layout (cr, paint->layout);
}

static void
draw_texts (CrsTimelineLayout   *layout,
            cairo_t             *cr,
            CrsTimelineTextRole  role)
{
  for (guint i = 0; i < layout->texts->len; i++)
    if (g_array_index (layout->texts, CrsTimelineText, i).role == role)
      draw_text (layout, cr, i);
}

/* Diagonal lines over @rect: the onset window reads without colour. */
static void
hatch (CrsTimelineLayout     *layout,
       cairo_t               *cr,
       const CrsTimelineRect *rect)
{
  double spacing = MAX (layout->line_height * 0.9, 5 * layout->pixel);

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  for (double x = rect->x - rect->height; x < rect->x + rect->width; x += spacing)
    {
      cairo_move_to (cr, x, rect->y + rect->height);
      cairo_line_to (cr, x + rect->height, rect->y);
    }
  cairo_set_line_width (cr, MAX (layout->style.line_width * 0.35, layout->pixel * 0.75));
  crs_timeline_set_color (cr, &layout->style.onset, 1.2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_background (CrsTimelineLayout *layout,
                 cairo_t           *cr)
{
  const CrsTimelineStyle *style = &layout->style;

  if (style->background.alpha > 0)
    {
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      crs_timeline_set_color (cr, &style->background, 1);
      cairo_fill (cr);
    }
  for (int grade = 0; grade <= 4; grade++)
    {
      CrsTimelineRect band;

      crs_timeline_layout_get_band (layout, grade, &band);
      cairo_rectangle (cr, band.x, band.y, band.width, band.height);
      crs_timeline_set_color (cr, &style->band[grade], 1);
      cairo_fill (cr);
    }
  for (guint i = 0; i < layout->onset_spans->len; i++)
    {
      const CrsTimelineRect *span = &g_array_index (layout->onset_spans, CrsTimelineRect, i);

      cairo_rectangle (cr, span->x, span->y, span->width, span->height);
      crs_timeline_set_color (cr, &style->onset, 0.5);
      cairo_fill (cr);
      hatch (layout, cr, span);
    }
}

static void
draw_grid (CrsTimelineLayout *layout,
           cairo_t           *cr)
{
  const CrsTimelineStyle *style = &layout->style;
  double lw = style->line_width;
  double hair = MAX (lw * 0.35, layout->pixel);
  double bottom = layout->has_temperature ? layout->temperature.y + layout->temperature.height
                                          : layout->plot.y + layout->plot.height;

  /* Band edges. */
  cairo_set_line_width (cr, hair);
  crs_timeline_set_color (cr, &style->grid, 1);
  for (int grade = 1; grade <= 4; grade++)
    {
      CrsTimelineRect band;

      crs_timeline_layout_get_band (layout, grade, &band);
      cairo_move_to (cr, band.x, band.y + band.height);
      cairo_line_to (cr, band.x + band.width, band.y + band.height);
    }
  cairo_stroke (cr);

  /* Ticks: a day starts on a darker line. */
  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const CrsTimelineTick *tick = &g_array_index (layout->ticks, CrsTimelineTick, i);

      cairo_move_to (cr, tick->x, layout->plot.y);
      cairo_line_to (cr, tick->x, bottom + layout->pad / 4);
      cairo_set_line_width (cr, tick->major ? hair * 1.6 : hair);
      crs_timeline_set_color (cr, &style->grid, tick->major ? 2.0 : 1.0);
      cairo_stroke (cr);
    }
}

static void
draw_infusions (CrsTimelineLayout *layout,
                cairo_t           *cr)
{
  double lw = layout->style.line_width;
  double bottom = layout->has_temperature ? layout->temperature.y + layout->temperature.height
                                          : layout->plot.y + layout->plot.height;

  for (guint i = 0; i < layout->infusion_lines->len; i++)
    {
      const CrsTimelineLine *line = &g_array_index (layout->infusion_lines, CrsTimelineLine, i);

      cairo_move_to (cr, line->x, layout->plot.y);
      cairo_line_to (cr, line->x, bottom);
      cairo_set_line_width (cr, layout->style.compact ? MAX (lw * 0.6, layout->pixel) : lw * 0.9);
      crs_timeline_set_color (cr, &layout->style.infusion, line->alpha * 0.85);
      cairo_stroke (cr);
      if (layout->style.compact)
        continue;
      /* A small triangle at the top marks where it starts. */
      cairo_move_to (cr, line->x - lw * 2, layout->plot.y);
      cairo_line_to (cr, line->x + lw * 2, layout->plot.y);
      cairo_line_to (cr, line->x, layout->plot.y + lw * 2.5);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/* Lines of the marks of @alpha (one stroke each, not one per mark). */
static void
intervention_lines (CrsTimelineLayout *layout,
                    cairo_t           *cr,
                    double             alpha,
                    double             bottom)
{
  const CrsTimelineStyle *style = &layout->style;
  double lw = style->line_width;
  double dashes[2] = { lw * 0.6, 2 * lw * 0.6 };

  cairo_set_line_width (cr, MAX (lw * 0.45, layout->pixel));
  crs_timeline_set_color (cr, &style->intervention, alpha * 0.8);
  /* From each box to its time... */
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      const CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);

      if (mark->alpha != alpha || mark->text == G_MAXUINT)
        continue;
      cairo_move_to (cr, mark->box.x + mark->box.width / 2, mark->box.y + mark->box.height);
      cairo_line_to (cr, mark->x, layout->plot.y);
    }
  cairo_stroke (cr);
  /* Those without a box (no room near their time): a tick above the
   * plot. */
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      const CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);

      if (mark->alpha != alpha || mark->text != G_MAXUINT)
        continue;
      cairo_move_to (cr, mark->x, layout->plot.y - mark->box.height / 2);
      cairo_line_to (cr, mark->x, layout->plot.y);
    }
  cairo_stroke (cr);
  /* ... then dotted down through the chart. */
  cairo_set_dash (cr, dashes, 2, 0);
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      const CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);

      if (mark->alpha != alpha || mark->text == G_MAXUINT)
        continue;
      cairo_move_to (cr, mark->x, layout->plot.y);
      cairo_line_to (cr, mark->x, bottom);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  /* The boxes. */
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      const CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);

      if (mark->alpha == alpha && mark->text != G_MAXUINT)
        cairo_rectangle (cr, mark->box.x, mark->box.y, mark->box.width, mark->box.height);
    }
  crs_timeline_set_color (cr, &style->background, 1);
  cairo_fill_preserve (cr);
  crs_timeline_set_color (cr, &style->intervention, alpha);
  cairo_set_line_width (cr, MAX (lw * 0.5, layout->pixel));
  cairo_stroke (cr);
}

static void
draw_interventions (CrsTimelineLayout *layout,
                    cairo_t           *cr)
{
  double bottom = layout->has_temperature ? layout->temperature.y + layout->temperature.height
                                          : layout->plot.y + layout->plot.height;
  double done[4];
  guint n_done = 0;

  /* Lines of earlier infusions are lighter: one pass per lightness. */
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      double alpha = g_array_index (layout->interventions, CrsTimelineInterventionMark, i).alpha;
      gboolean seen = FALSE;

      for (guint j = 0; j < n_done; j++)
        seen |= done[j] == alpha;
      if (seen || n_done == G_N_ELEMENTS (done))
        continue;
      done[n_done++] = alpha;
      intervention_lines (layout, cr, alpha, bottom);
    }
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_INTERVENTION);
}

static void
draw_steps (CrsTimelineLayout *layout,
            cairo_t           *cr,
            CrsTimelineSeries  series)
{
  GArray *steps = layout->steps[series];
  double lw = layout->style.line_width * (series == CRS_TIMELINE_SERIES_NEWS2 ? 0.7 : 1.0);

  cairo_set_line_width (cr, lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  /* Steps a few pixels apart or closer: each pixel column is an extent
   * (its lowest to highest value), where dashes could not be seen and
   * would cost the most. One solid fill per line; the open markers
   * still say "at least". */
  if (steps->len * 3 > layout->plot.width / layout->pixel)
    {
      int lines = crs_timeline_model_get_n_infusions (layout->model);

      for (int line = -1; line < lines; line++)
        {
          gboolean any = FALSE;

          for (guint i = 0; i < steps->len; i++)
            {
              const CrsTimelineStep *step = &g_array_index (steps, CrsTimelineStep, i);

              if (step->infusion != line)
                continue;
              /* Rectangles the width of the line: cairo fills those
               * much faster than it strokes as many segments. */
              cairo_rectangle (cr, step->x0 - lw / 2, step->y_top - lw / 2, lw, step->y_bottom - step->y_top + lw);
              if (step->x1 > step->x0)
                cairo_rectangle (cr, step->x0, step->y - lw / 2, step->x1 - step->x0, lw);
              any = TRUE;
            }
          if (!any)
            continue;
          crs_timeline_set_color (cr, series_color (layout, series), crs_timeline_layout_infusion_alpha (layout, line));
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
          cairo_fill (cr);
        }
      return;
    }

  /* One path per run of the same kind and line: dashes continue along it. */
  for (guint i = 0; i < steps->len;)
    {
      const CrsTimelineStep *first = &g_array_index (steps, CrsTimelineStep, i);
      double x = first->x0;
      guint j = i;

      /* Each step: its bar over the column's extremes (or the riser from
       * the value before), back to its own value, then along it. */
      cairo_move_to (cr, first->x0, first->y_top);
      for (; j < steps->len; j++)
        {
          const CrsTimelineStep *step = &g_array_index (steps, CrsTimelineStep, j);

          if (j > i && (step->infusion != first->infusion || step->kind != first->kind ||
                        fabs (step->x0 - x) >= 0.01))
            break;
          cairo_line_to (cr, step->x0, step->y_top);
          cairo_line_to (cr, step->x0, step->y_bottom);
          cairo_line_to (cr, step->x0, step->y);
          cairo_line_to (cr, step->x1, step->y);
          x = step->x1;
        }
      set_dash (cr, series, first->kind, lw);
      cairo_set_line_cap (cr, first->kind == CRS_TIMELINE_AT_LEAST ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      crs_timeline_set_color (cr, series_color (layout, series), crs_timeline_layout_infusion_alpha (layout, first->infusion));
      cairo_stroke (cr);
      i = j;
    }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_markers (CrsTimelineLayout *layout,
              cairo_t           *cr,
              CrsTimelineSeries  series)
{
  GArray *markers = layout->markers[series];

  for (guint i = 0; i < markers->len; i++)
    {
      const CrsTimelineMarker *marker = &g_array_index (markers, CrsTimelineMarker, i);

      draw_marker (layout, cr, series, marker->x, marker->y, marker->kind,
                   crs_timeline_layout_infusion_alpha (layout, marker->infusion));
    }
}

static void
draw_temperature (CrsTimelineLayout *layout,
                  cairo_t           *cr)
{
  const CrsTimelineStyle *style = &layout->style;
  const CrsTimelineRect *area = &layout->temperature;
  double fever = crs_timeline_model_get_fever_line (layout->model);
  GArray *path = layout->temperature_path;
  double lw = style->line_width * 0.75;
  static const double dashes[] = { 4, 2 };
  double scaled[2] = { dashes[0] * style->line_width, dashes[1] * style->line_width };

  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  crs_timeline_set_color (cr, &style->band[0], 1);
  cairo_fill_preserve (cr);
  crs_timeline_set_color (cr, &style->grid, 1.5);
  cairo_set_line_width (cr, MAX (style->line_width * 0.35, layout->pixel));
  cairo_stroke (cr);

  if (!isnan (fever))
    {
      double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_TEMPERATURE, fever);

      cairo_move_to (cr, area->x, y);
      cairo_line_to (cr, area->x + area->width, y);
      cairo_set_dash (cr, scaled, 2, 0);
      cairo_set_line_width (cr, style->line_width * 0.6);
      crs_timeline_set_color (cr, &style->fever_line, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  /* Runs (one per line) start with (NAN, their alpha). */
  cairo_set_line_width (cr, lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint run = 0; run + 1 < path->len;)
    {
      double alpha = g_array_index (path, double, run + 1);
      guint end = run + 2;

      while (end + 1 < path->len && !isnan (g_array_index (path, double, end)))
        end += 2;
      crs_timeline_set_color (cr, &style->temperature, alpha);
      if ((end - run) / 2 > 2 * area->width / layout->pixel)
        {
          /* A pixel or two between points: each segment is the box
           * around it, and cairo fills boxes far faster than it strokes
           * as many joined segments. */
          for (guint i = run + 2; i + 3 < end; i += 2)
            {
              double x0 = g_array_index (path, double, i), y0 = g_array_index (path, double, i + 1);
              double x1 = g_array_index (path, double, i + 2), y1 = g_array_index (path, double, i + 3);

              cairo_rectangle (cr, MIN (x0, x1) - lw / 2, MIN (y0, y1) - lw / 2, fabs (x1 - x0) + lw, fabs (y1 - y0) + lw);
            }
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
          cairo_fill (cr);
        }
      else
        {
          for (guint i = run + 2; i + 1 < end; i += 2)
            {
              double x = g_array_index (path, double, i), y = g_array_index (path, double, i + 1);

              if (i == run + 2)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_stroke (cr);
        }
      run = end;
    }
  draw_markers (layout, cr, CRS_TIMELINE_SERIES_TEMPERATURE);
  cairo_restore (cr);
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_TEMPERATURE_AXIS);
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_FEVER_LINE);
}

static void
draw_legend (CrsTimelineLayout *layout,
             cairo_t           *cr)
{
  const CrsTimelineStyle *style = &layout->style;
  double lw = style->line_width;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const CrsTimelineLegendItem *item = &g_array_index (layout->legend, CrsTimelineLegendItem, i);
      const CrsTimelineRect *r = &item->rect;
      double cy = r->y + r->height / 2;
      CrsTimelineSeries series = CRS_TIMELINE_SERIES_CRS;
      CrsTimelineKind kind = CRS_TIMELINE_DETERMINED;

      switch (item->sample)
        {
        case SAMPLE_ICANS:
          series = CRS_TIMELINE_SERIES_ICANS;
          G_GNUC_FALLTHROUGH;
        case SAMPLE_CRS:
        case SAMPLE_NEWS2:
        case SAMPLE_TEMPERATURE:
          if (item->sample == SAMPLE_NEWS2)
            series = CRS_TIMELINE_SERIES_NEWS2;
          if (item->sample == SAMPLE_TEMPERATURE)
            series = CRS_TIMELINE_SERIES_TEMPERATURE;
          cairo_move_to (cr, r->x, cy);
          cairo_line_to (cr, r->x + r->width, cy);
          set_dash (cr, series, kind, lw);
          cairo_set_line_width (cr, series == CRS_TIMELINE_SERIES_NEWS2 ? lw * 0.7 :
                                    series == CRS_TIMELINE_SERIES_TEMPERATURE ? lw * 0.75 : lw);
          crs_timeline_set_color (cr, series_color (layout, series), 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_marker (layout, cr, series, r->x + r->width / 2, cy, kind, 1);
          break;
        case SAMPLE_AT_LEAST:
          draw_marker (layout, cr, CRS_TIMELINE_SERIES_CRS, r->x + r->width / 2, cy, CRS_TIMELINE_AT_LEAST, 1);
          break;
        case SAMPLE_GAP:
          /* A line, a gap, a line. */
          cairo_move_to (cr, r->x, cy);
          cairo_line_to (cr, r->x + r->width * 0.3, cy);
          cairo_move_to (cr, r->x + r->width * 0.7, cy);
          cairo_line_to (cr, r->x + r->width, cy);
          cairo_set_line_width (cr, lw);
          crs_timeline_set_color (cr, &style->crs, 1);
          cairo_stroke (cr);
          break;
        case SAMPLE_ONSET:
          {
            CrsTimelineRect box = { r->x, r->y + r->height * 0.15, r->width, r->height * 0.7 };

            cairo_rectangle (cr, box.x, box.y, box.width, box.height);
            crs_timeline_set_color (cr, &style->onset, 0.5);
            cairo_fill (cr);
            hatch (layout, cr, &box);
          }
          break;
        case SAMPLE_LETTER:
          cairo_rectangle (cr, r->x, r->y + r->height * 0.05, r->width, r->height * 0.9);
          crs_timeline_set_color (cr, &style->background, 1);
          cairo_fill_preserve (cr);
          crs_timeline_set_color (cr, &style->intervention, 1);
          cairo_set_line_width (cr, MAX (lw * 0.5, layout->pixel));
          cairo_stroke (cr);
          draw_text (layout, cr, item->text);
          break;
        default:
          break;
        }
    }
  /* The words (the letters were drawn with their boxes). */
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const CrsTimelineText *text = &g_array_index (layout->texts, CrsTimelineText, i);
      gboolean is_letter = FALSE;

      if (text->role != CRS_TIMELINE_TEXT_LEGEND)
        continue;
      for (guint j = 0; j < layout->legend->len; j++)
        {
          const CrsTimelineLegendItem *item = &g_array_index (layout->legend, CrsTimelineLegendItem, j);

          is_letter |= item->sample == SAMPLE_LETTER && item->text == i;
        }
      if (!is_letter)
        draw_text (layout, cr, i);
    }
}

static void
draw_axes (CrsTimelineLayout *layout,
           cairo_t           *cr)
{
  const CrsTimelineStyle *style = &layout->style;
  double hair = MAX (style->line_width * 0.5, layout->pixel);
  const CrsTimelineRect *p = &layout->plot;

  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_set_line_width (cr, hair);
  crs_timeline_set_color (cr, &style->foreground, 0.6);
  cairo_stroke (cr);

  if (layout->has_news2)
    {
      crs_timeline_set_color (cr, &style->news2, 1);
      for (int v = 0; v <= 20; v += 5)
        {
          double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_NEWS2, v);

          cairo_move_to (cr, p->x + p->width, y);
          cairo_line_to (cr, p->x + p->width + layout->pad / 3, y);
        }
      cairo_stroke (cr);
    }
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_GRADE);
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_NEWS2_AXIS);
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_TICK);
  draw_texts (layout, cr, CRS_TIMELINE_TEXT_AXIS_TITLE);
}

void
crs_timeline_layout_draw (CrsTimelineLayout *layout,
                          cairo_t           *cr)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  draw_background (layout, cr);
  if (!layout->style.compact)
    draw_grid (layout, cr);
  draw_infusions (layout, cr);
  if (!layout->style.compact)
    draw_interventions (layout, cr);

  cairo_save (cr);
  cairo_rectangle (cr, layout->plot.x - layout->marker_size, layout->plot.y - layout->marker_size,
                   layout->plot.width + 2 * layout->marker_size, layout->plot.height + 2 * layout->marker_size);
  cairo_clip (cr);
  if (layout->has_news2)
    draw_steps (layout, cr, CRS_TIMELINE_SERIES_NEWS2);
  draw_steps (layout, cr, CRS_TIMELINE_SERIES_ICANS);
  draw_steps (layout, cr, CRS_TIMELINE_SERIES_CRS);
  if (layout->has_news2)
    draw_markers (layout, cr, CRS_TIMELINE_SERIES_NEWS2);
  draw_markers (layout, cr, CRS_TIMELINE_SERIES_ICANS);
  draw_markers (layout, cr, CRS_TIMELINE_SERIES_CRS);
  cairo_restore (cr);

  if (!layout->style.compact)
    {
      draw_axes (layout, cr);
      if (layout->has_temperature)
        draw_temperature (layout, cr);
      draw_texts (layout, cr, CRS_TIMELINE_TEXT_ONSET);
      draw_texts (layout, cr, CRS_TIMELINE_TEXT_INFUSION);
      if (layout->has_legend)
        draw_legend (layout, cr);
      draw_texts (layout, cr, CRS_TIMELINE_TEXT_MESSAGE);
    }
  cairo_restore (cr);
}

void
crs_timeline_render (cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const CrsTimelineStyle *style,
                     CrsTimelineModel       *model)
{
  g_autoptr(CrsTimelineLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (model));

  layout = crs_timeline_layout_new (cr, width, height, style, model);
  crs_timeline_layout_draw (layout, cr);
}
