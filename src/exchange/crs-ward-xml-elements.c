/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-elements.c: the ward file reader's element handlers: each
 * element's attributes become record fields, checked for what the schema
 * cannot say (times against the file's mode, ids, amendments, duplicate
 * MRNs). */
#define G_LOG_DOMAIN "crs-ward-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/crs-grade-pews.h"
#include "core/crs-symptom.h"
#include "crs-ward-xml-reader-private.h"

static const struct { const char *name; CrsWardXmlElement kind; } element_names[] = {
  { "ward", EL_WARD },
  { "settings", EL_SETTINGS },
  { "setting", EL_SETTING },
  { "patient", EL_PATIENT },
  { "diagnosis", EL_DIAGNOSIS },
  { "risk-notes", EL_RISK_NOTES },
  { "infusion", EL_INFUSION },
  { "observation", EL_OBSERVATION },
  { "grades", EL_GRADES },
  { "acknowledgement", EL_ACKNOWLEDGEMENT },
  { "intervention", EL_INTERVENTION },
  { "lab-result", EL_LAB_RESULT },
  { "note", EL_NOTE },
};

void
crs_ward_xml_pending_amend_free (gpointer data)
{
  PendingAmend *amend = data;

  g_free (amend->ref);
  g_free (amend);
}

/* ---------------------------------------------------------------------- */
/* Values                                                                 */

typedef struct
{
  CrsWardXmlReader     *r;
  const char *element;
  int         line;
} Ctx;

