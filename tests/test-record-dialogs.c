/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-dialogs.c: the patient, infusion, intervention and lab
 * result forms save what was typed, refuse what cannot be right at the
 * field (a duplicate MRN, a date of birth in the future, an end before
 * the start), and keep the form open when they refuse. */
#define G_LOG_DOMAIN "test-record-dialogs"

#include "config.h"

#include <math.h>

#include "core/crs-lab-test.h"
#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "gui/crs-infusion-dialog.h"
#include "gui/crs-intervention-dialog.h"
#include "crs-test-locale.h"
#include "gui/crs-lab-result-dialog.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-patient-dialog.h"

typedef struct
{
  CrsStore   *store;
  CrsPatient *patient;
  GtkWindow  *dialog;     /* weak */
  GObject    *saved;
  guint       n_saved;
} Fixture;

static void
saved_cb (GtkWindow *dialog,
          GObject   *record,
          Fixture   *fixture)
{
  g_set_object (&fixture->saved, record);
  fixture->n_saved++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = form_test_open_store (NULL);
  fixture->patient = form_test_add_patient (fixture->store, "MRN-1", NULL);
  crs_test_track_windows ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (fixture->dialog);
  crs_test_finalize_windows ();
  g_assert_null (fixture->dialog);
  g_clear_object (&fixture->saved);
  g_clear_object (&fixture->patient);
  g_clear_object (&fixture->store);
}

static void
show (Fixture   *fixture,
      GtkWindow *dialog)
{
  fixture->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  form_test_show (dialog);
}

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  GtkWidget *found = form_test_find_row (GTK_WIDGET (fixture->dialog), title);

  if (found == NULL)
    g_error ("no row “%s”", title);
  return found;
}

/* Focuses @title's field, as a click or Tab would, and types @text. */
static void
type_at (Fixture    *fixture,
         const char *title,
         const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (form_test_row_editable (row (fixture, title))));
  form_test_type (fixture->dialog, text);
}

static void
choose_at (Fixture    *fixture,
           const char *title,
           guint       position)
{
  gtk_widget_grab_focus (row (fixture, title));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, title)), position);
  crs_test_flush ();
}

static void
tick (Fixture    *fixture,
      const char *title)
{
  GtkWidget *check_row = row (fixture, title);

  gtk_widget_grab_focus (check_row);
  g_signal_emit_by_name (check_row, "activate");
  crs_test_flush ();
}

static gboolean
press_save (Fixture *fixture)
{
  return form_test_press (fixture->dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” should contain “%s”", haystack != NULL ? haystack : "(null)", needle);
}

static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  g_autofree char *shown = form_test_visible_text (GTK_WIDGET (fixture->dialog));

  assert_contains (shown, text);
}

