/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-axes.c: the time axis (ticks whose labels never
 * overlap: the finest step whose labels all fit) and the value axes
 * (grade bands, NEWS2, temperature). */
#define G_LOG_DOMAIN "crs-timeline-axes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-grade-word.h"
#include "crs-timeline-layout-private.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

/* Time axis steps: each divides a day (or is whole days), so that day
 * boundaries are always ticks. Calendar ticks can be finer than those
 * since an infusion, which read as whole hours. */
static const gint64 calendar_steps[] = {
  15 * 60, 30 * 60, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 112 * DAY, 364 * DAY,
};
static const gint64 since_steps[] = {
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 112 * DAY, 364 * DAY,
};


static char *
tick_label (CrsTimelineLayout *layout,
            gint64             t,
            gint64             step,
            gboolean          *major)
{
  if (layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION)
    {
      /* Time elapsed, not days: "Day 1" is the calendar day after the
       * infusion's day elsewhere in the app (crs_format_since_infusion()),
       * which no one axis can show for infusions at different hours. */
      const char *minus = t < 0 ? "−" : "";

      *major = t % DAY == 0;
      if (step >= 2 * DAY)
        /* Translators: days since the infusion on the time axis, "4 d"; %s is a minus sign or nothing */
        return g_strdup_printf (C_("days since infusion", "%s%d d"), minus, (int) (ABS (t) / DAY));
      /* Translators: hours since the infusion on the time axis, "36 h"; %s is a minus sign or nothing */
      return g_strdup_printf (C_("hours since infusion", "%s%d h"), minus, (int) (ABS (t) / HOUR));
    }
  else
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);

      *major = g_date_time_get_hour (dt) == 0 && g_date_time_get_minute (dt) == 0;
      /* Translators: a date on the time axis (g_date_time_format()), "3 Mar" */
      return g_date_time_format (dt, *major ? C_("timeline date", "%-d %b") : C_("timeline time", "%H:%M"));
    }
}

/* The tick times of @step across the window. */
static GArray *
tick_times (CrsTimelineLayout *layout,
            gint64             step)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION)
    {
      gint64 k = layout->from / step - 1;

      for (gint64 t = k * step; t <= layout->to; t += step)
        if (t >= layout->from)
          g_array_append_val (times, t);
    }
  else if (step < DAY)
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (layout->from);
      g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (from),
                                                             g_date_time_get_month (from),
                                                             g_date_time_get_day_of_month (from), 0, 0, 0);

      for (gint64 t = g_date_time_to_unix (midnight); t <= layout->to; t += step)
        if (t >= layout->from)
          g_array_append_val (times, t);
    }
  else
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (layout->from);
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (from),
                                                        g_date_time_get_month (from),
                                                        g_date_time_get_day_of_month (from), 0, 0, 0);
      int every = (int) (step / DAY);

      while (g_date_time_to_unix (day) <= layout->to)
        {
          GDateTime *next;
          gint64 t = g_date_time_to_unix (day);
          /* Whole days since the epoch (local), so that the same days
           * carry ticks whatever the window. */
          gint64 day_number = (t + g_date_time_get_utc_offset (day) / G_TIME_SPAN_SECOND) / DAY;

          if (t >= layout->from && day_number % every == 0)
            g_array_append_val (times, t);
          next = g_date_time_add_days (day, 1);
          g_date_time_unref (day);
          day = next;
        }
    }
  return times;
}

/* Tick labels centred under their tick, moved inside the chart at its
 * edges; TRUE when no two are closer than @gap. */
static gboolean
place_tick_labels (CrsTimelineLayout *layout,
                   GArray            *times,
                   double            *xs,
                   double            *widths,
                   double             gap)
{
  double previous_right = -G_MAXDOUBLE;

  for (guint i = 0; i < times->len; i++)
    {
      double x = crs_timeline_layout_x_for_time (layout, g_array_index (times, gint64, i)) - widths[i] / 2;

      x = CLAMP (x, 0, layout->width - widths[i]);
      if (x < previous_right + gap)
        return FALSE;
      xs[i] = x;
      previous_right = x + widths[i];
    }
  return TRUE;
}

