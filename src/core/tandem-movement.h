/* tandem-movement.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tandem-cell.h"

G_BEGIN_DECLS

/*
 * Movement and progress.
 *
 * Where an initiative stood on a date is the cell of its latest assessment
 * on or before that date; an initiative with no assessment by then is not
 * counted for that date.
 *
 * Distance from full co-production is the number of steps across or down
 * the grid from the centre cell 2,2 (tandem_cell_distance(): 0, 1 or 2).
 * An initiative moved closer if its distance at the later date is smaller.
 */

typedef struct
{
  char  *from;                                   /* YYYY-MM-DD */
  char  *to;
  guint  from_counts[TANDEM_N_CELLS];            /* index (row-1)*3 + (col-1) */
  guint  to_counts[TANDEM_N_CELLS];
  guint  flows[TANDEM_N_CELLS][TANDEM_N_CELLS];  /* [from cell][to cell], both dates placed */
  guint  closer;
  guint  further;
  guint  same;
  guint  only_from;                              /* placed at @from, not at @to (cannot happen) */
  guint  only_to;                                /* first placed after @from */
} TandemMovement;

void            tandem_movement_free        (TandemMovement *movement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemMovement, tandem_movement_free)

/**
 * TandemTrack:
 * @TANDEM_TRACK_NO_TARGET: no target cell
 * @TANDEM_TRACK_REACHED: the current cell is the target
 * @TANDEM_TRACK_NO_DATE: a target cell but no target date
 * @TANDEM_TRACK_ON_TRACK: the distance left is no more than the time left allows
 * @TANDEM_TRACK_BEHIND: further from the target than a steady pace would be
 * @TANDEM_TRACK_OVERDUE: the target date has passed without reaching it
 */
typedef enum
{
  TANDEM_TRACK_NO_TARGET,
  TANDEM_TRACK_REACHED,
  TANDEM_TRACK_NO_DATE,
  TANDEM_TRACK_ON_TRACK,
  TANDEM_TRACK_BEHIND,
  TANDEM_TRACK_OVERDUE,
} TandemTrack;

guint           tandem_cell_steps           (guint        row_a,
                                             guint        col_a,
                                             guint        row_b,
                                             guint        col_b);
TandemTrack     tandem_track_compute        (guint        start_row,
                                             guint        start_col,
                                             const char  *start_date,
                                             guint        row,
                                             guint        col,
                                             guint        target_row,
                                             guint        target_col,
                                             const char  *target_date,
                                             const char  *today);
const char     *tandem_track_get_label      (TandemTrack  track);

G_END_DECLS
