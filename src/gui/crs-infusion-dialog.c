/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-infusion-dialog.c: the form to record an infusion.
 *
 * As the therapy is typed, the reference database is searched by generic,
 * other and brand names; the matches appear as rows under the field
 * (Tab reaches them, Return picks one). A therapy the reference does not
 * hold is saved as typed, without a code, and the form says so. */
#define G_LOG_DOMAIN "crs-infusion-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-form.h"
#include "crs-infusion-dialog.h"
#include "crs-number-row.h"
#include "crs-time-row.h"

struct _CrsInfusionDialog
{
  CrsFormWindow parent_instance;

  CrsStore     *store;
  CrsReference *reference;     /* may be NULL */
  CrsPatient   *patient;
  gboolean      loading;
  CrsTherapy   *therapy;       /* the reference's therapy for the text typed, or NULL */
  GPtrArray    *match_rows;    /* AdwActionRow *: the matches shown */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *therapy_group;
  AdwEntryRow         *therapy_row;
  GtkWidget           *therapy_message_row;
  GtkLabel            *therapy_message;
  CrsNumberRow        *dose_row;
  AdwEntryRow         *dose_unit_row;
  AdwEntryRow         *step_row;
  CrsTimeRow          *start_row;
  CrsTimeRow          *end_row;
  AdwEntryRow         *note_row;
};

G_DEFINE_FINAL_TYPE (CrsInfusionDialog, crs_infusion_dialog, CRS_TYPE_FORM_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Matches shown under the therapy; more would push the form away. */
#define MAX_MATCHES 5
/* Searching starts at this many characters. */
#define MIN_SEARCH_CHARS 2

static void therapy_changed_cb (CrsInfusionDialog *self);

static void
clear_matches (CrsInfusionDialog *self)
{
  for (guint i = 0; i < self->match_rows->len; i++)
    adw_preferences_group_remove (self->therapy_group, g_ptr_array_index (self->match_rows, i));
  g_ptr_array_set_size (self->match_rows, 0);
}

/* "Blincyto · bispecific T-cell engager" */
static char *
describe (CrsTherapy *therapy)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (therapy->brand_names != NULL && therapy->brand_names[0] != NULL)
    g_ptr_array_add (parts, therapy->brand_names[0]);
  if (therapy->drug_class != CRS_DRUG_CLASS_UNSET)
    g_ptr_array_add (parts, (gpointer) crs_drug_class_label (therapy->drug_class));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_chosen (CrsInfusionDialog *self)
{
  g_autofree char *text = crs_form_dup_text (GTK_EDITABLE (self->therapy_row));
  g_autofree char *note = NULL;

  if (self->therapy != NULL)
    {
      g_autofree char *description = describe (self->therapy);
      /* TRANSLATORS: under the therapy: what the reference database knows it as */
      note = g_strdup_printf (_("In the therapy reference: %s (%s)"),
                              self->therapy->generic_name, description);
    }
  else if (text != NULL && self->reference != NULL && self->match_rows->len == 0)
    note = g_strdup (_("Not in the therapy reference: it is saved as typed"));
  crs_form_note_entry_row (self->therapy_row, self->therapy_message_row, self->therapy_message, note);
}

static void
match_activated_cb (AdwActionRow      *row,
                    CrsInfusionDialog *self)
{
  CrsTherapy *therapy = g_object_get_data (G_OBJECT (row), "crs-therapy");

  g_set_object (&self->therapy, therapy);
  /* Typing the name again must not search again. */
  g_signal_handlers_block_by_func (self->therapy_row, therapy_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->therapy_row), therapy->generic_name);
  g_signal_handlers_unblock_by_func (self->therapy_row, therapy_changed_cb, self);
  clear_matches (self);
  show_chosen (self);
  crs_form_window_set_dirty (CRS_FORM_WINDOW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (crs_number_row_get_editable (self->dose_row)));
}

static void
search (CrsInfusionDialog *self)
{
  g_autofree char *text = crs_form_dup_text (GTK_EDITABLE (self->therapy_row));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(CrsTherapy) exact = NULL;
  g_autoptr(GError) error = NULL;

  clear_matches (self);
  g_clear_object (&self->therapy);
  if (self->reference == NULL || text == NULL)
    return;

  /* A name the reference knows (generic, other or brand) is taken at
   * once; otherwise the therapies whose names contain the text. A
   * reference that cannot be read leaves the therapy as typed, and the
   * nurse is told why nothing matches. */
  exact = crs_reference_resolve (self->reference, text, &error);
  if (exact != NULL)
    {
      self->therapy = g_steal_pointer (&exact);
      return;
    }
  if (error == NULL && g_utf8_strlen (text, -1) < MIN_SEARCH_CHARS)
    return;
  if (error == NULL)
    found = crs_reference_search (self->reference, text, CRS_DRUG_CLASS_UNSET, &error);
  if (error != NULL)
    {
      GtkWidget *problem = adw_action_row_new ();
      /* TRANSLATORS: why no therapy matches what was typed */
      g_autofree char *title = g_strdup_printf (_("The therapy reference could not be read: %s"),
                                                error->message);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (problem), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (problem), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (problem), _("The therapy is saved as typed."));
      adw_preferences_group_add (self->therapy_group, problem);
      g_ptr_array_add (self->match_rows, problem);
      return;
    }
  for (guint i = 0; found != NULL && i < found->len && i < MAX_MATCHES; i++)
    {
      CrsTherapy *therapy = g_ptr_array_index (found, i);
      g_autofree char *description = describe (therapy);
      GtkWidget *match = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (match), therapy->generic_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (match), description);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (match), TRUE);
      gtk_widget_add_css_class (match, "crs-match");
      gtk_widget_set_tooltip_text (match, _("Use this therapy"));
      g_object_set_data_full (G_OBJECT (match), "crs-therapy", g_object_ref (therapy), g_object_unref);
      g_signal_connect (match, "activated", G_CALLBACK (match_activated_cb), self);
      adw_preferences_group_add (self->therapy_group, match);
      g_ptr_array_add (self->match_rows, match);
    }
}

