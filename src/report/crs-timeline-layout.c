/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-layout.c: where the timeline chart puts its areas, and
 * the queries about them. The time and value axes are placed by
 * crs-timeline-axes.c, infusions, interventions and the legend by
 * crs-timeline-marks.c, the lines and markers by crs-timeline-series.c. */
#define G_LOG_DOMAIN "crs-timeline-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-grade-word.h"
#include "crs-timeline-layout-private.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

static const char *
keep_string (CrsTimelineLayout *layout,
             char              *take)
{
  g_ptr_array_add (layout->strings, take);
  return take;
}

static PangoLayout *
new_pango_layout (CrsTimelineLayout *layout,
                  const char        *text,
                  guint              flags)
{
  PangoLayout *pango = pango_layout_new (layout->pango);

  pango_layout_set_font_description (pango, (flags & CRS_TEXT_SMALL) ? layout->font_small : layout->font);
  if (flags & CRS_TEXT_BOLD)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (pango, attrs);
    }
  pango_layout_set_text (pango, text, -1);
  return pango;
}

static void
measure (PangoLayout *pango,
         double      *width,
         double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (pango, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
crs_timeline_layout_text_width (CrsTimelineLayout *layout,
                                const char        *text,
                                guint              flags)
{
  g_autoptr(PangoLayout) pango = new_pango_layout (layout, text, flags);
  double width;

  measure (pango, &width, NULL);
  return width;
}

guint
crs_timeline_layout_add_text (CrsTimelineLayout   *layout,
                              CrsTimelineTextRole  role,
                              const char          *text,
                              guint                flags,
                              CrsTimelineInk       ink)
{
  CrsTimelineText item = { .role = role };
  CrsTimelineTextPaint paint = {
    .layout = new_pango_layout (layout, text, flags),
    .ink = ink,
    .boxed = (flags & CRS_TEXT_BOXED) != 0,
    .alpha = 1.0,
  };

  item.text = keep_string (layout, g_strdup (text));
  measure (paint.layout, &item.rect.width, &item.rect.height);
  g_array_append_val (layout->texts, item);
  g_array_append_val (layout->paints, paint);
  return layout->texts->len - 1;
}

void
crs_timeline_layout_drop_last_text (CrsTimelineLayout *layout)
{
  g_return_if_fail (layout->texts->len > 0);

  g_array_set_size (layout->texts, layout->texts->len - 1);
  g_array_set_size (layout->paints, layout->paints->len - 1);
}

CrsTimelineText *
crs_timeline_layout_text (CrsTimelineLayout *layout,
                          guint              text)
{
  return &g_array_index (layout->texts, CrsTimelineText, text);
}

void
crs_timeline_layout_move_text (CrsTimelineLayout *layout,
                               guint              text,
                               double             x,
                               double             y)
{
  CrsTimelineText *item = crs_timeline_layout_text (layout, text);

  item->rect.x = x;
  item->rect.y = y;
}

void
crs_timeline_layout_ellipsize_text (CrsTimelineLayout *layout,
                                    guint              text,
                                    double             width)
{
  CrsTimelineTextPaint *paint = &g_array_index (layout->paints, CrsTimelineTextPaint, text);
  CrsTimelineText *item = crs_timeline_layout_text (layout, text);

  pango_layout_set_width (paint->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (paint->layout, PANGO_ELLIPSIZE_END);
  measure (paint->layout, &item->rect.width, NULL);
  item->rect.width = MIN (item->rect.width, width);
}

gboolean
crs_timeline_layout_visible (CrsTimelineLayout *layout,
                             gint64             axis_time)
{
  return axis_time >= layout->from && axis_time <= layout->to;
}

/* ---------------------------------------------------------------------- */
/* Coordinates */

double
crs_timeline_layout_x_for_time (CrsTimelineLayout *layout,
                                gint64             axis_time)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->plot.x + (double) (axis_time - layout->from) / (double) (layout->to - layout->from) * layout->plot.width;
}

gint64
crs_timeline_layout_time_at_x (CrsTimelineLayout *layout,
                               double             x)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->from + (gint64) llround ((x - layout->plot.x) / layout->plot.width * (double) (layout->to - layout->from));
}

double
crs_timeline_layout_grade_y (CrsTimelineLayout *layout,
                             CrsTimelineSeries  series,
                             double             grade)
{
  double band = layout->plot.height / 5;
  double centre = layout->plot.y + (4.5 - grade) * band;

  /* CRS a little above the middle of its band, ICANS a little below:
   * equal grades never hide each other. */
  if (series == CRS_TIMELINE_SERIES_CRS)
    return centre - band * 0.17;
  if (series == CRS_TIMELINE_SERIES_ICANS)
    return centre + band * 0.17;
  return centre;
}

double
crs_timeline_layout_y_for_value (CrsTimelineLayout *layout,
                                 CrsTimelineSeries  series,
                                 double             value)
{
  double inset;

  g_return_val_if_fail (layout != NULL, 0);

  switch (series)
    {
    case CRS_TIMELINE_SERIES_CRS:
    case CRS_TIMELINE_SERIES_ICANS:
      return crs_timeline_layout_grade_y (layout, series, value);
    case CRS_TIMELINE_SERIES_NEWS2:
      /* 0-20 over the plot, kept off its edges by a line width. */
      inset = layout->style.line_width * 2;
      return layout->plot.y + inset + (1.0 - CLAMP (value, 0, 20) / 20.0) * (layout->plot.height - 2 * inset);
    case CRS_TIMELINE_SERIES_TEMPERATURE:
      return layout->temperature.y +
             (layout->temperature_hi - value) / (layout->temperature_hi - layout->temperature_lo) * layout->temperature.height;
    case CRS_TIMELINE_N_SERIES:
    default:
      g_return_val_if_reached (0);
    }
}

gint64
crs_timeline_layout_hold_end (CrsTimelineLayout *layout,
                              int                infusion)
{
  CrsTimelineModel *model = layout->model;
  guint n = crs_timeline_model_get_n_infusions (model);
  gint64 start, end;

  if (infusion < 0)
    return layout->now;
  start = crs_timeline_model_get_infusion (model, infusion)->start_at;
  end = layout->now;
  if ((guint) infusion + 1 < n)
    end = MIN (end, crs_timeline_model_get_infusion (model, infusion + 1)->start_at);
  return end - start;
}

double
crs_timeline_layout_infusion_alpha (CrsTimelineLayout *layout,
                                    int                infusion)
{
  int latest;

  if (layout->mode != CRS_TIMELINE_MODE_SINCE_INFUSION || infusion < 0)
    return 1.0;
  latest = crs_timeline_model_get_infusion_at (layout->model, layout->now);
  return infusion == latest ? 1.0 : 0.5;
}

/* ---------------------------------------------------------------------- */

/* What is in the window, before anything is placed: the legend lists
 * only what is drawn. */
static void
scan_window (CrsTimelineLayout *layout)
{
  int first_line, last_line;

  layout->has_visible = FALSE;
  crs_timeline_layout_lines (layout, &first_line, &last_line);
  for (int line = first_line; line <= last_line; line++)
    {
      guint start, end;
      gint64 base;

      crs_timeline_layout_line_window (layout, line, &start, &end, &base);
      if (start == end)
        continue;
      if (!layout->has_visible)
        layout->visible_first = start;
      layout->has_visible = TRUE;
      layout->visible_last = end - 1;
      for (guint i = start; i < end; i++)
        {
          const CrsTimelinePoint *point = &layout->points[i];

          layout->any_at_least |= point->crs.kind == CRS_TIMELINE_AT_LEAST || point->icans.kind == CRS_TIMELINE_AT_LEAST;
          layout->any_gap |= point->crs.kind == CRS_TIMELINE_NOT_DETERMINED || point->icans.kind == CRS_TIMELINE_NOT_DETERMINED;
          layout->any_news2_partial |= point->news2_kind == CRS_TIMELINE_AT_LEAST;
        }
    }
  if (layout->has_news2 && layout->any_news2_partial)
    layout->any_at_least = TRUE;
}

static void
layout_compact (CrsTimelineLayout *layout)
{
  double inset = layout->style.line_width / 2;

  layout->style.compact = TRUE;

  layout->plot = (CrsTimelineRect) { inset, inset, layout->width - 2 * inset, layout->height - 2 * inset };
  layout->has_news2 = FALSE;
  layout->has_temperature = FALSE;
  crs_timeline_layout_infusions (layout);
  crs_timeline_layout_build_series (layout);
}

static void
layout_full (CrsTimelineLayout *layout)
{
  double lh = layout->line_height, pad = layout->pad;
  double header = lh * 1.1 + pad, ticks_h = lh + pad / 2;
  double left, right, available, temperature_h = 0, legend_h = 0, plot_bottom;
  double row_h = lh * 1.25;
  gboolean words;
  guint32 kinds_seen = 0;
  g_autoptr(GArray) entries = NULL;
  guint rows;

  /* Left: the grade words, and the temperatures of the strip; right:
   * NEWS2. On a narrow chart the grades keep the room: temperature goes
   * first, then NEWS2. */
  for (;;)
    {
      left = crs_timeline_layout_grade_label_width (layout, &words);
      if (layout->has_temperature)
        left = MAX (left, crs_timeline_layout_text_width (layout, "100.0 °F", CRS_TEXT_SMALL | CRS_TEXT_BOLD));
      left += pad;
      right = pad;
      if (layout->has_news2)
        right += MAX (crs_timeline_layout_text_width (layout, "20", CRS_TEXT_SMALL),
                      crs_timeline_layout_text_width (layout, _("NEWS2"), CRS_TEXT_SMALL | CRS_TEXT_BOLD));
      if (left + right <= layout->width * 0.45)
        break;
      if (layout->has_temperature)
        layout->has_temperature = FALSE;
      else if (layout->has_news2)
        layout->has_news2 = FALSE;
      else
        break;
    }
  layout->plot.x = pad / 2 + left;
  layout->plot.width = MAX (layout->width - layout->plot.x - right, 1);

  /* The legend needs the interventions and onset windows shown; both
   * depend only on x. Its height decides the plot's. */
  layout->plot.y = pad + header;
  crs_timeline_layout_interventions (layout, &kinds_seen);
  crs_timeline_layout_infusions (layout);
  entries = crs_timeline_layout_legend_entries (layout, kinds_seen);
  rows = crs_timeline_layout_legend_rows (layout, entries, layout->width - 2 * pad);
  legend_h = rows * row_h + pad / 2;

  available = layout->height - layout->plot.y - ticks_h - pad / 2;
#define LEGEND_TOO_BIG(h) (available - (h) < lh * 5 * (layout->has_temperature ? 1.6 : 1.0) || (h) > layout->height * 0.3)
  if (LEGEND_TOO_BIG (legend_h))
    {
      /* Which line is CRS and which ICANS is said first; the letters of
       * the markers have their tooltips. */
      crs_timeline_layout_legend_keep_lines (entries);
      rows = crs_timeline_layout_legend_rows (layout, entries, layout->width - 2 * pad);
      legend_h = rows * row_h + pad / 2;
      if (LEGEND_TOO_BIG (legend_h))
        legend_h = 0;  /* too small for a legend: the plot first */
    }
#undef LEGEND_TOO_BIG
  available -= legend_h;
  layout->has_legend = legend_h > 0;
  if (layout->has_temperature)
    {
      temperature_h = MAX (available * 0.28, lh * 3);
      if (available - temperature_h - pad < lh * 4)
        {
          layout->has_temperature = FALSE;
          temperature_h = 0;
        }
    }
  layout->plot.height = MAX (available - (temperature_h > 0 ? temperature_h + pad : 0), 1);
  plot_bottom = layout->plot.y + layout->plot.height;
  if (layout->has_temperature)
    {
      layout->temperature = (CrsTimelineRect) { layout->plot.x, plot_bottom + pad, layout->plot.width, temperature_h };
      plot_bottom = layout->temperature.y + temperature_h;
    }

  /* The onset spans were placed before the plot had a height. */
  for (guint i = 0; i < layout->onset_spans->len; i++)
    {
      CrsTimelineRect *span = &g_array_index (layout->onset_spans, CrsTimelineRect, i);

      span->y = layout->plot.y;
      span->height = layout->plot.height;
    }
  /* Nor had the interventions: their boxes sit just above it. */
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);
      double dy = layout->plot.y - mark->box.height - pad / 2 - mark->box.y;

      mark->box.y += dy;
      if (mark->text != G_MAXUINT)
        crs_timeline_layout_text (layout, mark->text)->rect.y += dy;
    }

  crs_timeline_layout_ticks (layout, plot_bottom + pad / 2);
  crs_timeline_layout_grade_labels (layout, words);
  if (layout->has_news2)
    crs_timeline_layout_news2_axis (layout);
  if (layout->has_temperature)
    crs_timeline_layout_temperature_axis (layout);
  crs_timeline_layout_build_series (layout);
  crs_timeline_layout_infusion_numbers (layout);
  if (layout->has_legend)
    crs_timeline_layout_legend (layout, entries, plot_bottom + ticks_h + pad / 2);

  if (layout->onset_spans->len > 0)
    {
      const CrsTimelineRect *span = &g_array_index (layout->onset_spans, CrsTimelineRect, 0);
      guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_ONSET, _("Typical onset"), CRS_TEXT_SMALL | CRS_TEXT_BOXED, INK_FOREGROUND);
      CrsTimelineText *item = crs_timeline_layout_text (layout, text);

      /* Named at the top of the span, below an infusion's name there,
       * when there is room; the legend names it anyway. */
      double y = span->y + layout->pad / 4;

      for (guint i = 0; i < text; i++)
        {
          const CrsTimelineText *other = crs_timeline_layout_text (layout, i);

          if (other->role == CRS_TIMELINE_TEXT_INFUSION &&
              other->rect.x < span->x + item->rect.width + pad && other->rect.x + other->rect.width > span->x &&
              other->rect.y < y + item->rect.height && other->rect.y + other->rect.height > y)
            y = other->rect.y + other->rect.height + layout->pad / 4;
        }
      if (item->rect.width + pad <= span->width)
        crs_timeline_layout_move_text (layout, text, span->x + pad / 2, y);
      else
        {
          crs_timeline_layout_drop_last_text (layout);
        }
    }

  if (!layout->has_visible)
    {
      guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_MESSAGE, _("No observations in this period"),
                                   CRS_TEXT_BOXED, INK_FOREGROUND);
      CrsTimelineText *item = crs_timeline_layout_text (layout, text);

      if (item->rect.width > layout->plot.width - pad)
        crs_timeline_layout_ellipsize_text (layout, text, MAX (layout->plot.width - pad, 1));
      crs_timeline_layout_move_text (layout, text,
                                     layout->plot.x + (layout->plot.width - item->rect.width) / 2,
                                     layout->plot.y + (layout->plot.height - item->rect.height) / 2);
    }
}

