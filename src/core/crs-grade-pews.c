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

/* ---- Scoring ---------------------------------------------------------- */

static void
add_reason (CrsPews    *pews,
            char       *what,
            int         score,
            gboolean    exact)
{
  g_autofree char *owned = what;

  if (score <= 0)
    return;
  if (exact)
    /* TRANSLATORS: a PEWS parameter and its score, e.g. "heart rate 170/min (4)" */
    g_ptr_array_add (pews->reasons, g_strdup_printf (_("%s (%d)"), owned, score));
  else
    /* TRANSLATORS: a PEWS parameter only partly recorded, e.g. "nasal cannula, no oxygen percentage or flow recorded (at least 1)" */
    g_ptr_array_add (pews->reasons, g_strdup_printf (_("%s (at least %d)"), owned, score));
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

/* An age-banded vital sign: needs the chart. */
static void
score_banded (CrsPews        *pews,
              CrsPewsParam    param,
              int             value,
              char           *what)
{
  g_autofree char *owned = what;

  if (crs_is_missing_int (value))
    {
      add_missing (pews, _(crs_pews_param_names[param]));
      return;
    }
  if (pews->band == CRS_PEWS_BAND_UNSET)
    {
      add_missing (pews, _("age (for the chart’s age band)"));
      return;
    }
  pews->scores[param] = crs_pews_chart_banded_score (pews->band, param, value);
  add_reason (pews, g_steal_pointer (&owned), pews->scores[param], TRUE);
}

/* Systolic pressure, or a skip code when it was not obtained. Both
 * recorded: the higher (decision: the safer reading of a contradiction). */
static void
score_systolic (CrsPews        *pews,
                CrsObservation *observation)
{
  int skip = crs_pews_chart_bp_skip_score (observation->bp_skip);

  if (!crs_is_missing_int (observation->systolic))
    score_banded (pews, CRS_PEWS_SYSTOLIC, observation->systolic,
                  g_strdup_printf (_("systolic %d mmHg"), observation->systolic));
  else if (crs_is_missing_int (skip))
    add_missing (pews, _(crs_pews_param_names[CRS_PEWS_SYSTOLIC]));

  if (crs_is_missing_int (skip) || skip <= pews->scores[CRS_PEWS_SYSTOLIC])
    return;
  pews->scores[CRS_PEWS_SYSTOLIC] = skip;
  {
    g_autofree char *code = g_ascii_strup (crs_bp_skip_to_id (observation->bp_skip), -1);
    /* TRANSLATORS: blood pressure not obtained, with the chart's code, e.g. "blood pressure U4" */
    add_reason (pews, g_strdup_printf (_("blood pressure %s"), code), skip, TRUE);
  }
}

/* Oxygen (pews.md §2.3; S3 C17.11: "score the higher of the two measures
 * for Oxygen Delivery, namely Oxygen Delivery rate and Respiratory
 * Support Device"). HF, BiPAP and CPAP (and a ventilator) score 4
 * whatever the level (crs_pews_chart_support_device()); nasal prongs,
 * face mask, head box and non-rebreather "Score as per oxygen" (S1), and
 * so do blow-by and a Venturi mask, which the charts do not name
 * (decision). The percentage is o2_percent, or else an FiO2 above 21 %
 * (the same measure; decision). Room air is 21 % oxygen: a percentage of
 * 21 or less written beside "room air" is air (decision). Both % and
 * L/min recorded (S3 C9.1 asks for one): the higher (C17.11). */
static void
score_oxygen (CrsPews        *pews,
              CrsObservation *observation)
{
  CrsO2Device device = observation->o2_device;
  double percent = observation->o2_percent;
  double flow = observation->o2_flow_l_min;
  int level = CRS_MISSING;
  g_autofree char *what = NULL;

  if (isnan (percent) && !crs_is_missing_int (observation->fio2_percent) &&
      observation->fio2_percent > CRS_PEWS_CHART_AIR_PERCENT)
    percent = observation->fio2_percent;
  if (!(percent > 0))
    percent = NAN;
  if (!(flow > 0))
    flow = NAN;
  if (device == CRS_O2_ROOM_AIR && percent <= CRS_PEWS_CHART_AIR_PERCENT)
    percent = NAN;

  if (crs_pews_chart_support_device (device))
    {
      pews->scores[CRS_PEWS_OXYGEN] = CRS_PEWS_CHART_SUPPORT_SCORE;
      add_reason (pews, g_utf8_strdown (crs_o2_device_label (device), -1), CRS_PEWS_CHART_SUPPORT_SCORE, TRUE);
      return;
    }

  if (!isnan (percent) && (isnan (flow) || crs_pews_chart_o2_percent_score (percent) >= crs_pews_chart_o2_flow_score (flow)))
    {
      level = crs_pews_chart_o2_percent_score (percent);
      /* TRANSLATORS: oxygen given as a percentage, e.g. "oxygen 35%" */
      what = g_strdup_printf (_("oxygen %.4g%%"), percent);
    }
  else if (!isnan (flow))
    {
      g_autofree char *f = crs_format_flow (flow);
      level = crs_pews_chart_o2_flow_score (flow);
      /* TRANSLATORS: oxygen given by flow, e.g. "oxygen 4 L/min" */
      what = g_strdup_printf (_("oxygen %s"), f);
    }

  if (!crs_is_missing_int (level))
    {
      pews->scores[CRS_PEWS_OXYGEN] = level;
      add_reason (pews, g_steal_pointer (&what), level, TRUE);
      return;
    }

  switch (device)
    {
    case CRS_O2_ROOM_AIR:
      /* "Air / No Support - White - Scores 0" (S2). */
      pews->scores[CRS_PEWS_OXYGEN] = 0;
      return;
    case CRS_O2_UNSET:
      add_missing (pews, _(crs_pews_param_names[CRS_PEWS_OXYGEN]));
      return;
    default:
      /* Oxygen by a device that scores by its level, and no level: at
       * least 1 (G4: any supplemental oxygen), and the level is missing. */
      {
        g_autofree char *name = g_utf8_strdown (crs_o2_device_label (device), -1);

        pews->scores[CRS_PEWS_OXYGEN] = 1;
        add_missing (pews, _("oxygen percentage or flow"));
        /* TRANSLATORS: e.g. "nasal cannula, no oxygen percentage or flow recorded" */
        add_reason (pews, g_strdup_printf (_("%s, no oxygen percentage or flow recorded"), name), 1, FALSE);
        return;
      }
    }
}

static void
score_params (CrsPews        *pews,
              CrsObservation *observation)
{
  int spo2 = observation->spo2;
  double crt = observation->crt_s;

  score_banded (pews, CRS_PEWS_RR, observation->resp_rate,
                g_strdup_printf (_("respiratory rate %d/min"), observation->resp_rate));

  if (observation->resp_distress > CRS_RESP_DISTRESS_UNSET &&
      observation->resp_distress < CRS_RESP_DISTRESS_N_VALUES)
    {
      /* The worst sign ticked counts (S5 W17.1). */
      pews->scores[CRS_PEWS_RESP_DISTRESS] = crs_pews_chart_resp_distress_score (observation->resp_distress);
      add_reason (pews, g_utf8_strdown (crs_resp_distress_label (observation->resp_distress), -1),
                  pews->scores[CRS_PEWS_RESP_DISTRESS], TRUE);
    }
  else
    add_missing (pews, _(crs_pews_param_names[CRS_PEWS_RESP_DISTRESS]));

  if (!crs_is_missing_int (spo2))
    {
      pews->scores[CRS_PEWS_SPO2] = crs_pews_chart_spo2_score (spo2);
      add_reason (pews, g_strdup_printf (_("SpO2 %d%%"), spo2), pews->scores[CRS_PEWS_SPO2], TRUE);
    }
  else
    add_missing (pews, _(crs_pews_param_names[CRS_PEWS_SPO2]));

  score_oxygen (pews, observation);

  score_banded (pews, CRS_PEWS_HEART_RATE, observation->heart_rate,
                g_strdup_printf (_("heart rate %d/min"), observation->heart_rate));

  score_systolic (pews, observation);

  if (crt >= 0)
    {
      pews->scores[CRS_PEWS_CRT] = crs_pews_chart_crt_score (crt);
      /* TRANSLATORS: capillary refill time in seconds, e.g. "capillary refill 3 s" */
      add_reason (pews, g_strdup_printf (_("capillary refill %.3g s"), crt), pews->scores[CRS_PEWS_CRT], TRUE);
    }
  else
    add_missing (pews, _(crs_pews_param_names[CRS_PEWS_CRT]));
}

/* ---- Triggers --------------------------------------------------------- */

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

/* The trigger criteria of the escalation table (pews.md §4.2). */
static void
find_triggers (CrsPews              *pews,
               CrsObservation       *observation,
               const CrsPewsContext *context)
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
  if (acvpu == CRS_ACVPU_VOICE || acvpu == CRS_ACVPU_PAIN || acvpu == CRS_ACVPU_UNRESPONSIVE)
    {
      CrsPewsLevel level = acvpu == CRS_ACVPU_VOICE ? CRS_PEWS_LEVEL_HIGH : CRS_PEWS_LEVEL_EMERGENCY;
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

  /* Specific concern, sepsis: MEDIUM "New suspicion of sepsis"; HIGH
   * "New suspicion of septic shock" (S1); S5 W21.1: "Selecting sepsis will
   * escalate to medium, selecting septic shock will escalate to high".
   * The field records a new suspicion, as the chart's row does. */
  if (observation->sepsis == CRS_SEPSIS_SUSPECTED)
    add_trigger (pews, CRS_PEWS_TRIGGER_SEPSIS, CRS_PEWS_LEVEL_MEDIUM,
                 g_strdup (_("new suspicion of sepsis")));
  else if (observation->sepsis == CRS_SEPSIS_SHOCK)
    add_trigger (pews, CRS_PEWS_TRIGGER_SEPSIS, CRS_PEWS_LEVEL_HIGH,
                 g_strdup (_("new suspicion of septic shock")));

  /* Carer question and clinical intuition: S2 "If 'Worse' is selected,
   * they then have the option to escalate to any level"; "If 'Yes' is
   * selected, they then have the option to escalate to any level". The
   * set records only worse / yes, so the level is the lowest the chart
   * gives them, LOW ("Carer uses words that suggests the child needs
   * increased monitoring or intervention despite the low PEWS"; "Nurse/
   * clinician concern that patient needs increased monitoring despite
   * low PEWS"), and the text says the nurse may go higher (decision). */
  if (observation->carer == CRS_CARER_WORSE)
    add_trigger (pews, CRS_PEWS_TRIGGER_CARER, CRS_PEWS_LEVEL_LOW,
                 g_strdup (_("the carer says the child is worse (escalate higher if their words call for it)")));
  if (observation->intuition == CRS_TRI_YES)
    add_trigger (pews, CRS_PEWS_TRIGGER_INTUITION, CRS_PEWS_LEVEL_LOW,
                 g_strdup (_("clinical intuition: the nurse is concerned (escalate higher if the concern calls for it)")));
}

/* ---- The set ---------------------------------------------------------- */

static void
choose_band (CrsPews        *pews,
             CrsObservation *observation,
             int             age_months)
{
  CrsPewsBand chosen = observation->pews_band;

  pews->age_band = crs_pews_band_for_age (age_months);
  pews->band = pews->age_band;
  if (chosen == CRS_PEWS_BAND_UNSET || chosen == pews->age_band)
    return;
  if (crs_pews_band_allowed (age_months, chosen))
    {
      pews->band = chosen;
      pews->band_chosen = TRUE;
      return;
    }
  if (chosen < CRS_PEWS_BAND_N_VALUES)
    /* TRANSLATORS: e.g. "the 5–12 years chart cannot be chosen at this age: the 1–4 years chart is used" */
    pews->band_note = g_strdup_printf (_("the %s chart cannot be chosen at this age: the %s chart is used"),
                                       crs_pews_band_label (chosen), crs_pews_band_label (pews->age_band));
}

CrsPews *
crs_pews_new (CrsObservation       *observation,
              int                   age_months,
              const CrsPewsContext *context)
{
  g_autoptr(CrsPews) pews = NULL;
  CrsPewsContext default_context;
  int sum = 0;

  g_return_val_if_fail (CRS_IS_OBSERVATION (observation), NULL);

  if (context == NULL)
    {
      crs_pews_context_init (&default_context);
      context = &default_context;
    }

  pews = g_new0 (CrsPews, 1);
  pews->missing = g_ptr_array_new_with_free_func (g_free);
  pews->reasons = g_ptr_array_new_with_free_func (g_free);
  pews->triggers = g_ptr_array_new_with_free_func (crs_pews_trigger_free);
  for (guint p = 0; p < CRS_PEWS_N_PARAMS; p++)
    pews->scores[p] = CRS_MISSING;

  choose_band (pews, observation, age_months);
  score_params (pews, observation);

  /* G6: the total is the sum of the seven scored parameters. */
  for (guint p = 0; p < CRS_PEWS_N_PARAMS; p++)
    if (!crs_is_missing_int (pews->scores[p]))
      sum += pews->scores[p];
  pews->complete = pews->missing->len == 0;
  pews->total_at_least = sum;
  pews->total = pews->complete ? sum : CRS_MISSING;
  pews->score_level = crs_pews_chart_level_for_total (sum);

  /* S1: "Respond as per the highest level based on CHANGE in ANY ONE of
   * these criteria"; S4 U17.4: "default to the highest level triggered". */
  find_triggers (pews, observation, context);
  pews->level = pews->score_level;
  for (guint i = 0; i < pews->triggers->len; i++)
    {
      const CrsPewsTrigger *trigger = g_ptr_array_index (pews->triggers, i);
      pews->level = MAX (pews->level, trigger->level);
    }
  pews->level_at_least = !pews->complete && pews->level < CRS_PEWS_LEVEL_EMERGENCY;

  pews->response = crs_pews_level_response (pews->level);
  pews->review = crs_pews_level_review (pews->level);
  pews->observations = crs_pews_level_observations (pews->level);
  pews->interval_minutes = crs_pews_level_interval_minutes (pews->level);
  /* A set with parameters missing is never read as "PEWS 0, the ward's
   * interval": as NEWS2 in this project (crs_news2_interval_at_least),
   * it is reassessed at least as often as the lowest level asks. */
  if (!pews->complete &&
      (crs_is_missing_int (pews->interval_minutes) ||
       pews->interval_minutes > crs_pews_level_interval_minutes (CRS_PEWS_LEVEL_LOW)))
    pews->interval_minutes = crs_pews_level_interval_minutes (CRS_PEWS_LEVEL_LOW);
  pews->continuous_monitoring = pews->level >= CRS_PEWS_LEVEL_MEDIUM;

  /* High and emergency call for a rapid review or a 2222 call: the
   * project's red flag, raised by a partial set too once what was
   * recorded reaches 9 (grade-csv.md). */
  pews->red_flag = pews->level >= CRS_PEWS_LEVEL_HIGH;

  return g_steal_pointer (&pews);
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

char *
crs_pews_summary (const CrsPews *pews)
{
  g_autoptr(GString) line = NULL;
  g_autoptr(GPtrArray) trigger_texts = NULL;
  g_autofree char *level_text = NULL;

  g_return_val_if_fail (pews != NULL, NULL);

  line = g_string_new (NULL);
  trigger_texts = g_ptr_array_new ();

  if (pews->level_at_least)
    /* TRANSLATORS: a level that missing parameters may raise, e.g. "at least low" */
    level_text = g_strdup_printf (_("at least %s"), crs_pews_level_label (pews->level));
  else
    level_text = g_strdup (crs_pews_level_label (pews->level));

  if (pews->complete && pews->level == pews->score_level)
    /* TRANSLATORS: PEWS total and level, e.g. "PEWS 6 (medium)" */
    g_string_append_printf (line, _("PEWS %d (%s)"), pews->total, level_text);
  else if (pews->complete)
    /* TRANSLATORS: PEWS total and the level a trigger raised, e.g. "PEWS 2, level high" */
    g_string_append_printf (line, _("PEWS %d, level %s"), pews->total, level_text);
  else if (pews->level == pews->score_level)
    /* TRANSLATORS: a partial PEWS, e.g. "PEWS at least 4 (at least low)" */
    g_string_append_printf (line, _("PEWS at least %d (%s)"), pews->total_at_least, level_text);
  else
    /* TRANSLATORS: a partial PEWS and the level a trigger raised, e.g. "PEWS at least 2, level at least high" */
    g_string_append_printf (line, _("PEWS at least %d, level %s"), pews->total_at_least, level_text);

  if (pews->reasons->len > 0)
    {
      g_autofree char *reasons = crs_format_join (pews->reasons);
      g_string_append_printf (line, ": %s", reasons);
    }
  for (guint i = 0; i < pews->triggers->len; i++)
    g_ptr_array_add (trigger_texts, ((CrsPewsTrigger *) g_ptr_array_index (pews->triggers, i))->text);
  if (trigger_texts->len > 0)
    {
      g_autofree char *triggers = crs_format_join (trigger_texts);
      /* TRANSLATORS: appended to a PEWS summary: the non-score triggers */
      g_string_append_printf (line, _("; triggered by %s"), triggers);
    }
  if (pews->missing->len > 0)
    {
      g_autofree char *missing = crs_format_join (pews->missing);
      /* TRANSLATORS: appended to a PEWS summary */
      g_string_append_printf (line, _("; not recorded: %s"), missing);
    }
  if (pews->band_chosen)
    /* TRANSLATORS: appended to a PEWS summary, e.g. "; 1–4 years chart, chosen by the nurse" */
    g_string_append_printf (line, _("; %s chart, chosen by the nurse"), crs_pews_band_label (pews->band));
  if (pews->band_note != NULL)
    g_string_append_printf (line, "; %s", pews->band_note);

  return g_string_free (g_steal_pointer (&line), FALSE);
}
