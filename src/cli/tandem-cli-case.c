/* tandem-cli-case.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tandem-cli-private.h"
#include "tandem-cli-text.h"

/*
 * The whole card of one case study, as plain text wrapped for a terminal
 * 80 columns wide, whatever the terminal really is, so that the output is
 * the same everywhere:
 *
 *   TITLE
 *   =====
 *   ID: …
 *   From Tandem’s case-study library | Your own case study
 *   Place: …            (each field only if it says something)
 *
 *   Cells of the matrix:
 *     2,2  LABEL (BASIS)
 *          NOTE
 *
 *   Summary:, Outcomes:, Change management:, Learning points:, Tags:,
 *   Sources: in that order, each only if there is something in it.
 *
 * URLs are never wrapped, so that they can be copied whole.
 */
#define WIDTH 80

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
append_indent (GString *out,
               guint    indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

/* Appends @text wrapped to WIDTH: the first line after @first (already
 * @first_width columns wide), the others indented by @indent.  Each line
 * of @text is a paragraph of its own. */
static void
append_wrapped (GString    *out,
                const char *first,
                guint       first_width,
                const char *text,
                guint       indent)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  gboolean at_first = TRUE;

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      guint room = at_first ? MAX (first_width, indent) : indent;
      g_auto(GStrv) lines = NULL;

      if (is_blank (paragraphs[p]))
        continue;

      lines = tandem_cli_text_wrap (paragraphs[p], WIDTH - room, 0);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (at_first)
            {
              g_string_append (out, first);
              append_indent (out, room - first_width);
              at_first = FALSE;
            }
          else
            append_indent (out, indent);

          g_string_append (out, lines[i]);
          g_string_append_c (out, '\n');
        }
    }
}

/* "Label: value", wrapped, or nothing if @value is blank. */
static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_autofree char *first = NULL;

  if (is_blank (value))
    return;

  first = g_strdup_printf ("%s ", label);
  append_wrapped (out, first, tandem_cli_text_width (first), value, 2);
}

static void
append_heading (GString    *out,
                const char *heading)
{
  g_string_append_printf (out, "\n%s\n", heading);
}

/* A bulleted item, wrapped under itself. */
static void
append_item (GString    *out,
             const char *text)
{
  append_wrapped (out, "  • ", 4, text, 4);
}

static void
append_paragraphs (GString    *out,
                   const char *heading,
                   const char *text)
{
  if (is_blank (text))
    return;

  append_heading (out, heading);
  append_wrapped (out, "  ", 2, text, 2);
}

static const char *
basis_label (TandemLinkBasis basis)
{
  switch (basis)
    {
    case TANDEM_LINK_SOURCE:
      return _("as the source says");
    case TANDEM_LINK_TANDEM:
      return _("Tandem’s reading");
    case TANDEM_LINK_USER:
      return _("your link");
    default:
      g_return_val_if_reached ("");
    }
}

static void
append_cells (GString         *out,
              TandemStore     *store,
              TandemCaseStudy *case_study)
{
  TandemMatrix *matrix = tandem_store_get_matrix (store);
  gboolean any = FALSE;

  for (guint i = 0; i < tandem_case_study_get_n_links (case_study); i++)
    {
      const TandemCaseLink *link = tandem_case_study_get_link (case_study, i);
      g_autofree char *first = NULL;
      g_autofree char *label = NULL;

      /* A library link the user unlinked is not shown. */
      if (link->hidden)
        continue;

      if (!any)
        append_heading (out, _("Cells of the matrix:"));
      any = TRUE;

      first = g_strdup_printf ("  %u,%u  ", link->row, link->col);
      /* Translators: a cell of the matrix and why the case study is
       * linked to it, e.g. “Full co-production (Tandem’s reading)” */
      label = g_strdup_printf (_("%s (%s)"),
                               tandem_matrix_get_cell_label (matrix, link->row, link->col),
                               basis_label (link->basis));
      append_wrapped (out, first, tandem_cli_text_width (first), label, 7);
      if (!is_blank (link->note))
        append_wrapped (out, "       ", 7, link->note, 7);
    }
}

static void
append_cos (GString         *out,
            TandemCaseStudy *case_study)
{
  static const TandemCos all[] = {
    TANDEM_CO_COMMISSIONING, TANDEM_CO_DESIGN, TANDEM_CO_DELIVERY, TANDEM_CO_ASSESSMENT,
  };
  TandemCos cos = tandem_case_study_get_cos (case_study);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (!(cos & all[i]))
        continue;

      if (names->len > 0)
        /* Translators: between the names of the Four Co's in a list */
        g_string_append (names, _(", "));
      g_string_append (names, tandem_cos_get_label (all[i]));
    }

  append_field (out, _("The Four Co’s:"), names->str);
}

