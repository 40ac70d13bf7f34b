/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-acknowledge-dialog.h: acknowledging a patient's red flags with the
 * nurse's name and who was informed (ui/crs-acknowledge-dialog.ui). */
#pragma once

#include <adwaita.h>

#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_ACKNOWLEDGE_DIALOG (crs_acknowledge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrsAcknowledgeDialog, crs_acknowledge_dialog, CRS, ACKNOWLEDGE_DIALOG, AdwMessageDialog)

/* For the open escalations @observations (CrsObservation *) whose red
 * flags are @findings in words. The name is filled in with the store's
 * author. @note and @problem (a save that failed) may be NULL.
 * On "Acknowledge" every set is acknowledged in one transaction
 * (crs_store_add_acknowledgement: audited), then "acknowledged" (guint
 * count) is emitted; a failure emits "failed" (the GError, the note). */
CrsAcknowledgeDialog *crs_acknowledge_dialog_new (GtkWindow  *parent,
                                                  CrsStore   *store,
                                                  GPtrArray  *observations,
                                                  const char *findings,
                                                  const char *note,
                                                  const char *problem);

G_END_DECLS
