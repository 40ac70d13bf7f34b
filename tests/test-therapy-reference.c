/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-therapy-reference.c: the compiled therapy reference holds exactly
 * what data/therapies.xml says (read here independently with libxml2),
 * every seed therapy is found by generic and brand name, and the build
 * step rejects malformed files naming the file, line and field. */
#define G_LOG_DOMAIN "test-therapy-reference"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "exchange/crs-therapy-compiler.h"
#include "store/crs-reference.h"

#define NS "urn:crswatch:therapies:1"

static char *
source_xml (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "therapies.xml", NULL);
}

static char *
source_xsd (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "therapies.xsd", NULL);
}

static CrsReference *
open_reference (void)
{
  g_autoptr(GError) error = NULL;
  CrsReference *reference = crs_reference_open_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (reference);
  return reference;
}

/* ---------------------------------------------------------------------- */
/* Reading the XML independently of the compiler. */

static gboolean
is_el (xmlNode    *node,
       const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST NS) && xmlStrEqual (node->name, BAD_CAST name);
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* Content with white space runs made one space, as the format says. */
static char *
text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  g_auto(GStrv) words = g_strsplit_set ((const char *) raw, " \t\r\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  xmlFree (raw);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

static double
attr_double (xmlNode    *node,
             const char *name)
{
  g_autofree char *value = attr (node, name);

  return value ? g_ascii_strtod (value, NULL) : NAN;
}

static gboolean
attr_bool (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = attr (node, name);

  return g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0;
}

typedef struct
{
  xmlDoc     *doc;
  xmlNode    *sources;
  GPtrArray  *therapies;   /* xmlNode * */
} Xml;

static void
xml_load (Xml *xml)
{
  g_autofree char *path = source_xml ();
  xmlNode *root;

  xml->doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (xml->doc);
  root = xmlDocGetRootElement (xml->doc);
  xml->therapies = g_ptr_array_new ();
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      if (is_el (n, "sources"))
        xml->sources = n;
      else if (is_el (n, "therapy"))
        g_ptr_array_add (xml->therapies, n);
    }
  g_assert_nonnull (xml->sources);
}

static void
xml_clear (Xml *xml)
{
  g_ptr_array_unref (xml->therapies);
  xmlFreeDoc (xml->doc);
}

static xmlNode *
xml_source (Xml        *xml,
            const char *id)
{
  for (xmlNode *n = xml->sources->children; n != NULL; n = n->next)
    {
      g_autofree char *sid = is_el (n, "source") ? attr (n, "id") : NULL;
      if (g_strcmp0 (sid, id) == 0)
        return n;
    }
  return NULL;
}

/* The record's source is the one the XML names, with the same citation,
 * address and quality. */
static void
assert_source (Xml             *xml,
               xmlNode         *node,
               const CrsSource *source)
{
  g_autofree char *id = attr (node, "source");
  xmlNode *entry;
  g_autofree char *citation = NULL;
  g_autofree char *url = NULL;
  g_autofree char *quality = NULL;

  if (id == NULL)
    {
      g_assert_null (source);
      return;
    }
  g_assert_nonnull (source);
  g_assert_cmpstr (source->id, ==, id);
  entry = xml_source (xml, id);
  if (entry == NULL)
    g_error ("no <source id=\"%s\"> in therapies.xml", id);
  for (xmlNode *n = entry->children; n != NULL; n = n->next)
    {
      if (is_el (n, "citation"))
        citation = text (n);
      else if (is_el (n, "url"))
        url = text (n);
    }
  quality = attr (entry, "quality");
  g_assert_cmpstr (source->citation, ==, citation);
  g_assert_cmpstr (source->url, ==, url);
  g_assert_cmpstr (crs_source_quality_to_id (source->quality), ==, quality ? quality : "primary");
}

