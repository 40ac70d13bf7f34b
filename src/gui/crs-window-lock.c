/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window-lock.c: who is at the keyboard (issue 17). When the ward has
 * sign-in on (crs-store-nurses.h), the window shows its sign-in page
 * (CrsLockPage) instead of the ward until a nurse signs in; "Switch
 * Nurse" in the header (Ctrl+L) and a ward-set idle time without a key,
 * click or pointer movement in any of the app's windows lock it again.
 *
 * Locked, the window holds no patient data: the ward list has no rows,
 * the patient page shows nobody, the ward pane is hidden (so it is out of
 * the accessible tree too), the patient actions are off and every toast
 * is dismissed. The app's other windows (an observation form half typed,
 * a dialog) are hidden and parked, not closed: each comes back when the
 * nurse who had it signs in again; another nurse is told "A form of NAME
 * is parked." and sees nothing of it. Preferences are closed instead
 * (they apply as typed, and show the accounts).
 *
 * With sign-in off, none of this happens and the window works as before
 * (the author is the name from Preferences). */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "store/crs-store-nurses.h"
#include "crs-window-private.h"

typedef struct
{
  GtkWindow *window;       /* a reference */
  gint64     owner;        /* the account signed in when it was parked */
  char      *owner_name;
} ParkedWindow;

static void
parked_window_free (gpointer data)
{
  ParkedWindow *parked = data;

  g_object_unref (parked->window);
  g_free (parked->owner_name);
  g_free (parked);
}

/* ---------------------------------------------------------------------- */
/* Toasts: kept so that a lock can take them away (they may name a
 * patient). */

static void
toast_dismissed_cb (AdwToast  *toast,
                    CrsWindow *self)
{
  /* The overlay dismisses what it still holds as the window goes. */
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

void
_crs_window_add_toast (CrsWindow *self,
                       AdwToast  *toast)
{
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* libadwaita 1.2 frees a toast twice when it is dismissed during its
 * show animation (its hide animation ends first, then the show animation
 * is skipped on a freed toast): a lock a moment after a toast appeared
 * crashed. So a lock empties every toast at once, and dismisses it once
 * any show animation is over. */
#define TOAST_SHOWN_MS 600

static gboolean
dismiss_emptied_cb (gpointer data)
{
  CrsWindow *self = data;
  g_autoptr(GPtrArray) toasts = g_steal_pointer (&self->toasts_to_dismiss);

  self->dismiss_id = 0;
  /* Each dismissal takes its toast out of self->toasts; one that timed
   * out meanwhile is no longer there, and is not dismissed twice. */
  for (guint i = 0; i < toasts->len; i++)
    if (g_ptr_array_find (self->toasts, g_ptr_array_index (toasts, i), NULL))
      adw_toast_dismiss (g_ptr_array_index (toasts, i));
  return G_SOURCE_REMOVE;
}

static void
dismiss_toasts (CrsWindow *self)
{
  if (self->toasts_to_dismiss == NULL)
    self->toasts_to_dismiss = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->toasts->len; i++)
    {
      AdwToast *toast = g_ptr_array_index (self->toasts, i);

      /* Nothing of a patient stays on the screen, nor a button (Undo). */
      adw_toast_set_title (toast, "");
      adw_toast_set_button_label (toast, NULL);
      g_ptr_array_add (self->toasts_to_dismiss, g_object_ref (toast));
    }
  if (self->dismiss_id == 0)
    self->dismiss_id = g_timeout_add (TOAST_SHOWN_MS, dismiss_emptied_cb, self);
}

/* ---------------------------------------------------------------------- */
/* The idle lock */

static guint
idle_ms (CrsWindow *self)
{
  if (self->idle_ms_override > 0)
    return self->idle_ms_override;
  return (guint) crs_store_get_signin_idle_minutes (self->store) * 60 * 1000;
}

static gboolean idle_cb (gpointer user_data);

static void
schedule_idle (CrsWindow *self,
               guint      ms)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->signin_on && !self->locked)
    self->idle_id = g_timeout_add (ms, idle_cb, self);
}

static gboolean
idle_cb (gpointer user_data)
{
  CrsWindow *self = user_data;
  gint64 idle = (g_get_monotonic_time () - self->last_activity) / 1000;
  guint limit = idle_ms (self);

  self->idle_id = 0;
  if (idle >= limit)
    _crs_window_lock (self);
  else
    schedule_idle (self, limit - (guint) idle);
  return G_SOURCE_REMOVE;
}

