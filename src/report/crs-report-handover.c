/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-handover.c: what the handover report says, as blocks: the
 * ward summary first, then one block per patient.
 *
 * Every clinical word comes from the patient's status (core) and their
 * records, written as the ward list and the patient page write them:
 * grades as of now with "at least" and "not determined", the last grade
 * known with its time, open and acknowledged red flags, the due time and
 * its rule. Nothing here grades or decides. */
#define G_LOG_DOMAIN "crs-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-grade-word.h"
#include "core/crs-risk.h"
#include "crs-report-private.h"
#include "crs-timeline-feed.h"
#include "crs-timeline-render.h"

#define LABEL_WIDTH      78.0
#define TIMELINE_HEIGHT  132.0
#define WRITING_LINES    3
#define WRITING_GAP      17.0

/* ---------------------------------------------------------------------- */
/* Words */

static const char *
patient_name (CrsPatient *patient)
{
  return patient->name != NULL && *patient->name != '\0' ? patient->name : patient->mrn;
}

/* "Bed 04 · Harold Whitcombe", or the name alone without a bed. */
static char *
bed_and_name (CrsPatient *patient)
{
  if (patient->bed != NULL && *patient->bed != '\0')
    /* TRANSLATORS: a patient's bed and name, e.g. "Bed 04 · Harold Whitcombe" */
    return g_strdup_printf (_("Bed %s · %s"), patient->bed, patient_name (patient));
  return g_strdup (patient_name (patient));
}

static void
add_part (GPtrArray  *parts,
          char       *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (parts, text);
  else
    g_free (text);
}

static char *
join (GPtrArray  *parts,
      const char *separator)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **) parts->pdata);
}

