/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grading-history.h: the context each set of one patient is graded
 * with, from the patient's whole record: age, SpO2 scale, CAPD choice,
 * risk, and whether fever is masked.
 *
 * Fever masking (ASTCT 2019 via PMC8021214 Table 1 footnote and the NCI
 * PDQ reprint, shared/clinical/grading.md §1): once an antipyretic, an
 * anti-cytokine (tocilizumab) or a corticosteroid has been given after
 * CRS onset, fever is no longer required. Here:
 *  - an episode runs from the start of the latest infusion up to the next
 *    one (before any infusion, from the start of the record), because a
 *    new infusion can start a new CRS;
 *  - CRS onset is the first set of the episode with fever (38.0 °C or
 *    more): before onset nothing masks fever, so the first set graded
 *    CRS 1 or more is the first with fever, whatever the ward policy;
 *  - fever is masked for a set when such a drug was given at or after the
 *    onset and at or before the set, in whatever order the doses and the
 *    sets were entered. A drug given before onset (premedication) does
 *    not mask: the Lunsumio label's "premedication may mask fever" is for
 *    the prescriber to weigh, and a ward can still set fever_masked by
 *    hand in the CSV.
 * Superseded versions of amended sets are ignored. */
#pragma once

#include <glib.h>

#include "crs-grading.h"

G_BEGIN_DECLS

typedef struct _CrsGradingHistory CrsGradingHistory;

/* A history over @observations (CrsObservation *, any versions; the
 * current ones count), @interventions and @infusions of @patient (may be
 * NULL). The arrays are referenced, not copied. Without
 * crs_grading_history_set_first_fever(), @observations must hold every
 * current set of each episode that is graded. */
CrsGradingHistory *crs_grading_history_new   (CrsPatient          *patient,
                                              GPtrArray           *observations,
                                              GPtrArray           *interventions,
                                              GPtrArray           *infusions);
void               crs_grading_history_free  (CrsGradingHistory   *self);
/* For a caller that holds only the newest sets (the ward list): the
 * first set with fever taken at or after @episode_start (the store's
 * crs_store_find_first_fever()), 0 when none. Used for the episode that
 * starts at @episode_start instead of searching @observations. */
void               crs_grading_history_set_first_fever (CrsGradingHistory *self,
                                                        gint64             episode_start,
                                                        gint64             first_fever_at);
/* The context of a set taken at @at. */
void               crs_grading_history_context (CrsGradingHistory *self,
                                                gint64             at,
                                                CrsGradingContext *context);
/* The onset of CRS in the episode holding @at (the first set with
 * fever), or 0 when there is none yet at @at. */
gint64             crs_grading_history_onset   (CrsGradingHistory *self,
                                                gint64             at);

/* Start of the CRS episode a set taken at @at belongs to: the start of the
 * latest infusion at or before @at, or 0 when there is none. */
gint64      crs_grading_episode_start   (GPtrArray *infusions,
                                         gint64     at);
/* The start of each episode a set can belong to: 0 and every infusion's
 * start, oldest first, without repeats (a new GArray of gint64). */
GArray     *crs_grading_episode_starts  (GPtrArray *infusions);
/* The current (not superseded) sets of @observations, oldest first, by
 * taken_at then id: a new array holding references. */
GPtrArray  *crs_grading_current_sets    (GPtrArray *observations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsGradingHistory, crs_grading_history_free)

G_END_DECLS
