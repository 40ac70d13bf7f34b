/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grade-icans.c: the ASTCT 2019 ICANS table at every edge.
 *
 * Expected grades are read off shared/clinical/grading.md §2 (ICE 7-9 = 1,
 * 3-6 = 2, 0-2 = 3, 0 and unarousable = 4; arousal spontaneous 1, voice 2,
 * tactile 3, unarousable 4; seizure resolved 3, prolonged 4; deep motor
 * weakness 4; focal oedema 3, diffuse 4; CAPD below 12 years: 0 none, 1-8
 * grade 1 (2 with voice), >= 9 grade 3). */
#define G_LOG_DOMAIN "test-grade-icans"

#include "config.h"

#include <glib.h>

#include "core/crs-grading.h"
#include "core/crs-symptom.h"

#define NO_INT CRS_MISSING

typedef struct
{
  const char *name;
  int         age;           /* -1 = unknown */
  gboolean    use_capd;
  int         capd_below;    /* 0 = ward default (12) */
  int         ice;
  int         capd;
  CrsArousal  arousal;
  CrsAcvpu    acvpu;
  CrsSeizure  seizure;
  CrsTri      motor;
  CrsEdema    edema;
  int         expected;      /* CRS_MISSING = undetermined */
  int         expected_min;
  gboolean    by_capd;
  const char *summary;       /* exact, or NULL */
} IcansCase;

#define ADULT -1, FALSE, 0
#define CHILD(age) age, FALSE, 0
#define AWAKE CRS_AROUSAL_NORMAL, CRS_ACVPU_UNSET
#define NOTHING CRS_SEIZURE_UNSET, CRS_TRI_UNSET, CRS_EDEMA_UNSET

