/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-panel.h: the grades of one observation set at a glance: CRS,
 * ICANS and NEWS2, each as a number and a word with the findings behind
 * it, then the red flags. The observation form shows it above the fields
 * and updates it as the nurse types. */
#pragma once

#include <adwaita.h>

#include "core/crs-grading.h"

G_BEGIN_DECLS

#define CRS_TYPE_GRADE_PANEL (crs_grade_panel_get_type ())
G_DECLARE_FINAL_TYPE (CrsGradePanel, crs_grade_panel, CRS, GRADE_PANEL, GtkWidget)

/* Shows @grading (NULL: nothing graded yet). The panel keeps no
 * reference to it. */
void        crs_grade_panel_set_grading   (CrsGradePanel    *self,
                                           const CrsGrading *grading);

G_END_DECLS
