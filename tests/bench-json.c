/* bench-json.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How fast Tandem's JSON parser reads a big file.  Not a test: it prints
 * timings.
 *
 *   _build/tests/bench-json [FILE [RUNS]]        parse and free FILE (by
 *                                                default /tmp/big.json,
 *                                                from `tandem-cli export`)
 *   _build/tests/bench-json FILE RUNS json-glib  also time json-glib
 *
 * Times are wall-clock, in milliseconds, for the file already in memory.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "tandem-json-parser.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "/tmp/big.json";
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;
  gboolean json_glib = argc > 3 && g_str_equal (argv[3], "json-glib");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree double *totals = NULL;
  gsize size;
  double best_parse = G_MAXDOUBLE, best_free = G_MAXDOUBLE;

  if (!g_file_get_contents (path, &data, &size, &error))
    {
      fprintf (stderr, "bench-json: %s\n", error->message);
      return 1;
    }
  printf ("file: %s, %.1f MB\n", path, size / 1e6);

  runs = MAX (runs, 1);
  totals = g_new (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      TandemJsonDocument *document;
      gint64 start = g_get_monotonic_time ();
      double parse_ms, free_ms;

      document = tandem_json_document_parse (data, size, 64, &error);
      parse_ms = ms_since (start);
      if (document == NULL)
        {
          fprintf (stderr, "bench-json: %s: %s\n", path, error->message);
          return 1;
        }

      start = g_get_monotonic_time ();
      tandem_json_document_free (document);
      free_ms = ms_since (start);

      printf ("run %u: parse %.1f ms, free %.1f ms, together %.1f ms\n", i + 1, parse_ms, free_ms, parse_ms + free_ms);
      best_parse = MIN (best_parse, parse_ms);
      best_free = MIN (best_free, free_ms);
      totals[i] = parse_ms + free_ms;
    }

  qsort (totals, runs, sizeof *totals, compare_doubles);
  printf ("tandem_json_document_parse + free: best %.1f ms (parse %.1f, free %.1f), median %.1f ms\n",
          totals[0], best_parse, best_free, totals[runs / 2]);

  if (json_glib)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      gint64 start = g_get_monotonic_time ();
      double parse_ms;

      if (!json_parser_load_from_data (parser, data, size, &error))
        {
          fprintf (stderr, "bench-json: json-glib: %s\n", error->message);
          return 1;
        }
      parse_ms = ms_since (start);

      start = g_get_monotonic_time ();
      g_clear_object (&parser);
      printf ("json-glib: parse %.1f ms, free %.1f ms\n", parse_ms, ms_since (start));
    }

  return 0;
}
