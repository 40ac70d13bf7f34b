/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-schema.c: the tables of a ward database and the migrations
 * between schema versions.
 *
 * A new database is made the way every old one was: the version 1 tables,
 * then each migration in turn. So the migrations run every time a ward
 * database is created, and the SQL of every earlier version stays here:
 * a test can build a database of any earlier version and open it.
 *
 * Rules enforced by the database itself, not only by this code:
 *  - the audit log is append-only (triggers abort UPDATE and DELETE, and
 *    since version 4 an insert that is not the next row with its hash);
 *  - no clinical row is ever deleted;
 *  - infusions, interventions, lab results and acknowledgements never
 *    change; an observation set never changes except for the one link to
 *    the version that amends it, which is set once;
 *  - since version 4, no row is replaced: INSERT OR REPLACE and REPLACE
 *    would delete the old row without firing its delete trigger.
 * A trigger can be dropped by anyone with the sqlite3 tool; `check` and
 * every start compare the schema with the one its version must have
 * (crs_store_schema_differences, built from the migrations below).
 *
 * Missing values are NULL; choices are stored as their machine ids
 * (crs-model.h), never as numbers, so the file reads the same to a
 * person with the sqlite3 tool. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-store-private.h"

#define AUDIT_NO_UPDATE \
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit" \
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END"

static const char audit_no_update_v1[] = AUDIT_NO_UPDATE;

/* Version 1: patients, infusions, observation sets, interventions, lab
 * results, ward settings and the audit log. */
