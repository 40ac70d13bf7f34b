/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-workstation.c: one nurse workstation as a process of its own,
 * for the tests and benchmarks of a shared ward (test-store-server,
 * bench-workstations):
 *
 *   crs-test-workstation DATABASE STATION SETS INTERVAL_MS
 *
 * opens the ward (a file or a server), adds its own patient
 * ("STATION-<STATION>"), prints "ready", waits for a line on standard
 * input, then saves SETS observation sets, one every INTERVAL_MS, and
 * prints "saved ID MICROSECONDS" for each one the store reported saved
 * (and "failed MESSAGE" for each it did not). Meanwhile it asks for other
 * workstations' saves as the window's timer does; at the end it goes on
 * asking for up to 5 s until it has heard one, and prints "heard N". */
#define G_LOG_DOMAIN "crs-test-workstation"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/crs-store.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(GError) error = NULL;
  char line[64];
  guint heard = 0;
  guint n_sets, interval_ms;
  gint64 deadline;

  if (argc != 5)
    {
      g_printerr ("usage: %s DATABASE STATION SETS INTERVAL_MS\n", argv[0]);
      return 2;
    }
  n_sets = (guint) atoi (argv[3]);
  interval_ms = (guint) atoi (argv[4]);

  store = crs_store_open (argv[1], &error);
  if (store == NULL)
    {
      printf ("failed %s\n", error->message);
      return 1;
    }
  crs_store_set_author (store, argv[2]);
  patient->mrn = g_strdup_printf ("STATION-%s", argv[2]);
  patient->bed = g_strdup (argv[2]);
  if (!crs_store_add_patient (store, patient, &error))
    {
      printf ("failed %s\n", error->message);
      return 1;
    }
  /* Only what others save from here on counts (the poll says so; the
   * store's own saves never make it say yes). */
  crs_store_poll_outside_changes (store);

  printf ("ready\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    return 1;

  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(CrsObservation) obs = crs_observation_new ();
      gint64 start;

      obs->patient_id = patient->id;
      obs->taken_at = 1700000000 + i * 60;
      obs->temperature_c = 37.0 + (i % 30) / 10.0;
      obs->heart_rate = 70 + (int) (i % 50);
      start = g_get_monotonic_time ();
      if (crs_store_add_observation (store, obs, &error))
        printf ("saved %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", obs->id,
                g_get_monotonic_time () - start);
      else
        {
          printf ("failed %s\n", error->message);
          g_clear_error (&error);
        }
      fflush (stdout);
      heard += crs_store_poll_outside_changes (store) ? 1 : 0;
      g_usleep (interval_ms * 1000);
    }

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (heard == 0 && g_get_monotonic_time () < deadline)
    {
      heard += crs_store_poll_outside_changes (store) ? 1 : 0;
      g_usleep (20000);
    }
  printf ("heard %u\n", heard);
  return 0;
}
