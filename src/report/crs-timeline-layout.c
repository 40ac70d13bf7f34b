/* crs-timeline-layout.c: where the timeline chart puts its areas, axes,
 * ticks, labels, legend, infusions and interventions. The lines and
 * markers of the series are placed by crs-timeline-series.c. */
#define G_LOG_DOMAIN "crs-timeline-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-grade-word.h"
#include "crs-timeline-layout-private.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

enum {
  TEXT_SMALL = 1 << 0,
  TEXT_BOLD = 1 << 1,
  TEXT_BOXED = 1 << 2,
};

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

  pango_layout_set_font_description (pango, (flags & TEXT_SMALL) ? layout->font_small : layout->font);
  if (flags & TEXT_BOLD)
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

static double
text_width (CrsTimelineLayout *layout,
            const char        *text,
            guint              flags)
{
  g_autoptr(PangoLayout) pango = new_pango_layout (layout, text, flags);
  double width;

  measure (pango, &width, NULL);
  return width;
}

static guint
add_text_flags (CrsTimelineLayout   *layout,
                CrsTimelineTextRole  role,
                const char          *text,
                guint                flags,
                CrsTimelineInk       ink)
{
  CrsTimelineText item = { .role = role };
  CrsTimelineTextPaint paint = {
    .layout = new_pango_layout (layout, text, flags),
    .ink = ink,
    .boxed = (flags & TEXT_BOXED) != 0,
    .alpha = 1.0,
  };

  item.text = keep_string (layout, g_strdup (text));
  measure (paint.layout, &item.rect.width, &item.rect.height);
  g_array_append_val (layout->texts, item);
  g_array_append_val (layout->paints, paint);
  return layout->texts->len - 1;
}

guint
crs_timeline_layout_add_text (CrsTimelineLayout   *layout,
                              CrsTimelineTextRole  role,
                              const char          *text,
                              gboolean             small,
                              CrsTimelineInk       ink)
{
  return add_text_flags (layout, role, text, small ? TEXT_SMALL : 0, ink);
}

void
crs_timeline_layout_move_text (CrsTimelineLayout *layout,
                               guint              text,
                               double             x,
                               double             y)
{
  CrsTimelineText *item = &g_array_index (layout->texts, CrsTimelineText, text);

  item->rect.x = x;
  item->rect.y = y;
}

static CrsTimelineText *
text_at (CrsTimelineLayout *layout,
         guint              text)
{
  return &g_array_index (layout->texts, CrsTimelineText, text);
}

