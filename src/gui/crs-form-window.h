/* crs-form-window.h: the window every form of CRS Watch is: Cancel and
 * Save in the header bar, Ctrl+Return saves ("form.save"), Escape
 * cancels ("form.cancel"), and cancelling or closing after something was
 * typed asks first. A subclass fills its template and saves in ->save(). */
#pragma once

#include <adwaita.h>

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
};

/* Something was typed: cancelling now asks first. */
void     crs_form_window_set_dirty (CrsFormWindow *self,
                                    gboolean       dirty);
gboolean crs_form_window_get_dirty (CrsFormWindow *self);
/* Runs ->save() and closes the window when it succeeds. */
gboolean crs_form_window_save      (CrsFormWindow *self);
/* Closes, asking first when something was typed. */
void     crs_form_window_cancel    (CrsFormWindow *self);

G_END_DECLS
