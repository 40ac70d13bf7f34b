/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store.c: how fast the ward database is where a nurse would feel
 * it: saving one observation set (median and p99, each a committed
 * transaction with its audit row and fsync), loading one patient's whole
 * chart, the ward list with every patient's latest set, and opening the
 * file (which runs the quick check), with 100 000 and 1 000 000 sets
 * spread over 30 patients. Prints the query plans of the GUI's reads.
 *
 * Run by `meson test --benchmark -C build-tests`, or by hand:
 *   build-tests/tests/bench-store [MAX_SETS] [DIRECTORY]
 * (MAX_SETS defaults to 1000000; DIRECTORY to a new temporary folder,
 * removed afterwards.) */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "crs-bench-data.h"
#include "store/crs-store.h"
#include "store/crs-store-private.h"

#define N_PATIENTS 30
#define FILL_BATCH 20000

static gint64 patient_ids[N_PATIENTS];
static gint64 next_taken[N_PATIENTS];

static CrsObservation *
realistic_observation (gint64 patient_id,
                       gint64 taken_at,
                       guint  i)
{
  CrsObservation *obs = crs_bench_realistic_set (patient_id, taken_at, i);

  obs->symptoms = i % 7;
  return obs;
}

static void
bench_saves (CrsStore *store,
             guint     n,
             guint     total)
{
  g_autoptr(GArray) usec = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      guint p = i % N_PATIENTS;
      g_autoptr(CrsObservation) obs = realistic_observation (patient_ids[p], next_taken[p], i);
      gint64 start = g_get_monotonic_time ();
      gint64 took;

      if (!crs_store_add_observation (store, obs, &error))
        g_error ("save: %s", error->message);
      took = g_get_monotonic_time () - start;
      g_array_append_val (usec, took);
      next_taken[p] += 15 * 60;
    }
  printf ("  save one observation set (%u saves, ~%u in the database): median %.2f ms, "
          "p99 %.2f ms, max %.2f ms\n",
          n, total, crs_bench_percentile_ms (usec, 0.5), crs_bench_percentile_ms (usec, 0.99),
          crs_bench_percentile_ms (usec, 1.0));
}

static void
fill (CrsStore *store,
      guint     from,
      guint     to)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = from; i < to;)
    {
      if (!crs_store_begin_batch (store, &error))
        g_error ("batch: %s", error->message);
      for (guint k = 0; k < FILL_BATCH && i < to; k++, i++)
        {
          guint p = i % N_PATIENTS;
          g_autoptr(CrsObservation) obs = realistic_observation (patient_ids[p], next_taken[p], i);
          if (!crs_store_add_observation (store, obs, &error))
            g_error ("fill: %s", error->message);
          next_taken[p] += 15 * 60;
        }
      if (!crs_store_commit_batch (store, &error))
        g_error ("commit: %s", error->message);
    }
  printf ("  filled %u sets in %.1f s (batches of %d, with their audit rows)\n", to - from,
          (g_get_monotonic_time () - start) / 1e6, FILL_BATCH);
}

typedef GPtrArray *(*ReadFunc) (CrsStore *store, GError **error);

static GPtrArray *
read_history (CrsStore  *store,
              GError   **error)
{
  return crs_store_list_observations (store, patient_ids[7], 0, 0, FALSE, error);
}

static GPtrArray *
read_history_day (CrsStore  *store,
                  GError   **error)
{
  gint64 to = next_taken[7];
  return crs_store_list_observations (store, patient_ids[7], to - 24 * 3600, to, FALSE, error);
}

static GPtrArray *
read_ward (CrsStore  *store,
           GError   **error)
{
  return crs_store_list_latest_observations (store, FALSE, error);
}

static void
bench_read (CrsStore   *store,
            const char *what,
            ReadFunc    func)
{
  g_autoptr(GArray) usec = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  for (int run = 0; run < 7; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) list = func (store, &error);
      gint64 took = g_get_monotonic_time () - start;

      if (list == NULL)
        g_error ("%s: %s", what, error->message);
      rows = list->len;
      g_array_append_val (usec, took);
    }
  printf ("  %s (%u sets): median %.1f ms (of 7 runs)\n", what, rows, crs_bench_percentile_ms (usec, 0.5));
}

