/* crs-ward-entry.c: one patient of the ward list, read from the store with
 * a handful of indexed queries (never the whole history: the trend needs
 * only the newest sets, whose grades were stored when they were saved). */
#define G_LOG_DOMAIN "crs-ward-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/crs-grading.h"
#include "crs-display.h"
#include "crs-ward-entry.h"

/* How many of the newest sets the trend looks at: enough to find the
 * grade before the latest even when a few sets in between could not be
 * graded (partial sets). */
#define RECENT_SETS 8

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
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  g_clear_object (&self->latest);
  g_clear_object (&self->infusion);
  g_clear_object (&self->therapy);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_free (self->therapy_name);
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
  self->infusion_day = -1;
  self->trend.crs_latest = CRS_MISSING;
  self->trend.icans_latest = CRS_MISSING;
  self->trend.due.status = CRS_DUE_NO_DATA;
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

/* The infusion whose window matters now: the latest started at or before
 * @now; failing that, the first one still to come. */
static CrsInfusion *
current_infusion (GPtrArray *infusions,
                  gint64     now)
{
  CrsInfusion *started = NULL;
  CrsInfusion *next = NULL;

  for (guint i = 0; i < infusions->len; i++)
    {
      CrsInfusion *infusion = g_ptr_array_index (infusions, i);

      if (infusion->start_at <= now)
        {
          if (started == NULL || infusion->start_at >= started->start_at)
            started = infusion;
        }
      else if (next == NULL || infusion->start_at < next->start_at)
        next = infusion;
    }
  return started != NULL ? started : next;
}

/* The therapy of @infusion in the reference, or NULL. A read error is
 * put in *@problem (the window says it once: the ward's interval then
 * applies, as for any therapy whose onset is unknown); the therapy is
 * then taken as unknown until the window is opened again. */
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

  therapy = crs_reference_lookup (reference, key, &error);
  if (therapy == NULL && error == NULL)
    therapy = crs_reference_resolve (reference, key, &error);
  if (error != NULL)
    *problem = g_strdup (error->message);
  if (therapies != NULL)
    g_hash_table_insert (therapies, g_strdup (key), therapy != NULL ? g_object_ref (therapy) : NULL);
  return therapy;
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
  g_autoptr(GPtrArray) infusions = NULL;
  g_autoptr(GPtrArray) own_open = NULL;
  gboolean all_stored = TRUE;
  gint64 id;

  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), FALSE);
  g_return_val_if_fail (CRS_IS_STORE (store), FALSE);

  id = self->patient->id;
  patient = crs_store_get_patient (store, id, error);
  if (patient == NULL)
    return FALSE;
  recent = crs_store_list_recent_observations (store, id, RECENT_SETS, error);
  if (recent == NULL)
    return FALSE;
  infusions = crs_store_list_infusions (store, id, error);
  if (infusions == NULL)
    return FALSE;
  if (open == NULL)
    {
      own_open = crs_store_list_open_escalations (store, id, error);
      if (own_open == NULL)
        return FALSE;
      open = own_open;
    }

  g_set_object (&self->patient, patient);
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  self->recent = g_steal_pointer (&recent);
  g_clear_object (&self->latest);
  if (self->recent->len > 0)
    self->latest = g_object_ref (g_ptr_array_index (self->recent, self->recent->len - 1));

  /* Interventions only matter when the trend has to grade sets that were
   * saved without grades (crs_trend_compute): usually it does not. */
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  for (guint i = 0; i < self->recent->len; i++)
    if (((CrsObservation *) g_ptr_array_index (self->recent, i))->stored_rules == NULL)
      all_stored = FALSE;
  if (!all_stored)
    {
      self->interventions = crs_store_list_interventions (store, id, error);
      if (self->interventions == NULL)
        return FALSE;
    }

  g_clear_object (&self->infusion);
  g_clear_object (&self->therapy);
  g_clear_pointer (&self->therapy_error, g_free);
  if (infusions->len > 0)
    {
      self->infusion = g_object_ref (current_infusion (infusions, now));
      self->therapy = lookup_therapy (reference, therapies, self->infusion, &self->therapy_error);
    }

  self->open_escalations = 0;
  self->escalation_at = 0;
  for (guint i = 0; i < open->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (open, i);

      if (obs->patient_id != id)
        continue;
      self->open_escalations++;
      self->escalation_at = MAX (self->escalation_at, obs->taken_at);
    }

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

static gboolean
trend_equal (const CrsTrend *a,
             const CrsTrend *b)
{
  return a->crs_latest == b->crs_latest && a->crs_rising == b->crs_rising &&
         a->icans_latest == b->icans_latest && a->icans_rising == b->icans_rising &&
         a->due.status == b->due.status && a->due.minutes == b->due.minutes &&
         a->due.due_at == b->due.due_at;
}

