/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-places.c: the files around a ward database, against accident
 * and against another local user:
 *  - owner-only modes for the database and every file SQLite makes beside
 *    it (-wal, -shm), from the start, whatever the umask and whatever mode
 *    the database had; companions with the wrong mode corrected, with the
 *    wrong owner refused;
 *  - the backups/ folder used and recommended from only when it is a real
 *    folder of the user's with mode 0700, and only backups of this ward;
 *  - a database path through someone else's symlink in a shared folder
 *    refused;
 *  - leftovers of a killed creation or backup removed at the next start
 *    (never one a running process still owns) and reported by `check`;
 *  - `check` and `export` from a read-only folder or of a read-only file,
 *    leaving nothing behind.
 *
 * Root may write anywhere and owns everything it makes, so other users are
 * played by "nobody" (uid 65534): files are given to it with chown, and
 * the read-only checks run in a subprocess that becomes it. */
#define G_LOG_DOMAIN "test-store-places"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crs-test-store-utils.h"

#define NOBODY 65534

/* ---------------------------------------------------------------------- */
/* Helpers */

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, haystack);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  if ((st.st_mode & 07777) != mode)
    g_error ("%s has mode %o, not %o", path, st.st_mode & 07777, mode);
}

static char *
companion (const char *path,
           const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CRS_WATCH_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_test_message ("%s %s: %s%s", (char *) argv->pdata[1], first ? "" : "", *out, *err);
  return WEXITSTATUS (status);
}

static char *
self_exe (void)
{
  g_autoptr(GError) error = NULL;
  char *exe = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return exe;
}

/* A ward with a patient and @n_backups good backups. */
static void
make_ward (const char *path,
           guint       n_backups)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);

  g_assert_no_error (error);
  add_patient (store, "PLACE-1", "1");
  for (int i = 0; i < 30; i++)
    {
      g_autoptr(CrsObservation) obs = make_full_observation (1, 1700000000 + i * 900);
      g_assert_true (crs_store_add_observation (store, obs, &error));
    }
  for (guint i = 0; i < n_backups; i++)
    g_free (crs_store_backup_now (store, &error));
  g_assert_no_error (error);
}

/* Garbage over a page in the middle: the quick check fails. */
static void
damage (const char *path)
{
  struct stat st;
  int fd = g_open (path, O_WRONLY, 0);
  guchar junk[4096];

  memset (junk, 0xA5, sizeof junk);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fstat (fd, &st), ==, 0);
  g_assert_cmpint (st.st_size / 4096, >, 4);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, (st.st_size / 4096 / 2) * 4096), ==, sizeof junk);
  close (fd);
}

static GPtrArray *
dir_entries (const char *dir,
             const char *prefix)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      g_chmod (path, 0700);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* ---------------------------------------------------------------------- */
/* 2. Owner-only, always */

/* A database that someone made readable by others: the -wal and -shm
 * that SQLite makes beside it are owner-only too, even with umask 0. */
static void
test_companion_modes (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *wal = companion (path, "-wal");
  g_autofree char *shm = companion (path, "-shm");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  mode_t old_umask;

  make_ward (path, 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  old_umask = umask (0);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  /* The file is open for writing: its companions exist now. */
  add_patient (store, "PLACE-2", "2");
  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
  g_clear_object (&store);

  /* Companions left with a wrong mode are corrected before use. */
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  add_patient (store, "PLACE-3", "3");
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0604), ==, 0);
  {
    g_autoptr(CrsStore) second = crs_store_open (path, &error);
    g_assert_no_error (error);
    assert_mode (wal, 0600);
    assert_mode (shm, 0600);
  }
  g_clear_object (&store);

  /* check, reading a database someone opened to others, leaves nothing
   * beside it that others could read either. */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
    assert_mode (path, 0600);
    if (g_file_test (shm, G_FILE_TEST_EXISTS))
      assert_mode (shm, 0600);
  }
  umask (old_umask);
}

/* check of a 0400 database leaves no 0400 -shm behind that would make
 * every later save fail. */
