/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-open.c: opening a ward database: its path resolved once (and
 * refused through another user's symbolic link), creating a new one
 * (built under a locked temporary name and linked into place only when
 * complete), owner-only modes for it and its companions, removing what
 * killed processes left, checking an existing one (damage, schema, audit
 * chain) before any connection may write to it, connection settings,
 * forward migrations after a backup, and the daily backup. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crs-store-private.h"

/* Settings every connection needs; journal_mode is stored in the file. */
static int
configure_connection (sqlite3  *db,
                      int       busy_timeout_ms,
                      gboolean  read_only)
{
  int rc;

  sqlite3_busy_timeout (db, busy_timeout_ms);
  sqlite3_extended_result_codes (db, 1);

  rc = sqlite3_exec (db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA trusted_schema = OFF;"
                     "PRAGMA cell_size_check = ON;",
                     NULL, NULL, NULL);
  if (rc == SQLITE_OK && !read_only)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
  return rc;
}

static gboolean
refuse_unwritable (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("CRS Watch may not write in the folder %s, so it cannot keep the ward "
                     "database there. Nothing was changed; ask the ward administrator to make "
                     "the folder writable for you."),
                   dir);
      return FALSE;
    }
  /* The owner's write permission, not only access(): root may write to a
   * file made read-only on purpose, CRS Watch does not. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      (g_access (path, W_OK) != 0 || (g_stat (path, &st) == 0 && (st.st_mode & 0200) == 0)))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("CRS Watch may not write to the ward database %s. Nothing was changed; "
                     "ask the ward administrator to make the file writable for you."),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* Fills the new file @tmpl with the schema of this version and closes
 * it. */
static gboolean
build_database (const char  *tmpl,
                const char  *path,
                GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) local_error = NULL;
  mode_t old_umask;
  int rc;

  old_umask = crs_store_umask_private ();
  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE, NULL);
  umask (old_umask);
  if (rc == SQLITE_OK)
    rc = configure_connection (db, CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS, FALSE);
  if (rc != SQLITE_OK)
    return crs_store_set_error (error, db, rc, path, _("create the ward database"));

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      !crs_store_schema_create (db, CRS_STORE_SCHEMA_VERSION, &local_error) ||
      (rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return crs_store_set_error (error, db, rc ? rc : sqlite3_errcode (db), path,
                                  _("create the ward database"));
    }

  /* Closing checkpoints the WAL into the file and removes it. */
  rc = sqlite3_close (g_steal_pointer (&db));
  if (rc != SQLITE_OK)
    return crs_store_set_error (error, NULL, rc, path, _("create the ward database"));
  return TRUE;
}

/* Builds a new database under a temporary name and links it into place
 * only when complete: a file at @path is always a whole ward database,
 * never a half-created one, and a database another process created in
 * the meantime is never replaced. */
static gboolean
create_database (const char  *path,
                 gboolean    *created,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = NULL;
  g_autoptr(CrsTempFile) file = NULL;
  mode_t old_umask;
  int made;

  /* Patient data: only the owner may enter the folder. */
  old_umask = crs_store_umask_private ();
  made = g_mkdir_with_parents (dir, 0700);
  umask (old_umask);
  if (made != 0)
    {
      int saved = errno;
      if (saved == EACCES || saved == EROFS || saved == EPERM)
        return refuse_unwritable (path, error);
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!refuse_unwritable (path, error))
    return FALSE;

  tmpl = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  /* Created 0600 and locked while it is built: SQLite gives its -wal and
   * -shm the file's mode, and a file nobody holds locked was left by a
   * killed process (crs_store_files_leftovers). Its name goes at the
   * end either way: linked into place, or given up. */
  file = crs_temp_file_new_locked (tmpl, error);
  if (file == NULL || !build_database (file->path, path, error))
    return FALSE;

  if (link (file->path, path) == 0)
    *created = TRUE;
  else if (errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot create the ward database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&file, crs_temp_file_free);
  crs_store_sync_dir (path);
  return TRUE;
}

