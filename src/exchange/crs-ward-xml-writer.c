/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-xml-writer.c: writes a CrsWardFile as ward XML.
 *
 * The text depends only on the records: patients, then each patient's
 * records, come in a fixed order, and observation sets are numbered
 * afresh ("o1", "o2", ...), so exporting the same ward twice, or a ward
 * imported from an export, gives the same text. */
#define G_LOG_DOMAIN "crs-ward-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <math.h>

#include "core/crs-grade-pews.h"
#include "core/crs-symptom.h"
#include "crs-ward-xml-private.h"

typedef struct
{
  xmlTextWriterPtr  w;
  GError           *error;
  const char       *mrn;        /* the patient being written, for messages */
  GHashTable       *numbers;    /* observation id -> its number in this file */
  guint             next_number;
} Writer;

/* Characters XML 1.0 can carry (XML 1.0, production [2] Char). */
static gboolean
text_is_xml (const char *text)
{
  const char *end = NULL;

  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
            (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_text (Writer     *wr,
            const char *what,
            const char *text)
{
  if (wr->error != NULL)
    return FALSE;
  if (text_is_xml (text))
    return TRUE;
  g_set_error (&wr->error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
               _("Patient %s: the %s holds a character that an XML file cannot carry"),
               wr->mrn != NULL ? wr->mrn : "?", what);
  return FALSE;
}

static void
write_attr (Writer     *wr,
            const char *name,
            const char *value)
{
  if (value == NULL || wr->error != NULL)
    return;
  if (check_text (wr, name, value))
    xmlTextWriterWriteAttribute (wr->w, (const xmlChar *) name, (const xmlChar *) value);
}

static void
write_attr_int (Writer     *wr,
                const char *name,
                int         value)
{
  char buffer[32];

  if (crs_is_missing_int (value))
    return;
  g_snprintf (buffer, sizeof buffer, "%d", value);
  write_attr (wr, name, buffer);
}

static void
write_attr_double (Writer     *wr,
                   const char *name,
                   double      value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return;
  text = crs_ward_xml_format_double (value);
  write_attr (wr, name, text);
}

static void
write_attr_time (Writer     *wr,
                 const char *name,
                 gint64      value)
{
  g_autofree char *text = NULL;

  if (value == 0)
    return;
  text = crs_ward_xml_format_time (value);
  if (text == NULL && wr->error == NULL)
    g_set_error (&wr->error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                 _("Patient %s: the time in '%s' is out of range"), wr->mrn, name);
  write_attr (wr, name, text);
}

static void
write_attr_bool (Writer     *wr,
                 const char *name,
                 gboolean    value)
{
  /* The schema's default is false: only true is written. */
  if (value)
    write_attr (wr, name, "true");
}

static void
write_text_element (Writer     *wr,
                    const char *name,
                    const char *text)
{
  if (text == NULL || !check_text (wr, name, text))
    return;
  xmlTextWriterStartElement (wr->w, (const xmlChar *) name);
  xmlTextWriterWriteString (wr->w, (const xmlChar *) text);
  xmlTextWriterEndElement (wr->w);
}

static void
write_id_list (Writer      *wr,
               const char  *name,
               guint64      bits,
               guint        n_values,
               const char *(*to_id) (int value),
               gboolean     always)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n_values; i++)
    if (bits & (G_GUINT64_CONSTANT (1) << i))
      {
        if (list->len > 0)
          g_string_append_c (list, ' ');
        g_string_append (list, to_id ((int) i));
      }
  if (list->len > 0 || always)
    write_attr (wr, name, list->str);
}

static const char *
symptom_id (int value)
{
  return crs_symptom_to_id ((CrsSymptom) value);
}

static const char *
ice_item_id (int value)
{
  return crs_ice_item_to_id ((CrsIceItem) value);
}

/* ---------------------------------------------------------------------- */
/* Order                                                                  */

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_patients (gconstpointer a,
                  gconstpointer b)
{
  const CrsWardFilePatient *pa = *(CrsWardFilePatient * const *) a;
  const CrsWardFilePatient *pb = *(CrsWardFilePatient * const *) b;
  int c;

  if (pa->patient->archived != pb->patient->archived)
    return pa->patient->archived ? 1 : -1;
  c = g_strcmp0 (pa->patient->bed, pb->patient->bed);
  return c != 0 ? c : g_strcmp0 (pa->patient->mrn, pb->patient->mrn);
}

static int
compare_infusions (gconstpointer a,
                   gconstpointer b)
{
  const CrsInfusion *x = *(CrsInfusion * const *) a;
  const CrsInfusion *y = *(CrsInfusion * const *) b;
  int c = compare_int64 (x->start_at, y->start_at);

  return c != 0 ? c : compare_int64 (x->id, y->id);
}

