/* tandem-conflicts-list.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-conflicts-list.h"

/* The conflicts of an import, one row each with Mine | Theirs toggles
 * that settle it (tandem_import_resolve()).  A list view, so that a merge
 * of two portfolios that drifted far apart stays quick.  The import must
 * outlive the list: the conflicts dialog owns both. */

#define MIN_HEIGHT 96
#define MAX_HEIGHT 320
#define WIDTH      320

static void
theirs_toggled_cb (GtkToggleButton *theirs,
                   GtkListItem     *item)
{
  TandemImport *import = g_object_get_data (G_OBJECT (theirs), "import");
  guint position = gtk_list_item_get_position (item);

  if (position != GTK_INVALID_LIST_POSITION)
    tandem_import_resolve (import, position,
                           gtk_toggle_button_get_active (theirs) ? TANDEM_KEEP_THEIRS : TANDEM_KEEP_MINE);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          TandemImport             *import)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_toggle_button_new_with_label (_("Mine"));
  GtkWidget *theirs = gtk_toggle_button_new_with_label (_("Theirs"));

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_widget_set_tooltip_text (mine, _("Keep this portfolio's version"));
  gtk_widget_set_tooltip_text (theirs, _("Take the imported file's version"));
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (toggles), mine);
  gtk_box_append (GTK_BOX (toggles), theirs);
  gtk_box_append (GTK_BOX (row), toggles);

  g_object_set_data (G_OBJECT (theirs), "import", import);
  g_signal_connect (theirs, "toggled", G_CALLBACK (theirs_toggled_cb), item);
  g_object_set_data (G_OBJECT (row), "label", label);
  g_object_set_data (G_OBJECT (row), "mine", mine);
  g_object_set_data (G_OBJECT (row), "theirs", theirs);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         TandemImport             *import)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *mine = g_object_get_data (G_OBJECT (row), "mine");
  GtkWidget *theirs = g_object_get_data (G_OBJECT (row), "theirs");
  const TandemConflict *conflict = tandem_import_get_conflict (import, gtk_list_item_get_position (item));
  gboolean take_theirs = conflict->resolution == TANDEM_KEEP_THEIRS;

  /* Plain text: the description holds the user's titles. */
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "label"), conflict->description);

  g_signal_handlers_block_by_func (theirs, theirs_toggled_cb, item);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (take_theirs ? theirs : mine), TRUE);
  g_signal_handlers_unblock_by_func (theirs, theirs_toggled_cb, item);

  /* Each toggle says which conflict it settles. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (mine), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  conflict->description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (theirs), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  conflict->description, -1);
}

/**
 * tandem_conflicts_list_new:
 * @import: (transfer none): an import with conflicts, kept alive by the caller
 *
 * Returns: (transfer floating): a scrolled list of @import's conflicts
 */
GtkWidget *
tandem_conflicts_list_new (TandemImport *import)
{
  g_autoptr(GtkStringList) descriptions = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  g_return_val_if_fail (import != NULL, NULL);

  for (guint i = 0; i < tandem_import_get_n_conflicts (import); i++)
    gtk_string_list_append (descriptions, tandem_import_get_conflict (import, i)->description);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), import);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), import);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&descriptions)))),
                            factory);
  gtk_widget_add_css_class (list, "conflicts-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Conflicts"), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN_HEIGHT);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_HEIGHT);
  /* Wide enough for a title beside the toggles; the dialog grows to fit. */
  gtk_widget_set_size_request (scrolled, WIDTH, -1);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}
