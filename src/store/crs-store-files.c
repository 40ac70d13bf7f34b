/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-files.c: the files around a ward database, against accident
 * and against other local users.
 *
 *  - The path is resolved once, and refused when it goes through a
 *    symbolic link that another user owns in a folder others may write
 *    to (/tmp and the like): that user could point it anywhere.
 *  - The database and every file SQLite keeps beside it (-wal, -shm,
 *    -journal) are the user's own and 0600 before any connection opens
 *    them: SQLite gives a new -wal or -shm the mode of the database, so a
 *    database left 0644 would spread its mode. A companion that belongs
 *    to someone else, or is not a plain file, is refused.
 *  - backups/ is used only when it is a real folder of the user's with
 *    mode 0700, and only backups that are plain files of the user's,
 *    owner-only, are listed.
 *  - Temporary files (a database being created, a backup being written,
 *    a restore being copied) are locked with flock() for as long as their
 *    process works on them; one that nobody holds locked was left by a
 *    killed process and is removed at the next start.
 *  - Whether another process has the database open, from the locks SQLite
 *    holds on it (for the restore).
 *  - How to read a database without writing anything beside it, when
 *    nobody can be writing to it (a read-only folder or medium). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crs-store-private.h"

/* Most symbolic links followed before giving up, as the kernel's limit. */
#define MAX_SYMLINKS 40

/* SQLite's lock bytes in the database file (os_unix.c, PENDING_BYTE and
 * the shared range after it). */
#define SQLITE_LOCK_BYTES_START G_GINT64_CONSTANT (0x40000000)
#define SQLITE_LOCK_BYTES_LENGTH 512

const char * const crs_store_companion_suffixes[] = { "-wal", "-shm", "-journal", NULL };

mode_t
crs_store_umask_private (void)
{
  return umask (077);
}

/* ---------------------------------------------------------------------- */
/* The path */

static gboolean
writable_by_others (const struct stat *st)
{
  return (st->st_mode & S_IWOTH) != 0;
}

char *
crs_store_files_resolve (const char  *path,
                         GError     **error)
{
  g_autofree char *pending = g_canonicalize_filename (path, NULL);
  guint followed = 0;

  for (;;)
    {
      g_auto(GStrv) parts = g_strsplit (pending, "/", -1);
      g_autoptr(GString) resolved = g_string_new ("");
      gboolean restarted = FALSE;

      for (guint i = 0; parts[i] != NULL && !restarted; i++)
        {
          g_autofree char *candidate = NULL;
          struct stat st, parent;

          if (parts[i][0] == '\0')
            continue;
          candidate = g_strconcat (resolved->str, "/", parts[i], NULL);
          if (lstat (candidate, &st) != 0)
            {
              /* The rest does not exist yet (a database to create). */
              for (; parts[i] != NULL; i++)
                if (parts[i][0] != '\0')
                  g_string_append_printf (resolved, "/%s", parts[i]);
              break;
            }
          if (!S_ISLNK (st.st_mode))
            {
              g_string_assign (resolved, candidate);
              continue;
            }

          if (stat (resolved->len > 0 ? resolved->str : "/", &parent) == 0 &&
              writable_by_others (&parent) && st.st_uid != getuid ())
            {
              g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                           _("CRS Watch does not use the ward database %s: its path goes through "
                             "the symbolic link %s, which belongs to another user in a folder "
                             "every user may write to, so that user could point it anywhere. "
                             "Nothing was opened; give the database's real path instead."),
                           path, candidate);
              return NULL;
            }

          if (++followed > MAX_SYMLINKS)
            {
              g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                           _("Cannot open the ward database %s: too many symbolic links."), path);
              return NULL;
            }

          {
            g_autoptr(GError) link_error = NULL;
            g_autofree char *target = g_file_read_link (candidate, &link_error);
            g_autoptr(GString) next = NULL;

            if (target == NULL)
              {
                g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                             _("Cannot open the ward database %s: %s"), path, link_error->message);
                return NULL;
              }
            next = g_string_new (g_path_is_absolute (target) ? "" : resolved->str);
            g_string_append_printf (next, "/%s", target);
            for (guint j = i + 1; parts[j] != NULL; j++)
              if (parts[j][0] != '\0')
                g_string_append_printf (next, "/%s", parts[j]);
            g_free (pending);
            pending = g_canonicalize_filename (next->str, NULL);
            restarted = TRUE;
          }
        }

      if (!restarted)
        return g_strdup (resolved->len > 0 ? resolved->str : "/");
    }
}

