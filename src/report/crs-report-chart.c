/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-chart.c: "Print blank charts": per patient, one page of a
 * blank observation chart for when CRS Watch cannot be used, filled in
 * with the patient's name, MRN, bed, therapy and infusion day, with rows
 * for every observation the app records, boxes for the grades, and the
 * rules and escalation thresholds in short (crs-chart-rules.h). */
#define G_LOG_DOMAIN "crs-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/crs-chart-rules.h"
#include "core/crs-format.h"
#include "crs-report-private.h"

#define CHART_COLUMNS   8
#define CHART_LABEL     128.0
/* Row heights: 8 mm to write a value by hand, down to 6 mm where the
 * chart would not otherwise fit on its page (a child's rows and rules on
 * Letter paper). */
#define CHART_ROW       22.0
#define CHART_ROW_MIN   17.0

typedef enum {
  ROW_PLAIN = 0,
  ROW_GRADE,      /* boxes 0 1 2 3 4 to circle */
  ROW_HEADER,     /* date and time, heavier */
} RowKind;

typedef struct
{
  RowKind  kind;
  char    *label;
  char    *unit;
} ChartRow;

typedef struct
{
  CrsReportBuilder *builder;   /* borrowed: lives as long as the report */
  GPtrArray        *rows;      /* ChartRow * */
  double            row;       /* height of a row */
} Chart;

static void
chart_row_free (ChartRow *row)
{
  g_free (row->label);
  g_free (row->unit);
  g_free (row);
}

static void
chart_free (Chart *chart)
{
  g_ptr_array_unref (chart->rows);
  g_free (chart);
}

static void
add_row (Chart      *chart,
         RowKind     kind,
         const char *label,
         const char *unit)
{
  ChartRow *row = g_new0 (ChartRow, 1);

  row->kind = kind;
  row->label = g_strdup (label);
  row->unit = g_strdup (unit);
  g_ptr_array_add (chart->rows, row);
}

static void
show_text (cairo_t          *cr,
           CrsReportBuilder *builder,
           CrsReportFont     font,
           double            x,
           double            y,
           double            width,
           double            row,
           const char       *markup,
           gboolean          centre)
{
  g_autoptr(PangoLayout) layout = crs_report_layout (builder, font, width, markup);
  int height;

  if (centre)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, NULL, &height);
  crs_report_set_ink (cr, 0);
  cairo_move_to (cr, x, y + (row - (double) height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  Chart *chart = data;
  double column = (width - CHART_LABEL) / CHART_COLUMNS;

  for (guint r = 0; r < chart->rows->len; r++)
    {
      ChartRow *row = g_ptr_array_index (chart->rows, r);
      double y = r * chart->row;
      g_autofree char *label = crs_report_escape (row->label);
      g_autofree char *unit = crs_report_escape (row->unit);
      g_autofree char *markup = row->unit != NULL ? g_strdup_printf ("<b>%s</b> %s", label, unit)
                                                  : g_strdup_printf ("<b>%s</b>", label);

      /* Every other row in a light grey: rows stay apart in black and white. */
      if (r % 2 == 1)
        {
          crs_report_set_ink (cr, 0.93);
          cairo_rectangle (cr, 0, y, width, chart->row);
          cairo_fill (cr);
        }
      show_text (cr, chart->builder, CRS_REPORT_FONT_SMALL, 3, y, CHART_LABEL - 6, chart->row, markup, FALSE);
      if (row->kind == ROW_GRADE)
        for (int c = 0; c < CHART_COLUMNS; c++)
          for (int g = 0; g <= 4; g++)
            {
              g_autofree char *digit = g_strdup_printf ("%d", g);
              double x = CHART_LABEL + c * column + 2 + g * (column - 4) / 5;

              show_text (cr, chart->builder, CRS_REPORT_FONT_SMALL, x, y, (column - 4) / 5, chart->row, digit, TRUE);
            }
    }

  /* The grid. */
  crs_report_set_ink (cr, 0);
  cairo_set_line_width (cr, 0.5);
  for (guint r = 0; r <= chart->rows->len; r++)
    {
      cairo_move_to (cr, 0, r * chart->row);
      cairo_line_to (cr, width, r * chart->row);
    }
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, 0, chart->rows->len * chart->row);
  for (int c = 0; c <= CHART_COLUMNS; c++)
    {
      cairo_move_to (cr, CHART_LABEL + c * column, 0);
      cairo_line_to (cr, CHART_LABEL + c * column, chart->rows->len * chart->row);
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, 0, chart->row);
  cairo_line_to (cr, width, chart->row);
  cairo_rectangle (cr, 0, 0, width, chart->rows->len * chart->row);
  cairo_stroke (cr);
}

