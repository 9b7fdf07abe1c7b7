/* tandem-cell-cases-dialog.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cell-cases-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-case-row.h"
#include "tandem-cell-cases-dialog.h"

/* Linking case studies to one cell, from the cell: the case studies linked
 * to it, each with an Unlink button, and a searchable list of the others
 * to link, with a note saying why.  The keyboard twin of dragging a case
 * study onto a cell. */

struct _TandemCellCasesDialog
{
  AdwWindow           parent_instance;

  TandemHistory      *history;
  TandemStore        *store;
  guint               row;
  guint               col;
  char               *search_text;

  GtkWidget          *linked_group;
  GPtrArray          *linked_rows;
  GtkWidget          *search;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkWidget          *note;
  GtkWidget          *link_button;
  GtkWidget          *message;
};

G_DEFINE_FINAL_TYPE (TandemCellCasesDialog, tandem_cell_cases_dialog, ADW_TYPE_WINDOW)

static void
report (TandemCellCasesDialog *self,
        const GError          *error)
{
  gtk_label_set_text (GTK_LABEL (self->message), error ? error->message : "");
  gtk_widget_set_visible (self->message, error != NULL);
}

static void
unlink_clicked_cb (GtkButton             *button,
                   TandemCellCasesDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "case-id");
  g_autoptr(GError) error = NULL;

  if (!tandem_history_unlink_case_study (self->history, id, self->row, self->col, &error))
    report (self, error);
}

static void
rebuild_linked (TandemCellCasesDialog *self)
{
  GListModel *cases = tandem_store_get_case_studies (self->store);

  for (guint i = 0; i < self->linked_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->linked_group),
                                  g_ptr_array_index (self->linked_rows, i));
  g_ptr_array_set_size (self->linked_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(TandemCaseStudy) cs = g_list_model_get_item (cases, i);
      const TandemCaseLink *link = tandem_case_study_find_link (cs, self->row, self->col);
      g_autofree char *unlink_label = NULL;
      GtkWidget *row, *unlink;

      if (link == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_case_study_get_title (cs));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), link->note);

      unlink_label = g_strdup_printf (_("Unlink “%s”"), tandem_case_study_get_title (cs));
      unlink = gtk_button_new_with_label (_("Unlink"));
      gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (unlink, unlink_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_label, -1);
      g_object_set_data_full (G_OBJECT (unlink), "case-id", g_strdup (tandem_case_study_get_id (cs)), g_free);
      g_signal_connect (unlink, "clicked", G_CALLBACK (unlink_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->linked_group), row);
      g_ptr_array_add (self->linked_rows, row);
    }

  if (self->linked_rows->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->linked_group),
                                           _("No case study is linked to this cell yet."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->linked_group), NULL);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Only case studies not linked yet, and matching the search. */
static gboolean
can_link (gpointer item,
          gpointer user_data)
{
  TandemCellCasesDialog *self = user_data;

  return !tandem_case_study_is_linked (item, self->row, self->col) &&
         tandem_case_study_matches (item, self->search_text);
}

