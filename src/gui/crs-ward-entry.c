/* crs-ward-entry.c: one patient of the ward list, read from the store with
 * a handful of indexed queries, and the status core works out from it. */
#define G_LOG_DOMAIN "crs-ward-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crs-ward-entry.h"

/* How many of the newest sets the status looks at: enough to find the
 * grade before the latest even when a few sets in between could not be
 * graded (partial sets). Fever masking needs more than these: the first
 * set with fever of each episode comes from its own query. */
#define RECENT_SETS 8
/* And every set of the last 72 hours, for the row's sparkline (issue
 * 12), graded when the row draws it: the minute's due times are worked
 * out from the newest sets alone, as before. */
#define CHART_SECONDS (72 * 3600)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CrsWardEntry, crs_ward_entry, G_TYPE_OBJECT)

static void
crs_ward_entry_finalize (GObject *object)
{
  CrsWardEntry *self = CRS_WARD_ENTRY (object);

  g_clear_object (&self->patient);
  g_clear_pointer (&self->status, crs_patient_status_unref);
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  g_clear_pointer (&self->chart_sets, g_ptr_array_unref);
  g_clear_pointer (&self->chart_status, crs_patient_status_unref);
  g_clear_pointer (&self->infusions, g_ptr_array_unref);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_clear_pointer (&self->acknowledgements, g_ptr_array_unref);
  g_clear_pointer (&self->late_flags, g_ptr_array_unref);
  g_clear_pointer (&self->open_sets, g_ptr_array_unref);
  g_clear_pointer (&self->first_fevers, g_array_unref);
  g_clear_object (&self->therapy);
  g_free (self->therapy_error);

  G_OBJECT_CLASS (crs_ward_entry_parent_class)->finalize (object);
}

static void
crs_ward_entry_class_init (CrsWardEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_ward_entry_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crs_ward_entry_init (CrsWardEntry *self)
{
}

CrsWardEntry *
crs_ward_entry_new (CrsPatient *patient)
{
  CrsWardEntry *self = g_object_new (CRS_TYPE_WARD_ENTRY, NULL);

  self->patient = crs_patient_copy (patient);
  return self;
}

gint64
crs_ward_entry_get_id (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), 0);
  return self->patient->id;
}

/* The therapy of @infusion in the reference, or NULL, asked once per
 * code for the whole ward (@therapies). A read error is put in
 * *@problem (the window says it once: the ward's interval then applies,
 * as for any therapy whose onset is unknown). */
static CrsTherapy *
lookup_therapy (CrsReference  *reference,
                GHashTable    *therapies,
                CrsInfusion   *infusion,
                char         **problem)
{
  const char *key = infusion->therapy_code != NULL && *infusion->therapy_code != '\0'
                    ? infusion->therapy_code : infusion->therapy_name;
  g_autoptr(GError) error = NULL;
  CrsTherapy *therapy;

  if (reference == NULL || key == NULL || *key == '\0')
    return NULL;
  if (therapies != NULL && g_hash_table_lookup_extended (therapies, key, NULL, (gpointer *) &therapy))
    return therapy != NULL ? g_object_ref (therapy) : NULL;

  therapy = crs_reference_find_for_infusion (reference, infusion, &error);
  if (error != NULL)
    *problem = g_strdup (error->message);
  if (therapies != NULL)
    g_hash_table_insert (therapies, g_strdup (key), therapy != NULL ? g_object_ref (therapy) : NULL);
  return therapy;
}

static void
take_array (GPtrArray **field,
            GPtrArray  *value)
{
  g_clear_pointer (field, g_ptr_array_unref);
  *field = value;
}