static void
test_patient_add (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CrsPatient) stored = NULL;
  g_autoptr(GError) error = NULL;
  CrsPatient *saved;

  show (fixture, GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, NULL)));
  g_assert_cmpstr (gtk_window_get_title (fixture->dialog), ==, "New Patient");
  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Medical record number (MRN)")));
  form_test_type (fixture->dialog, "MRN-2");
  form_test_tab (fixture->dialog, FALSE);
  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Name")));
  form_test_type (fixture->dialog, "Ada Example");
  form_test_tab (fixture->dialog, FALSE);
  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Date of birth")));
  form_test_type (fixture->dialog, "1980-03-12");
  /* The date is read back in words. */
  assert_shows (fixture, "Born 12 March 1980");
  choose_at (fixture, "Sex", CRS_SEX_FEMALE);
  type_at (fixture, "Weight", "72,5");
  type_at (fixture, "Bed", "7");
  type_at (fixture, "Diagnosis", "DLBCL");
  choose_at (fixture, "NEWS2 SpO₂ scale", 1);
  /* Scale 2 carries its caution. */
  g_assert_true (form_test_has_class (row (fixture, "NEWS2 SpO₂ scale"), "crs-warning"));
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture, "NEWS2 SpO₂ scale"))),
                   "clinician");
  tick (fixture, "Assess ICANS with CAPD");
  tick (fixture, "High disease burden");
  tick (fixture, "CRS after an earlier therapy");
  type_at (fixture, "Risk notes", "Bulky disease at the mediastinum");
  crs_test_wait_drawn (GTK_WIDGET (fixture->dialog));
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "patient-dialog");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  saved = CRS_PATIENT (fixture->saved);
  g_assert_cmpint (saved->id, >, 0);

  stored = crs_store_find_patient_by_mrn (fixture->store, "MRN-2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->id, ==, saved->id);
  g_assert_cmpstr (stored->name, ==, "Ada Example");
  g_assert_cmpstr (stored->birth_date, ==, "1980-03-12");
  g_assert_cmpint (stored->sex, ==, CRS_SEX_FEMALE);
  g_assert_cmpfloat_with_epsilon (stored->weight_kg, 72.5, 1e-9);
  g_assert_cmpstr (stored->bed, ==, "7");
  g_assert_cmpstr (stored->diagnosis, ==, "DLBCL");
  g_assert_cmpint (stored->spo2_scale, ==, 2);
  g_assert_true (stored->use_capd);
  g_assert_true (stored->high_disease_burden);
  g_assert_false (stored->comorbidities);
  g_assert_true (stored->prior_crs);
  g_assert_cmpstr (stored->risk_notes, ==, "Bulky disease at the mediastinum");
  g_assert_false (stored->archived);
}

static void
test_patient_duplicate_mrn (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(CrsPatient) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *mrn;

  show (fixture, GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, NULL)));
  mrn = row (fixture, "Medical record number (MRN)");

  /* As typed: the MRN of a patient already on the ward. */
  type_at (fixture, "Medical record number (MRN)", "MRN-1");
  g_assert_true (form_test_has_class (mrn, "error"));
  assert_shows (fixture, "Another patient already has this MRN");
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "patient-duplicate-mrn");
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_true (form_test_has_focus_in (fixture->dialog, mrn));

  /* Free as typed, taken by another workstation before saving: the
   * store's refusal is shown at the MRN too. */
  form_test_type (fixture->dialog, "MRN-3");
  g_assert_false (form_test_has_class (mrn, "error"));
  other = form_test_add_patient (fixture->store, "MRN-3", NULL);
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_true (form_test_has_class (mrn, "error"));
  assert_shows (fixture, "already has");

  patients = crs_store_list_patients (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 2);
}

static void
test_patient_birth_date (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *birth;

  show (fixture, GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, NULL)));
  birth = row (fixture, "Date of birth");
  type_at (fixture, "Medical record number (MRN)", "MRN-9");
  type_at (fixture, "Date of birth", "2999-01-01");
  g_assert_true (form_test_has_class (birth, "error"));
  assert_shows (fixture, "Not possible: this date is in the future");
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);

  type_at (fixture, "Date of birth", "1980-02-30");
  assert_shows (fixture, "Not a date");
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  /* The locale's own way of writing it (C: month/day/year). */
  type_at (fixture, "Date of birth", "03/12/1980");
  g_assert_false (form_test_has_class (birth, "error"));
  assert_shows (fixture, "Born 12 March 1980");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  g_assert_cmpstr (CRS_PATIENT (fixture->saved)->birth_date, ==, "1980-03-12");
}

