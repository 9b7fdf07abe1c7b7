/* tandem-cli-list.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

typedef struct
{
  TandemInitiative *initiative;
  char             *title_key;
} ListEntry;

static void
list_entry_clear (gpointer data)
{
  ListEntry *entry = data;

  g_clear_object (&entry->initiative);
  g_clear_pointer (&entry->title_key, g_free);
}

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

/* By title ignoring case, then by the title as written, then by UUID, so
 * that the order never depends on the order of the rows in the file. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ListEntry *ea = a;
  const ListEntry *eb = b;
  int cmp;

  cmp = strcmp (ea->title_key, eb->title_key);
  if (cmp != 0)
    return cmp;

  cmp = strcmp (nonnull (tandem_initiative_get_title (ea->initiative)),
                nonnull (tandem_initiative_get_title (eb->initiative)));
  if (cmp != 0)
    return cmp;

  return strcmp (nonnull (tandem_initiative_get_uuid (ea->initiative)),
                 nonnull (tandem_initiative_get_uuid (eb->initiative)));
}

/**
 * tandem_cli_list:
 *
 * Prints one initiative a line, as UUID, a tab, ROW,COL, a tab and the
 * title, sorted by title without regard to case, then by UUID.
 */
TandemCliExit
tandem_cli_list (TandemStore         *store,
                 const TandemCliArgs *args)
{
  GListModel *initiatives = tandem_store_get_initiatives (store);
  guint n = g_list_model_get_n_items (initiatives);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (ListEntry), n);

  g_array_set_clear_func (entries, list_entry_clear);

  for (guint i = 0; i < n; i++)
    {
      ListEntry entry;

      entry.initiative = g_list_model_get_item (initiatives, i);
      entry.title_key = g_utf8_casefold (nonnull (tandem_initiative_get_title (entry.initiative)), -1);
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      TandemInitiative *initiative = g_array_index (entries, ListEntry, i).initiative;
      g_autofree char *title = tandem_cli_text_one_line (tandem_initiative_get_title (initiative));

      printf ("%s\t%u,%u\t%s\n",
              nonnull (tandem_initiative_get_uuid (initiative)),
              tandem_initiative_get_row (initiative),
              tandem_initiative_get_col (initiative),
              title);
    }

  return TANDEM_CLI_EXIT_SUCCESS;
}
