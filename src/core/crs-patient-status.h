/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-status.h: the one answer to "how is this patient now".
 *
 * From a patient's record (the patient, their sets, infusions, doses,
 * acknowledgements and late red flags) and the ward policy, at a given
 * time, it works out once:
 *  - the current infusion and therapy, the day since the infusion and the
 *    therapy's monitoring window;
 *  - every set's grades as of now, from the full history (a dose of
 *    tocilizumab recorded after a set but given before it masks fever for
 *    it), each determined, "at least N" or not determined;
 *  - for the newest set: the grades, the grade stored at entry where it
 *    differs, the last determined grade with its time when the newest is
 *    not determined, whether the grade is rising, NEWS2 and its band, or
 *    for a child below the ward's NEWS2 age PEWS and its level (NHS
 *    England national charts, 2023) in its place;
 *  - the red flags open (not acknowledged) and the newest set's
 *    acknowledgement;
 *  - when the next set is due and the rule that set it;
 *  - the order of urgency on the ward list.
 * The ward list, the patient page, the timeline and the handover report
 * read it and nothing else: views display, they do not decide. */
#pragma once

#include <glib-object.h>

#include "crs-due.h"
#include "crs-escalation.h"
#include "crs-grading.h"
#include "crs-risk.h"

G_BEGIN_DECLS

/* What the status is worked out from. Arrays are referenced, not copied;
 * NULL arrays are empty. */
typedef struct
{
  CrsPatient *patient;
  GPtrArray  *observations;      /* CrsObservation *, any versions: every set, or the newest ones */
  GPtrArray  *infusions;         /* CrsInfusion *, all of them */
  GPtrArray  *interventions;     /* CrsIntervention *, all of them */
  GPtrArray  *acknowledgements;  /* CrsAcknowledgement * of the patient's sets */
  GPtrArray  *late_flags;        /* CrsLateRedFlag * of the patient's sets */
  /* Sets with an escalation the store still holds open (crs_store_list_
   * open_escalations), which may be older than @observations. */
  GPtrArray  *open_sets;
  /* When @observations holds only the newest sets: the first set with
   * fever at or after each start of crs_grading_episode_starts() (the
   * store's crs_store_find_first_fever()), as (start, first fever) pairs
   * of gint64; NULL when @observations is the whole history. */
  GArray     *first_fevers;
  /* The therapy of crs_patient_current_infusion() in the reference
   * (crs_reference_find_for_infusion()), or NULL when unknown; and why
   * the reference could not be read, or NULL. */
  CrsTherapy *therapy;
  const char *therapy_error;
} CrsPatientRecord;

/* The infusion whose window matters at @now: the latest started at or
 * before @now; failing that, the first one still to come; NULL when
 * there is none. */
CrsInfusion *crs_patient_current_infusion (GPtrArray *infusions,
                                           gint64     now);

/* One scale's grade for the newest set, as of now. */
typedef struct
{
  int          grade;             /* determined grade, or the lower bound when AT_LEAST; CRS_MISSING */
  CrsCertainty certainty;
  int          stored;            /* the value stored with the set at entry; CRS_MISSING */
  gboolean     has_stored;        /* the set was saved with grades */
  gboolean     differs;           /* the stored value differs from the grade now */
  /* The newest earlier set with a grade or lower bound, when the newest
   * set has none: "last determined". CRS_MISSING / 0 when none. */
  int          last_grade;
  CrsCertainty last_certainty;
  gint64       last_at;
  /* The grade (or bound) before the newest one that has one, and whether
   * it rose. */
  int          previous;
  gboolean     rising;
} CrsScaleStatus;

/* An escalation still open. */
typedef struct
{
  CrsObservation *set;            /* the set that raised it */
  gint64          raised_at;      /* when: the set's saving, or the late red flag */
  gboolean        late;           /* raised after the set was saved */
} CrsOpenFlag;

typedef struct
{
  /*< private >*/
  gint ref_count;
  /*< public, read-only >*/
  CrsPatient          *patient;
  gint64               now;
  CrsWardPolicy        policy;

  CrsInfusion         *infusion;        /* crs_patient_current_infusion(), or NULL */
  CrsTherapy          *therapy;         /* its therapy in the reference, or NULL */
  char                *therapy_error;
  CrsMonitoringWindow *window;          /* NULL without an infusion */
  gboolean             in_window;       /* the window interval applies */
  int                  infusion_day;    /* day since the infusion (day 0 = its day); -1 none or not started */

  GPtrArray           *sets;            /* current sets given, oldest first */
  GArray              *gradings;        /* CrsGrading (numbers only), one per set, as of now */

  CrsObservation      *latest;          /* the newest current set, or NULL */
  CrsGrading          *latest_grading;  /* its grading with words, as of now; NULL without a set */
  CrsScaleStatus       crs;
  CrsScaleStatus       icans;

  GPtrArray           *open;            /* CrsOpenFlag *, oldest first */
  const CrsAcknowledgement *latest_ack; /* the newest acknowledgement of the newest set, or NULL */
  CrsDue               due;
} CrsPatientStatus;

