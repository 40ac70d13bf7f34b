/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-status-ward.c: issue 10's misleading cases, each a patient of a
 * ward made in the test, read on the real window's ward list and patient
 * page: the row's grades and due time, the red flag mark and the banner,
 * and a dose recorded after a set that changes what it means. */
#define G_LOG_DOMAIN "test-status-ward"

#include "config.h"

#include <math.h>
#include <string.h>

#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-escalation-banner-private.h"
#include "gui/crs-grade-row-private.h"
#include "gui/crs-ward-list.h"
#include "gui/crs-ward-row.h"
#include "gui/crs-window-private.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

typedef struct
{
  gint64 now;
  gint64 stale;      /* CRS 1 three hours ago; now no temperature, two pressors */
  gint64 seizure;    /* ICANS 0 two hours ago; now a seizure and nothing else */
  gint64 ice;        /* ICANS 3 by ICE 2, NEWS2 0, four weeks after the infusion */
  gint64 retro;      /* fever at onset; then afebrile on a pressor, saved CRS 0 */
  gint64 retro_set;
} Ward;

static Ward ward;

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
  patient->birth_date = g_strdup ("1962-02-01");
  g_assert_true (crs_store_add_patient (store, patient, &error));
  g_assert_no_error (error);
  return patient->id;
}

static void
add_infusion (CrsStore *store,
              gint64    patient_id,
              gint64    at)
{
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(GError) error = NULL;

  infusion->patient_id = patient_id;
  infusion->therapy_code = g_strdup ("tisagenlecleucel");
  infusion->start_at = at;
  g_assert_true (crs_store_add_infusion (store, infusion, &error));
  g_assert_no_error (error);
}

static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();
  g_autoptr(CrsObservation) set = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Away from midnight, so that times read "14:05" on their day. */
  {
    g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
    if (g_date_time_get_hour (local) < 4)
      now -= (g_date_time_get_hour (local) + 1) * HOUR;
  }
  ward.now = now;

  ward.stale = add_patient (store, "ST-1", "Stale Grade", "1");
  add_infusion (store, ward.stale, now - 3 * DAY);
  set = crs_test_ward_normal_set (ward.stale, now - 3 * HOUR);
  set->temperature_c = 38.4;
  crs_test_ward_save_set (store, set);
  g_clear_object (&set);
  set = crs_test_ward_normal_set (ward.stale, now - 10 * MINUTE);
  set->temperature_c = NAN;
  set->vasopressors = 2;
  set->systolic = 84;
  crs_test_ward_save_set (store, set);
  g_clear_object (&set);

  ward.seizure = add_patient (store, "ST-2", "Lone Seizure", "2");
  set = crs_test_ward_normal_set (ward.seizure, now - 2 * HOUR);
  crs_test_ward_save_set (store, set);
  g_clear_object (&set);
  set = crs_observation_new ();
  set->patient_id = ward.seizure;
  set->taken_at = now - 5 * MINUTE;
  set->seizure = CRS_SEIZURE_RESOLVED;
  crs_test_ward_save_set (store, set);
  g_clear_object (&set);

  ward.ice = add_patient (store, "ST-3", "Ice Two", "3");
  add_infusion (store, ward.ice, now - 28 * DAY);
  set = crs_test_ward_normal_set (ward.ice, now - 10 * MINUTE);
  set->ice_total = 2;
  crs_test_ward_save_set (store, set);
  g_clear_object (&set);

  ward.retro = add_patient (store, "ST-4", "Late Dose", "4");
  add_infusion (store, ward.retro, now - 4 * DAY);
  set = crs_test_ward_normal_set (ward.retro, now - 6 * HOUR);
  set->temperature_c = 38.9;
  crs_test_ward_save_set (store, set);
  g_clear_object (&set);
  set = crs_test_ward_normal_set (ward.retro, now - 20 * MINUTE);
  set->temperature_c = 37.1;
  set->vasopressors = 1;
  set->systolic = 86;
  crs_test_ward_save_set (store, set);
  g_assert_cmpint (set->stored_crs_grade, ==, 0);
  g_assert_false (set->stored_red_flag);
  ward.retro_set = set->id;
}

