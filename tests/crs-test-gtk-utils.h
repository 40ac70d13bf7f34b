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
/* Iterates the main loop until @condition returns TRUE or @timeout_ms
 * passes; returns the condition's last result. */
gboolean        crs_test_wait_until        (gboolean   (*condition) (gpointer data),
                                            gpointer     data,
                                            guint        timeout_ms);
/* Runs the main loop for about @ms milliseconds. */
void            crs_test_run_for           (guint        ms);
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
