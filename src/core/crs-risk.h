/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-risk.h: why this patient may be at higher risk of CRS, and where an
 * infusion stands in its therapy's known onset window.
 *
 * Risk factors are listed in words, each with its source; there is no
 * score (no source gives one). The monitoring window says which day since
 * the infusion it is and where that falls in the onset range the therapy's
 * source reported, in the source's own unit (days for CAR-T, hours for
 * bispecifics). A therapy missing from the reference database is allowed:
 * the text then says to ask the pharmacist. */
#pragma once

#include <glib.h>

#include "crs-model.h"
#include "crs-therapy.h"

G_BEGIN_DECLS

/* Below this age (years) a patient counts as a child for the risk list.
 * The seed says "Children may be at higher risk of experiencing CRS
 * compared with adults" without defining a child; 18 is the age of
 * majority, as the issue asks ("child under 18"). */
#define CRS_RISK_CHILD_BELOW_AGE 18

typedef enum {
  CRS_RISK_FACTOR_THERAPY_TIER = 0,   /* T-cell-engaging therapy (highest tier) */
  CRS_RISK_FACTOR_CHILD,              /* under CRS_RISK_CHILD_BELOW_AGE */
  CRS_RISK_FACTOR_DISEASE_BURDEN,     /* CrsPatient.high_disease_burden */
  CRS_RISK_FACTOR_GENERAL_HEALTH,     /* CrsPatient.comorbidities */
  CRS_RISK_FACTOR_PRIOR_CRS,          /* CrsPatient.prior_crs */
  CRS_RISK_FACTOR_STEP_UP_DOSE,       /* CrsInfusion.step_label set */
  CRS_RISK_FACTOR_N_KINDS
} CrsRiskFactorKind;

typedef struct
{
  CrsRiskFactorKind kind;
  char *text;        /* translated, e.g. "Child (9 years old)" */
  char *source;      /* citation(s), as written; not translated */
  char *caveat;      /* translated limit of the evidence, or NULL */
} CrsRiskFactor;

typedef struct
{
  GPtrArray *factors;   /* CrsRiskFactor *, in CrsRiskFactorKind order */
  GPtrArray *unknown;   /* char *, translated: what could not be checked */
} CrsRiskProfile;

/* The risk factors of @patient at time @at (Unix seconds) for @infusion
 * (may be NULL) of @therapy (NULL when the infusion's therapy is not in
 * the reference database). */
CrsRiskProfile *crs_risk_profile_new  (CrsPatient     *patient,
                                       CrsInfusion    *infusion,
                                       CrsTherapy     *therapy,
                                       gint64          at);
void            crs_risk_profile_free (CrsRiskProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsRiskProfile, crs_risk_profile_free)

/* ---------------------------------------------------------------------- */

typedef enum {
  CRS_WINDOW_UNKNOWN = 0,        /* no therapy data or no onset range */
  CRS_WINDOW_NOT_STARTED,        /* the infusion starts later */
  CRS_WINDOW_BEFORE_ONSET,       /* started, before the earliest onset reported */
  CRS_WINDOW_IN_ONSET_RANGE,     /* inside the reported onset range */
  CRS_WINDOW_PAST_ONSET,         /* after the latest onset reported */
} CrsWindowPosition;

typedef struct
{
  CrsWindowPosition position;
  /* TRUE from the start of the infusion through the end of the therapy's
   * reported onset range (a day before the earliest onset counts: the
   * window is for watching for onset). FALSE when unknown: known tells
   * the caller that nothing is known, and the grading core should then
   * not relax observations. */
  gboolean   in_window;
  gboolean   known;           /* the therapy has a sourced onset range */
  gboolean   therapy_known;   /* the therapy is in the reference database */
  int        day;             /* day since infusion, day 0 = the local calendar
                               * day the infusion started; -1 before the start */
  double     hours;           /* hours since the start; negative before */
  char      *therapy_name;    /* generic name, else as entered on the infusion */
  char      *headline;        /* translated: "Day 3 after tisagenlecleucel" */
  char      *detail;          /* translated: the onset range and where now falls */
  CrsSource *source;          /* of the onset range; NULL when unknown */
  char      *study;
} CrsMonitoringWindow;

/* Where @now falls for @infusion of @therapy (NULL: not in the reference
 * database). For bispecifics, whose onset the labels count in hours from
 * the most recent dose, pass the most recent infusion. */
CrsMonitoringWindow *crs_monitoring_window_new  (CrsInfusion         *infusion,
                                                 CrsTherapy          *therapy,
                                                 gint64               now);
void                 crs_monitoring_window_free (CrsMonitoringWindow *window);
/* The therapy's reported onset range as a span of time after the start
 * of @infusion, in seconds: [*@from, *@to), exactly where
 * crs_monitoring_window_new() says "inside the range" (whole calendar
 * days for a range in days, as the window counts them). FALSE, with 0 and
 * 0, when the window is not known (no therapy, no full range). For a
 * chart's shaded onset window. */
gboolean             crs_monitoring_onset_span  (CrsInfusion         *infusion,
                                                 CrsTherapy          *therapy,
                                                 gint64              *from,
                                                 gint64              *to);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsMonitoringWindow, crs_monitoring_window_free)

/* The words shown for a therapy missing from the reference database. */
const char *crs_risk_no_reference_text (void);

G_END_DECLS
