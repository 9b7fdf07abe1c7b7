/* tandem-initiative-panel.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-initiative-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "tandem-citations-group.h"
#include "tandem-indicators-group.h"
#include "tandem-journey-group.h"
#include "tandem-core.h"
#include "tandem-initiative-panel.h"

/* The one-line fields edited with an AdwEntryRow each. */
enum {
  FIELD_TITLE,
  FIELD_ORGANISATION,
  FIELD_SERVICE_AREA,
  FIELD_PLACE,
  N_FIELDS
};

static const struct {
  const char *name;     /* the field name win.set-initiative-field takes */
  const char *(*get) (TandemInitiative *self);
} field_info[N_FIELDS] = {
  [FIELD_TITLE] = { "title", tandem_initiative_get_title },
  [FIELD_ORGANISATION] = { "organisation", tandem_initiative_get_organisation },
  [FIELD_SERVICE_AREA] = { "service-area", tandem_initiative_get_service_area },
  [FIELD_PLACE] = { "place", tandem_initiative_get_place },
};

struct _TandemInitiativePanel
{
  AdwBin            parent_instance;

  TandemInitiative *initiative;
  TandemMatrix     *matrix;
  gboolean          read_only;

  /* The UUID the widgets were last loaded for: when it changes, a different
   * initiative is shown and every widget is reloaded, edits or not. */
  char             *shown_uuid;

  /* The text last loaded into each editor, to tell the user's edits apart
   * from changes made elsewhere. */
  char             *field_loaded[N_FIELDS];
  char             *description_loaded;
  char             *note_loaded;
  guint             note_index;         /* the cell whose note is loaded, 0…8 */

  GMenu            *move_menu;
  guint             menu_row;
  guint             menu_col;
  gboolean          menu_stale;

  GtkStringList    *target_cells;       /* "No target", then the nine cells */
  GtkStringList    *note_cells;         /* the nine cells */

  /* Non-zero while the panel itself changes a combo row's selection. */
  guint             syncing;

  /* Template widgets */
  GtkStack         *stack;
  AdwEntryRow      *field_rows[N_FIELDS];
  GtkTextView      *description_view;
  GtkTextBuffer    *description_buffer;
  GtkButton        *save_description_button;
  AdwActionRow     *current_cell_row;
  GtkMenuButton    *move_button;
  AdwComboRow      *target_row;
  AdwComboRow      *note_cell_row;
  GtkTextView      *note_view;
  GtkTextBuffer    *note_buffer;
  GtkButton        *save_note_button;
  GtkButton        *delete_button;
  TandemCitationsGroup *citations_group;
  TandemJourneyGroup   *journey_group;
  TandemIndicatorsGroup *indicators_group;
};

