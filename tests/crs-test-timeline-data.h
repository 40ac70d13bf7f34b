/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-timeline-data.h: timeline models for the renderer and widget
 * tests and the benchmark. Times are fixed (TZ=UTC in the tests). */
#pragma once

#include "report/crs-timeline-model.h"

G_BEGIN_DECLS

#define CRS_TEST_HOUR ((gint64) 3600)
#define CRS_TEST_DAY (24 * CRS_TEST_HOUR)
/* 2024-03-01 08:00 UTC: the first infusion. */
#define CRS_TEST_T0 G_GINT64_CONSTANT (1709280000)
/* Now: 4 days after it. */
#define CRS_TEST_NOW (CRS_TEST_T0 + 4 * CRS_TEST_DAY)

/* A patient after two step-up doses (T0 and T0 + 48 h, each with a
 * typical onset window of 24-72 h), one set every 4 hours from T0 - 4 h
 * to T0 + 96 h (26 sets):
 *  - CRS 0 until T0 + 20 h, 1 from 20 h, not determined at 28 h, at
 *    least 1 at 32 h, 2 at 36 h and 40 h, 1 at 44 h; after the second
 *    dose 0 until 56 h, 1 at 60 h and 64 h, then 0;
 *  - ICANS 0, 1 at 40 h, not determined at 28 h;
 *  - NEWS2 from 1 up to 7 at 40 h; partial at 32 h; temperatures from
 *    36.8 to 39.2 °C;
 *  - paracetamol at 22 h, tocilizumab at 38 h, oxygen at 39 h,
 *    dexamethasone at 41 h.
 * The grade at 36 h was stored as 1 at entry (tooltip). Now is
 * CRS_TEST_NOW; the fever line is the core's. */
CrsTimelineModel *crs_test_timeline_patient (void);
/* Index of the set taken at T0 + @hours in crs_test_timeline_patient(). */
guint             crs_test_timeline_index  (int hours);

/* @n sets @interval seconds apart ending at CRS_TEST_NOW, grades going
 * up and down over days as on a ward, every 50th not determined and
 * every 7th at least; one infusion at the first set. */
CrsTimelineModel *crs_test_timeline_many   (guint  n,
                                            gint64 interval);

G_END_DECLS