static void
assert_number (Xml                    *xml,
               xmlNode                *node,
               const CrsSourcedNumber *number)
{
  g_autofree char *value = attr (node, "value");
  g_autofree char *unit = attr (node, "unit");
  g_autofree char *term = attr (node, "term");
  g_autofree char *derivation = attr (node, "derivation");
  g_autofree char *note = attr (node, "note");
  g_autofree char *from = attr (node, "from");
  g_autofree char *study = attr (node, "study");
  const char *dot = strchr (value, '.');

  g_assert_false (crs_sourced_number_is_missing (number));
  g_assert_cmpfloat (number->value, ==, g_ascii_strtod (value, NULL));
  g_assert_cmpint (number->decimals, ==, dot ? (int) strlen (dot + 1) : 0);
  g_assert_cmpstr (crs_time_unit_to_id (number->unit), ==, unit);
  g_assert_cmpint (number->approximate, ==, attr_bool (node, "approximate"));
  g_assert_cmpstr (number->term, ==, term);
  g_assert_cmpstr (number->derivation, ==, derivation);
  g_assert_cmpstr (number->note, ==, note);
  g_assert_cmpstr (number->from, ==, from);
  g_assert_nonnull (study);
  g_assert_cmpstr (number->study, ==, study);
  g_assert_nonnull (number->source);
  assert_source (xml, node, number->source);
}

static void
assert_range (Xml                   *xml,
              xmlNode               *node,
              const CrsSourcedRange *range)
{
  g_autofree char *content = text (node);
  g_autofree char *unit = attr (node, "unit");
  g_autofree char *spread = attr (node, "spread");
  g_autofree char *from = attr (node, "from");
  g_autofree char *study = attr (node, "study");
  double min = attr_double (node, "min");
  double max = attr_double (node, "max");

  g_assert_cmpstr (range->text, ==, content);
  if (isnan (min))
    g_assert_true (isnan (range->min));
  else
    g_assert_cmpfloat (range->min, ==, min);
  if (isnan (max))
    g_assert_true (isnan (range->max));
  else
    g_assert_cmpfloat (range->max, ==, max);
  g_assert_cmpstr (crs_time_unit_to_id (range->unit), ==, unit);
  g_assert_cmpstr (crs_spread_to_id (range->spread), ==, spread);
  g_assert_cmpstr (range->from, ==, from);
  g_assert_cmpstr (range->study, ==, study);
  assert_source (xml, node, range->source);
}

static void
assert_text (Xml                  *xml,
             xmlNode              *node,
             const CrsSourcedText *sourced)
{
  g_autofree char *content = text (node);
  g_autofree char *date = attr (node, "date");

  g_assert_cmpstr (sourced->text, ==, *content ? content : NULL);
  g_assert_cmpstr (sourced->date, ==, date);
  g_assert_cmpint (sourced->before_rems_change, ==, attr_bool (node, "before-rems-change"));
  assert_source (xml, node, sourced->source);
}

typedef struct
{
  const char *element;
  gsize       offset;
} Slot;

static const Slot number_slots[] = {
  { "crs-any-grade", G_STRUCT_OFFSET (CrsTherapy, crs_any_grade) },
  { "crs-grade3plus", G_STRUCT_OFFSET (CrsTherapy, crs_grade3plus) },
  { "icans-any-grade", G_STRUCT_OFFSET (CrsTherapy, icans_any_grade) },
  { "icans-grade3plus", G_STRUCT_OFFSET (CrsTherapy, icans_grade3plus) },
  { "onset-median", G_STRUCT_OFFSET (CrsTherapy, onset_median) },
  { "duration-median", G_STRUCT_OFFSET (CrsTherapy, duration_median) },
};

static const Slot range_slots[] = {
  { "onset-range", G_STRUCT_OFFSET (CrsTherapy, onset_range) },
  { "duration-range", G_STRUCT_OFFSET (CrsTherapy, duration_range) },
};

static const Slot list_slots[] = {
  { "indications", G_STRUCT_OFFSET (CrsTherapy, indications) },
  { "step-up-dosing", G_STRUCT_OFFSET (CrsTherapy, step_up_dosing) },
  { "premedication", G_STRUCT_OFFSET (CrsTherapy, premedication) },
  { "monitoring", G_STRUCT_OFFSET (CrsTherapy, monitoring) },
  { "label-action", G_STRUCT_OFFSET (CrsTherapy, label_actions) },
  { "note", G_STRUCT_OFFSET (CrsTherapy, notes) },
};