static char *
get_attr (Ctx        *ctx,
          const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (ctx->r->reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static void
bad_value (Ctx        *ctx,
           const char *attr,
           const char *value,
           const char *why)
{
  crs_ward_xml_reader_fail (ctx->r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
               /* TRANSLATORS: element, attribute, value, explanation */
               _("Element '%s', attribute '%s': '%s' %s"), ctx->element, attr, value, why);
}

static gboolean
attr_int (Ctx        *ctx,
          const char *name,
          guint64     max,
          int        *out)
{
  g_autofree char *value = get_attr (ctx, name);
  guint64 number;

  if (value == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (value, 10, 0, max, &number, NULL))
    {
      bad_value (ctx, name, value, _("is not a whole number in range"));
      return FALSE;
    }
  *out = (int) number;
  return TRUE;
}

static gboolean
attr_double (Ctx        *ctx,
             const char *name,
             double     *out)
{
  g_autofree char *value = get_attr (ctx, name);
  g_autofree char *stripped = NULL;
  char *end = NULL;
  double number;

  if (value == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (value));
  number = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (number))
    {
      bad_value (ctx, name, value, _("is not a finite number"));
      return FALSE;
    }
  *out = number;
  return TRUE;
}

static gboolean
attr_bool (Ctx        *ctx,
           const char *name,
           gboolean    fallback)
{
  g_autofree char *value = get_attr (ctx, name);

  if (value == NULL)
    return fallback;
  g_strstrip (value);
  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    return TRUE;
  if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    return FALSE;
  bad_value (ctx, name, value, _("is not true or false"));
  return fallback;
}

/* Reads an enum attribute through its crs-model id table. */
#define ATTR_ENUM(ctx, attr, name, Type, target)                             \
  G_STMT_START {                                                             \
    g_autofree char *_v = get_attr ((ctx), (attr));                          \
    Type _e;                                                                 \
    if (_v != NULL)                                                          \
      {                                                                      \
        if (crs_##name##_from_id (g_strstrip (_v), &_e))                     \
          (target) = _e;                                                     \
        else                                                                 \
          bad_value ((ctx), (attr), _v, _("is not a known choice"));         \
      }                                                                      \
  } G_STMT_END

/* A required or optional time attribute; FALSE when absent or wrong. */
static gboolean
attr_time (Ctx        *ctx,
           const char *name,
           gboolean    required,
           gint64     *out)
{
  g_autofree char *value = get_attr (ctx, name);
  g_autoptr(GDateTime) dt = NULL;
  gboolean is_offset;

  if (value == NULL)
    {
      if (required)
        crs_ward_xml_reader_fail (ctx->r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                     _("Element '%s': the attribute '%s' is required"), ctx->element, name);
      return FALSE;
    }
  g_strstrip (value);

  is_offset = value[0] == 'P' || value[0] == '-';
  if (is_offset != ctx->r->relative)
    {
      bad_value (ctx, name, value,
                 ctx->r->relative
                 ? _("is a date and time, but the file says times=\"relative\": use an offset such as -PT6H")
                 : _("is an offset, but the file does not say times=\"relative\""));
      return FALSE;
    }

  if (is_offset)
    dt = crs_ward_xml_apply_offset (ctx->r->anchor, value);
  else
    dt = g_date_time_new_from_iso8601 (value, NULL);

  if (dt == NULL)
    {
      bad_value (ctx, name, value, _("is not a time CRS Watch can read"));
      return FALSE;
    }
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
attr_birth_date (Ctx *ctx)
{
  g_autofree char *value = get_attr (ctx, "birth-date");
  int y, m, d;

  if (value == NULL)
    return NULL;
  g_strstrip (value);

  if (ctx->r->relative)
    {
      g_autoptr(GDateTime) dt = NULL;

      if (value[0] == '-' || value[0] == 'P')
        dt = crs_ward_xml_apply_offset (ctx->r->anchor, value);
      if (dt == NULL)
        {
          bad_value (ctx, "birth-date", value,
                     _("is not an offset such as -P7Y3M, as a file with times=\"relative\" needs"));
          return NULL;
        }
      return g_date_time_format (dt, "%Y-%m-%d");
    }

  if (strlen (value) != 10 || sscanf (value, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      bad_value (ctx, "birth-date", value, _("is not a date such as 1961-03-04"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* A space-separated list of ids, each through @from_id, into bits. */
static guint64
attr_id_list (Ctx         *ctx,
              const char  *name,
              gboolean   (*from_id) (const char *id, int *out),
              gboolean    *present)
{
  g_autofree char *value = get_attr (ctx, name);
  g_auto(GStrv) ids = NULL;
  guint64 bits = 0;

  *present = value != NULL;
  if (value == NULL)
    return 0;

  ids = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      int bit;

      if (ids[i][0] == '\0')
        continue;
      if (!from_id (ids[i], &bit))
        {
          bad_value (ctx, name, ids[i], _("is not a known choice"));
          continue;
        }
      bits |= G_GUINT64_CONSTANT (1) << bit;
    }
  return bits;
}

static gboolean
symptom_from_id (const char *id,
                 int        *out)
{
  CrsSymptom symptom;

  if (!crs_symptom_from_id (id, &symptom))
    return FALSE;
  *out = (int) symptom;
  return TRUE;
}

static gboolean
ice_item_from_id (const char *id,
                  int        *out)
{
  CrsIceItem item;

  if (!crs_ice_item_from_id (id, &item))
    return FALSE;
  *out = (int) item;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Elements                                                               */

static void
read_ward (CrsWardXmlReader *r,
           Ctx              *ctx)
{
  g_autofree char *times = get_attr (ctx, "times");

  r->relative = times != NULL && g_str_equal (g_strstrip (times), "relative");
}

static void
read_setting (CrsWardXmlReader *r,
              Ctx              *ctx)
{
  g_autofree char *key = get_attr (ctx, "key");
  g_autofree char *value = get_attr (ctx, "value");

  if (key == NULL)
    return;   /* the schema says what is missing */
  if (g_hash_table_contains (r->setting_keys, key))
    {
      crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                   _("the setting '%s' is given twice"), key);
      return;
    }
  g_hash_table_add (r->setting_keys, g_strdup (key));
  crs_ward_file_add_setting (r->file, key, value);
}

static void
read_patient (CrsWardXmlReader *r,
              Ctx              *ctx)
{
  CrsPatient *patient = crs_patient_new ();
  int scale = 1;

  patient->mrn = get_attr (ctx, "mrn");
  patient->name = get_attr (ctx, "name");
  patient->birth_date = attr_birth_date (ctx);
  ATTR_ENUM (ctx, "sex", sex, CrsSex, patient->sex);
  attr_double (ctx, "weight-kg", &patient->weight_kg);
  patient->bed = get_attr (ctx, "bed");
  patient->ward = get_attr (ctx, "ward");
  if (attr_int (ctx, "spo2-scale", 2, &scale) && scale < 1)
    bad_value (ctx, "spo2-scale", "0", _("is not 1 or 2"));
  patient->spo2_scale = MAX (scale, 1);
  patient->use_capd = attr_bool (ctx, "use-capd", FALSE);
  patient->high_disease_burden = attr_bool (ctx, "high-disease-burden", FALSE);
  patient->comorbidities = attr_bool (ctx, "comorbidities", FALSE);
  patient->prior_crs = attr_bool (ctx, "prior-crs", FALSE);
  patient->archived = attr_bool (ctx, "archived", FALSE);

  r->patient = crs_ward_file_add_patient (r->file, patient);
  r->patient->line = ctx->line;

  if (patient->mrn != NULL)
    {
      gpointer first = g_hash_table_lookup (r->mrn_lines, patient->mrn);
      if (first != NULL)
        crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_DUPLICATE, ctx->line,
                     _("the MRN %s is already used by the patient on line %d; "
                       "each patient may appear only once"),
                     patient->mrn, GPOINTER_TO_INT (first));
      else
        g_hash_table_insert (r->mrn_lines, g_strdup (patient->mrn), GINT_TO_POINTER (ctx->line));
    }
}

static void
read_infusion (CrsWardXmlReader *r,
               Ctx              *ctx)
{
  CrsInfusion *infusion = crs_infusion_new ();

  infusion->therapy_code = get_attr (ctx, "therapy-code");
  infusion->therapy_name = get_attr (ctx, "therapy-name");
  attr_double (ctx, "dose", &infusion->dose);
  infusion->dose_unit = get_attr (ctx, "dose-unit");
  infusion->step_label = get_attr (ctx, "step");
  attr_time (ctx, "start", TRUE, &infusion->start_at);
  attr_time (ctx, "end", FALSE, &infusion->end_at);
  infusion->author = get_attr (ctx, "author");

  if (infusion->therapy_code == NULL && infusion->therapy_name == NULL)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                 _("Element 'infusion': give the therapy-code or the therapy-name"));

  g_ptr_array_add (r->patient->infusions, infusion);
  r->record = infusion;
}

static void
read_observation (CrsWardXmlReader *r,
                  Ctx              *ctx)
{
  CrsObservation *obs = crs_observation_new ();
  g_autofree char *id = get_attr (ctx, "id");
  g_autofree char *supersedes = get_attr (ctx, "supersedes");
  gboolean present;

  obs->id = ++r->next_observation_id;
  attr_time (ctx, "taken", TRUE, &obs->taken_at);
  attr_time (ctx, "recorded", FALSE, &obs->recorded_at);
  obs->author = get_attr (ctx, "author");
  obs->amend_reason = get_attr (ctx, "amend-reason");

  attr_double (ctx, "temperature-c", &obs->temperature_c);
  attr_int (ctx, "heart-rate", 400, &obs->heart_rate);
  attr_int (ctx, "resp-rate", 400, &obs->resp_rate);
  attr_int (ctx, "systolic", 400, &obs->systolic);
  attr_int (ctx, "diastolic", 400, &obs->diastolic);
  attr_int (ctx, "spo2", 100, &obs->spo2);

  ATTR_ENUM (ctx, "o2-device", o2_device, CrsO2Device, obs->o2_device);
  attr_double (ctx, "o2-flow-l-min", &obs->o2_flow_l_min);
  attr_int (ctx, "fio2-percent", 100, &obs->fio2_percent);

  ATTR_ENUM (ctx, "hypotension", tri, CrsTri, obs->hypotension);
  attr_int (ctx, "vasopressors", 10, &obs->vasopressors);
  ATTR_ENUM (ctx, "vasopressin", tri, CrsTri, obs->vasopressin);

  ATTR_ENUM (ctx, "acvpu", acvpu, CrsAcvpu, obs->acvpu);
  ATTR_ENUM (ctx, "arousal", arousal, CrsArousal, obs->arousal);
  obs->ice_items = (guint16) attr_id_list (ctx, "ice-items", ice_item_from_id, &present);
  obs->ice_items_recorded = present;
  attr_int (ctx, "ice-total", 10, &obs->ice_total);
  attr_int (ctx, "capd", 32, &obs->capd);
  ATTR_ENUM (ctx, "seizure", seizure, CrsSeizure, obs->seizure);
  ATTR_ENUM (ctx, "motor-weakness", tri, CrsTri, obs->motor_weakness);
  ATTR_ENUM (ctx, "cerebral-edema", edema, CrsEdema, obs->cerebral_edema);
  obs->symptoms = attr_id_list (ctx, "symptoms", symptom_from_id, &present);

  ATTR_ENUM (ctx, "resp-distress", resp_distress, CrsRespDistress, obs->resp_distress);
  attr_double (ctx, "crt-s", &obs->crt_s);
  attr_double (ctx, "o2-percent", &obs->o2_percent);
  ATTR_ENUM (ctx, "bp-skip", bp_skip, CrsBpSkip, obs->bp_skip);
  ATTR_ENUM (ctx, "carer", carer, CrsCarer, obs->carer);
  ATTR_ENUM (ctx, "intuition", tri, CrsTri, obs->intuition);
  ATTR_ENUM (ctx, "sepsis", sepsis, CrsSepsis, obs->sepsis);
  ATTR_ENUM (ctx, "pews-chart", pews_band, CrsPewsBand, obs->pews_band);

  g_ptr_array_add (r->patient->observations, obs);
  g_hash_table_insert (r->observation_lines, obs, GINT_TO_POINTER (ctx->line));
  g_hash_table_insert (r->observation_owner, obs, r->patient);
  r->record = obs;
  r->observation = obs;

  if (id != NULL)
    {
      g_strstrip (id);
      if (g_hash_table_contains (r->observation_ids, id))
        {
          CrsObservation *first = g_hash_table_lookup (r->observation_ids, id);
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                       _("the id '%s' is already used by the observation set on line %d"),
                       id, GPOINTER_TO_INT (g_hash_table_lookup (r->observation_lines, first)));
        }
      else
        g_hash_table_insert (r->observation_ids, g_strdup (id), obs);
    }

  if (supersedes != NULL)
    {
      PendingAmend *amend = g_new0 (PendingAmend, 1);
      amend->observation = obs;
      amend->ref = g_strstrip (g_steal_pointer (&supersedes));
      amend->line = ctx->line;
      g_ptr_array_add (r->pending, amend);
      if (obs->amend_reason == NULL || *obs->amend_reason == '\0')
        crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                     _("Element 'observation': an amendment needs its amend-reason"));
    }
  else if (obs->amend_reason != NULL)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                 _("Element 'observation': amend-reason is given, but not which set it supersedes"));
}

static void
read_grades (CrsWardXmlReader *r,
             Ctx              *ctx)
{
  CrsObservation *obs = r->observation;

  if (obs == NULL)
    return;
  attr_int (ctx, "crs", 4, &obs->stored_crs_grade);
  attr_int (ctx, "icans", 4, &obs->stored_icans_grade);
  attr_int (ctx, "news2", 20, &obs->stored_news2);
  attr_int (ctx, "pews", CRS_PEWS_MAX_TOTAL, &obs->stored_pews);
  {
    CrsPewsLevel level = CRS_PEWS_LEVEL_N_VALUES;   /* left out */

    ATTR_ENUM (ctx, "pews-level", pews_level, CrsPewsLevel, level);
    if (level != CRS_PEWS_LEVEL_N_VALUES)
      obs->stored_pews_level = level;
  }
  obs->stored_rules = get_attr (ctx, "rules");
  obs->stored_red_flag = attr_bool (ctx, "red-flag", FALSE);
}

static void
read_acknowledgement (CrsWardXmlReader *r,
                      Ctx              *ctx)
{
  CrsAcknowledgement *ack = crs_ward_file_acknowledgement_new ();

  ack->observation_id = r->observation != NULL ? r->observation->id : 0;
  attr_time (ctx, "at", TRUE, &ack->at);
  ack->author = get_attr (ctx, "author");
  g_ptr_array_add (r->patient->acknowledgements, ack);
  r->record = ack;
}

static void
read_intervention (CrsWardXmlReader *r,
                   Ctx              *ctx)
{
  CrsIntervention *iv = crs_intervention_new ();

  attr_time (ctx, "at", TRUE, &iv->at);
  ATTR_ENUM (ctx, "kind", intervention_kind, CrsInterventionKind, iv->kind);
  iv->drug = get_attr (ctx, "drug");
  iv->dose = get_attr (ctx, "dose");
  iv->author = get_attr (ctx, "author");
  g_ptr_array_add (r->patient->interventions, iv);
  r->record = iv;
}

static void
read_lab_result (CrsWardXmlReader *r,
                 Ctx              *ctx)
{
  CrsLabResult *lab = crs_lab_result_new ();

  attr_time (ctx, "at", TRUE, &lab->at);
  lab->loinc = get_attr (ctx, "loinc");
  lab->name = get_attr (ctx, "name");
  if (!attr_double (ctx, "value", &lab->value) && r->error == NULL)
    crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, ctx->line,
                 _("Element 'lab-result': the attribute 'value' is required"));
  lab->unit = get_attr (ctx, "unit");
  lab->author = get_attr (ctx, "author");
  g_ptr_array_add (r->patient->lab_results, lab);
  r->record = lab;
}

/* Where the text of a note-like element goes, by its parent. */
static char **
text_target (CrsWardXmlReader  *r,
             CrsWardXmlElement  kind,
             CrsWardXmlElement  parent)
{
  if (kind == EL_DIAGNOSIS && r->patient != NULL)
    return &r->patient->patient->diagnosis;
  if (kind == EL_RISK_NOTES && r->patient != NULL)
    return &r->patient->patient->risk_notes;
  if (kind != EL_NOTE || r->record == NULL)
    return NULL;

  switch (parent)
    {
    case EL_INFUSION: return &CRS_INFUSION (r->record)->note;
    case EL_OBSERVATION: return &CRS_OBSERVATION (r->record)->note;
    case EL_INTERVENTION: return &CRS_INTERVENTION (r->record)->note;
    case EL_LAB_RESULT: return &CRS_LAB_RESULT (r->record)->note;
    case EL_ACKNOWLEDGEMENT: return &((CrsAcknowledgement *) r->record)->note;
    default: return NULL;
    }
}

/* Links each amendment to the set it supersedes, once the whole patient
 * is known, and checks that the versions form simple chains. */
static void
finish_patient (CrsWardXmlReader *r)
{
  CrsWardFilePatient *entry = r->patient;
  g_autoptr(GHashTable) amended_by = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < r->pending->len; i++)
    {
      PendingAmend *amend = g_ptr_array_index (r->pending, i);
      CrsObservation *target = g_hash_table_lookup (r->observation_ids, amend->ref);
      CrsObservation *earlier;

      if (target == NULL)
        {
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, amend->line,
                       _("Element 'observation': supersedes '%s', but no observation set has that id"),
                       amend->ref);
          continue;
        }
      if (g_hash_table_lookup (r->observation_owner, target) != entry)
        {
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, amend->line,
                       _("Element 'observation': supersedes '%s', a set of another patient"),
                       amend->ref);
          continue;
        }
      if (target == amend->observation)
        {
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, amend->line,
                       _("Element 'observation': a set cannot supersede itself"));
          continue;
        }
      earlier = g_hash_table_lookup (amended_by, target);
      if (earlier != NULL)
        {
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID, amend->line,
                       _("Element 'observation': '%s' is already amended by the set on line %d; "
                         "amend that newer version instead"),
                       amend->ref, GPOINTER_TO_INT (g_hash_table_lookup (r->observation_lines, earlier)));
          continue;
        }
      g_hash_table_insert (amended_by, target, amend->observation);
      amend->observation->supersedes_id = target->id;
      target->superseded_by_id = amend->observation->id;
    }

  /* Chains must start at an original. Each set supersedes at most one and
   * is amended by at most one (checked above), so the versions form
   * simple paths and circles: walk forward from every original once; a
   * set no walk reaches is on a circle. Linear in the number of sets,
   * however long a chain is. */
  if (r->error == NULL)
    {
      g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < entry->observations->len; i++)
        {
          CrsObservation *obs = g_ptr_array_index (entry->observations, i);

          if (obs->supersedes_id != 0)
            continue;
          for (; obs != NULL; obs = g_hash_table_lookup (amended_by, obs))
            g_hash_table_add (reached, obs);
        }
      for (guint i = 0; i < entry->observations->len; i++)
        {
          CrsObservation *obs = g_ptr_array_index (entry->observations, i);

          if (g_hash_table_contains (reached, obs))
            continue;
          crs_ward_xml_reader_fail (r, CRS_EXCHANGE_ERROR_INVALID,
                                    GPOINTER_TO_INT (g_hash_table_lookup (r->observation_lines, obs)),
                                    _("Element 'observation': its amendments go round in a circle"));
          break;
        }
    }

  g_ptr_array_set_size (r->pending, 0);
  r->patient = NULL;
}

