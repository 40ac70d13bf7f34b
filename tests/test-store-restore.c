/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-restore.c: going back to a backup with `crs-watch-cli
 * restore`, and what it must never do.
 *
 * The case from the field: a ward database whose newest committed records
 * are still only in its -wal (a writer was killed before the WAL was
 * copied into the file), and the file itself damaged. Putting a backup in
 * its place by hand left the old -wal beside the backup, where SQLite
 * replayed it onto the wrong file: the backup was damaged too and the
 * records that were only in the WAL were in neither file. The restore
 * command sets the damaged file aside together with its -wal and -shm,
 * where a reader can still get at every record, checks the backup, puts
 * it in place, and says what the damaged file held that the backup lacks.
 *
 * A restore killed at any moment and run again loses nothing either. */
#define G_LOG_DOMAIN "test-store-restore"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crs-test-store-utils.h"

#define BACKUP_SETS 50
#define WAL_SETS 12

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, haystack);
}

static char *
self_exe (void)
{
  g_autoptr(GError) error = NULL;
  char *exe = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return exe;
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
  g_test_message ("crs-watch-cli %s: %s%s", first, *out, *err);
  return WEXITSTATUS (status);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* ---------------------------------------------------------------------- */
/* The damaged ward with records only in its WAL */

/* The child: @count sets saved with the WAL never copied into the file,
 * then gone without closing, as a killed writer. */
static int
child_wal (const char *path,
           int         count)
{
  g_autoptr(GError) error = NULL;
  CrsStore *store = crs_store_open (path, &error);
  gint64 patient_id;

  if (store == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 2;
    }
  sqlite3_wal_autocheckpoint (crs_store_get_db (store), 0);
  patient_id = add_patient (store, "WAL-ONLY", "9");
  for (int i = 0; i < count; i++)
    {
      g_autoptr(CrsObservation) obs = make_full_observation (patient_id, 1800000000 + i * 60);
      g_free (obs->note);
      obs->note = g_strdup_printf ("only in the WAL %d", i);
      if (!crs_store_add_observation (store, obs, &error))
        return 2;
    }
  _exit (0);
}

/* A page of the audit table's oldest rows, which the WAL does not hold a
 * newer copy of: reading the sets still works, the quick check does not. */
static gint64
audit_page (const char *path)
{
  sqlite3 *db = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  page = raw_int (db, "SELECT min(pageno) FROM dbstat WHERE name = 'audit' AND pagetype = 'leaf'");
  sqlite3_close (db);
  return page;
}

/* Makes the ward in @dir: BACKUP_SETS sets and a backup of them, then a
 * patient with WAL_SETS sets still only in the -wal, then damage. Returns
 * the database path. */
static char *
make_damaged_ward (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *exe = self_exe ();
  g_autofree char *count = g_strdup_printf ("%d", WAL_SETS);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  guchar junk[4096];
  gint64 page;
  int status = 0, fd;

  {
    g_autoptr(CrsStore) store = crs_store_open (path, &error);
    gint64 patient_id;

    g_assert_no_error (error);
    patient_id = add_patient (store, "BACKED-UP", "1");
    g_assert_true (crs_store_begin_batch (store, &error));
    for (int i = 0; i < BACKUP_SETS; i++)
      {
        g_autoptr(CrsObservation) obs = make_full_observation (patient_id, 1700000000 + i * 60);
        g_assert_true (crs_store_add_observation (store, obs, &error));
      }
    g_assert_true (crs_store_commit_batch (store, &error));
    g_free (crs_store_backup_now (store, &error));
    g_assert_no_error (error);
  }

  {
    const char *argv[] = { exe, "--child-wal", path, count, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  page = audit_page (path);
  g_assert_cmpint (page, >, 1);
  memset (junk, 0xA5, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, (page - 1) * 4096), ==, sizeof junk);
  close (fd);
  return g_steal_pointer (&path);
}

/* The folders the restore set damaged files aside in. */
static GPtrArray *
set_aside_folders (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));
  return found;
}