static void
append_outcomes (GString         *out,
                 TandemCaseStudy *case_study)
{
  gboolean any = FALSE;

  for (guint i = 0; i < tandem_case_study_get_n_outcomes (case_study); i++)
    {
      const TandemOutcome *outcome = tandem_case_study_get_outcome (case_study, i);
      g_autofree char *text = NULL;

      if (is_blank (outcome->figure))
        continue;

      if (!any)
        append_heading (out, _("Outcomes:"));
      any = TRUE;

      if (is_blank (outcome->period))
        text = g_strdup (outcome->figure);
      else
        /* Translators: an outcome and when it was measured, e.g.
         * “60% fewer young people who were NEET (2012–2014)” */
        text = g_strdup_printf (_("%s (%s)"), outcome->figure, outcome->period);

      append_item (out, text);
    }
}

static void
append_list (GString            *out,
             const char         *heading,
             const char * const *items)
{
  gboolean any = FALSE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (is_blank (items[i]))
        continue;

      if (!any)
        append_heading (out, heading);
      any = TRUE;

      append_item (out, items[i]);
    }
}

static void
append_tags (GString         *out,
             TandemCaseStudy *case_study)
{
  const char * const *tags = tandem_case_study_get_tags (case_study);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (is_blank (tags[i]))
        continue;

      if (joined->len > 0)
        /* Translators: between tags in a list */
        g_string_append (joined, _(", "));
      g_string_append (joined, tags[i]);
    }

  if (joined->len > 0)
    {
      g_string_append_c (out, '\n');
      append_field (out, _("Tags:"), joined->str);
    }
}

static void
append_sources (GString         *out,
                TandemCaseStudy *case_study)
{
  gboolean any = FALSE;

  for (guint i = 0; i < tandem_case_study_get_n_sources (case_study); i++)
    {
      const TandemSource *source = tandem_case_study_get_source (case_study, i);
      g_autoptr(GString) by = g_string_new (NULL);

      if (is_blank (source->document) && is_blank (source->author) &&
          is_blank (source->year) && is_blank (source->url))
        continue;

      if (!any)
        append_heading (out, _("Sources:"));
      any = TRUE;

      append_item (out, is_blank (source->document) ? _("(untitled)") : source->document);

      if (!is_blank (source->author))
        g_string_append (by, source->author);
      if (!is_blank (source->year))
        {
          if (by->len > 0)
            /* Translators: between the author and the year of a source */
            g_string_append (by, _(", "));
          g_string_append (by, source->year);
        }
      if (by->len > 0)
        append_wrapped (out, "    ", 4, by->str, 4);

      if (!is_blank (source->url))
        {
          g_autofree char *url = tandem_cli_text_one_line (g_strstrip (g_strdup (source->url)));

          g_string_append_printf (out, "    %s\n", url);
        }
    }
}

/**
 * tandem_cli_case:
 *
 * Prints the whole card of the case study whose ID is the argument after
 * FILE, leaving out every empty field.
 */
TandemCliExit
tandem_cli_case (TandemStore         *store,
                 const TandemCliArgs *args)
{
  const char *id = args->args[0];
  TandemCaseStudy *case_study = tandem_store_lookup_case_study (store, id);
  g_autoptr(GString) out = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown_id = NULL;

  if (case_study == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s: there is no case study %s"), args->path, id);
      g_autofree char *line = tandem_cli_text_one_line (message);

      fprintf (stderr, "tandem-cli: %s\n", line);
      return TANDEM_CLI_EXIT_NOT_FOUND;
    }

  out = g_string_new (NULL);
  title = tandem_cli_text_one_line (tandem_case_study_get_title (case_study));
  shown_id = tandem_cli_text_one_line (tandem_case_study_get_id (case_study));

  /* The title, underlined. */
  append_wrapped (out, "", 0, title, 0);
  for (guint i = 0; i < MIN (tandem_cli_text_width (title), WIDTH); i++)
    g_string_append_c (out, '=');
  g_string_append_c (out, '\n');

  append_field (out, _("ID:"), shown_id);
  g_string_append_printf (out, "%s\n",
                          tandem_case_study_get_bundled (case_study)
                            ? _("From Tandem’s case-study library")
                            : _("Your own case study"));
  if (tandem_case_study_get_generic (case_study))
    g_string_append_printf (out, "%s\n", _("A general approach rather than a single project"));
  append_field (out, _("Place:"), tandem_case_study_get_place (case_study));
  append_field (out, _("Country:"), tandem_case_study_get_country (case_study));
  append_field (out, _("Service area:"), tandem_case_study_get_service_area (case_study));
  append_field (out, _("Period:"), tandem_case_study_get_period (case_study));
  append_cos (out, case_study);

  append_cells (out, store, case_study);
  append_paragraphs (out, _("Summary:"), tandem_case_study_get_summary (case_study));
  append_outcomes (out, case_study);
  append_paragraphs (out, _("Change management:"), tandem_case_study_get_change_notes (case_study));
  append_list (out, _("Learning points:"), tandem_case_study_get_learning (case_study));
  append_tags (out, case_study);
  append_sources (out, case_study);

  fputs (out->str, stdout);
  return TANDEM_CLI_EXIT_SUCCESS;
}
