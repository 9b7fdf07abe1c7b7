/* tandem-matrix-view.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-matrix-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-matrix-view.h"
#include "tandem-trajectory.h"

/* The service-design matrix as a grid:
 *
 *               | design axis heading, across three columns   |
 *   delivery ↓  | design-1      | design-2      | design-3      |
 *   delivery-1  | cell 1,1      | cell 1,2      | cell 1,3      |
 *   delivery-2  | cell 2,1      | cell 2,2      | cell 2,3      |
 *   delivery-3  | cell 3,1      | cell 3,2      | cell 3,3      |
 *
 * Every heading can be reworded; the centre cell is full co-production. */

struct _TandemMatrixView
{
  GtkWidget         parent_instance;

  TandemStore      *store;
  TandemInitiative *selected;
  GtkWidget        *overlay;
  GtkWidget        *grid;
  GtkWidget        *trajectory;
  GtkWidget        *cells[TANDEM_N_CELLS];
};

G_DEFINE_FINAL_TYPE (TandemMatrixView, tandem_matrix_view, GTK_TYPE_WIDGET)

#define CELL(self, r, c) ((self)->cells[((r) - 1) * TANDEM_MATRIX_SIZE + ((c) - 1)])

/* The selected initiative's journey, drawn over the grid. */
static void
update_journey (TandemMatrixView *self)
{
  g_autoptr(GPtrArray) assessments = NULL;

  if (self->trajectory == NULL)
    return;

  if (self->selected != NULL && self->store != NULL)
    assessments = tandem_store_list_assessments (self->store, tandem_initiative_get_uuid (self->selected), NULL);

  tandem_trajectory_set_journey (TANDEM_TRAJECTORY (self->trajectory), assessments,
                                 self->selected ? tandem_initiative_get_target_row (self->selected) : 0,
                                 self->selected ? tandem_initiative_get_target_col (self->selected) : 0);
}

static void
update_marks (TandemMatrixView *self)
{
  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      {
        gboolean current = FALSE, target = FALSE;

        if (CELL (self, row, col) == NULL)
          continue;

        if (self->selected != NULL)
          {
            current = tandem_initiative_get_row (self->selected) == row &&
                      tandem_initiative_get_col (self->selected) == col;
            target = tandem_initiative_get_target_row (self->selected) == row &&
                     tandem_initiative_get_target_col (self->selected) == col;
          }

        tandem_matrix_cell_set_marks (TANDEM_MATRIX_CELL (CELL (self, row, col)), current, target);
      }

  update_journey (self);
}

static void
build (TandemMatrixView *self)
{
  TandemMatrix *matrix;
  GtkWidget *corner;

  if (self->overlay != NULL)
    {
      gtk_widget_unparent (self->overlay);
      self->overlay = self->grid = self->trajectory = NULL;
      memset (self->cells, 0, sizeof self->cells);
    }

  if (self->store == NULL)
    return;

  matrix = tandem_store_get_matrix (self->store);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);

  /* The journey is drawn on top; it lets every click through to the grid. */
  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->grid);
  self->trajectory = tandem_trajectory_new ();
  tandem_trajectory_set_matrix_view (TANDEM_TRAJECTORY (self->trajectory), self);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->trajectory);
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  gtk_grid_attach (GTK_GRID (self->grid), _tandem_heading_button_new (matrix, "design-axis", "axis-heading"), 1, 0, 3, 1);

  corner = _tandem_heading_button_new (matrix, "delivery-axis", "axis-heading");
  gtk_widget_set_valign (corner, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (self->grid), corner, 0, 1, 1, 1);

  for (guint i = 1; i <= TANDEM_MATRIX_SIZE; i++)
    {
      g_autofree char *design_key = g_strdup_printf ("design-%u", i);
      g_autofree char *delivery_key = g_strdup_printf ("delivery-%u", i);
      GtkWidget *column = _tandem_heading_button_new (matrix, design_key, "column-heading");
      GtkWidget *row = _tandem_heading_button_new (matrix, delivery_key, "row-heading");

      gtk_widget_set_hexpand (column, TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), column, i, 1, 1, 1);
      gtk_widget_set_size_request (row, 100, -1);
      gtk_grid_attach (GTK_GRID (self->grid), row, 0, i + 1, 1, 1);
    }

  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      {
        GtkWidget *cell = tandem_matrix_cell_new (self->store, row, col);

        gtk_widget_set_hexpand (cell, TRUE);
        gtk_widget_set_vexpand (cell, TRUE);
        gtk_widget_set_size_request (cell, 90, 140);
        CELL (self, row, col) = cell;
        gtk_grid_attach (GTK_GRID (self->grid), cell, col, row + 1, 1, 1);
      }

  update_marks (self);
}

static void
tandem_matrix_view_dispose (GObject *object)
{
  TandemMatrixView *self = (TandemMatrixView *)object;

  tandem_matrix_view_set_selected (self, NULL);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  self->grid = self->trajectory = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_matrix_view_parent_class)->dispose (object);
}

static void
tandem_matrix_view_class_init (TandemMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_matrix_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrix-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_matrix_view_init (TandemMatrixView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Service-design matrix"),
                                  -1);
}

GtkWidget *
tandem_matrix_view_new (void)
{
  return g_object_new (TANDEM_TYPE_MATRIX_VIEW, NULL);
}

void
tandem_matrix_view_set_store (TandemMatrixView *self,
                              TandemStore      *store)
{
  g_return_if_fail (TANDEM_IS_MATRIX_VIEW (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  tandem_matrix_view_set_selected (self, NULL);
  build (self);
}

void
tandem_matrix_view_set_selected (TandemMatrixView *self,
                                 TandemInitiative *initiative)
{
  g_return_if_fail (TANDEM_IS_MATRIX_VIEW (self));

  if (self->selected == initiative)
    return;

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, update_marks, self);

  g_set_object (&self->selected, initiative);

  /* Undo, redo and moves change the live initiative in place. */
  if (initiative != NULL)
    g_signal_connect_swapped (initiative, "notify", G_CALLBACK (update_marks), self);

  update_marks (self);
}

/**
 * tandem_matrix_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell widget at @row, @col
 */
/**
 * tandem_matrix_view_get_trajectory:
 *
 * Returns: (transfer none) (nullable): the overlay drawing the selected
 *   initiative's journey
 */
GtkWidget *
tandem_matrix_view_get_trajectory (TandemMatrixView *self)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX_VIEW (self), NULL);

  return self->trajectory;
}

TandemMatrixCell *
tandem_matrix_view_get_cell (TandemMatrixView *self,
                             guint             row,
                             guint             col)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX_VIEW (self), NULL);
  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  return CELL (self, row, col) ? TANDEM_MATRIX_CELL (CELL (self, row, col)) : NULL;
}
