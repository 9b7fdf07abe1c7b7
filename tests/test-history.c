/* test-history.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "tandem-test-utils.h"

typedef struct
{
  TandemTestFixture  base;
  TandemHistory     *history;
  guint              can_undo_notified;
  guint              can_redo_notified;
} HistoryFixture;

static void
history_setup (HistoryFixture *fixture,
               gconstpointer   data)
{
  tandem_test_fixture_setup_seeded (&fixture->base, data);

  fixture->history = tandem_history_new (fixture->base.store);
  g_assert_true (TANDEM_IS_HISTORY (fixture->history));
  g_assert_true (tandem_history_get_store (fixture->history) == fixture->base.store);

  fixture->can_undo_notified = 0;
  fixture->can_redo_notified = 0;
  tandem_test_count_notify (fixture->history, "can-undo", &fixture->can_undo_notified);
  tandem_test_count_notify (fixture->history, "can-redo", &fixture->can_redo_notified);
}

static void
history_teardown (HistoryFixture *fixture,
                  gconstpointer   data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->history));
  tandem_test_fixture_teardown (&fixture->base, data);
}

#define STORE(f) ((f)->base.store)

static TandemInitiative *
find_youth (TandemStore *store)
{
  GListModel *model = tandem_store_get_initiatives (store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      if (g_str_has_prefix (tandem_initiative_get_title (initiative), "Youth employability"))
        return initiative;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
assert_can (HistoryFixture *fixture,
            gboolean        can_undo,
            gboolean        can_redo)
{
  gboolean prop_undo, prop_redo;

  g_assert_cmpint (tandem_history_get_can_undo (fixture->history), ==, can_undo);
  g_assert_cmpint (tandem_history_get_can_redo (fixture->history), ==, can_redo);

  g_object_get (fixture->history, "can-undo", &prop_undo, "can-redo", &prop_redo, NULL);
  g_assert_cmpint (prop_undo, ==, can_undo);
  g_assert_cmpint (prop_redo, ==, can_redo);

  if (can_undo)
    {
      g_assert_nonnull (tandem_history_get_undo_label (fixture->history));
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), !=, "");
    }
  if (can_redo)
    {
      g_assert_nonnull (tandem_history_get_redo_label (fixture->history));
      g_assert_cmpstr (tandem_history_get_redo_label (fixture->history), !=, "");
    }
}

/* One edit, as a function the checks below can call. */
typedef gboolean (*EditFunc) (HistoryFixture  *fixture,
                              GError         **error);

/*
 * The heart of these tests: @edit must change the portfolio; undo must
 * bring back exactly the state before it, in memory and on disk; redo
 * must bring back exactly the state after it; and both must notify
 * can-undo and can-redo as they change.
 */
