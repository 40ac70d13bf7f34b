/* crs-store-check.c: checks a ward database file before it is opened for
 * writing, and words what to do when it is damaged.
 *
 * The checks use a read-only connection so that a file that is refused
 * (damaged, not a ward database, from a newer version) is never modified:
 * its bytes stay as they were for whoever recovers it. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crs-store-private.h"

#define SQLITE_MAGIC "SQLite format 3"   /* the first 16 bytes, with the NUL */

char *
crs_store_damaged_message (const char *path,
                           const char *problem)
{
  g_autofree char *backup = crs_store_backup_newest_good (path);
  g_autofree char *backups = crs_store_backup_dir (path);

  if (backup != NULL)
    return g_strdup_printf (_("CRS Watch cannot use the ward database %s: %s. The file was "
                              "not changed. To go back to the newest good backup, close CRS Watch, move "
                              "%s to a safe place (keep it for your IT support), copy %s to "
                              "%s, and start CRS Watch again. Records saved after that "
                              "backup must be entered again from the paper chart."),
                            path, problem, path, backup, path);

  return g_strdup_printf (_("CRS Watch cannot use the ward database %s: %s. The file was "
                            "not changed. There is no good backup in %s. Keep the file as it is and ask "
                            "your IT support to recover it."),
                          path, problem, backups);
}

static gboolean
set_damaged (GError     **error,
             const char  *path,
             const char  *problem)
{
  g_autofree char *message = NULL;

  /* Checking a backup needs no message (and must not look for backups
   * of the backup). */
  if (error == NULL)
    return FALSE;
  message = crs_store_damaged_message (path, problem);
  g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT, message);
  return FALSE;
}

static gboolean
set_sqlite_damaged (GError     **error,
                    sqlite3     *db,
                    int          rc,
                    const char  *path)
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
        return set_damaged (error, path, problem);
      }
    default:
      return crs_store_set_error (error, db, rc, path, _("open the ward database"));
    }
}

/* The first bytes of @path: a SQLite database starts with a fixed text. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  char header[16];
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;
      if (saved == EACCES)
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                       _("CRS Watch may not read the ward database %s. Ask the ward "
                         "administrator to give you access to it."),
                       path);
          return FALSE;
        }
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot open the ward database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return set_damaged (error, path, _("the file is empty"));
  if (n < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof header) != 0)
    return set_damaged (error, path, _("the file is not a SQLite database"));
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

static gboolean
check_open_file (sqlite3     *db,
                 const char  *path,
                 int         *version,
                 GError     **error)
{
  g_autofree char *problem = NULL;
  int application_id = 0;
  int rc;

  sqlite3_busy_timeout (db, CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, 1);

  rc = crs_store_query_int (db, "PRAGMA application_id", &application_id);
  if (rc != SQLITE_OK)
    return set_sqlite_damaged (error, db, rc, path);
  rc = crs_store_query_int (db, "PRAGMA user_version", version);
  if (rc != SQLITE_OK)
    return set_sqlite_damaged (error, db, rc, path);

  if (application_id != CRS_STORE_APPLICATION_ID || *version < 1)
    return set_damaged (error, path, _("the file is a SQLite database, but not a CRS Watch "
                                       "ward database"));

  if (*version > CRS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TOO_NEW,
                   _("The ward database %s was written by a newer CRS Watch (database "
                     "version %d; this CRS Watch reads versions up to %d). It was not "
                     "changed. Open it with the newer CRS Watch, or ask the ward "
                     "administrator to update CRS Watch on this workstation."),
                   path, *version, CRS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  problem = quick_check (db, &rc);
  if (problem != NULL)
    {
      if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB &&
          (rc & 0xff) != SQLITE_IOERR)
        return crs_store_set_error (error, db, rc, path, _("check the ward database"));
      {
        g_autofree char *damaged = g_strdup_printf (_("the file is damaged (%s)"), problem);
        return set_damaged (error, path, damaged);
      }
    }

  if (!check_tables (db, *version))
    return set_damaged (error, path, _("tables of the ward database are missing"));

  return TRUE;
}

gboolean
crs_store_check_file (const char  *path,
                      int         *version,
                      GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("%s is not a file, so it cannot be a ward database."), path);
      return FALSE;
    }
  if (!check_header (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    ok = set_sqlite_damaged (error, db, rc, path);
  else
    ok = check_open_file (db, path, version, error);
  sqlite3_close (db);
  return ok;
}

gboolean
crs_store_backup_is_good (const char *path)
{
  sqlite3 *db = NULL;
  int version = 0;
  gboolean ok;

  if (!check_header (path, NULL))
    return FALSE;
  ok = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
       check_open_file (db, path, &version, NULL);
  sqlite3_close (db);
  return ok;
}
