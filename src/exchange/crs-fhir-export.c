/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-fhir-export.c: the resources of the FHIR bundle (crs-fhir.h), and
 * the export to a file. */
#define G_LOG_DOMAIN "crs-fhir"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "core/crs-grade-word.h"
#include "core/crs-patient-status.h"
#include "crs-fhir-private.h"
#include "crs-ward-xml.h"

typedef struct
{
  CrsFhirWriter        fw;
  const CrsWardPolicy *policy;
  gint64               now;
  GHashTable          *practitioners;   /* author -> uuid */
  CrsFhirSummary       summary;
  const char          *patient_uuid;
  const char          *patient_name;
} Export;

/* What a set's grades rest on: the uuids of the Observations written for
 * it. */
typedef struct
{
  char *temperature;
  char *heart_rate;
  char *resp_rate;
  char *blood_pressure;
  char *oxygen;          /* SpO2 with oxygen components, or oxygen support alone */
  char *circulation;
  char *neuro;
} SetRefs;

static void
set_refs_clear (SetRefs *refs)
{
  g_free (refs->temperature);
  g_free (refs->heart_rate);
  g_free (refs->resp_rate);
  g_free (refs->blood_pressure);
  g_free (refs->oxygen);
  g_free (refs->circulation);
  g_free (refs->neuro);
}

static char *
uuid_for (Export     *ex,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static char *
uuid_for (Export     *ex,
          const char *format,
          ...)
{
  g_autofree char *key = NULL;
  va_list args;

  va_start (args, format);
  key = g_strdup_vprintf (format, args);
  va_end (args);
  return crs_fhir_uuid (ex->fw.ward_id, key);
}

/* ---------------------------------------------------------------------- */
/* Entries                                                                */

static void
begin_entry (Export     *ex,
             const char *uuid,
             const char *type)
{
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);

  crs_fhir_start (&ex->fw, "entry");
  crs_fhir_value (&ex->fw, "fullUrl", urn);
  crs_fhir_start (&ex->fw, "resource");
  crs_fhir_start (&ex->fw, type);
  crs_fhir_value (&ex->fw, "id", uuid);
}

static void
end_entry (Export *ex)
{
  crs_fhir_end (&ex->fw);
  crs_fhir_end (&ex->fw);
  crs_fhir_end (&ex->fw);
}

static void
write_note (Export     *ex,
            const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  crs_fhir_start (&ex->fw, "note");
  crs_fhir_value (&ex->fw, "text", text);
  crs_fhir_end (&ex->fw);
}

static void
write_performer (Export     *ex,
                 const char *name,
                 const char *author)
{
  const char *uuid = author != NULL ? g_hash_table_lookup (ex->practitioners, author) : NULL;

  if (uuid != NULL)
    crs_fhir_reference (&ex->fw, name, uuid, author);
}

/* ---------------------------------------------------------------------- */
/* Practitioners and patients                                             */

