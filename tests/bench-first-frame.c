/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-first-frame.c: how long the app takes from start to its first
 * frame on a 30-bed ward, and how much memory it then holds, each against
 * a bare AdwApplicationWindow built in the same tree and started the same
 * way, in the same run (the ratio is what the machine cannot change).
 *
 * The driver makes a 30-bed ward database (three days of hourly sets per
 * bed, with their infusions) in a private XDG_DATA_HOME, then starts
 * itself again as a child, alternately "--child app" (the real CrsApplication
 * opening that ward) and "--child bare" (an AdwApplication with an empty
 * AdwApplicationWindow), ROUNDS times each; and "--child text", the bare
 * window with one label and one icon (not the goal's baseline: it shows
 * what any text and icon cost at all). A child prints its resident
 * memory (VmRSS, and VmHWM, the peak) when its window's frame clock
 * finishes the first paint, then quits; the driver times from spawn to
 * that line. Medians are reported.
 *
 * Needs a display:
 *   xvfb-run -a meson test -C build-tests --benchmark --suite gui-bench --verbose
 * or build-tests/tests/bench-first-frame [ROUNDS] under Xvfb. */
#define G_LOG_DOMAIN "bench-first-frame"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/crs-paths.h"
#include "crs-bench-data.h"
#include "gui/crs-application.h"
#include "store/crs-store.h"

#define N_BEDS 30
#define HOURS 72

/* -- the children ---------------------------------------------------------- */

static gboolean painted;
static gint64 child_start;

/* With CRS_BENCH_PHASES set, a child says on stderr when it reached each
 * phase (milliseconds since main), to see where the time goes. */
static void
phase (const char *name)
{
  if (g_getenv ("CRS_BENCH_PHASES") != NULL)
    g_printerr ("  %-12s %6.1f ms\n", name, (g_get_monotonic_time () - child_start) / 1000.0);
}

static void
phase_cb (gpointer    instance,
          const char *name)
{
  phase (name);
}

static guint64
status_kib (const char *key)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return 0;
  line = strstr (text, key);
  return line != NULL ? g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  if (painted)
    return;
  painted = TRUE;
  phase ("after-paint");
  printf ("first-frame %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
          status_kib ("VmRSS:"), status_kib ("VmHWM:"));
  fflush (stdout);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *app)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  phase ("realize");

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  /* The first window the application opens: the ward window. */
  phase ("window-added");
  if (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
}

static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  /* The app's own default size (crs-window.ui). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

/* The bare window with one line of text and one icon: what drawing any
 * text (fonts, shaping) and any icon (the icon theme) costs at all, which
 * the bare window, drawing neither, does not pay. */
