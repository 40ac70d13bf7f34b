/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-timeline-feed.h: a patient's status as the timeline chart draws it.
 *
 * Fills a CrsTimelineModel from a CrsPatientStatus (core: every set
 * graded as of now from the full history) and the patient's infusions
 * and interventions. The chart decides nothing itself: each point is
 *  - CRS and ICANS as of now: determined, "at least N" (the lower bound
 *    the recorded findings prove) or not determined (a gap), with the
 *    grade stored with the set at entry where it differs;
 *  - NEWS2: the total, or for a partial set the sum of the parameters
 *    recorded as "at least"; none for a patient NEWS2 is not used for;
 *  - the temperature, with the ASTCT fever line from core.
 * Each infusion is labelled with its therapy and step and shades its
 * therapy's reported onset range (crs_monitoring_onset_span()) when the
 * status knows that therapy. "Now" is the status's.
 *
 * GLib only (no GTK): the patient page, the ward list's sparklines and
 * the handover report use the same feed. */
#pragma once

#include "core/crs-patient-status.h"
#include "crs-timeline-model.h"

G_BEGIN_DECLS

/* One set's point from its grading as of now (numbers only are read). */
void crs_timeline_feed_point (CrsTimelinePoint *point,
                              CrsObservation   *set,
                              const CrsGrading *grading);

/* Replaces @model's points, infusions and interventions with @status's
 * sets and @infusions (CrsInfusion *) and @interventions
 * (CrsIntervention *) of the same patient (either may be NULL), sets
 * its "now" and fever line, and keeps its view settings. "changed" is
 * emitted once. The onset range is shaded for each infusion of the
 * status's therapy (status->therapy, the therapy of the current
 * infusion: the same code, or the same name without a code). */
void crs_timeline_feed_fill  (CrsTimelineModel *model,
                              CrsPatientStatus *status,
                              GPtrArray        *infusions,
                              GPtrArray        *interventions);

/* "Teclistamab, step-up dose 1": the infusion's therapy (the generic
 * name of @therapy when given) and its step. Newly allocated. */
char *crs_timeline_feed_infusion_label (CrsInfusion *infusion,
                                        CrsTherapy  *therapy);

G_END_DECLS
