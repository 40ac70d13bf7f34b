/* crs-timeline-table.c: infusions, observation sets and interventions in
 * time order, each counted from the infusion before it (day 0 = the
 * infusion's calendar day), newest first. */
#define G_LOG_DOMAIN "crs-timeline-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-grading-history.h"
#include "crs-chart-item.h"
#include "crs-display.h"
#include "crs-timeline-table-private.h"

struct _CrsTimelineTable
{
  GtkWidget parent_instance;

  GListStore *items;
  /* What to show once the table is on screen (see crs_timeline_table_map) */
  GPtrArray  *pending_observations;
  GPtrArray  *pending_interventions;
  GPtrArray  *pending_infusions;
  gint64      pending_now;
  /* What the rows are made with (the latest crs_timeline_table_show ()). */
  CrsPatientStatus *status;

  GtkStack      *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *news2_column;
};

G_DEFINE_FINAL_TYPE (CrsTimelineTable, crs_timeline_table, GTK_TYPE_WIDGET)

static void crs_timeline_table_map (GtkWidget *widget);

static void
crs_timeline_table_dispose (GObject *object)
{
  CrsTimelineTable *self = CRS_TIMELINE_TABLE (object);

  g_clear_pointer (&self->pending_observations, g_ptr_array_unref);
  g_clear_pointer (&self->pending_interventions, g_ptr_array_unref);
  g_clear_pointer (&self->pending_infusions, g_ptr_array_unref);
  g_clear_pointer (&self->status, crs_patient_status_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_TIMELINE_TABLE);
  /* The template's root box is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (crs_timeline_table_parent_class)->dispose (object);
}

static void
crs_timeline_table_class_init (CrsTimelineTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_timeline_table_dispose;
  widget_class->map = crs_timeline_table_map;

  g_type_ensure (CRS_TYPE_CHART_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-timeline-table.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineTable, stack);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineTable, news2_column);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crs_timeline_table_init (CrsTimelineTable *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (CRS_TYPE_CHART_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
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

static void
fill (CrsTimelineTable *self,
      GPtrArray        *observations,
      GPtrArray        *interventions,
      GPtrArray        *infusions,
      gint64            now)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GPtrArray) items = NULL;
  /* A child's early-warning score is PEWS (NHS England national charts,
   * 2023), where an adult's is NEWS2. */
  gboolean pews_column = crs_patient_status_uses_pews (self->status);

  gtk_column_view_column_set_title (self->news2_column, pews_column ? _("PEWS") : _("NEWS2"));

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

      const CrsGrading *grading = crs_patient_status_numbers (self->status, obs);
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

  crs_chart_item_update_store (self->items, items);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "table" : "empty");
}

static void
clear_pending (CrsTimelineTable *self)
{
  g_clear_pointer (&self->pending_observations, g_ptr_array_unref);
  g_clear_pointer (&self->pending_interventions, g_ptr_array_unref);
  g_clear_pointer (&self->pending_infusions, g_ptr_array_unref);
}

/* The rows are made when the table comes on screen, not for every
 * patient opened (as in crs-history-view.c). */
static void
crs_timeline_table_map (GtkWidget *widget)
{
  CrsTimelineTable *self = CRS_TIMELINE_TABLE (widget);

  if (self->pending_observations != NULL)
    {
      fill (self, self->pending_observations, self->pending_interventions, self->pending_infusions,
            self->pending_now);
      clear_pending (self);
    }
  GTK_WIDGET_CLASS (crs_timeline_table_parent_class)->map (widget);
}

void
crs_timeline_table_show (CrsTimelineTable *self,
                         CrsPatientStatus *status,
                         GPtrArray        *interventions,
                         GPtrArray        *infusions)
{
  GPtrArray *observations;
  gint64 now;

  g_return_if_fail (CRS_IS_TIMELINE_TABLE (self));
  g_return_if_fail (status != NULL);

  observations = status->sets;
  now = status->now;
  clear_pending (self);
  g_clear_pointer (&self->status, crs_patient_status_unref);
  self->status = crs_patient_status_ref (status);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self, observations, interventions, infusions, now);
  else
    {
      self->pending_observations = g_ptr_array_ref (observations);
      self->pending_interventions = g_ptr_array_ref (interventions);
      self->pending_infusions = g_ptr_array_ref (infusions);
      self->pending_now = now;
    }
}

GListModel *
crs_timeline_table_get_model (CrsTimelineTable *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_TABLE (self), NULL);
  return G_LIST_MODEL (self->items);
}
