/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-render.c: the timeline renderer without a display.
 *
 * Layout through the query API (areas, ticks, labels, steps, markers)
 * at several sizes, and what was really drawn by reading pixels back
 * from an image surface: the CRS line where a grade holds, nothing where
 * it is not determined, an open marker for "at least". The same chart
 * goes into a PDF, whose text is read back with pdftotext. The PNGs and
 * the PDF stay in $CRS_TEST_SCREENSHOT_DIR for people to look at. */
#define G_LOG_DOMAIN "test-timeline-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>

#include "core/crs-format.h"
#include "crs-test-timeline-data.h"
#include "report/crs-timeline-render.h"

#define HOUR CRS_TEST_HOUR
#define DAY CRS_TEST_DAY
#define T0 CRS_TEST_T0

/* ---------------------------------------------------------------------- */
/* Helpers */

typedef struct
{
  cairo_surface_t   *surface;
  cairo_t           *cr;
  CrsTimelineLayout *layout;
  CrsTimelineStyle   style;
} Drawn;

static void
drawn_clear (Drawn *d)
{
  g_clear_pointer (&d->layout, crs_timeline_layout_free);
  g_clear_pointer (&d->cr, cairo_destroy);
  g_clear_pointer (&d->surface, cairo_surface_destroy);
}

/* Lays out and draws @model on a new image surface. */
static void
draw (Drawn            *d,
      CrsTimelineModel *model,
      int               width,
      int               height,
      gboolean          compact)
{
  if (compact)
    crs_timeline_style_init_compact (&d->style);
  else
    crs_timeline_style_init_default (&d->style);
  d->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  d->cr = cairo_create (d->surface);
  d->layout = crs_timeline_layout_new (d->cr, width, height, &d->style, model);
  crs_timeline_layout_draw (d->layout, d->cr);
  cairo_surface_flush (d->surface);
}

static void
save_artifact (cairo_surface_t *surface,
               const char      *name)
{
  const char *dir = g_getenv ("CRS_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0700);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

/* The colour at (x, y), un-premultiplied, 0-255. */
static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       guint8           rgb[3])
{
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb;
  guint a;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  argb = *(const guint32 *) (data + iy * stride + ix * 4);
  a = argb >> 24;
  for (int c = 0; c < 3; c++)
    {
      guint v = (argb >> (16 - 8 * c)) & 0xff;

      rgb[c] = a == 0 ? 0 : MIN (255, v * 255 / a);
    }
}

static gboolean
close_to (const guint8            rgb[3],
          const CrsTimelineColor *color,
          int                     tolerance)
{
  int want[3] = { (int) lround (color->red * 255), (int) lround (color->green * 255), (int) lround (color->blue * 255) };

  for (int c = 0; c < 3; c++)
    if (ABS ((int) rgb[c] - want[c]) > tolerance)
      return FALSE;
  return TRUE;
}

/* TRUE when a pixel within @radius of (x, y) is close to @color. */
static gboolean
color_near (cairo_surface_t        *surface,
            double                  x,
            double                  y,
            int                     radius,
            const CrsTimelineColor *color)
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        guint8 rgb[3];

        pixel (surface, x + dx, y + dy, rgb);
        if (close_to (rgb, color, 40))
          return TRUE;
      }
  return FALSE;
}

static gboolean
rect_inside (const CrsTimelineRect *r,
             double                 width,
             double                 height)
{
  const double e = 0.01;

  return r->x >= -e && r->y >= -e && r->x + r->width <= width + e && r->y + r->height <= height + e;
}

static gboolean
rects_overlap (const CrsTimelineRect *a,
               const CrsTimelineRect *b)
{
  const double e = 0.01;

  return a->x + e < b->x + b->width && b->x + e < a->x + a->width &&
         a->y + e < b->y + b->height && b->y + e < a->y + a->height;
}

static const CrsTimelineStep *
step_starting_at (CrsTimelineLayout *layout,
                  CrsTimelineSeries  series,
                  double             x)
{
  guint n;
  const CrsTimelineStep *steps = crs_timeline_layout_get_steps (layout, series, &n);

  for (guint i = 0; i < n; i++)
    if (fabs (steps[i].x0 - x) < 0.01)
      return &steps[i];
  g_error ("no step of series %d starts at x %.2f", series, x);
}

static const CrsTimelineMarker *
marker_of (CrsTimelineLayout *layout,
           CrsTimelineSeries  series,
           guint              point)
{
  guint n;
  const CrsTimelineMarker *markers = crs_timeline_layout_get_markers (layout, series, &n);

  for (guint i = 0; i < n; i++)
    if (markers[i].point == point)
      return &markers[i];
  g_error ("no marker of series %d for point %u", series, point);
}

