/* test-store.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "tandem-migrations-private.h"
#include "tandem-test-utils.h"

#define N_EXAMPLES 3

/* ---- Helpers ------------------------------------------------------------- */

/* Connected with g_signal_connect_swapped(): counts emissions. */
static void
bump (guint *counter)
{
  (*counter)++;
}

static TandemInitiative *
save_new (TandemStore *store,
          const char  *title,
          guint        row,
          guint        col)
{
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new (title, row, col);
  g_autoptr(GError) error = NULL;
  TandemInitiative *live;

  g_assert_true (tandem_store_save_initiative (store, initiative, &error));
  g_assert_no_error (error);

  live = tandem_store_lookup_initiative (store, tandem_initiative_get_uuid (initiative));
  g_assert_nonnull (live);
  return live;
}

static TandemInitiative *
get_item (TandemStore *store,
          guint        position)
{
  g_autoptr(TandemInitiative) item = g_list_model_get_item (tandem_store_get_initiatives (store), position);

  g_assert_nonnull (item);
  return item;  /* the model keeps it alive */
}

static guint
n_items (TandemStore *store)
{
  return g_list_model_get_n_items (tandem_store_get_initiatives (store));
}

static void
assert_counts_match_model (TandemStore *store)
{
  guint expected[TANDEM_MATRIX_SIZE][TANDEM_MATRIX_SIZE] = { { 0 } };
  guint total = 0;

  for (guint i = 0; i < n_items (store); i++)
    {
      TandemInitiative *initiative = get_item (store, i);

      expected[tandem_initiative_get_row (initiative) - 1][tandem_initiative_get_col (initiative) - 1]++;
    }

  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      {
        g_assert_cmpuint (tandem_store_count_in_cell (store, r, c), ==, expected[r - 1][c - 1]);
        total += tandem_store_count_in_cell (store, r, c);
      }

  g_assert_cmpuint (total, ==, n_items (store));
}

static gint64
db_count (const char *path,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return tandem_test_sqlite_get_int (path, sql);
}

static gboolean
db_has_table (const char *path,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", table);

  return tandem_test_sqlite_get_int (path, sql) == 1;
}

static char *
db_title (const char *path,
          const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT title FROM initiative WHERE uuid = '%s'", uuid);

  return tandem_test_sqlite_get_text (path, sql);
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Opening @path must fail with @code, name the file, and leave it and its
 * side files exactly as they were, whatever the flags. */
static void
assert_open_fails (const char *path,
                   int         code)
{
  static const TandemStoreFlags flag_sets[] = {
    TANDEM_STORE_NONE,
    TANDEM_STORE_READ_ONLY,
    TANDEM_STORE_CREATE,
  };
  g_autoptr(TandemTestSnapshot) snapshot = tandem_test_snapshot_take (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (flag_sets); i++)
    {
      g_autoptr(GError) error = NULL;
      TandemStore *store;

      g_test_message ("opening %s with flags %u", path, flag_sets[i]);
      store = tandem_store_open (file, flag_sets[i], &error);
      g_assert_null (store);
      g_assert_error (error, TANDEM_STORE_ERROR, code);
      g_assert_nonnull (strstr (error->message, path));
      tandem_test_assert_snapshot_unchanged (snapshot);
    }
}

/* ---- Creating and opening ------------------------------------------------- */

static void
test_create (TandemTestFixture *fixture,
             gconstpointer      data)
{
  TandemStore *store = fixture->store;
  TandemMatrix *matrix = tandem_store_get_matrix (store);
  const char * const *keys = tandem_matrix_get_keys ();
  g_autofree char *backup = tandem_store_get_backup_path (store);
  GListModel *model = tandem_store_get_initiatives (store);

  g_assert_true (file_exists (fixture->path));
  g_assert_true (g_file_equal (tandem_store_get_file (store), fixture->file));
  g_assert_true (tandem_store_get_was_created (store));
  g_assert_false (tandem_store_get_read_only (store));
  g_assert_null (tandem_store_get_read_only_reason (store));
  g_assert_null (backup);

  g_assert_true (g_list_model_get_item_type (model) == TANDEM_TYPE_INITIATIVE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      g_assert_cmpuint (tandem_store_count_in_cell (store, r, c), ==, 0);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_assert_false (tandem_matrix_is_customised (matrix, keys[i]));
      g_assert_cmpstr (tandem_matrix_get_label (matrix, keys[i]), ==,
                       tandem_matrix_get_standard_label (keys[i]));
    }

  /* What is on disk. */
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA application_id"), ==,
                   TANDEM_STORE_APPLICATION_ID);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==,
                   TANDEM_STORE_SCHEMA_VERSION);
  g_assert_true (db_has_table (fixture->path, "initiative"));
  g_assert_true (db_has_table (fixture->path, "cell_note"));
  g_assert_true (db_has_table (fixture->path, "matrix_label"));
  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, 0);

  /* Reopening does not create it again. */
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_CREATE);
  g_assert_false (tandem_store_get_was_created (fixture->store));
  g_assert_cmpuint (n_items (fixture->store), ==, 0);
}

static void
test_open_missing (TandemTestFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  TandemStore *store;

  store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_false (file_exists (fixture->path));
  g_clear_error (&error);

  store = tandem_store_open (fixture->file, TANDEM_STORE_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
  g_assert_false (file_exists (fixture->path));
}

/* Another program (tandem-cli, a second window) may open the portfolio
 * while the app has it open and has not yet checkpointed its log. */
static void
test_open_while_open (TandemTestFixture *fixture,
                      gconstpointer      data)
{
  static const TandemStoreFlags flag_sets[] = { TANDEM_STORE_READ_ONLY, TANDEM_STORE_NONE };
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  save_new (fixture->store, "Written before the second open", 2, 2);
  g_hash_table_insert (labels, "cell-2-2", "Reworded before the second open");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  state = tandem_test_state_capture (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (flag_sets); i++)
    {
      TandemStore *second;

      g_test_message ("second open with flags %u", flag_sets[i]);
      second = tandem_store_open (fixture->file, flag_sets[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (second);
      tandem_test_assert_state (state, second);
      tandem_test_close_store (second);
    }

  /* The first store still works. */
  save_new (fixture->store, "Written after", 1, 1);
}

static void
test_create_does_not_clobber (TandemTestFixture *fixture,
                              gconstpointer      data)
{
  static const char text[] = "Meeting notes, not a portfolio.\n";

  tandem_test_write_file (fixture->path, text, sizeof text - 1);
  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
}

static void
test_reopen (TandemTestFixture *fixture,
             gconstpointer      data)
{
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  TandemInitiative *live;
  g_autoptr(TandemInitiative) edited = NULL;

  live = save_new (fixture->store, "Time bank", 3, 2);
  edited = tandem_initiative_copy (live);
  tandem_initiative_set_organisation (edited, "Southtown Council");
  tandem_initiative_set_service_area (edited, "Adult social care");
  tandem_initiative_set_place (edited, "Southtown");
  tandem_initiative_set_description (edited, "Hours given, hours received.\n\nWith “quotes” and ünïcödé.");
  tandem_initiative_set_created (edited, 1600000000);
  tandem_initiative_set_updated (edited, 1600000999);
  tandem_initiative_set_target (edited, 2, 2);
  tandem_initiative_set_cell_note (edited, 3, 2, "Today.");
  tandem_initiative_set_cell_note (edited, 2, 2, "Tomorrow.");
  g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
  g_assert_no_error (error);

  g_hash_table_insert (labels, "cell-3-2", "Community-run with our help");
  g_hash_table_insert (labels, "delivery-axis", "Who delivers");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);

  state = tandem_test_state_capture (fixture->store);
  g_assert_cmpuint (n_items (fixture->store), ==, N_EXAMPLES + 1);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  tandem_test_assert_state (state, fixture->store);
  live = tandem_store_lookup_initiative (fixture->store, tandem_initiative_get_uuid (edited));
  g_assert_nonnull (live);
  g_assert_true (tandem_initiative_equal (live, edited));
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 2, 2), ==, "Tomorrow.");

  /* And once more, read-only. */
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_READ_ONLY);
  tandem_test_assert_state (state, fixture->store);
}

static void
test_seed_example (TandemTestFixture *fixture,
                   gconstpointer      data)
{
  TandemInitiative *youth = NULL;

  g_assert_cmpuint (n_items (fixture->store), ==, N_EXAMPLES);

  for (guint i = 0; i < n_items (fixture->store); i++)
    {
      TandemInitiative *initiative = get_item (fixture->store, i);

      g_assert_true (g_uuid_string_is_valid (tandem_initiative_get_uuid (initiative)));
      g_assert_cmpstr (tandem_initiative_get_title (initiative), !=, "");
      if (g_str_has_prefix (tandem_initiative_get_title (initiative), "Youth employability"))
        {
          g_assert_null (youth);
          youth = initiative;
        }
    }

  g_assert_nonnull (youth);
  g_assert_cmpuint (tandem_initiative_get_row (youth), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (youth), ==, 2);
  g_assert_true (tandem_initiative_has_target (youth));
  g_assert_cmpuint (tandem_initiative_get_target_row (youth), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_target_col (youth), ==, 2);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 1, 2), >=, 1);
  assert_counts_match_model (fixture->store);

  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, N_EXAMPLES);
  tandem_test_assert_disk_matches (fixture->store);
}

