/* SPDX-License-Identifier: GPL-3.0-or-later */
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

  g_clear_handle_id (&self->watch_id, g_source_remove);
  /* A batch never committed is discarded, as its caller would expect. */
  if (self->in_batch)
    crs_store_rollback_batch (self);

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      crs_db_close (self->db);
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
  g_clear_pointer (&self->account, crs_nurse_free);
  g_free (self->ward_id);
  g_clear_pointer (&self->row_json_sql, g_hash_table_unref);
  g_clear_pointer (&self->row_check_sql, g_hash_table_unref);
  /* The connection is closed (dispose): its private copy can go. */
  crs_store_files_remove_copy (self->read_copy_dir);
  g_free (self->read_copy_dir);
  /* A probe still waiting keeps itself alive in its thread. */
  g_clear_pointer (&self->probe, crs_store_probe_unref);

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
  crs_db_finalize (data);
}

static void
crs_store_init (CrsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->row_json_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->row_check_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->author = g_strdup (g_get_user_name ());
  self->busy_timeout_ms = CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS;
}

/* ---------------------------------------------------------------------- */
/* Errors */

/* The message for @rc; @detail is the database's own words. */
static gboolean
set_error (GError     **error,
           int          rc,
           const char  *detail,
           const char  *path,
           const char  *what)
{
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
crs_store_set_error (GError     **error,
                     sqlite3     *db,
                     int          rc,
                     const char  *path,
                     const char  *what)
{
  return set_error (error, rc, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), path, what);
}

gboolean
crs_store_fail (CrsStore    *self,
                int          rc,
                const char  *what,
                GError     **error)
{
  if (self->db != NULL && crs_store_is_shared (self) && (rc & 0xff) == SQLITE_IOERR)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE,
                   _("Could not %s: the connection to the ward database %s was lost. CRS "
                     "Watch connects again by itself."),
                   what, self->path);
      return FALSE;
    }
  return set_error (error, rc, self->db != NULL ? crs_db_errmsg (self->db) : sqlite3_errstr (rc),
                    self->path, what);
}

/* ---------------------------------------------------------------------- */
/* Statements */

void
crs_stmt_release (CrsStmt *stmt)
{
  crs_db_reset (stmt);
  crs_db_clear_bindings (stmt);
}

CrsStmt *
crs_store_prepare (CrsStore    *self,
                   const char  *sql,
                   GError     **error)
{
  CrsDbStmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = crs_db_prepare (self->db, sql, &stmt);
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("read the ward database"), error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gint64
crs_store_insert (CrsStmt *stmt,
                  int     *rc)
{
  gint64 id;

  *rc = crs_db_step (stmt);
  if (*rc != SQLITE_ROW)
    return 0;
  id = crs_db_column_int64 (stmt, 0);
  *rc = crs_db_step (stmt);
  return *rc == SQLITE_DONE ? id : 0;
}

gboolean
crs_store_exec (CrsStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = crs_db_exec (self->db, sql);

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
crs_store_is_shared (CrsStore *self)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  return crs_db_kind (self->db) == CRS_DB_POSTGRESQL;
}

/* The start of a write transaction. SQLite: IMMEDIATE takes the write
 * lock now, so that waiting for another writer happens here, under the
 * busy timeout, and never half way. PostgreSQL: the audit table's
 * EXCLUSIVE lock does the same for writers on every workstation (each
 * audit row must follow the one before it), while readers go on. */
static const char *
begin_sql (CrsStore *self)
{
  return crs_store_is_shared (self) ? "BEGIN; LOCK TABLE audit IN EXCLUSIVE MODE"
                                    : "BEGIN IMMEDIATE";
}

/* PostgreSQL: tells the other workstations, with the commit. */
static gboolean
notify (CrsStore  *self,
        gint64     patient_id,
        GError   **error)
{
  g_autofree char *payload = NULL;
  int rc;

  if (!crs_store_is_shared (self))
    return TRUE;
  payload = g_strdup_printf ("%" G_GINT64_FORMAT, patient_id);
  rc = crs_db_notify (self->db, CRS_STORE_CHANNEL, payload);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("save"), error);
  return TRUE;
}

