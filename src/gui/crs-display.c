/* crs-display.c: grades, scores and times as the window writes them. */
#define G_LOG_DOMAIN "crs-display"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-grade-word.h"
#include "crs-display.h"

char *
crs_display_grade (int grade)
{
  if (grade < 0 || grade > 4)
    return g_strdup (crs_grade_word (CRS_MISSING));
  /* TRANSLATORS: a grade and its word, e.g. "2 moderate" */
  return g_strdup_printf (C_("grade", "%d %s"), grade, crs_grade_word (grade));
}

char *
crs_display_grade_sentence (const char *scale,
                            int         grade)
{
  if (grade < 0 || grade > 4)
    /* TRANSLATORS: e.g. "ICANS not determined" */
    return g_strdup_printf (C_("grade", "%s %s"), scale, crs_grade_word (CRS_MISSING));
  /* TRANSLATORS: e.g. "CRS grade 2, moderate" */
  return g_strdup_printf (_("%s grade %d, %s"), scale, grade, crs_grade_word (grade));
}

const char *
crs_display_grade_class (int grade)
{
  static const char * const classes[] = {
    "crs-grade-0", "crs-grade-1", "crs-grade-2", "crs-grade-3", "crs-grade-4"
  };

  if (grade < 0 || grade > 4)
    return "crs-grade-none";
  return classes[grade];
}

/* The band of a NEWS2 total alone (RCP 2017 chart 4): a single parameter
 * scoring 3 ("low-medium") cannot be seen from the total. */
static CrsNews2Risk
risk_of_total (int total)
{
  if (crs_is_missing_int (total))
    return CRS_NEWS2_RISK_UNKNOWN;
  if (total >= 7)
    return CRS_NEWS2_RISK_HIGH;
  if (total >= 5)
    return CRS_NEWS2_RISK_MEDIUM;
  return CRS_NEWS2_RISK_LOW;
}

char *
crs_display_news2 (int          total,
                   CrsNews2Risk risk)
{
  if (crs_is_missing_int (total))
    /* TRANSLATORS: a NEWS2 score that could not be added up */
    return g_strdup (_("incomplete"));
  if (risk == CRS_NEWS2_RISK_UNKNOWN)
    risk = risk_of_total (total);
  /* TRANSLATORS: a NEWS2 total and its band, e.g. "5 medium" */
  return g_strdup_printf (C_("news2", "%d %s"), total, crs_news2_risk_label (risk));
}

const char *
crs_display_news2_class (int          total,
                         CrsNews2Risk risk)
{
  if (crs_is_missing_int (total))
    return "crs-grade-none";
  if (risk == CRS_NEWS2_RISK_UNKNOWN)
    risk = risk_of_total (total);
  switch (risk)
    {
    case CRS_NEWS2_RISK_HIGH:
      return "crs-grade-3";
    case CRS_NEWS2_RISK_MEDIUM:
      return "crs-grade-2";
    case CRS_NEWS2_RISK_LOW_MEDIUM:
      return "crs-grade-1";
    case CRS_NEWS2_RISK_LOW:
    case CRS_NEWS2_RISK_UNKNOWN:
    default:
      return "crs-grade-0";
    }
}

char *
crs_display_news2_not_used (int min_age)
{
  /* TRANSLATORS: NEWS2 is an adult score, not used for a child under the
   * ward's age (16 by default), e.g. "not used (under 16)" */
  return g_strdup_printf (C_("news2", "not used (under %d)"), min_age);
}

gboolean
crs_display_news2_is_not_used (CrsPatient          *patient,
                               gint64               at,
                               int                  stored_news2,
                               const CrsWardPolicy *policy)
{
  if (patient == NULL || !crs_is_missing_int (stored_news2))
    return FALSE;
  return !crs_news2_applies_to_age (crs_patient_age_years (patient, at), policy);
}

char *
crs_display_acknowledgement (const CrsAcknowledgement *ack,
                             gint64                    now)
{
  g_autofree char *when = crs_display_time (ack->at, now);
  const char *who = ack->author != NULL && *ack->author != '\0' ? ack->author : _("unknown");

  if (ack->note == NULL || *ack->note == '\0')
    /* TRANSLATORS: who acknowledged a red flag and when, e.g. "Red flag
     * acknowledged by S. Nakamura at 14:32" */
    return g_strdup_printf (_("Red flag acknowledged by %s at %s"), who, when);
  /* TRANSLATORS: who acknowledged a red flag, when, and their note, e.g.
   * "Red flag acknowledged by S. Nakamura at 14:32: Dr Okafor informed" */
  return g_strdup_printf (_("Red flag acknowledged by %s at %s: %s"), who, when, ack->note);
}

const CrsAcknowledgement *
crs_display_find_acknowledgement (GPtrArray *acknowledgements,
                                  gint64     observation_id)
{
  const CrsAcknowledgement *newest = NULL;

  for (guint i = 0; acknowledgements != NULL && i < acknowledgements->len; i++)
    {
      const CrsAcknowledgement *ack = g_ptr_array_index (acknowledgements, i);

      if (ack->observation_id == observation_id && (newest == NULL || ack->at >= newest->at))
        newest = ack;
    }
  return newest;
}

static GDate *
local_date (GDateTime *time)
{
  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (time),
                         (GDateMonth) g_date_time_get_month (time),
                         (GDateYear) g_date_time_get_year (time));
}

char *
crs_display_time (gint64 at,
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
crs_display_date_time (gint64 at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at);

  if (time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a date and time, strftime format: "3 Mar 2024 14:05" */
  return g_date_time_format (time, C_("time", "%-d %b %Y %H:%M"));
}

char *
crs_display_since_infusion (gint64 start,
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
  return g_strdup_printf (_("Day %d, %" G_GINT64_FORMAT " h"), days, hours);
}

/* UCUM (unitsofmeasure.org): "u" is the prefix micro, "10*n" (or "10^n"
 * as people type it) a power of ten. Only those two are rewritten: "U"
 * (enzyme units) and everything else stay as they are. */
char *
crs_display_unit (const char *unit)
{
  static const char * const superscripts[] = {
    "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  };
  g_autoptr(GString) shown = NULL;
  gboolean segment_start = TRUE;

  if (unit == NULL)
    return g_strdup ("");
  shown = g_string_new (NULL);
  for (const char *p = unit; *p != '\0'; p++)
    {
      if (segment_start && p[0] == '1' && p[1] == '0' && (p[2] == '*' || p[2] == '^') &&
          (g_ascii_isdigit (p[3]) || (p[3] == '-' && g_ascii_isdigit (p[4]))))
        {
          g_string_append (shown, "×10");
          p += 3;
          if (*p == '-')
            {
              g_string_append (shown, "⁻");
              p++;
            }
          for (; g_ascii_isdigit (*p); p++)
            g_string_append (shown, superscripts[*p - '0']);
          p--;
          segment_start = FALSE;
          continue;
        }
      if (segment_start && p[0] == 'u' && (p[1] == 'g' || p[1] == 'L' || p[1] == 'l' || p[1] == 'm'))
        g_string_append (shown, "µ");
      else
        g_string_append_c (shown, *p);
      segment_start = (*p == '/' || *p == ' ' || *p == '.');
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}
