/* tandem-store-cases.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-library.h"
#include "tandem-sqlite-private.h"
#include "tandem-store-private.h"

/* The case-study half of TandemStore: loading, writing and searching case
 * studies, their links to cells and the initiatives citing them, and
 * taking a newer case-study library. */

void
_tandem_store_init_cases (TandemStore *self)
{
  self->cases = g_list_store_new (TANDEM_TYPE_CASE_STUDY);
  self->cases_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_tandem_store_clear_cases (TandemStore *self)
{
  g_clear_object (&self->cases);
  g_clear_pointer (&self->cases_by_id, g_hash_table_unref);
}

/* Lists are stored one item a line. */
static char *
join_lines (const char * const *items)
{
  return g_strjoinv ("\n", (GStrv) items);
}

static GStrv
split_lines (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (text, "\n", -1);
}

static void
count_links (TandemStore     *self,
             TandemCaseStudy *case_study,
             int              delta)
{
  for (guint i = 0; i < tandem_case_study_get_n_links (case_study); i++)
    {
      const TandemCaseLink *link = tandem_case_study_get_link (case_study, i);

      if (!link->hidden)
        self->case_counts[CELL_INDEX (link->row, link->col)] += delta;
    }
}

static int
compare_cases (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return tandem_case_study_compare ((TandemCaseStudy *) a, (TandemCaseStudy *) b);
}

static int
compare_case_elements (gconstpointer a,
                       gconstpointer b)
{
  return tandem_case_study_compare (*(TandemCaseStudy **) a, *(TandemCaseStudy **) b);
}

/* ---- Loading ----------------------------------------------------------------- */

static gboolean
load_parts (TandemStore  *self,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _tandem_store_statement (self,
                                  "SELECT case_id, figure, period FROM case_outcome"
                                  " ORDER BY case_id, position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemCaseStudy *cs = g_hash_table_lookup (self->cases_by_id, sqlite3_column_text (stmt, 0));

      if (cs != NULL)
        tandem_case_study_add_outcome (cs, (const char *) sqlite3_column_text (stmt, 1),
                                       (const char *) sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _tandem_store_statement (self,
                                  "SELECT case_id, document, author, year, url FROM case_source"
                                  " ORDER BY case_id, position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemCaseStudy *cs = g_hash_table_lookup (self->cases_by_id, sqlite3_column_text (stmt, 0));

      if (cs != NULL)
        tandem_case_study_add_source (cs, (const char *) sqlite3_column_text (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 2),
                                      (const char *) sqlite3_column_text (stmt, 3),
                                      (const char *) sqlite3_column_text (stmt, 4));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _tandem_store_statement (self,
                                  "SELECT case_id, cell_row, cell_col, basis, note, hidden, user_note FROM case_link"
                                  " ORDER BY case_id, position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemCaseStudy *cs = g_hash_table_lookup (self->cases_by_id, sqlite3_column_text (stmt, 0));
      guint row = sqlite3_column_int (stmt, 1);
      guint col = sqlite3_column_int (stmt, 2);
      TandemLinkBasis basis;

      if (cs != NULL && tandem_cell_is_valid (row, col) &&
          tandem_link_basis_from_string ((const char *) sqlite3_column_text (stmt, 3), &basis))
        _tandem_case_study_add_stored_link (cs, row, col, basis,
                                            (const char *) sqlite3_column_text (stmt, 4),
                                            sqlite3_column_int (stmt, 5) != 0,
                                            sqlite3_column_int (stmt, 6) != 0);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
  return FALSE;
}

gboolean
_tandem_store_load_cases (TandemStore  *self,
                          GError      **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _tandem_store_statement (self, "SELECT value FROM meta WHERE key = 'library_version'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->library_version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _tandem_store_statement (self,
                                  "SELECT id, bundled, generic, title, place, country, service_area,"
                                  "       period, summary, change_notes, cos, learning, tags"
                                  " FROM case_study", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemCaseStudy *cs = tandem_case_study_new ((const char *) sqlite3_column_text (stmt, 3));
      g_auto(GStrv) learning = split_lines ((const char *) sqlite3_column_text (stmt, 11));
      g_auto(GStrv) tags = split_lines ((const char *) sqlite3_column_text (stmt, 12));

      tandem_case_study_set_id (cs, (const char *) sqlite3_column_text (stmt, 0));
      tandem_case_study_set_bundled (cs, sqlite3_column_int (stmt, 1));
      tandem_case_study_set_generic (cs, sqlite3_column_int (stmt, 2));
      tandem_case_study_set_place (cs, (const char *) sqlite3_column_text (stmt, 4));
      tandem_case_study_set_country (cs, (const char *) sqlite3_column_text (stmt, 5));
      tandem_case_study_set_service_area (cs, (const char *) sqlite3_column_text (stmt, 6));
      tandem_case_study_set_period (cs, (const char *) sqlite3_column_text (stmt, 7));
      tandem_case_study_set_summary (cs, (const char *) sqlite3_column_text (stmt, 8));
      tandem_case_study_set_change_notes (cs, (const char *) sqlite3_column_text (stmt, 9));
      tandem_case_study_set_cos (cs, sqlite3_column_int (stmt, 10));
      tandem_case_study_set_learning (cs, (const char * const *) learning);
      tandem_case_study_set_tags (cs, (const char * const *) tags);

      g_hash_table_insert (self->cases_by_id, g_strdup (tandem_case_study_get_id (cs)), cs);
      g_ptr_array_add (loaded, cs);
    }
  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
      return FALSE;
    }

  if (!load_parts (self, error))
    return FALSE;

  for (guint i = 0; i < loaded->len; i++)
    count_links (self, g_ptr_array_index (loaded, i), +1);

  g_ptr_array_sort (loaded, compare_case_elements);
  g_list_store_splice (self->cases, 0, 0, loaded->pdata, loaded->len);
  return TRUE;
}

gboolean
_tandem_store_load_citations (TandemStore  *self,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _tandem_store_statement (self,
                                  "SELECT initiative_uuid, case_id, evidence, note FROM initiative_case"
                                  " ORDER BY initiative_uuid, position", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemInitiative *initiative = g_hash_table_lookup (self->by_uuid, sqlite3_column_text (stmt, 0));

      if (initiative != NULL)
        tandem_initiative_cite (initiative, (const char *) sqlite3_column_text (stmt, 1),
                                sqlite3_column_int (stmt, 2) != 0,
                                (const char *) sqlite3_column_text (stmt, 3));
    }

  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
      return FALSE;
    }

  return TRUE;
}

/* ---- Writing ----------------------------------------------------------------- */

gboolean
_tandem_store_check_case (TandemStore      *self,
                          TandemCaseStudy  *case_study,
                          gboolean          from_library,
                          GError          **error)
{
  TandemCaseStudy *live = g_hash_table_lookup (self->cases_by_id, tandem_case_study_get_id (case_study));
  g_autofree char *title = g_strstrip (g_strdup (tandem_case_study_get_title (case_study)));

  if (title[0] == '\0')
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("Could not save to “%s”: a case study needs a title"), self->path);
      return FALSE;
    }

  if (from_library)
    return TRUE;

  /* The library's own case studies may be linked and unlinked, never
   * rewritten: the next library must be able to replace them. */
  if ((live != NULL && tandem_case_study_get_bundled (live) &&
       !tandem_case_study_content_equal (live, case_study)) ||
      (tandem_case_study_get_bundled (case_study) &&
       (live == NULL || !tandem_case_study_get_bundled (live))))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Could not change “%s”: case studies from Tandem’s library are read-only; duplicate it to make your own version"),
                   tandem_case_study_get_title (case_study));
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_parts (TandemStore  *self,
              const char   *sql,
              const char   *id,
              GError      **error)
{
  sqlite3_stmt *stmt = _tandem_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, id);
  return _tandem_store_step (self, stmt, error);
}

