/* test-window.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-test-utils.h"
#include "tandem-assessment-editor.h"
#include "tandem-cell-cases-dialog.h"
#include "tandem-journey-group.h"
#include "tandem-movement-dialog.h"
#include "tandem-progress-dialog.h"
#include "tandem-report-dialog.h"
#include "tandem-timeline.h"
#include "tandem-trajectory.h"
#include "tandem-window-private.h"

/* The real window, under Xvfb, driven through its actions and widgets. */

static const char *youth_title = "Youth employability service (worked example)";

static void
wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every test starts without a default portfolio, as on a first start. */
static void
remove_default_portfolio (void)
{
  g_autoptr(GFile) file = tandem_store_get_default_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (dir);

  tandem_test_remove_recursively (path);
}

static TandemWindow *
open_default_window (void)
{
  TandemWindow *window = tandem_window_new (NULL);
  g_autoptr(GError) error = NULL;

  remove_default_portfolio ();
  g_assert_true (tandem_window_open (window, NULL, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
collect_labels (GtkWidget  *widget,
                GPtrArray  *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_INSCRIPTION (widget))
    g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;

  return FALSE;
}

static const char *
cell_count_text (TandemWindow *window,
                 guint         row,
                 guint         col)
{
  TandemMatrixCell *cell = tandem_matrix_view_get_cell (window->matrix_view, row, col);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  /* A cell recounts once per turn of the main loop, before drawing. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  collect_labels (GTK_WIDGET (cell), texts);
  /* The count is the first label that is a plain number. */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text))
        return text;
    }

  return NULL;
}

static void
destroy_window (TandemWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_opens_fresh_default (void)
{
  g_autoptr(GFile) file = tandem_store_get_default_file ();
  TandemWindow *window;
  TandemStore *store;

  remove_default_portfolio ();
  g_assert_false (g_file_query_exists (file, NULL));

  window = open_default_window ();
  store = tandem_window_get_store (window);

  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_true (g_file_equal (tandem_store_get_file (store), file));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "portfolio");
  g_assert_false (gtk_revealer_get_reveal_child (window->read_only_revealer));

  /* Never empty: the worked example is there, on the grid and in the sidebar. */
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (store)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 3);
  g_assert_nonnull (tandem_test_find_by_title (store, youth_title));
  g_assert_cmpstr (cell_count_text (window, 1, 2), ==, "1");
  g_assert_cmpstr (cell_count_text (window, 2, 2), ==, "0");
  g_assert_true (g_list_model_get_n_items (tandem_matrix_cell_get_model (
                   tandem_matrix_view_get_cell (window->matrix_view, 1, 2))) == 1);

  destroy_window (window);
}

static void
test_cells_show_exact_labels (void)
{
  static const struct { guint row, col; const char *label; } cells[] = {
    { 1, 1, "Traditional professional service provision" },
    { 1, 2, "Professional service provision but users/communities involved in planning and design" },
    { 1, 3, "Professionals as sole service deliverers" },
    { 2, 1, "User co-delivery of professionally designed services" },
    { 2, 2, "Full co-production" },
    { 2, 3, "User/community delivery of services with little formal/professional planning or design" },
    { 3, 1, "User/community delivery of professionally planned services" },
    { 3, 2, "User/community delivery of co-planned or co-designed services" },
    { 3, 3, "Self-organised community provision" },
  };
  static const char *headings[] = {
    "Responsibility for design of services",
    "Responsibility for delivery of services",
    "Professionals as sole service planner",
    "Professionals and service users/community as co-planners",
    "No professional input into service planning",
    "Professionals as sole service deliverers",
    "Professionals and users/communities as co-deliverers",
    "Users/communities as sole deliverers",
  };
  TandemWindow *window = open_default_window ();

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      TandemMatrixCell *cell = tandem_matrix_view_get_cell (window->matrix_view, cells[i].row, cells[i].col);

      g_assert_nonnull (cell);
      if (!shows_text (GTK_WIDGET (cell), cells[i].label))
        g_error ("cell %u,%u does not show “%s”", cells[i].row, cells[i].col, cells[i].label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (!shows_text (GTK_WIDGET (window->matrix_view), headings[i]))
      g_error ("the matrix does not show the heading “%s”", headings[i]);

  /* Only the centre cell is marked as full co-production. */
  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (tandem_matrix_view_get_cell (window->matrix_view, r, c)),
                                                 "full-coproduction"),
                       ==, r == 2 && c == 2);

  destroy_window (window);
}

