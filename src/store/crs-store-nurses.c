/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-nurses.c: nurse accounts, their PINs and sign-in
 * (crs-store-nurses.h). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <sodium.h>
#include <string.h>

#include "crs-store-private.h"

#define KEY_ENABLED "signin.enabled"
#define KEY_IDLE    "signin.idle_minutes"

#define NURSE_COLUMNS "id, user_name, display_name, role, active, created"

void
crs_nurse_free (CrsNurse *nurse)
{
  if (nurse == NULL)
    return;
  g_free (nurse->user_name);
  g_free (nurse->display_name);
  g_free (nurse);
}

CrsNurse *
crs_nurse_copy (const CrsNurse *nurse)
{
  CrsNurse *copy;

  if (nurse == NULL)
    return NULL;
  copy = g_memdup2 (nurse, sizeof *nurse);
  copy->user_name = g_strdup (nurse->user_name);
  copy->display_name = g_strdup (nurse->display_name);
  return copy;
}

static gboolean
sodium_ready (GError **error)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                         _("The PIN check could not be started (libsodium)."));
  return ok;
}

char *
crs_nurse_hash_pin (const char  *pin,
                    GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (pin != NULL, NULL);

  if (!sodium_ready (error))
    return NULL;
  /* crypto_pwhash_str is Argon2id since libsodium 1.0.15. */
  if (crypto_pwhash_str (hash, pin, strlen (pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                           _("There was not enough memory to protect the PIN; nothing was saved."));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
crs_nurse_verify_pin (const char *hash,
                      const char *pin)
{
  g_return_val_if_fail (hash != NULL, FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  return sodium_ready (NULL) && crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

static CrsNurse *
read_nurse (CrsDbStmt *stmt)
{
  CrsNurse *nurse = g_new0 (CrsNurse, 1);

  nurse->id = crs_db_column_int64 (stmt, 0);
  nurse->user_name = crs_column_text (stmt, 1);
  nurse->display_name = crs_column_text (stmt, 2);
  nurse->admin = g_strcmp0 (crs_db_column_text (stmt, 3), "admin") == 0;
  nurse->active = crs_db_column_int (stmt, 4) != 0;
  nurse->created = crs_db_column_int64 (stmt, 5);
  return nurse;
}

static CrsNurse *
get_nurse (CrsStore    *self,
           gint64       nurse_id,
           GError     **error)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, "SELECT " NURSE_COLUMNS
                                                     " FROM nurse WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, nurse_id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return read_nurse (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                 _("There is no nurse account %" PRId64 "."), nurse_id);
  else
    crs_store_fail (self, rc, _("read the nurse accounts"), error);
  return NULL;
}

CrsNurse *
crs_store_find_nurse (CrsStore    *self,
                      const char  *user_name,
                      GError     **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  g_return_val_if_fail (user_name != NULL, NULL);

  stmt = crs_store_prepare (self, "SELECT " NURSE_COLUMNS " FROM nurse WHERE user_name = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_text (stmt, 1, user_name, -1);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return read_nurse (stmt);
  if (rc != SQLITE_DONE)
    crs_store_fail (self, rc, _("read the nurse accounts"), error);
  return NULL;
}

GPtrArray *
crs_store_list_nurses (CrsStore    *self,
                       gboolean     include_disabled,
                       GError     **error)
{
  g_autoptr(GPtrArray) nurses = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, "SELECT " NURSE_COLUMNS " FROM nurse"
                                  " WHERE active = 1 OR ?1"
                                  " ORDER BY display_name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int (stmt, 1, include_disabled ? 1 : 0);
  nurses = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_nurse_free);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (nurses, read_nurse (stmt));
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the nurse accounts"), error);
      return NULL;
    }
  return g_steal_pointer (&nurses);
}

static gboolean
check_pin (const char  *pin,
           GError     **error)
{
  if (!crs_check_text ("PIN", pin, error))
    return FALSE;
  if (g_utf8_strlen (pin, -1) < CRS_NURSE_PIN_MIN_LENGTH)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "A PIN needs at least %d character.",
                                "A PIN needs at least %d characters.", CRS_NURSE_PIN_MIN_LENGTH),
                   CRS_NURSE_PIN_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/* Count of active administrators. */
static gboolean
count_admins (CrsStore  *self,
              gint64    *admins,
              gint64    *accounts,
              GError   **error)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, "SELECT count (*) FILTER (WHERE role = 'admin'"
                                                     " AND active = 1), count (*) FROM nurse",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = crs_db_step (stmt);
  if (rc != SQLITE_ROW)
    return crs_store_fail (self, rc, _("read the nurse accounts"), error);
  *admins = crs_db_column_int64 (stmt, 0);
  *accounts = crs_db_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
crs_store_add_nurse_hashed (CrsStore    *self,
                            const char  *user_name,
                            const char  *display_name,
                            gboolean     admin,
                            const char  *pin_hash,
                            gint64      *id_out,
                            GError     **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  g_autoptr(CrsStmt) pin = NULL;
  gint64 admins = 0, accounts = 0;
  gint64 id;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (user_name != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (pin_hash != NULL, FALSE);

  if (!crs_check_text ("user_name", user_name, error) ||
      !crs_check_text ("display_name", display_name, error))
    return FALSE;
  if (*user_name == '\0' || *display_name == '\0')
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("A nurse account needs a user name and a name."));
      return FALSE;
    }
  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;
  if (!count_admins (self, &admins, &accounts, error))
    return FALSE;
  /* The first account of a ward runs it. */
  if (accounts == 0)
    admin = TRUE;

  stmt = crs_store_prepare (self, "INSERT INTO nurse (user_name, display_name, role, active, created)"
                                  " VALUES (?1, ?2, ?3, 1, ?4) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  crs_db_bind_text (stmt, 1, user_name, -1);
  crs_db_bind_text (stmt, 2, display_name, -1);
  crs_db_bind_text (stmt, 3, admin ? "admin" : "nurse", -1);
  crs_db_bind_int64 (stmt, 4, crs_store_now ());
  id = crs_store_insert (stmt, &rc);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT,
                   _("There is already a nurse account with the user name “%s”."), user_name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("save the nurse account"), error);
      return FALSE;
    }

  pin = crs_store_prepare (self, "INSERT INTO nurse_pin (nurse_id, hash) VALUES (?1, ?2)", error);
  if (pin == NULL)
    return FALSE;
  crs_db_bind_int64 (pin, 1, id);
  crs_db_bind_text (pin, 2, pin_hash, -1);
  rc = crs_db_step (pin);
  crs_db_clear_bindings (pin);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("A PIN is only stored as an Argon2id hash."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("save the nurse account"), error);
      return FALSE;
    }
  if (!crs_store_audit (self, crs_store_insert_action (self), "nurse", id, NULL, NULL, error) ||
      !crs_write_commit (write, 0, error))
    return FALSE;
  if (id_out != NULL)
    *id_out = id;
  return TRUE;
}