/* The store's list is in tandem_initiative_compare() order. */
static void
assert_sorted (TandemStore *store)
{
  for (guint i = 1; i < n_items (store); i++)
    g_assert_cmpint (tandem_initiative_compare (get_item (store, i - 1), get_item (store, i)), <, 0);
}

/* ---- Writes -------------------------------------------------------------------- */

static void
test_save_new (TandemTestFixture *fixture,
               gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  guint at_1_2 = tandem_store_count_in_cell (fixture->store, 1, 2);
  /* "Zone…" sorts after every example title, so it lands at the end. */
  g_autoptr(TandemInitiative) initiative = tandem_initiative_new ("Zone participatory budgeting", 1, 2);
  g_autoptr(GError) error = NULL;
  TandemInitiative *live;
  guint n = n_items (fixture->store);

  tandem_initiative_set_cell_note (initiative, 2, 2, "Residents decide.");
  g_assert_true (tandem_store_save_initiative (fixture->store, initiative, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
  tandem_test_assert_items_changed (log, 0, n, 0, 1);
  g_assert_cmpuint (n_items (fixture->store), ==, n + 1);

  live = tandem_store_lookup_initiative (fixture->store, tandem_initiative_get_uuid (initiative));
  g_assert_nonnull (live);
  g_assert_true (live == get_item (fixture->store, n));
  g_assert_true (tandem_initiative_equal (live, initiative));
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 2, 2), ==, "Residents decide.");
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 1, 2), ==, at_1_2 + 1);
  assert_counts_match_model (fixture->store);

  /* The store did not keep the caller's object: changing it changes nothing. */
  tandem_initiative_set_title (initiative, "Changed behind the store's back");
  g_assert_cmpstr (tandem_initiative_get_title (live), ==, "Zone participatory budgeting");

  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, N_EXAMPLES + 1);
  g_assert_cmpint (db_count (fixture->path, "cell_note"), >=, 1);
  tandem_test_assert_disk_matches (fixture->store);
}

static void
test_save_batch (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TandemInitiative *live = get_item (fixture->store, 2);
  TandemInitiative *edited = tandem_initiative_copy (live);

  /* An update and two new ones, one of them invalid: nothing happens. */
  tandem_initiative_set_title (edited, "Updated in a batch");
  g_ptr_array_add (batch, edited);
  g_ptr_array_add (batch, tandem_initiative_new ("New in a batch", 1, 3));
  g_ptr_array_add (batch, tandem_initiative_new (" ", 3, 1));

  g_assert_false (tandem_store_save_initiatives (fixture->store, batch, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 0);
  tandem_test_assert_state (state, fixture->store);
  tandem_test_assert_disk_matches (fixture->store);

  /* Without the invalid one, all of it happens. */
  g_ptr_array_remove_index (batch, 2);
  g_assert_true (tandem_store_save_initiatives (fixture->store, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 2);
  /* "Updated…" keeps its place; "New…" sorts in before it. */
  tandem_test_assert_items_changed (log, 0, 2, 1, 1);
  tandem_test_assert_items_changed (log, 1, 2, 0, 1);
  assert_sorted (fixture->store);
  g_assert_cmpstr (tandem_initiative_get_title (live), ==, "Updated in a batch");
  g_assert_nonnull (tandem_test_find_by_title (fixture->store, "New in a batch"));
  tandem_test_assert_disk_matches (fixture->store);
}

typedef void (*Edit) (TandemInitiative *initiative);

static void edit_title (TandemInitiative *i) { tandem_initiative_set_title (i, "Renamed initiative"); }
static void edit_organisation (TandemInitiative *i) { tandem_initiative_set_organisation (i, "Other Council"); }
static void edit_service_area (TandemInitiative *i) { tandem_initiative_set_service_area (i, "Libraries"); }
static void edit_place (TandemInitiative *i) { tandem_initiative_set_place (i, "Elsewhere"); }
static void edit_description (TandemInitiative *i) { tandem_initiative_set_description (i, "A new description."); }
static void edit_created (TandemInitiative *i) { tandem_initiative_set_created (i, 1500000000); }
static void edit_updated (TandemInitiative *i) { tandem_initiative_set_updated (i, 1800000000); }

static const struct {
  const char *property;
  Edit        edit;
} field_edits[] = {
  { "title", edit_title },
  { "organisation", edit_organisation },
  { "service-area", edit_service_area },
  { "place", edit_place },
  { "description", edit_description },
  { "created", edit_created },
  { "updated", edit_updated },
};

static void
test_save_update_fields (TandemTestFixture *fixture,
                         gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (field_edits); i++)
    {
      g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemInitiative) edited = NULL;
      g_autoptr(TandemTestState) before = NULL;
      TandemInitiative *live = get_item (fixture->store, 1);
      g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (live));
      guint notified = 0;
      gulong handler;

      g_test_message ("editing %s", field_edits[i].property);

      before = tandem_test_state_capture (fixture->store);
      edited = tandem_initiative_copy (live);
      field_edits[i].edit (edited);
      g_assert_false (tandem_initiative_equal (edited, live));

      handler = tandem_test_count_notify (live, field_edits[i].property, &notified);
      g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
      g_assert_no_error (error);
      g_signal_handler_disconnect (live, handler);

      /* The live object itself was updated, at the same position. */
      g_assert_true (get_item (fixture->store, 1) == live);
      g_assert_true (tandem_store_lookup_initiative (fixture->store, uuid) == live);
      g_assert_true (tandem_initiative_equal (live, edited));
      g_assert_cmpuint (notified, ==, 1);
      g_assert_cmpuint (n_items (fixture->store), ==, N_EXAMPLES);
      g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
      tandem_test_assert_items_changed (log, 0, 1, 1, 1);

      /* On disk, and nothing else moved. */
      tandem_test_assert_disk_matches (fixture->store);
      tandem_test_state_replace (before, edited);
      tandem_test_assert_state (before, fixture->store);
    }

  {
    TandemInitiative *live = get_item (fixture->store, 1);
    g_autofree char *title = db_title (fixture->path, tandem_initiative_get_uuid (live));

    g_assert_cmpstr (title, ==, "Renamed initiative");
    g_assert_cmpstr (tandem_initiative_get_place (live), ==, "Elsewhere");
    g_assert_cmpint (tandem_initiative_get_created (live), ==, 1500000000);
  }

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_nonnull (tandem_test_find_by_title (fixture->store, "Renamed initiative"));
}

static void
test_save_move (TandemTestFixture *fixture,
                gconstpointer      data)
{
  TandemInitiative *live = save_new (fixture->store, "Meals on wheels", 1, 1);
  g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);
  g_autoptr(GError) error = NULL;
  guint at_1_1 = tandem_store_count_in_cell (fixture->store, 1, 1);
  guint at_3_2 = tandem_store_count_in_cell (fixture->store, 3, 2);
  guint row_notified = 0, col_notified = 0;
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (live));

  tandem_test_count_notify (live, "row", &row_notified);
  tandem_test_count_notify (live, "col", &col_notified);

  tandem_initiative_set_cell (edited, 3, 2);
  g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tandem_initiative_get_row (live), ==, 3);
  g_assert_cmpuint (tandem_initiative_get_col (live), ==, 2);
  g_assert_cmpuint (row_notified, ==, 1);
  g_assert_cmpuint (col_notified, ==, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 1, 1), ==, at_1_1 - 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 2), ==, at_3_2 + 1);
  assert_counts_match_model (fixture->store);
  g_signal_handlers_disconnect_by_data (live, &row_notified);
  g_signal_handlers_disconnect_by_data (live, &col_notified);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT cell_row * 10 + cell_col FROM initiative WHERE uuid = '%s'", uuid);

    g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, sql), ==, 32);
  }

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  live = tandem_store_lookup_initiative (fixture->store, uuid);
  g_assert_cmpuint (tandem_initiative_get_row (live), ==, 3);
  g_assert_cmpuint (tandem_initiative_get_col (live), ==, 2);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 2), ==, at_3_2 + 1);
  assert_counts_match_model (fixture->store);
}

