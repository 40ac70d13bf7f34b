/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-page-private.h: what the tests read of CrsPatientPage: its
 * parts and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-patient-page.h"

G_BEGIN_DECLS

/* The status of the patient shown (borrowed), or NULL: what every part
 * of the page shows (core: crs-patient-status.h). */
CrsPatientStatus *crs_patient_page_get_status    (CrsPatientPage      *self);
/* The Timeline tab (chart, controls and table), and the summary's chart
 * of the last 72 hours. */
CrsTimelineView *crs_patient_page_get_timeline_view (CrsPatientPage   *self);
CrsTimeline     *crs_patient_page_get_recent_chart  (CrsPatientPage   *self);

G_END_DECLS
