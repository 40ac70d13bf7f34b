/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-private.h: what the files of the store share, and the few
 * hooks the tests need (old schema versions, a simulated full disk).
 * Nothing outside src/store and tests/ includes this header. */
#pragma once

#include <sqlite3.h>

#include "crs-db.h"
#include <sys/types.h>

#include "crs-store.h"
#include "crs-store-nurses.h"

G_BEGIN_DECLS

/* The schema this build writes. Every earlier version can still be
 * created (crs_store_schema_create) and is migrated forward at open. */
#define CRS_STORE_SCHEMA_VERSION 7

/* PRAGMA application_id of a ward database: "CRSW" in ASCII. It tells a
 * ward database from any other SQLite file. */
#define CRS_STORE_APPLICATION_ID 0x43525357

/* How long a save waits for another process holding the write lock. */
#define CRS_STORE_DEFAULT_BUSY_TIMEOUT_MS 5000

/* The PostgreSQL channel every write notifies, with its patient id (or
 * 0) as the payload, and every open store listens on. */
#define CRS_STORE_CHANNEL "crs_ward"

/* While the server's connection is lost, how often the watch asks (in a
 * worker thread: a host that drops packets makes it wait) whether the
 * server answers again. */
#define CRS_STORE_RECONNECT_INTERVAL_S 5

/* How many backups the backups/ folder keeps. */
#define CRS_STORE_BACKUPS_KEPT 7

/* How many of the newest audit rows every open checks the hash chain of;
 * the whole chain is checked at the first open of each day, by `check`
 * and before a restore. */
#define CRS_STORE_CHAIN_TAIL_ROWS 1000

typedef struct _CrsStoreProbe CrsStoreProbe;

struct _CrsStore
{
  GObject     parent_instance;

  CrsDb      *db;            /* SQLite or PostgreSQL (crs-db.h) */
  char       *path;
  char       *author;        /* when nobody is signed in (crs_store_set_author) */
  CrsNurse   *account;       /* the signed-in nurse, or NULL (crs-store-nurses.c) */
  gboolean    read_only;
  int         schema_version;
  int         busy_timeout_ms;

  /* Batch state: a batch is one open transaction; each write inside it
   * is a savepoint so that a refused record does not end the batch. */
  gboolean    in_batch;
  gboolean    batch_import;    /* audit as "import", keep authors and times */
  gboolean    batch_lost;      /* SQLite rolled the whole batch back (disk full, I/O) */

  GHashTable *statements;      /* SQL text -> CrsDbStmt *, prepared once */
  GHashTable *row_json_sql;    /* table name -> SQL selecting one row as JSON */
  GHashTable *row_check_sql;   /* table name -> SQL of every row with its newest audit row */
  char       *ward_id;         /* NULL before schema version 4 */
  char       *read_copy_dir;   /* a private copy read instead of the file, removed at close */

  /* Watching other connections' commits (crs-store-watch.c). */
  gint64      data_version;    /* PRAGMA data_version when last asked; 0 = never */
  guint       watch_id;        /* the timer asking, or 0 */
  gboolean    lost;            /* the server's connection is lost (told once) */
  gint64      next_reconnect;  /* monotonic time of the next probe while lost */
  CrsStoreProbe *probe;       /* the newest "does the server answer", or NULL */
};

/* While the connection is lost: TRUE when the watch's probe has waited
 * on the network for over a second, or did and found nobody a moment
 * ago; a save then is refused at once instead of waiting too. */
gboolean crs_store_server_hangs (CrsStore *self);
void     crs_store_probe_unref  (CrsStoreProbe *probe);

/* Statements from the cache: g_autoptr(CrsStmt) resets it at scope end,
 * so that no statement keeps a read transaction open. */
typedef CrsDbStmt CrsStmt;
void crs_stmt_release (CrsStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsStmt, crs_stmt_release)

CrsStmt  *crs_store_prepare        (CrsStore    *self,
                                    const char  *sql,
                                    GError     **error);
/* Runs an "INSERT ... RETURNING id" (both backends run it) and gives the
 * new row's id; 0 when it failed, with the result code in *@rc. */
