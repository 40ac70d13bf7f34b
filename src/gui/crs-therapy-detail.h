/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-detail.h: everything the reference holds about one therapy,
 * each value with its source and study, "No data" where no source gave
 * one. */
#pragma once

#include <adwaita.h>

#include "core/crs-therapy.h"

G_BEGIN_DECLS

#define CRS_TYPE_THERAPY_DETAIL (crs_therapy_detail_get_type ())
G_DECLARE_FINAL_TYPE (CrsTherapyDetail, crs_therapy_detail, CRS, THERAPY_DETAIL, AdwBin)

void        crs_therapy_detail_set_therapy (CrsTherapyDetail *self,
                                            CrsTherapy       *therapy);
CrsTherapy *crs_therapy_detail_get_therapy (CrsTherapyDetail *self);

G_END_DECLS
