/* tandem-movement.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "tandem-movement.h"

void
tandem_movement_free (TandemMovement *movement)
{
  if (movement == NULL)
    return;

  g_free (movement->from);
  g_free (movement->to);
  g_free (movement);
}

/**
 * tandem_cell_steps:
 *
 * Returns: the number of steps across and down the grid between two cells
 */
guint
tandem_cell_steps (guint row_a,
                   guint col_a,
                   guint row_b,
                   guint col_b)
{
  return ABS ((int) row_a - (int) row_b) + ABS ((int) col_a - (int) col_b);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * tandem_track_compute:
 * @start_row: where the journey started (the first assessment)
 * @start_date: when it started
 * @row: where it is now
 * @target_row: where it should get to, or 0 with @target_col for none
 * @target_date: (nullable): by when
 * @today: today's date
 *
 * Whether an initiative is on track for its target.  A steady pace is
 * assumed: of the steps from the start to the target, the share still
 * left may be no more than the share of time still left.
 */
TandemTrack
tandem_track_compute (guint       start_row,
                      guint       start_col,
                      const char *start_date,
                      guint       row,
                      guint       col,
                      guint       target_row,
                      guint       target_col,
                      const char *target_date,
                      const char *today)
{
  GDate start, target, now;
  int total, left;
  guint d0, d, allowed;

  if (target_row == 0 || target_col == 0)
    return TANDEM_TRACK_NO_TARGET;

  if (row == target_row && col == target_col)
    return TANDEM_TRACK_REACHED;

  if (!parse_date (target_date, &target) || !parse_date (today, &now))
    return TANDEM_TRACK_NO_DATE;

  if (g_date_compare (&now, &target) > 0)
    return TANDEM_TRACK_OVERDUE;

  if (!parse_date (start_date, &start))
    start = now;

  d0 = tandem_cell_steps (start_row, start_col, target_row, target_col);
  d = tandem_cell_steps (row, col, target_row, target_col);
  total = g_date_days_between (&start, &target);
  left = g_date_days_between (&now, &target);
  allowed = total > 0 ? (guint) ceil ((double) d0 * left / total) : 0;

  return d <= allowed ? TANDEM_TRACK_ON_TRACK : TANDEM_TRACK_BEHIND;
}

const char *
tandem_track_get_label (TandemTrack track)
{
  switch (track)
    {
    case TANDEM_TRACK_NO_TARGET: return _("No target cell");
    case TANDEM_TRACK_REACHED: return _("Target reached");
    case TANDEM_TRACK_NO_DATE: return _("No target date set");
    case TANDEM_TRACK_ON_TRACK: return _("On track");
    case TANDEM_TRACK_BEHIND: return _("Behind: further from the target than a steady pace would be");
    case TANDEM_TRACK_OVERDUE: return _("Overdue: the target date has passed");
    default: g_return_val_if_reached (NULL);
    }
}
