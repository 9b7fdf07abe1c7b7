/* bench-movement.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the history and movement code copes with a big portfolio.  Not a
 * test: it prints timings.
 *
 *   _build/tests/bench-movement                   generate 10,000 initiatives
 *                                                 and 100,000 assessments with
 *                                                 tandem-cli generate, then time
 *   _build/tests/bench-movement N M               the same with N and M
 *   _build/tests/bench-movement FILE              time an existing portfolio
 *
 * The portfolio it generates is made in a temporary folder and removed at
 * the end.  Times are wall-clock, in milliseconds.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "tandem-core.h"

#ifndef TANDEM_CLI_PATH
#error "TANDEM_CLI_PATH must name the tandem-cli built alongside"
#endif

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "bench-movement: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
movement_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TandemMovement **movement = user_data;
  g_autoptr(GError) error = NULL;

  *movement = tandem_store_compute_movement_finish (TANDEM_STORE (source), result, &error);
  if (*movement == NULL)
    fail ("compute_movement_async", error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = tandem_date_today ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemMovement) movement = NULL;
  g_autoptr(TandemMovement) async_movement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  GListModel *initiatives;
  guint n_initiatives;
  guint placed = 0, total_assessments = 0, most = 0;
  gint64 start;
  double ms, slowest = 0;

  if (argc == 2 && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      path = g_strdup (argv[1]);
      printf ("portfolio: %s\n", path);
    }
  else
    {
      const char *n = argc > 1 ? argv[1] : "10000";
      const char *m = argc > 2 ? argv[2] : "100000";
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;
      const char *args[] = {
        TANDEM_CLI_PATH, "generate", "--initiatives", n, "--assessments", m, "--seed", "2026", NULL, NULL,
      };

      dir = g_dir_make_tmp ("tandem-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "bench.tandem", NULL);
      args[8] = path;

      start = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
        fail ("could not run tandem-cli", error);
      ms = ms_since (start);
      if (!g_spawn_check_wait_status (status, &error))
        {
          fprintf (stderr, "%s", err);
          fail ("tandem-cli generate", error);
        }
      printf ("generate %s initiatives, %s assessments (tandem-cli generate): %.0f ms\n", n, m, ms);
      printf ("  %s", out);
    }

  file = g_file_new_for_path (path);
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      printf ("file size: %.1f MB\n", st.st_size / 1e6);
  }

  start = g_get_monotonic_time ();
  store = tandem_store_open (file, TANDEM_STORE_NONE, &error);
  if (store == NULL)
    fail ("open", error);
  ms = ms_since (start);
  initiatives = tandem_store_get_initiatives (store);
  n_initiatives = g_list_model_get_n_items (initiatives);
  printf ("open the portfolio (%u initiatives): %.0f ms\n", n_initiatives, ms);

  start = g_get_monotonic_time ();
  movement = tandem_store_compute_movement (store, "2018-01-01", today, NULL, &error);
  if (movement == NULL)
    fail ("compute_movement", error);
  ms = ms_since (start);
  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    placed += movement->to_counts[i];
  printf ("compute_movement 2018-01-01 → %s: %.0f ms (%u placed today; %u closer, %u further, %u same, %u new)\n",
          today, ms, placed, movement->closer, movement->further, movement->same, movement->only_to);

  /* Again, now that the file is in the page cache. */
  g_clear_pointer (&movement, tandem_movement_free);
  start = g_get_monotonic_time ();
  movement = tandem_store_compute_movement (store, "2018-01-01", today, NULL, &error);
  if (movement == NULL)
    fail ("compute_movement", error);
  printf ("compute_movement again: %.0f ms\n", ms_since (start));

  {
    g_autoptr(GMainContext) context = g_main_context_new ();

    g_main_context_push_thread_default (context);
    start = g_get_monotonic_time ();
    tandem_store_compute_movement_async (store, "2018-01-01", today, NULL, movement_ready, &async_movement);
    while (async_movement == NULL)
      g_main_context_iteration (context, TRUE);
    printf ("compute_movement_async (to the callback): %.0f ms\n", ms_since (start));
    g_main_context_pop_thread_default (context);
  }

  if (n_initiatives > 0)
    {
      g_autoptr(TandemInitiative) first = g_list_model_get_item (initiatives, 0);
      g_autoptr(GPtrArray) one = NULL;
      const guint rounds = MIN (1000, n_initiatives);

      start = g_get_monotonic_time ();
      one = tandem_store_list_assessments (store, tandem_initiative_get_uuid (first), &error);
      if (one == NULL)
        fail ("list_assessments", error);
      printf ("list_assessments of one initiative (%u assessments), first call: %.3f ms\n",
              one->len, ms_since (start));

      start = g_get_monotonic_time ();
      for (guint i = 0; i < rounds; i++)
        {
          g_autoptr(TandemInitiative) initiative =
            g_list_model_get_item (initiatives, g_rand_int_range (rand, 0, n_initiatives));
          g_autoptr(GPtrArray) all = NULL;
          gint64 each = g_get_monotonic_time ();

          all = tandem_store_list_assessments (store, tandem_initiative_get_uuid (initiative), &error);
          if (all == NULL)
            fail ("list_assessments", error);
          slowest = MAX (slowest, ms_since (each));
          total_assessments += all->len;
          most = MAX (most, all->len);
        }
      ms = ms_since (start);
      printf ("list_assessments of one initiative, mean of %u at random: %.3f ms"
              " (slowest %.3f ms; %.1f assessments each on average, at most %u)\n",
              rounds, ms / rounds, slowest, (double) total_assessments / rounds, most);
    }

  tandem_store_close (store);
  g_clear_object (&store);
  if (dir != NULL)
    remove_tree (dir);

  return 0;
}
