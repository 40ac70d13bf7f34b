/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-lab-result-dialog.c: the form to record a blood test result.
 *
 * Choosing a test fills its LOINC code and usual unit (crs-lab-test.c,
 * with their sources); both stay editable, because laboratories report
 * some tests under a method-specific code or in other units. */
#define G_LOG_DOMAIN "crs-lab-result-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-lab-test.h"
#include "crs-form.h"
#include "crs-lab-result-dialog.h"
#include "crs-number-row.h"
#include "crs-time-row.h"

struct _CrsLabResultDialog
{
  CrsFormWindow parent_instance;

  CrsStore         *store;
  CrsPatient       *patient;
  gboolean          loading;
  const CrsLabTest *test;        /* the test chosen, NULL for none or another */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwComboRow    *test_row;
  AdwEntryRow    *other_name_row;
  AdwEntryRow    *loinc_row;
  CrsNumberRow   *value_row;
  AdwEntryRow    *unit_row;
  CrsTimeRow     *time_row;
  AdwEntryRow    *note_row;
};

G_DEFINE_FINAL_TYPE (CrsLabResultDialog, crs_lab_result_dialog, CRS_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Positions in the test list: "Choose…", the known tests, "Other test". */
static guint
n_known_tests (void)
{
  guint n;

  crs_lab_tests (&n);
  return n;
}

static gboolean
other_chosen (CrsLabResultDialog *self)
{
  return adw_combo_row_get_selected (self->test_row) == n_known_tests () + 1;
}

static void
set_text_if (AdwEntryRow *row,
             const char  *old_default,
             const char  *text)
{
  const char *now = gtk_editable_get_text (GTK_EDITABLE (row));

  /* Replace only what the form filled in itself. */
  if (*now == '\0' || g_strcmp0 (now, old_default) == 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
test_chosen (CrsLabResultDialog *self)
{
  guint position = adw_combo_row_get_selected (self->test_row);
  const CrsLabTest *old = self->test;
  guint n;
  const CrsLabTest *tests = crs_lab_tests (&n);

  self->test = position >= 1 && position <= n ? &tests[position - 1] : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->other_name_row), other_chosen (self));
  set_text_if (self->loinc_row, old != NULL ? old->loinc : NULL, self->test != NULL ? self->test->loinc : "");
  set_text_if (self->unit_row, old != NULL ? old->unit : NULL, self->test != NULL ? self->test->unit : "");
  if (position != 0)
    crs_form_mark_row (ADW_ACTION_ROW (self->test_row), NULL, NULL, CRS_FORM_MARK_NONE, NULL);
}

static void
field_changed_cb (CrsLabResultDialog *self)
{
  g_autofree char *unit = crs_form_dup_text (GTK_EDITABLE (self->unit_row));

  g_object_set (self->value_row, "unit", unit, NULL);
  if (self->loading)
    return;
  crs_form_window_changed (CRS_FORM_WINDOW (self));
  crs_time_row_check_not_future (self->time_row);
}

static void
test_changed_cb (CrsLabResultDialog *self)
{
  test_chosen (self);
  field_changed_cb (self);
}

static gboolean
crs_lab_result_dialog_save (CrsFormWindow *window)
{
  CrsLabResultDialog *self = CRS_LAB_RESULT_DIALOG (window);
  g_autoptr(CrsLabResult) result = crs_lab_result_new ();
  g_autoptr(GError) error = NULL;

  if (adw_combo_row_get_selected (self->test_row) == 0)
    {
      crs_form_mark_row (ADW_ACTION_ROW (self->test_row), NULL, NULL, CRS_FORM_MARK_ERROR,
                         _("Required: choose the test"));
      return crs_form_window_refuse (window, GTK_WIDGET (self->test_row), _("Not saved: choose the test."));
    }
  result->name = other_chosen (self) ? crs_form_dup_text (GTK_EDITABLE (self->other_name_row))
                                     : g_strdup (crs_lab_test_name (self->test));
  if (result->name == NULL)
    return crs_form_window_refuse (window, GTK_WIDGET (self->other_name_row),
                                   _("Not saved: type the name of the test."));
  if (!crs_form_window_check_number (window, self->value_row))
    return FALSE;
  if (crs_number_row_get_state (self->value_row) == CRS_NUMBER_ROW_EMPTY)
    return crs_form_window_refuse (window, GTK_WIDGET (crs_number_row_get_editable (self->value_row)),
                                   _("Not saved: type the value."));
  if (crs_time_row_check_not_future (self->time_row))
    return crs_form_window_refuse (window, GTK_WIDGET (self->time_row),
                                   _("Not saved: the time is in the future."));

  result->patient_id = self->patient->id;
  result->loinc = crs_form_dup_text (GTK_EDITABLE (self->loinc_row));
  result->value = crs_number_row_get_value (self->value_row);
  result->unit = crs_form_dup_text (GTK_EDITABLE (self->unit_row));
  result->at = crs_time_row_get_time (self->time_row);
  result->note = crs_form_dup_text (GTK_EDITABLE (self->note_row));

  if (!crs_store_add_lab_result (self->store, result, &error))
    return crs_form_window_refuse (window, NULL, error->message);
  g_signal_emit (self, signals[SAVED], 0, result);
  return TRUE;
}

static void
crs_lab_result_dialog_dispose (GObject *object)
{
  CrsLabResultDialog *self = CRS_LAB_RESULT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_LAB_RESULT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->patient);

  G_OBJECT_CLASS (crs_lab_result_dialog_parent_class)->dispose (object);
}

static void
crs_lab_result_dialog_class_init (CrsLabResultDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CrsFormWindowClass *form_class = CRS_FORM_WINDOW_CLASS (klass);

  object_class->dispose = crs_lab_result_dialog_dispose;
  form_class->save = crs_lab_result_dialog_save;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRS_TYPE_LAB_RESULT);

  g_type_ensure (CRS_TYPE_NUMBER_ROW);
  g_type_ensure (CRS_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-lab-result-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, test_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, other_name_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, loinc_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLabResultDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_changed_cb);
}

static void
crs_lab_result_dialog_init (CrsLabResultDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n;
  const CrsLabTest *tests = crs_lab_tests (&n);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_form_window_set_banner (CRS_FORM_WINDOW (self), self->error_revealer, self->error_label);

  gtk_string_list_append (list, _("Choose…"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, crs_lab_test_name (&tests[i]));
  gtk_string_list_append (list, _("Other test"));
  adw_combo_row_set_model (self->test_row, G_LIST_MODEL (list));
  gtk_widget_set_visible (GTK_WIDGET (self->other_name_row), FALSE);
}

CrsLabResultDialog *
crs_lab_result_dialog_new (GtkWindow  *parent,
                           CrsStore   *store,
                           CrsPatient *patient)
{
  CrsLabResultDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), NULL);

  self = g_object_new (CRS_TYPE_LAB_RESULT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->patient = g_object_ref (patient);
  crs_form_title_for_patient (self->window_title, patient);
  self->loading = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->test_row));
  return self;
}
