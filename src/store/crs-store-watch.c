/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-store-watch.c: seeing what other connections commit to the ward
 * database: another CRS Watch window on this workstation, another
 * workstation on a shared file or server, crs-watch-cli. SQLite tells
 * each connection whether anyone else committed since it last asked
 * (PRAGMA data_version: a number that changes then, and only then); on a
 * PostgreSQL server every write NOTIFYs the ward's channel with its
 * commit, and the store LISTENs. The store asks on a timer and emits
 * "changed" (0: any patient) when something changed, so views read
 * again as they do after the store's own writes. */
#define G_LOG_DOMAIN "crs-store"

#include "config.h"

#include "crs-store-private.h"

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
              self->next_reconnect = now;
              crs_store_emit_changed (self, 0);
              return TRUE;
            }
          if (now < self->next_reconnect)
            return FALSE;
          self->next_reconnect = now + CRS_STORE_RECONNECT_INTERVAL_S * G_USEC_PER_SEC;
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
