/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-set-draft.c: an observation set kept on this workstation until it
 * can be saved, as a one-patient ward XML file. */
#define G_LOG_DOMAIN "crs-set-draft"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/crs-paths.h"
#include "crs-exchange-error.h"
#include "crs-set-draft.h"
#include "crs-ward-xml.h"

#define DRAFT_PREFIX "set-"
#define DRAFT_SUFFIX ".xml"
/* One patient and one set: far below this. */
#define DRAFT_MAX_BYTES ((gsize) 1024 * 1024)

#define KEY_WARD "draft.ward"
#define KEY_PATIENT "draft.patient"
#define KEY_ACCOUNT "draft.account"
#define KEY_AMENDS "draft.amends"
#define KEY_REASON "draft.reason"
#define KEY_KEPT_AT "draft.kept-at"

CrsSetDraft *
crs_set_draft_new (const char     *ward_id,
                   CrsPatient     *patient,
                   CrsObservation *observation,
                   gint64          account_id,
                   gint64          amends_id,
                   const char     *reason)
{
  CrsSetDraft *draft;

  g_return_val_if_fail (ward_id != NULL, NULL);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), NULL);
  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);

  draft = g_new0 (CrsSetDraft, 1);
  draft->ward_id = g_strdup (ward_id);
  draft->patient = crs_patient_copy (patient);
  draft->observation = crs_observation_copy (observation);
  draft->account_id = account_id;
  draft->amends_id = amends_id;
  draft->reason = g_strdup (reason);
  return draft;
}

void
crs_set_draft_free (CrsSetDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->path);
  g_free (draft->ward_id);
  g_clear_object (&draft->patient);
  g_clear_object (&draft->observation);
  g_free (draft->reason);
  g_free (draft);
}

char *
crs_set_draft_dir (GError **error)
{
  return crs_paths_user_subdir ("drafts", error);
}

static void
add_id_setting (CrsWardFile *file,
                const char  *key,
                gint64       value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  crs_ward_file_add_setting (file, key, text);
}

gboolean
crs_set_draft_keep (CrsSetDraft *draft,
                    const char  *dir,
                    GError     **error)
{
  g_autoptr(CrsWardFile) file = crs_ward_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  CrsWardFilePatient *entry;
  const char *data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize size = 0;

  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail (draft->path != NULL || dir != NULL, FALSE);

  crs_ward_file_add_setting (file, KEY_WARD, draft->ward_id);
  add_id_setting (file, KEY_PATIENT, draft->patient->id);
  add_id_setting (file, KEY_ACCOUNT, draft->account_id);
  add_id_setting (file, KEY_AMENDS, draft->amends_id);
  if (draft->reason != NULL)
    crs_ward_file_add_setting (file, KEY_REASON, draft->reason);
  add_id_setting (file, KEY_KEPT_AT, now);
  entry = crs_ward_file_add_patient (file, crs_patient_copy (draft->patient));
  g_ptr_array_add (entry->observations, g_object_ref (draft->observation));

  bytes = crs_ward_xml_write (file, now, error);
  if (bytes == NULL)
    return FALSE;

  if (draft->path != NULL)
    path = g_strdup (draft->path);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (DRAFT_PREFIX, uuid, DRAFT_SUFFIX, NULL);
      path = g_build_filename (dir, name, NULL);
    }

  /* Patient data: only the owner may read it. The copy is synced and
   * renamed over the old one: a crash leaves one or the other. */
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  g_free (draft->path);
  draft->path = g_steal_pointer (&path);
  draft->kept_at = now;
  return TRUE;
}

gboolean
crs_set_draft_discard (CrsSetDraft *draft,
                       GError     **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  if (draft->path == NULL)
    return TRUE;
  if (g_unlink (draft->path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot remove %s: %s"), draft->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&draft->path, g_free);
  return TRUE;
}

static gboolean
read_id_setting (CrsWardFile *file,
                 const char  *key,
                 gint64      *value)
{
  const char *text = crs_ward_file_get_setting (file, key);

  *value = 0;
  return text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, value, NULL);
}

/* The draft in @path, NULL with @error when it is not one. */
static CrsSetDraft *
read_draft (const char *path,
            GError    **error)
{
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(CrsSetDraft) draft = g_new0 (CrsSetDraft, 1);
  CrsWardFilePatient *entry;
  const char *ward_id;
  gint64 patient_id = 0;

  file = crs_ward_xml_read_file (path, 0, DRAFT_MAX_BYTES, error);
  if (file == NULL)
    return NULL;

  entry = file->patients->len == 1 ? g_ptr_array_index (file->patients, 0) : NULL;
  ward_id = crs_ward_file_get_setting (file, KEY_WARD);
  if (entry == NULL || entry->observations->len != 1 || ward_id == NULL
      || !read_id_setting (file, KEY_PATIENT, &patient_id)
      || !read_id_setting (file, KEY_ACCOUNT, &draft->account_id)
      || !read_id_setting (file, KEY_AMENDS, &draft->amends_id)
      || !read_id_setting (file, KEY_KEPT_AT, &draft->kept_at))
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("%s is not a kept observation set"), path);
      return NULL;
    }
  draft->ward_id = g_strdup (ward_id);
  draft->reason = g_strdup (crs_ward_file_get_setting (file, KEY_REASON));
  draft->patient = g_object_ref (entry->patient);
  draft->patient->id = patient_id;
  draft->observation = g_object_ref (g_ptr_array_index (entry->observations, 0));
  /* Numbers the reader gave inside the file: the set is not saved yet. */
  draft->observation->id = 0;
  draft->observation->patient_id = patient_id;
  return g_steal_pointer (&draft);
}

static int
compare_kept_at (gconstpointer a,
                 gconstpointer b)
{
  const CrsSetDraft *da = *(CrsSetDraft * const *) a;
  const CrsSetDraft *db = *(CrsSetDraft * const *) b;

  if (da->kept_at != db->kept_at)
    return da->kept_at < db->kept_at ? -1 : 1;
  return g_strcmp0 (da->path, db->path);
}

GPtrArray *
crs_set_draft_list (const char *dir,
                    const char *ward_id,
                    GPtrArray **problems,
                    GError    **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_set_draft_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (ward_id != NULL, NULL);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      CrsSetDraft *draft;

      if (!g_str_has_prefix (name, DRAFT_PREFIX) || !g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      draft = read_draft (path, &local_error);
      if (draft == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (*problems, g_strdup (local_error->message));
          g_clear_error (&local_error);
          continue;
        }
      if (g_strcmp0 (draft->ward_id, ward_id) != 0)
        {
          crs_set_draft_free (draft);
          continue;
        }
      draft->path = g_steal_pointer (&path);
      g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, compare_kept_at);
  return g_steal_pointer (&drafts);
}
