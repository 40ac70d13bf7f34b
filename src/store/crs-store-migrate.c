/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-migrate.c: moving a ward from its SQLite file to a
 * PostgreSQL server (`crs-watch-cli migrate`).
 *
 * The file is opened for reading only and never changed. On the server,
 * in one transaction: the schema (crs-store-schema-postgresql.c), then
 * every row of every table with its id, the ward's own id, the nurse
 * accounts and PINs, and the audit log verbatim (its hashes still chain,
 * since they are over the rows' stored text). An amended set is linked to
 * its newer version once both are in, which is the one change the server
 * allows. Before the commit, each table is counted and digested on both
 * sides (SHA-256 over every value, in id order) and the audit chain is
 * checked on the server; any difference, or any error, rolls the whole
 * transaction back, so the server is left as empty as it was. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-store-private.h"

/* In the order their references need. */
static const char * const tables[] = {
  "ward", "nurse", "nurse_pin", "patient", "infusion", "observation", "intervention",
  "lab_result", "setting", "acknowledgement", "late_red_flag", "audit", NULL
};

/* Tables whose ids the server makes (identity columns): the next id
 * must follow the copied ones. */
static const char * const identities[][2] = {
  { "nurse", "id" }, { "patient", "id" }, { "infusion", "id" }, { "observation", "id" },
  { "intervention", "id" }, { "lab_result", "id" }, { "setting", "rowid" },
  { "acknowledgement", "id" }, { "late_red_flag", "id" },
};

typedef struct
{
  CrsDb    *from;      /* the source store's connection */
  CrsDb    *to;        /* the server */
  char     *to_name;   /* the server and database, for messages */
} Migration;

static gboolean
fail_on (Migration   *m,
         CrsDb       *db,
         const char  *what,
         GError     **error)
{
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
               _("Could not move the ward to %s: %s (%s). Nothing was changed on the server."),
               m->to_name, what, crs_db_errmsg (db));
  return FALSE;
}

/* The columns of @table in the file, in order; setting's rowid first
 * (its only key the audit rows name). */
