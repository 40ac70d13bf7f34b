/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-pews-chart.c: what the NHS England national PEWS charts (2023) say,
 * cell by cell: the four age bands' tables, the parameters all bands
 * share, the levels with their escalation in the charts' words, and the
 * choice of chart by age. crs-grade-pews.c scores a set with them.
 *
 * Every number here is copied from shared/clinical/pews.md (a cell-by-cell
 * transcription of the NHS England charts checked against NHS England's
 * configuration document), with the source named beside it:
 *  S1a/b/c/d  the observation and escalation charts, 0 to 11 months, 1-4
 *             years, 5-12 years, >=13 years (NHS England, 9 Nov 2023);
 *  S2         the Configuration Document for SPOT NPEWS (NHS England);
 *  S3         the SPOT/NPEWS Specification V2.0; S5 PEWS Wireframes v2.0;
 * as published in rcpch/digital-pews @ a62a8af9 (reference-sources/). The
 * project's decisions on the points they leave open are grading.md §7
 * (G1-G11); the ones taken here are marked "(decision)".
 *
 * Band edges: S2 puts each band's lower bound in that band ("10 - 14.99 -
 * Orange", "50 and above - Pink"), so an integer value v scores the row
 * with from <= v < the next row's from. A decimal value above the top
 * S2 prints for a band (29.995 %, 2.5 s) takes the higher band, S3 C1.4:
 * "The solution must use the higher of two possible bandings if due to an
 * unexpected level of specificity a score would fall between them". */
#define G_LOG_DOMAIN "crs-pews-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "crs-core-enums.h"
#include "crs-enum-strings.h"
#include "crs-pews-chart.h"

/* One row of an age band's table: values from @from (inclusive) up to the
 * next row's @from score @score. Tables end with END_ROW. */
typedef struct
{
  int from;
  int score;
} BandRow;

#define FIRST_ROW G_MININT
#define END_ROW { G_MAXINT, 0 }

/* ---- 0 to 11 months: S1a; S2 "Bracket: 0 - 11months" (pews.md §3.1) ---- */

static const BandRow rr_0_11_months[] = {
  { FIRST_ROW, 4 },  /* "Under 10 - Pink - Scores 4" */
  { 10, 2 },         /* "10 - 19.99 - Orange - Scores 2" */
  { 20, 1 },         /* "20 - 29.99 - Yellow - Scores 1" */
  { 30, 0 },         /* "30 - 49.99 - White - Scores 0" */
  { 50, 1 },         /* "50 - 59.99 - Yellow - Scores 1" */
  { 60, 2 },         /* "60 - 69.99 - Orange - Scores 2" */
  { 70, 4 },         /* "70 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow hr_0_11_months[] = {
  { FIRST_ROW, 4 },  /* "Under 80 - Pink - Scores 4" */
  { 80, 2 },         /* "80 - 89.99 - Orange - Scores 2" */
  { 90, 1 },         /* "90 - 109.99 - Yellow - Scores 1" */
  { 110, 0 },        /* "110 - 149.99 - White - Scores 0" */
  { 150, 1 },        /* "150 - 169.99 - Yellow - Scores 1" */
  { 170, 2 },        /* "170 - 179.99 - Orange - Scores 2" */
  { 180, 4 },        /* "180 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow sbp_0_11_months[] = {
  { FIRST_ROW, 4 },  /* "Under 50 - Pink - Scores 4" */
  { 50, 2 },         /* "50 - 59.99 - Orange - Scores 2" */
  { 60, 1 },         /* "60 - 69.99 - Yellow - Scores 1" */
  { 70, 0 },         /* "70 - 89.99 - White - Scores 0" */
  { 90, 1 },         /* "90 - 99.99 - Yellow - Scores 1" */
  { 100, 2 },        /* "100 - 109.99 - Orange - Scores 2" */
  { 110, 4 },        /* "110 and above - Pink - Scores 4" */
  END_ROW
};

/* ---- 1-4 years: S1b; S2 "Age Bracket: 1 - 4 years" (pews.md §3.2) ---- */

