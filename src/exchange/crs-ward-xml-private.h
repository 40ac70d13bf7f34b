/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-private.h: what the ward XML reader, writer and importer
 * share. */
#pragma once

#include <libxml/xmlschemas.h>

#include "crs-ward-xml.h"
#include "crs-xml-input.h"

G_BEGIN_DECLS

#define CRS_WARD_XML_GENERATOR "CRS Watch " PACKAGE_VERSION

/* @anchor moved by an xs:duration offset without fractions
 * ("-P2DT4H30M"); NULL when the text is not one or the result is out of
 * range. */
GDateTime   *crs_ward_xml_apply_offset  (GDateTime        *anchor,
                                         const char       *text);

/* The compiled schema, built once; owned by the module. */
xmlSchemaPtr crs_ward_xml_get_compiled_schema (GError **error);

/* "2025-03-14T08:30:00Z", or NULL for a time GDateTime cannot hold. */
char        *crs_ward_xml_format_time   (gint64      unix_seconds);
/* The shortest fixed-point text that reads back as exactly @value;
 * an exponent only when no fixed-point text does. */
char        *crs_ward_xml_format_double (double      value);
/* Strips "{namespace}" from libxml2's messages and trailing blanks. */
char        *crs_ward_xml_tidy_message  (const char *message);

G_END_DECLS
