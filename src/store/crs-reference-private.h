/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-reference-private.h: the schema of therapies.sqlite, shared by its
 * writer (build time) and its reader (run time). Nothing outside
 * src/store/ sees it. */
#pragma once

#include "core/crs-therapy.h"

G_BEGIN_DECLS

/* "CRSR" in PRAGMA application_id: a file without it is not a therapy
 * reference. */
#define CRS_REFERENCE_APPLICATION_ID 0x43525352
/* PRAGMA user_version: bump when the schema changes; the reader refuses a
 * file from a newer version. The file is rebuilt from therapies.xml on
 * every build, so there are no migrations. */
#define CRS_REFERENCE_SCHEMA_VERSION 1

/* Enumerations are stored as their machine ids (crs-therapy.h). Numbers
 * keep how many decimals the source printed, so "51.0" stays "51.0".
 * search_key holds the folded code, generic, other and brand names
 * (crs_therapy_fold_name), one per line. */
#define CRS_REFERENCE_SCHEMA \
  "CREATE TABLE source (" \
  "  id TEXT PRIMARY KEY," \
  "  citation TEXT NOT NULL," \
  "  url TEXT," \
  "  quality TEXT NOT NULL" \
  ");" \
  "CREATE TABLE therapy (" \
  "  code TEXT PRIMARY KEY," \
  "  generic_name TEXT NOT NULL," \
  "  generic_folded TEXT NOT NULL," \
  "  brand_note TEXT," \
  "  class TEXT NOT NULL," \
  "  class_detail TEXT," \
  "  target TEXT," \
  "  tier TEXT NOT NULL," \
  "  tier_source TEXT REFERENCES source(id)," \
  "  approval TEXT NOT NULL," \
  "  approval_text TEXT," \
  "  approval_source TEXT REFERENCES source(id)," \
  "  population TEXT," \
  "  population_source TEXT REFERENCES source(id)," \
  "  scale TEXT," \
  "  scale_text TEXT," \
  "  scale_source TEXT REFERENCES source(id)," \
  "  boxed TEXT," \
  "  boxed_text TEXT," \
  "  boxed_source TEXT REFERENCES source(id)," \
  "  search_key TEXT NOT NULL" \
  ");" \
  "CREATE TABLE therapy_name (" \
  "  code TEXT NOT NULL REFERENCES therapy(code)," \
  "  kind TEXT NOT NULL CHECK (kind IN ('brand', 'other'))," \
  "  position INTEGER NOT NULL," \
  "  name TEXT NOT NULL," \
  "  folded TEXT NOT NULL," \
  "  PRIMARY KEY (code, kind, position)" \
  ");" \
  "CREATE INDEX therapy_name_folded ON therapy_name (folded);" \
  "CREATE TABLE therapy_number (" \
  "  code TEXT NOT NULL REFERENCES therapy(code)," \
  "  field TEXT NOT NULL," \
  "  value REAL NOT NULL," \
  "  decimals INTEGER NOT NULL," \
  "  unit TEXT," \
  "  approximate INTEGER NOT NULL," \
  "  term TEXT," \
  "  derivation TEXT," \
  "  note TEXT," \
  "  origin TEXT," \
  "  study TEXT NOT NULL," \
  "  source TEXT NOT NULL REFERENCES source(id)," \
  "  PRIMARY KEY (code, field)" \
  ");" \
  "CREATE TABLE therapy_range (" \
  "  code TEXT NOT NULL REFERENCES therapy(code)," \
  "  field TEXT NOT NULL," \
  "  text TEXT NOT NULL," \
  "  min REAL," \
  "  max REAL," \
  "  min_decimals INTEGER NOT NULL," \
  "  max_decimals INTEGER NOT NULL," \
  "  unit TEXT," \
  "  spread TEXT," \
  "  origin TEXT," \
  "  study TEXT NOT NULL," \
  "  source TEXT NOT NULL REFERENCES source(id)," \
  "  PRIMARY KEY (code, field)" \
  ");" \
  "CREATE TABLE therapy_text (" \
  "  code TEXT NOT NULL REFERENCES therapy(code)," \
  "  field TEXT NOT NULL," \
  "  position INTEGER NOT NULL," \
  "  text TEXT NOT NULL," \
  "  date TEXT," \
  "  before_rems_change INTEGER NOT NULL," \
  "  source TEXT NOT NULL REFERENCES source(id)," \
  "  PRIMARY KEY (code, field, position)" \
  ");"

