/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-entry.h: one patient of the ward list: the record read from
 * the store (the newest sets, infusions, doses, acknowledgements, red
 * flags) and the patient's status worked out from it by core
 * (crs-patient-status.h), which is all the row shows.
 *
 * Like a sidebar item of GNOME Text Editor, the entry says what its
 * row shows as properties (the bed, the chips, the due time, the red
 * flag, the sentence for screen readers), worked out from the status
 * and notified only when they change; the row (crs-ward-row.c) binds its
 * widgets to them. "status" is notified whenever the status changed in
 * anything a person sees. */
#pragma once

#include <gio/gio.h>

#include "core/crs-patient-status.h"
#include "store/crs-reference.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_WARD_ENTRY (crs_ward_entry_get_type ())
G_DECLARE_FINAL_TYPE (CrsWardEntry, crs_ward_entry, CRS, WARD_ENTRY, GObject)

/* A fresh entry for @patient (copied), with nothing loaded. */
CrsWardEntry *crs_ward_entry_new           (CrsPatient          *patient);
gint64        crs_ward_entry_get_id        (CrsWardEntry        *self);
/* The record as last loaded, and the status worked out from it (NULL
 * until loaded). Borrowed. */
CrsPatient       *crs_ward_entry_get_patient       (CrsWardEntry *self);
CrsPatientStatus *crs_ward_entry_get_status        (CrsWardEntry *self);
GPtrArray        *crs_ward_entry_get_infusions     (CrsWardEntry *self);
GPtrArray        *crs_ward_entry_get_interventions (CrsWardEntry *self);
/* The therapy of the current infusion in the reference, or NULL; why the
 * reference could not be read for it, or NULL. */
CrsTherapy       *crs_ward_entry_get_therapy       (CrsWardEntry *self);
const char       *crs_ward_entry_get_therapy_error (CrsWardEntry *self);
/* The time the status is worked out for (Unix seconds). */
gint64            crs_ward_entry_get_now           (CrsWardEntry *self);

/* Reads this patient's record from @store (a handful of indexed
 * queries; never the whole history: the sets of the last 72 hours and
 * at least the 8 newest, and the first set
 * with fever of each episode for fever masking). With @open (the ward's
 * open escalations, from one query) the patient's are taken from it
 * instead of asked for. Then works the status out for @now and
 * notifies "status". */
gboolean      crs_ward_entry_load          (CrsWardEntry        *self,
                                            CrsStore            *store,
                                            CrsReference        *reference,
                                            GHashTable          *therapies,
                                            GPtrArray           *open,
                                            const CrsWardPolicy *policy,
                                            gint64               now,
                                            GError             **error);
/* Works the status out again for @now and @policy (the minute timer, a
 * policy change). "status" is notified when anything a person sees
 * changed. */
void          crs_ward_entry_update_time   (CrsWardEntry        *self,
                                            const CrsWardPolicy *policy,
                                            gint64               now);

/* Every set of the last 72 hours graded as of the last load, with the
 * policy of the status (for the sparkline); NULL before the first load.
 * Worked out once per load, or after crs_ward_entry_forget_chart() (a
 * ward policy changed), not at every minute. Borrowed. */
CrsPatientStatus *crs_ward_entry_get_chart_status (CrsWardEntry *self);
void              crs_ward_entry_forget_chart     (CrsWardEntry *self);

/* Orders of the ward list. By bed: beds as people count them ("2"
 * before "10"), then name. By urgency: crs_patient_status_compare_
 * urgency(), then bed. */
int           crs_ward_entry_compare_bed     (CrsWardEntry *a,
                                              CrsWardEntry *b);
int           crs_ward_entry_compare_urgency (CrsWardEntry *a,
                                              CrsWardEntry *b);
/* TRUE when @folded (crs_ward_entry_fold()ed search text) is in the
 * patient's name or MRN; an empty text matches everyone. */
gboolean      crs_ward_entry_matches       (CrsWardEntry *self,
                                            const char   *folded);
char         *crs_ward_entry_fold          (const char   *text);

G_END_DECLS