static gboolean
has_text (CrsTimelineLayout   *layout,
          CrsTimelineTextRole  role,
          const char          *needle)
{
  guint n;
  const CrsTimelineText *texts = crs_timeline_layout_get_texts (layout, &n);

  for (guint i = 0; i < n; i++)
    if (texts[i].role == role && strstr (texts[i].text, needle) != NULL)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Layout at several sizes */

typedef struct
{
  int             width;
  int             height;
  CrsTimelineMode mode;
  CrsTimelineRange range;
  gboolean        extras;   /* NEWS2 and temperature */
} SizeCase;

static const SizeCase size_cases[] = {
  { 900, 420, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_ALL, FALSE },
  { 900, 560, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_ALL, TRUE },
  { 1600, 900, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_72_HOURS, TRUE },
  { 640, 360, CRS_TIMELINE_MODE_SINCE_INFUSION, CRS_TIMELINE_RANGE_ALL, TRUE },
  { 900, 560, CRS_TIMELINE_MODE_SINCE_INFUSION, CRS_TIMELINE_RANGE_72_HOURS, TRUE },
  { 400, 300, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_24_HOURS, TRUE },
  { 320, 200, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_7_DAYS, FALSE },
  { 240, 600, CRS_TIMELINE_MODE_SINCE_INFUSION, CRS_TIMELINE_RANGE_ALL, TRUE },
  { 2400, 300, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_ALL, TRUE },
  { 150, 80, CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_ALL, TRUE },
};

static const char *
range_name (CrsTimelineRange range)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CRS_TYPE_TIMELINE_RANGE);

  return g_enum_get_value (klass, range)->value_nick;
}

/* Texts that must never overlap one another. */
static gboolean
is_axis_or_legend (CrsTimelineTextRole role)
{
  return role == CRS_TIMELINE_TEXT_TICK || role == CRS_TIMELINE_TEXT_GRADE ||
         role == CRS_TIMELINE_TEXT_NEWS2_AXIS || role == CRS_TIMELINE_TEXT_TEMPERATURE_AXIS ||
         role == CRS_TIMELINE_TEXT_FEVER_LINE || role == CRS_TIMELINE_TEXT_LEGEND ||
         role == CRS_TIMELINE_TEXT_AXIS_TITLE;
}

static void
test_layout_sizes (gconstpointer data)
{
  const SizeCase *c = data;
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  CrsTimelineRect plot, band, previous_band = { 0 };
  const CrsTimelineTick *ticks;
  const CrsTimelineText *texts;
  guint n_ticks, n_texts, n_labels = 0, n_grade_labels = 0;
  g_autofree char *name = NULL;

  crs_timeline_model_set_mode (model, c->mode);
  crs_timeline_model_set_range (model, c->range);
  crs_timeline_model_set_show_news2 (model, c->extras);
  crs_timeline_model_set_show_temperature (model, c->extras);
  draw (&d, model, c->width, c->height, FALSE);
  name = g_strdup_printf ("timeline-%s-%s-%dx%d%s",
                          c->mode == CRS_TIMELINE_MODE_CALENDAR ? "calendar" : "since",
                          range_name (c->range),
                          c->width, c->height, c->extras ? "-news2-temperature" : "");
  save_artifact (d.surface, name);

  /* The plot and its bands lie inside the chart, grade 4 at the top. */
  crs_timeline_layout_get_plot_area (d.layout, &plot);
  g_assert_true (rect_inside (&plot, c->width, c->height));
  g_assert_cmpfloat (plot.width, >, c->width / 3.0);
  g_assert_cmpfloat (plot.height, >, 10);
  for (int grade = 4; grade >= 0; grade--)
    {
      crs_timeline_layout_get_band (d.layout, grade, &band);
      g_assert_true (rect_inside (&band, c->width, c->height));
      g_assert_cmpfloat_with_epsilon (band.height, plot.height / 5, 1e-6);
      if (grade < 4)
        g_assert_cmpfloat_with_epsilon (band.y, previous_band.y + previous_band.height, 1e-6);
      else
        g_assert_cmpfloat_with_epsilon (band.y, plot.y, 1e-6);
      previous_band = band;
    }
  if (c->extras && c->height >= 300)
    {
      CrsTimelineRect strip;

      g_assert_true (crs_timeline_layout_get_temperature_area (d.layout, &strip));
      g_assert_true (rect_inside (&strip, c->width, c->height));
      g_assert_cmpfloat (strip.y, >=, plot.y + plot.height);
    }

  /* Every text inside; axis labels and legend never on one another. */
  texts = crs_timeline_layout_get_texts (d.layout, &n_texts);
  for (guint i = 0; i < n_texts; i++)
    {
      if (!rect_inside (&texts[i].rect, c->width, c->height))
        g_error ("\"%s\" at %.1f,%.1f %.1fx%.1f lies outside %dx%d", texts[i].text,
                 texts[i].rect.x, texts[i].rect.y, texts[i].rect.width, texts[i].rect.height, c->width, c->height);
      if (texts[i].role == CRS_TIMELINE_TEXT_GRADE)
        {
          /* Beside its band, left of the plot. */
          n_grade_labels++;
          g_assert_cmpfloat (texts[i].rect.x + texts[i].rect.width, <=, plot.x);
        }
      if (!is_axis_or_legend (texts[i].role))
        continue;
      for (guint j = i + 1; j < n_texts; j++)
        if (is_axis_or_legend (texts[j].role) && rects_overlap (&texts[i].rect, &texts[j].rect))
          g_error ("\"%s\" overlaps \"%s\"", texts[i].text, texts[j].text);
    }
  if (plot.height / 5 >= 20)
    g_assert_cmpuint (n_grade_labels, ==, 5);

  /* Ticks in order, at the x of their time, labels apart. */
  ticks = crs_timeline_layout_get_ticks (d.layout, &n_ticks);
  g_assert_cmpuint (n_ticks, >=, 1);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_assert_cmpfloat_with_epsilon (ticks[i].x, crs_timeline_layout_x_for_time (d.layout, ticks[i].time), 1e-6);
      g_assert_cmpfloat (ticks[i].x, >=, plot.x - 0.01);
      g_assert_cmpfloat (ticks[i].x, <=, plot.x + plot.width + 0.01);
      if (i > 0)
        g_assert_cmpint (ticks[i].time, >, ticks[i - 1].time);
      if (ticks[i].label == NULL)
        continue;
      n_labels++;
      for (guint j = i + 1; j < n_ticks; j++)
        if (ticks[j].label != NULL)
          g_assert_false (rects_overlap (&ticks[i].label_rect, &ticks[j].label_rect));
    }
  g_assert_cmpuint (n_labels, >=, 1);
  if (c->width >= 400)
    g_assert_cmpuint (n_labels, >=, 3);

  drawn_clear (&d);
}