static GtkWidget *
ward_row (CrsWindow *window,
          gint64     patient_id)
{
  GtkWidget *list = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_WARD_LIST, NULL);

  for (GtkWidget *row = crs_test_find_widget (list, CRS_TYPE_WARD_ROW, NULL); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (CRS_IS_WARD_ROW (row) &&
        crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row))) == patient_id)
      return row;
  return NULL;
}

static gboolean
row_shows (CrsWindow  *window,
           gint64      patient_id,
           const char *text)
{
  GtkWidget *row = ward_row (window, patient_id);
  gboolean shown = row != NULL && crs_test_find_widget (row, GTK_TYPE_LABEL, text) != NULL;

  if (!shown)
    g_test_message ("row of patient %" G_GINT64_FORMAT " does not show “%s”", patient_id, text);
  return shown;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    {
      g_test_message ("“%s” does not contain “%s”", haystack, needle);
      return FALSE;
    }
  return TRUE;
}

static CrsEscalationBanner *
banner_of (CrsWindow *window)
{
  return CRS_ESCALATION_BANNER (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_ESCALATION_BANNER, NULL));
}

static void
open_patient (CrsWindow *window,
              gint64     patient_id)
{
  g_assert_true (crs_window_select_patient (window, patient_id));
  crs_test_flush ();
  g_assert_cmpint (crs_window_get_patient (window), ==, patient_id);
}

static char *
flag_text_at (gint64 at)
{
  g_autofree char *when = crs_test_ward_clock (at);

  return g_strdup_printf ("Red flag at %s not acknowledged", when);
}

static void
rows_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autofree char *stale_flag = flag_text_at (ward.now - 10 * MINUTE);
  g_autofree char *seizure_flag = flag_text_at (ward.now - 5 * MINUTE);
  CrsEscalationBanner *banner;

  crs_window_set_clock (window, ward.now);
  CRS_TEST_WAIT_UNTIL (row_shows (window, ward.stale, "CRS not determined"));
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "status-ward");

  /* Not the CRS 1 of three hours ago: not determined now, and the
   * pressors raise a red flag of their own. */
  g_assert_true (row_shows (window, ward.stale, "CRS not determined"));
  g_assert_false (row_shows (window, ward.stale, "CRS 1 mild"));
  g_assert_true (row_shows (window, ward.stale, stale_flag));
  /* Its tooltip says what was last known, and when. */
  {
    g_autofree char *last = crs_test_ward_clock (ward.now - 3 * HOUR);
    g_autofree char *expected = g_strdup_printf ("Last graded 1 mild at %s", last);
    GtkWidget *chip = crs_test_find_widget (ward_row (window, ward.stale), GTK_TYPE_LABEL, "CRS not determined");

    g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, expected);
  }
  open_patient (window, ward.stale);
  banner = banner_of (window);
  g_assert_true (crs_escalation_banner_is_shown (banner));
  g_assert_true (contains (crs_escalation_banner_get_title (banner),
                           "Vasopressor support while CRS cannot be graded"));

  /* Not the ICANS 0 of two hours ago: at least 3, a red flag, watched
   * continuously. */
  g_assert_true (row_shows (window, ward.seizure, "ICANS at least 3 severe"));
  g_assert_true (row_shows (window, ward.seizure, seizure_flag));
  g_assert_true (row_shows (window, ward.seizure,
                            "Monitor continuously; next set due in 55 minutes (ICANS grade 3)"));
  open_patient (window, ward.seizure);
  g_assert_true (contains (crs_escalation_banner_get_title (banner_of (window)), "ICANS grade 3 or more"));

  /* ICANS 3 with NEWS2 0 four weeks on: not "due in 11 hours 50". */
  g_assert_true (row_shows (window, ward.ice, "ICANS 3 severe"));
  g_assert_true (row_shows (window, ward.ice, "NEWS2 0 low"));
  g_assert_true (row_shows (window, ward.ice, "Monitor continuously; next set due in 50 minutes (ICANS grade 3)"));

  /* An hour later nothing has been recorded: overdue, in words. */
  crs_window_set_clock (window, ward.now + HOUR);
  CRS_TEST_WAIT_UNTIL (row_shows (window, ward.ice,
                                  "Monitor continuously; a set is overdue by 10 minutes (ICANS grade 3)"));
  crs_window_set_clock (window, ward.now);
  CRS_TEST_WAIT_UNTIL (row_shows (window, ward.ice, "ICANS 3 severe"));

  crs_test_close_all (app);
}

