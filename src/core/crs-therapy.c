/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-therapy.c: one therapy of the reference database, and how its
 * values read for people. */
#define G_LOG_DOMAIN "crs-therapy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "crs-core-enums.h"
#include "crs-enum-strings.h"
#include "crs-format.h"
#include "crs-therapy.h"

/* Ids as in data/therapies.xsd. */
static const CrsEnumLabel drug_class_labels[] = {
  { CRS_DRUG_CLASS_CAR_T, N_("CAR-T cell therapy") },
  { CRS_DRUG_CLASS_TCR_T, N_("TCR-T cell therapy") },
  { CRS_DRUG_CLASS_BISPECIFIC, N_("Bispecific T-cell engager") },
  { CRS_DRUG_CLASS_MONOCLONAL, N_("Monoclonal antibody") },
  { CRS_DRUG_CLASS_ADC, N_("Antibody–drug conjugate") },
  { CRS_DRUG_CLASS_IMMUNOMODULATOR, N_("Immunomodulator") },
  { CRS_DRUG_CLASS_CHEMOTHERAPY, N_("Chemotherapy") },
  { CRS_DRUG_CLASS_POLYCLONAL, N_("Polyclonal antibody") },
  { CRS_DRUG_CLASS_SUPERAGONIST, N_("Superagonist antibody") },
  { 0, NULL }
};

static const CrsEnumLabel risk_tier_labels[] = {
  { CRS_RISK_TIER_HIGHEST, N_("Highest risk group: T-cell-engaging therapy") },
  { CRS_RISK_TIER_LINKED, N_("Linked with CRS") },
  { 0, NULL }
};

static const CrsEnumLabel approval_labels[] = {
  { CRS_APPROVAL_APPROVED, N_("Approved") },
  { CRS_APPROVAL_INVESTIGATIONAL, N_("Investigational") },
  { CRS_APPROVAL_NEVER_APPROVED, N_("Never approved") },
  { 0, NULL }
};

static const CrsEnumLabel grading_scale_labels[] = {
  { CRS_GRADING_SCALE_PENN, N_("Penn") },
  { CRS_GRADING_SCALE_LEE_2014, N_("Lee 2014") },
  { CRS_GRADING_SCALE_ASTCT_2019, N_("ASTCT 2019") },
  { CRS_GRADING_SCALE_NOT_STATED, N_("Not stated") },
  { CRS_GRADING_SCALE_NOT_GRADED, N_("Not graded") },
  { 0, NULL }
};

static const CrsEnumLabel boxed_warning_labels[] = {
  { CRS_BOXED_WARNING_YES, N_("Boxed warning for CRS") },
  { CRS_BOXED_WARNING_NO, N_("No boxed warning for CRS") },
  { CRS_BOXED_WARNING_NOT_VERIFIED, N_("Not verified") },
  { CRS_BOXED_WARNING_NOT_APPLICABLE, N_("Not applicable: no label") },
  { 0, NULL }
};

static const CrsEnumLabel time_unit_labels[] = {
  { CRS_TIME_UNIT_MINUTES, N_("Minutes") },
  { CRS_TIME_UNIT_HOURS, N_("Hours") },
  { CRS_TIME_UNIT_DAYS, N_("Days") },
  { 0, NULL }
};

static const CrsEnumLabel spread_labels[] = {
  { CRS_SPREAD_RANGE, N_("Range") },
  { CRS_SPREAD_IQR, N_("Interquartile range") },
  { 0, NULL }
};

static const CrsEnumLabel source_quality_labels[] = {
  { CRS_SOURCE_QUALITY_PRIMARY, N_("Primary source") },
  { CRS_SOURCE_QUALITY_SECONDARY, N_("Secondary source") },
  { CRS_SOURCE_QUALITY_WEAK, N_("Weak source") },
  { 0, NULL }
};

CRS_DEFINE_ENUM_STRINGS (CrsDrugClass, drug_class, CRS_TYPE_DRUG_CLASS, drug_class_labels)
CRS_DEFINE_ENUM_STRINGS (CrsRiskTier, risk_tier, CRS_TYPE_RISK_TIER, risk_tier_labels)
CRS_DEFINE_ENUM_STRINGS (CrsApproval, approval, CRS_TYPE_APPROVAL, approval_labels)
CRS_DEFINE_ENUM_STRINGS (CrsGradingScale, grading_scale, CRS_TYPE_GRADING_SCALE, grading_scale_labels)
CRS_DEFINE_ENUM_STRINGS (CrsBoxedWarning, boxed_warning, CRS_TYPE_BOXED_WARNING, boxed_warning_labels)
CRS_DEFINE_ENUM_STRINGS (CrsTimeUnit, time_unit, CRS_TYPE_TIME_UNIT, time_unit_labels)
CRS_DEFINE_ENUM_STRINGS (CrsSpread, spread, CRS_TYPE_SPREAD, spread_labels)
CRS_DEFINE_ENUM_STRINGS (CrsSourceQuality, source_quality, CRS_TYPE_SOURCE_QUALITY, source_quality_labels)

