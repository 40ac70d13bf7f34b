/* crs-ward-row.c: one patient in the ward list. */
#define G_LOG_DOMAIN "crs-ward-row"

#include "config.h"

#include <glib/gi18n.h>

#include "report/crs-timeline-feed.h"
#include "crs-display.h"
#include "crs-timeline.h"
#include "crs-ward-row-private.h"

struct _CrsWardRow
{
  GtkListBoxRow parent_instance;

  CrsWardEntry *entry;
  gulong        changed_id;
  CrsTimelineModel *spark;     /* the last 72 hours */

  /* Template widgets */
  GtkLabel *bed_label;
  GtkLabel *name_label;
  GtkImage *escalation_icon;
  GtkLabel *therapy_label;
  GtkWidget *grades_box;
  GtkLabel *crs_label;
  GtkImage *crs_rising;
  GtkLabel *icans_label;
  GtkImage *icans_rising;
  GtkLabel *news2_label;
  GtkLabel *due_label;
  GtkLabel *escalation_label;
  CrsTimeline *sparkline;
};

G_DEFINE_FINAL_TYPE (CrsWardRow, crs_ward_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_chip (GtkLabel   *label,
          const char *text,
          const char *style)
{
  static const char * const styles[] = {
    "crs-grade-0", "crs-grade-1", "crs-grade-2", "crs-grade-3", "crs-grade-4", "crs-grade-none"
  };

  gtk_label_set_label (label, text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (!g_str_equal (styles[i], style))
      gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), style);
}

static void
update (CrsWardRow *self)
{
  CrsWardEntry *entry = self->entry;
  CrsPatient *patient = entry->patient;
  CrsPatientStatus *status = entry->status;
  g_autofree char *bed = NULL;
  g_autofree char *therapy = NULL;
  g_autofree char *crs_chip = NULL;
  g_autofree char *icans_chip = NULL;
  g_autofree char *news2_text = NULL;
  g_autofree char *news2_chip = NULL;
  g_autofree char *due = NULL;
  g_autofree char *escalation = NULL;
  g_autofree char *crs_sentence = NULL;
  g_autofree char *icans_sentence = NULL;
  g_autofree char *crs_last = NULL;
  g_autofree char *icans_last = NULL;
  g_autoptr(GString) sentence = g_string_new (NULL);
  gboolean has_bed = patient->bed != NULL && *patient->bed != '\0';

  /* TRANSLATORS: a patient's bed, e.g. "Bed 4" */
  bed = has_bed ? g_strdup_printf (_("Bed %s"), patient->bed) : g_strdup (_("No bed"));
  gtk_label_set_label (self->bed_label, bed);
  gtk_label_set_label (self->name_label,
                       patient->name != NULL && *patient->name != '\0' ? patient->name : patient->mrn);
  if (status == NULL)
    return;

  if (status->infusion == NULL)
    therapy = g_strdup (_("No infusion recorded"));
  else if (status->infusion_day < 0)
    /* TRANSLATORS: a therapy planned but not given yet */
    therapy = g_strdup_printf (_("%s, not started"), status->window->therapy_name);
  else
    /* TRANSLATORS: a therapy and the day since its infusion (day 0 = the
     * infusion's day), e.g. "tisagenlecleucel, day 3" */
    therapy = g_strdup_printf (_("%s, day %d"), status->window->therapy_name, status->infusion_day);
  gtk_label_set_label (self->therapy_label, therapy);

  crs_chip = crs_display_scale_chip ("CRS", &status->crs);
  set_chip (self->crs_label, crs_chip, crs_display_grade_class (status->crs.grade));
  icans_chip = crs_display_scale_chip ("ICANS", &status->icans);
  set_chip (self->icans_label, icans_chip, crs_display_grade_class (status->icans.grade));
  /* A grade not determined now: the chip's tooltip says the last one. */
  crs_last = crs_patient_status_last_text (status, "CRS");
  icans_last = crs_patient_status_last_text (status, "ICANS");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->crs_label), crs_last);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icans_label), icans_last);

  if (status->latest_grading != NULL)
    {
      /* NEWS2 for an adult, PEWS for a child. */
      news2_text = crs_display_early_warning (status->latest_grading);
      /* TRANSLATORS: a chip in the ward list, e.g. "NEWS2 5 medium", "PEWS 6 medium" */
      news2_chip = g_strdup_printf (C_("chip", "%s %s"), crs_display_early_warning_name (status->latest_grading),
                                    news2_text);
      set_chip (self->news2_label, news2_chip, crs_display_early_warning_class (status->latest_grading));
    }
  /* Without any set there are no grades to show: the due line says so. */
  gtk_widget_set_visible (self->grades_box, status->latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->news2_label), status->latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->crs_rising), status->crs.rising);
  gtk_widget_set_visible (GTK_WIDGET (self->icans_rising), status->icans.rising);

  /* The sparkline: every set of the 72 hours graded as of now, by the
   * chart's renderer, its window ending now. */
  crs_timeline_model_freeze_changed (self->spark);
  crs_timeline_feed_fill (self->spark, crs_ward_entry_get_chart_status (entry),
                          entry->infusions, entry->interventions);
  crs_timeline_model_set_now (self->spark, entry->now);
  crs_timeline_model_thaw_changed (self->spark);
  gtk_widget_set_visible (GTK_WIDGET (self->sparkline), status->latest != NULL);

  due = crs_due_to_string (&status->due);
  gtk_label_set_label (self->due_label, due);
  if (status->due.status == CRS_DUE_OVERDUE || status->due.continuous)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "caption-heading");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "caption-heading");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->escalation_icon), status->open->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->escalation_label), status->open->len > 0);
  if (status->open->len > 0)
    {
      CrsOpenFlag *newest = g_ptr_array_index (status->open, status->open->len - 1);
      g_autofree char *when = crs_format_time (newest->set->taken_at, entry->now);

      if (status->open->len == 1)
        /* TRANSLATORS: e.g. "Red flag at 14:05 not acknowledged" */
        escalation = g_strdup_printf (_("Red flag at %s not acknowledged"), when);
      else
        /* TRANSLATORS: e.g. "3 red flags, the latest at 14:05, not acknowledged" */
        escalation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u red flag, the latest at %s, not acknowledged",
                                                   "%u red flags, the latest at %s, not acknowledged",
                                                   status->open->len),
                                      status->open->len, when);
      gtk_label_set_label (self->escalation_label, escalation);
    }

  /* One sentence for screen readers, in the order the eye reads. */
  g_string_append_printf (sentence, "%s, %s. ", bed,
                          patient->name != NULL ? patient->name : patient->mrn);
  if (escalation != NULL)
    g_string_append_printf (sentence, "%s. ", escalation);
  if (status->latest != NULL)
    {
      crs_sentence = crs_display_scale_sentence ("CRS", &status->crs);
      icans_sentence = crs_display_scale_sentence ("ICANS", &status->icans);
      g_string_append (sentence, crs_sentence);
      if (status->crs.rising)
        g_string_append_printf (sentence, ", %s", _("rising"));
      if (crs_last != NULL)
        g_string_append_printf (sentence, " (%s)", crs_last);
      g_string_append_printf (sentence, ". %s", icans_sentence);
      if (status->icans.rising)
        g_string_append_printf (sentence, ", %s", _("rising"));
      if (icans_last != NULL)
        g_string_append_printf (sentence, " (%s)", icans_last);
      g_string_append_printf (sentence, ". %s %s. ", crs_display_early_warning_name (status->latest_grading),
                              news2_text);
    }
  g_string_append_printf (sentence, "%s. %s.", due, therapy);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sentence->str, -1);
}

