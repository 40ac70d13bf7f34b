/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-time-row.h: a row of a form holding a date and time (when the
 * observations were taken, when an infusion started), shown as the
 * locale writes it and changed in a popover with a calendar and a clock.
 * Times are Unix seconds; 0 means not recorded, which only an optional
 * row allows. A new row holds the current minute. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_TIME_ROW (crs_time_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsTimeRow, crs_time_row, CRS, TIME_ROW, AdwActionRow)

gint64     crs_time_row_get_time     (CrsTimeRow *self);
/* 0 clears an optional row; a required row then shows now. */
void       crs_time_row_set_time     (CrsTimeRow *self,
                                      gint64      unix_time);
void       crs_time_row_set_optional (CrsTimeRow *self,
                                      gboolean    optional);
/* A problem with the time (in the future, before the start); NULL
 * clears it. */
void       crs_time_row_set_problem  (CrsTimeRow *self,
                                      const char *problem);
const char *crs_time_row_get_problem (CrsTimeRow *self);
/* Marks the row when its time is later than now, beyond a few minutes of
 * clock difference (a record is never from the future), and clears the
 * problem otherwise. Returns TRUE when the time is in the future. */
gboolean   crs_time_row_check_not_future (CrsTimeRow *self);

G_END_DECLS