/* "MRN 1234 · 58 years · male · 82 kg · Diffuse large B-cell lymphoma" */
static char *
identity_line (CrsPatientStatus *status)
{
  CrsPatient *patient = status->patient;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int age = crs_patient_age_years (patient, status->now);

  add_part (parts, g_strdup_printf (_("MRN %s"), patient->mrn));
  if (age >= 0)
    add_part (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", age), age));
  if (patient->sex != CRS_SEX_UNSET)
    add_part (parts, g_strdup (crs_sex_label (patient->sex)));
  if (!isnan (patient->weight_kg))
    add_part (parts, g_strdup_printf (_("%g kg"), patient->weight_kg));
  add_part (parts, g_strdup (patient->diagnosis));
  if (patient->use_capd)
    add_part (parts, g_strdup (_("ICANS by CAPD")));
  return join (parts, " · ");
}

/* "teclistamab, step-up dose 1, 0.06 mg/kg, started 3 Mar 2024 14:05
 * (Day 2, 49 h)" */
static char *
infusion_text (CrsInfusion *infusion,
               CrsTherapy  *therapy,
               gint64       now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = crs_format_date_time (infusion->start_at);
  g_autofree char *since = crs_format_since_infusion (infusion->start_at, now);

  if (therapy != NULL)
    add_part (parts, crs_therapy_dup_display_name (therapy));
  else
    add_part (parts, g_strdup (infusion->therapy_name != NULL ? infusion->therapy_name : infusion->therapy_code));
  add_part (parts, g_strdup (infusion->step_label));
  if (!isnan (infusion->dose))
    {
      g_autofree char *dose = crs_format_decimal (infusion->dose, infusion->dose == floor (infusion->dose) ? 0 : 2);

      add_part (parts, g_strdup_printf ("%s %s", dose, infusion->dose_unit != NULL ? infusion->dose_unit : ""));
    }
  if (infusion->start_at <= now)
    /* TRANSLATORS: when an infusion started and the day since, e.g.
     * "started 3 Mar 2024 14:05 (Day 2, 49 h)" */
    add_part (parts, g_strdup_printf (_("started %s (%s)"), when, since));
  else
    /* TRANSLATORS: an infusion still to come, e.g. "starts 3 Mar 2024 14:05" */
    add_part (parts, g_strdup_printf (_("starts %s"), when));
  return join (parts, ", ");
}

/* "<b>2 moderate</b> · rising (grade 1 before)" and the reason, the grade
 * saved where it differs, the last grade known and the highest of the
 * period, one per line. */
static char *
scale_markup (CrsHandoverPatient *hp,
              const char         *scale)
{
  CrsPatientStatus *status = hp->status;
  gboolean icans = g_str_equal (scale, "ICANS");
  const CrsScaleStatus *s = icans ? &status->icans : &status->crs;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *grade = crs_scale_status_text (s);
  g_autofree char *grade_markup = crs_report_escape (grade);
  g_autofree char *summary = icans ? crs_grading_icans_summary (status->latest_grading)
                                   : crs_grading_crs_summary (status->latest_grading);
  g_autofree char *differs = crs_patient_status_differs_text (status, scale);
  g_autofree char *last = crs_patient_status_last_text (status, scale);
  g_autofree char *highest = crs_status_period_text (status, &hp->period, scale);

  g_string_append_printf (text, "<b>%s</b>", grade_markup);
  if (s->rising)
    {
      /* TRANSLATORS: the grade is higher than in the set before */
      g_autofree char *rising = g_strdup_printf (_("rising: grade %d before"), s->previous);
      g_autofree char *m = crs_report_escape (rising);

      /* An arrow and the word: no colour needed. */
      g_string_append_printf (text, "  <b>▲ %s</b>", m);
    }
  g_string_append_c (text, '\n');
  {
    g_autofree char *m = crs_report_escape (summary);
    g_string_append (text, m);
  }
  if (differs != NULL)
    {
      g_autofree char *m = crs_report_escape (differs);
      g_string_append_printf (text, "\n%s", m);
    }
  if (last != NULL)
    {
      g_autofree char *m = crs_report_escape (last);
      g_string_append_printf (text, "\n<b>%s</b>", m);
    }
  {
    /* TRANSLATORS: the highest grade of the report's period, e.g. "In this
     * period: Highest 3 severe at 14:05" */
    g_autofree char *line = g_strdup_printf (_("In this period: %s"), highest);
    g_autofree char *m = crs_report_escape (line);
    g_string_append_printf (text, "\n%s", m);
  }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The newest set (of the status's sets, newest first) for which @has is
 * TRUE. */
typedef gboolean (*HasValue) (CrsObservation *set);

static gboolean has_temperature (CrsObservation *o) { return !isnan (o->temperature_c); }
static gboolean has_pulse (CrsObservation *o) { return !crs_is_missing_int (o->heart_rate); }
static gboolean has_resp (CrsObservation *o) { return !crs_is_missing_int (o->resp_rate); }
static gboolean has_bp (CrsObservation *o) { return !crs_is_missing_int (o->systolic); }
static gboolean has_spo2 (CrsObservation *o) { return !crs_is_missing_int (o->spo2); }
static gboolean has_oxygen (CrsObservation *o) { return o->o2_device != CRS_O2_UNSET || !isnan (o->o2_flow_l_min) ||
                                                        !isnan (o->o2_percent); }
static gboolean has_distress (CrsObservation *o) { return o->resp_distress != CRS_RESP_DISTRESS_UNSET; }
static gboolean has_crt (CrsObservation *o) { return !isnan (o->crt_s); }
static gboolean has_acvpu (CrsObservation *o) { return o->acvpu != CRS_ACVPU_UNSET; }
static gboolean has_tool (CrsObservation *o) { return o->ice_items_recorded || !crs_is_missing_int (o->ice_total) ||
                                                      !crs_is_missing_int (o->capd); }

static CrsObservation *
newest_with (CrsPatientStatus *status,
             HasValue          has)
{
  for (guint i = status->sets->len; i > 0; i--)
    {
      CrsObservation *set = g_ptr_array_index (status->sets, i - 1);

      if (has (set))
        return set;
    }
  return NULL;
}

/* @text, with the time of @set when it is not the newest set. */
static void
add_vital (GPtrArray        *parts,
           CrsPatientStatus *status,
           CrsObservation   *set,
           char             *text)
{
  if (set != status->latest)
    {
      g_autofree char *when = crs_format_time (set->taken_at, status->now);

      /* TRANSLATORS: a value from an earlier set and its time, e.g. "Pulse 98/min (12:00)" */
      add_part (parts, g_strdup_printf (_("%s (%s)"), text, when));
      g_free (text);
    }
  else
    add_part (parts, text);
}

/* Oxygen given as a percentage: "40 %". */
static char *
percent_text (double percent)
{
  g_autofree char *number = crs_format_decimal (percent, 0);

  return g_strdup_printf ("%s %%", number);
}

/* The latest vital signs, each from the newest set that recorded it. */
static char *
vitals_text (CrsPatientStatus *status)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  CrsObservation *set;

  if ((set = newest_with (status, has_temperature)) != NULL)
    {
      g_autofree char *t = crs_format_temperature (set->temperature_c, status->policy.temperature_unit);
      add_vital (parts, status, set, g_strdup_printf (_("Temperature %s"), t));
    }
  if ((set = newest_with (status, has_pulse)) != NULL)
    add_vital (parts, status, set, g_strdup_printf (_("Pulse %d/min"), set->heart_rate));
  if ((set = newest_with (status, has_resp)) != NULL)
    add_vital (parts, status, set, g_strdup_printf (_("Respiratory rate %d/min"), set->resp_rate));
  if ((set = newest_with (status, has_bp)) != NULL)
    add_vital (parts, status, set,
               crs_is_missing_int (set->diastolic)
               ? g_strdup_printf (_("BP %d mmHg systolic"), set->systolic)
               /* TRANSLATORS: blood pressure, e.g. "BP 95/60 mmHg" */
               : g_strdup_printf (_("BP %d/%d mmHg"), set->systolic, set->diastolic));
  if ((set = newest_with (status, has_spo2)) != NULL)
    add_vital (parts, status, set, g_strdup_printf (_("SpO₂ %d%%"), set->spo2));
  if ((set = newest_with (status, has_distress)) != NULL)
    /* A child's (PEWS): "Mild respiratory distress". */
    add_vital (parts, status, set, g_strdup (crs_resp_distress_label (set->resp_distress)));
  if ((set = newest_with (status, has_oxygen)) != NULL)
    {
      g_autofree char *flow = !isnan (set->o2_flow_l_min) ? crs_format_flow (set->o2_flow_l_min)
                              : !isnan (set->o2_percent) ? percent_text (set->o2_percent) : NULL;
      const char *device = set->o2_device != CRS_O2_UNSET ? crs_o2_device_label (set->o2_device) : NULL;

      add_vital (parts, status, set,
                 device != NULL && flow != NULL ? g_strdup_printf (_("Oxygen: %s %s"), device, flow)
                 : g_strdup_printf (_("Oxygen: %s"), device != NULL ? device : flow));
    }
  if (status->latest != NULL && status->latest->vasopressors > 0)
    add_part (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d vasopressor", "%d vasopressors",
                                                   status->latest->vasopressors),
                                      status->latest->vasopressors));
  if (status->latest != NULL && status->latest->vasopressin == CRS_TRI_YES)
    add_part (parts, g_strdup (_("vasopressin")));
  if ((set = newest_with (status, has_crt)) != NULL)
    {
      g_autofree char *seconds = crs_format_decimal (set->crt_s, set->crt_s == floor (set->crt_s) ? 0 : 1);

      /* TRANSLATORS: capillary refill time, e.g. "Capillary refill 3 s" */
      add_vital (parts, status, set, g_strdup_printf (_("Capillary refill %s s"), seconds));
    }
  if ((set = newest_with (status, has_acvpu)) != NULL)
    add_vital (parts, status, set, g_strdup_printf (_("ACVPU %s"), crs_acvpu_label (set->acvpu)));
  if ((set = newest_with (status, has_tool)) != NULL)
    add_vital (parts, status, set,
               !crs_is_missing_int (set->capd) && !set->ice_items_recorded && crs_is_missing_int (set->ice_total)
               ? g_strdup_printf (_("CAPD %d"), set->capd)
               : g_strdup_printf (_("ICE %d/10"), crs_observation_get_ice_score (set)));
  if (parts->len == 0)
    return g_strdup (_("No vital signs recorded."));
  return join (parts, " · ");
}

