/* tandem-label-editor.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-label-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-label-editor.h"
#include "tandem-window.h"

/* A popover for rewording one heading or cell of the matrix.  It changes
 * nothing itself: Enter activates win.set-matrix-label, which records undo. */

struct _TandemLabelEditor
{
  GtkPopover    parent_instance;

  TandemMatrix *matrix;
  char         *key;
  GtkWidget    *entry;
  GtkWidget    *hint;
  GtkWidget    *reset;
  GtkWidget    *cases;
};

G_DEFINE_FINAL_TYPE (TandemLabelEditor, tandem_label_editor, GTK_TYPE_POPOVER)

/* A read-only portfolio's wording can be read here but not changed. */
static gboolean
is_read_only (TandemLabelEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TandemStore *store = TANDEM_IS_WINDOW (root) ? tandem_window_get_store (TANDEM_WINDOW (root)) : NULL;

  return store != NULL && tandem_store_get_read_only (store);
}

static void
apply (TandemLabelEditor *self,
       const char        *text)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  if (!is_read_only (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-matrix-label", "(ss)", self->key, text);
}

static void
entry_activate_cb (TandemLabelEditor *self)
{
  apply (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
reset_clicked_cb (TandemLabelEditor *self)
{
  apply (self, "");
}

static void
cases_clicked_cb (TandemLabelEditor *self)
{
  guint row, col;

  gtk_popover_popdown (GTK_POPOVER (self));
  if (sscanf (self->key, "cell-%u-%u", &row, &col) == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.manage-cell-cases", "(ii)", row, col);
}

static void
show_cb (TandemLabelEditor *self)
{
  gboolean read_only = is_read_only (self);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), tandem_matrix_get_label (self->matrix, self->key));
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !read_only);
  gtk_widget_set_visible (self->hint, !read_only);
  gtk_widget_set_visible (self->reset, !read_only);
  gtk_widget_set_sensitive (self->reset, tandem_matrix_is_customised (self->matrix, self->key));
  gtk_widget_set_visible (self->cases, !read_only && g_str_has_prefix (self->key, "cell-"));
  gtk_widget_grab_focus (self->entry);
}

static void
tandem_label_editor_finalize (GObject *object)
{
  TandemLabelEditor *self = (TandemLabelEditor *)object;

  g_clear_object (&self->matrix);
  g_free (self->key);

  G_OBJECT_CLASS (tandem_label_editor_parent_class)->finalize (object);
}

static void
tandem_label_editor_class_init (TandemLabelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_label_editor_finalize;
}

static void
tandem_label_editor_init (TandemLabelEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->hint = gtk_label_new (_("Type new wording and press Enter."));
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_box_append (GTK_BOX (box), self->hint);

  self->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), FALSE);
  gtk_widget_set_size_request (self->entry, 280, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Wording"),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->entry);

  self->reset = gtk_button_new_with_label (_("Reset to Standard Wording"));
  g_signal_connect_swapped (self->reset, "clicked", G_CALLBACK (reset_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->reset);

  /* A cell's own popover also leads to the case studies linked to it. */
  self->cases = gtk_button_new_with_label (_("Link or Unlink Case Studies…"));
  gtk_widget_set_visible (self->cases, FALSE);
  g_signal_connect_swapped (self->cases, "clicked", G_CALLBACK (cases_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->cases);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "show", G_CALLBACK (show_cb), NULL);
}

GtkWidget *
tandem_label_editor_new (TandemMatrix *matrix,
                         const char   *key)
{
  TandemLabelEditor *self;

  g_return_val_if_fail (TANDEM_IS_MATRIX (matrix), NULL);
  g_return_val_if_fail (tandem_matrix_is_valid_key (key), NULL);

  self = g_object_new (TANDEM_TYPE_LABEL_EDITOR, NULL);
  self->matrix = g_object_ref (matrix);
  self->key = g_strdup (key);
  gtk_widget_set_visible (self->cases, g_str_has_prefix (key, "cell-"));

  return GTK_WIDGET (self);
}