static void
test_save_target (TandemTestFixture *fixture,
                  gconstpointer      data)
{
  TandemInitiative *live = save_new (fixture->store, "Tenant inspectors", 1, 2);
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (live));
  g_autofree char *target_sql = g_strdup_printf ("SELECT ifnull (target_row * 10 + target_col, -1)"
                                                 " FROM initiative WHERE uuid = '%s'", uuid);
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_initiative_has_target (live));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, target_sql), ==, -1);

  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_target (edited, 2, 2);
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_true (tandem_initiative_has_target (live));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, target_sql), ==, 22);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  live = tandem_store_lookup_initiative (fixture->store, uuid);
  g_assert_true (tandem_initiative_has_target (live));
  g_assert_cmpuint (tandem_initiative_get_target_row (live), ==, 2);
  g_assert_cmpuint (tandem_initiative_get_target_col (live), ==, 2);
  /* The target is not the current cell. */
  g_assert_cmpuint (tandem_initiative_get_row (live), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (live), ==, 2);

  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_clear_target (edited);
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_false (tandem_initiative_has_target (live));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, target_sql), ==, -1);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  live = tandem_store_lookup_initiative (fixture->store, uuid);
  g_assert_false (tandem_initiative_has_target (live));
  g_assert_cmpuint (tandem_initiative_get_target_row (live), ==, 0);
}

static void
test_save_cell_note (TandemTestFixture *fixture,
                     gconstpointer      data)
{
  TandemInitiative *live = save_new (fixture->store, "Expert patients", 2, 1);
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (live));
  g_autofree char *notes_sql = g_strdup_printf ("SELECT count(*) FROM cell_note WHERE initiative_uuid = '%s'", uuid);
  g_autoptr(GError) error = NULL;
  guint notes_changed = 0;

  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_cell_note (edited, 1, 3, "Top right");
    tandem_initiative_set_cell_note (edited, 3, 1, "Bottom left");
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 1, 3), ==, "Top right");
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 3, 1), ==, "Bottom left");
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, notes_sql), ==, 2);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  live = tandem_store_lookup_initiative (fixture->store, uuid);
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 1, 3), ==, "Top right");
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 3, 1), ==, "Bottom left");
  g_assert_null (tandem_initiative_get_cell_note (live, 2, 2));

  /* Change one, remove the other. */
  g_signal_connect_swapped (live, "notes-changed", G_CALLBACK (bump), &notes_changed);
  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_cell_note (edited, 1, 3, "Top right, revised");
    tandem_initiative_set_cell_note (edited, 3, 1, NULL);
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (notes_changed, >=, 1);
  g_signal_handlers_disconnect_by_data (live, &notes_changed);
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 1, 3), ==, "Top right, revised");
  g_assert_null (tandem_initiative_get_cell_note (live, 3, 1));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, notes_sql), ==, 1);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  live = tandem_store_lookup_initiative (fixture->store, uuid);
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 1, 3), ==, "Top right, revised");
  g_assert_null (tandem_initiative_get_cell_note (live, 3, 1));
}

static void
test_delete (TandemTestFixture *fixture,
             gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(GError) error = NULL;
  TandemInitiative *live = get_item (fixture->store, 1);
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (live));
  g_autofree char *notes_sql = g_strdup_printf ("SELECT count(*) FROM cell_note WHERE initiative_uuid = '%s'", uuid);
  guint row = tandem_initiative_get_row (live);
  guint col = tandem_initiative_get_col (live);
  guint in_cell = tandem_store_count_in_cell (fixture->store, row, col);

  /* Give it a note, to see the note go with it. */
  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_cell_note (edited, 2, 2, "Doomed");
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, notes_sql), ==, 1);
  tandem_test_items_log_clear (log);

  g_object_add_weak_pointer (G_OBJECT (live), (gpointer *) &live);
  g_assert_true (tandem_store_delete_initiative (fixture->store, uuid, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
  tandem_test_assert_items_changed (log, 0, 1, 1, 0);
  g_assert_cmpuint (n_items (fixture->store), ==, N_EXAMPLES - 1);
  g_assert_null (tandem_store_lookup_initiative (fixture->store, uuid));
  g_assert_cmpuint (tandem_test_find_position (fixture->store, uuid), ==, G_MAXUINT);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, row, col), ==, in_cell - 1);
  assert_counts_match_model (fixture->store);
  /* The store let go of it. */
  g_assert_null (live);

  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, N_EXAMPLES - 1);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, notes_sql), ==, 0);
  tandem_test_assert_disk_matches (fixture->store);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_null (tandem_store_lookup_initiative (fixture->store, uuid));
  g_assert_cmpuint (n_items (fixture->store), ==, N_EXAMPLES - 1);
}

static void
test_delete_unknown (TandemTestFixture *fixture,
                     gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  g_assert_false (tandem_store_delete_initiative (fixture->store, uuid, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (tandem_store_delete_initiative (fixture->store, "not-a-uuid", &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND);

  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 0);
  tandem_test_assert_state (state, fixture->store);
  tandem_test_assert_disk_matches (fixture->store);
}

static void
test_items_changed_positions (TandemTestFixture *fixture,
                              gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(GError) error = NULL;

  /* Update each position in turn. */
  for (guint position = 0; position < N_EXAMPLES; position++)
    {
      TandemInitiative *live = get_item (fixture->store, position);
      g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

      tandem_initiative_set_place (edited, "Updated");
      tandem_test_items_log_clear (log);
      g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
      tandem_test_assert_items_changed (log, 0, position, 1, 1);
      g_assert_true (get_item (fixture->store, position) == live);
    }

  /* New ones go where their titles sort: the list stays in title order. */
  tandem_test_items_log_clear (log);
  save_new (fixture->store, "Zebra crossing patrol", 2, 2);
  save_new (fixture->store, "aardvark club", 2, 3);
  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 2);
  tandem_test_assert_items_changed (log, 0, N_EXAMPLES, 0, 1);
  tandem_test_assert_items_changed (log, 1, 0, 0, 1);
  g_assert_cmpstr (tandem_initiative_get_title (get_item (fixture->store, 0)), ==, "aardvark club");
  g_assert_cmpstr (tandem_initiative_get_title (get_item (fixture->store, N_EXAMPLES + 1)), ==,
                   "Zebra crossing patrol");

  /* A new title moves the initiative to where it now sorts. */
  {
    TandemInitiative *first = get_item (fixture->store, 0);
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (first);

    /* One change over the range it crossed, so that views and selections
     * see the same object come back rather than one removed for good. */
    tandem_initiative_set_title (edited, "Zoo volunteers");
    tandem_test_items_log_clear (log);
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
    tandem_test_assert_items_changed (log, 0, 0, N_EXAMPLES + 2, N_EXAMPLES + 2);
    g_assert_true (get_item (fixture->store, N_EXAMPLES + 1) == first);
  }
  assert_sorted (fixture->store);

  /* Deleting the first and the last. */
  {
    g_autofree char *first = g_strdup (tandem_initiative_get_uuid (get_item (fixture->store, 0)));
    g_autofree char *last = g_strdup (tandem_initiative_get_uuid (get_item (fixture->store, N_EXAMPLES + 1)));

    tandem_test_items_log_clear (log);
    g_assert_true (tandem_store_delete_initiative (fixture->store, first, &error));
    g_assert_no_error (error);
    g_assert_true (tandem_store_delete_initiative (fixture->store, last, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 2);
    tandem_test_assert_items_changed (log, 0, 0, 1, 0);
    tandem_test_assert_items_changed (log, 1, N_EXAMPLES, 1, 0);
  }

  g_assert_cmpuint (n_items (fixture->store), ==, N_EXAMPLES);
  assert_counts_match_model (fixture->store);
}

static void
test_count_in_cell (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  TandemInitiative *a, *b;

  assert_counts_match_model (fixture->store);

  for (guint r = 1; r <= 3; r++)
    for (guint c = 1; c <= 3; c++)
      g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, r, c), ==, 0);

  a = save_new (fixture->store, "A", 2, 2);
  b = save_new (fixture->store, "B", 2, 2);
  save_new (fixture->store, "C", 1, 3);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 2, 2), ==, 2);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 1, 3), ==, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 1), ==, 0);

  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (a);

    tandem_initiative_set_cell (edited, 3, 1);
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 2, 2), ==, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 1), ==, 1);

  g_assert_true (tandem_store_delete_initiative (fixture->store, tandem_initiative_get_uuid (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 2, 2), ==, 0);
  assert_counts_match_model (fixture->store);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 1), ==, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 1, 3), ==, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 2, 2), ==, 0);
  assert_counts_match_model (fixture->store);
}

