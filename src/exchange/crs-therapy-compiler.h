/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-compiler.h: reads data/therapies.xml, validates it against
 * data/therapies.xsd with libxml2, checks what the schema cannot say, and
 * writes the therapy reference database (therapies.sqlite) through
 * src/store/crs-reference-writer.h. Runs at build time
 * (crs-therapy-compile); the app only reads the result. */
#pragma once

#include <glib.h>

#include "crs-exchange-error.h"

G_BEGIN_DECLS

/* The therapies of @xml_path (CrsTherapy *, in file order) once the file is
 * well formed, valid against @xsd_path and consistent. Otherwise NULL with
 * CRS_EXCHANGE_ERROR_INVALID, whose message lists each problem on its own
 * line as "FILE:LINE: FIELD: what is wrong". The file and the schema are
 * read like a ward file (crs-xml-input.h): a DOCTYPE, an entity, or a
 * file too large, too deep or too wide is refused before libxml2 parses
 * it, and nothing is fetched from outside. */
GPtrArray *crs_therapy_compiler_load    (const char  *xml_path,
                                         const char  *xsd_path,
                                         GError     **error);
/* The same for a document in memory; @display_name names it in the
 * messages. */
GPtrArray *crs_therapy_compiler_load_bytes (GBytes      *xml,
                                            const char  *display_name,
                                            const char  *xsd_path,
                                            GError     **error);
/* Loads @xml_path as above and writes @sqlite_path; on any error nothing
 * is written. */
gboolean   crs_therapy_compiler_compile (const char  *xml_path,
                                         const char  *xsd_path,
                                         const char  *sqlite_path,
                                         GError     **error);

G_END_DECLS
