/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ward-xml.c: the ward XML format without a database: the schema
 * matches the model's ids, every field survives writing and reading, and
 * malformed, invalid and hostile files are refused with a message that
 * says what and where. */
#define G_LOG_DOMAIN "test-ward-xml"

#include "config.h"

#include "core/crs-grade-pews.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "core/crs-symptom.h"
#include "crs-test-locale.h"
#include "crs-test-ward-utils.h"
#include "exchange/crs-ward-xml-private.h"
#include "crs-test-store-utils.h"

#define NS "https://crswatch.org/ns/ward/1"
/* 2025-03-10T08:00:00Z */
#define ANCHOR G_GINT64_CONSTANT (1741593600)

static const char *minimal_patient =
  "<patient mrn=\"A1\" name=\"Test Patient\">\n"
  "  <observation taken=\"2025-03-10T08:00:00Z\" temperature-c=\"38.1\"/>\n"
  "</patient>\n";

/* A document around @body (which starts on line 3). */
static char *
doc (const char *body)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<ward xmlns=\"" NS "\">\n%s</ward>\n", body);
}

static CrsWardFile *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return crs_ward_xml_read_bytes (bytes, "test.xml", ANCHOR, 0, error);
}

/* Reads @text, expects @code, and that the message holds every string in
 * the NULL-terminated list. */
static void
assert_rejected (const char *text,
                 int         code,
                 ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = read_text (text, &error);
  va_list args;
  const char *expected;

  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, code);
  g_test_message ("message: %s", error->message);

  va_start (args, code);
  while ((expected = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, expected) == NULL)
      g_error ("“%s” not in “%s”", expected, error->message);
  va_end (args);
}

/* ---------------------------------------------------------------------- */

/* Every <xs:enumeration> of the named simple type in the schema. */
static GPtrArray *
schema_enumeration (xmlDocPtr   schema,
                    const char *type_name)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  xmlNodePtr root = xmlDocGetRootElement (schema);

  for (xmlNodePtr type = root->children; type != NULL; type = type->next)
    {
      xmlChar *name;

      if (type->type != XML_ELEMENT_NODE || !xmlStrEqual (type->name, BAD_CAST "simpleType"))
        continue;
      name = xmlGetProp (type, BAD_CAST "name");
      if (xmlStrEqual (name, BAD_CAST type_name))
        for (xmlNodePtr r = type->children; r != NULL; r = r->next)
          for (xmlNodePtr e = r->children; e != NULL; e = e->next)
            if (e->type == XML_ELEMENT_NODE && xmlStrEqual (e->name, BAD_CAST "enumeration"))
              {
                xmlChar *value = xmlGetProp (e, BAD_CAST "value");
                g_ptr_array_add (values, g_strdup ((const char *) value));
                xmlFree (value);
              }
      xmlFree (name);
    }
  return values;
}

static void
assert_enumeration (xmlDocPtr    schema,
                    const char  *type_name,
                    int          first,
                    int          n_values,
                    const char *(*to_id) (int value))
{
  g_autoptr(GPtrArray) values = schema_enumeration (schema, type_name);

  g_test_message ("%s: %u values in the schema", type_name, values->len);
  g_assert_cmpuint (values->len, ==, (guint) (n_values - first));
  for (int v = first; v < n_values; v++)
    g_assert_cmpstr (g_ptr_array_index (values, v - first), ==, to_id (v));
}

#define ID_FN(name, Type) \
  static const char *name##_id (int v) { return crs_##name##_to_id ((Type) v); }
ID_FN (o2_device, CrsO2Device)
ID_FN (acvpu, CrsAcvpu)
ID_FN (arousal, CrsArousal)
ID_FN (seizure, CrsSeizure)
ID_FN (edema, CrsEdema)
ID_FN (sex, CrsSex)
ID_FN (intervention_kind, CrsInterventionKind)
ID_FN (ice_item, CrsIceItem)
ID_FN (symptom, CrsSymptom)
ID_FN (resp_distress, CrsRespDistress)
ID_FN (bp_skip, CrsBpSkip)
ID_FN (carer, CrsCarer)
ID_FN (sepsis, CrsSepsis)
ID_FN (pews_band, CrsPewsBand)
static const char *tri_id (int v) { return crs_tri_to_id ((CrsTri) v); }
static const char *pews_level_id (int v) { return crs_pews_level_to_id ((CrsPewsLevel) v); }

