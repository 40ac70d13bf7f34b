/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-german-window.c: the real window in German (LANGUAGE=de, the
 * project's catalogue from the build tree): the ward list, the empty
 * patient view and the observation form show German words. */
#define G_LOG_DOMAIN "test-german-window"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-observation-dialog.h"
#include "gui/crs-ward-list.h"
#include "gui/crs-window-private.h"

static CrsTestWard ward;

static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();

  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
}

static gboolean
shows (GtkWidget  *root,
       GType       type,
       const char *text)
{
  return crs_test_find_widget (root, type, text) != NULL;
}

static gboolean
form_shown (gpointer data)
{
  return crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG) != NULL;
}

static void
german_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  GtkWidget *root = GTK_WIDGET (window);
  GtkWindow *form;

  crs_window_set_clock (window, ward.now);
  crs_test_wait_drawn (root);
  crs_test_screenshot (root, "german-ward-list");

  /* The ward list: beds, grades as number and word, due times. */
  g_assert_true (shows (root, GTK_TYPE_LABEL, "Bett 10"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "CRS 1 leicht"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "ICANS 0 keiner"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "NEWS2 2 niedrig"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "CRS 2 mittelschwer"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "tisagenlecleucel, Tag 3"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "Fällig in 3 Stunden 20 Minuten (CRS Grad 1)"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "Überfällig seit 1 Stunde (NEWS2 0)"));
  g_assert_true (shows (root, GTK_TYPE_LABEL, "Noch keine Beobachtungen"));
  g_assert_false (shows (root, GTK_TYPE_LABEL, "CRS 1 mild"));
  /* No patient chosen yet (a .ui string). */
  g_assert_true (shows (root, ADW_TYPE_STATUS_PAGE, "Patient auswählen"));
  g_assert_false (shows (root, ADW_TYPE_STATUS_PAGE, "Select a Patient"));

  /* The observation form, from the patient's page. */
  g_assert_true (crs_window_select_patient (window, ward.ada));
  g_assert_true (gtk_widget_activate_action (root, "win.new-observation", NULL));
  g_assert_true (crs_test_wait_until (form_shown, NULL, CRS_TEST_TIMEOUT_MS));
  form = crs_test_find_toplevel (CRS_TYPE_OBSERVATION_DIALOG);
  crs_test_wait_drawn (GTK_WIDGET (form));
  crs_test_screenshot (GTK_WIDGET (form), "german-observation-form");
  g_assert_true (shows (GTK_WIDGET (form), GTK_TYPE_WIDGET, "Neue Beobachtung"));
  g_assert_true (shows (GTK_WIDGET (form), GTK_TYPE_WIDGET, "Vitalzeichen"));
  g_assert_true (shows (GTK_WIDGET (form), GTK_TYPE_WIDGET, "Temperatur"));
  g_assert_true (shows (GTK_WIDGET (form), GTK_TYPE_WIDGET, "Neurologie"));
  g_assert_false (shows (GTK_WIDGET (form), GTK_TYPE_WIDGET, "Vital Signs"));

  /* Nothing typed: the form closes without asking. */
  gtk_window_close (form);
  CRS_TEST_WAIT_UNTIL (!form_shown (NULL));
  crs_test_close_all (app);
}

static void
test_german_window (void)
{
  make_ward ();
  crs_test_run_application (NULL, german_body);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CRS_WATCH_LOCALEDIR");

  if (localedir == NULL)
    g_error ("CRS_WATCH_LOCALEDIR is not set: run this test with meson test");
  /* As crs-watch.c does, with German asked for by LANGUAGE (the test's
   * LC_ALL is C.UTF-8, so no German locale needs to be installed). */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/german-window/ward-and-form", test_german_window);

  return g_test_run ();
}
