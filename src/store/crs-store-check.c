/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-check.c: checks a ward database file before it is opened for
 * writing, checks backups before they are offered or restored, and words
 * what to do when a file cannot be used.
 *
 * The checks use a read-only connection so that a file that is refused
 * (damaged, not a ward database, from a newer version, changed behind
 * CRS Watch's back) is never modified: its bytes stay as they were for
 * whoever recovers it. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "crs-store-private.h"

#define SQLITE_MAGIC "SQLite format 3"   /* the first 16 bytes, with the NUL */

/* What to do next, when @path cannot be used: the newest good backup
 * and the command that puts it in place, or why there is none. */
static char *
way_back (const char *path)
{
  g_autofree char *ward_id = crs_store_read_ward_id (path);
  g_autoptr(GError) why = NULL;
  g_autofree char *backup = crs_store_backup_find (path, ward_id, &why);

  if (backup != NULL)
    return g_strdup_printf (_("The newest good backup is %s. To go back to it, close CRS Watch "
                              "and run: crs-watch-cli restore --db %s (it keeps the file as it "
                              "is, with its -wal and -shm, in a folder beside it, and lists what "
                              "it held that the backup lacks). Records saved after that backup "
                              "must be entered again from the paper chart."),
                            backup, path);
  if (why != NULL && why->code == CRS_STORE_ERROR_UNSAFE)
    return g_strdup_printf (_("%s Keep the file as it is and ask your IT support to recover it."),
                            why->message);
  {
    g_autofree char *backups = crs_store_backup_dir (path);
    return g_strdup_printf (_("There is no good backup of this ward in %s. Keep the file as it "
                              "is and ask your IT support to recover it."),
                            backups);
  }
}

char *
crs_store_damaged_message (const char *path,
                           const char *problem)
{
  g_autofree char *next = way_back (path);

  return g_strdup_printf (_("CRS Watch cannot use the ward database %s: %s. The file was not "
                            "changed. %s"),
                          path, problem, next);
}

char *
crs_store_tampered_message (const char *path,
                            const char *problem)
{
  g_autofree char *next = way_back (path);

  return g_strdup_printf (_("CRS Watch will not write to the ward database %s: it was changed "
                            "outside CRS Watch (%s), so its records can no longer be trusted. "
                            "The file was not changed. %s"),
                          path, problem, next);
}

/* Checking a backup words its own problems: no way back from a backup. */
typedef struct
{
  const char *path;
  gboolean    is_backup;
} Target;

static gboolean
set_damaged_target (GError       **error,
                    const Target  *target,
                    const char    *problem)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    return FALSE;
  if (target->is_backup)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("The backup %s cannot be used: %s."), target->path, problem);
      return FALSE;
    }
  message = crs_store_damaged_message (target->path, problem);
  g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT, message);
  return FALSE;
}

static gboolean
set_sqlite_damaged (GError       **error,
                    sqlite3       *db,
                    int            rc,
                    const Target  *target)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_IOERR:
      {
        g_autofree char *problem = g_strdup_printf (_("the file is damaged (%s)"),
                                                    sqlite3_errmsg (db));
        return set_damaged_target (error, target, problem);
      }
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("CRS Watch cannot read the ward database %s (%s)."), target->path,
                   sqlite3_errmsg (db));
      return FALSE;
    default:
      return crs_store_set_error (error, db, rc, target->path, _("read the ward database"));
    }
}

/* The first bytes of @path: a SQLite database starts with a fixed text. */
static gboolean
check_header (const Target  *target,
              GError       **error)
{
  char header[16];
  FILE *file;
  size_t n;

  file = g_fopen (target->path, "rbe");
  if (file == NULL)
    {
      int saved = errno;
      if (saved == EACCES)
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                       _("CRS Watch may not read the ward database %s. Ask the ward "
                         "administrator to give you access to it."),
                       target->path);
          return FALSE;
        }
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot read the ward database %s: %s"), target->path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return set_damaged_target (error, target, _("the file is empty"));
  if (n < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof header) != 0)
    return set_damaged_target (error, target, _("the file is not a SQLite database"));
  return TRUE;
}

int
crs_store_query_int (sqlite3     *db,
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
  return rc;
}

char *
crs_store_query_ward_id (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT ward_id FROM ward WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return id;
}

