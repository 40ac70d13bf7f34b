/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-verify.c: tamper evidence for `crs-watch-cli check`.
 *
 * Three things are compared, each able to show a change that the others
 * would miss:
 *  - the schema with the one its version must have (a trigger dropped,
 *    or added, or changed);
 *  - the audit log's hash chain (an audit row changed, removed or added);
 *  - every record of every audited table with the newest audit row about
 *    it, whose "after" holds the record as CRS Watch saved it (a record
 *    changed or added with the triggers out of the way and put back; a
 *    record deleted that the audit log still lists).
 * Messages name tables, row numbers and trigger names, never patient data. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-store-private.h"

/* Differences listed in full; the rest are counted. */
#define MAX_LISTED 20

void
crs_store_verification_clear (CrsStoreVerification *verification)
{
  g_clear_pointer (&verification->schema, g_free);
  g_clear_pointer (&verification->rows, g_free);
  g_clear_pointer (&verification->leftovers, g_ptr_array_unref);
  memset (verification, 0, sizeof *verification);
}

gboolean
crs_store_verification_ok (const CrsStoreVerification *verification)
{
  return verification->schema == NULL && verification->audit_break == 0 &&
         verification->rows_differing == 0;
}

/* key -> "type value" of a JSON object, read by SQLite. */
static GHashTable *
json_map (CrsDbStmt *each,
          const char   *json)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  crs_db_bind_text (each, 1, json, -1);
  while (crs_db_step (each) == SQLITE_ROW)
    g_hash_table_insert (map, g_strdup (crs_db_column_text (each, 0)),
                         g_strdup_printf ("%s %s", crs_db_column_text (each, 1),
                                          crs_db_column_text (each, 2)));
  crs_db_reset (each);
  return map;
}

/* Whether @row_json is what @audit_json says was saved. Two allowances:
 * an observation set's superseded_by is set once after the set was saved
 * (checked on its own, below), and a column added by a later version is
 * missing from older audit rows: there the record must hold its default. */
static gboolean
same_record (CrsDbStmt *each,
             GHashTable   *defaults,
             const char   *table,
             const char   *row_json,
             const char   *audit_json)
{
  g_autoptr(GHashTable) row = NULL;
  g_autoptr(GHashTable) audit = NULL;
  gboolean observation = g_str_equal (table, "observation");
  GHashTableIter iter;
  gpointer key, value;

  if (g_strcmp0 (row_json, audit_json) == 0)
    return TRUE;
  if (row_json == NULL || audit_json == NULL)
    return FALSE;

  row = json_map (each, row_json);
  audit = json_map (each, audit_json);
  g_hash_table_iter_init (&iter, row);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *saved = g_hash_table_lookup (audit, key);
      const char *dflt;

      if (observation && g_str_equal (key, "superseded_by"))
        continue;
      if (saved != NULL)
        {
          if (!g_str_equal (saved, value))
            return FALSE;
          continue;
        }
      dflt = g_hash_table_lookup (defaults, key);
      if (dflt == NULL || !g_str_has_suffix (value, dflt) ||
          strlen (value) < strlen (dflt) + 1 ||
          ((const char *) value)[strlen (value) - strlen (dflt) - 1] != ' ')
        return FALSE;
    }
  g_hash_table_iter_init (&iter, audit);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (row, key) && !(observation && g_str_equal (key, "superseded_by")))
      return FALSE;
  return TRUE;
}