static int
compare_observations (gconstpointer a,
                      gconstpointer b)
{
  const CrsObservation *x = *(CrsObservation * const *) a;
  const CrsObservation *y = *(CrsObservation * const *) b;
  int c = compare_int64 (x->taken_at, y->taken_at);

  return c != 0 ? c : compare_int64 (x->id, y->id);
}

static int
compare_interventions (gconstpointer a,
                       gconstpointer b)
{
  const CrsIntervention *x = *(CrsIntervention * const *) a;
  const CrsIntervention *y = *(CrsIntervention * const *) b;
  int c = compare_int64 (x->at, y->at);

  return c != 0 ? c : compare_int64 (x->id, y->id);
}

static int
compare_lab_results (gconstpointer a,
                     gconstpointer b)
{
  const CrsLabResult *x = *(CrsLabResult * const *) a;
  const CrsLabResult *y = *(CrsLabResult * const *) b;
  int c = compare_int64 (x->at, y->at);

  return c != 0 ? c : compare_int64 (x->id, y->id);
}

static int
compare_acknowledgements (gconstpointer a,
                          gconstpointer b)
{
  const CrsAcknowledgement *x = *(CrsAcknowledgement * const *) a;
  const CrsAcknowledgement *y = *(CrsAcknowledgement * const *) b;
  int c = compare_int64 (x->at, y->at);

  return c != 0 ? c : compare_int64 (x->id, y->id);
}

/* A sorted shallow copy. */
static GPtrArray *
sorted (GPtrArray    *array,
        GCompareFunc  compare)
{
  GPtrArray *copy = g_ptr_array_new_full (array->len, NULL);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  g_ptr_array_sort (copy, compare);
  return copy;
}

/* ---------------------------------------------------------------------- */
/* Records                                                                */

static void
write_infusion (Writer      *wr,
                CrsInfusion *infusion)
{
  xmlTextWriterStartElement (wr->w, BAD_CAST "infusion");
  /* An empty code means no code: the schema wants at least one letter. */
  if (infusion->therapy_code != NULL && *infusion->therapy_code != '\0')
    write_attr (wr, "therapy-code", infusion->therapy_code);
  write_attr (wr, "therapy-name", infusion->therapy_name);
  write_attr_double (wr, "dose", infusion->dose);
  write_attr (wr, "dose-unit", infusion->dose_unit);
  write_attr (wr, "step", infusion->step_label);
  write_attr_time (wr, "start", infusion->start_at);
  write_attr_time (wr, "end", infusion->end_at);
  write_attr (wr, "author", infusion->author);
  write_text_element (wr, "note", infusion->note);
  xmlTextWriterEndElement (wr->w);
}

static char *
observation_number (Writer *wr,
                    gint64  id)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (wr->numbers, &id));

  return number != 0 ? g_strdup_printf ("o%u", number) : NULL;
}

