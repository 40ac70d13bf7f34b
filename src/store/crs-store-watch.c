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
 * once it has answered does the timer connect again, at once. Meanwhile a
 * save is refused at once (crs_store_ensure_connected ()): the form keeps
 * the set, and the workstation too (crs-set-draft.h). */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include "crs-store-private.h"

/* A probe: whether the server answers, asked in a thread of its own. The
 * store keeps the newest, the thread holds a reference until it is done;
 * both read and write it under its lock. */
struct _CrsStoreProbe
{
  gatomicrefcount ref;
  GMutex          lock;
  char           *address;
  gint64          started_at;   /* monotonic µs */
  gint64          finished_at;  /* 0 while it waits */
  gboolean        answered;
};

void
crs_store_probe_unref (CrsStoreProbe *probe)
{
  if (probe == NULL || !g_atomic_ref_count_dec (&probe->ref))
    return;
  g_mutex_clear (&probe->lock);
  g_free (probe->address);
  g_free (probe);
}

static gpointer
probe_thread (gpointer data)
{
  CrsStoreProbe *probe = data;
  gboolean answered = crs_db_ping_server (probe->address);

  g_mutex_lock (&probe->lock);
  probe->answered = answered;
  probe->finished_at = g_get_monotonic_time ();
  g_mutex_unlock (&probe->lock);
  crs_store_probe_unref (probe);
  return NULL;
}

static void
start_probe (CrsStore *self)
{
  CrsStoreProbe *probe = g_new0 (CrsStoreProbe, 1);
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_atomic_ref_count_init (&probe->ref);
  g_mutex_init (&probe->lock);
  probe->address = crs_db_dup_server_address (self->db);
  probe->started_at = g_get_monotonic_time ();
  g_clear_pointer (&self->probe, crs_store_probe_unref);
  self->probe = probe;
  g_atomic_ref_count_inc (&probe->ref);
  thread = g_thread_try_new ("crs-ward-probe", probe_thread, probe, &error);
  if (thread == NULL)
    {
      /* No thread: taken as a probe that found nobody, tried again later. */
      g_debug ("Could not start the ward server probe: %s", error->message);
      probe->finished_at = probe->started_at;
      crs_store_probe_unref (probe);
      return;
    }
  g_thread_unref (thread);
}

typedef enum
{
  PROBE_NONE,     /* none yet */
  PROBE_WAITING,  /* its thread waits for the server */
  PROBE_DOWN,     /* done: nobody answered */
  PROBE_UP,       /* done: the server answered */
} ProbeState;

static ProbeState
probe_state (CrsStore *self,
             gint64   *started_at,
             gint64   *finished_at)
{
  ProbeState state;

  if (self->probe == NULL)
    return PROBE_NONE;
  g_mutex_lock (&self->probe->lock);
  if (self->probe->finished_at == 0)
    state = PROBE_WAITING;
  else
    state = self->probe->answered ? PROBE_UP : PROBE_DOWN;
  if (started_at != NULL)
    *started_at = self->probe->started_at;
  if (finished_at != NULL)
    *finished_at = self->probe->finished_at;
  g_mutex_unlock (&self->probe->lock);
  return state;
}

/* A probe that waits more than this is waiting on the network. */
#define PROBE_SLOW_US (G_USEC_PER_SEC)

gboolean
crs_store_server_hangs (CrsStore *self)
{
  gint64 started_at = 0, finished_at = 0, now = g_get_monotonic_time ();

  if (!self->lost)
    return FALSE;
  switch (probe_state (self, &started_at, &finished_at))
    {
    case PROBE_WAITING:
      return now - started_at > PROBE_SLOW_US;
    case PROBE_DOWN:
      /* A quick "nobody there" (refused, no socket) costs a save nothing
       * to find again; a slow one would hold it for the timeout. */
      return finished_at - started_at > PROBE_SLOW_US &&
             now - finished_at < CRS_STORE_RECONNECT_INTERVAL_S * G_USEC_PER_SEC;
    case PROBE_NONE:
    case PROBE_UP:
    default:
      return FALSE;
    }
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
              g_clear_pointer (&self->probe, crs_store_probe_unref);
              self->next_reconnect = now;
              crs_store_emit_changed (self, 0);
              return TRUE;
            }
          /* Connects only to a server that has just answered: then it is
           * quick. */
          switch (probe_state (self, NULL, NULL))
            {
            case PROBE_WAITING:
              return FALSE;
            case PROBE_UP:
              g_clear_pointer (&self->probe, crs_store_probe_unref);
              if (!crs_store_ensure_connected (self, NULL))
                return FALSE;
              break;
            case PROBE_NONE:
            case PROBE_DOWN:
            default:
              if (now >= self->next_reconnect)
                {
                  self->next_reconnect = now + CRS_STORE_RECONNECT_INTERVAL_S * G_USEC_PER_SEC;
                  start_probe (self);
                }
              return FALSE;
            }
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
