/* crs-grade-crs.c: the ASTCT 2019 CRS grade of one observation set.
 *
 * Source: Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638, as
 * reproduced in shared/clinical/grading.md §1 (PMC8021214 Table 1,
 * PMC9327779 Table 2, ASCO 2021 Table 1, NCI PDQ reprint):
 *
 *   Fever >= 38 °C with          grade 1: no hypotension, no hypoxia
 *                                grade 2: hypotension without vasopressors;
 *                                         low-flow nasal cannula or blow-by
 *                                grade 3: a vasopressor with or without
 *                                         vasopressin; high-flow nasal
 *                                         cannula, face mask, non-rebreather,
 *                                         Venturi mask
 *                                grade 4: several vasopressors (excluding
 *                                         vasopressin); positive pressure
 *                                         (CPAP, BiPAP, ventilation)
 *
 * The more severe of hypotension and hypoxia sets the grade. Once an
 * antipyretic, anti-cytokine or corticosteroid has been given after CRS
 * onset, fever is no longer required and hypotension and hypoxia grade on
 * their own (context->fever_masked).
 *
 * Partial sets. The grade rests on what was recorded:
 *  - Without fever the set is not CRS (grade 0). Without a temperature
 *    and without masking nothing can be said: undetermined.
 *  - With masking, hypotension and hypoxia carry the grade: if neither
 *    blood pressure nor oxygen was recorded and there is no recorded
 *    fever, undetermined.
 *  - Otherwise a domain that was not recorded counts as absent (no
 *    hypotension, no oxygen), as the CSV contract's "vasopressors: blank =
 *    0" does; the grade is still given, and crs_missing names what was not
 *    recorded so the summary says the grade rests on a partial set.
 *  - A nasal cannula without a flow counts as low flow (the least it can
 *    be) and "oxygen flow" is listed as not recorded.
 * A grade is never raised by an assumption: each assumption is the
 * mildest reading of a finding that was not recorded. */
#define G_LOG_DOMAIN "crs-grade-crs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-format.h"
#include "crs-grading-private.h"

/* Flows closer than this to the limit count as equal to it, so that a
 * typed "6" is never above a limit of 6.0 through rounding. */
#define FLOW_EPSILON 1e-9

typedef struct
{
  int       grade;      /* 0 = none (the table's "None"), 2-4 */
  gboolean  recorded;   /* anything was recorded for this domain */
  char     *reason;     /* the finding behind the grade */
  gboolean  flow_missing;
} Domain;

static void
domain_clear (Domain *domain)
{
  g_clear_pointer (&domain->reason, g_free);
}

static void
grade_circulation (Domain              *domain,
                   CrsObservation      *observation,
                   const CrsWardPolicy *policy)
{
  /* Contract (grade-csv.md): vasopressors blank = 0, vasopressin blank =
   * not running. */
  int pressors = crs_is_missing_int (observation->vasopressors) ? 0 : observation->vasopressors;
  gboolean vasopressin = observation->vasopressin == CRS_TRI_YES;
  gboolean known = FALSE;
  gboolean hypotensive = crs_observation_hypotensive (observation, policy, &known);

  domain->recorded = known ||
                     !crs_is_missing_int (observation->vasopressors) ||
                     observation->vasopressin != CRS_TRI_UNSET;

  /* Grade 4: "requiring multiple vasopressors (excluding vasopressin)".
   * Grade 3: "requiring a vasopressor with or without vasopressin"; and,
   * reading the table (grading.md "Vasopressin alone"), vasopressin alone
   * is not "not requiring vasopressors", so it is grade 3 too, and it
   * never turns one vasopressor into several. A running pressor means
   * the hypotension needs it, whatever the tick says. */
  if (pressors >= 2)
    {
      domain->grade = 4;
      domain->reason = vasopressin
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d vasopressor with vasopressin",
                                        "%d vasopressors with vasopressin", pressors), pressors)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d vasopressor",
                                        "%d vasopressors", pressors), pressors);
    }
  else if (pressors == 1)
    {
      domain->grade = 3;
      domain->reason = g_strdup (vasopressin ? _("one vasopressor with vasopressin")
                                             : _("one vasopressor"));
    }
  else if (vasopressin)
    {
      domain->grade = 3;
      domain->reason = g_strdup (_("vasopressin alone"));
    }
  else if (hypotensive)
    {
      domain->grade = 2;
      if (observation->hypotension == CRS_TRI_YES || crs_is_missing_int (observation->systolic))
        domain->reason = g_strdup (_("hypotension without vasopressors"));
      else
        domain->reason = g_strdup_printf (_("systolic %d mmHg without vasopressors"),
                                          observation->systolic);
    }
  else
    {
      domain->grade = 0;
      domain->reason = g_strdup (_("no hypotension"));
    }
}

