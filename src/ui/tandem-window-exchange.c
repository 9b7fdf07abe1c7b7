/* tandem-window-exchange.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-conflicts-list.h"
#include "tandem-exchange-file.h"
#include "tandem-progress-dialog.h"
#include "tandem-window-private.h"

/* Import… and Export… in the primary menu: Tandem JSON (merged by UUID,
 * conflicts settled by the user) and CSV of initiatives.  Files are read,
 * checked and compared, or written, in a worker thread behind a progress
 * dialog with Cancel; an import is then written as one undoable step.
 * Also the matrix printed, or saved as an image. */

static void
add_exchange_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (both, _("Tandem JSON and CSV"));
  gtk_file_filter_add_suffix (both, "json");
  gtk_file_filter_add_suffix (both, "csv");
  gtk_file_chooser_add_filter (chooser, both);

  gtk_file_filter_set_name (json, _("Tandem JSON (whole portfolio)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);

  gtk_file_filter_set_name (csv, _("CSV"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, csv);
}

/* ---- Work in the background ----------------------------------------------- */

typedef struct
{
  TandemWindow         *window;
  TandemStore          *store;        /* the portfolio the work began on */
  GCancellable         *cancellable;
  TandemProgressDialog *progress;
  char                 *done;         /* the toast when it is done, if any */
} Job;

static Job *
job_start (TandemWindow *self,
           const char   *title,
           const char   *detail)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (self);
  job->store = g_object_ref (self->store);
  job->cancellable = g_cancellable_new ();
  job->progress = g_object_ref (tandem_progress_dialog_new (GTK_WINDOW (self), title, detail, job->cancellable));
  g_set_object (&self->exchange_cancellable, job->cancellable);
  return job;
}

/* Closes the progress dialog and says whether the work's result is still
 * wanted: not if it failed (then the error is shown), was cancelled, or
 * another portfolio has been opened meanwhile. */
static gboolean
job_finish (Job          *job,
            const GError *error)
{
  TandemWindow *self = job->window;
  gboolean current = self->store == job->store;

  gtk_window_destroy (GTK_WINDOW (job->progress));
  if (self->exchange_cancellable == job->cancellable)
    g_clear_object (&self->exchange_cancellable);

  if (error != NULL && current && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _tandem_window_report_error (self, error);

  return error == NULL && current && !g_cancellable_is_cancelled (job->cancellable);
}

static void
job_free (Job *job)
{
  /* The dialog before its parent window: GTK 4.8 cannot finalize a
   * window whose transient parent has gone. */
  g_object_unref (job->progress);
  g_object_unref (job->window);
  g_object_unref (job->store);
  g_object_unref (job->cancellable);
  g_free (job->done);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/**
 * _tandem_window_is_exchanging:
 *
 * Whether an import or export is being read or written in the background.
 */
gboolean
_tandem_window_is_exchanging (TandemWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_WINDOW (self), FALSE);

  return self->exchange_cancellable != NULL;
}

/**
 * _tandem_window_cancel_exchange:
 *
 * Cancels the import or export under way, if any.
 */
void
_tandem_window_cancel_exchange (TandemWindow *self)
{
  g_return_if_fail (TANDEM_IS_WINDOW (self));

  if (self->exchange_cancellable != NULL)
    g_cancellable_cancel (self->exchange_cancellable);
}

/* ---- Import -------------------------------------------------------------- */

static void
apply_import (TandemWindow  *self,
              TandemChanges *changes,
              const char    *name,
              const char    *summary)
{
  g_autoptr(GError) error = NULL;
  /* Translators: the undo label of an import; %s is the file's name */
  g_autofree char *label = g_strdup_printf (_("Import “%s”"), name);

  if (!tandem_history_apply (self->history, changes, label, &error))
    {
      _tandem_window_report_error (self, error);
      return;
    }

  _tandem_window_toast (self, summary, _("_Undo"), "win.undo");
}

static char *
json_summary (TandemImport *import)
{
  TandemImportCounts counts;
  g_autofree char *added = NULL;
  g_autofree char *conflicts = NULL;

  tandem_import_get_counts (import, &counts);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u new initiative", "Imported %u new initiatives",
                                        counts.new_initiatives),
                           counts.new_initiatives);
  if (counts.conflicts == 0)
    return g_steal_pointer (&added);

  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict settled", "%u conflicts settled",
                                            counts.conflicts),
                               counts.conflicts);
  /* Translators: "Imported 3 new initiatives, 2 conflicts settled" */
  return g_strdup_printf (_("%s, %s"), added, conflicts);
}

