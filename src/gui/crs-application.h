/* crs-application.h: the CRS Watch application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRS_TYPE_APPLICATION (crs_application_get_type ())
G_DECLARE_FINAL_TYPE (CrsApplication, crs_application, CRS, APPLICATION, AdwApplication)

CrsApplication *crs_application_new      (void);
/* TRUE when started with --demo. */
gboolean        crs_application_get_demo (CrsApplication *self);

G_END_DECLS
