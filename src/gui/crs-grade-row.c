/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-row.c: one scale of the latest set on the patient page. */
#define G_LOG_DOMAIN "crs-grade-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-grade-row-private.h"

struct _CrsGradeRow
{
  AdwPreferencesRow parent_instance;

  char *grade_class;

  GtkLabel *scale_label;
  GtkLabel *grade_label;
  GtkImage *rising_icon;
  GtkLabel *rising_label;
  GtkLabel *summary_label;
  GtkLabel *note_label;
  GtkLabel *guidance_label;
};

G_DEFINE_FINAL_TYPE (CrsGradeRow, crs_grade_row, ADW_TYPE_PREFERENCES_ROW)

static void
crs_grade_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_GRADE_ROW);
  G_OBJECT_CLASS (crs_grade_row_parent_class)->dispose (object);
}

static void
crs_grade_row_finalize (GObject *object)
{
  g_free (CRS_GRADE_ROW (object)->grade_class);
  G_OBJECT_CLASS (crs_grade_row_parent_class)->finalize (object);
}

static void
crs_grade_row_class_init (CrsGradeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_grade_row_dispose;
  object_class->finalize = crs_grade_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-grade-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, scale_label);
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, grade_label);
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, rising_icon);
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, rising_label);
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, CrsGradeRow, guidance_label);
}

static void
crs_grade_row_init (CrsGradeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_optional (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
crs_grade_row_set (CrsGradeRow *self,
                   const char  *scale,
                   const char  *grade_text,
                   const char  *grade_class,
                   const char  *rising,
                   const char  *summary,
                   const char  *note,
                   const char  *guidance)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CRS_IS_GRADE_ROW (self));

  gtk_label_set_label (self->scale_label, scale);
  gtk_label_set_label (self->grade_label, grade_text);
  if (self->grade_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->grade_label), self->grade_class);
  g_free (self->grade_class);
  self->grade_class = g_strdup (grade_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->grade_label), grade_class);
  set_optional (self->rising_label, rising);
  gtk_widget_set_visible (GTK_WIDGET (self->rising_icon), rising != NULL);
  set_optional (self->summary_label, summary);
  set_optional (self->note_label, note);
  set_optional (self->guidance_label, guidance);

  /* The row reads as one sentence: "CRS 2 moderate. Grade 2: ..." */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), scale);
  label = g_strdup_printf ("%s %s. %s%s%s %s %s", scale, grade_text,
                           rising != NULL ? rising : "", rising != NULL ? ". " : "",
                           summary != NULL ? summary : "", note != NULL ? note : "",
                           guidance != NULL ? guidance : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

const char *
crs_grade_row_get_summary (CrsGradeRow *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_ROW (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

const char *
crs_grade_row_get_grade (CrsGradeRow *self)
{
  g_return_val_if_fail (CRS_IS_GRADE_ROW (self), NULL);
  return gtk_label_get_label (self->grade_label);
}
