/* test-movement.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-movement"

#include "config.h"

#include <stdio.h>

#include "tandem-test-utils.h"

#define CELL(r, c) (((r) - 1) * TANDEM_MATRIX_SIZE + ((c) - 1))

/* ---- tandem_cell_steps ---------------------------------------------------------- */

static void
test_cell_steps (void)
{
  g_assert_cmpuint (tandem_cell_steps (1, 1, 1, 1), ==, 0);
  g_assert_cmpuint (tandem_cell_steps (1, 1, 1, 2), ==, 1);
  g_assert_cmpuint (tandem_cell_steps (1, 1, 2, 1), ==, 1);
  g_assert_cmpuint (tandem_cell_steps (1, 1, 2, 2), ==, 2);
  g_assert_cmpuint (tandem_cell_steps (1, 1, 3, 3), ==, 4);
  g_assert_cmpuint (tandem_cell_steps (3, 3, 1, 1), ==, 4);
  g_assert_cmpuint (tandem_cell_steps (1, 3, 3, 1), ==, 4);
  g_assert_cmpuint (tandem_cell_steps (3, 1, 1, 2), ==, 3);
  g_assert_cmpuint (tandem_cell_steps (2, 3, 2, 1), ==, 2);

  /* |Δrow| + |Δcol| for every pair; symmetric; the distance from 2,2
   * is tandem_cell_distance(). */
  for (guint ra = 1; ra <= 3; ra++)
    for (guint ca = 1; ca <= 3; ca++)
      {
        g_assert_cmpuint (tandem_cell_steps (ra, ca, 2, 2), ==, tandem_cell_distance (ra, ca));
        for (guint rb = 1; rb <= 3; rb++)
          for (guint cb = 1; cb <= 3; cb++)
            {
              guint expected = (ra > rb ? ra - rb : rb - ra) + (ca > cb ? ca - cb : cb - ca);

              g_assert_cmpuint (tandem_cell_steps (ra, ca, rb, cb), ==, expected);
              g_assert_cmpuint (tandem_cell_steps (rb, cb, ra, ca), ==, expected);
            }
      }
}

/* ---- tandem_track_compute --------------------------------------------------------- */

typedef struct
{
  const char  *what;
  guint        start_row, start_col;
  const char  *start_date;
  guint        row, col;
  guint        target_row, target_col;
  const char  *target_date;
  const char  *today;
  TandemTrack  expected;
} TrackCase;

static const char *
track_name (TandemTrack track)
{
  switch (track)
    {
    case TANDEM_TRACK_NO_TARGET: return "NO_TARGET";
    case TANDEM_TRACK_REACHED: return "REACHED";
    case TANDEM_TRACK_NO_DATE: return "NO_DATE";
    case TANDEM_TRACK_ON_TRACK: return "ON_TRACK";
    case TANDEM_TRACK_BEHIND: return "BEHIND";
    case TANDEM_TRACK_OVERDUE: return "OVERDUE";
    default: return "?";
    }
}