static void
check_times (CrsInfusionDialog *self)
{
  gint64 start = crs_time_row_get_time (self->start_row);
  gint64 end = crs_time_row_get_time (self->end_row);

  crs_time_row_check_not_future (self->start_row);
  if (end != 0 && end < start)
    crs_time_row_set_problem (self->end_row, _("Not possible: before the start"));
  else
    crs_time_row_check_not_future (self->end_row);
}

static void
field_changed_cb (CrsInfusionDialog *self)
{
  if (self->loading)
    return;
  crs_form_window_changed (CRS_FORM_WINDOW (self));
  check_times (self);
}

static void
therapy_changed_cb (CrsInfusionDialog *self)
{
  field_changed_cb (self);
  search (self);
  show_chosen (self);
}

static gboolean
crs_infusion_dialog_save (CrsFormWindow *window)
{
  CrsInfusionDialog *self = CRS_INFUSION_DIALOG (window);
  g_autoptr(CrsInfusion) infusion = crs_infusion_new ();
  g_autoptr(GError) error = NULL;

  check_times (self);
  infusion->therapy_name = crs_form_dup_text (GTK_EDITABLE (self->therapy_row));
  if (infusion->therapy_name == NULL)
    {
      crs_form_mark_entry_row (self->therapy_row, self->therapy_message_row, self->therapy_message,
                               _("Required: the therapy given"));
      return crs_form_window_refuse (window, GTK_WIDGET (self->therapy_row),
                                     _("Not saved: the therapy is missing."));
    }
  if (!crs_form_window_check_number (window, self->dose_row))
    return FALSE;
  if (crs_time_row_get_problem (self->start_row) != NULL)
    return crs_form_window_refuse (window, GTK_WIDGET (self->start_row),
                                   _("Not saved: correct the start first."));
  if (crs_time_row_get_problem (self->end_row) != NULL)
    return crs_form_window_refuse (window, GTK_WIDGET (self->end_row),
                                   _("Not saved: correct the end first."));

  infusion->patient_id = self->patient->id;
  if (self->therapy != NULL)
    infusion->therapy_code = g_strdup (self->therapy->code);
  infusion->dose = crs_number_row_get_value (self->dose_row);
  infusion->dose_unit = crs_form_dup_text (GTK_EDITABLE (self->dose_unit_row));
  infusion->step_label = crs_form_dup_text (GTK_EDITABLE (self->step_row));
  infusion->start_at = crs_time_row_get_time (self->start_row);
  infusion->end_at = crs_time_row_get_time (self->end_row);
  infusion->note = crs_form_dup_text (GTK_EDITABLE (self->note_row));

  if (!crs_store_add_infusion (self->store, infusion, &error))
    return crs_form_window_refuse (window, NULL, error->message);
  g_signal_emit (self, signals[SAVED], 0, infusion);
  return TRUE;
}

static void
crs_infusion_dialog_dispose (GObject *object)
{
  CrsInfusionDialog *self = CRS_INFUSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_INFUSION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->reference);
  g_clear_object (&self->patient);
  g_clear_object (&self->therapy);
  g_clear_pointer (&self->match_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crs_infusion_dialog_parent_class)->dispose (object);
}

static void
crs_infusion_dialog_class_init (CrsInfusionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CrsFormWindowClass *form_class = CRS_FORM_WINDOW_CLASS (klass);

  object_class->dispose = crs_infusion_dialog_dispose;
  form_class->save = crs_infusion_dialog_save;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRS_TYPE_INFUSION);

  g_type_ensure (CRS_TYPE_NUMBER_ROW);
  g_type_ensure (CRS_TYPE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-infusion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, therapy_group);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, therapy_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, therapy_message_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, therapy_message);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, dose_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, dose_unit_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, step_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, CrsInfusionDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, therapy_changed_cb);
}

static void
crs_infusion_dialog_init (CrsInfusionDialog *self)
{
  self->loading = TRUE;
  self->match_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_form_window_set_banner (CRS_FORM_WINDOW (self), self->error_revealer, self->error_label);
  crs_time_row_set_time (self->end_row, 0);
}

CrsInfusionDialog *
crs_infusion_dialog_new (GtkWindow    *parent,
                         CrsStore     *store,
                         CrsReference *reference,
                         CrsPatient   *patient)
{
  CrsInfusionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (reference == NULL || CRS_IS_REFERENCE (reference), NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), NULL);

  self = g_object_new (CRS_TYPE_INFUSION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->reference = reference != NULL ? g_object_ref (reference) : NULL;
  self->patient = g_object_ref (patient);
  crs_form_title_for_patient (self->window_title, patient);
  self->loading = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->therapy_row));
  return self;
}
