/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-watch.c: the CRS Watch desktop application. */
#define G_LOG_DOMAIN "crs-watch"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/crs-paths.h"
#include "gui/crs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrsApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, crs_paths_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("CRS Watch"));

  app = crs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
