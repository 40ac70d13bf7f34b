/* crs-store.c: the ward database object: opening, connection settings,
 * the statement cache, transactions, errors, the "changed" signal and the
 * author recorded with every change. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crs-store-private.h"

G_DEFINE_FINAL_TYPE (CrsStore, crs_store, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crs_store_dispose (GObject *object)
{
  CrsStore *self = CRS_STORE (object);

  /* A batch never committed is discarded, as its caller would expect. */
  if (self->in_batch)
    crs_store_rollback_batch (self);

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (crs_store_parent_class)->dispose (object);
}

static void
crs_store_finalize (GObject *object)
{
  CrsStore *self = CRS_STORE (object);

  g_free (self->path);
  g_free (self->author);
  g_clear_pointer (&self->row_json_sql, g_hash_table_unref);

  G_OBJECT_CLASS (crs_store_parent_class)->finalize (object);
}

static void
crs_store_class_init (CrsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crs_store_dispose;
  object_class->finalize = crs_store_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
crs_store_init (CrsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->row_json_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->author = g_strdup (g_get_user_name ());
  self->busy_timeout_ms = CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS;
}

/* ---------------------------------------------------------------------- */
/* Errors */

gboolean
crs_store_set_error (GError     **error,
                     sqlite3     *db,
                     int          rc,
                     const char  *path,
                     const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (error == NULL)
    return FALSE;
  if (path == NULL)
    path = "";

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_BUSY,
                   _("Could not %s: another CRS Watch window or workstation kept the ward "
                     "database busy for too long. Nothing was lost; please try again."),
                   what);
      break;

    case SQLITE_FULL:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FULL,
                   _("Could not %s: the disk holding %s is full. Nothing already saved was "
                     "lost; free some space and try again."),
                   what, path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("Could not %s: CRS Watch may not write to %s. Nothing already saved "
                     "was lost; ask the ward administrator to make the file and its folder "
                     "writable for you."),
                   what, path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      {
        g_autofree char *message = crs_store_damaged_message (path, detail);
        g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT, message);
      }
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT,
                   _("Could not %s: the ward database refused it (%s)."), what, detail);
      break;

    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("Could not %s: a value cannot be stored (%s)."), what, detail);
      break;

    default:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Could not %s in %s: %s."), what, path, detail);
      break;
    }
  return FALSE;
}

gboolean
crs_store_fail (CrsStore    *self,
                int          rc,
                const char  *what,
                GError     **error)
{
  return crs_store_set_error (error, self->db, rc, self->path, what);
}

/* ---------------------------------------------------------------------- */
/* Statements */

void
crs_stmt_release (CrsStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

CrsStmt *
crs_store_prepare (CrsStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("read the ward database"), error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
crs_store_exec (CrsStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("save"), error);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Transactions */

gint64
crs_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

const char *
crs_store_insert_action (CrsStore *self)
{
  return self->in_batch && self->batch_import ? "import" : "insert";
}

void
crs_store_emit_changed (CrsStore *self,
                        gint64    patient_id)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, patient_id);
}

static gboolean
refuse_read_only (CrsStore  *self,
                  GError   **error)
{
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
               _("The ward database %s was opened for reading only; nothing can be saved "
                 "to it."),
               self->path);
  return FALSE;
}

gboolean
crs_store_write_begin (CrsStore  *self,
                       GError   **error)
{
  if (self->read_only)
    return refuse_read_only (self, error);

  if (self->in_batch)
    {
      if (self->batch_lost)
        {
          g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                               _("The records of this import were already discarded after an "
                                 "earlier error; nothing more can be added to it."));
          return FALSE;
        }
      return crs_store_exec (self, "SAVEPOINT crs_write", error);
    }

  /* IMMEDIATE takes the write lock now, so that waiting for another
   * writer happens here, under the busy timeout, and never half way. */
  return crs_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
crs_store_write_commit (CrsStore  *self,
                        gint64     patient_id,
                        GError   **error)
{
  int rc;

  if (self->in_batch)
    return crs_store_exec (self, "RELEASE crs_write", error);

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("save"), error);
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  crs_store_emit_changed (self, patient_id);
  return TRUE;
}

