/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-series.c: the lines and markers of the timeline series,
 * and the queries about points.
 *
 * A grade holds until the next observation set: each series is a run of
 * steps per line (one line in calendar mode, one per infusion since
 * infusion). A value not determined breaks the line until the next one
 * that is; it is never drawn as a zero.
 *
 * What cannot be seen is not drawn: all the values that fall into one
 * device pixel column become one vertical bar from the lowest to the
 * highest, followed by the last value's step, and markers are only drawn
 * where they stand apart. So a long history costs one step per pixel
 * column, however many sets it holds. */
#define G_LOG_DOMAIN "crs-timeline-series"

#include "config.h"

#include <math.h>

#include "crs-timeline-layout-private.h"

/* The value and kind of @series at @point. */
static gboolean
series_value (const CrsTimelinePoint *point,
              CrsTimelineSeries       series,
              double                 *value,
              CrsTimelineKind        *kind)
{
  switch (series)
    {
    case CRS_TIMELINE_SERIES_CRS:
      *value = point->crs.grade;
      *kind = point->crs.kind;
      break;
    case CRS_TIMELINE_SERIES_ICANS:
      *value = point->icans.grade;
      *kind = point->icans.kind;
      break;
    case CRS_TIMELINE_SERIES_NEWS2:
      *value = point->news2;
      *kind = crs_is_missing_int (point->news2) ? CRS_TIMELINE_NOT_DETERMINED : point->news2_kind;
      break;
    case CRS_TIMELINE_SERIES_TEMPERATURE:
      *value = point->temperature_c;
      *kind = isnan (point->temperature_c) ? CRS_TIMELINE_NOT_DETERMINED : CRS_TIMELINE_DETERMINED;
      break;
    case CRS_TIMELINE_N_SERIES:
    default:
      return FALSE;
    }
  /* A grade out of 0-4 is not one: not determined rather than off the chart. */
  if ((series == CRS_TIMELINE_SERIES_CRS || series == CRS_TIMELINE_SERIES_ICANS) && (*value < 0 || *value > 4))
    *kind = CRS_TIMELINE_NOT_DETERMINED;
  if (series == CRS_TIMELINE_SERIES_NEWS2 && (*value < 0 || *value > 20))
    *kind = CRS_TIMELINE_NOT_DETERMINED;
  return *kind != CRS_TIMELINE_NOT_DETERMINED;
}

static gboolean
series_shown (CrsTimelineLayout *layout,
              CrsTimelineSeries  series)
{
  switch (series)
    {
    case CRS_TIMELINE_SERIES_CRS:
    case CRS_TIMELINE_SERIES_ICANS:
      return TRUE;
    case CRS_TIMELINE_SERIES_NEWS2:
      return layout->has_news2;
    case CRS_TIMELINE_SERIES_TEMPERATURE:
      return layout->has_temperature;
    case CRS_TIMELINE_N_SERIES:
    default:
      return FALSE;
    }
}

/* The first index in [first, first + n) whose axis time is >= @t. */
static guint
lower_bound (const CrsTimelinePoint *points,
             guint                   first,
             guint                   n,
             gint64                  base,
             gint64                  t)
{
  guint lo = first, hi = first + n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].at - base < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The points of line @infusion: its index range and the time its axis
 * counts from. */
static void
line_points (CrsTimelineLayout *layout,
             int                infusion,
             guint             *first,
             guint             *n,
             gint64            *base)
{
  crs_timeline_model_get_infusion_points (layout->model, infusion, first, n);
  *base = infusion < 0 ? 0 : crs_timeline_model_get_infusion (layout->model, infusion)->start_at;
}

typedef struct
{
  CrsTimelineLayout *layout;
  CrsTimelineSeries  series;
  int                infusion;
  gboolean           pending;
  CrsTimelineStep    step;
  double             previous_y;     /* NAN after a gap */
  double             last_marker_x[2];
  gboolean           markers_all;
} StepBuilder;

