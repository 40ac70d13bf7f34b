/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-grade-csv.c: how many observation rows a second `grade --csv`
 * grades, in process (the core) and end to end (crs-watch-cli reading a
 * file), against Python's csv module reading the same file in the same run,
 * and whether its memory stays flat as the file grows. Run with
 * `meson test -C build --benchmark --suite bench --verbose`. */
#define G_LOG_DOMAIN "bench-grade-csv"

#include "config.h"

#include <fcntl.h>
#include <malloc.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exchange/crs-grade-csv.h"

#define N_ROWS 100000

static const char * const devices[] = {
  "room_air", "nasal_cannula", "blow_by", "hfnc", "face_mask", "non_rebreather", "venturi", "cpap", "",
};
static const char * const acvpu[] = { "A", "A", "A", "C", "V", "P", "U", "" };
static const char * const arousal[] = { "normal", "normal", "spontaneous", "voice", "tactile", "unarousable", "" };

/* A varied, valid input: every band of every table is hit many times. */
static GString *
generate (guint n_rows)
{
  GString *text = g_string_new ("id,age_years,temp_c,hr,rr,sbp,dbp,spo2,spo2_scale,o2_device,o2_flow_l_min,"
                                 "hypotension,vasopressors,vasopressin,fever_masked,acvpu,arousal,ice,capd,"
                                 "seizure,motor_weakness,cerebral_edema\n");
  GRand *rand = g_rand_new_with_seed (4180);

  for (guint i = 0; i < n_rows; i++)
    {
      int age = g_rand_int_range (rand, 1, 90);
      int sbp = g_rand_int_range (rand, 60, 230);
      gboolean child = age < 12;
      const char *device = devices[g_rand_int_range (rand, 0, G_N_ELEMENTS (devices))];
      /* A flow only with a device that takes one (room air with a flow is refused). */
      g_autofree char *flow = g_str_equal (device, "room_air") || *device == '\0'
        ? g_strdup ("")
        : g_strdup_printf ("%.1f", g_rand_double_range (rand, 1.0, 15.0));
      g_autofree char *ice = child ? g_strdup ("") : g_strdup_printf ("%d", g_rand_int_range (rand, 0, 11));
      g_autofree char *capd = child ? g_strdup_printf ("%d", g_rand_int_range (rand, 0, 33)) : g_strdup ("");

      g_string_append_printf (text,
                              "\"bed %u, set %u\",%d,%.1f,%d,%d,%d,%d,%d,%d,%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n",
                              i % 30, i, age,
                              g_rand_double_range (rand, 34.5, 41.0),
                              g_rand_int_range (rand, 35, 160),
                              g_rand_int_range (rand, 6, 35),
                              sbp, sbp / 2,
                              g_rand_int_range (rand, 80, 101),
                              g_rand_int_range (rand, 1, 3),
                              device,
                              flow,
                              g_rand_boolean (rand) ? "" : (g_rand_boolean (rand) ? "yes" : "no"),
                              g_rand_int_range (rand, 0, 3),
                              g_rand_boolean (rand) ? "yes" : "no",
                              g_rand_boolean (rand) ? "yes" : "no",
                              acvpu[g_rand_int_range (rand, 0, G_N_ELEMENTS (acvpu))],
                              arousal[g_rand_int_range (rand, 0, G_N_ELEMENTS (arousal))],
                              ice,
                              capd,
                              g_rand_int_range (rand, 0, 10) == 0 ? "resolved" : "none",
                              g_rand_int_range (rand, 0, 50) == 0 ? "yes" : "no",
                              g_rand_int_range (rand, 0, 50) == 0 ? "focal" : "none");
    }
  g_rand_free (rand);
  return text;
}

static void
bench_in_process (GString *input)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (input->str, (gssize) input->len, NULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  CrsGradeCsvStats stats;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!crs_grade_csv_run (in, out, NULL, NULL, NULL, &stats, NULL, NULL, &error))
    g_error ("grading failed: %s", error->message);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (stats.rejected != 0)
    g_error ("%" G_GUINT64_FORMAT " generated rows were rejected", stats.rejected);
  g_print ("grade-csv in process: %" G_GUINT64_FORMAT " rows in %.2f s = %.0f rows/s\n",
           stats.rows, seconds, stats.rows / seconds);
}

