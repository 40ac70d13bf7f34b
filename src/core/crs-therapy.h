/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy.h: one therapy of the reference database (data/therapies.xml
 * compiled into therapies.sqlite): names, class, risk tier, CRS and ICANS
 * incidence, onset and duration, label and monitoring wording, each with
 * its source.
 *
 * Conventions, as in crs-model.h:
 *  - a missing number is NAN; a missing text is NULL; an empty list is no
 *    data. A value no source gave stays missing and is shown as "no data";
 *  - each enum value has a stable machine id (the XML and SQLite spelling,
 *    never translated; data/therapies.xsd uses the same ids) and a label;
 *  - times keep the unit the source used (days for CAR-T, hours for
 *    bispecifics): nothing is ever converted.
 *
 * Records are final GObjects with public fields; they carry no behaviour
 * beyond formatting their values for people. */
#pragma once

#include <glib-object.h>

#include "crs-model.h"

G_BEGIN_DECLS

typedef enum {
  CRS_DRUG_CLASS_UNSET = 0,       /*< skip >*/
  CRS_DRUG_CLASS_CAR_T,           /*< nick=car-t >*/
  CRS_DRUG_CLASS_TCR_T,           /*< nick=tcr-t >*/
  CRS_DRUG_CLASS_BISPECIFIC,      /*< nick=bispecific-t-cell-engager >*/ /* bispecific T-cell engager */
  CRS_DRUG_CLASS_MONOCLONAL,      /*< nick=monoclonal-antibody >*/       /* monoclonal antibody */
  CRS_DRUG_CLASS_ADC,             /*< nick=antibody-drug-conjugate >*/   /* antibody-drug conjugate */
  CRS_DRUG_CLASS_IMMUNOMODULATOR, /*< nick=immunomodulator >*/
  CRS_DRUG_CLASS_CHEMOTHERAPY,    /*< nick=chemotherapy >*/
  CRS_DRUG_CLASS_POLYCLONAL,      /*< nick=polyclonal-antibody >*/       /* polyclonal antibody */
  CRS_DRUG_CLASS_SUPERAGONIST,    /*< nick=superagonist >*/
  CRS_DRUG_CLASS_N_VALUES         /*< skip >*/
} CrsDrugClass;

/* The seed article: "T-cell-engaging cancer immunotherapies carry the
 * highest risk of CRS"; the other therapies it lists are linked with CRS
 * without a finer ranking. The tier of each therapy is data. */
typedef enum {
  CRS_RISK_TIER_UNSET = 0, /*< skip >*/
  CRS_RISK_TIER_HIGHEST,   /*< nick=highest >*/
  CRS_RISK_TIER_LINKED,    /*< nick=linked >*/
  CRS_RISK_TIER_N_VALUES   /*< skip >*/
} CrsRiskTier;

typedef enum {
  CRS_APPROVAL_UNSET = 0,       /*< skip >*/
  CRS_APPROVAL_APPROVED,        /*< nick=approved >*/
  CRS_APPROVAL_INVESTIGATIONAL, /*< nick=investigational >*/
  CRS_APPROVAL_NEVER_APPROVED,  /*< nick=never-approved >*/
  CRS_APPROVAL_N_VALUES         /*< skip >*/
} CrsApproval;

/* The CRS grading scale a source used: percentages under different
 * scales are not directly comparable. */
typedef enum {
  CRS_GRADING_SCALE_UNSET = 0,  /*< skip >*/
  CRS_GRADING_SCALE_PENN,       /*< nick=penn >*/
  CRS_GRADING_SCALE_LEE_2014,   /*< nick=lee-2014 >*/
  CRS_GRADING_SCALE_ASTCT_2019, /*< nick=astct-2019 >*/
  CRS_GRADING_SCALE_NOT_STATED, /*< nick=not-stated >*/
  CRS_GRADING_SCALE_NOT_GRADED, /*< nick=not-graded >*/
  CRS_GRADING_SCALE_N_VALUES    /*< skip >*/
} CrsGradingScale;

