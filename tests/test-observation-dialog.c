/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-observation-dialog.c: the observation form, driven by keyboard as
 * a nurse would (text typed into the focused field, Tab to the next, the
 * form's shortcuts), checked against what it shows and against what the
 * ward database then holds. */
#define G_LOG_DOMAIN "test-observation-dialog"

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "core/crs-symptom.h"
#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "gui/crs-grade-panel-private.h"
#include "gui/crs-observation-dialog.h"

typedef struct
{
  char           *path;
  CrsStore       *store;
  CrsPatient     *patient;
  GtkWindow      *dialog;      /* weak: NULL once closed */
  CrsObservation *saved;
  guint           n_saved;
} Fixture;

static void
saved_cb (CrsObservationDialog *dialog,
          CrsObservation       *observation,
          Fixture              *fixture)
{
  g_assert_true (CRS_IS_OBSERVATION (observation));
  g_assert_cmpint (observation->id, >, 0);
  g_set_object (&fixture->saved, observation);
  fixture->n_saved++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *birth_date = data;

  fixture->store = form_test_open_store (&fixture->path);
  fixture->patient = form_test_add_patient (fixture->store, "MRN-1", birth_date);
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
  g_free (fixture->path);
}

static GtkWindow *
open_dialog (Fixture        *fixture,
             CrsObservation *amend)
{
  CrsObservationDialog *dialog = crs_observation_dialog_new (NULL, fixture->store, fixture->patient, amend);

  fixture->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  form_test_show (fixture->dialog);
  return fixture->dialog;
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget);
}

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  GtkWidget *found = form_test_find_row (GTK_WIDGET (fixture->dialog), title);

  g_assert_nonnull (found);
  return found;
}

static void
assert_focus_in (Fixture    *fixture,
                 const char *title)
{
  if (!form_test_has_focus_in (fixture->dialog, row (fixture, title)))
    {
      GtkWidget *focus = form_test_focus (fixture->dialog);
      GtkWidget *at = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) : NULL;
      g_error ("the focus should be in “%s” but is in %s “%s”", title,
               focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
               at != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (at)) : "");
    }
}

/* Types @text into the focused field, which must be @title's, then Tab. */
static void
type_in (Fixture    *fixture,
         const char *title,
         const char *text)
{
  assert_focus_in (fixture, title);
  if (text != NULL)
    form_test_type (fixture->dialog, text);
  form_test_tab (fixture->dialog, FALSE);
}

/* Chooses item @position of the focused choice row @title, then Tab. */
static void
choose_in (Fixture    *fixture,
           const char *title,
           guint       position)
{
  GtkWidget *combo = row (fixture, title);

  assert_focus_in (fixture, title);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
  crs_test_flush ();
  form_test_tab (fixture->dialog, FALSE);
}

static const char *
subtitle_of (Fixture    *fixture,
             const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture, title)));
}

static CrsGradePanel *
panel (Fixture *fixture)
{
  GtkWidget *found = crs_test_find_widget (GTK_WIDGET (fixture->dialog), CRS_TYPE_GRADE_PANEL, NULL);

  g_assert_nonnull (found);
  return CRS_GRADE_PANEL (found);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” should contain “%s”", haystack != NULL ? haystack : "(null)", needle);
}

static GPtrArray *
stored_sets (Fixture  *fixture,
             gboolean  with_superseded)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sets = crs_store_list_observations (fixture->store, fixture->patient->id, 0, 0,
                                                 with_superseded, &error);

  g_assert_no_error (error);
  return sets;
}

static gboolean
press_save (Fixture *fixture)
{
  return form_test_press (fixture->dialog, GDK_KEY_Return, GDK_CONTROL_MASK);
}

/* A full set, typed field by field in the order Tab takes: the paper
 * chart's. */
