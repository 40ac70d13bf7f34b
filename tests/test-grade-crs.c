/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grade-crs.c: the ASTCT 2019 CRS table at every edge.
 *
 * Expected grades are read off the table in shared/clinical/grading.md §1
 * (fever >= 38.0 °C; hypotension without pressors 2, one pressor with or
 * without vasopressin or vasopressin alone 3, several 4; low flow <= 6
 * L/min or blow-by 2, high flow, face mask, non-rebreather, Venturi 3,
 * CPAP, BiPAP, ventilation 4; the more severe sets the grade), not from
 * the code under test. */
#define G_LOG_DOMAIN "test-grade-crs"

#include "config.h"

#include <glib.h>
#include <math.h>

#include <string.h>

#include "core/crs-grading.h"
#include "core/crs-symptom.h"

#define NO_INT CRS_MISSING

typedef struct
{
  const char  *name;
  double       temp;          /* NAN = not recorded */
  int          sbp;
  CrsTri       hypotension;
  int          pressors;
  CrsTri       vasopressin;
  CrsO2Device  device;
  double       flow;          /* NAN = not recorded */
  gboolean     masked;
  double       low_flow_max;  /* 0 = ward default */
  int          hypo_below;    /* 0 = ward default */
  int          expected;      /* CRS_MISSING = undetermined */
  const char  *summary;       /* expected exactly, or NULL */
  const char  *missing;       /* a word expected in the "not recorded" list, or NULL */
  /* Added with the floors (grading.md §6): @expected is then the lower
   * bound the recorded findings prove, and the grade is "at least" it. */
  gboolean     at_least;
} CrsCase;

