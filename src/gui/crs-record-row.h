/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-record-row.h: one record in a list of the patient page
 * (ui/crs-record-row.ui). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_RECORD_ROW (crs_record_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsRecordRow, crs_record_row, CRS, RECORD_ROW, AdwActionRow)

/* @subtitle and @time may be NULL. The texts are shown as they are (no
 * markup). */
CrsRecordRow *crs_record_row_new (const char *title,
                                  const char *subtitle,
                                  const char *time);

G_END_DECLS
