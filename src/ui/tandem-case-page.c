/* tandem-case-page.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-case-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-case-editor.h"
#include "tandem-case-page.h"
#include "tandem-drop-down.h"
#include "tandem-case-row.h"

struct _TandemCasePage
{
  AdwBin           parent_instance;

  TandemCaseStudy *case_study;
  TandemStore     *store;
  TandemHistory   *history;
  GListModel      *cases;          /* the store's list, watched for deletions */
  TandemMatrix    *matrix;         /* the store's wording, watched for changes */
  gboolean         show_back_button;

  /* The rows made for the case shown, removed before each refresh. */
  GPtrArray       *outcome_rows;
  GPtrArray       *source_rows;
  GPtrArray       *cell_rows;

  GtkStringList   *link_cells;     /* the nine cells, for the Link pop-over */

  /* Template widgets */
  GtkWidget            *toolbar;
  GtkWidget            *back_button;
  GtkWidget            *edit_button;
  GtkWidget            *duplicate_button;
  GtkWidget            *delete_button;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkLabel             *origin_badge;
  GtkWidget            *generic_badge;
  AdwPreferencesGroup  *about_group;
  AdwActionRow         *place_row;
  AdwActionRow         *country_row;
  AdwActionRow         *service_area_row;
  AdwActionRow         *period_row;
  AdwActionRow         *cos_row;
  GtkWidget            *summary_box;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *outcomes_group;
  GtkWidget            *change_box;
  GtkLabel             *change_label;
  GtkWidget            *learning_box;
  GtkWidget            *learning_list;
  GtkWidget            *tags_box;
  GtkLabel             *tags_label;
  AdwPreferencesGroup  *sources_group;
  AdwPreferencesGroup  *cells_group;
  GtkWidget            *link_button;
  GtkPopover           *link_popover;
  GtkDropDown          *link_cell_dropdown;
  GtkEntry             *link_note_entry;
};

G_DEFINE_FINAL_TYPE (TandemCasePage, tandem_case_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASE_STUDY,
  PROP_STORE,
  PROP_HISTORY,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

enum {
  DUPLICATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define CELL_ROW(index) ((index) / TANDEM_MATRIX_SIZE + 1)
#define CELL_COL(index) ((index) % TANDEM_MATRIX_SIZE + 1)

static void update (TandemCasePage *self);

/* ---- Helpers ---------------------------------------------------------------- */

static gboolean
is_read_only (TandemCasePage *self)
{
  return self->store == NULL || self->history == NULL || tandem_store_get_read_only (self->store);
}

/* Shows @message through one of the window's toast actions, taking plain
 * text; outside a window, it goes to the log instead. */
static void
toast (TandemCasePage *self,
       const char     *action_name,
       const char     *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), action_name, "s", message))
    g_message ("%s", message);
}

static void
report_error (TandemCasePage *self,
              const GError   *error)
{
  toast (self, "win.toast", error->message);
}

static const char *
cell_label (TandemCasePage *self,
            guint           row,
            guint           col)
{
  g_autofree char *key = NULL;
  const char *label;

  if (self->matrix != NULL)
    return tandem_matrix_get_cell_label (self->matrix, row, col);

  key = tandem_matrix_cell_key (row, col);
  label = tandem_matrix_get_standard_label (key);

  return label != NULL ? label : "";
}

/* "ROW,COL · label", plain text. */
static char *
format_cell (TandemCasePage *self,
             guint           row,
             guint           col)
{
  g_autofree char *address = tandem_cell_to_string (row, col);

  /* Translators: a cell of the service-design matrix: its address, such
   * as "2,2", then its label, such as "Full co-production" */
  return g_strdup_printf (_("%s · %s"), address, cell_label (self, row, col));
}

static const char *
basis_label (TandemLinkBasis basis)
{
  switch (basis)
    {
    case TANDEM_LINK_SOURCE:
      return _("As the source describes it");
    case TANDEM_LINK_TANDEM:
      return _("Tandem’s reading");
    case TANDEM_LINK_USER:
    default:
      return _("Your link");
    }
}

