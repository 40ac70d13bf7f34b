/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-patients.c: patients: added, updated, archived and restored,
 * never deleted; every change audited with the values before and after. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "crs-store-private.h"

#define PATIENT_COLUMNS \
  "id, mrn, name, birth_date, sex, weight_kg, bed, ward, diagnosis, risk_notes, " \
  "spo2_scale, use_capd, high_disease_burden, comorbidities, prior_crs, archived"

static CrsPatient *
read_patient (CrsDbStmt  *stmt,
              GError       **error)
{
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  const char *sex = crs_db_column_text (stmt, 4);

  patient->id = crs_db_column_int64 (stmt, 0);
  patient->mrn = crs_column_text (stmt, 1);
  patient->name = crs_column_text (stmt, 2);
  patient->birth_date = crs_column_text (stmt, 3);
  if (sex != NULL && !crs_sex_from_id (sex, &patient->sex))
    {
      crs_set_unknown_choice (error, "patient", patient->id, "sex");
      return NULL;
    }
  patient->weight_kg = crs_column_double (stmt, 5);
  patient->bed = crs_column_text (stmt, 6);
  patient->ward = crs_column_text (stmt, 7);
  patient->diagnosis = crs_column_text (stmt, 8);
  patient->risk_notes = crs_column_text (stmt, 9);
  patient->spo2_scale = crs_db_column_int (stmt, 10);
  patient->use_capd = crs_db_column_int (stmt, 11) != 0;
  patient->high_disease_burden = crs_db_column_int (stmt, 12) != 0;
  patient->comorbidities = crs_db_column_int (stmt, 13) != 0;
  patient->prior_crs = crs_db_column_int (stmt, 14) != 0;
  patient->archived = crs_db_column_int (stmt, 15) != 0;
  return g_steal_pointer (&patient);
}

/* An ISO 8601 calendar date, "YYYY-MM-DD", that exists. */
static gboolean
is_iso_date (const char *text)
{
  int y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
validate_patient (CrsPatient  *patient,
                  GError     **error)
{
  if (patient->mrn == NULL || *patient->mrn == '\0')
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("The patient has no medical record number (MRN)."));
      return FALSE;
    }
  if (!crs_check_text ("mrn", patient->mrn, error) ||
      !crs_check_text ("name", patient->name, error) ||
      !crs_check_text ("birth_date", patient->birth_date, error) ||
      !crs_check_text ("bed", patient->bed, error) ||
      !crs_check_text ("ward", patient->ward, error) ||
      !crs_check_text ("diagnosis", patient->diagnosis, error) ||
      !crs_check_text ("risk_notes", patient->risk_notes, error) ||
      !crs_check_double ("weight_kg", patient->weight_kg, error) ||
      !crs_check_choice ("sex", patient->sex, crs_sex_to_id (patient->sex), error))
    return FALSE;
  if (patient->birth_date != NULL && !is_iso_date (patient->birth_date))
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("The date of birth must be a date written YYYY-MM-DD."));
      return FALSE;
    }
  if (patient->spo2_scale != 1 && patient->spo2_scale != 2)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("The NEWS2 SpO₂ scale must be 1 or 2."));
      return FALSE;
    }
  return TRUE;
}

/* Parameters ?1..?15 of an insert or update, in PATIENT_COLUMNS order
 * without the id. */
static void
bind_patient (CrsDbStmt *stmt,
              CrsPatient   *patient)
{
  crs_bind_text (stmt, 1, patient->mrn);
  crs_bind_text (stmt, 2, patient->name);
  crs_bind_text (stmt, 3, patient->birth_date);
  crs_bind_id (stmt, 4, crs_sex_to_id (patient->sex));
  crs_bind_double (stmt, 5, patient->weight_kg);
  crs_bind_text (stmt, 6, patient->bed);
  crs_bind_text (stmt, 7, patient->ward);
  crs_bind_text (stmt, 8, patient->diagnosis);
  crs_bind_text (stmt, 9, patient->risk_notes);
  crs_db_bind_int (stmt, 10, patient->spo2_scale);
  crs_db_bind_int (stmt, 11, patient->use_capd != 0);
  crs_db_bind_int (stmt, 12, patient->high_disease_burden != 0);
  crs_db_bind_int (stmt, 13, patient->comorbidities != 0);
  crs_db_bind_int (stmt, 14, patient->prior_crs != 0);
  crs_db_bind_int (stmt, 15, patient->archived != 0);
}

