/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-station.c: driving crs-test-workstation processes. */
#define G_LOG_DOMAIN "crs-test-station"

#include "config.h"

#include <stdio.h>

#include "crs-test-station.h"

struct _CrsTestStation
{
  GSubprocess      *process;
  GDataInputStream *out;
};

CrsTestStation *
crs_test_station_start (const char *database,
                        const char *name,
                        guint       sets,
                        guint       interval_ms)
{
  CrsTestStation *station = g_new0 (CrsTestStation, 1);
  g_autofree char *n = g_strdup_printf ("%u", sets);
  g_autofree char *interval = g_strdup_printf ("%u", interval_ms);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  station->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                       &error, g_getenv ("CRS_TEST_WORKSTATION"), database, name,
                                       n, interval, NULL);
  if (station->process == NULL)
    g_error ("workstation %s: %s", name, error->message);
  station->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (station->process));
  line = g_data_input_stream_read_line_utf8 (station->out, NULL, NULL, &error);
  if (g_strcmp0 (line, "ready") != 0)
    g_error ("workstation %s said: %s", name, line != NULL ? line : error != NULL ? error->message : "nothing");
  return station;
}

void
crs_test_station_go (CrsTestStation *station)
{
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all (g_subprocess_get_stdin_pipe (station->process), "go\n", 3, NULL,
                                  NULL, &error))
    g_error ("workstation: %s", error->message);
}

gboolean
crs_test_station_finish (CrsTestStation *station,
                         GArray         *saved,
                         GArray         *latency,
                         guint          *failed,
                         guint          *heard)
{
  gboolean ok;
  char *line;

  *failed = 0;
  *heard = 0;
  while ((line = g_data_input_stream_read_line_utf8 (station->out, NULL, NULL, NULL)) != NULL)
    {
      gint64 id = 0, micro = 0;

      if (sscanf (line, "saved %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &id, &micro) == 2)
        {
          g_array_append_val (saved, id);
          if (latency != NULL)
            g_array_append_val (latency, micro);
        }
      else if (g_str_has_prefix (line, "failed "))
        (*failed)++;
      else if (sscanf (line, "heard %u", heard) != 1)
        g_message ("a workstation said: %s", line);
      g_free (line);
    }
  ok = g_subprocess_wait_check (station->process, NULL, NULL);
  g_object_unref (station->out);
  g_object_unref (station->process);
  g_free (station);
  return ok;
}
