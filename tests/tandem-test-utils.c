/* tandem-test-utils.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-test"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tandem-test-utils.h"

void
tandem_test_fixture_setup_dir (TandemTestFixture *fixture,
                               gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tandem-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "portfolio.tandem", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->store = NULL;
}

void
tandem_test_fixture_setup (TandemTestFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  tandem_test_fixture_setup_dir (fixture, data);

  fixture->store = tandem_store_open (fixture->file, TANDEM_STORE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (TANDEM_IS_STORE (fixture->store));
  g_assert_true (tandem_store_get_was_created (fixture->store));
  g_assert_false (tandem_store_get_read_only (fixture->store));
  g_assert_cmpuint (g_list_model_get_n_items (tandem_store_get_initiatives (fixture->store)), ==, 0);
}

void
tandem_test_fixture_setup_seeded (TandemTestFixture *fixture,
                                  gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  tandem_test_fixture_setup (fixture, data);

  ok = tandem_store_seed_example (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

void
tandem_test_fixture_teardown (TandemTestFixture *fixture,
                              gconstpointer      data)
{
  tandem_test_fixture_close (fixture);
  tandem_test_remove_recursively (fixture->dir);

  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

void
tandem_test_close_store (TandemStore *store)
{
  tandem_store_close (store);
  g_assert_finalize_object (store);
}

void
tandem_test_fixture_close (TandemTestFixture *fixture)
{
  if (fixture->store != NULL)
    tandem_test_close_store (g_steal_pointer (&fixture->store));
}

void
tandem_test_fixture_reopen (TandemTestFixture *fixture,
                            TandemStoreFlags   flags)
{
  g_autoptr(GError) error = NULL;

  tandem_test_fixture_close (fixture);

  fixture->store = tandem_store_open (fixture->file, flags, &error);
  g_assert_no_error (error);
  g_assert_true (TANDEM_IS_STORE (fixture->store));
  g_assert_false (tandem_store_get_was_created (fixture->store));
}

char *
tandem_test_fixture_build_path (TandemTestFixture *fixture,
                                const char        *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

GBytes *
tandem_test_get_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

/* Counts the page objects cairo wrote ("/Type /Page", not "/Type /Pages"). */
guint
tandem_test_count_pdf_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* The file holds binary streams, so compare bytes, past any NUL. */
  for (gsize i = 0; i + 12 <= length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      pages++;

  return pages;
}

void
tandem_test_write_file (const char *path,
                        const void *data,
                        gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

void
tandem_test_remove_recursively (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      /* Tests may have made things read-only. */
      g_chmod (path, 0700);

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          tandem_test_remove_recursively (child);
        }

      if (g_rmdir (path) != 0)
        g_test_message ("Could not remove %s: %s", path, g_strerror (errno));
    }
  else if (g_remove (path) != 0 && errno != ENOENT)
    {
      g_test_message ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

/* Snapshots */

static const char * const side_suffixes[] = { "", "-wal", "-shm", "-journal" };

struct _TandemTestSnapshot
{
  char   *path;
  GBytes *bytes[G_N_ELEMENTS (side_suffixes)];
};

TandemTestSnapshot *
tandem_test_snapshot_take (const char *path)
{
  TandemTestSnapshot *snapshot = g_new0 (TandemTestSnapshot, 1);

  snapshot->path = g_strdup (path);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);

      snapshot->bytes[i] = tandem_test_get_file_bytes (side);
    }

  return snapshot;
}

void
tandem_test_snapshot_free (TandemTestSnapshot *snapshot)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    g_clear_pointer (&snapshot->bytes[i], g_bytes_unref);
  g_free (snapshot->path);
  g_free (snapshot);
}

