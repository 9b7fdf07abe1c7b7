/* tandem-cli-generate.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

/*
 * Writes a new portfolio of made-up initiatives and assessments, for
 * trying Tandem out with a realistic amount of history and for timing it
 * (tests/bench-movement.c runs it).
 *
 * Everything comes from one GRand seeded with --seed, UUIDs and IDs
 * included, so the same seed (on the same day: the dates run up to
 * today) gives the same portfolio.  Each initiative:
 *
 *   - starts in a cell chosen with weights that favour traditional
 *     provision (1,1) and its neighbours, as most services start there;
 *   - has its assessments on different days, increasing, the first one in
 *     the earlier part of 2015-01-01 … today and the others after it;
 *   - walks across the grid one step at a time at most: it stays put
 *     about half the time, otherwise it moves a step toward full
 *     co-production (2,2) more often than a step in any direction;
 *   - gains readiness stages and levels as it goes, now and then falling
 *     back one;
 *   - has, more often than not, 2,2 as its target, usually with a date.
 *
 * It is written with tandem_store_apply() in batches of whole initiatives
 * (about BATCH_SIZE initiatives and assessments each): checking a batch
 * costs the store time that grows with the square of its size, so one
 * batch of 100,000 assessments takes minutes where 55 batches take
 * seconds.  If any batch fails, the new file is removed: all or nothing.
 */

#define FIRST_YEAR 2015

/* Initiatives and assessments written a transaction, at least. */
#define BATCH_SIZE 2000

static const char * const places[] = {
  "Ashby", "Brockley", "Carnforth", "Dunmore", "Eastleigh", "Fenwick", "Glenrothes",
  "Harlow", "Ilkley", "Jarrow", "Kendal", "Lydney", "Morpeth", "Newtown", "Oban",
  "Penrith", "Ruthin", "Selby", "Thirsk", "Ulverston", "Wrexham", "Yeovil",
};

static const struct
{
  const char *area;
  const char *name;
} kinds[] = {
  { "Housing", "tenants' panel" },
  { "Housing", "repair café" },
  { "Health and care", "expert patients group" },
  { "Health and care", "peer support network" },
  { "Health and care", "walking group" },
  { "Social care", "lunch club" },
  { "Social care", "carers' circle" },
  { "Social care", "time bank" },
  { "Young people's services", "youth forum" },
  { "Young people's services", "employability service" },
  { "Schools", "parents' reading scheme" },
  { "Libraries", "community library" },
  { "Transport", "community transport scheme" },
  { "Environment", "community garden" },
  { "Community safety", "neighbourhood watch" },
  { "Leisure", "leisure centre trust" },
};

/* After the name of the place. */
static const char * const organisations[] = {
  " Borough Council", " County Council", " Housing Association",
  " Health Board", " Community Trust", " Voluntary Action",
};

/* Where initiatives start, and how often: mostly traditional provision. */
static const struct
{
  guint row;
  guint col;
  guint weight;
} start_cells[] = {
  { 1, 1, 40 }, { 1, 2, 15 }, { 2, 1, 15 }, { 1, 3, 5 }, { 3, 1, 8 },
  { 2, 2, 5 }, { 2, 3, 4 }, { 3, 2, 4 }, { 3, 3, 4 },
};

typedef struct
{
  GRand  *rand;
  guint32 first_julian;   /* 2015-01-01 */
  guint   n_days;         /* from 2015-01-01 to today, both included */
} Generator;

/* A version 4 UUID made of the generator's random numbers. */
static char *
random_uuid (Generator *gen)
{
  guint32 a = g_rand_int (gen->rand);
  guint32 b = (g_rand_int (gen->rand) & 0xffff0fff) | 0x00004000;
  guint32 c = (g_rand_int (gen->rand) & 0x3fffffff) | 0x80000000;
  guint32 d = g_rand_int (gen->rand);

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x",
                          a, b >> 16, b & 0xffff, c >> 16, c & 0xffff, d);
}

static guint
random_below (Generator *gen,
              guint      n)
{
  return n <= 1 ? 0 : (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

static gboolean
chance (Generator *gen,
        double     p)
{
  return g_rand_double (gen->rand) < p;
}

/* Day @offset after 2015-01-01 as YYYY-MM-DD. */
static char *
format_day (Generator *gen,
            guint      offset)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, gen->first_julian + offset);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Noon UTC on day @offset, as Unix time. */
static gint64
day_to_unix (Generator *gen,
             guint      offset)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, gen->first_julian + offset);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  return g_date_time_to_unix (time);
}

