/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-gtk-utils.h: helpers for tests that drive the real window. */
#pragma once

#include <adwaita.h>

#include "gui/crs-application.h"

G_BEGIN_DECLS

/* Runs the real application in this process with command line @args
 * (non-unique, so no D-Bus name is needed). Once its main window is drawn,
 * calls @body, which drives the window and ends by closing every window;
 * then g_application_run() returns and its status must be 0. */
void            crs_test_run_application   (const char * const *args,
                                            void (*body) (CrsApplication *app));
/* How long a test waits for what it expects before it fails. Generous:
 * every wait ends as soon as its condition holds. */
#define CRS_TEST_TIMEOUT_MS 10000

/* Runs the main loop until @condition returns TRUE or @timeout_ms
 * passes; returns the condition's last result. The condition is checked
 * again each time the loop has handled something (an event, a frame, an
 * idle or timeout handler); the loop sleeps in between. */
gboolean        crs_test_wait_until        (gboolean   (*condition) (gpointer data),
                                            gpointer     data,
                                            guint        timeout_ms);

typedef struct
{
  guint    source_id;
  gboolean timed_out;
} CrsTestWait;
gboolean        crs_test_wait_step         (CrsTestWait *wait,
                                            guint        timeout_ms);
void            crs_test_wait_end          (CrsTestWait *wait);

/* crs_test_wait_until() for an expression: runs the main loop until
 * @expr holds, and fails the test naming @expr when it still does not
 * after CRS_TEST_TIMEOUT_MS. */
#define CRS_TEST_WAIT_UNTIL(expr) \
  G_STMT_START { \
    CrsTestWait crs_test_wait_ = { 0, FALSE }; \
    while (!(expr)) \
      if (!crs_test_wait_step (&crs_test_wait_, CRS_TEST_TIMEOUT_MS)) \
        { \
          if (!(expr)) \
            g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                 "timed out waiting for: " #expr); \
          break; \
        } \
    crs_test_wait_end (&crs_test_wait_); \
  } G_STMT_END

/* Runs what is ready in the main loop now, without waiting for more:
 * the handlers a synchronous change queued. */
void            crs_test_flush             (void);
/* Waits until @widget's window has drawn a frame from now on (so what
 * was just changed is laid out and painted). */
void            crs_test_wait_drawn        (GtkWidget   *widget);
/* The first widget under @root (inclusive) of @type that is mapped and,
 * when @label is not NULL, shows that text (as a label, title, button
 * label, or a menu button's tooltip). NULL if none. */
GtkWidget      *crs_test_find_widget       (GtkWidget   *root,
                                            GType        type,
                                            const char  *label);
/* The first visible toplevel window of @type, NULL if none. */
GtkWindow      *crs_test_find_toplevel     (GType        type);
/* The main window of @app. */
GtkWindow      *crs_test_main_window       (CrsApplication *app);
/* Closes every window and waits until they are gone. */
void            crs_test_close_all         (CrsApplication *app);
/* From now on, each toplevel window destroyed (closed by the user, the
 * app or the test) must be freed: once the main loop has run what was
 * ready, g_assert_finalize_object() checks that nothing else kept a
 * reference to it. */
void            crs_test_track_windows     (void);
/* Checks the windows destroyed last, asserts that no window is left open,
 * and ends the tracking. */
void            crs_test_finalize_windows  (void);
/* Saves a PNG of @widget as it is drawn now into the test's output
 * directory ($CRS_TEST_SCREENSHOT_DIR, when set). */
void            crs_test_screenshot        (GtkWidget   *widget,
                                            const char  *name);

G_END_DECLS
