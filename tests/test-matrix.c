/* test-matrix.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-matrix"

#include "config.h"

#include "tandem-test-utils.h"

/* The standard wording, in key order (Bovaird, 2006). */
static const struct {
  const char *key;
  const char *label;
} standard[] = {
  { "design-axis",   "Responsibility for design of services" },
  { "delivery-axis", "Responsibility for delivery of services" },
  { "design-1",      "Professionals as sole service planner" },
  { "design-2",      "Professionals and service users/community as co-planners" },
  { "design-3",      "No professional input into service planning" },
  { "delivery-1",    "Professionals as sole service deliverers" },
  { "delivery-2",    "Professionals and users/communities as co-deliverers" },
  { "delivery-3",    "Users/communities as sole deliverers" },
  { "cell-1-1",      "Traditional professional service provision" },
  { "cell-1-2",      "Professional service provision but users/communities involved in planning and design" },
  { "cell-1-3",      "Professionals as sole service deliverers" },
  { "cell-2-1",      "User co-delivery of professionally designed services" },
  { "cell-2-2",      "Full co-production" },
  { "cell-2-3",      "User/community delivery of services with little formal/professional planning or design" },
  { "cell-3-1",      "User/community delivery of professionally planned services" },
  { "cell-3-2",      "User/community delivery of co-planned or co-designed services" },
  { "cell-3-3",      "Self-organised community provision" },
};

/* Records the keys of every ::label-changed emission. */
typedef struct
{
  GPtrArray *keys;
} LabelLog;

static void
label_changed_cb (TandemMatrix *matrix,
                  const char   *key,
                  LabelLog     *log)
{
  g_ptr_array_add (log->keys, g_strdup (key));
}

static gboolean
label_log_has (LabelLog   *log,
               const char *key)
{
  return g_ptr_array_find_with_equal_func (log->keys, key, g_str_equal, NULL);
}

static void
assert_all_standard (TandemMatrix *matrix)
{
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_assert_cmpstr (tandem_matrix_get_label (matrix, standard[i].key), ==, standard[i].label);
      g_assert_false (tandem_matrix_is_customised (matrix, standard[i].key));
      g_assert_null (tandem_matrix_dup_custom_label (matrix, standard[i].key));
    }
}

static void
test_keys (void)
{
  const char * const *keys = tandem_matrix_get_keys ();

  g_assert_nonnull (keys);
  g_assert_cmpuint (g_strv_length ((GStrv) keys), ==, 17);
  g_assert_cmpuint (G_N_ELEMENTS (standard), ==, 17);

  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_assert_cmpstr (keys[i], ==, standard[i].key);
      g_assert_true (tandem_matrix_is_valid_key (keys[i]));
    }
}

static void
test_standard_labels (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    g_assert_cmpstr (tandem_matrix_get_standard_label (standard[i].key), ==, standard[i].label);

  g_assert_null (tandem_matrix_get_standard_label ("no-such-key"));
  g_assert_null (tandem_matrix_get_standard_label (NULL));
}

static void
test_new (void)
{
  g_autoptr(TandemMatrix) matrix = tandem_matrix_new ();

  g_assert_true (TANDEM_IS_MATRIX (matrix));
  assert_all_standard (matrix);

  g_assert_finalize_object (g_steal_pointer (&matrix));
}

static void
test_is_valid_key (void)
{
  static const char * const invalid[] = {
    "", "design", "design-0", "design-4", "delivery-0", "delivery-4",
    "cell-0-1", "cell-1-0", "cell-4-1", "cell-1-4", "cell-2-2-2", "cell-22",
    "cell-2,2", "Design-axis", "design-axis ", " design-axis", "design_axis",
    "axis", "cell-", "label",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("key “%s”", invalid[i]);
      g_assert_false (tandem_matrix_is_valid_key (invalid[i]));
    }

  g_assert_false (tandem_matrix_is_valid_key (NULL));
  g_assert_true (tandem_matrix_is_valid_key ("cell-2-2"));
}