/* The address to open for a source's URL: as it is if it is a web
 * address, with "https://" in front if it has no scheme, or %NULL if it
 * is not a web address.  Other schemes (file:, or whatever a shared
 * portfolio might hold) are never handed to the desktop to open. */
static char *
web_address (const char *url)
{
  g_autofree char *address = g_strstrip (g_strdup (url ? url : ""));
  const char *scheme;

  if (address[0] == '\0')
    return NULL;

  scheme = g_uri_peek_scheme (address);
  if (scheme == NULL || strchr (scheme, '.') != NULL)
    {
      char *with_scheme = g_strconcat ("https://", address, NULL);

      g_free (address);
      address = with_scheme;
    }
  else if (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https"))
    return NULL;

  if (!g_uri_is_valid (address, G_URI_FLAGS_PARSE_RELAXED, NULL))
    return NULL;

  return g_steal_pointer (&address);
}

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  adw_action_row_set_subtitle (row, value);
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));

  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  g_ptr_array_add (rows, row);
  adw_preferences_group_add (group, row);
}

/* An AdwActionRow whose title and subtitle are plain text. */
static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* ---- Sources ------------------------------------------------------------------ */

static void
copy_address_clicked_cb (GtkButton      *button,
                         TandemCasePage *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), url);
  toast (self, "win.toast", _("Address copied"));
}

static void
open_address_clicked_cb (GtkButton      *button,
                         TandemCasePage *self)
{
  const char *address = g_object_get_data (G_OBJECT (button), "address");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, address, GDK_CURRENT_TIME);
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *label,
                 const char *description)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return button;
}

static GtkWidget *
plain_label_new (const char *text,
                 gboolean    selectable)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       "selectable", selectable,
                       NULL);
}

/* A source: its document, who wrote it and when, and its address, which
 * is always shown (and can be selected) so the reader knows where a link
 * leads before following it.  AdwActionRow has no room for a third line
 * in libadwaita 1.2, so the row is laid out here, the same way. */
static GtkWidget *
source_row_new (TandemCasePage     *self,
                const TandemSource *source)
{
  g_autofree char *meta = NULL;
  g_autofree char *address = web_address (source->url);
  const char *document = source->document[0] != '\0' ? source->document : _("Untitled source");
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;

  if (source->author[0] != '\0' && source->year[0] != '\0')
    /* Translators: who wrote a source, then the year it appeared */
    meta = g_strdup_printf (_("%s · %s"), source->author, source->year);
  else
    meta = g_strdup (source->author[0] != '\0' ? source->author : source->year);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), document);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, document,
                                  -1);

  g_object_set (box,
                "margin-top", 8,
                "margin-bottom", 8,
                "margin-start", 12,
                "margin-end", 6,
                NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);

  gtk_box_append (GTK_BOX (texts), plain_label_new (document, TRUE));

  if (meta[0] != '\0')
    {
      label = plain_label_new (meta, FALSE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
    }

  if (source->url[0] != '\0')
    {
      GtkWidget *button;

      label = plain_label_new (source->url, TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);

      button = icon_button_new ("edit-copy-symbolic", _("Copy Address"), document);
      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (source->url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (copy_address_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);

      if (address != NULL)
        {
          button = icon_button_new ("web-browser-symbolic", _("Open in Browser"), document);
          g_object_set_data_full (G_OBJECT (button), "address", g_steal_pointer (&address), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (open_address_clicked_cb), self);
          gtk_box_append (GTK_BOX (box), button);
        }
    }

  return row;
}

/* ---- Matrix cells ----------------------------------------------------------- */

static void
unlink_clicked_cb (GtkButton      *button,
                   TandemCasePage *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row"));
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "col"));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->case_study == NULL || is_read_only (self))
    return;

  /* The row holding this button goes away with the link: keep the focus
   * in the group. */
  gtk_widget_grab_focus (self->link_button);

  id = g_strdup (tandem_case_study_get_id (self->case_study));
  if (!tandem_history_unlink_case_study (self->history, id, row, col, &error))
    report_error (self, error);
}

