/* tandem-drop-down.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-drop-down.h"

/* In GTK 4.8 keyboard focus lands on a GtkDropDown's inner toggle button,
 * which has no name of its own: a screen reader says "GtkToggleButton".
 * This names it after the drop-down and what it shows, such as
 * "Cell: Full co-production", and keeps that up to date. */

static void
update_label (GtkDropDown *dropdown,
              GParamSpec  *pspec,
              const char  *name)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *label = NULL;

  if (button == NULL)
    return;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down's name and what it shows, as "Cell: 2,2" */
    label = g_strdup_printf (_("%s: %s"), name, gtk_string_object_get_string (item));
  else
    label = g_strdup (name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * _tandem_drop_down_name_button:
 * @name: what the drop-down chooses, as its own accessible label says
 */
void
_tandem_drop_down_name_button (GtkDropDown *dropdown,
                               const char  *name)
{
  char *copy = g_strdup (name);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_signal_connect_data (dropdown, "notify::selected-item", G_CALLBACK (update_label), copy,
                         (GClosureNotify) (void (*) (void)) g_free, G_CONNECT_DEFAULT);
  update_label (dropdown, NULL, copy);
}