static void
test_schema_matches_model (void)
{
  g_autoptr(GBytes) bytes = crs_ward_xml_get_schema ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr schema = xmlReadMemory (data, (int) size, "crs-ward.xsd", NULL, XML_PARSE_NONET);
  g_autofree char *installed = NULL;
  g_autofree char *installed_path = g_build_filename (g_getenv ("CRS_WATCH_DATADIR"), "crs-ward.xsd", NULL);
  gsize installed_len;

  g_assert_nonnull (schema);
  assert_enumeration (schema, "O2Device", 1, CRS_O2_N_VALUES, o2_device_id);
  assert_enumeration (schema, "Acvpu", 1, CRS_ACVPU_N_VALUES, acvpu_id);
  assert_enumeration (schema, "Arousal", 1, CRS_AROUSAL_N_VALUES, arousal_id);
  assert_enumeration (schema, "Seizure", 1, CRS_SEIZURE_N_VALUES, seizure_id);
  assert_enumeration (schema, "Edema", 1, CRS_EDEMA_N_VALUES, edema_id);
  assert_enumeration (schema, "Sex", 1, CRS_SEX_N_VALUES, sex_id);
  assert_enumeration (schema, "YesNo", 1, CRS_TRI_YES + 1, tri_id);
  assert_enumeration (schema, "InterventionKind", 1, CRS_INTERVENTION_N_VALUES, intervention_kind_id);
  assert_enumeration (schema, "IceItem", 0, CRS_ICE_N_ITEMS, ice_item_id);
  assert_enumeration (schema, "Symptom", 0, CRS_SYMPTOM_N_VALUES, symptom_id);
  assert_enumeration (schema, "RespDistress", 1, CRS_RESP_DISTRESS_N_VALUES, resp_distress_id);
  assert_enumeration (schema, "BpSkip", 1, CRS_BP_SKIP_N_VALUES, bp_skip_id);
  assert_enumeration (schema, "Carer", 1, CRS_CARER_N_VALUES, carer_id);
  assert_enumeration (schema, "Sepsis", 1, CRS_SEPSIS_N_VALUES, sepsis_id);
  assert_enumeration (schema, "PewsChart", 1, CRS_PEWS_BAND_N_VALUES, pews_band_id);
  assert_enumeration (schema, "PewsLevel", 0, CRS_PEWS_LEVEL_N_VALUES, pews_level_id);
  xmlFreeDoc (schema);

  /* The copy installed for people and tools is the one compiled in. */
  g_assert_true (g_file_get_contents (installed_path, &installed, &installed_len, NULL));
  g_assert_cmpmem (installed, installed_len, data, size);
}