static void
paint_clear (gpointer data)
{
  CrsTimelineTextPaint *paint = data;

  g_clear_object (&paint->layout);
}

CrsTimelineLayout *
crs_timeline_layout_new (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const CrsTimelineStyle *style,
                         CrsTimelineModel       *model)
{
  CrsTimelineLayout *layout;
  cairo_font_options_t *options;
  double dx = 1, dy = 0;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (model), NULL);

  layout = g_new0 (CrsTimelineLayout, 1);
  layout->model = g_object_ref (model);
  layout->style = *style;
  layout->font_family = g_strdup (style->font_family != NULL ? style->font_family : "Sans");
  layout->style.font_family = layout->font_family;
  if (!(layout->style.font_size > 0))
    layout->style.font_size = 12;
  if (!(layout->style.line_width > 0))
    layout->style.line_width = 2;
  layout->width = MAX (width, 1);
  layout->height = MAX (height, 1);
  cairo_device_to_user_distance (cr, &dx, &dy);
  layout->pixel = CLAMP (hypot (dx, dy), 0.01, 100);

  layout->ticks = g_array_new (FALSE, FALSE, sizeof (CrsTimelineTick));
  layout->texts = g_array_new (FALSE, FALSE, sizeof (CrsTimelineText));
  layout->paints = g_array_new (FALSE, FALSE, sizeof (CrsTimelineTextPaint));
  g_array_set_clear_func (layout->paints, paint_clear);
  layout->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < CRS_TIMELINE_N_SERIES; s++)
    {
      layout->steps[s] = g_array_new (FALSE, FALSE, sizeof (CrsTimelineStep));
      layout->markers[s] = g_array_new (FALSE, FALSE, sizeof (CrsTimelineMarker));
    }
  layout->temperature_path = g_array_new (FALSE, FALSE, sizeof (double));
  layout->infusion_lines = g_array_new (FALSE, FALSE, sizeof (CrsTimelineLine));
  layout->infusion_xs = g_array_new (FALSE, FALSE, sizeof (double));
  layout->onset_spans = g_array_new (FALSE, FALSE, sizeof (CrsTimelineRect));
  layout->interventions = g_array_new (FALSE, FALSE, sizeof (CrsTimelineInterventionMark));
  layout->legend = g_array_new (FALSE, FALSE, sizeof (CrsTimelineLegendItem));

  /* Unhinted metrics and unrounded glyph positions: text is as wide at
   * every scale, on a screen as in a PDF. */
  layout->pango = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (layout->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (layout->pango, FALSE);

  layout->font = pango_font_description_new ();
  pango_font_description_set_family (layout->font, layout->font_family);
  pango_font_description_set_absolute_size (layout->font, layout->style.font_size * PANGO_SCALE);
  layout->font_small = pango_font_description_copy (layout->font);
  pango_font_description_set_absolute_size (layout->font_small, layout->style.font_size * 0.88 * PANGO_SCALE);
  {
    g_autoptr(PangoLayout) probe = new_pango_layout (layout, "0", CRS_TEXT_SMALL);

    measure (probe, NULL, &layout->line_height);
  }
  layout->pad = ceil (layout->line_height * 0.5);
  layout->marker_size = MAX (layout->style.line_width * 2.6, 4 * layout->pixel);

  layout->points = crs_timeline_model_get_points (model, &layout->n_points);
  layout->mode = crs_timeline_model_get_effective_mode (model);
  crs_timeline_model_get_window (model, &layout->from, &layout->to);
  layout->now = crs_timeline_model_get_effective_now (model);
  layout->has_news2 = crs_timeline_model_get_show_news2 (model);
  layout->has_temperature = crs_timeline_model_get_show_temperature (model);
  if (layout->has_temperature)
    crs_timeline_layout_temperature_extent (layout);
  scan_window (layout);

  /* Too small for its words: a sparkline. */
  if (style->compact || layout->width < layout->line_height * 10 || layout->height < layout->line_height * 6)
    layout_compact (layout);
  else
    layout_full (layout);
  return layout;
}

