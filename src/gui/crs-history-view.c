/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-history-view.c: the patient's observation history as a table. */
#define G_LOG_DOMAIN "crs-history-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/crs-format.h"
#include "crs-chart-item.h"
#include "crs-chart-table.h"
#include "crs-display.h"
#include "crs-history-view.h"

struct _CrsHistoryView
{
  CrsChartTable parent_instance;

  /* What the rows are made with (the latest crs_history_view_show ()). */
  GPtrArray        *observations;
  GPtrArray        *acknowledgements;

  GtkStack      *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *news2_column;
};

G_DEFINE_FINAL_TYPE (CrsHistoryView, crs_history_view, CRS_TYPE_CHART_TABLE)

static GPtrArray *make_rows (CrsChartTable    *table,
                             CrsPatientStatus *status);

/* The cells' own strings live in the factories of the .ui file, where
 * xgettext does not look: they are listed here for translators. */
G_GNUC_UNUSED static const char *factory_strings[] = {
  N_("Amend…"),
  N_("Correct this set; the old version stays in the history"),
};

static void
crs_history_view_dispose (GObject *object)
{
  CrsHistoryView *self = CRS_HISTORY_VIEW (object);

  g_clear_pointer (&self->observations, g_ptr_array_unref);
  g_clear_pointer (&self->acknowledgements, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_HISTORY_VIEW);
  G_OBJECT_CLASS (crs_history_view_parent_class)->dispose (object);
}

/* Enter or a double click on the newest version of a set: amend it, as
 * its "Amend…" button does. */
static void
row_activated_cb (GtkColumnView  *view,
                  guint           position,
                  CrsHistoryView *self)
{
  g_autoptr(CrsChartItem) item = g_list_model_get_item (crs_chart_table_get_model (CRS_CHART_TABLE (self)),
                                                        position);
  gboolean can_amend = FALSE;

  if (item != NULL)
    g_object_get (item, "can-amend", &can_amend, NULL);
  if (can_amend)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.amend-observation", "x",
                                crs_chart_item_get_observation (item));
}

static void
crs_history_view_class_init (CrsHistoryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_history_view_dispose;
  CRS_CHART_TABLE_CLASS (klass)->make_rows = make_rows;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrsHistoryView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrsHistoryView, news2_column);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
crs_history_view_init (CrsHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crs_chart_table_set_parts (CRS_CHART_TABLE (self), self->stack, self->column_view, self->news2_column,
                             GTK_TYPE_SINGLE_SELECTION);
}

static char *
int_text (int value)
{
  return crs_is_missing_int (value) ? g_strdup ("—") : g_strdup_printf ("%d", value);
}

static char *
spo2_text (CrsObservation *obs)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!crs_is_missing_int (obs->spo2))
    g_string_append_printf (text, "%d%%", obs->spo2);
  if (obs->o2_device != CRS_O2_UNSET)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, crs_o2_device_label (obs->o2_device));
    }
  if (!isnan (obs->o2_flow_l_min))
    {
      g_autofree char *flow = crs_format_flow (obs->o2_flow_l_min);
      g_string_append_printf (text, " %s", flow);
    }
  if (!crs_is_missing_int (obs->fio2_percent))
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* TRANSLATORS: fraction of inspired oxygen, e.g. "FiO₂ 40%" */
      g_string_append_printf (text, _("FiO₂ %d%%"), obs->fio2_percent);
    }
  if (!isnan (obs->o2_percent))
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* TRANSLATORS: oxygen given as a percentage (a child's PEWS chart), e.g. "O₂ 35%" */
      g_string_append_printf (text, _("O₂ %g%%"), obs->o2_percent);
    }
  return text->len > 0 ? g_strdup (text->str) : g_strdup ("—");
}

static char *
neuro_text (CrsObservation *obs)
{
  int ice = crs_observation_get_ice_score (obs);

  if (!crs_is_missing_int (obs->capd))
    /* TRANSLATORS: a CAPD score (children), e.g. "CAPD 7" */
    return g_strdup_printf (_("CAPD %d"), obs->capd);
  if (!crs_is_missing_int (ice))
    /* TRANSLATORS: an ICE score out of 10, e.g. "ICE 8/10" */
    return g_strdup_printf (_("ICE %d/10"), ice);
  return g_strdup ("—");
}