static CrsWardXmlElement
element_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_names); i++)
    if (g_str_equal (element_names[i].name, name))
      return element_names[i].kind;
  return EL_UNKNOWN;
}

void
crs_ward_xml_reader_start_element (CrsWardXmlReader *r,
                                   int               depth)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (r->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (r->reader);
  CrsWardXmlElement kind = EL_UNKNOWN;
  CrsWardXmlElement parent = depth > 0 ? r->stack[depth - 1] : EL_UNKNOWN;
  Ctx ctx = { r, name, crs_ward_xml_reader_line (r) };

  /* The schema rejects anything else; only act on our own elements. */
  if (g_strcmp0 (ns, CRS_WARD_XML_NAMESPACE) == 0)
    kind = element_kind (name);
  r->stack[depth] = kind;

  switch (kind)
    {
    case EL_WARD:
      if (depth == 0)
        read_ward (r, &ctx);
      break;
    case EL_SETTING:
      if (parent == EL_SETTINGS)
        read_setting (r, &ctx);
      break;
    case EL_PATIENT:
      if (parent == EL_WARD)
        read_patient (r, &ctx);
      break;
    case EL_INFUSION:
      if (parent == EL_PATIENT && r->patient != NULL)
        read_infusion (r, &ctx);
      break;
    case EL_OBSERVATION:
      if (parent == EL_PATIENT && r->patient != NULL)
        read_observation (r, &ctx);
      break;
    case EL_GRADES:
      if (parent == EL_OBSERVATION)
        read_grades (r, &ctx);
      break;
    case EL_ACKNOWLEDGEMENT:
      if (parent == EL_OBSERVATION && r->patient != NULL)
        read_acknowledgement (r, &ctx);
      break;
    case EL_INTERVENTION:
      if (parent == EL_PATIENT && r->patient != NULL)
        read_intervention (r, &ctx);
      break;
    case EL_LAB_RESULT:
      if (parent == EL_PATIENT && r->patient != NULL)
        read_lab_result (r, &ctx);
      break;
    case EL_DIAGNOSIS:
    case EL_RISK_NOTES:
    case EL_NOTE:
      r->text_target = text_target (r, kind, parent);
      g_string_truncate (r->text, 0);
      break;
    case EL_SETTINGS:
    case EL_UNKNOWN:
    default:
      break;
    }
}

void
crs_ward_xml_reader_end_element (CrsWardXmlReader *r,
                                 int               depth)
{
  CrsWardXmlElement kind = r->stack[depth];

  switch (kind)
    {
    case EL_PATIENT:
      if (r->patient != NULL)
        finish_patient (r);
      break;
    case EL_OBSERVATION:
      r->observation = NULL;
      r->record = NULL;
      break;
    case EL_ACKNOWLEDGEMENT:
      r->record = r->observation;
      break;
    case EL_INFUSION:
    case EL_INTERVENTION:
    case EL_LAB_RESULT:
      r->record = NULL;
      break;
    case EL_DIAGNOSIS:
    case EL_RISK_NOTES:
    case EL_NOTE:
      if (r->text_target != NULL)
        {
          g_free (*r->text_target);
          *r->text_target = g_strdup (r->text->str);
        }
      r->text_target = NULL;
      break;
    default:
      break;
    }
}

