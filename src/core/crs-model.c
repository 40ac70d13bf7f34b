/* crs-model.c: record types and enumeration strings. */
#define G_LOG_DOMAIN "crs-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "crs-enum-strings.h"
#include "crs-model.h"

static const CrsEnumString tri_table[] = {
  { CRS_TRI_NO, "no", N_("No") },
  { CRS_TRI_YES, "yes", N_("Yes") },
  { 0, NULL, NULL }
};

/* Ids as in the grade CSV contract (design/grade-csv.md). */
static const CrsEnumString o2_device_table[] = {
  { CRS_O2_ROOM_AIR, "room_air", N_("Room air") },
  { CRS_O2_BLOW_BY, "blow_by", N_("Blow-by") },
  { CRS_O2_NASAL_CANNULA, "nasal_cannula", N_("Nasal cannula") },
  { CRS_O2_HFNC, "hfnc", N_("High-flow nasal cannula") },
  { CRS_O2_FACE_MASK, "face_mask", N_("Face mask") },
  { CRS_O2_NON_REBREATHER, "non_rebreather", N_("Non-rebreather mask") },
  { CRS_O2_VENTURI, "venturi", N_("Venturi mask") },
  { CRS_O2_CPAP, "cpap", N_("CPAP") },
  { CRS_O2_BIPAP, "bipap", N_("BiPAP") },
  { CRS_O2_VENTILATOR, "ventilator", N_("Mechanical ventilation") },
  { 0, NULL, NULL }
};

static const CrsEnumString acvpu_table[] = {
  { CRS_ACVPU_ALERT, "A", N_("Alert") },
  { CRS_ACVPU_CONFUSION, "C", N_("New confusion") },
  { CRS_ACVPU_VOICE, "V", N_("Responds to voice") },
  { CRS_ACVPU_PAIN, "P", N_("Responds to pain") },
  { CRS_ACVPU_UNRESPONSIVE, "U", N_("Unresponsive") },
  { 0, NULL, NULL }
};

static const CrsEnumString arousal_table[] = {
  { CRS_AROUSAL_NORMAL, "normal", N_("Awake") },
  { CRS_AROUSAL_SPONTANEOUS, "spontaneous", N_("Drowsy, wakes by itself") },
  { CRS_AROUSAL_VOICE, "voice", N_("Wakes to voice") },
  { CRS_AROUSAL_TACTILE, "tactile", N_("Wakes only to touch") },
  { CRS_AROUSAL_UNAROUSABLE, "unarousable", N_("Cannot be woken") },
  { 0, NULL, NULL }
};

static const CrsEnumString seizure_table[] = {
  { CRS_SEIZURE_NONE, "none", N_("None") },
  { CRS_SEIZURE_RESOLVED, "resolved", N_("Seizure, resolved") },
  { CRS_SEIZURE_PROLONGED, "prolonged", N_("Prolonged or repeated seizure") },
  { 0, NULL, NULL }
};

static const CrsEnumString edema_table[] = {
  { CRS_EDEMA_NONE, "none", N_("None") },
  { CRS_EDEMA_FOCAL, "focal", N_("Focal oedema on imaging") },
  { CRS_EDEMA_DIFFUSE, "diffuse", N_("Diffuse oedema or raised pressure signs") },
  { 0, NULL, NULL }
};

static const CrsEnumString sex_table[] = {
  { CRS_SEX_FEMALE, "female", N_("Female") },
  { CRS_SEX_MALE, "male", N_("Male") },
  { CRS_SEX_OTHER, "other", N_("Other") },
  { 0, NULL, NULL }
};

