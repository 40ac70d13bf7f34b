/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-lock-page.c: the sign-in page of a locked window (crs-lock-page.h). */
#define G_LOG_DOMAIN "crs-lock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "store/crs-store-nurses.h"
#include "crs-lock-page.h"

struct _CrsLockPage
{
  GtkWidget parent_instance;

  CrsStore   *store;
  GPtrArray  *user_names;      /* of the rows of nurse_row, in order */
  guint       wrong_in_a_row;
  guint       wait;            /* seconds the next try waits; 0 = none */
  guint       wait_id;

  /* Template widgets */
  AdwStatusPage    *status;
  AdwComboRow      *nurse_row;
  GtkPasswordEntry *pin_entry;
  GtkLabel         *message_label;
  GtkButton        *sign_in_button;
};

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CrsLockPage, crs_lock_page, GTK_TYPE_WIDGET)

static void
show_message (CrsLockPage *self,
              const char  *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static gboolean
wait_over_cb (gpointer user_data)
{
  CrsLockPage *self = user_data;

  self->wait_id = 0;
  self->wait = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), TRUE);
  return G_SOURCE_REMOVE;
}

/* The wait after the @wrong-th wrong PIN in a row. */
static guint
wait_after (guint wrong)
{
  if (wrong < CRS_LOCK_PAGE_FREE_TRIES)
    return 0;
  return MIN ((wrong - CRS_LOCK_PAGE_FREE_TRIES + 1) * CRS_LOCK_PAGE_WAIT_STEP_S,
              CRS_LOCK_PAGE_WAIT_MAX_S);
}

gboolean
crs_lock_page_sign_in (CrsLockPage *self)
{
  g_autoptr(GError) error = NULL;
  guint chosen;
  const char *user_name;
  const char *pin;

  g_return_val_if_fail (CRS_IS_LOCK_PAGE (self), FALSE);

  if (self->store == NULL || self->wait > 0)
    return FALSE;
  chosen = adw_combo_row_get_selected (self->nurse_row);
  if (chosen == GTK_INVALID_LIST_POSITION || chosen >= self->user_names->len)
    {
      show_message (self, _("Choose your name first."));
      return FALSE;
    }
  user_name = g_ptr_array_index (self->user_names, chosen);
  pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));

  if (!crs_store_sign_in (self->store, user_name, pin, &error))
    {
      g_autofree char *text = NULL;

      /* A wrong PIN counts; a store that cannot be read does not. */
      if (g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_INVALID))
        self->wrong_in_a_row++;
      self->wait = wait_after (self->wrong_in_a_row);
      if (self->wait > 0)
        {
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s Too many wrong tries: wait %u second before the next one.",
                                               "%s Too many wrong tries: wait %u seconds before the next one.",
                                               self->wait),
                                  error->message, self->wait);
          gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), FALSE);
          g_clear_handle_id (&self->wait_id, g_source_remove);
          self->wait_id = g_timeout_add_seconds (self->wait, wait_over_cb, self);
        }
      show_message (self, text != NULL ? text : error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
      return FALSE;
    }

  self->wrong_in_a_row = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  show_message (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0);
  return TRUE;
}

static void
pin_activate_cb (CrsLockPage *self)
{
  crs_lock_page_sign_in (self);
}

static void
sign_in_clicked_cb (CrsLockPage *self)
{
  crs_lock_page_sign_in (self);
}

void
crs_lock_page_reset (CrsLockPage *self,
                     const char  *user_name)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) nurses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  guint chosen = GTK_INVALID_LIST_POSITION;
  guint old;

  g_return_if_fail (CRS_IS_LOCK_PAGE (self));

  old = adw_combo_row_get_selected (self->nurse_row);
  if (user_name != NULL)
    keep = g_strdup (user_name);
  else if (old != GTK_INVALID_LIST_POSITION && old < self->user_names->len)
    keep = g_strdup (g_ptr_array_index (self->user_names, old));

  g_ptr_array_set_size (self->user_names, 0);
  if (self->store != NULL)
    nurses = crs_store_list_nurses (self->store, FALSE, &error);
  if (nurses == NULL && error != NULL)
    show_message (self, error->message);
  for (guint i = 0; nurses != NULL && i < nurses->len; i++)
    {
      CrsNurse *nurse = g_ptr_array_index (nurses, i);

      gtk_string_list_append (names, nurse->display_name);
      g_ptr_array_add (self->user_names, g_strdup (nurse->user_name));
      if (g_strcmp0 (nurse->user_name, keep) == 0)
        chosen = i;
    }
  adw_combo_row_set_model (self->nurse_row, G_LIST_MODEL (names));
  if (chosen != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->nurse_row, chosen);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
}

void
crs_lock_page_focus (CrsLockPage *self)
{
  g_return_if_fail (CRS_IS_LOCK_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

guint
crs_lock_page_get_wait (CrsLockPage *self)
{
  g_return_val_if_fail (CRS_IS_LOCK_PAGE (self), 0);
  return self->wait;
}

void
crs_lock_page_set_store (CrsLockPage *self,
                         CrsStore    *store)
{
  g_return_if_fail (CRS_IS_LOCK_PAGE (self));

  g_set_object (&self->store, store);
  crs_lock_page_reset (self, NULL);
}

static void
crs_lock_page_dispose (GObject *object)
{
  CrsLockPage *self = CRS_LOCK_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->wait_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_LOCK_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->user_names, g_ptr_array_unref);

  G_OBJECT_CLASS (crs_lock_page_parent_class)->dispose (object);
}

static void
crs_lock_page_class_init (CrsLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_lock_page_dispose;

  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsLockPage, status);
  gtk_widget_class_bind_template_child (widget_class, CrsLockPage, nurse_row);
  gtk_widget_class_bind_template_child (widget_class, CrsLockPage, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, CrsLockPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, CrsLockPage, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, pin_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
}

static void
crs_lock_page_init (CrsLockPage *self)
{
  self->user_names = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
