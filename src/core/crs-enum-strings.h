/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-enum-strings.h: each enum value's stable machine id (CSV, SQLite,
 * XML; never translated) is its nick in the GEnumClass that
 * gnome.mkenums_simple generates from the nick=... annotations
 * of crs-model.h and crs-therapy.h (crs-core-enums.h); its label
 * (translated) is in a table here. The macro defines the *_to_id /
 * *_from_id / *_label functions declared with CRS_DECLARE_ENUM_STRINGS
 * (crs-model.h). Private to src/core. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  int         value;
  const char *label;    /* N_() marked; translated on lookup */
} CrsEnumLabel;

/* The nick of @value in the enum @type; NULL for a skipped or unknown
 * value. */
const char *crs_enum_nick          (GType        type,
                                    int          value);
/* The value whose nick is @nick; FALSE when there is none. */
gboolean    crs_enum_value_of_nick (GType        type,
                                    const char  *nick,
                                    int         *out);
/* The translated label of @value in @table (ended by a NULL label), ""
 * for an unknown value. */
const char *crs_enum_label         (const CrsEnumLabel *table,
                                    int                 value);

#define CRS_DEFINE_ENUM_STRINGS(Type, name, gtype, labels)                   \
  const char *                                                               \
  crs_##name##_to_id (Type value)                                            \
  {                                                                          \
    return crs_enum_nick (gtype, (int) value);                               \
  }                                                                          \
  gboolean                                                                   \
  crs_##name##_from_id (const char *id, Type *out)                           \
  {                                                                          \
    int value;                                                               \
    if (!crs_enum_value_of_nick (gtype, id, &value))                         \
      return FALSE;                                                          \
    *out = (Type) value;                                                     \
    return TRUE;                                                             \
  }                                                                          \
  const char *                                                               \
  crs_##name##_label (Type value)                                            \
  {                                                                          \
    return crs_enum_label (labels, (int) value);                             \
  }

G_END_DECLS