typedef struct
{
  TandemWindow *window;
  TandemImport *import;
  char         *name;
} ConflictsData;

static void
conflicts_data_free (gpointer  user_data,
                     GClosure *closure)
{
  ConflictsData *data = user_data;

  g_object_unref (data->window);
  tandem_import_free (data->import);
  g_free (data->name);
  g_free (data);
}

static void
conflicts_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ConflictsData    *data)
{
  g_autofree char *summary = NULL;

  if (g_str_equal (response, "cancel"))
    return;

  /* "chosen" keeps what the list's toggles settled, item by item. */
  if (!g_str_equal (response, "chosen"))
    {
      TandemResolution resolution = g_str_equal (response, "theirs") ? TANDEM_KEEP_THEIRS : TANDEM_KEEP_MINE;

      for (guint i = 0; i < tandem_import_get_n_conflicts (data->import); i++)
        tandem_import_resolve (data->import, i, resolution);
    }

  summary = json_summary (data->import);
  apply_import (data->window, tandem_import_build_changes (data->import), data->name, summary);
}

/* Items changed on both sides: the user chooses whose version to keep,
 * for all of them at once or, when there are several, one by one. */
static void
ask_about_conflicts (TandemWindow *self,
                     TandemImport *import,
                     const char   *name)
{
  guint n = tandem_import_get_n_conflicts (import);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  ConflictsData *data;

  if (n == 1)
    g_string_append_printf (body, _("“%s” has an item that this portfolio also has, changed differently: %s."),
                            name, tandem_import_get_conflict (import, 0)->description);
  else
    g_string_append_printf (body,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” has %u item that this portfolio also has, changed differently. Choose the version to keep for each, or for all of them at once.",
                                         "“%s” has %u items that this portfolio also has, changed differently. Choose the version to keep for each, or for all of them at once.", n),
                            name, n);
  g_string_append (body, " ");
  g_string_append (body, _("New items are imported either way, and Undo takes the whole import back."));

  /* The body is plain text (no markup), so names need no escaping. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Keep Which Version?"), body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "mine", n == 1 ? _("Keep _Mine") : _("Keep All _Mine"),
                                    "theirs", n == 1 ? _("Keep _Theirs") : _("Keep All _Theirs"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "mine");
  if (n > 1)
    {
      adw_message_dialog_add_response (dialog, "chosen", _("_Import as Chosen"));
      adw_message_dialog_set_response_appearance (dialog, "chosen", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "chosen");
      adw_message_dialog_set_extra_child (dialog, tandem_conflicts_list_new (import));
    }
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new0 (ConflictsData, 1);
  data->window = g_object_ref (self);
  data->import = import;
  data->name = g_strdup (name);
  /* The data lives as long as the dialog, which closes after one response. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (conflicts_response_cb), data,
                         conflicts_data_free, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_json (TandemWindow *self,
             TandemImport *import,
             const char   *name)
{
  g_autofree char *summary = NULL;

  if (tandem_import_get_n_conflicts (import) > 0)
    {
      ask_about_conflicts (self, import, name);
      return;
    }

  summary = json_summary (import);
  apply_import (self, tandem_import_build_changes (import), name, summary);
  tandem_import_free (import);
}

static void
import_csv (TandemWindow          *self,
            TandemChanges         *changes,
            const TandemCsvCounts *counts,
            const char            *name)
{
  g_autofree char *summary = NULL;

  /* Translators: the counts after importing a CSV file */
  summary = g_strdup_printf (_("Imported %u new initiatives, moved %u, %u unchanged"),
                             counts->new_initiatives, counts->moved, counts->unchanged);
  if (counts->notices[0] != NULL)
    {
      g_autofree char *with_notice = g_strdup_printf (_("%s (ignored %u unknown columns)"), summary,
                                                      g_strv_length (counts->notices));

      g_free (summary);
      summary = g_steal_pointer (&with_notice);
    }

  apply_import (self, changes, name, summary);
}

