/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-store-utils.c: helpers shared by the store tests. */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <math.h>

#include "core/crs-grade-pews.h"
#include "core/crs-symptom.h"
#include "crs-test-store-utils.h"
#ifdef HAVE_LIBPQ
#include "crs-test-postgresql.h"
#endif

static gboolean
on_postgresql (void)
{
  return g_strcmp0 (g_getenv ("CRS_TEST_STORE_BACKEND"), "postgresql") == 0;
}

char *
new_db_path (void)
{
  static int n;
  g_autofree char *dir = g_strdup_printf ("ward-%d", ++n);

#ifdef HAVE_LIBPQ
  if (on_postgresql ())
    {
      char *conninfo = crs_test_postgresql_shared_database ();

      /* Registered only where the server's binaries are (tests/meson.build). */
      if (conninfo == NULL)
        g_error ("no PostgreSQL server for the store tests");
      return conninfo;
    }
#endif
  return g_build_filename (g_get_user_data_dir (), dir, "ward.sqlite", NULL);
}

gboolean
skip_unless_file (void)
{
  if (!on_postgresql ())
    return FALSE;
  g_test_skip ("a ward file's own test (on PostgreSQL, the server keeps the files)");
  return TRUE;
}

CrsStore *
open_new_store (char **path_out)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  CrsStore *store = crs_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

/* A second, raw connection: what anyone with the sqlite3 tool could do. */
sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A field of a JSON object, as text, read by SQLite's JSON functions
 * (NULL when absent). */
char *
json_field (const char *json,
            const char *field)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *path = g_strdup_printf ("$.%s", field);
  char *value = NULL;

  g_assert_nonnull (json);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_extract (?1, ?2)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
assert_json_field (const char *json,
                   const char *field,
                   const char *expected)
{
  g_autofree char *value = json_field (json, field);

  g_assert_cmpstr (value, ==, expected);
}

CrsPatient *
make_patient (const char *mrn,
              const char *bed)
{
  CrsPatient *patient = crs_patient_new ();

  patient->mrn = g_strdup (mrn);
  patient->name = g_strdup ("Test Patient");
  patient->bed = g_strdup (bed);
  return patient;
}

