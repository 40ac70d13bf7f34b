/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: crs-watch-cli works without a display and links no GTK;
 * crs-watch --version answers without opening a window. */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib.h>

/* Runs @argv with no display in the environment; returns the exit status. */
static int
run_without_display (const char * const *argv,
                     char              **out,
                     char              **err)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("%s did not exit normally", argv[0]);
  return WEXITSTATUS (wait_status);
}

static void
test_cli_help (void)
{
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_without_display (argv, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage: crs-watch-cli COMMAND"));
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_unknown_command (void)
{
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), "frobnicate", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_without_display (argv, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_assert_cmpstr (out, ==, "");
}

static void
test_cli_no_arguments (void)
{
  const char *argv[] = { g_getenv ("CRS_WATCH_CLI"), NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_without_display (argv, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Usage:"));
}

static void
test_cli_links_no_gtk (void)
{
  const char *argv[] = { "ldd", g_getenv ("CRS_WATCH_CLI"), NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_without_display (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "libglib-2.0"));
  g_assert_null (strstr (out, "libgtk"));
  g_assert_null (strstr (out, "libadwaita"));
}

static void
test_app_version (void)
{
  const char *argv[] = { g_getenv ("CRS_WATCH"), "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_without_display (argv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "crs-watch " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/unknown-command", test_cli_unknown_command);
  g_test_add_func ("/cli/no-arguments", test_cli_no_arguments);
  g_test_add_func ("/cli/links-no-gtk", test_cli_links_no_gtk);
  g_test_add_func ("/cli/app-version", test_app_version);

  return g_test_run ();
}
