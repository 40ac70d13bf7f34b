/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: temperatures in the unit a nurse chose (stored and
 * graded in °C whatever is shown), grading reasons included. */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "core/crs-format.h"
#include "core/crs-grading.h"
#include "core/crs-validate.h"
#include "crs-test-locale.h"

static void
test_temperature_units (void)
{
  /* Fixed points of the two scales, and body temperatures. */
  static const struct {
    double      celsius;
    double      fahrenheit;
    const char *shown_c;
    const char *shown_f;
  } cases[] = {
    { 0.0, 32.0, "0.0 °C", "32.0 °F" },
    { 100.0, 212.0, "100.0 °C", "212.0 °F" },
    { 37.0, 98.6, "37.0 °C", "98.6 °F" },
    { 38.0, 100.4, "38.0 °C", "100.4 °F" },
    { 39.1, 102.38, "39.1 °C", "102.4 °F" },
    { 35.5, 95.9, "35.5 °C", "95.9 °F" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *c = NULL;
      g_autofree char *f = NULL;

      g_assert_cmpfloat_with_epsilon (crs_celsius_to_fahrenheit (cases[i].celsius),
                                      cases[i].fahrenheit, 1e-9);
      g_assert_cmpfloat_with_epsilon (crs_fahrenheit_to_celsius (cases[i].fahrenheit),
                                      cases[i].celsius, 1e-9);

      c = crs_format_temperature (cases[i].celsius, CRS_TEMPERATURE_CELSIUS);
      f = crs_format_temperature (cases[i].celsius, CRS_TEMPERATURE_FAHRENHEIT);
      g_assert_cmpstr (c, ==, cases[i].shown_c);
      g_assert_cmpstr (f, ==, cases[i].shown_f);
      g_assert_cmpfloat_with_epsilon (crs_temperature_to_unit (cases[i].celsius, CRS_TEMPERATURE_FAHRENHEIT),
                                      cases[i].fahrenheit, 1e-9);
      g_assert_cmpfloat_with_epsilon (crs_temperature_from_unit (cases[i].fahrenheit, CRS_TEMPERATURE_FAHRENHEIT),
                                      cases[i].celsius, 1e-9);
      g_assert_cmpfloat (crs_temperature_to_unit (cases[i].celsius, CRS_TEMPERATURE_CELSIUS), ==,
                         cases[i].celsius);
    }
  g_assert_cmpstr (crs_temperature_unit_symbol (CRS_TEMPERATURE_FAHRENHEIT), ==, "°F");
  g_assert_cmpstr (crs_temperature_unit_symbol (CRS_TEMPERATURE_CELSIUS), ==, "°C");
}

/* The reasons follow the unit shown; the grade never depends on it. */
static void
test_reasons_follow_unit (void)
{
  g_autoptr(CrsObservation) obs = crs_observation_new ();
  g_autoptr(CrsGrading) celsius = NULL;
  g_autoptr(CrsGrading) fahrenheit = NULL;
  g_autofree char *summary_c = NULL;
  g_autofree char *summary_f = NULL;
  CrsWardPolicy policy;

  obs->temperature_c = 39.1;
  obs->o2_device = CRS_O2_ROOM_AIR;
  obs->systolic = 120;
  obs->vasopressors = 0;

  crs_ward_policy_init (&policy);
  celsius = crs_grading_new (obs, NULL, &policy);
  summary_c = crs_grading_crs_summary (celsius);
  policy.temperature_unit = CRS_TEMPERATURE_FAHRENHEIT;
  fahrenheit = crs_grading_new (obs, NULL, &policy);
  summary_f = crs_grading_crs_summary (fahrenheit);

  g_test_message ("%s | %s", summary_c, summary_f);
  g_assert_cmpint (celsius->crs_grade, ==, 1);
  g_assert_cmpint (fahrenheit->crs_grade, ==, 1);
  g_assert_nonnull (strstr (summary_c, "39.1 °C"));
  g_assert_nonnull (strstr (summary_f, "102.4 °F"));
  g_assert_null (strstr (summary_f, "°C"));
}

/* crs_format_append() writes what printf writes for %s, %d (numbered
 * or not) and %%; crs_format_int() what %d writes. */
static void
test_append_format (void)
{
  static const int numbers[] = { 0, 7, -7, 10, 99, 100, -100, 123456, G_MAXINT, G_MININT };
  const char *args[] = { "one", "two", "three" };
  g_autoptr(GString) out = g_string_new ("kept ");

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      char buffer[CRS_FORMAT_INT_BYTES];
      g_autofree char *expected = g_strdup_printf ("%d", numbers[i]);

      g_assert_cmpstr (crs_format_int (buffer, numbers[i]), ==, expected);
    }

  crs_format_append (out, "%s grade %s: %s (100%%)", args, 3);
  g_assert_cmpstr (out->str, ==, "kept one grade two: three (100%)");
  g_string_truncate (out, 0);
  /* A translation may reorder the arguments. */
  crs_format_append (out, "%3$s, %1$s; %2$s", args, 3);
  g_assert_cmpstr (out->str, ==, "three, one; two");
  g_string_truncate (out, 0);
  crs_format_append (out, "%d/min (%s)", args, 2);
  g_assert_cmpstr (out->str, ==, "one/min (two)");
  g_string_truncate (out, 0);
  crs_format_append (out, "no directive", args, 0);
  g_assert_cmpstr (out->str, ==, "no directive");
}

