/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fhir.c: the FHIR R4 export, checked by someone else's validator:
 * the bundle of the demo ward (the whole ward, and patients alone
 * through crs-watch-cli) validates against HL7's official R4 schemas with
 * xmllint, and deliberately broken bundles are rejected by it. Beside the
 * schema (which "does not contain all of the rules"), the codes, units and
 * references are checked here, and the grades are those the app shows
 * now (CrsPatientStatus), "at least" and the grade stored at entry
 * included. */
#define G_LOG_DOMAIN "test-fhir"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "core/crs-paths.h"
#include "core/crs-patient-status.h"
#include "exchange/crs-fhir-private.h"
#include "exchange/crs-ward-xml.h"
#include "store/crs-store-private.h"

#define ANCHOR G_GINT64_CONSTANT (1741593600)
#define HOUR 3600
#define UCUM "http://unitsofmeasure.org"

static char *
temp_path (const char *name)
{
  static guint counter = 0;
  g_autofree char *sub = g_strdup_printf ("fhir-%u", ++counter);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), sub, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* xmllint --schema with HL7's fhir-all.xsd; the exit status, and its
 * messages in @messages. */
static int
validate (const char  *path,
          char       **messages)
{
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "fhir-r4-schema", "fhir-all.xsd", NULL);
  const char *argv[] = { g_getenv ("XMLLINT"), "--nonet", "--noout", "--schema", schema, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, messages, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
assert_valid (const char *path)
{
  g_autofree char *messages = NULL;
  int status = validate (path, &messages);

  if (status != 0)
    g_error ("%s does not validate against the FHIR R4 schema:\n%s", path, messages);
  g_assert_nonnull (strstr (messages, "validates"));
}

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("CRS_WATCH_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static CrsStore *
import_demo (char **db_out)
{
  g_autofree char *db = temp_path ("ward.sqlite");
  g_autofree char *path = crs_paths_data_file ("demo-ward.xml");
  g_autoptr(GError) error = NULL;
  CrsWardImportSummary summary = { 0 };
  CrsStore *store = crs_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (crs_ward_xml_import_file (store, path, ANCHOR, &summary, &error));
  g_assert_no_error (error);
  if (db_out != NULL)
    *db_out = g_steal_pointer (&db);
  return store;
}

/* ---------------------------------------------------------------------- */
/* Reading the bundle back                                                */

typedef struct
{
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
  GHashTable        *resources;   /* id -> the resource's element */
} Bundle;

static void
bundle_open (Bundle     *b,
             const char *data,
             gsize       size)
{
  b->doc = xmlReadMemory (data, (int) size, NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (b->doc);
  b->xpath = xmlXPathNewContext (b->doc);
  xmlXPathRegisterNs (b->xpath, (const xmlChar *) "f", (const xmlChar *) "http://hl7.org/fhir");
  b->resources = NULL;
}

/* The resource with id @id, found once through an index (a search of
 * the whole bundle per set would take minutes). */
static xmlNodePtr
bundle_resource (Bundle     *b,
                 const char *id)
{
  if (b->resources == NULL)
    {
      xmlXPathObjectPtr all = xmlXPathEvalExpression ((const xmlChar *) "//f:entry/f:resource/*", b->xpath);

      b->resources = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);
      for (int i = 0; all->nodesetval != NULL && i < all->nodesetval->nodeNr; i++)
        {
          xmlNodePtr node = all->nodesetval->nodeTab[i];
          for (xmlNodePtr c = node->children; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, (const xmlChar *) "id"))
              {
                g_hash_table_insert (b->resources, xmlGetProp (c, (const xmlChar *) "value"), node);
                break;
              }
        }
      xmlXPathFreeObject (all);
    }
  return g_hash_table_lookup (b->resources, id);
}

/* string(@expr) evaluated at the resource with id @id ("" without one). */
static char *
resource_text (Bundle     *b,
               const char *id,
               const char *expr)
{
  xmlNodePtr node = bundle_resource (b, id);
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expr);
  xmlXPathObjectPtr result;
  char *text;

  g_assert_nonnull (node);
  result = xmlXPathNodeEval (node, (const xmlChar *) wrapped, b->xpath);
  g_assert_nonnull (result);
  text = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return text;
}

