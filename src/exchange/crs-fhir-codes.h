/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-fhir-codes.h: the code systems, codes and units of the FHIR export,
 * each with its source.
 *
 * LOINC vital-sign codes: FHIR R4 ValueSet observation-vitalsignresult
 * (hl7.org/fhir/R4/valueset-observation-vitalsignresult.html): 8310-5
 * body temperature, 8867-4 heart rate, 9279-1 respiratory rate, 85354-9
 * blood pressure panel grouping 8480-6 systolic and 8462-4 diastolic,
 * 2708-6 oxygen saturation. SpO2 coded both 2708-6 and 59408-5 (by pulse
 * oximetry) as in HL7's example observation-example-satO2.xml; inhaled
 * oxygen flow 3151-8 in L/min and concentration (FiO2) 3150-0 in % as
 * components of SpO2, as in the US Core pulse-oximetry profile (which
 * also confirms that 3151-8 is the flow and 3150-0 the concentration).
 * (Collected in shared/clinical/fhir_loinc.md, §1.)
 *
 * UCUM units: "Cel" in HL7/fhir source/observation/observation-example-
 * body-temperature.xml (commit 0d2d645d), "/min" in observation-example-
 * heart-rate.xml (commit 58381e41), "mm[Hg]" in observation-example-
 * bloodpressure.xml (commit 0cabf5ff); "%" and "L/min" in the pulse-
 * oximetry profile above. Category system and code "vital-signs": the
 * heart-rate example.
 *
 * NEWS2 total: SNOMED CT UK edition 1104051000000101 "RCP NEWS2 total
 * score", as used by the public FHIR IG SynaneticsLtd/emergency-
 * department-ig (fhir_loinc.md, "NEWS2 codes"). ASTCT CRS and ICANS
 * grades have no LOINC or SNOMED code in our sources: they are coded in
 * CRS Watch's own code system below, with the rule set as method. */
#pragma once

#define CRS_FHIR_LOINC          "http://loinc.org"
#define CRS_FHIR_SNOMED         "http://snomed.info/sct"
#define CRS_FHIR_UCUM           "http://unitsofmeasure.org"
#define CRS_FHIR_OBS_CATEGORY   "http://terminology.hl7.org/CodeSystem/observation-category"
#define CRS_FHIR_ABSENT_REASON  "http://terminology.hl7.org/CodeSystem/data-absent-reason"

/* CRS Watch's own code systems (under the project's namespace, as the
 * ward file's https://crswatch.org/ns/ward/1). */
#define CRS_FHIR_CS_BASE        "https://crswatch.org/fhir/CodeSystem/"
#define CRS_FHIR_CS_OBSERVATION CRS_FHIR_CS_BASE "observation"   /* what an Observation is */
#define CRS_FHIR_CS_GRADE       CRS_FHIR_CS_BASE "astct-grade"   /* "0".."4", "at-least-1".."at-least-4" */
#define CRS_FHIR_CS_RULES       CRS_FHIR_CS_BASE "rules"         /* "ASTCT-2019", "NEWS2-2017", "PEWS-NHSE-2023" */
#define CRS_FHIR_CS_NEWS2_RISK  CRS_FHIR_CS_BASE "news2-risk"    /* the grade CSV's band ids */
#define CRS_FHIR_CS_PEWS_LEVEL  CRS_FHIR_CS_BASE "pews-level"    /* the grade CSV's pews_level ids */
#define CRS_FHIR_CS_FINDING     CRS_FHIR_CS_BASE "finding"       /* ward file ids of recorded findings */
#define CRS_FHIR_CS_THERAPY     CRS_FHIR_CS_BASE "therapy"       /* therapy reference codes */
#define CRS_FHIR_CS_INTERVENTION CRS_FHIR_CS_BASE "intervention" /* intervention kinds */

typedef struct
{
  const char *system;
  const char *code;
  const char *display;
} CrsFhirCode;

/* A quantity's unit: the UCUM code, and the text people read. */
typedef struct
{
  const char *ucum;
  const char *text;
} CrsFhirUnit;

#define CRS_FHIR_CODE_TEMPERATURE  { CRS_FHIR_LOINC, "8310-5", "Body temperature" }
#define CRS_FHIR_CODE_HEART_RATE   { CRS_FHIR_LOINC, "8867-4", "Heart rate" }
#define CRS_FHIR_CODE_RESP_RATE    { CRS_FHIR_LOINC, "9279-1", "Respiratory rate" }
#define CRS_FHIR_CODE_BP_PANEL     { CRS_FHIR_LOINC, "85354-9", "Blood pressure panel" }
#define CRS_FHIR_CODE_SYSTOLIC     { CRS_FHIR_LOINC, "8480-6", "Systolic blood pressure" }
#define CRS_FHIR_CODE_DIASTOLIC    { CRS_FHIR_LOINC, "8462-4", "Diastolic blood pressure" }
#define CRS_FHIR_CODE_SPO2         { CRS_FHIR_LOINC, "2708-6", "Oxygen saturation in Arterial blood" }
#define CRS_FHIR_CODE_SPO2_PULSE_OX { CRS_FHIR_LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry" }
#define CRS_FHIR_CODE_O2_FLOW      { CRS_FHIR_LOINC, "3151-8", "Inhaled oxygen flow rate" }
#define CRS_FHIR_CODE_FIO2         { CRS_FHIR_LOINC, "3150-0", "Inhaled oxygen concentration" }
#define CRS_FHIR_CODE_NEWS2_TOTAL  { CRS_FHIR_SNOMED, "1104051000000101", "RCP NEWS2 total score" }

#define CRS_FHIR_UNIT_CELSIUS   { "Cel", "°C" }
#define CRS_FHIR_UNIT_PER_MIN   { "/min", "/min" }
#define CRS_FHIR_UNIT_MMHG      { "mm[Hg]", "mmHg" }
#define CRS_FHIR_UNIT_PERCENT   { "%", "%" }
#define CRS_FHIR_UNIT_L_MIN     { "L/min", "L/min" }
