/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-paths.h: where CRS Watch finds its installed data and keeps the ward. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Installed read-only data ($pkgdatadir), or $CRS_WATCH_DATADIR when set
 * (the build tree, for tests and `meson devenv`). */
const char *crs_paths_data_dir     (void);
/* The compiled translations ($localedir), or $CRS_WATCH_LOCALEDIR when
 * set (the build tree's po/, for tests and `meson devenv`). */
const char *crs_paths_locale_dir   (void);
/* A file in crs_paths_data_dir(); free with g_free(). */
char       *crs_paths_data_file    (const char *name);
/* $XDG_DATA_HOME/crs-watch, created with mode 0700 on demand. */
char       *crs_paths_user_dir     (GError    **error);
/* $XDG_DATA_HOME/crs-watch/@name, created with mode 0700 on demand. */
char       *crs_paths_user_subdir  (const char *name,
                                    GError    **error);
/* $XDG_DATA_HOME/crs-watch/ward.sqlite (not created). */
char       *crs_paths_ward_db      (GError    **error);

G_END_DECLS
