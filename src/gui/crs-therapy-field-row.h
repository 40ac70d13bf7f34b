/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-field-row.h: one field of a therapy in the detail page: its
 * name, its value or "No data", a caution, and where the value comes from. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_THERAPY_FIELD_ROW (crs_therapy_field_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsTherapyFieldRow, crs_therapy_field_row, CRS, THERAPY_FIELD_ROW, AdwPreferencesRow)

/* @value NULL shows "No data"; @caution and @detail NULL are hidden. */
GtkWidget  *crs_therapy_field_row_new        (const char         *title,
                                              const char         *value,
                                              const char         *caution,
                                              const char         *detail);

G_END_DECLS
