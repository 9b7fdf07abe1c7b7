/* tandem-window-actions.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-cell-cases-dialog.h"
#include "tandem-assessment-editor.h"
#include "tandem-indicator-editor.h"
#include "tandem-movement-dialog.h"
#include "tandem-report-dialog.h"
#include "tandem-window-private.h"

/* The win.* actions: the single way the window changes a portfolio.  Menus,
 * buttons, drag and drop and keyboard shortcuts all end up here, and every
 * change goes through TandemHistory so it can be undone. */

static gboolean
check (TandemWindow *self,
       gboolean      ok,
       GError       *error)
{
  if (!ok && error != NULL)
    _tandem_window_report_error (self, error);

  g_clear_error (&error);
  return ok;
}

/* ---- Editing ------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GError *error = NULL;

  check (self, tandem_history_undo (self->history, &error), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GError *error = NULL;

  check (self, tandem_history_redo (self->history, &error), error);
}

static void
add_initiative_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  TandemInitiative *initiative;
  GError *error = NULL;
  guint row = 1, col = 1;

  /* A new initiative starts beside the selected one, else in traditional
   * provision, where most services begin. */
  if (self->selected != NULL)
    {
      row = tandem_initiative_get_row (self->selected);
      col = tandem_initiative_get_col (self->selected);
    }

  initiative = tandem_history_add_initiative (self->history, _("New initiative"), row, col, &error);
  if (!check (self, initiative != NULL, error))
    return;

  tandem_window_select (self, tandem_initiative_get_uuid (initiative));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  tandem_initiative_panel_focus_title (self->panel);
}

static void
delete_initiative_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uuid = NULL;
  GError *error = NULL;

  if (self->selected == NULL)
    return;

  title = g_strdup (tandem_initiative_get_title (self->selected));
  uuid = g_strdup (tandem_initiative_get_uuid (self->selected));

  if (!check (self, tandem_history_delete_initiative (self->history, uuid, &error), error))
    return;

  message = g_strdup_printf (_("“%s” deleted"), title);
  _tandem_window_toast (self, message, _("_Undo"), "win.undo");
}

static void
rename_initiative_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->selected == NULL)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  tandem_initiative_panel_focus_title (self->panel);
}

static void
set_initiative_field_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autoptr(TandemInitiative) edited = NULL;
  g_autofree char *label = NULL;
  TandemInitiative *live;
  const char *uuid, *field, *value;
  GError *error = NULL;

  g_variant_get (param, "(&s&s&s)", &uuid, &field, &value);

  live = tandem_store_lookup_initiative (self->store, uuid);
  if (live == NULL)
    return;

  edited = tandem_initiative_copy (live);
  if (g_str_equal (field, "title"))
    {
      tandem_initiative_set_title (edited, value);
      label = g_strdup_printf (_("Rename “%s”"), tandem_initiative_get_title (live));
    }
  else if (g_str_equal (field, "organisation") || g_str_equal (field, "service-area") ||
           g_str_equal (field, "place") || g_str_equal (field, "description"))
    {
      g_object_set (edited, field, value, NULL);
      label = g_strdup_printf (_("Edit “%s”"), tandem_initiative_get_title (live));
    }
  else
    {
      g_critical ("Unknown initiative field “%s”", field);
      return;
    }

  check (self, tandem_history_save_initiative (self->history, edited, label, &error), error);
}

static void
move_initiative_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  const char *uuid;
  int row, col;
  GError *error = NULL;

  g_variant_get (param, "(&sii)", &uuid, &row, &col);

  check (self, tandem_history_move_initiative (self->history, uuid, MAX (row, 0), MAX (col, 0),
                                               &error), error);
}

static void
set_target_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  const char *uuid;
  int row, col;
  GError *error = NULL;

  g_variant_get (param, "(&sii)", &uuid, &row, &col);

  check (self, tandem_history_set_target (self->history, uuid, MAX (row, 0), MAX (col, 0), &error), error);
}

static void
set_cell_note_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  const char *uuid, *text;
  int row, col;
  GError *error = NULL;

  g_variant_get (param, "(&sii&s)", &uuid, &row, &col, &text);

  check (self, tandem_history_set_cell_note (self->history, uuid, MAX (row, 0), MAX (col, 0),
                                             text, &error), error);
}

static void
set_matrix_label_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  const char *key, *text;
  GError *error = NULL;

  g_variant_get (param, "(&s&s)", &key, &text);

  check (self, tandem_history_set_matrix_label (self->history, key, text, &error), error);
}

static void
reset_matrix_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GError *error = NULL;

  check (self, tandem_history_reset_matrix (self->history, &error), error);
}