void
crs_timeline_layout_free (CrsTimelineLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_object (&layout->model);
  g_clear_object (&layout->pango);
  g_clear_pointer (&layout->font, pango_font_description_free);
  g_clear_pointer (&layout->font_small, pango_font_description_free);
  g_free (layout->font_family);
  g_array_unref (layout->ticks);
  g_array_unref (layout->texts);
  g_array_unref (layout->paints);
  g_ptr_array_unref (layout->strings);
  for (guint s = 0; s < CRS_TIMELINE_N_SERIES; s++)
    {
      g_array_unref (layout->steps[s]);
      g_array_unref (layout->markers[s]);
    }
  g_array_unref (layout->temperature_path);
  g_array_unref (layout->infusion_lines);
  g_array_unref (layout->infusion_xs);
  g_array_unref (layout->onset_spans);
  g_array_unref (layout->interventions);
  g_array_unref (layout->legend);
  g_free (layout);
}

/* ---------------------------------------------------------------------- */
/* Queries */

void
crs_timeline_layout_get_plot_area (CrsTimelineLayout *layout,
                                   CrsTimelineRect   *rect)
{
  g_return_if_fail (layout != NULL && rect != NULL);
  *rect = layout->plot;
}

gboolean
crs_timeline_layout_get_temperature_area (CrsTimelineLayout *layout,
                                          CrsTimelineRect   *rect)
{
  g_return_val_if_fail (layout != NULL && rect != NULL, FALSE);
  *rect = layout->temperature;
  return layout->has_temperature;
}

