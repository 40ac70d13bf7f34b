/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-validate.c: the values a record can hold (crs-validate.h), shared
 * by the forms and the grade CSV: ranges, cross-field checks, numbers as
 * people type them, and the temperature units. Table-driven. */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "core/crs-validate.h"
#include "crs-test-locale.h"

typedef struct
{
  CrsField field;
  double   value;
  gboolean accepted;
} RangeCase;

/* The edges of every range, just inside and just outside, and the
 * examples of the nurse workflow (60 °C and SpO2 140 impossible, 39.5 °C
 * abnormal but possible). */
static const RangeCase range_cases[] = {
  { CRS_FIELD_TEMPERATURE, 39.5, TRUE },
  { CRS_FIELD_TEMPERATURE, 60.0, FALSE },
  { CRS_FIELD_TEMPERATURE, 10.0, TRUE },
  { CRS_FIELD_TEMPERATURE, 9.9, FALSE },
  { CRS_FIELD_TEMPERATURE, 47.0, TRUE },
  { CRS_FIELD_TEMPERATURE, 47.1, FALSE },
  { CRS_FIELD_TEMPERATURE, 101.0, FALSE },    /* °F typed as °C */
  { CRS_FIELD_HEART_RATE, 0, TRUE },
  { CRS_FIELD_HEART_RATE, 300, TRUE },
  { CRS_FIELD_HEART_RATE, 301, FALSE },
  { CRS_FIELD_HEART_RATE, 80.5, FALSE },      /* whole numbers only */
  { CRS_FIELD_HEART_RATE, -1, FALSE },
  { CRS_FIELD_RESP_RATE, 100, TRUE },
  { CRS_FIELD_RESP_RATE, 101, FALSE },
  { CRS_FIELD_SYSTOLIC, 300, TRUE },
  { CRS_FIELD_SYSTOLIC, 301, FALSE },
  { CRS_FIELD_DIASTOLIC, 0, TRUE },
  { CRS_FIELD_SPO2, 100, TRUE },
  { CRS_FIELD_SPO2, 140, FALSE },
  { CRS_FIELD_O2_FLOW, 0.5, TRUE },
  { CRS_FIELD_O2_FLOW, 100, TRUE },
  { CRS_FIELD_O2_FLOW, 100.5, FALSE },
  { CRS_FIELD_FIO2, 21, TRUE },
  { CRS_FIELD_FIO2, 20, FALSE },
  { CRS_FIELD_FIO2, 100, TRUE },
  { CRS_FIELD_VASOPRESSORS, 10, TRUE },
  { CRS_FIELD_VASOPRESSORS, 11, FALSE },
  { CRS_FIELD_ICE_TOTAL, 10, TRUE },
  { CRS_FIELD_ICE_TOTAL, 11, FALSE },
  { CRS_FIELD_CAPD, 32, TRUE },
  { CRS_FIELD_CAPD, 33, FALSE },
  { CRS_FIELD_AGE_YEARS, 130, TRUE },
  { CRS_FIELD_AGE_YEARS, 131, FALSE },
  { CRS_FIELD_WEIGHT, 0.2, TRUE },
  { CRS_FIELD_WEIGHT, 0.1, FALSE },
  { CRS_FIELD_WEIGHT, 700, TRUE },
  { CRS_FIELD_WEIGHT, 7000, FALSE },
  { CRS_FIELD_DOSE, 0, TRUE },
  { CRS_FIELD_DOSE, -1, FALSE },
  { CRS_FIELD_LAB_VALUE, 1500, TRUE },
  { CRS_FIELD_LAB_VALUE, -0.5, FALSE },
};

static void
test_ranges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (range_cases); i++)
    {
      const RangeCase *c = &range_cases[i];

      if (crs_field_accepts (c->field, c->value) != c->accepted)
        g_error ("field %d, value %g: expected %s", c->field, c->value,
                 c->accepted ? "accepted" : "refused");
    }
  g_assert_false (crs_field_accepts (CRS_FIELD_TEMPERATURE, NAN));
  g_assert_false (crs_field_accepts (CRS_FIELD_TEMPERATURE, INFINITY));
}

static void
test_range_text (void)
{
  g_autofree char *temperature = crs_field_range_text (CRS_FIELD_TEMPERATURE);
  g_autofree char *spo2 = crs_field_range_text (CRS_FIELD_SPO2);
  g_autofree char *ice = crs_field_range_text (CRS_FIELD_ICE_TOTAL);
  g_autofree char *dose = crs_field_range_text (CRS_FIELD_DOSE);

  g_assert_cmpstr (temperature, ==, "10.0–47.0 °C");
  g_assert_cmpstr (spo2, ==, "0–100 %");
  g_assert_cmpstr (ice, ==, "0–10");
  g_assert_cmpstr (dose, ==, "0 or more");
}

