/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-csv.c: an RFC 4180 CSV reader and field writer.
 *
 * RFC 4180 §2: records end with a line break; fields are separated by
 * commas; a field may be enclosed in double quotes, and must be when it
 * holds a comma, a quote or a line break; a quote inside a quoted field is
 * written twice. Beyond the RFC, as common files need: LF or a lone CR
 * also end a record, a UTF-8 byte order mark is skipped, empty lines are
 * skipped, and the last record needs no line break. */
#define G_LOG_DOMAIN "crs-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-csv.h"

G_DEFINE_QUARK (crs-csv-error-quark, crs_csv_error)

#define BUFFER_SIZE (64 * 1024)
#define READ_ERROR (-2)
#define END_OF_INPUT (-1)

typedef enum {
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,   /* a quote inside a quoted field: doubled or closing */
} State;

struct _CrsCsvReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         length;
  gsize         position;
  gboolean      eof;
  gboolean      started;     /* the byte order mark was looked for */

  guint         next_line;   /* line of the next byte */
  gboolean      last_was_cr; /* for counting CRLF as one line break */
  gboolean      skip_lf;     /* a CR ended the last record: drop its LF */

  GString      *data;        /* the record's fields, each ended by NUL */
  GArray       *offsets;     /* gsize: where each field starts in data */
  GPtrArray    *fields;      /* char *, into data, NULL-terminated */
  gsize         field_start;
  guint         record_line;
};

CrsCsvReader *
crs_csv_reader_new (GInputStream *stream)
{
  CrsCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = g_new0 (CrsCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->buffer = g_malloc (BUFFER_SIZE);
  reader->next_line = 1;
  reader->data = g_string_sized_new (1024);
  reader->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->fields = g_ptr_array_new ();
  return reader;
}

void
crs_csv_reader_free (CrsCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->stream);
  g_free (reader->buffer);
  g_string_free (reader->data, TRUE);
  g_array_unref (reader->offsets);
  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

static gboolean
fill (CrsCsvReader  *reader,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  n = g_input_stream_read (reader->stream, reader->buffer + reader->length,
                           BUFFER_SIZE - reader->length, cancellable, &local_error);
  if (n < 0)
    {
      g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_READ,
                   _("cannot read: %s"), local_error->message);
      return FALSE;
    }
  if (n == 0)
    reader->eof = TRUE;
  reader->length += (gsize) n;
  return TRUE;
}

/* The next byte, END_OF_INPUT or READ_ERROR; *line gets its line. */
static int
read_byte (CrsCsvReader  *reader,
           guint         *line,
           GCancellable  *cancellable,
           GError       **error)
{
  int c;

  if (!reader->started)
    {
      reader->started = TRUE;
      while (reader->length < 3 && !reader->eof)
        if (!fill (reader, cancellable, error))
          return READ_ERROR;
      if (reader->length >= 3 && memcmp (reader->buffer, "\xEF\xBB\xBF", 3) == 0)
        reader->position = 3;
    }

  if (reader->position >= reader->length)
    {
      if (reader->eof)
        return END_OF_INPUT;
      reader->length = 0;
      reader->position = 0;
      if (!fill (reader, cancellable, error))
        return READ_ERROR;
      if (reader->length == 0)
        return END_OF_INPUT;
    }

  c = reader->buffer[reader->position++];
  *line = reader->next_line;
  if (c == '\r')
    reader->next_line++;
  else if (c == '\n' && !reader->last_was_cr)
    reader->next_line++;
  reader->last_was_cr = c == '\r';
  return c;
}

/* Takes the bytes after the one just read that cannot end or quote a
 * field or a line (in a quoted field: anything but a quote or a line
 * break) straight from the buffer, instead of one read_byte() each. They
 * change no line count or state. */
static void
take_run (CrsCsvReader *reader,
          gboolean      quoted)
{
  const guint8 *start = reader->buffer + reader->position;
  const guint8 *end = reader->buffer + reader->length;
  const guint8 *p = start;

  if (quoted)
    while (p < end && *p != '"' && *p != '\r' && *p != '\n')
      p++;
  else
    while (p < end && *p != ',' && *p != '"' && *p != '\r' && *p != '\n')
      p++;
  if (p == start)
    return;
  g_string_append_len (reader->data, (const char *) start, p - start);
  reader->position += (gsize) (p - start);
  reader->last_was_cr = FALSE;
}

static gboolean
end_field (CrsCsvReader  *reader,
           guint          line,
           GError       **error)
{
  const char *start = reader->data->str + reader->field_start;
  gsize length = reader->data->len - reader->field_start;

  if (!g_utf8_validate_len (start, length, NULL))
    {
      reader->record_line = line;
      g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_MALFORMED,
                   _("the text is not valid UTF-8"));
      return FALSE;
    }
  g_string_append_c (reader->data, '\0');
  g_array_append_val (reader->offsets, reader->field_start);
  reader->field_start = reader->data->len;
  return TRUE;
}

