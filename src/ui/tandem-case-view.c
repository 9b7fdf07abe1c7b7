/* tandem-case-view.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-case-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-case-page.h"
#include "tandem-case-row.h"
#include "tandem-case-view.h"
#include "tandem-drop-down.h"

/* The list goes store → filter (search, cell, Co, service area, country)
 * → selection; the store's list is already sorted by title.  The page shows
 * the case last selected until it is deleted, even when an edit or a
 * filter takes it out of the list for a while. */

struct _TandemCaseView
{
  AdwBin              parent_instance;

  TandemStore        *store;
  TandemHistory      *history;
  GListModel         *cases;
  TandemMatrix       *matrix;
  TandemCaseStudy    *selected;

  /* What the list shows: see TandemCaseFilter. */
  guint               row;
  guint               col;
  TandemCos           cos;
  char               *service_area;
  char               *country;
  GHashTable         *search_ids;     /* NULL when not searching */

  GtkStringList      *cell_choices;
  GtkStringList      *cos_choices;
  GtkStringList      *area_choices;
  GtkStringList      *country_choices;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  /* Non-zero while the view itself changes a selection. */
  guint               syncing;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkWidget          *add_button;
  GtkDropDown        *cell_dropdown;
  GtkDropDown        *cos_dropdown;
  GtkDropDown        *service_area_dropdown;
  GtkDropDown        *country_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *clear_filters_button;
  TandemCasePage     *page;
};

G_DEFINE_FINAL_TYPE (TandemCaseView, tandem_case_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CELL_INDEX(row, col) (((row) - 1) * TANDEM_MATRIX_SIZE + ((col) - 1))
#define CELL_ROW(index)      ((index) / TANDEM_MATRIX_SIZE + 1)
#define CELL_COL(index)      ((index) % TANDEM_MATRIX_SIZE + 1)

/* ---- Helpers ------------------------------------------------------------------ */

static gboolean
is_read_only (TandemCaseView *self)
{
  return self->store == NULL || self->history == NULL || tandem_store_get_read_only (self->store);
}

static void
report_error (TandemCaseView *self,
              const GError   *error)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message))
    g_message ("%s", error->message);
}

static const char *
cell_label (TandemCaseView *self,
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

static gboolean
find_position (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether the keyboard focus is on @widget or inside it. */
static gboolean
contains_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus;

  if (root == NULL)
    return FALSE;

  focus = gtk_root_get_focus (root);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Selects @position of @dropdown without the view reacting to it. */
static void
select_quietly (TandemCaseView *self,
                GtkDropDown    *dropdown,
                guint           position)
{
  self->syncing++;
  gtk_drop_down_set_selected (dropdown, position);
  self->syncing--;
}

/* Replaces the choices after the first ("Any …") with @strings. */
static void
splice_choices (TandemCaseView *self,
                GtkDropDown    *dropdown,
                GtkStringList  *list,
                GPtrArray      *strings)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (strings, NULL);
  self->syncing++;
  gtk_string_list_splice (list, 1, n_items - 1, (const char * const *) strings->pdata);
  self->syncing--;
  g_ptr_array_remove_index (strings, strings->len - 1);
}

/* ---- Filtering ------------------------------------------------------------------ */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TandemCaseView *self = user_data;
  TandemCaseFilter filter = {
    .row = self->row,
    .col = self->col,
    .cos = self->cos,
    .service_area = self->service_area,
    .country = self->country,
    .ids = self->search_ids,
  };

  return tandem_case_filter_matches (&filter, item);
}

static gboolean
filtering (TandemCaseView *self)
{
  return self->search_ids != NULL || self->row != 0 || self->cos != 0 ||
         self->service_area != NULL || self->country != NULL;
}

static void
update_count (TandemCaseView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->cases != NULL ? g_list_model_get_n_items (self->cases) : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u case study", "%u case studies", total),
                            total);
  else
    /* Translators: how many case studies the search and filters leave, of all */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u case study", "%u of %u case studies", total),
                            shown, total);

  gtk_label_set_text (self->count_label, text);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (total > 0)
        adw_status_page_set_description (self->empty_page, _("Try a different search or other filters."));
      else if (!is_read_only (self))
        adw_status_page_set_description (self->empty_page, _("Add one with the + button."));
      else
        adw_status_page_set_description (self->empty_page, NULL);

      gtk_widget_set_visible (self->clear_filters_button, total > 0 && filtering (self));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
