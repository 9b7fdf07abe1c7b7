/* bench-cases.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the case-study library copes with 5,000 case studies.  Not a test:
 * it prints timings.
 *
 *   _build/tests/bench-cases 5000
 */

#include "config.h"

#include "tandem-test-utils.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  static const char *areas[] = { "Housing", "Health and care", "Education", "Leisure", "Planning" };
  static const char *words[] = { "tenants", "volunteers", "parents", "garden", "library", "transport", "youth", "carers" };
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GBytes) library = tandem_library_get_bundled ();
  TandemCaseFilter filter = { 2, 2, TANDEM_CO_DELIVERY, NULL, NULL, NULL };
  GListModel *cases;
  guint matches = 0;
  gint64 start;

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Case %05u: %s and %s", i, words[i % 8], words[(i / 8) % 8]);
      g_autofree char *summary = g_strdup_printf ("Residents and %s share the work of the %s service in district %u.",
                                                  words[(i / 3) % 8], words[(i / 5) % 8], i % 97);
      g_autoptr(TandemCaseStudy) cs = tandem_case_study_new (title);

      tandem_case_study_set_summary (cs, summary);
      tandem_case_study_set_service_area (cs, areas[i % 5]);
      tandem_case_study_set_country (cs, i % 2 ? "Scotland" : "Wales");
      tandem_case_study_set_cos (cs, 1 << (i % 4));
      tandem_case_study_link (cs, i % 3 + 1, (i / 3) % 3 + 1, "generated");
      tandem_case_study_add_source (cs, "Generated for the benchmark", "", "", "");
      tandem_changes_save_case (changes, cs);
    }

  start = g_get_monotonic_time ();
  g_assert_true (tandem_store_apply (store, changes, &error));
  g_print ("save %u case studies in one transaction: %.0f ms\n", n, ms_since (start));
  tandem_test_close_store (g_steal_pointer (&store));

  start = g_get_monotonic_time ();
  store = tandem_store_open (file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  cases = tandem_store_get_case_studies (store);
  g_print ("open the portfolio with %u case studies: %.0f ms\n", g_list_model_get_n_items (cases), ms_since (start));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 100; i++)
    {
      g_clear_pointer (&found, g_hash_table_unref);
      found = tandem_store_search_case_studies (store, i % 2 ? "garden vol" : "district tenants", &error);
      g_assert_no_error (error);
    }
  g_print ("full-text search (mean of 100): %.2f ms, %u matches\n", ms_since (start) / 100,
           g_hash_table_size (found));

  start = g_get_monotonic_time ();
  filter.ids = found;
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(TandemCaseStudy) cs = g_list_model_get_item (cases, i);

      matches += tandem_case_filter_matches (&filter, cs);
    }
  g_print ("filter by cell, Co and search over the whole list: %.2f ms, %u matches\n", ms_since (start), matches);

  start = g_get_monotonic_time ();
  g_assert_true (tandem_store_update_library (store, library, "case-studies.json", &error));
  g_print ("check for a newer library (none): %.1f ms\n", ms_since (start));

  tandem_test_close_store (g_steal_pointer (&store));
  tandem_test_remove_recursively (dir);
  return 0;
}
