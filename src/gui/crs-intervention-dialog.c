/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-intervention-dialog.c: the form to record an intervention. An
 * antipyretic, anti-cytokine or corticosteroid recorded here masks fever
 * for the CRS grade of the sets that follow (crs-grading-context.c). */
#define G_LOG_DOMAIN "crs-intervention-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-form.h"
#include "crs-intervention-dialog.h"
#include "crs-time-row.h"

struct _CrsInterventionDialog
{
  CrsFormWindow parent_instance;

  CrsStore   *store;
  CrsPatient *patient;
  gboolean    loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwComboRow    *kind_row;
  AdwEntryRow    *drug_row;
  AdwEntryRow    *dose_row;
  CrsTimeRow     *time_row;
  AdwEntryRow    *note_row;
};

G_DEFINE_FINAL_TYPE (CrsInterventionDialog, crs_intervention_dialog, CRS_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kind_label (int v) { return crs_intervention_kind_label ((CrsInterventionKind) v); }

static void
field_changed_cb (CrsInterventionDialog *self)
{
  if (self->loading)
    return;
  crs_form_window_changed (CRS_FORM_WINDOW (self));
  crs_time_row_check_not_future (self->time_row);
  if (adw_combo_row_get_selected (self->kind_row) != CRS_INTERVENTION_UNSET)
    crs_form_mark_row (ADW_ACTION_ROW (self->kind_row), NULL, NULL, CRS_FORM_MARK_NONE, NULL);
}

static gboolean
crs_intervention_dialog_save (CrsFormWindow *window)
{
  CrsInterventionDialog *self = CRS_INTERVENTION_DIALOG (window);
  g_autoptr(CrsIntervention) intervention = crs_intervention_new ();
  g_autoptr(GError) error = NULL;

  if (adw_combo_row_get_selected (self->kind_row) == CRS_INTERVENTION_UNSET)
    {
      crs_form_mark_row (ADW_ACTION_ROW (self->kind_row), NULL, NULL, CRS_FORM_MARK_ERROR,
                         _("Required: choose what was done"));
      return crs_form_window_refuse (window, GTK_WIDGET (self->kind_row),
                                     _("Not saved: choose the kind of intervention."));
    }
  if (crs_time_row_check_not_future (self->time_row))
    return crs_form_window_refuse (window, GTK_WIDGET (self->time_row),
                                   _("Not saved: the time is in the future."));

  intervention->patient_id = self->patient->id;
  intervention->kind = adw_combo_row_get_selected (self->kind_row);
  intervention->drug = crs_form_dup_text (GTK_EDITABLE (self->drug_row));
  intervention->dose = crs_form_dup_text (GTK_EDITABLE (self->dose_row));
  intervention->at = crs_time_row_get_time (self->time_row);
  intervention->note = crs_form_dup_text (GTK_EDITABLE (self->note_row));

  if (!crs_store_add_intervention (self->store, intervention, &error))
    return crs_form_window_refuse (window, NULL, error->message);
  g_signal_emit (self, signals[SAVED], 0, intervention);
  return TRUE;
}

static void
crs_intervention_dialog_dispose (GObject *object)
{
  CrsInterventionDialog *self = CRS_INTERVENTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_INTERVENTION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->patient);

  G_OBJECT_CLASS (crs_intervention_dialog_parent_class)->dispose (object);
}

static void
crs_intervention_dialog_class_init (CrsInterventionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CrsFormWindowClass *form_class = CRS_FORM_WINDOW_CLASS (klass);

  object_class->dispose = crs_intervention_dialog_dispose;
  form_class->save = crs_intervention_dialog_save;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRS_TYPE_INTERVENTION);

  g_type_ensure (CRS_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-intervention-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, drug_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, dose_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInterventionDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
crs_intervention_dialog_init (CrsInterventionDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_form_window_set_banner (CRS_FORM_WINDOW (self), self->error_revealer, self->error_label);
  crs_form_fill_choices (self->kind_row, _("Choose…"), kind_label, CRS_INTERVENTION_N_VALUES);
}

CrsInterventionDialog *
crs_intervention_dialog_new (GtkWindow  *parent,
                             CrsStore   *store,
                             CrsPatient *patient)
{
  CrsInterventionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), NULL);

  self = g_object_new (CRS_TYPE_INTERVENTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->patient = g_object_ref (patient);
  crs_form_title_for_patient (self->window_title, patient);
  self->loading = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  return self;
}
