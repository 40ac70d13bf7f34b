/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-escalations.c: red flags raised after a set was saved.
 *
 * After every write that can change what earlier findings mean (a dose,
 * an infusion, a set taken earlier than others, an amendment, the
 * patient's record), the sets it can touch are graded again with the
 * full history (core: crs-grading-history.h). A set whose grading now
 * raises a red flag that it was not saved with, and that has no late red
 * flag yet, gets one in the same transaction, audited as "raise"
 * (crs-escalation.h). A change of ward policy is not such a write: it
 * applies to sets graded from then on, and to the newest set of each
 * patient (crs-patient-status.h), never to history. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/crs-grading-history.h"
#include "crs-store-private.h"

GPtrArray *
crs_store_list_late_red_flags (CrsStore  *self,
                               gint64     patient_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_late_red_flag_free);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  /* A file from before late red flags (read-only) has none. */
  if (self->schema_version < 5)
    return g_steal_pointer (&list);

  stmt = crs_store_prepare (self,
                            "SELECT id, observation_id, at, author, crs_grade, icans_grade, kinds"
                            " FROM late_red_flag WHERE patient_id = ?1 ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, patient_id);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      CrsLateRedFlag *flag = g_new0 (CrsLateRedFlag, 1);

      flag->id = crs_db_column_int64 (stmt, 0);
      flag->observation_id = crs_db_column_int64 (stmt, 1);
      flag->at = crs_db_column_int64 (stmt, 2);
      flag->author = g_strdup (crs_db_column_text (stmt, 3));
      flag->crs_grade = crs_db_column_type (stmt, 4) == SQLITE_NULL ? CRS_MISSING : crs_db_column_int (stmt, 4);
      flag->icans_grade = crs_db_column_type (stmt, 5) == SQLITE_NULL ? CRS_MISSING : crs_db_column_int (stmt, 5);
      flag->kinds = (guint) crs_db_column_int64 (stmt, 6);
      g_ptr_array_add (list, flag);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the red flags"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GArray *
crs_store_list_first_fevers (CrsStore   *self,
                             gint64      patient_id,
                             GPtrArray  *infusions,
                             GError    **error)
{
  g_autoptr(GArray) starts = crs_grading_episode_starts (infusions);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrsStmt) stmt = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  /* The partial index of current sets, in time order: the scan stops at
   * the first set with fever (core: crs_fever_min_celsius()). */
  stmt = crs_store_prepare (self,
                            "SELECT taken_at FROM observation INDEXED BY observation_current"
                            " WHERE patient_id = ?1 AND superseded_by IS NULL AND taken_at >= ?2"
                            " AND temperature_c >= ?3 ORDER BY taken_at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 start = g_array_index (starts, gint64, i);
      gint64 first = 0;
      int rc;

      crs_db_bind_int64 (stmt, 1, patient_id);
      crs_db_bind_int64 (stmt, 2, start);
      crs_db_bind_double (stmt, 3, crs_fever_min_celsius ());
      rc = crs_db_step (stmt);
      if (rc == SQLITE_ROW)
        first = crs_db_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          crs_store_fail (self, rc, _("read the observation sets"), error);
          return NULL;
        }
      crs_db_reset (stmt);
      g_array_append_val (pairs, start);
      g_array_append_val (pairs, first);
    }
  return g_steal_pointer (&pairs);
}

static gboolean
has_late_flag (GPtrArray *late,
               gint64     observation_id)
{
  for (guint i = 0; i < late->len; i++)
    if (((CrsLateRedFlag *) g_ptr_array_index (late, i))->observation_id == observation_id)
      return TRUE;
  return FALSE;
}

static gboolean
insert_late_flag (CrsStore          *self,
                  CrsObservation    *set,
                  const CrsGrading  *grading,
                  GError           **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  int crs = crs_grading_crs_value (grading);
  int icans = crs_grading_icans_value (grading);
  gint64 id;
  int rc;

  stmt = crs_store_prepare (self,
                            "INSERT INTO late_red_flag (patient_id, observation_id, at, author,"
                            " crs_grade, icans_grade, kinds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                            " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  crs_db_bind_int64 (stmt, 1, set->patient_id);
  crs_db_bind_int64 (stmt, 2, set->id);
  crs_db_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  crs_db_bind_text (stmt, 4, crs_store_current_author (self), -1);
  if (crs_is_missing_int (crs))
    crs_db_bind_null (stmt, 5);
  else
    crs_db_bind_int (stmt, 5, crs);
  if (crs_is_missing_int (icans))
    crs_db_bind_null (stmt, 6);
  else
    crs_db_bind_int (stmt, 6, icans);
  crs_db_bind_int64 (stmt, 7, grading->red_flag_kinds);
  id = crs_store_insert (stmt, &rc);
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("raise the red flag"), error);
  return crs_store_audit (self, "raise", "late_red_flag", id, NULL, NULL, error);
}

gboolean
crs_store_raise_late_red_flags (CrsStore  *self,
                                gint64     patient_id,
                                gint64     from,
                                gint64     graded_id,
                                GError   **error)
{
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(GPtrArray) infusions = NULL;
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GArray) first_fevers = NULL;
  g_autoptr(CrsGradingHistory) history = NULL;
  CrsWardPolicy policy;

  /* An import stamps every set with its full history; an old file has no
   * table for it. */
  if (self->in_batch || self->schema_version < 5)
    return TRUE;

  sets = crs_store_list_observations (self, patient_id, from, 0, FALSE, error);
  if (sets == NULL)
    return FALSE;
  /* The set just saved with its grades needs nothing: usually the newest
   * set is the only one, and a save costs no more than before. */
  for (guint i = 0; i < sets->len; i++)
    if (((CrsObservation *) g_ptr_array_index (sets, i))->id == graded_id)
      g_ptr_array_remove_index (sets, i--);
  if (sets->len == 0)
    return TRUE;

  if ((patient = crs_store_get_patient (self, patient_id, error)) == NULL ||
      (infusions = crs_store_list_infusions (self, patient_id, error)) == NULL ||
      (interventions = crs_store_list_interventions (self, patient_id, error)) == NULL ||
      (late = crs_store_list_late_red_flags (self, patient_id, error)) == NULL ||
      (first_fevers = crs_store_list_first_fevers (self, patient_id, infusions, error)) == NULL)
    return FALSE;
  crs_store_load_policy (self, &policy);

  history = crs_grading_history_new (patient, sets, interventions, infusions);
  for (guint i = 0; i + 1 < first_fevers->len; i += 2)
    crs_grading_history_set_first_fever (history, g_array_index (first_fevers, gint64, i),
                                         g_array_index (first_fevers, gint64, i + 1));

  for (guint i = 0; i < sets->len; i++)
    {
      CrsObservation *set = g_ptr_array_index (sets, i);
      CrsGradingContext context;
      CrsGrading grading;

      if (set->stored_red_flag || has_late_flag (late, set->id))
        continue;
      crs_grading_history_context (history, set->taken_at, &context);
      crs_grading_compute (&grading, set, &context, &policy);
      if (crs_grading_has_red_flag (&grading) && !insert_late_flag (self, set, &grading, error))
        return FALSE;
    }
  return TRUE;
}
