/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-display.c: grades, scores and times as the window writes them. */
#define G_LOG_DOMAIN "crs-display"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-grade-word.h"
#include "core/crs-patient-status.h"
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

char *
crs_display_grading_grade (const CrsGrading *grading,
                           gboolean          icans)
{
  CrsCertainty certainty = icans ? crs_grading_icans_certainty (grading) : crs_grading_crs_certainty (grading);
  int value = icans ? crs_grading_icans_value (grading) : crs_grading_crs_value (grading);

  if (certainty == CRS_CERTAINTY_AT_LEAST)
    /* TRANSLATORS: a lower bound of a grade, e.g. "at least 2 moderate" */
    return g_strdup_printf (C_("grade", "at least %d %s"), value, crs_grade_word (value));
  return crs_display_grade (value);
}

char *
crs_display_scale_chip (const char           *scale,
                        const CrsScaleStatus *status)
{
  g_autofree char *grade = crs_scale_status_text (status);

  /* TRANSLATORS: a chip in the ward list, e.g. "CRS 2 moderate", "CRS at
   * least 2 moderate", "ICANS not determined" */
  return g_strdup_printf (C_("chip", "%s %s"), scale, grade);
}

char *
crs_display_scale_sentence (const char           *scale,
                            const CrsScaleStatus *status)
{
  switch (status->certainty)
    {
    case CRS_CERTAINTY_DETERMINED:
      return crs_display_grade_sentence (scale, status->grade);
    case CRS_CERTAINTY_AT_LEAST:
      /* TRANSLATORS: e.g. "CRS at least grade 2, moderate" */
      return g_strdup_printf (_("%s at least grade %d, %s"), scale, status->grade,
                              crs_grade_word (status->grade));
    case CRS_CERTAINTY_NOT_DETERMINED:
    default:
      return crs_display_grade_sentence (scale, CRS_MISSING);
    }
}

char *
crs_display_news2 (const CrsGrading *grading)
{
  return crs_grading_news2_text (grading);
}

const char *
crs_display_news2_class (const CrsGrading *grading)
{
  CrsNews2Risk risk = !crs_is_missing_int (grading->news2_total) ? grading->news2_risk
                                                                 : grading->news2_risk_at_least;

  if (grading->news2_not_applicable)
    return "crs-grade-none";
  switch (risk)
    {
    case CRS_NEWS2_RISK_HIGH:
      return "crs-grade-3";
    case CRS_NEWS2_RISK_MEDIUM:
      return "crs-grade-2";
    case CRS_NEWS2_RISK_LOW_MEDIUM:
      return "crs-grade-1";
    case CRS_NEWS2_RISK_LOW:
      return "crs-grade-0";
    case CRS_NEWS2_RISK_UNKNOWN:
    default:
      return "crs-grade-none";
    }
}

char *
crs_display_pews (const CrsGrading *grading)
{
  return crs_grading_pews_text (grading);
}

static const char *
pews_level_class (int level)
{
  static const char * const classes[CRS_PEWS_LEVEL_N_VALUES] = {
    [CRS_PEWS_LEVEL_NONE] = "crs-grade-0",
    [CRS_PEWS_LEVEL_LOW] = "crs-grade-1",
    [CRS_PEWS_LEVEL_MEDIUM] = "crs-grade-2",
    [CRS_PEWS_LEVEL_HIGH] = "crs-grade-3",
    [CRS_PEWS_LEVEL_EMERGENCY] = "crs-grade-4",
  };

  if (level < 0 || level >= CRS_PEWS_LEVEL_N_VALUES)
    return "crs-grade-none";
  return classes[level];
}

const char *
crs_display_pews_class (const CrsGrading *grading)
{
  if (!grading->pews_applies ||
      (!grading->pews.complete && grading->pews.level == CRS_PEWS_LEVEL_NONE))
    return "crs-grade-none";
  return pews_level_class (grading->pews.level);
}

const char *
crs_display_early_warning_name (const CrsGrading *grading)
{
  return crs_grading_early_warning_name (grading);
}

char *
crs_display_early_warning (const CrsGrading *grading)
{
  return crs_grading_early_warning_text (grading);
}

const char *
crs_display_early_warning_class (const CrsGrading *grading)
{
  return grading->pews_applies ? crs_display_pews_class (grading) : crs_display_news2_class (grading);
}

char *
crs_display_stored_pews (CrsObservation *observation)
{
  if (crs_is_missing_int (observation->stored_pews_level))
    return g_strdup ("—");
  if (crs_is_missing_int (observation->stored_pews))
    return g_strdup (crs_pews_level_label ((CrsPewsLevel) observation->stored_pews_level));
  return g_strdup_printf (C_("pews", "%d %s"), observation->stored_pews,
                          crs_pews_level_label ((CrsPewsLevel) observation->stored_pews_level));
}

char *
crs_display_acknowledgement (const CrsAcknowledgement *ack,
                             gint64                    now)
{
  return crs_acknowledgement_to_string (ack, now);
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
