/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-chart-item.c: one row of the patient page's tables. */
#define G_LOG_DOMAIN "crs-chart-item"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "crs-chart-item-private.h"
#include "crs-display.h"

struct _CrsChartItem
{
  GObject parent_instance;

  char   *texts[CRS_CHART_N_TEXTS];
  GStrv   classes[CRS_CHART_N_CLASSES];
  gint64  observation_id;
  gboolean can_amend;
};

G_DEFINE_FINAL_TYPE (CrsChartItem, crs_chart_item, G_TYPE_OBJECT)

/* Property names: the texts in CrsChartText order, then the classes in
 * CrsChartClasses order, then the amend action's target and state. */
static const char * const text_names[CRS_CHART_N_TEXTS] = {
  "time", "since", "event", "temperature", "pulse", "resp", "bp", "spo2",
  "consciousness", "neuro", "crs", "icans", "news2", "author", "status",
};
static const char * const class_names[CRS_CHART_N_CLASSES] = {
  "text-classes", "crs-classes", "icans-classes", "news2-classes",
};

enum {
  PROP_0,
  PROP_FIRST_TEXT,
  PROP_FIRST_CLASSES = PROP_FIRST_TEXT + CRS_CHART_N_TEXTS,
  PROP_ACTION_TARGET = PROP_FIRST_CLASSES + CRS_CHART_N_CLASSES,
  PROP_CAN_AMEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crs_chart_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrsChartItem *self = CRS_CHART_ITEM (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < PROP_FIRST_CLASSES)
    g_value_set_string (value, self->texts[prop_id - PROP_FIRST_TEXT]);
  else if (prop_id >= PROP_FIRST_CLASSES && prop_id < PROP_ACTION_TARGET)
    g_value_set_boxed (value, self->classes[prop_id - PROP_FIRST_CLASSES]);
  else if (prop_id == PROP_ACTION_TARGET)
    g_value_take_variant (value, g_variant_ref_sink (g_variant_new_int64 (self->observation_id)));
  else if (prop_id == PROP_CAN_AMEND)
    g_value_set_boolean (value, self->can_amend);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
crs_chart_item_finalize (GObject *object)
{
  CrsChartItem *self = CRS_CHART_ITEM (object);

  for (guint i = 0; i < CRS_CHART_N_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < CRS_CHART_N_CLASSES; i++)
    g_strfreev (self->classes[i]);

  G_OBJECT_CLASS (crs_chart_item_parent_class)->finalize (object);
}

static void
crs_chart_item_class_init (CrsChartItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crs_chart_item_get_property;
  object_class->finalize = crs_chart_item_finalize;

  for (guint i = 0; i < CRS_CHART_N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_names[i], NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < CRS_CHART_N_CLASSES; i++)
    properties[PROP_FIRST_CLASSES + i] =
      g_param_spec_boxed (class_names[i], NULL, NULL, G_TYPE_STRV,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TARGET] =
    g_param_spec_variant ("action-target", NULL, NULL, G_VARIANT_TYPE_INT64, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_AMEND] =
    g_param_spec_boolean ("can-amend", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crs_chart_item_init (CrsChartItem *self)
{
  for (guint i = 0; i < CRS_CHART_N_CLASSES; i++)
    self->classes[i] = g_new0 (char *, 1);
}

CrsChartItem *
crs_chart_item_new (void)
{
  return g_object_new (CRS_TYPE_CHART_ITEM, NULL);
}

void
crs_chart_item_set_text (CrsChartItem *self,
                         CrsChartText  which,
                         const char   *text)
{
  crs_chart_item_take_text (self, which, g_strdup (text));
}

void
crs_chart_item_take_text (CrsChartItem *self,
                          CrsChartText  which,
                          char         *text)
{
  g_return_if_fail (CRS_IS_CHART_ITEM (self));
  g_return_if_fail (which < CRS_CHART_N_TEXTS);

  g_free (self->texts[which]);
  self->texts[which] = text;
}

const char *
crs_chart_item_get_text (CrsChartItem *self,
                         CrsChartText  which)
{
  g_return_val_if_fail (CRS_IS_CHART_ITEM (self), NULL);
  g_return_val_if_fail (which < CRS_CHART_N_TEXTS, NULL);
  return self->texts[which];
}

void
crs_chart_item_set_classes (CrsChartItem    *self,
                            CrsChartClasses  which,
                            const char      *first,
                            ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  g_return_if_fail (CRS_IS_CHART_ITEM (self));
  g_return_if_fail (which < CRS_CHART_N_CLASSES);

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_strv_builder_add (builder, name);
  va_end (args);
  g_strfreev (self->classes[which]);
  self->classes[which] = g_strv_builder_end (builder);
}

void
crs_chart_item_set_observation (CrsChartItem *self,
                                gint64        observation_id,
                                gboolean      can_amend)
{
  g_return_if_fail (CRS_IS_CHART_ITEM (self));
  self->observation_id = observation_id;
  self->can_amend = can_amend;
}

gint64
crs_chart_item_get_observation (CrsChartItem *self)
{
  g_return_val_if_fail (CRS_IS_CHART_ITEM (self), 0);
  return self->observation_id;
}

gboolean
crs_chart_item_equal (CrsChartItem *a,
                      CrsChartItem *b)
{
  g_return_val_if_fail (CRS_IS_CHART_ITEM (a) && CRS_IS_CHART_ITEM (b), FALSE);

  if (a->observation_id != b->observation_id || a->can_amend != b->can_amend)
    return FALSE;
  for (guint i = 0; i < CRS_CHART_N_TEXTS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  for (guint i = 0; i < CRS_CHART_N_CLASSES; i++)
    if (!g_strv_equal ((const char * const *) a->classes[i], (const char * const *) b->classes[i]))
      return FALSE;
  return TRUE;
}

void
crs_chart_item_update_store (GListStore *store,
                             GPtrArray  *items)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint new_n = items->len;
  guint shortest = MIN (old_n, new_n);
  guint prefix = 0, suffix = 0;

  while (prefix < shortest)
    {
      g_autoptr(CrsChartItem) old = g_list_model_get_item (G_LIST_MODEL (store), prefix);
      if (!crs_chart_item_equal (old, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }
  while (suffix < shortest - prefix)
    {
      g_autoptr(CrsChartItem) old = g_list_model_get_item (G_LIST_MODEL (store), old_n - 1 - suffix);
      if (!crs_chart_item_equal (old, g_ptr_array_index (items, new_n - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix == old_n && prefix == new_n)
    return;
  g_list_store_splice (store, prefix, old_n - prefix - suffix,
                       items->pdata + prefix, new_n - prefix - suffix);
}

/* The early-warning cell: the value alone under a column of the same
 * score, else with the score's name ("PEWS 6 medium" in a NEWS2 column). */
static char *
early_warning_cell (gboolean    pews,
                    gboolean    pews_column,
                    char       *take_value)
{
  g_autofree char *value = take_value;

  if (pews == pews_column)
    return g_steal_pointer (&value);
  /* TRANSLATORS: a score's name and value, e.g. "PEWS 6 medium" */
  return g_strdup_printf (C_("chip", "%s %s"), pews ? _("PEWS") : _("NEWS2"), value);
}

void
crs_chart_item_set_grades (CrsChartItem     *self,
                           CrsObservation   *observation,
                           const CrsGrading *grading,
                           gboolean          pews_column)
{
  int crs, icans;

  g_return_if_fail (CRS_IS_CHART_ITEM (self));
  g_return_if_fail (CRS_IS_OBSERVATION (observation));

  if (grading != NULL)
    {
      crs = crs_grading_crs_value (grading);
      icans = crs_grading_icans_value (grading);
      crs_chart_item_take_text (self, CRS_CHART_CRS, crs_display_grading_grade (grading, FALSE));
      crs_chart_item_take_text (self, CRS_CHART_ICANS, crs_display_grading_grade (grading, TRUE));
      crs_chart_item_take_text (self, CRS_CHART_NEWS2,
                                early_warning_cell (grading->pews_applies, pews_column,
                                                    crs_display_early_warning (grading)));
      crs_chart_item_set_classes (self, CRS_CHART_CLASSES_NEWS2, "crs-grade-badge",
                                  crs_display_early_warning_class (grading), NULL);
    }
  else
    {
      /* A replaced version: the grades it was saved with. */
      gboolean pews = !crs_is_missing_int (observation->stored_pews_level);

      crs = observation->stored_crs_grade;
      icans = observation->stored_icans_grade;
      crs_chart_item_take_text (self, CRS_CHART_CRS, crs_display_grade (crs));
      crs_chart_item_take_text (self, CRS_CHART_ICANS, crs_display_grade (icans));
      crs_chart_item_take_text (self, CRS_CHART_NEWS2,
                                early_warning_cell (pews, pews_column,
                                                    pews ? crs_display_stored_pews (observation)
                                                    : crs_is_missing_int (observation->stored_news2)
                                                    ? g_strdup ("—")
                                                    : g_strdup_printf ("%d", observation->stored_news2)));
      crs_chart_item_set_classes (self, CRS_CHART_CLASSES_NEWS2, "crs-grade-badge", "crs-grade-none", NULL);
    }
  crs_chart_item_set_classes (self, CRS_CHART_CLASSES_CRS, "crs-grade-badge",
                              crs_display_grade_class (crs), NULL);
  crs_chart_item_set_classes (self, CRS_CHART_CLASSES_ICANS, "crs-grade-badge",
                              crs_display_grade_class (icans), NULL);
}
