/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline.c: the timeline chart as a widget. It draws in
 * snapshot() through crs_timeline_render's layout (as Sysprof's charts
 * draw in snapshot()) and keeps that layout to answer the pointer. */
#define G_LOG_DOMAIN "crs-timeline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-format.h"
#include "core/crs-grade-word.h"
#include "core/crs-patient-status.h"
#include "crs-display.h"
#include "crs-timeline-private.h"

struct _CrsTimeline
{
  GtkWidget parent_instance;

  CrsTimelineModel  *model;
  gulong             changed_id;
  gboolean           compact;
  int                focused;

  CrsTimelineLayout *layout;       /* of the last frame */
  CrsTimelineStyle   style;        /* of the last frame */
  char              *font_family;
  char              *summary;

  gint64             drag_end;     /* window end when a drag began */
  gint64             drag_span;
  double             drag_width;
};

G_DEFINE_FINAL_TYPE (CrsTimeline, crs_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_COMPACT,
  PROP_FOCUSED_POINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Zoom steps, closest first. */
static const CrsTimelineRange zoom_steps[] = {
  CRS_TIMELINE_RANGE_24_HOURS,
  CRS_TIMELINE_RANGE_72_HOURS,
  CRS_TIMELINE_RANGE_7_DAYS,
  CRS_TIMELINE_RANGE_ALL,
};

/* ---------------------------------------------------------------------- */
/* Colours of the current style */

static CrsTimelineColor
to_color (const GdkRGBA *rgba)
{
  return (CrsTimelineColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static GdkRGBA
named (GtkStyleContext *context,
       const char      *name,
       const char      *fallback)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    gdk_rgba_parse (&rgba, fallback);
  return rgba;
}

/* @a covered by @t of @b, opaque. */
static CrsTimelineColor
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  return (CrsTimelineColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    1.0f,
  };
}

static CrsTimelineColor
with_alpha (const GdkRGBA *rgba,
            float          alpha)
{
  return (CrsTimelineColor) { rgba->red, rgba->green, rgba->blue, alpha };
}

/* The renderer's style in the widget's colours and font. Bands are
 * tints of the background, so they stay behind the lines in dark mode;
 * high contrast tints them more and draws thicker lines. */
static void
style_from_widget (CrsTimeline      *self,
                   CrsTimelineStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  double tint = contrast ? 1.5 : 1.0;
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  double dpi = pango_cairo_context_get_resolution (pango);
  GdkRGBA fg, bg, yellow, orange, red, deep_red, light_red;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bg = named (context, "view_bg_color", dark ? "#1e1e1e" : "#ffffff");
  yellow = named (context, "yellow_3", "#f6d32d");
  orange = named (context, "orange_3", "#ff7800");
  red = named (context, "red_2", "#ed333b");
  deep_red = named (context, "red_4", "#c01c28");
  light_red = named (context, "red_1", "#f66151");

  crs_timeline_style_init_default (style);
  style->background = to_color (&bg);
  style->foreground = to_color (&fg);
  style->grid = with_alpha (&fg, contrast ? 0.35f : 0.15f);
  /* Each band darker than the one below on a light background, lighter
   * on a dark one (where red alone would not be lighter than orange). */
  if (dark)
    {
      style->band[0] = mix (&bg, &fg, 0.03);
      style->band[1] = mix (&bg, &yellow, 0.09 * tint);
      style->band[2] = mix (&bg, &orange, 0.17 * tint);
      style->band[3] = mix (&bg, &light_red, 0.30 * tint);
      style->band[4] = mix (&bg, &light_red, 0.46 * tint);
    }
  else
    {
      style->band[0] = mix (&bg, &fg, 0.02);
      style->band[1] = mix (&bg, &yellow, 0.26 * tint);
      style->band[2] = mix (&bg, &orange, 0.28 * tint);
      style->band[3] = mix (&bg, &red, 0.30 * tint);
      style->band[4] = mix (&bg, &deep_red, 0.42 * tint);
    }
  {
    GdkRGBA accent = named (context, "accent_color", dark ? "#78aeed" : "#1c71d8");
    GdkRGBA purple = named (context, dark ? "purple_1" : "purple_4", dark ? "#dc8add" : "#813d9c");
    GdkRGBA green = named (context, "success_color", dark ? "#8ff0a4" : "#1b8553");
    GdkRGBA temperature = named (context, dark ? "orange_2" : "orange_5", dark ? "#ffa348" : "#c64600");
    GdkRGBA error = named (context, "error_color", dark ? "#ff7b63" : "#c01c28");

    style->crs = to_color (&accent);
    style->icans = to_color (&purple);
    style->news2 = to_color (&green);
    style->temperature = to_color (&temperature);
    style->fever_line = to_color (&error);
  }
  style->infusion = to_color (&fg);
  style->intervention = to_color (&fg);
  style->onset = with_alpha (&fg, contrast ? 0.22f : 0.12f);

  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

      if (!pango_font_description_get_size_is_absolute (font))
        size = size * (dpi > 0 ? dpi : 96.0) / 72.0;
      g_free (self->font_family);
      self->font_family = g_strdup (pango_font_description_get_family (font));
      style->font_family = self->font_family;
      /* The chart's words a little smaller than the window's. */
      style->font_size = size > 0 ? size * 0.95 : 13;
    }
  style->line_width = contrast ? 3 : 2;
  if (self->compact)
    {
      style->compact = TRUE;
      style->line_width = contrast ? 2 : 1.5;
    }
}