static GtkWidget *
cell_row_new (TandemCasePage       *self,
              const TandemCaseLink *link)
{
  g_autofree char *title = format_cell (self, link->row, link->col);
  g_autofree char *subtitle = NULL;
  g_autofree char *address = tandem_cell_to_string (link->row, link->col);
  g_autofree char *unlink_label = NULL;
  GtkWidget *row;
  GtkWidget *button;

  if (link->note != NULL && link->note[0] != '\0' &&
      link->user_note && link->basis != TANDEM_LINK_USER)
    /* Translators: why the library links a case study to a cell, then the
     * note the user wrote on that link */
    subtitle = g_strdup_printf (_("%s — your note: %s"), basis_label (link->basis), link->note);
  else if (link->note != NULL && link->note[0] != '\0')
    /* Translators: why a case study is linked to a cell, then the note */
    subtitle = g_strdup_printf (_("%s — %s"), basis_label (link->basis), link->note);
  else
    subtitle = g_strdup (basis_label (link->basis));

  row = text_row_new (title, subtitle);

  /* Translators: the accessible name of a button; %s is a cell such as 2,2 */
  unlink_label = g_strdup_printf (_("Unlink from %s"), address);
  /* A plain label: a mnemonic would add its text to the accessible name. */
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), gtk_label_new (_("Unlink")));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, unlink_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_label,
                                  -1);
  gtk_widget_set_visible (button, !is_read_only (self));
  g_object_set_data (G_OBJECT (button), "row", GUINT_TO_POINTER (link->row));
  g_object_set_data (G_OBJECT (button), "col", GUINT_TO_POINTER (link->col));
  g_signal_connect (button, "clicked", G_CALLBACK (unlink_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
fill_link_cells (TandemCasePage *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->link_cells));
  guint selected = gtk_drop_down_get_selected (self->link_cell_dropdown);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    g_ptr_array_add (strings, format_cell (self, CELL_ROW (i), CELL_COL (i)));
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (self->link_cells, 0, n_items, (const char * const *) strings->pdata);

  if (selected < TANDEM_N_CELLS)
    gtk_drop_down_set_selected (self->link_cell_dropdown, selected);
}

static void
link_popover_shown_cb (TandemCasePage *self)
{
  guint first = 0;

  /* Offer the first cell the case is not linked to yet. */
  if (self->case_study != NULL)
    for (guint i = 0; i < TANDEM_N_CELLS; i++)
      if (!tandem_case_study_is_linked (self->case_study, CELL_ROW (i), CELL_COL (i)))
        {
          first = i;
          break;
        }

  gtk_drop_down_set_selected (self->link_cell_dropdown, first);
  gtk_editable_set_text (GTK_EDITABLE (self->link_note_entry), "");
}

static void
link_confirmed_cb (TandemCasePage *self)
{
  guint index = gtk_drop_down_get_selected (self->link_cell_dropdown);
  g_autofree char *note = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (self->case_study == NULL || is_read_only (self) || index >= TANDEM_N_CELLS)
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_note_entry))));
  id = g_strdup (tandem_case_study_get_id (self->case_study));

  gtk_popover_popdown (self->link_popover);

  if (!tandem_history_link_case_study (self->history, id, CELL_ROW (index), CELL_COL (index),
                                       note, &error))
    report_error (self, error);
}

/* ---- Showing the case ------------------------------------------------------- */

static char *
format_cos (TandemCos cos)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < TANDEM_N_COS; i++)
    if (cos & (1u << i))
      g_ptr_array_add (labels, (gpointer) tandem_cos_get_label (1u << i));
  g_ptr_array_add (labels, NULL);

  /* Translators: the separator between the Four Co's a case shows */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static void