static void
activity (CrsWindow *self)
{
  /* Only a time stamp: the timer looks at it when it fires. */
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CrsWindow             *self)
{
  activity (self);
  return GDK_EVENT_PROPAGATE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CrsWindow                *self)
{
  activity (self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CrsWindow       *self)
{
  activity (self);
}

/* Every window of the app counts: typing in a form keeps the lock away. */
static void
watch_window (CrsWindow *self,
              GtkWindow *window)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  if (g_object_get_data (G_OBJECT (window), "crs-idle-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "crs-idle-watched", GINT_TO_POINTER (1));
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), key);
  gtk_widget_add_controller (GTK_WIDGET (window), motion);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));
}

/* Whether @window belongs to this app's windows: its own, or a form or
 * dialog above one of them (those are not all added to the
 * application). */
static gboolean
is_ours (CrsWindow *self,
         GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GtkWindow *w = window; w != NULL; w = gtk_window_get_transient_for (w))
    if (w == GTK_WINDOW (self) || (app != NULL && gtk_window_get_application (w) == app))
      return TRUE;
  return FALSE;
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      CrsWindow  *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* A new window is transient for its parent only once it is set up:
       * watch every one; activity anywhere in the process is the
       * nurse's. */
      watch_window (self, window);
    }
}

/* ---------------------------------------------------------------------- */
/* Locking and signing in */

static void
show_account (CrsWindow *self)
{
  const CrsNurse *account = self->store != NULL ? crs_store_get_account (self->store) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->switch_button), self->signin_on && !self->locked);
  if (account != NULL)
    {
      g_autofree char *accessible = NULL;

      gtk_button_set_label (self->switch_button, account->display_name);
      /* TRANSLATORS: the accessible name of the header button showing
       * who is signed in. */
      accessible = g_strdup_printf (_("Signed in as %s; switch nurse"), account->display_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->switch_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

static void
set_app_action_enabled (CrsWindow  *self,
                        const char *name,
                        gboolean    enabled)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GAction *action = app != NULL ? g_action_map_lookup_action (G_ACTION_MAP (app), name) : NULL;

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
park_windows (CrsWindow *self)
{
  const CrsNurse *account = crs_store_get_account (self->store);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    g_ptr_array_add (windows, g_list_model_get_item (toplevels, i));
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);
      ParkedWindow *parked;

      if (window == GTK_WINDOW (self) || CRS_IS_WINDOW (window) ||
          !gtk_widget_get_visible (GTK_WIDGET (window)) || !is_ours (self, window))
        continue;
      /* Preferences keep nothing typed (they apply as typed) and show the
       * accounts: closed, not parked. */
      if (ADW_IS_PREFERENCES_WINDOW (window))
        {
          gtk_window_destroy (window);
          continue;
        }
      parked = g_new0 (ParkedWindow, 1);
      parked->window = g_object_ref (window);
      parked->owner = account != NULL ? account->id : 0;
      parked->owner_name = g_strdup (account != NULL ? account->display_name
                                                     : crs_store_get_author (self->store));
      g_ptr_array_add (self->parked, parked);
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
    }
}

/* After a sign-in: her own windows back, the others' named. */
static void
unpark_windows (CrsWindow *self)
{
  const CrsNurse *account = crs_store_get_account (self->store);
  g_autoptr(GPtrArray) back = g_ptr_array_new ();
  g_autoptr(GHashTable) others = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->parked->len;)
    {
      ParkedWindow *parked = g_ptr_array_index (self->parked, i);

      if (account != NULL && parked->owner == account->id)
        {
          g_ptr_array_add (back, g_object_ref (parked->window));
          g_ptr_array_remove_index (self->parked, i);
        }
      else
        {
          g_hash_table_add (others, parked->owner_name);
          i++;
        }
    }
  for (guint i = 0; i < back->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (back, i);

      gtk_window_present (window);
      g_object_unref (window);
    }
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, others);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      {
        /* TRANSLATORS: after a sign-in, about a form another nurse left
         * open when the window locked; its contents are not shown. */
        g_autofree char *message = g_strdup_printf (_("A form of %s is parked."), (char *) name);

        _crs_window_toast (self, message);
      }
  }
}

void
_crs_window_lock (CrsWindow *self)
{
  if (self->store == NULL || !self->signin_on || self->locked)
    return;

  self->locked = TRUE;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  park_windows (self);
  crs_store_sign_out (self->store);
  dismiss_toasts (self);

  /* Nothing of any patient stays in a widget. */
  self->locked_patient_id = self->patient_id;
  _crs_window_show_patient (self, 0);
  crs_patient_page_clear (self->patient_page, &self->policy, _crs_window_now (self));
  crs_ward_list_set_locked (self->ward_list, TRUE);
  gtk_stack_set_visible_child_name (self->lock_stack, "lock");
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), FALSE);

  set_app_action_enabled (self, "preferences", FALSE);
  _crs_window_update_actions (self);
  show_account (self);
  crs_lock_page_reset (self->lock_page, NULL);
  crs_lock_page_focus (self->lock_page);
}