/* A clear message for a duplicate MRN rather than SQLite's own. */
static gboolean
check_mrn_free (CrsStore    *self,
                const char  *mrn,
                gint64       own_id,
                GError     **error)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, "SELECT id FROM patient WHERE mrn = ?1",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crs_db_bind_text (stmt, 1, mrn, -1);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW && crs_db_column_int64 (stmt, 0) != own_id)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT,
                   _("Another patient already has the MRN %s (perhaps an archived one). "
                     "Each MRN can be used once on a ward."),
                   mrn);
      return FALSE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("check the MRN"), error);
  return TRUE;
}

gboolean
crs_store_check_patient (CrsStore  *self,
                         gint64     patient_id,
                         GError   **error)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, "SELECT 1 FROM patient WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crs_db_bind_int64 (stmt, 1, patient_id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("read the patient"), error);
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
               _("There is no patient %" PRId64 " in the ward database."), patient_id);
  return FALSE;
}

static int
compare_by_bed (gconstpointer a,
                gconstpointer b)
{
  CrsPatient *pa = *(CrsPatient * const *) a;
  CrsPatient *pb = *(CrsPatient * const *) b;
  int result;

  /* Patients without a bed go last. */
  if ((pa->bed == NULL) != (pb->bed == NULL))
    return pa->bed == NULL ? 1 : -1;
  if (pa->bed != NULL)
    {
      /* Natural order: bed 2 before bed 10. */
      g_autofree char *ka = g_utf8_collate_key_for_filename (pa->bed, -1);
      g_autofree char *kb = g_utf8_collate_key_for_filename (pb->bed, -1);
      result = strcmp (ka, kb);
      if (result != 0)
        return result;
    }
  return pa->id < pb->id ? -1 : pa->id > pb->id;
}

GPtrArray *
crs_store_list_patients (CrsStore  *self,
                         gboolean   include_archived,
                         GError   **error)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, include_archived
                                  ? "SELECT " PATIENT_COLUMNS " FROM patient"
                                  : "SELECT " PATIENT_COLUMNS " FROM patient WHERE archived = 0",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      CrsPatient *patient = read_patient (stmt, error);
      if (patient == NULL)
        return NULL;
      g_ptr_array_add (patients, patient);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the patients"), error);
      return NULL;
    }
  g_ptr_array_sort (patients, compare_by_bed);
  return g_steal_pointer (&patients);
}

static CrsPatient *
get_patient_where (CrsStore    *self,
                   const char  *sql,
                   gint64       id,
                   const char  *mrn,
                   GError     **error)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (mrn != NULL)
    crs_db_bind_text (stmt, 1, mrn, -1);
  else
    crs_db_bind_int64 (stmt, 1, id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return read_patient (stmt, error);
  if (rc != SQLITE_DONE)
    crs_store_fail (self, rc, _("read the patient"), error);
  return NULL;
}

CrsPatient *
crs_store_get_patient (CrsStore  *self,
                       gint64     patient_id,
                       GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  CrsPatient *patient;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  patient = get_patient_where (self, "SELECT " PATIENT_COLUMNS " FROM patient WHERE id = ?1",
                               patient_id, NULL, &local_error);
  if (patient == NULL && local_error == NULL)
    g_set_error (&local_error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                 _("There is no patient %" PRId64 " in the ward database."),
                 patient_id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return patient;
}

CrsPatient *
crs_store_find_patient_by_mrn (CrsStore    *self,
                               const char  *mrn,
                               GError     **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), NULL);
  g_return_val_if_fail (mrn != NULL, NULL);

  return get_patient_where (self, "SELECT " PATIENT_COLUMNS " FROM patient WHERE mrn = ?1",
                            0, mrn, error);
}

