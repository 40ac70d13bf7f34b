/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-model.c: record types and enumeration strings. */
#define G_LOG_DOMAIN "crs-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "crs-core-enums.h"
#include "crs-enum-strings.h"
#include "crs-model.h"

static const CrsEnumLabel tri_labels[] = {
  { CRS_TRI_NO, N_("No") },
  { CRS_TRI_YES, N_("Yes") },
  { 0, NULL }
};

/* Ids as in the grade CSV contract (design/grade-csv.md). */
static const CrsEnumLabel o2_device_labels[] = {
  { CRS_O2_ROOM_AIR, N_("Room air") },
  { CRS_O2_BLOW_BY, N_("Blow-by") },
  { CRS_O2_NASAL_CANNULA, N_("Nasal cannula") },
  { CRS_O2_HFNC, N_("High-flow nasal cannula") },
  { CRS_O2_FACE_MASK, N_("Face mask") },
  { CRS_O2_NON_REBREATHER, N_("Non-rebreather mask") },
  { CRS_O2_VENTURI, N_("Venturi mask") },
  { CRS_O2_CPAP, N_("CPAP") },
  { CRS_O2_BIPAP, N_("BiPAP") },
  { CRS_O2_VENTILATOR, N_("Mechanical ventilation") },
  { 0, NULL }
};

static const CrsEnumLabel acvpu_labels[] = {
  { CRS_ACVPU_ALERT, N_("Alert") },
  { CRS_ACVPU_CONFUSION, N_("New confusion") },
  { CRS_ACVPU_VOICE, N_("Responds to voice") },
  { CRS_ACVPU_PAIN, N_("Responds to pain") },
  { CRS_ACVPU_UNRESPONSIVE, N_("Unresponsive") },
  { 0, NULL }
};

static const CrsEnumLabel arousal_labels[] = {
  { CRS_AROUSAL_NORMAL, N_("Awake") },
  { CRS_AROUSAL_SPONTANEOUS, N_("Drowsy, wakes by itself") },
  { CRS_AROUSAL_VOICE, N_("Wakes to voice") },
  { CRS_AROUSAL_TACTILE, N_("Wakes only to touch") },
  { CRS_AROUSAL_UNAROUSABLE, N_("Cannot be woken") },
  { 0, NULL }
};

static const CrsEnumLabel seizure_labels[] = {
  { CRS_SEIZURE_NONE, N_("None") },
  { CRS_SEIZURE_RESOLVED, N_("Seizure, resolved") },
  { CRS_SEIZURE_PROLONGED, N_("Prolonged or repeated seizure") },
  { 0, NULL }
};

static const CrsEnumLabel edema_labels[] = {
  { CRS_EDEMA_NONE, N_("None") },
  { CRS_EDEMA_FOCAL, N_("Focal oedema on imaging") },
  { CRS_EDEMA_DIFFUSE, N_("Diffuse oedema or raised pressure signs") },
  { 0, NULL }
};

static const CrsEnumLabel sex_labels[] = {
  { CRS_SEX_FEMALE, N_("Female") },
  { CRS_SEX_MALE, N_("Male") },
  { CRS_SEX_OTHER, N_("Other") },
  { 0, NULL }
};

static const CrsEnumLabel intervention_kind_labels[] = {
  { CRS_INTERVENTION_ANTIPYRETIC, N_("Antipyretic") },
  { CRS_INTERVENTION_ANTI_CYTOKINE, N_("Tocilizumab or other anti-cytokine") },
  { CRS_INTERVENTION_CORTICOSTEROID, N_("Corticosteroid") },
  { CRS_INTERVENTION_FLUID_BOLUS, N_("IV fluid bolus") },
  { CRS_INTERVENTION_VASOPRESSOR_START, N_("Vasopressor started") },
  { CRS_INTERVENTION_VASOPRESSOR_STOP, N_("Vasopressor stopped") },
  { CRS_INTERVENTION_OXYGEN_CHANGE, N_("Oxygen started or changed") },
  { CRS_INTERVENTION_TRANSFUSION, N_("Transfusion") },
  { CRS_INTERVENTION_ICU_TRANSFER, N_("Transfer to intensive care") },
  { CRS_INTERVENTION_INFUSION_PAUSED, N_("Infusion paused") },
  { CRS_INTERVENTION_INFUSION_STOPPED, N_("Infusion stopped") },
  { CRS_INTERVENTION_OTHER, N_("Other") },
  { 0, NULL }
};

static const CrsEnumLabel ice_item_labels[] = {
  { CRS_ICE_YEAR, N_("Knows the year") },
  { CRS_ICE_MONTH, N_("Knows the month") },
  { CRS_ICE_CITY, N_("Knows the city") },
  { CRS_ICE_HOSPITAL, N_("Knows the hospital") },
  { CRS_ICE_NAME_1, N_("Names object 1") },
  { CRS_ICE_NAME_2, N_("Names object 2") },
  { CRS_ICE_NAME_3, N_("Names object 3") },
  { CRS_ICE_COMMAND, N_("Follows a simple command") },
  { CRS_ICE_WRITING, N_("Writes a standard sentence") },
  { CRS_ICE_ATTENTION, N_("Counts back from 100 by 10") },
  { 0, NULL }
};

