/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-dialog.c: the choices of the handover report
 * (crs-report-dialog.h). */
#define G_LOG_DOMAIN "crs-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-format.h"
#include "crs-check-row.h"
#include "crs-report-dialog-private.h"
#include "crs-time-row.h"

/* The positions of the period combo. */
static const CrsHandoverPeriod periods[] = {
  CRS_HANDOVER_PERIOD_SHIFT,
  CRS_HANDOVER_PERIOD_12_HOURS,
  CRS_HANDOVER_PERIOD_24_HOURS,
  CRS_HANDOVER_PERIOD_CUSTOM,
};

/* The positions of the patients combo. */
enum {
  PATIENTS_ALL = 0,
  PATIENTS_ESCALATED,
  PATIENTS_SELECTED,
};

struct _CrsReportDialog
{
  AdwMessageDialog parent_instance;

  GPtrArray  *patients;     /* CrsPatient *, one per row of patients_list */
  GPtrArray  *rows;         /* CrsCheckRow *, borrowed */
  GStrv       mrns;         /* the ticked ones, for get_options() */
  char       *shift_starts;
  gint64      now;

  AdwComboRow      *period_row;
  GtkStringList    *period_list;
  CrsTimeRow       *from_row;
  CrsTimeRow       *to_row;
  AdwComboRow      *patients_row;
  GtkScrolledWindow *patients_scroller;
  GtkListBox       *patients_list;
};

G_DEFINE_FINAL_TYPE (CrsReportDialog, crs_report_dialog, ADW_TYPE_MESSAGE_DIALOG)

static guint
n_ticked (CrsReportDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    n += crs_check_row_get_active (g_ptr_array_index (self->rows, i));
  return n;
}

static void
choice_changed_cb (CrsReportDialog *self)
{
  guint period = adw_combo_row_get_selected (self->period_row);
  gboolean custom = period < G_N_ELEMENTS (periods) && periods[period] == CRS_HANDOVER_PERIOD_CUSTOM;
  gboolean selected = adw_combo_row_get_selected (self->patients_row) == PATIENTS_SELECTED;
  gboolean ready = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->patients_scroller), selected);
  if (custom && crs_time_row_get_time (self->from_row) >= crs_time_row_get_time (self->to_row))
    {
      crs_time_row_set_problem (self->to_row, _("The period must end after it starts."));
      ready = FALSE;
    }
  else
    crs_time_row_set_problem (self->to_row, NULL);
  if (selected && n_ticked (self) == 0)
    ready = FALSE;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "print", ready);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", ready);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "blank", ready);
}

static void
crs_report_dialog_dispose (GObject *object)
{
  CrsReportDialog *self = CRS_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_REPORT_DIALOG);
  g_clear_pointer (&self->patients, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mrns, g_strfreev);
  g_clear_pointer (&self->shift_starts, g_free);
  G_OBJECT_CLASS (crs_report_dialog_parent_class)->dispose (object);
}

static void
crs_report_dialog_class_init (CrsReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_report_dialog_dispose;

  g_type_ensure (CRS_TYPE_TIME_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, period_list);
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, patients_row);
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, patients_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrsReportDialog, patients_list);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
}

