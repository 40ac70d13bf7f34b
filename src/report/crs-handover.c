/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-handover.c: the handover report's data (crs-handover.h). */
#define G_LOG_DOMAIN "crs-handover"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/crs-shift.h"
#include "crs-handover.h"
#include "crs-report-error.h"
#include "store/crs-patient-record.h"

void
crs_handover_options_init (CrsHandoverOptions *options)
{
  g_return_if_fail (options != NULL);
  *options = (CrsHandoverOptions) { 0 };
}

const char *
crs_handover_period_label (CrsHandoverPeriod period)
{
  switch (period)
    {
    case CRS_HANDOVER_PERIOD_SHIFT:
      return _("This shift");
    case CRS_HANDOVER_PERIOD_12_HOURS:
      return _("Last 12 hours");
    case CRS_HANDOVER_PERIOD_24_HOURS:
      return _("Last 24 hours");
    case CRS_HANDOVER_PERIOD_CUSTOM:
    default:
      return _("Period");
    }
}

void
crs_handover_period_bounds (CrsHandoverPeriod  period,
                            const char        *shift_starts,
                            gint64             now,
                            gint64            *from,
                            gint64            *to)
{
  g_return_if_fail (from != NULL && to != NULL);

  switch (period)
    {
    case CRS_HANDOVER_PERIOD_SHIFT:
      {
        g_autoptr(GArray) starts = crs_shift_parse (shift_starts, NULL);

        if (starts == NULL)
          starts = crs_shift_parse (CRS_SHIFT_STARTS_DEFAULT, NULL);
        crs_shift_current (starts, now, from, to);
      }
      break;
    case CRS_HANDOVER_PERIOD_12_HOURS:
      *from = now - 12 * 3600;
      *to = now;
      break;
    case CRS_HANDOVER_PERIOD_24_HOURS:
      *from = now - 24 * 3600;
      *to = now;
      break;
    case CRS_HANDOVER_PERIOD_CUSTOM:
    default:
      break;
    }
}

static void
handover_patient_free (CrsHandoverPatient *patient)
{
  g_clear_pointer (&patient->status, crs_patient_status_unref);
  g_clear_pointer (&patient->infusions, g_ptr_array_unref);
  g_clear_pointer (&patient->interventions, g_ptr_array_unref);
  g_clear_pointer (&patient->acknowledgements, g_ptr_array_unref);
  g_free (patient);
}

void
crs_handover_free (CrsHandover *handover)
{
  if (handover == NULL)
    return;
  g_free (handover->ward_name);
  g_free (handover->printed_by);
  g_clear_pointer (&handover->patients, g_ptr_array_unref);
  g_free (handover);
}

/* Reads one patient's record and works out their status as of @now. */
static CrsHandoverPatient *
load_patient (CrsStore     *store,
              CrsReference *reference,
              CrsPatient   *patient,
              GPtrArray    *open_all,
              const CrsWardPolicy *policy,
              gint64        now,
              GError      **error)
{
  g_autoptr(CrsStoredRecord) stored = NULL;
  CrsHandoverPatient *result;

  /* The whole history: every set graded as of now, as on the patient page. */
  stored = crs_stored_record_read (store, patient->id, CRS_READ_CURRENT_SETS, open_all, reference, now, error);
  if (stored == NULL)
    return NULL;

  result = g_new0 (CrsHandoverPatient, 1);
  result->status = crs_patient_status_new (&stored->record, policy, now);
  result->infusions = g_steal_pointer (&stored->infusions);
  result->interventions = g_steal_pointer (&stored->interventions);
  result->acknowledgements = g_steal_pointer (&stored->acknowledgements);
  return result;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  x = g_utf8_casefold (a, -1);
  y = g_utf8_casefold (b, -1);
  return g_str_equal (g_strstrip (x), g_strstrip (y));
}

/* The patients of @ward among @patients (in place); FALSE with @error when
 * the database knows no such ward. */
static gboolean
keep_ward (CrsStore    *store,
           GPtrArray   *patients,
           const char  *ward,
           const char  *ward_name,
           GError     **error)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new ();
  gboolean any_ward = FALSE;
  gboolean found = FALSE;

  /* The database's ward: every patient in it. */
  if (same_name (ward, ward_name))
    return TRUE;

  for (guint i = 0; i < patients->len; i++)
    {
      CrsPatient *patient = g_ptr_array_index (patients, i);

      if (patient->ward == NULL || *patient->ward == '\0')
        continue;
      any_ward = TRUE;
      if (same_name (ward, patient->ward))
        found = TRUE;
      else if (!g_ptr_array_find_with_equal_func (known, patient->ward, g_str_equal, NULL))
        g_ptr_array_add (known, patient->ward);
    }
  if (found)
    {
      for (guint i = patients->len; i > 0; i--)
        if (!same_name (ward, ((CrsPatient *) g_ptr_array_index (patients, i - 1))->ward))
          g_ptr_array_remove_index (patients, i - 1);
      return TRUE;
    }
  /* A database with no ward named anywhere holds one ward: the one asked for. */
  if ((ward_name == NULL || *ward_name == '\0') && !any_ward)
    return TRUE;

  {
    g_autoptr(GString) names = g_string_new (NULL);

    if (ward_name != NULL && *ward_name != '\0')
      g_ptr_array_insert (known, 0, (gpointer) ward_name);
    for (guint i = 0; i < known->len; i++)
      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", (char *) g_ptr_array_index (known, i));
    g_set_error (error, CRS_REPORT_ERROR, CRS_REPORT_ERROR_NOT_FOUND,
                 /* TRANSLATORS: the ward asked for, the database, the wards it knows */
                 _("There is no ward “%s” in %s. Wards there: %s."), ward, crs_store_get_path (store),
                 names->str);
  }
  return FALSE;
}