typedef enum {
  CRS_BOXED_WARNING_UNSET = 0,      /*< skip >*/
  CRS_BOXED_WARNING_YES,            /*< nick=yes >*/            /* a boxed warning names CRS */
  CRS_BOXED_WARNING_NO,             /*< nick=no >*/             /* a boxed warning exists, for something else */
  CRS_BOXED_WARNING_NOT_VERIFIED,   /*< nick=not-verified >*/
  CRS_BOXED_WARNING_NOT_APPLICABLE, /*< nick=not-applicable >*/ /* investigational: no label */
  CRS_BOXED_WARNING_N_VALUES        /*< skip >*/
} CrsBoxedWarning;

typedef enum {
  CRS_TIME_UNIT_UNSET = 0, /*< skip >*/
  CRS_TIME_UNIT_MINUTES,   /*< nick=minutes >*/
  CRS_TIME_UNIT_HOURS,     /*< nick=hours >*/
  CRS_TIME_UNIT_DAYS,      /*< nick=days >*/
  CRS_TIME_UNIT_N_VALUES   /*< skip >*/
} CrsTimeUnit;

typedef enum {
  CRS_SPREAD_UNSET = 0, /*< skip >*/
  CRS_SPREAD_RANGE,     /*< nick=range >*/ /* lowest to highest value seen */
  CRS_SPREAD_IQR,       /*< nick=iqr >*/   /* interquartile range: the middle half */
  CRS_SPREAD_N_VALUES   /*< skip >*/
} CrsSpread;

typedef enum {
  CRS_SOURCE_QUALITY_PRIMARY = 0, /*< nick=primary >*/   /* the label, trial or paper itself */
  CRS_SOURCE_QUALITY_SECONDARY,   /*< nick=secondary >*/ /* a reproduction or summary */
  CRS_SOURCE_QUALITY_WEAK,        /*< nick=weak >*/      /* uncertain reliability */
  CRS_SOURCE_QUALITY_N_VALUES     /*< skip >*/
} CrsSourceQuality;

CRS_DECLARE_ENUM_STRINGS (CrsDrugClass, drug_class)
CRS_DECLARE_ENUM_STRINGS (CrsRiskTier, risk_tier)
CRS_DECLARE_ENUM_STRINGS (CrsApproval, approval)
CRS_DECLARE_ENUM_STRINGS (CrsGradingScale, grading_scale)
CRS_DECLARE_ENUM_STRINGS (CrsBoxedWarning, boxed_warning)
CRS_DECLARE_ENUM_STRINGS (CrsTimeUnit, time_unit)
CRS_DECLARE_ENUM_STRINGS (CrsSpread, spread)
CRS_DECLARE_ENUM_STRINGS (CrsSourceQuality, source_quality)

/* ---------------------------------------------------------------------- */

/* A cited source, shared by every value it supports (reference counted). */
typedef struct
{
  char             *id;                  /* stable id in therapies.xml */
  char             *citation;            /* as written; not translated */
  char             *url;                 /* NULL when none */
  CrsSourceQuality  quality;
} CrsSource;

#define CRS_TYPE_SOURCE (crs_source_get_type ())
GType      crs_source_get_type (void) G_GNUC_CONST;
CrsSource *crs_source_new      (const char       *id,
                                const char       *citation,
                                const char       *url,
                                CrsSourceQuality  quality);
CrsSource *crs_source_ref      (CrsSource        *source);
void       crs_source_unref    (CrsSource        *source);
/* "citation; secondary source" for people; free with g_free(). */
char      *crs_source_format   (const CrsSource  *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsSource, crs_source_unref)

/* A number with its source. value is NAN when no source gave it; then
 * every other field is unset. */
typedef struct
{
  double       value;
  int          decimals;     /* as printed by the source: "4.1" has 1 */
  CrsTimeUnit  unit;         /* times only; UNSET for percentages */
  gboolean     approximate;  /* the source printed "~" */
  char        *term;         /* what the source counted, when not called CRS/ICANS */
  char        *derivation;   /* how it was derived from reported figures */
  char        *note;
  char        *from;         /* times: the starting point, e.g. "infusion" */
  char        *study;        /* the study or population it comes from */
  CrsSource   *source;
} CrsSourcedNumber;