static const CrsEnumString intervention_kind_table[] = {
  { CRS_INTERVENTION_ANTIPYRETIC, "antipyretic", N_("Antipyretic") },
  { CRS_INTERVENTION_ANTI_CYTOKINE, "anti_cytokine", N_("Tocilizumab or other anti-cytokine") },
  { CRS_INTERVENTION_CORTICOSTEROID, "corticosteroid", N_("Corticosteroid") },
  { CRS_INTERVENTION_FLUID_BOLUS, "fluid_bolus", N_("IV fluid bolus") },
  { CRS_INTERVENTION_VASOPRESSOR_START, "vasopressor_start", N_("Vasopressor started") },
  { CRS_INTERVENTION_VASOPRESSOR_STOP, "vasopressor_stop", N_("Vasopressor stopped") },
  { CRS_INTERVENTION_OXYGEN_CHANGE, "oxygen_change", N_("Oxygen started or changed") },
  { CRS_INTERVENTION_TRANSFUSION, "transfusion", N_("Transfusion") },
  { CRS_INTERVENTION_ICU_TRANSFER, "icu_transfer", N_("Transfer to intensive care") },
  { CRS_INTERVENTION_INFUSION_PAUSED, "infusion_paused", N_("Infusion paused") },
  { CRS_INTERVENTION_INFUSION_STOPPED, "infusion_stopped", N_("Infusion stopped") },
  { CRS_INTERVENTION_OTHER, "other", N_("Other") },
  { 0, NULL, NULL }
};

static const CrsEnumString ice_item_table[] = {
  { CRS_ICE_YEAR, "year", N_("Knows the year") },
  { CRS_ICE_MONTH, "month", N_("Knows the month") },
  { CRS_ICE_CITY, "city", N_("Knows the city") },
  { CRS_ICE_HOSPITAL, "hospital", N_("Knows the hospital") },
  { CRS_ICE_NAME_1, "name_1", N_("Names object 1") },
  { CRS_ICE_NAME_2, "name_2", N_("Names object 2") },
  { CRS_ICE_NAME_3, "name_3", N_("Names object 3") },
  { CRS_ICE_COMMAND, "command", N_("Follows a simple command") },
  { CRS_ICE_WRITING, "writing", N_("Writes a standard sentence") },
  { CRS_ICE_ATTENTION, "attention", N_("Counts back from 100 by 10") },
  { 0, NULL, NULL }
};

/* PEWS fields. Ids as in the grade CSV contract (design/grade-csv.md,
 * children's table); the skip codes and carer answers are the NHS England
 * PEWS charts' (2023), see crs-grade-pews.c. */
static const CrsEnumString resp_distress_table[] = {
  { CRS_RESP_DISTRESS_NONE, "none", N_("No respiratory distress") },
  { CRS_RESP_DISTRESS_MILD, "mild", N_("Mild respiratory distress") },
  { CRS_RESP_DISTRESS_MODERATE, "moderate", N_("Moderate respiratory distress") },
  { CRS_RESP_DISTRESS_SEVERE, "severe", N_("Severe respiratory distress") },
  { 0, NULL, NULL }
};

static const CrsEnumString bp_skip_table[] = {
  { CRS_BP_SKIP_NCO, "nco", N_("Not attempted, no concern (NCO)") },
  { CRS_BP_SKIP_U0, "u0", N_("Unsuccessful attempt, no concern (U0)") },
  { CRS_BP_SKIP_U4, "u4", N_("Unsuccessful attempt, concern (U4)") },
  { 0, NULL, NULL }
};

static const CrsEnumString carer_table[] = {
  { CRS_CARER_WORSE, "worse", N_("Worse") },
  { CRS_CARER_SAME, "same", N_("Same") },
  { CRS_CARER_BETTER, "better", N_("Better") },
  { CRS_CARER_ASLEEP, "asleep", N_("Parent or carer asleep") },
  { CRS_CARER_UNAVAILABLE, "unavailable", N_("Parent or carer unavailable") },
  { 0, NULL, NULL }
};

static const CrsEnumString sepsis_table[] = {
  { CRS_SEPSIS_NONE, "none", N_("No new suspicion") },
  { CRS_SEPSIS_SUSPECTED, "suspected", N_("New suspicion of sepsis") },
  { CRS_SEPSIS_SHOCK, "shock", N_("New suspicion of septic shock") },
  { 0, NULL, NULL }
};

static const CrsEnumString pews_band_table[] = {
  { CRS_PEWS_BAND_0_11_MONTHS, "0_11_months", N_("0–11 months") },
  { CRS_PEWS_BAND_1_4_YEARS, "1_4_years", N_("1–4 years") },
  { CRS_PEWS_BAND_5_12_YEARS, "5_12_years", N_("5–12 years") },
  { CRS_PEWS_BAND_13_YEARS, "13_years", N_("13 years and over") },
  { 0, NULL, NULL }
};

