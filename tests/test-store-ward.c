/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-ward.c: what the ward list and the patient page read from
 * the store beyond the records themselves: stored red flags and the open
 * escalations, the newest sets of a patient, and the ward policy. */
#define G_LOG_DOMAIN "test-store-ward"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "crs-test-store-utils.h"

static gint64
add_set (CrsStore *store,
         gint64    patient_id,
         gint64    taken_at,
         gboolean  red_flag)
{
  g_autoptr(CrsObservation) obs = crs_observation_new ();
  g_autoptr(GError) error = NULL;

  obs->patient_id = patient_id;
  obs->taken_at = taken_at;
  obs->heart_rate = red_flag ? 135 : 80;
  obs->stored_news2 = red_flag ? 8 : 1;
  obs->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
  obs->stored_red_flag = red_flag;
  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  return obs->id;
}

static GArray *
open_ids (CrsStore *store,
          gint64    patient_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = crs_store_list_open_escalations (store, patient_id, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < open->len; i++)
    {
      CrsObservation *obs = open->pdata[i];
      g_assert_true (obs->stored_red_flag);
      g_assert_cmpint (obs->superseded_by_id, ==, 0);
      g_array_append_val (ids, obs->id);
    }
  return ids;
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n)
{
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
  g_array_unref (ids);
}

/* ---------------------------------------------------------------------- */

