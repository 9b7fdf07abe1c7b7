/* tandem-indicators-group.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-indicators-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-indicators-group.h"

/* An initiative's outcome indicators, each with its latest reading and
 * target, and buttons to add or edit one (win.add-indicator and
 * win.edit-indicator open the editor). */

struct _TandemIndicatorsGroup
{
  AdwPreferencesGroup  parent_instance;

  TandemStore         *store;
  TandemInitiative    *initiative;
  GPtrArray           *rows;
  guint                reload_id;
  gboolean             disposed;
};

G_DEFINE_FINAL_TYPE (TandemIndicatorsGroup, tandem_indicators_group, ADW_TYPE_PREFERENCES_GROUP)

static char *
describe (TandemIndicator *indicator)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = tandem_indicator_get_n_readings (indicator);
  double target;

  if (n > 0)
    {
      const TandemReading *latest = tandem_indicator_get_reading (indicator, n - 1);

      /* Translators: the latest reading of an indicator: value, unit, date */
      g_string_append_printf (text, _("%g %s on %s"), latest->value,
                              tandem_indicator_get_unit (indicator), latest->date);
    }
  else
    g_string_append (text, _("No readings yet"));

  if (tandem_indicator_get_target (indicator, &target))
    g_string_append_printf (text, _(" · target %g %s"), target, tandem_indicator_get_unit (indicator));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
reload (TandemIndicatorsGroup *self)
{
  g_autoptr(GPtrArray) indicators = NULL;

  /* A reload now makes any pending one pointless. */
  g_clear_handle_id (&self->reload_id, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->initiative == NULL || self->store == NULL)
    return;

  indicators = tandem_store_list_indicators (self->store, tandem_initiative_get_uuid (self->initiative), NULL);
  for (guint i = 0; indicators && i < indicators->len; i++)
    {
      TandemIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *subtitle = describe (indicator);
      gboolean read_only = tandem_store_get_read_only (self->store);
      g_autofree char *edit_label = g_strdup_printf (read_only ? _("View “%s”") : _("Edit “%s”"),
                                                     tandem_indicator_get_name (indicator));
      GtkWidget *row = adw_action_row_new ();
      /* A read-only portfolio's indicators can still be opened and read. */
      GtkWidget *edit = gtk_button_new_with_label (read_only ? _("View…") : _("Edit…"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tandem_indicator_get_name (indicator));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-indicator");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", tandem_indicator_get_id (indicator));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
reload_idle_cb (gpointer user_data)
{
  TandemIndicatorsGroup *self = user_data;

  self->reload_id = 0;
  reload (self);
}

/* Several notifications arrive for one change; reload once. */
static void
queue_reload (TandemIndicatorsGroup *self)
{
  /* Stores and initiatives may still notify while the window goes away. */
  if (self->disposed)
    return;

  if (self->reload_id == 0)
    self->reload_id = g_idle_add_once (reload_idle_cb, self);
}

static void
tandem_indicators_group_dispose (GObject *object)
{
  TandemIndicatorsGroup *self = (TandemIndicatorsGroup *)object;

  self->disposed = TRUE;
  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_func (self->initiative, queue_reload, self);
  g_clear_object (&self->initiative);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_indicators_group_parent_class)->dispose (object);
}

static void
tandem_indicators_group_finalize (GObject *object)
{
  TandemIndicatorsGroup *self = (TandemIndicatorsGroup *)object;

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (tandem_indicators_group_parent_class)->finalize (object);
}

static void
tandem_indicators_group_class_init (TandemIndicatorsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_indicators_group_dispose;
  object_class->finalize = tandem_indicators_group_finalize;
}

static void
tandem_indicators_group_init (TandemIndicatorsGroup *self)
{
  GtkWidget *add = gtk_button_new_with_label (_("Add Indicator…"));

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Outcome Indicators"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Measures of what the service achieves, with dated readings"));

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-indicator");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
}

GtkWidget *
tandem_indicators_group_new (void)
{
  return g_object_new (TANDEM_TYPE_INDICATORS_GROUP, NULL);
}

void
tandem_indicators_group_set_store (TandemIndicatorsGroup *self,
                                   TandemStore           *store)
{
  g_return_if_fail (TANDEM_IS_INDICATORS_GROUP (self));

  if (g_set_object (&self->store, store))
    queue_reload (self);
}

void
tandem_indicators_group_set_initiative (TandemIndicatorsGroup *self,
                                        TandemInitiative      *initiative)
{
  g_return_if_fail (TANDEM_IS_INDICATORS_GROUP (self));

  if (self->initiative == initiative)
    return;

  if (self->initiative != NULL)
    g_signal_handlers_disconnect_by_func (self->initiative, queue_reload, self);

  g_set_object (&self->initiative, initiative);

  /* Saving an indicator stamps its initiative, which notifies. */
  if (initiative != NULL)
    g_signal_connect_swapped (initiative, "notify", G_CALLBACK (queue_reload), self);

  reload (self);
}

guint
tandem_indicators_group_get_n_rows (TandemIndicatorsGroup *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATORS_GROUP (self), 0);

  return self->rows->len;
}
