/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grading.h: grade one observation set: ASTCT 2019 CRS, ASTCT 2019
 * ICANS (ICE or CAPD), NEWS2 (RCP 2017); the findings behind each grade,
 * guidance for the nurse, and red flags.
 *
 * Sources: Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638
 * (ASTCT consensus, as reprinted by NCI PDQ and PMC8021214, PMC8403007);
 * Royal College of Physicians, NEWS2, 2017 (charts 1 and 4); for
 * children below the ward's NEWS2 age, PEWS (NHS England national charts,
 * 2023; crs-grade-pews.h) where NEWS2 stands for adults; the project's
 * decisions on partial sets and floors (shared/clinical/
 * grading.md §6). Each rule is cited beside its code.
 *
 * A grading has two parts. The numbers (grades, floors, scores, red flag
 * kinds) are worked out by crs_grading_compute() without allocating, so
 * that a patient's whole history can be graded again whenever it changes
 * (crs-patient-status.h). The words (reasons, what is missing, guidance,
 * red flags in words) are added by crs_grading_new(), for the sets a
 * person reads. */
#pragma once

#include <glib.h>

#include "crs-grade-pews.h"
#include "crs-model.h"
#include "crs-ward-policy.h"

G_BEGIN_DECLS

/* Rule set names stored with every grade. */
#define CRS_RULES_ASTCT "ASTCT-2019"
#define CRS_RULES_NEWS2 "NEWS2-2017"

/* What grading needs to know beyond the observation set itself. */
typedef struct
{
  int      age_years;        /* -1 = unknown: graded as an adult */
  int      spo2_scale;       /* NEWS2 SpO2 scale: 1 (default) or 2 */
  gboolean use_capd;         /* CAPD offered above the age cut-off (developmental delay) */
  gboolean fever_masked;     /* antipyretic, anti-cytokine or corticosteroid given since CRS onset */
  gboolean high_risk;        /* risk factors for severe CRS (high disease burden,
                              * poor general health): changes the grade 1 guidance */
  /* Added with the patient status: the dose that masks fever (the first
   * one given at or after CRS onset), for the words; NULL when
   * fever_masked was set without one (the CSV's fever_masked column).
   * Borrowed: it lives as long as the history it came from. */
  CrsIntervention *masked_by;
  /* Added with PEWS: the age in completed months on the day of the set
   * (-1 = unknown: then age_years * 12, which gives the same chart), for
   * the chart's age band and the nurse's choice of the next one; and the
   * ACVPU of the patient's previous set (UNSET when none), which only
   * words an AVPU trigger ("AVPU changed to V"). */
  int              age_months;
  CrsAcvpu         previous_acvpu;
} CrsGradingContext;

void crs_grading_context_init (CrsGradingContext *context);   /* adult, scale 1, nothing masked */

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
  CRS_NEWS2_RISK_UNKNOWN = 0, /*< skip >*/            /* a parameter is missing, or NEWS2 is not used for this age: no total */
  CRS_NEWS2_RISK_LOW,         /*< nick=low >*/
  CRS_NEWS2_RISK_LOW_MEDIUM,  /*< nick=low-medium >*/ /* a single parameter scoring 3 */
  CRS_NEWS2_RISK_MEDIUM,      /*< nick=medium >*/     /* 5-6 */
  CRS_NEWS2_RISK_HIGH,        /*< nick=high >*/       /* 7 or more */
} CrsNews2Risk;