static void
test_round_trip (void)
{
  g_autoptr(CrsWardFile) original = crs_test_ward_file_rich ();
  g_autoptr(CrsWardFile) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  first = crs_ward_xml_write (original, ANCHOR, &error);
  g_assert_no_error (error);
  again = crs_ward_xml_read_bytes (first, "first.xml", 0, 0, &error);
  g_assert_no_error (error);

  /* Every field of every record, not just the text. */
  crs_test_assert_ward_files_equal (original, again);
  crs_test_assert_ward_files_equal (again, original);

  /* Written again, the text is the same to the byte. */
  second = crs_ward_xml_write (again, ANCHOR, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));

  /* The text says what a person reading it expects. */
  {
    gsize size;
    const char *text = g_bytes_get_data (first, &size);
    g_autofree char *copy = g_strndup (text, size);

    g_assert_true (g_str_has_prefix (copy, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    g_assert_nonnull (strstr (copy, "exported-at=\"2025-03-10T08:00:00Z\""));
    g_assert_nonnull (strstr (copy, "therapy-code=\"blinatumomab\""));
    g_assert_nonnull (strstr (copy, "temperature-c=\"38.25\""));
    g_assert_nonnull (strstr (copy, "o2-device=\"non_rebreather\""));
    g_assert_nonnull (strstr (copy, "&lt;Mbeki&gt; &amp; family."));
    g_assert_nonnull (strstr (copy, "ice-items=\"\""));
    g_assert_nonnull (strstr (copy, "supersedes=\"o"));
    /* The children's PEWS fields and the stored PEWS. */
    g_assert_nonnull (strstr (copy, "resp-distress=\"severe\""));
    g_assert_nonnull (strstr (copy, "crt-s=\"2.5\""));
    g_assert_nonnull (strstr (copy, "o2-percent=\"42.5\""));
    g_assert_nonnull (strstr (copy, "bp-skip=\"u4\""));
    g_assert_nonnull (strstr (copy, "carer=\"unavailable\""));
    g_assert_nonnull (strstr (copy, "intuition=\"yes\""));
    g_assert_nonnull (strstr (copy, "sepsis=\"shock\""));
    g_assert_nonnull (strstr (copy, "pews-chart=\"13_years\""));
    g_assert_nonnull (strstr (copy, "pews=\"6\" pews-level=\"high\""));
    g_assert_null (strstr (copy, "NaN"));
    g_assert_null (strstr (copy, "-1\""));
  }
}

static void
test_double_format (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 38.2, "38.2" }, { 38.25, "38.25" }, { 9, "9" }, { 0, "0" }, { -0.0, "0" },
    { 0.5, "0.5" }, { 1.0 / 3.0, "0.3333333333333333" }, { 1.5e-7, "0.00000015" },
    { 123456.75, "123456.75" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = crs_ward_xml_format_double (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }
}

/* A German desktop (decimal comma): ward files still read and write '.'
 * decimals, and the schema's numeric limits still hold (libxml2 reads
 * numbers with the C library's locale-dependent parsing). */
static void
test_german_numbers (void)
{
  g_autofree char *old = crs_test_use_locale ("de_DE");
  g_autofree char *text = NULL;
  g_autofree char *demo_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(CrsWardFile) demo = NULL;
  g_autofree char *written = NULL;
  CrsWardFilePatient *entry;
  CrsObservation *obs;

  if (old == NULL)
    return;
  /* Loaded: $LOCPATH is no longer needed, and glibc 2.36's newlocale()
   * leaks its copy of it (the reader makes a C-numbers locale). */
  g_unsetenv ("LOCPATH");
  /* The locale really writes a decimal comma. */
  written = g_strdup_printf ("%.1f", 38.5);
  g_assert_cmpstr (written, ==, "38,5");

  text = doc (minimal_patient);
  file = read_text (text, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (file->patients, 0);
  obs = g_ptr_array_index (entry->observations, 0);
  g_assert_cmpfloat (obs->temperature_c, ==, 38.1);

  g_clear_pointer (&written, g_free);
  written = crs_ward_xml_format_double (38.25);
  g_assert_cmpstr (written, ==, "38.25");

  /* The demo ward has lab results, checked against the schema's
   * maxInclusive 1.0E12. */
  demo_path = g_build_filename (g_getenv ("CRS_WATCH_DATADIR"), "demo-ward.xml", NULL);
  demo = crs_ward_xml_read_file (demo_path, ANCHOR, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo);
  g_assert_cmpuint (demo->patients->len, >, 0);
  crs_test_restore_locale (old);
}

static void
test_minimal (void)
{
  g_autofree char *text = doc (minimal_patient);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = read_text (text, &error);
  CrsWardFilePatient *entry;
  CrsObservation *obs;

  g_assert_no_error (error);
  g_assert_cmpuint (file->patients->len, ==, 1);
  entry = g_ptr_array_index (file->patients, 0);
  g_assert_cmpstr (entry->patient->mrn, ==, "A1");
  g_assert_cmpint (entry->line, ==, 3);
  g_assert_cmpint (entry->patient->spo2_scale, ==, 1);
  g_assert_false (entry->patient->archived);
  g_assert_cmpuint (entry->observations->len, ==, 1);
  obs = g_ptr_array_index (entry->observations, 0);
  g_assert_cmpint (obs->taken_at, ==, ANCHOR);
  g_assert_cmpfloat (obs->temperature_c, ==, 38.1);
  /* What the file leaves out stays missing. */
  g_assert_cmpint (obs->heart_rate, ==, CRS_MISSING);
  g_assert_cmpint (obs->o2_device, ==, CRS_O2_UNSET);
  g_assert_false (obs->ice_items_recorded);
  g_assert_cmpint (obs->stored_crs_grade, ==, CRS_MISSING);
  g_assert_null (obs->stored_rules);
  g_assert_cmpint (obs->recorded_at, ==, 0);
}

static void
test_relative_times (void)
{
  g_autofree char *text = g_strdup (
    "<ward xmlns=\"" NS "\" times=\"relative\">\n"
    "<patient mrn=\"C1\" birth-date=\"-P7Y3M\">\n"
    "  <infusion therapy-code=\"blinatumomab\" start=\"-P2DT6H\" end=\"PT18H\"/>\n"
    "  <observation taken=\"-PT36H\" recorded=\"-PT35H50M\" capd=\"4\">\n"
    "    <acknowledgement at=\"-PT35H30S\"/>\n"
    "  </observation>\n"
    "  <intervention at=\"-PT1H\" kind=\"antipyretic\"/>\n"
    "  <lab-result at=\"-P1D\" loinc=\"1988-5\" value=\"12\"/>\n"
    "</patient>\n</ward>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = read_text (text, &error);
  CrsWardFilePatient *entry;
  CrsInfusion *infusion;
  CrsObservation *obs;
  CrsAcknowledgement *ack;

  g_assert_no_error (error);
  entry = g_ptr_array_index (file->patients, 0);
  /* 2025-03-10 less 7 years 3 months */
  g_assert_cmpstr (entry->patient->birth_date, ==, "2017-12-10");
  g_assert_cmpint (crs_patient_age_years (entry->patient, ANCHOR), ==, 7);
  infusion = g_ptr_array_index (entry->infusions, 0);
  g_assert_cmpint (infusion->start_at, ==, ANCHOR - (2 * 24 + 6) * 3600);
  g_assert_cmpint (infusion->end_at, ==, ANCHOR + 18 * 3600);
  obs = g_ptr_array_index (entry->observations, 0);
  g_assert_cmpint (obs->taken_at, ==, ANCHOR - 36 * 3600);
  g_assert_cmpint (obs->recorded_at, ==, ANCHOR - 35 * 3600 - 50 * 60);
  ack = g_ptr_array_index (entry->acknowledgements, 0);
  g_assert_cmpint (ack->at, ==, ANCHOR - 35 * 3600 - 30);
  g_assert_cmpint (ack->observation_id, ==, obs->id);
  g_assert_cmpint (((CrsIntervention *) g_ptr_array_index (entry->interventions, 0))->at, ==, ANCHOR - 3600);
  g_assert_cmpint (((CrsLabResult *) g_ptr_array_index (entry->lab_results, 0))->at, ==, ANCHOR - 86400);
}

static void
test_time_mode_mismatch (void)
{
  g_autofree char *absolute_with_offset = doc (
    "<patient mrn=\"A1\">\n"
    "  <observation taken=\"-PT3H\"/>\n"
    "</patient>\n");
  const char *relative_with_date =
    "<ward xmlns=\"" NS "\" times=\"relative\">\n"
    "<patient mrn=\"A1\">\n"
    "  <observation taken=\"2025-03-10T08:00:00Z\"/>\n"
    "</patient>\n</ward>\n";
  const char *relative_birth_date =
    "<ward xmlns=\"" NS "\" times=\"relative\">\n"
    "<patient mrn=\"A1\" birth-date=\"2015-01-01\"/>\n</ward>\n";

  assert_rejected (absolute_with_offset, CRS_EXCHANGE_ERROR_INVALID,
                   "test.xml, line 4", "observation", "taken", "-PT3H", "relative", NULL);
  assert_rejected (relative_with_date, CRS_EXCHANGE_ERROR_INVALID,
                   "line 3", "taken", "2025-03-10T08:00:00Z", NULL);
  assert_rejected (relative_birth_date, CRS_EXCHANGE_ERROR_INVALID,
                   "line 2", "birth-date", NULL);
}

static void
test_malformed (void)
{
  g_autofree char *mismatched = doc (
    "<patient mrn=\"A1\">\n"
    "  <observation taken=\"2025-03-10T08:00:00Z\">\n"
    "</patient>\n");
  g_autofree char *unquoted = doc ("<patient mrn=A1/>\n");
  g_autofree char *truncated = g_strndup (mismatched, 80);

  assert_rejected (mismatched, CRS_EXCHANGE_ERROR_MALFORMED, "test.xml, line 5", "observation", NULL);
  assert_rejected (unquoted, CRS_EXCHANGE_ERROR_MALFORMED, "line 3", NULL);
  assert_rejected (truncated, CRS_EXCHANGE_ERROR_MALFORMED, "test.xml", NULL);
  assert_rejected ("", CRS_EXCHANGE_ERROR_MALFORMED, "empty", NULL);
  assert_rejected ("just some text, not XML", CRS_EXCHANGE_ERROR_MALFORMED, "test.xml", NULL);
  /* Not UTF-8 */
  assert_rejected ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<ward xmlns=\"" NS "\"/>",
                   CRS_EXCHANGE_ERROR_INVALID, "UTF-8", NULL);
  assert_rejected ("<ward xmlns=\"" NS "\"><patient mrn=\"\xC3\x28\"/></ward>",
                   CRS_EXCHANGE_ERROR_MALFORMED, "line 1", NULL);
}

static void
test_utf16_refused (void)
{
  static const char utf16[] = "\xFF\xFE<\0w\0a\0r\0d\0/\0>\0";
  g_autoptr(GBytes) bytes = g_bytes_new (utf16, sizeof utf16 - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = crs_ward_xml_read_bytes (bytes, "utf16.xml", ANCHOR, 0, &error);

  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

/* Table: documents the schema refuses, with what the message must name. */
static void
test_invalid (void)
{
  static const struct {
    const char *body;
    const char *line;
    const char *element;
    const char *detail;
  } cases[] = {
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" heart-rate=\"1200\"/>\n</patient>\n",
      "line 4", "observation", "heart-rate" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" o2-device=\"oxygen tent\"/>\n</patient>\n",
      "line 4", "observation", "o2-device" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" symptoms=\"fever headache\"/>\n</patient>\n",
      "line 4", "observation", "symptoms" },
    { "<patient mrn=\"A1\">\n  <observation temperature-c=\"38\"/>\n</patient>\n",
      "line 4", "observation", "taken" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10 08:00\"/>\n</patient>\n",
      "line 4", "observation", "taken" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00+01:00\"/>\n</patient>\n",
      "line 4", "observation", "taken" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" temperature-c=\"3.82\"/>\n</patient>\n",
      "line 4", "observation", "temperature-c" },
    { "<patient name=\"No MRN\"/>\n", "line 3", "patient", "mrn" },
    { "<patient mrn=\"A1\" sex=\"f\"/>\n", "line 3", "patient", "sex" },
    { "<patient mrn=\"A1\" birth-date=\"1961-02-30\"/>\n", "line 3", "patient", "birth-date" },
    { "<patient mrn=\"A1\" spo2-scale=\"3\"/>\n", "line 3", "patient", "spo2-scale" },
    { "<patient mrn=\"A1\">\n  <favourite-colour>blue</favourite-colour>\n</patient>\n",
      "line 4", "favourite-colour", "" },
    { "<patient mrn=\"A1\">\n  <lab-result at=\"2025-03-10T08:00:00Z\" loinc=\"CRP\" value=\"5\"/>\n</patient>\n",
      "line 4", "lab-result", "loinc" },
    { "<patient mrn=\"A1\">\n  <lab-result at=\"2025-03-10T08:00:00Z\" loinc=\"1988-5\" value=\"NaN\"/>\n</patient>\n",
      "line 4", "lab-result", "value" },
    { "<patient mrn=\"A1\">\n  <intervention at=\"2025-03-10T08:00:00Z\" kind=\"prayer\"/>\n</patient>\n",
      "line 4", "intervention", "kind" },
    { "<patient mrn=\"A1\">\n  <infusion start=\"2025-03-10T08:00:00Z\"/>\n</patient>\n",
      "line 4", "infusion", "therapy" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\">\n"
      "    <grades crs=\"5\" rules=\"ASTCT-2019\"/>\n  </observation>\n</patient>\n",
      "line 5", "grades", "crs" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" crt-s=\"75\"/>\n</patient>\n",
      "line 4", "observation", "crt-s" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" o2-percent=\"12\"/>\n</patient>\n",
      "line 4", "observation", "o2-percent" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" resp-distress=\"wheeze\"/>\n</patient>\n",
      "line 4", "observation", "resp-distress" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\" pews-chart=\"adult\"/>\n</patient>\n",
      "line 4", "observation", "pews-chart" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\">\n"
      "    <grades pews=\"27\"/>\n  </observation>\n</patient>\n",
      "line 5", "grades", "pews" },
    { "<patient mrn=\"A1\">\n  <observation taken=\"2025-03-10T08:00:00Z\">\n"
      "    <grades pews-level=\"extreme\"/>\n  </observation>\n</patient>\n",
      "line 5", "grades", "pews-level" },
    { "<settings>\n  <setting key=\"a\" value=\"1\"/>\n  <setting key=\"a\" value=\"2\"/>\n</settings>\n",
      "line 5", "setting", "a" },
    /* Reported where the patient ends: the streaming validator only
     * knows then. */
    { "<patient mrn=\"A1\">\n  text where none belongs\n</patient>\n",
      "line 5", "patient", "Character content" },
    /* Elements out of order: diagnosis after a record */
    { "<patient mrn=\"A1\">\n  <intervention at=\"2025-03-10T08:00:00Z\" kind=\"other\"/>\n"
      "  <diagnosis>x</diagnosis>\n</patient>\n", "line 5", "diagnosis", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = doc (cases[i].body);

      g_test_message ("case %u", i);
      assert_rejected (text, CRS_EXCHANGE_ERROR_INVALID,
                       "test.xml", cases[i].line, cases[i].element, cases[i].detail, NULL);
    }
}

static void
test_wrong_root (void)
{
  assert_rejected ("<ward xmlns=\"https://example.org/other\"/>", CRS_EXCHANGE_ERROR_INVALID,
                   "test.xml", "ward", NULL);
  assert_rejected ("<ward/>", CRS_EXCHANGE_ERROR_INVALID, "test.xml", "ward", NULL);
  assert_rejected ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
                   CRS_EXCHANGE_ERROR_INVALID, "html", NULL);
}

static void
test_amendments (void)
{
  static const struct { const char *body; const char *line; const char *detail; } cases[] = {
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "  <observation id=\"o2\" supersedes=\"o9\" amend-reason=\"typo\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n", "line 5", "o9" },
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "  <observation id=\"o2\" supersedes=\"o1\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n", "line 5", "amend-reason" },
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" amend-reason=\"typo\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n", "line 4", "amend-reason" },
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "  <observation id=\"o2\" supersedes=\"o1\" amend-reason=\"a\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "  <observation id=\"o3\" supersedes=\"o1\" amend-reason=\"b\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n", "line 6", "line 5" },
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" supersedes=\"o2\" amend-reason=\"a\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "  <observation id=\"o2\" supersedes=\"o1\" amend-reason=\"b\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n", "line 4", "circle" },
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n"
      "<patient mrn=\"A2\">\n"
      "  <observation id=\"o2\" supersedes=\"o1\" amend-reason=\"a\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "</patient>\n", "line 7", "another patient" },
    { "<patient mrn=\"A1\">\n"
      "  <observation id=\"o1\" taken=\"2025-03-10T08:00:00Z\"/>\n"
      "  <observation id=\"o1\" taken=\"2025-03-10T09:00:00Z\"/>\n"
      "</patient>\n", "line 5", "o1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = doc (cases[i].body);

      g_test_message ("case %u", i);
      assert_rejected (text, CRS_EXCHANGE_ERROR_INVALID, "test.xml", cases[i].line, cases[i].detail, NULL);
    }
}

