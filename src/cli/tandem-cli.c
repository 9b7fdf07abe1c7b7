/* tandem-cli.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tandem-cli-private.h"

typedef TandemCliExit (*TandemCliCommandFunc) (TandemStore         *store,
                                               const TandemCliArgs *args);

typedef struct
{
  const char           *name;
  guint                 n_args;   /* arguments after FILE */
  gboolean              filters;  /* takes --cell and --search */
  TandemCliCommandFunc  func;
} TandemCliCommand;

static const TandemCliCommand commands[] = {
  { "stats", 0, FALSE, tandem_cli_stats },
  { "list",  0, FALSE, tandem_cli_list },
  { "cases", 0, TRUE,  tandem_cli_cases },
  { "case",  1, FALSE, tandem_cli_case },
};

/* Options that take a value, as --NAME VALUE or --NAME=VALUE. */
typedef struct
{
  const char *cell;
  const char *search;
} TandemCliOptions;

static void
append_command (GString    *help,
                const char *usage,
                const char *description)
{
  g_auto(GStrv) lines = NULL;

  /* Usage that does not fit the column goes on a line of its own. */
  if (strlen (usage) > 16)
    g_string_append_printf (help, "  %s\n  %-16s ", usage, "");
  else
    g_string_append_printf (help, "  %-16s ", usage);

  lines = g_strsplit (description, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_printf (help, "  %-16s ", "");
      g_string_append_printf (help, "%s\n", lines[i]);
    }
}