static void
test_matrix_labels (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (fixture->store);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char * const *keys = tandem_matrix_get_keys ();

  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  /* Reword every key in one batch. */
  for (guint i = 0; keys[i] != NULL; i++)
    {
      char *text = g_strdup_printf ("Custom %u", i);

      g_ptr_array_add (texts, text);
      g_hash_table_insert (labels, (gpointer) keys[i], text);
    }
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Custom %u", i);

      g_assert_cmpstr (tandem_matrix_get_label (matrix, keys[i]), ==, expected);
    }
  g_assert_cmpint (db_count (fixture->path, "matrix_label"), ==, 17);
  {
    g_autofree char *text = tandem_test_sqlite_get_text (fixture->path,
                                                         "SELECT text FROM matrix_label WHERE key = 'cell-2-3'");

    g_assert_cmpstr (text, ==, "Custom 13");
  }
  g_hash_table_remove_all (labels);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  matrix = tandem_store_get_matrix (fixture->store);
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "design-axis"), ==, "Custom 0");
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-3-3"), ==, "Custom 16");

  /* Reset three of them: NULL, "" and blank all mean the standard wording. */
  g_hash_table_insert (labels, "design-axis", NULL);
  g_hash_table_insert (labels, "cell-1-1", "");
  g_hash_table_insert (labels, "cell-3-3", "   ");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "design-axis"), ==, "Responsibility for design of services");
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-1-1"), ==, "Traditional professional service provision");
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-3-3"), ==, "Self-organised community provision");
  g_assert_false (tandem_matrix_is_customised (matrix, "cell-3-3"));
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-2-2"), ==, "Custom 12");
  g_assert_cmpint (db_count (fixture->path, "matrix_label"), ==, 14);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  matrix = tandem_store_get_matrix (fixture->store);
  g_assert_false (tandem_matrix_is_customised (matrix, "design-axis"));
  g_assert_false (tandem_matrix_is_customised (matrix, "cell-1-1"));
  g_assert_true (tandem_matrix_is_customised (matrix, "cell-2-2"));
}

/* ---- Rollback ------------------------------------------------------------------ */

static void
test_rollback_invalid_initiative (TandemTestFixture *fixture,
                                  gconstpointer      data)
{
  static const char * const bad_titles[] = { "", "   ", "\t\n" };
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  TandemInitiative *live = get_item (fixture->store, 0);
  g_autofree char *uuid = g_strdup (tandem_initiative_get_uuid (live));
  g_autofree char *title = g_strdup (tandem_initiative_get_title (live));

  for (guint i = 0; i < G_N_ELEMENTS (bad_titles); i++)
    {
      g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);
      g_autoptr(TandemInitiative) fresh = tandem_initiative_new (bad_titles[i], 2, 2);
      g_autoptr(GError) error = NULL;
      guint notified = 0;

      /* An update with other changes too: none of them may stick. */
      tandem_initiative_set_title (edited, bad_titles[i]);
      tandem_initiative_set_place (edited, "Should not be saved");
      tandem_initiative_set_cell (edited, 3, 3);
      tandem_initiative_set_cell_note (edited, 3, 3, "Should not be saved");

      tandem_test_count_notify (live, "title", &notified);
      g_assert_false (tandem_store_save_initiative (fixture->store, edited, &error));
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, fixture->path));
      g_clear_error (&error);
      g_assert_cmpuint (notified, ==, 0);
      g_signal_handlers_disconnect_by_data (live, &notified);

      g_assert_false (tandem_store_save_initiative (fixture->store, fresh, &error));
      g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
      g_assert_null (tandem_store_lookup_initiative (fixture->store, tandem_initiative_get_uuid (fresh)));
    }

  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 0);
  tandem_test_assert_state (state, fixture->store);
  {
    g_autofree char *on_disk = db_title (fixture->path, uuid);

    g_assert_cmpstr (on_disk, ==, title);
  }
  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, N_EXAMPLES);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  tandem_test_assert_state (state, fixture->store);
}

static void
test_rollback_labels (TandemTestFixture *fixture,
                      gconstpointer      data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (fixture->store);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_hash_table_insert (labels, "cell-1-1", "Before");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  state = tandem_test_state_capture (fixture->store);

  g_signal_connect_swapped (matrix, "label-changed", G_CALLBACK (bump), &changed);

  /* Good keys on both sides of a bad one. */
  g_hash_table_remove_all (labels);
  g_hash_table_insert (labels, "cell-1-1", "After");
  g_hash_table_insert (labels, "cell-2-2", "After");
  g_hash_table_insert (labels, "design-5", "After");
  g_hash_table_insert (labels, "delivery-axis", "After");
  g_hash_table_insert (labels, "cell-3-3", NULL);
  g_assert_false (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "design-5"));

  g_assert_cmpuint (changed, ==, 0);
  g_signal_handlers_disconnect_by_data (matrix, &changed);
  tandem_test_assert_state (state, fixture->store);
  {
    g_autofree char *text = tandem_test_sqlite_get_text (fixture->path,
                                                         "SELECT text FROM matrix_label WHERE key = 'cell-1-1'");

    g_assert_cmpstr (text, ==, "Before");
  }
  g_assert_cmpint (db_count (fixture->path, "matrix_label"), ==, 1);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  tandem_test_assert_state (state, fixture->store);
}

/* A failure half-way through a write: SQLite refuses the second statement
 * of the transaction, so the first must be rolled back too. */
static void
test_rollback_mid_transaction (TandemTestFixture *fixture,
                               gconstpointer      data)
{
  GListModel *model;
  g_autoptr(TandemTestItemsLog) log = NULL;
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  TandemInitiative *live;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  guint changed = 0;

  tandem_test_fixture_close (fixture);
  tandem_test_sqlite_exec (fixture->path,
                           "CREATE TRIGGER refuse_note BEFORE INSERT ON cell_note"
                           " WHEN NEW.text = 'boom' BEGIN SELECT RAISE (ABORT, 'boom'); END;"
                           "CREATE TRIGGER refuse_label BEFORE INSERT ON matrix_label"
                           " WHEN NEW.text = 'boom' BEGIN SELECT RAISE (ABORT, 'boom'); END;"
                           "CREATE TRIGGER refuse_initiative BEFORE INSERT ON initiative"
                           " WHEN NEW.title = 'boom' BEGIN SELECT RAISE (ABORT, 'boom'); END;");
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);

  model = tandem_store_get_initiatives (fixture->store);
  log = tandem_test_items_log_new (model);
  state = tandem_test_state_capture (fixture->store);
  live = get_item (fixture->store, 0);
  uuid = g_strdup (tandem_initiative_get_uuid (live));
  title = g_strdup (tandem_initiative_get_title (live));

  /* The initiative row is written first, then its notes: the note fails. */
  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_title (edited, "Renamed in a failed save");
    tandem_initiative_set_cell (edited, 3, 3);
    tandem_initiative_set_cell_note (edited, 1, 1, "fine");
    tandem_initiative_set_cell_note (edited, 2, 2, "boom");
    g_assert_false (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == TANDEM_STORE_ERROR);
    g_assert_nonnull (strstr (error->message, fixture->path));
    g_clear_error (&error);
  }

  /* Labels: one batch, one refused. */
  g_signal_connect_swapped (tandem_store_get_matrix (fixture->store), "label-changed",
                            G_CALLBACK (bump), &changed);
  g_hash_table_insert (labels, "cell-1-1", "fine");
  g_hash_table_insert (labels, "cell-1-2", "boom");
  g_hash_table_insert (labels, "cell-1-3", "fine too");
  g_assert_false (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);
  g_signal_handlers_disconnect_by_data (tandem_store_get_matrix (fixture->store), &changed);

  /* A new initiative that SQLite refuses is not added to the model. */
  {
    g_autoptr(TandemInitiative) boom = tandem_initiative_new ("boom", 2, 2);

    g_assert_false (tandem_store_save_initiative (fixture->store, boom, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 0);
  tandem_test_assert_state (state, fixture->store);
  {
    g_autofree char *on_disk = db_title (fixture->path, uuid);

    g_assert_cmpstr (on_disk, ==, title);
  }
  g_assert_cmpint (db_count (fixture->path, "matrix_label"), ==, 0);
  tandem_test_assert_disk_matches (fixture->store);

  /* The store still works after a rollback. */
  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_cell_note (edited, 2, 2, "fine now");
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (tandem_initiative_get_cell_note (live, 2, 2), ==, "fine now");
  }

  tandem_test_items_log_free (g_steal_pointer (&log));
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  live = tandem_store_lookup_initiative (fixture->store, uuid);
  g_assert_cmpstr (tandem_initiative_get_title (live), ==, title);
  g_assert_cmpstr (tandem_initiative_get_cell_note (live, 2, 2), ==, "fine now");
}

static void
test_rollback_seed (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  /* Refuse the last example that would be written, whatever its title. */
  tandem_test_fixture_close (fixture);
  tandem_test_sqlite_exec (fixture->path,
                           "CREATE TRIGGER refuse_third BEFORE INSERT ON initiative"
                           " WHEN (SELECT count(*) FROM initiative) >= 2"
                           " BEGIN SELECT RAISE (ABORT, 'full'); END;");
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);

  g_assert_false (tandem_store_seed_example (fixture->store, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  g_assert_cmpuint (n_items (fixture->store), ==, 0);
  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, 0);
  g_assert_cmpint (db_count (fixture->path, "cell_note"), ==, 0);
}

/* ---- Migration ------------------------------------------------------------------ */

#define V1_UUID_A "0b5c7a52-3f0e-4d8e-9d7a-6a3c2f1e0a01"
#define V1_UUID_B "0b5c7a52-3f0e-4d8e-9d7a-6a3c2f1e0a02"

