/* tandem-case-editor.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-case-editor.h"

struct _TandemCaseEditor
{
  AdwWindow            parent_instance;

  TandemHistory       *history;
  TandemCaseStudy     *live;

  /* The outcome and source rows, in order; each keeps its entries as
   * object data ("figure", "period"; "document", "author", "year", "url"). */
  GPtrArray           *outcome_rows;
  GPtrArray           *source_rows;

  GtkWidget           *cos_checks[TANDEM_N_COS];

  /* Template widgets */
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *country_row;
  AdwEntryRow         *service_area_row;
  AdwEntryRow         *period_row;
  GtkGrid             *cos_grid;
  GtkTextView         *summary_view;
  GtkTextView         *change_view;
  GtkTextView         *learning_view;
  GtkTextView         *tags_view;
  AdwPreferencesGroup *outcomes_group;
  AdwPreferencesGroup *sources_group;
  GtkWidget           *add_outcome_button;
  GtkWidget           *add_source_button;
};

G_DEFINE_FINAL_TYPE (TandemCaseEditor, tandem_case_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_CASE_STUDY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Text helpers ------------------------------------------------------------ */

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* @text without white space around it, newly allocated. */
static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static char *
dup_entry_text (GtkWidget *entry)
{
  return dup_stripped (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The non-empty items of @text split at any of @separators, stripped. */
static GStrv
split_items (const char *text,
             const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static GtkWidget *
entry_new (const char *label,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return entry;
}

static GtkWidget *
remove_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return button;
}

/* A row of the Outcomes or Sources group.  Rows hold entries, so the row
 * itself takes no focus: Tab goes straight to the first entry. */
static GtkWidget *
editable_row_new (const char *title,
                  GtkWidget  *child)
{
  GtkWidget *row = adw_preferences_row_new ();

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

/* ---- Outcomes ------------------------------------------------------------------ */

static void
remove_outcome_clicked_cb (GtkButton        *button,
                           TandemCaseEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_grab_focus (self->add_outcome_button);
  g_ptr_array_remove (self->outcome_rows, row);
  adw_preferences_group_remove (self->outcomes_group, row);
}

static GtkWidget *
add_outcome_row (TandemCaseEditor *self,
                 const char       *figure,
                 const char       *period)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *figure_entry = entry_new (_("Figure"), figure);
  GtkWidget *period_entry = entry_new (_("Period"), period);
  GtkWidget *button = remove_button_new (_("Remove Outcome"));
  GtkWidget *row;

  gtk_widget_set_hexpand (figure_entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (figure_entry), 8);
  gtk_editable_set_width_chars (GTK_EDITABLE (period_entry), 8);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_outcome_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), figure_entry);
  gtk_box_append (GTK_BOX (box), period_entry);
  gtk_box_append (GTK_BOX (box), button);

  row = editable_row_new (_("Outcome"), box);
  g_object_set_data (G_OBJECT (row), "figure", figure_entry);
  g_object_set_data (G_OBJECT (row), "period", period_entry);

  g_ptr_array_add (self->outcome_rows, row);
  adw_preferences_group_add (self->outcomes_group, row);

  return figure_entry;
}

static void
add_outcome_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TandemCaseEditor *self = TANDEM_CASE_EDITOR (widget);

  gtk_widget_grab_focus (add_outcome_row (self, "", ""));
}

/* ---- Sources ------------------------------------------------------------------- */

static void
remove_source_clicked_cb (GtkButton        *button,
                          TandemCaseEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_grab_focus (self->add_source_button);
  g_ptr_array_remove (self->source_rows, row);
  adw_preferences_group_remove (self->sources_group, row);
}

static GtkWidget *
add_source_row (TandemCaseEditor   *self,
                const TandemSource *source)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *document = entry_new (_("Document"), source ? source->document : NULL);
  GtkWidget *author = entry_new (_("Author"), source ? source->author : NULL);
  GtkWidget *year = entry_new (_("Year"), source ? source->year : NULL);
  GtkWidget *url = entry_new (_("Address (URL)"), source ? source->url : NULL);
  GtkWidget *button = remove_button_new (_("Remove Source"));
  GtkWidget *row;

  gtk_widget_set_hexpand (document, TRUE);
  gtk_widget_set_hexpand (author, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (document), 8);
  gtk_editable_set_width_chars (GTK_EDITABLE (author), 8);
  gtk_editable_set_width_chars (GTK_EDITABLE (year), 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (year), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_input_purpose (GTK_ENTRY (url), GTK_INPUT_PURPOSE_URL);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_source_clicked_cb), self);

  gtk_box_append (GTK_BOX (line), document);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (box), line);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_end (line, 40);
  gtk_box_append (GTK_BOX (line), author);
  gtk_box_append (GTK_BOX (line), year);
  gtk_box_append (GTK_BOX (box), line);

  gtk_widget_set_margin_end (url, 40);
  gtk_box_append (GTK_BOX (box), url);

  row = editable_row_new (_("Source"), box);
  g_object_set_data (G_OBJECT (row), "document", document);
  g_object_set_data (G_OBJECT (row), "author", author);
  g_object_set_data (G_OBJECT (row), "year", year);
  g_object_set_data (G_OBJECT (row), "url", url);

  g_ptr_array_add (self->source_rows, row);
  adw_preferences_group_add (self->sources_group, row);

  return document;
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TandemCaseEditor *self = TANDEM_CASE_EDITOR (widget);

  gtk_widget_grab_focus (add_source_row (self, NULL));
}

