/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-news2.c: the National Early Warning Score 2 of one set.
 *
 * Source: Royal College of Physicians, NEWS2, 2017: chart 1 (scores per
 * parameter) and chart 4 (risk bands and minimum monitoring frequency),
 * as written out in shared/clinical/grading.md §5a and §5b.
 *
 * NEWS2 is only valid with all seven parameters: a partial set has no
 * total and no risk band, and news2_missing names what is missing.
 * NEWS2 is computed apart from ASTCT: a temperature of 38.0 °C is CRS
 * fever but scores 0 here (grading.md, coding note).
 *
 * NEWS2 is an adult score: it is not used for a patient younger than the
 * ward's news2_min_age (default 16; NICE MIB205, see crs-ward-policy.c).
 * Such a set has no total, no risk band, no frequency and no NEWS2 red
 * flag, and says why; its parameters are scored for reference only. An
 * unknown age is taken as an adult's, as for ICE/CAPD. */
#define G_LOG_DOMAIN "crs-grade-news2"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-format.h"
#include "crs-core-enums.h"
#include "crs-enum-strings.h"
#include "crs-grading-private.h"

/* Chart 4: minimum monitoring frequency, in minutes. "4-6-hourly" uses
 * its stricter end. */
#define NEWS2_INTERVAL_TOTAL_0      720   /* minimum 12-hourly */
#define NEWS2_INTERVAL_LOW          240   /* total 1-4: minimum 4-6-hourly */
#define NEWS2_INTERVAL_LOW_MEDIUM    60   /* a single 3: minimum 1-hourly */
#define NEWS2_INTERVAL_MEDIUM        60   /* total 5-6: minimum 1-hourly */
#define NEWS2_INTERVAL_CONTINUOUS     0   /* total 7+: continuous monitoring */

/* Chart 4 thresholds. */
#define NEWS2_MEDIUM_MIN 5
#define NEWS2_HIGH_MIN   7
#define NEWS2_RED_SCORE  3

/* Parameter names inside a sentence ("Missing: respiration rate and SpO2"). */
static const char * const param_names[CRS_NEWS2_N_PARAMS] = {
  [CRS_NEWS2_RR] = N_("respiration rate"),
  [CRS_NEWS2_SPO2] = N_("SpO2"),
  [CRS_NEWS2_AIR_OR_OXYGEN] = N_("air or oxygen"),
  [CRS_NEWS2_SYSTOLIC] = N_("systolic blood pressure"),
  [CRS_NEWS2_PULSE] = N_("pulse"),
  [CRS_NEWS2_CONSCIOUSNESS] = N_("consciousness"),
  [CRS_NEWS2_TEMPERATURE] = N_("temperature"),
};

const char *
crs_news2_risk_to_id (CrsNews2Risk risk)
{
  return crs_enum_nick (CRS_TYPE_NEWS2_RISK, (int) risk);
}

const char *
crs_news2_risk_label (CrsNews2Risk risk)
{
  switch (risk)
    {
    case CRS_NEWS2_RISK_LOW:
      return _("low");
    case CRS_NEWS2_RISK_LOW_MEDIUM:
      return _("low–medium");
    case CRS_NEWS2_RISK_MEDIUM:
      return _("medium");
    case CRS_NEWS2_RISK_HIGH:
      return _("high");
    case CRS_NEWS2_RISK_UNKNOWN:
    default:
      return _("not scored");
    }
}

/* Chart 1, respiration rate: <= 8 -> 3; 9-11 -> 1; 12-20 -> 0;
 * 21-24 -> 2; >= 25 -> 3. */
static int
score_rr (int rr)
{
  if (rr <= 8)
    return 3;
  if (rr <= 11)
    return 1;
  if (rr <= 20)
    return 0;
  if (rr <= 24)
    return 2;
  return 3;
}

