/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report.c: the report's layout engine: blocks of text and drawings
 * put on pages, with the header and footer of every page, drawn on any
 * cairo surface or written to a PDF file (crs-report.h).
 *
 * Pagination keeps each block (the ward summary, one patient) on one
 * page when it fits there; a block taller than a page goes on over the
 * next pages, breaking only between lines, with its heading repeated
 * and marked "continued". */
#define G_LOG_DOMAIN "crs-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <string.h>
#include <unistd.h>

#include "core/crs-format.h"
#include "crs-report-error.h"
#include "crs-report-private.h"

/* A part of an item on a page: from @from to @to of its height, at @y
 * below the top of the page's body. */
typedef struct
{
  CrsReportItem *item;
  double         from;
  double         to;
  double         y;
} Piece;

struct _CrsReport
{
  CrsReportBuilder builder;
  CrsReportKind    kind;
  double           page_width;
  double           page_height;
  char            *title;        /* plain text */
  char            *ward;
  char            *period;
  char            *printed;
  GPtrArray       *pages;        /* GArray of Piece, one per page */
  GPtrArray       *extra;        /* CrsReportItem *: "continued" headings */
  GArray          *patient_pages;/* guint pairs: first, last page of each patient */
};

/* ---------------------------------------------------------------------- */
/* Paper */

gboolean
crs_paper_from_name (const char *name,
                     CrsPaper   *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = CRS_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = CRS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
crs_paper_to_name (CrsPaper paper)
{
  return paper == CRS_PAPER_LETTER ? "letter" : "a4";
}

void
crs_paper_get_size (CrsPaper  paper,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == CRS_PAPER_LETTER)
    {
      /* 8.5 x 11 inches */
      *width = 612;
      *height = 792;
    }
  else
    {
      /* 210 x 297 mm */
      *width = 210 / 25.4 * 72;
      *height = 297 / 25.4 * 72;
    }
}

CrsPaper
crs_paper_default (void)
{
#ifdef __GLIBC__
  /* glibc: the paper of LC_PAPER in millimetres (as gtk_paper_size_get_default() reads it). */
  union { char *string; unsigned int word; } width = { .string = nl_langinfo (_NL_PAPER_WIDTH) };

  if (width.word == 216)
    return CRS_PAPER_LETTER;
#endif
  return CRS_PAPER_A4;
}

/* ---------------------------------------------------------------------- */
/* Building blocks */

static const char * const font_names[CRS_REPORT_N_FONTS] = {
  "Sans 9",
  "Sans 7.5",
  "Sans Bold 9",
  "Sans Bold 11.5",
  "Sans Bold 13",
};

char *
crs_report_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

