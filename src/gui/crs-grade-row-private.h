/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-row-private.h: what the tests read of CrsGradeRow: its parts
 * and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-grade-row.h"

G_BEGIN_DECLS

/* The texts shown, for tests: summary and guidance. */
const char *crs_grade_row_get_summary  (CrsGradeRow *self);
const char *crs_grade_row_get_grade    (CrsGradeRow *self);

G_END_DECLS