static void
test_patient_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CrsPatient) stored = NULL;
  g_autoptr(GError) error = NULL;

  show (fixture, GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, fixture->patient)));
  g_assert_cmpstr (gtk_window_get_title (fixture->dialog), ==, "Edit Patient");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Medical record number (MRN)"))), ==, "MRN-1");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Bed"))), ==, "4");
  /* Its own MRN is not a duplicate. */
  g_assert_false (form_test_has_class (row (fixture, "Medical record number (MRN)"), "error"));
  type_at (fixture, "Bed", "12");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  stored = crs_store_get_patient (fixture->store, fixture->patient->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->bed, ==, "12");
  g_assert_cmpstr (stored->mrn, ==, "MRN-1");
  g_assert_cmpstr (stored->name, ==, fixture->patient->name);
  g_assert_cmpstr (stored->birth_date, ==, fixture->patient->birth_date);
}

static void
test_infusion (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) infusions = NULL;
  g_autoptr(GError) error = NULL;
  CrsInfusion *infusion;
  CrsInfusionDialog *dialog;
  GtkWidget *end;
  gint64 start;

  dialog = crs_infusion_dialog_new (NULL, fixture->store, NULL, fixture->patient);
  show (fixture, GTK_WINDOW (dialog));

  /* The therapy is required. */
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  assert_shows (fixture, "the therapy is missing");

  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Therapy")));
  form_test_type (fixture->dialog, "Blinatumomab");
  form_test_tab (fixture->dialog, FALSE);
  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Dose")));
  form_test_type (fixture->dialog, "28");
  form_test_tab (fixture->dialog, FALSE);
  form_test_type (fixture->dialog, "µg/day");
  form_test_tab (fixture->dialog, FALSE);
  form_test_type (fixture->dialog, "Step-up dose 1");

  /* An end before the start cannot be right. */
  end = row (fixture, "Ended");
  g_object_get (row (fixture, "Started"), "time", &start, NULL);
  g_object_set (end, "time", start - 3600, NULL);
  CRS_TEST_WAIT_UNTIL (form_test_has_class (end, "crs-error"));
  g_assert_true (form_test_has_class (end, "crs-error"));
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_object_set (end, "time", start, NULL);
  CRS_TEST_WAIT_UNTIL (!form_test_has_class (end, "crs-error"));
  g_assert_false (form_test_has_class (end, "crs-error"));
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "infusion-dialog");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  infusions = crs_store_list_infusions (fixture->store, fixture->patient->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infusions->len, ==, 1);
  infusion = g_ptr_array_index (infusions, 0);
  g_assert_cmpint (infusion->id, ==, CRS_INFUSION (fixture->saved)->id);
  g_assert_cmpstr (infusion->therapy_name, ==, "Blinatumomab");
  g_assert_cmpfloat_with_epsilon (infusion->dose, 28.0, 1e-9);
  g_assert_cmpstr (infusion->dose_unit, ==, "µg/day");
  g_assert_cmpstr (infusion->step_label, ==, "Step-up dose 1");
  g_assert_cmpint (infusion->start_at, ==, start);
  g_assert_cmpint (infusion->end_at, ==, start);
  g_assert_null (infusion->note);
}

/* The therapy is found in the reference database by name or brand, or
 * saved as typed when it is not there. */
