/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-application-private.h: what the tests read of CrsApplication: its
 * parts and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-application.h"

G_BEGIN_DECLS

/* TRUE when started with --demo. */
gboolean        crs_application_get_demo (CrsApplication *self);

G_END_DECLS
