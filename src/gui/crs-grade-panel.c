/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-panel.c: the grades of one observation set at a glance.
 *
 * Each grade shows its number and its word ("CRS 2 moderate") beside the
 * colour class the whole window uses (crs-display.h), so the colour is
 * never the only cue. */
#define G_LOG_DOMAIN "crs-grade-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-grade-word.h"
#include "core/crs-guidance.h"
#include "crs-display.h"
#include "crs-grade-panel-private.h"

struct _CrsGradePanel
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel  *crs_badge;
  GtkLabel  *crs_summary;
  GtkLabel  *icans_badge;
  GtkLabel  *icans_summary;
  GtkLabel  *news2_badge;
  GtkLabel  *news2_summary;
  GtkWidget *red_flag_box;
  GtkLabel  *red_flag_label;
  GtkLabel  *mimic_label;
};

G_DEFINE_FINAL_TYPE (CrsGradePanel, crs_grade_panel, GTK_TYPE_WIDGET)

/* Lines a summary may take before it is cut (as the template's). */
#define SUMMARY_LINES 3
#define PEWS_SUMMARY_LINES 5

static const char * const level_classes[] = {
  "crs-grade-0", "crs-grade-1", "crs-grade-2", "crs-grade-3", "crs-grade-4", "crs-grade-none",
};

static void
set_level_class (GtkLabel   *badge,
                 const char *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), level_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (badge), css_class);
}

static void
show_grade (GtkLabel   *badge,
            GtkLabel   *summary_label,
            const char *scale,
            int         grade,
            int         grade_min,
            char       *summary)
{
  g_autofree char *owned = summary;
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  const char *word = crs_grade_word (grade);

  if (!crs_is_missing_int (grade))
    /* TRANSLATORS: a grade badge: the scale, its grade and the grade's word, e.g. "CRS 2" over "moderate" */
    markup = g_markup_printf_escaped (_("<small>%s</small>\n<big><b>%d</b></big>\n<small>%s</small>"),
                                      scale, grade, word);
  else if (grade_min > 0)
    /* TRANSLATORS: a grade badge when only the lowest grade is known, e.g. "CRS ≥3" over "not determined" */
    markup = g_markup_printf_escaped (_("<small>%s</small>\n<big><b>≥%d</b></big>\n<small>%s</small>"),
                                      scale, grade_min, word);
  else
    markup = g_markup_printf_escaped (_("<small>%s</small>\n<big><b>?</b></big>\n<small>%s</small>"),
                                      scale, word);
  gtk_label_set_markup (badge, markup);
  gtk_label_set_justify (badge, GTK_JUSTIFY_CENTER);
  set_level_class (badge, crs_display_grade_class (grade));

  gtk_label_set_label (summary_label, owned != NULL ? owned : "");
  /* Three lines at most, above the fields: the whole text in the
   * tooltip when large text cuts it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (summary_label), owned);

  if (!crs_is_missing_int (grade))
    /* TRANSLATORS: spoken name of a grade badge, e.g. "CRS grade 2, moderate" */
    accessible = g_strdup_printf (_("%s grade %d, %s"), scale, grade, word);
  else
    accessible = g_strdup_printf (_("%s grade %s"), scale, word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_news2 (CrsGradePanel    *self,
            const CrsGrading *grading)
{
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *summary = crs_grading_news2_summary (grading);

  if (!crs_is_missing_int (grading->news2_total))
    {
      const char *risk = crs_news2_risk_label (grading->news2_risk);
      /* TRANSLATORS: the NEWS2 badge: its total and the risk band, e.g. "NEWS2 7" over "high" */
      markup = g_markup_printf_escaped (_("<small>NEWS2</small>\n<big><b>%d</b></big>\n<small>%s</small>"),
                                        grading->news2_total, risk);
      /* TRANSLATORS: spoken name of the NEWS2 badge, e.g. "NEWS2 7, high risk" */
      accessible = g_strdup_printf (_("NEWS2 %d, %s"), grading->news2_total, risk);
    }
  else if (grading->news2_not_applicable)
    {
      /* A child: no score at all, and the summary says which chart to use. */
      /* TRANSLATORS: the NEWS2 badge of a child, e.g. "NEWS2" over "–" over "under 16" */
      markup = g_markup_printf_escaped (_("<small>NEWS2</small>\n<big><b>–</b></big>\n<small>under %d</small>"),
                                        grading->news2_min_age);
      /* TRANSLATORS: spoken name of a child's NEWS2 badge, e.g. "NEWS2 not used (under 16)" */
      accessible = g_strdup_printf (_("NEWS2 not used (under %d)"), grading->news2_min_age);
    }
  else if (grading->news2_risk_at_least != CRS_NEWS2_RISK_UNKNOWN)
    {
      /* A partial set whose recorded parameters already reach a band. */
      const char *risk = crs_news2_risk_label (grading->news2_risk_at_least);
      /* TRANSLATORS: the NEWS2 badge of a partial set, e.g. "NEWS2" over
       * "≥ 3" over "at least low–medium" */
      markup = g_markup_printf_escaped (_("<small>NEWS2</small>\n<big><b>≥ %d</b></big>\n<small>at least %s</small>"),
                                        grading->news2_partial_sum, risk);
      /* TRANSLATORS: spoken name of a partial NEWS2 badge */
      accessible = g_strdup_printf (_("NEWS2 at least %d, at least %s"), grading->news2_partial_sum, risk);
    }
  else
    {
      markup = g_markup_printf_escaped (_("<small>NEWS2</small>\n<big><b>?</b></big>\n<small>%s</small>"),
                                        C_("NEWS2", "not scored"));
      accessible = g_strdup (_("NEWS2 not scored"));
    }
  gtk_label_set_markup (self->news2_badge, markup);
  gtk_label_set_justify (self->news2_badge, GTK_JUSTIFY_CENTER);
  set_level_class (self->news2_badge, crs_display_news2_class (grading));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->news2_badge), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_label_set_lines (self->news2_summary, SUMMARY_LINES);
  gtk_label_set_label (self->news2_summary, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->news2_summary), summary);
}

