/* crs-window.h: the main window: ward list beside the patient area. */
#pragma once

#include <adwaita.h>

#include "crs-application.h"

G_BEGIN_DECLS

#define CRS_TYPE_WINDOW (crs_window_get_type ())
G_DECLARE_FINAL_TYPE (CrsWindow, crs_window, CRS, WINDOW, AdwApplicationWindow)

CrsWindow *crs_window_new        (CrsApplication *application);
/* Marks the window as showing the demo ward, not real patients. */
void       crs_window_set_demo   (CrsWindow      *self,
                                  gboolean        demo);
/* Shows a short message at the bottom of the window. */
void       crs_window_add_toast  (CrsWindow      *self,
                                  AdwToast       *toast);

G_END_DECLS