static const char schema_v1[] =
  "CREATE TABLE patient ("
  "  id                  INTEGER PRIMARY KEY,"
  "  mrn                 TEXT NOT NULL UNIQUE CHECK (length (mrn) > 0),"
  "  name                TEXT,"
  "  birth_date          TEXT CHECK (birth_date IS NULL OR date (birth_date) IS birth_date),"
  "  sex                 TEXT,"
  "  weight_kg           REAL,"
  "  bed                 TEXT,"
  "  ward                TEXT,"
  "  diagnosis           TEXT,"
  "  risk_notes          TEXT,"
  "  spo2_scale          INTEGER NOT NULL DEFAULT 1 CHECK (spo2_scale IN (1, 2)),"
  "  use_capd            INTEGER NOT NULL DEFAULT 0 CHECK (use_capd IN (0, 1)),"
  "  high_disease_burden INTEGER NOT NULL DEFAULT 0 CHECK (high_disease_burden IN (0, 1)),"
  "  comorbidities       INTEGER NOT NULL DEFAULT 0 CHECK (comorbidities IN (0, 1)),"
  "  prior_crs           INTEGER NOT NULL DEFAULT 0 CHECK (prior_crs IN (0, 1)),"
  "  archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"
  /* The ward list: patients not archived, by bed. */
  "CREATE INDEX patient_on_ward ON patient (archived, bed);"

  "CREATE TABLE infusion ("
  "  id            INTEGER PRIMARY KEY,"
  "  patient_id    INTEGER NOT NULL REFERENCES patient (id),"
  "  therapy_code  TEXT,"
  "  therapy_name  TEXT,"
  "  dose          REAL,"
  "  dose_unit     TEXT,"
  "  step_label    TEXT,"
  "  start_at      INTEGER NOT NULL,"
  "  end_at        INTEGER,"
  "  note          TEXT,"
  "  author        TEXT NOT NULL"
  ");"
  "CREATE INDEX infusion_of_patient ON infusion (patient_id, start_at);"

  "CREATE TABLE observation ("
  "  id                 INTEGER PRIMARY KEY,"
  "  patient_id         INTEGER NOT NULL REFERENCES patient (id),"
  "  taken_at           INTEGER NOT NULL,"
  "  recorded_at        INTEGER NOT NULL,"
  "  author             TEXT NOT NULL,"
  "  supersedes         INTEGER UNIQUE REFERENCES observation (id),"
  "  superseded_by      INTEGER UNIQUE REFERENCES observation (id),"
  "  amend_reason       TEXT CHECK ((supersedes IS NULL) = (amend_reason IS NULL)),"
  "  temperature_c      REAL,"
  "  heart_rate         INTEGER,"
  "  resp_rate          INTEGER,"
  "  systolic           INTEGER,"
  "  diastolic          INTEGER,"
  "  spo2               INTEGER,"
  "  o2_device          TEXT,"
  "  o2_flow_l_min      REAL,"
  "  fio2_percent       INTEGER,"
  "  hypotension        TEXT,"
  "  vasopressors       INTEGER,"
  "  vasopressin        TEXT,"
  "  acvpu              TEXT,"
  "  arousal            TEXT,"
  "  ice_items_recorded INTEGER NOT NULL DEFAULT 0 CHECK (ice_items_recorded IN (0, 1)),"
  "  ice_items          INTEGER NOT NULL DEFAULT 0,"
  "  ice_total          INTEGER,"
  "  capd               INTEGER,"
  "  seizure            TEXT,"
  "  motor_weakness     TEXT,"
  "  cerebral_edema     TEXT,"
  "  symptoms           INTEGER NOT NULL DEFAULT 0,"
  "  note               TEXT,"
  "  crs_grade          INTEGER,"
  "  icans_grade        INTEGER,"
  "  news2              INTEGER,"
  "  grading_rules      TEXT"
  ");"
  /* A patient's history in a time range, every version. */
  "CREATE INDEX observation_of_patient ON observation (patient_id, taken_at);"
  /* The current versions only: the chart, and the latest set per patient
   * (the rowid at the end of every index entry breaks ties). */
  "CREATE INDEX observation_current ON observation (patient_id, taken_at)"
  "  WHERE superseded_by IS NULL;"

  "CREATE TABLE intervention ("
  "  id          INTEGER PRIMARY KEY,"
  "  patient_id  INTEGER NOT NULL REFERENCES patient (id),"
  "  at          INTEGER NOT NULL,"
  "  kind        TEXT,"
  "  drug        TEXT,"
  "  dose        TEXT,"
  "  note        TEXT,"
  "  author      TEXT NOT NULL"
  ");"
  "CREATE INDEX intervention_of_patient ON intervention (patient_id, at);"

  "CREATE TABLE lab_result ("
  "  id          INTEGER PRIMARY KEY,"
  "  patient_id  INTEGER NOT NULL REFERENCES patient (id),"
  "  at          INTEGER NOT NULL,"
  "  loinc       TEXT,"
  "  name        TEXT,"
  "  value       REAL,"
  "  unit        TEXT,"
  "  note        TEXT,"
  "  author      TEXT NOT NULL"
  ");"
  "CREATE INDEX lab_result_of_patient ON lab_result (patient_id, at);"

  "CREATE TABLE setting ("
  "  key    TEXT PRIMARY KEY,"
  "  value  TEXT"
  ");"

  "CREATE TABLE audit ("
  "  id          INTEGER PRIMARY KEY,"
  "  at          INTEGER NOT NULL,"
  "  author      TEXT NOT NULL,"
  "  action      TEXT NOT NULL,"
  "  table_name  TEXT NOT NULL,"
  "  row_id      INTEGER NOT NULL,"
  "  before      TEXT,"
  "  after       TEXT"
  ");"
  "CREATE INDEX audit_of_row ON audit (table_name, row_id);"

  AUDIT_NO_UPDATE ";"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"

  "CREATE TRIGGER patient_no_delete BEFORE DELETE ON patient"
  " BEGIN SELECT RAISE (ABORT, 'patients are archived, never deleted'); END;"
  "CREATE TRIGGER setting_no_delete BEFORE DELETE ON setting"
  " BEGIN SELECT RAISE (ABORT, 'ward settings are changed, never deleted'); END;"
  "CREATE TRIGGER infusion_no_update BEFORE UPDATE ON infusion"
  " BEGIN SELECT RAISE (ABORT, 'infusions are never changed'); END;"
  "CREATE TRIGGER infusion_no_delete BEFORE DELETE ON infusion"
  " BEGIN SELECT RAISE (ABORT, 'infusions are never deleted'); END;"
  "CREATE TRIGGER intervention_no_update BEFORE UPDATE ON intervention"
  " BEGIN SELECT RAISE (ABORT, 'interventions are never changed'); END;"
  "CREATE TRIGGER intervention_no_delete BEFORE DELETE ON intervention"
  " BEGIN SELECT RAISE (ABORT, 'interventions are never deleted'); END;"
  "CREATE TRIGGER lab_result_no_update BEFORE UPDATE ON lab_result"
  " BEGIN SELECT RAISE (ABORT, 'lab results are never changed'); END;"
  "CREATE TRIGGER lab_result_no_delete BEFORE DELETE ON lab_result"
  " BEGIN SELECT RAISE (ABORT, 'lab results are never deleted'); END;"
  "CREATE TRIGGER observation_no_delete BEFORE DELETE ON observation"
  " BEGIN SELECT RAISE (ABORT, 'observation sets are amended, never deleted'); END;"
  /* The one change allowed: linking a version, once, to the version that
   * amends it (which must name it in its supersedes). */
  "CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation"
  " WHEN OLD.superseded_by IS NOT NULL"
  "   OR NEW.superseded_by IS NULL"
  "   OR NOT EXISTS (SELECT 1 FROM observation AS a"
  "                  WHERE a.id = NEW.superseded_by AND a.supersedes = OLD.id)"
  "   OR NEW.id IS NOT OLD.id"
  "   OR NEW.patient_id IS NOT OLD.patient_id"
  "   OR NEW.taken_at IS NOT OLD.taken_at"
  "   OR NEW.recorded_at IS NOT OLD.recorded_at"
  "   OR NEW.author IS NOT OLD.author"
  "   OR NEW.supersedes IS NOT OLD.supersedes"
  "   OR NEW.amend_reason IS NOT OLD.amend_reason"
  "   OR NEW.temperature_c IS NOT OLD.temperature_c"
  "   OR NEW.heart_rate IS NOT OLD.heart_rate"
  "   OR NEW.resp_rate IS NOT OLD.resp_rate"
  "   OR NEW.systolic IS NOT OLD.systolic"
  "   OR NEW.diastolic IS NOT OLD.diastolic"
  "   OR NEW.spo2 IS NOT OLD.spo2"
  "   OR NEW.o2_device IS NOT OLD.o2_device"
  "   OR NEW.o2_flow_l_min IS NOT OLD.o2_flow_l_min"
  "   OR NEW.fio2_percent IS NOT OLD.fio2_percent"
  "   OR NEW.hypotension IS NOT OLD.hypotension"
  "   OR NEW.vasopressors IS NOT OLD.vasopressors"
  "   OR NEW.vasopressin IS NOT OLD.vasopressin"
  "   OR NEW.acvpu IS NOT OLD.acvpu"
  "   OR NEW.arousal IS NOT OLD.arousal"
  "   OR NEW.ice_items_recorded IS NOT OLD.ice_items_recorded"
  "   OR NEW.ice_items IS NOT OLD.ice_items"
  "   OR NEW.ice_total IS NOT OLD.ice_total"
  "   OR NEW.capd IS NOT OLD.capd"
  "   OR NEW.seizure IS NOT OLD.seizure"
  "   OR NEW.motor_weakness IS NOT OLD.motor_weakness"
  "   OR NEW.cerebral_edema IS NOT OLD.cerebral_edema"
  "   OR NEW.symptoms IS NOT OLD.symptoms"
  "   OR NEW.note IS NOT OLD.note"
  "   OR NEW.crs_grade IS NOT OLD.crs_grade"
  "   OR NEW.icans_grade IS NOT OLD.icans_grade"
  "   OR NEW.news2 IS NOT OLD.news2"
  "   OR NEW.grading_rules IS NOT OLD.grading_rules"
  " BEGIN SELECT RAISE (ABORT, 'observation sets are never changed: amend them'); END;";

