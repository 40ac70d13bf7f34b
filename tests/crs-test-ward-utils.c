/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-ward-utils.c: helpers for the ward file tests. */
#define G_LOG_DOMAIN "crs-test"

#include "config.h"

#include "core/crs-grade-pews.h"

#include <glib/gstdio.h>
#include <math.h>

#include "core/crs-symptom.h"
#include "crs-test-store-utils.h"
#include "crs-test-ward-utils.h"

/* 2025-03-10T08:00:00Z */
#define T0 G_GINT64_CONSTANT (1741593600)
#define HOUR 3600

static CrsObservation *
add_observation (CrsWardFilePatient *entry,
                 gint64              id,
                 gint64              taken_at)
{
  CrsObservation *obs = crs_observation_new ();

  obs->id = id;
  obs->patient_id = entry->patient->id;
  obs->taken_at = taken_at;
  obs->recorded_at = taken_at + 240;
  obs->author = g_strdup ("rn.okafor");
  g_ptr_array_add (entry->observations, obs);
  return obs;
}

CrsWardFile *
crs_test_ward_file_rich (void)
{
  CrsWardFile *file = crs_ward_file_new ();
  CrsWardFilePatient *entry;
  CrsPatient *patient;
  CrsInfusion *infusion;
  CrsObservation *obs, *first, *second;
  CrsIntervention *iv;
  CrsLabResult *lab;
  CrsAcknowledgement *ack;
  gint64 id = 100;

  crs_ward_file_add_setting (file, "ward-name", "Haematology 4B");
  crs_ward_file_add_setting (file, "hypotension-systolic-below", "90");
  crs_ward_file_add_setting (file, "note", "line one\nline two & <three>");
  crs_ward_file_add_setting (file, "unset-policy", NULL);

  /* Patient 1: an adult with every vital and every symptom. */
  patient = crs_patient_new ();
  patient->id = 1;
  patient->mrn = g_strdup ("MRN-0001");
  patient->name = g_strdup ("Zoë Ångström-O'Neil");
  patient->birth_date = g_strdup ("1961-03-04");
  patient->sex = CRS_SEX_FEMALE;
  patient->weight_kg = 68.4;
  patient->bed = g_strdup ("01");
  patient->ward = g_strdup ("4B");
  patient->diagnosis = g_strdup ("Relapsed B-ALL <CD19+> & more");
  patient->risk_notes = g_strdup ("High marrow burden.\nPrior CRS grade 2.");
  patient->spo2_scale = 2;
  patient->high_disease_burden = TRUE;
  patient->comorbidities = TRUE;
  patient->prior_crs = TRUE;
  entry = crs_ward_file_add_patient (file, patient);

  infusion = crs_infusion_new ();
  infusion->id = ++id;
  infusion->therapy_code = g_strdup ("blinatumomab");
  infusion->therapy_name = g_strdup ("Blincyto");
  infusion->dose = 9;
  infusion->dose_unit = g_strdup ("µg/day");
  infusion->step_label = g_strdup ("step-up dose 1");
  infusion->start_at = T0 - 48 * HOUR;
  infusion->end_at = T0 + 5 * 24 * HOUR;
  infusion->note = g_strdup ("Continuous infusion");
  infusion->author = g_strdup ("rn.okafor");
  g_ptr_array_add (entry->infusions, infusion);

  infusion = crs_infusion_new ();
  infusion->id = ++id;
  infusion->therapy_name = g_strdup ("Unknown trial drug");
  infusion->start_at = T0 - 24 * HOUR;
  g_ptr_array_add (entry->infusions, infusion);

  /* Every O2 device, ACVPU, arousal, seizure and oedema value in turn. */
  for (int i = 1; i < CRS_O2_N_VALUES; i++)
    {
      obs = add_observation (entry, ++id, T0 + i * HOUR);
      obs->o2_device = (CrsO2Device) i;
      obs->o2_flow_l_min = 0.5 * i;
      obs->fio2_percent = 21 + i;
      obs->acvpu = (CrsAcvpu) (1 + i % (CRS_ACVPU_N_VALUES - 1));
      obs->arousal = (CrsArousal) (1 + i % (CRS_AROUSAL_N_VALUES - 1));
      obs->seizure = (CrsSeizure) (1 + i % (CRS_SEIZURE_N_VALUES - 1));
      obs->cerebral_edema = (CrsEdema) (1 + i % (CRS_EDEMA_N_VALUES - 1));
      obs->hypotension = (CrsTri) (1 + i % 2);
      obs->vasopressin = (CrsTri) (1 + (i + 1) % 2);
      obs->motor_weakness = (CrsTri) (1 + i % 2);
      obs->vasopressors = i % 3;
      obs->temperature_c = 36.0 + 0.3 * i;
      obs->heart_rate = 60 + 7 * i;
      obs->resp_rate = 12 + i;
      obs->systolic = 130 - 4 * i;
      obs->diastolic = 80 - 2 * i;
      obs->spo2 = 99 - i;
      obs->ice_items_recorded = TRUE;
      obs->ice_items = (guint16) ((1u << (i % CRS_ICE_N_ITEMS)) - 1);
      obs->stored_crs_grade = i % 5;
      obs->stored_icans_grade = (i + 2) % 5;
      obs->stored_news2 = i;
      obs->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017;PEWS-NHSE-2023");
      obs->stored_red_flag = obs->stored_news2 >= 7;
      /* And every value of the children's PEWS fields in turn. */
      obs->resp_distress = (CrsRespDistress) (1 + i % (CRS_RESP_DISTRESS_N_VALUES - 1));
      obs->crt_s = 0.5 * i;
      obs->o2_percent = 20 + 7.5 * i;
      obs->bp_skip = (CrsBpSkip) (1 + i % (CRS_BP_SKIP_N_VALUES - 1));
      obs->carer = (CrsCarer) (1 + i % (CRS_CARER_N_VALUES - 1));
      obs->intuition = (CrsTri) (1 + (i + 1) % 2);
      obs->sepsis = (CrsSepsis) (1 + i % (CRS_SEPSIS_N_VALUES - 1));
      obs->pews_band = (CrsPewsBand) (i % CRS_PEWS_BAND_N_VALUES);
      obs->stored_pews = i % 2 ? 2 * i : CRS_MISSING;
      obs->stored_pews_level = i % CRS_PEWS_LEVEL_N_VALUES;
    }
  /* Every symptom, all ICE items, and a note with markup. */
  obs = add_observation (entry, ++id, T0 + 20 * HOUR);
  for (int s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    obs->symptoms |= CRS_SYMPTOM_BIT (s);
  obs->ice_items_recorded = TRUE;
  obs->ice_items = (1u << CRS_ICE_N_ITEMS) - 1;
  obs->note = g_strdup ("Rigors; told Dr <Mbeki> & family.\n\tWill recheck in 1 h.");
  /* A set with nothing but a temperature: every other field missing. */
  obs = add_observation (entry, ++id, T0 + 21 * HOUR);
  obs->temperature_c = 38.25;
  g_clear_pointer (&obs->author, g_free);
  obs->recorded_at = 0;
  /* ICE items recorded, none correct; and an ICE total instead. */
  obs = add_observation (entry, ++id, T0 + 22 * HOUR);
  obs->ice_items_recorded = TRUE;
  obs->ice_items = 0;
  obs = add_observation (entry, ++id, T0 + 23 * HOUR);
  obs->ice_total = 7;
  obs->stored_icans_grade = 1;
  obs->stored_rules = NULL;

  /* An amendment chain: original, first correction, second correction
   * whose time was moved earlier than the original. */
  first = add_observation (entry, ++id, T0 + 30 * HOUR);
  first->temperature_c = 83.9 / 2;   /* 41.95, a typing slip */
  second = add_observation (entry, ++id, T0 + 30 * HOUR);
  second->temperature_c = 38.9;
  second->supersedes_id = first->id;
  second->amend_reason = g_strdup ("Temperature typed wrongly");
  first->superseded_by_id = second->id;
  obs = add_observation (entry, ++id, T0 + 29 * HOUR);
  obs->temperature_c = 38.9;
  obs->supersedes_id = second->id;
  obs->amend_reason = g_strdup ("Taken at 13:00, not 14:00");
  second->superseded_by_id = obs->id;

  ack = crs_ward_file_acknowledgement_new ();
  ack->id = ++id;
  ack->observation_id = first->id;
  ack->at = T0 + 30 * HOUR + 600;
  ack->author = g_strdup ("rn.okafor");
  ack->note = g_strdup ("Registrar informed");
  g_ptr_array_add (entry->acknowledgements, ack);
  ack = crs_ward_file_acknowledgement_new ();
  ack->id = ++id;
  ack->observation_id = obs->id;
  ack->at = T0 + 31 * HOUR;
  g_ptr_array_add (entry->acknowledgements, ack);

  for (int k = 1; k < CRS_INTERVENTION_N_VALUES; k++)
    {
      iv = crs_intervention_new ();
      iv->id = ++id;
      iv->at = T0 + k * 1800;
      iv->kind = (CrsInterventionKind) k;
      if (k % 2 == 0)
        {
          iv->drug = g_strdup ("tocilizumab");
          iv->dose = g_strdup ("8 mg/kg IV");
          iv->note = g_strdup ("Over 1 h");
          iv->author = g_strdup ("rn.okafor");
        }
      g_ptr_array_add (entry->interventions, iv);
    }

  lab = crs_lab_result_new ();
  lab->id = ++id;
  lab->at = T0 + 6 * HOUR;
  lab->loinc = g_strdup ("1988-5");
  lab->name = g_strdup ("CRP");
  lab->value = 87.5;
  lab->unit = g_strdup ("mg/L");
  lab->note = g_strdup ("Rising");
  lab->author = g_strdup ("lab");
  g_ptr_array_add (entry->lab_results, lab);
  lab = crs_lab_result_new ();
  lab->id = ++id;
  lab->at = T0 + 6 * HOUR;
  lab->loinc = g_strdup ("2276-4");
  lab->value = 1.0 / 3.0;   /* needs every digit to survive */
  g_ptr_array_add (entry->lab_results, lab);
  lab = crs_lab_result_new ();
  lab->id = ++id;
  lab->at = T0 + 7 * HOUR;
  lab->loinc = g_strdup ("777-3");
  lab->value = 1.5e-7;
  lab->unit = g_strdup ("10*9/L");
  g_ptr_array_add (entry->lab_results, lab);

  /* Patient 2: a child on CAPD with the fewest fields. */
  patient = crs_patient_new ();
  patient->id = 2;
  patient->mrn = g_strdup ("MRN 0002");
  patient->sex = CRS_SEX_MALE;
  patient->use_capd = TRUE;
  entry = crs_ward_file_add_patient (file, patient);
  obs = add_observation (entry, ++id, T0);
  obs->capd = 12;
  obs->arousal = CRS_AROUSAL_VOICE;

  /* Patient 3: archived, sex other, empty strings. */
  patient = crs_patient_new ();
  patient->id = 3;
  patient->mrn = g_strdup ("MRN-0003");
  patient->name = g_strdup ("");
  patient->sex = CRS_SEX_OTHER;
  patient->bed = g_strdup ("");
  patient->archived = TRUE;
  crs_ward_file_add_patient (file, patient);

  return file;
}

CrsWardFilePatient *
crs_test_ward_file_find (CrsWardFile *file,
                         const char  *mrn)
{
  for (guint i = 0; i < file->patients->len; i++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, i);
      if (g_strcmp0 (entry->patient->mrn, mrn) == 0)
        return entry;
    }
  return NULL;
}

