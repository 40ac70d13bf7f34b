/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-rules.c: the rules in short for the paper chart
 * (crs-chart-rules.h).
 *
 * Sources (the same as the grading code's, shared/clinical/grading.md):
 *  - CRS: ASTCT 2019 (Lee et al.) table and notes, §1: fever >= 38.0 °C,
 *    not needed once an antipyretic, anti-cytokine or corticosteroid has
 *    been given; the more severe of hypotension and hypoxia; low flow
 *    up to the ward's limit (ASTCT: <= 6 L/min) or blow-by; vasopressin
 *    alone counts as one vasopressor; several excluding vasopressin = 4;
 *  - ICANS: ASTCT 2019 adult table, §2b (ICE bands 7-9, 3-6, 0-2,
 *    unarousable; level of consciousness; seizure; motor; oedema) and
 *    CAPD for children, §2c with the project's reading (1-8 = grade 1,
 *    2 when awakening only to voice, >= 9 = grade 3);
 *  - NEWS2: RCP 2017 chart 4, §5b (frequencies and responses); not for
 *    children under the ward's NEWS2 age (NICE MIB205, §6);
 *  - PEWS: NHS England national PEWS charts, 2023 (shared/clinical/
 *    pews.md §4.1 escalation table and §4.2 trigger criteria, through
 *    crs-grade-pews.h and crs-pews-chart.h: the bands by total and the
 *    review times are read from there, not written again here); the
 *    chart "should not be amended" (pews.md §6, its licence), so the paper chart
 *    sends the nurse to it;
 *  - red flags: crs-red-flags.c (grade 3 or more, NEWS2 7 or more, C, V,
 *    P or U, an emergency symptom of the seed's list, a vasopressor or
 *    high-level oxygen while no temperature is known; §6; a child's PEWS
 *    level high or emergency, crs-grading.h CRS_RED_FLAG_PEWS);
 *  - observation frequency: the ward policy (§6, "Observation frequency
 *    by grade"). */
#define G_LOG_DOMAIN "crs-chart-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-chart-rules.h"
#include "crs-format.h"
#include "crs-grade-pews.h"
#include "crs-pews-chart.h"
#include "crs-symptom.h"

void
crs_chart_rule_free (CrsChartRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->title);
  g_free (rule->text);
  g_free (rule);
}

static void
add (GPtrArray  *rules,
     const char *title,
     char       *text)
{
  CrsChartRule *rule = g_new0 (CrsChartRule, 1);

  rule->title = g_strdup (title);
  rule->text = text;
  g_ptr_array_add (rules, rule);
}