static void
flush (StepBuilder *b)
{
  if (b->pending)
    g_array_append_val (b->layout->steps[b->series], b->step);
  b->pending = FALSE;
}

static double
column (StepBuilder *b,
        double       x)
{
  return floor (x / b->layout->pixel);
}

/* One value from x0 (its time) to x1 (the next one's). */
static void
add_value (StepBuilder     *b,
           double           x0,
           double           x1,
           double           y,
           CrsTimelineKind  kind)
{
  if (b->pending && !isnan (b->previous_y) && column (b, x0) == column (b, b->step.x0))
    {
      /* The same pixel column: one bar over all of them. */
      b->step.y_top = MIN (b->step.y_top, y);
      b->step.y_bottom = MAX (b->step.y_bottom, y);
      b->step.y = y;
      b->step.x1 = x1;
      b->step.kind = kind;
    }
  else
    {
      flush (b);
      b->step = (CrsTimelineStep) {
        .x0 = x0,
        .x1 = x1,
        .y = y,
        .y_top = isnan (b->previous_y) ? y : MIN (b->previous_y, y),
        .y_bottom = isnan (b->previous_y) ? y : MAX (b->previous_y, y),
        .kind = kind,
        .infusion = b->infusion,
      };
      b->pending = TRUE;
    }
  b->previous_y = y;
}

static void
add_marker (StepBuilder     *b,
            double           x,
            double           y,
            CrsTimelineKind  kind,
            guint            index)
{
  CrsTimelineMarker marker = { x, y, kind, index, b->infusion };
  int k = kind == CRS_TIMELINE_AT_LEAST;

  /* Open markers always say something: kept, one per marker width. Filled
   * ones only where the points stand apart. */
  if (kind == CRS_TIMELINE_DETERMINED && !b->markers_all)
    return;
  if (x - b->last_marker_x[k] < b->layout->marker_size * 1.2)
    return;
  b->last_marker_x[k] = x;
  g_array_append_val (b->layout->markers[b->series], marker);
}

static void
build_steps (CrsTimelineLayout *layout,
             CrsTimelineSeries  series,
             int                infusion,
             gboolean           markers_all)
{
  StepBuilder b = {
    .layout = layout,
    .series = series,
    .infusion = infusion,
    .previous_y = NAN,
    .last_marker_x = { -G_MAXDOUBLE, -G_MAXDOUBLE },
    .markers_all = markers_all,
  };
  double left = layout->plot.x, right = layout->plot.x + layout->plot.width;
  gint64 hold_end = crs_timeline_layout_hold_end (layout, infusion);
  guint first, n, start, end;
  gint64 base;

  line_points (layout, infusion, &first, &n, &base);
  if (n == 0)
    return;
  /* From the value that holds at the window's start to the one after its end. */
  start = lower_bound (layout->points, first, n, base, layout->from);
  if (start > first)
    start--;
  end = lower_bound (layout->points, first, n, base, layout->to + 1);

  for (guint i = start; i < end; i++)
    {
      const CrsTimelinePoint *point = &layout->points[i];
      gint64 t = point->at - base;
      gint64 next = i + 1 < first + n ? layout->points[i + 1].at - base : MAX (hold_end, t);
      double value, x0, x1, y;
      CrsTimelineKind kind;

      if (!series_value (point, series, &value, &kind))
        {
          flush (&b);
          b.previous_y = NAN;
          continue;
        }
      if (next < layout->from)
        continue;
      x0 = CLAMP (crs_timeline_layout_x_for_time (layout, t), left, right);
      x1 = CLAMP (crs_timeline_layout_x_for_time (layout, next), left, right);
      y = crs_timeline_layout_y_for_value (layout, series, value);
      add_value (&b, x0, x1, y, kind);
      if (t >= layout->from)
        add_marker (&b, x0, y, kind, i);
    }
  flush (&b);
}

