/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-pews.h: the children's early warning score of one set, as the
 * NHS England national paediatric early warning system charts (November
 * 2023, four age bands) score it: "PEWS (NHS England national charts,
 * 2023)". The app uses the charts' numbers; it does not claim compliance
 * with the National PEWS standard (that needs the whole SPOT
 * specification and medical-device registration).
 *
 * Sources, cited beside each number in crs-pews-chart.c and each rule in
 * crs-grade-pews.c:
 *  S1a-d  NHS England, National Paediatric Early Warning System Observation
 *         and Escalation Chart, 0 to 11 months / 1-4 / 5-12 / >=13 years
 *         (InDesign, 9 Nov 2023);
 *  S2     NHS England, Configuration Document for SPOT NPEWS (2025);
 *  S3     SPOT/NPEWS Specification V2.0 (2023); S4 its UI Specification
 *         V2.0; S5 PEWS Wireframes v2.0;
 * all as published in the public repository rcpch/digital-pews at commit
 * a62a8af9afd04d5611a19a5678c2fc04eae03951 (reference-sources/), and the
 * project's decisions on their open points (G1-G11).
 *
 * Like CrsGrading it has two parts: the numbers (crs_pews_compute(),
 * without allocating, carried in every CrsGrading of a child so that a
 * whole history can be graded again) and the words (crs_pews_new()). */
#pragma once

#include <glib.h>

#include "crs-model.h"
#include "crs-ward-policy.h"

G_BEGIN_DECLS

/* Rule set name stored with a score. */
#define CRS_RULES_PEWS "PEWS-NHSE-2023"

/* The seven scored parameters, in the charts' order. */
typedef enum {
  CRS_PEWS_RR = 0,           /* respiratory rate */
  CRS_PEWS_RESP_DISTRESS,
  CRS_PEWS_SPO2,
  CRS_PEWS_OXYGEN,           /* device, or oxygen given as % or L/min */
  CRS_PEWS_HEART_RATE,
  CRS_PEWS_SYSTOLIC,         /* systolic pressure, or a skip code */
  CRS_PEWS_CRT,              /* capillary refill time */
  CRS_PEWS_N_PARAMS
} CrsPewsParam;

#define CRS_PEWS_MAX_TOTAL 26  /* six parameters of 4 and capillary refill of 2 */

/* Escalation levels; ids (the nicks) are the grade CSV's. */
typedef enum {
  CRS_PEWS_LEVEL_NONE = 0,  /*< nick=none >*/      /* PEWS 0 and no trigger */
  CRS_PEWS_LEVEL_LOW,       /*< nick=low >*/       /* PEWS 1-4 */
  CRS_PEWS_LEVEL_MEDIUM,    /*< nick=medium >*/    /* PEWS 5-8 */
  CRS_PEWS_LEVEL_HIGH,      /*< nick=high >*/      /* PEWS 9-12 */
  CRS_PEWS_LEVEL_EMERGENCY, /*< nick=emergency >*/ /* PEWS 13 or more */
  CRS_PEWS_LEVEL_N_VALUES   /*< skip >*/
} CrsPewsLevel;

/* The non-score triggers ("TRIGGER CRITERIA: Respond as per the highest
 * level based on CHANGE in ANY ONE of these criteria"). */
typedef enum {
  CRS_PEWS_TRIGGER_AVPU,      /* specific concern: AVPU V, P or U */
  CRS_PEWS_TRIGGER_SEPSIS,    /* specific concern: new suspicion of sepsis or septic shock */
  CRS_PEWS_TRIGGER_CARER,     /* carer question: worse */
  CRS_PEWS_TRIGGER_INTUITION, /* clinical intuition: yes */
  CRS_PEWS_N_TRIGGERS
} CrsPewsTriggerKind;

typedef struct
{
  CrsPewsTriggerKind kind;
  CrsPewsLevel       level;   /* the level it raises the set to, at least */
  char              *text;    /* translated: "new suspicion of septic shock" */
} CrsPewsTrigger;

