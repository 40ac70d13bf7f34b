/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store.h: the ward database (SQLite).
 *
 * Every write is one transaction, audited with time, author, action and
 * before/after values. Clinical rows are never deleted or overwritten: an
 * amended observation set is a new version superseding the old one, an
 * archived patient is hidden and can be restored. After each committed
 * write the store emits "changed" so that views update.
 *
 * All functions run on the calling thread and may block up to the busy
 * timeout when another process holds the write lock; then they fail with
 * CRS_STORE_ERROR_BUSY and nothing is lost: the caller still has the
 * record and can retry.
 *
 * Signal "changed" (gint64 patient_id): emitted after every committed
 * write of this store object, with the patient it concerns, or 0 when it
 * concerns several patients or none (a batch, a ward setting). Writes by
 * other connections (another window or workstation, crs-watch-cli) are
 * signalled with 0 when crs_store_poll_outside_changes() finds them, on
 * the timer of crs_store_watch_outside_changes(). */
#pragma once

#include <gio/gio.h>

#include "core/crs-escalation.h"
#include "core/crs-model.h"
#include "core/crs-ward-policy.h"
#include "crs-store-error.h"

G_BEGIN_DECLS

#define CRS_TYPE_STORE (crs_store_get_type ())
G_DECLARE_FINAL_TYPE (CrsStore, crs_store, CRS, STORE, GObject)

/* One row of the audit log. */
typedef struct
{
  gint64  id;
  gint64  at;           /* Unix seconds, UTC */
  char   *author;
  char   *action;       /* "insert", "amend", "archive", "restore", "update", "acknowledge", "import", ... */
  char   *table_name;
  gint64  row_id;
  char   *before;       /* JSON object of the old values, NULL for an insert */
  char   *after;        /* JSON object of the new values */
  gint64  account_id;   /* the signed-in nurse account (crs-store-nurses.h); 0: not signed in */
} CrsAuditEntry;

void crs_audit_entry_free (CrsAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsAuditEntry, crs_audit_entry_free)

/* Counts printed by `crs-watch-cli check`. */
typedef struct
{
  int    schema_version;
  gint64 patients;
  gint64 patients_archived;
  gint64 infusions;
  gint64 observations;      /* every version */
  gint64 observations_superseded;
  gint64 interventions;
  gint64 lab_results;
  gint64 audit_rows;
} CrsStoreCounts;

/* Opens (creating if absent, mode 0600) the ward database at @path, runs
 * forward migrations after a backup, makes the daily backup, and checks
 * the file. A damaged file, a file that is not a ward database, or one
 * from a newer version fails with a message naming the path, the newest
 * good backup and how to restore it; such a file is never modified. */
CrsStore   *crs_store_open                (const char      *path,
                                           GError         **error);
/* TRUE when @locator names a PostgreSQL ward server rather than a file:
 * a "postgresql://" or "postgres://" URI, or libpq "key=value" words
 * with a host, a database or a service ("service=ward"). crs_store_open
 * then connects to it (making the ward's tables in an empty database),
 * and crs_store_get_path gives its host and database, never a password. */
gboolean    crs_store_is_server_locator   (const char      *locator);
typedef struct
{
  gint64 rows;         /* every row copied, of every table */
  gint64 audit_rows;   /* of which audit rows */
} CrsStoreMigration;

/* Copies the ward in the file @from_path (opened for reading only, never
 * changed; the newest schema version) into the empty PostgreSQL database
 * @to_locator, with every id, the ward's id, the nurse accounts and the
 * audit log, in one transaction that commits only when every table's
 * count and digest match the file's and the audit chain holds on the
 * server. On failure nothing is left on the server. */
gboolean    crs_store_migrate_to_server   (const char         *from_path,
                                           const char         *to_locator,
                                           CrsStoreMigration  *report,
                                           GError            **error);