static gboolean
write_case_row (TandemStore      *self,
                TandemCaseStudy  *cs,
                GError          **error)
{
  g_autofree char *learning = join_lines (tandem_case_study_get_learning (cs));
  g_autofree char *tags = join_lines (tandem_case_study_get_tags (cs));
  sqlite3_stmt *stmt;

  stmt = _tandem_store_statement (self,
                                  "INSERT INTO case_study (id, bundled, generic, title, place, country,"
                                  "  service_area, period, summary, change_notes, cos, learning, tags)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                                  " ON CONFLICT (id) DO UPDATE SET"
                                  "  bundled = excluded.bundled, generic = excluded.generic,"
                                  "  title = excluded.title, place = excluded.place,"
                                  "  country = excluded.country, service_area = excluded.service_area,"
                                  "  period = excluded.period, summary = excluded.summary,"
                                  "  change_notes = excluded.change_notes, cos = excluded.cos,"
                                  "  learning = excluded.learning, tags = excluded.tags",
                                  error);
  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, tandem_case_study_get_id (cs));
  sqlite3_bind_int (stmt, 2, tandem_case_study_get_bundled (cs));
  sqlite3_bind_int (stmt, 3, tandem_case_study_get_generic (cs));
  _tandem_store_bind_text (stmt, 4, tandem_case_study_get_title (cs));
  _tandem_store_bind_text (stmt, 5, tandem_case_study_get_place (cs));
  _tandem_store_bind_text (stmt, 6, tandem_case_study_get_country (cs));
  _tandem_store_bind_text (stmt, 7, tandem_case_study_get_service_area (cs));
  _tandem_store_bind_text (stmt, 8, tandem_case_study_get_period (cs));
  _tandem_store_bind_text (stmt, 9, tandem_case_study_get_summary (cs));
  _tandem_store_bind_text (stmt, 10, tandem_case_study_get_change_notes (cs));
  sqlite3_bind_int (stmt, 11, tandem_case_study_get_cos (cs));
  _tandem_store_bind_text (stmt, 12, learning);
  _tandem_store_bind_text (stmt, 13, tags);

  return _tandem_store_step (self, stmt, error);
}

