/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-shift.c: the ward's shifts (crs-shift.h). */
#define G_LOG_DOMAIN "crs-shift"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crs-shift.h"

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x > y) - (x < y);
}

/* "7:00" or "07:00" -> minutes after midnight; -1 when it is no time. */
static int
parse_time (const char *text)
{
  const char *p = text;
  int hours = 0;
  int minutes = 0;
  int digits = 0;

  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits == 0 || *p != ':')
    return -1;
  p++;
  digits = 0;
  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    minutes = minutes * 10 + (*p - '0');
  if (digits != 2 || *p != '\0' || hours > 23 || minutes > 59)
    return -1;
  return hours * 60 + minutes;
}

GArray *
crs_shift_parse (const char  *text,
                 GError     **error)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parts = g_strsplit_set (text != NULL ? text : "", ", ;\t", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int minutes;

      if (*parts[i] == '\0')
        continue;
      minutes = parse_time (parts[i]);
      if (minutes < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* TRANSLATORS: a shift start time that cannot be read */
                       _("“%s” is not a time of day: write shift starts as 24-hour times such as 07:00, 19:00."),
                       parts[i]);
          return NULL;
        }
      for (guint j = 0; j < starts->len; j++)
        if (g_array_index (starts, int, j) == minutes)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The shift start %s is given twice."), parts[i]);
            return NULL;
          }
      g_array_append_val (starts, minutes);
    }
  if (starts->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Give at least one shift start time, such as 07:00."));
      return NULL;
    }
  if (starts->len > CRS_SHIFT_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE, "A day has at most %d shift.",
                                "A day has at most %d shifts.", CRS_SHIFT_MAX),
                   CRS_SHIFT_MAX);
      return NULL;
    }
  g_array_sort (starts, compare_int);
  return g_steal_pointer (&starts);
}

char *
crs_shift_format (GArray *starts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (starts != NULL, NULL);

  for (guint i = 0; i < starts->len; i++)
    {
      int minutes = g_array_index (starts, int, i);

      g_string_append_printf (text, "%s%02d:%02d", i > 0 ? ", " : "", minutes / 60, minutes % 60);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The local time at @minutes after midnight of @day's date plus @days. */
static gint64
local_at (GDateTime *day,
          int        days,
          int        minutes)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (day, days);
  g_autoptr(GDateTime) at = NULL;

  at = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                              g_date_time_get_day_of_month (date), minutes / 60, minutes % 60, 0);
  return at != NULL ? g_date_time_to_unix (at) : 0;
}

void
crs_shift_current (GArray *starts,
                   gint64  now,
                   gint64 *from,
                   gint64 *to)
{
  g_autoptr(GDateTime) today = NULL;
  gint64 best_from = G_MININT64;
  gint64 best_to = G_MAXINT64;

  g_return_if_fail (starts != NULL && starts->len > 0);
  g_return_if_fail (from != NULL && to != NULL);

  today = g_date_time_new_from_unix_local (now);
  /* Every start of yesterday, today and tomorrow: the latest at or before
   * now begins the shift, the first after now ends it. */
  for (int days = -1; days <= 1; days++)
    for (guint i = 0; i < starts->len; i++)
      {
        gint64 at = local_at (today, days, g_array_index (starts, int, i));

        if (at <= now && at > best_from)
          best_from = at;
        if (at > now && at < best_to)
          best_to = at;
      }
  *from = best_from;
  *to = best_to;
}
