/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-bench-data.h: what the benchmarks share: the observation sets they
 * fill a ward with, the median of their runs, removing their folders. */
#pragma once

#include "core/crs-model.h"

G_BEGIN_DECLS

/* A plausible, fully recorded set with stored grades; @i varies the
 * values so that the rows are not all alike. */
CrsObservation *crs_bench_realistic_set (gint64 patient_id,
                                         gint64 taken_at,
                                         guint  i);

/* The median of @n values (sorted in place). */
double          crs_bench_median        (double     *values,
                                         guint       n);
/* The @p quantile (0 to 1) of @usec (gint64 microseconds, sorted in
 * place), in milliseconds; 0 for none. */
double          crs_bench_percentile_ms (GArray     *usec,
                                         double      p);
/* Removes @path and everything under it. */
void            crs_bench_remove_tree   (const char *path);

G_END_DECLS