gboolean
crs_store_add_nurse (CrsStore    *self,
                     const char  *user_name,
                     const char  *display_name,
                     gboolean     admin,
                     const char  *pin,
                     gint64      *id_out,
                     GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (!check_pin (pin, error))
    return FALSE;
  hash = crs_nurse_hash_pin (pin, error);
  if (hash == NULL)
    return FALSE;
  return crs_store_add_nurse_hashed (self, user_name, display_name, admin, hash, id_out, error);
}

gboolean
crs_store_set_nurse_active (CrsStore    *self,
                            gint64       nurse_id,
                            gboolean     active,
                            GError     **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsNurse) nurse = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 admins = 0, accounts = 0;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;
  nurse = get_nurse (self, nurse_id, error);
  if (nurse == NULL || !count_admins (self, &admins, &accounts, error))
    return FALSE;
  if (nurse->active == active)
    return crs_write_commit (write, 0, error);
  if (!active && nurse->admin && admins <= 1 && crs_store_get_signin_enabled (self))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("%s is the last ward administrator and cannot be disabled while sign-in is "
                     "on."), nurse->display_name);
      return FALSE;
    }
  before = crs_store_row_json (self, "nurse", nurse_id, error);
  if (before == NULL)
    return FALSE;
  stmt = crs_store_prepare (self, "UPDATE nurse SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  crs_db_bind_int64 (stmt, 1, nurse_id);
  crs_db_bind_int (stmt, 2, active ? 1 : 0);
  rc = crs_db_step (stmt);
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("save the nurse account"), error);
      return FALSE;
    }
  if (!crs_store_audit (self, active ? "enable" : "disable", "nurse", nurse_id, before, NULL,
                        error) ||
      !crs_write_commit (write, 0, error))
    return FALSE;
  /* A disabled nurse is signed out here too. */
  if (!active && self->account != NULL && self->account->id == nurse_id)
    crs_store_sign_out (self);
  return TRUE;
}

