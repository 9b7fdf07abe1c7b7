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
} TandemCliExit;

/* Each command takes an open portfolio and writes its report to stdout. */
TandemCliExit tandem_cli_stats (TandemStore *store);
TandemCliExit tandem_cli_list  (TandemStore *store);

G_END_DECLS
