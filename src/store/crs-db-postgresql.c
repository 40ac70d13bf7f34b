/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-db-postgresql.c: the PostgreSQL half of CrsDb (crs-db.h) through
 * libpq: "?N" parameters turned into "$N", statements run with
 * PQexecParams in text format at their first step, the rows walked by
 * later steps, the server's SQLSTATE mapped onto SQLite's result codes,
 * and LISTEN/NOTIFY for other workstations' commits.
 *
 * Nothing here logs the connection string (it may hold a password) or
 * what a statement carries (patient data). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "crs-db-postgresql.h"

/* Type OIDs of the built-in types (the server's catalog/pg_type_d.h,
 * which libpq-dev does not ship); they never change. */
#define CRS_PG_BOOLOID    16
#define CRS_PG_BYTEAOID   17
#define CRS_PG_INT8OID    20
#define CRS_PG_INT2OID    21
#define CRS_PG_INT4OID    23
#define CRS_PG_TEXTOID    25
#define CRS_PG_OIDOID     26
#define CRS_PG_FLOAT4OID  700
#define CRS_PG_FLOAT8OID  701
#define CRS_PG_NUMERICOID 1700

/* What every session needs, set again after a reconnect: ISO dates, and
 * floats printed with every digit that tells them apart (from
 * PostgreSQL 12 on, any value above 0 prints the shortest exact text). */
static const char session_setup[] =
  "SET DateStyle TO 'ISO'; "
  "SET IntervalStyle TO 'iso_8601'; "
  "SET extra_float_digits TO 3";

struct _CrsDbPg
{
  PGconn    *conn;
  char      *conninfo;   /* as given, for crs_db_pg_dup_conninfo () */
  char      *errmsg;     /* the last error; NULL after a success */
  GPtrArray *channels;   /* LISTENed, to LISTEN again after a reconnect */
};

typedef struct
{
  gsize offset;          /* of the "$" in pg_sql */
  gsize length;          /* of "$N" */
  int   number;          /* N */
} Place;

typedef enum
{
  RUN_READY,             /* bound, not run: the next step runs it */
  RUN_ROWS,              /* run: steps walk the rows */
  RUN_DONE,              /* done or failed: the next step runs it again */
} RunState;

struct _CrsDbPgStmt
{
  CrsDbPg   *pg;         /* not a reference: statements never outlive it */
  char      *sql;        /* as written, with "?N" */
  char      *pg_sql;     /* with "$N" */
  int        n_params;
  char     **values;     /* n_params, text format; NULL for NULL */
  Oid       *types;      /* n_params */
  gboolean  *used;       /* n_params: FALSE for a number the SQL skips */
  GArray    *places;     /* Place: where pg_sql has its "$N" */
  PGresult  *result;
  int        row;        /* the current row of result, -1 before the first */
  RunState   state;
  int        failed_rc;  /* the failed run's code, for reset */
};

/* ---------------------------------------------------------------------- */
/* Errors */

static void
set_errmsg (CrsDbPg    *pg,
            const char *message)
{
  g_free (pg->errmsg);
  pg->errmsg = g_strstrip (g_strdup (message != NULL && *message != '\0'
                                     ? message : "unknown PostgreSQL error"));
}

/* The nearest SQLite result code for a SQLSTATE (PostgreSQL's manual,
 * Appendix A "PostgreSQL Error Codes"). */
static int
rc_for_sqlstate (const char *state)
{
  if (state == NULL || strlen (state) != 5)
    return SQLITE_ERROR;
  if (g_str_has_prefix (state, "23")          /* integrity_constraint_violation */
      || g_str_equal (state, "P0001"))        /* raise_exception (a trigger) */
    return SQLITE_CONSTRAINT;
  if (g_str_equal (state, "40001")            /* serialization_failure */
      || g_str_equal (state, "40P01")         /* deadlock_detected */
      || g_str_equal (state, "55P03")         /* lock_not_available */
      || g_str_equal (state, "57014"))        /* query_canceled (timeouts) */
    return SQLITE_BUSY;
  if (g_str_equal (state, "53100"))           /* disk_full */
    return SQLITE_FULL;
  if (g_str_equal (state, "25006"))           /* read_only_sql_transaction */
    return SQLITE_READONLY;
  if (g_str_equal (state, "42501"))           /* insufficient_privilege */
    return SQLITE_PERM;
  if (g_str_has_prefix (state, "22"))         /* data_exception */
    return SQLITE_MISMATCH;
  if (g_str_has_prefix (state, "08")          /* connection_exception */
      || g_str_equal (state, "57P01")         /* admin_shutdown */
      || g_str_equal (state, "57P02")         /* crash_shutdown */
      || g_str_equal (state, "57P03"))        /* cannot_connect_now */
    return SQLITE_IOERR;
  return SQLITE_ERROR;
}