/* ---- Loading and saving ------------------------------------------------------ */

static void
load (TandemCaseEditor *self)
{
  TandemCaseStudy *cs = self->live;
  TandemCos cos = tandem_case_study_get_cos (cs);
  g_autofree char *learning = NULL;
  g_autofree char *tags = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), tandem_case_study_get_title (cs));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), tandem_case_study_get_place (cs));
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), tandem_case_study_get_country (cs));
  gtk_editable_set_text (GTK_EDITABLE (self->service_area_row), tandem_case_study_get_service_area (cs));
  gtk_editable_set_text (GTK_EDITABLE (self->period_row), tandem_case_study_get_period (cs));

  for (guint i = 0; i < TANDEM_N_COS; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->cos_checks[i]), (cos & (1u << i)) != 0);

  set_view_text (self->summary_view, tandem_case_study_get_summary (cs));
  set_view_text (self->change_view, tandem_case_study_get_change_notes (cs));

  learning = g_strjoinv ("\n", (char **) tandem_case_study_get_learning (cs));
  set_view_text (self->learning_view, learning);
  /* Translators: the separator between tags while editing them; keep the comma */
  tags = g_strjoinv (", ", (char **) tandem_case_study_get_tags (cs));
  set_view_text (self->tags_view, tags);

  for (guint i = 0; i < tandem_case_study_get_n_outcomes (cs); i++)
    {
      const TandemOutcome *outcome = tandem_case_study_get_outcome (cs, i);

      add_outcome_row (self, outcome->figure, outcome->period);
    }

  for (guint i = 0; i < tandem_case_study_get_n_sources (cs); i++)
    add_source_row (self, tandem_case_study_get_source (cs, i));
}

static void
show_error (TandemCaseEditor *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static TandemCaseStudy *
build_edited (TandemCaseEditor *self)
{
  g_autoptr(TandemCaseStudy) edited = tandem_case_study_copy (self->live);
  g_autofree char *title = dup_entry_text (GTK_WIDGET (self->title_row));
  g_autofree char *place = dup_entry_text (GTK_WIDGET (self->place_row));
  g_autofree char *country = dup_entry_text (GTK_WIDGET (self->country_row));
  g_autofree char *area = dup_entry_text (GTK_WIDGET (self->service_area_row));
  g_autofree char *period = dup_entry_text (GTK_WIDGET (self->period_row));
  g_autofree char *summary = dup_view_text (self->summary_view);
  g_autofree char *change = dup_view_text (self->change_view);
  g_autofree char *learning_text = dup_view_text (self->learning_view);
  g_autofree char *tags_text = dup_view_text (self->tags_view);
  g_auto(GStrv) learning = split_items (learning_text, "\n");
  g_auto(GStrv) tags = split_items (tags_text, ",\n");
  TandemCos cos = TANDEM_CO_NONE;

  for (guint i = 0; i < TANDEM_N_COS; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->cos_checks[i])))
      cos |= 1u << i;

  g_object_freeze_notify (G_OBJECT (edited));
  tandem_case_study_set_title (edited, title);
  tandem_case_study_set_place (edited, place);
  tandem_case_study_set_country (edited, country);
  tandem_case_study_set_service_area (edited, area);
  tandem_case_study_set_period (edited, period);
  tandem_case_study_set_summary (edited, g_strstrip (summary));
  tandem_case_study_set_change_notes (edited, g_strstrip (change));
  tandem_case_study_set_cos (edited, cos);
  tandem_case_study_set_learning (edited, (const char * const *) learning);
  tandem_case_study_set_tags (edited, (const char * const *) tags);
  g_object_thaw_notify (G_OBJECT (edited));

  tandem_case_study_clear_outcomes (edited);
  for (guint i = 0; i < self->outcome_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->outcome_rows, i);
      g_autofree char *figure = dup_entry_text (g_object_get_data (row, "figure"));
      g_autofree char *when = dup_entry_text (g_object_get_data (row, "period"));

      if (figure[0] != '\0' || when[0] != '\0')
        tandem_case_study_add_outcome (edited, figure, when);
    }

  tandem_case_study_clear_sources (edited);
  for (guint i = 0; i < self->source_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->source_rows, i);
      g_autofree char *document = dup_entry_text (g_object_get_data (row, "document"));
      g_autofree char *author = dup_entry_text (g_object_get_data (row, "author"));
      g_autofree char *year = dup_entry_text (g_object_get_data (row, "year"));
      g_autofree char *url = dup_entry_text (g_object_get_data (row, "url"));

      if (document[0] != '\0' || author[0] != '\0' || year[0] != '\0' || url[0] != '\0')
        tandem_case_study_add_source (edited, document, author, year, url);
    }

  return g_steal_pointer (&edited);
}

