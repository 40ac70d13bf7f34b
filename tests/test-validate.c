/* test-validate.c: the values a record can hold (crs-validate.h), shared
 * by the forms and the grade CSV: ranges, cross-field checks, numbers as
 * people type them, and the temperature units. Table-driven. */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "core/crs-validate.h"

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

typedef struct
{
  const char      *text;
  gboolean         integer;
  CrsNumberStatus  status;
  double           value;
} ParseCase;

/* In the C locale: a point or a comma is a decimal separator. */
static const ParseCase parse_cases[] = {
  { "38.5", FALSE, CRS_NUMBER_OK, 38.5 },
  { "38,5", FALSE, CRS_NUMBER_OK, 38.5 },
  { " 39 ", FALSE, CRS_NUMBER_OK, 39 },
  { "+7", TRUE, CRS_NUMBER_OK, 7 },
  { "-3", TRUE, CRS_NUMBER_OK, -3 },
  { ".5", FALSE, CRS_NUMBER_OK, 0.5 },
  { "5.", FALSE, CRS_NUMBER_OK, 5 },
  { "80", TRUE, CRS_NUMBER_OK, 80 },
  { "80.0", TRUE, CRS_NUMBER_OK, 80 },
  { "80.5", TRUE, CRS_NUMBER_NOT_WHOLE, 0 },
  { "", FALSE, CRS_NUMBER_EMPTY, 0 },
  { "   ", FALSE, CRS_NUMBER_EMPTY, 0 },
  { "abc", FALSE, CRS_NUMBER_INVALID, 0 },
  { "1e3", FALSE, CRS_NUMBER_INVALID, 0 },
  { "inf", FALSE, CRS_NUMBER_INVALID, 0 },
  { "nan", FALSE, CRS_NUMBER_INVALID, 0 },
  { "0x10", FALSE, CRS_NUMBER_INVALID, 0 },
  { "1.2.3", FALSE, CRS_NUMBER_INVALID, 0 },
  { "1,2.3", FALSE, CRS_NUMBER_INVALID, 0 },
  { "38 °C", FALSE, CRS_NUMBER_INVALID, 0 },
  { ".", FALSE, CRS_NUMBER_INVALID, 0 },
  { "-", FALSE, CRS_NUMBER_INVALID, 0 },
  /* No thousands separator in C: "1.500" is one and a half. */
  { "1.500", FALSE, CRS_NUMBER_OK, 1.5 },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      double value = -12345;
      CrsNumberStatus status = crs_parse_number (c->text, c->integer, &value);

      if (status != c->status)
        g_error ("“%s”: status %d, expected %d", c->text, status, c->status);
      if (status == CRS_NUMBER_OK)
        g_assert_cmpfloat_with_epsilon (value, c->value, 1e-12);
    }
  g_assert_cmpint (crs_parse_number (NULL, FALSE, NULL), ==, CRS_NUMBER_EMPTY);
}

/* A locale with a decimal comma that groups thousands with a point:
 * made for the test with localedef when the system has its source. */
static void
test_parse_decimal_comma_locale (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "locale", NULL);
  g_autofree char *target = g_build_filename (dir, "de_DE.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", target, NULL };
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *shown = NULL;
  int status = -1;
  double value = 0;

  g_mkdir_with_parents (dir, 0700);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("localedef cannot make de_DE.UTF-8 here");
      return;
    }
  g_setenv ("LOCPATH", dir, TRUE);
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale made for the test does not load");
      return;
    }

  g_assert_cmpint (crs_parse_number ("38,5", FALSE, &value), ==, CRS_NUMBER_OK);
  g_assert_cmpfloat_with_epsilon (value, 38.5, 1e-12);
  g_assert_cmpint (crs_parse_number ("38.5", FALSE, &value), ==, CRS_NUMBER_OK);
  g_assert_cmpfloat_with_epsilon (value, 38.5, 1e-12);
  /* 1,5 or 1500? Refused rather than guessed. */
  g_assert_cmpint (crs_parse_number ("1.500", FALSE, &value), ==, CRS_NUMBER_GROUPED);
  g_assert_cmpint (crs_parse_number ("1,500", FALSE, &value), ==, CRS_NUMBER_OK);
  g_assert_cmpfloat_with_epsilon (value, 1.5, 1e-12);
  shown = crs_format_decimal (38.5, 1);
  g_assert_cmpstr (shown, ==, "38,5");

  setlocale (LC_NUMERIC, old);
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
  g_test_add_func ("/validate/parse-decimal-comma-locale", test_parse_decimal_comma_locale);
  g_test_add_func ("/validate/fahrenheit", test_fahrenheit);

  return g_test_run ();
}