static Chart *
chart_new (CrsReportBuilder *builder,
           CrsPatientStatus *status)
{
  Chart *chart = g_new0 (Chart, 1);
  CrsGradingContext context;
  gboolean pews;
  gboolean capd;

  /* Whether the patient is scored with PEWS, and whether ICANS is by CAPD,
   * as the status and the form say for a set taken now. */
  crs_patient_status_context (status, status->now, &context);
  pews = crs_patient_status_uses_pews (status);
  capd = crs_grading_uses_capd (&context, &status->policy);

  chart->builder = builder;
  chart->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_row_free);
  chart->row = CHART_ROW;
  add_row (chart, ROW_HEADER, _("Date and time"), NULL);
  add_row (chart, ROW_PLAIN, _("Temperature"), "°C");
  add_row (chart, ROW_PLAIN, _("Pulse"), "/min");
  add_row (chart, ROW_PLAIN, _("Respiratory rate"), "/min");
  if (pews)
    add_row (chart, ROW_PLAIN, _("Resp. distress"), _("none to severe"));
  add_row (chart, ROW_PLAIN, _("Blood pressure"), "mmHg");
  add_row (chart, ROW_PLAIN, "SpO₂", "%");
  add_row (chart, ROW_PLAIN, _("Oxygen device"), NULL);
  add_row (chart, ROW_PLAIN, _("Oxygen given"), _("L/min or %"));
  if (pews)
    add_row (chart, ROW_PLAIN, _("Capillary refill"), _("seconds"));
  add_row (chart, ROW_PLAIN, _("Vasopressors"), _("n; vasopressin?"));
  add_row (chart, ROW_PLAIN, "ACVPU", NULL);
  add_row (chart, ROW_PLAIN, _("Awakens"), _("spont./voice/touch/no"));
  if (capd)
    add_row (chart, ROW_PLAIN, "CAPD", "0–32");
  else
    add_row (chart, ROW_PLAIN, _("ICE score"), "0–10");
  add_row (chart, ROW_PLAIN, _("Seizure, weakness, oedema"), NULL);
  add_row (chart, ROW_PLAIN, _("Emergency symptom"), NULL);
  if (pews)
    {
      add_row (chart, ROW_PLAIN, _("Carer says"), _("worse/same/better"));
      add_row (chart, ROW_PLAIN, _("Sepsis; your intuition"), NULL);
    }
  add_row (chart, ROW_GRADE, _("CRS grade"), _("circle"));
  add_row (chart, ROW_GRADE, _("ICANS grade"), _("circle"));
  if (pews)
    add_row (chart, ROW_PLAIN, _("PEWS total and level"), NULL);
  else
    add_row (chart, ROW_PLAIN, _("NEWS2 total"), NULL);
  add_row (chart, ROW_PLAIN, _("Red flag: who was told"), NULL);
  add_row (chart, ROW_PLAIN, _("Initials"), NULL);
  return chart;
}