gint64    crs_store_insert         (CrsStmt     *stmt,
                                    int         *rc);
gboolean  crs_store_exec           (CrsStore    *self,
                                    const char  *sql,
                                    GError     **error);
/* Sets @error from a SQLite result code of @db: busy, full, read-only and
 * damaged files get their own codes and a message a nurse can act on.
 * @what says what was being done ("save the observation set"). Returns
 * FALSE for convenience. */
gboolean  crs_store_set_error      (GError     **error,
                                    sqlite3     *db,
                                    int          rc,
                                    const char  *path,
                                    const char  *what);
gboolean  crs_store_fail           (CrsStore    *self,
                                    int          rc,
                                    const char  *what,
                                    GError     **error);

/* One write = one transaction (or one savepoint inside a batch), held by
 * a guard: g_autoptr(CrsWrite) rolls the write back at scope end unless
 * crs_write_commit() succeeded, so that every early return undoes what
 * the write had done so far:
 *
 *   g_autoptr(CrsWrite) write = crs_write_begin (self, error);
 *   if (write == NULL)
 *     return FALSE;
 *   ... (return FALSE on any error: the guard rolls back)
 *   return crs_write_commit (write, patient_id, error);
 *
 * Declare the guard before the write's statements, so that they are
 * reset before it rolls back. Commit emits "changed" with @patient_id
 * (0: several or not a patient's) unless a batch is open; a failed commit
 * leaves the guard to roll back. */
typedef struct _CrsWrite CrsWrite;
CrsWrite *crs_write_begin          (CrsStore    *self,
                                    GError     **error);
gboolean  crs_write_commit         (CrsWrite    *write,
                                    gint64       patient_id,
                                    GError     **error);
/* Rolls back unless committed, then frees the guard. */
void      crs_write_free           (CrsWrite    *write);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsWrite, crs_write_free)
void      crs_store_emit_changed   (CrsStore    *self,
                                    gint64       patient_id);

gint64    crs_store_now            (void);

/* The shared ward (crs-store-open-server.c, crs-store-schema-postgresql.c). */
CrsStore *crs_store_open_server    (const char  *conninfo,
                                    gboolean     read_only,
                                    GError     **error);
/* SQLITE_OK with 0 in *@version for a database without a ward. */
int       crs_store_schema_postgresql_version (CrsDb   *db,
                                               int     *version);
gboolean  crs_store_schema_postgresql_create  (CrsDb   *db,
                                               GError **error);
/* The schema's SQL, without the ward's row (a migration copies it). */
char     *crs_store_schema_postgresql_sql     (void);
/* FALSE with a message for what only a ward file has (backup files,
 * the file checks): a server is the business of its administrator. */
gboolean  crs_store_refuse_on_server (CrsStore  *self,
                                      GError   **error);
/* FALSE with a message for what only a server has. */
gboolean  crs_store_refuse_unless_server (CrsStore  *self,
                                          GError   **error);
/* Connects again to the server after a loss; TRUE for SQLite. */
gboolean  crs_store_ensure_connected (CrsStore  *self,
                                      GError   **error);
/* SQLITE_OK with the first column of the first row of @sql in *out. */
int       crs_store_query_int      (sqlite3 *db,
                                    const char  *sql,
                                    int         *out);
/* FALSE with CRS_STORE_ERROR_NOT_FOUND when there is no such patient. */
gboolean  crs_store_check_patient  (CrsStore    *self,
                                    gint64       patient_id,
                                    GError     **error);
/* Who writes now: the signed-in nurse's display name, else the author
 * set with crs_store_set_author (the login name by default). */
const char *crs_store_current_author (CrsStore *self);
/* The audit action for an insert: "import" inside an import batch. */
const char *crs_store_insert_action (CrsStore   *self);

/* Audit (crs-store-audit.c). */
gboolean  crs_store_load_row_json_sql (CrsStore  *self,
                                       GError   **error);
/* The row of @table with rowid @row_id as a JSON object (NULL columns
 * left out); NULL with @error when there is no such row. */
char     *crs_store_row_json       (CrsStore    *self,
                                    const char  *table,
                                    gint64       row_id,
                                    GError     **error);