static void
check_undo_redo (HistoryFixture *fixture,
                 EditFunc        edit)
{
  g_autoptr(TandemTestState) before = tandem_test_state_capture (STORE (fixture));
  g_autoptr(TandemTestState) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *why = NULL;
  guint undo_notified, redo_notified;

  assert_can (fixture, FALSE, FALSE);

  /* The edit. */
  undo_notified = fixture->can_undo_notified;
  g_assert_true (edit (fixture, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_test_state_matches (before, STORE (fixture), &why));
  after = tandem_test_state_capture (STORE (fixture));
  tandem_test_assert_disk_matches (STORE (fixture));
  assert_can (fixture, TRUE, FALSE);
  g_assert_cmpuint (fixture->can_undo_notified, >, undo_notified);
  undo_label = g_strdup (tandem_history_get_undo_label (fixture->history));

  for (guint round = 0; round < 2; round++)
    {
      /* Undo: exactly as before, also on disk. */
      undo_notified = fixture->can_undo_notified;
      redo_notified = fixture->can_redo_notified;
      g_assert_true (tandem_history_undo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (before, STORE (fixture));
      tandem_test_assert_disk_matches (STORE (fixture));
      assert_can (fixture, FALSE, TRUE);
      g_assert_cmpuint (fixture->can_undo_notified, >, undo_notified);
      g_assert_cmpuint (fixture->can_redo_notified, >, redo_notified);
      g_assert_cmpstr (tandem_history_get_redo_label (fixture->history), ==, undo_label);

      /* Redo: exactly as after, also on disk. */
      undo_notified = fixture->can_undo_notified;
      redo_notified = fixture->can_redo_notified;
      g_assert_true (tandem_history_redo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (after, STORE (fixture));
      tandem_test_assert_disk_matches (STORE (fixture));
      assert_can (fixture, TRUE, FALSE);
      g_assert_cmpuint (fixture->can_undo_notified, >, undo_notified);
      g_assert_cmpuint (fixture->can_redo_notified, >, redo_notified);
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==, undo_label);
    }

  /* Nothing further to redo. */
  g_assert_false (tandem_history_redo (fixture->history, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  tandem_test_assert_state (after, STORE (fixture));

  /* Undo once more and reopen: the undone state is what was saved. */
  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_history_undo (fixture->history, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  tandem_test_assert_state (before, STORE (fixture));
}

/* ---- Each kind of edit ---------------------------------------------------------- */

static char *added_uuid;

static gboolean
edit_add (HistoryFixture  *fixture,
          GError         **error)
{
  TandemInitiative *added;

  added = tandem_history_add_initiative (fixture->history, "Repair café", 2, 3, error);
  if (added == NULL)
    return FALSE;

  g_assert_true (TANDEM_IS_INITIATIVE (added));
  g_assert_true (tandem_store_lookup_initiative (STORE (fixture), tandem_initiative_get_uuid (added)) == added);
  g_assert_cmpstr (tandem_initiative_get_title (added), ==, "Repair café");
  g_assert_cmpuint (tandem_initiative_get_row (added), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_col (added), ==, 3);
  g_free (added_uuid);
  added_uuid = g_strdup (tandem_initiative_get_uuid (added));
  return TRUE;
}

static void
test_add (HistoryFixture *fixture,
          gconstpointer   data)
{
  check_undo_redo (fixture, edit_add);

  /* Undone, the new initiative is gone; redone it is back with its UUID. */
  g_assert_null (tandem_store_lookup_initiative (STORE (fixture), added_uuid));
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_nonnull (tandem_store_lookup_initiative (STORE (fixture), added_uuid));
  g_clear_pointer (&added_uuid, g_free);
}

static gboolean
edit_save (HistoryFixture  *fixture,
           GError         **error)
{
  TandemInitiative *live = find_youth (STORE (fixture));
  g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);
  gboolean ok;

  tandem_initiative_set_title (edited, "Youth employability, renamed");
  tandem_initiative_set_organisation (edited, "Another council");
  tandem_initiative_set_service_area (edited, "Careers");
  tandem_initiative_set_place (edited, "Somewhere else");
  tandem_initiative_set_description (edited, "A new description.");
  tandem_initiative_set_cell (edited, 2, 1);
  tandem_initiative_set_cell_note (edited, 2, 1, "A new note");
  ok = tandem_history_save_initiative (fixture->history, edited, "Edit the worked example", error);
  if (ok)
    g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==, "Edit the worked example");

  return ok;
}

static void
test_save (HistoryFixture *fixture,
           gconstpointer   data)
{
  check_undo_redo (fixture, edit_save);
  g_assert_cmpstr (tandem_initiative_get_title (find_youth (STORE (fixture))), ==,
                   "Youth employability service (worked example)");
}

static void
test_save_default_label (HistoryFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(TandemInitiative) edited = tandem_initiative_copy (find_youth (STORE (fixture)));
  g_autoptr(GError) error = NULL;

  tandem_initiative_set_place (edited, "Elsewhere");
  g_assert_true (tandem_history_save_initiative (fixture->history, edited, NULL, &error));
  g_assert_no_error (error);
  assert_can (fixture, TRUE, FALSE);
}

static TandemInitiative *deleted_copy;

static gboolean
edit_delete (HistoryFixture  *fixture,
             GError         **error)
{
  TandemInitiative *youth = find_youth (STORE (fixture));

  /* The example has a target and notes: all must come back. */
  g_assert_true (tandem_initiative_has_target (youth));
  g_clear_object (&deleted_copy);
  deleted_copy = tandem_initiative_copy (youth);

  return tandem_history_delete_initiative (fixture->history, tandem_initiative_get_uuid (youth), error);
}

static void
test_delete (HistoryFixture *fixture,
             gconstpointer   data)
{
  TandemInitiative *restored;

  check_undo_redo (fixture, edit_delete);

  /* The same UUID, in the same cell, with its target and notes. */
  restored = tandem_store_lookup_initiative (STORE (fixture), tandem_initiative_get_uuid (deleted_copy));
  g_assert_nonnull (restored);
  g_assert_true (tandem_initiative_equal (restored, deleted_copy));
  g_assert_cmpuint (tandem_initiative_get_row (restored), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (restored), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_target_row (restored), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_target_col (restored), ==, 2);
  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      g_assert_cmpstr (tandem_initiative_get_cell_note (restored, r, c), ==,
                       tandem_initiative_get_cell_note (deleted_copy, r, c));
  g_clear_object (&deleted_copy);
}

static gboolean
edit_delete_with_notes (HistoryFixture  *fixture,
                        GError         **error)
{
  TandemInitiative *youth = find_youth (STORE (fixture));

  return tandem_history_delete_initiative (fixture->history, tandem_initiative_get_uuid (youth), error);
}

static void
test_delete_with_notes (HistoryFixture *fixture,
                        gconstpointer   data)
{
  TandemInitiative *youth = find_youth (STORE (fixture));
  g_autoptr(TandemInitiative) edited = tandem_initiative_copy (youth);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (youth));

  /* Set notes through the store, so the history starts empty. */
  tandem_initiative_set_cell_note (edited, 1, 3, "Note in 1,3");
  tandem_initiative_set_cell_note (edited, 3, 1, "Note in 3,1");
  g_assert_true (tandem_store_save_initiative (STORE (fixture), edited, &error));
  g_assert_no_error (error);

  check_undo_redo (fixture, edit_delete_with_notes);

  youth = tandem_store_lookup_initiative (STORE (fixture), uuid);
  g_assert_nonnull (youth);
  g_assert_cmpstr (tandem_initiative_get_cell_note (youth, 1, 3), ==, "Note in 1,3");
  g_assert_cmpstr (tandem_initiative_get_cell_note (youth, 3, 1), ==, "Note in 3,1");

  g_assert_finalize_object (g_steal_pointer (&fixture->history));
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_NONE);
  fixture->history = tandem_history_new (fixture->base.store);
  youth = tandem_store_lookup_initiative (fixture->base.store, uuid);
  g_assert_nonnull (youth);
  g_assert_cmpstr (tandem_initiative_get_cell_note (youth, 3, 1), ==, "Note in 3,1");
}

static gboolean
edit_move (HistoryFixture  *fixture,
           GError         **error)
{
  return tandem_history_move_initiative (fixture->history,
                                         tandem_initiative_get_uuid (find_youth (STORE (fixture))),
                                         3, 3, error);
}

static void
test_move (HistoryFixture *fixture,
           gconstpointer   data)
{
  TandemInitiative *youth = find_youth (STORE (fixture));
  guint at_1_2 = tandem_store_count_in_cell (STORE (fixture), 1, 2);

  check_undo_redo (fixture, edit_move);
  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 2);

  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, 3);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 3);
  g_assert_cmpuint (tandem_store_count_in_cell (STORE (fixture), 1, 2), ==, at_1_2 - 1);
}

static gboolean
edit_set_target (HistoryFixture  *fixture,
                 GError         **error)
{
  return tandem_history_set_target (fixture->history,
                                    tandem_initiative_get_uuid (find_youth (STORE (fixture))),
                                    3, 2, error);
}

static gboolean
edit_clear_target (HistoryFixture  *fixture,
                   GError         **error)
{
  return tandem_history_set_target (fixture->history,
                                    tandem_initiative_get_uuid (find_youth (STORE (fixture))),
                                    0, 0, error);
}

static void
test_set_target (HistoryFixture *fixture,
                 gconstpointer   data)
{
  TandemInitiative *youth = find_youth (STORE (fixture));

  check_undo_redo (fixture, edit_set_target);
  g_assert_cmpuint (tandem_initiative_get_target_row (youth), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_target_col (youth), ==, 2);
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_cmpuint (tandem_initiative_get_target_row (youth), ==, 3);
  g_assert_cmpuint (tandem_initiative_get_target_col (youth), ==, 2);
}

static void
test_clear_target (HistoryFixture *fixture,
                   gconstpointer   data)
{
  TandemInitiative *youth = find_youth (STORE (fixture));

  g_assert_true (tandem_initiative_has_target (youth));
  check_undo_redo (fixture, edit_clear_target);
  g_assert_true (tandem_initiative_has_target (youth));
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_false (tandem_initiative_has_target (youth));

  g_assert_finalize_object (g_steal_pointer (&fixture->history));
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_NONE);
  g_assert_false (tandem_initiative_has_target (find_youth (fixture->base.store)));
  fixture->history = tandem_history_new (fixture->base.store);
}

