/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-reference.c: the therapy reference database, read only. */
#define G_LOG_DOMAIN "crs-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>

#include "core/crs-paths.h"
#include "crs-reference-private.h"
#include "crs-reference.h"

struct _CrsReference
{
  GObject parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *sources;   /* id -> CrsSource * */
  GHashTable *cache;     /* code -> CrsTherapy *: the file never changes */
  guint       count;
};

G_DEFINE_FINAL_TYPE (CrsReference, crs_reference, G_TYPE_OBJECT)

static void
crs_reference_finalize (GObject *object)
{
  CrsReference *self = CRS_REFERENCE (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (crs_reference_parent_class)->finalize (object);
}

static void
crs_reference_class_init (CrsReferenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_reference_finalize;
}

static void
crs_reference_init (CrsReference *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) crs_source_unref);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static gboolean
db_error (CrsReference  *self,
          GError       **error)
{
  int code = sqlite3_errcode (self->db);

  g_set_error (error, CRS_STORE_ERROR,
               code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? CRS_STORE_ERROR_CORRUPT
                                                               : CRS_STORE_ERROR_FAILED,
               _("Cannot read the therapy reference %s: %s"),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (CrsReference  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (self, error);
      return NULL;
    }
  return stmt;
}

/* sqlite3_column_text as a new string, NULL for NULL. */
static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *) text) : NULL;
}

static double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

/* The shared source with this id (a new reference), NULL for NULL. */
static CrsSource *
source_ref (CrsReference *self,
            sqlite3_stmt *stmt,
            int           column)
{
  const char *id = (const char *) sqlite3_column_text (stmt, column);
  CrsSource *source;

  if (id == NULL)
    return NULL;
  source = g_hash_table_lookup (self->sources, id);
  return source ? crs_source_ref (source) : NULL;
}

#define ENUM_FROM_COLUMN(name, Type, stmt, column, out)                       \
  G_STMT_START {                                                              \
    const char *id_ = (const char *) sqlite3_column_text (stmt, column);      \
    Type value_ = 0;                                                          \
    if (id_ != NULL)                                                          \
      crs_##name##_from_id (id_, &value_);                                    \
    (out) = value_;                                                           \
  } G_STMT_END

static gboolean
load_sources (CrsReference  *self,
              GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT id, citation, url, quality FROM source", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrsSourceQuality quality;
      CrsSource *source;

      ENUM_FROM_COLUMN (source_quality, CrsSourceQuality, stmt, 3, quality);
      source = crs_source_new ((const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               quality);
      g_hash_table_replace (self->sources, source->id, source);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || db_error (self, error);
}

static gboolean
check_file (CrsReference  *self,
            GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT (SELECT application_id FROM pragma_application_id), "
                                      "(SELECT user_version FROM pragma_user_version), "
                                      "(SELECT count(*) FROM therapy)", NULL);
  int app_id, version;

  /* A file without our tables is not a therapy reference either. */
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        sqlite3_finalize (stmt);
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("%s is not a CRS Watch therapy reference: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  app_id = sqlite3_column_int (stmt, 0);
  version = sqlite3_column_int (stmt, 1);
  self->count = (guint) sqlite3_column_int (stmt, 2);
  sqlite3_finalize (stmt);

  if (app_id != CRS_REFERENCE_APPLICATION_ID)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT,
                   _("%s is not a CRS Watch therapy reference"), self->path);
      return FALSE;
    }
  if (version > CRS_REFERENCE_SCHEMA_VERSION)
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_TOO_NEW,
                   _("The therapy reference %s was made by a newer CRS Watch (format %d; this version reads %d): "
                     "reinstall CRS Watch"),
                   self->path, version, CRS_REFERENCE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

CrsReference *
crs_reference_open (const char  *path,
                    GError     **error)
{
  g_autoptr(CrsReference) self = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *full = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CRS_TYPE_REFERENCE, NULL);
  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND,
                   _("The therapy reference %s is missing: reinstall CRS Watch"), path);
      return NULL;
    }

  /* immutable=1: the file is installed data that never changes, so SQLite
   * needs no locks and never writes beside it (the folder is read only). */
  full = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (full, NULL, error);
  if (uri == NULL)
    return NULL;
  {
    g_autofree char *with_flags = g_strconcat (uri, "?immutable=1", NULL);

    if (sqlite3_open_v2 (with_flags, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
      {
        db_error (self, error);
        return NULL;
      }
  }

  if (!check_file (self, error) || !load_sources (self, error))
    return NULL;

  g_debug ("Opened the therapy reference with %u therapies", self->count);
  return g_steal_pointer (&self);
}

CrsReference *
crs_reference_open_default (GError **error)
{
  static CrsReference *shared;   /* weak */
  g_autofree char *path = NULL;
  CrsReference *reference;

  if (shared != NULL)
    return g_object_ref (shared);

  path = crs_paths_data_file (CRS_REFERENCE_FILE_NAME);
  reference = crs_reference_open (path, error);
  if (reference != NULL)
    {
      shared = reference;
      g_object_add_weak_pointer (G_OBJECT (reference), (gpointer *) &shared);
    }
  return reference;
}

guint
crs_reference_get_count (CrsReference *self)
{
  g_return_val_if_fail (CRS_IS_REFERENCE (self), 0);
  return self->count;
}

/* ---------------------------------------------------------------------- */

static gboolean
load_names (CrsReference  *self,
            CrsTherapy    *therapy,
            const char    *kind,
            GStrv         *out,
            GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT name FROM therapy_name WHERE code = ? AND kind = ? "
                                      "ORDER BY position", error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, therapy->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return db_error (self, error);
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static CrsSourcedNumber *
number_slot (CrsTherapy *therapy,
             const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (crs_reference_number_slots); i++)
    if (g_str_equal (crs_reference_number_slots[i].field, field))
      return G_STRUCT_MEMBER_P (therapy, crs_reference_number_slots[i].offset);
  return NULL;
}

static CrsSourcedRange *
range_slot (CrsTherapy *therapy,
            const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (crs_reference_range_slots); i++)
    if (g_str_equal (crs_reference_range_slots[i].field, field))
      return G_STRUCT_MEMBER_P (therapy, crs_reference_range_slots[i].offset);
  return NULL;
}