gboolean
_tandem_store_write_case (TandemStore      *self,
                          TandemCaseStudy  *cs,
                          GError          **error)
{
  const char *id = tandem_case_study_get_id (cs);
  sqlite3_stmt *stmt;

  if (!write_case_row (self, cs, error) ||
      !delete_parts (self, "DELETE FROM case_outcome WHERE case_id = ?1", id, error) ||
      !delete_parts (self, "DELETE FROM case_source WHERE case_id = ?1", id, error) ||
      !delete_parts (self, "DELETE FROM case_link WHERE case_id = ?1", id, error))
    return FALSE;

  for (guint i = 0; i < tandem_case_study_get_n_outcomes (cs); i++)
    {
      const TandemOutcome *outcome = tandem_case_study_get_outcome (cs, i);

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO case_outcome (case_id, position, figure, period)"
                                      " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      _tandem_store_bind_text (stmt, 3, outcome->figure);
      _tandem_store_bind_text (stmt, 4, outcome->period);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < tandem_case_study_get_n_sources (cs); i++)
    {
      const TandemSource *source = tandem_case_study_get_source (cs, i);

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO case_source (case_id, position, document, author, year, url)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      _tandem_store_bind_text (stmt, 3, source->document);
      _tandem_store_bind_text (stmt, 4, source->author);
      _tandem_store_bind_text (stmt, 5, source->year);
      _tandem_store_bind_text (stmt, 6, source->url);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < tandem_case_study_get_n_links (cs); i++)
    {
      const TandemCaseLink *link = tandem_case_study_get_link (cs, i);

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO case_link (case_id, cell_row, cell_col, basis, note, hidden, user_note, position)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, link->row);
      sqlite3_bind_int (stmt, 3, link->col);
      _tandem_store_bind_text (stmt, 4, tandem_link_basis_to_string (link->basis));
      _tandem_store_bind_text (stmt, 5, link->note);
      sqlite3_bind_int (stmt, 6, link->hidden);
      sqlite3_bind_int (stmt, 7, link->user_note);
      sqlite3_bind_int (stmt, 8, i);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_tandem_store_delete_case_row (TandemStore  *self,
                               const char   *id,
                               GError      **error)
{
  return delete_parts (self, "DELETE FROM case_study WHERE id = ?1", id, error);
}

gboolean
_tandem_store_write_citations (TandemStore       *self,
                               TandemInitiative  *initiative,
                               GError           **error)
{
  const char *uuid = tandem_initiative_get_uuid (initiative);

  if (!delete_parts (self, "DELETE FROM initiative_case WHERE initiative_uuid = ?1", uuid, error))
    return FALSE;

  for (guint i = 0; i < tandem_initiative_get_n_citations (initiative); i++)
    {
      const TandemCitation *citation = tandem_initiative_get_citation (initiative, i);
      sqlite3_stmt *stmt;

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO initiative_case (initiative_uuid, case_id, evidence, note, position)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, uuid);
      _tandem_store_bind_text (stmt, 2, citation->case_id);
      sqlite3_bind_int (stmt, 3, citation->evidence);
      _tandem_store_bind_text (stmt, 4, citation->note);
      sqlite3_bind_int (stmt, 5, i);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- Memory, once written ---------------------------------------------------- */

void
_tandem_store_case_saved (TandemStore     *self,
                          TandemCaseStudy *saved)
{
  TandemCaseStudy *live = g_hash_table_lookup (self->cases_by_id, tandem_case_study_get_id (saved));
  g_autoptr(TandemCaseStudy) hold = NULL;
  guint position;

  if (live == NULL)
    {
      g_autoptr(TandemCaseStudy) copy = tandem_case_study_copy (saved);

      g_hash_table_insert (self->cases_by_id, g_strdup (tandem_case_study_get_id (copy)), copy);
      count_links (self, copy, +1);
      g_list_store_insert_sorted (self->cases, copy, compare_cases, NULL);
      return;
    }

  hold = g_object_ref (live);
  count_links (self, live, -1);
  tandem_case_study_assign (live, saved);
  count_links (self, live, +1);

  /* Titles of case studies change rarely: take it out and put it back
   * where it sorts now.  The splice tells views to look at it again. */
  if (g_list_store_find (self->cases, live, &position))
    {
      g_list_store_remove (self->cases, position);
      g_list_store_insert_sorted (self->cases, live, compare_cases, NULL);
    }
}

void
_tandem_store_case_deleted (TandemStore *self,
                            const char  *id)
{
  TandemCaseStudy *live = g_hash_table_lookup (self->cases_by_id, id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->initiatives));
  guint position;

  if (live == NULL)
    return;

  /* The database dropped the citations with the case (ON DELETE CASCADE). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (G_LIST_MODEL (self->initiatives), i);

      tandem_initiative_uncite (initiative, id);
    }

  count_links (self, live, -1);
  if (g_list_store_find (self->cases, live, &position))
    {
      g_hash_table_remove (self->cases_by_id, id);
      g_list_store_remove (self->cases, position);
    }
}

/* ---- The library -------------------------------------------------------------- */

/**
 * _tandem_store_sync_library:
 *
 * Takes a library newer than the one the portfolio has: new entries are
 * added, the library's own entries are brought up to date, and the user's
 * links, unlinks, citations and own case studies are kept.
 */
gboolean
_tandem_store_sync_library (TandemStore  *self,
                            GBytes       *json,
                            const char   *name,
                            GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TandemChanges) changes = NULL;
  int version;

  if (!tandem_library_parse (json, name, &version, &entries, error))
    return FALSE;

  if (version <= self->library_version)
    return TRUE;

  changes = tandem_changes_new ();
  changes->library_version = version;

  for (guint i = 0; i < entries->len; i++)
    {
      TandemCaseStudy *entry = g_ptr_array_index (entries, i);
      TandemCaseStudy *live = g_hash_table_lookup (self->cases_by_id, tandem_case_study_get_id (entry));
      g_autoptr(TandemCaseStudy) merged = NULL;

      if (live == NULL)
        {
          tandem_changes_save_case (changes, entry);
          continue;
        }

      /* Never overwrite a case study of the user's own. */
      if (!tandem_case_study_get_bundled (live))
        continue;

      merged = tandem_case_study_copy (live);
      tandem_case_study_assign_content (merged, entry);
      tandem_case_study_take_library_links (merged, entry);
      if (!tandem_case_study_equal (merged, live))
        tandem_changes_save_case (changes, merged);
    }

  return _tandem_store_apply_full (self, changes, TRUE, error);
}

/**
 * tandem_store_update_library:
 * @json: a case-study library
 * @name: what to call it in error messages
 *
 * Takes @json if it is newer than the library the portfolio has.  Used at
 * every start with the library Tandem ships.
 */
gboolean
tandem_store_update_library (TandemStore  *self,
                             GBytes       *json,
                             const char   *name,
                             GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  return _tandem_store_sync_library (self, json, name ? name : "library", error);
}

int
tandem_store_get_library_version (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);

  return self->library_version;
}

