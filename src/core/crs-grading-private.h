/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grading-private.h: what the grading files share. Not for other
 * layers: they call crs-grading.h. */
#pragma once

#include "crs-grading.h"

G_BEGIN_DECLS

/* Each scale has a compute part (numbers only, no allocation) and a
 * describe part (words, from the numbers and the set). crs_grading_
 * compute() calls the compute parts in this order (red flags read the
 * grades); crs_grading_new() then calls the describe parts. */
void crs_grade_crs_compute    (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy);
void crs_grade_icans_compute  (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy);
void crs_grade_news2_compute  (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy);
void crs_red_flags_compute    (CrsGrading              *grading,
                               CrsObservation          *observation);

void crs_grade_crs_describe   (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy);
void crs_grade_icans_describe (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsWardPolicy     *policy);
void crs_grade_news2_describe (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsWardPolicy     *policy);
void crs_red_flags_describe   (CrsGrading              *grading,
                               CrsObservation          *observation);
void crs_guidance_describe    (CrsGrading              *grading,
                               CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy);

/* Temperature in tenths of a degree, rounded to the nearest tenth.
 * Thermometers read to 0.1 °C and every band edge in the sources is
 * written at 0.1 °C (ASTCT >= 38.0; NEWS2 35.0/35.1, 36.0/36.1,
 * 38.0/38.1, 39.0/39.1), so 38.04 is read as 38.0 and 37.96 as 38.0: a
 * value between two printed bands never falls into a gap. */
int  crs_temperature_tenths (double celsius);

/* ASTCT fever: >= 38.0 °C (Lee 2019 via PMC8021214 Table 1, PMC9327779
 * Table 2, ASCO 2021 Table 1; the NCCN transcription's "> 38" is not
 * used, see grading.md). In tenths of a degree. */
#define CRS_FEVER_TENTHS 380

/* Whether the patient is on supplemental oxygen: any device but room air;
 * with no device recorded, a flow above 0 or an FiO2 above 21 %.
 * *@known is FALSE when nothing tells. */
gboolean crs_observation_on_oxygen (CrsObservation *observation,
                                    gboolean       *known);

/* The grade a CRS domain finding gives: CRS_MISSING when not recorded. */
int  crs_circulation_grade (CrsCirculation circulation);
int  crs_oxygen_grade      (CrsOxygen      oxygen);

/* Appends a newly allocated string. */
void crs_strv_add (GPtrArray  *array,
                   char       *take);

G_END_DECLS
