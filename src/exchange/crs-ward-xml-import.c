/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-import.c: a ward file into the store, all or nothing.
 *
 * The file has been read and checked in full before this runs (the
 * reader touches no database). Everything is then added inside one
 * import batch of the store: one transaction, audited as "import", which
 * keeps each record's author and times. Any refusal rolls the whole batch
 * back, so the database is as it was.
 *
 * A set that comes without stored grades (the demo ward, a file written by
 * hand) is graded on the way in, as the app grades a set when a nurse
 * saves it: with its own history as context (crs-grading-history.h)
 * and the ward's policy (crs_store_load_policy), red flag included. A
 * set with stored grades keeps them: an import never regrades. */
#define G_LOG_DOMAIN "crs-ward-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/crs-grading-history.h"
#include "crs-ward-xml-private.h"

/* "Patient MRN-1 (line 12)" or "Patient MRN-1". */
static char *
describe_patient (CrsWardFilePatient *entry)
{
  if (entry->line > 0)
    return g_strdup_printf (_("Patient %s (line %d)"), entry->patient->mrn, entry->line);
  return g_strdup_printf (_("Patient %s"), entry->patient->mrn);
}

static char *
describe_time (gint64 at)
{
  g_autofree char *text = crs_ward_xml_format_time (at);

  return g_strdup (text != NULL ? text : "?");
}

/* Prefixes @error with the patient and the record it concerns. */
static void
blame (GError             **error,
       CrsWardFilePatient  *entry,
       const char          *what)
{
  g_autofree char *who = describe_patient (entry);

  if (what != NULL)
    g_prefix_error (error, "%s, %s: ", who, what);
  else
    g_prefix_error (error, "%s: ", who);
}

/* The MRNs of @file already in the database, as one message; NULL if none. */
static char *
find_duplicates (CrsStore     *store,
                 CrsWardFile  *file,
                 GError      **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < file->patients->len; i++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, i);
      g_autoptr(CrsPatient) existing = NULL;
      g_autofree char *who = NULL;

      existing = crs_store_find_patient_by_mrn (store, entry->patient->mrn, error);
      if (existing == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      who = entry->line > 0
            ? g_strdup_printf (_("%s (line %d)"), entry->patient->mrn, entry->line)
            : g_strdup (entry->patient->mrn);
      if (n++ > 0)
        g_string_append (list, ", ");
      g_string_append (list, who);
    }

  if (n == 0)
    return g_strdup ("");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This patient is already in the ward database: %s. "
                                       "Nothing was imported; patients are never merged.",
                                       "These patients are already in the ward database: %s. "
                                       "Nothing was imported; patients are never merged.", n),
                          list->str);
}

static gboolean
needs_grades (CrsObservation *obs)
{
  return obs->stored_rules == NULL && crs_is_missing_int (obs->stored_crs_grade) &&
         crs_is_missing_int (obs->stored_icans_grade) && crs_is_missing_int (obs->stored_news2) &&
         crs_is_missing_int (obs->stored_pews) && crs_is_missing_int (obs->stored_pews_level);
}

/* Gradings for the sets of @entry that have none: a table of
 * CrsObservation * -> CrsGrading * (owned by the table). Each set is
 * graded with the patient's whole history in the file, as the app grades
 * a set (core: crs-grading-history.h). */
static GHashTable *
grade_missing (CrsStore           *store,
               CrsWardFilePatient *entry)
{
  GHashTable *gradings = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) crs_grading_free);
  g_autoptr(CrsGradingHistory) history = NULL;
  CrsWardPolicy policy;

  /* Graded with this ward's policy (its documented defaults where the
   * ward has chosen nothing). */
  crs_store_load_policy (store, &policy);
  history = crs_grading_history_new (entry->patient, entry->observations, entry->interventions,
                                     entry->infusions);
  for (guint i = 0; i < entry->observations->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (entry->observations, i);
      CrsGradingContext context;
      CrsGrading *grading;

      if (!needs_grades (obs))
        continue;
      crs_grading_history_context (history, obs->taken_at, &context);
      /* The numbers are what is stored: no words needed. */
      grading = g_new0 (CrsGrading, 1);
      crs_grading_compute (grading, obs, &context, &policy);
      g_hash_table_insert (gradings, obs, grading);
    }
  return gradings;
}

