/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-backup.c: copies of the ward database in a backups/ folder
 * beside it, made with SQLite's online backup API (a consistent copy even
 * while another process writes), before every migration and once a day;
 * the newest seven are kept.
 *
 * A backup is written under a temporary name (locked while it is
 * written, so that one left by a killed process can be told from one in
 * progress) and renamed into place when complete, so the folder never
 * holds half a backup. Names carry the UTC time, so sorting them by name
 * sorts them by age:
 *   <name>-YYYYMMDD-HHMMSS-UUUUUU[-tag].sqlite
 *
 * The folder is used only when it is a real folder of the user's with
 * mode 0700 (crs_store_backup_dir_safe), and a backup is offered only when
 * it carries the ward's own id and passes every check of a restore. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crs-store-private.h"

#define BACKUP_SUFFIX ".sqlite"

char *
crs_store_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* The database's name without its extension: "ward" for ward.sqlite. */
static char *
backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static GRegex *
backup_name_regex (const char *db_path)
{
  g_autofree char *stem = backup_stem (db_path);
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s-([0-9]{8})-([0-9]{6})-[0-9]{6}"
                                              "(-[A-Za-z0-9-]+)?\\.sqlite$", escaped);

  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
}

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
crs_store_backup_list (const char *db_path)
{
  g_autofree char *dir = crs_store_backup_dir (db_path);
  g_autoptr(GRegex) regex = backup_name_regex (db_path);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (regex == NULL || !crs_store_backup_dir_safe (dir, FALSE, NULL))
    return paths;
  gdir = g_dir_open (dir, 0, NULL);
  if (gdir == NULL)
    return paths;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_regex_match (regex, name, 0, NULL))
        continue;
      /* Someone else's file, a link, or one others may read: never ours. */
      path = g_build_filename (dir, name, NULL);
      if (crs_store_files_is_private_file (path))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names_descending);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (dir, names->pdata[i], NULL));
  return paths;
}