/* Runs ARGV with stdout to /dev/null; its processor time (user and
 * system: what a loaded machine does not change) and peak memory. */
static void
run_measured (const char * const *argv,
              double             *seconds,
              long               *maxrss_kib)
{
  struct rusage usage;
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], (char * const *) argv);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  *seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
             + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  *maxrss_kib = usage.ru_maxrss;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s exited with status %d", argv[0], status);
}

/* The interpreter "python3" runs, by its own account: a "python3" on the
 * PATH may be a wrapper script (pyenv's shim runs bash first), whose work
 * would be counted as Python's. */
static char *
python_interpreter (void)
{
  const char *argv[] = { "python3", "-c", "import sys; print(sys.executable)", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("python3 did not run: %s", error->message);
  g_strstrip (out);
  g_assert_true (g_path_is_absolute (out));
  return g_steal_pointer (&out);
}

static double
median3 (double a, double b, double c)
{
  return MAX (MIN (a, b), MIN (MAX (a, b), c));
}

/* crs-watch-cli grade --csv on a file, against Python's csv module merely
 * reading the same file, in the same run (medians of 3 each); and the
 * grader's peak memory on that file and on one four times as long. */
static void
bench_cli (GString *input,
           GString *longer)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *long_path = NULL;
  g_autoptr(GError) error = NULL;
  double megabytes = input->len / 1e6;
  const char *cli = g_getenv ("CRS_WATCH_CLI");
  const char *python = "import csv, sys\n"
                       "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                       "    n = sum(1 for row in csv.reader(f))\n";
  double t_cli[3], t_py[3], t, cli_s, py_s;
  long rss, rss_long, rss_py;
  g_autofree char *interpreter = python_interpreter ();

  dir = g_dir_make_tmp ("bench-grade-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "observations.csv", NULL);
  long_path = g_build_filename (dir, "observations-long.csv", NULL);
  g_assert_true (g_file_set_contents_full (path, input->str, (gssize) input->len,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_true (g_file_set_contents_full (long_path, longer->str, (gssize) longer->len,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  /* A child's peak memory counts what it shared with this process when
   * forked: keep this one small. */
  g_string_free (input, TRUE);
  g_string_free (longer, TRUE);
  malloc_trim (0);

  for (guint i = 0; i < 3; i++)
    {
      const char *grade[] = { cli, "grade", "--csv", path, NULL };
      const char *read[] = { interpreter, "-c", python, path, NULL };

      run_measured (grade, &t_cli[i], &rss);
      run_measured (read, &t_py[i], &rss_py);
    }
  {
    const char *grade_long[] = { cli, "grade", "--csv", long_path, NULL };

    run_measured (grade_long, &t, &rss_long);
  }
  cli_s = median3 (t_cli[0], t_cli[1], t_cli[2]);
  py_s = median3 (t_py[0], t_py[1], t_py[2]);

  g_print ("\n| %d rows, %.1f MB | rows per second of processor time | peak memory |\n|---|---|---|\n",
           N_ROWS, megabytes);
  g_print ("| crs-watch-cli grade --csv | %.0f | %.1f MiB |\n", N_ROWS / cli_s, rss / 1024.0);
  g_print ("| python3 csv.reader, reading only (%s) | %.0f | %.1f MiB |\n", interpreter, N_ROWS / py_s,
           rss_py / 1024.0);
  g_print ("| ratio (goal >= 1.0x) | %.2fx | |\n", py_s / cli_s);
  g_print ("| grade --csv on %d rows | %.0f | %.1f MiB (%.2fx the memory for 4x the rows; goal: flat) |\n",
           4 * N_ROWS, 4 * N_ROWS / t, rss_long / 1024.0, (double) rss_long / rss);

  g_unlink (path);
  g_unlink (long_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) input = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  input = generate (N_ROWS);
  g_print ("generated %d rows, %.1f MB\n", N_ROWS, input->len / 1e6);
  bench_in_process (input);
  if (g_getenv ("CRS_WATCH_CLI") != NULL)
    {
      /* bench_cli frees both once they are written to files. */
      bench_cli (g_steal_pointer (&input), generate (4 * N_ROWS));
    }
  return 0;
}
