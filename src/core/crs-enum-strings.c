/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-enum-strings.c: an enum value's machine id from its GEnumClass, its
 * label from a table. */
#define G_LOG_DOMAIN "crs-enum-strings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-enum-strings.h"

const char *
crs_enum_nick (GType type,
               int   value)
{
  GEnumClass *klass = g_type_class_peek (type);
  GEnumValue *found;

  /* A static type's class, once made, lives as long as the process: the
   * first call keeps its reference, and later calls (one per CSV cell)
   * only look it up. The nick is the generated file's static text. */
  if (klass == NULL)
    klass = g_type_class_ref (type);
  found = g_enum_get_value (klass, value);
  return found != NULL ? found->value_nick : NULL;
}

gboolean
crs_enum_value_of_nick (GType       type,
                        const char *nick,
                        int        *out)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found != NULL)
    *out = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

const char *
crs_enum_label (const CrsEnumLabel *table,
                int                 value)
{
  for (guint i = 0; table[i].label != NULL; i++)
    if (table[i].value == value)
      return _(table[i].label);
  return "";
}