/* ---------------------------------------------------------------------- */
/* Words */

static char *
grade_words (const char             *scale,
             const CrsTimelineGrade *grade)
{
  g_autofree char *now = NULL;

  if (grade->kind == CRS_TIMELINE_NOT_DETERMINED || grade->grade < 0 || grade->grade > 4)
    now = crs_display_grade_sentence (scale, CRS_MISSING);
  else if (grade->kind == CRS_TIMELINE_AT_LEAST)
    /* Translators: "CRS grade at least 1, mild": some values were not recorded */
    now = g_strdup_printf (_("%s grade at least %d, %s"), scale, grade->grade, crs_grade_word (grade->grade));
  else
    now = crs_display_grade_sentence (scale, grade->grade);

  if (grade->stored_grade >= 0 && grade->stored_grade <= 4 && grade->stored_grade != grade->grade)
    {
      g_autofree char *stored = crs_display_grade (grade->stored_grade);

      /* Translators: the grade now, then the grade saved with the set, "CRS grade 2, moderate (1 mild when entered)" */
      return g_strdup_printf (_("%s (%s when entered)"), now, stored);
    }
  return g_steal_pointer (&now);
}

char *
crs_timeline_describe_point (CrsTimeline *self,
                             guint        index)
{
  const CrsTimelinePoint *point;
  GString *text;
  int infusion;
  g_autofree char *when = NULL;
  g_autofree char *crs = NULL;
  g_autofree char *icans = NULL;

  g_return_val_if_fail (CRS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < crs_timeline_model_get_n_points (self->model), NULL);

  point = crs_timeline_model_get_point (self->model, index);
  when = crs_format_date_time (point->at);
  text = g_string_new (when);
  infusion = crs_timeline_model_get_infusion_at (self->model, point->at);
  if (infusion >= 0)
    {
      const CrsTimelineInfusion *i = crs_timeline_model_get_infusion (self->model, infusion);
      g_autofree char *since = crs_format_since_infusion (i->start_at, point->at);

      g_string_append_printf (text, " (%s)", since);
    }
  crs = grade_words ("CRS", &point->crs);
  icans = grade_words ("ICANS", &point->icans);
  g_string_append_printf (text, "\n%s\n%s", crs, icans);
  if (crs_timeline_model_get_show_news2 (self->model))
    {
      g_string_append_c (text, '\n');
      if (!crs_is_missing_int (point->news2) && point->news2_kind == CRS_TIMELINE_AT_LEAST)
        /* Translators: the NEWS2 total of a set with values missing */
        g_string_append_printf (text, _("NEWS2 at least %d (incomplete)"), point->news2);
      else if (!crs_is_missing_int (point->news2))
        /* Translators: a set's NEWS2 total, e.g. "NEWS2 5" */
        g_string_append_printf (text, _("NEWS2 %d"), point->news2);
      else
        g_string_append (text, _("NEWS2 incomplete"));
    }
  if (!isnan (point->temperature_c))
    {
      g_autofree char *temperature = crs_format_temperature (point->temperature_c,
                                                                crs_timeline_model_get_temperature_unit (self->model));

      g_string_append_c (text, '\n');
      /* Translators: "Temperature 38.6 °C" */
      g_string_append_printf (text, _("Temperature %s"), temperature);
    }
  return g_string_free (text, FALSE);
}

