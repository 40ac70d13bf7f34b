/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-ward-utils.h: helpers for the ward file tests: a ward holding
 * every field and choice, and record-by-record comparison. */
#pragma once

#include "exchange/crs-ward-xml.h"

G_BEGIN_DECLS

/* A ward of three patients that between them use every field, every
 * choice of every enumeration, missing values, amendments (a chain of
 * two), acknowledgements, settings, and text with markup characters,
 * newlines and non-ASCII letters. Ids are set as a store would. */
CrsWardFile *crs_test_ward_file_rich  (void);

/* Asserts that @a and @b hold the same records, field by field, matching
 * patients by MRN and records by time; ids may differ, but amendments and
 * acknowledgements must point at the same sets. */
void         crs_test_assert_ward_files_equal (CrsWardFile *a,
                                               CrsWardFile *b);

/* Writes @text to a new file in a fresh temporary folder; returns its path. */
char        *crs_test_write_temp_file (const char *name,
                                       const char *text,
                                       gssize      len);

/* A patient entry by MRN, or NULL. */
CrsWardFilePatient *crs_test_ward_file_find (CrsWardFile *file,
                                             const char  *mrn);

G_END_DECLS
