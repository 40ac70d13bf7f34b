/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-validate.h: which values a record can hold, shared by every way in
 * (the observation form, the grade CSV, the patient form), so that they
 * never disagree about what is possible.
 *
 * Only values that cannot be a reading from a living patient, or are a
 * unit mix-up, are refused; anything a monitor could show is accepted
 * however alarming (39.5 °C is fine, 60 °C is not). The form also parses
 * numbers the way people type them in their locale (decimal comma too). */
#pragma once

#include <glib.h>

#include "crs-format.h"
#include "crs-model.h"

G_BEGIN_DECLS

typedef enum {
  CRS_FIELD_AGE_YEARS = 0,
  CRS_FIELD_TEMPERATURE,      /* °C */
  CRS_FIELD_HEART_RATE,
  CRS_FIELD_RESP_RATE,
  CRS_FIELD_SYSTOLIC,
  CRS_FIELD_DIASTOLIC,
  CRS_FIELD_SPO2,
  CRS_FIELD_O2_FLOW,
  CRS_FIELD_FIO2,
  CRS_FIELD_VASOPRESSORS,
  CRS_FIELD_ICE_TOTAL,
  CRS_FIELD_CAPD,
  CRS_FIELD_WEIGHT,
  CRS_FIELD_DOSE,
  CRS_FIELD_LAB_VALUE,
  /* Added with PEWS (children): */
  CRS_FIELD_CRT,              /* capillary refill time, s */
  CRS_FIELD_O2_PERCENT,       /* oxygen given as a percentage */
  CRS_FIELD_N_FIELDS
} CrsField;

typedef struct
{
  double      min;
  double      max;
  gboolean    integer;    /* whole numbers only */
  int         decimals;   /* decimals worth showing in a message */
  const char *unit;       /* symbol, never translated ("°C", "/min"); NULL = none */
} CrsFieldRange;

/* The possible values of @field (inclusive). */
const CrsFieldRange *crs_field_range      (CrsField field);
/* TRUE when @value is possible for @field: inside the range, and whole
 * when the field takes whole numbers. NAN is FALSE. */
gboolean             crs_field_accepts    (CrsField field,
                                           double   value);
/* "10.0–47.0 °C" in the current locale. */
char                *crs_field_range_text (CrsField field);

/* Values that cannot be true together. Missing values (CRS_MISSING, NAN,
 * UNSET) always pass. */
/* The diastolic pressure is never above the systolic. */
gboolean crs_validate_blood_pressure (int         systolic,
                                      int         diastolic);
/* No oxygen flows on room air. */
gboolean crs_validate_oxygen_flow    (CrsO2Device device,
                                      double      flow_l_min);

typedef enum {
  CRS_NUMBER_OK = 0,
  CRS_NUMBER_EMPTY,           /* nothing but spaces: not recorded */
  CRS_NUMBER_INVALID,         /* not a number */
  CRS_NUMBER_NOT_WHOLE,       /* a fraction where a whole number is needed */
  CRS_NUMBER_GROUPED,         /* "1.500" in a locale that groups thousands with "." */
  /* Added with the form messages: */
  CRS_NUMBER_SEPARATORS,      /* more than one decimal mark: "1.2.3", "1,500.5" */
} CrsNumberStatus;

/* Parses a number as typed: optional sign, digits, and one decimal
 * separator, which may be the locale's, a point or a comma. Thousands
 * separators are refused rather than guessed. No exponents, "inf" or
 * "nan". Spaces around the number are ignored. */
CrsNumberStatus crs_parse_number   (const char *text,
                                    gboolean    integer,
                                    double     *out);
/* What is wrong with @text, which crs_parse_number() answered with
 * @status, and what to type instead, in the current locale: "Not a
 * number: type only digits, with “.” for decimals". NULL for OK and
 * EMPTY, which are not problems. */
char           *crs_number_problem (const char      *text,
                                    CrsNumberStatus  status);
/* Numbers are shown with crs_format_decimal() (crs-format.h). */

double crs_celsius_to_fahrenheit (double celsius);
double crs_fahrenheit_to_celsius (double fahrenheit);

G_END_DECLS