/* ---------------------------------------------------------------------- */
/* Steps, gaps, open markers: layout and pixels */

static void
test_steps_at_times (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const CrsTimelineStep *step;
  double x20, x24, x36, x40, y0, y1, y2, px, py;

  draw (&d, model, 900, 420, FALSE);
  x20 = crs_timeline_layout_x_for_time (d.layout, T0 + 20 * HOUR);
  x24 = crs_timeline_layout_x_for_time (d.layout, T0 + 24 * HOUR);
  x36 = crs_timeline_layout_x_for_time (d.layout, T0 + 36 * HOUR);
  x40 = crs_timeline_layout_x_for_time (d.layout, T0 + 40 * HOUR);
  y0 = crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, 0);
  y1 = crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, 1);
  y2 = crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, 2);

  /* x is linear in time: 4 h apart are the same distance apart. */
  g_assert_cmpfloat_with_epsilon (x24 - x20, x40 - x36, 1e-6);
  g_assert_cmpint (crs_timeline_layout_time_at_x (d.layout, x20), ==, T0 + 20 * HOUR);

  /* CRS 1 at 20 h: a riser from 0, then held until the set at 24 h. */
  step = step_starting_at (d.layout, CRS_TIMELINE_SERIES_CRS, x20);
  g_assert_cmpint (step->kind, ==, CRS_TIMELINE_DETERMINED);
  g_assert_cmpfloat_with_epsilon (step->y, y1, 1e-6);
  g_assert_cmpfloat_with_epsilon (step->x1, x24, 1e-6);
  g_assert_cmpfloat_with_epsilon (step->y_top, y1, 1e-6);
  g_assert_cmpfloat_with_epsilon (step->y_bottom, y0, 1e-6);
  g_assert_true (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (20),
                                                         CRS_TIMELINE_SERIES_CRS, &px, &py));
  g_assert_cmpfloat_with_epsilon (px, x20, 1e-6);
  g_assert_cmpfloat_with_epsilon (py, y1, 1e-6);

  /* CRS 2 at 36 h, held to 44 h (the set at 40 h says 2 again). */
  step = step_starting_at (d.layout, CRS_TIMELINE_SERIES_CRS, x36);
  g_assert_cmpfloat_with_epsilon (step->y, y2, 1e-6);
  g_assert_cmpfloat (y2, <, y1);

  /* CRS above the middle of the band, ICANS below: equal grades both show. */
  g_assert_cmpfloat (crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_ICANS, 0), >, y0);

  /* On the pixels: the CRS colour along the step at 22 h, in grade 1. */
  g_assert_true (color_near (d.surface, (x20 + x24) / 2, y1, 1, &d.style.crs));
  g_assert_false (color_near (d.surface, (x20 + x24) / 2, y0, 1, &d.style.crs));
  drawn_clear (&d);
}

