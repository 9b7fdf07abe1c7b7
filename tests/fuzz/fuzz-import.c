/* fuzz-import.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-core.h"

/* A libFuzzer target for the two importers: every input is read as Tandem
 * JSON and as a CSV of initiatives, without a portfolio.  Either may
 * reject it, but neither may crash, leak or read out of bounds. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GError) csv_error = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(TandemChanges) changes = NULL;
  TandemCsvCounts counts = { 0 };

  import = tandem_exchange_read_json (NULL, bytes, "fuzz.json", &json_error);
  g_assert ((import == NULL) == (json_error != NULL));

  changes = tandem_csv_read_initiatives (NULL, bytes, "fuzz.csv", &counts, &csv_error);
  g_assert ((changes == NULL) == (csv_error != NULL));
  tandem_csv_counts_clear (&counts);

  return 0;
}
