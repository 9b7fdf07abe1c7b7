/* tandem-indicator-editor.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-indicator-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-indicator-editor.h"

/* Every control writes through to an edited copy of the indicator as it
 * changes, so what Save writes is what the window shows.  Readings whose
 * dates are not dates, or repeat another's, cannot be held by an
 * indicator: they are left out of the copy, marked, and refused on Save. */

#define VALUE_LIMIT 1e9

struct _TandemIndicatorEditor
{
  AdwWindow         parent_instance;

  TandemHistory    *history;
  TandemInitiative *initiative;
  TandemIndicator  *existing;    /* NULL for a new indicator */
  TandemIndicator  *edited;
  guint             loading;     /* while load() sets the controls */

  GtkWidget        *message;
  GtkWidget        *body;
  GtkWidget        *name_row;
  GtkWidget        *unit_row;
  GtkWidget        *baseline_check;
  GtkWidget        *baseline_spin;
  GtkWidget        *target_check;
  GtkWidget        *target_spin;
  GtkWidget        *readings_group;
  GtkListBox       *readings_list;  /* the group's own list of rows */
  GtkWidget        *add_reading_button;
  GtkWidget        *delete_button;

  /* The reading rows, in order; each keeps its controls as object data
   * ("date", "value"). */
  GPtrArray        *reading_rows;
};

G_DEFINE_FINAL_TYPE (TandemIndicatorEditor, tandem_indicator_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_INITIATIVE,
  PROP_INDICATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers --------------------------------------------------------------- */

static char *
dup_entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static GtkWidget *
spin_new (const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (-VALUE_LIMIT, VALUE_LIMIT, 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return spin;
}

/* Takes in a value typed but not yet confirmed with Enter.  A value left
 * alone is not re-read from its text, which shows it rounded to two
 * decimals: a more precise stored value stays as it was. */
static void
commit_spin (GtkWidget *spin)
{
  GtkSpinButton *button = GTK_SPIN_BUTTON (spin);
  g_autofree char *shown = g_strdup_printf ("%0.*f", gtk_spin_button_get_digits (button),
                                            gtk_spin_button_get_value (button));

  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_spin_button_update (button);
}

/* A row holding controls: the row itself takes no focus, so Tab goes
 * straight to the first of them. */
static GtkWidget *
editable_row_new (const char *title,
                  GtkWidget  *child)
{
  GtkWidget *row = adw_preferences_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set (child,
                "margin-top", 8,
                "margin-bottom", 8,
                "margin-start", 12,
                "margin-end", 6,
                NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);

  return row;
}

static void
show_error (TandemIndicatorEditor *self,
            const char            *message)
{
  gtk_label_set_text (GTK_LABEL (self->message), message ? message : "");
  gtk_widget_set_visible (self->message, message != NULL);
}

/* A problem shown is forgotten once the form changes; read-only stays. */
static void
hide_error (TandemIndicatorEditor *self)
{
  if (!tandem_store_get_read_only (tandem_history_get_store (self->history)))
    show_error (self, NULL);
}

static gboolean
refuse (TandemIndicatorEditor *self,
        const char            *message,
        GtkWidget             *focus)
{
  show_error (self, message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);

  return FALSE;
}

/* ---- Writing the controls through --------------------------------------- */

static void
name_changed_cb (TandemIndicatorEditor *self)
{
  g_autofree char *name = NULL;

  if (self->loading)
    return;

  name = dup_entry_text (self->name_row);
  tandem_indicator_set_name (self->edited, name);
  hide_error (self);
  if (name[0] != '\0')
    gtk_widget_remove_css_class (self->name_row, "error");
}

static void
unit_changed_cb (TandemIndicatorEditor *self)
{
  g_autofree char *unit = NULL;

  if (self->loading)
    return;

  unit = dup_entry_text (self->unit_row);
  tandem_indicator_set_unit (self->edited, unit);
}

static void
bounds_changed_cb (TandemIndicatorEditor *self)
{
  gboolean has_baseline = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->baseline_check));
  gboolean has_target = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->target_check));

  gtk_widget_set_sensitive (self->baseline_spin, has_baseline);
  gtk_widget_set_sensitive (self->target_spin, has_target);

  if (self->loading)
    return;

  tandem_indicator_set_baseline (self->edited, has_baseline,
                                 gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->baseline_spin)));
  tandem_indicator_set_target (self->edited, has_target,
                               gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->target_spin)));
}

/* Rewrites the copy's readings from the rows, marking dates that are not
 * dates or repeat an earlier row's. */
