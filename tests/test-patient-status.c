/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-patient-status.c: what the app says about a patient now
 * (core/crs-patient-status.h), for the cases issue 10 found misleading:
 * a stale grade shown as current, due times that ignore the grades,
 * grades not worked out again when the history changes, partial sets
 * read as reassurance, danger without a grade raising nothing.
 *
 * Expected values come from the rules in shared/clinical/grading.md
 * (§1 CRS, §2 ICANS, §5 NEWS2, §6 the project's decisions on floors,
 * escalation, consciousness, children's hypotension and observation
 * frequency), not from the code under test. */
#define G_LOG_DOMAIN "test-patient-status"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "core/crs-grading-history.h"
#include "core/crs-patient-status.h"
#include "core/crs-symptom.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
/* 2024-03-01 12:00 UTC (the tests run with TZ=UTC). */
#define T0 ((gint64) 1709294400)

typedef struct
{
  CrsPatient *patient;
  GPtrArray  *sets;
  GPtrArray  *infusions;
  GPtrArray  *doses;
  GPtrArray  *acks;
  GPtrArray  *late;
  gint64      next_id;
} Record;

static void
record_init (Record *r)
{
  r->patient = crs_patient_new ();
  r->patient->id = 1;
  r->patient->mrn = g_strdup ("MRN-1");
  r->patient->birth_date = g_strdup ("1970-01-01");
  r->sets = g_ptr_array_new_with_free_func (g_object_unref);
  r->infusions = g_ptr_array_new_with_free_func (g_object_unref);
  r->doses = g_ptr_array_new_with_free_func (g_object_unref);
  r->acks = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_acknowledgement_free);
  r->late = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_late_red_flag_free);
  r->next_id = 1;
}

static void
record_clear (Record *r)
{
  g_clear_object (&r->patient);
  g_clear_pointer (&r->sets, g_ptr_array_unref);
  g_clear_pointer (&r->infusions, g_ptr_array_unref);
  g_clear_pointer (&r->doses, g_ptr_array_unref);
  g_clear_pointer (&r->acks, g_ptr_array_unref);
  g_clear_pointer (&r->late, g_ptr_array_unref);
}

/* A complete, normal adult set: every CRS domain, ICE 10 and awake, all
 * seven NEWS2 parameters scoring 0. */
static CrsObservation *
add_set (Record *r,
         gint64  at)
{
  CrsObservation *obs = crs_observation_new ();

  obs->id = r->next_id++;
  obs->patient_id = 1;
  obs->taken_at = at;
  obs->recorded_at = at + MINUTE;
  obs->temperature_c = 37.0;
  obs->heart_rate = 70;
  obs->resp_rate = 16;
  obs->systolic = 120;
  obs->diastolic = 70;
  obs->spo2 = 98;
  obs->o2_device = CRS_O2_ROOM_AIR;
  obs->vasopressors = 0;
  obs->acvpu = CRS_ACVPU_ALERT;
  obs->arousal = CRS_AROUSAL_NORMAL;
  obs->ice_total = 10;
  g_ptr_array_add (r->sets, obs);
  return obs;
}

/* A set with nothing recorded yet: the caller fills it. */
static CrsObservation *
add_empty_set (Record *r,
               gint64  at)
{
  CrsObservation *obs = crs_observation_new ();

  obs->id = r->next_id++;
  obs->patient_id = 1;
  obs->taken_at = at;
  obs->recorded_at = at + MINUTE;
  g_ptr_array_add (r->sets, obs);
  return obs;
}

static void
add_infusion (Record *r,
              gint64  at)
{
  CrsInfusion *infusion = crs_infusion_new ();

  infusion->id = r->next_id++;
  infusion->patient_id = 1;
  infusion->therapy_name = g_strdup ("tisagenlecleucel");
  infusion->start_at = at;
  g_ptr_array_add (r->infusions, infusion);
}

static void
add_dose (Record              *r,
          gint64               at,
          CrsInterventionKind  kind,
          const char          *drug)
{
  CrsIntervention *dose = crs_intervention_new ();

  dose->id = r->next_id++;
  dose->patient_id = 1;
  dose->at = at;
  dose->kind = kind;
  dose->drug = g_strdup (drug);
  g_ptr_array_add (r->doses, dose);
}

/* Stamps @obs with its grades as the form would have, from the history as
 * it stood then (@r without anything later). */
static void
stamp_now (Record         *r,
           CrsObservation *obs)
{
  g_autoptr(CrsGradingHistory) history = crs_grading_history_new (r->patient, r->sets, r->doses, r->infusions);
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradingContext context;

  crs_grading_history_context (history, obs->taken_at, &context);
  grading = crs_grading_new (obs, &context, NULL);
  crs_grading_stamp (grading, obs);
}

static CrsPatientStatus *
status_at (Record              *r,
           const CrsWardPolicy *policy,
           gint64               now)
{
  CrsPatientRecord record = { 0 };

  record.patient = r->patient;
  record.observations = r->sets;
  record.infusions = r->infusions;
  record.interventions = r->doses;
  record.acknowledgements = r->acks;
  record.late_flags = r->late;
  return crs_patient_status_new (&record, policy, now);
}

static gboolean
contains (const char *text,
          const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    {
      g_test_message ("“%s” does not contain “%s”", text, part);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* A stale grade is never shown as current. */

/* The newest set has no temperature but two vasopressors; three hours
 * earlier CRS was 1. CRS is not determined now (fever is required and was
 * not recorded), the last grade is said as such, and the pressors raise a
 * red flag on their own. */
static void
test_stale_crs (void)
{
  Record r;
  CrsObservation *before, *now;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *due = NULL;

  record_init (&r);
  add_infusion (&r, T0 - 3 * DAY);
  before = add_set (&r, T0 - 3 * HOUR);
  before->temperature_c = 38.4;
  now = add_set (&r, T0 - 10 * MINUTE);
  now->temperature_c = NAN;
  now->vasopressors = 2;
  now->systolic = 84;

  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->crs.certainty, ==, CRS_CERTAINTY_NOT_DETERMINED);
  g_assert_cmpint (status->crs.grade, ==, CRS_MISSING);
  text = crs_scale_status_text (&status->crs);
  g_assert_cmpstr (text, ==, "not determined");
  /* What was last known, with its time. */
  g_assert_cmpint (status->crs.last_grade, ==, 1);
  g_assert_cmpint (status->crs.last_at, ==, T0 - 3 * HOUR);
  last = crs_patient_status_last_text (status, "CRS");
  g_assert_true (contains (last, "Last graded 1 mild at 09:00"));
  /* Two pressors with CRS not gradable: a red flag of its own, open. */
  g_assert_true (status->latest_grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_FINDING));
  g_assert_cmpuint (status->open->len, ==, 1);
  g_assert_true (crs_patient_status_latest_flag_open (status));
  /* The pace: the last grade known (CRS 1, 4-hourly) or the partial
   * NEWS2 (systolic 84 scores 3: hourly), whichever is sooner. */
  due = crs_due_to_string (&status->due);
  g_assert_cmpstr (due, ==, "Due in 50 minutes (NEWS2 at least 3)");
  record_clear (&r);
}

