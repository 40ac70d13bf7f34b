/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-print.c: the handover report from the real window: Ctrl+P
 * and the other ways in open the report's choices; the print
 * operation's export path writes the same pages as the PDF writer of the
 * command line; the paper chosen is remembered. Under Xvfb. */
#define G_LOG_DOMAIN "test-report-print"

#include "config.h"

#include <string.h>

#include "crs-test-gtk-utils.h"
#include "crs-test-ward-data.h"
#include "gui/crs-check-row.h"
#include "gui/crs-patient-page-private.h"
#include "gui/crs-report-dialog-private.h"
#include "gui/crs-report-print.h"
#include "gui/crs-timeline-private.h"
#include "gui/crs-window-private.h"
#include "report/crs-timeline-render.h"
#include "store/crs-reference.h"

static CrsTestWard ward;

static void
make_ward (void)
{
  g_autoptr(CrsStore) store = crs_test_ward_open ();

  crs_test_ward_fill (store, g_get_real_time () / G_USEC_PER_SEC, &ward);
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *pdf,
           char      **size)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run_tool (argv);
  const char *pages = strstr (out, "Pages:");
  const char *page_size = strstr (out, "Page size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (page_size);
  if (size != NULL)
    *size = g_strndup (page_size, strcspn (page_size, "\n"));
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return run_tool (argv);
}

/* The same number of pages, of the same size, each with the same text in
 * the same places (pdftotext -layout). */
static void
assert_same_pages (const char *a,
                   const char *b)
{
  g_autofree char *size_a = NULL;
  g_autofree char *size_b = NULL;
  guint n = pdf_pages (a, &size_a);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (pdf_pages (b, &size_b), ==, n);
  g_assert_cmpstr (size_a, ==, size_b);
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *text_a = page_text (a, i);
      g_autofree char *text_b = page_text (b, i);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

static CrsHandover *
load_handover (CrsApplication *app,
               gint64          now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsReference) reference = crs_reference_open_default (&error);
  CrsHandoverOptions options;
  CrsHandover *handover;

  g_assert_no_error (error);
  crs_handover_options_init (&options);
  options.now = now;
  options.period = CRS_HANDOVER_PERIOD_24_HOURS;
  options.reference = reference;
  options.printed_by = "Test Nurse";
  crs_handover_period_bounds (options.period, NULL, now, &options.from, &options.to);
  handover = crs_handover_load (crs_application_get_store (app), &options, &error);
  g_assert_no_error (error);
  return handover;
}

/* The print operation's export writes the pages crs_report_write_pdf()
 * writes (the command line's), for the report and the blank charts; the
 * paper is remembered, and a remembered paper is used. */
