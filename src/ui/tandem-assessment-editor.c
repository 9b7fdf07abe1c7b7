/* tandem-assessment-editor.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-assessment-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-assessment-editor.h"

/* Every control writes through to an edited copy of the assessment as it
 * changes, so what Save checks and writes is always what the window shows
 * (and tests can look at, or change, that copy before saving). */

struct _TandemAssessmentEditor
{
  AdwWindow         parent_instance;

  TandemHistory    *history;
  TandemInitiative *initiative;
  TandemAssessment *existing;    /* NULL for a new assessment */
  TandemAssessment *edited;
  guint             loading;     /* while load() sets the controls */

  GtkStringList    *cells;       /* the nine cells */
  GtkStringList    *placements;  /* "Same as agreed", then the nine cells */

  GtkWidget        *message;
  GtkWidget        *body;
  GtkWidget        *date_entry;
  GtkWidget        *cell_row;
  GtkWidget        *stage_row;
  GtkWidget        *level_row;
  GtkWidget        *presence_rows[TANDEM_N_COS];
  GtkWidget        *subtype_checks[5];
  GtkWidget        *principle_checks[4];
  GtkWidget        *answer_rows[TANDEM_N_QUESTIONS];
  GtkWidget        *placement_rows[TANDEM_N_STAKEHOLDERS];
  GtkWidget        *spread_label;
  GtkWidget        *notes_view;
  GtkWidget        *participants_row;
  GtkWidget        *evidence_group;
  GtkWidget        *add_evidence_button;

  /* The evidence rows, in order; each keeps its entries as object data
   * ("caption", "link"). */
  GPtrArray        *evidence_rows;
};

G_DEFINE_FINAL_TYPE (TandemAssessmentEditor, tandem_assessment_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_INITIATIVE,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Combo-row index i (0…8) of a cell, and back. */
#define CELL_ROW(i)          ((i) / TANDEM_MATRIX_SIZE + 1)
#define CELL_COL(i)          ((i) % TANDEM_MATRIX_SIZE + 1)
#define CELL_INDEX(row, col) (((row) - 1) * TANDEM_MATRIX_SIZE + ((col) - 1))

static const struct
{
  TandemCos      co;
  TandemSubtype  subtype;
  const char    *label;
} subtypes[] = {
  { TANDEM_CO_COMMISSIONING, TANDEM_SUBTYPE_CO_PLANNING,     N_("Co-planning of policy") },
  { TANDEM_CO_COMMISSIONING, TANDEM_SUBTYPE_CO_PRIORITISING, N_("Co-prioritisation of services") },
  { TANDEM_CO_COMMISSIONING, TANDEM_SUBTYPE_CO_FINANCING,    N_("Co-financing of services") },
  { TANDEM_CO_DELIVERY,      TANDEM_SUBTYPE_CO_MANAGEMENT,   N_("Co-management") },
  { TANDEM_CO_DELIVERY,      TANDEM_SUBTYPE_CO_PERFORMING,   N_("Co-performing") },
};

static const struct
{
  TandemPrinciple  principle;
  const char      *label;
} principles[] = {
  { TANDEM_PRINCIPLE_ASSETS,       N_("People are seen as assets, not as recipients") },
  { TANDEM_PRINCIPLE_CAPACITIES,   N_("Hidden capacities are drawn on, with give and take both ways") },
  { TANDEM_PRINCIPLE_CATALYSTS,    N_("Agencies act as catalysts and co-designers") },
  { TANDEM_PRINCIPLE_PEER_SUPPORT, N_("Peer support networks carry and share knowledge") },
};

static const char *presence_labels[] = { N_("Absent"), N_("Emerging"), N_("Established"), NULL };
static const char *answer_labels[] = { N_("Unknown"), N_("No"), N_("Partly"), N_("Yes"), NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (subtypes) == G_N_ELEMENTS (((TandemAssessmentEditor *) NULL)->subtype_checks));
G_STATIC_ASSERT (G_N_ELEMENTS (principles) == G_N_ELEMENTS (((TandemAssessmentEditor *) NULL)->principle_checks));

/* ---- Helpers --------------------------------------------------------------- */

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

static GtkStringList *
translated_list_new (const char * const *msgids)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; msgids[i] != NULL; i++)
    gtk_string_list_append (list, _(msgids[i]));

  return list;
}

