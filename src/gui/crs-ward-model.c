/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-model.c: the patients on the ward, following the store.
 *
 * A full reload is a few queries for the ward (patients, open
 * escalations) and three small indexed ones per patient (newest sets,
 * infusions, the patient); the reference is asked once per therapy. A
 * save of one set reloads only that patient.
 *
 * A failed read is never silent: the model turns stale, says so
 * (its "stale-error" property), and reads the whole ward again at the next change or
 * minute tick until it succeeds. The log gets the error without patient
 * data (store messages name files and SQLite's reason, not patients). */
#define G_LOG_DOMAIN "crs-ward-model"

#include "config.h"

#include "crs-ward-model.h"

struct _CrsWardModel
{
  GObject parent_instance;

  CrsStore     *store;
  CrsReference *reference;
  CrsWardPolicy policy;
  gint64        fixed_now;     /* 0 = real time */
  gulong        changed_id;

  GPtrArray    *entries;       /* CrsWardEntry *, in the store's order */
  GHashTable   *therapies;     /* code -> CrsTherapy * or NULL: the reference, asked once */

  GError       *stale_error;   /* why the last read failed; NULL = up to date */
  gint64        read_at;       /* the last whole read that succeeded; 0 = none */
  char         *reference_error;  /* the first therapy reference failure */
};

enum {
  SIGNAL_REFRESHED,
  SIGNAL_REFERENCE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STALE_ERROR,
  PROP_READ_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrsWardModel, crs_ward_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return CRS_TYPE_WARD_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return CRS_WARD_MODEL (model)->entries->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CrsWardModel *self = CRS_WARD_MODEL (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* A read failed: the list keeps what it showed, and says it is stale. */
static void
note_failure (CrsWardModel *self,
              const GError *error)
{
  g_debug ("The ward list could not be read again: %s", error->message);
  g_clear_error (&self->stale_error);
  self->stale_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_ERROR]);
}

/* The ward was read: the whole of it, or the one patient a change of the
 * store named (the others had not changed: the list is up to date). */
static void
note_success (CrsWardModel *self)
{
  gint64 now = crs_ward_model_get_now (self);

  if (self->read_at != now)
    {
      self->read_at = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_AT]);
    }
  if (self->stale_error != NULL)
    {
      g_clear_error (&self->stale_error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_ERROR]);
    }
}

static void
store_changed_cb (CrsStore     *store,
                  gint64        patient_id,
                  CrsWardModel *self)
{
  /* While stale, other patients may be out of date too: read them all. */
  if (patient_id != 0 && self->stale_error == NULL)
    crs_ward_model_reload_patient (self, patient_id, NULL);
  else
    crs_ward_model_reload (self, NULL);
}

/* Says (once) that the reference could not be read for a therapy. */
static void
check_reference (CrsWardModel *self)
{
  if (self->reference_error != NULL)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    {
      CrsWardEntry *entry = g_ptr_array_index (self->entries, i);

      if (crs_ward_entry_get_therapy_error (entry) != NULL)
        {
          self->reference_error = g_strdup (crs_ward_entry_get_therapy_error (entry));
          g_debug ("Therapy reference not read: %s", self->reference_error);
          g_signal_emit (self, signals[SIGNAL_REFERENCE_FAILED], 0);
          return;
        }
    }
}

static void
crs_ward_model_dispose (GObject *object)
{
  CrsWardModel *self = CRS_WARD_MODEL (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->reference);

  G_OBJECT_CLASS (crs_ward_model_parent_class)->dispose (object);
}

static void
crs_ward_model_finalize (GObject *object)
{
  CrsWardModel *self = CRS_WARD_MODEL (object);

  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->therapies);
  g_clear_error (&self->stale_error);
  g_free (self->reference_error);

  G_OBJECT_CLASS (crs_ward_model_parent_class)->finalize (object);
}

static void
crs_ward_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrsWardModel *self = CRS_WARD_MODEL (object);

  switch (prop_id)
    {
    case PROP_STALE_ERROR:
      g_value_set_boxed (value, self->stale_error);
      break;
    case PROP_READ_AT:
      g_value_set_int64 (value, self->read_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_ward_model_class_init (CrsWardModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crs_ward_model_dispose;
  object_class->finalize = crs_ward_model_finalize;
  object_class->get_property = crs_ward_model_get_property;

  /* Why the last read failed (the list shown is stale), or NULL when it
   * is up to date; notified at each failure and when a read succeeds
   * again. */
  properties[PROP_STALE_ERROR] =
    g_param_spec_boxed ("stale-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When the list shown was read (Unix time), 0 before the first read. */
  properties[PROP_READ_AT] =
    g_param_spec_int64 ("read-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REFERENCE_FAILED] =
    g_signal_new ("reference-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
crs_ward_model_init (CrsWardModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->therapies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           unref_if_set);
  crs_ward_policy_init (&self->policy);
}

CrsWardModel *
crs_ward_model_new (CrsStore     *store,
                    CrsReference *reference)
{
  CrsWardModel *self;

  g_return_val_if_fail (CRS_IS_STORE (store), NULL);

  self = g_object_new (CRS_TYPE_WARD_MODEL, NULL);
  self->store = g_object_ref (store);
  self->reference = reference != NULL ? g_object_ref (reference) : NULL;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return self;
}

const GError *
crs_ward_model_get_stale_error (CrsWardModel *self)
{
  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), NULL);
  return self->stale_error;
}

gint64
crs_ward_model_get_read_at (CrsWardModel *self)
{
  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), 0);
  return self->read_at;
}

gboolean
crs_ward_model_is_unread (CrsWardModel *self)
{
  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), FALSE);
  return self->read_at == 0 && self->stale_error != NULL;
}