static void
make_v1 (TandemTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_tandem_migrations_create_at_version (fixture->file, 1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA application_id"), ==,
                   TANDEM_STORE_APPLICATION_ID);
  g_assert_false (db_has_table (fixture->path, "cell_note"));

  tandem_test_sqlite_exec (fixture->path,
                           "INSERT INTO initiative (uuid, title, organisation, service_area, place,"
                           "  description, created, updated, cell_row, cell_col, target_row, target_col)"
                           " VALUES ('" V1_UUID_A "', 'Old village appraisal', 'Parish', 'Planning',"
                           "  'Oldham', 'From version 1.', 1500000000, 1500000100, 1, 2, 2, 2),"
                           "        ('" V1_UUID_B "', 'Old lunch club', '', '', '', '',"
                           "  1500000200, 1500000300, 3, 3, NULL, NULL);"
                           "INSERT INTO matrix_label (key, text) VALUES ('cell-2-2', 'Old wording');");
}

/* What a portfolio upgraded to version 3 must have: the case-study tables,
 * the bundled library, a search index and citations that can be saved. */
static void
assert_has_case_studies (TandemTestFixture *fixture)
{
  static const char * const tables[] = {
    "meta", "case_study", "case_outcome", "case_source", "case_link", "initiative_case", "case_search",
  };
  g_autoptr(GBytes) bundled = tandem_library_get_bundled ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  int version = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_test_message ("table %s", tables[i]);
      g_assert_true (db_has_table (fixture->path, tables[i]));
    }

  g_assert_true (tandem_library_parse (bundled, "bundled", &version, &entries, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_library_version (fixture->store), ==, version);
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_case_studies (fixture->store)), ==, entries->len);
  g_assert_cmpint (db_count (fixture->path, "case_study"), ==, entries->len);
  g_assert_cmpuint (tandem_store_count_cases_in_cell (fixture->store, 2, 2), >, 0);
  {
    g_autofree char *stored = tandem_test_sqlite_get_text (fixture->path,
                                                           "SELECT value FROM meta WHERE key = 'library_version'");
    g_autofree char *expected = g_strdup_printf ("%d", version);

    g_assert_cmpstr (stored, ==, expected);
  }

  found = tandem_store_search_case_studies (fixture->store, "whanau", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (found, "nz-whanau-ora"));
}

static void
cite_first (TandemTestFixture *fixture,
            const char        *case_id)
{
  TandemInitiative *first = get_item (fixture->store, 0);
  g_autoptr(TandemInitiative) edited = tandem_initiative_copy (first);
  g_autoptr(GError) error = NULL;

  tandem_initiative_cite (edited, case_id, TRUE, "Cited after the upgrade");
  g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
  g_assert_no_error (error);
}

static void
test_migrate_v1 (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_backup = g_strconcat (fixture->path, ".v1.bak", NULL);
  g_autofree char *backup = NULL;
  TandemInitiative *a, *b;

  make_v1 (fixture);

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_false (tandem_store_get_was_created (fixture->store));
  g_assert_false (tandem_store_get_read_only (fixture->store));

  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_cmpstr (backup, ==, expected_backup);
  g_assert_true (file_exists (expected_backup));

  /* The backup is the untouched version 1 portfolio. */
  g_assert_cmpint (tandem_test_sqlite_get_int (expected_backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (tandem_test_sqlite_get_int (expected_backup, "PRAGMA application_id"), ==,
                   TANDEM_STORE_APPLICATION_ID);
  g_assert_false (db_has_table (expected_backup, "cell_note"));
  g_assert_cmpint (db_count (expected_backup, "initiative"), ==, 2);

  /* The portfolio itself is at the current version with its data. */
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==,
                   TANDEM_STORE_SCHEMA_VERSION);
  g_assert_true (db_has_table (fixture->path, "cell_note"));
  g_assert_cmpuint (n_items (fixture->store), ==, 2);

  a = tandem_store_lookup_initiative (fixture->store, V1_UUID_A);
  g_assert_nonnull (a);
  g_assert_cmpstr (tandem_initiative_get_title (a), ==, "Old village appraisal");
  g_assert_cmpstr (tandem_initiative_get_organisation (a), ==, "Parish");
  g_assert_cmpstr (tandem_initiative_get_service_area (a), ==, "Planning");
  g_assert_cmpstr (tandem_initiative_get_place (a), ==, "Oldham");
  g_assert_cmpstr (tandem_initiative_get_description (a), ==, "From version 1.");
  g_assert_cmpint (tandem_initiative_get_created (a), ==, 1500000000);
  g_assert_cmpint (tandem_initiative_get_updated (a), ==, 1500000100);
  g_assert_cmpuint (tandem_initiative_get_row (a), ==, 1);
  g_assert_cmpuint (tandem_initiative_get_col (a), ==, 2);
  g_assert_true (tandem_initiative_has_target (a));
  g_assert_cmpuint (tandem_initiative_get_target_row (a), ==, 2);

  b = tandem_store_lookup_initiative (fixture->store, V1_UUID_B);
  g_assert_nonnull (b);
  g_assert_cmpstr (tandem_initiative_get_title (b), ==, "Old lunch club");
  g_assert_false (tandem_initiative_has_target (b));
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 3), ==, 1);

  g_assert_cmpstr (tandem_matrix_get_label (tandem_store_get_matrix (fixture->store), "cell-2-2"), ==,
                   "Old wording");

  /* Version 3: the case-study tables, and the library taken. */
  assert_has_case_studies (fixture);

  /* The new table works. */
  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (a);

    tandem_initiative_set_cell_note (edited, 2, 2, "Added after the upgrade");
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }

  /* Opening again needs no upgrade and makes no second backup. */
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_clear_pointer (&backup, g_free);
  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_null (backup);
  a = tandem_store_lookup_initiative (fixture->store, V1_UUID_A);
  g_assert_cmpstr (tandem_initiative_get_cell_note (a, 2, 2), ==, "Added after the upgrade");
  assert_has_case_studies (fixture);
  cite_first (fixture, "nz-whanau-ora");
  tandem_test_assert_disk_matches (fixture->store);
  {
    g_autofree char *second = g_strconcat (fixture->path, ".v2.bak", NULL);
    g_autofree char *numbered = g_strconcat (fixture->path, ".v1-2.bak", NULL);

    g_assert_false (file_exists (second));
    g_assert_false (file_exists (numbered));
  }
}

#define V2_UUID "0b5c7a52-3f0e-4d8e-9d7a-6a3c2f1e0a21"