/* Compares what is on disk now with @snapshot. */
gboolean
tandem_test_snapshot_matches (TandemTestSnapshot  *snapshot,
                              char               **why)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (snapshot->path, side_suffixes[i], NULL);
      g_autoptr(GBytes) now = tandem_test_get_file_bytes (side);
      GBytes *before = snapshot->bytes[i];

      if (before == NULL && now == NULL)
        continue;

      if (before == NULL)
        {
          *why = g_strdup_printf ("%s appeared (%" G_GSIZE_FORMAT " bytes)",
                                  side, g_bytes_get_size (now));
          return FALSE;
        }

      if (now == NULL)
        {
          *why = g_strdup_printf ("%s disappeared", side);
          return FALSE;
        }

      if (!g_bytes_equal (before, now))
        {
          *why = g_strdup_printf ("%s changed (%" G_GSIZE_FORMAT " bytes before, %" G_GSIZE_FORMAT " after)",
                                  side, g_bytes_get_size (before), g_bytes_get_size (now));
          return FALSE;
        }
    }

  return TRUE;
}

/* Raw SQLite */

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));

  return db;
}

void
tandem_test_sqlite_exec (const char *path,
                         const char *sql)
{
  sqlite3 *db = open_raw (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, message);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static sqlite3_stmt *
step_one (sqlite3    *db,
          const char *path,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, sqlite3_errmsg (db));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s: no row (%s)", path, sql, sqlite3_errmsg (db));

  return stmt;
}

gint64
tandem_test_sqlite_get_int (const char *path,
                            const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = step_one (db, path, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

/* Returns NULL for an SQL NULL. */
char *
tandem_test_sqlite_get_text (const char *path,
                             const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = step_one (db, path, sql);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return value;
}

void
tandem_test_sqlite_create (const char *path,
                           const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s: %s", path, sql, message);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Portfolio state */

struct _TandemTestState
{
  GHashTable *initiatives;  /* uuid → copy */
  char       *labels[17];
  gboolean    customised[17];
  guint       counts[TANDEM_N_CELLS];
  GHashTable *cases;        /* id → copy */
  guint       case_counts[TANDEM_N_CELLS];
  int         library_version;
  GHashTable *assessments;  /* initiative uuid → GPtrArray of copies, by date */
  GHashTable *indicators;   /* initiative uuid → GPtrArray of copies, as listed */
  gboolean    has_history;  /* FALSE if the store could not list them (closed) */
};

static int
compare_assessments_indirect (gconstpointer a,
                              gconstpointer b)
{
  return tandem_assessment_compare (*(TandemAssessment * const *) a, *(TandemAssessment * const *) b);
}

static GPtrArray *
list_for (GHashTable *table,
          const char *uuid)
{
  GPtrArray *list = g_hash_table_lookup (table, uuid);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (table, g_strdup (uuid), list);
    }

  return list;
}

TandemTestState *
tandem_test_state_capture (TandemStore *store)
{
  TandemTestState *state = g_new0 (TandemTestState, 1);
  GListModel *model = tandem_store_get_initiatives (store);
  TandemMatrix *matrix = tandem_store_get_matrix (store);
  const char * const *keys = tandem_matrix_get_keys ();

  state->initiatives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      g_hash_table_insert (state->initiatives,
                           g_strdup (tandem_initiative_get_uuid (initiative)),
                           tandem_initiative_copy (initiative));
    }

  g_assert_cmpuint (g_strv_length ((GStrv) keys), ==, G_N_ELEMENTS (state->labels));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      state->labels[i] = g_strdup (tandem_matrix_get_label (matrix, keys[i]));
      state->customised[i] = tandem_matrix_is_customised (matrix, keys[i]);
    }

  for (guint r = 1; r <= TANDEM_MATRIX_SIZE; r++)
    for (guint c = 1; c <= TANDEM_MATRIX_SIZE; c++)
      {
        state->counts[(r - 1) * TANDEM_MATRIX_SIZE + (c - 1)] = tandem_store_count_in_cell (store, r, c);
        state->case_counts[(r - 1) * TANDEM_MATRIX_SIZE + (c - 1)] = tandem_store_count_cases_in_cell (store, r, c);
      }

  model = tandem_store_get_case_studies (store);
  state->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TandemCaseStudy) case_study = g_list_model_get_item (model, i);

      g_hash_table_insert (state->cases,
                           g_strdup (tandem_case_study_get_id (case_study)),
                           tandem_case_study_copy (case_study));
    }
  state->library_version = tandem_store_get_library_version (store);

  /* Each initiative's history, as the store lists it. */
  state->assessments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  state->indicators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  {
    GHashTableIter iter;
    gpointer uuid;

    state->has_history = TRUE;
    g_hash_table_iter_init (&iter, state->initiatives);
    while (g_hash_table_iter_next (&iter, &uuid, NULL))
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) assessments = tandem_store_list_assessments (store, uuid, &error);
        g_autoptr(GPtrArray) indicators = NULL;
        GPtrArray *list;

        /* A closed store still shows its initiatives, but no history. */
        if (assessments == NULL && error->domain == TANDEM_STORE_ERROR &&
            error->code == TANDEM_STORE_ERROR_FAILED && strstr (error->message, "closed") != NULL)
          {
            state->has_history = FALSE;
            break;
          }
        g_assert_no_error (error);
        indicators = tandem_store_list_indicators (store, uuid, &error);
        g_assert_no_error (error);

        list = list_for (state->assessments, uuid);
        for (guint i = 0; i < assessments->len; i++)
          g_ptr_array_add (list, tandem_assessment_copy (g_ptr_array_index (assessments, i)));
        list = list_for (state->indicators, uuid);
        for (guint i = 0; i < indicators->len; i++)
          g_ptr_array_add (list, tandem_indicator_copy (g_ptr_array_index (indicators, i)));
      }
  }

  return state;
}

