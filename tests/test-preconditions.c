/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preconditions.c: a public function of the store, core and
 * exchange layers called with what it must never be given (a programming
 * error, not bad input) says so in a critical naming the check, returns
 * its failure value, sets no GError, and leaves the database and the
 * files as they were. Each case then makes the same call rightly, so the
 * refusal is known to come from the check. */
#define G_LOG_DOMAIN "test-preconditions"

#include "config.h"

#include <glib/gstdio.h>

#include "core/crs-grading.h"
#include "crs-test-store-utils.h"
#include "exchange/crs-ward-xml.h"
#include "store/crs-store.h"

#define T0 G_GINT64_CONSTANT (1709280000)

static guint
audit_rows (CrsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = crs_store_list_audit (store, NULL, 0, &error);

  g_assert_no_error (error);
  return audit->len;
}

/* Store: an observation set that is not one, and no store at all. */
static void
test_store_add_observation (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  gint64 patient_id = add_patient (store, "MRN-1", "4");
  g_autoptr(CrsObservation) obs = make_full_observation (patient_id, T0);
  g_autoptr(GError) error = NULL;
  guint before = audit_rows (store);

  g_test_expect_message ("crs-store", G_LOG_LEVEL_CRITICAL,
                         "*crs_store_add_observation*CRS_IS_OBSERVATION (observation)*");
  g_assert_false (crs_store_add_observation (store, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_test_expect_message ("crs-store", G_LOG_LEVEL_CRITICAL,
                         "*crs_store_add_observation*CRS_IS_STORE (self)*");
  g_assert_false (crs_store_add_observation (NULL, obs, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpint (obs->id, ==, 0);

  /* Nothing was written. */
  g_assert_null (crs_store_get_latest_observation (store, patient_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (audit_rows (store), ==, before);

  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (obs->id, >, 0);
  g_assert_cmpuint (audit_rows (store), ==, before + 1);
}

/* Store: an acknowledgement that is not there. */
static void
test_store_add_acknowledgement (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  gint64 patient_id = add_patient (store, "MRN-1", "4");
  g_autoptr(CrsObservation) obs = make_full_observation (patient_id, T0);
  g_autoptr(GError) error = NULL;
  CrsAcknowledgement ack = { 0 };
  guint before;

  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  before = audit_rows (store);

  g_test_expect_message ("crs-store", G_LOG_LEVEL_CRITICAL,
                         "*crs_store_add_acknowledgement*ack != NULL*");
  g_assert_false (crs_store_add_acknowledgement (store, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (audit_rows (store), ==, before);

  ack.observation_id = obs->id;
  ack.note = (char *) "Dr Okafor informed";
  g_assert_true (crs_store_add_acknowledgement (store, &ack, &error));
  g_assert_no_error (error);
  g_free (ack.author);
  g_assert_cmpuint (audit_rows (store), ==, before + 1);
}

/* Core: grading needs an observation set; a grading that is not there
 * has no red flag. */
static void
test_core_grading (void)
{
  g_autoptr(CrsObservation) obs = make_full_observation (1, T0);
  g_autoptr(CrsGrading) grading = NULL;

  g_test_expect_message ("crs-grading", G_LOG_LEVEL_CRITICAL,
                         "*crs_grading_new*CRS_IS_OBSERVATION (observation)*");
  g_assert_null (crs_grading_new (NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("crs-grading", G_LOG_LEVEL_CRITICAL,
                         "*crs_grading_has_red_flag*grading != NULL*");
  g_assert_false (crs_grading_has_red_flag (NULL));
  g_test_assert_expected_messages ();

  /* The full set (fever, low blood pressure, low SpO2) grades, and flags. */
  grading = crs_grading_new (obs, NULL, NULL);
  g_assert_nonnull (grading);
  g_assert_true (crs_grading_has_red_flag (grading));
}

/* Exchange: a ward file export without a path, an import without a
 * database. */
static void
test_exchange_ward_xml (void)
{
  g_autoptr(CrsStore) store = open_new_store (NULL);
  g_autoptr(CrsStore) target = open_new_store (NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "ward.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsPatient) imported = NULL;
  CrsWardImportSummary summary = { 0 };
  guint before = audit_rows (target);

  add_patient (store, "MRN-1", "4");

  g_test_expect_message ("crs-ward-xml", G_LOG_LEVEL_CRITICAL,
                         "*crs_ward_xml_export_file*path != NULL*");
  g_assert_false (crs_ward_xml_export_file (store, NULL, 0, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_true (crs_ward_xml_export_file (store, NULL, 0, path, &error));
  g_assert_no_error (error);

  g_test_expect_message ("crs-ward-xml", G_LOG_LEVEL_CRITICAL,
                         "*crs_ward_xml_import_file*CRS_IS_STORE (store)*");
  g_assert_false (crs_ward_xml_import_file (NULL, path, T0, &summary, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (audit_rows (target), ==, before);

  g_assert_true (crs_ward_xml_import_file (target, path, T0, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.patients, ==, 1);
  imported = crs_store_find_patient_by_mrn (target, "MRN-1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/preconditions/store/add-observation", test_store_add_observation);
  g_test_add_func ("/preconditions/store/add-acknowledgement", test_store_add_acknowledgement);
  g_test_add_func ("/preconditions/core/grading", test_core_grading);
  g_test_add_func ("/preconditions/exchange/ward-xml", test_exchange_ward_xml);

  return g_test_run ();
}