update_learning (TandemCasePage *self)
{
  const char * const *learning = tandem_case_study_get_learning (self->case_study);
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (self->learning_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->learning_list), child);

  for (guint i = 0; learning[i] != NULL; i++)
    {
      GtkWidget *item;
      GtkWidget *label;

      if (learning[i][0] == '\0')
        continue;

      item = g_object_new (GTK_TYPE_BOX,
                           "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                           "spacing", 8,
                           NULL);
      gtk_box_append (GTK_BOX (item), g_object_new (GTK_TYPE_LABEL,
                                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                    "label", "•",
                                                    "yalign", 0.0f,
                                                    NULL));
      label = plain_label_new (learning[i], TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (item), label);
      gtk_box_append (GTK_BOX (self->learning_list), item);
      any = TRUE;
    }

  gtk_widget_set_visible (self->learning_box, any);
}

static void
update_tags (TandemCasePage *self)
{
  const char * const *tags = tandem_case_study_get_tags (self->case_study);
  g_autofree char *text = NULL;

  /* Translators: the separator between a case study's tags */
  text = g_strjoinv (_(", "), (char **) tags);
  gtk_label_set_text (self->tags_label, text);
  gtk_widget_set_visible (self->tags_box, text[0] != '\0');
}

static void
update_outcomes (TandemCasePage *self)
{
  guint n = tandem_case_study_get_n_outcomes (self->case_study);

  clear_rows (self->outcomes_group, self->outcome_rows);

  for (guint i = 0; i < n; i++)
    {
      const TandemOutcome *outcome = tandem_case_study_get_outcome (self->case_study, i);
      GtkWidget *row = text_row_new (outcome->figure, outcome->period);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      add_row (self->outcomes_group, self->outcome_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->outcomes_group), n > 0);
}

static void
update_sources (TandemCasePage *self)
{
  guint n = tandem_case_study_get_n_sources (self->case_study);

  clear_rows (self->sources_group, self->source_rows);

  for (guint i = 0; i < n; i++)
    add_row (self->sources_group, self->source_rows,
             source_row_new (self, tandem_case_study_get_source (self->case_study, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), n > 0);
}

static void
update_cells (TandemCasePage *self)
{
  guint n = tandem_case_study_get_n_links (self->case_study);
  gboolean any = FALSE;

  clear_rows (self->cells_group, self->cell_rows);

  for (guint i = 0; i < n; i++)
    {
      const TandemCaseLink *link = tandem_case_study_get_link (self->case_study, i);

      if (link->hidden)
        continue;

      add_row (self->cells_group, self->cell_rows, cell_row_new (self, link));
      any = TRUE;
    }

  adw_preferences_group_set_description (self->cells_group,
                                         any ? NULL : _("Not linked to any cell yet."));
  gtk_widget_set_visible (self->link_button, !is_read_only (self));
}

static void
update (TandemCasePage *self)
{
  TandemCaseStudy *cs = self->case_study;
  gboolean read_only = is_read_only (self);
  gboolean bundled;
  g_autofree char *cos = NULL;

  gtk_widget_set_visible (self->back_button, self->show_back_button);

  if (cs == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (self->duplicate_button, FALSE);
      gtk_widget_set_visible (self->delete_button, FALSE);
      gtk_widget_set_visible (self->toolbar, self->show_back_button);
      clear_rows (self->outcomes_group, self->outcome_rows);
      clear_rows (self->sources_group, self->source_rows);
      clear_rows (self->cells_group, self->cell_rows);
      return;
    }

  bundled = tandem_case_study_get_bundled (cs);
  gtk_widget_set_visible (self->edit_button, !read_only && !bundled);
  gtk_widget_set_visible (self->duplicate_button, !read_only);
  gtk_widget_set_visible (self->delete_button, !read_only && !bundled);
  gtk_widget_set_visible (self->toolbar, self->show_back_button || !read_only);

  gtk_label_set_text (self->title_label, tandem_case_study_get_title (cs));
  gtk_label_set_text (self->origin_badge, bundled ? _("Library") : _("Yours"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->origin_badge),
                               bundled ? _("From Tandem’s library; duplicate it to make your own version")
                                       : _("One of your own case studies"));
  gtk_widget_set_visible (self->generic_badge, tandem_case_study_get_generic (cs));

  cos = format_cos (tandem_case_study_get_cos (cs));
  set_row_value (self->place_row, tandem_case_study_get_place (cs));
  set_row_value (self->country_row, tandem_case_study_get_country (cs));
  set_row_value (self->service_area_row, tandem_case_study_get_service_area (cs));
  set_row_value (self->period_row, tandem_case_study_get_period (cs));
  set_row_value (self->cos_row, cos);
  gtk_widget_set_visible (GTK_WIDGET (self->about_group),
                          gtk_widget_get_visible (GTK_WIDGET (self->place_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->country_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->service_area_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->period_row)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->cos_row)));

  gtk_label_set_text (self->summary_label, tandem_case_study_get_summary (cs));
  gtk_widget_set_visible (self->summary_box, tandem_case_study_get_summary (cs)[0] != '\0');

  gtk_label_set_text (self->change_label, tandem_case_study_get_change_notes (cs));
  gtk_widget_set_visible (self->change_box, tandem_case_study_get_change_notes (cs)[0] != '\0');

  update_learning (self);
  update_tags (self);
  update_outcomes (self);
  update_sources (self);
  update_cells (self);

  gtk_stack_set_visible_child_name (self->stack, "case");
}

