/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-model.h: the records a ward keeps (patients, infusions, observation
 * sets, interventions, lab results) and their enumerations.
 *
 * Conventions shared by every layer:
 *  - times are gint64 seconds since the Unix epoch, UTC; 0 = not set;
 *  - a missing number is CRS_MISSING (int) or NAN (double), see
 *    crs_is_missing_int() / isnan();
 *  - a missing choice is the enum's *_UNSET value (0);
 *  - each enum value has a stable machine id (used in CSV, SQLite and XML,
 *    never translated) and a label (translated, for people).
 *
 * Records are small final GObjects with public fields so that they can sit
 * in a GListModel; they carry no behaviour beyond copy and accessors. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRS_MISSING (-1)

static inline gboolean
crs_is_missing_int (int value)
{
  return value < 0;
}

/* Tri-state for yes/no findings that may not have been recorded. */
typedef enum {
  CRS_TRI_UNSET = 0, /*< skip >*/
  CRS_TRI_NO,        /*< nick=no >*/
  CRS_TRI_YES,       /*< nick=yes >*/
} CrsTri;

typedef enum {
  CRS_O2_UNSET = 0,      /*< skip >*/
  CRS_O2_ROOM_AIR,       /*< nick=room_air >*/
  CRS_O2_BLOW_BY,        /*< nick=blow_by >*/
  CRS_O2_NASAL_CANNULA,  /*< nick=nasal_cannula >*/
  CRS_O2_HFNC,           /*< nick=hfnc >*/
  CRS_O2_FACE_MASK,      /*< nick=face_mask >*/
  CRS_O2_NON_REBREATHER, /*< nick=non_rebreather >*/
  CRS_O2_VENTURI,        /*< nick=venturi >*/
  CRS_O2_CPAP,           /*< nick=cpap >*/
  CRS_O2_BIPAP,          /*< nick=bipap >*/
  CRS_O2_VENTILATOR,     /*< nick=ventilator >*/
  CRS_O2_N_VALUES        /*< skip >*/
} CrsO2Device;

/* NEWS2 consciousness: Alert, new Confusion, Voice, Pain, Unresponsive. */
typedef enum {
  CRS_ACVPU_UNSET = 0,    /*< skip >*/
  CRS_ACVPU_ALERT,        /*< nick=A >*/
  CRS_ACVPU_CONFUSION,    /*< nick=C >*/
  CRS_ACVPU_VOICE,        /*< nick=V >*/
  CRS_ACVPU_PAIN,         /*< nick=P >*/
  CRS_ACVPU_UNRESPONSIVE, /*< nick=U >*/
  CRS_ACVPU_N_VALUES      /*< skip >*/
} CrsAcvpu;

/* ASTCT ICANS depressed level of consciousness. */
typedef enum {
  CRS_AROUSAL_UNSET = 0,   /*< skip >*/
  CRS_AROUSAL_NORMAL,      /*< nick=normal >*/
  CRS_AROUSAL_SPONTANEOUS, /*< nick=spontaneous >*/ /* drowsy, awakens spontaneously */
  CRS_AROUSAL_VOICE,       /*< nick=voice >*/
  CRS_AROUSAL_TACTILE,     /*< nick=tactile >*/
  CRS_AROUSAL_UNAROUSABLE, /*< nick=unarousable >*/
  CRS_AROUSAL_N_VALUES     /*< skip >*/
} CrsArousal;

typedef enum {
  CRS_SEIZURE_UNSET = 0, /*< skip >*/
  CRS_SEIZURE_NONE,      /*< nick=none >*/
  CRS_SEIZURE_RESOLVED,  /*< nick=resolved >*/  /* resolved rapidly, or EEG seizures resolved with intervention */
  CRS_SEIZURE_PROLONGED, /*< nick=prolonged >*/ /* > 5 min, or repetitive without return to baseline */
  CRS_SEIZURE_N_VALUES   /*< skip >*/
} CrsSeizure;