typedef enum {
  CRS_RED_FLAG_SYMPTOM = 0,     /* an emergency symptom was ticked */
  CRS_RED_FLAG_CRS_GRADE,       /* CRS grade 3 or more (or at least 3) */
  CRS_RED_FLAG_ICANS_GRADE,     /* ICANS grade 3 or more (or at least 3) */
  CRS_RED_FLAG_NEWS2,           /* NEWS2 7 or more (or a partial NEWS2 already 7) */
  CRS_RED_FLAG_CONSCIOUSNESS,   /* C, V, P or U on ACVPU */
  /* Added with the patient status: CRS cannot be graded (no temperature)
   * while a vasopressor, vasopressin or oxygen support that would make it
   * grade 3 or 4 is recorded (grading.md §6, "Escalation without a grade"). */
  CRS_RED_FLAG_CRS_FINDING,
  /* Added with PEWS: a child's PEWS level high or emergency (also a
   * partial PEWS already at 9, or a trigger that raises the level). */
  CRS_RED_FLAG_PEWS,
  CRS_RED_FLAG_N_KINDS
} CrsRedFlagKind;

#define CRS_RED_FLAG_BIT(kind) (1u << (kind))

typedef struct
{
  CrsRedFlagKind kind;
  char          *text;          /* translated: "NEWS2 8 (high)", "Seizure" */
} CrsRedFlag;

void crs_red_flag_free (CrsRedFlag *flag);

/* How far the recorded findings decide a grade. */
typedef enum {
  CRS_CERTAINTY_NOT_DETERMINED = 0,  /* not even a lower bound above 0 */
  CRS_CERTAINTY_AT_LEAST,            /* the findings prove a lower bound; unrecorded ones could raise it */
  CRS_CERTAINTY_DETERMINED,
} CrsCertainty;

/* The temperature as CRS grading reads it. */
typedef enum {
  CRS_FEVER_NOT_RECORDED = 0,
  CRS_FEVER_NONE,               /* below 38.0 °C */
  CRS_FEVER_PRESENT,            /* 38.0 °C or more */
} CrsFever;

/* What set the CRS circulation domain. */
typedef enum {
  CRS_CIRCULATION_NOT_RECORDED = 0,
  CRS_CIRCULATION_NONE,
  CRS_CIRCULATION_HYPOTENSION_TICK,     /* the nurse ticked "hypotensive" */
  CRS_CIRCULATION_HYPOTENSION_SYMPTOM,  /* "low blood pressure" ticked in the symptoms */
  CRS_CIRCULATION_HYPOTENSION_SYSTOLIC, /* systolic below the threshold */
  CRS_CIRCULATION_VASOPRESSIN_ALONE,
  CRS_CIRCULATION_ONE_PRESSOR,
  CRS_CIRCULATION_SEVERAL_PRESSORS,
} CrsCirculation;

/* What set the CRS oxygen domain. */
typedef enum {
  CRS_OXYGEN_NOT_RECORDED = 0,
  CRS_OXYGEN_ROOM_AIR,
  CRS_OXYGEN_FLOW_ONLY,          /* a flow up to the low-flow limit, no device: at least low flow */
  CRS_OXYGEN_HIGH_FLOW_ONLY,     /* a flow above the low-flow limit, no device: at least high flow */
  CRS_OXYGEN_FIO2_ONLY,          /* an FiO2 above 21 %, no device */
  CRS_OXYGEN_BLOW_BY,
  CRS_OXYGEN_CANNULA_NO_FLOW,    /* counted as low flow; the flow could make it high */
  CRS_OXYGEN_CANNULA_LOW,
  CRS_OXYGEN_CANNULA_HIGH,       /* above the ward's low-flow limit */
  CRS_OXYGEN_HFNC,
  CRS_OXYGEN_FACE_MASK,
  CRS_OXYGEN_NON_REBREATHER,
  CRS_OXYGEN_VENTURI,
  CRS_OXYGEN_CPAP,
  CRS_OXYGEN_BIPAP,
  CRS_OXYGEN_VENTILATOR,
} CrsOxygen;

/* Where the ICANS level of consciousness came from. */
typedef enum {
  CRS_CONSCIOUSNESS_NOT_RECORDED = 0,
  CRS_CONSCIOUSNESS_AROUSAL,     /* the ICANS arousal field */
  CRS_CONSCIOUSNESS_ACVPU,       /* read from ACVPU A, V, P or U */
} CrsConsciousnessSource;