static void
test_gap_not_zero (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const CrsTimelineStep *steps;
  guint n;
  double x28, x32, xm;

  draw (&d, model, 900, 420, FALSE);
  x28 = crs_timeline_layout_x_for_time (d.layout, T0 + 28 * HOUR);
  x32 = crs_timeline_layout_x_for_time (d.layout, T0 + 32 * HOUR);
  xm = (x28 + x32) / 2;

  /* The set at 28 h is not determined: no point, no step from 28 h to 32 h. */
  g_assert_false (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (28),
                                                          CRS_TIMELINE_SERIES_CRS, NULL, NULL));
  for (CrsTimelineSeries s = CRS_TIMELINE_SERIES_CRS; s <= CRS_TIMELINE_SERIES_ICANS; s++)
    {
      steps = crs_timeline_layout_get_steps (d.layout, s, &n);
      for (guint i = 0; i < n; i++)
        g_assert_false (steps[i].x0 < xm && steps[i].x1 > xm);
    }
  /* The step before it ends where it starts. */
  steps = crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_CRS, &n);
  g_assert_cmpfloat_with_epsilon (step_starting_at (d.layout, CRS_TIMELINE_SERIES_CRS,
                                                    crs_timeline_layout_x_for_time (d.layout, T0 + 24 * HOUR))->x1,
                                  x28, 1e-6);

  /* On the pixels: nothing in the CRS colour at any grade there (never a zero). */
  for (int grade = 0; grade <= 4; grade++)
    g_assert_false (color_near (d.surface, xm, crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, grade),
                                2, &d.style.crs));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "not determined"));
  drawn_clear (&d);
}

static void
test_at_least_open_marker (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const CrsTimelineMarker *marker;
  const CrsTimelineStep *step;
  double x32, y1;
  guint8 centre[3];

  draw (&d, model, 900, 420, FALSE);
  x32 = crs_timeline_layout_x_for_time (d.layout, T0 + 32 * HOUR);
  y1 = crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, 1);

  /* "At least 1" at 32 h: an open marker at the floor, on a dotted step. */
  marker = marker_of (d.layout, CRS_TIMELINE_SERIES_CRS, crs_test_timeline_index (32));
  g_assert_cmpint (marker->kind, ==, CRS_TIMELINE_AT_LEAST);
  g_assert_cmpfloat_with_epsilon (marker->x, x32, 1e-6);
  g_assert_cmpfloat_with_epsilon (marker->y, y1, 1e-6);
  step = step_starting_at (d.layout, CRS_TIMELINE_SERIES_CRS, x32);
  g_assert_cmpint (step->kind, ==, CRS_TIMELINE_AT_LEAST);
  /* Determined sets have filled markers. */
  marker = marker_of (d.layout, CRS_TIMELINE_SERIES_CRS, crs_test_timeline_index (36));
  g_assert_cmpint (marker->kind, ==, CRS_TIMELINE_DETERMINED);

  /* On the pixels: the ring in the CRS colour, its centre the background. */
  pixel (d.surface, x32, y1, centre);
  g_assert_true (close_to (centre, &d.style.background, 30));
  g_assert_true (color_near (d.surface, x32 + 3, y1, 1, &d.style.crs) ||
                 color_near (d.surface, x32 - 3, y1, 1, &d.style.crs));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "At least"));
  drawn_clear (&d);
}

/* ---------------------------------------------------------------------- */
/* Modes */

static void
test_since_infusion_day_zero (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const double *lines;
  guint n_lines;
  double xa, xb, ya, yb, x0;
  guint first, n;

  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_SINCE_INFUSION);
  draw (&d, model, 900, 420, FALSE);
  save_artifact (d.surface, "timeline-since-day0");
  x0 = crs_timeline_layout_x_for_time (d.layout, 0);

  /* Both infusions start at day 0: one line there. */
  lines = crs_timeline_layout_get_infusion_lines (d.layout, &n_lines);
  g_assert_cmpuint (n_lines, ==, 1);
  g_assert_cmpfloat_with_epsilon (lines[0], x0, 1e-6);

  /* The sets at each infusion's start are at the same x; 12 h after
   * each too, on two lines. */
  crs_timeline_model_get_infusion_points (model, 1, &first, &n);
  g_assert_cmpuint (first, ==, crs_test_timeline_index (48));
  g_assert_true (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (0), CRS_TIMELINE_SERIES_CRS, &xa, &ya));
  g_assert_true (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (48), CRS_TIMELINE_SERIES_CRS, &xb, &yb));
  g_assert_cmpfloat_with_epsilon (xa, x0, 1e-6);
  g_assert_cmpfloat_with_epsilon (xb, x0, 1e-6);
  g_assert_true (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (12), CRS_TIMELINE_SERIES_CRS, &xa, NULL));
  g_assert_true (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (60), CRS_TIMELINE_SERIES_CRS, &xb, NULL));
  g_assert_cmpfloat_with_epsilon (xa, xb, 1e-6);
  g_assert_cmpfloat (xa, >, x0);
  marker_of (d.layout, CRS_TIMELINE_SERIES_CRS, crs_test_timeline_index (0));
  marker_of (d.layout, CRS_TIMELINE_SERIES_CRS, crs_test_timeline_index (48));

  /* The first line holds until the second infusion, not to now. */
  {
    const CrsTimelineStep *steps;
    guint n_steps;
    double end0 = 0;

    steps = crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_CRS, &n_steps);
    for (guint i = 0; i < n_steps; i++)
      if (steps[i].infusion == 0)
        end0 = MAX (end0, steps[i].x1);
    g_assert_cmpfloat_with_epsilon (end0, crs_timeline_layout_x_for_time (d.layout, 48 * HOUR), 1e-6);
  }

  /* Hours since the infusion; the infusions named in the legend. */
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_TICK, "0 h"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_TICK, "24 h"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_AXIS_TITLE, "Since infusion"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "step-up dose 2"));
  drawn_clear (&d);
}

