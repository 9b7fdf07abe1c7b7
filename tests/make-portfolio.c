/* make-portfolio.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A helper for the CLI tests: writes a new portfolio to FILE.
 *
 *   make-portfolio FILE [OPTION…]
 *
 *   --empty                  leave out the worked example
 *   --label KEY=TEXT         reword a piece of the matrix (repeatable)
 *   --initiative R,C:TITLE   add an initiative at cell R,C (repeatable)
 *   --case ID:R,C:TITLE      add a case study of the user's own, with this
 *                            ID, linked to cell R,C (repeatable)
 *   --link ID:R,C:NOTE       link case study ID to cell R,C with NOTE
 *                            (repeatable; after the --case options)
 *   --unlink ID:R,C          unlink case study ID from cell R,C: a library
 *                            link is hidden, a user link removed (repeatable)
 *   --assessment DATE:R,C:STAGE:TITLE
 *                            assess the initiative titled TITLE (exactly; from
 *                            --initiative or the example) on DATE at cell R,C,
 *                            with readiness STAGE ("co-design"…, or "-" for
 *                            none) (repeatable; after the --initiative options)
 *   --library JSON           first take the case-study library in the file
 *                            JSON (its version must be above 1)
 *   --user-version N         afterwards, set PRAGMA user_version to N
 *                            behind the store's back (to fake a newer file)
 */

#define G_LOG_DOMAIN "make-portfolio"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "tandem-core.h"

static int
fail (const char *message)
{
  fprintf (stderr, "make-portfolio: %s\n", message);
  return 1;
}

static gboolean
add_initiative (TandemStore  *store,
                const char   *spec,
                GError      **error)
{
  g_autoptr(TandemInitiative) initiative = NULL;
  g_autofree char *cell = NULL;
  const char *colon = strchr (spec, ':');
  guint row, col;

  if (colon == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--initiative wants R,C:TITLE, not “%s”", spec);
      return FALSE;
    }

  cell = g_strndup (spec, colon - spec);
  if (!tandem_cell_parse (cell, &row, &col, error))
    return FALSE;

  initiative = tandem_initiative_new (colon + 1, row, col);
  return tandem_store_save_initiative (store, initiative, error);
}

/* "DATE:R,C:STAGE:TITLE": an assessment of the initiative with that title. */
static gboolean
add_assessment (TandemStore  *store,
                const char   *spec,
                GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 4);
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemAssessment) assessment = NULL;
  GListModel *model = tandem_store_get_initiatives (store);
  TandemInitiative *found = NULL;
  TandemStage stage;
  guint row, col;

  if (g_strv_length (parts) != 4)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--assessment wants DATE:R,C:STAGE:TITLE, not “%s”", spec);
      return FALSE;
    }

  if (!tandem_cell_parse (parts[1], &row, &col, error))
    return FALSE;

  if (!tandem_stage_from_string (parts[2], &stage))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "no stage “%s”", parts[2]);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (model) && found == NULL; i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (model, i);

      if (g_str_equal (tandem_initiative_get_title (initiative), parts[3]))
        found = initiative;
    }

  if (found == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "no initiative “%s”", parts[3]);
      return FALSE;
    }

  assessment = tandem_assessment_new (tandem_initiative_get_uuid (found), parts[0], row, col);
  tandem_assessment_set_stage (assessment, stage);
  tandem_changes_save_assessment (changes, assessment);
  return tandem_store_apply (store, changes, error);
}

/* Splits "ID:R,C[:REST]" into its parts. */
static gboolean
parse_case_spec (const char  *option,
                 const char  *spec,
                 gboolean     with_rest,
                 char       **id,
                 guint       *row,
                 guint       *col,
                 char       **rest,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", with_rest ? 3 : 2);

  if (g_strv_length (parts) != (with_rest ? 3u : 2u) || parts[0][0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s wants ID:R,C%s, not “%s”", option, with_rest ? ":TEXT" : "", spec);
      return FALSE;
    }

  if (!tandem_cell_parse (parts[1], row, col, error))
    return FALSE;

  *id = g_strdup (parts[0]);
  if (rest != NULL)
    *rest = g_strdup (parts[2]);
  return TRUE;
}

static gboolean
add_case (TandemStore  *store,
          const char   *spec,
          GError      **error)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemCaseStudy) case_study = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  guint row, col;

  if (!parse_case_spec ("--case", spec, TRUE, &id, &row, &col, &title, error))
    return FALSE;

  case_study = tandem_case_study_new (title);
  tandem_case_study_set_id (case_study, id);
  tandem_case_study_link (case_study, row, col, "Linked by make-portfolio");
  tandem_changes_save_case (changes, case_study);
  return tandem_store_apply (store, changes, error);
}