typedef struct
{
  GArray    *times;
  GPtrArray *labels;   /* NULL entries: no label */
  double    *xs;
  double    *widths;
  gboolean  *majors;
} TickSet;

static void
tick_set_clear (TickSet *set)
{
  g_clear_pointer (&set->times, g_array_unref);
  g_clear_pointer (&set->labels, g_ptr_array_unref);
  g_clear_pointer (&set->xs, g_free);
  g_clear_pointer (&set->widths, g_free);
  g_clear_pointer (&set->majors, g_free);
}

static void
tick_set_fill (CrsTimelineLayout *layout,
               TickSet           *set,
               gint64             step)
{
  set->times = tick_times (layout, step);
  set->labels = g_ptr_array_new_with_free_func (g_free);
  set->xs = g_new0 (double, set->times->len + 1);
  set->widths = g_new0 (double, set->times->len + 1);
  set->majors = g_new0 (gboolean, set->times->len + 1);
  for (guint i = 0; i < set->times->len; i++)
    {
      char *label = tick_label (layout, g_array_index (set->times, gint64, i), step, &set->majors[i]);

      g_ptr_array_add (set->labels, label);
      set->widths[i] = crs_timeline_layout_text_width (layout, label, CRS_TEXT_SMALL | (set->majors[i] ? CRS_TEXT_BOLD : 0));
    }
}

/* The finest step whose labels all fit; when none does (a chart a few
 * labels wide), the coarsest with a tick, its first tick labelled. */
void
crs_timeline_layout_ticks (CrsTimelineLayout *layout,
                           double             label_y)
{
  const gint64 *steps = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? since_steps : calendar_steps;
  guint n_steps = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? G_N_ELEMENTS (since_steps) : G_N_ELEMENTS (calendar_steps);
  double span = (double) (layout->to - layout->from);
  double gap = layout->line_height * 0.6;
  double narrowest = crs_timeline_layout_text_width (layout, "00:00", CRS_TEXT_SMALL);
  TickSet chosen = { 0 }, fallback = { 0 };

  for (guint s = 0; s < n_steps && chosen.times == NULL; s++)
    {
      TickSet set = { 0 };

      if (steps[s] / span * layout->plot.width < narrowest + gap)
        continue;
      tick_set_fill (layout, &set, steps[s]);
      if (set.times->len == 0)
        tick_set_clear (&set);
      else if (place_tick_labels (layout, set.times, set.xs, set.widths, gap))
        chosen = set;
      else
        {
          tick_set_clear (&fallback);
          fallback = set;
        }
    }
  if (chosen.times == NULL && fallback.times == NULL)
    {
      /* Even the finest step's labels are too wide for one tick apart. */
      for (guint s = n_steps; s > 0 && fallback.times == NULL; s--)
        {
          tick_set_fill (layout, &fallback, steps[s - 1]);
          if (fallback.times->len == 0)
            tick_set_clear (&fallback);
        }
    }
  if (chosen.times == NULL && fallback.times != NULL)
    {
      chosen = fallback;
      fallback = (TickSet) { 0 };
      for (guint i = 1; i < chosen.labels->len; i++)
        g_clear_pointer (&chosen.labels->pdata[i], g_free);
      chosen.xs[0] = CLAMP (crs_timeline_layout_x_for_time (layout, g_array_index (chosen.times, gint64, 0)) - chosen.widths[0] / 2,
                            0, MAX (layout->width - chosen.widths[0], 0));
    }
  tick_set_clear (&fallback);

  for (guint i = 0; chosen.times != NULL && i < chosen.times->len; i++)
    {
      CrsTimelineTick tick = {
        .time = g_array_index (chosen.times, gint64, i),
        .major = chosen.majors[i],
      };

      tick.x = crs_timeline_layout_x_for_time (layout, tick.time);
      if (chosen.labels->pdata[i] != NULL)
        {
          guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_TICK, chosen.labels->pdata[i],
                                                     CRS_TEXT_SMALL | (chosen.majors[i] ? CRS_TEXT_BOLD : 0),
                                                     INK_FOREGROUND);

          crs_timeline_layout_move_text (layout, text, chosen.xs[i], label_y);
          tick.label = crs_timeline_layout_text (layout, text)->text;
          tick.label_rect = crs_timeline_layout_text (layout, text)->rect;
        }
      g_array_append_val (layout->ticks, tick);
    }
  tick_set_clear (&chosen);

  /* Since infusion, the axis says so, left of its first label. */
  if (layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION)
    {
      guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_AXIS_TITLE, _("Since infusion"),
                                                 CRS_TEXT_SMALL, INK_FOREGROUND);
      CrsTimelineText *item = crs_timeline_layout_text (layout, text);
      double x = layout->plot.x - layout->pad / 2 - item->rect.width;
      gboolean fits = x >= 0;

      crs_timeline_layout_move_text (layout, text, x, label_y);
      for (guint i = 0; i < layout->ticks->len && fits; i++)
        {
          const CrsTimelineTick *tick = &g_array_index (layout->ticks, CrsTimelineTick, i);

          fits = tick->label == NULL || tick->label_rect.x >= x + item->rect.width + layout->pad / 2;
        }
      if (!fits)
        crs_timeline_layout_drop_last_text (layout);
    }
}