static void
test_track_table (void)
{
  /* From 1,1 on 2020-01-01 toward 2,2 by 2024-01-01: 2 steps in 1461 days. */
  static const TrackCase cases[] = {
    /* No target: whatever else is said. */
    { "no target", 1, 1, "2020-01-01", 1, 1, 0, 0, "2024-01-01", "2022-01-01", TANDEM_TRACK_NO_TARGET },
    { "no target, no date", 1, 1, "2020-01-01", 2, 2, 0, 0, NULL, "2022-01-01", TANDEM_TRACK_NO_TARGET },
    { "no target, overdue date", 1, 1, "2020-01-01", 3, 3, 0, 0, "2019-01-01", "2022-01-01", TANDEM_TRACK_NO_TARGET },

    /* Reached: before the date, on it, after it, and with no date. */
    { "reached early", 1, 1, "2020-01-01", 2, 2, 2, 2, "2024-01-01", "2021-01-01", TANDEM_TRACK_REACHED },
    { "reached, date passed", 1, 1, "2020-01-01", 2, 2, 2, 2, "2024-01-01", "2026-01-01", TANDEM_TRACK_REACHED },
    { "reached, no date", 1, 1, "2020-01-01", 2, 2, 2, 2, NULL, "2026-01-01", TANDEM_TRACK_REACHED },
    { "reached where it started", 3, 3, "2020-01-01", 3, 3, 3, 3, "2024-01-01", "2022-01-01", TANDEM_TRACK_REACHED },

    /* A target cell but no date. */
    { "no date", 1, 1, "2020-01-01", 1, 2, 2, 2, NULL, "2022-01-01", TANDEM_TRACK_NO_DATE },
    { "empty date", 1, 1, "2020-01-01", 1, 2, 2, 2, "", "2022-01-01", TANDEM_TRACK_NO_DATE },

    /* Overdue: the day after the target date, and long after. */
    { "overdue by a day", 1, 1, "2020-01-01", 1, 2, 2, 2, "2024-01-01", "2024-01-02", TANDEM_TRACK_OVERDUE },
    { "overdue by years", 1, 1, "2020-01-01", 1, 1, 2, 2, "2024-01-01", "2030-06-01", TANDEM_TRACK_OVERDUE },
    { "overdue one step away", 1, 1, "2020-01-01", 2, 1, 2, 2, "2024-01-01", "2024-02-29", TANDEM_TRACK_OVERDUE },

    /* On the target date itself, not reached: no time left, so behind. */
    { "target day, one step left", 1, 1, "2020-01-01", 1, 2, 2, 2, "2024-01-01", "2024-01-01", TANDEM_TRACK_BEHIND },

    /* At the start: all the time left allows all the steps. */
    { "start day, not moved", 1, 1, "2020-01-01", 1, 1, 2, 2, "2024-01-01", "2020-01-01", TANDEM_TRACK_ON_TRACK },
    /* Half the time gone less a day: 731 of 1461 left, 2 × 731 / 1461 = 1.0007, ceil 2. */
    { "just under half time, not moved", 1, 1, "2020-01-01", 1, 1, 2, 2, "2024-01-01", "2021-12-31", TANDEM_TRACK_ON_TRACK },
    /* Half the time gone: 730 left, 2 × 730 / 1461 = 0.9993, ceil 1. */
    { "half time, not moved", 1, 1, "2020-01-01", 1, 1, 2, 2, "2024-01-01", "2022-01-01", TANDEM_TRACK_BEHIND },
    { "half time, one step made", 1, 1, "2020-01-01", 1, 2, 2, 2, "2024-01-01", "2022-01-01", TANDEM_TRACK_ON_TRACK },
    { "half time, the other step made", 1, 1, "2020-01-01", 2, 1, 2, 2, "2024-01-01", "2022-01-01", TANDEM_TRACK_ON_TRACK },
    /* The last day before the target: ceil (2 / 1461) = 1. */
    { "day before, one step left", 1, 1, "2020-01-01", 1, 2, 2, 2, "2024-01-01", "2023-12-31", TANDEM_TRACK_ON_TRACK },
    { "day before, two steps left", 1, 1, "2020-01-01", 1, 1, 2, 2, "2024-01-01", "2023-12-31", TANDEM_TRACK_BEHIND },

    /* Gone the wrong way: further than where it started. */
    { "went away early", 1, 2, "2020-01-01", 1, 3, 2, 2, "2024-01-01", "2020-01-02", TANDEM_TRACK_BEHIND },
    { "went to the far corner", 1, 1, "2020-01-01", 3, 3, 2, 2, "2024-01-01", "2020-06-01", TANDEM_TRACK_ON_TRACK },
    { "far target, 4 steps, at the start", 1, 1, "2020-01-01", 1, 1, 3, 3, "2024-01-01", "2020-01-01", TANDEM_TRACK_ON_TRACK },
    /* 4 × 1095 / 1461 = 2.998: ceil 3 allowed, 4 left. */
    { "far target, 4 steps, a year on", 1, 1, "2020-01-01", 1, 1, 3, 3, "2024-01-01", "2021-01-01", TANDEM_TRACK_BEHIND },
    /* 4 × 731 / 1461 = 2.001: ceil 3 allowed, 3 left. */
    { "far target, 3 left at half time", 1, 1, "2020-01-01", 1, 2, 3, 3, "2024-01-01", "2021-12-31", TANDEM_TRACK_ON_TRACK },
    /* 4 × 730 / 1461 = 1.998: ceil 2 allowed, 3 left. */
    { "far target, 3 left past half time", 1, 1, "2020-01-01", 1, 2, 3, 3, "2024-01-01", "2022-01-01", TANDEM_TRACK_BEHIND },

    /* No time at all: started on the target date. */
    { "no time given", 1, 1, "2024-01-01", 1, 1, 2, 2, "2024-01-01", "2024-01-01", TANDEM_TRACK_BEHIND },
    /* Started after the target date (a late first assessment). */
    { "started after the target date", 1, 1, "2024-06-01", 1, 2, 2, 2, "2024-03-01", "2024-02-01", TANDEM_TRACK_BEHIND },

    /* Leap days count. */
    { "leap day target, day before", 1, 2, "2024-02-27", 1, 2, 2, 2, "2024-02-29", "2024-02-28", TANDEM_TRACK_ON_TRACK },
    { "leap day target, day after", 1, 2, "2024-02-27", 1, 2, 2, 2, "2024-02-29", "2024-03-01", TANDEM_TRACK_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TrackCase *t = &cases[i];
      TandemTrack got = tandem_track_compute (t->start_row, t->start_col, t->start_date,
                                              t->row, t->col, t->target_row, t->target_col,
                                              t->target_date, t->today);

      if (got != t->expected)
        g_error ("track “%s”: got %s, expected %s", t->what, track_name (got), track_name (t->expected));
    }
}

static int
days_between (const char *a,
              const char *b)
{
  GDate da, db;
  guint y, m, d;

  g_assert_cmpint (sscanf (a, "%4u-%2u-%2u", &y, &m, &d), ==, 3);
  g_date_clear (&da, 1);
  g_date_set_dmy (&da, d, m, y);
  g_assert_cmpint (sscanf (b, "%4u-%2u-%2u", &y, &m, &d), ==, 3);
  g_date_clear (&db, 1);
  g_date_set_dmy (&db, d, m, y);

  return g_date_days_between (&da, &db);
}

/* The rule as the specification gives it, in integers. */
static TandemTrack
expected_track (guint       start_row,
                guint       start_col,
                const char *start_date,
                guint       row,
                guint       col,
                guint       target_row,
                guint       target_col,
                const char *target_date,
                const char *today)
{
  int total, left;
  guint d0, d, allowed;

  if (target_row == 0 && target_col == 0)
    return TANDEM_TRACK_NO_TARGET;
  if (row == target_row && col == target_col)
    return TANDEM_TRACK_REACHED;
  if (target_date == NULL)
    return TANDEM_TRACK_NO_DATE;
  if (strcmp (today, target_date) > 0)
    return TANDEM_TRACK_OVERDUE;

  d0 = tandem_cell_steps (start_row, start_col, target_row, target_col);
  d = tandem_cell_steps (row, col, target_row, target_col);
  total = days_between (start_date, target_date);
  left = days_between (today, target_date);
  allowed = total > 0 ? (d0 * (guint) left + (guint) total - 1) / (guint) total : 0;

  return d <= allowed ? TANDEM_TRACK_ON_TRACK : TANDEM_TRACK_BEHIND;
}

static void
test_track_exhaustive (void)
{
  static const char * const todays[] = {
    "2021-03-01", "2022-06-30", "2023-01-01", "2023-07-01", "2023-11-15",
    "2023-12-30", "2023-12-31", "2024-01-01", "2024-01-02",
  };
  static const char * const target_dates[] = { "2024-01-01", "2023-12-31", NULL };
  guint checked = 0;

  /* Every start, current and target cell, against a reference that does
   * the arithmetic in integers. */
  for (guint sr = 1; sr <= 3; sr++)
    for (guint sc = 1; sc <= 3; sc++)
      for (guint r = 1; r <= 3; r++)
        for (guint c = 1; c <= 3; c++)
          for (guint tr = 0; tr <= 3; tr++)
            for (guint tc = 0; tc <= 3; tc++)
              {
                if ((tr == 0) != (tc == 0))
                  continue;

                for (guint t = 0; t < G_N_ELEMENTS (todays); t++)
                  for (guint d = 0; d < G_N_ELEMENTS (target_dates); d++)
                    {
                      TandemTrack got = tandem_track_compute (sr, sc, "2021-01-01", r, c, tr, tc,
                                                              target_dates[d], todays[t]);
                      TandemTrack want = expected_track (sr, sc, "2021-01-01", r, c, tr, tc,
                                                         target_dates[d], todays[t]);

                      if (got != want)
                        g_error ("track from %u,%u at %u,%u toward %u,%u by %s, today %s: got %s, expected %s",
                                 sr, sc, r, c, tr, tc, target_dates[d] ? target_dates[d] : "(none)", todays[t],
                                 track_name (got), track_name (want));
                      checked++;
                    }
              }

  g_test_message ("%u combinations checked", checked);
}

/* ---- Movement on hand-built histories ------------------------------------------ */

typedef struct
{
  TandemTestFixture  base;
  char              *uuid[6];   /* A … F */
} MovementFixture;

typedef struct
{
  guint       who;    /* index into uuid */
  const char *date;
  guint       row;
  guint       col;
} Entry;

enum { A, B, C, D, E, F };

/* The histories every movement test starts from:
 *
 *   A  2018-01-01 1,1   2020-06-15 1,2   2022-03-01 2,2
 *   B  2019-05-05 2,1   2021-01-01 3,1
 *   C  2020-01-01 3,3
 *   D  2021-07-01 1,3
 *   E  (never assessed; its cell is 2,2)
 *   F  2017-12-31 2,2   2023-01-01 1,1
 */
static const Entry histories[] = {
  { A, "2018-01-01", 1, 1 }, { A, "2020-06-15", 1, 2 }, { A, "2022-03-01", 2, 2 },
  { B, "2019-05-05", 2, 1 }, { B, "2021-01-01", 3, 1 },
  { C, "2020-01-01", 3, 3 },
  { D, "2021-07-01", 1, 3 },
  { F, "2017-12-31", 2, 2 }, { F, "2023-01-01", 1, 1 },
};

static void
movement_setup (MovementFixture *fixture,
                gconstpointer    data)
{
  static const char * const titles[] = { "A", "B", "C", "D", "E", "F" };
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(GError) error = NULL;

  tandem_test_fixture_setup (&fixture->base, data);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(TandemInitiative) initiative = tandem_initiative_new (titles[i], 2, 2);

      fixture->uuid[i] = g_strdup (tandem_initiative_get_uuid (initiative));
      tandem_changes_save_initiative (changes, initiative);
    }

  for (guint i = 0; i < G_N_ELEMENTS (histories); i++)
    {
      g_autoptr(TandemAssessment) a = tandem_assessment_new (fixture->uuid[histories[i].who], histories[i].date,
                                                             histories[i].row, histories[i].col);

      tandem_changes_save_assessment (changes, a);
    }

  g_assert_true (tandem_store_apply (fixture->base.store, changes, &error));
  g_assert_no_error (error);

  /* Each initiative stands where its latest assessment put it. */
  g_assert_cmpuint (tandem_initiative_get_row (tandem_store_lookup_initiative (fixture->base.store, fixture->uuid[F])), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (tandem_store_lookup_initiative (fixture->base.store, fixture->uuid[F])), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_row (tandem_store_lookup_initiative (fixture->base.store, fixture->uuid[E])), ==, 2);
}

