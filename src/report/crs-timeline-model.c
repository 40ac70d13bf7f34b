/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-model.c: what the timeline chart draws, as plain data. */
#define G_LOG_DOMAIN "crs-timeline-model"

#include "config.h"

#include <math.h>

#include "crs-timeline-model.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

struct _CrsTimelineModel
{
  GObject parent_instance;

  GArray *points;         /* CrsTimelinePoint, by time */
  GArray *infusions;      /* CrsTimelineInfusion, by start */
  GArray *interventions;  /* CrsTimelineIntervention, by time */

  /* For each infusion, the index of its first point (n_infusions + 1
   * entries, the last = n_points); NULL when stale. */
  guint  *infusion_first;

  CrsTimelineMode  mode;
  CrsTimelineRange range;
  gint64           explicit_from;
  gint64           explicit_to;
  gboolean         scrolled;
  gint64           view_end;
  gint64           now;
  CrsTemperatureUnit temperature_unit;
  gboolean         show_news2;
  gboolean         show_temperature;
  double           fever_line_c;

  guint            freeze_count;  /* crs_timeline_model_freeze_changed() */
  gboolean         changed_while_frozen;
};

G_DEFINE_FINAL_TYPE (CrsTimelineModel, crs_timeline_model, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CrsTimelineMode, crs_timeline_mode,
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_MODE_CALENDAR, "calendar"),
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_MODE_SINCE_INFUSION, "since-infusion"))

G_DEFINE_ENUM_TYPE (CrsTimelineRange, crs_timeline_range,
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_RANGE_ALL, "all"),
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_RANGE_24_HOURS, "24h"),
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_RANGE_72_HOURS, "72h"),
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_RANGE_7_DAYS, "7d"),
  G_DEFINE_ENUM_VALUE (CRS_TIMELINE_RANGE_EXPLICIT, "explicit"))