static void
crs_report_dialog_init (CrsReportDialog *self)
{
  self->patients = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "This shift, 07:00 – 19:00" */
static char *
period_label (CrsReportDialog   *self,
              CrsHandoverPeriod  period)
{
  gint64 from = 0, to = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (period == CRS_HANDOVER_PERIOD_CUSTOM)
    return g_strdup (_("From and to…"));
  crs_handover_period_bounds (period, self->shift_starts, self->now, &from, &to);
  a = crs_format_time (from, self->now);
  b = crs_format_time (to, self->now);
  /* TRANSLATORS: a period to choose, e.g. "This shift, 07:00 – 19:00" */
  return g_strdup_printf (_("%s, %s – %s"), crs_handover_period_label (period), a, b);
}

static void
time_changed_cb (CrsReportDialog *self)
{
  choice_changed_cb (self);
}

CrsReportDialog *
crs_report_dialog_new (GtkWindow  *parent,
                       GPtrArray  *patients,
                       gint64      ticked_id,
                       const char *shift_starts,
                       gint64      now,
                       const char *response)
{
  CrsReportDialog *self = g_object_new (CRS_TYPE_REPORT_DIALOG,
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        NULL);

  self->shift_starts = g_strdup (shift_starts);
  self->now = now;
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *label = period_label (self, periods[i]);

      gtk_string_list_append (self->period_list, label);
    }
  adw_combo_row_set_selected (self->period_row, 0);

  /* Custom: the last 12 hours to start from. */
  crs_time_row_set_time (self->from_row, now - 12 * 3600);
  crs_time_row_set_time (self->to_row, now);
  g_signal_connect_object (self->from_row, "notify::time", G_CALLBACK (time_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "notify::time", G_CALLBACK (time_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; patients != NULL && i < patients->len; i++)
    {
      CrsPatient *patient = g_ptr_array_index (patients, i);
      g_autofree char *title = patient->bed != NULL && *patient->bed != '\0'
                               ? g_strdup_printf (_("Bed %s · %s"), patient->bed,
                                                  patient->name != NULL ? patient->name : patient->mrn)
                               : g_strdup (patient->name != NULL ? patient->name : patient->mrn);
      GtkWidget *row = crs_check_row_new (title, FALSE);

      crs_check_row_set_active (CRS_CHECK_ROW (row), patient->id == ticked_id);
      g_signal_connect_object (row, "notify::active", G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->patients_list, row);
      g_ptr_array_add (self->patients, g_object_ref (patient));
      g_ptr_array_add (self->rows, row);
    }

  if (response != NULL)
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), response);
  choice_changed_cb (self);
  return self;
}

void
crs_report_dialog_get_options (CrsReportDialog    *self,
                               CrsHandoverOptions *options)
{
  guint period;

  g_return_if_fail (CRS_IS_REPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  period = adw_combo_row_get_selected (self->period_row);
  options->period = period < G_N_ELEMENTS (periods) ? periods[period] : CRS_HANDOVER_PERIOD_SHIFT;
  options->now = self->now;
  if (options->period == CRS_HANDOVER_PERIOD_CUSTOM)
    {
      options->from = crs_time_row_get_time (self->from_row);
      options->to = crs_time_row_get_time (self->to_row);
    }
  else
    crs_handover_period_bounds (options->period, self->shift_starts, self->now, &options->from, &options->to);

  switch (adw_combo_row_get_selected (self->patients_row))
    {
    case PATIENTS_ESCALATED:
      options->selection = CRS_HANDOVER_ESCALATED;
      break;
    case PATIENTS_SELECTED:
      {
        g_autoptr(GPtrArray) mrns = g_ptr_array_new ();

        for (guint i = 0; i < self->rows->len; i++)
          if (crs_check_row_get_active (g_ptr_array_index (self->rows, i)))
            g_ptr_array_add (mrns, g_strdup (((CrsPatient *) g_ptr_array_index (self->patients, i))->mrn));
        g_ptr_array_add (mrns, NULL);
        g_clear_pointer (&self->mrns, g_strfreev);
        self->mrns = (GStrv) g_ptr_array_steal (mrns, NULL);
        options->selection = CRS_HANDOVER_SELECTED;
        options->mrns = (const char * const *) self->mrns;
      }
      break;
    case PATIENTS_ALL:
    default:
      options->selection = CRS_HANDOVER_ALL;
      break;
    }
}

AdwComboRow *
crs_report_dialog_get_period_row (CrsReportDialog *self)
{
  g_return_val_if_fail (CRS_IS_REPORT_DIALOG (self), NULL);
  return self->period_row;
}

AdwComboRow *
crs_report_dialog_get_patients_row (CrsReportDialog *self)
{
  g_return_val_if_fail (CRS_IS_REPORT_DIALOG (self), NULL);
  return self->patients_row;
}

GtkListBox *
crs_report_dialog_get_patients_list (CrsReportDialog *self)
{
  g_return_val_if_fail (CRS_IS_REPORT_DIALOG (self), NULL);
  return self->patients_list;
}
