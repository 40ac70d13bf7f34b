/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-latest-set-private.h: what the tests read of CrsLatestSet: its
 * parts and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-latest-set.h"

G_BEGIN_DECLS

/* The red flag row's text ("Red flag acknowledged by …"), "" when hidden;
 * for tests. */
const char *crs_latest_set_get_escalation_text (CrsLatestSet *self);

G_END_DECLS