/* crs_format_append_join() gives the words of crs_format_join() for
 * lists of every length. */
static void
test_append_join (void)
{
  static const char * const words[] = { "fever", "low blood pressure", "a face mask", "CPAP", "100% \"oxygen\"" };

  for (guint n = 0; n <= G_N_ELEMENTS (words); n++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autoptr(GString) out = g_string_new ("head: ");
      g_autofree char *joined = NULL;
      g_autofree char *expected = NULL;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, (gpointer) words[i]);
      joined = crs_format_join (items);
      expected = g_strconcat ("head: ", joined, NULL);
      crs_format_append_join (out, items);
      g_assert_cmpstr (out->str, ==, expected);
    }
  {
    g_autofree char *none = crs_format_join (NULL);
    g_assert_cmpstr (none, ==, "");
  }
}

/* crs_format_temperature_tenths() writes what crs_format_temperature()
 * writes for tenths / 10.0, in both units, for every tenth from -50.0 to
 * 120.0 degrees Celsius. */
static void
assert_tenths_as_printf (void)
{
  for (int tenths = -500; tenths <= 1200; tenths++)
    for (int unit = CRS_TEMPERATURE_CELSIUS; unit <= CRS_TEMPERATURE_FAHRENHEIT; unit++)
      {
        g_autofree char *printed = crs_format_temperature (tenths / 10.0, (CrsTemperatureUnit) unit);
        g_autofree char *written = crs_format_temperature_tenths (tenths, (CrsTemperatureUnit) unit);

        g_assert_cmpstr (written, ==, printed);
      }
}

static void
test_temperature_tenths (void)
{
  g_autofree char *old = NULL;
  g_autofree char *shown = NULL;

  assert_tenths_as_printf ();
  shown = crs_format_temperature_tenths (-3, CRS_TEMPERATURE_CELSIUS);
  g_assert_cmpstr (shown, ==, "-0.3 °C");

  /* A decimal comma where the locale has one. */
  old = crs_test_use_locale ("de_DE");
  if (old == NULL)
    return;
  g_clear_pointer (&shown, g_free);
  shown = crs_format_temperature_tenths (391, CRS_TEMPERATURE_CELSIUS);
  g_assert_cmpstr (shown, ==, "39,1 °C");
  assert_tenths_as_printf ();
  crs_test_restore_locale (old);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/format/temperature-units", test_temperature_units);
  g_test_add_func ("/format/reasons-follow-unit", test_reasons_follow_unit);
  g_test_add_func ("/format/append-format", test_append_format);
  g_test_add_func ("/format/append-join", test_append_join);
  g_test_add_func ("/format/temperature-tenths", test_temperature_tenths);

  return g_test_run ();
}