refilter (TandemCaseView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static char *
dup_choice (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (gtk_drop_down_get_selected (dropdown) == 0 || item == NULL)
    return NULL;

  return g_strdup (gtk_string_object_get_string (item));
}

/* Takes what the four drop-downs say. */
static void
read_filters (TandemCaseView *self)
{
  guint cell = gtk_drop_down_get_selected (self->cell_dropdown);
  guint co = gtk_drop_down_get_selected (self->cos_dropdown);

  if (cell >= 1 && cell <= TANDEM_N_CELLS)
    {
      self->row = CELL_ROW (cell - 1);
      self->col = CELL_COL (cell - 1);
    }
  else
    self->row = self->col = 0;

  self->cos = co >= 1 && co <= TANDEM_N_COS ? 1u << (co - 1) : 0;

  g_free (self->service_area);
  self->service_area = dup_choice (self->service_area_dropdown);
  g_free (self->country);
  self->country = dup_choice (self->country_dropdown);
}

static void
filter_selected_cb (TandemCaseView *self)
{
  if (self->syncing)
    return;

  read_filters (self);
  refilter (self);
}

/* Runs the full-text search again, for example after an edit. */
static void
search (TandemCaseView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->search_ids, g_hash_table_unref);

  if (text[0] == '\0' || self->store == NULL)
    return;

  self->search_ids = tandem_store_search_case_studies (self->store, text, &error);
  if (self->search_ids == NULL)
    {
      report_error (self, error);
      /* Nothing matches a search that could not be run. */
      self->search_ids = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

static void
search_changed_cb (TandemCaseView *self)
{
  search (self);
  refilter (self);
}

static void
stop_search_cb (TandemCaseView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
}

/* Shows everything: no search and every drop-down on "Any …". */
static void
clear_filters (TandemCaseView *self)
{
  self->syncing++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->cell_dropdown, 0);
  gtk_drop_down_set_selected (self->cos_dropdown, 0);
  gtk_drop_down_set_selected (self->service_area_dropdown, 0);
  gtk_drop_down_set_selected (self->country_dropdown, 0);
  self->syncing--;

  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  read_filters (self);
  refilter (self);
}

static void
clear_filters_clicked_cb (TandemCaseView *self)
{
  clear_filters (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Filter choices ------------------------------------------------------------- */

static void
fill_cell_choices (TandemCaseView *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_drop_down_get_selected (self->cell_dropdown);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      g_autofree char *address = tandem_cell_to_string (CELL_ROW (i), CELL_COL (i));

      /* Translators: a cell of the service-design matrix: its address, such
       * as "2,2", then its label, such as "Full co-production" */
      g_ptr_array_add (strings, g_strdup_printf (_("%s · %s"), address,
                                                 cell_label (self, CELL_ROW (i), CELL_COL (i))));
    }

  splice_choices (self, self->cell_dropdown, self->cell_choices, strings);
  select_quietly (self, self->cell_dropdown, selected <= TANDEM_N_CELLS ? selected : 0);
}

/* Whether two values are the same to the filter, which ignores case. */
static gboolean
same_value (const char *a,
            const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The distinct, non-empty values of a case-study field, ignoring case as
 * the filter does, sorted. */
static GPtrArray *
collect_values (TandemCaseView *self,
                const char     *(*get) (TandemCaseStudy *self))
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  guint n = self->cases != NULL ? g_list_model_get_n_items (self->cases) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TandemCaseStudy) cs = g_list_model_get_item (self->cases, i);
      g_autofree char *value = g_strstrip (g_strdup (get (cs)));
      char *key;

      if (value[0] == '\0')
        continue;

      key = g_utf8_casefold (value, -1);
      if (g_hash_table_add (seen, key))
        g_ptr_array_add (values, g_steal_pointer (&value));
    }

  g_ptr_array_sort (values, compare_strings);

  return values;
}

/* Rebuilds a list of values after "Any …".  The current choice stays
 * chosen; with @keep_missing it stays even if no case study has that value
 * any more (the user sees why the list is empty and can clear it), else
 * the drop-down goes back to "Any …".  Returns %TRUE if the choice went. */
