/* crs-enum-strings.c: lookups in enum id/label tables. */
#define G_LOG_DOMAIN "crs-enum-strings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-enum-strings.h"

const CrsEnumString *
crs_enum_string_by_value (const CrsEnumString *table,
                          int                  value)
{
  for (guint i = 0; table[i].id != NULL; i++)
    if (table[i].value == value)
      return &table[i];
  return NULL;
}

const CrsEnumString *
crs_enum_string_by_id (const CrsEnumString *table,
                       const char          *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; table[i].id != NULL; i++)
    if (g_strcmp0 (table[i].id, id) == 0)
      return &table[i];
  return NULL;
}

const char *
crs_enum_string_label (const CrsEnumString *table,
                       int                  value)
{
  const CrsEnumString *e = crs_enum_string_by_value (table, value);

  return e ? _(e->label) : "";
}