/* Temperature: values joined point to point (a measurement, not a grade
 * that holds); per pixel column the first, lowest, highest and last. */
static void
build_temperature (CrsTimelineLayout *layout,
                   int                infusion,
                   gboolean           markers_all)
{
  GArray *path = layout->temperature_path;
  double left = layout->plot.x, right = layout->plot.x + layout->plot.width;
  double col = NAN, lo = 0, hi = 0, last_y = 0, last_x = 0, last_marker = -G_MAXDOUBLE;
  guint first, n, start, end;
  gint64 base;
  gboolean any = FALSE;

  line_points (layout, infusion, &first, &n, &base);
  if (n == 0)
    return;
  start = lower_bound (layout->points, first, n, base, layout->from);
  if (start > first)
    start--;
  end = lower_bound (layout->points, first, n, base, layout->to + 1);
  if (end < first + n)
    end++;
  {
    const double run[2] = { NAN, crs_timeline_layout_infusion_alpha (layout, infusion) };

    g_array_append_vals (path, run, 2);
  }

#define PUSH(px, py) G_STMT_START { double v_[2] = { (px), (py) }; g_array_append_vals (path, v_, 2); } G_STMT_END
  for (guint i = start; i < end; i++)
    {
      const CrsTimelinePoint *point = &layout->points[i];
      double x, y, c;

      if (isnan (point->temperature_c))
        continue;
      x = crs_timeline_layout_x_for_time (layout, point->at - base);
      y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_TEMPERATURE, point->temperature_c);
      c = floor (x / layout->pixel);
      if (any && c == col)
        {
          lo = MIN (lo, y);
          hi = MAX (hi, y);
          last_y = y;
          continue;
        }
      if (any && (lo != hi || last_y != lo))
        {
          PUSH (last_x, lo);
          PUSH (last_x, hi);
          PUSH (last_x, last_y);
        }
      PUSH (x, y);
      col = c;
      lo = hi = last_y = y;
      last_x = x;
      any = TRUE;
      if (markers_all && x >= left && x <= right && x - last_marker >= layout->marker_size * 1.2)
        {
          CrsTimelineMarker marker = { x, y, CRS_TIMELINE_DETERMINED, i, infusion };

          g_array_append_val (layout->markers[CRS_TIMELINE_SERIES_TEMPERATURE], marker);
          last_marker = x;
        }
    }
  if (any && (lo != hi || last_y != lo))
    {
      PUSH (last_x, lo);
      PUSH (last_x, hi);
      PUSH (last_x, last_y);
    }
#undef PUSH
}

void
crs_timeline_layout_lines (CrsTimelineLayout *layout,
                           int               *first,
                           int               *last)
{
  gboolean since = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION;

  *first = since ? 0 : -1;
  *last = since ? (int) crs_timeline_model_get_n_infusions (layout->model) - 1 : -1;
}

void
crs_timeline_layout_line_window (CrsTimelineLayout *layout,
                                 int                line,
                                 guint             *start,
                                 guint             *end,
                                 gint64            *base)
{
  guint first, n;

  line_points (layout, line, &first, &n, base);
  *start = lower_bound (layout->points, first, n, *base, layout->from);
  *end = lower_bound (layout->points, first, n, *base, layout->to + 1);
}

void
crs_timeline_layout_build_series (CrsTimelineLayout *layout)
{
  guint n_infusions = crs_timeline_model_get_n_infusions (layout->model);
  int first_line = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? 0 : -1;
  int last_line = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? (int) n_infusions - 1 : -1;
  guint visible = 0;
  gboolean markers_all;

  if (layout->has_visible)
    visible = layout->visible_last - layout->visible_first + 1;
  /* Filled markers where they stand apart on average. */
  markers_all = !layout->style.compact && visible * layout->marker_size * 2.5 <= layout->plot.width;

  for (CrsTimelineSeries series = 0; series < CRS_TIMELINE_N_SERIES; series++)
    {
      if (!series_shown (layout, series))
        continue;
      if (layout->style.compact && series > CRS_TIMELINE_SERIES_ICANS)
        continue;
      for (int line = first_line; line <= last_line; line++)
        {
          if (series == CRS_TIMELINE_SERIES_TEMPERATURE)
            build_temperature (layout, line, markers_all);
          else
            build_steps (layout, series, line, markers_all);
        }
    }
}