static gboolean
fill_value_choices (TandemCaseView  *self,
                    GtkDropDown     *dropdown,
                    GtkStringList   *list,
                    const char      *(*get) (TandemCaseStudy *self),
                    gboolean         keep_missing)
{
  g_autoptr(GPtrArray) values = collect_values (self, get);
  g_autofree char *current = dup_choice (dropdown);
  guint position = 0;

  if (current != NULL)
    {
      for (guint i = 0; i < values->len && position == 0; i++)
        if (same_value (g_ptr_array_index (values, i), current))
          position = i + 1;

      if (position == 0 && keep_missing)
        {
          g_ptr_array_add (values, g_strdup (current));
          g_ptr_array_sort (values, compare_strings);
          g_ptr_array_find_with_equal_func (values, current, g_str_equal, &position);
          position++;
        }
    }

  splice_choices (self, dropdown, list, values);
  select_quietly (self, dropdown, position);

  return current != NULL && position == 0;
}

static void
fill_choices (TandemCaseView *self,
              gboolean        keep_missing)
{
  gboolean lost = FALSE;

  lost |= fill_value_choices (self, self->service_area_dropdown, self->area_choices,
                              tandem_case_study_get_service_area, keep_missing);
  lost |= fill_value_choices (self, self->country_dropdown, self->country_choices,
                              tandem_case_study_get_country, keep_missing);

  if (lost)
    read_filters (self);
}

/* ---- Selection ---------------------------------------------------------------- */

