/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy-detail.c: one therapy, every field with its source. */
#define G_LOG_DOMAIN "crs-therapy-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crs-field-item.h"
#include "crs-therapy-detail.h"
#include "crs-therapy-field-row.h"

/* Ends a detail_lines() list (a label may be NULL, so NULL cannot). */
static const char END[] = "";

struct _CrsTherapyDetail
{
  AdwBin parent_instance;

  CrsTherapy *therapy;
  /* The rows of each group below (CrsFieldItem), same order. */
  GListStore *rows[6];

  GtkScrolledWindow    *scroller;
  GtkLabel             *name_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *tier_label;
  GtkLabel             *caution_label;
  AdwPreferencesGroup  *overview_group;
  AdwPreferencesGroup  *incidence_group;
  AdwPreferencesGroup  *timing_group;
  AdwPreferencesGroup  *label_group;
  AdwPreferencesGroup  *notes_group;
  AdwPreferencesGroup  *sources_group;
};

G_DEFINE_FINAL_TYPE (CrsTherapyDetail, crs_therapy_detail, ADW_TYPE_BIN)

#define N_GROUPS G_N_ELEMENTS (((CrsTherapyDetail *) NULL)->rows)

/* The groups, in the order of self->rows. */
static void
groups (CrsTherapyDetail    *self,
        AdwPreferencesGroup *list[N_GROUPS])
{
  list[0] = self->overview_group;
  list[1] = self->incidence_group;
  list[2] = self->timing_group;
  list[3] = self->label_group;
  list[4] = self->notes_group;
  list[5] = self->sources_group;
}

static void
add_row (CrsTherapyDetail    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value,
         const char          *caution,
         const char          *detail)
{
  AdwPreferencesGroup *all[N_GROUPS];

  groups (self, all);
  for (guint i = 0; i < N_GROUPS; i++)
    if (all[i] == group)
      {
        g_autoptr(CrsFieldItem) item = crs_field_item_new (title, value, caution, detail);

        g_list_store_append (self->rows[i], item);
        return;
      }
  g_return_if_reached ();
}

static void
clear_rows (CrsTherapyDetail *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    g_list_store_remove_all (self->rows[i]);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return crs_therapy_field_row_new (crs_field_item_get_title (item), crs_field_item_get_value (item),
                                    crs_field_item_get_caution (item), crs_field_item_get_detail (item));
}

/* "Source: …" and the other facts about where a value comes from, one
 * per line: pairs of a translated label and its value, NULL-terminated.
 * Pairs without a value are skipped; a pair without a label is the value
 * alone. */
