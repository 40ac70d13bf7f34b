/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-watch.c: seeing what other connections commit to the ward
 * database: another CRS Watch window on this workstation, another
 * workstation on a shared file or server, crs-watch-cli. SQLite tells
 * each connection whether anyone else committed since it last asked
 * (PRAGMA data_version: a number that changes then, and only then); on a
 * PostgreSQL server every write NOTIFYs the ward's channel with its
 * commit, and the store LISTENs. The store asks on a timer and emits
 * "changed" (0: any patient) when something changed, so views read
 * again as they do after the store's own writes.
 *
 * While a server's connection is lost, the timer never waits for the
 * network: whether the server answers is asked in a worker thread (up to
 * the 10 s connect timeout against a host that drops packets), and only
 * once it has answered does the timer connect again, at once. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include <gio/gio.h>

#include "crs-store-private.h"

typedef struct
{
  GWeakRef store;
  char    *address;
} Probe;

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  g_weak_ref_clear (&probe->store);
  g_free (probe->address);
  g_free (probe);
}

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Probe *probe = task_data;

  g_task_return_boolean (task, crs_db_ping_server (probe->address));
}

static void
probe_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Probe *probe = g_task_get_task_data (G_TASK (result));
  g_autoptr(CrsStore) self = g_weak_ref_get (&probe->store);
  gboolean answered = g_task_propagate_boolean (G_TASK (result), NULL);

  /* The store may be gone (the window closed) while the probe waited. */
  if (self == NULL)
    return;
  self->probing = FALSE;
  self->answered = answered;
}

/* Asks in a worker thread whether the server answers; the result is
 * delivered on this thread's main context, in probe_done_cb (). */
static void
start_probe (CrsStore *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, probe_done_cb, NULL);
  Probe *probe = g_new0 (Probe, 1);

  g_weak_ref_init (&probe->store, self);
  probe->address = crs_db_dup_server_address (self->db);
  g_task_set_task_data (task, probe, probe_free);
  g_task_set_name (task, "[crs-watch] is the ward server back");
  self->probing = TRUE;
  g_task_run_in_thread (task, probe_thread);
}

/* -1 when it cannot be read (a closed or damaged database). */
static gint64
data_version (CrsStore *self)
{
  g_autoptr(CrsStmt) stmt = NULL;

  if (self->db == NULL)
    return -1;
  stmt = crs_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt == NULL || crs_db_step (stmt) != SQLITE_ROW)
    return -1;
  return crs_db_column_int64 (stmt, 0);
}

gboolean
crs_store_poll_outside_changes (CrsStore *self)
{
  gint64 version;

  g_return_val_if_fail (CRS_IS_STORE (self), FALSE);

  /* Inside an open batch the number is this connection's own business. */
  if (self->in_batch)
    return FALSE;
  if (crs_store_is_shared (self))
    {
      guint count = 0;
      int rc = crs_db_is_connected (self->db) ? crs_db_take_notifications (self->db, &count)
                                              : SQLITE_IOERR;

      if (rc != SQLITE_OK)
        {
          gint64 now = g_get_monotonic_time ();

          /* Lost: the views read again once, fail, and say so (the ward
           * list's bar); then a try to connect every few seconds, since
           * each may wait for the network. */
          if (!self->lost)
            {
              g_debug ("Lost the connection to the ward database");
              self->lost = TRUE;
              self->answered = FALSE;
              self->next_reconnect = now;
              crs_store_emit_changed (self, 0);
              return TRUE;
            }
          /* Connects only to a server that has just answered: then it is
           * quick. */
          if (!self->answered)
            {
              if (!self->probing && now >= self->next_reconnect)
                {
                  self->next_reconnect = now + CRS_STORE_RECONNECT_INTERVAL_S * G_USEC_PER_SEC;
                  start_probe (self);
                }
              return FALSE;
            }
          self->answered = FALSE;
          if (!crs_store_ensure_connected (self, NULL))
            return FALSE;
        }
      /* Back: saves made meanwhile were not heard, so everything is read
       * again. */
      if (self->lost)
        {
          self->lost = FALSE;
          crs_store_emit_changed (self, 0);
          return TRUE;
        }
      if (count == 0)
        return FALSE;
      g_debug ("Another workstation changed the ward database");
      crs_store_emit_changed (self, 0);
      return TRUE;
    }
  version = data_version (self);
  if (version < 0)
    return FALSE;
  if (self->data_version == 0 || version == self->data_version)
    {
      self->data_version = version;
      return FALSE;
    }
  self->data_version = version;
  g_debug ("Another connection changed the ward database");
  crs_store_emit_changed (self, 0);
  return TRUE;
}

static gboolean
poll_cb (gpointer data)
{
  crs_store_poll_outside_changes (CRS_STORE (data));
  return G_SOURCE_CONTINUE;
}

void
crs_store_watch_outside_changes (CrsStore *self,
                                 guint     interval_ms)
{
  g_return_if_fail (CRS_IS_STORE (self));
  g_return_if_fail (interval_ms > 0);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  /* The number as it is now: what came before is already read. */
  crs_store_poll_outside_changes (self);
  self->watch_id = g_timeout_add (interval_ms, poll_cb, self);
  g_source_set_name_by_id (self->watch_id, "[crs-watch] outside changes");
}