static void
show (TandemCaseView  *self,
      TandemCaseStudy *case_study)
{
  if (!g_set_object (&self->selected, case_study))
    return;

  tandem_case_page_set_case_study (self->page, case_study);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
show_list (TandemCaseView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Keeps the selection on the case shown after the lists changed: an edit
 * takes the case out and puts it back, and a deletion takes it away. */
static void
sync_selection (TandemCaseView *self)
{
  TandemCaseStudy *live = NULL;
  guint position;

  if (self->selected == NULL)
    return;

  if (self->store != NULL)
    live = tandem_store_lookup_case_study (self->store, tandem_case_study_get_id (self->selected));

  if (live == NULL)
    {
      gboolean on_page = adw_leaflet_get_folded (self->leaflet) &&
                         adw_leaflet_get_visible_child (self->leaflet) != self->list_pane;
      gboolean had_focus = contains_focus (GTK_WIDGET (self->page));

      self->syncing++;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->syncing--;
      show (self, NULL);
      if (on_page)
        show_list (self);
      /* The page has nothing left to focus: go back to the list. */
      if (had_focus)
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return;
    }

  show (self, live);

  if (gtk_single_selection_get_selected_item (self->selection) == (gpointer) live)
    return;

  if (find_position (G_LIST_MODEL (self->filtered), live, &position))
    {
      self->syncing++;
      gtk_single_selection_set_selected (self->selection, position);
      self->syncing--;
    }
}

static void
selection_changed_cb (TandemCaseView *self)
{
  TandemCaseStudy *item;

  if (self->syncing)
    return;

  /* Nothing selected: the case shown stays, unless it is gone (see
   * sync_selection()). */
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL)
    show (self, item);
}

static void
filtered_changed_cb (TandemCaseView *self)
{
  sync_selection (self);
  update_count (self);
}

/* After the case studies changed: the one shown may be gone, the service
 * areas and countries to choose from may be others, and the search may
 * find other case studies. */
static void
cases_changed_cb (TandemCaseView *self)
{
  sync_selection (self);
  fill_choices (self, TRUE);

  if (self->search_ids != NULL)
    {
      search (self);
      refilter (self);
    }
  else
    update_count (self);
}

/* Brings the page forward on a narrow window. */
static void
show_case (TandemCaseView *self)
{
  if (self->selected != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Enter, a double click, or on a narrow window a single click. */
static void
list_activated_cb (TandemCaseView *self,
                   guint           position)
{
  g_autoptr(TandemCaseStudy) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  show (self, item);
  show_case (self);

  /* The keyboard follows: Tab from the list would not reach a page that
   * has just slid in, and on a wide window Enter is how to start reading. */
  gtk_widget_child_focus (GTK_WIDGET (self->page), GTK_DIR_TAB_FORWARD);
}

static void
page_duplicated_cb (TandemCaseView  *self,
                    TandemCaseStudy *copy)
{
  tandem_case_view_select (self, tandem_case_study_get_id (copy));
}

/* ---- Actions ----------------------------------------------------------------- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  TandemCaseView *self = TANDEM_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  TandemCaseStudy *cs;

  if (is_read_only (self))
    return;

  cs = tandem_history_add_case_study (self->history, _("New case study"), &error);
  if (cs == NULL)
    {
      report_error (self, error);
      return;
    }

  tandem_case_view_select (self, tandem_case_study_get_id (cs));
  show_case (self);
  tandem_case_page_open_editor (self->page);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TandemCaseView *self = TANDEM_CASE_VIEW (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
update_read_only (TandemCaseView *self)
{
  gboolean read_only = is_read_only (self);

  gtk_widget_set_visible (self->add_button, !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case-view.add", !read_only);
  update_count (self);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
disconnect_store (TandemCaseView *self)
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
tandem_case_view_dispose (GObject *object)
{
  TandemCaseView *self = (TandemCaseView *)object;

  disconnect_store (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);

  /* The template's top widget is AdwBin's child: let AdwBin drop it first,
   * or both AdwBin and the template would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CASE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->cell_choices);
  g_clear_object (&self->cos_choices);
  g_clear_object (&self->area_choices);
  g_clear_object (&self->country_choices);
  g_clear_object (&self->selected);
  g_clear_object (&self->store);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (tandem_case_view_parent_class)->dispose (object);
}

static void
tandem_case_view_finalize (GObject *object)
{
  TandemCaseView *self = (TandemCaseView *)object;

  g_clear_pointer (&self->service_area, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_case_view_parent_class)->finalize (object);
}

static void
tandem_case_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TandemCaseView *self = TANDEM_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_view_class_init (TandemCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_case_view_dispose;
  object_class->finalize = tandem_case_view_finalize;
  object_class->get_property = tandem_case_view_get_property;

  /**
   * TandemCaseView:store:
   *
   * The portfolio whose case studies are listed; set with
   * tandem_case_view_set_store().
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TANDEM_TYPE_STORE,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemCaseView:selected:
   *
   * The live case study shown, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         TANDEM_TYPE_CASE_STUDY,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TANDEM_TYPE_CASE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandem/Tandem/tandem-case-view.ui");

  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, add_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, cell_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, cos_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, service_area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, list_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseView, page);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_duplicated_cb);

  gtk_widget_class_install_action (widget_class, "case-view.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "case-view.show-list", NULL, show_list_action);
}

static void
setup_dropdown (GtkDropDown   *dropdown,
                GtkStringList *choices,
                gboolean       searchable)
{
  g_autoptr(GtkListItemFactory) shown = _tandem_case_label_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) listed = _tandem_case_label_factory_new (TRUE);

  gtk_drop_down_set_factory (dropdown, shown);
  gtk_drop_down_set_list_factory (dropdown, listed);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));

  if (searchable)
    {
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (dropdown, expression);
      gtk_drop_down_set_enable_search (dropdown, TRUE);
      gtk_expression_unref (expression);
    }
}

static void
tandem_case_view_init (TandemCaseView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->cell_choices = gtk_string_list_new (NULL);
  self->cos_choices = gtk_string_list_new (NULL);
  self->area_choices = gtk_string_list_new (NULL);
  self->country_choices = gtk_string_list_new (NULL);

  gtk_string_list_append (self->cell_choices, _("Any cell"));
  gtk_string_list_append (self->cos_choices, _("Any Co"));
  for (guint i = 0; i < TANDEM_N_COS; i++)
    gtk_string_list_append (self->cos_choices, tandem_cos_get_label (1u << i));
  gtk_string_list_append (self->area_choices, _("Any service area"));
  gtk_string_list_append (self->country_choices, _("Any country"));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->syncing++;
  setup_dropdown (self->cell_dropdown, self->cell_choices, FALSE);
  setup_dropdown (self->cos_dropdown, self->cos_choices, FALSE);
  setup_dropdown (self->service_area_dropdown, self->area_choices, TRUE);
  setup_dropdown (self->country_dropdown, self->country_choices, TRUE);
  _tandem_drop_down_name_button (self->cell_dropdown, _("Cell"));
  _tandem_drop_down_name_button (self->cos_dropdown, _("Co"));
  _tandem_drop_down_name_button (self->service_area_dropdown, _("Service area"));
  _tandem_drop_down_name_button (self->country_dropdown, _("Country"));
  self->syncing--;
  fill_cell_choices (self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* Connected after the selection's own handler, so the selection is up
   * to date when these run. */
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = tandem_case_row_factory_new ();
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);

  update_read_only (self);
}

/* ---- Public API ----------------------------------------------------------------- */

/**
 * tandem_case_view_new:
 *
 * Returns: (transfer full): a new view listing no case studies
 */
GtkWidget *
tandem_case_view_new (void)
{
  return g_object_new (TANDEM_TYPE_CASE_VIEW, NULL);
}

/**
 * tandem_case_view_get_store:
 *
 * Returns: (transfer none) (nullable): the portfolio listed
 */
TandemStore *
tandem_case_view_get_store (TandemCaseView *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_VIEW (self), NULL);

  return self->store;
}

