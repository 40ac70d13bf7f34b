/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo-ward.c: the demo ward (data/demo-ward.xml) is a valid ward
 * file that looks like a real ward: 8 to 12 patients on the listed
 * therapies, a child under 12 assessed with CAPD, step-up doses, several
 * days of observation sets every 1 to 4 hours, the usual interventions,
 * lab results, notes, acknowledgements and amendments; all in the past
 * of the moment it is imported; it imports into a fresh database; and
 * graded by the C code it reads as a real ward would: ICANS scored with
 * every set, every red flag acknowledged but the few left open, and the
 * children scored with PEWS on their charts. */
#define G_LOG_DOMAIN "test-demo-ward"

#include "config.h"

#include <string.h>

#include "core/crs-paths.h"
#include "core/crs-patient-status.h"
#include "crs-test-ward-utils.h"

/* 2025-03-10T08:00:00Z */
#define ANCHOR G_GINT64_CONSTANT (1741593600)
#define HOUR 3600

static CrsWardFile *
read_demo (gint64 anchor)
{
  g_autofree char *path = crs_paths_data_file ("demo-ward.xml");
  g_autoptr(GError) error = NULL;
  CrsWardFile *file = crs_ward_xml_read_file (path, anchor, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static gboolean
has_therapy (CrsWardFile *file,
             const char  *code)
{
  for (guint i = 0; i < file->patients->len; i++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, i);
      for (guint j = 0; j < entry->infusions->len; j++)
        if (g_strcmp0 (((CrsInfusion *) g_ptr_array_index (entry->infusions, j))->therapy_code, code) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
test_demo_shape (void)
{
  g_autoptr(CrsWardFile) file = read_demo (ANCHOR);
  static const char *therapies[] = {
    "blinatumomab", "tisagenlecleucel", "axicabtagene ciloleucel", "rituximab",
  };
  static const CrsInterventionKind kinds[] = {
    CRS_INTERVENTION_ANTIPYRETIC, CRS_INTERVENTION_ANTI_CYTOKINE, CRS_INTERVENTION_CORTICOSTEROID,
    CRS_INTERVENTION_FLUID_BOLUS, CRS_INTERVENTION_VASOPRESSOR_START,
    CRS_INTERVENTION_VASOPRESSOR_STOP, CRS_INTERVENTION_OXYGEN_CHANGE,
  };
  gboolean kind_seen[CRS_INTERVENTION_N_VALUES] = { FALSE };
  guint children = 0, step_ups = 0, amendments = 0, notes = 0, acks = 0;
  guint several_days = 0, crp = 0, ferritin = 0;
  gint64 earliest = G_MAXINT64;

  g_assert_cmpuint (file->patients->len, >=, 8);
  g_assert_cmpuint (file->patients->len, <=, 12);
  g_assert_nonnull (crs_ward_file_get_setting (file, "ward-name"));

  for (guint i = 0; i < G_N_ELEMENTS (therapies); i++)
    if (!has_therapy (file, therapies[i]))
      g_error ("no patient on %s", therapies[i]);

  for (guint i = 0; i < file->patients->len; i++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, i);
      CrsPatient *patient = entry->patient;
      gint64 first = G_MAXINT64, last = 0;
      int age = crs_patient_age_years (patient, ANCHOR);

      g_test_message ("%s: %u observation sets", patient->mrn, entry->observations->len);
      g_assert_true (g_str_has_prefix (patient->mrn, "DEMO-"));
      g_assert_false (patient->archived);
      g_assert_cmpint (age, >=, 0);
      g_assert_cmpuint (entry->infusions->len, >=, 1);
      g_assert_cmpuint (entry->observations->len, >=, 6);

      for (guint j = 0; j < entry->infusions->len; j++)
        {
          CrsInfusion *infusion = g_ptr_array_index (entry->infusions, j);
          if (infusion->step_label != NULL && strstr (infusion->step_label, "step-up") != NULL)
            step_ups++;
          g_assert_cmpint (infusion->start_at, <, ANCHOR);
        }

      for (guint j = 0; j < entry->observations->len; j++)
        {
          CrsObservation *obs = g_ptr_array_index (entry->observations, j);

          /* Everything happened before the import. */
          g_assert_cmpint (obs->taken_at, <, ANCHOR);
          g_assert_cmpint (obs->recorded_at, >=, obs->taken_at);
          g_assert_cmpint (obs->recorded_at, <, ANCHOR);
          first = MIN (first, obs->taken_at);
          last = MAX (last, obs->taken_at);
          if (obs->supersedes_id != 0)
            amendments++;
          if (obs->note != NULL)
            notes++;
          /* The child is assessed with CAPD, adults with ICE. */
          if (age < 12)
            g_assert_false (obs->ice_items_recorded);
          else
            g_assert_cmpint (obs->capd, ==, CRS_MISSING);
        }
      earliest = MIN (earliest, first);
      if (last - first >= 48 * HOUR)
        several_days++;

      /* A set at least every 4 hours (give or take the minutes a nurse
       * is late), but across a stay in intensive care. */
      for (guint j = 1; j < entry->observations->len; j++)
        {
          CrsObservation *a = g_ptr_array_index (entry->observations, j - 1);
          CrsObservation *b = g_ptr_array_index (entry->observations, j);
          gboolean icu = FALSE;

          if (b->taken_at - a->taken_at <= 4 * HOUR + 20 * 60)
            continue;
          for (guint k = 0; k < entry->interventions->len; k++)
            {
              CrsIntervention *iv = g_ptr_array_index (entry->interventions, k);
              if (iv->kind == CRS_INTERVENTION_ICU_TRANSFER && iv->at >= a->taken_at && iv->at <= b->taken_at)
                icu = TRUE;
            }
          if (!icu)
            g_error ("%s: %" G_GINT64_FORMAT " minutes without observations",
                     patient->mrn, (b->taken_at - a->taken_at) / 60);
        }

      if (age < 12)
        {
          children++;
          g_assert_true (patient->use_capd || age < 12);
        }

      for (guint j = 0; j < entry->interventions->len; j++)
        {
          CrsIntervention *iv = g_ptr_array_index (entry->interventions, j);
          kind_seen[iv->kind] = TRUE;
          g_assert_cmpint (iv->at, <, ANCHOR);
        }
      for (guint j = 0; j < entry->lab_results->len; j++)
        {
          CrsLabResult *lab = g_ptr_array_index (entry->lab_results, j);
          if (g_strcmp0 (lab->loinc, "1988-5") == 0)
            crp++;
          if (g_strcmp0 (lab->loinc, "2276-4") == 0)
            ferritin++;
          g_assert_nonnull (lab->unit);
          g_assert_cmpint (lab->at, <, ANCHOR);
        }
      acks += entry->acknowledgements->len;
    }

  g_assert_cmpuint (children, >=, 1);
  g_assert_cmpuint (step_ups, >=, 2);
  g_assert_cmpuint (amendments, >=, 2);
  g_assert_cmpuint (notes, >=, 10);
  g_assert_cmpuint (acks, >=, 5);
  g_assert_cmpuint (crp, >=, 10);
  g_assert_cmpuint (ferritin, >=, 10);
  g_assert_cmpuint (several_days, >=, 6);
  /* A few days of history on the ward as a whole. */
  g_assert_cmpint (ANCHOR - earliest, >=, 3 * 24 * HOUR);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!kind_seen[kinds[i]])
      g_error ("no intervention of kind %s", crs_intervention_kind_to_id (kinds[i]));
}

/* Imported at another moment, every time moves with it: the demo always
 * looks current. */
static void
test_demo_moves_with_now (void)
{
  g_autoptr(CrsWardFile) early = read_demo (ANCHOR);
  g_autoptr(CrsWardFile) later = read_demo (ANCHOR + 1000 * 24 * HOUR);
  CrsWardFilePatient *a = g_ptr_array_index (early->patients, 0);
  CrsWardFilePatient *b = g_ptr_array_index (later->patients, 0);
  CrsObservation *oa = g_ptr_array_index (a->observations, 0);
  CrsObservation *ob = g_ptr_array_index (b->observations, 0);

  g_assert_cmpint (ob->taken_at - oa->taken_at, ==, 1000 * 24 * HOUR);
  g_assert_cmpint (crs_patient_age_years (a->patient, ANCHOR), ==,
                   crs_patient_age_years (b->patient, ANCHOR + 1000 * 24 * HOUR));
}

static void
test_demo_imports (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "demo", NULL);
  g_autofree char *db = g_build_filename (dir, "ward.sqlite", NULL);
  g_autofree char *path = crs_paths_data_file ("demo-ward.xml");
  g_autoptr(CrsWardFile) file = read_demo (ANCHOR);
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  CrsWardImportSummary summary = { 0 };
  CrsStoreCounts counts;
  guint observations = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = crs_store_open (db, &error);
  g_assert_no_error (error);

  g_assert_true (crs_ward_xml_import_file (store, path, ANCHOR, &summary, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < file->patients->len; i++)
    observations += ((CrsWardFilePatient *) g_ptr_array_index (file->patients, i))->observations->len;
  g_assert_cmpuint (summary.patients, ==, file->patients->len);
  g_assert_cmpuint (summary.observations, ==, observations);

  patients = crs_store_list_patients (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, file->patients->len);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.observations, ==, observations);
  g_assert_cmpint (counts.observations_superseded, >=, 2);
  g_assert_true (crs_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Each patient of the demo and the worst grades the demo's script gives
 * them (data/make-demo-ward.py, one comment per patient). open: the demo
 * leaves this patient's latest red flag open (the script's leave_open). */
static const struct
{
  const char *mrn;
  int         crs;
  int         icans;
  gboolean    open;
} demo_patients[] = {
  { "DEMO-1001", 4, 2, FALSE },   /* axicabtagene ciloleucel: BiPAP and two pressors; ICE 5 */
  { "DEMO-1002", 2, 2, FALSE },   /* tisagenlecleucel, child of 7: blow-by, nasal cannula; CAPD 7, wakes to voice */
  { "DEMO-1003", 1, 1, FALSE },   /* blinatumomab: fever; ICE 8 */
  { "DEMO-1004", 2, 0, FALSE },   /* rituximab: fever and hypotension without pressors */
  { "DEMO-1005", 1, 0, FALSE },   /* teclistamab: fever after step-up dose 2 */
  { "DEMO-1006", 0, 0, FALSE },   /* epcoritamab: no CRS */
  { "DEMO-1007", 2, 0, TRUE },    /* lisocabtagene maraleucel: nasal cannula; breathless now */
  { "DEMO-1008", 2, 0, FALSE },   /* idecabtagene vicleucel: hypotension, fluids */
  { "DEMO-1009", 3, 3, TRUE },    /* brexucabtagene autoleucel: noradrenaline; ICE 2; confused now */
  { "DEMO-1010", 0, 0, FALSE },   /* ciltacabtagene autoleucel: before the usual onset */
  { "DEMO-1011", 2, 0, FALSE },   /* tisagenlecleucel, child of 3: nasal cannula */
};

/* The demo imported into a fresh database in @name under the test's
 * data folder. */
static CrsStore *
import_demo (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autofree char *db = g_build_filename (dir, "ward.sqlite", NULL);
  g_autofree char *path = crs_paths_data_file ("demo-ward.xml");
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CrsWardImportSummary summary = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = crs_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (crs_ward_xml_import_file (store, path, ANCHOR, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.graded, ==, summary.observations);
  return g_steal_pointer (&store);
}

/* Graded at import (the demo carries no grades), the sets reach every
 * CRS grade 0-4 and ICANS grade 0-3, each patient the worst grade the
 * demo's script gives them (data/make-demo-ward.py, one comment per
 * patient). */
static void
test_demo_grades (void)
{
  g_autoptr(CrsStore) store = import_demo ("graded");
  g_autoptr(GError) error = NULL;
  gint64 patient_ids[G_N_ELEMENTS (demo_patients)] = { 0 };
  gboolean crs_seen[5] = { FALSE }, icans_seen[5] = { FALSE };
  guint red_flags = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_patients); i++)
    {
      g_autoptr(CrsPatient) patient = crs_store_find_patient_by_mrn (store, demo_patients[i].mrn, &error);
      g_autoptr(GPtrArray) sets = NULL;
      int crs_max = -1, icans_max = -1;

      g_autoptr(GPtrArray) acks = NULL;
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      g_assert_no_error (error);
      g_assert_nonnull (patient);
      patient_ids[i] = patient->id;
      sets = crs_store_list_observations (store, patient->id, 0, 0, TRUE, &error);
      g_assert_no_error (error);

      /* Each acknowledgement closes a set that raised a red flag (graded
       * here, by the C code, at import): 10 to 40 minutes after it and
       * before the import; none on a set without a red flag, none on a
       * superseded version. */
      for (guint j = 0; j < sets->len; j++)
        {
          CrsObservation *obs = g_ptr_array_index (sets, j);
          g_hash_table_insert (by_id, &obs->id, obs);
        }
      acks = crs_store_list_acknowledgements (store, patient->id, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < acks->len; j++)
        {
          CrsAcknowledgement *ack = g_ptr_array_index (acks, j);
          CrsObservation *obs = g_hash_table_lookup (by_id, &ack->observation_id);

          g_assert_nonnull (obs);
          if (!obs->stored_red_flag || obs->superseded_by_id != 0)
            g_error ("%s: an acknowledgement on a set that raised no red flag (or a superseded one), %" G_GINT64_FORMAT
                     " minutes before the import", demo_patients[i].mrn, (ANCHOR - obs->taken_at) / 60);
          g_assert_cmpint (ack->at - obs->taken_at, >=, 10 * 60);
          g_assert_cmpint (ack->at - obs->taken_at, <=, 40 * 60);
          g_assert_cmpint (ack->at, >=, obs->recorded_at);
          g_assert_cmpint (ack->at, <, ANCHOR);
          g_assert_nonnull (ack->note);
          g_assert_nonnull (ack->author);
        }
      for (guint j = 0; j < sets->len; j++)
        {
          CrsObservation *obs = g_ptr_array_index (sets, j);

          g_assert_cmpstr (obs->stored_rules, ==, "ASTCT-2019;NEWS2-2017;PEWS-NHSE-2023");
          /* Graded sets carry their red flag, as a saved set would. */
          if (obs->stored_crs_grade >= 3 || obs->stored_icans_grade >= 3 || obs->stored_news2 >= 7)
            g_assert_true (obs->stored_red_flag);
          if (obs->stored_red_flag)
            red_flags++;
          if (obs->superseded_by_id != 0)
            continue;
          if (!crs_is_missing_int (obs->stored_crs_grade))
            {
              crs_seen[obs->stored_crs_grade] = TRUE;
              crs_max = MAX (crs_max, obs->stored_crs_grade);
            }
          if (!crs_is_missing_int (obs->stored_icans_grade))
            {
              icans_seen[obs->stored_icans_grade] = TRUE;
              icans_max = MAX (icans_max, obs->stored_icans_grade);
            }
        }
      g_test_message ("%s: worst CRS %d, worst ICANS %d", demo_patients[i].mrn, crs_max, icans_max);
      g_assert_cmpint (crs_max, ==, demo_patients[i].crs);
      g_assert_cmpint (icans_max, ==, demo_patients[i].icans);
    }

  /* Some red flags were acknowledged in the demo, some are still open:
   * a new user sees the banner and how it is closed. As on a real ward,
   * the old ones were acknowledged long ago: what is open are the latest
   * flags of the designated patients, raised in the last two hours. */
  {
    g_autoptr(GPtrArray) open = crs_store_list_open_escalations (store, 0, &error);
    guint open_of[G_N_ELEMENTS (demo_patients)] = { 0 };

    g_assert_no_error (error);
    g_test_message ("%u sets raised a red flag, %u still open", red_flags, open->len);
    g_assert_cmpuint (open->len, >, 0);
    g_assert_cmpuint (open->len, <, red_flags);
    for (guint i = 0; i < open->len; i++)
      {
        CrsObservation *obs = g_ptr_array_index (open, i);
        guint k;

        for (k = 0; k < G_N_ELEMENTS (demo_patients); k++)
          if (patient_ids[k] == obs->patient_id)
            break;
        g_assert_cmpuint (k, <, G_N_ELEMENTS (demo_patients));
        g_test_message ("open: %s, %" G_GINT64_FORMAT " minutes ago",
                        demo_patients[k].mrn, (ANCHOR - obs->taken_at) / 60);
        if (!demo_patients[k].open)
          g_error ("%s has an open red flag %" G_GINT64_FORMAT " minutes before the import",
                   demo_patients[k].mrn, (ANCHOR - obs->taken_at) / 60);
        g_assert_cmpint (ANCHOR - obs->taken_at, <=, 2 * HOUR);
        open_of[k]++;
      }
    for (guint k = 0; k < G_N_ELEMENTS (demo_patients); k++)
      {
        if (demo_patients[k].open)
          g_assert_cmpuint (open_of[k], >=, 1);
        g_assert_cmpuint (open_of[k], <=, 2);
      }
  }

  for (int g = 0; g <= 4; g++)
    g_assert_true (crs_seen[g]);
  for (int g = 0; g <= 3; g++)
    g_assert_true (icans_seen[g]);
}

/* What the ward list and the patient page show (CrsPatientStatus, every
 * set graded as of now from the whole record, as the app grades it):
 *  - the nurses score ICANS with every set (ICE for adults, CAPD for the
 *    child) beside the level of consciousness, so every set's ICANS grade
 *    is determined, and so is the newest set's CRS grade: no patient of
 *    the demo reads "not determined";
 *  - every set with a red flag by the C grading is acknowledged, as on a
 *    real ward, except the latest one of each patient the demo leaves
 *    open (raised in the last two hours); no acknowledgement sits on a
 *    set without one; the flag stored at import is the flag now. */
static void
test_demo_status (void)
{
  g_autoptr(CrsStore) store = import_demo ("status");
  g_autoptr(GError) error = NULL;
  CrsWardPolicy policy;
  guint flagged = 0, acknowledged = 0;

  crs_store_load_policy (store, &policy);
  for (guint i = 0; i < G_N_ELEMENTS (demo_patients); i++)
    {
      const char *mrn = demo_patients[i].mrn;
      g_autoptr(CrsPatient) patient = crs_store_find_patient_by_mrn (store, mrn, &error);
      g_autoptr(GPtrArray) sets = NULL;
      g_autoptr(GPtrArray) infusions = NULL;
      g_autoptr(GPtrArray) interventions = NULL;
      g_autoptr(GPtrArray) acks = NULL;
      g_autoptr(GPtrArray) late = NULL;
      g_autoptr(GPtrArray) open_sets = NULL;
      g_autoptr(CrsPatientStatus) status = NULL;
      CrsPatientRecord record = { 0 };
      CrsObservation *unacknowledged = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (patient);
      sets = crs_store_list_observations (store, patient->id, 0, 0, TRUE, &error);
      g_assert_no_error (error);
      infusions = crs_store_list_infusions (store, patient->id, &error);
      g_assert_no_error (error);
      interventions = crs_store_list_interventions (store, patient->id, &error);
      g_assert_no_error (error);
      acks = crs_store_list_acknowledgements (store, patient->id, &error);
      g_assert_no_error (error);
      late = crs_store_list_late_red_flags (store, patient->id, &error);
      g_assert_no_error (error);
      open_sets = crs_store_list_open_escalations (store, patient->id, &error);
      g_assert_no_error (error);
      /* The import graded every set with its whole history. */
      g_assert_cmpuint (late->len, ==, 0);

      record.patient = patient;
      record.observations = sets;
      record.infusions = infusions;
      record.interventions = interventions;
      record.acknowledgements = acks;
      record.late_flags = late;
      record.open_sets = open_sets;
      status = crs_patient_status_new (&record, &policy, ANCHOR);
      g_assert_nonnull (status->latest);

      if (status->icans.certainty != CRS_CERTAINTY_DETERMINED)
        g_error ("%s: the newest set's ICANS grade is not determined", mrn);
      if (status->crs.certainty != CRS_CERTAINTY_DETERMINED)
        g_error ("%s: the newest set's CRS grade is not determined", mrn);

      for (guint j = 0; j < status->sets->len; j++)
        {
          CrsObservation *set = g_ptr_array_index (status->sets, j);
          const CrsGrading *grading = &g_array_index (status->gradings, CrsGrading, j);
          gint64 ago = (ANCHOR - set->taken_at) / 60;
          gboolean red = crs_grading_has_red_flag (grading);
          gboolean acked = FALSE;

          for (guint k = 0; k < acks->len; k++)
            if (((CrsAcknowledgement *) g_ptr_array_index (acks, k))->observation_id == set->id)
              acked = TRUE;

          if (crs_grading_icans_certainty (grading) != CRS_CERTAINTY_DETERMINED)
            g_error ("%s: ICANS not determined on the set %" G_GINT64_FORMAT " minutes before the import",
                     mrn, ago);
          if (red != set->stored_red_flag)
            g_error ("%s: the set %" G_GINT64_FORMAT " minutes before the import was stored %s a red flag "
                     "but grades %s one now", mrn, ago, set->stored_red_flag ? "with" : "without",
                     red ? "with" : "without");
          if (acked && !red)
            g_error ("%s: an acknowledgement on the set %" G_GINT64_FORMAT " minutes before the import, "
                     "which raises no red flag", mrn, ago);
          if (red)
            flagged++;
          if (acked)
            acknowledged++;
          if (!red || acked)
            continue;
          /* Only the designated patients' latest red flag is open. */
          if (!demo_patients[i].open)
            g_error ("%s: the red flag %" G_GINT64_FORMAT " minutes before the import is not acknowledged",
                     mrn, ago);
          if (unacknowledged != NULL)
            g_error ("%s: the red flags %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT
                     " minutes before the import are both open", mrn,
                     (ANCHOR - unacknowledged->taken_at) / 60, ago);
          unacknowledged = set;
        }

      if (demo_patients[i].open)
        {
          g_assert_nonnull (unacknowledged);
          g_assert_cmpint (ANCHOR - unacknowledged->taken_at, <=, 2 * HOUR);
          /* ... and it is the newest red flag: every later set raises none. */
          for (guint j = 0; j < status->sets->len; j++)
            if (((CrsObservation *) g_ptr_array_index (status->sets, j))->taken_at > unacknowledged->taken_at)
              g_assert_false (crs_grading_has_red_flag (&g_array_index (status->gradings, CrsGrading, j)));
          g_assert_cmpuint (status->open->len, ==, 1);
          g_assert_true (((CrsOpenFlag *) g_ptr_array_index (status->open, 0))->set->id == unacknowledged->id);
        }
      else
        g_assert_cmpuint (status->open->len, ==, 0);
    }
  g_test_message ("%u sets raise a red flag, %u acknowledged", flagged, acknowledged);
  g_assert_cmpuint (acknowledged, >=, 5);
  g_assert_cmpuint (acknowledged, <, flagged);
}

/* The demo's children are scored as the app scores a child: PEWS (NHS
 * England national charts, 2023) on the chart of their age, with all
 * seven parameters on every set; each child's course reaches the medium
 * and the high level, a high level raises a PEWS red flag (acknowledged),
 * the two children are on different charts, and no adult gets PEWS. */
static void
test_demo_pews (void)
{
  g_autoptr(CrsStore) store = import_demo ("pews");
  g_autoptr(GError) error = NULL;
  CrsWardPolicy policy;
  gboolean band_seen[CRS_PEWS_BAND_N_VALUES] = { FALSE };
  guint children = 0;

  crs_store_load_policy (store, &policy);
  for (guint i = 0; i < G_N_ELEMENTS (demo_patients); i++)
    {
      g_autoptr(CrsPatient) patient = crs_store_find_patient_by_mrn (store, demo_patients[i].mrn, &error);
      g_autoptr(GPtrArray) sets = NULL;
      g_autoptr(GPtrArray) interventions = NULL;
      g_autoptr(GPtrArray) infusions = NULL;
      g_autoptr(GPtrArray) acks = NULL;
      g_autoptr(CrsPatientStatus) status = NULL;
      CrsPatientRecord record = { 0 };
      gboolean child, level_seen[CRS_PEWS_LEVEL_N_VALUES] = { FALSE };
      guint pews_flags = 0, pews_flags_acked = 0;

      g_assert_no_error (error);
      sets = crs_store_list_observations (store, patient->id, 0, 0, FALSE, &error);
      interventions = crs_store_list_interventions (store, patient->id, &error);
      infusions = crs_store_list_infusions (store, patient->id, &error);
      acks = crs_store_list_acknowledgements (store, patient->id, &error);
      g_assert_no_error (error);
      record.patient = patient;
      record.observations = sets;
      record.infusions = infusions;
      record.interventions = interventions;
      record.acknowledgements = acks;
      status = crs_patient_status_new (&record, &policy, ANCHOR);
      child = crs_patient_age_years (patient, ANCHOR) < policy.news2_min_age;

      for (guint j = 0; j < status->sets->len; j++)
        {
          CrsObservation *set = g_ptr_array_index (status->sets, j);
          const CrsGrading *grading = &g_array_index (status->gradings, CrsGrading, j);

          g_assert_cmpint (grading->pews_applies, ==, child);
          if (!child)
            {
              g_assert_cmpint (set->stored_pews_level, ==, CRS_MISSING);
              continue;
            }
          band_seen[grading->pews.band] = TRUE;
          if (!grading->pews.complete)
            g_error ("%s: a PEWS parameter is missing from the set %" G_GINT64_FORMAT " minutes before "
                     "the import", demo_patients[i].mrn, (ANCHOR - set->taken_at) / 60);
          level_seen[grading->pews.level] = TRUE;
          /* Stored at import as graded now. */
          g_assert_cmpint (set->stored_pews, ==, grading->pews.total);
          g_assert_cmpint (set->stored_pews_level, ==, (int) grading->pews.level);
          if (grading->red_flag_kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_PEWS))
            {
              pews_flags++;
              for (guint k = 0; k < acks->len; k++)
                if (((CrsAcknowledgement *) g_ptr_array_index (acks, k))->observation_id == set->id)
                  {
                    pews_flags_acked++;
                    break;
                  }
            }
        }
      if (!child)
        continue;
      children++;
      g_test_message ("%s: PEWS levels seen none %d low %d medium %d high %d emergency %d; %u PEWS red flags",
                      demo_patients[i].mrn, level_seen[0], level_seen[1], level_seen[2], level_seen[3],
                      level_seen[4], pews_flags);
      g_assert_true (level_seen[CRS_PEWS_LEVEL_MEDIUM]);
      g_assert_true (level_seen[CRS_PEWS_LEVEL_HIGH]);
      g_assert_cmpuint (pews_flags, >=, 1);
      g_assert_cmpuint (pews_flags_acked, ==, pews_flags);
    }
  g_assert_cmpuint (children, ==, 2);
  g_assert_true (band_seen[CRS_PEWS_BAND_1_4_YEARS]);
  g_assert_true (band_seen[CRS_PEWS_BAND_5_12_YEARS]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo-ward/shape", test_demo_shape);
  g_test_add_func ("/demo-ward/moves-with-now", test_demo_moves_with_now);
  g_test_add_func ("/demo-ward/imports", test_demo_imports);
  g_test_add_func ("/demo-ward/grades", test_demo_grades);
  g_test_add_func ("/demo-ward/status", test_demo_status);
  g_test_add_func ("/demo-ward/pews", test_demo_pews);

  return g_test_run ();
}
