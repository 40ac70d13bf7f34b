/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-grade-pews.c: the NHS England national PEWS charts (2023) at every
 * band edge of every parameter in all four age bands, the skip codes, the
 * oxygen devices, every trigger and level, partial sets, and scoring on
 * the chart the nurse chose (the chooser itself is in test-pews-chart.c).
 *
 * Expected scores are copied from shared/clinical/pews.md (§2.2-2.6 for
 * the parameters every band shares, §3.1-3.4 for respiratory rate, heart
 * rate and systolic pressure per band, §4 for levels and triggers) and the
 * decisions of grading.md §7 (G1 5-12 years RR 10-14 scores 2; G2 1-4
 * years HR < 60 scores 4; G3 capillary refill between 2 and 3 s scores 2;
 * G4 any oxygen scores at least 1; G5 only blood pressure has skip codes),
 * not from the code. Each band edge is tested on both sides: the S2 lower
 * bound belongs to its band. */
#define G_LOG_DOMAIN "test-grade-pews"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "core/crs-grade-pews.h"

/* An age in completed months inside each band. */
#define AGE_0_11  6
#define AGE_1_4   36
#define AGE_5_12  96
#define AGE_13    168

typedef struct
{
  CrsPewsBand  band;
  int          age_months;
  CrsPewsParam param;
  int          value;
  int          expected;
} EdgeCase;

/* The edge at @lo: @lo - 1 scores @below, @lo scores @at. */
#define EDGE(band, age, param, lo, below, at) \
  { band, age, param, (lo) - 1, below }, { band, age, param, lo, at }

#define I0(p, lo, b, a) EDGE (CRS_PEWS_BAND_0_11_MONTHS, AGE_0_11, p, lo, b, a)
#define T1(p, lo, b, a) EDGE (CRS_PEWS_BAND_1_4_YEARS, AGE_1_4, p, lo, b, a)
#define C5(p, lo, b, a) EDGE (CRS_PEWS_BAND_5_12_YEARS, AGE_5_12, p, lo, b, a)
#define A13(p, lo, b, a) EDGE (CRS_PEWS_BAND_13_YEARS, AGE_13, p, lo, b, a)

static const EdgeCase edge_cases[] = {
  /* 0-11 months (pews.md §3.1). RR: < 10 4; 10-19.99 2; 20-29.99 1;
   * 30-49.99 0; 50-59.99 1; 60-69.99 2; >= 70 4. */
  I0 (CRS_PEWS_RR, 10, 4, 2), I0 (CRS_PEWS_RR, 20, 2, 1), I0 (CRS_PEWS_RR, 30, 1, 0),
  I0 (CRS_PEWS_RR, 50, 0, 1), I0 (CRS_PEWS_RR, 60, 1, 2), I0 (CRS_PEWS_RR, 70, 2, 4),
  /* HR: < 80 4; 80-89.99 2; 90-109.99 1; 110-149.99 0; 150-169.99 1;
   * 170-179.99 2; >= 180 4. */
  I0 (CRS_PEWS_HEART_RATE, 80, 4, 2), I0 (CRS_PEWS_HEART_RATE, 90, 2, 1),
  I0 (CRS_PEWS_HEART_RATE, 110, 1, 0), I0 (CRS_PEWS_HEART_RATE, 150, 0, 1),
  I0 (CRS_PEWS_HEART_RATE, 170, 1, 2), I0 (CRS_PEWS_HEART_RATE, 180, 2, 4),
  /* SBP: < 50 4; 50-59.99 2; 60-69.99 1; 70-89.99 0; 90-99.99 1;
   * 100-109.99 2; >= 110 4. */
  I0 (CRS_PEWS_SYSTOLIC, 50, 4, 2), I0 (CRS_PEWS_SYSTOLIC, 60, 2, 1),
  I0 (CRS_PEWS_SYSTOLIC, 70, 1, 0), I0 (CRS_PEWS_SYSTOLIC, 90, 0, 1),
  I0 (CRS_PEWS_SYSTOLIC, 100, 1, 2), I0 (CRS_PEWS_SYSTOLIC, 110, 2, 4),

  /* 1-4 years (§3.2). RR: < 10 4; 10-19.99 2; 20-39.99 0; 40-49.99 1;
   * 50-59.99 2; >= 60 4 (no yellow band on the low side). */
  T1 (CRS_PEWS_RR, 10, 4, 2), T1 (CRS_PEWS_RR, 20, 2, 0), T1 (CRS_PEWS_RR, 40, 0, 1),
  T1 (CRS_PEWS_RR, 50, 1, 2), T1 (CRS_PEWS_RR, 60, 2, 4),
  /* HR: < 60 4 (G2); 60-69.99 2; 70-89.99 1; 90-139.99 0; 140-149.99 1;
   * 150-169.99 2; >= 170 4. */
  T1 (CRS_PEWS_HEART_RATE, 60, 4, 2), T1 (CRS_PEWS_HEART_RATE, 70, 2, 1),
  T1 (CRS_PEWS_HEART_RATE, 90, 1, 0), T1 (CRS_PEWS_HEART_RATE, 140, 0, 1),
  T1 (CRS_PEWS_HEART_RATE, 150, 1, 2), T1 (CRS_PEWS_HEART_RATE, 170, 2, 4),
  /* SBP: < 50 4; 50-59.99 2; 60-79.99 1; 80-99.99 0; 100-119.99 1;
   * 120-129.99 2; >= 130 4. */
  T1 (CRS_PEWS_SYSTOLIC, 50, 4, 2), T1 (CRS_PEWS_SYSTOLIC, 60, 2, 1),
  T1 (CRS_PEWS_SYSTOLIC, 80, 1, 0), T1 (CRS_PEWS_SYSTOLIC, 100, 0, 1),
  T1 (CRS_PEWS_SYSTOLIC, 120, 1, 2), T1 (CRS_PEWS_SYSTOLIC, 130, 2, 4),

  /* 5-12 years (§3.3). RR: < 10 4; 10-14.99 2 (G1); 15-19.99 1;
   * 20-24.99 0; 25-39.99 1; 40-49.99 2; >= 50 4. */
  C5 (CRS_PEWS_RR, 10, 4, 2), C5 (CRS_PEWS_RR, 15, 2, 1), C5 (CRS_PEWS_RR, 20, 1, 0),
  C5 (CRS_PEWS_RR, 25, 0, 1), C5 (CRS_PEWS_RR, 40, 1, 2), C5 (CRS_PEWS_RR, 50, 2, 4),
  /* HR: < 60 4; 60-69.99 2; 70-79.99 1; 80-119.99 0; 120-139.99 1;
   * 140-159.99 2; >= 160 4. */
  C5 (CRS_PEWS_HEART_RATE, 60, 4, 2), C5 (CRS_PEWS_HEART_RATE, 70, 2, 1),
  C5 (CRS_PEWS_HEART_RATE, 80, 1, 0), C5 (CRS_PEWS_HEART_RATE, 120, 0, 1),
  C5 (CRS_PEWS_HEART_RATE, 140, 1, 2), C5 (CRS_PEWS_HEART_RATE, 160, 2, 4),
  /* SBP: < 70 4; 70-79.99 2; 80-89.99 1; 90-109.99 0; 110-119.99 1;
   * 120-129.99 2; >= 130 4. */
  C5 (CRS_PEWS_SYSTOLIC, 70, 4, 2), C5 (CRS_PEWS_SYSTOLIC, 80, 2, 1),
  C5 (CRS_PEWS_SYSTOLIC, 90, 1, 0), C5 (CRS_PEWS_SYSTOLIC, 110, 0, 1),
  C5 (CRS_PEWS_SYSTOLIC, 120, 1, 2), C5 (CRS_PEWS_SYSTOLIC, 130, 2, 4),

  /* 13 years and over (§3.4). RR: < 10 4; 10-14.99 1; 15-24.99 0;
   * 25-29.99 1; 30-39.99 2; >= 40 4. */
  A13 (CRS_PEWS_RR, 10, 4, 1), A13 (CRS_PEWS_RR, 15, 1, 0), A13 (CRS_PEWS_RR, 25, 0, 1),
  A13 (CRS_PEWS_RR, 30, 1, 2), A13 (CRS_PEWS_RR, 40, 2, 4),
  /* HR: < 50 4; 50-59.99 2; 60-69.99 1; 70-99.99 0; 100-119.99 1;
   * 120-129.99 2; >= 130 4. */
  A13 (CRS_PEWS_HEART_RATE, 50, 4, 2), A13 (CRS_PEWS_HEART_RATE, 60, 2, 1),
  A13 (CRS_PEWS_HEART_RATE, 70, 1, 0), A13 (CRS_PEWS_HEART_RATE, 100, 0, 1),
  A13 (CRS_PEWS_HEART_RATE, 120, 1, 2), A13 (CRS_PEWS_HEART_RATE, 130, 2, 4),
  /* SBP: < 80 4; 80-89.99 2; 90-99.99 1; 100-119.99 0; 120-129.99 1;
   * 130-139.99 2; >= 140 4. */
  A13 (CRS_PEWS_SYSTOLIC, 80, 4, 2), A13 (CRS_PEWS_SYSTOLIC, 90, 2, 1),
  A13 (CRS_PEWS_SYSTOLIC, 100, 1, 0), A13 (CRS_PEWS_SYSTOLIC, 120, 0, 1),
  A13 (CRS_PEWS_SYSTOLIC, 130, 1, 2), A13 (CRS_PEWS_SYSTOLIC, 140, 2, 4),
};

