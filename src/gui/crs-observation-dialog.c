/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-observation-dialog.c: the observation form: the window, live
 * grading, saving and closing. The rows are filled and read in
 * crs-observation-dialog-fields.c.
 *
 * Grading uses the patient's stored history (crs-grading-history.h), so
 * fever masked by an earlier antipyretic is judged as it will be once the
 * set is saved. */
#define G_LOG_DOMAIN "crs-observation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-validate.h"
#include "store/crs-store-nurses.h"
#include "crs-form.h"
#include "crs-observation-dialog-private.h"

G_DEFINE_FINAL_TYPE (CrsObservationDialog, crs_observation_dialog, CRS_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
grade_now (CrsObservationDialog *self)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradingContext context;
  gboolean uses_capd;

  _crs_observation_dialog_read (self, observation);
  crs_grading_history_context (self->grading_history, observation->taken_at, &context);
  self->spo2_scale = context.spo2_scale;
  self->news2_used = crs_news2_applies_to_age (context.age_years, &self->policy);

  uses_capd = crs_grading_uses_capd (&context, &self->policy);
  if (uses_capd != self->uses_capd)
    {
      self->uses_capd = uses_capd;
      _crs_observation_dialog_show_tools (self);
    }

  grading = crs_grading_new (observation, &context, &self->policy);
  /* A child: the rows the PEWS charts score, for the child's chart. */
  self->pews_used = grading->pews_applies;
  if (grading->pews_applies)
    self->pews_score = grading->pews;
  _crs_observation_dialog_show_pews_rows (self, grading->pews_applies,
                                          grading->pews_applies ? grading->pews.band : CRS_PEWS_BAND_UNSET);
  crs_grade_panel_set_grading (self->grade_panel, grading);
  _crs_observation_dialog_show_scores (self, observation);
}

void
_crs_observation_dialog_changed (CrsObservationDialog *self)
{
  if (self->loading)
    return;
  crs_form_window_changed (CRS_FORM_WINDOW (self));
  _crs_observation_dialog_check_conflicts (self);
  _crs_observation_dialog_show_ticked (self);
  grade_now (self);
}

static void
field_changed_cb (CrsObservationDialog *self)
{
  _crs_observation_dialog_changed (self);
}

static void
reason_changed_cb (CrsObservationDialog *self)
{
  if (self->loading)
    return;
  crs_form_window_changed (CRS_FORM_WINDOW (self));
  crs_form_mark_entry_row (self->reason_row, self->reason_message_row, self->reason_message, NULL);
}

static void
ice_items_toggled_cb (CrsObservationDialog *self)
{
  gboolean by_items = adw_expander_row_get_enable_expansion (self->ice_items_row);

  /* The items replace the total: the total row shows their count. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->ice_total_row), !by_items);
  if (by_items)
    crs_number_row_set_text (self->ice_total_row, "");
  _crs_observation_dialog_changed (self);
}

static void
other_tool_activated_cb (CrsObservationDialog *self)
{
  CrsNumberRow *row = self->uses_capd ? self->ice_total_row : self->capd_row;

  self->other_tool = TRUE;
  _crs_observation_dialog_show_tools (self);
  gtk_widget_grab_focus (GTK_WIDGET (crs_number_row_get_editable (row)));
}

/* Puts the focus on @row's control and scrolls it into view. */
static void
focus_row (CrsObservationDialog *self,
           GtkWidget            *row)
{
  if (CRS_IS_NUMBER_ROW (row))
    gtk_widget_grab_focus (GTK_WIDGET (crs_number_row_get_editable (CRS_NUMBER_ROW (row))));
  else
    gtk_widget_grab_focus (row);
}

/* A save that failed only because the ward database could not be
 * reached just now: trying again later can work. */
static gboolean
is_unreachable (const GError *error)
{
  return g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE)
         || g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_BUSY);
}

/* Keeps @observation in a file of this workstation until it is saved,
 * and returns the sentence that tells the nurse whether it is. */
