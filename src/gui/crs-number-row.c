/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-number-row.c: a row of a form holding one number. */
#define G_LOG_DOMAIN "crs-number-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crs-form.h"
#include "crs-number-row.h"

/* A stored value is shown with at most this many decimals. */
#define SHOWN_DECIMALS_MAX 2

struct _CrsNumberRow
{
  AdwActionRow parent_instance;

  CrsField          field;
  char             *unit;          /* as typed, e.g. "°F"; NULL = the field's */
  char             *description;   /* subtitle while there is nothing to say */
  CrsNumberConvert  to_stored;
  CrsNumberConvert  from_stored;

  CrsNumberRowState state;
  double            value;         /* stored unit */
  char             *problem;       /* own problem (parsing, range) */
  char             *conflict;      /* problem with other rows */
  char             *hint;

  /* Template widgets */
  GtkEntry *entry;
  GtkLabel *unit_label;
  GtkImage *status_icon;
};

G_DEFINE_FINAL_TYPE (CrsNumberRow, crs_number_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_UNIT,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
shown_unit (CrsNumberRow *self)
{
  if (self->unit != NULL)
    return self->unit;
  return crs_field_range (self->field)->unit;
}

/* The allowed range in the unit typed. */
static char *
range_text (CrsNumberRow *self)
{
  const CrsFieldRange *range = crs_field_range (self->field);
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (self->from_stored == NULL)
    return crs_field_range_text (self->field);

  min = crs_format_decimal (self->from_stored (range->min), range->decimals);
  max = crs_format_decimal (self->from_stored (range->max), range->decimals);
  /* TRANSLATORS: a range of values with its unit, e.g. "10.0–47.0 °C" */
  return g_strdup_printf (_("%s–%s %s"), min, max, shown_unit (self) ? shown_unit (self) : "");
}

static void
show_status (CrsNumberRow *self)
{
  const char *problem = self->problem != NULL ? self->problem : self->conflict;

  if (problem != NULL)
    crs_form_mark_row (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry), self->status_icon,
                       CRS_FORM_MARK_ERROR, problem);
  else if (self->hint != NULL && self->state == CRS_NUMBER_ROW_VALID)
    crs_form_mark_row (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry), self->status_icon,
                       CRS_FORM_MARK_WARNING, self->hint);
  else
    crs_form_mark_row (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry), self->status_icon,
                       CRS_FORM_MARK_NONE, self->description);
}

static void
check_text (CrsNumberRow *self)
{
  const CrsFieldRange *range = crs_field_range (self->field);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *allowed = NULL;
  CrsNumberStatus status;
  double typed = NAN;

  g_clear_pointer (&self->problem, g_free);
  self->value = NAN;

  status = crs_parse_number (text, range->integer && self->to_stored == NULL, &typed);
  switch (status)
    {
    case CRS_NUMBER_EMPTY:
      self->state = CRS_NUMBER_ROW_EMPTY;
      return;

    case CRS_NUMBER_INVALID:
    case CRS_NUMBER_NOT_WHOLE:
    case CRS_NUMBER_GROUPED:
    case CRS_NUMBER_SEPARATORS:
      /* What is wrong and what to type (crs-validate.c). */
      self->problem = crs_number_problem (text, status);
      break;

    case CRS_NUMBER_OK:
    default:
      {
        double stored = self->to_stored != NULL ? self->to_stored (typed) : typed;

        if (crs_field_accepts (self->field, stored))
          {
            self->state = CRS_NUMBER_ROW_VALID;
            self->value = stored;
            return;
          }
        allowed = range_text (self);
        /* TRANSLATORS: a typed value that cannot be right, with the allowed range, e.g. "Not possible: allowed 10.0–47.0 °C" */
        self->problem = g_strdup_printf (_("Not possible: allowed %s"), allowed);
      }
      break;
    }
  self->state = CRS_NUMBER_ROW_INVALID;
}

static void
entry_changed_cb (CrsNumberRow *self)
{
  check_text (self);
  show_status (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Return moves on to the next field, as on a paper chart. */
static void
entry_activate_cb (CrsNumberRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

static gboolean
crs_number_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  return crs_form_row_focus_control (widget, GTK_WIDGET (CRS_NUMBER_ROW (widget)->entry));
}

static gboolean
crs_number_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CRS_NUMBER_ROW (widget)->entry));
}

