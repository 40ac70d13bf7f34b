/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-watch.c: a store sees what other connections commit to its
 * file or its server (store/crs-store-watch.c): two stores on one ward
 * database stand for two windows or workstations. */
#define G_LOG_DOMAIN "test-store-watch"

#include "config.h"

#include <glib.h>

#include "crs-test-store-utils.h"

/* Another connection's commit reaches a file's store at once (PRAGMA
 * data_version) and a server's a moment later (NOTIFY comes over the
 * socket): asks until the poll says yes, for up to 5 s. */
static gboolean
poll_soon (CrsStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!crs_store_poll_outside_changes (store))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (10000);
    }
  return TRUE;
}

/* A poll says yes once for each commit of the other store, and never for
 * this store's own (which it signals itself, at once). */
static void
test_poll (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) here = open_new_store (&path);
  g_autoptr(CrsStore) there = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = NULL;

  there = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_signal_connect (here, "changed", G_CALLBACK (count_changed), seen);

  /* The first poll takes note; nothing new. */
  g_assert_false (crs_store_poll_outside_changes (there));
  g_assert_false (crs_store_poll_outside_changes (here));
  g_assert_false (crs_store_poll_outside_changes (here));

  /* The other workstation admits a patient: seen once, as "any patient". */
  add_patient (there, "MRN-W1", "7");
  g_assert_true (poll_soon (here));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, 0);
  g_assert_false (crs_store_poll_outside_changes (here));
  patients = crs_store_list_patients (here, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 1);

  /* This store's own write: signalled by the write, not by the poll. */
  add_patient (here, "MRN-W2", "8");
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (g_array_index (seen, gint64, 1), !=, 0);
  g_assert_false (crs_store_poll_outside_changes (here));
  g_assert_cmpuint (seen->len, ==, 2);
  /* ... which the other store sees as an outside change. */
  g_assert_true (poll_soon (there));
}

static gboolean
quit_on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Watching: a save on the other workstation reaches this one on the
 * timer, within a few of its intervals, without anything done here. */
static void
test_watch (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CrsStore) here = open_new_store (&path);
  g_autoptr(CrsStore) there = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;

  there = crs_store_open (path, &error);
  g_assert_no_error (error);
  g_signal_connect (here, "changed", G_CALLBACK (count_changed), seen);
  crs_store_watch_outside_changes (here, 50);
  add_patient (there, "MRN-W3", "9");

  timeout_id = g_timeout_add_seconds (10, quit_on_timeout, &timed_out);
  while (seen->len == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_cmpuint (seen->len, ==, 1);

  /* Gone with the store: no timer left behind to poll a freed store
   * (the sanitizer build would catch it). */
  g_clear_object (&here);
  add_patient (there, "MRN-W4", "10");
  timed_out = FALSE;
  g_timeout_add (300, quit_on_timeout, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (seen->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-watch/poll", test_poll);
  g_test_add_func ("/store-watch/watch", test_watch);

  return g_test_run ();
}