static void
test_duplicate_mrn_in_file (void)
{
  g_autofree char *text = doc (
    "<patient mrn=\"SAME-1\" name=\"First\"/>\n"
    "<patient mrn=\"OTHER\"/>\n"
    "<patient mrn=\"SAME-1\" name=\"Second\"/>\n");

  assert_rejected (text, CRS_EXCHANGE_ERROR_DUPLICATE, "test.xml, line 5", "SAME-1", "line 3", NULL);
}

/* ---------------------------------------------------------------------- */
/* Hostile input                                                          */

static void
test_xxe (void)
{
  g_autofree char *secret = crs_test_write_temp_file ("secret.txt", "TOP-SECRET-7731", -1);
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE ward [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
    "<ward xmlns=\"" NS "\">\n"
    "<patient mrn=\"A1\" name=\"&xxe;\"/>\n"
    "</ward>\n", secret);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = read_text (text, &error);

  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "DOCTYPE"));
  g_assert_null (strstr (error->message, "TOP-SECRET"));

  /* A parameter entity pulling in a file, and an external DTD. */
  g_free (text);
  text = g_strdup_printf ("<!DOCTYPE ward [ <!ENTITY %% p SYSTEM \"file://%s\"> %%p; ]>\n"
                          "<ward xmlns=\"" NS "\"/>\n", secret);
  assert_rejected (text, CRS_EXCHANGE_ERROR_UNSAFE, "DOCTYPE", NULL);
  assert_rejected ("<!DOCTYPE ward SYSTEM \"http://127.0.0.1:9/ward.dtd\">\n<ward xmlns=\"" NS "\"/>",
                   CRS_EXCHANGE_ERROR_UNSAFE, "DOCTYPE", NULL);
}