void
crs_report_set_ink (cairo_t *cr,
                    double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
item_free (CrsReportItem *item)
{
  for (guint i = 0; item->cells != NULL && i < item->cells->len; i++)
    g_object_unref (g_array_index (item->cells, CrsReportCell, i).layout);
  g_clear_pointer (&item->cells, g_array_unref);
  if (item->free_data != NULL)
    item->free_data (item->data);
  g_free (item);
}

static void
block_free (CrsReportBlock *block)
{
  g_ptr_array_unref (block->items);
  g_free (block->continued);
  g_free (block);
}

CrsReportBlock *
crs_report_block_new (CrsReportBuilder *builder,
                      int               patient,
                      const char       *continued)
{
  CrsReportBlock *block = g_new0 (CrsReportBlock, 1);

  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  block->continued = g_strdup (continued);
  block->patient = patient;
  g_ptr_array_add (builder->blocks, block);
  return block;
}

PangoLayout *
crs_report_layout (CrsReportBuilder *builder,
                   CrsReportFont     font,
                   double            width,
                   const char       *markup)
{
  PangoLayout *layout = pango_layout_new (builder->pango);
  PangoFontDescription *description = pango_font_description_from_string (font_names[font]);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Long names and notes without spaces wrap too. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  /* A word broken at the edge gets no hyphen: an MRN or a dose must
   * read as it was written. */
  {
    PangoAttrList *attributes = pango_layout_get_attributes (layout);

    attributes = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
    pango_attr_list_insert_before (attributes, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (layout, attributes);
    pango_attr_list_unref (attributes);
  }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

CrsReportItem *
crs_report_add_row (CrsReportBlock *block)
{
  CrsReportItem *item = g_new0 (CrsReportItem, 1);

  item->cells = g_array_new (FALSE, TRUE, sizeof (CrsReportCell));
  g_ptr_array_add (block->items, item);
  return item;
}

void
crs_report_item_add_cell (CrsReportItem *item,
                          PangoLayout   *layout,
                          double         x,
                          gboolean       inverse)
{
  CrsReportCell cell = { layout, x, (double) pango_layout_get_width (layout) / PANGO_SCALE, inverse };
  double height = layout_height (layout) + (inverse ? 2.0 : 0.0);

  g_array_append_val (item->cells, cell);
  /* The tallest cell flows over pages; the others stay with its start. */
  if (height > item->height)
    {
      item->height = height;
      item->flow = item->cells->len - 1;
    }
}

CrsReportItem *
crs_report_add_text (CrsReportBuilder *builder,
                     CrsReportBlock   *block,
                     CrsReportFont     font,
                     double            indent,
                     const char       *markup)
{
  CrsReportItem *item = crs_report_add_row (block);

  crs_report_item_add_cell (item, crs_report_layout (builder, font, builder->width - indent, markup),
                            indent, FALSE);
  return item;
}

CrsReportItem *
crs_report_add_labelled (CrsReportBuilder *builder,
                         CrsReportBlock   *block,
                         double            label_width,
                         const char       *label_markup,
                         const char       *markup)
{
  CrsReportItem *item = crs_report_add_row (block);

  crs_report_item_add_cell (item, crs_report_layout (builder, CRS_REPORT_FONT_LABEL, label_width - 4,
                                                     label_markup), 0, FALSE);
  crs_report_item_add_cell (item, crs_report_layout (builder, CRS_REPORT_FONT_BODY,
                                                     builder->width - label_width, markup),
                            label_width, FALSE);
  /* The text flows; the label is one line. */
  item->flow = 1;
  return item;
}

CrsReportItem *
crs_report_add_drawing (CrsReportBlock    *block,
                        double             height,
                        CrsReportDrawFunc  draw,
                        gpointer           data,
                        GDestroyNotify     free_data)
{
  CrsReportItem *item = g_new0 (CrsReportItem, 1);

  item->height = height;
  item->draw = draw;
  item->data = data;
  item->free_data = free_data;
  g_ptr_array_add (block->items, item);
  return item;
}

/* ---------------------------------------------------------------------- */
/* Pagination */

/* The lowest line end of @item's flowing cell at or above @limit and
 * below @from, in the item's coordinates; @from when no line ends there. */
static double
break_point (CrsReportItem *item,
             double         from,
             double         limit)
{
  CrsReportCell *cell;
  PangoLayoutIter *iter;
  double best = from;

  if (item->draw != NULL || item->cells->len == 0 || item->unbreakable)
    return from;
  cell = &g_array_index (item->cells, CrsReportCell, item->flow);
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double) y1 / PANGO_SCALE;
      if (bottom > from + 0.01 && bottom <= limit + 0.01)
        best = bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  /* The other cells stay with the first part: never break above them. */
  if (from == 0)
    for (guint i = 0; i < item->cells->len; i++)
      if (i != item->flow &&
          layout_height (g_array_index (item->cells, CrsReportCell, i).layout) > best + 0.01)
        return from;
  return best;
}

/* The least of @item that can start a page: its first line (with the
 * cells beside it), or all of a drawing. */
static double
first_part (CrsReportItem *item)
{
  CrsReportCell *cell;
  PangoLayoutIter *iter;
  int y0, y1;
  double cut;

  if (item->draw != NULL || item->cells->len == 0)
    return item->height;
  cell = &g_array_index (item->cells, CrsReportCell, item->flow);
  iter = pango_layout_get_iter (cell->layout);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  cut = break_point (item, 0, (double) y1 / PANGO_SCALE);
  return cut > 0 ? cut : item->height;
}

static guint
item_index (CrsReportBlock *block,
            CrsReportItem  *item)
{
  guint index = 0;

  g_ptr_array_find (block->items, item, &index);
  return index;
}

static double
block_height (CrsReportBlock *block)
{
  double height = 0;

  for (guint i = 0; i < block->items->len; i++)
    {
      CrsReportItem *item = g_ptr_array_index (block->items, i);

      height += (i > 0 ? item->space_before : 0) + item->height;
    }
  return height;
}

typedef struct
{
  CrsReport *report;
  GArray    *page;
  double     y;
  double     top;   /* where the page's own content starts (under a "continued" heading) */
} Flow;

static void
place (Flow          *flow,
       CrsReportItem *item,
       double         from,
       double         to)
{
  Piece piece = { item, from, to, flow->y };

  g_array_append_val (flow->page, piece);
  flow->y += to - from;
}

static void
next_page (Flow           *flow,
           CrsReportBlock *block,
           gboolean        repeat)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (flow->report->pages, flow->page);
  flow->y = 0;
  if (block != NULL && block->continued != NULL)
    {
      CrsReportItem *heading = g_new0 (CrsReportItem, 1);
      g_autofree char *markup = g_strdup_printf (_("%s (continued)"), block->continued);

      heading->cells = g_array_new (FALSE, TRUE, sizeof (CrsReportCell));
      g_ptr_array_add (flow->report->extra, heading);
      crs_report_item_add_cell (heading, crs_report_layout (&flow->report->builder, CRS_REPORT_FONT_HEADING,
                                                            flow->report->builder.width, markup),
                                0, FALSE);
      heading->rule_above = 1.5;
      place (flow, heading, 0, heading->height);
      flow->y += 4;
      if (repeat && block->repeat != NULL)
        {
          place (flow, block->repeat, 0, block->repeat->height);
          flow->y += 2;
        }
    }
  flow->top = flow->y;
}

static void
paginate (CrsReport *self)
{
  double body = self->builder.body_height;
  Flow flow = { self, NULL, 0, 0 };

  next_page (&flow, NULL, FALSE);
  for (guint b = 0; b < self->builder.blocks->len; b++)
    {
      CrsReportBlock *block = g_ptr_array_index (self->builder.blocks, b);
      double height = block_height (block);
      guint first_page;

      if (block->items->len == 0)
        continue;
      /* A block starts a page of its own when asked, and when it does not
       * fit in what is left but fits on a page (or little is left). */
      if (flow.y > flow.top)
        {
          double space = ((CrsReportItem *) g_ptr_array_index (block->items, 0))->space_before + 10;

          if (block->new_page || (flow.y + space + height > body && (height <= body || body - flow.y < body / 3)))
            next_page (&flow, NULL, FALSE);
          else
            flow.y += space;
        }
      first_page = self->pages->len - 1;

      for (guint i = 0; i < block->items->len; i++)
        {
          /* Past the item to repeat (a table's header): the table goes on. */
          gboolean repeat = block->repeat != NULL && item_index (block, block->repeat) < i;
          CrsReportItem *item = g_ptr_array_index (block->items, i);
          double from = 0;

          if (i > 0 && flow.y > flow.top)
            flow.y += item->space_before;
          /* A heading goes with the start of what follows it. */
          if (item->keep_with_next && i + 1 < block->items->len && flow.y > flow.top)
            {
              CrsReportItem *next = g_ptr_array_index (block->items, i + 1);

              if (flow.y + item->height + next->space_before + first_part (next) > body)
                next_page (&flow, block, repeat);
            }
          while (from < item->height)
            {
              double cut;

              if (flow.y + (item->height - from) <= body + 0.01)
                {
                  place (&flow, item, from, item->height);
                  break;
                }
              cut = break_point (item, from, from + body - flow.y);
              if (cut <= from && flow.y <= flow.top)
                /* Nothing fits even on a page of its own: a drawing
                 * taller than a page, or one line taller than a page. */
                cut = item->draw != NULL ? item->height : MAX (break_point (item, from, item->height), from);
              if (cut <= from && flow.y <= flow.top)
                cut = item->height;
              if (cut > from)
                {
                  place (&flow, item, from, cut);
                  from = cut;
                }
              if (from < item->height)
                next_page (&flow, block, repeat);
            }
        }
      /* Lines to write on take the rest of the page when the next block
       * starts a new one. */
      {
        Piece *last = &g_array_index (flow.page, Piece, flow.page->len - 1);
        CrsReportBlock *next = b + 1 < self->builder.blocks->len ? g_ptr_array_index (self->builder.blocks, b + 1)
                                                                 : NULL;
        gboolean next_fits = next != NULL && !next->new_page && flow.y + 10 + block_height (next) <= body;

        if (last->item->fill_page && last->from == 0 && !next_fits)
          {
            last->to = MAX (last->to, body - last->y);
            flow.y = body;
          }
      }
      if (block->patient >= 0)
        {
          guint pair[2] = { first_page, self->pages->len - 1 };

          if ((guint) block->patient >= self->patient_pages->len / 2)
            g_array_set_size (self->patient_pages, (block->patient + 1) * 2);
          g_array_index (self->patient_pages, guint, block->patient * 2) = pair[0];
          g_array_index (self->patient_pages, guint, block->patient * 2 + 1) = pair[1];
        }
    }
}

/* ---------------------------------------------------------------------- */
/* The report */

static char *
period_text (CrsHandover *handover)
{
  g_autofree char *from = crs_format_date_time (handover->from);
  g_autofree char *to = crs_format_date_time (handover->to);

  /* TRANSLATORS: the period a report covers, e.g. "This shift: 12 Mar 2024
   * 07:00 – 12 Mar 2024 19:00" */
  return g_strdup_printf (_("%s: %s – %s"), crs_handover_period_label (handover->period), from, to);
}

CrsReport *
crs_report_new (CrsHandover   *handover,
                CrsReportKind  kind,
                double         width,
                double         height)
{
  CrsReport *self;
  PangoFontMap *font_map;
  cairo_font_options_t *options;
  g_autofree char *printed_at = NULL;

  g_return_val_if_fail (handover != NULL, NULL);
  g_return_val_if_fail (width > 200 && height > 200, NULL);

  self = g_new0 (CrsReport, 1);
  self->kind = kind;
  self->page_width = width;
  self->page_height = height;

  /* 72 units per inch and unhinted metrics: the same lines on every
   * surface (the timeline renderer measures its text the same way). */
  font_map = pango_cairo_font_map_get_default ();
  self->builder.pango = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->builder.pango, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->builder.pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->builder.pango, FALSE);

  self->builder.width = width - 2 * CRS_REPORT_MARGIN_X;
  self->builder.body_height = height - CRS_REPORT_MARGIN_TOP - CRS_REPORT_HEADER -
                              CRS_REPORT_FOOTER - CRS_REPORT_MARGIN_BOTTOM;
  self->builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->extra = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->patient_pages = g_array_new (FALSE, TRUE, sizeof (guint));

  self->title = g_strdup (kind == CRS_REPORT_BLANK_CHARTS ? _("Blank observation charts")
                                                          : _("Shift handover"));
  self->ward = g_strdup (handover->ward_name);
  printed_at = crs_format_date_time (handover->now);
  if (kind == CRS_REPORT_BLANK_CHARTS)
    {
      self->period = g_strdup ("");
      /* TRANSLATORS: under the title of the blank charts: what they are for, who printed them and
       * when, e.g. "Paper fallback: use when CRS Watch cannot be used. Printed by A. Jones on 3 Mar
       * 2024 14:05" */
      self->printed = g_strdup_printf (_("Paper fallback: use when CRS Watch cannot be used. Printed by %s on %s"),
                                       handover->printed_by, printed_at);
    }
  else
    {
      self->period = period_text (handover);
      /* TRANSLATORS: who printed the report and when; the grades are as of then */
      self->printed = g_strdup_printf (_("Printed by %s on %s; grades as of that time"),
                                       handover->printed_by, printed_at);
    }

  if (kind == CRS_REPORT_BLANK_CHARTS)
    crs_report_build_charts (&self->builder, handover);
  else
    crs_report_build_handover (&self->builder, handover);
  paginate (self);
  return self;
}

