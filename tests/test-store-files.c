/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-files.c: the ward database file under stress: a writer
 * killed with SIGKILL in the middle of its saves, two processes writing
 * at once, a busy database, file modes, damaged, foreign and newer files
 * (refused, and left byte for byte as they were), a read-only folder or
 * file, a full disk, and `crs-watch-cli check`.
 *
 * Child processes are this test binary run again with --child-writer. */
#define G_LOG_DOMAIN "test-store-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/crs-store.h"
#include "store/crs-store-private.h"

/* ---------------------------------------------------------------------- */
/* The child: saves observation sets for one patient and prints each id
 * once its transaction has committed. */

static int
child_writer (const char *path,
              const char *mrn,
              int         count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(CrsPatient) patient = NULL;

  if (store == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 2;
    }
  patient = crs_store_find_patient_by_mrn (store, mrn, &error);
  if (patient == NULL)
    {
      fprintf (stderr, "child: no patient %s\n", mrn);
      return 2;
    }

  for (int i = 0; count == 0 || i < count; i++)
    {
      g_autoptr(CrsObservation) obs = crs_observation_new ();

      obs->patient_id = patient->id;
      obs->taken_at = 1700000000 + i * 60;
      obs->heart_rate = 60 + i % 80;
      obs->temperature_c = 36.5 + (i % 30) / 10.0;
      obs->note = g_strdup_printf ("set %d of %s", i, mrn);
      if (!crs_store_add_observation (store, obs, &error))
        {
          fprintf (stderr, "child: %s\n", error->message);
          return 2;
        }
      /* Reported done only after the commit returned. */
      printf ("%" G_GINT64_FORMAT "\n", obs->id);
      fflush (stdout);
    }
  return 0;
}

static char *
self_exe (void)
{
  g_autoptr(GError) error = NULL;
  char *exe = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return exe;
}

static GPid
spawn_writer (const char *path,
              const char *mrn,
              int         count,
              int        *stdout_fd)
{
  g_autofree char *exe = self_exe ();
  g_autofree char *count_text = g_strdup_printf ("%d", count);
  const char *argv[] = { exe, "--child-writer", path, mrn, count_text, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, stdout_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

/* Reads whole lines (ids) from @file into @ids; a last line cut short by
 * the kill does not count. Stops after @max lines (0 = until EOF). */
static void
read_ids (FILE   *file,
          GArray *ids,
          guint   max)
{
  char line[64];
  guint n = 0;

  while ((max == 0 || n < max) && fgets (line, sizeof line, file) != NULL)
    {
      gint64 id;
      char *end;

      if (strchr (line, '\n') == NULL)
        break;
      id = g_ascii_strtoll (line, &end, 10);
      g_assert_true (end != line && *end == '\n');
      g_array_append_val (ids, id);
      n++;
    }
}

static char *
new_db_path (void)
{
  static int n;
  g_autofree char *dir = g_strdup_printf ("ward-%d", ++n);

  return g_build_filename (g_get_user_data_dir (), dir, "ward.sqlite", NULL);
}

static gint64
add_patient (CrsStore   *store,
             const char *mrn)
{
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(GError) error = NULL;

  patient->mrn = g_strdup (mrn);
  g_assert_true (crs_store_add_patient (store, patient, &error));
  g_assert_no_error (error);
  return patient->id;
}

static void
assert_saved (CrsStore *store,
              GArray   *ids,
              gint64    patient_id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsObservation) obs = crs_store_get_observation (store,
                                                                 g_array_index (ids, gint64, i),
                                                                 &error);
      g_assert_no_error (error);
      g_assert_cmpint (obs->patient_id, ==, patient_id);
      g_assert_nonnull (obs->note);
    }
}

/* ---------------------------------------------------------------------- */

