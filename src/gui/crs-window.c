/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window.c: the main window: the ward list beside the patient page.
 *
 * Both panes follow the application's store: the ward list through its
 * model, the patient page here, on the store's "changed" signal. A
 * minute timer moves the due times. Narrow windows fold the leaflet:
 * opening a patient goes forward to their page, Back returns. */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/crs-format.h"
#include "crs-display.h"
#include "crs-window-private.h"

/* The ward setting holding the ward's name (as in the ward XML). */

/* How often the ward database is asked whether another connection
 * committed (PRAGMA data_version: microseconds). */
#define OUTSIDE_CHANGES_MS 1000

G_DEFINE_FINAL_TYPE (CrsWindow, crs_window, ADW_TYPE_APPLICATION_WINDOW)

gint64
_crs_window_now (CrsWindow *self)
{
  return self->clock != 0 ? self->clock : g_get_real_time () / G_USEC_PER_SEC;
}

char *
_crs_window_reason (const GError *error)
{
  char *reason = g_strdup (error->message);

  if (g_str_has_suffix (reason, "."))
    reason[strlen (reason) - 1] = '\0';
  return reason;
}

void
_crs_window_toast (CrsWindow  *self,
                   const char *message)
{
  _crs_window_add_toast (self, adw_toast_new (message));
}