void
crs_report_free (CrsReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->builder.blocks, g_ptr_array_unref);
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  g_clear_pointer (&self->patient_pages, g_array_unref);
  g_clear_object (&self->builder.pango);
  g_free (self->title);
  g_free (self->ward);
  g_free (self->period);
  g_free (self->printed);
  g_free (self);
}

guint
crs_report_get_n_pages (CrsReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

gboolean
crs_report_get_patient_pages (CrsReport *self,
                              guint      index,
                              guint     *first,
                              guint     *last)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->patient_pages->len / 2)
    return FALSE;
  if (first != NULL)
    *first = g_array_index (self->patient_pages, guint, index * 2);
  if (last != NULL)
    *last = g_array_index (self->patient_pages, guint, index * 2 + 1);
  return TRUE;
}

CrsTimelineModel *
crs_report_get_patient_timeline (CrsReport *self,
                                 guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint b = 0; b < self->builder.blocks->len; b++)
    {
      CrsReportBlock *block = g_ptr_array_index (self->builder.blocks, b);

      if (block->patient == (int) index && block->timeline != NULL)
        return block->timeline;
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Drawing */

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_frame (CrsReport *self,
            cairo_t   *cr,
            guint      page)
{
  double left = CRS_REPORT_MARGIN_X;
  double right = self->page_width - CRS_REPORT_MARGIN_X;
  double width = right - left;
  double top = CRS_REPORT_MARGIN_TOP;
  double bottom = self->page_height - CRS_REPORT_MARGIN_BOTTOM;
  g_autofree char *title = NULL;
  g_autofree char *period = crs_report_escape (self->period);
  g_autofree char *printed = crs_report_escape (self->printed);
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) second = NULL;
  g_autoptr(PangoLayout) confidential = NULL;
  g_autoptr(PangoLayout) pages = NULL;
  int w, h;

  {
    g_autofree char *t = crs_report_escape (self->title);
    g_autofree char *ward = crs_report_escape (self->ward);

    title = g_strdup_printf ("<b>%s</b>  ·  %s", t, ward);
  }
  /* The title and ward across the line; under it the period, then who
   * printed it and when, on one line (only the end of that gives way). */
  heading = crs_report_layout (&self->builder, CRS_REPORT_FONT_HEADING, width, title);
  pango_layout_set_ellipsize (heading, PANGO_ELLIPSIZE_END);
  {
    g_autofree char *markup = *self->period != '\0' ? g_strdup_printf ("<b>%s</b>  ·  %s", period, printed)
                                                    : g_strdup (printed);

    second = crs_report_layout (&self->builder, CRS_REPORT_FONT_SMALL, width, markup);
    pango_layout_set_ellipsize (second, PANGO_ELLIPSIZE_END);
  }

  crs_report_set_ink (cr, 0);
  show_layout_at (cr, heading, left, top);
  show_layout_at (cr, second, left, top + 18);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, top + CRS_REPORT_HEADER - 6);
  cairo_line_to (cr, right, top + CRS_REPORT_HEADER - 6);
  cairo_stroke (cr);

  /* TRANSLATORS: the confidentiality line at the foot of every page */
  confidential = crs_report_layout (&self->builder, CRS_REPORT_FONT_SMALL, width * 0.78,
                                    _("Confidential: contains patient information. Do not leave unattended; "
                                      "dispose of as confidential waste."));
  pages = crs_report_layout (&self->builder, CRS_REPORT_FONT_LABEL, width * 0.22, number);
  pango_layout_set_alignment (pages, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (pages, &w, &h);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, left, bottom - CRS_REPORT_FOOTER + 4);
  cairo_line_to (cr, right, bottom - CRS_REPORT_FOOTER + 4);
  cairo_stroke (cr);
  show_layout_at (cr, confidential, left, bottom - CRS_REPORT_FOOTER + 8);
  show_layout_at (cr, pages, left + width * 0.78, bottom - CRS_REPORT_FOOTER + 7);
}

