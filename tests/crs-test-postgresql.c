/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-postgresql.c: a throwaway PostgreSQL server for the tests
 * (crs-test-postgresql.h): initdb into a temporary folder, pg_ctl start
 * with a Unix socket in that folder and no TCP, databases made with
 * CREATE DATABASE through libpq. As root, initdb and pg_ctl run as the
 * "postgres" user through setpriv (or runuser). */
#define G_LOG_DOMAIN "crs-test-postgresql"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crs-test-postgresql.h"

#define USER "crs_test"

struct _CrsTestPostgresql
{
  char      *bindir;
  char      *dir;         /* the folder: data/, the socket, server.log */
  char      *data_dir;
  char      *log_path;
  int        port;
  GStrv      run_as;      /* the command before initdb and pg_ctl, or NULL */
  char      *conninfo;    /* of the first database */
  GPid       watchdog;
  int        watchdog_fd; /* its stdin: the watchdog acts when it closes */
};

/* ---------------------------------------------------------------------- */
/* Finding the binaries */

static gboolean
has_server_binaries (const char *bindir)
{
  const char *const names[] = { "initdb", "pg_ctl", "postgres" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (bindir, names[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        return FALSE;
    }
  return TRUE;
}

/* $PG_BINDIR, else what pg_config says, else the newest
 * /usr/lib/postgresql/N/bin (Debian's layout). */
static char *
find_bindir (GError **error)
{
  const char *env = g_getenv ("PG_BINDIR");
  g_autofree char *pg_config = g_find_program_in_path ("pg_config");
  g_autoptr(GDir) versions = NULL;
  g_autofree char *newest = NULL;
  gint64 newest_version = -1;
  const char *name;

  if (env != NULL && *env != '\0')
    {
      if (has_server_binaries (env))
        return g_strdup (env);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "PG_BINDIR=%s has no initdb, pg_ctl and postgres", env);
      return NULL;
    }

  if (pg_config != NULL)
    {
      const char *argv[] = { pg_config, "--bindir", NULL };
      g_autofree char *out = NULL;
      int status;

      if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, &out, NULL, &status, NULL)
          && g_spawn_check_wait_status (status, NULL)
          && has_server_binaries (g_strstrip (out)))
        return g_steal_pointer (&out);
    }

  versions = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (versions != NULL && (name = g_dir_read_name (versions)) != NULL)
    {
      g_autofree char *bindir = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      char *end = NULL;
      gint64 version = g_ascii_strtoll (name, &end, 10);

      if (end == name || version <= newest_version || !has_server_binaries (bindir))
        continue;
      newest_version = version;
      g_free (newest);
      newest = g_steal_pointer (&bindir);
    }
  if (newest != NULL)
    return g_steal_pointer (&newest);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, CRS_TEST_POSTGRESQL_SKIP_MESSAGE);
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Running the server's programs */

/* Runs @argv (a program in bindir, its arguments), as the postgres user
 * when we are root; on failure, @error has its output. */
