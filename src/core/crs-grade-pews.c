/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-pews.c: the children's early warning score of one set (NHS
 * England national PEWS charts, 2023): each of the seven parameters on
 * the child's chart, what is missing, the non-score triggers, the level
 * and its escalation.
 *
 * The charts' numbers and words are in crs-pews-chart.c, each with its
 * source; this file cites the rules it applies to them (pews.md and the
 * decisions G1-G11 of grading.md §7; S1 the charts, S2 NHS England's
 * configuration document, S3 the SPOT/NPEWS specification, S4 its UI
 * specification, S5 the wireframes). Its own decisions, where the
 * sources leave room, are marked "(decision)". */
#define G_LOG_DOMAIN "crs-grade-pews"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "crs-format.h"
#include "crs-grade-pews.h"
#include "crs-grading.h"
#include "crs-pews-chart.h"

gboolean
crs_pews_applies_to_age (int                  age_years,
                         const CrsWardPolicy *policy)
{
  return age_years >= 0 && !crs_news2_applies_to_age (age_years, policy);
}

void
crs_pews_context_init (CrsPewsContext *context)
{
  g_return_if_fail (context != NULL);
  *context = (CrsPewsContext) { .previous_acvpu = CRS_ACVPU_UNSET };
}

/* ---- Numbers ---------------------------------------------------------- */

/* An age-banded vital sign: needs the chart. */
static void
score_banded (CrsPewsScore *score,
              CrsPewsParam  param,
              int           value)
{
  if (crs_is_missing_int (value))
    score->not_recorded |= CRS_PEWS_PARAM_BIT (param);
  else if (score->band == CRS_PEWS_BAND_UNSET)
    score->needs_age |= CRS_PEWS_PARAM_BIT (param);
  else
    score->scores[param] = crs_pews_chart_banded_score (score->band, param, value);
}

/* Systolic pressure, or a skip code when it was not obtained. Both
 * recorded: the higher (decision: the safer reading of a contradiction). */
static void
score_systolic (CrsPewsScore   *score,
                CrsObservation *observation)
{
  int skip = crs_pews_chart_bp_skip_score (observation->bp_skip);

  if (!crs_is_missing_int (observation->systolic))
    score_banded (score, CRS_PEWS_SYSTOLIC, observation->systolic);
  else if (crs_is_missing_int (skip))
    score->not_recorded |= CRS_PEWS_PARAM_BIT (CRS_PEWS_SYSTOLIC);

  if (!crs_is_missing_int (skip) &&
      (crs_is_missing_int (score->scores[CRS_PEWS_SYSTOLIC]) || skip > score->scores[CRS_PEWS_SYSTOLIC]))
    score->scores[CRS_PEWS_SYSTOLIC] = skip;
}

/* The oxygen given as the charts read it: the percentage (o2_percent, or
 * else an FiO2 above 21 %, the same measure; decision) and the flow, each
 * NAN when not given. Room air is 21 % oxygen: a percentage of 21 or less
 * written beside "room air" is air (decision). */
static void
oxygen_given (CrsObservation *observation,
              double         *percent_out,
              double         *flow_out)
{
  double percent = observation->o2_percent;
  double flow = observation->o2_flow_l_min;

  if (isnan (percent) && !crs_is_missing_int (observation->fio2_percent) &&
      observation->fio2_percent > CRS_PEWS_CHART_AIR_PERCENT)
    percent = observation->fio2_percent;
  if (!(percent > 0))
    percent = NAN;
  if (!(flow > 0))
    flow = NAN;
  if (observation->o2_device == CRS_O2_ROOM_AIR && percent <= CRS_PEWS_CHART_AIR_PERCENT)
    percent = NAN;
  *percent_out = percent;
  *flow_out = flow;
}

/* TRUE when the percentage, not the flow, scores the oxygen level: it
 * was the one given, or both were and it scores at least as high. */