static void
test_calendar_infusions (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const double *lines;
  guint n_lines, n_ticks;
  const CrsTimelineTick *ticks;
  gboolean day_label = FALSE;
  double x;

  draw (&d, model, 900, 420, FALSE);
  lines = crs_timeline_layout_get_infusion_lines (d.layout, &n_lines);
  g_assert_cmpuint (n_lines, ==, 2);
  g_assert_cmpfloat_with_epsilon (lines[0], crs_timeline_layout_x_for_time (d.layout, T0), 1e-6);
  g_assert_cmpfloat_with_epsilon (lines[1], crs_timeline_layout_x_for_time (d.layout, T0 + 2 * DAY), 1e-6);
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_INFUSION, "step-up dose 1"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_INFUSION, "step-up dose 2"));

  /* The infusion marker is drawn: the infusion colour across the bands. */
  x = lines[0];
  g_assert_true (color_near (d.surface, x, crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, 3), 1,
                             &d.style.infusion));

  /* Days start on labelled ticks at midnight. */
  ticks = crs_timeline_layout_get_ticks (d.layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].major && ticks[i].label != NULL)
      {
        g_assert_cmpint (ticks[i].time % DAY, ==, 0);
        day_label |= g_strcmp0 (ticks[i].label, "2 Mar") == 0;
      }
  g_assert_true (day_label);

  /* The onset window (24-72 h after each dose) and the interventions. */
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "Typical onset"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_INTERVENTION, "T"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "Tocilizumab"));
  g_assert_cmpint (crs_timeline_layout_find_intervention (d.layout, crs_timeline_layout_x_for_time (d.layout, T0 + 22 * HOUR),
                                                          0), ==, -1);
  drawn_clear (&d);
}

/* A small chart (the patient page's summary on a phone) has no room for
 * every legend entry: it keeps the lines' (which is CRS, which ICANS)
 * and leaves out the letters and the onset window, inside its area. */
static void
test_small_legend (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const CrsTimelineText *texts;
  guint n;

  draw (&d, model, 900, 460, FALSE);
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "Tocilizumab"));
  drawn_clear (&d);

  draw (&d, model, 340, 190, FALSE);
  save_artifact (d.surface, "timeline-small-legend");
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "CRS grade"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "ICANS grade"));
  g_assert_false (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "Tocilizumab"));
  g_assert_false (has_text (d.layout, CRS_TIMELINE_TEXT_LEGEND, "Typical onset"));
  texts = crs_timeline_layout_get_texts (d.layout, &n);
  for (guint i = 0; i < n; i++)
    if (texts[i].role == CRS_TIMELINE_TEXT_LEGEND)
      {
        g_assert_cmpfloat (texts[i].rect.x, >=, 0);
        g_assert_cmpfloat (texts[i].rect.x + texts[i].rect.width, <=, 340);
        g_assert_cmpfloat (texts[i].rect.y + texts[i].rect.height, <=, 190);
      }
  drawn_clear (&d);
}

static void
test_find_point_and_intervention (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  CrsTimelineRect plot;
  const CrsTimelineText *texts;
  guint n_texts;
  double x = 0, y = 0;

  draw (&d, model, 900, 420, FALSE);
  crs_timeline_layout_get_plot_area (d.layout, &plot);
  g_assert_true (crs_timeline_layout_get_point_position (d.layout, crs_test_timeline_index (36), CRS_TIMELINE_SERIES_CRS, &x, &y));
  g_assert_cmpint (crs_timeline_layout_find_point (d.layout, x + 2, y, 10), ==, (int) crs_test_timeline_index (36));
  g_assert_cmpint (crs_timeline_layout_find_point (d.layout, x + 2, plot.y, 10), ==, (int) crs_test_timeline_index (36));
  g_assert_cmpint (crs_timeline_layout_find_point (d.layout, x + 40, y, 5), ==, -1);

  /* The antipyretic's box is found where its letter is. */
  texts = crs_timeline_layout_get_texts (d.layout, &n_texts);
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].role == CRS_TIMELINE_TEXT_INTERVENTION && g_strcmp0 (texts[i].text, "A") == 0)
      g_assert_cmpint (crs_timeline_layout_find_intervention (d.layout, texts[i].rect.x + texts[i].rect.width / 2,
                                                              texts[i].rect.y + texts[i].rect.height / 2), ==, 0);
  drawn_clear (&d);
}

/* ---------------------------------------------------------------------- */

