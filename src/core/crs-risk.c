/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-risk.c: a patient's CRS risk factors, in words with their sources,
 * and the monitoring window of an infusion.
 *
 * Sources: the seed article (patient information on CRS: "Factors that
 * can impact the likelihood and severity of CRS include: the condition
 * you are being treated for, how severe your underlying condition is,
 * your general health, dosage of immunotherapy. Children may be at higher
 * risk ... T-cell-engaging cancer immunotherapies carry the highest risk")
 * and shared/clinical/risk_factors.md section A, cited per factor below.
 * "The condition you are being treated for" has no factor: the diagnosis
 * is free text, and the therapy tier already carries what the sources
 * say about the kind of treatment. */
#define G_LOG_DOMAIN "crs-risk"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-risk.h"

/* Citations shown beside each factor; not translated (they name papers
 * and labels). */

/* The seed article. risk_factors.md section A, "Paediatric patients": no
 * retrieved source identified paediatric age as an independent risk
 * factor for severe CRS. The factor is shown because the seed says so,
 * and its caveat says what the evidence lacks. */
#define SOURCE_CHILD \
  "Patient-information article on cytokine release syndrome (CRS Watch seed): " \
  "\"Children may be at higher risk of experiencing CRS compared with adults.\""

/* risk_factors.md A, "High tumour burden": Blood 2017;130(21):2295 and
 * the BREYANZI EU SmPC 4.4; the seed's "how severe your underlying
 * condition is". (MajesTEC-1 found no such link for teclistamab: that
 * counter-evidence is in the caveat.) */
#define SOURCE_DISEASE_BURDEN \
  "Seed article: \"how severe your underlying condition is\"; " \
  "Blood 2017;130(21):2295: high marrow tumour burden was an independent predictor of CRS after CD19 CAR-T (n=133); " \
  "BREYANZI EU SmPC 4.4: high tumour burden was associated with a higher incidence of CRS"

#define SOURCE_GENERAL_HEALTH \
  "Seed article: \"your general health\" is among the factors that affect the likelihood and severity of CRS"

/* therapies.csv (teclistamab monitoring, talquetamab and tarlatamab notes)
 * and risk_factors.md B5 (elranatamab table). */
#define SOURCE_PRIOR_CRS \
  "ELREXFIO dose-modification table (Pfizer manual copy): after grade 2 CRS, monitor daily for 48 hours after the next dose; " \
  "TECVAYLI EU SmPC 4.4: daily monitoring for 48 h after a dose following grade 2 or higher CRS; " \
  "recurrent CRS in 30% (TALVEY label), 24% (IMDELLTRA ISI), more than one CRS event in 33.3% (MajesTEC-1)"

/* risk_factors.md A, "First / step-up doses (bispecifics)". */
#define SOURCE_STEP_UP \
  "TALVEY label W&P 5.1: most CRS followed step-up dose 1 (29%) or step-up dose 2 (44%); " \
  "MajesTEC-1 (Cancer 2023, PMID 36991547): most teclistamab CRS during the step-up schedule; " \
  "seed article: \"dosage of immunotherapy\""

static void
risk_factor_free (CrsRiskFactor *factor)
{
  g_free (factor->text);
  g_free (factor->source);
  g_free (factor->caveat);
  g_free (factor);
}

static void
add_factor (CrsRiskProfile    *profile,
            CrsRiskFactorKind  kind,
            char              *text,
            const char        *source,
            const char        *caveat)
{
  CrsRiskFactor *factor = g_new0 (CrsRiskFactor, 1);

  factor->kind = kind;
  factor->text = text;
  factor->source = g_strdup (source);
  factor->caveat = g_strdup (caveat);
  g_ptr_array_add (profile->factors, factor);
}

const char *
crs_risk_no_reference_text (void)
{
  return _("No reference data for this therapy: ask the pharmacist");
}

CrsRiskProfile *
crs_risk_profile_new (CrsPatient  *patient,
                      CrsInfusion *infusion,
                      CrsTherapy  *therapy,
                      gint64       at)
{
  CrsRiskProfile *profile = g_new0 (CrsRiskProfile, 1);
  int age;

  g_return_val_if_fail (CRS_IS_PATIENT (patient), profile);

  profile->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) risk_factor_free);
  profile->unknown = g_ptr_array_new_with_free_func (g_free);

  if (therapy != NULL && therapy->risk_tier == CRS_RISK_TIER_HIGHEST)
    add_factor (profile, CRS_RISK_FACTOR_THERAPY_TIER,
                /* Translators: %s is a therapy class, e.g. "CAR-T cell therapy" */
                g_strdup_printf (_("T-cell-engaging therapy (%s): the highest risk group for CRS"),
                                 crs_drug_class_label (therapy->drug_class)),
                therapy->risk_tier_source ? therapy->risk_tier_source->citation : NULL,
                NULL);
  else if (therapy == NULL && infusion != NULL)
    g_ptr_array_add (profile->unknown, g_strdup (crs_risk_no_reference_text ()));

  age = crs_patient_age_years (patient, at);
  if (age < 0)
    g_ptr_array_add (profile->unknown,
                     g_strdup (_("Birth date not recorded: whether the patient is a child was not checked")));
  else if (age < CRS_RISK_CHILD_BELOW_AGE)
    add_factor (profile, CRS_RISK_FACTOR_CHILD,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Child (%d year old)", "Child (%d years old)",
                                              (gulong) age), age),
                SOURCE_CHILD,
                _("No study retrieved names young age as an independent risk factor for severe CRS."));

  if (patient->high_disease_burden)
    add_factor (profile, CRS_RISK_FACTOR_DISEASE_BURDEN,
                g_strdup (_("High disease burden or severe underlying condition")),
                SOURCE_DISEASE_BURDEN,
                _("With teclistamab, tumour burden did not predict CRS (MajesTEC-1)."));

  if (patient->comorbidities)
    add_factor (profile, CRS_RISK_FACTOR_GENERAL_HEALTH,
                g_strdup (_("Poor general health or comorbidities")),
                SOURCE_GENERAL_HEALTH, NULL);

  if (patient->prior_crs)
    add_factor (profile, CRS_RISK_FACTOR_PRIOR_CRS,
                g_strdup (_("CRS after an earlier dose or therapy: labels ask for closer monitoring of the next dose")),
                SOURCE_PRIOR_CRS, NULL);

  /* The infusion's step label is set only for the doses of a step-up
   * schedule (crs-model.h: e.g. "step-up dose 1"). */
  if (infusion != NULL && infusion->step_label != NULL)
    {
      g_autofree char *label = g_strstrip (g_strdup (infusion->step_label));
      if (*label != '\0')
        add_factor (profile, CRS_RISK_FACTOR_STEP_UP_DOSE,
                    /* Translators: %s is the dose as entered, e.g. "step-up dose 1" */
                    g_strdup_printf (_("Step-up dosing phase: %s"), label),
                    SOURCE_STEP_UP, NULL);
    }

  return profile;
}

