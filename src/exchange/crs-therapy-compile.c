/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-compile.c: the build step that turns data/therapies.xml into
 * therapies.sqlite (see data/meson.build). Not installed.
 *
 *   crs-therapy-compile --schema therapies.xsd --output therapies.sqlite therapies.xml
 *
 * Exit status 0 when the database was written; 1 with every problem on
 * stderr as "FILE:LINE: FIELD: what is wrong" otherwise, and no output
 * file, so the build stops at the first bad edit. */
#define G_LOG_DOMAIN "crs-therapy-compile"

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "crs-therapy-compiler.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema, "The XML schema (therapies.xsd)", "XSD" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The database to write", "SQLITE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "THERAPIES.XML" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* The reference and its schema write '.' decimals; libxml2 reads them
   * with the C library's locale-dependent number parsing. */
  setlocale (LC_NUMERIC, "C");
  context = g_option_context_new ("THERAPIES.XML");
  g_option_context_set_summary (context, "Compile the CRS Watch therapy reference into SQLite.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("crs-therapy-compile: %s\n", error->message);
      return 1;
    }
  if (schema == NULL || output == NULL || inputs == NULL || g_strv_length (inputs) != 1)
    {
      g_printerr ("crs-therapy-compile: usage: crs-therapy-compile --schema XSD --output SQLITE THERAPIES.XML\n");
      return 1;
    }

  if (!crs_therapy_compiler_compile (inputs[0], schema, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
