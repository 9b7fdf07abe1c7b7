/* tandem-window.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-initiative-row.h"
#include "tandem-settings.h"
#include "tandem-window-private.h"

G_DEFINE_FINAL_TYPE (TandemWindow, tandem_window, ADW_TYPE_APPLICATION_WINDOW)

#define RECENT_MIME_TYPE "application/x-tandem"
#define MAX_RECENT       8

/* ---- Toasts and errors ---------------------------------------------------- */

/* @title is plain text: it is escaped here, because toast titles are markup. */
void
_tandem_window_toast (TandemWindow *self,
                      const char   *title,
                      const char   *button_label,
                      const char   *action_name)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_tandem_window_report_error (TandemWindow *self,
                             const GError *error)
{
  _tandem_window_toast (self, error->message, NULL, NULL);
}

/* ---- Settings ------------------------------------------------------------ */

static gboolean
close_request_cb (TandemWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return FALSE;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);

  return FALSE;
}

/* ---- Recent portfolios ----------------------------------------------------- */

static void
update_recent_menu (TandemWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);

  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), RECENT_MIME_TYPE) != 0 ||
          !gtk_recent_info_exists (info))
        continue;

      /* Menu labels take mnemonics: keep the underscores of file names. */
      {
        g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);
        g_autofree char *label = g_strjoinv ("__", parts);

        item = g_menu_item_new (label, NULL);
      }
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
remember (TandemWindow *self,
          GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFile) default_file = tandem_store_get_default_file ();
  GtkRecentData data = {
    .display_name = NULL,
    .mime_type = (char *) RECENT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "tandem %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-portfolio",
                           g_file_equal (file, default_file) ? "" : path);
}

/* ---- The sidebar --------------------------------------------------------- */

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  TandemWindow *self = user_data;

  return tandem_initiative_matches (item, self->search);
}

static void
update_sidebar_empty (TandemWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

  if (self->search != NULL && self->search[0] != '\0')
    adw_status_page_set_description (self->sidebar_empty, _("Try a different search."));
  else
    adw_status_page_set_description (self->sidebar_empty, _("Add one with the + button."));

  gtk_stack_set_visible_child_name (self->sidebar_stack, empty ? "empty" : "list");
}

static void
search_changed_cb (TandemWindow *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_selected (TandemWindow     *self,
              TandemInitiative *initiative)
{
  if (!g_set_object (&self->selected, initiative))
    return;

  tandem_matrix_view_set_selected (self->matrix_view, initiative);
  tandem_initiative_panel_set_initiative (self->panel, initiative);
  /* The details make room for the matrix when there is nothing to show. */
  adw_flap_set_reveal_flap (self->flap, initiative != NULL);
  _tandem_window_actions_update (self);
}

static void
selection_changed_cb (TandemWindow *self)
{
  set_selected (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
sidebar_activate_cb (TandemWindow *self,
                     guint         position)
{
  /* On a narrow window, choosing an initiative shows it on the matrix. */
  adw_view_stack_set_visible_child_name (self->view_stack, "matrix");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/**
 * tandem_window_select:
 * @uuid: (nullable): the initiative to select, or %NULL for none
 *
 * Selects an initiative in the sidebar, on the matrix and in the details,
 * clearing the search if it hides the initiative.
 *
 * Returns: %TRUE if the initiative exists
 */
gboolean
tandem_window_select (TandemWindow *self,
                      const char   *uuid)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  if (uuid == NULL || self->store == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return uuid == NULL;
    }

  if (tandem_store_lookup_initiative (self->store, uuid) == NULL)
    return FALSE;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      model = G_LIST_MODEL (self->selection);
      n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TandemInitiative) item = g_list_model_get_item (model, i);

          if (g_str_equal (tandem_initiative_get_uuid (item), uuid))
            {
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->sidebar_list), "list.scroll-to-item", "u", i);
              return TRUE;
            }
        }

      /* Hidden by the search: show everything and look again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
    }

  return FALSE;
}

/* ---- Opening portfolios ------------------------------------------------- */

static void
update_title (TandemWindow *self)
{
  g_autoptr(GFile) default_file = tandem_store_get_default_file ();
  GFile *file = tandem_store_get_file (self->store);
  g_autofree char *name = NULL;

  if (g_file_equal (file, default_file))
    name = g_strdup (_("Default portfolio"));
  else
    name = g_file_get_basename (file);

  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
}

