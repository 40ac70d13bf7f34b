/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-escalation-banner.c: the red flag banner of the patient page. */
#define G_LOG_DOMAIN "crs-escalation-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-escalation-banner-private.h"

struct _CrsEscalationBanner
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkBox      *box;
  GtkBox      *content;
  GtkLabel    *title_label;
  GtkLabel    *detail_label;
  GtkButton   *acknowledge_button;
};

G_DEFINE_FINAL_TYPE (CrsEscalationBanner, crs_escalation_banner, GTK_TYPE_WIDGET)

static void
crs_escalation_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRS_TYPE_ESCALATION_BANNER);
  /* The template's root box is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (crs_escalation_banner_parent_class)->dispose (object);
}

static void
crs_escalation_banner_class_init (CrsEscalationBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = crs_escalation_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-escalation-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsEscalationBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrsEscalationBanner, box);
  gtk_widget_class_bind_template_child (widget_class, CrsEscalationBanner, content);
  gtk_widget_class_bind_template_child (widget_class, CrsEscalationBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrsEscalationBanner, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CrsEscalationBanner, acknowledge_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crs_escalation_banner_init (CrsEscalationBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
crs_escalation_banner_show (CrsEscalationBanner *self,
                            const char          *title,
                            const char          *detail)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CRS_IS_ESCALATION_BANNER (self));

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');
  gtk_revealer_set_reveal_child (self->revealer, title != NULL);
  label = g_strdup_printf ("%s. %s", title != NULL ? title : "", detail != NULL ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

gboolean
crs_escalation_banner_is_shown (CrsEscalationBanner *self)
{
  g_return_val_if_fail (CRS_IS_ESCALATION_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
crs_escalation_banner_get_title (CrsEscalationBanner *self)
{
  g_return_val_if_fail (CRS_IS_ESCALATION_BANNER (self), NULL);
  return gtk_label_get_label (self->title_label);
}

const char *
crs_escalation_banner_get_detail (CrsEscalationBanner *self)
{
  g_return_val_if_fail (CRS_IS_ESCALATION_BANNER (self), NULL);
  return gtk_label_get_label (self->detail_label);
}

void
crs_escalation_banner_set_compact (CrsEscalationBanner *self,
                                   gboolean             compact)
{
  g_return_if_fail (CRS_IS_ESCALATION_BANNER (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (self->content, compact ? 6 : 12);
  gtk_widget_set_halign (GTK_WIDGET (self->acknowledge_button), compact ? GTK_ALIGN_START : GTK_ALIGN_FILL);
}
