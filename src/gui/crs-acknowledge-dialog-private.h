/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-acknowledge-dialog-private.h: what the tests read of
 * CrsAcknowledgeDialog: its parts and what it shows. Only its own file
 * and the tests include this. */
#pragma once

#include "crs-acknowledge-dialog.h"

G_BEGIN_DECLS

/* The two fields, for tests. */
AdwEntryRow *crs_acknowledge_dialog_get_name_row     (CrsAcknowledgeDialog *self);
AdwEntryRow *crs_acknowledge_dialog_get_informed_row (CrsAcknowledgeDialog *self);

G_END_DECLS