static void
bundle_close (Bundle *b)
{
  g_clear_pointer (&b->resources, g_hash_table_unref);
  xmlXPathFreeContext (b->xpath);
  xmlFreeDoc (b->doc);
}

static double
count (Bundle     *b,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static double
count (Bundle     *b,
       const char *format,
       ...)
{
  g_autofree char *expr = NULL;
  g_autofree char *wrapped = NULL;
  xmlXPathObjectPtr result;
  double n;
  va_list args;

  va_start (args, format);
  expr = g_strdup_vprintf (format, args);
  va_end (args);
  wrapped = g_strdup_printf ("count(%s)", expr);
  result = xmlXPathEvalExpression ((const xmlChar *) wrapped, b->xpath);
  g_assert_nonnull (result);
  n = result->floatval;
  xmlXPathFreeObject (result);
  return n;
}

static char *
text_of (Bundle     *b,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static char *
text_of (Bundle     *b,
         const char *format,
         ...)
{
  g_autofree char *expr = NULL;
  g_autofree char *wrapped = NULL;
  xmlXPathObjectPtr result;
  char *text;
  va_list args;

  va_start (args, format);
  expr = g_strdup_vprintf (format, args);
  va_end (args);
  wrapped = g_strdup_printf ("string(%s)", expr);
  result = xmlXPathEvalExpression ((const xmlChar *) wrapped, b->xpath);
  g_assert_nonnull (result);
  text = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return text;
}

static GPtrArray *
values_of (Bundle     *b,
           const char *expr)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (xmlFree);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expr, b->xpath);

  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    g_ptr_array_add (values, xmlNodeGetContent (result->nodesetval->nodeTab[i]));
  xmlXPathFreeObject (result);
  return values;
}

#define OBS_WITH_LOINC(code) "//f:Observation[f:code/f:coding[f:system/@value='http://loinc.org' and f:code/@value='" code "']]"
#define COMPONENT_WITH_LOINC(code) "//f:component[f:code/f:coding[f:system/@value='http://loinc.org' and f:code/@value='" code "']]"

/* Every quantity coded @loinc (an Observation or a component) has the
 * UCUM unit @ucum; returns how many there are. */
static guint
assert_unit (Bundle     *b,
             const char *path,
             const char *ucum)
{
  double all = count (b, "%s", path);
  double with_unit = count (b, "%s/f:valueQuantity[f:system/@value='" UCUM "' and f:code/@value='%s']",
                            path, ucum);

  g_test_message ("%s: %g, %g in %s", path, all, with_unit, ucum);
  g_assert_cmpfloat (all, ==, with_unit);
  return (guint) all;
}

/* Codes and units (the LOINC and UCUM of crs-fhir-codes.h), and every
 * reference resolving to an entry of the bundle. */