/* How long to wait for the dialog to show “Writing” (a closed dialog
 * paints no more) before writing anyway. */
#define PAINT_TIMEOUT_MS 250

typedef struct
{
  Job              *job;
  TandemImportFile *file;
  GdkFrameClock    *clock;
  gulong            paint_id;
  guint             timeout_id;
} Writing;

static gboolean
write_import_idle_cb (gpointer user_data)
{
  Writing *writing = user_data;
  Job *job = writing->job;
  TandemImportFile *file = writing->file;

  /* A Cancel pressed before the writing starts still counts. */
  if (job_finish (job, NULL))
    {
      if (file->import != NULL)
        import_json (job->window, g_steal_pointer (&file->import), file->name);
      else
        import_csv (job->window, g_steal_pointer (&file->changes), &file->counts, file->name);
    }

  job_free (job);
  tandem_import_file_free (file);
  g_free (writing);
  return G_SOURCE_REMOVE;
}

/* After the first of a painted frame and the timeout: write, once. */
static void
schedule_write (Writing *writing)
{
  g_clear_signal_handler (&writing->paint_id, writing->clock);
  g_clear_object (&writing->clock);
  g_clear_handle_id (&writing->timeout_id, g_source_remove);

  g_idle_add (write_import_idle_cb, writing);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Writing       *writing)
{
  schedule_write (writing);
}

static gboolean
paint_timeout_cb (gpointer user_data)
{
  Writing *writing = user_data;

  writing->timeout_id = 0;
  schedule_write (writing);
  return G_SOURCE_REMOVE;
}

/* Writing a big import takes a moment on the main thread (the window's
 * store is not shared with the worker): say so, and write once the
 * dialog has shown it. */
static void
write_after_paint (Job              *job,
                   TandemImportFile *file)
{
  Writing *writing = g_new0 (Writing, 1);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (job->progress));

  writing->job = job;
  writing->file = file;
  tandem_progress_dialog_set_detail (job->progress, _("Writing to the portfolio"));

  if (clock != NULL)
    {
      writing->clock = g_object_ref (clock);
      writing->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), writing);
      gtk_widget_queue_draw (GTK_WIDGET (job->progress));
    }
  writing->timeout_id = g_timeout_add (PAINT_TIMEOUT_MS, paint_timeout_cb, writing);
}

static void
import_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  TandemImportFile *file = tandem_import_file_read_finish (result, &error);

  if (file == NULL || g_cancellable_is_cancelled (job->cancellable) || job->window->store != job->store)
    {
      job_finish (job, error);
      job_free (job);
      g_clear_pointer (&file, tandem_import_file_free);
      return;
    }

  write_after_paint (job, file);
}

/**
 * _tandem_window_import_file:
 * @file: CSV if its name ends “.csv”, else Tandem JSON
 *
 * Reads and checks the whole file in the background, asks about conflicts
 * if there are any, then writes it in one transaction as one undoable step
 * and says what it did.
 */