static const CrsPewsBand all_bands[] = {
  CRS_PEWS_BAND_0_11_MONTHS, CRS_PEWS_BAND_1_4_YEARS, CRS_PEWS_BAND_5_12_YEARS, CRS_PEWS_BAND_13_YEARS,
};
static const int band_ages[] = { AGE_0_11, AGE_1_4, AGE_5_12, AGE_13 };

static const char *
param_id (CrsPewsParam param)
{
  switch (param)
    {
    case CRS_PEWS_RR: return "rr";
    case CRS_PEWS_RESP_DISTRESS: return "resp-distress";
    case CRS_PEWS_SPO2: return "spo2";
    case CRS_PEWS_OXYGEN: return "oxygen";
    case CRS_PEWS_HEART_RATE: return "hr";
    case CRS_PEWS_SYSTOLIC: return "sbp";
    case CRS_PEWS_CRT: return "crt";
    case CRS_PEWS_N_PARAMS:
    default: g_assert_not_reached ();
    }
}

static void
test_edge (gconstpointer data)
{
  const EdgeCase *c = data;
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;

  if (c->param == CRS_PEWS_RR)
    observation->resp_rate = c->value;
  else if (c->param == CRS_PEWS_HEART_RATE)
    observation->heart_rate = c->value;
  else
    observation->systolic = c->value;

  pews = crs_pews_new (observation, c->age_months, NULL);
  g_assert_cmpint (pews->band, ==, c->band);
  g_assert_cmpint (pews->scores[c->param], ==, c->expected);
  /* Only that parameter was recorded: a partial set at least that high. */
  g_assert_false (pews->complete);
  g_assert_cmpint (pews->total, ==, CRS_MISSING);
  g_assert_cmpint (pews->total_at_least, ==, c->expected);
  g_assert_cmpuint (pews->missing->len, ==, CRS_PEWS_N_PARAMS - 1);
  g_assert_cmpuint (pews->reasons->len, ==, c->expected > 0 ? 1 : 0);
}

/* The same value scores by the band's own table: the chart is chosen by
 * age, and no edge of one band leaks into another. */
static void
test_edges_differ_by_band (void)
{
  /* RR 12: 0-11 m 2, 1-4 y 2, 5-12 y 2 (G1), >= 13 y 1. HR 130: 0-11 m 0,
   * 1-4 y 0, 5-12 y 1, >= 13 y 4. SBP 100: 0-11 m 2, 1-4 y 1, 5-12 y 0,
   * >= 13 y 0. */
  static const int rr12[] = { 2, 2, 2, 1 };
  static const int hr130[] = { 0, 0, 1, 4 };
  static const int sbp100[] = { 2, 1, 0, 0 };

  for (guint b = 0; b < G_N_ELEMENTS (all_bands); b++)
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(CrsPews) pews = NULL;

      observation->resp_rate = 12;
      observation->heart_rate = 130;
      observation->systolic = 100;
      pews = crs_pews_new (observation, band_ages[b], NULL);
      g_assert_cmpint (pews->band, ==, all_bands[b]);
      g_assert_cmpint (pews->scores[CRS_PEWS_RR], ==, rr12[b]);
      g_assert_cmpint (pews->scores[CRS_PEWS_HEART_RATE], ==, hr130[b]);
      g_assert_cmpint (pews->scores[CRS_PEWS_SYSTOLIC], ==, sbp100[b]);
    }
}