/* ---------------------------------------------------------------------- */
/* The 72-hour timeline: the chart of the patient page's summary, filled
 * by the same feed (crs-timeline-feed.h) from the same status, drawn by
 * the same renderer in its paper style. */

static CrsTimelineModel *
timeline_model (CrsHandoverPatient *hp)
{
  CrsTimelineModel *model = crs_timeline_model_new ();

  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_CALENDAR);
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_feed_fill (model, hp->status, hp->infusions, hp->interventions);
  return model;
}

static void
draw_timeline (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  data)
{
  CrsTimelineStyle style;

  crs_timeline_style_init_default (&style);
  style.font_size = 7;
  style.line_width = 1.4;
  /* The same renderer as the screen, on paper: a thin frame around it. */
  crs_timeline_render (cr, width, height - 4, &style, CRS_TIMELINE_MODEL (data));
  crs_report_set_ink (cr, 0.55);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 0.25, 0.25, width - 0.5, height - 4.5);
  cairo_stroke (cr);
}

/* Ruled lines to write on. */
static void
draw_writing_lines (cairo_t  *cr,
                    double    width,
                    double    height,
                    gpointer  data)
{
  crs_report_set_ink (cr, 0.45);
  cairo_set_line_width (cr, 0.5);
  for (int i = 1; i * WRITING_GAP <= height; i++)
    {
      cairo_move_to (cr, 0, i * WRITING_GAP);
      cairo_line_to (cr, width, i * WRITING_GAP);
    }
  cairo_stroke (cr);
}

/* ---------------------------------------------------------------------- */
/* The ward summary */

static char *
patients_list (CrsHandover *handover,
               gboolean   (*which) (CrsHandoverPatient *))
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < handover->patients->len; i++)
    {
      CrsHandoverPatient *hp = g_ptr_array_index (handover->patients, i);

      if (which (hp))
        g_ptr_array_add (names, bed_and_name (hp->status->patient));
    }
  return join (names, "; ");
}

