/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-marks.c: infusions (vertical markers in calendar time,
 * day 0 since infusion), the typical onset window, interventions (a
 * letter in a box above the plot, side by side when close) and the
 * legend (only what is drawn, flowing over as many rows as it needs). */
#define G_LOG_DOMAIN "crs-timeline-marks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-timeline-layout-private.h"

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

/* The interventions in the window; @kinds_seen gets a bit per kind. */
void
crs_timeline_layout_interventions (CrsTimelineLayout *layout,
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

      if (!crs_timeline_layout_visible (layout, t))
        continue;
      mark.x = crs_timeline_layout_x_for_time (layout, t);
      mark.alpha = crs_timeline_layout_infusion_alpha (layout, crs_timeline_model_get_infusion_at (model, intervention->at));
      mark.text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_INTERVENTION, intervention_letter (intervention->kind),
                                  CRS_TEXT_SMALL | CRS_TEXT_BOLD, INK_INTERVENTION);
      item = crs_timeline_layout_text (layout, mark.text);
      mark.box.width = MAX (box_h, item->rect.width + layout->pad);
      mark.box.height = box_h;
      mark.box.y = y;
      /* Side by side when they come close together; when there is no
       * room near its time (months on a narrow chart), only its line. */
      mark.box.x = MAX (mark.x - mark.box.width / 2, previous_right + 1);
      if (mark.box.x - (mark.x - mark.box.width / 2) > mark.box.width)
        {
          crs_timeline_layout_drop_last_text (layout);
          mark.text = G_MAXUINT;
          mark.box.width = 0;
          g_array_append_val (layout->interventions, mark);
          continue;
        }
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

      if (mark->text == G_MAXUINT)
        continue;
      if (mark->box.x + mark->box.width > right_limit)
        mark->box.x = right_limit - mark->box.width;
      right_limit = mark->box.x - 1;
    }
  for (guint i = 0; i < layout->interventions->len; i++)
    {
      CrsTimelineInterventionMark *mark = &g_array_index (layout->interventions, CrsTimelineInterventionMark, i);
      CrsTimelineText *item;

      if (mark->text == G_MAXUINT)
        continue;
      item = crs_timeline_layout_text (layout, mark->text);
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

void
crs_timeline_layout_infusions (CrsTimelineLayout *layout)
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

      if (crs_timeline_layout_visible (layout, 0))
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

      if (!crs_timeline_layout_visible (layout, infusion->start_at))
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
      text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_INFUSION, infusion->label, CRS_TEXT_SMALL | CRS_TEXT_BOXED, INK_INFUSION);
      if (crs_timeline_layout_text (layout, text)->rect.width > room)
        crs_timeline_layout_ellipsize_text (layout, text, room);
      crs_timeline_layout_move_text (layout, text, line.x + layout->pad / 2, layout->plot.y + layout->pad / 4);
    }
}

/* Since infusion with several infusions: a number at the end of each
 * line, and the legend says which infusion it is. */
void
crs_timeline_layout_infusion_numbers (CrsTimelineLayout *layout)
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
      text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_INFUSION, number, CRS_TEXT_SMALL | CRS_TEXT_BOLD | CRS_TEXT_BOXED, INK_CRS);
      item = crs_timeline_layout_text (layout, text);
      g_array_index (layout->paints, CrsTimelineTextPaint, text).alpha = crs_timeline_layout_infusion_alpha (layout, (int) i);
      x = MIN (last->x1 + layout->pad / 2, layout->plot.x + layout->plot.width - item->rect.width - layout->marker_size * 1.5);
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

GArray *
crs_timeline_layout_legend_entries (CrsTimelineLayout *layout,
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

void
crs_timeline_layout_legend_keep_lines (GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CrsTimelineSample sample = g_array_index (entries, LegendEntry, i).sample;

      if (sample == SAMPLE_ONSET || sample == SAMPLE_LETTER)
        {
          g_array_set_size (entries, i);
          return;
        }
    }
}

static double
sample_width (CrsTimelineLayout *layout,
              const LegendEntry *entry)
{
  if (entry->sample == SAMPLE_LETTER)
    return MAX (layout->line_height, crs_timeline_layout_text_width (layout, entry->letter, CRS_TEXT_SMALL | CRS_TEXT_BOLD) + layout->pad);
  if (entry->sample == SAMPLE_AT_LEAST || entry->sample == SAMPLE_ONSET)
    return layout->line_height;
  return layout->line_height * 2.2;
}

/* Rows the legend takes in @width, items flowing left to right. */
guint
crs_timeline_layout_legend_rows (CrsTimelineLayout *layout,
                                 GArray            *entries,
                                 double             width)
{
  double x = 0;
  guint rows = entries->len > 0 ? 1 : 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      double item = sample_width (layout, entry) + layout->pad / 2 + crs_timeline_layout_text_width (layout, entry->words, CRS_TEXT_SMALL);

      if (x > 0 && x + item > width)
        {
          rows++;
          x = 0;
        }
      x += item + layout->line_height;
    }
  return rows;
}

void
crs_timeline_layout_legend (CrsTimelineLayout *layout,
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
      guint words = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_LEGEND, entry->words, CRS_TEXT_SMALL, INK_FOREGROUND);
      double item_w = sample_w + layout->pad / 2 + crs_timeline_layout_text (layout, words)->rect.width;

      if (x > left && x + item_w > right)
        {
          x = left;
          y += row_h;
        }
      if (item_w > right - left)
        crs_timeline_layout_ellipsize_text (layout, words, right - left - sample_w - layout->pad / 2);
      item.rect = (CrsTimelineRect) { x, y + (row_h - layout->line_height) / 2, sample_w, layout->line_height };
      if (entry->sample == SAMPLE_LETTER)
        {
          CrsTimelineText *letter;

          item.text = crs_timeline_layout_add_text (layout, CRS_TIMELINE_TEXT_LEGEND, entry->letter, CRS_TEXT_SMALL | CRS_TEXT_BOLD,
                                      g_ascii_isdigit (entry->letter[0]) ? INK_CRS : INK_INTERVENTION);
          letter = crs_timeline_layout_text (layout, item.text);
          crs_timeline_layout_move_text (layout, item.text,
                                         x + (sample_w - letter->rect.width) / 2,
                                         item.rect.y + (item.rect.height - letter->rect.height) / 2);
        }
      crs_timeline_layout_move_text (layout, words, x + sample_w + layout->pad / 2,
                                     y + (row_h - crs_timeline_layout_text (layout, words)->rect.height) / 2);
      g_array_append_val (layout->legend, item);
      x += item_w + layout->line_height;
    }
}