static void
select_initiative_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  tandem_window_select (self, g_variant_get_string (param, NULL));
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* ---- Case studies ------------------------------------------------------- */

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _tandem_window_toast (TANDEM_WINDOW (widget), g_variant_get_string (param, NULL), NULL, NULL);
}

static void
toast_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  _tandem_window_toast (TANDEM_WINDOW (widget), g_variant_get_string (param, NULL), _("_Undo"), "win.undo");
}

typedef struct
{
  TandemWindow *window;
  char         *case_id;
  guint         row;
  guint         col;
  GtkWidget    *entry;
} LinkRequest;

static void
link_request_free (gpointer  data,
                   GClosure *closure)
{
  LinkRequest *request = data;

  g_object_unref (request->window);
  g_free (request->case_id);
  g_free (request);
}

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  LinkRequest      *request)
{
  GError *error = NULL;

  if (g_str_equal (response, "link") && request->window->history != NULL)
    check (request->window,
           tandem_history_link_case_study (request->window->history, request->case_id,
                                           request->row, request->col,
                                           gtk_editable_get_text (GTK_EDITABLE (request->entry)),
                                           &error),
           error);
}

/* Dropping a case study on a cell links it there, after asking why: the
 * note is what makes the link useful to the next reader. */
static void
link_case_to_cell_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  TandemMatrix *matrix = tandem_store_get_matrix (self->store);
  TandemCaseStudy *case_study;
  LinkRequest *request;
  const char *id;
  int row, col;
  GtkWidget *dialog;

  g_variant_get (param, "(&sii)", &id, &row, &col);
  case_study = tandem_store_lookup_case_study (self->store, id);
  if (case_study == NULL || !tandem_cell_is_valid (row, col))
    return;

  request = g_new0 (LinkRequest, 1);
  request->window = g_object_ref (self);
  request->case_id = g_strdup (id);
  request->row = row;
  request->col = col;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Link Case Study to Cell?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Link “%s” to cell %d,%d, %s. Say why it illustrates this cell."),
                                  tandem_case_study_get_title (case_study), row, col,
                                  tandem_matrix_get_cell_label (matrix, row, col));
  request->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (request->entry), _("Why this cell?"));
  gtk_entry_set_activates_default (GTK_ENTRY (request->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the case study illustrates this cell"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), request->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "link", _("_Link"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "link", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "link");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (link_response_cb), request,
                         link_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cite_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  const char *uuid, *case_id, *note;
  gboolean evidence;
  GError *error = NULL;

  g_variant_get (param, "(&s&sb&s)", &uuid, &case_id, &evidence, &note);
  check (self, tandem_history_cite_case_study (self->history, uuid, case_id, evidence, note, &error), error);
}

static void
uncite_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  const char *uuid, *case_id;
  GError *error = NULL;

  g_variant_get (param, "(&s&s)", &uuid, &case_id);
  check (self, tandem_history_uncite_case_study (self->history, uuid, case_id, &error), error);
}

static void
manage_cell_cases_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  int row, col;

  g_variant_get (param, "(ii)", &row, &col);
  if (self->history == NULL || !tandem_cell_is_valid (row, col))
    return;

  gtk_window_present (GTK_WINDOW (tandem_cell_cases_dialog_new (GTK_WINDOW (self), self->history, row, col)));
}

/* A new assessment of the selected initiative, or today's if it has one
 * already (moving it, or adding it, records one). */
static void
add_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  g_autofree char *today = tandem_date_today ();
  g_autoptr(TandemAssessment) existing = NULL;

  if (self->selected == NULL)
    return;

  existing = tandem_store_find_assessment (self->store, tandem_initiative_get_uuid (self->selected), today, NULL);
  gtk_window_present (GTK_WINDOW (tandem_assessment_editor_new (GTK_WINDOW (self), self->history,
                                                                self->selected, existing)));
}

static void
edit_assessment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GError *error = NULL;
  g_autoptr(TandemAssessment) assessment =
    tandem_store_lookup_assessment (self->store, g_variant_get_string (param, NULL), &error);
  TandemInitiative *initiative;

  if (!check (self, assessment != NULL, error))
    return;

  initiative = tandem_store_lookup_initiative (self->store, tandem_assessment_get_initiative (assessment));
  if (initiative != NULL)
    gtk_window_present (GTK_WINDOW (tandem_assessment_editor_new (GTK_WINDOW (self), self->history,
                                                                  initiative, assessment)));
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->selected != NULL)
    gtk_window_present (GTK_WINDOW (tandem_indicator_editor_new (GTK_WINDOW (self), self->history,
                                                                 self->selected, NULL)));
}