static gboolean is_open (CrsHandoverPatient *hp) { return hp->status->open->len > 0; }
static gboolean is_overdue (CrsHandoverPatient *hp) { return hp->status->due.status == CRS_DUE_OVERDUE; }
static gboolean is_continuous (CrsHandoverPatient *hp) { return hp->status->due.continuous; }
static gboolean is_escalated (CrsHandoverPatient *hp) { return hp->period.escalated && hp->status->open->len == 0; }

static void
add_count_line (CrsReportBuilder *builder,
                CrsReportBlock   *block,
                CrsHandover      *handover,
                const char       *label,
                guint             count,
                gboolean        (*which) (CrsHandoverPatient *))
{
  g_autofree char *label_markup = crs_report_escape (label);
  g_autofree char *names = count > 0 ? patients_list (handover, which) : NULL;
  g_autofree char *names_markup = crs_report_escape (names);
  g_autofree char *markup = count > 0 ? g_strdup_printf ("<b>%u</b>: %s", count, names_markup)
                                      : g_strdup_printf ("<b>%s</b>", C_("count", "none"));
  CrsReportItem *item = crs_report_add_labelled (builder, block, 205, label_markup, markup);

  item->space_before = 3;
}

/* @text, kept in @owned (freed with it); for the cells of a table row. */
static const char *
own (GPtrArray *owned,
     char      *text)
{
  g_ptr_array_add (owned, text);
  return text;
}

/* A table row: @texts at @columns (x positions), the last to the edge. */
static CrsReportItem *
add_table_row (CrsReportBuilder   *builder,
               CrsReportBlock     *block,
               const double       *columns,
               guint               n,
               const char * const *markups,
               CrsReportFont       font,
               const gboolean     *inverse)
{
  CrsReportItem *item = crs_report_add_row (block);

  for (guint i = 0; i < n; i++)
    {
      double width = (i + 1 < n ? columns[i + 1] : builder->width) - columns[i] - 4;

      crs_report_item_add_cell (item, crs_report_layout (builder, font, width, markups[i]), columns[i],
                                inverse != NULL && inverse[i]);
    }
  item->unbreakable = TRUE;
  return item;
}

static void
draw_table_rule (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  data)
{
  crs_report_set_ink (cr, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, height / 2);
  cairo_line_to (cr, width, height / 2);
  cairo_stroke (cr);
}

static void
add_grade_table (CrsReportBuilder *builder,
                 CrsReportBlock   *block,
                 CrsHandover      *handover)
{
  double columns[7];
  const char *headers[7];
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

  columns[0] = 0;
  for (guint i = 1; i < 7; i++)
    columns[i] = 62 + (i - 1) * ((builder->width - 62) / 6);
  headers[0] = "";
  for (int g = 0; g <= 4; g++)
    {
      g_autofree char *word = crs_report_escape (crs_grade_word (g));

      headers[g + 1] = own (owned, g_strdup_printf ("<b>%d</b> %s", g, word));
    }
  headers[6] = own (owned, crs_report_escape (_("not determined or no set")));
  add_table_row (builder, block, columns, 7, headers, CRS_REPORT_FONT_SMALL, NULL)->space_before = 6;
  crs_report_add_drawing (block, 3, draw_table_rule, NULL, NULL);
  for (int scale = 0; scale < 2; scale++)
    {
      const guint *counts = scale == 0 ? handover->summary.crs : handover->summary.icans;
      const char *markups[7];

      markups[0] = own (owned, g_strdup_printf ("<b>%s</b>", scale == 0 ? "CRS" : "ICANS"));
      for (guint i = 0; i < 6; i++)
        markups[i + 1] = own (owned, g_strdup_printf ("%u", counts[i]));
      add_table_row (builder, block, columns, 7, markups, CRS_REPORT_FONT_BODY, NULL)->space_before = 1;
    }
  crs_report_add_text (builder, block, CRS_REPORT_FONT_SMALL, 0,
                       _("Patients by their grade now; a grade known only as “at least N” counts as N."))
    ->space_before = 2;
}