static void
save_window_state (CrsWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* ---------------------------------------------------------------------- */
/* What the window shows */

static void
show_placeholder (CrsWindow *self)
{
  gboolean any = self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;

  if (!any && self->model != NULL && crs_ward_model_is_unread (self->model))
    gtk_stack_set_visible_child_name (self->patient_stack, "unread");
  else
    gtk_stack_set_visible_child_name (self->patient_stack, any ? "select" : "empty");
}

static void
show_titles (CrsWindow *self)
{
  CrsPatient *patient = self->patient_id != 0 ? crs_patient_page_get_patient (self->patient_page) : NULL;
  g_autofree char *subtitle = NULL;

  if (patient == NULL)
    {
      adw_view_switcher_title_set_stack (self->switcher_title, NULL);
      adw_view_switcher_title_set_title (self->switcher_title, _("CRS Watch"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      return;
    }

  if (patient->bed != NULL && *patient->bed != '\0')
    /* TRANSLATORS: under the patient's name: bed and MRN, e.g. "Bed 4 · MRN 123" */
    subtitle = g_strdup_printf (_("Bed %s · MRN %s"), patient->bed, patient->mrn);
  else
    subtitle = g_strdup_printf (_("MRN %s"), patient->mrn);
  adw_view_switcher_title_set_stack (self->switcher_title,
                                     crs_patient_page_get_view_stack (self->patient_page));
  adw_view_switcher_title_set_title (self->switcher_title,
                                     patient->name != NULL && *patient->name != '\0' ? patient->name
                                                                                     : patient->mrn);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

void
_crs_window_show_patient (CrsWindow *self,
                          gint64     patient_id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    patient_id = 0;
  if (patient_id != 0 &&
      !crs_patient_page_load (self->patient_page, patient_id, &self->policy, _crs_window_now (self), &error))
    {
      /* The patient shown could not be read again (a change, the minute
       * timer): the page keeps what it showed, and a bar above it says
       * how old it is and why for as long as that lasts; the next change
       * or minute tries again. Another patient is not shown. */
      if (patient_id == self->patient_id)
        {
          g_autofree char *when = crs_format_time (self->page_read_at, _crs_window_now (self));
          g_autofree char *reason = _crs_window_reason (error);
          g_autofree char *message = NULL;

          /* TRANSLATORS: the time the page shown was read, then why it
           * could not be read again */
          message = g_strdup_printf (_("This page could not be updated. It shows the patient as at %s. %s."),
                                     when, reason);
          gtk_label_set_label (self->page_stale_label, message);
          gtk_revealer_set_reveal_child (self->page_stale_revealer, TRUE);
          return;
        }
      {
        g_autofree char *message = g_strdup_printf (_("The patient could not be shown: %s"), error->message);
        _crs_window_toast (self, message);
      }
      patient_id = 0;
    }
  gtk_revealer_set_reveal_child (self->page_stale_revealer, FALSE);
  self->page_read_at = _crs_window_now (self);

  self->patient_id = patient_id;
  if (patient_id != 0)
    gtk_stack_set_visible_child_name (self->patient_stack, "patient");
  else
    show_placeholder (self);
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), patient_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->patient_menu_button), patient_id != 0);
  show_titles (self);
  _crs_window_update_actions (self);
}

static void
show_ward_name (CrsWindow *self)
{
  g_autofree char *name = self->store != NULL ? crs_store_get_ward_name (self->store) : NULL;

  adw_window_title_set_title (self->ward_title, name != NULL && *name != '\0' ? name : _("Ward"));
}

static void
load_policy (CrsWindow *self)
{
  /* A damaged setting falls back to its documented default; the ward
   * keeps working, and whoever looks after the ward is told (each time
   * the policy is read: a ward setting changed or the window opened). */
  if (!crs_store_load_policy (self->store, &self->policy))
    _crs_window_toast (self, _("A ward policy setting could not be read: its documented default is used. "
                               "Check the ward policy in Preferences."));
  /* Not the ward's: this user's unit, for everything the window shows. */
  self->policy.temperature_unit = g_settings_get_enum (self->settings, "temperature-unit");
  crs_ward_model_set_policy (self->model, &self->policy);
}

/* The ward list could not be read again (crs-ward-model.h): a bar above
 * the list says how old the list shown is and why, for as long as it
 * lasts (a toast would be dismissed, or cut short); then a toast says it
 * is up to date again. */
static void
stale_retry_cb (CrsWindow *self)
{
  if (self->model != NULL)
    crs_ward_model_reload (self->model, NULL);
}

static void
page_stale_retry_cb (CrsWindow *self)
{
  if (self->patient_id != 0)
    _crs_window_show_patient (self, self->patient_id);
}

static void
stale_error_cb (CrsWardModel *model,
                GParamSpec   *pspec,
                CrsWindow    *self)
{
  const GError *error = crs_ward_model_get_stale_error (model);
  gint64 read_at = crs_ward_model_get_read_at (model);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;

  if (self->patient_id == 0)
    show_placeholder (self);

  if (error == NULL)
    {
      gtk_revealer_set_reveal_child (self->stale_revealer, FALSE);
      _crs_window_toast (self, _("The ward list is up to date again."));
      _crs_window_offer_drafts_again (self);
      return;
    }

  reason = _crs_window_reason (error);
  if (read_at != 0)
    {
      g_autofree char *when = crs_format_time (read_at, _crs_window_now (self));
      /* TRANSLATORS: the time of the ward list still shown, e.g. "… from 14:05." */
      title = g_strdup_printf (_("The ward list could not be updated. Showing the list from %s."), when);
    }
  else
    title = g_strdup (_("The ward list could not be read."));
  /* TRANSLATORS: why the ward list could not be read */
  detail = g_strdup_printf (_("%s. It is tried again at the next change and every minute."), reason);
  gtk_label_set_label (self->stale_title, title);
  gtk_label_set_label (self->stale_detail, detail);
  gtk_revealer_set_reveal_child (self->stale_revealer, TRUE);
}

static void
reference_failed_cb (CrsWardModel *model,
                     CrsWindow    *self)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: why the therapy reference could not be read */
  message = g_strdup_printf (_("The therapy reference could not be read: %s. Onset windows are unknown, "
                               "so the ward's observation interval applies."),
                             crs_ward_model_get_reference_error (model));
  _crs_window_toast (self, message);
}

