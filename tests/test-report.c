/* test-report.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tandem-test-utils.h"

static void
write_ok (TandemTestFixture         *fixture,
          const TandemReportOptions *options,
          guint                      expected)
{
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "report.pdf");
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  g_assert_true (tandem_report_write_pdf (fixture->store, options, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, expected);
  g_assert_cmpuint (tandem_test_count_pdf_pages (path), ==, expected);
}

static void
test_pages (TandemTestFixture *fixture,
            gconstpointer      data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  TandemInitiative *youth = tandem_test_find_by_title (fixture->store, "Youth employability service (worked example)");
  TandemReportOptions period = { "2020-01-01", "2026-01-01", NULL };
  TandemReportOptions one = { NULL, NULL, uuids };

  /* The matrix, then one page for each of the three initiatives. */
  write_ok (fixture, NULL, 4);
  /* And the movement over a period. */
  write_ok (fixture, &period, 5);

  g_ptr_array_add (uuids, (gpointer) tandem_initiative_get_uuid (youth));
  g_ptr_array_add (uuids, (gpointer) "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");   /* gone: skipped */
  write_ok (fixture, &one, 2);
}

static void
test_bad (TandemTestFixture *fixture,
          gconstpointer      data)
{
  g_autofree char *nowhere = tandem_test_fixture_build_path (fixture, "no such folder/report.pdf");
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "report.pdf");
  TandemReportOptions backwards = { "2026-01-01", "2020-01-01", NULL };
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_report_write_pdf (fixture->store, NULL, nowhere, NULL, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no such folder/report.pdf"));
  g_clear_error (&error);

  g_assert_false (tandem_report_write_pdf (fixture->store, &backwards, path, NULL, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  tandem_test_assert_state (state, fixture->store);
}

typedef struct
{
  guint         calls;
  guint         done;
  guint         total;
  guint         cancel_at;   /* cancel after this many parts; 0 for never */
  GCancellable *cancellable;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* One call after each part, counting up to the same total. */
  g_assert_cmpuint (done, ==, progress->done + 1);
  g_assert_true (progress->total == 0 || progress->total == total);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->done = done;
  progress->total = total;

  if (done == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress (TandemTestFixture *fixture,
               gconstpointer      data)
{
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "report.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0 };
  TandemReportOptions options = {
    .from = "2020-01-01", .to = "2026-01-01",
    .cancellable = cancellable, .progress = progress_cb, .progress_data = &progress,
  };
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  /* The matrix, the movement and three initiatives. */
  g_assert_true (tandem_report_write_pdf (fixture->store, &options, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, 5);
  g_assert_cmpuint (progress.done, ==, 5);
  g_assert_cmpuint (progress.total, ==, 5);
  g_assert_cmpuint (pages, ==, 5);
  g_assert_cmpuint (tandem_test_count_pdf_pages (path), ==, 5);
}

static void
test_cancel (TandemTestFixture *fixture,
             gconstpointer      data)
{
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "report.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { .cancel_at = 2, .cancellable = cancellable };
  TandemReportOptions options = {
    .cancellable = cancellable, .progress = progress_cb, .progress_data = &progress,
  };
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  /* Cancelled half-way: no file, however much was written. */
  g_assert_false (tandem_report_write_pdf (fixture->store, &options, path, &pages, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.done, ==, 2);
  g_assert_cmpuint (progress.total, ==, 4);
  g_assert_cmpuint (pages, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Cancelled before it starts: nothing at all. */
  progress = (Progress) { 0 };
  g_assert_false (tandem_report_write_pdf (fixture->store, &options, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  tandem_test_assert_state (state, fixture->store);
}

static void
test_sheet (TandemTestFixture *fixture,
            gconstpointer      data)
{
  g_autofree char *pdf = tandem_test_fixture_build_path (fixture, "wall.pdf");
  g_autofree char *svg = tandem_test_fixture_build_path (fixture, "matrix.svg");
  g_autofree char *png = tandem_test_fixture_build_path (fixture, "matrix.PNG");
  g_autofree char *txt = tandem_test_fixture_build_path (fixture, "matrix.txt");
  g_autofree char *nowhere = tandem_test_fixture_build_path (fixture, "no such folder/matrix.png");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  g_assert_true (tandem_report_write_sheet (fixture->store, pdf, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_test_count_pdf_pages (pdf), ==, 1);

  g_assert_true (tandem_report_write_sheet (fixture->store, svg, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));

  g_assert_true (tandem_report_write_sheet (fixture->store, png, TRUE, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2400);
  cairo_surface_destroy (image);

  g_assert_false (tandem_report_write_sheet (fixture->store, txt, TRUE, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tandem_report_write_sheet (fixture->store, nowhere, TRUE, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/report/pages", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_pages, tandem_test_fixture_teardown);
  g_test_add ("/core/report/sheet", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_sheet, tandem_test_fixture_teardown);
  g_test_add ("/core/report/bad", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_bad, tandem_test_fixture_teardown);
  g_test_add ("/core/report/progress", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_progress, tandem_test_fixture_teardown);
  g_test_add ("/core/report/cancel", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_cancel, tandem_test_fixture_teardown);

  return g_test_run ();
}