static const Slot *
find_slot (const Slot *slots,
           gsize       n,
           xmlNode    *node)
{
  for (gsize i = 0; i < n; i++)
    if (is_el (node, slots[i].element))
      return &slots[i];
  return NULL;
}

/* Every element of one therapy against its record; then every number
 * and range the XML does not give must be missing in the record. */
static void
assert_therapy (Xml        *xml,
                xmlNode    *node,
                CrsTherapy *t)
{
  g_autoptr(GPtrArray) brands = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  gboolean seen_number[G_N_ELEMENTS (number_slots)] = { FALSE, };
  gboolean seen_range[G_N_ELEMENTS (range_slots)] = { FALSE, };
  guint list_index[G_N_ELEMENTS (list_slots)] = { 0, };
  g_autofree char *code = attr (node, "code");
  gboolean seen_population = FALSE, seen_scale = FALSE, seen_boxed = FALSE;

  g_assert_cmpstr (t->code, ==, code);

  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      const Slot *slot;

      if (n->type != XML_ELEMENT_NODE)
        continue;

      if ((slot = find_slot (number_slots, G_N_ELEMENTS (number_slots), n)) != NULL)
        {
          assert_number (xml, n, G_STRUCT_MEMBER_P (t, slot->offset));
          seen_number[slot - number_slots] = TRUE;
        }
      else if ((slot = find_slot (range_slots, G_N_ELEMENTS (range_slots), n)) != NULL)
        {
          assert_range (xml, n, G_STRUCT_MEMBER_P (t, slot->offset));
          seen_range[slot - range_slots] = TRUE;
        }
      else if ((slot = find_slot (list_slots, G_N_ELEMENTS (list_slots), n)) != NULL)
        {
          GPtrArray *list = G_STRUCT_MEMBER (GPtrArray *, t, slot->offset);
          guint i = list_index[slot - list_slots]++;

          g_assert_cmpuint (i, <, list->len);
          assert_text (xml, n, list->pdata[i]);
        }
      else if (is_el (n, "generic-name"))
        {
          g_autofree char *value = text (n);
          g_assert_cmpstr (t->generic_name, ==, value);
        }
      else if (is_el (n, "brand-name"))
        g_ptr_array_add (brands, text (n));
      else if (is_el (n, "other-name"))
        g_ptr_array_add (others, text (n));
      else if (is_el (n, "brand-note"))
        {
          g_autofree char *value = text (n);
          g_assert_cmpstr (t->brand_note, ==, value);
        }
      else if (is_el (n, "class"))
        {
          g_autofree char *value = text (n);
          g_autofree char *detail = attr (n, "detail");
          g_assert_cmpstr (crs_drug_class_to_id (t->drug_class), ==, value);
          g_assert_cmpstr (t->class_detail, ==, detail);
        }
      else if (is_el (n, "target"))
        {
          g_autofree char *value = text (n);
          g_assert_cmpstr (t->target, ==, value);
        }
      else if (is_el (n, "risk-tier"))
        {
          g_autofree char *value = text (n);
          g_assert_cmpstr (crs_risk_tier_to_id (t->risk_tier), ==, value);
          assert_source (xml, n, t->risk_tier_source);
        }
      else if (is_el (n, "approval"))
        {
          g_autofree char *status = attr (n, "status");
          g_assert_cmpstr (crs_approval_to_id (t->approval), ==, status);
          assert_text (xml, n, &t->approval_text);
        }
      else if (is_el (n, "population"))
        {
          assert_text (xml, n, &t->population);
          seen_population = TRUE;
        }
      else if (is_el (n, "crs-grading-scale"))
        {
          g_autofree char *scale = attr (n, "scale");
          g_assert_cmpstr (crs_grading_scale_to_id (t->grading_scale), ==, scale);
          assert_text (xml, n, &t->grading_scale_text);
          seen_scale = TRUE;
        }
      else if (is_el (n, "boxed-warning"))
        {
          g_autofree char *status = attr (n, "status");
          g_assert_cmpstr (crs_boxed_warning_to_id (t->boxed_warning), ==, status);
          assert_text (xml, n, &t->boxed_warning_text);
          seen_boxed = TRUE;
        }
      else
        g_error ("%s: element %s is not checked by this test", code, n->name);
    }

  g_assert_cmpuint (g_strv_length (t->brand_names), ==, brands->len);
  for (guint i = 0; i < brands->len; i++)
    g_assert_cmpstr (t->brand_names[i], ==, brands->pdata[i]);
  g_assert_cmpuint (g_strv_length (t->other_names), ==, others->len);
  for (guint i = 0; i < others->len; i++)
    g_assert_cmpstr (t->other_names[i], ==, others->pdata[i]);

  /* Nothing in the record that the XML does not give. */
  for (guint i = 0; i < G_N_ELEMENTS (number_slots); i++)
    if (!seen_number[i])
      g_assert_true (crs_sourced_number_is_missing (G_STRUCT_MEMBER_P (t, number_slots[i].offset)));
  for (guint i = 0; i < G_N_ELEMENTS (range_slots); i++)
    if (!seen_range[i])
      g_assert_null (((CrsSourcedRange *) G_STRUCT_MEMBER_P (t, range_slots[i].offset))->text);
  for (guint i = 0; i < G_N_ELEMENTS (list_slots); i++)
    g_assert_cmpuint (G_STRUCT_MEMBER (GPtrArray *, t, list_slots[i].offset)->len, ==, list_index[i]);
  if (!seen_population)
    g_assert_null (t->population.text);
  if (!seen_scale)
    g_assert_cmpint (t->grading_scale, ==, CRS_GRADING_SCALE_UNSET);
  if (!seen_boxed)
    g_assert_cmpint (t->boxed_warning, ==, CRS_BOXED_WARNING_UNSET);
}