void
tandem_test_state_free (TandemTestState *state)
{
  g_hash_table_unref (state->initiatives);
  g_hash_table_unref (state->cases);
  g_hash_table_unref (state->assessments);
  g_hash_table_unref (state->indicators);
  for (guint i = 0; i < G_N_ELEMENTS (state->labels); i++)
    g_free (state->labels[i]);
  g_free (state);
}

void
tandem_test_state_replace (TandemTestState  *state,
                           TandemInitiative *initiative)
{
  g_hash_table_replace (state->initiatives,
                        g_strdup (tandem_initiative_get_uuid (initiative)),
                        tandem_initiative_copy (initiative));
}

static char *
describe (TandemInitiative *initiative)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "“%s” at %u,%u (target %u,%u; org “%s”; area “%s”; place “%s”;"
                          " %" G_GSIZE_FORMAT "-byte description; created %" G_GINT64_FORMAT
                          ", updated %" G_GINT64_FORMAT "; notes:",
                          tandem_initiative_get_title (initiative),
                          tandem_initiative_get_row (initiative),
                          tandem_initiative_get_col (initiative),
                          tandem_initiative_get_target_row (initiative),
                          tandem_initiative_get_target_col (initiative),
                          tandem_initiative_get_organisation (initiative),
                          tandem_initiative_get_service_area (initiative),
                          tandem_initiative_get_place (initiative),
                          strlen (tandem_initiative_get_description (initiative)),
                          tandem_initiative_get_created (initiative),
                          tandem_initiative_get_updated (initiative));

  for (guint r = 1; r <= TANDEM_MATRIX_SIZE; r++)
    for (guint c = 1; c <= TANDEM_MATRIX_SIZE; c++)
      {
        const char *note = tandem_initiative_get_cell_note (initiative, r, c);

        if (note != NULL)
          g_string_append_printf (text, " %u,%u “%s”", r, c, note);
      }

  g_string_append (text, "; citations:");
  for (guint i = 0; i < tandem_initiative_get_n_citations (initiative); i++)
    {
      const TandemCitation *citation = tandem_initiative_get_citation (initiative, i);

      g_string_append_printf (text, " %s (%s, “%s”)", citation->case_id,
                              citation->evidence ? "evidence" : "inspiration", citation->note);
    }

  g_string_append (text, ")");
  return g_string_free (text, FALSE);
}