static void
print_plans (CrsStore *store)
{
  sqlite3 *db = crs_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  printf ("  query plans:\n");
  while ((stmt = sqlite3_next_stmt (db, stmt)) != NULL)
    {
      const char *sql = sqlite3_sql (stmt);
      const char *from = strstr (sql, " FROM ");
      g_autofree char *explain = NULL;
      sqlite3_stmt *eqp = NULL;

      if (!g_str_has_prefix (sql, "SELECT") || strstr (sql, "json_") != NULL ||
          strstr (sql, "observation") == NULL)
        continue;
      printf ("    ...%.110s\n", from ? from : sql);
      explain = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
      if (sqlite3_prepare_v2 (db, explain, -1, &eqp, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (eqp) == SQLITE_ROW)
        printf ("       %s\n", (const char *) sqlite3_column_text (eqp, 3));
      sqlite3_finalize (eqp);
    }
}

static void
measure (const char *path,
         guint       total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  gint64 start;
  struct stat st;

  g_stat (path, &st);
  printf ("\nWith %u observation sets (%d patients), file %.0f MB:\n", total, N_PATIENTS,
          st.st_size / 1e6);

  /* The first open of a day also makes the daily backup. */
  {
    g_autofree char *backups = crs_store_backup_dir (path);
    crs_bench_remove_tree (backups);
  }
  for (int run = 0; run < 2; run++)
    {
      start = g_get_monotonic_time ();
      store = crs_store_open (path, &error);
      if (store == NULL)
        g_error ("open: %s", error->message);
      printf (run == 0 ? "  first open of the day (quick check of every page, daily backup): %.0f ms\n"
                       : "  open (quick check of every page): %.0f ms\n",
              (g_get_monotonic_time () - start) / 1000.0);
      if (run == 0)
        g_clear_object (&store);
    }

  bench_read (store, "one patient's full history", read_history);
  bench_read (store, "one patient's last 24 hours", read_history_day);
  bench_read (store, "ward list, latest set of every patient", read_ward);
  bench_saves (store, 500, total);
  print_plans (store);
}

int
main (int   argc,
      char *argv[])
{
  const char *env_max = g_getenv ("CRS_BENCH_MAX_SETS");
  guint max = argc > 1 ? (guint) atoi (argv[1]) : env_max ? (guint) atoi (env_max) : 1000000;
  g_autofree char *dir = argc > 2 ? g_strdup (argv[2]) : g_dir_make_tmp ("crs-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ward.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  const guint steps[] = { 100000, 1000000 };
  guint filled = 0;

  printf ("CRS Watch ward database benchmark (SQLite %s, %s)\n", sqlite3_libversion (), path);

  store = crs_store_open (path, &error);
  if (store == NULL)
    g_error ("open: %s", error->message);
  for (int p = 0; p < N_PATIENTS; p++)
    {
      g_autoptr(CrsPatient) patient = crs_patient_new ();
      patient->mrn = g_strdup_printf ("BENCH-%02d", p);
      patient->bed = g_strdup_printf ("%d", p + 1);
      if (!crs_store_add_patient (store, patient, &error))
        g_error ("patient: %s", error->message);
      patient_ids[p] = patient->id;
      next_taken[p] = 1700000000;
    }

  printf ("\nEmpty database:\n");
  bench_saves (store, 1000, 0);
  filled = 1000;

  for (guint s = 0; s < G_N_ELEMENTS (steps) && steps[s] <= max; s++)
    {
      fill (store, filled, steps[s]);
      filled = steps[s];
      g_clear_object (&store);
      measure (path, filled);
      store = crs_store_open (path, &error);
      filled += 500;
    }

  g_clear_object (&store);
  if (argc <= 2)
    crs_bench_remove_tree (dir);
  return 0;
}