static void
test_move_undo_redo (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemInitiative *youth = tandem_test_find_by_title (store, youth_title);
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (youth));
  g_autofree char *path = g_file_get_path (tandem_store_get_file (store));
  g_autofree char *where = g_strdup_printf ("SELECT cell_row * 10 + cell_col FROM initiative WHERE uuid = '%s'", uuid);

  g_assert_true (tandem_window_select (window, uuid));
  g_assert_true (tandem_window_get_selected (window) == youth);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tandem_matrix_view_get_cell (window->matrix_view, 1, 2)), "current"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tandem_matrix_view_get_cell (window->matrix_view, 2, 2)), "target"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-initiative", "(sii)", uuid, 2, 2));
  wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 2);
  g_assert_cmpint (tandem_test_sqlite_get_int (path, where), ==, 22);
  g_assert_cmpstr (cell_count_text (window, 1, 2), ==, "0");
  g_assert_cmpstr (cell_count_text (window, 2, 2), ==, "1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tandem_matrix_view_get_cell (window->matrix_view, 2, 2)), "current"));
  g_assert_true (tandem_window_get_selected (window) == youth);

  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->undo_button), ==,
                   "Undo Move “Youth employability service (worked example)”");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 2);
  g_assert_cmpint (tandem_test_sqlite_get_int (path, where), ==, 12);
  g_assert_cmpstr (cell_count_text (window, 1, 2), ==, "1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (tandem_test_sqlite_get_int (path, where), ==, 22);

  /* An impossible cell changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-initiative", "(sii)", uuid, 4, 0);
  g_assert_cmpint (tandem_test_sqlite_get_int (path, where), ==, 22);

  destroy_window (window);
}

static void
test_add_delete_undo (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemInitiative *selected;
  g_autofree char *uuid = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-initiative", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (store)), ==, 4);
  selected = tandem_window_get_selected (window);
  g_assert_nonnull (selected);
  g_assert_cmpstr (tandem_initiative_get_title (selected), ==, "New initiative");
  uuid = g_strdup (tandem_initiative_get_uuid (selected));

  /* Rename through the same action the details panel uses. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-initiative-field", "(sss)",
                                             uuid, "title", "Street play scheme"));
  g_assert_cmpstr (tandem_initiative_get_title (tandem_store_lookup_initiative (store, uuid)), ==,
                   "Street play scheme");
  /* Renaming moves it in the sorted sidebar, but it stays selected. */
  g_assert_true (tandem_window_get_selected (window) == tandem_store_lookup_initiative (store, uuid));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-initiative", NULL));
  g_assert_null (tandem_store_lookup_initiative (store, uuid));
  g_assert_null (tandem_window_get_selected (window));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (store)), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (tandem_store_lookup_initiative (store, uuid));
  g_assert_cmpstr (tandem_initiative_get_title (tandem_store_lookup_initiative (store, uuid)), ==,
                   "Street play scheme");

  destroy_window (window);
}

static void
test_search_filters_sidebar (void)
{
  TandemWindow *window = open_default_window ();

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "youth");
  /* Search entries delay; drive the handler directly as the timeout would. */
  g_signal_emit_by_name (window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "no such initiative");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "empty");

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->selection)), ==, 3);

  destroy_window (window);
}

static void
test_reword_heading (void)
{
  TandemWindow *window = open_default_window ();
  TandemMatrixCell *centre = tandem_matrix_view_get_cell (window->matrix_view, 2, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-matrix-label", "(ss)",
                                             "cell-2-2", "Working together as equals"));
  g_assert_true (shows_text (GTK_WIDGET (centre), "Working together as equals"));
  g_assert_false (shows_text (GTK_WIDGET (centre), "Full co-production"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (shows_text (GTK_WIDGET (centre), "Full co-production"));

  destroy_window (window);
}

static void
test_read_only_disables_editing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemTestSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  TandemWindow *window;
  TandemInitiative *youth;

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_seed_example (store, &error));
  tandem_test_close_store (g_steal_pointer (&store));

  store = tandem_store_open (file, TANDEM_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  before = tandem_test_snapshot_take (path);

  window = tandem_window_new (NULL);
  _tandem_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_revealer_get_reveal_child (window->read_only_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->read_only_label), "read-only"));

  youth = tandem_test_find_by_title (store, youth_title);
  tandem_window_select (window, tandem_initiative_get_uuid (youth));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-initiative", "(sii)",
                              tandem_initiative_get_uuid (youth), 2, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-initiative", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-initiative", NULL);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (store)), ==, 3);

  /* Its assessments still open, to be read but not saved. */
  {
    g_autoptr(GPtrArray) assessments = tandem_store_list_assessments (store, tandem_initiative_get_uuid (youth), NULL);
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWidget *editor = NULL;

    g_assert_nonnull (assessments);
    g_assert_cmpuint (assessments->len, >, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-assessment", "s",
                                               tandem_assessment_get_id (g_ptr_array_index (assessments, 0))));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (TANDEM_IS_ASSESSMENT_EDITOR (toplevel))
          editor = GTK_WIDGET (toplevel);
      }
    g_assert_nonnull (editor);
    /* Save (or Ctrl+S) writes nothing: the file is checked at the end. */
    gtk_widget_activate_action (editor, "editor.save", NULL);
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  destroy_window (window);
  tandem_test_close_store (g_steal_pointer (&store));
  tandem_test_assert_snapshot_unchanged (before);
  tandem_test_remove_recursively (dir);
}

static void
test_bad_file_shows_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemTestSnapshot) before = NULL;
  const char *garbage = "this is a shopping list, not a portfolio\n";
  TandemWindow *window;

  tandem_test_write_file (path, garbage, strlen (garbage));
  before = tandem_test_snapshot_take (path);

  window = tandem_window_new (NULL);
  tandem_window_open_or_report (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page), path));
  g_assert_null (tandem_window_get_store (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-initiative", NULL) &&
                  tandem_window_get_store (window) != NULL);

  destroy_window (window);
  tandem_test_assert_snapshot_unchanged (before);
  tandem_test_remove_recursively (dir);
}

static void
test_remembers_size_and_portfolio (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "council.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new ("org.tandem.Tandem");
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  TandemWindow *window;

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  g_assert_no_error (error);
  tandem_test_close_store (g_steal_pointer (&store));

  window = tandem_window_new (NULL);
  g_assert_true (tandem_window_open (window, file, &error));
  g_assert_no_error (error);
  last = g_settings_get_string (settings, "last-portfolio");
  g_assert_cmpstr (last, ==, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);

  /* The default portfolio is remembered as "none in particular". */
  window = open_default_window ();
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-portfolio");
  g_assert_cmpstr (last, ==, "");
  destroy_window (window);

  tandem_test_remove_recursively (dir);
}