G_DEFINE_FINAL_TYPE (TandemInitiativePanel, tandem_initiative_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_INITIATIVE,
  PROP_MATRIX,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define CELL_INDEX(row, col) (((row) - 1) * TANDEM_MATRIX_SIZE + ((col) - 1))
#define CELL_ROW(index)      ((index) / TANDEM_MATRIX_SIZE + 1)
#define CELL_COL(index)      ((index) % TANDEM_MATRIX_SIZE + 1)

/* Text helpers */

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Text as it would be stored: text with nothing but white space is empty. */
static const char *
normalise (const char *text)
{
  return is_blank (text) ? "" : text;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (normalise (a), normalise (b)) == 0;
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
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

/* Sets an entry row's text without revealing its apply button. */
static void
entry_row_set_text_quietly (AdwEntryRow *row,
                            const char  *text)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* Cell wording */

static const char *
cell_label (TandemInitiativePanel *self,
            guint                  row,
            guint                  col)
{
  g_autofree char *key = NULL;
  const char *label;

  if (self->matrix != NULL)
    return tandem_matrix_get_cell_label (self->matrix, row, col);

  key = tandem_matrix_cell_key (row, col);
  label = tandem_matrix_get_standard_label (key);

  return label != NULL ? label : "";
}

/* "ROW,COL · label", as shown in rows and combo rows (plain text). */
static char *
format_cell (TandemInitiativePanel *self,
             guint                  row,
             guint                  col)
{
  g_autofree char *address = tandem_cell_to_string (row, col);

  /* Translators: a cell of the service-design matrix: its address, such
   * as "2,2", then its label, such as "Full co-production" */
  return g_strdup_printf (_("%s · %s"), address, cell_label (self, row, col));
}

/* "ROW,COL  label" for a menu item.  Menu labels take mnemonics, so any
 * underscore in a (possibly user-written) label is doubled. */
static char *
format_cell_menu_label (TandemInitiativePanel *self,
                        guint                  row,
                        guint                  col)
{
  g_autofree char *address = tandem_cell_to_string (row, col);
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  /* Translators: a menu item that moves an initiative to a cell of the
   * matrix: the cell's address, such as "2,2", then its label */
  text = g_strdup_printf (_("%s  %s"), address, cell_label (self, row, col));
  parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
fill_cell_list (TandemInitiativePanel *self,
                GtkStringList         *list,
                guint                  first)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    g_ptr_array_add (strings, format_cell (self, CELL_ROW (i), CELL_COL (i)));
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (list, first, n_items - first,
                          (const char * const *) strings->pdata);
}

/* Actions */

static void
set_field (TandemInitiativePanel *self,
           const char            *uuid,
           const char            *field,
           const char            *value)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-initiative-field",
                              "(sss)", uuid, field, value);
}

static void
set_cell_note (TandemInitiativePanel *self,
               const char            *uuid,
               guint                  index,
               const char            *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-cell-note",
                              "(siis)", uuid,
                              (int) CELL_ROW (index), (int) CELL_COL (index),
                              text);
}

/* Entry rows */

static void
load_field (TandemInitiativePanel *self,
            guint                  field,
            gboolean               forced)
{
  AdwEntryRow *row = self->field_rows[field];
  const char *text = "";
  const char *current;
  gboolean edited;

  if (self->initiative != NULL)
    text = field_info[field].get (self->initiative);

  current = gtk_editable_get_text (GTK_EDITABLE (row));
  edited = g_strcmp0 (current, self->field_loaded[field]) != 0;

  /* The row already says what the initiative says (it was just applied). */
  if (g_strcmp0 (current, text) == 0)
    {
      replace_string (&self->field_loaded[field], text);
      return;
    }

  /* Leave alone what the user has typed and not applied yet. */
  if (!forced && edited)
    return;

  entry_row_set_text_quietly (row, text);
  replace_string (&self->field_loaded[field], text);
}

/* Description */

static gboolean
description_changed (TandemInitiativePanel *self)
{
  g_autofree char *text = NULL;

  if (self->initiative == NULL)
    return FALSE;

  text = dup_buffer_text (self->description_buffer);

  return !same_text (text, tandem_initiative_get_description (self->initiative));
}

static void
update_description_button (TandemInitiativePanel *self)
{
  if (self->save_description_button == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_description_button),
                            !self->read_only && description_changed (self));
}

static void
load_description (TandemInitiativePanel *self,
                  gboolean               forced)
{
  g_autofree char *current = dup_buffer_text (self->description_buffer);
  const char *text = "";
  gboolean edited;

  if (self->initiative != NULL)
    text = tandem_initiative_get_description (self->initiative);

  edited = g_strcmp0 (current, self->description_loaded) != 0;

  if (forced || !edited || !contains_focus (GTK_WIDGET (self->description_view)))
    {
      if (g_strcmp0 (current, text) != 0)
        gtk_text_buffer_set_text (self->description_buffer, text, -1);

      replace_string (&self->description_loaded, text);
    }

  update_description_button (self);
}