static void
test_keyboard_full_set (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  CrsObservation *set;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *symptom;

  open_dialog (fixture, NULL);
  g_assert_cmpstr (gtk_window_get_title (fixture->dialog), ==, "New Observations");

  /* Vitals first; the time taken is one Shift+Tab back. */
  assert_focus_in (fixture, "Temperature");
  form_test_tab (fixture->dialog, TRUE);
  assert_focus_in (fixture, "Taken at");
  form_test_tab (fixture->dialog, FALSE);

  type_in (fixture, "Temperature", "39.2");
  type_in (fixture, "Pulse", "118");
  type_in (fixture, "Respiratory rate", "24");
  type_in (fixture, "Systolic pressure", "85");
  type_in (fixture, "Diastolic pressure", "50");
  type_in (fixture, "SpO₂", "93");
  choose_in (fixture, "Oxygen device", CRS_O2_NASAL_CANNULA);
  type_in (fixture, "Oxygen flow", "3");
  type_in (fixture, "FiO₂", NULL);
  type_in (fixture, "Hypotensive", NULL);
  type_in (fixture, "Vasopressors running", "0");
  type_in (fixture, "Vasopressin running", NULL);
  choose_in (fixture, "Consciousness (ACVPU)", CRS_ACVPU_ALERT);
  choose_in (fixture, "Arousal (ICANS)", CRS_AROUSAL_NORMAL);
  type_in (fixture, "ICE score", "10");
  assert_focus_in (fixture, "ICE item by item");
  form_test_tab (fixture->dialog, FALSE);
  form_test_tab (fixture->dialog, FALSE);
  assert_focus_in (fixture, "Record a CAPD Score Too");
  form_test_tab (fixture->dialog, FALSE);
  choose_in (fixture, "Seizure", CRS_SEIZURE_NONE);
  type_in (fixture, "Deep focal motor weakness", NULL);
  choose_in (fixture, "Cerebral oedema", CRS_EDEMA_NONE);

  /* Symptoms: open the group and tick with the keyboard (the row takes
   * the focus, activating it ticks the box). */
  assert_focus_in (fixture, "Mild symptoms");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row (fixture, "Mild symptoms")), TRUE);
  symptom = row (fixture, crs_symptom_label (CRS_SYMPTOM_LOW_FEVER));
  g_assert_true (crs_test_wait_until (widget_mapped, symptom, 5000));
  form_test_tab (fixture->dialog, FALSE);
  g_assert_true (form_test_has_focus_in (fixture->dialog, symptom));
  form_test_tab (fixture->dialog, FALSE);
  symptom = row (fixture, crs_symptom_label (CRS_SYMPTOM_FATIGUE));
  g_assert_true (form_test_has_focus_in (fixture->dialog, symptom));
  g_signal_emit_by_name (symptom, "activate");
  crs_test_flush ();
  assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row (fixture, "Mild symptoms"))),
                   crs_symptom_label (CRS_SYMPTOM_FATIGUE));

  /* An emergency symptom is marked as a red flag in words. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row (fixture, "Emergency symptoms")), TRUE);
  crs_test_flush ();
  symptom = row (fixture, crs_symptom_label (CRS_SYMPTOM_RAPID_HEARTBEAT));
  {
    g_autofree char *text = form_test_visible_text (symptom);
    assert_contains (text, "Red flag");
  }
  gtk_widget_grab_focus (symptom);
  g_signal_emit_by_name (symptom, "activate");
  crs_test_flush ();

  gtk_widget_grab_focus (GTK_WIDGET (form_test_row_editable (row (fixture, "Note"))));
  form_test_type (fixture->dialog, "Rigors at 14:00");

  /* The grades, with their reasons, as typed. */
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "Grade 2");
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "fever 39.2 °C");
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "systolic 85 mmHg");
  assert_contains (crs_grade_panel_get_icans_text (panel (fixture)), "Grade 0");
  assert_contains (crs_grade_panel_get_news2_text (panel (fixture)), "13");
  assert_contains (crs_grade_panel_get_red_flags_text (panel (fixture)), "NEWS2 13");
  assert_contains (crs_grade_panel_get_red_flags_text (panel (fixture)),
                   crs_symptom_label (CRS_SYMPTOM_RAPID_HEARTBEAT));
  {
    g_autofree char *text = form_test_visible_text (GTK_WIDGET (panel (fixture)));
    assert_contains (text, "moderate");     /* the word beside the number */
  }
  /* An abnormal vital sign says what it scores. */
  g_assert_cmpstr (subtitle_of (fixture, "Systolic pressure"), ==, "Scores 3 in NEWS2");
  /* An adult's form has no children's (PEWS) rows. */
  g_assert_false (gtk_widget_is_visible (row (fixture, "Capillary refill")));
  g_assert_false (gtk_widget_is_visible (row (fixture, "Carer question")));
  g_assert_false (gtk_widget_is_visible (row (fixture, "Oxygen given")));
  g_assert_true (g_str_has_prefix (crs_grade_panel_get_early_warning_badge (panel (fixture)), "NEWS2"));

  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "observation-full-set");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  /* Every field, as the database holds it. */
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  set = g_ptr_array_index (sets, 0);
  g_assert_cmpint (set->id, ==, fixture->saved->id);
  g_assert_cmpint (set->patient_id, ==, fixture->patient->id);
  g_assert_cmpint (set->taken_at, <=, now);
  g_assert_cmpint (set->taken_at, >, now - 120);
  g_assert_cmpint (set->taken_at % 60, ==, 0);
  g_assert_cmpint (set->recorded_at, >=, now);
  g_assert_cmpstr (set->author, ==, crs_store_get_author (fixture->store));
  g_assert_cmpint (set->supersedes_id, ==, 0);
  g_assert_cmpint (set->superseded_by_id, ==, 0);
  g_assert_null (set->amend_reason);
  g_assert_cmpfloat_with_epsilon (set->temperature_c, 39.2, 1e-9);
  g_assert_cmpint (set->heart_rate, ==, 118);
  g_assert_cmpint (set->resp_rate, ==, 24);
  g_assert_cmpint (set->systolic, ==, 85);
  g_assert_cmpint (set->diastolic, ==, 50);
  g_assert_cmpint (set->spo2, ==, 93);
  g_assert_cmpint (set->o2_device, ==, CRS_O2_NASAL_CANNULA);
  g_assert_cmpfloat_with_epsilon (set->o2_flow_l_min, 3.0, 1e-9);
  g_assert_cmpint (set->fio2_percent, ==, CRS_MISSING);
  g_assert_cmpint (set->hypotension, ==, CRS_TRI_UNSET);
  g_assert_cmpint (set->vasopressors, ==, 0);
  g_assert_cmpint (set->vasopressin, ==, CRS_TRI_UNSET);
  g_assert_cmpint (set->acvpu, ==, CRS_ACVPU_ALERT);
  g_assert_cmpint (set->arousal, ==, CRS_AROUSAL_NORMAL);
  g_assert_false (set->ice_items_recorded);
  g_assert_cmpint (set->ice_total, ==, 10);
  g_assert_cmpint (set->capd, ==, CRS_MISSING);
  g_assert_cmpint (set->seizure, ==, CRS_SEIZURE_NONE);
  g_assert_cmpint (set->motor_weakness, ==, CRS_TRI_UNSET);
  g_assert_cmpint (set->cerebral_edema, ==, CRS_EDEMA_NONE);
  g_assert_cmphex (set->symptoms, ==, CRS_SYMPTOM_BIT (CRS_SYMPTOM_FATIGUE) |
                                      CRS_SYMPTOM_BIT (CRS_SYMPTOM_RAPID_HEARTBEAT));
  g_assert_cmpstr (set->note, ==, "Rigors at 14:00");
  g_assert_cmpint (set->stored_crs_grade, ==, 2);
  g_assert_cmpint (set->stored_icans_grade, ==, 0);
  g_assert_cmpint (set->stored_news2, ==, 13);
  g_assert_cmpstr (set->stored_rules, ==, crs_grading_rules ());
  g_assert_true (set->stored_red_flag);
}