static void
build_chart (CrsReportBuilder   *builder,
             CrsHandoverPatient *hp,
             guint               index)
{
  CrsPatientStatus *status = hp->status;
  CrsPatient *patient = status->patient;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rules = crs_chart_rules (&status->policy);
  g_autofree char *title = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *therapy = NULL;
  CrsReportBlock *block;
  CrsReportItem *item;
  CrsReportItem *grid;
  Chart *chart;
  double height = 0;
  int age = crs_patient_age_years (patient, status->now);

  {
    g_autofree char *name = crs_report_escape (patient->name != NULL && *patient->name != '\0' ? patient->name
                                                                                               : patient->mrn);
    g_autofree char *bed = crs_report_escape (patient->bed);

    title = patient->bed != NULL && *patient->bed != '\0'
            ? g_strdup_printf (_("Bed %s · %s"), bed, name) : g_strdup (name);
  }
  block = crs_report_block_new (builder, index, title);
  block->new_page = TRUE;
  item = crs_report_add_text (builder, block, CRS_REPORT_FONT_TITLE, 0, title);
  item->keep_with_next = TRUE;

  g_ptr_array_add (parts, g_strdup_printf (_("MRN %s"), patient->mrn));
  if (age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", age), age));
  if (patient->birth_date != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("born %s"), patient->birth_date));
  if (patient->sex != CRS_SEX_UNSET)
    g_ptr_array_add (parts, g_strdup (crs_sex_label (patient->sex)));
  if (!isnan (patient->weight_kg))
    g_ptr_array_add (parts, g_strdup_printf (_("%g kg"), patient->weight_kg));
  g_ptr_array_add (parts, NULL);
  identity = g_strjoinv (" · ", (char **) parts->pdata);
  {
    g_autofree char *m = crs_report_escape (identity);
    crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0, m)->space_before = 2;
  }

  if (status->infusion != NULL)
    {
      g_autofree char *started = crs_format_date_time (status->infusion->start_at);
      g_autofree char *today = crs_format_date_time (status->now);
      const char *name = status->window->therapy_name;
      g_autofree char *step = status->infusion->step_label != NULL
                              ? g_strdup_printf (", %s", status->infusion->step_label) : g_strdup ("");

      therapy = status->infusion_day >= 0
                /* TRANSLATORS: e.g. "teclistamab, step-up dose 1, started 3 Mar 2024 14:05: day 2 on
                 * 5 Mar 2024 09:00 (day 0 = the day of the infusion)" */
                ? g_strdup_printf (_("%s%s, started %s: day %d on %s (day 0 = the day of the infusion)"),
                                   name, step, started, status->infusion_day, today)
                : g_strdup_printf (_("%s%s, starts %s"), name, step, started);
    }
  else
    therapy = g_strdup (_("No infusion recorded"));
  {
    g_autofree char *m = crs_report_escape (therapy);
    g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", _("Therapy:"), m);

    crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0, markup)->space_before = 2;
  }

  chart = chart_new (builder, status);
  grid = crs_report_add_drawing (block, chart->rows->len * chart->row + 1, draw_chart, chart,
                                 (GDestroyNotify) chart_free);
  grid->space_before = 8;

  /* A child's PEWS where NEWS2 stands (the rules are CRS, ICANS, NEWS2,
   * ...): the chart stays on one page. */
  if (crs_patient_status_uses_pews (status))
    {
      g_ptr_array_remove_index (rules, 2);
      g_ptr_array_insert (rules, 2, crs_chart_rule_pews ());
    }
  for (guint i = 0; i < rules->len; i++)
    {
      CrsChartRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *t = crs_report_escape (rule->title);
      g_autofree char *x = crs_report_escape (rule->text);
      g_autofree char *markup = g_strdup_printf ("<b>%s.</b> %s", t, x);

      crs_report_add_text (builder, block, CRS_REPORT_FONT_SMALL, 0, markup)->space_before = i == 0 ? 8 : 3;
    }
  crs_report_add_text (builder, block, CRS_REPORT_FONT_SMALL, 0,
                       _("Enter these sets in CRS Watch when it is back, with the time each was taken."))
    ->space_before = 4;

  /* One page per patient: rows closer together when the page is short. */
  for (guint i = 0; i < block->items->len; i++)
    {
      CrsReportItem *it = g_ptr_array_index (block->items, i);

      height += (i > 0 ? it->space_before : 0) + it->height;
    }
  if (height > builder->body_height)
    {
      double row = chart->row - (height - builder->body_height) / chart->rows->len;

      chart->row = floor (MAX (row, CHART_ROW_MIN) * 4) / 4;
      grid->height = chart->rows->len * chart->row + 1;
    }
}

void
crs_report_build_charts (CrsReportBuilder *builder,
                         CrsHandover      *handover)
{
  if (handover->patients->len == 0)
    {
      CrsReportBlock *block = crs_report_block_new (builder, -1, NULL);

      crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0, _("No patients on this ward for this report."));
      return;
    }
  for (guint i = 0; i < handover->patients->len; i++)
    build_chart (builder, g_ptr_array_index (handover->patients, i), i);
}