static void
test_sigkill (void)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 patient_id = add_patient (store, "KILL");
  const int rounds = 25;
  CrsStoreCounts counts;

  g_assert_no_error (error);
  g_clear_object (&store);

  for (int round = 0; round < rounds; round++)
    {
      int fd = -1, status = 0;
      GPid pid = spawn_writer (path, "KILL", 0, &fd);
      FILE *out = fdopen (fd, "r");
      guint before = reported->len;

      /* Let it report a few saves, then kill it wherever it is: often in
       * the middle of a transaction or a WAL write. */
      read_ids (out, reported, g_test_rand_int_range (1, 40));
      if (g_test_rand_bit ())
        g_usleep (g_test_rand_int_range (0, 1500));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      read_ids (out, reported, 0);
      fclose (out);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);
      g_assert_cmpuint (reported->len, >, before);

      /* Every save reported done is there, and the file is whole. */
      store = crs_store_open (path, &error);
      g_assert_no_error (error);
      assert_saved (store, reported, patient_id);
      g_assert_true (crs_store_check_integrity (store, &error));
      g_assert_no_error (error);
      g_clear_object (&store);
    }

  store = crs_store_open (path, &error);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.observations, >=, reported->len);
  /* Each save is one transaction with its audit row: never one without
   * the other. */
  g_assert_cmpint (counts.audit_rows, ==, counts.observations + 1);
  g_test_message ("%u saves reported by %d killed writers, %" G_GINT64_FORMAT " in the database",
                  reported->len, rounds, counts.observations);
}

static void
test_two_writers (void)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(GArray) ids_a = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids_b = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) unique = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 a = add_patient (store, "WRITER-A");
  gint64 b = add_patient (store, "WRITER-B");
  const int count = 250;
  int fd_a = -1, fd_b = -1, status = 0;
  GPid pid_a, pid_b;
  FILE *out_a, *out_b;
  CrsStoreCounts counts;

  g_clear_object (&store);

  pid_a = spawn_writer (path, "WRITER-A", count, &fd_a);
  pid_b = spawn_writer (path, "WRITER-B", count, &fd_b);
  out_a = fdopen (fd_a, "r");
  out_b = fdopen (fd_b, "r");
  /* Read alternately so that neither child blocks on a full pipe. */
  while (ids_a->len < (guint) count || ids_b->len < (guint) count)
    {
      guint na = ids_a->len, nb = ids_b->len;
      if (ids_a->len < (guint) count)
        read_ids (out_a, ids_a, 1);
      if (ids_b->len < (guint) count)
        read_ids (out_b, ids_b, 1);
      if (ids_a->len == na && ids_b->len == nb)
        break;   /* both ended early: the asserts below say so */
    }
  fclose (out_a);
  fclose (out_b);

  g_assert_cmpint (waitpid (pid_a, &status, 0), ==, pid_a);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (waitpid (pid_b, &status, 0), ==, pid_b);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid_a);
  g_spawn_close_pid (pid_b);

  g_assert_cmpuint (ids_a->len, ==, count);
  g_assert_cmpuint (ids_b->len, ==, count);
  for (guint i = 0; i < ids_a->len; i++)
    g_hash_table_add (unique, &g_array_index (ids_a, gint64, i));
  for (guint i = 0; i < ids_b->len; i++)
    g_hash_table_add (unique, &g_array_index (ids_b, gint64, i));
  g_assert_cmpuint (g_hash_table_size (unique), ==, 2 * count);

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  assert_saved (store, ids_a, a);
  assert_saved (store, ids_b, b);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.observations, ==, 2 * count);
  g_assert_true (crs_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Another process holds the write lock longer than the busy timeout: the
 * save fails with BUSY and a plain message, the caller's record is left
 * as it was, and the same save succeeds once the lock is gone. */
static void
test_busy (void)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(CrsObservation) obs = crs_observation_new ();
  gint64 patient_id = add_patient (store, "BUSY");
  sqlite3 *other = NULL;
  gint64 start, waited;

  obs->patient_id = patient_id;
  obs->taken_at = 1000;
  obs->spo2 = 93;
  crs_store_set_busy_timeout (store, 300);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_false (crs_store_add_observation (store, obs, &error));
  waited = (g_get_monotonic_time () - start) / 1000;
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "try again"));
  g_assert_cmpint (waited, >=, 250);
  g_assert_cmpint (obs->id, ==, 0);
  g_clear_error (&error);

  /* Batches wait the same way. */
  g_assert_false (crs_store_begin_batch (store, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (crs_store_add_observation (store, obs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (obs->id, >, 0);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != mode)
    g_error ("%s has mode %o, not %o", path, st.st_mode & 0777, mode);
}

static void
test_permissions (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  mode_t old_umask = umask (0);   /* the most permissive: our modes still hold */

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  add_patient (store, "PERM");
  assert_mode (dir, 0700);
  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
  backup = crs_store_backup_now (store, &error);
  g_assert_no_error (error);
  backups = crs_store_backup_dir (path);
  assert_mode (backups, 0700);
  assert_mode (backup, 0600);
  g_clear_object (&store);

  /* A database someone made readable by others is closed up again. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  assert_mode (path, 0600);
  umask (old_umask);
}

/* ---------------------------------------------------------------------- */
/* Damaged, foreign and newer files */

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* A ward database with a patient, 200 sets and two good backups; returns
 * the newer backup. */
static char *
make_ward (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  gint64 patient_id = add_patient (store, "DMG");

  g_assert_no_error (error);
  g_assert_true (crs_store_begin_batch (store, &error));
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(CrsObservation) obs = crs_observation_new ();
      obs->patient_id = patient_id;
      obs->taken_at = 1000 + i;
      obs->note = g_strdup_printf ("observation %d with some words to fill the pages", i);
      g_assert_true (crs_store_add_observation (store, obs, &error));
    }
  g_assert_true (crs_store_commit_batch (store, &error));
  older = crs_store_backup_now (store, &error);
  newer = crs_store_backup_now (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&newer);
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length,
           guchar      byte)
{
  int fd = g_open (path, O_WRONLY, 0);
  g_autofree guchar *junk = g_malloc (length);

  memset (junk, byte, length);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, length, offset), ==, (gssize) length);
  close (fd);
}

