/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-entry.c: one patient of the ward list, read from the store with
 * a handful of indexed queries, and the status core works out from it. */
#define G_LOG_DOMAIN "crs-ward-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/crs-format.h"
#include "crs-display.h"
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

struct _CrsWardEntry
{
  GObject parent_instance;

  CrsPatient       *patient;
  CrsPatientStatus *status;          /* NULL until loaded */

  /* The record the status is worked out from (CrsPatientRecord). */
  GPtrArray        *recent;          /* CrsObservation *: the newest sets */
  GPtrArray        *infusions;
  GPtrArray        *interventions;
  GPtrArray        *acknowledgements;
  GPtrArray        *late_flags;
  GPtrArray        *open_sets;       /* the store's open escalations of this patient */
  GArray           *first_fevers;
  CrsTherapy       *therapy;         /* of the current infusion, or NULL */
  char             *therapy_error;   /* why the reference could not be read for it, or NULL */
  gint64            now;

  /* The sets of the last 72 hours (or the newest, when fewer) and their
   * status, worked out when first asked for (crs_ward_entry_get_chart_
   * status()): the row's sparkline. */
  GPtrArray        *chart_sets;
  CrsPatientStatus *chart_status;

  /* What the row shows: the text properties (PROP_BED .. PROP_SUMMARY)
   * and the flags (PROP_GRADED .. PROP_ESCALATED), by property id. */
  char             *texts[16];
  gboolean          flags[8];
};

enum {
  PROP_0,
  PROP_STATUS,
  /* Texts */
  PROP_BED,
  PROP_NAME,
  PROP_THERAPY_TEXT,
  PROP_CRS_CHIP,
  PROP_CRS_STYLE,
  PROP_CRS_LAST,
  PROP_ICANS_CHIP,
  PROP_ICANS_STYLE,
  PROP_ICANS_LAST,
  PROP_EARLY_WARNING_CHIP,
  PROP_EARLY_WARNING_STYLE,
  PROP_DUE_TEXT,
  PROP_ESCALATION_TEXT,
  PROP_SUMMARY,
  /* Flags */
  PROP_GRADED,
  PROP_CRS_RISING,
  PROP_ICANS_RISING,
  PROP_DUE_URGENT,
  PROP_ESCALATED,
  N_PROPS
};

#define FIRST_TEXT PROP_BED
#define LAST_TEXT  PROP_SUMMARY
#define FIRST_FLAG PROP_GRADED

G_STATIC_ASSERT (LAST_TEXT - FIRST_TEXT < 16);
G_STATIC_ASSERT (N_PROPS - FIRST_FLAG <= 8);

static GParamSpec *properties[N_PROPS];

static void show_status (CrsWardEntry *self);

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
  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (crs_ward_entry_parent_class)->finalize (object);
}

static void
crs_ward_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrsWardEntry *self = CRS_WARD_ENTRY (object);

  if (prop_id == PROP_STATUS)
    g_value_set_boxed (value, self->status);
  else if (prop_id >= FIRST_TEXT && prop_id <= LAST_TEXT)
    g_value_set_string (value, self->texts[prop_id - FIRST_TEXT]);
  else if (prop_id >= FIRST_FLAG && prop_id < N_PROPS)
    g_value_set_boolean (value, self->flags[prop_id - FIRST_FLAG]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
text_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
flag_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
crs_ward_entry_class_init (CrsWardEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crs_ward_entry_finalize;
  object_class->get_property = crs_ward_entry_get_property;

  /* The status worked out from the record: notified whenever it changed
   * in anything a person sees. */
  properties[PROP_STATUS] =
    g_param_spec_boxed ("status", NULL, NULL, CRS_TYPE_PATIENT_STATUS,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "Bed 4", or "No bed". */
  properties[PROP_BED] = text_property ("bed");
  /* The name, or the MRN when there is none. */
  properties[PROP_NAME] = text_property ("name");
  /* "tisagenlecleucel, day 3". */
  properties[PROP_THERAPY_TEXT] = text_property ("therapy-text");
  /* The chips "CRS 2 moderate", their style class (crs-grade-N) and the
   * last determined grade when the chip's is not determined now. */
  properties[PROP_CRS_CHIP] = text_property ("crs-chip");
  properties[PROP_CRS_STYLE] = text_property ("crs-style");
  properties[PROP_CRS_LAST] = text_property ("crs-last");
  properties[PROP_ICANS_CHIP] = text_property ("icans-chip");
  properties[PROP_ICANS_STYLE] = text_property ("icans-style");
  properties[PROP_ICANS_LAST] = text_property ("icans-last");
  /* NEWS2 for an adult, PEWS for a child: "NEWS2 5 medium". */
  properties[PROP_EARLY_WARNING_CHIP] = text_property ("early-warning-chip");
  properties[PROP_EARLY_WARNING_STYLE] = text_property ("early-warning-style");
  /* When the next set is due. */
  properties[PROP_DUE_TEXT] = text_property ("due-text");
  /* "Red flag at 14:05 not acknowledged", or NULL. */
  properties[PROP_ESCALATION_TEXT] = text_property ("escalation-text");
  /* All of it as one sentence, in the order the eye reads: the row's
   * label for screen readers. */
  properties[PROP_SUMMARY] = text_property ("summary");
  /* Whether there is any set to grade. */
  properties[PROP_GRADED] = flag_property ("graded");
  properties[PROP_CRS_RISING] = flag_property ("crs-rising");
  properties[PROP_ICANS_RISING] = flag_property ("icans-rising");
  /* The set is overdue, or the patient is on continuous monitoring. */
  properties[PROP_DUE_URGENT] = flag_property ("due-urgent");
  /* A red flag is not acknowledged. */
  properties[PROP_ESCALATED] = flag_property ("escalated");
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  show_status (self);
  return self;
}

gint64
crs_ward_entry_get_id (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), 0);
  return self->patient->id;
}