/* ---- Parameters shared by all four bands ---------------------------- */

typedef struct
{
  const char     *name;
  int             spo2;
  CrsRespDistress distress;
  double          crt;
  int             sbp;
  CrsBpSkip       skip;
  CrsPewsParam    param;
  int             expected;
} SharedCase;

#define SPO2(v, s) { "spo2 " #v, v, CRS_RESP_DISTRESS_UNSET, NAN, CRS_MISSING, CRS_BP_SKIP_UNSET, CRS_PEWS_SPO2, s }
#define RD(d, s) { "distress " #d, CRS_MISSING, d, NAN, CRS_MISSING, CRS_BP_SKIP_UNSET, CRS_PEWS_RESP_DISTRESS, s }
#define CRT(v, s) { "crt " #v, CRS_MISSING, CRS_RESP_DISTRESS_UNSET, v, CRS_MISSING, CRS_BP_SKIP_UNSET, CRS_PEWS_CRT, s }
#define SKIP(k, sbp, s) { "bp skip " #k " sbp " #sbp, CRS_MISSING, CRS_RESP_DISTRESS_UNSET, NAN, sbp, k, CRS_PEWS_SYSTOLIC, s }

static const SharedCase shared_cases[] = {
  /* SpO2 (§2.2): >= 95 0; 92-94 1; <= 91 4; no 2. */
  SPO2 (100, 0), SPO2 (95, 0), SPO2 (94, 1), SPO2 (92, 1), SPO2 (91, 4), SPO2 (70, 4),
  /* Respiratory distress (§2.4): none 0, mild 1, moderate 2, severe 4. */
  RD (CRS_RESP_DISTRESS_NONE, 0), RD (CRS_RESP_DISTRESS_MILD, 1),
  RD (CRS_RESP_DISTRESS_MODERATE, 2), RD (CRS_RESP_DISTRESS_SEVERE, 4),
  RD (CRS_RESP_DISTRESS_UNSET, CRS_MISSING),
  /* Capillary refill (§2.5): <= 2 s 0; >= 3 s 2; between: 2 (G3). */
  CRT (0.0, 0), CRT (1.0, 0), CRT (2.0, 0), CRT (2.01, 2), CRT (2.5, 2), CRT (2.99, 2),
  CRT (3.0, 2), CRT (8.0, 2), CRT (NAN, CRS_MISSING),
  /* Skip codes (§2.6): NCO 0, U0 0, U4 4. With a systolic as well the
   * higher counts; the systolic cases are the 5-12 chart's (SBP 100: 0,
   * SBP 65: 4) and are only run in that band. */
  SKIP (CRS_BP_SKIP_NCO, CRS_MISSING, 0), SKIP (CRS_BP_SKIP_U0, CRS_MISSING, 0),
  SKIP (CRS_BP_SKIP_U4, CRS_MISSING, 4), SKIP (CRS_BP_SKIP_UNSET, CRS_MISSING, CRS_MISSING),
};

static void
test_shared (gconstpointer data)
{
  const SharedCase *c = data;

  for (guint b = 0; b < G_N_ELEMENTS (all_bands); b++)
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(CrsPews) pews = NULL;

      observation->spo2 = c->spo2;
      observation->resp_distress = c->distress;
      observation->crt_s = c->crt;
      observation->systolic = c->sbp;
      observation->bp_skip = c->skip;
      pews = crs_pews_new (observation, band_ages[b], NULL);
      g_assert_cmpint (pews->scores[c->param], ==, c->expected);
      g_assert_cmpint (pews->total_at_least, ==, MAX (c->expected, 0));
    }
}