/* Symptom ticks that name a grading finding not recorded in its field:
 * the nurse is asked for the field (crs_grading_new() words them). */
typedef enum {
  CRS_PROMPT_TEMPERATURE = 0,    /* a fever ticked, no temperature */
  CRS_PROMPT_BLOOD_PRESSURE,     /* low blood pressure or fainting ticked, no systolic */
  CRS_PROMPT_PULSE,              /* rapid heartbeat ticked, no pulse */
  CRS_PROMPT_OXYGEN,             /* breathing difficulty ticked, no SpO2 or oxygen */
  CRS_PROMPT_ENCEPHALOPATHY,     /* confusion or trouble with words ticked, no ICE or CAPD */
  CRS_PROMPT_CONSCIOUSNESS,      /* drowsiness ticked, no level of consciousness */
  CRS_PROMPT_N_KINDS
} CrsPrompt;

typedef struct
{
  /* ---- Numbers (crs_grading_compute) ---------------------------------- */

  /* ASTCT CRS: the grade 0-4 when the findings decide it, else
   * CRS_MISSING; crs_grade_min is the lowest grade the recorded findings
   * prove (= crs_grade when determined; 0 when nothing is proven). */
  int            crs_grade;
  int            crs_grade_min;
  CrsFever       crs_fever;
  gboolean       crs_masked;        /* fever masked by treatment (context) */
  CrsCirculation crs_circulation;
  CrsOxygen      crs_oxygen;
  int            hypotension_below; /* the systolic threshold that applied */
  gboolean       hypotension_by_age;/* the children's threshold by age applied */
  gboolean       fever;             /* temperature >= 38.0 °C */
  gboolean       hypotension;       /* ticked, systolic below the threshold, symptom, or on pressors */

  /* ASTCT ICANS: as for CRS. */
  int        icans_grade;
  int        icans_grade_min;
  gboolean   icans_by_capd;         /* CAPD was (or would be) the tool */
  int        icans_ice_grade;       /* the ICE score's grade, CRS_MISSING when no ICE */
  int        icans_capd_grade;      /* the CAPD score's grade, CRS_MISSING when no CAPD */
  int        icans_consciousness;   /* the level of consciousness's grade, CRS_MISSING */
  CrsConsciousnessSource icans_consciousness_source;
  int        icans_events;          /* seizure, motor, oedema: the highest grade, 0 = none */

  /* NEWS2 */
  int          news2_scores[CRS_NEWS2_N_PARAMS];   /* CRS_MISSING when not recorded */
  int          news2_total;                        /* CRS_MISSING when any parameter is missing */
  CrsNews2Risk news2_risk;                         /* UNKNOWN without a total */
  /* The band the recorded parameters already reach (missing ones only
   * add): = news2_risk with a total; for a partial set HIGH (7 or more),
   * MEDIUM (5 or more), LOW_MEDIUM (a single 3), else UNKNOWN. */
  CrsNews2Risk news2_risk_at_least;
  int          news2_interval_minutes;  /* chart 4 minimum frequency for a total: 720, 240, 60,
                                         * 0 = continuous; CRS_MISSING without a total */
  int          news2_partial_sum;       /* sum of the parameters that were recorded */
  /* TRUE when the patient's age is known and below the ward's
   * news2_min_age: NEWS2 is not used (no total, band, interval, reasons
   * or red flag); news2_scores still hold the adult chart's scores. */
  gboolean     news2_not_applicable;
  int          news2_min_age;           /* the ward's news2_min_age this set was graded with */

  /* PEWS (NHS England national charts, 2023): for a known age below the
   * ward's NEWS2 age, where NEWS2 is not used. @pews holds the total (or
   * CRS_MISSING), the total of what was recorded (the "at least"), the
   * level with the triggers, the interval and the red flag; all zero
   * when @pews_applies is FALSE. */
  gboolean     pews_applies;
  CrsPewsScore pews;

  guint        red_flag_kinds;          /* CRS_RED_FLAG_BIT (kind) of every red flag */
  guint        prompts;                 /* 1 << CrsPrompt of every symptom asking for a field */
  gboolean     mimic_reminder;          /* fever or hypotension: think of infection, sepsis, adrenal insufficiency */

  /* ---- Words (crs_grading_new; NULL after crs_grading_compute) -------- */

  GPtrArray *crs_reasons;       /* char *, translated findings that set the grade */
  GPtrArray *crs_missing;       /* char *, translated names of findings not recorded */
  char      *crs_guidance;
  GPtrArray *icans_reasons;
  GPtrArray *icans_missing;
  char      *icans_guidance;
  GPtrArray *news2_reasons;     /* char *, each parameter that scored, e.g. "pulse 115/min (2)" */
  GPtrArray *news2_missing;     /* char *, names of missing parameters */
  char      *news2_guidance;
  GPtrArray *red_flags;         /* CrsRedFlag * */
  GPtrArray *prompts_text;      /* char *, e.g. "High fever ticked: record the temperature" */
  /* Added with PEWS: the child's PEWS with its words (reasons, what is
   * missing, triggers, the chart's response), NULL when PEWS does not
   * apply; and its guidance in the chart's words. */
  CrsPews   *pews_words;
  char      *pews_guidance;
} CrsGrading;