static void
export_body (CrsApplication *app)
{
  GtkWindow *window = crs_test_main_window (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autoptr(CrsHandover) handover = load_handover (app, ward.now);
  g_autofree char *direct = g_build_filename (g_get_user_data_dir (), "direct.pdf", NULL);
  g_autofree char *printed = g_build_filename (g_get_user_data_dir (), "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autofree char *size = NULL;

  g_assert_cmpuint (handover->patients->len, ==, 4);
  for (CrsReportKind kind = CRS_REPORT_HANDOVER; kind <= CRS_REPORT_BLANK_CHARTS; kind++)
    {
      g_autoptr(GtkPageSetup) setup = crs_report_page_setup (settings);
      g_autoptr(CrsReport) report = crs_report_new (handover, kind,
                                                    gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                                    gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS));

      g_assert_true (crs_report_write_pdf (report, direct, &error));
      g_assert_no_error (error);
      g_assert_cmpint (crs_report_print (window, handover, kind, settings, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                         printed, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_no_error (error);
      assert_same_pages (direct, printed);
      if (kind == CRS_REPORT_HANDOVER)
        {
          g_autofree char *first = page_text (printed, 1);

          g_assert_nonnull (strstr (first, "Ward summary"));
          g_assert_nonnull (strstr (first, "Edith"));
        }
      else
        g_assert_cmpuint (pdf_pages (printed, NULL), ==, 4);
    }

  /* The paper used is remembered (the locale's: A4 in C). */
  saved = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (saved), >, 0);
  {
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_gvariant (saved);

    g_assert_nonnull (setup);
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A4);
  }

  /* A remembered US Letter is used by both ways out. */
  {
    g_autoptr(GtkPageSetup) letter = gtk_page_setup_new ();
    g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

    gtk_page_setup_set_paper_size (letter, paper);
    g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (letter));
  }
  g_assert_cmpint (crs_report_print (window, handover, CRS_REPORT_HANDOVER, settings,
                                     GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  pdf_pages (printed, &size);
  g_assert_nonnull (strstr (size, "612 x 792"));
  {
    g_autoptr(GtkPageSetup) setup = crs_report_page_setup (settings);

    g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS), 612, 0.01);
  }
  g_settings_reset (settings, "page-setup");
  g_settings_reset (settings, "print-settings");

  /* The nurse reads °F: the report the window makes says °F, in the
   * vital signs and on the chart, and nowhere °C. */
  g_settings_set_string (settings, "temperature-unit", "fahrenheit");
  {
    g_autoptr(CrsHandover) fahrenheit = NULL;
    g_autoptr(CrsReport) report = NULL;
    g_autoptr(GString) all = NULL;
    CrsHandoverOptions options;

    crs_handover_options_init (&options);
    options.now = ward.now;
    options.period = CRS_HANDOVER_PERIOD_24_HOURS;
    crs_handover_period_bounds (options.period, NULL, ward.now, &options.from, &options.to);
    fahrenheit = _crs_window_load_handover (CRS_WINDOW (window), &options, &error);
    g_assert_no_error (error);
    report = crs_report_new (fahrenheit, CRS_REPORT_HANDOVER, 595, 842);
    g_assert_true (crs_report_write_pdf (report, direct, &error));
    g_assert_no_error (error);
    all = g_string_new (NULL);
    for (guint page = 1; page <= pdf_pages (direct, NULL); page++)
      {
        g_autofree char *text = page_text (direct, page);
        g_string_append (all, text);
      }
    g_assert_nonnull (strstr (all->str, "Temperature 10"));
    g_assert_nonnull (strstr (all->str, "°F"));
    g_assert_null (strstr (all->str, "°C"));
  }
  g_settings_reset (settings, "temperature-unit");

  crs_test_close_all (app);
}

static void
test_export_same_pages (void)
{
  make_ward ();
  crs_test_run_application (NULL, export_body);
}

/* ---------------------------------------------------------------------- */

/* @model drawn by the timeline renderer in its default style. */
static cairo_surface_t *
render (CrsTimelineModel *model)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 132);
  cairo_t *cr = cairo_create (surface);
  CrsTimelineStyle style;

  crs_timeline_style_init_default (&style);
  crs_timeline_render (cr, 480, 132, &style, model);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The report's 72-hour chart of a patient is the patient page's summary
 * chart: the same points, infusions and interventions from the same
 * feed, the same view, so the renderer draws the same pixels. */