static GPtrArray *
source_columns (Migration   *m,
                const char  *table,
                GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrsDbStmt) stmt = NULL;
  int rc;

  if (g_str_equal (table, "setting"))
    g_ptr_array_add (columns, g_strdup ("rowid"));
  rc = crs_db_prepare (m->from, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", &stmt);
  if (rc == SQLITE_OK)
    {
      crs_db_bind_text (stmt, 1, table, -1);
      while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup (crs_db_column_text (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    {
      fail_on (m, m->from, _("the ward file could not be read"), error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static char *
select_sql (const char *table,
            GPtrArray  *columns)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (char *) columns->pdata[i]);
  /* Every table has a rowid in the file and is keyed by it on the
   * server: rowid itself for setting, the id (or nurse_id) elsewhere. */
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY %s", table,
                          g_str_equal (table, "setting") ? "rowid"
                          : g_str_equal (table, "nurse_pin") ? "nurse_id" : "id");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Binds column @i of the row @from stands on to parameter @i + 1. */
static void
bind_value (CrsDbStmt *to,
            CrsDbStmt *from,
            int        i)
{
  switch (crs_db_column_type (from, i))
    {
    case SQLITE_NULL:
      crs_db_bind_null (to, i + 1);
      break;
    case SQLITE_INTEGER:
      crs_db_bind_int64 (to, i + 1, crs_db_column_int64 (from, i));
      break;
    case SQLITE_FLOAT:
      crs_db_bind_double (to, i + 1, crs_db_column_double (from, i));
      break;
    default:
      crs_db_bind_text (to, i + 1, crs_db_column_text (from, i), -1);
      break;
    }
}

static gboolean
copy_table (Migration   *m,
            const char  *table,
            GPtrArray   *columns,
            gint64      *n_rows,
            GError     **error)
{
  g_autofree char *select = select_sql (table, columns);
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(CrsDbStmt) read = NULL;
  g_autoptr(CrsDbStmt) write = NULL;
  g_autoptr(CrsDbStmt) link = NULL;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  int superseded_by = -1;
  int rc;

  g_string_append_printf (insert, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < columns->len; i++)
    {
      g_string_append_printf (insert, "%s\"%s\"", i ? ", " : "", (char *) columns->pdata[i]);
      if (g_str_equal (table, "observation") && g_str_equal (columns->pdata[i], "superseded_by"))
        superseded_by = (int) i;
    }
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (insert, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (insert, ")");

  if (crs_db_prepare (m->from, select, &read) != SQLITE_OK)
    return fail_on (m, m->from, _("the ward file could not be read"), error);
  if (crs_db_prepare (m->to, insert->str, &write) != SQLITE_OK)
    return fail_on (m, m->to, _("the server refused a table"), error);

  *n_rows = 0;
  while ((rc = crs_db_step (read)) == SQLITE_ROW)
    {
      for (guint i = 0; i < columns->len; i++)
        bind_value (write, read, (int) i);
      /* A set is born unsuperseded; linked below, once its newer version
       * is in. */
      if ((int) superseded_by >= 0 && crs_db_column_type (read, superseded_by) != SQLITE_NULL)
        {
          gint64 pair[2] = { crs_db_column_int64 (read, 0), crs_db_column_int64 (read, superseded_by) };
          g_array_append_vals (links, pair, 2);
          crs_db_bind_null (write, superseded_by + 1);
        }
      if (crs_db_step (write) != SQLITE_DONE)
        return fail_on (m, m->to, _("the server refused a record"), error);
      crs_db_reset (write);
      (*n_rows)++;
    }
  if (rc != SQLITE_DONE)
    return fail_on (m, m->from, _("the ward file could not be read"), error);

  if (links->len == 0)
    return TRUE;
  if (crs_db_prepare (m->to, "UPDATE observation SET superseded_by = ?2 WHERE id = ?1", &link) !=
      SQLITE_OK)
    return fail_on (m, m->to, _("the server refused a table"), error);
  for (guint i = 0; i < links->len; i += 2)
    {
      crs_db_bind_int64 (link, 1, g_array_index (links, gint64, i));
      crs_db_bind_int64 (link, 2, g_array_index (links, gint64, i + 1));
      if (crs_db_step (link) != SQLITE_DONE)
        return fail_on (m, m->to, _("the server refused an amendment"), error);
      crs_db_reset (link);
    }
  return TRUE;
}

/* SHA-256 over every value of @table read in key order from @db, each
 * with its kind, so that the two sides must hold the same values. */
static char *
table_digest (CrsDb       *db,
              const char  *table,
              GPtrArray   *columns,
              gint64      *n_rows)
{
  g_autofree char *select = select_sql (table, columns);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(CrsDbStmt) stmt = NULL;
  int rc;

  *n_rows = 0;
  if (crs_db_prepare (db, select, &stmt) != SQLITE_OK)
    return NULL;
  while ((rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE + 2];
          const char *text;

          switch (crs_db_column_type (stmt, (int) i))
            {
            case SQLITE_NULL:
              text = "N";
              break;
            case SQLITE_INTEGER:
              g_snprintf (buffer, sizeof buffer, "I%" PRId64,
                          crs_db_column_int64 (stmt, (int) i));
              text = buffer;
              break;
            case SQLITE_FLOAT:
              buffer[0] = 'F';
              g_ascii_dtostr (buffer + 1, sizeof buffer - 1, crs_db_column_double (stmt, (int) i));
              text = buffer;
              break;
            default:
              g_checksum_update (checksum, (const guchar *) "T", 1);
              text = crs_db_column_text (stmt, (int) i);
              break;
            }
          /* With its terminating nul, so that values cannot run together. */
          g_checksum_update (checksum, (const guchar *) text, (gssize) strlen (text) + 1);
        }
      (*n_rows)++;
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
verify_table (Migration   *m,
              const char  *table,
              GPtrArray   *columns,
              GError     **error)
{
  gint64 n_from = 0, n_to = 0;
  g_autofree char *from = table_digest (m->from, table, columns, &n_from);
  g_autofree char *to = table_digest (m->to, table, columns, &n_to);

  if (from == NULL)
    return fail_on (m, m->from, _("the ward file could not be read"), error);
  if (to == NULL)
    return fail_on (m, m->to, _("the copy could not be read back"), error);
  if (n_from != n_to || !g_str_equal (from, to))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Could not move the ward to %s: the copy of the table %s differs from "
                     "the file (%" PRId64 " rows in the file, %" PRId64
                     " on the server). Nothing was changed on the server."),
                   m->to_name, table, n_from, n_to);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (Migration          *m,
         CrsStoreMigration  *report,
         GError            **error)
{
  g_autofree char *schema = crs_store_schema_postgresql_sql ();
  g_autoptr(GPtrArray) all_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gint64 n_rows = 0, break_at = -1;
  int version = 0;

  if (crs_store_schema_postgresql_version (m->to, &version) != SQLITE_OK)
    return fail_on (m, m->to, _("the server could not be read"), error);
  if (version != 0)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT,
                   _("Could not move the ward to %s: that database already holds a ward. "
                     "Nothing was changed; give an empty database."),
                   m->to_name);
      return FALSE;
    }

  if (crs_db_exec (m->to, "BEGIN") != SQLITE_OK || crs_db_exec (m->to, schema) != SQLITE_OK)
    return fail_on (m, m->to, _("the server refused the tables"), error);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      GPtrArray *columns = source_columns (m, tables[t], error);

      if (columns == NULL)
        return FALSE;
      g_ptr_array_add (all_columns, columns);
      if (!copy_table (m, tables[t], columns, &n_rows, error))
        return FALSE;
      report->rows += n_rows;
      if (g_str_equal (tables[t], "audit"))
        report->audit_rows = n_rows;
    }
  for (guint i = 0; i < G_N_ELEMENTS (identities); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', '%s'),"
                                              " coalesce (max (%s), 0) + 1, false) FROM %s",
                                              identities[i][0], identities[i][1],
                                              identities[i][1], identities[i][0]);
      if (crs_db_exec (m->to, sql) != SQLITE_OK)
        return fail_on (m, m->to, _("the server refused the next ids"), error);
    }

  /* Counted and digested on both sides, the chain checked on the server. */
  for (guint t = 0; tables[t] != NULL; t++)
    if (!verify_table (m, tables[t], all_columns->pdata[t], error))
      return FALSE;
  if (crs_store_audit_verify_chain (m->to, 0, &n_rows, &break_at) != SQLITE_OK)
    return fail_on (m, m->to, _("the copied audit log could not be read back"), error);
  if (break_at != 0)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TAMPERED,
                   _("Could not move the ward to %s: the copied audit log's hash chain "
                     "breaks at row %" PRId64 ". Nothing was changed on the server; "
                     "run crs-watch-cli check on the file."),
                   m->to_name, break_at);
      return FALSE;
    }

  if (crs_db_exec (m->to, "COMMIT") != SQLITE_OK)
    return fail_on (m, m->to, _("the server did not keep the copy"), error);
  return TRUE;
}

