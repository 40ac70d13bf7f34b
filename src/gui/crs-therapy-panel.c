/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-panel.c: the patient's therapy and risk, each fact with its
 * source (crs-risk.h, crs-therapy.h); a therapy missing from the
 * reference says to ask the pharmacist. */
#define G_LOG_DOMAIN "crs-therapy-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-risk.h"
#include "crs-display.h"
#include "crs-field-item.h"
#include "crs-record-row.h"
#include "crs-therapy-panel-private.h"

struct _CrsTherapyPanel
{
  GtkWidget parent_instance;

  GListStore *risk_rows;  /* CrsFieldItem, shown in risk_group */

  AdwPreferencesGroup *therapy_group;
  GtkButton           *reference_button;
  AdwActionRow        *therapy_row;
  AdwActionRow        *window_row;
  AdwActionRow        *incidence_row;
  AdwPreferencesGroup *risk_group;
};

G_DEFINE_FINAL_TYPE (CrsTherapyPanel, crs_therapy_panel, GTK_TYPE_WIDGET)

static void
crs_therapy_panel_dispose (GObject *object)
{
  CrsTherapyPanel *self = CRS_THERAPY_PANEL (object);

  g_clear_object (&self->risk_rows);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_THERAPY_PANEL);
  /* The template's root box is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (crs_therapy_panel_parent_class)->dispose (object);
}

static void
crs_therapy_panel_class_init (CrsTherapyPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_therapy_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-therapy-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyPanel, therapy_group);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyPanel, reference_button);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyPanel, therapy_row);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyPanel, window_row);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyPanel, incidence_row);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyPanel, risk_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
create_risk_row (gpointer item,
                 gpointer user_data)
{
  return GTK_WIDGET (crs_record_row_new (crs_field_item_get_title (item), crs_field_item_get_value (item), NULL));
}

static void
crs_therapy_panel_init (CrsTherapyPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->risk_rows = crs_field_list_new (self->risk_group, create_risk_row);
}

static void
add_risk_row (CrsTherapyPanel *self,
              const char      *title,
              const char      *subtitle)
{
  g_autoptr(CrsFieldItem) item = crs_field_item_new (title, subtitle, NULL, NULL);

  g_list_store_append (self->risk_rows, item);
}

/* "any grade 79%, grade 3 or more 22%", NULL when no source gave either. */
static char *
incidence_text (const char             *scale,
                const CrsSourcedNumber *any,
                const CrsSourcedNumber *severe)
{
  g_autofree char *any_text = crs_sourced_number_format (any);
  g_autofree char *severe_text = crs_sourced_number_format (severe);
  g_autofree char *source = NULL;
  const CrsSource *cited = any->source != NULL ? any->source : severe->source;

  if (any_text == NULL && severe_text == NULL)
    return NULL;
  if (cited != NULL)
    source = crs_source_format (cited);
  /* TRANSLATORS: e.g. "CRS: any grade 79%, grade 3 or more 22% (Kymriah label)" */
  return g_strdup_printf (_("%s: any grade %s, grade 3 or more %s%s%s%s"), scale,
                          any_text != NULL ? any_text : _("no data"),
                          severe_text != NULL ? severe_text : _("no data"),
                          source != NULL ? " (" : "", source != NULL ? source : "",
                          source != NULL ? ")" : "");
}

