/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-reference-writer.c: writes therapies.sqlite from CrsTherapy records
 * (build time). */
#define G_LOG_DOMAIN "crs-reference-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "crs-reference-private.h"
#include "crs-reference-writer.h"

typedef struct
{
  sqlite3    *db;
  const char *path;          /* the final path, for messages */
  GHashTable *sources;       /* id -> CrsSource * (borrowed from the therapies) */
} Writer;

static gboolean
fail (Writer      *w,
      GError     **error,
      const char  *what)
{
  g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
               _("Cannot write the therapy reference %s: %s: %s"),
               w->path, what, w->db ? sqlite3_errmsg (w->db) : "");
  return FALSE;
}

static gboolean
exec (Writer      *w,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (w->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (w, error, sql);
  return TRUE;
}

static sqlite3_stmt *
prepare (Writer      *w,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (w, error, sql);
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (Writer        *w,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *sql = g_strdup (sqlite3_sql (stmt));
      fail (w, error, sql);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Binds text, or NULL for a missing text. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static const char *
source_id (const CrsSource *source)
{
  return source ? source->id : NULL;
}

/* Writes @source once; a different source under the same id is an error. */
static gboolean
write_source (Writer     *w,
              CrsSource  *source,
              GError    **error)
{
  CrsSource *known;
  sqlite3_stmt *stmt;

  if (source == NULL)
    return TRUE;

  known = g_hash_table_lookup (w->sources, source->id);
  if (known != NULL)
    {
      if (g_strcmp0 (known->citation, source->citation) != 0 ||
          g_strcmp0 (known->url, source->url) != 0 || known->quality != source->quality)
        {
          g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CONSTRAINT,
                       _("Cannot write the therapy reference %s: two different sources have the id “%s”"),
                       w->path, source->id);
          return FALSE;
        }
      return TRUE;
    }

  stmt = prepare (w, "INSERT INTO source (id, citation, url, quality) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, source->id);
  bind_text (stmt, 2, source->citation);
  bind_text (stmt, 3, source->url);
  bind_text (stmt, 4, crs_source_quality_to_id (source->quality));
  if (!step_done (w, stmt, error))
    return FALSE;
  g_hash_table_insert (w->sources, source->id, source);
  return TRUE;
}

static char *
search_key (CrsTherapy *therapy)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, crs_therapy_fold_name (therapy->code));
  g_ptr_array_add (parts, crs_therapy_fold_name (therapy->generic_name));
  for (guint i = 0; therapy->other_names[i] != NULL; i++)
    g_ptr_array_add (parts, crs_therapy_fold_name (therapy->other_names[i]));
  for (guint i = 0; therapy->brand_names[i] != NULL; i++)
    g_ptr_array_add (parts, crs_therapy_fold_name (therapy->brand_names[i]));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static gboolean
write_names (Writer      *w,
             CrsTherapy  *therapy,
             const char  *kind,
             GStrv        names,
             GError     **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *folded = crs_therapy_fold_name (names[i]);
      sqlite3_stmt *stmt = prepare (w, "INSERT INTO therapy_name (code, kind, position, name, folded) "
                                       "VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, therapy->code);
      bind_text (stmt, 2, kind);
      sqlite3_bind_int (stmt, 3, (int) i);
      bind_text (stmt, 4, names[i]);
      bind_text (stmt, 5, folded);
      if (!step_done (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_therapy_row (Writer      *w,
                   CrsTherapy  *t,
                   GError     **error)
{
  g_autofree char *generic_folded = crs_therapy_fold_name (t->generic_name);
  g_autofree char *key = search_key (t);
  sqlite3_stmt *stmt;

  if (!write_source (w, t->risk_tier_source, error) ||
      !write_source (w, t->approval_text.source, error) ||
      !write_source (w, t->population.source, error) ||
      !write_source (w, t->grading_scale_text.source, error) ||
      !write_source (w, t->boxed_warning_text.source, error))
    return FALSE;

  stmt = prepare (w,
                  "INSERT INTO therapy (code, generic_name, generic_folded, brand_note, class, class_detail, "
                  "  target, tier, tier_source, approval, approval_text, approval_source, population, "
                  "  population_source, scale, scale_text, scale_source, boxed, boxed_text, boxed_source, "
                  "  search_key) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, t->code);
  bind_text (stmt, 2, t->generic_name);
  bind_text (stmt, 3, generic_folded);
  bind_text (stmt, 4, t->brand_note);
  bind_text (stmt, 5, crs_drug_class_to_id (t->drug_class));
  bind_text (stmt, 6, t->class_detail);
  bind_text (stmt, 7, t->target);
  bind_text (stmt, 8, crs_risk_tier_to_id (t->risk_tier));
  bind_text (stmt, 9, source_id (t->risk_tier_source));
  bind_text (stmt, 10, crs_approval_to_id (t->approval));
  bind_text (stmt, 11, t->approval_text.text);
  bind_text (stmt, 12, source_id (t->approval_text.source));
  bind_text (stmt, 13, t->population.text);
  bind_text (stmt, 14, source_id (t->population.source));
  bind_text (stmt, 15, crs_grading_scale_to_id (t->grading_scale));
  bind_text (stmt, 16, t->grading_scale_text.text);
  bind_text (stmt, 17, source_id (t->grading_scale_text.source));
  bind_text (stmt, 18, crs_boxed_warning_to_id (t->boxed_warning));
  bind_text (stmt, 19, t->boxed_warning_text.text);
  bind_text (stmt, 20, source_id (t->boxed_warning_text.source));
  bind_text (stmt, 21, key);
  return step_done (w, stmt, error);
}

static gboolean
write_numbers (Writer      *w,
               CrsTherapy  *therapy,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (crs_reference_number_slots); i++)
    {
      const CrsReferenceSlot *slot = &crs_reference_number_slots[i];
      const CrsSourcedNumber *n = G_STRUCT_MEMBER_P (therapy, slot->offset);
      sqlite3_stmt *stmt;

      if (crs_sourced_number_is_missing (n))
        continue;
      if (!write_source (w, n->source, error))
        return FALSE;
      stmt = prepare (w, "INSERT INTO therapy_number (code, field, value, decimals, unit, approximate, "
                         "  term, derivation, note, origin, study, source) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, therapy->code);
      bind_text (stmt, 2, slot->field);
      sqlite3_bind_double (stmt, 3, n->value);
      sqlite3_bind_int (stmt, 4, n->decimals);
      bind_text (stmt, 5, crs_time_unit_to_id (n->unit));
      sqlite3_bind_int (stmt, 6, n->approximate ? 1 : 0);
      bind_text (stmt, 7, n->term);
      bind_text (stmt, 8, n->derivation);
      bind_text (stmt, 9, n->note);
      bind_text (stmt, 10, n->from);
      bind_text (stmt, 11, n->study);
      bind_text (stmt, 12, source_id (n->source));
      if (!step_done (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_ranges (Writer      *w,
              CrsTherapy  *therapy,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (crs_reference_range_slots); i++)
    {
      const CrsReferenceSlot *slot = &crs_reference_range_slots[i];
      const CrsSourcedRange *r = G_STRUCT_MEMBER_P (therapy, slot->offset);
      sqlite3_stmt *stmt;

      if (r->text == NULL)
        continue;
      if (!write_source (w, r->source, error))
        return FALSE;
      stmt = prepare (w, "INSERT INTO therapy_range (code, field, text, min, max, min_decimals, "
                         "  max_decimals, unit, spread, origin, study, source) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, therapy->code);
      bind_text (stmt, 2, slot->field);
      bind_text (stmt, 3, r->text);
      bind_double (stmt, 4, r->min);
      bind_double (stmt, 5, r->max);
      sqlite3_bind_int (stmt, 6, r->min_decimals);
      sqlite3_bind_int (stmt, 7, r->max_decimals);
      bind_text (stmt, 8, crs_time_unit_to_id (r->unit));
      bind_text (stmt, 9, crs_spread_to_id (r->spread));
      bind_text (stmt, 10, r->from);
      bind_text (stmt, 11, r->study);
      bind_text (stmt, 12, source_id (r->source));
      if (!step_done (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_texts (Writer      *w,
             CrsTherapy  *therapy,
             GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (crs_reference_text_slots); i++)
    {
      const CrsReferenceSlot *slot = &crs_reference_text_slots[i];
      GPtrArray *list = G_STRUCT_MEMBER (GPtrArray *, therapy, slot->offset);

      for (guint j = 0; j < list->len; j++)
        {
          const CrsSourcedText *text = list->pdata[j];
          sqlite3_stmt *stmt;

          if (!write_source (w, text->source, error))
            return FALSE;
          stmt = prepare (w, "INSERT INTO therapy_text (code, field, position, text, date, "
                             "  before_rems_change, source) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          bind_text (stmt, 1, therapy->code);
          bind_text (stmt, 2, slot->field);
          sqlite3_bind_int (stmt, 3, (int) j);
          bind_text (stmt, 4, text->text);
          bind_text (stmt, 5, text->date);
          sqlite3_bind_int (stmt, 6, text->before_rems_change ? 1 : 0);
          bind_text (stmt, 7, source_id (text->source));
          if (!step_done (w, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_all (Writer      *w,
           GPtrArray   *therapies,
           GError     **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA journal_mode = OFF;"
                                              "PRAGMA synchronous = OFF;"
                                              "PRAGMA foreign_keys = ON;"
                                              "PRAGMA application_id = %d;"
                                              "PRAGMA user_version = %d;",
                                              CRS_REFERENCE_APPLICATION_ID,
                                              CRS_REFERENCE_SCHEMA_VERSION);

  /* The file is rebuilt whole on every build: no journal is needed, and a
   * failure throws the temporary file away. */
  if (!exec (w, pragmas, error) ||
      !exec (w, "BEGIN", error) ||
      !exec (w, CRS_REFERENCE_SCHEMA, error))
    return FALSE;

  for (guint i = 0; i < therapies->len; i++)
    {
      CrsTherapy *therapy = therapies->pdata[i];

      g_return_val_if_fail (CRS_IS_THERAPY (therapy), FALSE);
      if (!write_therapy_row (w, therapy, error) ||
          !write_names (w, therapy, "brand", therapy->brand_names, error) ||
          !write_names (w, therapy, "other", therapy->other_names, error) ||
          !write_numbers (w, therapy, error) ||
          !write_ranges (w, therapy, error) ||
          !write_texts (w, therapy, error))
        return FALSE;
    }

  return exec (w, "COMMIT", error);
}

gboolean
crs_reference_write (const char  *path,
                     GPtrArray   *therapies,
                     GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  Writer w = { NULL, path, sources };
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (therapies != NULL, FALSE);

  tmp = g_strdup_printf ("%s.XXXXXX", path);
  /* Installed read-only data, not patient data: readable by everyone. */
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_READ_ONLY,
                   _("Cannot write the therapy reference %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  if (sqlite3_open_v2 (tmp, &w.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    ok = fail (&w, error, tmp);
  else
    ok = write_all (&w, therapies, error);

  if (w.db != NULL && sqlite3_close (w.db) != SQLITE_OK && ok)
    ok = fail (&w, error, "close");

  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_FAILED,
                   _("Cannot write the therapy reference %s: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
