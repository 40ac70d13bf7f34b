/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-restore.c: going back to a backup, as one command that never
 * loses a record a reader could still get at.
 *
 * Putting a backup in place by hand goes wrong in a way nobody sees: a
 * -wal left beside the damaged file is replayed by SQLite onto the backup
 * (it does not know the WAL belongs to another file), which damages the
 * backup and destroys the records that were only in the WAL. So, in this
 * order, each step safe to interrupt:
 *
 *  1. Nobody may have the database open (the locks SQLite holds on it).
 *  2. The backup is checked (quick check, application id, version, ward
 *     id, schema, whole audit chain), copied under a locked temporary name
 *     beside the database, and the copy is checked again: what is checked
 *     is what is put in place.
 *  3. The database and its -wal, -shm and -journal are hard-linked,
 *     together, into a new folder "<name>.damaged-<time>" (0700) beside
 *     it. A restore interrupted and run again finds that folder again by
 *     the database's inode and completes it.
 *  4. What the set-aside file held that the backup lacks is counted, read
 *     only, as far as it can be read, and written with the restore into
 *     the copy's audit log.
 *  5. The companions beside the database are removed (their links in the
 *     folder stay), then the copy is renamed over the database: at no
 *     moment is an old -wal beside a file it does not belong to. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crs-store-private.h"

/* The tables counted in a report, with how a person calls their rows. */
static const struct
{
  const char *table;
  const char *label;
} counted[] = {
  { "patient", N_("Patients") },
  { "infusion", N_("Infusions") },
  { "observation", N_("Observation sets") },
  { "intervention", N_("Interventions") },
  { "lab_result", N_("Lab results") },
  { "acknowledgement", N_("Acknowledged red flags") },
  { "setting", N_("Ward settings") },
  { "audit", N_("Audit rows") },
};

void
crs_store_restore_report_free (CrsStoreRestoreReport *report)
{
  if (report == NULL)
    return;
  g_free (report->backup);
  g_free (report->set_aside);
  g_free (report->ward_id);
  if (report->losses != NULL)
    g_array_unref (report->losses);
  g_free (report);
}

static void
say (CrsStoreProgressFunc  progress,
     gpointer              user_data,
     const char           *format,
     ...) G_GNUC_PRINTF (3, 4);

static void
say (CrsStoreProgressFunc  progress,
     gpointer              user_data,
     const char           *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (progress == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  progress (message, user_data);
}

static int
errno_code (int saved)
{
  return saved == ENOSPC ? CRS_STORE_ERROR_FULL :
         saved == EACCES || saved == EROFS || saved == EPERM ? CRS_STORE_ERROR_READ_ONLY :
         CRS_STORE_ERROR_FAILED;
}

static gboolean
fail_errno (GError     **error,
            int          saved,
            const char  *format,
            ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_errno (GError     **error,
            int          saved,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CRS_STORE_ERROR, errno_code (saved), message);
  return FALSE;
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* ---------------------------------------------------------------------- */
/* 2. The copy of the backup */

static gboolean
copy_into (const char  *from,
           int          fd,
           const char  *to,
           GError     **error)
{
  int in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  char buffer[64 * 1024];
  gssize n;

  if (in < 0)
    return fail_errno (error, errno, _("Cannot read the backup %s: %s"), from, g_strerror (errno));
  while ((n = read (in, buffer, sizeof buffer)) > 0)
    {
      gssize done = 0;
      while (done < n)
        {
          gssize w = write (fd, buffer + done, (gsize) (n - done));
          if (w < 0)
            {
              int saved = errno;
              if (saved == EINTR)
                continue;
              close (in);
              return fail_errno (error, saved, _("Cannot write %s: %s"), to, g_strerror (saved));
            }
          done += w;
        }
    }
  if (n < 0)
    {
      int saved = errno;
      close (in);
      return fail_errno (error, saved, _("Cannot read the backup %s: %s"), from,
                         g_strerror (saved));
    }
  close (in);
  if (fsync (fd) != 0)
    return fail_errno (error, errno, _("Cannot write %s: %s"), to, g_strerror (errno));
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* 3. Setting the damaged files aside */

static gboolean
same_file (const char        *path,
           const struct stat *st)
{
  struct stat other;

  return lstat (path, &other) == 0 && other.st_dev == st->st_dev && other.st_ino == st->st_ino;
}

/* A folder of an earlier, interrupted restore that holds this very file;
 * empty folders of interrupted restores are removed on the way. */
static char *
find_set_aside (const char        *dir,
                const char        *base,
                const struct stat *db)
{
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *folder = NULL;
      g_autofree char *kept = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;
      folder = g_build_filename (dir, name, NULL);
      kept = g_build_filename (folder, base, NULL);
      if (same_file (kept, db))
        return g_steal_pointer (&folder);
      g_rmdir (folder);
    }
  return NULL;
}

static char *
new_set_aside (const char  *dir,
               const char  *base,
               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 0; n < 1000; n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf ("%s.damaged-%s", base, stamp)
                                     : g_strdup_printf ("%s.damaged-%s-%u", base, stamp, n);
      char *folder = g_build_filename (dir, name, NULL);
      mode_t old_umask = crs_store_umask_private ();
      int made = g_mkdir (folder, 0700);
      int saved = errno;

      umask (old_umask);
      if (made == 0)
        return folder;
      if (saved != EEXIST)
        {
          fail_errno (error, saved, _("Cannot make the folder %s for the damaged file: %s"), folder,
                      g_strerror (saved));
          g_free (folder);
          return NULL;
        }
      g_free (folder);
    }
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
               _("Cannot make a folder for the damaged file in %s."), dir);
  return NULL;
}