static void
test_cell_key (void)
{
  g_autoptr(TandemMatrix) matrix = tandem_matrix_new ();

  for (guint row = 1; row <= 3; row++)
    for (guint col = 1; col <= 3; col++)
      {
        g_autofree char *key = tandem_matrix_cell_key (row, col);
        g_autofree char *expected = g_strdup_printf ("cell-%u-%u", row, col);

        g_assert_cmpstr (key, ==, expected);
        g_assert_true (tandem_matrix_is_valid_key (key));
        g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, row, col), ==,
                         tandem_matrix_get_label (matrix, key));
      }

  /* ROW is delivery and COL design: the two off-diagonal corners differ. */
  g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, 1, 3), ==,
                   "Professionals as sole service deliverers");
  g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, 3, 1), ==,
                   "User/community delivery of professionally planned services");
  g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, 2, 2), ==, "Full co-production");
}

static void
test_headings (void)
{
  g_autoptr(TandemMatrix) matrix = tandem_matrix_new ();

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *row_key = g_strdup_printf ("delivery-%u", i);
      g_autofree char *col_key = g_strdup_printf ("design-%u", i);

      g_assert_cmpstr (tandem_matrix_get_row_heading (matrix, i), ==,
                       tandem_matrix_get_label (matrix, row_key));
      g_assert_cmpstr (tandem_matrix_get_column_heading (matrix, i), ==,
                       tandem_matrix_get_label (matrix, col_key));
    }

  g_assert_cmpstr (tandem_matrix_get_row_heading (matrix, 3), ==,
                   "Users/communities as sole deliverers");
  g_assert_cmpstr (tandem_matrix_get_column_heading (matrix, 3), ==,
                   "No professional input into service planning");
}

static GHashTable *
labels_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

static void
test_custom_labels (TandemTestFixture *fixture,
                    gconstpointer      data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (fixture->store);
  g_autoptr(GHashTable) labels = labels_new ();
  g_autoptr(GError) error = NULL;
  LabelLog log = { g_ptr_array_new_with_free_func (g_free) };
  gulong handler;
  g_autofree char *custom = NULL;

  g_assert_true (TANDEM_IS_MATRIX (matrix));
  assert_all_standard (matrix);

  handler = g_signal_connect (matrix, "label-changed", G_CALLBACK (label_changed_cb), &log);

  g_hash_table_insert (labels, "cell-2-2", "Working as equals");
  g_hash_table_insert (labels, "design-axis", "Who designs the service");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (log.keys->len, ==, 2);
  g_assert_true (label_log_has (&log, "cell-2-2"));
  g_assert_true (label_log_has (&log, "design-axis"));

  g_assert_cmpstr (tandem_matrix_get_label (matrix, "cell-2-2"), ==, "Working as equals");
  g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, 2, 2), ==, "Working as equals");
  g_assert_cmpstr (tandem_matrix_get_label (matrix, "design-axis"), ==, "Who designs the service");
  g_assert_true (tandem_matrix_is_customised (matrix, "cell-2-2"));
  custom = tandem_matrix_dup_custom_label (matrix, "cell-2-2");
  g_assert_cmpstr (custom, ==, "Working as equals");
  /* The standard wording is still known. */
  g_assert_cmpstr (tandem_matrix_get_standard_label ("cell-2-2"), ==, "Full co-production");

  /* Nothing else moved. */
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      if (g_str_equal (standard[i].key, "cell-2-2") || g_str_equal (standard[i].key, "design-axis"))
        continue;
      g_assert_cmpstr (tandem_matrix_get_label (matrix, standard[i].key), ==, standard[i].label);
      g_assert_false (tandem_matrix_is_customised (matrix, standard[i].key));
    }

  /* Saving the same wording again changes nothing, so says nothing. */
  g_ptr_array_set_size (log.keys, 0);
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.keys->len, ==, 0);

  /* NULL and "" both go back to the standard wording. */
  g_hash_table_remove_all (labels);
  g_hash_table_insert (labels, "cell-2-2", NULL);
  g_hash_table_insert (labels, "design-axis", "");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.keys->len, ==, 2);
  g_assert_true (label_log_has (&log, "cell-2-2"));
  g_assert_true (label_log_has (&log, "design-axis"));
  assert_all_standard (matrix);

  g_signal_handler_disconnect (matrix, handler);
  g_ptr_array_unref (log.keys);
}