/* Latest grade of a scale and where it comes from, in words. */
static char *
trend_words (CrsTimelineModel *model,
             const char       *scale,
             gboolean          icans)
{
  guint n = crs_timeline_model_get_n_points (model);
  g_autofree int *grades = g_new (int, MAX (n, 1));
  const CrsTimelineGrade *latest_grade = NULL;
  g_autofree char *now = NULL;
  int latest, previous;

  for (guint i = 0; i < n; i++)
    {
      const CrsTimelinePoint *point = crs_timeline_model_get_point (model, i);
      const CrsTimelineGrade *grade = icans ? &point->icans : &point->crs;

      grades[i] = grade->kind == CRS_TIMELINE_NOT_DETERMINED ? CRS_MISSING : grade->grade;
      if (grades[i] != CRS_MISSING)
        latest_grade = grade;
    }
  /* The same "rising" as the ward list's (crs-patient-status.h). */
  crs_grades_rising (grades, n, &latest, &previous);
  if (latest_grade == NULL)
    return crs_display_grade_sentence (scale, CRS_MISSING);
  now = grade_words (scale, &(CrsTimelineGrade) { latest_grade->grade, latest_grade->kind, CRS_MISSING });
  if (previous < 0)
    return g_steal_pointer (&now);
  if (latest > previous)
    /* Translators: "CRS grade 2, moderate, rising from 1" */
    return g_strdup_printf (_("%s, rising from %d"), now, previous);
  if (latest < previous)
    /* Translators: "CRS grade 1, mild, falling from 2" */
    return g_strdup_printf (_("%s, falling from %d"), now, previous);
  /* Translators: "CRS grade 0, none, unchanged" (as the set before) */
  return g_strdup_printf (_("%s, unchanged"), now);
}