/* Links @from into @folder as @name, unless it is already there; a
 * different file of that name already there is kept, and this one goes
 * in beside it under a numbered name. */
static gboolean
link_into (const char  *from,
           const char  *folder,
           const char  *name,
           GError     **error)
{
  struct stat st;

  if (lstat (from, &st) != 0)
    return TRUE;
  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *numbered = n == 0 ? g_strdup (name) : g_strdup_printf ("%s.%u", name, n);
      g_autofree char *to = g_build_filename (folder, numbered, NULL);

      if (same_file (to, &st))
        return TRUE;
      if (link (from, to) == 0)
        return TRUE;
      if (errno != EEXIST)
        return fail_errno (error, errno, _("Cannot set the damaged file aside in %s: %s"), folder,
                           g_strerror (errno));
    }
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
               _("Cannot set the damaged file aside in %s."), folder);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* 4. What the damaged file held that the backup lacks */

static GHashTable *
ids_of (sqlite3    *db,
        const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM \"%s\"", table);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 *id = g_new (gint64, 1);
        *id = sqlite3_column_int64 (stmt, 0);
        g_hash_table_add (ids, id);
      }
  sqlite3_finalize (stmt);
  return ids;
}

/* Per table, the rows of @db (read row by row, until the end or the
 * first damage) whose ids @backup lacks. */
static void
count_rows_not_in (sqlite3               *db,
                   sqlite3               *backup,
                   CrsStoreRestoreReport *report)
{
  sqlite3_busy_timeout (db, CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS);

  for (guint t = 0; t < G_N_ELEMENTS (counted); t++)
    {
      g_autoptr(GHashTable) known = ids_of (backup, counted[t].table);
      /* The table itself, not an index: an index may be what is damaged. */
      g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM \"%s\" NOT INDEXED",
                                              counted[t].table);
      CrsStoreLoss loss = { counted[t].table, 0, FALSE };
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        report->damaged_readable = TRUE;
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          if (!g_hash_table_contains (known, &id))
            loss.count++;
          rc = SQLITE_OK;
        }
      loss.complete = rc == SQLITE_DONE;
      sqlite3_finalize (stmt);
      g_array_append_val (report->losses, loss);
    }
}

/* Reads @damaged (with whatever companions are beside it) read-only, row
 * by row, until the end or the first damage. */
