/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-model.h: the ward list as a GListModel of CrsWardEntry, one per
 * patient on the ward (not archived), in the store's order.
 *
 * It follows the store: a "changed" signal naming a patient reloads that
 * patient alone; one naming none (a batch, a ward setting) reloads the
 * ward. A change of the patients themselves (added, archived) changes
 * the items; any other change is an entry's "changed". Due times move
 * with crs_ward_model_tick(). "refreshed" is emitted after every reload
 * and tick, once the entries are up to date (orders may have changed).
 *
 * A read that fails leaves the list as it was and makes it "stale": the
 * next change of the store and the next tick read the whole ward again,
 * until a read succeeds. The "stale-error" property (the GError, NULL when
 * up to date) is notified at each failure and when a read succeeds again,
 * so that the window can say so; "read-at" is when the list shown was read
 * (crs_ward_model_get_stale_error(), crs_ward_model_get_read_at()).
 * "reference-failed" is emitted the first time the therapy reference
 * could not be read for a patient's therapy (its window is then unknown
 * and the ward's interval applies; crs_ward_model_get_reference_error()). */
#pragma once

#include <gio/gio.h>

#include "crs-ward-entry.h"

G_BEGIN_DECLS

#define CRS_TYPE_WARD_MODEL (crs_ward_model_get_type ())
G_DECLARE_FINAL_TYPE (CrsWardModel, crs_ward_model, CRS, WARD_MODEL, GObject)

/* @reference may be NULL (no therapy data: every window unknown). */
CrsWardModel *crs_ward_model_new        (CrsStore            *store,
                                         CrsReference        *reference);
/* The ward policy for due times (the window interval); reloads. */
void          crs_ward_model_set_policy (CrsWardModel        *self,
                                         const CrsWardPolicy *policy);
/* Reads the whole ward again. On error the model keeps what it had. */
gboolean      crs_ward_model_reload     (CrsWardModel        *self,
                                         GError             **error);
/* Reads one patient again (a whole reload when the patient is new or has
 * left the ward). */
gboolean      crs_ward_model_reload_patient (CrsWardModel    *self,
                                             gint64           patient_id,
                                             GError         **error);
/* Works due times and windows out again for @now (Unix seconds). */
void          crs_ward_model_tick       (CrsWardModel        *self,
                                         gint64               now);
/* The entry of this patient, or NULL (not on the ward). */
CrsWardEntry *crs_ward_model_find       (CrsWardModel        *self,
                                         gint64               patient_id);
/* Why the list shown could not be read again (NULL: it is up to date). */
const GError *crs_ward_model_get_stale_error     (CrsWardModel *self);
/* When the list shown was last read (the model's "now" then): a whole
 * reload, or a patient's while the list was up to date; 0 when never. */
gint64        crs_ward_model_get_read_at         (CrsWardModel *self);
/* TRUE when no read of the ward has succeeded yet and the last failed:
 * an empty list then says nothing of who is on the ward. */
gboolean      crs_ward_model_is_unread           (CrsWardModel *self);
/* Why the therapy reference could not be read, the first time it could
 * not (NULL: it never failed). */
const char   *crs_ward_model_get_reference_error (CrsWardModel *self);
/* The time "now" for the model: real time, unless a test set one. */
gint64        crs_ward_model_get_now    (CrsWardModel        *self);
void          crs_ward_model_set_now    (CrsWardModel        *self,
                                         gint64               now);   /* 0 = real time */

G_END_DECLS
