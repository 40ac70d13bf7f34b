/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-lab-test.h: the blood tests a ward records to tell CRS from its
 * mimics (ARCHITECTURE.md "lab_result": CRP, ferritin, blood count,
 * creatinine, ALT, fibrinogen), each with its LOINC code and the unit it
 * is usually reported in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *loinc;      /* LOINC code, e.g. "1988-5" */
  const char *name;       /* short name as on a lab report, translated by crs_lab_test_name() */
  const char *unit;       /* UCUM unit usually reported, e.g. "mg/L" */
} CrsLabTest;

/* The known tests, in the order a form lists them. */
const CrsLabTest *crs_lab_tests          (guint      *n_tests);
/* The translated short name. */
const char       *crs_lab_test_name      (const CrsLabTest *test);

G_END_DECLS
