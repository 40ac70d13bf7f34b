/* crs-store-records.c: infusions, interventions and lab results: added
 * and listed, never changed (the database refuses UPDATE and DELETE on
 * them). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-store-private.h"

static gboolean
check_time (const char  *field,
            gint64       value,
            GError     **error)
{
  if (value == 0)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("The time “%s” is missing."), field);
      return FALSE;
    }
  return TRUE;
}

/* The author kept from an import, or the nurse saving now. */
static char *
record_author (CrsStore   *self,
               const char *given)
{
  return g_strdup (given != NULL && *given != '\0' ? given : self->author);
}

/* Runs the bound insert @stmt, audits it and commits. Returns the new id,
 * 0 on error (after rolling back). */
static gint64
finish_insert (CrsStore      *self,
               sqlite3_stmt  *stmt,
               const char    *table,
               gint64         patient_id,
               const char    *what,
               GError       **error)
{
  int rc = sqlite3_step (stmt);
  gint64 id;

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, what, error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!crs_store_audit (self, crs_store_insert_action (self), table, id, NULL, NULL, error) ||
      !crs_store_write_commit (self, patient_id, error))
    return 0;
  return id;
}

/* ---------------------------------------------------------------------- */

gboolean
crs_store_add_infusion (CrsStore     *self,
                        CrsInfusion  *infusion,
                        GError      **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *author = NULL;
  gint64 id;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_INFUSION (infusion), FALSE);

  if (!check_time ("start_at", infusion->start_at, error) ||
      !crs_check_text ("therapy_code", infusion->therapy_code, error) ||
      !crs_check_text ("therapy_name", infusion->therapy_name, error) ||
      !crs_check_text ("dose_unit", infusion->dose_unit, error) ||
      !crs_check_text ("step_label", infusion->step_label, error) ||
      !crs_check_text ("note", infusion->note, error) ||
      !crs_check_text ("author", infusion->author, error) ||
      !crs_check_double ("dose", infusion->dose, error))
    return FALSE;

  author = record_author (self, infusion->author);
  if (!crs_store_write_begin (self, error))
    return FALSE;
  if (!crs_store_check_patient (self, infusion->patient_id, error))
    goto fail;

  stmt = crs_store_prepare (self,
                            "INSERT INTO infusion (patient_id, therapy_code, therapy_name, dose,"
                            " dose_unit, step_label, start_at, end_at, note, author)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, infusion->patient_id);
  crs_bind_text (stmt, 2, infusion->therapy_code);
  crs_bind_text (stmt, 3, infusion->therapy_name);
  crs_bind_double (stmt, 4, infusion->dose);
  crs_bind_text (stmt, 5, infusion->dose_unit);
  crs_bind_text (stmt, 6, infusion->step_label);
  sqlite3_bind_int64 (stmt, 7, infusion->start_at);
  crs_bind_time (stmt, 8, infusion->end_at);
  crs_bind_text (stmt, 9, infusion->note);
  crs_bind_text (stmt, 10, author);

  id = finish_insert (self, stmt, "infusion", infusion->patient_id, _("save the infusion"), error);
  if (id == 0)
    goto fail;
  infusion->id = id;
  g_free (infusion->author);
  infusion->author = g_steal_pointer (&author);
  return TRUE;

fail:
  crs_store_write_abort (self);
  return FALSE;
}

