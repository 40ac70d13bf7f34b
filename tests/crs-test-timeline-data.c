/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-timeline-data.c: timeline models for the tests. */
#define G_LOG_DOMAIN "crs-test-timeline-data"

#include "config.h"

#include <math.h>

#include "core/crs-grading.h"
#include "crs-test-timeline-data.h"

#define M CRS_MISSING
#define D CRS_TIMELINE_DETERMINED
#define L CRS_TIMELINE_AT_LEAST
#define N CRS_TIMELINE_NOT_DETERMINED

typedef struct
{
  int             hours;
  int             crs;
  CrsTimelineKind crs_kind;
  int             icans;
  CrsTimelineKind icans_kind;
  int             news2;
  CrsTimelineKind news2_kind;
  double          temperature;
  int             stored_crs;
} PatientSet;

static const PatientSet patient_sets[] = {
  { -4, 0, D, 0, D, 1, D, 36.8, M },
  { 0, 0, D, 0, D, 1, D, 36.9, M },
  { 4, 0, D, 0, D, 1, D, 37.0, M },
  { 8, 0, D, 0, D, 1, D, 37.2, M },
  { 12, 0, D, 0, D, 2, D, 37.4, M },
  { 16, 0, D, 0, D, 2, D, 37.6, M },
  { 20, 1, D, 0, D, 3, D, 38.4, M },
  { 24, 1, D, 0, D, 3, D, 38.6, M },
  { 28, M, N, M, N, M, N, NAN, M },
  { 32, 1, L, 0, D, 3, L, 38.9, M },
  { 36, 2, D, 0, D, 5, D, 39.2, 1 },
  { 40, 2, D, 1, D, 7, D, 39.0, M },
  { 44, 1, D, 0, D, 4, D, 38.2, M },
  { 48, 0, D, 0, D, 2, D, 37.4, M },
  { 52, 0, D, 0, D, 1, D, 37.1, M },
  { 56, 0, D, 0, D, 1, D, 37.3, M },
  { 60, 1, D, 0, D, 2, D, 38.3, M },
  { 64, 1, D, 0, D, 3, D, 38.5, M },
  { 68, 0, D, 0, D, 2, D, 37.6, M },
  { 72, 0, D, 0, D, 1, D, 37.2, M },
  { 76, 0, D, 0, D, 1, D, 37.0, M },
  { 80, 0, D, 0, D, 1, D, 36.9, M },
  { 84, 0, D, 0, D, 0, D, 36.8, M },
  { 88, 0, D, 0, D, 0, D, 36.7, M },
  { 92, 0, D, 0, D, 0, D, 36.8, M },
  { 96, 0, D, 0, D, 0, D, 36.9, M },
};

guint
crs_test_timeline_index (int hours)
{
  for (guint i = 0; i < G_N_ELEMENTS (patient_sets); i++)
    if (patient_sets[i].hours == hours)
      return i;
  g_assert_not_reached ();
}

