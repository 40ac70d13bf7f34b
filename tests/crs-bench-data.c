/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-bench-data.c: what the benchmarks share (see the header). */
#define G_LOG_DOMAIN "crs-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "crs-bench-data.h"

CrsObservation *
crs_bench_realistic_set (gint64 patient_id,
                         gint64 taken_at,
                         guint  i)
{
  CrsObservation *obs = crs_observation_new ();

  obs->patient_id = patient_id;
  obs->taken_at = taken_at;
  obs->temperature_c = 36.5 + (i % 30) / 10.0;
  obs->heart_rate = 70 + i % 60;
  obs->resp_rate = 14 + i % 12;
  obs->systolic = 85 + i % 50;
  obs->diastolic = 50 + i % 30;
  obs->spo2 = 90 + i % 10;
  obs->o2_device = i % 5 == 0 ? CRS_O2_NASAL_CANNULA : CRS_O2_ROOM_AIR;
  obs->o2_flow_l_min = i % 5 == 0 ? 2.0 : NAN;
  obs->acvpu = CRS_ACVPU_ALERT;
  obs->arousal = CRS_AROUSAL_NORMAL;
  obs->ice_items_recorded = TRUE;
  obs->ice_items = 0x3ff;
  obs->seizure = CRS_SEIZURE_NONE;
  obs->motor_weakness = CRS_TRI_NO;
  obs->cerebral_edema = CRS_EDEMA_NONE;
  if (i % 10 == 0)
    obs->note = g_strdup ("Patient comfortable, eating and drinking, no new complaints.");
  obs->stored_crs_grade = i % 30 > 25 ? 1 : 0;
  obs->stored_icans_grade = 0;
  obs->stored_news2 = i % 6;
  obs->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
  return obs;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
crs_bench_median (double *values,
                  guint   n)
{
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
crs_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      crs_bench_remove_tree (child);
    }
  g_rmdir (path);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

double
crs_bench_percentile_ms (GArray *usec,
                         double  p)
{
  guint index;

  if (usec->len == 0)
    return 0;
  g_array_sort (usec, compare_gint64);
  index = (guint) (p * (usec->len - 1) + 0.5);
  return g_array_index (usec, gint64, index) / 1000.0;
}
