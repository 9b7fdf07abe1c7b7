/* bench-exchange.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How fast a big portfolio goes out and comes back in.  Not a test: it
 * prints timings.
 *
 *   tandem-cli generate --initiatives 10000 --assessments 100000 big.tandem
 *   _build/tests/bench-exchange big.tandem
 *
 * It exports FILE as Tandem JSON and CSV, imports both into new portfolios
 * (as tandem-cli does, and through the undo history as the window does),
 * merges the JSON back into FILE's twin (everything unchanged), and, if the
 * sqlite3 shell is installed, times it inserting the same initiatives and
 * assessments from the same JSON file into bare tables: the storage floor
 * Tandem's import can be compared with.  FILE is only read; everything
 * else is written to a temporary folder, removed at the end.  Times are
 * wall-clock milliseconds.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tandem-core.h"
#include "tandem-test-utils.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
check (gboolean    ok,
       const char *what,
       GError     *error)
{
  if (ok)
    return;

  fprintf (stderr, "bench-exchange: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static TandemStore *
new_portfolio (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TandemStore *store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);

  check (store != NULL, "create", error);
  return store;
}

/* Reads @json against @store and writes it, directly or as one undoable
 * step; returns the milliseconds the whole import took. */
static double
import_json (TandemStore *store,
             GBytes      *json,
             gboolean     with_history,
             const char  *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImport) import = NULL;
  TandemImportCounts counts;
  gint64 start = g_get_monotonic_time ();
  gint64 written;
  double read_ms;

  import = tandem_exchange_read_json (store, json, "big.json", &error);
  check (import != NULL, "read_json", error);
  read_ms = ms_since (start);

  written = g_get_monotonic_time ();
  if (with_history)
    {
      g_autoptr(TandemHistory) history = tandem_history_new (store);

      check (tandem_history_apply (history, tandem_import_build_changes (import), "Import", &error),
             "history_apply", error);
    }
  else
    check (tandem_import_apply (import, &error), "import_apply", error);

  tandem_import_get_counts (import, &counts);
  printf ("%s: %.0f ms (read, check and compare %.0f ms; write %.0f ms): %u new initiatives, %u new assessments, %u unchanged\n",
          label, ms_since (start), read_ms, ms_since (written),
          counts.new_initiatives, counts.new_assessments, counts.unchanged);
  return ms_since (start);
}

/* Tandem's own tables (made by Tandem, empty), so that the shell pays for
 * the same rows, keys, indexes and checks; columns the JSON holds as names
 * (stage, level, the Four Co's…) are left at their defaults. */
static const char floor_sql[] =
  "PRAGMA foreign_keys = ON;"
  "BEGIN;"
  "CREATE TEMP TABLE doc AS SELECT readfile('%s') AS text;"
  "INSERT INTO initiative (uuid, title, organisation, service_area, place, description, created, updated,"
  " cell_row, cell_col)"
  " SELECT json_extract(value, '$.uuid'), json_extract(value, '$.title'),"
  " coalesce(json_extract(value, '$.organisation'), ''), coalesce(json_extract(value, '$.service_area'), ''),"
  " coalesce(json_extract(value, '$.place'), ''), coalesce(json_extract(value, '$.description'), ''),"
  " json_extract(value, '$.created'), json_extract(value, '$.updated'),"
  " CAST(substr(json_extract(value, '$.cell'), 1, 1) AS INTEGER),"
  " CAST(substr(json_extract(value, '$.cell'), 3, 1) AS INTEGER)"
  " FROM doc, json_each(doc.text, '$.initiatives');"
  "INSERT INTO assessment (id, initiative_uuid, date, cell_row, cell_col, notes, participants)"
  " SELECT json_extract(a.value, '$.id'), json_extract(i.value, '$.uuid'), json_extract(a.value, '$.date'),"
  " CAST(substr(json_extract(a.value, '$.cell'), 1, 1) AS INTEGER),"
  " CAST(substr(json_extract(a.value, '$.cell'), 3, 1) AS INTEGER),"
  " coalesce(json_extract(a.value, '$.notes'), ''), coalesce(json_extract(a.value, '$.participants'), '')"
  " FROM doc, json_each(doc.text, '$.initiatives') AS i, json_each(i.value, '$.assessments') AS a;"
  "COMMIT;"
  "SELECT count(*) FROM initiative; SELECT count(*) FROM assessment;";