/* A newest set with a seizure and nothing else neurological: ICANS is at
 * least 3 (not the 0 of the set before), a red flag, and continuous
 * monitoring. */
static void
test_stale_icans (void)
{
  Record r;
  CrsObservation *now;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;

  record_init (&r);
  add_set (&r, T0 - 2 * HOUR);
  now = add_empty_set (&r, T0 - 5 * MINUTE);
  now->seizure = CRS_SEIZURE_RESOLVED;

  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->icans.certainty, ==, CRS_CERTAINTY_AT_LEAST);
  g_assert_cmpint (status->icans.grade, ==, 3);
  text = crs_scale_status_text (&status->icans);
  g_assert_cmpstr (text, ==, "at least 3 severe");
  g_assert_true (status->icans.rising);
  g_assert_cmpint (status->icans.previous, ==, 0);
  g_assert_true (status->latest_grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_ICANS_GRADE));
  g_assert_cmpuint (status->open->len, ==, 1);
  due = crs_due_to_string (&status->due);
  g_assert_cmpstr (due, ==, "Monitor continuously; next set due in 55 minutes (ICANS grade 3)");
  record_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Due times from everything known. */

/* ICANS 3 by ICE 2 with NEWS2 0, four weeks after the infusion: NEWS2
 * alone would ask for a set in 12 hours; grade 2 or more means continuous
 * monitoring with a set at least hourly (grading.md §6). */
static void
test_due_icans_3 (void)
{
  Record r;
  CrsObservation *now;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autoptr(CrsPatientStatus) later = NULL;
  g_autofree char *due = NULL;
  g_autofree char *overdue = NULL;

  record_init (&r);
  add_infusion (&r, T0 - 28 * DAY);
  now = add_set (&r, T0 - 10 * MINUTE);
  now->ice_total = 2;

  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->latest_grading->news2_total, ==, 0);
  g_assert_cmpint (status->icans.grade, ==, 3);
  g_assert_cmpint (status->icans.certainty, ==, CRS_CERTAINTY_DETERMINED);
  g_assert_true (status->due.continuous);
  g_assert_cmpint (status->due.rule, ==, CRS_DUE_RULE_CONTINUOUS_GRADE);
  g_assert_cmpint (status->due.due_at, ==, T0 + 50 * MINUTE);
  due = crs_due_to_string (&status->due);
  g_assert_cmpstr (due, ==, "Monitor continuously; next set due in 50 minutes (ICANS grade 3)");

  /* Two hours with no set: overdue, not "continuous" for ever. */
  later = status_at (&r, NULL, T0 + 2 * HOUR);
  g_assert_cmpint (later->due.status, ==, CRS_DUE_OVERDUE);
  overdue = crs_due_to_string (&later->due);
  g_assert_cmpstr (overdue, ==, "Monitor continuously; a set is overdue by 1 hour 10 minutes (ICANS grade 3)");
  record_clear (&r);
}

/* NEWS2 7 or more: continuous monitoring of vital signs (RCP chart 4),
 * and overdue once the ward's longest gap has passed. */
static void
test_due_news2_high (void)
{
  Record r;
  CrsObservation *now;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *due = NULL;
  CrsWardPolicy policy;

  record_init (&r);
  now = add_set (&r, T0 - 3 * HOUR);
  now->resp_rate = 26;      /* 3 */
  now->spo2 = 91;           /* 3 */
  now->heart_rate = 115;    /* 2 */
  crs_ward_policy_init (&policy);
  policy.continuous_max_gap_minutes = 30;

  status = status_at (&r, &policy, T0);
  g_assert_cmpint (status->latest_grading->news2_total, ==, 8);
  g_assert_cmpint (status->due.rule, ==, CRS_DUE_RULE_CONTINUOUS_NEWS2);
  g_assert_cmpint (status->due.status, ==, CRS_DUE_OVERDUE);
  g_assert_cmpint (status->due.minutes, ==, 150);
  due = crs_due_to_string (&status->due);
  g_assert_cmpstr (due, ==, "Monitor continuously; a set is overdue by 2 hours 30 minutes (NEWS2 8)");
  record_clear (&r);
}

/* CRS 1: at most 4-hourly, sooner than NEWS2 0's 12 hours, and said so. */
static void
test_due_grade_1 (void)
{
  Record r;
  CrsObservation *now;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autoptr(CrsPatientStatus) longer = NULL;
  CrsWardPolicy policy;

  record_init (&r);
  now = add_set (&r, T0);
  now->temperature_c = 38.0;   /* NEWS2 0 at 38.0, ASTCT fever */
  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->crs.grade, ==, 1);
  g_assert_cmpint (status->latest_grading->news2_total, ==, 0);
  g_assert_cmpint (status->due.rule, ==, CRS_DUE_RULE_GRADE_1);
  g_assert_cmpint (status->due.interval_minutes, ==, 240);

  /* The ward's own interval for grade 1. */
  crs_ward_policy_init (&policy);
  policy.grade1_interval_minutes = 120;
  longer = status_at (&r, &policy, T0);
  g_assert_cmpint (longer->due.interval_minutes, ==, 120);
  record_clear (&r);
}

/* A child (NEWS2 not used): the ward's interval, and the grade rules
 * too, whichever is sooner. */
