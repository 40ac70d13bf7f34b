/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-item.h: one row of the patient page's tables (the timeline
 * and the observation history), as texts ready to show. The tables bind
 * their cells to these properties (ui/crs-history-view.ui,
 * ui/crs-timeline-table.ui). */
#pragma once

#include <gio/gio.h>

#include "core/crs-model.h"
#include "core/crs-grading.h"

G_BEGIN_DECLS

typedef enum {
  CRS_CHART_TIME = 0,        /* "14:05" */
  CRS_CHART_SINCE,           /* "Day 2, 49 h" */
  CRS_CHART_EVENT,           /* "Observations", "Tocilizumab 8 mg/kg" */
  CRS_CHART_TEMPERATURE,
  CRS_CHART_PULSE,
  CRS_CHART_RESP,
  CRS_CHART_BP,
  CRS_CHART_SPO2,            /* "94% on nasal cannula 2 L/min" */
  CRS_CHART_CONSCIOUSNESS,   /* ACVPU */
  CRS_CHART_NEURO,           /* "ICE 8", "CAPD 7" */
  CRS_CHART_CRS,
  CRS_CHART_ICANS,
  CRS_CHART_NEWS2,
  CRS_CHART_AUTHOR,
  CRS_CHART_STATUS,          /* "Amended: wrong pulse", "Replaced by a correction" */
  CRS_CHART_N_TEXTS
} CrsChartText;

typedef enum {
  CRS_CHART_CLASSES_TEXT = 0,  /* every text cell: e.g. dim for a replaced version */
  CRS_CHART_CLASSES_CRS,       /* the grade chips */
  CRS_CHART_CLASSES_ICANS,
  CRS_CHART_CLASSES_NEWS2,
  CRS_CHART_N_CLASSES
} CrsChartClasses;

#define CRS_TYPE_CHART_ITEM (crs_chart_item_get_type ())
G_DECLARE_FINAL_TYPE (CrsChartItem, crs_chart_item, CRS, CHART_ITEM, GObject)

CrsChartItem *crs_chart_item_new          (void);
void          crs_chart_item_set_text     (CrsChartItem    *self,
                                           CrsChartText     which,
                                           const char      *text);
void          crs_chart_item_take_text    (CrsChartItem    *self,
                                           CrsChartText     which,
                                           char            *text);
/* Style classes of a cell, NULL-terminated (copied). */
void          crs_chart_item_set_classes  (CrsChartItem    *self,
                                           CrsChartClasses  which,
                                           const char      *first,
                                           ...) G_GNUC_NULL_TERMINATED;
/* The CRS, ICANS and early-warning cells, as numbers and words with
 * their colours: from @grading (the set's grading as of now,
 * crs_patient_status_numbers()), or, for a replaced version (@grading
 * NULL), the grades @observation was saved with. The early-warning cell
 * (CRS_CHART_NEWS2) holds NEWS2 for an adult's set and PEWS for a
 * child's; @pews_column says which the column is titled (a child's table
 * says PEWS), and a cell of the other score names its own. */
void          crs_chart_item_set_grades   (CrsChartItem        *self,
                                           CrsObservation      *observation,
                                           const CrsGrading    *grading,
                                           gboolean             pews_column);
/* The observation set this row shows and whether it can be amended (the
 * newest version of a set); 0 for other rows. */
void          crs_chart_item_set_observation (CrsChartItem *self,
                                              gint64        observation_id,
                                              gboolean      can_amend);
gint64        crs_chart_item_get_observation (CrsChartItem *self);
/* TRUE when @a and @b show the same (every text, class and action). */
gboolean      crs_chart_item_equal        (CrsChartItem    *a,
                                           CrsChartItem    *b);
/* Makes @store hold @items (CrsChartItem *), replacing only the rows that
 * differ between a common beginning and a common end: a new set is one
 * row inserted, not the whole table made again. */
void          crs_chart_item_update_store (GListStore      *store,
                                           GPtrArray       *items);

G_END_DECLS