static gboolean
percent_scores (double percent,
                double flow)
{
  return !isnan (percent) &&
         (isnan (flow) || crs_pews_chart_o2_percent_score (percent) >= crs_pews_chart_o2_flow_score (flow));
}

/* Oxygen (pews.md §2.3; S3 C17.11: "score the higher of the two measures
 * for Oxygen Delivery, namely Oxygen Delivery rate and Respiratory
 * Support Device"). HF, BiPAP and CPAP (and a ventilator) score 4
 * whatever the level (crs_pews_chart_support_device()); nasal prongs,
 * face mask, head box and non-rebreather "Score as per oxygen" (S1), and
 * so do blow-by and a Venturi mask, which the charts do not name
 * (decision). Both % and L/min recorded (S3 C9.1 asks for one): the
 * higher (C17.11). */
static void
score_oxygen (CrsPewsScore   *score,
              CrsObservation *observation)
{
  CrsO2Device device = observation->o2_device;
  double percent, flow;

  oxygen_given (observation, &percent, &flow);

  if (crs_pews_chart_support_device (device))
    score->scores[CRS_PEWS_OXYGEN] = CRS_PEWS_CHART_SUPPORT_SCORE;
  else if (percent_scores (percent, flow))
    score->scores[CRS_PEWS_OXYGEN] = crs_pews_chart_o2_percent_score (percent);
  else if (!isnan (flow))
    score->scores[CRS_PEWS_OXYGEN] = crs_pews_chart_o2_flow_score (flow);
  else if (device == CRS_O2_ROOM_AIR)
    /* "Air / No Support - White - Scores 0" (S2). */
    score->scores[CRS_PEWS_OXYGEN] = 0;
  else if (device == CRS_O2_UNSET)
    score->not_recorded |= CRS_PEWS_PARAM_BIT (CRS_PEWS_OXYGEN);
  else
    {
      /* Oxygen by a device that scores by its level, and no level: at
       * least 1 (G4: any supplemental oxygen), and the level is missing. */
      score->scores[CRS_PEWS_OXYGEN] = 1;
      score->o2_level_missing = TRUE;
    }
}

static void
score_params (CrsPewsScore   *score,
              CrsObservation *observation)
{
  score_banded (score, CRS_PEWS_RR, observation->resp_rate);

  /* The worst sign ticked counts (S5 W17.1). */
  if (observation->resp_distress > CRS_RESP_DISTRESS_UNSET &&
      observation->resp_distress < CRS_RESP_DISTRESS_N_VALUES)
    score->scores[CRS_PEWS_RESP_DISTRESS] = crs_pews_chart_resp_distress_score (observation->resp_distress);
  else
    score->not_recorded |= CRS_PEWS_PARAM_BIT (CRS_PEWS_RESP_DISTRESS);

  if (!crs_is_missing_int (observation->spo2))
    score->scores[CRS_PEWS_SPO2] = crs_pews_chart_spo2_score (observation->spo2);
  else
    score->not_recorded |= CRS_PEWS_PARAM_BIT (CRS_PEWS_SPO2);

  score_oxygen (score, observation);
  score_banded (score, CRS_PEWS_HEART_RATE, observation->heart_rate);
  score_systolic (score, observation);

  if (observation->crt_s >= 0)
    score->scores[CRS_PEWS_CRT] = crs_pews_chart_crt_score (observation->crt_s);
  else
    score->not_recorded |= CRS_PEWS_PARAM_BIT (CRS_PEWS_CRT);
}

