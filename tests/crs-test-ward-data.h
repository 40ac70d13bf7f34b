/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-ward-data.h: a small ward made through the store before the
 * real application opens it, with grades worked out by hand (the test
 * files say how), for the tests that drive the window. */
#pragma once

#include "store/crs-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 now;          /* the time the ward was made for (whole seconds) */
  gint64 ada;          /* bed 10: CRS 1 rising from 0, NEWS2 2, in a CAR-T window;
                        * then paracetamol and a CRP */
  gint64 grace;        /* bed 2: no observations, no infusion */
  gint64 alan;         /* bed 3: all normal, NEWS2 0, the set 13 h old: overdue by 1 hour */
  gint64 edith;        /* bed 4: a red flag 10 minutes ago (NEWS2 13, CRS 2) */
  gint64 ada_latest;   /* Ada's latest set */
  gint64 edith_flag;   /* Edith's red-flag set */
} CrsTestWard;

/* Opens the ward database of this test (crs_paths_ward_db), creating it. */
CrsStore       *crs_test_ward_open        (void);
/* Makes the ward above in @store, for the time @now (23:00 the day
 * before when @now is in the first hour after midnight: the tests read
 * times of the day). Read the time used from ward->now. */
void            crs_test_ward_fill        (CrsStore       *store,
                                           gint64          now,
                                           CrsTestWard    *ward);
/* Grades @obs as the observation form does (with the patient's history
 * and the ward's policy), stores the grades and the red flag with it,
 * and saves it. */
void            crs_test_ward_save_set    (CrsStore       *store,
                                           CrsObservation *obs);
/* A set with every vital sign of a well adult: NEWS2 0, CRS 0, ICANS 0. */
CrsObservation *crs_test_ward_normal_set  (gint64          patient_id,
                                           gint64          taken_at);
/* "14:05" for @at in local time (the chart's clock). */
char           *crs_test_ward_clock       (gint64          at);

G_END_DECLS
