/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-word.h: a CRS or ICANS grade in one word, shown beside its
 * number so that neither the colour nor the number stands alone. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "none", "mild", "moderate", "severe", "life-threatening" for grades
 * 0-4; "not determined" for CRS_MISSING. Translated. */
const char *crs_grade_word (int grade);

G_END_DECLS
