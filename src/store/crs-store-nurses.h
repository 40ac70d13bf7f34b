/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-nurses.h: nurse accounts and who is signed in.
 *
 * Accounts live in the ward database (tables nurse and nurse_pin, schema
 * version 7), so a ward keeps its nurses with its records and backups.
 * An account is never deleted, only disabled: the audit log keeps naming
 * it. PINs are stored as Argon2id strings (libsodium crypto_pwhash_str,
 * interactive limits) and never in clear, in the database or anywhere
 * else.
 *
 * While a nurse is signed in (crs_store_sign_in), every write of this
 * store object records her: the audit row's account_id, and her display
 * name as the author of the audit row and of the record itself (set,
 * amendment, acknowledgement, intervention, infusion, lab result, late
 * red flag). Signed out, the author is the one of crs_store_set_author
 * and the audit row has no account ("not signed in").
 *
 * Ward settings: signin.enabled ("on"/"off"; missing = off, so an
 * existing ward keeps working as before until an administrator turns it
 * on, which needs an active administrator account) and
 * signin.idle_minutes (CRS_SIGNIN_IDLE_MINUTES_*). The app asks for a
 * sign-in only when it is on; the store itself records whoever is signed
 * in either way. */
#pragma once

#include "crs-store.h"

G_BEGIN_DECLS



typedef struct
{
  gint64    id;
  char     *user_name;      /* unique, never changes */
  char     *display_name;   /* the name records carry */
  gboolean  admin;          /* role: ward administrator, else nurse */
  gboolean  active;
  gint64    created;        /* Unix seconds, UTC */
} CrsNurse;

void      crs_nurse_free (CrsNurse *nurse);
CrsNurse *crs_nurse_copy (const CrsNurse *nurse);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsNurse, crs_nurse_free)

/* Idle minutes before the window locks: ward setting signin.idle_minutes.
 * Default 5 (issue 17: "default 5 minutes; 1-60"). */
#define CRS_SIGNIN_IDLE_MINUTES_DEFAULT 5
#define CRS_SIGNIN_IDLE_MINUTES_MIN     1
#define CRS_SIGNIN_IDLE_MINUTES_MAX     60

/* The shortest PIN an account may have. */
#define CRS_NURSE_PIN_MIN_LENGTH 4

/* Adds an account with @pin (hashed here; the caller should wipe its own
 * copy). The first account of a ward is always an administrator.
 * *@id_out (may be NULL) gets its id. Audited. */
gboolean   crs_store_add_nurse        (CrsStore    *self,
                                       const char  *user_name,
                                       const char  *display_name,
                                       gboolean     admin,
                                       const char  *pin,
                                       gint64      *id_out,
                                       GError     **error);
/* The same with an Argon2id string made earlier (the demo ward's
 * accounts share one, so that the demo opens without hashing). */
gboolean   crs_store_add_nurse_hashed (CrsStore    *self,
                                       const char  *user_name,
                                       const char  *display_name,
                                       gboolean     admin,
                                       const char  *pin_hash,
                                       gint64      *id_out,
                                       GError     **error);
/* Disables or enables an account (audited); the last active
 * administrator cannot be disabled while sign-in is on. */
gboolean   crs_store_set_nurse_active (CrsStore    *self,
                                       gint64       nurse_id,
                                       gboolean     active,
                                       GError     **error);
/* Gives an account a new PIN (audited on the nurse row, without it). */
gboolean   crs_store_reset_pin        (CrsStore    *self,
                                       gint64       nurse_id,
                                       const char  *pin,
                                       GError     **error);
/* The accounts by display name (CrsNurse *); disabled ones too when
 * @include_disabled. */
GPtrArray *crs_store_list_nurses      (CrsStore    *self,
                                       gboolean     include_disabled,
                                       GError     **error);
/* NULL without error when there is no such account. */
CrsNurse  *crs_store_find_nurse       (CrsStore    *self,
                                       const char  *user_name,
                                       GError     **error);

/* Signs @user_name in with @pin. A wrong PIN fails with "Wrong PIN for
 * NAME."; a disabled or unknown account cannot sign in. Whoever was
 * signed in before is signed out first, whatever the outcome. */
gboolean        crs_store_sign_in     (CrsStore    *self,
                                       const char  *user_name,
                                       const char  *pin,
                                       GError     **error);
void            crs_store_sign_out    (CrsStore    *self);
/* The signed-in account, or NULL. */
const CrsNurse *crs_store_get_account (CrsStore    *self);

/* The ward settings of sign-in. Turning it on needs an active
 * administrator account. */
gboolean   crs_store_get_signin_enabled   (CrsStore    *self);
gboolean   crs_store_set_signin_enabled   (CrsStore    *self,
                                           gboolean     enabled,
                                           GError     **error);
int        crs_store_get_signin_idle_minutes (CrsStore *self);
gboolean   crs_store_set_signin_idle_minutes (CrsStore    *self,
                                              int          minutes,
                                              GError     **error);

/* Hashing, for tests and the figures: the Argon2id string of @pin, or
 * NULL with @error (out of memory). */
char      *crs_nurse_hash_pin         (const char  *pin,
                                       GError     **error);
gboolean   crs_nurse_verify_pin       (const char  *hash,
                                       const char  *pin);

G_END_DECLS
