/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-grade.c: `crs-watch-cli grade --csv FILE|-`.
 *
 * Grades observation rows without a database, with the same code the app
 * uses on screen (src/exchange/crs-grade-csv.c holds the contract). The CSV
 * written to stdout, its reasons and its error column are stable English
 * with '.' decimals whatever the user's locale: the grading runs under
 * the C locale. Messages about the command itself follow the user's
 * language. Exit status: 0 every row graded, 2 some rows rejected (the
 * others are still written), 1 bad usage or an unreadable or malformed
 * file. */
#define G_LOG_DOMAIN "crs-cli-grade"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/crs-cli.h"
#include "exchange/crs-grade-csv.h"

#define STDIN_NAME "stdin"

/* Errors go to stderr as raw UTF-8 with the file and line in front
 * ("obs.csv:12: temp_c: 'abc' is not a number"), one per problem. */
static void
report_rejected_row (guint       line,
                     const char *id,
                     GPtrArray  *problems,
                     gpointer    user_data)
{
  const char *name = user_data;

  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "%s:%u: %s\n", name, line, (const char *) g_ptr_array_index (problems, i));
}

int
crs_cli_grade (int    argc,
               char **argv)
{
  g_autofree char *csv_path = NULL;
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  const char *name;
  CrsGradeCsvStats stats = { 0, 0 };
  guint error_line = 0;
  locale_t c_locale;
  locale_t previous;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Grade the observation rows in FILE (- reads standard input)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  /* So that --help reads "Usage: crs-watch-cli grade [OPTION…]". */
  g_set_prgname ("crs-watch-cli grade");
  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Grades observation sets (ASTCT CRS, ASTCT ICANS, NEWS2) from a CSV file "
                                  "and writes one graded row per input row to standard output."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    return crs_cli_usage_error ("grade", "%s", error->message);
  if (csv_path == NULL)
    return crs_cli_usage_error ("grade", "%s", _("--csv FILE is required (use - for standard input)"));
  if (argc > 1)
    return crs_cli_usage_error ("grade", _("unexpected argument “%s”"), argv[1]);

  if (g_str_equal (csv_path, "-"))
    {
      name = STDIN_NAME;
      input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv_path);

      name = csv_path;
      input = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      if (input == NULL)
        {
          fprintf (stderr, "%s: %s\n", name, error->message);
          return 1;
        }
    }
  output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  previous = uselocale (c_locale);
  ok = crs_grade_csv_run (input, output, NULL, report_rejected_row, (gpointer) name,
                          &stats, &error_line, NULL, &error);
  if (!ok)
    {
      if (error_line > 0)
        fprintf (stderr, "%s:%u: %s\n", name, error_line, error->message);
      else
        fprintf (stderr, "%s: %s\n", name, error->message);
    }
  uselocale (previous);
  freelocale (c_locale);

  if (!ok)
    return 1;
  return stats.rejected > 0 ? 2 : 0;
}
