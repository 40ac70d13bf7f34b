/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-preferences-window.h: user and ward preferences, applied as typed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_PREFERENCES_WINDOW (crs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CrsPreferencesWindow, crs_preferences_window, CRS, PREFERENCES_WINDOW, AdwPreferencesWindow)

CrsPreferencesWindow *crs_preferences_window_new (GtkWindow *parent);

G_END_DECLS