static void
test_infusion_reference (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CrsReference) reference = NULL;
  g_autoptr(GPtrArray) infusions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *match;

  reference = crs_reference_open_default (&error);
  g_assert_no_error (error);

  show (fixture, GTK_WINDOW (crs_infusion_dialog_new (NULL, fixture->store, reference, fixture->patient)));
  /* A brand name is known at once. */
  form_test_type (fixture->dialog, "Blincyto");
  assert_shows (fixture, "In the therapy reference: blinatumomab");

  /* Part of a name lists the matches; Tab reaches them, Return picks. */
  form_test_type (fixture->dialog, "blinat");
  match = form_test_find_row (GTK_WIDGET (fixture->dialog), "blinatumomab");
  g_assert_nonnull (match);
  crs_test_wait_drawn (GTK_WIDGET (fixture->dialog));
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "infusion-matches");
  form_test_tab (fixture->dialog, FALSE);
  g_assert_true (form_test_has_focus_in (fixture->dialog, match));
  g_signal_emit_by_name (match, "activate");
  CRS_TEST_WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (form_test_row_editable (row (fixture, "Therapy"))),
                                  "blinatumomab") == 0);
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Therapy"))), ==, "blinatumomab");
  /* The matches are gone once one is picked. */
  g_assert_true (form_test_find_row (GTK_WIDGET (fixture->dialog), "blinatumomab") == NULL);
  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Dose")));
  form_test_type (fixture->dialog, "9");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  /* Not in the reference: saved as typed, without a code. */
  show (fixture, GTK_WINDOW (crs_infusion_dialog_new (NULL, fixture->store, reference, fixture->patient)));
  form_test_type (fixture->dialog, "Study drug XY-123");
  assert_shows (fixture, "Not in the therapy reference");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  infusions = crs_store_list_infusions (fixture->store, fixture->patient->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infusions->len, ==, 2);
  for (guint i = 0; i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);
      if (g_strcmp0 (infusion->therapy_name, "blinatumomab") == 0)
        {
          g_assert_cmpstr (infusion->therapy_code, ==, "blinatumomab");
          g_assert_cmpfloat_with_epsilon (infusion->dose, 9.0, 1e-9);
        }
      else
        {
          g_assert_cmpstr (infusion->therapy_name, ==, "Study drug XY-123");
          g_assert_null (infusion->therapy_code);
        }
    }
}

static void
test_intervention (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GError) error = NULL;
  CrsIntervention *intervention;
  GListModel *kinds;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  show (fixture, GTK_WINDOW (crs_intervention_dialog_new (NULL, fixture->store, fixture->patient)));

  /* Every kind of intervention can be chosen. */
  kinds = adw_combo_row_get_model (ADW_COMBO_ROW (row (fixture, "Kind")));
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, CRS_INTERVENTION_N_VALUES);
  for (int k = 1; k < CRS_INTERVENTION_N_VALUES; k++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kinds), k), ==,
                     crs_intervention_kind_label ((CrsInterventionKind) k));

  /* The kind is required. */
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_true (form_test_has_class (row (fixture, "Kind"), "crs-error"));

  choose_at (fixture, "Kind", CRS_INTERVENTION_ANTI_CYTOKINE);
  form_test_tab (fixture->dialog, FALSE);
  g_assert_true (form_test_has_focus_in (fixture->dialog, row (fixture, "Drug")));
  form_test_type (fixture->dialog, "tocilizumab");
  form_test_tab (fixture->dialog, FALSE);
  form_test_type (fixture->dialog, "8 mg/kg IV");
  type_at (fixture, "Note", "Given after the medical review");
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "intervention-dialog");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  interventions = crs_store_list_interventions (fixture->store, fixture->patient->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interventions->len, ==, 1);
  intervention = g_ptr_array_index (interventions, 0);
  g_assert_cmpint (intervention->kind, ==, CRS_INTERVENTION_ANTI_CYTOKINE);
  g_assert_cmpstr (intervention->drug, ==, "tocilizumab");
  g_assert_cmpstr (intervention->dose, ==, "8 mg/kg IV");
  g_assert_cmpstr (intervention->note, ==, "Given after the medical review");
  /* The time defaults to now. */
  g_assert_cmpint (intervention->at, <=, now);
  g_assert_cmpint (intervention->at, >, now - 120);
}