static void
grade_oxygen (Domain              *domain,
              CrsObservation      *observation,
              const CrsWardPolicy *policy)
{
  double flow = observation->o2_flow_l_min;
  gboolean has_flow = !isnan (flow);
  /* A flow above the ward's low-flow limit (ASTCT: > 6 L/min) is high flow. */
  gboolean high_flow = has_flow && flow > policy->low_flow_max_l_min + FLOW_EPSILON;
  g_autofree char *flow_text = has_flow ? crs_format_flow (flow) : NULL;

  domain->recorded = TRUE;
  switch (observation->o2_device)
    {
    case CRS_O2_UNSET:
      /* No device, but a flow or an FiO2 says oxygen is given. */
      if (has_flow && flow > 0)
        {
          domain->grade = high_flow ? 3 : 2;
          domain->reason = g_strdup_printf (_("oxygen at %s (device not recorded)"), flow_text);
        }
      else if (!crs_is_missing_int (observation->fio2_percent) && observation->fio2_percent > 21)
        {
          domain->grade = 2;
          domain->reason = g_strdup_printf (_("oxygen at FiO2 %d%% (device not recorded)"),
                                            observation->fio2_percent);
        }
      else
        {
          domain->recorded = FALSE;
          domain->grade = 0;
        }
      break;

    case CRS_O2_ROOM_AIR:
      domain->grade = 0;
      domain->reason = g_strdup (_("no oxygen needed"));
      break;

    case CRS_O2_BLOW_BY:
      /* Low flow includes blow-by (NCCN transcription, NCI PDQ reprint). */
      domain->grade = 2;
      domain->reason = g_strdup (_("blow-by oxygen"));
      break;

    case CRS_O2_NASAL_CANNULA:
      if (!has_flow)
        {
          domain->grade = 2;
          domain->flow_missing = TRUE;
          domain->reason = g_strdup (_("nasal cannula oxygen (flow not recorded, counted as low flow)"));
        }
      else if (high_flow)
        {
          domain->grade = 3;
          domain->reason = g_strdup_printf (_("nasal cannula at %s, which counts as high flow"), flow_text);
        }
      else
        {
          domain->grade = 2;
          domain->reason = g_strdup_printf (_("low-flow nasal cannula at %s"), flow_text);
        }
      break;

    case CRS_O2_HFNC:
      domain->grade = 3;
      domain->reason = g_strdup (_("high-flow nasal cannula"));
      break;

    case CRS_O2_FACE_MASK:
      domain->grade = 3;
      domain->reason = g_strdup (_("oxygen by face mask"));
      break;

    case CRS_O2_NON_REBREATHER:
      domain->grade = 3;
      domain->reason = g_strdup (_("non-rebreather mask"));
      break;

    case CRS_O2_VENTURI:
      domain->grade = 3;
      domain->reason = g_strdup (_("Venturi mask"));
      break;

    case CRS_O2_CPAP:
      domain->grade = 4;
      domain->reason = g_strdup (_("CPAP"));
      break;

    case CRS_O2_BIPAP:
      domain->grade = 4;
      domain->reason = g_strdup (_("BiPAP"));
      break;

    case CRS_O2_VENTILATOR:
      domain->grade = 4;
      domain->reason = g_strdup (_("mechanical ventilation"));
      break;

    case CRS_O2_N_VALUES:
    default:
      domain->recorded = FALSE;
      domain->grade = 0;
      break;
    }
}