/* ---------------------------------------------------------------------- */
/* Modes and owners */

/* The database keeps its owner's permissions (a file made read-only
 * stays so) and loses everyone else's; a companion is always 0600: a
 * read-only -shm left by a reader would make every later save fail. */
static gboolean
make_private (const char  *path,
              gboolean     companion,
              GError     **error)
{
  struct stat st;
  mode_t wanted;

  if (lstat (path, &st) != 0)
    return TRUE;

  if (!S_ISREG (st.st_mode) || st.st_uid != getuid ())
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                   S_ISREG (st.st_mode)
                   ? _("CRS Watch does not use the ward database beside %s: that file belongs to "
                       "another user, who could read or change what is saved. Nothing was "
                       "changed; ask the ward administrator to look at it.")
                   : _("CRS Watch does not use the ward database beside %s: that is not a plain "
                       "file. Nothing was changed; ask the ward administrator to look at it."),
                   path);
      return FALSE;
    }
  wanted = companion ? 0600 : (st.st_mode & 0600);
  if ((st.st_mode & 07777) != wanted && g_chmod (path, wanted) != 0)
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                   _("Cannot make %s readable by its owner only: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
crs_store_files_prepare (const char  *path,
                         GError     **error)
{
  struct stat st;

  if (lstat (path, &st) == 0 && st.st_uid != getuid ())
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
                   _("CRS Watch does not write to the ward database %s: it belongs to another "
                     "user. Nothing was changed; ask the ward administrator to look at it."),
                   path);
      return FALSE;
    }
  if (!make_private (path, FALSE, error))
    return FALSE;
  for (guint i = 0; crs_store_companion_suffixes[i] != NULL; i++)
    {
      g_autofree char *companion = g_strconcat (path, crs_store_companion_suffixes[i], NULL);
      if (!make_private (companion, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The backup folder */

gboolean
crs_store_backup_dir_safe (const char  *dir,
                           gboolean     create,
                           GError     **error)
{
  struct stat st;
  g_autofree char *why = NULL;

  if (lstat (dir, &st) != 0)
    {
      int saved = errno;
      mode_t old_umask;

      if (saved != ENOENT || !create)
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                       _("There is no backup folder %s."), dir);
          return FALSE;
        }
      old_umask = crs_store_umask_private ();
      if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
        {
          saved = errno;
          umask (old_umask);
          g_set_error (error, CRS_STORE_ERROR,
                       saved == EACCES || saved == EROFS ? CRS_STORE_ERROR_READ_ONLY :
                       saved == ENOSPC ? CRS_STORE_ERROR_FULL : CRS_STORE_ERROR_FAILED,
                       _("Cannot create the backup folder %s: %s"), dir, g_strerror (saved));
          return FALSE;
        }
      umask (old_umask);
      if (lstat (dir, &st) != 0)
        {
          saved = errno;
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                       _("Cannot create the backup folder %s: %s"), dir, g_strerror (saved));
          return FALSE;
        }
    }

  if (S_ISLNK (st.st_mode))
    why = g_strdup (_("it is a symbolic link"));
  else if (!S_ISDIR (st.st_mode))
    why = g_strdup (_("it is not a folder"));
  else if (st.st_uid != getuid ())
    why = g_strdup (_("it belongs to another user"));
  else if ((st.st_mode & 0077) != 0)
    why = g_strdup_printf (_("other users may open it: its mode is %04o, not 0700"),
                           (guint) (st.st_mode & 07777));
  if (why == NULL)
    return TRUE;

  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNSAFE,
               _("The backup folder %s is not safe to use (%s), so CRS Watch neither makes "
                 "backups there nor offers any from it. Move that folder away (keep it for "
                 "your IT support) and CRS Watch makes a new one."),
               dir, why);
  return FALSE;
}