static const IcansCase cases[] = {
  /* ICE bands: 10/9, 7/6, 3/2. */
  { "ICE 10", ADULT, 10, NO_INT, AWAKE, NOTHING, 0, 0, FALSE, "Grade 0: ICE score 10 and awake" },
  { "ICE 9", ADULT, 9, NO_INT, AWAKE, NOTHING, 1, 1, FALSE, "Grade 1: ICE score 9" },
  { "ICE 7", ADULT, 7, NO_INT, AWAKE, NOTHING, 1, 1, FALSE, NULL },
  { "ICE 6", ADULT, 6, NO_INT, AWAKE, NOTHING, 2, 2, FALSE, NULL },
  { "ICE 3", ADULT, 3, NO_INT, AWAKE, NOTHING, 2, 2, FALSE, NULL },
  { "ICE 2", ADULT, 2, NO_INT, AWAKE, NOTHING, 3, 3, FALSE, NULL },
  /* ICE 0: awake (global aphasia) = 3, unarousable = 4. */
  { "ICE 0 awake", ADULT, 0, NO_INT, AWAKE, NOTHING, 3, 3, FALSE, "Grade 3: ICE score 0" },
  { "ICE 0 unarousable", ADULT, 0, NO_INT, CRS_AROUSAL_UNAROUSABLE, CRS_ACVPU_UNSET, NOTHING, 4, 4, FALSE,
    "Grade 4: cannot be woken" },

  /* Depressed level of consciousness. */
  { "drowsy", ADULT, 10, NO_INT, CRS_AROUSAL_SPONTANEOUS, CRS_ACVPU_UNSET, NOTHING, 1, 1, FALSE, NULL },
  { "wakes to voice", ADULT, 10, NO_INT, CRS_AROUSAL_VOICE, CRS_ACVPU_UNSET, NOTHING, 2, 2, FALSE, NULL },
  { "wakes to touch", ADULT, 10, NO_INT, CRS_AROUSAL_TACTILE, CRS_ACVPU_UNSET, NOTHING, 3, 3, FALSE, NULL },
  { "unarousable", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNAROUSABLE, CRS_ACVPU_UNSET, NOTHING, 4, 4, FALSE, NULL },

  /* Seizure, motor findings, oedema. */
  { "seizure resolved", ADULT, 10, NO_INT, AWAKE, CRS_SEIZURE_RESOLVED, CRS_TRI_UNSET, CRS_EDEMA_UNSET, 3, 3, FALSE, NULL },
  { "seizure prolonged", ADULT, 10, NO_INT, AWAKE, CRS_SEIZURE_PROLONGED, CRS_TRI_UNSET, CRS_EDEMA_UNSET, 4, 4, FALSE, NULL },
  { "seizure none", ADULT, 10, NO_INT, AWAKE, CRS_SEIZURE_NONE, CRS_TRI_NO, CRS_EDEMA_NONE, 0, 0, FALSE, NULL },
  { "motor weakness", ADULT, 10, NO_INT, AWAKE, CRS_SEIZURE_NONE, CRS_TRI_YES, CRS_EDEMA_UNSET, 4, 4, FALSE, NULL },
  { "focal oedema", ADULT, 10, NO_INT, AWAKE, CRS_SEIZURE_NONE, CRS_TRI_NO, CRS_EDEMA_FOCAL, 3, 3, FALSE, NULL },
  { "diffuse oedema", ADULT, 10, NO_INT, AWAKE, CRS_SEIZURE_NONE, CRS_TRI_NO, CRS_EDEMA_DIFFUSE, 4, 4, FALSE, NULL },
  /* The sources' example: ICE 3 plus a generalized seizure = grade 3. */
  { "worked example", ADULT, 3, NO_INT, AWAKE, CRS_SEIZURE_RESOLVED, CRS_TRI_UNSET, CRS_EDEMA_UNSET, 3, 3, FALSE,
    "Grade 3: a seizure that resolved" },
  /* ...and without a level of consciousness it is at least 3. */
  { "worked example, ICE only", ADULT, 3, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, CRS_SEIZURE_RESOLVED,
    CRS_TRI_UNSET, CRS_EDEMA_UNSET, CRS_MISSING, 3, FALSE,
    "At least grade 3: a seizure that resolved (not recorded: level of consciousness)" },

  /* CAPD below the age cut-off: 0 / 1 / 8 / 9, and 8 with voice. */
  { "CAPD 0", CHILD (8), NO_INT, 0, AWAKE, NOTHING, 0, 0, TRUE, "Grade 0: CAPD 0 and awake" },
  { "CAPD 1", CHILD (8), NO_INT, 1, AWAKE, NOTHING, 1, 1, TRUE, NULL },
  { "CAPD 8", CHILD (8), NO_INT, 8, AWAKE, NOTHING, 1, 1, TRUE, NULL },
  { "CAPD 9", CHILD (8), NO_INT, 9, AWAKE, NOTHING, 3, 3, TRUE, "Grade 3: CAPD 9" },
  { "CAPD 8, voice", CHILD (8), NO_INT, 8, CRS_AROUSAL_VOICE, CRS_ACVPU_UNSET, NOTHING, 2, 2, TRUE, NULL },
  { "CAPD 4, unarousable", CHILD (8), NO_INT, 4, CRS_AROUSAL_UNAROUSABLE, CRS_ACVPU_UNSET, NOTHING, 4, 4, TRUE, NULL },

  /* The tool that was recorded decides, whatever the age (grading.md §6);
   * the age cut-off (default 12) or the patient's setting only names the
   * tool offered first. Both recorded: both count, the worse wins. */
  { "age 11, both: CAPD 9 counts", CHILD (11), 10, 9, AWAKE, NOTHING, 3, 3, TRUE, NULL },
  { "age 12, both: CAPD 9 counts", CHILD (12), 10, 9, AWAKE, NOTHING, 3, 3, FALSE, NULL },
  { "cut-off 13: age 12 offered CAPD", 12, FALSE, 13, 10, 0, AWAKE, NOTHING, 0, 0, TRUE, NULL },
  { "adult set to CAPD", 30, TRUE, 0, NO_INT, 9, AWAKE, NOTHING, 3, 3, TRUE, NULL },
  { "unknown age, both: worse wins", ADULT, 10, 9, AWAKE, NOTHING, 3, 3, FALSE, NULL },
  { "age 12 with only CAPD", CHILD (12), NO_INT, 9, AWAKE, NOTHING, 3, 3, TRUE, "Grade 3: CAPD 9" },
  { "age 11 with only ICE", CHILD (11), 2, NO_INT, AWAKE, NOTHING, 3, 3, FALSE, "Grade 3: ICE score 2" },
  { "child with only ICE", CHILD (8), 10, NO_INT, AWAKE, NOTHING, 0, 0, FALSE, "Grade 0: ICE score 10 and awake" },
  { "child with only ICE, not awake", CHILD (8), 10, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, NOTHING,
    CRS_MISSING, 0, FALSE, "Not determined: ICE score 10; level of consciousness not recorded" },
  { "adult with only CAPD", ADULT, NO_INT, 5, CRS_AROUSAL_VOICE, CRS_ACVPU_UNSET, NOTHING, 2, 2, TRUE,
    "Grade 2: wakes only to voice" },
  { "child, nothing but awake", CHILD (8), NO_INT, NO_INT, AWAKE, NOTHING, CRS_MISSING, 0, TRUE,
    "Not determined: awake; CAPD score not recorded" },

  /* Consciousness from ACVPU when the ICANS level is not recorded. */
  { "ACVPU A", ADULT, 10, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_ALERT, NOTHING, 0, 0, FALSE, NULL },
  { "ACVPU V", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_VOICE, NOTHING, CRS_MISSING, 2, FALSE, NULL },
  /* P: a response to pain only is the "vigorous ... tactile stimuli" of
   * grade 4 (grading.md §6). */
  { "ACVPU P", ADULT, 10, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_PAIN, NOTHING, 4, 4, FALSE,
    "Grade 4: responds only to pain (ACVPU)" },
  { "ACVPU U", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNRESPONSIVE, NOTHING, 4, 4, FALSE, NULL },
  { "ACVPU C says nothing", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_CONFUSION, NOTHING,
    CRS_MISSING, 0, FALSE, NULL },
  { "arousal beats ACVPU", ADULT, 10, NO_INT, CRS_AROUSAL_NORMAL, CRS_ACVPU_VOICE, NOTHING, 0, 0, FALSE, NULL },

  /* Partial sets: the recorded findings are a lower bound (grading.md
   * §6); ICANS 0 needs a tool score and a level of consciousness. */
  { "ICE only", ADULT, 8, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, NOTHING, CRS_MISSING, 1, FALSE,
    "At least grade 1: ICE score 8 (not recorded: level of consciousness)" },
  { "ICE 10 only", ADULT, 10, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, NOTHING, CRS_MISSING, 0, FALSE,
    "Not determined: ICE score 10; level of consciousness not recorded" },
  { "arousal only", ADULT, NO_INT, NO_INT, CRS_AROUSAL_VOICE, CRS_ACVPU_UNSET, NOTHING, CRS_MISSING, 2, FALSE,
    "At least grade 2: wakes only to voice (not recorded: ICE score)" },
  { "awake only", ADULT, NO_INT, NO_INT, AWAKE, NOTHING, CRS_MISSING, 0, FALSE,
    "Not determined: awake; ICE score not recorded" },
  { "nothing", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, NOTHING, CRS_MISSING, 0, FALSE,
    "Not determined: level of consciousness and ICE score not recorded" },
  { "seizure only", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, CRS_SEIZURE_RESOLVED,
    CRS_TRI_UNSET, CRS_EDEMA_UNSET, CRS_MISSING, 3, FALSE,
    "At least grade 3: a seizure that resolved (not recorded: level of consciousness and ICE score)" },
  { "motor weakness only", ADULT, NO_INT, NO_INT, CRS_AROUSAL_UNSET, CRS_ACVPU_UNSET, CRS_SEIZURE_UNSET,
    CRS_TRI_YES, CRS_EDEMA_UNSET, 4, 4, FALSE, "Grade 4: deep focal motor weakness" },
};