gboolean
crs_store_migrate_to_server (const char         *from_path,
                             const char         *to_locator,
                             CrsStoreMigration  *report,
                             GError            **error)
{
  g_autoptr(CrsStore) source = NULL;
  g_autoptr(CrsDb) to = NULL;
  g_autofree char *message = NULL;
  Migration m = { 0 };
  gboolean ok;
  int rc = SQLITE_OK;

  g_return_val_if_fail (from_path != NULL, FALSE);
  g_return_val_if_fail (to_locator != NULL && crs_store_is_server_locator (to_locator), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  *report = (CrsStoreMigration) { 0 };
  source = crs_store_open_read_only (from_path, error);
  if (source == NULL)
    return FALSE;
  if (crs_store_is_shared (source))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Give the ward's file to move with --from, not a server."));
      return FALSE;
    }
  if (crs_store_get_schema_version (source) != CRS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("The ward file %s is of an older version (%d). Open it once with this "
                     "CRS Watch, which upgrades it after a backup, then move it."),
                   crs_store_get_path (source), crs_store_get_schema_version (source));
      return FALSE;
    }

  to = crs_db_connect_postgresql (to_locator, &rc, &message);
  m.to_name = crs_db_describe_postgresql (to_locator);
  if (to == NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_UNREACHABLE,
                   _("Could not reach the ward database %s: %s. Nothing was changed."),
                   m.to_name, message != NULL ? message : "");
      g_free (m.to_name);
      return FALSE;
    }
  m.from = crs_store_get_connection (source);
  m.to = to;

  /* One snapshot of the file for the copy and its check. */
  if (crs_db_exec (m.from, "BEGIN") != SQLITE_OK)
    ok = fail_on (&m, m.from, _("the ward file could not be read"), error);
  else
    ok = migrate (&m, report, error);
  if (crs_db_in_transaction (m.from))
    crs_db_exec (m.from, "ROLLBACK");
  if (!ok && crs_db_in_transaction (to))
    crs_db_exec (to, "ROLLBACK");
  g_free (m.to_name);
  return ok;
}
