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
 *    16: NICE MIB205, "Equality considerations" (crs-ward-policy.c).
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
  return g_strdup_printf (_("NEWS2 is an adult score and is not used for patients under %d. "
                            "Record the vital signs here as usual and score them on the ward's "
                            "paediatric early warning chart, following its escalation rules. "
                            "CRS and ICANS grades and the other red flags still apply, and the next "
                            "set is due by the ward's observation interval."),
                          min_age);
}

void
crs_guidance_fill (CrsGrading              *grading,
                   const CrsGradingContext *context,
                   const CrsWardPolicy     *policy)
{
  grading->crs_guidance = crs_guidance_for_crs (grading->crs_grade, context->high_risk);
  grading->icans_guidance = crs_guidance_for_icans (grading->icans_grade, grading->icans_by_capd);
  grading->news2_guidance = grading->news2_not_applicable
                            ? crs_guidance_news2_not_used (policy->news2_min_age)
                            : crs_guidance_for_news2 (grading->news2_risk, grading->news2_total);
}
