/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-acknowledge-dialog.c: acknowledging a patient's red flags.
 *
 * One acknowledgement per open set, all in one transaction, each audited
 * by the store. The acknowledgement carries the name typed here (the
 * nurse who took the call); the audit row, as every audit row, the
 * workstation's author. */
#define G_LOG_DOMAIN "crs-acknowledge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "store/crs-store-nurses.h"
#include "crs-acknowledge-dialog-private.h"

struct _CrsAcknowledgeDialog
{
  AdwMessageDialog parent_instance;

  CrsStore  *store;
  GPtrArray *observations;

  AdwEntryRow *name_row;
  AdwEntryRow *informed_row;
};

enum {
  SIGNAL_ACKNOWLEDGED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CrsAcknowledgeDialog, crs_acknowledge_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
entry_changed_cb (CrsAcknowledgeDialog *self)
{
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *informed = stripped_text (self->informed_row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "acknowledge",
                                           *name != '\0' && *informed != '\0');
}

static gboolean
save (CrsAcknowledgeDialog  *self,
      const char            *name,
      const char            *note,
      GError               **error)
{
  if (!crs_store_begin_batch (self->store, error))
    return FALSE;
  for (guint i = 0; i < self->observations->len; i++)
    {
      CrsObservation *obs = g_ptr_array_index (self->observations, i);
      CrsAcknowledgement ack = { 0, obs->id, 0, g_strdup (name), (char *) note };
      gboolean ok = crs_store_add_acknowledgement (self->store, &ack, error);

      /* Ours either way: our copy, or the one the store put in its place. */
      g_free (ack.author);
      if (!ok)
        {
          crs_store_rollback_batch (self->store);
          return FALSE;
        }
    }
  return crs_store_commit_batch (self->store, error);
}

static void
crs_acknowledge_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  CrsAcknowledgeDialog *self = CRS_ACKNOWLEDGE_DIALOG (dialog);

  if (g_strcmp0 (response, "acknowledge") == 0)
    {
      g_autofree char *name = stripped_text (self->name_row);
      g_autofree char *note = stripped_text (self->informed_row);
      g_autoptr(GError) error = NULL;

      if (*name == '\0' || *note == '\0')
        return;
      if (save (self, name, note, &error))
        g_signal_emit (self, signals[SIGNAL_ACKNOWLEDGED], 0, self->observations->len);
      else
        g_signal_emit (self, signals[SIGNAL_FAILED], 0, error, note);
    }

  /* AdwMessageDialog closes itself after the signal; it has no default
   * handler to chain up to in every version. */
  if (ADW_MESSAGE_DIALOG_CLASS (crs_acknowledge_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (crs_acknowledge_dialog_parent_class)->response (dialog, response);
}

static void
crs_acknowledge_dialog_dispose (GObject *object)
{
  CrsAcknowledgeDialog *self = CRS_ACKNOWLEDGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_ACKNOWLEDGE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->observations, g_ptr_array_unref);
  G_OBJECT_CLASS (crs_acknowledge_dialog_parent_class)->dispose (object);
}

static void
crs_acknowledge_dialog_class_init (CrsAcknowledgeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_acknowledge_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = crs_acknowledge_dialog_response;

  signals[SIGNAL_ACKNOWLEDGED] =
    g_signal_new ("acknowledged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-acknowledge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsAcknowledgeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrsAcknowledgeDialog, informed_row);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
crs_acknowledge_dialog_init (CrsAcknowledgeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrsAcknowledgeDialog *
crs_acknowledge_dialog_new (GtkWindow  *parent,
                            CrsStore   *store,
                            GPtrArray  *observations,
                            const char *findings,
                            const char *note,
                            const char *problem)
{
  CrsAcknowledgeDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CRS_IS_STORE (store), NULL);
  g_return_val_if_fail (observations != NULL && observations->len > 0, NULL);

  self = g_object_new (CRS_TYPE_ACKNOWLEDGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->observations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < observations->len; i++)
    g_ptr_array_add (self->observations, g_object_ref (g_ptr_array_index (observations, i)));

  /* TRANSLATORS: %s names the red flags, e.g. "NEWS2 8 (high) and seizure" */
  body = g_strdup_printf (_("Red flag: %s.\nRecord that you have seen it and whom you told. "
                            "It is kept with your name in the audit log."),
                          findings != NULL ? findings : _("A red flag"));
  if (problem != NULL)
    {
      g_autofree char *with_problem = g_strdup_printf ("%s\n\n%s", problem, body);
      g_free (body);
      body = g_steal_pointer (&with_problem);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), crs_store_get_author (store));
  /* A signed-in nurse acknowledges in her own name (crs-store-nurses.h). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), crs_store_get_account (store) == NULL);
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->informed_row), note);
  entry_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->informed_row));
  return self;
}

AdwEntryRow *
crs_acknowledge_dialog_get_name_row (CrsAcknowledgeDialog *self)
{
  g_return_val_if_fail (CRS_IS_ACKNOWLEDGE_DIALOG (self), NULL);
  return self->name_row;
}

AdwEntryRow *
crs_acknowledge_dialog_get_informed_row (CrsAcknowledgeDialog *self)
{
  g_return_val_if_fail (CRS_IS_ACKNOWLEDGE_DIALOG (self), NULL);
  return self->informed_row;
}