char *
tandem_test_describe_case (TandemCaseStudy *case_study)
{
  GString *text = g_string_new (NULL);
  const char * const *learning = tandem_case_study_get_learning (case_study);
  const char * const *tags = tandem_case_study_get_tags (case_study);

  g_string_append_printf (text, "%s “%s” (%s%s; place “%s”; country “%s”; area “%s”; period “%s”;"
                          " %" G_GSIZE_FORMAT "-byte summary; %" G_GSIZE_FORMAT "-byte change notes;"
                          " cos 0x%x; %u learning points; %u tags; %u outcomes; %u sources; links:",
                          tandem_case_study_get_id (case_study),
                          tandem_case_study_get_title (case_study),
                          tandem_case_study_get_bundled (case_study) ? "bundled" : "own",
                          tandem_case_study_get_generic (case_study) ? ", generic" : "",
                          tandem_case_study_get_place (case_study),
                          tandem_case_study_get_country (case_study),
                          tandem_case_study_get_service_area (case_study),
                          tandem_case_study_get_period (case_study),
                          strlen (tandem_case_study_get_summary (case_study)),
                          strlen (tandem_case_study_get_change_notes (case_study)),
                          tandem_case_study_get_cos (case_study),
                          g_strv_length ((GStrv) learning),
                          g_strv_length ((GStrv) tags),
                          tandem_case_study_get_n_outcomes (case_study),
                          tandem_case_study_get_n_sources (case_study));

  for (guint i = 0; i < tandem_case_study_get_n_links (case_study); i++)
    {
      const TandemCaseLink *link = tandem_case_study_get_link (case_study, i);

      g_string_append_printf (text, " %u,%u %s%s “%s”", link->row, link->col,
                              tandem_link_basis_to_string (link->basis),
                              link->hidden ? " hidden" : "", link->note);
    }

  g_string_append (text, ")");
  return g_string_free (text, FALSE);
}

