/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-station.h: driving crs-test-workstation processes (one nurse
 * workstation each, tests/crs-test-workstation.c) from a test or a
 * benchmark: start them, let them all go at once, read what each says. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CrsTestStation CrsTestStation;

/* Starts a workstation on @database (a file or a server) that will save
 * @sets sets, one every @interval_ms, and waits until it is ready. */
CrsTestStation *crs_test_station_start  (const char      *database,
                                         const char      *name,
                                         guint            sets,
                                         guint            interval_ms);
/* Lets it start saving. */
void            crs_test_station_go     (CrsTestStation  *station);
/* Reads its report to the end and waits for it: appends the ids it was
 * told were saved to @saved and their latencies (µs, may be NULL) to
 * @latency; *@failed is the number of saves refused, *@heard the number
 * of other workstations' saves it heard. Frees @station. FALSE when it did
 * not exit cleanly. */
gboolean        crs_test_station_finish (CrsTestStation  *station,
                                         GArray          *saved,
                                         GArray          *latency,
                                         guint           *failed,
                                         guint           *heard);

G_END_DECLS
