/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-check-row.h: a row of a form with a tick box: a symptom, an ICE
 * item, a finding. A row can be marked as a red flag, in words and with
 * an icon, not by colour alone. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_CHECK_ROW (crs_check_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsCheckRow, crs_check_row, CRS, CHECK_ROW, AdwActionRow)

GtkWidget *crs_check_row_new          (const char  *title,
                                       gboolean     red_flag);
gboolean   crs_check_row_get_active   (CrsCheckRow *self);
void       crs_check_row_set_active   (CrsCheckRow *self,
                                       gboolean     active);
gboolean   crs_check_row_get_red_flag (CrsCheckRow *self);
void       crs_check_row_set_red_flag (CrsCheckRow *self,
                                       gboolean     red_flag);

G_END_DECLS