static void
pick_start_cell (Generator *gen,
                 guint     *row,
                 guint     *col)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < G_N_ELEMENTS (start_cells); i++)
    total += start_cells[i].weight;

  pick = random_below (gen, total);
  for (guint i = 0; i < G_N_ELEMENTS (start_cells); i++)
    {
      if (pick < start_cells[i].weight)
        {
          *row = start_cells[i].row;
          *col = start_cells[i].col;
          return;
        }
      pick -= start_cells[i].weight;
    }

  g_assert_not_reached ();
}

/* One step of the walk: stay, a step toward 2,2, or a step anywhere. */
static void
walk (Generator *gen,
      guint     *row,
      guint     *col)
{
  double r = g_rand_double (gen->rand);

  if (r < 0.5)
    return;

  if (r < 0.8 && (*row != 2 || *col != 2))
    {
      /* Toward 2,2 along a line that is not there yet. */
      gboolean move_row = *row != 2 && (*col == 2 || chance (gen, 0.5));

      if (move_row)
        *row = *row < 2 ? *row + 1 : *row - 1;
      else
        *col = *col < 2 ? *col + 1 : *col - 1;
      return;
    }

  /* One of the up to four neighbours. */
  for (;;)
    {
      guint direction = random_below (gen, 4);
      int new_row = (int) *row + (direction == 0 ? -1 : direction == 1 ? 1 : 0);
      int new_col = (int) *col + (direction == 2 ? -1 : direction == 3 ? 1 : 0);

      if (new_row >= 1 && new_row <= TANDEM_MATRIX_SIZE && new_col >= 1 && new_col <= TANDEM_MATRIX_SIZE)
        {
          *row = new_row;
          *col = new_col;
          return;
        }
    }
}

