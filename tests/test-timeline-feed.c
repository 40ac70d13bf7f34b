/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-feed.c: the timeline chart fed from a patient's status
 * (report/crs-timeline-feed.h), without a display.
 *
 * Expected grades come from the rules in shared/clinical/grading.md
 * (§1 CRS: fever >= 38.0 °C, hypotension on one vasopressor = 3, fever
 * masked after tocilizumab given since onset; §5 NEWS2 chart 1; §6 the
 * floors of partial sets), not from the code under test; the onset
 * range of tisagenlecleucel (1-51 days, KYMRIAH ISI 2018) from the built
 * reference database. */
#define G_LOG_DOMAIN "test-timeline-feed"

#include "config.h"

#include <cairo.h>
#include <math.h>

#include "core/crs-patient-status.h"
#include "core/crs-risk.h"
#include "report/crs-timeline-feed.h"
#include "report/crs-timeline-render.h"
#include "store/crs-reference.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
/* 2024-03-01 12:00 UTC (the tests run with TZ=UTC). */
#define T0 ((gint64) 1709294400)

typedef struct
{
  CrsPatient *patient;
  GPtrArray  *sets;
  GPtrArray  *infusions;
  GPtrArray  *doses;
  CrsTherapy *therapy;
} Record;

static CrsObservation *
add_empty_set (Record *r,
               gint64  at)
{
  CrsObservation *obs = crs_observation_new ();

  obs->id = r->sets->len + 1;
  obs->patient_id = 1;
  obs->taken_at = at;
  obs->recorded_at = at + MINUTE;
  g_ptr_array_add (r->sets, obs);
  return obs;
}

/* A complete, normal adult set: CRS 0, ICANS 0 (ICE 10, awake), NEWS2 0. */
static CrsObservation *
add_set (Record *r,
         gint64  at)
{
  CrsObservation *obs = add_empty_set (r, at);

  obs->temperature_c = 37.0;
  obs->heart_rate = 70;
  obs->resp_rate = 16;
  obs->systolic = 120;
  obs->diastolic = 70;
  obs->spo2 = 98;
  obs->o2_device = CRS_O2_ROOM_AIR;
  obs->vasopressors = 0;
  obs->acvpu = CRS_ACVPU_ALERT;
  obs->arousal = CRS_AROUSAL_NORMAL;
  obs->ice_total = 10;
  return obs;
}

static CrsInfusion *
add_infusion (Record     *r,
              const char *code,
              const char *step,
              gint64      at)
{
  CrsInfusion *infusion = crs_infusion_new ();

  infusion->id = r->infusions->len + 1;
  infusion->patient_id = 1;
  infusion->therapy_code = g_strdup (code);
  infusion->step_label = g_strdup (step);
  infusion->start_at = at;
  g_ptr_array_add (r->infusions, infusion);
  return infusion;
}

/* An adult four days after tisagenlecleucel (rituximab a month before):
 *  0  T0-8h   normal                          CRS 0, ICANS 0, NEWS2 0
 *  1  T0-6h   fever 38.9, else normal         CRS 1, NEWS2 1 (temperature)
 *  2  T0-4h   39.2 °C and pulse 112 only      CRS at least 1 (no blood pressure,
 *                                             no oxygen), ICANS not determined,
 *                                             NEWS2 at least 4 (2 + 2)
 *  3  T0-2h   nothing recorded                not determined: a gap
 *     T0-3h   tocilizumab (after the fever of onset: masks fever)
 *  4  T0-20m  37.1 °C, one vasopressor,       CRS 3 now (fever masked), saved
 *             systolic 86, else normal        as 0 before the dose was recorded;
 *                                             NEWS2 3 (systolic <= 90) */