/* Ellipsizes text @text to @width (it must have been created wider). */
static void
ellipsize_text (CrsTimelineLayout *layout,
                guint              text,
                double             width)
{
  CrsTimelineTextPaint *paint = &g_array_index (layout->paints, CrsTimelineTextPaint, text);

  pango_layout_set_width (paint->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (paint->layout, PANGO_ELLIPSIZE_END);
  measure (paint->layout, &text_at (layout, text)->rect.width, NULL);
  text_at (layout, text)->rect.width = MIN (text_at (layout, text)->rect.width, width);
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
/* The time axis */

static char *
tick_label (CrsTimelineLayout *layout,
            gint64             t,
            gboolean          *major)
{
  if (layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION)
    {
      gint64 hours = t / HOUR;

      *major = t % DAY == 0;
      if (*major)
        /* Translators: the day since the infusion on the time axis, "Day 0" is the infusion day */
        return g_strdup_printf (_("Day %d"), (int) (t / DAY));
      /* Translators: hours since the infusion on the time axis; the minus is U+2212 */
      return g_strdup_printf (C_("hours since infusion", "%s%d h"), hours < 0 ? "−" : "", (int) ABS (hours));
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

static void
layout_ticks (CrsTimelineLayout *layout,
              double             label_y)
{
  const gint64 *steps = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? since_steps : calendar_steps;
  guint n_steps = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION ? G_N_ELEMENTS (since_steps) : G_N_ELEMENTS (calendar_steps);
  double span = (double) (layout->to - layout->from);
  double gap = layout->line_height * 0.6;
  double narrowest = text_width (layout, "00:00", TEXT_SMALL);
  g_autoptr(GArray) times = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree double *xs = NULL;
  g_autofree double *widths = NULL;
  g_autofree gboolean *majors = NULL;

  for (guint s = 0; s < n_steps; s++)
    {
      double step_px = steps[s] / span * layout->plot.width;

      g_clear_pointer (&times, g_array_unref);
      g_clear_pointer (&labels, g_ptr_array_unref);
      g_clear_pointer (&xs, g_free);
      g_clear_pointer (&widths, g_free);
      g_clear_pointer (&majors, g_free);

      if (step_px < narrowest + gap && s + 1 < n_steps)
        continue;
      times = tick_times (layout, steps[s]);
      labels = g_ptr_array_new_with_free_func (g_free);
      xs = g_new0 (double, times->len + 1);
      widths = g_new0 (double, times->len + 1);
      majors = g_new0 (gboolean, times->len + 1);
      for (guint i = 0; i < times->len; i++)
        {
          char *label = tick_label (layout, g_array_index (times, gint64, i), &majors[i]);

          g_ptr_array_add (labels, label);
          widths[i] = text_width (layout, label, TEXT_SMALL | (majors[i] ? TEXT_BOLD : 0));
        }
      if (place_tick_labels (layout, times, xs, widths, gap))
        break;
      if (s + 1 == n_steps)
        {
          /* Nothing fits (a chart a few labels wide): label only the
           * first tick. */
          for (guint i = 1; i < labels->len; i++)
            g_clear_pointer (&labels->pdata[i], g_free);
          if (times->len > 0)
            xs[0] = CLAMP (crs_timeline_layout_x_for_time (layout, g_array_index (times, gint64, 0)) - widths[0] / 2,
                           0, layout->width - widths[0]);
        }
    }

  for (guint i = 0; times != NULL && i < times->len; i++)
    {
      CrsTimelineTick tick = {
        .time = g_array_index (times, gint64, i),
        .major = majors[i],
      };

      tick.x = crs_timeline_layout_x_for_time (layout, tick.time);
      if (labels->pdata[i] != NULL)
        {
          guint text = add_text_flags (layout, CRS_TIMELINE_TEXT_TICK, labels->pdata[i],
                                       TEXT_SMALL | (majors[i] ? TEXT_BOLD : 0), INK_FOREGROUND);

          crs_timeline_layout_move_text (layout, text, xs[i], label_y);
          tick.label = text_at (layout, text)->text;
          tick.label_rect = text_at (layout, text)->rect;
        }
      g_array_append_val (layout->ticks, tick);
    }
}

/* ---------------------------------------------------------------------- */
/* The value axes */

/* "2 moderate" beside each band, or "2" when the words would take more
 * than a third of the width; nothing when the bands are too thin. */
static double
grade_label_width (CrsTimelineLayout *layout,
                   gboolean          *words)
{
  double widest = 0, numbers = 0;

  for (int grade = 0; grade <= 4; grade++)
    {
      g_autofree char *label = g_strdup_printf ("%d %s", grade, crs_grade_word (grade));
      g_autofree char *number = g_strdup_printf ("%d", grade);

      widest = MAX (widest, text_width (layout, label, TEXT_SMALL));
      numbers = MAX (numbers, text_width (layout, number, TEXT_SMALL));
    }
  *words = widest + 2 * layout->pad <= layout->width / 3;
  return *words ? widest : numbers;
}

static void
layout_grade_labels (CrsTimelineLayout *layout,
                     gboolean           words)
{
  double band = layout->plot.height / 5;

  if (band < layout->line_height * 0.8)
    return;
  for (int grade = 0; grade <= 4; grade++)
    {
      g_autofree char *label = words ? g_strdup_printf ("%d %s", grade, crs_grade_word (grade))
                                     : g_strdup_printf ("%d", grade);
      guint text = add_text_flags (layout, CRS_TIMELINE_TEXT_GRADE, label, TEXT_SMALL, INK_FOREGROUND);
      CrsTimelineText *item = text_at (layout, text);
      CrsTimelineRect rect;

      crs_timeline_layout_get_band (layout, grade, &rect);
      crs_timeline_layout_move_text (layout, text,
                                     layout->plot.x - layout->pad / 2 - item->rect.width,
                                     rect.y + (rect.height - item->rect.height) / 2);
    }
}

static void
layout_news2_axis (CrsTimelineLayout *layout)
{
  double x = layout->plot.x + layout->plot.width + layout->pad / 2;
  guint title;

  for (int value = 0; value <= 20; value += 5)
    {
      g_autofree char *label = g_strdup_printf ("%d", value);
      guint text = add_text_flags (layout, CRS_TIMELINE_TEXT_NEWS2_AXIS, label, TEXT_SMALL, INK_NEWS2);
      double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_NEWS2, value);
      CrsTimelineText *item = text_at (layout, text);

      crs_timeline_layout_move_text (layout, text, x,
                                     CLAMP (y - item->rect.height / 2, layout->plot.y,
                                            layout->plot.y + layout->plot.height - item->rect.height));
    }
  /* Its name above it, in the header lane. */
  title = add_text_flags (layout, CRS_TIMELINE_TEXT_NEWS2_AXIS, _("NEWS2"), TEXT_SMALL | TEXT_BOLD, INK_NEWS2);
  crs_timeline_layout_move_text (layout, title,
                                 MIN (x, layout->width - text_at (layout, title)->rect.width),
                                 layout->plot.y - layout->line_height * 1.15);
}

static const char *
temperature_unit_symbol (void)
{
  return crs_format_get_temperature_unit () == CRS_TEMPERATURE_FAHRENHEIT ? "°F" : "°C";
}

static double
to_display (double celsius)
{
  return crs_format_get_temperature_unit () == CRS_TEMPERATURE_FAHRENHEIT ? celsius * 9 / 5 + 32 : celsius;
}

static double
from_display (double value)
{
  return crs_format_get_temperature_unit () == CRS_TEMPERATURE_FAHRENHEIT ? (value - 32) * 5 / 9 : value;
}

/* The strip shows at least 35-40 °C (a plain scale for any patient;
 * not a clinical limit) and every value recorded in the window. */
static void
temperature_extent (CrsTimelineLayout *layout)
{
  CrsTimelineModel *model = layout->model;
  double lo = 35.0, hi = 40.0;
  double fever = crs_timeline_model_get_fever_line (model);
  guint n = crs_timeline_model_get_n_points (model);

  for (guint i = 0; i < n; i++)
    {
      const CrsTimelinePoint *point = crs_timeline_model_get_point (model, i);
      gint64 t;

      if (isnan (point->temperature_c))
        continue;
      t = crs_timeline_model_axis_time (model, point->at);
      if (t < layout->from || t > layout->to)
        continue;
      lo = MIN (lo, floor (point->temperature_c));
      hi = MAX (hi, ceil (point->temperature_c));
    }
  if (!isnan (fever))
    {
      lo = MIN (lo, floor (fever));
      hi = MAX (hi, ceil (fever));
    }
  layout->temperature_lo = lo;
  layout->temperature_hi = hi;
}

static void
layout_temperature_axis (CrsTimelineLayout *layout)
{
  static const double steps[] = { 0.5, 1, 2, 5, 10 };
  double lo = to_display (layout->temperature_lo), hi = to_display (layout->temperature_hi);
  double fever = crs_timeline_model_get_fever_line (layout->model);
  double step = steps[G_N_ELEMENTS (steps) - 1];
  double fever_y = NAN;

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    if (steps[s] / (hi - lo) * layout->temperature.height >= layout->line_height * 1.1)
      {
        step = steps[s];
        break;
      }
  if (!isnan (fever))
    fever_y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_TEMPERATURE, fever);

  for (double v = ceil (lo / step) * step; v <= hi + 1e-9; v += step)
    {
      g_autofree char *number = crs_format_decimal (v, step < 1 ? 1 : 0);
      g_autofree char *label = g_strdup_printf ("%s %s", number, temperature_unit_symbol ());
      double y = crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_TEMPERATURE, from_display (v));
      guint text;
      CrsTimelineText *item;

      /* The fever line carries its own label. */
      if (!isnan (fever_y) && fabs (y - fever_y) < layout->line_height * 0.9)
        continue;
      text = add_text_flags (layout, CRS_TIMELINE_TEXT_TEMPERATURE_AXIS, label, TEXT_SMALL, INK_FOREGROUND);
      item = text_at (layout, text);
      crs_timeline_layout_move_text (layout, text,
                                     layout->temperature.x - layout->pad / 2 - item->rect.width,
                                     CLAMP (y - item->rect.height / 2, layout->temperature.y,
                                            layout->temperature.y + layout->temperature.height - item->rect.height));
    }

  if (!isnan (fever))
    {
      g_autofree char *label = crs_format_temperature (fever);
      guint text = add_text_flags (layout, CRS_TIMELINE_TEXT_FEVER_LINE, label, TEXT_SMALL | TEXT_BOLD, INK_FEVER);
      CrsTimelineText *item = text_at (layout, text);

      crs_timeline_layout_move_text (layout, text,
                                     layout->temperature.x - layout->pad / 2 - item->rect.width,
                                     CLAMP (fever_y - item->rect.height / 2, layout->temperature.y,
                                            layout->temperature.y + layout->temperature.height - item->rect.height));
    }
}

/* ---------------------------------------------------------------------- */
/* Infusions, onset windows, interventions */

static const char *
intervention_letter (CrsInterventionKind kind)
{
  /* Translators: one or two letters marking an intervention on the
   * timeline; the legend gives the whole name beside each */
  switch (kind)
    {
    case CRS_INTERVENTION_ANTIPYRETIC:
      return C_("intervention letter", "A");
    case CRS_INTERVENTION_ANTI_CYTOKINE:
      return C_("intervention letter", "T");
    case CRS_INTERVENTION_CORTICOSTEROID:
      return C_("intervention letter", "S");
    case CRS_INTERVENTION_FLUID_BOLUS:
      return C_("intervention letter", "F");
    case CRS_INTERVENTION_VASOPRESSOR_START:
      return C_("intervention letter", "V+");
    case CRS_INTERVENTION_VASOPRESSOR_STOP:
      return C_("intervention letter", "V−");
    case CRS_INTERVENTION_OXYGEN_CHANGE:
      return C_("intervention letter", "O₂");
    case CRS_INTERVENTION_TRANSFUSION:
      return C_("intervention letter", "B");
    case CRS_INTERVENTION_ICU_TRANSFER:
      return C_("intervention letter", "ICU");
    case CRS_INTERVENTION_INFUSION_PAUSED:
      return C_("intervention letter", "P");
    case CRS_INTERVENTION_INFUSION_STOPPED:
      return C_("intervention letter", "X");
    case CRS_INTERVENTION_OTHER:
    case CRS_INTERVENTION_UNSET:
    case CRS_INTERVENTION_N_VALUES:
    default:
      return C_("intervention letter", "+");
    }
}

static gboolean
axis_time_visible (CrsTimelineLayout *layout,
                   gint64             t)
{
  return t >= layout->from && t <= layout->to;
}

/* The interventions in the window; @kinds_seen gets a bit per kind. */
static void
layout_interventions (CrsTimelineLayout *layout,
                      guint32           *kinds_seen)
{
  CrsTimelineModel *model = layout->model;
  guint n = crs_timeline_model_get_n_interventions (model);
  double box_h = layout->line_height * 1.1;
  double y = layout->plot.y - box_h - layout->pad / 2;
  double right_limit = layout->plot.x + layout->plot.width;
  double previous_right = -G_MAXDOUBLE;

  *kinds_seen = 0;
  for (guint i = 0; i < n; i++)
    {
      const CrsTimelineIntervention *intervention = crs_timeline_model_get_intervention (model, i);
      gint64 t = crs_timeline_model_axis_time (model, intervention->at);
      CrsTimelineInterventionMark mark = { .index = i };
      CrsTimelineText *item;

      if (!axis_time_visible (layout, t))
        continue;
      mark.x = crs_timeline_layout_x_for_time (layout, t);
      mark.alpha = crs_timeline_layout_infusion_alpha (layout, crs_timeline_model_get_infusion_at (model, intervention->at));
      mark.text = add_text_flags (layout, CRS_TIMELINE_TEXT_INTERVENTION, intervention_letter (intervention->kind),
                                  TEXT_SMALL | TEXT_BOLD, INK_INTERVENTION);
      item = text_at (layout, mark.text);
      mark.box.width = MAX (box_h, item->rect.width + layout->pad);
      mark.box.height = box_h;
      mark.box.y = y;
      /* Side by side when they come close together. */
      mark.box.x = MAX (mark.x - mark.box.width / 2, previous_right + 1);
      previous_right = mark.box.x + mark.box.width;
      g_array_index (layout->paints, CrsTimelineTextPaint, mark.text).alpha = mark.alpha;
      g_array_append_val (layout->interventions, mark);
      if (intervention->kind < 32)
        *kinds_seen |= 1u << intervention->kind;
    }
  /* Back inside the plot on the right, pushing the others left. */
  for (guint i = layout->interventions->len; i > 0; i--)
    {
      CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i - 1);

      if (mark->box.x + mark->box.width > right_limit)
        mark->box.x = right_limit - mark->box.width;
      right_limit = mark->box.x - 1;
    }
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);
      CrsTimelineText *item = text_at (layout, mark->text);

      crs_timeline_layout_move_text (layout, mark->text,
                                     mark->box.x + (mark->box.width - item->rect.width) / 2,
                                     mark->box.y + (mark->box.height - item->rect.height) / 2);
    }
}