static GPtrArray *
text_slot (CrsTherapy *therapy,
           const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (crs_reference_text_slots); i++)
    if (g_str_equal (crs_reference_text_slots[i].field, field))
      return G_STRUCT_MEMBER (GPtrArray *, therapy, crs_reference_text_slots[i].offset);
  return NULL;
}

static gboolean
load_numbers (CrsReference  *self,
              CrsTherapy    *therapy,
              GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT field, value, decimals, unit, approximate, term, derivation, "
                                      "  note, origin, study, source FROM therapy_number WHERE code = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, therapy->code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrsSourcedNumber *n = number_slot (therapy, (const char *) sqlite3_column_text (stmt, 0));

      /* A field this version does not know (from a newer compiler with the
       * same schema version) is skipped rather than misread. */
      if (n == NULL)
        continue;
      n->value = sqlite3_column_double (stmt, 1);
      n->decimals = sqlite3_column_int (stmt, 2);
      ENUM_FROM_COLUMN (time_unit, CrsTimeUnit, stmt, 3, n->unit);
      n->approximate = sqlite3_column_int (stmt, 4) != 0;
      n->term = column_dup (stmt, 5);
      n->derivation = column_dup (stmt, 6);
      n->note = column_dup (stmt, 7);
      n->from = column_dup (stmt, 8);
      n->study = column_dup (stmt, 9);
      n->source = source_ref (self, stmt, 10);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || db_error (self, error);
}

static gboolean
load_ranges (CrsReference  *self,
             CrsTherapy    *therapy,
             GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT field, text, min, max, min_decimals, max_decimals, unit, "
                                      "  spread, origin, study, source FROM therapy_range WHERE code = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, therapy->code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrsSourcedRange *r = range_slot (therapy, (const char *) sqlite3_column_text (stmt, 0));

      if (r == NULL)
        continue;
      r->text = column_dup (stmt, 1);
      r->min = column_double (stmt, 2);
      r->max = column_double (stmt, 3);
      r->min_decimals = sqlite3_column_int (stmt, 4);
      r->max_decimals = sqlite3_column_int (stmt, 5);
      ENUM_FROM_COLUMN (time_unit, CrsTimeUnit, stmt, 6, r->unit);
      ENUM_FROM_COLUMN (spread, CrsSpread, stmt, 7, r->spread);
      r->from = column_dup (stmt, 8);
      r->study = column_dup (stmt, 9);
      r->source = source_ref (self, stmt, 10);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || db_error (self, error);
}

static gboolean
load_texts (CrsReference  *self,
            CrsTherapy    *therapy,
            GError       **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT field, text, date, before_rems_change, source "
                                      "FROM therapy_text WHERE code = ? ORDER BY field, position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, therapy->code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *list = text_slot (therapy, (const char *) sqlite3_column_text (stmt, 0));
      CrsSourcedText *text;

      if (list == NULL)
        continue;
      text = g_new0 (CrsSourcedText, 1);
      text->text = column_dup (stmt, 1);
      text->date = column_dup (stmt, 2);
      text->before_rems_change = sqlite3_column_int (stmt, 3) != 0;
      text->source = source_ref (self, stmt, 4);
      g_ptr_array_add (list, text);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || db_error (self, error);
}

static void
set_text (CrsSourcedText *text,
          CrsReference   *self,
          sqlite3_stmt   *stmt,
          int             text_column,
          int             source_column)
{
  text->text = column_dup (stmt, text_column);
  text->source = source_ref (self, stmt, source_column);
}