/* At 360 px the sidebar and the matrix fold into one page; each must have
 * a visible way to the other. */
static void
test_narrow_window_navigates (void)
{
  TandemWindow *window = tandem_window_new (NULL);
  g_autoptr(GError) error = NULL;

  remove_default_portfolio ();
  g_assert_true (tandem_window_open (window, NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (window->leaflet));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  wait_for_draw (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == GTK_WIDGET (window->sidebar));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-matrix", NULL);
  wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_visible_child (window->leaflet) == GTK_WIDGET (window->sidebar));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "matrix");
  g_assert_true (gtk_widget_get_visible (window->sidebar_button));

  destroy_window (window);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Text typed into a field but not yet applied survives changes made
 * elsewhere, and is kept (undoably) when another initiative is chosen. */
static void
test_typed_field_is_kept (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemInitiative *youth = tandem_test_find_by_title (store, youth_title);
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (youth));
  g_autofree char *original = g_strdup (tandem_initiative_get_organisation (youth));
  GtkWidget *row;

  g_assert_true (tandem_window_select (window, uuid));
  wait_for_draw (GTK_WIDGET (window));
  row = find_entry_row (GTK_WIDGET (window->panel), "Organisation");
  g_assert_nonnull (row);

  gtk_editable_set_text (GTK_EDITABLE (row), "Typed, not applied");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-initiative", "(sii)", uuid, 2, 2));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Typed, not applied");
  g_assert_cmpstr (tandem_initiative_get_organisation (youth), ==, original);

  g_assert_true (tandem_window_select (window, NULL));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (tandem_initiative_get_organisation (youth), ==, "Typed, not applied");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (tandem_initiative_get_organisation (youth), ==, original);

  destroy_window (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static TandemProgressDialog *
find_progress_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_PROGRESS_DIALOG (toplevel))
        return TANDEM_PROGRESS_DIALOG (toplevel);
    }

  return NULL;
}

static void
wait_for_exchange_end (TandemWindow *window)
{
  while (_tandem_window_is_exchanging (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_progress_dialog ());
}

/* Imports and exports run in a worker thread behind a progress dialog. */
static void
wait_for_exchange (TandemWindow *window)
{
  g_assert_true (_tandem_window_is_exchanging (window));
  g_assert_nonnull (find_progress_dialog ());
  wait_for_exchange_end (window);
}

static char *
export_and_read (TandemWindow  *window,
                 const char    *path,
                 TandemCsvRows  rows)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *text = NULL;

  _tandem_window_export_to_file (window, file, rows);
  wait_for_exchange (window);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
import_text (TandemWindow *window,
             const char   *dir,
             const char   *name,
             const char   *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  _tandem_window_import_file (window, file);
  wait_for_exchange (window);
}

/* Export, then import: a CSV adds initiatives in one undoable step, and a
 * JSON file changed elsewhere asks whose version to keep. */
static void
test_import_export (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  GListModel *initiatives = tandem_store_get_initiatives (store);
  TandemInitiative *meals = tandem_test_find_by_title (store, "Community meals rota (example)");
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-exchange-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "portfolio.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "initiatives.csv", NULL);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *renamed = NULL;
  AdwMessageDialog *dialog;

  json = export_and_read (window, json_path, TANDEM_CSV_ROWS_ASSESSMENTS);
  g_assert_nonnull (strstr (json, "\"format\": \"tandem-portfolio\""));
  csv = export_and_read (window, csv_path, TANDEM_CSV_ROWS_INITIATIVES);
  g_assert_true (g_str_has_prefix (csv, "uuid,title,organisation,service_area,place,delivery,design,date\r\n"));
  g_free (csv);
  csv = export_and_read (window, csv_path, TANDEM_CSV_ROWS_ASSESSMENTS);
  g_assert_true (g_str_has_prefix (csv, "initiative_uuid,initiative_title,assessment_id,date,"));

  /* A spreadsheet of new initiatives, then undo. */
  import_text (window, dir, "sheet.csv",
               "title,organisation,service_area,place,delivery,design,date\n"
               "Lunch club,,,,2,3,2026-03-01\nRepair cafe,,,,3,3,2026-03-02\n");
  g_assert_cmpuint (g_list_model_get_n_items (initiatives), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (initiatives), ==, 3);

  /* A bad file changes nothing (the error is shown in the window). */
  import_text (window, dir, "bad.csv",
               "title,organisation,service_area,place,delivery,design,date\nX,,,,2,middle,2026-03-01\n");
  g_assert_cmpuint (g_list_model_get_n_items (initiatives), ==, 3);

  /* The same portfolio, with one title changed on another laptop. */
  parts = g_strsplit (json, "Community meals rota (example)", -1);
  renamed = g_strjoinv ("Community meals rota (renamed at the hall)", parts);

  import_text (window, dir, "hall.json", renamed);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "mine");
  /* As clicking a response button would, after responding. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (tandem_initiative_get_title (meals), ==, "Community meals rota (example)");

  import_text (window, dir, "hall.json", renamed);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "theirs");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (tandem_initiative_get_title (meals), ==, "Community meals rota (renamed at the hall)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (tandem_initiative_get_title (meals), ==, "Community meals rota (example)");

  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

/* Closing the window while a file is read cancels the work; the worker's
 * late answer and the progress dialog go quietly with it. */
static void
test_exchange_window_closed (void)
{
  TandemWindow *window = open_default_window ();
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-closed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GWeakRef ref;

  g_weak_ref_init (&ref, window);
  _tandem_window_export_to_file (window, file, TANDEM_CSV_ROWS_INITIATIVES);
  _tandem_window_import_file (window, file);
  destroy_window (window);

  /* The job lets go of the window once the worker has answered. */
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&ref);

      if (alive == NULL && find_progress_dialog () == NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_null (g_weak_ref_get (&ref));
  g_assert_null (find_progress_dialog ());
  g_weak_ref_clear (&ref);
  tandem_test_remove_recursively (dir);
}

static void
collect_toggles (GtkWidget  *widget,
                 const char *label,
                 GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        g_ptr_array_add (found, child);
      collect_toggles (child, label, found);
    }
}

