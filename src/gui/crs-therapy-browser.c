/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-browser.c: the therapy reference window. */
#define G_LOG_DOMAIN "crs-therapy-browser"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-risk.h"
#include "store/crs-reference.h"
#include "crs-therapy-browser.h"
#include "crs-therapy-detail.h"

struct _CrsTherapyBrowser
{
  AdwWindow parent_instance;

  CrsReference *reference;   /* NULL when it could not be opened */
  GListStore   *therapies;   /* CrsTherapy: the search's results, the list's model */

  AdwLeaflet       *leaflet;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *class_dropdown;
  GtkStack         *list_stack;
  GtkListBox       *therapy_list;
  AdwWindowTitle   *detail_title;
  GtkStack         *detail_stack;
  AdwStatusPage    *unknown_page;
  AdwStatusPage    *error_page;
  CrsTherapyDetail *detail;
};

G_DEFINE_FINAL_TYPE (CrsTherapyBrowser, crs_therapy_browser, ADW_TYPE_WINDOW)

/* The therapy a row of the list shows (the model's item at its place). */
static const char *
row_code (CrsTherapyBrowser *self,
          GtkListBoxRow     *row)
{
  g_autoptr(CrsTherapy) therapy = NULL;

  if (row == NULL)
    return NULL;
  therapy = g_list_model_get_item (G_LIST_MODEL (self->therapies), (guint) gtk_list_box_row_get_index (row));
  /* The store keeps the item: its code outlives this reference. */
  return therapy != NULL ? therapy->code : NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CrsTherapy *therapy = CRS_THERAPY (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *brands = g_strjoinv (", ", therapy->brand_names);
  g_autofree char *subtitle = NULL;

  if (*brands != '\0')
    subtitle = g_strdup_printf ("%s · %s", brands, crs_drug_class_label (therapy->drug_class));
  else
    subtitle = g_strdup (crs_drug_class_label (therapy->drug_class));

  /* Names are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), therapy->generic_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (therapy->risk_tier == CRS_RISK_TIER_HIGHEST)
    {
      /* Words, not a colour, mark the highest tier. */
      GtkWidget *tag = gtk_label_new (_("Highest risk"));
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  return row;
}

static GtkListBoxRow *
find_row (CrsTherapyBrowser *self,
          const char        *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->therapies));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrsTherapy) therapy = g_list_model_get_item (G_LIST_MODEL (self->therapies), i);

      if (g_strcmp0 (therapy->code, code) == 0)
        return gtk_list_box_get_row_at_index (self->therapy_list, (int) i);
    }
  return NULL;
}

static CrsDrugClass
selected_class (CrsTherapyBrowser *self)
{
  guint position = gtk_drop_down_get_selected (self->class_dropdown);

  /* Position 0 is "All classes"; then the classes in enum order. */
  if (position == GTK_INVALID_LIST_POSITION || position == 0 || position >= CRS_DRUG_CLASS_N_VALUES)
    return CRS_DRUG_CLASS_UNSET;
  return (CrsDrugClass) position;
}

static void
show_error (CrsTherapyBrowser *self,
            const GError      *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  adw_window_title_set_title (self->detail_title, "");
  gtk_stack_set_visible_child_name (self->detail_stack, "error");
}

static void
refresh_list (CrsTherapyBrowser *self)
{
  const char *shown = crs_therapy_browser_get_code (self);
  g_autoptr(GPtrArray) therapies = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->therapies);
  if (self->reference == NULL)
    return;

  therapies = crs_reference_search (self->reference,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                    selected_class (self), &error);
  if (therapies == NULL)
    {
      show_error (self, error);
      return;
    }

  g_list_store_splice (self->therapies, 0, 0, therapies->pdata, therapies->len);
  gtk_stack_set_visible_child_name (self->list_stack, therapies->len > 0 ? "list" : "empty");

  /* Keep the therapy on show selected when it is still in the list. */
  if (shown != NULL)
    {
      GtkListBoxRow *row = find_row (self, shown);
      if (row != NULL)
        gtk_list_box_select_row (self->therapy_list, row);
    }
}