/**
 * tandem_case_editor_save:
 *
 * Saves what the editor holds as one undoable step and closes the editor.
 * If the title is empty, or the portfolio refuses the change, the editor
 * stays open and says why.
 *
 * Returns: %TRUE if the case study was saved
 */
gboolean
tandem_case_editor_save (TandemCaseEditor *self)
{
  g_autoptr(TandemCaseStudy) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  TandemStore *store;

  g_return_val_if_fail (TANDEM_IS_CASE_EDITOR (self), FALSE);

  title = dup_entry_text (GTK_WIDGET (self->title_row));
  if (title[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      show_error (self, _("A case study needs a title."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return FALSE;
    }

  /* Undo may have taken the case study away while the editor was open:
   * saving it now would bring it back. */
  store = tandem_history_get_store (self->history);
  if (tandem_store_lookup_case_study (store, tandem_case_study_get_id (self->live)) != self->live)
    {
      show_error (self, _("This case study no longer exists, so your changes cannot be saved."));
      return FALSE;
    }

  edited = build_edited (self);
  if (!tandem_history_save_case_study (self->history, edited, NULL, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  tandem_case_editor_save (TANDEM_CASE_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
title_changed_cb (TandemCaseEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

/* ---- GObject --------------------------------------------------------------------- */

static void
tandem_case_editor_constructed (GObject *object)
{
  TandemCaseEditor *self = (TandemCaseEditor *)object;

  G_OBJECT_CLASS (tandem_case_editor_parent_class)->constructed (object);

  g_assert (TANDEM_IS_HISTORY (self->history));
  g_assert (TANDEM_IS_CASE_STUDY (self->live));

  load (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
}

static void
tandem_case_editor_dispose (GObject *object)
{
  TandemCaseEditor *self = (TandemCaseEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_CASE_EDITOR);

  g_clear_object (&self->history);
  g_clear_object (&self->live);

  G_OBJECT_CLASS (tandem_case_editor_parent_class)->dispose (object);
}

static void
tandem_case_editor_finalize (GObject *object)
{
  TandemCaseEditor *self = (TandemCaseEditor *)object;

  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_case_editor_parent_class)->finalize (object);
}

static void
tandem_case_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemCaseEditor *self = TANDEM_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_CASE_STUDY:
      g_value_set_object (value, self->live);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TandemCaseEditor *self = TANDEM_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_CASE_STUDY:
      self->live = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_editor_class_init (TandemCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_case_editor_constructed;
  object_class->dispose = tandem_case_editor_dispose;
  object_class->finalize = tandem_case_editor_finalize;
  object_class->get_property = tandem_case_editor_get_property;
  object_class->set_property = tandem_case_editor_set_property;

  /**
   * TandemCaseEditor:history:
   *
   * The undo history the edit is saved through.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         TANDEM_TYPE_HISTORY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemCaseEditor:case-study:
   *
   * The live case study edited; it only changes when the edit is saved.
   */
  properties[PROP_CASE_STUDY] =
    g_param_spec_object ("case-study", NULL, NULL,
                         TANDEM_TYPE_CASE_STUDY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/tandem/Tandem/tandem-case-editor.ui");

  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, service_area_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, period_row);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, cos_grid);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, change_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, learning_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, tags_view);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, outcomes_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, sources_group);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, add_outcome_button);
  gtk_widget_class_bind_template_child (widget_class, TandemCaseEditor, add_source_button);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-outcome", NULL, add_outcome_action);
  gtk_widget_class_install_action (widget_class, "editor.add-source", NULL, add_source_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
tandem_case_editor_init (TandemCaseEditor *self)
{
  self->outcome_rows = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < TANDEM_N_COS; i++)
    {
      self->cos_checks[i] = gtk_check_button_new_with_label (tandem_cos_get_label (1u << i));
      gtk_grid_attach (self->cos_grid, self->cos_checks[i], i % 2, i / 2, 1, 1);
    }
}

/* ---- Public API --------------------------------------------------------------- */

/**
 * tandem_case_editor_new:
 * @parent: (nullable): the window to stay over
 * @history: the undo history to save through
 * @live: the live case study to edit, one of the user's own
 *
 * Returns: (transfer none): a new editor, owned by GTK like every window;
 *   present it with gtk_window_present()
 */
GtkWidget *
tandem_case_editor_new (GtkWindow       *parent,
                        TandemHistory   *history,
                        TandemCaseStudy *live)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (live), NULL);

  return g_object_new (TANDEM_TYPE_CASE_EDITOR,
                       "transient-for", parent,
                       "history", history,
                       "case-study", live,
                       NULL);
}

/**
 * tandem_case_editor_get_case_study:
 *
 * Returns: (transfer none): the live case study edited
 */
TandemCaseStudy *
tandem_case_editor_get_case_study (TandemCaseEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_EDITOR (self), NULL);

  return self->live;
}