static void
save_description (TandemInitiativePanel *self)
{
  g_autofree char *text = NULL;

  if (self->initiative == NULL || self->read_only || !description_changed (self))
    return;

  text = dup_buffer_text (self->description_buffer);
  set_field (self, tandem_initiative_get_uuid (self->initiative),
             "description", normalise (text));

  /* Saved: the editor now holds what is stored, even if it still has the
   * focus and so was not reloaded. */
  if (!description_changed (self))
    replace_string (&self->description_loaded, text);

  update_description_button (self);
}

/* Cell notes */

static const char *
shown_note (TandemInitiativePanel *self)
{
  const char *note;

  if (self->initiative == NULL)
    return "";

  note = tandem_initiative_get_cell_note (self->initiative,
                                          CELL_ROW (self->note_index),
                                          CELL_COL (self->note_index));

  return note != NULL ? note : "";
}

static gboolean
note_changed (TandemInitiativePanel *self)
{
  g_autofree char *text = NULL;

  if (self->initiative == NULL)
    return FALSE;

  text = dup_buffer_text (self->note_buffer);

  return !same_text (text, shown_note (self));
}

static void
update_note_button (TandemInitiativePanel *self)
{
  if (self->save_note_button == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_note_button),
                            !self->read_only && note_changed (self));
}

static void
load_note (TandemInitiativePanel *self,
           gboolean               forced)
{
  g_autofree char *current = dup_buffer_text (self->note_buffer);
  const char *text = shown_note (self);
  gboolean edited;

  edited = g_strcmp0 (current, self->note_loaded) != 0;

  if (forced || !edited || !contains_focus (GTK_WIDGET (self->note_view)))
    {
      if (g_strcmp0 (current, text) != 0)
        gtk_text_buffer_set_text (self->note_buffer, text, -1);

      replace_string (&self->note_loaded, text);
    }

  update_note_button (self);
}

static void
save_note (TandemInitiativePanel *self)
{
  g_autofree char *text = NULL;

  if (self->initiative == NULL || self->read_only || !note_changed (self))
    return;

  text = dup_buffer_text (self->note_buffer);
  set_cell_note (self, tandem_initiative_get_uuid (self->initiative),
                 self->note_index, normalise (text));

  if (!note_changed (self))
    replace_string (&self->note_loaded, text);

  update_note_button (self);
}

static void
select_note_cell (TandemInitiativePanel *self,
                  guint                  index)
{
  self->note_index = index;

  if (adw_combo_row_get_selected (self->note_cell_row) != index)
    {
      self->syncing++;
      adw_combo_row_set_selected (self->note_cell_row, index);
      self->syncing--;
    }
}

/* Saves what the user typed into the description and note editors for
 * the initiative @uuid, which is no longer the one shown.  Both texts are
 * read before any action runs, as the window may refresh the panel. */
static void
flush_pending_edits (TandemInitiativePanel *self,
                     const char            *uuid)
{
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  gboolean description_edited;
  gboolean note_edited;
  guint note_index = self->note_index;

  if (self->read_only)
    return;

  description = dup_buffer_text (self->description_buffer);
  note = dup_buffer_text (self->note_buffer);
  description_edited = !same_text (description, self->description_loaded);
  note_edited = !same_text (note, self->note_loaded);

  if (description_edited)
    set_field (self, uuid, "description", normalise (description));

  /* One-line fields typed but not applied belong to the old initiative too
   * (an empty title is never applied). */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->field_rows[i]));
      g_autofree char *stripped = g_strstrip (g_strdup (typed));

      if (g_strcmp0 (typed, self->field_loaded[i]) != 0 && (i != FIELD_TITLE || stripped[0] != '\0'))
        set_field (self, uuid, field_info[i].name, typed);
    }

  if (note_edited)
    set_cell_note (self, uuid, note_index, normalise (note));
}

/* Position on the matrix */

