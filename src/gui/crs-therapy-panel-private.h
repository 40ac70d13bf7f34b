/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-panel-private.h: what the tests read of CrsTherapyPanel:
 * its parts and what it shows. Only its own file and the tests include
 * this. */
#pragma once

#include "crs-therapy-panel.h"

G_BEGIN_DECLS

/* The window sentence shown, for tests. */
const char *crs_therapy_panel_get_headline  (CrsTherapyPanel *self);

G_END_DECLS