static void
test_compact (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  guint n;
  CrsTimelineRect band;

  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_model_set_show_news2 (model, TRUE);
  crs_timeline_model_set_show_temperature (model, TRUE);
  draw (&d, model, 160, 32, TRUE);
  save_artifact (d.surface, "timeline-sparkline-160x32");

  /* No text at all; the two lines over the bands. */
  crs_timeline_layout_get_texts (d.layout, &n);
  g_assert_cmpuint (n, ==, 0);
  crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_CRS, &n);
  g_assert_cmpuint (n, >, 0);
  crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_ICANS, &n);
  g_assert_cmpuint (n, >, 0);
  crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_NEWS2, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (crs_timeline_layout_get_temperature_area (d.layout, &band));
  crs_timeline_layout_get_band (d.layout, 4, &band);
  g_assert_cmpfloat (band.y, <, 2);
  g_assert_true (color_near (d.surface, 80, band.y + band.height / 2, 0, &d.style.band[4]));
  drawn_clear (&d);
}

/* The same layout on a PDF page as on an image, and the words in the PDF. */
static void
test_pdf (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  const char *dir = g_getenv ("CRS_TEST_SCREENSHOT_DIR");
  g_autofree char *tmpdir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  CrsTimelineStyle style;
  cairo_surface_t *surface, *image;
  cairo_t *cr, *icr;
  g_autoptr(CrsTimelineLayout) on_pdf = NULL;
  g_autoptr(CrsTimelineLayout) on_image = NULL;
  CrsTimelineRect a, b;
  const CrsTimelineText *ta, *tb;
  guint na, nb;
  int status;
  const char *argv[] = { "pdftotext", "-layout", NULL, "-", NULL };

  if (dir != NULL)
    {
      g_mkdir_with_parents (dir, 0700);
      pdf = g_build_filename (dir, "timeline-a4.pdf", NULL);
    }
  else
    {
      tmpdir = g_dir_make_tmp ("timeline-XXXXXX", &error);
      g_assert_no_error (error);
      pdf = g_build_filename (tmpdir, "timeline-a4.pdf", NULL);
    }

  crs_timeline_style_init_default (&style);
  style.font_size = 8;      /* points on paper */
  style.line_width = 1.2;
  crs_timeline_model_set_show_news2 (model, TRUE);
  crs_timeline_model_set_show_temperature (model, TRUE);

  surface = cairo_pdf_surface_create (pdf, 595, 842);
  cr = cairo_create (surface);
  cairo_translate (cr, 40, 60);
  on_pdf = crs_timeline_layout_new (cr, 515, 320, &style, model);
  crs_timeline_layout_draw (on_pdf, cr);
  cairo_translate (cr, 0, 380);
  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_SINCE_INFUSION);
  crs_timeline_render (cr, 515, 320, &style, model);
  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_CALENDAR);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* Screen at 2x: the same layout in user units. */
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1030, 640);
  icr = cairo_create (image);
  cairo_scale (icr, 2, 2);
  on_image = crs_timeline_layout_new (icr, 515, 320, &style, model);
  crs_timeline_layout_draw (on_image, icr);
  save_artifact (image, "timeline-515x320-at-2x");
  crs_timeline_layout_get_plot_area (on_pdf, &a);
  crs_timeline_layout_get_plot_area (on_image, &b);
  g_assert_cmpfloat_with_epsilon (a.x, b.x, 0.01);
  g_assert_cmpfloat_with_epsilon (a.width, b.width, 0.01);
  g_assert_cmpfloat_with_epsilon (a.height, b.height, 0.01);
  ta = crs_timeline_layout_get_texts (on_pdf, &na);
  tb = crs_timeline_layout_get_texts (on_image, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpstr (ta[i].text, ==, tb[i].text);
      g_assert_cmpfloat_with_epsilon (ta[i].rect.x, tb[i].rect.x, 0.01);
      g_assert_cmpfloat_with_epsilon (ta[i].rect.width, tb[i].rect.width, 0.01);
    }
  cairo_destroy (icr);
  cairo_surface_destroy (image);

  /* The words are text in the PDF, not pictures. */
  argv[2] = pdf;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "2 moderate"));
  g_assert_nonnull (strstr (text, "4 life-threatening"));
  g_assert_nonnull (strstr (text, "CRS grade"));
  g_assert_nonnull (strstr (text, "2 Mar"));
  g_assert_nonnull (strstr (text, "24 h"));
  g_assert_nonnull (strstr (text, "Since infusion"));
  g_assert_nonnull (strstr (text, "38.0 °C"));
  g_assert_nonnull (strstr (text, "NEWS2"));
  if (tmpdir != NULL)
    {
      g_unlink (pdf);
      g_rmdir (tmpdir);
    }
}

