/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-xml-input.c: the raw bytes of an XML file on their way to libxml2,
 * counted and scanned (crs-xml-input.h).
 *
 * No format CRS Watch reads needs a DOCTYPE, and every entity attack (XXE, billion
 * laughs, parameter entities) needs one; so the bytes are searched for
 * "<!DOCTYPE" and "<!ENTITY" before the parser sees them, and the file is
 * required to be UTF-8 so that this byte search sees what the parser will.
 * The byte count stops a file that grows past the limit while it is read.
 * A small scanner follows the markup (tags, quoted attribute values,
 * comments, CDATA, processing instructions) across chunks and stops an
 * element with more attributes, or a start tag with more bytes, than the
 * format has, before libxml2 parses them: its attribute handling slows
 * down with the square of their number (200 000 attributes took over
 * 30 s); and it counts the depth and the elements, so that a file nested
 * deeper or with more elements than the format allows stops before
 * libxml2 has built anything of it. */
#define G_LOG_DOMAIN "crs-xml-input"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-exchange-error.h"
#include "crs-xml-input.h"

static gboolean
scan_for_forbidden (CrsXmlInput *input,
                    const char      *data,
                    gsize            len)
{
  static const char *forbidden[] = { "<!DOCTYPE", "<!ENTITY" };
  char joint[sizeof input->carry * 2];
  gsize joint_len, take;

  /* The joint of the previous chunk's end and this one's start... */
  take = MIN (len, sizeof input->carry);
  memcpy (joint, input->carry, input->carry_len);
  memcpy (joint + input->carry_len, data, take);
  joint_len = input->carry_len + take;

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (memmem (joint, joint_len, forbidden[i], strlen (forbidden[i])) != NULL ||
        memmem (data, len, forbidden[i], strlen (forbidden[i])) != NULL)
      {
        input->forbidden = forbidden[i];
        return FALSE;
      }

  /* ...and keep this one's end for the next. */
  if (len >= sizeof input->carry)
    {
      memcpy (input->carry, data + len - sizeof input->carry, sizeof input->carry);
      input->carry_len = sizeof input->carry;
    }
  else
    {
      gsize keep = MIN (input->carry_len, sizeof input->carry - len);
      memmove (input->carry, input->carry + input->carry_len - keep, keep);
      memcpy (input->carry + keep, data, len);
      input->carry_len = keep + len;
    }
  return TRUE;
}

enum {
  MARKUP_TEXT,
  MARKUP_OPEN,        /* after '<' */
  MARKUP_TAG,         /* inside a start or end tag */
  MARKUP_VALUE,       /* inside a quoted attribute value */
  MARKUP_BANG,        /* after "<!": a comment, CDATA or a declaration */
  MARKUP_COMMENT,
  MARKUP_CDATA,
  MARKUP_DECLARATION,
  MARKUP_PI,
};

static void
remember (CrsXmlInput *input,
          char             c)
{
  if (input->recent_len == sizeof input->recent)
    {
      memmove (input->recent, input->recent + 1, sizeof input->recent - 1);
      input->recent_len--;
    }
  input->recent[input->recent_len++] = c;
}

static gboolean
recent_ends_with (CrsXmlInput *input,
                  const char      *text)
{
  gsize n = strlen (text);

  return input->recent_len >= n &&
         memcmp (input->recent + input->recent_len - n, text, n) == 0;
}

static gboolean
scan_markup (CrsXmlInput *input,
             const char      *data,
             gsize            len)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\n')
        input->line++;

      switch (input->markup_state)
        {
        case MARKUP_TEXT:
          if (c == '<')
            {
              input->markup_state = MARKUP_OPEN;
              input->tag_line = input->line;
              input->tag_bytes = 1;
              input->tag_attributes = 0;
            }
          continue;
        case MARKUP_OPEN:
          input->recent_len = 0;
          input->markup_state = c == '!' ? MARKUP_BANG : c == '?' ? MARKUP_PI :
                                c == '>' ? MARKUP_TEXT : MARKUP_TAG;
          if (input->markup_state != MARKUP_TAG)
            continue;
          /* A start tag goes one deeper, an end tag one back. */
          input->end_tag = c == '/';
          input->tag_last = c;
          if (input->end_tag)
            {
              if (input->depth > 0)
                input->depth--;
            }
          else
            {
              if (++input->depth > input->limits.max_depth)
                input->too_deep = TRUE;
              if (++input->elements > input->limits.max_elements)
                input->too_many_elements = TRUE;
            }
          break;
        case MARKUP_BANG:
          remember (input, c);
          if (recent_ends_with (input, "--"))
            {
              input->recent_len = 0;
              input->markup_state = MARKUP_COMMENT;
            }
          else if (recent_ends_with (input, "[CDATA["))
            {
              input->recent_len = 0;
              input->markup_state = MARKUP_CDATA;
            }
          else if (input->recent_len >= 7 || c == '>')
            input->markup_state = c == '>' ? MARKUP_TEXT : MARKUP_DECLARATION;
          continue;
        case MARKUP_COMMENT:
          remember (input, c);
          if (recent_ends_with (input, "-->"))
            input->markup_state = MARKUP_TEXT;
          continue;
        case MARKUP_CDATA:
          remember (input, c);
          if (recent_ends_with (input, "]]>"))
            input->markup_state = MARKUP_TEXT;
          continue;
        case MARKUP_PI:
          remember (input, c);
          if (recent_ends_with (input, "?>"))
            input->markup_state = MARKUP_TEXT;
          continue;
        case MARKUP_DECLARATION:
          if (c == '>')
            input->markup_state = MARKUP_TEXT;
          continue;
        case MARKUP_VALUE:
          if (c == input->quote)
            input->markup_state = MARKUP_TAG;
          break;
        case MARKUP_TAG:
        default:
          /* Inside a tag: its attributes, and where it ends. */
          if (c == '"' || c == '\'')
            {
              input->quote = c;
              input->markup_state = MARKUP_VALUE;
            }
          else if (c == '=')
            input->tag_attributes++;
          else if (c == '>')
            {
              /* <empty/> closes itself. */
              if (!input->end_tag && input->tag_last == '/' && input->depth > 0)
                input->depth--;
              input->markup_state = MARKUP_TEXT;
            }
          if (!g_ascii_isspace (c))
            input->tag_last = c;
          break;
        }

      if (++input->tag_bytes > input->limits.max_tag_bytes)
        input->tag_too_long = TRUE;
      else if (input->tag_attributes > input->limits.max_attributes)
        input->too_many_attributes = TRUE;
      if (input->tag_too_long || input->too_many_attributes || input->too_deep || input->too_many_elements)
        {
          input->cap_line = input->tag_line;
          return FALSE;
        }
    }
  return TRUE;
}

