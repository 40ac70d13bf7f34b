/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window-actions.c: the main window's actions, their shortcuts, and
 * the dialogs they open (the forms of crs-*-dialog.h, acknowledging a red
 * flag, archiving with Undo). */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-acknowledge-dialog.h"
#include "crs-display.h"
#include "crs-infusion-dialog.h"
#include "crs-intervention-dialog.h"
#include "crs-lab-result-dialog.h"
#include "crs-observation-dialog.h"
#include "crs-patient-dialog.h"
#include "crs-therapy-browser.h"
#include "crs-window-private.h"

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static CrsPatient *
shown_patient (CrsWindow *self)
{
  if (self->store == NULL || self->patient_id == 0)
    return NULL;
  return crs_patient_page_get_patient (self->patient_page);
}

/* Enables or disables, telling the widgets that use the action (every
 * "Amend…" button of the history) only when it changes. */
static void
set_enabled (CrsWindow  *self,
             const char *action,
             gboolean    enabled)
{
  gpointer known = g_hash_table_lookup (self->enabled, action);

  if (known != NULL && GPOINTER_TO_INT (known) == (enabled ? 2 : 1))
    return;
  g_hash_table_insert (self->enabled, (gpointer) action, GINT_TO_POINTER (enabled ? 2 : 1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

void
_crs_window_update_actions (CrsWindow *self)
{
  /* Locked (crs-window-lock.c), nothing touches a patient. */
  gboolean ward = self->store != NULL && !self->locked;
  gboolean patient = ward && shown_patient (self) != NULL;
  GPtrArray *open = crs_patient_page_get_open_escalations (self->patient_page);

  set_enabled (self, "win.new-patient", ward);
  set_enabled (self, "win.new-observation", patient);
  set_enabled (self, "win.edit-patient", patient);
  set_enabled (self, "win.record-infusion", patient);
  set_enabled (self, "win.record-intervention", patient);
  set_enabled (self, "win.record-lab-result", patient);
  set_enabled (self, "win.amend-observation", patient);
  set_enabled (self, "win.archive-patient", patient);
  set_enabled (self, "win.show-therapy", patient);
  set_enabled (self, "win.acknowledge", patient && open != NULL && open->len > 0);
  set_enabled (self, "win.undo-archive", ward && self->archived_id != 0);
  set_enabled (self, "win.restore-patient", ward);
  set_enabled (self, "win.print", ward);
  set_enabled (self, "win.export-pdf", ward);
  set_enabled (self, "win.print-blank-charts", ward);
  set_enabled (self, "win.export-fhir", ward);
  set_enabled (self, "win.search", ward);
  set_enabled (self, "win.switch-nurse", ward && self->signin_on);
}

/* ---------------------------------------------------------------------- */
/* The forms */

void
_crs_window_observation_saved_cb (CrsObservationDialog *dialog,
                                  CrsObservation       *saved,
                                  CrsWindow            *self)
{
  _crs_window_toast (self, saved->supersedes_id != 0
                           ? _("Correction saved; the earlier version stays in the history")
                           : _("Observation set saved"));
}

static void
new_observation_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);
  CrsObservationDialog *dialog;

  if (patient == NULL)
    return;
  dialog = crs_observation_dialog_new (GTK_WINDOW (self), self->store, patient, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (_crs_window_observation_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amend_observation_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);
  CrsObservation *old;
  CrsObservationDialog *dialog;

  if (patient == NULL)
    return;
  old = crs_patient_page_find_observation (self->patient_page, g_variant_get_int64 (parameter));
  /* Only the newest version of a set can be amended (crs-store.h). */
  if (old == NULL || old->superseded_by_id != 0)
    return;
  dialog = crs_observation_dialog_new (GTK_WINDOW (self), self->store, patient, old);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (_crs_window_observation_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
patient_saved_cb (CrsPatientDialog *dialog,
                  CrsPatient       *saved,
                  CrsWindow        *self)
{
  g_autofree char *message = NULL;

  /* The ward list has the patient already (the store said so as it
   * saved): open them. */
  crs_window_select_patient (self, saved->id);
  /* TRANSLATORS: e.g. "Ada Lovelace saved" */
  message = g_strdup_printf (_("%s saved"), saved->name != NULL && *saved->name != '\0'
                                            ? saved->name : saved->mrn);
  _crs_window_toast (self, message);
}

static void
new_patient_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatientDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = crs_patient_dialog_new (GTK_WINDOW (self), self->store, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_patient_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);
  CrsPatientDialog *dialog;

  if (patient == NULL)
    return;
  dialog = crs_patient_dialog_new (GTK_WINDOW (self), self->store, patient);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (patient_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_saved_cb (GtkWidget *dialog,
                 GObject   *saved,
                 CrsWindow *self)
{
  const char *message = g_object_get_data (G_OBJECT (dialog), "crs-saved-message");

  _crs_window_toast (self, message);
}

static void
present_record_dialog (CrsWindow  *self,
                       GtkWidget  *dialog,
                       const char *saved_message)
{
  g_object_set_data (G_OBJECT (dialog), "crs-saved-message", (gpointer) saved_message);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (record_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_infusion_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);

  if (patient != NULL)
    present_record_dialog (self, GTK_WIDGET (crs_infusion_dialog_new (GTK_WINDOW (self), self->store,
                                                                      self->reference, patient)),
                           _("Infusion saved"));
}

static void
record_intervention_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);

  if (patient != NULL)
    present_record_dialog (self, GTK_WIDGET (crs_intervention_dialog_new (GTK_WINDOW (self), self->store,
                                                                          patient)),
                           _("Intervention saved"));
}

static void
record_lab_result_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);

  if (patient != NULL)
    present_record_dialog (self, GTK_WIDGET (crs_lab_result_dialog_new (GTK_WINDOW (self), self->store,
                                                                        patient)),
                           _("Lab result saved"));
}

/* ---------------------------------------------------------------------- */
/* Escalation */

static void open_acknowledge_dialog (CrsWindow  *self,
                                     const char *note,
                                     const char *problem);

static void
acknowledged_cb (CrsAcknowledgeDialog *dialog,
                 guint                 count,
                 CrsWindow            *self)
{
  _crs_window_toast (self, g_dngettext (GETTEXT_PACKAGE, "Red flag acknowledged",
                                        "Red flags acknowledged", count));
}

static void
acknowledge_failed_cb (CrsAcknowledgeDialog *dialog,
                       GError               *error,
                       const char           *note,
                       CrsWindow            *self)
{
  g_autofree char *problem = g_strdup_printf (_("Not saved: %s"), error->message);

  /* The dialog closes with its response: ask again, with what was typed. */
  open_acknowledge_dialog (self, note, problem);
}

static void
open_acknowledge_dialog (CrsWindow  *self,
                         const char *note,
                         const char *problem)
{
  GPtrArray *open = crs_patient_page_get_open_escalations (self->patient_page);
  CrsAcknowledgeDialog *dialog;

  if (shown_patient (self) == NULL || open == NULL || open->len == 0)
    return;
  dialog = crs_acknowledge_dialog_new (GTK_WINDOW (self), self->store, open,
                                       crs_patient_page_get_escalation_text (self->patient_page),
                                       note, problem);
  g_signal_connect_object (dialog, "acknowledged", G_CALLBACK (acknowledged_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (acknowledge_failed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
acknowledge_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_acknowledge_dialog (CRS_WINDOW (widget), NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Archive, with Undo (the toast's button, or Ctrl+Z while it is shown) */

/* Nothing to undo any more. */
static void
forget_archived (CrsWindow *self)
{
  self->archived_id = 0;
  g_clear_pointer (&self->archived_name, g_free);
  if (self->archive_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->archive_toast);

      g_signal_handlers_disconnect_by_data (toast, self);
      g_object_unref (toast);
    }
  _crs_window_update_actions (self);
}

static void
archive_toast_dismissed_cb (AdwToast  *toast,
                            CrsWindow *self)
{
  forget_archived (self);
}

static void
archive_now (CrsWindow  *self,
             gint64      id,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Archived at once and audited; Undo restores (audited too). Nothing
   * is deleted either way. */
  if (!crs_store_set_archived (self->store, id, TRUE, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not archived: %s"), error->message);
      _crs_window_toast (self, message);
      return;
    }

  /* TRANSLATORS: e.g. "Ada Lovelace archived" */
  title = g_strdup_printf (_("%s archived"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-patient");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  forget_archived (self);
  self->archived_id = id;
  self->archived_name = g_strdup (name);
  self->archive_toast = g_object_ref (toast);
  g_signal_connect (toast, "dismissed", G_CALLBACK (archive_toast_dismissed_cb), self);
  _crs_window_update_actions (self);
  _crs_window_add_toast (self, toast);
}

static void
archive_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CrsWindow        *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "patient-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "patient-name");

  if (g_strcmp0 (response, "archive") == 0 && self->store != NULL)
    archive_now (self, id, name);
}

/* A patient with a red flag nobody has acknowledged is not archived
 * without asking: archiving hides them from the ward list, and the flag
 * with them. The question names the flag. */
static void
ask_archive (CrsWindow  *self,
             gint64      id,
             const char *name,
             GPtrArray  *open)
{
  CrsObservation *newest = g_ptr_array_index (open, open->len - 1);
  const char *words = crs_patient_page_get_escalation_text (self->patient_page);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *when = crs_format_time (newest->taken_at, _crs_window_now (self));
  AdwMessageDialog *dialog;

  /* TRANSLATORS: e.g. "Archive Edith Cavell?" */
  heading = g_strdup_printf (_("Archive %s?"), name);
  if (open->len == 1)
    /* TRANSLATORS: the red flag's time and words, e.g. "The red flag at
     * 14:05 is not acknowledged yet: NEWS2 13 (high). …" */
    body = g_strdup_printf (_("The red flag at %s is not acknowledged yet: %s. Tell the medical team "
                              "and acknowledge it first: an archived patient is no longer on the ward list."),
                            when, words != NULL ? words : "");
  else
    /* TRANSLATORS: e.g. "3 red flags are not acknowledged yet, the latest
     * at 14:05: NEWS2 13 (high). …" */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u red flag is not acknowledged yet, the latest at %s: %s. "
                                         "Tell the medical team and acknowledge them first: an archived "
                                         "patient is no longer on the ward list.",
                                         "%u red flags are not acknowledged yet, the latest at %s: %s. "
                                         "Tell the medical team and acknowledge them first: an archived "
                                         "patient is no longer on the ward list.", open->len),
                            open->len, when, words != NULL ? words : "");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep on the Ward"),
                                    "archive", _("_Archive Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "patient-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (dialog), "patient-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
archive_patient_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsPatient *patient = shown_patient (self);
  GPtrArray *open = crs_patient_page_get_open_escalations (self->patient_page);
  g_autofree char *name = NULL;

  if (patient == NULL)
    return;
  name = g_strdup (patient->name != NULL && *patient->name != '\0' ? patient->name : patient->mrn);
  if (open != NULL && open->len > 0)
    ask_archive (self, patient->id, name, open);
  else
    archive_now (self, patient->id, name);
}

static void
restore_patient_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!crs_store_set_archived (self->store, id, FALSE, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not restored: %s"), error->message);
      _crs_window_toast (self, message);
      return;
    }
  /* From the toast's own button: the toast goes away by itself. */
  if (id == self->archived_id)
    forget_archived (self);
  crs_window_select_patient (self, id);
}

static void
undo_archive_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *name = g_strdup (self->archived_name);
  gint64 id = self->archived_id;

  if (id == 0)
    return;
  /* The toast is still shown (it is forgotten when dismissed): it now
   * says what happened, without its button, and goes in its own time.
   * (Dismissing it from here while it slides in upsets libadwaita 1.2.) */
  toast = self->archive_toast != NULL ? g_object_ref (self->archive_toast) : NULL;
  gtk_widget_activate_action (widget, "win.restore-patient", "x", id);
  if (toast != NULL && self->archived_id == 0)
    {
      /* TRANSLATORS: e.g. "Ada Lovelace restored" */
      g_autofree char *title = g_strdup_printf (_("%s restored"), name);

      adw_toast_set_button_label (toast, NULL);
      adw_toast_set_action_name (toast, NULL);
      adw_toast_set_title (toast, title);
    }
}

/* ---------------------------------------------------------------------- */
/* Finding, ordering, moving about */

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);

  /* The search is in the ward list: bring it forward on a narrow window. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  crs_ward_list_start_search (self->ward_list);
}

static void
show_therapy_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  CrsWardEntry *entry = self->model != NULL ? crs_ward_model_find (self->model, self->patient_id) : NULL;
  CrsPatientStatus *status = entry != NULL ? crs_ward_entry_get_status (entry) : NULL;
  CrsInfusion *infusion = status != NULL ? status->infusion : NULL;
  const char *code = NULL;

  if (entry != NULL && crs_ward_entry_get_therapy (entry) != NULL)
    code = crs_ward_entry_get_therapy (entry)->code;
  else if (infusion != NULL)
    code = infusion->therapy_code != NULL ? infusion->therapy_code : infusion->therapy_name;
  crs_therapy_browser_present (gtk_window_get_application (GTK_WINDOW (self)), code);
}

static void
go_back_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  crs_ward_list_focus (self->ward_list);
}

static void
crs_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrsWindow *self = CRS_WINDOW (object);

  if (prop_id == PROP_SORT)
    g_value_set_string (value, self->sort != NULL ? self->sort : "bed");
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
crs_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrsWindow *self = CRS_WINDOW (object);

  if (prop_id == PROP_SORT)
    {
      const char *sort = g_value_get_string (value);

      /* Anything but "urgency" is the bed order. */
      if (g_strcmp0 (sort, "urgency") != 0)
        sort = "bed";
      if (g_strcmp0 (sort, self->sort) == 0)
        return;
      g_free (self->sort);
      self->sort = g_strdup (sort);
      crs_ward_list_set_sort (self->ward_list, g_str_equal (sort, "urgency") ? CRS_WARD_SORT_URGENCY
                                                                             : CRS_WARD_SORT_BED);
      /* Bound to the ward-sort setting (crs-window.c): the main menu and
       * Preferences show and change the same order, kept for the next
       * start. */
      g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
_crs_window_class_actions_init (CrsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crs_window_get_property;
  object_class->set_property = crs_window_set_property;
  g_object_class_install_property (object_class, PROP_SORT,
                                   g_param_spec_string ("sort", NULL, NULL, "bed",
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));

  gtk_widget_class_install_action (widget_class, "win.new-observation", NULL, new_observation_cb);
  gtk_widget_class_install_action (widget_class, "win.new-patient", NULL, new_patient_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-patient", NULL, edit_patient_cb);
  gtk_widget_class_install_action (widget_class, "win.record-infusion", NULL, record_infusion_cb);
  gtk_widget_class_install_action (widget_class, "win.record-intervention", NULL, record_intervention_cb);
  gtk_widget_class_install_action (widget_class, "win.record-lab-result", NULL, record_lab_result_cb);
  gtk_widget_class_install_action (widget_class, "win.amend-observation", "x", amend_observation_cb);
  gtk_widget_class_install_action (widget_class, "win.acknowledge", NULL, acknowledge_cb);
  gtk_widget_class_install_action (widget_class, "win.archive-patient", NULL, archive_patient_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-patient", "x", restore_patient_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-archive", NULL, undo_archive_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.show-therapy", NULL, show_therapy_cb);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_cb);
  gtk_widget_class_install_action (widget_class, "win.export-fhir", NULL, _crs_window_export_fhir_cb);
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort");
  _crs_window_report_actions_init (klass);
}

void
_crs_window_set_accels (GtkApplication *application)
{
  /* Application accelerators rather than widget bindings, so that the
   * shortcuts window finds them by action name. */
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "win.new-observation", { "<Primary>n", NULL } },
    { "win.new-patient", { "<Primary><Shift>n", NULL } },
    { "win.search", { "<Primary>f", NULL } },
    { "win.undo-archive", { "<Primary>z", NULL } },
    { "win.print", { "<Primary>p", NULL } },
    { "win.export-pdf", { "<Primary><Shift>e", NULL } },
    { "win.export-fhir", { "<Primary>e", NULL } },
    { "win.switch-nurse", { "<Primary>l", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}