static void
test_due_child (void)
{
  Record r;
  CrsObservation *now;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *due = NULL;

  record_init (&r);
  g_free (r.patient->birth_date);
  r.patient->birth_date = g_strdup ("2016-06-01");   /* 7 years old */
  now = add_empty_set (&r, T0 - 30 * MINUTE);
  now->temperature_c = 38.6;
  now->systolic = 110;
  now->o2_device = CRS_O2_NASAL_CANNULA;
  now->o2_flow_l_min = 2;
  now->capd = 10;
  now->arousal = CRS_AROUSAL_NORMAL;
  status = status_at (&r, NULL, T0);
  g_assert_true (status->latest_grading->news2_not_applicable);
  g_assert_cmpint (status->crs.grade, ==, 2);
  g_assert_cmpint (status->icans.grade, ==, 3);
  due = crs_due_to_string (&status->due);
  g_assert_cmpstr (due, ==, "Monitor continuously; next set due in 30 minutes (ICANS grade 3)");
  record_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Children: PEWS where NEWS2 stands for adults (NHS England national PEWS
 * charts, 2023; shared/clinical/pews.md §3.3 for the 5-12 years chart,
 * §4.1 for the levels and their minimal observations). */

/* A child of 7 years 9 months at T0 (the 5-12 years chart) with a
 * complete set that scores PEWS 0: RR 22, no distress, SpO2 98, air, HR
 * 90, SBP 100, CRT 1 s; afebrile, CAPD 0 and awake (CRS 0, ICANS 0). */
static CrsObservation *
add_child_set (Record *r,
               gint64  at)
{
  CrsObservation *obs = add_empty_set (r, at);

  obs->temperature_c = 37.0;
  obs->resp_rate = 22;
  obs->resp_distress = CRS_RESP_DISTRESS_NONE;
  obs->spo2 = 98;
  obs->o2_device = CRS_O2_ROOM_AIR;
  obs->heart_rate = 90;
  obs->systolic = 100;
  obs->diastolic = 60;
  obs->crt_s = 1;
  obs->vasopressors = 0;
  obs->acvpu = CRS_ACVPU_ALERT;
  obs->arousal = CRS_AROUSAL_NORMAL;
  obs->capd = 0;
  return obs;
}

static void
make_child (Record     *r,
            const char *birth_date)
{
  record_init (r);
  g_free (r->patient->birth_date);
  r->patient->birth_date = g_strdup (birth_date);
}

typedef struct
{
  const char  *name;
  int          resp_rate;      /* 0 = as add_child_set */
  int          heart_rate;
  int          spo2;
  CrsRespDistress distress;    /* UNSET = as add_child_set */
  CrsSepsis    sepsis;
  gboolean     partial;        /* only RR, HR and SpO2 recorded */
  int          total;          /* CRS_MISSING when partial */
  int          at_least;
  CrsPewsLevel level;
  gboolean     red_flag;
  const char  *due;            /* the set was taken 10 minutes before T0 */
  const char  *flag_words;     /* NULL when no red flag */
} PewsCase;

static const PewsCase pews_cases[] = {
  /* PEWS 0: the chart gives no frequency (G9): the ward's interval. */
  { "none", 0, 0, 0, CRS_RESP_DISTRESS_UNSET, CRS_SEPSIS_UNSET, FALSE, 0, 0, CRS_PEWS_LEVEL_NONE, FALSE,
    "Due in 3 hours 50 minutes (ward interval)", NULL },
  /* HR 125 (1): low, "Must reassess within 60 minutes". */
  { "low", 0, 125, 0, CRS_RESP_DISTRESS_UNSET, CRS_SEPSIS_UNSET, FALSE, 1, 1, CRS_PEWS_LEVEL_LOW, FALSE,
    "Due in 50 minutes (PEWS 1, low)", NULL },
  /* RR 42 (2) + HR 150 (2) + SpO2 93 (1) = 5: medium, "within 30 minutes"
   * and continuous SpO2 monitoring. */
  { "medium", 42, 150, 93, CRS_RESP_DISTRESS_UNSET, CRS_SEPSIS_UNSET, FALSE, 5, 5, CRS_PEWS_LEVEL_MEDIUM, FALSE,
    "Monitor continuously; next set due in 20 minutes (PEWS 5, medium)", NULL },
  /* + SpO2 91 (4) and mild distress (1) = 9: high, "Every 30 minutes",
   * a red flag. */
  { "high", 42, 150, 91, CRS_RESP_DISTRESS_MILD, CRS_SEPSIS_UNSET, FALSE, 9, 9, CRS_PEWS_LEVEL_HIGH, TRUE,
    "Monitor continuously; next set due in 20 minutes (PEWS 9, high)", "PEWS 9 (high)" },
  /* RR 55 (4) + HR 165 (4) + SpO2 90 (4) + moderate (2) = 14: emergency,
   * "Every 15 minutes". */
  { "emergency", 55, 165, 90, CRS_RESP_DISTRESS_MODERATE, CRS_SEPSIS_UNSET, FALSE, 14, 14,
    CRS_PEWS_LEVEL_EMERGENCY, TRUE,
    "Monitor continuously; next set due in 5 minutes (PEWS 14, emergency)", "PEWS 14 (emergency)" },
  /* PEWS 0 with a new suspicion of septic shock: high by the trigger. */
  { "septic shock", 0, 0, 0, CRS_RESP_DISTRESS_UNSET, CRS_SEPSIS_SHOCK, FALSE, 0, 0, CRS_PEWS_LEVEL_HIGH, TRUE,
    "Monitor continuously; next set due in 20 minutes (PEWS 0, high)",
    "PEWS 0, level high: new suspicion of septic shock" },
  /* Only RR 55 (4), HR 165 (4), SpO2 90 (4): at least 12, high already. */
  { "partial high", 55, 165, 90, CRS_RESP_DISTRESS_UNSET, CRS_SEPSIS_UNSET, TRUE, CRS_MISSING, 12,
    CRS_PEWS_LEVEL_HIGH, TRUE,
    "Monitor continuously; next set due in 20 minutes (PEWS at least 12, high)",
    "PEWS at least 12 (high) from the parameters recorded" },
  /* Only HR 125 (1): at least 1, reassessed within 60 minutes, never
   * read as PEWS 0. */
  { "partial low", 0, 125, 98, CRS_RESP_DISTRESS_UNSET, CRS_SEPSIS_UNSET, TRUE, CRS_MISSING, 1,
    CRS_PEWS_LEVEL_LOW, FALSE, "Due in 50 minutes (PEWS at least 1, low)", NULL },
};

static void
test_pews_child (gconstpointer data)
{
  const PewsCase *c = data;
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *due = NULL;
  const CrsGrading *grading;

  make_child (&r, "2016-06-01");
  if (c->partial)
    {
      set = add_empty_set (&r, T0 - 10 * MINUTE);
      set->temperature_c = 37.0;
    }
  else
    set = add_child_set (&r, T0 - 10 * MINUTE);
  if (c->resp_rate > 0)
    set->resp_rate = c->resp_rate;
  if (c->heart_rate > 0)
    set->heart_rate = c->heart_rate;
  if (c->spo2 > 0)
    set->spo2 = c->spo2;
  if (c->distress != CRS_RESP_DISTRESS_UNSET)
    set->resp_distress = c->distress;
  set->sepsis = c->sepsis;
  stamp_now (&r, set);

  status = status_at (&r, NULL, T0);
  grading = status->latest_grading;
  g_assert_true (grading->news2_not_applicable);
  g_assert_true (grading->pews_applies);
  g_assert_cmpint (grading->pews.band, ==, CRS_PEWS_BAND_5_12_YEARS);
  g_assert_cmpint (grading->pews.total, ==, c->total);
  g_assert_cmpint (grading->pews.total_at_least, ==, c->at_least);
  g_assert_cmpint (grading->pews.level, ==, c->level);
  /* The stored PEWS is what the nurse saw. */
  g_assert_cmpint (set->stored_pews, ==, c->total);
  g_assert_cmpint (set->stored_pews_level, ==, (int) c->level);

  /* The red flag: in the grading, open on the ward, in words. */
  g_assert_cmpint ((grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_PEWS)) != 0, ==, c->red_flag);
  g_assert_cmpint (set->stored_red_flag, ==, c->red_flag);
  g_assert_cmpint (crs_patient_status_latest_flag_open (status), ==, c->red_flag);
  if (c->red_flag)
    {
      g_autofree char *words = crs_patient_status_flag_words (status, g_ptr_array_index (status->open, 0));
      g_assert_cmpstr (words, ==, c->flag_words);
    }

  /* The due time follows the level. */
  due = crs_due_to_string (&status->due);
  g_assert_cmpstr (due, ==, c->due);
  g_assert_cmpint (status->due.continuous, ==, c->level >= CRS_PEWS_LEVEL_MEDIUM);

  /* The words come from the PEWS code: the chart's response. */
  g_assert_nonnull (grading->pews_words);
  g_assert_nonnull (grading->pews_guidance);
  if (c->level == CRS_PEWS_LEVEL_HIGH)
    g_assert_true (contains (grading->pews_guidance, "Call for ‘Rapid Review’"));
  if (c->level == CRS_PEWS_LEVEL_EMERGENCY)
    g_assert_true (contains (grading->pews_guidance, "Immediate 2222 call"));
  record_clear (&r);
}