/* ---------------------------------------------------------------------- */
/* The value axes */

/* "2 moderate" beside each band, or "2" when the words would take more
 * than a third of the width; nothing when the bands are too thin. */
double
crs_timeline_layout_grade_label_width (CrsTimelineLayout *layout,
                                       gboolean          *words)
{
  double widest = 0, numbers = 0;

  for (int grade = 0; grade <= 4; grade++)
    {
      g_autofree char *label = g_strdup_printf ("%d %s", grade, crs_grade_word (grade));
      g_autofree char *number = g_strdup_printf ("%d", grade);

      widest = MAX (widest, crs_timeline_layout_text_width (layout, label, CRS_TEXT_SMALL));
      numbers = MAX (numbers, crs_timeline_layout_text_width (layout, number, CRS_TEXT_SMALL));
    }
  *words = widest + 2 * layout->pad <= layout->width / 3;
  return *words ? widest : numbers;
}

void
crs_timeline_layout_grade_labels (CrsTimelineLayout *layout,
                                  gboolean           words)
{
  double band = layout->plot.height / 5;

  if (band < layout->line_height)
    return;
  for (int grade = 0; grade <= 4; grade++)
    {
      g_autofree char *label = words ? g_strdup_printf ("%d %s", grade, crs_grade_word (grade))
                                     : g_strdup_printf ("%d", grade);
      guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_GRADE, label, CRS_TEXT_SMALL, INK_FOREGROUND);
      CrsTimelineText *item = crs_timeline_layout_text (layout, text);
      CrsTimelineRect rect;

      crs_timeline_layout_get_band (layout, grade, &rect);
      crs_timeline_layout_move_text (layout, text,
                                     layout->plot.x - layout->pad / 2 - item->rect.width,
                                     rect.y + (rect.height - item->rect.height) / 2);
    }
}

void
crs_timeline_layout_news2_axis (CrsTimelineLayout *layout)
{
  double x = layout->plot.x + layout->plot.width + layout->pad / 2;
  int step = 5;
  double bottom = -G_MAXDOUBLE;
  guint title;

  /* Every 5, or fewer when the labels would touch. */
  while (step < 20 && step / 20.0 * layout->plot.height < layout->line_height * 1.05)
    step *= 2;
  for (int value = 20; value >= 0; value -= step)
    {
      g_autofree char *label = g_strdup_printf ("%d", value);
      double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_NEWS2, value);
      guint text;
      CrsTimelineText *item;

      text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_NEWS2_AXIS, label, CRS_TEXT_SMALL, INK_NEWS2);
      item = crs_timeline_layout_text (layout, text);
      y = CLAMP (y - item->rect.height / 2, layout->plot.y, layout->plot.y + layout->plot.height - item->rect.height);
      if (y < bottom)
        {
          /* A plot lower than two lines: the top one only. */
          crs_timeline_layout_drop_last_text (layout);
          continue;
        }
      crs_timeline_layout_move_text (layout, text, x, y);
      bottom = y + item->rect.height;
    }
  /* Its name above it, in the header lane. */
  title = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_NEWS2_AXIS, _("NEWS2"), CRS_TEXT_SMALL | CRS_TEXT_BOLD, INK_NEWS2);
  crs_timeline_layout_move_text (layout, title,
                                 MIN (x, layout->width - crs_timeline_layout_text (layout, title)->rect.width),
                                 layout->plot.y - layout->line_height * 1.15);
}