gint64
add_patient (CrsStore   *store,
             const char *mrn,
             const char *bed)
{
  g_autoptr(CrsPatient) patient = make_patient (mrn, bed);
  g_autoptr(GError) error = NULL;

  g_assert_true (crs_store_add_patient (store, patient, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patient->id, >, 0);
  return patient->id;
}

/* Every clinical field set, none at its default. */
CrsObservation *
make_full_observation (gint64 patient_id,
                       gint64 taken_at)
{
  CrsObservation *obs = crs_observation_new ();

  obs->patient_id = patient_id;
  obs->taken_at = taken_at;
  obs->temperature_c = 39.25;
  obs->heart_rate = 121;
  obs->resp_rate = 28;
  obs->systolic = 85;
  obs->diastolic = 45;
  obs->spo2 = 91;
  obs->o2_device = CRS_O2_HFNC;
  obs->o2_flow_l_min = 30.5;
  obs->fio2_percent = 40;
  obs->hypotension = CRS_TRI_YES;
  obs->vasopressors = 2;
  obs->vasopressin = CRS_TRI_NO;
  obs->acvpu = CRS_ACVPU_VOICE;
  obs->arousal = CRS_AROUSAL_TACTILE;
  obs->ice_items_recorded = TRUE;
  obs->ice_items = (1u << CRS_ICE_YEAR) | (1u << CRS_ICE_CITY) | (1u << CRS_ICE_NAME_2) |
                   (1u << CRS_ICE_ATTENTION);
  obs->ice_total = 7;
  obs->capd = 12;
  obs->seizure = CRS_SEIZURE_RESOLVED;
  obs->motor_weakness = CRS_TRI_YES;
  obs->cerebral_edema = CRS_EDEMA_FOCAL;
  /* Every emergency symptom, and the top bit: all 64 bits survive. */
  obs->symptoms = crs_symptom_emergency_mask () | CRS_SYMPTOM_BIT (CRS_SYMPTOM_RASH) |
                  (G_GUINT64_CONSTANT (1) << 63);
  obs->note = g_strdup ("Rigors; \"feels cold\"\nSpO₂ drop — ×2 'quoted' \\ backslash");
  obs->stored_crs_grade = 3;
  obs->stored_icans_grade = 2;
  obs->stored_news2 = 9;
  obs->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017;PEWS-NHSE-2023");
  obs->stored_red_flag = TRUE;
  /* The children's PEWS fields (schema version 6). */
  obs->resp_distress = CRS_RESP_DISTRESS_MODERATE;
  obs->crt_s = 3.5;
  obs->o2_percent = 35.5;
  obs->bp_skip = CRS_BP_SKIP_U4;
  obs->carer = CRS_CARER_WORSE;
  obs->intuition = CRS_TRI_YES;
  obs->sepsis = CRS_SEPSIS_SHOCK;
  obs->pews_band = CRS_PEWS_BAND_1_4_YEARS;
  obs->stored_pews = 14;
  obs->stored_pews_level = CRS_PEWS_LEVEL_EMERGENCY;
  return obs;
}

void
assert_double_equal (double a,
                     double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

/* Every recorded field of CrsObservation and how it was saved, but not
 * the row ids (an export/import renumbers them). */
void
assert_observation_content_equal (CrsObservation *a,
                                  CrsObservation *b)
{
  g_assert_cmpint (a->taken_at, ==, b->taken_at);
  g_assert_cmpint (a->recorded_at, ==, b->recorded_at);
  g_assert_cmpstr (a->author, ==, b->author);
  g_assert_cmpstr (a->amend_reason, ==, b->amend_reason);
  assert_double_equal (a->temperature_c, b->temperature_c);
  g_assert_cmpint (a->heart_rate, ==, b->heart_rate);
  g_assert_cmpint (a->resp_rate, ==, b->resp_rate);
  g_assert_cmpint (a->systolic, ==, b->systolic);
  g_assert_cmpint (a->diastolic, ==, b->diastolic);
  g_assert_cmpint (a->spo2, ==, b->spo2);
  g_assert_cmpint (a->o2_device, ==, b->o2_device);
  assert_double_equal (a->o2_flow_l_min, b->o2_flow_l_min);
  g_assert_cmpint (a->fio2_percent, ==, b->fio2_percent);
  g_assert_cmpint (a->hypotension, ==, b->hypotension);
  g_assert_cmpint (a->vasopressors, ==, b->vasopressors);
  g_assert_cmpint (a->vasopressin, ==, b->vasopressin);
  g_assert_cmpint (a->acvpu, ==, b->acvpu);
  g_assert_cmpint (a->arousal, ==, b->arousal);
  g_assert_cmpint (a->ice_items_recorded, ==, b->ice_items_recorded);
  g_assert_cmpuint (a->ice_items, ==, b->ice_items);
  g_assert_cmpint (a->ice_total, ==, b->ice_total);
  g_assert_cmpint (a->capd, ==, b->capd);
  g_assert_cmpint (a->seizure, ==, b->seizure);
  g_assert_cmpint (a->motor_weakness, ==, b->motor_weakness);
  g_assert_cmpint (a->cerebral_edema, ==, b->cerebral_edema);
  g_assert_cmpuint (a->symptoms, ==, b->symptoms);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpint (a->stored_crs_grade, ==, b->stored_crs_grade);
  g_assert_cmpint (a->stored_icans_grade, ==, b->stored_icans_grade);
  g_assert_cmpint (a->stored_news2, ==, b->stored_news2);
  g_assert_cmpstr (a->stored_rules, ==, b->stored_rules);
  g_assert_cmpint (a->stored_red_flag, ==, b->stored_red_flag);
  g_assert_cmpint (a->resp_distress, ==, b->resp_distress);
  assert_double_equal (a->crt_s, b->crt_s);
  assert_double_equal (a->o2_percent, b->o2_percent);
  g_assert_cmpint (a->bp_skip, ==, b->bp_skip);
  g_assert_cmpint (a->carer, ==, b->carer);
  g_assert_cmpint (a->intuition, ==, b->intuition);
  g_assert_cmpint (a->sepsis, ==, b->sepsis);
  g_assert_cmpint (a->pews_band, ==, b->pews_band);
  g_assert_cmpint (a->stored_pews, ==, b->stored_pews);
  g_assert_cmpint (a->stored_pews_level, ==, b->stored_pews_level);
}

/* Every field of CrsObservation. */
void
assert_observation_equal (CrsObservation *a,
                          CrsObservation *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->patient_id, ==, b->patient_id);
  g_assert_cmpint (a->supersedes_id, ==, b->supersedes_id);
  g_assert_cmpint (a->superseded_by_id, ==, b->superseded_by_id);
  assert_observation_content_equal (a, b);
}

void
count_changed (CrsStore *store,
               gint64    patient_id,
               gpointer  user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, patient_id);
}

