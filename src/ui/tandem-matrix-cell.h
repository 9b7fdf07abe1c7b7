/* tandem-matrix-cell.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MATRIX_CELL (tandem_matrix_cell_get_type ())

G_DECLARE_FINAL_TYPE (TandemMatrixCell, tandem_matrix_cell, TANDEM, MATRIX_CELL, GtkWidget)

GtkWidget  *tandem_matrix_cell_new            (TandemStore      *store,
                                               guint             row,
                                               guint             col);
guint       tandem_matrix_cell_get_row        (TandemMatrixCell *self);
guint       tandem_matrix_cell_get_col        (TandemMatrixCell *self);
GListModel *tandem_matrix_cell_get_model      (TandemMatrixCell *self);
void        tandem_matrix_cell_set_marks      (TandemMatrixCell *self,
                                               gboolean          is_current,
                                               gboolean          is_target);

/* Shared with the matrix view: a flat button showing a matrix heading,
 * which opens a popover to reword it. */
GtkWidget  *_tandem_heading_button_new        (TandemMatrix     *matrix,
                                               const char       *key,
                                               const char       *style_class);

G_END_DECLS