static void
test_billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE ward [\n <!ENTITY lol0 \"lol\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  gint64 start = g_get_monotonic_time ();

  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (text, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (text, "&lol%d;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n<ward xmlns=\"" NS "\"><patient mrn=\"&lol9;\"/></ward>\n");
  bytes = g_string_free_to_bytes (text);

  file = crs_ward_xml_read_bytes (bytes, "laughs.xml", ANCHOR, 0, &error);
  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_UNSAFE);
  /* Refused before any expansion: well under a second. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_doctype_split_across_reads (void)
{
  /* "<!DOCTYPE" straddling the parser's read boundary is still seen. */
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!--");

  for (gsize i = 0; text->len < 4096 - 4; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "-->\n<!DOCTYPE ward [ <!ENTITY a \"b\"> ]>\n<ward xmlns=\"" NS "\"/>\n");

  for (gsize shift = 0; shift < 12; shift++)
    {
      g_autoptr(GString) shifted = g_string_new (text->str);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(CrsWardFile) file = NULL;

      g_string_insert_len (shifted, 30, "yyyyyyyyyyyy", (gssize) shift);
      bytes = g_bytes_new (shifted->str, shifted->len);
      file = crs_ward_xml_read_bytes (bytes, "split.xml", ANCHOR, 0, &error);
      g_assert_null (file);
      g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_UNSAFE);
    }
  g_string_free (text, TRUE);
}