static void
add_onset_span (CrsTimelineLayout *layout,
                gint64             from,
                gint64             to)
{
  CrsTimelineRect span = { .y = layout->plot.y, .height = layout->plot.height };
  double x0, x1;

  if (to < layout->from || from > layout->to)
    return;
  x0 = MAX (crs_timeline_layout_x_for_time (layout, from), layout->plot.x);
  x1 = MIN (crs_timeline_layout_x_for_time (layout, to), layout->plot.x + layout->plot.width);
  if (x1 <= x0)
    return;
  span.x = x0;
  span.width = x1 - x0;
  for (guint i = 0; i < layout->onset_spans->len; i++)
    {
      CrsTimelineRect *other = &g_array_index (layout->onset_spans, CrsTimelineRect, i);

      if (fabs (other->x - span.x) < 0.5 && fabs (other->width - span.width) < 0.5)
        return;  /* the same therapy again, since infusion */
    }
  g_array_append_val (layout->onset_spans, span);
}

static void
layout_infusions (CrsTimelineLayout *layout)
{
  CrsTimelineModel *model = layout->model;
  guint n = crs_timeline_model_get_n_infusions (model);
  gboolean since = layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION;

  for (guint i = 0; i < n; i++)
    {
      const CrsTimelineInfusion *infusion = crs_timeline_model_get_infusion (model, i);
      gint64 base = since ? 0 : infusion->start_at;

      /* Not on a sparkline: its lines come first. */
      if (infusion->onset_from != CRS_TIMELINE_UNKNOWN && !layout->style.compact)
        add_onset_span (layout, base + infusion->onset_from, base + infusion->onset_to);
    }

  if (since)
    {
      /* Every infusion is at day 0. */
      CrsTimelineLine line = { .x = crs_timeline_layout_x_for_time (layout, 0), .alpha = 1.0, .infusion = -1 };

      if (axis_time_visible (layout, 0))
        {
          g_array_append_val (layout->infusion_lines, line);
          g_array_append_val (layout->infusion_xs, line.x);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const CrsTimelineInfusion *infusion = crs_timeline_model_get_infusion (model, i);
      CrsTimelineLine line = { .alpha = 1.0, .infusion = (int) i };
      double room;
      guint text;

      if (!axis_time_visible (layout, infusion->start_at))
        continue;
      line.x = crs_timeline_layout_x_for_time (layout, infusion->start_at);
      g_array_append_val (layout->infusion_lines, line);
      g_array_append_val (layout->infusion_xs, line.x);
      if (layout->style.compact || infusion->label == NULL)
        continue;

      /* Its name at the top of the plot, as far as the next one. */
      room = layout->plot.x + layout->plot.width - line.x - layout->pad;
      if (i + 1 < n)
        room = MIN (room, crs_timeline_layout_x_for_time (layout, crs_timeline_model_get_infusion (model, i + 1)->start_at) -
                          line.x - layout->pad);
      if (room < layout->line_height * 3)
        continue;
      text = add_text_flags (layout, CRS_TIMELINE_TEXT_INFUSION, infusion->label, TEXT_SMALL | TEXT_BOXED, INK_INFUSION);
      if (text_at (layout, text)->rect.width > room)
        ellipsize_text (layout, text, room);
      crs_timeline_layout_move_text (layout, text, line.x + layout->pad / 2, layout->plot.y + layout->pad / 4);
    }
}

/* Since infusion with several infusions: a number at the end of each
 * line, and the legend says which infusion it is. */
static void
layout_infusion_numbers (CrsTimelineLayout *layout)
{
  guint n = crs_timeline_model_get_n_infusions (layout->model);
  GArray *steps = layout->steps[CRS_TIMELINE_SERIES_CRS];

  if (layout->mode != CRS_TIMELINE_MODE_SINCE_INFUSION || n < 2)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const CrsTimelineStep *last = NULL;
      guint text;
      CrsTimelineText *item;
      double x;

      for (guint s = 0; s < steps->len; s++)
        if (g_array_index (steps, CrsTimelineStep, s).infusion == (int) i)
          last = &g_array_index (steps, CrsTimelineStep, s);
      if (last == NULL)
        continue;
      text = add_text_flags (layout, CRS_TIMELINE_TEXT_INFUSION, number, TEXT_SMALL | TEXT_BOLD | TEXT_BOXED, INK_CRS);
      item = text_at (layout, text);
      g_array_index (layout->paints, CrsTimelineTextPaint, text).alpha = crs_timeline_layout_infusion_alpha (layout, (int) i);
      x = MIN (last->x1 + layout->pad / 2, layout->plot.x + layout->plot.width - item->rect.width);
      crs_timeline_layout_move_text (layout, text, x, last->y - item->rect.height - layout->pad / 4);
    }
}

