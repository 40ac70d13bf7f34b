/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-csv-output.c: the graded CSV `crs-watch-cli grade --csv`
 * writes (one row per input row, in order; the contract is in
 * crs-grade-csv.c), and the run that reads, grades and writes a whole
 * file with memory flat in its length. */
#define G_LOG_DOMAIN "crs-grade-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-grade-csv.h"

#define OUTPUT_FLUSH_BYTES (64 * 1024)

void
crs_grade_csv_append_header (GString *out)
{
  g_string_append (out, "id,crs_grade,icans_grade,news2,news2_risk,red_flag,reason,error,pews,pews_level\n");
}

static void
append_int (GString *out,
            int      value)
{
  char digits[CRS_FORMAT_INT_BYTES];

  if (!crs_is_missing_int (value))
    g_string_append (out, crs_format_int (digits, value));
}

void
crs_grade_csv_append_graded (GString          *out,
                             const char       *id,
                             const CrsGrading *grading)
{
  gsize reason_start;

  crs_csv_append_field (out, id);
  g_string_append_c (out, ',');
  /* A lower bound ("at least 3") goes in the grade column; the reason
   * says "at least" and what was not recorded. */
  append_int (out, crs_grading_crs_value (grading));
  g_string_append_c (out, ',');
  append_int (out, crs_grading_icans_value (grading));
  g_string_append_c (out, ',');
  append_int (out, grading->news2_total);
  g_string_append_c (out, ',');
  crs_csv_append_field (out, crs_news2_risk_to_id (grading->news2_risk));
  g_string_append_c (out, ',');
  g_string_append (out, crs_grading_has_red_flag (grading) ? "yes" : "no");
  g_string_append_c (out, ',');
  /* Written straight into @out after a quote (a reason nearly always
   * holds a comma), then quoted there. */
  reason_start = out->len;
  g_string_append_c (out, '"');
  crs_grading_append_reason_line (out, grading);
  crs_csv_finish_quoted (out, reason_start);
  g_string_append (out, ",,");
  /* PEWS for a child: the total and its level, both blank when a
   * parameter is missing (the reason gives what was recorded). */
  if (grading->pews_applies && grading->pews.complete)
    {
      append_int (out, grading->pews.total);
      g_string_append_c (out, ',');
      g_string_append (out, crs_pews_level_to_id (grading->pews.level));
    }
  else
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
}

void
crs_grade_csv_append_rejected (GString    *out,
                               const char *id,
                               const char *error_text)
{
  crs_csv_append_field (out, id);
  g_string_append (out, ",,,,,,,");
  crs_csv_append_field (out, error_text);
  g_string_append (out, ",,\n");
}

static gboolean
flush (GOutputStream  *output,
       GString        *buffer,
       GCancellable   *cancellable,
       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (output, buffer->str, buffer->len, NULL, cancellable, &local_error))
    {
      g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_READ,
                   _("cannot write the output: %s"), local_error->message);
      return FALSE;
    }
  g_string_truncate (buffer, 0);
  return TRUE;
}

gboolean
crs_grade_csv_run (GInputStream          *input,
                   GOutputStream         *output,
                   const CrsWardPolicy   *policy,
                   CrsGradeCsvRejectFunc  on_reject,
                   gpointer               user_data,
                   CrsGradeCsvStats      *stats,
                   guint                 *error_line,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(CrsCsvReader) reader = NULL;
  g_autoptr(CrsGradeCsv) grade_csv = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) buffer = g_string_sized_new (OUTPUT_FLUSH_BYTES + 4096);
  /* One set, made blank again for each row. */
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  /* One grading, graded again for each row (its lists reused). */
  g_autoptr(CrsGrading) grading = NULL;
  CrsGradeCsvStats local_stats = { 0, 0 };
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (error_line != NULL)
    *error_line = 0;
  if (stats == NULL)
    stats = &local_stats;
  *stats = (CrsGradeCsvStats) { 0, 0 };

  reader = crs_csv_reader_new (input);
  grade_csv = crs_grade_csv_new (policy);
  grading = crs_grading_new_for_reason (observation, NULL, NULL);

  if (!crs_csv_reader_next (reader, cancellable, &local_error))
    {
      if (local_error == NULL)
        {
          g_set_error (error, CRS_CSV_ERROR, CRS_CSV_ERROR_EMPTY,
                       _("the file is empty: the first row must be the header"));
          return FALSE;
        }
      if (error_line != NULL)
        *error_line = crs_csv_reader_get_line (reader);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!crs_grade_csv_set_header (grade_csv, crs_csv_reader_get_fields (reader),
                                 crs_csv_reader_get_n_fields (reader), error))
    {
      if (error_line != NULL)
        *error_line = crs_csv_reader_get_line (reader);
      return FALSE;
    }

  crs_grade_csv_append_header (buffer);

  while (crs_csv_reader_next (reader, cancellable, &local_error))
    {
      const char * const *fields = crs_csv_reader_get_fields (reader);
      guint n_fields = crs_csv_reader_get_n_fields (reader);
      const char *id = crs_grade_csv_row_id (grade_csv, fields, n_fields);
      CrsGradingContext context;

      stats->rows++;
      crs_observation_reset (observation);
      g_ptr_array_set_size (problems, 0);
      if (crs_grade_csv_parse_row (grade_csv, fields, n_fields, observation, &context, problems))
        {
          crs_grading_refill_for_reason (grading, observation, &context, crs_grade_csv_get_policy (grade_csv));
          crs_grade_csv_append_graded (buffer, id, grading);
        }
      else
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (problems, NULL);
          joined = g_strjoinv ("; ", (char **) problems->pdata);
          g_ptr_array_remove_index (problems, problems->len - 1);
          stats->rejected++;
          crs_grade_csv_append_rejected (buffer, id, joined);
          if (on_reject != NULL)
            on_reject (crs_csv_reader_get_line (reader), id, problems, user_data);
        }

      if (buffer->len >= OUTPUT_FLUSH_BYTES && !flush (output, buffer, cancellable, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      /* Keep what was graded before the fault. */
      if (error_line != NULL)
        *error_line = crs_csv_reader_get_line (reader);
      flush (output, buffer, cancellable, NULL);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return flush (output, buffer, cancellable, error);
}