static void
search_changed_cb (TandemCellCasesDialog *self)
{
  g_free (self->search_text);
  self->search_text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (TandemCellCasesDialog *self)
{
  gtk_widget_set_sensitive (self->link_button,
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

/**
 * tandem_cell_cases_dialog_link:
 *
 * Links @id to the dialog's cell with @note, as the Link button does.
 *
 * Returns: %TRUE on success; otherwise the dialog shows why
 */
gboolean
tandem_cell_cases_dialog_link (TandemCellCasesDialog *self,
                               const char            *id,
                               const char            *note)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (TANDEM_IS_CELL_CASES_DIALOG (self), FALSE);

  ok = tandem_history_link_case_study (self->history, id, self->row, self->col, note, &error);
  report (self, error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (self->note), "");

  return ok;
}

static void
link_clicked_cb (TandemCellCasesDialog *self)
{
  TandemCaseStudy *chosen = gtk_single_selection_get_selected_item (self->selection);

  if (chosen != NULL)
    tandem_cell_cases_dialog_link (self, tandem_case_study_get_id (chosen),
                                   gtk_editable_get_text (GTK_EDITABLE (self->note)));
}

static GtkWidget *
build_chooser (TandemCellCasesDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Link Another Case Study"));
  GtkWidget *scroller, *list;

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search case studies"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search case studies to link"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);

  self->filter = gtk_custom_filter_new (can_link, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (tandem_store_get_case_studies (self->store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), tandem_case_row_factory_new ());
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case studies to link"), -1);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "min-content-height", 180,
                           "vexpand", TRUE,
                           "child", list,
                           NULL);
  gtk_box_append (GTK_BOX (box), scroller);

  self->note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note), _("Why does it illustrate this cell?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the case study illustrates this cell"), -1);
  g_signal_connect_swapped (self->note, "activate", G_CALLBACK (link_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->note);

  self->link_button = gtk_button_new_with_label (_("Link"));
  gtk_widget_add_css_class (self->link_button, "suggested-action");
  gtk_widget_set_halign (self->link_button, GTK_ALIGN_END);
  gtk_widget_set_sensitive (self->link_button, FALSE);
  g_signal_connect_swapped (self->link_button, "clicked", G_CALLBACK (link_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->link_button);

  return box;
}

static void
tandem_cell_cases_dialog_dispose (GObject *object)
{
  TandemCellCasesDialog *self = (TandemCellCasesDialog *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (tandem_store_get_case_studies (self->store), rebuild_linked, self);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (tandem_cell_cases_dialog_parent_class)->dispose (object);
}

static void
tandem_cell_cases_dialog_finalize (GObject *object)
{
  TandemCellCasesDialog *self = (TandemCellCasesDialog *)object;

  g_ptr_array_unref (self->linked_rows);
  g_free (self->search_text);

  G_OBJECT_CLASS (tandem_cell_cases_dialog_parent_class)->finalize (object);
}

static void
tandem_cell_cases_dialog_class_init (TandemCellCasesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_cell_cases_dialog_dispose;
  object_class->finalize = tandem_cell_cases_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_cell_cases_dialog_init (TandemCellCasesDialog *self)
{
  self->linked_rows = g_ptr_array_new ();
}

GtkWidget *
tandem_cell_cases_dialog_new (GtkWindow     *parent,
                              TandemHistory *history,
                              guint          row,
                              guint          col)
{
  TandemCellCasesDialog *self;
  TandemMatrix *matrix;
  g_autofree char *title = NULL;
  GtkWidget *content, *header, *scroller, *clamp, *box;

  g_return_val_if_fail (TANDEM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  self = g_object_new (TANDEM_TYPE_CELL_CASES_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 460,
                       "default-height", 620,
                       NULL);
  self->history = g_object_ref (history);
  self->store = g_object_ref (tandem_history_get_store (history));
  self->row = row;
  self->col = col;
  matrix = tandem_store_get_matrix (self->store);

  /* Translators: a cell address such as 2,2, then its label */
  title = g_strdup_printf (_("Case Studies for %u,%u · %s"), row, col,
                           tandem_matrix_get_cell_label (matrix, row, col));
  gtk_window_set_title (GTK_WINDOW (self), title);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   g_object_new (ADW_TYPE_WINDOW_TITLE, "title", title, NULL));
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);

  self->linked_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->linked_group), _("Linked to This Cell"));
  gtk_box_append (GTK_BOX (box), self->linked_group);
  gtk_box_append (GTK_BOX (box), build_chooser (self));

  clamp = g_object_new (ADW_TYPE_CLAMP, "maximum-size", 560, "child", box, NULL);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "vexpand", TRUE,
                           "child", clamp,
                           NULL);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_object (tandem_store_get_case_studies (self->store), "items-changed",
                           G_CALLBACK (rebuild_linked), self, G_CONNECT_SWAPPED);
  rebuild_linked (self);

  if (tandem_store_get_read_only (self->store))
    gtk_widget_set_sensitive (box, FALSE);

  return GTK_WIDGET (self);
}