/* The grade rules and PEWS: whichever is sooner. CRS grade 1 (fever) at
 * PEWS 0 is due at 4 hours; at PEWS 5 (medium) in 30 minutes. */
static void
test_pews_and_grade (void)
{
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) grade_first = NULL;
  g_autoptr(CrsPatientStatus) pews_first = NULL;
  g_autofree char *due_grade = NULL;
  g_autofree char *due_pews = NULL;
  CrsWardPolicy policy;

  crs_ward_policy_init (&policy);
  policy.window_interval_minutes = 480;
  make_child (&r, "2016-06-01");
  set = add_child_set (&r, T0 - 10 * MINUTE);
  set->temperature_c = 38.4;
  grade_first = status_at (&r, &policy, T0);
  g_assert_cmpint (grade_first->crs.grade, ==, 1);
  due_grade = crs_due_to_string (&grade_first->due);
  g_assert_cmpstr (due_grade, ==, "Due in 3 hours 50 minutes (CRS grade 1)");

  set->resp_rate = 42;
  set->heart_rate = 150;
  set->spo2 = 93;
  pews_first = status_at (&r, &policy, T0);
  due_pews = crs_due_to_string (&pews_first->due);
  g_assert_cmpstr (due_pews, ==, "Monitor continuously; next set due in 20 minutes (PEWS 5, medium)");
  record_clear (&r);
}

/* NEWS2 from the ward's NEWS2 age on the day of the set, PEWS below it
 * (the 13 years and over chart until then); a ward that moves the age
 * to 18 scores a 16-year-old with PEWS. */
static void
test_pews_switch_at_news2_age (void)
{
  Record sixteen, day_before;
  CrsWardPolicy policy;
  g_autoptr(CrsPatientStatus) adult = NULL;
  g_autoptr(CrsPatientStatus) child = NULL;
  g_autoptr(CrsPatientStatus) ward_18 = NULL;

  make_child (&sixteen, "2008-03-01");     /* 16 on the day of T0 */
  make_child (&day_before, "2008-03-02");  /* 16 tomorrow */
  add_child_set (&sixteen, T0 - 10 * MINUTE);
  add_child_set (&day_before, T0 - 10 * MINUTE);

  adult = status_at (&sixteen, NULL, T0);
  g_assert_false (adult->latest_grading->pews_applies);
  g_assert_null (adult->latest_grading->pews_words);
  g_assert_false (adult->latest_grading->news2_not_applicable);
  g_assert_cmpint (adult->latest_grading->news2_total, >=, 0);

  child = status_at (&day_before, NULL, T0);
  g_assert_true (child->latest_grading->pews_applies);
  g_assert_cmpint (child->latest_grading->pews.band, ==, CRS_PEWS_BAND_13_YEARS);
  g_assert_cmpint (child->latest_grading->news2_total, ==, CRS_MISSING);

  crs_ward_policy_init (&policy);
  policy.news2_min_age = 18;
  ward_18 = status_at (&sixteen, &policy, T0);
  g_assert_true (ward_18->latest_grading->pews_applies);
  g_assert_cmpint (ward_18->latest_grading->pews.band, ==, CRS_PEWS_BAND_13_YEARS);
  record_clear (&sixteen);
  record_clear (&day_before);
}