/* Return in a number moves on, as Tab does. */
static void
test_return_moves_on (Fixture       *fixture,
                      gconstpointer  data)
{
  open_dialog (fixture, NULL);
  assert_focus_in (fixture, "Temperature");
  form_test_type (fixture->dialog, "37.1");
  form_test_activate (fixture->dialog);
  assert_focus_in (fixture, "Pulse");
}

static void
test_impossible_value (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  GtkWidget *temperature;
  GtkRevealer *banner;

  open_dialog (fixture, NULL);
  temperature = row (fixture, "Temperature");

  type_in (fixture, "Temperature", "60");
  /* Marked at the field as typed, with the allowed range. */
  g_assert_cmpstr (subtitle_of (fixture, "Temperature"), ==, "Not possible: allowed 10.0–47.0 °C");
  g_assert_true (form_test_has_class (temperature, "crs-error"));
  g_assert_true (form_test_has_class (GTK_WIDGET (gtk_widget_get_ancestor (GTK_WIDGET (form_test_row_editable (temperature)), GTK_TYPE_ENTRY)), "error"));
  type_in (fixture, "Pulse", "80");
  type_in (fixture, "Respiratory rate", "abc");
  g_assert_cmpstr (subtitle_of (fixture, "Respiratory rate"), ==,
                   "Not a number: type only digits, with “.” for decimals");
  type_in (fixture, "Systolic pressure", "120");
  type_in (fixture, "Diastolic pressure", "130");
  g_assert_cmpstr (subtitle_of (fixture, "Diastolic pressure"), ==, "Not possible: above the systolic pressure");
  type_in (fixture, "SpO₂", "140");
  g_assert_cmpstr (subtitle_of (fixture, "SpO₂"), ==, "Not possible: allowed 0–100 %");
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "observation-impossible");

  /* Saving is refused, says why, and goes to the first bad field. */
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  banner = GTK_REVEALER (crs_test_find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_REVEALER, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  {
    g_autofree char *text = form_test_visible_text (GTK_WIDGET (banner));
    assert_contains (text, "Temperature");
  }
  assert_focus_in (fixture, "Temperature");
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 0);

  /* Corrected, it saves; what was typed elsewhere is still there. */
  form_test_type (fixture->dialog, "38.0");
  g_assert_false (form_test_has_class (temperature, "crs-error"));
  gtk_editable_set_text (form_test_row_editable (row (fixture, "Respiratory rate")), "18");
  gtk_editable_set_text (form_test_row_editable (row (fixture, "Diastolic pressure")), "70");
  gtk_editable_set_text (form_test_row_editable (row (fixture, "SpO₂")), "96");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->heart_rate, ==, 80);
}

static void
test_abnormal_value (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  GtkWidget *temperature;

  open_dialog (fixture, NULL);
  temperature = row (fixture, "Temperature");
  type_in (fixture, "Temperature", "39.5");
  /* Worth a look, not an error. */
  g_assert_false (form_test_has_class (temperature, "crs-error"));
  g_assert_true (form_test_has_class (temperature, "crs-warning"));
  g_assert_cmpstr (subtitle_of (fixture, "Temperature"), ==, "Scores 2 in NEWS2");
  type_in (fixture, "Pulse", "35");
  g_assert_cmpstr (subtitle_of (fixture, "Pulse"), ==, "Scores 3 in NEWS2");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (((CrsObservation *) g_ptr_array_index (sets, 0))->temperature_c, 39.5, 1e-9);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->heart_rate, ==, 35);
}