typedef enum {
  CRS_EDEMA_UNSET = 0, /*< skip >*/
  CRS_EDEMA_NONE,      /*< nick=none >*/
  CRS_EDEMA_FOCAL,     /*< nick=focal >*/
  CRS_EDEMA_DIFFUSE,   /*< nick=diffuse >*/ /* also posturing, CN VI palsy, papilledema, Cushing's triad */
  CRS_EDEMA_N_VALUES   /*< skip >*/
} CrsEdema;

typedef enum {
  CRS_SEX_UNSET = 0, /*< skip >*/
  CRS_SEX_FEMALE,    /*< nick=female >*/
  CRS_SEX_MALE,      /*< nick=male >*/
  CRS_SEX_OTHER,     /*< nick=other >*/
  CRS_SEX_N_VALUES   /*< skip >*/
} CrsSex;

typedef enum {
  CRS_INTERVENTION_UNSET = 0,         /*< skip >*/
  CRS_INTERVENTION_ANTIPYRETIC,       /*< nick=antipyretic >*/
  CRS_INTERVENTION_ANTI_CYTOKINE,     /*< nick=anti_cytokine >*/     /* tocilizumab or another anti-cytokine */
  CRS_INTERVENTION_CORTICOSTEROID,    /*< nick=corticosteroid >*/
  CRS_INTERVENTION_FLUID_BOLUS,       /*< nick=fluid_bolus >*/
  CRS_INTERVENTION_VASOPRESSOR_START, /*< nick=vasopressor_start >*/
  CRS_INTERVENTION_VASOPRESSOR_STOP,  /*< nick=vasopressor_stop >*/
  CRS_INTERVENTION_OXYGEN_CHANGE,     /*< nick=oxygen_change >*/
  CRS_INTERVENTION_TRANSFUSION,       /*< nick=transfusion >*/
  CRS_INTERVENTION_ICU_TRANSFER,      /*< nick=icu_transfer >*/
  CRS_INTERVENTION_INFUSION_PAUSED,   /*< nick=infusion_paused >*/
  CRS_INTERVENTION_INFUSION_STOPPED,  /*< nick=infusion_stopped >*/
  CRS_INTERVENTION_OTHER,             /*< nick=other >*/
  CRS_INTERVENTION_N_VALUES           /*< skip >*/
} CrsInterventionKind;

/* The ten ICE items (ASTCT 2019; shared/clinical/grading.md §2a). Bit i of
 * CrsObservation.ice_items is set when item i was answered correctly. */
typedef enum {
  CRS_ICE_YEAR = 0,  /*< nick=year >*/
  CRS_ICE_MONTH,     /*< nick=month >*/
  CRS_ICE_CITY,      /*< nick=city >*/
  CRS_ICE_HOSPITAL,  /*< nick=hospital >*/
  CRS_ICE_NAME_1,    /*< nick=name_1 >*/
  CRS_ICE_NAME_2,    /*< nick=name_2 >*/
  CRS_ICE_NAME_3,    /*< nick=name_3 >*/
  CRS_ICE_COMMAND,   /*< nick=command >*/
  CRS_ICE_WRITING,   /*< nick=writing >*/
  CRS_ICE_ATTENTION, /*< nick=attention >*/
  CRS_ICE_N_ITEMS    /*< skip >*/
} CrsIceItem;

/* Added with the children's early warning score (PEWS, NHS England
 * national charts, 2023; crs-grade-pews.h). Machine ids are the grade
 * CSV's (design/grade-csv.md, children's table). */

/* Respiratory distress: the worst sign ticked, by the descriptors of the
 * child's age band (crs_pews_resp_distress_signs()). */
typedef enum {
  CRS_RESP_DISTRESS_UNSET = 0, /*< skip >*/
  CRS_RESP_DISTRESS_NONE,      /*< nick=none >*/
  CRS_RESP_DISTRESS_MILD,      /*< nick=mild >*/
  CRS_RESP_DISTRESS_MODERATE,  /*< nick=moderate >*/
  CRS_RESP_DISTRESS_SEVERE,    /*< nick=severe >*/
  CRS_RESP_DISTRESS_N_VALUES   /*< skip >*/
} CrsRespDistress;

