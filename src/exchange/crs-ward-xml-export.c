/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-export.c: a ward (or some of its patients) from the store
 * to a ward file on disk. */
#define G_LOG_DOMAIN "crs-ward-xml"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "crs-ward-xml-private.h"

static CrsAcknowledgement *
copy_acknowledgement (const CrsAcknowledgement *ack)
{
  CrsAcknowledgement *copy = crs_ward_file_acknowledgement_new ();

  copy->id = ack->id;
  copy->observation_id = ack->observation_id;
  copy->at = ack->at;
  copy->author = g_strdup (ack->author);
  copy->note = g_strdup (ack->note);
  return copy;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Moves every element of @from (a store list) to the end of @to. */
static void
take_all (GPtrArray *to,
          GPtrArray *from)
{
  g_ptr_array_extend_and_steal (to, from);
}

static gboolean
load_patient (CrsStore     *store,
              CrsWardFile  *file,
              CrsPatient   *patient,
              GError      **error)
{
  CrsWardFilePatient *entry;
  GPtrArray *list;
  g_autoptr(GPtrArray) acks = NULL;
  gint64 id = patient->id;

  entry = crs_ward_file_add_patient (file, g_object_ref (patient));

  if ((list = crs_store_list_infusions (store, id, error)) == NULL)
    return FALSE;
  take_all (entry->infusions, list);
  if ((list = crs_store_list_observations (store, id, 0, 0, TRUE, error)) == NULL)
    return FALSE;
  take_all (entry->observations, list);
  if ((list = crs_store_list_interventions (store, id, error)) == NULL)
    return FALSE;
  take_all (entry->interventions, list);
  if ((list = crs_store_list_lab_results (store, id, error)) == NULL)
    return FALSE;
  take_all (entry->lab_results, list);

  /* Copied into the file's own allocations, which it frees itself. */
  acks = crs_store_list_acknowledgements (store, id, error);
  if (acks == NULL)
    return FALSE;
  for (guint i = 0; i < acks->len; i++)
    g_ptr_array_add (entry->acknowledgements, copy_acknowledgement (g_ptr_array_index (acks, i)));
  return TRUE;
}

CrsWardFile *
crs_ward_file_load (CrsStore      *store,
                    const gint64  *patient_ids,
                    guint          n_patient_ids,
                    GError       **error)
{
  g_autoptr(CrsWardFile) file = crs_ward_file_new ();
  g_autoptr(GPtrArray) patients = NULL;

  g_return_val_if_fail (CRS_IS_STORE (store), NULL);

  if (patient_ids == NULL)
    {
      g_autoptr(GHashTable) settings = crs_store_list_settings (store, error);
      g_autofree const char **keys = NULL;
      guint n_keys = 0;

      if (settings == NULL)
        return NULL;
      /* By key, so that the same ward always gives the same file. */
      keys = (const char **) g_hash_table_get_keys_as_array (settings, &n_keys);
      qsort (keys, n_keys, sizeof (char *), compare_strings);
      for (guint i = 0; i < n_keys; i++)
        crs_ward_file_add_setting (file, keys[i], g_hash_table_lookup (settings, keys[i]));

      /* The whole ward: archived patients too, so that nothing is lost. */
      patients = crs_store_list_patients (store, TRUE, error);
      if (patients == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      patients = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_patient_ids; i++)
        {
          CrsPatient *patient;

          if (g_hash_table_contains (seen, &patient_ids[i]))
            continue;
          g_hash_table_add (seen, (gpointer) &patient_ids[i]);
          patient = crs_store_get_patient (store, patient_ids[i], error);
          if (patient == NULL)
            return NULL;
          g_ptr_array_add (patients, patient);
        }
    }

  for (guint i = 0; i < patients->len; i++)
    if (!load_patient (store, file, g_ptr_array_index (patients, i), error))
      return NULL;

  return g_steal_pointer (&file);
}

gboolean
crs_ward_xml_export_file (CrsStore      *store,
                          const gint64  *patient_ids,
                          guint          n_patient_ids,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(CrsWardFile) check = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autofree char *display_name = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (CRS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gfile = g_file_new_for_path (path);
  display_name = g_file_get_parse_name (gfile);

  file = crs_ward_file_load (store, patient_ids, n_patient_ids, error);
  if (file == NULL)
    return FALSE;
  bytes = crs_ward_xml_write (file, g_get_real_time () / G_USEC_PER_SEC, error);
  if (bytes == NULL)
    return FALSE;

  /* Read back before writing: a file this program would refuse to
   * import is never written. */
  check = crs_ward_xml_read_bytes (bytes, display_name, 0, G_MAXSIZE, &local_error);
  if (check == NULL)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("Nothing was written to %s: the ward file would not be valid (%s). "
                     "Please report this."),
                   display_name, local_error->message);
      return FALSE;
    }

  /* Patient data: only the owner may read it. g_file_set_contents_full
   * writes a temporary file beside @path with that mode, syncs it and
   * renames it over @path, so a crash leaves the old file or the new. */
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO,
                   _("Cannot write %s: %s"), display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
