/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-field-item.c: one fact to show as a row, and a list of them in a
 * preferences group. */
#define G_LOG_DOMAIN "crs-field-item"

#include "config.h"

#include "crs-field-item.h"

struct _CrsFieldItem
{
  GObject parent_instance;

  char *title;
  char *value;
  char *caution;
  char *detail;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_CAUTION,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrsFieldItem, crs_field_item, G_TYPE_OBJECT)

static char **
field (CrsFieldItem *self,
       guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      return &self->title;
    case PROP_VALUE:
      return &self->value;
    case PROP_CAUTION:
      return &self->caution;
    case PROP_DETAIL:
      return &self->detail;
    default:
      return NULL;
    }
}

static void
crs_field_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  char **text = field (CRS_FIELD_ITEM (object), prop_id);

  if (text == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *text);
}

static void
crs_field_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  char **text = field (CRS_FIELD_ITEM (object), prop_id);

  if (text == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    {
      g_free (*text);
      *text = g_value_dup_string (value);
    }
}

static void
crs_field_item_finalize (GObject *object)
{
  CrsFieldItem *self = CRS_FIELD_ITEM (object);

  g_free (self->title);
  g_free (self->value);
  g_free (self->caution);
  g_free (self->detail);
  G_OBJECT_CLASS (crs_field_item_parent_class)->finalize (object);
}

static void
crs_field_item_class_init (CrsFieldItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = crs_field_item_get_property;
  object_class->set_property = crs_field_item_set_property;
  object_class->finalize = crs_field_item_finalize;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  properties[PROP_CAUTION] = g_param_spec_string ("caution", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crs_field_item_init (CrsFieldItem *self)
{
}

CrsFieldItem *
crs_field_item_new (const char *title,
                    const char *value,
                    const char *caution,
                    const char *detail)
{
  return g_object_new (CRS_TYPE_FIELD_ITEM,
                       "title", title, "value", value, "caution", caution, "detail", detail,
                       NULL);
}

const char *
crs_field_item_get_title (CrsFieldItem *self)
{
  g_return_val_if_fail (CRS_IS_FIELD_ITEM (self), NULL);
  return self->title;
}

const char *
crs_field_item_get_value (CrsFieldItem *self)
{
  g_return_val_if_fail (CRS_IS_FIELD_ITEM (self), NULL);
  return self->value;
}

const char *
crs_field_item_get_caution (CrsFieldItem *self)
{
  g_return_val_if_fail (CRS_IS_FIELD_ITEM (self), NULL);
  return self->caution;
}

const char *
crs_field_item_get_detail (CrsFieldItem *self)
{
  g_return_val_if_fail (CRS_IS_FIELD_ITEM (self), NULL);
  return self->detail;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkWidget  *list)
{
  gtk_widget_set_visible (list, g_list_model_get_n_items (model) > 0);
}

GListStore *
crs_field_list_new (AdwPreferencesGroup       *group,
                    GtkListBoxCreateWidgetFunc create_row)
{
  GListStore *store;
  GtkWidget *list;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (create_row != NULL, NULL);

  store = g_list_store_new (CRS_TYPE_FIELD_ITEM);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_visible (list, FALSE);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (store), create_row, NULL, NULL);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (items_changed_cb), list, 0);
  adw_preferences_group_add (group, list);
  return store;
}