/* A child: PEWS where an adult's panel shows NEWS2, the total (or what
 * the recorded parameters add up to) over the level. */
static void
show_pews (CrsGradePanel    *self,
           const CrsGrading *grading)
{
  const CrsPewsScore *pews = &grading->pews;
  const char *level = crs_pews_level_label (pews->level);
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *summary = crs_grading_pews_summary (grading);

  if (pews->complete)
    {
      /* TRANSLATORS: the PEWS badge: its total and level, e.g. "PEWS 6" over "medium" */
      markup = g_markup_printf_escaped (_("<small>PEWS</small>\n<big><b>%d</b></big>\n<small>%s</small>"),
                                        pews->total, level);
      /* TRANSLATORS: spoken name of the PEWS badge, e.g. "PEWS 6, level medium" */
      accessible = g_strdup_printf (_("PEWS %d, level %s"), pews->total, level);
    }
  else if (pews->total_at_least > 0 || pews->level > CRS_PEWS_LEVEL_NONE)
    {
      /* TRANSLATORS: the PEWS badge of a partial set, e.g. "PEWS" over
       * "≥ 4" over "at least low" */
      markup = g_markup_printf_escaped (_("<small>PEWS</small>\n<big><b>≥ %d</b></big>\n<small>at least %s</small>"),
                                        pews->total_at_least, level);
      /* TRANSLATORS: spoken name of a partial PEWS badge */
      accessible = g_strdup_printf (_("PEWS at least %d, level at least %s"), pews->total_at_least, level);
    }
  else
    {
      markup = g_markup_printf_escaped (_("<small>PEWS</small>\n<big><b>?</b></big>\n<small>%s</small>"),
                                        C_("PEWS", "not scored"));
      accessible = g_strdup (_("PEWS not scored"));
    }
  gtk_label_set_markup (self->news2_badge, markup);
  gtk_label_set_justify (self->news2_badge, GTK_JUSTIFY_CENTER);
  set_level_class (self->news2_badge, crs_display_pews_class (grading));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->news2_badge), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* A child's PEWS names up to seven parameters and the triggers that
   * raised the level: more room than NEWS2's line, and the whole text
   * in the tooltip when even that is cut. */
  gtk_label_set_lines (self->news2_summary, PEWS_SUMMARY_LINES);
  gtk_label_set_label (self->news2_summary, summary != NULL ? summary : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->news2_summary), summary);
}

