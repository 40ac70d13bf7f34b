/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-check-row.c: a row of a form with a tick box. */
#define G_LOG_DOMAIN "crs-check-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-check-row.h"

struct _CrsCheckRow
{
  AdwActionRow parent_instance;

  GtkCheckButton *check;
  GtkWidget      *red_flag_box;
};

G_DEFINE_FINAL_TYPE (CrsCheckRow, crs_check_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_RED_FLAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_active_cb (CrsCheckRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* The tick box is the row's activatable widget, which AdwActionRow names
 * after the title; it also says when it is a red flag. */
static void
update_accessible (CrsCheckRow *self)
{
  if (crs_check_row_get_red_flag (self))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Red flag"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
crs_check_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrsCheckRow *self = CRS_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, crs_check_row_get_active (self));
      break;
    case PROP_RED_FLAG:
      g_value_set_boolean (value, crs_check_row_get_red_flag (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_check_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrsCheckRow *self = CRS_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      crs_check_row_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_RED_FLAG:
      crs_check_row_set_red_flag (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_check_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_CHECK_ROW);
  G_OBJECT_CLASS (crs_check_row_parent_class)->dispose (object);
}

static void
crs_check_row_class_init (CrsCheckRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crs_check_row_get_property;
  object_class->set_property = crs_check_row_set_property;
  object_class->dispose = crs_check_row_dispose;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RED_FLAG] =
    g_param_spec_boolean ("red-flag", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-check-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsCheckRow, check);
  gtk_widget_class_bind_template_child (widget_class, CrsCheckRow, red_flag_box);
  gtk_widget_class_bind_template_callback (widget_class, check_active_cb);
}

static void
crs_check_row_init (CrsCheckRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
crs_check_row_new (const char *title,
                   gboolean    red_flag)
{
  return g_object_new (CRS_TYPE_CHECK_ROW,
                       "title", title,
                       "red-flag", red_flag,
                       NULL);
}

gboolean
crs_check_row_get_active (CrsCheckRow *self)
{
  g_return_val_if_fail (CRS_IS_CHECK_ROW (self), FALSE);
  return gtk_check_button_get_active (self->check);
}

void
crs_check_row_set_active (CrsCheckRow *self,
                          gboolean     active)
{
  g_return_if_fail (CRS_IS_CHECK_ROW (self));
  gtk_check_button_set_active (self->check, active);
}

gboolean
crs_check_row_get_red_flag (CrsCheckRow *self)
{
  g_return_val_if_fail (CRS_IS_CHECK_ROW (self), FALSE);
  return gtk_widget_get_visible (self->red_flag_box);
}

void
crs_check_row_set_red_flag (CrsCheckRow *self,
                            gboolean     red_flag)
{
  g_return_if_fail (CRS_IS_CHECK_ROW (self));
  gtk_widget_set_visible (self->red_flag_box, red_flag);
  update_accessible (self);
}
