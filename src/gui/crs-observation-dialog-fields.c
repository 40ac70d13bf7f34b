/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-observation-dialog-fields.c: the rows of the observation form:
 * filling them from a set, reading a set from them, and what one row says
 * about another. */
#define G_LOG_DOMAIN "crs-observation-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-format.h"
#include "crs-form.h"
#include "crs-observation-dialog-private.h"

static const char *o2_label (int v) { return crs_o2_device_label ((CrsO2Device) v); }
static const char *acvpu_label (int v) { return crs_acvpu_label ((CrsAcvpu) v); }
static const char *arousal_label (int v) { return crs_arousal_label ((CrsArousal) v); }
static const char *seizure_label (int v) { return crs_seizure_label ((CrsSeizure) v); }
static const char *edema_label (int v) { return crs_edema_label ((CrsEdema) v); }
static const char *bp_skip_label (int v) { return crs_bp_skip_label ((CrsBpSkip) v); }
static const char *carer_label (int v) { return crs_carer_label ((CrsCarer) v); }
static const char *sepsis_label (int v) { return crs_sepsis_label ((CrsSepsis) v); }

/* The first widget of @type under @root. */
static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

void
_crs_observation_dialog_build_rows (CrsObservationDialog *self)
{
  GtkWidget *ice_switch;
  crs_form_fill_choices (self->o2_device_row, NULL, o2_label, CRS_O2_N_VALUES);
  crs_form_fill_choices (self->acvpu_row, NULL, acvpu_label, CRS_ACVPU_N_VALUES);
  crs_form_fill_choices (self->arousal_row, NULL, arousal_label, CRS_AROUSAL_N_VALUES);
  crs_form_fill_choices (self->seizure_row, NULL, seizure_label, CRS_SEIZURE_N_VALUES);
  crs_form_fill_choices (self->edema_row, NULL, edema_label, CRS_EDEMA_N_VALUES);
  crs_form_fill_choices (self->bp_skip_row, _("Taken, or not recorded"), bp_skip_label, CRS_BP_SKIP_N_VALUES);
  crs_form_fill_choices (self->carer_row, NULL, carer_label, CRS_CARER_N_VALUES);
  crs_form_fill_choices (self->sepsis_row, NULL, sepsis_label, CRS_SEPSIS_N_VALUES);
  _crs_observation_dialog_show_pews_rows (self, FALSE, CRS_PEWS_BAND_UNSET);

  /* The expander's own switch has no name of its own. */
  ice_switch = find_descendant (GTK_WIDGET (self->ice_items_row), GTK_TYPE_SWITCH);
  if (ice_switch != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (ice_switch),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Record ICE item by item"),
                                    -1);

  for (int i = 0; i < CRS_ICE_N_ITEMS; i++)
    {
      GtkWidget *row = crs_check_row_new (crs_ice_item_label ((CrsIceItem) i), FALSE);

      self->ice_rows[i] = CRS_CHECK_ROW (row);
      g_signal_connect_swapped (row, "notify::active", G_CALLBACK (_crs_observation_dialog_changed), self);
      adw_expander_row_add_row (self->ice_items_row, row);
    }

  for (int s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    {
      gboolean emergency = crs_symptom_is_emergency ((CrsSymptom) s);
      GtkWidget *row = crs_check_row_new (crs_symptom_label ((CrsSymptom) s), emergency);
      AdwExpanderRow *group;

      switch (crs_symptom_group ((CrsSymptom) s))
        {
        case CRS_SYMPTOM_GROUP_MILD:
          group = self->mild_row;
          break;
        case CRS_SYMPTOM_GROUP_SERIOUS:
          group = self->serious_row;
          break;
        case CRS_SYMPTOM_GROUP_EMERGENCY:
        default:
          group = self->emergency_row;
          break;
        }
      self->symptom_rows[s] = CRS_CHECK_ROW (row);
      g_signal_connect_swapped (row, "notify::active", G_CALLBACK (_crs_observation_dialog_changed), self);
      adw_expander_row_add_row (group, row);
    }
}

static void
set_tick (CrsCheckRow *row,
          CrsTri       value,
          CrsTri      *kept)
{
  *kept = value;
  crs_check_row_set_active (row, value == CRS_TRI_YES);
}

/* Ticked is yes; not ticked keeps a recorded "no", else not recorded. */
static CrsTri
get_tick (CrsCheckRow *row,
          CrsTri       kept)
{
  if (crs_check_row_get_active (row))
    return CRS_TRI_YES;
  return kept == CRS_TRI_NO ? CRS_TRI_NO : CRS_TRI_UNSET;
}

static void
set_int (CrsNumberRow *row,
         int           value)
{
  crs_number_row_set_value (row, crs_is_missing_int (value) ? NAN : value);
}

void
_crs_observation_dialog_write (CrsObservationDialog *self,
                               CrsObservation       *observation)
{
  gboolean ice_by_items = observation->ice_items_recorded;

  crs_time_row_set_time (self->time_row, observation->taken_at);

  crs_number_row_set_value (self->temperature_row, observation->temperature_c);
  set_int (self->pulse_row, observation->heart_rate);
  set_int (self->resp_rate_row, observation->resp_rate);
  adw_combo_row_set_selected (self->resp_distress_row, observation->resp_distress);
  set_int (self->systolic_row, observation->systolic);
  set_int (self->diastolic_row, observation->diastolic);
  set_int (self->spo2_row, observation->spo2);

  adw_combo_row_set_selected (self->o2_device_row, observation->o2_device);
  crs_number_row_set_value (self->o2_percent_row, observation->o2_percent);
  crs_number_row_set_value (self->o2_flow_row, observation->o2_flow_l_min);
  set_int (self->fio2_row, observation->fio2_percent);

  adw_combo_row_set_selected (self->bp_skip_row, observation->bp_skip);
  crs_number_row_set_value (self->crt_row, observation->crt_s);
  set_tick (self->hypotension_row, observation->hypotension, &self->kept_hypotension);
  set_int (self->vasopressors_row, observation->vasopressors);
  set_tick (self->vasopressin_row, observation->vasopressin, &self->kept_vasopressin);

  adw_combo_row_set_selected (self->acvpu_row, observation->acvpu);
  adw_combo_row_set_selected (self->arousal_row, observation->arousal);
  adw_expander_row_set_enable_expansion (self->ice_items_row, ice_by_items);
  adw_expander_row_set_expanded (self->ice_items_row, ice_by_items);
  for (int i = 0; i < CRS_ICE_N_ITEMS; i++)
    crs_check_row_set_active (self->ice_rows[i],
                              ice_by_items && (observation->ice_items & (1u << i)) != 0);
  if (!ice_by_items)
    set_int (self->ice_total_row, observation->ice_total);
  set_int (self->capd_row, observation->capd);
  adw_combo_row_set_selected (self->seizure_row, observation->seizure);
  set_tick (self->motor_row, observation->motor_weakness, &self->kept_motor_weakness);
  adw_combo_row_set_selected (self->edema_row, observation->cerebral_edema);

  adw_combo_row_set_selected (self->carer_row, observation->carer);
  set_tick (self->intuition_row, observation->intuition, &self->kept_intuition);
  adw_combo_row_set_selected (self->sepsis_row, observation->sepsis);
  /* Not a field of the form: the chart the nurse chose stays with the set. */
  self->pews_band = observation->pews_band;

  for (int s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    crs_check_row_set_active (self->symptom_rows[s],
                              (observation->symptoms & CRS_SYMPTOM_BIT (s)) != 0);
  adw_expander_row_set_expanded (self->mild_row, FALSE);
  for (int s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    if ((observation->symptoms & CRS_SYMPTOM_BIT (s)) != 0)
      {
        AdwExpanderRow *group = crs_symptom_group ((CrsSymptom) s) == CRS_SYMPTOM_GROUP_MILD ? self->mild_row
                              : crs_symptom_group ((CrsSymptom) s) == CRS_SYMPTOM_GROUP_SERIOUS ? self->serious_row
                              : self->emergency_row;
        adw_expander_row_set_expanded (group, TRUE);
      }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), observation->note != NULL ? observation->note : "");

  /* A score of the other tool was recorded: show it. */
  if ((self->uses_capd && crs_observation_get_ice_score (observation) >= 0) ||
      (!self->uses_capd && !crs_is_missing_int (observation->capd)))
    self->other_tool = TRUE;
}

void
_crs_observation_dialog_read (CrsObservationDialog *self,
                              CrsObservation       *observation)
{
  g_autofree char *note = crs_form_dup_text (GTK_EDITABLE (self->note_row));

  observation->taken_at = crs_time_row_get_time (self->time_row);

  observation->temperature_c = crs_number_row_get_value (self->temperature_row);
  observation->heart_rate = crs_number_row_get_int (self->pulse_row);
  observation->resp_rate = crs_number_row_get_int (self->resp_rate_row);
  observation->resp_distress = adw_combo_row_get_selected (self->resp_distress_row);
  observation->systolic = crs_number_row_get_int (self->systolic_row);
  observation->diastolic = crs_number_row_get_int (self->diastolic_row);
  observation->spo2 = crs_number_row_get_int (self->spo2_row);

  observation->o2_device = adw_combo_row_get_selected (self->o2_device_row);
  observation->o2_percent = crs_number_row_get_value (self->o2_percent_row);
  observation->o2_flow_l_min = crs_number_row_get_value (self->o2_flow_row);
  observation->fio2_percent = crs_number_row_get_int (self->fio2_row);

  observation->bp_skip = adw_combo_row_get_selected (self->bp_skip_row);
  observation->crt_s = crs_number_row_get_value (self->crt_row);
  observation->hypotension = get_tick (self->hypotension_row, self->kept_hypotension);
  observation->vasopressors = crs_number_row_get_int (self->vasopressors_row);
  observation->vasopressin = get_tick (self->vasopressin_row, self->kept_vasopressin);

  observation->acvpu = adw_combo_row_get_selected (self->acvpu_row);
  observation->arousal = adw_combo_row_get_selected (self->arousal_row);
  observation->ice_items_recorded = adw_expander_row_get_enable_expansion (self->ice_items_row);
  observation->ice_items = 0;
  observation->ice_total = CRS_MISSING;
  if (observation->ice_items_recorded)
    {
      for (int i = 0; i < CRS_ICE_N_ITEMS; i++)
        if (crs_check_row_get_active (self->ice_rows[i]))
          observation->ice_items |= (guint16) (1u << i);
    }
  else
    observation->ice_total = crs_number_row_get_int (self->ice_total_row);
  observation->capd = crs_number_row_get_int (self->capd_row);
  observation->seizure = adw_combo_row_get_selected (self->seizure_row);
  observation->motor_weakness = get_tick (self->motor_row, self->kept_motor_weakness);
  observation->cerebral_edema = adw_combo_row_get_selected (self->edema_row);

  observation->carer = adw_combo_row_get_selected (self->carer_row);
  observation->intuition = get_tick (self->intuition_row, self->kept_intuition);
  observation->sepsis = adw_combo_row_get_selected (self->sepsis_row);
  observation->pews_band = self->pews_band;

  observation->symptoms = 0;
  for (int s = 0; s < CRS_SYMPTOM_N_VALUES; s++)
    if (crs_check_row_get_active (self->symptom_rows[s]))
      observation->symptoms |= CRS_SYMPTOM_BIT (s);

  g_free (observation->note);
  observation->note = g_steal_pointer (&note);
}

void
_crs_observation_dialog_check_conflicts (CrsObservationDialog *self)
{
  int systolic = crs_number_row_get_int (self->systolic_row);
  int diastolic = crs_number_row_get_int (self->diastolic_row);
  CrsO2Device device = adw_combo_row_get_selected (self->o2_device_row);
  double flow = crs_number_row_get_value (self->o2_flow_row);

  crs_number_row_set_conflict (self->diastolic_row,
                               crs_validate_blood_pressure (systolic, diastolic)
                               ? NULL : _("Not possible: above the systolic pressure"));
  crs_number_row_set_conflict (self->o2_flow_row,
                               crs_validate_oxygen_flow (device, flow)
                               ? NULL : _("Not possible: no oxygen flows on room air"));
  crs_time_row_check_not_future (self->time_row);
}

GtkWidget *
_crs_observation_dialog_first_problem (CrsObservationDialog *self,
                                       const char          **problem)
{
  /* In the order of the form. */
  CrsNumberRow *numbers[] = {
    self->temperature_row, self->pulse_row, self->resp_rate_row, self->systolic_row,
    self->diastolic_row, self->spo2_row, self->o2_percent_row, self->o2_flow_row, self->fio2_row,
    self->crt_row, self->vasopressors_row, self->ice_total_row, self->capd_row,
  };

  if (crs_time_row_get_problem (self->time_row) != NULL)
    {
      *problem = crs_time_row_get_problem (self->time_row);
      return GTK_WIDGET (self->time_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (crs_number_row_get_state (numbers[i]) == CRS_NUMBER_ROW_INVALID &&
        gtk_widget_get_visible (GTK_WIDGET (numbers[i])))
      {
        *problem = crs_number_row_get_problem (numbers[i]);
        return GTK_WIDGET (numbers[i]);
      }
  *problem = NULL;
  return NULL;
}

void
_crs_observation_dialog_show_tools (CrsObservationDialog *self)
{
  gboolean ice = !self->uses_capd || self->other_tool;
  gboolean capd = self->uses_capd || self->other_tool;

  gtk_widget_set_visible (GTK_WIDGET (self->ice_total_row), ice);
  gtk_widget_set_visible (GTK_WIDGET (self->ice_items_row), ice);
  gtk_widget_set_visible (GTK_WIDGET (self->capd_row), capd);
  gtk_widget_set_visible (GTK_WIDGET (self->other_tool_row), !self->other_tool);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_tool_row),
                                 self->uses_capd ? _("Record an ICE Score Too")
                                                 : _("Record a CAPD Score Too"));
  adw_action_row_set_subtitle (self->other_tool_row,
                               self->uses_capd
                               ? _("This patient is assessed with CAPD")
                               : _("This patient is assessed with ICE"));
}

/* "Fatigue, cough" under a group's title, or @none. */
static void
show_ticked_in (AdwExpanderRow  *group,
                CrsCheckRow    **rows,
                guint            n_rows,
                const char      *none)
{
  g_autoptr(GPtrArray) ticked = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < n_rows; i++)
    if (rows[i] != NULL && crs_check_row_get_active (rows[i]) &&
        gtk_widget_get_parent (GTK_WIDGET (rows[i])) != NULL &&
        gtk_widget_is_ancestor (GTK_WIDGET (rows[i]), GTK_WIDGET (group)))
      g_ptr_array_add (ticked, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])));
  joined = crs_format_join (ticked);
  adw_expander_row_set_subtitle (group, ticked->len > 0 ? joined : none);
}

