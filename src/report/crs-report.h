/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report.h: the shift handover report and the blank paper charts,
 * laid out on pages.
 *
 * One layout engine for every way out: the PDF written by crs-watch-cli
 * and "Export PDF…", and the pages GtkPrintOperation prints. Text is
 * laid out once with Pango at 72 units per inch and unhinted metrics, so
 * the pages are the same on any cairo surface: a page drawn for the
 * printer is the page in the PDF. Lengths are points (1/72 inch); pages
 * are portrait, drawn from the top left corner of the sheet. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "crs-handover.h"
#include "crs-timeline-model.h"

G_BEGIN_DECLS

typedef enum {
  CRS_PAPER_A4 = 0,
  CRS_PAPER_LETTER,
} CrsPaper;

/* "a4", "letter" (any case); FALSE for another name. */
gboolean crs_paper_from_name    (const char *name,
                                 CrsPaper   *paper);
const char *crs_paper_to_name   (CrsPaper    paper);
/* Width and height in points, portrait. */
void     crs_paper_get_size     (CrsPaper    paper,
                                 double     *width,
                                 double     *height);
/* The paper of the current locale (LC_PAPER): US Letter where the
 * locale says so, else A4. */
CrsPaper crs_paper_default      (void);

typedef enum {
  CRS_REPORT_HANDOVER = 0,     /* the ward summary, then one block per patient */
  CRS_REPORT_BLANK_CHARTS,     /* one blank observation chart per patient */
} CrsReportKind;

typedef struct _CrsReport CrsReport;

/* Lays out @handover on pages of @width x @height points. The report
 * keeps what it needs; @handover may be freed afterwards. */
CrsReport *crs_report_new          (CrsHandover   *handover,
                                    CrsReportKind  kind,
                                    double         width,
                                    double         height);
void       crs_report_free         (CrsReport     *self);
guint      crs_report_get_n_pages  (CrsReport     *self);
/* Draws page @page (0-based) on @cr, whose user units are points with
 * the origin at the sheet's top left corner. */
void       crs_report_draw_page    (CrsReport     *self,
                                    cairo_t       *cr,
                                    guint          page);
/* Writes every page to a PDF file at @path, readable by its owner only
 * (patient data). The file appears complete or not at all: it is written
 * beside @path under a temporary name and renamed into place, so a
 * failure leaves no partial file and an existing file untouched.
 * CRS_REPORT_ERROR_WRITE names the path and the reason. */
gboolean   crs_report_write_pdf    (CrsReport     *self,
                                    const char    *path,
                                    GError       **error);

/* The page on which patient @index's block starts (0-based) and the
 * page on which it ends; FALSE when there is no such patient. For tests
 * and for a print preview. */
gboolean   crs_report_get_patient_pages (CrsReport *self,
                                         guint      index,
                                         guint     *first,
                                         guint     *last);

/* The model of the 72-hour chart drawn for patient @index, owned by the
 * report; NULL when there is no such patient or chart (the blank
 * charts). Filled by crs-timeline-feed.h like the patient page's, so the
 * same renderer draws the same chart. For tests. */
CrsTimelineModel *crs_report_get_patient_timeline (CrsReport *self,
                                                   guint      index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsReport, crs_report_free)

G_END_DECLS