/* 100 000 sets: one step per pixel column at most, extremes kept. */
static void
test_decimation (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_many (100000, 60);
  Drawn d = { 0 };
  CrsTimelineRect plot;
  const CrsTimelineStep *steps;
  guint n;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  int highest = 0, lowest = 4;

  for (guint i = 0; i < crs_timeline_model_get_n_points (model); i++)
    {
      const CrsTimelinePoint *p = crs_timeline_model_get_point (model, i);

      if (p->crs.kind != CRS_TIMELINE_NOT_DETERMINED)
        {
          highest = MAX (highest, p->crs.grade);
          lowest = MIN (lowest, p->crs.grade);
        }
    }
  draw (&d, model, 1000, 400, FALSE);
  save_artifact (d.surface, "timeline-100000-sets");
  crs_timeline_layout_get_plot_area (d.layout, &plot);
  steps = crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_CRS, &n);
  /* A column may hold a determined and an at-least run, and gaps split
   * runs: a few per column at most, far from 100 000. */
  g_assert_cmpuint (n, <=, 4 * (guint) ceil (plot.width));
  for (guint i = 0; i < n; i++)
    {
      top = MIN (top, MIN (steps[i].y_top, steps[i].y));
      bottom = MAX (bottom, MAX (steps[i].y_bottom, steps[i].y));
    }
  g_assert_cmpfloat_with_epsilon (top, crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, highest), 1e-6);
  g_assert_cmpfloat_with_epsilon (bottom, crs_timeline_layout_y_for_value (d.layout, CRS_TIMELINE_SERIES_CRS, lowest), 1e-6);
  crs_timeline_layout_get_markers (d.layout, CRS_TIMELINE_SERIES_CRS, &n);
  g_assert_cmpuint (n, <=, (guint) plot.width);
  drawn_clear (&d);
}

static void
test_empty_and_tiny (void)
{
  g_autoptr(CrsTimelineModel) empty = crs_timeline_model_new ();
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };
  const int sizes[][2] = { { 1, 1 }, { 10, 10 }, { 60, 400 }, { 400, 40 } };

  draw (&d, empty, 400, 200, FALSE);
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_MESSAGE, "No observations"));
  g_assert_false (crs_timeline_layout_get_visible_points (d.layout, NULL, NULL));
  drawn_clear (&d);

  crs_timeline_model_set_show_news2 (model, TRUE);
  crs_timeline_model_set_show_temperature (model, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const CrsTimelineText *texts;
      guint n;

      draw (&d, model, sizes[i][0], sizes[i][1], FALSE);
      /* Too small for words: drawn as a sparkline, without any. */
      texts = crs_timeline_layout_get_texts (d.layout, &n);
      g_assert_cmpuint (n, ==, 0);
      (void) texts;
      crs_timeline_layout_get_steps (d.layout, CRS_TIMELINE_SERIES_CRS, &n);
      g_assert_cmpuint (n, >, 0);
      drawn_clear (&d);
    }
}

static void
test_fahrenheit (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  Drawn d = { 0 };

  crs_timeline_model_set_show_temperature (model, TRUE);
  crs_timeline_model_set_temperature_unit (model, CRS_TEMPERATURE_FAHRENHEIT);
  draw (&d, model, 900, 560, FALSE);
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_FEVER_LINE, "100.4 °F"));
  g_assert_true (has_text (d.layout, CRS_TIMELINE_TEXT_TEMPERATURE_AXIS, "°F"));
  g_assert_false (has_text (d.layout, CRS_TIMELINE_TEXT_TEMPERATURE_AXIS, "°C"));
  drawn_clear (&d);
}

/* ---------------------------------------------------------------------- */
/* The model */

static void
count_changed (CrsTimelineModel *model,
               guint            *count)
{
  (*count)++;
}

static void
test_model_order_and_infusions (void)
{
  g_autoptr(CrsTimelineModel) model = crs_timeline_model_new ();
  CrsTimelinePoint p;
  guint changed = 0, first, n;
  const gint64 times[] = { 30, 10, 20, 10, 50 };

  g_signal_connect (model, "changed", G_CALLBACK (count_changed), &changed);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      crs_timeline_point_init (&p, T0 + times[i] * HOUR);
      p.id = i;
      crs_timeline_model_add_point (model, &p);
    }
  g_assert_cmpuint (changed, ==, G_N_ELEMENTS (times));
  /* In time order; equal times in the order they came. */
  g_assert_cmpint (crs_timeline_model_get_point (model, 0)->id, ==, 1);
  g_assert_cmpint (crs_timeline_model_get_point (model, 1)->id, ==, 3);
  g_assert_cmpint (crs_timeline_model_get_point (model, 2)->id, ==, 2);
  g_assert_cmpint (crs_timeline_model_get_point (model, 4)->id, ==, 4);
  g_assert_cmpint (crs_timeline_model_get_point (model, 0)->crs.kind, ==, CRS_TIMELINE_NOT_DETERMINED);
  g_assert_true (isnan (crs_timeline_model_get_point (model, 0)->temperature_c));

  /* Without infusions since-infusion falls back to calendar. */
  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_SINCE_INFUSION);
  g_assert_cmpint (crs_timeline_model_get_effective_mode (model), ==, CRS_TIMELINE_MODE_CALENDAR);
  g_assert_cmpint (crs_timeline_model_get_point_infusion (model, 0), ==, -1);

  crs_timeline_model_add_infusion (model, T0 + 20 * HOUR, "second", DAY, CRS_TIMELINE_UNKNOWN);
  crs_timeline_model_add_infusion (model, T0 + 15 * HOUR, "first", HOUR, DAY);
  g_assert_cmpint (crs_timeline_model_get_effective_mode (model), ==, CRS_TIMELINE_MODE_SINCE_INFUSION);
  g_assert_cmpstr (crs_timeline_model_get_infusion (model, 0)->label, ==, "first");
  /* One end unknown: no window at all. */
  g_assert_cmpint (crs_timeline_model_get_infusion (model, 1)->onset_from, ==, CRS_TIMELINE_UNKNOWN);
  /* Before the first infusion: counted from the first; at a start: that one. */
  g_assert_cmpint (crs_timeline_model_get_point_infusion (model, 0), ==, 0);
  g_assert_cmpint (crs_timeline_model_axis_time (model, T0 + 10 * HOUR), ==, -5 * HOUR);
  g_assert_cmpint (crs_timeline_model_get_point_infusion (model, 3), ==, 1);
  g_assert_cmpint (crs_timeline_model_axis_time (model, T0 + 20 * HOUR), ==, 0);
  g_assert_cmpint (crs_timeline_model_get_point_infusion (model, 2), ==, 1);
  crs_timeline_model_get_infusion_points (model, 0, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 2);
  crs_timeline_model_get_infusion_points (model, 1, &first, &n);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (n, ==, 3);

  crs_timeline_model_clear (model);
  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, 0);
  g_assert_cmpuint (crs_timeline_model_get_n_infusions (model), ==, 0);
}

