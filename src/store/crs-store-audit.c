/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-audit.c: the audit log: one row per change with time, author,
 * action, table, row and the values before and after as JSON.
 *
 * The JSON is made by SQLite itself (json_object over the row's columns,
 * read from the schema), so every column of every table is in it, a
 * column added by a migration appears without code changes, and the
 * escaping is SQLite's, not ours. NULL columns are left out. The
 * database refuses UPDATE and DELETE on the audit table (triggers in
 * crs-store-schema.c).
 *
 * Since schema version 4 every row carries a hash: SHA-256 over its own
 * content and the previous row's hash, so that a row changed, removed or
 * slipped in between others breaks the chain from there on, and `check`
 * says where. The chain has no secret: it shows changes made behind CRS
 * Watch's back with the sqlite3 tool, not a forger who recomputes every
 * hash after the change.
 *
 * Since schema version 7 a row may name the signed-in nurse account
 * (account_id). The id enters the hash only when it is set, so that the
 * rows written before (and rows written with nobody signed in) hash as
 * they always did. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-store-private.h"

/* Tables whose rows are audited. */
const char * const crs_store_audited_tables[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting",
  "acknowledgement", "late_red_flag", "nurse", NULL
};

void
crs_audit_entry_free (CrsAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->author);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry);
}

/* The SQL of crs_store_row_json and of the check of every row, for
 * each audited table. The JSON is made by the database: SQLite's
 * json_object, PostgreSQL's row_to_json, both compact, with the
 * columns in the table's order and NULLs left out, so that a ward moved
 * from one to the other reads the same. A row is found by its rowid;
 * on PostgreSQL, where only the setting table has a rowid column (the
 * others' id is their SQLite rowid), by its id. */
