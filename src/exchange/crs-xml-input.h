/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-xml-input.h: the raw bytes of an XML file on their way to libxml2,
 * counted and scanned (crs-xml-input.c). Every XML read path of CRS Watch
 * (the ward file reader, the therapy compiler) hands libxml2 its bytes
 * through this, with the limits of its format. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a format allows; a file beyond any of them is refused before
 * libxml2 has parsed it. */
typedef struct
{
  gsize max_bytes;
  guint max_depth;            /* elements nested, the root is depth 1 */
  guint max_elements;
  guint max_attributes;       /* on one element */
  gsize max_tag_bytes;        /* in one start tag */
} CrsXmlLimits;

typedef struct
{
  GInputStream *stream;
  CrsXmlLimits  limits;
  gsize         total;          /* bytes read so far */
  guint8        head[512];      /* the first bytes, checked before parsing */
  gsize         head_len;
  gsize         head_pos;
  char          carry[16];      /* the end of the previous chunk, for the scan */
  gsize         carry_len;
  gboolean      too_large;      /* grew past max_bytes while read */
  const char   *forbidden;      /* the construct found, e.g. "<!DOCTYPE" */
  GError       *io_error;

  /* The markup scan (caps on attributes, start tags, depth and elements),
   * across chunks. */
  int           markup_state;
  char          quote;          /* the quote of the attribute value being read */
  char          recent[10];     /* the last bytes of a comment, CDATA or <!...> */
  gsize         recent_len;
  gsize         tag_bytes;
  guint         tag_attributes;
  gboolean      end_tag;        /* the tag being read is an end tag */
  char          tag_last;       /* its last byte that was not white space */
  guint         depth;
  guint         elements;
  int           line;           /* of the byte being scanned */
  int           tag_line;       /* where the current tag started */
  gboolean      too_many_attributes;
  gboolean      tag_too_long;
  gboolean      too_deep;
  gboolean      too_many_elements;
  int           cap_line;       /* where the tag over a cap starts */
} CrsXmlInput;

/* Reads and checks the first bytes (UTF-8, starts like XML); FALSE with
 * @error and the *line it concerns (0: the whole file). */
gboolean     crs_xml_input_start   (CrsXmlInput         *input,
                                    GInputStream        *stream,
                                    const CrsXmlLimits  *limits,
                                    int                 *line,
                                    GError             **error);
/* xmlInputReadCallback / xmlInputCloseCallback on a CrsXmlInput. */
int          crs_xml_input_read    (void                *context,
                                    char                *buffer,
                                    int                  len);
int          crs_xml_input_close   (void                *context);
void         crs_xml_input_clear   (CrsXmlInput         *input);
/* TRUE when the scan or the stream stopped the file (then its own
 * verdict says more than the parser's errors). */
gboolean     crs_xml_input_refused (const CrsXmlInput   *input);

G_END_DECLS