GPtrArray *
crs_store_list_infusions (CrsStore  *self,
                          gint64     patient_id,
                          GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, "SELECT id, patient_id, therapy_code, therapy_name, dose,"
                                  " dose_unit, step_label, start_at, end_at, note, author"
                                  " FROM infusion WHERE patient_id = ?1 ORDER BY start_at, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrsInfusion *infusion = crs_infusion_new ();

      infusion->id = sqlite3_column_int64 (stmt, 0);
      infusion->patient_id = sqlite3_column_int64 (stmt, 1);
      infusion->therapy_code = crs_column_text (stmt, 2);
      infusion->therapy_name = crs_column_text (stmt, 3);
      infusion->dose = crs_column_double (stmt, 4);
      infusion->dose_unit = crs_column_text (stmt, 5);
      infusion->step_label = crs_column_text (stmt, 6);
      infusion->start_at = sqlite3_column_int64 (stmt, 7);
      infusion->end_at = crs_column_time (stmt, 8);
      infusion->note = crs_column_text (stmt, 9);
      infusion->author = crs_column_text (stmt, 10);
      g_ptr_array_add (list, infusion);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the infusions"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------- */

gboolean
crs_store_add_intervention (CrsStore         *self,
                            CrsIntervention  *intervention,
                            GError          **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *author = NULL;
  gint64 id;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_INTERVENTION (intervention), FALSE);

  if (!check_time ("at", intervention->at, error) ||
      !crs_check_choice ("kind", intervention->kind,
                         crs_intervention_kind_to_id (intervention->kind), error) ||
      !crs_check_text ("drug", intervention->drug, error) ||
      !crs_check_text ("dose", intervention->dose, error) ||
      !crs_check_text ("note", intervention->note, error) ||
      !crs_check_text ("author", intervention->author, error))
    return FALSE;

  author = record_author (self, intervention->author);
  if (!crs_store_write_begin (self, error))
    return FALSE;
  if (!crs_store_check_patient (self, intervention->patient_id, error))
    goto fail;

  stmt = crs_store_prepare (self,
                            "INSERT INTO intervention (patient_id, at, kind, drug, dose, note, author)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, intervention->patient_id);
  sqlite3_bind_int64 (stmt, 2, intervention->at);
  crs_bind_id (stmt, 3, crs_intervention_kind_to_id (intervention->kind));
  crs_bind_text (stmt, 4, intervention->drug);
  crs_bind_text (stmt, 5, intervention->dose);
  crs_bind_text (stmt, 6, intervention->note);
  crs_bind_text (stmt, 7, author);

  id = finish_insert (self, stmt, "intervention", intervention->patient_id,
                      _("save the intervention"), error);
  if (id == 0)
    goto fail;
  intervention->id = id;
  g_free (intervention->author);
  intervention->author = g_steal_pointer (&author);
  return TRUE;

fail:
  crs_store_write_abort (self);
  return FALSE;
}

GPtrArray *
crs_store_list_interventions (CrsStore  *self,
                              gint64     patient_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, "SELECT id, patient_id, at, kind, drug, dose, note, author"
                                  " FROM intervention WHERE patient_id = ?1 ORDER BY at, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CrsIntervention) intervention = crs_intervention_new ();
      const char *kind = (const char *) sqlite3_column_text (stmt, 3);

      intervention->id = sqlite3_column_int64 (stmt, 0);
      intervention->patient_id = sqlite3_column_int64 (stmt, 1);
      intervention->at = sqlite3_column_int64 (stmt, 2);
      if (kind != NULL && !crs_intervention_kind_from_id (kind, &intervention->kind))
        {
          crs_set_unknown_choice (error, "intervention", intervention->id, "kind");
          return NULL;
        }
      intervention->drug = crs_column_text (stmt, 4);
      intervention->dose = crs_column_text (stmt, 5);
      intervention->note = crs_column_text (stmt, 6);
      intervention->author = crs_column_text (stmt, 7);
      g_ptr_array_add (list, g_steal_pointer (&intervention));
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the interventions"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------- */

gboolean
crs_store_add_lab_result (CrsStore      *self,
                          CrsLabResult  *result,
                          GError       **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *author = NULL;
  gint64 id;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_LAB_RESULT (result), FALSE);

  if (!check_time ("at", result->at, error) ||
      !crs_check_text ("loinc", result->loinc, error) ||
      !crs_check_text ("name", result->name, error) ||
      !crs_check_text ("unit", result->unit, error) ||
      !crs_check_text ("note", result->note, error) ||
      !crs_check_text ("author", result->author, error) ||
      !crs_check_double ("value", result->value, error))
    return FALSE;

  author = record_author (self, result->author);
  if (!crs_store_write_begin (self, error))
    return FALSE;
  if (!crs_store_check_patient (self, result->patient_id, error))
    goto fail;

  stmt = crs_store_prepare (self,
                            "INSERT INTO lab_result (patient_id, at, loinc, name, value, unit, note,"
                            " author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, result->patient_id);
  sqlite3_bind_int64 (stmt, 2, result->at);
  crs_bind_text (stmt, 3, result->loinc);
  crs_bind_text (stmt, 4, result->name);
  crs_bind_double (stmt, 5, result->value);
  crs_bind_text (stmt, 6, result->unit);
  crs_bind_text (stmt, 7, result->note);
  crs_bind_text (stmt, 8, author);

  id = finish_insert (self, stmt, "lab_result", result->patient_id, _("save the lab result"),
                      error);
  if (id == 0)
    goto fail;
  result->id = id;
  g_free (result->author);
  result->author = g_steal_pointer (&author);
  return TRUE;

fail:
  crs_store_write_abort (self);
  return FALSE;
}

GPtrArray *
crs_store_list_lab_results (CrsStore  *self,
                            gint64     patient_id,
                            GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, "SELECT id, patient_id, at, loinc, name, value, unit, note,"
                                  " author FROM lab_result WHERE patient_id = ?1"
                                  " ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrsLabResult *result = crs_lab_result_new ();

      result->id = sqlite3_column_int64 (stmt, 0);
      result->patient_id = sqlite3_column_int64 (stmt, 1);
      result->at = sqlite3_column_int64 (stmt, 2);
      result->loinc = crs_column_text (stmt, 3);
      result->name = crs_column_text (stmt, 4);
      result->value = crs_column_double (stmt, 5);
      result->unit = crs_column_text (stmt, 6);
      result->note = crs_column_text (stmt, 7);
      result->author = crs_column_text (stmt, 8);
      g_ptr_array_add (list, result);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the lab results"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