/* Records in a stable order, with ids replaced by positions. */
static int
cmp_obs (gconstpointer a,
         gconstpointer b)
{
  const CrsObservation *x = *(CrsObservation * const *) a;
  const CrsObservation *y = *(CrsObservation * const *) b;

  if (x->taken_at != y->taken_at)
    return x->taken_at < y->taken_at ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static GPtrArray *
sorted_observations (CrsWardFilePatient *entry)
{
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; i < entry->observations->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (entry->observations, i));
  g_ptr_array_sort (copy, cmp_obs);
  return copy;
}

static int
position_of (GPtrArray *observations,
             gint64     id)
{
  if (id == 0)
    return -1;
  for (guint i = 0; i < observations->len; i++)
    if (((CrsObservation *) g_ptr_array_index (observations, i))->id == id)
      return (int) i;
  g_assert_not_reached ();
  return -2;
}

static void
assert_patient_equal (CrsPatient *a,
                      CrsPatient *b)
{
  g_assert_cmpstr (a->mrn, ==, b->mrn);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->birth_date, ==, b->birth_date);
  g_assert_cmpint (a->sex, ==, b->sex);
  assert_double_equal (a->weight_kg, b->weight_kg);
  g_assert_cmpstr (a->bed, ==, b->bed);
  g_assert_cmpstr (a->ward, ==, b->ward);
  g_assert_cmpstr (a->diagnosis, ==, b->diagnosis);
  g_assert_cmpstr (a->risk_notes, ==, b->risk_notes);
  g_assert_cmpint (a->spo2_scale, ==, b->spo2_scale);
  g_assert_cmpint (a->use_capd, ==, b->use_capd);
  g_assert_cmpint (a->high_disease_burden, ==, b->high_disease_burden);
  g_assert_cmpint (a->comorbidities, ==, b->comorbidities);
  g_assert_cmpint (a->prior_crs, ==, b->prior_crs);
  g_assert_cmpint (a->archived, ==, b->archived);
}

