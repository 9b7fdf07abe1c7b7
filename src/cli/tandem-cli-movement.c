/* tandem-cli-movement.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <stdio.h>

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

/*
 * The report is meant for scripts as much as for people, so it is plain
 * tab-separated lines whose first field says what they are, always in
 * this order:
 *
 *   from<TAB>2018-01-01
 *   to<TAB>2026-11-24
 *   1,1<TAB>FROM<TAB>TO          nine lines, 1,1 1,2 … 3,3, even when 0
 *   1,1 -> 2,2<TAB>N            one per pair of different cells with N > 0,
 *                               by the first cell, then the second
 *   closer<TAB>N
 *   further<TAB>N
 *   same<TAB>N
 *   new<TAB>N                   placed on the second date, not on the first
 */

static void
append_cell (GString *out,
             guint    index)
{
  g_string_append_printf (out, "%u,%u",
                          index / TANDEM_MATRIX_SIZE + 1,
                          index % TANDEM_MATRIX_SIZE + 1);
}

/**
 * tandem_cli_movement:
 *
 * Prints where the initiatives stood on --from and on --to, the moves
 * between cells, and how many came closer to full co-production.
 */
TandemCliExit
tandem_cli_movement (TandemStore         *store,
                     const TandemCliArgs *args)
{
  g_autoptr(TandemMovement) movement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;

  movement = tandem_store_compute_movement (store, args->from, args->to, NULL, &error);
  if (movement == NULL)
    {
      g_autofree char *line = tandem_cli_text_one_line (error->message);

      fprintf (stderr, "tandem-cli: %s\n", line);
      /* The dates were checked before the portfolio was opened. */
      return g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID)
        ? TANDEM_CLI_EXIT_USAGE : TANDEM_CLI_EXIT_CANT_OPEN;
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "from\t%s\n", args->from);
  g_string_append_printf (out, "to\t%s\n", args->to);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      append_cell (out, i);
      g_string_append_printf (out, "\t%u\t%u\n", movement->from_counts[i], movement->to_counts[i]);
    }

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    for (guint j = 0; j < TANDEM_N_CELLS; j++)
      {
        if (i == j || movement->flows[i][j] == 0)
          continue;

        append_cell (out, i);
        g_string_append (out, " -> ");
        append_cell (out, j);
        g_string_append_printf (out, "\t%u\n", movement->flows[i][j]);
      }

  g_string_append_printf (out, "closer\t%u\n", movement->closer);
  g_string_append_printf (out, "further\t%u\n", movement->further);
  g_string_append_printf (out, "same\t%u\n", movement->same);
  g_string_append_printf (out, "new\t%u\n", movement->only_to);

  fputs (out->str, stdout);
  return TANDEM_CLI_EXIT_SUCCESS;
}
