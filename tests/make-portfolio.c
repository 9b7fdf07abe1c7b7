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
  g_autofree char *path = NULL;
  gboolean seed = TRUE;
  int user_version = -1;

  if (argc < 2 || argv[1][0] == '-')
    return fail ("usage: make-portfolio FILE [--empty] [--label KEY=TEXT]… "
                 "[--initiative R,C:TITLE]… [--user-version N]");

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

  tandem_store_close (store);

  if (user_version >= 0 && !set_user_version (path, user_version, &error))
    return fail (error->message);

  return 0;
}
