/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-pews-chart.h: what the NHS England national PEWS charts (2023) say
 * cell by cell, for crs-grade-pews.c (crs-pews-chart.c cites each cell's
 * source). Private to src/core: other code calls crs-grade-pews.h. */
#pragma once

#include <glib.h>

#include "crs-grade-pews.h"

G_BEGIN_DECLS

/* "HF = High Flow BiP = BiPAP CP = CPAP - Scores the maximum of 4" (S1);
 * "Pink - Scores 4 and overrides any score from oxygen support level"
 * (S2). */
#define CRS_PEWS_CHART_SUPPORT_SCORE 4
/* Room air is 21 % oxygen (the FiO2 of air). */
#define CRS_PEWS_CHART_AIR_PERCENT 21.0

/* Names of the parameters inside a sentence, N_() marked. */
extern const char * const crs_pews_param_names[CRS_PEWS_N_PARAMS];

/* Respiratory rate, heart rate or systolic pressure on @band's chart. */
int          crs_pews_chart_banded_score        (CrsPewsBand     band,
                                                 CrsPewsParam    param,
                                                 int             value);
int          crs_pews_chart_spo2_score          (int             spo2);
/* CRS_MISSING for UNSET. */
int          crs_pews_chart_resp_distress_score (CrsRespDistress distress);
/* CRS_MISSING for UNSET. */
int          crs_pews_chart_bp_skip_score       (CrsBpSkip       skip);
int          crs_pews_chart_crt_score           (double          seconds);
/* Oxygen given, above 0 % or 0 L/min: at least 1. */
int          crs_pews_chart_o2_percent_score    (double          percent);
int          crs_pews_chart_o2_flow_score       (double          l_min);
/* Devices that score 4 whatever the oxygen level. */
gboolean     crs_pews_chart_support_device      (CrsO2Device     device);
CrsPewsLevel crs_pews_chart_level_for_total     (int             total);

G_END_DECLS