static int
cmp_by_time (gint64 ta, gint64 ida, gint64 tb, gint64 idb)
{
  if (ta != tb)
    return ta < tb ? -1 : 1;
  return ida < idb ? -1 : ida > idb;
}

static int
cmp_infusion (gconstpointer a, gconstpointer b)
{
  const CrsInfusion *x = *(CrsInfusion * const *) a, *y = *(CrsInfusion * const *) b;
  return cmp_by_time (x->start_at, x->id, y->start_at, y->id);
}

static int
cmp_intervention (gconstpointer a, gconstpointer b)
{
  const CrsIntervention *x = *(CrsIntervention * const *) a, *y = *(CrsIntervention * const *) b;
  return cmp_by_time (x->at, x->id, y->at, y->id);
}

static int
cmp_lab (gconstpointer a, gconstpointer b)
{
  const CrsLabResult *x = *(CrsLabResult * const *) a, *y = *(CrsLabResult * const *) b;
  return cmp_by_time (x->at, x->id, y->at, y->id);
}

static int
cmp_ack (gconstpointer a, gconstpointer b)
{
  const CrsAcknowledgement *x = *(CrsAcknowledgement * const *) a, *y = *(CrsAcknowledgement * const *) b;
  return cmp_by_time (x->at, x->id, y->at, y->id);
}

