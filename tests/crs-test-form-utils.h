/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-form-utils.h: helpers for the tests that drive the forms:
 * a ward database made in the test, and typing as a user does (text in
 * the focused field, Tab to the next, the form's keyboard shortcuts). */
#pragma once

#include <adwaita.h>

#include "store/crs-store.h"

G_BEGIN_DECLS

/* Call once after gtk_init(): loads the app's stylesheet, as the
 * application does, so that screenshots look like the app. */
void        form_test_init            (void);
/* A new ward database under the test's own data folder. */
CrsStore   *form_test_open_store      (char          **path_out);
/* An adult patient (born 1970-01-01) saved in @store. */
CrsPatient *form_test_add_patient     (CrsStore      *store,
                                       const char    *mrn,
                                       const char    *birth_date);
/* Presents @window and waits until it is drawn. */
void        form_test_show            (GtkWindow     *window);
/* The widget that has the keyboard focus in @window. */
GtkWidget  *form_test_focus           (GtkWindow     *window);
/* TRUE when the focus is inside @widget (or is it). */
gboolean    form_test_has_focus_in    (GtkWindow     *window,
                                       GtkWidget     *widget);
/* Types @text into the focused field (replacing what it held), as a user
 * does, and lets the form react. */
void        form_test_type            (GtkWindow     *window,
                                       const char    *text);
/* Moves the focus like Tab (or Shift+Tab when @back). */
void        form_test_tab             (GtkWindow     *window,
                                       gboolean       back);
/* Presses Return in the focused widget (its "activate" signal). */
void        form_test_activate        (GtkWindow     *window);
/* Presses a key combination on @window: the shortcut bound to it, as
 * the window's shortcut controllers would on a key press. Returns FALSE
 * when nothing is bound to it. */
gboolean    form_test_press           (GtkWindow     *window,
                                       guint          keyval,
                                       GdkModifierType modifiers);
/* Waits until @window (a weak pointer) is destroyed, then sets it to
 * NULL; FALSE on timeout. */
gboolean    form_test_wait_closed     (GtkWindow   **window);
/* The visible message dialog above @parent, or NULL. */
AdwMessageDialog *form_test_find_message_dialog (GtkWindow *parent);
/* Whether @widget carries the CSS class @name. */
gboolean    form_test_has_class       (GtkWidget     *widget,
                                       const char    *name);
/* Every GtkLabel text under @root joined by newlines (to look for what
 * the user sees). */
char       *form_test_visible_text    (GtkWidget     *root);
/* The AdwActionRow / AdwEntryRow / AdwComboRow with this title under
 * @root, NULL if none. */
GtkWidget  *form_test_find_row        (GtkWidget     *root,
                                       const char    *title);
/* The editable of a row (its entry), NULL if none. */
GtkEditable *form_test_row_editable   (GtkWidget     *row);

G_END_DECLS
