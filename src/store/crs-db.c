/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-db.c: CrsDb, one connection to a ward database (crs-db.h): the
 * SQLite backend, and the dispatch to the PostgreSQL one
 * (crs-db-postgresql.c) when the build has libpq. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-db.h"
#ifdef HAVE_LIBPQ
#include <libpq-fe.h>

#include "crs-db-postgresql.h"
#endif

struct _CrsDb
{
  CrsDbKind  kind;
  sqlite3   *sqlite;
  gboolean   borrowed;    /* the caller closes @sqlite */
#ifdef HAVE_LIBPQ
  CrsDbPg   *pg;
#endif
};

struct _CrsDbStmt
{
  CrsDb        *db;        /* not a reference: statements never outlive it */
  sqlite3_stmt *sqlite;
#ifdef HAVE_LIBPQ
  CrsDbPgStmt  *pg;
#endif
};

#ifdef HAVE_LIBPQ
#define IS_PG(db) ((db)->kind == CRS_DB_POSTGRESQL)
#else
#define IS_PG(db) FALSE
#endif

CrsDb *
crs_db_new_sqlite (sqlite3 *handle)
{
  CrsDb *db = g_new0 (CrsDb, 1);

  g_return_val_if_fail (handle != NULL, NULL);

  db->kind = CRS_DB_SQLITE;
  db->sqlite = handle;
  return db;
}

CrsDb *
crs_db_new_sqlite_borrowed (sqlite3 *handle)
{
  CrsDb *db = crs_db_new_sqlite (handle);

  if (db != NULL)
    db->borrowed = TRUE;
  return db;
}

CrsDb *
crs_db_connect_postgresql (const char  *conninfo,
                           int         *rc,
                           char       **message)
{
#ifdef HAVE_LIBPQ
  CrsDbPg *pg = crs_db_pg_connect (conninfo, rc, message);
  CrsDb *db;

  if (pg == NULL)
    return NULL;
  db = g_new0 (CrsDb, 1);
  db->kind = CRS_DB_POSTGRESQL;
  db->pg = pg;
  return db;
#else
  (void) conninfo;
  if (rc != NULL)
    *rc = SQLITE_CANTOPEN;
  if (message != NULL)
    *message = g_strdup (_("this build of CRS Watch has no PostgreSQL support"));
  return NULL;
#endif
}

char *
crs_db_describe_postgresql (const char *conninfo)
{
#ifdef HAVE_LIBPQ
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *dbname = NULL, *host = NULL, *port = NULL, *service = NULL;
  char *text;

  if (options == NULL)
    return g_strdup (_("the ward server"));
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "service"))
        service = o->val;
    }
  if (service != NULL && dbname == NULL && host == NULL)
    /* TRANSLATORS: a PostgreSQL service name from the ward's settings */
    text = g_strdup_printf (_("service %s"), service);
  else
    /* TRANSLATORS: database "on" server[:port] */
    text = g_strdup_printf (_("%s on %s%s%s"), dbname != NULL ? dbname : _("the default database"),
                            host != NULL ? host : _("this computer"),
                            port != NULL ? ":" : "", port != NULL ? port : "");
  PQconninfoFree (options);
  return text;
#else
  (void) conninfo;
  return g_strdup (_("the ward server"));
#endif
}

gboolean
crs_db_conninfo_has_password (const char *conninfo)
{
#ifdef HAVE_LIBPQ
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  gboolean found = FALSE;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL && *o->val != '\0')
      found = TRUE;
  PQconninfoFree (options);
  return found;
#else
  return strstr (conninfo, "password") != NULL || strstr (conninfo, "@") != NULL;
#endif
}

void
crs_db_close (CrsDb *db)
{
  if (db == NULL)
    return;
#ifdef HAVE_LIBPQ
  g_clear_pointer (&db->pg, crs_db_pg_close);
#endif
  if (db->sqlite != NULL && !db->borrowed)
    sqlite3_close_v2 (db->sqlite);
  g_free (db);
}

CrsDbKind
crs_db_kind (CrsDb *db)
{
  return db->kind;
}

sqlite3 *
crs_db_sqlite (CrsDb *db)
{
  return db->sqlite;
}

const char *
crs_db_errmsg (CrsDb *db)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_errmsg (db->pg);
#endif
  return sqlite3_errmsg (db->sqlite);
}

gboolean
crs_db_in_transaction (CrsDb *db)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_in_transaction (db->pg);
#endif
  return !sqlite3_get_autocommit (db->sqlite);
}

int
crs_db_exec (CrsDb      *db,
             const char *sql)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_exec (db->pg, sql);
#endif
  return sqlite3_exec (db->sqlite, sql, NULL, NULL, NULL);
}

int
crs_db_prepare (CrsDb       *db,
                const char  *sql,
                CrsDbStmt  **stmt)
{
  g_autofree CrsDbStmt *made = g_new0 (CrsDbStmt, 1);
  int rc;

  *stmt = NULL;
  made->db = db;
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    rc = crs_db_pg_prepare (db->pg, sql, &made->pg);
  else
#endif
    rc = sqlite3_prepare_v3 (db->sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT, &made->sqlite, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (made->sqlite);
      return rc;
    }
  *stmt = g_steal_pointer (&made);
  return SQLITE_OK;
}