static void
sync_target (TandemInitiativePanel *self)
{
  guint index = 0;

  if (self->initiative != NULL && tandem_initiative_has_target (self->initiative))
    index = 1 + CELL_INDEX (tandem_initiative_get_target_row (self->initiative),
                            tandem_initiative_get_target_col (self->initiative));

  if (adw_combo_row_get_selected (self->target_row) != index)
    {
      self->syncing++;
      adw_combo_row_set_selected (self->target_row, index);
      self->syncing--;
    }
}

static void
rebuild_move_menu (TandemInitiativePanel *self,
                   guint                  row,
                   guint                  col)
{
  const char *uuid = tandem_initiative_get_uuid (self->initiative);

  g_menu_remove_all (self->move_menu);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Moving to where it already is would do nothing. */
      if (CELL_ROW (i) == row && CELL_COL (i) == col)
        continue;

      label = format_cell_menu_label (self, CELL_ROW (i), CELL_COL (i));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.move-initiative",
                                               g_variant_new ("(sii)", uuid,
                                                              (int) CELL_ROW (i),
                                                              (int) CELL_COL (i)));
      g_menu_append_item (self->move_menu, item);
    }

  self->menu_row = row;
  self->menu_col = col;
  self->menu_stale = FALSE;
}

static void
update_position (TandemInitiativePanel *self)
{
  g_autofree char *subtitle = NULL;
  guint row;
  guint col;

  if (self->initiative == NULL)
    {
      adw_action_row_set_subtitle (self->current_cell_row, "");
      g_menu_remove_all (self->move_menu);
      self->menu_stale = TRUE;
      return;
    }

  row = tandem_initiative_get_row (self->initiative);
  col = tandem_initiative_get_col (self->initiative);

  subtitle = format_cell (self, row, col);
  adw_action_row_set_subtitle (self->current_cell_row, subtitle);

  if (self->menu_stale || row != self->menu_row || col != self->menu_col)
    rebuild_move_menu (self, row, col);
}

/* Whole panel */