/* The ward at a glance, one line per patient. */
static void
add_ward_table (CrsReportBuilder *builder,
                CrsReportBlock   *block,
                CrsHandover      *handover)
{
  const double w = builder->width;
  const double columns[6] = { 0, 0.23 * w, 0.35 * w, 0.47 * w, 0.59 * w, 0.86 * w };
  gboolean children = FALSE;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *headers[6];
  CrsReportItem *item;

  /* With a child scored with PEWS among them, the column holds either
   * score and each cell names its own. */
  for (guint i = 0; i < handover->patients->len; i++)
    {
      CrsPatientStatus *status = ((CrsHandoverPatient *) g_ptr_array_index (handover->patients, i))->status;

      children |= crs_patient_status_uses_pews (status) ||
                  (status->latest_grading != NULL && status->latest_grading->pews_applies);
    }
  headers[0] = own (owned, crs_report_escape (_("Patient")));
  headers[1] = "CRS";
  headers[2] = "ICANS";
  /* TRANSLATORS: the column of the ward table holding an adult's NEWS2 or a child's PEWS */
  headers[3] = own (owned, crs_report_escape (children ? _("NEWS2 or PEWS") : _("NEWS2")));
  headers[4] = own (owned, crs_report_escape (_("Next set")));
  headers[5] = own (owned, crs_report_escape (_("Red flag")));

  item = crs_report_add_text (builder, block, CRS_REPORT_FONT_HEADING, 0, _("Patients"));
  item->space_before = 12;
  item->keep_with_next = TRUE;
  block->repeat = add_table_row (builder, block, columns, 6, headers, CRS_REPORT_FONT_LABEL, NULL);
  block->repeat->space_before = 2;
  crs_report_add_drawing (block, 3, draw_table_rule, NULL, NULL);
  for (guint i = 0; i < handover->patients->len; i++)
    {
      CrsHandoverPatient *hp = g_ptr_array_index (handover->patients, i);
      CrsPatientStatus *status = hp->status;
      g_autofree char *name = bed_and_name (status->patient);
      g_autofree char *crs = crs_scale_status_text (&status->crs);
      g_autofree char *icans = crs_scale_status_text (&status->icans);
      g_autofree char *score = status->latest_grading != NULL
                               ? crs_grading_early_warning_text (status->latest_grading) : NULL;
      g_autofree char *news2 = score == NULL ? g_strdup ("—")
                               : children
                               /* TRANSLATORS: a score named in the ward table, e.g. "PEWS 6 medium" */
                               ? g_strdup_printf (C_("score", "%s %s"),
                                                  crs_grading_early_warning_name (status->latest_grading), score)
                               : g_strdup (score);
      g_autofree char *due = crs_due_to_string (&status->due);
      g_autofree char *crs_mark = g_strdup_printf ("%s%s", crs, status->crs.rising ? " ▲" : "");
      g_autofree char *icans_mark = g_strdup_printf ("%s%s", icans, status->icans.rising ? " ▲" : "");
      g_autofree char *due_markup = crs_report_escape (due);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      const char *markups[6];
      gboolean inverse[6] = { FALSE, FALSE, FALSE, FALSE, FALSE, status->open->len > 0 };

      markups[0] = own (cells, crs_report_escape (name));
      markups[1] = own (cells, crs_report_escape (crs_mark));
      markups[2] = own (cells, crs_report_escape (icans_mark));
      markups[3] = own (cells, crs_report_escape (news2));
      markups[4] = status->due.status == CRS_DUE_OVERDUE ? own (cells, g_strdup_printf ("<b>%s</b>", due_markup))
                                                         : due_markup;
      markups[5] = status->open->len > 0
                   /* TRANSLATORS: a red flag not acknowledged, in the ward table */
                   ? own (cells, g_strdup_printf ("<b>%s</b>", _("OPEN")))
                   : hp->period.escalated ? own (cells, crs_report_escape (_("acknowledged"))) : "—";
      item = add_table_row (builder, block, columns, 6, markups, CRS_REPORT_FONT_SMALL, inverse);
      item->space_before = 3;
      /* Every other row on grey, to read across in black and white. */
      item->shade = i % 2 == 1;
    }
}

static void
build_summary (CrsReportBuilder *builder,
               CrsHandover      *handover)
{
  CrsReportBlock *block = crs_report_block_new (builder, -1, _("Ward summary"));
  CrsHandoverSummary *summary = &handover->summary;
  CrsReportItem *item;

  item = crs_report_add_text (builder, block, CRS_REPORT_FONT_TITLE, 0, _("Ward summary"));
  item->keep_with_next = TRUE;
  if (summary->patients == 0)
    {
      crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0,
                           _("No patients on this ward for this report: nothing to hand over."))->space_before = 6;
      return;
    }
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u patient in this report.",
                                                           "%u patients in this report.", summary->patients),
                                              summary->patients);

    crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0, count)->space_before = 4;
  }
  add_count_line (builder, block, handover, _("Red flags not acknowledged"), summary->red_flags_open, is_open);
  add_count_line (builder, block, handover, _("Red flags in this period, all acknowledged"),
                  summary->escalated - MIN (summary->escalated, summary->red_flags_open), is_escalated);
  add_count_line (builder, block, handover, _("Observations overdue"), summary->overdue, is_overdue);
  add_count_line (builder, block, handover, _("Monitored continuously"), summary->continuous, is_continuous);
  add_grade_table (builder, block, handover);
  add_ward_table (builder, block, handover);
}