static void
test_check_read_only_file (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *wal = companion (path, "-wal");
  g_autofree char *shm = companion (path, "-shm");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;

  make_ward (path, 0);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
  assert_contains (out, "Integrity: ok");
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    assert_mode (shm, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    assert_mode (wal, 0600);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  add_patient (store, "PLACE-2", "2");
}

/* A -wal or -shm beside the database that belongs to someone else is
 * refused with a message naming it, and left alone. */
static void
test_companion_of_other_user (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *shm = companion (path, "-shm");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  int fd;

  make_ward (path, 0);
  fd = g_open (shm, O_CREAT | O_WRONLY, 0666);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_cmpint (chown (shm, NOBODY, NOBODY), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0666), ==, 0);

  store = crs_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_contains (error->message, shm);
  assert_contains (error->message, "another user");
  assert_mode (shm, 0666);
}

/* ---------------------------------------------------------------------- */
/* 3. Planted backups and symlinks */

/* backups/ open to others, a symlink, or someone else's: no backup is
 * made there, and none is recommended from it. */
static void
test_unsafe_backup_folder (void)
{
  enum { WORLD_WRITABLE, SYMLINK, OTHER_OWNER, N_CASES };

  for (int c = 0; c < N_CASES; c++)
    {
      g_autofree char *path = new_db_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);
      g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsStore) store = NULL;
      g_autoptr(GPtrArray) made = NULL;
      g_autoptr(GPtrArray) listed = NULL;

      make_ward (path, 2);
      made = crs_store_backup_list (path);
      g_assert_cmpuint (made->len, ==, 2);
      switch (c)
        {
        case WORLD_WRITABLE:
          g_assert_cmpint (g_chmod (backups, 0777), ==, 0);
          break;
        case SYMLINK:
          g_assert_cmpint (g_rename (backups, elsewhere), ==, 0);
          g_assert_cmpint (symlink (elsewhere, backups), ==, 0);
          break;
        case OTHER_OWNER:
          g_assert_cmpint (chown (backups, NOBODY, NOBODY), ==, 0);
          break;
        }

      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_null (crs_store_backup_now (store, &error));
      g_assert_nonnull (error);
      g_test_message ("backup: %s", error->message);
      assert_contains (error->message, backups);
      assert_contains (error->message, "not safe");
      g_clear_error (&error);
      g_clear_object (&store);

      listed = crs_store_backup_list (path);
      g_assert_cmpuint (listed->len, ==, 0);

      damage (path);
      store = crs_store_open (path, &error);
      g_assert_null (store);
      g_test_message ("open: %s", error->message);
      for (guint i = 0; i < made->len; i++)
        {
          g_autofree char *name = g_path_get_basename (made->pdata[i]);
          g_assert_null (strstr (error->message, name));
        }
      assert_contains (error->message, backups);
      assert_contains (error->message, "not safe");
    }
}

/* A valid ward database of another ward, dropped into backups/ with a
 * name from the future, is not "the newest good backup". */
static void
test_planted_backup (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *other = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *planted = g_build_filename (dir, "backups", "ward-99991231-235959-000000.sqlite",
                                               NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_ward (path, 2);
  backups = crs_store_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 2);

  make_ward (other, 0);
  g_assert_true (g_file_get_contents (other, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (planted, contents, (gssize) length,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  damage (path);
  store = crs_store_open (path, &error);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "99991231"));
  assert_contains (error->message, backups->pdata[0]);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* The database path through a symlink that someone else owns in a
 * world-writable sticky folder (like /tmp): refused, the file it points
 * to untouched. One's own symlink there is followed once, and the store
 * works on the real path. */
static void
test_symlink_in_shared_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("crs-store-shared-XXXXXX", &error);
  g_autofree char *shared = g_build_filename (top, "shared", NULL);
  g_autofree char *target_dir = g_build_filename (top, "ward", NULL);
  g_autofree char *target = g_build_filename (target_dir, "ward.sqlite", NULL);
  g_autofree char *link_file = g_build_filename (shared, "ward.sqlite", NULL);
  g_autofree char *link_dir = g_build_filename (shared, "wards", NULL);
  g_autofree char *through_dir = g_build_filename (link_dir, "ward.sqlite", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(CrsStore) store = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (shared, 0777), ==, 0);
  g_assert_cmpint (g_chmod (shared, 01777), ==, 0);
  make_ward (target, 0);
  sum = file_checksum (target);

  /* The file itself a symlink of someone else's. */
  g_assert_cmpint (symlink (target, link_file), ==, 0);
  g_assert_cmpint (lchown (link_file, NOBODY, NOBODY), ==, 0);
  store = crs_store_open (link_file, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_contains (error->message, link_file);
  assert_contains (error->message, "symbolic link");
  g_clear_error (&error);
  store = crs_store_open_read_only (link_file, &error);
  g_assert_null (store);
  g_clear_error (&error);

  /* A folder on the way. */
  g_assert_cmpint (symlink (target_dir, link_dir), ==, 0);
  g_assert_cmpint (lchown (link_dir, NOBODY, NOBODY), ==, 0);
  store = crs_store_open (through_dir, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_contains (error->message, link_dir);
  assert_contains (error->message, "symbolic link");
  g_clear_error (&error);

  sum_after = file_checksum (target);
  g_assert_cmpstr (sum, ==, sum_after);

  /* The same as one's own symlink: followed, once. */
  g_assert_cmpint (lchown (link_file, getuid (), getgid ()), ==, 0);
  store = crs_store_open (link_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crs_store_get_path (store), ==, target);
  g_clear_object (&store);
  remove_tree (top);
}

/* ---------------------------------------------------------------------- */
/* 6. Leftovers */

/* The child: creates the ward database, closes it, removes it, again and
 * again, until killed. */
static int
child_create (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsStore) store = crs_store_open (path, &error);

      if (store == NULL)
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 2;
        }
      g_clear_object (&store);
      g_unlink (path);
    }
  return 0;
}