const char *
crs_ward_model_get_reference_error (CrsWardModel *self)
{
  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), NULL);
  return self->reference_error;
}

gint64
crs_ward_model_get_now (CrsWardModel *self)
{
  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), 0);
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time () / G_USEC_PER_SEC;
}

void
crs_ward_model_set_now (CrsWardModel *self,
                        gint64        now)
{
  g_return_if_fail (CRS_IS_WARD_MODEL (self));
  self->fixed_now = now;
  crs_ward_model_tick (self, crs_ward_model_get_now (self));
}

void
crs_ward_model_set_policy (CrsWardModel        *self,
                           const CrsWardPolicy *policy)
{
  g_return_if_fail (CRS_IS_WARD_MODEL (self));
  g_return_if_fail (policy != NULL);

  self->policy = *policy;
  /* The sparklines' sets are graded again with the new policy. */
  for (guint i = 0; i < self->entries->len; i++)
    crs_ward_entry_forget_chart (g_ptr_array_index (self->entries, i));
  crs_ward_model_tick (self, crs_ward_model_get_now (self));
}

CrsWardEntry *
crs_ward_model_find (CrsWardModel *self,
                     gint64        patient_id)
{
  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      CrsWardEntry *entry = g_ptr_array_index (self->entries, i);
      if (crs_ward_entry_get_id (entry) == patient_id)
        return entry;
    }
  return NULL;
}

static gboolean
reload (CrsWardModel  *self,
        GError       **error)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 now;
  gboolean same_patients;
  guint old_len;

  patients = crs_store_list_patients (self->store, FALSE, error);
  if (patients == NULL)
    return FALSE;
  open = crs_store_list_open_escalations (self->store, 0, error);
  if (open == NULL)
    return FALSE;

  now = crs_ward_model_get_now (self);
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  same_patients = patients->len == self->entries->len;
  for (guint i = 0; i < patients->len; i++)
    {
      CrsPatient *patient = g_ptr_array_index (patients, i);
      CrsWardEntry *entry = crs_ward_model_find (self, patient->id);

      /* The same object for a patient already listed: its row follows
       * its "changed" signal and keeps its place and selection. */
      if (entry != NULL)
        g_object_ref (entry);
      else
        entry = crs_ward_entry_new (patient);
      g_ptr_array_add (entries, entry);
      if (same_patients && g_ptr_array_index (self->entries, i) != entry)
        same_patients = FALSE;
    }

  /* Read everything before changing anything shown. */
  for (guint i = 0; i < entries->len; i++)
    if (!crs_ward_entry_load (g_ptr_array_index (entries, i), self->store, self->reference,
                              self->therapies, open, &self->policy, now, error))
      return FALSE;

  if (!same_patients)
    {
      old_len = self->entries->len;
      g_ptr_array_unref (self->entries);
      self->entries = g_steal_pointer (&entries);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->entries->len);
    }
  return TRUE;
}

gboolean
crs_ward_model_reload (CrsWardModel  *self,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), FALSE);

  if (!reload (self, &local_error))
    {
      note_failure (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  note_success (self);
  check_reference (self);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  return TRUE;
}

gboolean
crs_ward_model_reload_patient (CrsWardModel  *self,
                               gint64         patient_id,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  CrsWardEntry *entry;

  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), FALSE);

  entry = crs_ward_model_find (self, patient_id);
  if (entry == NULL)
    return crs_ward_model_reload (self, error);
  if (!crs_ward_entry_load (entry, self->store, self->reference, self->therapies, NULL,
                            &self->policy, crs_ward_model_get_now (self), &local_error))
    {
      note_failure (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Archived: the patient leaves the list. */
  if (crs_ward_entry_get_patient (entry)->archived)
    return crs_ward_model_reload (self, error);
  if (self->stale_error == NULL)
    note_success (self);
  check_reference (self);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  return TRUE;
}

void
crs_ward_model_tick (CrsWardModel *self,
                     gint64        now)
{
  g_return_if_fail (CRS_IS_WARD_MODEL (self));

  /* A list that could not be read is tried again every minute (its own
   * reload ends with "refreshed"; the times are worked out below too). */
  if (self->stale_error != NULL)
    crs_ward_model_reload (self, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    crs_ward_entry_update_time (g_ptr_array_index (self->entries, i), &self->policy, now);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}