/* The AVPU trigger says "changed" when the previous set was alert (the
 * history gives the grading the previous set's ACVPU). */
static void
test_pews_avpu_change (void)
{
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *summary = NULL;

  make_child (&r, "2016-06-01");
  add_child_set (&r, T0 - 70 * MINUTE);
  set = add_child_set (&r, T0 - 10 * MINUTE);
  set->acvpu = CRS_ACVPU_VOICE;
  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->latest_grading->pews.level, ==, CRS_PEWS_LEVEL_HIGH);
  summary = crs_grading_pews_summary (status->latest_grading);
  g_assert_true (contains (summary, "AVPU changed to V (responds to voice)"));
  g_assert_true (crs_patient_status_latest_flag_open (status));
  record_clear (&r);
}

/* On the ward list a child's PEWS stands where the NEWS2 band of the same
 * response stands: PEWS medium (5) above NEWS2 3, NEWS2 5 above PEWS
 * low (1). */
static void
test_pews_urgency (void)
{
  Record child_medium, child_low, adult_3, adult_5;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) a = NULL;
  g_autoptr(CrsPatientStatus) b = NULL;
  g_autoptr(CrsPatientStatus) c = NULL;
  g_autoptr(CrsPatientStatus) d = NULL;

  make_child (&child_medium, "2016-06-01");
  set = add_child_set (&child_medium, T0 - 10 * MINUTE);
  set->resp_rate = 42;
  set->heart_rate = 150;
  set->spo2 = 93;
  make_child (&child_low, "2016-06-01");
  set = add_child_set (&child_low, T0 - 10 * MINUTE);
  set->heart_rate = 125;
  record_init (&adult_3);
  set = add_set (&adult_3, T0 - 10 * MINUTE);
  set->heart_rate = 135;                   /* pulse 135 scores 3 */
  record_init (&adult_5);
  set = add_set (&adult_5, T0 - 10 * MINUTE);
  set->heart_rate = 135;
  set->resp_rate = 22;                     /* + RR 22 (2) = 5 */

  a = status_at (&child_medium, NULL, T0);
  b = status_at (&adult_3, NULL, T0);
  c = status_at (&adult_5, NULL, T0);
  d = status_at (&child_low, NULL, T0);
  g_assert_cmpint (b->latest_grading->news2_total, ==, 3);
  g_assert_cmpint (c->latest_grading->news2_total, ==, 5);
  g_assert_cmpint (crs_patient_status_compare_urgency (a, b), <, 0);
  g_assert_cmpint (crs_patient_status_compare_urgency (c, d), <, 0);
  g_assert_cmpint (crs_patient_status_compare_urgency (b, d), <, 0);
  record_clear (&child_medium);
  record_clear (&child_low);
  record_clear (&adult_3);
  record_clear (&adult_5);
}

/* ---------------------------------------------------------------------- */
/* Grades worked out again when the history changes. */

/* A set saved as CRS 0 (afebrile on one vasopressor), then a dose of
 * tocilizumab recorded that was given before it, after the fever of
 * onset: fever is masked, the set is CRS 3, a red flag, and the status
 * says both grades and why they differ. */
static void
test_retroactive_dose (void)
{
  Record r;
  CrsObservation *onset, *later;
  g_autoptr(CrsPatientStatus) before = NULL;
  g_autoptr(CrsPatientStatus) after = NULL;
  g_autofree char *differs = NULL;
  g_autofree char *guidance = NULL;

  record_init (&r);
  add_infusion (&r, T0 - 4 * DAY);
  onset = add_set (&r, T0 - 6 * HOUR);
  onset->temperature_c = 38.9;
  stamp_now (&r, onset);
  later = add_set (&r, T0 - 20 * MINUTE);
  later->temperature_c = 37.1;
  later->vasopressors = 1;
  later->systolic = 86;
  stamp_now (&r, later);
  g_assert_cmpint (later->stored_crs_grade, ==, 0);
  g_assert_false (later->stored_red_flag);

  before = status_at (&r, NULL, T0);
  g_assert_cmpint (before->crs.grade, ==, 0);
  g_assert_false (before->crs.differs);
  /* Not CRS by ASTCT, but not "no sign of CRS" either. */
  guidance = g_strdup (before->latest_grading->crs_guidance);
  g_assert_null (strstr (guidance, "No sign of CRS"));
  g_assert_true (contains (guidance, "masks fever"));

  /* Given at 08:26, recorded only now. */
  add_dose (&r, T0 - 3 * HOUR - 34 * MINUTE, CRS_INTERVENTION_ANTI_CYTOKINE, "tocilizumab");
  after = status_at (&r, NULL, T0);
  g_assert_cmpint (after->crs.grade, ==, 3);
  g_assert_true (after->crs.differs);
  g_assert_cmpint (after->crs.stored, ==, 0);
  differs = crs_patient_status_differs_text (after, "CRS");
  g_assert_cmpstr (differs, ==, "CRS 3 severe now; graded 0 none when saved, before the tocilizumab at 08:26 was "
                                "recorded");
  g_assert_true (after->latest_grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_GRADE));
  g_assert_cmpuint (after->open->len, ==, 1);
  g_assert_true (crs_patient_status_latest_flag_open (after));
  record_clear (&r);
}

/* A late red flag (the store's record of one raised after saving) stays
 * open until the set is acknowledged after it was raised. */
