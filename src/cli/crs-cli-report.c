/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-report.c: `crs-watch-cli report --db FILE --ward NAME --pdf OUT`:
 * the shift handover report (or blank paper charts) as a PDF, without a
 * display. The database is opened read-only. */
#define G_LOG_DOMAIN "crs-cli-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli/crs-cli.h"
#include "core/crs-shift.h"
#include "report/crs-report.h"

int crs_cli_report (int argc, char **argv);

/* An ISO 8601 date and time ("2024-03-12T07:00", with or without seconds
 * and offset; local time without one), or a date alone (its midnight). */
static gboolean
parse_time (const char  *option,
            const char  *text,
            gint64      *out,
            GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, local);

  if (time == NULL && strlen (text) == 10)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);

      time = g_date_time_new_from_iso8601 (midnight, local);
    }
  /* "2024-03-12T07:00", with or without an offset: GLib wants seconds. */
  if (time == NULL && strlen (text) >= 16 && text[13] == ':' && (text[16] == '\0' || text[16] != ':'))
    {
      g_autofree char *seconds = g_strdup_printf ("%.16s:00%s", text, text + 16);

      time = g_date_time_new_from_iso8601 (seconds, local);
    }
  if (time == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: an option and the value given, e.g. "--since: “tomorrow” is ..." */
                   _("%s: “%s” is not an ISO 8601 date and time such as 2024-03-12T07:00."), option, text);
      return FALSE;
    }
  *out = g_date_time_to_unix (time);
  return TRUE;
}

static gboolean
parse_period (const char        *text,
              CrsHandoverPeriod *period)
{
  if (g_str_equal (text, "shift"))
    *period = CRS_HANDOVER_PERIOD_SHIFT;
  else if (g_str_equal (text, "12h"))
    *period = CRS_HANDOVER_PERIOD_12_HOURS;
  else if (g_str_equal (text, "24h"))
    *period = CRS_HANDOVER_PERIOD_24_HOURS;
  else
    return FALSE;
  return TRUE;
}