static void
show_red_flags (CrsGradePanel    *self,
                const CrsGrading *grading)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *line = NULL;

  for (guint i = 0; grading->red_flags != NULL && i < grading->red_flags->len; i++)
    {
      CrsRedFlag *flag = g_ptr_array_index (grading->red_flags, i);
      g_ptr_array_add (texts, flag->text);
    }
  gtk_widget_set_visible (self->red_flag_box, texts->len > 0);
  if (texts->len == 0)
    {
      gtk_label_set_label (self->red_flag_label, "");
      return;
    }
  g_ptr_array_add (texts, NULL);
  /* TRANSLATORS: separates red flags in a list, e.g. "NEWS2 8 (high); Seizure" */
  joined = g_strjoinv (_("; "), (char **) texts->pdata);
  /* TRANSLATORS: the red flags of a set, then what to do */
  line = g_strdup_printf (_("Red flag: %s. Tell the medical team now."), joined);
  gtk_label_set_label (self->red_flag_label, line);
}

static void
crs_grade_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_GRADE_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (crs_grade_panel_parent_class)->dispose (object);
}

static void
crs_grade_panel_class_init (CrsGradePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_grade_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crs-grade-panel");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-grade-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, crs_badge);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, crs_summary);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, icans_badge);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, icans_summary);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, news2_badge);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, news2_summary);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, red_flag_box);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, red_flag_label);
  gtk_widget_class_bind_template_child (widget_class, CrsGradePanel, mimic_label);
}

static void
crs_grade_panel_init (CrsGradePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_grade_panel_set_grading (self, NULL);
}

void
crs_grade_panel_set_grading (CrsGradePanel    *self,
                             const CrsGrading *grading)
{
  g_return_if_fail (CRS_IS_GRADE_PANEL (self));

  if (grading == NULL)
    {
      show_grade (self->crs_badge, self->crs_summary, _("CRS"), CRS_MISSING, 0,
                  g_strdup (_("Nothing recorded yet")));
      show_grade (self->icans_badge, self->icans_summary, _("ICANS"), CRS_MISSING, 0,
                  g_strdup (_("Nothing recorded yet")));
      gtk_label_set_markup (self->news2_badge, "");
      gtk_label_set_label (self->news2_summary, "");
      gtk_widget_set_visible (self->red_flag_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->mimic_label), FALSE);
      return;
    }

  show_grade (self->crs_badge, self->crs_summary, _("CRS"),
              grading->crs_grade, grading->crs_grade_min, crs_grading_crs_summary (grading));
  show_grade (self->icans_badge, self->icans_summary, _("ICANS"),
              grading->icans_grade, grading->icans_grade_min, crs_grading_icans_summary (grading));
  if (grading->pews_words != NULL)
    show_pews (self, grading);
  else
    show_news2 (self, grading);
  show_red_flags (self, grading);

  /* What a ticked symptom asks for, then the mimics reminder. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; grading->prompts_text != NULL && i < grading->prompts_text->len; i++)
      g_string_append_printf (text, "%s%s.", text->len > 0 ? "\n" : "",
                              (char *) g_ptr_array_index (grading->prompts_text, i));
    if (grading->mimic_reminder)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", crs_guidance_mimics ());
    gtk_widget_set_visible (GTK_WIDGET (self->mimic_label), text->len > 0);
    gtk_label_set_label (self->mimic_label, text->str);
  }
}

const char *
crs_grade_panel_get_crs_text (CrsGradePanel *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_PANEL (self), NULL);
  return gtk_label_get_label (self->crs_summary);
}

const char *
crs_grade_panel_get_icans_text (CrsGradePanel *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_PANEL (self), NULL);
  return gtk_label_get_label (self->icans_summary);
}

const char *
crs_grade_panel_get_news2_text (CrsGradePanel *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_PANEL (self), NULL);
  return gtk_label_get_label (self->news2_summary);
}

const char *
crs_grade_panel_get_early_warning_badge (CrsGradePanel *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_PANEL (self), NULL);
  return gtk_label_get_text (self->news2_badge);
}

const char *
crs_grade_panel_get_red_flags_text (CrsGradePanel *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_PANEL (self), NULL);
  return gtk_widget_get_visible (self->red_flag_box) ? gtk_label_get_label (self->red_flag_label) : NULL;
}
