/* tandem-journey-group.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-journey-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-journey-group.h"
#include "tandem-timeline.h"

/* An initiative's journey, in its details pane: when it should reach its
 * target and whether it is on track, a timeline of its assessments and
 * outcome indicators (also as a plain-text table), and the assessments
 * themselves, newest first.  Adding and editing assessments belong to the
 * window (win.add-assessment, win.edit-assessment), which owns the editor.
 *
 * There is no signal for "assessments changed", but every assessment save
 * stamps the initiative, so any notify on it reloads everything. */

struct _TandemJourneyGroup
{
  AdwPreferencesGroup  parent_instance;

  TandemStore         *store;
  TandemHistory       *history;
  TandemInitiative    *initiative;
  gboolean             read_only;
  guint                reload_source;
  char                *target_loaded;  /* the target date last put into the entry */

  GtkWidget           *add_button;
  GtkWidget           *target_row;
  GtkWidget           *target_entry;
  GtkEventController  *target_focus;
  GtkWidget           *progress_row;
  GtkWidget           *frame;
  GtkWidget           *timeline;
  GtkWidget           *table_list;
  GtkWidget           *table_row;
  GtkWidget           *table_label;
  GtkWidget           *list;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TandemJourneyGroup, tandem_journey_group, ADW_TYPE_PREFERENCES_GROUP)

static void reload (TandemJourneyGroup *self,
                    gboolean            forced);

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

static void
reload_idle_cb (gpointer user_data)
{
  TandemJourneyGroup *self = user_data;

  self->reload_source = 0;
  reload (self, FALSE);
}

/* One change often notifies several properties (row, col, updated):
 * reload once, when they are all in. */
static void
queue_reload (TandemJourneyGroup *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_once (reload_idle_cb, self);
}

/* ---- Target date --------------------------------------------------------------- */

static void
show_target_error (TandemJourneyGroup *self,
                   gboolean            invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (self->target_entry, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row),
                                   _("Not a date: write it as YYYY-MM-DD, for example 2027-06-30"));
    }
  else
    {
      gtk_widget_remove_css_class (self->target_entry, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row),
                                   _("When the initiative should reach its target cell"));
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->target_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
apply_target_date (TandemJourneyGroup *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *current;

  if (self->initiative == NULL || self->history == NULL || self->read_only)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_entry))));
  current = tandem_initiative_get_target_date (self->initiative);

  if (g_strcmp0 (text, current ? current : "") == 0)
    {
      show_target_error (self, FALSE);
      return;
    }

  if (text[0] != '\0' && !tandem_date_is_valid (text))
    {
      show_target_error (self, TRUE);
      return;
    }

  show_target_error (self, FALSE);

  if (!tandem_history_set_target_date (self->history,
                                       tandem_initiative_get_uuid (self->initiative),
                                       text[0] != '\0' ? text : NULL,
                                       &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  /* What the entry shows is now what is saved, so the reload may show it. */
  g_free (self->target_loaded);
  self->target_loaded = g_steal_pointer (&text);
  queue_reload (self);
}

static void
target_changed_cb (TandemJourneyGroup *self)
{
  if (gtk_widget_has_css_class (self->target_entry, "error"))
    show_target_error (self, FALSE);
}

static void
update_target (TandemJourneyGroup *self,
               gboolean            forced)
{
  const char *date = NULL;
  g_autofree char *shown = NULL;

  if (self->initiative != NULL)
    date = tandem_initiative_get_target_date (self->initiative);
  if (date == NULL)
    date = "";

  shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_entry))));

  /* Keep what the user is typing, unless it is another initiative's. */
  if (!forced &&
      contains_focus (self->target_entry) &&
      g_strcmp0 (shown, self->target_loaded ? self->target_loaded : "") != 0)
    return;

  g_free (self->target_loaded);
  self->target_loaded = g_strdup (date);

  if (g_strcmp0 (shown, date) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->target_entry), date);
  show_target_error (self, FALSE);
}

/* ---- Progress ------------------------------------------------------------------------ */