/* "ROW,COL · label", plain text (the wording may be the user's). */
static char *
format_cell (TandemMatrix *matrix,
             guint         row,
             guint         col)
{
  g_autofree char *address = tandem_cell_to_string (row, col);

  /* Translators: a cell of the service-design matrix: its address, such
   * as "2,2", then its label, such as "Full co-production" */
  return g_strdup_printf (_("%s · %s"), address, tandem_matrix_get_cell_label (matrix, row, col));
}

/* Cell labels are long: ellipsized in the row itself, so the window can
 * stay narrow, and wrapped in the drop-down list, so they can be read. */
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
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
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

static GtkWidget *
combo_row_new (const char *title,
               GListModel *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);

  return row;
}

static GtkWidget *
cell_combo_row_new (const char *title,
                    GListModel *model)
{
  GtkWidget *row = combo_row_new (title, NULL);
  g_autoptr(GtkListItemFactory) shown = cell_item_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) listed = cell_item_factory_new (TRUE);

  adw_combo_row_set_factory (ADW_COMBO_ROW (row), shown);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), listed);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);

  return row;
}

/* A row that is a check box: activating the row toggles it. */
static GtkWidget *
check_row_new (const char  *title,
               GtkWidget  **check)
{
  GtkWidget *row = adw_action_row_new ();

  *check = gtk_check_button_new ();
  gtk_widget_set_valign (*check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *check);

  return row;
}

static GtkWidget *
entry_new (const char *label,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return entry;
}

/* A row holding entries: the row itself takes no focus, so Tab goes
 * straight to the first entry. */
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

static GtkWidget *
group_new (GtkWidget  *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (box), group);

  return group;
}

static void
show_error (TandemAssessmentEditor *self,
            const char             *message)
{
  gtk_label_set_text (GTK_LABEL (self->message), message ? message : "");
  gtk_widget_set_visible (self->message, message != NULL);
}

/* ---- Writing the controls through --------------------------------------- */

static gboolean
date_is_acceptable (const char *date)
{
  g_autofree char *today = tandem_date_today ();

  return tandem_date_is_valid (date) && strcmp (date, today) <= 0;
}

static void
update_spread (TandemAssessmentEditor *self)
{
  guint spread = tandem_assessment_get_spread (self->edited);
  g_autofree char *text = NULL;

  if (spread == 0)
    text = g_strdup (_("Placements agree"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Placements differ by up to %u step",
                                         "Placements differ by up to %u steps",
                                         spread),
                            spread);

  gtk_label_set_text (GTK_LABEL (self->spread_label), text);
}

static void
date_changed_cb (TandemAssessmentEditor *self)
{
  g_autofree char *date = dup_entry_text (self->date_entry);

  if (self->loading)
    return;

  tandem_assessment_set_date (self->edited, date);
  if (!tandem_store_get_read_only (tandem_history_get_store (self->history)))
    show_error (self, NULL);

  if (date[0] == '\0' || date_is_acceptable (date))
    gtk_widget_remove_css_class (self->date_entry, "error");
  else
    gtk_widget_add_css_class (self->date_entry, "error");
}

static void
cell_selected_cb (TandemAssessmentEditor *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->cell_row));

  if (self->loading || i >= TANDEM_N_CELLS)
    return;

  tandem_assessment_set_cell (self->edited, CELL_ROW (i), CELL_COL (i));
  update_spread (self);
}

static void
stage_selected_cb (TandemAssessmentEditor *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->stage_row));

  if (self->loading || i == GTK_INVALID_LIST_POSITION)
    return;

  tandem_assessment_set_stage (self->edited, (TandemStage) i);
}

static void
level_selected_cb (TandemAssessmentEditor *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->level_row));

  if (self->loading || i == GTK_INVALID_LIST_POSITION)
    return;

  tandem_assessment_set_level (self->edited, (TandemLevel) i);
}

