/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-application.h: the CRS Watch application. */
#pragma once

#include <adwaita.h>

#include "store/crs-store.h"

G_BEGIN_DECLS

#define CRS_TYPE_APPLICATION (crs_application_get_type ())
G_DECLARE_FINAL_TYPE (CrsApplication, crs_application, CRS, APPLICATION, AdwApplication)

CrsApplication *crs_application_new      (void);
/* The ward database the application works on (with --demo, the demo's
 * temporary one), open from startup to shutdown; NULL when it could not be
 * opened, which the window has said in a dialog. */
CrsStore       *crs_application_get_store (CrsApplication *self);

G_END_DECLS