/* ---------------------------------------------------------------------- */

gboolean
crs_timeline_layout_get_point_position (CrsTimelineLayout *layout,
                                        guint              index,
                                        CrsTimelineSeries  series,
                                        double            *x,
                                        double            *y)
{
  const CrsTimelinePoint *point;
  double value;
  CrsTimelineKind kind;
  gint64 t;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (series < CRS_TIMELINE_N_SERIES, FALSE);

  if (index >= crs_timeline_model_get_n_points (layout->model) || !series_shown (layout, series))
    return FALSE;
  point = crs_timeline_model_get_point (layout->model, index);
  t = crs_timeline_model_axis_time (layout->model, point->at);
  if (t < layout->from || t > layout->to || !series_value (point, series, &value, &kind))
    return FALSE;
  if (x != NULL)
    *x = crs_timeline_layout_x_for_time (layout, t);
  if (y != NULL)
    *y = crs_timeline_layout_y_for_value (layout, series, value);
  return TRUE;
}

int
crs_timeline_layout_find_point (CrsTimelineLayout *layout,
                                double             x,
                                double             y,
                                double             max_distance)
{
  CrsTimelineModel *model;
  int lines_from, lines_to;
  int best = -1;
  double best_score = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, -1);

  model = layout->model;
  lines_from = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? 0 : -1;
  lines_to = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? (int) crs_timeline_model_get_n_infusions (model) - 1 : -1;

  for (int line = lines_from; line <= lines_to; line++)
    {
      gint64 t = crs_timeline_layout_time_at_x (layout, x);
      guint first, n, i;
      gint64 base;

      line_points (layout, line, &first, &n, &base);
      if (n == 0)
        continue;
      i = lower_bound (layout->points, first, n, base, t);
      /* The nearest is i or the one before it. */
      for (guint j = (i > first ? i - 1 : i); j <= i && j < first + n; j++)
        {
          const CrsTimelinePoint *point = &layout->points[j];
          gint64 pt = point->at - base;
          double px, dx, dy = 0, score;

          if (pt < layout->from || pt > layout->to)
            continue;
          px = crs_timeline_layout_x_for_time (layout, pt);
          dx = fabs (px - x);
          if (dx > max_distance)
            continue;
          /* Where lines overlap (since infusion), the one nearer in y. */
          if (lines_to > lines_from)
            {
              double v;
              CrsTimelineKind k;

              dy = G_MAXDOUBLE;
              for (CrsTimelineSeries s = CRS_TIMELINE_SERIES_CRS; s <= CRS_TIMELINE_SERIES_ICANS; s++)
                if (series_value (point, s, &v, &k))
                  dy = MIN (dy, fabs (crs_timeline_layout_y_for_value (layout, s, v) - y));
              if (dy == G_MAXDOUBLE)
                dy = layout->plot.height;
            }
          score = dx + dy * 0.5;
          if (score < best_score)
            {
              best_score = score;
              best = (int) j;
            }
        }
    }
  return best;
}

int
crs_timeline_layout_find_intervention (CrsTimelineLayout *layout,
                                       double             x,
                                       double             y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->interventions->len; i++)
    {
      const CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);

      if (mark->text != G_MAXUINT && x >= mark->box.x && x <= mark->box.x + mark->box.width &&
          y >= mark->box.y && y <= mark->box.y + mark->box.height)
        return (int) mark->index;
    }
  return -1;
}
