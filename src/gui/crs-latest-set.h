/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-latest-set.h: the latest observation set on the patient page, with
 * its grades, their reasons and guidance (ui/crs-latest-set.ui). */
#pragma once

#include <adwaita.h>

#include "core/crs-patient-status.h"
#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_LATEST_SET (crs_latest_set_get_type ())
G_DECLARE_FINAL_TYPE (CrsLatestSet, crs_latest_set, CRS, LATEST_SET, GtkWidget)

/* Shows the newest set of @status with its grades as of now, their
 * reasons and guidance, the grades saved with it where they differ, the
 * due time, its red flag and who acknowledged it. */
void crs_latest_set_show (CrsLatestSet     *self,
                          CrsPatientStatus *status);

G_END_DECLS
