/* tandem-cell.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-cell.h"
#include "tandem-error.h"

gboolean
tandem_cell_is_valid (guint row,
                      guint col)
{
  return row >= 1 && row <= TANDEM_MATRIX_SIZE &&
         col >= 1 && col <= TANDEM_MATRIX_SIZE;
}

static gboolean
parse_index (const char  *text,
             guint       *value)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 1, TANDEM_MATRIX_SIZE, &v, NULL))
    return FALSE;

  *value = (guint) v;
  return TRUE;
}

/**
 * tandem_cell_parse:
 * @text: a cell address such as "2,2" (spaces around the numbers are allowed)
 * @row: (out): the delivery row, 1 to 3
 * @col: (out): the design column, 1 to 3
 * @error: return location for a %TANDEM_STORE_ERROR_INVALID error
 *
 * Returns: %TRUE if @text addresses one of the nine cells.
 */
gboolean
tandem_cell_parse (const char  *text,
                   guint       *row,
                   guint       *col,
                   GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint r, c;

  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (col != NULL, FALSE);

  /* The usual "R,C", without splitting (an import reads thousands). */
  if (text != NULL && text[0] >= '1' && text[0] <= '3' && text[1] == ',' &&
      text[2] >= '1' && text[2] <= '3' && text[3] == '\0')
    {
      *row = text[0] - '0';
      *col = text[2] - '0';
      return TRUE;
    }

  if (text != NULL)
    parts = g_strsplit (text, ",", -1);

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !parse_index (g_strstrip (parts[0]), &r) ||
      !parse_index (g_strstrip (parts[1]), &c))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("“%s” is not a matrix cell: write ROW,COL with each from 1 to 3, for example 2,2"),
                   text ? text : "");
      return FALSE;
    }

  *row = r;
  *col = c;
  return TRUE;
}

/**
 * tandem_cell_to_string:
 *
 * Returns: (transfer full): the address "ROW,COL".
 */
char *
tandem_cell_to_string (guint row,
                       guint col)
{
  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  return g_strdup_printf ("%u,%u", row, col);
}

/**
 * tandem_cell_distance:
 *
 * The distance of a cell from full co-production: the number of steps on
 * the grid, sideways or up and down, from the centre cell.  The centre is 0,
 * its four neighbours 1 and the four corners 2.
 *
 * Returns: 0, 1 or 2
 */
guint
tandem_cell_distance (guint row,
                      guint col)
{
  g_return_val_if_fail (tandem_cell_is_valid (row, col), G_MAXUINT);

  return ABS ((int) row - TANDEM_FULL_COPRODUCTION_ROW) +
         ABS ((int) col - TANDEM_FULL_COPRODUCTION_COL);
}
