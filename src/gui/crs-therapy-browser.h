/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-browser.h: the therapy reference window: search by generic or
 * brand name, filter by class, and every field of a therapy with its
 * source. Opened from the primary menu (app.therapy-reference) or on one
 * therapy (app.show-therapy, or crs_therapy_browser_present()). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_THERAPY_BROWSER (crs_therapy_browser_get_type ())
G_DECLARE_FINAL_TYPE (CrsTherapyBrowser, crs_therapy_browser, CRS, THERAPY_BROWSER, AdwWindow)

CrsTherapyBrowser *crs_therapy_browser_new           (GtkApplication    *application);
/* Shows the therapy with this code (or, failing that, this generic,
 * brand or other name, as entered on an infusion). One that is not in
 * the reference shows "No reference data for this therapy: ask the
 * pharmacist". Returns TRUE when the therapy was found. */
gboolean           crs_therapy_browser_show_therapy  (CrsTherapyBrowser *self,
                                                      const char        *code);
/* The code of the therapy shown, or NULL. */
const char        *crs_therapy_browser_get_code      (CrsTherapyBrowser *self);

/* The browser of @application (created on first use), presented, and
 * showing @code when not NULL. For the patient page: "show the reference
 * for this infusion's therapy". */
CrsTherapyBrowser *crs_therapy_browser_present       (GtkApplication    *application,
                                                      const char        *code);

G_END_DECLS