void
_tandem_window_set_store (TandemWindow *self,
                          TandemStore  *store)
{
  const char *reason;

  g_return_if_fail (TANDEM_IS_STORE (store));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  set_selected (self, NULL);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, _tandem_window_actions_update, self);

  g_set_object (&self->store, store);
  g_clear_object (&self->history);
  self->history = tandem_history_new (store);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (_tandem_window_actions_update), self);
  tandem_initiative_panel_set_store (self->panel, store, self->history);

  gtk_filter_list_model_set_model (self->filtered, tandem_store_get_initiatives (store));
  tandem_matrix_view_set_store (self->matrix_view, store);
  g_object_set (self->panel, "matrix", tandem_store_get_matrix (store), NULL);
  tandem_case_view_set_store (self->case_view, store, self->history);

  reason = tandem_store_get_read_only_reason (store);
  if (reason != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Read-only: %s Editing is turned off."), reason);

      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_revealer_set_reveal_child (self->read_only_revealer, reason != NULL);
  tandem_initiative_panel_set_read_only (self->panel, reason != NULL);

  gtk_stack_set_visible_child_name (self->content_stack, "portfolio");
  update_title (self);
  remember (self, tandem_store_get_file (store));
  update_sidebar_empty (self);
  _tandem_window_actions_update (self);
}

/**
 * tandem_window_open:
 * @file: (nullable): a portfolio, or %NULL for the user's default portfolio
 *
 * Opens a portfolio in this window.  On failure the window keeps what it
 * showed and @error says what is wrong with the file.
 */
gboolean
tandem_window_open (TandemWindow  *self,
                    GFile         *file,
                    GError       **error)
{
  g_autoptr(TandemStore) store = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  if (file == NULL)
    {
      if (!tandem_store_open_default (&store, error))
        return FALSE;
    }
  else if (!(store = tandem_store_open (file, TANDEM_STORE_NONE, error)))
    return FALSE;

  _tandem_window_set_store (self, store);

  backup = tandem_store_get_backup_path (store);
  if (backup != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Upgraded this portfolio; the old version is kept as %s"),
                                                  backup);
      _tandem_window_toast (self, message, NULL, NULL);
    }

  return TRUE;
}

/**
 * tandem_window_open_or_report:
 *
 * Like tandem_window_open(), but shows any error in the window: as a
 * notification if a portfolio is already shown, else as a full page.
 */
void
tandem_window_open_or_report (TandemWindow *self,
                              GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (tandem_window_open (self, file, &error))
    return;

  g_debug ("%s", error->message);

  if (self->store != NULL)
    {
      _tandem_window_report_error (self, error);
      return;
    }

  {
    g_autofree char *escaped = g_markup_escape_text (error->message, -1);

    adw_status_page_set_description (self->error_page, escaped);
    gtk_stack_set_visible_child_name (self->content_stack, "error");
    adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    _tandem_window_actions_update (self);
  }
}

/* On a narrow window the header's back button leads to the initiatives,
 * which only the matrix needs; the case studies have their own. */
static void
update_sidebar_button (TandemWindow *self)
{
  gtk_widget_set_visible (self->sidebar_button,
                          adw_leaflet_get_folded (self->leaflet) &&
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "matrix") == 0);
}

/* ---- GObject ------------------------------------------------------------- */

static void
tandem_window_dispose (GObject *object)
{
  TandemWindow *self = (TandemWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_WINDOW);

  _tandem_window_cancel_exchange (self);
  g_clear_object (&self->exchange_cancellable);
  g_clear_object (&self->selected);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tandem_window_parent_class)->dispose (object);
}

static void
tandem_window_finalize (GObject *object)
{
  TandemWindow *self = (TandemWindow *)object;

  g_free (self->search);

  G_OBJECT_CLASS (tandem_window_parent_class)->finalize (object);
}

static void
tandem_window_class_init (TandemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_window_dispose;
  object_class->finalize = tandem_window_finalize;

  g_type_ensure (TANDEM_TYPE_MATRIX_VIEW);
  g_type_ensure (TANDEM_TYPE_INITIATIVE_PANEL);
  g_type_ensure (TANDEM_TYPE_CASE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandem/Tandem/tandem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, content);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar_empty);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, panel);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TandemWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activate_cb);

  _tandem_window_class_actions_init (widget_class);
  _tandem_window_class_exchange_init (widget_class);
}

static void
tandem_window_init (TandemWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The store's list is already sorted by title. */
  self->filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (update_sidebar_empty), self);

  factory = tandem_initiative_row_factory_new (TRUE);
  gtk_list_view_set_factory (self->sidebar_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->sidebar_list, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->sidebar);
  _tandem_window_add_move_shortcuts (self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (update_sidebar_button), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (update_sidebar_button), self);

  self->settings = tandem_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  _tandem_window_actions_update (self);
}

TandemWindow *
tandem_window_new (GtkApplication *application)
{
  return g_object_new (TANDEM_TYPE_WINDOW, "application", application, NULL);
}

/**
 * tandem_window_get_store:
 *
 * Returns: (transfer none) (nullable): the portfolio shown
 */
TandemStore *
tandem_window_get_store (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * tandem_window_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history of the portfolio shown
 */
TandemHistory *
tandem_window_get_history (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->history;
}

/**
 * tandem_window_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected initiative
 */
TandemInitiative *
tandem_window_get_selected (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), NULL);

  return self->selected;
}
