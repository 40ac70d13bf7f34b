/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-symptom.c: the seed article's symptom lists. */
#define G_LOG_DOMAIN "crs-symptom"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-core-enums.h"
#include "crs-enum-strings.h"
#include "crs-symptom.h"

typedef struct
{
  const char      *label;
  CrsSymptomGroup  group;
} SymptomInfo;

/* Indexed by CrsSymptom (whose nicks, in crs-symptom.h, are the ids).
 * Wording is ours; the lists are the seed's. */
static const SymptomInfo symptoms[CRS_SYMPTOM_N_VALUES] = {
  [CRS_SYMPTOM_LOW_FEVER] = { N_("Low fever"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_FATIGUE] = { N_("Fatigue"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_COUGH] = { N_("Cough"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_HEADACHE] = { N_("Headache"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_NAUSEA] = { N_("Nausea"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_LOSS_OF_APPETITE] = { N_("Loss of appetite"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_RASH] = { N_("Rash"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_BODY_PAIN] = { N_("Body pain"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_MALAISE] = { N_("Feeling generally unwell"), CRS_SYMPTOM_GROUP_MILD },
  [CRS_SYMPTOM_LEG_SWELLING] = { N_("Swelling of the legs"), CRS_SYMPTOM_GROUP_SERIOUS },
  [CRS_SYMPTOM_CHEST_PAIN] = { N_("Chest pain"), CRS_SYMPTOM_GROUP_SERIOUS },
  [CRS_SYMPTOM_STOMACH_PAIN] = { N_("Stomach pain"), CRS_SYMPTOM_GROUP_SERIOUS },
  [CRS_SYMPTOM_RAPID_HEARTBEAT] = { N_("Rapid heartbeat"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_BREATHING_DIFFICULTY] = { N_("Difficult or rapid breathing"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_HIGH_FEVER] = { N_("High fever"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_LOW_BLOOD_PRESSURE] = { N_("Low blood pressure"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_CONFUSION] = { N_("Confusion"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_LANGUAGE_DIFFICULTY] = { N_("Difficulty with speech or language"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_SEIZURE] = { N_("Seizure"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_HALLUCINATIONS] = { N_("Hallucinations"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_DROWSINESS] = { N_("Drowsy or hard to wake"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_FAINTING] = { N_("Fainting or change in consciousness"), CRS_SYMPTOM_GROUP_EMERGENCY },
  [CRS_SYMPTOM_SKIN_DISCOLORATION] = { N_("Skin discoloration"), CRS_SYMPTOM_GROUP_EMERGENCY },
};

const char *
crs_symptom_to_id (CrsSymptom symptom)
{
  g_return_val_if_fail (symptom < CRS_SYMPTOM_N_VALUES, NULL);
  return crs_enum_nick (CRS_TYPE_SYMPTOM, (int) symptom);
}

gboolean
crs_symptom_from_id (const char *id,
                     CrsSymptom *out)
{
  int value;

  if (!crs_enum_value_of_nick (CRS_TYPE_SYMPTOM, id, &value))
    return FALSE;
  *out = (CrsSymptom) value;
  return TRUE;
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