static char *
keep_draft (CrsObservationDialog *self,
            CrsObservation       *observation,
            const char           *reason)
{
  const char *ward_id = crs_store_get_ward_id (self->store);
  const CrsNurse *account = crs_store_get_account (self->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  /* Only a database from before ward ids, opened read-only: no save. */
  if (ward_id == NULL)
    return g_strdup ("");
  if (self->draft == NULL)
    self->draft = crs_set_draft_new (ward_id, self->patient, observation,
                                     account != NULL ? account->id : 0,
                                     self->amend != NULL ? self->amend->id : 0, reason);
  else
    {
      g_set_object (&self->draft->observation, observation);
      g_free (self->draft->reason);
      self->draft->reason = g_strdup (reason);
    }
  if (self->draft->path == NULL)
    dir = crs_set_draft_dir (&error);
  if ((self->draft->path == NULL && dir == NULL)
      || !crs_set_draft_keep (self->draft, dir, &error))
    return g_strdup_printf (_("It could not be kept on this workstation either (%s): "
                              "keep this form open."), error->message);
  return g_strdup (_("It is kept on this workstation until it is saved, "
                     "even if CRS Watch is closed."));
}

/* The kept copy is no longer needed: the set was saved or discarded. */
static void
drop_draft (CrsObservationDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->draft != NULL && !crs_set_draft_discard (self->draft, &error))
    g_warning ("A kept observation set stays: %s", error->message);
  g_clear_pointer (&self->draft, crs_set_draft_free);
}

static void
crs_observation_dialog_discarded (CrsFormWindow *window)
{
  drop_draft (CRS_OBSERVATION_DIALOG (window));
}

static gboolean
crs_observation_dialog_save (CrsFormWindow *window)
{
  CrsObservationDialog *self = CRS_OBSERVATION_DIALOG (window);
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsGrading) grading = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  CrsGradingContext context;
  const char *problem = NULL;
  GtkWidget *bad;
  gboolean ok;

  _crs_observation_dialog_check_conflicts (self);
  bad = _crs_observation_dialog_first_problem (self, &problem);
  if (bad != NULL)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: a field that stops saving, then what is wrong with it */
      message = g_strdup_printf (_("Not saved: correct %s first (%s)."),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bad)), problem);
      crs_form_window_refuse (window, NULL, message);
      focus_row (self, bad);
      return FALSE;
    }

  if (self->amend != NULL)
    {
      reason = crs_form_dup_text (GTK_EDITABLE (self->reason_row));
      if (reason == NULL)
        {
          crs_form_mark_entry_row (self->reason_row, self->reason_message_row, self->reason_message,
                                   _("Say why the set is changed: the record keeps the reason."));
          return crs_form_window_refuse (window, GTK_WIDGET (self->reason_row),
                                         _("Not saved: an amendment needs a reason."));
        }
    }

  _crs_observation_dialog_read (self, observation);
  if (crs_observation_is_empty (observation))
    {
      crs_form_window_refuse (window, NULL,
                              _("Not saved: nothing was entered. Type at least one observation."));
      focus_row (self, GTK_WIDGET (self->temperature_row));
      return FALSE;
    }

  observation->patient_id = self->patient->id;
  crs_grading_history_context (self->grading_history, observation->taken_at, &context);
  grading = crs_grading_new (observation, &context, &self->policy);
  crs_grading_stamp (grading, observation);

  if (self->amend != NULL)
    ok = crs_store_amend_observation (self->store, self->amend->id, observation, reason, &error);
  else
    ok = crs_store_add_observation (self->store, observation, &error);
  /* Everything typed stays in the form: the nurse can try again. */
  if (!ok && is_unreachable (error))
    {
      g_autofree char *kept = keep_draft (self, observation, reason);
      g_autofree char *message = g_strconcat (error->message, " ", kept, NULL);
      return crs_form_window_refuse (window, NULL, g_strstrip (message));
    }
  if (!ok)
    return crs_form_window_refuse (window, NULL, error->message);

  drop_draft (self);
  g_signal_emit (self, signals[SAVED], 0, observation);
  return TRUE;
}