gboolean
tandem_test_state_matches (TandemTestState  *state,
                           TandemStore      *store,
                           char            **why)
{
  g_autoptr(TandemTestState) now = tandem_test_state_capture (store);
  const char * const *keys = tandem_matrix_get_keys ();
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (now->initiatives) != g_hash_table_size (state->initiatives))
    {
      *why = g_strdup_printf ("%u initiatives, expected %u",
                              g_hash_table_size (now->initiatives),
                              g_hash_table_size (state->initiatives));
      return FALSE;
    }

  /* Every model item must be distinct. */
  if (g_list_model_get_n_items (tandem_store_get_initiatives (store)) != g_hash_table_size (state->initiatives))
    {
      *why = g_strdup ("the model holds the same UUID twice");
      return FALSE;
    }

  g_hash_table_iter_init (&iter, state->initiatives);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TandemInitiative *found = g_hash_table_lookup (now->initiatives, key);

      if (found == NULL)
        {
          *why = g_strdup_printf ("initiative %s is missing", (const char *) key);
          return FALSE;
        }

      if (!tandem_initiative_equal (found, value))
        {
          g_autofree char *expected = describe (value);
          g_autofree char *got = describe (found);

          *why = g_strdup_printf ("initiative %s differs: got %s, expected %s",
                                  (const char *) key, got, expected);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (state->labels); i++)
    {
      if (g_strcmp0 (state->labels[i], now->labels[i]) != 0 ||
          state->customised[i] != now->customised[i])
        {
          *why = g_strdup_printf ("matrix key %s is “%s”%s, expected “%s”%s", keys[i],
                                  now->labels[i], now->customised[i] ? " (custom)" : "",
                                  state->labels[i], state->customised[i] ? " (custom)" : "");
          return FALSE;
        }
    }

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      if (state->counts[i] != now->counts[i])
        {
          *why = g_strdup_printf ("count_in_cell (%u, %u) is %u, expected %u",
                                  i / TANDEM_MATRIX_SIZE + 1, i % TANDEM_MATRIX_SIZE + 1,
                                  now->counts[i], state->counts[i]);
          return FALSE;
        }
    }

  if (g_hash_table_size (now->cases) != g_hash_table_size (state->cases))
    {
      *why = g_strdup_printf ("%u case studies, expected %u",
                              g_hash_table_size (now->cases),
                              g_hash_table_size (state->cases));
      return FALSE;
    }

  if (g_list_model_get_n_items (tandem_store_get_case_studies (store)) != g_hash_table_size (state->cases))
    {
      *why = g_strdup ("the case-study model holds the same ID twice");
      return FALSE;
    }

  g_hash_table_iter_init (&iter, state->cases);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TandemCaseStudy *found = g_hash_table_lookup (now->cases, key);

      if (found == NULL)
        {
          *why = g_strdup_printf ("case study %s is missing", (const char *) key);
          return FALSE;
        }

      if (!tandem_case_study_equal (found, value))
        {
          g_autofree char *expected = tandem_test_describe_case (value);
          g_autofree char *got = tandem_test_describe_case (found);

          *why = g_strdup_printf ("case study %s differs: got %s, expected %s",
                                  (const char *) key, got, expected);
          return FALSE;
        }
    }

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      if (state->case_counts[i] != now->case_counts[i])
        {
          *why = g_strdup_printf ("count_cases_in_cell (%u, %u) is %u, expected %u",
                                  i / TANDEM_MATRIX_SIZE + 1, i % TANDEM_MATRIX_SIZE + 1,
                                  now->case_counts[i], state->case_counts[i]);
          return FALSE;
        }
    }

  if (state->library_version != now->library_version)
    {
      *why = g_strdup_printf ("library version %d, expected %d",
                              now->library_version, state->library_version);
      return FALSE;
    }

  if (!state->has_history || !now->has_history)
    return TRUE;

  g_hash_table_iter_init (&iter, state->initiatives);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GPtrArray *want = list_for (state->assessments, key);
      GPtrArray *got = list_for (now->assessments, key);

      for (guint i = 0; i < MAX (want->len, got->len); i++)
        {
          TandemAssessment *w = i < want->len ? g_ptr_array_index (want, i) : NULL;
          TandemAssessment *g = i < got->len ? g_ptr_array_index (got, i) : NULL;

          if (w == NULL || g == NULL || !tandem_assessment_equal (w, g))
            {
              g_autofree char *expected = w ? tandem_test_describe_assessment (w) : g_strdup ("nothing");
              g_autofree char *found = g ? tandem_test_describe_assessment (g) : g_strdup ("nothing");

              *why = g_strdup_printf ("initiative %s has %u assessments, expected %u; number %u is %s,"
                                      " expected %s", (const char *) key, got->len, want->len, i,
                                      found, expected);
              return FALSE;
            }
        }

      want = list_for (state->indicators, key);
      got = list_for (now->indicators, key);
      for (guint i = 0; i < MAX (want->len, got->len); i++)
        {
          TandemIndicator *w = i < want->len ? g_ptr_array_index (want, i) : NULL;
          TandemIndicator *g = i < got->len ? g_ptr_array_index (got, i) : NULL;

          if (w == NULL || g == NULL || !tandem_indicator_equal (w, g))
            {
              *why = g_strdup_printf ("initiative %s has %u indicators, expected %u; number %u is “%s”"
                                      " with %u readings, expected “%s” with %u", (const char *) key,
                                      got->len, want->len, i,
                                      g ? tandem_indicator_get_name (g) : "nothing",
                                      g ? tandem_indicator_get_n_readings (g) : 0,
                                      w ? tandem_indicator_get_name (w) : "nothing",
                                      w ? tandem_indicator_get_n_readings (w) : 0);
              return FALSE;
            }
        }
    }

  return TRUE;
}

