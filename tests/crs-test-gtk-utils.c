/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-gtk-utils.c: helpers for tests that drive the real window. */
#define G_LOG_DOMAIN "crs-test"

#include "config.h"

#include "crs-test-gtk-utils.h"
#include "gui/crs-window.h"

static gboolean
timed_out_cb (gpointer data)
{
  CrsTestWait *wait = data;

  wait->timed_out = TRUE;
  wait->source_id = 0;
  return G_SOURCE_REMOVE;
}

gboolean
crs_test_wait_step (CrsTestWait *wait,
                    guint        timeout_ms)
{
  if (wait->timed_out)
    return FALSE;
  /* The timeout is only there to wake the loop when nothing else does. */
  if (wait->source_id == 0)
    wait->source_id = g_timeout_add (timeout_ms, timed_out_cb, wait);
  g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

void
crs_test_wait_end (CrsTestWait *wait)
{
  g_clear_handle_id (&wait->source_id, g_source_remove);
}

gboolean
crs_test_wait_until (gboolean (*condition) (gpointer data),
                     gpointer   data,
                     guint      timeout_ms)
{
  CrsTestWait wait = { 0, FALSE };
  gboolean met;

  while (!(met = condition (data)) && crs_test_wait_step (&wait, timeout_ms))
    ;
  crs_test_wait_end (&wait);
  return met;
}

void
crs_test_flush (void)
{
  for (guint n = 0; n < 1000 && g_main_context_iteration (NULL, FALSE); n++)
    ;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
crs_test_wait_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  CRS_TEST_WAIT_UNTIL (painted);
  g_signal_handler_disconnect (clock, id);
}

GtkWindow *
crs_test_main_window (CrsApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CRS_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
main_window_drawn (gpointer data)
{
  GtkWindow *window = crs_test_main_window (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (window)) > 0;
}

typedef struct
{
  void (*body) (CrsApplication *app);
  gboolean started;
  gboolean ran;
} RunData;

static gboolean
run_body_cb (gpointer user_data)
{
  CrsApplication *app = user_data;
  RunData *run = g_object_get_data (G_OBJECT (app), "crs-test-run");

  g_assert_true (crs_test_wait_until (main_window_drawn, app, CRS_TEST_TIMEOUT_MS));
  crs_test_wait_drawn (GTK_WIDGET (crs_test_main_window (app)));
  run->body (app);
  run->ran = TRUE;
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              gpointer      user_data)
{
  RunData *run = user_data;

  /* Only the first activation starts the test body. */
  if (!run->started)
    {
      run->started = TRUE;
      g_idle_add (run_body_cb, app);
    }
}

void
crs_test_run_application (const char * const *args,
                          void (*body) (CrsApplication *app))
{
  CrsApplication *app = crs_application_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  RunData run = { body, FALSE, FALSE };
  int status;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "crs-test-run", &run);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);

  g_ptr_array_add (argv, (char *) "crs-watch");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  crs_test_track_windows ();
  status = g_application_run (G_APPLICATION (app), (int) argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);
  crs_test_finalize_windows ();
  /* With its windows gone, nothing holds the application (and its ward
   * database) any more. */
  g_assert_finalize_object (app);
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_WINDOW_TITLE (widget))
    return adw_window_title_get_title (ADW_WINDOW_TITLE (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  /* A menu button is known by its tooltip ("Main Menu"). */
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_widget_get_tooltip_text (widget);
  if (GTK_IS_WINDOW (widget))
    return gtk_window_get_title (GTK_WINDOW (widget));
  return NULL;
}

GtkWidget *
crs_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *label)
{
  if (root == NULL)
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) &&
      (label == NULL || g_strcmp0 (widget_text (root), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crs_test_find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
crs_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      /* The toplevel list keeps its own reference. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
no_windows_left (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (data)) == NULL;
}

void
crs_test_close_all (CrsApplication *app)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_assert_true (crs_test_wait_until (no_windows_left, app, 5000));
}

/* Window tracking: the toplevels as they were at the last change of the
 * list (no references), and the windows destroyed since and not yet
 * checked (a reference each). */
static GPtrArray *tracked_open;
static GPtrArray *tracked_closed;
static guint      check_closed_id;
static gboolean   checking;

/* Drops the last reference to each window destroyed since the last call:
 * the window must be freed then. A window destroyed by another's dispose
 * (its shortcuts window, its dialogs) is left alone: it may still point
 * to the other, and goes with it as in the app. */
static void
check_closed (void)
{
  g_autoptr(GPtrArray) closed = g_steal_pointer (&tracked_closed);

  tracked_closed = g_ptr_array_new ();
  checking = TRUE;
  for (guint i = 0; i < closed->len; i++)
    {
      GObject *window = g_ptr_array_index (closed, i);

      if (window->ref_count != 1)
        g_error ("%s “%s” is destroyed but something still holds it (%u references)",
                 G_OBJECT_TYPE_NAME (window), gtk_window_get_title (GTK_WINDOW (window)),
                 window->ref_count - 1);
      g_assert_finalize_object (window);
    }
  checking = FALSE;
}

static gboolean
check_closed_cb (gpointer data)
{
  check_closed_id = 0;
  check_closed ();
  return G_SOURCE_REMOVE;
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  /* gtk_window_destroy() holds the window while it leaves the list; the
   * check runs once what is ready in the main loop has run. */
  for (guint i = 0; i < removed && !checking; i++)
    g_ptr_array_add (tracked_closed, g_object_ref (g_ptr_array_index (tracked_open, position + i)));
  if (tracked_closed->len > 0 && check_closed_id == 0)
    check_closed_id = g_idle_add_full (G_PRIORITY_LOW, check_closed_cb, NULL, NULL);
  g_ptr_array_remove_range (tracked_open, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, position + i);
      g_ptr_array_insert (tracked_open, (int) (position + i), window);
    }
}

void
crs_test_track_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_null (tracked_open);
  tracked_open = g_ptr_array_new ();
  tracked_closed = g_ptr_array_new ();
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
}

static gboolean
no_toplevels_left (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

void
crs_test_finalize_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_nonnull (tracked_open);
  crs_test_flush ();
  g_clear_handle_id (&check_closed_id, g_source_remove);
  check_closed ();
  g_signal_handlers_disconnect_by_func (toplevels, toplevels_changed_cb, NULL);

  if (!crs_test_wait_until (no_toplevels_left, NULL, CRS_TEST_TIMEOUT_MS))
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
          g_test_message ("still open: %s “%s”%s", G_OBJECT_TYPE_NAME (window),
                          gtk_window_get_title (window),
                          gtk_widget_get_visible (GTK_WIDGET (window)) ? "" : " (hidden)");
        }
      g_error ("%u windows still open at the end of the test", g_list_model_get_n_items (toplevels));
    }
  g_clear_pointer (&tracked_closed, g_ptr_array_unref);
  g_clear_pointer (&tracked_open, g_ptr_array_unref);
}

void
crs_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  const char *dir = g_getenv ("CRS_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0700);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}
