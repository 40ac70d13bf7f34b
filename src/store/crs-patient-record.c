/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-patient-record.c: a patient's whole record read from the ward
 * database (see the header). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include "crs-patient-record.h"

/* Points the record core reads (@stored->record) at @stored's arrays. */
static CrsStoredRecord *
link_record (CrsStoredRecord *stored)
{
  stored->record.patient = stored->patient;
  stored->record.observations = stored->observations;
  stored->record.infusions = stored->infusions;
  stored->record.interventions = stored->interventions;
  stored->record.acknowledgements = stored->acknowledgements;
  stored->record.late_flags = stored->late_flags;
  stored->record.open_sets = stored->open_sets;
  stored->record.therapy = stored->therapy;
  stored->record.therapy_error = stored->therapy_error;
  return stored;
}

CrsStoredRecord *
crs_stored_record_read (CrsStore      *store,
                        gint64         patient_id,
                        CrsReadFlags   flags,
                        GPtrArray     *open_all,
                        CrsReference  *reference,
                        gint64         now,
                        GError       **error)
{
  g_autoptr(CrsStoredRecord) stored = g_new0 (CrsStoredRecord, 1);
  g_autoptr(GError) therapy_error = NULL;

  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stored->patient = crs_store_get_patient (store, patient_id, error)) == NULL ||
      (stored->observations = crs_store_list_observations (store, patient_id, 0, 0,
                                                           (flags & CRS_READ_EVERY_VERSION) != 0,
                                                           error)) == NULL ||
      (stored->infusions = crs_store_list_infusions (store, patient_id, error)) == NULL ||
      (stored->interventions = crs_store_list_interventions (store, patient_id, error)) == NULL ||
      (stored->acknowledgements = crs_store_list_acknowledgements (store, patient_id, error)) == NULL ||
      (stored->late_flags = crs_store_list_late_red_flags (store, patient_id, error)) == NULL)
    return NULL;
  if ((flags & CRS_READ_LAB_RESULTS) != 0)
    {
      if ((stored->lab_results = crs_store_list_lab_results (store, patient_id, error)) == NULL)
        return NULL;
    }
  else
    stored->lab_results = g_ptr_array_new ();

  if (open_all == NULL)
    {
      if ((stored->open_sets = crs_store_list_open_escalations (store, patient_id, error)) == NULL)
        return NULL;
    }
  else
    {
      stored->open_sets = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < open_all->len; i++)
        {
          CrsObservation *set = g_ptr_array_index (open_all, i);

          if (set->patient_id == patient_id)
            g_ptr_array_add (stored->open_sets, g_object_ref (set));
        }
    }

  if (reference != NULL)
    {
      stored->therapy = crs_reference_find_for_infusion (reference,
                                                         crs_patient_current_infusion (stored->infusions, now),
                                                         &therapy_error);
      if (therapy_error != NULL)
        stored->therapy_error = g_strdup (therapy_error->message);
    }

  return link_record (g_steal_pointer (&stored));
}

CrsStoredRecord *
crs_stored_record_new_empty (void)
{
  CrsStoredRecord *stored = g_new0 (CrsStoredRecord, 1);

  stored->patient = crs_patient_new ();
  stored->observations = g_ptr_array_new_with_free_func (g_object_unref);
  stored->infusions = g_ptr_array_new_with_free_func (g_object_unref);
  stored->interventions = g_ptr_array_new_with_free_func (g_object_unref);
  stored->lab_results = g_ptr_array_new_with_free_func (g_object_unref);
  stored->acknowledgements = g_ptr_array_new_with_free_func (g_object_unref);
  stored->late_flags = g_ptr_array_new_with_free_func (g_object_unref);
  stored->open_sets = g_ptr_array_new_with_free_func (g_object_unref);
  return link_record (stored);
}

void
crs_stored_record_free (CrsStoredRecord *record)
{
  if (record == NULL)
    return;
  g_clear_object (&record->patient);
  g_clear_pointer (&record->observations, g_ptr_array_unref);
  g_clear_pointer (&record->infusions, g_ptr_array_unref);
  g_clear_pointer (&record->interventions, g_ptr_array_unref);
  g_clear_pointer (&record->lab_results, g_ptr_array_unref);
  g_clear_pointer (&record->acknowledgements, g_ptr_array_unref);
  g_clear_pointer (&record->late_flags, g_ptr_array_unref);
  g_clear_pointer (&record->open_sets, g_ptr_array_unref);
  g_clear_object (&record->therapy);
  g_free (record->therapy_error);
  g_free (record);
}
