/* crs-symptom.c: the seed article's symptom lists. */
#define G_LOG_DOMAIN "crs-symptom"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-symptom.h"

typedef struct
{
  const char      *id;
  const char      *label;
  CrsSymptomGroup  group;
} SymptomInfo;

/* Indexed by CrsSymptom. Wording is ours; the lists are the seed's. */
static const SymptomInfo symptoms[CRS_SYMPTOM_N_VALUES] = {
  [CRS_SYMPTOM_LOW_FEVER] = { "low_fever", N_("Low fever"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_FATIGUE] = { "fatigue", N_("Fatigue"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_COUGH] = { "cough", N_("Cough"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_HEADACHE] = { "headache", N_("Headache"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_NAUSEA] = { "nausea", N_("Nausea"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_LOSS_OF_APPETITE] = { "loss_of_appetite", N_("Loss of appetite"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_RASH] = { "rash", N_("Rash"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_BODY_PAIN] = { "body_pain", N_("Body pain"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_MALAISE] = { "malaise", N_("Feeling generally unwell"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_LEG_SWELLING] = { "leg_swelling", N_("Swelling of the legs"), CRS_SYMPTOM_GROUP_SERIOUS },
  [CRS_SYMPTOM_CHEST_PAIN] = { "chest_pain", N_("Chest pain"), CRS_SYMPTOM_GROUP_SERIOUS },
  [CRS_SYMPTOM_STOMACH_PAIN] = { "stomach_pain", N_("Stomach pain"), CRS_SYMPTOM_GROUP_SERIOUS },
  [CRS_SYMPTOM_RAPID_HEARTBEAT] = { "rapid_heartbeat", N_("Rapid heartbeat"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_BREATHING_DIFFICULTY] = { "breathing_difficulty", N_("Difficult or rapid breathing"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_HIGH_FEVER] = { "high_fever", N_("High fever"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_LOW_BLOOD_PRESSURE] = { "low_blood_pressure", N_("Low blood pressure"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_CONFUSION] = { "confusion", N_("Confusion"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_LANGUAGE_DIFFICULTY] = { "language_difficulty", N_("Difficulty with speech or language"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_SEIZURE] = { "seizure", N_("Seizure"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_HALLUCINATIONS] = { "hallucinations", N_("Hallucinations"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_DROWSINESS] = { "drowsiness", N_("Drowsy or hard to wake"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_FAINTING] = { "fainting", N_("Fainting or change in consciousness"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_SKIN_DISCOLORATION] = { "skin_discoloration", N_("Skin discoloration"), CRS_SYMPTOM_GROUP_EMERGENCY },
};

const char *
crs_symptom_to_id (CrsSymptom symptom)
{
  g_return_val_if_fail (symptom < CRS_SYMPTOM_N_VALUES, NULL);
  return symptoms[symptom].id;
}

gboolean
crs_symptom_from_id (const char *id,
                     CrsSymptom *out)
{
  for (guint i = 0; i < CRS_SYMPTOM_N_VALUES; i++)
    if (g_strcmp0 (symptoms[i].id, id) == 0)
      {
        *out = (CrsSymptom) i;
        return TRUE;
      }
  return FALSE;
}

const char *
crs_symptom_label (CrsSymptom symptom)
{
  g_return_val_if_fail (symptom < CRS_SYMPTOM_N_VALUES, "");
  return _(symptoms[symptom].label);
}

CrsSymptomGroup
crs_symptom_group (CrsSymptom symptom)
{
  g_return_val_if_fail (symptom < CRS_SYMPTOM_N_VALUES, CRS_SYMPTOM_GROUP_MILD);
  return symptoms[symptom].group;
}

gboolean
crs_symptom_is_emergency (CrsSymptom symptom)
{
  return crs_symptom_group (symptom) == CRS_SYMPTOM_GROUP_EMERGENCY;
}

guint64
crs_symptom_emergency_mask (void)
{
  guint64 mask = 0;

  for (guint i = 0; i < CRS_SYMPTOM_N_VALUES; i++)
    if (symptoms[i].group == CRS_SYMPTOM_GROUP_EMERGENCY)
      mask |= CRS_SYMPTOM_BIT (i);
  return mask;
}
