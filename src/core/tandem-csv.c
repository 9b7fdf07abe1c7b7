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
#include "tandem-names-private.h"

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

static void
append_header (GString     *out,
               const char **columns,
               guint        n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (out, i == 0 ? "%s" : ",%s", columns[i]);
  g_string_append (out, "\r\n");
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

  append_header (out, export_columns, G_N_ELEMENTS (export_columns));

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

/* ---- Assessments ---------------------------------------------------------- */

/* Documented in help/C/exchange.page; the names in the rows are those of
 * Tandem JSON (tandem-names.c). */
static const char *assessment_columns[] = {
  "initiative_uuid", "initiative_title", "assessment_id", "date", "delivery", "design",
  "stage", "level",
  "co_commissioning", "co_design", "co_delivery", "co_assessment",
  "subtypes", "principles",
  "better_service", "feel_better", "public_value",
  "commissioners_delivery", "commissioners_design",
  "frontline_staff_delivery", "frontline_staff_design",
  "service_users_delivery", "service_users_design",
  "community_delivery", "community_design",
  "participants", "notes", "evidence",
};

/* A comma, then @name, or nothing for NULL. */
static void
append_name (GString    *out,
             const char *name)
{
  g_string_append_c (out, ',');
  if (name != NULL)
    g_string_append (out, name);
}

/* A comma, then the names of the flags set, separated by ";". */
static void
append_flags (GString              *out,
              const TandemFlagName *names,
              guint                 n_names,
              guint                 flags)
{
  const char *separator = "";

  g_string_append_c (out, ',');
  for (guint i = 0; i < n_names; i++)
    if (flags & names[i].flag)
      {
        g_string_append_printf (out, "%s%s", separator, names[i].name);
        separator = ";";
      }
}

/* Each piece of evidence on a line of its own: its caption, then its link
 * in angle brackets. */
static char *
join_evidence (TandemAssessment *a)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tandem_assessment_get_n_evidence (a); i++)
    {
      const TandemEvidence *evidence = tandem_assessment_get_evidence (a, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, evidence->caption);
      if (evidence->link[0] != '\0')
        g_string_append_printf (text, "%s<%s>", evidence->caption[0] != '\0' ? " " : "", evidence->link);
    }

  return g_string_free (text, FALSE);
}

/* The columns from stage to public_value. */
static void
append_readiness (GString          *out,
                  TandemAssessment *a)
{
  TandemStage stage = tandem_assessment_get_stage (a);

  append_name (out, stage == TANDEM_STAGE_NONE ? NULL : tandem_stage_to_string (stage));
  append_name (out, tandem_level_names[tandem_assessment_get_level (a)]);
  for (guint i = 0; i < TANDEM_N_COS; i++)
    append_name (out, tandem_presence_names[tandem_assessment_get_presence (a, tandem_cos_order[i])]);
  append_flags (out, tandem_subtype_names, G_N_ELEMENTS (tandem_subtype_names),
                tandem_assessment_get_subtypes (a));
  append_flags (out, tandem_principle_names, G_N_ELEMENTS (tandem_principle_names),
                tandem_assessment_get_principles (a));
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    append_name (out, tandem_answer_names[tandem_assessment_get_answer (a, q)]);
}

static void
append_assessment (GString          *out,
                   TandemInitiative *initiative,
                   TandemAssessment *a)
{
  g_autofree char *evidence = join_evidence (a);

  append_field (out, tandem_initiative_get_uuid (initiative));
  g_string_append_c (out, ',');
  append_field (out, tandem_initiative_get_title (initiative));
  g_string_append_c (out, ',');
  append_field (out, tandem_assessment_get_id (a));
  g_string_append_c (out, ',');
  append_field (out, tandem_assessment_get_date (a));
  g_string_append_printf (out, ",%u,%u", tandem_assessment_get_row (a), tandem_assessment_get_col (a));

  append_readiness (out, a);

  /* Empty where the group agreed with the assessment's cell. */
  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint row, col;

      if (tandem_assessment_get_placement (a, s, &row, &col))
        g_string_append_printf (out, ",%u,%u", row, col);
      else
        g_string_append (out, ",,");
    }

  g_string_append_c (out, ',');
  append_field (out, tandem_assessment_get_participants (a));
  g_string_append_c (out, ',');
  append_field (out, tandem_assessment_get_notes (a));
  g_string_append_c (out, ',');
  append_field (out, evidence);
  g_string_append (out, "\r\n");
}

/* The rows of each initiative, gathered as the store hands its
 * assessments over (by initiative UUID), to be written in the order of
 * the initiatives export. */
typedef struct
{
  TandemStore      *store;
  GHashTable       *by_initiative;  /* UUID (borrowed) → GString of rows */
  TandemInitiative *initiative;     /* whose rows are being gathered */
  GString          *rows;           /* its rows */
  guint             n_rows;
} AssessmentRows;

static void
free_rows (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
gather_assessment (TandemAssessment *a,
                   gpointer          data)
{
  AssessmentRows *gathered = data;
  const char *uuid = tandem_assessment_get_initiative (a);

  if (gathered->initiative == NULL || !g_str_equal (uuid, tandem_initiative_get_uuid (gathered->initiative)))
    {
      /* The store deletes an initiative's assessments with it. */
      gathered->initiative = tandem_store_lookup_initiative (gathered->store, uuid);
      if (gathered->initiative == NULL)
        return;
      gathered->rows = g_string_new (NULL);
      g_hash_table_insert (gathered->by_initiative,
                           (gpointer) tandem_initiative_get_uuid (gathered->initiative), gathered->rows);
    }

  append_assessment (gathered->rows, gathered->initiative, a);
  gathered->n_rows++;
}

/**
 * tandem_csv_export_assessments:
 * @n_rows: (out) (optional): how many assessments were written
 *
 * Every assessment, one a line, under a header naming the columns of
 * help/C/exchange.page: the initiative's UUID and title, the assessment's
 * ID, date and cell, its readiness (stage, level, the Four Co's,
 * sub-types, principles and the answers to the outcome questions, by
 * their names in Tandem JSON), each stakeholder group's own cell,
 * participants, notes and evidence.  Initiatives come in the order of
 * tandem_csv_export_initiatives(), each one's assessments oldest first.
 * Lines end with CRLF.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set if the
 *   assessments could not be read
 */
char *
tandem_csv_export_assessments (TandemStore  *store,
                               guint        *n_rows,
                               GError      **error)
{
  g_autoptr(GHashTable) by_initiative = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_rows);
  AssessmentRows gathered = { store, by_initiative, NULL, NULL, 0 };
  GListModel *initiatives;
  GString *out;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (!tandem_store_foreach_assessment (store, gather_assessment, &gathered, error))
    return NULL;

  initiatives = tandem_store_get_initiatives (store);

  out = g_string_sized_new (1024);
  append_header (out, assessment_columns, G_N_ELEMENTS (assessment_columns));
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (initiatives, i);
      GString *rows = g_hash_table_lookup (by_initiative, tandem_initiative_get_uuid (initiative));

      if (rows != NULL)
        {
          g_string_append_len (out, rows->str, rows->len);
          g_hash_table_remove (by_initiative, tandem_initiative_get_uuid (initiative));
        }
    }

  if (n_rows != NULL)
    *n_rows = gathered.n_rows;

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
