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

/* The options that take a value; each command takes some of them. */
typedef enum
{
  OPTION_CELL,
  OPTION_SEARCH,
  OPTION_FROM,
  OPTION_TO,
  OPTION_INITIATIVES,
  OPTION_ASSESSMENTS,
  OPTION_SEED,
  OPTION_FORMAT,
  OPTION_ROWS,
  N_OPTIONS
} TandemCliOption;

#define ONLY(option) (1u << (option))

static const char * const option_names[N_OPTIONS] = {
  "--cell", "--search", "--from", "--to", "--initiatives", "--assessments", "--seed",
  "--format", "--rows",
};

typedef struct
{
  const char           *name;
  guint                 n_args;    /* arguments after FILE */
  guint                 options;   /* the options it takes, as ONLY() bits */
  guint                 required;  /* the options it cannot do without */
  gboolean              creates;   /* opens FILE itself (makes it, or reads it as JSON) */
  TandemCliCommandFunc  func;
} TandemCliCommand;

static const TandemCliCommand commands[] = {
  { "stats",    0, 0, 0, FALSE, tandem_cli_stats },
  { "list",     0, 0, 0, FALSE, tandem_cli_list },
  { "cases",    0, ONLY (OPTION_CELL) | ONLY (OPTION_SEARCH), 0, FALSE, tandem_cli_cases },
  { "case",     1, 0, 0, FALSE, tandem_cli_case },
  { "history",  1, 0, 0, FALSE, tandem_cli_history },
  { "movement", 0, ONLY (OPTION_FROM) | ONLY (OPTION_TO),
                   ONLY (OPTION_FROM) | ONLY (OPTION_TO), FALSE, tandem_cli_movement },
  { "generate", 0, ONLY (OPTION_INITIATIVES) | ONLY (OPTION_ASSESSMENTS) | ONLY (OPTION_SEED),
                   ONLY (OPTION_INITIATIVES) | ONLY (OPTION_ASSESSMENTS), TRUE, tandem_cli_generate },
  { "report",   1, ONLY (OPTION_FROM) | ONLY (OPTION_TO), 0, FALSE, tandem_cli_report },
  { "sheet",    1, 0, 0, FALSE, tandem_cli_sheet },
  { "blank-sheet", 1, 0, 0, FALSE, tandem_cli_blank_sheet },
  { "export",   1, ONLY (OPTION_FORMAT) | ONLY (OPTION_ROWS), 0, FALSE, tandem_cli_export },
  { "import",   1, 0, 0, TRUE, tandem_cli_import },
  { "validate", 0, 0, 0, TRUE, tandem_cli_validate },
};

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

  g_string_append_printf (help, "%s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n  %s\n\n",
                          _("Usage:"),
                          "tandem-cli COMMAND FILE",
                          "tandem-cli cases FILE [--cell ROW,COL] [--search TEXT]",
                          "tandem-cli case FILE ID",
                          "tandem-cli history FILE INITIATIVE",
                          "tandem-cli movement FILE --from DATE --to DATE",
                          "tandem-cli generate --initiatives N --assessments M [--seed S] FILE",
                          "tandem-cli report FILE OUT.pdf [--from DATE --to DATE]",
                          "tandem-cli sheet|blank-sheet FILE OUT.pdf|OUT.svg|OUT.png",
                          "tandem-cli export [--format json|csv] [--rows initiatives|assessments] FILE OUT.json|OUT.csv",
                          "tandem-cli import FILE IN.json|IN.csv",
                          "tandem-cli validate IN.json|IN.csv",
                          "tandem-cli --help | --version");
  g_string_append_printf (help, "%s\n\n",
                          _("Report on a Tandem portfolio (a .tandem file), or make one up to try Tandem out."));

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
  append_command (help, "history FILE INITIATIVE",
                  _("List the assessments of one initiative, given by its UUID or its exact title,\n"
                    "oldest first, one a line: date (YYYY-MM-DD), tab, ROW,COL, tab, readiness stage\n"
                    "(active-involvement, co-design, co-delivery, full-co-production, or “-” if not assessed)"));
  append_command (help, "movement FILE",
                  _("Compare where the initiatives stood on two dates (--from and --to); each stands\n"
                    "where its latest assessment on or before the date put it. Prints, one a line:\n"
                    "  from<TAB>DATE and to<TAB>DATE\n"
                    "  ROW,COL<TAB>N<TAB>M for each of the nine cells: N initiatives there on the first\n"
                    "    date, M on the second\n"
                    "  ROW,COL -> ROW,COL<TAB>N for each move between two cells that N initiatives made\n"
                    "  closer<TAB>N, further<TAB>N and same<TAB>N: initiatives placed on both dates that\n"
                    "    moved closer to full co-production (2,2), further from it, or neither\n"
                    "  new<TAB>N: initiatives first placed after the first date"));
  append_command (help, "generate FILE",
                  _("Write a new portfolio FILE of made-up initiatives (--initiatives) and assessments\n"
                    "(--assessments) dated from 2015 to today, for trying Tandem out and timing it;\n"
                    "the same --seed gives the same portfolio"));
  append_command (help, "report FILE OUT.pdf",
                  _("Write a PDF report: the matrix with the number of initiatives in each cell, the\n"
                    "movement between --from and --to if both are given, and a page for each initiative\n"
                    "(where it is, its target, journey, indicators and case studies)"));
  append_command (help, "sheet FILE OUT",
                  _("Draw the matrix with the number of initiatives in each cell: an A3 sheet to print\n"
                    "if OUT ends .pdf, an image if it ends .svg or .png"));
  append_command (help, "blank-sheet FILE OUT",
                  _("The same without the numbers, in the portfolio’s wording: for a workshop wall"));
  append_command (help, "export FILE OUT.json",
                  _("Write the whole portfolio to OUT.json as Tandem JSON, to merge into another portfolio:\n"
                    "initiatives with their notes, citations, assessments and indicators, the reworded\n"
                    "matrix, the user’s own case studies and their links to library case studies"));
  append_command (help, "export FILE OUT.csv",
                  _("Write the initiatives to OUT.csv, one a line, with the columns uuid, title,\n"
                    "organisation, service_area, place, delivery, design (the current cell’s row and\n"
                    "column, 1 to 3) and date (the day it last changed)"));
  append_command (help, "export FILE OUT.csv --rows assessments",
                  _("Write the assessments to OUT.csv instead, one a line, each initiative’s together and\n"
                    "oldest first, with the columns initiative_uuid, initiative_title, assessment_id, date\n"
                    "(YYYY-MM-DD), delivery, design, stage, level, co_commissioning, co_design, co_delivery,\n"
                    "co_assessment, subtypes, principles (names separated by “;”), better_service,\n"
                    "feel_better, public_value, the delivery and design of each stakeholder group’s own\n"
                    "placement (commissioners_delivery … community_design, empty if it agreed),\n"
                    "participants, notes and evidence (one a line: caption <link>)"));
  append_command (help, "import FILE IN.json",
                  _("Merge the Tandem JSON file IN.json into FILE, making FILE if it does not exist.\n"
                    "The whole file is checked before anything is written, and written in one go.\n"
                    "Items FILE already has with other content are conflicts: FILE keeps its own\n"
                    "version, and each is listed on stderr, one a line (“tandem-cli: conflict, …”);\n"
                    "conflicts do not change the exit status. Prints what was added"));
  append_command (help, "import FILE IN.csv",
                  _("Add the initiatives of IN.csv to FILE, making FILE if it does not exist. IN.csv needs\n"
                    "the columns title, organisation, service_area, place, delivery, design and date\n"
                    "(YYYY-MM-DD); others are ignored, with a notice on stderr. A row whose uuid names an\n"
                    "initiative of FILE updates it, and moves it, dated, if its cell differs: so an edited\n"
                    "CSV export updates placements in bulk. Checked whole, then written in one go"));
  append_command (help, "validate IN.json",
                  _("Check the Tandem JSON file IN.json without a portfolio and print\n"
                    "“IN.json: valid: N initiatives, M assessments, K case studies”, or what is wrong\n"
                    "with it: the JSON path, such as $.initiatives[3].assessments[0].cell, and why"));
  append_command (help, "validate IN.csv",
                  _("Check the CSV of initiatives IN.csv without a portfolio, or say which line and\n"
                    "column is wrong, and why"));
  append_command (help, "help",
                  _("Show this help"));
  g_string_append (help, "\n");

  g_string_append_printf (help, "%s\n", _("Options:"));
  append_command (help, "--cell ROW,COL",
                  _("With “cases”: only case studies linked to this cell, for example 2,2"));
  append_command (help, "--search TEXT",
                  _("With “cases”: only case studies with every word of TEXT in their title, place,\n"
                    "country, service area, summary or tags; a word may be the start of a longer one"));
  append_command (help, "--from DATE",
                  _("With “movement” and “report”: the first date, as YYYY-MM-DD"));
  append_command (help, "--to DATE",
                  _("With “movement” and “report”: the second date, as YYYY-MM-DD, not before the first"));
  append_command (help, "--initiatives N",
                  _("With “generate”: how many initiatives to make (1 to 1000000)"));
  append_command (help, "--assessments M",
                  _("With “generate”: how many assessments to spread over them (0 to 10000000)"));
  append_command (help, "--seed S",
                  _("With “generate”: a number (0 to 4294967295) that fixes what is made; without it\n"
                    "a random one is used, and shown"));
  append_command (help, "--format F",
                  _("With “export”: the format to write, json or csv; without it, OUT’s extension\n"
                    "decides (.csv for CSV, anything else for Tandem JSON)"));
  append_command (help, "--rows R",
                  _("With “export” to CSV: what each line is, initiatives (the default) or assessments"));
  append_command (help, "-h, --help",
                  _("Show this help"));
  append_command (help, "--version",
                  _("Show the version of tandem-cli"));
  g_string_append (help, "\n");

  g_string_append_printf (help, "%s\n", _("Exit status:"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_SUCCESS,
                          _("success"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_USAGE,
                          _("wrong arguments (unknown command or option, missing FILE or ID, extra arguments, a bad\n"
                            "     --cell, date or number, a title that several initiatives share, a --format other than\n"
                            "     json or csv, a --rows other than initiatives or assessments, or --rows for Tandem\n"
                            "     JSON), or the FILE that “generate” should write already exists"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_CANT_OPEN,
                          _("the portfolio could not be opened, read or written (missing, not a portfolio, damaged,\n"
                            "     or from a newer Tandem), or the JSON or CSV file could not be read or written"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_NOT_FOUND,
                          _("not found: the portfolio has no case study with that ID, or no initiative with that\n"
                            "     UUID or title"));
  g_string_append_printf (help, "  %d  %s\n", TANDEM_CLI_EXIT_INVALID,
                          _("the file given to “import” or “validate” is not a valid Tandem JSON document or CSV\n"
                            "     of initiatives (nothing was written)"));

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
  g_autoptr(GFile) file = NULL;
  g_autoptr(TandemStore) store = NULL;
  TandemCliExit status;

  /* A command that makes FILE opens it itself. */
  if (command->creates)
    return command->func (NULL, args);

  /* Never TANDEM_STORE_CREATE: a report on a file that does not exist is
   * an error, not an empty portfolio. */
  file = g_file_new_for_commandline_arg (args->path);
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

/* Reads a whole number from @min to @max, with nothing else around it. */
static gboolean
parse_number (const char *option,
              const char *text,
              guint64     min,
              guint64     max,
              guint64    *value,
              char      **message)
{
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, value, &error))
    {
      *message = g_strdup_printf (_("%s wants a whole number from %" G_GUINT64_FORMAT
                                    " to %" G_GUINT64_FORMAT ", not “%s”"),
                                  option, min, max, text);
      return FALSE;
    }

  return TRUE;
}

/* Checks the values of the options that take them, into @cli_args. */
static gboolean
check_options (const char    *values[N_OPTIONS],
               TandemCliArgs *cli_args,
               char         **message)
{
  guint64 number;

  if (values[OPTION_CELL] != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tandem_cell_parse (values[OPTION_CELL], &cli_args->row, &cli_args->col, &error))
        {
          *message = g_strdup_printf ("--cell %s", error->message);
          return FALSE;
        }
      cli_args->has_cell = TRUE;
    }

  cli_args->search = values[OPTION_SEARCH];

  for (TandemCliOption option = OPTION_FROM; option <= OPTION_TO; option++)
    {
      if (values[option] != NULL && !tandem_date_is_valid (values[option]))
        {
          *message = g_strdup_printf (_("%s wants a date as YYYY-MM-DD, for example 2018-01-31, not “%s”"),
                                      option_names[option], values[option]);
          return FALSE;
        }
    }
  cli_args->from = values[OPTION_FROM];
  cli_args->to = values[OPTION_TO];

  /* ISO dates sort as text. */
  if (cli_args->from != NULL && cli_args->to != NULL && strcmp (cli_args->from, cli_args->to) > 0)
    {
      *message = g_strdup_printf (_("--from %s is after --to %s"), cli_args->from, cli_args->to);
      return FALSE;
    }

  if (values[OPTION_INITIATIVES] != NULL)
    {
      if (!parse_number ("--initiatives", values[OPTION_INITIATIVES], 1, 1000000, &number, message))
        return FALSE;
      cli_args->n_initiatives = number;
    }

  if (values[OPTION_ASSESSMENTS] != NULL)
    {
      if (!parse_number ("--assessments", values[OPTION_ASSESSMENTS], 0, 10000000, &number, message))
        return FALSE;
      cli_args->n_assessments = number;
    }

  if (values[OPTION_FORMAT] != NULL)
    {
      if (!g_str_equal (values[OPTION_FORMAT], "json") && !g_str_equal (values[OPTION_FORMAT], "csv"))
        {
          *message = g_strdup_printf (_("--format %s: the formats are json and csv"), values[OPTION_FORMAT]);
          return FALSE;
        }
      cli_args->format = values[OPTION_FORMAT];
    }

  if (values[OPTION_ROWS] != NULL)
    {
      if (!g_str_equal (values[OPTION_ROWS], "initiatives") && !g_str_equal (values[OPTION_ROWS], "assessments"))
        {
          *message = g_strdup_printf (_("--rows %s: the choices are initiatives and assessments"), values[OPTION_ROWS]);
          return FALSE;
        }
      cli_args->assessment_rows = g_str_equal (values[OPTION_ROWS], "assessments");
    }

  if (values[OPTION_SEED] != NULL)
    {
      if (!parse_number ("--seed", values[OPTION_SEED], 0, G_MAXUINT32, &number, message))
        return FALSE;
      cli_args->seed = number;
      cli_args->has_seed = TRUE;
    }

  return TRUE;
}

/* What a command wants after FILE, for messages. */
static const char *
describe_args (const TandemCliCommand *command)
{
  if (g_str_equal (command->name, "history"))
    return _("an initiative (its UUID or title)");
  if (g_str_equal (command->name, "export") || g_str_equal (command->name, "import"))
    return _("a JSON file");

  return _("the ID of a case study");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *values[N_OPTIONS] = { NULL };
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
      gboolean taken = FALSE;

      if (options_done || arg[0] != '-' || g_str_equal (arg, "-"))
        {
          g_ptr_array_add (args, argv[i]);
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          options_done = TRUE;
          continue;
        }

      if (g_str_equal (arg, "-h") || g_str_equal (arg, "--help"))
        {
          print_help ();
          return TANDEM_CLI_EXIT_SUCCESS;
        }

      if (g_str_equal (arg, "--version"))
        {
          print_version ();
          return TANDEM_CLI_EXIT_SUCCESS;
        }

      for (guint option = 0; option < N_OPTIONS && !taken; option++)
        taken = take_option (option_names[option], argc, argv, &i, &values[option], &message);

      if (!taken)
        message = g_strdup_printf (_("unknown option “%s”"), arg);

      if (message != NULL)
        return usage_error (message);
    }

  if (args->len == 0)
    return usage_error (_("no command given"));

  name = g_ptr_array_index (args, 0);

  if (g_str_equal (name, "help"))
    {
      gboolean any_option = FALSE;

      for (guint option = 0; option < N_OPTIONS; option++)
        any_option |= values[option] != NULL;

      if (args->len > 1 || any_option)
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

  for (guint option = 0; option < N_OPTIONS; option++)
    {
      if (values[option] != NULL && (command->options & ONLY (option)) == 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” does not take “%s”"), command->name, option_names[option]);

          return usage_error (message);
        }
    }

  if (args->len < 2)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” needs the portfolio FILE"), command->name);

      return usage_error (message);
    }

  if (args->len < 2 + command->n_args)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” needs %s after FILE"), command->name, describe_args (command));

      return usage_error (message);
    }

  if (args->len > 2 + command->n_args)
    {
      g_autofree char *message =
        command->n_args == 0
          ? g_strdup_printf (_("“%s” takes one FILE; unexpected “%s”"),
                             command->name, (const char *) g_ptr_array_index (args, 2))
          : g_strdup_printf (_("“%s” takes FILE and %s; unexpected “%s”"),
                             command->name, describe_args (command),
                             (const char *) g_ptr_array_index (args, 2 + command->n_args));

      return usage_error (message);
    }

  for (guint option = 0; option < N_OPTIONS; option++)
    {
      if (values[option] == NULL && (command->required & ONLY (option)) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” needs “%s”"), command->name, option_names[option]);

          return usage_error (message);
        }
    }

  {
    g_autofree char *message = NULL;

    if (!check_options (values, &cli_args, &message))
      return usage_error (message);
  }

  g_ptr_array_add (args, NULL);
  cli_args.path = g_ptr_array_index (args, 1);
  cli_args.args = (const char * const *) &args->pdata[2];

  /* A Tandem JSON export holds everything; only CSV has a choice of rows. */
  if (values[OPTION_ROWS] != NULL && !tandem_cli_is_csv (cli_args.args[0], cli_args.format))
    {
      g_autofree char *message =
        g_strdup_printf (_("--rows is for a CSV export, and “%s” would be Tandem JSON (give OUT.csv or --format csv)"),
                         cli_args.args[0]);

      return usage_error (message);
    }

  return run_command (command, &cli_args);
}
