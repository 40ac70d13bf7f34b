/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-values.c: how record fields become column values and back:
 * missing numbers (CRS_MISSING, NAN), unset times and unset choices are
 * NULL, so that "not recorded" can never be read back as a value. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-store-private.h"

void
crs_bind_text (CrsDbStmt *stmt,
               int           i,
               const char   *value)
{
  if (value == NULL)
    crs_db_bind_null (stmt, i);
  else
    crs_db_bind_text (stmt, i, value, -1);
}

void
crs_bind_int (CrsDbStmt *stmt,
              int           i,
              int           value)
{
  if (crs_is_missing_int (value))
    crs_db_bind_null (stmt, i);
  else
    crs_db_bind_int (stmt, i, value);
}

void
crs_bind_double (CrsDbStmt *stmt,
                 int           i,
                 double        value)
{
  if (isnan (value))
    crs_db_bind_null (stmt, i);
  else
    crs_db_bind_double (stmt, i, value);
}

void
crs_bind_time (CrsDbStmt *stmt,
               int           i,
               gint64        value)
{
  if (value == 0)
    crs_db_bind_null (stmt, i);
  else
    crs_db_bind_int64 (stmt, i, value);
}

void
crs_bind_id (CrsDbStmt *stmt,
             int           i,
             const char   *id)
{
  if (id == NULL)
    crs_db_bind_null (stmt, i);
  else
    crs_db_bind_text (stmt, i, id, -1);
}

char *
crs_column_text (CrsDbStmt *stmt,
                 int           i)
{
  return g_strdup (crs_db_column_text (stmt, i));
}

int
crs_column_int (CrsDbStmt *stmt,
                int           i)
{
  if (crs_db_column_type (stmt, i) == SQLITE_NULL)
    return CRS_MISSING;
  return crs_db_column_int (stmt, i);
}

double
crs_column_double (CrsDbStmt *stmt,
                   int           i)
{
  if (crs_db_column_type (stmt, i) == SQLITE_NULL)
    return NAN;
  return crs_db_column_double (stmt, i);
}

gint64
crs_column_time (CrsDbStmt *stmt,
                 int           i)
{
  if (crs_db_column_type (stmt, i) == SQLITE_NULL)
    return 0;
  return crs_db_column_int64 (stmt, i);
}

gboolean
crs_check_text (const char  *field,
                const char  *value,
                GError     **error)
{
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("The field “%s” is not valid text (UTF-8)."), field);
      return FALSE;
    }
  return TRUE;
}

gboolean
crs_check_double (const char  *field,
                  double       value,
                  GError     **error)
{
  if (isinf (value))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("The field “%s” holds an infinite number."), field);
      return FALSE;
    }
  return TRUE;
}

gboolean
crs_check_choice (const char  *field,
                  int          value,
                  const char  *id,
                  GError     **error)
{
  if (value != 0 && id == NULL)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                   _("The field “%s” holds an unknown choice (%d)."), field, value);
      return FALSE;
    }
  return TRUE;
}

gboolean
crs_set_unknown_choice (GError     **error,
                        const char  *table,
                        gint64       row_id,
                        const char  *field)
{
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
               _("Record %" PRId64 " in %s has a value of “%s” that this CRS Watch "
                 "does not know; it may have been written by a newer version."),
               row_id, table, field);
  return FALSE;
}