/* Checks the whole audit log's hash chain, on a file or a server:
 * *@break_at is the first row where it breaks, 0 when it holds; *@rows
 * the rows checked. */
gboolean    crs_store_verify_audit_chain  (CrsStore        *self,
                                           gint64          *rows,
                                           gint64          *break_at,
                                           GError         **error);
/* TRUE when the ward is on a PostgreSQL server shared by workstations. */
gboolean    crs_store_is_shared           (CrsStore        *self);
/* The ward setting server.require_tls ("on"/"off", missing = off): a
 * shared ward that requires it is opened only over an encrypted (TLS)
 * connection. It can be turned on only over one, so that the workstation
 * turning it on is not shut out at once. */
gboolean    crs_store_get_require_tls     (CrsStore        *self);
gboolean    crs_store_set_require_tls     (CrsStore        *self,
                                           gboolean         required,
                                           GError         **error);
/* TRUE when a server @locator carries a password itself: settings and
 * command lines must not (libpq reads it from ~/.pgpass). */
gboolean    crs_store_locator_has_password (const char     *locator);
const char *crs_store_get_path            (CrsStore        *self);
/* Opens an existing ward database for reading only: nothing is created,
 * migrated or backed up, and every write fails with
 * CRS_STORE_ERROR_READ_ONLY. Older schema versions open as they are
 * (crs-watch-cli check uses this). */
CrsStore   *crs_store_open_read_only      (const char      *path,
                                           GError         **error);
/* The ward's own id (made with the database; every backup carries it),
 * NULL for a database of a version before 4 opened read-only. */
const char *crs_store_get_ward_id         (CrsStore        *self);
/* The schema version of the open file (PRAGMA user_version). */
int         crs_store_get_schema_version  (CrsStore        *self);
/* How long a write waits for another process (default 5000 ms). */
void        crs_store_set_busy_timeout    (CrsStore        *self,
                                           guint            milliseconds);
/* The author recorded with every change (default: the login name). */
void        crs_store_set_author          (CrsStore        *self,
                                           const char      *author);
const char *crs_store_get_author          (CrsStore        *self);

/* Other connections' commits (crs-store-watch.c). Poll: TRUE, and
 * "changed" (0) emitted, when another connection committed since the
 * last poll (the first poll only takes note). Watch: polls every
 * @interval_ms on the thread-default main context until the store is
 * disposed. */
gboolean    crs_store_poll_outside_changes  (CrsStore      *self);
void        crs_store_watch_outside_changes (CrsStore      *self,
                                             guint          interval_ms);

/* Patients */
GPtrArray  *crs_store_list_patients       (CrsStore        *self,
                                           gboolean         include_archived,
                                           GError         **error);   /* CrsPatient *, by bed */
CrsPatient *crs_store_get_patient         (CrsStore        *self,
                                           gint64           patient_id,
                                           GError         **error);
CrsPatient *crs_store_find_patient_by_mrn (CrsStore        *self,
                                           const char      *mrn,
                                           GError         **error);   /* NULL without error when absent */
gboolean    crs_store_add_patient         (CrsStore        *self,
                                           CrsPatient      *patient,  /* id set on success */
                                           GError         **error);
/* Saves every field but archived (crs_store_set_archived does that, with
 * its own audit action); no audit row when nothing changed. */
gboolean    crs_store_update_patient      (CrsStore        *self,
                                           CrsPatient      *patient,
                                           GError         **error);
gboolean    crs_store_set_archived        (CrsStore        *self,
                                           gint64           patient_id,
                                           gboolean         archived,
                                           GError         **error);

/* Infusions, interventions, lab results: added, never changed. Their
 * author is kept when set (an import), else the store's author is used. */
gboolean    crs_store_add_infusion        (CrsStore        *self,
                                           CrsInfusion     *infusion,
                                           GError         **error);
GPtrArray  *crs_store_list_infusions      (CrsStore        *self,
                                           gint64           patient_id,
                                           GError         **error);   /* CrsInfusion *, by start */
