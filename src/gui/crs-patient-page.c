/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-page.c: one patient, read from the store.
 *
 * A load reads the patient's record, every version of every set (one
 * indexed query; 10 ms for 3 000 sets), infusions, interventions, lab
 * results, the open escalations, acknowledgements and late red flags;
 * core works the patient's status out from all of it (every set graded
 * as of now), and every part of the page shows that status. */
#define G_LOG_DOMAIN "crs-patient-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-patient-status.h"
#include "crs-display.h"
#include "crs-escalation-banner.h"
#include "crs-history-view.h"
#include "crs-latest-set.h"
#include "crs-patient-page-private.h"
#include "crs-record-row.h"
#include "crs-therapy-panel.h"
#include "crs-timeline-view.h"
#include "report/crs-timeline-feed.h"
#include "store/crs-patient-record.h"
#include "crs-ward-entry.h"

struct _CrsPatientPage
{
  GtkWidget parent_instance;

  CrsStore     *store;
  CrsReference *reference;

  CrsPatient       *patient;
  CrsPatientStatus *status;
  GPtrArray        *observations; /* every version */
  GPtrArray        *open;         /* the sets of the open escalations, oldest first */
  char             *escalation_text;
  GListStore *interventions;
  GListStore *labs;
  CrsTimelineModel *recent;      /* the summary's chart: the last 72 hours */

  /* Template widgets */
  CrsEscalationBanner *banner;
  AdwViewStack        *view_stack;
  GtkLabel            *name_label;
  GtkButton           *edit_button;
  GtkLabel            *details_label;
  GtkLabel            *diagnosis_label;
  GtkLabel            *notes_label;
  CrsLatestSet        *latest_set;
  CrsTherapyPanel     *therapy_panel;
  CrsTimelineView     *timeline;
  GtkWidget           *recent_box;
  CrsTimeline         *recent_chart;
  CrsHistoryView      *history;
  GtkListBox          *interventions_list;
  GtkListBox          *labs_list;
  GtkWidget           *interventions_placeholder;
  GtkWidget           *labs_placeholder;
  AdwViewSwitcherBar  *switcher_bar;

  gint64 now;
};

G_DEFINE_FINAL_TYPE (CrsPatientPage, crs_patient_page, GTK_TYPE_WIDGET)

static char *
join_details (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the details of a patient: "MRN 123 · 54 years" */
  return g_strjoinv (C_("details", " · "), (char **) parts->pdata);
}

static GtkWidget *
create_intervention_row (gpointer item,
                         gpointer user_data)
{
  CrsPatientPage *self = user_data;
  CrsIntervention *intervention = item;
  g_autoptr(GString) title = g_string_new (crs_intervention_kind_label (intervention->kind));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *when = crs_format_time (intervention->at, self->now);

  if (intervention->drug != NULL && *intervention->drug != '\0')
    g_string_append_printf (title, ": %s", intervention->drug);
  if (intervention->dose != NULL && *intervention->dose != '\0')
    g_string_append_printf (title, " %s", intervention->dose);
  if (intervention->note != NULL && *intervention->note != '\0')
    g_ptr_array_add (parts, g_strdup (intervention->note));
  if (intervention->author != NULL)
    /* TRANSLATORS: who recorded it, e.g. "by Ada Lovelace" */
    g_ptr_array_add (parts, g_strdup_printf (_("by %s"), intervention->author));
  subtitle = join_details (parts);
  return GTK_WIDGET (crs_record_row_new (title->str, subtitle, when));
}

static GtkWidget *
create_lab_row (gpointer item,
                gpointer user_data)
{
  CrsPatientPage *self = user_data;
  CrsLabResult *lab = item;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = crs_format_time (lab->at, self->now);
  g_autofree char *unit = crs_display_unit (lab->unit);
  const char *name = lab->name != NULL && *lab->name != '\0' ? lab->name : lab->loinc;

  if (isnan (lab->value))
    title = g_strdup (name != NULL ? name : "");
  else
    /* TRANSLATORS: a lab result, e.g. "CRP 120 mg/L" */
    title = g_strdup_printf (_("%s %g %s"), name != NULL ? name : "", lab->value, unit);
  if (lab->note != NULL && *lab->note != '\0')
    g_ptr_array_add (parts, g_strdup (lab->note));
  if (lab->loinc != NULL && *lab->loinc != '\0')
    g_ptr_array_add (parts, g_strdup_printf ("LOINC %s", lab->loinc));
  if (lab->author != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("by %s"), lab->author));
  subtitle = join_details (parts);
  return GTK_WIDGET (crs_record_row_new (title, subtitle, when));
}