void
crs_risk_profile_free (CrsRiskProfile *profile)
{
  if (profile == NULL)
    return;
  g_clear_pointer (&profile->factors, g_ptr_array_unref);
  g_clear_pointer (&profile->unknown, g_ptr_array_unref);
  g_free (profile);
}

/* ---------------------------------------------------------------------- */

/* Whole local calendar days from the day of @start to the day of @now:
 * day 0 is the day of the infusion, as CAR-T schedules count. */
static int
calendar_days_between (gint64 start,
                       gint64 now)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_local (start);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_local (now);
  GDate da, db;

  if (a == NULL || b == NULL)
    return -1;
  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_dmy (&da, g_date_time_get_day_of_month (a), g_date_time_get_month (a), g_date_time_get_year (a));
  g_date_set_dmy (&db, g_date_time_get_day_of_month (b), g_date_time_get_month (b), g_date_time_get_year (b));
  return g_date_days_between (&da, &db);
}

/* A full onset range in a unit of time: the window is known. An
 * interquartile range is not a window (the rest of onsets fall outside). */
static gboolean
onset_range_known (const CrsSourcedRange *range)
{
  return range->text != NULL && !isnan (range->min) && !isnan (range->max) &&
         range->spread == CRS_SPREAD_RANGE && range->unit != CRS_TIME_UNIT_UNSET &&
         range->unit < CRS_TIME_UNIT_N_VALUES;
}

