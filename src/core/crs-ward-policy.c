/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-policy.c: the ward's documented defaults where the sources
 * leave a choice or disagree.
 *
 * Every default below is copied from the project's research notes
 * (shared/clinical/grading.md, which names the original source of each
 * row); the disagreement between sources is written beside it, so a ward
 * administrator who changes a setting in Preferences knows what the other
 * sources say. */
#define G_LOG_DOMAIN "crs-ward-policy"

#include "config.h"

#include "crs-ward-policy.h"

/* Hypotension for ASTCT CRS grading. ASTCT 2019 (Lee et al.) gives no
 * number for hypotension; the adaptation in PMC8021214 Table 1 labels the
 * row "Hypotension (SBP < 90 mm Hg)". That is the adapting authors' wording,
 * not ASTCT's, hence a ward setting. Default: systolic below 90 mmHg. The
 * nurse can also tick "hypotensive" directly, which overrides the number. */
#define CRS_POLICY_HYPOTENSION_SYSTOLIC_BELOW 90

/* ICANS tool by age. ASCO 2021 (Table 2 footnote), NCI PDQ "Pediatric CAR
 * T-Cell Therapy", MDedge and the CancerCalc calculator: CAPD for children
 * younger than 12, ICE at 12 and over. NCIt C188936 says CAPD for "12 and
 * under", so the sources disagree on a child of exactly 12; Lee 2019
 * Table 7 itself was not readable. Default: CAPD below 12, ICE from 12.
 * A patient above the cut-off with baseline developmental delay can be set
 * to CAPD per patient (CrsPatient.use_capd). */
#define CRS_POLICY_CAPD_BELOW_AGE 12

/* Low-flow oxygen for ASTCT CRS hypoxia. ASTCT (PMC8021214 Table 1
 * footnote, PMC9327779 Table 2, NCI PDQ reprint): low-flow nasal cannula
 * is <= 6 L/min, high flow > 6 L/min. The Lunsumio HCP page says low flow
 * is < 6 L/min and high flow >= 6, which differs at exactly 6 L/min; a
 * ward following that label can lower this limit (e.g. to 5.5 L/min with
 * half-litre flow meters). Default: up to and including 6.0 L/min. */
#define CRS_POLICY_LOW_FLOW_MAX_L_MIN 6.0

/* Longest gap between observation sets while a patient is inside a
 * therapy's monitoring window. No source gives one number for every
 * therapy; the default is the 4-hourly end of the NEWS2 "low" band (RCP
 * 2017, chart 4: total 1-4, "minimum 4-6-hourly"), so a patient in the
 * window is never observed less often than a patient scoring 1 on NEWS2.
 * The stricter of this and the NEWS2 frequency applies (crs-trend.c);
 * for a patient too young for NEWS2 it applies in or out of the window,
 * beside the PEWS level's (crs-due.h). */
#define CRS_POLICY_WINDOW_INTERVAL_MINUTES 240

/* The age from which NEWS2 is used. NEWS2 (RCP 2017) is an adult score:
 * NICE Medtech innovation briefing MIB205, "Equality considerations"
 * (nice.org.uk/advice/mib205/chapter/Equality-considerations): "The
 * National Early Warning Score does not apply to children under 16 or
 * pregnant women", adding that comparable scores for children are being
 * developed with the RCPCH: a child's vital signs are read on a
 * paediatric early warning chart, not on the adult thresholds. Below
 * this age CRS Watch scores PEWS on the NHS England national charts
 * (crs-grade-pews.h; grading.md §7: "PEWS below 16 years, NEWS2 from
 * 16").
 * Default: NEWS2 from 16 years; 0 scores everyone. A patient with no
 * birth date is scored as an adult, as for ICE/CAPD. The pregnancy
 * exclusion is not modelled (the record has no pregnancy field). */
#define CRS_POLICY_NEWS2_MIN_AGE 16

/* Observation frequency by grade (grading.md §6: "ward policy, not a
 * guideline: defaults the ward must review"): CRS or ICANS grade 1 at most
 * 4-hourly; grade 2 or more, or NEWS2 7 or more, continuous monitoring
 * with at most 1 hour between recorded sets. ASCO 2021 (as the grade 2
 * guidance cites) advises continuous cardiac telemetry and pulse oximetry
 * from CRS grade 2. */
