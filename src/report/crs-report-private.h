/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-private.h: the pieces the report's files share: blocks of
 * items laid out with Pango (crs-report.c), filled by the handover
 * (crs-report-handover.c) and the blank charts (crs-report-chart.c). */
#pragma once

#include <pango/pangocairo.h>

#include "crs-report.h"

G_BEGIN_DECLS

/* Sizes in points. */
#define CRS_REPORT_MARGIN_X      42.0   /* about 15 mm */
#define CRS_REPORT_MARGIN_TOP    34.0
#define CRS_REPORT_MARGIN_BOTTOM 30.0
#define CRS_REPORT_HEADER        36.0   /* the header's height, under the top margin */
#define CRS_REPORT_FOOTER        24.0

typedef enum {
  CRS_REPORT_FONT_BODY = 0,    /* 9 pt */
  CRS_REPORT_FONT_SMALL,       /* 7.5 pt */
  CRS_REPORT_FONT_LABEL,       /* 9 pt bold */
  CRS_REPORT_FONT_HEADING,     /* 11.5 pt bold */
  CRS_REPORT_FONT_TITLE,       /* 13 pt bold */
  CRS_REPORT_N_FONTS
} CrsReportFont;

typedef struct
{
  PangoLayout *layout;
  double       x;        /* from the left of the text area */
  double       width;
  gboolean     inverse;  /* white on a black box: a red flag */
} CrsReportCell;

typedef void (*CrsReportDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  data);

/* One row of a block: cells of text side by side, or a drawing. */
typedef struct
{
  GArray            *cells;          /* CrsReportCell */
  guint              flow;           /* the cell whose lines may go on to the next page */
  double             height;
  double             space_before;   /* dropped at the top of a page */
  gboolean           keep_with_next; /* a heading: never last on a page */
  gboolean           unbreakable;    /* a table row: never across pages */
  gboolean           fill_page;      /* a drawing that grows to the foot of the page when it is
                                      * the last thing there (lines to write on) */
  double             rule_above;     /* line width of a rule across the top, 0 = none */
  gboolean           shade;          /* on a light grey band (alternate table rows) */
  CrsReportDrawFunc  draw;           /* a drawing of @height instead of cells */
  gpointer           data;
  GDestroyNotify     free_data;
} CrsReportItem;

typedef struct
{
  GPtrArray *items;           /* CrsReportItem * */
  char      *continued;       /* markup of the heading repeated on a next page */
  gboolean   new_page;        /* starts on a page of its own */
  /* One of @items, repeated under the "continued" heading on a page the
   * block goes on to after it (a table's header row); NULL = none. */
  CrsReportItem *repeat;
  int        patient;         /* index of the patient, -1 for the ward summary */
  CrsTimelineModel *timeline; /* the patient's chart (a drawing's data), or NULL */
} CrsReportBlock;

typedef struct
{
  PangoContext *pango;
  double        width;         /* of the text area */
  double        body_height;   /* of the area between header and footer */
  GPtrArray    *blocks;        /* CrsReportBlock * */
} CrsReportBuilder;

CrsReportBlock *crs_report_block_new   (CrsReportBuilder *builder,
                                        int               patient,
                                        const char       *continued);
PangoLayout    *crs_report_layout      (CrsReportBuilder *builder,
                                        CrsReportFont     font,
                                        double            width,
                                        const char       *markup);
/* A paragraph across the text area from @indent. */
CrsReportItem  *crs_report_add_text    (CrsReportBuilder *builder,
                                        CrsReportBlock   *block,
                                        CrsReportFont     font,
                                        double            indent,
                                        const char       *markup);
/* A label in the left column (@label_width wide) and a paragraph beside it. */
CrsReportItem  *crs_report_add_labelled (CrsReportBuilder *builder,
                                         CrsReportBlock   *block,
                                         double            label_width,
                                         const char       *label_markup,
                                         const char       *markup);
/* An empty row; cells added with crs_report_item_add_cell(). */
CrsReportItem  *crs_report_add_row     (CrsReportBlock   *block);
void            crs_report_item_add_cell (CrsReportItem  *item,
                                          PangoLayout    *layout,   /* taken */
                                          double          x,
                                          gboolean        inverse);
CrsReportItem  *crs_report_add_drawing (CrsReportBlock   *block,
                                        double            height,
                                        CrsReportDrawFunc draw,
                                        gpointer          data,
                                        GDestroyNotify    free_data);

/* Blocks of the handover (crs-report-handover.c) and of the blank charts
 * (crs-report-chart.c). */
void crs_report_build_handover (CrsReportBuilder *builder,
                                CrsHandover      *handover);
void crs_report_build_charts   (CrsReportBuilder *builder,
                                CrsHandover      *handover);

/* Markup helpers: @text escaped; NULL gives "". */
char *crs_report_escape (const char *text);

/* Sets the colour of ink (black) or of a grey. */
void crs_report_set_ink (cairo_t *cr,
                         double   grey);

G_END_DECLS
