/* crs-store-audit.c: the audit log: one row per change with time, author,
 * action, table, row and the values before and after as JSON.
 *
 * The JSON is made by SQLite itself (json_object over the row's columns,
 * read from the schema), so every column of every table is in it, a
 * column added by a migration appears without code changes, and the
 * escaping is SQLite's, not ours. NULL columns are left out. The
 * database refuses UPDATE and DELETE on the audit table (triggers in
 * crs-store-schema.c). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-store-private.h"

/* Tables whose rows are audited. */
static const char * const audited_tables[] = {
  "patient", "infusion", "observation", "intervention", "lab_result", "setting",
  "acknowledgement", "late_red_flag", NULL
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

gboolean
crs_store_load_row_json_sql (CrsStore  *self,
                             GError   **error)
{
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  stmt = crs_store_prepare (self, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error);
  if (stmt == NULL)
    return FALSE;

  for (guint t = 0; audited_tables[t] != NULL; t++)
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      guint n = 0;

      sqlite3_bind_text (stmt, 1, audited_tables[t], -1, SQLITE_STATIC);
      g_string_append (sql, "SELECT (SELECT json_group_object (key, value) "
                            "FROM json_each (json_object (");
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 0);
          /* Column names come from our own schema; quoted all the same,
           * and qualified: json_each has columns named id, key, value. */
          g_string_append_printf (sql, "%s'%s', crs_row.\"%s\"", n++ ? ", " : "", column,
                                  column);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return crs_store_fail (self, rc, _("read the ward database"), error);
      /* A table that an older schema version does not have yet. */
      if (n == 0)
        continue;
      g_string_append_printf (sql, ")) WHERE type <> 'null') FROM \"%s\" AS crs_row"
                                   " WHERE crs_row.rowid = ?1",
                              audited_tables[t]);
      g_hash_table_insert (self->row_json_sql, g_strdup (audited_tables[t]),
                           g_string_free (g_steal_pointer (&sql), FALSE));
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
  sqlite3_bind_int64 (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                   _("There is no record %" G_GINT64_FORMAT " in %s."), row_id, table);
      return NULL;
    }
  crs_store_fail (self, rc, _("read the ward database"), error);
  return NULL;
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
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  if (after_json == NULL)
    {
      after_now = crs_store_row_json (self, table, row_id, error);
      if (after_now == NULL)
        return FALSE;
      after_json = after_now;
    }

  stmt = crs_store_prepare (self,
                            "INSERT INTO audit (at, author, action, table_name, row_id, before, after)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, crs_store_now ());
  sqlite3_bind_text (stmt, 2, self->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, row_id);
  if (before_json != NULL)
    sqlite3_bind_text (stmt, 6, before_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, after_json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
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
  static const char * const queries[] = {
    "SELECT id, at, author, action, table_name, row_id, before, after FROM audit"
    " ORDER BY id",
    "SELECT id, at, author, action, table_name, row_id, before, after FROM audit"
    " WHERE table_name = ?1 ORDER BY id",
    "SELECT id, at, author, action, table_name, row_id, before, after FROM audit"
    " WHERE row_id = ?2 ORDER BY id",
    "SELECT id, at, author, action, table_name, row_id, before, after FROM audit"
    " WHERE table_name = ?1 AND row_id = ?2 ORDER BY id",
  };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CrsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), NULL);

  stmt = crs_store_prepare (self, queries[(table_name != NULL) + 2 * (row_id != 0)], error);
  if (stmt == NULL)
    return NULL;
  if (table_name != NULL)
    sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_TRANSIENT);
  if (row_id != 0)
    sqlite3_bind_int64 (stmt, 2, row_id);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrsAuditEntry *entry = g_new0 (CrsAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = sqlite3_column_int64 (stmt, 1);
      entry->author = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->table_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->row_id = sqlite3_column_int64 (stmt, 5);
      entry->before = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      entry->after = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      crs_store_fail (self, rc, _("read the audit log"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