static void
update_summary (CrsTimeline *self)
{
  guint n = crs_timeline_model_get_n_points (self->model);
  g_autofree char *crs = NULL;
  g_autofree char *icans = NULL;

  g_free (self->summary);
  if (n == 0)
    self->summary = g_strdup (_("CRS and ICANS timeline: no observation sets yet"));
  else
    {
      g_autofree char *first = crs_format_date_time (crs_timeline_model_get_point (self->model, 0)->at);
      g_autofree char *last = crs_format_date_time (crs_timeline_model_get_point (self->model, n - 1)->at);

      crs = trend_words (self->model, "CRS", FALSE);
      icans = trend_words (self->model, "ICANS", TRUE);
      /* Translators: the chart's accessible name: the latest grades, then
       * how many sets it holds and from when to when */
      self->summary = g_strdup_printf (ngettext ("CRS and ICANS timeline. Latest: %s; %s. %u observation set from %s to %s",
                                                 "CRS and ICANS timeline. Latest: %s; %s. %u observation sets from %s to %s",
                                                 n),
                                       crs, icans, n, first, last);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
}

/* ---------------------------------------------------------------------- */
/* Focus and view */

static void
announce_focused (CrsTimeline *self)
{
  g_autofree char *text = NULL;

  if (self->focused >= 0)
    {
      text = crs_timeline_describe_point (self, self->focused);
      /* One sentence for a screen reader. */
      g_strdelimit (text, "\n", ';');
      {
        g_autofree char *spaced = NULL;
        g_auto(GStrv) parts = g_strsplit (text, ";", -1);

        spaced = g_strjoinv ("; ", parts);
        g_free (text);
        text = g_steal_pointer (&spaced);
      }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
}

/* Scrolls the window of a fixed range so that point @index is in it. */
static void
reveal_point (CrsTimeline *self,
              guint        index)
{
  gint64 t = crs_timeline_model_axis_time (self->model, crs_timeline_model_get_point (self->model, index)->at);
  gint64 from, to, margin;

  crs_timeline_model_get_window (self->model, &from, &to);
  margin = (to - from) / 10;
  if (t > to - margin / 2)
    crs_timeline_model_scroll_to (self->model, t + margin);
  else if (t < from + margin / 2)
    crs_timeline_model_scroll_to (self->model, t - margin + (to - from));
}

void
crs_timeline_set_focused_point (CrsTimeline *self,
                                int          index)
{
  g_return_if_fail (CRS_IS_TIMELINE (self));

  if (index >= (int) crs_timeline_model_get_n_points (self->model))
    index = (int) crs_timeline_model_get_n_points (self->model) - 1;
  if (index < -1)
    index = -1;
  if (self->focused == index)
    return;
  self->focused = index;
  if (index >= 0)
    reveal_point (self, index);
  announce_focused (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_POINT]);
}

int
crs_timeline_get_focused_point (CrsTimeline *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE (self), -1);
  return self->focused;
}

/* The latest set shown, else the latest of all. */
static int
default_point (CrsTimeline *self)
{
  guint last;

  if (self->layout != NULL && crs_timeline_layout_get_visible_points (self->layout, NULL, &last))
    return (int) last;
  return (int) crs_timeline_model_get_n_points (self->model) - 1;
}

static void
move_focus (CrsTimeline *self,
            int          delta)
{
  int n = (int) crs_timeline_model_get_n_points (self->model);

  if (n == 0)
    return;
  if (self->focused < 0)
    crs_timeline_set_focused_point (self, default_point (self));
  else
    crs_timeline_set_focused_point (self, CLAMP (self->focused + delta, 0, n - 1));
}

static void
zoom (CrsTimeline *self,
      int          direction)
{
  CrsTimelineRange range = crs_timeline_model_get_range (self->model);
  int at = 1;

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] == range)
      at = (int) i;
  at = CLAMP (at + direction, 0, (int) G_N_ELEMENTS (zoom_steps) - 1);
  crs_timeline_model_set_range (self->model, zoom_steps[at]);
  if (self->focused >= 0)
    reveal_point (self, self->focused);
}

/* Moves the window by @fraction of its length (negative: earlier). */
static void
scroll_by (CrsTimeline *self,
           double       fraction)
{
  gint64 from, to;

  crs_timeline_model_get_window (self->model, &from, &to);
  crs_timeline_model_scroll_to (self->model, to + (gint64) llround (fraction * (double) (to - from)));
}

static void
action_point (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  CrsTimeline *self = CRS_TIMELINE (widget);
  int n = (int) crs_timeline_model_get_n_points (self->model);

  if (g_str_equal (name, "timeline.previous-point"))
    move_focus (self, -1);
  else if (g_str_equal (name, "timeline.next-point"))
    move_focus (self, 1);
  else if (g_str_equal (name, "timeline.first-point") && n > 0)
    crs_timeline_set_focused_point (self, 0);
  else if (g_str_equal (name, "timeline.last-point") && n > 0)
    crs_timeline_set_focused_point (self, n - 1);
}

static void
action_view (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  CrsTimeline *self = CRS_TIMELINE (widget);

  if (g_str_equal (name, "timeline.zoom-in"))
    zoom (self, -1);
  else if (g_str_equal (name, "timeline.zoom-out"))
    zoom (self, 1);
  else if (g_str_equal (name, "timeline.scroll-earlier"))
    scroll_by (self, -0.5);
  else if (g_str_equal (name, "timeline.scroll-later"))
    scroll_by (self, 0.5);
}

