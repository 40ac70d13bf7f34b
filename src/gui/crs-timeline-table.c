/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-table.c: infusions, observation sets and interventions in
 * time order, each counted from the infusion before it (day 0 = the
 * infusion's calendar day), newest first. */
#define G_LOG_DOMAIN "crs-timeline-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-grading-history.h"
#include "crs-chart-item.h"
#include "crs-chart-table.h"
#include "crs-display.h"
#include "crs-timeline-table.h"

struct _CrsTimelineTable
{
  CrsChartTable parent_instance;

  /* What the rows are made with besides the status (the latest
   * crs_timeline_table_show ()). */
  GPtrArray  *interventions;
  GPtrArray  *infusions;

  GtkStack      *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *news2_column;
};

G_DEFINE_FINAL_TYPE (CrsTimelineTable, crs_timeline_table, CRS_TYPE_CHART_TABLE)

static GPtrArray *make_rows (CrsChartTable    *table,
                             CrsPatientStatus *status);

static void
crs_timeline_table_dispose (GObject *object)
{
  CrsTimelineTable *self = CRS_TIMELINE_TABLE (object);

  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_clear_pointer (&self->infusions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_TIMELINE_TABLE);
  G_OBJECT_CLASS (crs_timeline_table_parent_class)->dispose (object);
}

static void
crs_timeline_table_class_init (CrsTimelineTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_timeline_table_dispose;
  CRS_CHART_TABLE_CLASS (klass)->make_rows = make_rows;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-timeline-table.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineTable, stack);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineTable, news2_column);
}

static void
crs_timeline_table_init (CrsTimelineTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_chart_table_set_parts (CRS_CHART_TABLE (self), self->stack, self->column_view, self->news2_column,
                             GTK_TYPE_NO_SELECTION);
}

typedef struct
{
  gint64        at;
  int           order;     /* at the same time: infusion, intervention, set */
  CrsChartItem *item;
} Event;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Event *ea = a;
  const Event *eb = b;

  if (ea->at != eb->at)
    return ea->at < eb->at ? 1 : -1;
  return (ea->order < eb->order) - (ea->order > eb->order);
}

static CrsChartItem *
event_item (gint64      at,
            GPtrArray  *infusions,
            gint64      now)
{
  CrsChartItem *item = crs_chart_item_new ();

  crs_chart_item_take_text (item, CRS_CHART_TIME, crs_format_time (at, now));
  crs_chart_item_take_text (item, CRS_CHART_SINCE,
                            crs_format_since_infusion (crs_grading_episode_start (infusions, at), at));
  return item;
}

static char *
infusion_text (CrsInfusion *infusion)
{
  const char *name = infusion->therapy_name != NULL && *infusion->therapy_name != '\0'
                     ? infusion->therapy_name : infusion->therapy_code;
  g_autoptr(GString) text = g_string_new (NULL);

  /* TRANSLATORS: a row of the timeline, e.g. "Infusion: tisagenlecleucel" */
  g_string_append_printf (text, _("Infusion: %s"), name != NULL ? name : _("unknown therapy"));
  if (!isnan (infusion->dose))
    g_string_append_printf (text, ", %g %s", infusion->dose,
                            infusion->dose_unit != NULL ? infusion->dose_unit : "");
  if (infusion->step_label != NULL && *infusion->step_label != '\0')
    g_string_append_printf (text, " (%s)", infusion->step_label);
  return g_strdup (text->str);
}

static char *
intervention_text (CrsIntervention *intervention)
{
  g_autoptr(GString) text = g_string_new (crs_intervention_kind_label (intervention->kind));

  if (intervention->drug != NULL && *intervention->drug != '\0')
    g_string_append_printf (text, ": %s", intervention->drug);
  if (intervention->dose != NULL && *intervention->dose != '\0')
    g_string_append_printf (text, " %s", intervention->dose);
  /* Without a drug the note says what was done ("Nasal cannula 4 L/min"). */
  if ((intervention->drug == NULL || *intervention->drug == '\0') &&
      intervention->note != NULL && *intervention->note != '\0')
    g_string_append_printf (text, ": %s", intervention->note);
  return g_strdup (text->str);
}

static GPtrArray *
make_rows (CrsChartTable    *table,
           CrsPatientStatus *status)
{
  CrsTimelineTable *self = CRS_TIMELINE_TABLE (table);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  GPtrArray *observations = status->sets;
  GPtrArray *interventions = self->interventions;
  GPtrArray *infusions = self->infusions;
  gint64 now = status->now;
  GPtrArray *items;
  gboolean pews_column = crs_patient_status_uses_pews (status);

  for (guint i = 0; i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);
      Event event = { infusion->start_at, 0, event_item (infusion->start_at, infusions, now) };

      crs_chart_item_take_text (event.item, CRS_CHART_EVENT, infusion_text (infusion));
      crs_chart_item_set_classes (event.item, CRS_CHART_CLASSES_TEXT, "heading", NULL);
      g_array_append_val (events, event);
    }
  for (guint i = 0; i < interventions->len; i++)
    {
      CrsIntervention *intervention = g_ptr_array_index (interventions, i);
      Event event = { intervention->at, 1, event_item (intervention->at, infusions, now) };

      crs_chart_item_take_text (event.item, CRS_CHART_EVENT, intervention_text (intervention));
      g_array_append_val (events, event);
    }
  for (guint i = 0; i < observations->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (observations, i);
      Event event = { obs->taken_at, 2, event_item (obs->taken_at, infusions, now) };

      const CrsGrading *grading = crs_patient_status_numbers (status, obs);
      gboolean red_flag = obs->stored_red_flag || (grading != NULL && crs_grading_has_red_flag (grading));

      crs_chart_item_set_text (event.item, CRS_CHART_EVENT,
                               red_flag ? _("Observations (red flag)") : _("Observations"));
      crs_chart_item_set_grades (event.item, obs, grading, pews_column);
      crs_chart_item_set_observation (event.item, obs->id, FALSE);
      g_array_append_val (events, event);
    }

  g_array_sort (events, newest_first);
  items = g_ptr_array_new_full (events->len, g_object_unref);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (items, g_array_index (events, Event, i).item);
  return items;
}

void
crs_timeline_table_show (CrsTimelineTable *self,
                         CrsPatientStatus *status,
                         GPtrArray        *interventions,
                         GPtrArray        *infusions)
{
  g_return_if_fail (CRS_IS_TIMELINE_TABLE (self));
  g_return_if_fail (status != NULL && interventions != NULL && infusions != NULL);

  g_ptr_array_ref (interventions);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  self->interventions = interventions;
  g_ptr_array_ref (infusions);
  g_clear_pointer (&self->infusions, g_ptr_array_unref);
  self->infusions = infusions;
  crs_chart_table_show (CRS_CHART_TABLE (self), status);
}
