/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-list-private.h: what the tests read of CrsWardList: its parts
 * and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-ward-list.h"

G_BEGIN_DECLS

/* The rows as shown, top to bottom (CrsWardEntry *, borrowed). */
GPtrArray    *crs_ward_list_get_shown       (CrsWardList  *self);

G_END_DECLS
