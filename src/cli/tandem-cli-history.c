/* tandem-cli-history.c
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

static void
print_error (const char *message)
{
  g_autofree char *line = tandem_cli_text_one_line (message);

  fprintf (stderr, "tandem-cli: %s\n", line);
}

static int
compare_uuids (gconstpointer a,
               gconstpointer b)
{
  TandemInitiative *ia = *(TandemInitiative * const *) a;
  TandemInitiative *ib = *(TandemInitiative * const *) b;

  return strcmp (tandem_initiative_get_uuid (ia), tandem_initiative_get_uuid (ib));
}

/* The initiative @text names: the one with that UUID, or else the one with
 * exactly that title.  Sets @status and prints why if there is none, or
 * if several share the title. */
static TandemInitiative *
find_initiative (TandemStore   *store,
                 const char    *path,
                 const char    *text,
                 TandemCliExit *status)
{
  GListModel *initiatives = tandem_store_get_initiatives (store);
  TandemInitiative *initiative = tandem_store_lookup_initiative (store, text);
  g_autoptr(GPtrArray) found = NULL;

  if (initiative != NULL)
    return g_object_ref (initiative);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(TandemInitiative) item = g_list_model_get_item (initiatives, i);

      if (g_strcmp0 (tandem_initiative_get_title (item), text) == 0)
        g_ptr_array_add (found, g_steal_pointer (&item));
    }

  if (found->len == 1)
    return g_object_ref (g_ptr_array_index (found, 0));

  if (found->len == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: there is no initiative with the UUID or title “%s”"), path, text);

      print_error (message);
      *status = TANDEM_CLI_EXIT_NOT_FOUND;
    }
  else
    {
      g_autoptr(GString) uuids = g_string_new (NULL);
      g_autofree char *message = NULL;

      /* In a stable order, so that the message is the same every time. */
      g_ptr_array_sort (found, compare_uuids);
      for (guint i = 0; i < found->len; i++)
        {
          if (i > 0)
            g_string_append (uuids, ", ");
          g_string_append (uuids, tandem_initiative_get_uuid (g_ptr_array_index (found, i)));
        }

      /* Always two or more. */
      message = g_strdup_printf (_("%s: “%s” matches %u initiatives; give one of their UUIDs: %s"),
                                 path, text, found->len, uuids->str);
      print_error (message);
      *status = TANDEM_CLI_EXIT_USAGE;
    }

  return NULL;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  TandemAssessment *aa = *(TandemAssessment * const *) a;
  TandemAssessment *ab = *(TandemAssessment * const *) b;

  return strcmp (tandem_assessment_get_date (aa), tandem_assessment_get_date (ab));
}

/**
 * tandem_cli_history:
 *
 * Prints the assessments of the initiative named by the argument after
 * FILE (a UUID, or else an exact title), oldest first, one a line: the
 * date, a tab, ROW,COL, a tab and the readiness stage, or “-” when the
 * assessment gives none.
 */
TandemCliExit
tandem_cli_history (TandemStore         *store,
                    const TandemCliArgs *args)
{
  g_autoptr(TandemInitiative) initiative = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  TandemCliExit status = TANDEM_CLI_EXIT_SUCCESS;

  initiative = find_initiative (store, args->path, args->args[0], &status);
  if (initiative == NULL)
    return status;

  assessments = tandem_store_list_assessments (store, tandem_initiative_get_uuid (initiative), &error);
  if (assessments == NULL)
    {
      print_error (error->message);
      return TANDEM_CLI_EXIT_CANT_OPEN;
    }

  /* The store lists them by date already; there is one a date, so this
   * only makes the order independent of that. */
  g_ptr_array_sort (assessments, compare_dates);

  out = g_string_new (NULL);
  for (guint i = 0; i < assessments->len; i++)
    {
      TandemAssessment *assessment = g_ptr_array_index (assessments, i);
      TandemStage stage = tandem_assessment_get_stage (assessment);
      const char *stage_text = stage == TANDEM_STAGE_NONE ? NULL : tandem_stage_to_string (stage);

      g_string_append_printf (out, "%s\t%u,%u\t%s\n",
                              tandem_assessment_get_date (assessment),
                              tandem_assessment_get_row (assessment),
                              tandem_assessment_get_col (assessment),
                              stage_text != NULL ? stage_text : "-");
    }

  fputs (out->str, stdout);
  return TANDEM_CLI_EXIT_SUCCESS;
}
