/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: the RFC 4180 reader and the field writer. */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "exchange/crs-csv.h"

/* Reads @text (of @length bytes, -1 = strlen) to the end. Returns the
 * records as "field|field" lines each prefixed with "LINE:", or the error
 * as "error LINE: message". */
static char *
read_all (const char *text,
          gssize      length)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  if (length < 0)
    length = (gssize) strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, (gsize) length), length, g_free);
  reader = crs_csv_reader_new (stream);

  while (crs_csv_reader_next (reader, NULL, &error))
    {
      g_string_append_printf (out, "%u:", crs_csv_reader_get_line (reader));
      for (guint i = 0; i < crs_csv_reader_get_n_fields (reader); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, crs_csv_reader_get_field (reader, i));
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    {
      g_assert_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_MALFORMED);
      g_string_append_printf (out, "error %u: %s", crs_csv_reader_get_line (reader), error->message);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
} ReadCase;

static const ReadCase read_cases[] = {
  { "plain", "a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n" },
  { "no final line break", "a,b\n1,2", "1:a|b\n2:1|2\n" },
  { "quoted comma", "id,note\n\"x, y\",2\n", "1:id|note\n2:x, y|2\n" },
  { "doubled quotes", "id\n\"say \"\"hi\"\"\"\n", "1:id\n2:say \"hi\"\n" },
  { "only a doubled quote", "id\n\"\"\"\"\n", "1:id\n2:\"\n" },
  { "embedded newline", "id,note\n\"two\nlines\",x\nnext,y\n", "1:id|note\n2:two\nlines|x\n4:next|y\n" },
  { "embedded CRLF kept", "id\r\n\"a\r\nb\"\r\nc\r\n", "1:id\n2:a\r\nb\n4:c\n" },
  { "CRLF", "a,b\r\n1,2\r\n3,4\r\n", "1:a|b\n2:1|2\n3:3|4\n" },
  { "lone CR", "a,b\r1,2\r", "1:a|b\n2:1|2\n" },
  { "BOM", "\xEF\xBB\xBF" "id,temp_c\nx,38\n", "1:id|temp_c\n2:x|38\n" },
  { "BOM only", "\xEF\xBB\xBF", "" },
  { "empty", "", "" },
  { "header only", "id,temp_c\n", "1:id|temp_c\n" },
  { "empty lines skipped", "a\n\n\r\nb\n\n", "1:a\n4:b\n" },
  { "empty fields", "a,,c\n,,\n", "1:a||c\n2:||\n" },
  { "trailing comma", "a,b,\n", "1:a|b|\n" },
  { "empty quoted field", "\"\",x\n", "1:|x\n" },
  { "ragged rows", "a,b,c\n1,2\n1,2,3,4\n", "1:a|b|c\n2:1|2\n3:1|2|3|4\n" },
  { "spaces kept", " a , b \n", "1: a | b \n" },
  { "UTF-8", "note\n39 °C – ok\n", "1:note\n2:39 °C – ok\n" },
  { "unterminated quote", "id,note\n1,\"open\nstill open\n", "1:id|note\nerror 2: the quoted field opened on line 2 is never closed" },
  { "quote inside unquoted", "id\nab\"c\n", "1:id\nerror 2: a quote inside a field that does not start with a quote "
    "(quote the whole field and double the quote inside)" },
  { "text after closing quote", "id\n\"ab\"c\n", "1:id\nerror 2: text after the closing quote of a field "
    "(a quote inside a quoted field must be doubled)" },
  { "not UTF-8", "id\n\xff\xfe\n", "1:id\nerror 2: the text is not valid UTF-8" },
  /* Lines read whole (one line, quotes closed on it) between lines read
   * a byte at a time: the fields and line numbers are the same. */
  { "quotes and lines mixed", "a,\"b \"\"c\"\"\",d\r\n\"multi\nline\",x\n\"q\",\"\"\r\ne,f\n",
    "1:a|b \"c\"|d\n2:multi\nline|x\n4:q|\n5:e|f\n" },
  { "quote error after whole lines", "a\n\"b\"\n\"c\"d\n", "1:a\n2:b\nerror 3: text after the closing quote of a field "
    "(a quote inside a quoted field must be doubled)" },
  { "CR inside a line", "a\rb,c\nd\n", "1:a\n2:b|c\n3:d\n" },
  { "not UTF-8 after whole lines", "a\nb\nc,\"\xff\"\n", "1:a\n2:b\nerror 3: the text is not valid UTF-8" },
};

static void
test_read (gconstpointer data)
{
  const ReadCase *c = data;
  g_autofree char *result = read_all (c->input, -1);

  g_assert_cmpstr (result, ==, c->expected);
}

/* Records across the reader's 64 KiB buffer: every one read, with its
 * line, whichever way it is read. */