static void
test_skip_with_systolic (void)
{
  static const struct { int sbp; CrsBpSkip skip; int expected; } cases[] = {
    { 100, CRS_BP_SKIP_U4, 4 },    /* SBP 100 scores 0 on 5-12: U4 is higher */
    { 65, CRS_BP_SKIP_NCO, 4 },    /* SBP 65 scores 4 on 5-12 (< 70) */
    { 100, CRS_BP_SKIP_U0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(CrsPews) pews = NULL;

      observation->systolic = cases[i].sbp;
      observation->bp_skip = cases[i].skip;
      pews = crs_pews_new (observation, AGE_5_12, NULL);
      g_assert_cmpint (pews->scores[CRS_PEWS_SYSTOLIC], ==, cases[i].expected);
    }
}

/* A skip code needs no chart: it scores for an unknown age too. */
static void
test_skip_without_age (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;

  observation->bp_skip = CRS_BP_SKIP_U4;
  pews = crs_pews_new (observation, -1, NULL);
  g_assert_cmpint (pews->band, ==, CRS_PEWS_BAND_UNSET);
  g_assert_cmpint (pews->scores[CRS_PEWS_SYSTOLIC], ==, 4);
  g_assert_cmpstr (g_ptr_array_index (pews->reasons, 0), ==,
                   "blood pressure U4 (4)");
}

/* ---- Oxygen ------------------------------------------------------------ */

typedef struct
{
  const char  *name;
  CrsO2Device  device;
  double       percent;
  double       flow;
  int          fio2;
  int          expected;
  gboolean     level_missing;   /* the device scores by a level not recorded */
} OxygenCase;

#define O2(n, d, p, f, fio2, s, m) { n, d, p, f, fio2, s, m }

static const OxygenCase oxygen_cases[] = {
  /* "Air / No Support - White - Scores 0". */
  O2 ("room air", CRS_O2_ROOM_AIR, NAN, NAN, CRS_MISSING, 0, FALSE),
  O2 ("room air 21%", CRS_O2_ROOM_AIR, 21, NAN, CRS_MISSING, 0, FALSE),
  O2 ("nothing recorded", CRS_O2_UNSET, NAN, NAN, CRS_MISSING, CRS_MISSING, FALSE),
  /* %: 16-29.99 1 (and below 16 still 1, G4); 30-49.99 2; >= 50 4;
   * between 29.99 and 30 the higher (S3 C1.4). */
  O2 ("percent 15", CRS_O2_NASAL_CANNULA, 15, NAN, CRS_MISSING, 1, FALSE),
  O2 ("percent 21 no device", CRS_O2_UNSET, 21, NAN, CRS_MISSING, 1, FALSE),
  O2 ("percent 29", CRS_O2_FACE_MASK, 29, NAN, CRS_MISSING, 1, FALSE),
  O2 ("percent 29.99", CRS_O2_FACE_MASK, 29.99, NAN, CRS_MISSING, 1, FALSE),
  O2 ("percent 29.995", CRS_O2_FACE_MASK, 29.995, NAN, CRS_MISSING, 2, FALSE),
  O2 ("percent 30", CRS_O2_FACE_MASK, 30, NAN, CRS_MISSING, 2, FALSE),
  O2 ("percent 49.99", CRS_O2_FACE_MASK, 49.99, NAN, CRS_MISSING, 2, FALSE),
  O2 ("percent 50", CRS_O2_FACE_MASK, 50, NAN, CRS_MISSING, 4, FALSE),
  O2 ("percent 100", CRS_O2_NON_REBREATHER, 100, NAN, CRS_MISSING, 4, FALSE),
  /* L/min: 0.01-1.99 1; 2-5.99 2; >= 6 4. */
  O2 ("flow 0.01", CRS_O2_NASAL_CANNULA, NAN, 0.01, CRS_MISSING, 1, FALSE),
  O2 ("flow 1.99", CRS_O2_NASAL_CANNULA, NAN, 1.99, CRS_MISSING, 1, FALSE),
  O2 ("flow 2", CRS_O2_NASAL_CANNULA, NAN, 2, CRS_MISSING, 2, FALSE),
  O2 ("flow 5.99", CRS_O2_NASAL_CANNULA, NAN, 5.99, CRS_MISSING, 2, FALSE),
  O2 ("flow 6", CRS_O2_FACE_MASK, NAN, 6, CRS_MISSING, 4, FALSE),
  O2 ("flow 15 non-rebreather", CRS_O2_NON_REBREATHER, NAN, 15, CRS_MISSING, 4, FALSE),
  O2 ("flow 3 no device", CRS_O2_UNSET, NAN, 3, CRS_MISSING, 2, FALSE),
  /* HF, BiPAP, CPAP score 4 and override the level. */
  O2 ("high flow 1 L/min", CRS_O2_HFNC, NAN, 1, CRS_MISSING, 4, FALSE),
  O2 ("high flow no level", CRS_O2_HFNC, NAN, NAN, CRS_MISSING, 4, FALSE),
  O2 ("cpap 25%", CRS_O2_CPAP, 25, NAN, CRS_MISSING, 4, FALSE),
  O2 ("bipap", CRS_O2_BIPAP, NAN, NAN, CRS_MISSING, 4, FALSE),
  O2 ("ventilator", CRS_O2_VENTILATOR, 30, NAN, CRS_MISSING, 4, FALSE),
  /* Devices that score as per oxygen, with no level: at least 1 (G4). */
  O2 ("nasal cannula no level", CRS_O2_NASAL_CANNULA, NAN, NAN, CRS_MISSING, 1, TRUE),
  O2 ("blow-by no level", CRS_O2_BLOW_BY, NAN, NAN, CRS_MISSING, 1, TRUE),
  O2 ("venturi 40%", CRS_O2_VENTURI, 40, NAN, CRS_MISSING, 2, FALSE),
  /* Both % and L/min: the higher. */
  O2 ("25% and 4 L/min", CRS_O2_FACE_MASK, 25, 4, CRS_MISSING, 2, FALSE),
  O2 ("55% and 1 L/min", CRS_O2_FACE_MASK, 55, 1, CRS_MISSING, 4, FALSE),
  /* FiO2 is the same measure when no % was recorded; 21 % is air. */
  O2 ("fio2 40", CRS_O2_NASAL_CANNULA, NAN, NAN, 40, 2, FALSE),
  O2 ("fio2 21 no device", CRS_O2_UNSET, NAN, NAN, 21, CRS_MISSING, FALSE),
  O2 ("percent 25 over fio2 60", CRS_O2_FACE_MASK, 25, NAN, 60, 1, FALSE),
  /* Room air with a flow (the form refuses it): the higher. */
  O2 ("room air with 2 L/min", CRS_O2_ROOM_AIR, NAN, 2, CRS_MISSING, 2, FALSE),
};

static void
test_oxygen (gconstpointer data)
{
  const OxygenCase *c = data;

  for (guint b = 0; b < G_N_ELEMENTS (all_bands); b++)
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(CrsPews) pews = NULL;
      gboolean level_named = FALSE;
      gboolean oxygen_named = FALSE;

      observation->o2_device = c->device;
      observation->o2_percent = c->percent;
      observation->o2_flow_l_min = c->flow;
      observation->fio2_percent = c->fio2;
      pews = crs_pews_new (observation, band_ages[b], NULL);
      g_assert_cmpint (pews->scores[CRS_PEWS_OXYGEN], ==, c->expected);

      for (guint i = 0; i < pews->missing->len; i++)
        {
          const char *name = g_ptr_array_index (pews->missing, i);
          level_named |= g_strcmp0 (name, "oxygen percentage or flow") == 0;
          oxygen_named |= g_strcmp0 (name, "oxygen") == 0;
        }
      g_assert_cmpint (level_named, ==, c->level_missing);
      g_assert_cmpint (oxygen_named, ==, c->expected == CRS_MISSING);
    }
}