static const BandRow rr_1_4_years[] = {
  { FIRST_ROW, 4 },  /* "Under 10 - Pink - Scores 4" */
  { 10, 2 },         /* "10 - 19.99 - Orange - Scores 2" (no yellow band below) */
  { 20, 0 },         /* "20 - 39.99 - White - Scores 0" */
  { 40, 1 },         /* "40 - 49.99 - Yellow - Scores 1" */
  { 50, 2 },         /* "50 - 59.99 - Orange - Scores 2" */
  { 60, 4 },         /* "60 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow hr_1_4_years[] = {
  { FIRST_ROW, 4 },  /* "Under 60 - Pink - Scores" 7 sic: G2, scores 4 (chart pink, key 4) */
  { 60, 2 },         /* "60 - 69.99 - Orange - Scores 2" */
  { 70, 1 },         /* "70 - 89.99 - Yellow - Scores 1" */
  { 90, 0 },         /* "90 - 139.99 - White - Scores 0" */
  { 140, 1 },        /* "140 - 149.99 - Yellow - Scores 1" */
  { 150, 2 },        /* "150 - 169.99 - Orange - Scores 2" */
  { 170, 4 },        /* "170 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow sbp_1_4_years[] = {
  { FIRST_ROW, 4 },  /* "Under 50 - Pink - Scores 4" */
  { 50, 2 },         /* "50 - 59.99 - Orange - Scores 2" */
  { 60, 1 },         /* "60 - 79.99 - Yellow - Scores 1" */
  { 80, 0 },         /* "80 - 99.99 - White - Scores 0" */
  { 100, 1 },        /* "100 - 119.99 - Yellow - Scores 1" */
  { 120, 2 },        /* "120 - 129.99 - Orange - Scores 2" */
  { 130, 4 },        /* "130 and above - Pink - Scores 4" */
  END_ROW
};

/* ---- 5-12 years: S1c; S2 "Age Bracket: 5 - 12 years" (pews.md §3.3) ---- */

static const BandRow rr_5_12_years[] = {
  { FIRST_ROW, 4 },  /* "Under 10 - Pink - Scores 4" */
  { 10, 2 },         /* "10 - 14.99 - Orange - Scores 2" (G1: S1c's off-key tint; S2 and S7 say 2) */
  { 15, 1 },         /* "15 - 19.99 - Yellow - Scores 1" */
  { 20, 0 },         /* "20 - 24.99 - White - Scores 0" */
  { 25, 1 },         /* "25 - 39.99 - Yellow - Scores 1" */
  { 40, 2 },         /* "40 - 49.99 - Orange - Scores 2" */
  { 50, 4 },         /* "50 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow hr_5_12_years[] = {
  { FIRST_ROW, 4 },  /* "Under 60 - Pink - Scores 4" */
  { 60, 2 },         /* "60 - 69.99 - Orange - Scores 2" */
  { 70, 1 },         /* "70 - 79.99 - Yellow - Scores 1" */
  { 80, 0 },         /* "80 - 119.99 - White - Scores 0" */
  { 120, 1 },        /* "120 - 139.99 - Yellow - Scores 1" */
  { 140, 2 },        /* "140 - 159.99 - Orange - Scores 2" */
  { 160, 4 },        /* "160 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow sbp_5_12_years[] = {
  { FIRST_ROW, 4 },  /* "Under 70 - Pink - Scores 4" */
  { 70, 2 },         /* "70 - 79.99 - Orange - Scores 2" */
  { 80, 1 },         /* "80 - 89.99 - Yellow - Scores 1" */
  { 90, 0 },         /* "90 - 109.99 - White - Scores 0" */
  { 110, 1 },        /* "110 - 119.99 - Yellow - Scores 1" */
  { 120, 2 },        /* "120 129.99 - Orange - Scores 2" */
  { 130, 4 },        /* "130 and above - Pink - Scores 4" */
  END_ROW
};

/* ---- >=13 years: S1d; S2 "Age Bracket: 13 - 18 years" (pews.md §3.4) ---- */