static void
test_escape_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  AdwMessageDialog *question;

  /* Nothing typed: Escape closes at once. */
  open_dialog (fixture, NULL);
  g_assert_true (form_test_press (fixture->dialog, GDK_KEY_Escape, 0));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  g_assert_null (form_test_find_message_dialog (NULL));

  /* Something typed: Escape asks first. */
  open_dialog (fixture, NULL);
  type_in (fixture, "Temperature", "38.3");
  g_assert_true (form_test_press (fixture->dialog, GDK_KEY_Escape, 0));
  question = form_test_find_message_dialog (fixture->dialog);
  g_assert_nonnull (question);
  crs_test_screenshot (GTK_WIDGET (question), "observation-discard-question");
  adw_message_dialog_response (question, "keep");
  gtk_window_close (GTK_WINDOW (question));   /* as its button does */
  CRS_TEST_WAIT_UNTIL (form_test_find_message_dialog (fixture->dialog) == NULL);
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Temperature"))), ==, "38.3");

  /* Closing the window asks too. */
  gtk_window_close (fixture->dialog);
  CRS_TEST_WAIT_UNTIL (form_test_find_message_dialog (fixture->dialog) != NULL);
  g_assert_nonnull (fixture->dialog);
  question = form_test_find_message_dialog (fixture->dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  g_assert_cmpuint (fixture->n_saved, ==, 0);
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 0);
}

static void
test_amend (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrsObservation) old = crs_observation_new ();
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  CrsObservation *first, *second;
  gboolean amend_audited = FALSE;
  GtkWidget *reason_row;

  old->patient_id = fixture->patient->id;
  old->taken_at = g_get_real_time () / G_USEC_PER_SEC - 3600;
  old->taken_at -= old->taken_at % 60;
  old->temperature_c = 38.5;
  old->heart_rate = 100;
  old->o2_device = CRS_O2_ROOM_AIR;
  old->motor_weakness = CRS_TRI_NO;
  old->symptoms = CRS_SYMPTOM_BIT (CRS_SYMPTOM_HEADACHE);
  old->stored_crs_grade = 1;
  old->stored_rules = g_strdup (crs_grading_rules ());
  g_assert_true (crs_store_add_observation (fixture->store, old, &error));
  g_assert_no_error (error);

  open_dialog (fixture, old);
  g_assert_cmpstr (gtk_window_get_title (fixture->dialog), ==, "Amend Observations");
  /* Filled with the old set; the reason comes first. */
  reason_row = row (fixture, "Reason for the change");
  assert_focus_in (fixture, "Reason for the change");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Temperature"))), ==, "38.5");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Pulse"))), ==, "100");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (fixture, "Oxygen device"))), ==, CRS_O2_ROOM_AIR);
  assert_contains (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row (fixture, "Mild symptoms"))),
                   crs_symptom_label (CRS_SYMPTOM_HEADACHE));

  gtk_widget_grab_focus (GTK_WIDGET (form_test_row_editable (row (fixture, "Pulse"))));
  form_test_type (fixture->dialog, "110");

  /* No reason, no amendment. */
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_true (form_test_has_class (reason_row, "error"));
  assert_focus_in (fixture, "Reason for the change");
  {
    g_autofree char *text = form_test_visible_text (GTK_WIDGET (fixture->dialog));
    assert_contains (text, "Say why the set is changed");
  }
  form_test_type (fixture->dialog, "Pulse was counted over 15 s");
  crs_test_wait_drawn (GTK_WIDGET (fixture->dialog));
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "observation-amend");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));

  /* The old version stays, superseded by the new one. */
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 2);
  first = g_ptr_array_index (sets, 0);
  second = g_ptr_array_index (sets, 1);
  if (first->id != old->id)
    {
      CrsObservation *t = first;
      first = second;
      second = t;
    }
  g_assert_cmpint (first->id, ==, old->id);
  g_assert_cmpint (first->heart_rate, ==, 100);
  g_assert_cmpint (first->superseded_by_id, ==, second->id);
  g_assert_cmpint (second->supersedes_id, ==, old->id);
  g_assert_cmpstr (second->amend_reason, ==, "Pulse was counted over 15 s");
  g_assert_cmpint (second->heart_rate, ==, 110);
  g_assert_cmpfloat_with_epsilon (second->temperature_c, 38.5, 1e-9);
  g_assert_cmpint (second->taken_at, ==, old->taken_at);
  g_assert_cmpint (second->o2_device, ==, CRS_O2_ROOM_AIR);
  /* A "no" a tick box cannot show is kept. */
  g_assert_cmpint (second->motor_weakness, ==, CRS_TRI_NO);
  g_assert_cmphex (second->symptoms, ==, CRS_SYMPTOM_BIT (CRS_SYMPTOM_HEADACHE));
  g_assert_cmpint (second->stored_crs_grade, ==, 1);

  audit = crs_store_list_audit (fixture->store, "observation", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      CrsAuditEntry *entry = g_ptr_array_index (audit, i);
      if (g_strcmp0 (entry->action, "amend") == 0)
        {
          amend_audited = TRUE;
          assert_contains (entry->after, "Pulse was counted over 15 s");
        }
    }
  g_assert_true (amend_audited);
}

