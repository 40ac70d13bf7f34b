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
  CRS_SYMPTOM_LOW_FEVER = 0,
  CRS_SYMPTOM_FATIGUE,
  CRS_SYMPTOM_COUGH,
  CRS_SYMPTOM_HEADACHE,
  CRS_SYMPTOM_NAUSEA,
  CRS_SYMPTOM_LOSS_OF_APPETITE,
  CRS_SYMPTOM_RASH,
  CRS_SYMPTOM_BODY_PAIN,
  CRS_SYMPTOM_MALAISE,
  /* Serious symptoms, not on the emergency list */
  CRS_SYMPTOM_LEG_SWELLING,
  CRS_SYMPTOM_CHEST_PAIN,
  CRS_SYMPTOM_STOMACH_PAIN,
  /* Emergency symptoms: red flags */
  CRS_SYMPTOM_RAPID_HEARTBEAT,
  CRS_SYMPTOM_BREATHING_DIFFICULTY,
  CRS_SYMPTOM_HIGH_FEVER,
  CRS_SYMPTOM_LOW_BLOOD_PRESSURE,
  CRS_SYMPTOM_CONFUSION,
  CRS_SYMPTOM_LANGUAGE_DIFFICULTY,
  CRS_SYMPTOM_SEIZURE,
  CRS_SYMPTOM_HALLUCINATIONS,
  CRS_SYMPTOM_DROWSINESS,
  CRS_SYMPTOM_FAINTING,
  CRS_SYMPTOM_SKIN_DISCOLORATION,
  CRS_SYMPTOM_N_VALUES
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