/* Appends an audit row; @after_json NULL = read the row as it is now. */
gboolean  crs_store_audit          (CrsStore    *self,
                                    const char  *action,
                                    const char  *table,
                                    gint64       row_id,
                                    const char  *before_json,
                                    const char  *after_json,
                                    GError     **error);

/* The audit hash chain (crs-store-audit.c). */
extern const char * const crs_store_audited_tables[];
/* SHA-256 (hex) of an audit row's content chained to @previous (NULL for
 * the first row). */
char     *crs_store_audit_hash     (const char  *previous,
                                    gint64       id,
                                    gint64       at,
                                    const char  *author,
                                    const char  *action,
                                    const char  *table,
                                    gint64       row_id,
                                    const char  *before,
                                    const char  *after,
                                    gint64       account_id);   /* 0: nobody signed in */
/* The same for a row read as id, at, author, action, table_name, row_id,
 * before, after (columns 0 to 7 of @stmt) and, when @stmt has a ninth
 * column, account_id. */
char     *crs_store_audit_hash_row (CrsDbStmt *stmt,
                                    const char   *previous);
/* Appends a chained audit row through any connection (inside its write
 * transaction); SQLITE_OK or the error. */
int       crs_store_audit_append   (CrsDb *db,
                                    gint64       at,
                                    const char  *author,
                                    const char  *action,
                                    const char  *table,
                                    gint64       row_id,
                                    const char  *before,
                                    const char  *after);
/* Checks the chain from row @from_id (0: the whole of it) to the end;
 * *break_at is the first row where it breaks (0 when it holds), *n_rows
 * how many rows held before. SQLITE_OK unless the rows could not be read. */
int       crs_store_audit_verify_chain (CrsDb *db,
                                        gint64   from_id,
                                        gint64  *n_rows,
                                        gint64  *break_at);

/* Schema (crs-store-schema.c). */
/* Creates the schema of @version (1..CRS_STORE_SCHEMA_VERSION) in an
 * empty database: the first version's tables, then every migration up to
 * @version. Tests use it to make databases of earlier versions. */
gboolean  crs_store_schema_create  (sqlite3 *db,
                                    int          version,
                                    GError     **error);
/* Runs the migrations from @from_version to @to_version (no transaction
 * of its own; the caller holds one). */
gboolean  crs_store_schema_migrate (sqlite3 *db,
                                    int          from_version,
                                    int          to_version,
                                    GError     **error);
/* Tables every ward database of @version has; NULL-terminated. */
const char * const *crs_store_schema_tables (int version);
/* The tables, indexes, triggers and views of @db: "type name" -> SQL. */
GHashTable *crs_store_schema_objects (sqlite3 *db,
                                      int     *rc_out);
/* What differs between the schema of @db and the one @version must have
 * (built from the migrations), in words; NULL when nothing does. */
char     *crs_store_schema_differences (sqlite3 *db,
                                        int      version,
                                        int     *rc_out);

/* Files (crs-store-files.c). */
extern const char * const crs_store_companion_suffixes[];   /* "-wal", "-shm", "-journal" */
/* umask (077); returns the old one, for umask() to put back. */
mode_t    crs_store_umask_private  (void);
/* The real path of @path, symbolic links followed once; refused (NULL)
 * when it goes through another user's link in a folder others may write
 * to. Parts that do not exist yet are kept as given. */
char     *crs_store_files_resolve  (const char  *path,
                                    GError     **error);
/* Before a writable open: the database and its companions belong to the
 * user and are 0600 (corrected when they are not); refused when one
 * belongs to someone else or is not a plain file. */
gboolean  crs_store_files_prepare  (const char  *path,
                                    GError     **error);
/* TRUE when @dir is a real folder of the user's with mode 0700; made so
 * when absent and @create. FALSE with CRS_STORE_ERROR_UNSAFE saying why. */
gboolean  crs_store_backup_dir_safe (const char  *dir,
                                     gboolean     create,
                                     GError     **error);
