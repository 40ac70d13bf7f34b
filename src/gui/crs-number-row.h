/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-number-row.h: a row of a form holding one number: the title on the
 * left, the value and its unit on the right. The value is checked as it is
 * typed, in the user's locale; a value that cannot be right (60 °C) is
 * marked at the row, with the allowed range under the title. Empty means
 * not recorded. */
#pragma once

#include <adwaita.h>

#include "core/crs-validate.h"

G_BEGIN_DECLS

#define CRS_TYPE_NUMBER_ROW (crs_number_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsNumberRow, crs_number_row, CRS, NUMBER_ROW, AdwActionRow)

typedef enum {
  CRS_NUMBER_ROW_EMPTY = 0,   /* nothing typed: not recorded */
  CRS_NUMBER_ROW_VALID,
  CRS_NUMBER_ROW_INVALID,     /* the message says why; blocks saving */
} CrsNumberRowState;

/* Converts between the unit typed and the unit stored (°F and °C). */
typedef double (*CrsNumberConvert) (double value);

void               crs_number_row_set_field      (CrsNumberRow     *self,
                                                  CrsField          field);
/* Typed in @unit and converted with @to_stored before checking and
 * storing; @from_stored shows a stored value. NULL functions: as stored. */
void               crs_number_row_set_conversion (CrsNumberRow     *self,
                                                  const char       *unit,
                                                  CrsNumberConvert  to_stored,
                                                  CrsNumberConvert  from_stored);
/* The value in the stored unit; NAN when empty or invalid. */
double             crs_number_row_get_value      (CrsNumberRow     *self);
/* A whole number, or CRS_MISSING when empty or invalid. */
int                crs_number_row_get_int        (CrsNumberRow     *self);
/* Shows a stored value (NAN or a missing int: empty). */
void               crs_number_row_set_value      (CrsNumberRow     *self,
                                                  double            value);
CrsNumberRowState  crs_number_row_get_state      (CrsNumberRow     *self);
/* What is wrong, NULL when nothing is. */
const char        *crs_number_row_get_problem    (CrsNumberRow     *self);
/* A problem found by looking at other rows too (the diastolic above the
 * systolic); NULL clears it. */
void               crs_number_row_set_conflict   (CrsNumberRow     *self,
                                                  const char       *message);
/* A remark on a valid value (e.g. its NEWS2 score); NULL clears it. */
void               crs_number_row_set_hint       (CrsNumberRow     *self,
                                                  const char       *hint);
void               crs_number_row_set_text       (CrsNumberRow     *self,
                                                  const char       *text);
GtkEditable       *crs_number_row_get_editable   (CrsNumberRow     *self);

G_END_DECLS