CRS_DEFINE_ENUM_STRINGS (CrsTri, tri, tri_table)
CRS_DEFINE_ENUM_STRINGS (CrsO2Device, o2_device, o2_device_table)
CRS_DEFINE_ENUM_STRINGS (CrsAcvpu, acvpu, acvpu_table)
CRS_DEFINE_ENUM_STRINGS (CrsArousal, arousal, arousal_table)
CRS_DEFINE_ENUM_STRINGS (CrsSeizure, seizure, seizure_table)
CRS_DEFINE_ENUM_STRINGS (CrsEdema, edema, edema_table)
CRS_DEFINE_ENUM_STRINGS (CrsSex, sex, sex_table)
CRS_DEFINE_ENUM_STRINGS (CrsInterventionKind, intervention_kind, intervention_kind_table)
CRS_DEFINE_ENUM_STRINGS (CrsIceItem, ice_item, ice_item_table)
CRS_DEFINE_ENUM_STRINGS (CrsRespDistress, resp_distress, resp_distress_table)
CRS_DEFINE_ENUM_STRINGS (CrsBpSkip, bp_skip, bp_skip_table)
CRS_DEFINE_ENUM_STRINGS (CrsCarer, carer, carer_table)
CRS_DEFINE_ENUM_STRINGS (CrsSepsis, sepsis, sepsis_table)
CRS_DEFINE_ENUM_STRINGS (CrsPewsBand, pews_band, pews_band_table)

