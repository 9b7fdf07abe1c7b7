/* tandem-trajectory.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"
#include "tandem-matrix-view.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TRAJECTORY (tandem_trajectory_get_type ())

G_DECLARE_FINAL_TYPE (TandemTrajectory, tandem_trajectory, TANDEM, TRAJECTORY, GtkWidget)

GtkWidget  *tandem_trajectory_new             (void);
void        tandem_trajectory_set_matrix_view (TandemTrajectory *self,
                                               TandemMatrixView *view);
void        tandem_trajectory_set_journey     (TandemTrajectory *self,
                                               GPtrArray        *assessments,
                                               guint             target_row,
                                               guint             target_col);
guint       tandem_trajectory_get_n_arrows    (TandemTrajectory *self);
const char *tandem_trajectory_get_description (TandemTrajectory *self);

G_END_DECLS
