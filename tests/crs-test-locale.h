/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-locale.h: numbers as people type them in other languages: a
 * locale made for the test with localedef, so that no test depends on
 * the locales a machine happens to have installed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes @name (e.g. "en_US", "de_DE") in UTF-8 under the test's cache
 * folder and switches LC_NUMERIC to it. Returns the LC_NUMERIC locale to
 * go back to with crs_test_restore_locale(), or NULL when the system
 * cannot make it (the test is then marked skipped). */
char *crs_test_use_locale     (const char *name);
void  crs_test_restore_locale (const char *old);

G_END_DECLS
