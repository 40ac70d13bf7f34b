/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml.h: the ward XML file (data/crs-ward.xsd, data/ward-xml.md).
 *
 * Reading is hardened: no network, no DOCTYPE (so no entities and no
 * external DTD), a size limit checked before parsing, depth and element
 * count limits, and validation against the schema compiled into the
 * program. Every error says what is wrong and where (file, line,
 * element, attribute).
 *
 * Importing reads and checks the whole file before touching the
 * database, then adds everything inside one store batch: all or nothing.
 * A patient whose MRN is already in the database, or twice in the file,
 * stops the import and is named by MRN. */
#pragma once

#include "store/crs-store.h"

#include "crs-exchange-error.h"
#include "crs-ward-file.h"

G_BEGIN_DECLS

#define CRS_WARD_XML_NAMESPACE "https://crswatch.org/ns/ward/1"

/* The largest ward file read, in bytes. A ward of 30 beds with 100 000
 * observation sets exports to about 50 MB. */
#define CRS_WARD_XML_MAX_BYTES ((gsize) 256 * 1024 * 1024)
/* The format nests five levels deep (ward, patient, observation,
 * acknowledgement, note); anything deeper is not a ward file. */
#define CRS_WARD_XML_MAX_DEPTH 8
/* Elements in one file: far above any real ward, far below what would
 * exhaust memory. */
#define CRS_WARD_XML_MAX_ELEMENTS 10000000
/* Attributes on one element: the widest, <observation>, has 31 (and a
 * namespace declaration or two); libxml2 checks attributes for duplicates
 * in time that grows with the square of their number, so the cap is
 * applied to the raw bytes before libxml2 sees them. */
#define CRS_WARD_XML_MAX_ATTRIBUTES 64
/* Bytes in one start tag: the longest attribute text (20 000 characters,
 * each at most a 10-byte character reference) fits with room to spare. */
#define CRS_WARD_XML_MAX_TAG_BYTES ((gsize) 512 * 1024)

/* The schema text, as compiled into the program. */
GBytes      *crs_ward_xml_get_schema    (void);

/* Reads and checks a ward file. Offsets in a file with times="relative"
 * count from @anchor (Unix seconds; 0 = now). @max_bytes 0 means
 * CRS_WARD_XML_MAX_BYTES. */
CrsWardFile *crs_ward_xml_read_file     (const char   *path,
                                         gint64        anchor,
                                         gsize         max_bytes,
                                         GError      **error);
/* The same for a document in memory; @display_name names it in errors. */
CrsWardFile *crs_ward_xml_read_bytes    (GBytes       *bytes,
                                         const char   *display_name,
                                         gint64        anchor,
                                         gsize         max_bytes,
                                         GError      **error);

/* The document for @file with absolute times. @exported_at (Unix seconds)
 * is written on the root; 0 leaves it out. Records are written in a
 * stable order and observation sets are numbered afresh, so the same
 * records always give the same text. */
GBytes      *crs_ward_xml_write         (CrsWardFile  *file,
                                         gint64        exported_at,
                                         GError      **error);

typedef struct
{
  guint patients;
  guint infusions;
  guint observations;           /* every version */
  guint interventions;
  guint lab_results;
  guint acknowledgements;
  guint settings_applied;       /* settings the database did not have yet */
  guint settings_kept;          /* settings the database already had: left as they were */
  guint graded;                 /* sets without stored grades, graded at import */
} CrsWardImportSummary;

/* Loads the whole ward (@patient_ids NULL: every patient, archived ones
 * too, and the ward settings) or the listed patients (no settings). */
CrsWardFile *crs_ward_file_load         (CrsStore      *store,
                                         const gint64  *patient_ids,
                                         guint          n_patient_ids,
                                         GError       **error);
/* Adds everything in @file to @store inside one batch. Settings the
 * database already has are kept, never overwritten. Store failures keep
 * their CRS_STORE_ERROR code. */
gboolean     crs_ward_file_import       (CrsStore              *store,
                                         CrsWardFile           *file,
                                         CrsWardImportSummary  *summary,
                                         GError               **error);

/* Exports to @path (mode 0600, replaced atomically). The document is read
 * back and checked against the schema before it is written. */
gboolean     crs_ward_xml_export_file   (CrsStore      *store,
                                         const gint64  *patient_ids,
                                         guint          n_patient_ids,
                                         const char    *path,
                                         GError       **error);
/* crs_ward_xml_read_file() then crs_ward_file_import(). */
gboolean     crs_ward_xml_import_file   (CrsStore              *store,
                                         const char            *path,
                                         gint64                 anchor,
                                         CrsWardImportSummary  *summary,
                                         GError               **error);

G_END_DECLS