static void
test_cross_field (void)
{
  g_assert_true (crs_validate_blood_pressure (120, 80));
  g_assert_true (crs_validate_blood_pressure (80, 80));
  g_assert_false (crs_validate_blood_pressure (120, 130));
  g_assert_true (crs_validate_blood_pressure (CRS_MISSING, 130));
  g_assert_true (crs_validate_blood_pressure (120, CRS_MISSING));

  g_assert_true (crs_validate_oxygen_flow (CRS_O2_ROOM_AIR, NAN));
  g_assert_true (crs_validate_oxygen_flow (CRS_O2_ROOM_AIR, 0));
  g_assert_false (crs_validate_oxygen_flow (CRS_O2_ROOM_AIR, 2));
  g_assert_true (crs_validate_oxygen_flow (CRS_O2_NASAL_CANNULA, 2));
  g_assert_true (crs_validate_oxygen_flow (CRS_O2_UNSET, 2));
}

/* A number as typed, what the parser makes of it, and what the form
 * says about it (NULL: nothing, it is fine or empty). */
typedef struct
{
  const char      *text;
  gboolean         integer;
  CrsNumberStatus  status;
  double           value;
  const char      *problem;
} ParseCase;

/* In the C locale: a point or a comma is a decimal separator. */
static const ParseCase parse_cases[] = {
  { "38.5", FALSE, CRS_NUMBER_OK, 38.5, NULL },
  { "38,5", FALSE, CRS_NUMBER_OK, 38.5, NULL },
  { "85,5", FALSE, CRS_NUMBER_OK, 85.5, NULL },
  { " 39 ", FALSE, CRS_NUMBER_OK, 39, NULL },
  { "+7", TRUE, CRS_NUMBER_OK, 7, NULL },
  { "-3", TRUE, CRS_NUMBER_OK, -3, NULL },
  { ".5", FALSE, CRS_NUMBER_OK, 0.5, NULL },
  { "5.", FALSE, CRS_NUMBER_OK, 5, NULL },
  { "80", TRUE, CRS_NUMBER_OK, 80, NULL },
  { "80.0", TRUE, CRS_NUMBER_OK, 80, NULL },
  { "80.5", TRUE, CRS_NUMBER_NOT_WHOLE, 0, "Not a whole number: type 80 or 81" },
  { "96,4", TRUE, CRS_NUMBER_NOT_WHOLE, 0, "Not a whole number: type 96 or 97" },
  { "-0.5", TRUE, CRS_NUMBER_NOT_WHOLE, 0, "Not a whole number: type -1 or 0" },
  { "", FALSE, CRS_NUMBER_EMPTY, 0, NULL },
  { "   ", FALSE, CRS_NUMBER_EMPTY, 0, NULL },
  { "abc", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "1e3", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "inf", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "nan", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "0x10", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "38 °C", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { ".", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "-", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "1.2.3", FALSE, CRS_NUMBER_SEPARATORS, 0,
    "Two decimal marks: type the number without thousands separators, with “.” for decimals" },
  { "1,2.3", FALSE, CRS_NUMBER_SEPARATORS, 0,
    "Two decimal marks: type the number without thousands separators, with “.” for decimals" },
  { "1,500.5", FALSE, CRS_NUMBER_SEPARATORS, 0,
    "Two decimal marks: type the number without thousands separators, with “.” for decimals" },
  /* No thousands separator in C: "1.500" is one and a half. */
  { "1.500", FALSE, CRS_NUMBER_OK, 1.5, NULL },
  { "1,500", FALSE, CRS_NUMBER_OK, 1.5, NULL },
};

/* An English locale groups thousands with a comma: "1,500" could be
 * either; "85,5" cannot be a group, so it is eighty-five and a half. */
static const ParseCase english_cases[] = {
  { "85,5", FALSE, CRS_NUMBER_OK, 85.5, NULL },
  { "85.5", FALSE, CRS_NUMBER_OK, 85.5, NULL },
  { "1.500", FALSE, CRS_NUMBER_OK, 1.5, NULL },
  { "1,500", FALSE, CRS_NUMBER_GROUPED, 0, "Unclear: 1.5 or 1500? Type the one you mean" },
  { "-12,345", FALSE, CRS_NUMBER_GROUPED, 0, "Unclear: -12.345 or -12345? Type the one you mean" },
  { "1,500", TRUE, CRS_NUMBER_GROUPED, 0, "Unclear: 1.5 or 1500? Type the one you mean" },
  { "1,500.5", FALSE, CRS_NUMBER_SEPARATORS, 0,
    "Two decimal marks: type the number without thousands separators, with “.” for decimals" },
  { "85,5 mg", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “.” for decimals" },
  { "80,5", TRUE, CRS_NUMBER_NOT_WHOLE, 0, "Not a whole number: type 80 or 81" },
};

/* German: a decimal comma, thousands grouped with a point. */
static const ParseCase german_cases[] = {
  { "38,5", FALSE, CRS_NUMBER_OK, 38.5, NULL },
  { "38.5", FALSE, CRS_NUMBER_OK, 38.5, NULL },
  /* 1,5 or 1500? Refused rather than guessed. */
  { "1.500", FALSE, CRS_NUMBER_GROUPED, 0, "Unclear: 1,5 or 1500? Type the one you mean" },
  { "1,500", FALSE, CRS_NUMBER_OK, 1.5, NULL },
  { "abc", FALSE, CRS_NUMBER_INVALID, 0, "Not a number: type only digits, with “,” for decimals" },
  { "1.500,5", FALSE, CRS_NUMBER_SEPARATORS, 0,
    "Two decimal marks: type the number without thousands separators, with “,” for decimals" },
  { "80,5", TRUE, CRS_NUMBER_NOT_WHOLE, 0, "Not a whole number: type 80 or 81" },
};

static void
check_cases (const ParseCase *cases,
             guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const ParseCase *c = &cases[i];
      double value = -12345;
      CrsNumberStatus status = crs_parse_number (c->text, c->integer, &value);
      g_autofree char *problem = crs_number_problem (c->text, status);

      if (status != c->status)
        g_error ("“%s”: status %d, expected %d", c->text, status, c->status);
      if (status == CRS_NUMBER_OK)
        g_assert_cmpfloat_with_epsilon (value, c->value, 1e-12);
      if (g_strcmp0 (problem, c->problem) != 0)
        g_error ("“%s”: message “%s”, expected “%s”", c->text,
                 problem != NULL ? problem : "(none)", c->problem != NULL ? c->problem : "(none)");
    }
}

static void
test_parse (void)
{
  check_cases (parse_cases, G_N_ELEMENTS (parse_cases));
  g_assert_cmpint (crs_parse_number (NULL, FALSE, NULL), ==, CRS_NUMBER_EMPTY);
}

static void
test_parse_english_locale (void)
{
  g_autofree char *old = crs_test_use_locale ("en_US");

  if (old == NULL)
    return;
  check_cases (english_cases, G_N_ELEMENTS (english_cases));
  crs_test_restore_locale (old);
}

static void
test_parse_decimal_comma_locale (void)
{
  g_autofree char *old = crs_test_use_locale ("de_DE");
  g_autofree char *shown = NULL;

  if (old == NULL)
    return;
  check_cases (german_cases, G_N_ELEMENTS (german_cases));
  shown = crs_format_decimal (38.5, 1);
  g_assert_cmpstr (shown, ==, "38,5");
  crs_test_restore_locale (old);
}

static void
test_fahrenheit (void)
{
  g_assert_cmpfloat_with_epsilon (crs_celsius_to_fahrenheit (38.0), 100.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (crs_fahrenheit_to_celsius (102.2), 39.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (crs_fahrenheit_to_celsius (crs_celsius_to_fahrenheit (36.6)), 36.6, 1e-9);
  /* The impossible range as a °F user reads it. */
  g_assert_cmpfloat_with_epsilon (crs_celsius_to_fahrenheit (crs_field_range (CRS_FIELD_TEMPERATURE)->min), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (crs_celsius_to_fahrenheit (crs_field_range (CRS_FIELD_TEMPERATURE)->max), 116.6, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/validate/ranges", test_ranges);
  g_test_add_func ("/validate/range-text", test_range_text);
  g_test_add_func ("/validate/cross-field", test_cross_field);
  g_test_add_func ("/validate/parse", test_parse);
  g_test_add_func ("/validate/parse-english-locale", test_parse_english_locale);
  g_test_add_func ("/validate/parse-decimal-comma-locale", test_parse_decimal_comma_locale);
  g_test_add_func ("/validate/fahrenheit", test_fahrenheit);

  return g_test_run ();
}
