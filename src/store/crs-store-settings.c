/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-settings.c: ward settings (ward policy, ward name) as audited
 * key/value pairs. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-store-private.h"

char *
crs_store_get_setting (CrsStore   *self,
                       const char *key)
{
  g_autoptr(CrsStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = crs_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", &error);
  if (stmt == NULL)
    {
      g_debug ("Cannot read a ward setting: %s", error->message);
      return NULL;
    }
  crs_db_bind_text (stmt, 1, key, -1);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return crs_column_text (stmt, 0);
  if (rc != SQLITE_DONE)
    g_debug ("Cannot read a ward setting: %s", crs_db_errmsg (self->db));
  return NULL;
}

gboolean
crs_store_set_setting (CrsStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsStmt) find = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 row_id = 0;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (*key == '\0')
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("A ward setting needs a name."));
      return FALSE;
    }
  if (!crs_check_text ("key", key, error) || !crs_check_text ("value", value, error))
    return FALSE;
  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;

  find = crs_store_prepare (self, "SELECT rowid FROM setting WHERE key = ?1", error);
  if (find == NULL)
    return FALSE;
  crs_db_bind_text (find, 1, key, -1);
  rc = crs_db_step (find);
  if (rc == SQLITE_ROW)
    row_id = crs_db_column_int64 (find, 0);
  else if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("save the ward setting"), error);
  crs_db_reset (find);

  if (row_id != 0)
    {
      before = crs_store_row_json (self, "setting", row_id, error);
      if (before == NULL)
        return FALSE;
      stmt = crs_store_prepare (self, "UPDATE setting SET value = ?2 WHERE rowid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      crs_db_bind_int64 (stmt, 1, row_id);
    }
  else
    {
      stmt = crs_store_prepare (self, "INSERT INTO setting (key, value) VALUES (?1, ?2) RETURNING rowid",
                                 error);
      if (stmt == NULL)
        return FALSE;
      crs_db_bind_text (stmt, 1, key, -1);
    }
  crs_bind_text (stmt, 2, value);
  if (row_id == 0)
    row_id = crs_store_insert (stmt, &rc);
  else
    rc = crs_db_step (stmt);
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("save the ward setting"), error);

  after = crs_store_row_json (self, "setting", row_id, error);
  if (after == NULL)
    return FALSE;
  /* The same value again: nothing to record (the guard rolls back). */
  if (g_strcmp0 (before, after) == 0)
    return TRUE;
  if (!crs_store_audit (self, before == NULL ? crs_store_insert_action (self) : "update",
                        "setting", row_id, before, after, error))
    return FALSE;
  return crs_write_commit (write, 0, error);
}

GHashTable *
crs_store_list_settings (CrsStore  *self,
                         GError   **error)
{
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, "SELECT key, value FROM setting ORDER BY key", error);
  if (stmt == NULL)
    return NULL;
  settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (settings, crs_column_text (stmt, 0), crs_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the ward settings"), error);
      return NULL;
    }
  return g_steal_pointer (&settings);
}

#define WARD_NAME_KEY "ward-name"

char *
crs_store_get_ward_name (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  return crs_store_get_setting (self, WARD_NAME_KEY);
}

gboolean
crs_store_set_ward_name (CrsStore    *self,
                         const char  *name,
                         GError     **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  return crs_store_set_setting (self, WARD_NAME_KEY, name != NULL && *name != '\0' ? name : NULL, error);
}
