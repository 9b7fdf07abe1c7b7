/* tandem-report-dialog.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-report-dialog"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-report-dialog.h"
#include "tandem-window-private.h"

/* Choose what a PDF portfolio report holds (the movement over a period,
 * and which initiatives get a page) and write it.  The writing runs in a
 * thread with its own read-only store, into a hidden file beside the one
 * chosen; only once it is complete, and not cancelled, does it take the
 * chosen name.  Closing the dialog cancels it.
 *
 * The list of initiatives to choose from recycles its rows, so it stays
 * quick with ten thousand; which are chosen is a set of UUIDs, not state
 * kept in the rows. */

#define PROGRESS_INTERVAL_MS 100

typedef struct
{
  GWeakRef   dialog;      /* the write does not keep a closed dialog alive */
  char      *portfolio;   /* opened again in the thread */
  char      *from;        /* NULL: no movement page */
  char      *to;
  GPtrArray *uuids;       /* NULL: every initiative */
  GFile     *file;        /* where the report goes */
  char      *path;
  char      *temp_path;   /* where it is written first, beside it */
  guint      n_pages;
  int        done;        /* progress, set by the thread */
  int        total;
} Job;

struct _TandemReportDialog
{
  AdwWindow             parent_instance;

  TandemStore          *store;
  TandemInitiative     *selected;       /* the window's, or NULL */
  GHashTable           *chosen;         /* UUIDs, owned */
  GHashTable           *bound;          /* the GtkListItems showing an initiative */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  char                 *search;         /* casefolded */
  gboolean              setting_rows;   /* the checks change, not the choice */
  char                 *period_error;
  char                 *error;
  GtkFileChooserNative *chooser;

  Job                  *job;            /* the write the dialog shows, owned by its task */
  GCancellable         *cancellable;
  guint                 n_running;      /* writes not finished, cancelled ones too */
  guint                 progress_source;

  /* Template widgets */
  GtkWidget            *save_button;
  GtkStack             *stack;
  GtkLabel             *error_label;
  GtkSwitch            *period_switch;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkLabel             *period_label;
  AdwActionRow         *all_row;
  AdwActionRow         *selected_row;
  AdwActionRow         *chosen_row;
  GtkCheckButton       *all_check;
  GtkCheckButton       *selected_check;
  GtkCheckButton       *chosen_check;
  GtkWidget            *chooser_box;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *stop_button;
};

G_DEFINE_FINAL_TYPE (TandemReportDialog, tandem_report_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (gpointer data)
{
  Job *job = data;

  g_weak_ref_clear (&job->dialog);
  g_free (job->portfolio);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->uuids, g_ptr_array_unref);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->temp_path);
  g_free (job);
}

/* ---- What the dialog says ---------------------------------------------------- */

static void
show_error (TandemReportDialog *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_save_button (TandemReportDialog *self)
{
  gtk_widget_set_sensitive (self->save_button, tandem_report_dialog_can_save (self));
}

static void
flag_row (AdwEntryRow *row,
          const char  *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Says under the dates, and on the rows concerned, what is wrong with
 * them, as they are typed. */
static void
check_period (TandemReportDialog *self)
{
  gboolean wanted = gtk_switch_get_active (self->period_switch);
  g_autofree char *from = row_text (self->from_row);
  g_autofree char *to = row_text (self->to_row);
  g_autoptr(GError) error = NULL;
  gboolean bad_from = FALSE, bad_to = FALSE;

  if (wanted && !tandem_date_check (from, _("From"), &error))
    bad_from = TRUE;
  else if (wanted && !tandem_date_check (to, _("To"), &error))
    bad_to = TRUE;
  else if (wanted && strcmp (from, to) > 0)   /* ISO dates compare as strings */
    {
      g_set_error_literal (&error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                           _("The From date is after the To date."));
      bad_from = bad_to = TRUE;
    }

  g_free (self->period_error);
  self->period_error = error ? g_strdup (error->message) : NULL;

  flag_row (self->from_row, bad_from ? self->period_error : NULL);
  flag_row (self->to_row, bad_to ? self->period_error : NULL);
  gtk_label_set_text (self->period_label, self->period_error ? self->period_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), self->period_error != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), wanted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), wanted);

  update_save_button (self);
}

