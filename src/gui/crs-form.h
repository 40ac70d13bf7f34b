/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-form.h: what every form window of CRS Watch shares.
 *
 *  - Ctrl+Return saves ("form.save"), Escape cancels ("form.cancel"):
 *    crs_form_class_add_shortcuts() binds them; each form installs the
 *    two actions.
 *  - Cancelling after something was typed asks first
 *    (crs_form_ask_discard()).
 *  - A problem with a field is shown at the field: under the row's title,
 *    with an icon and the error style, and told to assistive technology.
 *  - A save error is shown at the top of the form, which stays open with
 *    everything typed (CrsFormWindow's banner). */
#pragma once

#include <adwaita.h>

#include "core/crs-model.h"

G_BEGIN_DECLS

typedef enum {
  CRS_FORM_MARK_NONE = 0,
  CRS_FORM_MARK_WARNING,    /* worth a look, does not block saving */
  CRS_FORM_MARK_ERROR,      /* cannot be saved like this */
} CrsFormMark;

void  crs_form_class_add_shortcuts (GtkWidgetClass *widget_class);

/* Shows @text under the title of @row (the subtitle; NULL = none), marks
 * @control with the style of @mark and shows @icon for it. */
void  crs_form_mark_row            (AdwActionRow   *row,
                                    GtkWidget      *control,
                                    GtkImage       *icon,
                                    CrsFormMark     mark,
                                    const char     *text);
/* An entry row has no subtitle: @message_row, a row placed right under
 * it, shows @problem (NULL hides it). */
void  crs_form_mark_entry_row      (AdwEntryRow    *row,
                                    GtkWidget      *message_row,
                                    GtkLabel       *message_label,
                                    const char     *problem);

/* The same place shows a remark that is not a problem (NULL hides it). */
void  crs_form_note_entry_row      (AdwEntryRow    *row,
                                    GtkWidget      *message_row,
                                    GtkLabel       *message_label,
                                    const char     *note);

/* Asks whether to throw away what was typed; "Discard" destroys @form. */
void  crs_form_ask_discard         (GtkWindow      *form);

/* A choice row listing "Not recorded" (or @none_label) and then the
 * labels of an enumeration's values 1 .. @n_values - 1. The selected
 * position is then the enumeration value. */
void  crs_form_fill_choices        (AdwComboRow    *row,
                                    const char     *none_label,
                                    const char   *(*label) (int value),
                                    int             n_values);

/* A time as the chart writes it: "14:05" today, "Yesterday 14:05",
 * "3 Mar 14:05" (crs_format_time()). */
char *crs_form_format_time         (gint64          unix_time);

/* Names the patient a form is for under its title: "Bed 4 · Name". */
void  crs_form_title_for_patient   (AdwWindowTitle *title,
                                    CrsPatient     *patient);

/* For the focus vfunc of a form row holding one control (a number
 * row's entry, a time row's button): focus goes straight to @control, so
 * that Tab moves from field to field (a list row would otherwise take the
 * focus itself first, or, unfocusable, keep it). */
gboolean crs_form_row_focus_control (GtkWidget *row,
                                     GtkWidget *control);

/* Text of an editable without surrounding spaces; NULL when empty. */
char *crs_form_dup_text            (GtkEditable    *editable);

G_END_DECLS