static void
test_xinclude_ignored (void)
{
  g_autofree char *secret = crs_test_write_temp_file ("secret.xml", "<x>TOP-SECRET</x>", -1);
  g_autofree char *body = g_strdup_printf (
    "<patient mrn=\"A1\">\n"
    "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\"/>\n"
    "</patient>\n", secret);
  g_autofree char *text = doc (body);

  assert_rejected (text, CRS_EXCHANGE_ERROR_INVALID, "line 4", "include", NULL);
}

static void
test_too_large (void)
{
  g_autoptr(GString) text = g_string_new ("<ward xmlns=\"" NS "\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sparse = NULL;
  FILE *f;
  gint64 start;

  while (text->len < 300 * 1024)
    g_string_append (text, "<patient mrn=\"x\"/>\n");
  g_string_append (text, "</ward>\n");

  /* In memory, with a small limit. */
  bytes = g_bytes_new (text->str, text->len);
  file = crs_ward_xml_read_bytes (bytes, "big.xml", ANCHOR, 100 * 1024, &error);
  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.xml"));
  g_clear_error (&error);

  /* A file, with a small limit. */
  path = crs_test_write_temp_file ("big.xml", text->str, (gssize) text->len);
  file = crs_ward_xml_read_file (path, ANCHOR, 100 * 1024, &error);
  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.xml"));
  g_clear_error (&error);

  /* Over the real limit: refused from its size alone, before parsing
   * (a sparse file, so the test writes nothing). */
  sparse = crs_test_write_temp_file ("huge.xml", "", 0);
  f = fopen (sparse, "r+");
  g_assert_nonnull (f);
  g_assert_cmpint (fseeko (f, (off_t) CRS_WARD_XML_MAX_BYTES + 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), !=, EOF);
  fclose (f);
  start = g_get_monotonic_time ();
  file = crs_ward_xml_read_file (sparse, ANCHOR, 0, &error);
  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.xml"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("<ward xmlns=\"" NS "\">\n<patient mrn=\"A1\">\n");

  gint64 start = g_get_monotonic_time ();

  /* The byte scan stops it at the first element deeper than any ward
   * file nests, before libxml2 has parsed it (crs-xml-input.c). */
  for (int i = 0; i < 50000; i++)
    g_string_append (text, "<note>\n");
  assert_rejected (text->str, CRS_EXCHANGE_ERROR_TOO_LARGE, "test.xml, line 10", "nest more than 8 deep", NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
}

static void
test_not_regular_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = crs_ward_xml_read_file ("/dev/zero", ANCHOR, 0, &error);

  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO);

  g_clear_error (&error);
  file = crs_ward_xml_read_file ("/nonexistent/ward.xml", ANCHOR, 0, &error);
  g_assert_null (file);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/ward.xml"));
}