void
crs_ward_entry_update_time (CrsWardEntry        *self,
                            const CrsWardPolicy *policy,
                            gint64               now)
{
  g_autoptr(CrsMonitoringWindow) window = NULL;
  g_autoptr(GPtrArray) infusions = g_ptr_array_new ();
  gboolean reload = self->now == 0;
  CrsTrend trend = { 0 };
  gboolean in_window = FALSE;
  gboolean news2_not_used;
  CrsWardPolicy defaults;
  int day = -1;

  g_return_if_fail (CRS_IS_WARD_ENTRY (self));

  if (policy == NULL)
    {
      crs_ward_policy_init (&defaults);
      policy = &defaults;
    }

  if (self->infusion != NULL)
    {
      window = crs_monitoring_window_new (self->infusion, self->therapy, now);
      in_window = crs_ward_entry_window_applies (window);
      day = window->day;
      if (reload)
        {
          g_free (self->therapy_name);
          self->therapy_name = g_strdup (window->therapy_name);
        }
      g_ptr_array_add (infusions, self->infusion);
    }

  crs_trend_compute (&trend, self->patient, self->recent, self->interventions, infusions,
                     in_window, policy, now);

  if (reload)
    {
      self->news2_risk = CRS_NEWS2_RISK_UNKNOWN;
      if (self->latest != NULL)
        {
          CrsGradingContext context;
          g_autoptr(CrsGrading) grading = NULL;

          /* The band needs each parameter's score, not only the stored
           * total (a single 3 makes "low-medium"); the scores do not
           * depend on the ward policy. */
          crs_grading_context_init (&context);
          context.spo2_scale = self->patient->spo2_scale == 2 ? 2 : 1;
          context.age_years = crs_patient_age_years (self->patient, self->latest->taken_at);
          grading = crs_grading_new (self->latest, &context, policy);
          if (grading->news2_total == self->latest->stored_news2)
            self->news2_risk = grading->news2_risk;
        }
    }

  /* Worked out each time: a policy change can move the NEWS2 age. */
  news2_not_used = self->latest != NULL &&
                   crs_display_news2_is_not_used (self->patient, self->latest->taken_at,
                                                  self->latest->stored_news2, policy);

  if (!reload && trend_equal (&trend, &self->trend) && in_window == self->in_window &&
      day == self->infusion_day && news2_not_used == self->news2_not_used &&
      policy->news2_min_age == self->news2_min_age &&
      (self->open_escalations == 0 || !other_day (now, self->now)))
    {
      self->now = now;
      return;
    }

  self->now = now;
  self->news2_not_used = news2_not_used;
  self->news2_min_age = policy->news2_min_age;
  self->trend = trend;
  self->in_window = in_window;
  self->infusion_day = day;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
crs_ward_entry_window_applies (const CrsMonitoringWindow *window)
{
  g_return_val_if_fail (window != NULL, FALSE);

  /* Inside the therapy's reported onset window; and when nothing is known
   * of the therapy's onset, not relaxed: the stricter window interval
   * applies from the start of the infusion. */
  return window->in_window || (!window->known && window->position != CRS_WINDOW_NOT_STARTED);
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

static int
highest_grade (CrsWardEntry *entry)
{
  return MAX (entry->trend.crs_latest, entry->trend.icans_latest);
}

/* NEWS2 for ordering: continuous monitoring above any score, a missing
 * score below every recorded one. */
static int
news2_rank (CrsWardEntry *entry)
{
  if (entry->trend.due.status == CRS_DUE_CONTINUOUS)
    return 100;
  return entry->latest != NULL ? entry->latest->stored_news2 : CRS_MISSING;
}

/* Minutes until due, negative when overdue; patients with no set yet
 * last. */
static gint64
due_rank (CrsWardEntry *entry)
{
  switch (entry->trend.due.status)
    {
    case CRS_DUE_OVERDUE:
      return -(gint64) entry->trend.due.minutes;
    case CRS_DUE_LATER:
      return entry->trend.due.minutes;
    case CRS_DUE_CONTINUOUS:
      return G_MININT32;
    case CRS_DUE_NO_DATA:
    default:
      return G_MAXINT32;
    }
}

#define CMP_DESC(x, y) (((x) < (y)) - ((x) > (y)))
#define CMP_ASC(x, y) (((x) > (y)) - ((x) < (y)))

int
crs_ward_entry_compare_urgency (CrsWardEntry *a,
                                CrsWardEntry *b)
{
  int cmp;

  if ((cmp = CMP_DESC (a->open_escalations > 0, b->open_escalations > 0)) != 0)
    return cmp;
  if ((cmp = CMP_DESC (a->trend.due.status == CRS_DUE_OVERDUE,
                       b->trend.due.status == CRS_DUE_OVERDUE)) != 0)
    return cmp;
  if ((cmp = CMP_DESC (highest_grade (a), highest_grade (b))) != 0)
    return cmp;
  if ((cmp = CMP_DESC (news2_rank (a), news2_rank (b))) != 0)
    return cmp;
  if ((cmp = CMP_ASC (due_rank (a), due_rank (b))) != 0)
    return cmp;
  return crs_ward_entry_compare_bed (a, b);
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