static void
record_init (Record *r,
             const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsReference) reference = crs_reference_open_default (&error);
  CrsObservation *obs;
  CrsIntervention *dose;

  g_assert_no_error (error);
  r->therapy = crs_reference_lookup (reference, "tisagenlecleucel", &error);
  g_assert_no_error (error);
  g_assert_nonnull (r->therapy);

  r->patient = crs_patient_new ();
  r->patient->id = 1;
  r->patient->mrn = g_strdup ("MRN-1");
  r->patient->birth_date = g_strdup (birth_date);
  r->sets = g_ptr_array_new_with_free_func (g_object_unref);
  r->infusions = g_ptr_array_new_with_free_func (g_object_unref);
  r->doses = g_ptr_array_new_with_free_func (g_object_unref);

  add_infusion (r, "rituximab", "first infusion", T0 - 30 * DAY);
  add_infusion (r, "tisagenlecleucel", NULL, T0 - 4 * DAY);

  add_set (r, T0 - 8 * HOUR);
  obs = add_set (r, T0 - 6 * HOUR);
  obs->temperature_c = 38.9;
  obs = add_empty_set (r, T0 - 4 * HOUR);
  obs->temperature_c = 39.2;
  obs->heart_rate = 112;
  obs = add_empty_set (r, T0 - 2 * HOUR);
  obs->note = g_strdup ("Patient in the bathroom");
  obs = add_set (r, T0 - 20 * MINUTE);
  obs->temperature_c = 37.1;
  obs->vasopressors = 1;
  obs->systolic = 86;
  obs->diastolic = 50;
  /* Saved before the dose was recorded: afebrile, CRS 0 then. */
  obs->stored_rules = g_strdup (crs_grading_rules ());
  obs->stored_crs_grade = 0;
  obs->stored_icans_grade = 0;

  dose = crs_intervention_new ();
  dose->patient_id = 1;
  dose->at = T0 - 3 * HOUR;
  dose->kind = CRS_INTERVENTION_ANTI_CYTOKINE;
  dose->drug = g_strdup ("tocilizumab");
  dose->dose = g_strdup ("8 mg/kg IV");
  g_ptr_array_add (r->doses, dose);
  dose = crs_intervention_new ();
  dose->patient_id = 1;
  dose->at = T0 - 2 * HOUR - 30 * MINUTE;
  dose->kind = CRS_INTERVENTION_OXYGEN_CHANGE;
  dose->note = g_strdup ("Nasal cannula 2 L/min");
  g_ptr_array_add (r->doses, dose);
}

static void
record_clear (Record *r)
{
  g_clear_object (&r->patient);
  g_clear_object (&r->therapy);
  g_clear_pointer (&r->sets, g_ptr_array_unref);
  g_clear_pointer (&r->infusions, g_ptr_array_unref);
  g_clear_pointer (&r->doses, g_ptr_array_unref);
}

static CrsPatientStatus *
status_of (Record *r)
{
  CrsPatientRecord record = { 0 };

  record.patient = r->patient;
  record.observations = r->sets;
  record.infusions = r->infusions;
  record.interventions = r->doses;
  record.therapy = r->therapy;
  return crs_patient_status_new (&record, NULL, T0);
}

static void
count_changed (CrsTimelineModel *model,
               guint            *count)
{
  (*count)++;
}

static void
assert_grade (const CrsTimelineGrade *grade,
              int                     value,
              CrsTimelineKind         kind)
{
  g_assert_cmpint (grade->kind, ==, kind);
  if (kind != CRS_TIMELINE_NOT_DETERMINED)
    g_assert_cmpint (grade->grade, ==, value);
}

/* ---------------------------------------------------------------------- */