static gboolean
save_observation (CrsStore              *store,
                  CrsWardFilePatient    *entry,
                  CrsObservation        *obs,
                  const gint64          *old_id,
                  gint64                 patient_id,
                  GHashTable            *gradings,
                  GHashTable            *ids,
                  CrsWardImportSummary  *summary,
                  GError               **error)
{
  g_autoptr(CrsObservation) copy = crs_observation_copy (obs);
  CrsGrading *grading;

  copy->id = 0;
  copy->patient_id = patient_id;
  copy->supersedes_id = old_id != NULL ? *old_id : 0;
  copy->superseded_by_id = 0;

  grading = g_hash_table_lookup (gradings, obs);
  if (grading != NULL)
    {
      crs_grading_stamp (grading, copy);
      summary->graded++;
    }

  if (!crs_store_add_observation (store, copy, error))
    {
      g_autofree char *taken = describe_time (obs->taken_at);
      g_autofree char *what = g_strdup_printf (_("observation set taken %s"), taken);
      blame (error, entry, what);
      return FALSE;
    }
  g_hash_table_insert (ids, g_memdup2 (&obs->id, sizeof obs->id),
                       g_memdup2 (&copy->id, sizeof copy->id));
  summary->observations++;
  return TRUE;
}

static gboolean
import_observations (CrsStore              *store,
                     CrsWardFilePatient    *entry,
                     gint64                 patient_id,
                     GHashTable            *ids,
                     CrsWardImportSummary  *summary,
                     GError               **error)
{
  guint done = 0, n = entry->observations->len;
  g_autoptr(GHashTable) gradings = grade_missing (store, entry);
  /* file id of a version not saved yet -> the set waiting for it */
  g_autoptr(GHashTable) waiting = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* In file order, each version after the one it supersedes: a set whose
   * earlier version comes later in the file waits for it, and is saved
   * right after it. Every set is looked at once or twice, whatever the
   * length of its chain (the reader has made sure the versions form
   * simple chains). */
  for (guint i = 0; i < n; i++)
    {
      CrsObservation *obs = g_ptr_array_index (entry->observations, i);
      gint64 *old_id = NULL;

      if (obs->supersedes_id != 0)
        {
          old_id = g_hash_table_lookup (ids, &obs->supersedes_id);
          if (old_id == NULL)
            {
              g_hash_table_insert (waiting, &obs->supersedes_id, obs);
              continue;
            }
        }
      while (obs != NULL)
        {
          if (!save_observation (store, entry, obs, old_id, patient_id, gradings, ids, summary,
                                 error))
            return FALSE;
          done++;
          old_id = g_hash_table_lookup (ids, &obs->id);
          obs = g_hash_table_lookup (waiting, &obs->id);
        }
    }

  if (done < n)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("an amendment refers to a set that is not in the file"));
      blame (error, entry, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_patient (CrsStore              *store,
                CrsWardFilePatient    *entry,
                CrsWardImportSummary  *summary,
                GError               **error)
{
  g_autoptr(CrsPatient) patient = crs_patient_copy (entry->patient);
  /* file observation id -> database id */
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  patient->id = 0;
  if (!crs_store_add_patient (store, patient, error))
    {
      blame (error, entry, NULL);
      return FALSE;
    }
  summary->patients++;

  for (guint i = 0; i < entry->infusions->len; i++)
    {
      g_autoptr(CrsInfusion) copy = crs_infusion_copy (g_ptr_array_index (entry->infusions, i));

      copy->id = 0;
      copy->patient_id = patient->id;
      if (!crs_store_add_infusion (store, copy, error))
        {
          g_autofree char *start = describe_time (copy->start_at);
          g_autofree char *what = g_strdup_printf (_("infusion started %s"), start);
          blame (error, entry, what);
          return FALSE;
        }
      summary->infusions++;
    }

  if (!import_observations (store, entry, patient->id, ids, summary, error))
    return FALSE;

  for (guint i = 0; i < entry->acknowledgements->len; i++)
    {
      CrsAcknowledgement *ack = g_ptr_array_index (entry->acknowledgements, i);
      CrsAcknowledgement copy = *ack;
      gboolean ok;
      gint64 *observation_id = g_hash_table_lookup (ids, &ack->observation_id);

      if (observation_id == NULL)
        {
          g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                       _("an acknowledgement belongs to no observation set of the patient"));
          blame (error, entry, NULL);
          return FALSE;
        }
      /* The store replaces the author it is given: give it a copy. */
      copy.id = 0;
      copy.observation_id = *observation_id;
      copy.author = g_strdup (ack->author);
      ok = crs_store_add_acknowledgement (store, &copy, error);
      g_free (copy.author);
      if (!ok)
        {
          g_autofree char *at = describe_time (ack->at);
          g_autofree char *what = g_strdup_printf (_("acknowledgement at %s"), at);
          blame (error, entry, what);
          return FALSE;
        }
      summary->acknowledgements++;
    }

  for (guint i = 0; i < entry->interventions->len; i++)
    {
      g_autoptr(CrsIntervention) copy = crs_intervention_copy (g_ptr_array_index (entry->interventions, i));

      copy->id = 0;
      copy->patient_id = patient->id;
      if (!crs_store_add_intervention (store, copy, error))
        {
          g_autofree char *at = describe_time (copy->at);
          g_autofree char *what = g_strdup_printf (_("intervention at %s"), at);
          blame (error, entry, what);
          return FALSE;
        }
      summary->interventions++;
    }

  for (guint i = 0; i < entry->lab_results->len; i++)
    {
      g_autoptr(CrsLabResult) copy = crs_lab_result_copy (g_ptr_array_index (entry->lab_results, i));

      copy->id = 0;
      copy->patient_id = patient->id;
      if (!crs_store_add_lab_result (store, copy, error))
        {
          g_autofree char *at = describe_time (copy->at);
          g_autofree char *what = g_strdup_printf (_("lab result at %s"), at);
          blame (error, entry, what);
          return FALSE;
        }
      summary->lab_results++;
    }

  return TRUE;
}

