/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-escalation-banner-private.h: what the tests read of
 * CrsEscalationBanner: its parts and what it shows. Only its own file
 * and the tests include this. */
#pragma once

#include "crs-escalation-banner.h"

G_BEGIN_DECLS

gboolean    crs_escalation_banner_is_shown   (CrsEscalationBanner *self);
const char *crs_escalation_banner_get_title  (CrsEscalationBanner *self);
const char *crs_escalation_banner_get_detail (CrsEscalationBanner *self);

G_END_DECLS