void
crs_timeline_layout_get_band (CrsTimelineLayout *layout,
                              int                grade,
                              CrsTimelineRect   *rect)
{
  double band;

  g_return_if_fail (layout != NULL && rect != NULL);
  g_return_if_fail (grade >= 0 && grade <= 4);

  band = layout->plot.height / 5;
  *rect = (CrsTimelineRect) { layout->plot.x, layout->plot.y + (4 - grade) * band, layout->plot.width, band };
}

void
crs_timeline_layout_get_window (CrsTimelineLayout *layout,
                                gint64            *from,
                                gint64            *to)
{
  g_return_if_fail (layout != NULL);
  if (from != NULL)
    *from = layout->from;
  if (to != NULL)
    *to = layout->to;
}

gboolean
crs_timeline_layout_get_visible_points (CrsTimelineLayout *layout,
                                        guint             *first,
                                        guint             *last)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  if (first != NULL)
    *first = layout->visible_first;
  if (last != NULL)
    *last = layout->visible_last;
  return layout->has_visible;
}

const CrsTimelineTick *
crs_timeline_layout_get_ticks (CrsTimelineLayout *layout,
                               guint             *n_ticks)
{
  g_return_val_if_fail (layout != NULL && n_ticks != NULL, NULL);
  *n_ticks = layout->ticks->len;
  return (const CrsTimelineTick *) layout->ticks->data;
}

