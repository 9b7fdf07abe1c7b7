/* tandem-json-writer.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tandem-json-writer.h"

/* The layout is the one Tandem JSON has always had: "key": value, two
 * spaces a level, and empty lists and objects written [] and {}. */

struct _TandemJsonWriter
{
  GString *out;
  GArray  *counts;        /* items written so far in each open list or object */
  gboolean after_member;  /* a member name is waiting for its value */
};

TandemJsonWriter *
tandem_json_writer_new (void)
{
  TandemJsonWriter *writer = g_new0 (TandemJsonWriter, 1);

  writer->out = g_string_sized_new (64 * 1024);
  writer->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  return writer;
}

void
tandem_json_writer_free (TandemJsonWriter *writer)
{
  if (writer == NULL)
    return;

  g_string_free (writer->out, TRUE);
  g_array_unref (writer->counts);
  g_free (writer);
}

/**
 * tandem_json_writer_free_to_string:
 *
 * Returns: (transfer full): the text written, ending in a newline
 */
char *
tandem_json_writer_free_to_string (TandemJsonWriter *writer)
{
  char *text;

  g_return_val_if_fail (writer->counts->len == 0, NULL);

  g_string_append_c (writer->out, '\n');
  text = g_string_free (writer->out, FALSE);
  g_array_unref (writer->counts);
  g_free (writer);
  return text;
}

static void
new_line (TandemJsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->counts->len; i++)
    g_string_append_len (writer->out, "  ", 2);
}

/* Separates the next item from the one before, on a line of its own. */
static void
next_item (TandemJsonWriter *writer)
{
  guint *count;

  if (writer->counts->len == 0)
    return;

  count = &g_array_index (writer->counts, guint, writer->counts->len - 1);
  if (*count > 0)
    g_string_append_c (writer->out, ',');
  (*count)++;
  new_line (writer);
}

/* Before any value: a member's value follows its name on the same line. */
static void
begin_value (TandemJsonWriter *writer)
{
  if (writer->after_member)
    writer->after_member = FALSE;
  else
    next_item (writer);
}

static void
write_string (GString    *out,
              const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  /* Copies runs of plain characters at once; escapes the rest. */
  for (const char *p = text; ; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char code[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '\0':
          g_string_append_c (out, '"');
          return;
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (code, sizeof code, "\\u%04x", c);
          escape = code;
        }
      g_string_append (out, escape);
    }
}

static void
begin_container (TandemJsonWriter *writer,
                 char              open)
{
  guint zero = 0;

  begin_value (writer);
  g_string_append_c (writer->out, open);
  g_array_append_val (writer->counts, zero);
}

static void
end_container (TandemJsonWriter *writer,
               char              close)
{
  guint count;

  g_return_if_fail (writer->counts->len > 0 && !writer->after_member);

  count = g_array_index (writer->counts, guint, writer->counts->len - 1);
  g_array_set_size (writer->counts, writer->counts->len - 1);
  if (count > 0)
    new_line (writer);
  g_string_append_c (writer->out, close);
}

void
tandem_json_writer_begin_object (TandemJsonWriter *writer)
{
  begin_container (writer, '{');
}

void
tandem_json_writer_end_object (TandemJsonWriter *writer)
{
  end_container (writer, '}');
}

void
tandem_json_writer_begin_array (TandemJsonWriter *writer)
{
  begin_container (writer, '[');
}

void
tandem_json_writer_end_array (TandemJsonWriter *writer)
{
  end_container (writer, ']');
}

void
tandem_json_writer_set_member_name (TandemJsonWriter *writer,
                                    const char       *name)
{
  g_return_if_fail (writer->counts->len > 0 && !writer->after_member);

  next_item (writer);
  write_string (writer->out, name);
  g_string_append_len (writer->out, ": ", 2);
  writer->after_member = TRUE;
}

/* @value %NULL writes null. */
void
tandem_json_writer_add_string_value (TandemJsonWriter *writer,
                                     const char       *value)
{
  begin_value (writer);
  if (value == NULL)
    g_string_append_len (writer->out, "null", 4);
  else
    write_string (writer->out, value);
}

void
tandem_json_writer_add_int_value (TandemJsonWriter *writer,
                                  gint64            value)
{
  begin_value (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

/* The shortest text that reads back as the same number.  Not for
 * infinities or NaN, which JSON cannot hold. */
void
tandem_json_writer_add_double_value (TandemJsonWriter *writer,
                                     double            value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  begin_value (writer);
  g_string_append (writer->out, buffer);
}

void
tandem_json_writer_add_boolean_value (TandemJsonWriter *writer,
                                      gboolean          value)
{
  begin_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
tandem_json_writer_add_null_value (TandemJsonWriter *writer)
{
  tandem_json_writer_add_string_value (writer, NULL);
}