static const CrsCase cases[] = {
  /* Fever edge, and the 0.1 °C reading of the thermometer. */
  { "37.9 no fever", 37.9, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 0,
    "Grade 0: no fever (37.9 °C)", NULL },
  { "38.0 fever", 38.0, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 1,
    "Grade 1: fever 38.0 °C, no hypotension and no oxygen needed", NULL },
  { "37.94 reads 37.9", 37.94, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 0, NULL, NULL },
  { "37.95 reads 38.0", 37.95, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 1, NULL, NULL },
  { "no fever outweighs pressors", 37.2, 70, CRS_TRI_UNSET, 2, CRS_TRI_UNSET, CRS_O2_CPAP, NAN, FALSE, 0, 0, 0, NULL, NULL },
  { "no temperature, not masked", NAN, 120, CRS_TRI_UNSET, 2, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, CRS_MISSING,
    "Not determined: temperature not recorded", NULL },

  /* Hypotension: systolic below the threshold, the nurse's tick. */
  { "sbp 89 hypotension", 38.5, 89, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 2,
    "Grade 2: fever 38.5 °C and systolic 89 mmHg without vasopressors", NULL },
  { "sbp 90 none", 38.5, 90, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 1, NULL, NULL },
  { "threshold 95: sbp 94", 38.5, 94, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 95, 2, NULL, NULL },
  { "threshold 95: sbp 95", 38.5, 95, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 95, 1, NULL, NULL },
  { "tick yes, sbp normal", 38.5, 120, CRS_TRI_YES, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 2,
    "Grade 2: fever 38.5 °C and hypotension without vasopressors", NULL },
  { "tick no, sbp 85", 38.5, 85, CRS_TRI_NO, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 1, NULL, NULL },
  { "tick yes, no sbp", 38.5, NO_INT, CRS_TRI_YES, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 2, NULL, NULL },

  /* Vasopressors and vasopressin. */
  { "one pressor", 38.5, 85, CRS_TRI_UNSET, 1, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 3,
    "Grade 3: fever 38.5 °C and one vasopressor", NULL },
  { "vasopressin alone", 38.5, 85, CRS_TRI_UNSET, 0, CRS_TRI_YES, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 3,
    "Grade 3: fever 38.5 °C and vasopressin alone", NULL },
  { "one pressor and vasopressin", 38.5, 85, CRS_TRI_UNSET, 1, CRS_TRI_YES, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 3,
    "Grade 3: fever 38.5 °C and one vasopressor with vasopressin", NULL },
  { "two pressors", 38.5, 85, CRS_TRI_UNSET, 2, CRS_TRI_NO, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 4,
    "Grade 4: fever 38.5 °C and 2 vasopressors", NULL },
  { "two pressors and vasopressin", 38.5, 85, CRS_TRI_UNSET, 2, CRS_TRI_YES, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 4, NULL, NULL },
  { "pressor despite tick no", 38.5, 85, CRS_TRI_NO, 1, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 3, NULL, NULL },
  { "pressors 0 counts as none", 38.5, 120, CRS_TRI_UNSET, 0, CRS_TRI_NO, CRS_O2_ROOM_AIR, NAN, FALSE, 0, 0, 1, NULL, NULL },

  /* Oxygen by device and flow, and the ward's low-flow limit. */
  { "cannula 6 L/min low flow", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, 6.0, FALSE, 0, 0, 2,
    "Grade 2: fever 38.5 °C and low-flow nasal cannula at 6 L/min", NULL },
  { "cannula 6.5 L/min high flow", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, 6.5, FALSE, 0, 0, 3,
    "Grade 3: fever 38.5 °C and nasal cannula at 6.5 L/min, which counts as high flow", NULL },
  { "limit 5.5: cannula 6", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, 6.0, FALSE, 5.5, 0, 3, NULL, NULL },
  { "limit 5.5: cannula 5.5", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, 5.5, FALSE, 5.5, 0, 2, NULL, NULL },
  { "limit 8: cannula 6.5", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, 6.5, FALSE, 8.0, 0, 2, NULL, NULL },
  { "cannula without flow", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, NAN, FALSE, 0, 0, 2,
    "At least grade 2: fever 38.5 °C and nasal cannula oxygen (flow not recorded, counted as low flow) "
    "(not recorded: oxygen flow)", "oxygen flow", TRUE },
  { "blow-by", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_BLOW_BY, NAN, FALSE, 0, 0, 2, NULL, NULL },
  { "hfnc", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_HFNC, 4.0, FALSE, 0, 0, 3, NULL, NULL },
  { "face mask", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_FACE_MASK, NAN, FALSE, 0, 0, 3, NULL, NULL },
  { "non-rebreather", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_NON_REBREATHER, NAN, FALSE, 0, 0, 3, NULL, NULL },
  { "venturi", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_VENTURI, NAN, FALSE, 0, 0, 3, NULL, NULL },
  { "cpap", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_CPAP, NAN, FALSE, 0, 0, 4, NULL, NULL },
  { "bipap", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_BIPAP, NAN, FALSE, 0, 0, 4, NULL, NULL },
  { "ventilator", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_VENTILATOR, NAN, FALSE, 0, 0, 4,
    "Grade 4: fever 38.5 °C and mechanical ventilation", NULL },
  { "flow without device 4", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_UNSET, 4.0, FALSE, 0, 0, 2, NULL,
    "oxygen device", TRUE },
  { "flow without device 8", 38.5, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_UNSET, 8.0, FALSE, 0, 0, 3, NULL,
    "oxygen device", TRUE },

  /* The more severe event sets the grade. */
  { "worked example", 39.5, 85, CRS_TRI_UNSET, 1, CRS_TRI_UNSET, CRS_O2_NASAL_CANNULA, 4.0, FALSE, 0, 0, 3,
    "Grade 3: fever 39.5 °C and one vasopressor", NULL },
  { "hypoxia more severe", 38.5, 85, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_FACE_MASK, NAN, FALSE, 0, 0, 3, NULL, NULL },
  { "both grade 3", 38.5, 85, CRS_TRI_UNSET, 1, CRS_TRI_UNSET, CRS_O2_FACE_MASK, NAN, FALSE, 0, 0, 3,
    "Grade 3: fever 38.5 °C, one vasopressor and oxygen by face mask", NULL },

  /* Fever masked by treatment: hypotension and hypoxia grade alone. */
  { "masked, hypotension", 37.0, 85, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, TRUE, 0, 0, 2,
    "Grade 2: temperature 37.0 °C while fever is masked by treatment and systolic 85 mmHg without vasopressors", NULL },
  { "masked, no temperature, pressor", NAN, NO_INT, CRS_TRI_UNSET, 1, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, TRUE, 0, 0, 3, NULL, NULL },
  { "masked, nothing else", 37.0, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, TRUE, 0, 0, 0, NULL, NULL },
  { "masked, fever still", 38.6, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, TRUE, 0, 0, 1, NULL, NULL },
  { "masked, nothing recorded", NAN, NO_INT, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_UNSET, NAN, TRUE, 0, 0, CRS_MISSING,
    NULL, "blood pressure" },
  /* Masked and no temperature: a fever would still make it grade 1. */
  { "masked, no temperature, room air", NAN, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, TRUE, 0, 0,
    CRS_MISSING, "Not determined: fever is masked by treatment, no hypotension and no oxygen needed; "
    "temperature not recorded", "temperature" },

  /* Partial sets: with fever (or masked) the recorded domains prove a
   * lower bound; what was not recorded is named (grading.md §6). */
  { "fever only", 38.4, NO_INT, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_UNSET, NAN, FALSE, 0, 0, 1,
    "At least grade 1: fever 38.4 °C (not recorded: blood pressure and oxygen)", "oxygen", TRUE },
  { "fever and oxygen, no pressure", 38.4, NO_INT, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_FACE_MASK, NAN, FALSE, 0, 0, 3,
    "At least grade 3: fever 38.4 °C and oxygen by face mask (not recorded: blood pressure)", "blood pressure",
    TRUE },
  { "fever, pressure, no oxygen", 38.4, 120, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_UNSET, NAN, FALSE, 0, 0, 1,
    NULL, "oxygen", TRUE },
  { "fever, no pressors recorded, no pressure", 38.4, NO_INT, CRS_TRI_UNSET, 0, CRS_TRI_NO, CRS_O2_ROOM_AIR, NAN, FALSE,
    0, 0, 1, NULL, "blood pressure", TRUE },
  { "fever, pressors and oxygen fix 3", 38.4, NO_INT, CRS_TRI_UNSET, 1, CRS_TRI_UNSET, CRS_O2_FACE_MASK, NAN, FALSE,
    0, 0, 3, "Grade 3: fever 38.4 °C, one vasopressor and oxygen by face mask", NULL },
  { "afebrile with two pressors is not CRS", 37.2, 70, CRS_TRI_UNSET, 2, CRS_TRI_UNSET, CRS_O2_ROOM_AIR, NAN, FALSE,
    0, 0, 0, "Grade 0: no fever (37.2 °C) and 2 vasopressors", NULL },
  { "grade 4 needs nothing more", 38.4, NO_INT, CRS_TRI_UNSET, NO_INT, CRS_TRI_UNSET, CRS_O2_VENTILATOR, NAN, FALSE, 0, 0, 4,
    "Grade 4: fever 38.4 °C and mechanical ventilation", NULL },
};

