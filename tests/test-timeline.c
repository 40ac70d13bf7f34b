/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline.c: the timeline widget in a real window (under Xvfb).
 *
 * The widget is drawn by GTK and read back as pixels: each grade band
 * has the colour of the current style where the layout puts it, in light
 * and in dark mode, with lines that stand out from the bands. The keys
 * move the focused set and zoom; the accessible label sums up the latest
 * grades and follows a new set at once. PNGs stay in
 * $CRS_TEST_SCREENSHOT_DIR. */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "crs-test-timeline-data.h"
#include "gui/crs-timeline-private.h"

#define HOUR CRS_TEST_HOUR
#define T0 CRS_TEST_T0

typedef struct
{
  GtkWindow        *window;
  CrsTimeline      *timeline;
  CrsTimelineModel *model;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->model = crs_test_timeline_patient ();
  f->timeline = CRS_TIMELINE (crs_timeline_new (f->model));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 460);
  gtk_window_set_child (f->window, GTK_WIDGET (f->timeline));
  form_test_show (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  crs_test_flush ();
  g_clear_object (&f->model);
}

/* ---------------------------------------------------------------------- */
/* Pixels */

typedef struct
{
  int     width;
  int     height;
  gsize   stride;
  guint8 *data;     /* premultiplied ARGB32, as cairo's */
} Pixels;

static void
pixels_clear (Pixels *p)
{
  g_clear_pointer (&p->data, g_free);
}

/* Draws @widget as GTK does now and reads it back; saves it as @name. */
static void
grab (GtkWidget  *widget,
      const char *name,
      Pixels     *out)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* A frame first: the layout the checks read is the one drawn. */
  gtk_widget_queue_draw (widget);
  crs_test_wait_drawn (widget);
  out->width = gtk_widget_get_width (widget);
  out->height = gtk_widget_get_height (widget);
  /* What the widget draws for its allocation, as a frame would. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, out->width, out->height));
  out->stride = (gsize) out->width * 4;
  out->data = g_malloc (out->stride * out->height);
  gdk_texture_download (texture, out->data, out->stride);
  crs_test_screenshot (widget, name);
}

static void
pixel_at (const Pixels *p,
          double        x,
          double        y,
          double        rgb[3])
{
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 argb;
  double a;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, p->width);
  g_assert_cmpint (iy, <, p->height);
  argb = *(const guint32 *) (p->data + iy * p->stride + ix * 4);
  a = (argb >> 24) / 255.0;
  for (int c = 0; c < 3; c++)
    rgb[c] = a > 0 ? ((argb >> (16 - 8 * c)) & 0xff) / 255.0 / a : 0;
}

static gboolean
same_color (const double            rgb[3],
            const CrsTimelineColor *color,
            double                  tolerance)
{
  return fabs (rgb[0] - color->red) <= tolerance && fabs (rgb[1] - color->green) <= tolerance &&
         fabs (rgb[2] - color->blue) <= tolerance;
}

static gboolean
color_near (const Pixels           *p,
            double                  x,
            double                  y,
            const CrsTimelineColor *color)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        double rgb[3];

        pixel_at (p, x + dx, y + dy, rgb);
        if (same_color (rgb, color, 0.12))
          return TRUE;
      }
  return FALSE;
}

/* WCAG relative luminance and contrast ratio. */
static double
luminance (const CrsTimelineColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const CrsTimelineColor *a,
          const CrsTimelineColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Each band shows its style colour at its left edge (before the first
 * set, the infusions and the onset window, away from the ticks); the
 * CRS line shows where CRS 1 holds, from 20 h to 24 h. */
static void
check_bands (Fixture    *f,
             const char *name)
{
  CrsTimelineLayout *layout;
  CrsTimelineStyle style;
  CrsTimelineRect plot;
  const CrsTimelineTick *ticks;
  guint n_ticks;
  Pixels p = { 0 };
  double x;

  grab (GTK_WIDGET (f->timeline), name, &p);
  layout = crs_timeline_get_layout (f->timeline);
  g_assert_nonnull (layout);
  crs_timeline_get_style (f->timeline, &style);
  crs_timeline_layout_get_plot_area (layout, &plot);
  ticks = crs_timeline_layout_get_ticks (layout, &n_ticks);
  x = plot.x + 3;
  for (guint i = 0; i < n_ticks; i++)
    if (fabs (ticks[i].x - x) < 2)
      x += 4;

  for (int grade = 0; grade <= 4; grade++)
    {
      CrsTimelineRect band;
      double rgb[3];

      crs_timeline_layout_get_band (layout, grade, &band);
      /* Below the top of band 4, where an infusion may be named. */
      pixel_at (&p, x, band.y + band.height * (grade == 4 ? 0.8 : 0.3), rgb);
      if (!same_color (rgb, &style.band[grade], 0.03))
        g_error ("band %d shows %.3f %.3f %.3f, not %.3f %.3f %.3f", grade, rgb[0], rgb[1], rgb[2],
                 style.band[grade].red, style.band[grade].green, style.band[grade].blue);
      /* Each band apart from the one below it. */
      if (grade > 0)
        g_assert_cmpfloat (contrast (&style.band[grade], &style.band[grade - 1]), >, 1.04);
    }
  /* The lines stand out from every band; the text from the background. */
  for (int grade = 0; grade <= 4; grade++)
    {
      g_assert_cmpfloat (contrast (&style.crs, &style.band[grade]), >=, 2.2);
      g_assert_cmpfloat (contrast (&style.icans, &style.band[grade]), >=, 2.2);
    }
  g_assert_cmpfloat (contrast (&style.foreground, &style.background), >=, 4.5);

  g_assert_true (color_near (&p, (crs_timeline_layout_x_for_time (layout, T0 + 20 * HOUR) +
                                  crs_timeline_layout_x_for_time (layout, T0 + 24 * HOUR)) / 2,
                             crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 1), &style.crs));
  pixels_clear (&p);
}