void
crs_grade_crs_fill (CrsGrading              *grading,
                    CrsObservation          *observation,
                    const CrsGradingContext *context,
                    const CrsWardPolicy     *policy)
{
  Domain circulation = { 0 };
  Domain oxygen = { 0 };
  gboolean masked = context->fever_masked;
  gboolean temp_known = !isnan (observation->temperature_c);
  int tenths = temp_known ? crs_temperature_tenths (observation->temperature_c) : 0;
  gboolean fever = temp_known && tenths >= CRS_FEVER_TENTHS;
  g_autofree char *temp_text = temp_known ? crs_format_temperature (tenths / 10.0) : NULL;

  grade_circulation (&circulation, observation, policy);
  grade_oxygen (&oxygen, observation, policy);

  grading->fever = fever;
  grading->hypotension = circulation.grade >= 2;
  grading->crs_grade_min = 0;

  if (!masked && !temp_known)
    {
      grading->crs_grade = CRS_MISSING;
      crs_strv_add (grading->crs_reasons, g_strdup (_("temperature not recorded")));
      crs_strv_add (grading->crs_missing, g_strdup (_("temperature")));
    }
  else if (!masked && !fever)
    {
      /* ASTCT: no fever, no CRS, whatever the pressure and oxygen. */
      grading->crs_grade = 0;
      crs_strv_add (grading->crs_reasons, g_strdup_printf (_("no fever (%s)"), temp_text));
    }
  else if (!fever && !circulation.recorded && !oxygen.recorded)
    {
      grading->crs_grade = CRS_MISSING;
      crs_strv_add (grading->crs_reasons,
                    g_strdup (_("fever is masked by treatment and neither blood pressure nor oxygen was recorded")));
      crs_strv_add (grading->crs_missing, g_strdup (_("blood pressure")));
      crs_strv_add (grading->crs_missing, g_strdup (_("oxygen")));
    }
  else
    {
      int grade = MAX (fever ? 1 : 0, MAX (circulation.grade, oxygen.grade));

      if (fever)
        crs_strv_add (grading->crs_reasons, g_strdup_printf (_("fever %s"), temp_text));
      else if (temp_known)
        crs_strv_add (grading->crs_reasons,
                      g_strdup_printf (_("temperature %s while fever is masked by treatment"), temp_text));
      else
        crs_strv_add (grading->crs_reasons, g_strdup (_("fever masked by treatment")));

      if (grade <= 1)
        {
          /* Grade 1 (or 0 when masked): the absence of both is the finding. */
          if (circulation.recorded)
            crs_strv_add (grading->crs_reasons, g_strdup (circulation.reason));
          if (oxygen.recorded)
            crs_strv_add (grading->crs_reasons, g_strdup (oxygen.reason));
        }
      else
        {
          if (circulation.grade == grade)
            crs_strv_add (grading->crs_reasons, g_strdup (circulation.reason));
          if (oxygen.grade == grade)
            crs_strv_add (grading->crs_reasons, g_strdup (oxygen.reason));
        }

      /* Name what was not recorded, when recording it could change the
       * grade. */
      if (masked && !temp_known && grade == 0)
        crs_strv_add (grading->crs_missing, g_strdup (_("temperature")));
      if (!circulation.recorded && grade < 4)
        crs_strv_add (grading->crs_missing, g_strdup (_("blood pressure")));
      if (!oxygen.recorded && grade < 4)
        crs_strv_add (grading->crs_missing, g_strdup (_("oxygen")));
      if (oxygen.flow_missing && grade < 3)
        crs_strv_add (grading->crs_missing, g_strdup (_("oxygen flow")));

      grading->crs_grade = grade;
      grading->crs_grade_min = grade;
    }

  domain_clear (&circulation);
  domain_clear (&oxygen);
}