void
crs_store_write_abort (CrsStore *self)
{
  if (self->in_batch)
    {
      /* A full disk or an I/O error makes SQLite roll back the whole
       * transaction: the batch is gone, and its caller must hear so. */
      if (sqlite3_get_autocommit (self->db))
        self->batch_lost = TRUE;
      else
        sqlite3_exec (self->db, "ROLLBACK TO crs_write; RELEASE crs_write", NULL, NULL, NULL);
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
begin_batch (CrsStore  *self,
             gboolean   import,
             GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  if (self->read_only)
    return refuse_read_only (self, error);
  if (self->in_batch)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                           _("Another import is still open on this ward database."));
      return FALSE;
    }
  if (!crs_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_batch = TRUE;
  self->batch_import = import;
  self->batch_lost = FALSE;
  return TRUE;
}

gboolean
crs_store_begin_batch (CrsStore  *self,
                       GError   **error)
{
  return begin_batch (self, FALSE, error);
}

gboolean
crs_store_begin_import (CrsStore  *self,
                        GError   **error)
{
  return begin_batch (self, TRUE, error);
}

gboolean
crs_store_commit_batch (CrsStore  *self,
                        GError   **error)
{
  gboolean lost;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  if (!self->in_batch)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                           _("There is no open import to finish."));
      return FALSE;
    }

  lost = self->batch_lost;
  self->in_batch = FALSE;
  self->batch_import = FALSE;
  self->batch_lost = FALSE;

  if (lost)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                           _("Nothing of this import was saved: it was discarded after an "
                             "earlier error."));
      return FALSE;
    }

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("save the import"), error);
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  crs_store_emit_changed (self, 0);
  return TRUE;
}

void
crs_store_rollback_batch (CrsStore *self)
{
  g_return_if_fail (CRS_IS_STORE (self));

  if (!self->in_batch)
    return;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_batch = FALSE;
  self->batch_import = FALSE;
  self->batch_lost = FALSE;
}

/* ---------------------------------------------------------------------- */
/* Opening */

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

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

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("CRS Watch may not write in the folder %s, so it cannot keep the ward "
                     "database there. Nothing was changed; ask the ward administrator to make "
                     "the folder writable for you."),
                   dir);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("CRS Watch may not write to the ward database %s. Nothing was changed; "
                     "ask the ward administrator to make the file writable for you."),
                   path);
      return FALSE;
    }
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
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  int fd, rc;

  /* Patient data: only the owner may enter the folder. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
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
  /* Created 0600 here: SQLite keeps the mode of an existing file and gives
   * its -wal and -shm files the same one. */
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR,
                   saved == ENOSPC ? CRS_STORE_ERROR_FULL : CRS_STORE_ERROR_FAILED,
                   _("Cannot create the ward database in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = configure_connection (db, CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS, FALSE);
  if (rc != SQLITE_OK)
    {
      crs_store_set_error (error, db, rc, path, _("create the ward database"));
      goto fail;
    }

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      !crs_store_schema_create (db, CRS_STORE_SCHEMA_VERSION, &local_error) ||
      (rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        crs_store_set_error (error, db, rc ? rc : sqlite3_errcode (db), path,
                             _("create the ward database"));
      goto fail;
    }

  /* Closing checkpoints the WAL into the file and removes it. */
  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    {
      crs_store_set_error (error, NULL, rc, path, _("create the ward database"));
      goto fail;
    }

  if (link (tmpl, path) == 0)
    *created = TRUE;
  else if (errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot create the ward database %s: %s"), path, g_strerror (saved));
      goto fail;
    }
  g_unlink (tmpl);
  crs_store_sync_dir (path);
  return TRUE;

fail:
  if (db != NULL)
    sqlite3_close (db);
  g_unlink (tmpl);
  return FALSE;
}

