/* crs-latest-set.c: the latest observation set, its grades and what they
 * mean.
 *
 * The grades shown are the ones saved with the set: a later change of
 * ward policy never changes what was recorded. The reasons come from
 * grading the set again with its history (they are not stored); when
 * that gives another grade than the one saved, the row says so. */
#define G_LOG_DOMAIN "crs-latest-set"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-guidance.h"
#include "crs-display.h"
#include "crs-grade-row.h"
#include "crs-latest-set.h"

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
rising_text (gboolean rising,
             int      previous)
{
  if (!rising)
    return NULL;
  /* TRANSLATORS: the grade is higher than in the set before */
  return g_strdup_printf (_("Rising: grade %d before"), previous);
}

/* When the set was saved with another grade than grading it today gives
 * (the ward policy changed since), say both. */
static char *
stored_note (const char *scale,
             int         stored,
             int         now_grade,
             gboolean    has_stored)
{
  g_autofree char *saved = NULL;
  g_autofree char *today = NULL;

  if (!has_stored || stored == now_grade)
    return NULL;
  saved = crs_display_grade (stored);
  today = crs_display_grade (now_grade);
  /* TRANSLATORS: e.g. "Saved as CRS 2 moderate when recorded; graded
   * again with today's ward policy the findings give 3 severe." */
  return g_strdup_printf (_("Saved as %s %s when recorded; graded again with today's ward policy "
                            "the findings give %s."), scale, saved, today);
}

/* Whether the set's red flag was acknowledged, by whom, when and with
 * what note: the nurse taking over needs it, not only "red flag". */
static void
show_escalation (CrsLatestSet   *self,
                 CrsObservation *latest,
                 GPtrArray      *acknowledgements,
                 gint64          now)
{
  const CrsAcknowledgement *ack = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->escalation_row), latest != NULL && latest->stored_red_flag);
  if (latest == NULL || !latest->stored_red_flag)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->escalation_row), "");
      return;
    }
  ack = crs_display_find_acknowledgement (acknowledgements, latest->id);
  text = ack != NULL ? crs_display_acknowledgement (ack, now)
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
                     CrsObservation   *latest,
                     const CrsGrading *grading,
                     const CrsTrend   *trend,
                     GPtrArray        *acknowledgements,
                     gint64            now)
{
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
  gboolean has_stored;
  int crs, icans, news2;

  g_return_if_fail (CRS_IS_LATEST_SET (self));

  gtk_widget_set_visible (GTK_WIDGET (self->crs_row), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->icans_row), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->news2_row), latest != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_label), latest != NULL);
  show_escalation (self, latest, acknowledgements, now);
  if (latest == NULL || grading == NULL)
    {
      adw_preferences_group_set_description (self->group,
                                             _("No observations yet. Record the first set with Ctrl+N."));
      gtk_widget_set_visible (GTK_WIDGET (self->mimics_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_row), FALSE);
      return;
    }

  when = crs_display_time (latest->taken_at, now);
  due = crs_due_to_string (&trend->due);
  /* TRANSLATORS: e.g. "Taken 14:05 by Ada Lovelace. Due in 20 minutes." */
  description = g_strdup_printf (_("Taken %s by %s. %s."), when,
                                 latest->author != NULL ? latest->author : _("unknown"), due);
  adw_preferences_group_set_description (self->group, description);

  has_stored = latest->stored_rules != NULL;
  crs = has_stored ? latest->stored_crs_grade : grading->crs_grade;
  icans = has_stored ? latest->stored_icans_grade : grading->icans_grade;
  news2 = has_stored ? latest->stored_news2 : grading->news2_total;

  crs_grade = crs_display_grade (crs);
  crs_summary = crs_grading_crs_summary (grading);
  crs_rising = rising_text (trend->crs_rising, trend->crs_previous);
  crs_note = stored_note ("CRS", crs, grading->crs_grade, has_stored);
  crs_grade_row_set (self->crs_row, _("CRS"), crs_grade, crs_display_grade_class (crs),
                     crs_rising, crs_summary, crs_note, grading->crs_guidance);

  icans_grade = crs_display_grade (icans);
  icans_summary = crs_grading_icans_summary (grading);
  icans_rising = rising_text (trend->icans_rising, trend->icans_previous);
  icans_note = stored_note ("ICANS", icans, grading->icans_grade, has_stored);
  crs_grade_row_set (self->icans_row, grading->icans_by_capd ? _("ICANS (CAPD)") : _("ICANS (ICE)"),
                     icans_grade, crs_display_grade_class (icans),
                     icans_rising, icans_summary, icans_note, grading->icans_guidance);

  /* A child: NEWS2 is not used below the ward's age; "not used", not
   * "incomplete". A NEWS2 saved with the set before stays shown. */
  if (crs_is_missing_int (news2) && grading->news2_not_applicable)
    news2_text = crs_display_news2_not_used (grading->news2_min_age);
  else
    news2_text = crs_display_news2 (news2, news2 == grading->news2_total ? grading->news2_risk
                                                                        : CRS_NEWS2_RISK_UNKNOWN);
  news2_summary = crs_grading_news2_summary (grading);
  if (has_stored && news2 != grading->news2_total)
    {
      g_autofree char *today = grading->news2_not_applicable
                               ? crs_display_news2_not_used (grading->news2_min_age)
                               : crs_display_news2 (grading->news2_total, grading->news2_risk);
      /* TRANSLATORS: e.g. "Saved as NEWS2 5 medium; graded again: 6 medium." */
      news2_note = g_strdup_printf (_("Saved as NEWS2 %s; graded again: %s."), news2_text, today);
    }
  crs_grade_row_set (self->news2_row, _("NEWS2"), news2_text,
                     crs_display_news2_class (news2, grading->news2_risk),
                     NULL, news2_summary, news2_note, grading->news2_guidance);

  gtk_widget_set_visible (GTK_WIDGET (self->mimics_row), grading->mimic_reminder);
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), latest->note != NULL && *latest->note != '\0');
  adw_action_row_set_subtitle (self->note_row, latest->note != NULL ? latest->note : "");
}