static void
open_timeline_cb (CrsPatientPage *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "timeline");
}

static void
crs_patient_page_dispose (GObject *object)
{
  CrsPatientPage *self = CRS_PATIENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_PATIENT_PAGE);
  /* The template's root box is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->reference);
  g_clear_object (&self->patient);
  g_clear_object (&self->interventions);
  g_clear_object (&self->labs);
  g_clear_object (&self->recent);
  g_clear_pointer (&self->observations, g_ptr_array_unref);
  g_clear_pointer (&self->open, g_ptr_array_unref);
  g_clear_pointer (&self->status, crs_patient_status_unref);

  G_OBJECT_CLASS (crs_patient_page_parent_class)->dispose (object);
}

static void
crs_patient_page_finalize (GObject *object)
{
  g_free (CRS_PATIENT_PAGE (object)->escalation_text);
  G_OBJECT_CLASS (crs_patient_page_parent_class)->finalize (object);
}

static void
crs_patient_page_class_init (CrsPatientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_patient_page_dispose;
  object_class->finalize = crs_patient_page_finalize;

  g_type_ensure (CRS_TYPE_ESCALATION_BANNER);
  g_type_ensure (CRS_TYPE_LATEST_SET);
  g_type_ensure (CRS_TYPE_THERAPY_PANEL);
  g_type_ensure (CRS_TYPE_TIMELINE);
  g_type_ensure (CRS_TYPE_TIMELINE_VIEW);
  g_type_ensure (CRS_TYPE_HISTORY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-patient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, banner);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, diagnosis_label);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, latest_set);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, therapy_panel);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, recent_chart);
  gtk_widget_class_bind_template_callback (widget_class, open_timeline_cb);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, history);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, interventions_list);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, labs_list);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, interventions_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, labs_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CrsPatientPage, switcher_bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crs_patient_page_init (CrsPatientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The placeholders are objects of the template, not children: the
   * list boxes take them (the template keeps its own reference until
   * dispose). */
  gtk_list_box_set_placeholder (self->interventions_list, self->interventions_placeholder);
  gtk_list_box_set_placeholder (self->labs_list, self->labs_placeholder);

  self->interventions = g_list_store_new (CRS_TYPE_INTERVENTION);
  self->labs = g_list_store_new (CRS_TYPE_LAB_RESULT);
  gtk_list_box_bind_model (self->interventions_list, G_LIST_MODEL (self->interventions),
                           create_intervention_row, self, NULL);
  gtk_list_box_bind_model (self->labs_list, G_LIST_MODEL (self->labs), create_lab_row, self, NULL);
  self->observations = g_ptr_array_new_with_free_func (g_object_unref);
  self->open = g_ptr_array_new_with_free_func (g_object_unref);

  /* Calendar time: what happened lately, whichever infusion it followed. */
  self->recent = crs_timeline_model_new ();
  crs_timeline_model_set_mode (self->recent, CRS_TIMELINE_MODE_CALENDAR);
  crs_timeline_model_set_range (self->recent, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_set_model (self->recent_chart, self->recent);
}

void
crs_patient_page_set_store (CrsPatientPage *self,
                            CrsStore       *store,
                            CrsReference   *reference)
{
  g_return_if_fail (CRS_IS_PATIENT_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->reference, reference);
}

/* ---------------------------------------------------------------------- */

