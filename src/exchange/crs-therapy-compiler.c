/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-compiler.c: data/therapies.xml -> CrsTherapy records ->
 * therapies.sqlite, at build time.
 *
 * libxml2 checks the file against the XSD (structure, enumerations,
 * required sources, unique codes, known source ids); this file then checks
 * what XSD 1.0 cannot express and turns the tree into records. Every
 * problem is reported as "FILE:LINE: FIELD: what is wrong", all of them
 * at once, so one build run shows everything to fix. */
#define G_LOG_DOMAIN "crs-therapy-compiler"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "core/crs-therapy.h"
#include "store/crs-reference-writer.h"
#include "crs-therapy-compiler.h"
#include "crs-xml-input.h"

#define THERAPIES_NS "urn:crswatch:therapies:1"
/* Beyond this many, more problems are counted, not listed. */
#define MAX_PROBLEMS 50

/* What a therapies file (or its schema) may be: far above the real one
 * (80 kB, 775 elements nested 4 deep, at most 7 attributes on one), far
 * below what would slow the build or exhaust memory. The bytes pass
 * through the same guard as a ward file (crs-xml-input.c): no DOCTYPE,
 * no entities, caps applied before libxml2 parses them. */
static const CrsXmlLimits therapy_limits = {
  .max_bytes = 16 * 1024 * 1024,
  .max_depth = 16,
  .max_elements = 200000,
  .max_attributes = 32,
  .max_tag_bytes = 64 * 1024,
};

typedef struct
{
  const char *path;
  GPtrArray  *problems;     /* char * */
  guint       dropped;
  GHashTable *sources;      /* id -> CrsSource * */
} Compiler;

static void
add_problem (Compiler   *c,
             const char *file,
             int         line,
             const char *field,
             const char *message)
{
  g_autofree char *text = NULL;

  if (c->problems->len >= MAX_PROBLEMS)
    {
      c->dropped++;
      return;
    }
  /* libxml2 quotes the file's bytes in its messages (a tag name that is
   * not UTF-8, say): the problem is made valid UTF-8, bad bytes shown as
   * U+FFFD, so that every message can be printed and shown (found by
   * fuzz-therapy, tests/fuzz/crashes/therapy/). */
  if (field != NULL)
    text = g_strdup_printf ("%s:%d: %s: %s", file, line, field, message);
  else
    text = g_strdup_printf ("%s:%d: %s", file, line, message);
  g_ptr_array_add (c->problems, g_utf8_make_valid (text, -1));
}

static void G_GNUC_PRINTF (4, 5)
problem_at (Compiler   *c,
            xmlNode    *node,
            const char *field,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (c, c->path, (int) xmlGetLineNo (node), field, message);
}

/* libxml2's messages name elements as "{urn:...}name"; people know them
 * as "name", and the element is already named in the FIELD column. */
static char *
tidy_message (const char *message,
              const char *element)
{
  g_autoptr(GString) text = g_string_new (message ? message : "");
  g_autofree char *prefix = NULL;

  g_string_replace (text, "{" THERAPIES_NS "}", "", 0);
  if (element != NULL)
    {
      /* "Element 'x': what" and "Element 'x', attribute 'y': what" */
      prefix = g_strdup_printf ("Element '%s'", element);
      if (g_str_has_prefix (text->str, prefix) &&
          (text->str[strlen (prefix)] == ':' || text->str[strlen (prefix)] == ','))
        g_string_erase (text, 0, (gssize) strlen (prefix) + 2);
    }
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The key in "... key-sequence ['x'] ...", or NULL. */
static char *
key_in_message (const char *message)
{
  const char *start = strstr (message, "['");
  const char *end = start ? strstr (start, "']") : NULL;

  return end ? g_strndup (start + 2, (gsize) (end - start - 2)) : NULL;
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  err)
{
  Compiler *c = user_data;
  xmlNode *node = err->node;
  g_autofree char *element = NULL;
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;

  if (err->level == XML_ERR_WARNING)
    return;
  message = tidy_message (err->message, NULL);
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    element = g_strdup ((const char *) node->name);
  else if (node != NULL && node->type == XML_ATTRIBUTE_NODE && node->parent != NULL)
    element = g_strdup ((const char *) node->parent->name);
  else if (g_str_has_prefix (message, "Element '") && strstr (message, "': ") != NULL)
    /* Identity-constraint errors come without a node. */
    element = g_strndup (message + 9, (gsize) (strstr (message, "': ") - message - 9));
  if (element != NULL)
    {
      g_autofree char *tidy = tidy_message (message, element);
      g_free (message);
      message = g_steal_pointer (&tidy);
    }

  /* Say the schema's two identity constraints in words. */
  key = key_in_message (message);
  if (key != NULL && strstr (message, "'therapy-code'") != NULL)
    {
      g_free (message);
      message = g_strdup_printf ("the code “%s” is used by an earlier therapy; codes must be unique", key);
    }
  else if (key != NULL && strstr (message, "'source-reference'") != NULL)
    {
      g_free (message);
      message = g_strdup_printf ("the source “%s” is not listed in <sources>", key);
    }

  add_problem (c, err->file ? err->file : c->path, err->line, element, message);
}

/* ---------------------------------------------------------------------- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST THERAPIES_NS) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* Text content with runs of white space made one space: the XML may wrap
 * long texts over several lines. */
static char *
get_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = (const char *) raw; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && text->len > 0)
            g_string_append_c (text, ' ');
          space = FALSE;
          g_string_append_c (text, *p);
        }
    }
  xmlFree (raw);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
