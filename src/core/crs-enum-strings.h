/* crs-enum-strings.h: tables that give each enum value a stable machine id
 * (CSV, SQLite, XML; never translated) and a label (translated), and the
 * macro that defines the *_to_id / *_from_id / *_label functions declared
 * with CRS_DECLARE_ENUM_STRINGS (crs-model.h). Private to src/core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int         value;
  const char *id;
  const char *label;    /* N_() marked; translated on lookup */
} CrsEnumString;

/* Tables end with an entry whose id is NULL. */
const CrsEnumString *crs_enum_string_by_value (const CrsEnumString *table,
                                               int                  value);
const CrsEnumString *crs_enum_string_by_id    (const CrsEnumString *table,
                                               const char          *id);
/* The translated label, "" for an unknown value. */
const char          *crs_enum_string_label    (const CrsEnumString *table,
                                               int                  value);

#define CRS_DEFINE_ENUM_STRINGS(Type, name, table)                           \
  const char *                                                               \
  crs_##name##_to_id (Type value)                                            \
  {                                                                          \
    const CrsEnumString *e = crs_enum_string_by_value (table, (int) value);  \
    return e ? e->id : NULL;                                                 \
  }                                                                          \
  gboolean                                                                   \
  crs_##name##_from_id (const char *id, Type *out)                           \
  {                                                                          \
    const CrsEnumString *e = crs_enum_string_by_id (table, id);              \
    if (e == NULL)                                                           \
      return FALSE;                                                          \
    *out = (Type) e->value;                                                  \
    return TRUE;                                                             \
  }                                                                          \
  const char *                                                               \
  crs_##name##_label (Type value)                                            \
  {                                                                          \
    return crs_enum_string_label (table, (int) value);                       \
  }

G_END_DECLS
