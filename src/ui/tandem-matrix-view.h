/* tandem-matrix-view.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"
#include "tandem-matrix-cell.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MATRIX_VIEW (tandem_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (TandemMatrixView, tandem_matrix_view, TANDEM, MATRIX_VIEW, GtkWidget)

GtkWidget        *tandem_matrix_view_new          (void);
void              tandem_matrix_view_set_store    (TandemMatrixView *self,
                                                   TandemStore      *store);
void              tandem_matrix_view_set_selected (TandemMatrixView *self,
                                                   TandemInitiative *initiative);
GtkWidget        *tandem_matrix_view_get_trajectory (TandemMatrixView *self);
TandemMatrixCell *tandem_matrix_view_get_cell     (TandemMatrixView *self,
                                                   guint             row,
                                                   guint             col);

G_END_DECLS
