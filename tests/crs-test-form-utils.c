/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-test-form-utils.c: helpers for the tests that drive the forms. */
#define G_LOG_DOMAIN "crs-test"

#include "config.h"

#include "crs-test-form-utils.h"
#include "crs-test-gtk-utils.h"

void
form_test_init (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  adw_init ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

gboolean
form_test_has_class (GtkWidget  *widget,
                     const char *name)
{
  return gtk_widget_has_css_class (widget, name);
}

CrsStore *
form_test_open_store (char **path_out)
{
  static int n;
  g_autofree char *dir = g_strdup_printf ("ward-%d", ++n);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), dir, "ward.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  CrsStore *store = crs_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

CrsPatient *
form_test_add_patient (CrsStore   *store,
                       const char *mrn,
                       const char *birth_date)
{
  g_autoptr(CrsPatient) patient = crs_patient_new ();
  g_autoptr(GError) error = NULL;

  patient->mrn = g_strdup (mrn);
  patient->name = g_strdup ("Test Patient");
  patient->bed = g_strdup ("4");
  patient->birth_date = g_strdup (birth_date != NULL ? birth_date : "1970-01-01");
  patient->spo2_scale = 1;
  g_assert_true (crs_store_add_patient (store, patient, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&patient);
}

static gboolean
window_drawn (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

void
form_test_show (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (crs_test_wait_until (window_drawn, window, CRS_TEST_TIMEOUT_MS));
  crs_test_wait_drawn (GTK_WIDGET (window));
}

GtkWidget *
form_test_focus (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

gboolean
form_test_has_focus_in (GtkWindow *window,
                        GtkWidget *widget)
{
  GtkWidget *focus = form_test_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
form_test_type (GtkWindow  *window,
                const char *text)
{
  GtkWidget *focus = form_test_focus (window);

  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
  crs_test_flush ();
}

/* A window without the display's keyboard focus (another test's window
 * may hold it: the suite shares one X server and has no window manager)
 * forgets the path from itself to its focus widget, so Tab would start
 * over at the top. A key press only ever reaches the active window: put
 * the path back as the active window has it. */
static void
keep_focus_path (GtkWindow *window)
{
  g_autoptr(GtkWidget) focus = NULL;

  if (gtk_window_is_active (window) || form_test_focus (window) == NULL)
    return;
  focus = g_object_ref (form_test_focus (window));
  gtk_window_set_focus (window, NULL);
  gtk_widget_grab_focus (focus);
}

void
form_test_tab (GtkWindow *window,
               gboolean   back)
{
  keep_focus_path (window);
  /* What GtkWindow does on Tab: move the focus along the focus chain,
   * wrapping at the end. */
  if (!gtk_widget_child_focus (GTK_WIDGET (window), back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), back ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
    }
  crs_test_flush ();
}

void
form_test_activate (GtkWindow *window)
{
  keep_focus_path (window);
  g_assert_nonnull (form_test_focus (window));
  g_signal_emit_by_name (form_test_focus (window), "activate");
  crs_test_flush ();
}

static gboolean
activate_in_controllers (GtkWidget          *widget,
                         GtkShortcutTrigger *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

gboolean
form_test_press (GtkWindow       *window,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, modifiers);
  gboolean handled = FALSE;

  keep_focus_path (window);
  /* From the focus up to the window, as a key press bubbles. The
   * shortcut may close the window: nothing is touched after it ran. */
  for (GtkWidget *w = form_test_focus (window); w != NULL; w = gtk_widget_get_parent (w))
    if ((handled = activate_in_controllers (w, trigger)))
      break;
  if (!handled && form_test_focus (window) == NULL)
    handled = activate_in_controllers (GTK_WIDGET (window), trigger);
  crs_test_flush ();
  return handled;
}

static gboolean
window_destroyed (gpointer data)
{
  GtkWindow **window = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Freed, or destroyed and kept for crs_test_finalize_windows(). */
  if (*window == NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) open = g_list_model_get_item (toplevels, i);
      if (open == *window)
        return FALSE;
    }
  return TRUE;
}

gboolean
form_test_wait_closed (GtkWindow **window)
{
  if (!crs_test_wait_until (window_destroyed, window, 5000))
    return FALSE;
  if (*window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  *window = NULL;
  return TRUE;
}

AdwMessageDialog *
form_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
form_test_visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

GtkWidget *
form_test_find_row (GtkWidget  *root,
                    const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = form_test_find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_editable (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_EDITABLE (child) && !GTK_IS_SPIN_BUTTON (child))
        return child;
      found = find_editable (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkEditable *
form_test_row_editable (GtkWidget *row)
{
  if (GTK_IS_EDITABLE (row))
    return GTK_EDITABLE (row);
  return GTK_EDITABLE (find_editable (row));
}
