/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-field-row.c: one field of a therapy in the detail page. */
#define G_LOG_DOMAIN "crs-therapy-field-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-therapy-field-row-private.h"

struct _CrsTherapyFieldRow
{
  AdwPreferencesRow parent_instance;

  char *value;       /* NULL = no data */

  GtkLabel *title_label;
  GtkLabel *value_label;
  GtkLabel *caution_label;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (CrsTherapyFieldRow, crs_therapy_field_row, ADW_TYPE_PREFERENCES_ROW)

static void
crs_therapy_field_row_finalize (GObject *object)
{
  CrsTherapyFieldRow *self = CRS_THERAPY_FIELD_ROW (object);

  g_free (self->value);
  G_OBJECT_CLASS (crs_therapy_field_row_parent_class)->finalize (object);
}

static void
crs_therapy_field_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_THERAPY_FIELD_ROW);
  G_OBJECT_CLASS (crs_therapy_field_row_parent_class)->dispose (object);
}

static void
crs_therapy_field_row_class_init (CrsTherapyFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crs_therapy_field_row_finalize;
  object_class->dispose = crs_therapy_field_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-therapy-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyFieldRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyFieldRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyFieldRow, caution_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyFieldRow, detail_label);
}

static void
crs_therapy_field_row_init (CrsTherapyFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_optional (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

GtkWidget *
crs_therapy_field_row_new (const char *title,
                           const char *value,
                           const char *caution,
                           const char *detail)
{
  CrsTherapyFieldRow *self = g_object_new (CRS_TYPE_THERAPY_FIELD_ROW, NULL);
  g_autofree char *accessible = NULL;

  self->value = g_strdup (value);
  /* The title also lets AdwPreferencesWindow-style search find the row. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_label_set_text (self->title_label, title);
  /* A missing value stays missing: say so, never leave a blank. */
  gtk_label_set_text (self->value_label, value ? value : _("No data"));
  if (value == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  set_optional (self->caution_label, caution);
  set_optional (self->detail_label, detail);

  /* Screen readers read the row as one sentence. */
  accessible = g_strdup_printf ("%s: %s", title, value ? value : _("No data"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail ? detail : "",
                                  -1);
  return GTK_WIDGET (self);
}

const char *
crs_therapy_field_row_get_value (CrsTherapyFieldRow *self)
{
  g_return_val_if_fail (CRS_IS_THERAPY_FIELD_ROW (self), NULL);
  return self->value;
}

const char *
crs_therapy_field_row_get_detail (CrsTherapyFieldRow *self)
{
  g_return_val_if_fail (CRS_IS_THERAPY_FIELD_ROW (self), NULL);
  return gtk_label_get_text (self->detail_label);
}
