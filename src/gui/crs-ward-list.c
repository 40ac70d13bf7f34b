/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crs-ward-list.c: the ward list pane.
 *
 * The rows come from CrsWardModel through a filter (name or MRN) and a
 * sorter (bed or urgency). When the model refreshes, the order is worked
 * out again and the selected patient stays selected, wherever their row
 * moved. */
#define G_LOG_DOMAIN "crs-ward-list"

#include "config.h"

#include <glib/gi18n.h>

#include "crs-ward-list-private.h"
#include "crs-ward-row.h"

struct _CrsWardList
{
  GtkWidget parent_instance;

  CrsWardModel       *model;
  gulong              refreshed_id;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  CrsWardSort         sort;
  char               *search;        /* folded */
  gint64              selected_id;
  gboolean            restoring;     /* selecting again after a refresh */
  gboolean            locked;        /* the window is locked: no rows at all */

  /* Template widgets */
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *list_box;
};

enum {
  SIGNAL_PATIENT_SELECTED,
  SIGNAL_PATIENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CrsWardList, crs_ward_list, GTK_TYPE_WIDGET)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CrsWardList *self = user_data;

  return !self->locked && crs_ward_entry_matches (item, self->search);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  CrsWardList *self = user_data;
  CrsWardEntry *ea = (CrsWardEntry *) a;
  CrsWardEntry *eb = (CrsWardEntry *) b;

  return self->sort == CRS_WARD_SORT_URGENCY ? crs_ward_entry_compare_urgency (ea, eb)
                                             : crs_ward_entry_compare_bed (ea, eb);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return GTK_WIDGET (crs_ward_row_new (item));
}

static GtkListBoxRow *
find_row (CrsWardList *self,
          gint64       patient_id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return NULL;
      if (crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row))) == patient_id)
        return row;
    }
}

static void
update_page (CrsWardList *self)
{
  guint shown = self->sorted != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;
  guint all = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  if (all == 0 && self->model != NULL && crs_ward_model_is_unread (self->model))
    gtk_stack_set_visible_child_name (self->stack, "unread");
  else if (all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Rows moved or were made again: select the patient who was selected,
 * keeping the focus on their row when it was there. */
static void
restore_selection (CrsWardList *self,
                   gboolean     had_focus)
{
  GtkListBoxRow *row = self->selected_id != 0 ? find_row (self, self->selected_id) : NULL;

  self->restoring = TRUE;
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list_box, row);
      if (had_focus)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  self->restoring = FALSE;
}

static gboolean
list_has_focus (CrsWardList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box));
}

/* TRUE when the rows shown are still exactly the patients the search
 * finds, in the order chosen: then nothing needs making again (rows
 * follow their entries by themselves). */
static gboolean
shown_is_current (CrsWardList *self)
{
  guint matching = 0;
  guint n;
  g_autoptr(CrsWardEntry) previous = NULL;

  if (self->model == NULL || self->sorted == NULL)
    return TRUE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrsWardEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      if (crs_ward_entry_matches (entry, self->search))
        matching++;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n != matching)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrsWardEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (!crs_ward_entry_matches (entry, self->search) ||
          (previous != NULL && sort_func (previous, entry, self) > 0))
        return FALSE;
      g_set_object (&previous, entry);
    }
  return TRUE;
}

static void
refresh (CrsWardList *self)
{
  gboolean had_focus = list_has_focus (self);

  /* Making the rows again costs a template each: only when the search
   * or the order changed what is shown. */
  if (!shown_is_current (self))
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
      restore_selection (self, had_focus);
    }
  update_page (self);
}

static void
model_refreshed_cb (CrsWardModel *model,
                    CrsWardList  *self)
{
  refresh (self);
}

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  CrsWardList *self)
{
  update_page (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   CrsWardList    *self)
{
  g_free (self->search);
  self->search = crs_ward_entry_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  refresh (self);
}

/* Enter in the search: open the first patient found. */
static void
search_activate_cb (GtkSearchEntry *entry,
                    CrsWardList    *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (row != NULL)
    {
      gtk_list_box_select_row (self->list_box, row);
      g_signal_emit (self, signals[SIGNAL_PATIENT_ACTIVATED], 0,
                     crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row))));
    }
}

static void
stop_search_cb (GtkSearchEntry *entry,
                CrsWardList    *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  crs_ward_list_focus (self);
}