static void
test_late_flag_acknowledged (void)
{
  Record r;
  CrsObservation *set;
  CrsLateRedFlag *late;
  CrsAcknowledgement *ack;
  g_autoptr(CrsPatientStatus) open = NULL;
  g_autoptr(CrsPatientStatus) early_ack = NULL;
  g_autoptr(CrsPatientStatus) closed = NULL;

  record_init (&r);
  set = add_set (&r, T0 - 5 * HOUR);
  add_set (&r, T0 - HOUR);
  late = g_new0 (CrsLateRedFlag, 1);
  late->observation_id = set->id;
  late->at = T0 - 30 * MINUTE;
  late->kinds = CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_GRADE);
  g_ptr_array_add (r.late, late);

  open = status_at (&r, NULL, T0);
  g_assert_cmpuint (open->open->len, ==, 1);
  g_assert_true (((CrsOpenFlag *) g_ptr_array_index (open->open, 0))->late);
  g_assert_false (crs_patient_status_latest_flag_open (open));

  /* Acknowledged before it was raised: still open. */
  ack = g_new0 (CrsAcknowledgement, 1);
  ack->observation_id = set->id;
  ack->at = T0 - 4 * HOUR;
  g_ptr_array_add (r.acks, ack);
  early_ack = status_at (&r, NULL, T0);
  g_assert_cmpuint (early_ack->open->len, ==, 1);

  ack = g_new0 (CrsAcknowledgement, 1);
  ack->observation_id = set->id;
  ack->at = T0 - 10 * MINUTE;
  g_ptr_array_add (r.acks, ack);
  closed = status_at (&r, NULL, T0);
  g_assert_cmpuint (closed->open->len, ==, 0);
  record_clear (&r);
}

/* Onset is the first fever of the episode; a new infusion starts a new
 * one, and a dose before its onset (premedication) masks nothing. */
static void
test_masking_by_episode (void)
{
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) status = NULL;

  record_init (&r);
  add_infusion (&r, T0 - 4 * DAY);
  set = add_set (&r, T0 - 3 * DAY);
  set->temperature_c = 39.0;
  add_dose (&r, T0 - 3 * DAY + HOUR, CRS_INTERVENTION_CORTICOSTEROID, "dexamethasone");
  /* A second infusion, with premedication, and no fever since. */
  add_infusion (&r, T0 - DAY);
  add_dose (&r, T0 - DAY - HOUR, CRS_INTERVENTION_ANTIPYRETIC, "paracetamol");
  add_dose (&r, T0 - 2 * HOUR, CRS_INTERVENTION_ANTIPYRETIC, "paracetamol");
  set = add_set (&r, T0 - HOUR);
  set->systolic = 85;

  status = status_at (&r, NULL, T0);
  /* Not masked: no fever yet in this episode. No fever, no CRS. */
  g_assert_false (status->latest_grading->crs_masked);
  g_assert_cmpint (status->crs.grade, ==, 0);
  record_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Partial sets never read as reassurance. */

static void
test_partial_words (void)
{
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) no_ice = NULL;
  g_autoptr(CrsPatientStatus) masked = NULL;
  g_autoptr(CrsPatientStatus) red_score = NULL;
  g_autofree char *summary = NULL;

  /* No ICE done: ICANS not determined, never "0 ... no sign". */
  record_init (&r);
  set = add_set (&r, T0 - HOUR);
  set->ice_total = CRS_MISSING;
  no_ice = status_at (&r, NULL, T0);
  g_assert_cmpint (no_ice->icans.certainty, ==, CRS_CERTAINTY_NOT_DETERMINED);
  g_assert_null (strstr (no_ice->latest_grading->icans_guidance, "No sign"));
  g_assert_true (contains (no_ice->latest_grading->icans_guidance, "Record the ICE score"));
  record_clear (&r);

  /* Fever masked, no hypotension or hypoxia: says masked, by what. */
  record_init (&r);
  set = add_set (&r, T0 - 8 * HOUR);
  set->temperature_c = 39.2;
  add_dose (&r, T0 - 7 * HOUR - 34 * MINUTE, CRS_INTERVENTION_ANTI_CYTOKINE, "tocilizumab");
  add_set (&r, T0 - HOUR);
  masked = status_at (&r, NULL, T0);
  g_assert_cmpint (masked->crs.grade, ==, 0);
  g_assert_null (strstr (masked->latest_grading->crs_guidance, "No sign of CRS"));
  g_assert_true (contains (masked->latest_grading->crs_guidance,
                           "No hypotension or hypoxia recorded; fever is masked by tocilizumab at 04:26"));
  record_clear (&r);

  /* The dose on another day than the set: its date is said too, never a
   * bare time that reads as the set's day. */
  record_init (&r);
  set = add_set (&r, T0 - 20 * HOUR);
  set->temperature_c = 39.2;
  add_dose (&r, T0 - 14 * HOUR, CRS_INTERVENTION_ANTI_CYTOKINE, "tocilizumab");
  add_set (&r, T0 - HOUR);
  g_clear_pointer (&masked, crs_patient_status_unref);
  masked = status_at (&r, NULL, T0);
  g_assert_true (contains (masked->latest_grading->crs_guidance,
                           "fever is masked by tocilizumab at 29 Feb 22:00, so"));
  summary = crs_grading_crs_summary (masked->latest_grading);
  g_assert_true (contains (summary, "while fever is masked by tocilizumab at 29 Feb 22:00"));
  g_clear_pointer (&summary, g_free);
  record_clear (&r);

  /* A partial NEWS2 with a parameter scoring 3: at least low-medium,
   * hourly, with chart 4's response. */
  record_init (&r);
  set = add_set (&r, T0 - 30 * MINUTE);
  set->spo2 = 90;
  set->heart_rate = CRS_MISSING;
  red_score = status_at (&r, NULL, T0);
  g_assert_cmpint (red_score->latest_grading->news2_total, ==, CRS_MISSING);
  g_assert_cmpint (red_score->latest_grading->news2_risk_at_least, ==, CRS_NEWS2_RISK_LOW_MEDIUM);
  summary = crs_grading_news2_summary (red_score->latest_grading);
  g_assert_cmpstr (summary, ==, "At least low–medium: SpO2 90% (3) (not recorded: pulse)");
  g_assert_true (contains (red_score->latest_grading->news2_guidance, "inform the medical team"));
  g_assert_cmpint (red_score->due.interval_minutes, ==, 60);
  g_assert_cmpint (red_score->due.rule, ==, CRS_DUE_RULE_NEWS2_PARTIAL);
  record_clear (&r);
}

/* A partial NEWS2 whose recorded parameters already reach 7 is a red flag
 * and continuous monitoring. */
static void
test_partial_news2_high (void)
{
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) status = NULL;

  record_init (&r);
  set = add_set (&r, T0 - 10 * MINUTE);
  set->resp_rate = 26;     /* 3 */
  set->spo2 = 91;          /* 3 */
  set->heart_rate = 120;   /* 2 */
  set->temperature_c = NAN;
  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->latest_grading->news2_partial_sum, ==, 8);
  g_assert_true (status->latest_grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_NEWS2));
  g_assert_cmpint (status->due.rule, ==, CRS_DUE_RULE_CONTINUOUS_NEWS2);
  record_clear (&r);
}