static void
check_codes_and_references (Bundle *b)
{
  g_autoptr(GPtrArray) full_urls = values_of (b, "//f:entry/f:fullUrl/@value");
  g_autoptr(GPtrArray) ids = values_of (b, "//f:entry/f:resource/*/f:id/@value");
  g_autoptr(GPtrArray) references = values_of (b, "//f:reference/@value");
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (full_urls->len, >, 0);
  g_assert_cmpuint (ids->len, ==, full_urls->len);
  for (guint i = 0; i < full_urls->len; i++)
    {
      const char *url = full_urls->pdata[i];

      /* Unique, and the resource's id is the urn's uuid. */
      g_assert_false (g_hash_table_contains (urls, url));
      g_hash_table_add (urls, (gpointer) url);
      g_assert_true (g_str_has_prefix (url, "urn:uuid:"));
      g_assert_cmpstr (url + strlen ("urn:uuid:"), ==, ids->pdata[i]);
    }
  g_assert_cmpuint (references->len, >, 0);
  for (guint i = 0; i < references->len; i++)
    if (!g_hash_table_contains (urls, references->pdata[i]))
      g_error ("the reference %s resolves to no entry", (char *) references->pdata[i]);

  /* Every Observation refers to a Patient; every performer to a
   * Practitioner of the bundle. */
  g_assert_cmpfloat (count (b, "//f:Observation"), >, 0);
  g_assert_cmpfloat (count (b, "//f:Observation[not(f:subject/f:reference)]"), ==, 0);
  {
    g_autoptr(GPtrArray) subjects = values_of (b, "//f:subject/f:reference/@value");
    g_autoptr(GPtrArray) patients = values_of (b, "//f:entry[f:resource/f:Patient]/f:fullUrl/@value");
    g_autoptr(GPtrArray) performers = values_of (b, "//f:performer/f:reference/@value | //f:performer/f:actor/f:reference/@value");
    g_autoptr(GPtrArray) practitioners = values_of (b, "//f:entry[f:resource/f:Practitioner]/f:fullUrl/@value");

    for (guint i = 0; i < subjects->len; i++)
      g_assert_true (g_ptr_array_find_with_equal_func (patients, subjects->pdata[i], g_str_equal, NULL));
    g_assert_cmpuint (performers->len, >, 0);
    for (guint i = 0; i < performers->len; i++)
      g_assert_true (g_ptr_array_find_with_equal_func (practitioners, performers->pdata[i], g_str_equal, NULL));
  }
  /* derivedFrom points at Observations. */
  {
    g_autoptr(GPtrArray) derived = values_of (b, "//f:derivedFrom/f:reference/@value");
    g_autoptr(GPtrArray) observations = values_of (b, "//f:entry[f:resource/f:Observation]/f:fullUrl/@value");

    g_assert_cmpuint (derived->len, >, 0);
    for (guint i = 0; i < derived->len; i++)
      g_assert_true (g_ptr_array_find_with_equal_func (observations, derived->pdata[i], g_str_equal, NULL));
  }

  g_assert_cmpuint (assert_unit (b, OBS_WITH_LOINC ("8310-5"), "Cel"), >, 0);
  g_assert_cmpuint (assert_unit (b, OBS_WITH_LOINC ("8867-4"), "/min"), >, 0);
  g_assert_cmpuint (assert_unit (b, OBS_WITH_LOINC ("9279-1"), "/min"), >, 0);
  g_assert_cmpuint (assert_unit (b, OBS_WITH_LOINC ("2708-6"), "%"), >, 0);
  g_assert_cmpuint (assert_unit (b, COMPONENT_WITH_LOINC ("8480-6"), "mm[Hg]"), >, 0);
  g_assert_cmpuint (assert_unit (b, COMPONENT_WITH_LOINC ("8462-4"), "mm[Hg]"), >, 0);
  g_assert_cmpuint (assert_unit (b, COMPONENT_WITH_LOINC ("3151-8"), "L/min"), >, 0);
  assert_unit (b, COMPONENT_WITH_LOINC ("3150-0"), "%");
  /* SpO2 carries the pulse-oximetry code beside the vital-signs one; the
   * systolic and diastolic pressures are components of the panel only. */
  g_assert_cmpfloat (count (b, OBS_WITH_LOINC ("2708-6")), ==,
                     count (b, OBS_WITH_LOINC ("2708-6") "[f:code/f:coding/f:code/@value='59408-5']"));
  g_assert_cmpfloat (count (b, COMPONENT_WITH_LOINC ("8480-6")), ==,
                     count (b, OBS_WITH_LOINC ("85354-9") "/f:component[f:code/f:coding/f:code/@value='8480-6']"));
  g_assert_cmpfloat (count (b, OBS_WITH_LOINC ("8480-6")), ==, 0);
  /* Vital signs are in their category; statuses final or amended. */
  g_assert_cmpfloat (count (b, OBS_WITH_LOINC ("8310-5") "[not(f:category/f:coding/f:code/@value='vital-signs')]"), ==, 0);
  g_assert_cmpfloat (count (b, "//f:Observation[f:status/@value!='final' and f:status/@value!='amended']"), ==, 0);
  /* NEWS2 with its SNOMED CT code and rules. */
  g_assert_cmpfloat (count (b, "//f:Observation[f:code/f:coding[f:system/@value='http://snomed.info/sct' and f:code/@value='1104051000000101']]"),
                     ==, count (b, "//f:Observation[f:method/f:coding/f:code/@value='NEWS2-2017']"));
}