static void
edit_indicator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GError *error = NULL;
  g_autoptr(TandemIndicator) indicator =
    tandem_store_lookup_indicator (self->store, g_variant_get_string (param, NULL), &error);
  TandemInitiative *initiative;

  if (!check (self, indicator != NULL, error))
    return;

  initiative = tandem_store_lookup_initiative (self->store, tandem_indicator_get_initiative (indicator));
  if (initiative != NULL)
    gtk_window_present (GTK_WINDOW (tandem_indicator_editor_new (GTK_WINDOW (self), self->history,
                                                                 initiative, indicator)));
}

/* How the whole portfolio moved between two dates, for policy teams. */
static void
show_movement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (tandem_movement_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
report_saved_cb (TandemWindow *self,
                 GFile        *file,
                 guint         n_pages)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: the report's file name, then its number of pages */
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Saved report “%s” (%u page)",
                                                           "Saved report “%s” (%u pages)", n_pages),
                                              name, n_pages);

  _tandem_window_toast (self, message, NULL, NULL);
}

/* A PDF of the matrix, the movement over a period and a page for each
 * initiative chosen, written in the background. */
static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = tandem_report_dialog_new (GTK_WINDOW (self), self->store, self->selected);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (report_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* From a cell to the case studies that illustrate it, in one click. */
static void
show_cases_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  int row, col;

  g_variant_get (param, "(ii)", &row, &col);
  tandem_case_view_set_cell_filter (self->case_view, MAX (row, 0), MAX (col, 0));
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
}

static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  if (!tandem_case_view_select (self->case_view, g_variant_get_string (param, NULL)))
    _tandem_window_toast (self, _("That case study no longer exists"), NULL, NULL);
}

static void
show_matrix_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "matrix");
  /* On a narrow window this is also the sidebar's way forward. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
show_all_cases_shortcut (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  return gtk_widget_activate_action (widget, "win.show-cases", "(ii)", 0, 0);
}

/* ---- Keyboard twins of drag and drop ----------------------------------- */

static gboolean
focus_is_text (TandemWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus);
}

static gboolean
move_selected_to (TandemWindow *self,
                  int           row,
                  int           col)
{
  if (self->selected == NULL || self->history == NULL || focus_is_text (self) ||
      !tandem_cell_is_valid (row, col))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.move-initiative", "(sii)",
                                     tandem_initiative_get_uuid (self->selected), row, col);
}

static gboolean
move_by_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  int drow, dcol;

  if (self->selected == NULL)
    return FALSE;

  g_variant_get (args, "(ii)", &drow, &dcol);
  return move_selected_to (self,
                           (int) tandem_initiative_get_row (self->selected) + drow,
                           (int) tandem_initiative_get_col (self->selected) + dcol);
}

static gboolean
move_to_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  int number = g_variant_get_int32 (args);

  /* Cells are numbered 1 to 9 left to right, top to bottom, like a keypad
   * read as text. */
  return move_selected_to (TANDEM_WINDOW (widget),
                           (number - 1) / TANDEM_MATRIX_SIZE + 1,
                           (number - 1) % TANDEM_MATRIX_SIZE + 1);
}

/* Delete removes the selected initiative from the sidebar or the matrix,
 * but not while the details have the focus: there it would be too easy to
 * press by mistake (the panel has its own Delete button). */
static gboolean
delete_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->panel)))
    return FALSE;

  return gtk_widget_activate_action (widget, "win.delete-initiative", NULL);
}

/* ---- Portfolios ---------------------------------------------------------- */

static void
add_tandem_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) portfolios = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (portfolios, _("Tandem portfolios"));
  gtk_file_filter_add_mime_type (portfolios, "application/x-tandem");
  gtk_file_filter_add_suffix (portfolios, "tandem");
  gtk_file_chooser_add_filter (chooser, portfolios);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      tandem_window_open_or_report (self, file);
    }

  g_object_unref (dialog);
}

/**
 * _tandem_chooser_new:
 * @parent: the window the chooser is modal over
 *
 * A modal file chooser, without filters; connect to its response.
 */
