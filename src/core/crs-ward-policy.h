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
   * applies. Default 240 (the 4-hourly end of NEWS2's "low" band). */
  int    window_interval_minutes;
} CrsWardPolicy;

void crs_ward_policy_init (CrsWardPolicy *policy);

G_END_DECLS