/* How many of the sets only in the WAL a reader finds in @db_path (with
 * whatever -wal is beside it), through a private copy of the files so
 * that nothing is written beside them. */
static int
readable_wal_sets (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("crs-reader-XXXXXX", &error);
  g_autofree char *copy = g_build_filename (tmp, "copy.sqlite", NULL);
  const char *suffixes[] = { "", "-wal" };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_file_get_contents (from, &data, &length, NULL))
        g_assert_true (g_file_set_contents (to, data, (gssize) length, NULL));
    }
  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT note FROM observation WHERE id = ?1", -1, &stmt, NULL)
      == SQLITE_OK)
    {
      for (int i = 0; i < WAL_SETS; i++)
        {
          g_autofree char *expected = g_strdup_printf ("only in the WAL %d", i);
          sqlite3_bind_int (stmt, 1, BACKUP_SETS + 1 + i);
          if (sqlite3_step (stmt) == SQLITE_ROW &&
              g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), expected) == 0)
            found++;
          sqlite3_reset (stmt);
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_unlink (to);
    }
  g_unlink (copy);
  g_rmdir (tmp);
  return found;
}

/* TRUE when the file at @path is already the restored copy (its own
 * pages, read without any -wal, hold the restore in the audit log) and a
 * -wal with frames lies beside it: the old WAL, to be replayed onto it. */
static gboolean
restored_with_old_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean restored = FALSE;
  struct stat st;

  if (stat (wal, &st) != 0 || st.st_size == 0)
    return FALSE;
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit WHERE action = 'restore-backup'", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    restored = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return restored;
}

/* The restored ward: the backup's records, nothing replayed onto it, a
 * clean check, and the restore in its audit log. */
static void
assert_restored (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  CrsStoreCounts counts;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  patients = crs_store_list_patients (store, TRUE, &error);
  g_assert_cmpuint (patients->len, ==, 1);
  g_assert_cmpstr (((CrsPatient *) patients->pdata[0])->mrn, ==, "BACKED-UP");
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.observations, ==, BACKUP_SETS);
  g_assert_true (crs_store_check_integrity (store, &error));
  g_assert_no_error (error);
  audit = crs_store_list_audit (store, NULL, 0, &error);
  g_assert_cmpstr (((CrsAuditEntry *) audit->pdata[audit->len - 1])->action, ==, "restore-backup");
  g_clear_object (&store);

  g_assert_cmpint (run_cli (&out, &err, "check", "--db", path, NULL), ==, 0);
  assert_contains (out, "Integrity: ok");
  assert_contains (out, "Audit chain: ok");
}

/* ---------------------------------------------------------------------- */

