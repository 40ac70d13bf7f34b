/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-observations.c: observation sets and the acknowledged
 * escalations they raised.
 *
 * A set is never changed once saved: a correction is a new version that
 * names the one it supersedes, with a reason, and the old version gets
 * the link to it (the one update the database allows on this table). The
 * grades are stored as the caller computed them, with the rule set names;
 * the store never regrades. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "core/crs-format.h"
#include "core/crs-grade-pews.h"
#include "crs-store-private.h"

#define OBSERVATION_COLUMNS(p) \
  p"id, "p"patient_id, "p"taken_at, "p"recorded_at, "p"author, "p"supersedes, " \
  p"superseded_by, "p"amend_reason, "p"temperature_c, "p"heart_rate, "p"resp_rate, " \
  p"systolic, "p"diastolic, "p"spo2, "p"o2_device, "p"o2_flow_l_min, "p"fio2_percent, " \
  p"hypotension, "p"vasopressors, "p"vasopressin, "p"acvpu, "p"arousal, " \
  p"ice_items_recorded, "p"ice_items, "p"ice_total, "p"capd, "p"seizure, " \
  p"motor_weakness, "p"cerebral_edema, "p"symptoms, "p"note, "p"crs_grade, " \
  p"icans_grade, "p"news2, "p"grading_rules, "

/* The red flag column came with schema version 3; an older file opened
 * read-only (crs-watch-cli check) reads as raising none. */
#define RED_FLAG_COLUMN(self, p) ((self)->schema_version >= 3 ? p "red_flag" : "0")

/* The PEWS columns came with schema version 6; an older file opened
 * read-only reads as none recorded. Indexes 36-45 of a read row. */
#define PEWS_COLUMNS(p) \
  ", "p"resp_distress, "p"crt_s, "p"o2_percent, "p"bp_skip, "p"carer, "p"intuition, " \
  p"sepsis, "p"pews_band, "p"pews, "p"pews_level"
#define PEWS_COLUMNS_NONE ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
#define PEWS_COLUMN_LIST(self, p) ((self)->schema_version >= 6 ? PEWS_COLUMNS (p) : PEWS_COLUMNS_NONE)

/* "SELECT <every column> FROM ..." for this file's schema version. The
 * text is interned: the statement cache is keyed by it, and there are
 * only a handful of them. */
static const char *
select_observations (CrsStore   *self,
                     const char *prefix,
                     const char *rest)
{
  g_autofree char *sql = NULL;
  const char *columns = g_str_equal (prefix, "o.") ? OBSERVATION_COLUMNS ("o.")
                                                   : OBSERVATION_COLUMNS ("");

  sql = g_strconcat ("SELECT ", columns, g_str_equal (prefix, "o.") ? RED_FLAG_COLUMN (self, "o.")
                                                                     : RED_FLAG_COLUMN (self, ""),
                     g_str_equal (prefix, "o.") ? PEWS_COLUMN_LIST (self, "o.") : PEWS_COLUMN_LIST (self, ""),
                     " ", rest, NULL);
  return g_intern_string (sql);
}