/* Why blood pressure was not obtained (the charts' codes). */
typedef enum {
  CRS_BP_SKIP_UNSET = 0, /*< skip >*/
  CRS_BP_SKIP_NCO,       /*< nick=nco >*/ /* not attempted, no concern: scores 0 */
  CRS_BP_SKIP_U0,        /*< nick=u0 >*/  /* unsuccessful attempt, no concern: scores 0 */
  CRS_BP_SKIP_U4,        /*< nick=u4 >*/  /* unsuccessful attempt, concern: scores 4 */
  CRS_BP_SKIP_N_VALUES   /*< skip >*/
} CrsBpSkip;

/* The carer question: "How is your child different since I last saw
 * them?" */
typedef enum {
  CRS_CARER_UNSET = 0,   /*< skip >*/
  CRS_CARER_WORSE,       /*< nick=worse >*/
  CRS_CARER_SAME,        /*< nick=same >*/
  CRS_CARER_BETTER,      /*< nick=better >*/
  CRS_CARER_ASLEEP,      /*< nick=asleep >*/      /* parent or carer asleep */
  CRS_CARER_UNAVAILABLE, /*< nick=unavailable >*/ /* parent or carer unavailable */
  CRS_CARER_N_VALUES     /*< skip >*/
} CrsCarer;

/* New suspicion of sepsis or septic shock. */
typedef enum {
  CRS_SEPSIS_UNSET = 0, /*< skip >*/
  CRS_SEPSIS_NONE,      /*< nick=none >*/
  CRS_SEPSIS_SUSPECTED, /*< nick=suspected >*/
  CRS_SEPSIS_SHOCK,     /*< nick=shock >*/
  CRS_SEPSIS_N_VALUES   /*< skip >*/
} CrsSepsis;

/* The PEWS chart (age band) a set is scored on. */
typedef enum {
  CRS_PEWS_BAND_UNSET = 0,   /*< skip >*/             /* by the child's age */
  CRS_PEWS_BAND_0_11_MONTHS, /*< nick=0_11_months >*/
  CRS_PEWS_BAND_1_4_YEARS,   /*< nick=1_4_years >*/
  CRS_PEWS_BAND_5_12_YEARS,  /*< nick=5_12_years >*/
  CRS_PEWS_BAND_13_YEARS,    /*< nick=13_years >*/    /* 13 years and over */
  CRS_PEWS_BAND_N_VALUES     /*< skip >*/
} CrsPewsBand;

/* Machine ids and labels. *_from_id() returns FALSE for an unknown id and
 * leaves *out alone. Labels are translated; ids never are. */
#define CRS_DECLARE_ENUM_STRINGS(Type, name)                                 \
  const char *crs_##name##_to_id (Type value);                               \
  gboolean    crs_##name##_from_id (const char *id, Type *out);              \
  const char *crs_##name##_label (Type value);

CRS_DECLARE_ENUM_STRINGS (CrsTri, tri)
CRS_DECLARE_ENUM_STRINGS (CrsO2Device, o2_device)
CRS_DECLARE_ENUM_STRINGS (CrsAcvpu, acvpu)
CRS_DECLARE_ENUM_STRINGS (CrsArousal, arousal)
CRS_DECLARE_ENUM_STRINGS (CrsSeizure, seizure)
CRS_DECLARE_ENUM_STRINGS (CrsEdema, edema)
CRS_DECLARE_ENUM_STRINGS (CrsSex, sex)
CRS_DECLARE_ENUM_STRINGS (CrsInterventionKind, intervention_kind)
CRS_DECLARE_ENUM_STRINGS (CrsIceItem, ice_item)
CRS_DECLARE_ENUM_STRINGS (CrsRespDistress, resp_distress)
CRS_DECLARE_ENUM_STRINGS (CrsBpSkip, bp_skip)
CRS_DECLARE_ENUM_STRINGS (CrsCarer, carer)
CRS_DECLARE_ENUM_STRINGS (CrsSepsis, sepsis)
CRS_DECLARE_ENUM_STRINGS (CrsPewsBand, pews_band)

/* ---------------------------------------------------------------------- */