static void
test_round_trip (void)
{
  g_autoptr(CrsReference) reference = open_reference ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  Xml xml = { NULL, };
  guint numbers = 0;

  xml_load (&xml);
  g_assert_cmpuint (crs_reference_get_count (reference), ==, xml.therapies->len);
  all = crs_reference_search (reference, NULL, CRS_DRUG_CLASS_UNSET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, xml.therapies->len);

  for (guint i = 0; i < xml.therapies->len; i++)
    {
      xmlNode *node = xml.therapies->pdata[i];
      g_autofree char *code = attr (node, "code");
      g_autoptr(CrsTherapy) therapy = crs_reference_lookup (reference, code, &error);

      g_assert_no_error (error);
      g_assert_nonnull (therapy);
      assert_therapy (&xml, node, therapy);
      for (guint j = 0; j < G_N_ELEMENTS (number_slots); j++)
        numbers += !crs_sourced_number_is_missing (G_STRUCT_MEMBER_P (therapy, number_slots[j].offset));
    }
  /* The test compared real data, not an empty file. */
  g_assert_cmpuint (numbers, >, 40);
  xml_clear (&xml);
}

/* The CSV (shared/clinical/therapies.csv) has 28 rows; the seed adds no
 * therapy beyond them. */
static void
test_every_therapy (void)
{
  g_autoptr(CrsReference) reference = open_reference ();

  g_assert_cmpuint (crs_reference_get_count (reference), ==, 28);
}

typedef struct
{
  const char *code;
  const char *generic;      /* as the seed writes it */
  const char *brand;        /* NULL: never had one */
  const char *other;        /* another name the seed uses, or NULL */
} SeedTherapy;

/* The seed article's list of "immunotherapy medications and treatments
 * linked with CRS". */
static const SeedTherapy seed_therapies[] = {
  { "anti-thymocyte-globulin", "anti-thymocyte globulin", "Thymoglobulin", NULL },
  { "tgn1412", "TGN1412", NULL, NULL },
  { "dacetuzumab", "dacetuzumab", NULL, "SGN-40" },
  { "alemtuzumab", "alemtuzumab", "Campath", NULL },
  { "alemtuzumab", "alemtuzumab", "Lemtrada", NULL },
  { "blinatumomab", "blinatumomab", "Blincyto", NULL },
  { "brentuximab-vedotin", "brentuximab", "Adcetris", NULL },
  { "lenalidomide", "lenalidomide", "Revlimid", NULL },
  { "nivolumab", "nivolumab", "Opdivo", NULL },
  { "obinutuzumab", "obinutuzumab", "Gazyva", NULL },
  { "oxaliplatin", "oxaliplatin", "Eloxatin", NULL },
  { "rituximab", "rituximab", "Rituxan", NULL },
  { "tisagenlecleucel", "tisagenlecleucel", "Kymriah", NULL },
};