static void
test_colors_light (Fixture       *f,
                   gconstpointer  data)
{
  CrsTimelineStyle style;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  crs_test_flush ();
  check_bands (f, "timeline-widget-light");
  crs_timeline_get_style (f->timeline, &style);
  g_assert_cmpfloat (luminance (&style.background), >, 0.8);
  /* Darker with each grade, as on paper. */
  for (int grade = 1; grade <= 4; grade++)
    g_assert_cmpfloat (luminance (&style.band[grade]), <, luminance (&style.band[grade - 1]));
}

static void
test_colors_dark (Fixture       *f,
                  gconstpointer  data)
{
  CrsTimelineStyle style;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  crs_test_flush ();
  check_bands (f, "timeline-widget-dark");
  crs_timeline_get_style (f->timeline, &style);
  g_assert_cmpfloat (luminance (&style.background), <, 0.05);
  g_assert_cmpfloat (luminance (&style.foreground), >, 0.6);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  crs_test_flush ();
}

/* ---------------------------------------------------------------------- */
/* Keyboard */

static char *
announced (Fixture *f,
           guint    index)
{
  g_autofree char *text = crs_timeline_describe_point (f->timeline, index);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("; ", lines);
}

static void
assert_described (Fixture *f,
                  guint    index)
{
  g_autofree char *expected = announced (f, index);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  guint n = crs_timeline_model_get_n_points (f->model);
  guint i36 = crs_test_timeline_index (36);
  g_autofree char *text = NULL;
  gint64 from, to, from2, to2;

  /* Focus lands on the latest set shown. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->timeline)));
  gtk_widget_grab_focus (GTK_WIDGET (f->timeline));
  crs_test_flush ();
  g_assert_cmpint (crs_timeline_get_focused_point (f->timeline), ==, (int) n - 1);
  assert_described (f, n - 1);

  g_assert_true (form_test_press (f->window, GDK_KEY_Left, 0));
  g_assert_cmpint (crs_timeline_get_focused_point (f->timeline), ==, (int) n - 2);
  assert_described (f, n - 2);
  g_assert_true (form_test_press (f->window, GDK_KEY_Right, 0));
  g_assert_true (form_test_press (f->window, GDK_KEY_Right, 0));
  g_assert_cmpint (crs_timeline_get_focused_point (f->timeline), ==, (int) n - 1);
  g_assert_true (form_test_press (f->window, GDK_KEY_Home, 0));
  g_assert_cmpint (crs_timeline_get_focused_point (f->timeline), ==, 0);
  for (guint i = 0; i < i36; i++)
    g_assert_true (form_test_press (f->window, GDK_KEY_Right, 0));
  g_assert_cmpint (crs_timeline_get_focused_point (f->timeline), ==, (int) i36);
  assert_described (f, i36);

  /* What is announced for that set: its time, grades now and at entry. */
  text = announced (f, i36);
  g_assert_nonnull (strstr (text, "2 Mar 2024 20:00"));
  g_assert_nonnull (strstr (text, "CRS grade 2, moderate (1 mild when entered)"));
  g_assert_nonnull (strstr (text, "ICANS grade 0, none"));
  g_assert_nonnull (strstr (text, "Temperature 39.2 °C"));
  g_clear_pointer (&text, g_free);
  text = crs_timeline_describe_point (f->timeline, crs_test_timeline_index (32));
  g_assert_nonnull (strstr (text, "CRS grade at least 1, mild"));
  g_clear_pointer (&text, g_free);
  text = crs_timeline_describe_point (f->timeline, crs_test_timeline_index (28));
  g_assert_nonnull (strstr (text, "CRS not determined"));

  /* The focused set is drawn: a cursor in the foreground colour there. */
  {
    Pixels p = { 0 };
    CrsTimelineStyle style;
    CrsTimelineLayout *layout;
    double x, y;

    grab (GTK_WIDGET (f->timeline), "timeline-widget-focused", &p);
    layout = crs_timeline_get_layout (f->timeline);
    crs_timeline_get_style (f->timeline, &style);
    g_assert_true (crs_timeline_layout_get_point_position (layout, i36, CRS_TIMELINE_SERIES_CRS, &x, &y));
    g_assert_true (color_near (&p, x, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 4), &style.foreground));
    pixels_clear (&p);
  }

  /* Plus zooms in from everything to 7 days, then 72 h; minus out. */
  g_assert_cmpint (crs_timeline_model_get_range (f->model), ==, CRS_TIMELINE_RANGE_ALL);
  g_assert_true (form_test_press (f->window, GDK_KEY_plus, 0));
  g_assert_cmpint (crs_timeline_model_get_range (f->model), ==, CRS_TIMELINE_RANGE_7_DAYS);
  g_assert_true (form_test_press (f->window, GDK_KEY_plus, 0));
  g_assert_true (form_test_press (f->window, GDK_KEY_plus, 0));
  g_assert_cmpint (crs_timeline_model_get_range (f->model), ==, CRS_TIMELINE_RANGE_24_HOURS);
  /* The focused set stays in view when zooming. */
  crs_timeline_model_get_window (f->model, &from, &to);
  g_assert_cmpint (T0 + 36 * HOUR, >=, from);
  g_assert_cmpint (T0 + 36 * HOUR, <=, to);
  /* Page Up shows half a window earlier. */
  g_assert_true (form_test_press (f->window, GDK_KEY_Page_Up, 0));
  crs_timeline_model_get_window (f->model, &from2, &to2);
  g_assert_cmpint (to2, ==, to - (to - from) / 2);
  /* Moving to a set outside the window brings it into view. */
  g_assert_true (form_test_press (f->window, GDK_KEY_End, 0));
  crs_timeline_model_get_window (f->model, &from, &to);
  g_assert_cmpint (CRS_TEST_T0 + 96 * HOUR, <=, to);
  g_assert_true (form_test_press (f->window, GDK_KEY_minus, 0));
  g_assert_cmpint (crs_timeline_model_get_range (f->model), ==, CRS_TIMELINE_RANGE_72_HOURS);

  /* The range and mode actions, for buttons. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.range", "s", "all"));
  g_assert_cmpint (crs_timeline_model_get_range (f->model), ==, CRS_TIMELINE_RANGE_ALL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "timeline.mode", "s", "since-infusion"));
  g_assert_cmpint (crs_timeline_model_get_mode (f->model), ==, CRS_TIMELINE_MODE_SINCE_INFUSION);
  {
    Pixels p = { 0 };

    grab (GTK_WIDGET (f->timeline), "timeline-widget-since-infusion", &p);
    pixels_clear (&p);
  }
}

/* ---------------------------------------------------------------------- */
/* Accessibility */

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  const char *summary = crs_timeline_get_summary (f->timeline);
  CrsTimelinePoint point;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->timeline), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, summary);
  /* The latest sets: CRS 0 after 0, ICANS 0 after 0; 26 sets. */
  g_assert_nonnull (strstr (summary, "CRS grade 0, none, unchanged"));
  g_assert_nonnull (strstr (summary, "ICANS grade 0, none, unchanged"));
  g_assert_nonnull (strstr (summary, "26 observation sets from 1 Mar 2024 04:00 to 5 Mar 2024 08:00"));

  /* A set saved: the label says so at once. */
  crs_timeline_point_init (&point, T0 + 100 * HOUR);
  point.crs = (CrsTimelineGrade) { 2, CRS_TIMELINE_DETERMINED, CRS_MISSING };
  point.icans = (CrsTimelineGrade) { 1, CRS_TIMELINE_AT_LEAST, CRS_MISSING };
  crs_timeline_model_add_point (f->model, &point);
  summary = crs_timeline_get_summary (f->timeline);
  g_assert_nonnull (strstr (summary, "CRS grade 2, moderate, rising from 0"));
  g_assert_nonnull (strstr (summary, "ICANS grade at least 1, mild, rising from 0"));
  g_assert_nonnull (strstr (summary, "27 observation sets"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, summary);
}