static GPtrArray *
sorted_copy (GPtrArray *array, GCompareFunc compare)
{
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  g_ptr_array_sort (copy, compare);
  return copy;
}

static void
assert_entries_equal (CrsWardFilePatient *ea,
                      CrsWardFilePatient *eb)
{
  g_autoptr(GPtrArray) oa = sorted_observations (ea);
  g_autoptr(GPtrArray) ob = sorted_observations (eb);
  g_autoptr(GPtrArray) ia = sorted_copy (ea->infusions, cmp_infusion);
  g_autoptr(GPtrArray) ib = sorted_copy (eb->infusions, cmp_infusion);
  g_autoptr(GPtrArray) va = sorted_copy (ea->interventions, cmp_intervention);
  g_autoptr(GPtrArray) vb = sorted_copy (eb->interventions, cmp_intervention);
  g_autoptr(GPtrArray) la = sorted_copy (ea->lab_results, cmp_lab);
  g_autoptr(GPtrArray) lb = sorted_copy (eb->lab_results, cmp_lab);
  g_autoptr(GPtrArray) aa = sorted_copy (ea->acknowledgements, cmp_ack);
  g_autoptr(GPtrArray) ab = sorted_copy (eb->acknowledgements, cmp_ack);

  assert_patient_equal (ea->patient, eb->patient);

  g_assert_cmpuint (ia->len, ==, ib->len);
  for (guint i = 0; i < ia->len; i++)
    {
      CrsInfusion *x = g_ptr_array_index (ia, i), *y = g_ptr_array_index (ib, i);
      g_assert_cmpstr (x->therapy_code, ==, y->therapy_code);
      g_assert_cmpstr (x->therapy_name, ==, y->therapy_name);
      assert_double_equal (x->dose, y->dose);
      g_assert_cmpstr (x->dose_unit, ==, y->dose_unit);
      g_assert_cmpstr (x->step_label, ==, y->step_label);
      g_assert_cmpint (x->start_at, ==, y->start_at);
      g_assert_cmpint (x->end_at, ==, y->end_at);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpstr (x->author, ==, y->author);
    }

  g_assert_cmpuint (oa->len, ==, ob->len);
  for (guint i = 0; i < oa->len; i++)
    {
      CrsObservation *x = g_ptr_array_index (oa, i), *y = g_ptr_array_index (ob, i);
      assert_observation_content_equal (x, y);
      g_assert_cmpint (position_of (oa, x->supersedes_id), ==, position_of (ob, y->supersedes_id));
      g_assert_cmpint (position_of (oa, x->superseded_by_id), ==, position_of (ob, y->superseded_by_id));
    }

  g_assert_cmpuint (va->len, ==, vb->len);
  for (guint i = 0; i < va->len; i++)
    {
      CrsIntervention *x = g_ptr_array_index (va, i), *y = g_ptr_array_index (vb, i);
      g_assert_cmpint (x->at, ==, y->at);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->drug, ==, y->drug);
      g_assert_cmpstr (x->dose, ==, y->dose);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpstr (x->author, ==, y->author);
    }

  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      CrsLabResult *x = g_ptr_array_index (la, i), *y = g_ptr_array_index (lb, i);
      g_assert_cmpint (x->at, ==, y->at);
      g_assert_cmpstr (x->loinc, ==, y->loinc);
      g_assert_cmpstr (x->name, ==, y->name);
      assert_double_equal (x->value, y->value);
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpstr (x->author, ==, y->author);
    }

  g_assert_cmpuint (aa->len, ==, ab->len);
  for (guint i = 0; i < aa->len; i++)
    {
      CrsAcknowledgement *x = g_ptr_array_index (aa, i), *y = g_ptr_array_index (ab, i);
      g_assert_cmpint (x->at, ==, y->at);
      g_assert_cmpstr (x->author, ==, y->author);
      g_assert_cmpstr (x->note, ==, y->note);
      g_assert_cmpint (position_of (oa, x->observation_id), ==, position_of (ob, y->observation_id));
    }
}