static void
period_changed_cb (TandemReportDialog *self)
{
  check_period (self);
}

static char *
count_text (TandemReportDialog *self)
{
  guint total = g_list_model_get_n_items (tandem_store_get_initiatives (self->store));
  guint n = g_hash_table_size (self->chosen);

  /* Translators: how many initiatives are chosen, of how many */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u initiative",
                                       "%u of %u initiatives", total), n, total);
}

static void
update_counts (TandemReportDialog *self)
{
  g_autofree char *text = count_text (self);

  gtk_label_set_text (self->count_label, text);
  adw_action_row_set_subtitle (self->chosen_row, text);
}

static void
update_rows (TandemReportDialog *self)
{
  guint total = g_list_model_get_n_items (tandem_store_get_initiatives (self->store));
  g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "A page for %u initiative",
                                                       "A page for each of the %u initiatives", total),
                                          total);

  adw_action_row_set_subtitle (self->all_row, all);

  /* The subtitle is the title as typed: the row does not use markup. */
  if (self->selected != NULL)
    adw_action_row_set_subtitle (self->selected_row, tandem_initiative_get_title (self->selected));
  else
    adw_action_row_set_subtitle (self->selected_row, _("No initiative is selected in the window"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->selected_row), self->selected != NULL);

  update_counts (self);
}

/* ---- Choosing initiatives ---------------------------------------------------- */

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  TandemReportDialog *self = user_data;

  return tandem_initiative_matches (item, self->search);
}

static void
search_changed_cb (TandemReportDialog *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The search entry takes Escape for itself: the first clears the search,
 * the next closes the dialog as Escape does everywhere else in it. */
static void
stop_search_cb (TandemReportDialog *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
filtered_changed_cb (TandemReportDialog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
set_check_quietly (TandemReportDialog *self,
                   GtkListItem        *item)
{
  TandemInitiative *initiative = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);

  self->setting_rows = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->chosen, tandem_initiative_get_uuid (initiative)));
  self->setting_rows = FALSE;
}

static void
set_chosen (TandemReportDialog *self,
            TandemInitiative   *initiative,
            gboolean            chosen)
{
  const char *uuid = tandem_initiative_get_uuid (initiative);

  if (chosen)
    g_hash_table_add (self->chosen, g_strdup (uuid));
  else
    g_hash_table_remove (self->chosen, uuid);
}

static void
row_toggled_cb (GtkCheckButton     *check,
                TandemReportDialog *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (check), "list-item");
  TandemInitiative *initiative = gtk_list_item_get_item (item);

  if (self->setting_rows || initiative == NULL)
    return;

  set_chosen (self, initiative, gtk_check_button_get_active (check));
  update_counts (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TandemReportDialog       *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  /* The title, read as the check's name. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_object_set (check, "margin-start", 6, "margin-end", 6, "margin-top", 3, "margin-bottom", 3, NULL);

  g_object_set_data (G_OBJECT (check), "list-item", item);
  g_signal_connect (check, "toggled", G_CALLBACK (row_toggled_cb), self);

  /* The check is what takes the focus and is clicked. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, check);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TandemReportDialog       *self)
{
  TandemInitiative *initiative = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))),
                      tandem_initiative_get_title (initiative));
  set_check_quietly (self, item);
  g_hash_table_add (self->bound, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TandemReportDialog       *self)
{
  g_hash_table_remove (self->bound, item);
}

/* Select All and Select None act on what the search shows. */
static void
choose_shown (TandemReportDialog *self,
              gboolean            chosen)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (shown);
  GHashTableIter iter;
  gpointer item;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (shown, i);

      set_chosen (self, initiative, chosen);
    }

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    set_check_quietly (self, item);

  update_counts (self);
}

static void
select_all_cb (TandemReportDialog *self)
{
  choose_shown (self, TRUE);
}

static void
select_none_cb (TandemReportDialog *self)
{
  choose_shown (self, FALSE);
}

static void
scope_toggled_cb (TandemReportDialog *self)
{
  gtk_widget_set_visible (self->chooser_box,
                          tandem_report_dialog_get_scope (self) == TANDEM_REPORT_SCOPE_CHOSEN);
}

/* The UUIDs to give a page, in the order of the list (by title); NULL for
 * all of them. */