static gboolean
run_tool (CrsTestPostgresql  *self,
          const char *const  *argv,
          GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) full = NULL;
  g_autofree char *program = g_build_filename (self->bindir, argv[0], NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (self->run_as != NULL)
    g_strv_builder_addv (builder, (const char **) self->run_as);
  g_strv_builder_add (builder, program);
  g_strv_builder_addv (builder, (const char **) argv + 1);
  full = g_strv_builder_end (builder);

  if (!g_spawn_sync (self->dir, full, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *log = NULL;

      g_file_get_contents (self->log_path, &log, NULL, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s%s%s",
                   argv[0], g_strstrip (err), *out != '\0' ? "\n" : "", g_strstrip (out));
      if (log != NULL)
        g_prefix_error (error, "server log:\n%s\n", log);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_server (CrsTestPostgresql  *self,
              GError            **error)
{
  g_autofree char *quoted_dir = g_shell_quote (self->dir);
  g_autofree char *options = g_strdup_printf ("-k %s -c listen_addresses='' -F -p %d",
                                              quoted_dir, self->port);
  const char *argv[] = { "pg_ctl", "start", "-D", self->data_dir, "-w", "-t", "60", "-s",
                         "-l", self->log_path, "-o", options, NULL };

  return run_tool (self, argv, error);
}

static gboolean
stop_server (CrsTestPostgresql  *self,
             GError            **error)
{
  const char *argv[] = { "pg_ctl", "stop", "-D", self->data_dir, "-m", "immediate", "-w", "-s", NULL };

  return run_tool (self, argv, error);
}

static void
new_session (gpointer data)
{
  setsid ();
}

/* A shell that waits for its stdin to close, which happens when this
 * process ends however it ends, and then stops the server and removes
 * the folder; in a session of its own, so that a test runner killing
 * the test's process group does not take it along. */
static gboolean
start_watchdog (CrsTestPostgresql  *self,
                GError            **error)
{
  g_autoptr(GString) stop = g_string_new (NULL);
  g_autofree char *pg_ctl = g_build_filename (self->bindir, "pg_ctl", NULL);
  g_autofree char *script = NULL;
  g_autofree char *quoted_dir = g_shell_quote (self->dir);
  const char *stop_argv[] = { pg_ctl, "stop", "-D", self->data_dir, "-m", "immediate", "-w", "-s", NULL };
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };

  for (guint i = 0; self->run_as != NULL && self->run_as[i] != NULL; i++)
    {
      g_autofree char *word = g_shell_quote (self->run_as[i]);

      g_string_append_printf (stop, "%s ", word);
    }
  for (guint i = 0; stop_argv[i] != NULL; i++)
    {
      g_autofree char *word = g_shell_quote (stop_argv[i]);

      g_string_append_printf (stop, "%s ", word);
    }
  script = g_strdup_printf ("read _; cd /; %s; rm -rf %s", stop->str, quoted_dir);
  argv[2] = script;

  return g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                   G_SPAWN_DO_NOT_REAP_CHILD
                                   | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                   new_session, NULL, &self->watchdog,
                                   &self->watchdog_fd, NULL, NULL, error);
}

/* ---------------------------------------------------------------------- */

static char *
conninfo_for (CrsTestPostgresql *self,
              const char        *dbname)
{
  return g_strdup_printf ("host='%s' port=%d dbname='%s' user=" USER, self->dir, self->port, dbname);
}

/* Root may not run the server: the postgres user does, through setpriv
 * (util-linux) or runuser, and owns the folder. */
static gboolean
prepare_run_as (CrsTestPostgresql  *self,
                GError            **error)
{
  struct passwd *user;
  g_autofree char *setpriv = NULL;
  g_autofree char *runuser = NULL;

  if (getuid () != 0)
    return TRUE;

  user = getpwnam ("postgres");
  if (user == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "run as root, and there is no “postgres” user to run the server as");
      return FALSE;
    }
  if (chown (self->dir, user->pw_uid, user->pw_gid) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "could not give %s to the postgres user: %s", self->dir, g_strerror (saved_errno));
      return FALSE;
    }

  setpriv = g_find_program_in_path ("setpriv");
  runuser = g_find_program_in_path ("runuser");
  if (setpriv != NULL)
    {
      const char *argv[] = { setpriv, "--reuid=postgres", "--regid=postgres", "--clear-groups",
                             "--reset-env", NULL };
      self->run_as = g_strdupv ((char **) argv);
    }
  else if (runuser != NULL)
    {
      const char *argv[] = { runuser, "-u", "postgres", "--", NULL };
      self->run_as = g_strdupv ((char **) argv);
    }
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "run as root, and neither setpriv nor runuser is there to run the server as postgres");
      return FALSE;
    }
  return TRUE;
}

CrsTestPostgresql *
crs_test_postgresql_start (GError **error)
{
  g_autoptr(CrsTestPostgresql) self = NULL;
  g_autofree char *bindir = NULL;
  g_autofree char *database = NULL;

  bindir = find_bindir (error);
  if (bindir == NULL)
    return NULL;

  self = g_new0 (CrsTestPostgresql, 1);
  self->bindir = g_steal_pointer (&bindir);
  self->watchdog_fd = -1;
  /* The socket is DIR/.s.PGSQL.PORT: the folder is unique, so any port
   * is free; it also keeps the path under the 107 bytes of sun_path. */
  self->port = 50000 + getpid () % 10000;
  self->dir = g_dir_make_tmp ("crs-test-pg-XXXXXX", error);
  if (self->dir == NULL)
    return NULL;
  self->data_dir = g_build_filename (self->dir, "data", NULL);
  self->log_path = g_build_filename (self->dir, "server.log", NULL);

  if (!prepare_run_as (self, error) || !start_watchdog (self, error))
    return NULL;

  {
    const char *argv[] = { "initdb", "-D", self->data_dir, "-A", "trust", "-U", USER,
                           "--no-sync", "-E", "UTF8", "--locale=C", "--no-instructions", NULL };

    if (!run_tool (self, argv, error))
      return NULL;
  }
  if (!start_server (self, error))
    return NULL;

  database = crs_test_postgresql_new_database (self, USER, error);
  if (database == NULL)
    return NULL;
  self->conninfo = g_steal_pointer (&database);
  return g_steal_pointer (&self);
}

