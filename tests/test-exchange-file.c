/* test-exchange-file.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-exchange-file.h"
#include "tandem-test-utils.h"

/* Exports and imports of whole files in a worker thread: what the window
 * uses so that a large file never blocks it.  The worker reads through its
 * own connection while the caller's store stays open. */

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
export_rows_to (TandemTestFixture  *fixture,
                GFile              *target,
                TandemCsvRows       rows,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_export_file_write_async (fixture->file, target, rows, cancellable, store_result_cb, &result);
  return tandem_export_file_write_finish (wait_for (&result), error);
}

static gboolean
export_to (TandemTestFixture  *fixture,
           GFile              *target,
           GCancellable       *cancellable,
           GError            **error)
{
  return export_rows_to (fixture, target, TANDEM_CSV_ROWS_INITIATIVES, cancellable, error);
}

static TandemImportFile *
read_from (GFile         *portfolio,
           GFile         *source,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tandem_import_file_read_async (portfolio, source, cancellable, store_result_cb, &result);
  return tandem_import_file_read_finish (wait_for (&result), error);
}

static void
test_is_csv_name (void)
{
  g_assert_true (tandem_exchange_is_csv_name ("sheet.csv"));
  g_assert_true (tandem_exchange_is_csv_name ("/a/b/SHEET.CSV"));
  g_assert_false (tandem_exchange_is_csv_name ("portfolio.json"));
  g_assert_false (tandem_exchange_is_csv_name ("csv"));
  /* As tandem-cli has always read names: .csv or .CSV only. */
  g_assert_false (tandem_exchange_is_csv_name ("sheet.Csv"));
  g_assert_false (tandem_exchange_is_csv_name (""));
}

/* The worked example, exported as JSON in the background, reads back into
 * a new portfolio as three new initiatives; as CSV, likewise. */
static void
test_round_trip (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  const char *name = data;
  g_autofree char *out_path = tandem_test_fixture_build_path (fixture, name);
  g_autofree char *new_path = tandem_test_fixture_build_path (fixture, "new.tandem");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(TandemStore) new_store = NULL;
  g_autoptr(TandemImportFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store));

  g_assert_true (export_to (fixture, out, NULL, &error));
  g_assert_no_error (error);

  new_store = tandem_store_open (new_file, TANDEM_STORE_CREATE, &error);
  g_assert_no_error (error);
  file = read_from (new_file, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpstr (file->name, ==, name);

  if (tandem_exchange_is_csv_name (name))
    {
      g_assert_null (file->import);
      g_assert_cmpuint (file->counts.new_initiatives, ==, n);
      g_assert_true (tandem_store_apply (new_store, file->changes, &error));
    }
  else
    {
      TandemImportCounts counts;

      g_assert_null (file->changes);
      tandem_import_get_counts (file->import, &counts);
      g_assert_cmpuint (counts.new_initiatives, ==, n);
      g_assert_cmpuint (counts.conflicts, ==, 0);
      g_assert_true (tandem_store_apply (new_store, tandem_import_get_changes (file->import), &error));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (new_store)), ==, n);

  /* Read again against the portfolio that now has them: nothing is new. */
  g_clear_pointer (&file, tandem_import_file_free);
  file = read_from (new_file, out, NULL, &error);
  g_assert_no_error (error);
  if (file->import != NULL)
    {
      TandemImportCounts counts;

      tandem_import_get_counts (file->import, &counts);
      g_assert_cmpuint (counts.new_initiatives, ==, 0);
    }
  else
    g_assert_cmpuint (file->counts.unchanged, ==, n);

  tandem_test_close_store (g_steal_pointer (&new_store));
}

/* A CSV export can have a row for each assessment instead. */
static void
test_assessment_rows (TandemTestFixture *fixture,
                      gconstpointer      data)
{
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "assessments.csv");
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GListModel *initiatives = tandem_store_get_initiatives (fixture->store);

  g_assert_true (export_rows_to (fixture, out, TANDEM_CSV_ROWS_ASSESSMENTS, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  /* The same text as the core writes directly. */
  expected = tandem_csv_export_assessments (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (g_str_has_prefix (text, "initiative_uuid,initiative_title,assessment_id,date,"));
  g_assert_cmpuint (g_list_model_get_n_items (initiatives), >, 0);
}

/* A bad file is reported with its name and where it is wrong; a missing
 * one with GIO's error; nothing is written. */
static void
test_bad_files (TandemTestFixture *fixture,
                gconstpointer      data)
{
  g_autofree char *bad_path = tandem_test_fixture_build_path (fixture, "bad.csv");
  g_autofree char *missing_path = tandem_test_fixture_build_path (fixture, "missing.json");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(TandemTestState) before = tandem_test_state_capture (fixture->store);
  g_autoptr(GError) error = NULL;

  const char *sheet = "title,organisation,service_area,place,delivery,design,date\nA,,,,2,middle,2020-01-01\n";

  tandem_test_write_file (bad_path, sheet, strlen (sheet));
  g_assert_null (read_from (fixture->file, bad, NULL, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "bad.csv: line 2: column “design”: “middle” is not 1, 2 or 3");
  g_clear_error (&error);

  g_assert_null (read_from (fixture->file, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Not a portfolio to compare with. */
  g_assert_null (read_from (missing, bad, NULL, &error));
  g_assert_nonnull (error);

  tandem_test_assert_state (before, fixture->store);
  tandem_test_assert_disk_matches (fixture->store);
}

/* Cancelled, an export leaves the file it would have replaced untouched
 * and an import reports the cancellation. */
static void
test_cancel (TandemTestFixture *fixture,
             gconstpointer      data)
{
  g_autofree char *out_path = tandem_test_fixture_build_path (fixture, "out.json");
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  tandem_test_write_file (out_path, "precious", strlen ("precious"));
  g_cancellable_cancel (cancellable);

  g_assert_false (export_to (fixture, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");

  g_assert_null (read_from (fixture->file, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/exchange-file/is-csv-name", test_is_csv_name);
  g_test_add ("/core/exchange-file/round-trip/json", TandemTestFixture, "example.json",
              tandem_test_fixture_setup_seeded, test_round_trip, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange-file/round-trip/csv", TandemTestFixture, "example.csv",
              tandem_test_fixture_setup_seeded, test_round_trip, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange-file/assessment-rows", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_assessment_rows, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange-file/bad-files", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_bad_files, tandem_test_fixture_teardown);
  g_test_add ("/core/exchange-file/cancel", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_cancel, tandem_test_fixture_teardown);

  return g_test_run ();
}