static GHashTable *
column_defaults (CrsDb *db,
                 const char *table)
{
  GHashTable *defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CrsDbStmt *stmt = NULL;

  if (crs_db_prepare (db, "SELECT name, dflt_value FROM pragma_table_info (?1)"
                              " WHERE dflt_value IS NOT NULL", &stmt) == SQLITE_OK)
    {
      crs_db_bind_text (stmt, 1, table, -1);
      while (crs_db_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (defaults, g_strdup (crs_db_column_text (stmt, 0)),
                             g_strdup (crs_db_column_text (stmt, 1)));
    }
  crs_db_finalize (stmt);
  return defaults;
}

static void
add_difference (CrsStoreVerification *verification,
                GString              *listed,
                char                 *line)
{
  if (verification->rows_differing++ < MAX_LISTED)
    g_string_append_printf (listed, "%s%s", listed->len > 0 ? "\n" : "", line);
  g_free (line);
}

static int
verify_table (CrsStore             *self,
              const char           *table,
              CrsDbStmt         *each,
              CrsStoreVerification *verification,
              GString              *listed)
{
  const char *sql = g_hash_table_lookup (self->row_check_sql, table);
  g_autoptr(GHashTable) defaults = NULL;
  g_autofree char *gone_sql = NULL;
  CrsDbStmt *stmt = NULL;
  int rc;

  if (sql == NULL)
    return SQLITE_OK;   /* a table this version does not have */
  defaults = column_defaults (self->db, table);

  rc = crs_db_prepare (self->db, sql, &stmt);
  while (rc == SQLITE_OK && (rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_id = crs_db_column_int64 (stmt, 0);
      const char *row_json = crs_db_column_text (stmt, 1);
      const char *audit_json = crs_db_column_text (stmt, 3);

      rc = SQLITE_OK;
      if (crs_db_column_type (stmt, 2) == SQLITE_NULL)
        add_difference (verification, listed,
                        g_strdup_printf (_("%s %" PRId64 " has no audit row: it was "
                                           "added outside CRS Watch"), table, row_id));
      else if (!same_record (each, defaults, table, row_json, audit_json))
        add_difference (verification, listed,
                        g_strdup_printf (_("%s %" PRId64 " differs from what audit row %"
                                           PRId64 " says was saved"),
                                         table, row_id, (gint64) crs_db_column_int64 (stmt, 2)));
    }
  crs_db_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return rc;

  /* Rows the audit log knows that are no longer there. */
  gone_sql = g_strdup_printf ("SELECT DISTINCT row_id FROM audit WHERE table_name = '%s'"
                              " AND NOT EXISTS (SELECT 1 FROM \"%s\" WHERE rowid = audit.row_id)"
                              " ORDER BY row_id", table, table);
  rc = crs_db_prepare (self->db, gone_sql, &stmt);
  while (rc == SQLITE_OK && (rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      rc = SQLITE_OK;
      add_difference (verification, listed,
                      g_strdup_printf (_("%s %" PRId64 " is in the audit log but no "
                                         "longer in the database"),
                                       table, (gint64) crs_db_column_int64 (stmt, 0)));
    }
  crs_db_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_OK ? SQLITE_OK : rc;
}

/* An amended set names the set that amends it; that set must name it back. */
static int
verify_amendment_links (CrsStore             *self,
                        CrsStoreVerification *verification,
                        GString              *listed)
{
  CrsDbStmt *stmt = NULL;
  int rc;

  rc = crs_db_prepare (self->db,
                           "SELECT o.id FROM observation AS o WHERE o.superseded_by IS NOT NULL"
                           " AND NOT EXISTS (SELECT 1 FROM observation AS a"
                           " WHERE a.id = o.superseded_by AND a.supersedes = o.id) ORDER BY o.id", &stmt);
  while (rc == SQLITE_OK && (rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      rc = SQLITE_OK;
      add_difference (verification, listed,
                      g_strdup_printf (_("observation %" PRId64 " is marked as amended "
                                         "by a set that does not amend it"),
                                       (gint64) crs_db_column_int64 (stmt, 0)));
    }
  crs_db_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_OK ? SQLITE_OK : rc;
}

gboolean
crs_store_verify (CrsStore              *self,
                  CrsStoreVerification  *verification,
                  GError               **error)
{
  g_autoptr(GString) listed = g_string_new (NULL);
  CrsDbStmt *each = NULL;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (verification != NULL, FALSE);

  if (!crs_store_refuse_on_server (self, error))
    return FALSE;

  memset (verification, 0, sizeof *verification);
  verification->leftovers = crs_store_files_leftovers (self->path, FALSE);

  verification->schema = crs_store_schema_differences (crs_db_sqlite (self->db), self->schema_version, &rc);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("check the ward database"), error);

  if (self->schema_version >= 4)
    {
      verification->chained = TRUE;
      if (!crs_store_verify_audit_chain (self, &verification->audit_rows,
                                         &verification->audit_break, error))
        return FALSE;
    }

  rc = crs_db_prepare (self->db, "SELECT key, type, atom FROM json_each (?1)", &each);
  for (guint t = 0; rc == SQLITE_OK && crs_store_audited_tables[t] != NULL; t++)
    rc = verify_table (self, crs_store_audited_tables[t], each, verification, listed);
  crs_db_finalize (each);
  if (rc == SQLITE_OK)
    rc = verify_amendment_links (self, verification, listed);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("check the records"), error);

  if (verification->rows_differing > MAX_LISTED)
    {
      guint more = verification->rows_differing - MAX_LISTED;
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                            "and %u more", more), more);
      g_string_append_printf (listed, "\n%s", line);
    }
  if (listed->len > 0)
    verification->rows = g_string_free (g_steal_pointer (&listed), FALSE);
  return TRUE;
}

gboolean
crs_store_verify_audit_chain (CrsStore  *self,
                              gint64    *rows,
                              gint64    *break_at,
                              GError   **error)
{
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  rc = crs_store_audit_verify_chain (self->db, 0, rows, break_at);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("check the audit log"), error);
  return TRUE;
}