void
crs_therapy_panel_show (CrsTherapyPanel  *self,
                        CrsPatientStatus *status,
                        gboolean          has_reference)
{
  CrsTherapy *therapy = status->therapy;
  CrsMonitoringWindow *window = status->window;
  CrsPatient *patient = status->patient;
  gint64 now = status->now;
  g_autoptr(CrsRiskProfile) risk = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *crs_incidence = NULL;
  g_autofree char *icans_incidence = NULL;
  CrsInfusion *infusion;

  g_return_if_fail (CRS_IS_THERAPY_PANEL (self));

  g_list_store_remove_all (self->risk_rows);

  infusion = status->infusion;
  gtk_widget_set_visible (GTK_WIDGET (self->therapy_row), infusion != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->window_row), infusion != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->incidence_row), therapy != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reference_button), therapy != NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reference_button),
                                          g_variant_new_string (therapy != NULL ? therapy->code : ""));

  if (infusion == NULL)
    {
      adw_preferences_group_set_description (self->therapy_group,
                                             _("No infusion recorded. Record one from the Record menu."));
    }
  else
    {
      g_autofree char *problem = NULL;

      /* Without the reference the window below reads "unknown": say why. */
      if (status->therapy_error != NULL)
        /* TRANSLATORS: why the therapy reference could not be read */
        problem = g_strdup_printf (_("The therapy reference could not be read: %s. The onset window "
                                     "and how often CRS was seen are not shown."), status->therapy_error);
      else if (!has_reference)
        problem = g_strdup (_("No therapy reference is installed: the onset window and how often CRS "
                              "was seen are not shown."));
      adw_preferences_group_set_description (self->therapy_group, problem);
      name = therapy != NULL ? crs_therapy_dup_display_name (therapy)
                             : g_strdup (infusion->therapy_name != NULL ? infusion->therapy_name
                                                                        : infusion->therapy_code);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->therapy_row),
                                     name != NULL ? name : _("Unknown therapy"));
      when = crs_format_date_time (infusion->start_at);
      /* TRANSLATORS: when an infusion started, e.g. "Infusion 3 Mar 2024 10:00" */
      g_string_append_printf (details, _("Infusion %s"), when);
      if (!isnan (infusion->dose))
        g_string_append_printf (details, ", %g %s", infusion->dose,
                                infusion->dose_unit != NULL ? infusion->dose_unit : "");
      if (infusion->step_label != NULL && *infusion->step_label != '\0')
        g_string_append_printf (details, ", %s", infusion->step_label);
      adw_action_row_set_subtitle (self->therapy_row, details->str);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->window_row), window->headline);
      adw_action_row_set_subtitle (self->window_row, window->detail != NULL ? window->detail : "");

      if (therapy != NULL)
        {
          g_autoptr(GString) incidence = g_string_new (NULL);

          crs_incidence = incidence_text (_("CRS"), &therapy->crs_any_grade, &therapy->crs_grade3plus);
          icans_incidence = incidence_text (_("ICANS"), &therapy->icans_any_grade,
                                            &therapy->icans_grade3plus);
          if (crs_incidence != NULL)
            g_string_append (incidence, crs_incidence);
          if (icans_incidence != NULL)
            g_string_append_printf (incidence, "%s%s", incidence->len > 0 ? "\n" : "", icans_incidence);
          if (incidence->len == 0)
            g_string_append (incidence, _("No source reported how often CRS was seen with this therapy."));
          adw_action_row_set_subtitle (self->incidence_row, incidence->str);
        }
    }

  /* Risk factors in words, each with its source; no score (crs-risk.h). */
  risk = crs_risk_profile_new (patient, infusion, therapy, now);
  for (guint i = 0; i < risk->factors->len; i++)
    {
      CrsRiskFactor *factor = g_ptr_array_index (risk->factors, i);
      g_autofree char *subtitle = NULL;

      subtitle = factor->caveat != NULL
                 ? g_strdup_printf ("%s\n%s", factor->source != NULL ? factor->source : "", factor->caveat)
                 : g_strdup (factor->source);
      add_risk_row (self, factor->text, subtitle);
    }
  if (risk->factors->len == 0)
    add_risk_row (self, _("No risk factor recorded"), NULL);
  for (guint i = 0; i < risk->unknown->len; i++)
    add_risk_row (self, g_ptr_array_index (risk->unknown, i), NULL);
}

const char *
crs_therapy_panel_get_headline (CrsTherapyPanel *self)
{
  g_return_val_if_fail (CRS_IS_THERAPY_PANEL (self), NULL);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->window_row));
}
