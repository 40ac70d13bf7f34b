/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-latest-set.c: the latest observation set, its grades and what they
 * mean.
 *
 * Everything shown comes from the patient's status (core): the grades as
 * of now from the full history, with the ones saved with the set where
 * they differ, and the last grade known where this set gives none. */
#define G_LOG_DOMAIN "crs-latest-set"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-guidance.h"
#include "crs-display.h"
#include "crs-grade-row.h"
#include "crs-latest-set-private.h"

struct _CrsLatestSet
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;
  CrsGradeRow         *crs_row;
  CrsGradeRow         *icans_row;
  CrsGradeRow         *news2_row;
  AdwActionRow        *escalation_row;
  AdwActionRow        *mimics_row;
  AdwActionRow        *note_row;
  GtkLabel            *disclaimer_label;
};

G_DEFINE_FINAL_TYPE (CrsLatestSet, crs_latest_set, GTK_TYPE_WIDGET)

static void
crs_latest_set_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_LATEST_SET);
  /* The template's root box is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (crs_latest_set_parent_class)->dispose (object);
}

static void
crs_latest_set_class_init (CrsLatestSetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_latest_set_dispose;

  g_type_ensure (CRS_TYPE_GRADE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-latest-set.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, group);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, crs_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, icans_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, news2_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, escalation_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, mimics_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, note_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLatestSet, disclaimer_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crs_latest_set_init (CrsLatestSet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->disclaimer_label, crs_guidance_disclaimer ());
  adw_action_row_set_subtitle (self->mimics_row, crs_guidance_mimics ());
}

/* "Rising: grade 1 before" or NULL. */
static char *
rising_text (const CrsScaleStatus *scale)
{
  if (!scale->rising)
    return NULL;
  /* TRANSLATORS: the grade is higher than in the set before */
  return g_strdup_printf (_("Rising: grade %d before"), scale->previous);
}

/* What else the nurse should know of a grade: the one it was saved with
 * where the full history now gives another, the last one known where
 * this set gives none. */
static char *
scale_note (CrsPatientStatus *status,
            const char       *scale)
{
  g_autofree char *differs = crs_patient_status_differs_text (status, scale);
  g_autofree char *last = crs_patient_status_last_text (status, scale);

  if (differs != NULL && last != NULL)
    return g_strdup_printf ("%s\n%s", differs, last);
  return differs != NULL ? g_steal_pointer (&differs) : g_steal_pointer (&last);
}

/* Whether the set's red flag was acknowledged, by whom, when and with
 * what note: the nurse taking over needs it, not only "red flag". */
static void
show_escalation (CrsLatestSet     *self,
                 CrsPatientStatus *status)
{
  gboolean open = status->latest != NULL && crs_patient_status_latest_flag_open (status);
  gboolean flagged = status->latest != NULL &&
                     (open || status->latest->stored_red_flag || status->latest_ack != NULL);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->escalation_row), flagged);
  if (!flagged)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->escalation_row), "");
      return;
    }
  text = !open && status->latest_ack != NULL
         ? crs_display_acknowledgement (status->latest_ack, status->now)
         : g_strdup (_("Red flag not acknowledged yet: tell the medical team, then acknowledge."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->escalation_row), text);
}

const char *
crs_latest_set_get_escalation_text (CrsLatestSet *self)
{
  g_return_val_if_fail (CRS_IS_LATEST_SET (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->escalation_row)))
    return "";
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->escalation_row));
}

