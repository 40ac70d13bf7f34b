/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-guidance.h: what a grade means for the nurse, in plain words.
 *
 * Information for the nurse, not orders: the medical team decides the
 * treatment. Written in our own words from the seed article's grade table
 * and emergency advice (shared/seed/000_f8b6ddb3c8adf4e1.txt), the
 * management summary in shared/clinical/risk_factors.md (ASCO 2021, NCCN
 * transcription, NCI 2014) and RCP NEWS2 chart 4. Returned strings are
 * translated and newly allocated. */
#pragma once

#include <glib.h>

#include "crs-grading.h"

G_BEGIN_DECLS

/* @grade 0-4 or CRS_MISSING. @high_risk adds the note on anti-cytokine
 * therapy at the first sign of CRS. */
char       *crs_guidance_for_crs   (int          grade,
                                    gboolean     high_risk);
char       *crs_guidance_for_icans (int          grade,
                                    gboolean     by_capd);
/* @total is used to tell total 0 (12-hourly) from 1-4 (4-6-hourly). */
char       *crs_guidance_for_news2 (CrsNews2Risk risk,
                                    int          total);
/* For a patient younger than the ward's NEWS2 age (@min_age): NEWS2 is
 * not used; PEWS is. */
char       *crs_guidance_news2_not_used (int     min_age);
/* Shown with fever or hypotension (CrsGrading.mimic_reminder). */
const char *crs_guidance_mimics    (void);
/* One line under every piece of guidance. */
const char *crs_guidance_disclaimer (void);

G_END_DECLS
