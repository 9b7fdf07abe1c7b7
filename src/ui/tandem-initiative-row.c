/* tandem-initiative-row.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-initiative-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-initiative-row.h"

/* One initiative in a list: its title and, in the sidebar, its cell and
 * organisation.  Rows are recycled by GtkListView, so everything shown is
 * refreshed whenever the row is given another initiative. Each row can be
 * dragged onto a matrix cell; the keyboard twin is win.move-initiative. */

struct _TandemInitiativeRow
{
  GtkWidget         parent_instance;

  TandemInitiative *initiative;
  GtkWidget        *title;
  GtkWidget        *details;
  gboolean          show_details;
};

G_DEFINE_FINAL_TYPE (TandemInitiativeRow, tandem_initiative_row, GTK_TYPE_WIDGET)

static void
update (TandemInitiativeRow *self)
{
  g_autofree char *details = NULL;
  const char *title = "";

  if (self->initiative != NULL)
    {
      const char *organisation = tandem_initiative_get_organisation (self->initiative);

      title = tandem_initiative_get_title (self->initiative);
      if (organisation[0] != '\0')
        /* Translators: a cell address such as 2,2, then an organisation */
        details = g_strdup_printf (_("%u,%u · %s"),
                                   tandem_initiative_get_row (self->initiative),
                                   tandem_initiative_get_col (self->initiative),
                                   organisation);
      else
        details = g_strdup_printf ("%u,%u",
                                   tandem_initiative_get_row (self->initiative),
                                   tandem_initiative_get_col (self->initiative));
    }

  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_label_set_text (GTK_LABEL (self->details), details ? details : "");
}

/* The full title, for when the row is too narrow to show it.  Asked for
 * on hover rather than set on every bind: setting a tooltip makes GTK ask
 * the display server where the pointer is, and a list rebinds hundreds of
 * rows when an initiative moves. */
static gboolean
query_tooltip_cb (TandemInitiativeRow *self,
                  int                  x,
                  int                  y,
                  gboolean             keyboard,
                  GtkTooltip          *tooltip)
{
  if (self->initiative == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, tandem_initiative_get_title (self->initiative));
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource       *source,
                 double               x,
                 double               y,
                 TandemInitiativeRow *self)
{
  if (self->initiative == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING,
                                         tandem_initiative_get_uuid (self->initiative));
}

static void
drag_begin_cb (GtkDragSource       *source,
               GdkDrag             *drag,
               TandemInitiativeRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
tandem_initiative_row_dispose (GObject *object)
{
  TandemInitiativeRow *self = (TandemInitiativeRow *)object;

  tandem_initiative_row_set_initiative (self, NULL);
  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->details, gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_initiative_row_parent_class)->dispose (object);
}

static void
tandem_initiative_row_class_init (TandemInitiativeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_initiative_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "initiative-row");
}

static void
tandem_initiative_row_init (TandemInitiativeRow *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->title = g_object_new (GTK_TYPE_LABEL,
                              "xalign", 0.0f,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              NULL);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));

  self->details = g_object_new (GTK_TYPE_LABEL,
                                "xalign", 0.0f,
                                "ellipsize", PANGO_ELLIPSIZE_END,
                                "visible", FALSE,
                                NULL);
  gtk_widget_add_css_class (self->details, "caption");
  gtk_widget_add_css_class (self->details, "dim-label");
  gtk_widget_set_parent (self->details, GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
tandem_initiative_row_new (gboolean show_details)
{
  TandemInitiativeRow *self = g_object_new (TANDEM_TYPE_INITIATIVE_ROW, NULL);

  self->show_details = show_details;
  gtk_widget_set_visible (self->details, show_details);
  if (show_details)
    {
      gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
    }

  return GTK_WIDGET (self);
}

/**
 * tandem_initiative_row_get_initiative:
 *
 * Returns: (transfer none) (nullable): the initiative shown
 */
TandemInitiative *
tandem_initiative_row_get_initiative (TandemInitiativeRow *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE_ROW (self), NULL);

  return self->initiative;
}

void
tandem_initiative_row_set_initiative (TandemInitiativeRow *self,
                                      TandemInitiative    *initiative)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE_ROW (self));

  if (self->initiative == initiative)
    return;

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_func (self->initiative, update, self);

  g_set_object (&self->initiative, initiative);

  if (initiative != NULL)
    g_signal_connect_swapped (initiative, "notify", G_CALLBACK (update), self);

  update (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  show_details)
{
  gtk_list_item_set_child (item, tandem_initiative_row_new (GPOINTER_TO_INT (show_details)));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  show_details)
{
  tandem_initiative_row_set_initiative (TANDEM_INITIATIVE_ROW (gtk_list_item_get_child (item)),
                                        gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  show_details)
{
  tandem_initiative_row_set_initiative (TANDEM_INITIATIVE_ROW (gtk_list_item_get_child (item)), NULL);
}

/**
 * tandem_initiative_row_factory_new:
 * @show_details: whether rows also show the cell and organisation
 *
 * Returns: (transfer full): a factory making #TandemInitiativeRow s for a
 *   list of #TandemInitiative
 */
GtkListItemFactory *
tandem_initiative_row_factory_new (gboolean show_details)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (show_details));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}