static CrsTherapy *
load_therapy (CrsReference  *self,
              const char    *code,
              GError       **error)
{
  g_autoptr(CrsTherapy) t = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT code, generic_name, brand_note, class, class_detail, target, tier, "
                        "  tier_source, approval, approval_text, approval_source, population, "
                        "  population_source, scale, scale_text, scale_source, boxed, boxed_text, "
                        "  boxed_source FROM therapy WHERE code = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        db_error (self, error);
      return NULL;
    }

  t = crs_therapy_new ();
  t->code = column_dup (stmt, 0);
  t->generic_name = column_dup (stmt, 1);
  t->brand_note = column_dup (stmt, 2);
  ENUM_FROM_COLUMN (drug_class, CrsDrugClass, stmt, 3, t->drug_class);
  t->class_detail = column_dup (stmt, 4);
  t->target = column_dup (stmt, 5);
  ENUM_FROM_COLUMN (risk_tier, CrsRiskTier, stmt, 6, t->risk_tier);
  t->risk_tier_source = source_ref (self, stmt, 7);
  ENUM_FROM_COLUMN (approval, CrsApproval, stmt, 8, t->approval);
  set_text (&t->approval_text, self, stmt, 9, 10);
  set_text (&t->population, self, stmt, 11, 12);
  ENUM_FROM_COLUMN (grading_scale, CrsGradingScale, stmt, 13, t->grading_scale);
  set_text (&t->grading_scale_text, self, stmt, 14, 15);
  ENUM_FROM_COLUMN (boxed_warning, CrsBoxedWarning, stmt, 16, t->boxed_warning);
  set_text (&t->boxed_warning_text, self, stmt, 17, 18);
  sqlite3_finalize (stmt);

  if (!load_names (self, t, "brand", &t->brand_names, error) ||
      !load_names (self, t, "other", &t->other_names, error) ||
      !load_numbers (self, t, error) ||
      !load_ranges (self, t, error) ||
      !load_texts (self, t, error))
    return NULL;
  return g_steal_pointer (&t);
}

CrsTherapy *
crs_reference_lookup (CrsReference  *self,
                      const char    *code,
                      GError       **error)
{
  CrsTherapy *therapy;

  g_return_val_if_fail (CRS_IS_REFERENCE (self), NULL);

  if (code == NULL || *code == '\0')
    return NULL;
  therapy = g_hash_table_lookup (self->cache, code);
  if (therapy == NULL)
    {
      therapy = load_therapy (self, code, error);
      if (therapy == NULL)
        return NULL;
      g_hash_table_insert (self->cache, g_strdup (code), therapy);
    }
  return g_object_ref (therapy);
}

/* Looks up every code the statement returns in column 0. */
static GPtrArray *
collect (CrsReference  *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) therapies = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (codes, column_dup (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      db_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < codes->len; i++)
    {
      CrsTherapy *therapy = crs_reference_lookup (self, codes->pdata[i], error);
      if (therapy == NULL)
        return NULL;
      g_ptr_array_add (therapies, therapy);
    }
  return g_steal_pointer (&therapies);
}

CrsTherapy *
crs_reference_resolve (CrsReference  *self,
                       const char    *name,
                       GError       **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRS_IS_REFERENCE (self), NULL);

  folded = crs_therapy_fold_name (name);
  if (*folded == '\0')
    return NULL;

  stmt = prepare (self, "SELECT code FROM therapy WHERE code = ?1 OR generic_folded = ?1 "
                        "UNION SELECT code FROM therapy_name WHERE folded = ?1 "
                        "ORDER BY code LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
  found = collect (self, stmt, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_object_ref (found->pdata[0]);
}

GPtrArray *
crs_reference_search (CrsReference     *self,
                      const char       *text,
                      CrsDrugClass   drug_class,
                      GError          **error)
{
  g_autofree char *folded = crs_therapy_fold_name (text);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRS_IS_REFERENCE (self), NULL);

  /* instr() rather than LIKE: what the user types has no wildcards. */
  stmt = prepare (self, "SELECT code FROM therapy "
                        "WHERE (?1 = '' OR instr(search_key, ?1) > 0) AND (?2 IS NULL OR class = ?2) "
                        "ORDER BY generic_folded, code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
  if (drug_class == CRS_DRUG_CLASS_UNSET)
    sqlite3_bind_null (stmt, 2);
  else
    sqlite3_bind_text (stmt, 2, crs_drug_class_to_id (drug_class), -1, SQLITE_STATIC);
  return collect (self, stmt, error);
}

GPtrArray *
crs_reference_list_by_class (CrsReference     *self,
                             CrsDrugClass   drug_class,
                             GError          **error)
{
  return crs_reference_search (self, NULL, drug_class, error);
}

CrsTherapy *
crs_reference_find_for_infusion (CrsReference  *self,
                                 CrsInfusion   *infusion,
                                 GError       **error)
{
  const char *key;
  CrsTherapy *therapy;
  GError *local_error = NULL;

  g_return_val_if_fail (CRS_IS_REFERENCE (self), NULL);

  if (infusion == NULL)
    return NULL;
  key = infusion->therapy_code != NULL && *infusion->therapy_code != '\0'
        ? infusion->therapy_code : infusion->therapy_name;
  if (key == NULL || *key == '\0')
    return NULL;
  therapy = crs_reference_lookup (self, key, &local_error);
  if (therapy == NULL && local_error == NULL)
    therapy = crs_reference_resolve (self, key, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return therapy;
}