static void
test_oxygen_reasons (void)
{
  static const struct { CrsO2Device device; double percent; double flow; const char *reason; } cases[] = {
    { CRS_O2_HFNC, NAN, 1, "high-flow nasal cannula (4)" },
    { CRS_O2_FACE_MASK, 35, NAN, "oxygen 35% (2)" },
    { CRS_O2_NASAL_CANNULA, NAN, 1.5, "oxygen 1.5 L/min (1)" },
    { CRS_O2_NASAL_CANNULA, NAN, NAN, "nasal cannula, no oxygen percentage or flow recorded (at least 1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(CrsPews) pews = NULL;

      observation->o2_device = cases[i].device;
      observation->o2_percent = cases[i].percent;
      observation->o2_flow_l_min = cases[i].flow;
      pews = crs_pews_new (observation, AGE_5_12, NULL);
      g_assert_cmpuint (pews->reasons->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (pews->reasons, 0), ==, cases[i].reason);
    }
}

/* ---- Totals, levels and triggers -------------------------------------- */

/* A complete 5-12 years set scoring 0 everywhere (§3.3 and §2): RR 22,
 * no distress, SpO2 98, room air, HR 100, SBP 100, CRT 1 s. */
static CrsObservation *
normal_5_12 (void)
{
  CrsObservation *observation = crs_observation_new ();

  observation->resp_rate = 22;
  observation->resp_distress = CRS_RESP_DISTRESS_NONE;
  observation->spo2 = 98;
  observation->o2_device = CRS_O2_ROOM_AIR;
  observation->heart_rate = 100;
  observation->systolic = 100;
  observation->crt_s = 1.0;
  return observation;
}

typedef struct
{
  const char     *name;
  /* Changes to the normal set (0 = keep). */
  int             rr;
  CrsRespDistress distress;
  int             spo2;
  int             hr;
  CrsO2Device     device;
  /* Triggers. */
  CrsAcvpu        acvpu;
  CrsSepsis       sepsis;
  CrsCarer        carer;
  CrsTri          intuition;
  /* Expected. */
  int             total;
  CrsPewsLevel    score_level;
  CrsPewsLevel    level;
  guint           n_triggers;
  int             interval;
  gboolean        red_flag;
} LevelCase;

#define NO_TRIGGERS CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET
#define KEEP 0, CRS_RESP_DISTRESS_UNSET, 0, 0, CRS_O2_UNSET

static const LevelCase level_cases[] = {
  /* Totals (§4.1): 0 none; 1-4 low; 5-8 medium; 9-12 high; >= 13
   * emergency. Intervals: low "reassess within 60 minutes", medium
   * "within 30 minutes", high "Every 30 minutes", emergency "Every 15
   * minutes"; none: the ward's (G9). */
  { "total 0", KEEP, NO_TRIGGERS, 0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "total 1", 0, CRS_RESP_DISTRESS_UNSET, 93, 0, CRS_O2_UNSET, NO_TRIGGERS,
    1, CRS_PEWS_LEVEL_LOW, CRS_PEWS_LEVEL_LOW, 0, 60, FALSE },
  { "total 4", 0, CRS_RESP_DISTRESS_UNSET, 0, 170, CRS_O2_UNSET, NO_TRIGGERS,
    4, CRS_PEWS_LEVEL_LOW, CRS_PEWS_LEVEL_LOW, 0, 60, FALSE },
  { "total 5", 0, CRS_RESP_DISTRESS_UNSET, 93, 170, CRS_O2_UNSET, NO_TRIGGERS,
    5, CRS_PEWS_LEVEL_MEDIUM, CRS_PEWS_LEVEL_MEDIUM, 0, 30, FALSE },
  { "total 8", 0, CRS_RESP_DISTRESS_SEVERE, 0, 170, CRS_O2_UNSET, NO_TRIGGERS,
    8, CRS_PEWS_LEVEL_MEDIUM, CRS_PEWS_LEVEL_MEDIUM, 0, 30, FALSE },
  { "total 9", 0, CRS_RESP_DISTRESS_SEVERE, 93, 170, CRS_O2_UNSET, NO_TRIGGERS,
    9, CRS_PEWS_LEVEL_HIGH, CRS_PEWS_LEVEL_HIGH, 0, 30, TRUE },
  { "total 12", 0, CRS_RESP_DISTRESS_SEVERE, 90, 170, CRS_O2_UNSET, NO_TRIGGERS,
    12, CRS_PEWS_LEVEL_HIGH, CRS_PEWS_LEVEL_HIGH, 0, 30, TRUE },
  { "total 13", 17, CRS_RESP_DISTRESS_SEVERE, 90, 170, CRS_O2_UNSET, NO_TRIGGERS,
    13, CRS_PEWS_LEVEL_EMERGENCY, CRS_PEWS_LEVEL_EMERGENCY, 0, 15, TRUE },
  { "total 17", 17, CRS_RESP_DISTRESS_SEVERE, 90, 170, CRS_O2_HFNC, NO_TRIGGERS,
    17, CRS_PEWS_LEVEL_EMERGENCY, CRS_PEWS_LEVEL_EMERGENCY, 0, 15, TRUE },

  /* AVPU (§4.2): V high; P or U emergency; A no trigger; C is not on
   * the charts' AVPU. */
  { "avpu A", KEEP, CRS_ACVPU_ALERT, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "avpu C", KEEP, CRS_ACVPU_CONFUSION, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "avpu V", KEEP, CRS_ACVPU_VOICE, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_HIGH, 1, 30, TRUE },
  { "avpu P", KEEP, CRS_ACVPU_PAIN, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_EMERGENCY, 1, 15, TRUE },
  { "avpu U", KEEP, CRS_ACVPU_UNRESPONSIVE, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_EMERGENCY, 1, 15, TRUE },
  /* Sepsis: new suspicion medium; septic shock high. */
  { "sepsis none", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_NONE, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "sepsis suspected", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_SUSPECTED, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_MEDIUM, 1, 30, FALSE },
  { "septic shock", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_SHOCK, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_HIGH, 1, 30, TRUE },
  /* Carer question: worse raises to low at least; the others do not. */
  { "carer worse", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_WORSE, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_LOW, 1, 60, FALSE },
  { "carer same", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_SAME, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "carer better", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_BETTER, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "carer asleep", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_ASLEEP, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  { "carer unavailable", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_UNAVAILABLE, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  /* Clinical intuition: yes raises to low at least. */
  { "intuition yes", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_YES,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_LOW, 1, 60, FALSE },
  { "intuition no", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_NO,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_NONE, 0, CRS_MISSING, FALSE },
  /* The highest level wins, whether the score's or a trigger's. */
  { "score high over sepsis medium", 0, CRS_RESP_DISTRESS_SEVERE, 93, 170, CRS_O2_UNSET,
    CRS_ACVPU_UNSET, CRS_SEPSIS_SUSPECTED, CRS_CARER_UNSET, CRS_TRI_UNSET,
    9, CRS_PEWS_LEVEL_HIGH, CRS_PEWS_LEVEL_HIGH, 1, 30, TRUE },
  { "pain over score low", 0, CRS_RESP_DISTRESS_MODERATE, 0, 0, CRS_O2_UNSET,
    CRS_ACVPU_PAIN, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_UNSET,
    2, CRS_PEWS_LEVEL_LOW, CRS_PEWS_LEVEL_EMERGENCY, 1, 15, TRUE },
  { "sepsis over carer and intuition", KEEP, CRS_ACVPU_UNSET, CRS_SEPSIS_SUSPECTED, CRS_CARER_WORSE, CRS_TRI_YES,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_MEDIUM, 3, 30, FALSE },
  { "shock and voice", KEEP, CRS_ACVPU_VOICE, CRS_SEPSIS_SHOCK, CRS_CARER_UNSET, CRS_TRI_UNSET,
    0, CRS_PEWS_LEVEL_NONE, CRS_PEWS_LEVEL_HIGH, 2, 30, TRUE },
  { "score medium over intuition", 0, CRS_RESP_DISTRESS_UNSET, 93, 170, CRS_O2_UNSET,
    CRS_ACVPU_UNSET, CRS_SEPSIS_UNSET, CRS_CARER_UNSET, CRS_TRI_YES,
    5, CRS_PEWS_LEVEL_MEDIUM, CRS_PEWS_LEVEL_MEDIUM, 1, 30, FALSE },
};

/* Words of the chart each level's escalation must hold (§4.1). */
static const struct { const char *response; const char *review; const char *observations; } level_words[] = {
  [CRS_PEWS_LEVEL_NONE] = { "PEWS 0", "None", "ward’s interval" },
  [CRS_PEWS_LEVEL_LOW] = { "Inform Nurse-in-charge", "As agreed with medical team",
                           "Must reassess within 60 minutes (and then document ongoing plan)" },
  [CRS_PEWS_LEVEL_MEDIUM] = { "Request Medical Review by ST3+ or equivalent", "Within 30 minutes",
                              "Continuous Oxygen Saturation monitoring needed" },
  [CRS_PEWS_LEVEL_HIGH] = { "Call for ‘Rapid Review’", "Within 15 minutes",
                            "Every 30 minutes and continuous monitoring of Respiratory Rate / Oxygen Saturation / ECG" },
  [CRS_PEWS_LEVEL_EMERGENCY] = { "Immediate 2222 call: “Paediatric Medical Emergency”", "Immediate",
                                 "Every 15 minutes and continuous monitoring" },
};

static void
test_level (gconstpointer data)
{
  const LevelCase *c = data;
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) pews = NULL;

  if (c->rr != 0)
    observation->resp_rate = c->rr;
  if (c->distress != CRS_RESP_DISTRESS_UNSET)
    observation->resp_distress = c->distress;
  if (c->spo2 != 0)
    observation->spo2 = c->spo2;
  if (c->hr != 0)
    observation->heart_rate = c->hr;
  if (c->device != CRS_O2_UNSET)
    observation->o2_device = c->device;
  observation->acvpu = c->acvpu;
  observation->sepsis = c->sepsis;
  observation->carer = c->carer;
  observation->intuition = c->intuition;

  pews = crs_pews_new (observation, AGE_5_12, NULL);
  g_assert_true (pews->complete);
  g_assert_cmpuint (pews->missing->len, ==, 0);
  g_assert_cmpint (pews->total, ==, c->total);
  g_assert_cmpint (pews->total_at_least, ==, c->total);
  g_assert_cmpint (pews->score_level, ==, c->score_level);
  g_assert_cmpint (pews->level, ==, c->level);
  g_assert_false (pews->level_at_least);
  g_assert_cmpuint (pews->triggers->len, ==, c->n_triggers);
  g_assert_cmpint (pews->interval_minutes, ==, c->interval);
  g_assert_cmpint (pews->red_flag, ==, c->red_flag);
  g_assert_cmpint (pews->continuous_monitoring, ==, c->level >= CRS_PEWS_LEVEL_MEDIUM);
  g_assert_nonnull (strstr (pews->response, level_words[c->level].response));
  g_assert_nonnull (strstr (pews->review, level_words[c->level].review));
  g_assert_nonnull (strstr (pews->observations, level_words[c->level].observations));
  for (guint i = 0; i < pews->triggers->len; i++)
    {
      const CrsPewsTrigger *trigger = g_ptr_array_index (pews->triggers, i);
      g_assert_cmpint (trigger->level, <=, pews->level);
      g_assert_true (trigger->text != NULL && *trigger->text != '\0');
    }
}

static void
test_trigger_kinds (void)
{
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) pews = NULL;
  static const struct { CrsPewsTriggerKind kind; CrsPewsLevel level; const char *code; const char *text; } expected[] = {
    { CRS_PEWS_TRIGGER_AVPU, CRS_PEWS_LEVEL_HIGH, "SC", "AVPU V (responds to voice)" },
    { CRS_PEWS_TRIGGER_SEPSIS, CRS_PEWS_LEVEL_MEDIUM, "SC", "new suspicion of sepsis" },
    { CRS_PEWS_TRIGGER_CARER, CRS_PEWS_LEVEL_LOW, "CQ", NULL },
    { CRS_PEWS_TRIGGER_INTUITION, CRS_PEWS_LEVEL_LOW, "CI", NULL },
  };

  observation->acvpu = CRS_ACVPU_VOICE;
  observation->sepsis = CRS_SEPSIS_SUSPECTED;
  observation->carer = CRS_CARER_WORSE;
  observation->intuition = CRS_TRI_YES;
  pews = crs_pews_new (observation, AGE_5_12, NULL);

  g_assert_cmpuint (pews->triggers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CrsPewsTrigger *trigger = g_ptr_array_index (pews->triggers, i);
      g_assert_cmpint (trigger->kind, ==, expected[i].kind);
      g_assert_cmpint (trigger->level, ==, expected[i].level);
      g_assert_cmpstr (crs_pews_trigger_code (trigger->kind), ==, expected[i].code);
      if (expected[i].text != NULL)
        g_assert_cmpstr (trigger->text, ==, expected[i].text);
    }
  g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_HIGH);
}