/* PEWS fields. Ids as in the grade CSV contract (design/grade-csv.md,
 * children's table); the skip codes and carer answers are the NHS England
 * PEWS charts' (2023), see crs-grade-pews.c. */
static const CrsEnumLabel resp_distress_labels[] = {
  { CRS_RESP_DISTRESS_NONE, N_("No respiratory distress") },
  { CRS_RESP_DISTRESS_MILD, N_("Mild respiratory distress") },
  { CRS_RESP_DISTRESS_MODERATE, N_("Moderate respiratory distress") },
  { CRS_RESP_DISTRESS_SEVERE, N_("Severe respiratory distress") },
  { 0, NULL }
};

static const CrsEnumLabel bp_skip_labels[] = {
  { CRS_BP_SKIP_NCO, N_("Not attempted, no concern (NCO)") },
  { CRS_BP_SKIP_U0, N_("Unsuccessful attempt, no concern (U0)") },
  { CRS_BP_SKIP_U4, N_("Unsuccessful attempt, concern (U4)") },
  { 0, NULL }
};

static const CrsEnumLabel carer_labels[] = {
  { CRS_CARER_WORSE, N_("Worse") },
  { CRS_CARER_SAME, N_("Same") },
  { CRS_CARER_BETTER, N_("Better") },
  { CRS_CARER_ASLEEP, N_("Parent or carer asleep") },
  { CRS_CARER_UNAVAILABLE, N_("Parent or carer unavailable") },
  { 0, NULL }
};

static const CrsEnumLabel sepsis_labels[] = {
  { CRS_SEPSIS_NONE, N_("No new suspicion") },
  { CRS_SEPSIS_SUSPECTED, N_("New suspicion of sepsis") },
  { CRS_SEPSIS_SHOCK, N_("New suspicion of septic shock") },
  { 0, NULL }
};

static const CrsEnumLabel pews_band_labels[] = {
  { CRS_PEWS_BAND_0_11_MONTHS, N_("0–11 months") },
  { CRS_PEWS_BAND_1_4_YEARS, N_("1–4 years") },
  { CRS_PEWS_BAND_5_12_YEARS, N_("5–12 years") },
  { CRS_PEWS_BAND_13_YEARS, N_("13 years and over") },
  { 0, NULL }
};

CRS_DEFINE_ENUM_STRINGS (CrsTri, tri, CRS_TYPE_TRI, tri_labels)
CRS_DEFINE_ENUM_STRINGS (CrsO2Device, o2_device, CRS_TYPE_O2_DEVICE, o2_device_labels)
CRS_DEFINE_ENUM_STRINGS (CrsAcvpu, acvpu, CRS_TYPE_ACVPU, acvpu_labels)
CRS_DEFINE_ENUM_STRINGS (CrsArousal, arousal, CRS_TYPE_AROUSAL, arousal_labels)
CRS_DEFINE_ENUM_STRINGS (CrsSeizure, seizure, CRS_TYPE_SEIZURE, seizure_labels)
CRS_DEFINE_ENUM_STRINGS (CrsEdema, edema, CRS_TYPE_EDEMA, edema_labels)
CRS_DEFINE_ENUM_STRINGS (CrsSex, sex, CRS_TYPE_SEX, sex_labels)
CRS_DEFINE_ENUM_STRINGS (CrsInterventionKind, intervention_kind, CRS_TYPE_INTERVENTION_KIND, intervention_kind_labels)
CRS_DEFINE_ENUM_STRINGS (CrsIceItem, ice_item, CRS_TYPE_ICE_ITEM, ice_item_labels)
CRS_DEFINE_ENUM_STRINGS (CrsRespDistress, resp_distress, CRS_TYPE_RESP_DISTRESS, resp_distress_labels)
CRS_DEFINE_ENUM_STRINGS (CrsBpSkip, bp_skip, CRS_TYPE_BP_SKIP, bp_skip_labels)
CRS_DEFINE_ENUM_STRINGS (CrsCarer, carer, CRS_TYPE_CARER, carer_labels)
CRS_DEFINE_ENUM_STRINGS (CrsSepsis, sepsis, CRS_TYPE_SEPSIS, sepsis_labels)
CRS_DEFINE_ENUM_STRINGS (CrsPewsBand, pews_band, CRS_TYPE_PEWS_BAND, pews_band_labels)

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

void
crs_observation_reset (CrsObservation *self)
{
  g_return_if_fail (CRS_IS_OBSERVATION (self));

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->amend_reason, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->stored_rules, g_free);
  /* GObject zeroes a new instance before crs_observation_init(): do the
   * same to everything after the object's header. */
  memset ((char *) self + sizeof (GObject), 0, sizeof *self - sizeof (GObject));
  crs_observation_init (self);
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