/* The strip shows at least 35-40 °C (a plain scale for any patient;
 * not a clinical limit) and every value recorded in the window. */
void
crs_timeline_layout_temperature_extent (CrsTimelineLayout *layout)
{
  CrsTimelineModel *model = layout->model;
  double lo = 35.0, hi = 40.0;
  double fever = crs_timeline_model_get_fever_line (model);
  int first_line, last_line;

  crs_timeline_layout_lines (layout, &first_line, &last_line);
  for (int line = first_line; line <= last_line; line++)
    {
      guint start, end;
      gint64 base;

      crs_timeline_layout_line_window (layout, line, &start, &end, &base);
      for (guint i = start; i < end; i++)
        {
          double c = layout->points[i].temperature_c;

          if (isnan (c))
            continue;
          lo = MIN (lo, floor (c));
          hi = MAX (hi, ceil (c));
        }
    }
  if (!isnan (fever))
    {
      lo = MIN (lo, floor (fever));
      hi = MAX (hi, ceil (fever));
    }
  layout->temperature_lo = lo;
  layout->temperature_hi = hi;
}

void
crs_timeline_layout_temperature_axis (CrsTimelineLayout *layout)
{
  static const double steps[] = { 0.5, 1, 2, 5, 10 };
  double lo = crs_temperature_to_unit (layout->temperature_lo, crs_timeline_model_get_temperature_unit (layout->model)), hi = crs_temperature_to_unit (layout->temperature_hi, crs_timeline_model_get_temperature_unit (layout->model));
  double fever = crs_timeline_model_get_fever_line (layout->model);
  double step = steps[G_N_ELEMENTS (steps) - 1];
  guint first;

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    if (steps[s] / (hi - lo) * layout->temperature.height >= layout->line_height * 1.1)
      {
        step = steps[s];
        break;
      }
  /* The fever line's label first; then the scale where it does not
   * touch a label already placed. */
  if (!isnan (fever))
    {
      g_autofree char *label = crs_format_temperature (fever, crs_timeline_model_get_temperature_unit (layout->model));
      guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_FEVER_LINE, label,
                                                 CRS_TEXT_SMALL | CRS_TEXT_BOLD, INK_FEVER);
      CrsTimelineText *item = crs_timeline_layout_text (layout, text);
      double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_TEMPERATURE, fever);

      crs_timeline_layout_move_text (layout, text,
                                     layout->temperature.x - layout->pad / 2 - item->rect.width,
                                     CLAMP (y - item->rect.height / 2, layout->temperature.y,
                                            layout->temperature.y + layout->temperature.height - item->rect.height));
      first = text;
    }
  else
    first = layout->texts->len;

  for (double v = ceil (lo / step) * step; v <= hi + 1e-9; v += step)
    {
      g_autofree char *number = crs_format_decimal (v, step < 1 ? 1 : 0);
      g_autofree char *label = g_strdup_printf ("%s %s", number, crs_temperature_unit_symbol (crs_timeline_model_get_temperature_unit (layout->model)));
      double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_TEMPERATURE, crs_temperature_from_unit (v, crs_timeline_model_get_temperature_unit (layout->model)));
      guint text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_TEMPERATURE_AXIS, label, CRS_TEXT_SMALL,
                                                 INK_FOREGROUND);
      CrsTimelineText *item = crs_timeline_layout_text (layout, text);
      gboolean touches = FALSE;

      crs_timeline_layout_move_text (layout, text,
                                     layout->temperature.x - layout->pad / 2 - item->rect.width,
                                     CLAMP (y - item->rect.height / 2, layout->temperature.y,
                                            layout->temperature.y + layout->temperature.height - item->rect.height));
      for (guint other = first; other < text && !touches; other++)
        {
          const CrsTimelineRect *r = &crs_timeline_layout_text (layout, other)->rect;

          touches = item->rect.y < r->y + r->height && r->y < item->rect.y + item->rect.height;
        }
      if (touches)
        crs_timeline_layout_drop_last_text (layout);
    }
}