static const BandRow rr_13_years[] = {
  { FIRST_ROW, 4 },  /* "Under 10 - Pink - Scores 4" */
  { 10, 1 },         /* "10 - 14.99 - Yellow - Scores 1" */
  { 15, 0 },         /* "15 - 24.99 - White - Scores 0" */
  { 25, 1 },         /* "25 - 29.99 - Yellow - Scores 1" */
  { 30, 2 },         /* "30 - 39.99 - Orange - Scores 2" */
  { 40, 4 },         /* "40 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow hr_13_years[] = {
  { FIRST_ROW, 4 },  /* "Under 50 - Pink - Scores 4" */
  { 50, 2 },         /* "50 - 59.99 - Orange - Scores 2" */
  { 60, 1 },         /* "60 - 69.99 - Yellow - Scores 1" */
  { 70, 0 },         /* "70 - 99.99 - White - Scores 0" */
  { 100, 1 },        /* "100 - 119.99 - Yellow - Scores 1" */
  { 120, 2 },        /* "120 129.99 - Orange - Scores 2" */
  { 130, 4 },        /* "130 and above - Pink - Scores 4" */
  END_ROW
};

static const BandRow sbp_13_years[] = {
  { FIRST_ROW, 4 },  /* "Under 80 - Pink - Scores 4" */
  { 80, 2 },         /* "80 - 89.99 - Orange - Scores 2" */
  { 90, 1 },         /* "90 - 99.99 - Yellow - Scores 1" */
  { 100, 0 },        /* "100 - 119.99 - White - Scores 0" */
  { 120, 1 },        /* "120 - 129.99 - Yellow - Scores 1" */
  { 130, 2 },        /* "130 - 139.99 - Orange - Scores 2" */
  { 140, 4 },        /* "140 and above - Pink - Scores 4" */
  END_ROW
};

typedef struct
{
  const BandRow *rr;
  const BandRow *hr;
  const BandRow *sbp;
} Chart;

static const Chart charts[CRS_PEWS_BAND_N_VALUES] = {
  [CRS_PEWS_BAND_0_11_MONTHS] = { rr_0_11_months, hr_0_11_months, sbp_0_11_months },
  [CRS_PEWS_BAND_1_4_YEARS] = { rr_1_4_years, hr_1_4_years, sbp_1_4_years },
  [CRS_PEWS_BAND_5_12_YEARS] = { rr_5_12_years, hr_5_12_years, sbp_5_12_years },
  [CRS_PEWS_BAND_13_YEARS] = { rr_13_years, hr_13_years, sbp_13_years },
};

/* The same for all four age bands (pews.md §2.2-2.6; S1a-d and the four
 * sections of S2 agree). */

/* SpO2: "Above or equal to 95% - White - Scores 0"; "91.01% to 94.99% -
 * Yellow - Scores 1" (S1: "92% - 94%"); "Below or equal to 91% - Pink -
 * Scores 4". Whole percent (S4 U7.6). No score of 2. */
#define PEWS_SPO2_NORMAL_MIN 95
#define PEWS_SPO2_LOW_MIN    92

/* Oxygen as %: "16% to 29.99% - Yellow - Scores 1 (Note if your system
 * allows support under this level, it should still score 1)"; "30% to
 * 49.99% - Orange - Scores 2"; "50% or higher - Pink - Scores 4" (S2).
 * Above a band's printed top = the next band (S3 C1.4). */
#define PEWS_O2_PERCENT_1_TOP 29.99
#define PEWS_O2_PERCENT_2_TOP 49.99
/* Oxygen as L/min ("NOT High Flow Delivery"): "0.01 to 1.99 - Yellow -
 * Scores 1 (Note ... it should still score 1)"; "2 to 5.99 - Orange -
 * Scores 2"; "6 or higher - Pink - Scores 4" (S2; G2: the 1-4 years
 * section's stray "Scores 2" for 6 or higher is 4, as S1b's pink). */
#define PEWS_O2_FLOW_1_TOP 1.99
#define PEWS_O2_FLOW_2_TOP 5.99

/* Capillary refill: "Below or equal to 2 seconds - White - Scores 0";
 * "Equal to or above 3 seconds - Orange - Scores 2" (S2, S1 "<=2 secs" /
 * ">=3 secs"). G3: between 2 and 3 s takes the higher band (S3 C1.4), so
 * anything above 2 s scores 2. */
