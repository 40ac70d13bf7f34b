/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-paths.c: where CRS Watch finds its installed data and keeps the ward. */
#define G_LOG_DOMAIN "crs-paths"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "crs-paths.h"

const char *
crs_paths_data_dir (void)
{
  const char *env = g_getenv ("CRS_WATCH_DATADIR");

  if (env != NULL && *env != '\0')
    return env;
  return PKGDATADIR;
}

const char *
crs_paths_locale_dir (void)
{
  const char *env = g_getenv ("CRS_WATCH_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return env;
  return LOCALEDIR;
}

char *
crs_paths_data_file (const char *name)
{
  return g_build_filename (crs_paths_data_dir (), name, NULL);
}

/* Patient data: only the owner may enter the folder. */
static char *
make_private_dir (char    *dir,
                  GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      g_free (dir);
      return NULL;
    }
  return dir;
}

char *
crs_paths_user_dir (GError **error)
{
  return make_private_dir (g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL), error);
}

char *
crs_paths_user_subdir (const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);

  return make_private_dir (g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, name, NULL), error);
}

char *
crs_paths_ward_db (GError **error)
{
  g_autofree char *dir = crs_paths_user_dir (error);

  if (dir == NULL)
    return NULL;
  return g_build_filename (dir, "ward.sqlite", NULL);
}
