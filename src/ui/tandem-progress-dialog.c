/* tandem-progress-dialog.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-progress-dialog.h"

/* A modal window for work running in the background: what is being done,
 * a pulsing bar and Cancel.  Cancel, Escape and closing the window all
 * cancel the work's GCancellable; whoever started the work destroys the
 * dialog when it ends.  Modal, so that the portfolio cannot change under
 * an import that is comparing itself with it. */

#define PULSE_INTERVAL_MS 120

struct _TandemProgressDialog
{
  AdwWindow     parent_instance;

  GCancellable *cancellable;
  GtkLabel     *heading;
  GtkLabel     *detail;
  GtkWidget    *bar;
  guint         pulse_id;
};

G_DEFINE_FINAL_TYPE (TandemProgressDialog, tandem_progress_dialog, ADW_TYPE_WINDOW)

static gboolean
pulse_cb (gpointer user_data)
{
  TandemProgressDialog *self = user_data;

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->bar));
  return G_SOURCE_CONTINUE;
}

static gboolean
close_request_cb (GtkWindow *window)
{
  TandemProgressDialog *self = TANDEM_PROGRESS_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
tandem_progress_dialog_dispose (GObject *object)
{
  TandemProgressDialog *self = TANDEM_PROGRESS_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tandem_progress_dialog_parent_class)->dispose (object);
}

static void
tandem_progress_dialog_class_init (TandemProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_progress_dialog_dispose;
  window_class->close_request = close_request_cb;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
tandem_progress_dialog_init (TandemProgressDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-3");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));

  self->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail, TRUE);
  gtk_label_set_wrap_mode (self->detail, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->detail, GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail));

  self->bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (self->bar), 0.1);
  gtk_box_append (GTK_BOX (box), self->bar);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  /* Named without the mnemonic's underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_box_append (GTK_BOX (box), button);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (self), 340, -1);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), button);
  gtk_window_set_focus (GTK_WINDOW (self), button);

  self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
}

/**
 * tandem_progress_dialog_new:
 * @title: what is being done, such as “Importing”
 * @detail: plain text (not markup) saying more, such as the file's name
 * @cancellable: cancelled by Cancel, Escape or closing the window
 *
 * Returns: (transfer none): the dialog, presented over @parent
 */
TandemProgressDialog *
tandem_progress_dialog_new (GtkWindow    *parent,
                            const char   *title,
                            const char   *detail,
                            GCancellable *cancellable)
{
  TandemProgressDialog *self;

  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (TANDEM_TYPE_PROGRESS_DIALOG,
                       "title", title,
                       "transient-for", parent,
                       NULL);
  self->cancellable = g_object_ref (cancellable);
  gtk_label_set_text (self->heading, title);
  tandem_progress_dialog_set_detail (self, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
tandem_progress_dialog_set_detail (TandemProgressDialog *self,
                                   const char           *detail)
{
  g_return_if_fail (TANDEM_IS_PROGRESS_DIALOG (self));

  gtk_label_set_text (self->detail, detail);
}