static void
add_author (GHashTable *authors,
            const char *author)
{
  if (author != NULL && *author != '\0')
    g_hash_table_add (authors, (gpointer) author);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_practitioners (Export      *ex,
                     CrsWardFile *file)
{
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **names = NULL;
  guint n_names = 0;

  for (guint i = 0; i < file->patients->len; i++)
    {
      CrsWardFilePatient *entry = g_ptr_array_index (file->patients, i);

      for (guint j = 0; j < entry->observations->len; j++)
        add_author (authors, ((CrsObservation *) g_ptr_array_index (entry->observations, j))->author);
      for (guint j = 0; j < entry->infusions->len; j++)
        add_author (authors, ((CrsInfusion *) g_ptr_array_index (entry->infusions, j))->author);
      for (guint j = 0; j < entry->interventions->len; j++)
        add_author (authors, ((CrsIntervention *) g_ptr_array_index (entry->interventions, j))->author);
      for (guint j = 0; j < entry->lab_results->len; j++)
        add_author (authors, ((CrsLabResult *) g_ptr_array_index (entry->lab_results, j))->author);
    }

  /* In name order, so the same ward gives the same text. */
  names = (const char **) g_hash_table_get_keys_as_array (authors, &n_names);
  qsort (names, n_names, sizeof (char *), (GCompareFunc) compare_strings);
  for (guint i = 0; i < n_names; i++)
    {
      char *uuid = uuid_for (ex, "Practitioner/%s", names[i]);

      g_hash_table_insert (ex->practitioners, g_strdup (names[i]), uuid);
      begin_entry (ex, uuid, "Practitioner");
      crs_fhir_start (&ex->fw, "name");
      crs_fhir_value (&ex->fw, "text", names[i]);
      crs_fhir_end (&ex->fw);
      end_entry (ex);
      ex->summary.practitioners++;
    }
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDate) date = NULL;
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  return y >= 1000 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
write_patient (Export     *ex,
               CrsPatient *patient)
{
  g_autofree char *system = g_strconcat ("urn:uuid:", ex->fw.ward_id, NULL);
  /* FHIR R4 administrative-gender: male | female | other | unknown. */
  static const char *genders[] = {
    [CRS_SEX_FEMALE] = "female", [CRS_SEX_MALE] = "male", [CRS_SEX_OTHER] = "other",
  };

  begin_entry (ex, ex->patient_uuid, "Patient");
  /* The MRN, in the namespace of this ward database. */
  crs_fhir_start (&ex->fw, "identifier");
  crs_fhir_value (&ex->fw, "use", "usual");
  crs_fhir_concept (&ex->fw, "type", NULL, 0, "Medical record number");
  crs_fhir_value (&ex->fw, "system", system);
  crs_fhir_value (&ex->fw, "value", patient->mrn);
  crs_fhir_end (&ex->fw);
  crs_fhir_value_bool (&ex->fw, "active", !patient->archived);
  if (patient->name != NULL && *patient->name != '\0')
    {
      crs_fhir_start (&ex->fw, "name");
      crs_fhir_value (&ex->fw, "text", patient->name);
      crs_fhir_end (&ex->fw);
    }
  if (patient->sex > CRS_SEX_UNSET && patient->sex < CRS_SEX_N_VALUES)
    crs_fhir_value (&ex->fw, "gender", genders[patient->sex]);
  if (is_date (patient->birth_date))
    crs_fhir_value (&ex->fw, "birthDate", patient->birth_date);
  end_entry (ex);
}

/* ---------------------------------------------------------------------- */
/* Observations                                                           */

static const CrsFhirCode category_vital_signs = { CRS_FHIR_OBS_CATEGORY, "vital-signs", "Vital Signs" };
static const CrsFhirCode category_exam = { CRS_FHIR_OBS_CATEGORY, "exam", "Exam" };
static const CrsFhirCode category_survey = { CRS_FHIR_OBS_CATEGORY, "survey", "Survey" };
static const CrsFhirCode category_laboratory = { CRS_FHIR_OBS_CATEGORY, "laboratory", "Laboratory" };

/* Writes an Observation up to its performer; the caller writes the value
 * and what follows, in the schema's order (value, dataAbsentReason,
 * interpretation, note, method, derivedFrom, component), then
 * end_entry(). */
static void
begin_observation (Export            *ex,
                   const char        *uuid,
                   const char        *status,
                   const CrsFhirCode *category,
                   const CrsFhirCode *codes,
                   guint              n_codes,
                   const char        *text,
                   gint64             effective,
                   gint64             issued,
                   const char        *author)
{
  begin_entry (ex, uuid, "Observation");
  crs_fhir_value (&ex->fw, "status", status);
  crs_fhir_concept (&ex->fw, "category", category, 1, NULL);
  crs_fhir_concept (&ex->fw, "code", codes, n_codes, text);
  crs_fhir_reference (&ex->fw, "subject", ex->patient_uuid, ex->patient_name);
  crs_fhir_value_time (&ex->fw, "effectiveDateTime", effective);
  crs_fhir_value_time (&ex->fw, "issued", issued);
  write_performer (ex, "performer", author);
  ex->summary.observations++;
}

static const char *
set_status (CrsObservation *set)
{
  return set->supersedes_id != 0 ? "amended" : "final";
}

static void
begin_set_observation (Export            *ex,
                       CrsObservation    *set,
                       const char        *uuid,
                       const CrsFhirCode *category,
                       const CrsFhirCode *codes,
                       guint              n_codes,
                       const char        *text)
{
  begin_observation (ex, uuid, set_status (set), category, codes, n_codes, text,
                     set->taken_at, set->recorded_at, set->author);
}

static void
write_amendment_note (Export         *ex,
                      CrsObservation *set)
{
  g_autofree char *text = NULL;

  if (set->supersedes_id == 0)
    return;
  text = set->amend_reason != NULL && *set->amend_reason != '\0'
         ? g_strdup_printf ("Amended: %s", set->amend_reason)
         : g_strdup ("Amended");
  write_note (ex, text);
}

/* A vital sign with one quantity. */
static char *
write_vital (Export            *ex,
             CrsObservation    *set,
             const char        *what,
             const CrsFhirCode *code,
             double             value,
             const CrsFhirUnit *unit)
{
  char *uuid = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/%s", set->id, what);

  begin_set_observation (ex, set, uuid, &category_vital_signs, code, 1, code->display);
  crs_fhir_quantity (&ex->fw, "valueQuantity", value, unit, NULL);
  write_amendment_note (ex, set);
  end_entry (ex);
  return uuid;
}

static void
component_quantity (Export            *ex,
                    const CrsFhirCode *code,
                    double             value,
                    const CrsFhirUnit *unit)
{
  crs_fhir_start (&ex->fw, "component");
  crs_fhir_concept (&ex->fw, "code", code, 1, code->display);
  crs_fhir_quantity (&ex->fw, "valueQuantity", value, unit, NULL);
  crs_fhir_end (&ex->fw);
}

static void
component_int (Export     *ex,
               const char *code,
               const char *display,
               int         value)
{
  CrsFhirCode c = { CRS_FHIR_CS_FINDING, code, display };

  crs_fhir_start (&ex->fw, "component");
  crs_fhir_concept (&ex->fw, "code", &c, 1, display);
  crs_fhir_value_int (&ex->fw, "valueInteger", value);
  crs_fhir_end (&ex->fw);
}

static void
component_bool (Export     *ex,
                const char *code,
                const char *display,
                gboolean    value)
{
  CrsFhirCode c = { CRS_FHIR_CS_FINDING, code, display };

  crs_fhir_start (&ex->fw, "component");
  crs_fhir_concept (&ex->fw, "code", &c, 1, display);
  crs_fhir_value_bool (&ex->fw, "valueBoolean", value);
  crs_fhir_end (&ex->fw);
}

/* A component whose value is a code: a finding's choice, NEWS2's band,
 * PEWS's level. */
static void
component_coded (Export            *ex,
                 const CrsFhirCode *code,
                 const CrsFhirCode *value)
{
  crs_fhir_start (&ex->fw, "component");
  crs_fhir_concept (&ex->fw, "code", code, 1, code->display);
  crs_fhir_concept (&ex->fw, "valueCodeableConcept", value, 1, value->display);
  crs_fhir_end (&ex->fw);
}

/* A finding with a choice of values: coded by the ward file's id in a
 * code system of its own (…/CodeSystem/<finding>). */
static void
component_choice (Export     *ex,
                  const char *code,
                  const char *display,
                  const char *value_id,
                  const char *value_label)
{
  CrsFhirCode c = { CRS_FHIR_CS_FINDING, code, display };
  g_autofree char *system = g_strconcat (CRS_FHIR_CS_BASE, code, NULL);
  CrsFhirCode v = { system, value_id, value_label };

  component_coded (ex, &c, &v);
}

static void
write_oxygen_components (Export         *ex,
                         CrsObservation *set)
{
  static const CrsFhirCode flow = CRS_FHIR_CODE_O2_FLOW;
  static const CrsFhirCode fio2 = CRS_FHIR_CODE_FIO2;
  static const CrsFhirUnit l_min = CRS_FHIR_UNIT_L_MIN;
  static const CrsFhirUnit percent = CRS_FHIR_UNIT_PERCENT;

  if (!isnan (set->o2_flow_l_min))
    component_quantity (ex, &flow, set->o2_flow_l_min, &l_min);
  if (!crs_is_missing_int (set->fio2_percent))
    component_quantity (ex, &fio2, set->fio2_percent, &percent);
  /* No LOINC code for the device in our sources (fhir_loinc.md §1). */
  if (set->o2_device != CRS_O2_UNSET)
    component_choice (ex, "o2-device", "Oxygen delivery", crs_o2_device_to_id (set->o2_device),
                      crs_o2_device_label (set->o2_device));
}

static void
write_vitals (Export         *ex,
              CrsObservation *set,
              SetRefs        *refs)
{
  static const CrsFhirCode temperature = CRS_FHIR_CODE_TEMPERATURE;
  static const CrsFhirCode heart_rate = CRS_FHIR_CODE_HEART_RATE;
  static const CrsFhirCode resp_rate = CRS_FHIR_CODE_RESP_RATE;
  static const CrsFhirCode bp_panel = CRS_FHIR_CODE_BP_PANEL;
  static const CrsFhirCode systolic = CRS_FHIR_CODE_SYSTOLIC;
  static const CrsFhirCode diastolic = CRS_FHIR_CODE_DIASTOLIC;
  static const CrsFhirCode spo2[] = { CRS_FHIR_CODE_SPO2, CRS_FHIR_CODE_SPO2_PULSE_OX };
  static const CrsFhirCode oxygen = { CRS_FHIR_CS_OBSERVATION, "oxygen-support", "Oxygen support" };
  static const CrsFhirUnit celsius = CRS_FHIR_UNIT_CELSIUS;
  static const CrsFhirUnit per_min = CRS_FHIR_UNIT_PER_MIN;
  static const CrsFhirUnit mmhg = CRS_FHIR_UNIT_MMHG;
  static const CrsFhirUnit percent = CRS_FHIR_UNIT_PERCENT;
  gboolean has_oxygen = !isnan (set->o2_flow_l_min) || !crs_is_missing_int (set->fio2_percent) ||
                        set->o2_device != CRS_O2_UNSET;

  if (!isnan (set->temperature_c))
    refs->temperature = write_vital (ex, set, "temperature", &temperature, set->temperature_c, &celsius);
  if (!crs_is_missing_int (set->heart_rate))
    refs->heart_rate = write_vital (ex, set, "heart-rate", &heart_rate, set->heart_rate, &per_min);
  if (!crs_is_missing_int (set->resp_rate))
    refs->resp_rate = write_vital (ex, set, "resp-rate", &resp_rate, set->resp_rate, &per_min);

  if (!crs_is_missing_int (set->systolic) || !crs_is_missing_int (set->diastolic))
    {
      refs->blood_pressure = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/blood-pressure", set->id);
      begin_set_observation (ex, set, refs->blood_pressure, &category_vital_signs, &bp_panel, 1,
                             bp_panel.display);
      write_amendment_note (ex, set);
      if (!crs_is_missing_int (set->systolic))
        component_quantity (ex, &systolic, set->systolic, &mmhg);
      if (!crs_is_missing_int (set->diastolic))
        component_quantity (ex, &diastolic, set->diastolic, &mmhg);
      end_entry (ex);
    }

  /* SpO2 by pulse oximetry, with the oxygen given as components (the
   * pulse-oximetry profile's pattern); the oxygen alone when SpO2 was
   * not recorded. */
  if (!crs_is_missing_int (set->spo2))
    {
      refs->oxygen = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/spo2", set->id);
      begin_set_observation (ex, set, refs->oxygen, &category_vital_signs, spo2, G_N_ELEMENTS (spo2),
                             "SpO2");
      crs_fhir_quantity (&ex->fw, "valueQuantity", set->spo2, &percent, NULL);
      write_amendment_note (ex, set);
      write_oxygen_components (ex, set);
      end_entry (ex);
    }
  else if (has_oxygen)
    {
      refs->oxygen = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/oxygen", set->id);
      begin_set_observation (ex, set, refs->oxygen, &category_vital_signs, &oxygen, 1, oxygen.display);
      write_amendment_note (ex, set);
      write_oxygen_components (ex, set);
      end_entry (ex);
    }
}

static void
write_findings (Export         *ex,
                CrsObservation *set,
                SetRefs        *refs)
{
  static const CrsFhirCode circulation = { CRS_FHIR_CS_OBSERVATION, "circulation-support",
                                           "Circulation support" };
  static const CrsFhirCode neuro = { CRS_FHIR_CS_OBSERVATION, "neurological-assessment",
                                     "Neurological assessment (ICE or CAPD, consciousness, events)" };
  int ice = crs_observation_get_ice_score (set);

  if (set->vasopressors >= 0 || set->vasopressin != CRS_TRI_UNSET || set->hypotension != CRS_TRI_UNSET)
    {
      refs->circulation = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/circulation", set->id);
      begin_set_observation (ex, set, refs->circulation, &category_exam, &circulation, 1,
                             circulation.display);
      write_amendment_note (ex, set);
      if (set->vasopressors >= 0)
        component_int (ex, "vasopressors", "Vasopressors running (excluding vasopressin)", set->vasopressors);
      if (set->vasopressin != CRS_TRI_UNSET)
        component_bool (ex, "vasopressin", "Vasopressin", set->vasopressin == CRS_TRI_YES);
      if (set->hypotension != CRS_TRI_UNSET)
        component_bool (ex, "hypotension", "Hypotension noted by the nurse", set->hypotension == CRS_TRI_YES);
      end_entry (ex);
    }

  if (ice >= 0 || set->capd >= 0 || set->acvpu != CRS_ACVPU_UNSET || set->arousal != CRS_AROUSAL_UNSET ||
      set->seizure != CRS_SEIZURE_UNSET || set->motor_weakness != CRS_TRI_UNSET ||
      set->cerebral_edema != CRS_EDEMA_UNSET)
    {
      refs->neuro = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/neuro", set->id);
      begin_set_observation (ex, set, refs->neuro, &category_exam, &neuro, 1, neuro.display);
      write_amendment_note (ex, set);
      if (ice >= 0)
        component_int (ex, "ice-score", "ICE score (0-10)", ice);
      if (set->capd >= 0)
        component_int (ex, "capd-score", "CAPD score (0-32)", set->capd);
      if (set->acvpu != CRS_ACVPU_UNSET)
        component_choice (ex, "acvpu", "Consciousness (ACVPU)", crs_acvpu_to_id (set->acvpu),
                          crs_acvpu_label (set->acvpu));
      if (set->arousal != CRS_AROUSAL_UNSET)
        component_choice (ex, "arousal", "Level of consciousness (ICANS)", crs_arousal_to_id (set->arousal),
                          crs_arousal_label (set->arousal));
      if (set->seizure != CRS_SEIZURE_UNSET)
        component_choice (ex, "seizure", "Seizure", crs_seizure_to_id (set->seizure),
                          crs_seizure_label (set->seizure));
      if (set->motor_weakness != CRS_TRI_UNSET)
        component_bool (ex, "motor-weakness", "Motor weakness", set->motor_weakness == CRS_TRI_YES);
      if (set->cerebral_edema != CRS_EDEMA_UNSET)
        component_choice (ex, "cerebral-edema", "Raised intracranial pressure or cerebral oedema",
                          crs_edema_to_id (set->cerebral_edema), crs_edema_label (set->cerebral_edema));
      end_entry (ex);
    }
}

static void
write_derived_from (Export     *ex,
                    const char *const *uuids,
                    guint       n_uuids)
{
  for (guint i = 0; i < n_uuids; i++)
    if (uuids[i] != NULL)
      crs_fhir_reference (&ex->fw, "derivedFrom", uuids[i], NULL);
}

static void
write_method (Export     *ex,
              const char *rules)
{
  CrsFhirCode code = { CRS_FHIR_CS_RULES, rules, rules };

  crs_fhir_concept (&ex->fw, "method", &code, 1, rules);
}

static void
write_absent (Export     *ex,
              const char *name,
              const char *code,
              const char *display)
{
  CrsFhirCode c = { CRS_FHIR_ABSENT_REASON, code, display };

  crs_fhir_concept (&ex->fw, name, &c, 1, NULL);
}

/* An ASTCT grade as a coded value: "2", or "at-least-2" when the
 * recorded findings prove only a lower bound. */
static void
write_grade_value (Export       *ex,
                   const char   *name,
                   int           grade,
                   CrsCertainty  certainty)
{
  g_autofree char *code = NULL;
  g_autofree char *display = NULL;
  CrsFhirCode c = { CRS_FHIR_CS_GRADE, NULL, NULL };

  if (certainty == CRS_CERTAINTY_AT_LEAST)
    {
      code = g_strdup_printf ("at-least-%d", grade);
      display = g_strdup_printf ("At least grade %d (%s)", grade, crs_grade_word (grade));
    }
  else
    {
      code = g_strdup_printf ("%d", grade);
      display = g_strdup_printf ("Grade %d (%s)", grade, crs_grade_word (grade));
    }
  c.code = code;
  c.display = display;
  crs_fhir_concept (&ex->fw, name, &c, 1, display);
}

static void
write_stored_component (Export     *ex,
                        int         stored,
                        gboolean    as_grade)
{
  CrsFhirCode c = { CRS_FHIR_CS_OBSERVATION, "grade-at-entry", "Grade stored when the set was saved" };

  crs_fhir_start (&ex->fw, "component");
  crs_fhir_concept (&ex->fw, "code", &c, 1, c.display);
  if (crs_is_missing_int (stored))
    write_absent (ex, "dataAbsentReason", "unknown", "Unknown");
  else if (as_grade)
    write_grade_value (ex, "valueCodeableConcept", stored, CRS_CERTAINTY_DETERMINED);
  else
    crs_fhir_value_int (&ex->fw, "valueInteger", stored);
  crs_fhir_end (&ex->fw);
}

static void
write_astct_grade (Export           *ex,
                   CrsObservation   *set,
                   const char       *what,
                   const CrsFhirCode *code,
                   int               value,
                   CrsCertainty      certainty,
                   int               stored,
                   const char       *summary,
                   const char *const *derived,
                   guint             n_derived)
{
  g_autofree char *uuid = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/%s", set->id, what);
  gboolean has_stored = set->stored_rules != NULL;

  begin_set_observation (ex, set, uuid, &category_survey, code, 1, code->display);
  if (!crs_is_missing_int (value) && certainty != CRS_CERTAINTY_NOT_DETERMINED)
    write_grade_value (ex, "valueCodeableConcept", value, certainty);
  else
    write_absent (ex, "dataAbsentReason", "unknown", "Unknown");
  /* The reasons and what is missing, as the app says them. */
  write_note (ex, summary);
  write_amendment_note (ex, set);
  write_method (ex, CRS_RULES_ASTCT);
  write_derived_from (ex, derived, n_derived);
  if (has_stored && stored != value)
    write_stored_component (ex, stored, TRUE);
  end_entry (ex);
}

static void
write_news2 (Export           *ex,
             CrsObservation   *set,
             const CrsGrading *numbers,
             const char       *summary,
             const char *const *derived,
             guint             n_derived)
{
  static const CrsFhirCode code[] = {
    CRS_FHIR_CODE_NEWS2_TOTAL,
    { CRS_FHIR_CS_OBSERVATION, "news2-total", "NEWS2 total score" },
  };
  CrsFhirCode band_code = { CRS_FHIR_CS_OBSERVATION, "news2-risk", "NEWS2 clinical risk" };
  g_autofree char *uuid = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/news2", set->id);
  gboolean has_stored = set->stored_rules != NULL;
  CrsNews2Risk band = CRS_NEWS2_RISK_UNKNOWN;

  begin_set_observation (ex, set, uuid, &category_survey, code, G_N_ELEMENTS (code), "NEWS2");
  if (numbers->news2_not_applicable)
    write_absent (ex, "dataAbsentReason", "not-applicable", "Not Applicable");
  else if (!crs_is_missing_int (numbers->news2_total))
    {
      crs_fhir_value_int (&ex->fw, "valueInteger", numbers->news2_total);
      band = numbers->news2_risk;
    }
  else
    {
      write_absent (ex, "dataAbsentReason", "unknown", "Unknown");
      /* A partial set: the band its recorded parameters already reach. */
      band = numbers->news2_risk_at_least;
      band_code.code = "news2-risk-at-least";
      band_code.display = "NEWS2 clinical risk at least (some parameters not recorded)";
    }
  write_note (ex, summary);
  write_amendment_note (ex, set);
  write_method (ex, CRS_RULES_NEWS2);
  write_derived_from (ex, derived, n_derived);
  if (band != CRS_NEWS2_RISK_UNKNOWN)
    {
      CrsFhirCode value = { CRS_FHIR_CS_NEWS2_RISK, crs_news2_risk_to_id (band), crs_news2_risk_label (band) };

      component_coded (ex, &band_code, &value);
    }
  if (has_stored && !numbers->news2_not_applicable && set->stored_news2 != numbers->news2_total)
    write_stored_component (ex, set->stored_news2, FALSE);
  end_entry (ex);
}

/* A child's PEWS (NHS England national charts, 2023), where NEWS2 is not
 * used: the total, or unknown when a parameter is missing, and the level
 * with the triggers as a component (the level its recorded parameters
 * already reach when the set is not complete). No standard code names
 * this chart's score, so it carries CRS Watch's own. */
static void
write_pews (Export           *ex,
            CrsObservation   *set,
            const CrsGrading *numbers,
            const char       *summary,
            const char *const *derived,
            guint             n_derived)
{
  static const CrsFhirCode code = { CRS_FHIR_CS_OBSERVATION, "pews-total",
                                    "Paediatric early warning score (NHS England 2023) total" };
  CrsFhirCode level_code = { CRS_FHIR_CS_OBSERVATION, "pews-level", "PEWS escalation level" };
  CrsFhirCode level = { CRS_FHIR_CS_PEWS_LEVEL, crs_pews_level_to_id (numbers->pews.level),
                        crs_pews_level_label (numbers->pews.level) };
  g_autofree char *uuid = uuid_for (ex, "Observation/%" G_GINT64_FORMAT "/pews", set->id);

  begin_set_observation (ex, set, uuid, &category_survey, &code, 1, "PEWS");
  if (numbers->pews.complete)
    crs_fhir_value_int (&ex->fw, "valueInteger", numbers->pews.total);
  else
    write_absent (ex, "dataAbsentReason", "unknown", "Unknown");
  write_note (ex, summary);
  write_amendment_note (ex, set);
  write_method (ex, CRS_RULES_PEWS);
  write_derived_from (ex, derived, n_derived);
  if (numbers->pews.level_at_least)
    {
      level_code.code = "pews-level-at-least";
      level_code.display = "PEWS escalation level at least (some parameters not recorded)";
    }
  component_coded (ex, &level_code, &level);
  end_entry (ex);
}

static void
write_set (Export           *ex,
           CrsPatientStatus *status,
           CrsObservation   *set,
           const CrsGrading *numbers)
{
  static const CrsFhirCode crs_code = { CRS_FHIR_CS_OBSERVATION, "astct-crs-grade",
                                        "Cytokine release syndrome grade (ASTCT 2019)" };
  static const CrsFhirCode icans_code = { CRS_FHIR_CS_OBSERVATION, "astct-icans-grade",
                                          "ICANS grade (ASTCT 2019)" };
  g_autoptr(CrsGrading) words = crs_patient_status_grade_set (status, set);
  g_autofree char *crs_summary = crs_grading_crs_summary (words);
  g_autofree char *icans_summary = crs_grading_icans_summary (words);
  g_autofree char *news2_summary = crs_grading_news2_summary (words);
  SetRefs refs = { 0 };

  write_vitals (ex, set, &refs);
  write_findings (ex, set, &refs);

  {
    /* What each grade is computed from (crs-grading.h). */
    const char *crs_from[] = { refs.temperature, refs.blood_pressure, refs.circulation, refs.oxygen };
    const char *icans_from[] = { refs.neuro };
    const char *news2_from[] = { refs.resp_rate, refs.oxygen, refs.blood_pressure, refs.heart_rate,
                                 refs.neuro, refs.temperature };

    write_astct_grade (ex, set, "crs-grade", &crs_code, crs_grading_crs_value (numbers),
                       crs_grading_crs_certainty (numbers), set->stored_crs_grade, crs_summary,
                       crs_from, G_N_ELEMENTS (crs_from));
    write_astct_grade (ex, set, "icans-grade", &icans_code, crs_grading_icans_value (numbers),
                       crs_grading_icans_certainty (numbers), set->stored_icans_grade, icans_summary,
                       icans_from, G_N_ELEMENTS (icans_from));
    write_news2 (ex, set, numbers, news2_summary, news2_from, G_N_ELEMENTS (news2_from));
    if (numbers->pews_applies)
      {
        g_autofree char *pews_summary = crs_grading_pews_summary (words);

        write_pews (ex, set, numbers, pews_summary, news2_from, G_N_ELEMENTS (news2_from));
      }
  }
  set_refs_clear (&refs);
}

static void
write_lab_result (Export       *ex,
                  CrsLabResult *lab)
{
  g_autofree char *uuid = uuid_for (ex, "Observation/lab/%" G_GINT64_FORMAT, lab->id);
  CrsFhirCode loinc = { CRS_FHIR_LOINC, lab->loinc, lab->name };
  gboolean coded = crs_fhir_is_code (lab->loinc);

  begin_observation (ex, uuid, "final", &category_laboratory, &loinc, coded ? 1 : 0,
                     lab->name != NULL ? lab->name : lab->loinc, lab->at, 0, lab->author);
  if (isfinite (lab->value))
    {
      crs_fhir_start (&ex->fw, "valueQuantity");
      crs_fhir_value_decimal (&ex->fw, "value", lab->value);
      crs_fhir_value (&ex->fw, "unit", lab->unit);
      /* Units are entered as UCUM (crs-model.h); one that cannot be a
       * code is kept as text only. */
      if (crs_fhir_is_code (lab->unit) && strchr (lab->unit, ' ') == NULL)
        {
          crs_fhir_value (&ex->fw, "system", CRS_FHIR_UCUM);
          crs_fhir_value (&ex->fw, "code", lab->unit);
        }
      crs_fhir_end (&ex->fw);
    }
  else
    write_absent (ex, "dataAbsentReason", "unknown", "Unknown");
  write_note (ex, lab->note);
  end_entry (ex);
}

/* ---------------------------------------------------------------------- */
/* Medication administrations                                             */

static gboolean
is_drug (CrsIntervention *intervention)
{
  switch (intervention->kind)
    {
    case CRS_INTERVENTION_ANTIPYRETIC:
    case CRS_INTERVENTION_ANTI_CYTOKINE:
    case CRS_INTERVENTION_CORTICOSTEROID:
    case CRS_INTERVENTION_FLUID_BOLUS:
    case CRS_INTERVENTION_VASOPRESSOR_START:
      return TRUE;
    case CRS_INTERVENTION_OTHER:
      return intervention->drug != NULL && *intervention->drug != '\0';
    default:
      return FALSE;
    }
}

static void
write_infusion (Export      *ex,
                CrsInfusion *infusion)
{
  g_autofree char *uuid = uuid_for (ex, "MedicationAdministration/infusion/%" G_GINT64_FORMAT, infusion->id);
  const char *name = infusion->therapy_name != NULL && *infusion->therapy_name != '\0'
                     ? infusion->therapy_name : infusion->therapy_code;
  CrsFhirCode therapy = { CRS_FHIR_CS_THERAPY, infusion->therapy_code, name };

  begin_entry (ex, uuid, "MedicationAdministration");
  /* Without an end recorded, whether it ran to completion is not known. */
  crs_fhir_value (&ex->fw, "status", infusion->end_at != 0 ? "completed" : "unknown");
  crs_fhir_concept (&ex->fw, "medicationCodeableConcept", &therapy,
                    crs_fhir_is_code (infusion->therapy_code) ? 1 : 0, name != NULL ? name : "Infusion");
  crs_fhir_reference (&ex->fw, "subject", ex->patient_uuid, ex->patient_name);
  if (infusion->end_at != 0)
    {
      crs_fhir_start (&ex->fw, "effectivePeriod");
      crs_fhir_value_time (&ex->fw, "start", infusion->start_at);
      crs_fhir_value_time (&ex->fw, "end", infusion->end_at);
      crs_fhir_end (&ex->fw);
    }
  else
    crs_fhir_value_time (&ex->fw, "effectiveDateTime", infusion->start_at);
  if (infusion->author != NULL && g_hash_table_contains (ex->practitioners, infusion->author))
    {
      crs_fhir_start (&ex->fw, "performer");
      write_performer (ex, "actor", infusion->author);
      crs_fhir_end (&ex->fw);
    }
  write_note (ex, infusion->step_label);
  write_note (ex, infusion->note);
  if (!isnan (infusion->dose))
    {
      crs_fhir_start (&ex->fw, "dosage");
      crs_fhir_start (&ex->fw, "dose");
      crs_fhir_value_decimal (&ex->fw, "value", infusion->dose);
      crs_fhir_value (&ex->fw, "unit", infusion->dose_unit);
      crs_fhir_end (&ex->fw);
      crs_fhir_end (&ex->fw);
    }
  end_entry (ex);
  ex->summary.medication_administrations++;
}

static void
write_intervention (Export          *ex,
                    CrsIntervention *intervention)
{
  g_autofree char *uuid = uuid_for (ex, "MedicationAdministration/intervention/%" G_GINT64_FORMAT,
                                    intervention->id);
  g_autofree char *name = crs_intervention_dup_name (intervention);
  CrsFhirCode kind = { CRS_FHIR_CS_INTERVENTION, crs_intervention_kind_to_id (intervention->kind),
                       crs_intervention_kind_label (intervention->kind) };

  begin_entry (ex, uuid, "MedicationAdministration");
  crs_fhir_value (&ex->fw, "status", "completed");
  crs_fhir_concept (&ex->fw, "category", &kind, 1, kind.display);
  /* No drug code in our sources: the drug as written. */
  crs_fhir_concept (&ex->fw, "medicationCodeableConcept", NULL, 0, name);
  crs_fhir_reference (&ex->fw, "subject", ex->patient_uuid, ex->patient_name);
  crs_fhir_value_time (&ex->fw, "effectiveDateTime", intervention->at);
  if (intervention->author != NULL && g_hash_table_contains (ex->practitioners, intervention->author))
    {
      crs_fhir_start (&ex->fw, "performer");
      write_performer (ex, "actor", intervention->author);
      crs_fhir_end (&ex->fw);
    }
  write_note (ex, intervention->note);
  if (intervention->dose != NULL && *intervention->dose != '\0')
    {
      crs_fhir_start (&ex->fw, "dosage");
      crs_fhir_value (&ex->fw, "text", intervention->dose);
      crs_fhir_end (&ex->fw);
    }
  end_entry (ex);
  ex->summary.medication_administrations++;
}

/* ---------------------------------------------------------------------- */

static void
write_patient_records (Export             *ex,
                       CrsWardFilePatient *entry)
{
  CrsPatientRecord record = { 0 };
  g_autoptr(CrsPatientStatus) status = NULL;
  g_autofree char *patient_uuid = uuid_for (ex, "Patient/%s", entry->patient->mrn);

  ex->fw.mrn = entry->patient->mrn;
  ex->patient_uuid = patient_uuid;
  ex->patient_name = entry->patient->name;
  write_patient (ex, entry->patient);
  ex->summary.patients++;

  for (guint i = 0; i < entry->infusions->len; i++)
    write_infusion (ex, g_ptr_array_index (entry->infusions, i));
  for (guint i = 0; i < entry->interventions->len; i++)
    if (is_drug (g_ptr_array_index (entry->interventions, i)))
      write_intervention (ex, g_ptr_array_index (entry->interventions, i));

  /* The grades as the app shows them now: every current set graded with
   * the whole history (CrsPatientStatus). */
  record.patient = entry->patient;
  record.observations = entry->observations;
  record.infusions = entry->infusions;
  record.interventions = entry->interventions;
  record.acknowledgements = entry->acknowledgements;
  status = crs_patient_status_new (&record, ex->policy, ex->now);
  for (guint i = 0; i < status->sets->len && ex->fw.error == NULL; i++)
    write_set (ex, status, g_ptr_array_index (status->sets, i),
               &g_array_index (status->gradings, CrsGrading, i));

  for (guint i = 0; i < entry->lab_results->len; i++)
    write_lab_result (ex, g_ptr_array_index (entry->lab_results, i));

  ex->fw.mrn = NULL;
  ex->patient_uuid = NULL;
  ex->patient_name = NULL;
}

GBytes *
crs_fhir_write_bundle (CrsWardFile          *file,
                       const char           *ward_id,
                       const CrsWardPolicy  *policy,
                       gint64                now,
                       CrsFhirSummary       *summary,
                       GError              **error)
{
  Export ex = { 0 };
  CrsWardPolicy default_policy;
  g_autofree char *bundle_uuid = NULL;
  g_autofree char *timestamp_key = NULL;
  GBytes *bytes;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (ward_id != NULL, NULL);

  if (policy == NULL)
    {
      crs_ward_policy_init (&default_policy);
      policy = &default_policy;
    }
  if (!crs_fhir_writer_init (&ex.fw, ward_id, error))
    return NULL;
  ex.policy = policy;
  ex.now = now;
  ex.practitioners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  timestamp_key = g_strdup_printf ("Bundle/%" G_GINT64_FORMAT, now);
  bundle_uuid = crs_fhir_uuid (ward_id, timestamp_key);
  xmlTextWriterStartElementNS (ex.fw.w, NULL, (const xmlChar *) "Bundle",
                               (const xmlChar *) CRS_FHIR_NAMESPACE);
  crs_fhir_value (&ex.fw, "id", bundle_uuid);
  crs_fhir_value (&ex.fw, "type", "collection");
  crs_fhir_value_time (&ex.fw, "timestamp", now);

  write_practitioners (&ex, file);
  for (guint i = 0; i < file->patients->len && ex.fw.error == NULL; i++)
    write_patient_records (&ex, g_ptr_array_index (file->patients, i));
  crs_fhir_end (&ex.fw);

  bytes = crs_fhir_writer_finish (&ex.fw, error);
  crs_fhir_writer_clear (&ex.fw);
  g_hash_table_unref (ex.practitioners);
  if (bytes != NULL && summary != NULL)
    *summary = ex.summary;
  return bytes;
}

gboolean
crs_fhir_export_file (CrsStore       *store,
                      const gint64   *patient_ids,
                      guint           n_patient_ids,
                      const char     *path,
                      CrsFhirSummary *summary,
                      GError        **error)
{
  g_autoptr(CrsWardFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autofree char *display_name = NULL;
  CrsWardPolicy policy;
  const char *ward_id;
  gboolean well_formed;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (CRS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gfile = g_file_new_for_path (path);
  display_name = g_file_get_parse_name (gfile);

  file = crs_ward_file_load (store, patient_ids, n_patient_ids, error);
  if (file == NULL)
    return FALSE;
  crs_store_load_policy (store, &policy);
  /* A database older than version 4 has no ward id: its path stands in. */
  ward_id = crs_store_get_ward_id (store);
  bytes = crs_fhir_write_bundle (file, ward_id != NULL ? ward_id : crs_store_get_path (store), &policy,
                                 g_get_real_time () / G_USEC_PER_SEC, summary, error);
  if (bytes == NULL)
    return FALSE;

  /* Read back before writing: never a file that is not well-formed.
   * Streamed, so a large ward is checked in constant memory. */
  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    {
      /* About 70 000 observation sets: libxml2 2.9 reads no more in one go. */
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_TOO_LARGE,
                   _("Nothing was written to %s: the bundle would be larger than 2 GB. "
                     "Export fewer patients at a time."), display_name);
      return FALSE;
    }
  else
    {
      xmlTextReaderPtr check = xmlReaderForMemory (data, (int) size, NULL, "UTF-8",
                                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      int ret = 0;

      while (check != NULL && (ret = xmlTextReaderRead (check)) == 1)
        ;
      well_formed = check != NULL && ret == 0;
      xmlFreeTextReader (check);
    }
  if (!well_formed)
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_INVALID,
                   _("Nothing was written to %s: the FHIR bundle would not be well-formed XML. "
                     "Please report this."), display_name);
      return FALSE;
    }

  /* Patient data: only the owner may read it; a temporary file beside
   * @path, synced and renamed over it. */
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, CRS_EXCHANGE_ERROR, CRS_EXCHANGE_ERROR_IO,
                   _("Cannot write %s: %s"), display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