static void
finish_record (CrsCsvReader *reader)
{
  guint n = reader->offsets->len;

  /* Sized once, then filled: no call a field. */
  g_ptr_array_set_size (reader->fields, (gint) n + 1);
  for (guint i = 0; i < n; i++)
    reader->fields->pdata[i] = reader->data->str + g_array_index (reader->offsets, gsize, i);
  reader->fields->pdata[n] = NULL;
}

/* The common record, whole in the buffer: one line ended by LF or CRLF,
 * its quoted fields closed on it, valid UTF-8, not too long. Reads it in
 * one pass (the rules of crs_csv_reader_next()) and returns TRUE; returns
 * FALSE, having taken nothing, for anything else (a line break inside
 * quotes, a lone CR, a record across the buffer's end, a malformed
 * field), which the byte-at-a-time reader then reads and reports on. */
static gboolean
take_simple_record (CrsCsvReader *reader)
{
  const char *start = (const char *) reader->buffer + reader->position;
  const char *newline;
  State state = STATE_FIELD_START;
  gsize length;
  gsize out = 0;
  gboolean malformed = FALSE;
  char *copy;
  gsize *offsets;
  guint n_fields = 0;

  if (!reader->started || reader->skip_lf || reader->last_was_cr || reader->position >= reader->length)
    return FALSE;
  newline = memchr (start, '\n', reader->length - reader->position);
  if (newline == NULL)
    return FALSE;
  length = (gsize) (newline - start);
  if (length > 0 && start[length - 1] == '\r')
    length--;
  if (length == 0 || length >= CRS_CSV_MAX_RECORD_BYTES || memchr (start, '\r', length) != NULL ||
      !g_utf8_validate_len (start, length, NULL))
    return FALSE;

  /* Never longer than the line: quotes and commas only shrink it. */
  g_string_set_size (reader->data, length);
  copy = reader->data->str;
  /* At most one field a byte, and one more: sized once, the count kept
   * here and set at the end. */
  g_array_set_size (reader->offsets, (guint) length + 1);
  offsets = (gsize *) (gpointer) reader->offsets->data;
  offsets[n_fields++] = out;
  for (gsize i = 0; i < length && !malformed; i++)
    {
      char c = start[i];

      switch (state)
        {
        case STATE_FIELD_START:
        case STATE_UNQUOTED:
        case STATE_QUOTE_IN_QUOTED:
          if (c == ',')
            {
              copy[out++] = '\0';
              offsets[n_fields++] = out;
              state = STATE_FIELD_START;
            }
          else if (c == '"' && state == STATE_FIELD_START)
            state = STATE_QUOTED;
          else if (c == '"' && state == STATE_QUOTE_IN_QUOTED)
            {
              copy[out++] = '"';
              state = STATE_QUOTED;
            }
          else if (c == '"' || state == STATE_QUOTE_IN_QUOTED)
            malformed = TRUE;   /* the slow reader says why */
          else
            {
              copy[out++] = c;
              state = STATE_UNQUOTED;
            }
          break;

        case STATE_QUOTED:
        default:
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            copy[out++] = c;
          break;
        }
    }
  if (malformed || state == STATE_QUOTED)
    {
      /* Or the quotes go on past this line: leave it all to the slow
       * reader, as if this had not looked. */
      g_string_truncate (reader->data, 0);
      g_array_set_size (reader->offsets, 0);
      return FALSE;
    }
  g_string_truncate (reader->data, out);
  g_array_set_size (reader->offsets, n_fields);

  reader->record_line = reader->next_line++;
  reader->position = (gsize) (newline - (const char *) reader->buffer) + 1;
  reader->last_was_cr = FALSE;
  finish_record (reader);
  return TRUE;
}

static gboolean
fail (CrsCsvReader  *reader,
      guint          line,
      GError       **error,
      const char    *message)
{
  reader->record_line = line;
  g_set_error_literal (error, CRS_CSV_ERROR, CRS_CSV_ERROR_MALFORMED, message);
  return FALSE;
}