static void
entry_changed_cb (CrsWardEntry *entry,
                  CrsWardRow   *self)
{
  update (self);
}

static void
crs_ward_row_dispose (GObject *object)
{
  CrsWardRow *self = CRS_WARD_ROW (object);

  if (self->entry != NULL)
    g_clear_signal_handler (&self->changed_id, self->entry);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_WARD_ROW);
  g_clear_object (&self->spark);

  G_OBJECT_CLASS (crs_ward_row_parent_class)->dispose (object);
}

static void
crs_ward_row_class_init (CrsWardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_ward_row_dispose;

  g_type_ensure (CRS_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-ward-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, bed_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, escalation_icon);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, therapy_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, grades_box);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, crs_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, crs_rising);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, icans_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, icans_rising);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, news2_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, escalation_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWardRow, sparkline);
}

static void
crs_ward_row_init (CrsWardRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Calendar time, the last 72 hours up to now: how the patient got here. */
  self->spark = crs_timeline_model_new ();
  crs_timeline_model_set_mode (self->spark, CRS_TIMELINE_MODE_CALENDAR);
  crs_timeline_model_set_range (self->spark, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_set_model (self->sparkline, self->spark);
}

CrsWardRow *
crs_ward_row_new (CrsWardEntry *entry)
{
  CrsWardRow *self;

  g_return_val_if_fail (CRS_IS_WARD_ENTRY (entry), NULL);

  self = g_object_new (CRS_TYPE_WARD_ROW, NULL);
  self->entry = g_object_ref (entry);
  self->changed_id = g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  update (self);
  return self;
}

CrsTimeline *
crs_ward_row_get_sparkline (CrsWardRow *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ROW (self), NULL);
  return self->sparkline;
}

CrsWardEntry *
crs_ward_row_get_entry (CrsWardRow *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ROW (self), NULL);
  return self->entry;
}
