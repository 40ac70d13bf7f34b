/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* Binds a record's columns to its INSERT; @author is the one to save. */
typedef void (*BindRecord) (CrsDbStmt *stmt,
                            gpointer      record,
                            const char   *author);

/* Reads one row of a SELECT into a new record, or sets @error. */
typedef GObject *(*ReadRow) (CrsDbStmt  *stmt,
                             GError       **error);

/* Saves one record of a patient already checked field by field: one write
 * transaction that checks the patient, runs @sql bound by @bind, audits
 * the insert in @table, raises the late red flags of the sets taken at or
 * after @regrade_from (-1: the record changes no grade) and commits. On success sets *@id and hands the
 * author saved to *@author (the one given, else the nurse saving now). */
static gboolean
add_record (CrsStore      *self,
            gint64         patient_id,
            const char    *table,
            const char    *sql,
            BindRecord     bind,
            gpointer       record,
            gint64         regrade_from,
            gint64        *id,
            char         **author,
            const char    *what,
            GError       **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  /* A given author is kept unless a nurse is signed in (outside an
   * import): then the record is hers. */
  g_autofree char *saved_by = g_strdup ((self->account == NULL || self->batch_import) &&
                                        *author != NULL && **author != '\0'
                                        ? *author : crs_store_current_author (self));
  gint64 new_id;
  int rc;

  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;
  if (!crs_store_check_patient (self, patient_id, error))
    return FALSE;
  stmt = crs_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind (stmt, record, saved_by);

  new_id = crs_store_insert (stmt, &rc);
  crs_db_reset (stmt);
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, what, error);
  if (!crs_store_audit (self, crs_store_insert_action (self), table, new_id, NULL, NULL, error) ||
      (regrade_from >= 0 && !crs_store_raise_late_red_flags (self, patient_id, regrade_from, 0, error)) ||
      !crs_write_commit (write, patient_id, error))
    return FALSE;

  *id = new_id;
  g_free (*author);
  *author = g_steal_pointer (&saved_by);
  return TRUE;
}

/* The records of one patient that @sql (with the patient's id as ?1)
 * selects, each read by @read. */
static GPtrArray *
list_records (CrsStore    *self,
              gint64       patient_id,
              const char  *sql,
              ReadRow      read,
              const char  *what,
              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  stmt = crs_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, patient_id);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      GObject *record = read (stmt, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (list, record);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, what, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---------------------------------------------------------------------- */

static void
bind_infusion (CrsDbStmt *stmt,
               gpointer      record,
               const char   *author)
{
  CrsInfusion *infusion = record;

  crs_db_bind_int64 (stmt, 1, infusion->patient_id);
  crs_bind_text (stmt, 2, infusion->therapy_code);
  crs_bind_text (stmt, 3, infusion->therapy_name);
  crs_bind_double (stmt, 4, infusion->dose);
  crs_bind_text (stmt, 5, infusion->dose_unit);
  crs_bind_text (stmt, 6, infusion->step_label);
  crs_db_bind_int64 (stmt, 7, infusion->start_at);
  crs_bind_time (stmt, 8, infusion->end_at);
  crs_bind_text (stmt, 9, infusion->note);
  crs_bind_text (stmt, 10, author);
}

gboolean
crs_store_add_infusion (CrsStore     *self,
                        CrsInfusion  *infusion,
                        GError      **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_INFUSION (infusion), FALSE);

  return check_time ("start_at", infusion->start_at, error) &&
         crs_check_text ("therapy_code", infusion->therapy_code, error) &&
         crs_check_text ("therapy_name", infusion->therapy_name, error) &&
         crs_check_text ("dose_unit", infusion->dose_unit, error) &&
         crs_check_text ("step_label", infusion->step_label, error) &&
         crs_check_text ("note", infusion->note, error) &&
         crs_check_text ("author", infusion->author, error) &&
         crs_check_double ("dose", infusion->dose, error) &&
         add_record (self, infusion->patient_id, "infusion",
                     "INSERT INTO infusion (patient_id, therapy_code, therapy_name, dose,"
                     " dose_unit, step_label, start_at, end_at, note, author)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                     bind_infusion, infusion, infusion->start_at, &infusion->id, &infusion->author,
                     _("save the infusion"), error);
}

static GObject *
read_infusion (CrsDbStmt  *stmt,
               GError       **error)
{
  CrsInfusion *infusion = crs_infusion_new ();

  infusion->id = crs_db_column_int64 (stmt, 0);
  infusion->patient_id = crs_db_column_int64 (stmt, 1);
  infusion->therapy_code = crs_column_text (stmt, 2);
  infusion->therapy_name = crs_column_text (stmt, 3);
  infusion->dose = crs_column_double (stmt, 4);
  infusion->dose_unit = crs_column_text (stmt, 5);
  infusion->step_label = crs_column_text (stmt, 6);
  infusion->start_at = crs_db_column_int64 (stmt, 7);
  infusion->end_at = crs_column_time (stmt, 8);
  infusion->note = crs_column_text (stmt, 9);
  infusion->author = crs_column_text (stmt, 10);
  return G_OBJECT (infusion);
}

GPtrArray *
crs_store_list_infusions (CrsStore  *self,
                          gint64     patient_id,
                          GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  return list_records (self, patient_id,
                       "SELECT id, patient_id, therapy_code, therapy_name, dose,"
                       " dose_unit, step_label, start_at, end_at, note, author"
                       " FROM infusion WHERE patient_id = ?1 ORDER BY start_at, id",
                       read_infusion, _("read the infusions"), error);
}