static void
test_points (void)
{
  Record r;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autoptr(CrsTimelineModel) model = crs_timeline_model_new ();
  const CrsTimelinePoint *p;
  guint changed = 0;

  record_init (&r, "1970-01-01");
  status = status_of (&r);
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_72_HOURS);
  crs_timeline_model_set_show_news2 (model, TRUE);
  g_signal_connect (model, "changed", G_CALLBACK (count_changed), &changed);
  crs_timeline_feed_fill (model, status, r.infusions, r.doses);

  /* One redraw for the whole fill; the view settings kept. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (crs_timeline_model_get_range (model), ==, CRS_TIMELINE_RANGE_72_HOURS);
  g_assert_true (crs_timeline_model_get_show_news2 (model));
  g_assert_cmpint (crs_timeline_model_get_now (model), ==, T0);
  g_assert_cmpfloat (crs_timeline_model_get_fever_line (model), ==, 38.0);

  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, 5);
  p = crs_timeline_model_get_point (model, 0);
  g_assert_cmpint (p->at, ==, T0 - 8 * HOUR);
  g_assert_cmpint (p->id, ==, 1);
  assert_grade (&p->crs, 0, CRS_TIMELINE_DETERMINED);
  assert_grade (&p->icans, 0, CRS_TIMELINE_DETERMINED);
  g_assert_cmpint (p->news2, ==, 0);
  g_assert_cmpint (p->news2_kind, ==, CRS_TIMELINE_DETERMINED);
  g_assert_cmpfloat (p->temperature_c, ==, 37.0);

  p = crs_timeline_model_get_point (model, 1);
  assert_grade (&p->crs, 1, CRS_TIMELINE_DETERMINED);
  g_assert_cmpint (p->news2, ==, 1);
  g_assert_cmpint (p->crs.stored_grade, ==, CRS_MISSING);

  p = crs_timeline_model_get_point (model, 2);
  assert_grade (&p->crs, 1, CRS_TIMELINE_AT_LEAST);
  assert_grade (&p->icans, 0, CRS_TIMELINE_NOT_DETERMINED);
  g_assert_cmpint (p->news2, ==, 4);
  g_assert_cmpint (p->news2_kind, ==, CRS_TIMELINE_AT_LEAST);
  g_assert_cmpfloat (p->temperature_c, ==, 39.2);

  p = crs_timeline_model_get_point (model, 3);
  assert_grade (&p->crs, 0, CRS_TIMELINE_NOT_DETERMINED);
  assert_grade (&p->icans, 0, CRS_TIMELINE_NOT_DETERMINED);
  g_assert_cmpint (p->news2, ==, CRS_MISSING);
  g_assert_true (isnan (p->temperature_c));

  /* Graded as of now, with the grade saved at entry beside it. */
  p = crs_timeline_model_get_point (model, 4);
  assert_grade (&p->crs, 3, CRS_TIMELINE_DETERMINED);
  g_assert_cmpint (p->crs.stored_grade, ==, 0);
  assert_grade (&p->icans, 0, CRS_TIMELINE_DETERMINED);
  g_assert_cmpint (p->icans.stored_grade, ==, CRS_MISSING);
  g_assert_cmpint (p->news2, ==, 3);

  /* Every point is the status's own grading of its set. */
  for (guint i = 0; i < status->sets->len; i++)
    {
      const CrsGrading *g = &g_array_index (status->gradings, CrsGrading, i);
      CrsCertainty c = crs_grading_crs_certainty (g);

      p = crs_timeline_model_get_point (model, i);
      g_assert_cmpint (p->id, ==, ((CrsObservation *) g_ptr_array_index (status->sets, i))->id);
      g_assert_cmpint (p->crs.kind, ==, c == CRS_CERTAINTY_DETERMINED ? CRS_TIMELINE_DETERMINED
                                        : c == CRS_CERTAINTY_AT_LEAST ? CRS_TIMELINE_AT_LEAST
                                        : CRS_TIMELINE_NOT_DETERMINED);
      if (c != CRS_CERTAINTY_NOT_DETERMINED)
        g_assert_cmpint (p->crs.grade, ==, crs_grading_crs_value (g));
    }

  /* Infusions: the current one labelled with its therapy and shading the
   * window the status reports; the other therapy's not known. */
  g_assert_cmpuint (crs_timeline_model_get_n_infusions (model), ==, 2);
  {
    const CrsTimelineInfusion *ritux = crs_timeline_model_get_infusion (model, 0);
    const CrsTimelineInfusion *tisa = crs_timeline_model_get_infusion (model, 1);
    gint64 from, to;

    g_assert_cmpstr (ritux->label, ==, "rituximab, first infusion");
    g_assert_cmpint (ritux->onset_from, ==, CRS_TIMELINE_UNKNOWN);
    g_assert_cmpstr (tisa->label, ==, "tisagenlecleucel");
    g_assert_cmpint (tisa->start_at, ==, T0 - 4 * DAY);
    g_assert_true (crs_monitoring_onset_span (g_ptr_array_index (r.infusions, 1), r.therapy, &from, &to));
    g_assert_cmpint (tisa->onset_from, ==, from);
    g_assert_cmpint (tisa->onset_to, ==, to);
    /* Day 1 (midnight after a 12:00 start) to the end of day 51. */
    g_assert_cmpint (tisa->onset_from, ==, 12 * HOUR);
    g_assert_cmpint (tisa->onset_to, ==, 12 * HOUR + 51 * DAY);
  }
  g_assert_cmpuint (crs_timeline_model_get_n_interventions (model), ==, 2);
  g_assert_cmpstr (crs_timeline_model_get_intervention (model, 0)->text, ==, "tocilizumab 8 mg/kg IV");
  g_assert_cmpint (crs_timeline_model_get_intervention (model, 0)->kind, ==, CRS_INTERVENTION_ANTI_CYTOKINE);
  g_assert_cmpstr (crs_timeline_model_get_intervention (model, 1)->text, ==, "Nasal cannula 2 L/min");

  /* Fed again (a set saved): replaced, not added to. */
  add_set (&r, T0 - 5 * MINUTE);
  {
    g_autoptr(CrsPatientStatus) again = status_of (&r);

    crs_timeline_feed_fill (model, again, r.infusions, r.doses);
  }
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, 6);
  g_assert_cmpuint (crs_timeline_model_get_n_infusions (model), ==, 2);
  g_assert_cmpuint (crs_timeline_model_get_n_interventions (model), ==, 2);

  record_clear (&r);
}