static void
presence_selected_cb (AdwComboRow            *row,
                      GParamSpec             *pspec,
                      TandemAssessmentEditor *self)
{
  TandemCos co = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "co"));
  guint i = adw_combo_row_get_selected (row);

  if (self->loading || i == GTK_INVALID_LIST_POSITION)
    return;

  tandem_assessment_set_presence (self->edited, co, (TandemPresence) i);
}

static void
subtype_toggled_cb (TandemAssessmentEditor *self)
{
  guint value = 0;

  if (self->loading)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (subtypes); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->subtype_checks[i])))
      value |= subtypes[i].subtype;

  tandem_assessment_set_subtypes (self->edited, value);
}

static void
principle_toggled_cb (TandemAssessmentEditor *self)
{
  guint value = 0;

  if (self->loading)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (principles); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->principle_checks[i])))
      value |= principles[i].principle;

  tandem_assessment_set_principles (self->edited, value);
}

static void
answer_selected_cb (AdwComboRow            *row,
                    GParamSpec             *pspec,
                    TandemAssessmentEditor *self)
{
  TandemQuestion question = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "question"));
  guint i = adw_combo_row_get_selected (row);

  if (self->loading || i == GTK_INVALID_LIST_POSITION)
    return;

  tandem_assessment_set_answer (self->edited, question, (TandemAnswer) i);
}

/* Index 0 is "Same as agreed", which is no placement of the group's own. */
static void
placement_selected_cb (AdwComboRow            *row,
                       GParamSpec             *pspec,
                       TandemAssessmentEditor *self)
{
  TandemStakeholder stakeholder = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "stakeholder"));
  guint i = adw_combo_row_get_selected (row);

  if (self->loading)
    return;

  if (i == 0 || i > TANDEM_N_CELLS)
    tandem_assessment_clear_placement (self->edited, stakeholder);
  else
    tandem_assessment_set_placement (self->edited, stakeholder, CELL_ROW (i - 1), CELL_COL (i - 1));

  update_spread (self);
}

static void
notes_changed_cb (TandemAssessmentEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tandem_assessment_set_notes (self->edited, g_strstrip (text));
}

static void
participants_changed_cb (TandemAssessmentEditor *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  text = dup_entry_text (self->participants_row);
  tandem_assessment_set_participants (self->edited, text);
}

/* Evidence rows are few: rewrite them all on any change. */
static void
evidence_changed_cb (TandemAssessmentEditor *self)
{
  if (self->loading)
    return;

  tandem_assessment_clear_evidence (self->edited);

  for (guint i = 0; i < self->evidence_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->evidence_rows, i);
      g_autofree char *caption = dup_entry_text (g_object_get_data (row, "caption"));
      g_autofree char *link = dup_entry_text (g_object_get_data (row, "link"));

      if (caption[0] != '\0' || link[0] != '\0')
        tandem_assessment_add_evidence (self->edited, caption, link);
    }
}

/* ---- Evidence rows -------------------------------------------------------- */

static void
remove_evidence_clicked_cb (GtkButton              *button,
                            TandemAssessmentEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  /* Keep the focus in the window, near where it was. */
  gtk_widget_grab_focus (self->add_evidence_button);
  g_ptr_array_remove (self->evidence_rows, row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->evidence_group), row);
  evidence_changed_cb (self);
}

static GtkWidget *
add_evidence_row (TandemAssessmentEditor *self,
                  const char             *caption,
                  const char             *link)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption_entry = entry_new (_("Caption"), caption);
  GtkWidget *link_entry = entry_new (_("Link or file path"), link);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *row;

  gtk_widget_set_hexpand (caption_entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (caption_entry), 8);
  gtk_editable_set_width_chars (GTK_EDITABLE (link_entry), 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (link_entry), GTK_INPUT_PURPOSE_URL);
  gtk_widget_set_margin_end (link_entry, 40);
  g_signal_connect_swapped (caption_entry, "changed", G_CALLBACK (evidence_changed_cb), self);
  g_signal_connect_swapped (link_entry, "changed", G_CALLBACK (evidence_changed_cb), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Evidence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Evidence"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_evidence_clicked_cb), self);

  gtk_box_append (GTK_BOX (line), caption_entry);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), link_entry);

  row = editable_row_new (_("Evidence"), box);
  g_object_set_data (G_OBJECT (row), "caption", caption_entry);
  g_object_set_data (G_OBJECT (row), "link", link_entry);

  g_ptr_array_add (self->evidence_rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->evidence_group), row);

  return caption_entry;
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TandemAssessmentEditor *self = TANDEM_ASSESSMENT_EDITOR (widget);

  gtk_widget_grab_focus (add_evidence_row (self, "", ""));
}

