/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-row.h: one patient in the ward list (ui/crs-ward-row.ui). */
#pragma once

#include <adwaita.h>

#include "crs-timeline.h"
#include "crs-ward-entry.h"

G_BEGIN_DECLS

#define CRS_TYPE_WARD_ROW (crs_ward_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsWardRow, crs_ward_row, CRS, WARD_ROW, GtkListBoxRow)

/* A row showing @entry, following its "changed" signal. */
CrsWardRow   *crs_ward_row_new       (CrsWardEntry *entry);
CrsWardEntry *crs_ward_row_get_entry (CrsWardRow   *self);

G_END_DECLS
