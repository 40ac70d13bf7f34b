/* crs-exchange-error.h: the error domain of the exchange layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_EXCHANGE_ERROR (crs_exchange_error_quark ())

typedef enum {
  CRS_EXCHANGE_ERROR_FAILED,    /* anything else; the message says what */
  CRS_EXCHANGE_ERROR_INVALID,   /* the input breaks its schema or rules: the message names file, line and field */
} CrsExchangeError;

GQuark crs_exchange_error_quark (void);

G_END_DECLS