/* The trigger criteria of the escalation table (pews.md §4.2). */
static void
find_triggers (CrsPewsScore   *score,
               CrsObservation *observation)
{
  CrsAcvpu acvpu = observation->acvpu;

  /* Specific concern, AVPU: HIGH "Change to AVPU - V 'Responsive only to
   * Voice'"; EMERGENCY "Change to AVPU - P or U 'Responsive only to Pain'
   * or 'Unresponsive'" (S1); S5 W21.2: "Selecting V will escalate to High,
   * selecting P or U will escalate to Emergency. Selecting A or asleep
   * will not escalate." The level holds on every set that records it
   * (decision, as grading.md §6 for consciousness; S1: "Repeated
   * escalation if remaining in one level not required"); the previous
   * set only words it. New confusion (C) is not on the charts' AVPU. */
  if (acvpu == CRS_ACVPU_VOICE)
    score->trigger_levels[CRS_PEWS_TRIGGER_AVPU] = CRS_PEWS_LEVEL_HIGH;
  else if (acvpu == CRS_ACVPU_PAIN || acvpu == CRS_ACVPU_UNRESPONSIVE)
    score->trigger_levels[CRS_PEWS_TRIGGER_AVPU] = CRS_PEWS_LEVEL_EMERGENCY;

  /* Specific concern, sepsis: MEDIUM "New suspicion of sepsis"; HIGH
   * "New suspicion of septic shock" (S1); S5 W21.1: "Selecting sepsis will
   * escalate to medium, selecting septic shock will escalate to high".
   * The field records a new suspicion, as the chart's row does. */
  if (observation->sepsis == CRS_SEPSIS_SUSPECTED)
    score->trigger_levels[CRS_PEWS_TRIGGER_SEPSIS] = CRS_PEWS_LEVEL_MEDIUM;
  else if (observation->sepsis == CRS_SEPSIS_SHOCK)
    score->trigger_levels[CRS_PEWS_TRIGGER_SEPSIS] = CRS_PEWS_LEVEL_HIGH;

  /* Carer question and clinical intuition: S2 "If 'Worse' is selected,
   * they then have the option to escalate to any level"; "If 'Yes' is
   * selected, they then have the option to escalate to any level". The
   * set records only worse / yes, so the level is the lowest the chart
   * gives them, LOW ("Carer uses words that suggests the child needs
   * increased monitoring or intervention despite the low PEWS"; "Nurse/
   * clinician concern that patient needs increased monitoring despite
   * low PEWS"), and the words say the nurse may go higher (decision). */
  if (observation->carer == CRS_CARER_WORSE)
    score->trigger_levels[CRS_PEWS_TRIGGER_CARER] = CRS_PEWS_LEVEL_LOW;
  if (observation->intuition == CRS_TRI_YES)
    score->trigger_levels[CRS_PEWS_TRIGGER_INTUITION] = CRS_PEWS_LEVEL_LOW;
}

static void
choose_band (CrsPewsScore   *score,
             CrsObservation *observation,
             int             age_months)
{
  CrsPewsBand chosen = observation->pews_band;

  score->age_band = crs_pews_band_for_age (age_months);
  score->band = score->age_band;
  if (chosen == CRS_PEWS_BAND_UNSET || chosen == score->age_band)
    return;
  if (crs_pews_band_allowed (age_months, chosen))
    {
      score->band = chosen;
      score->band_chosen = TRUE;
    }
  else if (chosen < CRS_PEWS_BAND_N_VALUES)
    score->band_refused = TRUE;
}