/* ---------------------------------------------------------------------- */

static void
bind_intervention (CrsDbStmt *stmt,
                   gpointer      record,
                   const char   *author)
{
  CrsIntervention *intervention = record;

  crs_db_bind_int64 (stmt, 1, intervention->patient_id);
  crs_db_bind_int64 (stmt, 2, intervention->at);
  crs_bind_id (stmt, 3, crs_intervention_kind_to_id (intervention->kind));
  crs_bind_text (stmt, 4, intervention->drug);
  crs_bind_text (stmt, 5, intervention->dose);
  crs_bind_text (stmt, 6, intervention->note);
  crs_bind_text (stmt, 7, author);
}

gboolean
crs_store_add_intervention (CrsStore         *self,
                            CrsIntervention  *intervention,
                            GError          **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_INTERVENTION (intervention), FALSE);

  return check_time ("at", intervention->at, error) &&
         crs_check_choice ("kind", intervention->kind,
                           crs_intervention_kind_to_id (intervention->kind), error) &&
         crs_check_text ("drug", intervention->drug, error) &&
         crs_check_text ("dose", intervention->dose, error) &&
         crs_check_text ("note", intervention->note, error) &&
         crs_check_text ("author", intervention->author, error) &&
         add_record (self, intervention->patient_id, "intervention",
                     "INSERT INTO intervention (patient_id, at, kind, drug, dose, note, author)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                     bind_intervention, intervention, intervention->at, &intervention->id, &intervention->author,
                     _("save the intervention"), error);
}

static GObject *
read_intervention (CrsDbStmt  *stmt,
                   GError       **error)
{
  g_autoptr(CrsIntervention) intervention = crs_intervention_new ();
  const char *kind = crs_db_column_text (stmt, 3);

  intervention->id = crs_db_column_int64 (stmt, 0);
  intervention->patient_id = crs_db_column_int64 (stmt, 1);
  intervention->at = crs_db_column_int64 (stmt, 2);
  if (kind != NULL && !crs_intervention_kind_from_id (kind, &intervention->kind))
    {
      crs_set_unknown_choice (error, "intervention", intervention->id, "kind");
      return NULL;
    }
  intervention->drug = crs_column_text (stmt, 4);
  intervention->dose = crs_column_text (stmt, 5);
  intervention->note = crs_column_text (stmt, 6);
  intervention->author = crs_column_text (stmt, 7);
  return G_OBJECT (g_steal_pointer (&intervention));
}

GPtrArray *
crs_store_list_interventions (CrsStore  *self,
                              gint64     patient_id,
                              GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  return list_records (self, patient_id,
                       "SELECT id, patient_id, at, kind, drug, dose, note, author"
                       " FROM intervention WHERE patient_id = ?1 ORDER BY at, id",
                       read_intervention, _("read the interventions"), error);
}

/* ---------------------------------------------------------------------- */

static void
bind_lab_result (CrsDbStmt *stmt,
                 gpointer      record,
                 const char   *author)
{
  CrsLabResult *result = record;

  crs_db_bind_int64 (stmt, 1, result->patient_id);
  crs_db_bind_int64 (stmt, 2, result->at);
  crs_bind_text (stmt, 3, result->loinc);
  crs_bind_text (stmt, 4, result->name);
  crs_bind_double (stmt, 5, result->value);
  crs_bind_text (stmt, 6, result->unit);
  crs_bind_text (stmt, 7, result->note);
  crs_bind_text (stmt, 8, author);
}

gboolean
crs_store_add_lab_result (CrsStore      *self,
                          CrsLabResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_LAB_RESULT (result), FALSE);

  return check_time ("at", result->at, error) &&
         crs_check_text ("loinc", result->loinc, error) &&
         crs_check_text ("name", result->name, error) &&
         crs_check_text ("unit", result->unit, error) &&
         crs_check_text ("note", result->note, error) &&
         crs_check_text ("author", result->author, error) &&
         crs_check_double ("value", result->value, error) &&
         add_record (self, result->patient_id, "lab_result",
                     "INSERT INTO lab_result (patient_id, at, loinc, name, value, unit, note,"
                     " author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                     bind_lab_result, result, -1, &result->id, &result->author,
                     _("save the lab result"), error);
}

static GObject *
read_lab_result (CrsDbStmt  *stmt,
                 GError       **error)
{
  CrsLabResult *result = crs_lab_result_new ();

  result->id = crs_db_column_int64 (stmt, 0);
  result->patient_id = crs_db_column_int64 (stmt, 1);
  result->at = crs_db_column_int64 (stmt, 2);
  result->loinc = crs_column_text (stmt, 3);
  result->name = crs_column_text (stmt, 4);
  result->value = crs_column_double (stmt, 5);
  result->unit = crs_column_text (stmt, 6);
  result->note = crs_column_text (stmt, 7);
  result->author = crs_column_text (stmt, 8);
  return G_OBJECT (result);
}

GPtrArray *
crs_store_list_lab_results (CrsStore  *self,
                            gint64     patient_id,
                            GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  return list_records (self, patient_id,
                       "SELECT id, patient_id, at, loinc, name, value, unit, note,"
                       " author FROM lab_result WHERE patient_id = ?1"
                       " ORDER BY at, id", read_lab_result, _("read the lab results"), error);
}
