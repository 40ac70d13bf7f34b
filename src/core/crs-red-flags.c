/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-red-flags.c: findings that call for escalation now.
 *
 * Sources: the seed article's list "seek emergency care for"
 * (shared/seed/000_f8b6ddb3c8adf4e1.txt; the emergency group of
 * crs-symptom.c), CRS or ICANS grade 3 or more (ASTCT severe), NEWS2 7 or
 * more (RCP 2017 chart 4: emergency response threshold), C, V, P or U on
 * ACVPU (chart 1 scores it 3), and the project's rules on partial sets
 * (shared/clinical/grading.md §6):
 *  - a grade proven to be at least 3 (a seizure with no ICE recorded)
 *    raises its flag, and so does a partial NEWS2 whose recorded
 *    parameters already add up to 7;
 *  - consciousness C, V, P or U raises it on every set where it is
 *    recorded, not only when it is new;
 *  - "escalation without a grade": when CRS cannot be graded because the
 *    temperature is missing (and fever is not masked), a vasopressor,
 *    vasopressin or oxygen by high-flow cannula, face mask,
 *    non-rebreather, Venturi mask, CPAP, BiPAP or ventilator would make
 *    it grade 3 or 4 as soon as fever is known: the finding raises it.
 *    (grading.md names the devices of ASTCT grades 3 and 4; the Venturi
 *    mask is one of them.)
 * Neither NEWS2 flag is raised for a patient NEWS2 is not used for (below
 * the ward's news2_min_age); the other flags are, and PEWS stands in for
 * NEWS2: its levels high ("Call for 'Rapid Review'") and emergency
 * ("Immediate 2222 call") raise the PEWS flag, from the total, from what a
 * partial set already reaches (9), or from a trigger (NHS England PEWS
 * charts, 2023; crs-grade-pews.c). The seed's mimics
 * (infection, sepsis, adrenal insufficiency) are a reminder whenever
 * there is fever or hypotension, not a red flag of their own. */
#define G_LOG_DOMAIN "crs-red-flags"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crs-grading-private.h"
#include "crs-symptom.h"

#define RED_FLAG_GRADE_MIN 3
#define RED_FLAG_NEWS2_MIN 7

void
crs_red_flag_free (CrsRedFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->text);
  g_free (flag);
}

/* The grade or its lower bound, whichever the findings prove. */
static int
proven (int grade,
        int grade_min)
{
  return crs_is_missing_int (grade) ? grade_min : grade;
}

static gboolean
crs_finding_flag (CrsGrading *grading)
{
  if (grading->crs_masked || grading->crs_fever != CRS_FEVER_NOT_RECORDED)
    return FALSE;
  return MAX (crs_circulation_grade (grading->crs_circulation),
              crs_oxygen_grade (grading->crs_oxygen)) >= RED_FLAG_GRADE_MIN;
}

void
crs_red_flags_compute (CrsGrading     *grading,
                       CrsObservation *observation)
{
  guint kinds = 0;

  if (observation->symptoms & crs_symptom_emergency_mask ())
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_SYMPTOM);
  if (proven (grading->crs_grade, grading->crs_grade_min) >= RED_FLAG_GRADE_MIN)
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_GRADE);
  if (proven (grading->icans_grade, grading->icans_grade_min) >= RED_FLAG_GRADE_MIN)
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_ICANS_GRADE);
  if (!grading->news2_not_applicable &&
      ((!crs_is_missing_int (grading->news2_total) && grading->news2_total >= RED_FLAG_NEWS2_MIN) ||
       (crs_is_missing_int (grading->news2_total) && grading->news2_partial_sum >= RED_FLAG_NEWS2_MIN)))
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_NEWS2);
  if (observation->acvpu > CRS_ACVPU_ALERT && observation->acvpu < CRS_ACVPU_N_VALUES)
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_CONSCIOUSNESS);
  if (crs_finding_flag (grading))
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_FINDING);
  if (grading->pews_applies && grading->pews.red_flag)
    kinds |= CRS_RED_FLAG_BIT (CRS_RED_FLAG_PEWS);

  grading->red_flag_kinds = kinds;
  /* The seed: CRS symptoms can mimic infection, sepsis and adrenal
   * insufficiency. */
  grading->mimic_reminder = grading->fever || grading->hypotension;
}

static void
add_flag (CrsGrading     *grading,
          CrsRedFlagKind  kind,
          char           *take_text)
{
  CrsRedFlag *flag = g_new0 (CrsRedFlag, 1);

  flag->kind = kind;
  flag->text = take_text;
  g_ptr_array_add (grading->red_flags, flag);
}

static char *
grade_flag_text (const char *scale,
                 int         grade,
                 int         grade_min)
{
  if (!crs_is_missing_int (grade))
    /* TRANSLATORS: e.g. "CRS grade 3" or "ICANS grade 4" */
    return g_strdup_printf (_("%s grade %d"), scale, grade);
  /* TRANSLATORS: e.g. "ICANS grade 3 or more" */
  return g_strdup_printf (_("%s grade %d or more"), scale, grade_min);
}

static char *
finding_flag_text (CrsGrading *grading)
{
  if (crs_circulation_grade (grading->crs_circulation) >= RED_FLAG_GRADE_MIN)
    return g_strdup (_("Vasopressor support while CRS cannot be graded (temperature not recorded)"));
  return g_strdup (_("Oxygen support of CRS grade 3 or more while CRS cannot be graded "
                     "(temperature not recorded)"));
}

void
crs_red_flags_describe (CrsGrading     *grading,
                        CrsObservation *observation)
{
  guint kinds = grading->red_flag_kinds;
  guint64 emergency = observation->symptoms & crs_symptom_emergency_mask ();

  for (guint s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    if (emergency & CRS_SYMPTOM_BIT (s))
      add_flag (grading, CRS_RED_FLAG_SYMPTOM, g_strdup (crs_symptom_label ((CrsSymptom) s)));
  if (kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_GRADE))
    add_flag (grading, CRS_RED_FLAG_CRS_GRADE,
              grade_flag_text ("CRS", grading->crs_grade, grading->crs_grade_min));
  if (kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CRS_FINDING))
    add_flag (grading, CRS_RED_FLAG_CRS_FINDING, finding_flag_text (grading));
  if (kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_ICANS_GRADE))
    add_flag (grading, CRS_RED_FLAG_ICANS_GRADE,
              grade_flag_text ("ICANS", grading->icans_grade, grading->icans_grade_min));
  if (kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_NEWS2))
    {
      if (!crs_is_missing_int (grading->news2_total))
        add_flag (grading, CRS_RED_FLAG_NEWS2,
                  g_strdup_printf (_("NEWS2 %d (%s)"), grading->news2_total,
                                   crs_news2_risk_label (grading->news2_risk)));
      else
        add_flag (grading, CRS_RED_FLAG_NEWS2,
                  g_strdup_printf (_("NEWS2 at least %d from the parameters recorded"),
                                   grading->news2_partial_sum));
    }
  if ((kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_PEWS)) && grading->pews_words != NULL)
    add_flag (grading, CRS_RED_FLAG_PEWS, crs_pews_flag_text (grading->pews_words));
  if (kinds & CRS_RED_FLAG_BIT (CRS_RED_FLAG_CONSCIOUSNESS))
    {
      g_autofree char *label = g_utf8_strdown (crs_acvpu_label (observation->acvpu), -1);
      /* TRANSLATORS: e.g. "Consciousness: responds to voice" */
      add_flag (grading, CRS_RED_FLAG_CONSCIOUSNESS, g_strdup_printf (_("Consciousness: %s"), label));
    }
}
