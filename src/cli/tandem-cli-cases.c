/* tandem-cli-cases.c
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

/**
 * tandem_cli_cases:
 *
 * Prints one case study a line, as its ID, a tab and its title, in the
 * store's order (by title ignoring case, then by ID).  With --cell, only
 * the case studies visibly linked to that cell; with --search, only those
 * the portfolio's search finds; with both, those passing both.
 */
TandemCliExit
tandem_cli_cases (TandemStore         *store,
                  const TandemCliArgs *args)
{
  GListModel *cases = tandem_store_get_case_studies (store);
  g_autoptr(GHashTable) found = NULL;
  TandemCaseFilter filter = { 0 };

  if (args->search != NULL)
    {
      g_autoptr(GError) error = NULL;

      found = tandem_store_search_case_studies (store, args->search, &error);
      if (found == NULL)
        {
          fprintf (stderr, "tandem-cli: %s\n", error->message);
          return TANDEM_CLI_EXIT_CANT_OPEN;
        }
      filter.ids = found;
    }

  if (args->has_cell)
    {
      filter.row = args->row;
      filter.col = args->col;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(TandemCaseStudy) case_study = g_list_model_get_item (cases, i);
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;

      if (!tandem_case_filter_matches (&filter, case_study))
        continue;

      id = tandem_cli_text_one_line (tandem_case_study_get_id (case_study));
      title = tandem_cli_text_one_line (tandem_case_study_get_title (case_study));
      printf ("%s\t%s\n", id, title);
    }

  return TANDEM_CLI_EXIT_SUCCESS;
}