/* The previous set only changes the words: V is high on every set. */
static void
test_avpu_change (void)
{
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) changed = NULL;
  g_autoptr(CrsPews) same = NULL;
  CrsPewsContext context;

  observation->acvpu = CRS_ACVPU_VOICE;
  crs_pews_context_init (&context);
  context.previous_acvpu = CRS_ACVPU_ALERT;
  changed = crs_pews_new (observation, AGE_5_12, &context);
  context.previous_acvpu = CRS_ACVPU_VOICE;
  same = crs_pews_new (observation, AGE_5_12, &context);

  g_assert_cmpint (changed->level, ==, CRS_PEWS_LEVEL_HIGH);
  g_assert_cmpint (same->level, ==, CRS_PEWS_LEVEL_HIGH);
  g_assert_cmpstr (((CrsPewsTrigger *) g_ptr_array_index (changed->triggers, 0))->text, ==,
                   "AVPU changed to V (responds to voice)");
  g_assert_cmpstr (((CrsPewsTrigger *) g_ptr_array_index (same->triggers, 0))->text, ==,
                   "AVPU V (responds to voice)");
}

/* Six parameters of 4 and capillary refill 2: 26 on every chart. RR 5,
 * HR 30 and SBP 40 are below every band's lowest edge. */
static void
test_maximum (void)
{
  for (guint b = 0; b < G_N_ELEMENTS (all_bands); b++)
    {
      g_autoptr(CrsObservation) observation = crs_observation_new ();
      g_autoptr(CrsPews) pews = NULL;

      observation->resp_rate = 5;
      observation->resp_distress = CRS_RESP_DISTRESS_SEVERE;
      observation->spo2 = 80;
      observation->o2_device = CRS_O2_BIPAP;
      observation->heart_rate = 30;
      observation->systolic = 40;
      observation->crt_s = 5;
      pews = crs_pews_new (observation, band_ages[b], NULL);
      g_assert_true (pews->complete);
      g_assert_cmpint (pews->total, ==, 26);
      g_assert_cmpint (pews->total, ==, CRS_PEWS_MAX_TOTAL);
      g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_EMERGENCY);
      g_assert_cmpuint (pews->reasons->len, ==, CRS_PEWS_N_PARAMS);
    }
}