#define PEWS_CRT_NORMAL_MAX 2.0
#define PEWS_CRT_SCORE      2

/* Total to level: "Paediatric Early Warning Score 1-4 / 5-8 / 9-12 / >=13"
 * (S1 escalation table; S2 "PEWS Score: 1-4", "5-8", "9-12", ">=13"). */
#define PEWS_LOW_MIN       1
#define PEWS_MEDIUM_MIN    5
#define PEWS_HIGH_MIN      9
#define PEWS_EMERGENCY_MIN 13

/* Age bands in completed months: "0 to 11 months", "1-4 Years", "5-12
 * Years", ">=13 Years" (S1a-d); completed years and months (G11). */
#define PEWS_MONTHS_1_YEAR   12
#define PEWS_MONTHS_5_YEARS  60
#define PEWS_MONTHS_13_YEARS 156

static const char * const param_labels[CRS_PEWS_N_PARAMS] = {
  [CRS_PEWS_RR] = N_("Respiratory rate"),
  [CRS_PEWS_RESP_DISTRESS] = N_("Respiratory distress"),
  [CRS_PEWS_SPO2] = N_("SpO2"),
  [CRS_PEWS_OXYGEN] = N_("Oxygen"),
  [CRS_PEWS_HEART_RATE] = N_("Heart rate"),
  [CRS_PEWS_SYSTOLIC] = N_("Systolic blood pressure"),
  [CRS_PEWS_CRT] = N_("Capillary refill time"),
};

/* The same inside a sentence ("not recorded: heart rate and SpO2"). */
const char * const crs_pews_param_names[CRS_PEWS_N_PARAMS] = {
  [CRS_PEWS_RR] = N_("respiratory rate"),
  [CRS_PEWS_RESP_DISTRESS] = N_("respiratory distress"),
  [CRS_PEWS_SPO2] = N_("SpO2"),
  [CRS_PEWS_OXYGEN] = N_("oxygen"),
  [CRS_PEWS_HEART_RATE] = N_("heart rate"),
  [CRS_PEWS_SYSTOLIC] = N_("systolic blood pressure"),
  [CRS_PEWS_CRT] = N_("capillary refill time"),
};

static const char * const level_labels[CRS_PEWS_LEVEL_N_VALUES] = {
  [CRS_PEWS_LEVEL_NONE] = N_("none"),
  [CRS_PEWS_LEVEL_LOW] = N_("low"),
  [CRS_PEWS_LEVEL_MEDIUM] = N_("medium"),
  [CRS_PEWS_LEVEL_HIGH] = N_("high"),
  [CRS_PEWS_LEVEL_EMERGENCY] = N_("emergency"),
};

/* The escalation table of the charts (pews.md §4.1: S1a-d, the same on
 * all four, repeated in S2's "Escalation Guidance"), in their words; one
 * line per bullet. The chart leaves PEWS 0 blank: what it says there is
 * the project's (G9: the ward's interval). */
static const char * const level_responses[CRS_PEWS_LEVEL_N_VALUES] = {
  [CRS_PEWS_LEVEL_NONE] = N_("No escalation: the chart gives none for PEWS 0"),
  /* TRANSLATORS: the NHS England PEWS chart's words; one line per bullet */
  [CRS_PEWS_LEVEL_LOW] = N_("Inform Nurse-in-charge\n"
                            "Consider Medical Review by ST3+ or equivalent\n"
                            "Bedside nurse to feed back plan to parents"),
  /* TRANSLATORS: the NHS England PEWS chart's words; one line per bullet */
  [CRS_PEWS_LEVEL_MEDIUM] = N_("Review by Nurse-in-charge for potential escalation (and/or Outreach nurse or equivalent)\n"
                               "Request Medical Review by ST3+ or equivalent\n"
                               "Stabilisation plan to be considered\n"
                               "Bedside nurse to feed back plan to parents"),
  /* TRANSLATORS: the NHS England PEWS chart's words; one line per bullet */
  [CRS_PEWS_LEVEL_HIGH] = N_("Immediate review by Nurse-in-charge for potential escalation\n"
                             "Call for ‘Rapid Review’: Medical incl. airway skills ST3+ or equivalent and outreach nurse (if available or equivalent)\n"
                             "Stabilisation plan to be discussed with consultant\n"
                             "Senior nurse to feed back plan to parents"),
  /* TRANSLATORS: the NHS England PEWS chart's words; one line per bullet;
   * 2222 is the hospital emergency number in England */
  [CRS_PEWS_LEVEL_EMERGENCY] = N_("Immediate 2222 call: “Paediatric Medical Emergency” and review by Nurse-in-charge\n"
                                  "Consultant informed urgently to confirm stabilisation plan\n"
                                  "Senior nurse to support and feedback to parents\n"
                                  "[In specialist environments rapid review can replace 2222 but only with prior agreement between consultant and nurse-in-charge]"),
};