gboolean
crs_store_add_patient (CrsStore    *self,
                       CrsPatient  *patient,
                       GError     **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), FALSE);

  if (!validate_patient (patient, error))
    return FALSE;
  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;

  if (!check_mrn_free (self, patient->mrn, 0, error))
    return FALSE;

  stmt = crs_store_prepare (self,
                            "INSERT INTO patient (mrn, name, birth_date, sex, weight_kg, bed, ward,"
                            " diagnosis, risk_notes, spo2_scale, use_capd, high_disease_burden,"
                            " comorbidities, prior_crs, archived)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                            " RETURNING id",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_patient (stmt, patient);
  id = crs_store_insert (stmt, &rc);
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("save the patient"), error);

  if (!crs_store_audit (self, crs_store_insert_action (self), "patient", id, NULL, NULL, error) ||
      !crs_write_commit (write, id, error))
    return FALSE;

  patient->id = id;
  return TRUE;
}

/* Runs @sql (which changes patient ?16) and audits it as @action; does
 * nothing when the row is the same afterwards. */
static gboolean
change_patient (CrsStore    *self,
                gint64       patient_id,
                const char  *action,
                const char  *sql,
                CrsPatient  *values,
                int          archived,
                GError     **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int rc;

  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;

  before = crs_store_row_json (self, "patient", patient_id, error);
  if (before == NULL)
    return FALSE;
  if (values != NULL && !check_mrn_free (self, values->mrn, patient_id, error))
    return FALSE;

  stmt = crs_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (values != NULL)
    bind_patient (stmt, values);
  else
    crs_db_bind_int (stmt, 15, archived);
  crs_db_bind_int64 (stmt, 16, patient_id);
  rc = crs_db_step (stmt);
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("save the patient"), error);

  after = crs_store_row_json (self, "patient", patient_id, error);
  if (after == NULL)
    return FALSE;
  /* Nothing to save: no audit row, no "changed" (the guard rolls back). */
  if (g_strcmp0 (before, after) == 0)
    return TRUE;
  if (!crs_store_audit (self, action, "patient", patient_id, before, after, error))
    return FALSE;

  /* The birth date, SpO2 scale or CAPD choice change how every set reads. */
  if (values != NULL && !crs_store_raise_late_red_flags (self, patient_id, 0, 0, error))
    return FALSE;
  return crs_write_commit (write, patient_id, error);
}

gboolean
crs_store_update_patient (CrsStore    *self,
                          CrsPatient  *patient,
                          GError     **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_PATIENT (patient), FALSE);

  if (!validate_patient (patient, error))
    return FALSE;

  /* Archiving has its own call and its own audit action: archived is
   * left as it is here. */
  return change_patient (self, patient->id, "update",
                         "UPDATE patient SET mrn = ?1, name = ?2, birth_date = ?3, sex = ?4,"
                         " weight_kg = ?5, bed = ?6, ward = ?7, diagnosis = ?8, risk_notes = ?9,"
                         " spo2_scale = ?10, use_capd = ?11, high_disease_burden = ?12,"
                         " comorbidities = ?13, prior_crs = ?14 WHERE id = ?16",
                         patient, 0, error);
}

gboolean
crs_store_set_archived (CrsStore  *self,
                        gint64     patient_id,
                        gboolean   archived,
                        GError   **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  return change_patient (self, patient_id, archived ? "archive" : "restore",
                         "UPDATE patient SET archived = ?15 WHERE id = ?16",
                         NULL, archived != 0, error);
}