void
_crs_observation_dialog_show_ticked (CrsObservationDialog *self)
{
  if (adw_expander_row_get_enable_expansion (self->ice_items_row))
    {
      int correct = 0;
      g_autofree char *text = NULL;

      for (int i = 0; i < CRS_ICE_N_ITEMS; i++)
        correct += crs_check_row_get_active (self->ice_rows[i]);
      /* TRANSLATORS: the ICE score when entered item by item */
      text = g_strdup_printf (_("%d of 10 answered correctly"), correct);
      adw_expander_row_set_subtitle (self->ice_items_row, text);
    }
  else
    adw_expander_row_set_subtitle (self->ice_items_row, _("Switch on to tick each answer"));

  show_ticked_in (self->mild_row, self->symptom_rows, CRS_SYMPTOM_N_VALUES, _("None ticked"));
  show_ticked_in (self->serious_row, self->symptom_rows, CRS_SYMPTOM_N_VALUES, _("None ticked"));
  show_ticked_in (self->emergency_row, self->symptom_rows, CRS_SYMPTOM_N_VALUES,
                  _("Each one is a red flag"));
}

static void
show_score (CrsNumberRow   *row,
            CrsObservation *observation,
            CrsNews2Param   param,
            int             spo2_scale,
            gboolean        news2_used)
{
  int score = crs_news2_score_param (observation, param, spo2_scale);
  g_autofree char *hint = NULL;

  /* No adult NEWS2 score under a child's vital signs. */
  if (news2_used && !crs_is_missing_int (score) && score > 0)
    /* TRANSLATORS: under a vital sign: its NEWS2 score, e.g. "Scores 2 in NEWS2" */
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Scores %d in NEWS2", "Scores %d in NEWS2", score), score);
  crs_number_row_set_hint (row, hint);
}