gboolean    crs_store_add_intervention    (CrsStore        *self,
                                           CrsIntervention *intervention,
                                           GError         **error);
GPtrArray  *crs_store_list_interventions  (CrsStore        *self,
                                           gint64           patient_id,
                                           GError         **error);   /* by time */
gboolean    crs_store_add_lab_result      (CrsStore        *self,
                                           CrsLabResult    *result,
                                           GError         **error);
GPtrArray  *crs_store_list_lab_results    (CrsStore        *self,
                                           gint64           patient_id,
                                           GError         **error);   /* by time */

/* Observation sets. The caller grades the set first and fills its
 * stored_crs_grade, stored_icans_grade, stored_news2 and stored_rules;
 * the store saves them as given and never regrades. recorded_at and
 * author are set by the store; taken_at is required. On success the
 * record is updated to what was saved (id, recorded_at, author). */
gboolean    crs_store_add_observation     (CrsStore        *self,
                                           CrsObservation  *observation,
                                           GError         **error);
/* Saves @replacement as a new version of @old_id with @reason (required);
 * the old version stays readable, marked superseded. Only the newest
 * version can be amended (else CRS_STORE_ERROR_CONFLICT, naming who
 * amended it first and when), and it stays
 * with its patient (patient_id 0 = the old version's). */
gboolean    crs_store_amend_observation   (CrsStore        *self,
                                           gint64           old_id,
                                           CrsObservation  *replacement,
                                           const char      *reason,
                                           GError         **error);
CrsObservation *crs_store_get_observation (CrsStore        *self,
                                           gint64           observation_id,
                                           GError         **error);
/* Sets of a patient taken in [from, to) (0 = unbounded), oldest first;
 * superseded versions only when @include_superseded. */
GPtrArray  *crs_store_list_observations   (CrsStore        *self,
                                           gint64           patient_id,
                                           gint64           from,
                                           gint64           to,
                                           gboolean         include_superseded,
                                           GError         **error);
/* The newest current set of a patient; NULL without error when none. */
CrsObservation *crs_store_get_latest_observation (CrsStore  *self,
                                                  gint64     patient_id,
                                                  GError   **error);
/* The ward list in one query: the newest current set of every patient
 * that has one (archived patients only when @include_archived). */
GPtrArray  *crs_store_list_latest_observations (CrsStore   *self,
                                                gboolean    include_archived,
                                                GError    **error);  /* CrsObservation * */

/* The newest @limit current sets of a patient, oldest first (the ward
 * list's trend: whether the grade is rising). */
GPtrArray  *crs_store_list_recent_observations (CrsStore   *self,
                                                gint64      patient_id,
                                                guint       limit,
                                                GError    **error);  /* CrsObservation * */

/* Escalations. A set saved with stored_red_flag raises an escalation that
 * stays open until a nurse acknowledges that set; a late red flag stays
 * open until a nurse acknowledges the set after it was raised. Amending a
 * set leaves the old version's escalation behind (only current versions
 * count) and the new version raises its own when it has a red flag. */
/* The open escalations: current sets with a red flag (stored or late)
 * not acknowledged since, oldest first; @patient_id 0 = every patient on the
 * ward (not archived), by patient, in one query. */
GPtrArray  *crs_store_list_open_escalations (CrsStore      *self,
                                             gint64         patient_id,
                                             GError       **error);  /* CrsObservation * */
gboolean    crs_store_acknowledge         (CrsStore        *self,
                                           gint64           observation_id,
                                           const char      *note,
                                           GError         **error);
/* Saves @ack as given (an import): its at and author are kept when set,
 * else now and the store's author; id is set on success. */
gboolean    crs_store_add_acknowledgement (CrsStore            *self,
                                           CrsAcknowledgement  *ack,
                                           GError             **error);
GPtrArray  *crs_store_list_acknowledgements (CrsStore      *self,
                                             gint64         patient_id,
                                             GError       **error);  /* CrsAcknowledgement * */

