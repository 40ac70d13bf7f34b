/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-therapy-browser.c: the therapy reference window, driven like a
 * user: opened from the primary menu's action, searched by brand name,
 * filtered by class, opened on a code, and on a therapy it does not know. */
#define G_LOG_DOMAIN "test-therapy-browser"

#include "config.h"

#include <string.h>

#include "crs-test-gtk-utils.h"
#include "gui/crs-therapy-browser.h"
#include "gui/crs-therapy-detail.h"
#include "gui/crs-therapy-field-row-private.h"
#include "store/crs-reference.h"

static gboolean
browser_shown (gpointer data)
{
  return crs_test_find_toplevel (CRS_TYPE_THERAPY_BROWSER) != NULL;
}

static GtkListBox *
therapy_list (GtkWidget *browser)
{
  /* The list box in the sidebar, the box that holds the search entry. */
  GtkWidget *search = crs_test_find_widget (browser, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *sidebar = search ? gtk_widget_get_parent (gtk_widget_get_parent (search)) : NULL;
  GtkWidget *list = crs_test_find_widget (sidebar, GTK_TYPE_LIST_BOX, NULL);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

typedef struct
{
  GtkListBox *list;
  guint       rows;
  const char *first;     /* title of the first row, or NULL */
} ListState;

static gboolean
list_is (gpointer data)
{
  ListState *state = data;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (state->list, 0);

  if (count_rows (state->list) != state->rows)
    return FALSE;
  return state->first == NULL ||
         (ADW_IS_PREFERENCES_ROW (first) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), state->first) == 0);
}

static CrsTherapyFieldRow *
field_row (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = crs_test_find_widget (root, CRS_TYPE_THERAPY_FIELD_ROW, title);

  if (row == NULL)
    g_error ("no field “%s” on show", title);
  return CRS_THERAPY_FIELD_ROW (row);
}

static gboolean
detail_shows (gpointer data)
{
  GtkWidget *browser = data;
  GtkWidget *row = crs_test_find_widget (browser, CRS_TYPE_THERAPY_FIELD_ROW, "CRS, any grade");

  return row != NULL && gtk_widget_is_drawable (row);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
search_body (CrsApplication *app)
{
  GtkWindow *main_window = crs_test_main_window (app);
  GtkWidget *menu_button = crs_test_find_widget (GTK_WIDGET (main_window), GTK_TYPE_MENU_BUTTON, "Main Menu");
  GtkWidget *browser;
  GtkWidget *search;
  GtkWidget *row;
  GtkWidget *detail;
  CrsTherapyFieldRow *field;
  ListState state;

  /* The primary menu offers the reference. */
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "app.therapy-reference"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "therapy-reference", NULL);
  g_assert_true (crs_test_wait_until (browser_shown, NULL, 5000));
  browser = GTK_WIDGET (crs_test_find_toplevel (CRS_TYPE_THERAPY_BROWSER));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (browser)), ==, "Therapy Reference");
  CRS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (browser));

  /* Every therapy is listed at first. */
  state = (ListState) { therapy_list (browser), 28, "afamitresgene autoleucel" };
  g_assert_true (crs_test_wait_until (list_is, &state, 5000));

  /* A nurse types the brand on the box. */
  search = crs_test_find_widget (browser, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  gtk_widget_grab_focus (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "blincyto");
  state = (ListState) { therapy_list (browser), 1, "blinatumomab" };
  g_assert_true (crs_test_wait_until (list_is, &state, 5000));

  /* Enter shows the first match. */
  g_signal_emit_by_name (search, "activate");
  g_assert_true (crs_test_wait_until (detail_shows, browser, 5000));
  g_assert_cmpstr (crs_therapy_browser_get_code (CRS_THERAPY_BROWSER (browser)), ==, "blinatumomab");
  row = GTK_WIDGET (gtk_list_box_get_selected_row (therapy_list (browser)));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "blinatumomab");

  /* Its CRS incidence, with source and study. */
  field = field_row (browser, "CRS, any grade");
  g_assert_cmpstr (crs_therapy_field_row_get_value (field), ==, "15%");
  g_assert_nonnull (strstr (crs_therapy_field_row_get_detail (field),
                            "Source: BLINCYTO label Warnings and Precautions (MIMS Thailand copy of the US label)"));
  g_assert_nonnull (strstr (crs_therapy_field_row_get_detail (field), "Study: pooled clinical trials (label): R/R ALL"));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (field), GTK_TYPE_LABEL, "15%"));

  /* A value no source gave says so. */
  field = field_row (browser, "CRS, grade 3 or higher");
  g_assert_null (crs_therapy_field_row_get_value (field));
  g_assert_nonnull (crs_test_find_widget (GTK_WIDGET (field), GTK_TYPE_LABEL, "No data"));

  /* Onset in the unit of the source. */
  field = field_row (browser, "Median onset");
  g_assert_cmpstr (crs_therapy_field_row_get_value (field), ==, "2 days");

  crs_test_wait_drawn (browser);
  crs_test_screenshot (browser, "therapy-browser-blinatumomab");
  detail = crs_test_find_widget (browser, ADW_TYPE_CLAMP, NULL);
  g_assert_nonnull (detail);
  crs_test_screenshot (detail, "therapy-detail-blinatumomab");

  /* Escape clears the search: the whole list is back. */
  g_signal_emit_by_name (search, "stop-search");
  state = (ListState) { therapy_list (browser), 28, NULL };
  g_assert_true (crs_test_wait_until (list_is, &state, 5000));

  crs_test_close_all (app);
}