#define READ_CHOICE(column, name, field)                                       \
  G_STMT_START {                                                               \
    const char *text_ = crs_db_column_text (stmt, column);     \
    if (text_ != NULL && !crs_##name##_from_id (text_, &obs->field))           \
      {                                                                        \
        crs_set_unknown_choice (error, "observation", obs->id, #field);        \
        return NULL;                                                           \
      }                                                                        \
  } G_STMT_END

static CrsObservation *
read_observation (CrsDbStmt  *stmt,
                  GError       **error)
{
  g_autoptr(CrsObservation) obs = crs_observation_new ();

  obs->id = crs_db_column_int64 (stmt, 0);
  obs->patient_id = crs_db_column_int64 (stmt, 1);
  obs->taken_at = crs_db_column_int64 (stmt, 2);
  obs->recorded_at = crs_db_column_int64 (stmt, 3);
  obs->author = crs_column_text (stmt, 4);
  obs->supersedes_id = crs_column_time (stmt, 5);
  obs->superseded_by_id = crs_column_time (stmt, 6);
  obs->amend_reason = crs_column_text (stmt, 7);
  obs->temperature_c = crs_column_double (stmt, 8);
  obs->heart_rate = crs_column_int (stmt, 9);
  obs->resp_rate = crs_column_int (stmt, 10);
  obs->systolic = crs_column_int (stmt, 11);
  obs->diastolic = crs_column_int (stmt, 12);
  obs->spo2 = crs_column_int (stmt, 13);
  READ_CHOICE (14, o2_device, o2_device);
  obs->o2_flow_l_min = crs_column_double (stmt, 15);
  obs->fio2_percent = crs_column_int (stmt, 16);
  READ_CHOICE (17, tri, hypotension);
  obs->vasopressors = crs_column_int (stmt, 18);
  READ_CHOICE (19, tri, vasopressin);
  READ_CHOICE (20, acvpu, acvpu);
  READ_CHOICE (21, arousal, arousal);
  obs->ice_items_recorded = crs_db_column_int (stmt, 22) != 0;
  obs->ice_items = (guint16) crs_db_column_int (stmt, 23);
  obs->ice_total = crs_column_int (stmt, 24);
  obs->capd = crs_column_int (stmt, 25);
  READ_CHOICE (26, seizure, seizure);
  READ_CHOICE (27, tri, motor_weakness);
  READ_CHOICE (28, edema, cerebral_edema);
  obs->symptoms = (guint64) crs_db_column_int64 (stmt, 29);
  obs->note = crs_column_text (stmt, 30);
  obs->stored_crs_grade = crs_column_int (stmt, 31);
  obs->stored_icans_grade = crs_column_int (stmt, 32);
  obs->stored_news2 = crs_column_int (stmt, 33);
  obs->stored_rules = crs_column_text (stmt, 34);
  obs->stored_red_flag = crs_db_column_int (stmt, 35) != 0;
  READ_CHOICE (36, resp_distress, resp_distress);
  obs->crt_s = crs_column_double (stmt, 37);
  obs->o2_percent = crs_column_double (stmt, 38);
  READ_CHOICE (39, bp_skip, bp_skip);
  READ_CHOICE (40, carer, carer);
  READ_CHOICE (41, tri, intuition);
  READ_CHOICE (42, sepsis, sepsis);
  READ_CHOICE (43, pews_band, pews_band);
  obs->stored_pews = crs_column_int (stmt, 44);
  {
    const char *level = crs_db_column_text (stmt, 45);
    CrsPewsLevel value;

    if (level != NULL && !crs_pews_level_from_id (level, &value))
      {
        crs_set_unknown_choice (error, "observation", obs->id, "stored_pews_level");
        return NULL;
      }
    obs->stored_pews_level = level != NULL ? (int) value : CRS_MISSING;
  }
  return g_steal_pointer (&obs);
}

static gboolean
validate_observation (CrsObservation  *obs,
                      GError         **error)
{
  if (obs->taken_at == 0)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("The observation set has no time when it was taken."));
      return FALSE;
    }
  return crs_check_double ("temperature_c", obs->temperature_c, error) &&
         crs_check_double ("o2_flow_l_min", obs->o2_flow_l_min, error) &&
         crs_check_choice ("o2_device", obs->o2_device, crs_o2_device_to_id (obs->o2_device), error) &&
         crs_check_choice ("hypotension", obs->hypotension, crs_tri_to_id (obs->hypotension), error) &&
         crs_check_choice ("vasopressin", obs->vasopressin, crs_tri_to_id (obs->vasopressin), error) &&
         crs_check_choice ("acvpu", obs->acvpu, crs_acvpu_to_id (obs->acvpu), error) &&
         crs_check_choice ("arousal", obs->arousal, crs_arousal_to_id (obs->arousal), error) &&
         crs_check_choice ("seizure", obs->seizure, crs_seizure_to_id (obs->seizure), error) &&
         crs_check_choice ("motor_weakness", obs->motor_weakness,
                           crs_tri_to_id (obs->motor_weakness), error) &&
         crs_check_choice ("cerebral_edema", obs->cerebral_edema,
                           crs_edema_to_id (obs->cerebral_edema), error) &&
         crs_check_double ("crt_s", obs->crt_s, error) &&
         crs_check_double ("o2_percent", obs->o2_percent, error) &&
         crs_check_choice ("resp_distress", obs->resp_distress, crs_resp_distress_to_id (obs->resp_distress), error) &&
         crs_check_choice ("bp_skip", obs->bp_skip, crs_bp_skip_to_id (obs->bp_skip), error) &&
         crs_check_choice ("carer", obs->carer, crs_carer_to_id (obs->carer), error) &&
         crs_check_choice ("intuition", obs->intuition, crs_tri_to_id (obs->intuition), error) &&
         crs_check_choice ("sepsis", obs->sepsis, crs_sepsis_to_id (obs->sepsis), error) &&
         crs_check_choice ("pews_band", obs->pews_band, crs_pews_band_to_id (obs->pews_band), error) &&
         (crs_is_missing_int (obs->stored_pews_level) ||
          crs_check_choice ("stored_pews_level", obs->stored_pews_level,
                            crs_pews_level_to_id ((CrsPewsLevel) obs->stored_pews_level), error)) &&
         crs_check_text ("author", obs->author, error) &&
         crs_check_text ("note", obs->note, error) &&
         crs_check_text ("stored_rules", obs->stored_rules, error);
}