#define CRS_TYPE_PATIENT (crs_patient_get_type ())
G_DECLARE_FINAL_TYPE (CrsPatient, crs_patient, CRS, PATIENT, GObject)

struct _CrsPatient
{
  GObject parent_instance;

  gint64  id;                 /* store row id; 0 = not saved yet */
  char   *mrn;                /* medical record number, unique per ward */
  char   *name;
  char   *birth_date;         /* ISO 8601 date "YYYY-MM-DD", or NULL */
  CrsSex  sex;
  double  weight_kg;          /* NAN = not recorded */
  char   *bed;
  char   *ward;
  char   *diagnosis;
  char   *risk_notes;         /* free text: disease burden, comorbidities */
  int     spo2_scale;         /* NEWS2 SpO2 scale, 1 (default) or 2 */
  gboolean use_capd;          /* CAPD above the age cut-off (developmental delay) */
  gboolean high_disease_burden;
  gboolean comorbidities;     /* poor general health or comorbidities */
  gboolean prior_crs;         /* CRS after an earlier therapy */
  gboolean archived;
};

CrsPatient *crs_patient_new       (void);
CrsPatient *crs_patient_copy      (CrsPatient *self);
/* Age in whole years at time @at (Unix seconds), or -1 without a birth date. */
int         crs_patient_age_years (CrsPatient *self,
                                   gint64      at);

/* ---------------------------------------------------------------------- */

#define CRS_TYPE_INFUSION (crs_infusion_get_type ())
G_DECLARE_FINAL_TYPE (CrsInfusion, crs_infusion, CRS, INFUSION, GObject)

struct _CrsInfusion
{
  GObject parent_instance;

  gint64  id;
  gint64  patient_id;
  char   *therapy_code;       /* key in the therapy reference database */
  char   *therapy_name;       /* as entered; shown when the code is unknown */
  double  dose;               /* NAN = not recorded */
  char   *dose_unit;
  char   *step_label;         /* e.g. "step-up dose 1", NULL for none */
  gint64  start_at;           /* day 0 of the timeline */
  gint64  end_at;             /* 0 = not finished / not recorded */
  char   *note;
  char   *author;
};

CrsInfusion *crs_infusion_new  (void);
CrsInfusion *crs_infusion_copy (CrsInfusion *self);

/* ---------------------------------------------------------------------- */

#define CRS_TYPE_OBSERVATION (crs_observation_get_type ())
G_DECLARE_FINAL_TYPE (CrsObservation, crs_observation, CRS, OBSERVATION, GObject)

/* One observation set. Every clinical field may be missing. */
struct _CrsObservation
{
  GObject parent_instance;

  gint64  id;                 /* store row id; 0 = not saved yet */
  gint64  patient_id;
  gint64  taken_at;           /* when the observations were taken */
  gint64  recorded_at;        /* when they were saved */
  char   *author;
  gint64  supersedes_id;      /* the version this one amends; 0 = original */
  gint64  superseded_by_id;   /* set by the store on the old version */
  char   *amend_reason;

  /* Vitals */
  double  temperature_c;      /* NAN = missing */
  int     heart_rate;         /* /min */
  int     resp_rate;          /* /min */
  int     systolic;           /* mmHg */
  int     diastolic;          /* mmHg */
  int     spo2;               /* % */

  /* Oxygen */
  CrsO2Device o2_device;
  double  o2_flow_l_min;      /* NAN = missing */
  int     fio2_percent;       /* 21-100, CRS_MISSING = missing */

  /* Circulation */
  CrsTri  hypotension;        /* ticked by the nurse; UNSET = derive from systolic */
  int     vasopressors;       /* running, excluding vasopressin */
  CrsTri  vasopressin;

  /* Neurology */
  CrsAcvpu   acvpu;
  CrsArousal arousal;
  gboolean   ice_items_recorded; /* TRUE: ice_items holds the answers */
  guint16    ice_items;          /* bit CrsIceItem set = answered correctly */
  int        ice_total;          /* 0-10 when entered as a total */
  int        capd;               /* 0-32 */
  CrsSeizure seizure;
  CrsTri     motor_weakness;
  CrsEdema   cerebral_edema;