static void
store_changed_cb (CrsStore  *store,
                  gint64     patient_id,
                  CrsWindow *self)
{
  /* The ward list has read the store already (its model was connected
   * first). A change of no one patient may be a ward setting. */
  if (patient_id == 0)
    {
      load_policy (self);
      show_ward_name (self);
      _crs_window_update_signin (self);
    }

  /* A patient who left the ward (archived) leaves the page too. */
  if (self->patient_id != 0 && crs_ward_model_find (self->model, self->patient_id) == NULL)
    {
      _crs_window_show_patient (self, 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
    }
  else if (self->patient_id != 0 && (patient_id == 0 || patient_id == self->patient_id))
    _crs_window_show_patient (self, self->patient_id);
  else if (self->patient_id == 0)
    show_placeholder (self);
  _crs_window_update_actions (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  CrsWindow *self = user_data;

  crs_ward_model_tick (self->model, _crs_window_now (self));
  /* The page says when the next set is due too, and "yesterday" moves. */
  if (self->patient_id != 0)
    _crs_window_show_patient (self, self->patient_id);
  /* A kept set that could not be opened is tried again each minute. */
  _crs_window_offer_drafts_again (self);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Signals */

static void
patient_selected_cb (CrsWindow *self,
                     gint64     patient_id)
{
  if (patient_id != self->patient_id)
    _crs_window_show_patient (self, patient_id);
}

static void
patient_activated_cb (CrsWindow *self,
                      gint64     patient_id)
{
  if (patient_id != self->patient_id)
    _crs_window_show_patient (self, patient_id);
  if (self->patient_id != 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      /* Opened (Enter, a click): the keyboard goes on into the page, to the
       * banner's Acknowledge when there is one. Arrows in the list only
       * show the patient and leave the focus in the list. */
      gtk_widget_child_focus (GTK_WIDGET (self->patient_page), GTK_DIR_TAB_FORWARD);
    }
}

static void
folded_changed_cb (CrsWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* On a narrow window the patient's name needs the room: Record becomes
   * an icon (its tooltip and accessible name stay). */
  if (folded)
    gtk_menu_button_set_icon_name (self->record_button, "list-add-symbolic");
  else
    gtk_menu_button_set_label (self->record_button, _("_Record"));
  crs_patient_page_set_compact (self->patient_page, folded);

  /* Folded with nobody shown, the ward list is the page to see. */
  if (folded && self->patient_id == 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
_crs_window_reset_author (CrsWindow *self)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (self->settings, "nurse-name"));

  /* Empty: the login name, as the store's own default. A signed-in
   * nurse's name comes before it (crs-store-nurses.h). */
  if (self->store != NULL)
    crs_store_set_author (self->store, *name != '\0' ? name : g_get_user_name ());
}

static void
nurse_name_changed_cb (GSettings  *settings,
                       const char *key,
                       CrsWindow  *self)
{
  _crs_window_reset_author (self);
}

static void
temperature_unit_changed_cb (GSettings  *settings,
                             const char *key,
                             CrsWindow  *self)
{
  if (self->store == NULL)
    return;
  load_policy (self);
  if (self->patient_id != 0)
    _crs_window_show_patient (self, self->patient_id);
}

/* ---------------------------------------------------------------------- */

static gboolean
crs_window_close_request (GtkWindow *window)
{
  save_window_state (CRS_WINDOW (window));
  return GTK_WINDOW_CLASS (crs_window_parent_class)->close_request (window);
}

/* The application's store, once the window belongs to it (GtkWindow's
 * "application" is set after construction). */
static void
setup_store (CrsWindow      *self,
             CrsApplication *app)
{
  g_autoptr(GError) error = NULL;
  CrsStore *store;

  store = app != NULL ? crs_application_get_store (app) : NULL;
  if (store == NULL)
    {
      /* The application has said why, in a dialog; the window stays
       * empty rather than show another ward. */
      _crs_window_update_actions (self);
      return;
    }
  self->store = g_object_ref (store);
  self->reference = crs_reference_open_default (&error);
  if (self->reference == NULL)
    {
      /* Every therapy's onset window is then unknown: the nurse is told
       * why the stricter interval applies to everyone. */
      g_autofree char *message = g_strdup_printf (_("No therapy reference: %s. Onset windows are unknown, "
                                                     "so the ward's observation interval applies."),
                                                  error->message);
      g_debug ("No therapy reference: %s", error->message);
      _crs_window_toast (self, message);
    }

  nurse_name_changed_cb (self->settings, "nurse-name", self);
  self->model = crs_ward_model_new (self->store, self->reference);
  g_signal_connect_object (self->model, "notify::stale-error", G_CALLBACK (stale_error_cb), self, 0);
  g_signal_connect_object (self->model, "reference-failed", G_CALLBACK (reference_failed_cb), self, 0);
  load_policy (self);
  crs_ward_list_set_model (self->ward_list, self->model);
  crs_patient_page_set_store (self->patient_page, self->store, self->reference);
  /* After the model's own handler, so that the list is up to date when
   * the page and the actions look at it. */
  self->store_changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  /* Saves of other windows and workstations reach this one within a
   * second or so, as "changed" (a set entered at the nurses' station is
   * on the screen in bay 3 seconds later). */
  crs_store_watch_outside_changes (self->store, OUTSIDE_CHANGES_MS);

  /* A failure is said by stale_error_cb (), and tried again every minute. */
  crs_ward_model_reload (self->model, NULL);
  show_ward_name (self);
  show_placeholder (self);
  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
  _crs_window_update_actions (self);
  _crs_window_lock_setup (self);
  /* Locked, they wait for the nurse's sign-in (crs-window-lock.c). */
  _crs_window_offer_drafts (self);
}

static void
crs_window_dispose (GObject *object)
{
  CrsWindow *self = CRS_WINDOW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->offer_drafts_id, g_source_remove);
  _crs_window_lock_dispose (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  if (self->archive_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->archive_toast, self);
  g_clear_object (&self->archive_toast);
  g_clear_pointer (&self->archived_name, g_free);
  g_clear_pointer (&self->drafts_told, g_hash_table_unref);
  g_clear_pointer (&self->drafts_waiting, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_WINDOW);
  g_clear_object (&self->model);
  g_clear_object (&self->reference);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crs_window_parent_class)->dispose (object);
}

static void
crs_window_finalize (GObject *object)
{
  g_free (CRS_WINDOW (object)->sort);
  g_hash_table_unref (CRS_WINDOW (object)->enabled);
  G_OBJECT_CLASS (crs_window_parent_class)->finalize (object);
}

static void
crs_window_class_init (CrsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crs_window_dispose;
  object_class->finalize = crs_window_finalize;
  window_class->close_request = crs_window_close_request;

  g_type_ensure (CRS_TYPE_WARD_LIST);
  g_type_ensure (CRS_TYPE_PATIENT_PAGE);
  g_type_ensure (CRS_TYPE_LOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, ward_title);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, ward_list);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, page_stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, page_stale_label);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, stale_title);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, stale_detail);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, record_button);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, patient_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, patient_stack);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, select_page);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, patient_page);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, CrsWindow, switch_button);
  gtk_widget_class_bind_template_callback (widget_class, patient_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, patient_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stale_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_stale_retry_cb);

  _crs_window_class_actions_init (klass);
  _crs_window_lock_class_init (klass);
}

