/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-format.c: numbers, durations and lists as people read them. */
#define G_LOG_DOMAIN "crs-format"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-format.h"
#include "crs-validate.h"

G_DEFINE_ENUM_TYPE (CrsTemperatureUnit, crs_temperature_unit,
  G_DEFINE_ENUM_VALUE (CRS_TEMPERATURE_CELSIUS, "celsius"),
  G_DEFINE_ENUM_VALUE (CRS_TEMPERATURE_FAHRENHEIT, "fahrenheit"))

const char *
crs_temperature_unit_symbol (CrsTemperatureUnit unit)
{
  return unit == CRS_TEMPERATURE_FAHRENHEIT ? "°F" : "°C";
}

double
crs_temperature_to_unit (double             celsius,
                         CrsTemperatureUnit unit)
{
  return unit == CRS_TEMPERATURE_FAHRENHEIT ? crs_celsius_to_fahrenheit (celsius) : celsius;
}

double
crs_temperature_from_unit (double             value,
                           CrsTemperatureUnit unit)
{
  return unit == CRS_TEMPERATURE_FAHRENHEIT ? crs_fahrenheit_to_celsius (value) : value;
}

char *
crs_format_decimal (double value,
                    int    decimals)
{
  /* printf's %f follows LC_NUMERIC for the decimal mark and never groups
   * thousands. */
  return g_strdup_printf ("%.*f", CLAMP (decimals, 0, 6), value);
}

char *
crs_format_temperature (double             celsius,
                        CrsTemperatureUnit unit)
{
  if (unit == CRS_TEMPERATURE_FAHRENHEIT)
    /* TRANSLATORS: a body temperature in Fahrenheit, e.g. "102.4 °F" */
    return g_strdup_printf (_("%.1f °F"), crs_celsius_to_fahrenheit (celsius));
  /* TRANSLATORS: a body temperature, e.g. "39.1 °C" */
  return g_strdup_printf (_("%.1f °C"), celsius);
}

char *
crs_format_flow (double l_min)
{
  /* %g drops a trailing ".0" but keeps "6.5"; three significant digits
   * cover every flow a meter shows (0.25 to 80 L/min). */
  /* TRANSLATORS: an oxygen flow, e.g. "6.5 L/min" */
  return g_strdup_printf (_("%.3g L/min"), l_min);
}

char *
crs_format_duration (int minutes)
{
  g_autofree char *hours_text = NULL;
  g_autofree char *minutes_text = NULL;
  int hours;

  minutes = MAX (minutes, 0);
  hours = minutes / 60;
  minutes %= 60;

  if (hours > 0)
    hours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);
  if (minutes > 0 || hours == 0)
    minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);

  if (hours_text != NULL && minutes_text != NULL)
    /* TRANSLATORS: hours then minutes, e.g. "3 hours 20 minutes" */
    return g_strdup_printf (C_("duration", "%s %s"), hours_text, minutes_text);
  if (hours_text != NULL)
    return g_steal_pointer (&hours_text);
  return g_steal_pointer (&minutes_text);
}

char *
crs_format_join (GPtrArray *items)
{
  g_autofree char *head = NULL;

  if (items == NULL || items->len == 0)
    return g_strdup ("");
  if (items->len == 1)
    return g_strdup (g_ptr_array_index (items, 0));

  head = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i + 1 < items->len; i++)
    {
      /* TRANSLATORS: joins items of a list except the last, e.g. "fever, low blood pressure" */
      char *longer = g_strdup_printf (C_("list", "%s, %s"), head, (const char *) g_ptr_array_index (items, i));
      g_free (head);
      head = longer;
    }
  /* TRANSLATORS: joins the last item of a list, e.g. "fever, hypotension and a face mask" */
  return g_strdup_printf (C_("list", "%s and %s"), head,
                          (const char *) g_ptr_array_index (items, items->len - 1));
}

static GDate *
local_date (GDateTime *time)
{
  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (time),
                         (GDateMonth) g_date_time_get_month (time),
                         (GDateYear) g_date_time_get_year (time));
}

char *
crs_format_time (gint64 at,
                  gint64 now)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  GDate *day, *this_day;
  int days;

  if (time == NULL || today == NULL)
    return g_strdup ("");

  day = local_date (time);
  this_day = local_date (today);
  days = g_date_days_between (day, this_day);
  g_date_free (day);
  g_date_free (this_day);

  /* The 24-hour clock of ward charts. */
  if (days == 0)
    /* TRANSLATORS: a time today, strftime format */
    return g_date_time_format (time, C_("time", "%H:%M"));
  if (days == 1)
    /* TRANSLATORS: a time yesterday, strftime format */
    return g_date_time_format (time, C_("time", "Yesterday %H:%M"));
  /* TRANSLATORS: a time on another day, strftime format: "3 Mar 14:05" */
  return g_date_time_format (time, C_("time", "%-d %b %H:%M"));
}

char *
crs_format_date_time (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  if (time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a date and time, strftime format: "3 Mar 2024 14:05" */
  return g_date_time_format (time, C_("time", "%-d %b %Y %H:%M"));
}


char *
crs_format_since_infusion (gint64 start,
                            gint64 at)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (start);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_local (at);
  GDate *from_day, *to_day;
  int days;
  gint64 hours;

  if (start == 0 || at < start || from == NULL || to == NULL)
    return g_strdup (_("Before infusion"));

  /* Day 0 is the calendar day of the infusion, as in crs-risk.h. */
  from_day = local_date (from);
  to_day = local_date (to);
  days = g_date_days_between (from_day, to_day);
  g_date_free (from_day);
  g_date_free (to_day);
  hours = (at - start) / 3600;
  /* TRANSLATORS: time since an infusion: day (day 0 = the infusion's
   * day) and whole hours, e.g. "Day 2, 49 h" */
  return g_strdup_printf (_("Day %d, %" PRId64 " h"), days, hours);
}