static void
update_sensitivity (TandemInitiativePanel *self)
{
  GtkWidget *to_disable[N_FIELDS + 3];
  gboolean editable = !self->read_only;
  guint n = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    to_disable[n++] = GTK_WIDGET (self->field_rows[i]);
  to_disable[n++] = GTK_WIDGET (self->move_button);
  to_disable[n++] = GTK_WIDGET (self->target_row);
  to_disable[n++] = GTK_WIDGET (self->delete_button);

  /* Making the focused entry insensitive leaves its cursor blinking
   * without focus (GTK 4.8 warns "GtkText - did not receive a focus-out
   * event"), so move the focus to the description, which stays readable. */
  if (!editable)
    {
      for (guint i = 0; i < n; i++)
        {
          if (contains_focus (to_disable[i]))
            {
              gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
              break;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    gtk_widget_set_sensitive (to_disable[i], editable);

  /* Text views stay sensitive so that their text can still be read,
   * scrolled and copied; they just cannot be changed. */
  gtk_text_view_set_editable (self->description_view, editable);
  gtk_text_view_set_cursor_visible (self->description_view, editable);
  gtk_text_view_set_editable (self->note_view, editable);
  gtk_text_view_set_cursor_visible (self->note_view, editable);

  update_description_button (self);
  update_note_button (self);
}

static void
update (TandemInitiativePanel *self)
{
  const char *uuid = NULL;
  gboolean switched;

  if (self->initiative != NULL)
    uuid = tandem_initiative_get_uuid (self->initiative);

  switched = g_strcmp0 (uuid, self->shown_uuid) != 0;

  if (switched)
    {
      g_autofree char *old_uuid = g_steal_pointer (&self->shown_uuid);

      self->shown_uuid = g_strdup (uuid);
      self->menu_stale = TRUE;

      if (old_uuid != NULL)
        flush_pending_edits (self, old_uuid);

      /* The flush may have run window actions which changed what is shown. */
      if (self->initiative != NULL)
        select_note_cell (self, CELL_INDEX (tandem_initiative_get_row (self->initiative),
                                            tandem_initiative_get_col (self->initiative)));
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->initiative != NULL ? "details" : "empty");

  for (guint i = 0; i < N_FIELDS; i++)
    load_field (self, i, switched);

  load_description (self, switched);
  update_position (self);
  sync_target (self);
  load_note (self, switched);
}

static void
relabel (TandemInitiativePanel *self)
{
  self->syncing++;
  fill_cell_list (self, self->target_cells, 1);
  fill_cell_list (self, self->note_cells, 0);
  self->syncing--;

  /* Replacing the items reset the combo rows' selections. */
  select_note_cell (self, self->note_index);
  sync_target (self);

  self->menu_stale = TRUE;
  update_position (self);
}

/* Signal handlers */

static void
initiative_notified_cb (TandemInitiativePanel *self,
                        GParamSpec            *pspec,
                        TandemInitiative      *initiative)
{
  g_assert (TANDEM_IS_INITIATIVE_PANEL (self));

  update (self);
}

static void
initiative_notes_changed_cb (TandemInitiativePanel *self,
                             TandemInitiative      *initiative)
{
  g_assert (TANDEM_IS_INITIATIVE_PANEL (self));

  load_note (self, FALSE);
}

static void
matrix_label_changed_cb (TandemInitiativePanel *self,
                         const char            *key,
                         TandemMatrix          *matrix)
{
  g_assert (TANDEM_IS_INITIATIVE_PANEL (self));

  if (key == NULL || g_str_has_prefix (key, "cell-"))
    relabel (self);
}

static void
entry_row_applied_cb (TandemInitiativePanel *self,
                      AdwEntryRow           *row)
{
  g_autofree char *value = NULL;
  guint field;

  g_assert (TANDEM_IS_INITIATIVE_PANEL (self));

  for (field = 0; field < N_FIELDS; field++)
    {
      if (self->field_rows[field] == row)
        break;
    }

  g_return_if_fail (field < N_FIELDS);

  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->initiative != NULL &&
      !self->read_only &&
      !(field == FIELD_TITLE && value[0] == '\0') &&
      g_strcmp0 (value, field_info[field].get (self->initiative)) != 0)
    set_field (self, tandem_initiative_get_uuid (self->initiative),
               field_info[field].name, value);

  /* Show what is stored now: the stripped text, the old title instead of
   * an empty one, or the old text if the window refused the change. */
  load_field (self, field, TRUE);
}

static void
description_changed_cb (TandemInitiativePanel *self,
                        GtkTextBuffer         *buffer)
{
  update_description_button (self);
}

static void
description_focus_left_cb (TandemInitiativePanel   *self,
                           GtkEventControllerFocus *controller)
{
  save_description (self);
}

static void
save_description_clicked_cb (TandemInitiativePanel *self,
                             GtkButton             *button)
{
  save_description (self);
}

static void
target_selected_cb (TandemInitiativePanel *self,
                    GParamSpec            *pspec,
                    AdwComboRow           *row)
{
  const char *uuid;
  guint index;
  guint target_row = 0;
  guint target_col = 0;

  if (self->syncing > 0 || self->initiative == NULL)
    return;

  index = adw_combo_row_get_selected (row);
  if (index == GTK_INVALID_LIST_POSITION || index > TANDEM_N_CELLS)
    return;

  if (index > 0)
    {
      target_row = CELL_ROW (index - 1);
      target_col = CELL_COL (index - 1);
    }

  if (!self->read_only &&
      (target_row != tandem_initiative_get_target_row (self->initiative) ||
       target_col != tandem_initiative_get_target_col (self->initiative)))
    {
      uuid = tandem_initiative_get_uuid (self->initiative);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.set-target", "(sii)",
                                  uuid, (int) target_row, (int) target_col);
    }

  /* Show the stored target again if the window refused the change. */
  sync_target (self);
}

static void
note_cell_selected_cb (TandemInitiativePanel *self,
                       GParamSpec            *pspec,
                       AdwComboRow           *row)
{
  guint index;

  if (self->syncing > 0)
    return;

  index = adw_combo_row_get_selected (row);
  if (index == GTK_INVALID_LIST_POSITION || index >= TANDEM_N_CELLS ||
      index == self->note_index)
    return;

  /* Keep what was typed for the cell shown until now. */
  save_note (self);

  self->note_index = index;
  load_note (self, TRUE);
}

static void
note_changed_cb (TandemInitiativePanel *self,
                 GtkTextBuffer         *buffer)
{
  update_note_button (self);
}

static void
note_focus_left_cb (TandemInitiativePanel   *self,
                    GtkEventControllerFocus *controller)
{
  save_note (self);
}

static void
save_note_clicked_cb (TandemInitiativePanel *self,
                      GtkButton             *button)
{
  save_note (self);
}

static void
delete_clicked_cb (TandemInitiativePanel *self,
                   GtkButton             *button)
{
  if (self->initiative == NULL || self->read_only)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-initiative", NULL);
}

/* GObject */

static void
tandem_initiative_panel_dispose (GObject *object)
{
  TandemInitiativePanel *self = (TandemInitiativePanel *)object;

  /* Cleared first: with no initiative, the focus and text handlers that
   * may still run while the template goes away save nothing. */
  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_data (self->initiative, self);
  g_clear_object (&self->initiative);

  if (self->matrix != NULL)
    g_signal_handlers_disconnect_by_data (self->matrix, self);
  g_clear_object (&self->matrix);

  /* The template's top widget is AdwBin's child: let AdwBin drop it first,
   * or both AdwBin and the template would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_INITIATIVE_PANEL);

  g_clear_object (&self->move_menu);
  g_clear_object (&self->target_cells);
  g_clear_object (&self->note_cells);

  G_OBJECT_CLASS (tandem_initiative_panel_parent_class)->dispose (object);
}

static void
tandem_initiative_panel_finalize (GObject *object)
{
  TandemInitiativePanel *self = (TandemInitiativePanel *)object;

  g_clear_pointer (&self->shown_uuid, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->field_loaded[i], g_free);
  g_clear_pointer (&self->description_loaded, g_free);
  g_clear_pointer (&self->note_loaded, g_free);

  G_OBJECT_CLASS (tandem_initiative_panel_parent_class)->finalize (object);
}

static void
tandem_initiative_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TandemInitiativePanel *self = TANDEM_INITIATIVE_PANEL (object);

  switch (prop_id)
    {
    case PROP_INITIATIVE:
      g_value_set_object (value, self->initiative);
      break;

    case PROP_MATRIX:
      g_value_set_object (value, self->matrix);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_initiative_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TandemInitiativePanel *self = TANDEM_INITIATIVE_PANEL (object);

  switch (prop_id)
    {
    case PROP_INITIATIVE:
      tandem_initiative_panel_set_initiative (self, g_value_get_object (value));
      break;

    case PROP_MATRIX:
      tandem_initiative_panel_set_matrix (self, g_value_get_object (value));
      break;

    case PROP_READ_ONLY:
      tandem_initiative_panel_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_initiative_panel_class_init (TandemInitiativePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_initiative_panel_dispose;
  object_class->finalize = tandem_initiative_panel_finalize;
  object_class->get_property = tandem_initiative_panel_get_property;
  object_class->set_property = tandem_initiative_panel_set_property;

  /**
   * TandemInitiativePanel:initiative:
   *
   * The initiative shown, or %NULL to show that none is selected.
   */
  properties[PROP_INITIATIVE] =
    g_param_spec_object ("initiative", NULL, NULL,
                         TANDEM_TYPE_INITIATIVE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemInitiativePanel:matrix:
   *
   * The matrix wording used to name cells; %NULL means the standard wording.
   */
  properties[PROP_MATRIX] =
    g_param_spec_object ("matrix", NULL, NULL,
                         TANDEM_TYPE_MATRIX,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemInitiativePanel:read-only:
   *
   * Whether the initiative can only be looked at.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TANDEM_TYPE_CITATIONS_GROUP);
  g_type_ensure (TANDEM_TYPE_JOURNEY_GROUP);
  g_type_ensure (TANDEM_TYPE_INDICATORS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandem/Tandem/tandem-initiative-panel.ui");

  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "title_row", FALSE,
                                             G_STRUCT_OFFSET (TandemInitiativePanel, field_rows[FIELD_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "organisation_row", FALSE,
                                             G_STRUCT_OFFSET (TandemInitiativePanel, field_rows[FIELD_ORGANISATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "service_area_row", FALSE,
                                             G_STRUCT_OFFSET (TandemInitiativePanel, field_rows[FIELD_SERVICE_AREA]));
  gtk_widget_class_bind_template_child_full (widget_class, "place_row", FALSE,
                                             G_STRUCT_OFFSET (TandemInitiativePanel, field_rows[FIELD_PLACE]));
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, description_view);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, description_buffer);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, save_description_button);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, current_cell_row);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, move_button);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, target_row);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, note_cell_row);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, note_view);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, note_buffer);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, save_note_button);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, citations_group);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, journey_group);
  gtk_widget_class_bind_template_child (widget_class, TandemInitiativePanel, indicators_group);

  gtk_widget_class_bind_template_callback (widget_class, entry_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_description_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_cell_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_note_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

/* The combo rows show long cell labels: ellipsized in the row itself, so the
 * panel stays narrow, and wrapped in the drop-down list, so they can be read. */
static void
setup_cell_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  wrap)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
cell_item_factory_new (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_item_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_item_cb), GINT_TO_POINTER (wrap));

  return factory;
}

