/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-word.c: a grade in one word.
 *
 * The words are the seed article's grade table (shared/seed/
 * 000_f8b6ddb3c8adf4e1.txt: grade 1 "a mild reaction", grade 2 "a
 * moderate reaction", grade 3 "a more severe reaction", grade 4 "a life
 * threatening complication"), which match the CTCAE severity words that
 * grading.md quotes for grade 4 ("Life-threatening consequences"). ICANS
 * uses the same words. */
#define G_LOG_DOMAIN "crs-grade-word"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-grade-word.h"
#include "crs-model.h"

const char *
crs_grade_word (int grade)
{
  switch (grade)
    {
    case 0:
      return C_("grade", "none");
    case 1:
      return C_("grade", "mild");
    case 2:
      return C_("grade", "moderate");
    case 3:
      return C_("grade", "severe");
    case 4:
      return C_("grade", "life-threatening");
    default:
      return C_("grade", "not determined");
    }
}