GtkFileChooserNative *
_tandem_chooser_new (GtkWindow            *parent,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

/**
 * _tandem_window_chooser_new:
 * @response_cb: called with the window as user data; unrefs the chooser
 *
 * A modal file chooser over the window, without filters.
 */
GtkFileChooserNative *
_tandem_window_chooser_new (TandemWindow         *self,
                            const char           *title,
                            GtkFileChooserAction  action,
                            const char           *accept_label,
                            GCallback             response_cb)
{
  GtkFileChooserNative *chooser = _tandem_chooser_new (GTK_WINDOW (self), title, action, accept_label);

  g_signal_connect (chooser, "response", response_cb, self);

  return chooser;
}

static GtkFileChooserNative *
chooser_new (TandemWindow         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GCallback             response_cb)
{
  GtkFileChooserNative *chooser = _tandem_window_chooser_new (self, title, action, accept_label, response_cb);

  add_tandem_filters (GTK_FILE_CHOOSER (chooser));
  return chooser;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = chooser_new (self, _("Open Portfolio"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Open"), G_CALLBACK (open_response_cb));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  tandem_window_open_or_report (TANDEM_WINDOW (widget), file);
}

static void
open_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  tandem_window_open_or_report (TANDEM_WINDOW (widget), NULL);
}

static void
new_response_cb (GtkNativeDialog *dialog,
                 int              response,
                 TandemWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemStore) store = NULL;
  GError *error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  /* The chooser has already asked before replacing a file, but never
   * replace the portfolio that is open here. */
  if (self->store != NULL && g_file_equal (file, tandem_store_get_file (self->store)))
    {
      g_set_error (&error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_EXISTS,
                   _("“%s” is the portfolio you are working on; choose another name"),
                   g_file_peek_path (file));
      check (self, FALSE, error);
      goto out;
    }

  if (g_file_query_exists (file, NULL) && !g_file_delete (file, NULL, &error))
    {
      check (self, FALSE, error);
      goto out;
    }

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  if (check (self, store != NULL, error))
    _tandem_window_set_store (self, store);

out:
  g_object_unref (dialog);
}

static void
new_portfolio_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = chooser_new (self, _("New Portfolio"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Create"), G_CALLBACK (new_response_cb));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("New portfolio.tandem"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GError *error = NULL;

      if (check (self, tandem_store_save_copy (self->store, file, &error), error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved a copy as “%s”"), name);

          _tandem_window_toast (self, message, NULL, NULL);
        }
    }

  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;

  if (self->store == NULL)
    return;

  name = tandem_store_get_name (self->store);
  /* Translators: the suggested file name of a copy; %s is the portfolio's name */
  suggested = g_strdup_printf (_("%s (copy).tandem"), name);

  chooser = chooser_new (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Save"), G_CALLBACK (save_copy_response_cb));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- View ---------------------------------------------------------------- */

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "cases") == 0)
    {
      tandem_case_view_focus_search (self->case_view);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Enabling ------------------------------------------------------------ */

/* "Undo Move “Meals on wheels”": say what the buttons would do. */
static void
update_undo_tooltips (TandemWindow *self)
{
  const char *undo = self->history ? tandem_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history ? tandem_history_get_redo_label (self->history) : NULL;
  g_autofree char *undo_text = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  g_autofree char *redo_text = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->undo_button), undo_text) != 0)
    gtk_widget_set_tooltip_text (self->undo_button, undo_text);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->redo_button), redo_text) != 0)
    gtk_widget_set_tooltip_text (self->redo_button, redo_text);
}

void
_tandem_window_actions_update (TandemWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL &&
                       g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "portfolio") == 0;
  gboolean editable = has_store && !tandem_store_get_read_only (self->store);
  gboolean selected = editable && self->selected != NULL;

  gtk_widget_action_set_enabled (widget, "win.undo", editable && tandem_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && tandem_history_get_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "win.add-initiative", editable);
  gtk_widget_action_set_enabled (widget, "win.import", editable);
  gtk_widget_action_set_enabled (widget, "win.export", has_store);
  gtk_widget_action_set_enabled (widget, "win.print", has_store);
  gtk_widget_action_set_enabled (widget, "win.save-matrix-image", has_store);
  gtk_widget_action_set_enabled (widget, "win.delete-initiative", selected);
  gtk_widget_action_set_enabled (widget, "win.rename-initiative", selected);
  gtk_widget_action_set_enabled (widget, "win.set-initiative-field", editable);
  gtk_widget_action_set_enabled (widget, "win.move-initiative", editable);
  gtk_widget_action_set_enabled (widget, "win.set-target", editable);
  gtk_widget_action_set_enabled (widget, "win.set-cell-note", editable);
  gtk_widget_action_set_enabled (widget, "win.set-matrix-label", editable);
  gtk_widget_action_set_enabled (widget, "win.reset-matrix", editable);
  gtk_widget_action_set_enabled (widget, "win.select-initiative", has_store);
  gtk_widget_action_set_enabled (widget, "win.save-copy", has_store);
  gtk_widget_action_set_enabled (widget, "win.search", has_store);
  gtk_widget_action_set_enabled (widget, "win.link-case-to-cell", editable);
  gtk_widget_action_set_enabled (widget, "win.show-cases", has_store);
  gtk_widget_action_set_enabled (widget, "win.show-movement", has_store);
  gtk_widget_action_set_enabled (widget, "win.report", has_store);
  gtk_widget_action_set_enabled (widget, "win.add-assessment", selected);
  /* In a read-only portfolio the editors open to be read, not saved. */
  gtk_widget_action_set_enabled (widget, "win.edit-assessment", has_store);
  gtk_widget_action_set_enabled (widget, "win.add-indicator", selected);
  gtk_widget_action_set_enabled (widget, "win.edit-indicator", has_store);
  gtk_widget_action_set_enabled (widget, "win.manage-cell-cases", editable);
  gtk_widget_action_set_enabled (widget, "win.show-case", has_store);
  gtk_widget_action_set_enabled (widget, "win.cite-case", editable);
  gtk_widget_action_set_enabled (widget, "win.uncite-case", editable);

  update_undo_tooltips (self);
}

