/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-list.h: the ward list pane: search by name or MRN, the
 * patients sorted by bed or urgency, and the empty states. */
#pragma once

#include <adwaita.h>

#include "crs-ward-model.h"

G_BEGIN_DECLS

/* The orders, as in the GSettings key ward-sort. */
typedef enum {
  CRS_WARD_SORT_BED = 0,
  CRS_WARD_SORT_URGENCY = 1,
} CrsWardSort;

#define CRS_TYPE_WARD_LIST (crs_ward_list_get_type ())
G_DECLARE_FINAL_TYPE (CrsWardList, crs_ward_list, CRS, WARD_LIST, GtkWidget)

void          crs_ward_list_set_model       (CrsWardList  *self,
                                             CrsWardModel *model);
/* Locked: no rows (the window shows its sign-in page); unlocked: the
 * rows again, the selection kept. */
void          crs_ward_list_set_locked      (CrsWardList  *self,
                                             gboolean      locked);
void          crs_ward_list_set_sort        (CrsWardList  *self,
                                             CrsWardSort   sort);
/* Shows the search bar and puts the focus in it (Ctrl+F). */
void          crs_ward_list_start_search    (CrsWardList  *self);
/* Typing anywhere in @widget starts a search. */
void          crs_ward_list_set_key_capture_widget (CrsWardList *self,
                                                    GtkWidget   *widget);
/* Selects the patient's row (0 = none); FALSE when the patient is not
 * shown. Does not emit "patient-selected". */
gboolean      crs_ward_list_select          (CrsWardList  *self,
                                             gint64        patient_id);
/* Focuses the selected row, else the first. */
void          crs_ward_list_focus           (CrsWardList  *self);

/* Signals:
 *  "patient-selected" (gint64 id): a row was selected (0: none);
 *  "patient-activated" (gint64 id): a row was activated (click, Enter):
 *    on a narrow window the patient page should come forward. */

G_END_DECLS