void
crs_test_assert_ward_files_equal (CrsWardFile *a,
                                  CrsWardFile *b)
{
  g_assert_cmpuint (a->settings->len, ==, b->settings->len);
  for (guint i = 0; i < a->settings->len; i++)
    {
      CrsWardFileSetting *s = g_ptr_array_index (a->settings, i);
      gboolean found = FALSE;

      for (guint j = 0; j < b->settings->len; j++)
        {
          CrsWardFileSetting *t = g_ptr_array_index (b->settings, j);
          if (g_strcmp0 (s->key, t->key) == 0)
            {
              g_assert_cmpstr (s->value, ==, t->value);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  g_assert_cmpuint (a->patients->len, ==, b->patients->len);
  for (guint i = 0; i < a->patients->len; i++)
    {
      CrsWardFilePatient *ea = g_ptr_array_index (a->patients, i);
      CrsWardFilePatient *eb = crs_test_ward_file_find (b, ea->patient->mrn);

      g_assert_nonnull (eb);
      assert_entries_equal (ea, eb);
    }
}

char *
crs_test_write_temp_file (const char *name,
                          const char *text,
                          gssize      len)
{
  static guint counter = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_strdup_printf ("files-%u", ++counter);
  /* Under the per-test data folder (G_TEST_OPTION_ISOLATE_DIRS), which
   * the test framework removes afterwards. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), sub, NULL);
  char *path;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
  return path;
}