CrsTimelineModel *
crs_test_timeline_patient (void)
{
  CrsTimelineModel *model = crs_timeline_model_new ();
  CrsTimelinePoint points[G_N_ELEMENTS (patient_sets)];

  for (guint i = 0; i < G_N_ELEMENTS (patient_sets); i++)
    {
      const PatientSet *set = &patient_sets[i];
      CrsTimelinePoint *point = &points[i];

      crs_timeline_point_init (point, CRS_TEST_T0 + set->hours * CRS_TEST_HOUR);
      point->id = i + 1;
      point->crs = (CrsTimelineGrade) { set->crs, set->crs_kind, set->stored_crs };
      point->icans = (CrsTimelineGrade) { set->icans, set->icans_kind, M };
      point->news2 = set->news2;
      point->news2_kind = set->news2_kind;
      point->temperature_c = set->temperature;
    }
  crs_timeline_model_set_points (model, points, G_N_ELEMENTS (points));
  crs_timeline_model_add_infusion (model, CRS_TEST_T0, "Teclistamab, step-up dose 1",
                                   CRS_TEST_DAY, 3 * CRS_TEST_DAY);
  crs_timeline_model_add_infusion (model, CRS_TEST_T0 + 2 * CRS_TEST_DAY, "Teclistamab, step-up dose 2",
                                   CRS_TEST_DAY, 3 * CRS_TEST_DAY);
  crs_timeline_model_add_intervention (model, CRS_TEST_T0 + 22 * CRS_TEST_HOUR,
                                       CRS_INTERVENTION_ANTIPYRETIC, "Paracetamol 1 g PO");
  crs_timeline_model_add_intervention (model, CRS_TEST_T0 + 38 * CRS_TEST_HOUR,
                                       CRS_INTERVENTION_ANTI_CYTOKINE, "Tocilizumab 8 mg/kg IV");
  crs_timeline_model_add_intervention (model, CRS_TEST_T0 + 39 * CRS_TEST_HOUR,
                                       CRS_INTERVENTION_OXYGEN_CHANGE, "Nasal cannula 2 L/min");
  crs_timeline_model_add_intervention (model, CRS_TEST_T0 + 41 * CRS_TEST_HOUR,
                                       CRS_INTERVENTION_CORTICOSTEROID, "Dexamethasone 10 mg IV");
  crs_timeline_model_set_now (model, CRS_TEST_NOW);
  crs_timeline_model_set_fever_line (model, crs_fever_line_celsius ());
  return model;
}

CrsTimelineModel *
crs_test_timeline_many (guint  n,
                        gint64 interval)
{
  CrsTimelineModel *model = crs_timeline_model_new ();
  g_autofree CrsTimelinePoint *points = g_new (CrsTimelinePoint, MAX (n, 1));
  gint64 first = CRS_TEST_NOW - (gint64) (n > 0 ? n - 1 : 0) * interval;
  guint32 seed = 12345;

  for (guint i = 0; i < n; i++)
    {
      CrsTimelinePoint *point = &points[i];
      /* A slow wave over about three days, with some noise. */
      double phase = (double) (i * interval) / (3.0 * CRS_TEST_DAY) * 2 * G_PI;
      int crs, icans;

      seed = seed * 1103515245u + 12345u;
      crs = CLAMP ((int) lround (1.6 + 1.8 * sin (phase) + ((seed >> 16) % 3) * 0.4 - 0.4), 0, 4);
      icans = CLAMP ((int) lround (0.6 + 1.2 * sin (phase * 0.7 + 1)), 0, 4);
      crs_timeline_point_init (point, first + (gint64) i * interval);
      point->id = i + 1;
      point->crs = (CrsTimelineGrade) { crs, i % 7 == 3 ? L : D, M };
      point->icans = (CrsTimelineGrade) { icans, D, M };
      if (i % 50 == 17)
        point->crs.kind = point->icans.kind = N;
      point->news2 = CLAMP (crs * 2 + (int) ((seed >> 20) % 3), 0, 20);
      point->news2_kind = D;
      point->temperature_c = 37.0 + crs * 0.6 + ((seed >> 8) % 10) / 20.0;
    }
  crs_timeline_model_set_points (model, points, n);
  crs_timeline_model_add_infusion (model, first, "Axicabtagene ciloleucel", CRS_TEST_DAY, 7 * CRS_TEST_DAY);
  for (gint64 t = first + CRS_TEST_DAY; t < CRS_TEST_NOW; t += 5 * CRS_TEST_DAY)
    crs_timeline_model_add_intervention (model, t, CRS_INTERVENTION_ANTI_CYTOKINE, "Tocilizumab");
  crs_timeline_model_set_now (model, CRS_TEST_NOW);
  crs_timeline_model_set_fever_line (model, crs_fever_line_celsius ());
  return model;
}
