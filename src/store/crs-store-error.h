/* crs-store-error.h: the error domain of the store layer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRS_STORE_ERROR (crs_store_error_quark ())

GQuark crs_store_error_quark (void);

G_END_DECLS
