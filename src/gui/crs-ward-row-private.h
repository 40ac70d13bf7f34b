/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-row-private.h: what the tests read of CrsWardRow: its parts
 * and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-ward-row.h"

G_BEGIN_DECLS

/* The sparkline of the last 72 hours (CRS and ICANS as of now). */
CrsTimeline  *crs_ward_row_get_sparkline (CrsWardRow *self);

G_END_DECLS
