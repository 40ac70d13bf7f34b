/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-rules.h: the grading rules and escalation thresholds in
 * short, for the blank paper chart (the fallback when CRS Watch cannot be
 * used): what the app would work out, for a nurse to work out by hand.
 *
 * The wording follows the rules as the grading code applies them, with
 * the ward's policy values (hypotension threshold, low-flow limit, CAPD
 * age, NEWS2 age, observation intervals) filled in. Added with the
 * handover report. */
#pragma once

#include <glib.h>

#include "crs-ward-policy.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;   /* translated: "CRS (ASTCT 2019)" */
  char *text;    /* translated, plain text */
} CrsChartRule;

void       crs_chart_rule_free (CrsChartRule *rule);

/* The sections, in the order the chart prints them: CRS, ICANS, NEWS2,
 * red flags (escalate), observation frequency. CrsChartRule *. */
GPtrArray *crs_chart_rules     (const CrsWardPolicy *policy);
/* For a child scored with PEWS (crs_patient_status_uses_pews()): where
 * to score it (the national chart of the child's age, which must not be
 * copied or changed), the levels by total with the chart's medical
 * review times, the triggers, and which levels are red flags. */
CrsChartRule *crs_chart_rule_pews (void);

G_END_DECLS