static const char * const level_reviews[CRS_PEWS_LEVEL_N_VALUES] = {
  [CRS_PEWS_LEVEL_NONE] = N_("None"),
  /* TRANSLATORS: the PEWS chart's medical review timing */
  [CRS_PEWS_LEVEL_LOW] = N_("As agreed with medical team"),
  /* TRANSLATORS: the PEWS chart's medical review timing */
  [CRS_PEWS_LEVEL_MEDIUM] = N_("Within 30 minutes"),
  /* TRANSLATORS: the PEWS chart's medical review timing */
  [CRS_PEWS_LEVEL_HIGH] = N_("Within 15 minutes"),
  /* TRANSLATORS: the PEWS chart's medical review timing */
  [CRS_PEWS_LEVEL_EMERGENCY] = N_("Immediate"),
};

static const char * const level_observations[CRS_PEWS_LEVEL_N_VALUES] = {
  [CRS_PEWS_LEVEL_NONE] = N_("At the ward’s interval"),
  /* TRANSLATORS: the PEWS chart's minimal observations */
  [CRS_PEWS_LEVEL_LOW] = N_("Must reassess within 60 minutes (and then document ongoing plan)"),
  /* TRANSLATORS: the PEWS chart's minimal observations; one line per line of the chart */
  [CRS_PEWS_LEVEL_MEDIUM] = N_("Must reassess within 30 minutes (and then document ongoing plan)\n"
                               "Continuous Oxygen Saturation monitoring needed"),
  /* TRANSLATORS: the PEWS chart's minimal observations; one line per line of the chart */
  [CRS_PEWS_LEVEL_HIGH] = N_("Every 30 minutes and continuous monitoring of Respiratory Rate / Oxygen Saturation / ECG\n"
                             "GCS recording if change in AVPU"),
  /* TRANSLATORS: the PEWS chart's minimal observations; one line per line of the chart */
  [CRS_PEWS_LEVEL_EMERGENCY] = N_("Every 15 minutes and continuous monitoring of Respiratory Rate / Oxygen Saturation / ECG\n"
                                  "GCS recording if change in AVPU or abnormal pupillary response"),
};

/* The minimal observations above as a due-time rule, in minutes: "Must
 * reassess within 60 minutes", "... within 30 minutes", "Every 30
 * minutes", "Every 15 minutes"; none at PEWS 0 (G9: the ward's). */
static const int level_intervals[CRS_PEWS_LEVEL_N_VALUES] = {
  [CRS_PEWS_LEVEL_NONE] = CRS_MISSING,
  [CRS_PEWS_LEVEL_LOW] = 60,
  [CRS_PEWS_LEVEL_MEDIUM] = 30,
  [CRS_PEWS_LEVEL_HIGH] = 30,
  [CRS_PEWS_LEVEL_EMERGENCY] = 15,
};

/* Respiratory distress descriptors (pews.md §2.4): S1a/S1b and S2's
 * 0-11 months and 1-4 years sections; S1c/S1d and S2's 5-12 and 13-18
 * sections. Scores: "Mild - Yellow - Scores 1", "Moderate - Orange -
 * Scores 2", "Severe - Pink - Scores 4" (S2); the worst sign ticked
 * counts (S5 W17.1). */
