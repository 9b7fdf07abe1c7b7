/* tandem-exchange-file.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-exchange-file.h"

/* Import and export of whole files in a worker thread.  A portfolio's
 * connection belongs to the thread that opened it, so the worker opens the
 * portfolio again, read-only, for itself: a 75 MB import is read, checked
 * and compared without holding up the window, and only the writing (one
 * transaction, one undoable step) is left to the caller's store. */

/**
 * tandem_exchange_is_csv_name:
 * @name: a file name or path
 *
 * Whether @name is a CSV file (it ends “.csv” or “.CSV”); anything else is
 * taken for Tandem JSON.  The window and tandem-cli both go by this.
 */
gboolean
tandem_exchange_is_csv_name (const char *name)
{
  return g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV");
}

/**
 * tandem_exchange_load_file:
 *
 * Reads the whole of @file in one go when its size is known (GIO's
 * g_file_load_bytes() reads a 75 MB import in thousands of small reads).
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
tandem_exchange_load_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  gsize size, n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return g_file_load_bytes (file, cancellable, NULL, error);

  size = g_file_info_get_size (info);
  buffer = g_malloc (MAX (size, 1));
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, size, &n_read, cancellable, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), n_read);
}

void
tandem_import_file_free (TandemImportFile *file)
{
  if (file == NULL)
    return;

  g_free (file->name);
  g_clear_pointer (&file->import, tandem_import_free);
  g_clear_pointer (&file->changes, tandem_changes_free);
  tandem_csv_counts_clear (&file->counts);
  g_free (file);
}

typedef struct
{
  GFile         *portfolio;
  GFile         *other;      /* the file imported, or exported to */
  TandemCsvRows  rows;       /* for an export to CSV */
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->portfolio);
  g_object_unref (request->other);
  g_free (request);
}

static GTask *
new_task (GFile               *portfolio,
          GFile               *other,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->portfolio = g_object_ref (portfolio);
  request->other = g_object_ref (other);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  /* An import or export at once, not queued behind other work. */
  g_task_set_return_on_cancel (task, TRUE);
  return task;
}

static TandemImportFile *
read_import (Request       *request,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(TandemImportFile) file = g_new0 (TandemImportFile, 1);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;

  file->name = g_file_get_basename (request->other);
  bytes = tandem_exchange_load_file (request->other, cancellable, error);
  if (bytes == NULL)
    return NULL;

  store = tandem_store_open (request->portfolio, TANDEM_STORE_READ_ONLY, error);
  if (store == NULL)
    return NULL;

  if (tandem_exchange_is_csv_name (file->name))
    file->changes = tandem_csv_read_initiatives (store, bytes, file->name, &file->counts, error);
  else
    file->import = tandem_exchange_read_json (store, bytes, file->name, error);

  if (file->changes == NULL && file->import == NULL)
    return NULL;

  return g_steal_pointer (&file);
}

static void
read_import_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  TandemImportFile *file = read_import (task_data, cancellable, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, (GDestroyNotify) tandem_import_file_free);
}

/**
 * tandem_import_file_read_async:
 * @portfolio: the portfolio's file, to compare with
 * @source: the file to import: CSV if its name ends “.csv”, else Tandem JSON
 *
 * Reads @source and checks all of it against @portfolio in a worker
 * thread.  Cancelling returns at once with %G_IO_ERROR_CANCELLED.
 */
void
tandem_import_file_read_async (GFile               *portfolio,
                               GFile               *source,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (portfolio));
  g_return_if_fail (G_IS_FILE (source));

  task = new_task (portfolio, source, cancellable, callback, user_data, tandem_import_file_read_async);
  g_task_run_in_thread (task, read_import_thread);
}

/**
 * tandem_import_file_read_finish:
 *
 * Returns: (transfer full): what the file holds and what importing it
 *   would do, or %NULL with @error set
 */
TandemImportFile *
tandem_import_file_read_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tandem_import_file_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
write_export (Request       *request,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *name = g_file_get_basename (request->other);
  g_autoptr(TandemStore) store = NULL;
  g_autofree char *text = NULL;

  store = tandem_store_open (request->portfolio, TANDEM_STORE_READ_ONLY, error);
  if (store == NULL)
    return FALSE;

  if (!tandem_exchange_is_csv_name (name))
    text = tandem_exchange_export_json (store, NULL, error);
  else if (request->rows == TANDEM_CSV_ROWS_ASSESSMENTS)
    text = tandem_csv_export_assessments (store, NULL, error);
  else
    text = tandem_csv_export_initiatives (store);
  if (text == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Written beside the old file and renamed over it: never half a file. */
  return g_file_replace_contents (request->other, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}

static void
write_export_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_export (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_export_file_write_async:
 * @portfolio: the portfolio's file
 * @target: where to write: CSV if the name ends “.csv”, else the whole
 *   portfolio as Tandem JSON
 * @rows: for CSV, a row for each initiative or for each assessment
 *
 * Exports in a worker thread; @target is replaced only once all of it is
 * written.  Cancelling returns at once and leaves @target as it was.
 */
void
tandem_export_file_write_async (GFile               *portfolio,
                                GFile               *target,
                                TandemCsvRows        rows,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (portfolio));
  g_return_if_fail (G_IS_FILE (target));

  task = new_task (portfolio, target, cancellable, callback, user_data, tandem_export_file_write_async);
  ((Request *) g_task_get_task_data (task))->rows = rows;
  g_task_run_in_thread (task, write_export_thread);
}

gboolean
tandem_export_file_write_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tandem_export_file_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
