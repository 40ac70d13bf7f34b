/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-error.c: the error domain of the store layer. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include "crs-store-error.h"

G_DEFINE_QUARK (crs-store-error-quark, crs_store_error)