/* The sqlite3 shell inserting the same rows from the same file. */
static void
storage_floor (const char *dir,
               const char *json_path)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *sql = NULL;
  g_autofree char *out = NULL;
  g_autofree char *db = NULL;
  g_autoptr(TandemStore) empty = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start;

  if (shell == NULL)
    {
      printf ("sqlite3 shell: not installed (apt-get install sqlite3), skipped\n");
      return;
    }

  empty = new_portfolio (dir, "floor.tandem");
  db = g_file_get_path (tandem_store_get_file (empty));
  tandem_store_close (empty);

  sql = g_strdup_printf (floor_sql, json_path);
  {
    const char *args[] = { shell, "-batch", db, sql, NULL };

    start = g_get_monotonic_time ();
    check (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error) && g_spawn_check_wait_status (status, &error),
           "sqlite3", error);
  }
  g_strdelimit (out, "\n", ' ');
  printf ("sqlite3 shell, the same JSON file into Tandem's tables, one transaction: %.0f ms (rows: %s)\n",
          ms_since (start), out);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemStore) fresh = NULL;
  g_autoptr(TandemStore) through_history = NULL;
  g_autoptr(TandemStore) from_csv = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemChanges) csv_changes = NULL;
  TandemCsvCounts csv_counts;
  char *text;
  gint64 start;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: bench-exchange FILE.tandem\n");
      return 2;
    }

  dir = g_dir_make_tmp ("tandem-bench-exchange-XXXXXX", NULL);
  file = g_file_new_for_commandline_arg (argv[1]);

  start = g_get_monotonic_time ();
  store = tandem_store_open (file, TANDEM_STORE_READ_ONLY, &error);
  check (store != NULL, "open", error);
  printf ("open %s (%u initiatives): %.0f ms\n", argv[1],
          g_list_model_get_n_items (tandem_store_get_initiatives (store)), ms_since (start));

  start = g_get_monotonic_time ();
  text = tandem_exchange_export_json (store, NULL, &error);
  check (text != NULL, "export_json", error);
  printf ("export Tandem JSON: %.0f ms (%.1f MB)\n", ms_since (start), strlen (text) / 1e6);
  json = g_bytes_new_take (text, strlen (text));
  json_path = g_build_filename (dir, "big.json", NULL);
  check (g_file_set_contents (json_path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error),
         "write", error);

  start = g_get_monotonic_time ();
  text = tandem_csv_export_initiatives (store);
  printf ("export CSV of initiatives: %.0f ms (%.1f MB)\n", ms_since (start), strlen (text) / 1e6);
  csv = g_bytes_new_take (text, strlen (text));

  start = g_get_monotonic_time ();
  {
    g_autoptr(TandemImport) import = tandem_exchange_read_json (NULL, json, "big.json", &error);

    check (import != NULL, "validate", error);
  }
  printf ("validate the JSON (no portfolio): %.0f ms\n", ms_since (start));

  fresh = new_portfolio (dir, "fresh.tandem");
  import_json (fresh, json, FALSE, "import JSON into a new portfolio (as tandem-cli)");

  through_history = new_portfolio (dir, "history.tandem");
  import_json (through_history, json, TRUE, "import JSON into a new portfolio, undoable (as the window)");

  import_json (fresh, json, FALSE, "merge the same JSON again (all unchanged)");

  from_csv = new_portfolio (dir, "csv.tandem");
  start = g_get_monotonic_time ();
  csv_changes = tandem_csv_read_initiatives (from_csv, csv, "big.csv", &csv_counts, &error);
  check (csv_changes != NULL, "read csv", error);
  check (tandem_store_apply (from_csv, csv_changes, &error), "apply csv", error);
  printf ("import CSV into a new portfolio: %.0f ms (%u new initiatives)\n", ms_since (start),
          csv_counts.new_initiatives);
  tandem_csv_counts_clear (&csv_counts);

  storage_floor (dir, json_path);

  tandem_store_close (fresh);
  tandem_store_close (through_history);
  tandem_store_close (from_csv);
  tandem_test_remove_recursively (dir);
  return 0;
}
