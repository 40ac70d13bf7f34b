/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-ward-data.c: a small ward for the window tests. */
#define G_LOG_DOMAIN "crs-test"

#include "config.h"

#include "core/crs-grading-history.h"
#include "core/crs-paths.h"
#include "crs-test-ward-data.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

CrsStore *
crs_test_ward_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crs_paths_ward_db (&error);
  CrsStore *store;

  g_assert_no_error (error);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

void
crs_test_ward_save_set (CrsStore       *store,
                        CrsObservation *obs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsPatient) patient = crs_store_get_patient (store, obs->patient_id, &error);
  g_autoptr(GPtrArray) history = crs_store_list_observations (store, obs->patient_id, 0, 0, FALSE, &error);
  g_autoptr(GPtrArray) interventions = crs_store_list_interventions (store, obs->patient_id, &error);
  g_autoptr(GPtrArray) infusions = crs_store_list_infusions (store, obs->patient_id, &error);
  g_autoptr(CrsGrading) grading = NULL;
  g_autoptr(CrsGradingHistory) grading_history = NULL;
  CrsGradingContext context;
  CrsWardPolicy policy;

  g_assert_no_error (error);
  crs_store_load_policy (store, &policy);
  grading_history = crs_grading_history_new (patient, history, interventions, infusions);
  crs_grading_history_context (grading_history, obs->taken_at, &context);
  grading = crs_grading_new (obs, &context, &policy);
  crs_grading_stamp (grading, obs);
  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
}

CrsObservation *
crs_test_ward_normal_set (gint64 patient_id,
                          gint64 taken_at)
{
  CrsObservation *obs = crs_observation_new ();

  obs->patient_id = patient_id;
  obs->taken_at = taken_at;
  obs->temperature_c = 37.0;      /* NEWS2 0 (36.1-38.0) */
  obs->heart_rate = 70;           /* 0 (51-90) */
  obs->resp_rate = 16;            /* 0 (12-20) */
  obs->systolic = 120;            /* 0 (111-219) */
  obs->diastolic = 70;
  obs->spo2 = 98;                 /* 0 (scale 1, >= 96) */
  obs->o2_device = CRS_O2_ROOM_AIR;
  obs->vasopressors = 0;
  obs->acvpu = CRS_ACVPU_ALERT;
  obs->arousal = CRS_AROUSAL_NORMAL;
  obs->ice_total = 10;
  obs->seizure = CRS_SEIZURE_NONE;
  obs->motor_weakness = CRS_TRI_NO;
  obs->cerebral_edema = CRS_EDEMA_NONE;
  return obs;
}

static gint64
add_patient (CrsStore   *store,
             const char *mrn,
             const char *name,
             const char *bed)
{
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(GError) error = NULL;

  patient->mrn = g_strdup (mrn);
  patient->name = g_strdup (name);
  patient->bed = g_strdup (bed);
  patient->birth_date = g_strdup ("1960-05-01");
  patient->sex = CRS_SEX_FEMALE;
  patient->weight_kg = 64.5;
  patient->diagnosis = g_strdup ("Diffuse large B-cell lymphoma");
  patient->spo2_scale = 1;
  g_assert_true (crs_store_add_patient (store, patient, &error));
  g_assert_no_error (error);
  return patient->id;
}

