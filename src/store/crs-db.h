/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-db.h: one connection to a ward database, SQLite (a file on this
 * workstation, the default) or PostgreSQL (a ward server shared by
 * several workstations). The store's files talk to the database only
 * through these calls, so that one store serves both backends.
 *
 * The calls have the shape of SQLite's own, and return SQLite's result
 * codes for both backends: SQLITE_ROW and SQLITE_DONE from a step,
 * SQLITE_OK, or an error code. The PostgreSQL backend maps the server's
 * SQLSTATE onto the nearest code (a trigger's refusal and a broken
 * constraint to SQLITE_CONSTRAINT, a serialization failure, deadlock or
 * lock timeout to SQLITE_BUSY, a full disk to SQLITE_FULL, missing
 * privileges to SQLITE_PERM, a read-only transaction to SQLITE_READONLY,
 * bad data to SQLITE_MISMATCH, a lost connection to SQLITE_IOERR), so
 * that crs_store_set_error() words one message for either.
 *
 * SQL is written once, in the part of SQL both understand. Parameters are
 * written "?1", "?2"... (or "?" for the next one); the PostgreSQL backend
 * turns them into "$1", "$2"... outside quotes. New rows report their id
 * with "INSERT ... RETURNING id", which both run.
 *
 * Nothing here is thread-safe: one connection belongs to one thread. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  CRS_DB_SQLITE,
  CRS_DB_POSTGRESQL,
} CrsDbKind;

typedef struct _CrsDb     CrsDb;
typedef struct _CrsDbStmt CrsDbStmt;

/* Takes over an open SQLite connection (closed by crs_db_close). */
CrsDb      *crs_db_new_sqlite        (sqlite3      *handle);
/* Uses an SQLite connection its caller keeps and closes (a backup or a
 * file being checked), so that code written for CrsDb can read it. */
CrsDb      *crs_db_new_sqlite_borrowed (sqlite3    *handle);
/* Connects to a PostgreSQL server. @conninfo is a libpq connection
 * string or URI ("postgresql://host/ward", "service=ward"); passwords
 * come from where libpq finds them (PGPASSFILE, ~/.pgpass, the service
 * file), never from the app's settings. Returns NULL with SQLite's
 * SQLITE_CANTOPEN in *@rc and libpq's message in *@message (free it)
 * when the server cannot be reached or refuses. */
CrsDb      *crs_db_connect_postgresql (const char  *conninfo,
                                       int         *rc,
                                       char       **message);
void        crs_db_close             (CrsDb        *db);
/* The database and server @conninfo names, for messages ("ward on
 * db.example.org:5432"); never its password or other settings. */
char       *crs_db_describe_postgresql (const char *conninfo);
/* TRUE when @conninfo carries a password itself (settings must not). */
gboolean    crs_db_conninfo_has_password (const char *conninfo);

CrsDbKind   crs_db_kind              (CrsDb        *db);
/* The SQLite connection; NULL for PostgreSQL. Only for what exists only
 * in SQLite files (the backup API, PRAGMAs about the file). */
sqlite3    *crs_db_sqlite            (CrsDb        *db);
/* The last error's text, for messages ("UNIQUE constraint failed: ...",
 * the server's primary message). Never NULL. */
const char *crs_db_errmsg            (CrsDb        *db);
/* TRUE inside BEGIN ... COMMIT (SQLite: !sqlite3_get_autocommit). */
gboolean    crs_db_in_transaction    (CrsDb        *db);
/* Runs one or more statements without parameters or results. */
int         crs_db_exec              (CrsDb        *db,
                                      const char   *sql);

/* Prepares one statement; SQLITE_OK with it in *@stmt. */
int         crs_db_prepare           (CrsDb        *db,
                                      const char   *sql,
                                      CrsDbStmt   **stmt);
void        crs_db_finalize          (CrsDbStmt    *stmt);
/* Ends the current run of @stmt; the bindings stay. */
int         crs_db_reset             (CrsDbStmt    *stmt);
int         crs_db_clear_bindings    (CrsDbStmt    *stmt);
const char *crs_db_sql               (CrsDbStmt    *stmt);

/* Parameters count from 1. Text is copied. */
int         crs_db_bind_int64        (CrsDbStmt    *stmt,
                                      int           index,
                                      gint64        value);
int         crs_db_bind_int          (CrsDbStmt    *stmt,
                                      int           index,
                                      int           value);
int         crs_db_bind_double       (CrsDbStmt    *stmt,
                                      int           index,
                                      double        value);
/* @text NULL binds NULL. @length -1: up to the nul. */
int         crs_db_bind_text         (CrsDbStmt    *stmt,
                                      int           index,
                                      const char   *text,
                                      int           length);
int         crs_db_bind_null         (CrsDbStmt    *stmt,
                                      int           index);

/* SQLITE_ROW while there are rows, then SQLITE_DONE; or an error code. */
int         crs_db_step              (CrsDbStmt    *stmt);

/* Columns of the current row count from 0. */
int         crs_db_column_count      (CrsDbStmt    *stmt);
/* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_BLOB. */
int         crs_db_column_type       (CrsDbStmt    *stmt,
                                      int           column);
gint64      crs_db_column_int64      (CrsDbStmt    *stmt,
                                      int           column);
int         crs_db_column_int        (CrsDbStmt    *stmt,
                                      int           column);
double      crs_db_column_double     (CrsDbStmt    *stmt,
                                      int           column);
/* NULL for NULL; valid until the next step, reset or finalize. */
const char *crs_db_column_text       (CrsDbStmt    *stmt,
                                      int           column);

/* Other connections' commits, for live updates. PostgreSQL: LISTEN on
 * @channel; the store's writes NOTIFY it inside their transaction, so
 * that the notice goes out with the commit and never without it. SQLite
 * has no notices (the store asks PRAGMA data_version instead): these
 * return SQLITE_OK and count nothing. */
int         crs_db_listen            (CrsDb        *db,
                                      const char   *channel);
int         crs_db_notify            (CrsDb        *db,
                                      const char   *channel,
                                      const char   *payload);
/* Reads what the server sent without waiting, and sets *@count to the
 * notices from other connections since the last call (its own are not
 * counted). SQLITE_IOERR when the connection is lost. */
int         crs_db_take_notifications (CrsDb       *db,
                                       guint       *count);
/* TRUE when a PostgreSQL connection is encrypted (TLS); FALSE for SQLite,
 * which has no connection to encrypt. */
gboolean    crs_db_is_encrypted      (CrsDb        *db);
/* FALSE when a PostgreSQL connection was lost; always TRUE for SQLite. */
gboolean    crs_db_is_connected      (CrsDb        *db);
/* Connects again after a loss (PostgreSQL; LISTENs again). SQLITE_OK
 * when the connection is back. Prepared statements stay usable. */
int         crs_db_reconnect         (CrsDb        *db);
/* A PostgreSQL connection's address, to reach the server from another
 * thread (free with g_free()); NULL for SQLite. */
char       *crs_db_dup_server_address (CrsDb       *db);
/* Whether the server at @address answers and accepts connections. Blocks
 * up to the connect timeout (10 s) against a host that does not answer,
 * so it is meant for a worker thread; FALSE without libpq. */
gboolean    crs_db_ping_server       (const char   *address);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsDb, crs_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsDbStmt, crs_db_finalize)

G_END_DECLS