static void
crs_observation_dialog_dispose (GObject *object)
{
  CrsObservationDialog *self = CRS_OBSERVATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_OBSERVATION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->patient);
  g_clear_object (&self->amend);
  /* Closed any other way (CRS Watch quit): the file stays. */
  g_clear_pointer (&self->draft, crs_set_draft_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_clear_pointer (&self->infusions, g_ptr_array_unref);
  g_clear_pointer (&self->grading_history, crs_grading_history_free);

  G_OBJECT_CLASS (crs_observation_dialog_parent_class)->dispose (object);
}

static void
crs_observation_dialog_class_init (CrsObservationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CrsFormWindowClass *form_class = CRS_FORM_WINDOW_CLASS (klass);

  object_class->dispose = crs_observation_dialog_dispose;
  form_class->save = crs_observation_dialog_save;
  form_class->discarded = crs_observation_dialog_discarded;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRS_TYPE_OBSERVATION);

  /* The row types the template names. */
  g_type_ensure (CRS_TYPE_CHECK_ROW);
  g_type_ensure (CRS_TYPE_GRADE_PANEL);
  g_type_ensure (CRS_TYPE_NUMBER_ROW);
  g_type_ensure (CRS_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-observation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, grade_panel);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, amend_group);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, reason_message_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, reason_message);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, temperature_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, pulse_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, resp_rate_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, resp_distress_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, systolic_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, diastolic_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, spo2_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, o2_device_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, o2_percent_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, o2_flow_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, fio2_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, bp_skip_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, crt_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, hypotension_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, vasopressors_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, vasopressin_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, acvpu_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, arousal_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, ice_total_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, ice_items_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, capd_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, other_tool_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, seizure_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, motor_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, edema_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, concerns_group);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, carer_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, intuition_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, sepsis_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, mild_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, serious_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, CrsObservationDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ice_items_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, other_tool_activated_cb);
}

static void
crs_observation_dialog_init (CrsObservationDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_form_window_set_banner (CRS_FORM_WINDOW (self), self->error_revealer, self->error_label);
  _crs_observation_dialog_build_rows (self);
  crs_ward_policy_init (&self->policy);
  self->spo2_scale = 1;
  self->news2_used = TRUE;
  self->settings = g_settings_new (APP_ID_BASE);
}

/* The patient's other sets, treatments and infusions, for the grading
 * context. A failure to read them is shown: the grade may then miss a
 * masked fever. */
static void
load_history (CrsObservationDialog *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = crs_store_list_observations (self->store, self->patient->id, 0, 0, FALSE, &error);
  if (all != NULL)
    self->interventions = crs_store_list_interventions (self->store, self->patient->id, &error);
  if (self->interventions != NULL)
    self->infusions = crs_store_list_infusions (self->store, self->patient->id, &error);

  self->history = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      CrsObservation *observation = g_ptr_array_index (all, i);
      if (self->amend == NULL || observation->id != self->amend->id)
        g_ptr_array_add (self->history, g_object_ref (observation));
    }
  if (self->interventions == NULL)
    self->interventions = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->infusions == NULL)
    self->infusions = g_ptr_array_new_with_free_func (g_object_unref);
  self->grading_history = crs_grading_history_new (self->patient, self->history, self->interventions,
                                                   self->infusions);

  if (error != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The patient’s earlier records could not be read, so the grade "
                           "shown may miss a fever masked by treatment: %s"), error->message);
      crs_form_window_show_message (CRS_FORM_WINDOW (self), message);
    }
}