static void
show_header (CrsPatientPage *self)
{
  CrsPatient *patient = self->patient;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  int age = crs_patient_age_years (patient, self->now);

  gtk_label_set_label (self->name_label, patient->name != NULL && *patient->name != '\0'
                                         ? patient->name : patient->mrn);
  /* TRANSLATORS: the medical record number, e.g. "MRN 1234567" */
  g_ptr_array_add (parts, g_strdup_printf (_("MRN %s"), patient->mrn));
  if (age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", age), age));
  if (patient->sex != CRS_SEX_UNSET)
    g_ptr_array_add (parts, g_strdup (crs_sex_label (patient->sex)));
  if (!isnan (patient->weight_kg))
    /* TRANSLATORS: body weight, e.g. "72 kg" */
    g_ptr_array_add (parts, g_strdup_printf (_("%g kg"), patient->weight_kg));
  if (patient->bed != NULL && *patient->bed != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Bed %s"), patient->bed));
  if (patient->spo2_scale == 2)
    g_ptr_array_add (parts, g_strdup (_("SpO₂ scale 2")));
  if (patient->use_capd)
    g_ptr_array_add (parts, g_strdup (_("ICANS by CAPD")));
  details = join_details (parts);
  gtk_label_set_label (self->details_label, details);

  gtk_label_set_label (self->diagnosis_label, patient->diagnosis != NULL ? patient->diagnosis : "");
  gtk_widget_set_visible (GTK_WIDGET (self->diagnosis_label),
                          patient->diagnosis != NULL && *patient->diagnosis != '\0');
  gtk_label_set_label (self->notes_label, patient->risk_notes != NULL ? patient->risk_notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label),
                          patient->risk_notes != NULL && *patient->risk_notes != '\0');
}

static void
show_banner (CrsPatientPage *self)
{
  CrsPatientStatus *status = self->status;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *when = NULL;
  g_autofree char *words = NULL;
  CrsOpenFlag *newest;
  guint n = status->open->len;

  g_clear_pointer (&self->escalation_text, g_free);
  if (n == 0)
    {
      crs_escalation_banner_show (self->banner, NULL, NULL);
      return;
    }

  newest = g_ptr_array_index (status->open, n - 1);
  when = crs_format_time (newest->set->taken_at, self->now);
  words = crs_patient_status_flag_words (status, newest);
  if (n == 1)
    /* TRANSLATORS: e.g. "Red flag at 14:05: NEWS2 8 (high) and seizure" */
    title = words != NULL ? g_strdup_printf (_("Red flag at %s: %s"), when, words)
                          : g_strdup_printf (_("Red flag at %s"), when);
  else
    /* TRANSLATORS: e.g. "3 red flags, the latest at 14:05: NEWS2 8 (high)" */
    title = words != NULL
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u red flag, the latest at %s: %s",
                                            "%u red flags, the latest at %s: %s", n),
                               n, when, words)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u red flag, the latest at %s",
                                            "%u red flags, the latest at %s", n),
                               n, when);
  if (newest->late)
    /* A set that raised its red flag after it was saved (a dose recorded
     * later): say why it appears now. */
    detail = g_strdup (_("Raised now, from what was recorded after the set was saved. Tell the medical "
                         "team now, then acknowledge."));
  else
    detail = g_strdup (_("Tell the medical team now, then acknowledge."));
  crs_escalation_banner_show (self->banner, title, detail);
  self->escalation_text = words != NULL ? g_steal_pointer (&words)
                                        : g_strdup (_("a red flag raised when the set was saved"));
}

/* @a and @b point to records whose time is at @offset. */
static int
newest_record_first (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  gsize offset = GPOINTER_TO_SIZE (user_data);
  gint64 ta = G_STRUCT_MEMBER (gint64, *(gpointer *) a, offset);
  gint64 tb = G_STRUCT_MEMBER (gint64, *(gpointer *) b, offset);

  return (ta < tb) - (ta > tb);
}

static void
fill_store (GListStore *store,
            GPtrArray  *records,
            gsize       time_offset)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (records, NULL, NULL);

  /* A view of @records: it keeps the references. */
  g_ptr_array_set_free_func (sorted, NULL);

  g_ptr_array_sort_with_data (sorted, newest_record_first, GSIZE_TO_POINTER (time_offset));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       sorted->pdata, sorted->len);
}

static void show_record (CrsPatientPage      *self,
                         CrsStoredRecord     *stored,
                         const CrsWardPolicy *policy,
                         gint64               now);

