/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-reference.h: the therapy reference database (therapies.sqlite),
 * read only.
 *
 * Built from data/therapies.xml at build time and installed in
 * $pkgdatadir; the app and the CLI open it from crs_paths_data_file()
 * (so $CRS_WATCH_DATADIR, the build tree, in tests and `meson devenv`).
 * The file is opened immutable: it never changes while the app runs.
 * All functions run on the calling thread; use one CrsReference from the
 * main thread. */
#pragma once

#include <gio/gio.h>

#include "core/crs-model.h"
#include "core/crs-therapy.h"
#include "crs-store-error.h"

G_BEGIN_DECLS

#define CRS_REFERENCE_FILE_NAME "therapies.sqlite"

#define CRS_TYPE_REFERENCE (crs_reference_get_type ())
G_DECLARE_FINAL_TYPE (CrsReference, crs_reference, CRS, REFERENCE, GObject)

/* Opens the reference at @path. A missing file, a file that is not a
 * therapy reference, or one from a newer CRS Watch fails with a message
 * naming the path. */
CrsReference *crs_reference_open           (const char       *path,
                                            GError          **error);
/* The installed reference (crs_paths_data_file (CRS_REFERENCE_FILE_NAME)),
 * shared by every caller while any holds it. */
CrsReference *crs_reference_open_default   (GError          **error);

/* The therapy with this code (e.g. "blinatumomab"); NULL without error
 * when there is none. */
CrsTherapy   *crs_reference_lookup         (CrsReference     *self,
                                            const char       *code,
                                            GError          **error);
/* The therapy whose code, generic name, other name or brand name is
 * @name, ignoring case and accents ("Blincyto", "SGN-40"): for an
 * infusion entered by name. NULL without error when there is none. */
CrsTherapy   *crs_reference_resolve        (CrsReference     *self,
                                            const char       *name,
                                            GError          **error);
/* Therapies (CrsTherapy *) whose code, generic, other or brand name
 * contains @text, ignoring case and accents ("blincyto" finds
 * blinatumomab), in @drug_class (UNSET = every class); empty or NULL
 * @text lists them all. Sorted by generic name. */
GPtrArray    *crs_reference_search         (CrsReference     *self,
                                            const char       *text,
                                            CrsDrugClass   drug_class,
                                            GError          **error);
/* Every therapy of @drug_class (UNSET = all), sorted by generic name. */
GPtrArray    *crs_reference_list_by_class  (CrsReference     *self,
                                            CrsDrugClass   drug_class,
                                            GError          **error);
/* Number of therapies in the database. */
guint         crs_reference_get_count      (CrsReference     *self);

/* The therapy of @infusion (may be NULL): by its therapy code, else by
 * the name it was entered with. NULL without error when it is not in the
 * reference. The one lookup the ward list, the patient page and the
 * report use. */
CrsTherapy   *crs_reference_find_for_infusion (CrsReference  *self,
                                               CrsInfusion   *infusion,
                                               GError       **error);

G_END_DECLS