static void
readings_changed_cb (TandemIndicatorEditor *self)
{
  g_autoptr(GHashTable) seen = NULL;

  if (self->loading)
    return;

  while (tandem_indicator_get_n_readings (self->edited) > 0)
    {
      g_autofree char *date = g_strdup (tandem_indicator_get_reading (self->edited, 0)->date);

      tandem_indicator_remove_reading (self->edited, date);
    }

  hide_error (self);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->reading_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->reading_rows, i);
      GtkWidget *entry = g_object_get_data (row, "date");
      GtkWidget *spin = g_object_get_data (row, "value");
      g_autofree char *date = dup_entry_text (entry);
      gboolean ok = tandem_date_is_valid (date) && !g_hash_table_contains (seen, date);

      if (ok)
        tandem_indicator_set_reading (self->edited, date, gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)));

      if (ok || date[0] == '\0')
        gtk_widget_remove_css_class (entry, "error");
      else
        gtk_widget_add_css_class (entry, "error");

      g_hash_table_add (seen, g_steal_pointer (&date));
    }
}

/* ---- Reading rows ----------------------------------------------------------- */

/* Readings are shown in date order; a row whose date is not a date yet
 * stays below the others, in the order added. */
static int
compare_reading_rows (GtkListBoxRow *a,
                      GtkListBoxRow *b,
                      gpointer       user_data)
{
  TandemIndicatorEditor *self = user_data;
  g_autofree char *date_a = dup_entry_text (g_object_get_data (G_OBJECT (a), "date"));
  g_autofree char *date_b = dup_entry_text (g_object_get_data (G_OBJECT (b), "date"));
  gboolean valid_a = tandem_date_is_valid (date_a);
  gboolean valid_b = tandem_date_is_valid (date_b);
  guint index_a = 0, index_b = 0;
  int cmp;

  if (valid_a != valid_b)
    return valid_a ? -1 : 1;

  if (valid_a && (cmp = strcmp (date_a, date_b)) != 0)
    return cmp;

  g_ptr_array_find (self->reading_rows, a, &index_a);
  g_ptr_array_find (self->reading_rows, b, &index_b);

  return index_a < index_b ? -1 : index_a > index_b;
}

/* Re-sorted when a date has been typed and left, not while typing, so a
 * row never jumps away under the keyboard. */
static void
date_left_cb (TandemIndicatorEditor *self)
{
  if (self->readings_list != NULL)
    gtk_list_box_invalidate_sort (self->readings_list);
}

static void
remove_reading_clicked_cb (GtkButton             *button,
                           TandemIndicatorEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  /* Keep the focus in the window, near where it was. */
  gtk_widget_grab_focus (self->add_reading_button);
  g_ptr_array_remove (self->reading_rows, row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->readings_group), row);
  readings_changed_cb (self);
}

static GtkWidget *
add_reading_row (TandemIndicatorEditor *self,
                 const char            *date,
                 double                 value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *spin = spin_new (_("Reading value"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus;
  GtkWidget *row;

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_text (GTK_EDITABLE (entry), date ? date : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 11);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading date"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Year, month and day, as YYYY-MM-DD"),
                                  -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (readings_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (date_left_cb), self);
  gtk_widget_add_controller (entry, focus);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_hexpand (spin, TRUE);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (readings_changed_cb), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Reading"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Reading"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_reading_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), remove);

  row = editable_row_new (_("Reading"), box);
  g_object_set_data (G_OBJECT (row), "date", entry);
  g_object_set_data (G_OBJECT (row), "value", spin);

  g_ptr_array_add (self->reading_rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->readings_group), row);

  /* The group keeps its rows in a list box of its own; sorting that
   * reorders them without taking the focus out of the one being edited. */
  if (self->readings_list == NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    {
      self->readings_list = GTK_LIST_BOX (gtk_widget_get_parent (row));
      gtk_list_box_set_sort_func (self->readings_list, compare_reading_rows, self, NULL);
    }
  else if (self->readings_list != NULL)
    gtk_list_box_invalidate_sort (self->readings_list);

  readings_changed_cb (self);

  return entry;
}

static gboolean
has_reading_row (TandemIndicatorEditor *self,
                 const char            *date)
{
  for (guint i = 0; i < self->reading_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->reading_rows, i);
      g_autofree char *text = dup_entry_text (g_object_get_data (row, "date"));

      if (g_str_equal (text, date))
        return TRUE;
    }

  return FALSE;
}

/* A new reading is most often taken today, so it starts dated today
 * unless today already has one. */
