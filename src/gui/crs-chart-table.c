/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-table.c: rows of CrsChartItem in a column view, made when
 * the table comes on screen. */
#define G_LOG_DOMAIN "crs-chart-table"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-chart-item.h"
#include "crs-chart-table.h"

typedef struct
{
  GListStore       *items;
  CrsPatientStatus *status;
  gboolean          pending;   /* rows to make once the table is on screen */

  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *early_warning_column;
} CrsChartTablePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CrsChartTable, crs_chart_table, GTK_TYPE_WIDGET)

static void
fill (CrsChartTable *self)
{
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean newest_changed = FALSE;

  priv->pending = FALSE;
  /* A child's early-warning score is PEWS (NHS England national charts,
   * 2023), where an adult's is NEWS2. */
  gtk_column_view_column_set_title (priv->early_warning_column,
                                    crs_patient_status_uses_pews (priv->status) ? _("PEWS") : _("NEWS2"));
  rows = CRS_CHART_TABLE_GET_CLASS (self)->make_rows (self, priv->status);

  /* A new row (or a correction of the newest) goes in at the top: show
   * it, rather than keep the rows that were there in view. */
  if (rows->len > 0 && g_list_model_get_n_items (G_LIST_MODEL (priv->items)) > 0)
    {
      g_autoptr(CrsChartItem) top = g_list_model_get_item (G_LIST_MODEL (priv->items), 0);

      newest_changed = !crs_chart_item_equal (top, g_ptr_array_index (rows, 0));
    }
  crs_chart_item_update_store (priv->items, rows);
  if (newest_changed)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (priv->column_view));

      if (adjustment != NULL)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  gtk_stack_set_visible_child_name (priv->stack, rows->len > 0 ? "table" : "empty");
}

/* A table keeps up to a few hundred rows of widgets alive, and making
 * them for a patient's long history takes a while: it is done when the
 * table comes on screen, not for every patient opened. */
static void
crs_chart_table_map (GtkWidget *widget)
{
  CrsChartTable *self = CRS_CHART_TABLE (widget);
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);

  if (priv->pending)
    fill (self);
  GTK_WIDGET_CLASS (crs_chart_table_parent_class)->map (widget);
}

static void
crs_chart_table_dispose (GObject *object)
{
  CrsChartTable *self = CRS_CHART_TABLE (object);
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);

  /* The subclass's template root is no bound child: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_pointer (&priv->status, crs_patient_status_unref);
  g_clear_object (&priv->items);
  G_OBJECT_CLASS (crs_chart_table_parent_class)->dispose (object);
}

static void
crs_chart_table_class_init (CrsChartTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_chart_table_dispose;
  widget_class->map = crs_chart_table_map;

  g_type_ensure (CRS_TYPE_CHART_ITEM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crs_chart_table_init (CrsChartTable *self)
{
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);

  priv->items = g_list_store_new (CRS_TYPE_CHART_ITEM);
}

void
crs_chart_table_set_parts (CrsChartTable       *self,
                           GtkStack            *stack,
                           GtkColumnView       *column_view,
                           GtkColumnViewColumn *early_warning_column,
                           GType                selection_type)
{
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (CRS_IS_CHART_TABLE (self));
  g_return_if_fail (GTK_IS_STACK (stack) && GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (g_type_is_a (selection_type, GTK_TYPE_SELECTION_MODEL));

  priv->stack = stack;
  priv->column_view = column_view;
  priv->early_warning_column = early_warning_column;
  selection = g_object_new (selection_type, "model", priv->items, NULL);
  if (GTK_IS_SINGLE_SELECTION (selection))
    g_object_set (selection, "autoselect", FALSE, "can-unselect", TRUE, NULL);
  gtk_column_view_set_model (column_view, selection);
}

void
crs_chart_table_show (CrsChartTable    *self,
                      CrsPatientStatus *status)
{
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);

  g_return_if_fail (CRS_IS_CHART_TABLE (self));
  g_return_if_fail (status != NULL);

  crs_patient_status_ref (status);
  g_clear_pointer (&priv->status, crs_patient_status_unref);
  priv->status = status;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
  else
    priv->pending = TRUE;
}

CrsPatientStatus *
crs_chart_table_get_status (CrsChartTable *self)
{
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);

  g_return_val_if_fail (CRS_IS_CHART_TABLE (self), NULL);
  return priv->status;
}

GListModel *
crs_chart_table_get_model (CrsChartTable *self)
{
  CrsChartTablePrivate *priv = crs_chart_table_get_instance_private (self);

  g_return_val_if_fail (CRS_IS_CHART_TABLE (self), NULL);
  return G_LIST_MODEL (priv->items);
}