/* Several conflicts are listed, each settled on its own: here the first
 * takes the file's version and the second keeps the portfolio's. */
static void
test_import_conflicts_one_by_one (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemInitiative *meals = tandem_test_find_by_title (store, "Community meals rota (example)");
  TandemInitiative *course = tandem_test_find_by_title (store, "Expert patients course (example)");
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-conflicts-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "portfolio.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) more_parts = NULL;
  g_autofree char *first = NULL;
  AdwMessageDialog *dialog;

  json = export_and_read (window, json_path, TANDEM_CSV_ROWS_INITIATIVES);
  parts = g_strsplit (json, "Community meals rota (example)", -1);
  first = g_strjoinv ("Meals rota (hall)", parts);
  more_parts = g_strsplit (first, "Expert patients course (example)", -1);
  changed = g_strjoinv ("Patients course (hall)", more_parts);

  import_text (window, dir, "hall.json", changed);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "chosen"));

  /* The list's rows are made when it is first laid out. */
  for (guint i = 0; i < 500 && theirs->len < 2; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_ptr_array_set_size (theirs, 0);
      collect_toggles (adw_message_dialog_get_extra_child (dialog), "Theirs", theirs);
      g_usleep (2000);
    }
  g_assert_cmpuint (theirs->len, ==, 2);

  /* Theirs for the meals rota only. */
  for (guint i = 0; i < theirs->len; i++)
    {
      const char *description = NULL;
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (g_ptr_array_index (theirs, i)));
      GtkWidget *label = gtk_widget_get_first_child (row);

      description = gtk_label_get_text (GTK_LABEL (label));
      if (strstr (description, "Community meals rota") != NULL)
        gtk_toggle_button_set_active (g_ptr_array_index (theirs, i), TRUE);
    }

  adw_message_dialog_response (dialog, "chosen");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (tandem_initiative_get_title (meals), ==, "Meals rota (hall)");
  g_assert_cmpstr (tandem_initiative_get_title (course), ==, "Expert patients course (example)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (tandem_initiative_get_title (meals), ==, "Community meals rota (example)");

  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

/* Cancel in the progress dialog (as Escape or its button would) ends the
 * work at once and an import writes nothing.  (That a cancelled export
 * leaves the file alone is tested in test-exchange-file: here the worker
 * may well have finished before the click.) */
static void
test_exchange_cancel (void)
{
  TandemWindow *window = open_default_window ();
  GListModel *initiatives = tandem_store_get_initiatives (tandem_window_get_store (window));
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *sheet_path = g_build_filename (dir, "sheet.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) sheet = g_file_new_for_path (sheet_path);

  g_assert_true (g_file_set_contents (sheet_path, "title,organisation,service_area,place,delivery,design,date\n"
                                      "Lunch club,,,,2,3,2026-03-01\n", -1, NULL));

  _tandem_window_export_to_file (window, file, TANDEM_CSV_ROWS_INITIATIVES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_progress_dialog ()), "window.close", NULL));
  wait_for_exchange_end (window);

  _tandem_window_import_file (window, sheet);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_progress_dialog ()), "window.close", NULL));
  wait_for_exchange_end (window);
  g_assert_cmpuint (g_list_model_get_n_items (initiatives), ==, 3);

  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

/* Printing goes through GtkPrintOperation; exporting its output to PDF
 * needs no dialog. */
static void
test_print_matrix (void)
{
  TandemWindow *window = open_default_window ();
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *pdf = NULL;

  _tandem_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
  g_assert_true (g_file_get_contents (path, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

static const char *
cell_cases_text (TandemWindow *window,
                 guint         row,
                 guint         col)
{
  TandemMatrixCell *cell = tandem_matrix_view_get_cell (window->matrix_view, row, col);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  /* The cases button's number is the last plain number in the cell. */
  collect_labels (GTK_WIDGET (cell), texts);
  for (guint i = texts->len; i > 0; i--)
    {
      const char *text = g_ptr_array_index (texts, i - 1);

      if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text))
        return text;
    }

  return NULL;
}

static void
test_cells_count_case_studies (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);

  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_case_studies (store)), >=, 25);

  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      {
        g_autofree char *expected = g_strdup_printf ("%u", tandem_store_count_cases_in_cell (store, r, c));

        g_assert_cmpstr (cell_cases_text (window, r, c), ==, expected);
      }

  destroy_window (window);
}