/* Drawn as fed: the lower bound as an open marker, nothing at all where
 * the grade is not determined (no step covers the gap). */
static void
test_drawn (void)
{
  Record r;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autoptr(CrsTimelineModel) model = crs_timeline_model_new ();
  g_autoptr(CrsTimelineLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 420);
  cairo_t *cr = cairo_create (surface);
  CrsTimelineStyle style;
  const CrsTimelineMarker *markers;
  const CrsTimelineStep *steps;
  guint n_markers, n_steps;
  gboolean open_marker = FALSE;
  double gap_x, x3, x4;

  record_init (&r, "1970-01-01");
  status = status_of (&r);
  crs_timeline_model_set_range (model, CRS_TIMELINE_RANGE_24_HOURS);
  crs_timeline_feed_fill (model, status, r.infusions, r.doses);
  crs_timeline_style_init_default (&style);
  layout = crs_timeline_layout_new (cr, 900, 420, &style, model);
  crs_timeline_layout_draw (layout, cr);

  markers = crs_timeline_layout_get_markers (layout, CRS_TIMELINE_SERIES_CRS, &n_markers);
  for (guint i = 0; i < n_markers; i++)
    {
      g_assert_cmpuint (markers[i].point, !=, 3);
      if (markers[i].point == 2)
        {
          g_assert_cmpint (markers[i].kind, ==, CRS_TIMELINE_AT_LEAST);
          g_assert_cmpfloat_with_epsilon (markers[i].y, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 1), 0.5);
          open_marker = TRUE;
        }
    }
  g_assert_true (open_marker);
  g_assert_false (crs_timeline_layout_get_point_position (layout, 3, CRS_TIMELINE_SERIES_CRS, NULL, NULL));
  g_assert_true (crs_timeline_layout_get_point_position (layout, 4, CRS_TIMELINE_SERIES_CRS, &x4, NULL));
  x3 = crs_timeline_layout_x_for_time (layout, T0 - 2 * HOUR);
  gap_x = (x3 + x4) / 2;
  steps = crs_timeline_layout_get_steps (layout, CRS_TIMELINE_SERIES_CRS, &n_steps);
  g_assert_cmpuint (n_steps, >, 0);
  for (guint i = 0; i < n_steps; i++)
    g_assert_false (steps[i].x0 < gap_x && steps[i].x1 > gap_x);
  /* The latest grade holds from its set to now, at 3. */
  g_assert_cmpfloat_with_epsilon (steps[n_steps - 1].y, crs_timeline_layout_y_for_value (layout, CRS_TIMELINE_SERIES_CRS, 3), 0.5);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  record_clear (&r);
}

