/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-file.c: a ward file in memory. */
#define G_LOG_DOMAIN "crs-ward-file"

#include "config.h"

#include "crs-ward-file.h"

static void
setting_free (gpointer data)
{
  CrsWardFileSetting *setting = data;

  g_free (setting->key);
  g_free (setting->value);
  g_free (setting);
}

static void
patient_free (gpointer data)
{
  CrsWardFilePatient *entry = data;

  g_clear_object (&entry->patient);
  g_ptr_array_unref (entry->infusions);
  g_ptr_array_unref (entry->observations);
  g_ptr_array_unref (entry->interventions);
  g_ptr_array_unref (entry->lab_results);
  g_ptr_array_unref (entry->acknowledgements);
  g_free (entry);
}

CrsWardFile *
crs_ward_file_new (void)
{
  CrsWardFile *file = g_new0 (CrsWardFile, 1);

  file->settings = g_ptr_array_new_with_free_func (setting_free);
  file->patients = g_ptr_array_new_with_free_func (patient_free);
  return file;
}

void
crs_ward_file_free (CrsWardFile *file)
{
  if (file == NULL)
    return;
  g_ptr_array_unref (file->settings);
  g_ptr_array_unref (file->patients);
  g_free (file);
}

CrsWardFilePatient *
crs_ward_file_add_patient (CrsWardFile *file,
                           CrsPatient  *patient)
{
  CrsWardFilePatient *entry;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), NULL);

  entry = g_new0 (CrsWardFilePatient, 1);
  entry->patient = patient;
  entry->infusions = g_ptr_array_new_with_free_func (g_object_unref);
  entry->observations = g_ptr_array_new_with_free_func (g_object_unref);
  entry->interventions = g_ptr_array_new_with_free_func (g_object_unref);
  entry->lab_results = g_ptr_array_new_with_free_func (g_object_unref);
  entry->acknowledgements = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_ward_file_acknowledgement_free);
  g_ptr_array_add (file->patients, entry);
  return entry;
}

void
crs_ward_file_add_setting (CrsWardFile *file,
                           const char  *key,
                           const char  *value)
{
  CrsWardFileSetting *setting;

  g_return_if_fail (file != NULL);
  g_return_if_fail (key != NULL);

  setting = g_new0 (CrsWardFileSetting, 1);
  setting->key = g_strdup (key);
  setting->value = g_strdup (value);
  g_ptr_array_add (file->settings, setting);
}

const char *
crs_ward_file_get_setting (CrsWardFile *file,
                           const char  *key)
{
  g_return_val_if_fail (file != NULL, NULL);

  for (guint i = 0; i < file->settings->len; i++)
    {
      CrsWardFileSetting *setting = g_ptr_array_index (file->settings, i);
      if (g_strcmp0 (setting->key, key) == 0)
        return setting->value;
    }
  return NULL;
}

CrsObservation *
crs_ward_file_patient_find_observation (CrsWardFilePatient *patient,
                                        gint64              observation_id)
{
  g_return_val_if_fail (patient != NULL, NULL);

  for (guint i = 0; i < patient->observations->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (patient->observations, i);
      if (obs->id == observation_id)
        return obs;
    }
  return NULL;
}

CrsAcknowledgement *
crs_ward_file_acknowledgement_new (void)
{
  return g_new0 (CrsAcknowledgement, 1);
}

void
crs_ward_file_acknowledgement_free (CrsAcknowledgement *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->author);
  g_free (ack->note);
  g_free (ack);
}
