/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ward-xml.c: the ward file reader (src/exchange/crs-ward-xml-*.c),
 * all of it that an import runs before the database: the byte guard, the
 * parser, the schema and the meaning checks. A file it accepts must also
 * survive what the app then does with it: every patient's status worked
 * out (grades as of now, red flags, due times), written back as a ward
 * file that reads again with the same patients, and exported as a FHIR
 * bundle that is well-formed XML. */
#define G_LOG_DOMAIN "fuzz-ward-xml"

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "core/crs-patient-status.h"
#include "exchange/crs-fhir.h"
#include "exchange/crs-ward-xml.h"
#include "crs-fuzz.h"

/* Relative times count from here (2025-03-10). */
#define ANCHOR G_GINT64_CONSTANT (1741593600)

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  crs_fuzz_init ();
  return 0;
}

static void
work_out_status (CrsWardFile *file)
{
  CrsWardPolicy policy;

  crs_ward_policy_init (&policy);
  for (guint i = 0; i < file->patients->len; i++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, i);
      CrsPatientRecord record = { 0 };
      g_autoptr(CrsPatientStatus) status = NULL;

      record.patient = entry->patient;
      record.observations = entry->observations;
      record.infusions = entry->infusions;
      record.interventions = entry->interventions;
      record.acknowledgements = entry->acknowledgements;
      status = crs_patient_status_new (&record, &policy, ANCHOR);
      g_assert_cmpuint (status->gradings->len, ==, status->sets->len);
      if (status->latest != NULL)
        {
          g_autofree char *crs = crs_scale_status_text (&status->crs);
          g_autofree char *icans = crs_scale_status_text (&status->icans);
          g_assert_true (g_utf8_validate (crs, -1, NULL));
          g_assert_true (g_utf8_validate (icans, -1, NULL));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(CrsWardFile) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) bundle = NULL;

  file = crs_ward_xml_read_bytes (bytes, "fuzz.xml", ANCHOR, 0, &error);
  if (file == NULL)
    {
      /* Refused, with a message that names the file. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == CRS_EXCHANGE_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  work_out_status (file);

  /* Written back, it reads again, with the same patients. A record the
   * writer refuses (text XML cannot carry) is refused with a message. */
  written = crs_ward_xml_write (file, ANCHOR, &error);
  if (written == NULL)
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  else
    {
      again = crs_ward_xml_read_bytes (written, "written.xml", ANCHOR, G_MAXSIZE, &error);
      if (again == NULL)
        g_error ("a ward file read from fuzz.xml and written back does not read again: %s\n%.*s",
                 error->message, (int) MIN (g_bytes_get_size (written), 4000),
                 (const char *) g_bytes_get_data (written, NULL));
      g_assert_cmpuint (again->patients->len, ==, file->patients->len);
    }

  /* Its FHIR bundle is well-formed XML. */
  bundle = crs_fhir_write_bundle (file, "fuzz-ward", NULL, ANCHOR, NULL, &error);
  if (bundle == NULL)
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  else
    {
      gsize len = 0;
      const char *text = g_bytes_get_data (bundle, &len);
      xmlDocPtr doc = xmlReadMemory (text, (int) len, NULL, "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

      if (doc == NULL)
        g_error ("the FHIR bundle of fuzz.xml is not well-formed");
      xmlFreeDoc (doc);
    }
  return 0;
}