/* ---- Signal handlers --------------------------------------------------------- */

static void
case_study_changed_cb (TandemCasePage *self)
{
  update (self);
}

/* The case shown may have been deleted, here or by undoing its addition. */
static void
cases_changed_cb (TandemCasePage *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *cases)
{
  if (self->case_study == NULL || removed == 0)
    return;

  if (tandem_store_lookup_case_study (self->store, tandem_case_study_get_id (self->case_study)) != self->case_study)
    tandem_case_page_set_case_study (self, NULL);
}

static void
matrix_label_changed_cb (TandemCasePage *self)
{
  fill_link_cells (self);
  if (self->case_study != NULL)
    update_cells (self);
}

static void
read_only_changed_cb (TandemCasePage *self)
{
  update (self);
}

static void
edit_clicked_cb (TandemCasePage *self)
{
  tandem_case_page_open_editor (self);
}

static void
duplicate_clicked_cb (TandemCasePage *self)
{
  g_autoptr(GError) error = NULL;
  TandemCaseStudy *copy;

  if (self->case_study == NULL || is_read_only (self))
    return;

  copy = tandem_history_duplicate_case_study (self->history,
                                              tandem_case_study_get_id (self->case_study),
                                              &error);
  if (copy == NULL)
    {
      report_error (self, error);
      return;
    }

  g_object_ref (copy);
  g_signal_emit (self, signals[DUPLICATED], 0, copy);
  tandem_case_page_set_case_study (self, copy);
  g_object_unref (copy);
}

static void
delete_clicked_cb (TandemCasePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (self->case_study == NULL || is_read_only (self) ||
      tandem_case_study_get_bundled (self->case_study))
    return;

  id = g_strdup (tandem_case_study_get_id (self->case_study));
  title = g_strdup (tandem_case_study_get_title (self->case_study));

  if (!tandem_history_delete_case_study (self->history, id, &error))
    {
      report_error (self, error);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), title);
  toast (self, "win.toast-undo", message);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