static void
same_chart_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  g_autoptr(CrsHandover) handover = load_handover (app, ward.now);
  g_autoptr(CrsReport) report = crs_report_new (handover, CRS_REPORT_HANDOVER, 595, 842);
  CrsPatientPage *page;
  CrsTimelineModel *screen;
  CrsTimelineModel *paper = NULL;
  cairo_surface_t *a, *b;

  crs_window_set_clock (window, ward.now);
  g_assert_true (crs_window_select_patient (window, ward.ada));
  crs_test_wait_drawn (GTK_WIDGET (window));
  page = CRS_PATIENT_PAGE (crs_test_find_widget (GTK_WIDGET (window), CRS_TYPE_PATIENT_PAGE, NULL));
  screen = crs_timeline_get_model (crs_patient_page_get_recent_chart (page));
  CRS_TEST_WAIT_UNTIL (crs_timeline_model_get_n_points (screen) > 0);

  for (guint i = 0; i < handover->patients->len; i++)
    if (((CrsHandoverPatient *) g_ptr_array_index (handover->patients, i))->status->patient->id == ward.ada)
      paper = crs_report_get_patient_timeline (report, i);
  g_assert_nonnull (paper);

  g_assert_cmpint (crs_timeline_model_get_now (paper), ==, crs_timeline_model_get_now (screen));
  g_assert_cmpint (crs_timeline_model_get_range (paper), ==, CRS_TIMELINE_RANGE_72_HOURS);
  g_assert_cmpint (crs_timeline_model_get_range (paper), ==, crs_timeline_model_get_range (screen));
  g_assert_cmpint (crs_timeline_model_get_mode (paper), ==, crs_timeline_model_get_mode (screen));
  g_assert_cmpuint (crs_timeline_model_get_n_points (paper), ==, crs_timeline_model_get_n_points (screen));
  g_assert_cmpuint (crs_timeline_model_get_n_infusions (paper), ==, crs_timeline_model_get_n_infusions (screen));
  g_assert_cmpuint (crs_timeline_model_get_n_interventions (paper), ==,
                    crs_timeline_model_get_n_interventions (screen));
  g_assert_cmpfloat (crs_timeline_model_get_fever_line (paper), ==, crs_timeline_model_get_fever_line (screen));
  for (guint i = 0; i < crs_timeline_model_get_n_points (paper); i++)
    {
      const CrsTimelinePoint *p = crs_timeline_model_get_point (paper, i);
      const CrsTimelinePoint *q = crs_timeline_model_get_point (screen, i);

      g_assert_cmpint (p->at, ==, q->at);
      g_assert_cmpint (p->crs.grade, ==, q->crs.grade);
      g_assert_cmpint (p->crs.kind, ==, q->crs.kind);
      g_assert_cmpint (p->icans.grade, ==, q->icans.grade);
      g_assert_cmpint (p->icans.kind, ==, q->icans.kind);
      g_assert_cmpint (p->news2, ==, q->news2);
    }

  a = render (paper);
  b = render (screen);
  g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
  g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * 132,
                   cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * 132);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  crs_test_close_all (app);
}

static void
test_same_chart (void)
{
  make_ward ();
  crs_test_run_application (NULL, same_chart_body);
}

/* ---------------------------------------------------------------------- */

static CrsReportDialog *
find_dialog (void)
{
  return CRS_REPORT_DIALOG (crs_test_find_toplevel (CRS_TYPE_REPORT_DIALOG));
}

static gboolean
has_accel (CrsApplication *app,
           const char     *action,
           const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  return accels != NULL && g_strv_contains ((const char * const *) accels, accel);
}

/* Ctrl+P, Export PDF… and Print Blank Charts… open the choices with their
 * own way out as the default; the choices become the report's options. */
