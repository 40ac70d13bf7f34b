/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-sign-in-page.c: the Sign-In page of Preferences
 * (crs-sign-in-page.h). Every change goes to the store at once, audited
 * under the nurse signed in; a change the store refuses is undone on the
 * page and the reason shown as a toast. */
#define G_LOG_DOMAIN "crs-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "store/crs-store-nurses.h"
#include "crs-sign-in-page.h"

struct _CrsSignInPage
{
  AdwPreferencesPage parent_instance;

  CrsStore *store;
  gboolean  loading;

  /* Template widgets */
  GtkSwitch           *enabled_switch;
  GtkSpinButton       *idle_spin;
  GtkAdjustment       *idle_adjustment;
  AdwPreferencesGroup *nurses_group;
  GtkListBox          *nurses_list;
  AdwEntryRow         *user_row;
  AdwEntryRow         *name_row;
  GtkPasswordEntry    *pin_entry;
  GtkSwitch           *admin_switch;
  GtkButton           *add_button;
};

G_DEFINE_FINAL_TYPE (CrsSignInPage, crs_sign_in_page, ADW_TYPE_PREFERENCES_PAGE)

static void
toast (CrsSignInPage *self,
       const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

gboolean
crs_sign_in_page_allowed (CrsStore *store)
{
  const CrsNurse *account;

  if (store == NULL || crs_store_get_schema_version (store) < 7)
    return FALSE;
  if (!crs_store_get_signin_enabled (store))
    return TRUE;
  account = crs_store_get_account (store);
  return account != NULL && account->admin;
}

static void show_nurses (CrsSignInPage *self);

static void
active_clicked_cb (GtkButton     *button,
                   CrsSignInPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nurse-id"));
  gboolean active = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "nurse-active"));
  g_autoptr(GError) error = NULL;

  if (!crs_store_set_nurse_active (self->store, id, !active, &error))
    toast (self, error->message);
  show_nurses (self);
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CrsSignInPage    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "nurse-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") == 0)
    {
      if (!crs_store_reset_pin (self->store, id, gtk_editable_get_text (entry), &error))
        toast (self, error->message);
      else
        toast (self, _("The new PIN is saved."));
    }
  gtk_editable_set_text (entry, "");
}

static void
reset_clicked_cb (GtkButton     *button,
                  CrsSignInPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name = g_object_get_data (G_OBJECT (button), "nurse-name");
  g_autofree char *heading = g_strdup_printf (_("New PIN for %s"), name);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_password_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), heading,
                                                       _("Tell the nurse the new PIN in person.")));
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New PIN"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reset", _("_Set PIN"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reset");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "nurse-id",
                     g_object_get_data (G_OBJECT (button), "nurse-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_nurses (CrsSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nurses = crs_store_list_nurses (self->store, TRUE, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nurses_list))) != NULL)
    gtk_list_box_remove (self->nurses_list, child);
  if (nurses == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->nurses_list), nurses->len > 0);
  for (guint i = 0; i < nurses->len; i++)
    {
      CrsNurse *nurse = g_ptr_array_index (nurses, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *active = gtk_button_new_with_mnemonic (nurse->active ? _("_Disable") : _("_Enable"));
      GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Reset PIN…"));
      g_autofree char *subtitle = NULL;
      g_autofree char *active_label = NULL;
      g_autofree char *reset_label = NULL;

      /* TRANSLATORS: under a nurse's name in Preferences: user name,
       * role, and whether the account can sign in. */
      subtitle = g_strdup_printf (_("%s · %s · %s"), nurse->user_name,
                                  nurse->admin ? _("ward administrator") : _("nurse"),
                                  nurse->active ? _("active") : _("disabled"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nurse->display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* The buttons say whose account they change. */
      active_label = g_strdup_printf (nurse->active ? _("Disable %s") : _("Enable %s"),
                                      nurse->display_name);
      reset_label = g_strdup_printf (_("Reset the PIN of %s"), nurse->display_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (active), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      active_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      reset_label, -1);
      gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (active), "nurse-id", GSIZE_TO_POINTER (nurse->id));
      g_object_set_data (G_OBJECT (active), "nurse-active", GINT_TO_POINTER (nurse->active));
      g_object_set_data (G_OBJECT (reset), "nurse-id", GSIZE_TO_POINTER (nurse->id));
      g_object_set_data_full (G_OBJECT (reset), "nurse-name", g_strdup (nurse->display_name), g_free);
      g_signal_connect_object (active, "clicked", G_CALLBACK (active_clicked_cb), self, 0);
      g_signal_connect_object (reset, "clicked", G_CALLBACK (reset_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), active);
      gtk_list_box_append (self->nurses_list, row);
    }

  /* The first account runs the ward. */
  gtk_switch_set_active (self->admin_switch, nurses->len == 0 || gtk_switch_get_active (self->admin_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->admin_switch), nurses->len > 0);
}

static void
show_settings (CrsSignInPage *self)
{
  self->loading = TRUE;
  gtk_switch_set_active (self->enabled_switch, crs_store_get_signin_enabled (self->store));
  gtk_adjustment_set_value (self->idle_adjustment, crs_store_get_signin_idle_minutes (self->store));
  self->loading = FALSE;
}

static void
enabled_changed_cb (CrsSignInPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  if (!crs_store_set_signin_enabled (self->store, gtk_switch_get_active (self->enabled_switch), &error))
    {
      toast (self, error->message);
      show_settings (self);
    }
}

static void
idle_changed_cb (CrsSignInPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  if (!crs_store_set_signin_idle_minutes (self->store, gtk_spin_button_get_value_as_int (self->idle_spin),
                                          &error))
    {
      toast (self, error->message);
      show_settings (self);
    }
}

static void
add_clicked_cb (CrsSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));

  if (!crs_store_add_nurse (self->store, user, name, gtk_switch_get_active (self->admin_switch), pin,
                            NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  {
    /* TRANSLATORS: after adding a nurse account in Preferences. */
    g_autofree char *message = g_strdup_printf (_("%s can sign in now."), name);

    toast (self, message);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_switch_set_active (self->admin_switch, FALSE);
  show_nurses (self);
}

static void
crs_sign_in_page_dispose (GObject *object)
{
  CrsSignInPage *self = CRS_SIGN_IN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (crs_sign_in_page_parent_class)->dispose (object);
}

static void
crs_sign_in_page_class_init (CrsSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_sign_in_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, idle_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, nurses_group);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, nurses_list);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, admin_switch);
  gtk_widget_class_bind_template_child (widget_class, CrsSignInPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, enabled_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, idle_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
crs_sign_in_page_init (CrsSignInPage *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_adjustment_configure (self->idle_adjustment, CRS_SIGNIN_IDLE_MINUTES_DEFAULT,
                            CRS_SIGNIN_IDLE_MINUTES_MIN, CRS_SIGNIN_IDLE_MINUTES_MAX, 1, 5, 0);
  self->loading = FALSE;
}

CrsSignInPage *
crs_sign_in_page_new (CrsStore *store)
{
  CrsSignInPage *self = g_object_new (CRS_TYPE_SIGN_IN_PAGE, NULL);

  g_return_val_if_fail (CRS_IS_STORE (store), self);

  self->store = g_object_ref (store);
  show_settings (self);
  show_nurses (self);
  return self;
}