/* A child's row: what the PEWS chart scores it. */
static void
show_pews_score (CrsNumberRow       *row,
                 const CrsPewsScore *pews,
                 CrsPewsParam        param,
                 gboolean            recorded)
{
  int score = pews->scores[param];
  g_autofree char *hint = NULL;

  if (recorded && !crs_is_missing_int (score) && score > 0)
    /* TRANSLATORS: under a child's vital sign: its PEWS score, e.g. "Scores 2 in PEWS" */
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Scores %d in PEWS", "Scores %d in PEWS", score), score);
  crs_number_row_set_hint (row, hint);
}

void
_crs_observation_dialog_show_scores (CrsObservationDialog *self,
                                     CrsObservation       *observation)
{
  if (self->pews_used)
    {
      const CrsPewsScore *pews = &self->pews_score;
      double percent = observation->o2_percent;

      crs_number_row_set_hint (self->temperature_row, NULL);
      show_pews_score (self->pulse_row, pews, CRS_PEWS_HEART_RATE, !crs_is_missing_int (observation->heart_rate));
      show_pews_score (self->resp_rate_row, pews, CRS_PEWS_RR, !crs_is_missing_int (observation->resp_rate));
      show_pews_score (self->systolic_row, pews, CRS_PEWS_SYSTOLIC, !crs_is_missing_int (observation->systolic));
      show_pews_score (self->spo2_row, pews, CRS_PEWS_SPO2, !crs_is_missing_int (observation->spo2));
      show_pews_score (self->crt_row, pews, CRS_PEWS_CRT, !isnan (observation->crt_s));
      /* The oxygen score under the measure that gave it. */
      show_pews_score (self->o2_percent_row, pews, CRS_PEWS_OXYGEN, !isnan (percent));
      show_pews_score (self->o2_flow_row, pews, CRS_PEWS_OXYGEN, isnan (percent) && !isnan (observation->o2_flow_l_min));
      return;
    }
  show_score (self->temperature_row, observation, CRS_NEWS2_TEMPERATURE, self->spo2_scale, self->news2_used);
  show_score (self->pulse_row, observation, CRS_NEWS2_PULSE, self->spo2_scale, self->news2_used);
  show_score (self->resp_rate_row, observation, CRS_NEWS2_RR, self->spo2_scale, self->news2_used);
  show_score (self->systolic_row, observation, CRS_NEWS2_SYSTOLIC, self->spo2_scale, self->news2_used);
  show_score (self->spo2_row, observation, CRS_NEWS2_SPO2, self->spo2_scale, self->news2_used);
  crs_number_row_set_hint (self->o2_flow_row, NULL);
}