/* Red flags a set raised after it was saved (crs-escalation.h): added by
 * the store itself, in the same transaction, after each write that can
 * change what a set's findings mean (a dose, an infusion, a set taken
 * before others, an amendment, the patient's record), audited as
 * "raise". */
GPtrArray  *crs_store_list_late_red_flags (CrsStore        *self,
                                           gint64           patient_id,
                                           GError         **error);   /* CrsLateRedFlag *, oldest first */
/* The first current set with fever at or after each episode start of
 * @infusions (crs_grading_episode_starts()): (start, taken_at or 0)
 * pairs of gint64, for CrsPatientRecord.first_fevers. One indexed
 * query per infusion. */
GArray     *crs_store_list_first_fevers   (CrsStore        *self,
                                           gint64           patient_id,
                                           GPtrArray       *infusions,
                                           GError         **error);

/* Ward settings (ward policy, ward name): audited key/value pairs. */
char       *crs_store_get_setting         (CrsStore        *self,
                                           const char      *key);    /* NULL when unset */
gboolean    crs_store_set_setting         (CrsStore        *self,
                                           const char      *key,
                                           const char      *value,
                                           GError         **error);
/* The ward's name as people call it ("Haematology 7B"), the setting
 * "ward-name": NULL when unset; an empty or NULL @name unsets it. */
char       *crs_store_get_ward_name       (CrsStore        *self);
gboolean    crs_store_set_ward_name       (CrsStore        *self,
                                           const char      *name,
                                           GError         **error);
/* Every ward setting: a new table of key -> value (value may be NULL). */
GHashTable *crs_store_list_settings       (CrsStore        *self,
                                           GError         **error);

/* The ward policy (keys "policy.hypotension_systolic_below",
 * "policy.capd_below_age", "policy.low_flow_max_l_min",
 * "policy.window_interval_minutes", "policy.news2_min_age",
 * "policy.grade1_interval_minutes", "policy.continuous_max_gap_minutes",
 * "policy.child_hypotension" = "by-age" or "adult"). Loading
 * fills @policy with the defaults (crs_ward_policy_init) and then the
 * stored values; it returns
 * FALSE when a stored value was unreadable or out of range and its
 * default was used instead. Saving refuses (CRS_STORE_ERROR_INVALID,
 * nothing saved) a value outside the bounds in crs-ward-policy.h, and
 * saves the rest in one transaction, audited per changed key. A policy
 * change never rewrites a grade stored with a set. */
gboolean    crs_store_load_policy         (CrsStore            *self,
                                           CrsWardPolicy       *policy);
gboolean    crs_store_save_policy         (CrsStore            *self,
                                           const CrsWardPolicy *policy,
                                           GError             **error);

/* Audit log, oldest first; @table_name NULL = every table, @row_id 0 = every row. */
GPtrArray  *crs_store_list_audit          (CrsStore        *self,
                                           const char      *table_name,
                                           gint64           row_id,
                                           GError         **error);   /* CrsAuditEntry * */

/* All-or-nothing batches (the ward XML import): every add between begin
 * and commit is one transaction; rollback discards them all. "changed"
 * is emitted once, at commit. */
gboolean    crs_store_begin_batch         (CrsStore        *self,
                                           GError         **error);
gboolean    crs_store_commit_batch        (CrsStore        *self,
                                           GError         **error);
void        crs_store_rollback_batch      (CrsStore        *self);
/* A batch for importing records made elsewhere: audited as "import", and
 * crs_store_add_observation keeps the set's author and recorded_at when
 * they are set, and links supersedes_id (an id in this database, of the
 * same patient, not yet superseded) as an amendment with amend_reason.
 * Ended by crs_store_commit_batch or crs_store_rollback_batch. */
gboolean    crs_store_begin_import        (CrsStore        *self,
                                           GError         **error);

