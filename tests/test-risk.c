/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-risk.c: risk factors and the monitoring window for worked examples,
 * with the therapies as the built reference database holds them.
 *
 * Expected ranges come from the sources in data/therapies.xml, not from
 * the code under test: tisagenlecleucel onset 1-51 days, median 3 days
 * (KYMRIAH ISI 2018); talquetamab onset 0.1-167 hours from the last dose,
 * median 27 hours (TALVEY label W&P 5.1); ciltacabtagene autoleucel
 * onset median 7 days, IQR 5-8 (Janssen Medical Information 2024);
 * rituximab: no onset range in any retrieved source. */
#define G_LOG_DOMAIN "test-risk"

#include "config.h"

#include <string.h>

#include "core/crs-risk.h"
#include "store/crs-reference.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

/* 2025-06-01 10:00 UTC (TZ=UTC in the test environment). */
#define INFUSION_START ((gint64) 1748772000)

static CrsTherapy *
therapy (const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsReference) reference = crs_reference_open_default (&error);
  CrsTherapy *t;

  g_assert_no_error (error);
  t = crs_reference_lookup (reference, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static CrsPatient *
patient (const char *birth_date)
{
  CrsPatient *p = crs_patient_new ();

  p->birth_date = g_strdup (birth_date);
  return p;
}

static CrsInfusion *
infusion (const char *code,
          const char *name,
          const char *step_label)
{
  CrsInfusion *i = crs_infusion_new ();

  i->therapy_code = g_strdup (code);
  i->therapy_name = g_strdup (name);
  i->step_label = g_strdup (step_label);
  i->start_at = INFUSION_START;
  return i;
}

static const CrsRiskFactor *
factor (CrsRiskProfile    *profile,
        CrsRiskFactorKind  kind)
{
  for (guint i = 0; i < profile->factors->len; i++)
    if (((CrsRiskFactor *) profile->factors->pdata[i])->kind == kind)
      return profile->factors->pdata[i];
  return NULL;
}

/* The factor, which must be there. */
static const CrsRiskFactor *
present (CrsRiskProfile    *profile,
         CrsRiskFactorKind  kind)
{
  const CrsRiskFactor *f = factor (profile, kind);

  if (f == NULL)
    g_error ("risk factor %d missing", kind);
  return f;
}

static gboolean
has_text (GPtrArray  *strings,
          const char *needle)
{
  for (guint i = 0; i < strings->len; i++)
    if (strstr (strings->pdata[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Worked example 1: a 10-year-old on day 2 after tisagenlecleucel. */
static void
test_child_after_tisagenlecleucel (void)
{
  g_autoptr(CrsTherapy) tisa = therapy ("tisagenlecleucel");
  g_autoptr(CrsPatient) child = patient ("2015-03-10");
  g_autoptr(CrsInfusion) inf = infusion ("tisagenlecleucel", "Kymriah", NULL);
  gint64 now = INFUSION_START + 2 * DAY - HOUR;   /* 2025-06-03 09:00 */
  g_autoptr(CrsRiskProfile) profile = crs_risk_profile_new (child, inf, tisa, now);
  g_autoptr(CrsMonitoringWindow) window = crs_monitoring_window_new (inf, tisa, now);
  const CrsRiskFactor *f;

  /* Risk factors: the therapy tier and the child, nothing else. */
  g_assert_cmpuint (profile->factors->len, ==, 2);
  f = present (profile, CRS_RISK_FACTOR_THERAPY_TIER);
  g_assert_cmpstr (f->text, ==, "T-cell-engaging therapy (CAR-T cell therapy): the highest risk group for CRS");
  g_assert_nonnull (strstr (f->source, "T-cell-engaging cancer immunotherapies carry the highest risk of CRS"));
  f = present (profile, CRS_RISK_FACTOR_CHILD);
  g_assert_cmpstr (f->text, ==, "Child (10 years old)");
  g_assert_nonnull (strstr (f->source, "Children may be at higher risk"));
  /* risk_factors.md: no source names paediatric age as an independent factor. */
  g_assert_nonnull (f->caveat);
  g_assert_cmpuint (profile->unknown->len, ==, 0);

  /* Window: day 2, inside the 1-51 day onset range. */
  g_assert_cmpint (window->day, ==, 2);
  g_assert_cmpfloat (window->hours, ==, 47.0);
  g_assert_true (window->therapy_known);
  g_assert_true (window->known);
  g_assert_true (window->in_window);
  g_assert_cmpint (window->position, ==, CRS_WINDOW_IN_ONSET_RANGE);
  g_assert_cmpstr (window->headline, ==, "Day 2 after tisagenlecleucel");
  g_assert_cmpstr (window->detail, ==,
                   "In the source, CRS started 1 to 51 days after the dose (median 3 days). "
                   "Now: inside the range where CRS started in the source.");
  g_assert_cmpstr (window->source->id, ==, "tisagenlecleucel");
  g_assert_nonnull (strstr (window->study, "ELIANA"));
}

/* Worked example 2: an adult after rituximab (linked with CRS, not in the
 * highest tier; no sourced onset range). */
static void
test_adult_after_rituximab (void)
{
  g_autoptr(CrsTherapy) ritux = therapy ("rituximab");
  g_autoptr(CrsPatient) adult = patient ("1960-01-01");
  g_autoptr(CrsInfusion) inf = infusion ("rituximab", "Rituxan", NULL);
  gint64 now = INFUSION_START + 2 * HOUR;
  g_autoptr(CrsRiskProfile) profile = crs_risk_profile_new (adult, inf, ritux, now);
  g_autoptr(CrsMonitoringWindow) window = crs_monitoring_window_new (inf, ritux, now);
  g_autoptr(CrsRiskProfile) with_flags = NULL;
  const CrsRiskFactorKind expected[] = {
    CRS_RISK_FACTOR_DISEASE_BURDEN, CRS_RISK_FACTOR_GENERAL_HEALTH, CRS_RISK_FACTOR_PRIOR_CRS,
  };

  g_assert_cmpuint (profile->factors->len, ==, 0);
  g_assert_cmpuint (profile->unknown->len, ==, 0);

  g_assert_cmpint (window->day, ==, 0);
  g_assert_true (window->therapy_known);
  g_assert_false (window->known);
  g_assert_false (window->in_window);
  g_assert_cmpint (window->position, ==, CRS_WINDOW_UNKNOWN);
  g_assert_cmpstr (window->headline, ==, "Day 0 after rituximab");
  g_assert_nonnull (strstr (window->detail, "no onset range"));
  g_assert_null (window->source);

  /* The patient's own flags, each in words with its source. */
  adult->high_disease_burden = TRUE;
  adult->comorbidities = TRUE;
  adult->prior_crs = TRUE;
  with_flags = crs_risk_profile_new (adult, inf, ritux, now);
  g_assert_cmpuint (with_flags->factors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CrsRiskFactor *f = with_flags->factors->pdata[i];
      g_assert_cmpint (f->kind, ==, expected[i]);
      g_assert_cmpstr (f->text, !=, "");
      g_assert_nonnull (f->source);
    }
  g_assert_nonnull (strstr (present (with_flags, CRS_RISK_FACTOR_DISEASE_BURDEN)->source,
                            "Blood 2017;130(21):2295"));
  g_assert_nonnull (strstr (present (with_flags, CRS_RISK_FACTOR_GENERAL_HEALTH)->source, "general health"));
}

/* Worked example 3: a therapy the reference does not know. */
static void
test_unknown_therapy (void)
{
  g_autoptr(CrsPatient) adult = patient ("1970-05-05");
  g_autoptr(CrsInfusion) inf = infusion ("study-drug-x", "Study drug X", NULL);
  gint64 now = INFUSION_START + DAY;
  g_autoptr(CrsRiskProfile) profile = crs_risk_profile_new (adult, inf, NULL, now);
  g_autoptr(CrsMonitoringWindow) window = crs_monitoring_window_new (inf, NULL, now);

  g_assert_cmpuint (profile->factors->len, ==, 0);
  g_assert_true (has_text (profile->unknown, "No reference data for this therapy: ask the pharmacist"));

  g_assert_false (window->therapy_known);
  g_assert_false (window->known);
  g_assert_false (window->in_window);
  g_assert_cmpint (window->day, ==, 1);
  g_assert_cmpstr (window->headline, ==, "Day 1 after Study drug X");
  g_assert_cmpstr (window->detail, ==, "No reference data for this therapy: ask the pharmacist.");
}

/* Bispecifics: hours from the most recent dose, as their labels count;
 * a step-up dose is a factor. */
static void
test_bispecific_in_hours (void)
{
  g_autoptr(CrsTherapy) talq = therapy ("talquetamab");
  g_autoptr(CrsPatient) adult = patient ("1955-11-30");
  g_autoptr(CrsInfusion) inf = infusion ("talquetamab", NULL, "  step-up dose 1 ");
  g_autoptr(CrsMonitoringWindow) window = crs_monitoring_window_new (inf, talq, INFUSION_START + 30 * HOUR);
  g_autoptr(CrsRiskProfile) profile = crs_risk_profile_new (adult, inf, talq, INFUSION_START + 30 * HOUR);
  const CrsRiskFactor *step;

  g_assert_cmpstr (window->headline, ==, "30 hours after talquetamab");
  g_assert_cmpint (window->day, ==, 1);
  g_assert_true (window->in_window);
  g_assert_cmpint (window->position, ==, CRS_WINDOW_IN_ONSET_RANGE);
  g_assert_cmpstr (window->detail, ==,
                   "In the source, CRS started 0.1 to 167 hours after the dose (median 27 hours). "
                   "Now: inside the range where CRS started in the source.");

  g_assert_cmpuint (profile->factors->len, ==, 2);
  step = present (profile, CRS_RISK_FACTOR_STEP_UP_DOSE);
  g_assert_cmpstr (step->text, ==, "Step-up dosing phase: step-up dose 1");
  g_assert_nonnull (strstr (step->source, "step-up dose 1 (29%)"));
}

typedef struct
{
  const char        *code;
  gint64             offset;      /* seconds after the start of the infusion */
  int                day;
  CrsWindowPosition  position;
  gboolean           in_window;
  const char        *headline;
} WindowCase;

/* Where the window opens and closes, in the unit each source used. */
static const WindowCase window_cases[] = {
  /* tisagenlecleucel: days 1-51 from infusion */
  { "tisagenlecleucel", -HOUR, -1, CRS_WINDOW_NOT_STARTED, FALSE, "Infusion of tisagenlecleucel not started yet" },
  { "tisagenlecleucel", 0, 0, CRS_WINDOW_BEFORE_ONSET, TRUE, "Day 0 after tisagenlecleucel" },
  { "tisagenlecleucel", 13 * HOUR + 59 * 60, 0, CRS_WINDOW_BEFORE_ONSET, TRUE, "Day 0 after tisagenlecleucel" },
  { "tisagenlecleucel", 14 * HOUR, 1, CRS_WINDOW_IN_ONSET_RANGE, TRUE, "Day 1 after tisagenlecleucel" },
  { "tisagenlecleucel", 51 * DAY, 51, CRS_WINDOW_IN_ONSET_RANGE, TRUE, "Day 51 after tisagenlecleucel" },
  { "tisagenlecleucel", 52 * DAY, 52, CRS_WINDOW_PAST_ONSET, FALSE, "Day 52 after tisagenlecleucel" },
  /* talquetamab: 0.1-167 hours from the last dose */
  { "talquetamab", 5 * 60, 0, CRS_WINDOW_BEFORE_ONSET, TRUE, "5 minutes after talquetamab" },
  { "talquetamab", 167 * HOUR, 7, CRS_WINDOW_IN_ONSET_RANGE, TRUE, "167 hours after talquetamab" },
  { "talquetamab", 167 * HOUR + 60, 7, CRS_WINDOW_PAST_ONSET, FALSE, "167 hours after talquetamab" },
  /* tarlatamab: median in hours, range "start of infusion to 15 days" */
  { "tarlatamab", 15 * DAY, 15, CRS_WINDOW_IN_ONSET_RANGE, TRUE, "Day 15 after tarlatamab" },
  { "tarlatamab", 16 * DAY, 16, CRS_WINDOW_PAST_ONSET, FALSE, "Day 16 after tarlatamab" },
  /* ciltacabtagene autoleucel: only an interquartile range, so no window */
  { "ciltacabtagene-autoleucel", 6 * DAY, 6, CRS_WINDOW_UNKNOWN, FALSE, "Day 6 after ciltacabtagene autoleucel" },
};

static void
test_window_edges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_cases); i++)
    {
      const WindowCase *w = &window_cases[i];
      g_autoptr(CrsTherapy) t = therapy (w->code);
      g_autoptr(CrsInfusion) inf = infusion (w->code, NULL, NULL);
      g_autoptr(CrsMonitoringWindow) window = crs_monitoring_window_new (inf, t, INFUSION_START + w->offset);

      g_test_message ("%s at %+" G_GINT64_FORMAT " s", w->code, w->offset);
      g_assert_cmpint (window->day, ==, w->day);
      g_assert_cmpint (window->position, ==, w->position);
      g_assert_cmpint (window->in_window, ==, w->in_window);
      g_assert_cmpstr (window->headline, ==, w->headline);
    }
}

/* The shaded onset span of the timeline is where the window says
 * "inside the range": its first second is inside and the one before is
 * not, its end is past. Tisagenlecleucel from the first midnight (day 1,
 * 14 h after a 10:00 start) to the end of day 51; talquetamab from 0.1 h
 * to 167 h. */
static void
test_onset_span (void)
{
  static const struct { const char *code; gint64 from; gint64 to; } spans[] = {
    { "tisagenlecleucel", 14 * HOUR, 14 * HOUR + 51 * DAY },
    { "talquetamab", 6 * 60, 167 * HOUR + 1 },
    { "tarlatamab", -1, -1 },     /* checked against the window only */
  };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(CrsTherapy) t = therapy (spans[i].code);
      g_autoptr(CrsInfusion) inf = infusion (spans[i].code, NULL, NULL);
      gint64 from, to;

      g_test_message ("%s", spans[i].code);
      g_assert_true (crs_monitoring_onset_span (inf, t, &from, &to));
      if (spans[i].from >= 0)
        {
          g_assert_cmpint (from, ==, spans[i].from);
          g_assert_cmpint (to, ==, spans[i].to);
        }
      {
        g_autoptr(CrsMonitoringWindow) first = crs_monitoring_window_new (inf, t, INFUSION_START + from);
        g_autoptr(CrsMonitoringWindow) last = crs_monitoring_window_new (inf, t, INFUSION_START + to - 1);
        g_autoptr(CrsMonitoringWindow) after = crs_monitoring_window_new (inf, t, INFUSION_START + to);

        g_assert_cmpint (first->position, ==, CRS_WINDOW_IN_ONSET_RANGE);
        g_assert_cmpint (last->position, ==, CRS_WINDOW_IN_ONSET_RANGE);
        g_assert_cmpint (after->position, ==, CRS_WINDOW_PAST_ONSET);
      }
      if (from > 0)
        {
          g_autoptr(CrsMonitoringWindow) before = crs_monitoring_window_new (inf, t, INFUSION_START + from - 1);

          g_assert_cmpint (before->position, ==, CRS_WINDOW_BEFORE_ONSET);
        }
    }

  /* No full range, or no therapy: no span. */
  {
    g_autoptr(CrsTherapy) cilta = therapy ("ciltacabtagene-autoleucel");
    g_autoptr(CrsTherapy) ritux = therapy ("rituximab");
    g_autoptr(CrsInfusion) inf = infusion ("ciltacabtagene-autoleucel", NULL, NULL);
    gint64 from = 1, to = 1;

    g_assert_false (crs_monitoring_onset_span (inf, cilta, &from, &to));
    g_assert_cmpint (from, ==, 0);
    g_assert_cmpint (to, ==, 0);
    g_assert_false (crs_monitoring_onset_span (inf, ritux, &from, &to));
    g_assert_false (crs_monitoring_onset_span (inf, NULL, &from, &to));
  }
}

static void
test_iqr_is_not_a_window (void)
{
  g_autoptr(CrsTherapy) cilta = therapy ("ciltacabtagene-autoleucel");
  g_autoptr(CrsInfusion) inf = infusion ("ciltacabtagene-autoleucel", NULL, NULL);
  g_autoptr(CrsMonitoringWindow) window = crs_monitoring_window_new (inf, cilta, INFUSION_START + 6 * DAY);

  g_assert_true (window->therapy_known);
  g_assert_false (window->known);
  g_assert_cmpstr (window->detail, ==,
                   "In the source, the middle half of CRS onsets were IQR 5 to 8 days after the dose "
                   "(median 7 days); no full range was reported.");
}

static void
test_missing_birth_date (void)
{
  g_autoptr(CrsTherapy) blin = therapy ("blinatumomab");
  g_autoptr(CrsPatient) unknown_age = patient (NULL);
  g_autoptr(CrsRiskProfile) profile = crs_risk_profile_new (unknown_age, NULL, blin, INFUSION_START);

  g_assert_null (factor (profile, CRS_RISK_FACTOR_CHILD));
  g_assert_nonnull (factor (profile, CRS_RISK_FACTOR_THERAPY_TIER));
  g_assert_true (has_text (profile->unknown, "Birth date not recorded"));
}

/* The day after the 18th birthday is no longer a child. */
static void
test_child_age_limit (void)
{
  g_autoptr(CrsPatient) seventeen = patient ("2007-06-02");
  g_autoptr(CrsPatient) eighteen = patient ("2007-06-01");
  g_autoptr(CrsRiskProfile) a = crs_risk_profile_new (seventeen, NULL, NULL, INFUSION_START);
  g_autoptr(CrsRiskProfile) b = crs_risk_profile_new (eighteen, NULL, NULL, INFUSION_START);

  g_assert_cmpstr (present (a, CRS_RISK_FACTOR_CHILD)->text, ==, "Child (17 years old)");
  g_assert_null (factor (b, CRS_RISK_FACTOR_CHILD));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/risk/child-after-tisagenlecleucel", test_child_after_tisagenlecleucel);
  g_test_add_func ("/risk/adult-after-rituximab", test_adult_after_rituximab);
  g_test_add_func ("/risk/unknown-therapy", test_unknown_therapy);
  g_test_add_func ("/risk/bispecific-in-hours", test_bispecific_in_hours);
  g_test_add_func ("/risk/window-edges", test_window_edges);
  g_test_add_func ("/risk/onset-span", test_onset_span);
  g_test_add_func ("/risk/iqr-is-not-a-window", test_iqr_is_not_a_window);
  g_test_add_func ("/risk/missing-birth-date", test_missing_birth_date);
  g_test_add_func ("/risk/child-age-limit", test_child_age_limit);

  return g_test_run ();
}