static gboolean
edit_add_note (HistoryFixture  *fixture,
               GError         **error)
{
  return tandem_history_set_cell_note (fixture->history,
                                       tandem_initiative_get_uuid (find_youth (STORE (fixture))),
                                       2, 3, "What 2,3 would look like", error);
}

static gboolean
edit_remove_note (HistoryFixture  *fixture,
                  GError         **error)
{
  return tandem_history_set_cell_note (fixture->history,
                                       tandem_initiative_get_uuid (find_youth (STORE (fixture))),
                                       3, 1, NULL, error);
}

static void
test_cell_note (HistoryFixture *fixture,
                gconstpointer   data)
{
  TandemInitiative *youth = find_youth (STORE (fixture));

  check_undo_redo (fixture, edit_add_note);
  g_assert_null (tandem_initiative_get_cell_note (youth, 2, 3));
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_cmpstr (tandem_initiative_get_cell_note (youth, 2, 3), ==, "What 2,3 would look like");
}

static void
test_cell_note_remove (HistoryFixture *fixture,
                       gconstpointer   data)
{
  TandemInitiative *youth = find_youth (STORE (fixture));
  g_autoptr(TandemInitiative) edited = tandem_initiative_copy (youth);
  g_autoptr(GError) error = NULL;

  tandem_initiative_set_cell_note (edited, 3, 1, "To be removed");
  g_assert_true (tandem_store_save_initiative (STORE (fixture), edited, &error));
  g_assert_no_error (error);

  check_undo_redo (fixture, edit_remove_note);
  g_assert_cmpstr (tandem_initiative_get_cell_note (youth, 3, 1), ==, "To be removed");
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_null (tandem_initiative_get_cell_note (youth, 3, 1));
}

static gboolean
edit_label (HistoryFixture  *fixture,
            GError         **error)
{
  return tandem_history_set_matrix_label (fixture->history, "cell-2-2", "Working as equals", error);
}

static gboolean
edit_label_reset (HistoryFixture  *fixture,
                  GError         **error)
{
  return tandem_history_set_matrix_label (fixture->history, "design-axis", NULL, error);
}

static void
test_matrix_label (HistoryFixture *fixture,
                   gconstpointer   data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (STORE (fixture));

  check_undo_redo (fixture, edit_label);
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-2-2"), ==, "Full co-production");
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-2-2"), ==, "Working as equals");
}

static void
test_matrix_label_reset (HistoryFixture *fixture,
                         gconstpointer   data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (STORE (fixture));
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (labels, "design-axis", "Who designs");
  g_assert_true (tandem_store_set_matrix_labels (STORE (fixture), labels, &error));
  g_assert_no_error (error);

  check_undo_redo (fixture, edit_label_reset);
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "design-axis"), ==, "Who designs");
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "design-axis"), ==,
                   "Responsibility for design of services");
  g_assert_false (tandem_matrix_is_customised (matrix, "design-axis"));
}

static gboolean
edit_reset_matrix (HistoryFixture  *fixture,
                   GError         **error)
{
  return tandem_history_reset_matrix (fixture->history, error);
}

static void
test_reset_matrix (HistoryFixture *fixture,
                   gconstpointer   data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (STORE (fixture));
  const char * const *keys = tandem_matrix_get_keys ();
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (labels, "design-axis", "Who designs");
  g_hash_table_insert (labels, "delivery-2", "Together");
  g_hash_table_insert (labels, "cell-3-3", "Mutual aid");
  g_assert_true (tandem_store_set_matrix_labels (STORE (fixture), labels, &error));
  g_assert_no_error (error);

  /* check_undo_redo() proves it is one step: one undo restores all three. */
  check_undo_redo (fixture, edit_reset_matrix);
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "design-axis"), ==, "Who designs");
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "delivery-2"), ==, "Together");
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-3-3"), ==, "Mutual aid");

  g_assert_true (tandem_history_redo (fixture->history, NULL));
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_false (tandem_matrix_is_customised (matrix, keys[i]));
}

/* ---- The stacks ----------------------------------------------------------------- */