/* ---- Loading ---------------------------------------------------------------- */

/* Everything an assessment says but its ID, initiative, date and cell. */
static void
copy_findings (TandemAssessment *dest,
               TandemAssessment *src)
{
  tandem_assessment_set_stage (dest, tandem_assessment_get_stage (src));
  tandem_assessment_set_level (dest, tandem_assessment_get_level (src));
  for (guint i = 0; i < TANDEM_N_COS; i++)
    tandem_assessment_set_presence (dest, 1u << i, tandem_assessment_get_presence (src, 1u << i));
  tandem_assessment_set_subtypes (dest, tandem_assessment_get_subtypes (src));
  tandem_assessment_set_principles (dest, tandem_assessment_get_principles (src));
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    tandem_assessment_set_answer (dest, q, tandem_assessment_get_answer (src, q));
  tandem_assessment_set_notes (dest, tandem_assessment_get_notes (src));
  tandem_assessment_set_participants (dest, tandem_assessment_get_participants (src));

  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint row, col;

      if (tandem_assessment_get_placement (src, s, &row, &col))
        tandem_assessment_set_placement (dest, s, row, col);
      else
        tandem_assessment_clear_placement (dest, s);
    }

  tandem_assessment_clear_evidence (dest);
  for (guint i = 0; i < tandem_assessment_get_n_evidence (src); i++)
    {
      const TandemEvidence *evidence = tandem_assessment_get_evidence (src, i);

      tandem_assessment_add_evidence (dest, evidence->caption, evidence->link);
    }
}

/* A new assessment starts from the latest one, if any, so that only what
 * changed needs entering; it is dated today. */
static TandemAssessment *
new_assessment (TandemAssessmentEditor *self)
{
  TandemStore *store = tandem_history_get_store (self->history);
  const char *uuid = tandem_initiative_get_uuid (self->initiative);
  g_autofree char *today = tandem_date_today ();
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GError) error = NULL;
  TandemAssessment *latest = NULL;
  TandemAssessment *assessment;

  previous = tandem_store_list_assessments (store, uuid, &error);
  if (previous == NULL)
    g_warning ("Could not read the assessments of %s: %s", uuid, error->message);
  else if (previous->len > 0)
    latest = g_ptr_array_index (previous, previous->len - 1);

  if (latest != NULL)
    {
      assessment = tandem_assessment_new (uuid, today,
                                          tandem_assessment_get_row (latest),
                                          tandem_assessment_get_col (latest));
      copy_findings (assessment, latest);
    }
  else
    {
      assessment = tandem_assessment_new (uuid, today,
                                          tandem_initiative_get_row (self->initiative),
                                          tandem_initiative_get_col (self->initiative));
    }

  return assessment;
}

static void
load (TandemAssessmentEditor *self)
{
  TandemAssessment *a = self->edited;
  guint subtype_bits = tandem_assessment_get_subtypes (a);
  guint principle_bits = tandem_assessment_get_principles (a);
  guint row = tandem_assessment_get_row (a);
  guint col = tandem_assessment_get_col (a);

  self->loading++;

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), tandem_assessment_get_date (a));
  if (tandem_cell_is_valid (row, col))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->cell_row), CELL_INDEX (row, col));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->stage_row), tandem_assessment_get_stage (a));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->level_row), tandem_assessment_get_level (a));

  for (guint i = 0; i < TANDEM_N_COS; i++)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->presence_rows[i]),
                                tandem_assessment_get_presence (a, 1u << i));
  for (guint i = 0; i < G_N_ELEMENTS (subtypes); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->subtype_checks[i]),
                                 (subtype_bits & subtypes[i].subtype) != 0);
  for (guint i = 0; i < G_N_ELEMENTS (principles); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->principle_checks[i]),
                                 (principle_bits & principles[i].principle) != 0);
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->answer_rows[q]), tandem_assessment_get_answer (a, q));

  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint prow, pcol;
      guint index = 0;

      if (tandem_assessment_get_placement (a, s, &prow, &pcol) && tandem_cell_is_valid (prow, pcol))
        index = CELL_INDEX (prow, pcol) + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->placement_rows[s]), index);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)),
                            tandem_assessment_get_notes (a), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->participants_row), tandem_assessment_get_participants (a));

  for (guint i = 0; i < tandem_assessment_get_n_evidence (a); i++)
    {
      const TandemEvidence *evidence = tandem_assessment_get_evidence (a, i);

      add_evidence_row (self, evidence->caption, evidence->link);
    }

  self->loading--;

  update_spread (self);
}

