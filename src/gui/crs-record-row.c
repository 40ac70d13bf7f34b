/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-record-row.c: one record in a list of the patient page. */
#define G_LOG_DOMAIN "crs-record-row"

#include "config.h"

#include "crs-record-row.h"

struct _CrsRecordRow
{
  AdwActionRow parent_instance;

  GtkLabel *time_label;
};

G_DEFINE_FINAL_TYPE (CrsRecordRow, crs_record_row, ADW_TYPE_ACTION_ROW)

static void
crs_record_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_RECORD_ROW);
  G_OBJECT_CLASS (crs_record_row_parent_class)->dispose (object);
}

static void
crs_record_row_class_init (CrsRecordRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsRecordRow, time_label);
}

static void
crs_record_row_init (CrsRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrsRecordRow *
crs_record_row_new (const char *title,
                    const char *subtitle,
                    const char *time)
{
  CrsRecordRow *self = g_object_new (CRS_TYPE_RECORD_ROW,
                                     "use-markup", FALSE,
                                     "title", title,
                                     "subtitle", subtitle != NULL ? subtitle : "",
                                     NULL);

  if (time != NULL)
    {
      gtk_label_set_label (self->time_label, time);
      gtk_widget_set_visible (GTK_WIDGET (self->time_label), TRUE);
    }
  return self;
}
