/* tandem-cli-report.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

/**
 * tandem_cli_report:
 *
 * Writes the PDF report of FILE to OUT.pdf: the matrix, the movement
 * between --from and --to if both are given, and a page per initiative.
 */
TandemCliExit
tandem_cli_report (TandemStore         *store,
                   const TandemCliArgs *args)
{
  TandemReportOptions options = { args->from, args->to, NULL };
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  if ((args->from == NULL) != (args->to == NULL))
    {
      fprintf (stderr, "tandem-cli: %s\n", _("report wants both --from and --to, or neither"));
      return TANDEM_CLI_EXIT_USAGE;
    }

  if (!tandem_report_write_pdf (store, &options, args->args[0], &pages, &error))
    {
      g_autofree char *line = tandem_cli_text_one_line (error->message);

      fprintf (stderr, "tandem-cli: %s\n", line);
      return g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID)
        ? TANDEM_CLI_EXIT_USAGE : TANDEM_CLI_EXIT_CANT_OPEN;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%s: report of %u page written to %s\n",
                       "%s: report of %u pages written to %s\n", pages),
          args->path, pages, args->args[0]);

  return TANDEM_CLI_EXIT_SUCCESS;
}

static TandemCliExit
write_sheet (TandemStore         *store,
             const TandemCliArgs *args,
             gboolean             counts)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_report_write_sheet (store, args->args[0], counts, &error))
    {
      g_autofree char *line = tandem_cli_text_one_line (error->message);

      fprintf (stderr, "tandem-cli: %s\n", line);
      return g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID)
        ? TANDEM_CLI_EXIT_USAGE : TANDEM_CLI_EXIT_CANT_OPEN;
    }

  printf (_("%s: matrix written to %s\n"), args->path, args->args[0]);
  return TANDEM_CLI_EXIT_SUCCESS;
}

/**
 * tandem_cli_sheet:
 *
 * Writes the matrix with its counts to OUT: an A3 sheet (.pdf) or an
 * image (.svg, .png).
 */
TandemCliExit
tandem_cli_sheet (TandemStore         *store,
                  const TandemCliArgs *args)
{
  return write_sheet (store, args, TRUE);
}

/**
 * tandem_cli_blank_sheet:
 *
 * As tandem_cli_sheet(), without the counts: for a workshop wall.
 */
TandemCliExit
tandem_cli_blank_sheet (TandemStore         *store,
                        const TandemCliArgs *args)
{
  return write_sheet (store, args, FALSE);
}