static void
count_losses (const char            *damaged,
              const char            *backup_copy,
              CrsStoreRestoreReport *report)
{
  g_autofree char *backup_uri = NULL;
  g_autofree char *escaped = g_uri_escape_string (backup_copy, "/", FALSE);
  g_autoptr(sqlite3) backup = NULL;
  g_autofree char *copy_dir = NULL;
  sqlite3 *db = NULL;

  report->losses = g_array_new (FALSE, TRUE, sizeof (CrsStoreLoss));
  backup_uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  if (sqlite3_open_v2 (backup_uri, &backup, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      crs_store_open_for_reading (damaged, &db, &copy_dir, NULL) == SQLITE_OK)
    count_rows_not_in (db, backup, report);
  /* The connection before its private copy. */
  sqlite3_close (db);
  crs_store_files_remove_copy (copy_dir);
}

/* The restore in the copy's own audit log, chained to its last row. */
static gboolean
audit_restore (const char                  *copy,
               const CrsStoreRestoreReport *report,
               GError                     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GString) after = g_string_new ("{");
  mode_t old_umask = crs_store_umask_private ();
  int rc;

  rc = sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL);
  umask (old_umask);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (db, "PRAGMA synchronous = FULL; BEGIN IMMEDIATE", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT json_object ('backup', ?1, 'set_aside', ?2)", -1,
                             &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, report->backup, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, report->set_aside, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  /* Table names and numbers only: no escaping needed. */
  for (guint i = 0; report->losses != NULL && i < report->losses->len; i++)
    {
      CrsStoreLoss *loss = &g_array_index (report->losses, CrsStoreLoss, i);
      g_string_append_printf (after, "%s\"%s_not_in_backup\":%" PRId64, i ? "," : "",
                              loss->table, loss->count);
    }
  g_string_append (after, "}");
  if (rc == SQLITE_OK)
    {
      g_autoptr(CrsDb) borrowed = crs_db_new_sqlite_borrowed (db);
      rc = crs_store_audit_append (borrowed, g_get_real_time () / G_USEC_PER_SEC,
                                   g_get_user_name (), "restore-backup", "ward", 1, before,
                                   after->str);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    crs_store_set_error (error, db, rc, copy, _("record the restore"));
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

/* ---------------------------------------------------------------------- */

CrsStoreRestoreReport *
crs_store_restore (const char            *db_path,
                   const char            *backup,
                   gboolean               force,
                   CrsStoreProgressFunc   progress,
                   gpointer               user_data,
                   GError               **error)
{
  g_autoptr(CrsStoreRestoreReport) report = g_new0 (CrsStoreRestoreReport, 1);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *ward_id = NULL;
  g_autofree char *backup_ward = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CrsTempFile) copy = NULL;
  gboolean exists;
  struct stat st;

  g_return_val_if_fail (db_path != NULL, NULL);

  path = crs_store_files_resolve (db_path, error);
  if (path == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);

  /* 1. */
  if (crs_store_files_in_use (path))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_IN_USE,
                   _("The ward database %s is open in another program (CRS Watch, on this "
                     "workstation or another, or the sqlite3 tool). Close it and try again; "
                     "nothing was changed."),
                   path);
      return NULL;
    }
  g_ptr_array_unref (crs_store_files_leftovers (path, TRUE));

  exists = lstat (path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("%s is not a file, so it cannot be a ward database."), path);
      return NULL;
    }
  if (exists && st.st_uid != getuid ())
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                   _("The ward database %s belongs to another user; CRS Watch does not replace "
                     "it. Nothing was changed."),
                   path);
      return NULL;
    }
  if (exists && !force)
    {
      int version = 0;
      if (crs_store_check_file (path, &version, NULL, TRUE, NULL))
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                       _("The ward database %s is not damaged: it passes every check, so "
                         "nothing was restored."),
                       path);
          return NULL;
        }
    }

  /* 2. The ward's own id, as far as the file still says it. */
  ward_id = exists ? crs_store_read_ward_id (path) : NULL;
  if (backup != NULL)
    {
      report->backup = crs_store_files_resolve (backup, error);
      if (report->backup == NULL)
        return NULL;
      if (!crs_store_check_backup (report->backup, ward_id, &backup_ward, error))
        return NULL;
    }
  else
    {
      report->backup = crs_store_backup_find (path, ward_id, &local_error);
      if (report->backup == NULL)
        {
          g_set_error (error, CRS_STORE_ERROR, local_error->code,
                       _("Nothing was restored: %s"), local_error->message);
          return NULL;
        }
      if (!crs_store_check_backup (report->backup, ward_id, &backup_ward, error))
        return NULL;
    }
  report->ward_id = g_strdup (backup_ward);
  say (progress, user_data, _("Checked the backup %s: ward %s, no damage, audit log whole."),
       report->backup, backup_ward);

  tmpl = g_strdup_printf ("%s/.%s.restore-XXXXXX", dir, base);
  /* Removed at the end unless it was put in place. */
  copy = crs_temp_file_new_locked (tmpl, error);
  if (copy == NULL ||
      !copy_into (report->backup, copy->fd, copy->path, error) ||
      !crs_store_check_backup (copy->path, backup_ward, NULL, error))
    return NULL;
  say (progress, user_data, _("Copied the backup beside the ward database and checked the copy."));

  /* 3. */
  if (exists)
    {
      report->set_aside = find_set_aside (dir, base, &st);
      if (report->set_aside == NULL)
        report->set_aside = new_set_aside (dir, base, error);
      if (report->set_aside == NULL)
        return NULL;
      kept = g_build_filename (report->set_aside, base, NULL);
      if (!link_into (path, report->set_aside, base, error))
        return NULL;
      for (guint i = 0; crs_store_companion_suffixes[i] != NULL; i++)
        {
          g_autofree char *beside = g_strconcat (path, crs_store_companion_suffixes[i], NULL);
          g_autofree char *name = g_strconcat (base, crs_store_companion_suffixes[i], NULL);
          if (!link_into (beside, report->set_aside, name, error))
            return NULL;
        }
      sync_folder (report->set_aside);
      say (progress, user_data, _("Set the damaged file aside, with its -wal and -shm, in %s."),
           report->set_aside);

      /* 4. */
      count_losses (kept, copy->path, report);
      say (progress, user_data, _("Counted what the damaged file held that the backup lacks."));
    }
  else
    report->losses = g_array_new (FALSE, TRUE, sizeof (CrsStoreLoss));

  if (!audit_restore (copy->path, report, error))
    return NULL;
  say (progress, user_data, _("Recorded the restore in the copy's audit log."));

  /* 5. Companions first (the folder keeps them): never a -wal beside a
   * file it does not belong to. */
  if (exists)
    {
      for (guint i = 0; crs_store_companion_suffixes[i] != NULL; i++)
        {
          g_autofree char *beside = g_strconcat (path, crs_store_companion_suffixes[i], NULL);
          if (g_unlink (beside) != 0 && errno != ENOENT)
            {
              fail_errno (error, errno, _("Cannot move %s aside: %s"), beside, g_strerror (errno));
              return NULL;
            }
        }
      sync_folder (dir);
    }
  if (!crs_temp_file_rename (copy, path))
    {
      fail_errno (error, errno, _("Cannot put the backup in place at %s: %s"), path,
                  g_strerror (errno));
      return NULL;
    }
  sync_folder (dir);
  g_clear_pointer (&copy, crs_temp_file_free);
  say (progress, user_data, _("Put the backup in place at %s."), path);
  return g_steal_pointer (&report);
}

