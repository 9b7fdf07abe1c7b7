/* tandem-cli-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-core.h"

G_BEGIN_DECLS

/* The exit status of tandem-cli, as documented in its --help. */
typedef enum
{
  TANDEM_CLI_EXIT_SUCCESS    = 0,
  TANDEM_CLI_EXIT_USAGE      = 1,
  TANDEM_CLI_EXIT_CANT_OPEN  = 2,
  TANDEM_CLI_EXIT_NOT_FOUND  = 3,
  /* 4 is unused */
  TANDEM_CLI_EXIT_INVALID    = 5,
} TandemCliExit;

/* What the command line asked for, checked before the portfolio is opened. */
typedef struct
{
  const char         *path;      /* FILE, as given */
  const char * const *args;      /* what follows FILE, NULL-terminated */
  gboolean            has_cell;  /* --cell ROW,COL was given */
  guint               row;
  guint               col;
  const char         *search;    /* --search TEXT, or NULL */
  const char         *from;      /* --from DATE, a valid date, or NULL */
  const char         *to;        /* --to DATE, a valid date not before @from, or NULL */
  guint               n_initiatives;  /* --initiatives N */
  guint               n_assessments;  /* --assessments M */
  guint32             seed;      /* --seed S */
  gboolean            has_seed;  /* --seed S was given */
  const char         *format;    /* --format F: "json", "csv" or NULL */
  gboolean            assessment_rows;  /* --rows assessments: a CSV export of assessments */
} TandemCliArgs;

/* Whether "export" writes @path as CSV, given --format (or NULL). */
gboolean      tandem_cli_is_csv (const char          *path,
                                 const char          *format);

/* Each command takes an open portfolio and writes its report to stdout;
 * errors go to stderr as one line starting "tandem-cli: ".  A command
 * that makes a new FILE (generate) gets no portfolio, only @args. */
TandemCliExit tandem_cli_stats (TandemStore         *store,
                                const TandemCliArgs *args);
TandemCliExit tandem_cli_list  (TandemStore         *store,
                                const TandemCliArgs *args);
TandemCliExit tandem_cli_cases (TandemStore         *store,
                                const TandemCliArgs *args);
TandemCliExit tandem_cli_case  (TandemStore         *store,
                                const TandemCliArgs *args);
TandemCliExit tandem_cli_history  (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_movement (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_generate (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_report   (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_sheet    (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_blank_sheet (TandemStore      *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_export   (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_import   (TandemStore         *store,
                                   const TandemCliArgs *args);
TandemCliExit tandem_cli_validate (TandemStore         *store,
                                   const TandemCliArgs *args);

G_END_DECLS