gboolean
crs_store_files_is_private_file (const char *path)
{
  struct stat st;

  return lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
         (st.st_mode & 0077) == 0;
}

/* ---------------------------------------------------------------------- */
/* Locked temporary files and what killed processes left */

static int
create_locked (char    *tmpl,
               GError **error)
{
  g_autofree char *original = g_strdup (tmpl);

  for (guint tries = 0; tries < 100; tries++)
    {
      struct stat st;
      mode_t old_umask = crs_store_umask_private ();
      int fd;

      strcpy (tmpl, original);
      fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
      umask (old_umask);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, CRS_STORE_ERROR,
                       saved == ENOSPC ? CRS_STORE_ERROR_FULL :
                       saved == EACCES || saved == EROFS ? CRS_STORE_ERROR_READ_ONLY :
                       CRS_STORE_ERROR_FAILED,
                       _("Cannot create %s: %s"), tmpl, g_strerror (saved));
          return -1;
        }
      /* Held until the file is renamed or removed: the mark of a living
       * owner. A cleaner that took it between the two calls has removed
       * the name; then start again with a new one. */
      if (flock (fd, LOCK_EX) == 0 && fstat (fd, &st) == 0 && st.st_nlink > 0)
        return fd;
      close (fd);
    }
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED, _("Cannot create %s"), tmpl);
  return -1;
}

static int
create_exclusive (const char  *path,
                  GError     **error)
{
  for (guint tries = 0; tries < 100; tries++)
    {
      struct stat st;
      mode_t old_umask = crs_store_umask_private ();
      int fd = g_open (path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);

      umask (old_umask);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, CRS_STORE_ERROR,
                       saved == ENOSPC ? CRS_STORE_ERROR_FULL :
                       saved == EACCES || saved == EROFS ? CRS_STORE_ERROR_READ_ONLY :
                       CRS_STORE_ERROR_FAILED,
                       _("Cannot create %s: %s"), path, g_strerror (saved));
          return -1;
        }
      if (flock (fd, LOCK_EX) == 0 && fstat (fd, &st) == 0 && st.st_nlink > 0)
        return fd;
      close (fd);
    }
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED, _("Cannot create %s"), path);
  return -1;
}

CrsTempFile *
crs_temp_file_new_locked (const char  *tmpl,
                          GError     **error)
{
  g_autofree char *path = g_strdup (tmpl);
  CrsTempFile *self;
  int fd;

  fd = create_locked (path, error);
  if (fd < 0)
    return NULL;
  self = g_new0 (CrsTempFile, 1);
  self->path = g_steal_pointer (&path);
  self->fd = fd;
  return self;
}

CrsTempFile *
crs_temp_file_new_exclusive (const char  *path,
                             GError     **error)
{
  CrsTempFile *self;
  int fd;

  fd = create_exclusive (path, error);
  if (fd < 0)
    return NULL;
  self = g_new0 (CrsTempFile, 1);
  self->path = g_strdup (path);
  self->fd = fd;
  return self;
}

gboolean
crs_temp_file_rename (CrsTempFile *self,
                      const char  *to)
{
  g_return_val_if_fail (self != NULL && self->path != NULL, FALSE);

  if (g_rename (self->path, to) != 0)
    return FALSE;
  /* The name is the file's now: only the lock is left to let go. */
  g_clear_pointer (&self->path, g_free);
  return TRUE;
}

void
crs_temp_file_free (CrsTempFile *self)
{
  if (self == NULL)
    return;
  /* The name first, the lock after: a file nobody holds locked is one a
   * killed process left (crs_store_files_leftovers). */
  if (self->path != NULL)
    g_unlink (self->path);
  close (self->fd);
  g_free (self->path);
  g_free (self);
}