static void
update_progress (TandemJourneyGroup *self,
                 GPtrArray          *assessments)
{
  g_autofree char *today = tandem_date_today ();
  TandemTrack track = TANDEM_TRACK_NO_TARGET;

  if (self->initiative != NULL && tandem_initiative_has_target (self->initiative))
    {
      guint row = tandem_initiative_get_row (self->initiative);
      guint col = tandem_initiative_get_col (self->initiative);
      const char *target_date = tandem_initiative_get_target_date (self->initiative);
      guint start_row = row;
      guint start_col = col;
      const char *start_date = today;

      /* The pace is measured from the first assessment; with none, the
       * journey starts here and now. */
      if (assessments != NULL && assessments->len > 0)
        {
          TandemAssessment *first = g_ptr_array_index (assessments, 0);

          start_row = tandem_assessment_get_row (first);
          start_col = tandem_assessment_get_col (first);
          start_date = tandem_assessment_get_date (first);
        }

      if (target_date != NULL && target_date[0] == '\0')
        target_date = NULL;

      track = tandem_track_compute (start_row, start_col, start_date,
                                    row, col,
                                    tandem_initiative_get_target_row (self->initiative),
                                    tandem_initiative_get_target_col (self->initiative),
                                    target_date, today);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->progress_row), tandem_track_get_label (track));
}

/* ---- Assessments ---------------------------------------------------------------------- */