/* Field names in therapy_number, therapy_range and therapy_text: the
 * element names of therapies.xml. */
#define CRS_REFERENCE_FIELD_CRS_ANY_GRADE     "crs-any-grade"
#define CRS_REFERENCE_FIELD_CRS_GRADE3PLUS    "crs-grade3plus"
#define CRS_REFERENCE_FIELD_ICANS_ANY_GRADE   "icans-any-grade"
#define CRS_REFERENCE_FIELD_ICANS_GRADE3PLUS  "icans-grade3plus"
#define CRS_REFERENCE_FIELD_ONSET_MEDIAN      "onset-median"
#define CRS_REFERENCE_FIELD_ONSET_RANGE       "onset-range"
#define CRS_REFERENCE_FIELD_DURATION_MEDIAN   "duration-median"
#define CRS_REFERENCE_FIELD_DURATION_RANGE    "duration-range"
#define CRS_REFERENCE_FIELD_INDICATIONS       "indications"
#define CRS_REFERENCE_FIELD_STEP_UP_DOSING    "step-up-dosing"
#define CRS_REFERENCE_FIELD_PREMEDICATION     "premedication"
#define CRS_REFERENCE_FIELD_MONITORING        "monitoring"
#define CRS_REFERENCE_FIELD_LABEL_ACTION      "label-action"
#define CRS_REFERENCE_FIELD_NOTE              "note"

/* Where each field lives in CrsTherapy, so that writer and reader walk
 * the same list. */
typedef struct
{
  const char *field;
  gsize       offset;
} CrsReferenceSlot;

static const CrsReferenceSlot crs_reference_number_slots[] = {
  { CRS_REFERENCE_FIELD_CRS_ANY_GRADE, G_STRUCT_OFFSET (CrsTherapy, crs_any_grade) },
  { CRS_REFERENCE_FIELD_CRS_GRADE3PLUS, G_STRUCT_OFFSET (CrsTherapy, crs_grade3plus) },
  { CRS_REFERENCE_FIELD_ICANS_ANY_GRADE, G_STRUCT_OFFSET (CrsTherapy, icans_any_grade) },
  { CRS_REFERENCE_FIELD_ICANS_GRADE3PLUS, G_STRUCT_OFFSET (CrsTherapy, icans_grade3plus) },
  { CRS_REFERENCE_FIELD_ONSET_MEDIAN, G_STRUCT_OFFSET (CrsTherapy, onset_median) },
  { CRS_REFERENCE_FIELD_DURATION_MEDIAN, G_STRUCT_OFFSET (CrsTherapy, duration_median) },
};

static const CrsReferenceSlot crs_reference_range_slots[] = {
  { CRS_REFERENCE_FIELD_ONSET_RANGE, G_STRUCT_OFFSET (CrsTherapy, onset_range) },
  { CRS_REFERENCE_FIELD_DURATION_RANGE, G_STRUCT_OFFSET (CrsTherapy, duration_range) },
};

/* Lists of CrsSourcedText *. */
static const CrsReferenceSlot crs_reference_text_slots[] = {
  { CRS_REFERENCE_FIELD_INDICATIONS, G_STRUCT_OFFSET (CrsTherapy, indications) },
  { CRS_REFERENCE_FIELD_STEP_UP_DOSING, G_STRUCT_OFFSET (CrsTherapy, step_up_dosing) },
  { CRS_REFERENCE_FIELD_PREMEDICATION, G_STRUCT_OFFSET (CrsTherapy, premedication) },
  { CRS_REFERENCE_FIELD_MONITORING, G_STRUCT_OFFSET (CrsTherapy, monitoring) },
  { CRS_REFERENCE_FIELD_LABEL_ACTION, G_STRUCT_OFFSET (CrsTherapy, label_actions) },
  { CRS_REFERENCE_FIELD_NOTE, G_STRUCT_OFFSET (CrsTherapy, notes) },
};

G_END_DECLS