/* PRAGMA quick_check reads every page: a damaged page, a truncated file
 * or a broken b-tree shows up here rather than in the middle of a shift.
 * Returns the first problem, or NULL when the file is fine. */
static char *
quick_check (sqlite3 *db,
             int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc, n = 0;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(5)", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (n++ > 0)
        g_string_append (problems, "; ");
      g_string_append (problems, line ? line : "?");
    }
  sqlite3_finalize (stmt);
  *rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;
  if (rc != SQLITE_DONE)
    return g_strdup (sqlite3_errmsg (db));
  if (problems->len > 0)
    return g_string_free (g_steal_pointer (&problems), FALSE);
  return NULL;
}

static gboolean
check_tables (sqlite3  *db,
              int       version)
{
  const char * const *tables = crs_store_schema_tables (version);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  for (guint i = 0; ok && tables[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ok;
}

char *
crs_store_find_tampering (sqlite3  *db,
                          int       version,
                          gint64    tail_rows,
                          int      *rc_out)
{
  g_autofree char *schema = crs_store_schema_differences (db, version, rc_out);
  gint64 n_rows = 0, break_at = 0, from = 1;

  if (*rc_out != SQLITE_OK)
    return NULL;
  if (schema != NULL)
    return g_strdup_printf (_("its schema differs from that of version %d: %s"), version, schema);

  /* Version 4 brought the chain. */
  if (version < 4)
    return NULL;
  if (tail_rows > 0)
    {
      sqlite3_stmt *stmt = NULL;
      if (sqlite3_prepare_v2 (db, "SELECT coalesce (max (id), 0) FROM audit", -1, &stmt, NULL) ==
          SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        from = MAX (1, sqlite3_column_int64 (stmt, 0) - tail_rows + 1);
      sqlite3_finalize (stmt);
    }
  {
    g_autoptr(CrsDb) borrowed = crs_db_new_sqlite_borrowed (db);
    *rc_out = crs_store_audit_verify_chain (borrowed, from, &n_rows, &break_at);
  }
  if (*rc_out != SQLITE_OK)
    return NULL;
  if (break_at != 0)
    return g_strdup_printf (_("the audit log's hash chain breaks at audit row %" PRId64
                              ": that row was changed, removed or added outside CRS Watch"),
                            break_at);
  return NULL;
}

static gboolean
check_open_file (sqlite3       *db,
                 const Target  *target,
                 int           *version,
                 GError       **error)
{
  g_autofree char *problem = NULL;
  int application_id = 0;
  int rc;

  sqlite3_busy_timeout (db, CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  rc = crs_store_query_int (db, "PRAGMA application_id", &application_id);
  if (rc != SQLITE_OK)
    return set_sqlite_damaged (error, db, rc, target);
  rc = crs_store_query_int (db, "PRAGMA user_version", version);
  if (rc != SQLITE_OK)
    return set_sqlite_damaged (error, db, rc, target);

  if (application_id != CRS_STORE_APPLICATION_ID || *version < 1)
    {
      if (target->is_backup)
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                       _("%s is not a CRS Watch ward database."), target->path);
          return FALSE;
        }
      /* Not ours: no backup of ours is offered in its place. */
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("CRS Watch cannot use the ward database %s: the file is a SQLite database, "
                     "but not a CRS Watch ward database. The file was not changed."),
                   target->path);
      return FALSE;
    }

  if (*version > CRS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TOO_NEW,
                   _("The ward database %s was written by a newer CRS Watch (database "
                     "version %d; this CRS Watch reads versions up to %d). It was not "
                     "changed. Open it with the newer CRS Watch, or ask the ward "
                     "administrator to update CRS Watch on this workstation."),
                   target->path, *version, CRS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  problem = quick_check (db, &rc);
  if (problem != NULL)
    {
      if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB &&
          (rc & 0xff) != SQLITE_IOERR)
        return crs_store_set_error (error, db, rc, target->path, _("check the ward database"));
      {
        g_autofree char *damaged = g_strdup_printf (_("the file is damaged (%s)"), problem);
        return set_damaged_target (error, target, damaged);
      }
    }

  if (!check_tables (db, *version))
    return set_damaged_target (error, target, _("tables of the ward database are missing"));

  return TRUE;
}

int
crs_store_open_for_reading (const char  *path,
                            sqlite3    **db_out,
                            char       **copy_dir_out,
                            GError     **error)
{
  g_autofree char *uri = NULL;
  mode_t old_umask;
  int rc;

  *db_out = NULL;
  if (!crs_store_files_read_plan (path, &uri, copy_dir_out, error))
    return SQLITE_CANTOPEN;
  old_umask = crs_store_umask_private ();
  rc = sqlite3_open_v2 (uri, db_out, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  umask (old_umask);
  return rc;
}

static void
close_reading (sqlite3 *db,
               char    *copy_dir)
{
  sqlite3_close (db);
  crs_store_files_remove_copy (copy_dir);
  g_free (copy_dir);
}

gboolean
crs_store_check_file (const char  *path,
                      int         *version,
                      char       **ward_id,
                      gboolean     for_writing,
                      GError     **error)
{
  Target target = { path, FALSE };
  sqlite3 *db = NULL;
  char *copy_dir = NULL;
  gboolean ok;
  int rc;

  if (ward_id != NULL)
    *ward_id = NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("%s is not a file, so it cannot be a ward database."), path);
      return FALSE;
    }
  if (!check_header (&target, error))
    return FALSE;

  rc = crs_store_open_for_reading (path, &db, &copy_dir, error);
  if (rc != SQLITE_OK)
    ok = error != NULL && *error != NULL ? FALSE : set_sqlite_damaged (error, db, rc, &target);
  else
    ok = check_open_file (db, &target, version, error);

  if (ok)
    {
      g_autofree char *id = crs_store_query_ward_id (db);

      /* Before anything is written: the rules in the file are the rules of
       * its version, and the audit log is whole (its newest rows at every
       * start, the whole of it at the day's first). */
      if (for_writing)
        {
          g_autofree char *problem = NULL;
          gint64 tail = crs_store_backup_made_today (path, id) ? CRS_STORE_CHAIN_TAIL_ROWS : 0;

          problem = crs_store_find_tampering (db, *version, tail, &rc);
          if (rc != SQLITE_OK)
            ok = set_sqlite_damaged (error, db, rc, &target);
          else if (problem != NULL)
            {
              g_autofree char *message = crs_store_tampered_message (path, problem);
              g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TAMPERED, message);
              ok = FALSE;
            }
        }
      if (ok && ward_id != NULL)
        *ward_id = g_steal_pointer (&id);
    }
  close_reading (db, copy_dir);
  return ok;
}