static void
delete_clicked_cb (GtkButton          *button,
                   TandemJourneyGroup *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "assessment-id"));
  g_autofree char *date = g_strdup (g_object_get_data (G_OBJECT (button), "assessment-date"));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (self->history == NULL || self->read_only || id == NULL)
    return;

  if (!tandem_history_delete_assessment (self->history, id, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  message = g_strdup_printf (_("Assessment of %s deleted"), date);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", message);

  /* Deleting need not change the initiative (and so notify) at all. */
  queue_reload (self);
}

static char *
describe_assessment (TandemAssessment *assessment)
{
  TandemStage stage = tandem_assessment_get_stage (assessment);
  TandemLevel level = tandem_assessment_get_level (assessment);
  guint spread = tandem_assessment_get_spread (assessment);
  GString *text = g_string_new (NULL);

  if (stage != TANDEM_STAGE_NONE)
    g_string_append (text, tandem_stage_get_label (stage));

  if (level != TANDEM_LEVEL_NONE)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, tandem_level_get_label (level));
    }

  if (spread > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "stakeholders differ by %u step",
                                           "stakeholders differ by %u steps",
                                           spread),
                              spread);
    }

  if (text->len == 0)
    g_string_append (text, _("No stage or level recorded"));

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_assessment_row (TandemJourneyGroup *self,
                       TandemAssessment   *assessment)
{
  const char *id = tandem_assessment_get_id (assessment);
  const char *date = tandem_assessment_get_date (assessment);
  g_autofree char *title = g_strdup_printf (_("%s · %u,%u"), date,
                                            tandem_assessment_get_row (assessment),
                                            tandem_assessment_get_col (assessment));
  g_autofree char *subtitle = describe_assessment (assessment);
  g_autofree char *edit_label = g_strdup_printf (self->read_only ? _("View the assessment of %s")
                                                                 : _("Edit the assessment of %s"), date);
  g_autofree char *delete_label = g_strdup_printf (_("Delete the assessment of %s"), date);
  GtkWidget *row = adw_action_row_new ();
  /* A read-only portfolio's assessments can still be opened and read. */
  GtkWidget *edit = gtk_button_new_with_label (self->read_only ? _("View…") : _("Edit…"));
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Stage and level labels are translations, but keep all text literal. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-assessment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data_full (G_OBJECT (delete_button), "assessment-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (delete_button), "assessment-date", g_strdup (date), g_free);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_widget_set_sensitive (delete_button, !self->read_only && self->history != NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  return row;
}

/* ---- Everything --------------------------------------------------------------------- */

static void
update_sensitivity (TandemJourneyGroup *self)
{
  gboolean shown = self->initiative != NULL && self->store != NULL;
  gboolean editable = shown && self->history != NULL && !self->read_only;

  gtk_widget_set_sensitive (self->add_button, editable);

  /* A read-only entry stays focusable and readable; an insensitive one
   * would lose the focus while it has it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->target_entry), editable);
  gtk_widget_set_sensitive (self->target_row, shown);
}

static void
reload (TandemJourneyGroup *self,
        gboolean            forced)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  gboolean has_data;
  int focused = -1;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (focused < 0 && contains_focus (row))
        focused = i;
      gtk_list_box_remove (GTK_LIST_BOX (self->list), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (self->initiative != NULL && self->store != NULL)
    {
      const char *uuid = tandem_initiative_get_uuid (self->initiative);
      g_autoptr(GError) error = NULL;

      assessments = tandem_store_list_assessments (self->store, uuid, &error);
      if (assessments == NULL)
        {
          g_warning ("Could not list the assessments of %s: %s", uuid, error->message);
          g_clear_error (&error);
        }

      indicators = tandem_store_list_indicators (self->store, uuid, &error);
      if (indicators == NULL)
        g_warning ("Could not list the indicators of %s: %s", uuid, error->message);
    }

  tandem_timeline_set_data (TANDEM_TIMELINE (self->timeline), assessments, indicators);
  has_data = (assessments != NULL && assessments->len > 0) || (indicators != NULL && indicators->len > 0);
  gtk_widget_set_visible (self->frame, has_data);
  gtk_widget_set_visible (self->table_list, has_data);

  for (guint i = assessments ? assessments->len : 0; i > 0; i--)
    {
      GtkWidget *row = create_assessment_row (self, g_ptr_array_index (assessments, i - 1));

      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
      g_ptr_array_add (self->rows, row);
    }

  update_target (self, forced);
  update_progress (self, assessments);
  update_sensitivity (self);

  /* The focused row went away with the rest: focus its successor. */
  if (focused >= 0)
    {
      if (self->rows->len > 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->rows, MIN ((guint) focused, self->rows->len - 1)));
      else if (gtk_widget_get_sensitive (self->add_button))
        gtk_widget_grab_focus (self->add_button);
    }
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
tandem_journey_group_dispose (GObject *object)
{
  TandemJourneyGroup *self = (TandemJourneyGroup *)object;

  /* Cleared first, so that a focus-out while the widgets go away saves
   * nothing. */
  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_data (self->initiative, self);
  g_clear_object (&self->initiative);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  G_OBJECT_CLASS (tandem_journey_group_parent_class)->dispose (object);
}

static void
tandem_journey_group_finalize (GObject *object)
{
  TandemJourneyGroup *self = (TandemJourneyGroup *)object;

  g_ptr_array_unref (self->rows);
  g_free (self->target_loaded);

  G_OBJECT_CLASS (tandem_journey_group_parent_class)->finalize (object);
}

static void
tandem_journey_group_class_init (TandemJourneyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_journey_group_dispose;
  object_class->finalize = tandem_journey_group_finalize;
}

static void
tandem_journey_group_init (TandemJourneyGroup *self)
{
  GtkWidget *placeholder;

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Journey"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Assessments over time and progress toward the target"));

  self->add_button = g_object_new (GTK_TYPE_BUTTON,
                                   "label", _("Add Assessment…"),
                                   "action-name", "win.add-assessment",
                                   "valign", GTK_ALIGN_CENTER,
                                   "tooltip-text", _("Record where this initiative stands today"),
                                   NULL);
  gtk_widget_add_css_class (self->add_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  /* Target date and progress: rows, so they go into the group's list. */
  self->target_entry = g_object_new (GTK_TYPE_ENTRY,
                                     "placeholder-text", _("YYYY-MM-DD"),
                                     "width-chars", 11,
                                     "max-width-chars", 11,
                                     "input-purpose", GTK_INPUT_PURPOSE_DIGITS,
                                     "valign", GTK_ALIGN_CENTER,
                                     NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Target date"), -1);
  g_signal_connect_swapped (self->target_entry, "activate", G_CALLBACK (apply_target_date), self);
  g_signal_connect_swapped (self->target_entry, "changed", G_CALLBACK (target_changed_cb), self);
  self->target_focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->target_focus, "leave", G_CALLBACK (apply_target_date), self);
  gtk_widget_add_controller (self->target_entry, self->target_focus);

  self->target_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->target_row), self->target_entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->target_row), self->target_entry);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->target_row);
  show_target_error (self, FALSE);

  self->progress_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _("Progress"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->progress_row);

  /* The rest are not rows: the group places them below its list, in
   * the order they are added. */
  self->timeline = tandem_timeline_new ();
  g_object_set (self->timeline,
                "margin-top", 12, "margin-bottom", 6, "margin-start", 6, "margin-end", 6,
                NULL);
  self->frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (self->frame), self->timeline);
  gtk_widget_set_margin_top (self->frame, 18);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->frame);

  /* The timeline as text, for anyone who would rather read it. */
  self->table_label = g_object_new (GTK_TYPE_LABEL,
                                    "selectable", TRUE,
                                    "wrap", TRUE,
                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                    "xalign", 0.0f,
                                    "margin-top", 12, "margin-bottom", 12,
                                    "margin-start", 12, "margin-end", 12,
                                    NULL);
  gtk_widget_add_css_class (self->table_label, "monospace");
  g_object_bind_property (self->timeline, "text-alternative",
                          self->table_label, "label",
                          G_BINDING_SYNC_CREATE);

  self->table_row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->table_row), _("Show as Table"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->table_row), self->table_label);

  self->table_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->table_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->table_list, "boxed-list");
  gtk_widget_set_margin_top (self->table_list, 6);
  gtk_list_box_append (GTK_LIST_BOX (self->table_list), self->table_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->table_list);

  /* The assessments, newest first. */
  placeholder = g_object_new (GTK_TYPE_LABEL,
                              "label", _("No assessments yet"),
                              "wrap", TRUE,
                              "margin-top", 12, "margin-bottom", 12,
                              "margin-start", 12, "margin-end", 12,
                              NULL);
  gtk_widget_add_css_class (placeholder, "dim-label");

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_margin_top (self->list, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessments"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list);

  reload (self, TRUE);
}