/* A plain file of the user's that nobody else may open. */
gboolean  crs_store_files_is_private_file (const char *path);
/* A file built under a temporary name (0600), with an flock() held on
 * its descriptor while it is: g_autoptr(CrsTempFile) removes the name
 * and then closes the descriptor at scope end, so that an early return
 * leaves nothing behind; after crs_temp_file_rename the file stays
 * where it was moved to and only the descriptor is closed. */
typedef struct
{
  char *path;
  int   fd;
} CrsTempFile;
/* mkstemp() on @tmpl ("...XXXXXX"; the name made is in ->path). */
CrsTempFile *crs_temp_file_new_locked    (const char   *tmpl,
                                          GError      **error);
/* The same for a file of a given name, created with O_EXCL. */
CrsTempFile *crs_temp_file_new_exclusive (const char   *path,
                                          GError      **error);
/* Renames the file to @to; FALSE with errno set when that fails. */
gboolean     crs_temp_file_rename        (CrsTempFile  *self,
                                          const char   *to);
void         crs_temp_file_free          (CrsTempFile  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsTempFile, crs_temp_file_free)

/* A connection closed at scope end (sqlite3_close; NULL is fine). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
/* Temporary files of ours beside @db_path and in its backups/ that no
 * living process holds; removed when @remove. Full paths, sorted. */
GPtrArray *crs_store_files_leftovers (const char *db_path,
                                      gboolean    remove);
/* TRUE when another process has the database open. */
gboolean  crs_store_files_in_use   (const char  *db_path);
/* How to read @path without writing beside it: an SQLite URI, and a
 * private copy folder to remove afterwards (crs_store_files_remove_copy)
 * when the file had to be copied (read-only folder, -wal with records). */
gboolean  crs_store_files_read_plan (const char  *path,
                                     char       **uri_out,
                                     char       **copy_dir_out,
                                     GError     **error);
void      crs_store_files_remove_copy (const char *copy_dir);

/* Backups (crs-store-backup.c). */
char     *crs_store_backup_dir     (const char  *db_path);
/* The newest backup of the ward @ward_id that passes every check
 * (crs_store_check_backup); with @ward_id NULL (unreadable from a damaged
 * file), of the ward most backups belong to. NULL with @why saying why
 * not (no backup, an unsafe folder). */
char     *crs_store_backup_find    (const char  *db_path,
                                    const char  *ward_id,
                                    GError     **why);
/* Copies @db into the backup folder of @db_path; @tag (may be NULL) is
 * appended to the name, e.g. "before-v2". Keeps the newest seven. */
char     *crs_store_backup_make    (sqlite3 *db,
                                    const char  *db_path,
                                    const char  *tag,
                                    GError     **error);
/* TRUE when the backup folder holds a backup of @ward_id made today
 * (local time). */
gboolean  crs_store_backup_made_today (const char *db_path,
                                       const char *ward_id);
/* A ward database of a version this CRS Watch reads, of the ward
 * @ward_id (any ward when NULL) that passes the quick check, has the
 * schema of its version and an unbroken audit chain. */
gboolean  crs_store_backup_is_good (const char  *path,
                                    const char  *ward_id);
/* The newest good backup of the ward @ward_id; NULL if none. */
char     *crs_store_backup_newest_good (const char *db_path,
                                        const char *ward_id);
/* Backups of @db_path, newest first (full paths): only from a safe
 * backups/ folder, and only plain owner-only files of the user's. */
GPtrArray *crs_store_backup_list   (const char  *db_path);
/* fsync() the folder holding @path so that a rename or link survives a
 * power cut. */
void      crs_store_sync_dir       (const char  *path);

/* Checks of the file (crs-store-check.c). */
/* Checks an existing file without writing to it: SQLite, a ward database,
 * not too new, passes the quick check; @for_writing: and has the schema
 * of its version and an unbroken audit chain (its newest rows; the whole
 * of it when no backup of today exists yet). Sets *version and *ward_id
 * (may be NULL). */
gboolean  crs_store_check_file     (const char  *path,
                                    int         *version,
                                    char       **ward_id,
                                    gboolean     for_writing,
                                    GError     **error);