#define CRS_POLICY_GRADE1_INTERVAL_MINUTES 240
#define CRS_POLICY_CONTINUOUS_MAX_GAP_MINUTES 60

/* Children's hypotension (grading.md §6, AHA Pediatric Advanced Life
 * Support definition of hypotension by systolic pressure): infants 1-12
 * months < 70 mmHg; children 1-10 years < 70 + (2 x age in years); 10
 * years and older < 90. Term neonates (< 60 mmHg) are read as infants:
 * the record knows the age in years only, and 70 is the stricter limit.
 * Used for patients younger than the ward's NEWS2 age (the age the ward
 * treats as adult); a ward can turn it off and use its adult threshold
 * for everyone. */
#define PALS_INFANT_BELOW        70
#define PALS_CHILD_BASE          70
#define PALS_CHILD_PER_YEAR       2
#define PALS_OLDER_BELOW         90
#define PALS_OLDER_FROM_AGE      10

/* The bounds in crs-ward-policy.h. None is a clinical threshold: each
 * keeps a setting near what the sources discuss, so that "9" typed for
 * "90" is refused rather than silently grading nobody as hypotensive.
 *  - Hypotension 70-110 mmHg: the sources' 90 mmHg, and NEWS2's own
 *    systolic bands (RCP 2017 chart 1: <= 90, 91-100, 101-110) fit inside.
 *  - CAPD age 1-21 years: ASCO 2021 (Table 2 footnote) reports CAPD
 *    validated up to age 21; no ward would use CAPD for nobody at all.
 *  - Low flow 1-15 L/min: around the 6 L/min of ASTCT and the Lunsumio
 *    label, within what a nasal cannula flow meter shows.
 *  - Window interval 15-720 minutes: from the 15-minute sets the design
 *    plans for (shared/design/ARCHITECTURE.md, "Scale") to NEWS2's least
 *    frequent monitoring, 12-hourly (RCP 2017 chart 4).
 *  - Grade 1 interval 15-720 minutes: as the window interval.
 *  - Continuous monitoring gap 5-240 minutes: from a set every few
 *    minutes to the 4-hourly end of NEWS2's "low" band; longer would no
 *    longer be "continuous" in any sense.
 *  - NEWS2 age 0-21 years: 0 scores everyone; 21 is the oldest age a
 *    paediatric tool is used at in the sources above (CAPD, ASCO 2021),
 *    so an adult is never left without NEWS2 by a slip of the finger. */

void
crs_ward_policy_init (CrsWardPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  policy->hypotension_systolic_below = CRS_POLICY_HYPOTENSION_SYSTOLIC_BELOW;
  policy->capd_below_age = CRS_POLICY_CAPD_BELOW_AGE;
  policy->low_flow_max_l_min = CRS_POLICY_LOW_FLOW_MAX_L_MIN;
  policy->window_interval_minutes = CRS_POLICY_WINDOW_INTERVAL_MINUTES;
  policy->news2_min_age = CRS_POLICY_NEWS2_MIN_AGE;
  policy->grade1_interval_minutes = CRS_POLICY_GRADE1_INTERVAL_MINUTES;
  policy->continuous_max_gap_minutes = CRS_POLICY_CONTINUOUS_MAX_GAP_MINUTES;
  policy->child_hypotension_by_age = TRUE;
  policy->temperature_unit = CRS_TEMPERATURE_CELSIUS;
}

int
crs_ward_policy_hypotension_below (const CrsWardPolicy *policy,
                                   int                  age_years,
                                   gboolean            *by_age)
{
  CrsWardPolicy defaults;

  if (policy == NULL)
    {
      crs_ward_policy_init (&defaults);
      policy = &defaults;
    }
  if (by_age != NULL)
    *by_age = FALSE;
  if (!policy->child_hypotension_by_age || age_years < 0 || age_years >= policy->news2_min_age)
    return policy->hypotension_systolic_below;

  if (by_age != NULL)
    *by_age = TRUE;
  if (age_years < 1)
    return PALS_INFANT_BELOW;
  if (age_years < PALS_OLDER_FROM_AGE)
    return PALS_CHILD_BASE + PALS_CHILD_PER_YEAR * age_years;
  return PALS_OLDER_BELOW;
}
