/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-common.c: the schema and the value formats shared by the
 * ward XML reader and writer. */
#define G_LOG_DOMAIN "crs-ward-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crs-exchange-resources.h"
#include "crs-ward-xml-private.h"

#define SCHEMA_RESOURCE "/org/crswatch/CrsWatch/exchange/crs-ward.xsd"

GBytes *
crs_ward_xml_get_schema (void)
{
  /* The resource is linked into the program; a lookup cannot fail. */
  return g_resource_lookup_data (crs_exchange_get_resource (), SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  GString *messages = user_data;

  if (error != NULL && error->message != NULL && messages->len == 0)
    g_string_append_printf (messages, "line %d: %s", error->line, error->message);
}

xmlSchemaPtr
crs_ward_xml_get_compiled_schema (GError **error)
{
  static gsize once = 0;
  static xmlSchemaPtr schema = NULL;
  static char *failure = NULL;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = crs_ward_xml_get_schema ();
      g_autoptr(GString) messages = g_string_new (NULL);
      xmlSchemaParserCtxtPtr ctxt;
      gsize size = 0;
      const char *data = g_bytes_get_data (bytes, &size);

      ctxt = xmlSchemaNewMemParserCtxt (data, (int) size);
      xmlSchemaSetParserStructuredErrors (ctxt, schema_error_cb, messages);
      schema = xmlSchemaParse (ctxt);
      xmlSchemaFreeParserCtxt (ctxt);
      if (schema == NULL)
        failure = g_strdup (messages->len > 0 ? messages->str : "unknown error");
      g_once_init_leave (&once, 1);
    }

  if (schema == NULL)
    g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_FAILED,
                 _("The ward file schema built into CRS Watch is broken (%s). Please report this."),
                 failure);
  return schema;
}

char *
crs_ward_xml_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

char *
crs_ward_xml_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Values typed by people have few decimals: find the fewest that read
   * back as the very same double, so 38.2 stays "38.2". */
  for (int digits = 0; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        {
          /* Never write "-0". */
          if (strcmp (buffer, "-0") == 0)
            return g_strdup ("0");
          return g_strdup (buffer);
        }
    }
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

char *
crs_ward_xml_tidy_message (const char *message)
{
  GString *out = g_string_new (NULL);

  for (const char *p = message; p != NULL && *p != '\0'; p++)
    {
      /* "'{https://crswatch.org/ns/ward/1}observation'" -> "'observation'" */
      if (g_str_has_prefix (p, "{http"))
        {
          const char *close = strchr (p, '}');
          if (close != NULL)
            {
              p = close;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

GDateTime *
crs_ward_xml_apply_offset (GDateTime  *anchor,
                           const char *text)
{
  const char *p = text;
  int parts[6] = { 0 };
  int sign = 1, last = -1;
  gboolean in_time = FALSE, any = FALSE;

  if (*p == '-')
    {
      sign = -1;
      p++;
    }
  if (*p++ != 'P')
    return NULL;

  while (*p != '\0')
    {
      guint64 n = 0;
      int index;

      if (*p == 'T')
        {
          if (in_time)
            return NULL;
          in_time = TRUE;
          p++;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        {
          n = n * 10 + (guint64) (*p - '0');
          /* Ten million of any unit is past every date GLib can hold. */
          if (n > 10000000)
            return NULL;
          p++;
        }
      switch (*p)
        {
        case 'Y': index = in_time ? -1 : 0; break;
        case 'M': index = in_time ? 4 : 1; break;
        case 'D': index = in_time ? -1 : 2; break;
        case 'H': index = in_time ? 3 : -1; break;
        case 'S': index = in_time ? 5 : -1; break;
        default: index = -1; break;
        }
      /* Units in their order, each once. */
      if (index < 0 || index <= last)
        return NULL;
      parts[index] = sign * (int) n;
      last = index;
      any = TRUE;
      p++;
    }
  if (!any)
    return NULL;
  return g_date_time_add_full (anchor, parts[0], parts[1], parts[2],
                               parts[3], parts[4], (double) parts[5]);
}