/* Checks a backup (or any file meant to become the ward database) the
 * way a restore does: header, application id, a version this CRS Watch
 * reads and that carries a ward id, quick check, tables, the schema of
 * its version, the whole audit chain, and (unless NULL) the ward id.
 * Sets *ward_id_out (may be NULL). Never writes to it. */
gboolean  crs_store_check_backup   (const char  *path,
                                    const char  *ward_id,
                                    char       **ward_id_out,
                                    GError     **error);
/* The ward's id in the open database @db, or NULL (older version,
 * unreadable). */
char     *crs_store_query_ward_id  (sqlite3 *db);
/* The ward id stored in @path, read without writing; NULL when it cannot
 * be read (damaged, older version, not a ward database). */
char     *crs_store_read_ward_id   (const char  *path);
/* Opens @path for reading the way crs_store_files_read_plan says;
 * *copy_dir_out to remove after sqlite3_close. */
int       crs_store_open_for_reading (const char  *path,
                                      sqlite3    **db_out,
                                      char       **copy_dir_out,
                                      GError     **error);
/* Message for a damaged file, naming the newest good backup and the
 * command that restores it. */
char     *crs_store_damaged_message (const char *path,
                                     const char *problem);
/* The same for a file changed behind CRS Watch's back. */
char     *crs_store_tampered_message (const char *path,
                                      const char *problem);
/* Schema, audit chain (the @tail_rows newest rows; 0 = all) of an open
 * connection; a description of the first problem, or NULL. */
char     *crs_store_find_tampering (sqlite3 *db,
                                    int         version,
                                    gint64      tail_rows,
                                    int        *rc_out);

/* Values (crs-store-values.c): missing numbers and unset choices are
 * NULL in the database; times of 0 are NULL. */
void      crs_bind_text            (CrsDbStmt *stmt, int i, const char *value);
void      crs_bind_int             (CrsDbStmt *stmt, int i, int value);     /* < 0 = NULL */
void      crs_bind_double          (CrsDbStmt *stmt, int i, double value);  /* NAN = NULL */
void      crs_bind_time            (CrsDbStmt *stmt, int i, gint64 value);  /* 0 = NULL */
void      crs_bind_id              (CrsDbStmt *stmt, int i, const char *id); /* NULL = NULL */
char     *crs_column_text          (CrsDbStmt *stmt, int i);
int       crs_column_int           (CrsDbStmt *stmt, int i);     /* NULL = CRS_MISSING */
double    crs_column_double        (CrsDbStmt *stmt, int i);     /* NULL = NAN */
gint64    crs_column_time          (CrsDbStmt *stmt, int i);     /* NULL = 0 */
/* FALSE with CRS_STORE_ERROR_INVALID naming @field when @value is not
 * valid UTF-8 text. */
gboolean  crs_check_text           (const char *field, const char *value, GError **error);
/* FALSE when @value is infinite (NAN is a missing value and fine). */
gboolean  crs_check_double         (const char *field, double value, GError **error);
/* FALSE when a choice has a value with no machine id. */
gboolean  crs_check_choice         (const char *field, int value, const char *id,
                                    GError **error);
/* Error for a stored choice this version does not know. */
gboolean  crs_set_unknown_choice   (GError **error, const char *table, gint64 row_id,
                                    const char *field);

/* Test hooks. */
/* Limits the database to @pages pages (SQLite max_page_count) so that the
 * next growth fails with SQLITE_FULL: a full disk without a full disk. */
void      crs_store_set_max_page_count (CrsStore *self,
                                        int       pages);
sqlite3  *crs_store_get_db         (CrsStore    *self);
/* The store's connection, SQLite or PostgreSQL. */
CrsDb    *crs_store_get_connection (CrsStore    *self);

/* Grades again the current sets of @patient_id taken at or after @from
 * (but @graded_id, a set just saved with its grades; 0 = none) with the
 * full history and adds a late red flag (audited) to each that now
 * raises one it was not saved with (crs-store-escalations.c). Runs inside
 * the caller's write; does nothing in a batch. */
gboolean  crs_store_raise_late_red_flags (CrsStore  *self,
                                          gint64     patient_id,
                                          gint64     from,
                                          gint64     graded_id,
                                          GError   **error);

G_END_DECLS
