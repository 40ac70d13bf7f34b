/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-migrate.c: `crs-watch-cli migrate --from FILE --to
 * postgresql://...`: moves a ward from its SQLite file to an empty
 * database on a PostgreSQL server, all or nothing
 * (crs_store_migrate_to_server), then opens it there and prints what it
 * holds beside what the file holds. */
#define G_LOG_DOMAIN "crs-cli-migrate"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/crs-cli.h"
#include "store/crs-store.h"

static gboolean
print_counts (const char  *label,
              CrsStore    *store,
              GError     **error)
{
  CrsStoreCounts counts;

  if (!crs_store_get_counts (store, &counts, error))
    return FALSE;
  /* TRANSLATORS: "File" or "Server", then counts of records */
  printf (_("%s: %'" PRId64 " patients, %'" PRId64 " observation sets, %'" PRId64
            " interventions, %'" PRId64 " lab results, %'" PRId64 " audit rows\n"),
          label, counts.patients, counts.observations, counts.interventions,
          counts.lab_results, counts.audit_rows);
  return TRUE;
}

int
crs_cli_migrate (int    argc,
                 char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) source = NULL;
  g_autoptr(CrsStore) target = NULL;
  CrsStoreMigration report;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The ward's database file"), N_("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The empty PostgreSQL database (postgresql://server/ward or service=ward)"), N_("SERVER") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Move a ward from its database file to an empty "
                                           "database on a PostgreSQL server. The file is not "
                                           "changed; on any error nothing is left on the "
                                           "server."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("migrate", "%s", error->message);
  if (from == NULL || to == NULL)
    return crs_cli_usage_error ("migrate", "%s", _("Give the file with --from FILE and the server with --to SERVER."));
  if (argc > 1)
    return crs_cli_usage_error ("migrate", _("Unexpected argument “%s”."), argv[1]);
  if (!crs_store_is_server_locator (to))
    return crs_cli_usage_error ("migrate", _("“%s” is not a PostgreSQL server address; write "
                                             "postgresql://server/ward or service=ward."), to);
  if (crs_store_locator_has_password (to))
    return crs_cli_usage_error ("migrate", "%s", _("Do not put the password in the address: "
                                                   "libpq reads it from ~/.pgpass or the "
                                                   "service file."));

  if (!crs_store_migrate_to_server (from, to, &report, &error))
    {
      g_printerr ("crs-watch-cli migrate: %s\n", error->message);
      return 1;
    }

  source = crs_store_open_read_only (from, &error);
  if (source != NULL)
    target = crs_store_open_read_only (to, &error);
  if (target == NULL || !print_counts (_("File"), source, &error) ||
      !print_counts (_("Server"), target, &error))
    {
      g_printerr ("crs-watch-cli migrate: %s\n", error->message);
      return 1;
    }
  printf (_("Moved %'" PRId64 " records to %s; every table's count and checksum match the "
            "file, and the audit log's hash chain holds there.\n"),
          report.rows, crs_store_get_path (target));
  return 0;
}
