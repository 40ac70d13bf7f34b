/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-form-window.h: the window every form of CRS Watch is: Cancel and
 * Save in the header bar, Ctrl+Return saves ("form.save"), Escape
 * cancels ("form.cancel"), and cancelling or closing after something was
 * typed asks first. A subclass fills its template and saves in ->save(). */
#pragma once

#include <adwaita.h>

#include "crs-number-row.h"

G_BEGIN_DECLS

#define CRS_TYPE_FORM_WINDOW (crs_form_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (CrsFormWindow, crs_form_window, CRS, FORM_WINDOW, AdwWindow)

struct _CrsFormWindowClass
{
  AdwWindowClass parent_class;

  /* Saves what was typed. On success the subclass emits its "saved"
   * signal and returns TRUE: the window then closes. On failure it shows
   * why in the form and returns FALSE: the window stays, as typed. */
  gboolean (*save) (CrsFormWindow *self);
  /* The nurse chose to discard what was typed; the window closes next.
   * Optional. */
  void     (*discarded) (CrsFormWindow *self);
};

/* Something was typed: cancelling now asks first. */
void     crs_form_window_set_dirty (CrsFormWindow *self,
                                    gboolean       dirty);
/* The banner at the top of the form: the subclass hands over the two
 * widgets of its template once, after gtk_widget_init_template(). */
void     crs_form_window_set_banner (CrsFormWindow *self,
                                     GtkRevealer   *revealer,
                                     GtkLabel      *label);
/* Shows @message in the banner until it is replaced (NULL hides it): a
 * remark about the form itself, such as history that could not be read. */
void     crs_form_window_show_message (CrsFormWindow *self,
                                       const char    *message);
/* For ->save(): shows why the form was not saved (a field to correct, a
 * store error: the form stays open with everything typed), moves the
 * focus to @focus unless it is NULL, and returns FALSE. */
gboolean crs_form_window_refuse    (CrsFormWindow *self,
                                    GtkWidget     *focus,
                                    const char    *message);
/* For ->save(): when @row holds what cannot be saved, refuses, naming
 * the row and what is wrong, with the focus in the row, and returns FALSE;
 * TRUE when its value (or nothing) can be saved. */
gboolean crs_form_window_check_number (CrsFormWindow *self,
                                       CrsNumberRow  *row);
/* Something was typed or chosen: the form is dirty, and why the last
 * save was refused no longer applies (a message stays). */
void     crs_form_window_changed   (CrsFormWindow *self);
/* Runs ->save() and closes the window when it succeeds. */
gboolean crs_form_window_save      (CrsFormWindow *self);
/* Closes, asking first when something was typed. */
void     crs_form_window_cancel    (CrsFormWindow *self);
/* Runs ->discarded() and closes: the nurse said to discard the form. */
void     crs_form_window_discard   (CrsFormWindow *self);

G_END_DECLS
