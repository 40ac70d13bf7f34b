/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-panel-private.h: what the tests read of CrsGradePanel: its
 * parts and what it shows. Only its own file and the tests include this. */
#pragma once

#include "crs-grade-panel.h"

G_BEGIN_DECLS

/* What the panel shows, for tests and assistive technology. */
const char *crs_grade_panel_get_crs_text   (CrsGradePanel   *self);
const char *crs_grade_panel_get_icans_text (CrsGradePanel   *self);
/* The early-warning score's summary: NEWS2, or a child's PEWS. */
const char *crs_grade_panel_get_news2_text (CrsGradePanel   *self);
/* Its badge as text: "NEWS2\n5\nmedium", "PEWS\n6\nmedium". */
const char *crs_grade_panel_get_early_warning_badge (CrsGradePanel *self);
const char *crs_grade_panel_get_red_flags_text (CrsGradePanel *self);

G_END_DECLS