static gint64
insert_observation (CrsStore        *self,
                    CrsObservation  *obs,
                    gint64           patient_id,
                    const char      *author,
                    gint64           recorded_at,
                    gint64           supersedes,
                    const char      *reason,
                    GError         **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  gint64 id;
  int rc;

  stmt = crs_store_prepare (self,
                            "INSERT INTO observation (patient_id, taken_at, recorded_at, author,"
                            " supersedes, amend_reason, temperature_c, heart_rate, resp_rate,"
                            " systolic, diastolic, spo2, o2_device, o2_flow_l_min, fio2_percent,"
                            " hypotension, vasopressors, vasopressin, acvpu, arousal,"
                            " ice_items_recorded, ice_items, ice_total, capd, seizure,"
                            " motor_weakness, cerebral_edema, symptoms, note, crs_grade,"
                            " icans_grade, news2, grading_rules, red_flag, resp_distress, crt_s,"
                            " o2_percent, bp_skip, carer, intuition, sepsis, pews_band, pews,"
                            " pews_level) VALUES (?1, ?2, ?3, ?4,"
                            " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                            " ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,"
                            " ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44) RETURNING id",
                            error);
  if (stmt == NULL)
    return 0;

  crs_db_bind_int64 (stmt, 1, patient_id);
  crs_db_bind_int64 (stmt, 2, obs->taken_at);
  crs_db_bind_int64 (stmt, 3, recorded_at);
  crs_bind_text (stmt, 4, author);
  crs_bind_time (stmt, 5, supersedes);
  crs_bind_text (stmt, 6, supersedes != 0 ? reason : NULL);
  crs_bind_double (stmt, 7, obs->temperature_c);
  crs_bind_int (stmt, 8, obs->heart_rate);
  crs_bind_int (stmt, 9, obs->resp_rate);
  crs_bind_int (stmt, 10, obs->systolic);
  crs_bind_int (stmt, 11, obs->diastolic);
  crs_bind_int (stmt, 12, obs->spo2);
  crs_bind_id (stmt, 13, crs_o2_device_to_id (obs->o2_device));
  crs_bind_double (stmt, 14, obs->o2_flow_l_min);
  crs_bind_int (stmt, 15, obs->fio2_percent);
  crs_bind_id (stmt, 16, crs_tri_to_id (obs->hypotension));
  crs_bind_int (stmt, 17, obs->vasopressors);
  crs_bind_id (stmt, 18, crs_tri_to_id (obs->vasopressin));
  crs_bind_id (stmt, 19, crs_acvpu_to_id (obs->acvpu));
  crs_bind_id (stmt, 20, crs_arousal_to_id (obs->arousal));
  crs_db_bind_int (stmt, 21, obs->ice_items_recorded != 0);
  crs_db_bind_int (stmt, 22, obs->ice_items);
  crs_bind_int (stmt, 23, obs->ice_total);
  crs_bind_int (stmt, 24, obs->capd);
  crs_bind_id (stmt, 25, crs_seizure_to_id (obs->seizure));
  crs_bind_id (stmt, 26, crs_tri_to_id (obs->motor_weakness));
  crs_bind_id (stmt, 27, crs_edema_to_id (obs->cerebral_edema));
  crs_db_bind_int64 (stmt, 28, (gint64) obs->symptoms);
  crs_bind_text (stmt, 29, obs->note);
  crs_bind_int (stmt, 30, obs->stored_crs_grade);
  crs_bind_int (stmt, 31, obs->stored_icans_grade);
  crs_bind_int (stmt, 32, obs->stored_news2);
  crs_bind_text (stmt, 33, obs->stored_rules);
  crs_db_bind_int (stmt, 34, obs->stored_red_flag != 0);
  crs_bind_id (stmt, 35, crs_resp_distress_to_id (obs->resp_distress));
  crs_bind_double (stmt, 36, obs->crt_s);
  crs_bind_double (stmt, 37, obs->o2_percent);
  crs_bind_id (stmt, 38, crs_bp_skip_to_id (obs->bp_skip));
  crs_bind_id (stmt, 39, crs_carer_to_id (obs->carer));
  crs_bind_id (stmt, 40, crs_tri_to_id (obs->intuition));
  crs_bind_id (stmt, 41, crs_sepsis_to_id (obs->sepsis));
  crs_bind_id (stmt, 42, crs_pews_band_to_id (obs->pews_band));
  crs_bind_int (stmt, 43, obs->stored_pews);
  crs_bind_id (stmt, 44, crs_is_missing_int (obs->stored_pews_level)
                         ? NULL : crs_pews_level_to_id ((CrsPewsLevel) obs->stored_pews_level));

  id = crs_store_insert (stmt, &rc);
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("save the observation set"), error);
      return 0;
    }
  return id;
}

