/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-lock-page.h: the sign-in page a locked window shows instead of the
 * ward: the active nurses to choose from, a PIN entry (Enter signs in)
 * and, after a wrong PIN, what went wrong. Five wrong PINs in a row make
 * each further try wait 5 s longer than the one before, up to 60 s; the
 * page never locks anyone out for good.
 *
 * Signal "signed-in": the store now has a signed-in account. */
#pragma once

#include <adwaita.h>

#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_LOCK_PAGE (crs_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (CrsLockPage, crs_lock_page, CRS, LOCK_PAGE, GtkWidget)

/* Wrong PINs in a row before tries are slowed down, the step the wait
 * grows by, and its ceiling (issue 17: "five wrong tries in a row slow
 * further tries"; no lock-out that stops a ward from working). */
#define CRS_LOCK_PAGE_FREE_TRIES    5
#define CRS_LOCK_PAGE_WAIT_STEP_S   5
#define CRS_LOCK_PAGE_WAIT_MAX_S    60

void        crs_lock_page_set_store     (CrsLockPage *self,
                                         CrsStore    *store);
/* Reads the nurses again, empties the PIN and chooses @user_name (NULL:
 * keep the choice). */
void        crs_lock_page_reset         (CrsLockPage *self,
                                         const char  *user_name);
/* Puts the focus in the PIN entry. */
void        crs_lock_page_focus         (CrsLockPage *self);
/* Tries to sign in the chosen nurse with the PIN typed (what Enter
 * does); TRUE when signed in. */
gboolean    crs_lock_page_sign_in       (CrsLockPage *self);
/* The seconds the next try must wait (0: none). */
guint       crs_lock_page_get_wait      (CrsLockPage *self);

G_END_DECLS