static gboolean
migrate (CrsStore  *self,
         GError   **error)
{
  g_autofree char *tag = g_strdup_printf ("before-v%d", CRS_STORE_SCHEMA_VERSION);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  /* A migration rewrites tables: first a copy to go back to. */
  backup = crs_store_backup_make (self->db, self->path, tag, &local_error);
  if (backup == NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, local_error->code,
                   _("The ward database %s needs an upgrade, but no backup could be made "
                     "first, so it was left unchanged: %s"),
                   self->path, local_error->message);
      return FALSE;
    }

  if (!crs_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process may have migrated while we made the backup. */
  if (!query_int (self->db, "PRAGMA user_version", &version))
    goto fail;
  if (version >= CRS_STORE_SCHEMA_VERSION)
    return crs_store_exec (self, "COMMIT", error);

  if (!crs_store_schema_migrate (self->db, version, CRS_STORE_SCHEMA_VERSION, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      crs_store_write_abort (self);
      return FALSE;
    }

  {
    /* JSON built by SQLite, so that the backup path is escaped right. */
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (self->db,
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

  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d",
                                               CRS_STORE_SCHEMA_VERSION);
    if (!crs_store_exec (self, pragma, error) ||
        !crs_store_audit (self, "migrate", "schema", 0, before,
                          after ? after : "{}", error))
      {
        crs_store_write_abort (self);
        return FALSE;
      }
  }

  if (!crs_store_exec (self, "COMMIT", error))
    {
      crs_store_write_abort (self);
      return FALSE;
    }
  g_debug ("Migrated a ward database from version %d to %d", version,
           CRS_STORE_SCHEMA_VERSION);
  return TRUE;

fail:
  crs_store_fail (self, sqlite3_errcode (self->db), _("upgrade the ward database"), error);
  crs_store_write_abort (self);
  return FALSE;
}

static CrsStore *
store_open (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(CrsStore) self = NULL;
  g_autofree char *abs_path = NULL;
  gboolean created = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  abs_path = g_canonicalize_filename (path, NULL);

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
      if (!g_file_test (abs_path, G_FILE_TEST_EXISTS) &&
          !create_database (abs_path, &created, error))
        return NULL;
      if (!refuse_unwritable (abs_path, error))
        return NULL;
    }

  /* Check the file before any connection that could write to it. */
  if (!crs_store_check_file (abs_path, &version, error))
    return NULL;

  self = g_object_new (CRS_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&abs_path);
  self->read_only = read_only;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = configure_connection (self->db, self->busy_timeout_ms, read_only);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("open the ward database"), error);
      return NULL;
    }

  if (!read_only)
    {
      struct stat st;

      /* Patient data: readable by its owner only. */
      if (g_stat (self->path, &st) == 0 && (st.st_mode & 0077) != 0 &&
          st.st_uid == getuid ())
        g_chmod (self->path, 0600);

      if (version < CRS_STORE_SCHEMA_VERSION && !migrate (self, error))
        return NULL;

      if (!created && !crs_store_backup_made_today (self->path))
        {
          g_autoptr(GError) backup_error = NULL;
          g_autofree char *backup = crs_store_backup_make (self->db, self->path, NULL,
                                                           &backup_error);
          /* The ward still needs its chart: a failed daily backup is told,
           * not fatal. The message names paths only, no patient data. */
          if (backup == NULL)
            g_message ("Daily backup failed: %s", backup_error->message);
        }
    }

  if (!query_int (self->db, "PRAGMA user_version", &self->schema_version))
    {
      crs_store_fail (self, sqlite3_errcode (self->db), _("open the ward database"), error);
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
crs_store_get_path (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  return self->path;
}

int
crs_store_get_schema_version (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), 0);
  return self->schema_version;
}

void
crs_store_set_busy_timeout (CrsStore *self,
                            guint     milliseconds)
{
  g_return_if_fail (CRS_IS_STORE (self));
  self->busy_timeout_ms = (int) MIN (milliseconds, (guint) G_MAXINT);
  sqlite3_busy_timeout (self->db, self->busy_timeout_ms);
}

void
crs_store_set_author (CrsStore   *self,
                      const char *author)
{
  g_return_if_fail (CRS_IS_STORE (self));

  g_free (self->author);
  if (author == NULL || *author == '\0' || !g_utf8_validate (author, -1, NULL))
    self->author = g_strdup (g_get_user_name ());
  else
    self->author = g_strdup (author);
}

const char *
crs_store_get_author (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  return self->author;
}

void
crs_store_set_max_page_count (CrsStore *self,
                              int       pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

sqlite3 *
crs_store_get_db (CrsStore *self)
{
  return self->db;
}
