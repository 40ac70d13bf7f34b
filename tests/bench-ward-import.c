/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ward-import.c: ward files that used to be slow inputs.
 *
 *  - One amendment chain of many versions (100 000 by default), read and
 *    then imported into a fresh ward database: amendments are resolved
 *    through hash tables, so the time grows with the file, as for the same
 *    number of sets without amendments (measured beside it). Once with
 *    stored grades (a file exported by CRS Watch) and once without (a
 *    file written by hand: every version is graded on the way in).
 *  - One element with 10 000 attributes (and one with 200 000): refused
 *    before libxml2 parses its attributes.
 *
 * Run by `meson test --benchmark -C build-tests --suite import --verbose`,
 * or by hand: build-tests/tests/bench-ward-import [VERSIONS [ONLY]], where
 * ONLY picks the measurements whose description contains it. */
#define G_LOG_DOMAIN "bench-ward-import"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange/crs-ward-xml.h"

#define NS "https://crswatch.org/ns/ward/1"

static char *
ward_text (guint    n,
           gboolean chained,
           gboolean grades)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<ward xmlns=\"" NS "\">\n<patient mrn=\"BENCH-1\">\n");

  for (guint i = 1; i <= n; i++)
    {
      g_string_append_printf (text, "<observation id=\"o%u\"", i);
      if (chained && i > 1)
        g_string_append_printf (text, " supersedes=\"o%u\" amend-reason=\"corrected\"", i - 1);
      g_string_append_printf (text, " taken=\"2025-03-10T08:00:00Z\" temperature-c=\"37.%u\""
                                    " heart-rate=\"%u\" spo2=\"96\"",
                              i % 10, 60 + i % 60);
      if (grades)
        g_string_append (text, "><grades crs=\"0\" icans=\"0\" news2=\"1\" rules=\"ASTCT-2019;NEWS2-2017\"/>"
                               "</observation>\n");
      else
        g_string_append (text, "/>\n");
    }
  g_string_append (text, "</patient>\n</ward>\n");
  return g_string_free (text, FALSE);
}

static const char *only;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
bench_file (const char *dir,
            const char *what,
            guint       n,
            gboolean    chained,
            gboolean    grades)
{
  g_autofree char *text = ward_text (n, chained, grades);
  g_autofree char *xml = g_build_filename (dir, "ward.xml", NULL);
  g_autofree char *db = g_strdup_printf ("%s/%s-%d-%d.sqlite", dir, "ward", chained, grades);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(CrsStore) store = NULL;
  CrsWardImportSummary summary = { 0 };
  double read_s, import_s;
  gint64 start;

  if (only != NULL && strstr (what, only) == NULL)
    return;

  start = g_get_monotonic_time ();
  file = crs_ward_xml_read_bytes (bytes, "bench.xml", 0, 0, &error);
  read_s = seconds_since (start);
  if (file == NULL)
    g_error ("read: %s", error->message);

  if (!g_file_set_contents (xml, text, -1, &error))
    g_error ("%s", error->message);
  store = crs_store_open (db, &error);
  if (store == NULL)
    g_error ("open: %s", error->message);
  start = g_get_monotonic_time ();
  if (!crs_ward_xml_import_file (store, xml, 0, &summary, &error))
    g_error ("import: %s", error->message);
  import_s = seconds_since (start);

  g_print ("%-44s %7u sets, %5.1f MB: read %6.2f s, read and import %6.2f s\n", what, n,
           strlen (text) / 1e6, read_s, import_s);
  g_unlink (xml);
}

static void
bench_attributes (guint n)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<ward xmlns=\"" NS "\">\n<patient mrn=\"A1\">\n"
                                "<observation taken=\"2025-03-10T08:00:00Z\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, " a%u=\"1\"", i);
  g_string_append (text, "/>\n</patient>\n</ward>\n");
  bytes = g_string_free_to_bytes (text);

  start = g_get_monotonic_time ();
  file = crs_ward_xml_read_bytes (bytes, "bench.xml", 0, 0, &error);
  if (file != NULL || !g_error_matches (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE))
    g_error ("an element with %u attributes was not refused as too large", n);
  g_print ("%-44s %7u attributes, %5.1f MB: refused in %.4f s\n", "one element", n,
           g_bytes_get_size (bytes) / 1e6, seconds_since (start));
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;

  only = argc > 2 ? argv[2] : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crs-bench-import-XXXXXX", &error);

  if (dir == NULL)
    g_error ("%s", error->message);

  bench_file (dir, "sets without amendments, with grades", n, FALSE, TRUE);
  bench_file (dir, "one chain of versions, with grades", n, TRUE, TRUE);
  bench_file (dir, "sets without amendments, graded on import", n, FALSE, FALSE);
  bench_file (dir, "one chain of versions, graded on import", n, TRUE, FALSE);
  if (only == NULL || strstr ("one element", only) != NULL)
    {
      bench_attributes (10000);
      bench_attributes (200000);
    }

  {
    g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
    const char *name;
    while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          {
            g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
            const char *child;
            while (sub != NULL && (child = g_dir_read_name (sub)) != NULL)
              {
                g_autofree char *inner = g_build_filename (path, child, NULL);
                g_unlink (inner);
              }
            g_rmdir (path);
          }
        else
          g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