static void
add_reading_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TandemIndicatorEditor *self = TANDEM_INDICATOR_EDITOR (widget);
  g_autofree char *today = tandem_date_today ();
  GtkWidget *entry;

  entry = add_reading_row (self, has_reading_row (self, today) ? "" : today, 0);
  gtk_widget_grab_focus (entry);
}

/* ---- Loading ---------------------------------------------------------------- */

static void
load (TandemIndicatorEditor *self)
{
  TandemIndicator *ind = self->edited;
  double baseline = 0, target = 0;
  gboolean has_baseline = tandem_indicator_get_baseline (ind, &baseline);
  gboolean has_target = tandem_indicator_get_target (ind, &target);

  self->loading++;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tandem_indicator_get_name (ind));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), tandem_indicator_get_unit (ind));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->baseline_spin), has_baseline ? baseline : 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->baseline_check), has_baseline);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->target_spin), has_target ? target : 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->target_check), has_target);

  /* The indicator keeps its readings in date order. */
  for (guint i = 0; i < tandem_indicator_get_n_readings (ind); i++)
    {
      const TandemReading *reading = tandem_indicator_get_reading (ind, i);

      add_reading_row (self, reading->date, reading->value);
    }

  self->loading--;

  bounds_changed_cb (self);
}

/* ---- Building the window ---------------------------------------------------- */

/* "Baseline" or "Target": a check saying whether there is one, and its value. */
static GtkWidget *
bound_row_new (TandemIndicatorEditor  *self,
               const char             *title,
               const char             *check_label,
               const char             *value_label,
               GtkWidget             **check,
               GtkWidget             **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *check = gtk_check_button_new ();
  gtk_widget_set_valign (*check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (*check, check_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  g_signal_connect_swapped (*check, "toggled", G_CALLBACK (bounds_changed_cb), self);

  *spin = spin_new (value_label);
  g_signal_connect_swapped (*spin, "value-changed", G_CALLBACK (bounds_changed_cb), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *check);

  return row;
}

static void
delete_clicked_cb (TandemIndicatorEditor *self)
{
  tandem_indicator_editor_delete (self);
}

static void
build (TandemIndicatorEditor *self)
{
  GtkWidget *content, *header, *cancel, *save, *scroller, *clamp, *group;
  const char *title = _("Outcome Indicator");

  gtk_window_set_title (GTK_WINDOW (self), title);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   g_object_new (ADW_TYPE_WINDOW_TITLE,
                                                 "title", title,
                                                 "subtitle", tandem_initiative_get_title (self->initiative),
                                                 NULL));
  cancel = gtk_button_new_with_label (_("Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "editor.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_label (_("Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "editor.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (content), header);

  /* What went wrong with the last Save, outside the scrolled part so it
   * is seen wherever the form was scrolled to. */
  self->message = gtk_label_new (NULL);
  g_object_set (self->message,
                "xalign", 0.0f,
                "wrap", TRUE,
                "wrap-mode", PANGO_WRAP_WORD_CHAR,
                "selectable", TRUE,
                "margin-top", 6,
                "margin-bottom", 6,
                "margin-start", 12,
                "margin-end", 12,
                "visible", FALSE,
                NULL);
  gtk_widget_add_css_class (self->message, "error");
  gtk_box_append (GTK_BOX (content), self->message);

  self->body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_object_set (self->body,
                "margin-top", 18,
                "margin-bottom", 24,
                "margin-start", 12,
                "margin-end", 12,
                NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Indicator"));
  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->name_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_row);
  self->unit_row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->unit_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), _("Unit"));
  g_signal_connect_swapped (self->unit_row, "changed", G_CALLBACK (unit_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_row);
  gtk_box_append (GTK_BOX (self->body), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Baseline and Target"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             bound_row_new (self, _("Baseline"), _("Has baseline"), _("Baseline value"),
                                            &self->baseline_check, &self->baseline_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             bound_row_new (self, _("Target"), _("Has target"), _("Target value"),
                                            &self->target_check, &self->target_spin));
  gtk_box_append (GTK_BOX (self->body), group);

  self->readings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->readings_group), _("Readings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->readings_group),
                                         _("One reading a day, dated YYYY-MM-DD."));
  self->add_reading_button = g_object_new (GTK_TYPE_BUTTON,
                                           "valign", GTK_ALIGN_CENTER,
                                           "action-name", "editor.add-reading",
                                           "child", g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                                  "icon-name", "list-add-symbolic",
                                                                  "label", _("Add Reading"),
                                                                  NULL),
                                           NULL);
  gtk_widget_add_css_class (self->add_reading_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_reading_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Reading"),
                                  -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->readings_group),
                                           self->add_reading_button);
  gtk_box_append (GTK_BOX (self->body), self->readings_group);

  self->delete_button = gtk_button_new_with_label (_("Delete Indicator"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_widget_set_halign (self->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->delete_button, self->existing != NULL);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->body), self->delete_button);

  clamp = g_object_new (ADW_TYPE_CLAMP,
                        "maximum-size", 560,
                        "tightening-threshold", 400,
                        "child", self->body,
                        NULL);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "vexpand", TRUE,
                           "child", clamp,
                           NULL);
  gtk_box_append (GTK_BOX (content), scroller);

  adw_window_set_content (ADW_WINDOW (self), content);
}

