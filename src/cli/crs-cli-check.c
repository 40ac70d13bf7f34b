/* crs-cli-check.c: `crs-watch-cli check --db FILE`: the integrity check,
 * the schema version and the number of records of a ward database. The
 * file is opened read-only: check never creates, upgrades or backs up. */
#define G_LOG_DOMAIN "crs-cli-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/crs-cli.h"
#include "store/crs-store.h"

int crs_cli_check (int argc, char **argv);

int
crs_cli_check (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  CrsStoreCounts counts;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database to check"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check a ward database: integrity, schema version "
                                           "and counts."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("check", "%s", error->message);
  if (db_path == NULL)
    return crs_cli_usage_error ("check", "%s", _("Give the database with --db FILE."));
  if (argc > 1)
    return crs_cli_usage_error ("check", _("Unexpected argument “%s”."), argv[1]);

  store = crs_store_open_read_only (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("crs-watch-cli check: %s\n", error->message);
      return 1;
    }

  if (!crs_store_get_counts (store, &counts, &error))
    {
      g_printerr ("crs-watch-cli check: %s\n", error->message);
      return 1;
    }

  printf (_("Database: %s\n"), crs_store_get_path (store));
  printf (_("Schema version: %d\n"), counts.schema_version);
  printf (_("Patients: %'" G_GINT64_FORMAT " (%'" G_GINT64_FORMAT " archived)\n"),
          counts.patients, counts.patients_archived);
  printf (_("Infusions: %'" G_GINT64_FORMAT "\n"), counts.infusions);
  printf (_("Observation sets: %'" G_GINT64_FORMAT " (%'" G_GINT64_FORMAT " superseded by an "
            "amendment)\n"), counts.observations, counts.observations_superseded);
  printf (_("Interventions: %'" G_GINT64_FORMAT "\n"), counts.interventions);
  printf (_("Lab results: %'" G_GINT64_FORMAT "\n"), counts.lab_results);
  printf (_("Audit rows: %'" G_GINT64_FORMAT "\n"), counts.audit_rows);

  if (!crs_store_check_integrity (store, &error))
    {
      printf ("%s\n", _("Integrity: problems found"));
      g_printerr ("crs-watch-cli check: %s\n", error->message);
      return 1;
    }
  printf ("%s\n", _("Integrity: ok"));
  return 0;
}
