/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-maintenance.c: counts and the full integrity check, for
 * `crs-watch-cli check` and the ward administrator. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crs-store-private.h"

static gboolean
count (CrsStore    *self,
       const char  *sql,
       gint64      *out,
       GError     **error)
{
  g_autoptr(CrsStmt) stmt = crs_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = crs_db_step (stmt);
  if (rc != SQLITE_ROW)
    return crs_store_fail (self, rc, _("count the records"), error);
  *out = crs_db_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
crs_store_get_counts (CrsStore        *self,
                      CrsStoreCounts  *counts,
                      GError         **error)
{
  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  counts->schema_version = self->schema_version;
  return count (self, "SELECT count(*) FROM patient", &counts->patients, error) &&
         count (self, "SELECT count(*) FROM patient WHERE archived = 1",
                &counts->patients_archived, error) &&
         count (self, "SELECT count(*) FROM infusion", &counts->infusions, error) &&
         count (self, "SELECT count(*) FROM observation", &counts->observations, error) &&
         count (self, "SELECT count(*) FROM observation WHERE superseded_by IS NOT NULL",
                &counts->observations_superseded, error) &&
         count (self, "SELECT count(*) FROM intervention", &counts->interventions, error) &&
         count (self, "SELECT count(*) FROM lab_result", &counts->lab_results, error) &&
         count (self, "SELECT count(*) FROM audit", &counts->audit_rows, error);
}

/* Appends the rows of @sql (their columns joined by spaces) to @problems,
 * skipping a lone "ok"; returns the SQLite result. */
static int
collect_problems (CrsDb *db,
                  const char  *sql,
                  GString     *problems,
                  guint       *n)
{
  CrsDbStmt *stmt = NULL;
  int rc = crs_db_prepare (db, sql, &stmt);

  while (stmt != NULL && (rc = crs_db_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (int i = 0; i < crs_db_column_count (stmt); i++)
        {
          const char *text = crs_db_column_text (stmt, i);
          if (i > 0)
            g_string_append_c (line, ' ');
          g_string_append (line, text ? text : "NULL");
        }
      if (g_str_equal (line->str, "ok"))
        continue;
      if ((*n)++ < 20)
        g_string_append_printf (problems, "\n  %s", line->str);
    }
  crs_db_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

gboolean
crs_store_check_integrity (CrsStore  *self,
                           GError   **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n = 0;
  int rc;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  if (!crs_store_refuse_on_server (self, error))
    return FALSE;

  /* foreign_key_check rows: table, rowid, parent table, constraint:
   * row numbers only, no patient data. */
  rc = collect_problems (self->db, "PRAGMA integrity_check", problems, &n);
  if (rc == SQLITE_OK)
    rc = collect_problems (self->db, "PRAGMA foreign_key_check", problems, &n);
  if (rc != SQLITE_OK)
    return crs_store_fail (self, rc, _("check the ward database"), error);

  if (n > 0)
    {
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
      g_autofree char *message = crs_store_damaged_message (self->path, what);

      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT, "%s%s", message,
                   problems->str);
      return FALSE;
    }
  return TRUE;
}
