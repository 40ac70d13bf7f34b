/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the ward database API: every record round-trips every
 * field; amendments, archiving and settings leave the audit rows they
 * should; the database itself refuses to change the audit log or delete
 * clinical rows; batches are all-or-nothing; a write that fails half way
 * is rolled back; "changed" is emitted. */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "core/crs-symptom.h"
#include "crs-test-store-utils.h"

/* ---------------------------------------------------------------------- */
/* Patients */

static void
test_patient_round_trip (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(CrsPatient) full = crs_patient_new ();
  g_autoptr(CrsPatient) bare = make_patient ("MRN-2", NULL);
  g_autoptr(CrsPatient) loaded = NULL;
  g_autoptr(CrsPatient) found = NULL;
  g_autoptr(CrsPatient) absent = NULL;
  g_autoptr(GError) error = NULL;

  full->mrn = g_strdup ("MRN-1");
  full->name = g_strdup ("Zoë O'Brien \"Jo\"");
  full->birth_date = g_strdup ("2015-02-28");
  full->sex = CRS_SEX_FEMALE;
  full->weight_kg = 23.4;
  full->bed = g_strdup ("12B");
  full->ward = g_strdup ("Haematology 2");
  full->diagnosis = g_strdup ("B-ALL, relapsed");
  full->risk_notes = g_strdup ("High marrow blast count\nprior CRS grade 2");
  full->spo2_scale = 2;
  full->use_capd = TRUE;
  full->high_disease_burden = TRUE;
  full->comorbidities = TRUE;
  full->prior_crs = TRUE;

  g_assert_true (crs_store_add_patient (store, full, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_add_patient (store, bare, &error));
  g_assert_no_error (error);

  loaded = crs_store_get_patient (store, full->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, full->id);
  g_assert_cmpstr (loaded->mrn, ==, full->mrn);
  g_assert_cmpstr (loaded->name, ==, full->name);
  g_assert_cmpstr (loaded->birth_date, ==, full->birth_date);
  g_assert_cmpint (loaded->sex, ==, full->sex);
  g_assert_cmpfloat (loaded->weight_kg, ==, full->weight_kg);
  g_assert_cmpstr (loaded->bed, ==, full->bed);
  g_assert_cmpstr (loaded->ward, ==, full->ward);
  g_assert_cmpstr (loaded->diagnosis, ==, full->diagnosis);
  g_assert_cmpstr (loaded->risk_notes, ==, full->risk_notes);
  g_assert_cmpint (loaded->spo2_scale, ==, 2);
  g_assert_true (loaded->use_capd);
  g_assert_true (loaded->high_disease_burden);
  g_assert_true (loaded->comorbidities);
  g_assert_true (loaded->prior_crs);
  g_assert_false (loaded->archived);

  g_clear_object (&loaded);
  loaded = crs_store_get_patient (store, bare->id, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (loaded->weight_kg));
  g_assert_null (loaded->birth_date);
  g_assert_null (loaded->bed);
  g_assert_cmpint (loaded->sex, ==, CRS_SEX_UNSET);
  g_assert_cmpint (loaded->spo2_scale, ==, 1);
  g_assert_false (loaded->use_capd);

  found = crs_store_find_patient_by_mrn (store, "MRN-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, full->id);
  absent = crs_store_find_patient_by_mrn (store, "NOPE", &error);
  g_assert_no_error (error);
  g_assert_null (absent);

  g_assert_null (crs_store_get_patient (store, 999, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
}

static void
test_patient_invalid (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  struct {
    const char *mrn;
    const char *birth_date;
    int spo2_scale;
    int sex;
    double weight;
    int code;
  } rows[] = {
    { "DUP", NULL, 1, 0, NAN, CRS_STORE_ERROR_CONSTRAINT },     /* duplicate MRN */
    { "", NULL, 1, 0, NAN, CRS_STORE_ERROR_INVALID },           /* no MRN */
    { NULL, NULL, 1, 0, NAN, CRS_STORE_ERROR_INVALID },
    { "A", "2015-02-30", 1, 0, NAN, CRS_STORE_ERROR_INVALID },  /* no such day */
    { "B", "15/02/2015", 1, 0, NAN, CRS_STORE_ERROR_INVALID },
    { "C", NULL, 3, 0, NAN, CRS_STORE_ERROR_INVALID },          /* SpO2 scale 1 or 2 */
    { "D", NULL, 1, 99, NAN, CRS_STORE_ERROR_INVALID },         /* unknown sex */
    { "E", NULL, 1, 0, INFINITY, CRS_STORE_ERROR_INVALID },
    { "\xff\xfe", NULL, 1, 0, NAN, CRS_STORE_ERROR_INVALID },   /* not UTF-8 */
  };

  add_patient (store, "DUP", "1");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CrsPatient) patient = crs_patient_new ();

      patient->mrn = g_strdup (rows[i].mrn);
      patient->birth_date = g_strdup (rows[i].birth_date);
      patient->spo2_scale = rows[i].spo2_scale;
      patient->sex = rows[i].sex;
      patient->weight_kg = rows[i].weight;
      g_assert_false (crs_store_add_patient (store, patient, &error));
      g_assert_error (error, CRS_STORE_ERROR, rows[i].code);
      g_assert_cmpint (patient->id, ==, 0);
      g_clear_error (&error);
    }

  /* Nothing refused reached the database or its audit log. */
  audit = crs_store_list_audit (store, "patient", 0, &error);
  g_assert_cmpuint (audit->len, ==, 1);
}

static void
test_patient_list_by_bed (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  const char *beds[] = { "10", NULL, "2", "1", "2A" };
  const char *expected[] = { "1", "2", "2A", "10", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (beds); i++)
    {
      g_autofree char *mrn = g_strdup_printf ("M%u", i);
      add_patient (store, mrn, beds[i]);
    }
  patients = crs_store_list_patients (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < patients->len; i++)
    g_assert_cmpstr (((CrsPatient *) patients->pdata[i])->bed, ==, expected[i]);
}

static void
test_patient_update_archive_restore (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(CrsPatient) other = NULL;
  gint64 id = add_patient (store, "MRN-A", "3");
  CrsAuditEntry *entry;

  add_patient (store, "MRN-B", "4");
  crs_store_set_author (store, "Nurse Kim");

  /* Update: before and after values in the audit. */
  patient = crs_store_get_patient (store, id, &error);
  g_free (patient->bed);
  patient->bed = g_strdup ("7");
  patient->weight_kg = 70.5;
  g_assert_true (crs_store_update_patient (store, patient, &error));
  g_assert_no_error (error);

  /* Unchanged: no audit row. */
  g_assert_true (crs_store_update_patient (store, patient, &error));
  g_assert_no_error (error);

  /* Another patient's MRN: refused. */
  other = crs_patient_copy (patient);
  g_free (other->mrn);
  other->mrn = g_strdup ("MRN-B");
  g_assert_false (crs_store_update_patient (store, other, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Archive hides the patient from the ward list; restore brings it back. */
  g_assert_true (crs_store_set_archived (store, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_set_archived (store, id, TRUE, &error));   /* already: no row */
  list = crs_store_list_patients (store, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((CrsPatient *) list->pdata[0])->mrn, ==, "MRN-B");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = crs_store_list_patients (store, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_clear_object (&patient);
  patient = crs_store_get_patient (store, id, &error);
  g_assert_true (patient->archived);

  g_assert_true (crs_store_set_archived (store, id, FALSE, &error));
  g_assert_no_error (error);
  list = crs_store_list_patients (store, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);

  g_assert_false (crs_store_set_archived (store, 4242, TRUE, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  audit = crs_store_list_audit (store, "patient", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);

  entry = audit->pdata[0];
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_null (entry->before);
  assert_json_field (entry->after, "mrn", "MRN-A");
  assert_json_field (entry->after, "bed", "3");

  entry = audit->pdata[1];
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->author, ==, "Nurse Kim");
  g_assert_cmpstr (entry->table_name, ==, "patient");
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpint (ABS (entry->at - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  assert_json_field (entry->before, "bed", "3");
  assert_json_field (entry->after, "bed", "7");
  assert_json_field (entry->before, "weight_kg", NULL);
  assert_json_field (entry->after, "weight_kg", "70.5");

  entry = audit->pdata[2];
  g_assert_cmpstr (entry->action, ==, "archive");
  assert_json_field (entry->before, "archived", "0");
  assert_json_field (entry->after, "archived", "1");

  entry = audit->pdata[3];
  g_assert_cmpstr (entry->action, ==, "restore");
  assert_json_field (entry->before, "archived", "1");
  assert_json_field (entry->after, "archived", "0");
}

/* ---------------------------------------------------------------------- */
/* Observation sets */

static void
test_observation_round_trip (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 patient_id = add_patient (store, "OBS-1", "1");
  g_autoptr(CrsObservation) full = make_full_observation (patient_id, 1700000000);
  g_autoptr(CrsObservation) empty = crs_observation_new ();
  g_autoptr(CrsObservation) loaded = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  crs_store_set_author (store, "Nurse Ada");
  /* The store sets these; what the caller puts there does not count. */
  full->author = g_strdup ("somebody else");
  full->recorded_at = 12;

  g_assert_true (crs_store_add_observation (store, full, &error));
  g_assert_no_error (error);
  g_assert_cmpint (full->id, >, 0);
  g_assert_cmpstr (full->author, ==, "Nurse Ada");
  g_assert_cmpint (full->recorded_at, >=, before);
  g_assert_cmpint (full->recorded_at, <=, g_get_real_time () / G_USEC_PER_SEC);

  loaded = crs_store_get_observation (store, full->id, &error);
  g_assert_no_error (error);
  assert_observation_equal (loaded, full);
  g_clear_object (&loaded);

  /* Every value missing: NAN and CRS_MISSING come back as such. */
  empty->patient_id = patient_id;
  empty->taken_at = 1700000600;
  g_assert_true (crs_store_add_observation (store, empty, &error));
  g_assert_no_error (error);
  loaded = crs_store_get_observation (store, empty->id, &error);
  g_assert_no_error (error);
  assert_observation_equal (loaded, empty);
  g_assert_true (isnan (loaded->temperature_c));
  g_assert_cmpint (loaded->heart_rate, ==, CRS_MISSING);
  g_assert_cmpint (loaded->stored_crs_grade, ==, CRS_MISSING);
  g_assert_true (crs_observation_is_empty (loaded));

  g_assert_null (crs_store_get_observation (store, 999, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
}

/* Every value of every choice survives the round trip. */
static void
test_observation_every_choice (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 patient_id = add_patient (store, "CHOICE", "1");
  const int sizes[] = { CRS_O2_N_VALUES, CRS_ACVPU_N_VALUES, CRS_AROUSAL_N_VALUES,
                        CRS_SEIZURE_N_VALUES, CRS_EDEMA_N_VALUES };
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    n = MAX (n, sizes[i]);

  g_assert_true (crs_store_begin_batch (store, &error));
  for (int i = 0; i < n; i++)
    {
      CrsObservation *obs = crs_observation_new ();

      obs->patient_id = patient_id;
      obs->taken_at = 1000 + i;
      obs->o2_device = i % CRS_O2_N_VALUES;
      obs->acvpu = i % CRS_ACVPU_N_VALUES;
      obs->arousal = i % CRS_AROUSAL_N_VALUES;
      obs->seizure = i % CRS_SEIZURE_N_VALUES;
      obs->cerebral_edema = i % CRS_EDEMA_N_VALUES;
      obs->hypotension = i % 3;
      obs->vasopressin = (i + 1) % 3;
      obs->motor_weakness = (i + 2) % 3;
      obs->ice_items_recorded = i % 2;
      obs->ice_items = (guint16) ((1u << (i % CRS_ICE_N_ITEMS)) | (i % 2 ? 0x3ff : 0));
      obs->symptoms = G_GUINT64_CONSTANT (1) << (i % CRS_SYMPTOM_N_VALUES);
      obs->vasopressors = i % 4;
      g_assert_true (crs_store_add_observation (store, obs, &error));
      g_assert_no_error (error);
      g_ptr_array_add (saved, obs);
    }
  g_assert_true (crs_store_commit_batch (store, &error));

  for (guint i = 0; i < saved->len; i++)
    {
      CrsObservation *obs = saved->pdata[i];
      g_autoptr(CrsObservation) loaded = crs_store_get_observation (store, obs->id, &error);
      g_assert_no_error (error);
      assert_observation_equal (loaded, obs);
    }

  /* An out-of-range choice is refused, not stored as something else. */
  {
    g_autoptr(CrsObservation) bad = crs_observation_new ();
    bad->patient_id = patient_id;
    bad->taken_at = 5000;
    bad->o2_device = CRS_O2_N_VALUES;
    g_assert_false (crs_store_add_observation (store, bad, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
    g_clear_error (&error);

    bad->o2_device = CRS_O2_UNSET;
    bad->taken_at = 0;
    g_assert_false (crs_store_add_observation (store, bad, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
    g_clear_error (&error);

    bad->taken_at = 5000;
    bad->patient_id = 777;
    g_assert_false (crs_store_add_observation (store, bad, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
    g_assert_cmpint (bad->id, ==, 0);
  }
}

static void
test_observation_lists (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CrsObservation) latest = NULL;
  gint64 a = add_patient (store, "LIST-A", "1");
  gint64 b = add_patient (store, "LIST-B", "2");
  gint64 c = add_patient (store, "LIST-C", "3");
  gint64 times[] = { 5000, 1000, 3000, 4000, 2000 };
  gint64 id_3000 = 0;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(CrsObservation) obs = make_full_observation (a, times[i]);
      g_autoptr(CrsObservation) other = make_full_observation (b, times[i] + 1);
      obs->heart_rate = 60 + i;
      g_assert_true (crs_store_add_observation (store, obs, &error));
      g_assert_true (crs_store_add_observation (store, other, &error));
      if (times[i] == 3000)
        id_3000 = obs->id;
    }

  list = crs_store_list_observations (store, a, 0, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  for (guint i = 0; i < list->len; i++)
    {
      CrsObservation *obs = list->pdata[i];
      g_assert_cmpint (obs->patient_id, ==, a);
      g_assert_cmpint (obs->taken_at, ==, 1000 * (i + 1));   /* oldest first */
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* [from, to) */
  list = crs_store_list_observations (store, a, 2000, 4000, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrsObservation *) list->pdata[0])->taken_at, ==, 2000);
  g_assert_cmpint (((CrsObservation *) list->pdata[1])->taken_at, ==, 3000);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = crs_store_list_observations (store, a, 4000, 0, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  latest = crs_store_get_latest_observation (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest->taken_at, ==, 5000);
  g_clear_object (&latest);
  latest = crs_store_get_latest_observation (store, c, &error);
  g_assert_no_error (error);
  g_assert_null (latest);

  /* Amending the newest set makes the amendment the latest. */
  {
    g_autoptr(CrsObservation) fix = make_full_observation (a, 5000);
    g_autoptr(CrsObservation) fixed_old = make_full_observation (a, 2500);
    fix->heart_rate = 99;
    latest = crs_store_get_latest_observation (store, a, &error);
    g_assert_true (crs_store_amend_observation (store, latest->id, fix, "wrong pulse", &error));
    g_clear_object (&latest);
    latest = crs_store_get_latest_observation (store, a, &error);
    g_assert_cmpint (latest->id, ==, fix->id);
    g_assert_cmpint (latest->heart_rate, ==, 99);
    g_clear_object (&latest);

    /* An amendment that moves a set in time moves it in the list. */
    g_assert_true (crs_store_amend_observation (store, id_3000, fixed_old, "time", &error));
    list = crs_store_list_observations (store, a, 0, 0, FALSE, &error);
    g_assert_cmpuint (list->len, ==, 5);
    g_assert_cmpint (((CrsObservation *) list->pdata[2])->taken_at, ==, 2500);
    g_assert_cmpint (((CrsObservation *) list->pdata[2])->supersedes_id, ==, id_3000);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = crs_store_list_observations (store, a, 0, 0, TRUE, &error);
    g_assert_cmpuint (list->len, ==, 7);
    g_clear_pointer (&list, g_ptr_array_unref);
  }

  /* The ward list: one latest set per patient with sets, archived
   * patients only when asked. */
  list = crs_store_list_latest_observations (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrsObservation *) list->pdata[0])->patient_id, ==, a);
  g_assert_cmpint (((CrsObservation *) list->pdata[0])->heart_rate, ==, 99);
  g_assert_cmpint (((CrsObservation *) list->pdata[1])->patient_id, ==, b);
  g_assert_cmpint (((CrsObservation *) list->pdata[1])->taken_at, ==, 5001);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (crs_store_set_archived (store, b, TRUE, &error));
  list = crs_store_list_latest_observations (store, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = crs_store_list_latest_observations (store, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_observation_amend (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 patient_id = add_patient (store, "AMEND", "1");
  gint64 other_patient = add_patient (store, "OTHER", "2");
  g_autoptr(CrsObservation) original = make_full_observation (patient_id, 1000);
  g_autoptr(CrsObservation) fix = NULL;
  g_autoptr(CrsObservation) old = NULL;
  g_autoptr(CrsObservation) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  CrsAuditEntry *entry;

  crs_store_set_author (store, "Nurse A");
  g_assert_true (crs_store_add_observation (store, original, &error));
  g_assert_no_error (error);

  fix = crs_observation_copy (original);
  fix->id = 0;
  fix->heart_rate = 112;
  fix->temperature_c = NAN;        /* a value removed by the amendment */

  /* A reason is required. */
  g_assert_false (crs_store_amend_observation (store, original->id, fix, "", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (crs_store_amend_observation (store, original->id, fix, NULL, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The set stays with its patient. */
  fix->patient_id = other_patient;
  g_assert_false (crs_store_amend_observation (store, original->id, fix, "x", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fix->patient_id = patient_id;

  crs_store_set_author (store, "Nurse B");
  g_assert_true (crs_store_amend_observation (store, original->id, fix,
                                              "Pulse misread; temperature was not taken",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (fix->id, >, original->id);
  g_assert_cmpint (fix->supersedes_id, ==, original->id);
  g_assert_cmpstr (fix->amend_reason, ==, "Pulse misread; temperature was not taken");
  g_assert_cmpstr (fix->author, ==, "Nurse B");

  /* The old version is still there, unchanged but for the link. */
  old = crs_store_get_observation (store, original->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->superseded_by_id, ==, fix->id);
  original->superseded_by_id = fix->id;
  assert_observation_equal (old, original);

  again = crs_store_get_observation (store, fix->id, &error);
  assert_observation_equal (again, fix);

  /* Only the newest version can be amended: a second nurse amending the
   * same set (another window, another workstation) is told whose
   * amendment came first, and nothing is overwritten. */
  g_assert_false (crs_store_amend_observation (store, original->id, fix, "twice", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "already amended by Nurse B at "));
  g_assert_nonnull (strstr (error->message, "Nothing was overwritten"));
  g_clear_error (&error);
  g_assert_false (crs_store_amend_observation (store, 9999, fix, "none", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  audit = crs_store_list_audit (store, "observation", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->author, ==, "Nurse A");
  g_assert_cmpint (entry->row_id, ==, original->id);
  assert_json_field (entry->after, "heart_rate", "121");
  assert_json_field (entry->after, "o2_device", "hfnc");
  assert_json_field (entry->after, "note", original->note);

  entry = audit->pdata[1];
  g_assert_cmpstr (entry->action, ==, "amend");
  g_assert_cmpstr (entry->author, ==, "Nurse B");
  g_assert_cmpint (entry->row_id, ==, fix->id);
  {
    g_autofree char *old_id = g_strdup_printf ("%" G_GINT64_FORMAT, original->id);
    assert_json_field (entry->before, "id", old_id);
  }
  assert_json_field (entry->before, "heart_rate", "121");
  assert_json_field (entry->before, "temperature_c", "39.25");
  assert_json_field (entry->after, "heart_rate", "112");
  assert_json_field (entry->after, "temperature_c", NULL);
  assert_json_field (entry->after, "amend_reason", "Pulse misread; temperature was not taken");
}

/* ---------------------------------------------------------------------- */
/* Infusions, interventions, lab results, acknowledgements, settings */

static void
test_records_round_trip (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 patient_id = add_patient (store, "REC", "1");
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(CrsInfusion) infusion2 = crs_infusion_new ();
  g_autoptr(CrsIntervention) intervention = crs_intervention_new ();
  g_autoptr(CrsLabResult) lab = crs_lab_result_new ();
  g_autoptr(CrsLabResult) pending = crs_lab_result_new ();
  g_autoptr(GPtrArray) list = NULL;

  crs_store_set_author (store, "Nurse Lee");

  infusion->patient_id = patient_id;
  infusion->therapy_code = g_strdup ("glofitamab");
  infusion->therapy_name = g_strdup ("Glofitamab (Columvi)");
  infusion->dose = 2.5;
  infusion->dose_unit = g_strdup ("mg");
  infusion->step_label = g_strdup ("step-up dose 1");
  infusion->start_at = 2000;
  infusion->end_at = 2000 + 4 * 3600;
  infusion->note = g_strdup ("Pre-medicated");
  infusion->author = g_strdup ("Pharmacist Roe");   /* kept: given */
  g_assert_true (crs_store_add_infusion (store, infusion, &error));
  g_assert_no_error (error);

  infusion2->patient_id = patient_id;
  infusion2->therapy_name = g_strdup ("Unknown trial drug");
  infusion2->start_at = 1000;
  g_assert_true (crs_store_add_infusion (store, infusion2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (infusion2->author, ==, "Nurse Lee");

  list = crs_store_list_infusions (store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  {
    CrsInfusion *a = list->pdata[1], *b = list->pdata[0];
    g_assert_cmpint (b->id, ==, infusion2->id);      /* by start */
    g_assert_true (isnan (b->dose));
    g_assert_cmpint (b->end_at, ==, 0);
    g_assert_null (b->step_label);
    g_assert_cmpint (a->id, ==, infusion->id);
    g_assert_cmpint (a->patient_id, ==, patient_id);
    g_assert_cmpstr (a->therapy_code, ==, "glofitamab");
    g_assert_cmpstr (a->therapy_name, ==, "Glofitamab (Columvi)");
    g_assert_cmpfloat (a->dose, ==, 2.5);
    g_assert_cmpstr (a->dose_unit, ==, "mg");
    g_assert_cmpstr (a->step_label, ==, "step-up dose 1");
    g_assert_cmpint (a->start_at, ==, 2000);
    g_assert_cmpint (a->end_at, ==, 2000 + 4 * 3600);
    g_assert_cmpstr (a->note, ==, "Pre-medicated");
    g_assert_cmpstr (a->author, ==, "Pharmacist Roe");
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  for (int kind = CRS_INTERVENTION_UNSET; kind < CRS_INTERVENTION_N_VALUES; kind++)
    {
      g_autoptr(CrsIntervention) item = crs_intervention_new ();
      item->patient_id = patient_id;
      item->at = 3000 + kind;
      item->kind = kind;
      g_assert_true (crs_store_add_intervention (store, item, &error));
      g_assert_no_error (error);
    }
  intervention->patient_id = patient_id;
  intervention->at = 2500;
  intervention->kind = CRS_INTERVENTION_ANTI_CYTOKINE;
  intervention->drug = g_strdup ("tocilizumab");
  intervention->dose = g_strdup ("8 mg/kg IV");
  intervention->note = g_strdup ("Given over 1 h");
  g_assert_true (crs_store_add_intervention (store, intervention, &error));
  g_assert_no_error (error);
  list = crs_store_list_interventions (store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, CRS_INTERVENTION_N_VALUES + 1);
  {
    CrsIntervention *a = list->pdata[0];
    g_assert_cmpint (a->id, ==, intervention->id);
    g_assert_cmpint (a->patient_id, ==, patient_id);
    g_assert_cmpint (a->at, ==, 2500);
    g_assert_cmpint (a->kind, ==, CRS_INTERVENTION_ANTI_CYTOKINE);
    g_assert_cmpstr (a->drug, ==, "tocilizumab");
    g_assert_cmpstr (a->dose, ==, "8 mg/kg IV");
    g_assert_cmpstr (a->note, ==, "Given over 1 h");
    g_assert_cmpstr (a->author, ==, "Nurse Lee");
    for (int kind = 0; kind < CRS_INTERVENTION_N_VALUES; kind++)
      g_assert_cmpint (((CrsIntervention *) list->pdata[kind + 1])->kind, ==, kind);
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  lab->patient_id = patient_id;
  lab->at = 4000;
  lab->loinc = g_strdup ("1988-5");
  lab->name = g_strdup ("CRP");
  lab->value = 187.25;
  lab->unit = g_strdup ("mg/L");
  lab->note = g_strdup ("haemolysed?");
  g_assert_true (crs_store_add_lab_result (store, lab, &error));
  g_assert_no_error (error);
  pending->patient_id = patient_id;
  pending->at = 3500;
  pending->loinc = g_strdup ("2276-4");
  g_assert_true (crs_store_add_lab_result (store, pending, &error));
  list = crs_store_list_lab_results (store, patient_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  {
    CrsLabResult *a = list->pdata[1], *b = list->pdata[0];
    g_assert_true (isnan (b->value));
    g_assert_null (b->unit);
    g_assert_cmpint (a->id, ==, lab->id);
    g_assert_cmpint (a->patient_id, ==, patient_id);
    g_assert_cmpint (a->at, ==, 4000);
    g_assert_cmpstr (a->loinc, ==, "1988-5");
    g_assert_cmpstr (a->name, ==, "CRP");
    g_assert_cmpfloat (a->value, ==, 187.25);
    g_assert_cmpstr (a->unit, ==, "mg/L");
    g_assert_cmpstr (a->note, ==, "haemolysed?");
    g_assert_cmpstr (a->author, ==, "Nurse Lee");
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Records of a patient that does not exist are refused. */
  {
    g_autoptr(CrsLabResult) orphan = crs_lab_result_copy (lab);
    orphan->id = 0;
    orphan->patient_id = 31337;
    g_assert_false (crs_store_add_lab_result (store, orphan, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
    g_assert_cmpint (orphan->id, ==, 0);
    g_clear_error (&error);
  }

  /* Each was audited as an insert with its values. */
  list = crs_store_list_audit (store, "lab_result", lab->id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  assert_json_field (((CrsAuditEntry *) list->pdata[0])->after, "value", "187.25");
  assert_json_field (((CrsAuditEntry *) list->pdata[0])->after, "loinc", "1988-5");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = crs_store_list_audit (store, "infusion", 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = crs_store_list_audit (store, NULL, intervention->id, &error);
  g_assert_cmpuint (list->len, >=, 1);
}

static void
test_acknowledgements (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 a = add_patient (store, "ACK-A", "1");
  gint64 b = add_patient (store, "ACK-B", "2");
  g_autoptr(CrsObservation) obs_a = make_full_observation (a, 1000);
  g_autoptr(CrsObservation) obs_b = make_full_observation (b, 1000);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  CrsAcknowledgement *ack;

  g_assert_true (crs_store_add_observation (store, obs_a, &error));
  g_assert_true (crs_store_add_observation (store, obs_b, &error));
  crs_store_set_author (store, "Nurse Raj");
  g_assert_true (crs_store_acknowledge (store, obs_a->id, "Dr Osei informed, tocilizumab given",
                                        &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_acknowledge (store, obs_b->id, NULL, &error));
  g_assert_false (crs_store_acknowledge (store, 4242, "x", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = crs_store_list_acknowledgements (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  ack = list->pdata[0];
  g_assert_cmpint (ack->observation_id, ==, obs_a->id);
  g_assert_cmpstr (ack->author, ==, "Nurse Raj");
  g_assert_cmpstr (ack->note, ==, "Dr Osei informed, tocilizumab given");
  g_assert_cmpint (ABS (ack->at - g_get_real_time () / G_USEC_PER_SEC), <, 60);

  audit = crs_store_list_audit (store, "acknowledgement", ack->id, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->action, ==, "acknowledge");
  assert_json_field (((CrsAuditEntry *) audit->pdata[0])->after, "note",
                     "Dr Osei informed, tocilizumab given");
}

static void
test_settings (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *value = NULL;

  g_assert_null (crs_store_get_setting (store, "ward-name"));
  g_assert_true (crs_store_set_setting (store, "ward-name", "Haematology 2", &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_set_setting (store, "ward-name", "Haematology 2", &error));
  g_assert_true (crs_store_set_setting (store, "hypotension-systolic-below", "90", &error));
  g_assert_true (crs_store_set_setting (store, "ward-name", "Ward 7 \"Lind\"", &error));
  g_assert_true (crs_store_set_setting (store, "hypotension-systolic-below", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (crs_store_set_setting (store, "", "x", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  value = crs_store_get_setting (store, "ward-name");
  g_assert_cmpstr (value, ==, "Ward 7 \"Lind\"");
  g_assert_null (crs_store_get_setting (store, "hypotension-systolic-below"));
  {
    g_autoptr(GHashTable) all = crs_store_list_settings (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (all), ==, 2);
    g_assert_cmpstr (g_hash_table_lookup (all, "ward-name"), ==, "Ward 7 \"Lind\"");
    g_assert_true (g_hash_table_contains (all, "hypotension-systolic-below"));
    g_assert_null (g_hash_table_lookup (all, "hypotension-systolic-below"));
  }

  audit = crs_store_list_audit (store, "setting", 0, &error);
  g_assert_cmpuint (audit->len, ==, 4);   /* the repeated value left none */
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->action, ==, "insert");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[2])->action, ==, "update");
  assert_json_field (((CrsAuditEntry *) audit->pdata[2])->before, "value", "Haematology 2");
  assert_json_field (((CrsAuditEntry *) audit->pdata[2])->after, "value", "Ward 7 \"Lind\"");
  assert_json_field (((CrsAuditEntry *) audit->pdata[3])->before, "value", "90");
  assert_json_field (((CrsAuditEntry *) audit->pdata[3])->after, "value", NULL);
  assert_json_field (((CrsAuditEntry *) audit->pdata[3])->after, "key",
                     "hypotension-systolic-below");
}

/* ---------------------------------------------------------------------- */
/* What the database itself refuses */

static void
assert_refused (sqlite3    *db,
                const char *sql,
                const char *message)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (rc == SQLITE_OK)
    g_error ("The database accepted: %s", sql);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (errmsg, message));
  sqlite3_free (errmsg);
}

static void
test_database_enforces (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 patient_id = add_patient (store, "ENF", "1");
  g_autoptr(CrsObservation) obs = make_full_observation (patient_id, 1000);
  g_autoptr(CrsObservation) fix = make_full_observation (patient_id, 1000);
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(CrsIntervention) intervention = crs_intervention_new ();
  g_autoptr(CrsLabResult) lab = crs_lab_result_new ();
  g_autoptr(CrsObservation) after = NULL;
  gint64 audit_rows;
  sqlite3 *db;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  g_assert_true (crs_store_add_observation (store, obs, &error));
  infusion->patient_id = patient_id;
  infusion->start_at = 5;
  g_assert_true (crs_store_add_infusion (store, infusion, &error));
  g_assert_true (crs_store_set_setting (store, "k", "v", &error));
  g_assert_true (crs_store_acknowledge (store, obs->id, "seen", &error));
  intervention->patient_id = patient_id;
  intervention->at = 6;
  g_assert_true (crs_store_add_intervention (store, intervention, &error));
  lab->patient_id = patient_id;
  lab->at = 7;
  lab->value = 3;
  g_assert_true (crs_store_add_lab_result (store, lab, &error));
  g_assert_no_error (error);

  db = open_raw (path);
  audit_rows = raw_int (db, "SELECT count(*) FROM audit");
  g_assert_cmpint (audit_rows, ==, 7);

  assert_refused (db, "UPDATE audit SET author = 'mallory'", "append-only");
  assert_refused (db, "UPDATE audit SET after = NULL WHERE id = 1", "append-only");
  assert_refused (db, "DELETE FROM audit", "append-only");
  assert_refused (db, "DELETE FROM audit WHERE id = 2", "append-only");
  assert_refused (db, "DELETE FROM patient", "never deleted");
  assert_refused (db, "DELETE FROM observation", "never deleted");
  assert_refused (db, "UPDATE observation SET heart_rate = 60", "amend them");
  assert_refused (db, "UPDATE observation SET note = 'x'", "amend them");
  assert_refused (db, "UPDATE observation SET superseded_by = 1", "amend them");
  assert_refused (db, "DELETE FROM infusion", "never deleted");
  assert_refused (db, "UPDATE infusion SET dose = 100", "never changed");
  assert_refused (db, "DELETE FROM setting", "never deleted");
  assert_refused (db, "DELETE FROM acknowledgement", "never deleted");
  assert_refused (db, "UPDATE acknowledgement SET note = 'x'", "never changed");
  assert_refused (db, "DELETE FROM intervention", "never deleted");
  assert_refused (db, "UPDATE intervention SET drug = 'x'", "never changed");
  assert_refused (db, "DELETE FROM lab_result", "never deleted");
  assert_refused (db, "UPDATE lab_result SET value = 1", "never changed");
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit"), ==, audit_rows);
  sqlite3_close (db);

  /* After all that, the set reads as saved, and amending still works. */
  after = crs_store_get_observation (store, obs->id, &error);
  assert_observation_equal (after, obs);
  g_assert_true (crs_store_amend_observation (store, obs->id, fix, "ok", &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------- */
/* Batches, "changed", author */

static void
test_batch (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) list = NULL;
  CrsStoreCounts counts;
  gint64 keep = add_patient (store, "KEEP", "1");

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed), seen);

  /* Rolled back: nothing stays, nothing is signalled. */
  g_assert_true (crs_store_begin_batch (store, &error));
  g_assert_false (crs_store_begin_batch (store, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *mrn = g_strdup_printf ("B%d", i);
      gint64 id = add_patient (store, mrn, "2");
      g_autoptr(CrsObservation) obs = make_full_observation (id, 1000);
      g_assert_true (crs_store_add_observation (store, obs, &error));
    }
  /* A refused record inside a batch does not end it. */
  {
    g_autoptr(CrsPatient) dup = make_patient ("B0", "9");
    g_assert_false (crs_store_add_patient (store, dup, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  g_assert_cmpuint (seen->len, ==, 0);
  crs_store_rollback_batch (store);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.patients, ==, 1);
  g_assert_cmpint (counts.observations, ==, 0);
  g_assert_cmpint (counts.audit_rows, ==, 1);

  /* Committed: all of it, and "changed" once. */
  g_assert_true (crs_store_begin_batch (store, &error));
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *mrn = g_strdup_printf ("C%d", i);
      gint64 id = add_patient (store, mrn, "2");
      g_autoptr(CrsObservation) obs = make_full_observation (id, 1000);
      g_assert_true (crs_store_add_observation (store, obs, &error));
    }
  g_assert_true (crs_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, 0);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.patients, ==, 6);
  g_assert_cmpint (counts.observations, ==, 5);

  g_assert_false (crs_store_commit_batch (store, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Outside a batch each save signals its patient. */
  {
    g_autoptr(CrsObservation) obs = make_full_observation (keep, 2000);
    g_autoptr(CrsObservation) bad = make_full_observation (keep, 0);
    g_assert_true (crs_store_add_observation (store, obs, &error));
    g_assert_cmpuint (seen->len, ==, 2);
    g_assert_cmpint (g_array_index (seen, gint64, 1), ==, keep);
    g_assert_false (crs_store_add_observation (store, bad, &error));   /* refused: no signal */
    g_clear_error (&error);
    g_assert_cmpuint (seen->len, ==, 2);
    g_assert_true (crs_store_set_archived (store, keep, TRUE, &error));
    g_assert_cmpuint (seen->len, ==, 3);
    g_assert_cmpint (g_array_index (seen, gint64, 2), ==, keep);
    g_assert_true (crs_store_set_setting (store, "ward-name", "W", &error));
    g_assert_cmpuint (seen->len, ==, 4);
    g_assert_cmpint (g_array_index (seen, gint64, 3), ==, 0);
  }

  /* Dropping the store with a batch open discards the batch. */
  {
    g_autofree char *path = g_strdup (crs_store_get_path (store));
    g_autoptr(CrsStore) again = NULL;
    g_assert_true (crs_store_begin_batch (store, &error));
    add_patient (store, "LOST", "1");
    g_clear_object (&store);
    again = crs_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_null (crs_store_find_patient_by_mrn (again, "LOST", &error));
    g_assert_no_error (error);
  }
}

/* A write that fails half way (its rows written, its audit row refused)
 * leaves the database as it was, in the file and to the store itself,
 * signals nothing, and the next write goes through: the write guard
 * rolled it back. Inside a batch only the failed record goes. */
static void
refuse_audit (CrsStore *store,
              gboolean  refuse)
{
  g_assert_cmpint (sqlite3_exec (crs_store_get_db (store),
                                 refuse ? "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit"
                                          " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END"
                                        : "DROP TRIGGER temp.refuse_audit",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_failed_write_rolls_back (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrsPatient) found = NULL;
  gint64 patient_id = add_patient (store, "KEEP", "1");
  g_autoptr(CrsObservation) obs = make_full_observation (patient_id, 1000);
  g_autoptr(CrsObservation) fix = make_full_observation (patient_id, 1000);
  sqlite3 *db;

  /* Reads the file with raw SQLite. */
  if (skip_unless_file ())
    return;

  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), seen);
  db = open_raw (path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM observation"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit"), ==, 2);

  refuse_audit (store, TRUE);
  {
    g_autoptr(CrsPatient) lost = make_patient ("LOST", "2");
    g_assert_false (crs_store_add_patient (store, lost, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_cmpint (lost->id, ==, 0);
  }
  /* An amendment writes two rows (the new version, the old one's link)
   * before its audit row. */
  g_assert_false (crs_store_amend_observation (store, obs->id, fix, "typo", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (crs_store_set_setting (store, "ward-name", "Lost", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  refuse_audit (store, FALSE);
  g_assert_cmpuint (seen->len, ==, 0);

  /* Nothing of them in the file, nor seen by the store's own connection. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM observation"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM observation WHERE superseded_by IS NOT NULL"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM setting"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit"), ==, 2);
  g_assert_null (crs_store_find_patient_by_mrn (store, "LOST", &error));
  g_assert_no_error (error);
  g_assert_null (crs_store_get_setting (store, "ward-name"));
  {
    g_autoptr(CrsObservation) current = crs_store_get_observation (store, obs->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (current->superseded_by_id, ==, 0);
  }

  /* The next write goes through, alone. */
  add_patient (store, "NEXT", "3");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient WHERE mrn = 'LOST'"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit"), ==, 3);

  /* In a batch: the failed record goes, the ones before and after stay. */
  g_assert_true (crs_store_begin_batch (store, &error));
  add_patient (store, "BEFORE", "4");
  refuse_audit (store, TRUE);
  {
    g_autoptr(CrsPatient) lost = make_patient ("LOST", "5");
    g_assert_false (crs_store_add_patient (store, lost, &error));
    g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  refuse_audit (store, FALSE);
  add_patient (store, "AFTER", "6");
  g_assert_true (crs_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient"), ==, 4);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient WHERE mrn IN ('BEFORE', 'AFTER')"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM patient WHERE mrn = 'LOST'"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit"), ==, 5);

  found = crs_store_find_patient_by_mrn (store, "AFTER", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  sqlite3_close (db);
}

/* An import keeps who recorded what and when, links amendments, and is
 * audited as "import". */
static void
test_import_batch (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(CrsObservation) first = NULL;
  g_autoptr(CrsObservation) second = NULL;
  g_autoptr(CrsObservation) loaded = NULL;
  g_autoptr(CrsAcknowledgement) ack = g_new0 (CrsAcknowledgement, 1);
  gint64 patient_id;

  g_assert_true (crs_store_begin_import (store, &error));
  patient_id = add_patient (store, "IMP", "1");
  first = make_full_observation (patient_id, 1000);
  first->author = g_strdup ("Night nurse");
  first->recorded_at = 1010;
  g_assert_true (crs_store_add_observation (store, first, &error));
  g_assert_no_error (error);
  second = make_full_observation (patient_id, 1000);
  second->author = g_strdup ("Day nurse");
  second->recorded_at = 2020;
  second->supersedes_id = first->id;
  second->amend_reason = g_strdup ("Corrected pulse");
  g_assert_true (crs_store_add_observation (store, second, &error));
  g_assert_no_error (error);
  ack->observation_id = second->id;
  ack->at = 2100;
  ack->author = g_strdup ("Charge nurse");
  ack->note = g_strdup ("Escalated");
  g_assert_true (crs_store_add_acknowledgement (store, ack, &error));
  g_assert_no_error (error);
  g_assert_true (crs_store_commit_batch (store, &error));

  loaded = crs_store_get_observation (store, first->id, &error);
  g_assert_cmpstr (loaded->author, ==, "Night nurse");
  g_assert_cmpint (loaded->recorded_at, ==, 1010);
  g_assert_cmpint (loaded->superseded_by_id, ==, second->id);
  g_clear_object (&loaded);
  loaded = crs_store_get_observation (store, second->id, &error);
  g_assert_cmpstr (loaded->author, ==, "Day nurse");
  g_assert_cmpint (loaded->recorded_at, ==, 2020);
  g_assert_cmpint (loaded->supersedes_id, ==, first->id);
  g_assert_cmpstr (loaded->amend_reason, ==, "Corrected pulse");

  audit = crs_store_list_audit (store, NULL, 0, &error);
  g_assert_cmpuint (audit->len, ==, 4);
  for (guint i = 0; i < audit->len; i++)
    {
      CrsAuditEntry *entry = audit->pdata[i];
      g_assert_cmpstr (entry->action, ==, "import");
      g_assert_cmpstr (entry->author, ==, g_get_user_name ());   /* who imported */
    }

  /* Outside an import the store sets author and time, and ignores a
   * supersedes_id: amending goes through crs_store_amend_observation. */
  {
    g_autoptr(CrsObservation) plain = make_full_observation (patient_id, 3000);
    plain->author = g_strdup ("Forged");
    plain->supersedes_id = second->id;
    plain->amend_reason = g_strdup ("sneaky");
    g_assert_true (crs_store_add_observation (store, plain, &error));
    g_assert_cmpstr (plain->author, ==, g_get_user_name ());
    g_assert_cmpint (plain->supersedes_id, ==, 0);
    g_assert_null (plain->amend_reason);
    g_clear_object (&loaded);
    loaded = crs_store_get_observation (store, second->id, &error);
    g_assert_cmpint (loaded->superseded_by_id, ==, 0);
  }
}

static void
test_author (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);

  g_assert_cmpstr (crs_store_get_author (store), ==, g_get_user_name ());
  crs_store_set_author (store, "Nurse Jo");
  g_assert_cmpstr (crs_store_get_author (store), ==, "Nurse Jo");
  crs_store_set_author (store, NULL);
  g_assert_cmpstr (crs_store_get_author (store), ==, g_get_user_name ());
  crs_store_set_author (store, "");
  g_assert_cmpstr (crs_store_get_author (store), ==, g_get_user_name ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/patient/round-trip", test_patient_round_trip);
  g_test_add_func ("/store/patient/invalid", test_patient_invalid);
  g_test_add_func ("/store/patient/list-by-bed", test_patient_list_by_bed);
  g_test_add_func ("/store/patient/update-archive-restore", test_patient_update_archive_restore);
  g_test_add_func ("/store/observation/round-trip", test_observation_round_trip);
  g_test_add_func ("/store/observation/every-choice", test_observation_every_choice);
  g_test_add_func ("/store/observation/lists", test_observation_lists);
  g_test_add_func ("/store/observation/amend", test_observation_amend);
  g_test_add_func ("/store/records/round-trip", test_records_round_trip);
  g_test_add_func ("/store/acknowledgements", test_acknowledgements);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/database-enforces", test_database_enforces);
  g_test_add_func ("/store/batch", test_batch);
  g_test_add_func ("/store/import-batch", test_import_batch);
  g_test_add_func ("/store/failed-write-rolls-back", test_failed_write_rolls_back);
  g_test_add_func ("/store/author", test_author);

  return g_test_run ();
}