/* Version 2: escalations acknowledged by a nurse. */
static const char migrate_v1_to_v2[] =
  "CREATE TABLE acknowledgement ("
  "  id              INTEGER PRIMARY KEY,"
  "  observation_id  INTEGER NOT NULL REFERENCES observation (id),"
  "  at              INTEGER NOT NULL,"
  "  author          TEXT NOT NULL,"
  "  note            TEXT"
  ");"
  "CREATE INDEX acknowledgement_of_observation ON acknowledgement (observation_id);"
  "CREATE TRIGGER acknowledgement_no_update BEFORE UPDATE ON acknowledgement"
  " BEGIN SELECT RAISE (ABORT, 'acknowledgements are never changed'); END;"
  "CREATE TRIGGER acknowledgement_no_delete BEFORE DELETE ON acknowledgement"
  " BEGIN SELECT RAISE (ABORT, 'acknowledgements are never deleted'); END;";

/* Version 3: the red flag a set raised when it was saved (grading's
 * verdict then, kept like its grades: a later change of ward policy never
 * raises or clears it), so that an escalation stays on screen until a
 * nurse acknowledges it. Older sets read as raising none: their red flags,
 * if any, were shown when they were saved and are not raised again. The
 * trigger that keeps sets unchanged is rebuilt to cover the new column. */