/* The patients named by @mrns, in the order of @patients; FALSE with
 * @error naming an unknown MRN. */
static gboolean
keep_mrns (CrsStore           *store,
           GPtrArray          *patients,
           const char * const *mrns,
           GError            **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; mrns != NULL && mrns[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < patients->len && !found; j++)
        found = g_str_equal (((CrsPatient *) g_ptr_array_index (patients, j))->mrn, mrns[i]);
      if (!found)
        {
          g_set_error (error, CRS_REPORT_ERROR, CRS_REPORT_ERROR_NOT_FOUND,
                       _("No patient on this ward has the MRN %s in %s."), mrns[i], crs_store_get_path (store));
          return FALSE;
        }
      g_hash_table_add (wanted, (gpointer) mrns[i]);
    }
  for (guint i = patients->len; i > 0; i--)
    if (!g_hash_table_contains (wanted, ((CrsPatient *) g_ptr_array_index (patients, i - 1))->mrn))
      g_ptr_array_remove_index (patients, i - 1);
  return TRUE;
}

static void
count (CrsHandoverSummary *summary,
       CrsHandoverPatient *patient)
{
  CrsPatientStatus *status = patient->status;
  int crs = status->crs.grade;
  int icans = status->icans.grade;

  summary->patients++;
  summary->crs[crs >= 0 && crs <= 4 ? crs : 5]++;
  summary->icans[icans >= 0 && icans <= 4 ? icans : 5]++;
  if (status->open->len > 0)
    summary->red_flags_open++;
  if (patient->period.escalated)
    summary->escalated++;
  if (status->due.status == CRS_DUE_OVERDUE)
    summary->overdue++;
  if (status->due.continuous)
    summary->continuous++;
  if (status->latest == NULL)
    summary->no_sets++;
}

static char *
default_printer (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

CrsHandover *
crs_handover_load (CrsStore                 *store,
                   const CrsHandoverOptions *options,
                   GError                  **error)
{
  g_autoptr(CrsHandover) handover = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) open_all = NULL;
  g_autofree char *ward_name = NULL;

  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  handover = g_new0 (CrsHandover, 1);
  handover->now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;
  handover->from = options->from;
  handover->to = options->to;
  handover->period = options->period;
  handover->printed_by = options->printed_by != NULL && *options->printed_by != '\0'
                         ? g_strdup (options->printed_by) : default_printer ();
  handover->patients = g_ptr_array_new_with_free_func ((GDestroyNotify) handover_patient_free);
  crs_store_load_policy (store, &handover->policy);
  handover->policy.temperature_unit = options->temperature_unit;

  ward_name = crs_store_get_ward_name (store);
  if ((patients = crs_store_list_patients (store, FALSE, error)) == NULL)
    return NULL;
  if (options->ward != NULL && !keep_ward (store, patients, options->ward, ward_name, error))
    return NULL;
  if (options->selection == CRS_HANDOVER_SELECTED && !keep_mrns (store, patients, options->mrns, error))
    return NULL;
  handover->ward_name = options->ward != NULL && !same_name (options->ward, ward_name) &&
                        ward_name != NULL && *ward_name != '\0'
                        /* TRANSLATORS: the database's ward and the ward the patients are on, e.g.
                         * "Haematology 4B, ward 4B" */
                        ? g_strdup_printf (_("%s, ward %s"), ward_name, options->ward)
                        : g_strdup (options->ward != NULL ? options->ward
                                    : ward_name != NULL && *ward_name != '\0' ? ward_name : _("Ward"));

  if ((open_all = crs_store_list_open_escalations (store, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < patients->len; i++)
    {
      CrsHandoverPatient *patient = load_patient (store, options->reference, g_ptr_array_index (patients, i),
                                                  open_all, &handover->policy, handover->now, error);

      if (patient == NULL)
        return NULL;
      crs_patient_status_period (patient->status, handover->from, handover->to, &patient->period);
      if (options->selection == CRS_HANDOVER_ESCALATED && !patient->period.escalated)
        {
          handover_patient_free (patient);
          continue;
        }
      g_ptr_array_add (handover->patients, patient);
      count (&handover->summary, patient);
    }
  return g_steal_pointer (&handover);
}