static void
movement_teardown (MovementFixture *fixture,
                   gconstpointer    data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->uuid); i++)
    g_free (fixture->uuid[i]);
  tandem_test_fixture_teardown (&fixture->base, data);
}

/* What a movement should hold, written as lists of non-zero entries. */
typedef struct
{
  guint cell;
  guint n;
} Count;

typedef struct
{
  guint from;
  guint to;
  guint n;
} Flow;

#define END_COUNTS { G_MAXUINT, 0 }
#define END_FLOWS { G_MAXUINT, 0, 0 }

typedef struct
{
  const char *from;
  const char *to;
  Count       from_counts[TANDEM_N_CELLS + 1];
  Count       to_counts[TANDEM_N_CELLS + 1];
  Flow        flows[TANDEM_N_CELLS * TANDEM_N_CELLS + 1];
  guint       closer, further, same, only_to;
} Expected;

static void
assert_movement (const TandemMovement *m,
                 const Expected       *e)
{
  guint from_counts[TANDEM_N_CELLS] = { 0 }, to_counts[TANDEM_N_CELLS] = { 0 };
  guint flows[TANDEM_N_CELLS][TANDEM_N_CELLS] = { { 0 } };

  for (guint i = 0; e->from_counts[i].cell != G_MAXUINT; i++)
    from_counts[e->from_counts[i].cell] = e->from_counts[i].n;
  for (guint i = 0; e->to_counts[i].cell != G_MAXUINT; i++)
    to_counts[e->to_counts[i].cell] = e->to_counts[i].n;
  for (guint i = 0; e->flows[i].from != G_MAXUINT; i++)
    flows[e->flows[i].from][e->flows[i].to] = e->flows[i].n;

  g_assert_cmpstr (m->from, ==, e->from);
  g_assert_cmpstr (m->to, ==, e->to);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      if (m->from_counts[i] != from_counts[i])
        g_error ("%s → %s: from_counts of %u,%u is %u, expected %u", e->from, e->to,
                 i / 3 + 1, i % 3 + 1, m->from_counts[i], from_counts[i]);
      if (m->to_counts[i] != to_counts[i])
        g_error ("%s → %s: to_counts of %u,%u is %u, expected %u", e->from, e->to,
                 i / 3 + 1, i % 3 + 1, m->to_counts[i], to_counts[i]);
      for (guint j = 0; j < TANDEM_N_CELLS; j++)
        if (m->flows[i][j] != flows[i][j])
          g_error ("%s → %s: flow %u,%u → %u,%u is %u, expected %u", e->from, e->to,
                   i / 3 + 1, i % 3 + 1, j / 3 + 1, j % 3 + 1, m->flows[i][j], flows[i][j]);
    }

  g_assert_cmpuint (m->closer, ==, e->closer);
  g_assert_cmpuint (m->further, ==, e->further);
  g_assert_cmpuint (m->same, ==, e->same);
  g_assert_cmpuint (m->only_to, ==, e->only_to);
  g_assert_cmpuint (m->only_from, ==, 0);
}

