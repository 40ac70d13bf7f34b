/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-display.h: how the window writes grades, scores and times, the same
 * on every screen. Colour is never the only cue: every grade is shown
 * with its number and its word, and the style classes only add colour.
 * Returned strings are newly allocated and translated. */
#pragma once

#include <glib.h>

#include "core/crs-format.h"
#include "core/crs-grading.h"
#include "core/crs-patient-status.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

/* "2 moderate", "0 none"; "not determined" for CRS_MISSING (the words
 * of crs_grade_word()). */
char       *crs_display_grade            (int          grade);
/* "CRS grade 2, moderate" (for screen readers and tooltips); @scale is
 * "CRS" or "ICANS". */
char       *crs_display_grade_sentence   (const char  *scale,
                                          int          grade);
/* Style class of a grade badge (with "crs-grade-badge", as in the
 * forms): "crs-grade-0" ... "crs-grade-4", "crs-grade-none". */
const char *crs_display_grade_class      (int          grade);

/* A grading's grade as a table cell shows it: "2 moderate", "at least 2
 * moderate", "not determined". */
char       *crs_display_grading_grade    (const CrsGrading *grading,
                                          gboolean          icans);
/* "CRS 2 moderate", "CRS at least 2 moderate", "ICANS not determined". */
char       *crs_display_scale_chip       (const char           *scale,
                                          const CrsScaleStatus *status);
/* "CRS grade 2, moderate", "CRS at least grade 2, moderate" (for screen
 * readers and tooltips). */
char       *crs_display_scale_sentence   (const char           *scale,
                                          const CrsScaleStatus *status);
/* NEWS2 of a grading: "5 medium", "at least low–medium" (a partial set
 * whose recorded parameters reach a band), "incomplete", "not used
 * (under 16)" (a child below the ward's NEWS2 age); and its colour. */
char       *crs_display_news2            (const CrsGrading *grading);
const char *crs_display_news2_class      (const CrsGrading *grading);

/* A child's PEWS (NHS England national charts, 2023) of a grading whose
 * pews_applies: "6 medium", "2, level high" (a trigger raised it), "at
 * least 4 low", "at least 2, level high", "incomplete"; and its colour
 * (low 1, medium 2, high 3, emergency 4). */
char       *crs_display_pews             (const CrsGrading *grading);
const char *crs_display_pews_class       (const CrsGrading *grading);
/* The early-warning score where NEWS2 stands for adults: its name
 * ("NEWS2", or "PEWS" for a child), value (crs_display_news2() or
 * crs_display_pews()) and colour. */
const char *crs_display_early_warning_name  (const CrsGrading *grading);
char       *crs_display_early_warning       (const CrsGrading *grading);
const char *crs_display_early_warning_class (const CrsGrading *grading);
/* A PEWS stored with a set (a replaced version): "6 medium", "low" (a
 * partial set), "—". */
char       *crs_display_stored_pews      (CrsObservation   *observation);

/* "Red flag acknowledged by S. Nakamura at 14:32: Dr Okafor informed"
 * (the time as crs_format_time() writes it; no note, no colon). */
char       *crs_display_acknowledgement  (const CrsAcknowledgement *ack,
                                          gint64                    now);
/* A unit as people read it: the UCUM code a laboratory sends ("ug/L",
 * "10*9/L", "umol/L") written "µg/L", "×10⁹/L", "µmol/L"; other text as
 * it is. */
char       *crs_display_unit             (const char  *unit);
G_END_DECLS