const char *
crs_test_postgresql_get_conninfo (CrsTestPostgresql *self)
{
  return self->conninfo;
}

char *
crs_test_postgresql_new_database (CrsTestPostgresql  *self,
                                  const char         *name,
                                  GError            **error)
{
  g_autofree char *admin = conninfo_for (self, "postgres");
  g_autofree char *sql = NULL;
  PGconn *conn;
  PGresult *result;
  gboolean ok;

  for (const char *p = name; *p != '\0'; p++)
    g_return_val_if_fail (g_ascii_isalnum (*p) || *p == '_', NULL);

  conn = PQconnectdb (admin);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "connecting to the test server: %s",
                   PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }
  sql = g_strdup_printf ("CREATE DATABASE \"%s\"", name);
  result = PQexec (conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
  return ok ? conninfo_for (self, name) : NULL;
}

gboolean
crs_test_postgresql_kill (CrsTestPostgresql  *self,
                          GError            **error)
{
  return stop_server (self, error);
}

gboolean
crs_test_postgresql_restart (CrsTestPostgresql  *self,
                             GError            **error)
{
  return start_server (self, error);
}

void
crs_test_postgresql_stop (CrsTestPostgresql *self)
{
  if (self == NULL)
    return;

  /* The watchdog first, so that it does not stop the server too. */
  if (self->watchdog != 0)
    {
      kill (self->watchdog, SIGKILL);
      waitpid (self->watchdog, NULL, 0);
      g_spawn_close_pid (self->watchdog);
    }
  if (self->watchdog_fd >= 0)
    close (self->watchdog_fd);

  if (self->data_dir != NULL && g_file_test (self->data_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *pid_file = g_build_filename (self->data_dir, "postmaster.pid", NULL);

      /* The pid file is there while the server runs. */
      if (g_file_test (pid_file, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GError) error = NULL;

          if (!stop_server (self, &error))
            g_printerr ("# stopping the test PostgreSQL server: %s\n", error->message);
        }
    }
  if (self->dir != NULL)
    {
      const char *argv[] = { "rm", "-rf", self->dir, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    NULL, NULL, NULL, NULL);
    }

  g_strfreev (self->run_as);
  g_free (self->conninfo);
  g_free (self->log_path);
  g_free (self->data_dir);
  g_free (self->dir);
  g_free (self->bindir);
  g_free (self);
}

/* ---------------------------------------------------------------------- */
/* One server per test program */

static CrsTestPostgresql *shared_server;
static GError *shared_error;
static gboolean shared_tried;

CrsTestPostgresql *
crs_test_postgresql_shared (void)
{
  if (!shared_tried)
    {
      gint64 start = g_get_monotonic_time ();

      shared_tried = TRUE;
      shared_server = crs_test_postgresql_start (&shared_error);
      if (shared_server != NULL)
        g_test_message ("the PostgreSQL test server started in %.2f s",
                        (g_get_monotonic_time () - start) / 1e6);
    }
  if (shared_server == NULL)
    {
      if (g_error_matches (shared_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_test_skip (CRS_TEST_POSTGRESQL_SKIP_MESSAGE);
      else
        g_test_fail_printf ("the PostgreSQL test server did not start: %s", shared_error->message);
    }
  return shared_server;
}

char *
crs_test_postgresql_shared_database (void)
{
  static guint n_databases;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *conninfo;

  if (crs_test_postgresql_shared () == NULL)
    return NULL;
  name = g_strdup_printf ("case_%u", ++n_databases);
  conninfo = crs_test_postgresql_new_database (shared_server, name, &error);
  if (conninfo == NULL)
    g_test_fail_printf ("no database %s: %s", name, error->message);
  return conninfo;
}

void
crs_test_postgresql_shared_stop (void)
{
  g_clear_pointer (&shared_server, crs_test_postgresql_stop);
  g_clear_error (&shared_error);
  shared_tried = FALSE;
}

char *
crs_test_postgresql_get_socket_path (CrsTestPostgresql *self)
{
  g_autofree char *name = g_strdup_printf (".s.PGSQL.%d", self->port);

  return g_build_filename (self->dir, name, NULL);
}