static gboolean
change_link (TandemStore  *store,
             const char   *spec,
             gboolean      link,
             GError      **error)
{
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  g_autoptr(TandemCaseStudy) edited = NULL;
  g_autofree char *id = NULL;
  g_autofree char *note = NULL;
  TandemCaseStudy *live;
  guint row, col;

  if (!parse_case_spec (link ? "--link" : "--unlink", spec, link, &id, &row, &col, link ? &note : NULL, error))
    return FALSE;

  live = tandem_store_lookup_case_study (store, id);
  if (live == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "there is no case study %s", id);
      return FALSE;
    }

  edited = tandem_case_study_copy (live);
  if (link)
    tandem_case_study_link (edited, row, col, note);
  else
    tandem_case_study_unlink (edited, row, col);
  tandem_changes_save_case (changes, edited);
  return tandem_store_apply (store, changes, error);
}

static gboolean
set_user_version (const char  *path,
                  int          version,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
  sqlite3_close (db);

  return rc == SQLITE_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) initiatives = g_ptr_array_new ();
  g_autoptr(GPtrArray) assessments = g_ptr_array_new ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);  /* "+SPEC" links, "-SPEC" unlinks */
  g_autofree char *path = NULL;
  const char *library = NULL;
  gboolean seed = TRUE;
  int user_version = -1;

  if (argc < 2 || argv[1][0] == '-')
    return fail ("usage: make-portfolio FILE [--empty] [--label KEY=TEXT]… "
                 "[--initiative R,C:TITLE]… [--assessment DATE:R,C:STAGE:TITLE]… [--case ID:R,C:TITLE]… [--link ID:R,C:NOTE]… "
                 "[--unlink ID:R,C]… [--library JSON] [--user-version N]");

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--empty"))
        seed = FALSE;
      else if (g_str_equal (argv[i], "--label") && i + 1 < argc)
        {
          char *eq = strchr (argv[++i], '=');

          if (eq == NULL)
            return fail ("--label wants KEY=TEXT");
          *eq = '\0';
          g_hash_table_insert (labels, argv[i], eq + 1);
        }
      else if (g_str_equal (argv[i], "--initiative") && i + 1 < argc)
        g_ptr_array_add (initiatives, argv[++i]);
      else if (g_str_equal (argv[i], "--assessment") && i + 1 < argc)
        g_ptr_array_add (assessments, argv[++i]);
      else if (g_str_equal (argv[i], "--library") && i + 1 < argc)
        library = argv[++i];
      else if (g_str_equal (argv[i], "--case") && i + 1 < argc)
        g_ptr_array_add (cases, argv[++i]);
      else if (g_str_equal (argv[i], "--link") && i + 1 < argc)
        g_ptr_array_add (links, g_strconcat ("+", argv[++i], NULL));
      else if (g_str_equal (argv[i], "--unlink") && i + 1 < argc)
        g_ptr_array_add (links, g_strconcat ("-", argv[++i], NULL));
      else if (g_str_equal (argv[i], "--user-version") && i + 1 < argc)
        user_version = atoi (argv[++i]);
      else
        return fail ("unknown or incomplete option; see the comment in make-portfolio.c");
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  path = g_file_get_path (file);
  if (g_file_query_exists (file, NULL))
    return fail ("the file already exists");

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  if (store == NULL)
    return fail (error->message);

  if (seed && !tandem_store_seed_example (store, &error))
    return fail (error->message);

  if (g_hash_table_size (labels) > 0 &&
      !tandem_store_set_matrix_labels (store, labels, &error))
    return fail (error->message);

  for (guint i = 0; i < initiatives->len; i++)
    if (!add_initiative (store, g_ptr_array_index (initiatives, i), &error))
      return fail (error->message);

  for (guint i = 0; i < assessments->len; i++)
    if (!add_assessment (store, g_ptr_array_index (assessments, i), &error))
      return fail (error->message);

  if (library != NULL)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) json = NULL;
      gsize length;

      if (!g_file_get_contents (library, &contents, &length, &error))
        return fail (error->message);
      json = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (!tandem_store_update_library (store, json, library, &error))
        return fail (error->message);
    }

  for (guint i = 0; i < cases->len; i++)
    if (!add_case (store, g_ptr_array_index (cases, i), &error))
      return fail (error->message);

  for (guint i = 0; i < links->len; i++)
    {
      const char *spec = g_ptr_array_index (links, i);

      if (!change_link (store, spec + 1, spec[0] == '+', &error))
        return fail (error->message);
    }

  tandem_store_close (store);

  if (user_version >= 0 && !set_user_version (path, user_version, &error))
    return fail (error->message);

  return 0;
}
