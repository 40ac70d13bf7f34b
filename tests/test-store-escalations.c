/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-escalations.c: red flags a set raises after it was saved
 * (store/crs-store-escalations.c). The retroactive dose of issue 10:
 * a set saved as CRS 0 (afebrile on a vasopressor), then a dose of
 * tocilizumab given before it recorded later: the set is CRS 3 now, and
 * the store raises its red flag in the same transaction, audited. */
#define G_LOG_DOMAIN "test-store-escalations"

#include "config.h"

#include <glib.h>
#include <math.h>

#include "core/crs-grading-history.h"
#include "crs-test-store-utils.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
#define T0 ((gint64) 1709294400)

/* Saves a normal adult set taken at @at, changed by @temp and @pressors,
 * graded as the form grades it (the history in the store, the ward's
 * policy). */
static CrsObservation *
save_set (CrsStore *store,
          gint64    patient_id,
          gint64    at,
          double    temp,
          int       pressors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsPatient) patient = crs_store_get_patient (store, patient_id, &error);
  g_autoptr(GPtrArray) sets = crs_store_list_observations (store, patient_id, 0, 0, FALSE, &error);
  g_autoptr(GPtrArray) doses = crs_store_list_interventions (store, patient_id, &error);
  g_autoptr(GPtrArray) infusions = crs_store_list_infusions (store, patient_id, &error);
  g_autoptr(CrsGradingHistory) history = NULL;
  g_autoptr(CrsGrading) grading = NULL;
  CrsObservation *obs = crs_observation_new ();
  CrsGradingContext context;

  g_assert_no_error (error);
  obs->patient_id = patient_id;
  obs->taken_at = at;
  obs->temperature_c = temp;
  obs->heart_rate = 80;
  obs->resp_rate = 16;
  obs->systolic = pressors > 0 ? 86 : 120;
  obs->spo2 = 97;
  obs->o2_device = CRS_O2_ROOM_AIR;
  obs->vasopressors = pressors;
  obs->acvpu = CRS_ACVPU_ALERT;
  obs->arousal = CRS_AROUSAL_NORMAL;
  obs->ice_total = 10;
  history = crs_grading_history_new (patient, sets, doses, infusions);
  crs_grading_history_context (history, at, &context);
  grading = crs_grading_new (obs, &context, NULL);
  crs_grading_stamp (grading, obs);
  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  return obs;
}

static void
add_dose (CrsStore            *store,
          gint64               patient_id,
          gint64               at,
          CrsInterventionKind  kind)
{
  g_autoptr(CrsIntervention) dose = crs_intervention_new ();
  g_autoptr(GError) error = NULL;

  dose->patient_id = patient_id;
  dose->at = at;
  dose->kind = kind;
  dose->drug = g_strdup ("tocilizumab");
  g_assert_true (crs_store_add_intervention (store, dose, &error));
  g_assert_no_error (error);
}

static guint
audit_raises (CrsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = crs_store_list_audit (store, "late_red_flag", 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((CrsAuditEntry *) g_ptr_array_index (audit, i))->action, "raise"))
      n++;
  return n;
}