/* A child under the ward's NEWS2 age (16): no NEWS2 point at all, even
 * for a complete set; CRS as for anyone. */
static void
test_child_no_news2 (void)
{
  Record r;
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autoptr(CrsTimelineModel) model = crs_timeline_model_new ();

  record_init (&r, "2014-01-01");
  status = status_of (&r);
  crs_timeline_feed_fill (model, status, r.infusions, NULL);
  for (guint i = 0; i < crs_timeline_model_get_n_points (model); i++)
    g_assert_cmpint (crs_timeline_model_get_point (model, i)->news2, ==, CRS_MISSING);
  assert_grade (&crs_timeline_model_get_point (model, 1)->crs, 1, CRS_TIMELINE_DETERMINED);
  g_assert_cmpuint (crs_timeline_model_get_n_interventions (model), ==, 0);
  record_clear (&r);
}

/* Nothing recorded: an empty chart that still knows now. */
static void
test_empty (void)
{
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autoptr(CrsTimelineModel) model = crs_timeline_model_new ();
  CrsPatientRecord record = { 0 };
  guint changed = 0;

  patient->id = 1;
  patient->mrn = g_strdup ("MRN-2");
  record.patient = patient;
  status = crs_patient_status_new (&record, NULL, T0);
  g_signal_connect (model, "changed", G_CALLBACK (count_changed), &changed);
  crs_timeline_feed_fill (model, status, NULL, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (crs_timeline_model_get_n_points (model), ==, 0);
  g_assert_cmpuint (crs_timeline_model_get_n_infusions (model), ==, 0);
  g_assert_cmpint (crs_timeline_model_get_now (model), ==, T0);
}

/* Freezing nests, and a thaw with nothing changed says nothing. */
static void
test_freeze (void)
{
  g_autoptr(CrsTimelineModel) model = crs_timeline_model_new ();
  guint changed = 0;

  g_signal_connect (model, "changed", G_CALLBACK (count_changed), &changed);
  crs_timeline_model_freeze_changed (model);
  crs_timeline_model_thaw_changed (model);
  g_assert_cmpuint (changed, ==, 0);
  crs_timeline_model_freeze_changed (model);
  crs_timeline_model_freeze_changed (model);
  crs_timeline_model_add_intervention (model, T0, CRS_INTERVENTION_ANTIPYRETIC, NULL);
  crs_timeline_model_add_intervention (model, T0 + 1, CRS_INTERVENTION_ANTIPYRETIC, NULL);
  crs_timeline_model_thaw_changed (model);
  g_assert_cmpuint (changed, ==, 0);
  crs_timeline_model_thaw_changed (model);
  g_assert_cmpuint (changed, ==, 1);
  crs_timeline_model_set_show_news2 (model, TRUE);
  g_assert_cmpuint (changed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timeline-feed/points", test_points);
  g_test_add_func ("/timeline-feed/drawn", test_drawn);
  g_test_add_func ("/timeline-feed/child-no-news2", test_child_no_news2);
  g_test_add_func ("/timeline-feed/empty", test_empty);
  g_test_add_func ("/timeline-feed/freeze", test_freeze);

  return g_test_run ();
}
