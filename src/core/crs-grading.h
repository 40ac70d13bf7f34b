/* crs-grading.h: grade one observation set: ASTCT 2019 CRS, ASTCT 2019
 * ICANS (ICE or CAPD), NEWS2 (RCP 2017); the findings behind each grade,
 * guidance for the nurse, and red flags.
 *
 * Sources: Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638
 * (ASTCT consensus, as reprinted by NCI PDQ and PMC8021214, PMC8403007);
 * Royal College of Physicians, NEWS2, 2017 (charts 1 and 4). Each rule is
 * cited beside its code. */
#pragma once

#include <glib.h>

#include "crs-model.h"
#include "crs-ward-policy.h"

G_BEGIN_DECLS

/* Rule set names stored with every grade. */
#define CRS_RULES_ASTCT "ASTCT-2019"
#define CRS_RULES_NEWS2 "NEWS2-2017"

/* What grading needs to know beyond the observation set itself. */
typedef struct
{
  int      age_years;        /* -1 = unknown: graded as an adult (ICE) */
  int      spo2_scale;       /* NEWS2 SpO2 scale: 1 (default) or 2 */
  gboolean use_capd;         /* CAPD above the age cut-off (developmental delay) */
  gboolean fever_masked;     /* antipyretic, anti-cytokine or corticosteroid given since CRS onset */
  CrsAcvpu previous_acvpu;   /* consciousness in the previous set, UNSET if none */
  /* Added with the grading core: */
  gboolean high_risk;        /* risk factors for severe CRS (high disease burden,
                              * poor general health): changes the grade 1 guidance */
} CrsGradingContext;

void crs_grading_context_init (CrsGradingContext *context);   /* adult, scale 1, nothing masked */
/* Fills @context for a set taken at @at from the patient's record and
 * history (crs-grading-context.c): age, SpO2 scale, CAPD choice, risk,
 * fever masking in the current episode, and the previous consciousness. */
void crs_grading_context_from_history (CrsGradingContext   *context,
                                       CrsPatient          *patient,
                                       GPtrArray           *observations,
                                       GPtrArray           *interventions,
                                       GPtrArray           *infusions,
                                       gint64               at,
                                       const CrsWardPolicy *policy);
/* Start of the CRS episode a set taken at @at belongs to: the start of the
 * latest infusion at or before @at, or 0 when there is none. */
gint64 crs_grading_episode_start (GPtrArray *infusions,
                                  gint64     at);

typedef enum {
  CRS_NEWS2_RR = 0,
  CRS_NEWS2_SPO2,
  CRS_NEWS2_AIR_OR_OXYGEN,
  CRS_NEWS2_SYSTOLIC,
  CRS_NEWS2_PULSE,
  CRS_NEWS2_CONSCIOUSNESS,
  CRS_NEWS2_TEMPERATURE,
  CRS_NEWS2_N_PARAMS
} CrsNews2Param;

typedef enum {
  CRS_NEWS2_RISK_UNKNOWN = 0,   /* a parameter is missing, or NEWS2 is not used for this age: no total */
  CRS_NEWS2_RISK_LOW,
  CRS_NEWS2_RISK_LOW_MEDIUM,    /* a single parameter scoring 3 */
  CRS_NEWS2_RISK_MEDIUM,        /* 5-6 */
  CRS_NEWS2_RISK_HIGH,          /* 7 or more */
} CrsNews2Risk;

typedef enum {
  CRS_RED_FLAG_SYMPTOM,         /* an emergency symptom was ticked */
  CRS_RED_FLAG_CRS_GRADE,       /* CRS grade 3 or more */
  CRS_RED_FLAG_ICANS_GRADE,     /* ICANS grade 3 or more */
  CRS_RED_FLAG_NEWS2,           /* NEWS2 7 or more */
  CRS_RED_FLAG_CONSCIOUSNESS,   /* new C, V, P or U */
} CrsRedFlagKind;

typedef struct
{
  CrsRedFlagKind kind;
  char          *text;          /* translated: "NEWS2 8 (high)", "Seizure" */
} CrsRedFlag;

void crs_red_flag_free (CrsRedFlag *flag);