static void
action_range (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  CrsTimeline *self = CRS_TIMELINE (widget);
  g_autoptr(GEnumClass) ranges = g_type_class_ref (CRS_TYPE_TIMELINE_RANGE);
  g_autoptr(GEnumClass) modes = g_type_class_ref (CRS_TYPE_TIMELINE_MODE);
  const char *nick = g_variant_get_string (parameter, NULL);

  if (g_str_equal (name, "timeline.range"))
    {
      GEnumValue *value = g_enum_get_value_by_nick (ranges, nick);

      if (value != NULL && value->value != CRS_TIMELINE_RANGE_EXPLICIT)
        crs_timeline_model_set_range (self->model, value->value);
      else
        g_warning ("Unknown timeline range “%s”", nick);
    }
  else
    {
      GEnumValue *value = g_enum_get_value_by_nick (modes, nick);

      if (value != NULL)
        crs_timeline_model_set_mode (self->model, value->value);
      else
        g_warning ("Unknown timeline mode “%s”", nick);
    }
}

/* ---------------------------------------------------------------------- */
/* Input */

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard_mode,
               GtkTooltip *tooltip)
{
  CrsTimeline *self = CRS_TIMELINE (widget);
  g_autofree char *text = NULL;
  int index;

  if (self->compact)
    {
      gtk_tooltip_set_text (tooltip, self->summary);
      return TRUE;
    }
  if (self->layout == NULL)
    return FALSE;
  if (keyboard_mode)
    index = self->focused;
  else
    {
      int intervention = crs_timeline_layout_find_intervention (self->layout, x, y);

      if (intervention >= 0)
        {
          const CrsTimelineIntervention *i = crs_timeline_model_get_intervention (self->model, intervention);
          g_autofree char *when = crs_format_date_time (i->at);

          text = g_strdup_printf ("%s\n%s%s%s", when, crs_intervention_kind_label (i->kind),
                                  i->text != NULL ? ": " : "", i->text != NULL ? i->text : "");
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
      index = crs_timeline_layout_find_point (self->layout, x, y, 16);
    }
  if (index < 0)
    return FALSE;
  text = crs_timeline_describe_point (self, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
click_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               CrsTimeline     *self)
{
  int index;

  if (self->compact || self->layout == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  index = crs_timeline_layout_find_point (self->layout, x, y, 24);
  if (index >= 0)
    crs_timeline_set_focused_point (self, index);
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            CrsTimeline    *self)
{
  gint64 from, to;
  CrsTimelineRect plot;

  if (self->compact || self->layout == NULL || crs_timeline_model_get_range (self->model) == CRS_TIMELINE_RANGE_ALL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  crs_timeline_layout_get_window (self->layout, &from, &to);
  crs_timeline_layout_get_plot_area (self->layout, &plot);
  self->drag_end = to;
  self->drag_span = to - from;
  self->drag_width = MAX (plot.width, 1);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CrsTimeline    *self)
{
  if (self->drag_span <= 0)
    return;
  /* The chart follows the pointer: right shows earlier. */
  crs_timeline_model_scroll_to (self->model,
                                self->drag_end - (gint64) llround (dx / self->drag_width * (double) self->drag_span));
}

static void
drag_end (GtkGestureDrag *gesture,
          double          dx,
          double          dy,
          CrsTimeline    *self)
{
  self->drag_span = 0;
}

/* Ctrl and the wheel zoom; sideways (or Shift and the wheel) scrolls;
 * the plain wheel is left to the page around the chart. */
static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          CrsTimeline              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (self->compact)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      if (dy != 0)
        zoom (self, dy > 0 ? 1 : -1);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    dx = dx != 0 ? dx : dy;
  if (dx == 0 || crs_timeline_model_get_range (self->model) == CRS_TIMELINE_RANGE_ALL)
    return FALSE;
  scroll_by (self, dx / 20);
  return TRUE;
}

static void
focus_entered (GtkEventControllerFocus *controller,
               CrsTimeline             *self)
{
  if (self->focused < 0 && crs_timeline_model_get_n_points (self->model) > 0)
    crs_timeline_set_focused_point (self, default_point (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_left (GtkEventControllerFocus *controller,
            CrsTimeline             *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------- */
/* Drawing */

static void
draw_focus (CrsTimeline *self,
            cairo_t     *cr)
{
  CrsTimelineRect plot;
  double x = 0, y, r;
  gboolean any = FALSE;

  if (self->focused < 0 || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  crs_timeline_layout_get_plot_area (self->layout, &plot);
  r = self->style.line_width * 3.5;
  for (CrsTimelineSeries s = CRS_TIMELINE_SERIES_CRS; s <= CRS_TIMELINE_SERIES_ICANS; s++)
    if (crs_timeline_layout_get_point_position (self->layout, self->focused, s, &x, &y))
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
        any = TRUE;
      }
  if (!any)
    {
      /* Not determined: the cursor alone says where. */
      gint64 t = crs_timeline_model_axis_time (self->model, crs_timeline_model_get_point (self->model, self->focused)->at);

      x = crs_timeline_layout_x_for_time (self->layout, t);
      if (x < plot.x || x > plot.x + plot.width)
        return;
    }
  cairo_move_to (cr, x, plot.y);
  cairo_line_to (cr, x, plot.y + plot.height);
  cairo_set_line_width (cr, MAX (self->style.line_width * 0.75, 1.5));
  cairo_set_source_rgba (cr, self->style.foreground.red, self->style.foreground.green,
                         self->style.foreground.blue, 0.9);
  cairo_stroke (cr);
}

static void
crs_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CrsTimeline *self = CRS_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  style_from_widget (self, &self->style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->layout, crs_timeline_layout_free);
  self->layout = crs_timeline_layout_new (cr, width, height, &self->style, self->model);
  crs_timeline_layout_draw (self->layout, cr);
  draw_focus (self, cr);
  cairo_destroy (cr);
}

static void
crs_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CrsTimeline *self = CRS_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 48 : 240;
      *natural = self->compact ? 120 : 640;
    }
  else
    {
      int requested;

      *minimum = self->compact ? 16 : 180;
      *natural = self->compact ? 28 : 360;
      /* A height asked for (height-request) is the height wanted: the
       * summary's small chart stays small in a page that scrolls. */
      gtk_widget_get_size_request (widget, NULL, &requested);
      if (requested > 0)
        *minimum = *natural = requested;
    }
}

/* ---------------------------------------------------------------------- */

static void
model_changed (CrsTimelineModel *model,
               CrsTimeline      *self)
{
  int n = (int) crs_timeline_model_get_n_points (model);

  if (self->focused >= n)
    {
      self->focused = n - 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_POINT]);
      announce_focused (self);
    }
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
crs_timeline_set_model (CrsTimeline      *self,
                        CrsTimelineModel *model)
{
  g_return_if_fail (CRS_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || CRS_IS_TIMELINE_MODEL (model));

  if (model == NULL)
    model = g_object_new (CRS_TYPE_TIMELINE_MODEL, NULL);
  else
    g_object_ref (model);
  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  self->model = model;
  self->changed_id = g_signal_connect (model, "changed", G_CALLBACK (model_changed), self);
  self->focused = -1;
  announce_focused (self);
  model_changed (model, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

CrsTimelineModel *
crs_timeline_get_model (CrsTimeline *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE (self), NULL);
  return self->model;
}

void
crs_timeline_set_compact (CrsTimeline *self,
                          gboolean     compact)
{
  g_return_if_fail (CRS_IS_TIMELINE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_set_focusable (GTK_WIDGET (self), !compact);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
crs_timeline_get_compact (CrsTimeline *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE (self), FALSE);
  return self->compact;
}

const char *
crs_timeline_get_summary (CrsTimeline *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE (self), NULL);
  return self->summary;
}

CrsTimelineLayout *
crs_timeline_get_layout (CrsTimeline *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE (self), NULL);
  return self->layout;
}

void
crs_timeline_get_style (CrsTimeline      *self,
                        CrsTimelineStyle *style)
{
  g_return_if_fail (CRS_IS_TIMELINE (self));
  g_return_if_fail (style != NULL);
  *style = self->style;
}

GtkWidget *
crs_timeline_new (CrsTimelineModel *model)
{
  return g_object_new (CRS_TYPE_TIMELINE, "model", model, NULL);
}

static void
crs_timeline_dispose (GObject *object)
{
  CrsTimeline *self = CRS_TIMELINE (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->layout, crs_timeline_layout_free);

  G_OBJECT_CLASS (crs_timeline_parent_class)->dispose (object);
}

static void
crs_timeline_finalize (GObject *object)
{
  CrsTimeline *self = CRS_TIMELINE (object);

  g_free (self->font_family);
  g_free (self->summary);

  G_OBJECT_CLASS (crs_timeline_parent_class)->finalize (object);
}

static void
crs_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrsTimeline *self = CRS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_FOCUSED_POINT:
      g_value_set_int (value, self->focused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrsTimeline *self = CRS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      crs_timeline_set_model (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      crs_timeline_set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_FOCUSED_POINT:
      crs_timeline_set_focused_point (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_timeline_class_init (CrsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  struct { guint key; GdkModifierType mods; const char *action; } bindings[] = {
    { GDK_KEY_Left, 0, "timeline.previous-point" },
    { GDK_KEY_KP_Left, 0, "timeline.previous-point" },
    { GDK_KEY_Right, 0, "timeline.next-point" },
    { GDK_KEY_KP_Right, 0, "timeline.next-point" },
    { GDK_KEY_Home, 0, "timeline.first-point" },
    { GDK_KEY_End, 0, "timeline.last-point" },
    { GDK_KEY_plus, 0, "timeline.zoom-in" },
    { GDK_KEY_equal, 0, "timeline.zoom-in" },
    { GDK_KEY_KP_Add, 0, "timeline.zoom-in" },
    { GDK_KEY_minus, 0, "timeline.zoom-out" },
    { GDK_KEY_KP_Subtract, 0, "timeline.zoom-out" },
    { GDK_KEY_Page_Up, 0, "timeline.scroll-earlier" },
    { GDK_KEY_Page_Down, 0, "timeline.scroll-later" },
  };

  object_class->dispose = crs_timeline_dispose;
  object_class->finalize = crs_timeline_finalize;
  object_class->get_property = crs_timeline_get_property;
  object_class->set_property = crs_timeline_set_property;
  widget_class->snapshot = crs_timeline_snapshot;
  widget_class->measure = crs_timeline_measure;
  widget_class->query_tooltip = query_tooltip;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, CRS_TYPE_TIMELINE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUSED_POINT] =
    g_param_spec_int ("focused-point", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.previous-point", NULL, action_point);
  gtk_widget_class_install_action (widget_class, "timeline.next-point", NULL, action_point);
  gtk_widget_class_install_action (widget_class, "timeline.first-point", NULL, action_point);
  gtk_widget_class_install_action (widget_class, "timeline.last-point", NULL, action_point);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-earlier", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "timeline.scroll-later", NULL, action_view);
  gtk_widget_class_install_action (widget_class, "timeline.range", "s", action_range);
  gtk_widget_class_install_action (widget_class, "timeline.mode", "s", action_range);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods, bindings[i].action, NULL);

  gtk_widget_class_set_css_name (widget_class, "crs-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crs_timeline_init (CrsTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focused = -1;
  crs_timeline_style_init_default (&self->style);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);

  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (widget, scroll);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_entered), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left), self);
  gtk_widget_add_controller (widget, focus);

  crs_timeline_set_model (self, NULL);
}