/* SQLITE_OK when @result (NULL when libpq could not even send) is a
 * success, else the error's code with its message kept for errmsg. */
static int
check_result (CrsDbPg  *pg,
              PGresult *result)
{
  const char *message;
  int rc;

  if (result != NULL)
    {
      switch (PQresultStatus (result))
        {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
          g_clear_pointer (&pg->errmsg, g_free);
          return SQLITE_OK;
        default:
          break;
        }
    }

  rc = rc_for_sqlstate (result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL);
  if (PQstatus (pg->conn) == CONNECTION_BAD)
    rc = SQLITE_IOERR;
  message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  set_errmsg (pg, message != NULL ? message : PQerrorMessage (pg->conn));
  return rc;
}

/* As check_result, and frees @result. */
static int
finish (CrsDbPg  *pg,
        PGresult *result)
{
  int rc = check_result (pg, result);

  g_clear_pointer (&result, PQclear);
  return rc;
}

/* Server notices (a NOTICE from "IF NOT EXISTS", a WARNING) would go to
 * stderr: they may quote data, and the store has no use for them. */
static void
ignore_notice (void       *data,
               const char *message)
{
}

/* ---------------------------------------------------------------------- */
/* The connection */

static int
setup_session (CrsDbPg *pg)
{
  PQsetNoticeProcessor (pg->conn, ignore_notice, NULL);
  return finish (pg, PQexec (pg->conn, session_setup));
}

/* Later keywords win: a connection string may set its own timeout
 * (libpq would wait for ever), never its own client_encoding; the
 * application's name only where the string names none. */
#define CONNECT_PARAMS(conninfo)                                                             \
  const char *const keywords[] = { "connect_timeout", "dbname", "fallback_application_name", \
                                   "client_encoding", NULL };                                \
  const char *const values[] = { "10", (conninfo), "CRS Watch", "UTF8", NULL }

CrsDbPg *
crs_db_pg_connect (const char  *conninfo,
                   int         *rc,
                   char       **message)
{
  CONNECT_PARAMS (conninfo);
  CrsDbPg *pg;
  int setup_rc;

  g_return_val_if_fail (conninfo != NULL, NULL);

  if (rc != NULL)
    *rc = SQLITE_OK;
  if (message != NULL)
    *message = NULL;

  pg = g_new0 (CrsDbPg, 1);
  pg->conninfo = g_strdup (conninfo);
  pg->channels = g_ptr_array_new_with_free_func (g_free);
  pg->conn = PQconnectdbParams (keywords, values, 1);
  if (pg->conn == NULL || PQstatus (pg->conn) != CONNECTION_OK)
    {
      if (rc != NULL)
        *rc = SQLITE_CANTOPEN;
      if (message != NULL)
        *message = g_strstrip (g_strdup (pg->conn != NULL ? PQerrorMessage (pg->conn)
                                                          : "out of memory"));
      crs_db_pg_close (pg);
      return NULL;
    }

  setup_rc = setup_session (pg);
  if (setup_rc != SQLITE_OK)
    {
      if (rc != NULL)
        *rc = SQLITE_CANTOPEN;
      if (message != NULL)
        *message = g_strdup (crs_db_pg_errmsg (pg));
      crs_db_pg_close (pg);
      return NULL;
    }

  g_debug ("Connected to PostgreSQL database “%s” on “%s”",
           PQdb (pg->conn), PQhost (pg->conn));
  return pg;
}

void
crs_db_pg_close (CrsDbPg *pg)
{
  if (pg == NULL)
    return;
  g_clear_pointer (&pg->conn, PQfinish);
  g_clear_pointer (&pg->channels, g_ptr_array_unref);
  g_free (pg->conninfo);
  g_free (pg->errmsg);
  g_free (pg);
}

const char *
crs_db_pg_errmsg (CrsDbPg *pg)
{
  return pg->errmsg != NULL ? pg->errmsg : "not an error";
}

gboolean
crs_db_pg_in_transaction (CrsDbPg *pg)
{
  /* A lost connection (UNKNOWN) has no transaction left: the server
   * rolled it back when the connection ended. */
  switch (PQtransactionStatus (pg->conn))
    {
    case PQTRANS_ACTIVE:
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      return TRUE;
    case PQTRANS_IDLE:
    case PQTRANS_UNKNOWN:
    default:
      return FALSE;
    }
}

