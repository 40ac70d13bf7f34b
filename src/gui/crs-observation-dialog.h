/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-observation-dialog.h: the form a nurse enters one observation set
 * with, in paper-chart order, graded live as it is typed.
 *
 * Saving grades the set, stores it with its grades through the store
 * (a new set, or a new version of @amend with the reason typed), emits
 * "saved" with the set as saved (id set) and closes. A save error is shown
 * in the form, which stays open with everything typed. When the ward
 * database could not be reached (a shared ward's server down, the file
 * held too long by another program), the set is also kept on this
 * workstation (crs-set-draft.h) until it is saved or discarded.
 *
 * Signal "saved" (CrsObservation *saved). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"
#include "crs-form-window.h"
#include "exchange/crs-set-draft.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_OBSERVATION_DIALOG (crs_observation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsObservationDialog, crs_observation_dialog, CRS, OBSERVATION_DIALOG, CrsFormWindow)

/* @amend: NULL for a new set; else the form opens filled with this set
 * and asks for a reason. */
CrsObservationDialog *crs_observation_dialog_new (GtkWindow      *parent,
                                                  CrsStore       *store,
                                                  CrsPatient     *patient,
                                                  CrsObservation *amend);
/* The form filled with a set kept on this workstation (@draft, taken),
 * saying so; @amend is the set the draft amends, or NULL. Saving or
 * discarding it removes the draft's file. */
CrsObservationDialog *crs_observation_dialog_new_from_draft (GtkWindow      *parent,
                                                             CrsStore       *store,
                                                             CrsPatient     *patient,
                                                             CrsObservation *amend,
                                                             CrsSetDraft    *draft);

G_END_DECLS