/* ---------------------------------------------------------------------- */
/* Escalation from findings, not only grades. */

typedef struct
{
  const char *name;
  CrsO2Device device;
  double      flow;
  int         pressors;
  CrsTri      vasopressin;
  gboolean    flag;
} FindingCase;

static const FindingCase finding_cases[] = {
  { "two pressors", CRS_O2_ROOM_AIR, NAN, 2, CRS_TRI_UNSET, TRUE },
  { "one pressor", CRS_O2_ROOM_AIR, NAN, 1, CRS_TRI_UNSET, TRUE },
  { "vasopressin alone", CRS_O2_ROOM_AIR, NAN, 0, CRS_TRI_YES, TRUE },
  { "cpap", CRS_O2_CPAP, NAN, 0, CRS_TRI_UNSET, TRUE },
  { "bipap", CRS_O2_BIPAP, NAN, 0, CRS_TRI_UNSET, TRUE },
  { "ventilator", CRS_O2_VENTILATOR, NAN, 0, CRS_TRI_UNSET, TRUE },
  { "high-flow cannula", CRS_O2_HFNC, NAN, 0, CRS_TRI_UNSET, TRUE },
  { "face mask", CRS_O2_FACE_MASK, NAN, 0, CRS_TRI_UNSET, TRUE },
  { "non-rebreather", CRS_O2_NON_REBREATHER, NAN, 0, CRS_TRI_UNSET, TRUE },
  { "cannula at 8 L/min", CRS_O2_NASAL_CANNULA, 8.0, 0, CRS_TRI_UNSET, TRUE },
  { "cannula at 2 L/min", CRS_O2_NASAL_CANNULA, 2.0, 0, CRS_TRI_UNSET, FALSE },
  { "room air", CRS_O2_ROOM_AIR, NAN, 0, CRS_TRI_UNSET, FALSE },
};

static void
test_finding_flag (gconstpointer data)
{
  const FindingCase *c = data;
  g_autoptr(CrsObservation) obs = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autoptr(CrsGrading) with_temp = NULL;

  obs->systolic = 110;
  obs->o2_device = c->device;
  obs->o2_flow_l_min = c->flow;
  obs->vasopressors = c->pressors;
  obs->vasopressin = c->vasopressin;
  grading = crs_grading_new (obs, NULL, NULL);
  g_assert_cmpint (grading->crs_grade, ==, CRS_MISSING);
  g_assert_cmpint (!!(grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_FINDING)), ==, c->flag);

  /* Once the temperature is known the grade decides. */
  obs->temperature_c = 36.9;
  with_temp = crs_grading_new (obs, NULL, NULL);
  g_assert_false (with_temp->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_FINDING));
}

/* Consciousness V stays a red flag on every set that records it. */
static void
test_consciousness_every_set (void)
{
  Record r;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) status = NULL;

  record_init (&r);
  set = add_set (&r, T0 - 2 * HOUR);
  set->acvpu = CRS_ACVPU_VOICE;
  set->arousal = CRS_AROUSAL_UNSET;
  stamp_now (&r, set);
  set = add_set (&r, T0 - HOUR);
  set->acvpu = CRS_ACVPU_VOICE;
  set->arousal = CRS_AROUSAL_UNSET;
  stamp_now (&r, set);
  g_assert_true (set->stored_red_flag);
  status = status_at (&r, NULL, T0);
  /* Both sets raised one; neither acknowledged. */
  g_assert_cmpuint (status->open->len, ==, 2);
  g_assert_true (status->latest_grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CONSCIOUSNESS));
  record_clear (&r);
}

/* ---------------------------------------------------------------------- */

/* The ward list's order: an open red flag, then overdue, then the highest
 * grade (a lower bound counts), then NEWS2. */
static void
test_urgency (void)
{
  Record flagged, overdue, at_least, well;
  CrsObservation *set;
  g_autoptr(CrsPatientStatus) a = NULL;
  g_autoptr(CrsPatientStatus) b = NULL;
  g_autoptr(CrsPatientStatus) c = NULL;
  g_autoptr(CrsPatientStatus) d = NULL;

  record_init (&flagged);
  set = add_set (&flagged, T0 - 10 * MINUTE);
  set->symptoms = CRS_SYMPTOM_BIT (CRS_SYMPTOM_SEIZURE);
  stamp_now (&flagged, set);
  record_init (&overdue);
  add_set (&overdue, T0 - 13 * HOUR);
  record_init (&at_least);
  set = add_set (&at_least, T0 - 10 * MINUTE);
  set->temperature_c = 38.5;
  set->o2_device = CRS_O2_UNSET;
  record_init (&well);
  add_set (&well, T0 - 10 * MINUTE);

  a = status_at (&flagged, NULL, T0);
  b = status_at (&overdue, NULL, T0);
  c = status_at (&at_least, NULL, T0);
  d = status_at (&well, NULL, T0);
  g_assert_cmpint (c->crs.certainty, ==, CRS_CERTAINTY_AT_LEAST);
  g_assert_cmpint (crs_patient_status_compare_urgency (a, b), <, 0);
  g_assert_cmpint (crs_patient_status_compare_urgency (b, c), <, 0);
  g_assert_cmpint (crs_patient_status_compare_urgency (c, d), <, 0);
  g_assert_cmpint (crs_patient_status_compare_urgency (d, a), >, 0);
  record_clear (&flagged);
  record_clear (&overdue);
  record_clear (&at_least);
  record_clear (&well);
}

/* The current infusion: the latest started; before any, the next. */
static void
test_current_infusion (void)
{
  Record r;
  g_autoptr(CrsPatientStatus) status = NULL;

  record_init (&r);
  g_assert_null (crs_patient_current_infusion (r.infusions, T0));
  add_infusion (&r, T0 + DAY);
  g_assert_cmpint (crs_patient_current_infusion (r.infusions, T0)->start_at, ==, T0 + DAY);
  add_infusion (&r, T0 - 2 * DAY);
  add_infusion (&r, T0 - 5 * DAY);
  g_assert_cmpint (crs_patient_current_infusion (r.infusions, T0)->start_at, ==, T0 - 2 * DAY);
  status = status_at (&r, NULL, T0);
  g_assert_cmpint (status->infusion_day, ==, 2);
  /* No reference data for the therapy: the window interval applies (not
   * knowing never relaxes the observations). */
  g_assert_true (status->in_window);
  record_clear (&r);
}