static TandemMovement *
compute (MovementFixture *fixture,
         const char      *from,
         const char      *to)
{
  g_autoptr(GError) error = NULL;
  TandemMovement *m = tandem_store_compute_movement (fixture->base.store, from, to, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static const Expected expected_2020_2022 = {
  /* At 2020-01-01: A 1,1 (2018), B 2,1 (2019), C 3,3 (that very day),
   * F 2,2 (2017); D and E not yet.  At 2022-01-01: A 1,2, B 3,1, C 3,3,
   * D 1,3, F 2,2. */
  "2020-01-01", "2022-01-01",
  { { CELL (1, 1), 1 }, { CELL (2, 1), 1 }, { CELL (3, 3), 1 }, { CELL (2, 2), 1 }, END_COUNTS },
  { { CELL (1, 2), 1 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, { CELL (2, 2), 1 }, END_COUNTS },
  { { CELL (1, 1), CELL (1, 2), 1 }, { CELL (2, 1), CELL (3, 1), 1 },
    { CELL (3, 3), CELL (3, 3), 1 }, { CELL (2, 2), CELL (2, 2), 1 }, END_FLOWS },
  /* A 2 → 1 closer; B 1 → 2 further; C 2 → 2 and F 0 → 0 the same; D new. */
  1, 1, 2, 1,
};

static void
test_movement_known (MovementFixture *fixture,
                     gconstpointer    data)
{
  static const Expected more[] = {
    {
      /* One date: every placed initiative stays where it is. */
      "2022-03-01", "2022-03-01",
      { { CELL (2, 2), 2 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, END_COUNTS },
      { { CELL (2, 2), 2 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, END_COUNTS },
      { { CELL (2, 2), CELL (2, 2), 2 }, { CELL (3, 1), CELL (3, 1), 1 },
        { CELL (3, 3), CELL (3, 3), 1 }, { CELL (1, 3), CELL (1, 3), 1 }, END_FLOWS },
      0, 0, 5, 0,
    },
    {
      /* Before anything: nobody at the first date, so all are new. */
      "2000-01-01", "2030-01-01",
      { END_COUNTS },
      { { CELL (2, 2), 1 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, { CELL (1, 1), 1 }, END_COUNTS },
      { END_FLOWS },
      0, 0, 0, 5,
    },
    {
      /* The first assessment's own day counts; the day before does not. */
      "2017-12-31", "2023-01-01",
      { { CELL (2, 2), 1 }, END_COUNTS },
      { { CELL (2, 2), 1 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, { CELL (1, 1), 1 }, END_COUNTS },
      { { CELL (2, 2), CELL (1, 1), 1 }, END_FLOWS },
      0, 1, 0, 4,
    },
    {
      "2017-12-30", "2017-12-30",
      { END_COUNTS }, { END_COUNTS }, { END_FLOWS },
      0, 0, 0, 0,
    },
    {
      /* A's middle assessment on both sides of its date. */
      "2020-06-14", "2020-06-15",
      { { CELL (1, 1), 1 }, { CELL (2, 1), 1 }, { CELL (3, 3), 1 }, { CELL (2, 2), 1 }, END_COUNTS },
      { { CELL (1, 2), 1 }, { CELL (2, 1), 1 }, { CELL (3, 3), 1 }, { CELL (2, 2), 1 }, END_COUNTS },
      { { CELL (1, 1), CELL (1, 2), 1 }, { CELL (2, 1), CELL (2, 1), 1 },
        { CELL (3, 3), CELL (3, 3), 1 }, { CELL (2, 2), CELL (2, 2), 1 }, END_FLOWS },
      1, 0, 3, 0,
    },
    {
      /* Across a leap day, and all the way to the end. */
      "2020-02-29", "2024-02-29",
      { { CELL (1, 1), 1 }, { CELL (2, 1), 1 }, { CELL (3, 3), 1 }, { CELL (2, 2), 1 }, END_COUNTS },
      { { CELL (2, 2), 1 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, { CELL (1, 1), 1 }, END_COUNTS },
      { { CELL (1, 1), CELL (2, 2), 1 }, { CELL (2, 1), CELL (3, 1), 1 },
        { CELL (3, 3), CELL (3, 3), 1 }, { CELL (2, 2), CELL (1, 1), 1 }, END_FLOWS },
      /* A 2 → 0 closer; B 1 → 2 and F 0 → 2 further; C the same; D new. */
      1, 2, 1, 1,
    },
  };
  g_autoptr(TandemMovement) m = compute (fixture, "2020-01-01", "2022-01-01");

  assert_movement (m, &expected_2020_2022);

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autoptr(TandemMovement) other = compute (fixture, more[i].from, more[i].to);

      assert_movement (other, &more[i]);
    }
}

static void
test_movement_follows_changes (MovementFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(TandemHistory) history = tandem_history_new (fixture->base.store);
  g_autoptr(TandemMovement) m = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemAssessment) a = NULL;
  const Expected after_delete = {
    "2020-01-01", "2022-01-01",
    { { CELL (1, 1), 1 }, { CELL (2, 1), 1 }, { CELL (3, 3), 1 }, END_COUNTS },
    { { CELL (1, 2), 1 }, { CELL (3, 1), 1 }, { CELL (3, 3), 1 }, { CELL (1, 3), 1 }, END_COUNTS },
    { { CELL (1, 1), CELL (1, 2), 1 }, { CELL (2, 1), CELL (3, 1), 1 }, { CELL (3, 3), CELL (3, 3), 1 }, END_FLOWS },
    1, 1, 1, 1,
  };
  const Expected after_new = {
    "2020-01-01", "2022-01-01",
    { { CELL (1, 1), 1 }, { CELL (2, 1), 1 }, { CELL (3, 3), 1 }, END_COUNTS },
    { { CELL (1, 2), 1 }, { CELL (3, 1), 1 }, { CELL (2, 3), 1 }, { CELL (1, 3), 1 }, END_COUNTS },
    { { CELL (1, 1), CELL (1, 2), 1 }, { CELL (2, 1), CELL (3, 1), 1 }, { CELL (3, 3), CELL (2, 3), 1 }, END_FLOWS },
    /* C now 2 → 1: closer. */
    2, 1, 0, 1,
  };

  /* Deleting an initiative takes its history out of the movement… */
  g_assert_true (tandem_history_delete_initiative (history, fixture->uuid[F], &error));
  g_assert_no_error (error);
  m = compute (fixture, "2020-01-01", "2022-01-01");
  assert_movement (m, &after_delete);

  /* …and an assessment added, between the dates, moves C. */
  a = tandem_assessment_new (fixture->uuid[C], "2021-12-31", 2, 3);
  g_assert_true (tandem_history_save_assessment (history, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&m, tandem_movement_free);
  m = compute (fixture, "2020-01-01", "2022-01-01");
  assert_movement (m, &after_new);

  /* Undoing both brings the first answer back. */
  g_assert_true (tandem_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_undo (history, &error));
  g_assert_no_error (error);
  g_clear_pointer (&m, tandem_movement_free);
  m = compute (fixture, "2020-01-01", "2022-01-01");
  assert_movement (m, &expected_2020_2022);

  /* And a reopened portfolio gives the same. */
  g_clear_object (&history);
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_NONE);
  g_clear_pointer (&m, tandem_movement_free);
  m = compute (fixture, "2020-01-01", "2022-01-01");
  assert_movement (m, &expected_2020_2022);
}

static void
test_movement_read_only (MovementFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(TandemMovement) m = NULL;

  /* Only reading: a read-only portfolio can be measured too. */
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_READ_ONLY);
  g_assert_true (tandem_store_get_read_only (fixture->base.store));
  m = compute (fixture, "2020-01-01", "2022-01-01");
  assert_movement (m, &expected_2020_2022);
}

static void
test_movement_invalid (MovementFixture *fixture,
                       gconstpointer    data)
{
  static const struct { const char *from; const char *to; } bad[] = {
    { "2022-01-01", "2020-01-01" },     /* from after to */
    { "2020-01-02", "2020-01-01" },
    { "2023-02-29", "2024-01-01" },     /* not a leap year */
    { "2020-01-01", "2024-02-30" },
    { "2020-1-1", "2022-01-01" },
    { "2020-01-01", "2022-1-01" },
    { "", "2022-01-01" },
    { "2020-01-01", "" },
    { NULL, "2022-01-01" },
    { "2020-01-01", NULL },
    { NULL, NULL },
    { "yesterday", "today" },
    { "2020-01-01T00:00:00", "2022-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemMovement) m = tandem_store_compute_movement (fixture->base.store, bad[i].from, bad[i].to,
                                                                   NULL, &error);

      if (m != NULL)
        g_error ("movement from “%s” to “%s” should fail", bad[i].from, bad[i].to);
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    }
}

static void
test_movement_cancelled (MovementFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) live = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMovement) m = NULL;

  g_cancellable_cancel (cancellable);
  m = tandem_store_compute_movement (fixture->base.store, "2020-01-01", "2022-01-01", cancellable, &error);
  g_assert_null (m);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A cancellable that is not cancelled changes nothing. */
  m = tandem_store_compute_movement (fixture->base.store, "2020-01-01", "2022-01-01", live, &error);
  g_assert_no_error (error);
  assert_movement (m, &expected_2020_2022);
}

typedef struct
{
  GMainLoop      *loop;
  TandemMovement *movement;
  GError         *error;
  guint           calls;
} AsyncResult;

static void
movement_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->calls++;
  r->movement = tandem_store_compute_movement_finish (TANDEM_STORE (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
run_async (MovementFixture *fixture,
           const char      *from,
           const char      *to,
           GCancellable    *cancellable,
           AsyncResult     *r)
{
  memset (r, 0, sizeof *r);
  r->loop = g_main_loop_new (NULL, FALSE);
  tandem_store_compute_movement_async (fixture->base.store, from, to, cancellable, movement_ready, r);
  /* Never called back before the main loop runs. */
  g_assert_cmpuint (r->calls, ==, 0);
  g_main_loop_run (r->loop);
  g_assert_cmpuint (r->calls, ==, 1);
  g_main_loop_unref (r->loop);
}

static void
test_movement_async (MovementFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TandemMovement) sync = compute (fixture, "2020-02-29", "2024-02-29");
  AsyncResult r;

  /* The same answer as the synchronous call. */
  run_async (fixture, "2020-01-01", "2022-01-01", NULL, &r);
  g_assert_no_error (r.error);
  assert_movement (r.movement, &expected_2020_2022);
  tandem_movement_free (r.movement);

  run_async (fixture, "2020-02-29", "2024-02-29", NULL, &r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (r.movement->from, ==, sync->from);
  g_assert_cmpstr (r.movement->to, ==, sync->to);
  g_assert_cmpmem (r.movement->from_counts, sizeof sync->from_counts, sync->from_counts, sizeof sync->from_counts);
  g_assert_cmpmem (r.movement->to_counts, sizeof sync->to_counts, sync->to_counts, sizeof sync->to_counts);
  g_assert_cmpmem (r.movement->flows, sizeof sync->flows, sync->flows, sizeof sync->flows);
  g_assert_cmpuint (r.movement->closer, ==, sync->closer);
  g_assert_cmpuint (r.movement->further, ==, sync->further);
  g_assert_cmpuint (r.movement->same, ==, sync->same);
  g_assert_cmpuint (r.movement->only_to, ==, sync->only_to);
  tandem_movement_free (r.movement);

  /* Bad dates fail through the callback too. */
  run_async (fixture, "2022-01-01", "2020-01-01", NULL, &r);
  g_assert_null (r.movement);
  g_assert_error (r.error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&r.error);

  run_async (fixture, "2023-02-29", "2024-01-01", NULL, &r);
  g_assert_null (r.movement);
  g_assert_error (r.error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&r.error);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  run_async (fixture, "2020-01-01", "2022-01-01", cancellable, &r);
  g_assert_null (r.movement);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
}

static void
test_movement_async_parallel (MovementFixture *fixture,
                              gconstpointer    data)
{
  static const char * const pairs[][2] = {
    { "2020-01-01", "2022-01-01" }, { "2017-12-31", "2023-01-01" }, { "2000-01-01", "2030-01-01" },
    { "2022-03-01", "2022-03-01" }, { "2020-06-14", "2020-06-15" }, { "2020-02-29", "2024-02-29" },
  };
  AsyncResult results[G_N_ELEMENTS (pairs)];
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint pending = G_N_ELEMENTS (pairs);

  /* Several at once, each from its own thread, each with its own answer. */
  memset (results, 0, sizeof results);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      results[i].loop = loop;
      tandem_store_compute_movement_async (fixture->base.store, pairs[i][0], pairs[i][1], NULL,
                                           movement_ready, &results[i]);
    }

  while (pending > 0)
    {
      g_main_loop_run (loop);
      pending = 0;
      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        pending += results[i].calls == 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(TandemMovement) sync = compute (fixture, pairs[i][0], pairs[i][1]);
      TandemMovement *m = results[i].movement;

      g_assert_cmpuint (results[i].calls, ==, 1);
      g_assert_no_error (results[i].error);
      g_assert_cmpstr (m->from, ==, pairs[i][0]);
      g_assert_cmpstr (m->to, ==, pairs[i][1]);
      g_assert_cmpmem (m->from_counts, sizeof m->from_counts, sync->from_counts, sizeof sync->from_counts);
      g_assert_cmpmem (m->to_counts, sizeof m->to_counts, sync->to_counts, sizeof sync->to_counts);
      g_assert_cmpmem (m->flows, sizeof m->flows, sync->flows, sizeof sync->flows);
      g_assert_cmpuint (m->closer + m->further + m->same + m->only_to, ==,
                        sync->closer + sync->further + sync->same + sync->only_to);
      tandem_movement_free (m);
    }
}

/* ---- Random histories against a reference ------------------------------------ */

typedef struct
{
  char  *date;
  guint  cell;
} Placed;

/* Where @list (sorted by date) puts an initiative on @date, or G_MAXUINT. */
static guint
reference_cell (GArray     *list,
                const char *date)
{
  guint cell = G_MAXUINT;

  for (guint i = 0; i < list->len; i++)
    {
      Placed *p = &g_array_index (list, Placed, i);

      if (strcmp (p->date, date) <= 0)
        cell = p->cell;
    }

  return cell;
}

static void
placed_clear (gpointer data)
{
  g_free (((Placed *) data)->date);
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Placed *) a)->date, ((const Placed *) b)->date);
}

static char *
random_date (GRand *rand)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2015);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 11 * 365));
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
test_movement_random (TandemTestFixture *fixture,
                      gconstpointer      data)
{
  const guint n_initiatives = 60;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GError) error = NULL;
  guint n_assessments = 0;

  for (guint i = 0; i < n_initiatives; i++)
    {
      g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Random", 1, 1);
      g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);
      GArray *list = g_array_new (FALSE, FALSE, sizeof (Placed));
      guint k = g_rand_int_range (rand, 0, 7);

      g_array_set_clear_func (list, placed_clear);
      tandem_changes_save_initiative (changes, initiative);
      g_ptr_array_add (uuids, g_strdup (tandem_initiative_get_uuid (initiative)));

      for (guint j = 0; j < k; j++)
        {
          Placed p = { random_date (rand), g_rand_int_range (rand, 0, TANDEM_N_CELLS) };
          g_autoptr(TandemAssessment) a = NULL;

          if (g_hash_table_contains (dates, p.date))
            {
              g_free (p.date);
              continue;
            }

          a = tandem_assessment_new (tandem_initiative_get_uuid (initiative), p.date,
                                     p.cell / 3 + 1, p.cell % 3 + 1);
          tandem_changes_save_assessment (changes, a);
          g_array_append_val (list, p);
          g_hash_table_add (dates, p.date);
          n_assessments++;
        }

      g_array_sort (list, compare_placed);
      g_ptr_array_add (lists, list);
    }

  g_assert_true (tandem_store_apply (fixture->store, changes, &error));
  g_assert_no_error (error);
  g_test_message ("%u initiatives, %u assessments", n_initiatives, n_assessments);

  for (guint round = 0; round < 40; round++)
    {
      g_autofree char *x = random_date (rand);
      g_autofree char *y = random_date (rand);
      const char *from = strcmp (x, y) <= 0 ? x : y;
      const char *to = strcmp (x, y) <= 0 ? y : x;
      g_autoptr(TandemMovement) m = tandem_store_compute_movement (fixture->store, from, to, NULL, &error);
      guint from_counts[TANDEM_N_CELLS] = { 0 }, to_counts[TANDEM_N_CELLS] = { 0 };
      guint flows[TANDEM_N_CELLS][TANDEM_N_CELLS] = { { 0 } };
      guint closer = 0, further = 0, same = 0, only_to = 0;

      g_assert_no_error (error);

      for (guint i = 0; i < n_initiatives; i++)
        {
          GArray *list = g_ptr_array_index (lists, i);
          guint a = reference_cell (list, from), b = reference_cell (list, to);
          guint da, db;

          if (a != G_MAXUINT)
            from_counts[a]++;
          if (b != G_MAXUINT)
            to_counts[b]++;
          if (a == G_MAXUINT && b != G_MAXUINT)
            only_to++;
          if (a == G_MAXUINT || b == G_MAXUINT)
            continue;

          flows[a][b]++;
          da = tandem_cell_distance (a / 3 + 1, a % 3 + 1);
          db = tandem_cell_distance (b / 3 + 1, b % 3 + 1);
          closer += db < da;
          further += db > da;
          same += db == da;
        }

      g_assert_cmpmem (m->from_counts, sizeof m->from_counts, from_counts, sizeof from_counts);
      g_assert_cmpmem (m->to_counts, sizeof m->to_counts, to_counts, sizeof to_counts);
      g_assert_cmpmem (m->flows, sizeof m->flows, flows, sizeof flows);
      g_assert_cmpuint (m->closer, ==, closer);
      g_assert_cmpuint (m->further, ==, further);
      g_assert_cmpuint (m->same, ==, same);
      g_assert_cmpuint (m->only_to, ==, only_to);
      g_assert_cmpuint (m->only_from, ==, 0);
    }

  /* And each initiative's current cell is its latest assessment's. */
  for (guint i = 0; i < n_initiatives; i++)
    {
      GArray *list = g_ptr_array_index (lists, i);
      TandemInitiative *live = tandem_store_lookup_initiative (fixture->store, g_ptr_array_index (uuids, i));
      guint cell = list->len > 0 ? g_array_index (list, Placed, list->len - 1).cell : CELL (1, 1);

      g_assert_cmpuint (tandem_initiative_get_row (live), ==, cell / 3 + 1);
      g_assert_cmpuint (tandem_initiative_get_col (live), ==, cell % 3 + 1);
    }
  tandem_test_assert_disk_matches (fixture->store);
}