static void
test_lab_result (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  CrsLabResult *result;
  guint n;
  const CrsLabTest *tests = crs_lab_tests (&n);

  show (fixture, GTK_WINDOW (crs_lab_result_dialog_new (NULL, fixture->store, fixture->patient)));

  /* Choosing CRP fills its LOINC code and unit. */
  choose_at (fixture, "Test", 1);
  g_assert_cmpstr (tests[0].loinc, ==, "1988-5");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "LOINC code"))), ==, "1988-5");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Unit"))), ==, "mg/L");
  g_assert_false (gtk_widget_get_visible (row (fixture, "Test name")));

  /* The value is required and checked. */
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  type_at (fixture, "Value", "-3");
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture, "Value"))), "Not possible");
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  type_at (fixture, "Value", "85,5");
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "lab-result-dialog");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  /* Another test, typed by name. */
  show (fixture, GTK_WINDOW (crs_lab_result_dialog_new (NULL, fixture->store, fixture->patient)));
  choose_at (fixture, "Test", n + 1);
  g_assert_true (gtk_widget_get_visible (row (fixture, "Test name")));
  type_at (fixture, "Test name", "IL-6");
  type_at (fixture, "Value", "120");
  type_at (fixture, "Unit", "pg/mL");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  results = crs_store_list_lab_results (fixture->store, fixture->patient->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  if (g_strcmp0 (result->name, "CRP") != 0)
    result = g_ptr_array_index (results, 1);
  g_assert_cmpstr (result->name, ==, "CRP");
  g_assert_cmpstr (result->loinc, ==, "1988-5");
  g_assert_cmpfloat_with_epsilon (result->value, 85.5, 1e-9);
  g_assert_cmpstr (result->unit, ==, "mg/L");
  result = g_ptr_array_index (results, result == g_ptr_array_index (results, 0) ? 1 : 0);
  g_assert_cmpstr (result->name, ==, "IL-6");
  g_assert_null (result->loinc);
  g_assert_cmpfloat_with_epsilon (result->value, 120, 1e-9);
  g_assert_cmpstr (result->unit, ==, "pg/mL");
}

/* Every way a number can be typed wrong gets a message at the field that
 * says what is wrong and what to type, the same in every form, and the
 * same in the banner when saving is refused; a number that can only mean
 * one thing is taken, in the English locale too ("85,5"). */
typedef enum {
  FORM_OBSERVATION,
  FORM_LAB,
  FORM_INFUSION,
  FORM_PATIENT,
} NumberForm;

#define NOT_A_NUMBER "Not a number: type only digits, with “.” for decimals"
#define TWO_MARKS "Two decimal marks: type the number without thousands separators, with “.” for decimals"
#define UNCLEAR_1500 "Unclear: 1.5 or 1500? Type the one you mean"

static const struct
{
  NumberForm  form;
  const char *title;
  const char *text;
  gboolean    english;   /* typed in en_US, where "," groups thousands */
  const char *problem;   /* NULL: taken */
  double      value;     /* what is taken */
} number_cases[] = {
  { FORM_OBSERVATION, "Temperature", "abc", FALSE, NOT_A_NUMBER, 0 },
  { FORM_OBSERVATION, "Temperature", "38 °C", FALSE, NOT_A_NUMBER, 0 },
  { FORM_OBSERVATION, "Temperature", "37.2.1", FALSE, TWO_MARKS, 0 },
  { FORM_OBSERVATION, "Temperature", "1,500", TRUE, UNCLEAR_1500, 0 },
  { FORM_OBSERVATION, "Temperature", "38,5", TRUE, NULL, 38.5 },
  { FORM_OBSERVATION, "Temperature", "60", FALSE, "Not possible: allowed 10.0–47.0 °C", 0 },
  { FORM_OBSERVATION, "Pulse", "80.5", FALSE, "Not a whole number: type 80 or 81", 0 },
  { FORM_OBSERVATION, "Pulse", "eighty", FALSE, NOT_A_NUMBER, 0 },
  { FORM_OBSERVATION, "Pulse", "1,500", TRUE, UNCLEAR_1500, 0 },
  { FORM_LAB, "Value", "abc", FALSE, NOT_A_NUMBER, 0 },
  { FORM_LAB, "Value", "1.2.3", FALSE, TWO_MARKS, 0 },
  { FORM_LAB, "Value", "1,500", TRUE, UNCLEAR_1500, 0 },
  { FORM_LAB, "Value", "1,500.5", TRUE, TWO_MARKS, 0 },
  { FORM_LAB, "Value", "85,5", TRUE, NULL, 85.5 },
  { FORM_LAB, "Value", "-3", FALSE, "Not possible: allowed 0 or more", 0 },
  { FORM_INFUSION, "Dose", "abc", FALSE, NOT_A_NUMBER, 0 },
  { FORM_INFUSION, "Dose", "0.3.1", FALSE, TWO_MARKS, 0 },
  { FORM_INFUSION, "Dose", "1,500", TRUE, UNCLEAR_1500, 0 },
  { FORM_INFUSION, "Dose", "0,5", TRUE, NULL, 0.5 },
  { FORM_PATIENT, "Weight", "abc", FALSE, NOT_A_NUMBER, 0 },
  { FORM_PATIENT, "Weight", "70.5.2", FALSE, TWO_MARKS, 0 },
  { FORM_PATIENT, "Weight", "1,500", TRUE, UNCLEAR_1500, 0 },
  { FORM_PATIENT, "Weight", "70,5", TRUE, NULL, 70.5 },
  { FORM_PATIENT, "Weight", "0", FALSE, "Not possible: allowed 0.2–700.0 kg", 0 },
};