static void
test_custom_labels_persist (TandemTestFixture *fixture,
                            gconstpointer      data)
{
  g_autoptr(GHashTable) labels = labels_new ();
  g_autoptr(GError) error = NULL;
  TandemMatrix *matrix;

  g_hash_table_insert (labels, "delivery-3", "Citizens on their own");
  g_hash_table_insert (labels, "cell-3-3", "Mutual aid");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  matrix = tandem_store_get_matrix (fixture->store);
  g_assert_cmpstr (tandem_matrix_get_row_heading (matrix, 3), ==, "Citizens on their own");
  g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, 3, 3), ==, "Mutual aid");
  g_assert_true (tandem_matrix_is_customised (matrix, "cell-3-3"));
  g_assert_false (tandem_matrix_is_customised (matrix, "cell-3-2"));

  /* Reset one, keep the other, and reopen again. */
  g_hash_table_remove_all (labels);
  g_hash_table_insert (labels, "cell-3-3", NULL);
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  matrix = tandem_store_get_matrix (fixture->store);
  g_assert_cmpstr (tandem_matrix_get_cell_label (matrix, 3, 3), ==, "Self-organised community provision");
  g_assert_false (tandem_matrix_is_customised (matrix, "cell-3-3"));
  g_assert_cmpstr (tandem_matrix_get_row_heading (matrix, 3), ==, "Citizens on their own");
}

static void
test_label_changed_detail (TandemTestFixture *fixture,
                           gconstpointer      data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (fixture->store);
  g_autoptr(GHashTable) labels = labels_new ();
  g_autoptr(GError) error = NULL;
  LabelLog log = { g_ptr_array_new_with_free_func (g_free) };

  /* The signal is detailed by key, so a view can watch one piece. */
  g_signal_connect (matrix, "label-changed::cell-1-1", G_CALLBACK (label_changed_cb), &log);

  g_hash_table_insert (labels, "cell-1-2", "Consulted");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.keys->len, ==, 0);

  g_hash_table_insert (labels, "cell-1-1", "Business as usual");
  g_assert_true (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.keys->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.keys, 0), ==, "cell-1-1");

  g_signal_handlers_disconnect_by_data (matrix, &log);
  g_ptr_array_unref (log.keys);
}

static void
test_unknown_key (TandemTestFixture *fixture,
                  gconstpointer      data)
{
  TandemMatrix *matrix = tandem_store_get_matrix (fixture->store);
  g_autoptr(GHashTable) labels = labels_new ();
  g_autoptr(GError) error = NULL;
  LabelLog log = { g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (matrix, "label-changed", G_CALLBACK (label_changed_cb), &log);

  g_hash_table_insert (labels, "cell-2-2", "Working as equals");
  g_hash_table_insert (labels, "cell-9-9", "Nowhere");
  g_assert_false (tandem_store_set_matrix_labels (fixture->store, labels, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_assert_cmpuint (log.keys->len, ==, 0);
  assert_all_standard (matrix);

  tandem_test_fixture_reopen (fixture, TANDEM_STORE_NONE);
  assert_all_standard (tandem_store_get_matrix (fixture->store));
  g_assert_cmpint (tandem_test_sqlite_get_int (fixture->path, "SELECT count(*) FROM matrix_label"), ==, 0);

  g_ptr_array_unref (log.keys);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/matrix/keys", test_keys);
  g_test_add_func ("/core/matrix/standard-labels", test_standard_labels);
  g_test_add_func ("/core/matrix/new", test_new);
  g_test_add_func ("/core/matrix/is-valid-key", test_is_valid_key);
  g_test_add_func ("/core/matrix/cell-key", test_cell_key);
  g_test_add_func ("/core/matrix/headings", test_headings);
  g_test_add ("/core/matrix/custom-labels", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_custom_labels, tandem_test_fixture_teardown);
  g_test_add ("/core/matrix/custom-labels/persist", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_custom_labels_persist, tandem_test_fixture_teardown);
  g_test_add ("/core/matrix/label-changed/detail", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_label_changed_detail, tandem_test_fixture_teardown);
  g_test_add ("/core/matrix/custom-labels/unknown-key", TandemTestFixture, NULL,
              tandem_test_fixture_setup, test_unknown_key, tandem_test_fixture_teardown);

  return g_test_run ();
}