static void
row_selected_cb (GtkListBox    *box,
                 GtkListBoxRow *row,
                 CrsWardList   *self)
{
  gint64 id;

  /* A row made again for the same patient, or a row that went with its
   * patient (archived, filtered out): the selection has not changed for
   * the nurse. */
  if (self->restoring || row == NULL)
    return;
  id = crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row)));
  if (id == self->selected_id)
    return;
  self->selected_id = id;
  g_signal_emit (self, signals[SIGNAL_PATIENT_SELECTED], 0, id);
}

static void
row_activated_cb (GtkListBox    *box,
                  GtkListBoxRow *row,
                  CrsWardList   *self)
{
  gint64 id = crs_ward_entry_get_id (crs_ward_row_get_entry (CRS_WARD_ROW (row)));

  if (id != self->selected_id)
    {
      self->selected_id = id;
      g_signal_emit (self, signals[SIGNAL_PATIENT_SELECTED], 0, id);
    }
  g_signal_emit (self, signals[SIGNAL_PATIENT_ACTIVATED], 0, id);
}

static void
crs_ward_list_dispose (GObject *object)
{
  CrsWardList *self = CRS_WARD_LIST (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->refreshed_id, self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRS_TYPE_WARD_LIST);
  /* The template's root box is no bound child: unparent it too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (crs_ward_list_parent_class)->dispose (object);
}

static void
crs_ward_list_finalize (GObject *object)
{
  CrsWardList *self = CRS_WARD_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (crs_ward_list_parent_class)->finalize (object);
}

static void
crs_ward_list_class_init (CrsWardListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crs_ward_list_dispose;
  object_class->finalize = crs_ward_list_finalize;

  signals[SIGNAL_PATIENT_SELECTED] =
    g_signal_new ("patient-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_PATIENT_ACTIVATED] =
    g_signal_new ("patient-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/crs-ward-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CrsWardList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CrsWardList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrsWardList, stack);
  gtk_widget_class_bind_template_child (widget_class, CrsWardList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crs_ward_list_init (CrsWardList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->search = g_strdup ("");
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_page (self);
}

void
crs_ward_list_set_model (CrsWardList  *self,
                         CrsWardModel *model)
{
  g_return_if_fail (CRS_IS_WARD_LIST (self));
  g_return_if_fail (CRS_IS_WARD_MODEL (model));

  self->model = g_object_ref (model);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (model)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row, self, NULL);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
  self->refreshed_id = g_signal_connect (model, "refreshed", G_CALLBACK (model_refreshed_cb), self);
  /* Never read is not "no patients". */
  g_signal_connect_object (model, "notify::stale-error", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);
}

void
crs_ward_list_set_locked (CrsWardList *self,
                          gboolean     locked)
{
  g_return_if_fail (CRS_IS_WARD_LIST (self));

  if (self->locked == locked)
    return;
  self->locked = locked;
  /* The rows themselves go, not only from sight: a locked window holds
   * no widget with a patient's name. */
  gtk_filter_changed (GTK_FILTER (self->filter), locked ? GTK_FILTER_CHANGE_MORE_STRICT
                                                        : GTK_FILTER_CHANGE_LESS_STRICT);
  if (!locked)
    restore_selection (self, FALSE);
  update_page (self);
}

void
crs_ward_list_set_sort (CrsWardList *self,
                        CrsWardSort  sort)
{
  g_return_if_fail (CRS_IS_WARD_LIST (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  refresh (self);
}

void
crs_ward_list_start_search (CrsWardList *self)
{
  g_return_if_fail (CRS_IS_WARD_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
crs_ward_list_set_key_capture_widget (CrsWardList *self,
                                      GtkWidget   *widget)
{
  g_return_if_fail (CRS_IS_WARD_LIST (self));
  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

gboolean
crs_ward_list_select (CrsWardList *self,
                      gint64       patient_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CRS_IS_WARD_LIST (self), FALSE);

  self->selected_id = patient_id;
  row = patient_id != 0 ? find_row (self, patient_id) : NULL;
  self->restoring = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->restoring = FALSE;
  return row != NULL;
}

GPtrArray *
crs_ward_list_get_shown (CrsWardList *self)
{
  GPtrArray *shown = g_ptr_array_new ();

  g_return_val_if_fail (CRS_IS_WARD_LIST (self), shown);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      if (row == NULL)
        break;
      g_ptr_array_add (shown, crs_ward_row_get_entry (CRS_WARD_ROW (row)));
    }
  return shown;
}

void
crs_ward_list_focus (CrsWardList *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (CRS_IS_WARD_LIST (self));

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