/* Names of temporary files of ours for the database @base in a folder:
 * ".ward.sqlite.new-XXXXXX" and ".ward.sqlite.restore-XXXXXX" beside it,
 * ".ward-...sqlite.partial" in backups/; and their SQLite companions. */
static gboolean
is_temporary (const char *name,
              const char *base,
              gboolean    in_backups,
              char      **main_name)
{
  g_autofree char *stripped = g_strdup (name);

  for (guint i = 0; crs_store_companion_suffixes[i] != NULL; i++)
    if (g_str_has_suffix (stripped, crs_store_companion_suffixes[i]))
      {
        stripped[strlen (stripped) - strlen (crs_store_companion_suffixes[i])] = '\0';
        break;
      }

  if (in_backups)
    {
      if (!g_str_has_prefix (stripped, ".") || !g_str_has_suffix (stripped, ".sqlite.partial"))
        return FALSE;
    }
  else
    {
      g_autofree char *new_prefix = g_strdup_printf (".%s.new-", base);
      g_autofree char *restore_prefix = g_strdup_printf (".%s.restore-", base);
      const char *rest;

      if (g_str_has_prefix (stripped, new_prefix))
        rest = stripped + strlen (new_prefix);
      else if (g_str_has_prefix (stripped, restore_prefix))
        rest = stripped + strlen (restore_prefix);
      else
        return FALSE;
      if (strlen (rest) != 6)
        return FALSE;
    }
  *main_name = g_steal_pointer (&stripped);
  return TRUE;
}

/* TRUE when the temporary file @path has no living owner: nobody holds
 * its lock (or it is only a second name of the database itself, left
 * between link and unlink). */
static gboolean
is_abandoned (const char        *path,
              const struct stat *db)
{
  struct stat st;
  int fd;
  gboolean abandoned;

  if (lstat (path, &st) != 0)
    return TRUE;   /* its companions are orphans */
  if (!S_ISREG (st.st_mode) || st.st_uid != getuid ())
    return FALSE;
  /* Never open (and close) a second name of the open database: closing
   * any descriptor of a file drops this process's SQLite locks on it. */
  if (db != NULL && st.st_dev == db->st_dev && st.st_ino == db->st_ino)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  abandoned = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return abandoned;
}

static void
scan_folder (const char  *dir,
             const char  *base,
             gboolean     in_backups,
             const struct stat *db,
             GPtrArray   *found)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  if (gdir == NULL)
    return;
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *main_name = NULL;
      gpointer verdict;

      if (!is_temporary (name, base, in_backups, &main_name))
        continue;
      if (!g_hash_table_lookup_extended (verdicts, main_name, NULL, &verdict))
        {
          g_autofree char *main_path = g_build_filename (dir, main_name, NULL);
          verdict = GINT_TO_POINTER (is_abandoned (main_path, db));
          g_hash_table_insert (verdicts, g_strdup (main_name), verdict);
        }
      if (GPOINTER_TO_INT (verdict))
        g_ptr_array_add (found, g_build_filename (dir, name, NULL));
    }
}

GPtrArray *
crs_store_files_leftovers (const char *db_path,
                           gboolean    remove)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *backups = crs_store_backup_dir (db_path);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  struct stat db;
  gboolean have_db = stat (db_path, &db) == 0;

  scan_folder (dir, base, FALSE, have_db ? &db : NULL, found);
  if (crs_store_backup_dir_safe (backups, FALSE, NULL))
    scan_folder (backups, base, TRUE, NULL, found);
  g_ptr_array_sort (found, (GCompareFunc) g_strcmp0);

  if (remove)
    for (guint i = 0; i < found->len; i++)
      {
        /* Companions first: never a -wal without its file beside it. */
        const char *leftover = found->pdata[found->len - 1 - i];
        g_unlink (leftover);
      }
  return found;
}