static void
test_many_steps (HistoryFixture *fixture,
                 gconstpointer   data)
{
  static const EditFunc edits[] = {
    edit_add, edit_move, edit_set_target, edit_add_note, edit_label, edit_save, edit_delete_with_notes,
  };
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_test_state_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_assert_true (edits[i] (fixture, &error));
      g_assert_no_error (error);
      g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
    }

  /* Undo all the way back, checking every state on the way. */
  for (guint i = G_N_ELEMENTS (edits); i > 0; i--)
    {
      assert_can (fixture, TRUE, i < G_N_ELEMENTS (edits));
      g_assert_true (tandem_history_undo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (g_ptr_array_index (states, i - 1), STORE (fixture));
    }
  assert_can (fixture, FALSE, TRUE);
  tandem_test_assert_disk_matches (STORE (fixture));

  /* And forward again. */
  for (guint i = 1; i <= G_N_ELEMENTS (edits); i++)
    {
      g_assert_true (tandem_history_redo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (g_ptr_array_index (states, i), STORE (fixture));
    }
  assert_can (fixture, TRUE, FALSE);
  tandem_test_assert_disk_matches (STORE (fixture));
  g_clear_pointer (&added_uuid, g_free);
}

static void
test_new_edit_clears_redo (HistoryFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTestState) state = NULL;
  guint redo_notified;

  g_assert_true (edit_move (fixture, &error));
  g_assert_true (edit_set_target (fixture, &error));
  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  assert_can (fixture, TRUE, TRUE);

  redo_notified = fixture->can_redo_notified;
  g_assert_true (edit_label (fixture, &error));
  g_assert_no_error (error);
  assert_can (fixture, TRUE, FALSE);
  g_assert_cmpuint (fixture->can_redo_notified, >, redo_notified);

  state = tandem_test_state_capture (STORE (fixture));
  g_assert_false (tandem_history_redo (fixture->history, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  tandem_test_assert_state (state, STORE (fixture));

  /* Two undos take back the label and the move; the undone target never
   * comes back. */
  g_assert_true (tandem_history_undo (fixture->history, NULL));
  g_assert_true (tandem_history_undo (fixture->history, NULL));
  assert_can (fixture, FALSE, TRUE);
  g_assert_cmpuint (tandem_initiative_get_row (find_youth (STORE (fixture))), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_target_col (find_youth (STORE (fixture))), ==, 2);
}

static void
test_nothing_to_undo (HistoryFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(TandemTestState) state = tandem_test_state_capture (STORE (fixture));
  g_autoptr(GError) error = NULL;

  assert_can (fixture, FALSE, FALSE);
  g_assert_false (tandem_history_undo (fixture->history, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  g_clear_error (&error);
  g_assert_false (tandem_history_redo (fixture->history, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  tandem_test_assert_state (state, STORE (fixture));
  assert_can (fixture, FALSE, FALSE);
  g_assert_cmpuint (fixture->can_undo_notified, ==, 0);
  g_assert_cmpuint (fixture->can_redo_notified, ==, 0);
}

static void
test_clear (HistoryFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  guint undo_notified, redo_notified;

  g_assert_true (edit_move (fixture, &error));
  g_assert_true (edit_label (fixture, &error));
  g_assert_true (tandem_history_undo (fixture->history, &error));
  assert_can (fixture, TRUE, TRUE);

  undo_notified = fixture->can_undo_notified;
  redo_notified = fixture->can_redo_notified;
  tandem_history_clear (fixture->history);
  assert_can (fixture, FALSE, FALSE);
  g_assert_cmpuint (fixture->can_undo_notified, >, undo_notified);
  g_assert_cmpuint (fixture->can_redo_notified, >, redo_notified);

  /* Clearing forgets the steps; it does not undo them. */
  g_assert_cmpuint (tandem_initiative_get_row (find_youth (STORE (fixture))), ==, 3);
}

/* ---- Edits that fail or change nothing ---------------------------------------- */

static void
assert_records_nothing (HistoryFixture  *fixture,
                        gboolean         ok,
                        GError          *error,
                        int              code,
                        TandemTestState *state,
                        guint            undo_notified,
                        guint            redo_notified)
{
  g_assert_false (ok);
  g_assert_error (error, TANDEM_STORE_ERROR, code);
  tandem_test_assert_state (state, STORE (fixture));
  /* The one step from the setup is still there to undo and redo. */
  assert_can (fixture, TRUE, TRUE);
  g_assert_cmpuint (fixture->can_undo_notified, ==, undo_notified);
  g_assert_cmpuint (fixture->can_redo_notified, ==, redo_notified);
}

static void
test_failing_edits (HistoryFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *youth = g_strdup (tandem_initiative_get_uuid (find_youth (STORE (fixture))));
  g_autofree char *redo_label = NULL;
  guint undo_notified, redo_notified;
  gboolean ok;

  /* One step to undo and one to redo: a failed edit must keep both. */
  g_assert_true (edit_label (fixture, &error));
  g_assert_true (edit_move (fixture, &error));
  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  redo_label = g_strdup (tandem_history_get_redo_label (fixture->history));
  state = tandem_test_state_capture (STORE (fixture));
  undo_notified = fixture->can_undo_notified;
  redo_notified = fixture->can_redo_notified;

#define CHECK(call, code)                                                          \
  G_STMT_START {                                                                   \
    g_test_message ("%s", #call);                                                  \
    ok = (call);                                                                   \
    assert_records_nothing (fixture, ok, error, code, state, undo_notified, redo_notified); \
    g_clear_error (&error);                                                        \
  } G_STMT_END

  CHECK (tandem_history_add_initiative (fixture->history, "", 2, 2, &error) != NULL,
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_add_initiative (fixture->history, "   ", 2, 2, &error) != NULL,
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_add_initiative (fixture->history, "Nowhere", 4, 1, &error) != NULL,
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_add_initiative (fixture->history, "Nowhere", 1, 0, &error) != NULL,
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_move_initiative (fixture->history, unknown, 2, 2, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_move_initiative (fixture->history, youth, 0, 2, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_move_initiative (fixture->history, youth, 2, 4, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_delete_initiative (fixture->history, unknown, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_set_target (fixture->history, unknown, 2, 2, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_set_target (fixture->history, youth, 2, 0, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_set_target (fixture->history, youth, 0, 2, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_set_target (fixture->history, youth, 4, 4, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_set_cell_note (fixture->history, youth, 0, 0, "x", &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_set_cell_note (fixture->history, unknown, 1, 1, "x", &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_set_matrix_label (fixture->history, "cell-0-0", "x", &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_set_matrix_label (fixture->history, NULL, "x", &error),
         TANDEM_STORE_ERROR_INVALID);

  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (find_youth (STORE (fixture)));

    tandem_initiative_set_title (edited, " ");
    tandem_initiative_set_cell (edited, 3, 3);
    CHECK (tandem_history_save_initiative (fixture->history, edited, NULL, &error),
           TANDEM_STORE_ERROR_INVALID);
  }

#undef CHECK

  /* The redo step is the one from before. */
  g_assert_cmpstr (tandem_history_get_redo_label (fixture->history), ==, redo_label);
  g_assert_true (tandem_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_initiative_get_row (find_youth (STORE (fixture))), ==, 3);
}

static void
test_no_op_edits (HistoryFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(TandemTestState) state = tandem_test_state_capture (STORE (fixture));
  g_autoptr(GError) error = NULL;
  TandemInitiative *youth = find_youth (STORE (fixture));
  const char *uuid = tandem_initiative_get_uuid (youth);

  /* Edits that change nothing succeed and leave nothing to undo. */
  {
    g_autoptr(TandemInitiative) same = tandem_initiative_copy (youth);

    g_assert_true (tandem_history_save_initiative (fixture->history, same, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (tandem_history_move_initiative (fixture->history, uuid,
                                                 tandem_initiative_get_row (youth),
                                                 tandem_initiative_get_col (youth), &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_set_matrix_label (fixture->history, "cell-1-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_reset_matrix (fixture->history, &error));
  g_assert_no_error (error);

  assert_can (fixture, FALSE, FALSE);
  g_assert_cmpuint (fixture->can_undo_notified, ==, 0);
  tandem_test_assert_state (state, STORE (fixture));
}

static void
test_undo_fails (HistoryFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (edit_move (fixture, &error));
  g_assert_true (edit_label (fixture, &error));
  g_assert_no_error (error);

  /* The store can no longer be written: undo fails and keeps its steps. */
  tandem_store_close (STORE (fixture));
  g_assert_false (tandem_history_undo (fixture->history, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  assert_can (fixture, TRUE, FALSE);
  g_assert_cmpstr (tandem_matrix_get_label (tandem_store_get_matrix (STORE (fixture)), "cell-2-2"), ==,
                   "Working as equals");
}

static void
test_read_only_store (HistoryFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->history));
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_READ_ONLY);
  fixture->history = tandem_history_new (fixture->base.store);
  fixture->can_undo_notified = 0;
  tandem_test_count_notify (fixture->history, "can-undo", &fixture->can_undo_notified);
  state = tandem_test_state_capture (STORE (fixture));

  g_assert_false (edit_move (fixture, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (tandem_history_add_initiative (fixture->history, "Read-only", 2, 2, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (edit_label (fixture, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);

  g_assert_false (tandem_history_get_can_undo (fixture->history));
  g_assert_cmpuint (fixture->can_undo_notified, ==, 0);
  tandem_test_assert_state (state, STORE (fixture));
}

/* ---- Case studies ------------------------------------------------------------- */

#define SURREY    "surrey-neet-to-pete"
#define WHANAU    "nz-whanau-ora"
#define GOVERNORS "school-governors"
#define OWN       "my-own-case"

static TandemCaseStudy *
lookup_case (HistoryFixture *fixture,
             const char     *id)
{
  TandemCaseStudy *cs = tandem_store_lookup_case_study (STORE (fixture), id);

  if (cs == NULL)
    g_error ("there is no case study %s", id);

  return cs;
}

/* An initiative of the worked example other than the youth one. */
static TandemInitiative *
find_other (HistoryFixture *fixture,
            guint           which)
{
  GListModel *model = tandem_store_get_initiatives (STORE (fixture));
  TandemInitiative *youth = find_youth (STORE (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      if (initiative != youth && which-- == 0)
        return initiative;
    }

  g_assert_not_reached ();
  return NULL;
}

/*
 * Without going through the history, so there is nothing to undo yet:
 *   - an own case study, OWN, with every field set and linked to 3,2;
 *   - the library's school governors unlinked from 1,2 (hidden);
 *   - the youth initiative citing OWN and SURREY, another one citing OWN.
 */
static void
prepare_cases (HistoryFixture *fixture)
{
  static const char * const learning[] = { "Ask early.", NULL };
  static const char * const tags[] = { "meals", "neighbours", NULL };
  g_autoptr(TandemCaseStudy) own = tandem_case_study_new ("My own case");
  g_autoptr(TandemCaseStudy) governors = tandem_case_study_copy (lookup_case (fixture, GOVERNORS));
  g_autoptr(TandemInitiative) youth = tandem_initiative_copy (find_youth (STORE (fixture)));
  g_autoptr(TandemInitiative) other = tandem_initiative_copy (find_other (fixture, 0));
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(GError) error = NULL;

  tandem_case_study_set_id (own, OWN);
  tandem_case_study_set_place (own, "Oldham");
  tandem_case_study_set_country (own, "England");
  tandem_case_study_set_service_area (own, "Social care");
  tandem_case_study_set_period (own, "2020");
  tandem_case_study_set_summary (own, "Neighbours cook for each other.");
  tandem_case_study_set_change_notes (own, "The kitchen was handed over.");
  tandem_case_study_set_cos (own, TANDEM_CO_DELIVERY);
  tandem_case_study_set_learning (own, learning);
  tandem_case_study_set_tags (own, tags);
  tandem_case_study_add_outcome (own, "30 meals a week", "2020");
  tandem_case_study_add_source (own, "Our evaluation", "Us", "2021", "https://example.org");
  tandem_case_study_link (own, 3, 2, "They deliver it.");

  tandem_case_study_unlink (governors, 1, 2);

  tandem_initiative_cite (youth, OWN, TRUE, "Our own evidence");
  tandem_initiative_cite (youth, SURREY, TRUE, "The model");
  tandem_initiative_cite (other, OWN, FALSE, "Inspiration");

  tandem_changes_save_case (changes, own);
  tandem_changes_save_case (changes, governors);
  tandem_changes_save_initiative (changes, youth);
  tandem_changes_save_initiative (changes, other);
  g_assert_true (tandem_store_apply (STORE (fixture), changes, &error));
  g_assert_no_error (error);
}

static char *added_case_id;

static gboolean
edit_add_case (HistoryFixture  *fixture,
               GError         **error)
{
  TandemCaseStudy *added = tandem_history_add_case_study (fixture->history, "Repair café", error);

  if (added == NULL)
    return FALSE;

  g_assert_true (tandem_store_lookup_case_study (STORE (fixture), tandem_case_study_get_id (added)) == added);
  g_assert_cmpstr (tandem_case_study_get_title (added), ==, "Repair café");
  g_assert_false (tandem_case_study_get_bundled (added));
  g_assert_cmpuint (tandem_case_study_get_n_links (added), ==, 0);
  g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==, "Add “Repair café”");
  g_free (added_case_id);
  added_case_id = g_strdup (tandem_case_study_get_id (added));
  return TRUE;
}

static void
test_case_add (HistoryFixture *fixture,
               gconstpointer   data)
{
  check_undo_redo (fixture, edit_add_case);

  g_assert_null (tandem_store_lookup_case_study (STORE (fixture), added_case_id));
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  g_assert_nonnull (tandem_store_lookup_case_study (STORE (fixture), added_case_id));
  g_clear_pointer (&added_case_id, g_free);
}

static gboolean
edit_duplicate_case (HistoryFixture  *fixture,
                     GError         **error)
{
  TandemCaseStudy *original = lookup_case (fixture, SURREY);
  TandemCaseStudy *copy = tandem_history_duplicate_case_study (fixture->history, SURREY, error);

  if (copy == NULL)
    return FALSE;

  g_assert_cmpstr (tandem_case_study_get_id (copy), !=, SURREY);
  g_assert_cmpstr (tandem_case_study_get_title (copy), ==, "NEET to PETE, Surrey County Council (my copy)");
  g_assert_false (tandem_case_study_get_bundled (copy));
  g_assert_true (tandem_case_study_get_bundled (original));
  g_assert_cmpstr (tandem_case_study_get_summary (copy), ==, tandem_case_study_get_summary (original));
  g_assert_cmpuint (tandem_case_study_get_n_outcomes (copy), ==, 3);
  g_assert_cmpuint (tandem_case_study_get_n_links (copy), ==, tandem_case_study_get_n_links (original));
  g_assert_true (tandem_case_study_is_linked (copy, 2, 2));
  g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==,
                   "Duplicate “NEET to PETE, Surrey County Council”");
  g_free (added_case_id);
  added_case_id = g_strdup (tandem_case_study_get_id (copy));
  return TRUE;
}

static void
test_case_duplicate (HistoryFixture *fixture,
                     gconstpointer   data)
{
  TandemCaseStudy *copy;
  g_autoptr(GError) error = NULL;

  check_undo_redo (fixture, edit_duplicate_case);
  g_assert_null (tandem_store_lookup_case_study (STORE (fixture), added_case_id));

  /* The copy, unlike the original, can be edited. */
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  copy = tandem_case_study_copy (lookup_case (fixture, added_case_id));
  tandem_case_study_set_summary (copy, "Our version.");
  g_assert_true (tandem_history_save_case_study (fixture->history, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_case_study_get_summary (lookup_case (fixture, added_case_id)), ==, "Our version.");
  g_assert_cmpstr (tandem_case_study_get_summary (lookup_case (fixture, SURREY)), !=, "Our version.");
  g_object_unref (copy);
  g_clear_pointer (&added_case_id, g_free);
}

static gboolean
edit_save_case (HistoryFixture  *fixture,
                GError         **error)
{
  static const char * const tags[] = { "changed", NULL };
  g_autoptr(TandemCaseStudy) edited = tandem_case_study_copy (lookup_case (fixture, OWN));
  gboolean ok;

  tandem_case_study_set_title (edited, "A renamed case");
  tandem_case_study_set_place (edited, "Rochdale");
  tandem_case_study_set_country (edited, "");
  tandem_case_study_set_service_area (edited, "Food");
  tandem_case_study_set_period (edited, "2021–2022");
  tandem_case_study_set_summary (edited, "Another summary.");
  tandem_case_study_set_change_notes (edited, "");
  tandem_case_study_set_cos (edited, TANDEM_CO_DESIGN | TANDEM_CO_ASSESSMENT);
  tandem_case_study_set_generic (edited, TRUE);
  tandem_case_study_set_learning (edited, NULL);
  tandem_case_study_set_tags (edited, tags);
  tandem_case_study_clear_outcomes (edited);
  tandem_case_study_add_source (edited, "Another source", NULL, "2022", NULL);
  tandem_case_study_link (edited, 1, 1, "At first");
  tandem_case_study_link (edited, 3, 2, "A new note");

  ok = tandem_history_save_case_study (fixture->history, edited, NULL, error);
  if (ok)
    {
      g_assert_true (tandem_case_study_equal (lookup_case (fixture, OWN), edited));
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==, "Edit “A renamed case”");
    }
  return ok;
}

static void
test_case_save (HistoryFixture *fixture,
                gconstpointer   data)
{
  prepare_cases (fixture);
  check_undo_redo (fixture, edit_save_case);
  g_assert_cmpstr (tandem_case_study_get_title (lookup_case (fixture, OWN)), ==, "My own case");
}

static gboolean
edit_delete_cited_case (HistoryFixture  *fixture,
                        GError         **error)
{
  gboolean ok = tandem_history_delete_case_study (fixture->history, OWN, error);

  if (ok)
    {
      g_assert_null (tandem_store_lookup_case_study (STORE (fixture), OWN));
      g_assert_null (tandem_initiative_find_citation (find_youth (STORE (fixture)), OWN));
      g_assert_nonnull (tandem_initiative_find_citation (find_youth (STORE (fixture)), SURREY));
      g_assert_cmpuint (tandem_initiative_get_n_citations (find_other (fixture, 0)), ==, 0);
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==, "Delete “My own case”");
    }
  return ok;
}

static void
test_case_delete_cited (HistoryFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(TandemCaseStudy) own = NULL;
  g_autoptr(TandemInitiative) youth = NULL;
  g_autoptr(TandemInitiative) other = NULL;
  const TandemCitation *citation;

  prepare_cases (fixture);
  own = tandem_case_study_copy (lookup_case (fixture, OWN));
  youth = tandem_initiative_copy (find_youth (STORE (fixture)));
  other = tandem_initiative_copy (find_other (fixture, 0));

  check_undo_redo (fixture, edit_delete_cited_case);

  /* Undone: the case and both citations, exactly, in their places. */
  g_assert_true (tandem_case_study_equal (lookup_case (fixture, OWN), own));
  g_assert_true (tandem_initiative_equal (find_youth (STORE (fixture)), youth));
  g_assert_true (tandem_initiative_equal (find_other (fixture, 0), other));
  citation = tandem_initiative_get_citation (find_youth (STORE (fixture)), 0);
  g_assert_cmpstr (citation->case_id, ==, OWN);
  g_assert_true (citation->evidence);
  g_assert_cmpstr (citation->note, ==, "Our own evidence");

  /* The search index has it again. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GHashTable) found = tandem_store_search_case_studies (STORE (fixture), "neighbours cook", &error);

    g_assert_no_error (error);
    g_assert_true (g_hash_table_contains (found, OWN));
  }

  /* And after reopening. */
  g_assert_finalize_object (g_steal_pointer (&fixture->history));
  tandem_test_fixture_reopen (&fixture->base, TANDEM_STORE_NONE);
  fixture->history = tandem_history_new (STORE (fixture));
  g_assert_true (tandem_case_study_equal (lookup_case (fixture, OWN), own));
  g_assert_true (tandem_initiative_equal (find_youth (STORE (fixture)), youth));
  g_assert_true (tandem_initiative_equal (find_other (fixture, 0), other));
}

static gboolean
edit_link_new_cell (HistoryFixture  *fixture,
                    GError         **error)
{
  gboolean ok = tandem_history_link_case_study (fixture->history, SURREY, 1, 1, "It started here.", error);

  if (ok)
    {
      const TandemCaseLink *link = tandem_case_study_find_link (lookup_case (fixture, SURREY), 1, 1);

      g_assert_nonnull (link);
      g_assert_cmpint (link->basis, ==, TANDEM_LINK_USER);
      g_assert_cmpstr (link->note, ==, "It started here.");
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==,
                       "Link “NEET to PETE, Surrey County Council” to 1,1");
    }
  return ok;
}

static void
test_case_link (HistoryFixture *fixture,
                gconstpointer   data)
{
  guint in_1_1 = tandem_store_count_cases_in_cell (STORE (fixture), 1, 1);

  check_undo_redo (fixture, edit_link_new_cell);
  g_assert_false (tandem_case_study_is_linked (lookup_case (fixture, SURREY), 1, 1));
  g_assert_cmpuint (tandem_store_count_cases_in_cell (STORE (fixture), 1, 1), ==, in_1_1);
}

static gboolean
edit_relink_hidden (HistoryFixture  *fixture,
                    GError         **error)
{
  gboolean ok = tandem_history_link_case_study (fixture->history, GOVERNORS, 1, 2, "We see it here after all.", error);

  if (ok)
    {
      const TandemCaseLink *link = tandem_case_study_find_link (lookup_case (fixture, GOVERNORS), 1, 2);

      g_assert_nonnull (link);
      g_assert_false (link->hidden);
      g_assert_cmpint (link->basis, ==, TANDEM_LINK_TANDEM);
      g_assert_cmpstr (link->note, ==, "We see it here after all.");
    }
  return ok;
}

static void
test_case_relink (HistoryFixture *fixture,
                  gconstpointer   data)
{
  prepare_cases (fixture);
  check_undo_redo (fixture, edit_relink_hidden);
  g_assert_false (tandem_case_study_is_linked (lookup_case (fixture, GOVERNORS), 1, 2));
}

static gboolean
edit_unlink_library (HistoryFixture  *fixture,
                     GError         **error)
{
  gboolean ok = tandem_history_unlink_case_study (fixture->history, WHANAU, 3, 2, error);

  if (ok)
    {
      TandemCaseStudy *whanau = lookup_case (fixture, WHANAU);

      g_assert_false (tandem_case_study_is_linked (whanau, 3, 2));
      g_assert_cmpuint (tandem_case_study_get_n_links (whanau), ==, 2);
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==,
                       "Unlink “Whānau Ora, New Zealand” from 3,2");
    }
  return ok;
}

static void
test_case_unlink_library (HistoryFixture *fixture,
                          gconstpointer   data)
{
  check_undo_redo (fixture, edit_unlink_library);
  g_assert_true (tandem_case_study_is_linked (lookup_case (fixture, WHANAU), 3, 2));
}

static gboolean
edit_unlink_user (HistoryFixture  *fixture,
                  GError         **error)
{
  gboolean ok = tandem_history_unlink_case_study (fixture->history, OWN, 3, 2, error);

  if (ok)
    g_assert_cmpuint (tandem_case_study_get_n_links (lookup_case (fixture, OWN)), ==, 0);
  return ok;
}

static void
test_case_unlink_user (HistoryFixture *fixture,
                       gconstpointer   data)
{
  prepare_cases (fixture);
  check_undo_redo (fixture, edit_unlink_user);
  g_assert_cmpstr (tandem_case_study_find_link (lookup_case (fixture, OWN), 3, 2)->note, ==, "They deliver it.");
}

static gboolean
edit_cite (HistoryFixture  *fixture,
           GError         **error)
{
  TandemInitiative *third = find_other (fixture, 1);
  gboolean ok = tandem_history_cite_case_study (fixture->history, tandem_initiative_get_uuid (third),
                                                WHANAU, TRUE, "Families at the centre", error);

  if (ok)
    {
      const TandemCitation *citation = tandem_initiative_find_citation (third, WHANAU);

      g_assert_nonnull (citation);
      g_assert_true (citation->evidence);
      g_assert_cmpstr (citation->note, ==, "Families at the centre");
      g_assert_cmpstr (tandem_history_get_undo_label (fixture->history), ==, "Cite “Whānau Ora, New Zealand”");
    }
  return ok;
}

static void
test_case_cite (HistoryFixture *fixture,
                gconstpointer   data)
{
  prepare_cases (fixture);
  check_undo_redo (fixture, edit_cite);
  g_assert_null (tandem_initiative_find_citation (find_other (fixture, 1), WHANAU));
}

static gboolean
edit_recite (HistoryFixture  *fixture,
             GError         **error)
{
  TandemInitiative *youth = find_youth (STORE (fixture));

  /* Citing again changes how it is cited, in place. */
  return tandem_history_cite_case_study (fixture->history, tandem_initiative_get_uuid (youth),
                                         SURREY, FALSE, NULL, error);
}

static void
test_case_recite (HistoryFixture *fixture,
                  gconstpointer   data)
{
  prepare_cases (fixture);
  check_undo_redo (fixture, edit_recite);
  g_assert_true (tandem_history_redo (fixture->history, NULL));
  {
    TandemInitiative *youth = find_youth (STORE (fixture));

    g_assert_cmpuint (tandem_initiative_get_n_citations (youth), ==, 2);
    g_assert_cmpstr (tandem_initiative_get_citation (youth, 1)->case_id, ==, SURREY);
    g_assert_false (tandem_initiative_get_citation (youth, 1)->evidence);
    g_assert_cmpstr (tandem_initiative_get_citation (youth, 1)->note, ==, "");
  }
}

static gboolean
edit_uncite (HistoryFixture  *fixture,
             GError         **error)
{
  TandemInitiative *youth = find_youth (STORE (fixture));
  gboolean ok = tandem_history_uncite_case_study (fixture->history, tandem_initiative_get_uuid (youth),
                                                  OWN, error);

  if (ok)
    {
      g_assert_null (tandem_initiative_find_citation (youth, OWN));
      g_assert_nonnull (tandem_initiative_find_citation (youth, SURREY));
      /* The other initiative still cites it. */
      g_assert_nonnull (tandem_initiative_find_citation (find_other (fixture, 0), OWN));
    }
  return ok;
}

static void
test_case_uncite (HistoryFixture *fixture,
                  gconstpointer   data)
{
  prepare_cases (fixture);
  check_undo_redo (fixture, edit_uncite);
  /* Back in first place. */
  g_assert_cmpstr (tandem_initiative_get_citation (find_youth (STORE (fixture)), 0)->case_id, ==, OWN);
}

/* Several case-study edits, undone back to the start and redone. */
static void
test_case_many_steps (HistoryFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) tandem_test_state_free);
  g_autoptr(GError) error = NULL;
  TandemCaseStudy *added;
  g_autofree char *id = NULL;
  const char *youth;

  prepare_cases (fixture);
  youth = tandem_initiative_get_uuid (find_youth (STORE (fixture)));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));

  added = tandem_history_add_case_study (fixture->history, "Step case", &error);
  g_assert_no_error (error);
  id = g_strdup (tandem_case_study_get_id (added));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));

  g_assert_true (tandem_history_link_case_study (fixture->history, id, 2, 3, "Linked", &error));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
  g_assert_true (tandem_history_cite_case_study (fixture->history, youth, id, FALSE, "Cited", &error));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
  g_assert_true (tandem_history_unlink_case_study (fixture->history, SURREY, 2, 2, &error));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
  g_assert_true (tandem_history_delete_case_study (fixture->history, id, &error));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
  g_assert_true (tandem_history_delete_case_study (fixture->history, OWN, &error));
  g_ptr_array_add (states, tandem_test_state_capture (STORE (fixture)));
  g_assert_no_error (error);

  for (guint i = states->len - 1; i > 0; i--)
    {
      g_assert_true (tandem_history_undo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (g_ptr_array_index (states, i - 1), STORE (fixture));
    }
  assert_can (fixture, FALSE, TRUE);
  tandem_test_assert_disk_matches (STORE (fixture));

  for (guint i = 1; i < states->len; i++)
    {
      g_assert_true (tandem_history_redo (fixture->history, &error));
      g_assert_no_error (error);
      tandem_test_assert_state (g_ptr_array_index (states, i), STORE (fixture));
    }
  assert_can (fixture, TRUE, FALSE);
  tandem_test_assert_disk_matches (STORE (fixture));
}

static void
test_case_failing_edits (HistoryFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();
  g_autofree char *youth = NULL;
  guint undo_notified, redo_notified;
  gboolean ok;

  prepare_cases (fixture);
  youth = g_strdup (tandem_initiative_get_uuid (find_youth (STORE (fixture))));

  /* One step to undo and one to redo: a failed edit must keep both. */
  g_assert_true (edit_label (fixture, &error));
  g_assert_true (edit_link_new_cell (fixture, &error));
  g_assert_true (tandem_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  state = tandem_test_state_capture (STORE (fixture));
  undo_notified = fixture->can_undo_notified;
  redo_notified = fixture->can_redo_notified;

#define CHECK(call, code)                                                          \
  G_STMT_START {                                                                   \
    g_test_message ("%s", #call);                                                  \
    ok = (call);                                                                   \
    assert_records_nothing (fixture, ok, error, code, state, undo_notified, redo_notified); \
    g_clear_error (&error);                                                        \
  } G_STMT_END

  CHECK (tandem_history_add_case_study (fixture->history, "", &error) != NULL, TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_add_case_study (fixture->history, "  ", &error) != NULL, TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_add_case_study (fixture->history, NULL, &error) != NULL, TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_duplicate_case_study (fixture->history, "no-such-case", &error) != NULL,
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_delete_case_study (fixture->history, SURREY, &error), TANDEM_STORE_ERROR_READ_ONLY);
  CHECK (tandem_history_delete_case_study (fixture->history, "no-such-case", &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_link_case_study (fixture->history, "no-such-case", 1, 1, NULL, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_link_case_study (fixture->history, SURREY, 4, 1, NULL, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_link_case_study (fixture->history, SURREY, 1, 0, NULL, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_unlink_case_study (fixture->history, "no-such-case", 2, 2, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_unlink_case_study (fixture->history, SURREY, 0, 0, &error),
         TANDEM_STORE_ERROR_INVALID);
  CHECK (tandem_history_cite_case_study (fixture->history, youth, "no-such-case", TRUE, NULL, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_cite_case_study (fixture->history, unknown, SURREY, TRUE, NULL, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);
  CHECK (tandem_history_uncite_case_study (fixture->history, unknown, SURREY, &error),
         TANDEM_STORE_ERROR_NOT_FOUND);

  {
    g_autoptr(TandemCaseStudy) edited = tandem_case_study_copy (lookup_case (fixture, SURREY));

    tandem_case_study_set_summary (edited, "Rewritten");
    CHECK (tandem_history_save_case_study (fixture->history, edited, NULL, &error),
           TANDEM_STORE_ERROR_READ_ONLY);
  }
  {
    g_autoptr(TandemCaseStudy) edited = tandem_case_study_copy (lookup_case (fixture, OWN));

    tandem_case_study_set_title (edited, " ");
    CHECK (tandem_history_save_case_study (fixture->history, edited, NULL, &error),
           TANDEM_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(TandemCaseStudy) fake = tandem_case_study_new ("Fake library case");

    tandem_case_study_set_bundled (fake, TRUE);
    CHECK (tandem_history_save_case_study (fixture->history, fake, NULL, &error),
           TANDEM_STORE_ERROR_READ_ONLY);
  }

#undef CHECK

  g_assert_true (tandem_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_case_study_is_linked (lookup_case (fixture, SURREY), 1, 1));
}

static void
test_case_no_op_edits (HistoryFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  const char *youth;
  const char *third;

  prepare_cases (fixture);
  youth = tandem_initiative_get_uuid (find_youth (STORE (fixture)));
  third = tandem_initiative_get_uuid (find_other (fixture, 1));
  state = tandem_test_state_capture (STORE (fixture));

  /* Edits that change nothing succeed and leave nothing to undo. */
  {
    g_autoptr(TandemCaseStudy) same = tandem_case_study_copy (lookup_case (fixture, SURREY));

    g_assert_true (tandem_history_save_case_study (fixture->history, same, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (tandem_history_uncite_case_study (fixture->history, third, SURREY, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_link_case_study (fixture->history, SURREY, 2, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_unlink_case_study (fixture->history, GOVERNORS, 1, 2, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_unlink_case_study (fixture->history, SURREY, 3, 3, &error));
  g_assert_no_error (error);
  g_assert_true (tandem_history_cite_case_study (fixture->history, youth, SURREY, TRUE, "The model", &error));
  g_assert_no_error (error);

  assert_can (fixture, FALSE, FALSE);
  g_assert_cmpuint (fixture->can_undo_notified, ==, 0);
  tandem_test_assert_state (state, STORE (fixture));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, HistoryFixture, NULL, history_setup, func, history_teardown)

  ADD ("/core/history/add", test_add);
  ADD ("/core/history/save", test_save);
  ADD ("/core/history/save/default-label", test_save_default_label);
  ADD ("/core/history/delete", test_delete);
  ADD ("/core/history/delete/with-notes", test_delete_with_notes);
  ADD ("/core/history/move", test_move);
  ADD ("/core/history/target/set", test_set_target);
  ADD ("/core/history/target/clear", test_clear_target);
  ADD ("/core/history/cell-note", test_cell_note);
  ADD ("/core/history/cell-note/remove", test_cell_note_remove);
  ADD ("/core/history/matrix-label", test_matrix_label);
  ADD ("/core/history/matrix-label/reset", test_matrix_label_reset);
  ADD ("/core/history/reset-matrix", test_reset_matrix);
  ADD ("/core/history/many-steps", test_many_steps);
  ADD ("/core/history/new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("/core/history/nothing-to-undo", test_nothing_to_undo);
  ADD ("/core/history/clear", test_clear);
  ADD ("/core/history/failing-edits", test_failing_edits);
  ADD ("/core/history/no-op-edits", test_no_op_edits);
  ADD ("/core/history/undo-fails", test_undo_fails);
  ADD ("/core/history/read-only", test_read_only_store);

  ADD ("/core/history/case/add", test_case_add);
  ADD ("/core/history/case/duplicate", test_case_duplicate);
  ADD ("/core/history/case/save", test_case_save);
  ADD ("/core/history/case/delete-cited", test_case_delete_cited);
  ADD ("/core/history/case/link", test_case_link);
  ADD ("/core/history/case/relink-hidden", test_case_relink);
  ADD ("/core/history/case/unlink-library", test_case_unlink_library);
  ADD ("/core/history/case/unlink-user", test_case_unlink_user);
  ADD ("/core/history/case/cite", test_case_cite);
  ADD ("/core/history/case/recite", test_case_recite);
  ADD ("/core/history/case/uncite", test_case_uncite);
  ADD ("/core/history/case/many-steps", test_case_many_steps);
  ADD ("/core/history/case/failing-edits", test_case_failing_edits);
  ADD ("/core/history/case/no-op-edits", test_case_no_op_edits);

#undef ADD

  return g_test_run ();
}
