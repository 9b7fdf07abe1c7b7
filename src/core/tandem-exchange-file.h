/* tandem-exchange-file.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tandem-csv.h"
#include "tandem-exchange.h"

G_BEGIN_DECLS

/* What reading a file to import found; nothing is written yet. */
typedef struct
{
  char            *name;     /* the file's name, for messages */
  TandemImport    *import;   /* for Tandem JSON; else NULL */
  TandemChanges   *changes;  /* for CSV; else NULL */
  TandemCsvCounts  counts;   /* for CSV */
} TandemImportFile;

/* What an export to CSV holds, a row each. */
typedef enum
{
  TANDEM_CSV_ROWS_INITIATIVES,
  TANDEM_CSV_ROWS_ASSESSMENTS,
} TandemCsvRows;

gboolean          tandem_exchange_is_csv_name        (const char           *name);
GBytes           *tandem_exchange_load_file          (GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

void              tandem_import_file_read_async      (GFile                *portfolio,
                                                      GFile                *source,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
TandemImportFile *tandem_import_file_read_finish     (GAsyncResult         *result,
                                                      GError              **error);
void              tandem_import_file_free            (TandemImportFile     *file);

void              tandem_export_file_write_async     (GFile                *portfolio,
                                                      GFile                *target,
                                                      TandemCsvRows         rows,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          tandem_export_file_write_finish    (GAsyncResult         *result,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemImportFile, tandem_import_file_free)

G_END_DECLS