static char *
headline_for (CrsMonitoringWindow *window,
              CrsTimeUnit          unit,
              gint64               seconds)
{
  if (seconds < 0)
    /* Translators: %s is a therapy name */
    return g_strdup_printf (_("Infusion of %s not started yet"), window->therapy_name);

  switch (unit)
    {
    case CRS_TIME_UNIT_HOURS:
      if (seconds >= 3600)
        {
          gulong hours = (gulong) (seconds / 3600);
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%lu hour after %s", "%lu hours after %s", hours),
                                  hours, window->therapy_name);
        }
      /* In the first hour, minutes say more than "0 hours". */
      G_GNUC_FALLTHROUGH;
    case CRS_TIME_UNIT_MINUTES:
      {
        gulong minutes = (gulong) (seconds / 60);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%lu minute after %s", "%lu minutes after %s", minutes),
                                minutes, window->therapy_name);
      }
    case CRS_TIME_UNIT_DAYS:
    case CRS_TIME_UNIT_UNSET:
    case CRS_TIME_UNIT_N_VALUES:
    default:
      /* Translators: "Day 3 after tisagenlecleucel"; day 0 is the day of the infusion */
      return g_strdup_printf (_("Day %d after %s"), window->day, window->therapy_name);
    }
}

static char *
onset_sentence (CrsTherapy *therapy)
{
  g_autofree char *range = crs_sourced_range_format (&therapy->onset_range);
  g_autofree char *median = crs_sourced_number_format (&therapy->onset_median);

  if (therapy->onset_range.spread == CRS_SPREAD_IQR)
    {
      if (median != NULL)
        /* Translators: the first %s is an interquartile range, "IQR 5 to 8 days" */
        return g_strdup_printf (_("In the source, the middle half of CRS onsets were %s after the dose (median %s); "
                                  "no full range was reported."), range, median);
      return g_strdup_printf (_("In the source, the middle half of CRS onsets were %s after the dose; "
                                "no full range was reported."), range);
    }
  if (median != NULL)
    /* Translators: "In the source, CRS started 1 to 51 days after the dose (median 3 days)." */
    return g_strdup_printf (_("In the source, CRS started %s after the dose (median %s)."), range, median);
  return g_strdup_printf (_("In the source, CRS started %s after the dose."), range);
}

CrsMonitoringWindow *
crs_monitoring_window_new (CrsInfusion *infusion,
                           CrsTherapy  *therapy,
                           gint64       now)
{
  CrsMonitoringWindow *window = g_new0 (CrsMonitoringWindow, 1);
  const CrsSourcedRange *range;
  g_autofree char *onset = NULL;
  const char *where = NULL;
  g_autofree char *past = NULL;
  gint64 seconds;
  double elapsed;

  g_return_val_if_fail (CRS_IS_INFUSION (infusion), window);

  seconds = now - infusion->start_at;
  window->hours = (double) seconds / 3600.0;
  window->day = seconds < 0 ? -1 : calendar_days_between (infusion->start_at, now);
  window->therapy_known = therapy != NULL;

  if (therapy != NULL)
    window->therapy_name = g_strdup (therapy->generic_name);
  else if (infusion->therapy_name != NULL && *infusion->therapy_name != '\0')
    window->therapy_name = g_strdup (infusion->therapy_name);
  else if (infusion->therapy_code != NULL && *infusion->therapy_code != '\0')
    window->therapy_name = g_strdup (infusion->therapy_code);
  else
    window->therapy_name = g_strdup (_("an unknown therapy"));

  if (therapy == NULL)
    {
      window->position = seconds < 0 ? CRS_WINDOW_NOT_STARTED : CRS_WINDOW_UNKNOWN;
      window->headline = headline_for (window, CRS_TIME_UNIT_DAYS, seconds);
      window->detail = g_strdup_printf ("%s.", crs_risk_no_reference_text ());
      return window;
    }

  range = &therapy->onset_range;
  window->known = onset_range_known (range);
  /* Hours for bispecifics, as their labels count; days otherwise. */
  window->headline = headline_for (window,
                                   range->unit != CRS_TIME_UNIT_UNSET ? range->unit : therapy->onset_median.unit,
                                   seconds);

  if (range->text == NULL || isnan (range->min) || isnan (range->max))
    {
      window->position = seconds < 0 ? CRS_WINDOW_NOT_STARTED : CRS_WINDOW_UNKNOWN;
      window->detail = g_strdup (_("The reference has no onset range for this therapy: see its notes, or ask the pharmacist."));
      return window;
    }

  window->source = range->source ? crs_source_ref (range->source) : NULL;
  window->study = g_strdup (range->study);
  onset = onset_sentence (therapy);

  if (!window->known)
    {
      window->position = seconds < 0 ? CRS_WINDOW_NOT_STARTED : CRS_WINDOW_UNKNOWN;
      window->detail = g_steal_pointer (&onset);
      return window;
    }

  switch (range->unit)
    {
    case CRS_TIME_UNIT_MINUTES:
      elapsed = (double) seconds / 60.0;
      break;
    case CRS_TIME_UNIT_HOURS:
      elapsed = window->hours;
      break;
    case CRS_TIME_UNIT_DAYS:
    case CRS_TIME_UNIT_UNSET:
    case CRS_TIME_UNIT_N_VALUES:
    default:
      elapsed = window->day;
      break;
    }

  if (seconds < 0)
    {
      window->position = CRS_WINDOW_NOT_STARTED;
      where = _("The window opens when the infusion starts.");
    }
  else if (elapsed < range->min)
    {
      window->position = CRS_WINDOW_BEFORE_ONSET;
      where = _("Now: in the monitoring window, before the earliest onset reported.");
    }
  else if (elapsed <= range->max)
    {
      window->position = CRS_WINDOW_IN_ONSET_RANGE;
      where = _("Now: inside the range where CRS started in the source.");
    }
  else
    {
      g_autofree char *latest = crs_format_time_quantity (range->max, range->max_decimals, range->unit);
      window->position = CRS_WINDOW_PAST_ONSET;
      /* Translators: %s is the latest onset reported, e.g. "51 days" */
      past = g_strdup_printf (_("Now: past the latest onset reported (%s); CRS can still occur."), latest);
      where = past;
    }

  window->in_window = window->position == CRS_WINDOW_BEFORE_ONSET ||
                      window->position == CRS_WINDOW_IN_ONSET_RANGE;
  window->detail = g_strdup_printf ("%s %s", onset, where);
  return window;
}