static void
test_partial_set (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  CrsObservation *set;

  open_dialog (fixture, NULL);
  type_in (fixture, "Temperature", NULL);
  type_in (fixture, "Pulse", "80");
  type_in (fixture, "Respiratory rate", NULL);
  type_in (fixture, "Systolic pressure", NULL);
  type_in (fixture, "Diastolic pressure", NULL);
  type_in (fixture, "SpO₂", "97");
  /* The grade says what it is missing. */
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "temperature not recorded");
  assert_contains (crs_grade_panel_get_news2_text (panel (fixture)), "not recorded");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  set = g_ptr_array_index (sets, 0);
  g_assert_cmpint (set->heart_rate, ==, 80);
  g_assert_cmpint (set->spo2, ==, 97);
  /* Empty is "not recorded", never 0. */
  g_assert_true (isnan (set->temperature_c));
  g_assert_cmpint (set->resp_rate, ==, CRS_MISSING);
  g_assert_cmpint (set->systolic, ==, CRS_MISSING);
  g_assert_cmpint (set->diastolic, ==, CRS_MISSING);
  g_assert_cmpint (set->o2_device, ==, CRS_O2_UNSET);
  g_assert_true (isnan (set->o2_flow_l_min));
  g_assert_cmpint (set->fio2_percent, ==, CRS_MISSING);
  g_assert_cmpint (set->vasopressors, ==, CRS_MISSING);
  g_assert_cmpint (set->acvpu, ==, CRS_ACVPU_UNSET);
  g_assert_cmpint (set->arousal, ==, CRS_AROUSAL_UNSET);
  g_assert_cmpint (set->ice_total, ==, CRS_MISSING);
  g_assert_cmpint (set->capd, ==, CRS_MISSING);
  g_assert_cmpint (set->seizure, ==, CRS_SEIZURE_UNSET);
  g_assert_cmpint (set->cerebral_edema, ==, CRS_EDEMA_UNSET);
  g_assert_cmphex (set->symptoms, ==, 0);
  g_assert_null (set->note);
  g_assert_cmpint (set->stored_crs_grade, ==, CRS_MISSING);
  g_assert_cmpint (set->stored_news2, ==, CRS_MISSING);
  g_assert_false (set->stored_red_flag);
}

static void
test_empty_set_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;

  open_dialog (fixture, NULL);
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  {
    g_autofree char *text = form_test_visible_text (GTK_WIDGET (fixture->dialog));
    assert_contains (text, "nothing was entered");
  }
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 0);
}

static void
test_fahrenheit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autoptr(GPtrArray) sets = NULL;
  g_autofree char *text = NULL;

  g_settings_set_enum (settings, "temperature-unit", 1);
  open_dialog (fixture, NULL);
  text = form_test_visible_text (row (fixture, "Temperature"));
  assert_contains (text, "°F");

  type_in (fixture, "Temperature", "120");
  g_assert_cmpstr (subtitle_of (fixture, "Temperature"), ==, "Not possible: allowed 50.0–116.6 °F");
  gtk_widget_grab_focus (GTK_WIDGET (form_test_row_editable (row (fixture, "Temperature"))));
  form_test_type (fixture->dialog, "102.2");
  /* The reasons in the unit the nurse reads, as the field. */
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "fever 102.2 °F");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (((CrsObservation *) g_ptr_array_index (sets, 0))->temperature_c, 39.0, 1e-9);
  g_settings_reset (settings, "temperature-unit");
}

static void
test_decimal_comma (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;

  open_dialog (fixture, NULL);
  type_in (fixture, "Temperature", "38,4");
  g_assert_false (form_test_has_class (row (fixture, "Temperature"), "crs-error"));
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpfloat_with_epsilon (((CrsObservation *) g_ptr_array_index (sets, 0))->temperature_c, 38.4, 1e-9);
}

/* Another workstation holds the database: the error is shown in the form
 * and nothing typed is lost; once free, the same form saves. */
static void
test_busy_database (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  sqlite3 *other = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  crs_store_set_busy_timeout (fixture->store, 50);

  open_dialog (fixture, NULL);
  type_in (fixture, "Temperature", "38.1");
  type_in (fixture, "Pulse", "90");
  g_assert_true (press_save (fixture));
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  text = form_test_visible_text (GTK_WIDGET (fixture->dialog));
  assert_contains (text, "busy");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Temperature"))), ==, "38.1");
  g_assert_cmpstr (gtk_editable_get_text (form_test_row_editable (row (fixture, "Pulse"))), ==, "90");
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "observation-busy");

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->heart_rate, ==, 90);
}

/* A child below the ward's age cut-off is assessed with CAPD; ICE can
 * still be added. */
