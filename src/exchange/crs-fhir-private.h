/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-fhir-private.h: the FHIR XML writer's helpers (crs-fhir-writer.c),
 * shared with the resources (crs-fhir-export.c). */
#pragma once

#include <libxml/xmlwriter.h>

#include "crs-fhir.h"
#include "crs-fhir-codes.h"

G_BEGIN_DECLS

typedef struct
{
  xmlTextWriterPtr  w;
  xmlBufferPtr      buffer;
  GError           *error;      /* the first problem; writing stops there */
  const char       *ward_id;
  const char       *mrn;        /* the patient being written, for messages */
} CrsFhirWriter;

gboolean crs_fhir_writer_init     (CrsFhirWriter      *fw,
                                   const char         *ward_id,
                                   GError            **error);
/* The document; NULL with the first problem met while writing. */
GBytes  *crs_fhir_writer_finish   (CrsFhirWriter      *fw,
                                   GError            **error);
void     crs_fhir_writer_clear    (CrsFhirWriter      *fw);

void     crs_fhir_start           (CrsFhirWriter      *fw,
                                   const char         *name);
void     crs_fhir_end             (CrsFhirWriter      *fw);
/* <name value="text"/>; nothing for NULL or "" (FHIR has no empty
 * values). */
void     crs_fhir_value           (CrsFhirWriter      *fw,
                                   const char         *name,
                                   const char         *text);
void     crs_fhir_value_int       (CrsFhirWriter      *fw,
                                   const char         *name,
                                   int                 value);
void     crs_fhir_value_bool      (CrsFhirWriter      *fw,
                                   const char         *name,
                                   gboolean            value);
void     crs_fhir_value_decimal   (CrsFhirWriter      *fw,
                                   const char         *name,
                                   double              value);
/* A dateTime or instant in UTC with seconds. */
void     crs_fhir_value_time      (CrsFhirWriter      *fw,
                                   const char         *name,
                                   gint64              unix_seconds);
void     crs_fhir_coding          (CrsFhirWriter      *fw,
                                   const CrsFhirCode  *code);
/* A CodeableConcept: @n_codes codings, then @text (may be NULL). */
void     crs_fhir_concept         (CrsFhirWriter      *fw,
                                   const char         *name,
                                   const CrsFhirCode  *codes,
                                   guint               n_codes,
                                   const char         *text);
/* A Reference to urn:uuid:@uuid. */
void     crs_fhir_reference       (CrsFhirWriter      *fw,
                                   const char         *name,
                                   const char         *uuid,
                                   const char         *display);
/* A Quantity in UCUM; @comparator "<", "<=", ">=", ">" or NULL. */
void     crs_fhir_quantity        (CrsFhirWriter      *fw,
                                   const char         *name,
                                   double              value,
                                   const CrsFhirUnit  *unit,
                                   const char         *comparator);
/* A name-based UUID (RFC 4122 version 5 layout over SHA-1) of the ward id
 * and @key: the same record of the same ward always gets the same id. */
char    *crs_fhir_uuid            (const char         *ward_id,
                                   const char         *key);
/* TRUE when @text is a FHIR code (no leading, trailing or double white
 * space, not empty). */
gboolean crs_fhir_is_code         (const char         *text);

G_END_DECLS