/* ---------------------------------------------------------------------- */
/* The legend */

typedef struct
{
  CrsTimelineSample sample;
  char             *letter;   /* SAMPLE_LETTER */
  char             *words;
} LegendEntry;

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *entry = data;

  g_free (entry->letter);
  g_free (entry->words);
}

static void
add_entry (GArray            *entries,
           CrsTimelineSample  sample,
           const char        *letter,
           const char        *words)
{
  LegendEntry entry = { sample, g_strdup (letter), g_strdup (words) };

  g_array_append_val (entries, entry);
}

static GArray *
legend_entries (CrsTimelineLayout *layout,
                guint32            kinds_seen)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  CrsTimelineModel *model = layout->model;

  g_array_set_clear_func (entries, legend_entry_clear);
  add_entry (entries, SAMPLE_CRS, NULL, _("CRS grade"));
  add_entry (entries, SAMPLE_ICANS, NULL, _("ICANS grade"));
  if (layout->any_at_least)
    add_entry (entries, SAMPLE_AT_LEAST, NULL, _("At least this grade (values missing)"));
  if (layout->any_gap)
    add_entry (entries, SAMPLE_GAP, NULL, _("Gap: not determined"));
  if (layout->has_news2)
    add_entry (entries, SAMPLE_NEWS2, NULL, _("NEWS2 (right axis)"));
  if (layout->has_temperature)
    add_entry (entries, SAMPLE_TEMPERATURE, NULL, _("Temperature"));
  if (layout->onset_spans->len > 0)
    add_entry (entries, SAMPLE_ONSET, NULL, _("Typical onset"));
  for (int kind = 1; kind < CRS_INTERVENTION_N_VALUES; kind++)
    if (kinds_seen & (1u << kind))
      add_entry (entries, SAMPLE_LETTER, intervention_letter (kind), crs_intervention_kind_label (kind));
  if (layout->mode == CRS_TIMELINE_MODE_SINCE_INFUSION && crs_timeline_model_get_n_infusions (model) >= 2)
    for (guint i = 0; i < crs_timeline_model_get_n_infusions (model); i++)
      {
        const CrsTimelineInfusion *infusion = crs_timeline_model_get_infusion (model, i);
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (infusion->start_at);
        /* Translators: the date of an infusion in the legend (g_date_time_format()) */
        g_autofree char *date = g_date_time_format (dt, C_("timeline legend date", "%-d %b"));
        /* Translators: an infusion in the legend: its name and its date */
        g_autofree char *words = g_strdup_printf (C_("timeline legend", "%s, %s"),
                                                  infusion->label != NULL ? infusion->label : _("Infusion"), date);

        add_entry (entries, SAMPLE_LETTER, number, words);
      }
  return entries;
}