static const char migrate_v2_to_v3[] =
  "ALTER TABLE observation ADD COLUMN red_flag INTEGER NOT NULL DEFAULT 0"
  "  CHECK (red_flag IN (0, 1));"
  /* The open escalations of the ward and of one patient: current sets
   * that raised a red flag (few among many). */
  "CREATE INDEX observation_red_flag ON observation (patient_id, taken_at)"
  "  WHERE red_flag = 1 AND superseded_by IS NULL;"
  "DROP TRIGGER observation_no_update;"
  "CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation"
  " WHEN OLD.superseded_by IS NOT NULL"
  "   OR NEW.superseded_by IS NULL"
  "   OR NOT EXISTS (SELECT 1 FROM observation AS a"
  "                  WHERE a.id = NEW.superseded_by AND a.supersedes = OLD.id)"
  "   OR NEW.id IS NOT OLD.id"
  "   OR NEW.patient_id IS NOT OLD.patient_id"
  "   OR NEW.taken_at IS NOT OLD.taken_at"
  "   OR NEW.recorded_at IS NOT OLD.recorded_at"
  "   OR NEW.author IS NOT OLD.author"
  "   OR NEW.supersedes IS NOT OLD.supersedes"
  "   OR NEW.amend_reason IS NOT OLD.amend_reason"
  "   OR NEW.temperature_c IS NOT OLD.temperature_c"
  "   OR NEW.heart_rate IS NOT OLD.heart_rate"
  "   OR NEW.resp_rate IS NOT OLD.resp_rate"
  "   OR NEW.systolic IS NOT OLD.systolic"
  "   OR NEW.diastolic IS NOT OLD.diastolic"
  "   OR NEW.spo2 IS NOT OLD.spo2"
  "   OR NEW.o2_device IS NOT OLD.o2_device"
  "   OR NEW.o2_flow_l_min IS NOT OLD.o2_flow_l_min"
  "   OR NEW.fio2_percent IS NOT OLD.fio2_percent"
  "   OR NEW.hypotension IS NOT OLD.hypotension"
  "   OR NEW.vasopressors IS NOT OLD.vasopressors"
  "   OR NEW.vasopressin IS NOT OLD.vasopressin"
  "   OR NEW.acvpu IS NOT OLD.acvpu"
  "   OR NEW.arousal IS NOT OLD.arousal"
  "   OR NEW.ice_items_recorded IS NOT OLD.ice_items_recorded"
  "   OR NEW.ice_items IS NOT OLD.ice_items"
  "   OR NEW.ice_total IS NOT OLD.ice_total"
  "   OR NEW.capd IS NOT OLD.capd"
  "   OR NEW.seizure IS NOT OLD.seizure"
  "   OR NEW.motor_weakness IS NOT OLD.motor_weakness"
  "   OR NEW.cerebral_edema IS NOT OLD.cerebral_edema"
  "   OR NEW.symptoms IS NOT OLD.symptoms"
  "   OR NEW.note IS NOT OLD.note"
  "   OR NEW.crs_grade IS NOT OLD.crs_grade"
  "   OR NEW.icans_grade IS NOT OLD.icans_grade"
  "   OR NEW.news2 IS NOT OLD.news2"
  "   OR NEW.grading_rules IS NOT OLD.grading_rules"
  "   OR NEW.red_flag IS NOT OLD.red_flag"
  " BEGIN SELECT RAISE (ABORT, 'observation sets are never changed: amend them'); END;";

/* Version 4: tamper evidence and the ward's own identity.
 *  - ward: one row, made when the database is created (or upgraded to
 *    this version), holding a random id that every backup of the ward
 *    carries; a backup with another id is never offered for restore.
 *  - audit.hash: each row's SHA-256 over its content and the previous
 *    row's hash (crs-store-audit.c), filled in for the rows already there
 *    by migrate_v4_chain(); `check` reports the first row where the chain
 *    breaks. Rows are appended with the next id and their hash, or not at
 *    all.
 *  - BEFORE INSERT triggers refuse INSERT OR REPLACE / REPLACE on a row
 *    that exists (by id or by a unique column): REPLACE deletes the old
 *    row without firing its delete trigger. Keys and ids never change, so
 *    UPDATE OR REPLACE cannot delete another row either. */
