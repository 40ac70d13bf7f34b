/* crs-bench-data.h: the observation sets the benchmarks fill a ward with. */
#pragma once

#include "core/crs-model.h"

G_BEGIN_DECLS

/* A plausible, fully recorded set with stored grades; @i varies the
 * values so that the rows are not all alike. */
CrsObservation *crs_bench_realistic_set (gint64 patient_id,
                                         gint64 taken_at,
                                         guint  i);

G_END_DECLS