static void
test_crs_case (gconstpointer data)
{
  const CrsCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autofree char *summary = NULL;
  CrsGradingContext context;
  CrsWardPolicy policy;

  crs_grading_context_init (&context);
  context.fever_masked = c->masked;
  crs_ward_policy_init (&policy);
  if (c->low_flow_max > 0)
    policy.low_flow_max_l_min = c->low_flow_max;
  if (c->hypo_below > 0)
    policy.hypotension_systolic_below = c->hypo_below;

  observation->temperature_c = c->temp;
  observation->systolic = c->sbp;
  observation->hypotension = c->hypotension;
  observation->vasopressors = c->pressors;
  observation->vasopressin = c->vasopressin;
  observation->o2_device = c->device;
  observation->o2_flow_l_min = c->flow;

  grading = crs_grading_new (observation, &context, &policy);
  summary = crs_grading_crs_summary (grading);
  g_test_message ("%s: %s", c->name, summary);

  g_assert_cmpint (crs_grading_crs_value (grading), ==, c->expected);
  if (c->at_least)
    {
      g_assert_cmpint (crs_grading_crs_certainty (grading), ==, CRS_CERTAINTY_AT_LEAST);
      g_assert_cmpint (grading->crs_grade, ==, CRS_MISSING);
      g_assert_cmpint (grading->crs_grade_min, ==, c->expected);
    }
  else if (!crs_is_missing_int (c->expected))
    g_assert_cmpint (crs_grading_crs_certainty (grading), ==, CRS_CERTAINTY_DETERMINED);
  else
    g_assert_cmpint (crs_grading_crs_certainty (grading), ==, CRS_CERTAINTY_NOT_DETERMINED);
  g_assert_cmpuint (grading->crs_reasons->len + grading->crs_missing->len, >, 0);
  if (c->summary != NULL)
    g_assert_cmpstr (summary, ==, c->summary);
  if (c->missing != NULL)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < grading->crs_missing->len; i++)
        if (g_str_equal (g_ptr_array_index (grading->crs_missing, i), c->missing))
          found = TRUE;
      g_assert_true (found);
    }
  if (!crs_is_missing_int (c->expected) && !c->at_least)
    g_assert_cmpint (grading->crs_grade_min, ==, c->expected);
}

