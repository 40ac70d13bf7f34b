/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-csv.h: an RFC 4180 CSV reader and field writer.
 *
 * The reader streams: it holds one record at a time, so a file of any
 * length is read in constant memory (a record is limited to
 * CRS_CSV_MAX_RECORD_BYTES so that a missing closing quote cannot eat the
 * whole file). It accepts quoted fields with commas, doubled quotes and
 * line breaks, CRLF, LF or CR line ends, a UTF-8 byte order mark, and no
 * line end after the last record; it skips empty lines. It refuses text
 * that is not UTF-8, a quote inside an unquoted field, text after a
 * closing quote, and a quote that is never closed, saying on which line. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRS_CSV_ERROR (crs_csv_error_quark ())

typedef enum {
  CRS_CSV_ERROR_READ,        /* the stream could not be read */
  CRS_CSV_ERROR_MALFORMED,   /* broken quoting, not UTF-8, record too long */
  CRS_CSV_ERROR_EMPTY,       /* no header row */
  CRS_CSV_ERROR_HEADER,      /* unknown, duplicate or missing column */
  CRS_CSV_ERROR_VALUE,       /* a row with a value outside its type or range */
} CrsCsvError;

GQuark crs_csv_error_quark (void);

#define CRS_CSV_MAX_RECORD_BYTES (1024 * 1024)

typedef struct _CrsCsvReader CrsCsvReader;

CrsCsvReader *crs_csv_reader_new         (GInputStream  *stream);
void          crs_csv_reader_free        (CrsCsvReader  *reader);
/* Reads the next record. Returns TRUE with a record; FALSE at the end of
 * the input (no error set) or on error. The fields stay valid until the
 * next call. On error, crs_csv_reader_get_line() is the line at fault. */
gboolean      crs_csv_reader_next        (CrsCsvReader  *reader,
                                          GCancellable  *cancellable,
                                          GError       **error);
guint         crs_csv_reader_get_n_fields (CrsCsvReader *reader);
const char   *crs_csv_reader_get_field   (CrsCsvReader  *reader,
                                          guint          index);
/* NULL-terminated, owned by the reader. */
const char * const *crs_csv_reader_get_fields (CrsCsvReader *reader);
/* The 1-based line on which the current record starts (a record with
 * quoted line breaks spans several lines). */
guint         crs_csv_reader_get_line    (CrsCsvReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsCsvReader, crs_csv_reader_free)

/* Appends @value to @out as one CSV field, quoted when it holds a comma,
 * a quote or a line break (RFC 4180 §2.6-2.7). NULL is an empty field. */
void crs_csv_append_field (GString    *out,
                           const char *value);
/* Makes what @out holds after an opening quote at @quote one CSV field,
 * as crs_csv_append_field() would have written it: for a field written
 * straight into @out (long text, a reason) after that quote, which is
 * taken out again when the field needs none. */
void crs_csv_finish_quoted (GString   *out,
                            gsize      quote);

G_END_DECLS