/* ---- Reading ------------------------------------------------------------------- */

/**
 * tandem_store_get_case_studies:
 *
 * Returns: (transfer none): a #GListModel of #TandemCaseStudy, sorted by title
 */
GListModel *
tandem_store_get_case_studies (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->cases);
}

/**
 * tandem_store_lookup_case_study:
 *
 * Returns: (transfer none) (nullable): the live case study with @id
 */
TandemCaseStudy *
tandem_store_lookup_case_study (TandemStore *self,
                                const char  *id)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return id ? g_hash_table_lookup (self->cases_by_id, id) : NULL;
}

guint
tandem_store_count_cases_in_cell (TandemStore *self,
                                  guint        row,
                                  guint        col)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), 0);
  g_return_val_if_fail (tandem_cell_is_valid (row, col), 0);

  return self->case_counts[CELL_INDEX (row, col)];
}

/* Each word of the user's text becomes a quoted prefix term, so that no
 * character the user types can be read as FTS5 syntax. */
static char *
fts_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/**
 * tandem_store_search_case_studies:
 * @text: words to look for in the title, place, country, service area,
 *   summary and tags; each word may be the start of a longer one
 *
 * Searches the full-text index.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of IDs of
 *   the case studies that contain every word, or %NULL with @error set
 */
GHashTable *
tandem_store_search_case_studies (TandemStore  *self,
                                  const char   *text,
                                  GError      **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  query = fts_query (text ? text : "");
  if (query == NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->cases_by_id);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (ids, g_strdup (id));
      return g_steal_pointer (&ids);
    }

  if (self->db == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not search “%s”: the portfolio is closed"), self->path);
      return NULL;
    }

  stmt = _tandem_store_statement (self,
                                  "SELECT c.id FROM case_search s JOIN case_study c ON c.rowid = s.rowid"
                                  " WHERE case_search MATCH ?1", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not search"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}