/* Children's hypotension by age (AHA PALS, grading.md §6): systolic below
 * 70 under 1 year, below 70 + 2 x age from 1 to 9 years, below 90 from 10;
 * only below the ward's NEWS2 age (the age it treats as adult), and only
 * while the ward keeps the rule on. */
typedef struct
{
  const char *name;
  int         age;          /* -1 = unknown */
  int         systolic;
  gboolean    adult_rule;   /* the ward turned the children's rule off */
  int         expected;     /* with fever 38.5 and room air */
  int         below;        /* the threshold said */
} ChildCase;

static const ChildCase child_cases[] = {
  { "infant 69", 0, 69, FALSE, 2, 70 },
  { "infant 70", 0, 70, FALSE, 1, 70 },
  { "1 year 71", 1, 71, FALSE, 2, 72 },
  { "1 year 72", 1, 72, FALSE, 1, 72 },
  { "5 years 79", 5, 79, FALSE, 2, 80 },
  { "5 years 80", 5, 80, FALSE, 1, 80 },
  { "9 years 87", 9, 87, FALSE, 2, 88 },
  { "9 years 88", 9, 88, FALSE, 1, 88 },
  { "10 years 89", 10, 89, FALSE, 2, 90 },
  { "10 years 90", 10, 90, FALSE, 1, 90 },
  { "5 years, adult rule 85", 5, 85, TRUE, 2, 90 },
  { "adult 85", 40, 85, FALSE, 2, 90 },
  { "unknown age 85", -1, 85, FALSE, 2, 90 },
};

static void
test_child_hypotension (gconstpointer data)
{
  const ChildCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradingContext context;
  CrsWardPolicy policy;

  crs_grading_context_init (&context);
  context.age_years = c->age;
  crs_ward_policy_init (&policy);
  policy.child_hypotension_by_age = !c->adult_rule;
  g_assert_cmpint (crs_ward_policy_hypotension_below (&policy, c->age, NULL), ==, c->below);

  observation->temperature_c = 38.5;
  observation->systolic = c->systolic;
  observation->o2_device = CRS_O2_ROOM_AIR;
  grading = crs_grading_new (observation, &context, &policy);
  g_assert_cmpint (grading->crs_grade, ==, c->expected);
  g_assert_cmpint (grading->hypotension_below, ==, c->below);
  if (c->expected == 2 && grading->hypotension_by_age)
    {
      g_autofree char *summary = crs_grading_crs_summary (grading);
      g_autofree char *expected = g_strdup_printf ("below %d for the age", c->below);
      g_assert_nonnull (strstr (summary, expected));
    }
}