int
crs_db_pg_exec (CrsDbPg    *pg,
                const char *sql)
{
  g_return_val_if_fail (sql != NULL, SQLITE_MISUSE);

  return finish (pg, PQexec (pg->conn, sql));
}

/* ---------------------------------------------------------------------- */
/* Statements */

/* Writes @sql with "?N" and "?" as "$N" into @out, outside '...' and
 * E'...' strings, "..." identifiers, $tag$...$tag$ bodies and comments;
 * a bare "?" takes the number after the largest so far, as in SQLite.
 * SQLite's index hints ("INDEXED BY name") are left out: PostgreSQL's
 * planner has statistics and no such words. SQLite's CROSS JOIN, which
 * the store writes with an ON only to fix SQLite's join order, is a
 * plain JOIN here (PostgreSQL allows no ON after CROSS JOIN).
 * Returns the number of parameters, or -1 for "?0" or a number past
 * SQLite's limit. */
static int
translate_parameters (const char *sql,
                      GString    *out,
                      GArray     *used,
                      GArray     *places)
{
  const char *p = sql;
  int n_params = 0;

  while (*p != '\0')
    {
      char c = *p;

      if (c == '\'' || c == '"')
        {
          /* A doubled quote stays inside; E'...' strings also escape
           * with a backslash. */
          gboolean backslash = (c == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e')
                                && (p - 1 == sql || !(g_ascii_isalnum (p[-2]) || p[-2] == '_')));
          const char *end = p + 1;

          while (*end != '\0')
            {
              if ((backslash && *end == '\\' && end[1] != '\0')
                  || (*end == c && end[1] == c))
                end += 2;
              else if (*end == c)
                break;
              else
                end++;
            }
          if (*end == c)
            end++;
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (c == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          if (end == NULL)
            end = p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (c == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (c == '$' && (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
        {
          /* $tag$ ... $tag$ (a function body); "$1" is no tag. */
          const char *tag_end = p + 1;

          while (g_ascii_isalnum (*tag_end) || *tag_end == '_')
            tag_end++;
          if (*tag_end == '$' && !g_ascii_isdigit (p[1]))
            {
              g_autofree char *tag = g_strndup (p, tag_end - p + 1);
              const char *close = strstr (tag_end + 1, tag);
              const char *end = close != NULL ? close + strlen (tag) : p + strlen (p);

              g_string_append_len (out, p, end - p);
              p = end;
            }
          else
            {
              g_string_append_c (out, c);
              p++;
            }
        }
      else if (c == '?')
        {
          int number;

          p++;
          if (g_ascii_isdigit (*p))
            {
              number = 0;
              while (g_ascii_isdigit (*p))
                {
                  number = number * 10 + (*p - '0');
                  if (number > 32766)
                    return -1;
                  p++;
                }
              if (number == 0)
                return -1;
            }
          else
            number = n_params + 1;
          n_params = MAX (n_params, number);
          if ((guint) number > used->len)
            g_array_set_size (used, number);
          g_array_index (used, gboolean, number - 1) = TRUE;
          {
            Place place = { out->len, 0, number };

            g_string_append_printf (out, "$%d", number);
            place.length = out->len - place.offset;
            g_array_append_val (places, place);
          }
        }
      else if ((c == 'C' || c == 'c') && g_ascii_strncasecmp (p, "CROSS JOIN ", 11) == 0 &&
               (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
        {
          g_string_append (out, "JOIN ");
          p += 11;
        }
      else if ((c == 'I' || c == 'i') && g_ascii_strncasecmp (p, "INDEXED BY ", 11) == 0 &&
               (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
        {
          p += 11;
          while (*p == ' ')
            p++;
          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
        }
      else
        {
          g_string_append_c (out, c);
          p++;
        }
    }

  return n_params;
}

int
crs_db_pg_prepare (CrsDbPg      *pg,
                   const char   *sql,
                   CrsDbPgStmt **stmt)
{
  g_autoptr(GString) translated = g_string_new (NULL);
  g_autoptr(GArray) used = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (Place));
  CrsDbPgStmt *made;
  int n_params;

  g_return_val_if_fail (stmt != NULL, SQLITE_MISUSE);
  *stmt = NULL;
  g_return_val_if_fail (sql != NULL, SQLITE_MISUSE);

  n_params = translate_parameters (sql, translated, used, places);
  if (n_params < 0)
    {
      set_errmsg (pg, "a parameter number is out of range (?1 to ?32766)");
      return SQLITE_RANGE;
    }

  made = g_new0 (CrsDbPgStmt, 1);
  made->pg = pg;
  made->sql = g_strdup (sql);
  made->pg_sql = g_string_free (g_steal_pointer (&translated), FALSE);
  made->n_params = n_params;
  made->values = g_new0 (char *, n_params + 1);
  made->types = g_new0 (Oid, n_params + 1);
  made->used = g_new0 (gboolean, n_params + 1);
  if (n_params > 0)
    memcpy (made->used, used->data, n_params * sizeof (gboolean));
  made->places = g_steal_pointer (&places);
  made->row = -1;
  made->state = RUN_READY;
  *stmt = made;
  g_clear_pointer (&pg->errmsg, g_free);
  return SQLITE_OK;
}

static void
end_run (CrsDbPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->state = RUN_READY;
}

void
crs_db_pg_finalize (CrsDbPgStmt *stmt)
{
  if (stmt == NULL)
    return;
  end_run (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    g_free (stmt->values[i]);
  g_free (stmt->values);
  g_free (stmt->types);
  g_free (stmt->used);
  g_array_unref (stmt->places);
  g_free (stmt->pg_sql);
  g_free (stmt->sql);
  g_free (stmt);
}

int
crs_db_pg_reset (CrsDbPgStmt *stmt)
{
  /* As sqlite3_reset: the code of a failed run, once. */
  int rc = stmt->failed_rc;

  end_run (stmt);
  stmt->failed_rc = SQLITE_OK;
  return rc;
}

int
crs_db_pg_clear_bindings (CrsDbPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->types[i] = 0;
    }
  return SQLITE_OK;
}

const char *
crs_db_pg_sql (CrsDbPgStmt *stmt)
{
  return stmt->sql;
}

/* As SQLite: binding is for a statement that was reset (or never run);
 * during or after a run it is SQLITE_MISUSE. */
static int
bind_value (CrsDbPgStmt *stmt,
            int          index,
            Oid          type,
            char        *value)
{
  if (index < 1 || index > stmt->n_params)
    {
      g_free (value);
      set_errmsg (stmt->pg, "column index out of range");
      return SQLITE_RANGE;
    }
  if (stmt->state != RUN_READY)
    {
      g_free (value);
      set_errmsg (stmt->pg, "bad parameter or other API misuse");
      return SQLITE_MISUSE;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
  stmt->types[index - 1] = type;
  return SQLITE_OK;
}

int
crs_db_pg_bind_int64 (CrsDbPgStmt *stmt,
                      int          index,
                      gint64       value)
{
  return bind_value (stmt, index, CRS_PG_INT8OID, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

int
crs_db_pg_bind_double (CrsDbPgStmt *stmt,
                       int          index,
                       double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* 17 significant digits read back as the same double; the C locale's
   * decimal point whatever the user's locale. PostgreSQL reads "inf",
   * "-inf" and "nan" too. */
  g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  return bind_value (stmt, index, CRS_PG_FLOAT8OID, g_strdup (buffer));
}

int
crs_db_pg_bind_text (CrsDbPgStmt *stmt,
                     int          index,
                     const char  *text,
                     int          length)
{
  if (text == NULL)
    return crs_db_pg_bind_null (stmt, index);
  return bind_value (stmt, index, CRS_PG_TEXTOID,
                     length < 0 ? g_strdup (text) : g_strndup (text, length));
}

int
crs_db_pg_bind_null (CrsDbPgStmt *stmt,
                     int          index)
{
  /* Run as a literal NULL in the SQL (see sql_with_nulls). */
  return bind_value (stmt, index, 0, NULL);
}

/* pg_sql with a literal NULL for each parameter bound to NULL, or NULL
 * when there is none. A NULL parameter has no type the server could
 * work out in "$1 IS NULL" ("could not determine data type of parameter
 * $1"), where a literal NULL is fine: the literal stands wherever the
 * parameter did. */
static char *
sql_with_nulls (CrsDbPgStmt *stmt)
{
  g_autoptr(GString) sql = NULL;
  gsize done = 0;

  for (guint i = 0; i < stmt->places->len; i++)
    {
      const Place *place = &g_array_index (stmt->places, Place, i);

      if (stmt->values[place->number - 1] != NULL)
        continue;
      if (sql == NULL)
        sql = g_string_new (NULL);
      g_string_append_len (sql, stmt->pg_sql + done, place->offset - done);
      g_string_append (sql, "NULL");
      done = place->offset + place->length;
    }
  if (sql == NULL)
    return NULL;
  g_string_append (sql, stmt->pg_sql + done);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static int
run (CrsDbPgStmt *stmt)
{
  CrsDbPg *pg = stmt->pg;
  g_autofree char *with_nulls = sql_with_nulls (stmt);
  PGresult *result;
  int rc;

  /* The server must know every parameter's type, also of those the SQL
   * skips ("?1, ?3") or that became a literal NULL: text does. */
  for (int i = 0; i < stmt->n_params; i++)
    if (stmt->values[i] == NULL || !stmt->used[i])
      {
        if (stmt->types[i] == 0)
          stmt->types[i] = CRS_PG_TEXTOID;
      }

  result = PQexecParams (pg->conn, with_nulls != NULL ? with_nulls : stmt->pg_sql,
                         stmt->n_params, stmt->types,
                         (const char *const *) stmt->values, NULL, NULL, 0);
  rc = check_result (pg, result);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&result, PQclear);
      stmt->state = RUN_DONE;
      stmt->failed_rc = rc;
      return rc;
    }
  stmt->result = result;
  stmt->row = -1;
  stmt->state = RUN_ROWS;
  return SQLITE_OK;
}

int
crs_db_pg_step (CrsDbPgStmt *stmt)
{
  /* As sqlite3_step since SQLite 3.6.23.1: a step after SQLITE_DONE or
   * an error starts the statement again. */
  if (stmt->state != RUN_ROWS)
    {
      int rc;

      end_run (stmt);
      stmt->failed_rc = SQLITE_OK;
      rc = run (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  if (stmt->row + 1 < PQntuples (stmt->result))
    {
      stmt->row++;
      return SQLITE_ROW;
    }

  /* Keep the result for column_count; no row is current. */
  stmt->row = PQntuples (stmt->result);
  stmt->state = RUN_DONE;
  return SQLITE_DONE;
}

int
crs_db_pg_column_count (CrsDbPgStmt *stmt)
{
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

/* The current row's value of @column, NULL when there is no such value
 * (no row, no such column, or NULL). *@type_out gets its type's OID. */
static const char *
current_value (CrsDbPgStmt *stmt,
               int          column,
               Oid         *type_out)
{
  *type_out = 0;
  if (stmt->result == NULL
      || stmt->row < 0 || stmt->row >= PQntuples (stmt->result)
      || column < 0 || column >= PQnfields (stmt->result)
      || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  *type_out = PQftype (stmt->result, column);
  return PQgetvalue (stmt->result, stmt->row, column);
}

int
crs_db_pg_column_type (CrsDbPgStmt *stmt,
                       int          column)
{
  Oid type;

  if (current_value (stmt, column, &type) == NULL)
    return SQLITE_NULL;

  switch (type)
    {
    case CRS_PG_BOOLOID:          /* SQLite's booleans are integers */
    case CRS_PG_INT2OID:
    case CRS_PG_INT4OID:
    case CRS_PG_INT8OID:
    case CRS_PG_OIDOID:
      return SQLITE_INTEGER;
    case CRS_PG_FLOAT4OID:
    case CRS_PG_FLOAT8OID:
    case CRS_PG_NUMERICOID:
      return SQLITE_FLOAT;
    case CRS_PG_BYTEAOID:
      return SQLITE_BLOB;
    default:
      return SQLITE_TEXT;
    }
}

gint64
crs_db_pg_column_int64 (CrsDbPgStmt *stmt,
                        int          column)
{
  Oid type;
  const char *value = current_value (stmt, column, &type);

  if (value == NULL)
    return 0;
  switch (type)
    {
    case CRS_PG_BOOLOID:
      return value[0] == 't' ? 1 : 0;
    case CRS_PG_FLOAT4OID:
    case CRS_PG_FLOAT8OID:
    case CRS_PG_NUMERICOID:
      {
        /* As SQLite: the real's integer part, clamped. */
        double d = g_ascii_strtod (value, NULL);

        if (d != d)
          return 0;
        if (d >= 9223372036854775807.0)
          return G_MAXINT64;
        if (d <= -9223372036854775808.0)
          return G_MININT64;
        return (gint64) d;
      }
    default:
      return g_ascii_strtoll (value, NULL, 10);
    }
}

double
crs_db_pg_column_double (CrsDbPgStmt *stmt,
                         int          column)
{
  Oid type;
  const char *value = current_value (stmt, column, &type);

  if (value == NULL)
    return 0.0;
  if (type == CRS_PG_BOOLOID)
    return value[0] == 't' ? 1.0 : 0.0;
  return g_ascii_strtod (value, NULL);
}

const char *
crs_db_pg_column_text (CrsDbPgStmt *stmt,
                       int          column)
{
  Oid type;
  const char *value = current_value (stmt, column, &type);

  /* A boolean reads as SQLite would store it. */
  if (value != NULL && type == CRS_PG_BOOLOID)
    return value[0] == 't' ? "1" : "0";
  return value;
}

/* ---------------------------------------------------------------------- */
/* Notices from other connections */

static int
listen_on (CrsDbPg    *pg,
           const char *channel)
{
  g_autofree char *sql = NULL;
  char *quoted;

  quoted = PQescapeIdentifier (pg->conn, channel, strlen (channel));
  if (quoted == NULL)
    {
      int rc = PQstatus (pg->conn) == CONNECTION_BAD ? SQLITE_IOERR : SQLITE_MISMATCH;

      set_errmsg (pg, PQerrorMessage (pg->conn));
      return rc;
    }
  sql = g_strconcat ("LISTEN ", quoted, NULL);
  PQfreemem (quoted);
  return finish (pg, PQexec (pg->conn, sql));
}

int
crs_db_pg_listen (CrsDbPg    *pg,
                  const char *channel)
{
  int rc;

  g_return_val_if_fail (channel != NULL, SQLITE_MISUSE);

  rc = listen_on (pg, channel);
  if (rc == SQLITE_OK
      && !g_ptr_array_find_with_equal_func (pg->channels, channel, g_str_equal, NULL))
    g_ptr_array_add (pg->channels, g_strdup (channel));
  return rc;
}

int
crs_db_pg_notify (CrsDbPg    *pg,
                  const char *channel,
                  const char *payload)
{
  const Oid types[] = { CRS_PG_TEXTOID, CRS_PG_TEXTOID };
  const char *values[] = { channel, payload != NULL ? payload : "" };

  g_return_val_if_fail (channel != NULL, SQLITE_MISUSE);

  return finish (pg, PQexecParams (pg->conn, "SELECT pg_notify($1, $2)",
                                   2, types, values, NULL, NULL, 0));
}

/* Reads what the server sent, without waiting; FALSE when the
 * connection is lost. A server that went away leaves its last message
 * ("terminating connection due to administrator command") and then the
 * end of the connection, which libpq sees only at the next read: hence
 * two. */
static gboolean
read_input (CrsDbPg *pg)
{
  if (PQstatus (pg->conn) == CONNECTION_OK && PQconsumeInput (pg->conn))
    PQconsumeInput (pg->conn);
  return PQstatus (pg->conn) == CONNECTION_OK;
}

int
crs_db_pg_take_notifications (CrsDbPg *pg,
                              guint   *count)
{
  PGnotify *notice;
  int own_pid;

  *count = 0;
  if (!read_input (pg))
    {
      set_errmsg (pg, PQerrorMessage (pg->conn));
      return SQLITE_IOERR;
    }

  own_pid = PQbackendPID (pg->conn);
  while ((notice = PQnotifies (pg->conn)) != NULL)
    {
      if (notice->be_pid != own_pid)
        (*count)++;
      PQfreemem (notice);
    }
  return SQLITE_OK;
}

gboolean
crs_db_pg_is_connected (CrsDbPg *pg)
{
  /* libpq sees a lost connection only when it reads (notices stay
   * queued for PQnotifies). */
  return read_input (pg);
}

gboolean
crs_db_pg_is_encrypted (CrsDbPg *pg)
{
  return PQsslInUse (pg->conn) == 1;
}

int
crs_db_pg_reconnect (CrsDbPg *pg)
{
  int rc;

  PQreset (pg->conn);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      set_errmsg (pg, PQerrorMessage (pg->conn));
      return SQLITE_CANTOPEN;
    }

  rc = setup_session (pg);
  for (guint i = 0; rc == SQLITE_OK && i < pg->channels->len; i++)
    rc = listen_on (pg, g_ptr_array_index (pg->channels, i));
  return rc;
}

char *
crs_db_pg_dup_conninfo (CrsDbPg *pg)
{
  return g_strdup (pg->conninfo);
}

gboolean
crs_db_pg_ping (const char *conninfo)
{
  CONNECT_PARAMS (conninfo);

  return PQpingParams (keywords, values, 1) == PQPING_OK;
}