void
crs_pews_compute (CrsPewsScore   *score,
                  CrsObservation *observation,
                  int             age_months)
{
  int sum = 0;

  g_return_if_fail (score != NULL);
  g_return_if_fail (CRS_IS_OBSERVATION (observation));

  *score = (CrsPewsScore) { 0 };
  for (guint p = 0; p < CRS_PEWS_N_PARAMS; p++)
    score->scores[p] = CRS_MISSING;

  choose_band (score, observation, age_months);
  score_params (score, observation);

  /* G6: the total is the sum of the seven scored parameters. */
  for (guint p = 0; p < CRS_PEWS_N_PARAMS; p++)
    if (!crs_is_missing_int (score->scores[p]))
      sum += score->scores[p];
  score->complete = score->not_recorded == 0 && score->needs_age == 0 && !score->o2_level_missing;
  score->total_at_least = sum;
  score->total = score->complete ? sum : CRS_MISSING;
  score->score_level = crs_pews_chart_level_for_total (sum);

  /* S1: "Respond as per the highest level based on CHANGE in ANY ONE of
   * these criteria"; S4 U17.4: "default to the highest level triggered". */
  find_triggers (score, observation);
  score->level = score->score_level;
  for (guint t = 0; t < CRS_PEWS_N_TRIGGERS; t++)
    score->level = MAX (score->level, score->trigger_levels[t]);
  score->level_at_least = !score->complete && score->level < CRS_PEWS_LEVEL_EMERGENCY;

  score->interval_minutes = crs_pews_level_interval_minutes (score->level);
  /* A set with parameters missing is never read as "PEWS 0, the ward's
   * interval": as NEWS2 in this project (crs_news2_interval_at_least),
   * it is reassessed at least as often as the lowest level asks. */
  if (!score->complete &&
      (crs_is_missing_int (score->interval_minutes) ||
       score->interval_minutes > crs_pews_level_interval_minutes (CRS_PEWS_LEVEL_LOW)))
    score->interval_minutes = crs_pews_level_interval_minutes (CRS_PEWS_LEVEL_LOW);
  score->continuous_monitoring = score->level >= CRS_PEWS_LEVEL_MEDIUM;

  /* High and emergency call for a rapid review or a 2222 call: the
   * project's red flag, raised by a partial set too once what was
   * recorded reaches 9 (grade-csv.md). */
  score->red_flag = score->level >= CRS_PEWS_LEVEL_HIGH;
}

/* ---- Words ------------------------------------------------------------ */

static void
add_reason (CrsPews    *pews,
            char       *what,
            int         score,
            gboolean    exact)
{
  g_autofree char *owned = what;

  if (crs_is_missing_int (score) || score <= 0)
    return;
  if (exact)
    /* TRANSLATORS: a PEWS parameter and its score, e.g. "heart rate 170/min (4)" */
    g_ptr_array_add (pews->reasons, crs_format_with_text_int (_("%s (%d)"), owned, score));
  else
    /* TRANSLATORS: a PEWS parameter only partly recorded, e.g. "nasal cannula, no oxygen percentage or flow recorded (at least 1)" */
    g_ptr_array_add (pews->reasons, crs_format_with_text_int (_("%s (at least %d)"), owned, score));
}

static void
add_missing (CrsPews    *pews,
             const char *name)
{
  for (guint i = 0; i < pews->missing->len; i++)
    if (g_strcmp0 (g_ptr_array_index (pews->missing, i), name) == 0)
      return;
  g_ptr_array_add (pews->missing, g_strdup (name));
}

/* What the chart scored each parameter for, and what was not recorded,
 * in the charts' order. */
/* @what is worded only for a parameter that scored (add_reason() drops
 * the others). */
#define ADD_REASON(pews, what, score, exact)                                 \
  G_STMT_START {                                                             \
    int score_ = (score);                                                    \
    if (!crs_is_missing_int (score_) && score_ > 0)                          \
      add_reason ((pews), (what), score_, (exact));                          \
  } G_STMT_END

