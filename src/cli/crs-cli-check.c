/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-check.c: `crs-watch-cli check --db FILE`: the integrity check,
 * the schema version, the number of records, tamper evidence (the schema
 * against its version's, the audit log's hash chain, every record against
 * its audit row) and files left by killed processes. The file is opened
 * read-only, and from a read-only folder or medium nothing is written
 * beside it: check never creates, upgrades, cleans up or backs up. */
#define G_LOG_DOMAIN "crs-cli-check"

#include "config.h"

#include <inttypes.h>

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
  g_auto(CrsStoreVerification) verification = { 0 };
  CrsStoreCounts counts;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database to check"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check a ward database: integrity, schema version, "
                                           "counts, and whether anything was changed outside "
                                           "CRS Watch."));
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
  printf (_("Patients: %'" PRId64 " (%'" PRId64 " archived)\n"),
          counts.patients, counts.patients_archived);
  printf (_("Infusions: %'" PRId64 "\n"), counts.infusions);
  printf (_("Observation sets: %'" PRId64 " (%'" PRId64 " superseded by an "
            "amendment)\n"), counts.observations, counts.observations_superseded);
  printf (_("Interventions: %'" PRId64 "\n"), counts.interventions);
  printf (_("Lab results: %'" PRId64 "\n"), counts.lab_results);
  printf (_("Audit rows: %'" PRId64 "\n"), counts.audit_rows);

  {
    const char *ward_id = crs_store_get_ward_id (store);
    printf (_("Ward: %s\n"), ward_id != NULL ? ward_id : _("(no id before version 4)"));
  }

  /* A server's files, schema and records are its administrator's to
   * check (pg_amcheck); the audit chain is checked here. */
  if (crs_store_is_shared (store))
    {
      gint64 rows = 0, break_at = 0;

      printf ("%s\n", _("Integrity: the server's, checked by its administrator (pg_amcheck)"));
      if (!crs_store_verify_audit_chain (store, &rows, &break_at, &error))
        {
          g_printerr ("crs-watch-cli check: %s\n", error->message);
          return 1;
        }
      if (break_at == 0)
        {
          printf (_("Audit chain: ok (%'" PRId64 " rows)\n"), rows);
          return 0;
        }
      printf (_("Audit chain: broken at row %'" PRId64 "\n"), break_at);
      g_printerr (_("crs-watch-cli check: the audit log's hash chain breaks at audit row %"
                    PRId64 ": that row was changed, removed or added outside CRS "
                    "Watch\n"),
                  break_at);
      return 1;
    }

  if (!crs_store_check_integrity (store, &error))
    {
      printf ("%s\n", _("Integrity: problems found"));
      g_printerr ("crs-watch-cli check: %s\n", error->message);
      return 1;
    }
  printf ("%s\n", _("Integrity: ok"));

  if (!crs_store_verify (store, &verification, &error))
    {
      g_printerr ("crs-watch-cli check: %s\n", error->message);
      return 1;
    }

  if (verification.schema == NULL)
    printf ("%s\n", _("Schema: ok"));
  else
    {
      printf (_("Schema: differs from version %d\n"), counts.schema_version);
      g_printerr (_("crs-watch-cli check: the schema differs from that of version %d (the "
                    "database's rules were changed outside CRS Watch): %s\n"),
                  counts.schema_version, verification.schema);
    }

  if (!verification.chained)
    printf ("%s\n", _("Audit chain: none (made before version 4; the next start adds it)"));
  else if (verification.audit_break == 0)
    printf (_("Audit chain: ok (%'" PRId64 " rows)\n"), verification.audit_rows);
  else
    {
      printf (_("Audit chain: broken at row %'" PRId64 "\n"), verification.audit_break);
      g_printerr (_("crs-watch-cli check: the audit log's hash chain breaks at audit row %"
                    PRId64 ": that row was changed, removed or added outside CRS "
                    "Watch\n"),
                  verification.audit_break);
    }

  if (verification.rows_differing == 0)
    printf ("%s\n", _("Records: ok (each as its audit row says it was saved)"));
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "Records: %u differs from the audit log\n",
                           "Records: %u differ from the audit log\n",
                           verification.rows_differing),
              verification.rows_differing);
      g_printerr (_("crs-watch-cli check: records changed outside CRS Watch:\n%s\n"),
                  verification.rows);
    }

  if (verification.leftovers->len == 0)
    printf ("%s\n", _("Leftover files: none"));
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);
      for (guint i = 0; i < verification.leftovers->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "",
                                (const char *) verification.leftovers->pdata[i]);
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Leftover files: %u, left by an interrupted CRS Watch, removed at "
                           "its next start: %s\n",
                           "Leftover files: %u, left by an interrupted CRS Watch, removed at "
                           "its next start: %s\n", verification.leftovers->len),
              verification.leftovers->len, names->str);
    }

  if (!crs_store_verification_ok (&verification))
    {
      g_printerr (_("crs-watch-cli check: CRS Watch will not write to this ward database. To go "
                    "back to its newest good backup, run: crs-watch-cli restore --db %s\n"),
                  crs_store_get_path (store));
      return 1;
    }
  return 0;
}