/* ---------------------------------------------------------------------- */
/* Whether another process has the database open */

static gboolean
region_locked (const char *path,
               off_t       start,
               off_t       length)
{
  struct flock lock = { 0 };
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  gboolean locked;

  if (fd < 0)
    return FALSE;
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = start;
  lock.l_len = length;
  locked = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return locked;
}

gboolean
crs_store_files_in_use (const char *db_path)
{
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  /* Every connection to a WAL database holds a read lock in its -shm for
   * as long as it is open; any transaction locks bytes of the file. */
  return region_locked (shm, 0, 0) ||
         region_locked (db_path, SQLITE_LOCK_BYTES_START, SQLITE_LOCK_BYTES_LENGTH);
}

/* ---------------------------------------------------------------------- */
/* Reading without writing */

static char *
file_uri (const char *path,
          const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?%s", escaped, query);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &data, &length, error) &&
         g_file_set_contents_full (to, data, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600,
                                   error);
}

gboolean
crs_store_files_read_plan (const char  *path,
                           char       **uri_out,
                           char       **copy_dir_out,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st, wal_st;
  gboolean writer_possible;

  *uri_out = NULL;
  *copy_dir_out = NULL;

  if (stat (path, &st) != 0)
    {
      *uri_out = file_uri (path, "mode=ro");
      return TRUE;
    }

  /* A writer needs a file with a write permission and a folder it may
   * create files in (CRS Watch refuses to write otherwise). The mode bits
   * are asked, not access(): root may write to a 0400 file, CRS Watch
   * does not. */
  writer_possible = ((st.st_mode & 0222) != 0 && g_access (dir, W_OK) == 0) ||
                    (st.st_mode & 0022) != 0;
  if (writer_possible)
    {
      /* SQLite coordinates with the writer through the -shm, which it
       * makes with the mode of the database: a database of ours left open
       * to others is closed up first (its contents are not touched). */
      if (st.st_uid == getuid () && (st.st_mode & 0077) != 0)
        {
          g_chmod (path, st.st_mode & 0700);
          for (guint i = 0; crs_store_companion_suffixes[i] != NULL; i++)
            {
              g_autofree char *companion = g_strconcat (path, crs_store_companion_suffixes[i], NULL);
              struct stat cst;
              if (lstat (companion, &cst) == 0 && S_ISREG (cst.st_mode) &&
                  cst.st_uid == getuid () && (cst.st_mode & 0077) != 0)
                g_chmod (companion, 0600);
            }
        }
      *uri_out = file_uri (path, "mode=ro");
      return TRUE;
    }

  if (stat (wal, &wal_st) != 0 || wal_st.st_size == 0)
    {
      /* Nothing but the file itself: read it as it is, creating nothing
       * beside it. */
      *uri_out = file_uri (path, "mode=ro&immutable=1");
      return TRUE;
    }

  /* Committed records may still be only in the -wal, and reading it needs
   * a -shm that cannot be made here: read a private copy of both. */
  {
    g_autofree char *copy_dir = g_dir_make_tmp ("crs-watch-read-XXXXXX", error);
    g_autofree char *copy = NULL;
    g_autofree char *copy_wal = NULL;

    if (copy_dir == NULL)
      return FALSE;
    copy = g_build_filename (copy_dir, "ward.sqlite", NULL);
    copy_wal = g_strconcat (copy, "-wal", NULL);
    if (!copy_file (path, copy, error) || !copy_file (wal, copy_wal, error))
      {
        crs_store_files_remove_copy (copy_dir);
        return FALSE;
      }
    *uri_out = file_uri (copy, "mode=ro");
    *copy_dir_out = g_steal_pointer (&copy_dir);
  }
  return TRUE;
}

void
crs_store_files_remove_copy (const char *copy_dir)
{
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (copy_dir == NULL)
    return;
  gdir = g_dir_open (copy_dir, 0, NULL);
  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *child = g_build_filename (copy_dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (copy_dir);
}
