/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-validate.c: which values a record can hold.
 *
 * The ranges are plausibility limits, not clinical thresholds: a value
 * outside them cannot be a reading from a living patient or is a unit
 * mix-up (a temperature typed in °F into a °C field falls above 47). They
 * were first written for the grade CSV contract (shared/design/
 * grade-csv.md: "a value outside its type or range rejects that row") and
 * are the same for every way in:
 *   age 0-130 years; temperature 10.0-47.0 °C; pulse 0-300/min;
 *   respiratory rate 0-100/min; systolic and diastolic 0-300 mmHg;
 *   SpO2 0-100 %; oxygen flow 0-100 L/min; vasopressors 0-10;
 *   ICE 0-10 and CAPD 0-32 (the scales' own ranges, grading.md §2a, §2c).
 * Added for the forms, with the same intent:
 *   FiO2 21-100 % (room air is 21 %: crs-model.h);
 *   weight 0.2-700 kg (from the smallest surviving newborns to the
 *   heaviest people recorded: a unit or decimal slip falls outside);
 *   a dose or a laboratory value: not negative. */
#define G_LOG_DOMAIN "crs-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "crs-validate.h"

static const CrsFieldRange ranges[CRS_FIELD_N_FIELDS] = {
  [CRS_FIELD_AGE_YEARS] = { 0, 130, FALSE, 0, NULL },
  [CRS_FIELD_TEMPERATURE] = { 10.0, 47.0, FALSE, 1, "°C" },
  [CRS_FIELD_HEART_RATE] = { 0, 300, TRUE, 0, "/min" },
  [CRS_FIELD_RESP_RATE] = { 0, 100, TRUE, 0, "/min" },
  [CRS_FIELD_SYSTOLIC] = { 0, 300, TRUE, 0, "mmHg" },
  [CRS_FIELD_DIASTOLIC] = { 0, 300, TRUE, 0, "mmHg" },
  [CRS_FIELD_SPO2] = { 0, 100, TRUE, 0, "%" },
  [CRS_FIELD_O2_FLOW] = { 0, 100, FALSE, 0, "L/min" },
  [CRS_FIELD_FIO2] = { 21, 100, TRUE, 0, "%" },
  [CRS_FIELD_VASOPRESSORS] = { 0, 10, TRUE, 0, NULL },
  [CRS_FIELD_ICE_TOTAL] = { 0, 10, TRUE, 0, NULL },
  [CRS_FIELD_CAPD] = { 0, 32, TRUE, 0, NULL },
  [CRS_FIELD_WEIGHT] = { 0.2, 700, FALSE, 1, "kg" },
  [CRS_FIELD_DOSE] = { 0, 1e9, FALSE, 0, NULL },
  [CRS_FIELD_LAB_VALUE] = { 0, 1e9, FALSE, 0, NULL },
  /* Capillary refill is recorded in seconds (PEWS charts: "CRT Record in
   * seconds", rows "<=2 secs" and ">=3 secs"); a refill of more than 20 s
   * is not a timed measurement but a typing slip (decision). */
  [CRS_FIELD_CRT] = { 0, 20, FALSE, 1, "s" },
  /* Oxygen as a percentage: the grade CSV's "o2_percent 16-100", the
   * range SPOT-NPEWS UI Specification U9.9 suggests ("16-100 %"). */
  [CRS_FIELD_O2_PERCENT] = { 16, 100, FALSE, 0, "%" },
};

const CrsFieldRange *
crs_field_range (CrsField field)
{
  g_return_val_if_fail (field < CRS_FIELD_N_FIELDS, &ranges[0]);
  return &ranges[field];
}

gboolean
crs_field_accepts (CrsField field,
                   double   value)
{
  const CrsFieldRange *range = crs_field_range (field);

  if (!isfinite (value) || value < range->min || value > range->max)
    return FALSE;
  return !range->integer || value == floor (value);
}

char *
crs_field_range_text (CrsField field)
{
  const CrsFieldRange *range = crs_field_range (field);
  g_autofree char *min = crs_format_decimal (range->min, range->decimals);
  g_autofree char *max = crs_format_decimal (range->max, range->decimals);

  if (range->max >= 1e9)
    {
      /* TRANSLATORS: the smallest possible value, e.g. "0 or more" */
      return g_strdup_printf (_("%s or more"), min);
    }
  if (range->unit != NULL)
    /* TRANSLATORS: a range of values with its unit, e.g. "10.0–47.0 °C" */
    return g_strdup_printf (_("%s–%s %s"), min, max, range->unit);
  /* TRANSLATORS: a range of values without a unit, e.g. "0–10" */
  return g_strdup_printf (_("%s–%s"), min, max);
}

gboolean
crs_validate_blood_pressure (int systolic,
                             int diastolic)
{
  if (crs_is_missing_int (systolic) || crs_is_missing_int (diastolic))
    return TRUE;
  return diastolic <= systolic;
}

gboolean
crs_validate_oxygen_flow (CrsO2Device device,
                          double      flow_l_min)
{
  return !(device == CRS_O2_ROOM_AIR && !isnan (flow_l_min) && flow_l_min > 0);
}

static const char *
locale_decimal_point (void)
{
  const struct lconv *conv = localeconv ();

  return conv->decimal_point != NULL && *conv->decimal_point != '\0' ? conv->decimal_point : ".";
}

static const char *
locale_thousands_sep (void)
{
  const struct lconv *conv = localeconv ();

  return conv->thousands_sep != NULL ? conv->thousands_sep : "";
}

CrsNumberStatus
crs_parse_number (const char *text,
                  gboolean    integer,
                  double     *out)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) ascii = NULL;
  const char *decimal = locale_decimal_point ();
  const char *thousands = locale_thousands_sep ();
  const char *p;
  const char *separator_at = NULL;
  gboolean digits = FALSE;
  guint digits_after = 0;
  double value;

  if (text == NULL)
    return CRS_NUMBER_EMPTY;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return CRS_NUMBER_EMPTY;

  ascii = g_string_new (NULL);
  p = trimmed;
  if (*p == '+' || *p == '-')
    g_string_append_c (ascii, *p++);
  while (*p != '\0')
    {
      gsize decimal_len = strlen (decimal);

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (ascii, *p++);
          digits = TRUE;
          if (separator_at != NULL)
            digits_after++;
        }
      else if (*p == '.' || *p == ',' || strncmp (p, decimal, decimal_len) == 0)
        {
          /* A second mark: thousands grouped ("1,500.5") or a slip. */
          if (separator_at != NULL)
            return CRS_NUMBER_SEPARATORS;
          separator_at = p;
          g_string_append_c (ascii, '.');
          p += (*p == '.' || *p == ',') ? 1 : decimal_len;
        }
      else
        return CRS_NUMBER_INVALID;
    }
  if (!digits)
    return CRS_NUMBER_INVALID;

  /* "1.500" where "." groups thousands and is not the decimal point:
   * 1.5 or 1500? Refuse rather than guess. */
  if (separator_at != NULL && digits_after == 3 && *thousands != '\0' &&
      strncmp (separator_at, thousands, strlen (thousands)) == 0 &&
      strncmp (separator_at, decimal, strlen (decimal)) != 0)
    return CRS_NUMBER_GROUPED;

  value = g_ascii_strtod (ascii->str, NULL);
  if (integer && value != floor (value))
    return CRS_NUMBER_NOT_WHOLE;
  if (out != NULL)
    *out = value;
  return CRS_NUMBER_OK;
}