/* Local midnight @days calendar days after the day of @at. */
static gint64
midnight_after (gint64 at,
                int    days)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (local == NULL)
    return at + (gint64) days * 86400;
  midnight = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                    g_date_time_get_day_of_month (local), 0, 0, 0);
  later = midnight != NULL ? g_date_time_add_days (midnight, days) : NULL;
  return later != NULL ? g_date_time_to_unix (later) : at + (gint64) days * 86400;
}

gboolean
crs_monitoring_onset_span (CrsInfusion *infusion,
                           CrsTherapy  *therapy,
                           gint64      *from,
                           gint64      *to)
{
  const CrsSourcedRange *range;
  double per_unit;

  g_return_val_if_fail (CRS_IS_INFUSION (infusion), FALSE);
  g_return_val_if_fail (therapy == NULL || CRS_IS_THERAPY (therapy), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  *from = *to = 0;
  if (therapy == NULL || !onset_range_known (&therapy->onset_range))
    return FALSE;
  range = &therapy->onset_range;

  switch (range->unit)
    {
    case CRS_TIME_UNIT_MINUTES:
    case CRS_TIME_UNIT_HOURS:
      /* crs_monitoring_window_new(): inside while min <= elapsed <= max. */
      per_unit = range->unit == CRS_TIME_UNIT_MINUTES ? 60.0 : 3600.0;
      *from = (gint64) ceil (MAX (range->min, 0.0) * per_unit);
      *to = (gint64) floor (range->max * per_unit) + 1;
      break;
    case CRS_TIME_UNIT_DAYS:
    default:
      {
        /* Whole calendar days: inside from the first local midnight of
         * day ceil(min) (or the start itself on day 0) to the end of day
         * floor(max). */
        gint64 start = infusion->start_at;
        int first_day = (int) ceil (MAX (range->min, 0.0));
        int last_day = (int) floor (range->max);

        *from = MAX (midnight_after (start, first_day), start) - start;
        *to = midnight_after (start, last_day + 1) - start;
      }
      break;
    }
  if (*to <= *from)
    {
      *from = *to = 0;
      return FALSE;
    }
  return TRUE;
}

void
crs_monitoring_window_free (CrsMonitoringWindow *window)
{
  if (window == NULL)
    return;
  g_free (window->therapy_name);
  g_free (window->headline);
  g_free (window->detail);
  g_clear_pointer (&window->source, crs_source_unref);
  g_free (window->study);
  g_free (window);
}