gboolean
crs_ward_entry_load (CrsWardEntry        *self,
                     CrsStore            *store,
                     CrsReference        *reference,
                     GHashTable          *therapies,
                     GPtrArray           *open,
                     const CrsWardPolicy *policy,
                     gint64               now,
                     GError             **error)
{
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) chart_sets = NULL;
  g_autoptr(GPtrArray) infusions = NULL;
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GPtrArray) acknowledgements = NULL;
  g_autoptr(GPtrArray) late_flags = NULL;
  g_autoptr(GPtrArray) own_open = NULL;
  g_autoptr(GArray) first_fevers = NULL;
  GPtrArray *open_sets;
  CrsInfusion *infusion;
  gint64 id;

  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), FALSE);
  g_return_val_if_fail (CRS_IS_STORE (store), FALSE);

  /* Read everything first: a failed read leaves the entry as it was. */
  id = self->patient->id;
  if ((patient = crs_store_get_patient (store, id, error)) == NULL ||
      (chart_sets = crs_store_list_observations (store, id, now - CHART_SECONDS, 0, FALSE, error)) == NULL ||
      (infusions = crs_store_list_infusions (store, id, error)) == NULL ||
      (interventions = crs_store_list_interventions (store, id, error)) == NULL ||
      (acknowledgements = crs_store_list_acknowledgements (store, id, error)) == NULL ||
      (late_flags = crs_store_list_late_red_flags (store, id, error)) == NULL ||
      (first_fevers = crs_store_list_first_fevers (store, id, infusions, error)) == NULL)
    return FALSE;
  /* The newest sets: the last of those 72 hours, or, when they hold
   * fewer, their own query (which then holds every set of the 72 hours). */
  if (chart_sets->len >= RECENT_SETS)
    {
      recent = g_ptr_array_new_full (RECENT_SETS, g_object_unref);
      for (guint i = chart_sets->len - RECENT_SETS; i < chart_sets->len; i++)
        g_ptr_array_add (recent, g_object_ref (g_ptr_array_index (chart_sets, i)));
    }
  else
    {
      recent = crs_store_list_recent_observations (store, id, RECENT_SETS, error);
      if (recent == NULL)
        return FALSE;
      g_ptr_array_unref (chart_sets);
      chart_sets = g_ptr_array_ref (recent);
    }
  if (open == NULL)
    {
      own_open = crs_store_list_open_escalations (store, id, error);
      if (own_open == NULL)
        return FALSE;
      open = own_open;
    }

  g_set_object (&self->patient, patient);
  take_array (&self->recent, g_steal_pointer (&recent));
  take_array (&self->chart_sets, g_steal_pointer (&chart_sets));
  g_clear_pointer (&self->chart_status, crs_patient_status_unref);
  take_array (&self->infusions, g_steal_pointer (&infusions));
  take_array (&self->interventions, g_steal_pointer (&interventions));
  take_array (&self->acknowledgements, g_steal_pointer (&acknowledgements));
  take_array (&self->late_flags, g_steal_pointer (&late_flags));
  g_clear_pointer (&self->first_fevers, g_array_unref);
  self->first_fevers = g_steal_pointer (&first_fevers);
  open_sets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < open->len; i++)
    {
      CrsObservation *set = g_ptr_array_index (open, i);
      if (set->patient_id == id)
        g_ptr_array_add (open_sets, g_object_ref (set));
    }
  take_array (&self->open_sets, open_sets);

  g_clear_object (&self->therapy);
  g_clear_pointer (&self->therapy_error, g_free);
  infusion = crs_patient_current_infusion (self->infusions, now);
  if (infusion != NULL)
    self->therapy = lookup_therapy (reference, therapies, infusion, &self->therapy_error);

  /* Everything changed as far as anyone knows. */
  self->now = 0;
  crs_ward_entry_update_time (self, policy, now);
  return TRUE;
}

/* Whether @a and @b fall on different days (local time): the red flag's
 * time reads "14:05" on its day and "Yesterday 14:05" after midnight. */
static gboolean
other_day (gint64 a,
           gint64 b)
{
  g_autoptr(GDateTime) x = g_date_time_new_from_unix_local (a);
  g_autoptr(GDateTime) y = g_date_time_new_from_unix_local (b);

  if (x == NULL || y == NULL)
    return TRUE;
  return g_date_time_get_year (x) != g_date_time_get_year (y) ||
         g_date_time_get_day_of_year (x) != g_date_time_get_day_of_year (y);
}

/* A birthday can move a child to NEWS2 or to another PEWS chart. */
static gboolean
same_early_warning (const CrsGrading *a,
                    const CrsGrading *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->pews_applies == b->pews_applies && a->pews.band == b->pews.band &&
         a->pews.level == b->pews.level && a->pews.total_at_least == b->pews.total_at_least;
}

