/* crs-ward-xml-private.h: what the ward XML reader, writer and importer
 * share. */
#pragma once

#include <libxml/xmlschemas.h>

#include "crs-ward-xml.h"

G_BEGIN_DECLS

#define CRS_WARD_XML_GENERATOR "CRS Watch " PACKAGE_VERSION

/* The raw input of the reader (crs-ward-xml-input.c). */
typedef struct
{
  GInputStream *stream;
  gsize         max_bytes;
  gsize         total;          /* bytes read so far */
  guint8        head[512];      /* the first bytes, checked before parsing */
  gsize         head_len;
  gsize         head_pos;
  char          carry[16];      /* the end of the previous chunk, for the scan */
  gsize         carry_len;
  gboolean      too_large;      /* grew past max_bytes while read */
  const char   *forbidden;      /* the construct found, e.g. "<!DOCTYPE" */
  GError       *io_error;

  /* The markup scan (attribute and start tag caps), across chunks. */
  int           markup_state;
  char          quote;          /* the quote of the attribute value being read */
  char          recent[10];     /* the last bytes of a comment, CDATA or <!...> */
  gsize         recent_len;
  gsize         tag_bytes;
  guint         tag_attributes;
  int           line;           /* of the byte being scanned */
  int           tag_line;       /* where the current tag started */
  gboolean      too_many_attributes;
  gboolean      tag_too_long;
  int           cap_line;       /* where the tag over a cap starts */
} CrsWardXmlInput;

/* Reads and checks the first bytes (UTF-8, starts like XML); FALSE with
 * @error and the *line it concerns (0: the whole file). */
gboolean     crs_ward_xml_input_start   (CrsWardXmlInput  *input,
                                         GInputStream     *stream,
                                         gsize             max_bytes,
                                         int              *line,
                                         GError          **error);
/* xmlInputReadCallback / xmlInputCloseCallback on a CrsWardXmlInput. */
int          crs_ward_xml_input_read    (void             *context,
                                         char             *buffer,
                                         int               len);
int          crs_ward_xml_input_close   (void             *context);
void         crs_ward_xml_input_clear   (CrsWardXmlInput  *input);

/* @anchor moved by an xs:duration offset without fractions
 * ("-P2DT4H30M"); NULL when the text is not one or the result is out of
 * range. */
GDateTime   *crs_ward_xml_apply_offset  (GDateTime        *anchor,
                                         const char       *text);

/* The compiled schema, built once; owned by the module. */
xmlSchemaPtr crs_ward_xml_get_compiled_schema (GError **error);

/* "2025-03-14T08:30:00Z", or NULL for a time GDateTime cannot hold. */
char        *crs_ward_xml_format_time   (gint64      unix_seconds);
/* The shortest fixed-point text that reads back as exactly @value;
 * an exponent only when no fixed-point text does. */
char        *crs_ward_xml_format_double (double      value);
/* Strips "{namespace}" from libxml2's messages and trailing blanks. */
char        *crs_ward_xml_tidy_message  (const char *message);

G_END_DECLS
