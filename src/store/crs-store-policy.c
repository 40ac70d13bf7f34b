/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-policy.c: the ward policy (crs-ward-policy.h) kept as ward
 * settings, keys "policy.*".
 *
 * Values are stored as locale-independent text ("90", "6.5"), so the file
 * reads the same everywhere. A missing key means the documented default.
 * Changing the policy changes how new sets are graded and when sets are
 * due; it never rewrites a grade stored with an earlier set. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-store-private.h"

#define KEY_HYPOTENSION     "policy.hypotension_systolic_below"
#define KEY_CAPD_AGE        "policy.capd_below_age"
#define KEY_LOW_FLOW        "policy.low_flow_max_l_min"
#define KEY_WINDOW_INTERVAL "policy.window_interval_minutes"
#define KEY_NEWS2_AGE       "policy.news2_min_age"
#define KEY_GRADE1_INTERVAL "policy.grade1_interval_minutes"
#define KEY_CONTINUOUS_GAP  "policy.continuous_max_gap_minutes"
#define KEY_CHILD_BP        "policy.child_hypotension"

/* The children's hypotension rule as text: "by-age" (AHA PALS) or
 * "adult" (the adult threshold for everyone). */
#define CHILD_BP_BY_AGE "by-age"
#define CHILD_BP_ADULT  "adult"

/* Reads an integer setting; FALSE (and *value untouched) when it is
 * unreadable or outside [min, max]. A missing key is TRUE, untouched. */
static gboolean
load_int (CrsStore   *self,
          const char *key,
          int         min,
          int         max,
          int        *value)
{
  g_autofree char *text = crs_store_get_setting (self, key);
  gint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    {
      g_debug ("Ward setting %s is not a whole number from %d to %d; using the default", key,
               min, max);
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

static gboolean
load_double (CrsStore   *self,
             const char *key,
             double      min,
             double      max,
             double     *value)
{
  g_autofree char *text = crs_store_get_setting (self, key);
  char *end = NULL;
  double number;

  if (text == NULL)
    return TRUE;
  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number) || number < min || number > max)
    {
      g_debug ("Ward setting %s is not a number from %g to %g; using the default", key, min, max);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

gboolean
crs_store_load_policy (CrsStore      *self,
                       CrsWardPolicy *policy)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  crs_ward_policy_init (policy);
  ok &= load_int (self, KEY_HYPOTENSION, CRS_WARD_POLICY_HYPOTENSION_MIN,
                  CRS_WARD_POLICY_HYPOTENSION_MAX, &policy->hypotension_systolic_below);
  ok &= load_int (self, KEY_CAPD_AGE, CRS_WARD_POLICY_CAPD_AGE_MIN,
                  CRS_WARD_POLICY_CAPD_AGE_MAX, &policy->capd_below_age);
  ok &= load_double (self, KEY_LOW_FLOW, CRS_WARD_POLICY_LOW_FLOW_MIN,
                     CRS_WARD_POLICY_LOW_FLOW_MAX, &policy->low_flow_max_l_min);
  ok &= load_int (self, KEY_WINDOW_INTERVAL, CRS_WARD_POLICY_WINDOW_INTERVAL_MIN,
                  CRS_WARD_POLICY_WINDOW_INTERVAL_MAX, &policy->window_interval_minutes);
  ok &= load_int (self, KEY_NEWS2_AGE, CRS_WARD_POLICY_NEWS2_AGE_MIN,
                  CRS_WARD_POLICY_NEWS2_AGE_MAX, &policy->news2_min_age);
  ok &= load_int (self, KEY_GRADE1_INTERVAL, CRS_WARD_POLICY_GRADE1_INTERVAL_MIN,
                  CRS_WARD_POLICY_GRADE1_INTERVAL_MAX, &policy->grade1_interval_minutes);
  ok &= load_int (self, KEY_CONTINUOUS_GAP, CRS_WARD_POLICY_CONTINUOUS_GAP_MIN,
                  CRS_WARD_POLICY_CONTINUOUS_GAP_MAX, &policy->continuous_max_gap_minutes);
  {
    g_autofree char *child = crs_store_get_setting (self, KEY_CHILD_BP);

    if (g_strcmp0 (child, CHILD_BP_ADULT) == 0)
      policy->child_hypotension_by_age = FALSE;
    else if (child != NULL && !g_str_equal (child, CHILD_BP_BY_AGE))
      {
        g_debug ("Ward setting %s is neither %s nor %s; using the default", KEY_CHILD_BP,
                 CHILD_BP_BY_AGE, CHILD_BP_ADULT);
        ok = FALSE;
      }
  }
  return ok;
}

/* Sets @error and returns FALSE when @policy has a value outside the
 * bounds in crs-ward-policy.h. Each message is whole, for translators. */
static gboolean
check_policy (const CrsWardPolicy  *policy,
              GError              **error)
{
  if (policy->hypotension_systolic_below < CRS_WARD_POLICY_HYPOTENSION_MIN ||
      policy->hypotension_systolic_below > CRS_WARD_POLICY_HYPOTENSION_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The hypotension threshold must be from %d to %d mmHg; %d was not saved."),
                 CRS_WARD_POLICY_HYPOTENSION_MIN, CRS_WARD_POLICY_HYPOTENSION_MAX,
                 policy->hypotension_systolic_below);
  else if (policy->capd_below_age < CRS_WARD_POLICY_CAPD_AGE_MIN ||
           policy->capd_below_age > CRS_WARD_POLICY_CAPD_AGE_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The age below which CAPD is used must be from %d to %d years; %d was not "
                   "saved."),
                 CRS_WARD_POLICY_CAPD_AGE_MIN, CRS_WARD_POLICY_CAPD_AGE_MAX,
                 policy->capd_below_age);
  else if (!isfinite (policy->low_flow_max_l_min) ||
           policy->low_flow_max_l_min < CRS_WARD_POLICY_LOW_FLOW_MIN ||
           policy->low_flow_max_l_min > CRS_WARD_POLICY_LOW_FLOW_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The low-flow oxygen limit must be from %g to %g L/min; %g was not saved."),
                 CRS_WARD_POLICY_LOW_FLOW_MIN, CRS_WARD_POLICY_LOW_FLOW_MAX,
                 policy->low_flow_max_l_min);
  else if (policy->window_interval_minutes < CRS_WARD_POLICY_WINDOW_INTERVAL_MIN ||
           policy->window_interval_minutes > CRS_WARD_POLICY_WINDOW_INTERVAL_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The observation interval in the monitoring window must be from %d to %d "
                   "minutes; %d was not saved."),
                 CRS_WARD_POLICY_WINDOW_INTERVAL_MIN, CRS_WARD_POLICY_WINDOW_INTERVAL_MAX,
                 policy->window_interval_minutes);
  else if (policy->news2_min_age < CRS_WARD_POLICY_NEWS2_AGE_MIN ||
           policy->news2_min_age > CRS_WARD_POLICY_NEWS2_AGE_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The age from which NEWS2 is used must be from %d to %d years; %d was not "
                   "saved."),
                 CRS_WARD_POLICY_NEWS2_AGE_MIN, CRS_WARD_POLICY_NEWS2_AGE_MAX,
                 policy->news2_min_age);
  else if (policy->grade1_interval_minutes < CRS_WARD_POLICY_GRADE1_INTERVAL_MIN ||
           policy->grade1_interval_minutes > CRS_WARD_POLICY_GRADE1_INTERVAL_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The observation interval at grade 1 must be from %d to %d minutes; %d was not "
                   "saved."),
                 CRS_WARD_POLICY_GRADE1_INTERVAL_MIN, CRS_WARD_POLICY_GRADE1_INTERVAL_MAX,
                 policy->grade1_interval_minutes);
  else if (policy->continuous_max_gap_minutes < CRS_WARD_POLICY_CONTINUOUS_GAP_MIN ||
           policy->continuous_max_gap_minutes > CRS_WARD_POLICY_CONTINUOUS_GAP_MAX)
    g_set_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID,
                 _("The longest gap between sets under continuous monitoring must be from %d to %d "
                   "minutes; %d was not saved."),
                 CRS_WARD_POLICY_CONTINUOUS_GAP_MIN, CRS_WARD_POLICY_CONTINUOUS_GAP_MAX,
                 policy->continuous_max_gap_minutes);
  else
    return TRUE;
  return FALSE;
}