static void
test_movement_empty (TandemTestFixture *fixture,
                     gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMovement) m = tandem_store_compute_movement (fixture->store, "2015-01-01", "2030-12-31",
                                                               NULL, &error);
  guint zeros[TANDEM_N_CELLS] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpmem (m->from_counts, sizeof m->from_counts, zeros, sizeof zeros);
  g_assert_cmpmem (m->to_counts, sizeof m->to_counts, zeros, sizeof zeros);
  g_assert_cmpuint (m->closer + m->further + m->same + m->only_to + m->only_from, ==, 0);
}

static void
test_movement_example (TandemTestFixture *fixture,
                       gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemMovement) m = NULL;
  g_autofree char *today = tandem_date_today ();
  guint total = 0;

  /* The worked example moved: the youth service from 1,1 (2019) to 1,2
   * (2021); it is counted at both dates. */
  m = tandem_store_compute_movement (fixture->store, "2020-01-01", today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->flows[CELL (1, 1)][CELL (1, 2)], >=, 1);
  g_assert_cmpuint (m->closer, >=, 1);

  /* Today everyone stands where the matrix shows them. */
  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      {
        g_assert_cmpuint (m->to_counts[CELL (r, c)], ==, tandem_store_count_in_cell (fixture->store, r, c));
        total += m->to_counts[CELL (r, c)];
      }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/movement/cell-steps", test_cell_steps);
  g_test_add_func ("/core/movement/track/table", test_track_table);
  g_test_add_func ("/core/movement/track/exhaustive", test_track_exhaustive);

#define ADD(path, func) \
  g_test_add (path, MovementFixture, NULL, movement_setup, func, movement_teardown)

  ADD ("/core/movement/known", test_movement_known);
  ADD ("/core/movement/follows-changes", test_movement_follows_changes);
  ADD ("/core/movement/read-only", test_movement_read_only);
  ADD ("/core/movement/invalid", test_movement_invalid);
  ADD ("/core/movement/cancelled", test_movement_cancelled);
  ADD ("/core/movement/async", test_movement_async);
  ADD ("/core/movement/async-parallel", test_movement_async_parallel);

#undef ADD

  g_test_add ("/core/movement/random", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_movement_random, tandem_test_fixture_teardown);
  g_test_add ("/core/movement/empty", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_movement_empty, tandem_test_fixture_teardown);
  g_test_add ("/core/movement/example", TandemTestFixture, NULL,
              tandem_test_fixture_setup_seeded, test_movement_example, tandem_test_fixture_teardown);

  return g_test_run ();
}