static void
print_help (void)
{
  GString *help = g_string_new (NULL);

  g_string_append_printf (help, "%s\n  %s\n  %s\n  %s\n  %s\n\n",
                          _("Usage:"),
                          "tandem-cli COMMAND FILE",
                          "tandem-cli cases FILE [--cell ROW,COL] [--search TEXT]",
                          "tandem-cli case FILE ID",
                          "tandem-cli --help | --version");
  g_string_append_printf (help, "%s\n\n",
                          _("Report on a Tandem portfolio (a .tandem file)."));

  g_string_append_printf (help, "%s\n", _("Commands:"));
  append_command (help, "stats FILE",
                  _("Show how many initiatives are in each cell of the service-design matrix"));
  append_command (help, "list FILE",
                  _("List the initiatives, one a line: UUID, tab, ROW,COL, tab, title; sorted by title"));
  append_command (help, "cases FILE",
                  _("List the case studies, one a line: ID, tab, title; sorted by title"));
  append_command (help, "case FILE ID",
                  _("Show everything a case study says: where it comes from, its cells of the matrix,\n"
                    "summary, outcomes, learning points and sources"));
  append_command (help, "help",
                  _("Show this help"));
  g_string_append (help, "\n");

  g_string_append_printf (help, "%s\n", _("Options:"));
  append_command (help, "--cell ROW,COL",
                  _("With “cases”: only case studies linked to this cell, for example 2,2"));
  append_command (help, "--search TEXT",
                  _("With “cases”: only case studies with every word of TEXT in their title, place,\n"
                    "country, service area, summary or tags; a word may be the start of a longer one"));
  append_command (help, "-h, --help",
                  _("Show this help"));
  append_command (help, "--version",
                  _("Show the version of tandem-cli"));
  g_string_append (help, "\n");

  g_string_append_printf (help, "%s\n", _("Exit status:"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_SUCCESS,
                          _("success"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_USAGE,
                          _("wrong arguments (unknown command or option, missing FILE or ID, extra arguments, a bad --cell)"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_CANT_OPEN,
                          _("the portfolio could not be opened or read (missing, not a portfolio, damaged, or from a newer Tandem)"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_NOT_FOUND,
                          _("not found: the portfolio has no case study with that ID"));

  fputs (help->str, stdout);
  g_string_free (help, TRUE);
}

static void
print_version (void)
{
  printf ("tandem-cli %s\n", PACKAGE_VERSION);
}

static TandemCliExit
usage_error (const char *message)
{
  fprintf (stderr, "tandem-cli: %s %s\n", message,
           _("(see “tandem-cli --help”)"));
  return TANDEM_CLI_EXIT_USAGE;
}

static const TandemCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static TandemCliExit
run_command (const TandemCliCommand *command,
             const TandemCliArgs    *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->path);
  g_autoptr(TandemStore) store = NULL;
  TandemCliExit status;

  /* Never TANDEM_STORE_CREATE: a report on a file that does not exist is
   * an error, not an empty portfolio. */
  store = tandem_store_open (file, TANDEM_STORE_NONE, &error);
  if (store == NULL)
    {
      /* The message already names the file. */
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  status = command->func (store, args);
  tandem_store_close (store);

  return status;
}

/* If @arg is the option @name, takes its value from "--name=VALUE" or from
 * the next argument.  Returns FALSE if @arg is not that option; sets
 * @message if it is, but its value is missing or was given before. */
static gboolean
take_option (const char  *name,
             int          argc,
             char        *argv[],
             int         *i,
             const char **value,
             char       **message)
{
  const char *arg = argv[*i];
  gsize length = strlen (name);

  if (strncmp (arg, name, length) != 0 || (arg[length] != '\0' && arg[length] != '='))
    return FALSE;

  if (*value != NULL)
    *message = g_strdup_printf (_("“%s” is given twice"), name);
  else if (arg[length] == '=')
    *value = arg + length + 1;
  else if (*i + 1 < argc)
    *value = argv[++*i];
  else
    *message = g_strdup_printf (_("“%s” needs a value"), name);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  TandemCliOptions options = { NULL, NULL };
  TandemCliArgs cli_args = { NULL };
  gboolean options_done = FALSE;
  const TandemCliCommand *command;
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *message = NULL;

      if (options_done || arg[0] != '-' || g_str_equal (arg, "-"))
        {
          g_ptr_array_add (args, argv[i]);
        }
      else if (g_str_equal (arg, "--"))
        {
          options_done = TRUE;
        }
      else if (g_str_equal (arg, "-h") || g_str_equal (arg, "--help"))
        {
          print_help ();
          return TANDEM_CLI_EXIT_SUCCESS;
        }
      else if (g_str_equal (arg, "--version"))
        {
          print_version ();
          return TANDEM_CLI_EXIT_SUCCESS;
        }
      else if (take_option ("--cell", argc, argv, &i, &options.cell, &message) ||
               take_option ("--search", argc, argv, &i, &options.search, &message))
        {
          if (message != NULL)
            return usage_error (message);
        }
      else
        {
          message = g_strdup_printf (_("unknown option “%s”"), arg);

          return usage_error (message);
        }
    }

  if (args->len == 0)
    return usage_error (_("no command given"));

  name = g_ptr_array_index (args, 0);

  if (g_str_equal (name, "help"))
    {
      if (args->len > 1 || options.cell != NULL || options.search != NULL)
        return usage_error (_("“help” takes no arguments"));

      print_help ();
      return TANDEM_CLI_EXIT_SUCCESS;
    }

  command = find_command (name);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), name);

      return usage_error (message);
    }

  if (!command->filters && (options.cell != NULL || options.search != NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” does not take “%s”; only “cases” does"),
                         command->name, options.cell != NULL ? "--cell" : "--search");

      return usage_error (message);
    }

  if (args->len < 2)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” needs the portfolio FILE"), command->name);

      return usage_error (message);
    }

  if (args->len < 2 + command->n_args)
    {
      /* Only “case” takes more than FILE. */
      g_autofree char *message =
        g_strdup_printf (_("“%s” needs the ID of a case study after FILE"), command->name);

      return usage_error (message);
    }

  if (args->len > 2 + command->n_args)
    {
      g_autofree char *message =
        command->n_args == 0
          ? g_strdup_printf (_("“%s” takes one FILE; unexpected “%s”"),
                             command->name, (const char *) g_ptr_array_index (args, 2))
          : g_strdup_printf (_("“%s” takes FILE and ID; unexpected “%s”"),
                             command->name, (const char *) g_ptr_array_index (args, 2 + command->n_args));

      return usage_error (message);
    }

  if (options.cell != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tandem_cell_parse (options.cell, &cli_args.row, &cli_args.col, &error))
        {
          g_autofree char *message = g_strdup_printf ("--cell %s", error->message);

          return usage_error (message);
        }
      cli_args.has_cell = TRUE;
    }

  g_ptr_array_add (args, NULL);
  cli_args.path = g_ptr_array_index (args, 1);
  cli_args.args = (const char * const *) &args->pdata[2];
  cli_args.search = options.search;

  return run_command (command, &cli_args);
}