static void
test_migrate_v2 (TandemTestFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_backup = g_strconcat (fixture->path, ".v2.bak", NULL);
  g_autofree char *backup = NULL;
  TandemInitiative *initiative;

  g_assert_true (_tandem_migrations_create_at_version (fixture->file, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_true (db_has_table (fixture->path, "cell_note"));
  g_assert_false (db_has_table (fixture->path, "case_study"));
  tandem_test_sqlite_exec (fixture->path,
                           "INSERT INTO initiative (uuid, title, organisation, service_area, place,"
                           "  description, created, updated, cell_row, cell_col, target_row, target_col)"
                           " VALUES ('" V2_UUID "', 'Version 2 lunch club', 'Parish', 'Food', 'Bury',"
                           "  'From version 2.', 1600000000, 1600000100, 3, 3, 2, 2);"
                           "INSERT INTO cell_note (initiative_uuid, cell_row, cell_col, text)"
                           " VALUES ('" V2_UUID "', 2, 2, 'A note from version 2');"
                           "INSERT INTO matrix_label (key, text) VALUES ('delivery-3', 'Citizens alone');");

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  /* Backed up as it was. */
  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_cmpstr (backup, ==, expected_backup);
  g_assert_cmpint (tandem_test_sqlite_get_int (expected_backup, "PRAGMA user_version"), ==, 2);
  g_assert_false (db_has_table (expected_backup, "case_study"));
  g_assert_cmpint (db_count (expected_backup, "cell_note"), ==, 1);

  /* Upgraded with everything kept. */
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==,
                   TANDEM_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (n_items (fixture->store), ==, 1);
  initiative = tandem_store_lookup_initiative (fixture->store, V2_UUID);
  g_assert_nonnull (initiative);
  g_assert_cmpstr (tandem_initiative_get_title (initiative), ==, "Version 2 lunch club");
  g_assert_cmpstr (tandem_initiative_get_description (initiative), ==, "From version 2.");
  g_assert_cmpuint (tandem_initiative_get_row (initiative), ==, 3);
  g_assert_cmpuint (tandem_initiative_get_target_row (initiative), ==, 2);
  g_assert_cmpstr (tandem_initiative_get_cell_note (initiative, 2, 2), ==, "A note from version 2");
  g_assert_cmpuint (tandem_initiative_get_n_citations (initiative), ==, 0);
  g_assert_cmpstr (tandem_matrix_get_label (tandem_store_get_matrix (fixture->store), "delivery-3"), ==,
                   "Citizens alone");
  assert_has_case_studies (fixture);

  /* Citations can be saved, and survive reopening without another
   * upgrade. */
  cite_first (fixture, "surrey-neet-to-pete");
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_clear_pointer (&backup, g_free);
  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_null (backup);
  initiative = tandem_store_lookup_initiative (fixture->store, V2_UUID);
  g_assert_nonnull (tandem_initiative_find_citation (initiative, "surrey-neet-to-pete"));
  assert_has_case_studies (fixture);
}

static void
test_migrate_keeps_old_backup (TandemTestFixture *fixture,
                               gconstpointer      data)
{
  static const char old_backup_text[] = "a backup the user made earlier";
  g_autofree char *taken = g_strconcat (fixture->path, ".v1.bak", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  make_v1 (fixture);
  tandem_test_write_file (taken, old_backup_text, sizeof old_backup_text - 1);
  before = tandem_test_get_file_bytes (taken);

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  /* The upgrade backed up to another name and left the old file alone. */
  backup = tandem_store_get_backup_path (fixture->store);
  g_assert_nonnull (backup);
  g_assert_cmpstr (backup, !=, taken);
  g_assert_true (g_str_has_prefix (backup, fixture->path));
  g_assert_true (file_exists (backup));
  g_assert_cmpint (tandem_test_sqlite_get_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (db_count (backup, "initiative"), ==, 2);
  after = tandem_test_get_file_bytes (taken);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_migrate_fails (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  TandemStore *store;

  /* A version 1 file that already has a table the upgrade wants to make:
   * the upgrade fails part-way and must leave the portfolio as it was. */
  make_v1 (fixture);
  tandem_test_sqlite_exec (fixture->path, "CREATE TABLE cell_note (in_the_way TEXT)");

  store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (db_count (fixture->path, "initiative"), ==, 2);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path,
                                               "SELECT count(*) FROM pragma_table_info ('cell_note')"), ==, 1);
  g_assert_true (db_has_table (fixture->path, "matrix_label"));
  {
    g_autofree char *title = db_title (fixture->path, V1_UUID_A);

    g_assert_cmpstr (title, ==, "Old village appraisal");
  }
}

static void
test_migrate_read_only (TandemTestFixture *fixture,
                        gconstpointer      data)
{
  g_autoptr(TandemTestSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".v1.bak", NULL);
  TandemStore *store;

  make_v1 (fixture);
  snapshot = tandem_test_snapshot_take (fixture->path);

  /* An old portfolio that may not be written cannot be upgraded. */
  store = tandem_store_open (fixture->file, TANDEM_STORE_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  tandem_test_assert_snapshot_unchanged (snapshot);
  g_assert_false (file_exists (backup));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 1);
}

static void
test_migrations_create_at_version (TandemTestFixture *fixture,
                                   gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  /* The hook also makes current-version files, identical in schema to a
   * newly created portfolio. */
  g_assert_true (_tandem_migrations_create_at_version (fixture->file, TANDEM_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==,
                   TANDEM_STORE_SCHEMA_VERSION);

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  {
    g_autofree char *backup = tandem_store_get_backup_path (fixture->store);

    g_assert_null (backup);
  }
  save_new (fixture->store, "Works", 2, 2);
}

/* ---- Files that are not (good) portfolios --------------------------------------- */

static void
test_bad_text_file (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  static const char text[] = "Minutes of the co-production working group\n\n1. Apologies\n";

  tandem_test_write_file (fixture->path, text, sizeof text - 1);
  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
}

static void
test_bad_garbage (TandemTestFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);

  tandem_test_write_file (fixture->path, bytes, sizeof bytes);
  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
}

static void
test_bad_empty_file (TandemTestFixture *fixture,
                     gconstpointer      data)
{
  g_autoptr(GBytes) after = NULL;

  tandem_test_write_file (fixture->path, "", 0);
  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
  after = tandem_test_get_file_bytes (fixture->path);
  g_assert_nonnull (after);
  g_assert_cmpuint (g_bytes_get_size (after), ==, 0);
}

static void
test_bad_short_sqlite_header (TandemTestFixture *fixture,
                              gconstpointer      data)
{
  /* Just the magic string, then nothing. */
  tandem_test_write_file (fixture->path, "SQLite format 3", 16);
  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
}

static void
test_bad_other_database (TandemTestFixture *fixture,
                         gconstpointer      data)
{
  g_autofree char *other = tandem_test_fixture_build_path (fixture, "other.sqlite");

  /* Another application's database, with no application_id … */
  tandem_test_sqlite_create (fixture->path,
                             "CREATE TABLE initiative (uuid TEXT, title TEXT);"
                             "INSERT INTO initiative VALUES ('x', 'y');"
                             "PRAGMA user_version = 2;");
  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);

  /* … and one with an application_id of its own, in WAL mode. */
  tandem_test_sqlite_create (other,
                             "PRAGMA journal_mode = WAL;"
                             "PRAGMA application_id = 1179539780;"
                             "CREATE TABLE bookmarks (url TEXT);");
  assert_open_fails (other, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
}

static void
test_bad_newer_version (TandemTestFixture *fixture,
                        gconstpointer      data)
{
  save_new (fixture->store, "From the future", 2, 2);
  tandem_test_fixture_close (fixture);
  tandem_test_sqlite_exec (fixture->path, "PRAGMA user_version = 99");
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 99);

  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "PRAGMA user_version"), ==, 99);

  /* One step ahead is too new as well. */
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", TANDEM_STORE_SCHEMA_VERSION + 1);

    tandem_test_sqlite_exec (fixture->path, sql);
    assert_open_fails (fixture->path, TANDEM_STORE_ERROR_TOO_NEW);
  }
}

/* Writes a portfolio big enough to have many pages, closes it and returns
 * its bytes and page size. */
static GBytes *
make_closed_portfolio (TandemTestFixture *fixture,
                       guint             *page_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const guint8 *data;
  gsize length;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Initiative number %u", i);
      g_autoptr(TandemInitiative) initiative = tandem_initiative_new (title, i % 3 + 1, i / 3 % 3 + 1);
      g_autoptr(GString) description = g_string_new (NULL);

      for (guint j = 0; j < 20; j++)
        g_string_append (description, "Padding so that the file spans many pages. ");
      tandem_initiative_set_description (initiative, description->str);
      tandem_initiative_set_cell_note (initiative, 2, 2, description->str);
      g_assert_true (tandem_store_save_initiative (fixture->store, initiative, &error));
      g_assert_no_error (error);
    }

  tandem_test_fixture_close (fixture);
  g_assert_false (file_exists (wal));

  bytes = tandem_test_get_file_bytes (fixture->path);
  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpmem (data, 16, "SQLite format 3", 16);
  *page_size = (data[16] << 8) | data[17];
  if (*page_size == 1)
    *page_size = 65536;
  g_assert_cmpuint (length % *page_size, ==, 0);
  g_assert_cmpuint (length / *page_size, >=, 8);

  return g_steal_pointer (&bytes);
}

static void
test_bad_corrupt (TandemTestFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *copy;
  gsize length;
  guint page_size;

  bytes = make_closed_portfolio (fixture, &page_size);
  length = g_bytes_get_size (bytes);
  copy = g_memdup2 (g_bytes_get_data (bytes, NULL), length);

  /* The header (page 1) stays sound; every later page gets garbage over
   * its b-tree header. */
  for (gsize offset = page_size; offset < length; offset += page_size)
    for (guint i = 0; i < 64; i++)
      copy[offset + i] = g_rand_int_range (rand, 0, 256);

  tandem_test_write_file (fixture->path, copy, length);
  g_free (copy);

  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_CORRUPT);
}