static gboolean
migrate (CrsStore  *self,
         GError   **error)
{
  g_autofree char *tag = g_strdup_printf ("before-v%d", CRS_STORE_SCHEMA_VERSION);
  g_autoptr(CrsWrite) write = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pragma = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  /* A migration rewrites tables: first a copy to go back to. */
  backup = crs_store_backup_make (crs_db_sqlite (self->db), self->path, tag, &local_error);
  if (backup == NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, local_error->code,
                   _("The ward database %s needs an upgrade, but no backup could be made "
                     "first, so it was left unchanged: %s"),
                   self->path, local_error->message);
      return FALSE;
    }

  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;

  /* Another process may have migrated while we made the backup. */
  if (crs_store_query_int (crs_db_sqlite (self->db), "PRAGMA user_version", &version) != SQLITE_OK)
    return crs_store_fail (self, sqlite3_errcode (crs_db_sqlite (self->db)),
                           _("upgrade the ward database"), error);
  if (version >= CRS_STORE_SCHEMA_VERSION)
    return crs_write_commit (write, 0, error);

  if (!crs_store_schema_migrate (crs_db_sqlite (self->db), version, CRS_STORE_SCHEMA_VERSION,
                                 error))
    return FALSE;

  {
    /* JSON built by SQLite, so that the backup path is escaped right. */
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (crs_db_sqlite (self->db),
                            "SELECT json_object('schema_version', ?1, 'backup', ?2), "
                            "json_object('schema_version', ?3)",
                            -1, &stmt, NULL) == SQLITE_OK)
      {
        sqlite3_bind_int (stmt, 1, version);
        sqlite3_bind_text (stmt, 2, backup, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int (stmt, 3, CRS_STORE_SCHEMA_VERSION);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
            after = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          }
      }
    sqlite3_finalize (stmt);
  }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", CRS_STORE_SCHEMA_VERSION);
  if (!crs_store_exec (self, pragma, error) ||
      !crs_store_audit (self, "migrate", "schema", 0, before, after ? after : "{}", error) ||
      !crs_write_commit (write, 0, error))
    return FALSE;
  g_debug ("Migrated a ward database from version %d to %d", version,
           CRS_STORE_SCHEMA_VERSION);
  return TRUE;
}


static CrsStore *
store_open (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(CrsStore) self = NULL;
  g_autofree char *abs_path = NULL;
  g_autofree char *ward_id = NULL;
  sqlite3 *handle = NULL;
  gboolean created = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (crs_store_is_server_locator (path))
    return crs_store_open_server (path, read_only, error);

  /* Resolved once: every later step works on the real path. */
  abs_path = crs_store_files_resolve (path, error);
  if (abs_path == NULL)
    return NULL;

  if (read_only)
    {
      if (!g_file_test (abs_path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                       _("There is no ward database at %s."), abs_path);
          return NULL;
        }
    }
  else
    {
      g_autoptr(GPtrArray) leftovers = NULL;

      if (!g_file_test (abs_path, G_FILE_TEST_EXISTS) &&
          !create_database (abs_path, &created, error))
        return NULL;
      if (!refuse_unwritable (abs_path, error))
        return NULL;
      /* Owner-only before any connection: SQLite makes -wal and -shm with
       * the mode the file has when it opens them. */
      if (!crs_store_files_prepare (abs_path, error))
        return NULL;
      leftovers = crs_store_files_leftovers (abs_path, TRUE);
      if (leftovers->len > 0)
        g_message ("Removed %u files left by an interrupted CRS Watch", leftovers->len);
    }

  /* Check the file before any connection that could write to it. */
  if (!crs_store_check_file (abs_path, &version, &ward_id, !read_only, error))
    return NULL;

  self = g_object_new (CRS_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&abs_path);
  self->read_only = read_only;

  if (read_only)
    rc = crs_store_open_for_reading (self->path, &handle, &self->read_copy_dir, error);
  else
    {
      mode_t old_umask = crs_store_umask_private ();
      rc = sqlite3_open_v2 (self->path, &handle, SQLITE_OPEN_READWRITE, NULL);
      umask (old_umask);
    }
  /* Even a failed open gives a handle (with the reason), closed with it. */
  if (handle != NULL)
    self->db = crs_db_new_sqlite (handle);
  if (rc == SQLITE_OK)
    rc = configure_connection (handle, self->busy_timeout_ms, read_only);
  if (rc != SQLITE_OK)
    {
      if (error == NULL || *error == NULL)
        crs_store_fail (self, rc, _("open the ward database"), error);
      return NULL;
    }

  if (!read_only)
    {
      if (version < CRS_STORE_SCHEMA_VERSION && !migrate (self, error))
        return NULL;
      g_free (ward_id);
      ward_id = crs_store_query_ward_id (handle);

      if (!created && !crs_store_backup_made_today (self->path, ward_id))
        {
          g_autoptr(GError) backup_error = NULL;
          g_autofree char *backup = crs_store_backup_make (handle, self->path, NULL,
                                                           &backup_error);
          /* The ward still needs its chart: a failed daily backup is told,
           * not fatal. The message names paths only, no patient data. */
          if (backup == NULL)
            g_message ("Daily backup failed: %s", backup_error->message);
        }
    }
  self->ward_id = g_steal_pointer (&ward_id);

  if (crs_store_query_int (handle, "PRAGMA user_version", &self->schema_version) != SQLITE_OK)
    {
      crs_store_fail (self, sqlite3_errcode (handle), _("open the ward database"), error);
      return NULL;
    }

  if (!crs_store_load_row_json_sql (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

CrsStore *
crs_store_open (const char  *path,
                GError     **error)
{
  return store_open (path, FALSE, error);
}

CrsStore *
crs_store_open_read_only (const char  *path,
                          GError     **error)
{
  return store_open (path, TRUE, error);
}

const char *
crs_store_get_ward_id (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  return self->ward_id;
}