char *
tandem_test_describe_assessment (TandemAssessment *a)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s of %s on %s at %u,%u (stage %d, level %d, co's %d%d%d%d,"
                          " subtypes 0x%x, principles 0x%x, answers %d%d%d, notes “%s”,"
                          " participants “%s”, placements:",
                          tandem_assessment_get_id (a), tandem_assessment_get_initiative (a),
                          tandem_assessment_get_date (a),
                          tandem_assessment_get_row (a), tandem_assessment_get_col (a),
                          tandem_assessment_get_stage (a), tandem_assessment_get_level (a),
                          tandem_assessment_get_presence (a, TANDEM_CO_COMMISSIONING),
                          tandem_assessment_get_presence (a, TANDEM_CO_DESIGN),
                          tandem_assessment_get_presence (a, TANDEM_CO_DELIVERY),
                          tandem_assessment_get_presence (a, TANDEM_CO_ASSESSMENT),
                          tandem_assessment_get_subtypes (a), tandem_assessment_get_principles (a),
                          tandem_assessment_get_answer (a, TANDEM_QUESTION_BETTER_SERVICE),
                          tandem_assessment_get_answer (a, TANDEM_QUESTION_FEEL_BETTER),
                          tandem_assessment_get_answer (a, TANDEM_QUESTION_PUBLIC_VALUE),
                          tandem_assessment_get_notes (a), tandem_assessment_get_participants (a));

  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint row, col;

      if (tandem_assessment_get_placement (a, s, &row, &col))
        g_string_append_printf (text, " %u→%u,%u", s, row, col);
    }

  g_string_append (text, "; evidence:");
  for (guint i = 0; i < tandem_assessment_get_n_evidence (a); i++)
    {
      const TandemEvidence *e = tandem_assessment_get_evidence (a, i);

      g_string_append_printf (text, " “%s” <%s>", e->caption, e->link);
    }

  g_string_append (text, ")");
  return g_string_free (text, FALSE);
}

/* Takes the assessment with @id out of whichever list holds it. */
static void
remove_assessment_id (TandemTestState *state,
                      const char      *id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, state->assessments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *list = value;

      for (guint i = 0; i < list->len; i++)
        if (g_str_equal (tandem_assessment_get_id (g_ptr_array_index (list, i)), id))
          {
            g_ptr_array_remove_index (list, i);
            return;
          }
    }
}

void
tandem_test_state_replace_assessment (TandemTestState  *state,
                                      TandemAssessment *assessment)
{
  GPtrArray *list;

  remove_assessment_id (state, tandem_assessment_get_id (assessment));
  list = list_for (state->assessments, tandem_assessment_get_initiative (assessment));
  g_ptr_array_add (list, tandem_assessment_copy (assessment));
  g_ptr_array_sort (list, compare_assessments_indirect);
}

void
tandem_test_state_remove_assessment (TandemTestState *state,
                                     const char      *id)
{
  remove_assessment_id (state, id);
}

guint
tandem_test_state_get_n_assessments (TandemTestState *state,
                                     const char      *uuid)
{
  GPtrArray *list = g_hash_table_lookup (state->assessments, uuid);

  return list != NULL ? list->len : 0;
}

TandemAssessment *
tandem_test_state_get_assessment (TandemTestState *state,
                                  const char      *uuid,
                                  guint            i)
{
  GPtrArray *list = g_hash_table_lookup (state->assessments, uuid);

  g_assert_nonnull (list);
  g_assert_cmpuint (i, <, list->len);
  return g_ptr_array_index (list, i);
}

void
tandem_test_state_replace_indicator (TandemTestState *state,
                                     TandemIndicator *indicator)
{
  GPtrArray *list = list_for (state->indicators, tandem_indicator_get_initiative (indicator));

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (tandem_indicator_get_id (g_ptr_array_index (list, i)), tandem_indicator_get_id (indicator)))
      {
        g_object_unref (list->pdata[i]);
        list->pdata[i] = tandem_indicator_copy (indicator);
        return;
      }

  g_ptr_array_add (list, tandem_indicator_copy (indicator));
}

void
tandem_test_state_remove_indicator (TandemTestState *state,
                                    const char      *id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, state->indicators);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *list = value;

      for (guint i = 0; i < list->len; i++)
        if (g_str_equal (tandem_indicator_get_id (g_ptr_array_index (list, i)), id))
          {
            g_ptr_array_remove_index (list, i);
            return;
          }
    }
}