static void
tandem_initiative_panel_init (TandemInitiativePanel *self)
{
  self->move_menu = g_menu_new ();
  self->target_cells = gtk_string_list_new (NULL);
  self->note_cells = gtk_string_list_new (NULL);
  self->menu_stale = TRUE;
  self->description_loaded = g_strdup ("");
  self->note_loaded = g_strdup ("");
  for (guint i = 0; i < N_FIELDS; i++)
    self->field_loaded[i] = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->move_button, G_MENU_MODEL (self->move_menu));

  gtk_string_list_append (self->target_cells, _("No target"));
  fill_cell_list (self, self->target_cells, 1);
  fill_cell_list (self, self->note_cells, 0);

  for (guint i = 0; i < 2; i++)
    {
      AdwComboRow *row = i == 0 ? self->target_row : self->note_cell_row;
      g_autoptr(GtkListItemFactory) shown = cell_item_factory_new (FALSE);
      g_autoptr(GtkListItemFactory) listed = cell_item_factory_new (TRUE);

      adw_combo_row_set_factory (row, shown);
      adw_combo_row_set_list_factory (row, listed);
    }

  self->syncing++;
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (self->target_cells));
  adw_combo_row_set_model (self->note_cell_row, G_LIST_MODEL (self->note_cells));
  self->syncing--;

  select_note_cell (self, 0);
  update (self);
}

