/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-cli-nurses.c: `crs-watch-cli nurses list|add|disable|enable|reset-pin
 * --db FILE ...`: the ward's nurse accounts (crs-store-nurses.h).
 *
 * A PIN is read from standard input (its first line), never from the
 * command line, where other users could read it in the process list or
 * the shell history. Changes are recorded as a command-line write:
 * "NAME (command line)", NAME from --author or the login name. */
#define G_LOG_DOMAIN "crs-cli-nurses"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/crs-cli.h"
#include "store/crs-store-nurses.h"

int crs_cli_nurses (int argc, char **argv);

/* The first line of standard input, without its line end; NULL when
 * there is none. The buffer is wiped by the caller (free_pin). */
static char *
read_pin (void)
{
  char buffer[256];
  char *pin;
  size_t n;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  n = strcspn (buffer, "\r\n");
  buffer[n] = '\0';
  pin = g_strndup (buffer, n);
  sodium_memzero (buffer, sizeof buffer);
  return pin;
}

static void
free_pin (char *pin)
{
  if (pin == NULL)
    return;
  sodium_memzero (pin, strlen (pin));
  g_free (pin);
}

static int
fail (const char *what,
      GError     *error)
{
  g_printerr ("crs-watch-cli nurses %s: %s\n", what, error->message);
  return 1;
}

static int
list_nurses (CrsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nurses = crs_store_list_nurses (store, TRUE, &error);

  if (nurses == NULL)
    return fail ("list", error);
  for (guint i = 0; i < nurses->len; i++)
    {
      CrsNurse *nurse = g_ptr_array_index (nurses, i);

      /* TRANSLATORS: a line of `crs-watch-cli nurses list`: user name,
       * name, role and whether the account can sign in. */
      printf ("%-16s %-28s %-14s %s\n", nurse->user_name, nurse->display_name,
              nurse->admin ? _("administrator") : _("nurse"),
              nurse->active ? _("active") : _("disabled"));
    }
  printf (_("Sign-in: %s; the screen locks after %d minutes without use.\n"),
          crs_store_get_signin_enabled (store) ? _("on") : _("off"),
          crs_store_get_signin_idle_minutes (store));
  return 0;
}

int
crs_cli_nurses (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *user = NULL;
  g_autofree char *name = NULL;
  g_autofree char *author = NULL;
  g_autofree char *recorded_as = NULL;
  gboolean admin = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsStore) store = NULL;
  g_autoptr(CrsNurse) nurse = NULL;
  const char *action;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The ward database"), N_("FILE") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The account’s user name"), N_("USER") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The name records show (add)"), N_("NAME") },
    { "admin", 0, 0, G_OPTION_ARG_NONE, &admin, N_("A ward administrator (add)"), NULL },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("Who makes the change (default: the login name)"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("list|add|disable|enable|reset-pin"));
  g_option_context_set_summary (context, _("List and change the nurse accounts of a ward. "
                                           "add and reset-pin read the PIN from the first line "
                                           "of standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return crs_cli_usage_error ("nurses", "%s", error->message);
  if (argc != 2)
    return crs_cli_usage_error ("nurses", "%s",
                                _("Say what to do: list, add, disable, enable or reset-pin."));
  action = argv[1];
  if (!g_str_equal (action, "list") && !g_str_equal (action, "add") &&
      !g_str_equal (action, "disable") && !g_str_equal (action, "enable") &&
      !g_str_equal (action, "reset-pin"))
    return crs_cli_usage_error ("nurses", _("Unknown action “%s”."), action);
  if (db_path == NULL)
    return crs_cli_usage_error ("nurses", "%s", _("Give the database with --db FILE."));
  if (!g_str_equal (action, "list") && user == NULL)
    return crs_cli_usage_error ("nurses", "%s", _("Give the account with --user USER."));
  if (g_str_equal (action, "add") && name == NULL)
    return crs_cli_usage_error ("nurses", "%s", _("Give the name records show with --name NAME."));

  if (g_str_equal (action, "list"))
    store = crs_store_open_read_only (db_path, &error);
  else
    store = crs_store_open (db_path, &error);
  if (store == NULL)
    return fail (action, error);
  if (crs_store_get_schema_version (store) < 7)
    {
      g_printerr ("crs-watch-cli nurses: %s\n",
                  _("This ward database is older than nurse accounts; open it once for writing "
                    "to upgrade it."));
      return 1;
    }
  if (g_str_equal (action, "list"))
    return list_nurses (store);

  /* TRANSLATORS: the author of a change made with crs-watch-cli. */
  recorded_as = g_strdup_printf (_("%s (command line)"), author != NULL ? author : g_get_user_name ());
  crs_store_set_author (store, recorded_as);

  if (g_str_equal (action, "add") || g_str_equal (action, "reset-pin"))
    {
      char *pin = read_pin ();
      gboolean ok;

      if (pin == NULL)
        {
          g_printerr ("crs-watch-cli nurses %s: %s\n", action,
                      _("Give the PIN on the first line of standard input."));
          return 1;
        }
      if (g_str_equal (action, "add"))
        ok = crs_store_add_nurse (store, user, name, admin, pin, NULL, &error);
      else
        {
          nurse = crs_store_find_nurse (store, user, &error);
          ok = nurse != NULL && crs_store_reset_pin (store, nurse->id, pin, &error);
        }
      free_pin (pin);
      if (!ok)
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no nurse account with the user name “%s”."), user);
          return fail (action, error);
        }
      return 0;
    }

  nurse = crs_store_find_nurse (store, user, &error);
  if (nurse == NULL)
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no nurse account with the user name “%s”."), user);
      return fail (action, error);
    }
  if (!crs_store_set_nurse_active (store, nurse->id, g_str_equal (action, "enable"), &error))
    return fail (action, error);
  return 0;
}
