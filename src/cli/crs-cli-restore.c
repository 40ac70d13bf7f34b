/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-restore.c: `crs-watch-cli restore --db FILE [--backup FILE]`:
 * puts the newest good backup of the ward (or the one given) in the place
 * of a damaged ward database, keeping the damaged file with its -wal and
 * -shm in a folder beside it, and says what that file held that the
 * backup lacks. Each step is printed as it is done. */
#define G_LOG_DOMAIN "crs-cli-restore"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/crs-cli.h"
#include "store/crs-store.h"

int crs_cli_restore (int argc, char **argv);

static void
print_step (const char *step,
            gpointer    user_data)
{
  printf ("%s\n", step);
  fflush (stdout);
}

int
crs_cli_restore (int    argc,
                 char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *text = NULL;
  gboolean force = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStoreRestoreReport) report = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database to restore"), N_("FILE") },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &backup,
      N_("The backup to restore (default: the newest good backup of the ward)"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Restore even when the ward database passes its checks"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Put a backup in the place of a damaged ward database, "
                                           "with CRS Watch closed. The damaged file is kept, with "
                                           "its -wal and -shm, in a folder beside it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("restore", "%s", error->message);
  if (db_path == NULL)
    return crs_cli_usage_error ("restore", "%s", _("Give the database with --db FILE."));
  if (argc > 1)
    return crs_cli_usage_error ("restore", _("Unexpected argument “%s”."), argv[1]);

  report = crs_store_restore (db_path, backup, force, print_step, NULL, &error);
  if (report == NULL)
    {
      g_printerr ("crs-watch-cli restore: %s\n", error->message);
      return 1;
    }
  text = crs_store_restore_report_describe (report);
  printf ("%s\n", text);
  return 0;
}