GPtrArray *
crs_chart_rules (const CrsWardPolicy *policy)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_chart_rule_free);
  g_autoptr(GPtrArray) symptoms = g_ptr_array_new ();
  CrsWardPolicy defaults;
  g_autofree char *flow = NULL;
  g_autofree char *emergency = NULL;
  g_autofree char *grade1 = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *window = NULL;

  if (policy == NULL)
    {
      crs_ward_policy_init (&defaults);
      policy = &defaults;
    }
  flow = crs_format_flow (policy->low_flow_max_l_min);

  add (rules, _("CRS (ASTCT 2019)"),
       g_strdup_printf (_("Needs a fever of 38.0 °C or more, unless an antipyretic, tocilizumab or a corticosteroid "
                          "has been given since CRS began. Grade 1: fever alone. Grade 2: hypotension without "
                          "vasopressors, or oxygen by nasal cannula up to %s or blow-by. Grade 3: one vasopressor "
                          "(with or without vasopressin) or vasopressin alone, or high-flow cannula above %s, face "
                          "mask, non-rebreather or Venturi mask. Grade 4: several vasopressors (vasopressin not "
                          "counted), or CPAP, BiPAP or ventilation. The more severe finding sets the grade. "
                          "Hypotension: systolic below %d mmHg (ward policy)."),
                        flow, flow, policy->hypotension_systolic_below));
  add (rules, _("ICANS (ASTCT 2019)"),
       g_strdup_printf (_("The most severe finding sets the grade. ICE score 7–9: grade 1; 3–6: grade 2; 0–2: grade 3; "
                          "unarousable: grade 4. Awakens spontaneously: 1; to voice: 2; only to touch: 3; "
                          "unarousable or only to vigorous stimuli: 4. Seizure that resolves quickly: 3; over 5 "
                          "minutes or repeated: 4. Deep focal weakness: 4. Focal oedema: 3; diffuse oedema or "
                          "posturing: 4. Grade 0 needs an ICE score of 10 and normal consciousness. Children under "
                          "%d years use CAPD: 1–8: grade 1 (2 if awakening only to voice); 9 or more: grade 3."),
                        policy->capd_below_age));
  add (rules, _("NEWS2 (RCP 2017)"),
       g_strdup_printf (_("Total 0: at least 12-hourly. 1–4: at least 4–6-hourly. A 3 in one parameter: hourly, tell "
                          "the medical team. 5–6: hourly, urgent review. 7 or more: continuous monitoring, emergency "
                          "response. Not used under %d years: children are scored with PEWS."),
                        policy->news2_min_age));

  for (int s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    if (crs_symptom_is_emergency (s))
      g_ptr_array_add (symptoms, (gpointer) crs_symptom_label (s));
  emergency = crs_format_join (symptoms);
  add (rules, _("Red flags: tell the medical team now"),
       g_strdup_printf (_("CRS or ICANS grade 3 or more; NEWS2 7 or more; new confusion, or responds only to voice or "
                          "pain, or unresponsive; an emergency symptom (%s); a vasopressor, or oxygen by high-flow "
                          "cannula, mask, CPAP, BiPAP or ventilator, when no temperature is known. Write down who "
                          "you told and when."),
                        emergency));

  grade1 = crs_format_duration (policy->grade1_interval_minutes);
  gap = crs_format_duration (policy->continuous_max_gap_minutes);
  window = crs_format_duration (policy->window_interval_minutes);
  add (rules, _("Observations (ward policy)"),
       g_strdup_printf (_("CRS or ICANS grade 1: at least every %s. Grade 2 or more, or NEWS2 7 or more: monitor "
                          "continuously and write a set at least every %s. In the therapy's onset window: at least "
                          "every %s. Otherwise as NEWS2 says."),
                        grade1, gap, window));
  return g_steal_pointer (&rules);
}

CrsChartRule *
crs_chart_rule_pews (void)
{
  g_autoptr(GPtrArray) bands = g_ptr_array_new ();
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *band_list = NULL;
  g_autofree char *level_list = NULL;
  CrsChartRule *rule = g_new0 (CrsChartRule, 1);
  int from = 0;

  for (int b = CRS_PEWS_BAND_UNSET + 1; b < CRS_PEWS_BAND_N_VALUES; b++)
    g_ptr_array_add (bands, (gpointer) crs_pews_band_label ((CrsPewsBand) b));
  band_list = crs_format_join (bands);

  /* Each level's totals, as the scoring code bands them. */
  for (int total = 1; total <= CRS_PEWS_MAX_TOTAL + 1; total++)
    {
      CrsPewsLevel level = crs_pews_chart_level_for_total (from);

      if (total <= CRS_PEWS_MAX_TOTAL && crs_pews_chart_level_for_total (total) == level)
        continue;
      if (level != CRS_PEWS_LEVEL_NONE)
        {
          g_autofree char *range = total > CRS_PEWS_MAX_TOTAL
                                   /* TRANSLATORS: PEWS totals, e.g. "13 or more" */
                                   ? g_strdup_printf (_("%d or more"), from)
                                   : total - 1 == from ? g_strdup_printf ("%d", from)
                                   : g_strdup_printf ("%d–%d", from, total - 1);

          /* TRANSLATORS: a PEWS level and the chart's medical review time,
           * e.g. "5–8 medium (medical review: Within 30 minutes)" */
          g_ptr_array_add (levels, g_strdup_printf (_("%s %s (medical review: %s)"), range,
                                                   crs_pews_level_label (level), crs_pews_level_review (level)));
        }
      from = total;
    }
  g_ptr_array_add (levels, NULL);
  level_list = g_strjoinv ("; ", (char **) levels->pdata);

  rule->title = g_strdup (crs_pews_name ());
  rule->text = g_strdup_printf (_("Score the child on the national PEWS chart of their age (%s), which is not "
                                  "copied here, and write the total and the level in the PEWS row. Levels by "
                                  "total: %s. A specific concern (AVPU V, P or U; a new suspicion of sepsis), the "
                                  "carer question and clinical intuition raise the level as the chart says. High "
                                  "and emergency are red flags: tell the medical team now."),
                                band_list, level_list);
  return rule;
}