/* ---------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (CrsSource, crs_source, crs_source_ref, crs_source_unref)

static void
crs_source_clear (CrsSource *source)
{
  g_free (source->id);
  g_free (source->citation);
  g_free (source->url);
}

CrsSource *
crs_source_new (const char       *id,
                const char       *citation,
                const char       *url,
                CrsSourceQuality  quality)
{
  CrsSource *source = g_rc_box_new0 (CrsSource);

  source->id = g_strdup (id);
  source->citation = g_strdup (citation);
  source->url = g_strdup (url);
  source->quality = quality;
  return source;
}

CrsSource *
crs_source_ref (CrsSource *source)
{
  return g_rc_box_acquire (source);
}

void
crs_source_unref (CrsSource *source)
{
  g_rc_box_release_full (source, (GDestroyNotify) crs_source_clear);
}

char *
crs_source_format (const CrsSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);

  switch (source->quality)
    {
    case CRS_SOURCE_QUALITY_SECONDARY:
      /* Translators: a citation, then a warning about its kind. A
       * citation often ends in parentheses of its own. */
      return g_strdup_printf (_("%s; secondary source"), source->citation);
    case CRS_SOURCE_QUALITY_WEAK:
      return g_strdup_printf (_("%s; weak source, unverified"), source->citation);
    case CRS_SOURCE_QUALITY_PRIMARY:
    case CRS_SOURCE_QUALITY_N_VALUES:
    default:
      return g_strdup (source->citation);
    }
}

static void
sourced_text_clear (CrsSourcedText *text)
{
  g_clear_pointer (&text->text, g_free);
  g_clear_pointer (&text->date, g_free);
  g_clear_pointer (&text->source, crs_source_unref);
}

void
crs_sourced_text_free (CrsSourcedText *text)
{
  if (text == NULL)
    return;
  sourced_text_clear (text);
  g_free (text);
}

static void
sourced_number_init (CrsSourcedNumber *number)
{
  number->value = NAN;
}

static void
sourced_number_clear (CrsSourcedNumber *number)
{
  g_clear_pointer (&number->term, g_free);
  g_clear_pointer (&number->derivation, g_free);
  g_clear_pointer (&number->note, g_free);
  g_clear_pointer (&number->from, g_free);
  g_clear_pointer (&number->study, g_free);
  g_clear_pointer (&number->source, crs_source_unref);
}

static void
sourced_range_init (CrsSourcedRange *range)
{
  range->min = NAN;
  range->max = NAN;
}

static void
sourced_range_clear (CrsSourcedRange *range)
{
  g_clear_pointer (&range->text, g_free);
  g_clear_pointer (&range->from, g_free);
  g_clear_pointer (&range->study, g_free);
  g_clear_pointer (&range->source, crs_source_unref);
}

/* ---------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (CrsTherapy, crs_therapy, G_TYPE_OBJECT)

static void
crs_therapy_finalize (GObject *object)
{
  CrsTherapy *self = CRS_THERAPY (object);

  g_free (self->code);
  g_free (self->generic_name);
  g_strfreev (self->other_names);
  g_strfreev (self->brand_names);
  g_free (self->brand_note);
  g_free (self->class_detail);
  g_free (self->target);
  g_clear_pointer (&self->risk_tier_source, crs_source_unref);
  sourced_text_clear (&self->approval_text);
  g_ptr_array_unref (self->indications);
  sourced_text_clear (&self->population);
  sourced_text_clear (&self->grading_scale_text);
  sourced_number_clear (&self->crs_any_grade);
  sourced_number_clear (&self->crs_grade3plus);
  sourced_number_clear (&self->icans_any_grade);
  sourced_number_clear (&self->icans_grade3plus);
  sourced_number_clear (&self->onset_median);
  sourced_range_clear (&self->onset_range);
  sourced_number_clear (&self->duration_median);
  sourced_range_clear (&self->duration_range);
  sourced_text_clear (&self->boxed_warning_text);
  g_ptr_array_unref (self->step_up_dosing);
  g_ptr_array_unref (self->premedication);
  g_ptr_array_unref (self->monitoring);
  g_ptr_array_unref (self->label_actions);
  g_ptr_array_unref (self->notes);

  G_OBJECT_CLASS (crs_therapy_parent_class)->finalize (object);
}

static void
crs_therapy_class_init (CrsTherapyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crs_therapy_finalize;
}

static GPtrArray *
new_text_list (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) crs_sourced_text_free);
}

static void
crs_therapy_init (CrsTherapy *self)
{
  self->other_names = g_new0 (char *, 1);
  self->brand_names = g_new0 (char *, 1);
  self->indications = new_text_list ();
  self->step_up_dosing = new_text_list ();
  self->premedication = new_text_list ();
  self->monitoring = new_text_list ();
  self->label_actions = new_text_list ();
  self->notes = new_text_list ();
  sourced_number_init (&self->crs_any_grade);
  sourced_number_init (&self->crs_grade3plus);
  sourced_number_init (&self->icans_any_grade);
  sourced_number_init (&self->icans_grade3plus);
  sourced_number_init (&self->onset_median);
  sourced_number_init (&self->duration_median);
  sourced_range_init (&self->onset_range);
  sourced_range_init (&self->duration_range);
}

CrsTherapy *
crs_therapy_new (void)
{
  return g_object_new (CRS_TYPE_THERAPY, NULL);
}

char *
crs_therapy_dup_display_name (CrsTherapy *self)
{
  g_autofree char *brands = NULL;

  g_return_val_if_fail (CRS_IS_THERAPY (self), NULL);

  if (self->brand_names[0] == NULL)
    return g_strdup (self->generic_name);
  brands = g_strjoinv (", ", self->brand_names);
  /* Translators: generic name (brand names) */
  return g_strdup_printf (_("%s (%s)"), self->generic_name, brands);
}

