/* crs-display.h: how the window writes grades, scores and times, the same
 * on every screen. Colour is never the only cue: every grade is shown
 * with its number and its word, and the style classes only add colour.
 * Returned strings are newly allocated and translated. */
#pragma once

#include <glib.h>

#include "core/crs-grading.h"
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

/* "5 medium", "8 high", "incomplete" (no total). @risk may be UNKNOWN
 * when only the total is known: the band is then worked out from it. */
char       *crs_display_news2            (int          total,
                                          CrsNews2Risk risk);
const char *crs_display_news2_class      (int          total,
                                          CrsNews2Risk risk);
/* "not used (under 16)": NEWS2 for a patient younger than the ward's
 * NEWS2 age (@min_age, CrsWardPolicy.news2_min_age). */
char       *crs_display_news2_not_used   (int          min_age);
/* TRUE when a set of @patient taken at @at shows "not used" for NEWS2: no
 * NEWS2 stored with it (@stored_news2 missing) and the patient was below
 * @policy's NEWS2 age then. A NEWS2 saved before the rule stays shown. */
gboolean    crs_display_news2_is_not_used (CrsPatient          *patient,
                                           gint64               at,
                                           int                  stored_news2,
                                           const CrsWardPolicy *policy);

/* "Red flag acknowledged by S. Nakamura at 14:32: Dr Okafor informed"
 * (the time as crs_display_time() writes it; no note, no colon). */
char       *crs_display_acknowledgement  (const CrsAcknowledgement *ack,
                                          gint64                    now);
/* The newest acknowledgement of set @observation_id in @acknowledgements
 * (CrsAcknowledgement *, may be NULL), or NULL. */
const CrsAcknowledgement *crs_display_find_acknowledgement (GPtrArray *acknowledgements,
                                                           gint64     observation_id);

/* A time of day as a chart shows it: "14:05" today, "Yesterday 14:05",
 * "3 Mar 14:05" otherwise (local time). */
char       *crs_display_time             (gint64       at,
                                          gint64       now);
/* "3 Mar 2024 14:05" (local time). */
char       *crs_display_date_time        (gint64       at);
/* A unit as people read it: the UCUM code a laboratory sends ("ug/L",
 * "10*9/L", "umol/L") written "µg/L", "×10⁹/L", "µmol/L"; other text as
 * it is. */
char       *crs_display_unit             (const char  *unit);
/* "Day 2, 49 h" after an infusion started at @start; "Before infusion". */
char       *crs_display_since_infusion   (gint64       start,
                                          gint64       at);

G_END_DECLS