static void
test_model_window (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  gint64 from, to;

  /* Fixed ranges end at now, until scrolled. */
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_model_get_window (model, &from, &to);
  g_assert_cmpint (to, ==, CRS_TEST_NOW);
  g_assert_cmpint (to - from, ==, 72 * HOUR);
  crs_timeline_model_scroll_to (model, CRS_TEST_NOW - DAY);
  crs_timeline_model_get_window (model, &from, &to);
  g_assert_cmpint (to, ==, CRS_TEST_NOW - DAY);
  g_assert_cmpint (to - from, ==, 72 * HOUR);
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_24_HOURS);
  crs_timeline_model_get_window (model, &from, &to);
  g_assert_cmpint (to, ==, CRS_TEST_NOW);
  g_assert_cmpint (to - from, ==, DAY);

  /* All: from the first set (and a little room) to now. */
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_ALL);
  crs_timeline_model_get_window (model, &from, &to);
  g_assert_cmpint (to, ==, CRS_TEST_NOW);
  g_assert_cmpint (from, <, T0 - 4 * HOUR);
  g_assert_cmpint (from, >, T0 - 8 * HOUR);

  crs_timeline_model_set_explicit_range (model, T0, T0 + DAY);
  g_assert_cmpint (crs_timeline_model_get_range (model), ==, CRS_TIMELINE_RANGE_EXPLICIT);
  crs_timeline_model_get_window (model, &from, &to);
  g_assert_cmpint (from, ==, T0);
  g_assert_cmpint (to, ==, T0 + DAY);

  /* Since infusion, 72 h opens on day 0 with the hours before it. */
  crs_timeline_model_set_mode (model, CRS_TIMELINE_MODE_SINCE_INFUSION);
  g_assert_cmpint (crs_timeline_model_get_range (model), ==, CRS_TIMELINE_RANGE_ALL);
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_model_get_window (model, &from, &to);
  g_assert_cmpint (from, <, 0);
  g_assert_cmpint (to, >, 48 * HOUR);
  g_assert_cmpint (to - from, ==, 72 * HOUR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (size_cases); i++)
    {
      const SizeCase *c = &size_cases[i];
      g_autofree char *path = g_strdup_printf ("/timeline-render/layout/%s/%dx%d%s",
                                               c->mode == CRS_TIMELINE_MODE_CALENDAR ? "calendar" : "since-infusion",
                                               c->width, c->height, c->extras ? "/news2-temperature" : "");

      g_test_add_data_func (path, c, test_layout_sizes);
    }
  g_test_add_func ("/timeline-render/steps-at-times", test_steps_at_times);
  g_test_add_func ("/timeline-render/gap-not-zero", test_gap_not_zero);
  g_test_add_func ("/timeline-render/at-least-open-marker", test_at_least_open_marker);
  g_test_add_func ("/timeline-render/since-infusion-day-zero", test_since_infusion_day_zero);
  g_test_add_func ("/timeline-render/calendar-infusions", test_calendar_infusions);
  g_test_add_func ("/timeline-render/find-point", test_find_point_and_intervention);
  g_test_add_func ("/timeline-render/small-legend", test_small_legend);
  g_test_add_func ("/timeline-render/compact", test_compact);
  g_test_add_func ("/timeline-render/pdf", test_pdf);
  g_test_add_func ("/timeline-render/decimation", test_decimation);
  g_test_add_func ("/timeline-render/empty-and-tiny", test_empty_and_tiny);
  g_test_add_func ("/timeline-render/fahrenheit", test_fahrenheit);
  g_test_add_func ("/timeline-render/model/order-and-infusions", test_model_order_and_infusions);
  g_test_add_func ("/timeline-render/model/window", test_model_window);

  return g_test_run ();
}