get_bool_attr (xmlNode    *node,
               const char *name)
{
  g_autofree char *value = get_attr (node, name);

  return value != NULL && (g_str_equal (value, "true") || g_str_equal (value, "1"));
}

/* An xs:decimal as a double and the number of decimals it was written with. */
static gboolean
parse_decimal (const char *text,
               double     *value,
               int        *decimals)
{
  const char *dot;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    return FALSE;
  dot = strchr (text, '.');
  *decimals = dot ? (int) strlen (dot + 1) : 0;
  return TRUE;
}

/* The source named by @node's source attribute (a new reference). The
 * schema's keyref already guarantees it exists. */
static CrsSource *
get_source (Compiler *c,
            xmlNode  *node)
{
  g_autofree char *id = get_attr (node, "source");
  CrsSource *source;

  if (id == NULL)
    return NULL;
  source = g_hash_table_lookup (c->sources, id);
  if (source == NULL)
    {
      problem_at (c, node, (const char *) node->name, "no source has the id “%s”", id);
      return NULL;
    }
  return crs_source_ref (source);
}

#define READ_ENUM(c, node, attr_or_null, kind, Type, out)                            \
  G_STMT_START {                                                                      \
    g_autofree char *id_ = (attr_or_null) ? get_attr (node, attr_or_null)            \
                                          : get_text (node);                          \
    if (id_ != NULL && !crs_##kind##_from_id (id_, &(out)))                          \
      problem_at (c, node, (const char *) (node)->name,                               \
                  "“%s” is not a known " #kind " (update src/core/crs-therapy.c)", id_); \
  } G_STMT_END

static void
read_sourced_text (Compiler       *c,
                   xmlNode        *node,
                   CrsSourcedText *text)
{
  text->text = get_text (node);
  text->source = get_source (c, node);
  text->date = get_attr (node, "date");
  text->before_rems_change = get_bool_attr (node, "before-rems-change");
}

static void
append_sourced_text (Compiler  *c,
                     xmlNode   *node,
                     GPtrArray *list)
{
  CrsSourcedText *text = g_new0 (CrsSourcedText, 1);

  read_sourced_text (c, node, text);
  g_ptr_array_add (list, text);
}

static void
read_number (Compiler         *c,
             xmlNode          *node,
             CrsSourcedNumber *number)
{
  g_autofree char *value = get_attr (node, "value");
  g_autofree char *unit = get_attr (node, "unit");

  if (!parse_decimal (value, &number->value, &number->decimals))
    problem_at (c, node, "value", "“%s” is not a number", value ? value : "");
  if (unit != NULL)
    READ_ENUM (c, node, "unit", time_unit, CrsTimeUnit, number->unit);
  number->approximate = get_bool_attr (node, "approximate");
  number->term = get_attr (node, "term");
  number->derivation = get_attr (node, "derivation");
  number->note = get_attr (node, "note");
  number->from = get_attr (node, "from");
  number->study = get_attr (node, "study");
  number->source = get_source (c, node);
}

static void
read_range (Compiler        *c,
            xmlNode         *node,
            CrsSourcedRange *range)
{
  g_autofree char *min = get_attr (node, "min");
  g_autofree char *max = get_attr (node, "max");
  g_autofree char *unit = get_attr (node, "unit");
  g_autofree char *spread = get_attr (node, "spread");
  const char *field = (const char *) node->name;
  int given = (min != NULL) + (max != NULL) + (unit != NULL) + (spread != NULL);

  range->text = get_text (node);
  range->from = get_attr (node, "from");
  range->study = get_attr (node, "study");
  range->source = get_source (c, node);

  /* XSD 1.0 cannot say "all or none" of these attributes. */
  if (given != 0 && given != 4)
    {
      problem_at (c, node, field, "give min, max, unit and spread together, or none of them");
      return;
    }
  if (given == 0)
    return;
  if (!parse_decimal (min, &range->min, &range->min_decimals))
    problem_at (c, node, "min", "“%s” is not a number", min);
  if (!parse_decimal (max, &range->max, &range->max_decimals))
    problem_at (c, node, "max", "“%s” is not a number", max);
  READ_ENUM (c, node, "unit", time_unit, CrsTimeUnit, range->unit);
  READ_ENUM (c, node, "spread", spread, CrsSpread, range->spread);
  if (!isnan (range->min) && !isnan (range->max) && range->min > range->max)
    problem_at (c, node, field, "min (%s) is above max (%s)", min, max);
}

static void
check_not_above (Compiler               *c,
                 xmlNode                *node,
                 const CrsSourcedNumber *part,
                 const CrsSourcedNumber *whole,
                 const char             *whole_field)
{
  if (!crs_sourced_number_is_missing (part) && !crs_sourced_number_is_missing (whole) &&
      part->value > whole->value)
    problem_at (c, node, (const char *) node->name, "is above %s", whole_field);
}

/* A median of the same unit must lie inside its range. */
static void
check_median (Compiler               *c,
              xmlNode                *node,
              const CrsSourcedNumber *median,
              const CrsSourcedRange  *range)
{
  if (node == NULL || crs_sourced_number_is_missing (median) || isnan (range->min) ||
      isnan (range->max) || range->min > range->max || median->unit != range->unit)
    return;
  if (median->value < range->min || median->value > range->max)
    problem_at (c, node, (const char *) node->name, "the median lies outside its range");
}

static CrsTherapy *
read_therapy (Compiler *c,
              xmlNode  *therapy_node)
{
  g_autoptr(CrsTherapy) t = crs_therapy_new ();
  g_autoptr(GStrvBuilder) brands = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  xmlNode *g3_node = NULL, *icans_g3_node = NULL, *onset_range_node = NULL, *duration_range_node = NULL;

  t->code = get_attr (therapy_node, "code");

  for (xmlNode *n = therapy_node->children; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (n, "generic-name"))
        t->generic_name = get_text (n);
      else if (is_element (n, "other-name"))
        {
          g_autofree char *name = get_text (n);
          g_strv_builder_add (others, name);
        }
      else if (is_element (n, "brand-name"))
        {
          g_autofree char *name = get_text (n);
          g_strv_builder_add (brands, name);
        }
      else if (is_element (n, "brand-note"))
        t->brand_note = get_text (n);
      else if (is_element (n, "class"))
        {
          READ_ENUM (c, n, NULL, drug_class, CrsDrugClass, t->drug_class);
          t->class_detail = get_attr (n, "detail");
        }
      else if (is_element (n, "target"))
        t->target = get_text (n);
      else if (is_element (n, "risk-tier"))
        {
          READ_ENUM (c, n, NULL, risk_tier, CrsRiskTier, t->risk_tier);
          t->risk_tier_source = get_source (c, n);
        }
      else if (is_element (n, "approval"))
        {
          g_autofree char *text = get_text (n);
          READ_ENUM (c, n, "status", approval, CrsApproval, t->approval);
          t->approval_text.source = get_source (c, n);
          t->approval_text.text = *text ? g_steal_pointer (&text) : NULL;
        }
      else if (is_element (n, "indications"))
        append_sourced_text (c, n, t->indications);
      else if (is_element (n, "population"))
        read_sourced_text (c, n, &t->population);
      else if (is_element (n, "crs-grading-scale"))
        {
          READ_ENUM (c, n, "scale", grading_scale, CrsGradingScale, t->grading_scale);
          read_sourced_text (c, n, &t->grading_scale_text);
        }
      else if (is_element (n, "crs-any-grade"))
        read_number (c, n, &t->crs_any_grade);
      else if (is_element (n, "crs-grade3plus"))
        {
          read_number (c, n, &t->crs_grade3plus);
          g3_node = n;
        }
      else if (is_element (n, "icans-any-grade"))
        read_number (c, n, &t->icans_any_grade);
      else if (is_element (n, "icans-grade3plus"))
        {
          read_number (c, n, &t->icans_grade3plus);
          icans_g3_node = n;
        }
      else if (is_element (n, "onset-median"))
        read_number (c, n, &t->onset_median);
      else if (is_element (n, "onset-range"))
        {
          read_range (c, n, &t->onset_range);
          onset_range_node = n;
        }
      else if (is_element (n, "duration-median"))
        read_number (c, n, &t->duration_median);
      else if (is_element (n, "duration-range"))
        {
          read_range (c, n, &t->duration_range);
          duration_range_node = n;
        }
      else if (is_element (n, "boxed-warning"))
        {
          READ_ENUM (c, n, "status", boxed_warning, CrsBoxedWarning, t->boxed_warning);
          read_sourced_text (c, n, &t->boxed_warning_text);
        }
      else if (is_element (n, "step-up-dosing"))
        append_sourced_text (c, n, t->step_up_dosing);
      else if (is_element (n, "premedication"))
        append_sourced_text (c, n, t->premedication);
      else if (is_element (n, "monitoring"))
        append_sourced_text (c, n, t->monitoring);
      else if (is_element (n, "label-action"))
        append_sourced_text (c, n, t->label_actions);
      else if (is_element (n, "note"))
        append_sourced_text (c, n, t->notes);
      else
        /* The schema allows nothing else; this keeps the compiler honest
         * when the schema grows. */
        problem_at (c, n, (const char *) n->name, "the compiler does not know this element");
    }

  g_strfreev (t->brand_names);
  t->brand_names = g_strv_builder_end (brands);
  g_strfreev (t->other_names);
  t->other_names = g_strv_builder_end (others);

  if (g3_node != NULL)
    check_not_above (c, g3_node, &t->crs_grade3plus, &t->crs_any_grade, "crs-any-grade");
  if (icans_g3_node != NULL)
    check_not_above (c, icans_g3_node, &t->icans_grade3plus, &t->icans_any_grade, "icans-any-grade");
  check_median (c, onset_range_node, &t->onset_median, &t->onset_range);
  check_median (c, duration_range_node, &t->duration_median, &t->duration_range);

  return g_steal_pointer (&t);
}

static void
read_sources (Compiler *c,
              xmlNode  *sources_node)
{
  for (xmlNode *n = sources_node->children; n != NULL; n = n->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *citation = NULL;
      g_autofree char *url = NULL;
      g_autofree char *quality_id = NULL;
      CrsSourceQuality quality = CRS_SOURCE_QUALITY_PRIMARY;

      if (!is_element (n, "source"))
        continue;
      id = get_attr (n, "id");
      quality_id = get_attr (n, "quality");
      if (quality_id != NULL)
        READ_ENUM (c, n, "quality", source_quality, CrsSourceQuality, quality);
      for (xmlNode *m = n->children; m != NULL; m = m->next)
        {
          if (is_element (m, "citation"))
            citation = get_text (m);
          else if (is_element (m, "url"))
            url = get_text (m);
        }
      g_hash_table_replace (c->sources, g_strdup (id), crs_source_new (id, citation, url, quality));
    }
}

static gboolean
fail_with_problems (Compiler  *c,
                    GError   **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < c->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, c->problems->pdata[i]);
    }
  if (c->dropped > 0)
    g_string_append_printf (text, "\n%s: %u more problems not shown", c->path, c->dropped);
  g_set_error_literal (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID, text->str);
  return FALSE;
}

