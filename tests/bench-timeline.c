/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-timeline.c: how long the timeline takes to lay out and draw.
 *
 * One patient with 100, 10 000 and 100 000 observation sets, one every
 * 15 minutes (the closest a ward observes), drawn on a 1200 x 500 image
 * (a patient page on a full-HD screen) for the last 72 hours and for
 * everything, and as a 160 x 28 sparkline for the last 72 hours.
 * Prints the median and the 90th percentile of repeated runs, in
 * processor time of the drawing thread; a frame at 60 Hz is 16.7 ms.
 *
 *   meson test -C build-tests --benchmark --suite bench --verbose
 *   build-tests/tests/bench-timeline [RUNS] */
#define G_LOG_DOMAIN "bench-timeline"

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "crs-test-timeline-data.h"
#include "report/crs-timeline-render.h"

/* Processor time of this thread in µs: the machine is shared, and
 * waiting for a core is not the renderer's time. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double layout_median;
  double total_median;
  double total_p90;
} Timing;

static Timing
measure (CrsTimelineModel *model,
         int               width,
         int               height,
         gboolean          compact,
         guint             runs)
{
  g_autofree double *layouts = g_new (double, runs);
  g_autofree double *totals = g_new (double, runs);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  CrsTimelineStyle style;
  Timing timing;

  if (compact)
    crs_timeline_style_init_compact (&style);
  else
    crs_timeline_style_init_default (&style);

  for (guint r = 0; r < runs; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = cpu_now ();
      CrsTimelineLayout *layout = crs_timeline_layout_new (cr, width, height, &style, model);
      gint64 laid_out = cpu_now ();

      crs_timeline_layout_draw (layout, cr);
      cairo_surface_flush (surface);
      totals[r] = (cpu_now () - start) / 1000.0;
      layouts[r] = (laid_out - start) / 1000.0;
      crs_timeline_layout_free (layout);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  qsort (layouts, runs, sizeof (double), compare_double);
  qsort (totals, runs, sizeof (double), compare_double);
  timing.layout_median = layouts[runs / 2];
  timing.total_median = totals[runs / 2];
  timing.total_p90 = totals[MIN (runs - 1, runs * 9 / 10)];
  return timing;
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 100, 10000, 100000 };
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 21;

  if (runs < 1)
    runs = 1;
  g_print ("Timeline: layout and draw on a cairo image surface, %u runs each (ms of processor "
           "time: layout median, total median, total p90)\n", runs);
  g_print ("%-8s %-32s %8s %8s %8s\n", "sets", "view", "layout", "total", "p90");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(CrsTimelineModel) model = crs_test_timeline_many (sizes[s], 15 * 60);
      struct {
        const char      *name;
        CrsTimelineMode  mode;
        CrsTimelineRange range;
        gboolean         extras;
        int              width;
        int              height;
        gboolean         compact;
      } views[] = {
        { "1200x500, last 72 h", CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_72_HOURS, FALSE, 1200, 500, FALSE },
        { "1200x500, all", CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_ALL, FALSE, 1200, 500, FALSE },
        { "1200x500, all, NEWS2 + temp", CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_ALL, TRUE, 1200, 500, FALSE },
        { "1200x500, since infusion, all", CRS_TIMELINE_MODE_SINCE_INFUSION, CRS_TIMELINE_RANGE_ALL, FALSE, 1200, 500, FALSE },
        { "sparkline 160x28, last 72 h", CRS_TIMELINE_MODE_CALENDAR, CRS_TIMELINE_RANGE_72_HOURS, FALSE, 160, 28, TRUE },
      };

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          Timing t;

          crs_timeline_model_set_mode (model, views[v].mode);
          crs_timeline_model_set_range (model, views[v].range);
          crs_timeline_model_set_show_news2 (model, views[v].extras);
          crs_timeline_model_set_show_temperature (model, views[v].extras);
          t = measure (model, views[v].width, views[v].height, views[v].compact, runs);
          g_print ("%-8u %-32s %8.2f %8.2f %8.2f\n", sizes[s], views[v].name,
                   t.layout_median, t.total_median, t.total_p90);
        }
    }
  return 0;
}