disconnect_store (TandemCasePage *self)
{
  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_data (self->cases, self);
  if (self->matrix != NULL)
    g_signal_handlers_disconnect_by_data (self->matrix, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_object (&self->cases);
  g_clear_object (&self->matrix);
}

static void
tandem_case_page_dispose (GObject *object)
{
  TandemCasePage *self = (TandemCasePage *)object;

  if (self->case_study != NULL)
    g_signal_handlers_disconnect_by_data (self->case_study, self);
  g_clear_object (&self->case_study);

  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  /* The template's top widget is AdwBin's child: let AdwBin drop it first,
   * or both AdwBin and the template would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CASE_PAGE);

  g_clear_object (&self->link_cells);

  G_OBJECT_CLASS (tandem_case_page_parent_class)->dispose (object);
}

static void
tandem_case_page_finalize (GObject *object)
{
  TandemCasePage *self = (TandemCasePage *)object;

  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cell_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_case_page_parent_class)->finalize (object);
}

static void
tandem_case_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TandemCasePage *self = TANDEM_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE_STUDY:
      g_value_set_object (value, self->case_study);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TandemCasePage *self = TANDEM_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE_STUDY:
      tandem_case_page_set_case_study (self, g_value_get_object (value));
      break;

    case PROP_SHOW_BACK_BUTTON:
      tandem_case_page_set_show_back_button (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_page_class_init (TandemCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_case_page_dispose;
  object_class->finalize = tandem_case_page_finalize;
  object_class->get_property = tandem_case_page_get_property;
  object_class->set_property = tandem_case_page_set_property;

  /**
   * TandemCasePage:case-study:
   *
   * The live case study shown, or %NULL to show that none is selected.
   */
  properties[PROP_CASE_STUDY] =
    g_param_spec_object ("case-study", NULL, NULL,
                         TANDEM_TYPE_CASE_STUDY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemCasePage:store:
   *
   * The portfolio the case study belongs to; set with
   * tandem_case_page_set_store().
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TANDEM_TYPE_STORE,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemCasePage:history:
   *
   * The undo history every change goes through; set with
   * tandem_case_page_set_store().  Without one the page is read-only.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         TANDEM_TYPE_HISTORY,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemCasePage:show-back-button:
   *
   * Whether to show a button back to the list, as on a narrow window.
   */
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemCasePage::duplicated:
   * @copy: the new, live copy
   *
   * Emitted after the user duplicated the case study shown, so that the
   * list can select the copy.  The page shows the copy afterwards.
   */
  signals[DUPLICATED] =
    g_signal_new ("duplicated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TANDEM_TYPE_CASE_STUDY);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandem/Tandem/tandem-case-page.ui");

  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, origin_badge);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, generic_badge);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, about_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, place_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, country_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, service_area_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, period_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, cos_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, outcomes_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, change_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, change_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, learning_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, learning_list);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, tags_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, cells_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, link_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, link_popover);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, link_cell_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemCasePage, link_note_entry);

  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_confirmed_cb);
}

static void
tandem_case_page_init (TandemCasePage *self)
{
  g_autoptr(GtkListItemFactory) shown = NULL;
  g_autoptr(GtkListItemFactory) listed = NULL;

  self->outcome_rows = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();
  self->cell_rows = g_ptr_array_new ();
  self->link_cells = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  shown = _tandem_case_label_factory_new (FALSE);
  listed = _tandem_case_label_factory_new (TRUE);
  gtk_drop_down_set_factory (self->link_cell_dropdown, shown);
  gtk_drop_down_set_list_factory (self->link_cell_dropdown, listed);
  gtk_drop_down_set_model (self->link_cell_dropdown, G_LIST_MODEL (self->link_cells));
  _tandem_drop_down_name_button (self->link_cell_dropdown, _("Cell"));
  fill_link_cells (self);

  update (self);
}

/* ---- Public API ----------------------------------------------------------------- */

/**
 * tandem_case_page_new:
 *
 * Returns: (transfer full): a new page showing no case study
 */
GtkWidget *
tandem_case_page_new (void)
{
  return g_object_new (TANDEM_TYPE_CASE_PAGE, NULL);
}

/**
 * tandem_case_page_get_case_study:
 *
 * Returns: (transfer none) (nullable): the case study shown
 */
TandemCaseStudy *
tandem_case_page_get_case_study (TandemCasePage *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_PAGE (self), NULL);

  return self->case_study;
}

/**
 * tandem_case_page_set_case_study:
 * @case_study: (nullable): the live case study to show
 *
 * Shows @case_study, from the top, and follows its changes.
 */
