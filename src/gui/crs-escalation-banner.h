/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-escalation-banner.h: the red flag banner of the patient page
 * (ui/crs-escalation-banner.ui). Its button runs win.acknowledge. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_ESCALATION_BANNER (crs_escalation_banner_get_type ())
G_DECLARE_FINAL_TYPE (CrsEscalationBanner, crs_escalation_banner, CRS, ESCALATION_BANNER, GtkWidget)

/* Shows the banner with @title ("Red flag at 14:05") and @detail (the
 * findings); NULL @title hides it. */
void        crs_escalation_banner_show       (CrsEscalationBanner *self,
                                              const char          *title,
                                              const char          *detail);
/* On a narrow window: the button under the text, which keeps the width. */
void        crs_escalation_banner_set_compact (CrsEscalationBanner *self,
                                               gboolean             compact);

G_END_DECLS
