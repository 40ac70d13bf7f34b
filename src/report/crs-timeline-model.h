/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-model.h: what the timeline chart draws, as plain data.
 *
 * The model knows nothing about grading: its owner fills it from the
 * patient's status (grades as of now from the full history, each marked
 * determined, "at least N" or not determined), the infusions and the
 * interventions. The renderer (crs-timeline-render.h) and the widget
 * (src/gui/crs-timeline.h) read it. GLib only.
 *
 * Times are gint64 seconds since the Unix epoch (crs-model.h). "Axis
 * time" is what the x axis counts: the same seconds in calendar mode, the
 * seconds since the start of the point's infusion in since-infusion mode.
 *
 * Every setter emits "changed" once (set_points() once for all points),
 * so a widget redraws at once when a set is saved. */
#pragma once

#include <glib-object.h>

#include "core/crs-format.h"
#include "core/crs-model.h"

G_BEGIN_DECLS

/* How much is known of one value. */
typedef enum {
  CRS_TIMELINE_DETERMINED = 0,
  CRS_TIMELINE_AT_LEAST,        /* some inputs missing: the value is a floor */
  CRS_TIMELINE_NOT_DETERMINED,  /* nothing to draw: a gap, never a zero */
} CrsTimelineKind;

typedef struct
{
  int             grade;        /* 0-4; the floor when AT_LEAST; ignored when NOT_DETERMINED */
  CrsTimelineKind kind;
  int             stored_grade; /* the grade stored at entry when it differs from
                                 * this one (for tooltips), else CRS_MISSING */
} CrsTimelineGrade;

/* One observation set. */
typedef struct
{
  gint64           at;            /* when it was taken */
  gint64           id;            /* the caller's id (observation row id); not drawn */
  CrsTimelineGrade crs;
  CrsTimelineGrade icans;
  int              news2;         /* 0-20, CRS_MISSING = not scored */
  CrsTimelineKind  news2_kind;    /* AT_LEAST for the total of a partial set */
  double           temperature_c; /* NAN = not recorded */
} CrsTimelinePoint;

/* A point at @at with nothing determined and nothing recorded. */
void crs_timeline_point_init (CrsTimelinePoint *point,
                              gint64            at);

/* An onset offset that is not known. */
#define CRS_TIMELINE_UNKNOWN G_MININT64

typedef struct
{
  gint64  start_at;
  char   *label;        /* "Teclistamab, step-up dose 1" */
  gint64  onset_from;   /* the therapy's typical onset window, seconds after */
  gint64  onset_to;     /* start_at; CRS_TIMELINE_UNKNOWN when not known */
} CrsTimelineInfusion;

typedef struct
{
  gint64               at;
  CrsInterventionKind  kind;
  char                *text;  /* "Tocilizumab 8 mg/kg IV", may be NULL */
} CrsTimelineIntervention;

typedef enum {
  CRS_TIMELINE_MODE_CALENDAR = 0,       /* real time, infusions as vertical markers */
  CRS_TIMELINE_MODE_SINCE_INFUSION,     /* one line per infusion, aligned at day 0 */
} CrsTimelineMode;

typedef enum {
  CRS_TIMELINE_RANGE_ALL = 0,
  CRS_TIMELINE_RANGE_24_HOURS,
  CRS_TIMELINE_RANGE_72_HOURS,
  CRS_TIMELINE_RANGE_7_DAYS,
  CRS_TIMELINE_RANGE_EXPLICIT,          /* crs_timeline_model_set_explicit_range() */
} CrsTimelineRange;

GType crs_timeline_mode_get_type  (void) G_GNUC_CONST;
GType crs_timeline_range_get_type (void) G_GNUC_CONST;
#define CRS_TYPE_TIMELINE_MODE  (crs_timeline_mode_get_type ())
#define CRS_TYPE_TIMELINE_RANGE (crs_timeline_range_get_type ())

/* The length of a range in seconds, 0 for ALL and EXPLICIT. */
gint64 crs_timeline_range_seconds (CrsTimelineRange range);

#define CRS_TYPE_TIMELINE_MODEL (crs_timeline_model_get_type ())
G_DECLARE_FINAL_TYPE (CrsTimelineModel, crs_timeline_model, CRS, TIMELINE_MODEL, GObject)

CrsTimelineModel *crs_timeline_model_new (void);

/* Data. Points, infusions and interventions are kept in time order
 * whatever order they come in. clear() removes all three and keeps the
 * view settings. */
void  crs_timeline_model_clear            (CrsTimelineModel        *self);
void  crs_timeline_model_set_points       (CrsTimelineModel        *self,
                                           const CrsTimelinePoint  *points,
                                           guint                    n_points);
void  crs_timeline_model_add_point        (CrsTimelineModel        *self,
                                           const CrsTimelinePoint  *point);
void  crs_timeline_model_add_infusion     (CrsTimelineModel        *self,
                                           gint64                   start_at,
                                           const char              *label,
                                           gint64                   onset_from,
                                           gint64                   onset_to);