static goffset
file_size (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static int
run_cli_check (const char  *path,
               char       **out,
               char       **err)
{
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "check", "--db", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

typedef enum {
  DAMAGE_PAGE,
  DAMAGE_TRUNCATED,
  DAMAGE_NOT_SQLITE,
  DAMAGE_EMPTY,
  DAMAGE_OTHER_APP,
  DAMAGE_NEWER,
} Damage;

static void
test_refused_files (void)
{
  const struct {
    Damage      damage;
    int         code;
    const char *words;
    gboolean    names_backup;
  } cases[] = {
    { DAMAGE_PAGE, CRS_STORE_ERROR_CORRUPT, "damaged", TRUE },
    { DAMAGE_TRUNCATED, CRS_STORE_ERROR_CORRUPT, "damaged", TRUE },
    { DAMAGE_NOT_SQLITE, CRS_STORE_ERROR_CORRUPT, "not a SQLite database", TRUE },
    { DAMAGE_EMPTY, CRS_STORE_ERROR_CORRUPT, "empty", TRUE },
    { DAMAGE_OTHER_APP, CRS_STORE_ERROR_CORRUPT, "not a CRS Watch ward database", FALSE },
    { DAMAGE_NEWER, CRS_STORE_ERROR_TOO_NEW, "newer CRS Watch", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = new_db_path ();
      g_autofree char *good_backup = NULL;
      g_autofree char *sum = NULL;
      g_autofree char *sum_after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsStore) store = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      sqlite3 *db = NULL;

      if (cases[i].damage == DAMAGE_OTHER_APP)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT);"
                                             "INSERT INTO recipes VALUES ('soup')",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          sqlite3_close (db);
        }
      else
        good_backup = make_ward (path);

      switch (cases[i].damage)
        {
        case DAMAGE_PAGE:
          {
            /* A page in the middle of the file, and the newest backup
             * too: the message must name the older, good one. */
            goffset pages = file_size (path) / 4096;
            g_assert_cmpint (pages, >, 4);
            overwrite (path, (pages / 2) * 4096, 4096, 0xA5);
            backups = crs_store_backup_list (path);
            g_assert_cmpuint (backups->len, ==, 2);
            overwrite (backups->pdata[0], 100, 4000, 0x5A);
            g_free (good_backup);
            good_backup = g_strdup (backups->pdata[1]);
          }
          break;
        case DAMAGE_TRUNCATED:
          g_assert_cmpint (truncate (path, file_size (path) / 2), ==, 0);
          break;
        case DAMAGE_NOT_SQLITE:
          g_assert_true (g_file_set_contents (path, "Bed,Name\n1,Not a database\n", -1, NULL));
          break;
        case DAMAGE_EMPTY:
          g_assert_cmpint (truncate (path, 0), ==, 0);
          break;
        case DAMAGE_OTHER_APP:
          break;
        case DAMAGE_NEWER:
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                           SQLITE_OK);
          sqlite3_close (db);
          break;
        }

      sum = file_checksum (path);

      store = crs_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, CRS_STORE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_nonnull (strstr (error->message, "not changed"));
      if (cases[i].names_backup)
        {
          /* Where the good backup is, and what to do with it. */
          g_assert_nonnull (strstr (error->message, good_backup));
          g_assert_nonnull (strstr (error->message, "crs-watch-cli restore --db"));
          if (backups != NULL)
            g_assert_null (strstr (error->message, backups->pdata[0]));
        }
      g_clear_error (&error);

      store = crs_store_open_read_only (path, &error);
      g_assert_null (store);
      g_assert_error (error, CRS_STORE_ERROR, cases[i].code);
      g_clear_error (&error);

      g_assert_cmpint (run_cli_check (path, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, path));

      /* Never modified, never replaced. */
      sum_after = file_checksum (path);
      g_assert_cmpstr (sum_after, ==, sum);
    }
}