/* A range as the source wrote it. text is NULL when there is none; min
 * and max are NAN when the text has no numbers. */
typedef struct
{
  char        *text;         /* verbatim */
  double       min;
  double       max;
  int          min_decimals;
  int          max_decimals;
  CrsTimeUnit  unit;
  CrsSpread    spread;
  char        *from;
  char        *study;
  CrsSource   *source;
} CrsSourcedRange;

/* A text with its source; date is the date or era of the wording. */
typedef struct
{
  char       *text;          /* NULL = no data */
  char       *date;          /* e.g. "2018", "2025-06"; NULL when undated */
  gboolean    before_rems_change;  /* earlier wording, before the June 2025 CAR-T REMS removal */
  CrsSource  *source;
} CrsSourcedText;

void            crs_sourced_text_free (CrsSourcedText *text);

/* ---------------------------------------------------------------------- */

#define CRS_TYPE_THERAPY (crs_therapy_get_type ())
G_DECLARE_FINAL_TYPE (CrsTherapy, crs_therapy, CRS, THERAPY, GObject)

struct _CrsTherapy
{
  GObject parent_instance;

  char            *code;            /* lower-case generic name, e.g. "blinatumomab" */
  char            *generic_name;
  GStrv            other_names;     /* e.g. "SGN-40"; never NULL */
  GStrv            brand_names;     /* never NULL, may be empty */
  char            *brand_note;      /* the source's wording about brands, or NULL */
  CrsDrugClass  drug_class;
  char            *class_detail;    /* as the source described it */
  char            *target;

  CrsRiskTier      risk_tier;
  CrsSource       *risk_tier_source;
  CrsApproval      approval;
  CrsSourcedText   approval_text;   /* why, for a never-approved agent */

  GPtrArray       *indications;     /* CrsSourcedText * */
  CrsSourcedText   population;      /* pivotal trial or population */

  CrsGradingScale  grading_scale;
  CrsSourcedText   grading_scale_text;
  CrsSourcedNumber crs_any_grade;   /* percent */
  CrsSourcedNumber crs_grade3plus;  /* percent */
  CrsSourcedNumber icans_any_grade; /* percent; term says what was counted */
  CrsSourcedNumber icans_grade3plus;

  CrsSourcedNumber onset_median;
  CrsSourcedRange  onset_range;
  CrsSourcedNumber duration_median;
  CrsSourcedRange  duration_range;

  CrsBoxedWarning  boxed_warning;
  CrsSourcedText   boxed_warning_text;
  GPtrArray       *step_up_dosing;  /* CrsSourcedText * */
  GPtrArray       *premedication;
  GPtrArray       *monitoring;
  GPtrArray       *label_actions;
  GPtrArray       *notes;
};

CrsTherapy *crs_therapy_new               (void);
/* "blinatumomab (Blincyto)"; free with g_free(). */
char       *crs_therapy_dup_display_name  (CrsTherapy *self);
/* Every distinct source cited by this therapy, in the order first cited
 * (CrsSource *, ref'd). */
GPtrArray  *crs_therapy_list_sources      (CrsTherapy *self);

/* For people, in the current locale; NULL when the value is missing.
 * "79%", "about 65%", "3 days", "27 hours". */
char       *crs_sourced_number_format     (const CrsSourcedNumber *number);
/* "1 to 51 days", "IQR 5 to 8 days"; the verbatim text when there are no
 * numbers; NULL when missing. */
char       *crs_sourced_range_format      (const CrsSourcedRange  *range);
/* crs_format_decimal() (crs-format.h) writes a number as the source
 * printed it, in the current locale. */
/* "%s day(s)/hour(s)/minute(s)" with @value formatted as above. */
char       *crs_format_time_quantity      (double      value,
                                           int         decimals,
                                           CrsTimeUnit unit);

static inline gboolean
crs_sourced_number_is_missing (const CrsSourcedNumber *number)
{
  return number->value != number->value;   /* isnan() without <math.h> */
}

/* Folds a name for searching: ASCII transliteration (accents dropped),
 * lower case, surrounding space trimmed. Free with g_free(). */
char       *crs_therapy_fold_name         (const char *name);

G_END_DECLS
