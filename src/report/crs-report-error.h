/* crs-report-error.h: the error domain of the report layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_REPORT_ERROR (crs_report_error_quark ())

GQuark crs_report_error_quark (void);

G_END_DECLS