void
crs_test_ward_fill (CrsStore    *store,
                    gint64       now,
                    CrsTestWard *ward)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(CrsObservation) ada_before = NULL;
  g_autoptr(CrsObservation) ada_now = NULL;
  g_autoptr(CrsObservation) alan = NULL;
  g_autoptr(CrsObservation) edith = NULL;

  /* The tests write times as the chart does on the day ("14:05"): a
   * ward made in the first hour after midnight would have its sets on
   * the day before ("Yesterday 23:50"). Made then, the ward is made for
   * 23:00 the evening before, still in the past of every save. */
  {
    g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
    int since_midnight = g_date_time_get_hour (local) * HOUR + g_date_time_get_minute (local) * MINUTE +
                         g_date_time_get_second (local);

    if (since_midnight < HOUR)
      now -= since_midnight + HOUR;
  }
  ward->now = now;
  ward->ada = add_patient (store, "MRN-100", "Ada Lovelace", "10");
  ward->grace = add_patient (store, "MRN-200", "Grace Hopper", "2");
  ward->alan = add_patient (store, "MRN-300", "Alan Turing", "3");
  ward->edith = add_patient (store, "MRN-400", "Edith Cavell", "4");

  /* Ada: tisagenlecleucel three days ago, inside its onset window. */
  infusion->patient_id = ward->ada;
  infusion->therapy_code = g_strdup ("tisagenlecleucel");
  infusion->start_at = now - 3 * DAY;
  g_assert_true (crs_store_add_infusion (store, infusion, &error));
  g_assert_no_error (error);

  /* Five hours ago all normal (CRS 0); forty minutes ago a fever of
   * 38.9 °C with nothing else: CRS 1, and NEWS2 2 (temperature 38.1-39.0
   * scores 1, pulse 95 in 91-110 scores 1), so observations at least
   * 4-hourly (the window's 240 minutes too): due 200 minutes from now. */
  ada_before = crs_test_ward_normal_set (ward->ada, now - 5 * HOUR);
  crs_test_ward_save_set (store, ada_before);
  ada_now = crs_test_ward_normal_set (ward->ada, now - 40 * MINUTE);
  ada_now->temperature_c = 38.9;
  ada_now->heart_rate = 95;
  crs_test_ward_save_set (store, ada_now);
  ward->ada_latest = ada_now->id;

  /* After that set: paracetamol, and a CRP. */
  {
    g_autoptr(CrsIntervention) paracetamol = crs_intervention_new ();
    g_autoptr(CrsLabResult) crp = crs_lab_result_new ();

    paracetamol->patient_id = ward->ada;
    paracetamol->at = now - 30 * MINUTE;
    paracetamol->kind = CRS_INTERVENTION_ANTIPYRETIC;
    paracetamol->drug = g_strdup ("paracetamol");
    paracetamol->dose = g_strdup ("1 g PO");
    g_assert_true (crs_store_add_intervention (store, paracetamol, &error));
    crp->patient_id = ward->ada;
    crp->at = now - 35 * MINUTE;
    crp->loinc = g_strdup ("1988-5");
    crp->name = g_strdup ("CRP");
    crp->value = 85;
    crp->unit = g_strdup ("mg/L");
    g_assert_true (crs_store_add_lab_result (store, crp, &error));
    g_assert_no_error (error);
  }

  /* Alan: a normal set 13 hours ago; NEWS2 0 means 12-hourly: overdue by
   * one hour. No infusion, so no monitoring window. */
  alan = crs_test_ward_normal_set (ward->alan, now - 13 * HOUR);
  crs_test_ward_save_set (store, alan);

  /* Edith: ten minutes ago, temperature 39.5 (2), pulse 125 (2), RR 26
   * (3), SpO2 90 on air (3), systolic 88 (3): NEWS2 13, high, a red flag;
   * fever and systolic below 90 without pressors: CRS 2. */
  edith = crs_test_ward_normal_set (ward->edith, now - 10 * MINUTE);
  edith->temperature_c = 39.5;
  edith->heart_rate = 125;
  edith->resp_rate = 26;
  edith->spo2 = 90;
  edith->systolic = 88;
  edith->diastolic = 50;
  crs_test_ward_save_set (store, edith);
  g_assert_true (edith->stored_red_flag);
  ward->edith_flag = edith->id;

  /* Then oxygen, written as nurses write it: no drug, the note says how. */
  {
    g_autoptr(CrsIntervention) oxygen = crs_intervention_new ();

    oxygen->patient_id = ward->edith;
    oxygen->at = now - 5 * MINUTE;
    oxygen->kind = CRS_INTERVENTION_OXYGEN_CHANGE;
    oxygen->note = g_strdup ("Nasal cannula 2 L/min");
    g_assert_true (crs_store_add_intervention (store, oxygen, &error));
    g_assert_no_error (error);
  }
}

char *
crs_test_ward_clock (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  return g_date_time_format (time, "%H:%M");
}