  /* Symptom checklist: bit CrsSymptom set = present (crs-symptom.h) */
  guint64 symptoms;
  char   *note;

  /* Grades as stored with the set (filled by the store when loading);
   * CRS_MISSING when undetermined or not stored. */
  int     stored_crs_grade;
  int     stored_icans_grade;
  int     stored_news2;
  char   *stored_rules;       /* e.g. "ASTCT-2019;NEWS2-2017;PEWS-NHSE-2023" */
  /* Added with the nurse workflow: TRUE when grading raised a red flag
   * (crs_grading_has_red_flag()) when the set was saved. It stays raised
   * until a nurse acknowledges it (crs_store_acknowledge). */
  gboolean stored_red_flag;
  /* Added with PEWS (children; scored by crs-grade-pews.h). */
  CrsRespDistress resp_distress;
  double      crt_s;          /* capillary refill time, seconds; NAN = missing */
  double      o2_percent;     /* oxygen given, %; NAN = missing (o2_flow_l_min is the other way) */
  CrsBpSkip   bp_skip;        /* why blood pressure was not obtained */
  CrsCarer    carer;          /* the carer question */
  CrsTri      intuition;      /* YES: the nurse feels the child is "just not right" */
  CrsSepsis   sepsis;         /* new suspicion of sepsis or septic shock */
  CrsPewsBand pews_band;      /* the chart the nurse chose; UNSET = by age. Not a finding:
                               * crs_observation_is_empty() ignores it */
  /* The child's PEWS as stored with the set, like stored_news2: the total
   * (CRS_MISSING for a partial set, or when PEWS was not used) and the
   * level with its triggers (a CrsPewsLevel of crs-grade-pews.h, the
   * lower bound for a partial set; CRS_MISSING when PEWS was not used). */
  int         stored_pews;
  int         stored_pews_level;
};

CrsObservation *crs_observation_new           (void);
CrsObservation *crs_observation_copy          (CrsObservation *self);
/* Makes @self as crs_observation_new() makes one (every field not
 * recorded, no strings), for a caller that reads many sets one at a
 * time. */
void            crs_observation_reset         (CrsObservation *self);
/* The ICE score: popcount of the items when recorded, else ice_total. */
int             crs_observation_get_ice_score (CrsObservation *self);
/* TRUE when no clinical field at all was recorded. */
gboolean        crs_observation_is_empty      (CrsObservation *self);

/* ---------------------------------------------------------------------- */

#define CRS_TYPE_INTERVENTION (crs_intervention_get_type ())
G_DECLARE_FINAL_TYPE (CrsIntervention, crs_intervention, CRS, INTERVENTION, GObject)

struct _CrsIntervention
{
  GObject parent_instance;

  gint64  id;
  gint64  patient_id;
  gint64  at;
  CrsInterventionKind kind;
  char   *drug;               /* e.g. "tocilizumab", "paracetamol" */
  char   *dose;               /* free text as written, e.g. "8 mg/kg IV" */
  char   *note;
  char   *author;
};

CrsIntervention *crs_intervention_new  (void);
CrsIntervention *crs_intervention_copy (CrsIntervention *self);
/* What was given, inside a sentence: the drug ("tocilizumab"), else the
 * kind in lower case ("antipyretic"). Newly allocated. */
char            *crs_intervention_dup_name (CrsIntervention *self);

/* ---------------------------------------------------------------------- */

#define CRS_TYPE_LAB_RESULT (crs_lab_result_get_type ())
G_DECLARE_FINAL_TYPE (CrsLabResult, crs_lab_result, CRS, LAB_RESULT, GObject)

struct _CrsLabResult
{
  GObject parent_instance;

  gint64  id;
  gint64  patient_id;
  gint64  at;
  char   *loinc;              /* LOINC code, e.g. "1988-5" */
  char   *name;               /* display name, e.g. "CRP" */
  double  value;
  char   *unit;               /* UCUM unit, e.g. "mg/L" */
  char   *note;
  char   *author;
};

CrsLabResult *crs_lab_result_new  (void);
CrsLabResult *crs_lab_result_copy (CrsLabResult *self);

G_END_DECLS
