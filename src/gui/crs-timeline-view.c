/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-view.c: the Timeline tab: the chart, its controls bound
 * to the chart model, and the table beneath. */
#define G_LOG_DOMAIN "crs-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "report/crs-timeline-feed.h"
#include "crs-timeline-view-private.h"

struct _CrsTimelineView
{
  GtkWidget parent_instance;

  CrsTimelineModel *model;
  /* NEWS2 is not used for the patient shown; whether it was shown for
   * the patient before (restored for the next adult). */
  gboolean          news2_blocked;
  gboolean          news2_wanted;
  gint64            patient_id;    /* the patient shown */

  /* Template widgets */
  GtkStack          *stack;
  GtkFlowBox        *controls;
  GtkToggleButton   *range_24h;
  GtkToggleButton   *range_72h;
  GtkToggleButton   *range_7d;
  GtkToggleButton   *range_all;
  GtkToggleButton   *mode_since;
  GtkToggleButton   *mode_calendar;
  GtkCheckButton    *news2_check;
  GtkCheckButton    *temperature_check;
  CrsTimeline       *chart;
  CrsTimelineTable  *table;
};

G_DEFINE_FINAL_TYPE (CrsTimelineView, crs_timeline_view, GTK_TYPE_WIDGET)

static void
crs_timeline_view_dispose (GObject *object)
{
  CrsTimelineView *self = CRS_TIMELINE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_TIMELINE_VIEW);
  /* The template's root is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (crs_timeline_view_parent_class)->dispose (object);
}

static void
crs_timeline_view_class_init (CrsTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_timeline_view_dispose;

  g_type_ensure (CRS_TYPE_TIMELINE);
  g_type_ensure (CRS_TYPE_TIMELINE_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, controls);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, range_24h);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, range_72h);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, range_7d);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, range_all);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, mode_since);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, mode_calendar);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, news2_check);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, temperature_check);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, CrsTimelineView, table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A toggle of a group stands for one value of an enum property: active
 * when the property has it; made active, it sets it. Made inactive (its
 * group moved on), it leaves the property alone. */
static gboolean
enum_to_active (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GPOINTER_TO_INT (user_data));
  return TRUE;
}

static gboolean
active_to_enum (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  if (!g_value_get_boolean (from))
    return FALSE;
  g_value_set_enum (to, GPOINTER_TO_INT (user_data));
  return TRUE;
}

static void
bind_toggle (CrsTimelineView *self,
             const char      *property,
             GtkToggleButton *toggle,
             int              value)
{
  g_object_bind_property_full (self->model, property, toggle, "active",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               enum_to_active, active_to_enum, GINT_TO_POINTER (value), NULL);
}

static void
crs_timeline_view_init (CrsTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Calendar time by default: the times of the table, the clock and the
   * handover, with each dose marked where it was given (one line, where
   * the overlaid lines of several doses since infusion need the legend to
   * tell apart); "Since Infusion" is one click away. */
  self->model = crs_timeline_model_new ();
  crs_timeline_model_set_mode (self->model, CRS_TIMELINE_MODE_CALENDAR);
  crs_timeline_set_model (self->chart, self->model);

  bind_toggle (self, "range", self->range_24h, CRS_TIMELINE_RANGE_24_HOURS);
  bind_toggle (self, "range", self->range_72h, CRS_TIMELINE_RANGE_72_HOURS);
  bind_toggle (self, "range", self->range_7d, CRS_TIMELINE_RANGE_7_DAYS);
  bind_toggle (self, "range", self->range_all, CRS_TIMELINE_RANGE_ALL);
  bind_toggle (self, "mode", self->mode_since, CRS_TIMELINE_MODE_SINCE_INFUSION);
  bind_toggle (self, "mode", self->mode_calendar, CRS_TIMELINE_MODE_CALENDAR);
  g_object_bind_property (self->model, "show-news2", self->news2_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->model, "show-temperature", self->temperature_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

void
crs_timeline_view_show (CrsTimelineView  *self,
                        CrsPatientStatus *status,
                        GPtrArray        *interventions,
                        GPtrArray        *infusions)
{
  gboolean news2_used;
  gboolean empty;

  g_return_if_fail (CRS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (status != NULL);

  /* NEWS2 is not scored for a child under the ward's NEWS2 age: the box
   * says why it cannot be ticked. */
  news2_used = crs_news2_applies_to_age (crs_patient_age_years (status->patient, status->now), &status->policy);
  if (!news2_used && !self->news2_blocked)
    {
      self->news2_wanted = crs_timeline_model_get_show_news2 (self->model);
      self->news2_blocked = TRUE;
      crs_timeline_model_set_show_news2 (self->model, FALSE);
    }
  else if (news2_used && self->news2_blocked)
    {
      self->news2_blocked = FALSE;
      crs_timeline_model_set_show_news2 (self->model, self->news2_wanted);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->news2_check), news2_used);
  if (news2_used)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->news2_check), _("Show NEWS2 on its own scale"));
  else
    {
      /* TRANSLATORS: the NEWS2 box of the timeline for a child, e.g. "NEWS2 is not used under 16" */
      g_autofree char *why = g_strdup_printf (_("NEWS2 is not used under %d"), status->policy.news2_min_age);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->news2_check), why);
    }

  crs_timeline_model_freeze_changed (self->model);
  crs_timeline_feed_fill (self->model, status, infusions, interventions);
  /* Another patient: the window follows now again (a scroll back in time
   * was for the patient before), at the same zoom. */
  if (status->patient->id != self->patient_id)
    {
      CrsTimelineRange range = crs_timeline_model_get_range (self->model);

      crs_timeline_model_set_range (self->model, range == CRS_TIMELINE_RANGE_EXPLICIT ? CRS_TIMELINE_RANGE_ALL : range);
      crs_timeline_set_focused_point (self->chart, -1);
      self->patient_id = status->patient->id;
    }
  crs_timeline_model_thaw_changed (self->model);
  crs_timeline_table_show (self->table, status, interventions, infusions);

  empty = status->sets->len == 0 && (infusions == NULL || infusions->len == 0) &&
          (interventions == NULL || interventions->len == 0);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "chart");
}

CrsTimeline *
crs_timeline_view_get_chart (CrsTimelineView *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_VIEW (self), NULL);
  return self->chart;
}

CrsTimelineModel *
crs_timeline_view_get_model (CrsTimelineView *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_VIEW (self), NULL);
  return self->model;
}

CrsTimelineTable *
crs_timeline_view_get_table (CrsTimelineView *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_VIEW (self), NULL);
  return self->table;
}
