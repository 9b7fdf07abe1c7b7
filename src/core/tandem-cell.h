/* tandem-cell.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A cell of the service-design matrix is addressed everywhere as ROW,COL,
 * both counted from 1.  ROW is responsibility for delivery (1 professionals
 * alone, 2 professionals and users/communities together, 3 users/communities
 * alone); COL is responsibility for design (1 professionals alone, 2 co-planners,
 * 3 no professional input).  Full co-production is 2,2.
 */

#define TANDEM_MATRIX_SIZE 3
#define TANDEM_N_CELLS     9

#define TANDEM_FULL_COPRODUCTION_ROW 2
#define TANDEM_FULL_COPRODUCTION_COL 2

gboolean  tandem_cell_is_valid    (guint        row,
                                   guint        col);
gboolean  tandem_cell_parse       (const char  *text,
                                   guint       *row,
                                   guint       *col,
                                   GError     **error);
char     *tandem_cell_to_string   (guint        row,
                                   guint        col);
guint     tandem_cell_distance    (guint        row,
                                   guint        col);

G_END_DECLS
