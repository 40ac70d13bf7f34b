/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-report-error.c: the error domain of the report layer. */
#define G_LOG_DOMAIN "crs-report"

#include "config.h"

#include "crs-report-error.h"

G_DEFINE_QUARK (crs-report-error-quark, crs_report_error)
