/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-time-row.c: a row of a form holding a date and time. */
#define G_LOG_DOMAIN "crs-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-form.h"
#include "crs-time-row.h"

struct _CrsTimeRow
{
  AdwActionRow parent_instance;

  gint64    time;
  gboolean  optional;
  gboolean  syncing;        /* the popover is being set from the time */
  char     *problem;

  /* Template widgets */
  GtkImage      *status_icon;
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkWidget     *clear_button;
};

G_DEFINE_FINAL_TYPE (CrsTimeRow, crs_time_row, ADW_TYPE_ACTION_ROW)

/* A time this far ahead is a typing slip or another clock, not a plan. */
#define FUTURE_TOLERANCE_SECONDS (5 * 60)

enum {
  PROP_0,
  PROP_TIME,
  PROP_OPTIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The current minute: seconds would only look like precision. */
static gint64
now_minute (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return now - now % 60;
}

/* The button is the row's activatable widget, which AdwActionRow names
 * after the title ("Taken at"); the button itself says the time. */
static void
update_label (CrsTimeRow *self)
{
  g_autofree char *text = NULL;

  text = self->time != 0 ? crs_form_format_time (self->time) : g_strdup (_("Not recorded"));
  gtk_menu_button_set_label (self->button, text);
}

static void
show_problem (CrsTimeRow *self)
{
  crs_form_mark_row (ADW_ACTION_ROW (self), GTK_WIDGET (self->button), self->status_icon,
                     self->problem != NULL ? CRS_FORM_MARK_ERROR : CRS_FORM_MARK_NONE,
                     self->problem);
}

static void
sync_popover (CrsTimeRow *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->time != 0 ? self->time : now_minute ());
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  self->syncing = FALSE;
}

static void
take_from_popover (CrsTimeRow *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (self->syncing)
    return;
  day = gtk_calendar_get_date (self->calendar);
  local = g_date_time_new_local (g_date_time_get_year (day),
                                 g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 gtk_spin_button_get_value_as_int (self->hour_spin),
                                 gtk_spin_button_get_value_as_int (self->minute_spin),
                                 0);
  if (local != NULL)
    crs_time_row_set_time (self, g_date_time_to_unix (local));
}

static void
popover_show_cb (CrsTimeRow *self)
{
  sync_popover (self);
}

static void
calendar_day_selected_cb (CrsTimeRow *self)
{
  take_from_popover (self);
}

static void
clock_changed_cb (CrsTimeRow *self)
{
  take_from_popover (self);
}

/* Two digits, as a clock shows them. */
static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
now_clicked_cb (CrsTimeRow *self)
{
  crs_time_row_set_time (self, now_minute ());
  sync_popover (self);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (CrsTimeRow *self)
{
  crs_time_row_set_time (self, 0);
  gtk_popover_popdown (self->popover);
}

static gboolean
crs_time_row_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  return crs_form_row_focus_control (widget, GTK_WIDGET (CRS_TIME_ROW (widget)->button));
}

static gboolean
crs_time_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CRS_TIME_ROW (widget)->button));
}

static void
crs_time_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrsTimeRow *self = CRS_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_time_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrsTimeRow *self = CRS_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      crs_time_row_set_time (self, g_value_get_int64 (value));
      break;
    case PROP_OPTIONAL:
      crs_time_row_set_optional (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crs_time_row_finalize (GObject *object)
{
  g_free (CRS_TIME_ROW (object)->problem);
  G_OBJECT_CLASS (crs_time_row_parent_class)->finalize (object);
}

static void
crs_time_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_TIME_ROW);
  G_OBJECT_CLASS (crs_time_row_parent_class)->dispose (object);
}

static void
crs_time_row_class_init (CrsTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = crs_time_row_get_property;
  object_class->set_property = crs_time_row_set_property;
  object_class->dispose = crs_time_row_dispose;
  widget_class->focus = crs_time_row_focus;
  widget_class->grab_focus = crs_time_row_grab_focus;
  object_class->finalize = crs_time_row_finalize;

  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, button);
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, popover);
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CrsTimeRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clock_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, now_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
crs_time_row_init (CrsTimeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->time = now_minute ();
  update_label (self);
}

gint64
crs_time_row_get_time (CrsTimeRow *self)
{
  g_return_val_if_fail (CRS_IS_TIME_ROW (self), 0);
  return self->time;
}

void
crs_time_row_set_time (CrsTimeRow *self,
                       gint64      unix_time)
{
  g_return_if_fail (CRS_IS_TIME_ROW (self));

  if (unix_time <= 0)
    unix_time = self->optional ? 0 : now_minute ();
  if (self->time == unix_time)
    return;
  self->time = unix_time;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

void
crs_time_row_set_optional (CrsTimeRow *self,
                           gboolean    optional)
{
  g_return_if_fail (CRS_IS_TIME_ROW (self));

  optional = !!optional;
  if (self->optional == optional)
    return;
  self->optional = optional;
  gtk_widget_set_visible (self->clear_button, optional);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONAL]);
}

void
crs_time_row_set_problem (CrsTimeRow *self,
                          const char *problem)
{
  g_return_if_fail (CRS_IS_TIME_ROW (self));

  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  show_problem (self);
}

const char *
crs_time_row_get_problem (CrsTimeRow *self)
{
  g_return_val_if_fail (CRS_IS_TIME_ROW (self), NULL);
  return self->problem;
}

gboolean
crs_time_row_check_not_future (CrsTimeRow *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean future;

  g_return_val_if_fail (CRS_IS_TIME_ROW (self), FALSE);

  future = self->time > now + FUTURE_TOLERANCE_SECONDS;
  crs_time_row_set_problem (self, future ? _("Not possible: this is in the future") : NULL);
  return future;
}