/* ---- Public API ------------------------------------------------------------------------ */

GtkWidget *
tandem_journey_group_new (void)
{
  return g_object_new (TANDEM_TYPE_JOURNEY_GROUP, NULL);
}

/**
 * tandem_journey_group_set_store:
 * @store: (nullable): the portfolio, to read assessments and indicators from
 * @history: (nullable): where edits go, so they can be undone
 */
void
tandem_journey_group_set_store (TandemJourneyGroup *self,
                                TandemStore        *store,
                                TandemHistory      *history)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_GROUP (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));
  g_return_if_fail (history == NULL || TANDEM_IS_HISTORY (history));

  g_set_object (&self->store, store);
  g_set_object (&self->history, history);
  tandem_timeline_set_matrix (TANDEM_TIMELINE (self->timeline),
                              store ? tandem_store_get_matrix (store) : NULL);
  reload (self, TRUE);
}

/**
 * tandem_journey_group_set_initiative:
 * @initiative: (nullable): the live initiative (from the store) to show
 */
void
tandem_journey_group_set_initiative (TandemJourneyGroup *self,
                                     TandemInitiative   *initiative)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_GROUP (self));
  g_return_if_fail (initiative == NULL || TANDEM_IS_INITIATIVE (initiative));

  if (self->initiative == initiative)
    return;

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_func (self->initiative, queue_reload, self);

  g_set_object (&self->initiative, initiative);

  if (initiative != NULL)
    g_signal_connect_swapped (initiative, "notify", G_CALLBACK (queue_reload), self);

  reload (self, TRUE);
}

void
tandem_journey_group_set_read_only (TandemJourneyGroup *self,
                                    gboolean            read_only)
{
  g_return_if_fail (TANDEM_IS_JOURNEY_GROUP (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  reload (self, FALSE);
}

/**
 * tandem_journey_group_get_timeline:
 *
 * Returns: (transfer none): the #TandemTimeline
 */
GtkWidget *
tandem_journey_group_get_timeline (TandemJourneyGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_JOURNEY_GROUP (self), NULL);

  return self->timeline;
}
