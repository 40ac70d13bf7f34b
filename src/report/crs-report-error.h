/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-error.h: the error domain of the report layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_REPORT_ERROR (crs_report_error_quark ())

/* Added with the handover report. */
typedef enum {
  CRS_REPORT_ERROR_FAILED = 0,
  CRS_REPORT_ERROR_NOT_FOUND,   /* a ward or patient the report asked for is not in the database */
  CRS_REPORT_ERROR_WRITE,       /* the output file could not be written */
} CrsReportError;

GQuark crs_report_error_quark (void);

G_END_DECLS
