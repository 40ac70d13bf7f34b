/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-observation-dialog-private.h: what the files of the observation
 * form share: crs-observation-dialog.c (the window: grading, saving,
 * closing) and crs-observation-dialog-fields.c (the rows: filling them
 * from a set and reading a set from them). */
#pragma once

#include "core/crs-grading-history.h"
#include "core/crs-symptom.h"
#include "exchange/crs-set-draft.h"
#include "crs-check-row.h"
#include "crs-grade-panel.h"
#include "crs-number-row.h"
#include "crs-observation-dialog.h"
#include "crs-time-row.h"

G_BEGIN_DECLS

struct _CrsObservationDialog
{
  CrsFormWindow parent_instance;

  CrsStore       *store;
  CrsPatient     *patient;
  CrsObservation *amend;          /* the set being amended, or NULL */
  CrsSetDraft    *draft;          /* kept on this workstation when a save could not reach the ward */
  CrsWardPolicy   policy;
  GPtrArray      *history;        /* CrsObservation *: the patient's other sets */
  GPtrArray      *interventions;
  GPtrArray      *infusions;
  CrsGradingHistory *grading_history; /* over the three above: each set's context */
  GSettings      *settings;
  int             spo2_scale;     /* of the context last graded */
  gboolean        news2_used;     /* of the context last graded: the patient is old enough for NEWS2 */
  gboolean        pews_used;      /* ... a child scored with PEWS: the children's rows are shown */
  CrsPewsBand     pews_band;      /* the chart the nurse chose for the set being amended (not a row) */
  CrsPewsBand     pews_band_shown;/* the chart the respiratory-distress choices were written for */
  CrsPewsScore    pews_score;     /* the PEWS last graded (when pews_used), for the rows' scores */

  gboolean        loading;        /* rows are being filled, not typed */
  gboolean        uses_capd;      /* CAPD is this patient's tool */
  gboolean        other_tool;     /* the nurse asked for the other tool too */
  /* Values a tick box cannot show, kept when the box is left alone. */
  CrsTri          kept_hypotension;
  CrsTri          kept_vasopressin;
  CrsTri          kept_motor_weakness;
  CrsTri          kept_intuition;

  CrsCheckRow    *ice_rows[CRS_ICE_N_ITEMS];
  CrsCheckRow    *symptom_rows[CRS_SYMPTOM_N_VALUES];

  /* Template widgets */
  AdwWindowTitle       *window_title;
  CrsGradePanel        *grade_panel;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkScrolledWindow    *scroller;
  AdwPreferencesGroup  *amend_group;
  AdwEntryRow          *reason_row;
  GtkWidget            *reason_message_row;
  GtkLabel             *reason_message;
  CrsTimeRow           *time_row;
  CrsNumberRow         *temperature_row;
  CrsNumberRow         *pulse_row;
  CrsNumberRow         *resp_rate_row;
  AdwComboRow          *resp_distress_row;
  CrsNumberRow         *systolic_row;
  CrsNumberRow         *diastolic_row;
  CrsNumberRow         *spo2_row;
  AdwComboRow          *o2_device_row;
  CrsNumberRow         *o2_percent_row;
  CrsNumberRow         *o2_flow_row;
  CrsNumberRow         *fio2_row;
  AdwComboRow          *bp_skip_row;
  CrsNumberRow         *crt_row;
  CrsCheckRow          *hypotension_row;
  CrsNumberRow         *vasopressors_row;
  CrsCheckRow          *vasopressin_row;
  AdwComboRow          *acvpu_row;
  AdwComboRow          *arousal_row;
  CrsNumberRow         *ice_total_row;
  AdwExpanderRow       *ice_items_row;
  CrsNumberRow         *capd_row;
  AdwActionRow         *other_tool_row;
  AdwComboRow          *seizure_row;
  CrsCheckRow          *motor_row;
  AdwComboRow          *edema_row;
  AdwPreferencesGroup  *concerns_group;
  AdwComboRow          *carer_row;
  CrsCheckRow          *intuition_row;
  AdwComboRow          *sepsis_row;
  AdwExpanderRow       *mild_row;
  AdwExpanderRow       *serious_row;
  AdwExpanderRow       *emergency_row;
  AdwEntryRow          *note_row;
};

/* crs-observation-dialog.c */
/* A row changed: regrade, and remember that something was typed. */
void       _crs_observation_dialog_changed      (CrsObservationDialog *self);

/* crs-observation-dialog-fields.c */
void       _crs_observation_dialog_build_rows   (CrsObservationDialog *self);
/* Fills the rows from @observation (the set being amended). */
void       _crs_observation_dialog_write        (CrsObservationDialog *self,
                                                 CrsObservation       *observation);
/* Reads the rows into @observation; a value with a problem is left out. */
void       _crs_observation_dialog_read         (CrsObservationDialog *self,
                                                 CrsObservation       *observation);
/* Marks values that cannot be true together (diastolic above systolic,
 * a flow on room air, a time in the future). */
void       _crs_observation_dialog_check_conflicts (CrsObservationDialog *self);
/* The first row with a problem, with the problem; NULL when none. */
GtkWidget *_crs_observation_dialog_first_problem (CrsObservationDialog *self,
                                                  const char          **problem);
/* Shows ICE or CAPD for this patient, and the other one when asked. */
void       _crs_observation_dialog_show_tools   (CrsObservationDialog *self);
/* The ticked items in the subtitles of the ICE and symptom rows. */
void       _crs_observation_dialog_show_ticked  (CrsObservationDialog *self);
/* NEWS2 scores of the vital signs (PEWS scores for a child), under
 * their rows. */
void       _crs_observation_dialog_show_scores  (CrsObservationDialog *self,
                                                 CrsObservation       *observation);
/* Shows the rows the children's PEWS charts score (a child below the
 * ward's NEWS2 age), with the respiratory-distress signs of @band's
 * chart. */
void       _crs_observation_dialog_show_pews_rows (CrsObservationDialog *self,
                                                   gboolean              pews_used,
                                                   CrsPewsBand           band);

G_END_DECLS