static gboolean
import_settings (CrsStore              *store,
                 CrsWardFile           *file,
                 CrsWardImportSummary  *summary,
                 GError               **error)
{
  g_autoptr(GHashTable) current = NULL;

  if (file->settings->len == 0)
    return TRUE;
  current = crs_store_list_settings (store, error);
  if (current == NULL)
    return FALSE;

  for (guint i = 0; i < file->settings->len; i++)
    {
      CrsWardFileSetting *setting = g_ptr_array_index (file->settings, i);

      /* The ward's own policy wins: an imported file never changes it. */
      if (g_hash_table_contains (current, setting->key))
        {
          summary->settings_kept++;
          continue;
        }
      if (!crs_store_set_setting (store, setting->key, setting->value, error))
        {
          g_prefix_error (error, _("Ward setting %s: "), setting->key);
          return FALSE;
        }
      summary->settings_applied++;
    }
  return TRUE;
}

/* Everything of @file into the open import batch; stops at the first
 * error (the caller rolls the batch back). */
static gboolean
import_into_batch (CrsStore              *store,
                   CrsWardFile           *file,
                   CrsWardImportSummary  *summary,
                   GError               **error)
{
  g_autofree char *duplicates = NULL;

  /* Inside the transaction, so no other workstation can add the same
   * MRN between this check and the inserts. */
  duplicates = find_duplicates (store, file, error);
  if (duplicates == NULL)
    return FALSE;
  if (*duplicates != '\0')
    {
      g_set_error_literal (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_DUPLICATE, duplicates);
      return FALSE;
    }

  if (!import_settings (store, file, summary, error))
    return FALSE;
  for (guint i = 0; i < file->patients->len; i++)
    if (!import_patient (store, g_ptr_array_index (file->patients, i), summary, error))
      return FALSE;
  return TRUE;
}

gboolean
crs_ward_file_import (CrsStore              *store,
                      CrsWardFile           *file,
                      CrsWardImportSummary  *summary,
                      GError               **error)
{
  CrsWardImportSummary local_summary = { 0 };
  GError *local_error = NULL;

  g_return_val_if_fail (CRS_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (!crs_store_begin_import (store, error))
    return FALSE;

  if (!import_into_batch (store, file, &local_summary, &local_error) ||
      !crs_store_commit_batch (store, &local_error))
    {
      crs_store_rollback_batch (store);
      if (local_error->domain != CRS_EXCHANGE_ERROR || local_error->code != CRS_EXCHANGE_ERROR_DUPLICATE)
        g_prefix_error (&local_error, "%s", _("Nothing was imported. "));
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (summary != NULL)
    *summary = local_summary;
  return TRUE;
}

gboolean
crs_ward_xml_import_file (CrsStore              *store,
                          const char            *path,
                          gint64                 anchor,
                          CrsWardImportSummary  *summary,
                          GError               **error)
{
  g_autoptr(CrsWardFile) file = NULL;

  g_return_val_if_fail (CRS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The whole file is read and checked before the database is touched. */
  file = crs_ward_xml_read_file (path, anchor, 0, error);
  if (file == NULL)
    return FALSE;
  if (!crs_ward_file_import (store, file, summary, error))
    {
      g_autoptr(GFile) gfile = g_file_new_for_path (path);
      g_autofree char *display_name = g_file_get_parse_name (gfile);

      g_prefix_error (error, "%s: ", display_name);
      return FALSE;
    }
  return TRUE;
}
