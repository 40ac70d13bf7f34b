/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-export.c: `crs-watch-cli export --db FILE --xml OUT` or
 * `--fhir OUT`: the ward (or the patients named with --patient or
 * --patients MRN,MRN) as a ward XML file or a FHIR R4 XML bundle. The
 * database is opened read-only. */
#define G_LOG_DOMAIN "crs-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli/crs-cli.h"
#include "exchange/crs-fhir.h"
#include "exchange/crs-ward-xml.h"

int crs_cli_export (int argc, char **argv);

/* The patients named by MRN, as ids; NULL with @error for an unknown one. */
static GArray *
patient_ids_for (CrsStore     *store,
                 char        **mrns,
                 GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; mrns[i] != NULL; i++)
    {
      g_autoptr(CrsPatient) patient = crs_store_find_patient_by_mrn (store, mrns[i], error);

      if (patient == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_FAILED,
                         _("No patient has the MRN %s in %s."), mrns[i], crs_store_get_path (store));
          return NULL;
        }
      g_array_append_val (ids, patient->id);
    }
  return g_steal_pointer (&ids);
}

int
crs_cli_export (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *fhir_path = NULL;
  g_auto(GStrv) mrns = NULL;
  g_auto(GStrv) mrn_lists = NULL;
  g_autoptr(GStrvBuilder) all_mrns = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;
  CrsFhirSummary summary = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database to export from"), N_("FILE") },
    { "xml", 0, 0, G_OPTION_ARG_FILENAME, &xml_path, N_("Write a ward XML file"), N_("OUT") },
    { "fhir", 0, 0, G_OPTION_ARG_FILENAME, &fhir_path, N_("Write a FHIR R4 XML bundle"), N_("OUT") },
    { "patient", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mrns,
      N_("Only this patient (by MRN); may be given several times"), N_("MRN") },
    { "patients", 0, 0, G_OPTION_ARG_STRING_ARRAY, &mrn_lists,
      N_("Only these patients (MRNs separated by commas)"), N_("MRN,...") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Export the ward, or some of its patients, to a file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("export", "%s", error->message);
  if (argc > 1)
    return crs_cli_usage_error ("export", _("Unexpected argument “%s”."), argv[1]);
  if (db_path == NULL)
    return crs_cli_usage_error ("export", "%s", _("Give the database with --db FILE."));
  if ((xml_path == NULL) == (fhir_path == NULL))
    return crs_cli_usage_error ("export", "%s", _("Give one output: --xml OUT or --fhir OUT."));
  if (mrns != NULL)
    g_strv_builder_addv (all_mrns, (const char **) mrns);
  for (guint i = 0; mrn_lists != NULL && mrn_lists[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (mrn_lists[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (*parts[j] == '\0')
            return crs_cli_usage_error ("export", _("An empty MRN in --patients “%s”."), mrn_lists[i]);
          g_strv_builder_add (all_mrns, parts[j]);
        }
    }
  wanted = g_strv_builder_end (all_mrns);

  store = crs_store_open_read_only (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("crs-watch-cli export: %s\n", error->message);
      return 1;
    }

  if (wanted[0] != NULL)
    {
      ids = patient_ids_for (store, wanted, &error);
      if (ids == NULL)
        {
          g_printerr ("crs-watch-cli export: %s\n", error->message);
          return 1;
        }
    }

  if (fhir_path != NULL)
    {
      if (!crs_fhir_export_file (store, ids != NULL ? (const gint64 *) ids->data : NULL,
                                 ids != NULL ? ids->len : 0, fhir_path, &summary, &error))
        {
          g_printerr ("crs-watch-cli export: %s\n", error->message);
          return 1;
        }
      /* TRANSLATORS: "Exported 3 patients (120 observations, 9 medication administrations) to FILE as FHIR." */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Exported %u patient (%u observations, %u medication administrations) to %s as FHIR.\n",
                           "Exported %u patients (%u observations, %u medication administrations) to %s as FHIR.\n",
                           summary.patients),
              summary.patients, summary.observations, summary.medication_administrations, fhir_path);
      return 0;
    }

  if (!crs_ward_xml_export_file (store, ids != NULL ? (const gint64 *) ids->data : NULL,
                                 ids != NULL ? ids->len : 0, xml_path, &error))
    {
      g_printerr ("crs-watch-cli export: %s\n", error->message);
      return 1;
    }

  if (ids != NULL)
    printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u patient to %s.\n",
                         "Exported %u patients to %s.\n", ids->len), ids->len, xml_path);
  else
    printf (_("Exported the ward to %s.\n"), xml_path);
  return 0;
}