int
crs_cli_report (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *ward = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *period_name = NULL;
  g_autofree char *patients = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *printed_by = NULL;
  gboolean escalated = FALSE;
  gboolean blank = FALSE;
  g_auto(GStrv) mrns = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsReference) reference = NULL;
  g_autoptr(CrsHandover) handover = NULL;
  g_autoptr(CrsReport) report = NULL;
  CrsHandoverOptions options;
  CrsPaper paper = crs_paper_default ();
  double width, height;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database"), N_("FILE") },
    { "ward", 0, 0, G_OPTION_ARG_STRING, &ward,
      N_("The ward: the database's ward name, or the ward its patients are on"), N_("NAME") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the report to this PDF file"), N_("OUT") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Start of the period (default: the start of this shift, by the ward's shift times)"), N_("ISO8601") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("End of the period (default: now)"), N_("ISO8601") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_name, N_("The period: shift, 12h or 24h"), N_("PERIOD") },
    { "patients", 0, 0, G_OPTION_ARG_STRING, &patients, N_("Only these patients, by MRN, separated by commas"),
      N_("MRN,...") },
    { "escalated", 0, 0, G_OPTION_ARG_NONE, &escalated,
      N_("Only patients with a red flag open now or raised in the period"), NULL },
    { "blank-charts", 0, 0, G_OPTION_ARG_NONE, &blank,
      N_("Print blank paper observation charts for the patients instead"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size: a4 or letter (default: the locale's)"),
      N_("SIZE") },
    { "printed-by", 0, 0, G_OPTION_ARG_STRING, &printed_by, N_("The name printed in the header"), N_("NAME") },
    { NULL }
  };

  /* So that --help reads "Usage: crs-watch-cli report [OPTION…]". */
  g_set_prgname ("crs-watch-cli report");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The shift handover report of a ward as a PDF file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("report", "%s", error->message);
  if (argc > 1)
    return crs_cli_usage_error ("report", _("Unexpected argument “%s”."), argv[1]);
  if (db_path == NULL)
    return crs_cli_usage_error ("report", "%s", _("Give the database with --db FILE."));
  if (ward == NULL)
    return crs_cli_usage_error ("report", "%s", _("Give the ward with --ward NAME."));
  if (pdf_path == NULL)
    return crs_cli_usage_error ("report", "%s", _("Give the output file with --pdf OUT."));
  if (paper_name != NULL && !crs_paper_from_name (paper_name, &paper))
    return crs_cli_usage_error ("report", _("--paper: “%s” is not a paper size; use a4 or letter."), paper_name);
  if (patients != NULL && escalated)
    return crs_cli_usage_error ("report", "%s", _("Give --patients or --escalated, not both."));
  if (period_name != NULL && (since != NULL || until != NULL))
    return crs_cli_usage_error ("report", "%s", _("Give --period or --since and --until, not both."));

  crs_handover_options_init (&options);
  options.now = now;
  options.ward = ward;
  options.printed_by = printed_by;
  if (patients != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (patients, ",", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_ptr_array_add (kept, g_strdup (parts[i]));
      if (kept->len == 0)
        return crs_cli_usage_error ("report", "%s", _("--patients: give at least one MRN."));
      g_ptr_array_add (kept, NULL);
      mrns = (GStrv) g_ptr_array_steal (kept, NULL);
      options.selection = CRS_HANDOVER_SELECTED;
      options.mrns = (const char * const *) mrns;
    }
  else if (escalated)
    options.selection = CRS_HANDOVER_ESCALATED;

  if (since != NULL && !parse_time ("--since", since, &options.from, &error))
    return crs_cli_usage_error ("report", "%s", error->message);
  if (until != NULL && !parse_time ("--until", until, &options.to, &error))
    return crs_cli_usage_error ("report", "%s", error->message);
  if (period_name != NULL && !parse_period (period_name, &options.period))
    return crs_cli_usage_error ("report", _("--period: “%s” is not a period; use shift, 12h or 24h."), period_name);

  store = crs_store_open_read_only (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("crs-watch-cli report: %s\n", error->message);
      return 1;
    }

  if (since == NULL && until == NULL)
    {
      g_autofree char *starts = crs_store_get_setting (store, CRS_SHIFT_STARTS_KEY);

      if (period_name == NULL)
        options.period = CRS_HANDOVER_PERIOD_SHIFT;
      crs_handover_period_bounds (options.period, starts, now, &options.from, &options.to);
    }
  else
    {
      options.period = CRS_HANDOVER_PERIOD_CUSTOM;
      if (until == NULL)
        options.to = now;
      if (since == NULL)
        options.from = options.to - 12 * 3600;
      if (options.from >= options.to)
        return crs_cli_usage_error ("report", "%s", _("The period ends before it starts: --since must be before --until."));
    }

  reference = crs_reference_open_default (&error);
  if (reference == NULL)
    {
      /* The report still says everything recorded; the therapy's onset
       * window is then unknown, as on screen. */
      g_printerr ("crs-watch-cli report: %s\n", error->message);
      g_clear_error (&error);
    }
  options.reference = reference;

  handover = crs_handover_load (store, &options, &error);
  if (handover == NULL)
    {
      g_printerr ("crs-watch-cli report: %s\n", error->message);
      return 1;
    }

  crs_paper_get_size (paper, &width, &height);
  report = crs_report_new (handover, blank ? CRS_REPORT_BLANK_CHARTS : CRS_REPORT_HANDOVER, width, height);
  if (!crs_report_write_pdf (report, pdf_path, &error))
    {
      g_printerr ("crs-watch-cli report: %s\n", error->message);
      return 1;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s", "Wrote %u pages to %s",
                       crs_report_get_n_pages (report)),
          crs_report_get_n_pages (report), pdf_path);
  printf (g_dngettext (GETTEXT_PACKAGE, " (%u patient).\n", " (%u patients).\n", handover->patients->len),
          handover->patients->len);
  return 0;
}