void  crs_timeline_model_add_intervention (CrsTimelineModel        *self,
                                           gint64                   at,
                                           CrsInterventionKind      kind,
                                           const char              *text);

/* Several changes as one (a feed filling the model): between the two
 * calls "changed" is held back, and emitted once at the last thaw when
 * anything changed. Calls nest. */
void  crs_timeline_model_freeze_changed   (CrsTimelineModel        *self);
void  crs_timeline_model_thaw_changed     (CrsTimelineModel        *self);

guint                          crs_timeline_model_get_n_points        (CrsTimelineModel *self);
/* All points in time order (valid until the model changes). */
const CrsTimelinePoint        *crs_timeline_model_get_points          (CrsTimelineModel *self,
                                                                       guint            *n_points);
const CrsTimelinePoint        *crs_timeline_model_get_point           (CrsTimelineModel *self,
                                                                       guint             index);
guint                          crs_timeline_model_get_n_infusions     (CrsTimelineModel *self);
const CrsTimelineInfusion     *crs_timeline_model_get_infusion        (CrsTimelineModel *self,
                                                                       guint             index);
guint                          crs_timeline_model_get_n_interventions (CrsTimelineModel *self);
const CrsTimelineIntervention *crs_timeline_model_get_intervention    (CrsTimelineModel *self,
                                                                       guint             index);

/* View settings (also GObject properties of the same names). */
void             crs_timeline_model_set_mode             (CrsTimelineModel *self,
                                                          CrsTimelineMode   mode);
CrsTimelineMode  crs_timeline_model_get_mode             (CrsTimelineModel *self);
/* The mode drawn: calendar when since-infusion was asked for and no
 * infusion is known. */
CrsTimelineMode  crs_timeline_model_get_effective_mode   (CrsTimelineModel *self);
/* A fixed length (24 h, 72 h, 7 days) ends at "now" until scrolled. */
void             crs_timeline_model_set_range            (CrsTimelineModel *self,
                                                          CrsTimelineRange  range);
CrsTimelineRange crs_timeline_model_get_range            (CrsTimelineModel *self);
/* From @from to @to in axis time; sets the range to EXPLICIT. */
void             crs_timeline_model_set_explicit_range   (CrsTimelineModel *self,
                                                          gint64            from,
                                                          gint64            to);
/* Moves the window of a fixed-length range so that it ends at @end (axis
 * time); crs_timeline_model_set_range() goes back to following now. */
void             crs_timeline_model_scroll_to            (CrsTimelineModel *self,
                                                          gint64            end);
/* "Now": where a fixed range ends and the latest grade holds until.
 * 0 (the default) = the latest time in the data. */
void             crs_timeline_model_set_now              (CrsTimelineModel *self,
                                                          gint64            now);
gint64           crs_timeline_model_get_now              (CrsTimelineModel *self);
/* The unit temperatures are drawn and told in (default °C). */
void             crs_timeline_model_set_temperature_unit (CrsTimelineModel   *self,
                                                          CrsTemperatureUnit  unit);
CrsTemperatureUnit crs_timeline_model_get_temperature_unit (CrsTimelineModel *self);
void             crs_timeline_model_set_show_news2       (CrsTimelineModel *self,
                                                          gboolean          show);
gboolean         crs_timeline_model_get_show_news2       (CrsTimelineModel *self);
void             crs_timeline_model_set_show_temperature (CrsTimelineModel *self,
                                                          gboolean          show);
gboolean         crs_timeline_model_get_show_temperature (CrsTimelineModel *self);
/* The fever line of the temperature series in °C (the caller passes the
 * ASTCT fever threshold from core); NAN = none (the default). */
void             crs_timeline_model_set_fever_line       (CrsTimelineModel *self,
                                                          double            celsius);
double           crs_timeline_model_get_fever_line       (CrsTimelineModel *self);

/* Derived. */

/* The infusion point @index (or a time, for the _at variant) belongs to:
 * the latest that started at or before it, the first one for what came
 * before every infusion; -1 without infusions. */
int     crs_timeline_model_get_point_infusion (CrsTimelineModel *self,
                                               guint             index);
int     crs_timeline_model_get_infusion_at    (CrsTimelineModel *self,
                                               gint64            at);
/* @at on the x axis of the effective mode. */
gint64  crs_timeline_model_axis_time          (CrsTimelineModel *self,
                                               gint64            at);
/* The points of infusion @infusion (-1: all points) are
 * [*first, *first + *n) in index order. */
void    crs_timeline_model_get_infusion_points (CrsTimelineModel *self,
                                                int               infusion,
                                                guint            *first,
                                                guint            *n);
/* The time "now" stands for (set_now(), or the latest time in the data;
 * 0 when there is no data at all). */
gint64  crs_timeline_model_get_effective_now  (CrsTimelineModel *self);
/* The window drawn, in axis time (@to > @from always). */
void    crs_timeline_model_get_window         (CrsTimelineModel *self,
                                               gint64           *from,
                                               gint64           *to);

G_END_DECLS