/* Public API */

/**
 * tandem_initiative_panel_new:
 *
 * Returns: (transfer full): a new panel showing no initiative
 */
GtkWidget *
tandem_initiative_panel_new (void)
{
  return g_object_new (TANDEM_TYPE_INITIATIVE_PANEL, NULL);
}

/**
 * tandem_initiative_panel_get_initiative:
 *
 * Returns: (transfer none) (nullable): the initiative shown
 */
TandemInitiative *
tandem_initiative_panel_get_initiative (TandemInitiativePanel *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE_PANEL (self), NULL);

  return self->initiative;
}

/**
 * tandem_initiative_panel_set_initiative:
 * @initiative: (nullable): the live initiative to show
 *
 * Shows @initiative and follows its changes.  What the user typed into the
 * description or a note of the initiative shown until now and did not save
 * yet is saved first, through the same window actions as the Save buttons.
 */
void
tandem_initiative_panel_set_initiative (TandemInitiativePanel *self,
                                        TandemInitiative      *initiative)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE_PANEL (self));
  g_return_if_fail (initiative == NULL || TANDEM_IS_INITIATIVE (initiative));

  if (self->initiative == initiative)
    return;

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_data (self->initiative, self);

  g_set_object (&self->initiative, initiative);

  if (initiative != NULL)
    {
      g_signal_connect_object (initiative, "notify",
                               G_CALLBACK (initiative_notified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (initiative, "notes-changed",
                               G_CALLBACK (initiative_notes_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update (self);
  tandem_citations_group_set_initiative (self->citations_group, initiative);
  tandem_journey_group_set_initiative (self->journey_group, initiative);
  tandem_indicators_group_set_initiative (self->indicators_group, initiative);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIATIVE]);
}

/**
 * tandem_initiative_panel_get_matrix:
 *
 * Returns: (transfer none) (nullable): the matrix wording used for cell names
 */
TandemMatrix *
tandem_initiative_panel_get_matrix (TandemInitiativePanel *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE_PANEL (self), NULL);

  return self->matrix;
}

/**
 * tandem_initiative_panel_set_matrix:
 * @matrix: (nullable): the matrix wording to name cells with
 */
void
tandem_initiative_panel_set_matrix (TandemInitiativePanel *self,
                                    TandemMatrix          *matrix)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE_PANEL (self));
  g_return_if_fail (matrix == NULL || TANDEM_IS_MATRIX (matrix));

  if (self->matrix == matrix)
    return;

  if (self->matrix != NULL)
    g_signal_handlers_disconnect_by_data (self->matrix, self);

  g_set_object (&self->matrix, matrix);

  if (matrix != NULL)
    g_signal_connect_object (matrix, "label-changed",
                             G_CALLBACK (matrix_label_changed_cb),
                             self, G_CONNECT_SWAPPED);

  relabel (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATRIX]);
}