/* ---------------------------------------------------------------------- */

static void
test_demo_ward_validates (void)
{
  g_autofree char *db = NULL;
  g_autoptr(CrsStore) store = import_demo (&db);
  g_autofree char *out_path = temp_path ("ward.fhir.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  CrsFhirSummary summary = { 0 };
  struct stat st;
  Bundle b;

  /* The whole ward, through the library... */
  g_assert_true (crs_fhir_export_file (store, NULL, 0, out_path, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (summary.patients, ==, 11);
  assert_valid (out_path);

  g_assert_true (g_file_get_contents (out_path, &data, &size, NULL));
  bundle_open (&b, data, size);
  g_assert_cmpfloat (count (&b, "/f:Bundle/f:type[@value='collection']"), ==, 1);
  g_assert_cmpfloat (count (&b, "//f:entry/f:resource/f:Patient"), ==, 11);
  g_assert_cmpfloat (count (&b, "//f:entry/f:resource/f:Observation"), ==, summary.observations);
  g_assert_cmpfloat (count (&b, "//f:entry/f:resource/f:MedicationAdministration"), ==,
                     summary.medication_administrations);
  g_assert_cmpfloat (count (&b, "//f:Patient/f:identifier/f:value[@value='DEMO-1001']"), ==, 1);
  /* The demo ward's amendments are "amended". */
  g_assert_cmpfloat (count (&b, "//f:Observation[f:status/@value='amended']"), >, 0);
  check_codes_and_references (&b);
  bundle_close (&b);

  /* ...and each patient alone, through crs-watch-cli. */
  patients = crs_store_list_patients (store, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Three of them, spread over the ward (each is in the whole
   * ward's bundle above): a sanitizer build runs the CLI slowly. */
  for (guint i = 0; i < patients->len; i += MAX (1, (patients->len - 1) / 2))
    {
      CrsPatient *patient = g_ptr_array_index (patients, i);
      g_autofree char *one = temp_path ("one.fhir.xml");
      g_autofree char *out = NULL, *err = NULL, *text = NULL;
      const char *args[] = { "export", "--db", db, "--fhir", one, "--patients", patient->mrn, NULL };
      gsize len = 0;
      Bundle single;

      g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "Exported 1 patient ("));
      assert_valid (one);
      g_assert_true (g_file_get_contents (one, &text, &len, NULL));
      bundle_open (&single, text, len);
      g_assert_cmpfloat (count (&single, "//f:Patient"), ==, 1);
      g_assert_cmpfloat (count (&single, "//f:Patient/f:identifier/f:value[@value='%s']", patient->mrn), ==, 1);
      bundle_close (&single);
    }
}

/* Bundles broken on purpose: the validator must say no, and name what. */
static void
test_broken_bundles_rejected (void)
{
  g_autoptr(CrsStore) store = import_demo (NULL);
  g_autofree char *good = temp_path ("good.xml");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *from; const char *to; const char *named; } breaks[] = {
    /* a required element missing: Observation.status */
    { "<status value=\"final\"/>", "", "category': This element is not expected" },
    /* a decimal with a comma */
    { "<value value=\"38.9\"/>", "<value value=\"38,9\"/>", "value" },
    /* a code outside its value set */
    { "<type value=\"collection\"/>", "<type value=\"heap\"/>", "heap" },
    /* an element FHIR does not have */
    { "<active value=\"true\"/>", "<active value=\"true\"/><colour value=\"red\"/>", "colour" },
    /* elements out of the schema's order */
    { "<gender value=\"male\"/>", "", NULL },
  };

  g_assert_true (crs_fhir_export_file (store, NULL, 0, good, NULL, &error));
  g_assert_no_error (error);
  assert_valid (good);
  g_assert_true (g_file_get_contents (good, &text, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    {
      g_autofree char *bad = temp_path ("bad.xml");
      g_autofree char *messages = NULL;
      g_autoptr(GString) broken = g_string_new (text);

      if (breaks[i].named == NULL)
        {
          /* The gender moved after the birth date. */
          const char *gender = strstr (broken->str, "<gender value=\"male\"/>");
          const char *birth = strstr (gender, "<birthDate");
          const char *birth_end = strstr (birth, "/>") + 2;
          g_autofree char *birth_text = g_strndup (birth, (gsize) (birth_end - birth));
          gssize at = gender - broken->str;

          g_string_erase (broken, birth - broken->str, birth_end - birth);
          g_string_insert (broken, at, birth_text);
        }
      else
        {
          const char *at = strstr (broken->str, breaks[i].from);

          g_assert_nonnull (at);
          g_string_erase (broken, at - broken->str, (gssize) strlen (breaks[i].from));
          g_string_insert (broken, at - broken->str, breaks[i].to);
        }
      g_assert_cmpstr (broken->str, !=, text);
      g_assert_true (g_file_set_contents (bad, broken->str, (gssize) broken->len, NULL));
      g_assert_cmpint (validate (bad, &messages), !=, 0);
      g_test_message ("break %u: %s", i, messages);
      g_assert_nonnull (strstr (messages, "fails to validate"));
      if (breaks[i].named != NULL)
        g_assert_nonnull (strstr (messages, breaks[i].named));
    }
}

/* ---------------------------------------------------------------------- */
/* The grades are the app's                                               */

static const char *
grade_code (Bundle     *b,
            const char *uuid,
            char      **out)
{
  *out = resource_text (b, uuid, "f:valueCodeableConcept/f:coding/f:code/@value");
  return *out;
}

static char *
expected_code (int          value,
               CrsCertainty certainty)
{
  if (certainty == CRS_CERTAINTY_NOT_DETERMINED || crs_is_missing_int (value))
    return g_strdup ("");
  if (certainty == CRS_CERTAINTY_AT_LEAST)
    return g_strdup_printf ("at-least-%d", value);
  return g_strdup_printf ("%d", value);
}

/* For every set of every patient of @file: the CRS, ICANS and NEWS2
 * Observations say what CrsPatientStatus says at @now. */
static guint
assert_grades_as_app (Bundle      *b,
                      CrsWardFile *file,
                      const char  *ward_id,
                      gint64       now,
                      guint       *pews_checked)
{
  CrsWardPolicy policy;
  guint checked = 0;

  crs_ward_policy_init (&policy);
  for (guint p = 0; p < file->patients->len; p++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, p);
      CrsPatientRecord record = { 0 };
      g_autoptr(CrsPatientStatus) status = NULL;

      record.patient = entry->patient;
      record.observations = entry->observations;
      record.infusions = entry->infusions;
      record.interventions = entry->interventions;
      record.acknowledgements = entry->acknowledgements;
      status = crs_patient_status_new (&record, &policy, now);

      for (guint i = 0; i < status->sets->len; i++)
        {
          CrsObservation *set = g_ptr_array_index (status->sets, i);
          const CrsGrading *g = &g_array_index (status->gradings, CrsGrading, i);
          g_autofree char *crs_key = g_strdup_printf ("Observation/%" G_GINT64_FORMAT "/crs-grade", set->id);
          g_autofree char *icans_key = g_strdup_printf ("Observation/%" G_GINT64_FORMAT "/icans-grade", set->id);
          g_autofree char *news2_key = g_strdup_printf ("Observation/%" G_GINT64_FORMAT "/news2", set->id);
          g_autofree char *crs_uuid = crs_fhir_uuid (ward_id, crs_key);
          g_autofree char *icans_uuid = crs_fhir_uuid (ward_id, icans_key);
          g_autofree char *news2_uuid = crs_fhir_uuid (ward_id, news2_key);
          g_autofree char *crs_expected = expected_code (crs_grading_crs_value (g), crs_grading_crs_certainty (g));
          g_autofree char *icans_expected = expected_code (crs_grading_icans_value (g), crs_grading_icans_certainty (g));
          g_autofree char *crs_got = NULL, *icans_got = NULL, *news2_got = NULL;

          g_assert_cmpstr (grade_code (b, crs_uuid, &crs_got), ==, crs_expected);
          g_assert_cmpstr (grade_code (b, icans_uuid, &icans_got), ==, icans_expected);
          news2_got = resource_text (b, news2_uuid, "f:valueInteger/@value");
          if (crs_is_missing_int (g->news2_total) || g->news2_not_applicable)
            g_assert_cmpstr (news2_got, ==, "");
          else
            g_assert_cmpint (atoi (news2_got), ==, g->news2_total);
          /* A child's PEWS where NEWS2 is not used: its total (when
           * complete) and level; none for an adult. */
          {
            g_autofree char *pews_key = g_strdup_printf ("Observation/%" G_GINT64_FORMAT "/pews", set->id);
            g_autofree char *pews_uuid = crs_fhir_uuid (ward_id, pews_key);

            if (g->pews_applies)
              {
                g_autofree char *method = resource_text (b, pews_uuid, "f:method/f:coding/f:code/@value");
                g_autofree char *total = resource_text (b, pews_uuid, "f:valueInteger/@value");
                g_autofree char *level = resource_text (b, pews_uuid,
                                                        "f:component/f:valueCodeableConcept/f:coding/f:code/@value");

                g_assert_cmpstr (method, ==, "PEWS-NHSE-2023");
                g_assert_true (g->news2_not_applicable);
                if (g->pews.complete)
                  g_assert_cmpint (atoi (total), ==, g->pews.total);
                else
                  g_assert_cmpstr (total, ==, "");
                g_assert_cmpstr (level, ==, crs_pews_level_to_id (g->pews.level));
                (*pews_checked)++;
              }
            else
              g_assert_null (bundle_resource (b, pews_uuid));
          }
          /* Not determined: said so, never a value. */
          if (*crs_expected == '\0')
            {
              g_autofree char *absent = resource_text (b, crs_uuid, "f:dataAbsentReason/f:coding/f:code/@value");
              g_assert_cmpstr (absent, ==, "unknown");
            }
          checked++;
        }
    }
  return checked;
}

static void
test_demo_grades_as_app (void)
{
  g_autoptr(CrsStore) store = import_demo (NULL);
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *ward_id = crs_store_get_ward_id (store);
  gsize size = 0;
  const char *data;
  guint pews_checked = 0;
  Bundle b;

  file = crs_ward_file_load (store, NULL, 0, &error);
  g_assert_no_error (error);
  bytes = crs_fhir_write_bundle (file, ward_id, NULL, ANCHOR, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  bundle_open (&b, data, size);
  g_assert_cmpuint (assert_grades_as_app (&b, file, ward_id, ANCHOR, &pews_checked), >=, 200);
  /* The demo ward's two children are scored with PEWS. */
  g_assert_cmpuint (pews_checked, >=, 10);
  /* The demo reaches CRS grade 4 and ICANS grade 3. */
  g_assert_cmpfloat (count (&b, "//f:Observation[f:code/f:coding/f:code/@value='astct-crs-grade']"
                            "/f:valueCodeableConcept/f:coding[f:code/@value='4']"), >, 0);
  g_assert_cmpfloat (count (&b, "//f:Observation[f:code/f:coding/f:code/@value='astct-icans-grade']"
                            "/f:valueCodeableConcept/f:coding[f:code/@value='3']"), >, 0);
  bundle_close (&b);

  /* The same records give the same text. */
  {
    g_autoptr(GBytes) again = crs_fhir_write_bundle (file, ward_id, NULL, ANCHOR, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (bytes, again));
  }
}

/* A patient whose grades need the whole record: a fever with nothing
 * else recorded is "CRS at least 1"; a later set without fever but on a
 * vasopressor is grade 3 now that the tocilizumab given in between is
 * recorded, though it was saved as grade 0 before that. */
static void
test_at_least_and_stored_grade (void)
{
  g_autoptr(CrsWardFile) file = crs_ward_file_new ();
  CrsWardFilePatient *entry;
  CrsPatient *patient = crs_patient_new ();
  CrsInfusion *infusion = crs_infusion_new ();
  CrsIntervention *toci = crs_intervention_new ();
  CrsObservation *first = crs_observation_new ();
  CrsObservation *second = crs_observation_new ();
  const char *ward_id = "3f1c9a52-6d1e-4b8e-9a43-0e5b7c2d1f60";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("at-least.xml");
  g_autofree char *crs1 = crs_fhir_uuid (ward_id, "Observation/1/crs-grade");
  g_autofree char *crs2 = crs_fhir_uuid (ward_id, "Observation/2/crs-grade");
  g_autofree char *code1 = NULL, *code2 = NULL, *stored2 = NULL, *note1 = NULL;
  gsize size = 0;
  const char *data;
  guint pews_checked = 0;
  Bundle b;

  patient->id = 7;
  patient->mrn = g_strdup ("AT-1");
  patient->name = g_strdup ("Test Patient");
  patient->birth_date = g_strdup ("1970-05-04");
  patient->sex = CRS_SEX_FEMALE;
  entry = crs_ward_file_add_patient (file, patient);

  infusion->id = 1;
  infusion->patient_id = 7;
  infusion->therapy_code = g_strdup ("tisagenlecleucel");
  infusion->therapy_name = g_strdup ("Kymriah");
  infusion->start_at = ANCHOR - 48 * HOUR;
  infusion->author = g_strdup ("A. Nurse");
  g_ptr_array_add (entry->infusions, infusion);

  first->id = 1;
  first->patient_id = 7;
  first->taken_at = ANCHOR - 4 * HOUR;
  first->recorded_at = first->taken_at + 300;
  first->author = g_strdup ("A. Nurse");
  first->temperature_c = 39.0;
  g_ptr_array_add (entry->observations, first);

  toci->id = 1;
  toci->patient_id = 7;
  toci->at = ANCHOR - 3 * HOUR;
  toci->kind = CRS_INTERVENTION_ANTI_CYTOKINE;
  toci->drug = g_strdup ("tocilizumab");
  toci->dose = g_strdup ("8 mg/kg IV");
  toci->author = g_strdup ("B. Nurse");
  g_ptr_array_add (entry->interventions, toci);

  second->id = 2;
  second->patient_id = 7;
  second->taken_at = ANCHOR - 2 * HOUR;
  second->recorded_at = second->taken_at + 300;
  second->author = g_strdup ("B. Nurse");
  second->temperature_c = 37.1;
  second->heart_rate = 118;
  second->resp_rate = 22;
  second->systolic = 84;
  second->diastolic = 48;
  second->spo2 = 95;
  second->o2_device = CRS_O2_NASAL_CANNULA;
  second->o2_flow_l_min = 3.0;
  second->vasopressors = 1;
  second->vasopressin = CRS_TRI_NO;
  second->acvpu = CRS_ACVPU_ALERT;
  /* Saved before the tocilizumab was recorded: no fever, grade 0. */
  second->stored_crs_grade = 0;
  second->stored_icans_grade = CRS_MISSING;
  second->stored_news2 = CRS_MISSING;
  second->stored_rules = g_strdup ("ASTCT-2019;NEWS2-2017");
  g_ptr_array_add (entry->observations, second);

  bytes = crs_fhir_write_bundle (file, ward_id, NULL, ANCHOR, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));
  assert_valid (path);
  bundle_open (&b, data, size);
  check_codes_and_references (&b);
  g_assert_cmpuint (assert_grades_as_app (&b, file, ward_id, ANCHOR, &pews_checked), ==, 2);

  /* "at least 1", said in the code and in words. */
  g_assert_cmpstr (grade_code (&b, crs1, &code1), ==, "at-least-1");
  note1 = text_of (&b, "//f:Observation[f:id/@value='%s']/f:note/f:text/@value", crs1);
  g_assert_true (g_str_has_prefix (note1, "At least grade 1"));
  /* Grade 3 now; 0 when saved, kept as a component. */
  g_assert_cmpstr (grade_code (&b, crs2, &code2), ==, "3");
  stored2 = text_of (&b, "//f:Observation[f:id/@value='%s']/f:component[f:code/f:coding/f:code/@value='grade-at-entry']"
                     "/f:valueCodeableConcept/f:coding/f:code/@value", crs2);
  g_assert_cmpstr (stored2, ==, "0");
  g_assert_cmpfloat (count (&b, "//f:Observation[f:id/@value='%s']/f:component", crs1), ==, 0);
  /* The CRS grade rests on the temperature, pressure, oxygen and
   * circulation observations of its set. */
  g_assert_cmpfloat (count (&b, "//f:Observation[f:id/@value='%s']/f:derivedFrom", crs2), ==, 4);
  g_assert_cmpfloat (count (&b, "//f:Observation[f:id/@value='%s']/f:method/f:coding/f:code[@value='ASTCT-2019']", crs2), ==, 1);
  /* Oxygen flow as a component of SpO2, in L/min. */
  g_assert_cmpfloat (count (&b, OBS_WITH_LOINC ("2708-6") "/f:component[f:code/f:coding/f:code/@value='3151-8']"
                            "/f:valueQuantity[f:value/@value='3' and f:code/@value='L/min']"), ==, 1);
  /* The tocilizumab and the infusion as MedicationAdministrations, by
   * their nurses. */
  g_assert_cmpfloat (count (&b, "//f:MedicationAdministration"), ==, 2);
  g_assert_cmpfloat (count (&b, "//f:MedicationAdministration[f:medicationCodeableConcept/f:text/@value='tocilizumab']"
                            "[f:dosage/f:text/@value='8 mg/kg IV'][f:effectiveDateTime]"), ==, 1);
  g_assert_cmpfloat (count (&b, "//f:MedicationAdministration[f:medicationCodeableConcept/f:coding/f:code/@value='tisagenlecleucel']"), ==, 1);
  g_assert_cmpfloat (count (&b, "//f:Practitioner"), ==, 2);
  g_assert_cmpfloat (count (&b, "//f:Patient[f:gender/@value='female'][f:birthDate/@value='1970-05-04']"), ==, 1);
  bundle_close (&b);
}

/* A record with text XML cannot carry is refused, naming the patient. */
static void
test_refuses_control_characters (void)
{
  g_autoptr(CrsWardFile) file = crs_ward_file_new ();
  CrsPatient *patient = crs_patient_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  patient->mrn = g_strdup ("CTRL-1");
  patient->name = g_strdup ("Bad\001Name");
  crs_ward_file_add_patient (file, patient);
  bytes = crs_fhir_write_bundle (file, "w", NULL, ANCHOR, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CTRL-1"));
}

static void
test_cli_errors (void)
{
  g_autofree char *db = NULL;
  g_autoptr(CrsStore) store = import_demo (&db);
  g_autofree char *out_path = temp_path ("two.xml");
  g_autofree char *text = NULL;
  gsize len = 0;
  Bundle b;

  g_clear_object (&store);
  {
    const char *args[] = { "export", "--db", db, "--fhir", out_path, "--patients", "DEMO-1001,NOPE", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "NOPE"));
    g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "export", "--db", db, "--fhir", out_path, "--patients", "DEMO-1001, DEMO-1002",
                           NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Exported 2 patients"));
  }
  assert_valid (out_path);
  g_assert_true (g_file_get_contents (out_path, &text, &len, NULL));
  bundle_open (&b, text, len);
  g_assert_cmpfloat (count (&b, "//f:Patient"), ==, 2);
  bundle_close (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fhir/demo-ward-validates", test_demo_ward_validates);
  g_test_add_func ("/fhir/broken-bundles-rejected", test_broken_bundles_rejected);
  g_test_add_func ("/fhir/demo-grades-as-app", test_demo_grades_as_app);
  g_test_add_func ("/fhir/at-least-and-stored-grade", test_at_least_and_stored_grade);
  g_test_add_func ("/fhir/refuses-control-characters", test_refuses_control_characters);
  g_test_add_func ("/fhir/cli", test_cli_errors);
  return g_test_run ();
}