/* "Low blood pressure" ticked in the symptoms is hypotension recorded;
 * the nurse's "not hypotensive" tick still wins. */
static void
test_symptom_hypotension (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) ticked = NULL;
  g_autoptr(CrsGrading) overruled = NULL;
  g_autofree char *summary = NULL;

  observation->temperature_c = 38.5;
  observation->o2_device = CRS_O2_ROOM_AIR;
  observation->symptoms = CRS_SYMPTOM_BIT (CRS_SYMPTOM_LOW_BLOOD_PRESSURE);
  ticked = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (ticked->crs_grade, ==, 2);
  summary = crs_grading_crs_summary (ticked);
  g_assert_cmpstr (summary, ==, "Grade 2: fever 38.5 °C and low blood pressure (symptom checklist) without vasopressors");
  /* No systolic recorded with it: the form asks for one. */
  g_assert_true (ticked->prompts & (1u << CRS_PROMPT_BLOOD_PRESSURE));

  observation->hypotension = CRS_TRI_NO;
  overruled = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (overruled->crs_grade, ==, 1);
}

static void
test_crs_default_policy (void)
{
  CrsWardPolicy policy;

  crs_ward_policy_init (&policy);
  /* grading.md §1 and §2c: SBP < 90, CAPD below 12, low flow <= 6 L/min;
   * the window interval is NEWS2's 4-hourly. */
  g_assert_cmpint (policy.hypotension_systolic_below, ==, 90);
  g_assert_cmpint (policy.capd_below_age, ==, 12);
  g_assert_cmpfloat (policy.low_flow_max_l_min, ==, 6.0);
  g_assert_cmpint (policy.window_interval_minutes, ==, 240);
  /* grading.md §6: grade 1 at most 4-hourly, continuous monitoring with
   * at most an hour between sets, children's hypotension by age. */
  g_assert_cmpint (policy.grade1_interval_minutes, ==, 240);
  g_assert_cmpint (policy.continuous_max_gap_minutes, ==, 60);
  g_assert_true (policy.child_hypotension_by_age);
}

static void
test_crs_null_context_and_policy (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;

  observation->temperature_c = 38.2;
  observation->systolic = 89;
  observation->o2_device = CRS_O2_ROOM_AIR;
  grading = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (grading->crs_grade, ==, 2);
  g_assert_true (grading->fever);
  g_assert_true (grading->hypotension);
}

/* The chart's fever line is the table's 38.0 °C: a set on the line has
 * a fever, one a tenth below it has none (grading.md §1). */
static void
test_fever_line (void)
{
  g_autoptr(CrsObservation) on_line = crs_observation_new ();
  g_autoptr(CrsObservation) below = crs_observation_new ();
  g_autoptr(CrsGrading) a = NULL;
  g_autoptr(CrsGrading) b = NULL;

  g_assert_cmpfloat (crs_fever_line_celsius (), ==, 38.0);
  g_assert_cmpfloat (crs_fever_min_celsius (), <, crs_fever_line_celsius ());
  on_line->temperature_c = crs_fever_line_celsius ();
  below->temperature_c = crs_fever_line_celsius () - 0.1;
  a = crs_grading_new (on_line, NULL, NULL);
  b = crs_grading_new (below, NULL, NULL);
  g_assert_true (a->fever);
  g_assert_false (b->fever);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-crs/table/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_crs_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (child_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-crs/child-hypotension/%s", child_cases[i].name);
      g_test_add_data_func (path, &child_cases[i], test_child_hypotension);
    }
  g_test_add_func ("/grade-crs/symptom-hypotension", test_symptom_hypotension);
  g_test_add_func ("/grade-crs/default-policy", test_crs_default_policy);
  g_test_add_func ("/grade-crs/null-context-and-policy", test_crs_null_context_and_policy);
  g_test_add_func ("/grade-crs/fever-line", test_fever_line);

  return g_test_run ();
}
