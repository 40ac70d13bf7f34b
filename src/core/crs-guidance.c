/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-guidance.c: what a grade means for the nurse, in plain words.
 *
 * Where each sentence comes from:
 *  - CRS grades 1-4: the seed article's grade table (mild, treatment may
 *    continue, relieve symptoms; moderate, IV treatment or oxygen, stop an
 *    infusion; severe, oxygen and medicines for low blood pressure, slower
 *    to respond; life-threatening, mechanical ventilation);
 *  - cultures with fever, monitoring from grade 2, intensive care at
 *    grade 3: ASCO 2021 Table 1 (risk_factors.md B1);
 *  - tocilizumab from grade 2, corticosteroids at grade 3: NCCN CART-6
 *    transcription and ASCO 2021 (risk_factors.md B1, B2);
 *  - anti-cytokine therapy at the first sign for high-risk patients: the
 *    seed ("People at high risk may benefit from taking an anti-cytokine
 *    therapy at the first sign of CRS");
 *  - ICANS 3-4 corticosteroids: NCI algorithm, Lee 2014 (risk_factors.md
 *    B3, "dexamethasone ... for grade 3-4 neurologic toxicity"); the
 *    neurological emergency signs: the seed's emergency list;
 *  - NEWS2: RCP 2017 chart 4 (grading.md §5b); not for children under
 *    16: NICE MIB205, "Equality considerations" (crs-ward-policy.c);
 *    for them the PEWS chart's own escalation (crs_pews_guidance()).
 * No dose is given here: doses are the prescriber's. */
#define G_LOG_DOMAIN "crs-guidance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-grading-private.h"
#include "crs-guidance.h"

char *
crs_guidance_for_crs (int      grade,
                      gboolean high_risk)
{
  switch (grade)
    {
    case 0:
      return g_strdup (_("No sign of CRS in this set. CRS can start mildly and worsen over a few days: "
                         "keep to the observation plan and report any new symptom."));
    case 1:
      if (high_risk)
        return g_strdup (_("Mild CRS (grade 1): not life-threatening, and treatment can often continue. "
                           "Relieve symptoms such as fever and headache, and tell the medical team. "
                           "With fever, the team usually looks for infection (blood and urine cultures, chest X-ray). "
                           "This patient has risk factors for severe CRS: the team may give anti-cytokine "
                           "therapy now, at the first sign, to stop it getting worse."));
      return g_strdup (_("Mild CRS (grade 1): not life-threatening, and treatment can often continue. "
                         "Relieve symptoms such as fever and headache, and tell the medical team. "
                         "With fever, the team usually looks for infection (blood and urine cultures, chest X-ray)."));
    case 2:
      return g_strdup (_("Moderate CRS (grade 2), with signs that organs are under strain. Tell the medical team now. "
                         "The patient usually needs hospital care with IV treatment or oxygen, and a running "
                         "immunotherapy infusion is usually stopped. From this grade, guidelines advise continuous "
                         "heart monitoring and pulse oximetry; the team may give tocilizumab."));
    case 3:
      return g_strdup (_("Severe CRS (grade 3). Call the medical team at once. The patient needs organ support: "
                         "oxygen and medicines for low blood pressure, usually in intensive care, often with "
                         "tocilizumab and a corticosteroid. Grade 3 can take longer to respond to treatment."));
    case 4:
      return g_strdup (_("Life-threatening CRS (grade 4). Call for emergency help now. Breathing support, possibly "
                         "mechanical ventilation, medicines for very low blood pressure and intensive care are "
                         "usually needed."));
    default:
      return g_strdup (_("The CRS grade cannot be worked out from this set. Record the missing findings, "
                         "the temperature first."));
    }
}

char *
crs_guidance_for_icans (int      grade,
                        gboolean by_capd)
{
  switch (grade)
    {
    case 0:
      return g_strdup (by_capd
                       ? _("No sign of neurotoxicity (ICANS) in this set. Repeat the CAPD as planned: "
                           "confusion, seizures or drowsiness can appear suddenly.")
                       : _("No sign of neurotoxicity (ICANS) in this set. Repeat the ICE assessment as planned: "
                           "confusion, trouble with words, seizures or drowsiness can appear suddenly."));
    case 1:
      return g_strdup (_("Mild neurotoxicity (ICANS grade 1). Tell the medical team and repeat the "
                         "neurological assessment often: it can worsen quickly."));
    case 2:
      return g_strdup (_("Moderate neurotoxicity (ICANS grade 2). Tell the medical team now and keep "
                         "assessing closely."));
    case 3:
      return g_strdup (_("Severe neurotoxicity (ICANS grade 3). Call the medical team at once: corticosteroids "
                         "such as dexamethasone are usually given at this grade."));
    case 4:
      return g_strdup (_("Life-threatening neurotoxicity (ICANS grade 4). Call for emergency help now: "
                         "corticosteroids are usually given at this grade."));
    default:
      return g_strdup (by_capd
                       ? _("Neurotoxicity cannot be graded from this set. Record the CAPD score and the "
                           "level of consciousness.")
                       : _("Neurotoxicity cannot be graded from this set. Record the ICE score and the "
                           "level of consciousness."));
    }
}

char *
crs_guidance_for_news2 (CrsNews2Risk risk,
                        int          total)
{
  switch (risk)
    {
    case CRS_NEWS2_RISK_LOW:
      if (total == 0)
        return g_strdup (_("Low risk. Continue routine observations, at least every 12 hours."));
      return g_strdup (_("Low risk. A registered nurse should assess the patient and decide whether to "
                         "observe more often or escalate care. Observe at least every 4 to 6 hours."));
    case CRS_NEWS2_RISK_LOW_MEDIUM:
      return g_strdup (_("Low–medium risk: one parameter scores 3. A registered nurse should inform the "
                         "medical team, who will decide whether care needs escalating. Observe at least every hour."));
    case CRS_NEWS2_RISK_MEDIUM:
      return g_strdup (_("Medium risk: urgent response. Inform the medical team now for an urgent assessment "
                         "by a clinician skilled in acute illness, with care where the patient can be monitored. "
                         "Observe at least every hour."));
    case CRS_NEWS2_RISK_HIGH:
      return g_strdup (_("High risk: emergency response. Inform the medical team now (at least specialist "
                         "registrar) for an emergency assessment by a team with critical-care skills, and consider "
                         "transfer to HDU or ICU. Monitor vital signs continuously."));
    case CRS_NEWS2_RISK_UNKNOWN:
    default:
      return g_strdup (_("NEWS2 needs all seven parameters: record the missing ones to get a score."));
    }
}

const char *
crs_guidance_mimics (void)
{
  return _("Fever and low blood pressure can also come from infection, sepsis or adrenal "
           "insufficiency, which look like CRS. Make sure the medical team has considered them.");
}

const char *
crs_guidance_disclaimer (void)
{
  return _("Information for the nurse, not an order: the medical team decides the treatment.");
}

char *
crs_guidance_news2_not_used (int min_age)
{
  /* TRANSLATORS: %d is the ward's age limit for NEWS2, 16 by default */
  return g_strdup_printf (_("NEWS2 is an adult score and is not used for patients under %d: "
                            "the set is scored with PEWS (NHS England national charts, 2023) "
                            "instead, with the chart's escalation. CRS and ICANS grades and the "
                            "other red flags still apply."),
                          min_age);
}

/* "At least grade 2. <the grade 2 guidance> Record ..." */
static char *
at_least (int   floor,
          char *take_guidance)
{
  g_autofree char *guidance = take_guidance;

  /* TRANSLATORS: %d is a lower bound of a grade, %s the guidance for
   * that grade */
  return g_strdup_printf (_("At least grade %d. %s Record the missing findings: they could make it higher."),
                          floor, guidance);
}

static char *
crs_zero_guidance (CrsGrading              *grading,
                   CrsObservation          *observation,
                   const CrsGradingContext *context)
{
  if (grading->crs_masked)
    {
      CrsIntervention *dose = context->masked_by;

      if (dose != NULL)
        {
          g_autofree char *time = crs_format_time_of_set (dose->at, observation->taken_at);
          g_autofree char *what = crs_intervention_dup_name (dose);
          /* TRANSLATORS: %s is a drug, %s the time it was given */
          return g_strdup_printf (_("No hypotension or hypoxia recorded; fever is masked by %s at %s, so a normal "
                                    "temperature does not rule CRS out. Keep to the observation plan and report "
                                    "any new symptom."), what, time);
        }
      return g_strdup (_("No hypotension or hypoxia recorded; fever is masked by treatment, so a normal "
                         "temperature does not rule CRS out. Keep to the observation plan and report any "
                         "new symptom."));
    }
  if (crs_circulation_grade (grading->crs_circulation) >= 2 || crs_oxygen_grade (grading->crs_oxygen) >= 2)
    return g_strdup (_("No fever, so this set is not CRS by the ASTCT grading, which needs a fever unless "
                       "treatment masks it. Low blood pressure or an oxygen need still has a cause: tell the "
                       "medical team, and record any antipyretic, tocilizumab or corticosteroid given, as it "
                       "masks fever."));
  return crs_guidance_for_crs (0, context->high_risk);
}

static char *
news2_partial_guidance (CrsNews2Risk at_least_band)
{
  g_autofree char *band = crs_guidance_for_news2 (at_least_band, 1);

  /* TRANSLATORS: %s is the guidance of the NEWS2 band the recorded
   * parameters already reach */
  return g_strdup_printf (_("At least this band from the parameters recorded. %s Record the missing "
                            "parameters to get a score."), band);
}

void
crs_guidance_describe (CrsGrading              *grading,
                       CrsObservation          *observation,
                       const CrsGradingContext *context,
                       const CrsWardPolicy     *policy)
{
  switch (crs_grading_crs_certainty (grading))
    {
    case CRS_CERTAINTY_DETERMINED:
      grading->crs_guidance = grading->crs_grade == 0 ? crs_zero_guidance (grading, observation, context)
                                                      : crs_guidance_for_crs (grading->crs_grade, context->high_risk);
      break;
    case CRS_CERTAINTY_AT_LEAST:
      grading->crs_guidance = at_least (grading->crs_grade_min,
                                        crs_guidance_for_crs (grading->crs_grade_min, context->high_risk));
      break;
    case CRS_CERTAINTY_NOT_DETERMINED:
    default:
      grading->crs_guidance = grading->crs_masked
        ? g_strdup (_("The CRS grade cannot be worked out from this set: fever is masked by treatment, so "
                      "record the blood pressure, the oxygen and the temperature."))
        : crs_guidance_for_crs (CRS_MISSING, FALSE);
      break;
    }

  switch (crs_grading_icans_certainty (grading))
    {
    case CRS_CERTAINTY_DETERMINED:
      grading->icans_guidance = crs_guidance_for_icans (grading->icans_grade, grading->icans_by_capd);
      break;
    case CRS_CERTAINTY_AT_LEAST:
      grading->icans_guidance = at_least (grading->icans_grade_min,
                                          crs_guidance_for_icans (grading->icans_grade_min, grading->icans_by_capd));
      break;
    case CRS_CERTAINTY_NOT_DETERMINED:
    default:
      grading->icans_guidance = crs_guidance_for_icans (CRS_MISSING, grading->icans_by_capd);
      break;
    }

  if (grading->pews_words != NULL)
    grading->pews_guidance = crs_pews_guidance (grading->pews_words);

  if (grading->news2_not_applicable)
    grading->news2_guidance = crs_guidance_news2_not_used (policy->news2_min_age);
  else if (crs_is_missing_int (grading->news2_total) && grading->news2_risk_at_least != CRS_NEWS2_RISK_UNKNOWN)
    grading->news2_guidance = news2_partial_guidance (grading->news2_risk_at_least);
  else
    grading->news2_guidance = crs_guidance_for_news2 (grading->news2_risk, grading->news2_total);
}