static void
test_across_buffers (void)
{
  g_autoptr(GString) input = g_string_new ("id,note\r\n");
  g_autoptr(GString) expected = g_string_new ("1:id|note\n");
  g_autofree char *result = NULL;
  guint line = 2;

  for (guint i = 0; i < 20000; i++)
    {
      if (i % 7 == 0)
        {
          g_string_append_printf (input, "\"bed %u\nnext\",\"x \"\"%u\"\"\"\r\n", i, i);
          g_string_append_printf (expected, "%u:bed %u\nnext|x \"%u\"\n", line, i, i);
          line += 2;
        }
      else
        {
          g_string_append_printf (input, "\"bed %u, set\",%u\n", i, i);
          g_string_append_printf (expected, "%u:bed %u, set|%u\n", line, i, i);
          line++;
        }
    }
  result = read_all (input->str, (gssize) input->len);
  g_assert_cmpstr (result, ==, expected->str);
}

static void
test_nul_byte (void)
{
  g_autofree char *result = read_all ("id\na\0b\n", 7);

  g_assert_cmpstr (result, ==, "1:id\nerror 2: the text is not valid UTF-8");
}

/* A file far bigger than the reader's buffer, with quoted fields and
 * line breaks falling across buffer edges. */
static void
test_streaming (void)
{
  g_autoptr(GString) text = g_string_new ("id,note\r\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0;
  guint n = 30000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%u,\"line %u, with \"\"quotes\"\"\nand a break\"\r\n", i, i);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text->str, text->len), text->len, g_free);
  reader = crs_csv_reader_new (stream);

  g_assert_true (crs_csv_reader_next (reader, NULL, &error));
  while (crs_csv_reader_next (reader, NULL, &error))
    {
      g_autofree char *expected = g_strdup_printf ("line %u, with \"quotes\"\nand a break", records);
      g_autofree char *id = g_strdup_printf ("%u", records);

      g_assert_cmpuint (crs_csv_reader_get_n_fields (reader), ==, 2);
      g_assert_cmpstr (crs_csv_reader_get_field (reader, 0), ==, id);
      g_assert_cmpstr (crs_csv_reader_get_field (reader, 1), ==, expected);
      /* Each record spans two lines; the header is line 1. */
      g_assert_cmpuint (crs_csv_reader_get_line (reader), ==, 2 + 2 * records);
      records++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, n);
  g_assert_cmpuint (text->len, >, 1024 * 1024);
}

/* A missing closing quote does not swallow a huge file. */
static void
test_record_too_long (void)
{
  gsize size = CRS_CSV_MAX_RECORD_BYTES + 1024;
  g_autofree char *text = g_malloc (size);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CrsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  memset (text, 'x', size);
  text[0] = '"';
  stream = g_memory_input_stream_new_from_data (g_steal_pointer (&text), (gssize) size, g_free);
  reader = crs_csv_reader_new (stream);
  g_assert_false (crs_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "closing quote"));
}

static void
test_fields_array (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("a,b\n", 4, NULL);
  g_autoptr(CrsCsvReader) reader = crs_csv_reader_new (stream);
  const char * const *fields;

  g_assert_true (crs_csv_reader_next (reader, NULL, NULL));
  fields = crs_csv_reader_get_fields (reader);
  g_assert_cmpstr (fields[0], ==, "a");
  g_assert_cmpstr (fields[1], ==, "b");
  g_assert_null (fields[2]);
  g_assert_false (crs_csv_reader_next (reader, NULL, NULL));
}

static void
test_write_field (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { NULL, "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r", "\"cr\r\"" },
    { "39.1 °C", "39.1 °C" },
    { "\"", "\"\"\"\"" },
    { "\"\"", "\"\"\"\"\"\"" },
    { "end \"", "\"end \"\"\"" },
    { "a, \"b\" and \"c\"\r\n", "\"a, \"\"b\"\" and \"\"c\"\"\r\n\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *back = NULL;

      crs_csv_append_field (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);

      /* A field written straight into the buffer after an opening
       * quote, and quoted there, comes out the same, after what the
       * buffer held. */
      if (cases[i].in != NULL)
        {
          g_autoptr(GString) in_place = g_string_new ("x,\"y\",\"");
          g_autofree char *expected = g_strconcat ("x,\"y\",", cases[i].out, NULL);

          g_string_append (in_place, cases[i].in);
          crs_csv_finish_quoted (in_place, strlen ("x,\"y\","));
          g_assert_cmpstr (in_place->str, ==, expected);
        }

      /* What is written reads back the same. */
      if (cases[i].in != NULL && cases[i].in[0] != '\0')
        {
          g_autofree char *expected = g_strdup_printf ("1:%s\n", cases[i].in);
          g_string_append_c (out, '\n');
          back = read_all (out->str, -1);
          g_assert_cmpstr (back, ==, expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (read_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/read/%s", read_cases[i].name);
      g_test_add_data_func (path, &read_cases[i], test_read);
    }
  g_test_add_func ("/csv/read/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/streaming", test_streaming);
  g_test_add_func ("/csv/record-too-long", test_record_too_long);
  g_test_add_func ("/csv/fields-array", test_fields_array);
  g_test_add_func ("/csv/write-field", test_write_field);
  g_test_add_func ("/csv/across-buffers", test_across_buffers);

  return g_test_run ();
}
