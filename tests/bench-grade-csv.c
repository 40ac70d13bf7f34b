/* bench-grade-csv.c: how many observation rows a second `grade --csv`
 * grades, in process (the core) and end to end (crs-watch-cli reading a
 * file). Run with `meson test -C build --benchmark --verbose`. */
#define G_LOG_DOMAIN "bench-grade-csv"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "core/crs-grade-csv.h"

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

static void
bench_cli (GString *input)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  dir = g_dir_make_tmp ("bench-grade-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "observations.csv", NULL);
  g_assert_true (g_file_set_contents_full (path, input->str, (gssize) input->len,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));

  start = g_get_monotonic_time ();
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              g_getenv ("CRS_WATCH_CLI"), "grade", "--csv", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_print ("grade-csv crs-watch-cli: %d rows in %.2f s = %.0f rows/s\n", N_ROWS, seconds, N_ROWS / seconds);

  g_unlink (path);
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
    bench_cli (input);
  return 0;
}