static void
text_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Bed 01 · Patient 01 · CRS 2 moderate"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *which)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "crs-watch", NULL };

  if (g_str_equal (which, "bare"))
    {
      app = GTK_APPLICATION (adw_application_new ("org.crswatch.BenchBare", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  else if (g_str_equal (which, "text"))
    {
      app = GTK_APPLICATION (adw_application_new ("org.crswatch.BenchText", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (text_activate_cb), NULL);
    }
  else
    {
      app = GTK_APPLICATION (crs_application_new ());
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect (app, "startup", G_CALLBACK (phase_cb), (gpointer) "startup");
  g_signal_connect (app, "activate", G_CALLBACK (phase_cb), (gpointer) "activate");
  phase ("main");
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* -- the driver ------------------------------------------------------------ */

static void
make_ward (void)
{
  g_autofree char *path = crs_paths_ward_db (NULL);
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC / 60 * 60;
  gint64 ids[N_BEDS];

  store = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (crs_store_begin_batch (store, &error));
  for (guint p = 0; p < N_BEDS; p++)
    {
      g_autoptr(CrsPatient) patient = crs_patient_new ();
      g_autoptr(CrsInfusion) infusion = crs_infusion_new ();

      patient->mrn = g_strdup_printf ("BED-%02u", p + 1);
      patient->name = g_strdup_printf ("Patient %02u", p + 1);
      patient->bed = g_strdup_printf ("%02u", p + 1);
      patient->birth_date = g_strdup ("1962-03-04");
      g_assert_true (crs_store_add_patient (store, patient, &error));
      ids[p] = patient->id;
      infusion->patient_id = patient->id;
      infusion->therapy_code = g_strdup ("tisagenlecleucel");
      infusion->start_at = now - HOURS * 3600 - 3600;
      g_assert_true (crs_store_add_infusion (store, infusion, &error));
    }
  for (guint h = 0; h < HOURS; h++)
    for (guint p = 0; p < N_BEDS; p++)
      {
        g_autoptr(CrsObservation) obs = crs_bench_realistic_set (ids[p], now - (gint64) (HOURS - h) * 3600, h * N_BEDS + p);

        g_assert_true (crs_store_add_observation (store, obs, &error));
      }
  g_assert_true (crs_store_commit_batch (store, &error));
}

typedef struct {
  double   seconds;
  guint64  rss_kib;
  guint64  peak_kib;
} Sample;

static Sample
run_once (const char *self,
          const char *which)
{
  const char *argv[] = { self, "--child", which, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  Sample s = { 0 };
  gint64 start = g_get_monotonic_time ();

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "first-frame "))
        {
          s.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
          g_assert_cmpint (sscanf (line, "first-frame %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                                   &s.rss_kib, &s.peak_kib), ==, 2);
          break;
        }
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  g_assert_cmpfloat (s.seconds, >, 0);
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  g_autofree char *data_home = NULL;
  g_autofree double *t_app = NULL, *t_bare = NULL, *m_app = NULL, *m_bare = NULL, *p_app = NULL, *p_bare = NULL;
  g_autofree double *t_text = NULL;
  guint rounds = 9;
  double ta, tb, ma, mb, pa, pb;

  child_start = g_get_monotonic_time ();
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc > 1)
    rounds = MAX (1, atoi (argv[1]));

  top = g_dir_make_tmp ("crs-bench-first-frame-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (top, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  make_ward ();

  t_app = g_new (double, rounds); t_bare = g_new (double, rounds); t_text = g_new (double, rounds);
  m_app = g_new (double, rounds); m_bare = g_new (double, rounds);
  p_app = g_new (double, rounds); p_bare = g_new (double, rounds);
  /* One run of each first, not counted: the page cache warm for both. */
  run_once (argv[0], "bare");
  run_once (argv[0], "app");
  for (guint i = 0; i < rounds; i++)
    {
      /* Alternate the order, so neither always runs on a quieter machine. */
      Sample a, b;

      if (i % 2)
        {
          a = run_once (argv[0], "app");
          b = run_once (argv[0], "bare");
        }
      else
        {
          b = run_once (argv[0], "bare");
          a = run_once (argv[0], "app");
        }
      t_text[i] = run_once (argv[0], "text").seconds;
      t_app[i] = a.seconds; m_app[i] = a.rss_kib; p_app[i] = a.peak_kib;
      t_bare[i] = b.seconds; m_bare[i] = b.rss_kib; p_bare[i] = b.peak_kib;
    }
  ta = crs_bench_median (t_app, rounds); tb = crs_bench_median (t_bare, rounds);
  ma = crs_bench_median (m_app, rounds); mb = crs_bench_median (m_bare, rounds);
  pa = crs_bench_median (p_app, rounds); pb = crs_bench_median (p_bare, rounds);

  printf ("\nFirst frame, a %u-bed ward (%u sets), medians of %u (goal: time <= 1.2x, memory <= 1.3x)\n",
          N_BEDS, N_BEDS * HOURS, rounds);
  printf ("| | CRS Watch | bare AdwApplicationWindow | ratio |\n|---|---|---|---|\n");
  printf ("| start to first frame | %.0f ms | %.0f ms | %.2fx |\n", ta * 1000, tb * 1000, ta / tb);
  printf ("| memory (RSS) at the first frame | %.1f MiB | %.1f MiB | %.2fx |\n", ma / 1024, mb / 1024, ma / mb);
  printf ("| peak memory (VmHWM) by then | %.1f MiB | %.1f MiB | %.2fx |\n", pa / 1024, pb / 1024, pa / pb);
  /* Not the goal's baseline: how much of the gap any text and icon make. */
  printf ("| the bare window with one label and one icon, start to first frame | %.0f ms | %.0f ms | %.2fx |\n",
          crs_bench_median (t_text, rounds) * 1000, tb * 1000, crs_bench_median (t_text, rounds) / tb);

  /* CRS_BENCH_KEEP: leave the ward for a profiler to run a child on. */
  if (g_getenv ("CRS_BENCH_KEEP") != NULL)
    printf ("the ward is kept in %s\n", data_home);
  else
    crs_bench_remove_tree (top);
  return 0;
}
