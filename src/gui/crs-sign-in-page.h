/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-sign-in-page.h: the Sign-In page of Preferences: sign-in on or off,
 * the idle time before the window locks, and the ward's nurse accounts
 * (add, disable or enable, reset a PIN). Preferences shows it to a ward
 * administrator, or to anyone while sign-in is off. */
#pragma once

#include <adwaita.h>

#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_SIGN_IN_PAGE (crs_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (CrsSignInPage, crs_sign_in_page, CRS, SIGN_IN_PAGE, AdwPreferencesPage)

CrsSignInPage *crs_sign_in_page_new      (CrsStore *store);
/* Whether the nurse at the keyboard may see the page: a signed-in ward
 * administrator, or anyone while sign-in is off. */
gboolean       crs_sign_in_page_allowed  (CrsStore *store);

G_END_DECLS