static GtkWindow *
open_number_form (Fixture    *fixture,
                  NumberForm  form)
{
  switch (form)
    {
    case FORM_OBSERVATION:
      return GTK_WINDOW (crs_observation_dialog_new (NULL, fixture->store, fixture->patient, NULL));
    case FORM_LAB:
      return GTK_WINDOW (crs_lab_result_dialog_new (NULL, fixture->store, fixture->patient));
    case FORM_INFUSION:
      return GTK_WINDOW (crs_infusion_dialog_new (NULL, fixture->store, NULL, fixture->patient));
    case FORM_PATIENT:
    default:
      /* Editing: the MRN, which is checked first, is there. */
      return GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, fixture->patient));
    }
}

static void
test_number_messages (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      g_autofree char *old = NULL;
      g_autofree char *banner = NULL;
      g_autofree char *expected = NULL;
      GtkWidget *number;

      g_test_message ("%s: “%s”%s", number_cases[i].title, number_cases[i].text,
                      number_cases[i].english ? " in en_US" : "");
      if (number_cases[i].english && (old = crs_test_use_locale ("en_US")) == NULL)
        return;

      show (fixture, open_number_form (fixture, number_cases[i].form));
      /* What else the form needs before it looks at the number. */
      if (number_cases[i].form == FORM_LAB)
        choose_at (fixture, "Test", 1);
      else if (number_cases[i].form == FORM_INFUSION)
        type_at (fixture, "Therapy", "blinatumomab");
      type_at (fixture, number_cases[i].title, number_cases[i].text);
      number = row (fixture, number_cases[i].title);

      if (number_cases[i].problem == NULL)
        {
          g_assert_false (form_test_has_class (number, "crs-error"));
          g_assert_cmpfloat_with_epsilon (crs_number_row_get_value (CRS_NUMBER_ROW (number)),
                                          number_cases[i].value, 1e-9);
        }
      else
        {
          /* At the field, as typed... */
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (number)), ==, number_cases[i].problem);
          g_assert_true (form_test_has_class (number, "crs-error"));
          /* ...and in the banner when saving is refused, with the focus
           * back in the field. */
          g_assert_true (press_save (fixture));
          g_assert_nonnull (fixture->dialog);
          banner = form_test_visible_text (crs_test_find_widget (GTK_WIDGET (fixture->dialog),
                                                                 GTK_TYPE_REVEALER, NULL));
          expected = g_strdup_printf ("Not saved: correct %s first (%s).", number_cases[i].title,
                                      number_cases[i].problem);
          assert_contains (banner, expected);
          g_assert_true (form_test_has_focus_in (fixture->dialog, number));
        }
      gtk_window_destroy (fixture->dialog);
      g_assert_true (form_test_wait_closed (&fixture->dialog));
      crs_test_restore_locale (old);
    }
  g_assert_cmpuint (fixture->n_saved, ==, 0);
}