/* Short words for the respiratory-distress choices, beside the signs. */
static const char * const distress_words[CRS_RESP_DISTRESS_N_VALUES] = {
  [CRS_RESP_DISTRESS_NONE] = N_("None"),
  [CRS_RESP_DISTRESS_MILD] = N_("Mild"),
  [CRS_RESP_DISTRESS_MODERATE] = N_("Moderate"),
  [CRS_RESP_DISTRESS_SEVERE] = N_("Severe"),
};

/* The respiratory-distress choices with the signs of @band's chart:
 * "Mild: Nasal flaring, subcostal recession". */
static void
fill_resp_distress (AdwComboRow *row,
                    CrsPewsBand  band)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not recorded"));
  for (int d = CRS_RESP_DISTRESS_NONE; d < CRS_RESP_DISTRESS_N_VALUES; d++)
    {
      const char *signs = crs_pews_resp_distress_signs (band, (CrsRespDistress) d);
      g_autofree char *item = NULL;

      if (*signs != '\0')
        /* TRANSLATORS: a respiratory-distress choice and its signs on the
         * child's chart, e.g. "Mild: Nasal flaring, subcostal recession" */
        item = g_strdup_printf (_("%s: %s"), _(distress_words[d]), signs);
      else
        item = g_strdup (_(distress_words[d]));
      gtk_string_list_append (list, item);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

void
_crs_observation_dialog_show_pews_rows (CrsObservationDialog *self,
                                        gboolean              pews_used,
                                        CrsPewsBand           band)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->resp_distress_row), GTK_WIDGET (self->o2_percent_row),
    GTK_WIDGET (self->bp_skip_row), GTK_WIDGET (self->crt_row), GTK_WIDGET (self->concerns_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], pews_used);

  /* The signs differ by chart: the list is written again for another,
   * keeping what was chosen. */
  if (adw_combo_row_get_model (self->resp_distress_row) == NULL ||
      (pews_used && band != self->pews_band_shown))
    {
      guint selected = adw_combo_row_get_model (self->resp_distress_row) != NULL
                       ? adw_combo_row_get_selected (self->resp_distress_row) : 0;
      gboolean loading = self->loading;

      /* Not a change the nurse made. */
      self->loading = TRUE;
      fill_resp_distress (self->resp_distress_row, band);
      adw_combo_row_set_selected (self->resp_distress_row,
                                  selected != GTK_INVALID_LIST_POSITION ? selected : 0);
      self->loading = loading;
      self->pews_band_shown = band;
      if (band != CRS_PEWS_BAND_UNSET)
        {
          g_autofree char *title = NULL;

          /* TRANSLATORS: a row of the observation form and the PEWS chart
           * whose signs it lists, e.g. "Respiratory distress (5–12 years chart)" */
          title = g_strdup_printf (_("Respiratory distress (%s chart)"), crs_pews_band_label (band));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->resp_distress_row), title);
        }
    }
}
