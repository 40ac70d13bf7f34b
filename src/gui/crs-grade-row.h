/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-grade-row.h: one scale of the latest set on the patient page
 * (ui/crs-grade-row.ui). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_GRADE_ROW (crs_grade_row_get_type ())
G_DECLARE_FINAL_TYPE (CrsGradeRow, crs_grade_row, CRS, GRADE_ROW, AdwPreferencesRow)

/* @scale: "CRS"; @grade_text: "2 moderate", with its style class;
 * @rising: "Rising: was 1", or NULL; @summary: the findings; @note: e.g.
 * how today's policy would grade it, or NULL; @guidance: what it means. */
void crs_grade_row_set (CrsGradeRow *self,
                        const char  *scale,
                        const char  *grade_text,
                        const char  *grade_class,
                        const char  *rising,
                        const char  *summary,
                        const char  *note,
                        const char  *guidance);

G_END_DECLS