enum {
  PROP_0,
  PROP_MODE,
  PROP_RANGE,
  PROP_NOW,
  PROP_SHOW_NEWS2,
  PROP_SHOW_TEMPERATURE,
  PROP_TEMPERATURE_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
crs_timeline_point_init (CrsTimelinePoint *point,
                         gint64            at)
{
  g_return_if_fail (point != NULL);

  *point = (CrsTimelinePoint) {
    .at = at,
    .crs = { CRS_MISSING, CRS_TIMELINE_NOT_DETERMINED, CRS_MISSING },
    .icans = { CRS_MISSING, CRS_TIMELINE_NOT_DETERMINED, CRS_MISSING },
    .news2 = CRS_MISSING,
    .news2_kind = CRS_TIMELINE_NOT_DETERMINED,
    .temperature_c = NAN,
  };
}

gint64
crs_timeline_range_seconds (CrsTimelineRange range)
{
  switch (range)
    {
    case CRS_TIMELINE_RANGE_24_HOURS:
      return DAY;
    case CRS_TIMELINE_RANGE_72_HOURS:
      return 3 * DAY;
    case CRS_TIMELINE_RANGE_7_DAYS:
      return 7 * DAY;
    case CRS_TIMELINE_RANGE_ALL:
    case CRS_TIMELINE_RANGE_EXPLICIT:
    default:
      return 0;
    }
}

static void
infusion_clear (gpointer data)
{
  CrsTimelineInfusion *infusion = data;

  g_clear_pointer (&infusion->label, g_free);
}

static void
intervention_clear (gpointer data)
{
  CrsTimelineIntervention *intervention = data;

  g_clear_pointer (&intervention->text, g_free);
}

static void
changed (CrsTimelineModel *self)
{
  g_clear_pointer (&self->infusion_first, g_free);
  if (self->freeze_count > 0)
    self->changed_while_frozen = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

void
crs_timeline_model_freeze_changed (CrsTimelineModel *self)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  self->freeze_count++;
}

void
crs_timeline_model_thaw_changed (CrsTimelineModel *self)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->changed_while_frozen)
    {
      self->changed_while_frozen = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
crs_timeline_model_finalize (GObject *object)
{
  CrsTimelineModel *self = CRS_TIMELINE_MODEL (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->infusions, g_array_unref);
  g_clear_pointer (&self->interventions, g_array_unref);
  g_clear_pointer (&self->infusion_first, g_free);

  G_OBJECT_CLASS (crs_timeline_model_parent_class)->finalize (object);
}

static void
crs_timeline_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrsTimelineModel *self = CRS_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_RANGE:
      g_value_set_enum (value, self->range);
      break;
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_SHOW_NEWS2:
      g_value_set_boolean (value, self->show_news2);
      break;
    case PROP_SHOW_TEMPERATURE:
      g_value_set_boolean (value, self->show_temperature);
      break;
    case PROP_TEMPERATURE_UNIT:
      g_value_set_enum (value, self->temperature_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_timeline_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrsTimelineModel *self = CRS_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODE:
      crs_timeline_model_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_RANGE:
      crs_timeline_model_set_range (self, g_value_get_enum (value));
      break;
    case PROP_NOW:
      crs_timeline_model_set_now (self, g_value_get_int64 (value));
      break;
    case PROP_SHOW_NEWS2:
      crs_timeline_model_set_show_news2 (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_TEMPERATURE:
      crs_timeline_model_set_show_temperature (self, g_value_get_boolean (value));
      break;
    case PROP_TEMPERATURE_UNIT:
      crs_timeline_model_set_temperature_unit (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_timeline_model_class_init (CrsTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crs_timeline_model_finalize;
  object_class->get_property = crs_timeline_model_get_property;
  object_class->set_property = crs_timeline_model_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       CRS_TYPE_TIMELINE_MODE, CRS_TIMELINE_MODE_CALENDAR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL,
                       CRS_TYPE_TIMELINE_RANGE, CRS_TIMELINE_RANGE_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NEWS2] =
    g_param_spec_boolean ("show-news2", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TEMPERATURE] =
    g_param_spec_boolean ("show-temperature", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The unit of the temperature strip and the tooltips: the one of the
   * status the model is filled from (crs-timeline-feed.c). */
  properties[PROP_TEMPERATURE_UNIT] =
    g_param_spec_enum ("temperature-unit", NULL, NULL,
                       CRS_TYPE_TEMPERATURE_UNIT, CRS_TEMPERATURE_CELSIUS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything drawn changed: data or view. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crs_timeline_model_init (CrsTimelineModel *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (CrsTimelinePoint));
  self->infusions = g_array_new (FALSE, FALSE, sizeof (CrsTimelineInfusion));
  g_array_set_clear_func (self->infusions, infusion_clear);
  self->interventions = g_array_new (FALSE, FALSE, sizeof (CrsTimelineIntervention));
  g_array_set_clear_func (self->interventions, intervention_clear);
  self->fever_line_c = NAN;
}

CrsTimelineModel *
crs_timeline_model_new (void)
{
  return g_object_new (CRS_TYPE_TIMELINE_MODEL, NULL);
}

/* ---------------------------------------------------------------------- */

/* Each record type starts with its time: one comparison and one sorted
 * insertion serve all three arrays. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (CrsTimelinePoint, at) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CrsTimelineInfusion, start_at) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (CrsTimelineIntervention, at) == 0);

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return ta < tb ? -1 : ta > tb;
}

static inline gint64
time_at (GArray *array,
         guint   index)
{
  return *(const gint64 *) (array->data + (gsize) index * g_array_get_element_size (array));
}

/* The number of elements with a time <= @at. */
static guint
upper_bound (GArray *array,
             gint64  at)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (time_at (array, mid) <= at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Inserts after every element with the same time, so equal times keep
 * the order they came in. */
static void
insert_sorted (GArray        *array,
               gconstpointer  element)
{
  gint64 at = *(const gint64 *) element;

  if (array->len == 0 || time_at (array, array->len - 1) <= at)
    g_array_append_vals (array, element, 1);
  else
    g_array_insert_vals (array, upper_bound (array, at), element, 1);
}

void
crs_timeline_model_clear (CrsTimelineModel *self)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  g_array_set_size (self->points, 0);
  g_array_set_size (self->infusions, 0);
  g_array_set_size (self->interventions, 0);
  changed (self);
}

void
crs_timeline_model_set_points (CrsTimelineModel       *self,
                               const CrsTimelinePoint *points,
                               guint                   n_points)
{
  gboolean sorted = TRUE;

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->points, 0);
  g_array_append_vals (self->points, points, n_points);
  for (guint i = 1; i < n_points && sorted; i++)
    sorted = points[i - 1].at <= points[i].at;
  if (!sorted)
    g_array_sort (self->points, compare_time);  /* stable since GLib 2.32 */
  changed (self);
}

void
crs_timeline_model_add_point (CrsTimelineModel       *self,
                              const CrsTimelinePoint *point)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (point != NULL);

  insert_sorted (self->points, point);
  changed (self);
}

void
crs_timeline_model_add_infusion (CrsTimelineModel *self,
                                 gint64            start_at,
                                 const char       *label,
                                 gint64            onset_from,
                                 gint64            onset_to)
{
  CrsTimelineInfusion infusion = {
    .start_at = start_at,
    .label = g_strdup (label),
    .onset_from = onset_from,
    .onset_to = onset_to,
  };

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  /* A window with one end unknown, or reversed, is not a window. */
  if (onset_from == CRS_TIMELINE_UNKNOWN || onset_to == CRS_TIMELINE_UNKNOWN ||
      onset_to < onset_from)
    infusion.onset_from = infusion.onset_to = CRS_TIMELINE_UNKNOWN;
  insert_sorted (self->infusions, &infusion);
  changed (self);
}

void
crs_timeline_model_add_intervention (CrsTimelineModel    *self,
                                     gint64               at,
                                     CrsInterventionKind  kind,
                                     const char          *text)
{
  CrsTimelineIntervention intervention = {
    .at = at,
    .kind = kind,
    .text = g_strdup (text),
  };

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  insert_sorted (self->interventions, &intervention);
  changed (self);
}

guint
crs_timeline_model_get_n_points (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), 0);
  return self->points->len;
}

const CrsTimelinePoint *
crs_timeline_model_get_points (CrsTimelineModel *self,
                               guint            *n_points)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->points->len;
  return (const CrsTimelinePoint *) self->points->data;
}

