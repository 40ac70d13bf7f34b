/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-symptom.h: the symptom checklist of an observation set.
 *
 * Source: the seed article (shared/seed/000_f8b6ddb3c8adf4e1.txt), its
 * lists "mild symptoms", "serious symptoms" and "seek emergency care for".
 * The emergency ones are red flags. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  /* Mild symptoms */
  CRS_SYMPTOM_LOW_FEVER = 0,        /*< nick=low_fever >*/
  CRS_SYMPTOM_FATIGUE,              /*< nick=fatigue >*/
  CRS_SYMPTOM_COUGH,                /*< nick=cough >*/
  CRS_SYMPTOM_HEADACHE,             /*< nick=headache >*/
  CRS_SYMPTOM_NAUSEA,               /*< nick=nausea >*/
  CRS_SYMPTOM_LOSS_OF_APPETITE,     /*< nick=loss_of_appetite >*/
  CRS_SYMPTOM_RASH,                 /*< nick=rash >*/
  CRS_SYMPTOM_BODY_PAIN,            /*< nick=body_pain >*/
  CRS_SYMPTOM_MALAISE,              /*< nick=malaise >*/
  /* Serious symptoms, not on the emergency list */
  CRS_SYMPTOM_LEG_SWELLING,         /*< nick=leg_swelling >*/
  CRS_SYMPTOM_CHEST_PAIN,           /*< nick=chest_pain >*/
  CRS_SYMPTOM_STOMACH_PAIN,         /*< nick=stomach_pain >*/
  /* Emergency symptoms: red flags */
  CRS_SYMPTOM_RAPID_HEARTBEAT,      /*< nick=rapid_heartbeat >*/
  CRS_SYMPTOM_BREATHING_DIFFICULTY, /*< nick=breathing_difficulty >*/
  CRS_SYMPTOM_HIGH_FEVER,           /*< nick=high_fever >*/
  CRS_SYMPTOM_LOW_BLOOD_PRESSURE,   /*< nick=low_blood_pressure >*/
  CRS_SYMPTOM_CONFUSION,            /*< nick=confusion >*/
  CRS_SYMPTOM_LANGUAGE_DIFFICULTY,  /*< nick=language_difficulty >*/
  CRS_SYMPTOM_SEIZURE,              /*< nick=seizure >*/
  CRS_SYMPTOM_HALLUCINATIONS,       /*< nick=hallucinations >*/
  CRS_SYMPTOM_DROWSINESS,           /*< nick=drowsiness >*/
  CRS_SYMPTOM_FAINTING,             /*< nick=fainting >*/
  CRS_SYMPTOM_SKIN_DISCOLORATION,   /*< nick=skin_discoloration >*/
  CRS_SYMPTOM_N_VALUES              /*< skip >*/
} CrsSymptom;

typedef enum {
  CRS_SYMPTOM_GROUP_MILD,
  CRS_SYMPTOM_GROUP_SERIOUS,
  CRS_SYMPTOM_GROUP_EMERGENCY,
} CrsSymptomGroup;

#define CRS_SYMPTOM_BIT(s) (G_GUINT64_CONSTANT (1) << (s))

const char      *crs_symptom_to_id    (CrsSymptom  symptom);
gboolean         crs_symptom_from_id  (const char *id,
                                       CrsSymptom *out);
const char      *crs_symptom_label    (CrsSymptom  symptom);
CrsSymptomGroup  crs_symptom_group    (CrsSymptom  symptom);
gboolean         crs_symptom_is_emergency (CrsSymptom symptom);
/* Bits of every emergency symptom. */
guint64          crs_symptom_emergency_mask (void);

G_END_DECLS