/* PostgreSQL: a lost connection is made again before a write starts. */
gboolean
crs_store_ensure_connected (CrsStore  *self,
                            GError   **error)
{
  int rc;

  if (crs_db_is_connected (self->db))
    return TRUE;
  /* The watch already knows the server hangs (its probe waits on the
   * network, or just did and found nobody there): the save is refused at
   * once rather than hold the window for the connect timeout too. */
  if (crs_store_server_hangs (self))
    return crs_store_fail (self, SQLITE_IOERR, _("save"), error);
  rc = crs_db_reconnect (self->db);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, SQLITE_IOERR, _("save"), error);
  g_debug ("Connected to the ward database again");
  return TRUE;
}

static gboolean
write_begin (CrsStore  *self,
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
  if (!crs_store_ensure_connected (self, error))
    return FALSE;

  return crs_store_exec (self, begin_sql (self), error);
}

static gboolean
write_commit (CrsStore  *self,
              gint64     patient_id,
              GError   **error)
{
  int rc;

  if (self->in_batch)
    return crs_store_exec (self, "RELEASE crs_write", error);

  if (!notify (self, patient_id, error))
    return FALSE;
  rc = crs_db_exec (self->db, "COMMIT");
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("save"), error);
      if (crs_db_in_transaction (self->db))
        crs_db_exec (self->db, "ROLLBACK");
      return FALSE;
    }

  crs_store_emit_changed (self, patient_id);
  return TRUE;
}

static void
write_abort (CrsStore *self)
{
  if (self->in_batch)
    {
      /* A full disk or an I/O error makes SQLite roll back the whole
       * transaction: the batch is gone, and its caller must hear so. */
      if (!crs_db_in_transaction (self->db))
        self->batch_lost = TRUE;
      else
        crs_db_exec (self->db, "ROLLBACK TO crs_write; RELEASE crs_write");
      return;
    }

  if (crs_db_in_transaction (self->db))
    crs_db_exec (self->db, "ROLLBACK");
}

struct _CrsWrite
{
  CrsStore *store;      /* not a reference: a write never outlives its store */
  gboolean  committed;
};

CrsWrite *
crs_write_begin (CrsStore  *self,
                 GError   **error)
{
  CrsWrite *write;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  if (!write_begin (self, error))
    return NULL;
  write = g_new0 (CrsWrite, 1);
  write->store = self;
  return write;
}

gboolean
crs_write_commit (CrsWrite  *write,
                  gint64     patient_id,
                  GError   **error)
{
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (!write->committed, FALSE);

  /* A failed commit stays uncommitted: freeing the guard rolls back what
   * SQLite has not already rolled back itself. */
  write->committed = write_commit (write->store, patient_id, error);
  return write->committed;
}

void
crs_write_free (CrsWrite *write)
{
  if (write == NULL)
    return;
  if (!write->committed)
    write_abort (write->store);
  g_free (write);
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
  if (!crs_store_exec (self, begin_sql (self), error))
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

  if (!notify (self, 0, error))
    {
      crs_db_exec (self->db, "ROLLBACK");
      return FALSE;
    }
  rc = crs_db_exec (self->db, "COMMIT");
  if (rc != SQLITE_OK)
    {
      crs_store_fail (self, rc, _("save the import"), error);
      if (crs_db_in_transaction (self->db))
        crs_db_exec (self->db, "ROLLBACK");
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
  if (crs_db_in_transaction (self->db))
    crs_db_exec (self->db, "ROLLBACK");
  self->in_batch = FALSE;
  self->batch_import = FALSE;
  self->batch_lost = FALSE;
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
  if (crs_db_sqlite (self->db) != NULL)
    sqlite3_busy_timeout (crs_db_sqlite (self->db), self->busy_timeout_ms);
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
  return crs_store_current_author (self);
}

const char *
crs_store_current_author (CrsStore *self)
{
  return self->account != NULL ? self->account->display_name : self->author;
}

void
crs_store_set_max_page_count (CrsStore *self,
                              int       pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages);

  crs_db_exec (self->db, sql);
}

sqlite3 *
crs_store_get_db (CrsStore *self)
{
  return crs_db_sqlite (self->db);
}

CrsDb *
crs_store_get_connection (CrsStore *self)
{
  return self->db;
}