static const char migrate_v3_to_v4[] =
  "CREATE TABLE ward ("
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),"
  "  ward_id     TEXT NOT NULL CHECK (length (ward_id) = 36),"
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE TRIGGER ward_no_update BEFORE UPDATE ON ward"
  " BEGIN SELECT RAISE (ABORT, 'the ward''s identity never changes'); END;"
  "CREATE TRIGGER ward_no_delete BEFORE DELETE ON ward"
  " BEGIN SELECT RAISE (ABORT, 'the ward''s identity never changes'); END;"
  "CREATE TRIGGER ward_no_replace BEFORE INSERT ON ward"
  " WHEN EXISTS (SELECT 1 FROM ward)"
  " BEGIN SELECT RAISE (ABORT, 'the ward''s identity never changes'); END;"

  "ALTER TABLE audit ADD COLUMN hash TEXT;"

  "CREATE TRIGGER patient_no_replace BEFORE INSERT ON patient"
  " WHEN EXISTS (SELECT 1 FROM patient WHERE id = NEW.id OR mrn = NEW.mrn)"
  " BEGIN SELECT RAISE (ABORT, 'a patient with this id or MRN exists: patients are never replaced'); END;"
  "CREATE TRIGGER patient_keys_fixed BEFORE UPDATE ON patient"
  " WHEN NEW.id IS NOT OLD.id"
  "   OR (NEW.mrn IS NOT OLD.mrn AND EXISTS (SELECT 1 FROM patient WHERE mrn = NEW.mrn))"
  " BEGIN SELECT RAISE (ABORT, 'a patient''s id never changes, and MRNs stay unique'); END;"
  "CREATE TRIGGER infusion_no_replace BEFORE INSERT ON infusion"
  " WHEN EXISTS (SELECT 1 FROM infusion WHERE id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'infusions are never replaced'); END;"
  "CREATE TRIGGER intervention_no_replace BEFORE INSERT ON intervention"
  " WHEN EXISTS (SELECT 1 FROM intervention WHERE id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'interventions are never replaced'); END;"
  "CREATE TRIGGER lab_result_no_replace BEFORE INSERT ON lab_result"
  " WHEN EXISTS (SELECT 1 FROM lab_result WHERE id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'lab results are never replaced'); END;"
  "CREATE TRIGGER acknowledgement_no_replace BEFORE INSERT ON acknowledgement"
  " WHEN EXISTS (SELECT 1 FROM acknowledgement WHERE id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'acknowledgements are never replaced'); END;"
  /* A new version is never born superseded, and supersedes a set that no
   * other version supersedes. */
  "CREATE TRIGGER observation_no_replace BEFORE INSERT ON observation"
  " WHEN EXISTS (SELECT 1 FROM observation WHERE id = NEW.id)"
  "   OR NEW.superseded_by IS NOT NULL"
  "   OR (NEW.supersedes IS NOT NULL"
  "       AND EXISTS (SELECT 1 FROM observation WHERE supersedes = NEW.supersedes))"
  " BEGIN SELECT RAISE (ABORT, 'observation sets are never replaced: amend them'); END;"
  "CREATE TRIGGER setting_no_replace BEFORE INSERT ON setting"
  " WHEN EXISTS (SELECT 1 FROM setting WHERE key = NEW.key)"
  " BEGIN SELECT RAISE (ABORT, 'ward settings are changed, never replaced'); END;"
  "CREATE TRIGGER setting_key_fixed BEFORE UPDATE ON setting"
  " WHEN NEW.key IS NOT OLD.key"
  " BEGIN SELECT RAISE (ABORT, 'a ward setting''s key never changes'); END;"
  "CREATE TRIGGER audit_append_only BEFORE INSERT ON audit"
  " WHEN NEW.id IS NOT (SELECT coalesce (max (id), 0) + 1 FROM audit)"
  "   OR NEW.hash IS NULL OR length (NEW.hash) <> 64"
  " BEGIN SELECT RAISE (ABORT, 'the audit log is append-only, each row with its hash'); END;";

/* The audit rows already there get their hashes, oldest first, with the
 * append-only trigger out of the way for the length of this transaction
 * (and made again with the SQL of version 1); then the ward its id. */