static void
draw_cell (cairo_t       *cr,
           CrsReportCell *cell,
           double         from,
           double         to,
           gboolean       flow)
{
  PangoLayoutIter *iter;

  if (!flow && from > 0)
    return;
  if (cell->inverse && from == 0)
    {
      PangoRectangle ink, logical;

      pango_layout_get_pixel_extents (cell->layout, &ink, &logical);
      crs_report_set_ink (cr, 0);
      cairo_rectangle (cr, cell->x + logical.x - 3, -1 + 0, logical.width + 6, logical.height + 2);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
    }
  else
    crs_report_set_ink (cr, 0);

  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      bottom = (double) y1 / PANGO_SCALE;
      if (flow && (top < from - 0.01 || bottom > to + 0.01))
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, cell->x + (double) logical.x / PANGO_SCALE,
                     (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - from);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_piece (CrsReport *self,
            cairo_t   *cr,
            Piece     *piece)
{
  CrsReportItem *item = piece->item;

  cairo_save (cr);
  cairo_translate (cr, CRS_REPORT_MARGIN_X, CRS_REPORT_MARGIN_TOP + CRS_REPORT_HEADER + piece->y);
  if (item->rule_above > 0 && piece->from == 0)
    {
      crs_report_set_ink (cr, 0);
      cairo_set_line_width (cr, item->rule_above);
      cairo_move_to (cr, 0, -3);
      cairo_line_to (cr, self->builder.width, -3);
      cairo_stroke (cr);
    }
  if (item->shade)
    {
      crs_report_set_ink (cr, 0.92);
      cairo_rectangle (cr, 0, -1.5, self->builder.width, piece->to - piece->from + 3);
      cairo_fill (cr);
    }
  if (item->draw != NULL)
    item->draw (cr, self->builder.width, piece->to - piece->from, item->data);
  else
    for (guint i = 0; i < item->cells->len; i++)
      draw_cell (cr, &g_array_index (item->cells, CrsReportCell, i), piece->from, piece->to, i == item->flow);
  cairo_restore (cr);
}

void
crs_report_draw_page (CrsReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  GArray *pieces;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);
  draw_frame (self, cr, page);
  pieces = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, Piece, i));
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* PDF */