static void
test_red_flag_saved (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  gint64 patient = add_patient (store, "RF-1", "1");
  g_autoptr(CrsObservation) full = make_full_observation (patient, 5000);
  g_autoptr(CrsObservation) copy = NULL;
  g_autoptr(CrsObservation) back = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 plain = add_set (store, patient, 4000, FALSE);

  /* The flag survives a copy, a save and a load, and is in the audit. */
  copy = crs_observation_copy (full);
  g_assert_true (copy->stored_red_flag);
  g_assert_true (crs_store_add_observation (store, copy, &error));
  g_assert_no_error (error);
  back = crs_store_get_observation (store, copy->id, &error);
  g_assert_no_error (error);
  assert_observation_equal (back, copy);
  g_clear_object (&back);
  back = crs_store_get_observation (store, plain, &error);
  g_assert_false (back->stored_red_flag);

  audit = crs_store_list_audit (store, "observation", copy->id, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  assert_json_field (((CrsAuditEntry *) audit->pdata[0])->after, "red_flag", "1");
}

static void
test_open_escalations (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(CrsObservation) amended = crs_observation_new ();
  g_autoptr(CrsObservation) amended_flag = crs_observation_new ();
  gint64 a = add_patient (store, "ESC-A", "1");
  gint64 b = add_patient (store, "ESC-B", "2");
  gint64 c = add_patient (store, "ESC-C", "3");
  gint64 a1, a2, b1, b2, c1;

  a1 = add_set (store, a, 1000, TRUE);
  add_set (store, a, 2000, FALSE);
  a2 = add_set (store, a, 3000, TRUE);
  b1 = add_set (store, b, 1500, TRUE);
  b2 = add_set (store, b, 2500, FALSE);
  c1 = add_set (store, c, 1200, TRUE);

  /* Per patient, oldest first; the ward in one list, by patient. */
  assert_ids (open_ids (store, a), (gint64[]) { a1, a2 }, 2);
  assert_ids (open_ids (store, b), (gint64[]) { b1 }, 1);
  assert_ids (open_ids (store, 0), (gint64[]) { a1, a2, b1, c1 }, 4);

  /* A later normal set does not close an escalation; acknowledging does,
   * with the nurse's name and note, audited. */
  crs_store_set_author (store, "Nurse Ward");
  g_assert_true (crs_store_acknowledge (store, a1, "Dr Lee informed at 10:05", &error));
  g_assert_no_error (error);
  assert_ids (open_ids (store, a), (gint64[]) { a2 }, 1);
  acks = crs_store_list_acknowledgements (store, a, &error);
  g_assert_cmpuint (acks->len, ==, 1);
  g_assert_cmpstr (((CrsAcknowledgement *) acks->pdata[0])->author, ==, "Nurse Ward");
  g_assert_cmpstr (((CrsAcknowledgement *) acks->pdata[0])->note, ==, "Dr Lee informed at 10:05");
  audit = crs_store_list_audit (store, "acknowledgement", 0, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->action, ==, "acknowledge");
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[0])->author, ==, "Nurse Ward");

  /* Amending a flagged set to one without a flag closes it (only current
   * versions count); amending a plain set to a flagged one opens one. */
  amended->taken_at = 3000;
  amended->heart_rate = 90;
  g_assert_true (crs_store_amend_observation (store, a2, amended, "wrong patient's pulse", &error));
  g_assert_no_error (error);
  assert_ids (open_ids (store, a), NULL, 0);
  amended_flag->taken_at = 2500;
  amended_flag->stored_red_flag = TRUE;
  g_assert_true (crs_store_amend_observation (store, b2, amended_flag, "seizure not ticked", &error));
  assert_ids (open_ids (store, b), (gint64[]) { b1, amended_flag->id }, 2);

  /* An archived patient leaves the ward list, not their own page. */
  g_assert_true (crs_store_set_archived (store, c, TRUE, &error));
  assert_ids (open_ids (store, 0), (gint64[]) { b1, amended_flag->id }, 2);
  assert_ids (open_ids (store, c), (gint64[]) { c1 }, 1);

  /* A set that does not exist cannot be acknowledged. */
  g_assert_false (crs_store_acknowledge (store, 999999, "x", &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
}

static void
test_recent_observations (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(CrsObservation) amended = crs_observation_new ();
  gint64 p = add_patient (store, "REC", "1");
  gint64 other = add_patient (store, "OTHER", "2");
  gint64 ids[6];

  /* Saved out of time order, as a late entry would be. */
  ids[0] = add_set (store, p, 1000, FALSE);
  ids[2] = add_set (store, p, 3000, FALSE);
  ids[1] = add_set (store, p, 2000, FALSE);
  ids[3] = add_set (store, p, 4000, FALSE);
  ids[4] = add_set (store, p, 5000, FALSE);
  add_set (store, other, 9000, FALSE);
  amended->taken_at = 4000;
  g_assert_true (crs_store_amend_observation (store, ids[3], amended, "typo", &error));
  ids[5] = amended->id;

  recent = crs_store_list_recent_observations (store, p, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 3);
  /* Oldest first, current versions only. */
  g_assert_cmpint (((CrsObservation *) recent->pdata[0])->id, ==, ids[2]);
  g_assert_cmpint (((CrsObservation *) recent->pdata[1])->id, ==, ids[5]);
  g_assert_cmpint (((CrsObservation *) recent->pdata[2])->id, ==, ids[4]);

  none = crs_store_list_recent_observations (store, 424242, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Ward policy */

static void
assert_default_policy (const CrsWardPolicy *policy)
{
  CrsWardPolicy defaults;

  crs_ward_policy_init (&defaults);
  g_assert_cmpint (policy->hypotension_systolic_below, ==, defaults.hypotension_systolic_below);
  g_assert_cmpint (policy->capd_below_age, ==, defaults.capd_below_age);
  g_assert_cmpfloat (policy->low_flow_max_l_min, ==, defaults.low_flow_max_l_min);
  g_assert_cmpint (policy->window_interval_minutes, ==, defaults.window_interval_minutes);
  g_assert_cmpint (policy->news2_min_age, ==, defaults.news2_min_age);
}

static void
test_policy_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stored = NULL;
  CrsWardPolicy policy, loaded;

  /* Nothing stored: the documented defaults. */
  memset (&loaded, 0x55, sizeof loaded);
  g_assert_true (crs_store_load_policy (store, &loaded));
  assert_default_policy (&loaded);
  g_assert_cmpint (loaded.hypotension_systolic_below, ==, 90);
  g_assert_cmpint (loaded.capd_below_age, ==, 12);
  g_assert_cmpint (loaded.window_interval_minutes, ==, 240);
  g_assert_cmpint (loaded.news2_min_age, ==, 16);

  g_signal_connect (store, "changed", G_CALLBACK (count_changed), changed);
  crs_ward_policy_init (&policy);
  policy.hypotension_systolic_below = 85;
  policy.window_interval_minutes = 60;
  policy.low_flow_max_l_min = 5.5;
  policy.news2_min_age = 18;
  policy.grade1_interval_minutes = 120;
  policy.continuous_max_gap_minutes = 30;
  policy.child_hypotension_by_age = FALSE;
  g_assert_true (crs_store_save_policy (store, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);

  /* The keys and their text are as documented, whatever the locale. */
  stored = crs_store_get_setting (store, "policy.low_flow_max_l_min");
  g_assert_cmpstr (stored, ==, "5.5");
  g_clear_pointer (&stored, g_free);
  stored = crs_store_get_setting (store, "policy.window_interval_minutes");
  g_assert_cmpstr (stored, ==, "60");
  g_clear_pointer (&stored, g_free);
  stored = crs_store_get_setting (store, "policy.news2_min_age");
  g_assert_cmpstr (stored, ==, "18");
  g_clear_pointer (&stored, g_free);
  stored = crs_store_get_setting (store, "policy.grade1_interval_minutes");
  g_assert_cmpstr (stored, ==, "120");
  g_clear_pointer (&stored, g_free);
  stored = crs_store_get_setting (store, "policy.continuous_max_gap_minutes");
  g_assert_cmpstr (stored, ==, "30");
  g_clear_pointer (&stored, g_free);
  stored = crs_store_get_setting (store, "policy.child_hypotension");
  g_assert_cmpstr (stored, ==, "adult");

  /* A new store object on the same file reads it back. */
  g_clear_object (&store);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crs_store_load_policy (store, &loaded));
  g_assert_cmpint (loaded.hypotension_systolic_below, ==, 85);
  g_assert_cmpint (loaded.capd_below_age, ==, 12);
  g_assert_cmpfloat (loaded.low_flow_max_l_min, ==, 5.5);
  g_assert_cmpint (loaded.window_interval_minutes, ==, 60);
  g_assert_cmpint (loaded.news2_min_age, ==, 18);
  g_assert_cmpint (loaded.grade1_interval_minutes, ==, 120);
  g_assert_cmpint (loaded.continuous_max_gap_minutes, ==, 30);
  g_assert_false (loaded.child_hypotension_by_age);

  /* One audit row per key saved; saving the same again adds none. */
  audit = crs_store_list_audit (store, "setting", 0, &error);
  g_assert_cmpuint (audit->len, ==, 8);
  g_assert_true (crs_store_save_policy (store, &loaded, &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "setting", 0, &error);
  g_assert_cmpuint (audit->len, ==, 8);
  policy = loaded;
  policy.capd_below_age = 13;
  g_assert_true (crs_store_save_policy (store, &policy, &error));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = crs_store_list_audit (store, "setting", 0, &error);
  g_assert_cmpuint (audit->len, ==, 9);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[8])->action, ==, "update");
  assert_json_field (((CrsAuditEntry *) audit->pdata[8])->before, "value", "12");
  assert_json_field (((CrsAuditEntry *) audit->pdata[8])->after, "value", "13");

  /* 0 (NEWS2 for everyone) is a value of its own, kept as "0". */
  policy.news2_min_age = 0;
  g_assert_true (crs_store_save_policy (store, &policy, &error));
  g_clear_pointer (&stored, g_free);
  stored = crs_store_get_setting (store, "policy.news2_min_age");
  g_assert_cmpstr (stored, ==, "0");
  g_assert_true (crs_store_load_policy (store, &loaded));
  g_assert_cmpint (loaded.news2_min_age, ==, 0);
}

static void
test_policy_refused (void)
{
  static const struct {
    const char *field;
    int         hypotension;
    int         capd_age;
    double      low_flow;
    int         interval;
    int         news2_age;
    const char *words;
    int         grade1;
    int         gap;
  } cases[] = {
    { "hypotension low", 9, 12, 6.0, 240, 16, "hypotension threshold must be from 70 to 110 mmHg; 9" , 240, 60 },
    { "hypotension high", 900, 12, 6.0, 240, 16, "hypotension threshold" , 240, 60 },
    { "capd age 0", 90, 0, 6.0, 240, 16, "CAPD is used must be from 1 to 21 years; 0" , 240, 60 },
    { "capd age 40", 90, 40, 6.0, 240, 16, "CAPD" , 240, 60 },
    { "flow 0.5", 90, 12, 0.5, 240, 16, "low-flow oxygen limit must be from 1 to 15 L/min; 0.5" , 240, 60 },
    { "flow NAN", 90, 12, NAN, 240, 16, "low-flow oxygen limit" , 240, 60 },
    { "interval 5", 90, 12, 6.0, 5, 16, "monitoring window must be from 15 to 720 minutes; 5" , 240, 60 },
    { "interval 1440", 90, 12, 6.0, 1440, 16, "monitoring window" , 240, 60 },
    { "news2 age -1", 90, 12, 6.0, 240, -1, "NEWS2 is used must be from 0 to 21 years; -1" , 240, 60 },
    { "news2 age 22", 90, 12, 6.0, 240, 22, "NEWS2 is used must be from 0 to 21 years; 22" , 240, 60 },
    { "grade 1 interval 10", 90, 12, 6.0, 240, 16, "interval at grade 1 must be from 15 to 720 minutes; 10", 10, 60 },
    { "continuous gap 300", 90, 12, 6.0, 240, 16,
      "under continuous monitoring must be from 5 to 240 minutes; 300", 240, 300 },
  };
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  CrsWardPolicy good;

  crs_ward_policy_init (&good);
  good.hypotension_systolic_below = 80;
  g_assert_true (crs_store_save_policy (store, &good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CrsWardPolicy policy = {
        cases[i].hypotension, cases[i].capd_age, cases[i].low_flow, cases[i].interval,
        cases[i].news2_age, cases[i].grade1, cases[i].gap, TRUE
      };
      CrsWardPolicy loaded;

      g_test_message ("%s", cases[i].field);
      g_assert_false (crs_store_save_policy (store, &policy, &error));
      g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_clear_error (&error);

      /* Nothing of it was saved. */
      g_assert_true (crs_store_load_policy (store, &loaded));
      g_assert_cmpint (loaded.hypotension_systolic_below, ==, 80);
      g_assert_cmpint (loaded.capd_below_age, ==, good.capd_below_age);
      g_assert_cmpfloat (loaded.low_flow_max_l_min, ==, good.low_flow_max_l_min);
      g_assert_cmpint (loaded.window_interval_minutes, ==, good.window_interval_minutes);
      g_assert_cmpint (loaded.news2_min_age, ==, good.news2_min_age);
      g_assert_cmpint (loaded.grade1_interval_minutes, ==, good.grade1_interval_minutes);
      g_assert_cmpint (loaded.continuous_max_gap_minutes, ==, good.continuous_max_gap_minutes);
    }
  /* Only the good policy's eight keys. */
  audit = crs_store_list_audit (store, "setting", 0, &error);
  g_assert_cmpuint (audit->len, ==, 8);
}

/* A value damaged outside the app (or by a newer version) is ignored key
 * by key: that key falls back to its default, the others still apply. */
static void
test_policy_damaged (void)
{
  static const struct {
    const char *key;
    const char *value;
  } cases[] = {
    { "policy.hypotension_systolic_below", "ninety" },
    { "policy.hypotension_systolic_below", "9" },
    { "policy.hypotension_systolic_below", "90.5" },
    { "policy.capd_below_age", "" },
    { "policy.low_flow_max_l_min", "6,5" },
    { "policy.low_flow_max_l_min", "inf" },
    { "policy.window_interval_minutes", "-240" },
    { "policy.news2_min_age", "sixteen" },
    { "policy.news2_min_age", "-1" },
    { "policy.news2_min_age", "22" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(CrsStore) store = open_new_store (&path);
      g_autoptr(GError) error = NULL;
      CrsWardPolicy loaded;

      g_assert_true (crs_store_set_setting (store, "policy.window_interval_minutes", "30", &error));
      if (!g_str_equal (cases[i].key, "policy.window_interval_minutes"))
        {
          g_assert_true (crs_store_set_setting (store, cases[i].key, cases[i].value, &error));
          g_assert_false (crs_store_load_policy (store, &loaded));
          g_assert_cmpint (loaded.window_interval_minutes, ==, 30);
          loaded.window_interval_minutes = 240;
          assert_default_policy (&loaded);
        }
      else
        {
          g_assert_true (crs_store_set_setting (store, cases[i].key, cases[i].value, &error));
          g_assert_false (crs_store_load_policy (store, &loaded));
          assert_default_policy (&loaded);
        }
      g_assert_no_error (error);
    }
}

/* Changing the policy changes no grade stored with a set. */
static void
test_policy_keeps_grades (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) store = open_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsObservation) obs = NULL;
  g_autoptr(CrsObservation) back = NULL;
  gint64 p = add_patient (store, "POL", "1");
  CrsWardPolicy policy;

  obs = make_full_observation (p, 1000);
  g_assert_true (crs_store_add_observation (store, obs, &error));
  crs_ward_policy_init (&policy);
  policy.hypotension_systolic_below = 80;
  policy.low_flow_max_l_min = 4;
  g_assert_true (crs_store_save_policy (store, &policy, &error));
  g_assert_no_error (error);
  back = crs_store_get_observation (store, obs->id, &error);
  assert_observation_equal (back, obs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-ward/red-flag-saved", test_red_flag_saved);
  g_test_add_func ("/store-ward/open-escalations", test_open_escalations);
  g_test_add_func ("/store-ward/recent-observations", test_recent_observations);
  g_test_add_func ("/store-ward/policy/round-trip", test_policy_round_trip);
  g_test_add_func ("/store-ward/policy/refused", test_policy_refused);
  g_test_add_func ("/store-ward/policy/damaged", test_policy_damaged);
  g_test_add_func ("/store-ward/policy/keeps-grades", test_policy_keeps_grades);

  return g_test_run ();
}