static gboolean
sorted_contains (GArray *sorted,
                 guint   value,
                 guint  *position)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint at = g_array_index (sorted, guint, mid);

      if (at == value)
        {
          *position = mid;
          return TRUE;
        }
      if (at < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

static void
sorted_insert (GArray *sorted,
               guint   value)
{
  guint position;

  if (!sorted_contains (sorted, value, &position))
    g_array_insert_val (sorted, position, value);
}

/* @k different day offsets in increasing order: the first in the earlier
 * part of the whole period, the others after it (Floyd's sampling). */
static GArray *
pick_days (Generator *gen,
           guint      k)
{
  GArray *days = g_array_sized_new (FALSE, FALSE, sizeof (guint), k);
  guint first, n;

  g_assert (k >= 1 && k <= gen->n_days);

  first = random_below (gen, (gen->n_days - k) * 3 / 4 + 1);
  /* The others are first + 1 … first + n, and n ≥ k - 1. */
  n = gen->n_days - 1 - first;

  for (guint j = n - (k - 1) + 1; j <= n; j++)
    {
      guint t = 1 + random_below (gen, j);
      guint position;

      if (sorted_contains (days, t, &position))
        sorted_insert (days, j);
      else
        g_array_insert_val (days, position, t);
    }

  for (guint i = 0; i < days->len; i++)
    g_array_index (days, guint, i) += first;
  g_array_prepend_val (days, first);

  return days;
}

static void
set_presences (Generator        *gen,
               TandemAssessment *assessment,
               guint             row,
               guint             col)
{
  TandemPresence design = col == 2 ? TANDEM_PRESENCE_ESTABLISHED
                        : col == 3 ? TANDEM_PRESENCE_EMERGING : TANDEM_PRESENCE_ABSENT;
  TandemPresence delivery = row == 2 ? TANDEM_PRESENCE_ESTABLISHED
                          : row == 3 ? TANDEM_PRESENCE_EMERGING : TANDEM_PRESENCE_ABSENT;

  tandem_assessment_set_presence (assessment, TANDEM_CO_DESIGN, design);
  tandem_assessment_set_presence (assessment, TANDEM_CO_DELIVERY, delivery);
  tandem_assessment_set_presence (assessment, TANDEM_CO_COMMISSIONING,
                                  chance (gen, 0.3) ? TANDEM_PRESENCE_EMERGING : TANDEM_PRESENCE_ABSENT);
  tandem_assessment_set_presence (assessment, TANDEM_CO_ASSESSMENT,
                                  chance (gen, 0.2) ? TANDEM_PRESENCE_EMERGING : TANDEM_PRESENCE_ABSENT);
}

/* One initiative and its @k assessments, into @changes.  Returns the
 * first and last days used through @first_day and @last_day. */
static void
generate_initiative (Generator     *gen,
                     TandemChanges *changes,
                     guint          index,
                     guint          k,
                     guint         *first_day,
                     guint         *last_day)
{
  const char *place = places[random_below (gen, G_N_ELEMENTS (places))];
  guint kind = random_below (gen, G_N_ELEMENTS (kinds));
  g_autofree char *title = g_strdup_printf ("%s %s %u", place, kinds[kind].name, index + 1);
  g_autofree char *organisation = NULL;
  g_autofree char *uuid = random_uuid (gen);
  g_autoptr(TandemInitiative) initiative = NULL;
  g_autoptr(GArray) days = NULL;
  guint row, col;
  int stage, level;

  pick_start_cell (gen, &row, &col);
  stage = random_below (gen, 3);
  level = random_below (gen, 2);

  initiative = tandem_initiative_new (title, row, col);
  tandem_initiative_set_uuid (initiative, uuid);
  organisation = g_strconcat (place, organisations[random_below (gen, G_N_ELEMENTS (organisations))], NULL);
  tandem_initiative_set_organisation (initiative, organisation);
  tandem_initiative_set_service_area (initiative, kinds[kind].area);
  tandem_initiative_set_place (initiative, place);

  if (k > 0)
    days = pick_days (gen, k);

  for (guint i = 0; i < k; i++)
    {
      guint day = g_array_index (days, guint, i);
      g_autofree char *date = format_day (gen, day);
      g_autofree char *id = random_uuid (gen);
      g_autoptr(TandemAssessment) assessment = NULL;

      if (i > 0)
        {
          walk (gen, &row, &col);
          if (stage < TANDEM_STAGE_FULL_CO_PRODUCTION && chance (gen, 0.3))
            stage++;
          else if (stage > TANDEM_STAGE_NONE && chance (gen, 0.05))
            stage--;
          if (level < TANDEM_LEVEL_TRANSFORMATION && chance (gen, 0.2))
            level++;
        }

      assessment = tandem_assessment_new (uuid, date, row, col);
      tandem_assessment_set_id (assessment, id);
      tandem_assessment_set_stage (assessment, stage);
      tandem_assessment_set_level (assessment, level);
      set_presences (gen, assessment, row, col);
      tandem_changes_save_assessment (changes, assessment);
    }

  /* The current cell is that of the latest assessment. */
  tandem_initiative_set_cell (initiative, row, col);

  if (k > 0)
    {
      *first_day = MIN (*first_day, g_array_index (days, guint, 0));
      *last_day = MAX (*last_day, g_array_index (days, guint, k - 1));
      tandem_initiative_set_created (initiative, day_to_unix (gen, g_array_index (days, guint, 0)));
      tandem_initiative_set_updated (initiative, day_to_unix (gen, g_array_index (days, guint, k - 1)));
    }

  if (chance (gen, 0.6))
    {
      tandem_initiative_set_target (initiative, TANDEM_FULL_COPRODUCTION_ROW, TANDEM_FULL_COPRODUCTION_COL);
      if (chance (gen, 0.8))
        {
          guint from = k > 0 ? g_array_index (days, guint, k - 1) : gen->n_days - 1;
          g_autofree char *target_date = format_day (gen, from + 90 + random_below (gen, 1400));

          tandem_initiative_set_target_date (initiative, target_date);
        }
    }

  tandem_changes_save_initiative (changes, initiative);
}

/* How many assessments each initiative gets: one each while they last,
 * the rest at random, never more than one a day. */
static guint *
spread_assessments (Generator *gen,
                    guint      n_initiatives,
                    guint      n_assessments)
{
  guint *counts = g_new0 (guint, n_initiatives);

  if (n_assessments < n_initiatives)
    {
      /* A random n_assessments of them get one. */
      g_autofree guint *order = g_new (guint, n_initiatives);

      for (guint i = 0; i < n_initiatives; i++)
        order[i] = i;
      for (guint i = 0; i < n_assessments; i++)
        {
          guint j = i + random_below (gen, n_initiatives - i);
          guint tmp = order[i];

          order[i] = order[j];
          order[j] = tmp;
          counts[order[i]] = 1;
        }
      return counts;
    }

  for (guint i = 0; i < n_initiatives; i++)
    counts[i] = 1;

  for (guint left = n_assessments - n_initiatives; left > 0; left--)
    {
      guint i = random_below (gen, n_initiatives);

      /* Full: the next one that is not (there is one, as checked). */
      while (counts[i] >= gen->n_days)
        i = (i + 1) % n_initiatives;
      counts[i]++;
    }

  return counts;
}

static void
print_error (const char *message)
{
  g_autofree char *line = tandem_cli_text_one_line (message);

  fprintf (stderr, "tandem-cli: %s\n", line);
}

/* Removes a portfolio this command made and could not finish. */
static void
remove_portfolio (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
today_julian (guint32  *julian)
{
  g_autofree char *today = tandem_date_today ();
  guint year, month, day;
  GDate date;

  if (sscanf (today, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

/**
 * tandem_cli_generate:
 *
 * Makes the new portfolio FILE with --initiatives made-up initiatives and
 * --assessments assessments spread over them, and prints one line saying
 * what it made.  FILE must not exist yet.
 */
TandemCliExit
tandem_cli_generate (TandemStore         *unused,
                     const TandemCliArgs *args)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->path);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(TandemChanges) changes = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *counts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  Generator gen = { NULL };
  guint32 seed = args->has_seed ? args->seed : g_random_int ();
  guint32 end_julian;
  guint first_day = G_MAXUINT, last_day = 0;
  GDate start;

  if (path == NULL || g_file_query_exists (file, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s already exists; “generate” only makes new portfolios"),
                                                  args->path);

      print_error (message);
      return TANDEM_CLI_EXIT_USAGE;
    }

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, FIRST_YEAR);
  gen.first_julian = g_date_get_julian (&start);
  if (!today_julian (&end_julian) || end_julian < gen.first_julian)
    {
      print_error (_("the system clock says it is before 2015; “generate” dates assessments from 2015 to today"));
      return TANDEM_CLI_EXIT_USAGE;
    }
  gen.n_days = end_julian - gen.first_julian + 1;

  if ((guint64) args->n_assessments > (guint64) args->n_initiatives * gen.n_days)
    {
      g_autofree char *message =
        g_strdup_printf (_("%u assessments do not fit in %u initiatives: each has at most one a day, "
                           "and there are %u days from 2015-01-01 to today"),
                         args->n_assessments, args->n_initiatives, gen.n_days);

      print_error (message);
      return TANDEM_CLI_EXIT_USAGE;
    }

  gen.rand = g_rand_new_with_seed (seed);
  counts = spread_assessments (&gen, args->n_initiatives, args->n_assessments);

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  if (!tandem_store_get_was_created (store))
    {
      /* Someone made it since it was checked; leave it alone. */
      g_autofree char *message = g_strdup_printf (_("%s already exists; “generate” only makes new portfolios"),
                                                  args->path);

      tandem_store_close (store);
      print_error (message);
      return TANDEM_CLI_EXIT_USAGE;
    }

  /* Whole initiatives, with all their assessments, a batch at a time. */
  changes = tandem_changes_new ();
  for (guint i = 0; i < args->n_initiatives; i++)
    {
      generate_initiative (&gen, changes, i, counts[i], &first_day, &last_day);

      if (i + 1 < args->n_initiatives &&
          changes->save_assessments->len + changes->save_initiatives->len < BATCH_SIZE)
        continue;

      if (!tandem_store_apply (store, changes, &error))
        {
          g_rand_free (gen.rand);
          tandem_store_close (store);
          g_clear_object (&store);
          remove_portfolio (path);
          print_error (error->message);
          return TANDEM_CLI_EXIT_CANT_OPEN;
        }
      g_clear_pointer (&changes, tandem_changes_free);
      changes = tandem_changes_new ();
    }
  g_rand_free (gen.rand);

  tandem_store_close (store);

  if (args->n_assessments > 0)
    {
      first = format_day (&gen, first_day);
      last = format_day (&gen, last_day);
      printf (_("%s: %u initiatives and %u assessments, dated %s to %s (seed %u)\n"),
              args->path, args->n_initiatives, args->n_assessments, first, last, seed);
    }
  else
    printf (_("%s: %u initiatives and no assessments (seed %u)\n"),
            args->path, args->n_initiatives, seed);

  return TANDEM_CLI_EXIT_SUCCESS;
}