static void
set_temperature_unit (CrsObservationDialog *self)
{
  if (self->policy.temperature_unit == CRS_TEMPERATURE_FAHRENHEIT)
    crs_number_row_set_conversion (self->temperature_row, "°F",
                                   crs_fahrenheit_to_celsius, crs_celsius_to_fahrenheit);
  else
    crs_number_row_set_conversion (self->temperature_row, NULL, NULL, NULL);
}

/* The form for a new set, or one amending @amend, filled with @draft's
 * set when it is given (taken): every row is written before the form is
 * graded and shown once. */
static CrsObservationDialog *
observation_dialog_new (GtkWindow      *parent,
                        CrsStore       *store,
                        CrsPatient     *patient,
                        CrsObservation *amend,
                        CrsSetDraft    *draft)
{
  CrsObservationDialog *self;
  CrsGradingContext context;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), NULL);
  g_return_val_if_fail (amend == NULL || CRS_IS_OBSERVATION (amend), NULL);

  self = g_object_new (CRS_TYPE_OBSERVATION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->patient = g_object_ref (patient);
  self->amend = amend != NULL ? g_object_ref (amend) : NULL;
  /* The ward's policy; a value that cannot be read falls back to its
   * documented default (crs-ward-policy.h). */
  crs_store_load_policy (self->store, &self->policy);
  /* Not the ward's: this user's unit, for the reasons the form shows. */
  self->policy.temperature_unit = g_settings_get_enum (self->settings, "temperature-unit");

  crs_form_title_for_patient (self->window_title, self->patient);
  set_temperature_unit (self);
  load_history (self);

  /* The tool this patient is assessed with, before any row is filled. */
  crs_grading_history_context (self->grading_history,
                               self->amend != NULL ? self->amend->taken_at
                                                   : g_get_real_time () / G_USEC_PER_SEC,
                               &context);
  self->uses_capd = crs_grading_uses_capd (&context, &self->policy);

  if (self->amend != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Amend Observations"));
      adw_window_title_set_title (self->window_title, _("Amend Observations"));
      gtk_widget_set_visible (GTK_WIDGET (self->amend_group), TRUE);
      _crs_observation_dialog_write (self, self->amend);
    }
  if (draft != NULL)
    {
      self->draft = draft;
      _crs_observation_dialog_write (self, draft->observation);
      if (self->amend != NULL && draft->reason != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->reason_row), draft->reason);
    }

  _crs_observation_dialog_show_tools (self);
  _crs_observation_dialog_check_conflicts (self);
  _crs_observation_dialog_show_ticked (self);
  grade_now (self);
  self->loading = FALSE;

  /* Vitals first, as on the paper chart; the reason first when amending. */
  if (self->amend != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->reason_row));
  else
    gtk_window_set_focus (GTK_WINDOW (self),
                          GTK_WIDGET (crs_number_row_get_editable (self->temperature_row)));
  return self;
}

CrsObservationDialog *
crs_observation_dialog_new (GtkWindow      *parent,
                            CrsStore       *store,
                            CrsPatient     *patient,
                            CrsObservation *amend)
{
  return observation_dialog_new (parent, store, patient, amend, NULL);
}

CrsObservationDialog *
crs_observation_dialog_new_from_draft (GtkWindow      *parent,
                                       CrsStore       *store,
                                       CrsPatient     *patient,
                                       CrsObservation *amend,
                                       CrsSetDraft    *draft)
{
  CrsObservationDialog *self;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  self = observation_dialog_new (parent, store, patient, amend, draft);
  /* Not saved: closing asks first, as after typing. */
  crs_form_window_set_dirty (CRS_FORM_WINDOW (self), TRUE);

  when = crs_form_format_time (draft->kept_at);
  /* TRANSLATORS: %s is when the set was kept, e.g. "Today 14:05" */
  message = g_strdup_printf (_("Not saved yet: this set was kept on this workstation (%s) "
                               "because the ward database could not be reached. "
                               "Check it, then save it."), when);
  crs_form_window_show_message (CRS_FORM_WINDOW (self), message);
  return self;
}