static void
crs_window_init (CrsWindow *self)
{
  self->enabled = g_hash_table_new (g_str_hash, g_str_equal);
  self->drafts_told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->drafts_waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _crs_window_lock_init (self);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID_BASE);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  crs_ward_policy_init (&self->policy);

  /* The switcher at the bottom when the one in the header bar does not
   * fit (a narrow window). */
  g_object_bind_property (self->switcher_title, "title-visible",
                          crs_patient_page_get_switcher_bar (self->patient_page), "reveal",
                          G_BINDING_SYNC_CREATE);
  crs_ward_list_set_key_capture_widget (self->ward_list, GTK_WIDGET (self));

  g_signal_connect_object (self->settings, "changed::nurse-name",
                           G_CALLBACK (nurse_name_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::temperature-unit",
                           G_CALLBACK (temperature_unit_changed_cb), self, 0);
  temperature_unit_changed_cb (self->settings, "temperature-unit", self);
  /* The order of the ward list (win.sort, the main menu's radio items)
   * is the setting's, both ways. */
  g_settings_bind (self->settings, "ward-sort", self, "sort", G_SETTINGS_BIND_DEFAULT);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

CrsWindow *
crs_window_new (CrsApplication *application)
{
  CrsWindow *self = g_object_new (CRS_TYPE_WINDOW,
                                  "application", application,
                                  NULL);

  if (application != NULL)
    _crs_window_set_accels (GTK_APPLICATION (application));
  setup_store (self, application);
  return self;
}

void
crs_window_set_demo (CrsWindow *self,
                     gboolean   demo)
{
  g_return_if_fail (CRS_IS_WINDOW (self));

  /* In the title of the window and above the ward list: wherever the
   * nurse looks, this is not the real ward. */
  gtk_window_set_title (GTK_WINDOW (self), demo ? _("CRS Watch (Demo Ward)") : _("CRS Watch"));
  adw_window_title_set_subtitle (self->ward_title, demo ? _("Demo ward") : "");
}

void
crs_window_set_clock (CrsWindow *self,
                      gint64     now)
{
  g_return_if_fail (CRS_IS_WINDOW (self));

  self->clock = now;
  if (self->model != NULL)
    crs_ward_model_set_now (self->model, now);
  if (self->patient_id != 0)
    _crs_window_show_patient (self, self->patient_id);
}

gboolean
crs_window_select_patient (CrsWindow *self,
                           gint64     patient_id)
{
  g_return_val_if_fail (CRS_IS_WINDOW (self), FALSE);

  if (!crs_ward_list_select (self->ward_list, patient_id))
    return FALSE;
  _crs_window_show_patient (self, patient_id);
  if (patient_id != 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

gint64
crs_window_get_patient (CrsWindow *self)
{
  g_return_val_if_fail (CRS_IS_WINDOW (self), 0);
  return self->patient_id;
}