typedef struct
{
  int fd;
  int error;   /* errno of the first failed write, 0 = none */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->error = errno;
          break;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_failed (GError    **error,
              const char *path,
              const char *reason)
{
  g_set_error (error, CRS_REPORT_ERROR, CRS_REPORT_ERROR_WRITE,
               /* TRANSLATORS: the file and why it could not be written */
               _("Cannot write the report to %s: %s"), path, reason);
  return FALSE;
}

gboolean
crs_report_write_pdf (CrsReport   *self,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { -1, 0 };
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*path == '\0')
    return write_failed (error, "“”", _("no file name was given"));
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return write_failed (error, path, _("it is a folder"));

  /* A temporary file beside the report, owner only from the start. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sink.fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return write_failed (error, path, g_strerror (errno));

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, self->page_width, self->page_height);
  title = g_strdup_printf ("%s: %s", self->title, self->ward);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CRS Watch " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      crs_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error == 0 && status != CAIRO_STATUS_SUCCESS)
    sink.error = -1;
  if (sink.error == 0 && fsync (sink.fd) != 0)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0)
    sink.error = errno;
  if (sink.error == 0 && g_rename (temp, path) != 0)
    sink.error = errno;
  if (sink.error != 0)
    {
      int saved = sink.error;

      g_unlink (temp);
      return write_failed (error, path, saved > 0 ? g_strerror (saved) : cairo_status_to_string (status));
    }
  return TRUE;
}
