/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-lab-test.c: the blood tests a ward records, with LOINC codes.
 *
 * Codes and units, each from a published source (read 2026):
 *  - CRP 1988-5 "C reactive protein [Mass/volume] in Serum or Plasma",
 *    mg/L: Mayo Clinic Laboratories test catalog, test CRP "C-Reactive
 *    Protein (CRP), Serum", result LOINC 1988-5, reference values in mg/L.
 *  - Ferritin 2276-4 "Ferritin [Mass/volume] in Serum or Plasma", ng/mL:
 *    Labcorp test menu 25286 "Ferritin (Serial Monitor)", LOINC map:
 *    result Ferritin, ng/mL, LOINC 2276-4. (Some laboratories report the
 *    method-specific 20567-4; the form lets the nurse type another code.)
 *  - Leukocytes 6690-2, haemoglobin 718-7, platelets 777-3, with the UCUM
 *    units 10*3/uL, g/dL, 10*3/uL: loinc.org 58410-2 "CBC panel - Blood
 *    by Automated count", panel hierarchy with example UCUM units.
 *  - Creatinine 2160-0 "Creatinine [Mass/volume] in Serum or Plasma" and
 *    ALT 1742-6 "Alanine aminotransferase [Enzymatic activity/volume] in
 *    Serum or Plasma": HL7 FHIR IG Outburn-IL/Project-IGs, ValueSet
 *    lrc-referral-codes (LRC/input/fsh/ValueSet-lrc-referral-codes.fsh).
 *    Units from the LOINC property: mass concentration mg/dL, enzymatic
 *    activity U/L.
 *  - Fibrinogen 3255-7, mg/dL: ARUP Laboratories test 0030130
 *    "Fibrinogen", component LOINC 3255-7, reference interval in mg/dL.
 * The unit is a default the nurse can change to what the laboratory
 * reported (e.g. creatinine in umol/L). */
#define G_LOG_DOMAIN "crs-lab-test"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-lab-test.h"

static const CrsLabTest tests[] = {
  { "1988-5", N_("CRP"), "mg/L" },
  { "2276-4", N_("Ferritin"), "ng/mL" },
  { "6690-2", N_("White cell count"), "10*3/uL" },
  { "718-7", N_("Haemoglobin"), "g/dL" },
  { "777-3", N_("Platelets"), "10*3/uL" },
  { "2160-0", N_("Creatinine"), "mg/dL" },
  { "1742-6", N_("ALT"), "U/L" },
  { "3255-7", N_("Fibrinogen"), "mg/dL" },
};

const CrsLabTest *
crs_lab_tests (guint *n_tests)
{
  if (n_tests != NULL)
    *n_tests = G_N_ELEMENTS (tests);
  return tests;
}

const char *
crs_lab_test_name (const CrsLabTest *test)
{
  g_return_val_if_fail (test != NULL, "");
  return _(test->name);
}