/* Fills the numbers of @grading (zeroed first; words left NULL): no
 * allocation, for grading long histories. */
void        crs_grading_compute (CrsGrading              *grading,
                                 CrsObservation          *observation,
                                 const CrsGradingContext *context,
                                 const CrsWardPolicy     *policy);
/* The numbers and the words. @context and @policy may be NULL (an adult,
 * nothing masked; the default policy). */
CrsGrading *crs_grading_new     (CrsObservation          *observation,
                                 const CrsGradingContext *context,
                                 const CrsWardPolicy     *policy);
/* Only the words crs_grading_to_reason_line() reads: the reasons and
 * what is missing of each scale, and a child's pews_words. The guidance,
 * red_flags and prompts_text stay NULL. For the grade CSV, which writes
 * nothing else, a row at a time. */
CrsGrading *crs_grading_new_for_reason (CrsObservation          *observation,
                                        const CrsGradingContext *context,
                                        const CrsWardPolicy     *policy);
/* @grading (from crs_grading_new() or _new_for_reason()) graded again
 * for @observation, as crs_grading_new_for_reason() would grade it, its
 * lists reused: for the grade CSV, one grading for every row. */
void        crs_grading_refill_for_reason (CrsGrading              *grading,
                                           CrsObservation          *observation,
                                           const CrsGradingContext *context,
                                           const CrsWardPolicy     *policy);
void        crs_grading_free    (CrsGrading              *grading);

CrsCertainty crs_grading_crs_certainty   (const CrsGrading *grading);
CrsCertainty crs_grading_icans_certainty (const CrsGrading *grading);
/* The grade as a number to show, store or export: the grade when
 * determined, the lower bound when it is at least 1 ("at least 2"
 * stores 2), else CRS_MISSING. */
int          crs_grading_crs_value       (const CrsGrading *grading);
int          crs_grading_icans_value     (const CrsGrading *grading);
gboolean     crs_grading_has_red_flag    (const CrsGrading *grading);
/* Puts the grades on @observation as they are saved with it: the values
 * above, the NEWS2 total, the rules and the red flag. The one place that
 * does it, for the entry form and the ward import. */
void         crs_grading_stamp           (const CrsGrading *grading,
                                          CrsObservation   *observation);

/* One line naming the findings behind each grade (the CSV "reason"). */
char       *crs_grading_to_reason_line (const CrsGrading *grading);
/* The same line appended to @out (the CSV writes a row at a time). */
void        crs_grading_append_reason_line (GString          *out,
                                            const CrsGrading *grading);
/* One sentence per scale, for the screen: "Grade 3: fever 39.1 °C and one
 * vasopressor", "At least grade 2: ... (not recorded: oxygen)", "Not
 * determined: temperature not recorded". */