static void
test_search_by_brand (void)
{
  crs_test_run_application (NULL, search_body);
}

static void
class_body (CrsApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrsReference) reference = crs_reference_open_default (&error);
  g_autoptr(GPtrArray) car_t = NULL;
  GtkWidget *browser;
  GtkWidget *dropdown;
  ListState state;

  g_assert_no_error (error);
  car_t = crs_reference_list_by_class (reference, CRS_DRUG_CLASS_CAR_T, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (car_t->len, >, 0);

  browser = GTK_WIDGET (crs_therapy_browser_present (GTK_APPLICATION (app), NULL));
  g_assert_true (crs_test_wait_until (browser_shown, NULL, 5000));
  dropdown = crs_test_find_widget (browser, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (dropdown);

  /* The classes follow "All classes" in enum order. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), CRS_DRUG_CLASS_CAR_T);
  state = (ListState) { therapy_list (browser), car_t->len,
                        ((CrsTherapy *) car_t->pdata[0])->generic_name };
  g_assert_true (crs_test_wait_until (list_is, &state, 5000));
  for (guint i = 0; i < car_t->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (therapy_list (browser), (int) i);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       ((CrsTherapy *) car_t->pdata[i])->generic_name);
    }

  crs_test_close_all (app);
}

static void
test_filter_by_class (void)
{
  crs_test_run_application (NULL, class_body);
}

static gboolean
status_shows (gpointer data)
{
  GtkWidget *browser = GTK_WIDGET (crs_test_find_toplevel (CRS_TYPE_THERAPY_BROWSER));

  return browser != NULL && crs_test_find_widget (browser, ADW_TYPE_STATUS_PAGE, data) != NULL;
}

static void
show_body (CrsApplication *app)
{
  GtkWidget *browser;
  GtkWidget *page;
  CrsTherapyFieldRow *field;

  /* From a patient's infusion: open on a code. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-therapy", g_variant_new_string ("tisagenlecleucel"));
  g_assert_true (crs_test_wait_until (browser_shown, NULL, 5000));
  browser = GTK_WIDGET (crs_test_find_toplevel (CRS_TYPE_THERAPY_BROWSER));
  g_assert_true (crs_test_wait_until (detail_shows, browser, 5000));
  g_assert_cmpstr (crs_therapy_browser_get_code (CRS_THERAPY_BROWSER (browser)), ==, "tisagenlecleucel");
  field = field_row (browser, "Onset range");
  g_assert_cmpstr (crs_therapy_field_row_get_value (field), ==, "1 to 51 days");
  g_assert_nonnull (strstr (crs_therapy_field_row_get_detail (field),
                            "As written: 1-51 days (only 2 patients after day 10; pooled ALL+DLBCL per 2018 ISI)"));
  /* REMS-era monitoring wording is marked as such. */
  g_assert_nonnull (crs_test_find_widget (browser, GTK_TYPE_LABEL,
                                          "Earlier wording, from before the June 2025 REMS change: "
                                          "check the current prescribing information."));
  crs_test_wait_drawn (browser);
  crs_test_screenshot (crs_test_find_widget (browser, ADW_TYPE_CLAMP, NULL), "therapy-detail-tisagenlecleucel");

  /* The same window, now on a therapy the reference does not know. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-therapy", g_variant_new_string ("study-drug-x"));
  g_assert_true (crs_test_wait_until (status_shows, (gpointer) "No Reference Data", 5000));
  g_assert_true (crs_test_find_toplevel (CRS_TYPE_THERAPY_BROWSER) == GTK_WINDOW (browser));
  page = crs_test_find_widget (browser, ADW_TYPE_STATUS_PAGE, "No Reference Data");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            "No reference data for this therapy: ask the pharmacist"));
  g_assert_null (crs_therapy_browser_get_code (CRS_THERAPY_BROWSER (browser)));

  /* A name as typed on an infusion finds its therapy too. */
  g_assert_true (crs_therapy_browser_show_therapy (CRS_THERAPY_BROWSER (browser), "Kymriah"));
  g_assert_cmpstr (crs_therapy_browser_get_code (CRS_THERAPY_BROWSER (browser)), ==, "tisagenlecleucel");

  crs_test_close_all (app);
}

static void
test_show_therapy (void)
{
  crs_test_run_application (NULL, show_body);
}

/* The leaflet shows the page that holds a widget of @type, and is done
 * moving to it. */
static gboolean
page_shown (GtkWidget  *browser,
            AdwLeaflet *leaflet,
            GType       type)
{
  GtkWidget *widget = crs_test_find_widget (browser, type, NULL);

  return widget != NULL && gtk_widget_is_ancestor (widget, adw_leaflet_get_visible_child (leaflet)) &&
         !adw_leaflet_get_child_transition_running (leaflet);
}

/* Narrow, the window folds to one column and Back returns to the list. */
static void
narrow_body (CrsApplication *app)
{
  CrsTherapyBrowser *browser = crs_therapy_browser_present (GTK_APPLICATION (app), NULL);
  GtkWidget *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (browser), 360, 600);
  g_assert_true (crs_test_wait_until (browser_shown, NULL, 5000));
  CRS_TEST_WAIT_UNTIL ((leaflet = crs_test_find_widget (GTK_WIDGET (browser), ADW_TYPE_LEAFLET, NULL)) != NULL &&
                       adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  g_assert_true (crs_therapy_browser_show_therapy (browser, "blinatumomab"));
  CRS_TEST_WAIT_UNTIL (page_shown (GTK_WIDGET (browser), ADW_LEAFLET (leaflet), CRS_TYPE_THERAPY_DETAIL));
  /* The visible page is the one with the detail, not the search. */
  g_assert_true (gtk_widget_is_ancestor (crs_test_find_widget (GTK_WIDGET (browser), CRS_TYPE_THERAPY_DETAIL, NULL),
                                         adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));
  crs_test_screenshot (GTK_WIDGET (browser), "therapy-browser-narrow");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (browser), "browser.go-back", NULL));
  CRS_TEST_WAIT_UNTIL (page_shown (GTK_WIDGET (browser), ADW_LEAFLET (leaflet), GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_is_ancestor (crs_test_find_widget (GTK_WIDGET (browser), GTK_TYPE_SEARCH_ENTRY, NULL),
                                         adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet))));

  crs_test_close_all (app);
}

static void
test_narrow (void)
{
  crs_test_run_application (NULL, narrow_body);
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_test_add_func ("/therapy-browser/search-by-brand", test_search_by_brand);
  g_test_add_func ("/therapy-browser/filter-by-class", test_filter_by_class);
  g_test_add_func ("/therapy-browser/show-therapy", test_show_therapy);
  g_test_add_func ("/therapy-browser/narrow", test_narrow);

  return g_test_run ();
}
