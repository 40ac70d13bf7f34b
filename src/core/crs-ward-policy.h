/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-policy.h: the ward's choices where the sources leave a choice.
 * Each value is a named setting with a documented default. */
#pragma once

#include <glib.h>

#include "crs-format.h"

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
  /* Added with the patient status (shared/clinical/grading.md §6,
   * "Observation frequency by grade": ward policy, not a guideline; the
   * defaults are for the ward to review):
   * the longest gap between sets while the newest CRS or ICANS grade is
   * 1. Default 240 minutes ("at most 4-hourly"). */
  int    grade1_interval_minutes;
  /* The longest gap between recorded sets while vital signs are
   * monitored continuously: CRS or ICANS grade 2 or more (ASCO 2021
   * advises continuous cardiac telemetry and pulse oximetry from CRS
   * grade 2), or NEWS2 7 or more (RCP 2017 chart 4: "continuous
   * monitoring of vital signs"). A set not recorded within it is overdue.
   * Default 60 minutes. */
  int    continuous_max_gap_minutes;
  /* Children's hypotension by age (AHA Pediatric Advanced Life Support,
   * grading.md §6) for patients younger than news2_min_age: systolic
   * below 70 mmHg under 1 year, below 70 + 2 x age in years from 1 to 9
   * years, below 90 from 10 years. FALSE: the adult threshold
   * (hypotension_systolic_below) for everyone. Default TRUE. */
  gboolean child_hypotension_by_age;
  /* The unit temperatures are shown in: in grading reasons, on the
   * patient's pages, the chart and the handover report. Not a ward
   * setting and never stored in the ward database: each user's own
   * choice (the app's preference "temperature-unit"), put here by the
   * window that shows a status. crs-watch-cli and the files say °C.
   * Default Celsius. */
  CrsTemperatureUnit temperature_unit;
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
#define CRS_WARD_POLICY_GRADE1_INTERVAL_MIN  15
#define CRS_WARD_POLICY_GRADE1_INTERVAL_MAX  720
#define CRS_WARD_POLICY_CONTINUOUS_GAP_MIN   5
#define CRS_WARD_POLICY_CONTINUOUS_GAP_MAX   240

/* The systolic pressure below which a patient of @age_years (-1 =
 * unknown: an adult) is hypotensive under @policy; *@by_age (may be
 * NULL) is TRUE when the children's threshold by age applied. */
int  crs_ward_policy_hypotension_below (const CrsWardPolicy *policy,
                                        int                  age_years,
                                        gboolean            *by_age);

G_END_DECLS