static void
test_bad_damaged_header (TandemTestFixture *fixture,
                         gconstpointer      data)
{
  g_autoptr(GBytes) bytes = NULL;
  guint8 *copy;
  gsize length;
  guint page_size;

  bytes = make_closed_portfolio (fixture, &page_size);
  length = g_bytes_get_size (bytes);
  copy = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  memcpy (copy, "Not SQLite at al", 16);
  tandem_test_write_file (fixture->path, copy, length);
  g_free (copy);

  assert_open_fails (fixture->path, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
}

static void
test_bad_directory (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  TandemStore *store;

  store = tandem_store_open (dir, TANDEM_STORE_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
  g_assert_nonnull (strstr (error->message, fixture->dir));
}

/* ---- Read-only ----------------------------------------------------------------- */

/* Tries every kind of write on a read-only store: each must fail with
 * READ_ONLY and change nothing in memory. */
static void
assert_every_write_refused (TandemStore *store)
{
  GListModel *model = tandem_store_get_initiatives (store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(TandemTestState) state = tandem_test_state_capture (store);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  TandemInitiative *live = get_item (store, 0);
  guint changed = 0;

  g_assert_true (tandem_store_get_read_only (store));
  g_assert_nonnull (tandem_store_get_read_only_reason (store));
  g_assert_cmpstr (tandem_store_get_read_only_reason (store), !=, "");

  {
    gboolean read_only = FALSE;

    g_object_get (store, "read-only", &read_only, NULL);
    g_assert_true (read_only);
  }

  {
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_title (edited, "Changed while read-only");
    g_assert_false (tandem_store_save_initiative (store, edited, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  {
    g_autoptr(TandemInitiative) fresh = tandem_initiative_new ("New while read-only", 2, 2);

    g_assert_false (tandem_store_save_initiative (store, fresh, &error));
    g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  g_assert_false (tandem_store_delete_initiative (store, tandem_initiative_get_uuid (live), &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_signal_connect_swapped (tandem_store_get_matrix (store), "label-changed",
                            G_CALLBACK (bump), &changed);
  g_hash_table_insert (labels, "cell-2-2", "Changed while read-only");
  g_hash_table_insert (labels, "cell-1-1", NULL);
  g_assert_false (tandem_store_set_matrix_labels (store, labels, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);
  g_signal_handlers_disconnect_by_data (tandem_store_get_matrix (store), &changed);

  g_assert_false (tandem_store_seed_example (store, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 0);
  tandem_test_assert_state (state, store);
}

static void
test_read_only_flag (TandemTestFixture *fixture,
                     gconstpointer      data)
{
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_hash_table_insert (labels, "cell-1-1", "Custom, so that a reset could show");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  state = tandem_test_state_capture (fixture->store);
  tandem_test_fixture_close (fixture);
  before = tandem_test_get_file_bytes (fixture->path);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_READ_ONLY);
  tandem_test_assert_state (state, fixture->store);
  assert_every_write_refused (fixture->store);

  /* A copy may still be saved from a read-only portfolio. */
  {
    g_autofree char *copy_path = tandem_test_fixture_build_path (fixture, "copy.tandem");
    g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
    TandemStore *copy;

    g_assert_true (tandem_store_save_copy (fixture->store, copy_file, &error));
    g_assert_no_error (error);
    copy = tandem_store_open (copy_file, TANDEM_STORE_NONE, &error);
    g_assert_no_error (error);
    tandem_test_assert_state (state, copy);
    tandem_test_close_store (copy);
  }

  tandem_test_fixture_close (fixture);
  after = tandem_test_get_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  if (file_exists (wal))
    {
      g_autoptr(GBytes) wal_bytes = tandem_test_get_file_bytes (wal);

      g_assert_cmpuint (g_bytes_get_size (wal_bytes), ==, 0);
    }

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_false (tandem_store_get_read_only (fixture->store));
  g_assert_null (tandem_store_get_read_only_reason (fixture->store));
  tandem_test_assert_state (state, fixture->store);
}

static void
test_read_only_permissions (TandemTestFixture *fixture,
                            gconstpointer      data)
{
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("File permissions do not stop root from writing");
      return;
    }

  state = tandem_test_state_capture (fixture->store);
  tandem_test_fixture_close (fixture);
  before = tandem_test_get_file_bytes (fixture->path);

  /* A file that may not be written. */
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  tandem_test_assert_state (state, fixture->store);
  assert_every_write_refused (fixture->store);
  tandem_test_fixture_close (fixture);
  after = tandem_test_get_file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  /* A folder that may not be written (SQLite keeps its log beside the file). */
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  assert_every_write_refused (fixture->store);
  tandem_test_fixture_close (fixture);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  g_assert_false (tandem_store_get_read_only (fixture->store));
  tandem_test_assert_state (state, fixture->store);
}

/* ---- Closing ------------------------------------------------------------------- */

static void
test_closed (TandemTestFixture *fixture,
             gconstpointer      data)
{
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(TandemInitiative) fresh = tandem_initiative_new ("After closing", 2, 2);
  g_autoptr(GError) error = NULL;

  tandem_store_close (fixture->store);
  /* Closing twice is harmless. */
  tandem_store_close (fixture->store);

  /* The model stays readable; writes fail. */
  tandem_test_assert_state (state, fixture->store);
  g_assert_false (tandem_store_save_initiative (fixture->store, fresh, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  tandem_test_assert_state (state, fixture->store);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  tandem_test_assert_state (state, fixture->store);
}

/* ---- Name ---------------------------------------------------------------------- */

static void
test_name (TandemTestFixture *fixture,
           gconstpointer      data)
{
  static const struct {
    const char *file;
    const char *name;
  } cases[] = {
    { "Youth services 2026.tandem", "Youth services 2026" },
    { "portfolio.sqlite", "portfolio.sqlite" },
    { "no ending", "no ending" },
    { ".tandem", ".tandem" },   /* nothing would be left */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tandem_test_fixture_build_path (fixture, cases[i].file);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      TandemStore *store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
      g_autofree char *name = NULL;

      g_assert_no_error (error);
      name = tandem_store_get_name (store);
      g_assert_cmpstr (name, ==, cases[i].name);
      tandem_test_close_store (store);
    }
}

/* ---- Save a copy ---------------------------------------------------------------- */

static void
test_save_copy (TandemTestFixture *fixture,
                gconstpointer      data)
{
  g_autofree char *copy_path = tandem_test_fixture_build_path (fixture, "copy.tandem");
  g_autofree char *copy_wal = g_strconcat (copy_path, "-wal", NULL);
  g_autofree char *copy_partial = g_strconcat (copy_path, ".partial", NULL);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TandemTestState) state = NULL;
  g_autoptr(GError) error = NULL;
  TandemStore *copy;

  /* Some of everything. */
  {
    TandemInitiative *live = get_item (fixture->store, 0);
    g_autoptr(TandemInitiative) edited = tandem_initiative_copy (live);

    tandem_initiative_set_cell_note (edited, 3, 3, "A note to copy");
    g_assert_true (tandem_store_save_initiative (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
  g_hash_table_insert (labels, "cell-2-2", "Copied wording");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  state = tandem_test_state_capture (fixture->store);

  g_assert_true (tandem_store_save_copy (fixture->store, copy_file, &error));
  g_assert_no_error (error);
  g_assert_true (file_exists (copy_path));
  g_assert_false (file_exists (copy_wal));
  g_assert_false (file_exists (copy_partial));

  /* The store stays on its own file. */
  g_assert_true (g_file_equal (tandem_store_get_file (fixture->store), fixture->file));
  save_new (fixture->store, "Only in the original", 1, 1);

  copy = tandem_store_open (copy_file, TANDEM_STORE_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (tandem_store_get_was_created (copy));
  tandem_test_assert_state (state, copy);
  g_assert_null (tandem_test_find_by_title (copy, "Only in the original"));
  tandem_test_close_store (copy);

  /* An existing file is replaced. */
  {
    static const char text[] = "an old file in the way";

    g_assert_true (g_remove (copy_path) == 0);
    tandem_test_write_file (copy_path, text, sizeof text - 1);
    g_assert_true (tandem_store_save_copy (fixture->store, copy_file, &error));
    g_assert_no_error (error);
    copy = tandem_store_open (copy_file, TANDEM_STORE_NONE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (tandem_test_find_by_title (copy, "Only in the original"));
    tandem_test_close_store (copy);
  }
}

static void
test_save_copy_onto_itself (TandemTestFixture *fixture,
                            gconstpointer      data)
{
  g_autoptr(TandemTestState) state = tandem_test_state_capture (fixture->store);
  g_autoptr(GFile) same = g_file_new_for_path (fixture->path);
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "portfolio.tandem", NULL);
  g_autoptr(GFile) same_dotted = g_file_new_for_path (dotted);
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_store_save_copy (fixture->store, fixture->file, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  g_assert_false (tandem_store_save_copy (fixture->store, same, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (tandem_store_save_copy (fixture->store, same_dotted, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing happened to the store or its file. */
  tandem_test_assert_state (state, fixture->store);
  tandem_test_assert_disk_matches (fixture->store);
  save_new (fixture->store, "Still writable", 2, 2);
  tandem_test_assert_disk_matches (fixture->store);
}

static void
test_save_copy_no_folder (TandemTestFixture *fixture,
                          gconstpointer      data)
{
  g_autofree char *path = tandem_test_fixture_build_path (fixture, "missing/copy.tandem");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (tandem_store_save_copy (fixture->store, file, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TANDEM_STORE_ERROR);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (file_exists (path));
}

/* ---- The default portfolio ------------------------------------------------------- */

static void
test_open_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) expected = g_file_new_build_filename (g_get_user_data_dir (), "tandem",
                                                         "portfolio.tandem", NULL);
  g_autoptr(GFile) file = tandem_store_get_default_file ();
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TandemStore *store = NULL;

  g_assert_true (g_file_equal (file, expected));
  g_assert_false (g_file_query_exists (file, NULL));

  g_assert_true (tandem_store_open_default (&store, &error));
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_equal (tandem_store_get_file (store), expected));
  g_assert_true (tandem_store_get_was_created (store));
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpuint (n_items (store), ==, N_EXAMPLES);

  for (guint i = 0; i < n_items (store); i++)
    g_hash_table_add (uuids, g_strdup (tandem_initiative_get_uuid (get_item (store, i))));
  g_assert_cmpuint (g_hash_table_size (uuids), ==, N_EXAMPLES);
  {
    guint youth = 0;

    for (guint i = 0; i < n_items (store); i++)
      if (g_str_has_prefix (tandem_initiative_get_title (get_item (store, i)), "Youth employability"))
        youth++;
    g_assert_cmpuint (youth, ==, 1);
  }
  tandem_test_close_store (g_steal_pointer (&store));

  /* The second time it opens what is there and seeds nothing. */
  g_assert_true (tandem_store_open_default (&store, &error));
  g_assert_no_error (error);
  g_assert_false (tandem_store_get_was_created (store));
  g_assert_cmpuint (n_items (store), ==, N_EXAMPLES);
  for (guint i = 0; i < n_items (store); i++)
    g_assert_true (g_hash_table_contains (uuids, tandem_initiative_get_uuid (get_item (store, i))));

  /* Even when the user deleted every example. */
  while (n_items (store) > 0)
    {
      g_assert_true (tandem_store_delete_initiative (store, tandem_initiative_get_uuid (get_item (store, 0)), &error));
      g_assert_no_error (error);
    }
  tandem_test_close_store (g_steal_pointer (&store));

  g_assert_true (tandem_store_open_default (&store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (store), ==, 0);
  tandem_test_close_store (g_steal_pointer (&store));
}

static void
test_open_default_bad_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = tandem_store_get_default_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(TandemTestSnapshot) snapshot = NULL;
  TandemStore *store = NULL;

  /* Something that is not a portfolio where the default should be: it is
   * reported, never replaced. */
  g_assert_true (g_file_make_directory_with_parents (dir, NULL, &error));
  g_assert_no_error (error);
  tandem_test_write_file (path, "not a portfolio", 15);
  snapshot = tandem_test_snapshot_take (path);

  g_assert_false (tandem_store_open_default (&store, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_A_PORTFOLIO);
  g_assert_null (store);
  tandem_test_assert_snapshot_unchanged (snapshot);
}

static void
assert_sorted_and_counted (TandemStore *store)
{
  GListModel *model = tandem_store_get_initiatives (store);
  guint n = g_list_model_get_n_items (model), total = 0;

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(TandemInitiative) a = g_list_model_get_item (model, i);
      g_autoptr(TandemInitiative) b = g_list_model_get_item (model, i + 1);

      g_assert_cmpint (tandem_initiative_compare (a, b), <, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) item = g_list_model_get_item (model, i);

      g_assert_true (tandem_store_lookup_initiative (store, tandem_initiative_get_uuid (item)) == item);
    }
  for (guint row = 1; row <= 3; row++)
    for (guint col = 1; col <= 3; col++)
      total += tandem_store_count_in_cell (store, row, col);
  g_assert_cmpuint (total, ==, n);
}

/* An import's hundreds of new initiatives reach the list in one change,
 * in order; deleting them (undo) likewise.  Views then filter once. */
static void
test_many_in_one_change (TandemTestFixture *fixture,
                         gconstpointer      data)
{
  GListModel *model = tandem_store_get_initiatives (fixture->store);
  g_autoptr(TandemTestItemsLog) log = tandem_test_items_log_new (model);
  g_autoptr(TandemChanges) add = tandem_changes_new ();
  g_autoptr(TandemChanges) remove = tandem_changes_new ();
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (model);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Batch %03u", 199 - i);
      g_autoptr(TandemInitiative) initiative = tandem_initiative_new (title, 1 + i % 3, 1 + (i / 3) % 3);

      tandem_changes_save_initiative (add, initiative);
      tandem_changes_delete_initiative (remove, tandem_initiative_get_uuid (initiative));
    }

  g_assert_true (tandem_store_apply (fixture->store, add, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 200);
  assert_sorted_and_counted (fixture->store);
  tandem_test_assert_disk_matches (fixture->store);

  /* A bulk placement update (a CSV of new cells): one change too. */
  tandem_test_items_log_clear (log);
  {
    g_autoptr(TandemChanges) moves = tandem_changes_new ();

    for (guint i = 0; i < add->save_initiatives->len; i++)
      {
        TandemInitiative *initiative = g_ptr_array_index (add->save_initiatives, i);
        g_autoptr(TandemAssessment) a = tandem_assessment_new (tandem_initiative_get_uuid (initiative),
                                                               "2020-01-01", 3, 3);

        tandem_changes_save_assessment (moves, a);
      }
    g_assert_true (tandem_store_apply (fixture->store, moves, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
  g_assert_cmpuint (tandem_store_count_in_cell (fixture->store, 3, 3), >=, 200);
  assert_sorted_and_counted (fixture->store);
  tandem_test_assert_disk_matches (fixture->store);

  tandem_test_items_log_clear (log);
  g_assert_true (tandem_store_apply (fixture->store, remove, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tandem_test_items_log_get_n (log), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before);
  assert_sorted_and_counted (fixture->store);
  tandem_test_assert_disk_matches (fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, setup, func) \
  g_test_add (path, TandemTestFixture, NULL, setup, func, tandem_test_fixture_teardown)
#define EMPTY  tandem_test_fixture_setup
#define SEEDED tandem_test_fixture_setup_seeded
#define NOFILE tandem_test_fixture_setup_dir

  ADD ("/core/store/create", EMPTY, test_create);
  ADD ("/core/store/create/does-not-clobber", NOFILE, test_create_does_not_clobber);
  ADD ("/core/store/open/missing", NOFILE, test_open_missing);
  ADD ("/core/store/open/while-open", SEEDED, test_open_while_open);
  ADD ("/core/store/reopen", SEEDED, test_reopen);
  ADD ("/core/store/many-in-one-change", SEEDED, test_many_in_one_change);
  ADD ("/core/store/seed-example", SEEDED, test_seed_example);

  ADD ("/core/store/save/new", SEEDED, test_save_new);
  ADD ("/core/store/save/update-fields", SEEDED, test_save_update_fields);
  ADD ("/core/store/save/batch", SEEDED, test_save_batch);
  ADD ("/core/store/save/move", SEEDED, test_save_move);
  ADD ("/core/store/save/target", EMPTY, test_save_target);
  ADD ("/core/store/save/cell-note", EMPTY, test_save_cell_note);
  ADD ("/core/store/delete", SEEDED, test_delete);
  ADD ("/core/store/delete/unknown", SEEDED, test_delete_unknown);
  ADD ("/core/store/items-changed", SEEDED, test_items_changed_positions);
  ADD ("/core/store/count-in-cell", EMPTY, test_count_in_cell);
  ADD ("/core/store/matrix-labels", EMPTY, test_matrix_labels);

  ADD ("/core/store/rollback/invalid-initiative", SEEDED, test_rollback_invalid_initiative);
  ADD ("/core/store/rollback/labels", EMPTY, test_rollback_labels);
  ADD ("/core/store/rollback/mid-transaction", SEEDED, test_rollback_mid_transaction);
  ADD ("/core/store/rollback/seed", EMPTY, test_rollback_seed);

  ADD ("/core/store/migrate/v1", NOFILE, test_migrate_v1);
  ADD ("/core/store/migrate/v2", NOFILE, test_migrate_v2);
  ADD ("/core/store/migrate/read-only", NOFILE, test_migrate_read_only);
  ADD ("/core/store/migrate/keeps-old-backup", NOFILE, test_migrate_keeps_old_backup);
  ADD ("/core/store/migrate/fails", NOFILE, test_migrate_fails);
  ADD ("/core/store/migrate/create-at-current", NOFILE, test_migrations_create_at_version);

  ADD ("/core/store/bad/text-file", NOFILE, test_bad_text_file);
  ADD ("/core/store/bad/garbage", NOFILE, test_bad_garbage);
  ADD ("/core/store/bad/empty-file", NOFILE, test_bad_empty_file);
  ADD ("/core/store/bad/short-header", NOFILE, test_bad_short_sqlite_header);
  ADD ("/core/store/bad/other-database", NOFILE, test_bad_other_database);
  ADD ("/core/store/bad/newer-version", EMPTY, test_bad_newer_version);
  ADD ("/core/store/bad/corrupt", SEEDED, test_bad_corrupt);
  ADD ("/core/store/bad/damaged-header", SEEDED, test_bad_damaged_header);
  ADD ("/core/store/bad/directory", NOFILE, test_bad_directory);

  ADD ("/core/store/read-only/flag", SEEDED, test_read_only_flag);
  ADD ("/core/store/read-only/permissions", SEEDED, test_read_only_permissions);
  ADD ("/core/store/closed", SEEDED, test_closed);

  ADD ("/core/store/name", NOFILE, test_name);
  ADD ("/core/store/save-copy", SEEDED, test_save_copy);
  ADD ("/core/store/save-copy/onto-itself", SEEDED, test_save_copy_onto_itself);
  ADD ("/core/store/save-copy/no-folder", SEEDED, test_save_copy_no_folder);

  g_test_add_func ("/core/store/open-default", test_open_default);
  g_test_add_func ("/core/store/open-default/bad-file", test_open_default_bad_file);

#undef ADD

  return g_test_run ();
}