/* Checks that @old_id can be amended and returns its patient. */
static gint64
amendable_patient (CrsStore  *self,
                   gint64     old_id,
                   GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  gint64 patient_id;
  int rc;

  stmt = crs_store_prepare (self,
                            "SELECT o.patient_id, o.superseded_by, n.author, n.recorded_at"
                            " FROM observation o LEFT JOIN observation n ON n.id = o.superseded_by"
                            " WHERE o.id = ?1",
                            error);
  if (stmt == NULL)
    return 0;
  crs_db_bind_int64 (stmt, 1, old_id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                   _("There is no observation set %" PRId64 " to amend."), old_id);
      return 0;
    }
  if (rc != SQLITE_ROW)
    {
      crs_store_fail (self, rc, _("read the observation set"), error);
      return 0;
    }
  if (crs_db_column_type (stmt, 1) != SQLITE_NULL)
    {
      /* Two nurses amending one set (two windows, two workstations):
       * the first amendment stands, the second is told whose it is and
       * when, and nothing is overwritten. */
      const char *author = crs_db_column_text (stmt, 2);
      g_autofree char *when = crs_format_time (crs_db_column_int64 (stmt, 3), crs_store_now ());

      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONFLICT,
                   /* TRANSLATORS: e.g. "This observation set was already amended by
                    * k.lee at 14:05. Nothing was overwritten: ..." */
                   _("This observation set was already amended by %s at %s. Nothing was "
                     "overwritten: look at that version in the history, then amend it if "
                     "something is still wrong."),
                   author != NULL && *author != '\0' ? author : _("someone"), when);
      return 0;
    }
  patient_id = crs_db_column_int64 (stmt, 0);
  return patient_id;
}

