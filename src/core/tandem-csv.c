/* tandem-csv.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-assessment.h"
#include "tandem-cell.h"
#include "tandem-csv.h"
#include "tandem-error.h"

/* CSV as spreadsheets write it (RFC 4180): comma-separated, fields quoted
 * with " when they hold a comma, quote or line break, "" for a quote,
 * CRLF or LF line ends, UTF-8 with or without a byte-order mark. */

static void
record_free (gpointer data)
{
  TandemCsvRecord *record = data;

  g_strfreev (record->fields);
  g_free (record);
}

static gboolean
fail (GError    **error,
      const char *name,
      guint       line,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError    **error,
      const char *name,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a file name, %u a line number and the
   * last %s what is wrong there. */
  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
               _("%s: line %u: %s"), name, line, reason);
  return FALSE;
}

/**
 * tandem_csv_parse:
 * @csv: the file's bytes
 * @name: the file's name, for messages
 *
 * Splits @csv into records.  Blank lines are skipped.  The whole file is
 * checked: it must be UTF-8, at most %TANDEM_CSV_MAX_SIZE bytes, with no
 * field over %TANDEM_CSV_MAX_FIELD bytes, no NUL and no unterminated quote.
 *
 * Returns: (transfer full) (element-type TandemCsvRecord): the records,
 *   or %NULL with @error saying where the file is wrong
 */
GPtrArray *
tandem_csv_parse (GBytes      *csv,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize size;
  const char *data = g_bytes_get_data (csv, &size);
  const char *end = data + size;
  const char *p = data;
  const char *bad;
  guint line = 1;
  guint record_line = 1;

  g_return_val_if_fail (csv != NULL, NULL);

  if (size > TANDEM_CSV_MAX_SIZE)
    {
      fail (error, name, 1, _("the file is larger than %u MB"),
            (guint) (TANDEM_CSV_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!g_utf8_validate_len (data, size, &bad))
    {
      guint bad_line = 1;

      for (const char *q = data; q < bad; q++)
        bad_line += *q == '\n';
      fail (error, name, bad_line, _("the text is not UTF-8 (or holds a NUL byte)"));
      return NULL;
    }

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      gboolean quoted = FALSE;

      /* One field. */
      if (*p == '"')
        {
          quoted = TRUE;
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  fail (error, name, record_line, _("a quoted field is never closed"));
                  return NULL;
                }
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  line += *p == '\n';
                  g_string_append_c (field, *p++);
                }

              if (field->len > TANDEM_CSV_MAX_FIELD)
                break;
            }
        }

      while (p < end && *p != ',' && *p != '\n' && *p != '\r')
        {
          if (quoted || *p == '"')
            {
              fail (error, name, line, _("a quote is out of place (quote the whole field, and double quotes inside it)"));
              return NULL;
            }
          g_string_append_c (field, *p++);
          if (field->len > TANDEM_CSV_MAX_FIELD)
            break;
        }

      if (field->len > TANDEM_CSV_MAX_FIELD)
        {
          fail (error, name, record_line, _("field %u is longer than %u KB"),
                fields->len + 1, (guint) (TANDEM_CSV_MAX_FIELD / 1024));
          return NULL;
        }

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);

      if (p < end && *p == ',')
        {
          p++;
          if (p < end)
            continue;
          /* A trailing comma at the very end is one more, empty field. */
          g_ptr_array_add (fields, g_strdup (""));
        }

      /* The end of a record. */
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;

      /* A blank line is no record. */
      if (!(fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0'))
        {
          TandemCsvRecord *record = g_new0 (TandemCsvRecord, 1);

          g_ptr_array_add (fields, NULL);
          record->line = record_line;
          record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
          g_ptr_array_add (records, record);
        }
      else
        g_ptr_array_set_size (fields, 0);

      line++;
      record_line = line;
    }

  return g_steal_pointer (&records);
}

/* ---- Initiatives ---------------------------------------------------------- */

static const char *export_columns[] = {
  "uuid", "title", "organisation", "service_area", "place", "delivery", "design", "date",
};

