/* crs-ward-policy.h: the ward's choices where the sources leave a choice.
 * Each value is a named setting with a documented default. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* Systolic pressure below this is hypotension for CRS grading. ASTCT gives
   * no number; PMC8021214 Table 1 labels the row "SBP < 90 mm Hg".
   * Default 90 mmHg. */
  int    hypotension_systolic_below;
  /* Children younger than this (years) are assessed with CAPD, older with
   * ICE. ASCO 2021, NCI PDQ and MDedge say < 12; NCIt says "12 and under".
   * Default 12. */
  int    capd_below_age;
  /* Nasal cannula oxygen up to this flow is low flow (ASTCT: <= 6 L/min;
   * the Lunsumio label says < 6). Default 6.0 L/min. */
  double low_flow_max_l_min;
  /* Longest gap between observation sets inside a therapy's monitoring
   * window, in minutes: the stricter of this and the NEWS2 frequency
   * applies. Default 240 (the 4-hourly end of NEWS2's "low" band). For
   * a patient NEWS2 is not used for (news2_min_age) this interval
   * applies at all times. */
  int    window_interval_minutes;
  /* Added with the paediatric rule: NEWS2 is scored only for patients
   * this old or older (years); younger ones get no NEWS2 total, risk
   * band or NEWS2 red flag. NICE MIB205 ("Equality considerations"):
   * "The National Early Warning Score does not apply to children under
   * 16 or pregnant women." Default 16; 0 = score everyone. Unknown age
   * is scored as an adult. */
  int    news2_min_age;
} CrsWardPolicy;

void crs_ward_policy_init (CrsWardPolicy *policy);

/* The values a ward may choose: bounds of plausibility that catch a slip
 * of the finger in Preferences or a damaged setting, not clinical advice
 * (added with the nurse workflow; the reasons are in crs-ward-policy.c).
 * crs_store_save_policy() refuses a value outside them. */
#define CRS_WARD_POLICY_HYPOTENSION_MIN      70
#define CRS_WARD_POLICY_HYPOTENSION_MAX      110
#define CRS_WARD_POLICY_CAPD_AGE_MIN         1
#define CRS_WARD_POLICY_CAPD_AGE_MAX         21
#define CRS_WARD_POLICY_LOW_FLOW_MIN         1.0
#define CRS_WARD_POLICY_LOW_FLOW_MAX         15.0
#define CRS_WARD_POLICY_WINDOW_INTERVAL_MIN  15
#define CRS_WARD_POLICY_WINDOW_INTERVAL_MAX  720
#define CRS_WARD_POLICY_NEWS2_AGE_MIN        0
#define CRS_WARD_POLICY_NEWS2_AGE_MAX        21

G_END_DECLS