static void
describe_params (CrsPews            *pews,
                 const CrsPewsScore *score,
                 CrsObservation     *observation)
{
  for (guint p = 0; p < CRS_PEWS_N_PARAMS; p++)
    {
      int value = score->scores[p];

      if (score->not_recorded & CRS_PEWS_PARAM_BIT (p))
        add_missing (pews, _(crs_pews_param_names[p]));
      if (score->needs_age & CRS_PEWS_PARAM_BIT (p))
        add_missing (pews, _("age (for the chart’s age band)"));

      switch ((CrsPewsParam) p)
        {
        case CRS_PEWS_RR:
          ADD_REASON (pews, crs_format_with_int (_("respiratory rate %d/min"), observation->resp_rate), value, TRUE);
          break;
        case CRS_PEWS_RESP_DISTRESS:
          if (!crs_is_missing_int (value))
            ADD_REASON (pews, g_utf8_strdown (crs_resp_distress_label (observation->resp_distress), -1),
                        value, TRUE);
          break;
        case CRS_PEWS_SPO2:
          ADD_REASON (pews, crs_format_with_int (_("SpO2 %d%%"), observation->spo2), value, TRUE);
          break;
        case CRS_PEWS_OXYGEN:
          {
            double percent, flow;

            oxygen_given (observation, &percent, &flow);
            if (crs_is_missing_int (value))
              break;
            if (crs_pews_chart_support_device (observation->o2_device))
              ADD_REASON (pews, g_utf8_strdown (crs_o2_device_label (observation->o2_device), -1), value, TRUE);
            else if (percent_scores (percent, flow))
              /* TRANSLATORS: oxygen given as a percentage, e.g. "oxygen 35%" */
              ADD_REASON (pews, g_strdup_printf (_("oxygen %.4g%%"), percent), value, TRUE);
            else if (!isnan (flow))
              {
                g_autofree char *f = crs_format_flow (flow);
                /* TRANSLATORS: oxygen given by flow, e.g. "oxygen 4 L/min" */
                ADD_REASON (pews, g_strdup_printf (_("oxygen %s"), f), value, TRUE);
              }
            else if (score->o2_level_missing)
              {
                g_autofree char *name = g_utf8_strdown (crs_o2_device_label (observation->o2_device), -1);

                add_missing (pews, _("oxygen percentage or flow"));
                /* TRANSLATORS: e.g. "nasal cannula, no oxygen percentage or flow recorded" */
                ADD_REASON (pews, g_strdup_printf (_("%s, no oxygen percentage or flow recorded"), name), value, FALSE);
              }
          }
          break;
        case CRS_PEWS_HEART_RATE:
          ADD_REASON (pews, crs_format_with_int (_("heart rate %d/min"), observation->heart_rate), value, TRUE);
          break;
        case CRS_PEWS_SYSTOLIC:
          {
            int skip = crs_pews_chart_bp_skip_score (observation->bp_skip);
            int banded = !crs_is_missing_int (observation->systolic) && score->band != CRS_PEWS_BAND_UNSET
                         ? crs_pews_chart_banded_score (score->band, CRS_PEWS_SYSTOLIC, observation->systolic)
                         : CRS_MISSING;

            ADD_REASON (pews, crs_format_with_int (_("systolic %d mmHg"), observation->systolic), banded, TRUE);
            if (!crs_is_missing_int (skip) && (crs_is_missing_int (banded) || skip > banded))
              {
                g_autofree char *code = g_ascii_strup (crs_bp_skip_to_id (observation->bp_skip), -1);
                /* TRANSLATORS: blood pressure not obtained, with the chart's code, e.g. "blood pressure U4" */
                ADD_REASON (pews, g_strdup_printf (_("blood pressure %s"), code), skip, TRUE);
              }
          }
          break;
        case CRS_PEWS_CRT:
          /* TRANSLATORS: capillary refill time in seconds, e.g. "capillary refill 3 s" */
          ADD_REASON (pews, g_strdup_printf (_("capillary refill %.3g s"), observation->crt_s), value, TRUE);
          break;
        case CRS_PEWS_N_PARAMS:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
add_trigger (CrsPews            *pews,
             CrsPewsTriggerKind  kind,
             CrsPewsLevel        level,
             char               *text)
{
  CrsPewsTrigger *trigger = g_new0 (CrsPewsTrigger, 1);

  trigger->kind = kind;
  trigger->level = level;
  trigger->text = text;
  g_ptr_array_add (pews->triggers, trigger);
}

static void
crs_pews_trigger_free (gpointer data)
{
  CrsPewsTrigger *trigger = data;

  g_free (trigger->text);
  g_free (trigger);
}

static void
describe_triggers (CrsPews              *pews,
                   const CrsPewsScore   *score,
                   CrsObservation       *observation,
                   const CrsPewsContext *context)
{
  CrsPewsLevel level;

  if ((level = score->trigger_levels[CRS_PEWS_TRIGGER_AVPU]) != CRS_PEWS_LEVEL_NONE)
    {
      CrsAcvpu acvpu = observation->acvpu;
      const char *code = crs_acvpu_to_id (acvpu);
      g_autofree char *label = g_utf8_strdown (crs_acvpu_label (acvpu), -1);
      char *text;

      if (context->previous_acvpu != CRS_ACVPU_UNSET && context->previous_acvpu < acvpu)
        /* TRANSLATORS: e.g. "AVPU changed to V (responds to voice)" */
        text = g_strdup_printf (_("AVPU changed to %s (%s)"), code, label);
      else
        /* TRANSLATORS: e.g. "AVPU V (responds to voice)" */
        text = g_strdup_printf (_("AVPU %s (%s)"), code, label);
      add_trigger (pews, CRS_PEWS_TRIGGER_AVPU, level, text);
    }
  if ((level = score->trigger_levels[CRS_PEWS_TRIGGER_SEPSIS]) != CRS_PEWS_LEVEL_NONE)
    add_trigger (pews, CRS_PEWS_TRIGGER_SEPSIS, level,
                 g_strdup (observation->sepsis == CRS_SEPSIS_SHOCK ? _("new suspicion of septic shock")
                                                                   : _("new suspicion of sepsis")));
  if ((level = score->trigger_levels[CRS_PEWS_TRIGGER_CARER]) != CRS_PEWS_LEVEL_NONE)
    add_trigger (pews, CRS_PEWS_TRIGGER_CARER, level,
                 g_strdup (_("the carer says the child is worse (escalate higher if their words call for it)")));
  if ((level = score->trigger_levels[CRS_PEWS_TRIGGER_INTUITION]) != CRS_PEWS_LEVEL_NONE)
    add_trigger (pews, CRS_PEWS_TRIGGER_INTUITION, level,
                 g_strdup (_("clinical intuition: the nurse is concerned (escalate higher if the concern calls for it)")));
}

CrsPews *
crs_pews_new_from_score (const CrsPewsScore   *score,
                         CrsObservation       *observation,
                         const CrsPewsContext *context)
{
  g_autoptr(CrsPews) pews = NULL;
  CrsPewsContext default_context;

  g_return_val_if_fail (score != NULL, NULL);
  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);

  if (context == NULL)
    {
      crs_pews_context_init (&default_context);
      context = &default_context;
    }

  pews = g_new0 (CrsPews, 1);
  pews->band = score->band;
  pews->age_band = score->age_band;
  pews->band_chosen = score->band_chosen;
  memcpy (pews->scores, score->scores, sizeof pews->scores);
  pews->complete = score->complete;
  pews->total = score->total;
  pews->total_at_least = score->total_at_least;
  pews->score_level = score->score_level;
  pews->level = score->level;
  pews->level_at_least = score->level_at_least;
  pews->interval_minutes = score->interval_minutes;
  pews->continuous_monitoring = score->continuous_monitoring;
  pews->red_flag = score->red_flag;

  pews->missing = g_ptr_array_new_with_free_func (g_free);
  pews->reasons = g_ptr_array_new_with_free_func (g_free);
  pews->triggers = g_ptr_array_new_with_free_func (crs_pews_trigger_free);
  describe_params (pews, score, observation);
  describe_triggers (pews, score, observation, context);

  if (score->band_refused)
    /* TRANSLATORS: e.g. "the 5–12 years chart cannot be chosen at this age: the 1–4 years chart is used" */
    pews->band_note = g_strdup_printf (_("the %s chart cannot be chosen at this age: the %s chart is used"),
                                       crs_pews_band_label (observation->pews_band),
                                       crs_pews_band_label (score->age_band));

  pews->response = crs_pews_level_response (pews->level);
  pews->review = crs_pews_level_review (pews->level);
  pews->observations = crs_pews_level_observations (pews->level);

  return g_steal_pointer (&pews);
}

CrsPews *
crs_pews_new (CrsObservation       *observation,
              int                   age_months,
              const CrsPewsContext *context)
{
  CrsPewsScore score;

  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);

  crs_pews_compute (&score, observation, age_months);
  return crs_pews_new_from_score (&score, observation, context);
}

void
crs_pews_free (CrsPews *pews)
{
  if (pews == NULL)
    return;
  g_clear_pointer (&pews->missing, g_ptr_array_unref);
  g_clear_pointer (&pews->reasons, g_ptr_array_unref);
  g_clear_pointer (&pews->triggers, g_ptr_array_unref);
  g_free (pews->band_note);
  g_free (pews);
}

void
crs_pews_append_summary (GString       *line,
                         const CrsPews *pews)
{
  g_autoptr(GString) level_text = NULL;
  g_autoptr(GPtrArray) trigger_texts = NULL;
  char number[CRS_FORMAT_INT_BYTES];

  g_return_if_fail (line != NULL);
  g_return_if_fail (pews != NULL);

  level_text = g_string_sized_new (64);
  if (pews->level_at_least)
    /* TRANSLATORS: a level that missing parameters may raise, e.g. "at least low" */
    crs_format_append (level_text, _("at least %s"), (const char *[]) { crs_pews_level_label (pews->level) }, 1);
  else
    g_string_append (level_text, crs_pews_level_label (pews->level));

  if (pews->complete && pews->level == pews->score_level)
    /* TRANSLATORS: PEWS total and level, e.g. "PEWS 6 (medium)" */
    crs_format_append (line, _("PEWS %d (%s)"),
                       (const char *[]) { crs_format_int (number, pews->total), level_text->str }, 2);
  else if (pews->complete)
    /* TRANSLATORS: PEWS total and the level a trigger raised, e.g. "PEWS 2, level high" */
    crs_format_append (line, _("PEWS %d, level %s"),
                       (const char *[]) { crs_format_int (number, pews->total), level_text->str }, 2);
  else if (pews->level == pews->score_level)
    /* TRANSLATORS: a partial PEWS, e.g. "PEWS at least 4 (at least low)" */
    crs_format_append (line, _("PEWS at least %d (%s)"),
                       (const char *[]) { crs_format_int (number, pews->total_at_least), level_text->str }, 2);
  else
    /* TRANSLATORS: a partial PEWS and the level a trigger raised, e.g. "PEWS at least 2, level at least high" */
    crs_format_append (line, _("PEWS at least %d, level %s"),
                       (const char *[]) { crs_format_int (number, pews->total_at_least), level_text->str }, 2);

  if (pews->reasons->len > 0)
    {
      g_string_append (line, ": ");
      crs_format_append_join (line, pews->reasons);
    }
  if (pews->triggers->len > 0)
    {
      trigger_texts = g_ptr_array_sized_new (pews->triggers->len);
      for (guint i = 0; i < pews->triggers->len; i++)
        g_ptr_array_add (trigger_texts, ((CrsPewsTrigger *) g_ptr_array_index (pews->triggers, i))->text);
      g_string_truncate (level_text, 0);
      crs_format_append_join (level_text, trigger_texts);
      /* TRANSLATORS: appended to a PEWS summary: the non-score triggers */
      crs_format_append (line, _("; triggered by %s"), (const char *[]) { level_text->str }, 1);
    }
  if (pews->missing->len > 0)
    {
      g_string_truncate (level_text, 0);
      crs_format_append_join (level_text, pews->missing);
      /* TRANSLATORS: appended to a PEWS summary */
      crs_format_append (line, _("; not recorded: %s"), (const char *[]) { level_text->str }, 1);
    }
  if (pews->band_chosen)
    /* TRANSLATORS: appended to a PEWS summary, e.g. "; 1–4 years chart, chosen by the nurse" */
    crs_format_append (line, _("; %s chart, chosen by the nurse"),
                       (const char *[]) { crs_pews_band_label (pews->band) }, 1);
  if (pews->band_note != NULL)
    {
      g_string_append (line, "; ");
      g_string_append (line, pews->band_note);
    }
}

char *
crs_pews_summary (const CrsPews *pews)
{
  GString *line;

  g_return_val_if_fail (pews != NULL, NULL);

  line = g_string_sized_new (256);
  crs_pews_append_summary (line, pews);
  return g_string_free (line, FALSE);
}

char *
crs_pews_flag_text (const CrsPews *pews)
{
  const char *label;
  g_autoptr(GPtrArray) raising = NULL;
  g_autofree char *by = NULL;

  g_return_val_if_fail (pews != NULL, NULL);

  label = crs_pews_level_label (pews->level);
  if (pews->level <= pews->score_level)
    {
      if (pews->complete)
        /* TRANSLATORS: a PEWS red flag, e.g. "PEWS 10 (high)" */
        return g_strdup_printf (_("PEWS %d (%s)"), pews->total, label);
      /* TRANSLATORS: a PEWS red flag of a partial set, e.g. "PEWS at least 9 (high) from the parameters recorded" */
      return g_strdup_printf (_("PEWS at least %d (%s) from the parameters recorded"), pews->total_at_least, label);
    }

  /* A trigger set the level: name the ones that did. */
  raising = g_ptr_array_new ();
  for (guint i = 0; i < pews->triggers->len; i++)
    {
      const CrsPewsTrigger *trigger = g_ptr_array_index (pews->triggers, i);
      if (trigger->level == pews->level)
        g_ptr_array_add (raising, trigger->text);
    }
  by = crs_format_join (raising);
  if (pews->complete)
    /* TRANSLATORS: a PEWS red flag raised by a trigger, e.g. "PEWS 3, level high: new suspicion of septic shock" */
    return g_strdup_printf (_("PEWS %d, level %s: %s"), pews->total, label, by);
  /* TRANSLATORS: e.g. "PEWS at least 2, level emergency: AVPU P (responds to pain)" */
  return g_strdup_printf (_("PEWS at least %d, level %s: %s"), pews->total_at_least, label, by);
}

/* The chart's bullets, one a line: "• a\n• b". */
static char *
bullets (const char *lines)
{
  g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The chart's lines as one sentence: "a; b; c". */
static char *
one_line (const char *lines)
{
  g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);
  return g_strjoinv ("; ", parts);
}

char *
crs_pews_guidance (const CrsPews *pews)
{
  g_autofree char *response = NULL;
  g_autofree char *observations = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (pews != NULL, NULL);

  if (pews->level == CRS_PEWS_LEVEL_NONE && pews->complete)
    /* TRANSLATORS: guidance at PEWS 0, where the chart gives no escalation */
    return g_strdup (_("PEWS 0: the chart gives no escalation. Observe at the ward’s interval."));
  if (pews->level == CRS_PEWS_LEVEL_NONE)
    /* TRANSLATORS: guidance for a partial PEWS that scores nothing yet; 60
     * minutes is the chart's low level's "Must reassess within 60 minutes" */
    return g_strdup (_("PEWS needs all seven parameters: record the missing ones to get a score. "
                       "Until then, reassess within 60 minutes."));
  response = bullets (pews->response);
  observations = one_line (pews->observations);
  /* TRANSLATORS: the PEWS chart's escalation: the level, what to do (the
   * chart's bullets, one a line), the medical review time and the minimal
   * observations, e.g. "The chart at level medium:\n• Review by
   * Nurse-in-charge ...\nMedical review: Within 30 minutes.\nObservations:
   * Must reassess within 30 minutes ..." */
  text = g_strdup_printf (_("The chart at level %s:\n%s\nMedical review: %s.\nObservations: %s."),
                          crs_pews_level_label (pews->level), response, pews->review, observations);
  if (!pews->level_at_least)
    return g_steal_pointer (&text);
  /* TRANSLATORS: a PEWS guidance, then what a partial set still needs */
  return g_strdup_printf (_("At least this level from the parameters recorded. Record the missing "
                            "parameters: they could raise it.\n%s"), text);
}