static double
sample_width (CrsTimelineLayout *layout,
              const LegendEntry *entry)
{
  if (entry->sample == SAMPLE_LETTER)
    return MAX (layout->line_height, text_width (layout, entry->letter, TEXT_SMALL | TEXT_BOLD) + layout->pad);
  if (entry->sample == SAMPLE_AT_LEAST || entry->sample == SAMPLE_ONSET)
    return layout->line_height;
  return layout->line_height * 2.2;
}

/* Rows the legend takes in @width, items flowing left to right. */
static guint
legend_rows (CrsTimelineLayout *layout,
             GArray            *entries,
             double             width)
{
  double x = 0;
  guint rows = entries->len > 0 ? 1 : 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      double item = sample_width (layout, entry) + layout->pad / 2 + text_width (layout, entry->words, TEXT_SMALL);

      if (x > 0 && x + item > width)
        {
          rows++;
          x = 0;
        }
      x += item + layout->line_height;
    }
  return rows;
}

static void
layout_legend (CrsTimelineLayout *layout,
               GArray            *entries,
               double             top)
{
  double left = layout->pad, right = layout->width - layout->pad;
  double row_h = layout->line_height * 1.25;
  double x = left, y = top;

  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      CrsTimelineLegendItem item = { .sample = entry->sample };
      double sample_w = sample_width (layout, entry);
      guint words = add_text_flags (layout, CRS_TIMELINE_TEXT_LEGEND, entry->words, TEXT_SMALL, INK_FOREGROUND);
      double item_w = sample_w + layout->pad / 2 + text_at (layout, words)->rect.width;

      if (x > left && x + item_w > right)
        {
          x = left;
          y += row_h;
        }
      if (item_w > right - left)
        ellipsize_text (layout, words, right - left - sample_w - layout->pad / 2);
      item.rect = (CrsTimelineRect) { x, y + (row_h - layout->line_height) / 2, sample_w, layout->line_height };
      if (entry->sample == SAMPLE_LETTER)
        {
          CrsTimelineText *letter;

          item.text = add_text_flags (layout, CRS_TIMELINE_TEXT_LEGEND, entry->letter, TEXT_SMALL | TEXT_BOLD,
                                      g_ascii_isdigit (entry->letter[0]) ? INK_CRS : INK_INTERVENTION);
          letter = text_at (layout, item.text);
          crs_timeline_layout_move_text (layout, item.text,
                                         x + (sample_w - letter->rect.width) / 2,
                                         item.rect.y + (item.rect.height - letter->rect.height) / 2);
        }
      crs_timeline_layout_move_text (layout, words, x + sample_w + layout->pad / 2,
                                     y + (row_h - text_at (layout, words)->rect.height) / 2);
      g_array_append_val (layout->legend, item);
      x += item_w + layout->line_height;
    }
}