void
_tandem_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-initiative", NULL, add_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.delete-initiative", NULL, delete_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.rename-initiative", NULL, rename_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.set-initiative-field", "(sss)", set_initiative_field_action);
  gtk_widget_class_install_action (widget_class, "win.move-initiative", "(sii)", move_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.set-target", "(sii)", set_target_action);
  gtk_widget_class_install_action (widget_class, "win.set-cell-note", "(siis)", set_cell_note_action);
  gtk_widget_class_install_action (widget_class, "win.set-matrix-label", "(ss)", set_matrix_label_action);
  gtk_widget_class_install_action (widget_class, "win.reset-matrix", NULL, reset_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.select-initiative", "s", select_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-default", NULL, open_default_action);
  gtk_widget_class_install_action (widget_class, "win.new-portfolio", NULL, new_portfolio_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", "s", toast_undo_action);
  gtk_widget_class_install_action (widget_class, "win.link-case-to-cell", "(sii)", link_case_to_cell_action);
  gtk_widget_class_install_action (widget_class, "win.cite-case", "(ssbs)", cite_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-cases", "(ii)", show_cases_action);
  gtk_widget_class_install_action (widget_class, "win.show-movement", NULL, show_movement_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.add-assessment", NULL, add_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.edit-assessment", "s", edit_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.add-indicator", NULL, add_indicator_action);
  gtk_widget_class_install_action (widget_class, "win.edit-indicator", "s", edit_indicator_action);
  gtk_widget_class_install_action (widget_class, "win.manage-cell-cases", "(ii)", manage_cell_cases_action);
  gtk_widget_class_install_action (widget_class, "win.show-case", "s", show_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-matrix", NULL, show_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.uncite-case", "(ss)", uncite_case_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-initiative", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-initiative", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-matrix", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.show-movement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.report", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_2, GDK_ALT_MASK, show_all_cases_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-portfolio", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-portfolio", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);

}

static void
add_move_shortcut (GtkShortcutController *controller,
                   guint                  keyval,
                   GdkModifierType        modifiers,
                   GtkShortcutFunc        func,
                   GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (func, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Ctrl+Shift+arrow moves the selected initiative one cell; Ctrl+1…9 moves
 * it to a numbered cell.  Both go through win.move-initiative, exactly like
 * drag and drop and the “Move to…” menu.  They are caught before the lists
 * see them (lists take Ctrl+Shift+arrows for themselves), but left alone
 * while the user is typing. */
void
_tandem_window_add_move_shortcuts (TandemWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);

  add_move_shortcut (shortcuts, GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_by_shortcut, g_variant_new ("(ii)", -1, 0));
  add_move_shortcut (shortcuts, GDK_KEY_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_by_shortcut, g_variant_new ("(ii)", 1, 0));
  add_move_shortcut (shortcuts, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_by_shortcut, g_variant_new ("(ii)", 0, -1));
  add_move_shortcut (shortcuts, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_by_shortcut, g_variant_new ("(ii)", 0, 1));
  for (int i = 1; i <= TANDEM_N_CELLS; i++)
    {
      add_move_shortcut (shortcuts, GDK_KEY_0 + i, GDK_CONTROL_MASK, move_to_shortcut, g_variant_new_int32 (i));
      add_move_shortcut (shortcuts, GDK_KEY_KP_0 + i, GDK_CONTROL_MASK, move_to_shortcut, g_variant_new_int32 (i));
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
