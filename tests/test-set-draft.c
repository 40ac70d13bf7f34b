/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-set-draft.c: an observation set kept on this workstation while the
 * ward database cannot be reached comes back as it was typed, for its own
 * ward only, readable by its owner only; a damaged copy is named and left
 * alone, and the others still come back. */
#define G_LOG_DOMAIN "test-set-draft"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/crs-grading.h"
#include "crs-test-store-utils.h"
#include "exchange/crs-set-draft.h"

#define WARD_A "7d3f0e2a-1c44-4d0b-9a55-2f7e8c1b6a90"
#define WARD_B "0b8e4f2c-5a61-4e7d-8c3b-9d1a2e6f4b07"

static CrsObservation *
typed_set (gint64 taken_at)
{
  g_autoptr(CrsObservation) observation = make_full_observation (42, taken_at);
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradingContext context = { 0 };
  CrsWardPolicy policy;

  /* Only the symptoms the form offers (the store's helper sets an
   * unknown top bit, to check the database keeps all 64). */
  observation->symptoms &= ~(G_GUINT64_CONSTANT (1) << 63);
  /* What the form does before it saves: the grades go with the set. */
  crs_ward_policy_init (&policy);
  context.spo2_scale = 1;
  context.age_years = 40;
  grading = crs_grading_new (observation, &context, &policy);
  crs_grading_stamp (grading, observation);
  return g_steal_pointer (&observation);
}

static CrsSetDraft *
new_draft (const char *ward_id,
           gint64      amends_id,
           const char *reason)
{
  g_autoptr(CrsPatient) patient = make_patient ("MRN-0042", "Bay 3");
  g_autoptr(CrsObservation) observation = typed_set (1764950400);

  patient->id = 42;
  return crs_set_draft_new (ward_id, patient, observation, 7, amends_id, reason);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsSetDraft) draft = new_draft (WARD_A, 0, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *dir = crs_set_draft_dir (&error);
  g_autofree char *first_path = NULL;
  CrsSetDraft *back;
  GStatBuf st;

  g_assert_no_error (error);
  /* Patient data: the folder and the file are the owner's alone. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Nothing kept yet. */
  drafts = crs_set_draft_list (dir, WARD_A, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (crs_set_draft_keep (draft, dir, &error));
  g_assert_no_error (error);
  g_assert_nonnull (draft->path);
  g_assert_cmpint (g_stat (draft->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (ABS (draft->kept_at - g_get_real_time () / G_USEC_PER_SEC), <=, 2);

  drafts = crs_set_draft_list (dir, WARD_A, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (drafts->len, ==, 1);
  back = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (back->path, ==, draft->path);
  g_assert_cmpstr (back->ward_id, ==, WARD_A);
  g_assert_cmpint (back->patient->id, ==, 42);
  g_assert_cmpstr (back->patient->mrn, ==, "MRN-0042");
  g_assert_cmpstr (back->patient->bed, ==, "Bay 3");
  g_assert_cmpint (back->account_id, ==, 7);
  g_assert_cmpint (back->amends_id, ==, 0);
  g_assert_null (back->reason);
  g_assert_cmpint (back->kept_at, ==, draft->kept_at);
  /* Not saved: no id of its own, its patient's id. */
  g_assert_cmpint (back->observation->id, ==, 0);
  g_assert_cmpint (back->observation->patient_id, ==, 42);
  assert_observation_content_equal (back->observation, draft->observation);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Kept again after another failed save: the same file, the new values. */
  first_path = g_strdup (draft->path);
  draft->observation->temperature_c = 40.1;
  g_assert_true (crs_set_draft_keep (draft, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (draft->path, ==, first_path);
  g_assert_cmpuint (count_files (dir), ==, 1);
  drafts = crs_set_draft_list (dir, WARD_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  back = g_ptr_array_index (drafts, 0);
  assert_double_equal (back->observation->temperature_c, 40.1);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Saved at last: the copy goes, and going twice is no error. */
  g_assert_true (crs_set_draft_discard (draft, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (first_path, G_FILE_TEST_EXISTS));
  g_assert_true (crs_set_draft_discard (draft, &error));
  drafts = crs_set_draft_list (dir, WARD_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_amendment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsSetDraft) draft = new_draft (WARD_A, 1234, "Pulse was the other patient’s");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *dir = crs_set_draft_dir (&error);
  CrsSetDraft *back;

  g_assert_true (crs_set_draft_keep (draft, dir, &error));
  g_assert_no_error (error);
  drafts = crs_set_draft_list (dir, WARD_A, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  back = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (back->amends_id, ==, 1234);
  g_assert_cmpstr (back->reason, ==, "Pulse was the other patient’s");
  g_assert_true (crs_set_draft_discard (draft, &error));
}

/* A workstation that has worked on two wards gives each its own sets. */
static void
test_wards_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsSetDraft) a = new_draft (WARD_A, 0, NULL);
  g_autoptr(CrsSetDraft) b = new_draft (WARD_B, 0, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *dir = crs_set_draft_dir (&error);

  g_assert_true (crs_set_draft_keep (a, dir, &error));
  g_assert_true (crs_set_draft_keep (b, dir, &error));
  g_assert_no_error (error);

  drafts = crs_set_draft_list (dir, WARD_B, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((CrsSetDraft *) g_ptr_array_index (drafts, 0))->path, ==, b->path);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  drafts = crs_set_draft_list (dir, "no-such-ward", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* A damaged copy is named with what is wrong and left in place; the
 * others still come back; files that are not kept sets are not read. */
static void
test_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsSetDraft) good = new_draft (WARD_A, 0, NULL);
  g_autoptr(CrsSetDraft) cut = new_draft (WARD_A, 0, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *dir = crs_set_draft_dir (&error);
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;
  gsize length;

  g_assert_true (crs_set_draft_keep (good, dir, &error));
  g_assert_true (crs_set_draft_keep (cut, dir, &error));
  g_assert_no_error (error);
  /* A crash cannot do this (the copy is replaced whole); a disk can. */
  g_assert_true (g_file_get_contents (cut->path, &text, &length, &error));
  g_assert_true (g_file_set_contents (cut->path, text, (gssize) length / 2, &error));
  other = g_build_filename (dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (other, "not a set", -1, &error));

  drafts = crs_set_draft_list (dir, WARD_A, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((CrsSetDraft *) g_ptr_array_index (drafts, 0))->path, ==, good->path);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), cut->path));
  g_assert_true (g_file_test (cut->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/set-draft/round-trip", test_round_trip);
  g_test_add_func ("/set-draft/amendment", test_amendment);
  g_test_add_func ("/set-draft/wards-apart", test_wards_apart);
  g_test_add_func ("/set-draft/damaged", test_damaged);
  return g_test_run ();
}