/* What scoring needs beyond the set and the age. */
typedef struct
{
  CrsAcvpu previous_acvpu;   /* in the previous set; UNSET when none. Only words
                              * it: V, P and U raise the level on every set */
} CrsPewsContext;

void crs_pews_context_init (CrsPewsContext *context);

#define CRS_PEWS_PARAM_BIT(param) (1u << (param))

/* The numbers of one set's PEWS (crs_pews_compute): no allocation, no
 * words. CrsPews below holds the same numbers with the words. */
typedef struct
{
  CrsPewsBand  band;          /* the chart used; UNSET when neither the age nor a choice gives one */
  CrsPewsBand  age_band;      /* the chart the age gives; UNSET for an unknown age */
  gboolean     band_chosen;   /* the nurse chose the chart next to the age's */
  gboolean     band_refused;  /* the nurse chose a chart this age may not use: the age's is used */

  int          scores[CRS_PEWS_N_PARAMS]; /* as CrsPews.scores */
  guint        not_recorded;  /* CRS_PEWS_PARAM_BIT of each parameter not recorded */
  guint        needs_age;     /* ... of each recorded one that needs the chart, with no age known */
  gboolean     o2_level_missing; /* oxygen by a device that scores by its level, and no level */
  gboolean     complete;
  int          total;         /* CRS_MISSING when not complete */
  int          total_at_least;
  CrsPewsLevel score_level;
  CrsPewsLevel level;
  gboolean     level_at_least;
  /* The level each non-score trigger raises the set to; NONE when it
   * was not found. */
  CrsPewsLevel trigger_levels[CRS_PEWS_N_TRIGGERS];
  int          interval_minutes;
  gboolean     continuous_monitoring;
  gboolean     red_flag;
} CrsPewsScore;

/* Fills @score (zeroed first) for @observation on the chart of a child
 * @age_months old (-1 = unknown), or the adjacent chart the nurse chose. */
void        crs_pews_compute (CrsPewsScore         *score,
                              CrsObservation       *observation,
                              int                   age_months);

typedef struct
{
  /* The chart. */
  CrsPewsBand  band;          /* the chart used; UNSET when neither the age nor a choice gives one */
  CrsPewsBand  age_band;      /* the chart the age gives; UNSET for an unknown age */
  gboolean     band_chosen;   /* TRUE: the nurse chose the chart next to the age's */
  char        *band_note;     /* translated; NULL, or why the nurse's choice was not used */

  /* Scores: exact, or a lower bound for a parameter named in @missing
   * (a nasal cannula with no flow scores at least 1); CRS_MISSING when
   * nothing was recorded. */
  int          scores[CRS_PEWS_N_PARAMS];
  gboolean     complete;      /* all seven scored exactly */
  int          total;         /* 0-26, CRS_MISSING when not complete */
  int          total_at_least;/* sum of what was recorded (= total when complete) */
  CrsPewsLevel score_level;   /* from the total (its lower bound) alone */
  CrsPewsLevel level;         /* with the triggers: the highest wins */
  gboolean     level_at_least;/* not complete, and below emergency: missing parameters may raise it */
  GPtrArray   *missing;       /* char *, translated names of what was not recorded */
  GPtrArray   *reasons;       /* char *, each parameter that scored: "heart rate 170/min (4)" */
  GPtrArray   *triggers;      /* CrsPewsTrigger *, each trigger found */

  /* The chart's escalation for @level, translated (crs_pews_level_*()). */
  const char  *response;
  const char  *review;
  const char  *observations;
  /* Minutes to the next set for a due-time rule: 60, 30, 30, 15 by level;
   * CRS_MISSING at level none: the ward's interval (G9). A set that is
   * not complete is never given more than the low level's 60. */
  int          interval_minutes;
  gboolean     continuous_monitoring; /* medium and above */

  /* High or emergency: so also a partial set whose recorded parameters
   * already reach 9. */
  gboolean     red_flag;
} CrsPews;