static void
test_child_capd (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  GtkWidget *other;

  open_dialog (fixture, NULL);
  g_assert_true (gtk_widget_get_visible (row (fixture, "CAPD score")));
  g_assert_false (gtk_widget_get_visible (row (fixture, "ICE score")));
  other = row (fixture, "Record an ICE Score Too");
  g_assert_true (gtk_widget_get_visible (other));

  gtk_widget_grab_focus (GTK_WIDGET (form_test_row_editable (row (fixture, "CAPD score"))));
  form_test_type (fixture->dialog, "10");
  /* CAPD 10 with no level of consciousness yet: at least grade 3. */
  assert_contains (crs_grade_panel_get_icans_text (panel (fixture)), "At least grade 3: CAPD 10");

  g_signal_emit_by_name (other, "activated");
  CRS_TEST_WAIT_UNTIL (form_test_has_focus_in (fixture->dialog, row (fixture, "ICE score")));
  g_assert_true (gtk_widget_get_visible (row (fixture, "ICE score")));
  assert_focus_in (fixture, "ICE score");
  form_test_type (fixture->dialog, "8");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->capd, ==, 10);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->ice_total, ==, 8);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->stored_icans_grade, ==, 3);
}

static void
test_ice_items (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  GtkWidget *items;
  CrsObservation *set;

  open_dialog (fixture, NULL);
  items = row (fixture, "ICE item by item");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (items), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (items), TRUE);
  CRS_TEST_WAIT_UNTIL (!gtk_widget_get_sensitive (row (fixture, "ICE score")));
  g_assert_false (gtk_widget_get_sensitive (row (fixture, "ICE score")));
  for (int i = 0; i < 7; i++)
    {
      GtkWidget *item = row (fixture, crs_ice_item_label ((CrsIceItem) i));
      gtk_widget_grab_focus (item);
      g_signal_emit_by_name (item, "activate");
    }
  CRS_TEST_WAIT_UNTIL (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (items)),
                                  "7 of 10 answered correctly") == 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (items)), ==, "7 of 10 answered correctly");
  gtk_widget_grab_focus (row (fixture, "Arousal (ICANS)"));
  choose_in (fixture, "Arousal (ICANS)", CRS_AROUSAL_NORMAL);
  assert_contains (crs_grade_panel_get_icans_text (panel (fixture)), "Grade 1");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  set = g_ptr_array_index (sets, 0);
  g_assert_true (set->ice_items_recorded);
  g_assert_cmpint (crs_observation_get_ice_score (set), ==, 7);
  g_assert_cmphex (set->ice_items, ==, 0x7f);
  g_assert_cmpint (set->stored_icans_grade, ==, 1);
}

/* A child (6 years: the 5-12 years PEWS chart, shared/clinical/pews.md
 * §3.3) typed by keyboard in the chart's order: the rows NEWS2 does not
 * score appear, each vital sign says its PEWS score, the panel shows PEWS
 * and its level as typed, and every field is saved. */
