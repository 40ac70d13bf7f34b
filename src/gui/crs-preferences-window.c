/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-preferences-window.c: user and ward preferences, applied as typed.
 *
 * The user's own choices (name, temperature unit, ward list order) are
 * GSettings; the ward's (its name, its policy) are ward settings in the
 * store, audited, shared by every workstation of the ward. A policy value
 * the store refuses is put back and the reason shown. */
#define G_LOG_DOMAIN "crs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/crs-shift.h"
#include "core/crs-ward-policy.h"
#include "crs-application.h"
#include "crs-preferences-window.h"
#include "crs-sign-in-page.h"

/* The ward setting holding the ward's name (as in the ward XML). */

struct _CrsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  CrsStore  *store;
  gboolean   loading;

  /* Template widgets */
  AdwEntryRow         *nurse_row;
  AdwComboRow         *temperature_row;
  AdwComboRow         *sort_row;
  AdwActionRow        *database_now_row;
  AdwEntryRow         *database_row;
  AdwPreferencesPage  *ward_page;
  AdwEntryRow         *ward_name_row;
  AdwEntryRow         *shift_row;
  AdwActionRow        *require_tls_row;
  GtkSwitch           *require_tls_switch;
  AdwPreferencesGroup *policy_group;
  GtkSpinButton       *hypotension_spin;
  GtkSpinButton       *capd_spin;
  GtkSpinButton       *low_flow_spin;
  GtkSpinButton       *grade1_spin;
  GtkSpinButton       *gap_spin;
  GtkSwitch           *child_bp_switch;
  GtkAdjustment       *grade1_adjustment;
  GtkAdjustment       *gap_adjustment;
  GtkSpinButton       *window_spin;
  GtkSpinButton       *news2_age_spin;
  GtkAdjustment       *hypotension_adjustment;
  GtkAdjustment       *capd_adjustment;
  GtkAdjustment       *low_flow_adjustment;
  GtkAdjustment       *window_adjustment;
  GtkAdjustment       *news2_age_adjustment;
};

G_DEFINE_FINAL_TYPE (CrsPreferencesWindow, crs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A combo row's position <-> an enum key's nick. */
static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static const char * const temperature_nicks[] = { "celsius", "fahrenheit", NULL };
static const char * const sort_nicks[] = { "bed", "urgency", NULL };

static void
show_policy (CrsPreferencesWindow *self)
{
  CrsWardPolicy policy;

  /* A damaged setting shows its documented default; the ward is told,
   * and saving any value here writes the whole policy again. */
  if (!crs_store_load_policy (self->store, &policy))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("A ward policy setting could not be read: its "
                                                       "documented default is shown.")));
  self->loading = TRUE;
  gtk_spin_button_set_value (self->hypotension_spin, policy.hypotension_systolic_below);
  gtk_spin_button_set_value (self->capd_spin, policy.capd_below_age);
  gtk_spin_button_set_value (self->low_flow_spin, policy.low_flow_max_l_min);
  gtk_spin_button_set_value (self->window_spin, policy.window_interval_minutes);
  gtk_spin_button_set_value (self->news2_age_spin, policy.news2_min_age);
  gtk_spin_button_set_value (self->grade1_spin, policy.grade1_interval_minutes);
  gtk_spin_button_set_value (self->gap_spin, policy.continuous_max_gap_minutes);
  gtk_switch_set_active (self->child_bp_switch, policy.child_hypotension_by_age);
  self->loading = FALSE;
}

