/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-locale.c: a locale made for the test with localedef. */
#define G_LOG_DOMAIN "crs-test-locale"

#include "config.h"

#include <locale.h>

#include "crs-test-locale.h"

char *
crs_test_use_locale (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "locale", NULL);
  g_autofree char *full = g_strconcat (name, ".UTF-8", NULL);
  g_autofree char *target = g_build_filename (dir, full, NULL);
  const char *argv[] = { "localedef", "-i", name, "-f", "UTF-8", target, NULL };
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  int status = -1;

  g_mkdir_with_parents (dir, 0700);
  /* Made once per test folder: the cache folder is the test's own. */
  if (!g_file_test (target, G_FILE_TEST_IS_DIR) &&
      (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
       !g_spawn_check_wait_status (status, NULL)))
    {
      g_test_skip ("localedef cannot make the locale here");
      return NULL;
    }
  g_setenv ("LOCPATH", dir, TRUE);
  if (setlocale (LC_NUMERIC, full) == NULL)
    {
      g_test_skip ("the locale made for the test does not load");
      return NULL;
    }
  return g_steal_pointer (&old);
}

void
crs_test_restore_locale (const char *old)
{
  if (old != NULL)
    setlocale (LC_NUMERIC, old);
}