void
_tandem_window_import_file (TandemWindow *self,
                            GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  Job *job;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  if (self->store == NULL || tandem_store_get_read_only (self->store))
    return;

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the file being imported */
  detail = g_strdup_printf (_("Reading and checking “%s”"), name);
  job = job_start (self, _("Importing"), detail);
  tandem_import_file_read_async (tandem_store_get_file (self->store), file, job->cancellable,
                                 import_read_cb, job);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _tandem_window_import_file (self, file);
    }

  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = _tandem_window_chooser_new (self, _("Import"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                        G_CALLBACK (import_response_cb));
  add_exchange_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Export -------------------------------------------------------------- */

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;

  tandem_export_file_write_finish (result, &error);
  if (job_finish (job, error))
    _tandem_window_toast (job->window, job->done, NULL, NULL);
}

/**
 * _tandem_window_export_to_file:
 * @rows: if the name ends “.csv”, a row for each initiative or assessment
 *
 * Writes the portfolio to @file in the background: CSV if the name ends
 * “.csv”, else the whole portfolio as Tandem JSON.  Says when it is done.
 */
void
_tandem_window_export_to_file (TandemWindow  *self,
                               GFile         *file,
                               TandemCsvRows  rows)
{
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  Job *job;

  g_return_if_fail (TANDEM_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the file being written */
  detail = g_strdup_printf (_("Writing “%s”"), name);
  job = job_start (self, _("Exporting"), detail);
  /* Translators: %s is the name of the file written */
  job->done = g_strdup_printf (_("Exported to “%s”"), name);
  tandem_export_file_write_async (tandem_store_get_file (self->store), file, rows, job->cancellable,
                                  export_written_cb, job);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *rows = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "csv-rows");

      _tandem_window_export_to_file (self, file,
                                     g_strcmp0 (rows, "assessments") == 0 ? TANDEM_CSV_ROWS_ASSESSMENTS
                                                                          : TANDEM_CSV_ROWS_INITIATIVES);
    }

  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;

  if (self->store == NULL)
    return;

  name = tandem_store_get_name (self->store);
  suggested = g_strconcat (name, ".json", NULL);

  chooser = _tandem_window_chooser_new (self, _("Export"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        G_CALLBACK (export_response_cb));
  add_exchange_filters (GTK_FILE_CHOOSER (chooser));
  /* Only CSV has a choice: Tandem JSON is always the whole portfolio. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "csv-rows", _("CSV rows"),
                               (const char *[]) { "initiatives", "assessments", NULL },
                               (const char *[]) { _("One per initiative"), _("One per assessment"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "csv-rows", "initiatives");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- The matrix on paper and as an image ----------------------------------- */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              TandemWindow      *self)
{
  tandem_report_draw_matrix (gtk_print_context_get_cairo_context (context), self->store, TRUE,
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context));
}

/**
 * _tandem_window_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path
 *
 * Prints the matrix with its counts on one landscape page.
 */
void
_tandem_window_print (TandemWindow            *self,
                      GtkPrintOperationAction  action,
                      const char              *export_path)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  name = g_file_get_basename (tandem_store_get_file (self->store));
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _tandem_window_report_error (self, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _tandem_window_print (TANDEM_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
save_image_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        TandemWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !tandem_report_write_sheet (self->store, path, TRUE, &error))
        {
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Images can only be saved to local files"));
          _tandem_window_report_error (self, error);
        }
      else
        {
          /* Translators: %s is the name of the image file written */
          g_autofree char *title = g_strdup_printf (_("Saved the matrix to “%s”"), name);

          _tandem_window_toast (self, title, NULL, NULL);
        }
    }

  g_object_unref (dialog);
}

static void
save_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TandemWindow *self = TANDEM_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  chooser = _tandem_window_chooser_new (self, _("Save Matrix as Image"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), G_CALLBACK (save_image_response_cb));
  gtk_file_filter_set_name (images, _("PNG, SVG or A3 PDF"));
  gtk_file_filter_add_suffix (images, "png");
  gtk_file_filter_add_suffix (images, "svg");
  gtk_file_filter_add_suffix (images, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("matrix.png"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_tandem_window_class_exchange_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.save-matrix-image", NULL, save_image_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