static GPtrArray *
collect_uuids (TandemReportDialog *self)
{
  GListModel *initiatives = tandem_store_get_initiatives (self->store);
  GPtrArray *uuids;
  guint n;

  switch (tandem_report_dialog_get_scope (self))
    {
    case TANDEM_REPORT_SCOPE_ALL:
      return NULL;

    case TANDEM_REPORT_SCOPE_SELECTED:
      uuids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (uuids, g_strdup (tandem_initiative_get_uuid (self->selected)));
      return uuids;

    case TANDEM_REPORT_SCOPE_CHOSEN:
    default:
      uuids = g_ptr_array_new_with_free_func (g_free);
      n = g_list_model_get_n_items (initiatives);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TandemInitiative) initiative = g_list_model_get_item (initiatives, i);
          const char *uuid = tandem_initiative_get_uuid (initiative);

          if (g_hash_table_contains (self->chosen, uuid))
            g_ptr_array_add (uuids, g_strdup (uuid));
        }
      return uuids;
    }
}

/* ---- Writing ----------------------------------------------------------------- */

static void
set_running (TandemReportDialog *self,
             int                 change)
{
  gboolean was_busy = self->n_running > 0;

  self->n_running += change;
  if (was_busy != (self->n_running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_progress (TandemReportDialog *self)
{
  g_autofree char *status = NULL;
  int done = g_atomic_int_get (&self->job->done);
  int total = g_atomic_int_get (&self->job->total);

  if (g_cancellable_is_cancelled (self->cancellable))
    status = g_strdup (_("Stopping…"));
  else if (total == 0)
    status = g_strdup (_("Reading the portfolio…"));
  else
    /* Translators: the matrix, the movement and each initiative are sections */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Writing the report: %d of %d section done",
                                           "Writing the report: %d of %d sections done", total),
                              done, total);

  gtk_label_set_text (self->status_label, status);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  update_progress (user_data);

  return G_SOURCE_CONTINUE;
}

static void
show_writing (TandemReportDialog *self,
              gboolean            writing)
{
  gtk_stack_set_visible_child_name (self->stack, writing ? "busy" : "form");
  /* A spinner only costs frames while it spins. */
  gtk_spinner_set_spinning (self->spinner, writing);
  gtk_widget_set_sensitive (self->stop_button, writing);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (writing)
    {
      update_progress (self);
      self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_tick_cb, self);
      g_source_set_name_by_id (self->progress_source, "[tandem] report progress");
      gtk_widget_grab_focus (self->stop_button);
    }
  else
    gtk_widget_grab_focus (self->save_button);

  update_save_button (self);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GFile) portfolio = g_file_new_for_path (job->portfolio);
  g_autoptr(TandemStore) store = NULL;
  TandemReportOptions options = {
    .from = job->from,
    .to = job->to,
    .uuids = job->uuids,
    .cancellable = cancellable,
    .progress = progress_cb,
    .progress_data = job,
  };
  GError *error = NULL;

  /* A connection of its own: the window's store belongs to the main
   * thread. */
  store = tandem_store_open (portfolio, TANDEM_STORE_READ_ONLY, &error);
  if (store == NULL ||
      !tandem_report_write_pdf (store, &options, job->temp_path, &job->n_pages, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(TandemReportDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;

  /* Renamed here, on the thread where Cancel is pressed, so a cancelled
   * report never takes the chosen name.  (Cancelled, the task fails even
   * if the thread had finished.) */
  if (g_task_propagate_boolean (task, &error) && g_rename (job->temp_path, job->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the report to “%s”: %s"), job->path, g_strerror (saved_errno));
    }
  if (error != NULL)
    g_unlink (job->temp_path);

  /* The dialog is gone, and only the file was left to tidy. */
  if (self == NULL)
    return;

  set_running (self, -1);
  if (job != self->job)
    return;

  self->job = NULL;
  g_clear_object (&self->cancellable);
  show_writing (self, FALSE);

  if (error == NULL)
    {
      g_signal_emit (self, signals[SAVED], 0, job->file, job->n_pages);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

/* An empty file beside @path, with a name no one else will take, to write
 * into; it has the permissions a new file would have. */
static char *
make_temp_file (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the report to “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&temp);
}

static void
cancel (TandemReportDialog *self)
{
  if (self->cancellable == NULL)
    return;

  /* The dialog stays busy until the thread has stopped and the file is
   * gone: see written_cb(). */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (self->stop_button, FALSE);
  update_progress (self);
}

static void
stop_clicked_cb (TandemReportDialog *self)
{
  cancel (self);
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     TandemReportDialog *self)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tandem_report_dialog_save_to_file (self, file);
    }
}

static void
save_clicked_cb (TandemReportDialog *self)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;

  if (!tandem_report_dialog_can_save (self) || self->chooser != NULL)
    return;

  name = tandem_store_get_name (self->store);
  /* Translators: the suggested file name; %s is the portfolio's name */
  suggested = g_strdup_printf (_("%s report.pdf"), name);

  self->chooser = _tandem_chooser_new (GTK_WINDOW (self), _("Save Report"),
                                       GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- GObject ----------------------------------------------------------------- */

static gboolean
tandem_report_dialog_close_request (GtkWindow *window)
{
  cancel (TANDEM_REPORT_DIALOG (window));

  return GTK_WINDOW_CLASS (tandem_report_dialog_parent_class)->close_request (window);
}

static void
tandem_report_dialog_dispose (GObject *object)
{
  TandemReportDialog *self = (TandemReportDialog *)object;

  /* A write still running only has its file to tidy now. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->job = NULL;
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_REPORT_DIALOG);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_report_dialog_parent_class)->dispose (object);
}

static void
tandem_report_dialog_finalize (GObject *object)
{
  TandemReportDialog *self = (TandemReportDialog *)object;

  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->search);
  g_free (self->period_error);
  g_free (self->error);

  G_OBJECT_CLASS (tandem_report_dialog_parent_class)->finalize (object);
}

static void
tandem_report_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TandemReportDialog *self = TANDEM_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tandem_report_dialog_is_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_report_dialog_class_init (TandemReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_report_dialog_dispose;
  object_class->finalize = tandem_report_dialog_finalize;
  object_class->get_property = tandem_report_dialog_get_property;

  window_class->close_request = tandem_report_dialog_close_request;

  /**
   * TandemReportDialog:busy:
   *
   * Whether a report is being written, or a cancelled one tidied away.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemReportDialog::saved:
   * @file: the report written
   * @n_pages: how many pages it has
   *
   * The report was written; the dialog closes next.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandem/Tandem/tandem-report-dialog.ui");

  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, period_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, period_label);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, selected_row);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, selected_check);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, chosen_check);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, chooser_box);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemReportDialog, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_none_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_report_dialog_init (TandemReportDialog *self)
{
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API -------------------------------------------------------------- */

/**
 * tandem_report_dialog_new:
 * @selected: (nullable): the initiative selected in the window, offered
 *   as “Only the selected initiative”
 *
 * A modal dialog over @parent to choose and write a PDF report of @store.
 */
GtkWidget *
tandem_report_dialog_new (GtkWindow        *parent,
                          TandemStore      *store,
                          TandemInitiative *selected)
{
  TandemReportDialog *self;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  g_autofree char *today = tandem_date_today ();
  g_autofree char *last_year = tandem_date_years_before (today, 1);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (selected == NULL || TANDEM_IS_INITIATIVE (selected), NULL);

  self = g_object_new (TANDEM_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->selected, selected);

  /* The store's list is already sorted by title. */
  self->filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (tandem_store_get_initiatives (store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (filtered_changed_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);
  filtered_changed_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), last_year);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), today);
  update_rows (self);
  check_period (self);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->save_button);

  return GTK_WIDGET (self);
}

/**
 * tandem_report_dialog_set_dates:
 * @from: (nullable): "YYYY-MM-DD", or %NULL to leave it
 * @to: (nullable): "YYYY-MM-DD", or %NULL to leave it
 *
 * Fills in the period, as if typed.
 */
void
tandem_report_dialog_set_dates (TandemReportDialog *self,
                                const char         *from,
                                const char         *to)
{
  g_return_if_fail (TANDEM_IS_REPORT_DIALOG (self));

  if (from != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  if (to != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

/**
 * tandem_report_dialog_set_scope:
 *
 * Picks which initiatives get a page, as the radio buttons do.  The
 * selected initiative can only be picked if there is one.
 */
void
tandem_report_dialog_set_scope (TandemReportDialog *self,
                                TandemReportScope   scope)
{
  GtkCheckButton *check;

  g_return_if_fail (TANDEM_IS_REPORT_DIALOG (self));

  switch (scope)
    {
    case TANDEM_REPORT_SCOPE_SELECTED:
      g_return_if_fail (self->selected != NULL);
      check = self->selected_check;
      break;

    case TANDEM_REPORT_SCOPE_CHOSEN:
      check = self->chosen_check;
      break;

    case TANDEM_REPORT_SCOPE_ALL:
    default:
      check = self->all_check;
      break;
    }

  gtk_check_button_set_active (check, TRUE);
}

TandemReportScope
tandem_report_dialog_get_scope (TandemReportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_DIALOG (self), TANDEM_REPORT_SCOPE_ALL);

  if (gtk_check_button_get_active (self->chosen_check))
    return TANDEM_REPORT_SCOPE_CHOSEN;
  if (gtk_check_button_get_active (self->selected_check) && self->selected != NULL)
    return TANDEM_REPORT_SCOPE_SELECTED;

  return TANDEM_REPORT_SCOPE_ALL;
}

/**
 * tandem_report_dialog_get_n_chosen:
 *
 * Returns: how many initiatives are ticked in the list, whether or not
 *   the list is in use
 */
guint
tandem_report_dialog_get_n_chosen (TandemReportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_DIALOG (self), 0);

  return g_hash_table_size (self->chosen);
}

/**
 * tandem_report_dialog_can_save:
 *
 * Returns: whether Save PDF… would do anything: the period is right (or
 *   left out) and no report is being written
 */
gboolean
tandem_report_dialog_can_save (TandemReportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_DIALOG (self), FALSE);

  return self->store != NULL && self->period_error == NULL && self->n_running == 0;
}

/**
 * tandem_report_dialog_save_to_file:
 * @file: where to write the PDF; replaced if it exists
 *
 * Starts writing the report as chosen in the dialog, as Save PDF… does
 * once a file is chosen.  When it is written the dialog emits
 * #TandemReportDialog::saved and closes; if it fails, it says why.
 *
 * Returns: %TRUE if the writing started; %FALSE if the period is wrong,
 *   another report is being written, or @file is not a local file
 */
gboolean
tandem_report_dialog_save_to_file (TandemReportDialog *self,
                                   GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temp_path = NULL;
  Job *job;

  g_return_val_if_fail (TANDEM_IS_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!tandem_report_dialog_can_save (self))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Reports can only be saved to files on this computer."));
      return FALSE;
    }

  temp_path = make_temp_file (path, &error);
  if (temp_path == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->dialog, self);
  job->portfolio = g_file_get_path (tandem_store_get_file (self->store));
  if (gtk_switch_get_active (self->period_switch))
    {
      job->from = row_text (self->from_row);
      job->to = row_text (self->to_row);
    }
  job->uuids = collect_uuids (self);
  job->file = g_object_ref (file);
  job->path = g_steal_pointer (&path);
  job->temp_path = g_steal_pointer (&temp_path);

  show_error (self, NULL);
  self->job = job;
  self->cancellable = g_cancellable_new ();
  set_running (self, 1);

  task = g_task_new (NULL, self->cancellable, written_cb, NULL);
  g_task_set_source_tag (task, tandem_report_dialog_save_to_file);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, write_thread);

  show_writing (self, TRUE);

  return TRUE;
}

/**
 * tandem_report_dialog_is_busy:
 *
 * Returns: whether a report is being written, or a cancelled one has not
 *   yet been tidied away
 */
gboolean
tandem_report_dialog_is_busy (TandemReportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_DIALOG (self), FALSE);

  return self->n_running > 0;
}

/**
 * tandem_report_dialog_get_error:
 *
 * Returns: (nullable): what the dialog says is wrong: why the last report
 *   could not be written, else what is wrong with the period, or %NULL
 */
const char *
tandem_report_dialog_get_error (TandemReportDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_REPORT_DIALOG (self), NULL);

  return self->error != NULL ? self->error : self->period_error;
}