static void
test_big_line_numbers (void)
{
  g_autoptr(GString) text = g_string_new ("<ward xmlns=\"" NS "\">\n");
  int line;

  for (line = 2; line < 70000; line++)
    g_string_append_printf (text, "<patient mrn=\"P%d\"/>\n", line);
  g_string_append (text, "<patient mrn=\"bad\" sex=\"unknown\"/>\n</ward>\n");
  {
    g_autofree char *where = g_strdup_printf ("line %d", line);
    assert_rejected (text->str, CRS_EXCHANGE_ERROR_INVALID, where, "sex", NULL);
  }
}

static void
test_write_refuses_control_characters (void)
{
  g_autoptr(CrsWardFile) file = crs_ward_file_new ();
  CrsPatient *patient = crs_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  patient->mrn = g_strdup ("A1");
  patient->name = g_strdup ("Bell\x07 character");
  crs_ward_file_add_patient (file, patient);
  bytes = crs_ward_xml_write (file, 0, &error);
  g_assert_null (bytes);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "A1"));
  g_assert_nonnull (strstr (error->message, "name"));
}

/* A file of @n sets of one patient: each amending the one before when
 * @chained, else each on its own. */
static char *
many_sets (guint    n,
           gboolean chained)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<ward xmlns=\"" NS "\">\n<patient mrn=\"CHAIN-1\">\n");

  for (guint i = 1; i <= n; i++)
    {
      if (chained && i > 1)
        g_string_append_printf (text, "<observation id=\"o%u\" supersedes=\"o%u\" amend-reason=\"r\""
                                      " taken=\"2025-03-10T08:00:00Z\" heart-rate=\"%u\"/>\n",
                                i, i - 1, 40 + i % 100);
      else
        g_string_append_printf (text, "<observation id=\"o%u\" taken=\"2025-03-10T08:00:00Z\""
                                      " heart-rate=\"%u\"/>\n", i, 40 + i % 100);
    }
  g_string_append (text, "</patient>\n</ward>\n");
  return g_string_free (text, FALSE);
}