/* ---------------------------------------------------------------------- */
/* One patient */

static CrsReportItem *
add_section (CrsReportBuilder *builder,
             CrsReportBlock   *block,
             const char       *label,
             const char       *markup)
{
  g_autofree char *label_markup = crs_report_escape (label);
  CrsReportItem *item = crs_report_add_labelled (builder, block, LABEL_WIDTH, label_markup, markup);

  item->space_before = 5;
  return item;
}

static CrsReportItem *
add_section_text (CrsReportBuilder *builder,
                  CrsReportBlock   *block,
                  const char       *label,
                  const char       *text)
{
  g_autofree char *markup = crs_report_escape (text);

  return add_section (builder, block, label, markup);
}

static void
add_therapy (CrsReportBuilder   *builder,
             CrsReportBlock     *block,
             CrsHandoverPatient *hp)
{
  CrsPatientStatus *status = hp->status;
  g_autoptr(GString) text = g_string_new (NULL);

  if (hp->infusions == NULL || hp->infusions->len == 0)
    {
      add_section_text (builder, block, _("Therapy"), _("No infusion recorded."));
      return;
    }
  for (guint i = 0; i < hp->infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (hp->infusions, i);
      g_autofree char *line = infusion_text (infusion, infusion == status->infusion ? status->therapy : NULL,
                                             status->now);
      g_autofree char *m = crs_report_escape (line);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, infusion == status->infusion ? "<b>%s</b>" : "%s", m);
    }
  if (status->window != NULL)
    {
      g_autofree char *headline = crs_report_escape (status->window->headline);
      g_autofree char *detail = crs_report_escape (status->window->detail);

      g_string_append_printf (text, "\n%s. %s", headline, detail);
    }
  add_section (builder, block, _("Therapy"), text->str);
}

/* NEWS2 for an adult, PEWS for a child, as the grading of the newest
 * set says (the patient page's row): the score and its level in words,
 * then what scored. */
static void
add_early_warning (CrsReportBuilder   *builder,
                   CrsReportBlock     *block,
                   CrsHandoverPatient *hp)
{
  const CrsGrading *grading = hp->status->latest_grading;
  g_autofree char *score = crs_grading_early_warning_text (grading);
  g_autofree char *summary = grading->pews_applies ? crs_grading_pews_summary (grading)
                                                   : crs_grading_news2_summary (grading);
  g_autofree char *a = crs_report_escape (score);
  g_autofree char *b = crs_report_escape (summary);
  g_autofree char *markup = summary != NULL ? g_strdup_printf ("<b>%s</b>\n%s", a, b)
                                            : g_strdup_printf ("<b>%s</b>", a);

  add_section (builder, block, crs_grading_early_warning_name (grading), markup);
}

static void
add_due (CrsReportBuilder   *builder,
         CrsReportBlock     *block,
         CrsHandoverPatient *hp)
{
  CrsDue *due = &hp->status->due;
  g_autofree char *text = crs_due_to_string (due);
  g_autofree char *m = crs_report_escape (text);
  g_autofree char *markup = NULL;

  if (due->status == CRS_DUE_OVERDUE)
    /* TRANSLATORS: in capitals so that it stands out in black and white */
    markup = g_strdup_printf ("<b>%s</b> %s", _("OVERDUE:"), m);
  else
    markup = g_strdup_printf ("<b>%s</b>", m);
  add_section (builder, block, _("Next set"), markup);
}

static void
add_latest (CrsReportBuilder   *builder,
            CrsReportBlock     *block,
            CrsHandoverPatient *hp)
{
  CrsPatientStatus *status = hp->status;
  g_autofree char *when = crs_format_time (status->latest->taken_at, status->now);
  g_autofree char *vitals = vitals_text (status);
  /* TRANSLATORS: e.g. "Taken 14:05 by Ada Lovelace." */
  g_autofree char *taken = g_strdup_printf (_("Taken %s by %s."), when,
                                            status->latest->author != NULL ? status->latest->author : _("unknown"));
  g_autofree char *text = g_strdup_printf ("%s %s", taken, vitals);

  add_section_text (builder, block, _("Latest set"), text);
}

