/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window-drafts.c: observation sets kept on this workstation because
 * the ward database could not be reached when they were saved
 * (crs-set-draft.h). When the ward opens, and whenever a nurse signs in,
 * the window opens the first of this ward's kept sets in its form, filled
 * as it was typed; once that form is saved or discarded, the next. With
 * sign-in on, a set comes back only to the nurse who typed it; another
 * nurse is told, once at each sign-in, that it waits for them. */
#define G_LOG_DOMAIN "crs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/crs-set-draft.h"
#include "store/crs-store-nurses.h"
#include "crs-observation-dialog.h"
#include "crs-window-private.h"

static void
draft_dialog_destroyed_cb (GtkWidget *dialog,
                           CrsWindow *self)
{
  if (self->draft_dialog != dialog)
    return;
  self->draft_dialog = NULL;
  /* The next kept set, once this form is gone. */
  _crs_window_offer_drafts (self);
}

/* A kept set that cannot come back here: said once, the file left as it
 * is for the nurse in charge or IT. */
static void
tell_once (CrsWindow  *self,
           const char *key,
           const char *message)
{
  if (g_hash_table_contains (self->drafts_told, key))
    return;
  g_hash_table_add (self->drafts_told, g_strdup (key));
  _crs_window_toast (self, message);
}

/* A kept set that cannot be opened now, because the ward cannot be read
 * (the server gone, the file held): said once, and offered again when the
 * ward list is read again (_crs_window_offer_drafts_again). */
static void
tell_not_now (CrsWindow    *self,
              CrsSetDraft  *draft,
              const GError *error)
{
  g_autofree char *key = g_strconcat ("not-now:", draft->path, NULL);
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  self->drafts_not_now = TRUE;
  if (g_hash_table_contains (self->drafts_told, key))
    return;
  reason = _crs_window_reason (error);
  /* TRANSLATORS: %s says why the ward database cannot be read */
  message = g_strdup_printf (_("A kept observation set cannot be opened yet: %s. It opens once the ward "
                               "can be read again."), reason);
  tell_once (self, key, message);
}

/* Says that a set kept for the nurse with account @account_id waits for
 * their sign-in (not what it holds, nor whose patient). */
static void
tell_waiting (CrsWindow *self,
              gint64     account_id)
{
  g_autoptr(GPtrArray) nurses = crs_store_list_nurses (self->store, TRUE, NULL);

  for (guint i = 0; nurses != NULL && i < nurses->len; i++)
    {
      CrsNurse *nurse = g_ptr_array_index (nurses, i);

      if (nurse->id == account_id)
        {
          /* TRANSLATORS: after a sign-in, about a set another nurse typed
           * while the ward database could not be reached */
          g_autofree char *message = g_strdup_printf (_("A kept observation set of %s waits for "
                                                        "them to sign in."), nurse->display_name);
          _crs_window_toast (self, message);
          return;
        }
    }
}

/* The form for @draft, or NULL with the reason told (the draft is then
 * freed, its file kept). Takes @draft. */
static CrsObservationDialog *
open_draft (CrsWindow   *self,
            CrsSetDraft *draft)
{
  g_autoptr(CrsSetDraft) owned = draft;
  g_autoptr(CrsPatient) patient = NULL;
  g_autoptr(CrsObservation) amend = NULL;
  g_autoptr(GError) error = NULL;

  patient = crs_store_get_patient (self->store, draft->patient->id, &error);
  if (patient == NULL && !g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND))
    {
      tell_not_now (self, draft, error);
      return NULL;
    }
  if (patient == NULL || g_strcmp0 (patient->mrn, draft->patient->mrn) != 0)
    {
      g_autofree char *message =
        /* TRANSLATORS: %s is a file name */
        g_strdup_printf (_("A kept observation set is for a patient not on this ward. "
                           "It stays in %s."), draft->path);
      tell_once (self, draft->path, message);
      return NULL;
    }
  if (draft->amends_id != 0)
    {
      amend = crs_store_get_observation (self->store, draft->amends_id, &error);
      if (amend == NULL && !g_error_matches (error, CRS_STORE_ERROR, CRS_STORE_ERROR_NOT_FOUND))
        {
          tell_not_now (self, draft, error);
          return NULL;
        }
      if (amend == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("A kept correction could not be opened: %s. It stays in %s."),
                             error->message, draft->path);
          tell_once (self, draft->path, message);
          return NULL;
        }
    }
  return crs_observation_dialog_new_from_draft (GTK_WINDOW (self), self->store, patient, amend,
                                                g_steal_pointer (&owned));
}

static void
offer_drafts (CrsWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const CrsNurse *account;
  const char *ward_id;

  if (self->store == NULL || self->locked || self->draft_dialog != NULL)
    return;
  self->drafts_not_now = FALSE;
  ward_id = crs_store_get_ward_id (self->store);
  if (ward_id == NULL)
    return;
  dir = crs_set_draft_dir (&error);
  if (dir != NULL)
    drafts = crs_set_draft_list (dir, ward_id, &problems, &error);
  if (drafts == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Kept observation sets could not be read: %s"),
                                                  error->message);
      tell_once (self, "", message);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    tell_once (self, g_ptr_array_index (problems, i), g_ptr_array_index (problems, i));

  account = crs_store_get_account (self->store);
  for (guint i = 0; i < drafts->len; i++)
    {
      CrsSetDraft *draft = g_ptr_array_index (drafts, i);
      CrsObservationDialog *dialog;

      /* Another nurse's set waits for them; one that could not be opened
       * was said once. */
      if (self->signin_on && (account == NULL || account->id != draft->account_id))
        {
          if (account != NULL && g_hash_table_add (self->drafts_waiting, g_strdup (draft->path)))
            tell_waiting (self, draft->account_id);
          continue;
        }
      if (g_hash_table_contains (self->drafts_told, draft->path))
        continue;
      dialog = open_draft (self, g_ptr_array_steal_index (drafts, i--));
      if (dialog == NULL)
        continue;
      self->draft_dialog = GTK_WIDGET (dialog);
      g_signal_connect_object (dialog, "saved", G_CALLBACK (_crs_window_observation_saved_cb), self, 0);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (draft_dialog_destroyed_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
}

static gboolean
offer_drafts_cb (gpointer user_data)
{
  CrsWindow *self = user_data;

  self->offer_drafts_id = 0;
  offer_drafts (self);
  return G_SOURCE_REMOVE;
}

void
_crs_window_offer_drafts_signed_in (CrsWindow *self)
{
  /* A new sign-in: whose sets wait is said again. */
  g_hash_table_remove_all (self->drafts_waiting);
  _crs_window_offer_drafts (self);
}

void
_crs_window_offer_drafts (CrsWindow *self)
{
  /* Once the window is up, and the form that closed has gone. No
   * reference: the window's dispose removes the source. */
  if (self->offer_drafts_id == 0)
    self->offer_drafts_id = g_idle_add (offer_drafts_cb, self);
}

void
_crs_window_offer_drafts_again (CrsWindow *self)
{
  /* Only when a kept set waited for the ward to be readable. */
  if (self->drafts_not_now)
    _crs_window_offer_drafts (self);
}