static gboolean
contains_code (GPtrArray  *therapies,
               const char *code)
{
  for (guint i = 0; i < therapies->len; i++)
    if (g_str_equal (((CrsTherapy *) therapies->pdata[i])->code, code))
      return TRUE;
  return FALSE;
}

static void
assert_found (CrsReference *reference,
              const char   *text,
              const char   *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = crs_reference_search (reference, text, CRS_DRUG_CLASS_UNSET, &error);

  g_assert_no_error (error);
  if (!contains_code (found, code))
    g_error ("searching “%s” did not find %s", text, code);
}

static void
test_seed_therapies (void)
{
  g_autoptr(CrsReference) reference = open_reference ();

  for (guint i = 0; i < G_N_ELEMENTS (seed_therapies); i++)
    {
      const SeedTherapy *s = &seed_therapies[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(CrsTherapy) by_code = crs_reference_lookup (reference, s->code, &error);
      g_autofree char *upper = g_utf8_strup (s->generic, -1);

      g_assert_no_error (error);
      g_assert_nonnull (by_code);
      assert_found (reference, s->generic, s->code);
      assert_found (reference, upper, s->code);
      if (s->brand != NULL)
        {
          g_autofree char *lower = g_utf8_strdown (s->brand, -1);
          g_autoptr(CrsTherapy) resolved = crs_reference_resolve (reference, lower, &error);

          assert_found (reference, s->brand, s->code);
          assert_found (reference, lower, s->code);
          g_assert_no_error (error);
          g_assert_nonnull (resolved);
          g_assert_cmpstr (resolved->code, ==, s->code);
        }
      if (s->other != NULL)
        assert_found (reference, s->other, s->code);
    }
}

static void
test_search (void)
{
  g_autoptr(CrsReference) reference = open_reference ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(CrsTherapy) none = NULL;
  g_autoptr(CrsTherapy) tgn = NULL;

  /* Case and accents do not matter; surrounding space neither. */
  found = crs_reference_search (reference, "  BlIncYtó ", CRS_DRUG_CLASS_UNSET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((CrsTherapy *) found->pdata[0])->code, ==, "blinatumomab");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A class filter narrows a search. */
  found = crs_reference_search (reference, "ma", CRS_DRUG_CLASS_CAR_T, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (((CrsTherapy *) found->pdata[i])->drug_class, ==, CRS_DRUG_CLASS_CAR_T);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Wildcards are text, not patterns. */
  found = crs_reference_search (reference, "%", CRS_DRUG_CLASS_UNSET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  none = crs_reference_lookup (reference, "no-such-therapy", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* TGN1412 is in, and says it was never approved. */
  tgn = crs_reference_lookup (reference, "tgn1412", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tgn->approval, ==, CRS_APPROVAL_NEVER_APPROVED);
  g_assert_cmpint (tgn->drug_class, ==, CRS_DRUG_CLASS_SUPERAGONIST);
  g_assert_nonnull (strstr (tgn->approval_text.text, "Never approved"));
}

/* Each class lists exactly the therapies the XML puts in it, and the
 * tier follows the seed: T-cell-engaging therapies are the highest. */
static void
test_classes_and_tiers (void)
{
  g_autoptr(CrsReference) reference = open_reference ();
  Xml xml = { NULL, };
  guint total = 0;

  xml_load (&xml);
  for (int c = CRS_DRUG_CLASS_UNSET + 1; c < CRS_DRUG_CLASS_N_VALUES; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) listed = crs_reference_list_by_class (reference, c, &error);
      guint expected = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < xml.therapies->len; i++)
        for (xmlNode *n = ((xmlNode *) xml.therapies->pdata[i])->children; n != NULL; n = n->next)
          if (is_el (n, "class"))
            {
              g_autofree char *id = text (n);
              expected += g_strcmp0 (id, crs_drug_class_to_id (c)) == 0;
            }
      g_assert_cmpuint (listed->len, ==, expected);
      for (guint i = 0; i < listed->len; i++)
        {
          CrsTherapy *t = listed->pdata[i];
          gboolean t_cell = c == CRS_DRUG_CLASS_CAR_T || c == CRS_DRUG_CLASS_TCR_T ||
                            c == CRS_DRUG_CLASS_BISPECIFIC;

          g_assert_cmpint (t->drug_class, ==, c);
          g_assert_cmpint (t->risk_tier, ==, t_cell ? CRS_RISK_TIER_HIGHEST : CRS_RISK_TIER_LINKED);
          g_assert_nonnull (t->risk_tier_source);
          /* Sorted by generic name. */
          if (i > 0)
            g_assert_cmpint (g_ascii_strcasecmp (((CrsTherapy *) listed->pdata[i - 1])->generic_name,
                                                 t->generic_name), <=, 0);
        }
      total += listed->len;
    }
  g_assert_cmpuint (total, ==, xml.therapies->len);
  xml_clear (&xml);
}

static void
test_open_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crs-reference-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.sqlite", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsReference) reference = NULL;

  reference = crs_reference_open (missing, &error);
  g_assert_null (reference);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (junk, "not a database, just text\n", -1, NULL));
  reference = crs_reference_open (junk, &error);
  g_assert_null (reference);
  g_assert_error (error, CRS_STORE_ERROR, CRS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, junk));

  g_unlink (junk);
  g_rmdir (dir);
}