static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
unix_to_date (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

/**
 * tandem_csv_export_initiatives:
 *
 * Every initiative, one a line, under the header
 * `uuid,title,organisation,service_area,place,delivery,design,date`:
 * delivery and design are the current cell's row and column, and date is
 * the day the initiative was last changed.  Lines end with CRLF, as
 * RFC 4180 asks.
 *
 * Returns: (transfer full): the CSV text
 */
char *
tandem_csv_export_initiatives (TandemStore *store)
{
  GListModel *initiatives = tandem_store_get_initiatives (store);
  guint n = g_list_model_get_n_items (initiatives);
  GString *out = g_string_sized_new (128 + n * 128);

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    g_string_append_printf (out, i == 0 ? "%s" : ",%s", export_columns[i]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (initiatives, i);
      g_autofree char *date = unix_to_date (tandem_initiative_get_updated (initiative));

      append_field (out, tandem_initiative_get_uuid (initiative));
      g_string_append_c (out, ',');
      append_field (out, tandem_initiative_get_title (initiative));
      g_string_append_c (out, ',');
      append_field (out, tandem_initiative_get_organisation (initiative));
      g_string_append_c (out, ',');
      append_field (out, tandem_initiative_get_service_area (initiative));
      g_string_append_c (out, ',');
      append_field (out, tandem_initiative_get_place (initiative));
      g_string_append_printf (out, ",%u,%u,%s\r\n",
                              tandem_initiative_get_row (initiative),
                              tandem_initiative_get_col (initiative),
                              date);
    }

  return g_string_free (out, FALSE);
}

enum {
  COLUMN_UUID,
  COLUMN_TITLE,
  COLUMN_ORGANISATION,
  COLUMN_SERVICE_AREA,
  COLUMN_PLACE,
  COLUMN_DELIVERY,
  COLUMN_DESIGN,
  COLUMN_DATE,
  N_COLUMNS
};

/* Finds each known column in the header; -1 for those missing. */
static gboolean
read_header (TandemCsvRecord *header,
             const char      *name,
             int              index[N_COLUMNS],
             GPtrArray       *notices,
             GError         **error)
{
  guint n = g_strv_length (header->fields);

  for (guint c = 0; c < N_COLUMNS; c++)
    index[c] = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *column = g_ascii_strdown (g_strstrip (header->fields[i]), -1);
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (column, export_columns[c]))
          {
            if (index[c] != -1)
              return fail (error, name, header->line, _("the column “%s” appears twice"), column);
            index[c] = i;
            known = TRUE;
          }

      if (!known)
        g_ptr_array_add (notices, g_strdup_printf (_("%s: the column “%s” is not one Tandem reads and was ignored"),
                                                   name, header->fields[i]));
    }

  for (guint c = COLUMN_TITLE; c < N_COLUMNS; c++)
    if (index[c] == -1)
      return fail (error, name, header->line,
                   _("the header has no “%s” column (it needs title, organisation, service_area, place, delivery, design and date)"),
                   export_columns[c]);

  return TRUE;
}

static const char *
field_of (TandemCsvRecord *record,
          int              index)
{
  return index >= 0 && (guint) index < g_strv_length (record->fields) ? record->fields[index] : "";
}

/* A level of responsibility: 1, 2 or 3. */
static gboolean
parse_level (const char *text,
             guint      *level)
{
  if (strlen (text) != 1 || text[0] < '1' || text[0] > '3')
    return FALSE;

  *level = text[0] - '0';
  return TRUE;
}

/**
 * tandem_csv_read_initiatives:
 * @store: (nullable): the portfolio the rows go into, or %NULL only to
 *   check the file
 * @csv: the CSV file's bytes
 * @name: the file's name, for messages
 * @counts: (out caller-allocates): what was found; clear with
 *   tandem_csv_counts_clear()
 *
 * Reads a CSV of initiatives with the columns title, organisation,
 * service_area, place, delivery, design and date (in any order; other
 * columns are ignored with a notice), and an optional uuid column.  A row
 * whose uuid names an initiative of @store updates it: its fields, and
 * its cell if delivery and design differ, recorded as a placement on that
 * date.  Any other row is a new initiative, placed in its cell on that
 * date.  Nothing is written: apply the changes with tandem_store_apply(),
 * in one transaction.
 *
 * Returns: (transfer full): the changes, or %NULL with @error naming the
 *   file, line and column of the first problem
 */
