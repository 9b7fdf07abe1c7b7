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

typedef TandemCliExit (*TandemCliCommandFunc) (TandemStore *store);

typedef struct
{
  const char           *name;
  TandemCliCommandFunc  func;
} TandemCliCommand;

static const TandemCliCommand commands[] = {
  { "stats", tandem_cli_stats },
  { "list",  tandem_cli_list },
};

static void
print_help (void)
{
  GString *help = g_string_new (NULL);

  g_string_append_printf (help, "%s\n  %s\n  %s\n\n",
                          _("Usage:"),
                          "tandem-cli COMMAND FILE",
                          "tandem-cli --help | --version");
  g_string_append_printf (help, "%s\n\n",
                          _("Report on a Tandem portfolio (a .tandem file)."));

  g_string_append_printf (help, "%s\n", _("Commands:"));
  g_string_append_printf (help, "  %-12s %s\n", "stats FILE",
                          _("Show how many initiatives are in each cell of the service-design matrix"));
  g_string_append_printf (help, "  %-12s %s\n", "list FILE",
                          _("List the initiatives, one a line: UUID, tab, ROW,COL, tab, title; sorted by title"));
  g_string_append_printf (help, "  %-12s %s\n\n", "help",
                          _("Show this help"));

  g_string_append_printf (help, "%s\n", _("Options:"));
  g_string_append_printf (help, "  %-12s %s\n", "-h, --help",
                          _("Show this help"));
  g_string_append_printf (help, "  %-12s %s\n\n", "--version",
                          _("Show the version of tandem-cli"));

  g_string_append_printf (help, "%s\n", _("Exit status:"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_SUCCESS,
                          _("success"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_USAGE,
                          _("wrong arguments (unknown command, missing FILE, extra arguments)"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_CANT_OPEN,
                          _("the portfolio could not be opened (missing, not a portfolio, damaged, or from a newer Tandem)"));

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
             const char             *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
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

  status = command->func (store);
  tandem_store_close (store);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  gboolean options_done = FALSE;
  const TandemCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

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
      else
        {
          g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), arg);

          return usage_error (message);
        }
    }

  if (args->len == 0)
    return usage_error (_("no command given"));

  if (g_str_equal (g_ptr_array_index (args, 0), "help"))
    {
      if (args->len > 1)
        return usage_error (_("“help” takes no arguments"));

      print_help ();
      return TANDEM_CLI_EXIT_SUCCESS;
    }

  command = find_command (g_ptr_array_index (args, 0));
  if (command == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown command “%s”"), (const char *) g_ptr_array_index (args, 0));

      return usage_error (message);
    }

  if (args->len < 2)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” needs the portfolio FILE"), command->name);

      return usage_error (message);
    }

  if (args->len > 2)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” takes one FILE; unexpected “%s”"),
                         command->name, (const char *) g_ptr_array_index (args, 2));

      return usage_error (message);
    }

  return run_command (command, g_ptr_array_index (args, 1));
}
