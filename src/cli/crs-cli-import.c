/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-import.c: `crs-watch-cli import --db FILE --xml IN`: a ward XML
 * file into the ward database, all or nothing. The database is created
 * when it does not exist yet. */
#define G_LOG_DOMAIN "crs-cli-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/crs-cli.h"
#include "exchange/crs-ward-xml.h"

int crs_cli_import (int argc, char **argv);

int
crs_cli_import (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *author = NULL;
  g_autofree char *recorded_as = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  CrsWardImportSummary summary = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database to import into"), N_("FILE") },
    { "xml", 0, 0, G_OPTION_ARG_FILENAME, &xml_path, N_("The ward XML file to import"), N_("IN") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("Who imports (default: the login name)"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Import a ward XML file into a ward database. "
                                           "Nothing is imported when anything in the file "
                                           "is wrong or a patient is already there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("import", "%s", error->message);
  if (argc > 1)
    return crs_cli_usage_error ("import", _("Unexpected argument “%s”."), argv[1]);
  if (db_path == NULL)
    return crs_cli_usage_error ("import", "%s", _("Give the database with --db FILE."));
  if (xml_path == NULL)
    return crs_cli_usage_error ("import", "%s", _("Give the file to import with --xml IN."));

  /* The file first, in full: a bad file never creates or opens the
   * database. */
  file = crs_ward_xml_read_file (xml_path, 0, 0, &error);
  if (file == NULL)
    {
      g_printerr ("crs-watch-cli import: %s\n", error->message);
      g_printerr ("crs-watch-cli import: %s\n", _("Nothing was imported."));
      return 1;
    }

  store = crs_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("crs-watch-cli import: %s\n", error->message);
      return 1;
    }

  /* A command-line write says so in the audit log. */
  recorded_as = g_strdup_printf (_("%s (command line)"), author != NULL ? author : g_get_user_name ());
  crs_store_set_author (store, recorded_as);

  if (!crs_ward_file_import (store, file, &summary, &error))
    {
      g_printerr ("crs-watch-cli import: %s: %s\n", xml_path, error->message);
      g_printerr ("crs-watch-cli import: %s\n", _("The ward database was not changed."));
      return 1;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u patient into %s:",
                       "Imported %u patients into %s:", summary.patients),
          summary.patients, crs_store_get_path (store));
  printf (" ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u infusion", "%u infusions", summary.infusions),
          summary.infusions);
  printf (", ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u observation set", "%u observation sets",
                       summary.observations), summary.observations);
  printf (", ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u intervention", "%u interventions",
                       summary.interventions), summary.interventions);
  printf (", ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u lab result", "%u lab results",
                       summary.lab_results), summary.lab_results);
  printf (", ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u acknowledgement", "%u acknowledgements",
                       summary.acknowledgements), summary.acknowledgements);
  printf (".\n");
  if (summary.graded > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u observation set came without grades and was graded on import.\n",
                         "%u observation sets came without grades and were graded on import.\n",
                         summary.graded), summary.graded);
  if (summary.settings_kept > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u ward setting in the file was already set in the database and kept as it was.\n",
                         "%u ward settings in the file were already set in the database and kept as they were.\n",
                         summary.settings_kept), summary.settings_kept);
  return 0;
}