gboolean
crs_patient_page_load (CrsPatientPage      *self,
                       gint64               patient_id,
                       const CrsWardPolicy *policy,
                       gint64               now,
                       GError             **error)
{
  g_autoptr(CrsStoredRecord) stored = NULL;

  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), FALSE);
  g_return_val_if_fail (CRS_IS_STORE (self->store), FALSE);

  /* Read everything first: a failed read leaves the page as it was. The
   * whole history, every version of every set (the history view shows
   * amendments), graded as of now (core). */
  stored = crs_stored_record_read (self->store, patient_id, CRS_READ_EVERY_VERSION | CRS_READ_LAB_RESULTS,
                                   NULL, self->reference, now, error);
  if (stored == NULL)
    return FALSE;
  show_record (self, stored, policy, now);
  return TRUE;
}

void
crs_patient_page_clear (CrsPatientPage      *self,
                        const CrsWardPolicy *policy,
                        gint64               now)
{
  g_autoptr(CrsStoredRecord) empty = NULL;

  g_return_if_fail (CRS_IS_PATIENT_PAGE (self));

  /* Every part of the page shown for a record of nobody: no name, no
   * set, nothing from before left in any widget. */
  empty = crs_stored_record_new_empty ();
  show_record (self, empty, policy, now);
  g_clear_object (&self->patient);
}

static void
show_record (CrsPatientPage      *self,
             CrsStoredRecord     *stored,
             const CrsWardPolicy *policy,
             gint64               now)
{
  self->now = now;
  g_set_object (&self->patient, stored->patient);
  g_ptr_array_unref (self->observations);
  self->observations = g_ptr_array_ref (stored->observations);
  g_clear_pointer (&self->status, crs_patient_status_unref);
  self->status = crs_patient_status_new (&stored->record, policy, now);
  g_ptr_array_set_size (self->open, 0);
  for (guint i = 0; i < self->status->open->len; i++)
    g_ptr_array_add (self->open, g_object_ref (((CrsOpenFlag *) g_ptr_array_index (self->status->open, i))->set));

  show_header (self);
  show_banner (self);
  crs_latest_set_show (self->latest_set, self->status);
  crs_therapy_panel_show (self->therapy_panel, self->status, self->reference != NULL);
  crs_timeline_view_show (self->timeline, self->status, stored->interventions, stored->infusions);
  crs_timeline_feed_fill (self->recent, self->status, stored->infusions, stored->interventions);
  gtk_widget_set_visible (self->recent_box, self->status->sets->len > 0);
  crs_history_view_show (self->history, stored->observations, stored->acknowledgements, self->status);
  fill_store (self->interventions, stored->interventions, G_STRUCT_OFFSET (CrsIntervention, at));
  fill_store (self->labs, stored->lab_results, G_STRUCT_OFFSET (CrsLabResult, at));
}

CrsPatientStatus *
crs_patient_page_get_status (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->status;
}

CrsPatient *
crs_patient_page_get_patient (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->patient;
}

GPtrArray *
crs_patient_page_get_open_escalations (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->open;
}

const char *
crs_patient_page_get_escalation_text (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->escalation_text;
}

CrsObservation *
crs_patient_page_find_observation (CrsPatientPage *self,
                                   gint64          observation_id)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);

  for (guint i = 0; i < self->observations->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (self->observations, i);
      if (obs->id == observation_id)
        return obs;
    }
  return NULL;
}

AdwViewStack *
crs_patient_page_get_view_stack (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->view_stack;
}

CrsTimelineView *
crs_patient_page_get_timeline_view (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->timeline;
}

CrsTimeline *
crs_patient_page_get_recent_chart (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->recent_chart;
}

AdwViewSwitcherBar *
crs_patient_page_get_switcher_bar (CrsPatientPage *self)
{
  g_return_val_if_fail (CRS_IS_PATIENT_PAGE (self), NULL);
  return self->switcher_bar;
}

void
crs_patient_page_set_compact (CrsPatientPage *self,
                              gboolean        compact)
{
  g_return_if_fail (CRS_IS_PATIENT_PAGE (self));
  crs_escalation_banner_set_compact (self->banner, compact);
}