char       *crs_grading_crs_summary    (const CrsGrading *grading);
char       *crs_grading_icans_summary  (const CrsGrading *grading);
char       *crs_grading_news2_summary  (const CrsGrading *grading);
/* NEWS2 in a few words, as the ward list, the page and the handover
 * write it: "5 medium", "at least low–medium" (a partial set whose
 * recorded parameters reach a band), "incomplete", "not used (under 16)"
 * (a child below the ward's NEWS2 age). */
char       *crs_grading_news2_text     (const CrsGrading *grading);
/* A child's PEWS in a few words, as the ward list, the page and the
 * handover write it: "6 medium", "2, level high" (a trigger raised it),
 * "at least 4 low" (a partial set), "incomplete". Only for a grading
 * whose pews_applies. */
char       *crs_grading_pews_text      (const CrsGrading *grading);
/* The early-warning score of @grading: "PEWS" for a child scored with
 * it, else "NEWS2" (translated); and its words (crs_grading_pews_text()
 * or crs_grading_news2_text()). */
const char *crs_grading_early_warning_name (const CrsGrading *grading);
char       *crs_grading_early_warning_text (const CrsGrading *grading);
/* "PEWS 6 (medium): heart rate 150/min (2), ..." (crs_pews_summary());
 * NULL when PEWS does not apply or the grading has no words. */
char       *crs_grading_pews_summary   (const CrsGrading *grading);
/* The months of age PEWS reads from @context: age_months, or else
 * age_years * 12; -1 when unknown. */
int         crs_grading_context_age_months (const CrsGradingContext *context);
/* TRUE when the form offers CAPD rather than ICE first: below the ward's
 * age cut-off, or for a patient set to CAPD. Unknown age = adult (ICE).
 * A recorded score is graded by its own tool whatever this says. */
gboolean    crs_grading_uses_capd      (const CrsGradingContext *context,
                                        const CrsWardPolicy     *policy);
/* FALSE when NEWS2 is not used for a patient of @age_years (-1 =
 * unknown: used, as for an adult): below policy->news2_min_age. */
gboolean    crs_news2_applies_to_age   (int                      age_years,
                                        const CrsWardPolicy     *policy);
/* The rules a stored grade was made with:
 * "ASTCT-2019;NEWS2-2017;PEWS-NHSE-2023". */
const char *crs_grading_rules          (void);

/* NEWS2 parameter names and risk bands. Ids are the grade CSV's
 * ("low", "low-medium", "medium", "high"; NULL for UNKNOWN); labels are
 * translated. */
const char *crs_news2_risk_to_id  (CrsNews2Risk  risk);
const char *crs_news2_risk_label  (CrsNews2Risk  risk);
/* The minimum monitoring frequency in minutes (0 = continuous). For a
 * complete set it is news2_interval_minutes; for a partial set, the band
 * the recorded parameters already reach (missing ones only add), and
 * never less often than 4-hourly. CRS_MISSING when NEWS2 is not used
 * for the patient's age (news2_not_applicable). */
int         crs_news2_interval_at_least (const CrsGrading *grading);
/* Score of one parameter, CRS_MISSING when it was not recorded. */
int         crs_news2_score_param (CrsObservation *observation,
                                   CrsNews2Param   param,
                                   int             spo2_scale);

/* The lowest temperature, in °C, that reads as an ASTCT fever (38.0 °C
 * to the thermometer's tenth): for the store's search of the first fever
 * of an episode (crs-grading-history.h). */
double      crs_fever_min_celsius (void);
/* The ASTCT fever threshold, 38.0 °C, as a chart draws it (the fever
 * line of the timeline): a temperature at or above it is a fever. Shown
 * values are rounded to the tenth, so a line drawn here agrees with
 * every grade. */
double      crs_fever_line_celsius (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsGrading, crs_grading_free)

G_END_DECLS