/* ---------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (CrsPatient, crs_patient, G_TYPE_OBJECT)

static void
crs_patient_finalize (GObject *object)
{
  CrsPatient *self = CRS_PATIENT (object);

  g_free (self->mrn);
  g_free (self->name);
  g_free (self->birth_date);
  g_free (self->bed);
  g_free (self->ward);
  g_free (self->diagnosis);
  g_free (self->risk_notes);

  G_OBJECT_CLASS (crs_patient_parent_class)->finalize (object);
}

static void
crs_patient_class_init (CrsPatientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_patient_finalize;
}

static void
crs_patient_init (CrsPatient *self)
{
  self->weight_kg = NAN;
  self->spo2_scale = 1;
}

CrsPatient *
crs_patient_new (void)
{
  return g_object_new (CRS_TYPE_PATIENT, NULL);
}

CrsPatient *
crs_patient_copy (CrsPatient *self)
{
  CrsPatient *copy;

  g_return_val_if_fail (CRS_IS_PATIENT (self), NULL);

  copy = crs_patient_new ();
  copy->id = self->id;
  copy->mrn = g_strdup (self->mrn);
  copy->name = g_strdup (self->name);
  copy->birth_date = g_strdup (self->birth_date);
  copy->sex = self->sex;
  copy->weight_kg = self->weight_kg;
  copy->bed = g_strdup (self->bed);
  copy->ward = g_strdup (self->ward);
  copy->diagnosis = g_strdup (self->diagnosis);
  copy->risk_notes = g_strdup (self->risk_notes);
  copy->spo2_scale = self->spo2_scale;
  copy->use_capd = self->use_capd;
  copy->high_disease_burden = self->high_disease_burden;
  copy->comorbidities = self->comorbidities;
  copy->prior_crs = self->prior_crs;
  copy->archived = self->archived;
  return copy;
}

int
crs_patient_age_years (CrsPatient *self,
                       gint64      at)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d, age;

  g_return_val_if_fail (CRS_IS_PATIENT (self), -1);

  if (self->birth_date == NULL ||
      sscanf (self->birth_date, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return -1;

  when = g_date_time_new_from_unix_utc (at);
  if (when == NULL)
    return -1;

  age = g_date_time_get_year (when) - y;
  if (g_date_time_get_month (when) < m ||
      (g_date_time_get_month (when) == m && g_date_time_get_day_of_month (when) < d))
    age--;
  return MAX (age, 0);
}

/* ---------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (CrsInfusion, crs_infusion, G_TYPE_OBJECT)

static void
crs_infusion_finalize (GObject *object)
{
  CrsInfusion *self = CRS_INFUSION (object);

  g_free (self->therapy_code);
  g_free (self->therapy_name);
  g_free (self->dose_unit);
  g_free (self->step_label);
  g_free (self->note);
  g_free (self->author);

  G_OBJECT_CLASS (crs_infusion_parent_class)->finalize (object);
}

static void
crs_infusion_class_init (CrsInfusionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_infusion_finalize;
}

static void
crs_infusion_init (CrsInfusion *self)
{
  self->dose = NAN;
}

CrsInfusion *
crs_infusion_new (void)
{
  return g_object_new (CRS_TYPE_INFUSION, NULL);
}

CrsInfusion *
crs_infusion_copy (CrsInfusion *self)
{
  CrsInfusion *copy;

  g_return_val_if_fail (CRS_IS_INFUSION (self), NULL);

  copy = crs_infusion_new ();
  copy->id = self->id;
  copy->patient_id = self->patient_id;
  copy->therapy_code = g_strdup (self->therapy_code);
  copy->therapy_name = g_strdup (self->therapy_name);
  copy->dose = self->dose;
  copy->dose_unit = g_strdup (self->dose_unit);
  copy->step_label = g_strdup (self->step_label);
  copy->start_at = self->start_at;
  copy->end_at = self->end_at;
  copy->note = g_strdup (self->note);
  copy->author = g_strdup (self->author);
  return copy;
}

/* ---------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (CrsObservation, crs_observation, G_TYPE_OBJECT)

static void
crs_observation_finalize (GObject *object)
{
  CrsObservation *self = CRS_OBSERVATION (object);

  g_free (self->author);
  g_free (self->amend_reason);
  g_free (self->note);
  g_free (self->stored_rules);

  G_OBJECT_CLASS (crs_observation_parent_class)->finalize (object);
}

static void
crs_observation_class_init (CrsObservationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_observation_finalize;
}

static void
crs_observation_init (CrsObservation *self)
{
  self->temperature_c = NAN;
  self->heart_rate = CRS_MISSING;
  self->resp_rate = CRS_MISSING;
  self->systolic = CRS_MISSING;
  self->diastolic = CRS_MISSING;
  self->spo2 = CRS_MISSING;
  self->o2_flow_l_min = NAN;
  self->fio2_percent = CRS_MISSING;
  self->vasopressors = CRS_MISSING;
  self->ice_total = CRS_MISSING;
  self->capd = CRS_MISSING;
  self->stored_crs_grade = CRS_MISSING;
  self->stored_icans_grade = CRS_MISSING;
  self->stored_news2 = CRS_MISSING;
  self->crt_s = NAN;
  self->o2_percent = NAN;
  self->stored_pews = CRS_MISSING;
  self->stored_pews_level = CRS_MISSING;
}

CrsObservation *
crs_observation_new (void)
{
  return g_object_new (CRS_TYPE_OBSERVATION, NULL);
}

CrsObservation *
crs_observation_copy (CrsObservation *self)
{
  CrsObservation *copy;
  GObject parent;

  g_return_val_if_fail (CRS_IS_OBSERVATION (self), NULL);

  copy = crs_observation_new ();
  /* Copy every plain field at once (stored_red_flag and any later plain
   * field included), keeping the new object's own header, then deep-copy
   * the strings. */
  parent = copy->parent_instance;
  *copy = *self;
  copy->parent_instance = parent;
  copy->author = g_strdup (self->author);
  copy->amend_reason = g_strdup (self->amend_reason);
  copy->note = g_strdup (self->note);
  copy->stored_rules = g_strdup (self->stored_rules);
  return copy;
}

int
crs_observation_get_ice_score (CrsObservation *self)
{
  g_return_val_if_fail (CRS_IS_OBSERVATION (self), CRS_MISSING);

  if (self->ice_items_recorded)
    {
      guint16 mask = self->ice_items & ((1u << CRS_ICE_N_ITEMS) - 1);
      return __builtin_popcount (mask);
    }
  return self->ice_total;
}

