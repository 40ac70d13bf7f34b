/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-workstations.c: the shared ward's speed, PostgreSQL beside
 * SQLite in the same run:
 *  - saving one observation set (median and p95 of 200, each committed
 *    with its audit row) and opening a patient with 1 000 sets (the whole
 *    record the patient page reads; median of 20), one process;
 *  - 10 workstation processes (crs-test-workstation) saving one set every
 *    2 s for a minute at once on one ward: saves, failures, the save
 *    latency they saw, whether every save they were told of is in the
 *    database, and whether each heard the others.
 * PostgreSQL is a throwaway server (tests/crs-test-postgresql.h) on a
 * Unix socket, SQLite a file in a temporary folder, both on this disk.
 *
 *   meson test -C build-tests --benchmark --suite bench workstations --verbose
 *   build-tests/tests/bench-workstations [SECONDS] [STATIONS]  */
#define G_LOG_DOMAIN "bench-workstations"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>

#include "crs-bench-data.h"
#include "crs-test-postgresql.h"
#include "crs-test-station.h"
#include "store/crs-patient-record.h"
#include "store/crs-store.h"

#define N_SAVES 200
#define N_OPENS 20
#define OPEN_SETS 1000
#define INTERVAL_MS 2000

static gint64
add_set (CrsStore *store,
         gint64    patient_id,
         guint     i)
{
  g_autoptr(CrsObservation) obs = crs_observation_new ();
  g_autoptr(GError) error = NULL;

  obs->patient_id = patient_id;
  obs->taken_at = 1700000000 + (gint64) i * 60;
  obs->temperature_c = 37.0 + (i % 30) / 10.0;
  obs->heart_rate = 70 + (int) (i % 50);
  obs->spo2 = 94 + (int) (i % 6);
  if (!crs_store_add_observation (store, obs, &error))
    g_error ("save: %s", error->message);
  return obs->id;
}

static void
bench_one_process (const char *name,
                   const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (database, &error);
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(CrsPatient) full = crs_patient_new ();
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (store == NULL)
    g_error ("open %s: %s", name, error->message);
  patient->mrn = g_strdup ("BENCH-1");
  full->mrn = g_strdup ("BENCH-2");
  if (!crs_store_add_patient (store, patient, &error) || !crs_store_add_patient (store, full, &error))
    g_error ("patient: %s", error->message);

  for (guint i = 0; i < N_SAVES; i++)
    {
      gint64 start = g_get_monotonic_time (), took;

      add_set (store, patient->id, i);
      took = g_get_monotonic_time () - start;
      g_array_append_val (saves, took);
    }

  if (!crs_store_begin_batch (store, &error))
    g_error ("batch: %s", error->message);
  for (guint i = 0; i < OPEN_SETS; i++)
    add_set (store, full->id, i);
  if (!crs_store_commit_batch (store, &error))
    g_error ("batch: %s", error->message);
  for (guint i = 0; i < N_OPENS; i++)
    {
      gint64 start = g_get_monotonic_time (), took;
      g_autoptr(CrsStoredRecord) record = crs_stored_record_read (store, full->id, CRS_READ_CURRENT_SETS,
                                                                  NULL, NULL, g_get_real_time () / G_USEC_PER_SEC,
                                                                  &error);
      if (record == NULL || record->observations->len != OPEN_SETS)
        g_error ("open patient: %s", error != NULL ? error->message : "sets missing");
      took = g_get_monotonic_time () - start;
      g_array_append_val (opens, took);
    }

  printf ("%-10s  save: median %6.2f ms, p95 %6.2f ms   open a patient (%d sets): median %6.2f ms\n",
          name, crs_bench_percentile_ms (saves, 0.5), crs_bench_percentile_ms (saves, 0.95), OPEN_SETS,
          crs_bench_percentile_ms (opens, 0.5));
}

static void
bench_stations (const char *name,
                const char *database,
                guint       seconds,
                guint       n_stations)
{
  g_autofree CrsTestStation **stations = g_new0 (CrsTestStation *, n_stations);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) latency = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  guint failed = 0, deaf = 0, missing = 0;

  for (guint i = 0; i < n_stations; i++)
    {
      g_autofree char *station = g_strdup_printf ("%s-%u", name, i + 1);
      stations[i] = crs_test_station_start (database, station, MAX (1u, seconds * 1000 / INTERVAL_MS),
                                            INTERVAL_MS);
    }
  for (guint i = 0; i < n_stations; i++)
    crs_test_station_go (stations[i]);
  for (guint i = 0; i < n_stations; i++)
    {
      guint refused = 0, heard = 0;

      if (!crs_test_station_finish (stations[i], saved, latency, &refused, &heard))
        g_error ("workstation %u did not end cleanly", i + 1);
      failed += refused;
      if (heard == 0)
        deaf++;
    }

  /* Every save a workstation was told of must be in the database. */
  store = crs_store_open (database, &error);
  if (store == NULL)
    g_error ("open %s: %s", name, error->message);
  for (guint i = 0; i < saved->len; i++)
    {
      g_autoptr(CrsObservation) obs = crs_store_get_observation (store, g_array_index (saved, gint64, i),
                                                                 NULL);
      if (obs == NULL)
        missing++;
    }

  printf ("%-10s  %u workstations, %u s: %u saves, %u failed, %u missing; save median %6.2f ms,"
          " p95 %6.2f ms, max %6.2f ms; %u heard nobody\n",
          name, n_stations, seconds, saved->len, failed, missing, crs_bench_percentile_ms (latency, 0.5),
          crs_bench_percentile_ms (latency, 0.95), crs_bench_percentile_ms (latency, 1.0), deaf);
}

int
main (int    argc,
      char **argv)
{
  guint seconds = argc > 1 ? (guint) atoi (argv[1]) : 60;
  guint n_stations = argc > 2 ? (guint) atoi (argv[2]) : 10;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsTestPostgresql) server = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crs-bench-ward-XXXXXX", &error);
  g_autofree char *file_one = NULL;
  g_autofree char *file_many = NULL;
  g_autofree char *pg_one = NULL;
  g_autofree char *pg_many = NULL;

  if (dir == NULL)
    g_error ("%s", error->message);
  server = crs_test_postgresql_start (&error);
  if (server == NULL)
    {
      printf ("PostgreSQL: %s; only SQLite measured\n", error->message);
      g_clear_error (&error);
    }

  file_one = g_build_filename (dir, "one.sqlite", NULL);
  file_many = g_build_filename (dir, "many.sqlite", NULL);
  bench_one_process ("SQLite", file_one);
  if (server != NULL)
    {
      pg_one = crs_test_postgresql_new_database (server, "bench_one", &error);
      if (pg_one == NULL)
        g_error ("%s", error->message);
      bench_one_process ("PostgreSQL", pg_one);
    }

  bench_stations ("SQLite", file_many, seconds, n_stations);
  if (server != NULL)
    {
      pg_many = crs_test_postgresql_new_database (server, "bench_many", &error);
      if (pg_many == NULL)
        g_error ("%s", error->message);
      bench_stations ("PostgreSQL", pg_many, seconds, n_stations);
    }

  crs_bench_remove_tree (dir);
  return 0;
}
