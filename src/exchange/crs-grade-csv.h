/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-csv.h: the `crs-watch-cli grade --csv` contract
 * (shared/design/grade-csv.md, copied into the header comment of
 * crs-grade-csv.c): observation rows in, grades out, with exactly the
 * grading the app shows on screen.
 *
 * Output columns:
 * id,crs_grade,icans_grade,news2,news2_risk,red_flag,reason,error,pews,pews_level */
#pragma once

#include <gio/gio.h>

#include "crs-csv.h"
#include "core/crs-grading.h"

G_BEGIN_DECLS

typedef struct _CrsGradeCsv CrsGradeCsv;

/* @policy may be NULL for the ward defaults; it is copied. */
CrsGradeCsv *crs_grade_csv_new        (const CrsWardPolicy *policy);
void         crs_grade_csv_free       (CrsGradeCsv         *self);
/* The policy the rows are graded by. */
const CrsWardPolicy *crs_grade_csv_get_policy (CrsGradeCsv    *self);
/* Checks the header row: every name must be a known column, none twice,
 * and `id` must be there (CRS_CSV_ERROR_HEADER, naming the column). */
gboolean     crs_grade_csv_set_header (CrsGradeCsv         *self,
                                       const char * const  *fields,
                                       guint                n_fields,
                                       GError             **error);
/* The row's id (as written, "" without one). */
const char  *crs_grade_csv_row_id     (CrsGradeCsv         *self,
                                       const char * const  *fields,
                                       guint                n_fields);
/* Reads one data row into a fresh @observation and @context. Returns
 * FALSE when the row must be rejected, with one message per problem in
 * @problems (char *, e.g. "temp_c: 'abc' is not a number"). */
gboolean     crs_grade_csv_parse_row  (CrsGradeCsv         *self,
                                       const char * const  *fields,
                                       guint                n_fields,
                                       CrsObservation      *observation,
                                       CrsGradingContext   *context,
                                       GPtrArray           *problems);

void crs_grade_csv_append_header   (GString          *out);
void crs_grade_csv_append_graded   (GString          *out,
                                    const char       *id,
                                    const CrsGrading *grading);
void crs_grade_csv_append_rejected (GString          *out,
                                    const char       *id,
                                    const char       *error_text);

typedef struct
{
  guint64 rows;       /* data rows read */
  guint64 rejected;   /* of which rejected */
} CrsGradeCsvStats;

/* Called for each rejected row: the line it starts on, its id, and the
 * problems (char *). */
typedef void (*CrsGradeCsvRejectFunc) (guint        line,
                                       const char  *id,
                                       GPtrArray   *problems,
                                       gpointer     user_data);

/* Reads @input to the end, writing the graded CSV to @output as it goes.
 * Returns FALSE for a file that cannot be graded at all (unreadable,
 * malformed, empty, bad header, output not writable): then *@error_line
 * (may be NULL) is the line at fault, 0 for none. Rejected rows are
 * written with their error and reported through @on_reject; they do not
 * make it fail. */
gboolean crs_grade_csv_run (GInputStream          *input,
                            GOutputStream         *output,
                            const CrsWardPolicy   *policy,
                            CrsGradeCsvRejectFunc  on_reject,
                            gpointer               user_data,
                            CrsGradeCsvStats      *stats,
                            guint                 *error_line,
                            GCancellable          *cancellable,
                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsGradeCsv, crs_grade_csv_free)

G_END_DECLS
