/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-reader.c: reads a ward file into a CrsWardFile, hardened
 * against hostile input, validating against the schema as it streams.
 *
 * Order of defences: the size is checked before a byte is parsed; the raw
 * bytes are scanned for a DOCTYPE (the format never needs one, and every
 * entity attack needs one) before libxml2 sees them; libxml2 runs without
 * network, entity substitution, DTD loading or XInclude; depth and element
 * count are capped; the stream is validated against the compiled schema;
 * then the meaning is checked (times, ids, amendments, duplicate MRNs).
 * Nothing here touches a database. */
#define G_LOG_DOMAIN "crs-ward-xml"

#include "config.h"

#include <locale.h>

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-ward-xml-reader-private.h"

/* ---------------------------------------------------------------------- */
/* Problems                                                               */

int
crs_ward_xml_reader_line (CrsWardXmlReader *r)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (r->reader);

  if (node != NULL)
    {
      long line = xmlGetLineNo (node);
      if (line > 0)
        return (int) line;
    }
  return xmlTextReaderGetParserLineNumber (r->reader);
}

void
crs_ward_xml_reader_fail (CrsWardXmlReader *r,
                          int               code,
                          int               line,
                          const char       *format,
                          ...)
{
  g_autofree char *message = NULL;
  g_autofree char *raw = NULL;
  va_list args;

  r->n_problems++;
  if (r->error != NULL)
    return;

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  /* libxml2 quotes the file's bytes in its messages, which need not be
   * UTF-8 (a broken tag name): shown as U+FFFD, never passed on raw. */
  message = g_utf8_make_valid (raw, -1);

  if (line > 0)
    /* TRANSLATORS: file name, line number, what is wrong there */
    r->error = g_error_new (CRS_EXCHANGE_ERROR, code, _("%s, line %d: %s"), r->name, line, message);
  else
    r->error = g_error_new (CRS_EXCHANGE_ERROR, code, "%s: %s", r->name, message);
}

static void
libxml_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  CrsWardXmlReader *r = user_data;
  g_autofree char *message = NULL;
  int code;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  message = crs_ward_xml_tidy_message (error->message);
  code = error->domain == XML_FROM_SCHEMASV || error->domain == XML_FROM_SCHEMASP ||
         error->domain == XML_FROM_VALID
         ? CRS_EXCHANGE_ERROR_INVALID
         : CRS_EXCHANGE_ERROR_MALFORMED;
  crs_ward_xml_reader_fail (r, code, error->line, "%s", message);
}

/* ---------------------------------------------------------------------- */

static void
reader_clear (CrsWardXmlReader *r)
{
  g_clear_pointer (&r->anchor, g_date_time_unref);
  g_clear_pointer (&r->mrn_lines, g_hash_table_unref);
  g_clear_pointer (&r->observation_ids, g_hash_table_unref);
  g_clear_pointer (&r->observation_lines, g_hash_table_unref);
  g_clear_pointer (&r->observation_owner, g_hash_table_unref);
  g_clear_pointer (&r->pending, g_ptr_array_unref);
  g_clear_pointer (&r->setting_keys, g_hash_table_unref);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  r->text = NULL;
  g_clear_pointer (&r->file, crs_ward_file_free);
  g_clear_error (&r->error);
}

/* Never let libxml2 fetch anything: the format refers to nothing outside
 * the file. */