gboolean
crs_store_load_row_json_sql (CrsStore  *self,
                             GError   **error)
{
  gboolean server = crs_store_is_shared (self);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  stmt = crs_store_prepare (self,
                            server
                            ? "SELECT column_name FROM information_schema.columns"
                              " WHERE table_schema = current_schema () AND table_name = ?1"
                              " ORDER BY ordinal_position"
                            : "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint t = 0; crs_store_audited_tables[t] != NULL; t++)
    {
      const char *table = crs_store_audited_tables[t];
      g_autoptr(GString) expr = g_string_new (NULL);
      const char *key = server ? "id" : "rowid";
      guint n = 0;

      crs_db_bind_text (stmt, 1, table, -1);
      /* PostgreSQL: row_to_json of a row of just these columns, since a
       * function takes at most 100 arguments (json_build_object). */
      g_string_append (expr, server ? "(SELECT json_strip_nulls (row_to_json (r))::text FROM (SELECT "
                                    : "(SELECT json_group_object (key, value) "
                                      "FROM json_each (json_object (");
      while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
        {
          const char *column = crs_db_column_text (stmt, 0);

          /* SQLite's rowid is not a column there: not in the JSON here. */
          if (server && g_str_equal (column, "rowid"))
            {
              key = "rowid";
              continue;
            }
          /* Column names come from our own schema; quoted all the same,
           * and qualified: json_each has columns named id, key, value. */
          if (server)
            g_string_append_printf (expr, "%scrs_row.\"%s\"", n++ ? ", " : "", column);
          else
            g_string_append_printf (expr, "%s'%s', crs_row.\"%s\"", n++ ? ", " : "", column,
                                    column);
        }
      crs_db_reset (stmt);
      if (rc != SQLITE_DONE)
        return crs_store_fail (self, rc, _("read the ward database"), error);
      /* A table that an older schema version does not have yet. */
      if (n == 0)
        continue;
      g_string_append (expr, server ? ") AS r)" : ")) WHERE type <> 'null')");
      g_hash_table_insert (self->row_json_sql, g_strdup (table),
                           g_strdup_printf ("SELECT %s FROM \"%s\" AS crs_row"
                                            " WHERE crs_row.%s = ?1", expr->str, table, key));
      /* Every row with the newest audit row about it (crs-store-verify.c). */
      g_hash_table_insert (self->row_check_sql, g_strdup (table),
                           g_strdup_printf ("SELECT crs_row.%s, %s, a.id, a.after"
                                            " FROM \"%s\" AS crs_row LEFT JOIN audit AS a"
                                            " ON a.id = (SELECT max (id) FROM audit"
                                            " WHERE table_name = '%s' AND row_id = crs_row.%s)"
                                            " ORDER BY crs_row.%s",
                                            key, expr->str, table, table, key, key));
    }
  return TRUE;
}

char *
crs_store_row_json (CrsStore    *self,
                    const char  *table,
                    gint64       row_id,
                    GError     **error)
{
  const char *sql = g_hash_table_lookup (self->row_json_sql, table);
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  stmt = crs_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  crs_db_bind_int64 (stmt, 1, row_id);
  rc = crs_db_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (crs_db_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                   _("There is no record %" PRId64 " in %s."), row_id, table);
      return NULL;
    }
  crs_store_fail (self, rc, _("read the ward database"), error);
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* The hash chain */

static void
hash_text (GChecksum  *sum,
           const char *text)
{
  if (text == NULL)
    g_checksum_update (sum, (const guchar *) "N", 1);
  else
    {
      /* Length-prefixed: no field can run into the next. */
      g_autofree char *head = g_strdup_printf ("T%zu:", strlen (text));
      g_checksum_update (sum, (const guchar *) head, -1);
      g_checksum_update (sum, (const guchar *) text, (gssize) strlen (text));
    }
}

static void
hash_int (GChecksum *sum,
          gint64     value)
{
  g_autofree char *text = g_strdup_printf ("I%" PRId64 ";", value);
  g_checksum_update (sum, (const guchar *) text, -1);
}

char *
crs_store_audit_hash (const char *previous,
                      gint64      id,
                      gint64      at,
                      const char *author,
                      const char *action,
                      const char *table,
                      gint64      row_id,
                      const char *before,
                      const char *after,
                      gint64      account_id)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) "crs-watch-audit-1", -1);
  hash_text (sum, previous);
  hash_int (sum, id);
  hash_int (sum, at);
  hash_text (sum, author);
  hash_text (sum, action);
  hash_text (sum, table);
  hash_int (sum, row_id);
  hash_text (sum, before);
  hash_text (sum, after);
  if (account_id > 0)
    {
      g_checksum_update (sum, (const guchar *) "A", 1);
      hash_int (sum, account_id);
    }
  return g_strdup (g_checksum_get_string (sum));
}

char *
crs_store_audit_hash_row (CrsDbStmt *stmt,
                          const char   *previous)
{
  return crs_store_audit_hash (previous,
                               crs_db_column_int64 (stmt, 0),
                               crs_db_column_int64 (stmt, 1),
                               crs_db_column_text (stmt, 2),
                               crs_db_column_text (stmt, 3),
                               crs_db_column_text (stmt, 4),
                               crs_db_column_int64 (stmt, 5),
                               crs_db_column_text (stmt, 6),
                               crs_db_column_text (stmt, 7),
                               crs_db_column_count (stmt) > 8
                               ? crs_db_column_int64 (stmt, 8) : 0);
}

/* max (id) reads the last entry of the rowid b-tree: no scan. */
#define LAST_ROW_SQL "SELECT id, hash FROM audit WHERE id = (SELECT max (id) FROM audit)"
#define INSERT_SQL "INSERT INTO audit (id, at, author, action, table_name, row_id, before, after," \
                   " hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
/* The same with the signed-in account (schema version 7 on). */
#define INSERT_ACCOUNT_SQL "INSERT INTO audit (id, at, author, action, table_name, row_id, before," \
                           " after, hash, account_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"