void
crs_latest_set_show (CrsLatestSet     *self,
                     CrsPatientStatus *status)
{
  CrsObservation *latest;
  const CrsGrading *grading;
  g_autofree char *description = NULL;
  g_autofree char *crs_grade = NULL;
  g_autofree char *icans_grade = NULL;
  g_autofree char *news2_text = NULL;
  g_autofree char *crs_summary = NULL;
  g_autofree char *icans_summary = NULL;
  g_autofree char *news2_summary = NULL;
  g_autofree char *crs_rising = NULL;
  g_autofree char *icans_rising = NULL;
  g_autofree char *crs_note = NULL;
  g_autofree char *icans_note = NULL;
  g_autofree char *news2_note = NULL;
  g_autofree char *due = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) prompts = g_string_new (NULL);

  g_return_if_fail (CRS_IS_LATEST_SET (self));
  g_return_if_fail (status != NULL);

  latest = status->latest;
  grading = status->latest_grading;
  gtk_widget_set_visible (GTK_WIDGET (self->crs_row), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->icans_row), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->news2_row), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_label), latest != NULL);
  show_escalation (self, status);
  if (latest == NULL)
    {
      adw_preferences_group_set_description (self->group,
                                             _("No observations yet. Record the first set with Ctrl+N."));
      gtk_widget_set_visible (GTK_WIDGET (self->mimics_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_row), FALSE);
      return;
    }

  when = crs_format_time (latest->taken_at, status->now);
  due = crs_due_to_string (&status->due);
  for (guint i = 0; i < grading->prompts_text->len; i++)
    g_string_append_printf (prompts, " %s.", (char *) g_ptr_array_index (grading->prompts_text, i));
  /* TRANSLATORS: e.g. "Taken 14:05 by Ada Lovelace. Due in 20 minutes
   * (NEWS2 3)." and what a ticked symptom asks for */
  description = g_strdup_printf (_("Taken %s by %s. %s.%s"), when,
                                 latest->author != NULL ? latest->author : _("unknown"), due, prompts->str);
  adw_preferences_group_set_description (self->group, description);

  crs_grade = crs_scale_status_text (&status->crs);
  crs_summary = crs_grading_crs_summary (grading);
  crs_rising = rising_text (&status->crs);
  crs_note = scale_note (status, "CRS");
  crs_grade_row_set (self->crs_row, _("CRS"), crs_grade, crs_display_grade_class (status->crs.grade),
                     crs_rising, crs_summary, crs_note, grading->crs_guidance);

  icans_grade = crs_scale_status_text (&status->icans);
  icans_summary = crs_grading_icans_summary (grading);
  icans_rising = rising_text (&status->icans);
  icans_note = scale_note (status, "ICANS");
  crs_grade_row_set (self->icans_row, grading->icans_by_capd ? _("ICANS (CAPD)") : _("ICANS (ICE)"),
                     icans_grade, crs_display_grade_class (status->icans.grade),
                     icans_rising, icans_summary, icans_note, grading->icans_guidance);

  if (grading->pews_applies)
    {
      /* A child: PEWS where NEWS2 stands for an adult, with the chart's
       * escalation as guidance. */
      news2_text = crs_display_pews (grading);
      news2_summary = crs_grading_pews_summary (grading);
      if (latest->stored_rules != NULL &&
          (latest->stored_pews != grading->pews.total || latest->stored_pews_level != (int) grading->pews.level))
        {
          g_autofree char *saved = crs_display_stored_pews (latest);
          /* TRANSLATORS: e.g. "Saved as PEWS 5 medium; graded again: 6 medium." */
          news2_note = g_strdup_printf (_("Saved as PEWS %s; graded again: %s."), saved, news2_text);
        }
      crs_grade_row_set (self->news2_row, crs_pews_name (), news2_text, crs_display_pews_class (grading),
                         NULL, news2_summary, news2_note, grading->pews_guidance);
    }
  else
    {
      news2_text = crs_display_news2 (grading);
      news2_summary = crs_grading_news2_summary (grading);
      if (latest->stored_rules != NULL && latest->stored_news2 != grading->news2_total)
        {
          g_autofree char *saved = crs_is_missing_int (latest->stored_news2)
                                   ? g_strdup (_("incomplete")) : g_strdup_printf ("%d", latest->stored_news2);
          /* TRANSLATORS: e.g. "Saved as NEWS2 5; graded again: 6 medium." */
          news2_note = g_strdup_printf (_("Saved as NEWS2 %s; graded again: %s."), saved, news2_text);
        }
      crs_grade_row_set (self->news2_row, _("NEWS2"), news2_text, crs_display_news2_class (grading),
                         NULL, news2_summary, news2_note, grading->news2_guidance);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->mimics_row), grading->mimic_reminder);
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), latest->note != NULL && *latest->note != '\0');
  adw_action_row_set_subtitle (self->note_row, latest->note != NULL ? latest->note : "");
}