/* ---------------------------------------------------------------------- */

/* What is in the window, before anything is placed: the legend lists
 * only what is drawn. */
static void
scan_window (CrsTimelineLayout *layout)
{
  CrsTimelineModel *model = layout->model;
  guint n = crs_timeline_model_get_n_points (model);

  layout->has_visible = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CrsTimelinePoint *point = crs_timeline_model_get_point (model, i);
      gint64 t = crs_timeline_model_axis_time (model, point->at);

      if (!axis_time_visible (layout, t))
        continue;
      if (!layout->has_visible)
        layout->visible_first = i;
      layout->has_visible = TRUE;
      layout->visible_last = i;
      layout->any_at_least |= point->crs.kind == CRS_TIMELINE_AT_LEAST || point->icans.kind == CRS_TIMELINE_AT_LEAST;
      layout->any_gap |= point->crs.kind == CRS_TIMELINE_NOT_DETERMINED || point->icans.kind == CRS_TIMELINE_NOT_DETERMINED;
      layout->any_news2_partial |= point->news2_kind == CRS_TIMELINE_AT_LEAST;
    }
  if (layout->has_news2 && layout->any_news2_partial)
    layout->any_at_least = TRUE;
}

static void
layout_compact (CrsTimelineLayout *layout)
{
  double inset = layout->style.line_width / 2;

  layout->plot = (CrsTimelineRect) { inset, inset, layout->width - 2 * inset, layout->height - 2 * inset };
  layout->has_news2 = FALSE;
  layout->has_temperature = FALSE;
  layout_infusions (layout);
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

  /* Left: the grade words, and the temperatures of the strip. */
  left = grade_label_width (layout, &words);
  if (layout->has_temperature)
    left = MAX (left, text_width (layout, "100.0 °F", TEXT_SMALL | TEXT_BOLD));
  left += pad;
  right = layout->has_news2 ? MAX (text_width (layout, "20", TEXT_SMALL), text_width (layout, _("NEWS2"), TEXT_SMALL | TEXT_BOLD)) + pad
                            : pad;
  layout->plot.x = pad / 2 + left;
  layout->plot.width = MAX (layout->width - layout->plot.x - right, 1);

  /* The legend needs the interventions and onset windows shown; both
   * depend only on x. Its height decides the plot's. */
  layout->plot.y = pad + header;
  layout_interventions (layout, &kinds_seen);
  layout_infusions (layout);
  entries = legend_entries (layout, kinds_seen);
  rows = legend_rows (layout, entries, layout->width - 2 * pad);
  legend_h = rows * row_h + pad / 2;

  available = layout->height - layout->plot.y - ticks_h - pad / 2;
  if (available - legend_h < lh * 5 * (layout->has_temperature ? 1.6 : 1.0) || legend_h > layout->height * 0.3)
    legend_h = 0;  /* too small for a legend: the plot first */
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
      text_at (layout, mark->text)->rect.y += dy;
    }

  layout_ticks (layout, plot_bottom + pad / 2);
  layout_grade_labels (layout, words);
  if (layout->has_news2)
    layout_news2_axis (layout);
  if (layout->has_temperature)
    layout_temperature_axis (layout);
  crs_timeline_layout_build_series (layout);
  layout_infusion_numbers (layout);
  if (layout->has_legend)
    layout_legend (layout, entries, plot_bottom + ticks_h + pad / 2);

  if (layout->onset_spans->len > 0)
    {
      const CrsTimelineRect *span = &g_array_index (layout->onset_spans, CrsTimelineRect, 0);
      guint text = add_text_flags (layout, CRS_TIMELINE_TEXT_ONSET, _("Typical onset"), TEXT_SMALL | TEXT_BOXED, INK_FOREGROUND);
      CrsTimelineText *item = text_at (layout, text);

      /* Named at the top of the span, below an infusion's name there,
       * when there is room; the legend names it anyway. */
      double y = span->y + layout->pad / 4;

      for (guint i = 0; i < text; i++)
        {
          const CrsTimelineText *other = text_at (layout, i);

          if (other->role == CRS_TIMELINE_TEXT_INFUSION &&
              other->rect.x < span->x + item->rect.width + pad && other->rect.x + other->rect.width > span->x &&
              other->rect.y < y + item->rect.height && other->rect.y + other->rect.height > y)
            y = other->rect.y + other->rect.height + layout->pad / 4;
        }
      if (item->rect.width + pad <= span->width)
        crs_timeline_layout_move_text (layout, text, span->x + pad / 2, y);
      else
        {
          g_array_set_size (layout->texts, layout->texts->len - 1);
          g_clear_object (&g_array_index (layout->paints, CrsTimelineTextPaint, layout->paints->len - 1).layout);
          g_array_set_size (layout->paints, layout->paints->len - 1);
        }
    }

  if (!layout->has_visible)
    {
      guint text = add_text_flags (layout, CRS_TIMELINE_TEXT_MESSAGE, _("No observations in this period"),
                                   TEXT_BOXED, INK_FOREGROUND);
      CrsTimelineText *item = text_at (layout, text);

      if (item->rect.width > layout->plot.width - pad)
        ellipsize_text (layout, text, MAX (layout->plot.width - pad, 1));
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
    g_autoptr(PangoLayout) probe = new_pango_layout (layout, "0", TEXT_SMALL);

    measure (probe, NULL, &layout->line_height);
  }
  layout->pad = ceil (layout->line_height * 0.5);
  layout->marker_size = MAX (layout->style.line_width * 2.6, 4 * layout->pixel);

  layout->mode = crs_timeline_model_get_effective_mode (model);
  crs_timeline_model_get_window (model, &layout->from, &layout->to);
  layout->now = crs_timeline_model_get_effective_now (model);
  layout->has_news2 = crs_timeline_model_get_show_news2 (model);
  layout->has_temperature = crs_timeline_model_get_show_temperature (model);
  if (layout->has_temperature)
    temperature_extent (layout);
  scan_window (layout);

  if (style->compact)
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