static const char * const young_signs[CRS_RESP_DISTRESS_N_VALUES] = {
  [CRS_RESP_DISTRESS_MILD] = N_("Nasal flaring, subcostal recession"),
  [CRS_RESP_DISTRESS_MODERATE] = N_("Head bobbing, tracheal tug, intercostal recession, inspiratory or expiratory noises"),
  [CRS_RESP_DISTRESS_SEVERE] = N_("Sternal recession, grunting, exhaustion, impending respiratory arrest"),
};

static const char * const older_signs[CRS_RESP_DISTRESS_N_VALUES] = {
  [CRS_RESP_DISTRESS_MILD] = N_("Accessory muscle use"),
  [CRS_RESP_DISTRESS_MODERATE] = N_("Tracheal tug, intercostal recession, inspiratory or expiratory noises"),
  [CRS_RESP_DISTRESS_SEVERE] = N_("Tripoding, supraclavicular recession, grunting, exhaustion, impending respiratory arrest"),
};

static const int resp_distress_scores[CRS_RESP_DISTRESS_N_VALUES] = {
  [CRS_RESP_DISTRESS_UNSET] = CRS_MISSING,
  [CRS_RESP_DISTRESS_NONE] = 0,
  [CRS_RESP_DISTRESS_MILD] = 1,
  [CRS_RESP_DISTRESS_MODERATE] = 2,
  [CRS_RESP_DISTRESS_SEVERE] = 4,
};

/* Blood pressure not obtained (pews.md §2.6; S1a-d and S2 agree): "Not
 * attempted (No concern) - NCO (this scores 0)", "Unsuccessful Attempt
 * (No Concern) - U0 (this scores 0)", "Unsuccessful attempt (Concern) -
 * U4 (this scores 4)". G8: U4 adds 4 to the total, no jump to high (the
 * 2022 draft's rule is not used). */
static const int bp_skip_scores[CRS_BP_SKIP_N_VALUES] = {
  [CRS_BP_SKIP_UNSET] = CRS_MISSING,
  [CRS_BP_SKIP_NCO] = 0,
  [CRS_BP_SKIP_U0] = 0,
  [CRS_BP_SKIP_U4] = 4,
};

/* ---------------------------------------------------------------------- */

static int
band_score (const BandRow *rows,
            int            value)
{
  int score = rows[0].score;

  for (guint i = 1; rows[i].from != G_MAXINT; i++)
    if (value >= rows[i].from)
      score = rows[i].score;
  return score;
}

int
crs_pews_chart_banded_score (CrsPewsBand  band,
                             CrsPewsParam param,
                             int          value)
{
  const Chart *chart;

  g_return_val_if_fail (band > CRS_PEWS_BAND_UNSET && band < CRS_PEWS_BAND_N_VALUES, CRS_MISSING);
  chart = &charts[band];
  switch (param)
    {
    case CRS_PEWS_RR:
      return band_score (chart->rr, value);
    case CRS_PEWS_HEART_RATE:
      return band_score (chart->hr, value);
    case CRS_PEWS_SYSTOLIC:
      return band_score (chart->sbp, value);
    case CRS_PEWS_RESP_DISTRESS:
    case CRS_PEWS_SPO2:
    case CRS_PEWS_OXYGEN:
    case CRS_PEWS_CRT:
    case CRS_PEWS_N_PARAMS:
    default:
      g_return_val_if_reached (CRS_MISSING);
    }
}

int
crs_pews_chart_spo2_score (int spo2)
{
  if (spo2 >= PEWS_SPO2_NORMAL_MIN)
    return 0;
  if (spo2 >= PEWS_SPO2_LOW_MIN)
    return 1;
  return 4;
}

int
crs_pews_chart_resp_distress_score (CrsRespDistress distress)
{
  if (distress >= CRS_RESP_DISTRESS_N_VALUES)
    return CRS_MISSING;
  return resp_distress_scores[distress];
}

int
crs_pews_chart_bp_skip_score (CrsBpSkip skip)
{
  if (skip >= CRS_BP_SKIP_N_VALUES)
    return CRS_MISSING;
  return bp_skip_scores[skip];
}

int
crs_pews_chart_crt_score (double seconds)
{
  return seconds > PEWS_CRT_NORMAL_MAX ? PEWS_CRT_SCORE : 0;
}

