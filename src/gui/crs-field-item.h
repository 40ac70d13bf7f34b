/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-field-item.h: one fact to show as a row: a title, its value, a
 * caution and where it comes from (any may be NULL). The therapy
 * detail's and the therapy panel's lists hold these in a GListStore and
 * make their rows from them (gtk_list_box_bind_model): crs_field_list_new()
 * puts such a list in a preferences group. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_FIELD_ITEM (crs_field_item_get_type ())
G_DECLARE_FINAL_TYPE (CrsFieldItem, crs_field_item, CRS, FIELD_ITEM, GObject)

CrsFieldItem *crs_field_item_new         (const char   *title,
                                          const char   *value,
                                          const char   *caution,
                                          const char   *detail);
const char   *crs_field_item_get_title   (CrsFieldItem *self);
const char   *crs_field_item_get_value   (CrsFieldItem *self);
const char   *crs_field_item_get_caution (CrsFieldItem *self);
const char   *crs_field_item_get_detail  (CrsFieldItem *self);

/* A list of CrsFieldItem shown in @group (a boxed list, hidden while
 * empty), each row made by @create_row; the group keeps the list box,
 * the caller owns the store. */
GListStore   *crs_field_list_new         (AdwPreferencesGroup       *group,
                                          GtkListBoxCreateWidgetFunc create_row);

G_END_DECLS