const CrsTimelinePoint *
crs_timeline_model_get_point (CrsTimelineModel *self,
                              guint             index)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);
  return &g_array_index (self->points, CrsTimelinePoint, index);
}

guint
crs_timeline_model_get_n_infusions (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), 0);
  return self->infusions->len;
}

const CrsTimelineInfusion *
crs_timeline_model_get_infusion (CrsTimelineModel *self,
                                 guint             index)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (index < self->infusions->len, NULL);
  return &g_array_index (self->infusions, CrsTimelineInfusion, index);
}

guint
crs_timeline_model_get_n_interventions (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), 0);
  return self->interventions->len;
}

const CrsTimelineIntervention *
crs_timeline_model_get_intervention (CrsTimelineModel *self,
                                     guint             index)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), NULL);
  g_return_val_if_fail (index < self->interventions->len, NULL);
  return &g_array_index (self->interventions, CrsTimelineIntervention, index);
}

/* ---------------------------------------------------------------------- */

void
crs_timeline_model_set_mode (CrsTimelineModel *self,
                             CrsTimelineMode   mode)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (mode == CRS_TIMELINE_MODE_CALENDAR || mode == CRS_TIMELINE_MODE_SINCE_INFUSION);

  if (self->mode == mode)
    return;
  self->mode = mode;
  /* Axis times of the two modes do not compare: a scrolled or explicit
   * window is meaningless in the other. */
  self->scrolled = FALSE;
  if (self->range == CRS_TIMELINE_RANGE_EXPLICIT)
    {
      self->range = CRS_TIMELINE_RANGE_ALL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  changed (self);
}

CrsTimelineMode
crs_timeline_model_get_mode (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), CRS_TIMELINE_MODE_CALENDAR);
  return self->mode;
}

CrsTimelineMode
crs_timeline_model_get_effective_mode (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), CRS_TIMELINE_MODE_CALENDAR);

  if (self->mode == CRS_TIMELINE_MODE_SINCE_INFUSION && self->infusions->len > 0)
    return CRS_TIMELINE_MODE_SINCE_INFUSION;
  return CRS_TIMELINE_MODE_CALENDAR;
}

void
crs_timeline_model_set_range (CrsTimelineModel *self,
                              CrsTimelineRange  range)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (range <= CRS_TIMELINE_RANGE_EXPLICIT);

  if (self->range == range && !self->scrolled)
    return;
  self->scrolled = FALSE;
  if (self->range != range)
    {
      self->range = range;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
    }
  changed (self);
}

CrsTimelineRange
crs_timeline_model_get_range (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), CRS_TIMELINE_RANGE_ALL);
  return self->range;
}

