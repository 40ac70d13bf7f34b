/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-window-private.h: what the files of CrsWindow share
 * (crs-window.c: the panes and what they show; crs-window-actions.c: the
 * window's actions and the dialogs they open). */
#pragma once

#include "core/crs-ward-policy.h"
#include "report/crs-handover.h"
#include "crs-lock-page.h"
#include "crs-observation-dialog.h"
#include "crs-patient-page.h"
#include "crs-ward-list.h"
#include "crs-ward-model.h"
#include "crs-window.h"

G_BEGIN_DECLS

struct _CrsWindow
{
  AdwApplicationWindow parent_instance;

  GSettings     *settings;
  CrsStore      *store;           /* the application's; NULL when it could not be opened */
  CrsReference  *reference;       /* NULL when the therapy reference is missing */
  CrsWardModel  *model;
  CrsWardPolicy  policy;
  gint64         clock;           /* 0 = the real time */
  guint          tick_id;
  gulong         store_changed_id;
  gint64         patient_id;      /* shown on the patient page; 0 = none */
  char          *sort;            /* "bed" or "urgency" (the win.sort action) */
  GHashTable    *enabled;         /* action name -> 1 disabled, 2 enabled */
  gint64         archived_id;     /* the patient win.undo-archive restores; 0 = none */
  AdwToast      *archive_toast;   /* its toast while shown */
  char          *archived_name;   /* the name that toast shows */
  gint64         page_read_at;    /* when the patient page shown was read */
  GtkFileChooserNative *export_chooser; /* Export FHIR…'s, while it is open */

  /* Sign-in (crs-window-lock.c) */
  gboolean       signin_on;       /* the ward's signin.enabled, as last read */
  gboolean       locked;          /* the sign-in page is shown */
  GPtrArray     *toasts;          /* AdwToast * shown or queued (a lock dismisses them) */
  GPtrArray     *toasts_to_dismiss; /* emptied by a lock, dismissed a moment later */
  guint          dismiss_id;      /* the timeout that dismisses them */
  GPtrArray     *parked;          /* the app's windows hidden by a lock, with their nurse */
  guint          idle_id;
  gint64         last_activity;   /* monotonic µs of the last key, click or motion */
  guint          idle_ms_override; /* tests: the idle time in ms (0: the ward setting) */
  gint64         locked_patient_id; /* the patient shown when the window locked */
  gint64         last_account;    /* the nurse signed in before the lock */

  /* Kept observation sets (crs-window-drafts.c) */
  GtkWidget     *draft_dialog;    /* the form of the one open now, or NULL */
  GHashTable    *drafts_told;     /* files (and problems) already said: not again */
  gboolean       drafts_not_now;  /* a kept set waits for the ward to be readable */
  GHashTable    *drafts_waiting;  /* other nurses' files said since the last sign-in */
  guint          offer_drafts_id; /* the idle that opens the next one */

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  AdwWindowTitle     *ward_title;
  CrsWardList        *ward_list;
  GtkRevealer        *stale_revealer;
  GtkRevealer        *page_stale_revealer;
  GtkLabel           *page_stale_label;
  GtkLabel           *stale_title;
  GtkLabel           *stale_detail;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton      *record_button;
  GtkMenuButton      *patient_menu_button;
  GtkStack           *patient_stack;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *select_page;
  CrsPatientPage     *patient_page;
  GtkStack           *lock_stack;
  CrsLockPage        *lock_page;
  GtkButton          *switch_button;
};

/* The time the window works with (the real time, unless set). */
gint64      _crs_window_now              (CrsWindow  *self);
/* @error's message to go inside a sentence of the window's: the store's
 * messages are sentences, and one full stop is enough. */
char       *_crs_window_reason           (const GError *error);
/* Shows @patient_id on the patient page (0: none), reading it afresh. */
void        _crs_window_show_patient     (CrsWindow  *self,
                                          gint64      patient_id);
/* Enables the actions that need a patient, or an open red flag. */
void        _crs_window_update_actions   (CrsWindow  *self);
/* A short message; @error's message when given. */
void        _crs_window_toast            (CrsWindow  *self,
                                          const char *message);

void        _crs_window_class_actions_init (CrsWindowClass *klass);
/* An observation form's "saved": the toast. */
void        _crs_window_observation_saved_cb (CrsObservationDialog *dialog,
                                              CrsObservation       *saved,
                                              CrsWindow            *self);
/* Soon opens the first observation set kept on this workstation for this
 * ward and this nurse, unless one is open or the window is locked
 * (crs-window-drafts.c). */
void        _crs_window_offer_drafts     (CrsWindow  *self);
void        _crs_window_offer_drafts_again (CrsWindow *self);
/* The same after a sign-in: other nurses' kept sets are said again. */
void        _crs_window_offer_drafts_signed_in (CrsWindow *self);
/* The handover report's actions (crs-window-report.c). */
void        _crs_window_report_actions_init (CrsWindowClass *klass);
/* The handover report of @options as of now, from the window's ward
 * database and therapy reference, printed by the nurse of this window. */
CrsHandover *_crs_window_load_handover   (CrsWindow                *self,
                                          const CrsHandoverOptions *options,
                                          GError                  **error);
/* Export FHIR… (crs-window-export.c): win.export-fhir asks for a file;
 * the export itself, with a toast on success. */
void        _crs_window_export_fhir_cb   (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
gboolean    _crs_window_export_fhir_file (CrsWindow  *self,
                                          GFile      *file,
                                          GError    **error);
/* Sign-in (crs-window-lock.c). A toast, kept so that a lock can
 * dismiss it. */
void        _crs_window_add_toast        (CrsWindow  *self,
                                          AdwToast   *toast);
/* Locks the window when the ward has sign-in on (else does nothing). */
void        _crs_window_lock             (CrsWindow  *self);
gboolean    _crs_window_is_locked        (CrsWindow  *self);
/* Reads signin.enabled again: locks when it was turned on, opens when off. */
void        _crs_window_update_signin    (CrsWindow  *self);
/* The store's author when nobody is signed in: Preferences' name, else
 * the login name (crs-window.c). */
void        _crs_window_reset_author     (CrsWindow  *self);
void        _crs_window_lock_init        (CrsWindow  *self);
void        _crs_window_lock_setup       (CrsWindow  *self);
void        _crs_window_lock_dispose     (CrsWindow  *self);
void        _crs_window_lock_class_init  (CrsWindowClass *klass);

/* The window's keyboard shortcuts, as application accelerators. */
void        _crs_window_set_accels       (GtkApplication *application);

/* For tests: what the widget shows, and its parts. */
/* The patient on the patient page, 0 = none. */
gint64     crs_window_get_patient    (CrsWindow  *self);
/* The time due times are counted from (Unix seconds); 0 = the real time.
 * For tests and benchmarks. */
void       crs_window_set_clock      (CrsWindow  *self,
                                      gint64      now);
/* How long the window waits without a key, click or pointer movement
 * before it locks, in milliseconds, instead of the ward's
 * signin.idle_minutes (0: the ward setting). For tests. */
void       crs_window_set_idle_timeout (CrsWindow *self,
                                        guint      milliseconds);

G_END_DECLS