static void
write_observation (Writer             *wr,
                   CrsWardFilePatient *entry,
                   CrsObservation     *obs)
{
  g_autofree char *number = observation_number (wr, obs->id);
  g_autofree char *supersedes = NULL;
  g_autoptr(GPtrArray) acks = g_ptr_array_new ();

  xmlTextWriterStartElement (wr->w, BAD_CAST "observation");
  write_attr (wr, "id", number);
  if (obs->supersedes_id != 0)
    {
      supersedes = observation_number (wr, obs->supersedes_id);
      if (supersedes == NULL && wr->error == NULL)
        g_set_error (&wr->error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                     _("Patient %s: an observation set amends a version that is not in the export"),
                     wr->mrn);
      write_attr (wr, "supersedes", supersedes);
      write_attr (wr, "amend-reason", obs->amend_reason != NULL ? obs->amend_reason : "");
    }
  else
    write_attr (wr, "amend-reason", obs->amend_reason);
  write_attr_time (wr, "taken", obs->taken_at);
  write_attr_time (wr, "recorded", obs->recorded_at);
  write_attr (wr, "author", obs->author);

  write_attr_double (wr, "temperature-c", obs->temperature_c);
  write_attr_int (wr, "heart-rate", obs->heart_rate);
  write_attr_int (wr, "resp-rate", obs->resp_rate);
  write_attr_int (wr, "systolic", obs->systolic);
  write_attr_int (wr, "diastolic", obs->diastolic);
  write_attr_int (wr, "spo2", obs->spo2);

  write_attr (wr, "o2-device", crs_o2_device_to_id (obs->o2_device));
  write_attr_double (wr, "o2-flow-l-min", obs->o2_flow_l_min);
  write_attr_int (wr, "fio2-percent", obs->fio2_percent);

  write_attr (wr, "hypotension", crs_tri_to_id (obs->hypotension));
  write_attr_int (wr, "vasopressors", obs->vasopressors);
  write_attr (wr, "vasopressin", crs_tri_to_id (obs->vasopressin));

  write_attr (wr, "acvpu", crs_acvpu_to_id (obs->acvpu));
  write_attr (wr, "arousal", crs_arousal_to_id (obs->arousal));
  if (obs->ice_items_recorded)
    write_id_list (wr, "ice-items", obs->ice_items, CRS_ICE_N_ITEMS, ice_item_id, TRUE);
  write_attr_int (wr, "ice-total", obs->ice_total);
  write_attr_int (wr, "capd", obs->capd);
  write_attr (wr, "seizure", crs_seizure_to_id (obs->seizure));
  write_attr (wr, "motor-weakness", crs_tri_to_id (obs->motor_weakness));
  write_attr (wr, "cerebral-edema", crs_edema_to_id (obs->cerebral_edema));
  write_id_list (wr, "symptoms", obs->symptoms, CRS_SYMPTOM_N_VALUES, symptom_id, FALSE);

  write_attr (wr, "resp-distress", crs_resp_distress_to_id (obs->resp_distress));
  write_attr_double (wr, "crt-s", obs->crt_s);
  write_attr_double (wr, "o2-percent", obs->o2_percent);
  write_attr (wr, "bp-skip", crs_bp_skip_to_id (obs->bp_skip));
  write_attr (wr, "carer", crs_carer_to_id (obs->carer));
  write_attr (wr, "intuition", crs_tri_to_id (obs->intuition));
  write_attr (wr, "sepsis", crs_sepsis_to_id (obs->sepsis));
  write_attr (wr, "pews-chart", crs_pews_band_to_id (obs->pews_band));

  write_text_element (wr, "note", obs->note);

  if (obs->stored_rules != NULL || !crs_is_missing_int (obs->stored_crs_grade) ||
      !crs_is_missing_int (obs->stored_icans_grade) || !crs_is_missing_int (obs->stored_news2) ||
      !crs_is_missing_int (obs->stored_pews) || !crs_is_missing_int (obs->stored_pews_level) ||
      obs->stored_red_flag)
    {
      xmlTextWriterStartElement (wr->w, BAD_CAST "grades");
      write_attr_int (wr, "crs", obs->stored_crs_grade);
      write_attr_int (wr, "icans", obs->stored_icans_grade);
      write_attr_int (wr, "news2", obs->stored_news2);
      write_attr_int (wr, "pews", obs->stored_pews);
      if (!crs_is_missing_int (obs->stored_pews_level))
        write_attr (wr, "pews-level", crs_pews_level_to_id ((CrsPewsLevel) obs->stored_pews_level));
      write_attr (wr, "rules", obs->stored_rules);
      write_attr_bool (wr, "red-flag", obs->stored_red_flag);
      xmlTextWriterEndElement (wr->w);
    }

  for (guint i = 0; i < entry->acknowledgements->len; i++)
    {
      CrsAcknowledgement *ack = g_ptr_array_index (entry->acknowledgements, i);
      if (ack->observation_id == obs->id)
        g_ptr_array_add (acks, ack);
    }
  g_ptr_array_sort (acks, compare_acknowledgements);
  for (guint i = 0; i < acks->len; i++)
    {
      CrsAcknowledgement *ack = g_ptr_array_index (acks, i);

      xmlTextWriterStartElement (wr->w, BAD_CAST "acknowledgement");
      write_attr_time (wr, "at", ack->at);
      write_attr (wr, "author", ack->author);
      write_text_element (wr, "note", ack->note);
      xmlTextWriterEndElement (wr->w);
    }

  xmlTextWriterEndElement (wr->w);
}

static void
write_intervention (Writer          *wr,
                    CrsIntervention *iv)
{
  xmlTextWriterStartElement (wr->w, BAD_CAST "intervention");
  write_attr_time (wr, "at", iv->at);
  write_attr (wr, "kind", crs_intervention_kind_to_id (iv->kind));
  write_attr (wr, "drug", iv->drug);
  write_attr (wr, "dose", iv->dose);
  write_attr (wr, "author", iv->author);
  write_text_element (wr, "note", iv->note);
  xmlTextWriterEndElement (wr->w);
}

static void
write_lab_result (Writer       *wr,
                  CrsLabResult *lab)
{
  xmlTextWriterStartElement (wr->w, BAD_CAST "lab-result");
  write_attr_time (wr, "at", lab->at);
  write_attr (wr, "loinc", lab->loinc);
  write_attr (wr, "name", lab->name);
  write_attr_double (wr, "value", lab->value);
  write_attr (wr, "unit", lab->unit);
  write_attr (wr, "author", lab->author);
  write_text_element (wr, "note", lab->note);
  xmlTextWriterEndElement (wr->w);
}