static void
unlock (CrsWindow *self,
        gboolean   same_nurse)
{
  self->locked = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), TRUE);
  gtk_stack_set_visible_child_name (self->lock_stack, "ward");
  crs_ward_list_set_locked (self->ward_list, FALSE);
  /* The same nurse finds the patient she left; another starts at the
   * ward list. */
  if (same_nurse && self->locked_patient_id != 0)
    crs_window_select_patient (self, self->locked_patient_id);
  else
    crs_ward_list_focus (self->ward_list);
  self->locked_patient_id = 0;
  set_app_action_enabled (self, "preferences", TRUE);
  _crs_window_update_actions (self);
  show_account (self);
  activity (self);
  schedule_idle (self, idle_ms (self));
}

static void
signed_in_cb (CrsLockPage *page,
              CrsWindow   *self)
{
  const CrsNurse *account = crs_store_get_account (self->store);
  gboolean same = account != NULL && account->id == self->last_account;

  self->last_account = account != NULL ? account->id : 0;
  unlock (self, same);
  unpark_windows (self);
  _crs_window_offer_drafts_signed_in (self);
}

/* Sign-in turned on or off in Preferences (or by another workstation):
 * on, the window locks at once; off, it opens with the author from
 * Preferences. */
void
_crs_window_update_signin (CrsWindow *self)
{
  gboolean on = self->store != NULL && crs_store_get_signin_enabled (self->store);

  if (on == self->signin_on)
    {
      /* The idle time may have changed. */
      if (on && !self->locked)
        schedule_idle (self, idle_ms (self));
      return;
    }
  self->signin_on = on;
  if (on)
    {
      /* Whoever turned it on signs in like everyone else. */
      self->last_account = 0;
      _crs_window_lock (self);
      return;
    }
  crs_store_sign_out (self->store);
  _crs_window_reset_author (self);
  if (self->locked)
    {
      unlock (self, FALSE);
      /* Parked windows have no owner to wait for now. */
      for (guint i = 0; i < self->parked->len; i++)
        gtk_window_present (((ParkedWindow *) g_ptr_array_index (self->parked, i))->window);
      g_ptr_array_set_size (self->parked, 0);
      _crs_window_offer_drafts (self);
    }
  g_clear_handle_id (&self->idle_id, g_source_remove);
  show_account (self);
}

static void
switch_nurse_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrsWindow *self = CRS_WINDOW (widget);
  const CrsNurse *account = self->store != NULL ? crs_store_get_account (self->store) : NULL;
  g_autofree char *user_name = account != NULL ? g_strdup (account->user_name) : NULL;

  _crs_window_lock (self);
  /* Her name stays chosen: locking by hand is often a nurse's own pause. */
  if (user_name != NULL)
    crs_lock_page_reset (self->lock_page, user_name);
}

gboolean
_crs_window_is_locked (CrsWindow *self)
{
  return self->locked;
}

void
_crs_window_lock_setup (CrsWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  crs_lock_page_set_store (self->lock_page, self->store);
  g_signal_connect_object (self->lock_page, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), self);
  g_signal_connect_object (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), self, 0);
  _crs_window_update_signin (self);
}

void
_crs_window_lock_init (CrsWindow *self)
{
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->parked = g_ptr_array_new_with_free_func (parked_window_free);
}

void
_crs_window_lock_dispose (CrsWindow *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->dismiss_id, g_source_remove);
  g_clear_pointer (&self->toasts_to_dismiss, g_ptr_array_unref);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  /* The app destroys its windows at quit; a parked one is destroyed with
   * the window it belongs to. */
  if (self->parked != NULL)
    for (guint i = 0; i < self->parked->len; i++)
      {
        GtkWindow *window = ((ParkedWindow *) g_ptr_array_index (self->parked, i))->window;
        GListModel *toplevels = gtk_window_get_toplevels ();

        for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
          {
            g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, j);

            if (toplevel == G_OBJECT (window))
              {
                gtk_window_destroy (window);
                break;
              }
          }
      }
  g_clear_pointer (&self->parked, g_ptr_array_unref);
}

void
_crs_window_lock_class_init (CrsWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.switch-nurse", NULL,
                                   switch_nurse_cb);
}

void
crs_window_set_idle_timeout (CrsWindow *self,
                             guint      milliseconds)
{
  g_return_if_fail (CRS_IS_WINDOW (self));

  self->idle_ms_override = milliseconds;
  activity (self);
  if (self->signin_on && !self->locked)
    schedule_idle (self, idle_ms (self));
}