static void
test_child_pews (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;
  CrsObservation *set;
  const char *distress = "Respiratory distress (5–12 years chart)";

  open_dialog (fixture, NULL);
  g_assert_true (gtk_widget_is_visible (row (fixture, distress)));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Capillary refill")));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Carer question")));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Sepsis")));

  type_in (fixture, "Temperature", "37.2");
  type_in (fixture, "Pulse", "150");
  g_assert_cmpstr (subtitle_of (fixture, "Pulse"), ==, "Scores 2 in PEWS");
  type_in (fixture, "Respiratory rate", "42");
  g_assert_cmpstr (subtitle_of (fixture, "Respiratory rate"), ==, "Scores 2 in PEWS");
  /* The choices name the signs of the child's chart. */
  {
    GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row (fixture, distress)));
    g_autoptr(GtkStringObject) mild = g_list_model_get_item (choices, CRS_RESP_DISTRESS_MILD);

    g_assert_cmpstr (gtk_string_object_get_string (mild), ==, "Mild: Accessory muscle use");
  }
  choose_in (fixture, distress, CRS_RESP_DISTRESS_MILD);
  type_in (fixture, "Systolic pressure", "100");
  type_in (fixture, "Diastolic pressure", "60");
  type_in (fixture, "SpO₂", "93");
  choose_in (fixture, "Oxygen device", CRS_O2_NASAL_CANNULA);
  type_in (fixture, "Oxygen given", "35");
  g_assert_cmpstr (subtitle_of (fixture, "Oxygen given"), ==, "Scores 2 in PEWS");
  crs_test_wait_drawn (GTK_WIDGET (fixture->dialog));
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "child-form-pews-vitals");
  type_in (fixture, "Oxygen flow", NULL);
  type_in (fixture, "FiO₂", NULL);
  /* RR 42 (2) + mild (1) + SpO2 93 (1) + 35 % (2) + HR 150 (2) + SBP
   * 100 (0) = at least 8 while the capillary refill is missing. */
  g_assert_cmpstr (crs_grade_panel_get_early_warning_badge (panel (fixture)), ==, "PEWS\n≥ 8\nat least medium");
  assert_contains (crs_grade_panel_get_news2_text (panel (fixture)), "not recorded: capillary refill time");
  g_assert_null (crs_grade_panel_get_red_flags_text (panel (fixture)));
  type_in (fixture, "Blood pressure not taken", NULL);
  type_in (fixture, "Capillary refill", "3");
  g_assert_cmpstr (subtitle_of (fixture, "Capillary refill"), ==, "Scores 2 in PEWS");
  /* + CRT 3 s (2) = 10: high, a red flag. */
  g_assert_cmpstr (crs_grade_panel_get_early_warning_badge (panel (fixture)), ==, "PEWS\n10\nhigh");
  assert_contains (crs_grade_panel_get_news2_text (panel (fixture)), "PEWS 10 (high): respiratory rate 42/min (2)");
  assert_contains (crs_grade_panel_get_red_flags_text (panel (fixture)), "PEWS 10 (high)");
  type_in (fixture, "Hypotensive", NULL);
  type_in (fixture, "Vasopressors running", "0");
  type_in (fixture, "Vasopressin running", NULL);
  choose_in (fixture, "Consciousness (ACVPU)", CRS_ACVPU_ALERT);
  choose_in (fixture, "Arousal (ICANS)", CRS_AROUSAL_NORMAL);
  type_in (fixture, "CAPD score", "0");
  assert_focus_in (fixture, "Record an ICE Score Too");
  form_test_tab (fixture->dialog, FALSE);
  choose_in (fixture, "Seizure", CRS_SEIZURE_NONE);
  type_in (fixture, "Deep focal motor weakness", NULL);
  choose_in (fixture, "Cerebral oedema", CRS_EDEMA_NONE);
  /* The concerns come after neurology, as on the chart. */
  choose_in (fixture, "Carer question", CRS_CARER_WORSE);
  assert_focus_in (fixture, "Clinical intuition: concerned");
  g_signal_emit_by_name (row (fixture, "Clinical intuition: concerned"), "activate");
  crs_test_flush ();
  form_test_tab (fixture->dialog, FALSE);
  choose_in (fixture, "Sepsis", CRS_SEPSIS_SHOCK);
  assert_focus_in (fixture, "Mild symptoms");
  assert_contains (crs_grade_panel_get_news2_text (panel (fixture)), "new suspicion of septic shock");
  /* No adult NEWS2 anywhere on the child's form. */
  {
    g_autofree char *text = form_test_visible_text (GTK_WIDGET (fixture->dialog));
    g_assert_null (strstr (text, "in NEWS2"));
  }
  crs_test_wait_drawn (GTK_WIDGET (fixture->dialog));
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "child-form-pews");

  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
  set = g_ptr_array_index (sets, 0);
  g_assert_cmpint (set->heart_rate, ==, 150);
  g_assert_cmpint (set->resp_rate, ==, 42);
  g_assert_cmpint (set->resp_distress, ==, CRS_RESP_DISTRESS_MILD);
  g_assert_cmpint (set->spo2, ==, 93);
  g_assert_cmpint (set->o2_device, ==, CRS_O2_NASAL_CANNULA);
  g_assert_cmpfloat (set->o2_percent, ==, 35);
  g_assert_true (isnan (set->o2_flow_l_min));
  g_assert_cmpint (set->bp_skip, ==, CRS_BP_SKIP_UNSET);
  g_assert_cmpfloat (set->crt_s, ==, 3);
  g_assert_cmpint (set->capd, ==, 0);
  g_assert_cmpint (set->carer, ==, CRS_CARER_WORSE);
  g_assert_cmpint (set->intuition, ==, CRS_TRI_YES);
  g_assert_cmpint (set->sepsis, ==, CRS_SEPSIS_SHOCK);
  g_assert_cmpint (set->pews_band, ==, CRS_PEWS_BAND_UNSET);
  /* Stored as graded: PEWS 10, high; no NEWS2; a red flag. */
  g_assert_cmpint (set->stored_pews, ==, 10);
  g_assert_cmpint (set->stored_pews_level, ==, CRS_PEWS_LEVEL_HIGH);
  g_assert_cmpint (set->stored_news2, ==, CRS_MISSING);
  g_assert_true (set->stored_red_flag);
}

/* A child's blood pressure not taken: the chart's code scores it (U4 is
 * 4), and Return saves nothing wrongly: the code is saved. */
static void
test_child_bp_skip (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = NULL;

  open_dialog (fixture, NULL);
  gtk_widget_grab_focus (row (fixture, "Blood pressure not taken"));
  choose_in (fixture, "Blood pressure not taken", CRS_BP_SKIP_U4);
  assert_contains (crs_grade_panel_get_news2_text (panel (fixture)), "blood pressure U4 (4)");
  g_assert_cmpstr (crs_grade_panel_get_early_warning_badge (panel (fixture)), ==, "PEWS\n≥ 4\nat least low");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->bp_skip, ==, CRS_BP_SKIP_U4);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->stored_pews, ==, CRS_MISSING);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->stored_pews_level, ==, CRS_PEWS_LEVEL_LOW);
}

/* The live grade reads the patient's history: after an antipyretic given
 * since CRS onset, fever is no longer needed for a grade. */