static void
write_patient (Writer             *wr,
               CrsWardFilePatient *entry)
{
  CrsPatient *p = entry->patient;
  g_autoptr(GPtrArray) infusions = sorted (entry->infusions, compare_infusions);
  g_autoptr(GPtrArray) observations = sorted (entry->observations, compare_observations);
  g_autoptr(GPtrArray) interventions = sorted (entry->interventions, compare_interventions);
  g_autoptr(GPtrArray) lab_results = sorted (entry->lab_results, compare_lab_results);

  wr->mrn = p->mrn;

  /* Number the sets first: an amendment may come before the version it
   * supersedes when its time was corrected to an earlier one. */
  for (guint i = 0; i < observations->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (observations, i);
      g_hash_table_insert (wr->numbers, g_memdup2 (&obs->id, sizeof obs->id),
                           GUINT_TO_POINTER (++wr->next_number));
    }

  xmlTextWriterStartElement (wr->w, BAD_CAST "patient");
  write_attr (wr, "mrn", p->mrn);
  write_attr (wr, "name", p->name);
  write_attr (wr, "birth-date", p->birth_date);
  write_attr (wr, "sex", crs_sex_to_id (p->sex));
  write_attr_double (wr, "weight-kg", p->weight_kg);
  write_attr (wr, "bed", p->bed);
  write_attr (wr, "ward", p->ward);
  if (p->spo2_scale != 1)
    write_attr_int (wr, "spo2-scale", p->spo2_scale);
  write_attr_bool (wr, "use-capd", p->use_capd);
  write_attr_bool (wr, "high-disease-burden", p->high_disease_burden);
  write_attr_bool (wr, "comorbidities", p->comorbidities);
  write_attr_bool (wr, "prior-crs", p->prior_crs);
  write_attr_bool (wr, "archived", p->archived);
  write_text_element (wr, "diagnosis", p->diagnosis);
  write_text_element (wr, "risk-notes", p->risk_notes);

  for (guint i = 0; i < infusions->len; i++)
    write_infusion (wr, g_ptr_array_index (infusions, i));
  for (guint i = 0; i < observations->len; i++)
    write_observation (wr, entry, g_ptr_array_index (observations, i));
  for (guint i = 0; i < interventions->len; i++)
    write_intervention (wr, g_ptr_array_index (interventions, i));
  for (guint i = 0; i < lab_results->len; i++)
    write_lab_result (wr, g_ptr_array_index (lab_results, i));

  xmlTextWriterEndElement (wr->w);
  g_hash_table_remove_all (wr->numbers);
  wr->mrn = NULL;
}

/* ---------------------------------------------------------------------- */

static int
output_write_cb (void       *context,
                 const char *buffer,
                 int         len)
{
  g_byte_array_append (context, (const guint8 *) buffer, (guint) len);
  return len;
}

static int
output_close_cb (void *context)
{
  return 0;
}

GBytes *
crs_ward_xml_write (CrsWardFile  *file,
                    gint64        exported_at,
                    GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) patients = NULL;
  xmlOutputBufferPtr out;
  Writer wr = { 0 };

  g_return_val_if_fail (file != NULL, NULL);

  out = xmlOutputBufferCreateIO (output_write_cb, output_close_cb, bytes, NULL);
  wr.w = xmlNewTextWriter (out);   /* owns @out from here on */
  wr.numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  xmlTextWriterSetIndent (wr.w, 1);
  xmlTextWriterSetIndentString (wr.w, BAD_CAST "  ");

  xmlTextWriterStartDocument (wr.w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElementNS (wr.w, NULL, BAD_CAST "ward", BAD_CAST CRS_WARD_XML_NAMESPACE);
  write_attr_time (&wr, "exported-at", exported_at);
  write_attr (&wr, "generator", CRS_WARD_XML_GENERATOR);

  if (file->settings->len > 0)
    {
      xmlTextWriterStartElement (wr.w, BAD_CAST "settings");
      for (guint i = 0; i < file->settings->len; i++)
        {
          CrsWardFileSetting *setting = g_ptr_array_index (file->settings, i);

          xmlTextWriterStartElement (wr.w, BAD_CAST "setting");
          write_attr (&wr, "key", setting->key);
          write_attr (&wr, "value", setting->value);
          xmlTextWriterEndElement (wr.w);
        }
      xmlTextWriterEndElement (wr.w);
    }

  patients = sorted (file->patients, compare_patients);
  for (guint i = 0; i < patients->len && wr.error == NULL; i++)
    write_patient (&wr, g_ptr_array_index (patients, i));

  xmlTextWriterEndElement (wr.w);
  if (xmlTextWriterEndDocument (wr.w) < 0 && wr.error == NULL)
    g_set_error (&wr.error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_FAILED,
                 _("The ward file could not be written"));
  xmlFreeTextWriter (wr.w);
  g_hash_table_unref (wr.numbers);

  if (wr.error != NULL)
    {
      g_propagate_error (error, wr.error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
