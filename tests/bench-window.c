/* bench-window.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the window copes with a large portfolio.  Not a test: it prints
 * timings.  Run it under a display, e.g.
 *
 *   xvfb-run -a _build/tests/bench-window 10000
 */

#include "config.h"

#include <adwaita.h>

#include "tandem-test-utils.h"
#include "tandem-window-private.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = 0;

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "TandemInitiativeRow"))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.tandem", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TandemInitiative *first;
  TandemWindow *window;
  gint64 start;

  gtk_init ();
  adw_init ();

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Initiative %05u", i);

      g_ptr_array_add (batch, tandem_initiative_new (title, i % 3 + 1, (i / 3) % 3 + 1));
    }
  start = g_get_monotonic_time ();
  g_assert_true (tandem_store_save_initiatives (store, batch, &error));
  g_print ("save %u initiatives in one transaction: %.3f s\n", n, seconds_since (start));
  tandem_test_close_store (g_steal_pointer (&store));

  start = g_get_monotonic_time ();
  store = tandem_store_open (file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_print ("open the portfolio (checks and load): %.3f s\n", seconds_since (start));

  start = g_get_monotonic_time ();
  window = tandem_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _tandem_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));
  g_print ("window shows the matrix (first frame): %.3f s\n", seconds_since (start));
  g_print ("initiative rows created for %u initiatives: %u\n", n, count_rows (GTK_WIDGET (window)));

  first = g_list_model_get_item (tandem_store_get_initiatives (store), 0);
  if (g_getenv ("BENCH_NO_SELECT") == NULL)
    tandem_window_select (window, tandem_initiative_get_uuid (first));
  {
    double in_action = 0;

    start = g_get_monotonic_time ();
    for (guint i = 0; i < 20; i++)
      {
        gint64 t = g_get_monotonic_time ();

        gtk_widget_activate_action (GTK_WIDGET (window), "win.move-initiative", "(sii)",
                                    tandem_initiative_get_uuid (first), i % 3 + 1, 2);
        in_action += seconds_since (t);
        settle (GTK_WIDGET (window));
      }
    g_print ("move an initiative (mean of 20): %.1f ms, of which the action itself %.1f ms\n",
             seconds_since (start) * 1000 / 20, in_action * 1000 / 20);
  }

  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  settle (GTK_WIDGET (window));
  g_print ("undo a move: %.1f ms\n", seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "00042");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  settle (GTK_WIDGET (window));
  g_print ("search the sidebar: %.1f ms (%u matches)\n", seconds_since (start) * 1000,
           g_list_model_get_n_items (G_LIST_MODEL (window->selection)));

  /* Import the same portfolio, exported, into an empty one shown in the
   * window: read in the worker, written on the main thread, then shown. */
  {
    g_autofree char *json_path = g_build_filename (dir, "bench.json", NULL);
    g_autofree char *empty_path = g_build_filename (dir, "empty.tandem", NULL);
    g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
    g_autoptr(GFile) empty_file = g_file_new_for_path (empty_path);
    g_autoptr(TandemStore) empty = NULL;
    g_autofree char *json = tandem_exchange_export_json (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (json_path, json, -1, &error));
    empty = tandem_store_open (empty_file, TANDEM_STORE_CREATE, &error);
    g_assert_no_error (error);
    _tandem_window_set_store (window, empty);
    settle (GTK_WIDGET (window));

    start = g_get_monotonic_time ();
    _tandem_window_import_file (window, json_file);
    while (_tandem_window_is_exchanging (window))
      g_main_context_iteration (NULL, TRUE);
    g_print ("import them as Tandem JSON in the window (to the written step): %.3f s\n", seconds_since (start));
    settle (GTK_WIDGET (window));
    g_print ("  and shown: %.3f s (%u initiatives)\n", seconds_since (start),
             g_list_model_get_n_items (tandem_store_get_initiatives (empty)));
    _tandem_window_set_store (window, store);
    tandem_store_close (empty);
  }

  g_object_unref (first);
  gtk_window_destroy (GTK_WINDOW (window));
  tandem_test_close_store (g_steal_pointer (&store));
  tandem_test_remove_recursively (dir);

  return 0;
}
