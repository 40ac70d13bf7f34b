/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-shift.h: the ward's shifts, by the times of day they start.
 *
 * A ward sets the local times its shifts start ("07:00, 19:00" for two
 * twelve-hour shifts, "07:00, 15:00, 23:00" for three); each shift runs
 * until the next start. The handover report covers "this shift" by them.
 * They are a ward setting (CRS_SHIFT_STARTS_KEY in the store, shared by
 * every workstation, carried in the ward file like the ward's name).
 * Times are local wall-clock times: a shift across a change to or from
 * summer time is an hour shorter or longer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ward setting holding the shift start times. */
#define CRS_SHIFT_STARTS_KEY "shift-starts"
/* Without the setting: two twelve-hour shifts, the common pattern of
 * inpatient wards; the ward sets its own in Preferences. */
#define CRS_SHIFT_STARTS_DEFAULT "07:00, 19:00"
/* At most this many shifts in a day. */
#define CRS_SHIFT_MAX 8

/* Reads "07:00, 19:00" (24-hour times, separated by commas or spaces, any
 * order) into minutes after midnight, sorted: an array of int. NULL with
 * @error (G_IO_ERROR_INVALID_DATA, naming the part at fault) for an empty
 * list, a time that is not HH:MM, a time given twice or more than
 * CRS_SHIFT_MAX times. */
GArray *crs_shift_parse   (const char   *text,
                           GError      **error);
/* The times as the setting holds them: "07:00, 19:00". */
char   *crs_shift_format  (GArray       *starts);
/* The shift holding @now: from its start (at or before @now) to the next
 * start, in Unix seconds. */
void    crs_shift_current (GArray       *starts,
                           gint64        now,
                           gint64       *from,
                           gint64       *to);

G_END_DECLS
