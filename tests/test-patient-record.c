/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-patient-record.c: the one reader of a patient's whole record
 * (store/crs-patient-record.c) that the patient page and the handover
 * report share: what it reads, with and without amended versions and lab
 * results, the open escalations read for the patient or picked from the
 * ward's, and all or nothing. */
#define G_LOG_DOMAIN "test-patient-record"

#include "config.h"

#include <glib.h>

#include "crs-test-store-utils.h"
#include "store/crs-patient-record.h"

#define HOUR 3600
#define T0 ((gint64) 1709294400)

static CrsObservation *
save_set (CrsStore *store,
          gint64    patient_id,
          gint64    at,
          gboolean  red_flag)
{
  g_autoptr(GError) error = NULL;
  CrsObservation *obs = make_full_observation (patient_id, at);

  obs->stored_red_flag = red_flag;
  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  return obs;
}

static GArray *
ids_of (GPtrArray *sets)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < sets->len; i++)
    g_array_append_val (ids, ((CrsObservation *) g_ptr_array_index (sets, i))->id);
  return ids;
}

static void
test_read (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsObservation) flagged = NULL;
  g_autoptr(CrsObservation) calm = NULL;
  g_autoptr(CrsObservation) other = NULL;
  g_autoptr(CrsObservation) amended = NULL;
  g_autoptr(CrsLabResult) crp = crs_lab_result_new ();
  g_autoptr(GPtrArray) open_all = NULL;
  g_autoptr(CrsStoredRecord) current = NULL;
  g_autoptr(CrsStoredRecord) history = NULL;
  g_autoptr(GArray) own_ids = NULL;
  g_autoptr(GArray) picked_ids = NULL;
  gint64 ada = add_patient (store, "REC-1", "01");
  gint64 ben = add_patient (store, "REC-2", "02");

  flagged = save_set (store, ada, T0, TRUE);
  calm = save_set (store, ada, T0 + HOUR, FALSE);
  other = save_set (store, ben, T0, TRUE);
  amended = make_full_observation (ada, T0 + HOUR);
  amended->stored_red_flag = FALSE;
  g_assert_true (crs_store_amend_observation (store, calm->id, amended, "Pulse misread", &error));
  g_assert_no_error (error);
  crp->patient_id = ada;
  crp->at = T0;
  crp->loinc = g_strdup ("1988-5");
  crp->name = g_strdup ("CRP");
  crp->value = 42;
  crp->unit = g_strdup ("mg/L");
  g_assert_true (crs_store_add_lab_result (store, crp, &error));
  g_assert_no_error (error);

  /* The current sets, the patient's own open escalations. */
  current = crs_stored_record_read (store, ada, CRS_READ_CURRENT_SETS, NULL, NULL, T0 + 2 * HOUR, &error);
  g_assert_no_error (error);
  g_assert_nonnull (current);
  g_assert_cmpstr (current->patient->mrn, ==, "REC-1");
  g_assert_cmpuint (current->observations->len, ==, 2);
  g_assert_cmpuint (current->lab_results->len, ==, 0);
  g_assert_cmpuint (current->open_sets->len, ==, 1);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (current->open_sets, 0))->id, ==, flagged->id);
  g_assert_null (current->therapy);
  /* What crs_patient_status_new () takes is what was read. */
  g_assert_true (current->record.patient == current->patient);
  g_assert_true (current->record.observations == current->observations);
  g_assert_true (current->record.infusions == current->infusions);
  g_assert_true (current->record.interventions == current->interventions);
  g_assert_true (current->record.acknowledgements == current->acknowledgements);
  g_assert_true (current->record.late_flags == current->late_flags);
  g_assert_true (current->record.open_sets == current->open_sets);

  /* Every version and the lab results; the open escalations picked from
   * the ward's, as the handover report reads many patients: the same as
   * the patient's own, none of the other patient's. */
  open_all = crs_store_list_open_escalations (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_all->len, ==, 2);
  history = crs_stored_record_read (store, ada, CRS_READ_EVERY_VERSION | CRS_READ_LAB_RESULTS,
                                    open_all, NULL, T0 + 2 * HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->observations->len, ==, 3);
  g_assert_cmpuint (history->lab_results->len, ==, 1);
  g_assert_cmpstr (((CrsLabResult *) g_ptr_array_index (history->lab_results, 0))->name, ==, "CRP");
  own_ids = ids_of (current->open_sets);
  picked_ids = ids_of (history->open_sets);
  g_assert_cmpmem (own_ids->data, own_ids->len * sizeof (gint64), picked_ids->data, picked_ids->len * sizeof (gint64));
  g_assert_cmpint (other->patient_id, ==, ben);
}

static void
test_unknown_patient (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStoredRecord) record = NULL;

  add_patient (store, "REC-1", "01");
  record = crs_stored_record_read (store, 999, CRS_READ_CURRENT_SETS, NULL, NULL, T0, &error);
  g_assert_null (record);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/patient-record/read", test_read);
  g_test_add_func ("/patient-record/unknown-patient", test_unknown_patient);
  return g_test_run ();
}