/* Never let libxml2 fetch anything: neither format refers to anything
 * outside its file. */
static xmlParserInputPtr
deny_external_cb (const char       *url,
                  const char       *id,
                  xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

/* The verdict of the byte guard, as a problem of @path. */
static void
add_guard_problem (Compiler          *c,
                   const char        *path,
                   const CrsXmlInput *input)
{
  g_autofree char *message = NULL;

  if (input->forbidden != NULL)
    message = g_strdup_printf ("the file contains “%s”: CRS Watch reads no DOCTYPE or entities", input->forbidden);
  else if (input->too_large)
    message = g_strdup_printf ("the file is larger than %" G_GSIZE_FORMAT " bytes, the most CRS Watch reads",
                               input->limits.max_bytes);
  else if (input->too_deep)
    message = g_strdup_printf ("the elements nest more than %u deep", input->limits.max_depth);
  else if (input->too_many_elements)
    message = g_strdup_printf ("the file has more than %u elements", input->limits.max_elements);
  else if (input->too_many_attributes)
    message = g_strdup_printf ("an element has more than %u attributes", input->limits.max_attributes);
  else if (input->tag_too_long)
    message = g_strdup_printf ("an element's start tag is longer than %" G_GSIZE_FORMAT " bytes",
                               input->limits.max_tag_bytes);
  else if (input->io_error != NULL)
    message = g_strdup (input->io_error->message);
  else
    return;
  g_ptr_array_set_size (c->problems, 0);
  c->dropped = 0;
  add_problem (c, path, input->forbidden != NULL || input->too_large ? 0 : input->cap_line, NULL, message);
}

/* Parses @stream into a tree through the byte guard, without network,
 * entity substitution, DTD loading or XInclude. NULL with problems. */
static xmlDoc *
read_guarded (Compiler     *c,
              GInputStream *stream,
              const char   *path)
{
  CrsXmlInput input = { 0 };
  g_autoptr(GError) error = NULL;
  xmlExternalEntityLoader saved_loader;
  xmlParserCtxt *parser;
  xmlDoc *doc = NULL;
  int line = 0;

  if (!crs_xml_input_start (&input, stream, &therapy_limits, &line, &error))
    {
      add_problem (c, path, line, NULL, error->message);
      crs_xml_input_clear (&input);
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      add_problem (c, path, 0, NULL, "out of memory");
      crs_xml_input_clear (&input);
      return NULL;
    }
  saved_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (deny_external_cb);
  xmlSetStructuredErrorFunc (c, structured_error_cb);
  /* NONET, and deliberately not NOENT, DTDLOAD, DTDATTR, XINCLUDE or
   * HUGE. Line numbers for every message. */
  doc = xmlCtxtReadIO (parser, crs_xml_input_read, crs_xml_input_close, &input, path, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetExternalEntityLoader (saved_loader);
  xmlFreeParserCtxt (parser);

  if (crs_xml_input_refused (&input))
    {
      add_guard_problem (c, path, &input);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc != NULL && doc->intSubset != NULL)
    {
      /* The scan makes this impossible; kept as a second lock. */
      add_problem (c, path, 0, NULL, "the file has a DOCTYPE: CRS Watch reads no DOCTYPE or entities");
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  crs_xml_input_clear (&input);
  return doc;
}

/* Opens @path as a regular file no larger than the limit. */
static GInputStream *
open_guarded (Compiler   *c,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GFileInputStream *stream;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      add_problem (c, path, 0, NULL, error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      add_problem (c, path, 0, NULL, "not a regular file");
      return NULL;
    }
  if (g_file_info_get_size (info) > (goffset) therapy_limits.max_bytes)
    {
      g_autofree char *message = g_strdup_printf ("the file is larger than %" G_GSIZE_FORMAT
                                                  " bytes, the most CRS Watch reads",
                                                  therapy_limits.max_bytes);
      add_problem (c, path, 0, NULL, message);
      return NULL;
    }
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    add_problem (c, path, 0, NULL, error->message);
  return G_INPUT_STREAM (stream);
}

/* The schema keeps pointers into its document: @doc_out lives as long. */
static xmlSchema *
load_schema (Compiler    *c,
             const char  *xsd_path,
             xmlDoc     **doc_out)
{
  g_autoptr(GInputStream) stream = open_guarded (c, xsd_path);
  xmlSchemaParserCtxt *parser;
  xmlExternalEntityLoader saved_loader;
  xmlSchema *schema;
  xmlDoc *doc;

  if (stream == NULL)
    return NULL;
  doc = read_guarded (c, stream, xsd_path);
  if (doc == NULL)
    return NULL;
  parser = xmlSchemaNewDocParserCtxt (doc);
  if (parser == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  /* An xs:include or xs:import would be fetched: refused too. */
  saved_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (deny_external_cb);
  xmlSchemaSetParserStructuredErrors (parser, structured_error_cb, c);
  schema = xmlSchemaParse (parser);
  xmlSetExternalEntityLoader (saved_loader);
  xmlSchemaFreeParserCtxt (parser);
  if (schema == NULL)
    xmlFreeDoc (doc);
  else
    *doc_out = doc;
  return schema;
}

/* The compiled schema of @xsd_path, parsed once per path: the fuzzer
 * loads thousands of files against the same schema. */
static xmlSchema *
get_schema (Compiler   *c,
            const char *xsd_path)
{
  G_LOCK_DEFINE_STATIC (cache);
  static char *cached_path = NULL;
  static xmlSchema *cached = NULL;
  static xmlDoc *cached_doc = NULL;
  xmlSchema *schema;

  G_LOCK (cache);
  if (cached == NULL || g_strcmp0 (cached_path, xsd_path) != 0)
    {
      g_clear_pointer (&cached, xmlSchemaFree);
      g_clear_pointer (&cached_doc, xmlFreeDoc);
      g_clear_pointer (&cached_path, g_free);
      cached = load_schema (c, xsd_path, &cached_doc);
      if (cached != NULL)
        cached_path = g_strdup (xsd_path);
    }
  schema = cached;
  G_UNLOCK (cache);
  return schema;
}

static gboolean
validate (Compiler  *c,
          xmlDoc    *doc,
          const char *xsd_path)
{
  xmlSchema *schema = get_schema (c, xsd_path);
  xmlSchemaValidCtxt *valid;
  int rc;

  if (schema == NULL)
    {
      if (c->problems->len == 0)
        add_problem (c, xsd_path, 0, NULL, "cannot read the schema");
      return FALSE;
    }
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, structured_error_cb, c);
  rc = xmlSchemaValidateDoc (valid, doc);
  xmlSchemaFreeValidCtxt (valid);
  if (rc != 0 && c->problems->len == 0)
    add_problem (c, c->path, 0, NULL, "does not match the schema");
  return rc == 0;
}

static GPtrArray *
load_stream (GInputStream  *stream,
             const char    *xml_path,
             const char    *xsd_path,
             GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) crs_source_unref);
  g_autoptr(GPtrArray) therapies = g_ptr_array_new_with_free_func (g_object_unref);
  Compiler c = { xml_path, problems, 0, sources };
  xmlDoc *doc;
  xmlNode *root;

  doc = stream != NULL ? read_guarded (&c, stream, xml_path) : NULL;
  if (doc == NULL)
    {
      if (problems->len == 0)
        add_problem (&c, xml_path, 0, NULL, "cannot read the file");
      fail_with_problems (&c, error);
      return NULL;
    }

  if (!validate (&c, doc, xsd_path))
    {
      xmlFreeDoc (doc);
      fail_with_problems (&c, error);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  {
    g_autofree char *format = get_attr (root, "format");

    /* Format 1 is the only one this compiler knows. */
    if (g_strcmp0 (format, "1") != 0)
      problem_at (&c, root, "format", "format “%s” is not known to this version of CRS Watch (it reads format 1)",
                  format ? format : "");
  }
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      if (is_element (n, "sources"))
        read_sources (&c, n);
      else if (is_element (n, "therapy"))
        g_ptr_array_add (therapies, read_therapy (&c, n));
    }
  xmlFreeDoc (doc);

  if (problems->len > 0)
    {
      fail_with_problems (&c, error);
      return NULL;
    }
  return g_steal_pointer (&therapies);
}

GPtrArray *
crs_therapy_compiler_load (const char  *xml_path,
                           const char  *xsd_path,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Compiler c = { xml_path, problems, 0, NULL };
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (xml_path != NULL, NULL);
  g_return_val_if_fail (xsd_path != NULL, NULL);

  stream = open_guarded (&c, xml_path);
  if (stream == NULL)
    {
      fail_with_problems (&c, error);
      return NULL;
    }
  return load_stream (stream, xml_path, xsd_path, error);
}

GPtrArray *
crs_therapy_compiler_load_bytes (GBytes      *xml,
                                 const char  *display_name,
                                 const char  *xsd_path,
                                 GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (xsd_path != NULL, NULL);

  if (g_bytes_get_size (xml) > therapy_limits.max_bytes)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE,
                   "%s:0: the file is larger than %" G_GSIZE_FORMAT " bytes, the most CRS Watch reads",
                   display_name, therapy_limits.max_bytes);
      return NULL;
    }
  stream = g_memory_input_stream_new_from_bytes (xml);
  return load_stream (stream, display_name != NULL ? display_name : "therapies.xml", xsd_path, error);
}

gboolean
crs_therapy_compiler_compile (const char  *xml_path,
                              const char  *xsd_path,
                              const char  *sqlite_path,
                              GError     **error)
{
  g_autoptr(GPtrArray) therapies = crs_therapy_compiler_load (xml_path, xsd_path, error);

  if (therapies == NULL)
    return FALSE;
  return crs_reference_write (sqlite_path, therapies, error);
}