/* Chart 1, SpO2 scale 1: <= 91 -> 3; 92-93 -> 2; 94-95 -> 1; >= 96 -> 0. */
static int
score_spo2_scale1 (int spo2)
{
  if (spo2 <= 91)
    return 3;
  if (spo2 <= 93)
    return 2;
  if (spo2 <= 95)
    return 1;
  return 0;
}

/* Chart 1, SpO2 scale 2 (target 88-92 %, only when a clinician sets it):
 * <= 83 -> 3; 84-85 -> 2; 86-87 -> 1; 88-92, or >= 93 on air -> 0;
 * 93-94 on oxygen -> 1; 95-96 on oxygen -> 2; >= 97 on oxygen -> 3.
 * Returns CRS_MISSING when the score hangs on air/oxygen and that is
 * unknown. */
static int
score_spo2_scale2 (int      spo2,
                   gboolean oxygen,
                   gboolean oxygen_known)
{
  if (spo2 <= 83)
    return 3;
  if (spo2 <= 85)
    return 2;
  if (spo2 <= 87)
    return 1;
  if (spo2 <= 92)
    return 0;
  if (!oxygen_known)
    return CRS_MISSING;
  if (!oxygen)
    return 0;
  if (spo2 <= 94)
    return 1;
  if (spo2 <= 96)
    return 2;
  return 3;
}

/* Chart 1, systolic: <= 90 -> 3; 91-100 -> 2; 101-110 -> 1; 111-219 -> 0;
 * >= 220 -> 3. */
static int
score_systolic (int sbp)
{
  if (sbp <= 90)
    return 3;
  if (sbp <= 100)
    return 2;
  if (sbp <= 110)
    return 1;
  if (sbp <= 219)
    return 0;
  return 3;
}

/* Chart 1, pulse: <= 40 -> 3; 41-50 -> 1; 51-90 -> 0; 91-110 -> 1;
 * 111-130 -> 2; >= 131 -> 3. */
static int
score_pulse (int hr)
{
  if (hr <= 40)
    return 3;
  if (hr <= 50)
    return 1;
  if (hr <= 90)
    return 0;
  if (hr <= 110)
    return 1;
  if (hr <= 130)
    return 2;
  return 3;
}

/* Chart 1, temperature: <= 35.0 -> 3; 35.1-36.0 -> 1; 36.1-38.0 -> 0;
 * 38.1-39.0 -> 1; >= 39.1 -> 2. In tenths of a degree. */
static int
score_temperature (int tenths)
{
  if (tenths <= 350)
    return 3;
  if (tenths <= 360)
    return 1;
  if (tenths <= 380)
    return 0;
  if (tenths <= 390)
    return 1;
  return 2;
}

int
crs_news2_score_param (CrsObservation *observation,
                       CrsNews2Param   param,
                       int             spo2_scale)
{
  gboolean oxygen_known = FALSE;
  gboolean oxygen;

  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), CRS_MISSING);

  switch (param)
    {
    case CRS_NEWS2_RR:
      return crs_is_missing_int (observation->resp_rate) ? CRS_MISSING : score_rr (observation->resp_rate);

    case CRS_NEWS2_SPO2:
      if (crs_is_missing_int (observation->spo2))
        return CRS_MISSING;
      if (spo2_scale == 2)
        {
          oxygen = crs_observation_on_oxygen (observation, &oxygen_known);
          return score_spo2_scale2 (observation->spo2, oxygen, oxygen_known);
        }
      return score_spo2_scale1 (observation->spo2);

    case CRS_NEWS2_AIR_OR_OXYGEN:
      /* Chart 1: oxygen -> 2, air -> 0, on both scales. */
      oxygen = crs_observation_on_oxygen (observation, &oxygen_known);
      if (!oxygen_known)
        return CRS_MISSING;
      return oxygen ? 2 : 0;

    case CRS_NEWS2_SYSTOLIC:
      return crs_is_missing_int (observation->systolic) ? CRS_MISSING : score_systolic (observation->systolic);

    case CRS_NEWS2_PULSE:
      return crs_is_missing_int (observation->heart_rate) ? CRS_MISSING : score_pulse (observation->heart_rate);

    case CRS_NEWS2_CONSCIOUSNESS:
      /* Chart 1: Alert -> 0; new Confusion, Voice, Pain, Unresponsive -> 3. */
      if (observation->acvpu == CRS_ACVPU_UNSET || observation->acvpu >= CRS_ACVPU_N_VALUES)
        return CRS_MISSING;
      return observation->acvpu == CRS_ACVPU_ALERT ? 0 : 3;

    case CRS_NEWS2_TEMPERATURE:
      if (isnan (observation->temperature_c))
        return CRS_MISSING;
      return score_temperature (crs_temperature_tenths (observation->temperature_c));

    case CRS_NEWS2_N_PARAMS:
    default:
      g_return_val_if_reached (CRS_MISSING);
    }
}