char *
crs_store_read_ward_id (const char *path)
{
  sqlite3 *db = NULL;
  char *copy_dir = NULL;
  char *id = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      crs_store_open_for_reading (path, &db, &copy_dir, NULL) == SQLITE_OK)
    id = crs_store_query_ward_id (db);
  close_reading (db, copy_dir);
  return id;
}

gboolean
crs_store_check_backup (const char  *path,
                        const char  *ward_id,
                        char       **ward_id_out,
                        GError     **error)
{
  Target target = { path, TRUE };
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *id = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(sqlite3) db = NULL;
  int version = 0, rc;

  if (ward_id_out != NULL)
    *ward_id_out = NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                   _("There is no backup %s."), path);
      return FALSE;
    }
  if (!check_header (&target, error))
    return FALSE;

  /* A backup is one finished file that nothing writes to: read it as it
   * is, creating nothing beside it. */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_damaged (error, db, rc, &target);
      return FALSE;
    }
  if (!check_open_file (db, &target, &version, error))
    return FALSE;

  if (version < 4 || (id = crs_store_query_ward_id (db)) == NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("The backup %s does not say which ward it belongs to (it was made by an "
                     "older CRS Watch), so it is not restored by itself."),
                   path);
      return FALSE;
    }
  if (ward_id != NULL && !g_str_equal (id, ward_id))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("The backup %s belongs to another ward (ward %s, not %s)."), path, id,
                   ward_id);
      return FALSE;
    }

  problem = crs_store_find_tampering (db, version, 0, &rc);
  if (rc != SQLITE_OK)
    {
      set_sqlite_damaged (error, db, rc, &target);
      return FALSE;
    }
  if (problem != NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TAMPERED,
                   _("The backup %s cannot be used: %s."), path, problem);
      return FALSE;
    }
  if (ward_id_out != NULL)
    *ward_id_out = g_steal_pointer (&id);
  return TRUE;
}

gboolean
crs_store_backup_is_good (const char *path,
                          const char *ward_id)
{
  return crs_store_check_backup (path, ward_id, NULL, NULL);
}