int
crs_xml_input_read (void *context,
                         char *buffer,
                         int   len)
{
  CrsXmlInput *input = context;
  gssize n;

  if (len <= 0)
    return 0;

  if (input->head_pos < input->head_len)
    {
      n = (gssize) MIN ((gsize) len, input->head_len - input->head_pos);
      memcpy (buffer, input->head + input->head_pos, (gsize) n);
      input->head_pos += (gsize) n;
    }
  else
    {
      n = g_input_stream_read (input->stream, buffer, (gsize) len, NULL,
                               input->io_error == NULL ? &input->io_error : NULL);
      if (n < 0)
        return -1;
      input->total += (gsize) n;
      /* The file may have grown since its size was checked. */
      if (input->total > input->limits.max_bytes)
        {
          input->too_large = TRUE;
          return -1;
        }
    }

  if (n > 0 && (!scan_for_forbidden (input, buffer, (gsize) n) ||
                !scan_markup (input, buffer, (gsize) n)))
    return -1;
  return (int) n;
}

int
crs_xml_input_close (void *context)
{
  return 0;
}

/* The file must be UTF-8 (or plain ASCII): then the byte scan sees
 * exactly what the parser will see. */
static gboolean
check_head (CrsXmlInput  *input,
            int              *line,
            GError          **error)
{
  const guint8 *p = input->head;
  gsize len = input->head_len;
  const char *decl_end;
  g_autofree char *decl = NULL;
  const char *enc;

  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    {
      p += 3;
      len -= 3;
    }

  if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE) ||
                   p[0] == 0x00 || p[1] == 0x00))
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("the file is not in UTF-8, the only encoding CRS Watch reads"));
      return FALSE;
    }

  /* Anything but '<' or a blank first would make libxml2 guess another
   * encoding (EBCDIC starts with 0x4C). */
  *line = 1;
  if (len == 0 || (p[0] != '<' && !g_ascii_isspace (p[0])))
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_MALFORMED,
                   _("the file does not start like an XML document"));
      return FALSE;
    }

  if (len < 5 || memcmp (p, "<?xml", 5) != 0)
    return TRUE;   /* no declaration: UTF-8 by definition */

  decl_end = g_strstr_len ((const char *) p, (gssize) len, "?>");
  if (decl_end == NULL)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_MALFORMED,
                   _("the XML declaration is not closed"));
      return FALSE;
    }
  decl = g_strndup ((const char *) p, (gsize) (decl_end - (const char *) p));
  enc = strstr (decl, "encoding");
  if (enc != NULL)
    {
      enc += strlen ("encoding");
      while (*enc == ' ' || *enc == '=' || *enc == '\t')
        enc++;
      if ((*enc == '"' || *enc == '\'') &&
          g_ascii_strncasecmp (enc + 1, "UTF-8", 5) == 0 && enc[6] == enc[0])
        return TRUE;
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("the file declares an encoding other than UTF-8, the only encoding CRS Watch reads"));
      return FALSE;
    }
  return TRUE;
}

gboolean
crs_xml_input_start (CrsXmlInput         *input,
                     GInputStream        *stream,
                     const CrsXmlLimits  *limits,
                     int                 *line,
                     GError             **error)
{
  gsize head_len = 0;
  gsize max_bytes = limits->max_bytes;

  memset (input, 0, sizeof *input);
  input->stream = g_object_ref (stream);
  input->line = 1;
  input->limits = *limits;
  *line = 0;

  if (!g_input_stream_read_all (stream, input->head, sizeof input->head, &head_len, NULL, error))
    {
      if (error != NULL && *error != NULL)
        (*error)->code = CRS_EXCHANGE_ERROR_IO, (*error)->domain = CRS_EXCHANGE_ERROR;
      return FALSE;
    }
  input->head_len = head_len;
  input->total = head_len;

  if (input->total > max_bytes)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE,
                   _("the file is larger than %zu bytes, the most CRS Watch reads"),
                   max_bytes);
      return FALSE;
    }
  if (head_len == 0)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_MALFORMED, _("the file is empty"));
      return FALSE;
    }
  if (!check_head (input, line, error))
    return FALSE;
  /* The head is scanned like every later chunk, as it is handed out. */
  return TRUE;
}

gboolean
crs_xml_input_refused (const CrsXmlInput *input)
{
  return input->forbidden != NULL || input->too_large || input->io_error != NULL ||
         input->too_many_attributes || input->tag_too_long || input->too_deep ||
         input->too_many_elements;
}

void
crs_xml_input_clear (CrsXmlInput *input)
{
  g_clear_object (&input->stream);
  g_clear_error (&input->io_error);
}