gboolean
crs_store_reset_pin (CrsStore    *self,
                     gint64       nurse_id,
                     const char  *pin,
                     GError     **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *row = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (!check_pin (pin, error))
    return FALSE;
  hash = crs_nurse_hash_pin (pin, error);
  if (hash == NULL)
    return FALSE;
  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;
  row = crs_store_row_json (self, "nurse", nurse_id, error);
  if (row == NULL)
    return FALSE;
  stmt = crs_store_prepare (self, "UPDATE nurse_pin SET hash = ?2 WHERE nurse_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  crs_db_bind_int64 (stmt, 1, nurse_id);
  crs_db_bind_text (stmt, 2, hash, -1);
  rc = crs_db_step (stmt);
  crs_db_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("save the new PIN"), error);
      return FALSE;
    }
  /* The audit names the reset, not the PIN or its hash. */
  if (!crs_store_audit (self, "reset-pin", "nurse", nurse_id, row, row, error) ||
      !crs_write_commit (write, 0, error))
    return FALSE;
  return TRUE;
}

gboolean
crs_store_sign_in (CrsStore    *self,
                   const char  *user_name,
                   const char  *pin,
                   GError     **error)
{
  g_autoptr(CrsNurse) nurse = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (user_name != NULL, FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  crs_store_sign_out (self);

  nurse = crs_store_find_nurse (self, user_name, error);
  if (nurse == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                     _("There is no nurse account with the user name “%s”."), user_name);
      return FALSE;
    }
  if (!nurse->active)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("The account of %s is disabled; a ward administrator can enable it."),
                   nurse->display_name);
      return FALSE;
    }
  stmt = crs_store_prepare (self, "SELECT hash FROM nurse_pin WHERE nurse_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  crs_db_bind_int64 (stmt, 1, nurse->id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    hash = crs_column_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("read the nurse accounts"), error);
  crs_db_reset (stmt);

  if (hash == NULL || !crs_nurse_verify_pin (hash, pin))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("Wrong PIN for %s."), nurse->display_name);
      return FALSE;
    }
  self->account = g_steal_pointer (&nurse);
  return TRUE;
}

void
crs_store_sign_out (CrsStore *self)
{
  g_return_if_fail (CRS_IS_STORE (self));
  g_clear_pointer (&self->account, crs_nurse_free);
}

const CrsNurse *
crs_store_get_account (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  return self->account;
}

gboolean
crs_store_get_signin_enabled (CrsStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  /* Before version 7 there are no accounts to sign in with. */
  if (self->schema_version < 7)
    return FALSE;
  value = crs_store_get_setting (self, KEY_ENABLED);
  if (g_strcmp0 (value, "on") != 0)
    return FALSE;
  /* A ward file can bring the setting without the accounts (they are
   * never exported): with no administrator to sign in, it stays off
   * rather than lock everyone out. */
  {
    g_autoptr(GError) error = NULL;
    gint64 admins = 0, accounts = 0;

    return count_admins (self, &admins, &accounts, &error) && admins > 0;
  }
}

gboolean
crs_store_set_signin_enabled (CrsStore    *self,
                              gboolean     enabled,
                              GError     **error)
{
  gint64 admins = 0, accounts = 0;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  if (enabled)
    {
      if (!count_admins (self, &admins, &accounts, error))
        return FALSE;
      if (admins == 0)
        {
          g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                               _("Sign-in needs an active ward administrator account: add one "
                                 "first."));
          return FALSE;
        }
    }
  return crs_store_set_setting (self, KEY_ENABLED, enabled ? "on" : "off", error);
}

int
crs_store_get_signin_idle_minutes (CrsStore *self)
{
  g_autofree char *value = NULL;
  gint64 minutes;

  g_return_val_if_fail (CRS_IS_STORE (self), CRS_SIGNIN_IDLE_MINUTES_DEFAULT);

  value = crs_store_get_setting (self, KEY_IDLE);
  if (value == NULL ||
      !g_ascii_string_to_signed (value, 10, CRS_SIGNIN_IDLE_MINUTES_MIN,
                                 CRS_SIGNIN_IDLE_MINUTES_MAX, &minutes, NULL))
    return CRS_SIGNIN_IDLE_MINUTES_DEFAULT;
  return (int) minutes;
}

gboolean
crs_store_set_signin_idle_minutes (CrsStore    *self,
                                   int          minutes,
                                   GError     **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  if (minutes < CRS_SIGNIN_IDLE_MINUTES_MIN || minutes > CRS_SIGNIN_IDLE_MINUTES_MAX)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("The idle time before the screen locks must be from %d to %d minutes; %d "
                     "was not saved."),
                   CRS_SIGNIN_IDLE_MINUTES_MIN, CRS_SIGNIN_IDLE_MINUTES_MAX, minutes);
      return FALSE;
    }
  value = g_strdup_printf ("%d", minutes);
  return crs_store_set_setting (self, KEY_IDLE, value, error);
}