/* In English, "85,5" is eighty-five and a half: saved as that. */
static void
test_lab_result_english (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *old = crs_test_use_locale ("en_US");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  if (old == NULL)
    return;
  show (fixture, GTK_WINDOW (crs_lab_result_dialog_new (NULL, fixture->store, fixture->patient)));
  choose_at (fixture, "Test", 1);
  type_at (fixture, "Value", "85,5");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  crs_test_restore_locale (old);

  results = crs_store_list_lab_results (fixture->store, fixture->patient->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (((CrsLabResult *) g_ptr_array_index (results, 0))->value, 85.5, 1e-9);
}

/* Escape after typing asks first, in every form. */
static void
test_escape_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *dialogs[] = {
    GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, NULL)),
    GTK_WINDOW (crs_infusion_dialog_new (NULL, fixture->store, NULL, fixture->patient)),
    GTK_WINDOW (crs_intervention_dialog_new (NULL, fixture->store, fixture->patient)),
    GTK_WINDOW (crs_lab_result_dialog_new (NULL, fixture->store, fixture->patient)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      AdwMessageDialog *question;

      show (fixture, dialogs[i]);
      type_at (fixture, i == 0 ? "Name" : "Note", "x");
      g_assert_true (form_test_press (fixture->dialog, GDK_KEY_Escape, 0));
      question = form_test_find_message_dialog (fixture->dialog);
      g_assert_nonnull (question);
      adw_message_dialog_response (question, "discard");
      g_assert_true (form_test_wait_closed (&fixture->dialog));
    }
  g_assert_cmpuint (fixture->n_saved, ==, 0);
}

/* Every form fits a 360 px wide screen. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  struct { const char *name; GtkWindow *dialog; } forms[] = {
    { "patient-360", GTK_WINDOW (crs_patient_dialog_new (NULL, fixture->store, fixture->patient)) },
    { "infusion-360", GTK_WINDOW (crs_infusion_dialog_new (NULL, fixture->store, NULL, fixture->patient)) },
    { "intervention-360", GTK_WINDOW (crs_intervention_dialog_new (NULL, fixture->store, fixture->patient)) },
    { "lab-result-360", GTK_WINDOW (crs_lab_result_dialog_new (NULL, fixture->store, fixture->patient)) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      int minimum;

      gtk_window_set_default_size (forms[i].dialog, 360, 640);
      show (fixture, forms[i].dialog);
      CRS_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (fixture->dialog)) <= 360);
      gtk_widget_measure (GTK_WIDGET (fixture->dialog), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->dialog)), <=, 360);
      crs_test_screenshot (GTK_WIDGET (fixture->dialog), forms[i].name);
      gtk_window_destroy (fixture->dialog);
      g_assert_true (form_test_wait_closed (&fixture->dialog));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  form_test_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/patient-dialog/add", test_patient_add);
  ADD ("/patient-dialog/duplicate-mrn", test_patient_duplicate_mrn);
  ADD ("/patient-dialog/birth-date", test_patient_birth_date);
  ADD ("/patient-dialog/edit", test_patient_edit);
  ADD ("/infusion-dialog/save", test_infusion);
  ADD ("/infusion-dialog/reference", test_infusion_reference);
  ADD ("/intervention-dialog/save", test_intervention);
  ADD ("/lab-result-dialog/save", test_lab_result);
  ADD ("/lab-result-dialog/english", test_lab_result_english);
  ADD ("/record-dialogs/number-messages", test_number_messages);
  ADD ("/record-dialogs/escape-asks", test_escape_asks);
  ADD ("/record-dialogs/narrow", test_narrow);
#undef ADD

  return g_test_run ();
}
