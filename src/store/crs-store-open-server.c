/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-open-server.c: opening a ward database on a PostgreSQL
 * server (the shared ward, crs-db.h): connect, make the ward's tables in
 * an empty database, check the schema version, read the ward's id and
 * listen for other workstations' saves. What a file needs and a server
 * does not (file modes, leftovers, backup files, the file check) is the
 * server's and its administrator's business. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-store-private.h"

gboolean
crs_store_is_server_locator (const char *locator)
{
  g_autoptr(GRegex) words = NULL;

  g_return_val_if_fail (locator != NULL, FALSE);

  if (g_str_has_prefix (locator, "postgresql://") || g_str_has_prefix (locator, "postgres://"))
    return TRUE;
  /* libpq's "key=value" form; a file name with "=" in it has no such word
   * at its start or after a space. */
  words = g_regex_new ("(^|\\s)(host|hostaddr|dbname|service)\\s*=", 0, 0, NULL);
  return g_regex_match (words, locator, 0, NULL);
}

gboolean
crs_store_locator_has_password (const char *locator)
{
  g_return_val_if_fail (locator != NULL, FALSE);
  return crs_db_conninfo_has_password (locator);
}

gboolean
crs_store_refuse_unless_server (CrsStore  *self,
                                GError   **error)
{
  if (crs_store_is_shared (self))
    return TRUE;
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
               _("The ward database %s is a file on this workstation: it has no connection "
                 "to encrypt."),
               self->path);
  return FALSE;
}

gboolean
crs_store_refuse_on_server (CrsStore  *self,
                            GError   **error)
{
  if (!crs_store_is_shared (self))
    return TRUE;
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
               _("The ward database %s is on a server: its backups and checks are made "
                 "there by the ward's IT administrator (pg_dump, pg_amcheck), not by CRS "
                 "Watch."),
               self->path);
  return FALSE;
}

#define KEY_REQUIRE_TLS "server.require_tls"

gboolean
crs_store_get_require_tls (CrsStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  if (!crs_store_is_shared (self))
    return FALSE;
  value = crs_store_get_setting (self, KEY_REQUIRE_TLS);
  return g_strcmp0 (value, "on") == 0;
}

gboolean
crs_store_set_require_tls (CrsStore  *self,
                           gboolean   required,
                           GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  if (!crs_store_refuse_unless_server (self, error))
    return FALSE;
  if (required && !crs_db_is_encrypted (self->db))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("This workstation's connection to %s is not encrypted, so it would be "
                     "shut out at once. Turn this on from a workstation whose connection "
                     "is encrypted (sslmode=verify-full in its service file)."),
                   self->path);
      return FALSE;
    }
  return crs_store_set_setting (self, KEY_REQUIRE_TLS, required ? "on" : "off", error);
}

static char *
read_ward_id (CrsStore *self)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, "SELECT ward_id FROM ward WHERE id = 1", NULL);

  if (stmt == NULL || crs_db_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (crs_db_column_text (stmt, 0));
}

CrsStore *
crs_store_open_server (const char  *conninfo,
                       gboolean     read_only,
                       GError     **error)
{
  g_autoptr(CrsStore) self = NULL;
  g_autofree char *message = NULL;
  CrsDb *db;
  int version = 0;
  int rc = SQLITE_OK;

  db = crs_db_connect_postgresql (conninfo, &rc, &message);
  if (db == NULL)
    {
      g_autofree char *name = crs_db_describe_postgresql (conninfo);
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE,
                   _("Could not reach the ward database %s: %s. Nothing was changed; check "
                     "the network, or ask the ward's IT administrator whether the server "
                     "is running."),
                   name, message != NULL ? message : "");
      return NULL;
    }

  self = g_object_new (CRS_TYPE_STORE, NULL);
  self->db = db;
  self->path = crs_db_describe_postgresql (conninfo);
  self->read_only = read_only;

  rc = crs_store_schema_postgresql_version (db, &version);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("open the ward database"), error);
      return NULL;
    }
  if (version == 0)
    {
      if (read_only)
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                       _("There is no ward database in %s."), self->path);
          return NULL;
        }
      if (!crs_store_schema_postgresql_create (db, error))
        return NULL;
      version = CRS_STORE_SCHEMA_VERSION;
    }
  if (version > CRS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TOO_NEW,
                   _("The ward database %s was made by a newer CRS Watch (database version "
                     "%d, this CRS Watch knows up to %d). Nothing was changed. Use the newer "
                     "CRS Watch on this workstation too."),
                   self->path, version, CRS_STORE_SCHEMA_VERSION);
      return NULL;
    }
  /* The server schema starts at version 7: nothing older exists. */
  self->schema_version = version;

  self->ward_id = read_ward_id (self);
  if (self->ward_id == NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("The ward database %s has lost its ward id; it was changed outside CRS "
                     "Watch. Nothing was changed; ask the ward's IT administrator to restore "
                     "it from the server's backup."),
                   self->path);
      return NULL;
    }

  if (crs_store_get_require_tls (self) && !crs_db_is_encrypted (db))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                   _("The ward requires an encrypted connection to its database, but the "
                     "connection to %s is not encrypted. Nothing was opened; ask the ward's "
                     "IT administrator to turn on TLS (sslmode=verify-full in the service "
                     "file)."),
                   self->path);
      return NULL;
    }

  rc = crs_db_listen (db, CRS_STORE_CHANNEL);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("open the ward database"), error);
      return NULL;
    }

  if (!crs_store_load_row_json_sql (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
