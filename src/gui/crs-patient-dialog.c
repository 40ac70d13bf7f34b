/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-dialog.c: the form to add or edit a patient.
 *
 * The MRN must be unique on the ward: a duplicate is shown at the field as
 * it is typed, and the store's own refusal is shown there too. The date of
 * birth is read as the locale writes dates (or YYYY-MM-DD) and shown back
 * in words, so that 03/04 cannot be misread unnoticed. */
#define G_LOG_DOMAIN "crs-patient-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crs-check-row.h"
#include "crs-form.h"
#include "crs-number-row.h"
#include "crs-patient-dialog.h"

struct _CrsPatientDialog
{
  CrsFormWindow parent_instance;

  CrsStore   *store;
  CrsPatient *patient;       /* the patient edited, NULL for a new one */
  gboolean    loading;
  char       *birth_date;    /* YYYY-MM-DD as understood, NULL when empty */
  gboolean    birth_bad;
  gboolean    mrn_taken;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *mrn_row;
  GtkWidget      *mrn_message_row;
  GtkLabel       *mrn_message;
  AdwEntryRow    *name_row;
  AdwEntryRow    *birth_row;
  GtkWidget      *birth_message_row;
  GtkLabel       *birth_message;
  AdwComboRow    *sex_row;
  CrsNumberRow   *weight_row;
  AdwEntryRow    *bed_row;
  AdwEntryRow    *diagnosis_row;
  AdwComboRow    *spo2_scale_row;
  CrsCheckRow    *capd_row;
  CrsCheckRow    *burden_row;
  CrsCheckRow    *comorbidity_row;
  CrsCheckRow    *prior_crs_row;
  AdwEntryRow    *risk_notes_row;
};

G_DEFINE_FINAL_TYPE (CrsPatientDialog, crs_patient_dialog, CRS_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *sex_label (int v) { return crs_sex_label ((CrsSex) v); }

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Shows under the date of birth what was understood, or what is wrong. */
static void
check_birth_date (CrsPatientDialog *self)
{
  g_autofree char *text = crs_form_dup_text (GTK_EDITABLE (self->birth_row));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date, today;
  char words[128];
  int age;

  g_clear_pointer (&self->birth_date, g_free);
  self->birth_bad = FALSE;
  if (text == NULL)
    {
      crs_form_mark_entry_row (self->birth_row, self->birth_message_row, self->birth_message, NULL);
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!g_date_valid (&date))
    {
      self->birth_bad = TRUE;
      crs_form_mark_entry_row (self->birth_row, self->birth_message_row, self->birth_message,
                               _("Not a date: type it as on a form, or as YYYY-MM-DD"));
      return;
    }
  if (g_date_compare (&date, &today) > 0)
    {
      self->birth_bad = TRUE;
      crs_form_mark_entry_row (self->birth_row, self->birth_message_row, self->birth_message,
                               _("Not possible: this date is in the future"));
      return;
    }

  self->birth_date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                      g_date_get_month (&date), g_date_get_day (&date));
  age = g_date_get_year (&today) - g_date_get_year (&date);
  if (g_date_get_month (&today) < g_date_get_month (&date) ||
      (g_date_get_month (&today) == g_date_get_month (&date) &&
       g_date_get_day (&today) < g_date_get_day (&date)))
    age--;
  /* The month in words makes a day-month mix-up visible. */
  g_date_strftime (words, sizeof words, "%e %B %Y", &date);
  {
    g_autofree char *message =
      /* TRANSLATORS: the date of birth as understood, and the age, e.g. "Born 12 March 1980, 45 years old" */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Born %s, %d year old", "Born %s, %d years old", age),
                       g_strstrip (words), age);
    crs_form_note_entry_row (self->birth_row, self->birth_message_row, self->birth_message, message);
  }
}