static xmlParserInputPtr
deny_external_cb (const char       *url,
                  const char       *id,
                  xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
parse (CrsWardXmlReader *r,
       CrsXmlInput  *input)
{
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr vctxt = NULL;
  xmlExternalEntityLoader saved_loader;
  xmlStructuredErrorFunc saved_error_func;
  void *saved_error_context;
  int ret = 0;

  schema = crs_ward_xml_get_compiled_schema (&r->error);
  if (schema == NULL)
    return;

  /* Parser errors go through the (thread-local) structured handler, not
   * xmlTextReaderSetStructuredErrorHandler(): once the schema validator
   * is plugged into the reader's SAX handler, libxml2 2.9 hands the
   * reader's relay the wrong context and the errors are lost. */
  saved_error_func = xmlStructuredError;
  saved_error_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (r, libxml_error_cb);

  /* NONET: no network; and deliberately not NOENT (entity substitution),
   * DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. */
  r->reader = xmlReaderForIO (crs_xml_input_read, crs_xml_input_close, input, NULL, "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES |
                              XML_PARSE_NOCDATA);
  if (r->reader == NULL)
    {
      crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_FAILED, 0, _("the XML parser could not start"));
      xmlSetStructuredErrorFunc (saved_error_context, saved_error_func);
      return;
    }


  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, libxml_error_cb, r);
  if (xmlTextReaderSchemaValidateCtxt (r->reader, vctxt, 0) != 0)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_FAILED, 0, _("the schema could not be attached"));

  saved_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (deny_external_cb);

  while (r->error == NULL && (ret = xmlTextReaderRead (r->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (r->reader);
      int depth = xmlTextReaderDepth (r->reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
          type == XML_READER_TYPE_ENTITY)
        {
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_UNSAFE, crs_ward_xml_reader_line (r),
                       _("a DOCTYPE or entity is not allowed in a ward file"));
          break;
        }
      if (depth < 0 || depth > CRS_WARD_XML_MAX_DEPTH)
        {
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, crs_ward_xml_reader_line (r),
                       _("the elements nest more than %d deep; a ward file never does"),
                       CRS_WARD_XML_MAX_DEPTH);
          break;
        }

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          if (++r->n_elements > CRS_WARD_XML_MAX_ELEMENTS)
            {
              crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, crs_ward_xml_reader_line (r),
                           _("the file has more than %d elements"), CRS_WARD_XML_MAX_ELEMENTS);
              break;
            }
          crs_ward_xml_reader_start_element (r, depth);
          if (xmlTextReaderIsEmptyElement (r->reader))
            crs_ward_xml_reader_end_element (r, depth);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          crs_ward_xml_reader_end_element (r, depth);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (r->text_target != NULL)
            g_string_append (r->text, (const char *) xmlTextReaderConstValue (r->reader));
          break;
        default:
          break;
        }
    }

  xmlSetExternalEntityLoader (saved_loader);

  /* The input callback's own verdicts say more than the parser's. */
  if (crs_xml_input_refused (input))
    {
      g_clear_error (&r->error);
      r->n_problems = 0;
    }
  if (input->too_many_attributes)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, input->cap_line,
                 _("an element has more than %d attributes; no element of a ward file has "
                   "that many, so CRS Watch does not read it"), CRS_WARD_XML_MAX_ATTRIBUTES);
  else if (input->too_deep)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, input->cap_line,
                 _("the elements nest more than %d deep; a ward file never does"),
                 CRS_WARD_XML_MAX_DEPTH);
  else if (input->too_many_elements)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, input->cap_line,
                 _("the file has more than %d elements"), CRS_WARD_XML_MAX_ELEMENTS);
  else if (input->tag_too_long)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, input->cap_line,
                 _("an element's start tag is longer than %zu bytes, more than "
                   "any ward file has, so CRS Watch does not read it"),
                 CRS_WARD_XML_MAX_TAG_BYTES);
  else if (input->forbidden != NULL)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_UNSAFE, 0,
                 _("the file contains “%s”: ward files never declare a DOCTYPE or entities, "
                   "so CRS Watch does not read it"), input->forbidden);
  else if (input->too_large)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_TOO_LARGE, 0,
                 _("the file is larger than %zu bytes, the most CRS Watch reads"),
                 input->limits.max_bytes);
  else if (input->io_error != NULL)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_IO, 0, "%s", input->io_error->message);
  else if (r->error == NULL && ret != 0)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_MALFORMED, crs_ward_xml_reader_line (r), _("the XML could not be read"));
  else if (r->error == NULL && xmlTextReaderIsValid (r->reader) != 1)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, 0, _("the file does not match the ward file schema"));
  else if (r->error == NULL && r->n_elements == 0)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_MALFORMED, 0, _("the file is empty"));

  xmlFreeTextReader (r->reader);
  r->reader = NULL;
  xmlSchemaFreeValidCtxt (vctxt);
  xmlSetStructuredErrorFunc (saved_error_context, saved_error_func);
}

/* libxml2 reads xs:double and xs:decimal values, the schema's own facets
 * included, with the C library's locale-dependent number parsing: under
 * de_DE "1.0E12" reads as 1. A ward file writes '.' decimals whatever the
 * locale, so it is read with C numbers, and the user's language for the
 * messages. Made once: the programs set their locale before any read
 * (and glibc's newlocale() leaks a little each call when $LOCPATH is set). */