static gboolean
migrate_v4_chain (sqlite3  *db,
                  GError  **error)
{
  g_autofree char *ward_id = g_uuid_string_random ();
  g_autoptr(CrsDb) borrowed = crs_db_new_sqlite_borrowed (db);
  CrsDbStmt *read = NULL;
  CrsDbStmt *write = NULL;
  CrsDbStmt *ward = NULL;
  g_autofree char *prev = NULL;
  int rc;

  rc = sqlite3_exec (db, "DROP TRIGGER audit_no_update", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = crs_db_prepare (borrowed, "SELECT id, at, author, action, table_name, row_id, before, after"
                                 " FROM audit ORDER BY id", &read);
  if (rc == SQLITE_OK)
    rc = crs_db_prepare (borrowed, "UPDATE audit SET hash = ?2 WHERE id = ?1", &write);
  while (rc == SQLITE_OK && (rc = crs_db_step (read)) == SQLITE_ROW)
    {
      char *hash = crs_store_audit_hash_row (read, prev);

      crs_db_bind_int64 (write, 1, crs_db_column_int64 (read, 0));
      crs_db_bind_text (write, 2, hash, -1);
      rc = crs_db_step (write);
      crs_db_reset (write);
      g_free (prev);
      prev = hash;
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  crs_db_finalize (read);
  crs_db_finalize (write);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, audit_no_update_v1, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = crs_db_prepare (borrowed, "INSERT INTO ward (id, ward_id, created_at) VALUES (1, ?1, ?2)", &ward);
  if (rc == SQLITE_OK)
    {
      crs_db_bind_text (ward, 1, ward_id, -1);
      crs_db_bind_int64 (ward, 2, g_get_real_time () / G_USEC_PER_SEC);
      rc = crs_db_step (ward);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  crs_db_finalize (ward);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Could not upgrade the ward database to version %d: %s"),
                   4, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Version 5: red flags a set raised after it was saved (crs-escalation.h):
 * grading a set again with the full history, after a dose given before
 * it was recorded later, found a red flag its stored grades did not
 * hold. Kept like an acknowledgement: never changed, never deleted, and
 * audited ("raise"). */
static const char migrate_v4_to_v5[] =
  "CREATE TABLE late_red_flag ("
  "  id              INTEGER PRIMARY KEY,"
  "  patient_id      INTEGER NOT NULL REFERENCES patient (id),"
  "  observation_id  INTEGER NOT NULL REFERENCES observation (id),"
  "  at              INTEGER NOT NULL,"
  "  author          TEXT NOT NULL,"
  "  crs_grade       INTEGER,"
  "  icans_grade     INTEGER,"
  "  kinds           INTEGER NOT NULL CHECK (kinds > 0)"
  ");"
  "CREATE INDEX late_red_flag_of_patient ON late_red_flag (patient_id, observation_id);"
  "CREATE TRIGGER late_red_flag_no_update BEFORE UPDATE ON late_red_flag"
  " BEGIN SELECT RAISE (ABORT, 'red flags are never changed'); END;"
  "CREATE TRIGGER late_red_flag_no_delete BEFORE DELETE ON late_red_flag"
  " BEGIN SELECT RAISE (ABORT, 'red flags are never deleted'); END;"
  "CREATE TRIGGER late_red_flag_no_replace BEFORE INSERT ON late_red_flag"
  " WHEN EXISTS (SELECT 1 FROM late_red_flag WHERE id = NEW.id)"
  " BEGIN SELECT RAISE (ABORT, 'red flags are never replaced'); END;";

/* Version 6: the fields the children's PEWS charts score (NHS England,
 * 2023; crs-grade-pews.h) and the PEWS stored with a set's grades.
 * Nullable, like every finding: older sets read as not recorded, and
 * still match their audit rows (a record's JSON leaves NULLs out). The
 * trigger that keeps sets unchanged is rebuilt to cover them. */
static const char migrate_v5_to_v6[] =
  "ALTER TABLE observation ADD COLUMN resp_distress TEXT;"
  "ALTER TABLE observation ADD COLUMN crt_s REAL;"
  "ALTER TABLE observation ADD COLUMN o2_percent REAL;"
  "ALTER TABLE observation ADD COLUMN bp_skip TEXT;"
  "ALTER TABLE observation ADD COLUMN carer TEXT;"
  "ALTER TABLE observation ADD COLUMN intuition TEXT;"
  "ALTER TABLE observation ADD COLUMN sepsis TEXT;"
  "ALTER TABLE observation ADD COLUMN pews_band TEXT;"
  "ALTER TABLE observation ADD COLUMN pews INTEGER;"
  "ALTER TABLE observation ADD COLUMN pews_level TEXT;"
  "DROP TRIGGER observation_no_update;"
  "CREATE TRIGGER observation_no_update BEFORE UPDATE ON observation"
  " WHEN OLD.superseded_by IS NOT NULL"
  "   OR NEW.superseded_by IS NULL"
  "   OR NOT EXISTS (SELECT 1 FROM observation AS a"
  "                  WHERE a.id = NEW.superseded_by AND a.supersedes = OLD.id)"
  "   OR NEW.id IS NOT OLD.id"
  "   OR NEW.patient_id IS NOT OLD.patient_id"
  "   OR NEW.taken_at IS NOT OLD.taken_at"
  "   OR NEW.recorded_at IS NOT OLD.recorded_at"
  "   OR NEW.author IS NOT OLD.author"
  "   OR NEW.supersedes IS NOT OLD.supersedes"
  "   OR NEW.amend_reason IS NOT OLD.amend_reason"
  "   OR NEW.temperature_c IS NOT OLD.temperature_c"
  "   OR NEW.heart_rate IS NOT OLD.heart_rate"
  "   OR NEW.resp_rate IS NOT OLD.resp_rate"
  "   OR NEW.systolic IS NOT OLD.systolic"
  "   OR NEW.diastolic IS NOT OLD.diastolic"
  "   OR NEW.spo2 IS NOT OLD.spo2"
  "   OR NEW.o2_device IS NOT OLD.o2_device"
  "   OR NEW.o2_flow_l_min IS NOT OLD.o2_flow_l_min"
  "   OR NEW.fio2_percent IS NOT OLD.fio2_percent"
  "   OR NEW.hypotension IS NOT OLD.hypotension"
  "   OR NEW.vasopressors IS NOT OLD.vasopressors"
  "   OR NEW.vasopressin IS NOT OLD.vasopressin"
  "   OR NEW.acvpu IS NOT OLD.acvpu"
  "   OR NEW.arousal IS NOT OLD.arousal"
  "   OR NEW.ice_items_recorded IS NOT OLD.ice_items_recorded"
  "   OR NEW.ice_items IS NOT OLD.ice_items"
  "   OR NEW.ice_total IS NOT OLD.ice_total"
  "   OR NEW.capd IS NOT OLD.capd"
  "   OR NEW.seizure IS NOT OLD.seizure"
  "   OR NEW.motor_weakness IS NOT OLD.motor_weakness"
  "   OR NEW.cerebral_edema IS NOT OLD.cerebral_edema"
  "   OR NEW.symptoms IS NOT OLD.symptoms"
  "   OR NEW.note IS NOT OLD.note"
  "   OR NEW.crs_grade IS NOT OLD.crs_grade"
  "   OR NEW.icans_grade IS NOT OLD.icans_grade"
  "   OR NEW.news2 IS NOT OLD.news2"
  "   OR NEW.grading_rules IS NOT OLD.grading_rules"
  "   OR NEW.red_flag IS NOT OLD.red_flag"
  "   OR NEW.resp_distress IS NOT OLD.resp_distress"
  "   OR NEW.crt_s IS NOT OLD.crt_s"
  "   OR NEW.o2_percent IS NOT OLD.o2_percent"
  "   OR NEW.bp_skip IS NOT OLD.bp_skip"
  "   OR NEW.carer IS NOT OLD.carer"
  "   OR NEW.intuition IS NOT OLD.intuition"
  "   OR NEW.sepsis IS NOT OLD.sepsis"
  "   OR NEW.pews_band IS NOT OLD.pews_band"
  "   OR NEW.pews IS NOT OLD.pews"
  "   OR NEW.pews_level IS NOT OLD.pews_level"
  " BEGIN SELECT RAISE (ABORT, 'observation sets are never changed: amend them'); END;";

/* Version 7: nurse accounts (crs-store-nurses.c).
 *  - nurse: one row per account, never deleted (the audit keeps naming
 *    it); disabled, not removed. Audited like the clinical tables. The
 *    id and user name never change.
 *  - nurse_pin: the account's PIN as an Argon2id string from libsodium's
 *    crypto_pwhash_str; the CHECK refuses anything else, so a PIN in
 *    clear cannot be stored by mistake. Not audited (a hash in the audit
 *    log would outlive a reset); a reset audits the nurse row.
 *  - audit.account_id: the signed-in account of each change; NULL when
 *    nobody was signed in. It enters the row's hash only when set, so
 *    the rows before this version still verify. */
static const char migrate_v6_to_v7[] =
  "CREATE TABLE nurse ("
  "  id            INTEGER PRIMARY KEY,"
  "  user_name     TEXT NOT NULL UNIQUE CHECK (length (user_name) > 0),"
  "  display_name  TEXT NOT NULL CHECK (length (display_name) > 0),"
  "  role          TEXT NOT NULL CHECK (role IN ('nurse', 'admin')),"
  "  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created       INTEGER NOT NULL"
  ");"
  "CREATE TRIGGER nurse_no_delete BEFORE DELETE ON nurse"
  " BEGIN SELECT RAISE (ABORT, 'nurse accounts are never deleted: disable them'); END;"
  "CREATE TRIGGER nurse_no_replace BEFORE INSERT ON nurse"
  " WHEN EXISTS (SELECT 1 FROM nurse WHERE id = NEW.id OR user_name = NEW.user_name)"
  " BEGIN SELECT RAISE (ABORT, 'nurse accounts are never replaced'); END;"
  "CREATE TRIGGER nurse_keys_fixed BEFORE UPDATE ON nurse"
  " WHEN NEW.id IS NOT OLD.id OR NEW.user_name IS NOT OLD.user_name"
  "   OR NEW.created IS NOT OLD.created"
  " BEGIN SELECT RAISE (ABORT, 'a nurse account''s id and user name never change'); END;"
  "CREATE TABLE nurse_pin ("
  "  nurse_id  INTEGER PRIMARY KEY REFERENCES nurse (id),"
  "  hash      TEXT NOT NULL CHECK (substr (hash, 1, 10) = '$argon2id$')"
  ");"
  "CREATE TRIGGER nurse_pin_no_delete BEFORE DELETE ON nurse_pin"
  " BEGIN SELECT RAISE (ABORT, 'PINs are reset, never deleted'); END;"
  "CREATE TRIGGER nurse_pin_no_replace BEFORE INSERT ON nurse_pin"
  " WHEN EXISTS (SELECT 1 FROM nurse_pin WHERE nurse_id = NEW.nurse_id)"
  " BEGIN SELECT RAISE (ABORT, 'PINs are reset, never replaced'); END;"
  "CREATE TRIGGER nurse_pin_key_fixed BEFORE UPDATE ON nurse_pin"
  " WHEN NEW.nurse_id IS NOT OLD.nurse_id"
  " BEGIN SELECT RAISE (ABORT, 'a PIN belongs to its account'); END;"
  "ALTER TABLE audit ADD COLUMN account_id INTEGER REFERENCES nurse (id);";

/* migrations[i] takes a database from version i + 1 to i + 2: its SQL,
 * then its C step if it has one (for what SQL cannot do, like hashing).
 * A new version appends its step here and bumps CRS_STORE_SCHEMA_VERSION;
 * the schema `check` expects of each version follows by itself
 * (crs_store_schema_expected builds it from this list). A step that must
 * rebuild a table follows SQLite's documented twelve-step procedure
 * (https://sqlite.org/lang_altertable.html#otheralter). */
typedef struct
{
  const char *sql;
  gboolean  (*run) (sqlite3 *db, GError **error);
} Migration;

static const Migration migrations[] = {
  { migrate_v1_to_v2, NULL },
  { migrate_v2_to_v3, NULL },
  { migrate_v3_to_v4, migrate_v4_chain },
  { migrate_v4_to_v5, NULL },
  { migrate_v5_to_v6, NULL },
  { migrate_v6_to_v7, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRS_STORE_SCHEMA_VERSION - 1);

static const char * const tables_v1[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting", "audit", NULL
};

static const char * const tables_v2[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting", "audit",
  "acknowledgement", NULL
};

static const char * const tables_v4[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting", "audit",
  "acknowledgement", "ward", NULL
};

static const char * const tables_v5[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting", "audit",
  "acknowledgement", "ward", "late_red_flag", NULL
};

static const char * const tables_v7[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting", "audit",
  "acknowledgement", "ward", "late_red_flag", "nurse", "nurse_pin", NULL
};

const char * const *
crs_store_schema_tables (int version)
{
  if (version >= 7)
    return tables_v7;
  if (version >= 5)
    return tables_v5;
  return version >= 4 ? tables_v4 : version >= 2 ? tables_v2 : tables_v1;
}

static gboolean
exec_schema (sqlite3     *db,
             const char  *sql,
             int          version,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Could not upgrade the ward database to version %d: %s"),
                   version, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

gboolean
crs_store_schema_migrate (sqlite3     *db,
                          int          from_version,
                          int          to_version,
                          GError     **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (from_version >= 1, FALSE);
  g_return_val_if_fail (to_version <= CRS_STORE_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      if (!exec_schema (db, migrations[v - 1].sql, v + 1, error))
        return FALSE;
      if (migrations[v - 1].run != NULL && !migrations[v - 1].run (db, error))
        return FALSE;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  return exec_schema (db, pragma, to_version, error);
}

gboolean
crs_store_schema_create (sqlite3     *db,
                         int          version,
                         GError     **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (version >= 1 && version <= CRS_STORE_SCHEMA_VERSION, FALSE);

  pragma = g_strdup_printf ("PRAGMA application_id = %d", CRS_STORE_APPLICATION_ID);
  if (!exec_schema (db, pragma, 1, error) ||
      !exec_schema (db, schema_v1, 1, error))
    return FALSE;

  return crs_store_schema_migrate (db, 1, version, error);
}

/* ---------------------------------------------------------------------- */
/* The schema each version must have */

/* The tables, indexes, triggers and views of @db (SQLite's own objects
 * left out): "type name" -> its SQL. */
GHashTable *
crs_store_schema_objects (sqlite3  *db,
                          int      *rc_out)
{
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema"
                               " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      g_hash_table_insert (objects,
                           g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1)),
                           g_strdup (sql != NULL ? sql : ""));
      rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return objects;
}

/* Built once per version in a private in-memory database, by the same
 * migrations that build every real one: the one place that says what a
 * ward database of each version holds. */
static GHashTable *
expected_objects (int version)
{
  static GHashTable *cache[CRS_STORE_SCHEMA_VERSION + 1];
  sqlite3 *db = NULL;
  int rc = SQLITE_OK;

  g_return_val_if_fail (version >= 1 && version <= CRS_STORE_SCHEMA_VERSION, NULL);

  if (cache[version] != NULL)
    return cache[version];

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
      !crs_store_schema_create (db, version, NULL))
    {
      sqlite3_close (db);
      return NULL;
    }
  cache[version] = crs_store_schema_objects (db, &rc);
  sqlite3_close (db);
  if (rc != SQLITE_OK)
    g_clear_pointer (&cache[version], g_hash_table_unref);
  return cache[version];
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What differs between @db and the schema of @version, as objects named
 * the way SQLite names them ("trigger observation_no_delete is missing"),
 * which is what an administrator looks for; NULL when nothing does. */
char *
crs_store_schema_differences (sqlite3  *db,
                              int       version,
                              int      *rc_out)
{
  GHashTable *expected = expected_objects (version);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  GHashTableIter iter;
  gpointer key, value;

  *rc_out = SQLITE_OK;
  if (expected == NULL)
    return g_strdup (_("the schema this version should have could not be built"));
  found = crs_store_schema_objects (db, rc_out);
  if (*rc_out != SQLITE_OK)
    return NULL;

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      const char *sql = g_hash_table_lookup (found, name);

      if (sql == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("%s is missing"), name));
      else if (!g_str_equal (sql, g_hash_table_lookup (expected, name)))
        g_ptr_array_add (problems, g_strdup_printf (_("%s was changed"), name));
    }
  g_clear_pointer (&names, g_ptr_array_unref);

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key))
      g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (problems, g_strdup_printf (_("%s is not part of version %d"),
                                                (const char *) names->pdata[i], version));

  if (problems->len == 0)
    return NULL;
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("; ", (char **) problems->pdata);
}