/* "pulse 115/min (2)": what a parameter was and what it scored. */
static char *
describe_param (CrsObservation      *observation,
                const CrsWardPolicy *policy,
                CrsNews2Param        param,
                int                  score)
{
  g_autofree char *value = NULL;

  switch (param)
    {
    case CRS_NEWS2_RR:
      value = crs_format_with_int (_("respiration rate %d/min"), observation->resp_rate);
      break;
    case CRS_NEWS2_SPO2:
      value = crs_format_with_int (_("SpO2 %d%%"), observation->spo2);
      break;
    case CRS_NEWS2_AIR_OR_OXYGEN:
      value = g_strdup (_("on oxygen"));
      break;
    case CRS_NEWS2_SYSTOLIC:
      value = crs_format_with_int (_("systolic %d mmHg"), observation->systolic);
      break;
    case CRS_NEWS2_PULSE:
      value = crs_format_with_int (_("pulse %d/min"), observation->heart_rate);
      break;
    case CRS_NEWS2_CONSCIOUSNESS:
      value = g_utf8_strdown (crs_acvpu_label (observation->acvpu), -1);
      break;
    case CRS_NEWS2_TEMPERATURE:
      {
        g_autofree char *t = crs_format_temperature_tenths (crs_temperature_tenths (observation->temperature_c),
                                                            policy->temperature_unit);
        value = crs_format_with_texts (_("temperature %s"), t, NULL);
      }
      break;
    case CRS_NEWS2_N_PARAMS:
    default:
      g_return_val_if_reached (NULL);
    }

  /* TRANSLATORS: a NEWS2 parameter and its score, e.g. "pulse 115/min (2)" */
  return crs_format_with_text_int (_("%s (%d)"), value, score);
}

gboolean
crs_news2_applies_to_age (int                  age_years,
                          const CrsWardPolicy *policy)
{
  CrsWardPolicy default_policy;

  if (policy == NULL)
    {
      crs_ward_policy_init (&default_policy);
      policy = &default_policy;
    }
  return age_years < 0 || age_years >= policy->news2_min_age;
}

/* The band a sum and a red score give (chart 4). */
static CrsNews2Risk
band_of (int      sum,
         gboolean red_score)
{
  if (sum >= NEWS2_HIGH_MIN)
    return CRS_NEWS2_RISK_HIGH;
  if (sum >= NEWS2_MEDIUM_MIN)
    return CRS_NEWS2_RISK_MEDIUM;
  if (red_score)
    return CRS_NEWS2_RISK_LOW_MEDIUM;
  return CRS_NEWS2_RISK_LOW;
}

static int
interval_of (CrsNews2Risk risk,
             int          sum)
{
  switch (risk)
    {
    case CRS_NEWS2_RISK_HIGH:
      return NEWS2_INTERVAL_CONTINUOUS;
    case CRS_NEWS2_RISK_MEDIUM:
      return NEWS2_INTERVAL_MEDIUM;
    case CRS_NEWS2_RISK_LOW_MEDIUM:
      return NEWS2_INTERVAL_LOW_MEDIUM;
    case CRS_NEWS2_RISK_LOW:
    case CRS_NEWS2_RISK_UNKNOWN:
    default:
      return sum == 0 ? NEWS2_INTERVAL_TOTAL_0 : NEWS2_INTERVAL_LOW;
    }
}