static void
policy_changed_cb (CrsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  CrsWardPolicy policy;

  if (self->loading || self->store == NULL)
    return;

  crs_store_load_policy (self->store, &policy);
  policy.hypotension_systolic_below = gtk_spin_button_get_value_as_int (self->hypotension_spin);
  policy.capd_below_age = gtk_spin_button_get_value_as_int (self->capd_spin);
  policy.low_flow_max_l_min = gtk_spin_button_get_value (self->low_flow_spin);
  policy.window_interval_minutes = gtk_spin_button_get_value_as_int (self->window_spin);
  policy.news2_min_age = gtk_spin_button_get_value_as_int (self->news2_age_spin);
  policy.grade1_interval_minutes = gtk_spin_button_get_value_as_int (self->grade1_spin);
  policy.continuous_max_gap_minutes = gtk_spin_button_get_value_as_int (self->gap_spin);
  policy.child_hypotension_by_age = gtk_switch_get_active (self->child_bp_switch);
  if (!crs_store_save_policy (self->store, &policy, &error))
    {
      /* Nothing was saved: show what the ward has, and why. */
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      show_policy (self);
    }
}

static void
ward_name_apply_cb (CrsPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ward_name_row))));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!crs_store_set_ward_name (self->store, name, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
show_shifts (CrsPreferencesWindow *self)
{
  g_autofree char *stored = crs_store_get_setting (self->store, CRS_SHIFT_STARTS_KEY);
  g_autoptr(GArray) starts = crs_shift_parse (stored, NULL);
  g_autofree char *text = NULL;

  if (starts == NULL)
    starts = crs_shift_parse (CRS_SHIFT_STARTS_DEFAULT, NULL);
  text = crs_shift_format (starts);
  gtk_editable_set_text (GTK_EDITABLE (self->shift_row), text);
}

/* The handover report's "this shift" follows the ward's shift times. */
static void
shift_apply_cb (CrsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) starts = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    return;
  starts = crs_shift_parse (gtk_editable_get_text (GTK_EDITABLE (self->shift_row)), &error);
  if (starts != NULL)
    {
      text = crs_shift_format (starts);
      crs_store_set_setting (self->store, CRS_SHIFT_STARTS_KEY, text, &error);
    }
  if (error != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  /* What the ward has now, written the one way. */
  show_shifts (self);
}

/* A shared ward's rule for every workstation; refused (and shown as it
 * is) from a workstation whose own connection is not encrypted. */
static void
require_tls_cb (CrsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean wanted = gtk_switch_get_active (self->require_tls_switch);

  if (self->loading || self->store == NULL)
    return;
  if (!crs_store_set_require_tls (self->store, wanted, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  self->loading = TRUE;
  gtk_switch_set_active (self->require_tls_switch, crs_store_get_require_tls (self->store));
  self->loading = FALSE;
}

/* The shared ward's address: empty, or a server address without a
 * password (libpq reads that from ~/.pgpass or the service file). */
static void
database_apply_cb (CrsPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
  const char *problem = NULL;

  if (*text != '\0' && !crs_store_is_server_locator (text))
    problem = _("This is not a server address. Write it as the IT department gives it, such as "
                "service=ward3 or postgresql://server/ward3.");
  else if (*text != '\0' && crs_store_locator_has_password (text))
    problem = _("Leave the password out: it belongs in ~/.pgpass or the service file.");

  if (problem != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->database_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (problem));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->database_row), "error");
  g_settings_set_string (self->settings, "ward-database", text);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Saved. CRS Watch opens it at its next start.")));
}

static void
crs_preferences_window_dispose (GObject *object)
{
  CrsPreferencesWindow *self = CRS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crs_preferences_window_parent_class)->dispose (object);
}

static void
crs_preferences_window_class_init (CrsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, nurse_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, temperature_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, sort_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, ward_page);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, ward_name_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, shift_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, database_now_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, require_tls_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, require_tls_switch);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, policy_group);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, hypotension_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, capd_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, low_flow_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, grade1_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, gap_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, child_bp_switch);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, grade1_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, gap_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, window_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, news2_age_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, hypotension_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, capd_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, low_flow_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, window_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CrsPreferencesWindow, news2_age_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, policy_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ward_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, shift_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, require_tls_cb);
}

