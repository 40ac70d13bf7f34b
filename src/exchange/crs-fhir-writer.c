/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-fhir-writer.c: FHIR R4 XML datatypes written with libxml2's text
 * writer: primitives as <name value="..."/>, Coding, CodeableConcept,
 * Reference, Quantity; and the bundle's ids. */
#define G_LOG_DOMAIN "crs-fhir"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crs-fhir-private.h"
#include "crs-ward-xml-private.h"

gboolean
crs_fhir_writer_init (CrsFhirWriter  *fw,
                      const char     *ward_id,
                      GError        **error)
{
  memset (fw, 0, sizeof *fw);
  fw->ward_id = ward_id;
  fw->buffer = xmlBufferCreate ();
  /* Grown by doubling: libxml2 2.9 grows a buffer to the exact size by
   * default, copying the whole document at each write. */
  if (fw->buffer != NULL)
    xmlBufferSetAllocationScheme (fw->buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  fw->w = fw->buffer != NULL ? xmlNewTextWriterMemory (fw->buffer, 0) : NULL;
  if (fw->w == NULL)
    {
      g_set_error_literal (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_FAILED,
                           _("The FHIR writer could not start (out of memory)."));
      crs_fhir_writer_clear (fw);
      return FALSE;
    }
  xmlTextWriterSetIndent (fw->w, 1);
  xmlTextWriterSetIndentString (fw->w, (const xmlChar *) "  ");
  xmlTextWriterStartDocument (fw->w, "1.0", "UTF-8", NULL);
  return TRUE;
}

GBytes *
crs_fhir_writer_finish (CrsFhirWriter  *fw,
                        GError        **error)
{
  GBytes *bytes;

  if (fw->error == NULL && xmlTextWriterEndDocument (fw->w) < 0)
    g_set_error_literal (&fw->error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_FAILED,
                         _("The FHIR bundle could not be completed."));
  if (fw->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&fw->error));
      return NULL;
    }
  xmlFreeTextWriter (fw->w);    /* flushes into the buffer */
  fw->w = NULL;
  bytes = g_bytes_new (xmlBufferContent (fw->buffer), (gsize) xmlBufferLength (fw->buffer));
  return bytes;
}

void
crs_fhir_writer_clear (CrsFhirWriter *fw)
{
  g_clear_pointer (&fw->w, xmlFreeTextWriter);
  g_clear_pointer (&fw->buffer, xmlBufferFree);
  g_clear_error (&fw->error);
}

/* Characters XML 1.0 can carry (XML 1.0, production [2] Char). */
static gboolean
text_is_xml (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
            (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
        return FALSE;
    }
  return TRUE;
}

void
crs_fhir_start (CrsFhirWriter *fw,
                const char    *name)
{
  if (fw->error == NULL)
    xmlTextWriterStartElement (fw->w, (const xmlChar *) name);
}

void
crs_fhir_end (CrsFhirWriter *fw)
{
  if (fw->error == NULL)
    xmlTextWriterEndElement (fw->w);
}

void
crs_fhir_value (CrsFhirWriter *fw,
                const char    *name,
                const char    *text)
{
  if (fw->error != NULL || text == NULL || *text == '\0')
    return;
  if (!text_is_xml (text))
    {
      g_set_error (&fw->error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("Patient %s: the %s holds a character that an XML file cannot carry"),
                   fw->mrn != NULL ? fw->mrn : "?", name);
      return;
    }
  xmlTextWriterStartElement (fw->w, (const xmlChar *) name);
  xmlTextWriterWriteAttribute (fw->w, (const xmlChar *) "value", (const xmlChar *) text);
  xmlTextWriterEndElement (fw->w);
}

void
crs_fhir_value_int (CrsFhirWriter *fw,
                    const char    *name,
                    int            value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  crs_fhir_value (fw, name, buffer);
}

void
crs_fhir_value_bool (CrsFhirWriter *fw,
                     const char    *name,
                     gboolean       value)
{
  crs_fhir_value (fw, name, value ? "true" : "false");
}

void
crs_fhir_value_decimal (CrsFhirWriter *fw,
                        const char    *name,
                        double         value)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return;
  text = crs_ward_xml_format_double (value);
  crs_fhir_value (fw, name, text);
}

void
crs_fhir_value_time (CrsFhirWriter *fw,
                     const char    *name,
                     gint64         unix_seconds)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (fw->error != NULL || unix_seconds == 0)
    return;
  dt = g_date_time_new_from_unix_utc (unix_seconds);
  /* FHIR years have four digits. */
  if (dt == NULL || g_date_time_get_year (dt) < 1000)
    {
      g_set_error (&fw->error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("Patient %s: the time in %s is out of range"),
                   fw->mrn != NULL ? fw->mrn : "?", name);
      return;
    }
  text = crs_ward_xml_format_time (unix_seconds);
  crs_fhir_value (fw, name, text);
}

void
crs_fhir_coding (CrsFhirWriter     *fw,
                 const CrsFhirCode *code)
{
  crs_fhir_start (fw, "coding");
  crs_fhir_value (fw, "system", code->system);
  crs_fhir_value (fw, "code", code->code);
  crs_fhir_value (fw, "display", code->display);
  crs_fhir_end (fw);
}

void
crs_fhir_concept (CrsFhirWriter     *fw,
                  const char        *name,
                  const CrsFhirCode *codes,
                  guint              n_codes,
                  const char        *text)
{
  crs_fhir_start (fw, name);
  for (guint i = 0; i < n_codes; i++)
    crs_fhir_coding (fw, &codes[i]);
  crs_fhir_value (fw, "text", text);
  crs_fhir_end (fw);
}

void
crs_fhir_reference (CrsFhirWriter *fw,
                    const char    *name,
                    const char    *uuid,
                    const char    *display)
{
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);

  crs_fhir_start (fw, name);
  crs_fhir_value (fw, "reference", urn);
  crs_fhir_value (fw, "display", display);
  crs_fhir_end (fw);
}

void
crs_fhir_quantity (CrsFhirWriter     *fw,
                   const char        *name,
                   double             value,
                   const CrsFhirUnit *unit,
                   const char        *comparator)
{
  crs_fhir_start (fw, name);
  crs_fhir_value_decimal (fw, "value", value);
  crs_fhir_value (fw, "comparator", comparator);
  crs_fhir_value (fw, "unit", unit->text);
  crs_fhir_value (fw, "system", CRS_FHIR_UCUM);
  crs_fhir_value (fw, "code", unit->ucum);
  crs_fhir_end (fw);
}

char *
crs_fhir_uuid (const char *ward_id,
               const char *key)
{
  /* RFC 4122 §4.3: SHA-1 of a namespace and a name, version 5. The
   * namespace is the ward's own id, so two wards never share an id. */
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (sum, (const guchar *) (ward_id != NULL ? ward_id : ""), -1);
  g_checksum_update (sum, (const guchar *) "/", 1);
  g_checksum_update (sum, (const guchar *) key, -1);
  g_checksum_get_digest (sum, digest, &len);
  digest[6] = (guint8) ((digest[6] & 0x0F) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3F) | 0x80);
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

gboolean
crs_fhir_is_code (const char *text)
{
  /* FHIR R4 code: [^\s]+(\s[^\s]+)* */
  gboolean space = TRUE;

  if (text == NULL || *text == '\0' || !text_is_xml (text))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean is_space = g_ascii_isspace (*p);
      if (is_space && (space || *p != ' '))
        return FALSE;
      space = is_space;
    }
  return !space;
}