static void
crs_number_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrsNumberRow *self = CRS_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_int (value, self->field);
      break;
    case PROP_UNIT:
      g_value_set_string (value, shown_unit (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_number_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrsNumberRow *self = CRS_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      crs_number_row_set_field (self, g_value_get_int (value));
      break;
    case PROP_UNIT:
      g_free (self->unit);
      self->unit = g_value_dup_string (value);
      gtk_label_set_label (self->unit_label, shown_unit (self) ? shown_unit (self) : "");
      break;
    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      show_status (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_number_row_finalize (GObject *object)
{
  CrsNumberRow *self = CRS_NUMBER_ROW (object);

  g_free (self->unit);
  g_free (self->description);
  g_free (self->problem);
  g_free (self->conflict);
  g_free (self->hint);

  G_OBJECT_CLASS (crs_number_row_parent_class)->finalize (object);
}

static void
crs_number_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_NUMBER_ROW);
  G_OBJECT_CLASS (crs_number_row_parent_class)->dispose (object);
}

static void
crs_number_row_class_init (CrsNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crs_number_row_get_property;
  object_class->set_property = crs_number_row_set_property;
  object_class->dispose = crs_number_row_dispose;
  widget_class->focus = crs_number_row_focus;
  widget_class->grab_focus = crs_number_row_grab_focus;
  object_class->finalize = crs_number_row_finalize;

  properties[PROP_FIELD] =
    g_param_spec_int ("field", NULL, NULL, 0, CRS_FIELD_N_FIELDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-number-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsNumberRow, entry);
  gtk_widget_class_bind_template_child (widget_class, CrsNumberRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, CrsNumberRow, status_icon);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
}

static void
crs_number_row_init (CrsNumberRow *self)
{
  self->value = NAN;
  /* The entry is the row's activatable widget: AdwActionRow names it
   * after the row's title for assistive technology. */
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
crs_number_row_set_field (CrsNumberRow *self,
                          CrsField      field)
{
  g_return_if_fail (CRS_IS_NUMBER_ROW (self));
  g_return_if_fail (field < CRS_FIELD_N_FIELDS);

  if (self->field == field)
    return;
  self->field = field;
  gtk_label_set_label (self->unit_label, shown_unit (self) ? shown_unit (self) : "");
  check_text (self);
  show_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

void
crs_number_row_set_conversion (CrsNumberRow     *self,
                               const char       *unit,
                               CrsNumberConvert  to_stored,
                               CrsNumberConvert  from_stored)
{
  g_return_if_fail (CRS_IS_NUMBER_ROW (self));

  g_free (self->unit);
  self->unit = g_strdup (unit);
  self->to_stored = to_stored;
  self->from_stored = from_stored;
  gtk_label_set_label (self->unit_label, shown_unit (self) ? shown_unit (self) : "");
  check_text (self);
  show_status (self);
}

double
crs_number_row_get_value (CrsNumberRow *self)
{
  g_return_val_if_fail (CRS_IS_NUMBER_ROW (self), NAN);
  return self->state == CRS_NUMBER_ROW_VALID ? self->value : NAN;
}

int
crs_number_row_get_int (CrsNumberRow *self)
{
  double value = crs_number_row_get_value (self);

  return isnan (value) ? CRS_MISSING : (int) lround (value);
}

void
crs_number_row_set_value (CrsNumberRow *self,
                          double        value)
{
  const CrsFieldRange *range;
  g_autofree char *text = NULL;
  double shown;

  g_return_if_fail (CRS_IS_NUMBER_ROW (self));

  if (isnan (value) || (range = crs_field_range (self->field), range->integer && value < 0))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      return;
    }
  shown = self->from_stored != NULL ? self->from_stored (value) : value;
  if (range->integer && self->from_stored == NULL)
    text = g_strdup_printf ("%d", (int) lround (shown));
  else
    {
      /* The field's decimals, more only when the value has them (a
       * flow of 2.5), at most SHOWN_DECIMALS_MAX. */
      int decimals = range->decimals;

      while (decimals < SHOWN_DECIMALS_MAX &&
             fabs (round (shown * pow (10, decimals)) - shown * pow (10, decimals)) > 1e-6)
        decimals++;
      text = crs_format_decimal (shown, decimals);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

CrsNumberRowState
crs_number_row_get_state (CrsNumberRow *self)
{
  g_return_val_if_fail (CRS_IS_NUMBER_ROW (self), CRS_NUMBER_ROW_EMPTY);
  if (self->conflict != NULL && self->state == CRS_NUMBER_ROW_VALID)
    return CRS_NUMBER_ROW_INVALID;
  return self->state;
}

const char *
crs_number_row_get_problem (CrsNumberRow *self)
{
  g_return_val_if_fail (CRS_IS_NUMBER_ROW (self), NULL);
  return self->problem != NULL ? self->problem : self->conflict;
}

void
crs_number_row_set_conflict (CrsNumberRow *self,
                             const char   *message)
{
  g_return_if_fail (CRS_IS_NUMBER_ROW (self));

  if (g_strcmp0 (self->conflict, message) == 0)
    return;
  g_free (self->conflict);
  self->conflict = g_strdup (message);
  show_status (self);
}

void
crs_number_row_set_hint (CrsNumberRow *self,
                         const char   *hint)
{
  g_return_if_fail (CRS_IS_NUMBER_ROW (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;
  g_free (self->hint);
  self->hint = g_strdup (hint);
  show_status (self);
}

void
crs_number_row_set_text (CrsNumberRow *self,
                         const char   *text)
{
  g_return_if_fail (CRS_IS_NUMBER_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

GtkEditable *
crs_number_row_get_editable (CrsNumberRow *self)
{
  g_return_val_if_fail (CRS_IS_NUMBER_ROW (self), NULL);
  return GTK_EDITABLE (self->entry);
}
