/* crs-exchange-error.h: the error domain of the exchange layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_EXCHANGE_ERROR (crs_exchange_error_quark ())

GQuark crs_exchange_error_quark (void);

G_END_DECLS