void
crs_timeline_model_set_explicit_range (CrsTimelineModel *self,
                                       gint64            from,
                                       gint64            to)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (to > from);

  self->explicit_from = from;
  self->explicit_to = to;
  self->scrolled = FALSE;
  if (self->range != CRS_TIMELINE_RANGE_EXPLICIT)
    {
      self->range = CRS_TIMELINE_RANGE_EXPLICIT;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
    }
  changed (self);
}

void
crs_timeline_model_scroll_to (CrsTimelineModel *self,
                              gint64            end)
{
  gint64 from, to;

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  if (self->range == CRS_TIMELINE_RANGE_ALL)
    return;  /* everything is shown: nothing to scroll to */
  if (self->range == CRS_TIMELINE_RANGE_EXPLICIT)
    {
      crs_timeline_model_get_window (self, &from, &to);
      crs_timeline_model_set_explicit_range (self, end - (to - from), end);
      return;
    }
  self->scrolled = TRUE;
  self->view_end = end;
  changed (self);
}

void
crs_timeline_model_set_now (CrsTimelineModel *self,
                            gint64            now)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  if (self->now == now)
    return;
  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
  changed (self);
}

gint64
crs_timeline_model_get_now (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), 0);
  return self->now;
}

void
crs_timeline_model_set_show_news2 (CrsTimelineModel *self,
                                   gboolean          show)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  show = !!show;
  if (self->show_news2 == show)
    return;
  self->show_news2 = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NEWS2]);
  changed (self);
}

gboolean
crs_timeline_model_get_show_news2 (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), FALSE);
  return self->show_news2;
}

void
crs_timeline_model_set_show_temperature (CrsTimelineModel *self,
                                         gboolean          show)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  show = !!show;
  if (self->show_temperature == show)
    return;
  self->show_temperature = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TEMPERATURE]);
  changed (self);
}

gboolean
crs_timeline_model_get_show_temperature (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), FALSE);
  return self->show_temperature;
}

void
crs_timeline_model_set_fever_line (CrsTimelineModel *self,
                                   double            celsius)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));

  if (self->fever_line_c == celsius || (isnan (celsius) && isnan (self->fever_line_c)))
    return;
  self->fever_line_c = celsius;
  changed (self);
}

double
crs_timeline_model_get_fever_line (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), NAN);
  return self->fever_line_c;
}

/* ---------------------------------------------------------------------- */

int
crs_timeline_model_get_infusion_at (CrsTimelineModel *self,
                                    gint64            at)
{
  guint n;

  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), -1);

  if (self->infusions->len == 0)
    return -1;
  n = upper_bound (self->infusions, at);
  return n == 0 ? 0 : (int) n - 1;
}

static const guint *
infusion_first (CrsTimelineModel *self)
{
  guint n = self->infusions->len;

  if (self->infusion_first != NULL)
    return self->infusion_first;

  self->infusion_first = g_new (guint, n + 1);
  self->infusion_first[0] = 0;
  for (guint i = 1; i < n; i++)
    {
      /* Points at the very start time of infusion i belong to it. */
      gint64 start = time_at (self->infusions, i);

      self->infusion_first[i] = start == G_MININT64 ? 0 : upper_bound (self->points, start - 1);
    }
  self->infusion_first[n] = self->points->len;
  return self->infusion_first;
}

int
crs_timeline_model_get_point_infusion (CrsTimelineModel *self,
                                       guint             index)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), -1);
  g_return_val_if_fail (index < self->points->len, -1);

  return crs_timeline_model_get_infusion_at (self, g_array_index (self->points, CrsTimelinePoint, index).at);
}

void
crs_timeline_model_get_infusion_points (CrsTimelineModel *self,
                                        int               infusion,
                                        guint            *first,
                                        guint            *n)
{
  const guint *firsts;

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (first != NULL && n != NULL);

  if (infusion < 0 || self->infusions->len == 0)
    {
      *first = 0;
      *n = self->points->len;
      return;
    }
  g_return_if_fail ((guint) infusion < self->infusions->len);
  firsts = infusion_first (self);
  *first = firsts[infusion];
  *n = firsts[infusion + 1] - firsts[infusion];
}

