/* tandem-cli-exchange.c
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

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

/* export, import and validate: Tandem JSON (see tandem-exchange.h) and
 * CSV of initiatives (see tandem-csv.h), told apart by extension; and the
 * export of assessments as CSV. */

gboolean
tandem_cli_is_csv (const char *path,
                   const char *format)
{
  if (format != NULL)
    return g_str_equal (format, "csv");

  return tandem_exchange_is_csv_name (path);
}

static void
print_error (const char *message)
{
  g_autofree char *line = tandem_cli_text_one_line (message);

  fprintf (stderr, "tandem-cli: %s\n", line);
}

/* Reads the JSON document at @path; prints why not and returns NULL. */
static GBytes *
read_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = tandem_exchange_load_file (file, NULL, &error);

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s"), path, error->message);

      print_error (message);
    }

  return bytes;
}

/**
 * tandem_cli_export:
 *
 * Writes the whole portfolio to the JSON file named after FILE, or its
 * initiatives (or, with --rows assessments, its assessments) to a CSV file.
 */
TandemCliExit
tandem_cli_export (TandemStore         *store,
                   const TandemCliArgs *args)
{
  const char *out_path = args->args[0];
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_initiatives = g_list_model_get_n_items (tandem_store_get_initiatives (store));
  guint n_assessments = 0;

  if (!tandem_cli_is_csv (out_path, args->format))
    text = tandem_exchange_export_json (store, NULL, &error);
  else if (args->assessment_rows)
    text = tandem_csv_export_assessments (store, &n_assessments, &error);
  else
    text = tandem_csv_export_initiatives (store);
  if (text == NULL)
    {
      print_error (error->message);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  /* g_file_replace_contents writes a new file and renames it over the old. */
  if (!g_file_replace_contents (out, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not write “%s”: %s"), out_path, error->message);

      print_error (message);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  if (args->assessment_rows)
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u assessment exported to %s\n",
                         "%s: %u assessments exported to %s\n", n_assessments),
            args->path, n_assessments, out_path);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u initiative exported to %s\n",
                         "%s: %u initiatives exported to %s\n", n_initiatives),
            args->path, n_initiatives, out_path);

  return TANDEM_CLI_EXIT_SUCCESS;
}

static void
print_conflicts (TandemImport *import)
{
  for (guint i = 0; i < tandem_import_get_n_conflicts (import); i++)
    {
      const TandemConflict *conflict = tandem_import_get_conflict (import, i);
      g_autofree char *message =
        g_strdup_printf (_("conflict, kept the portfolio’s version: %s (%s %s)"), conflict->description,
                         tandem_conflict_kind_to_string (conflict->kind), conflict->id);

      print_error (message);
    }
}

/* Leaves no empty portfolio behind for a failed import. */
static void
forget_new_portfolio (TandemStore *store,
                      GFile       *file)
{
  gboolean created = tandem_store_get_was_created (store);

  tandem_store_close (store);
  if (created)
    g_file_delete (file, NULL, NULL);
}

static TandemCliExit
import_csv (TandemStore *store,
            GFile       *file,
            GBytes      *csv,
            const char  *in_path,
            const char  *path)
{
  g_autoptr(TandemChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  TandemCsvCounts counts;

  changes = tandem_csv_read_initiatives (store, csv, in_path, &counts, &error);
  if (changes == NULL)
    {
      print_error (error->message);
      forget_new_portfolio (store, file);
      return TANDEM_CLI_EXIT_INVALID;
    }

  for (guint i = 0; counts.notices[i] != NULL; i++)
    print_error (counts.notices[i]);

  if (!tandem_store_apply (store, changes, &error))
    {
      print_error (error->message);
      tandem_csv_counts_clear (&counts);
      forget_new_portfolio (store, file);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  printf (_("%s: imported into %s: %u rows, %u new initiatives, %u moved, %u unchanged\n"),
          in_path, path, counts.rows, counts.new_initiatives, counts.moved, counts.unchanged);
  tandem_csv_counts_clear (&counts);
  tandem_store_close (store);

  return TANDEM_CLI_EXIT_SUCCESS;
}

/**
 * tandem_cli_import:
 *
 * Merges the JSON file named after FILE into FILE, creating FILE if it
 * does not exist; or, for a .csv file, adds and moves initiatives.  Conflicts keep the portfolio's version and are listed
 * on stderr, one a line; the status is still success.
 */
TandemCliExit
tandem_cli_import (TandemStore         *unused,
                   const TandemCliArgs *args)
{
  const char *in_path = args->args[0];
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->path);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  json = read_file (in_path);
  if (json == NULL)
    return TANDEM_CLI_EXIT_CANT_OPEN;

  store = tandem_store_open (file, TANDEM_STORE_CREATE, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  if (tandem_cli_is_csv (in_path, NULL))
    return import_csv (store, file, json, in_path, args->path);

  import = tandem_exchange_read_json (store, json, in_path, &error);
  if (import == NULL)
    {
      print_error (error->message);
      forget_new_portfolio (store, file);
      return g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID)
               ? TANDEM_CLI_EXIT_INVALID : TANDEM_CLI_EXIT_CANT_OPEN;
    }

  if (!tandem_import_apply (import, &error))
    {
      print_error (error->message);
      g_clear_pointer (&import, tandem_import_free);
      forget_new_portfolio (store, file);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  print_conflicts (import);
  summary = tandem_import_get_summary (import);
  printf (_("%s: imported into %s: %s\n"), in_path, args->path, summary);

  g_clear_pointer (&import, tandem_import_free);
  tandem_store_close (store);
  return TANDEM_CLI_EXIT_SUCCESS;
}

static TandemCliExit
validate_csv (GBytes     *csv,
              const char *path)
{
  g_autoptr(TandemChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  TandemCsvCounts counts;

  changes = tandem_csv_read_initiatives (NULL, csv, path, &counts, &error);
  if (changes == NULL)
    {
      print_error (error->message);
      return TANDEM_CLI_EXIT_INVALID;
    }

  for (guint i = 0; counts.notices[i] != NULL; i++)
    print_error (counts.notices[i]);
  printf (g_dngettext (GETTEXT_PACKAGE, "%s: valid: %u initiative\n", "%s: valid: %u initiatives\n", counts.rows),
          path, counts.rows);
  tandem_csv_counts_clear (&counts);

  return TANDEM_CLI_EXIT_SUCCESS;
}

/**
 * tandem_cli_validate:
 *
 * Reads and checks the JSON or CSV file given as FILE, without a portfolio.
 */
TandemCliExit
tandem_cli_validate (TandemStore         *unused,
                     const TandemCliArgs *args)
{
  g_autoptr(TandemImport) import = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  TandemImportCounts counts;

  json = read_file (args->path);
  if (json == NULL)
    return TANDEM_CLI_EXIT_CANT_OPEN;

  if (tandem_cli_is_csv (args->path, NULL))
    return validate_csv (json, args->path);

  import = tandem_exchange_read_json (NULL, json, args->path, &error);
  if (import == NULL)
    {
      print_error (error->message);
      return TANDEM_CLI_EXIT_INVALID;
    }

  tandem_import_get_counts (import, &counts);
  printf (_("%s: valid: %u initiatives, %u assessments, %u case studies\n"),
          args->path, counts.initiatives, counts.assessments, counts.case_studies);

  return TANDEM_CLI_EXIT_SUCCESS;
}