void
tandem_test_state_replace_case (TandemTestState *state,
                                TandemCaseStudy *case_study)
{
  g_hash_table_replace (state->cases,
                        g_strdup (tandem_case_study_get_id (case_study)),
                        tandem_case_study_copy (case_study));
}

gboolean
tandem_test_disk_matches (TandemStore  *store,
                          char        **why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemTestState) state = tandem_test_state_capture (store);
  g_autofree char *path = g_file_get_path (tandem_store_get_file (store));
  TandemStore *second;
  gboolean ok;

  /* Copy what the store committed to its write-ahead log into the file
   * itself first.  Opening a portfolio that another connection has open
   * is tested on its own (/core/store/open/while-open); here only the
   * contents matter. */
  tandem_test_sqlite_exec (path, "PRAGMA wal_checkpoint (PASSIVE)");

  second = tandem_store_open (tandem_store_get_file (store), TANDEM_STORE_READ_ONLY, &error);
  if (second == NULL)
    {
      *why = g_strdup_printf ("could not open a second store: %s", error->message);
      return FALSE;
    }

  ok = tandem_test_state_matches (state, second, why);
  if (!ok)
    {
      char *tmp = *why;

      *why = g_strdup_printf ("on disk: %s", tmp);
      g_free (tmp);
    }

  tandem_test_close_store (second);
  return ok;
}

/* items-changed log */

struct _TandemTestItemsLog
{
  GListModel *model;
  gulong      handler;
  GArray     *events;
};

static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  TandemTestItemsLog *log)
{
  TandemTestItemsChanged event = { position, removed, added };

  g_array_append_val (log->events, event);
}

TandemTestItemsLog *
tandem_test_items_log_new (GListModel *model)
{
  TandemTestItemsLog *log = g_new0 (TandemTestItemsLog, 1);

  log->model = g_object_ref (model);
  log->events = g_array_new (FALSE, TRUE, sizeof (TandemTestItemsChanged));
  log->handler = g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);

  return log;
}

void
tandem_test_items_log_free (TandemTestItemsLog *log)
{
  g_clear_signal_handler (&log->handler, log->model);
  g_clear_object (&log->model);
  g_array_unref (log->events);
  g_free (log);
}

guint
tandem_test_items_log_get_n (TandemTestItemsLog *log)
{
  return log->events->len;
}

const TandemTestItemsChanged *
tandem_test_items_log_get (TandemTestItemsLog *log,
                           guint               i)
{
  if (i >= log->events->len)
    return NULL;

  return &g_array_index (log->events, TandemTestItemsChanged, i);
}

void
tandem_test_items_log_clear (TandemTestItemsLog *log)
{
  g_array_set_size (log->events, 0);
}

/* Notify counting */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

gulong
tandem_test_count_notify (gpointer    object,
                          const char *property,
                          guint      *counter)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));

  return g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), counter);
}

/* Model lookups */

TandemInitiative *
tandem_test_find_by_title (TandemStore *store,
                           const char  *title)
{
  GListModel *model = tandem_store_get_initiatives (store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      if (g_strcmp0 (tandem_initiative_get_title (initiative), title) == 0)
        return initiative;  /* the model holds another reference */
    }

  return NULL;
}

guint
tandem_test_find_position (TandemStore *store,
                           const char  *uuid)
{
  GListModel *model = tandem_store_get_initiatives (store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      if (g_strcmp0 (tandem_initiative_get_uuid (initiative), uuid) == 0)
        return i;
    }

  return G_MAXUINT;
}

TandemCaseStudy *
tandem_test_find_case_by_title (TandemStore *store,
                                const char  *title)
{
  GListModel *model = tandem_store_get_case_studies (store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemCaseStudy) case_study = g_list_model_get_item (model, i);

      if (g_strcmp0 (tandem_case_study_get_title (case_study), title) == 0)
        return case_study;  /* the model holds another reference */
    }

  return NULL;
}

/* JSON */

GBytes *
tandem_test_json (const char *text)
{
  char *json = g_strdup (text);

  for (char *p = json; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';

  return g_bytes_new_take (json, strlen (json));
}