CrsPatient *
crs_ward_entry_get_patient (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);
  return self->patient;
}

CrsPatientStatus *
crs_ward_entry_get_status (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);
  return self->status;
}

GPtrArray *
crs_ward_entry_get_infusions (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);
  return self->infusions;
}

GPtrArray *
crs_ward_entry_get_interventions (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);
  return self->interventions;
}

CrsTherapy *
crs_ward_entry_get_therapy (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);
  return self->therapy;
}

const char *
crs_ward_entry_get_therapy_error (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), NULL);
  return self->therapy_error;
}

gint64
crs_ward_entry_get_now (CrsWardEntry *self)
{
  g_return_val_if_fail (CRS_IS_WARD_ENTRY (self), 0);
  return self->now;
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
  gboolean reload, changed;
  CrsPatientStatus *status;

  g_return_if_fail (CRS_IS_WARD_ENTRY (self));

  if (self->recent == NULL)
    return;

  reload = self->now == 0 || self->status == NULL;
  fill_record (self, &record, self->recent);
  status = crs_patient_status_new (&record, policy, now);

  changed = reload || !same_for_time (status, self->status) ||
            (self->status->open->len > 0 && other_day (now, self->now));
  g_clear_pointer (&self->status, crs_patient_status_unref);
  self->status = status;
  self->now = now;
  if (!changed)
    return;
  show_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* ---------------------------------------------------------------------- */
/* What the row shows */

static void
set_text (CrsWardEntry *self,
          guint         prop_id,
          char         *text)
{
  char **field = &self->texts[prop_id - FIRST_TEXT];

  if (g_strcmp0 (*field, text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (*field);
  *field = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_flag (CrsWardEntry *self,
          guint         prop_id,
          gboolean      value)
{
  gboolean *field = &self->flags[prop_id - FIRST_FLAG];

  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static char *
therapy_text (CrsPatientStatus *status)
{
  if (status->infusion == NULL)
    return g_strdup (_("No infusion recorded"));
  if (status->infusion_day < 0)
    /* TRANSLATORS: a therapy planned but not given yet */
    return g_strdup_printf (_("%s, not started"), status->window->therapy_name);
  /* TRANSLATORS: a therapy and the day since its infusion (day 0 = the
   * infusion's day), e.g. "tisagenlecleucel, day 3" */
  return g_strdup_printf (_("%s, day %d"), status->window->therapy_name, status->infusion_day);
}

static char *
escalation_text (CrsPatientStatus *status,
                 gint64            now)
{
  CrsOpenFlag *newest;
  g_autofree char *when = NULL;

  if (status->open->len == 0)
    return NULL;
  newest = g_ptr_array_index (status->open, status->open->len - 1);
  when = crs_format_time (newest->set->taken_at, now);
  if (status->open->len == 1)
    /* TRANSLATORS: e.g. "Red flag at 14:05 not acknowledged" */
    return g_strdup_printf (_("Red flag at %s not acknowledged"), when);
  /* TRANSLATORS: e.g. "3 red flags, the latest at 14:05, not acknowledged" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u red flag, the latest at %s, not acknowledged",
                                       "%u red flags, the latest at %s, not acknowledged",
                                       status->open->len),
                          status->open->len, when);
}

/* One sentence for screen readers, in the order the eye reads. */
static char *
summary_text (CrsWardEntry *self)
{
  CrsPatientStatus *status = self->status;
  char **texts = self->texts;
  GString *sentence = g_string_new (NULL);

  g_string_append_printf (sentence, "%s, %s. ", texts[PROP_BED - FIRST_TEXT], texts[PROP_NAME - FIRST_TEXT]);
  if (status == NULL)
    return g_string_free (sentence, FALSE);
  if (texts[PROP_ESCALATION_TEXT - FIRST_TEXT] != NULL)
    g_string_append_printf (sentence, "%s. ", texts[PROP_ESCALATION_TEXT - FIRST_TEXT]);
  if (status->latest != NULL)
    {
      g_autofree char *crs_sentence = crs_display_scale_sentence ("CRS", &status->crs);
      g_autofree char *icans_sentence = crs_display_scale_sentence ("ICANS", &status->icans);
      g_autofree char *early_warning = crs_display_early_warning (status->latest_grading);

      g_string_append (sentence, crs_sentence);
      if (status->crs.rising)
        g_string_append_printf (sentence, ", %s", _("rising"));
      if (texts[PROP_CRS_LAST - FIRST_TEXT] != NULL)
        g_string_append_printf (sentence, " (%s)", texts[PROP_CRS_LAST - FIRST_TEXT]);
      g_string_append_printf (sentence, ". %s", icans_sentence);
      if (status->icans.rising)
        g_string_append_printf (sentence, ", %s", _("rising"));
      if (texts[PROP_ICANS_LAST - FIRST_TEXT] != NULL)
        g_string_append_printf (sentence, " (%s)", texts[PROP_ICANS_LAST - FIRST_TEXT]);
      g_string_append_printf (sentence, ". %s %s. ", crs_display_early_warning_name (status->latest_grading),
                              early_warning);
    }
  g_string_append_printf (sentence, "%s. %s.", texts[PROP_DUE_TEXT - FIRST_TEXT],
                          texts[PROP_THERAPY_TEXT - FIRST_TEXT]);
  return g_string_free (sentence, FALSE);
}

/* Works out every text and flag the row shows from the patient and the
 * status; notifies those that changed, once each, together. */
static void
show_status (CrsWardEntry *self)
{
  CrsPatient *patient = self->patient;
  CrsPatientStatus *status = self->status;
  gboolean has_bed = patient->bed != NULL && *patient->bed != '\0';

  g_object_freeze_notify (G_OBJECT (self));
  /* TRANSLATORS: a patient's bed, e.g. "Bed 4" */
  set_text (self, PROP_BED, has_bed ? g_strdup_printf (_("Bed %s"), patient->bed) : g_strdup (_("No bed")));
  set_text (self, PROP_NAME, g_strdup (patient->name != NULL && *patient->name != '\0' ? patient->name : patient->mrn));
  if (status != NULL)
    {
      set_text (self, PROP_THERAPY_TEXT, therapy_text (status));
      set_text (self, PROP_CRS_CHIP, crs_display_scale_chip ("CRS", &status->crs));
      set_text (self, PROP_CRS_STYLE, g_strdup (crs_display_grade_class (status->crs.grade)));
      set_text (self, PROP_ICANS_CHIP, crs_display_scale_chip ("ICANS", &status->icans));
      set_text (self, PROP_ICANS_STYLE, g_strdup (crs_display_grade_class (status->icans.grade)));
      /* A grade not determined now: the chip's tooltip says the last one. */
      set_text (self, PROP_CRS_LAST, crs_patient_status_last_text (status, "CRS"));
      set_text (self, PROP_ICANS_LAST, crs_patient_status_last_text (status, "ICANS"));
      if (status->latest_grading != NULL)
        {
          g_autofree char *early_warning = crs_display_early_warning (status->latest_grading);

          /* TRANSLATORS: a chip in the ward list, e.g. "NEWS2 5 medium", "PEWS 6 medium" */
          set_text (self, PROP_EARLY_WARNING_CHIP,
                    g_strdup_printf (C_("chip", "%s %s"), crs_display_early_warning_name (status->latest_grading),
                                     early_warning));
          set_text (self, PROP_EARLY_WARNING_STYLE, g_strdup (crs_display_early_warning_class (status->latest_grading)));
        }
      set_text (self, PROP_DUE_TEXT, crs_due_to_string (&status->due));
      set_text (self, PROP_ESCALATION_TEXT, escalation_text (status, self->now));
      /* Without any set there are no grades to show: the due line says so. */
      set_flag (self, PROP_GRADED, status->latest != NULL);
      set_flag (self, PROP_CRS_RISING, status->crs.rising);
      set_flag (self, PROP_ICANS_RISING, status->icans.rising);
      set_flag (self, PROP_DUE_URGENT, status->due.status == CRS_DUE_OVERDUE || status->due.continuous);
      set_flag (self, PROP_ESCALATED, status->open->len > 0);
    }
  set_text (self, PROP_SUMMARY, summary_text (self));
  g_object_thaw_notify (G_OBJECT (self));
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