/* ---- Saving and deleting ---------------------------------------------------- */

/* Undo may have taken the initiative or the indicator away while the
 * editor was open: saving now would bring back something deleted. */
static gboolean
still_there (TandemIndicatorEditor *self,
             gboolean               check_indicator)
{
  TandemStore *store = tandem_history_get_store (self->history);
  g_autoptr(TandemIndicator) stored = NULL;

  if (tandem_store_lookup_initiative (store, tandem_initiative_get_uuid (self->initiative)) != self->initiative)
    return refuse (self, _("This initiative no longer exists, so the indicator cannot be saved."), NULL);

  if (!check_indicator)
    return TRUE;

  stored = tandem_store_lookup_indicator (store, tandem_indicator_get_id (self->existing), NULL);
  if (stored == NULL)
    return refuse (self, _("This indicator no longer exists."), NULL);

  return TRUE;
}

/**
 * tandem_indicator_editor_save:
 *
 * Checks the indicator and saves it as one undoable step, then closes the
 * editor.  If it has no name, or a reading's date is not a date or repeats
 * another's, or the portfolio refuses it, the editor stays open and says
 * why.
 *
 * Returns: %TRUE if the indicator was saved
 */
gboolean
tandem_indicator_editor_save (TandemIndicatorEditor *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  TandemStore *store;

  g_return_val_if_fail (TANDEM_IS_INDICATOR_EDITOR (self), FALSE);

  store = tandem_history_get_store (self->history);

  commit_spin (self->baseline_spin);
  commit_spin (self->target_spin);
  for (guint i = 0; i < self->reading_rows->len; i++)
    commit_spin (g_object_get_data (g_ptr_array_index (self->reading_rows, i), "value"));

  if (tandem_store_get_read_only (store))
    return refuse (self, _("This portfolio is read-only, so the indicator cannot be saved."), NULL);

  if (tandem_indicator_get_name (self->edited)[0] == '\0')
    {
      gtk_widget_add_css_class (self->name_row, "error");
      return refuse (self, _("An indicator needs a name."), self->name_row);
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->reading_rows->len; i++)
    {
      GtkWidget *entry = g_object_get_data (g_ptr_array_index (self->reading_rows, i), "date");
      g_autofree char *date = dup_entry_text (entry);
      g_autofree char *message = NULL;

      if (date[0] == '\0')
        message = g_strdup (_("Every reading needs a date, as YYYY-MM-DD."));
      else if (!tandem_date_is_valid (date))
        message = g_strdup_printf (_("“%s” is not a date: enter it as YYYY-MM-DD."), date);
      else if (g_hash_table_contains (seen, date))
        message = g_strdup_printf (_("Two readings are dated %s: keep one reading a day."), date);

      if (message != NULL)
        {
          gtk_widget_add_css_class (entry, "error");
          return refuse (self, message, entry);
        }

      g_hash_table_add (seen, g_steal_pointer (&date));
    }

  if (!still_there (self, self->existing != NULL))
    return FALSE;

  if (!tandem_history_save_indicator (self->history, self->edited, &error))
    return refuse (self, error->message, NULL);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/**
 * tandem_indicator_editor_delete:
 *
 * Deletes the indicator edited as one undoable step, as Delete Indicator
 * does, then closes the editor.  A new indicator has nothing to delete.
 *
 * Returns: %TRUE if the indicator was deleted
 */
gboolean
tandem_indicator_editor_delete (TandemIndicatorEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TANDEM_IS_INDICATOR_EDITOR (self), FALSE);
  g_return_val_if_fail (self->existing != NULL, FALSE);

  if (!still_there (self, TRUE))
    return FALSE;

  if (!tandem_history_delete_indicator (self->history, tandem_indicator_get_id (self->existing), &error))
    return refuse (self, error->message, NULL);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  tandem_indicator_editor_save (TANDEM_INDICATOR_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* ---- GObject ---------------------------------------------------------------- */

static void
tandem_indicator_editor_constructed (GObject *object)
{
  TandemIndicatorEditor *self = (TandemIndicatorEditor *)object;
  TandemStore *store;

  G_OBJECT_CLASS (tandem_indicator_editor_parent_class)->constructed (object);

  g_assert (TANDEM_IS_HISTORY (self->history));
  g_assert (TANDEM_IS_INITIATIVE (self->initiative));

  store = tandem_history_get_store (self->history);

  if (self->existing != NULL)
    self->edited = tandem_indicator_copy (self->existing);
  else
    self->edited = tandem_indicator_new (tandem_initiative_get_uuid (self->initiative), "", "");

  build (self);
  load (self);

  if (tandem_store_get_read_only (store))
    {
      const char *reason = tandem_store_get_read_only_reason (store);

      gtk_widget_set_sensitive (self->body, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-reading", FALSE);
      show_error (self, reason != NULL && reason[0] != '\0'
                        ? reason : _("This portfolio is read-only."));
    }

  gtk_window_set_focus (GTK_WINDOW (self), self->name_row);
}

static void
tandem_indicator_editor_dispose (GObject *object)
{
  TandemIndicatorEditor *self = (TandemIndicatorEditor *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->initiative);
  g_clear_object (&self->existing);
  g_clear_object (&self->edited);

  G_OBJECT_CLASS (tandem_indicator_editor_parent_class)->dispose (object);
}

static void
tandem_indicator_editor_finalize (GObject *object)
{
  TandemIndicatorEditor *self = (TandemIndicatorEditor *)object;

  g_clear_pointer (&self->reading_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_indicator_editor_parent_class)->finalize (object);
}

static void
tandem_indicator_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TandemIndicatorEditor *self = TANDEM_INDICATOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_INITIATIVE:
      g_value_set_object (value, self->initiative);
      break;

    case PROP_INDICATOR:
      g_value_set_object (value, self->existing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_indicator_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TandemIndicatorEditor *self = TANDEM_INDICATOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_INITIATIVE:
      self->initiative = g_value_dup_object (value);
      break;

    case PROP_INDICATOR:
      self->existing = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_indicator_editor_class_init (TandemIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_indicator_editor_constructed;
  object_class->dispose = tandem_indicator_editor_dispose;
  object_class->finalize = tandem_indicator_editor_finalize;
  object_class->get_property = tandem_indicator_editor_get_property;
  object_class->set_property = tandem_indicator_editor_set_property;

  /**
   * TandemIndicatorEditor:history:
   *
   * The undo history the indicator is saved through.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         TANDEM_TYPE_HISTORY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemIndicatorEditor:initiative:
   *
   * The live initiative the indicator belongs to.
   */
  properties[PROP_INITIATIVE] =
    g_param_spec_object ("initiative", NULL, NULL,
                         TANDEM_TYPE_INITIATIVE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemIndicatorEditor:indicator:
   *
   * The indicator edited, or %NULL to add a new one.
   */
  properties[PROP_INDICATOR] =
    g_param_spec_object ("indicator", NULL, NULL,
                         TANDEM_TYPE_INDICATOR,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-reading", NULL, add_reading_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
tandem_indicator_editor_init (TandemIndicatorEditor *self)
{
  self->reading_rows = g_ptr_array_new ();
}

/* ---- Public API ------------------------------------------------------------- */

/**
 * tandem_indicator_editor_new:
 * @parent: (nullable): the window to stay over
 * @history: the undo history to save through
 * @initiative: the live initiative the indicator belongs to
 * @existing: (nullable): the indicator to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new editor, owned by GTK like every window;
 *   present it with gtk_window_present()
 */
GtkWidget *
tandem_indicator_editor_new (GtkWindow        *parent,
                             TandemHistory    *history,
                             TandemInitiative *initiative,
                             TandemIndicator  *existing)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (initiative), NULL);
  g_return_val_if_fail (existing == NULL || TANDEM_IS_INDICATOR (existing), NULL);

  return g_object_new (TANDEM_TYPE_INDICATOR_EDITOR,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       "default-height", 600,
                       "width-request", 360,
                       "height-request", 300,
                       "history", history,
                       "initiative", initiative,
                       "indicator", existing,
                       NULL);
}

/**
 * tandem_indicator_editor_get_indicator:
 *
 * The indicator as the editor now holds it: a copy of the one edited, or
 * the new one, which the controls write through to and Save writes.
 *
 * Returns: (transfer none): the edited copy
 */
TandemIndicator *
tandem_indicator_editor_get_indicator (TandemIndicatorEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR_EDITOR (self), NULL);

  return self->edited;
}
