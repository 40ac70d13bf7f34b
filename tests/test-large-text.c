/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-large-text.c: the real window with large text (fonts at 150 %,
 * more than GNOME's "Large Text" 125 %) and high contrast: the ward list,
 * a patient's page and the observation form still fit a 1280 x 1024
 * screen (their minimum size, so nothing is cut off), and the grades
 * still read as words. Screenshots land with the others. */
#define G_LOG_DOMAIN "test-large-text"

#include "config.h"

#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-grade-panel-private.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-window-private.h"

#define SCREEN_WIDTH  1280
#define SCREEN_HEIGHT 1024
/* GtkSettings:gtk-xft-dpi is in 1024ths of a dot per inch. */
#define DPI_NORMAL (96 * 1024)
#define DPI_LARGE  (96 * 1024 * 3 / 2)

static CrsTestWard ward;

static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();

  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
}

static gboolean
form_shown (gpointer data)
{
  return crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG) != NULL;
}

static int
label_height (GtkWidget *root,
              const char *text)
{
  GtkWidget *label = crs_test_find_widget (root, GTK_TYPE_LABEL, text);
  int natural = 0;

  g_assert_nonnull (label);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The smallest size @window can take: nothing in it is cut off as long
 * as the screen is at least that. */
static void
assert_fits_screen (GtkWidget  *window,
                    const char *what)
{
  int min_width = 0;
  int min_height = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, SCREEN_WIDTH, &min_height, NULL, NULL, NULL);
  g_test_message ("%s: at least %d x %d", what, min_width, min_height);
  g_assert_cmpint (min_width, <=, SCREEN_WIDTH);
  g_assert_cmpint (min_height, <=, SCREEN_HEIGHT);
}

static void
large_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  GtkWidget *root = GTK_WIDGET (window);
  GtkSettings *settings = gtk_widget_get_settings (root);
  GtkWindow *form;
  int normal_height;

  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  crs_window_set_clock (window, ward.now);
  gtk_window_set_default_size (GTK_WINDOW (window), SCREEN_WIDTH, SCREEN_HEIGHT);
  crs_test_wait_drawn (root);
  g_object_set (settings, "gtk-xft-dpi", DPI_NORMAL, NULL);
  crs_test_flush ();
  normal_height = label_height (root, "Bed 10");

  /* Large text: the words are bigger (the setting took), and still there. */
  g_object_set (settings, "gtk-xft-dpi", DPI_LARGE, NULL);
  crs_test_flush ();
  g_assert_cmpint (label_height (root, "Bed 10"), >=, normal_height * 4 / 3);
  g_assert_nonnull (crs_test_find_widget (root, GTK_TYPE_LABEL, "CRS 1 mild"));
  g_assert_nonnull (crs_test_find_widget (root, GTK_TYPE_LABEL, "CRS 2 moderate"));
  assert_fits_screen (root, "ward list");

  /* A patient's page. */
  g_assert_true (crs_window_select_patient (window, ward.edith));
  crs_test_wait_drawn (root);
  assert_fits_screen (root, "patient page");
  crs_test_screenshot (root, "large-text-patient-page");

  /* The observation form over it. */
  g_assert_true (gtk_widget_activate_action (root, "win.new-observation", NULL));
  g_assert_true (crs_test_wait_until (form_shown, NULL, CRS_TEST_TIMEOUT_MS));
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  crs_test_wait_drawn (GTK_WIDGET (form));
  assert_fits_screen (GTK_WIDGET (form), "observation form");
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (form), GTK_TYPE_BUTTON, "_Save"));
  /* The grades above the fields keep three lines each; what large text
   * cuts off is in the tooltip, whole. */
  {
    CrsGradePanel *panel = CRS_GRADE_PANEL (crs_test_find_widget (GTK_WIDGET (form), CRS_TYPE_GRADE_PANEL, NULL));
    const char *news2 = crs_grade_panel_get_news2_text (panel);
    GtkWidget *label = crs_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, news2);

    g_assert_true (g_str_has_prefix (news2, "Not scored: "));
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, news2);
  }
  crs_test_screenshot (GTK_WIDGET (form), "large-text-observation-form");

  gtk_window_close (form);
  CRS_TEST_WAIT_UNTIL (!form_shown (NULL));
  g_object_set (settings, "gtk-xft-dpi", DPI_NORMAL, NULL);
  crs_test_close_all (app);
}

static void
test_large_text (void)
{
  make_ward ();
  crs_test_run_application (NULL, large_body);
}

int
main (int   argc,
      char *argv[])
{
  /* libadwaita's own switch for high contrast, read when it starts. */
  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/large-text/high-contrast", test_large_text);

  return g_test_run ();
}
