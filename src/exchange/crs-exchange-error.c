/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-exchange-error.c: the error domain of the exchange layer. */
#define G_LOG_DOMAIN "crs-exchange"

#include "config.h"

#include "crs-exchange-error.h"

G_DEFINE_QUARK (crs-exchange-error-quark, crs_exchange_error)
