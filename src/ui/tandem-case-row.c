/* tandem-case-row.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-case-row.h"

/* One case study in a list: its title, where it happened and in which
 * service area, and whether it comes from Tandem's library or is the
 * user's own.  Rows are recycled by GtkListView, so everything shown is
 * refreshed whenever the row is given another case study.  Each row can
 * be dragged onto a matrix cell to link the case study to it. */

struct _TandemCaseRow
{
  GtkWidget        parent_instance;

  TandemCaseStudy *case_study;

  GtkWidget       *title;
  GtkWidget       *details_box;
  GtkWidget       *details;
  GtkWidget       *tag;
};

G_DEFINE_FINAL_TYPE (TandemCaseRow, tandem_case_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE_STUDY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Place, country · service area", leaving out what is empty; generic
 * examples say so instead of naming a place. */
static char *
format_details (TandemCaseStudy *case_study)
{
  const char *place = tandem_case_study_get_place (case_study);
  const char *country = tandem_case_study_get_country (case_study);
  const char *area = tandem_case_study_get_service_area (case_study);
  g_autofree char *where = NULL;

  if (tandem_case_study_get_generic (case_study))
    where = g_strdup (_("Generic example"));
  else if (place[0] != '\0' && country[0] != '\0')
    /* Translators: where a case study happened: a place, then its country */
    where = g_strdup_printf (_("%s, %s"), place, country);
  else if (place[0] != '\0')
    where = g_strdup (place);
  else if (country[0] != '\0')
    where = g_strdup (country);

  if (where != NULL && area[0] != '\0')
    /* Translators: where a case study happened, then its service area */
    return g_strdup_printf (_("%s · %s"), where, area);
  else if (where != NULL)
    return g_steal_pointer (&where);
  else
    return g_strdup (area);
}

static void
update (TandemCaseRow *self)
{
  g_autofree char *details = NULL;
  const char *title = "";
  const char *tag = "";

  if (self->case_study != NULL)
    {
      title = tandem_case_study_get_title (self->case_study);
      details = format_details (self->case_study);
      tag = tandem_case_study_get_bundled (self->case_study) ? _("Library") : _("Yours");
    }

  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_label_set_text (GTK_LABEL (self->details), details ? details : "");
  gtk_label_set_text (GTK_LABEL (self->tag), tag);
}

/* The full title and details, for when the row is too narrow to show
 * them.  Asked for on hover rather than set on every bind: setting a
 * tooltip makes GTK ask the display server where the pointer is, and a
 * list rebinds many rows at once. */
static gboolean
query_tooltip_cb (TandemCaseRow *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  g_autofree char *details = NULL;
  g_autofree char *text = NULL;

  if (self->case_study == NULL)
    return FALSE;

  details = format_details (self->case_study);
  if (details[0] != '\0')
    text = g_strdup_printf ("%s\n%s", tandem_case_study_get_title (self->case_study), details);
  else
    text = g_strdup (tandem_case_study_get_title (self->case_study));

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 TandemCaseRow *self)
{
  g_autofree char *text = NULL;

  if (self->case_study == NULL)
    return NULL;

  text = g_strconcat ("case:", tandem_case_study_get_id (self->case_study), NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               TandemCaseRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
tandem_case_row_dispose (GObject *object)
{
  TandemCaseRow *self = (TandemCaseRow *)object;

  tandem_case_row_set_case_study (self, NULL);
  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->details_box, gtk_widget_unparent);

  G_OBJECT_CLASS (tandem_case_row_parent_class)->dispose (object);
}

static void
tandem_case_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemCaseRow *self = TANDEM_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE_STUDY:
      g_value_set_object (value, self->case_study);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TandemCaseRow *self = TANDEM_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE_STUDY:
      tandem_case_row_set_case_study (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_row_class_init (TandemCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_case_row_dispose;
  object_class->get_property = tandem_case_row_get_property;
  object_class->set_property = tandem_case_row_set_property;

  /**
   * TandemCaseRow:case-study:
   *
   * The live case study shown, or %NULL.
   */
  properties[PROP_CASE_STUDY] =
    g_param_spec_object ("case-study", NULL, NULL,
                         TANDEM_TYPE_CASE_STUDY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "case-row");
}

static void
tandem_case_row_init (TandemCaseRow *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->title = g_object_new (GTK_TYPE_LABEL,
                              "xalign", 0.0f,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              NULL);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));

  self->details_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->details_box, GTK_WIDGET (self));

  self->details = g_object_new (GTK_TYPE_LABEL,
                                "xalign", 0.0f,
                                "hexpand", TRUE,
                                "ellipsize", PANGO_ELLIPSIZE_END,
                                NULL);
  gtk_widget_add_css_class (self->details, "caption");
  gtk_widget_add_css_class (self->details, "dim-label");
  gtk_box_append (GTK_BOX (self->details_box), self->details);

  self->tag = g_object_new (GTK_TYPE_LABEL,
                            "valign", GTK_ALIGN_BASELINE,
                            NULL);
  gtk_widget_add_css_class (self->tag, "caption-heading");
  gtk_widget_add_css_class (self->tag, "dim-label");
  gtk_widget_add_css_class (self->tag, "case-tag");
  gtk_box_append (GTK_BOX (self->details_box), self->tag);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

/**
 * tandem_case_row_new:
 *
 * Returns: (transfer full): a row showing no case study
 */
GtkWidget *
tandem_case_row_new (void)
{
  return g_object_new (TANDEM_TYPE_CASE_ROW, NULL);
}

/**
 * tandem_case_row_get_case_study:
 *
 * Returns: (transfer none) (nullable): the case study shown
 */
TandemCaseStudy *
tandem_case_row_get_case_study (TandemCaseRow *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_ROW (self), NULL);

  return self->case_study;
}

/**
 * tandem_case_row_set_case_study:
 * @case_study: (nullable): the live case study to show
 *
 * Shows @case_study and follows its changes until another is set.
 */
void
tandem_case_row_set_case_study (TandemCaseRow   *self,
                                TandemCaseStudy *case_study)
{
  g_return_if_fail (TANDEM_IS_CASE_ROW (self));
  g_return_if_fail (case_study == NULL || TANDEM_IS_CASE_STUDY (case_study));

  if (self->case_study == case_study)
    return;

  if (self->case_study != NULL)
    g_signal_handlers_disconnect_by_func (self->case_study, update, self);

  g_set_object (&self->case_study, case_study);

  if (case_study != NULL)
    {
      g_signal_connect_swapped (case_study, "notify", G_CALLBACK (update), self);
      g_signal_connect_swapped (case_study, "changed", G_CALLBACK (update), self);
    }

  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_STUDY]);
}

/* ---- Factories ------------------------------------------------------------ */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, tandem_case_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  tandem_case_row_set_case_study (TANDEM_CASE_ROW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  tandem_case_row_set_case_study (TANDEM_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

/**
 * tandem_case_row_factory_new:
 *
 * Returns: (transfer full): a factory making #TandemCaseRow s for a list
 *   of #TandemCaseStudy
 */
GtkListItemFactory *
tandem_case_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  wrap)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

GtkListItemFactory *
_tandem_case_label_factory_new (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (wrap));

  return factory;
}