/* The child: backups, one after another, until killed. */
static int
child_backup (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);

  if (store == NULL)
    return 2;
  for (;;)
    {
      g_autofree char *backup = crs_store_backup_now (store, &error);
      if (backup == NULL)
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 2;
        }
    }
  return 0;
}

static void
kill_child_soon (const char *mode,
                 const char *path,
                 guint       max_ms)
{
  g_autofree char *exe = self_exe ();
  const char *argv[] = { exe, mode, path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int status = 0;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_usleep (g_test_rand_int_range (5000, max_ms * 1000));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
}

static void
test_leftovers_removed (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *stale = g_build_filename (dir, ".ward.sqlite.new-AbC123", NULL);
  g_autofree char *stale_journal = g_build_filename (dir, ".ward.sqlite.new-AbC123-journal", NULL);
  g_autofree char *held = g_build_filename (dir, ".ward.sqlite.new-HeLd99", NULL);
  g_autofree char *partial = g_build_filename (backups, ".ward-20250101-000000-000000.sqlite.partial", NULL);
  g_autofree char *partial_journal = g_strconcat (partial, "-journal", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GPtrArray) left = NULL;
  int held_fd;

  make_ward (path, 1);
  g_assert_true (g_file_set_contents_full (stale, "x", 1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_true (g_file_set_contents_full (stale_journal, "x", 1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_true (g_file_set_contents_full (partial, "x", 1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  g_assert_true (g_file_set_contents_full (partial_journal, "x", 1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  /* One still being written by a running process: it holds its lock. */
  g_assert_true (g_file_set_contents_full (held, "x", 1, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  held_fd = g_open (held, O_RDWR, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);

  /* check reports them and removes nothing. */
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
  assert_contains (out, "Leftover files: ");
  assert_contains (out, ".ward.sqlite.new-AbC123");
  assert_contains (out, ".ward-20250101-000000-000000.sqlite.partial");
  g_assert_true (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* The next start removes what no running process owns. */
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  close (held_fd);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  left = dir_entries (dir, ".ward.sqlite.new-");
  g_assert_cmpuint (left->len, ==, 0);
}

/* SIGKILL in the middle of creating a database and of a backup: the next
 * start finds nothing left over, and what was left was owner-only. */
static void
test_leftovers_after_kills (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  guint found = 0;

  for (int round = 0; round < 30; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsStore) store = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;
      g_autoptr(GPtrArray) partial_after = NULL;

      kill_child_soon ("--child-create", path, 60);
      before = dir_entries (dir, ".ward.sqlite.new-");
      for (guint i = 0; i < before->len; i++)
        {
          g_autofree char *leftover = g_build_filename (dir, before->pdata[i], NULL);
          assert_mode (leftover, 0600);
        }
      found += before->len;

      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      after = dir_entries (dir, ".ward.sqlite.new-");
      g_assert_cmpuint (after->len, ==, 0);
      g_assert_true (crs_store_check_integrity (store, &error));
      g_clear_object (&store);

      kill_child_soon ("--child-backup", path, 40);
      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      partial_after = dir_entries (backups, ".");
      g_assert_cmpuint (partial_after->len, ==, 0);
      g_clear_object (&store);
    }
  g_test_message ("%u leftover files found after the kills, all removed", found);
}

/* ---------------------------------------------------------------------- */
/* 7. Read-only places. As root in a subprocess that becomes nobody. */

/* The child: a patient and @count sets saved with the WAL never copied
 * into the database, then gone without closing: what a killed writer
 * leaves. */
static int
child_wal (const char *path,
           int         count)
{
  g_autoptr(GError) error = NULL;
  CrsStore *store = crs_store_open (path, &error);
  gint64 patient_id;

  if (store == NULL)
    return 2;
  sqlite3_wal_autocheckpoint (crs_store_get_db (store), 0);
  patient_id = add_patient (store, "WAL-ONLY", "9");
  for (int i = 0; i < count; i++)
    {
      g_autoptr(CrsObservation) obs = make_full_observation (patient_id, 1700000000 + i * 60);
      if (!crs_store_add_observation (store, obs, &error))
        return 2;
    }
  _exit (0);
}

static void
run_child_wal (const char *path,
               int         count)
{
  g_autofree char *exe = self_exe ();
  g_autofree char *count_text = g_strdup_printf ("%d", count);
  const char *argv[] = { exe, "--child-wal", path, count_text, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static void
read_only_places_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("crs-store-ro-XXXXXX", &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_no_error (error);
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (top, NOBODY, NOBODY), ==, 0);
      if (setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        {
          g_test_skip ("Cannot drop root privileges here");
          return;
        }
    }

  dir = g_build_filename (top, "ward", NULL);
  path = g_build_filename (dir, "ward.sqlite", NULL);
  wal = companion (path, "-wal");
  shm = companion (path, "-shm");
  xml = g_build_filename (top, "ward.xml", NULL);
  make_ward (path, 0);

  /* A clean database in a read-only folder (a read-only medium). */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
  assert_contains (out, "Observation sets: 30");
  assert_contains (out, "Integrity: ok");
  g_assert_null (strstr (err, "write"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "export", "--db", path, "--xml", xml, NULL), ==, 0);
  g_assert_true (g_file_test (xml, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  entries = dir_entries (dir, "ward.sqlite-");
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A read-only file in a writable folder: nothing is left beside it. */
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
  assert_contains (out, "Integrity: ok");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  entries = dir_entries (dir, "ward.sqlite-");
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  /* Committed sets still only in the -wal (a writer was killed), copied
   * to a read-only medium without its -shm: check counts them. */
  run_child_wal (path, 12);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_unlink (shm);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
  assert_contains (out, "Observation sets: 42");
  assert_contains (out, "Integrity: ok");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file that cannot be read is said so, not "cannot write". */
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 1);
  assert_contains (err, "read");
  g_assert_null (strstr (err, "write"));

  remove_tree (top);
}

static void
test_read_only_places (void)
{
  /* flatpak-builder runs the tests in a sandbox where root cannot become
   * another user (nobody may not even read /etc/passwd there). */
  if (geteuid () == 0 && g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Root cannot drop its privileges inside a Flatpak sandbox");
      return;
    }
  if (g_test_subprocess ())
    {
      read_only_places_checks ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-create"))
    return child_create (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--child-backup"))
    return child_backup (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--child-wal"))
    return child_wal (argv[2], atoi (argv[3]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-places/companion-modes", test_companion_modes);
  g_test_add_func ("/store-places/check-read-only-file", test_check_read_only_file);
  g_test_add_func ("/store-places/companion-of-other-user", test_companion_of_other_user);
  g_test_add_func ("/store-places/unsafe-backup-folder", test_unsafe_backup_folder);
  g_test_add_func ("/store-places/planted-backup", test_planted_backup);
  g_test_add_func ("/store-places/symlink-in-shared-folder", test_symlink_in_shared_folder);
  g_test_add_func ("/store-places/leftovers-removed", test_leftovers_removed);
  g_test_add_func ("/store-places/leftovers-after-kills", test_leftovers_after_kills);
  g_test_add_func ("/store-places/read-only-places", test_read_only_places);

  return g_test_run ();
}