/* What the row shows that time can change. */
static gboolean
same_for_time (CrsPatientStatus *a,
               CrsPatientStatus *b)
{
  return same_early_warning (a->latest_grading, b->latest_grading) &&
         a->due.status == b->due.status && a->due.minutes == b->due.minutes &&
         a->due.due_at == b->due.due_at && a->due.rule == b->due.rule &&
         a->in_window == b->in_window && a->infusion_day == b->infusion_day &&
         a->infusion == b->infusion && a->open->len == b->open->len &&
         a->policy.news2_min_age == b->policy.news2_min_age &&
         a->crs.grade == b->crs.grade && a->crs.certainty == b->crs.certainty &&
         a->icans.grade == b->icans.grade && a->icans.certainty == b->icans.certainty;
}

static void
fill_record (CrsWardEntry     *self,
             CrsPatientRecord *record,
             GPtrArray        *sets)
{
  record->patient = self->patient;
  record->observations = sets;
  record->infusions = self->infusions;
  record->interventions = self->interventions;
  record->acknowledgements = self->acknowledgements;
  record->late_flags = self->late_flags;
  record->open_sets = self->open_sets;
  record->first_fevers = self->first_fevers;
  record->therapy = self->therapy;
  record->therapy_error = self->therapy_error;
}

CrsPatientStatus *
crs_ward_entry_get_chart_status (CrsWardEntry *self)
{
  CrsPatientRecord record = { 0 };

  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);

  if (self->status == NULL)
    return NULL;
  if (self->chart_status == NULL)
    {
      fill_record (self, &record, self->chart_sets);
      self->chart_status = crs_patient_status_new (&record, &self->status->policy, self->status->now);
    }
  return self->chart_status;
}

void
crs_ward_entry_forget_chart (CrsWardEntry *self)
{
  g_return_if_fail (CRS_IS_WARD_ENTRY (self));
  g_clear_pointer (&self->chart_status, crs_patient_status_unref);
}

void
crs_ward_entry_update_time (CrsWardEntry        *self,
                            const CrsWardPolicy *policy,
                            gint64               now)
{
  CrsPatientRecord record = { 0 };
  gboolean reload;
  CrsPatientStatus *status;

  g_return_if_fail (CRS_IS_WARD_ENTRY (self));

  if (self->recent == NULL)
    return;

  reload = self->now == 0 || self->status == NULL;
  fill_record (self, &record, self->recent);
  status = crs_patient_status_new (&record, policy, now);

  if (!reload && same_for_time (status, self->status) &&
      (self->status->open->len == 0 || !other_day (now, self->now)))
    {
      crs_patient_status_unref (self->status);
      self->status = status;
      self->now = now;
      return;
    }

  g_clear_pointer (&self->status, crs_patient_status_unref);
  self->status = status;
  self->now = now;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ---------------------------------------------------------------------- */
/* Orders and search */

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key_for_filename (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

int
crs_ward_entry_compare_bed (CrsWardEntry *a,
                            CrsWardEntry *b)
{
  gboolean a_bed = a->patient->bed != NULL && *a->patient->bed != '\0';
  gboolean b_bed = b->patient->bed != NULL && *b->patient->bed != '\0';
  int cmp;

  /* Patients without a bed after those with one. */
  if (a_bed != b_bed)
    return a_bed ? -1 : 1;
  cmp = compare_text (a->patient->bed, b->patient->bed);
  if (cmp == 0)
    cmp = compare_text (a->patient->name, b->patient->name);
  if (cmp == 0)
    cmp = (a->patient->id > b->patient->id) - (a->patient->id < b->patient->id);
  return cmp;
}

int
crs_ward_entry_compare_urgency (CrsWardEntry *a,
                                CrsWardEntry *b)
{
  int cmp = 0;

  if (a->status != NULL && b->status != NULL)
    cmp = crs_patient_status_compare_urgency (a->status, b->status);
  if (cmp == 0)
    cmp = crs_ward_entry_compare_bed (a, b);
  return cmp;
}

char *
crs_ward_entry_fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup ("");
  return g_strstrip (g_utf8_casefold (normal, -1));
}

gboolean
crs_ward_entry_matches (CrsWardEntry *self,
                        const char   *folded)
{
  g_autofree char *name = NULL;
  g_autofree char *mrn = NULL;

  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), FALSE);

  if (folded == NULL || *folded == '\0')
    return TRUE;
  name = crs_ward_entry_fold (self->patient->name);
  mrn = crs_ward_entry_fold (self->patient->mrn);
  return strstr (name, folded) != NULL || strstr (mrn, folded) != NULL;
}