static void
test_summary_complete (void)
{
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) pews = NULL;
  g_autoptr(CrsPews) raised = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *raised_summary = NULL;

  observation->spo2 = 93;
  observation->heart_rate = 170;
  pews = crs_pews_new (observation, AGE_5_12, NULL);
  summary = crs_pews_summary (pews);
  g_assert_cmpstr (summary, ==, "PEWS 5 (medium): SpO2 93% (1) and heart rate 170/min (4)");

  observation->spo2 = 98;
  observation->heart_rate = 100;
  observation->sepsis = CRS_SEPSIS_SHOCK;
  raised = crs_pews_new (observation, AGE_5_12, NULL);
  raised_summary = crs_pews_summary (raised);
  g_assert_cmpstr (raised_summary, ==, "PEWS 0, level high; triggered by new suspicion of septic shock");
}

/* ---- Partial sets ---------------------------------------------------- */

static void
test_partial_names_missing (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;
  g_autofree char *summary = NULL;

  observation->heart_rate = 180;     /* 0-11 months: >= 180 scores 4 */
  pews = crs_pews_new (observation, AGE_0_11, NULL);

  g_assert_false (pews->complete);
  g_assert_cmpint (pews->total, ==, CRS_MISSING);
  g_assert_cmpint (pews->total_at_least, ==, 4);
  g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_LOW);
  g_assert_true (pews->level_at_least);
  g_assert_false (pews->red_flag);
  g_assert_cmpint (pews->interval_minutes, ==, 60);
  summary = crs_pews_summary (pews);
  g_assert_cmpstr (summary, ==,
                   "PEWS at least 4 (at least low): heart rate 180/min (4); not recorded: "
                   "respiratory rate, respiratory distress, SpO2, oxygen, systolic blood pressure "
                   "and capillary refill time");
}

/* Issue 19's child: 10 years, HR 170, RR 40, SpO2 90 %. On the 5-12
 * chart: HR >= 160 4, RR 40-49.99 2, SpO2 <= 91 4: at least 10, high. */
static void
test_partial_red_flag (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;

  observation->heart_rate = 170;
  observation->resp_rate = 40;
  observation->spo2 = 90;
  pews = crs_pews_new (observation, 10 * 12, NULL);

  g_assert_cmpint (pews->band, ==, CRS_PEWS_BAND_5_12_YEARS);
  g_assert_cmpint (pews->total_at_least, ==, 10);
  g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_HIGH);
  g_assert_true (pews->level_at_least);
  g_assert_true (pews->red_flag);
  g_assert_cmpint (pews->interval_minutes, ==, 30);
  g_assert_cmpuint (pews->missing->len, ==, 4);
}

static void
test_partial_emergency (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;

  observation->heart_rate = 30;                        /* 4 */
  observation->resp_rate = 5;                          /* 4 */
  observation->resp_distress = CRS_RESP_DISTRESS_SEVERE; /* 4 */
  observation->crt_s = 4;                              /* 2 */
  pews = crs_pews_new (observation, AGE_1_4, NULL);

  g_assert_cmpint (pews->total_at_least, ==, 14);
  g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_EMERGENCY);
  g_assert_false (pews->level_at_least);
  g_assert_true (pews->red_flag);
  g_assert_cmpint (pews->interval_minutes, ==, 15);
}

