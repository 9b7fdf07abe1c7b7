/* tandem-citations-group.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-citations-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-citations-group.h"

/* The case studies an initiative cites, as inspiration or as evidence,
 * with a chooser to cite another.  Every change goes through the window's
 * win.cite-case and win.uncite-case actions, so it can be undone. */

struct _TandemCitationsGroup
{
  AdwPreferencesGroup  parent_instance;

  TandemStore         *store;
  TandemInitiative    *initiative;
  gboolean             read_only;
  GPtrArray           *rows;

  GtkWidget           *cite_button;
  GtkWidget           *search;
  GtkWidget           *list;
  GtkWidget           *relation;
  GtkWidget           *note;
  GtkWidget           *confirm;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  char                *search_text;
};

G_DEFINE_FINAL_TYPE (TandemCitationsGroup, tandem_citations_group, ADW_TYPE_PREFERENCES_GROUP)

static void
rebuild (TandemCitationsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_set_sensitive (self->cite_button, self->initiative != NULL && !self->read_only);

  if (self->initiative == NULL || self->store == NULL)
    return;

  for (guint i = 0; i < tandem_initiative_get_n_citations (self->initiative); i++)
    {
      const TandemCitation *citation = tandem_initiative_get_citation (self->initiative, i);
      TandemCaseStudy *cited = tandem_store_lookup_case_study (self->store, citation->case_id);
      const char *title = cited ? tandem_case_study_get_title (cited) : citation->case_id;
      const char *relation = citation->evidence ? _("Evidence") : _("Inspiration");
      g_autofree char *subtitle = citation->note[0] != '\0'
                                  ? g_strdup_printf ("%s — %s", relation, citation->note)
                                  : g_strdup (relation);
      g_autofree char *remove_label = g_strdup_printf (_("Remove the citation of “%s”"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Titles and notes are the user's text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-case");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", citation->case_id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.uncite-case");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)",
                                        tandem_initiative_get_uuid (self->initiative), citation->case_id);
      gtk_widget_set_sensitive (remove, !self->read_only);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

/* ---- The chooser ----------------------------------------------------------- */

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  TandemCitationsGroup *self = user_data;

  return tandem_case_study_matches (item, self->search_text);
}

static void
search_changed_cb (TandemCitationsGroup *self)
{
  g_free (self->search_text);
  self->search_text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (TandemCitationsGroup *self)
{
  gtk_widget_set_sensitive (self->confirm, gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
confirm_clicked_cb (TandemCitationsGroup *self)
{
  TandemCaseStudy *chosen = gtk_single_selection_get_selected_item (self->selection);

  if (chosen == NULL || self->initiative == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.cite-case", "(ssbs)",
                              tandem_initiative_get_uuid (self->initiative),
                              tandem_case_study_get_id (chosen),
                              gtk_drop_down_get_selected (GTK_DROP_DOWN (self->relation)) == 1,
                              gtk_editable_get_text (GTK_EDITABLE (self->note)));
  gtk_editable_set_text (GTK_EDITABLE (self->note), "");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->cite_button));
}

static void
setup_case_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_case_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tandem_case_study_get_title (gtk_list_item_get_item (item)));
}

static GtkWidget *
build_chooser (TandemCitationsGroup *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search case studies"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search case studies"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);

  self->filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_case_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_case_cb), NULL);
  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case studies"), -1);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "min-content-height", 200,
                           "min-content-width", 280,
                           "child", self->list,
                           NULL);
  gtk_box_append (GTK_BOX (box), scroller);

  self->relation = gtk_drop_down_new_from_strings ((const char *[]) { _("As inspiration"), _("As evidence"), NULL });
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->relation),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cite as"), -1);
  gtk_box_append (GTK_BOX (box), self->relation);

  self->note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note), _("Why? (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why this case study"), -1);
  g_signal_connect_swapped (self->note, "activate", G_CALLBACK (confirm_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->note);

  self->confirm = gtk_button_new_with_label (_("Cite"));
  gtk_widget_add_css_class (self->confirm, "suggested-action");
  gtk_widget_set_sensitive (self->confirm, FALSE);
  g_signal_connect_swapped (self->confirm, "clicked", G_CALLBACK (confirm_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->confirm);

  return box;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
tandem_citations_group_dispose (GObject *object)
{
  TandemCitationsGroup *self = (TandemCitationsGroup *)object;

  tandem_citations_group_set_initiative (self, NULL);
  tandem_citations_group_set_store (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (tandem_citations_group_parent_class)->dispose (object);
}

static void
tandem_citations_group_finalize (GObject *object)
{
  TandemCitationsGroup *self = (TandemCitationsGroup *)object;

  g_ptr_array_unref (self->rows);
  g_free (self->search_text);

  G_OBJECT_CLASS (tandem_citations_group_parent_class)->finalize (object);
}

static void
tandem_citations_group_class_init (TandemCitationsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_citations_group_dispose;
  object_class->finalize = tandem_citations_group_finalize;
}

static void
tandem_citations_group_init (TandemCitationsGroup *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Case Studies"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What inspired this initiative, or is evidence for it"));

  gtk_popover_set_child (GTK_POPOVER (popover), build_chooser (self));
  self->cite_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                                    "label", _("Cite…"),
                                    "popover", popover,
                                    "valign", GTK_ALIGN_CENTER,
                                    "tooltip-text", _("Cite a case study"),
                                    NULL);
  gtk_widget_add_css_class (self->cite_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->cite_button);
}

GtkWidget *
tandem_citations_group_new (void)
{
  return g_object_new (TANDEM_TYPE_CITATIONS_GROUP, NULL);
}

void
tandem_citations_group_set_store (TandemCitationsGroup *self,
                                  TandemStore          *store)
{
  g_return_if_fail (TANDEM_IS_CITATIONS_GROUP (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (tandem_store_get_case_studies (self->store), rebuild, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_swapped (tandem_store_get_case_studies (store), "items-changed",
                              G_CALLBACK (rebuild), self);

  gtk_filter_list_model_set_model (self->filtered, store ? tandem_store_get_case_studies (store) : NULL);
  rebuild (self);
}

void
tandem_citations_group_set_initiative (TandemCitationsGroup *self,
                                       TandemInitiative     *initiative)
{
  g_return_if_fail (TANDEM_IS_CITATIONS_GROUP (self));

  if (self->initiative == initiative)
    return;

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_func (self->initiative, rebuild, self);

  g_set_object (&self->initiative, initiative);

  /* Citations change with the cell notes; both emit notes-changed. */
  if (initiative != NULL)
    g_signal_connect_swapped (initiative, "notes-changed", G_CALLBACK (rebuild), self);

  rebuild (self);
}

void
tandem_citations_group_set_read_only (TandemCitationsGroup *self,
                                      gboolean              read_only)
{
  g_return_if_fail (TANDEM_IS_CITATIONS_GROUP (self));

  self->read_only = read_only;
  rebuild (self);
}