void
crs_grade_news2_compute (CrsGrading              *grading,
                         CrsObservation          *observation,
                         const CrsGradingContext *context,
                         const CrsWardPolicy     *policy)
{
  int spo2_scale = context->spo2_scale == 2 ? 2 : 1;
  gboolean complete = TRUE;
  gboolean red_score = FALSE;
  int sum = 0;

  grading->news2_min_age = policy->news2_min_age;
  grading->news2_total = CRS_MISSING;
  grading->news2_risk = CRS_NEWS2_RISK_UNKNOWN;
  grading->news2_risk_at_least = CRS_NEWS2_RISK_UNKNOWN;
  grading->news2_interval_minutes = CRS_MISSING;

  for (guint p = 0; p < CRS_NEWS2_N_PARAMS; p++)
    {
      int score = crs_news2_score_param (observation, (CrsNews2Param) p, spo2_scale);

      grading->news2_scores[p] = score;
      if (crs_is_missing_int (score))
        {
          complete = FALSE;
          continue;
        }
      sum += score;
      if (score >= NEWS2_RED_SCORE)
        red_score = TRUE;
    }

  if (!crs_news2_applies_to_age (context->age_years, policy))
    {
      /* Not summed, nothing missing: the set is not incomplete, NEWS2
       * simply does not apply. */
      grading->news2_not_applicable = TRUE;
      grading->news2_partial_sum = 0;
      return;
    }

  grading->news2_partial_sum = sum;
  if (!complete)
    {
      /* Missing parameters can only add points: the recorded ones
       * already reach this band (grading.md §6). */
      CrsNews2Risk band = band_of (sum, red_score);
      grading->news2_risk_at_least = band == CRS_NEWS2_RISK_LOW ? CRS_NEWS2_RISK_UNKNOWN : band;
      return;
    }

  grading->news2_total = sum;
  grading->news2_risk = band_of (sum, red_score);
  grading->news2_risk_at_least = grading->news2_risk;
  grading->news2_interval_minutes = interval_of (grading->news2_risk, sum);
}

void
crs_grade_news2_describe (CrsGrading          *grading,
                          CrsObservation      *observation,
                          const CrsWardPolicy *policy)
{
  if (grading->news2_not_applicable)
    return;
  for (guint p = 0; p < CRS_NEWS2_N_PARAMS; p++)
    {
      int score = grading->news2_scores[p];

      if (crs_is_missing_int (score))
        {
          /* SpO2 on scale 2 above 92 % cannot be scored without knowing
           * air or oxygen: then "air or oxygen" is what is missing. */
          if (p != CRS_NEWS2_SPO2 || crs_is_missing_int (observation->spo2))
            crs_strv_add (grading->news2_missing, g_strdup (_(param_names[p])));
          continue;
        }
      if (score > 0)
        crs_strv_add (grading->news2_reasons, describe_param (observation, policy, (CrsNews2Param) p, score));
    }
}

/* For crs-due.c: the minimum frequency a partial set already implies.
 * The missing parameters can only add to the score, so a red score or a
 * partial sum of 5 or 7 sets the band; otherwise a set with unrecorded
 * parameters is never taken as "total 0, 12-hourly" but as the 4-hourly
 * band. A child's set has none: the ward's interval applies. */
int
crs_news2_interval_at_least (const CrsGrading *grading)
{
  if (grading->news2_not_applicable)
    return CRS_MISSING;
  if (!crs_is_missing_int (grading->news2_interval_minutes))
    return grading->news2_interval_minutes;
  /* A partial set is never "total 0, 12-hourly": at least the 4-hourly
   * band. */
  if (grading->news2_risk_at_least == CRS_NEWS2_RISK_UNKNOWN)
    return NEWS2_INTERVAL_LOW;
  return interval_of (grading->news2_risk_at_least, grading->news2_partial_sum);
}