gboolean
crs_pews_chart_support_device (CrsO2Device device)
{
  /* HF, BiPAP, CPAP (S1, S2). A ventilator, which the charts do not
   * name, is more support than BiPAP and scores the same (decision). */
  return device == CRS_O2_HFNC || device == CRS_O2_CPAP || device == CRS_O2_BIPAP ||
         device == CRS_O2_VENTILATOR;
}

int
crs_pews_chart_o2_percent_score (double percent)
{
  if (percent > PEWS_O2_PERCENT_2_TOP)
    return 4;
  if (percent > PEWS_O2_PERCENT_1_TOP)
    return 2;
  return 1;   /* G4: any supplemental oxygen scores at least 1 */
}

int
crs_pews_chart_o2_flow_score (double l_min)
{
  if (l_min > PEWS_O2_FLOW_2_TOP)
    return 4;
  if (l_min > PEWS_O2_FLOW_1_TOP)
    return 2;
  return 1;   /* G4: any supplemental oxygen scores at least 1 */
}

CrsPewsLevel
crs_pews_chart_level_for_total (int total)
{
  if (total >= PEWS_EMERGENCY_MIN)
    return CRS_PEWS_LEVEL_EMERGENCY;
  if (total >= PEWS_HIGH_MIN)
    return CRS_PEWS_LEVEL_HIGH;
  if (total >= PEWS_MEDIUM_MIN)
    return CRS_PEWS_LEVEL_MEDIUM;
  if (total >= PEWS_LOW_MIN)
    return CRS_PEWS_LEVEL_LOW;
  return CRS_PEWS_LEVEL_NONE;
}

/* ---------------------------------------------------------------------- */

const char *
crs_pews_name (void)
{
  return _("PEWS (NHS England national charts, 2023)");
}

const char *
crs_pews_param_label (CrsPewsParam param)
{
  g_return_val_if_fail (param < CRS_PEWS_N_PARAMS, "");
  return _(param_labels[param]);
}

const char *
crs_pews_level_to_id (CrsPewsLevel level)
{
  return crs_enum_nick (CRS_TYPE_PEWS_LEVEL, (int) level);
}

gboolean
crs_pews_level_from_id (const char   *id,
                        CrsPewsLevel *out)
{
  int value;

  if (!crs_enum_value_of_nick (CRS_TYPE_PEWS_LEVEL, id, &value))
    return FALSE;
  *out = (CrsPewsLevel) value;
  return TRUE;
}

const char *
crs_pews_level_label (CrsPewsLevel level)
{
  g_return_val_if_fail (level < CRS_PEWS_LEVEL_N_VALUES, "");
  return _(level_labels[level]);
}

const char *
crs_pews_level_response (CrsPewsLevel level)
{
  g_return_val_if_fail (level < CRS_PEWS_LEVEL_N_VALUES, "");
  return _(level_responses[level]);
}

const char *
crs_pews_level_review (CrsPewsLevel level)
{
  g_return_val_if_fail (level < CRS_PEWS_LEVEL_N_VALUES, "");
  return _(level_reviews[level]);
}

const char *
crs_pews_level_observations (CrsPewsLevel level)
{
  g_return_val_if_fail (level < CRS_PEWS_LEVEL_N_VALUES, "");
  return _(level_observations[level]);
}

int
crs_pews_level_interval_minutes (CrsPewsLevel level)
{
  g_return_val_if_fail (level < CRS_PEWS_LEVEL_N_VALUES, CRS_MISSING);
  return level_intervals[level];
}

/* "SC = Specific Concern CQ = Carer Question CI = Clinical Intuition P =
 * PEWS 0 = None" (S1, S2). */
const char *
crs_pews_trigger_code (CrsPewsTriggerKind kind)
{
  switch (kind)
    {
    case CRS_PEWS_TRIGGER_AVPU:
    case CRS_PEWS_TRIGGER_SEPSIS:
      return "SC";
    case CRS_PEWS_TRIGGER_CARER:
      return "CQ";
    case CRS_PEWS_TRIGGER_INTUITION:
      return "CI";
    default:
      g_return_val_if_reached ("");
    }
}