const CrsTimelineText *
crs_timeline_layout_get_texts (CrsTimelineLayout *layout,
                               guint             *n_texts)
{
  g_return_val_if_fail (layout != NULL && n_texts != NULL, NULL);
  *n_texts = layout->texts->len;
  return (const CrsTimelineText *) layout->texts->data;
}

const CrsTimelineStep *
crs_timeline_layout_get_steps (CrsTimelineLayout *layout,
                               CrsTimelineSeries  series,
                               guint             *n_steps)
{
  g_return_val_if_fail (layout != NULL && n_steps != NULL, NULL);
  g_return_val_if_fail (series < CRS_TIMELINE_N_SERIES, NULL);
  *n_steps = layout->steps[series]->len;
  return (const CrsTimelineStep *) layout->steps[series]->data;
}

const CrsTimelineMarker *
crs_timeline_layout_get_markers (CrsTimelineLayout *layout,
                                 CrsTimelineSeries  series,
                                 guint             *n_markers)
{
  g_return_val_if_fail (layout != NULL && n_markers != NULL, NULL);
  g_return_val_if_fail (series < CRS_TIMELINE_N_SERIES, NULL);
  *n_markers = layout->markers[series]->len;
  return (const CrsTimelineMarker *) layout->markers[series]->data;
}

const double *
crs_timeline_layout_get_infusion_lines (CrsTimelineLayout *layout,
                                        guint             *n_lines)
{
  g_return_val_if_fail (layout != NULL && n_lines != NULL, NULL);
  *n_lines = layout->infusion_xs->len;
  return (const double *) layout->infusion_xs->data;
}