static void
test_link_case_from_ui (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  g_autofree char *path = g_file_get_path (tandem_store_get_file (store));
  TandemCaseStudy *surrey = tandem_store_lookup_case_study (store, "surrey-neet-to-pete");
  guint before = tandem_store_count_cases_in_cell (store, 3, 3);
  g_autofree char *expected = g_strdup_printf ("%u", before + 1);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_nonnull (surrey);
  g_assert_false (tandem_case_study_is_linked (surrey, 3, 3));

  /* What dropping a case study on a cell does: ask why, then link. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.link-case-to-cell", "(sii)",
                                             "surrey-neet-to-pete", 3, 3));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Young people could run it themselves");
  /* The dialog closes itself once it has responded. */
  adw_message_dialog_response (dialog, "link");

  g_assert_true (tandem_case_study_is_linked (surrey, 3, 3));
  g_assert_cmpstr (tandem_case_study_find_link (surrey, 3, 3)->note, ==, "Young people could run it themselves");
  g_assert_cmpint (tandem_test_sqlite_get_int (path, "SELECT count(*) FROM case_link"
                                                     " WHERE case_id = 'surrey-neet-to-pete'"
                                                     " AND cell_row = 3 AND cell_col = 3 AND hidden = 0"), ==, 1);
  g_assert_cmpstr (cell_cases_text (window, 3, 3), ==, expected);

  /* Cancelling links nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link-case-to-cell", "(sii)", "surrey-neet-to-pete", 1, 3);
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  g_assert_false (tandem_case_study_is_linked (surrey, 1, 3));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (tandem_case_study_is_linked (surrey, 3, 3));

  destroy_window (window);
}

static void
test_cell_opens_its_cases (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  GListModel *all = tandem_store_get_case_studies (store);
  GListModel *shown;
  guint expected = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", "(ii)", 2, 2));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "cases");

  /* Exactly the case studies linked to the centre cell, in title order. */
  shown = tandem_case_view_get_filtered_model (window->case_view);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(TandemCaseStudy) cs = g_list_model_get_item (all, i);

      if (tandem_case_study_is_linked (cs, 2, 2))
        {
          g_autoptr(TandemCaseStudy) listed = g_list_model_get_item (shown, expected++);

          g_assert_true (listed == cs);
        }
    }
  g_assert_cmpuint (expected, ==, tandem_store_count_cases_in_cell (store, 2, 2));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);

  /* A case study chosen from a citation opens on its card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-case", "s", "nz-whanau-ora"));
  g_assert_nonnull (tandem_case_view_get_selected (window->case_view));
  g_assert_cmpstr (tandem_case_study_get_id (tandem_case_view_get_selected (window->case_view)), ==, "nz-whanau-ora");

  /* Back to every case study. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", "(ii)", 0, 0));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_case_view_get_filtered_model (window->case_view)), ==,
                    g_list_model_get_n_items (all));

  destroy_window (window);
}

static void
test_link_case_from_cell (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemCaseStudy *time_banks = tandem_store_lookup_case_study (store, "time-banks");
  GListModel *toplevels = gtk_window_get_toplevels ();
  TandemCellCasesDialog *dialog = NULL;

  g_assert_false (tandem_case_study_is_linked (time_banks, 1, 1));

  /* The keyboard twin of dropping a case study on a cell. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-cell-cases", "(ii)", 1, 1));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_CELL_CASES_DIALOG (toplevel))
        dialog = TANDEM_CELL_CASES_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);

  g_assert_true (tandem_cell_cases_dialog_link (dialog, "time-banks", "Residents swap hours"));
  g_assert_true (tandem_case_study_is_linked (time_banks, 1, 1));
  g_assert_cmpstr (tandem_case_study_find_link (time_banks, 1, 1)->note, ==, "Residents swap hours");
  g_assert_cmpstr (cell_cases_text (window, 1, 1), ==, "1");

  /* Nonsense is refused, with the reason shown, and changes nothing. */
  g_assert_false (tandem_cell_cases_dialog_link (dialog, "no-such-case", ""));
  g_assert_cmpstr (cell_cases_text (window, 1, 1), ==, "1");

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static void
test_cite_case_from_ui (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemInitiative *youth = tandem_test_find_by_title (store, youth_title);
  const char *uuid = tandem_initiative_get_uuid (youth);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cite-case", "(ssbs)",
                                             uuid, "surrey-neet-to-pete", TRUE, "Outcomes we aim for"));
  g_assert_nonnull (tandem_initiative_find_citation (youth, "surrey-neet-to-pete"));
  g_assert_true (tandem_initiative_find_citation (youth, "surrey-neet-to-pete")->evidence);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.uncite-case", "(ss)",
                                             uuid, "surrey-neet-to-pete"));
  g_assert_null (tandem_initiative_find_citation (youth, "surrey-neet-to-pete"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (tandem_initiative_find_citation (youth, "surrey-neet-to-pete"));

  destroy_window (window);
}

static void
test_journey_shows_moves (void)
{
  TandemWindow *window = open_default_window ();
  TandemStore *store = tandem_window_get_store (window);
  TandemInitiative *youth = tandem_test_find_by_title (store, youth_title);
  GtkWidget *trajectory = tandem_matrix_view_get_trajectory (window->matrix_view);
  g_autoptr(GPtrArray) assessments = NULL;
  const char *table;
  guint moves = 0;

  g_assert_true (tandem_window_select (window, tandem_initiative_get_uuid (youth)));
  wait_for_draw (GTK_WIDGET (window));

  /* One arrow for each move between consecutive assessments. */
  assessments = tandem_store_list_assessments (store, tandem_initiative_get_uuid (youth), NULL);
  g_assert_cmpuint (assessments->len, >=, 3);
  for (guint i = 1; i < assessments->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (assessments, i - 1);
      TandemAssessment *b = g_ptr_array_index (assessments, i);

      moves += tandem_assessment_get_row (a) != tandem_assessment_get_row (b) ||
               tandem_assessment_get_col (a) != tandem_assessment_get_col (b);
    }
  g_assert_cmpuint (moves, >=, 1);
  g_assert_cmpuint (tandem_trajectory_get_n_arrows (TANDEM_TRAJECTORY (trajectory)), ==, moves);

  /* Moving it adds today's assessment and one more arrow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-initiative", "(sii)",
                                             tandem_initiative_get_uuid (youth), 2, 2));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (tandem_trajectory_get_n_arrows (TANDEM_TRAJECTORY (trajectory)), ==, moves + 1);

  /* The timeline's text twin lists every assessment by date. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&assessments, g_ptr_array_unref);
  assessments = tandem_store_list_assessments (store, tandem_initiative_get_uuid (youth), NULL);
  table = tandem_timeline_get_text_alternative (
            TANDEM_TIMELINE (tandem_journey_group_get_timeline (
                TANDEM_JOURNEY_GROUP (tandem_initiative_panel_get_journey_group (window->panel)))));
  g_assert_nonnull (table);
  for (guint i = 0; i < assessments->len; i++)
    if (strstr (table, tandem_assessment_get_date (g_ptr_array_index (assessments, i))) == NULL)
      g_error ("the timeline's table does not list %s:\n%s",
               tandem_assessment_get_date (g_ptr_array_index (assessments, i)), table);

  /* Undo takes the move and its assessment back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (tandem_trajectory_get_n_arrows (TANDEM_TRAJECTORY (trajectory)), ==, moves);

  destroy_window (window);
}

static void
test_movement_dialog (void)
{
  TandemWindow *window = open_default_window ();
  TandemMovementDialog *dialog;
  TandemMovement *result;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-movement", NULL));
  dialog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_MOVEMENT_DIALOG (toplevel))
        dialog = TANDEM_MOVEMENT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);

  /* The worked example: in 1,1 on 2020-01-01, in 1,2 by 2022-01-01. */
  tandem_movement_dialog_set_dates (dialog, "2020-01-01", "2022-01-01");
  tandem_movement_dialog_compute (dialog);
  while (tandem_movement_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  result = tandem_movement_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->from_counts[0], ==, 1);
  g_assert_cmpuint (result->to_counts[1], ==, 1);
  g_assert_cmpuint (result->flows[0][1], ==, 1);
  g_assert_cmpuint (result->closer, ==, 1);
  g_assert_cmpuint (result->further, ==, 0);

  /* With its results shown it still fits a 360 px (phone-sized) screen. */
  {
    int min_width;

    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
  }

  /* Dates the wrong way round are refused with a reason. */
  tandem_movement_dialog_set_dates (dialog, "2024-01-01", "2020-01-01");
  tandem_movement_dialog_compute (dialog);
  g_assert_nonnull (tandem_movement_dialog_get_error (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

/* Closing the main window while the movement is computed: the dialog
 * goes with it, and the late answer is dropped without harm. */
static void
test_movement_dialog_window_closed (void)
{
  TandemWindow *window = open_default_window ();
  TandemMovementDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GWeakRef ref;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-movement", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_MOVEMENT_DIALOG (toplevel))
        dialog = TANDEM_MOVEMENT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_weak_ref_init (&ref, dialog);

  tandem_movement_dialog_set_dates (dialog, "2020-01-01", "2022-01-01");
  tandem_movement_dialog_compute (dialog);
  destroy_window (window);

  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&ref);

      if (alive == NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);
}

static void
collect_drop_downs (GtkWidget *widget,
                    GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DROP_DOWN (child))
        g_ptr_array_add (found, child);
      collect_drop_downs (child, found);
    }
}

/* Keyboard focus lands on a drop-down's inner button: it is named after
 * the filter and what it shows, and follows the choice. */
static void
test_case_filters_named (void)
{
  TandemWindow *window = open_default_window ();
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  GtkDropDown *cell = NULL;
  GtkWidget *button;
  const char *shown;
  g_autofree char *expected = NULL;

  collect_drop_downs (GTK_WIDGET (window->case_view), drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 5);   /* four filters, and the card's link cell */
  for (guint i = 0; i < drop_downs->len; i++)
    {
      button = gtk_widget_get_first_child (g_ptr_array_index (drop_downs, i));
      g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }

  cell = g_ptr_array_index (drop_downs, 0);
  button = gtk_widget_get_first_child (GTK_WIDGET (cell));

  gtk_drop_down_set_selected (cell, 1);
  shown = gtk_string_object_get_string (gtk_drop_down_get_selected_item (cell));
  expected = g_strdup_printf ("Cell: %s", shown);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  destroy_window (window);
}

/* ---- Portfolio report ------------------------------------------------------ */

static TandemReportDialog *
open_report_dialog (TandemWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  TandemReportDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (TANDEM_IS_REPORT_DIALOG (toplevel))
        dialog = TANDEM_REPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  wait_for_draw (GTK_WIDGET (dialog));

  /* Held, so that it can be asked about after it has closed itself; to be
   * released before the window is destroyed. */
  return g_object_ref (dialog);
}

static gboolean
is_open (TandemReportDialog *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == G_OBJECT (dialog))
        return TRUE;
    }

  return FALSE;
}