static void
test_icans_case (gconstpointer data)
{
  const IcansCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autofree char *summary = NULL;
  CrsGradingContext context;
  CrsWardPolicy policy;

  crs_grading_context_init (&context);
  context.age_years = c->age;
  context.use_capd = c->use_capd;
  crs_ward_policy_init (&policy);
  if (c->capd_below > 0)
    policy.capd_below_age = c->capd_below;

  observation->ice_total = c->ice;
  observation->capd = c->capd;
  observation->arousal = c->arousal;
  observation->acvpu = c->acvpu;
  observation->seizure = c->seizure;
  observation->motor_weakness = c->motor;
  observation->cerebral_edema = c->edema;

  grading = crs_grading_new (observation, &context, &policy);
  summary = crs_grading_icans_summary (grading);
  g_test_message ("%s: %s", c->name, summary);

  g_assert_cmpint (grading->icans_grade, ==, c->expected);
  g_assert_cmpint (grading->icans_grade_min, ==, c->expected_min);
  g_assert_cmpint (grading->icans_by_capd, ==, c->by_capd);
  /* The tool offered first follows the age; a single recorded score
   * names its own tool. */
  if (crs_is_missing_int (c->ice) == crs_is_missing_int (c->capd))
    g_assert_cmpint (crs_grading_uses_capd (&context, &policy), ==, c->by_capd);
  g_assert_cmpuint (grading->icans_reasons->len + grading->icans_missing->len, >, 0);
  if (c->summary != NULL)
    g_assert_cmpstr (summary, ==, c->summary);
}

/* ICE entered item by item: the score is the number answered correctly. */
static void
test_icans_ice_items (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) seven = NULL;
  g_autoptr(CrsGrading) six = NULL;

  observation->arousal = CRS_AROUSAL_NORMAL;
  observation->ice_items_recorded = TRUE;
  observation->ice_total = 10;   /* ignored when the items are recorded */
  observation->ice_items = (1u << CRS_ICE_YEAR) | (1u << CRS_ICE_MONTH) | (1u << CRS_ICE_CITY) |
                           (1u << CRS_ICE_HOSPITAL) | (1u << CRS_ICE_NAME_1) | (1u << CRS_ICE_NAME_2) |
                           (1u << CRS_ICE_COMMAND);
  seven = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (seven->icans_grade, ==, 1);

  observation->ice_items &= ~(1u << CRS_ICE_COMMAND);
  six = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (six->icans_grade, ==, 2);
}

/* A seizure ticked on the symptom checklist counts as one. */
static void
test_icans_checklist_seizure (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;

  observation->ice_total = 10;
  observation->arousal = CRS_AROUSAL_NORMAL;
  observation->symptoms = CRS_SYMPTOM_BIT (CRS_SYMPTOM_SEIZURE);
  grading = crs_grading_new (observation, NULL, NULL);
  g_assert_cmpint (grading->icans_grade, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-icans/table/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_icans_case);
    }
  g_test_add_func ("/grade-icans/ice-items", test_icans_ice_items);
  g_test_add_func ("/grade-icans/checklist-seizure", test_icans_checklist_seizure);

  return g_test_run ();
}