static void
test_cli_check (void)
{
  g_autofree char *path = new_db_path ();
  g_autofree char *missing = new_db_path ();
  g_autofree char *old = new_db_path ();
  g_autofree char *old_dir = g_path_get_dirname (old);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_free (make_ward (path));

  g_assert_cmpint (run_cli_check (path, &out, &err), ==, 0);
  {
    g_autofree char *line = g_strdup_printf ("Schema version: %d", CRS_STORE_SCHEMA_VERSION);
    g_assert_nonnull (strstr (out, line));
  }
  g_assert_nonnull (strstr (out, "Patients: 1 (0 archived)"));
  g_assert_nonnull (strstr (out, "Observation sets: 200"));
  g_assert_nonnull (strstr (out, "Audit rows: 201"));
  g_assert_nonnull (strstr (out, "Integrity: ok"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A missing file is reported, not created. */
  g_assert_cmpint (run_cli_check (missing, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no ward database"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An older version is checked as it is, not upgraded. */
  g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_true (crs_store_schema_create (db, 1, &error));
  sqlite3_close (db);
  sum = file_checksum (old);
  g_assert_cmpint (run_cli_check (old, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Schema version: 1"));
  sum_after = file_checksum (old);
  g_assert_cmpstr (sum, ==, sum_after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A broken link between rows is found by the full check. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF;"
                                     "INSERT INTO infusion (patient_id, start_at, author)"
                                     " VALUES (777, 1, 'x')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (run_cli_check (path, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Integrity: problems found"));
  g_assert_nonnull (strstr (err, "infusion"));
}

static void
test_read_only_open (void)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GPtrArray) patients = NULL;

  g_free (make_ward (path));
  store = crs_store_open_read_only (path, &error);
  g_assert_no_error (error);
  patients = crs_store_list_patients (store, TRUE, &error);
  g_assert_cmpuint (patients->len, ==, 1);
  g_assert_false (crs_store_set_archived (store, ((CrsPatient *) patients->pdata[0])->id, TRUE,
                                          &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (crs_store_begin_batch (store, &error));
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY);
}

/* ---------------------------------------------------------------------- */
/* Read-only folder and file. Root may write anywhere, so as root the
 * checks run in a subprocess that becomes "nobody" first. */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
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

static void
read_only_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("crs-store-ro-XXXXXX", &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fresh_dir = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsPatient) patient = NULL;

  g_assert_no_error (error);
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (top, 65534, 65534), ==, 0);
      if (setgid (65534) != 0 || setuid (65534) != 0)
        {
          g_test_skip ("Cannot drop root privileges here");
          return;
        }
    }

  dir = g_build_filename (top, "ward", NULL);
  path = g_build_filename (dir, "ward.sqlite", NULL);
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  add_patient (store, "RO");
  g_clear_object (&store);
  sum = file_checksum (path);

  /* The folder turns read-only: a clear refusal naming it. */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  store = crs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  /* The file turns read-only. */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  store = crs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  sum_after = file_checksum (path);
  g_assert_cmpstr (sum, ==, sum_after);

  /* A new database cannot be made in a read-only folder either. */
  fresh_dir = g_build_filename (top, "locked", NULL);
  fresh = g_build_filename (fresh_dir, "ward.sqlite", NULL);
  g_assert_cmpint (g_mkdir (fresh_dir, 0500), ==, 0);
  store = crs_store_open (fresh, &error);
  g_assert_null (store);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* Writable again: everything saved before is there. */
  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  patient = crs_store_find_patient_by_mrn (store, "RO", &error);
  g_assert_nonnull (patient);
  g_clear_object (&store);

  g_chmod (fresh_dir, 0700);
  remove_tree (top);
}

static void
test_read_only (void)
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
      read_only_checks ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* ---------------------------------------------------------------------- */
/* A full disk, simulated with SQLite's max_page_count. */

static CrsObservation *
bulky_observation (gint64 patient_id,
                   int    i)
{
  CrsObservation *obs = crs_observation_new ();
  g_autoptr(GString) note = g_string_new (NULL);

  for (int k = 0; k < 60; k++)
    g_string_append_printf (note, "line %d of a long note %d; ", k, i);
  obs->patient_id = patient_id;
  obs->taken_at = 1000 + i;
  obs->note = g_string_free (g_steal_pointer (&note), FALSE);
  return obs;
}

static void
test_disk_full (void)
{
  g_autofree char *path = new_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrsObservation) refused = NULL;
  gint64 patient_id = add_patient (store, "FULL");
  CrsStoreCounts counts;
  int pages, i;

  for (i = 0; i < 20; i++)
    {
      g_autoptr(CrsObservation) obs = bulky_observation (patient_id, i);
      g_assert_true (crs_store_add_observation (store, obs, &error));
      g_array_append_val (saved, obs->id);
    }

  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (crs_store_get_db (store), "PRAGMA page_count", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    pages = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  crs_store_set_max_page_count (store, pages + 2);

  /* Save until the "disk" is full. */
  for (;; i++)
    {
      g_autoptr(CrsObservation) obs = bulky_observation (patient_id, i);
      if (!crs_store_add_observation (store, obs, &error))
        {
          refused = g_steal_pointer (&obs);
          break;
        }
      g_array_append_val (saved, obs->id);
      g_assert_cmpint (i, <, 1000);
    }
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_nonnull (strstr (error->message, "free some space"));
  g_assert_cmpint (refused->id, ==, 0);
  g_clear_error (&error);

  /* An import that runs into the full disk: the whole of it goes. */
  g_assert_true (crs_store_begin_import (store, &error));
  for (int k = 0; k < 50; k++)
    {
      g_autoptr(CrsObservation) obs = bulky_observation (patient_id, 5000 + k);
      if (!crs_store_add_observation (store, obs, &error))
        break;
    }
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FULL);
  g_clear_error (&error);
  crs_store_rollback_batch (store);

  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.observations, ==, saved->len);

  /* Space again: the refused set saves as it was. */
  crs_store_set_max_page_count (store, 1 << 30);
  g_assert_true (crs_store_add_observation (store, refused, &error));
  g_assert_no_error (error);
  g_array_append_val (saved, refused->id);
  g_clear_object (&store);

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  assert_saved (store, saved, patient_id);
  g_assert_true (crs_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.observations, ==, saved->len);
  g_assert_cmpint (counts.audit_rows, ==, saved->len + 1);
  g_assert_true (crs_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--child-writer"))
    return child_writer (argv[2], argv[3], atoi (argv[4]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-files/sigkill", test_sigkill);
  g_test_add_func ("/store-files/two-writers", test_two_writers);
  g_test_add_func ("/store-files/busy", test_busy);
  g_test_add_func ("/store-files/permissions", test_permissions);
  g_test_add_func ("/store-files/refused", test_refused_files);
  g_test_add_func ("/store-files/cli-check", test_cli_check);
  g_test_add_func ("/store-files/read-only-open", test_read_only_open);
  g_test_add_func ("/store-files/read-only", test_read_only);
  g_test_add_func ("/store-files/disk-full", test_disk_full);

  return g_test_run ();
}