static GDateTime *
backup_time (const char *db_path,
             const char *backup_path)
{
  g_autoptr(GRegex) regex = backup_name_regex (db_path);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *base = g_path_get_basename (backup_path);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int y, mo, d, h, mi, s;

  if (regex == NULL || !g_regex_match (regex, base, 0, &match))
    return NULL;
  date = g_match_info_fetch (match, 1);
  time = g_match_info_fetch (match, 2);
  if (sscanf (date, "%4d%2d%2d", &y, &mo, &d) != 3 ||
      sscanf (time, "%2d%2d%2d", &h, &mi, &s) != 3)
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

/* The ward id a backup carries, read without writing anything. */
static char *
backup_ward_id (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT ward_id FROM ward WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return id;
}

gboolean
crs_store_backup_made_today (const char *db_path,
                             const char *ward_id)
{
  g_autoptr(GPtrArray) backups = crs_store_backup_list (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < backups->len; i++)
    {
      g_autoptr(GDateTime) utc = backup_time (db_path, backups->pdata[i]);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *id = NULL;

      if (utc == NULL)
        continue;
      local = g_date_time_to_local (utc);
      if (g_date_time_get_year (local) != g_date_time_get_year (now) ||
          g_date_time_get_day_of_year (local) != g_date_time_get_day_of_year (now))
        return FALSE;
      /* Only a backup of this ward counts (not one from before the ward
       * had its id, which is never offered for restore). */
      if (ward_id == NULL)
        return TRUE;
      id = backup_ward_id (backups->pdata[i]);
      if (g_strcmp0 (id, ward_id) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
crs_store_backup_newest_good (const char *db_path,
                              const char *ward_id)
{
  g_autoptr(GPtrArray) backups = crs_store_backup_list (db_path);

  for (guint i = 0; i < backups->len; i++)
    if (crs_store_backup_is_good (backups->pdata[i], ward_id))
      return g_strdup (backups->pdata[i]);
  return NULL;
}

/* The ward that most backups belong to (the newest one's on a tie): the
 * best guess at the ward's id when the damaged file no longer says. */
static char *
likely_ward_id (GPtrArray *backups)
{
  g_autoptr(GHashTable) votes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *best = NULL;
  guint best_votes = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      char *id = backup_ward_id (backups->pdata[i]);
      guint n;

      if (id == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (votes, id)) + 1;
      if (n > best_votes)
        {
          best_votes = n;
          best = id;
        }
      g_hash_table_replace (votes, id, GUINT_TO_POINTER (n));
    }
  return g_strdup (best);
}

char *
crs_store_backup_find (const char  *db_path,
                       const char  *ward_id,
                       GError     **why)
{
  g_autofree char *dir = crs_store_backup_dir (db_path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *guessed = NULL;
  g_autoptr(GError) unsafe = NULL;

  if (!crs_store_backup_dir_safe (dir, FALSE, &unsafe) && unsafe->code == CRS_STORE_ERROR_UNSAFE)
    {
      g_propagate_error (why, g_steal_pointer (&unsafe));
      return NULL;
    }
  backups = crs_store_backup_list (db_path);
  if (ward_id == NULL)
    ward_id = guessed = likely_ward_id (backups);
  for (guint i = 0; ward_id != NULL && i < backups->len; i++)
    if (crs_store_backup_is_good (backups->pdata[i], ward_id))
      return g_strdup (backups->pdata[i]);

  g_set_error (why, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
               _("There is no good backup of this ward in %s."), dir);
  return NULL;
}

void
crs_store_sync_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
rotate (const char *db_path)
{
  g_autoptr(GPtrArray) backups = crs_store_backup_list (db_path);

  for (guint i = CRS_STORE_BACKUPS_KEPT; i < backups->len; i++)
    g_unlink (backups->pdata[i]);
}

static char *
new_backup_name (const char *db_path,
                 const char *dir,
                 const char *tag)
{
  g_autofree char *stem = backup_stem (db_path);
  gint64 usec = g_get_real_time ();

  /* Two backups in the same microsecond get the next free one. */
  for (;; usec++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s-%s-%06d%s%s" BACKUP_SUFFIX, stem, stamp,
                                               (int) (usec % G_USEC_PER_SEC),
                                               tag ? "-" : "", tag ? tag : "");
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Copies @db into the new file @dest_path as one self-contained file;
 * FALSE with @error (naming @final) when that fails. */
static gboolean
copy_database (sqlite3     *db,
               const char  *dest_path,
               const char  *final,
               GError     **error)
{
  g_autoptr(sqlite3) dest = NULL;
  sqlite3_backup *backup;
  mode_t old_umask;
  int rc, tries = 0;

  old_umask = crs_store_umask_private ();
  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  umask (old_umask);
  if (rc != SQLITE_OK)
    return crs_store_set_error (error, dest, rc, final, _("write a backup"));

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    return crs_store_set_error (error, dest, sqlite3_errcode (dest), final, _("write a backup"));
  /* In WAL mode readers are rarely blocked; when they are, wait a little. */
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (20 * 1000);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 250);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return crs_store_set_error (error, dest, rc, final, _("write a backup"));

  /* A backup is one self-contained file, not a WAL database that would
   * need its -wal and -shm companions. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return crs_store_set_error (error, dest, rc, final, _("write a backup"));
  rc = sqlite3_close (g_steal_pointer (&dest));
  if (rc != SQLITE_OK)
    return crs_store_set_error (error, NULL, rc, final, _("write a backup"));
  return TRUE;
}

char *
crs_store_backup_make (sqlite3     *db,
                       const char  *db_path,
                       const char  *tag,
                       GError     **error)
{
  g_autofree char *dir = crs_store_backup_dir (db_path);
  g_autofree char *final = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *partial_base = NULL;
  g_autofree char *final_base = NULL;
  g_autoptr(CrsTempFile) file = NULL;

  /* Patient data: only the owner may enter the folder or read a copy;
   * a folder another user could read or change is never used. */
  if (!crs_store_backup_dir_safe (dir, TRUE, error))
    return NULL;

  final = new_backup_name (db_path, dir, tag);
  final_base = g_path_get_basename (final);
  partial_base = g_strdup_printf (".%s.partial", final_base);
  partial = g_build_filename (dir, partial_base, NULL);

  /* Removed at the end unless it was renamed into place; the lock goes
   * with the temporary name only then. */
  file = crs_temp_file_new_exclusive (partial, error);
  if (file == NULL || !copy_database (db, file->path, final, error))
    return NULL;

  if (!crs_temp_file_rename (file, final))
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot write the backup %s: %s"), final, g_strerror (saved));
      return NULL;
    }
  g_clear_pointer (&file, crs_temp_file_free);
  crs_store_sync_dir (final);
  rotate (db_path);
  return g_steal_pointer (&final);
}

char *
crs_store_backup_now (CrsStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  if (!crs_store_refuse_on_server (self, error))
    return NULL;

  /* The backup would hold the open import's records, not yet saved. */
  if (self->in_batch)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                           _("Finish the import before making a backup."));
      return NULL;
    }
  return crs_store_backup_make (crs_db_sqlite (self->db), self->path, NULL, error);
}
