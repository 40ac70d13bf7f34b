/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: the RFC 4180 CSV reader (src/exchange/crs-csv.c). Every record
 * it returns must hold valid UTF-8 fields, and writing them back with
 * crs_csv_append_field() and reading that again must give the same
 * fields: the writer and the reader agree on every input the reader
 * accepts. */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "exchange/crs-csv.h"
#include "crs-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  crs_fuzz_init ();
  return 0;
}

/* The fields of the only record in @line. */
static GStrv
read_back (const GString *line)
{
  g_autoptr(GBytes) bytes = g_bytes_new (line->str, line->len);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(CrsCsvReader) reader = crs_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GStrv fields;

  if (!crs_csv_reader_next (reader, NULL, &error))
    g_error ("a record written back does not read: %s", error ? error->message : "end of input");
  fields = g_strdupv ((char **) crs_csv_reader_get_fields (reader));
  g_assert_false (crs_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  return fields;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(CrsCsvReader) reader = crs_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  guint last_line = 0;

  while (crs_csv_reader_next (reader, NULL, &error))
    {
      guint n = crs_csv_reader_get_n_fields (reader);
      const char * const *fields = crs_csv_reader_get_fields (reader);
      g_autoptr(GString) line = g_string_new (NULL);
      g_auto(GStrv) again = NULL;

      g_assert_cmpuint (n, >, 0);
      g_assert_null (fields[n]);
      for (guint i = 0; i < n; i++)
        {
          g_assert_nonnull (fields[i]);
          g_assert_true (g_utf8_validate (fields[i], -1, NULL));
          g_assert_cmpstr (crs_csv_reader_get_field (reader, i), ==, fields[i]);
        }
      /* Lines only go forward. */
      g_assert_cmpuint (crs_csv_reader_get_line (reader), >, last_line);
      last_line = crs_csv_reader_get_line (reader);

      /* A lone empty field would be an empty line, which the reader
       * skips; a leading byte order mark is the file's, not the
       * field's. */
      if ((n == 1 && fields[0][0] == '\0') || g_str_has_prefix (fields[0], "\xEF\xBB\xBF"))
        continue;
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          crs_csv_append_field (line, fields[i]);
        }
      g_string_append (line, "\r\n");
      again = read_back (line);
      g_assert_cmpuint (g_strv_length (again), ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (again[i], ==, fields[i]);
    }
  if (error != NULL)
    {
      g_assert_true (error->domain == CRS_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