/* ---------------------------------------------------------------------- */
/* A period (the handover's shift): the highest grade of its sets as of
 * now, "at least" as such, and whether the patient was escalated in it. */

static void
test_period (void)
{
  Record r;
  CrsObservation *fever, *bound, *flagged;
  CrsAcknowledgement *ack;
  g_autoptr(CrsPatientStatus) status = NULL;
  CrsStatusPeriod period;
  g_autofree char *crs = NULL;
  g_autofree char *icans = NULL;
  g_autofree char *empty = NULL;

  record_init (&r);
  add_infusion (&r, T0 - 3 * DAY);
  /* Before the period: CRS 3 (fever and one vasopressor). */
  flagged = add_set (&r, T0 - 14 * HOUR);
  flagged->temperature_c = 39.0;
  flagged->vasopressors = 1;
  flagged->systolic = 84;
  stamp_now (&r, flagged);
  ack = g_new0 (CrsAcknowledgement, 1);
  ack->observation_id = flagged->id;
  ack->at = T0 - 13 * HOUR;
  ack->author = g_strdup ("S. Nakamura");
  g_ptr_array_add (r.acks, ack);
  /* In the period [T0 - 12 h, T0): CRS 1 by fever (grading.md §1), then a
   * seizure with nothing else: ICANS at least 3 (§6, floors), then a
   * normal set. */
  fever = add_set (&r, T0 - 10 * HOUR);
  fever->temperature_c = 38.5;
  stamp_now (&r, fever);
  bound = add_empty_set (&r, T0 - 6 * HOUR);
  bound->seizure = CRS_SEIZURE_RESOLVED;
  stamp_now (&r, bound);
  add_set (&r, T0 - 2 * HOUR);
  stamp_now (&r, g_ptr_array_index (r.sets, r.sets->len - 1));

  status = status_at (&r, NULL, T0);
  crs_patient_status_period (status, T0 - 12 * HOUR, T0, &period);
  g_assert_cmpuint (period.n_sets, ==, 3);
  g_assert_cmpint (period.crs, ==, 1);
  g_assert_cmpint (period.crs_certainty, ==, CRS_CERTAINTY_DETERMINED);
  g_assert_cmpint (period.crs_at, ==, T0 - 10 * HOUR);
  g_assert_cmpint (period.icans, ==, 3);
  g_assert_cmpint (period.icans_certainty, ==, CRS_CERTAINTY_AT_LEAST);
  g_assert_cmpint (period.icans_at, ==, T0 - 6 * HOUR);
  /* The seizure is a red flag (ICANS at least 3), not yet acknowledged. */
  g_assert_cmpuint (period.n_flagged, ==, 1);
  g_assert_true (period.escalated);
  crs = crs_status_period_text (status, &period, "CRS");
  g_assert_cmpstr (crs, ==, "Highest 1 mild at 02:00");
  icans = crs_status_period_text (status, &period, "ICANS");
  g_assert_cmpstr (icans, ==, "Highest at least 3 severe at 06:00");

  /* The earlier period holds the CRS 3 set, acknowledged since. */
  crs_patient_status_period (status, T0 - 24 * HOUR, T0 - 12 * HOUR, &period);
  g_assert_cmpuint (period.n_sets, ==, 1);
  g_assert_cmpint (period.crs, ==, 3);
  g_assert_cmpuint (period.n_flagged, ==, 1);
  g_assert_true (period.escalated);

  /* A period with no sets says so; the red flag still open escalates it. */
  crs_patient_status_period (status, T0 - 48 * HOUR, T0 - 24 * HOUR, &period);
  g_assert_cmpuint (period.n_sets, ==, 0);
  g_assert_cmpint (period.crs, ==, CRS_MISSING);
  g_assert_true (period.escalated);
  empty = crs_status_period_text (status, &period, "CRS");
  g_assert_cmpstr (empty, ==, "No sets in this period");
  record_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/patient-status/stale/crs", test_stale_crs);
  g_test_add_func ("/patient-status/stale/icans", test_stale_icans);
  g_test_add_func ("/patient-status/due/icans-3", test_due_icans_3);
  g_test_add_func ("/patient-status/due/news2-high", test_due_news2_high);
  g_test_add_func ("/patient-status/due/grade-1", test_due_grade_1);
  g_test_add_func ("/patient-status/due/child", test_due_child);
  for (guint i = 0; i < G_N_ELEMENTS (pews_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/patient-status/pews/%s", pews_cases[i].name);
      g_test_add_data_func (path, &pews_cases[i], test_pews_child);
    }
  g_test_add_func ("/patient-status/pews/and-grade", test_pews_and_grade);
  g_test_add_func ("/patient-status/pews/switch-at-news2-age", test_pews_switch_at_news2_age);
  g_test_add_func ("/patient-status/pews/avpu-change", test_pews_avpu_change);
  g_test_add_func ("/patient-status/pews/urgency", test_pews_urgency);
  g_test_add_func ("/patient-status/history/retroactive-dose", test_retroactive_dose);
  g_test_add_func ("/patient-status/history/late-flag-acknowledged", test_late_flag_acknowledged);
  g_test_add_func ("/patient-status/history/masking-by-episode", test_masking_by_episode);
  g_test_add_func ("/patient-status/partial/words", test_partial_words);
  g_test_add_func ("/patient-status/partial/news2-high", test_partial_news2_high);
  for (guint i = 0; i < G_N_ELEMENTS (finding_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/patient-status/finding-flag/%s", finding_cases[i].name);
      g_test_add_data_func (path, &finding_cases[i], test_finding_flag);
    }
  g_test_add_func ("/patient-status/consciousness-every-set", test_consciousness_every_set);
  g_test_add_func ("/patient-status/urgency", test_urgency);
  g_test_add_func ("/patient-status/current-infusion", test_current_infusion);
  g_test_add_func ("/patient-status/period", test_period);

  return g_test_run ();
}
