/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-set-draft.h: an observation set that could not reach the ward
 * database (a shared ward's server down, a database held too long), kept
 * on this workstation until it is saved or a nurse discards it.
 *
 * A draft is a one-patient ward XML file (crs-ward-xml.h) in the user's
 * drafts folder ($XDG_DATA_HOME/crs-watch/drafts, mode 0700), written
 * with mode 0600 and replaced atomically, so a crash leaves the old copy
 * or the new one. Its settings say which ward, patient and account it
 * belongs to and, for an amendment, which set it amends and why. */
#pragma once

#include "core/crs-model.h"

G_BEGIN_DECLS

typedef struct
{
  char           *path;        /* NULL until kept */
  char           *ward_id;     /* crs_store_get_ward_id() of the ward it belongs to */
  CrsPatient     *patient;     /* as it was when the set was typed */
  CrsObservation *observation; /* what was typed, graded */
  gint64          account_id;  /* the signed-in nurse; 0: sign-in was off */
  gint64          amends_id;   /* the set amended; 0: a new set */
  char           *reason;      /* the amendment's reason, or NULL */
  gint64          kept_at;     /* Unix seconds, when it was last kept */
} CrsSetDraft;

/* A draft of @observation (copied) for @patient (copied), not yet kept. */
CrsSetDraft *crs_set_draft_new     (const char      *ward_id,
                                    CrsPatient      *patient,
                                    CrsObservation  *observation,
                                    gint64           account_id,
                                    gint64           amends_id,
                                    const char      *reason);
void         crs_set_draft_free    (CrsSetDraft     *draft);

/* The drafts folder, created with mode 0700 on demand. */
char        *crs_set_draft_dir     (GError         **error);

/* Writes @draft to its file, or to a new file in @dir when it has none
 * yet, and sets ->kept_at (and ->path). */
gboolean     crs_set_draft_keep    (CrsSetDraft     *draft,
                                    const char      *dir,
                                    GError         **error);
/* Removes the draft's file; a file already gone is not an error. */
gboolean     crs_set_draft_discard (CrsSetDraft     *draft,
                                    GError         **error);

/* The drafts in @dir for the ward @ward_id, oldest first. A file that
 * cannot be read is left where it is and named in @problems (char *
 * messages, may be NULL). A folder that does not exist holds none. */
GPtrArray   *crs_set_draft_list    (const char      *dir,
                                    const char      *ward_id,
                                    GPtrArray      **problems,
                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrsSetDraft, crs_set_draft_free)

G_END_DECLS
