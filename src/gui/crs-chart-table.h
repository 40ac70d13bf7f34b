/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-table.h: the base of the patient's two tables, the history
 * (crs-history-view.c) and the timeline's table (crs-timeline-table.c):
 * rows of CrsChartItem in a GtkColumnView, newest first, made when the
 * table comes on screen rather than for every patient opened, with the
 * early-warning column named for the patient (NEWS2, or a child's PEWS)
 * and an empty page when there is nothing to show.
 *
 * A subclass builds its template (a GtkStack with pages "table" and
 * "empty", the column view, the early-warning column), hands the parts
 * to crs_chart_table_set_parts() in its init, and makes its rows in
 * make_rows. */
#pragma once

#include <adwaita.h>

#include "core/crs-patient-status.h"

G_BEGIN_DECLS

#define CRS_TYPE_CHART_TABLE (crs_chart_table_get_type ())
G_DECLARE_DERIVABLE_TYPE (CrsChartTable, crs_chart_table, CRS, CHART_TABLE, GtkWidget)

struct _CrsChartTableClass
{
  GtkWidgetClass parent_class;

  /* The rows for @status (CrsChartItem, newest first), from what the
   * subclass was shown with. */
  GPtrArray *(*make_rows) (CrsChartTable    *self,
                           CrsPatientStatus *status);
};

/* For the subclass's init: its template's parts, and the selection it
 * wants (GtkNoSelection, GtkSingleSelection) over the rows. */
void              crs_chart_table_set_parts  (CrsChartTable       *self,
                                              GtkStack            *stack,
                                              GtkColumnView       *column_view,
                                              GtkColumnViewColumn *early_warning_column,
                                              GType                selection_type);
/* Shows the rows for @status: now when the table is on screen, else
 * when it comes on screen. The subclass keeps what else make_rows needs
 * before it calls this. */
void              crs_chart_table_show       (CrsChartTable       *self,
                                              CrsPatientStatus    *status);
/* The status last shown (NULL before). Borrowed. */
CrsPatientStatus *crs_chart_table_get_status (CrsChartTable       *self);
/* The rows shown (CrsChartItem). */
GListModel       *crs_chart_table_get_model  (CrsChartTable       *self);

G_END_DECLS