static void
wait_until_written (TandemReportDialog *dialog)
{
  while (tandem_report_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
}

/* The check button of the list's row for @title, if it is on screen. */
static GtkCheckButton *
find_choice (GtkWidget  *widget,
             const char *title)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), title) == 0)
        return GTK_CHECK_BUTTON (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_choice (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The item of the main menu labelled @text. */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      return popover != NULL ? find_menu_item (GTK_WIDGET (popover), text) : NULL;
    }

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_autofree char *label = NULL;

      g_object_get (widget, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
saved_cb (TandemReportDialog *dialog,
          GFile              *file,
          guint               n_pages,
          guint              *saved_pages)
{
  *saved_pages = n_pages;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Two initiatives ticked in the list, and the movement over a period: the
 * matrix, the movement and a page for each. */
static void
test_report_chosen (void)
{
  TandemWindow *window = open_default_window ();
  g_autoptr(TandemReportDialog) dialog = open_report_dialog (window);
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *titles[] = { youth_title, "Community meals rota (example)" };
  GtkWidget *search;
  guint saved_pages = 0;

  g_assert_true (gtk_widget_get_sensitive (find_menu_item (GTK_WIDGET (window), "Portfolio Report…")));
  g_assert_true (tandem_report_dialog_get_scope (dialog) == TANDEM_REPORT_SCOPE_ALL);
  g_assert_true (tandem_report_dialog_can_save (dialog));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_pages);

  tandem_report_dialog_set_dates (dialog, "2020-01-01", "2026-01-01");
  tandem_report_dialog_set_scope (dialog, TANDEM_REPORT_SCOPE_CHOSEN);
  wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "0 of 3 initiatives"));

  /* Tick two rows, as a click would. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkCheckButton *check = find_choice (GTK_WIDGET (dialog), titles[i]);

      g_assert_nonnull (check);
      g_assert_false (gtk_check_button_get_active (check));
      gtk_check_button_set_active (check, TRUE);
    }
  g_assert_cmpuint (tandem_report_dialog_get_n_chosen (dialog), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "2 of 3 initiatives"));

  /* Select All and Select None act on what the search shows, and the rows
   * follow. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Select _All"), "clicked");
  g_assert_cmpuint (tandem_report_dialog_get_n_chosen (dialog), ==, 3);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "3 of 3 initiatives"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Select _None"), "clicked");
  g_assert_cmpuint (tandem_report_dialog_get_n_chosen (dialog), ==, 0);
  g_assert_false (gtk_check_button_get_active (find_choice (GTK_WIDGET (dialog), youth_title)));

  search = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "meals");
  g_signal_emit_by_name (search, "search-changed");   /* without its delay */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Select _All"), "clicked");
  g_assert_cmpuint (tandem_report_dialog_get_n_chosen (dialog), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "1 of 3 initiatives"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Select _None"), "clicked");
  wait_for_draw (GTK_WIDGET (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    gtk_check_button_set_active (find_choice (GTK_WIDGET (dialog), titles[i]), TRUE);
  g_assert_cmpuint (tandem_report_dialog_get_n_chosen (dialog), ==, 2);

  g_assert_true (tandem_report_dialog_save_to_file (dialog, file));
  g_assert_true (tandem_report_dialog_is_busy (dialog));
  g_assert_false (tandem_report_dialog_can_save (dialog));
  wait_until_written (dialog);

  g_assert_null (tandem_report_dialog_get_error (dialog));
  g_assert_cmpuint (saved_pages, ==, 4);
  g_assert_cmpuint (tandem_test_count_pdf_pages (path), ==, 4);
  /* Only the report: the file it was written into took its name. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_false (is_open (dialog));

  /* Let go of the dialog while its parent is still there. */
  g_clear_object (&dialog);
  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

/* Only the initiative selected in the window, without the movement: the
 * matrix and its page. */
static void
test_report_selected (void)
{
  TandemWindow *window = open_default_window ();
  TandemInitiative *youth = tandem_test_find_by_title (tandem_window_get_store (window), youth_title);
  g_autoptr(TandemReportDialog) dialog = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "youth.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint saved_pages = 0;

  g_assert_true (tandem_window_select (window, tandem_initiative_get_uuid (youth)));
  dialog = open_report_dialog (window);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_pages);
  /* The row names it, as typed. */
  g_assert_true (shows_text (GTK_WIDGET (dialog), youth_title));

  tandem_report_dialog_set_scope (dialog, TANDEM_REPORT_SCOPE_SELECTED);
  g_assert_true (tandem_report_dialog_get_scope (dialog) == TANDEM_REPORT_SCOPE_SELECTED);
  gtk_switch_set_active (GTK_SWITCH (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)), FALSE);
  g_assert_true (tandem_report_dialog_save_to_file (dialog, file));
  wait_until_written (dialog);

  g_assert_cmpuint (saved_pages, ==, 2);
  g_assert_cmpuint (tandem_test_count_pdf_pages (path), ==, 2);

  g_clear_object (&dialog);
  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

static void
test_report_bad_dates (void)
{
  TandemWindow *window = open_default_window ();
  g_autoptr(TandemReportDialog) dialog = open_report_dialog (window);
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Not a date: said why, and nothing can be saved. */
  tandem_report_dialog_set_dates (dialog, "2024-02-30", "2025-01-01");
  g_assert_false (tandem_report_dialog_can_save (dialog));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Save PDF…"))));
  g_assert_nonnull (strstr (tandem_report_dialog_get_error (dialog), "“2024-02-30” is not a date"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), tandem_report_dialog_get_error (dialog)));
  g_assert_false (tandem_report_dialog_save_to_file (dialog, file));
  g_assert_false (tandem_report_dialog_is_busy (dialog));

  /* Dates the wrong way round. */
  tandem_report_dialog_set_dates (dialog, "2025-06-01", "2025-01-01");
  g_assert_false (tandem_report_dialog_can_save (dialog));
  g_assert_nonnull (strstr (tandem_report_dialog_get_error (dialog), "after"));
  g_assert_false (tandem_report_dialog_save_to_file (dialog, file));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* Without the movement page the dates do not matter. */
  tandem_report_dialog_set_dates (dialog, "2024-02-30", "2025-01-01");
  gtk_switch_set_active (GTK_SWITCH (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)), FALSE);
  g_assert_true (tandem_report_dialog_can_save (dialog));
  g_assert_null (tandem_report_dialog_get_error (dialog));
  gtk_switch_set_active (GTK_SWITCH (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)), TRUE);
  g_assert_false (tandem_report_dialog_can_save (dialog));

  /* Put right, the message goes. */
  tandem_report_dialog_set_dates (dialog, "2025-01-01", "2025-06-01");
  g_assert_true (tandem_report_dialog_can_save (dialog));
  g_assert_null (tandem_report_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Save PDF…"))));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

/* Stop or Escape while the report is written: neither the report nor its
 * unfinished file is left, and a file it would have replaced is
 * untouched. */
static void
test_report_cancel (void)
{
  TandemWindow *window = open_default_window ();
  g_autoptr(TandemReportDialog) dialog = open_report_dialog (window);
  g_autofree char *dir = g_dir_make_tmp ("tandem-ui-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  guint saved_pages = 0;

  tandem_test_write_file (path, "the old report", strlen ("the old report"));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_pages);

  /* Stop: back to the choices, to save again. */
  g_assert_true (tandem_report_dialog_save_to_file (dialog, file));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "S_top"), "clicked");
  wait_until_written (dialog);
  g_assert_true (is_open (dialog));
  g_assert_true (tandem_report_dialog_can_save (dialog));
  g_assert_null (tandem_report_dialog_get_error (dialog));
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Escape: the dialog closes. */
  g_assert_true (tandem_report_dialog_save_to_file (dialog, file));
  g_assert_true (tandem_report_dialog_is_busy (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_false (is_open (dialog));
  wait_until_written (dialog);

  g_assert_cmpuint (saved_pages, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old report");
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_clear_object (&dialog);
  destroy_window (window);
  tandem_test_remove_recursively (dir);
}

/* Without a portfolio there is nothing to report on. */
static void
test_report_needs_portfolio (void)
{
  TandemWindow *window = tandem_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);

  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_null (tandem_window_get_store (window));
  g_assert_false (gtk_widget_get_sensitive (find_menu_item (GTK_WIDGET (window), "Portfolio Report…")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("tandem-ui-home-XXXXXX", NULL);
  int status;

  /* A private home for the whole run, set before GLib first reads it.
   * (G_TEST_OPTION_ISOLATE_DIRS would also hide the system's MIME and icon
   * data, which GTK needs to draw its icons.) */
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < 4; i++)
    {
      static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/opens-fresh-default", test_opens_fresh_default);
  g_test_add_func ("/ui/window/cells-show-exact-labels", test_cells_show_exact_labels);
  g_test_add_func ("/ui/window/move-undo-redo", test_move_undo_redo);
  g_test_add_func ("/ui/window/add-delete-undo", test_add_delete_undo);
  g_test_add_func ("/ui/window/search-filters-sidebar", test_search_filters_sidebar);
  g_test_add_func ("/ui/window/reword-heading", test_reword_heading);
  g_test_add_func ("/ui/window/read-only-disables-editing", test_read_only_disables_editing);
  g_test_add_func ("/ui/window/bad-file-shows-error", test_bad_file_shows_error);
  g_test_add_func ("/ui/window/remembers-size-and-portfolio", test_remembers_size_and_portfolio);
  g_test_add_func ("/ui/window/narrow-window-navigates", test_narrow_window_navigates);
  g_test_add_func ("/ui/window/typed-field-is-kept", test_typed_field_is_kept);
  g_test_add_func ("/ui/window/import-export", test_import_export);
  g_test_add_func ("/ui/window/import-export/cancel", test_exchange_cancel);
  g_test_add_func ("/ui/window/import-export/window-closed", test_exchange_window_closed);
  g_test_add_func ("/ui/window/import-export/conflicts-one-by-one", test_import_conflicts_one_by_one);
  g_test_add_func ("/ui/window/print-matrix", test_print_matrix);
  g_test_add_func ("/ui/cases/cells-count-case-studies", test_cells_count_case_studies);
  g_test_add_func ("/ui/cases/filters-named", test_case_filters_named);
  g_test_add_func ("/ui/cases/link-from-ui", test_link_case_from_ui);
  g_test_add_func ("/ui/cases/cite-from-ui", test_cite_case_from_ui);
  g_test_add_func ("/ui/cases/cell-opens-its-cases", test_cell_opens_its_cases);
  g_test_add_func ("/ui/cases/link-from-cell", test_link_case_from_cell);
  g_test_add_func ("/ui/journey/shows-moves", test_journey_shows_moves);
  g_test_add_func ("/ui/journey/movement-dialog", test_movement_dialog);
  g_test_add_func ("/ui/journey/movement-dialog/window-closed", test_movement_dialog_window_closed);
  g_test_add_func ("/ui/report/chosen", test_report_chosen);
  g_test_add_func ("/ui/report/selected", test_report_selected);
  g_test_add_func ("/ui/report/bad-dates", test_report_bad_dates);
  g_test_add_func ("/ui/report/cancel", test_report_cancel);
  g_test_add_func ("/ui/report/needs-portfolio", test_report_needs_portfolio);

  status = g_test_run ();
  tandem_test_remove_recursively (home);
  return status;
}