static void
test_restore_keeps_wal (void)
{
  g_autofree char *path = make_damaged_ward ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) backups = crs_store_backup_list (path);
  g_autoptr(GPtrArray) aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autofree char *command = NULL;

  g_assert_cmpuint (backups->len, ==, 1);
  /* Before: a reader of the damaged file and its WAL finds every set. */
  g_assert_cmpint (readable_wal_sets (path), ==, WAL_SETS);

  /* The app refuses the file and says which command brings the backup
   * back, not how to copy files by hand. */
  store = crs_store_open (path, &error);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  command = g_strdup_printf ("crs-watch-cli restore --db %s", path);
  assert_contains (error->message, command);
  assert_contains (error->message, backups->pdata[0]);
  g_clear_error (&error);

  g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, NULL), ==, 0);
  assert_contains (out, backups->pdata[0]);
  /* What the damaged file and its WAL held that the backup lacks. */
  assert_contains (out, "Observation sets: 12");
  assert_contains (out, "Patients: 1");

  /* The damaged file is kept with its WAL, where a reader still finds
   * every set that was only in the WAL. */
  aside = set_aside_folders (path);
  g_assert_cmpuint (aside->len, ==, 1);
  assert_contains (out, aside->pdata[0]);
  {
    g_autofree char *kept = g_build_filename (aside->pdata[0], "ward.sqlite", NULL);
    g_autofree char *kept_wal = g_build_filename (aside->pdata[0], "ward.sqlite-wal", NULL);
    struct stat st;

    g_assert_true (g_file_test (kept_wal, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (readable_wal_sets (kept), ==, WAL_SETS);
    g_assert_cmpint (stat (aside->pdata[0], &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  assert_restored (path);
}

static void
test_restore_refusals (void)
{
  g_autofree char *path = make_damaged_ward ();
  g_autofree char *other = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sum = file_checksum (path);
  g_autofree char *sum_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) backups = crs_store_backup_list (path);
  g_autoptr(GPtrArray) aside = NULL;
  g_autoptr(GPtrArray) other_backups = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;

  /* A backup of another ward. */
  {
    g_autoptr(CrsStore) store = crs_store_open (other, &error);
    g_assert_no_error (error);
    add_patient (store, "OTHER", "1");
    g_free (crs_store_backup_now (store, &error));
    other_backups = crs_store_backup_list (other);
  }
  g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, "--backup",
                            other_backups->pdata[0], NULL), ==, 1);
  assert_contains (err, "another ward");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A damaged backup. */
  {
    g_autofree char *copy = g_build_filename (dir, "copy-of-backup.sqlite", NULL);
    g_autofree char *data = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (backups->pdata[0], &data, &length, NULL));
    memset (data + length / 2, 0x5A, 4096);
    g_assert_true (g_file_set_contents (copy, data, (gssize) length, NULL));
    g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, "--backup", copy, NULL), ==, 1);
    assert_contains (err, "damaged");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* The database still open in another program (CRS Watch itself, or
   * the sqlite3 tool). */
  g_assert_cmpint (sqlite3_open_v2 (path, &holder, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  raw_int (holder, "SELECT count(*) FROM observation WHERE id = 1");
  g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, NULL), ==, 1);
  assert_contains (err, "open");
  sqlite3_close (holder);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing was moved by any refusal. */
  sum_after = file_checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
  aside = set_aside_folders (path);
  g_assert_cmpuint (aside->len, ==, 0);
  g_assert_cmpint (readable_wal_sets (path), ==, WAL_SETS);

  /* Restored, a second restore finds nothing to do. */
  g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&sum, g_free);
  sum = file_checksum (path);
  g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, NULL), ==, 1);
  assert_contains (err, "not damaged");
  g_clear_pointer (&sum_after, g_free);
  sum_after = file_checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No good backup at all. */
  {
    g_autofree char *lonely = new_db_path ();
    g_autoptr(CrsStore) store = crs_store_open (lonely, &error);
    g_assert_no_error (error);
    add_patient (store, "ALONE", "1");
    g_clear_object (&store);
    g_assert_true (g_file_set_contents (lonely, "garbage", -1, NULL));
    g_assert_cmpint (run_cli (&out, &err, "restore", "--db", lonely, NULL), ==, 1);
    assert_contains (err, "no good backup");
  }
}

/* The restore killed with SIGKILL after each of its steps (and at random
 * moments in between), then run again: at every point a reader finds
 * every set that was only in the WAL, in the ward database or in a folder
 * the damaged files were set aside in; and in the end the backup is in
 * place, with nothing replayed onto it. */
