/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-field-row-private.h: what the tests read of
 * CrsTherapyFieldRow: its parts and what it shows. Only its own file and
 * the tests include this. */
#pragma once

#include "crs-therapy-field-row.h"

G_BEGIN_DECLS

const char *crs_therapy_field_row_get_value  (CrsTherapyFieldRow *self);   /* NULL for no data */
const char *crs_therapy_field_row_get_detail (CrsTherapyFieldRow *self);

G_END_DECLS