static void
add_red_flags (CrsReportBuilder   *builder,
               CrsReportBlock     *block,
               CrsHandover        *handover,
               CrsHandoverPatient *hp)
{
  CrsPatientStatus *status = hp->status;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < status->open->len; i++)
    {
      CrsOpenFlag *flag = g_ptr_array_index (status->open, i);
      g_autofree char *when = crs_format_time (flag->set->taken_at, status->now);
      g_autofree char *words = crs_patient_status_flag_words (status, flag);
      g_autofree char *text = words != NULL
                              /* TRANSLATORS: e.g. "Red flag at 14:05: NEWS2 8 (high), not acknowledged" */
                              ? g_strdup_printf (_("Red flag at %s: %s, not acknowledged"), when, words)
                              : g_strdup_printf (_("Red flag at %s, not acknowledged"), when);
      g_autofree char *m = crs_report_escape (text);

      g_ptr_array_add (lines, g_strdup_printf ("<b>%s</b>%s", m,
                                               flag->late ? _(" (raised later, from what was recorded after the set)")
                                                          : ""));
    }
  for (guint i = 0; hp->acknowledgements != NULL && i < hp->acknowledgements->len; i++)
    {
      CrsAcknowledgement *ack = g_ptr_array_index (hp->acknowledgements, i);
      CrsObservation *set = NULL;
      g_autofree char *words = NULL;
      g_autofree char *ack_text = NULL;
      g_autofree char *text = NULL;
      g_autofree char *m = NULL;

      if (ack->at < handover->from || ack->at >= handover->to)
        continue;
      for (guint j = 0; j < status->sets->len && set == NULL; j++)
        if (((CrsObservation *) g_ptr_array_index (status->sets, j))->id == ack->observation_id)
          set = g_ptr_array_index (status->sets, j);
      if (set != NULL)
        {
          CrsOpenFlag flag = { .set = set };

          words = crs_patient_status_flag_words (status, &flag);
        }
      ack_text = crs_acknowledgement_to_string (ack, status->now);
      if (set != NULL)
        {
          g_autofree char *when = crs_format_time (set->taken_at, status->now);

          text = words != NULL
                 /* TRANSLATORS: a red flag and who acknowledged it, e.g. "Set of 14:05 (CRS
                  * grade 3): Red flag acknowledged by S. Nakamura at 14:32: Dr Okafor informed" */
                 ? g_strdup_printf (_("Set of %s (%s): %s"), when, words, ack_text)
                 : g_strdup_printf (_("Set of %s: %s"), when, ack_text);
        }
      else
        text = g_strdup (ack_text);
      m = crs_report_escape (text);
      g_ptr_array_add (lines, g_steal_pointer (&m));
    }
  if (lines->len == 0)
    g_ptr_array_add (lines, crs_report_escape (_("None open; none acknowledged in this period.")));
  {
    g_autofree char *markup = join (lines, "\n");

    add_section (builder, block, _("Red flags"), markup);
  }
}

static void
add_interventions (CrsReportBuilder   *builder,
                   CrsReportBlock     *block,
                   CrsHandover        *handover,
                   CrsHandoverPatient *hp)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; hp->interventions != NULL && i < hp->interventions->len; i++)
    {
      CrsIntervention *intervention = g_ptr_array_index (hp->interventions, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autofree char *line = NULL;

      if (intervention->at < handover->from || intervention->at >= handover->to)
        continue;
      when = crs_format_time (intervention->at, hp->status->now);
      add_part (parts, g_strdup (crs_intervention_kind_label (intervention->kind)));
      add_part (parts, g_strdup (intervention->drug));
      add_part (parts, g_strdup (intervention->dose));
      what = join (parts, " ");
      g_clear_pointer (&parts, g_ptr_array_unref);
      parts = g_ptr_array_new_with_free_func (g_free);
      add_part (parts, g_strdup_printf ("%s %s", when, what));
      if (intervention->author != NULL && *intervention->author != '\0')
        /* TRANSLATORS: who recorded it, e.g. "by A. Jones" */
        add_part (parts, g_strdup_printf (_("by %s"), intervention->author));
      add_part (parts, g_strdup (intervention->note));
      line = join (parts, "; ");
      g_ptr_array_add (lines, crs_report_escape (line));
    }
  if (lines->len == 0)
    g_ptr_array_add (lines, crs_report_escape (_("None recorded in this period.")));
  {
    g_autofree char *markup = join (lines, "\n");

    add_section (builder, block, _("Given"), markup);
  }
}

static void
add_risk (CrsReportBuilder   *builder,
          CrsReportBlock     *block,
          CrsHandoverPatient *hp)
{
  CrsPatientStatus *status = hp->status;
  g_autoptr(CrsRiskProfile) profile = crs_risk_profile_new (status->patient, status->infusion, status->therapy,
                                                            status->now);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  for (guint i = 0; i < profile->factors->len; i++)
    add_part (parts, g_strdup (((CrsRiskFactor *) g_ptr_array_index (profile->factors, i))->text));
  if (status->patient->risk_notes != NULL && *status->patient->risk_notes != '\0')
    add_part (parts, g_strdup (status->patient->risk_notes));
  if (parts->len == 0)
    add_part (parts, g_strdup (_("None recorded")));
  text = join (parts, "; ");
  add_section_text (builder, block, _("Risk factors"), text);
}