CrsPatientStatus *crs_patient_status_new   (const CrsPatientRecord *record,
                                            const CrsWardPolicy    *policy,
                                            gint64                  now);
CrsPatientStatus *crs_patient_status_ref   (CrsPatientStatus       *self);
void              crs_patient_status_unref (CrsPatientStatus       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsPatientStatus, crs_patient_status_unref)
/* A boxed type, reference counted: for properties that hold a status. */
#define CRS_TYPE_PATIENT_STATUS (crs_patient_status_get_type ())
GType             crs_patient_status_get_type (void) G_GNUC_CONST;

/* The grading as of now of @set (one of status->sets), with words. */
CrsGrading *crs_patient_status_grade_set      (CrsPatientStatus *self,
                                               CrsObservation   *set);
/* The numbers of @set's grading as of now, or NULL when @set is not one
 * of status->sets. */
const CrsGrading *crs_patient_status_numbers  (CrsPatientStatus *self,
                                               CrsObservation   *set);
/* The context @set is graded with (for a new set: its time). */
void        crs_patient_status_context        (CrsPatientStatus  *self,
                                               gint64             at,
                                               CrsGradingContext *context);
/* The red flags of @flag's set in words ("CRS grade 3 and seizure"); a
 * late flag's kinds when the set is not among status->sets; NULL when
 * grading it again finds none. */
char       *crs_patient_status_flag_words     (CrsPatientStatus  *self,
                                               const CrsOpenFlag *flag);
/* Whether the newest set shows an open red flag. */
gboolean    crs_patient_status_latest_flag_open (CrsPatientStatus *self);

/* "3 severe", "at least 2 moderate", "not determined" (translated). */
char       *crs_scale_status_text             (const CrsScaleStatus *scale);
/* "CRS 3 now; graded 0 when saved, before the tocilizumab at 00:26 was
 * recorded"; NULL when the grade did not change since it was saved. */
char       *crs_patient_status_differs_text   (CrsPatientStatus *self,
                                               const char       *scale);
/* "Last graded 1 mild at 14:05" for a newest set with no grade; NULL
 * otherwise. */
char       *crs_patient_status_last_text      (CrsPatientStatus *self,
                                               const char       *scale);
/* TRUE when the patient is scored with PEWS now: a known age, at
 * status->now, below the ward's NEWS2 age. The tables name their
 * early-warning column by it. */
gboolean    crs_patient_status_uses_pews      (CrsPatientStatus *self);
/* The highest of the CRS and ICANS grades (or lower bounds) of the
 * newest set, CRS_MISSING when neither has one. */
int         crs_patient_status_highest_grade  (CrsPatientStatus *self);

/* What the status says of a period [from, to), such as a shift: the
 * highest grades of the sets taken in it (as of now, from the full
 * history) and whether the patient was escalated in it. Added with the
 * handover report. */
typedef struct
{
  guint        n_sets;            /* current sets taken in the period */
  /* The highest CRS grade or lower bound of those sets; CRS_MISSING when
   * none had one. On a tie a determined grade wins over a lower bound,
   * then the earlier set. */
  int          crs;
  CrsCertainty crs_certainty;
  gint64       crs_at;            /* when that set was taken */
  int          icans;
  CrsCertainty icans_certainty;
  gint64       icans_at;
  /* Sets taken in the period with a red flag: saved with one, raised
   * later (a late red flag), or found by grading them as of now. */
  guint        n_flagged;
  /* A red flag open now, a set of the period with one, or a late red
   * flag raised in the period. */
  gboolean     escalated;
} CrsStatusPeriod;

void        crs_patient_status_period         (CrsPatientStatus *self,
                                               gint64            from,
                                               gint64            to,
                                               CrsStatusPeriod  *period);
/* One scale ("CRS" or "ICANS") of @period in words: "Highest 3 severe
 * at 14:05", "Highest at least 2 moderate at 14:05", "Not determined in
 * any set of this period", "No sets in this period". Translated. */
char       *crs_status_period_text            (CrsPatientStatus      *self,
                                               const CrsStatusPeriod *period,
                                               const char            *scale);

/* Over grades oldest first (CRS_MISSING = none, skipped): TRUE when the
 * newest is above the one before it; @latest and @previous (may be NULL)
 * receive the two, or CRS_MISSING. The one "rising" of the ward list,
 * the page and the chart. */
gboolean    crs_grades_rising                 (const int *grades,
                                               gsize      n_grades,
                                               int       *latest,
                                               int       *previous);

/* Orders of the ward list. By urgency: an open red flag first, then
 * overdue sets, then the highest CRS or ICANS grade (or lower bound),
 * then NEWS2, or a child's PEWS level where the NEWS2 band of the same
 * response stands (continuous monitoring above every score), then the longest
 * overdue or soonest due; equal ones return 0 (the caller then orders by
 * bed). */
int         crs_patient_status_compare_urgency (CrsPatientStatus *a,
                                                CrsPatientStatus *b);

G_END_DECLS