static char *
detail_lines (const char *label,
              ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *value;
  va_list args;

  va_start (args, label);
  for (value = va_arg (args, const char *); TRUE; value = va_arg (args, const char *))
    {
      if (value != NULL && *value != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          if (label != NULL)
            /* Translators: a label and its value, e.g. "Source: KYMRIAH ISI" */
            g_string_append_printf (text, _("%s: %s"), label, value);
          else
            g_string_append (text, value);
        }
      label = va_arg (args, const char *);
      if (label == END)
        break;
    }
  va_end (args);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
source_text (const CrsSource *source)
{
  return source ? crs_source_format (source) : NULL;
}

static const char *
rems_caution (gboolean before_rems_change)
{
  if (!before_rems_change)
    return NULL;
  return _("Earlier wording, from before the June 2025 REMS change: check the current prescribing information.");
}

static void
add_number (CrsTherapyDetail       *self,
            AdwPreferencesGroup    *group,
            const char             *title,
            const CrsSourcedNumber *number)
{
  g_autofree char *value = crs_sourced_number_format (number);
  g_autofree char *source = source_text (number->source);
  g_autofree char *term = number->term ? g_strdup_printf ("“%s”", number->term) : NULL;
  g_autofree char *detail = detail_lines (_("Source"), source,
                                          _("Study"), number->study,
                                          _("Counted by the source as"), term,
                                          _("Derived"), number->derivation,
                                          _("Note"), number->note,
                                          _("Counted from"), number->from, END);

  add_row (self, group, title, value, NULL, detail);
}

static void
add_range (CrsTherapyDetail      *self,
           AdwPreferencesGroup   *group,
           const char            *title,
           const CrsSourcedRange *range)
{
  g_autofree char *value = crs_sourced_range_format (range);
  g_autofree char *source = source_text (range->source);
  /* Show the source's own words when the value restates them. */
  const char *written = value && g_strcmp0 (value, range->text) != 0 ? range->text : NULL;
  g_autofree char *detail = detail_lines (_("As written"), written,
                                          _("Source"), source,
                                          _("Study"), range->study,
                                          _("Counted from"), range->from, END);

  add_row (self, group, title, value, NULL, detail);
}

static void
add_text (CrsTherapyDetail     *self,
          AdwPreferencesGroup  *group,
          const char           *title,
          const CrsSourcedText *text,
          const char           *study)
{
  g_autofree char *source = source_text (text->source);
  g_autofree char *detail = detail_lines (_("Source"), source,
                                          _("Study"), study,
                                          _("Dated"), text->date, END);

  add_row (self, group, title, text->text, rems_caution (text->before_rems_change), detail);
}

/* One row per entry, or one "No data" row for an empty list. */
static void
add_texts (CrsTherapyDetail    *self,
           AdwPreferencesGroup *group,
           const char          *title,
           GPtrArray           *texts)
{
  if (texts->len == 0)
    add_row (self, group, title, NULL, NULL, NULL);
  for (guint i = 0; i < texts->len; i++)
    add_text (self, group, title, texts->pdata[i], NULL);
}

static char *
join_or_null (GStrv strv)
{
  return strv && strv[0] ? g_strjoinv (", ", strv) : NULL;
}

static void
fill_header (CrsTherapyDetail *self,
             CrsTherapy       *t)
{
  g_autofree char *brands = join_or_null (t->brand_names);
  g_autoptr(GString) caution = g_string_new (NULL);
  gboolean rems = FALSE;

  gtk_label_set_text (self->name_label, t->generic_name);
  if (brands != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", brands, crs_drug_class_label (t->drug_class));
      gtk_label_set_text (self->subtitle_label, subtitle);
    }
  else
    gtk_label_set_text (self->subtitle_label, crs_drug_class_label (t->drug_class));
  gtk_label_set_text (self->tier_label, crs_risk_tier_label (t->risk_tier));

  if (t->approval == CRS_APPROVAL_NEVER_APPROVED)
    g_string_append (caution, _("Never approved: no patient should be receiving this agent."));
  for (guint i = 0; i < t->monitoring->len; i++)
    rems = rems || ((CrsSourcedText *) t->monitoring->pdata[i])->before_rems_change;
  if (rems)
    {
      if (caution->len > 0)
        g_string_append_c (caution, '\n');
      g_string_append (caution, _("Some monitoring wording is from before the June 2025 REMS change: "
                                  "check the current prescribing information."));
    }
  if (crs_sourced_number_is_missing (&t->crs_any_grade))
    {
      if (caution->len > 0)
        g_string_append_c (caution, '\n');
      g_string_append (caution, _("No source gave a CRS incidence for this therapy: the notes say what is known."));
    }
  gtk_label_set_text (self->caution_label, caution->str);
  gtk_widget_set_visible (GTK_WIDGET (self->caution_label), caution->len > 0);
}

static void
fill_overview (CrsTherapyDetail *self,
               CrsTherapy       *t)
{
  AdwPreferencesGroup *g = self->overview_group;
  g_autofree char *brands = join_or_null (t->brand_names);
  g_autofree char *others = join_or_null (t->other_names);
  g_autofree char *tier_source = source_text (t->risk_tier_source);
  g_autofree char *tier_detail = detail_lines (_("Source"), tier_source, END);
  g_autofree char *class_detail = detail_lines (_("As the source described it"), t->class_detail, END);
  g_autofree char *approval_source = source_text (t->approval_text.source);
  g_autofree char *approval_detail = detail_lines (NULL, t->approval_text.text,
                                                   _("Source"), approval_source, END);

  add_row (self, g, _("Brand names"), brands, NULL, t->brand_note);
  if (others != NULL)
    add_row (self, g, _("Other names"), others, NULL, NULL);
  add_row (self, g, _("Class"), crs_drug_class_label (t->drug_class), NULL, class_detail);
  add_row (self, g, _("Target"), t->target, NULL, NULL);
  add_row (self, g, _("Risk tier"), crs_risk_tier_label (t->risk_tier), NULL, tier_detail);
  add_row (self, g, _("Approval"), crs_approval_label (t->approval), NULL, approval_detail);
  add_texts (self, g, _("Indications"), t->indications);
  add_text (self, g, _("Study population"), &t->population, NULL);
}

static void
fill_incidence (CrsTherapyDetail *self,
                CrsTherapy       *t)
{
  AdwPreferencesGroup *g = self->incidence_group;
  g_autofree char *scale_source = source_text (t->grading_scale_text.source);
  const char *scale = t->grading_scale != CRS_GRADING_SCALE_UNSET ? crs_grading_scale_label (t->grading_scale) : NULL;
  /* The source's words only when they say more than the scale's name. */
  const char *written = t->grading_scale_text.text && scale &&
                        g_ascii_strcasecmp (t->grading_scale_text.text, scale) != 0 ? t->grading_scale_text.text : NULL;
  g_autofree char *scale_detail = detail_lines (_("As written"), written,
                                                _("Source"), scale_source, END);

  add_number (self, g, _("CRS, any grade"), &t->crs_any_grade);
  add_number (self, g, _("CRS, grade 3 or higher"), &t->crs_grade3plus);
  add_row (self, g, _("CRS grading scale of the source"), scale, NULL, scale_detail);
  add_number (self, g, _("ICANS or neurotoxicity, any grade"), &t->icans_any_grade);
  add_number (self, g, _("ICANS or neurotoxicity, grade 3 or higher"), &t->icans_grade3plus);
}

static void
fill_timing (CrsTherapyDetail *self,
             CrsTherapy       *t)
{
  AdwPreferencesGroup *g = self->timing_group;

  add_number (self, g, _("Median onset"), &t->onset_median);
  add_range (self, g, _("Onset range"), &t->onset_range);
  add_number (self, g, _("Median duration"), &t->duration_median);
  add_range (self, g, _("Duration range"), &t->duration_range);
}

static void
fill_label (CrsTherapyDetail *self,
            CrsTherapy       *t)
{
  AdwPreferencesGroup *g = self->label_group;
  g_autofree char *boxed_source = source_text (t->boxed_warning_text.source);
  /* The source's own wording, when it says more than the status. */
  const char *boxed_text = t->boxed_warning_text.text;
  g_autofree char *boxed_detail = detail_lines (_("As written"),
                                                boxed_text && strchr (boxed_text, '(') ? boxed_text : NULL,
                                                _("Source"), boxed_source, END);

  add_row (self, g, _("Boxed warning"),
           t->boxed_warning != CRS_BOXED_WARNING_UNSET ? crs_boxed_warning_label (t->boxed_warning) : NULL,
           NULL, boxed_detail);
  add_texts (self, g, _("Step-up dosing"), t->step_up_dosing);
  add_texts (self, g, _("Premedication"), t->premedication);
  add_texts (self, g, _("Monitoring"), t->monitoring);
  add_texts (self, g, _("Label actions"), t->label_actions);
}

static void
fill_sources (CrsTherapyDetail *self,
              CrsTherapy       *t)
{
  g_autoptr(GPtrArray) sources = crs_therapy_list_sources (t);

  for (guint i = 0; i < sources->len; i++)
    {
      CrsSource *source = sources->pdata[i];
      add_row (self, self->sources_group, crs_source_quality_label (source->quality),
               source->citation, NULL, source->url);
    }
}

void
crs_therapy_detail_set_therapy (CrsTherapyDetail *self,
                                CrsTherapy       *therapy)
{
  g_return_if_fail (CRS_IS_THERAPY_DETAIL (self));
  g_return_if_fail (therapy == NULL || CRS_IS_THERAPY (therapy));

  g_set_object (&self->therapy, therapy);
  clear_rows (self);
  if (therapy == NULL)
    return;

  fill_header (self, therapy);
  fill_overview (self, therapy);
  fill_incidence (self, therapy);
  fill_timing (self, therapy);
  fill_label (self, therapy);
  add_texts (self, self->notes_group, _("Note"), therapy->notes);
  fill_sources (self, therapy);

  /* A new therapy starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

CrsTherapy *
crs_therapy_detail_get_therapy (CrsTherapyDetail *self)
{
  g_return_val_if_fail (CRS_IS_THERAPY_DETAIL (self), NULL);
  return self->therapy;
}

static void
crs_therapy_detail_dispose (GObject *object)
{
  CrsTherapyDetail *self = CRS_THERAPY_DETAIL (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    g_clear_object (&self->rows[i]);
  /* AdwBin unparents its child in its own dispose: let it go first, or
   * the template would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_THERAPY_DETAIL);
  g_clear_object (&self->therapy);

  G_OBJECT_CLASS (crs_therapy_detail_parent_class)->dispose (object);
}

static void
crs_therapy_detail_class_init (CrsTherapyDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_therapy_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-therapy-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, tier_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, caution_label);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, overview_group);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, incidence_group);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, timing_group);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, label_group);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, notes_group);
  gtk_widget_class_bind_template_child (widget_class, CrsTherapyDetail, sources_group);
}

static void
crs_therapy_detail_init (CrsTherapyDetail *self)
{
  AdwPreferencesGroup *all[N_GROUPS];

  gtk_widget_init_template (GTK_WIDGET (self));
  groups (self, all);
  for (guint i = 0; i < N_GROUPS; i++)
    self->rows[i] = crs_field_list_new (all[i], create_row);
}