TandemChanges *
tandem_csv_read_initiatives (TandemStore      *store,
                             GBytes           *csv,
                             const char       *name,
                             TandemCsvCounts  *counts,
                             GError          **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemChanges) changes = tandem_changes_new ();
  int index[N_COLUMNS];

  g_return_val_if_fail (store == NULL || TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  memset (counts, 0, sizeof *counts);

  records = tandem_csv_parse (csv, name, error);
  if (records == NULL)
    return NULL;

  if (records->len == 0)
    {
      fail (error, name, 1, _("the file is empty; it needs a header line"));
      return NULL;
    }

  if (!read_header (g_ptr_array_index (records, 0), name, index, notices, error))
    return NULL;

  for (guint r = 1; r < records->len; r++)
    {
      TandemCsvRecord *record = g_ptr_array_index (records, r);
      g_autofree char *title = g_strstrip (g_strdup (field_of (record, index[COLUMN_TITLE])));
      g_autofree char *uuid = g_strstrip (g_strdup (field_of (record, index[COLUMN_UUID])));
      const char *date = field_of (record, index[COLUMN_DATE]);
      g_autoptr(TandemInitiative) initiative = NULL;
      g_autoptr(TandemAssessment) placement = NULL;
      TandemInitiative *existing = NULL;
      guint row, col;
      gboolean placed;

      if (title[0] == '\0')
        {
          fail (error, name, record->line, _("column “title”: an initiative needs a title"));
          return NULL;
        }

      if (!parse_level (field_of (record, index[COLUMN_DELIVERY]), &row))
        {
          fail (error, name, record->line, _("column “delivery”: “%s” is not 1, 2 or 3"),
                field_of (record, index[COLUMN_DELIVERY]));
          return NULL;
        }

      if (!parse_level (field_of (record, index[COLUMN_DESIGN]), &col))
        {
          fail (error, name, record->line, _("column “design”: “%s” is not 1, 2 or 3"),
                field_of (record, index[COLUMN_DESIGN]));
          return NULL;
        }

      if (!tandem_date_is_valid (date))
        {
          fail (error, name, record->line, _("column “date”: “%s” is not a real date written YYYY-MM-DD"), date);
          return NULL;
        }

      if (uuid[0] != '\0')
        {
          if (!g_uuid_string_is_valid (uuid))
            {
              fail (error, name, record->line, _("column “uuid”: “%s” is not a UUID"), uuid);
              return NULL;
            }
          if (!g_hash_table_add (seen, g_strdup (uuid)))
            {
              fail (error, name, record->line, _("column “uuid”: %s appears on an earlier line too"), uuid);
              return NULL;
            }
          existing = store != NULL ? tandem_store_lookup_initiative (store, uuid) : NULL;
        }

      if (existing != NULL)
        initiative = tandem_initiative_copy (existing);
      else
        {
          initiative = tandem_initiative_new (title, row, col);
          if (uuid[0] != '\0')
            tandem_initiative_set_uuid (initiative, uuid);
        }

      tandem_initiative_set_title (initiative, title);
      tandem_initiative_set_organisation (initiative, field_of (record, index[COLUMN_ORGANISATION]));
      tandem_initiative_set_service_area (initiative, field_of (record, index[COLUMN_SERVICE_AREA]));
      tandem_initiative_set_place (initiative, field_of (record, index[COLUMN_PLACE]));

      counts->rows++;
      placed = existing == NULL ||
               tandem_initiative_get_row (existing) != row ||
               tandem_initiative_get_col (existing) != col;
      if (existing == NULL)
        counts->new_initiatives++;
      else if (placed)
        counts->moved++;
      else if (tandem_initiative_equal (existing, initiative))
        {
          counts->unchanged++;
          continue;
        }

      /* Where it was placed, and when, becomes part of its journey. */
      if (placed)
        {
          tandem_initiative_set_cell (initiative, row, col);
          placement = tandem_assessment_new (tandem_initiative_get_uuid (initiative), date, row, col);
          tandem_changes_save_assessment (changes, placement);
        }

      tandem_changes_save_initiative (changes, initiative);
    }

  g_ptr_array_add (notices, NULL);
  counts->notices = (GStrv) g_ptr_array_steal (notices, NULL);

  return g_steal_pointer (&changes);
}

void
tandem_csv_counts_clear (TandemCsvCounts *counts)
{
  g_clear_pointer (&counts->notices, g_strfreev);
}
