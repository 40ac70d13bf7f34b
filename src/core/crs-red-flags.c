/* crs-red-flags.c: findings that call for escalation now.
 *
 * Sources: the seed article's list "seek emergency care for"
 * (shared/seed/000_f8b6ddb3c8adf4e1.txt; the emergency group of
 * crs-symptom.c), CRS or ICANS grade 3 or more (ASTCT severe), NEWS2 7 or
 * more (RCP 2017 chart 4: emergency response threshold), and a new C, V,
 * P or U on ACVPU (chart 1 scores it 3). The seed's mimics (infection,
 * sepsis, adrenal insufficiency) are a reminder whenever there is fever
 * or hypotension, not a red flag of their own.
 *
 * "New" consciousness: C, V, P or U when the previous set was alert, had
 * no ACVPU, or was less severe (A < C < V < P < U); a patient who stays at
 * V, or improves from P to V, does not raise it again. With no earlier set
 * (the CSV, a first set) it is new.
 *
 * A grade that is undetermined but already proven to be at least 3 (a
 * seizure with no ICE score recorded) raises its flag too, and so does a
 * partial NEWS2 whose recorded parameters already add up to 7. Neither
 * NEWS2 flag is raised for a patient NEWS2 is not used for (below the
 * ward's news2_min_age, crs-grade-news2.c); the other flags are. */
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

static void
add_grade_flag (CrsGrading     *grading,
                CrsRedFlagKind  kind,
                const char     *scale,
                int             grade,
                int             grade_min)
{
  if (!crs_is_missing_int (grade) && grade >= RED_FLAG_GRADE_MIN)
    /* TRANSLATORS: e.g. "CRS grade 3" or "ICANS grade 4" */
    add_flag (grading, kind, g_strdup_printf (_("%s grade %d"), scale, grade));
  else if (crs_is_missing_int (grade) && grade_min >= RED_FLAG_GRADE_MIN)
    /* TRANSLATORS: e.g. "ICANS grade 3 or more" */
    add_flag (grading, kind, g_strdup_printf (_("%s grade %d or more"), scale, grade_min));
}

void
crs_red_flags_fill (CrsGrading              *grading,
                    CrsObservation          *observation,
                    const CrsGradingContext *context)
{
  guint64 emergency = observation->symptoms & crs_symptom_emergency_mask ();
  CrsAcvpu now = observation->acvpu;
  CrsAcvpu before = context->previous_acvpu;

  for (guint s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    if (emergency & CRS_SYMPTOM_BIT (s))
      add_flag (grading, CRS_RED_FLAG_SYMPTOM, g_strdup (crs_symptom_label ((CrsSymptom) s)));

  add_grade_flag (grading, CRS_RED_FLAG_CRS_GRADE, "CRS", grading->crs_grade, grading->crs_grade_min);
  add_grade_flag (grading, CRS_RED_FLAG_ICANS_GRADE, "ICANS", grading->icans_grade, grading->icans_grade_min);

  if (grading->news2_not_applicable)
    ;   /* no NEWS2 for this age: no NEWS2 flag */
  else if (!crs_is_missing_int (grading->news2_total) && grading->news2_total >= RED_FLAG_NEWS2_MIN)
    add_flag (grading, CRS_RED_FLAG_NEWS2,
              g_strdup_printf (_("NEWS2 %d (%s)"), grading->news2_total,
                               crs_news2_risk_label (grading->news2_risk)));
  else if (crs_is_missing_int (grading->news2_total) && grading->news2_partial_sum >= RED_FLAG_NEWS2_MIN)
    add_flag (grading, CRS_RED_FLAG_NEWS2,
              g_strdup_printf (_("NEWS2 at least %d from the parameters recorded"),
                               grading->news2_partial_sum));

  if (now > CRS_ACVPU_ALERT && now < CRS_ACVPU_N_VALUES &&
      (before == CRS_ACVPU_UNSET || before < now))
    {
      g_autofree char *label = g_utf8_strdown (crs_acvpu_label (now), -1);
      add_flag (grading, CRS_RED_FLAG_CONSCIOUSNESS,
                g_strdup_printf (_("Change in consciousness: %s"), label));
    }

  /* The seed: CRS symptoms can mimic infection, sepsis and adrenal
   * insufficiency. */
  grading->mimic_reminder = grading->fever || grading->hypotension;
}
