/* tandem-csv.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-changes.h"
#include "tandem-store.h"

G_BEGIN_DECLS

/* Limits on what the CSV reader accepts. */
#define TANDEM_CSV_MAX_SIZE  ((gsize) 256 * 1024 * 1024)
#define TANDEM_CSV_MAX_FIELD ((gsize) 64 * 1024)

/* One record of a CSV file: its fields and the line it starts on. */
typedef struct
{
  guint   line;
  GStrv   fields;
} TandemCsvRecord;

GPtrArray     *tandem_csv_parse               (GBytes      *csv,
                                               const char  *name,
                                               GError     **error);

char          *tandem_csv_export_initiatives  (TandemStore *store);
char          *tandem_csv_export_assessments  (TandemStore *store,
                                               guint       *n_rows,
                                               GError     **error);

/* What reading a CSV of initiatives found, for the summary. */
typedef struct
{
  guint   rows;
  guint   new_initiatives;
  guint   moved;
  guint   unchanged;
  GStrv   notices;    /* e.g. columns that were ignored */
} TandemCsvCounts;

TandemChanges *tandem_csv_read_initiatives    (TandemStore      *store,
                                               GBytes           *csv,
                                               const char       *name,
                                               TandemCsvCounts  *counts,
                                               GError          **error);
void           tandem_csv_counts_clear        (TandemCsvCounts  *counts);

G_END_DECLS