static void
test_sparkline (void)
{
  g_autoptr(CrsTimelineModel) model = crs_test_timeline_patient ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *timeline = crs_timeline_new (model);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  Pixels p = { 0 };
  CrsTimelineStyle style;
  CrsTimelineRect band;
  guint n;

  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_set_compact (CRS_TIMELINE (timeline), TRUE);
  gtk_widget_set_size_request (timeline, 160, 28);
  gtk_widget_set_halign (timeline, GTK_ALIGN_START);
  gtk_widget_set_valign (timeline, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_window_set_child (window, box);
  form_test_show (window);

  g_assert_false (gtk_widget_get_focusable (timeline));
  grab (timeline, "timeline-widget-sparkline", &p);
  crs_timeline_get_style (CRS_TIMELINE (timeline), &style);
  g_assert_true (style.compact);
  crs_timeline_layout_get_texts (crs_timeline_get_layout (CRS_TIMELINE (timeline)), &n);
  g_assert_cmpuint (n, ==, 0);
  crs_timeline_layout_get_band (crs_timeline_get_layout (CRS_TIMELINE (timeline)), 3, &band);
  {
    double rgb[3];

    pixel_at (&p, band.x + band.width - 2, band.y + band.height / 2, rgb);
    g_assert_true (same_color (rgb, &style.band[3], 0.03));
  }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_ROLE_IMG);
  pixels_clear (&p);
  gtk_window_destroy (window);
  crs_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  /* The test backend keeps the accessible properties for the asserts
   * (the suite sets "none": no accessibility bus). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  form_test_init ();

#define ADD(path, func) \
  g_test_add ("/timeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("colors-light", test_colors_light);
  ADD ("colors-dark", test_colors_dark);
  ADD ("keyboard", test_keyboard);
  ADD ("accessible", test_accessible);
#undef ADD
  g_test_add_func ("/timeline/sparkline", test_sparkline);

  return g_test_run ();
}