static void
test_retroactive_dose (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(CrsObservation) onset = NULL;
  g_autoptr(CrsObservation) later = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) ward_open = NULL;
  g_autoptr(GArray) fevers = NULL;
  g_autoptr(GPtrArray) infusions = NULL;
  gint64 patient = add_patient (store, "LATE-1", "1");
  CrsLateRedFlag *flag;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  crs_store_set_author (store, "S. Nakamura");
  infusion->patient_id = patient;
  infusion->therapy_name = g_strdup ("tisagenlecleucel");
  infusion->start_at = T0 - 4 * DAY;
  g_assert_true (crs_store_add_infusion (store, infusion, &error));
  onset = save_set (store, patient, T0 - 6 * HOUR, 38.9, 0);
  later = save_set (store, patient, T0 - 20 * MINUTE, 37.1, 1);
  g_assert_cmpint (later->stored_crs_grade, ==, 0);
  g_assert_false (later->stored_red_flag);
  g_assert_cmpuint (audit_raises (store), ==, 0);

  /* The store finds the first fever of each episode for the ward list. */
  infusions = crs_store_list_infusions (store, patient, &error);
  fevers = crs_store_list_first_fevers (store, patient, infusions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fevers->len, ==, 4);
  g_assert_cmpint (g_array_index (fevers, gint64, 2), ==, T0 - 4 * DAY);
  g_assert_cmpint (g_array_index (fevers, gint64, 3), ==, T0 - 6 * HOUR);

  /* A dose given after the set changes nothing. */
  add_dose (store, patient, T0 - 10 * MINUTE, CRS_INTERVENTION_ANTI_CYTOKINE);
  late = crs_store_list_late_red_flags (store, patient, &error);
  g_assert_cmpuint (late->len, ==, 0);
  g_clear_pointer (&late, g_ptr_array_unref);

  /* Given before it, recorded now: CRS 3, a red flag raised and audited. */
  add_dose (store, patient, T0 - 3 * HOUR, CRS_INTERVENTION_ANTI_CYTOKINE);
  late = crs_store_list_late_red_flags (store, patient, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->len, ==, 1);
  flag = g_ptr_array_index (late, 0);
  g_assert_cmpint (flag->observation_id, ==, later->id);
  g_assert_cmpint (flag->crs_grade, ==, 3);
  g_assert_cmpstr (flag->author, ==, "S. Nakamura");
  g_assert_true (flag->kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_GRADE));
  g_assert_cmpuint (audit_raises (store), ==, 1);

  /* Open for the patient and on the ward list, until acknowledged. */
  open = crs_store_list_open_escalations (store, patient, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (open, 0))->id, ==, later->id);
  ward_open = crs_store_list_open_escalations (store, 0, &error);
  g_assert_cmpuint (ward_open->len, ==, 1);
  g_assert_true (crs_store_acknowledge (store, later->id, "Dr Okafor informed", &error));
  g_assert_no_error (error);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = crs_store_list_open_escalations (store, patient, &error);
  g_assert_cmpuint (open->len, ==, 0);

  /* The same dose again raises nothing new: one late flag per set. */
  add_dose (store, patient, T0 - 2 * HOUR, CRS_INTERVENTION_CORTICOSTEROID);
  g_clear_pointer (&late, g_ptr_array_unref);
  late = crs_store_list_late_red_flags (store, patient, &error);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpuint (audit_raises (store), ==, 1);

  /* The database keeps it: no change, no deletion. */
  {
    sqlite3 *raw = open_raw (path);

    g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM late_red_flag", NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE late_red_flag SET kinds = 1", NULL, NULL, NULL), !=, SQLITE_OK);
    g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM late_red_flag"), ==, 1);
    sqlite3_close (raw);
  }
}

/* An earlier set recorded later can become the onset for the sets after
 * it; a birth date corrected in the record changes how every set reads
 * (a child's hypotension). */
static void
test_backdated_set_and_patient (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsObservation) later = NULL;
  g_autoptr(CrsObservation) fever = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(CrsPatient) patient = NULL;
  gint64 id = add_patient (store, "LATE-2", "2");

  /* No fever yet: a dose, then an afebrile set on a pressor (CRS 0). */
  add_dose (store, id, T0 - 2 * HOUR, CRS_INTERVENTION_ANTIPYRETIC);
  later = save_set (store, id, T0 - HOUR, 37.0, 1);
  g_assert_cmpint (later->stored_crs_grade, ==, 0);
  /* The fever before the dose, recorded late: onset, so the dose masks
   * fever for the later set. */
  fever = save_set (store, id, T0 - 3 * HOUR, 38.8, 0);
  late = crs_store_list_late_red_flags (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_cmpint (((CrsLateRedFlag *) g_ptr_array_index (late, 0))->observation_id, ==, later->id);

  /* Lab results change no grade: nothing is graded again for them. */
  {
    g_autoptr(CrsLabResult) crp = crs_lab_result_new ();

    crp->patient_id = id;
    crp->at = T0 - 4 * HOUR;
    crp->value = 80;
    g_assert_true (crs_store_add_lab_result (store, crp, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (audit_raises (store), ==, 1);

  /* A child's systolic by age: 7 years, below 84 is hypotension. */
  patient = crs_store_get_patient (store, id, &error);
  g_free (patient->birth_date);
  patient->birth_date = g_strdup ("2016-06-01");
  g_assert_true (crs_store_update_patient (store, patient, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (audit_raises (store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-escalations/retroactive-dose", test_retroactive_dose);
  g_test_add_func ("/store-escalations/backdated-set-and-patient", test_backdated_set_and_patient);

  return g_test_run ();
}