static locale_t
c_numeric_locale (void)
{
  static gsize once = 0;
  static locale_t c_numeric = (locale_t) 0;

  if (g_once_init_enter (&once))
    {
      locale_t base = duplocale (LC_GLOBAL_LOCALE);

      if (base != (locale_t) 0)
        {
          c_numeric = newlocale (LC_NUMERIC_MASK, "C", base);
          if (c_numeric == (locale_t) 0)
            freelocale (base);
        }
      g_once_init_leave (&once, 1);
    }
  return c_numeric;
}

static CrsWardFile *
read_stream (GInputStream  *stream,
             const char    *display_name,
             gint64         anchor,
             gsize          max_bytes,
             GError       **error)
{
  CrsWardXmlReader r = { 0 };
  CrsXmlInput input = { 0 };
  /* The root is depth 1 for the scan, 0 for xmlTextReaderDepth(). */
  const CrsXmlLimits limits = {
    max_bytes, CRS_WARD_XML_MAX_DEPTH + 1, CRS_WARD_XML_MAX_ELEMENTS,
    CRS_WARD_XML_MAX_ATTRIBUTES, CRS_WARD_XML_MAX_TAG_BYTES,
  };
  g_autoptr(GError) head_error = NULL;
  int head_line = 0;

  r.name = display_name;
  r.anchor = g_date_time_new_from_unix_utc (anchor != 0 ? anchor : g_get_real_time () / G_USEC_PER_SEC);
  r.file = crs_ward_file_new ();
  r.text = g_string_new (NULL);
  r.mrn_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.observation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.observation_lines = g_hash_table_new (NULL, NULL);
  r.observation_owner = g_hash_table_new (NULL, NULL);
  r.pending = g_ptr_array_new_with_free_func (crs_ward_xml_pending_amend_free);
  r.setting_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (r.anchor == NULL)
    crs_ward_xml_reader_fail (&r, CRS_EXCHANGE_ERROR_FAILED, 0, _("the import time is out of range"));
  else if (!crs_xml_input_start (&input, stream, &limits, &head_line, &head_error))
    crs_ward_xml_reader_fail (&r, head_error->code, head_line, "%s", head_error->message);
  else
    {
      locale_t c_numeric = c_numeric_locale ();
      locale_t previous = c_numeric != (locale_t) 0 ? uselocale (c_numeric) : (locale_t) 0;

      parse (&r, &input);
      if (c_numeric != (locale_t) 0)
        uselocale (previous);
    }

  crs_xml_input_clear (&input);

  if (r.error != NULL)
    {
      if (r.n_problems > 1)
        {
          char *longer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                                       "%s (and %u more problems)", r.n_problems - 1),
                                          r.error->message, r.n_problems - 1);
          g_free (r.error->message);
          r.error->message = longer;
        }
      g_propagate_error (error, g_steal_pointer (&r.error));
      reader_clear (&r);
      return NULL;
    }

  {
    CrsWardFile *file = g_steal_pointer (&r.file);
    reader_clear (&r);
    return file;
  }
}

CrsWardFile *
crs_ward_xml_read_bytes (GBytes      *bytes,
                         const char  *display_name,
                         gint64       anchor,
                         gsize        max_bytes,
                         GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (max_bytes == 0)
    max_bytes = CRS_WARD_XML_MAX_BYTES;
  if (display_name == NULL)
    display_name = _("ward file");

  if (g_bytes_get_size (bytes) > max_bytes)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE,
                   _("%s: the file is %zu bytes, more than the %zu"
                     " bytes CRS Watch reads"),
                   display_name, g_bytes_get_size (bytes), max_bytes);
      return NULL;
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  return read_stream (stream, display_name, anchor, max_bytes, error);
}

CrsWardFile *
crs_ward_xml_read_file (const char  *path,
                        gint64       anchor,
                        gsize        max_bytes,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  goffset size;

  g_return_val_if_fail (path != NULL, NULL);

  if (max_bytes == 0)
    max_bytes = CRS_WARD_XML_MAX_BYTES;

  file = g_file_new_for_path (path);
  display_name = g_file_get_parse_name (file);

  /* The size first: a file too large is refused before it is opened for
   * parsing. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO,
                   _("Cannot read %s: %s"), display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO,
                   _("Cannot read %s: it is not a regular file"), display_name);
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size < 0 || (guint64) size > max_bytes)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE,
                   _("%s: the file is %" PRId64 " bytes, more than the %zu"
                     " bytes CRS Watch reads"),
                   display_name, (gint64) size, max_bytes);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO,
                   _("Cannot read %s: %s"), display_name, local_error->message);
      return NULL;
    }

  return read_stream (G_INPUT_STREAM (stream), display_name, anchor, max_bytes, error);
}
