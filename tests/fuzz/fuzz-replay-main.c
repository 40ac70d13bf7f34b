/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay-main.c: runs a fuzz target over files instead of libFuzzer:
 * each argument is a file, or a folder whose files are run in name
 * order. Used by `meson test --suite fuzz` to replay the seed corpus and
 * every past crash under whatever sanitizers the build has; needs no
 * clang. Exit status 0 when every input ran; a crash aborts. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "crs-fuzz.h"

static guint
run_file (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, &error))
    {
      fprintf (stderr, "cannot read %s: %s\n", path, error->message);
      exit (1);
    }
  printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, size);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
  return 1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  guint total = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;
      guint count = 0;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          total += run_file (argv[i]);
          continue;
        }
      dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.' && strcmp (name, "README.md") != 0)
          g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        if (g_file_test (names->pdata[j], G_FILE_TEST_IS_REGULAR))
          count += run_file (names->pdata[j]);
      printf ("# %u inputs from %s\n", count, argv[i]);
      total += count;
    }
  printf ("replayed %u inputs\n", total);
  return 0;
}