static void
test_history_masks_fever (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(CrsObservation) onset = crs_observation_new ();
  g_autoptr(CrsIntervention) antipyretic = crs_intervention_new ();
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  infusion->patient_id = fixture->patient->id;
  infusion->therapy_name = g_strdup ("Test therapy");
  infusion->start_at = now - 2 * 86400;
  g_assert_true (crs_store_add_infusion (fixture->store, infusion, &error));
  onset->patient_id = fixture->patient->id;
  onset->taken_at = now - 86400;
  onset->temperature_c = 38.6;
  onset->stored_crs_grade = 1;
  onset->stored_rules = g_strdup (crs_grading_rules ());
  g_assert_true (crs_store_add_observation (fixture->store, onset, &error));
  antipyretic->patient_id = fixture->patient->id;
  antipyretic->kind = CRS_INTERVENTION_ANTIPYRETIC;
  antipyretic->at = now - 80000;
  g_assert_true (crs_store_add_intervention (fixture->store, antipyretic, &error));
  g_assert_no_error (error);

  open_dialog (fixture, NULL);
  type_in (fixture, "Temperature", "37.0");
  type_in (fixture, "Pulse", "100");
  type_in (fixture, "Respiratory rate", "18");
  type_in (fixture, "Systolic pressure", "84");
  /* Without oxygen recorded the grade is only a lower bound. */
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "At least grade 2");
  type_in (fixture, "Diastolic pressure", NULL);
  type_in (fixture, "SpO₂", NULL);
  choose_in (fixture, "Oxygen device", CRS_O2_ROOM_AIR);
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "Grade 2");
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "fever is masked by antipyretic at");
}

/* The grade follows the ward's policy: here hypotension is a systolic
 * below 100 mmHg instead of the default 90. */
static void
test_ward_policy (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  CrsWardPolicy policy;

  crs_store_load_policy (fixture->store, &policy);
  policy.hypotension_systolic_below = 100;
  g_assert_true (crs_store_save_policy (fixture->store, &policy, &error));
  g_assert_no_error (error);

  open_dialog (fixture, NULL);
  type_in (fixture, "Temperature", "38.5");
  type_in (fixture, "Pulse", "90");
  type_in (fixture, "Respiratory rate", "16");
  type_in (fixture, "Systolic pressure", "95");
  type_in (fixture, "Diastolic pressure", NULL);
  type_in (fixture, "SpO₂", NULL);
  choose_in (fixture, "Oxygen device", CRS_O2_ROOM_AIR);
  assert_contains (crs_grade_panel_get_crs_text (panel (fixture)), "Grade 2");
  g_assert_true (press_save (fixture));
  g_assert_true (form_test_wait_closed (&fixture->dialog));
  sets = stored_sets (fixture, TRUE);
  g_assert_cmpint (((CrsObservation *) g_ptr_array_index (sets, 0))->stored_crs_grade, ==, 2);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  open_dialog (fixture, NULL);
  gtk_window_set_default_size (fixture->dialog, 360, 720);
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (fixture->dialog)) <= 360);
  type_in (fixture, "Temperature", "39.4");
  type_in (fixture, "Pulse", "125");
  type_in (fixture, "Respiratory rate", "400");
  crs_test_wait_drawn (GTK_WIDGET (fixture->dialog));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->dialog)), <=, 360);
  crs_test_screenshot (GTK_WIDGET (fixture->dialog), "observation-360");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *child_birth = NULL;
  g_autoptr(GDateTime) now = NULL;

  /* Keep the system MIME database (GTK needs it to load SVG icons) while
   * every other XDG dir is isolated per test. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  form_test_init ();

  now = g_date_time_new_now_local ();
  child_birth = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now) - 6);

#define ADD(path, func, birth) \
  g_test_add ("/observation-dialog/" path, Fixture, birth, fixture_set_up, func, fixture_tear_down)
  ADD ("keyboard-full-set", test_keyboard_full_set, NULL);
  ADD ("return-moves-on", test_return_moves_on, NULL);
  ADD ("impossible-value", test_impossible_value, NULL);
  ADD ("abnormal-value", test_abnormal_value, NULL);
  ADD ("escape-asks", test_escape_asks, NULL);
  ADD ("amend", test_amend, NULL);
  ADD ("partial-set", test_partial_set, NULL);
  ADD ("empty-set-refused", test_empty_set_refused, NULL);
  ADD ("fahrenheit", test_fahrenheit, NULL);
  ADD ("decimal-comma", test_decimal_comma, NULL);
  ADD ("busy-database", test_busy_database, NULL);
  ADD ("child-capd", test_child_capd, child_birth);
  ADD ("child-pews", test_child_pews, child_birth);
  ADD ("child-bp-skip", test_child_bp_skip, child_birth);
  ADD ("ice-items", test_ice_items, NULL);
  ADD ("history-masks-fever", test_history_masks_fever, NULL);
  ADD ("ward-policy", test_ward_policy, NULL);
  ADD ("narrow", test_narrow, NULL);
#undef ADD

  return g_test_run ();
}