static void
add_notes (CrsReportBuilder   *builder,
           CrsReportBlock     *block,
           CrsHandover        *handover,
           CrsHandoverPatient *hp)
{
  CrsPatientStatus *status = hp->status;
  gboolean any = FALSE;

  /* One item per note: a long note goes on over the page between lines. */
  for (guint i = 0; i < status->sets->len; i++)
    {
      CrsObservation *set = g_ptr_array_index (status->sets, i);
      g_autofree char *when = NULL;
      g_autofree char *who = NULL;
      g_autofree char *note = NULL;
      g_autofree char *markup = NULL;

      if (set->note == NULL || *set->note == '\0' || set->taken_at < handover->from || set->taken_at >= handover->to)
        continue;
      when = crs_format_time (set->taken_at, status->now);
      who = crs_report_escape (set->author != NULL ? set->author : _("unknown"));
      note = crs_report_escape (set->note);
      markup = g_strdup_printf ("<b>%s</b> (%s): %s", when, who, note);
      if (!any)
        add_section (builder, block, _("Notes"), markup);
      else
        crs_report_add_labelled (builder, block, LABEL_WIDTH, "", markup)->space_before = 2;
      any = TRUE;
    }
  if (!any)
    add_section_text (builder, block, _("Notes"), _("No notes in this period."));
}

static void
build_patient (CrsReportBuilder   *builder,
               CrsHandover        *handover,
               CrsHandoverPatient *hp,
               guint               index)
{
  CrsPatientStatus *status = hp->status;
  g_autofree char *title = bed_and_name (status->patient);
  g_autofree char *title_markup = crs_report_escape (title);
  g_autofree char *identity = identity_line (status);
  CrsReportBlock *block = crs_report_block_new (builder, index, title_markup);
  CrsReportItem *item;

  item = crs_report_add_row (block);
  item->rule_above = 1.5;
  item->space_before = 4;
  crs_report_item_add_cell (item, crs_report_layout (builder, CRS_REPORT_FONT_HEADING,
                                                     builder->width - (status->open->len > 0 ? 150 : 0),
                                                     title_markup),
                            0, FALSE);
  if (status->open->len > 0)
    {
      /* TRANSLATORS: a mark beside the patient's name, white on black */
      g_autofree char *mark = g_strdup_printf ("<b>%s</b>", _("RED FLAG OPEN"));
      PangoLayout *layout = crs_report_layout (builder, CRS_REPORT_FONT_LABEL, 140, mark);

      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      crs_report_item_add_cell (item, layout, builder->width - 140, TRUE);
      item->flow = 0;
    }
  item->keep_with_next = TRUE;
  crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0, identity)->space_before = 1;

  add_therapy (builder, block, hp);
  if (status->latest == NULL)
    {
      add_section_text (builder, block, _("Grades"), _("No observations yet."));
      add_due (builder, block, hp);
    }
  else
    {
      g_autofree char *crs = scale_markup (hp, "CRS");
      g_autofree char *icans = scale_markup (hp, "ICANS");

      add_section (builder, block, "CRS", crs);
      add_section (builder, block, status->latest_grading->icans_by_capd ? _("ICANS (CAPD)") : _("ICANS (ICE)"),
                   icans);
      add_early_warning (builder, block, hp);
      add_due (builder, block, hp);
      add_latest (builder, block, hp);
    }

  block->timeline = timeline_model (hp);
  crs_report_add_drawing (block, TIMELINE_HEIGHT, draw_timeline, block->timeline,
                          g_object_unref)->space_before = 6;
  add_red_flags (builder, block, handover, hp);
  add_interventions (builder, block, handover, hp);
  add_notes (builder, block, handover, hp);
  add_risk (builder, block, hp);
  {
    /* TRANSLATORS: above the lines to write on */
    g_autofree char *m = g_strdup_printf ("<b>%s</b>", _("For the next shift (write here)"));

    item = crs_report_add_text (builder, block, CRS_REPORT_FONT_BODY, 0, m);
    item->space_before = 6;
    item->keep_with_next = TRUE;
  }
  crs_report_add_drawing (block, WRITING_LINES * WRITING_GAP + 2, draw_writing_lines, NULL, NULL)->fill_page = TRUE;
}

void
crs_report_build_handover (CrsReportBuilder *builder,
                           CrsHandover      *handover)
{
  build_summary (builder, handover);
  for (guint i = 0; i < handover->patients->len; i++)
    build_patient (builder, handover, g_ptr_array_index (handover->patients, i), i);
}