/* ---------------------------------------------------------------------- */
/* The build step on fixtures: what a wrong edit of therapies.xml does. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
run_compile (const char *input,
             const char *output,
             Run        *run)
{
  g_autofree char *xsd = source_xsd ();
  const char *tool = g_getenv ("CRS_THERAPY_COMPILE");
  const char *argv[] = { tool, "--schema", xsd, "--output", output, input, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (tool);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
}

/* The line of the fixture that carries the FAULT marker. */
static int
fault_line (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "FAULT") != NULL)
      return (int) i + 1;
  g_error ("%s has no FAULT marker", path);
}

typedef struct
{
  const char *fixture;
  const char *field;       /* named in the message; NULL for a syntax error */
  const char *words;       /* also in the message */
} BadFixture;

static const BadFixture bad_fixtures[] = {
  { "therapies-missing-source.xml", "crs-any-grade", "'source' is required" },
  { "therapies-missing-study.xml", "onset-median", "'study' is required" },
  { "therapies-bad-class.xml", "class", "cart" },
  { "therapies-duplicate-code.xml", "therapy", "rituximab" },
  { "therapies-unknown-source.xml", "crs-any-grade", "nowhere" },
  { "therapies-half-range.xml", "onset-range", "together" },
  { "therapies-inverted-range.xml", "onset-range", "above max" },
  { "therapies-grade3-above-any.xml", "crs-grade3plus", "above crs-any-grade" },
  { "therapies-percent-over-100.xml", "crs-any-grade", "120" },
  { "therapies-not-well-formed.xml", NULL, "mismatch" },
};