/* Saves @obs as a new row; with @old_id, as the version amending it. */
static gboolean
save_observation (CrsStore        *self,
                  CrsObservation  *obs,
                  gint64           old_id,
                  const char      *reason,
                  GError         **error)
{
  gboolean import = self->in_batch && self->batch_import;
  g_autoptr(CrsWrite) write = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reason_copy = NULL;
  g_autofree char *before = NULL;
  gint64 recorded_at, patient_id, id;

  if (!validate_observation (obs, error) || !crs_check_text ("amend_reason", reason, error))
    return FALSE;
  if (old_id != 0 && (reason == NULL || *reason == '\0'))
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                           _("Say why the observation set is amended."));
      return FALSE;
    }

  /* An import keeps who recorded the set and when; otherwise that is
   * this nurse, now. */
  author = g_strdup (import && obs->author != NULL && *obs->author != '\0'
                     ? obs->author : crs_store_current_author (self));
  recorded_at = import && obs->recorded_at != 0 ? obs->recorded_at : crs_store_now ();
  reason_copy = g_strdup (reason);

  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;

  patient_id = obs->patient_id;
  if (old_id != 0)
    {
      gint64 old_patient = amendable_patient (self, old_id, error);
      if (old_patient == 0)
        return FALSE;
      if (patient_id != 0 && patient_id != old_patient)
        {
          g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                               _("An amended observation set must stay with the same patient."));
          return FALSE;
        }
      patient_id = old_patient;
      before = crs_store_row_json (self, "observation", old_id, error);
      if (before == NULL)
        return FALSE;
    }
  else if (!crs_store_check_patient (self, patient_id, error))
    return FALSE;

  id = insert_observation (self, obs, patient_id, author, recorded_at, old_id, reason_copy, error);
  if (id == 0)
    return FALSE;

  if (old_id != 0)
    {
      g_autoptr(CrsStmt) stmt = crs_store_prepare (self,
                                                   "UPDATE observation SET superseded_by = ?1"
                                                   " WHERE id = ?2", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      crs_db_bind_int64 (stmt, 1, id);
      crs_db_bind_int64 (stmt, 2, old_id);
      rc = crs_db_step (stmt);
      if (rc != SQLITE_DONE)
        return crs_store_fail (self, rc, _("amend the observation set"), error);
    }

  /* A set taken before others can make them CRS onset's later sets; an
   * amendment can change any set's history. */
  if (!crs_store_audit (self, old_id != 0 && !import ? "amend" : crs_store_insert_action (self),
                        "observation", id, before, NULL, error) ||
      !crs_store_raise_late_red_flags (self, patient_id, old_id != 0 ? 0 : obs->taken_at,
                                       obs->stored_rules != NULL ? id : 0, error) ||
      !crs_write_commit (write, patient_id, error))
    return FALSE;

  /* Saved: the record now says what the database holds. */
  obs->id = id;
  obs->patient_id = patient_id;
  obs->recorded_at = recorded_at;
  g_free (obs->author);
  obs->author = g_steal_pointer (&author);
  obs->supersedes_id = old_id;
  obs->superseded_by_id = 0;
  g_free (obs->amend_reason);
  obs->amend_reason = old_id != 0 ? g_steal_pointer (&reason_copy) : NULL;
  return TRUE;
}

gboolean
crs_store_add_observation (CrsStore        *self,
                           CrsObservation  *observation,
                           GError         **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), FALSE);

  if (self->in_batch && self->batch_import && observation->supersedes_id != 0)
    return save_observation (self, observation, observation->supersedes_id,
                             observation->amend_reason, error);
  return save_observation (self, observation, 0, NULL, error);
}