const char *
crs_pews_resp_distress_signs (CrsPewsBand     band,
                              CrsRespDistress distress)
{
  const char * const *signs;

  if (distress <= CRS_RESP_DISTRESS_NONE || distress >= CRS_RESP_DISTRESS_N_VALUES)
    return "";
  switch (band)
    {
    case CRS_PEWS_BAND_0_11_MONTHS:
    case CRS_PEWS_BAND_1_4_YEARS:
      signs = young_signs;
      break;
    case CRS_PEWS_BAND_5_12_YEARS:
    case CRS_PEWS_BAND_13_YEARS:
      signs = older_signs;
      break;
    case CRS_PEWS_BAND_UNSET:
    case CRS_PEWS_BAND_N_VALUES:
    default:
      return "";
    }
  return _(signs[distress]);
}

/* ---- Age and chart ---------------------------------------------------- */

int
crs_pews_age_months (const char *birth_date,
                     gint64      at)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d, months;

  if (birth_date == NULL ||
      sscanf (birth_date, "%d-%d-%d", &y, &m, &d) != 3 ||
      m < 1 || m > 12 || d < 1 || d > 31 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return -1;

  /* The ward's calendar day (G11: "completed years and months on the day
   * of the set"). */
  when = g_date_time_new_from_unix_local (at);
  if (when == NULL)
    return -1;

  months = (g_date_time_get_year (when) - y) * 12 + (g_date_time_get_month (when) - m);
  if (g_date_time_get_day_of_month (when) < d)
    months--;
  return months < 0 ? -1 : months;
}

CrsPewsBand
crs_pews_band_for_age (int age_months)
{
  if (age_months < 0)
    return CRS_PEWS_BAND_UNSET;
  if (age_months < PEWS_MONTHS_1_YEAR)
    return CRS_PEWS_BAND_0_11_MONTHS;
  if (age_months < PEWS_MONTHS_5_YEARS)
    return CRS_PEWS_BAND_1_4_YEARS;
  if (age_months < PEWS_MONTHS_13_YEARS)
    return CRS_PEWS_BAND_5_12_YEARS;
  return CRS_PEWS_BAND_13_YEARS;
}

/* S3 C2.2: "Where the patient is on the border between two age brackets
 * it must allow the clinician to select the alternate form (but not one
 * further away)"; C2.4: when a child has moved bracket the clinician may
 * stay on the current form. The sources set no distance for "on the
 * border" (decision, G11): "the alternate form" is the chart across the
 * age edge the child is nearer to, in months; at the middle of a band
 * both. The 0-11 months band has no chart below it, and the 13 years and
 * over band ends at 18 years (S2 "13 - 18 years"). */
#define PEWS_MONTHS_18_YEARS 216

static const int band_from_months[CRS_PEWS_BAND_N_VALUES + 1] = {
  [CRS_PEWS_BAND_0_11_MONTHS] = 0,
  [CRS_PEWS_BAND_1_4_YEARS] = PEWS_MONTHS_1_YEAR,
  [CRS_PEWS_BAND_5_12_YEARS] = PEWS_MONTHS_5_YEARS,
  [CRS_PEWS_BAND_13_YEARS] = PEWS_MONTHS_13_YEARS,
  [CRS_PEWS_BAND_N_VALUES] = PEWS_MONTHS_18_YEARS,
};

gboolean
crs_pews_band_allowed (int         age_months,
                       CrsPewsBand band)
{
  CrsPewsBand by_age = crs_pews_band_for_age (age_months);
  int to_lower, to_upper;

  if (band == CRS_PEWS_BAND_UNSET || band == by_age)
    return TRUE;
  if (band >= CRS_PEWS_BAND_N_VALUES)
    return FALSE;
  if (by_age == CRS_PEWS_BAND_UNSET)
    return TRUE;

  to_lower = age_months - band_from_months[by_age];
  to_upper = band_from_months[by_age + 1] - age_months;
  if (band == by_age - 1)
    return to_lower <= to_upper;
  if (band == by_age + 1)
    return to_upper <= to_lower;
  return FALSE;
}