static void
show_detail (CrsTherapyBrowser *self,
             CrsTherapy        *therapy)
{
  crs_therapy_detail_set_therapy (self->detail, therapy);
  adw_window_title_set_title (self->detail_title, therapy->generic_name);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
show_unknown (CrsTherapyBrowser *self,
              const char        *code)
{
  g_autofree char *description = NULL;

  crs_therapy_detail_set_therapy (self->detail, NULL);
  /* Translators: %s is a therapy code or name as entered on an infusion */
  description = g_strdup_printf (_("“%s” is not in the therapy reference.\n%s."),
                                 code, crs_risk_no_reference_text ());
  adw_status_page_set_description (self->unknown_page, description);
  adw_window_title_set_title (self->detail_title, code);
  gtk_stack_set_visible_child_name (self->detail_stack, "unknown");
  gtk_list_box_unselect_all (self->therapy_list);
}

static void
row_selected_cb (GtkListBox        *list,
                 GtkListBoxRow     *row,
                 CrsTherapyBrowser *self)
{
  g_autoptr(CrsTherapy) therapy = NULL;
  g_autoptr(GError) error = NULL;
  const char *code = row_code (self, row);

  if (code == NULL || self->reference == NULL ||
      g_strcmp0 (code, crs_therapy_browser_get_code (self)) == 0)
    return;
  therapy = crs_reference_lookup (self->reference, code, &error);
  if (therapy != NULL)
    show_detail (self, therapy);
  else if (error != NULL)
    show_error (self, error);
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  CrsTherapyBrowser *self)
{
  row_selected_cb (list, row, self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (CrsTherapyBrowser *self)
{
  refresh_list (self);
}

/* Enter in the search shows the first match. */
static void
search_activate_cb (CrsTherapyBrowser *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->therapy_list, 0);

  if (first == NULL)
    return;
  gtk_list_box_select_row (self->therapy_list, first);
  row_activated_cb (self->therapy_list, first, self);
}

/* Down in the search goes to the matches (past the class list). */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CrsTherapyBrowser     *self)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->therapy_list, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Escape clears the search first, then closes the window. */
static void
stop_search_cb (CrsTherapyBrowser *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
class_changed_cb (CrsTherapyBrowser *self)
{
  refresh_list (self);
}

static void
focus_search_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrsTherapyBrowser *self = CRS_THERAPY_BROWSER (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
go_back_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  adw_leaflet_navigate (CRS_THERAPY_BROWSER (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
setup_class_model (CrsTherapyBrowser *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("All classes"));
  for (int c = CRS_DRUG_CLASS_UNSET + 1; c < CRS_DRUG_CLASS_N_VALUES; c++)
    gtk_string_list_append (model, crs_drug_class_label ((CrsDrugClass) c));
  gtk_drop_down_set_model (self->class_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->class_dropdown, 0);
}

static void
crs_therapy_browser_dispose (GObject *object)
{
  CrsTherapyBrowser *self = CRS_THERAPY_BROWSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_THERAPY_BROWSER);
  g_clear_object (&self->reference);
  g_clear_object (&self->therapies);

  G_OBJECT_CLASS (crs_therapy_browser_parent_class)->dispose (object);
}

static void
crs_therapy_browser_class_init (CrsTherapyBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_therapy_browser_dispose;

  g_type_ensure (CRS_TYPE_THERAPY_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-therapy-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, therapy_list);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, detail_title);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, unknown_page);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyBrowser, detail);

  gtk_widget_class_install_action (widget_class, "browser.focus-search", NULL, focus_search_cb);
  gtk_widget_class_install_action (widget_class, "browser.go-back", NULL, go_back_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "browser.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crs_therapy_browser_init (CrsTherapyBrowser *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_class_model (self);
  self->therapies = g_list_store_new (CRS_TYPE_THERAPY);
  gtk_list_box_bind_model (self->therapy_list, G_LIST_MODEL (self->therapies), create_row, NULL, NULL);

  g_signal_connect (self->therapy_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->therapy_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect_swapped (self->class_dropdown, "notify::selected", G_CALLBACK (class_changed_cb), self);
  /* Typing anywhere in the window searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->reference = crs_reference_open_default (&error);
  if (self->reference == NULL)
    {
      show_error (self, error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->class_dropdown), FALSE);
      return;
    }
  refresh_list (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

CrsTherapyBrowser *
crs_therapy_browser_new (GtkApplication *application)
{
  return g_object_new (CRS_TYPE_THERAPY_BROWSER,
                       "application", application,
                       NULL);
}

const char *
crs_therapy_browser_get_code (CrsTherapyBrowser *self)
{
  CrsTherapy *therapy;

  g_return_val_if_fail (CRS_IS_THERAPY_BROWSER (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") != 0)
    return NULL;
  therapy = crs_therapy_detail_get_therapy (self->detail);
  return therapy ? therapy->code : NULL;
}

gboolean
crs_therapy_browser_show_therapy (CrsTherapyBrowser *self,
                                  const char        *code)
{
  g_autoptr(CrsTherapy) therapy = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  g_return_val_if_fail (CRS_IS_THERAPY_BROWSER (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->reference == NULL)
    return FALSE;

  therapy = crs_reference_lookup (self->reference, code, &error);
  if (therapy == NULL && error == NULL)
    therapy = crs_reference_resolve (self->reference, code, &error);
  if (error != NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  if (therapy == NULL)
    {
      show_unknown (self, code);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return FALSE;
    }

  show_detail (self, therapy);
  /* Make sure the therapy is in the list, selected, whatever the search. */
  row = find_row (self, therapy->code);
  if (row == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->class_dropdown, 0);
      refresh_list (self);
      row = find_row (self, therapy->code);
    }
  if (row != NULL)
    {
      gtk_list_box_select_row (self->therapy_list, row);
      /* Side by side, focus scrolls the list to the therapy on show. */
      if (!adw_leaflet_get_folded (self->leaflet))
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

CrsTherapyBrowser *
crs_therapy_browser_present (GtkApplication *application,
                             const char     *code)
{
  CrsTherapyBrowser *browser = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (CRS_IS_THERAPY_BROWSER (l->data))
      browser = l->data;
  if (browser == NULL)
    browser = crs_therapy_browser_new (application);
  if (code != NULL && *code != '\0')
    crs_therapy_browser_show_therapy (browser, code);
  gtk_window_present (GTK_WINDOW (browser));
  return browser;
}