/* Scores @observation on the chart of a child @age_months old (completed
 * months on the day of the set; -1 = unknown), or the adjacent chart the
 * nurse chose in observation->pews_band. @context may be NULL. */
CrsPews    *crs_pews_new   (CrsObservation       *observation,
                            int                   age_months,
                            const CrsPewsContext *context);
void        crs_pews_free  (CrsPews              *pews);
/* The same from numbers already worked out by crs_pews_compute() for
 * this @observation. */
CrsPews    *crs_pews_new_from_score (const CrsPewsScore   *score,
                                     CrsObservation       *observation,
                                     const CrsPewsContext *context);

/* One line: "PEWS 6 (medium): heart rate 170/min (4), SpO2 93% (1), ...",
 * naming what is missing and the triggers that raised the level. */
char       *crs_pews_summary (const CrsPews *pews);
/* The same summary appended to @line. */
void        crs_pews_append_summary (GString       *line,
                                     const CrsPews *pews);
/* The red flag of a high or emergency level, short: "PEWS 10 (high)",
 * "PEWS at least 9 (high) from the parameters recorded", "PEWS 3, level
 * high: new suspicion of septic shock". */
char       *crs_pews_flag_text (const CrsPews *pews);
/* The chart's escalation for the level in one text: what to do, the
 * medical review and the minimal observations, in the chart's words. */
char       *crs_pews_guidance  (const CrsPews *pews);

/* "PEWS (NHS England national charts, 2023)", translated. */
const char *crs_pews_name  (void);

/* Completed months of age on the local calendar day of @at (Unix seconds)
 * for a birth date "YYYY-MM-DD"; -1 when the date is missing, invalid or
 * after @at. */
int         crs_pews_age_months (const char *birth_date,
                                 gint64      at);
/* The chart for an age in completed months: under 12 months 0-11 months,
 * under 5 years 1-4, under 13 years 5-12, then 13 and over. UNSET for a
 * negative (unknown) age. */
CrsPewsBand crs_pews_band_for_age (int age_months);
/* TRUE when the nurse may use @band for a child of @age_months: the age's
 * own chart, or the one across the age edge the child is nearer to
 * (S3 C2.2 "the alternate form (but not one further away)"; at the
 * middle of a band either neighbour). Any chart for an unknown age. */
gboolean    crs_pews_band_allowed (int         age_months,
                                   CrsPewsBand band);
/* PEWS is used for a known age below the ward's NEWS2 age (default 16;
 * grading.md §7): the complement of crs_news2_applies_to_age(). */
gboolean    crs_pews_applies_to_age (int                  age_years,
                                     const CrsWardPolicy *policy);

/* The signs of @distress on @band's chart, translated, e.g. "nasal
 * flaring, subcostal recession"; "" for none, unset or no band. */
const char *crs_pews_resp_distress_signs (CrsPewsBand     band,
                                          CrsRespDistress distress);

const char *crs_pews_param_label   (CrsPewsParam param);   /* "Heart rate" */
const char *crs_pews_level_to_id   (CrsPewsLevel level);   /* "medium"; NULL if out of range */
gboolean    crs_pews_level_from_id (const char   *id,
                                    CrsPewsLevel *out);
const char *crs_pews_level_label   (CrsPewsLevel level);   /* "medium", translated */
/* The chart's escalation in its own words (translated): communication and
 * response (one line each), medical review timing, minimal observations;
 * for level none, which the chart leaves blank, the ward's interval. */
const char *crs_pews_level_response      (CrsPewsLevel level);
const char *crs_pews_level_review        (CrsPewsLevel level);
const char *crs_pews_level_observations  (CrsPewsLevel level);
/* 60, 30, 30, 15; CRS_MISSING for none (the ward's interval). */
int         crs_pews_level_interval_minutes (CrsPewsLevel level);
/* The charts' escalation reason code: "SC" (specific concern), "CQ"
 * (carer question), "CI" (clinical intuition). */
const char *crs_pews_trigger_code  (CrsPewsTriggerKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsPews, crs_pews_free)

G_END_DECLS