typedef struct
{
  /* ASTCT CRS: 0-4, or CRS_MISSING when the findings cannot decide it. */
  int        crs_grade;
  GPtrArray *crs_reasons;       /* char *, translated findings that set the grade */
  char      *crs_guidance;      /* translated guidance for that grade */

  /* ASTCT ICANS: 0-4, or CRS_MISSING. */
  int        icans_grade;
  gboolean   icans_by_capd;     /* TRUE: CAPD was the tool, FALSE: ICE */
  GPtrArray *icans_reasons;
  char      *icans_guidance;

  /* NEWS2 */
  int          news2_scores[CRS_NEWS2_N_PARAMS];   /* CRS_MISSING when not recorded */
  int          news2_total;                        /* CRS_MISSING when any parameter is missing */
  CrsNews2Risk news2_risk;
  int          news2_interval_minutes;  /* minimum frequency: 720, 240, 60, 0 = continuous; CRS_MISSING */
  GPtrArray   *news2_missing;           /* char *, translated names of missing parameters */
  char        *news2_guidance;

  GPtrArray *red_flags;         /* CrsRedFlag * */
  gboolean   mimic_reminder;    /* fever or hypotension: think of infection, sepsis, adrenal insufficiency */

  /* Added with the grading core: */
  int        crs_grade_min;     /* lowest grade the findings support (= crs_grade when determined) */
  GPtrArray *crs_missing;       /* char *, translated names of findings not recorded */
  gboolean   fever;             /* temperature >= 38.0 °C */
  gboolean   hypotension;       /* ticked, systolic below the ward threshold, or on pressors */
  int        icans_grade_min;   /* lowest grade the findings support (= icans_grade when determined) */
  GPtrArray *icans_missing;     /* char *, translated names of findings not recorded */
  GPtrArray *news2_reasons;     /* char *, each parameter that scored, e.g. "pulse 115/min (2)" */
  int        news2_partial_sum; /* sum of the parameters that were recorded */
  /* Added with the paediatric rule: TRUE when the patient's age is known
   * and below the ward's news2_min_age. NEWS2 is then not used: no
   * total, risk UNKNOWN, no interval, nothing missing, no reasons, a
   * partial sum of 0 and no NEWS2 red flag; news2_scores still hold
   * each parameter's adult chart score, for reference only. This tells
   * "not used for this age" from "parameters missing" (news2_missing). */
  gboolean   news2_not_applicable;
  int        news2_min_age;     /* the ward's news2_min_age this set was graded with */
} CrsGrading;

CrsGrading *crs_grading_new   (CrsObservation          *observation,
                               const CrsGradingContext *context,
                               const CrsWardPolicy     *policy);
void        crs_grading_free  (CrsGrading              *grading);
/* One line naming the findings behind each grade (the CSV "reason"). */
char       *crs_grading_to_reason_line (const CrsGrading *grading);
gboolean    crs_grading_has_red_flag   (const CrsGrading *grading);
/* One sentence per scale, for the screen: "Grade 3: fever 39.1 °C and one
 * vasopressor", "Not determined: temperature not recorded". */
char       *crs_grading_crs_summary    (const CrsGrading *grading);
char       *crs_grading_icans_summary  (const CrsGrading *grading);
char       *crs_grading_news2_summary  (const CrsGrading *grading);
/* TRUE when ICANS is assessed with CAPD rather than ICE: below the ward's
 * age cut-off, or for a patient set to CAPD. Unknown age = adult (ICE). */
gboolean    crs_grading_uses_capd      (const CrsGradingContext *context,
                                        const CrsWardPolicy     *policy);
/* FALSE when NEWS2 is not used for a patient of @age_years (-1 =
 * unknown: used, as for an adult): below policy->news2_min_age. */
gboolean    crs_news2_applies_to_age   (int                      age_years,
                                        const CrsWardPolicy     *policy);
/* The current (not superseded) sets of @observations, oldest first, by
 * taken_at then id: a new array holding references. */
GPtrArray  *crs_grading_current_sets   (GPtrArray           *observations);
/* Grades each current (not superseded) set of one patient in time order,
 * each with the context its own history gives. Returns the gradings
 * (CrsGrading *, owned by the array); *@sorted receives the same
 * observations in the same order (a new array holding references). */
GPtrArray  *crs_grading_grade_series   (CrsPatient          *patient,
                                        GPtrArray           *observations,
                                        GPtrArray           *interventions,
                                        GPtrArray           *infusions,
                                        const CrsWardPolicy *policy,
                                        GPtrArray          **sorted);
/* The rules a stored grade was made with: "ASTCT-2019;NEWS2-2017". */
const char *crs_grading_rules          (void);

/* NEWS2 parameter names and risk bands. Ids are the grade CSV's
 * ("low", "low-medium", "medium", "high"; NULL for UNKNOWN); labels are
 * translated. */
const char *crs_news2_param_label (CrsNews2Param param);
const char *crs_news2_risk_to_id  (CrsNews2Risk  risk);
const char *crs_news2_risk_label  (CrsNews2Risk  risk);
/* The minimum monitoring frequency in minutes (0 = continuous). For a
 * complete set it is news2_interval_minutes; for a partial set, the band
 * the recorded parameters already reach (missing ones only add), and
 * never less often than 4-hourly. CRS_MISSING when NEWS2 is not used
 * for the patient's age (news2_not_applicable): then the ward's
 * interval applies (crs_due_compute()). */
int         crs_news2_interval_at_least (const CrsGrading *grading);
/* Score of one parameter, CRS_MISSING when it was not recorded. */
int         crs_news2_score_param (CrsObservation *observation,
                                   CrsNews2Param   param,
                                   int             spo2_scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsGrading, crs_grading_free)

G_END_DECLS