/* The two readings of a number with one mark that may group thousands
 * or be the decimal mark ("1,500": 1.5 or 1500), as the locale writes
 * them. */
static void
grouped_readings (const char  *text,
                  char       **as_decimal,
                  char       **as_whole)
{
  g_autoptr(GString) decimal = g_string_new (NULL);
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  /* The text holds a sign, digits and one mark ("." or ","). */
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || *p == '+' || *p == '-')
        {
          g_string_append_c (decimal, *p);
          g_string_append_c (whole, *p);
        }
      else
        g_string_append_c (decimal, '.');
    }
  /* %g writes the locale's decimal mark and never groups; 12 digits keep
   * any number a field holds as typed. */
  *as_decimal = g_strdup_printf ("%.12g", g_ascii_strtod (decimal->str, NULL));
  *as_whole = g_strdup_printf ("%.12g", g_ascii_strtod (whole->str, NULL));
}

char *
crs_number_problem (const char      *text,
                    CrsNumberStatus  status)
{
  const char *decimal = locale_decimal_point ();

  switch (status)
    {
    case CRS_NUMBER_INVALID:
      /* TRANSLATORS: %s is the decimal mark of the user's language, e.g. "." */
      return g_strdup_printf (_("Not a number: type only digits, with “%s” for decimals"), decimal);

    case CRS_NUMBER_SEPARATORS:
      /* TRANSLATORS: %s is the decimal mark of the user's language, e.g. "." */
      return g_strdup_printf (_("Two decimal marks: type the number without thousands separators, "
                                "with “%s” for decimals"), decimal);

    case CRS_NUMBER_NOT_WHOLE:
      {
        double value = 0;
        g_autofree char *below = NULL;
        g_autofree char *above = NULL;

        if (crs_parse_number (text, FALSE, &value) != CRS_NUMBER_OK)
          return g_strdup (_("Not a whole number: type it without decimals"));
        /* + 0.0: never "-0" */
        below = crs_format_decimal (floor (value) + 0.0, 0);
        above = crs_format_decimal (ceil (value) + 0.0, 0);
        /* TRANSLATORS: a fraction typed where a whole number is needed;
         * the two whole numbers around it, e.g. "type 80 or 81" */
        return g_strdup_printf (_("Not a whole number: type %s or %s"), below, above);
      }

    case CRS_NUMBER_GROUPED:
      {
        g_autofree char *as_decimal = NULL;
        g_autofree char *as_whole = NULL;

        grouped_readings (text, &as_decimal, &as_whole);
        /* TRANSLATORS: "1,500" typed where "," groups thousands: it could
         * mean 1.5 or 1500, e.g. "Unclear: 1.5 or 1500? Type the one you mean" */
        return g_strdup_printf (_("Unclear: %s or %s? Type the one you mean"), as_decimal, as_whole);
      }

    case CRS_NUMBER_OK:
    case CRS_NUMBER_EMPTY:
    default:
      return NULL;
    }
}

/* °F = °C × 9/5 + 32: the definition of the Fahrenheit scale. */
double
crs_celsius_to_fahrenheit (double celsius)
{
  return celsius * 9.0 / 5.0 + 32.0;
}

double
crs_fahrenheit_to_celsius (double fahrenheit)
{
  return (fahrenheit - 32.0) * 5.0 / 9.0;
}