gboolean
tandem_initiative_panel_get_read_only (TandemInitiativePanel *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE_PANEL (self), FALSE);

  return self->read_only;
}

/**
 * tandem_initiative_panel_set_read_only:
 * @read_only: whether the initiative can only be looked at
 *
 * When %TRUE, every control that would change the initiative is
 * insensitive, and the text views do not accept typing.
 */
void
tandem_initiative_panel_set_read_only (TandemInitiativePanel *self,
                                       gboolean               read_only)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE_PANEL (self));

  read_only = !!read_only;

  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  update_sensitivity (self);
  tandem_citations_group_set_read_only (self->citations_group, read_only);
  tandem_journey_group_set_read_only (self->journey_group, read_only);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * tandem_initiative_panel_set_store:
 *
 * The portfolio whose case studies the initiative can cite.
 */
void
tandem_initiative_panel_set_store (TandemInitiativePanel *self,
                                   TandemStore           *store,
                                   TandemHistory         *history)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE_PANEL (self));

  tandem_citations_group_set_store (self->citations_group, store);
  tandem_journey_group_set_store (self->journey_group, store, history);
  tandem_indicators_group_set_store (self->indicators_group, store);
}

/**
 * tandem_initiative_panel_focus_title:
 *
 * Puts the keyboard focus into the title, for example right after a new
 * initiative was added.  Does nothing when no initiative is shown.
 */
void
tandem_initiative_panel_focus_title (TandemInitiativePanel *self)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE_PANEL (self));

  if (self->initiative == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->field_rows[FIELD_TITLE]));
}

/**
 * tandem_initiative_panel_get_journey_group:
 *
 * Returns: (transfer none): the group showing the initiative's journey
 */
GtkWidget *
tandem_initiative_panel_get_journey_group (TandemInitiativePanel *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE_PANEL (self), NULL);

  return GTK_WIDGET (self->journey_group);
}