static void
test_restore_sigkill (void)
{
  g_autofree char *template = make_damaged_ward ();
  g_autofree char *template_dir = g_path_get_dirname (template);
  const char *cli = g_getenv ("CRS_WATCH_CLI");
  guint rounds = g_test_thorough () ? 120 : 40;
  guint killed_at[16] = { 0 };

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *path = new_db_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *backups_from = g_build_filename (template_dir, "backups", NULL);
      g_autofree char *backups_to = g_build_filename (dir, "backups", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) aside = NULL;
      const char *argv[] = { cli, "restore", "--db", path, NULL };
      guint lines = 0, stop_after = g_test_rand_int_range (0, 8);
      int fd = -1, status = 0, best = 0;
      char line[4096];
      GPid pid;
      FILE *stream;

      /* A fresh copy of the damaged ward and its backup for each round. */
      g_assert_cmpint (g_mkdir_with_parents (backups_to, 0700), ==, 0);
      {
        const char *suffixes[] = { "", "-wal", "-shm" };
        g_autoptr(GPtrArray) backups = crs_store_backup_list (template);
        for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
          {
            g_autofree char *from = g_strconcat (template, suffixes[i], NULL);
            g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
            g_autofree char *data = NULL;
            gsize length = 0;
            g_assert_true (g_file_get_contents (from, &data, &length, NULL));
            g_assert_true (g_file_set_contents_full (to, data, (gssize) length,
                                                     G_FILE_SET_CONTENTS_NONE, 0600, NULL));
          }
        for (guint i = 0; i < backups->len; i++)
          {
            g_autofree char *name = g_path_get_basename (backups->pdata[i]);
            g_autofree char *to = g_build_filename (backups_to, name, NULL);
            g_autofree char *data = NULL;
            gsize length = 0;
            g_assert_true (g_file_get_contents (backups->pdata[i], &data, &length, NULL));
            g_assert_true (g_file_set_contents_full (to, data, (gssize) length,
                                                     G_FILE_SET_CONTENTS_NONE, 0600, NULL));
          }
      }

      /* Run it and kill it after a number of its progress lines, a little
       * later still now and then. */
      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, NULL, &fd, NULL,
                                &error);
      g_assert_no_error (error);
      stream = fdopen (fd, "r");
      while (lines < stop_after && fgets (line, sizeof line, stream) != NULL)
        lines++;
      if (g_test_rand_bit ())
        g_usleep (g_test_rand_int_range (0, 3000));
      kill (pid, SIGKILL);
      fclose (stream);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      killed_at[MIN (lines, G_N_ELEMENTS (killed_at) - 1)]++;

      /* Right after the kill: never the restored copy with an old -wal
       * beside it, which the next open would replay onto it... */
      g_assert_false (restored_with_old_wal (path));
      /* ...and every WAL-only set is still where a reader finds it. */
      best = readable_wal_sets (path);
      aside = set_aside_folders (path);
      for (guint i = 0; i < aside->len; i++)
        {
          g_autofree char *kept = g_build_filename (aside->pdata[i], "ward.sqlite", NULL);
          best = MAX (best, readable_wal_sets (kept));
        }
      g_assert_cmpint (best, ==, WAL_SETS);

      /* Finished by a second run, unless the first one got there. */
      if (run_cli (&out, &err, "check", "--db", path, NULL) != 0)
        {
          g_clear_pointer (&out, g_free);
          g_clear_pointer (&err, g_free);
          g_assert_cmpint (run_cli (&out, &err, "restore", "--db", path, NULL), ==, 0);
        }
      assert_restored (path);

      g_clear_pointer (&aside, g_ptr_array_unref);
      aside = set_aside_folders (path);
      g_assert_cmpuint (aside->len, >=, 1);
      best = 0;
      for (guint i = 0; i < aside->len; i++)
        {
          g_autofree char *kept = g_build_filename (aside->pdata[i], "ward.sqlite", NULL);
          best = MAX (best, readable_wal_sets (kept));
        }
      g_assert_cmpint (best, ==, WAL_SETS);
    }

  for (guint i = 0; i < G_N_ELEMENTS (killed_at); i++)
    if (killed_at[i] > 0)
      g_test_message ("killed after %u progress lines: %u times", i, killed_at[i]);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child-wal"))
    return child_wal (argv[2], atoi (argv[3]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-restore/keeps-wal", test_restore_keeps_wal);
  g_test_add_func ("/store-restore/refusals", test_restore_refusals);
  g_test_add_func ("/store-restore/sigkill", test_restore_sigkill);

  return g_test_run ();
}
