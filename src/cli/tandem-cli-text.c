/* tandem-cli-text.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-cli"

#include "config.h"

#include <string.h>

#include "tandem-cli-text.h"

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 HORIZONTAL ELLIPSIS */

static guint
unichar_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;
  return 1;
}

/**
 * tandem_cli_text_width:
 * @text: valid UTF-8
 *
 * Returns: the number of terminal columns @text takes up; wide (East
 *   Asian) characters count twice and combining marks not at all.
 */
guint
tandem_cli_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += unichar_width (g_utf8_get_char (p));

  return width;
}

/* Appends the start of @word that fits in @room columns and returns a
 * pointer to what is left of it. */
static const char *
append_fitting (GString    *line,
                const char *word,
                guint      *line_width,
                guint       room)
{
  const char *p = word;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      guint w = unichar_width (c);

      /* Always take at least one character, so that an impossibly
       * narrow column still makes progress. */
      if (*line_width + w > room && p != word)
        break;

      g_string_append_unichar (line, c);
      *line_width += w;
      p = g_utf8_next_char (p);
    }

  return p;
}

/* Shortens @line so that it ends in an ellipsis and fits in @width. */
static void
ellipsize (GString *line,
           guint    width)
{
  while (line->len > 0 && tandem_cli_text_width (line->str) + 1 > width)
    {
      const char *last = g_utf8_find_prev_char (line->str, line->str + line->len);

      g_string_truncate (line, last - line->str);
    }

  tandem_cli_text_rstrip (line);
  g_string_append (line, ELLIPSIS);
}

/**
 * tandem_cli_text_wrap:
 * @text: valid UTF-8; any run of white space (newlines too) separates words
 * @width: the widest a line may be, in columns (at least 1)
 * @max_lines: the most lines to return, or 0 for no limit; text that does
 *   not fit ends in an ellipsis
 *
 * Breaks @text into lines at spaces.  A word wider than @width is broken
 * wherever it has to be.
 *
 * Returns: (transfer full): the lines, none of them empty; an empty
 *   array if @text holds no words.
 */
char **
tandem_cli_text_wrap (const char *text,
                      guint       width,
                      guint       max_lines)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint line_width = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  words = g_regex_split_simple ("\\s+", text, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *rest = words[i];
      guint word_width;

      if (*rest == '\0')
        continue;

      word_width = tandem_cli_text_width (rest);

      if (line_width > 0 && line_width + 1 + word_width > width)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          line_width = 0;
        }

      if (line_width > 0)
        {
          g_string_append_c (line, ' ');
          line_width++;
        }

      rest = append_fitting (line, rest, &line_width, width);

      while (*rest != '\0')
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          line_width = 0;
          rest = append_fitting (line, rest, &line_width, width);
        }
    }

  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));

  if (max_lines > 0 && lines->len > max_lines)
    {
      g_autoptr(GString) last = g_string_new (g_ptr_array_index (lines, max_lines - 1));

      g_ptr_array_set_size (lines, max_lines);
      ellipsize (last, width);
      g_free (g_ptr_array_index (lines, max_lines - 1));
      g_ptr_array_index (lines, max_lines - 1) = g_strdup (last->str);
    }

  g_ptr_array_add (lines, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/**
 * tandem_cli_text_append_padded:
 * @out: where to write
 * @text: (nullable): valid UTF-8 that fits in @width
 * @width: the number of columns to fill
 *
 * Appends @text followed by enough spaces to fill @width columns.
 */
void
tandem_cli_text_append_padded (GString    *out,
                               const char *text,
                               guint       width)
{
  guint used = 0;

  if (text != NULL)
    {
      g_string_append (out, text);
      used = tandem_cli_text_width (text);
    }

  for (; used < width; used++)
    g_string_append_c (out, ' ');
}

/**
 * tandem_cli_text_rstrip:
 *
 * Removes trailing spaces from @line.
 */
void
tandem_cli_text_rstrip (GString *line)
{
  gsize len = line->len;

  while (len > 0 && line->str[len - 1] == ' ')
    len--;

  g_string_truncate (line, len);
}

/**
 * tandem_cli_text_one_line:
 *
 * Returns: (transfer full): @text with every tab, newline or other control
 *   character replaced by a space, so it can be printed as one field of
 *   a tab-separated line.
 */
char *
tandem_cli_text_one_line (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
