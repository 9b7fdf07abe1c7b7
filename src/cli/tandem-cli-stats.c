/* tandem-cli-stats.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

/*
 * The table is laid out for a terminal 100 columns wide, whatever the
 * terminal really is, so that the output is the same everywhere:
 *
 *   HEADING (18) " | " CELL (24) " | " CELL (24) " | " CELL (24)  = 99
 *
 * Each cell shows its count, right-aligned, two spaces and its label,
 * wrapped under itself.  Longer wording is cut after MAX_LINES lines.
 */
#define HEADING_WIDTH 18
#define CELL_WIDTH    24
#define COLUMN_SEP    " | "
#define RULE_SEP      "-+-"
#define MAX_LINES     6

#define TABLE_WIDTH (HEADING_WIDTH + TANDEM_MATRIX_SIZE * (3 + CELL_WIDTH))

/* One row of the table: the text of its four columns, already wrapped. */
typedef struct
{
  GStrv columns[1 + TANDEM_MATRIX_SIZE];
} TableRow;

static void
table_row_clear (TableRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
    g_clear_pointer (&row->columns[i], g_strfreev);
}

static void
print_rule (void)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < HEADING_WIDTH; i++)
    g_string_append_c (line, '-');

  for (guint col = 0; col < TANDEM_MATRIX_SIZE; col++)
    {
      g_string_append (line, RULE_SEP);
      for (guint i = 0; i < CELL_WIDTH; i++)
        g_string_append_c (line, '-');
    }

  printf ("%s\n", line->str);
  g_string_free (line, TRUE);
}

static void
print_table_row (const TableRow *row)
{
  guint height = 1;

  for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
    height = MAX (height, g_strv_length (row->columns[i]));

  for (guint line_no = 0; line_no < height; line_no++)
    {
      GString *line = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
        {
          GStrv column = row->columns[i];
          const char *text = line_no < g_strv_length (column) ? column[line_no] : NULL;

          if (i > 0)
            g_string_append (line, COLUMN_SEP);

          tandem_cli_text_append_padded (line, text, i == 0 ? HEADING_WIDTH : CELL_WIDTH);
        }

      tandem_cli_text_rstrip (line);
      printf ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

/* The count, right-aligned in @count_width columns, two spaces and the
 * label wrapped to the rest of the cell with its lines aligned. */
static GStrv
format_cell (guint       count,
             guint       count_width,
             const char *label)
{
  guint label_width = CELL_WIDTH - count_width - 2;
  g_auto(GStrv) wrapped = tandem_cli_text_wrap (label, label_width, MAX_LINES);
  GPtrArray *lines = g_ptr_array_new ();

  if (wrapped[0] == NULL)
    g_ptr_array_add (lines, g_strdup_printf ("%*u", (int) count_width, count));

  for (guint i = 0; wrapped[i] != NULL; i++)
    {
      if (i == 0)
        g_ptr_array_add (lines, g_strdup_printf ("%*u  %s", (int) count_width, count, wrapped[i]));
      else
        g_ptr_array_add (lines, g_strdup_printf ("%*s  %s", (int) count_width, "", wrapped[i]));
    }

  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static guint
count_digits (guint n)
{
  guint digits = 1;

  while (n >= 10)
    {
      n /= 10;
      digits++;
    }

  return digits;
}

/**
 * tandem_cli_stats:
 *
 * Prints how many initiatives are in each of the nine cells, as a 3×3
 * table in the portfolio's own wording, and the total.
 */
TandemCliExit
tandem_cli_stats (TandemStore         *store,
                  const TandemCliArgs *args)
{
  TandemMatrix *matrix = tandem_store_get_matrix (store);
  guint counts[TANDEM_MATRIX_SIZE][TANDEM_MATRIX_SIZE];
  guint total = 0;
  guint count_width = 1;
  TableRow row;

  for (guint r = 1; r <= TANDEM_MATRIX_SIZE; r++)
    for (guint c = 1; c <= TANDEM_MATRIX_SIZE; c++)
      {
        counts[r - 1][c - 1] = tandem_store_count_in_cell (store, r, c);
        total += counts[r - 1][c - 1];
        count_width = MAX (count_width, count_digits (counts[r - 1][c - 1]));
      }

  /* Title: the design axis, above the three columns it heads. */
  {
    const guint indent = HEADING_WIDTH + 3;
    g_auto(GStrv) title = tandem_cli_text_wrap (tandem_matrix_get_label (matrix, "design-axis"),
                                                TABLE_WIDTH - indent, MAX_LINES);

    for (guint i = 0; title[i] != NULL; i++)
      printf ("%*s%s\n", (int) indent, "", title[i]);
  }

  /* Header row: the delivery axis in the corner, then the column headings. */
  row.columns[0] = tandem_cli_text_wrap (tandem_matrix_get_label (matrix, "delivery-axis"),
                                         HEADING_WIDTH, MAX_LINES);
  for (guint c = 1; c <= TANDEM_MATRIX_SIZE; c++)
    row.columns[c] = tandem_cli_text_wrap (tandem_matrix_get_column_heading (matrix, c),
                                           CELL_WIDTH, MAX_LINES);
  print_table_row (&row);
  table_row_clear (&row);
  print_rule ();

  for (guint r = 1; r <= TANDEM_MATRIX_SIZE; r++)
    {
      row.columns[0] = tandem_cli_text_wrap (tandem_matrix_get_row_heading (matrix, r),
                                             HEADING_WIDTH, MAX_LINES);
      for (guint c = 1; c <= TANDEM_MATRIX_SIZE; c++)
        row.columns[c] = format_cell (counts[r - 1][c - 1], count_width,
                                      tandem_matrix_get_cell_label (matrix, r, c));
      print_table_row (&row);
      table_row_clear (&row);
      print_rule ();
    }

  printf (ngettext ("Total: %u initiative\n", "Total: %u initiatives\n", total), total);

  return TANDEM_CLI_EXIT_SUCCESS;
}