/* Maintenance */
gboolean    crs_store_get_counts          (CrsStore        *self,
                                           CrsStoreCounts  *counts,
                                           GError         **error);
/* Full integrity and foreign key check; FALSE with the problems in @error. */
gboolean    crs_store_check_integrity     (CrsStore        *self,
                                           GError         **error);
/* Copies the database into the backup folder now; returns the path. */
char       *crs_store_backup_now          (CrsStore        *self,
                                           GError         **error);

/* Tamper evidence, for `crs-watch-cli check`: whether anything was changed
 * behind CRS Watch's back. */
typedef struct
{
  char      *schema;          /* NULL: the schema of its version; else what differs */
  gboolean   chained;         /* FALSE before schema version 4 (no chain yet) */
  gint64     audit_rows;      /* rows whose hash held */
  gint64     audit_break;     /* 0: the chain holds; else the first row where it breaks */
  guint      rows_differing;  /* records that differ from what the audit log says was saved */
  char      *rows;            /* the first of them, one per line; NULL when none */
  GPtrArray *leftovers;       /* files left by killed processes (paths) */
} CrsStoreVerification;

void        crs_store_verification_clear  (CrsStoreVerification *verification);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrsStoreVerification, crs_store_verification_clear)
/* Compares the schema with its version's, checks the whole audit hash
 * chain, and every record of every audited table against its newest
 * audit row (and every audited row against the table); lists leftovers.
 * FALSE only when the file could not be read. */
gboolean    crs_store_verify              (CrsStore              *self,
                                           CrsStoreVerification  *verification,
                                           GError               **error);
/* TRUE when @verification found nothing wrong (leftovers are not wrong). */
gboolean    crs_store_verification_ok     (const CrsStoreVerification *verification);

/* Restore */

/* What the damaged file (and its -wal) held that the backup lacks. */
typedef struct
{
  const char *table;          /* "observation", ... */
  gint64      count;          /* rows not in the backup, as far as they could be read */
  gboolean    complete;       /* FALSE: reading stopped at damage; at least @count */
} CrsStoreLoss;

typedef struct
{
  char    *backup;            /* the backup put in place */
  char    *set_aside;         /* the folder holding the damaged file and its companions */
  char    *ward_id;
  gboolean damaged_readable;  /* FALSE: nothing of the damaged file could be read */
  GArray  *losses;            /* CrsStoreLoss */
} CrsStoreRestoreReport;

void        crs_store_restore_report_free (CrsStoreRestoreReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsStoreRestoreReport, crs_store_restore_report_free)

/* Progress of a restore, one plain sentence per step. */
typedef void (*CrsStoreProgressFunc) (const char *step,
                                      gpointer    user_data);

/* Puts a backup in the place of the ward database at @db_path, with CRS
 * Watch closed (refused with CRS_STORE_ERROR_IN_USE when any program has
 * it open). @backup NULL: the newest good backup of the ward. The backup
 * is checked first (quick check, application id, version, ward id, schema,
 * audit chain) and copied under a temporary name; the database and its
 * -wal, -shm and -journal are set aside, together, in a new folder beside
 * it (never replayed onto the backup); the copy, with the restore in its
 * audit log, is then renamed into place. A database that passes every
 * check is not replaced unless @force. Interrupted at any point and run
 * again, nothing is lost. */
CrsStoreRestoreReport *crs_store_restore  (const char           *db_path,
                                           const char           *backup,
                                           gboolean              force,
                                           CrsStoreProgressFunc  progress,
                                           gpointer              user_data,
                                           GError              **error);
/* The backup crs_store_restore() would put in place of @db_path (the
 * newest good backup of its ward), or NULL when there is none to offer. */
char       *crs_store_find_restorable_backup (const char *db_path);
/* The report in words, for the command line and the app. */
char       *crs_store_restore_report_describe (const CrsStoreRestoreReport *report);

G_END_DECLS