static double
time_read (const char *text,
           guint       expected_sets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsWardFile) file = NULL;
  gint64 start = g_get_monotonic_time ();
  CrsWardFilePatient *entry;

  file = read_text (text, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (file->patients, 0);
  g_assert_cmpuint (entry->observations->len, ==, expected_sets);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* One chain of many versions reads as fast as as many separate sets:
 * amendments are resolved through a hash table, not by walking each chain
 * back with a search (which took 212 s for 12 000 versions). */
static void
test_long_chain_linear (void)
{
  const guint n = 20000;
  g_autofree char *flat = many_sets (n, FALSE);
  g_autofree char *chain = many_sets (n, TRUE);
  double t_flat = time_read (flat, n);
  double t_chain = time_read (chain, n);

  g_test_message ("%u sets: %.2f s unchained, %.2f s in one chain", n, t_flat, t_chain);
  g_assert_cmpfloat (t_chain, <, 3 * t_flat + 0.5);

  /* ...and the chain is what the file says. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrsWardFile) file = read_text (chain, &error);
    CrsWardFilePatient *entry = g_ptr_array_index (file->patients, 0);
    CrsObservation *first = g_ptr_array_index (entry->observations, 0);
    CrsObservation *last = g_ptr_array_index (entry->observations, n - 1);
    CrsObservation *before_last = g_ptr_array_index (entry->observations, n - 2);

    g_assert_cmpint (first->supersedes_id, ==, 0);
    g_assert_cmpint (last->superseded_by_id, ==, 0);
    g_assert_cmpint (last->supersedes_id, ==, before_last->id);
    g_assert_cmpint (before_last->superseded_by_id, ==, last->id);
  }
}

/* An element with a great many attributes (or one huge start tag) is
 * refused before libxml2 parses its attributes, quickly, naming the line. */
static void
test_attribute_cap (void)
{
  static const struct { guint attributes; gsize value_len; const char *words; } cases[] = {
    { 200000, 1, "attributes" },
    { 10000, 1, "attributes" },
    { 2, 4 * 1024 * 1024, "bytes" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                    "<ward xmlns=\"" NS "\">\n<patient mrn=\"A1\">\n"
                                    "<observation taken=\"2025-03-10T08:00:00Z\"");
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsWardFile) file = NULL;
      g_autofree char *value = g_strnfill (cases[c].value_len, 'x');
      gint64 start;
      double seconds;

      for (guint i = 0; i < cases[c].attributes; i++)
        g_string_append_printf (text, "\n a%u=\"%s\"", i, value);
      g_string_append (text, "/>\n</patient>\n</ward>\n");

      start = g_get_monotonic_time ();
      file = read_text (text->str, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_test_message ("%u attributes, %zu bytes: %.3f s: %s", cases[c].attributes, text->len,
                      seconds, error ? error->message : "accepted");
      g_assert_null (file);
      g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "test.xml, line 4"));
      g_assert_nonnull (strstr (error->message, cases[c].words));
      g_assert_cmpfloat (seconds, <, 2.0);
      g_string_free (text, TRUE);
    }

  /* The widest element a ward file has (every observation attribute) is
   * read as before. */
  {
    g_autoptr(CrsWardFile) file = crs_ward_file_new ();
    CrsPatient *patient = crs_patient_new ();
    CrsWardFilePatient *entry;
    g_autoptr(CrsObservation) obs = make_full_observation (0, ANCHOR);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(CrsWardFile) back = NULL;

    patient->mrn = g_strdup ("WIDE-1");
    entry = crs_ward_file_add_patient (file, patient);
    obs->id = 1;
    g_ptr_array_add (entry->observations, g_object_ref (obs));
    bytes = crs_ward_xml_write (file, 0, &error);
    g_assert_no_error (error);
    back = crs_ward_xml_read_bytes (bytes, "wide.xml", ANCHOR, 0, &error);
    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* First: the built-in schema is parsed once, by the first read, and
   * its numeric facets must come out right under a German locale too. */
  g_test_add_func ("/ward-xml/german-numbers", test_german_numbers);
  g_test_add_func ("/ward-xml/schema-matches-model", test_schema_matches_model);
  g_test_add_func ("/ward-xml/round-trip", test_round_trip);
  g_test_add_func ("/ward-xml/double-format", test_double_format);
  g_test_add_func ("/ward-xml/minimal", test_minimal);
  g_test_add_func ("/ward-xml/relative-times", test_relative_times);
  g_test_add_func ("/ward-xml/time-mode-mismatch", test_time_mode_mismatch);
  g_test_add_func ("/ward-xml/malformed", test_malformed);
  g_test_add_func ("/ward-xml/utf16-refused", test_utf16_refused);
  g_test_add_func ("/ward-xml/invalid", test_invalid);
  g_test_add_func ("/ward-xml/wrong-root", test_wrong_root);
  g_test_add_func ("/ward-xml/amendments", test_amendments);
  g_test_add_func ("/ward-xml/duplicate-mrn-in-file", test_duplicate_mrn_in_file);
  g_test_add_func ("/ward-xml/hostile/xxe", test_xxe);
  g_test_add_func ("/ward-xml/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/ward-xml/hostile/doctype-split", test_doctype_split_across_reads);
  g_test_add_func ("/ward-xml/hostile/xinclude", test_xinclude_ignored);
  g_test_add_func ("/ward-xml/hostile/too-large", test_too_large);
  g_test_add_func ("/ward-xml/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/ward-xml/hostile/attribute-cap", test_attribute_cap);
  g_test_add_func ("/ward-xml/long-chain-linear", test_long_chain_linear);
  g_test_add_func ("/ward-xml/not-regular-file", test_not_regular_file);
  g_test_add_func ("/ward-xml/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/ward-xml/write-refuses-control-characters", test_write_refuses_control_characters);

  return g_test_run ();
}