static void
crs_preferences_window_init (CrsPreferencesWindow *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bounds the store accepts (crs-ward-policy.h), set before any
   * value so that none is clamped on the way. */
  gtk_adjustment_configure (self->hypotension_adjustment, CRS_WARD_POLICY_HYPOTENSION_MIN,
                            CRS_WARD_POLICY_HYPOTENSION_MIN, CRS_WARD_POLICY_HYPOTENSION_MAX, 1, 5, 0);
  gtk_adjustment_configure (self->capd_adjustment, CRS_WARD_POLICY_CAPD_AGE_MIN,
                            CRS_WARD_POLICY_CAPD_AGE_MIN, CRS_WARD_POLICY_CAPD_AGE_MAX, 1, 1, 0);
  gtk_adjustment_configure (self->low_flow_adjustment, CRS_WARD_POLICY_LOW_FLOW_MIN,
                            CRS_WARD_POLICY_LOW_FLOW_MIN, CRS_WARD_POLICY_LOW_FLOW_MAX, 0.5, 1, 0);
  gtk_adjustment_configure (self->window_adjustment, CRS_WARD_POLICY_WINDOW_INTERVAL_MIN,
                            CRS_WARD_POLICY_WINDOW_INTERVAL_MIN, CRS_WARD_POLICY_WINDOW_INTERVAL_MAX,
                            15, 60, 0);
  gtk_adjustment_configure (self->news2_age_adjustment, CRS_WARD_POLICY_NEWS2_AGE_MIN,
                            CRS_WARD_POLICY_NEWS2_AGE_MIN, CRS_WARD_POLICY_NEWS2_AGE_MAX, 1, 1, 0);
  gtk_adjustment_configure (self->grade1_adjustment, CRS_WARD_POLICY_GRADE1_INTERVAL_MIN,
                            CRS_WARD_POLICY_GRADE1_INTERVAL_MIN, CRS_WARD_POLICY_GRADE1_INTERVAL_MAX,
                            15, 60, 0);
  gtk_adjustment_configure (self->gap_adjustment, CRS_WARD_POLICY_CONTINUOUS_GAP_MIN,
                            CRS_WARD_POLICY_CONTINUOUS_GAP_MIN, CRS_WARD_POLICY_CONTINUOUS_GAP_MAX, 5, 15, 0);
  self->loading = FALSE;

  self->settings = g_settings_new (APP_ID_BASE);
  g_settings_bind (self->settings, "nurse-name", self->nurse_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "temperature-unit", self->temperature_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer) temperature_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "ward-sort", self->sort_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer) sort_nicks, NULL);
  {
    g_autofree char *shared = g_settings_get_string (self->settings, "ward-database");
    gtk_editable_set_text (GTK_EDITABLE (self->database_row), shared);
  }
}

CrsPreferencesWindow *
crs_preferences_window_new (GtkWindow *parent)
{
  CrsPreferencesWindow *self = g_object_new (CRS_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent,
                                             NULL);
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  CrsStore *store = CRS_IS_APPLICATION (app) ? crs_application_get_store (CRS_APPLICATION (app)) : NULL;

  /* Without a ward database there is no ward to set up. */
  gtk_widget_set_visible (GTK_WIDGET (self->ward_page), store != NULL);
  adw_action_row_set_subtitle (self->database_now_row,
                               store != NULL ? crs_store_get_path (store) : _("None"));
  if (store != NULL)
    {
      g_autofree char *name = crs_store_get_ward_name (store);

      self->store = g_object_ref (store);
      gtk_editable_set_text (GTK_EDITABLE (self->ward_name_row), name != NULL ? name : "");
      show_shifts (self);
      show_policy (self);
      gtk_widget_set_visible (GTK_WIDGET (self->require_tls_row), crs_store_is_shared (store));
      self->loading = TRUE;
      gtk_switch_set_active (self->require_tls_switch, crs_store_get_require_tls (store));
      self->loading = FALSE;
      /* Accounts and sign-in: for a ward administrator, or anyone while
       * sign-in is off. */
      if (crs_sign_in_page_allowed (store))
        adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                    ADW_PREFERENCES_PAGE (crs_sign_in_page_new (store)));
    }
  return self;
}