/* Appends a row after the last one, chained to it; SQLITE_OK or the error. */
static int
append (CrsDbStmt *last,
        CrsDbStmt *insert,
        gint64        at,
        const char   *author,
        const char   *action,
        const char   *table,
        gint64        row_id,
        const char   *before,
        const char   *after,
        gint64        account_id)
{
  g_autofree char *previous = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 1;
  int rc;

  rc = crs_db_step (last);
  if (rc == SQLITE_ROW)
    {
      id = crs_db_column_int64 (last, 0) + 1;
      previous = g_strdup (crs_db_column_text (last, 1));
    }
  else if (rc != SQLITE_DONE)
    return rc;
  crs_db_reset (last);

  hash = crs_store_audit_hash (previous, id, at, author, action, table, row_id, before, after,
                               account_id);
  crs_db_bind_int64 (insert, 1, id);
  crs_db_bind_int64 (insert, 2, at);
  crs_db_bind_text (insert, 3, author, -1);
  crs_db_bind_text (insert, 4, action, -1);
  crs_db_bind_text (insert, 5, table, -1);
  crs_db_bind_int64 (insert, 6, row_id);
  if (before != NULL)
    crs_db_bind_text (insert, 7, before, -1);
  else
    crs_db_bind_null (insert, 7);
  crs_db_bind_text (insert, 8, after, -1);
  crs_db_bind_text (insert, 9, hash, -1);
  if (account_id > 0)
    crs_db_bind_int64 (insert, 10, account_id);
  rc = crs_db_step (insert);
  crs_db_reset (insert);
  crs_db_clear_bindings (insert);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
crs_store_audit_append (CrsDb *db,
                        gint64      at,
                        const char *author,
                        const char *action,
                        const char *table,
                        gint64      row_id,
                        const char *before,
                        const char *after)
{
  CrsDbStmt *last = NULL;
  CrsDbStmt *insert = NULL;
  int rc;

  rc = crs_db_prepare (db, LAST_ROW_SQL, &last);
  if (rc == SQLITE_OK)
    rc = crs_db_prepare (db, INSERT_SQL, &insert);
  if (rc == SQLITE_OK)
    rc = append (last, insert, at, author, action, table, row_id, before, after, 0);
  crs_db_finalize (last);
  crs_db_finalize (insert);
  return rc;
}

int
crs_store_audit_verify_chain (CrsDb *db,
                              gint64   from_id,
                              gint64  *n_rows,
                              gint64  *break_at)
{
  CrsDbStmt *stmt = NULL;
  g_autofree char *previous = NULL;
  gint64 expected_id = MAX (from_id, 1);
  gboolean has_account;
  int rc;

  *n_rows = 0;
  *break_at = 0;

  /* A tail check trusts the row before it. */
  if (expected_id > 1)
    {
      rc = crs_db_prepare (db, "SELECT hash FROM audit WHERE id = ?1", &stmt);
      if (rc != SQLITE_OK)
        return rc;
      crs_db_bind_int64 (stmt, 1, expected_id - 1);
      rc = crs_db_step (stmt);
      if (rc == SQLITE_ROW)
        previous = g_strdup (crs_db_column_text (stmt, 0));
      crs_db_finalize (stmt);
      stmt = NULL;
      if (rc != SQLITE_ROW)
        {
          *break_at = expected_id - 1;
          return rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }

  /* Column 8 is the account (NULL before version 7), 9 the hash. A ward
   * server starts at version 7. */
  rc = crs_db_prepare (db, crs_db_kind (db) == CRS_DB_POSTGRESQL
                           ? "SELECT 1"
                           : "SELECT 1 FROM pragma_table_info ('audit') WHERE name = 'account_id'",
                       &stmt);
  if (rc != SQLITE_OK)
    return rc;
  has_account = crs_db_step (stmt) == SQLITE_ROW;
  crs_db_finalize (stmt);
  stmt = NULL;
  rc = crs_db_prepare (db, has_account
                           ? "SELECT id, at, author, action, table_name, row_id, before, after,"
                             " account_id, hash FROM audit WHERE id >= ?1 ORDER BY id"
                           : "SELECT id, at, author, action, table_name, row_id, before, after,"
                             " NULL, hash FROM audit WHERE id >= ?1 ORDER BY id", &stmt);
  if (rc != SQLITE_OK)
    return rc;
  crs_db_bind_int64 (stmt, 1, expected_id);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = crs_db_column_int64 (stmt, 0);
      g_autofree char *hash = NULL;

      /* A row taken out: the chain breaks where it was. */
      if (id != expected_id)
        {
          *break_at = expected_id;
          break;
        }
      hash = crs_store_audit_hash_row (stmt, previous);
      if (g_strcmp0 (hash, crs_db_column_text (stmt, 9)) != 0)
        {
          *break_at = id;
          break;
        }
      g_free (previous);
      previous = g_steal_pointer (&hash);
      expected_id++;
      (*n_rows)++;
    }
  crs_db_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

gboolean
crs_store_audit (CrsStore    *self,
                 const char  *action,
                 const char  *table,
                 gint64       row_id,
                 const char  *before_json,
                 const char  *after_json,
                 GError     **error)
{
  g_autofree char *after_now = NULL;
  g_autoptr(CrsStmt) last = NULL;
  g_autoptr(CrsStmt) insert = NULL;
  int rc;

  if (after_json == NULL)
    {
      after_now = crs_store_row_json (self, table, row_id, error);
      if (after_now == NULL)
        return FALSE;
      after_json = after_now;
    }

  /* Inside the write transaction: no other writer can append between
   * reading the last row and adding this one. */
  last = crs_store_prepare (self, LAST_ROW_SQL, error);
  if (last == NULL)
    return FALSE;
  insert = crs_store_prepare (self, INSERT_ACCOUNT_SQL, error);
  if (insert == NULL)
    return FALSE;
  rc = append (last, insert, crs_store_now (), crs_store_current_author (self), action, table,
               row_id, before_json, after_json,
               self->account != NULL ? self->account->id : 0);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("write the audit log"), error);
  return TRUE;
}

GPtrArray *
crs_store_list_audit (CrsStore    *self,
                      const char  *table_name,
                      gint64       row_id,
                      GError     **error)
{
  /* One statement per filter, so that each can use the audit_of_row index. */
  /* The second four for files before version 7 (no account_id). */
#define AUDIT_COLUMNS "SELECT id, at, author, action, table_name, row_id, before, after, "
  static const char * const queries[] = {
    AUDIT_COLUMNS "account_id FROM audit ORDER BY id",
    AUDIT_COLUMNS "account_id FROM audit WHERE table_name = ?1 ORDER BY id",
    AUDIT_COLUMNS "account_id FROM audit WHERE row_id = ?2 ORDER BY id",
    AUDIT_COLUMNS "account_id FROM audit WHERE table_name = ?1 AND row_id = ?2 ORDER BY id",
    AUDIT_COLUMNS "NULL FROM audit ORDER BY id",
    AUDIT_COLUMNS "NULL FROM audit WHERE table_name = ?1 ORDER BY id",
    AUDIT_COLUMNS "NULL FROM audit WHERE row_id = ?2 ORDER BY id",
    AUDIT_COLUMNS "NULL FROM audit WHERE table_name = ?1 AND row_id = ?2 ORDER BY id",
  };
#undef AUDIT_COLUMNS
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, queries[(table_name != NULL) + 2 * (row_id != 0) +
                                          4 * (self->schema_version < 7)], error);
  if (stmt == NULL)
    return NULL;
  if (table_name != NULL)
    crs_db_bind_text (stmt, 1, table_name, -1);
  if (row_id != 0)
    crs_db_bind_int64 (stmt, 2, row_id);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_audit_entry_free);
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      CrsAuditEntry *entry = g_new0 (CrsAuditEntry, 1);

      entry->id = crs_db_column_int64 (stmt, 0);
      entry->at = crs_db_column_int64 (stmt, 1);
      entry->author = g_strdup (crs_db_column_text (stmt, 2));
      entry->action = g_strdup (crs_db_column_text (stmt, 3));
      entry->table_name = g_strdup (crs_db_column_text (stmt, 4));
      entry->row_id = crs_db_column_int64 (stmt, 5);
      entry->before = g_strdup (crs_db_column_text (stmt, 6));
      entry->after = g_strdup (crs_db_column_text (stmt, 7));
      entry->account_id = crs_db_column_int64 (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the audit log"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