gboolean
crs_store_save_policy (CrsStore             *self,
                       const CrsWardPolicy  *policy,
                       GError              **error)
{
  char flow[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *hypotension = NULL;
  g_autofree char *capd_age = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *news2_age = NULL;
  g_autofree char *grade1 = NULL;
  g_autofree char *gap = NULL;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  /* Everything is checked before anything is written: a policy is saved
   * whole or not at all. */
  if (!check_policy (policy, error))
    return FALSE;

  hypotension = g_strdup_printf ("%d", policy->hypotension_systolic_below);
  capd_age = g_strdup_printf ("%d", policy->capd_below_age);
  interval = g_strdup_printf ("%d", policy->window_interval_minutes);
  news2_age = g_strdup_printf ("%d", policy->news2_min_age);
  grade1 = g_strdup_printf ("%d", policy->grade1_interval_minutes);
  gap = g_strdup_printf ("%d", policy->continuous_max_gap_minutes);
  g_ascii_dtostr (flow, sizeof flow, policy->low_flow_max_l_min);

  /* One transaction; each changed key gets its own audit row, an
   * unchanged one none. */
  if (!crs_store_begin_batch (self, error))
    return FALSE;
  if (!crs_store_set_setting (self, KEY_HYPOTENSION, hypotension, error) ||
      !crs_store_set_setting (self, KEY_CAPD_AGE, capd_age, error) ||
      !crs_store_set_setting (self, KEY_LOW_FLOW, flow, error) ||
      !crs_store_set_setting (self, KEY_WINDOW_INTERVAL, interval, error) ||
      !crs_store_set_setting (self, KEY_NEWS2_AGE, news2_age, error) ||
      !crs_store_set_setting (self, KEY_GRADE1_INTERVAL, grade1, error) ||
      !crs_store_set_setting (self, KEY_CONTINUOUS_GAP, gap, error) ||
      !crs_store_set_setting (self, KEY_CHILD_BP,
                              policy->child_hypotension_by_age ? CHILD_BP_BY_AGE : CHILD_BP_ADULT, error))
    {
      crs_store_rollback_batch (self);
      return FALSE;
    }
  return crs_store_commit_batch (self, error);
}
