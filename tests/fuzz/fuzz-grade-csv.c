/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-grade-csv.c: `crs-watch-cli grade --csv` (src/exchange/crs-grade-csv.c):
 * the header check, the row parser and the grading of every row. What it
 * writes must itself be CSV that reads back, every record with the ten
 * output columns, and one output row per data row read. */
#define G_LOG_DOMAIN "fuzz-grade-csv"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "exchange/crs-grade-csv.h"
#include "crs-fuzz.h"

#define OUTPUT_COLUMNS 10

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  crs_fuzz_init ();
  return 0;
}

static void
on_reject (guint        line,
           const char  *id,
           GPtrArray   *problems,
           gpointer     user_data)
{
  guint *rejected = user_data;

  g_assert_cmpuint (line, >, 0);
  g_assert_nonnull (id);
  g_assert_cmpuint (problems->len, >, 0);
  (*rejected)++;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GInputStream) again = NULL;
  g_autoptr(CrsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  CrsGradeCsvStats stats = { 0 };
  guint rejected = 0;
  guint error_line = 0;
  guint64 records = 0;
  gboolean ok;

  ok = crs_grade_csv_run (input, output, NULL, on_reject, &rejected, &stats, &error_line, NULL, &error);
  g_assert_true (ok == (error == NULL));
  g_assert_true (g_output_stream_close (output, NULL, NULL));
  if (!ok)
    return 0;
  g_assert_cmpuint (stats.rejected, ==, rejected);
  g_assert_cmpuint (stats.rejected, <=, stats.rows);

  /* The output reads back as CSV: a header and one row per row read. */
  written = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
  again = g_memory_input_stream_new_from_bytes (written);
  reader = crs_csv_reader_new (again);
  while (crs_csv_reader_next (reader, NULL, &error))
    {
      g_assert_cmpuint (crs_csv_reader_get_n_fields (reader), ==, OUTPUT_COLUMNS);
      records++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, stats.rows + 1);
  return 0;
}
