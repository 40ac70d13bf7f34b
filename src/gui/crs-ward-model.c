/* crs-ward-model.c: the patients on the ward, following the store.
 *
 * A full reload is a few queries for the ward (patients, open
 * escalations) and three small indexed ones per patient (newest sets,
 * infusions, the patient); the reference is asked once per therapy. A
 * save of one set reloads only that patient. */
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
};

enum {
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
store_changed_cb (CrsStore     *store,
                  gint64        patient_id,
                  CrsWardModel *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = patient_id != 0 ? crs_ward_model_reload_patient (self, patient_id, &error)
                       : crs_ward_model_reload (self, &error);
  /* The list keeps what it showed; the next change or the minute timer
   * tries again. No patient data goes to the log. */
  if (!ok)
    g_debug ("The ward list could not be read again: %s", error->message);
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

  G_OBJECT_CLASS (crs_ward_model_parent_class)->finalize (object);
}

static void
crs_ward_model_class_init (CrsWardModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crs_ward_model_dispose;
  object_class->finalize = crs_ward_model_finalize;

  signals[SIGNAL_REFRESHED] =
    g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
      if (entry->patient->id == patient_id)
        return entry;
    }
  return NULL;
}

gboolean
crs_ward_model_reload (CrsWardModel  *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 now;
  gboolean same_patients;
  guint old_len;

  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), FALSE);

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
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  return TRUE;
}

gboolean
crs_ward_model_reload_patient (CrsWardModel  *self,
                               gint64         patient_id,
                               GError       **error)
{
  CrsWardEntry *entry;

  g_return_val_if_fail (CRS_IS_WARD_MODEL (self), FALSE);

  entry = crs_ward_model_find (self, patient_id);
  if (entry == NULL)
    return crs_ward_model_reload (self, error);
  if (!crs_ward_entry_load (entry, self->store, self->reference, self->therapies, NULL,
                            &self->policy, crs_ward_model_get_now (self), error))
    return FALSE;
  /* Archived: the patient leaves the list. */
  if (entry->patient->archived)
    return crs_ward_model_reload (self, error);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  return TRUE;
}

void
crs_ward_model_tick (CrsWardModel *self,
                     gint64        now)
{
  g_return_if_fail (CRS_IS_WARD_MODEL (self));

  for (guint i = 0; i < self->entries->len; i++)
    crs_ward_entry_update_time (g_ptr_array_index (self->entries, i), &self->policy, now);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}