static char *
status_text (CrsHistoryView   *self,
             CrsObservation   *obs,
             const CrsGrading *grading,
             gint64            now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* One line each, the red flag first: the reason is the nurse's own
   * sentence, with its own punctuation. A red flag says who acknowledged
   * it, when and what they wrote (each acknowledgement, oldest first),
   * or that nobody has yet; a replaced version's flag is no longer open. */
  if (obs->stored_red_flag || (grading != NULL && crs_grading_has_red_flag (grading)))
    {
      guint before = parts->len;

      for (guint i = 0; self->acknowledgements != NULL && i < self->acknowledgements->len; i++)
        {
          CrsAcknowledgement *ack = g_ptr_array_index (self->acknowledgements, i);

          if (ack->observation_id == obs->id)
            g_ptr_array_add (parts, crs_display_acknowledgement (ack, now));
        }
      if (parts->len == before)
        g_ptr_array_add (parts, g_strdup (obs->superseded_by_id == 0 ? _("Red flag, not acknowledged")
                                                                     : _("Red flag")));
    }
  /* Graded again with everything recorded since, the set reads
   * otherwise than when it was saved: both are said. */
  if (grading != NULL && obs->stored_rules != NULL)
    {
      if (obs->stored_crs_grade != crs_grading_crs_value (grading))
        {
          g_autofree char *saved = crs_display_grade (obs->stored_crs_grade);
          /* TRANSLATORS: e.g. "CRS graded 0 none when saved" */
          g_ptr_array_add (parts, g_strdup_printf (_("CRS graded %s when saved"), saved));
        }
      if (obs->stored_icans_grade != crs_grading_icans_value (grading))
        {
          g_autofree char *saved = crs_display_grade (obs->stored_icans_grade);
          g_ptr_array_add (parts, g_strdup_printf (_("ICANS graded %s when saved"), saved));
        }
    }
  if (obs->superseded_by_id != 0)
    g_ptr_array_add (parts, g_strdup (_("Replaced by a correction")));
  if (obs->supersedes_id != 0)
    /* TRANSLATORS: a corrected set and the reason, e.g. "Amended: wrong patient's pulse" */
    g_ptr_array_add (parts, g_strdup_printf (_("Amended: %s"),
                                             obs->amend_reason != NULL ? obs->amend_reason : ""));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  CrsObservation *oa = *(CrsObservation **) a;
  CrsObservation *ob = *(CrsObservation **) b;

  if (oa->taken_at != ob->taken_at)
    return oa->taken_at < ob->taken_at ? 1 : -1;
  return (oa->id < ob->id) - (oa->id > ob->id);
}

static CrsChartItem *
make_item (CrsHistoryView   *self,
           CrsPatientStatus *status,
           CrsObservation   *obs)
{
  gint64 now = status->now;
  CrsChartItem *item = crs_chart_item_new ();
  gboolean old = obs->superseded_by_id != 0;
  /* A current set's grades as of now; a replaced version's as saved. */
  const CrsGrading *grading = old ? NULL : crs_patient_status_numbers (status, obs);

  crs_chart_item_take_text (item, CRS_CHART_TIME, crs_format_time (obs->taken_at, now));
  crs_chart_item_take_text (item, CRS_CHART_TEMPERATURE,
                            isnan (obs->temperature_c) ? g_strdup ("—")
                                                       : crs_format_temperature (obs->temperature_c, status->policy.temperature_unit));
  crs_chart_item_take_text (item, CRS_CHART_PULSE, int_text (obs->heart_rate));
  crs_chart_item_take_text (item, CRS_CHART_RESP, int_text (obs->resp_rate));
  if (crs_is_missing_int (obs->systolic) && crs_is_missing_int (obs->diastolic) &&
      obs->bp_skip != CRS_BP_SKIP_UNSET)
    /* Not taken: the PEWS chart's code ("U4"). */
    crs_chart_item_take_text (item, CRS_CHART_BP, g_ascii_strup (crs_bp_skip_to_id (obs->bp_skip), -1));
  else if (crs_is_missing_int (obs->systolic) && crs_is_missing_int (obs->diastolic))
    crs_chart_item_set_text (item, CRS_CHART_BP, "—");
  else
    {
      g_autofree char *sys = int_text (obs->systolic);
      g_autofree char *dia = int_text (obs->diastolic);
      crs_chart_item_take_text (item, CRS_CHART_BP, g_strdup_printf ("%s/%s", sys, dia));
    }
  crs_chart_item_take_text (item, CRS_CHART_SPO2, spo2_text (obs));
  crs_chart_item_set_text (item, CRS_CHART_CONSCIOUSNESS,
                           obs->acvpu != CRS_ACVPU_UNSET ? crs_acvpu_label (obs->acvpu) : "—");
  crs_chart_item_take_text (item, CRS_CHART_NEURO, neuro_text (obs));
  crs_chart_item_set_grades (item, obs, grading, crs_patient_status_uses_pews (status));
  crs_chart_item_set_text (item, CRS_CHART_AUTHOR, obs->author);
  crs_chart_item_take_text (item, CRS_CHART_STATUS, status_text (self, obs, grading, now));

  /* A replaced version is dimmed; its status says why, in words. */
  if (old)
    crs_chart_item_set_classes (item, CRS_CHART_CLASSES_TEXT, "dim-label", NULL);
  /* Only the newest version of a set can be amended (crs-store.h). */
  crs_chart_item_set_observation (item, obs->id, !old);
  return item;
}

static GPtrArray *
make_rows (CrsChartTable    *table,
           CrsPatientStatus *status)
{
  CrsHistoryView *self = CRS_HISTORY_VIEW (table);
  g_autoptr(GPtrArray) sorted = NULL;
  GPtrArray *items;

  /* A view of the caller's array: it keeps the references. */
  sorted = g_ptr_array_copy (self->observations, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, newest_first);
  items = g_ptr_array_new_full (sorted->len, g_object_unref);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (items, make_item (self, status, g_ptr_array_index (sorted, i)));
  return items;
}

void
crs_history_view_show (CrsHistoryView   *self,
                       GPtrArray        *observations,
                       GPtrArray        *acknowledgements,
                       CrsPatientStatus *status)
{
  g_return_if_fail (CRS_IS_HISTORY_VIEW (self));
  g_return_if_fail (observations != NULL);
  g_return_if_fail (status != NULL);

  g_ptr_array_ref (observations);
  g_clear_pointer (&self->observations, g_ptr_array_unref);
  self->observations = observations;
  if (acknowledgements != NULL)
    g_ptr_array_ref (acknowledgements);
  g_clear_pointer (&self->acknowledgements, g_ptr_array_unref);
  self->acknowledgements = acknowledgements;
  crs_chart_table_show (CRS_CHART_TABLE (self), status);
}
