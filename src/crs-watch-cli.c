/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-watch-cli.c: the headless CRS Watch tool. Links no GTK. */
#define G_LOG_DOMAIN "crs-watch-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cli/crs-cli.h"
#include "core/crs-paths.h"

const CrsCliCommand crs_cli_commands[] = {
  { "check", "--db FILE", N_("Check a ward database: integrity, schema version, counts"),
    crs_cli_check },
  { "export", "--db FILE (--xml OUT | --fhir OUT) [--patients MRN,...]",
    N_("Export the ward or some patients to a ward XML file or a FHIR R4 bundle"), crs_cli_export },
  { "grade", "--csv FILE|-", N_("Grade observation sets from a CSV file"), crs_cli_grade },
  { "import", "--db FILE --xml IN [--author NAME]", N_("Import a ward XML file, all or nothing"),
    crs_cli_import },
  { "migrate", "--from FILE --to postgresql://SERVER/WARD",
    N_("Move a ward from its file to an empty database on a PostgreSQL server"), crs_cli_migrate },
  { "nurses", "--db FILE (list|add|disable|enable|reset-pin) [--user USER]",
    N_("List, add, disable or enable nurse accounts; a PIN is read from standard input"),
    crs_cli_nurses },
  { "report", "--db FILE --ward NAME --pdf OUT [OPTION...]",
    N_("Write the shift handover report (or blank paper charts) as a PDF"), crs_cli_report },
  { "restore", "--db FILE [--backup FILE]",
    N_("Put the newest good backup in place of a damaged ward database"), crs_cli_restore },
  { NULL, NULL, NULL, NULL }
};

int
crs_cli_usage_error (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("crs-watch-cli %s: %s\n", command, message);
  return 1;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: crs-watch-cli COMMAND [OPTIONS]"));
  fprintf (out, "\n%s\n", _("Grade, check, export, import, report and restore CRS Watch records and manage nurse accounts without a display."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; crs_cli_commands[i].name != NULL; i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", crs_cli_commands[i].name,
                                               crs_cli_commands[i].usage);
      fprintf (out, "  %-34s %s\n", left, _(crs_cli_commands[i].summary));
    }
  fprintf (out, "  %-34s %s\n", "--help", _("Show this help"));
  fprintf (out, "  %-34s %s\n", "--version", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 all good, 1 bad usage or unreadable input, "
                            "2 some rows rejected (the others were processed)."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, crs_paths_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("crs-watch-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return 1;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("crs-watch-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; crs_cli_commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], crs_cli_commands[i].name))
      return crs_cli_commands[i].run (argc - 1, argv + 1);

  g_printerr (_("crs-watch-cli: unknown command “%s”. Try crs-watch-cli --help.\n"), argv[1]);
  return 1;
}