gboolean
crs_observation_is_empty (CrsObservation *self)
{
  g_return_val_if_fail (CRS_IS_OBSERVATION (self), TRUE);

  return isnan (self->temperature_c) &&
         crs_is_missing_int (self->heart_rate) &&
         crs_is_missing_int (self->resp_rate) &&
         crs_is_missing_int (self->systolic) &&
         crs_is_missing_int (self->diastolic) &&
         crs_is_missing_int (self->spo2) &&
         self->o2_device == CRS_O2_UNSET &&
         isnan (self->o2_flow_l_min) &&
         crs_is_missing_int (self->fio2_percent) &&
         self->hypotension == CRS_TRI_UNSET &&
         crs_is_missing_int (self->vasopressors) &&
         self->vasopressin == CRS_TRI_UNSET &&
         self->acvpu == CRS_ACVPU_UNSET &&
         self->arousal == CRS_AROUSAL_UNSET &&
         !self->ice_items_recorded &&
         crs_is_missing_int (self->ice_total) &&
         crs_is_missing_int (self->capd) &&
         self->seizure == CRS_SEIZURE_UNSET &&
         self->motor_weakness == CRS_TRI_UNSET &&
         self->cerebral_edema == CRS_EDEMA_UNSET &&
         self->symptoms == 0 &&
         (self->note == NULL || *self->note == '\0') &&
         self->resp_distress == CRS_RESP_DISTRESS_UNSET &&
         isnan (self->crt_s) &&
         isnan (self->o2_percent) &&
         self->bp_skip == CRS_BP_SKIP_UNSET &&
         self->carer == CRS_CARER_UNSET &&
         self->intuition == CRS_TRI_UNSET &&
         self->sepsis == CRS_SEPSIS_UNSET;
}

/* ---------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (CrsIntervention, crs_intervention, G_TYPE_OBJECT)

static void
crs_intervention_finalize (GObject *object)
{
  CrsIntervention *self = CRS_INTERVENTION (object);

  g_free (self->drug);
  g_free (self->dose);
  g_free (self->note);
  g_free (self->author);

  G_OBJECT_CLASS (crs_intervention_parent_class)->finalize (object);
}

static void
crs_intervention_class_init (CrsInterventionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_intervention_finalize;
}

static void
crs_intervention_init (CrsIntervention *self)
{
}

CrsIntervention *
crs_intervention_new (void)
{
  return g_object_new (CRS_TYPE_INTERVENTION, NULL);
}

CrsIntervention *
crs_intervention_copy (CrsIntervention *self)
{
  CrsIntervention *copy;

  g_return_val_if_fail (CRS_IS_INTERVENTION (self), NULL);

  copy = crs_intervention_new ();
  copy->id = self->id;
  copy->patient_id = self->patient_id;
  copy->at = self->at;
  copy->kind = self->kind;
  copy->drug = g_strdup (self->drug);
  copy->dose = g_strdup (self->dose);
  copy->note = g_strdup (self->note);
  copy->author = g_strdup (self->author);
  return copy;
}

/* ---------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (CrsLabResult, crs_lab_result, G_TYPE_OBJECT)

static void
crs_lab_result_finalize (GObject *object)
{
  CrsLabResult *self = CRS_LAB_RESULT (object);

  g_free (self->loinc);
  g_free (self->name);
  g_free (self->unit);
  g_free (self->note);
  g_free (self->author);

  G_OBJECT_CLASS (crs_lab_result_parent_class)->finalize (object);
}

static void
crs_lab_result_class_init (CrsLabResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_lab_result_finalize;
}

static void
crs_lab_result_init (CrsLabResult *self)
{
  self->value = NAN;
}

CrsLabResult *
crs_lab_result_new (void)
{
  return g_object_new (CRS_TYPE_LAB_RESULT, NULL);
}

CrsLabResult *
crs_lab_result_copy (CrsLabResult *self)
{
  CrsLabResult *copy;

  g_return_val_if_fail (CRS_IS_LAB_RESULT (self), NULL);

  copy = crs_lab_result_new ();
  copy->id = self->id;
  copy->patient_id = self->patient_id;
  copy->at = self->at;
  copy->loinc = g_strdup (self->loinc);
  copy->name = g_strdup (self->name);
  copy->value = self->value;
  copy->unit = g_strdup (self->unit);
  copy->note = g_strdup (self->note);
  copy->author = g_strdup (self->author);
  return copy;
}

char *
crs_intervention_dup_name (CrsIntervention *self)
{
  g_return_val_if_fail (CRS_IS_INTERVENTION (self), NULL);

  if (self->drug != NULL && *self->drug != '\0')
    return g_strdup (self->drug);
  return g_utf8_strdown (crs_intervention_kind_label (self->kind), -1);
}
