/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-fhir.h: the ward, or some of its patients, as an HL7 FHIR R4 XML
 * Bundle (type collection) for a hospital's electronic record.
 *
 * What a bundle holds (resources refer to each other by urn:uuid inside
 * the bundle; the ids are made from the ward id and the record, so the
 * same records always give the same ids):
 *  - a Practitioner for each nurse named as the author of a record;
 *  - a Patient per patient, identified by the MRN;
 *  - per current observation set: the vital signs as Observations with
 *    LOINC codes and UCUM units (temperature, heart rate, respiratory
 *    rate, the blood pressure panel with its systolic and diastolic
 *    components, SpO2 with the inhaled oxygen flow and FiO2 as
 *    components), the neurological findings, then the CRS grade, the
 *    ICANS grade and NEWS2 as Observations with coded values, the rule
 *    set as method and derivedFrom the observations they rest on. The
 *    grades are the ones the app shows now (CrsPatientStatus), "at
 *    least N" coded as such, with the grade stored at entry as a
 *    component where it differs;
 *  - a MedicationAdministration per infusion and per drug given;
 *  - lab results as Observations with their LOINC codes.
 * Codes and their sources: crs-fhir-codes.h. */
#pragma once

#include "core/crs-ward-policy.h"
#include "store/crs-store.h"

#include "crs-exchange-error.h"
#include "crs-ward-file.h"

G_BEGIN_DECLS

#define CRS_FHIR_NAMESPACE "http://hl7.org/fhir"

typedef struct
{
  guint patients;
  guint observations;              /* Observation resources */
  guint medication_administrations;
  guint practitioners;
} CrsFhirSummary;

/* The bundle for @file (every version of every set, as crs_ward_file_load
 * gives it) at time @now (Unix seconds), its ids made from @ward_id.
 * @policy may be NULL for the ward defaults. @summary may be NULL. */
GBytes  *crs_fhir_write_bundle (CrsWardFile          *file,
                                const char           *ward_id,
                                const CrsWardPolicy  *policy,
                                gint64                now,
                                CrsFhirSummary       *summary,
                                GError              **error);

/* Exports the ward (@patient_ids NULL) or the listed patients to @path:
 * mode 0600, written to a temporary file beside it and renamed over it,
 * so a crash leaves the old file or the new one. */
gboolean crs_fhir_export_file  (CrsStore             *store,
                                const gint64         *patient_ids,
                                guint                 n_patient_ids,
                                const char           *path,
                                CrsFhirSummary       *summary,
                                GError              **error);

G_END_DECLS