gint64
crs_timeline_model_axis_time (CrsTimelineModel *self,
                              gint64            at)
{
  int infusion;

  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), at);

  if (crs_timeline_model_get_effective_mode (self) == CRS_TIMELINE_MODE_CALENDAR)
    return at;
  infusion = crs_timeline_model_get_infusion_at (self, at);
  return at - time_at (self->infusions, infusion);
}

gint64
crs_timeline_model_get_effective_now (CrsTimelineModel *self)
{
  gint64 latest = 0;

  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), 0);

  if (self->now != 0)
    return self->now;
  if (self->points->len > 0)
    latest = MAX (latest, time_at (self->points, self->points->len - 1));
  if (self->infusions->len > 0)
    latest = MAX (latest, time_at (self->infusions, self->infusions->len - 1));
  if (self->interventions->len > 0)
    latest = MAX (latest, time_at (self->interventions, self->interventions->len - 1));
  return latest;
}

/* The earliest and latest axis times of the data (and now), FALSE
 * without any data. */
static gboolean
data_extent (CrsTimelineModel *self,
             gint64           *lo,
             gint64           *hi)
{
  gboolean since = crs_timeline_model_get_effective_mode (self) == CRS_TIMELINE_MODE_SINCE_INFUSION;
  GArray *arrays[] = { self->points, self->interventions, self->infusions };
  gboolean any = FALSE;

  *lo = G_MAXINT64;
  *hi = G_MININT64;
  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      GArray *array = arrays[a];

      if (array->len == 0)
        continue;
      any = TRUE;
      if (!since)
        {
          *lo = MIN (*lo, time_at (array, 0));
          *hi = MAX (*hi, time_at (array, array->len - 1));
          continue;
        }
      /* Since infusion, the extremes can come from any infusion. */
      for (guint i = 0; i < array->len; i++)
        {
          gint64 t = crs_timeline_model_axis_time (self, time_at (array, i));

          *lo = MIN (*lo, t);
          *hi = MAX (*hi, t);
        }
    }
  if (any)
    *hi = MAX (*hi, crs_timeline_model_axis_time (self, crs_timeline_model_get_effective_now (self)));
  return any;
}

void
crs_timeline_model_get_window (CrsTimelineModel *self,
                               gint64           *from,
                               gint64           *to)
{
  gboolean since;
  gint64 length, end, lo, hi;

  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (from != NULL && to != NULL);

  since = crs_timeline_model_get_effective_mode (self) == CRS_TIMELINE_MODE_SINCE_INFUSION;

  if (self->range == CRS_TIMELINE_RANGE_EXPLICIT)
    {
      *from = self->explicit_from;
      *to = self->explicit_to;
      return;
    }

  length = crs_timeline_range_seconds (self->range);
  if (length > 0)
    {
      if (self->scrolled)
        end = self->view_end;
      else if (since)
        /* Open on day 0 with a little of the time before it, until the
         * infusion is older than the range. */
        end = MAX (crs_timeline_model_axis_time (self, crs_timeline_model_get_effective_now (self)),
                   length - length / 12);
      else
        end = crs_timeline_model_get_effective_now (self);
      *from = end - length;
      *to = end;
      return;
    }

  /* All: the data from end to end, a little room on the left so that the
   * first point is not on the axis, and at least an hour. */
  if (!data_extent (self, &lo, &hi))
    {
      hi = since ? DAY : crs_timeline_model_get_effective_now (self);
      lo = hi - DAY;
    }
  if (since)
    lo = MIN (lo, 0);
  if (hi - lo < HOUR)
    hi = lo + HOUR;
  *from = lo - (hi - lo) / 50;
  *to = hi;
}

void
crs_timeline_model_set_temperature_unit (CrsTimelineModel   *self,
                                         CrsTemperatureUnit  unit)
{
  g_return_if_fail (CRS_IS_TIMELINE_MODEL (self));
  g_return_if_fail (unit == CRS_TEMPERATURE_CELSIUS || unit == CRS_TEMPERATURE_FAHRENHEIT);

  if (self->temperature_unit == unit)
    return;
  self->temperature_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPERATURE_UNIT]);
  changed (self);
}

CrsTemperatureUnit
crs_timeline_model_get_temperature_unit (CrsTimelineModel *self)
{
  g_return_val_if_fail (CRS_IS_TIMELINE_MODEL (self), CRS_TEMPERATURE_CELSIUS);
  return self->temperature_unit;
}
