/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-report.c: how long the shift handover PDF takes for a ward of
 * 40 patients with a week of observations each (issue 13; goal: well
 * under a second). Sets every 60 and every 15 minutes, or one interval
 * given in minutes: bench-report [MINUTES]. Medians of several runs, in
 * processor time (the machine is shared) and wall clock:
 * reading the ward (every patient's status from their whole history),
 * laying out the pages, writing the PDF, and `crs-watch-cli report` from
 * start to end. With CRS_BENCH_KEEP set, the ward database is kept (for
 * a profiler) and its path printed. */
#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "crs-bench-data.h"
#include "report/crs-report.h"

#define PATIENTS 40
#define DAYS     7
#define RUNS     7

/* Processor time of this process, in microseconds: the machine is
 * shared, and waiting for a core is not the report's time. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Processor time of the children that ended, in microseconds. */
static gint64
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return ((gint64) usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         usage.ru_stime.tv_usec;
}

static void
fill (const char *path,
      gint64      now,
      int         minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = crs_store_open (path, &error);
  gint64 first = now - DAYS * 86400;
  guint i = 0;

  g_assert_no_error (error);
  g_assert_true (crs_store_set_ward_name (store, "Bench Ward", &error));
  g_assert_true (crs_store_begin_batch (store, &error));
  for (guint p = 0; p < PATIENTS; p++)
    {
      g_autoptr(CrsPatient) patient = crs_patient_new ();
      g_autoptr(CrsInfusion) infusion = crs_infusion_new ();

      patient->mrn = g_strdup_printf ("B-%04u", p);
      patient->name = g_strdup_printf ("Bench Patient %02u", p + 1);
      patient->bed = g_strdup_printf ("%02u", p + 1);
      patient->birth_date = g_strdup ("1958-01-01");
      g_assert_true (crs_store_add_patient (store, patient, &error));
      infusion->patient_id = patient->id;
      infusion->therapy_code = g_strdup ("tisagenlecleucel");
      infusion->start_at = first + 3600;
      g_assert_true (crs_store_add_infusion (store, infusion, &error));
      for (gint64 t = first; t < now; t += minutes * 60, i++)
        {
          g_autoptr(CrsObservation) set = crs_bench_realistic_set (patient->id, t, i);

          g_assert_true (crs_store_add_observation (store, set, &error));
        }
      for (int d = 1; d < DAYS; d++)
        {
          g_autoptr(CrsIntervention) dose = crs_intervention_new ();

          dose->patient_id = patient->id;
          dose->at = first + d * 86400 + 5 * 3600;
          dose->kind = CRS_INTERVENTION_ANTIPYRETIC;
          dose->drug = g_strdup ("paracetamol");
          dose->dose = g_strdup ("1 g PO");
          g_assert_true (crs_store_add_intervention (store, dose, &error));
        }
      g_assert_no_error (error);
    }
  g_assert_true (crs_store_commit_batch (store, &error));
  g_assert_no_error (error);
}

static void
measure (int minutes)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "ward.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsReference) reference = crs_reference_open_default (&error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double load[RUNS], layout[RUNS], write[RUNS], total[RUNS], wall[RUNS], cli[RUNS], cli_wall[RUNS];
  guint pages = 0;
  GStatBuf st;

  g_assert_no_error (error);
  fill (db, now, minutes);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(CrsStore) store = crs_store_open_read_only (db, &error);
      g_autoptr(CrsHandover) handover = NULL;
      g_autoptr(CrsReport) report = NULL;
      CrsHandoverOptions options;
      gint64 t0, t1, t2, t3, w0;
      double width, height;

      g_assert_no_error (error);
      crs_handover_options_init (&options);
      options.now = now;
      options.period = CRS_HANDOVER_PERIOD_12_HOURS;
      options.reference = reference;
      crs_handover_period_bounds (options.period, NULL, now, &options.from, &options.to);
      crs_paper_get_size (CRS_PAPER_A4, &width, &height);

      w0 = g_get_monotonic_time ();
      t0 = cpu_now ();
      handover = crs_handover_load (store, &options, &error);
      g_assert_no_error (error);
      t1 = cpu_now ();
      report = crs_report_new (handover, CRS_REPORT_HANDOVER, width, height);
      t2 = cpu_now ();
      g_assert_true (crs_report_write_pdf (report, pdf, &error));
      g_assert_no_error (error);
      t3 = cpu_now ();
      wall[r] = (g_get_monotonic_time () - w0) / 1000.0;
      load[r] = (t1 - t0) / 1000.0;
      layout[r] = (t2 - t1) / 1000.0;
      write[r] = (t3 - t2) / 1000.0;
      total[r] = (t3 - t0) / 1000.0;
      pages = crs_report_get_n_pages (report);
    }

  for (guint r = 0; r < RUNS; r++)
    {
      const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "report", "--db", db, "--ward", "Bench Ward", "--pdf", pdf,
                             "--period", "12h", NULL };
      gint64 t0 = g_get_monotonic_time ();
      gint64 c0 = children_cpu ();
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      cli_wall[r] = (g_get_monotonic_time () - t0) / 1000.0;
      cli[r] = (children_cpu () - c0) / 1000.0;
    }
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);

  printf ("%d patients, a set every %d minutes for %d days (%d sets each, %d in all): %u pages, %.0f KiB\n",
          PATIENTS, minutes, DAYS, DAYS * 24 * 60 / minutes, PATIENTS * DAYS * 24 * 60 / minutes, pages,
          st.st_size / 1024.0);
  printf ("  processor time (median of %d):\n", RUNS);
  printf ("    read the ward (statuses): %7.1f ms\n", crs_bench_median (load, RUNS));
  printf ("    lay out the pages:        %7.1f ms\n", crs_bench_median (layout, RUNS));
  printf ("    draw and write the PDF:   %7.1f ms\n", crs_bench_median (write, RUNS));
  printf ("    in all, in process:       %7.1f ms (wall clock %.1f ms)\n", crs_bench_median (total, RUNS),
          crs_bench_median (wall, RUNS));
  printf ("    crs-watch-cli report:     %7.1f ms, start to exit (wall clock %.1f ms)\n", crs_bench_median (cli, RUNS),
          crs_bench_median (cli_wall, RUNS));
  fflush (stdout);

  if (g_getenv ("CRS_BENCH_KEEP") != NULL)
    {
      /* For a profiler: the ward and its report stay. */
      printf ("  kept: %s\n", db);
      return;
    }
  g_unlink (pdf);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_autoptr(GDir) listing = g_dir_open (backups, 0, NULL);
    const char *name;

    g_unlink (wal);
    g_unlink (shm);
    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (backups, name, NULL);
        g_unlink (file);
      }
    g_rmdir (backups);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1)
    measure (atoi (argv[1]) > 0 ? atoi (argv[1]) : 60);
  else
    {
      measure (60);
      measure (15);
    }
  return 0;
}
