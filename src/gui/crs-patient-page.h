/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-page.h: one patient (ui/crs-patient-page.ui): the red flag
 * banner, then the summary (details, latest set with grades, reasons and
 * guidance, the last 72 hours as a small chart, therapy and risk), the
 * timeline (chart and table), the observation history,
 * and the interventions and lab results. */
#pragma once

#include <adwaita.h>

#include "core/crs-patient-status.h"
#include "store/crs-reference.h"
#include "store/crs-store.h"
#include "crs-timeline-view.h"

G_BEGIN_DECLS

#define CRS_TYPE_PATIENT_PAGE (crs_patient_page_get_type ())
G_DECLARE_FINAL_TYPE (CrsPatientPage, crs_patient_page, CRS, PATIENT_PAGE, GtkWidget)

/* Where the page reads from; @reference may be NULL. */
void            crs_patient_page_set_store       (CrsPatientPage      *self,
                                                  CrsStore            *store,
                                                  CrsReference        *reference);
/* Reads @patient_id's record and history and shows them as of @now with
 * @policy. FALSE with @error when the store could not be read (the page
 * then shows what it showed before). */
gboolean        crs_patient_page_load            (CrsPatientPage      *self,
                                                  gint64               patient_id,
                                                  const CrsWardPolicy *policy,
                                                  gint64               now,
                                                  GError             **error);
/* Shows nobody: every part of the page emptied (a locked window holds
 * no patient's data). */
void            crs_patient_page_clear           (CrsPatientPage      *self,
                                                  const CrsWardPolicy *policy,
                                                  gint64               now);
/* The patient shown (borrowed), or NULL. */
CrsPatient     *crs_patient_page_get_patient     (CrsPatientPage      *self);
/* The sets of this patient whose red flag is not acknowledged yet
 * (CrsObservation *, borrowed; empty when none). */
GPtrArray      *crs_patient_page_get_open_escalations (CrsPatientPage *self);
/* The red flags of those sets in words: "NEWS2 8 (high) and seizure". */
const char     *crs_patient_page_get_escalation_text  (CrsPatientPage *self);
/* The newest version of observation set @id, borrowed; NULL if not shown. */
CrsObservation *crs_patient_page_find_observation (CrsPatientPage    *self,
                                                   gint64             observation_id);
AdwViewStack   *crs_patient_page_get_view_stack  (CrsPatientPage      *self);
AdwViewSwitcherBar *crs_patient_page_get_switcher_bar (CrsPatientPage *self);
/* The page alone on a narrow window: the banner's button goes under its
 * text. */
void                crs_patient_page_set_compact      (CrsPatientPage *self,
                                                       gboolean        compact);

G_END_DECLS
