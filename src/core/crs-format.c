/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-format.c: numbers, durations and lists as people read them. */
#define G_LOG_DOMAIN "crs-format"

#include "config.h"

#include <inttypes.h>
#include <langinfo.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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
crs_format_temperature_tenths (int                tenths,
                               CrsTemperatureUnit unit)
{
  /* TRANSLATORS: a body temperature, e.g. "39.1 °C" */
  const char *format = _("%.1f °C");
  const char *directive = strstr (format, "%.1f");
  char digits[CRS_FORMAT_INT_BYTES];
  GString *text;

  /* The nearest double to a number of tenths prints back as those
   * tenths with %.1f: its whole part, the locale's decimal mark (as
   * printf writes it, nl_langinfo follows uselocale() too) and the last
   * digit. Any other format, or Fahrenheit, goes through printf. */
  if (unit != CRS_TEMPERATURE_CELSIUS || directive == NULL || strchr (directive + 1, '%') != NULL ||
      memchr (format, '%', directive - format) != NULL)
    return crs_format_temperature (tenths / 10.0, unit);

  text = g_string_sized_new (16);
  g_string_append_len (text, format, directive - format);
  if (tenths < 0)
    g_string_append_c (text, '-');
  g_string_append (text, crs_format_int (digits, ABS (tenths) / 10));
  g_string_append (text, nl_langinfo (RADIXCHAR));
  g_string_append_c (text, (char) ('0' + ABS (tenths) % 10));
  g_string_append (text, directive + 4);
  return g_string_free (text, FALSE);
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

char *
crs_format_int (char buffer[CRS_FORMAT_INT_BYTES],
                int  value)
{
  char digits[CRS_FORMAT_INT_BYTES];
  unsigned int magnitude = value < 0 ? 0u - (unsigned int) value : (unsigned int) value;
  guint n = 0, i = 0;

  do
    {
      digits[n++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    buffer[i++] = '-';
  while (n > 0)
    buffer[i++] = digits[--n];
  buffer[i] = '\0';
  return buffer;
}

static void
scratch_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* crs_format_append() into this thread's scratch string, then one copy
 * of the result: a finding costs one allocation, not a GString's three. */
static char *
format_args (const char         *format,
             const char * const *args,
             guint               n_args)
{
  static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);
  GString *scratch = g_private_get (&scratch_key);

  if (scratch == NULL)
    {
      scratch = g_string_sized_new (256);
      g_private_set (&scratch_key, scratch);
    }
  g_string_truncate (scratch, 0);
  crs_format_append (scratch, format, args, n_args);
  return g_strndup (scratch->str, scratch->len);
}

char *
crs_format_with_int (const char *format,
                     int         value)
{
  char number[CRS_FORMAT_INT_BYTES];

  return format_args (format, (const char *[]) { crs_format_int (number, value) }, 1);
}

char *
crs_format_with_texts (const char *format,
                       const char *first,
                       ...)
{
  const char *args[4] = { first, NULL, NULL, NULL };
  guint n = first != NULL ? 1 : 0;
  va_list ap;

  va_start (ap, first);
  while (n > 0 && n < G_N_ELEMENTS (args) && (args[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  return format_args (format, args, n);
}

char *
crs_format_with_text_int (const char *format,
                          const char *text,
                          int         value)
{
  char number[CRS_FORMAT_INT_BYTES];

  return format_args (format, (const char *[]) { text, crs_format_int (number, value) }, 2);
}

/* g_string_append_len() without its call when the text fits (GLib 2.74
 * has no inline version); @text never points into @out here. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) length);
}

/* crs_format_append() from the @next-th argument on (for the unnumbered
 * directives). */
static void
append_from (GString            *out,
             const char         *format,
             const char * const *args,
             guint               n_args,
             guint               next)
{
  const char *p = format;

  while (*p != '\0')
    {
      const char *percent = strchr (p, '%');
      const char *q;
      guint index;

      if (percent == NULL)
        {
          append_len (out, p, strlen (p));
          return;
        }
      append_len (out, p, (gsize) (percent - p));
      q = percent + 1;
      if (*q == '%')
        {
          g_string_append_c (out, '%');
          p = q + 1;
          continue;
        }
      index = next++;
      if (g_ascii_isdigit (*q))
        {
          const char *digits = q;
          guint number = 0;

          while (g_ascii_isdigit (*q))
            number = number * 10 + (guint) (*q++ - '0');
          if (*q == '$' && number >= 1)
            {
              index = number - 1;
              q++;
            }
          else
            q = digits;
        }
      if ((*q == 's' || *q == 'd') && index < n_args)
        {
          append_len (out, args[index], strlen (args[index]));
          p = q + 1;
        }
      else
        {
          /* Not a directive this takes (the formats given never have
           * one): written as it stands. */
          g_string_append_c (out, '%');
          p = percent + 1;
        }
    }
}

void
crs_format_append (GString            *out,
                   const char         *format,
                   const char * const *args,
                   guint               n_args)
{
  append_from (out, format, args, n_args, 0);
}

/* The part of a list format after its first %s, when the head comes
 * first ("%s, %s", "%1$s und %2$s"); NULL when it does not. */
static const char *
after_head (const char *format)
{
  if (g_str_has_prefix (format, "%s"))
    return format + 2;
  if (g_str_has_prefix (format, "%1$s"))
    return format + 4;
  return NULL;
}

void
crs_format_append_join (GString   *out,
                        GPtrArray *items)
{
  /* TRANSLATORS: joins items of a list except the last, e.g. "fever, low blood pressure" */
  const char *middle = C_("list", "%s, %s");
  /* TRANSLATORS: joins the last item of a list, e.g. "fever, hypotension and a face mask" */
  const char *last = C_("list", "%s and %s");
  const char *middle_rest = after_head (middle);
  const char *last_rest = after_head (last);

  if (items == NULL || items->len == 0)
    return;
  if (middle_rest == NULL || last_rest == NULL)
    {
      /* A language that puts the list's head after the item: the
       * list is worded as crs_format_join() words it. */
      g_autofree char *joined = crs_format_join (items);
      g_string_append (out, joined);
      return;
    }
  append_len (out, g_ptr_array_index (items, 0), strlen (g_ptr_array_index (items, 0)));
  for (guint i = 1; i < items->len; i++)
    {
      const char *args[2] = { NULL, g_ptr_array_index (items, i) };

      append_from (out, i + 1 < items->len ? middle_rest : last_rest, args, 2, 1);
    }
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
crs_format_time_of_set (gint64 at,
                        gint64 set_at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) set = set_at != 0 ? g_date_time_new_from_unix_local (set_at) : NULL;

  if (time == NULL)
    return g_strdup ("");
  if (set == NULL || (g_date_time_get_year (time) == g_date_time_get_year (set) &&
                      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (set)))
    /* TRANSLATORS: a time today, strftime format */
    return g_date_time_format (time, C_("time", "%H:%M"));
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

