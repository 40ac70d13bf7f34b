/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-exchange-error.h: the error domain of the exchange layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_EXCHANGE_ERROR (crs_exchange_error_quark ())

typedef enum {
  CRS_EXCHANGE_ERROR_FAILED,      /* anything else; the message says what */
  CRS_EXCHANGE_ERROR_IO,          /* the file cannot be read or written */
  CRS_EXCHANGE_ERROR_TOO_LARGE,   /* over the size, depth or count limit */
  CRS_EXCHANGE_ERROR_MALFORMED,   /* not well-formed XML */
  CRS_EXCHANGE_ERROR_UNSAFE,      /* DOCTYPE, entities or other constructs the format forbids */
  CRS_EXCHANGE_ERROR_INVALID,     /* well-formed, but not a valid ward file */
  CRS_EXCHANGE_ERROR_DUPLICATE,   /* an MRN twice in the file or already in the database */
} CrsExchangeError;

GQuark crs_exchange_error_quark (void);

G_END_DECLS