static void
add_source (GPtrArray *list,
            CrsSource *source)
{
  if (source == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((CrsSource *) list->pdata[i])->id, source->id) == 0)
      return;
  g_ptr_array_add (list, crs_source_ref (source));
}

static void
add_text_sources (GPtrArray *list,
                  GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    add_source (list, ((CrsSourcedText *) texts->pdata[i])->source);
}

GPtrArray *
crs_therapy_list_sources (CrsTherapy *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) crs_source_unref);

  g_return_val_if_fail (CRS_IS_THERAPY (self), list);

  /* In the order the detail page shows the values. */
  add_source (list, self->risk_tier_source);
  add_source (list, self->approval_text.source);
  add_text_sources (list, self->indications);
  add_source (list, self->population.source);
  add_source (list, self->grading_scale_text.source);
  add_source (list, self->crs_any_grade.source);
  add_source (list, self->crs_grade3plus.source);
  add_source (list, self->icans_any_grade.source);
  add_source (list, self->icans_grade3plus.source);
  add_source (list, self->onset_median.source);
  add_source (list, self->onset_range.source);
  add_source (list, self->duration_median.source);
  add_source (list, self->duration_range.source);
  add_source (list, self->boxed_warning_text.source);
  add_text_sources (list, self->step_up_dosing);
  add_text_sources (list, self->premedication);
  add_text_sources (list, self->monitoring);
  add_text_sources (list, self->label_actions);
  add_text_sources (list, self->notes);
  return list;
}

/* ---------------------------------------------------------------------- */

/* The plural form for a possibly fractional count: gettext wants an
 * integer, and "0.1 hours" / "1.5 hours" take the plural in English. */
static gulong
plural_count (double value,
              int    decimals)
{
  if (decimals > 0 && value != floor (value))
    return 2;
  return (gulong) MAX (value, 0);
}

char *
crs_format_time_quantity (double      value,
                     int         decimals,
                     CrsTimeUnit unit)
{
  g_autofree char *number = crs_format_decimal (value, decimals);
  gulong n = plural_count (value, decimals);

  switch (unit)
    {
    case CRS_TIME_UNIT_MINUTES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s minute", "%s minutes", n), number);
    case CRS_TIME_UNIT_HOURS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour", "%s hours", n), number);
    case CRS_TIME_UNIT_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", n), number);
    case CRS_TIME_UNIT_UNSET:
    case CRS_TIME_UNIT_N_VALUES:
    default:
      return g_steal_pointer (&number);
    }
}

char *
crs_sourced_number_format (const CrsSourcedNumber *number)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (number != NULL, NULL);

  if (crs_sourced_number_is_missing (number))
    return NULL;

  if (number->unit != CRS_TIME_UNIT_UNSET)
    value = crs_format_time_quantity (number->value, number->decimals, number->unit);
  else
    {
      g_autofree char *digits = crs_format_decimal (number->value, number->decimals);
      /* Translators: a percentage of patients */
      value = g_strdup_printf (_("%s%%"), digits);
    }

  if (number->approximate)
    /* Translators: the source printed "~" before the value */
    return g_strdup_printf (_("about %s"), value);
  return g_steal_pointer (&value);
}

char *
crs_sourced_range_format (const CrsSourcedRange *range)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *span = NULL;

  g_return_val_if_fail (range != NULL, NULL);

  if (range->text == NULL)
    return NULL;
  if (isnan (range->min) || isnan (range->max))
    return g_strdup (range->text);

  low = crs_format_decimal (range->min, range->min_decimals);
  high = crs_format_time_quantity (range->max, range->max_decimals, range->unit);
  /* Translators: "1 to 51 days" */
  span = g_strdup_printf (_("%s to %s"), low, high);
  if (range->spread == CRS_SPREAD_IQR)
    /* Translators: IQR is the interquartile range (the middle half of the values) */
    return g_strdup_printf (_("IQR %s"), span);
  return g_steal_pointer (&span);
}

char *
crs_therapy_fold_name (const char *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *ascii = NULL;

  if (name == NULL)
    return g_strdup ("");
  trimmed = g_strstrip (g_strdup (name));
  /* Transliterate in the C locale so the result does not depend on the
   * user's locale: the compiler and the app must fold alike. */
  ascii = g_str_to_ascii (trimmed, "C");
  return g_ascii_strdown (ascii, -1);
}