void
crs_db_finalize (CrsDbStmt *stmt)
{
  if (stmt == NULL)
    return;
#ifdef HAVE_LIBPQ
  g_clear_pointer (&stmt->pg, crs_db_pg_finalize);
#endif
  sqlite3_finalize (stmt->sqlite);
  g_free (stmt);
}

int
crs_db_reset (CrsDbStmt *stmt)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_reset (stmt->pg);
#endif
  return sqlite3_reset (stmt->sqlite);
}

int
crs_db_clear_bindings (CrsDbStmt *stmt)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_clear_bindings (stmt->pg);
#endif
  return sqlite3_clear_bindings (stmt->sqlite);
}

const char *
crs_db_sql (CrsDbStmt *stmt)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_sql (stmt->pg);
#endif
  return sqlite3_sql (stmt->sqlite);
}

int
crs_db_bind_int64 (CrsDbStmt *stmt,
                   int        index,
                   gint64     value)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_bind_int64 (stmt->pg, index, value);
#endif
  return sqlite3_bind_int64 (stmt->sqlite, index, value);
}

int
crs_db_bind_int (CrsDbStmt *stmt,
                 int        index,
                 int        value)
{
  return crs_db_bind_int64 (stmt, index, value);
}

int
crs_db_bind_double (CrsDbStmt *stmt,
                    int        index,
                    double     value)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_bind_double (stmt->pg, index, value);
#endif
  return sqlite3_bind_double (stmt->sqlite, index, value);
}

int
crs_db_bind_text (CrsDbStmt  *stmt,
                  int         index,
                  const char *text,
                  int         length)
{
  if (text == NULL)
    return crs_db_bind_null (stmt, index);
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_bind_text (stmt->pg, index, text, length);
#endif
  return sqlite3_bind_text (stmt->sqlite, index, text, length, SQLITE_TRANSIENT);
}

int
crs_db_bind_null (CrsDbStmt *stmt,
                  int        index)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_bind_null (stmt->pg, index);
#endif
  return sqlite3_bind_null (stmt->sqlite, index);
}

int
crs_db_step (CrsDbStmt *stmt)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_step (stmt->pg);
#endif
  return sqlite3_step (stmt->sqlite);
}

int
crs_db_column_count (CrsDbStmt *stmt)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_column_count (stmt->pg);
#endif
  return sqlite3_column_count (stmt->sqlite);
}

int
crs_db_column_type (CrsDbStmt *stmt,
                    int        column)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_column_type (stmt->pg, column);
#endif
  return sqlite3_column_type (stmt->sqlite, column);
}

gint64
crs_db_column_int64 (CrsDbStmt *stmt,
                     int        column)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_column_int64 (stmt->pg, column);
#endif
  return sqlite3_column_int64 (stmt->sqlite, column);
}

int
crs_db_column_int (CrsDbStmt *stmt,
                   int        column)
{
  return (int) CLAMP (crs_db_column_int64 (stmt, column), G_MININT, G_MAXINT);
}

double
crs_db_column_double (CrsDbStmt *stmt,
                      int        column)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_column_double (stmt->pg, column);
#endif
  return sqlite3_column_double (stmt->sqlite, column);
}

const char *
crs_db_column_text (CrsDbStmt *stmt,
                    int        column)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (stmt->db))
    return crs_db_pg_column_text (stmt->pg, column);
#endif
  return (const char *) sqlite3_column_text (stmt->sqlite, column);
}

int
crs_db_listen (CrsDb      *db,
               const char *channel)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_listen (db->pg, channel);
#endif
  (void) channel;
  return SQLITE_OK;
}

int
crs_db_notify (CrsDb      *db,
               const char *channel,
               const char *payload)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_notify (db->pg, channel, payload);
#endif
  (void) channel;
  (void) payload;
  return SQLITE_OK;
}

int
crs_db_take_notifications (CrsDb *db,
                           guint *count)
{
  *count = 0;
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_take_notifications (db->pg, count);
#endif
  return SQLITE_OK;
}

gboolean
crs_db_is_encrypted (CrsDb *db)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_is_encrypted (db->pg);
#endif
  return FALSE;
}

gboolean
crs_db_is_connected (CrsDb *db)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_is_connected (db->pg);
#endif
  return TRUE;
}

int
crs_db_reconnect (CrsDb *db)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_reconnect (db->pg);
#endif
  return SQLITE_OK;
}

char *
crs_db_dup_server_address (CrsDb *db)
{
#ifdef HAVE_LIBPQ
  if (IS_PG (db))
    return crs_db_pg_dup_conninfo (db->pg);
#endif
  return NULL;
}

gboolean
crs_db_ping_server (const char *address)
{
  g_return_val_if_fail (address != NULL, FALSE);
#ifdef HAVE_LIBPQ
  return crs_db_pg_ping (address);
#else
  return FALSE;
#endif
}