static void
test_compile_rejects (gconstpointer data)
{
  const BadFixture *bad = data;
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", bad->fixture, NULL);
  g_autofree char *dir = g_dir_make_tmp ("crs-compile-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "therapies.sqlite", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *kept = NULL;
  Run run = { 0, };

  /* A database from an earlier good build stays as it was. */
  g_assert_true (g_file_set_contents (output, "earlier build", -1, NULL));

  run_compile (input, output, &run);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  if (bad->field != NULL)
    expected = g_strdup_printf ("%s:%d: %s: ", input, fault_line (input), bad->field);
  else
    expected = g_strdup_printf ("%s:%d: ", input, fault_line (input));
  if (strstr (run.err, expected) == NULL || strstr (run.err, bad->words) == NULL)
    g_error ("expected “%s” and “%s” in:\n%s", expected, bad->words, run.err);

  g_assert_true (g_file_get_contents (output, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "earlier build");
  run_clear (&run);

  /* No temporary file is left behind. */
  g_unlink (output);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Hostile therapy files: the compiler reads through the same byte guard
 * as the ward importer (crs-xml-input.c). Each is refused with a message
 * naming what is wrong (the guard's own words: before libxml2 parsed it),
 * and nothing outside the file is read. */
#define THERAPIES_OPEN "<therapies xmlns=\"urn:crswatch:therapies:1\" format=\"1\">"

static char *
hostile_repeat (const char *head,
                const char *unit,
                guint       n,
                const char *tail)
{
  GString *text = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  g_string_append (text, tail);
  return g_string_free (text, FALSE);
}

static void
assert_compiler_refuses (const char *text,
                         gsize       len,
                         const char *words)
{
  g_autofree char *xsd = source_xsd ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) therapies = NULL;
  therapies = crs_therapy_compiler_load_bytes (bytes, "hostile.xml", xsd, &error);
  g_assert_null (therapies);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("expected “%s” in: %s", words, error->message);
  g_assert_true (g_str_has_prefix (error->message, "hostile.xml:"));
  /* Nothing of a local file reached the message. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_compile_hostile (void)
{
  g_autofree char *xxe = g_strdup ("<?xml version=\"1.0\"?>\n<!DOCTYPE therapies [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                                   THERAPIES_OPEN "<sources><source id=\"a\"><citation>&x;</citation></source></sources></therapies>\n");
  g_autofree char *laughs = hostile_repeat ("<!DOCTYPE therapies [<!ENTITY l0 \"lol\">",
                                            "<!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">", 1,
                                            "]>" THERAPIES_OPEN "&l1;</therapies>");
  g_autofree char *entity = g_strdup (THERAPIES_OPEN "<!ENTITY x \"y\"></therapies>");
  g_autofree char *deep = hostile_repeat (THERAPIES_OPEN, "<note>", 100000, "");
  g_autofree char *wide = NULL;
  g_autofree char *long_tag = NULL;
  g_autofree char *many = hostile_repeat (THERAPIES_OPEN "<sources>", "<source/>", 200001, "</sources></therapies>");
  g_autofree char *xinclude = g_strdup (THERAPIES_OPEN "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                                        "href=\"/etc/passwd\" parse=\"text\"/></therapies>");
  static const char utf16[] = "\xff\xfe<\0t\0h\0>\0";
  gsize big_len = 17 * 1024 * 1024;
  g_autofree char *big = g_malloc (big_len);

  {
    GString *text = g_string_new ("<therapies xmlns=\"urn:crswatch:therapies:1\" format=\"1\"");
    for (int i = 0; i < 40; i++)
      g_string_append_printf (text, " a%d=\"\"", i);
    g_string_append (text, "/>");
    wide = g_string_free (text, FALSE);
  }
  {
    GString *text = g_string_new ("<therapies xmlns=\"urn:crswatch:therapies:1\" format=\"");
    for (int i = 0; i < 70000; i++)
      g_string_append_c (text, '1');
    g_string_append (text, "\"/>");
    long_tag = g_string_free (text, FALSE);
  }
  memset (big, ' ', big_len);
  memcpy (big, THERAPIES_OPEN, strlen (THERAPIES_OPEN));

  assert_compiler_refuses (xxe, strlen (xxe), "<!DOCTYPE");
  assert_compiler_refuses (laughs, strlen (laughs), "<!DOCTYPE");
  assert_compiler_refuses (entity, strlen (entity), "<!ENTITY");
  assert_compiler_refuses (deep, strlen (deep), "nest more than 16 deep");
  assert_compiler_refuses (wide, strlen (wide), "more than 32 attributes");
  assert_compiler_refuses (long_tag, strlen (long_tag), "longer than 65536 bytes");
  assert_compiler_refuses (many, strlen (many), "more than 200000 elements");
  assert_compiler_refuses (xinclude, strlen (xinclude), "include");
  assert_compiler_refuses (utf16, sizeof utf16 - 1, "UTF-8");
  assert_compiler_refuses (big, big_len, "larger than");
}

/* The build tool says the same, and a schema that would include another
 * file is refused rather than followed. */
static void
test_compile_hostile_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crs-hostile-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "therapies.xml", NULL);
  g_autofree char *output = g_build_filename (dir, "therapies.sqlite", NULL);
  g_autofree char *xsd = g_build_filename (dir, "evil.xsd", NULL);
  g_autofree char *included = g_build_filename (dir, "included.xsd", NULL);
  g_autofree char *valid = g_test_build_filename (G_TEST_DIST, "data", "therapies-valid.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) therapies = NULL;
  Run run = { 0, };

  g_assert_true (g_file_set_contents (input, "<!DOCTYPE therapies [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                                      THERAPIES_OPEN "&x;</therapies>\n", -1, NULL));
  run_compile (input, output, &run);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.err, "therapies.xml:0: the file contains “<!DOCTYPE”"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  run_clear (&run);

  g_assert_true (g_file_set_contents (included, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>", -1, NULL));
  g_assert_true (g_file_set_contents (xsd, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                                      "targetNamespace=\"urn:crswatch:therapies:1\">"
                                      "<xs:include schemaLocation=\"included.xsd\"/></xs:schema>", -1, NULL));
  therapies = crs_therapy_compiler_load (valid, xsd, &error);
  g_assert_null (therapies);
  g_assert_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "evil.xsd"));

  /* A file that is not a regular one. */
  g_clear_error (&error);
  therapies = crs_therapy_compiler_load ("/dev/zero", xsd, &error);
  g_assert_null (therapies);
  g_assert_nonnull (strstr (error->message, "not a regular file"));

  g_unlink (included);
  g_unlink (xsd);
  g_unlink (input);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_compile_fixture (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "therapies-valid.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("crs-compile-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "therapies.sqlite", NULL);
  g_autoptr(CrsReference) reference = NULL;
  g_autoptr(CrsTherapy) therapy = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0, };

  run_compile (input, output, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));

  reference = crs_reference_open (output, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crs_reference_get_count (reference), ==, 2);
  therapy = crs_reference_lookup (reference, "example-mab", &error);
  g_assert_no_error (error);
  /* Wrapped text is one line; printed decimals are kept. */
  g_assert_cmpstr (((CrsSourcedText *) therapy->notes->pdata[0])->text, ==,
                   "A note written over two lines.");
  g_assert_cmpfloat (therapy->crs_any_grade.value, ==, 51.0);
  g_assert_cmpint (therapy->crs_any_grade.decimals, ==, 1);
  g_assert_cmpfloat (therapy->onset_range.min, ==, 0.1);
  g_assert_cmpint (therapy->onset_range.min_decimals, ==, 1);
  g_assert_cmpint (therapy->onset_range.unit, ==, CRS_TIME_UNIT_HOURS);
  g_assert_true (crs_sourced_number_is_missing (&therapy->crs_grade3plus));
  g_assert_null (therapy->duration_range.text);

  run_clear (&run);
  g_clear_object (&reference);
  g_unlink (output);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/therapy-reference/round-trip", test_round_trip);
  g_test_add_func ("/therapy-reference/every-therapy", test_every_therapy);
  g_test_add_func ("/therapy-reference/seed-therapies", test_seed_therapies);
  g_test_add_func ("/therapy-reference/search", test_search);
  g_test_add_func ("/therapy-reference/classes-and-tiers", test_classes_and_tiers);
  g_test_add_func ("/therapy-reference/open-errors", test_open_errors);
  g_test_add_func ("/therapy-reference/compile/valid", test_compile_fixture);
  g_test_add_func ("/therapy-reference/compile/hostile", test_compile_hostile);
  g_test_add_func ("/therapy-reference/compile/hostile-files", test_compile_hostile_files);
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/therapy-reference/compile/rejects/%s", bad_fixtures[i].fixture);
      g_test_add_data_func (path, &bad_fixtures[i], test_compile_rejects);
    }

  return g_test_run ();
}