gboolean
crs_store_amend_observation (CrsStore        *self,
                             gint64           old_id,
                             CrsObservation  *replacement,
                             const char      *reason,
                             GError         **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRS_IS_OBSERVATION (replacement), FALSE);

  if (old_id <= 0)
    {
      g_set_error_literal (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                           _("Only a saved observation set can be amended."));
      return FALSE;
    }
  return save_observation (self, replacement, old_id, reason, error);
}

CrsObservation *
crs_store_get_observation (CrsStore  *self,
                           gint64     observation_id,
                           GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, select_observations (self, "", "FROM observation WHERE id = ?1"),
                            error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, observation_id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return read_observation (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                 _("There is no observation set %" PRId64 " in the ward database."),
                 observation_id);
  else
    crs_store_fail (self, rc, _("read the observation set"), error);
  return NULL;
}

static GPtrArray *
read_observations (CrsStore      *self,
                   CrsDbStmt  *stmt,
                   GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      CrsObservation *obs = read_observation (stmt, error);
      if (obs == NULL)
        return NULL;
      g_ptr_array_add (list, obs);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the observation sets"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
crs_store_list_observations (CrsStore  *self,
                             gint64     patient_id,
                             gint64     from,
                             gint64     to,
                             gboolean   include_superseded,
                             GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  /* "superseded_by IS NULL" spelled out lets SQLite use the partial index
   * observation_current; INDEXED BY makes it: without statistics (a ward
   * database is never ANALYZEd) the planner would take the UNIQUE index
   * on superseded_by, whose NULLs are nearly every row, and sort them. */
  stmt = crs_store_prepare (self, include_superseded
                            ? select_observations (self, "", "FROM observation"
                                                   " WHERE patient_id = ?1 AND taken_at >= ?2"
                                                   " AND taken_at < ?3 ORDER BY taken_at, id")
                            : select_observations (self, "", "FROM observation INDEXED BY observation_current"
                                                   " WHERE patient_id = ?1 AND superseded_by IS NULL"
                                                   " AND taken_at >= ?2 AND taken_at < ?3"
                                                   " ORDER BY taken_at, id"),
                            error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, patient_id);
  crs_db_bind_int64 (stmt, 2, from != 0 ? from : G_MININT64);
  crs_db_bind_int64 (stmt, 3, to != 0 ? to : G_MAXINT64);
  return read_observations (self, stmt, error);
}

CrsObservation *
crs_store_get_latest_observation (CrsStore  *self,
                                  gint64     patient_id,
                                  GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, select_observations (self, "", "FROM observation"
                                                       " INDEXED BY observation_current"
                                                       " WHERE patient_id = ?1 AND superseded_by IS NULL"
                                                       " ORDER BY taken_at DESC, id DESC LIMIT 1"),
                            error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, patient_id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return read_observation (stmt, error);
  if (rc != SQLITE_DONE)
    crs_store_fail (self, rc, _("read the observation set"), error);
  return NULL;
}

GPtrArray *
crs_store_list_latest_observations (CrsStore  *self,
                                    gboolean   include_archived,
                                    GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  /* One index probe per patient (observation_current, newest first). */
  stmt = crs_store_prepare (self,
                            select_observations (self, "o.", "FROM patient AS p"
                                                 " JOIN observation AS o ON o.id = (SELECT l.id"
                                                 "   FROM observation AS l INDEXED BY observation_current"
                                                 "   WHERE l.patient_id = p.id AND l.superseded_by IS NULL"
                                                 "   ORDER BY l.taken_at DESC, l.id DESC LIMIT 1)"
                                                 " WHERE ?1 <> 0 OR p.archived = 0 ORDER BY p.id"),
                            error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int (stmt, 1, include_archived != 0);
  return read_observations (self, stmt, error);
}

GPtrArray *
crs_store_list_recent_observations (CrsStore  *self,
                                    gint64     patient_id,
                                    guint      limit,
                                    GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  g_autoptr(GPtrArray) newest_first = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  /* Newest first through observation_current, then turned round. */
  stmt = crs_store_prepare (self, select_observations (self, "", "FROM observation"
                                                       " INDEXED BY observation_current"
                                                       " WHERE patient_id = ?1 AND superseded_by IS NULL"
                                                       " ORDER BY taken_at DESC, id DESC LIMIT ?2"),
                            error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, patient_id);
  crs_db_bind_int64 (stmt, 2, limit);
  newest_first = read_observations (self, stmt, error);
  if (newest_first == NULL)
    return NULL;
  for (guint i = 0; i < newest_first->len / 2; i++)
    {
      gpointer swap = newest_first->pdata[i];
      newest_first->pdata[i] = newest_first->pdata[newest_first->len - 1 - i];
      newest_first->pdata[newest_first->len - 1 - i] = swap;
    }
  return g_steal_pointer (&newest_first);
}

/* ---------------------------------------------------------------------- */
/* Escalations: sets that raised a red flag, and their acknowledgements */

GPtrArray *
crs_store_list_open_escalations (CrsStore  *self,
                                 gint64     patient_id,
                                 GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  /* A file from before red flags were stored (read-only) has none open. */
  if (self->schema_version < 3)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* "red_flag = 1 AND superseded_by IS NULL" spelled out lets SQLite use
   * the partial index observation_red_flag, which holds only such sets;
   * INDEXED BY makes it (see crs_store_list_observations). Late red
   * flags (version 4) are few: a second SELECT, by their own index. */
  if (self->schema_version >= 5)
    {
      g_autofree char *late = g_strconcat (" UNION SELECT " OBSERVATION_COLUMNS ("o.") "o.red_flag",
                                           PEWS_COLUMN_LIST (self, "o."), NULL);

      rest = patient_id != 0
        ? g_strconcat ("FROM observation AS o INDEXED BY observation_red_flag"
                       " WHERE o.patient_id = ?1 AND o.red_flag = 1"
                       " AND o.superseded_by IS NULL"
                       " AND NOT EXISTS (SELECT 1 FROM acknowledgement AS a"
                       "   WHERE a.observation_id = o.id)",
                       late,
                       " FROM late_red_flag AS r CROSS JOIN observation AS o ON o.id = r.observation_id"
                       " WHERE r.patient_id = ?1 AND o.superseded_by IS NULL"
                       " AND NOT EXISTS (SELECT 1 FROM acknowledgement AS a"
                       "   WHERE a.observation_id = o.id AND a.at >= r.at)"
                       " ORDER BY 3, 1", NULL)
        : g_strconcat ("FROM patient AS p"
                       " JOIN observation AS o INDEXED BY observation_red_flag"
                       "   ON o.patient_id = p.id"
                       " AND o.red_flag = 1 AND o.superseded_by IS NULL"
                       " WHERE p.archived = 0"
                       " AND NOT EXISTS (SELECT 1 FROM acknowledgement AS a"
                       "   WHERE a.observation_id = o.id)",
                       late,
                       " FROM late_red_flag AS r CROSS JOIN observation AS o ON o.id = r.observation_id"
                       " CROSS JOIN patient AS p ON p.id = r.patient_id"
                       " WHERE p.archived = 0 AND o.superseded_by IS NULL"
                       " AND NOT EXISTS (SELECT 1 FROM acknowledgement AS a"
                       "   WHERE a.observation_id = o.id AND a.at >= r.at)"
                       " ORDER BY 2, 3, 1", NULL);
    }
  else
    rest = g_strdup (patient_id != 0
                     ? "FROM observation AS o INDEXED BY observation_red_flag"
                       " WHERE o.patient_id = ?1 AND o.red_flag = 1"
                       " AND o.superseded_by IS NULL"
                       " AND NOT EXISTS (SELECT 1 FROM acknowledgement AS a"
                       "   WHERE a.observation_id = o.id)"
                       " ORDER BY o.taken_at, o.id"
                     : "FROM patient AS p"
                       " JOIN observation AS o INDEXED BY observation_red_flag"
                       "   ON o.patient_id = p.id"
                       " AND o.red_flag = 1 AND o.superseded_by IS NULL"
                       " WHERE p.archived = 0"
                       " AND NOT EXISTS (SELECT 1 FROM acknowledgement AS a"
                       "   WHERE a.observation_id = o.id)"
                       " ORDER BY o.patient_id, o.taken_at, o.id");
  stmt = crs_store_prepare (self, select_observations (self, "o.", rest), error);
  if (stmt == NULL)
    return NULL;
  if (patient_id != 0)
    crs_db_bind_int64 (stmt, 1, patient_id);
  return read_observations (self, stmt, error);
}

gboolean
crs_store_add_acknowledgement (CrsStore            *self,
                               CrsAcknowledgement  *ack,
                               GError             **error)
{
  g_autoptr(CrsWrite) write = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  g_autoptr(CrsObservation) obs = NULL;
  g_autofree char *author = NULL;
  gint64 at, id;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ack != NULL, FALSE);

  if (!crs_check_text ("note", ack->note, error) || !crs_check_text ("author", ack->author, error))
    return FALSE;

  /* A given author is kept unless a nurse is signed in (outside an
   * import): then the acknowledgement is hers. */
  author = g_strdup ((self->account == NULL || self->batch_import) &&
                     ack->author != NULL && *ack->author != '\0'
                     ? ack->author : crs_store_current_author (self));
  at = ack->at != 0 ? ack->at : crs_store_now ();

  write = crs_write_begin (self, error);
  if (write == NULL)
    return FALSE;

  obs = crs_store_get_observation (self, ack->observation_id, error);
  if (obs == NULL)
    return FALSE;

  stmt = crs_store_prepare (self, "INSERT INTO acknowledgement (observation_id, at, author, note)"
                                  " VALUES (?1, ?2, ?3, ?4) RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  crs_db_bind_int64 (stmt, 1, ack->observation_id);
  crs_db_bind_int64 (stmt, 2, at);
  crs_bind_text (stmt, 3, author);
  crs_bind_text (stmt, 4, ack->note);
  id = crs_store_insert (stmt, &rc);
  if (rc != SQLITE_DONE)
    return crs_store_fail (self, rc, _("save the acknowledgement"), error);

  if (!crs_store_audit (self, self->in_batch && self->batch_import ? "import" : "acknowledge",
                        "acknowledgement", id, NULL, NULL, error) ||
      !crs_write_commit (write, obs->patient_id, error))
    return FALSE;

  ack->id = id;
  ack->at = at;
  g_free (ack->author);
  ack->author = g_steal_pointer (&author);
  return TRUE;
}

gboolean
crs_store_acknowledge (CrsStore    *self,
                       gint64       observation_id,
                       const char  *note,
                       GError     **error)
{
  CrsAcknowledgement ack = { 0, observation_id, 0, NULL, (char *) note };
  gboolean ok;

  /* Now, by this nurse. */
  ok = crs_store_add_acknowledgement (self, &ack, error);
  g_free (ack.author);
  return ok;
}

GPtrArray *
crs_store_list_acknowledgements (CrsStore  *self,
                                 gint64     patient_id,
                                 GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, "SELECT a.id, a.observation_id, a.at, a.author, a.note"
                                  " FROM acknowledgement AS a"
                                  " JOIN observation AS o ON o.id = a.observation_id"
                                  " WHERE o.patient_id = ?1 ORDER BY a.at, a.id", error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, patient_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_acknowledgement_free);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      CrsAcknowledgement *ack = g_new0 (CrsAcknowledgement, 1);

      ack->id = crs_db_column_int64 (stmt, 0);
      ack->observation_id = crs_db_column_int64 (stmt, 1);
      ack->at = crs_db_column_int64 (stmt, 2);
      ack->author = crs_column_text (stmt, 3);
      ack->note = crs_column_text (stmt, 4);
      g_ptr_array_add (list, ack);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the acknowledgements"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
