/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-reference-writer.h: writes the therapy reference database
 * (therapies.sqlite) at build time. Only the therapy compiler
 * (src/exchange/crs-therapy-compiler.c) calls it; the app reads the file
 * with crs-reference.h. */
#pragma once

#include <glib.h>

#include "core/crs-therapy.h"
#include "crs-store-error.h"

G_BEGIN_DECLS

/* Writes @therapies (CrsTherapy *) into a new SQLite file at @path,
 * replacing any file there only once the whole database is written: a
 * failure leaves no half-written file behind. Two sources with the same
 * id must be the same source. */
gboolean crs_reference_write (const char  *path,
                              GPtrArray   *therapies,
                              GError     **error);

G_END_DECLS