/* A duplicate MRN is shown as it is typed. */
static void
check_mrn (CrsPatientDialog *self)
{
  g_autofree char *mrn = crs_form_dup_text (GTK_EDITABLE (self->mrn_row));
  g_autoptr(CrsPatient) other = NULL;

  self->mrn_taken = FALSE;
  if (mrn != NULL)
    other = crs_store_find_patient_by_mrn (self->store, mrn, NULL);
  if (other != NULL && (self->patient == NULL || other->id != self->patient->id))
    {
      self->mrn_taken = TRUE;
      crs_form_mark_entry_row (self->mrn_row, self->mrn_message_row, self->mrn_message,
                               other->archived
                               ? _("An archived patient already has this MRN: each MRN is used once on a ward")
                               : _("Another patient already has this MRN: each MRN is used once on a ward"));
      return;
    }
  crs_form_mark_entry_row (self->mrn_row, self->mrn_message_row, self->mrn_message, NULL);
}

static void
show_scale_caution (CrsPatientDialog *self)
{
  /* RCP NEWS2 (2017 chart; grading.md): "ONLY use Scale 2 under the
   * direction of a qualified clinician". */
  if (adw_combo_row_get_selected (self->spo2_scale_row) == 1)
    gtk_widget_add_css_class (GTK_WIDGET (self->spo2_scale_row), "crs-warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->spo2_scale_row), "crs-warning");
}

static void
field_changed_cb (CrsPatientDialog *self)
{
  if (self->loading)
    return;
  crs_form_window_changed (CRS_FORM_WINDOW (self));
  check_mrn (self);
  check_birth_date (self);
  show_scale_caution (self);
}

static gboolean
crs_patient_dialog_save (CrsFormWindow *window)
{
  CrsPatientDialog *self = CRS_PATIENT_DIALOG (window);
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mrn = crs_form_dup_text (GTK_EDITABLE (self->mrn_row));
  gboolean ok;

  check_mrn (self);
  check_birth_date (self);

  if (mrn == NULL)
    {
      crs_form_mark_entry_row (self->mrn_row, self->mrn_message_row, self->mrn_message,
                               _("Required: the patient’s medical record number"));
      return crs_form_window_refuse (window, GTK_WIDGET (self->mrn_row),
                                     _("Not saved: the MRN is missing."));
    }
  if (self->mrn_taken)
    return crs_form_window_refuse (window, GTK_WIDGET (self->mrn_row),
                                   _("Not saved: another patient already has this MRN."));
  if (self->birth_bad)
    return crs_form_window_refuse (window, GTK_WIDGET (self->birth_row),
                                   _("Not saved: correct the date of birth first."));
  if (!crs_form_window_check_number (window, self->weight_row))
    return FALSE;

  patient = self->patient != NULL ? crs_patient_copy (self->patient) : crs_patient_new ();
  g_free (patient->mrn);
  patient->mrn = g_steal_pointer (&mrn);
  g_free (patient->name);
  patient->name = crs_form_dup_text (GTK_EDITABLE (self->name_row));
  g_free (patient->birth_date);
  patient->birth_date = g_strdup (self->birth_date);
  patient->sex = adw_combo_row_get_selected (self->sex_row);
  patient->weight_kg = crs_number_row_get_value (self->weight_row);
  g_free (patient->bed);
  patient->bed = crs_form_dup_text (GTK_EDITABLE (self->bed_row));
  g_free (patient->diagnosis);
  patient->diagnosis = crs_form_dup_text (GTK_EDITABLE (self->diagnosis_row));
  patient->spo2_scale = adw_combo_row_get_selected (self->spo2_scale_row) == 1 ? 2 : 1;
  patient->use_capd = crs_check_row_get_active (self->capd_row);
  patient->high_disease_burden = crs_check_row_get_active (self->burden_row);
  patient->comorbidities = crs_check_row_get_active (self->comorbidity_row);
  patient->prior_crs = crs_check_row_get_active (self->prior_crs_row);
  g_free (patient->risk_notes);
  patient->risk_notes = crs_form_dup_text (GTK_EDITABLE (self->risk_notes_row));

  if (self->patient != NULL)
    ok = crs_store_update_patient (self->store, patient, &error);
  else
    ok = crs_store_add_patient (self->store, patient, &error);
  if (!ok)
    {
      /* A duplicate MRN (another workstation may have just used it)
       * belongs at the MRN. */
      gboolean at_mrn = g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT);

      if (at_mrn)
        crs_form_mark_entry_row (self->mrn_row, self->mrn_message_row, self->mrn_message, error->message);
      return crs_form_window_refuse (window, at_mrn ? GTK_WIDGET (self->mrn_row) : NULL, error->message);
    }

  g_signal_emit (self, signals[SAVED], 0, patient);
  return TRUE;
}