/* ---- Building the window ---------------------------------------------------- */

static void
build_when_and_where (TandemAssessmentEditor *self,
                      GtkWidget              *box)
{
  GtkWidget *group = group_new (box, _("When and Where"));
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  /* Today's date by default; an earlier one records a past assessment. */
  self->date_entry = entry_new (_("YYYY-MM-DD"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Year, month and day, as YYYY-MM-DD"),
                                  -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->date_entry), 11);
  gtk_widget_set_valign (self->date_entry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (date_changed_cb), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->date_entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->date_entry);
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->cell_row = cell_combo_row_new (_("Cell"), G_LIST_MODEL (self->cells));
  g_signal_connect_swapped (self->cell_row, "notify::selected", G_CALLBACK (cell_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->cell_row);

  for (guint i = TANDEM_STAGE_NONE; i <= TANDEM_STAGE_FULL_CO_PRODUCTION; i++)
    gtk_string_list_append (stages, tandem_stage_get_label (i));
  self->stage_row = combo_row_new (_("Readiness stage"), G_LIST_MODEL (stages));
  g_signal_connect_swapped (self->stage_row, "notify::selected", G_CALLBACK (stage_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->stage_row);

  for (guint i = TANDEM_LEVEL_NONE; i <= TANDEM_LEVEL_TRANSFORMATION; i++)
    gtk_string_list_append (levels, tandem_level_get_label (i));
  self->level_row = combo_row_new (_("Level"), G_LIST_MODEL (levels));
  g_signal_connect_swapped (self->level_row, "notify::selected", G_CALLBACK (level_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->level_row);
}

static void
build_cos (TandemAssessmentEditor *self,
           GtkWidget              *box)
{
  GtkWidget *group = group_new (box, _("The Four Co’s"));
  g_autoptr(GtkStringList) presence = translated_list_new (presence_labels);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("How far each is present, and which kinds of it."));

  for (guint i = 0; i < TANDEM_N_COS; i++)
    {
      TandemCos co = 1u << i;

      self->presence_rows[i] = combo_row_new (tandem_cos_get_label (co), G_LIST_MODEL (presence));
      g_object_set_data (G_OBJECT (self->presence_rows[i]), "co", GUINT_TO_POINTER (co));
      g_signal_connect (self->presence_rows[i], "notify::selected", G_CALLBACK (presence_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->presence_rows[i]);

      /* The kinds of a Co follow its own row. */
      for (guint j = 0; j < G_N_ELEMENTS (subtypes); j++)
        {
          GtkWidget *row;

          if (subtypes[j].co != co)
            continue;

          row = check_row_new (_(subtypes[j].label), &self->subtype_checks[j]);
          gtk_widget_set_margin_start (self->subtype_checks[j], 18);
          g_signal_connect_swapped (self->subtype_checks[j], "toggled", G_CALLBACK (subtype_toggled_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }
}

static void
build_principles (TandemAssessmentEditor *self,
                  GtkWidget              *box)
{
  GtkWidget *group = group_new (box, _("Principles Present"));

  for (guint i = 0; i < G_N_ELEMENTS (principles); i++)
    {
      GtkWidget *row = check_row_new (_(principles[i].label), &self->principle_checks[i]);

      g_signal_connect_swapped (self->principle_checks[i], "toggled", G_CALLBACK (principle_toggled_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
build_outcomes (TandemAssessmentEditor *self,
                GtkWidget              *box)
{
  GtkWidget *group = group_new (box, _("Outcomes"));
  g_autoptr(GtkStringList) answers = translated_list_new (answer_labels);

  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    {
      self->answer_rows[q] = combo_row_new (tandem_question_get_label (q), G_LIST_MODEL (answers));
      g_object_set_data (G_OBJECT (self->answer_rows[q]), "question", GUINT_TO_POINTER (q));
      g_signal_connect (self->answer_rows[q], "notify::selected", G_CALLBACK (answer_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->answer_rows[q]);
    }
}

static void
build_stakeholders (TandemAssessmentEditor *self,
                    GtkWidget              *box)
{
  GtkWidget *group = group_new (box, _("Stakeholders"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Where each group would place the initiative, "
                                           "if not in the agreed cell."));

  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      self->placement_rows[s] = cell_combo_row_new (tandem_stakeholder_get_label (s),
                                                    G_LIST_MODEL (self->placements));
      g_object_set_data (G_OBJECT (self->placement_rows[s]), "stakeholder", GUINT_TO_POINTER (s));
      g_signal_connect (self->placement_rows[s], "notify::selected", G_CALLBACK (placement_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->placement_rows[s]);
    }

  /* Not a row: the group puts it below the list. */
  self->spread_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->spread_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->spread_label), TRUE);
  gtk_widget_set_margin_top (self->spread_label, 6);
  gtk_widget_add_css_class (self->spread_label, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->spread_label);
}

static void
build_notes (TandemAssessmentEditor *self,
             GtkWidget              *box)
{
  GtkWidget *group = group_new (box, _("Notes"));
  GtkWidget *row;

  self->notes_view = g_object_new (GTK_TYPE_TEXT_VIEW,
                                   "wrap-mode", GTK_WRAP_WORD_CHAR,
                                   "accepts-tab", FALSE,
                                   "height-request", 96,
                                   "top-margin", 4,
                                   "bottom-margin", 4,
                                   "left-margin", 4,
                                   "right-margin", 4,
                                   NULL);
  gtk_widget_add_css_class (self->notes_view, "inline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"),
                                  -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)), "changed",
                            G_CALLBACK (notes_changed_cb), self);
  row = editable_row_new (_("Notes"), self->notes_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->participants_row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->participants_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->participants_row), _("Who took part"));
  g_signal_connect_swapped (self->participants_row, "changed", G_CALLBACK (participants_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->participants_row);
}

static void
build_evidence (TandemAssessmentEditor *self,
                GtkWidget              *box)
{
  self->evidence_group = group_new (box, _("Evidence"));

  self->add_evidence_button = g_object_new (GTK_TYPE_BUTTON,
                                            "valign", GTK_ALIGN_CENTER,
                                            "action-name", "editor.add-evidence",
                                            "child", g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                                                   "icon-name", "list-add-symbolic",
                                                                   "label", _("Add Evidence"),
                                                                   NULL),
                                            NULL);
  gtk_widget_add_css_class (self->add_evidence_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_evidence_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Evidence"),
                                  -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->evidence_group),
                                           self->add_evidence_button);
}

static void
build (TandemAssessmentEditor *self)
{
  TandemMatrix *matrix = tandem_store_get_matrix (tandem_history_get_store (self->history));
  GtkWidget *content, *header, *cancel, *save, *scroller, *clamp;
  const char *title = self->existing != NULL ? _("Assessment") : _("New Assessment");

  gtk_string_list_append (self->placements, _("Same as agreed"));
  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      g_autofree char *text = format_cell (matrix, CELL_ROW (i), CELL_COL (i));

      gtk_string_list_append (self->cells, text);
      gtk_string_list_append (self->placements, text);
    }

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
  build_when_and_where (self, self->body);
  build_cos (self, self->body);
  build_principles (self, self->body);
  build_outcomes (self, self->body);
  build_stakeholders (self, self->body);
  build_notes (self, self->body);
  build_evidence (self, self->body);

  clamp = g_object_new (ADW_TYPE_CLAMP,
                        "maximum-size", 600,
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

/* ---- Saving ----------------------------------------------------------------- */

static gboolean
refuse (TandemAssessmentEditor *self,
        const char             *message,
        GtkWidget              *focus)
{
  show_error (self, message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);

  return FALSE;
}

/**
 * tandem_assessment_editor_save:
 *
 * Checks the assessment and saves it as one undoable step, then closes
 * the editor.  If the date is not a date, or in the future, or the
 * portfolio refuses the assessment (such as a second one of the
 * initiative on one date), the editor stays open and says why.
 *
 * Returns: %TRUE if the assessment was saved
 */
gboolean
tandem_assessment_editor_save (TandemAssessmentEditor *self)
{
  g_autoptr(TandemAssessment) same_day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  TandemStore *store;
  const char *date;

  g_return_val_if_fail (TANDEM_IS_ASSESSMENT_EDITOR (self), FALSE);

  store = tandem_history_get_store (self->history);
  today = tandem_date_today ();
  date = tandem_assessment_get_date (self->edited);

  if (tandem_store_get_read_only (store))
    return refuse (self, _("This portfolio is read-only, so the assessment cannot be saved."), NULL);

  if (!tandem_date_is_valid (date))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is today's date, as an example */
      message = g_strdup_printf (_("Enter the date as YYYY-MM-DD, for example %s."), today);
      gtk_widget_add_css_class (self->date_entry, "error");
      return refuse (self, message, self->date_entry);
    }

  if (strcmp (date, today) > 0)
    {
      gtk_widget_add_css_class (self->date_entry, "error");
      return refuse (self, _("An assessment cannot be dated in the future."), self->date_entry);
    }

  /* Undo may have taken the initiative away while the editor was open:
   * saving now would assess something that no longer exists. */
  if (tandem_store_lookup_initiative (store, tandem_initiative_get_uuid (self->initiative)) != self->initiative)
    return refuse (self, _("This initiative no longer exists, so the assessment cannot be saved."), NULL);

  /* The portfolio would refuse it too, but can only say so in general. */
  same_day = tandem_store_find_assessment (store, tandem_initiative_get_uuid (self->initiative), date, NULL);
  if (same_day != NULL &&
      g_strcmp0 (tandem_assessment_get_id (same_day), tandem_assessment_get_id (self->edited)) != 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("This initiative already has an assessment dated %s. "
                                   "Choose another date, or edit that assessment instead."), date);
      gtk_widget_add_css_class (self->date_entry, "error");
      return refuse (self, message, self->date_entry);
    }

  if (self->existing != NULL)
    {
      g_autoptr(TandemAssessment) stored = NULL;

      stored = tandem_store_lookup_assessment (store, tandem_assessment_get_id (self->existing), NULL);
      if (stored == NULL)
        return refuse (self, _("This assessment no longer exists, so your changes cannot be saved."), NULL);
    }

  if (!tandem_history_save_assessment (self->history, self->edited, &error))
    return refuse (self, error->message, NULL);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  tandem_assessment_editor_save (TANDEM_ASSESSMENT_EDITOR (widget));
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
tandem_assessment_editor_constructed (GObject *object)
{
  TandemAssessmentEditor *self = (TandemAssessmentEditor *)object;
  TandemStore *store;

  G_OBJECT_CLASS (tandem_assessment_editor_parent_class)->constructed (object);

  g_assert (TANDEM_IS_HISTORY (self->history));
  g_assert (TANDEM_IS_INITIATIVE (self->initiative));

  store = tandem_history_get_store (self->history);

  if (self->existing != NULL)
    self->edited = tandem_assessment_copy (self->existing);
  else
    self->edited = new_assessment (self);

  build (self);
  load (self);

  if (tandem_store_get_read_only (store))
    {
      const char *reason = tandem_store_get_read_only_reason (store);

      gtk_widget_set_sensitive (self->body, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-evidence", FALSE);
      show_error (self, reason != NULL && reason[0] != '\0'
                        ? reason : _("This portfolio is read-only."));
    }
  else if (self->existing == NULL)
    {
      const char *uuid = tandem_initiative_get_uuid (self->initiative);
      g_autoptr(TandemAssessment) same_day = NULL;

      /* Say so before Save is refused, not after. */
      same_day = tandem_store_find_assessment (store, uuid, tandem_assessment_get_date (self->edited), NULL);
      if (same_day != NULL)
        show_error (self, _("This initiative has already been assessed today. "
                            "Choose an earlier date, or edit today’s assessment instead."));
    }

  gtk_window_set_focus (GTK_WINDOW (self), self->date_entry);
}

static void
tandem_assessment_editor_dispose (GObject *object)
{
  TandemAssessmentEditor *self = (TandemAssessmentEditor *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->initiative);
  g_clear_object (&self->existing);
  g_clear_object (&self->edited);
  g_clear_object (&self->cells);
  g_clear_object (&self->placements);

  G_OBJECT_CLASS (tandem_assessment_editor_parent_class)->dispose (object);
}

static void
tandem_assessment_editor_finalize (GObject *object)
{
  TandemAssessmentEditor *self = (TandemAssessmentEditor *)object;

  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_assessment_editor_parent_class)->finalize (object);
}

static void
tandem_assessment_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TandemAssessmentEditor *self = TANDEM_ASSESSMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_INITIATIVE:
      g_value_set_object (value, self->initiative);
      break;

    case PROP_ASSESSMENT:
      g_value_set_object (value, self->existing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_assessment_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TandemAssessmentEditor *self = TANDEM_ASSESSMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_INITIATIVE:
      self->initiative = g_value_dup_object (value);
      break;

    case PROP_ASSESSMENT:
      self->existing = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_assessment_editor_class_init (TandemAssessmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tandem_assessment_editor_constructed;
  object_class->dispose = tandem_assessment_editor_dispose;
  object_class->finalize = tandem_assessment_editor_finalize;
  object_class->get_property = tandem_assessment_editor_get_property;
  object_class->set_property = tandem_assessment_editor_set_property;

  /**
   * TandemAssessmentEditor:history:
   *
   * The undo history the assessment is saved through.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         TANDEM_TYPE_HISTORY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemAssessmentEditor:initiative:
   *
   * The live initiative assessed.
   */
  properties[PROP_INITIATIVE] =
    g_param_spec_object ("initiative", NULL, NULL,
                         TANDEM_TYPE_INITIATIVE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * TandemAssessmentEditor:assessment:
   *
   * The assessment edited, or %NULL to record a new one.
   */
  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         TANDEM_TYPE_ASSESSMENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-evidence", NULL, add_evidence_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
tandem_assessment_editor_init (TandemAssessmentEditor *self)
{
  self->evidence_rows = g_ptr_array_new ();
  self->cells = gtk_string_list_new (NULL);
  self->placements = gtk_string_list_new (NULL);
}

/* ---- Public API ------------------------------------------------------------- */

/**
 * tandem_assessment_editor_new:
 * @parent: (nullable): the window to stay over
 * @history: the undo history to save through
 * @initiative: the live initiative assessed
 * @existing: (nullable): the assessment to edit, or %NULL for a new one,
 *   which starts from the initiative's latest assessment, dated today
 *
 * Returns: (transfer none): a new editor, owned by GTK like every window;
 *   present it with gtk_window_present()
 */
GtkWidget *
tandem_assessment_editor_new (GtkWindow        *parent,
                              TandemHistory    *history,
                              TandemInitiative *initiative,
                              TandemAssessment *existing)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (initiative), NULL);
  g_return_val_if_fail (existing == NULL || TANDEM_IS_ASSESSMENT (existing), NULL);

  return g_object_new (TANDEM_TYPE_ASSESSMENT_EDITOR,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "transient-for", parent,
                       "default-width", 560,
                       "default-height", 720,
                       "width-request", 360,
                       "height-request", 300,
                       "history", history,
                       "initiative", initiative,
                       "assessment", existing,
                       NULL);
}

/**
 * tandem_assessment_editor_get_assessment:
 *
 * The assessment as the editor now holds it: a copy of the one edited, or
 * the new one, which every control writes through to and Save writes.
 *
 * Returns: (transfer none): the edited copy
 */
TandemAssessment *
tandem_assessment_editor_get_assessment (TandemAssessmentEditor *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT_EDITOR (self), NULL);

  return self->edited;
}