static void
test_rows (void)
{
  make_ward ();
  crs_test_run_application (NULL, rows_body);
}

/* Save a set, then record an earlier tocilizumab: the ward row shows the
 * new grade and a red flag, the page says both grades and why, and the
 * raise is audited. */
static void
retro_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsStore *store = crs_application_get_store (app);
  g_autoptr(CrsIntervention) dose = crs_intervention_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flag_text = flag_text_at (ward.now - 20 * MINUTE);
  g_autofree char *given = crs_test_ward_clock (ward.now - 3 * HOUR);
  g_autofree char *differs = NULL;
  GtkWidget *crs_row;
  guint raises = 0;

  crs_window_set_clock (window, ward.now);
  open_patient (window, ward.retro);
  g_assert_true (row_shows (window, ward.retro, "CRS 0 none"));
  g_assert_false (row_shows (window, ward.retro, flag_text));
  g_assert_false (crs_escalation_banner_is_shown (banner_of (window)));

  dose->patient_id = ward.retro;
  dose->at = ward.now - 3 * HOUR;
  dose->kind = CRS_INTERVENTION_ANTI_CYTOKINE;
  dose->drug = g_strdup ("tocilizumab");
  dose->dose = g_strdup ("8 mg/kg IV");
  g_assert_true (crs_store_add_intervention (store, dose, &error));
  g_assert_no_error (error);
  CRS_TEST_WAIT_UNTIL (row_shows (window, ward.retro, "CRS 3 severe"));

  g_assert_true (row_shows (window, ward.retro, flag_text));
  g_assert_true (crs_escalation_banner_is_shown (banner_of (window)));
  g_assert_true (contains (crs_escalation_banner_get_title (banner_of (window)), "CRS grade 3"));
  g_assert_true (contains (crs_escalation_banner_get_detail (banner_of (window)),
                           "Raised now, from what was recorded after the set was saved"));
  crs_row = crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_GRADE_ROW, NULL);
  g_assert_cmpstr (crs_grade_row_get_grade (CRS_GRADE_ROW (crs_row)), ==, "3 severe");
  differs = g_strdup_printf ("CRS 3 severe now; graded 0 none when saved, before the tocilizumab at %s was "
                             "recorded", given);
  g_assert_nonnull (crs_test_find_widget (crs_row, GTK_TYPE_LABEL, differs));
  crs_test_wait_drawn (GTK_WIDGET (window));
  crs_test_screenshot (GTK_WIDGET (window), "status-retroactive");

  audit = crs_store_list_audit (store, "late_red_flag", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      CrsAuditEntry *entry = g_ptr_array_index (audit, i);
      if (g_str_equal (entry->action, "raise"))
        raises++;
    }
  g_assert_cmpuint (raises, ==, 1);

  /* Acknowledged as any red flag: the mark and the banner go. */
  g_assert_true (crs_store_acknowledge (store, ward.retro_set, "Dr Okafor informed", &error));
  g_assert_no_error (error);
  CRS_TEST_WAIT_UNTIL (!crs_escalation_banner_is_shown (banner_of (window)));
  g_assert_false (row_shows (window, ward.retro, flag_text));
  g_assert_false (crs_escalation_banner_is_shown (banner_of (window)));

  crs_test_close_all (app);
}

static void
test_retroactive (void)
{
  make_ward ();
  crs_test_run_application (NULL, retro_body);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/status-ward/rows", test_rows);
  g_test_add_func ("/status-ward/retroactive", test_retroactive);

  return g_test_run ();
}