static void
dialog_body (CrsApplication *app)
{
  CrsWindow *window = CRS_WINDOW (crs_test_main_window (app));
  CrsReportDialog *dialog;
  CrsHandoverOptions options;
  GtkListBox *list;
  GtkWidget *row;
  guint n_rows = 0;
  GListModel *periods;
  g_autofree char *first = NULL;

  crs_window_set_clock (window, ward.now);
  g_assert_true (has_accel (app, "win.print", "<Control>p"));
  g_assert_true (has_accel (app, "win.export-pdf", "<Shift><Control>e"));
  g_assert_true (crs_window_select_patient (window, ward.edith));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  CRS_TEST_WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  crs_test_wait_drawn (GTK_WIDGET (dialog));
  crs_test_wait_drawn (GTK_WIDGET (dialog));
  crs_test_screenshot (GTK_WIDGET (dialog), "report-dialog");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "print");

  /* The period: this shift by the ward's shift times (07:00, 19:00 by
   * default), the last 12 and 24 hours, or from and to. */
  periods = adw_combo_row_get_model (crs_report_dialog_get_period_row (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (periods), ==, 4);
  first = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (periods), 0));
  g_assert_true (g_str_has_prefix (first, "This shift, "));
  g_assert_true (strstr (first, "07:00") != NULL || strstr (first, "19:00") != NULL);

  crs_handover_options_init (&options);
  crs_report_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.period, ==, CRS_HANDOVER_PERIOD_SHIFT);
  g_assert_cmpint (options.selection, ==, CRS_HANDOVER_ALL);
  g_assert_cmpint (options.from, <=, ward.now);
  g_assert_cmpint (options.to, >, ward.now);

  adw_combo_row_set_selected (crs_report_dialog_get_period_row (dialog), 2);
  crs_report_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.period, ==, CRS_HANDOVER_PERIOD_24_HOURS);
  g_assert_cmpint (options.to - options.from, ==, 24 * 3600);

  /* Selected patients: the patient shown is ticked; none ticked, nothing
   * to print. */
  adw_combo_row_set_selected (crs_report_dialog_get_patients_row (dialog), 2);
  list = crs_report_dialog_get_patients_list (dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      n_rows++;
      g_assert_cmpint (crs_check_row_get_active (CRS_CHECK_ROW (row)), ==, strstr (title, "Edith") != NULL);
      if (crs_check_row_get_active (CRS_CHECK_ROW (row)))
        crs_check_row_set_active (CRS_CHECK_ROW (row), FALSE);
    }
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  crs_check_row_set_active (CRS_CHECK_ROW (gtk_widget_get_first_child (GTK_WIDGET (list))), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));
  crs_report_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.selection, ==, CRS_HANDOVER_SELECTED);
  g_assert_nonnull (options.mrns);
  g_assert_cmpuint (g_strv_length ((char **) options.mrns), ==, 1);

  /* Only escalated. */
  adw_combo_row_set_selected (crs_report_dialog_get_patients_row (dialog), 1);
  crs_report_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.selection, ==, CRS_HANDOVER_ESCALATED);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));

  /* From and to: an end before the start is refused. */
  adw_combo_row_set_selected (crs_report_dialog_get_period_row (dialog), 3);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));
  crs_report_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.period, ==, CRS_HANDOVER_PERIOD_CUSTOM);
  g_assert_cmpint (options.to - options.from, ==, 12 * 3600);
  {
    GtkWidget *to = crs_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "To");

    g_assert_nonnull (to);
    g_object_set (to, "time", options.from - 60, NULL);
  }
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "print"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));   /* as its button does */
  CRS_TEST_WAIT_UNTIL (find_dialog () == NULL);

  /* The other ways in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  CRS_TEST_WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "export");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));   /* as its button does */
  CRS_TEST_WAIT_UNTIL (find_dialog () == NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-blank-charts", NULL));
  CRS_TEST_WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "blank");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));   /* as its button does */
  CRS_TEST_WAIT_UNTIL (find_dialog () == NULL);

  /* Print…: the report is read and the print dialog opens over the
   * window, which goes on meanwhile; cancelled, nothing is printed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  CRS_TEST_WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "print");
  gtk_window_close (GTK_WINDOW (dialog));
  {
    GType type = g_type_from_name ("GtkPrintUnixDialog");
    GtkWindow *print_dialog = NULL;

    CRS_TEST_WAIT_UNTIL (type != 0 || (type = g_type_from_name ("GtkPrintUnixDialog")) != 0);
    CRS_TEST_WAIT_UNTIL ((print_dialog = crs_test_find_toplevel (type)) != NULL);
    g_assert_true (gtk_window_get_transient_for (print_dialog) == GTK_WINDOW (window));
    crs_test_wait_drawn (GTK_WIDGET (print_dialog));
    gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
    CRS_TEST_WAIT_UNTIL (crs_test_find_toplevel (type) == NULL);
  }

  crs_test_close_all (app);
}

static void
test_dialog (void)
{
  make_ward ();
  crs_test_run_application (NULL, dialog_body);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/report-print/export-same-pages", test_export_same_pages);
  g_test_add_func ("/report-print/dialog", test_dialog);
  g_test_add_func ("/report-print/same-chart", test_same_chart);

  return g_test_run ();
}