/* Nothing recorded is never "PEWS 0, the ward's interval". */
static void
test_partial_empty (void)
{
  g_autoptr(CrsObservation) observation = crs_observation_new ();
  g_autoptr(CrsPews) pews = NULL;

  pews = crs_pews_new (observation, AGE_5_12, NULL);
  g_assert_false (pews->complete);
  g_assert_cmpint (pews->total_at_least, ==, 0);
  g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_NONE);
  g_assert_true (pews->level_at_least);
  g_assert_cmpint (pews->interval_minutes, ==, 60);
  g_assert_cmpuint (pews->missing->len, ==, CRS_PEWS_N_PARAMS);
  g_assert_false (pews->red_flag);
}

/* A nasal cannula without its flow is at least 1 and makes the set
 * partial, even with everything else recorded. */
static void
test_partial_oxygen_level (void)
{
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) pews = NULL;

  observation->o2_device = CRS_O2_NASAL_CANNULA;
  pews = crs_pews_new (observation, AGE_5_12, NULL);
  g_assert_false (pews->complete);
  g_assert_cmpint (pews->total_at_least, ==, 1);
  g_assert_cmpint (pews->level, ==, CRS_PEWS_LEVEL_LOW);
  g_assert_true (pews->level_at_least);
  g_assert_cmpuint (pews->missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pews->missing, 0), ==, "oxygen percentage or flow");
}

/* Without an age the age-banded parameters cannot be scored; the rest
 * can. */
static void
test_unknown_age (void)
{
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) pews = NULL;

  observation->spo2 = 90;
  pews = crs_pews_new (observation, -1, NULL);
  g_assert_cmpint (pews->band, ==, CRS_PEWS_BAND_UNSET);
  g_assert_cmpint (pews->scores[CRS_PEWS_RR], ==, CRS_MISSING);
  g_assert_cmpint (pews->scores[CRS_PEWS_HEART_RATE], ==, CRS_MISSING);
  g_assert_cmpint (pews->scores[CRS_PEWS_SYSTOLIC], ==, CRS_MISSING);
  g_assert_cmpint (pews->scores[CRS_PEWS_SPO2], ==, 4);
  g_assert_cmpint (pews->total_at_least, ==, 4);
  g_assert_cmpuint (pews->missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pews->missing, 0), ==, "age (for the chart’s age band)");
}

/* The chosen chart scores: 5 years exactly on the 1-4 chart. HR 130 is
 * yellow (1) on 5-12 and white (0) on 1-4. */
static void
test_choice_scores (void)
{
  g_autoptr(CrsObservation) observation = normal_5_12 ();
  g_autoptr(CrsPews) by_age = NULL;
  g_autoptr(CrsPews) chosen = NULL;
  g_autoptr(CrsPews) refused = NULL;
  g_autofree char *summary = NULL;

  observation->heart_rate = 130;
  observation->systolic = 90;    /* white on both: 5-12 90-109.99, 1-4 80-99.99 */
  by_age = crs_pews_new (observation, 60, NULL);
  g_assert_cmpint (by_age->scores[CRS_PEWS_HEART_RATE], ==, 1);  /* 5-12: 120-139.99 1 */

  observation->pews_band = CRS_PEWS_BAND_1_4_YEARS;
  chosen = crs_pews_new (observation, 60, NULL);
  g_assert_cmpint (chosen->scores[CRS_PEWS_HEART_RATE], ==, 0);  /* 1-4: 90-139.99 0 */
  summary = crs_pews_summary (chosen);
  g_assert_cmpstr (summary, ==, "PEWS 0 (none); 1–4 years chart, chosen by the nurse");

  observation->pews_band = CRS_PEWS_BAND_13_YEARS;
  refused = crs_pews_new (observation, 60, NULL);
  g_assert_cmpint (refused->band, ==, CRS_PEWS_BAND_5_12_YEARS);
  g_assert_cmpstr (refused->band_note, ==,
                   "the 13 years and over chart cannot be chosen at this age: the 5–12 years chart is used");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edge_cases); i++)
    {
      const EdgeCase *c = &edge_cases[i];
      g_autofree char *path = g_strdup_printf ("/grade-pews/edge/%s/%s/%d", crs_pews_band_to_id (c->band),
                                               param_id (c->param), c->value);
      g_test_add_data_func (path, c, test_edge);
    }
  g_test_add_func ("/grade-pews/edge/differ-by-band", test_edges_differ_by_band);
  for (guint i = 0; i < G_N_ELEMENTS (shared_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-pews/shared/%s", shared_cases[i].name);
      g_test_add_data_func (path, &shared_cases[i], test_shared);
    }
  g_test_add_func ("/grade-pews/skip/with-systolic", test_skip_with_systolic);
  g_test_add_func ("/grade-pews/skip/without-age", test_skip_without_age);
  for (guint i = 0; i < G_N_ELEMENTS (oxygen_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-pews/oxygen/%s", oxygen_cases[i].name);
      g_test_add_data_func (path, &oxygen_cases[i], test_oxygen);
    }
  g_test_add_func ("/grade-pews/oxygen/reasons", test_oxygen_reasons);
  for (guint i = 0; i < G_N_ELEMENTS (level_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/grade-pews/level/%s", level_cases[i].name);
      g_test_add_data_func (path, &level_cases[i], test_level);
    }
  g_test_add_func ("/grade-pews/trigger/kinds", test_trigger_kinds);
  g_test_add_func ("/grade-pews/trigger/avpu-change", test_avpu_change);
  g_test_add_func ("/grade-pews/total/maximum", test_maximum);
  g_test_add_func ("/grade-pews/summary/complete", test_summary_complete);
  g_test_add_func ("/grade-pews/partial/names-missing", test_partial_names_missing);
  g_test_add_func ("/grade-pews/partial/red-flag", test_partial_red_flag);
  g_test_add_func ("/grade-pews/partial/emergency", test_partial_emergency);
  g_test_add_func ("/grade-pews/partial/empty", test_partial_empty);
  g_test_add_func ("/grade-pews/partial/oxygen-level", test_partial_oxygen_level);
  g_test_add_func ("/grade-pews/partial/unknown-age", test_unknown_age);
  g_test_add_func ("/grade-pews/choice/scores", test_choice_scores);

  return g_test_run ();
}