static void
crs_patient_dialog_dispose (GObject *object)
{
  CrsPatientDialog *self = CRS_PATIENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_PATIENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->patient);
  g_clear_pointer (&self->birth_date, g_free);

  G_OBJECT_CLASS (crs_patient_dialog_parent_class)->dispose (object);
}

static void
crs_patient_dialog_class_init (CrsPatientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CrsFormWindowClass *form_class = CRS_FORM_WINDOW_CLASS (klass);

  object_class->dispose = crs_patient_dialog_dispose;
  form_class->save = crs_patient_dialog_save;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRS_TYPE_PATIENT);

  g_type_ensure (CRS_TYPE_CHECK_ROW);
  g_type_ensure (CRS_TYPE_NUMBER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-patient-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, mrn_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, mrn_message_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, mrn_message);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, birth_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, birth_message_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, birth_message);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, weight_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, bed_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, diagnosis_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, spo2_scale_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, capd_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, burden_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, comorbidity_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, prior_crs_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientDialog, risk_notes_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
crs_patient_dialog_init (CrsPatientDialog *self)
{
  g_autoptr(GtkStringList) scales = NULL;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_form_window_set_banner (CRS_FORM_WINDOW (self), self->error_revealer, self->error_label);

  crs_form_fill_choices (self->sex_row, NULL, sex_label, CRS_SEX_N_VALUES);
  scales = gtk_string_list_new ((const char * const[]) {
    _("Scale 1"),
    _("Scale 2"),
    NULL });
  adw_combo_row_set_model (self->spo2_scale_row, G_LIST_MODEL (scales));
}

CrsPatientDialog *
crs_patient_dialog_new (GtkWindow  *parent,
                        CrsStore   *store,
                        CrsPatient *patient)
{
  CrsPatientDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (patient == NULL || CRS_IS_PATIENT (patient), NULL);

  self = g_object_new (CRS_TYPE_PATIENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (patient != NULL)
    {
      self->patient = crs_patient_copy (patient);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Patient"));
      adw_window_title_set_title (self->window_title, _("Edit Patient"));
      set_text (self->mrn_row, patient->mrn);
      set_text (self->name_row, patient->name);
      set_text (self->birth_row, patient->birth_date);
      adw_combo_row_set_selected (self->sex_row, patient->sex);
      crs_number_row_set_value (self->weight_row, patient->weight_kg);
      set_text (self->bed_row, patient->bed);
      set_text (self->diagnosis_row, patient->diagnosis);
      adw_combo_row_set_selected (self->spo2_scale_row, patient->spo2_scale == 2 ? 1 : 0);
      crs_check_row_set_active (self->capd_row, patient->use_capd);
      crs_check_row_set_active (self->burden_row, patient->high_disease_burden);
      crs_check_row_set_active (self->comorbidity_row, patient->comorbidities);
      crs_check_row_set_active (self->prior_crs_row, patient->prior_crs);
      set_text (self->risk_notes_row, patient->risk_notes);
      check_birth_date (self);
      show_scale_caution (self);
    }
  self->loading = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->mrn_row));
  return self;
}