void
tandem_case_page_set_case_study (TandemCasePage  *self,
                                 TandemCaseStudy *case_study)
{
  g_return_if_fail (TANDEM_IS_CASE_PAGE (self));
  g_return_if_fail (case_study == NULL || TANDEM_IS_CASE_STUDY (case_study));

  if (self->case_study == case_study)
    return;

  if (self->case_study != NULL)
    g_signal_handlers_disconnect_by_data (self->case_study, self);

  g_set_object (&self->case_study, case_study);

  if (case_study != NULL)
    {
      g_signal_connect_object (case_study, "notify",
                               G_CALLBACK (case_study_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (case_study, "changed",
                               G_CALLBACK (case_study_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_popover_popdown (self->link_popover);
  update (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_STUDY]);
}

/**
 * tandem_case_page_get_store:
 *
 * Returns: (transfer none) (nullable): the portfolio
 */
TandemStore *
tandem_case_page_get_store (TandemCasePage *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_PAGE (self), NULL);

  return self->store;
}

/**
 * tandem_case_page_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history changes go through
 */
TandemHistory *
tandem_case_page_get_history (TandemCasePage *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_PAGE (self), NULL);

  return self->history;
}

/**
 * tandem_case_page_set_store:
 * @store: (nullable): the portfolio the case studies shown belong to
 * @history: (nullable): its undo history; without one, nothing can be changed
 *
 * Names cells with @store's wording, watches it for the case shown being
 * deleted, and sends every change through @history.  A case study shown
 * that is not @store's is no longer shown.
 */
void
tandem_case_page_set_store (TandemCasePage *self,
                            TandemStore    *store,
                            TandemHistory  *history)
{
  gboolean store_changed;
  gboolean history_changed;

  g_return_if_fail (TANDEM_IS_CASE_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));
  g_return_if_fail (history == NULL || TANDEM_IS_HISTORY (history));

  store_changed = self->store != store;
  history_changed = self->history != history;

  if (store_changed)
    {
      disconnect_store (self);
      g_set_object (&self->store, store);

      if (store != NULL)
        {
          self->cases = g_object_ref (tandem_store_get_case_studies (store));
          self->matrix = g_object_ref (tandem_store_get_matrix (store));
          g_signal_connect_object (self->cases, "items-changed",
                                   G_CALLBACK (cases_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->matrix, "label-changed",
                                   G_CALLBACK (matrix_label_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (store, "notify::read-only",
                                   G_CALLBACK (read_only_changed_cb), self, G_CONNECT_SWAPPED);
        }
    }

  g_set_object (&self->history, history);

  if (self->case_study != NULL &&
      (store == NULL ||
       tandem_store_lookup_case_study (store, tandem_case_study_get_id (self->case_study)) != self->case_study))
    tandem_case_page_set_case_study (self, NULL);

  fill_link_cells (self);
  update (self);

  if (store_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (history_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

gboolean
tandem_case_page_get_show_back_button (TandemCasePage *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_PAGE (self), FALSE);

  return self->show_back_button;
}

/**
 * tandem_case_page_set_show_back_button:
 *
 * Shows or hides the button back to the list ("case-view.show-list").
 */
void
tandem_case_page_set_show_back_button (TandemCasePage *self,
                                       gboolean        show_back_button)
{
  g_return_if_fail (TANDEM_IS_CASE_PAGE (self));

  show_back_button = !!show_back_button;
  if (self->show_back_button == show_back_button)
    return;

  self->show_back_button = show_back_button;
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}

/**
 * tandem_case_page_open_editor:
 *
 * Opens a #TandemCaseEditor on the case study shown, over the window the
 * page is in.  Only the user's own case studies can be edited, and only
 * in a writable portfolio.
 *
 * Returns: %TRUE if an editor was opened
 */
gboolean
tandem_case_page_open_editor (TandemCasePage *self)
{
  GtkRoot *root;
  GtkWidget *editor;

  g_return_val_if_fail (TANDEM_IS_CASE_PAGE (self), FALSE);

  if (self->case_study == NULL || is_read_only (self) ||
      tandem_case_study_get_bundled (self->case_study))
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = tandem_case_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->history, self->case_study);
  gtk_window_present (GTK_WINDOW (editor));

  return TRUE;
}