char *
crs_store_find_restorable_backup (const char *db_path)
{
  g_autofree char *path = crs_store_files_resolve (db_path, NULL);
  g_autofree char *ward_id = NULL;

  if (path == NULL)
    return NULL;
  ward_id = crs_store_read_ward_id (path);
  return crs_store_backup_find (path, ward_id, NULL);
}

char *
crs_store_restore_report_describe (const CrsStoreRestoreReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean any = FALSE;

  g_string_append_printf (text, _("The backup %s is now the ward database."), report->backup);
  if (report->set_aside == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  g_string_append_printf (text, "\n%s",
                          _("The damaged file is kept, with its -wal and -shm, in:"));
  g_string_append_printf (text, "\n  %s", report->set_aside);
  if (!report->damaged_readable)
    {
      g_string_append_printf (text, "\n%s",
                              _("Nothing of it could be read, so what it held that the backup "
                                "lacks is not known. Ask your IT support to look at it."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_string_append_printf (text, "\n%s", _("What it held that the backup lacks (read without "
                                          "changing it, as far as it could be read):"));
  for (guint i = 0; i < report->losses->len; i++)
    {
      CrsStoreLoss *loss = &g_array_index (report->losses, CrsStoreLoss, i);
      const char *label = NULL;

      for (guint t = 0; t < G_N_ELEMENTS (counted); t++)
        if (g_str_equal (counted[t].table, loss->table))
          label = _(counted[t].label);
      if (loss->count == 0 && loss->complete)
        continue;
      any = TRUE;
      if (loss->complete)
        g_string_append_printf (text, "\n  %s: %" PRId64, label, loss->count);
      else if (loss->count == 0)
        g_string_append_printf (text, _("\n  %s: not known (the damage is where they are)"),
                                label);
      else
        g_string_append_printf (text, _("\n  %s: %" PRId64 " or more (reading stopped "
                                        "at the damage)"), label, loss->count);
    }
  if (!any)
    g_string_append_printf (text, "\n  %s", _("nothing"));
  else
    g_string_append_printf (text, "\n%s",
                            _("Enter those records again from the paper chart, or ask your IT "
                              "support to recover them from the folder above."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
