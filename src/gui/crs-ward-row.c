/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-row.c: one patient in the ward list. */
#define G_LOG_DOMAIN "crs-ward-row"

#include "config.h"

#include <glib/gi18n.h>

#include "report/crs-timeline-feed.h"
#include "crs-display.h"
#include "crs-timeline.h"
#include "crs-ward-row-private.h"

struct _CrsWardRow
{
  GtkListBoxRow parent_instance;

  CrsWardEntry *entry;
  CrsTimelineModel *spark;     /* the last 72 hours */

  /* Template widgets */
  GtkLabel *bed_label;
  GtkLabel *name_label;
  GtkImage *escalation_icon;
  GtkLabel *therapy_label;
  GtkWidget *grades_box;
  GtkLabel *crs_label;
  GtkImage *crs_rising;
  GtkLabel *icans_label;
  GtkImage *icans_rising;
  GtkLabel *news2_label;
  GtkLabel *due_label;
  GtkLabel *escalation_label;
  CrsTimeline *sparkline;
};

G_DEFINE_FINAL_TYPE (CrsWardRow, crs_ward_row, GTK_TYPE_LIST_BOX_ROW)

/* The chip's style class (crs-grade-N) follows @style, the entry's
 * property; the template's other classes stay. */
static void
set_chip_style (GtkWidget  *label,
                const char *style)
{
  static const char * const styles[] = {
    "crs-grade-0", "crs-grade-1", "crs-grade-2", "crs-grade-3", "crs-grade-4", "crs-grade-none"
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (label, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

static void
styles_cb (CrsWardRow *self)
{
  CrsWardEntry *entry = self->entry;
  g_autofree char *crs = NULL;
  g_autofree char *icans = NULL;
  g_autofree char *early_warning = NULL;
  gboolean urgent;

  g_object_get (entry, "crs-style", &crs, "icans-style", &icans,
                "early-warning-style", &early_warning, "due-urgent", &urgent, NULL);
  set_chip_style (GTK_WIDGET (self->crs_label), crs);
  set_chip_style (GTK_WIDGET (self->icans_label), icans);
  set_chip_style (GTK_WIDGET (self->news2_label), early_warning);
  if (urgent)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "caption-heading");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "caption-heading");
    }
}

static void
summary_cb (CrsWardRow *self)
{
  g_autofree char *summary = NULL;

  g_object_get (self->entry, "summary", &summary, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

/* The sparkline: every set of the 72 hours graded as of now, by the
 * chart's renderer, its window ending now. */
static void
status_cb (CrsWardRow *self)
{
  CrsWardEntry *entry = self->entry;

  if (crs_ward_entry_get_status (entry) == NULL)
    return;
  crs_timeline_model_freeze_changed (self->spark);
  crs_timeline_feed_fill (self->spark, crs_ward_entry_get_chart_status (entry),
                          crs_ward_entry_get_infusions (entry), crs_ward_entry_get_interventions (entry));
  crs_timeline_model_set_now (self->spark, crs_ward_entry_get_now (entry));
  crs_timeline_model_thaw_changed (self->spark);
}

static void
crs_ward_row_dispose (GObject *object)
{
  CrsWardRow *self = CRS_WARD_ROW (object);

  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_WARD_ROW);
  g_clear_object (&self->spark);

  G_OBJECT_CLASS (crs_ward_row_parent_class)->dispose (object);
}

static void
crs_ward_row_class_init (CrsWardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_ward_row_dispose;

  g_type_ensure (CRS_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-ward-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, bed_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, escalation_icon);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, therapy_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, grades_box);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, crs_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, crs_rising);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, icans_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, icans_rising);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, news2_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, escalation_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, sparkline);
}

static void
crs_ward_row_init (CrsWardRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Calendar time, the last 72 hours up to now: how the patient got here. */
  self->spark = crs_timeline_model_new ();
  crs_timeline_model_set_mode (self->spark, CRS_TIMELINE_MODE_CALENDAR);
  crs_timeline_model_set_range (self->spark, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_set_model (self->sparkline, self->spark);
}

/* Binds a property of the entry to one of a widget. */
static void
bind (CrsWardEntry *entry,
      const char   *property,
      gpointer      widget,
      const char   *widget_property)
{
  g_object_bind_property (entry, property, widget, widget_property, G_BINDING_SYNC_CREATE);
}

CrsWardRow *
crs_ward_row_new (CrsWardEntry *entry)
{
  CrsWardRow *self;

  g_return_val_if_fail (CRS_IS_WARD_ENTRY (entry), NULL);

  self = g_object_new (CRS_TYPE_WARD_ROW, NULL);
  self->entry = g_object_ref (entry);

  /* What the row shows is the entry's, bound; the row decides nothing. */
  bind (entry, "bed", self->bed_label, "label");
  bind (entry, "name", self->name_label, "label");
  bind (entry, "therapy-text", self->therapy_label, "label");
  bind (entry, "crs-chip", self->crs_label, "label");
  bind (entry, "crs-last", self->crs_label, "tooltip-text");
  bind (entry, "crs-rising", self->crs_rising, "visible");
  bind (entry, "icans-chip", self->icans_label, "label");
  bind (entry, "icans-last", self->icans_label, "tooltip-text");
  bind (entry, "icans-rising", self->icans_rising, "visible");
  bind (entry, "early-warning-chip", self->news2_label, "label");
  bind (entry, "graded", self->grades_box, "visible");
  bind (entry, "graded", self->news2_label, "visible");
  bind (entry, "graded", self->sparkline, "visible");
  bind (entry, "due-text", self->due_label, "label");
  bind (entry, "escalated", self->escalation_icon, "visible");
  bind (entry, "escalated", self->escalation_label, "visible");
  bind (entry, "escalation-text", self->escalation_label, "label");

  g_signal_connect_object (entry, "notify::crs-style", G_CALLBACK (styles_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::icans-style", G_CALLBACK (styles_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::early-warning-style", G_CALLBACK (styles_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::due-urgent", G_CALLBACK (styles_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::summary", G_CALLBACK (summary_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::status", G_CALLBACK (status_cb), self, G_CONNECT_SWAPPED);
  styles_cb (self);
  summary_cb (self);
  status_cb (self);
  return self;
}

CrsTimeline *
crs_ward_row_get_sparkline (CrsWardRow *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ROW (self), NULL);
  return self->sparkline;
}

CrsWardEntry *
crs_ward_row_get_entry (CrsWardRow *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ROW (self), NULL);
  return self->entry;
}