/**
 * tandem_case_view_set_store:
 * @store: (nullable): the portfolio whose case studies to list
 * @history: (nullable): its undo history; without one, nothing can be changed
 *
 * Lists @store's case studies, with nothing selected and no search, and
 * offers its service areas and countries as filters.  The cell, Co,
 * service-area and country filters stay as they were where they can.
 */
void
tandem_case_view_set_store (TandemCaseView *self,
                            TandemStore    *store,
                            TandemHistory  *history)
{
  gboolean store_changed;

  g_return_if_fail (TANDEM_IS_CASE_VIEW (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));
  g_return_if_fail (history == NULL || TANDEM_IS_HISTORY (history));

  store_changed = self->store != store;

  self->syncing++;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing--;
  show (self, NULL);

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_set_object (&self->history, history);

  /* A search's results belong to the portfolio it ran on. */
  self->syncing++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->syncing--;
  g_clear_pointer (&self->search_ids, g_hash_table_unref);

  if (store != NULL)
    {
      self->cases = g_object_ref (tandem_store_get_case_studies (store));
      self->matrix = g_object_ref (tandem_store_get_matrix (store));
    }

  tandem_case_page_set_store (self->page, store, history);
  gtk_filter_list_model_set_model (self->filtered, self->cases);

  /* After the filter model's own handler, which must see the change first. */
  if (store != NULL)
    {
      g_signal_connect_object (self->cases, "items-changed",
                               G_CALLBACK (cases_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->matrix, "label-changed",
                               G_CALLBACK (fill_cell_choices), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::read-only",
                               G_CALLBACK (update_read_only), self, G_CONNECT_SWAPPED);
    }

  fill_cell_choices (self);
  fill_choices (self, FALSE);
  read_filters (self);
  refilter (self);
  update_read_only (self);
  show_list (self);

  if (store_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tandem_case_view_set_cell_filter:
 * @row: with @col, the cell to show case studies of; 0 for any cell
 * @col: see @row
 *
 * Shows only the case studies linked to a cell, as the Cell drop-down does.
 */
void
tandem_case_view_set_cell_filter (TandemCaseView *self,
                                  guint           row,
                                  guint           col)
{
  guint position = 0;

  g_return_if_fail (TANDEM_IS_CASE_VIEW (self));
  g_return_if_fail ((row == 0 && col == 0) || tandem_cell_is_valid (row, col));

  if (row != 0)
    position = 1 + CELL_INDEX (row, col);

  /* Changing the selection runs filter_selected_cb(). */
  gtk_drop_down_set_selected (self->cell_dropdown, position);
}

/**
 * tandem_case_view_select:
 * @id: (nullable): the case study to select, or %NULL for none
 *
 * Selects a case study and shows it, clearing the search and the filters
 * if they hide it.
 *
 * Returns: %TRUE if the case study exists
 */
gboolean
tandem_case_view_select (TandemCaseView *self,
                         const char     *id)
{
  TandemCaseStudy *live;
  guint position;

  g_return_val_if_fail (TANDEM_IS_CASE_VIEW (self), FALSE);

  if (id == NULL)
    {
      self->syncing++;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->syncing--;
      show (self, NULL);
      return TRUE;
    }

  if (self->store == NULL || (live = tandem_store_lookup_case_study (self->store, id)) == NULL)
    return FALSE;

  if (!find_position (G_LIST_MODEL (self->filtered), live, &position))
    {
      clear_filters (self);
      if (!find_position (G_LIST_MODEL (self->filtered), live, &position))
        return FALSE;
    }

  self->syncing++;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing--;
  show (self, live);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

/**
 * tandem_case_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the case study shown
 */
TandemCaseStudy *
tandem_case_view_get_selected (TandemCaseView *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_VIEW (self), NULL);

  return self->selected;
}

/**
 * tandem_case_view_get_filtered_model:
 *
 * Returns: (transfer none): the case studies the list shows, in order
 */
GListModel *
tandem_case_view_get_filtered_model (TandemCaseView *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * tandem_case_view_focus_search:
 *
 * Shows the list, on a narrow window too, and puts the keyboard focus
 * into its search entry.
 */
void
tandem_case_view_focus_search (TandemCaseView *self)
{
  g_return_if_fail (TANDEM_IS_CASE_VIEW (self));

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