gboolean
crs_csv_reader_next (CrsCsvReader  *reader,
                     GCancellable  *cancellable,
                     GError       **error)
{
  State state = STATE_FIELD_START;
  gboolean has_content = FALSE;
  guint quote_line = 0;

  g_return_val_if_fail (reader != NULL, FALSE);

  g_string_truncate (reader->data, 0);
  g_array_set_size (reader->offsets, 0);
  g_ptr_array_set_size (reader->fields, 0);
  reader->field_start = 0;

  if (take_simple_record (reader))
    return TRUE;

  for (;;)
    {
      guint line = reader->next_line;
      int c = read_byte (reader, &line, cancellable, error);

      if (c == READ_ERROR)
        {
          reader->record_line = line;
          return FALSE;
        }
      if (reader->skip_lf)
        {
          reader->skip_lf = FALSE;
          if (c == '\n')
            continue;
        }
      if (!has_content && c != END_OF_INPUT && c != '\r' && c != '\n')
        {
          has_content = TRUE;
          reader->record_line = line;
        }

      if (reader->data->len > CRS_CSV_MAX_RECORD_BYTES)
        {
          g_autofree char *message = NULL;
          message = g_strdup_printf (_("a record is longer than %d bytes (is a closing quote missing?)"),
                                     CRS_CSV_MAX_RECORD_BYTES);
          return fail (reader, reader->record_line, error, message);
        }

      switch (state)
        {
        case STATE_FIELD_START:
        case STATE_UNQUOTED:
          if (c == END_OF_INPUT || c == '\r' || c == '\n')
            {
              if (c == '\r')
                reader->skip_lf = TRUE;
              if (!has_content)
                {
                  if (c == END_OF_INPUT)
                    return FALSE;
                  continue;   /* an empty line */
                }
              if (!end_field (reader, line, error))
                return FALSE;
              finish_record (reader);
              return TRUE;
            }
          if (c == ',')
            {
              if (!end_field (reader, line, error))
                return FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == '"')
            {
              if (state == STATE_UNQUOTED)
                return fail (reader, line, error,
                             _("a quote inside a field that does not start with a quote "
                               "(quote the whole field and double the quote inside)"));
              state = STATE_QUOTED;
              quote_line = line;
            }
          else
            {
              g_string_append_c (reader->data, (char) c);
              state = STATE_UNQUOTED;
              take_run (reader, FALSE);
            }
          break;

        case STATE_QUOTED:
          if (c == END_OF_INPUT)
            {
              g_autofree char *message = NULL;
              message = g_strdup_printf (_("the quoted field opened on line %u is never closed"), quote_line);
              return fail (reader, quote_line, error, message);
            }
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            {
              g_string_append_c (reader->data, (char) c);
              take_run (reader, TRUE);
            }
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (reader->data, '"');
              state = STATE_QUOTED;
            }
          else if (c == ',')
            {
              if (!end_field (reader, line, error))
                return FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == END_OF_INPUT || c == '\r' || c == '\n')
            {
              if (c == '\r')
                reader->skip_lf = TRUE;
              if (!end_field (reader, line, error))
                return FALSE;
              finish_record (reader);
              return TRUE;
            }
          else
            return fail (reader, line, error,
                         _("text after the closing quote of a field "
                           "(a quote inside a quoted field must be doubled)"));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

guint
crs_csv_reader_get_n_fields (CrsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->offsets->len;
}

const char *
crs_csv_reader_get_field (CrsCsvReader *reader,
                          guint         index)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->offsets->len, NULL);
  return g_ptr_array_index (reader->fields, index);
}

const char * const *
crs_csv_reader_get_fields (CrsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  if (reader->fields->len == 0)
    {
      static const char * const none[] = { NULL };
      return none;
    }
  return (const char * const *) reader->fields->pdata;
}

guint
crs_csv_reader_get_line (CrsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->record_line;
}

/* RFC 4180 §2.6: a field holding a comma, a quote or a line break is
 * quoted. */
static gboolean
needs_quotes (const char *text)
{
  return strpbrk (text, ",\"\r\n") != NULL;
}

void
crs_csv_append_field (GString    *out,
                      const char *value)
{
  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;
  if (!needs_quotes (value))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value;;)
    {
      const char *quote = strchr (p, '"');

      if (quote == NULL)
        {
          g_string_append (out, p);
          break;
        }
      /* The quote, then the same quote again. */
      g_string_append_len (out, p, quote - p + 1);
      g_string_append_c (out, '"');
      p = quote + 1;
    }
  g_string_append_c (out, '"');
}

void
crs_csv_finish_quoted (GString *out,
                       gsize    quote)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (quote < out->len && out->str[quote] == '"');

  if (!needs_quotes (out->str + quote + 1))
    {
      g_string_erase (out, (gssize) quote, 1);
      return;
    }
  for (gsize i = quote + 1; i < out->len; i++)
    {
      const char *inner = memchr (out->str + i, '"', out->len - i);

      if (inner == NULL)
        break;
      i = (gsize) (inner - out->str);
      g_string_insert_c (out, (gssize) ++i, '"');
    }
  g_string_append_c (out, '"');
}
