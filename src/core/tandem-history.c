/* tandem-history.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-history.h"

/* Enough for a long workshop; the oldest steps fall off beyond it. */
#define MAX_STEPS 500

typedef enum
{
  STEP_INITIATIVE,
  STEP_MATRIX,
} StepKind;

/* One undoable change, stored as the state before and after it.  For an
 * initiative a NULL state means "does not exist"; for the matrix each state
 * maps keys to wording, a NULL value meaning the standard wording. */
typedef struct
{
  StepKind          kind;
  char             *label;
  char             *uuid;
  TandemInitiative *initiative_before;
  TandemInitiative *initiative_after;
  GHashTable       *labels_before;
  GHashTable       *labels_after;
} Step;

struct _TandemHistory
{
  GObject      parent_instance;

  TandemStore *store;
  GPtrArray   *undo;   /* of Step, newest last */
  GPtrArray   *redo;   /* of Step, next to redo last */
};

G_DEFINE_FINAL_TYPE (TandemHistory, tandem_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_free (step->label);
  g_free (step->uuid);
  g_clear_object (&step->initiative_before);
  g_clear_object (&step->initiative_after);
  g_clear_pointer (&step->labels_before, g_hash_table_unref);
  g_clear_pointer (&step->labels_after, g_hash_table_unref);
  g_free (step);
}

static void
notify_all (TandemHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
tandem_history_dispose (GObject *object)
{
  TandemHistory *self = (TandemHistory *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_history_parent_class)->dispose (object);
}

static void
tandem_history_finalize (GObject *object)
{
  TandemHistory *self = (TandemHistory *)object;

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (tandem_history_parent_class)->finalize (object);
}

static void
tandem_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TandemHistory *self = TANDEM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tandem_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tandem_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, tandem_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, tandem_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_history_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TandemHistory *self = TANDEM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_history_class_init (TandemHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tandem_history_dispose;
  object_class->finalize = tandem_history_finalize;
  object_class->get_property = tandem_history_get_property;
  object_class->set_property = tandem_history_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_history_init (TandemHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

TandemHistory *
tandem_history_new (TandemStore *store)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return g_object_new (TANDEM_TYPE_HISTORY, "store", store, NULL);
}

/**
 * tandem_history_get_store:
 *
 * Returns: (transfer none): the store this history edits
 */
TandemStore *
tandem_history_get_store (TandemHistory *self)
{
  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  return self->store;
}

gboolean
tandem_history_get_can_undo (TandemHistory *self)
{
  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
tandem_history_get_can_redo (TandemHistory *self)
{
  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

static Step *
last_step (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

/**
 * tandem_history_get_undo_label:
 *
 * Returns: (nullable): what undo would undo, e.g. “Move “Meals on wheels””
 */
const char *
tandem_history_get_undo_label (TandemHistory *self)
{
  Step *step;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  step = last_step (self->undo);
  return step ? step->label : NULL;
}

/**
 * tandem_history_get_redo_label:
 *
 * Returns: (nullable): what redo would redo
 */
const char *
tandem_history_get_redo_label (TandemHistory *self)
{
  Step *step;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  step = last_step (self->redo);
  return step ? step->label : NULL;
}

void
tandem_history_clear (TandemHistory *self)
{
  g_return_if_fail (TANDEM_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_all (self);
}

/* Puts the store into one side of @step. */
static gboolean
apply_state (TandemHistory  *self,
             Step           *step,
             gboolean        after,
             GError        **error)
{
  if (step->kind == STEP_MATRIX)
    return tandem_store_set_matrix_labels (self->store,
                                           after ? step->labels_after : step->labels_before,
                                           error);
  else
    {
      TandemInitiative *state = after ? step->initiative_after : step->initiative_before;

      if (state == NULL)
        return tandem_store_delete_initiative (self->store, step->uuid, error);

      return tandem_store_save_initiative (self->store, state, error);
    }
}

static void
push (TandemHistory *self,
      Step          *step)
{
  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_all (self);
}

/* Moves the newest step from @from to @to, applying the state it leads to. */
static gboolean
replay (TandemHistory  *self,
        GPtrArray      *from,
        GPtrArray      *to,
        gboolean        after,
        GError        **error)
{
  Step *step = last_step (from);

  if (step == NULL)
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                           after ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  if (!apply_state (self, step, after, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_all (self);
  return TRUE;
}

gboolean
tandem_history_undo (TandemHistory  *self,
                     GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  return replay (self, self->undo, self->redo, FALSE, error);
}

gboolean
tandem_history_redo (TandemHistory  *self,
                     GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  return replay (self, self->redo, self->undo, TRUE, error);
}

/* Records and applies a change of one initiative between two states. */
static gboolean
change_initiative (TandemHistory     *self,
                   const char        *uuid,
                   TandemInitiative  *before,
                   TandemInitiative  *after,
                   char              *label,
                   GError           **error)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_INITIATIVE;
  step->label = label;
  step->uuid = g_strdup (uuid);
  step->initiative_before = before ? tandem_initiative_copy (before) : NULL;
  step->initiative_after = after ? tandem_initiative_copy (after) : NULL;

  if (!apply_state (self, step, TRUE, error))
    {
      step_free (step);
      return FALSE;
    }

  push (self, step);
  return TRUE;
}

static gboolean
check_cell (guint    row,
            guint    col,
            GError **error)
{
  if (tandem_cell_is_valid (row, col))
    return TRUE;

  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
               _("%u,%u is not a cell of the matrix: rows and columns run from 1 to 3"), row, col);
  return FALSE;
}

static TandemInitiative *
lookup (TandemHistory  *self,
        const char     *uuid,
        GError        **error)
{
  TandemInitiative *live = tandem_store_lookup_initiative (self->store, uuid);

  if (live == NULL)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                   _("Could not change “%s”: there is no initiative %s"),
                   g_file_peek_path (tandem_store_get_file (self->store)), uuid ? uuid : "");
    }

  return live;
}

/**
 * tandem_history_add_initiative:
 *
 * Returns: (transfer none) (nullable): the new live initiative
 */
TandemInitiative *
tandem_history_add_initiative (TandemHistory  *self,
                               const char     *title,
                               guint           row,
                               guint           col,
                               GError        **error)
{
  g_autoptr(TandemInitiative) initiative = NULL;
  const char *uuid;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  if (!check_cell (row, col, error))
    return NULL;

  initiative = tandem_initiative_new (title, row, col);
  uuid = tandem_initiative_get_uuid (initiative);

  if (!change_initiative (self, uuid, NULL, initiative,
                          g_strdup_printf (_("Add “%s”"), title ? title : ""), error))
    return NULL;

  return tandem_store_lookup_initiative (self->store, uuid);
}

/**
 * tandem_history_save_initiative:
 * @edited: a changed copy of a live initiative (or a new one)
 * @label: (nullable): what the change was, for the undo menu
 *
 * Saves @edited, stamping its update time, as one undoable step.  Saving
 * something that is unchanged records nothing.
 */
gboolean
tandem_history_save_initiative (TandemHistory     *self,
                                TandemInitiative  *edited,
                                const char        *label,
                                GError           **error)
{
  g_autoptr(TandemInitiative) after = NULL;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (edited), FALSE);

  live = tandem_store_lookup_initiative (self->store, tandem_initiative_get_uuid (edited));
  after = tandem_initiative_copy (edited);

  if (live != NULL)
    {
      tandem_initiative_set_updated (after, tandem_initiative_get_updated (live));
      if (tandem_initiative_equal (live, after))
        return TRUE;
    }

  tandem_initiative_set_updated (after, g_get_real_time () / G_USEC_PER_SEC);

  return change_initiative (self, tandem_initiative_get_uuid (edited), live, after,
                            label ? g_strdup (label)
                                  : g_strdup_printf (_("Edit “%s”"), tandem_initiative_get_title (after)),
                            error);
}

gboolean
tandem_history_delete_initiative (TandemHistory  *self,
                                  const char     *uuid,
                                  GError        **error)
{
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  return change_initiative (self, uuid, live, NULL,
                            g_strdup_printf (_("Delete “%s”"), tandem_initiative_get_title (live)),
                            error);
}

gboolean
tandem_history_move_initiative (TandemHistory  *self,
                                const char     *uuid,
                                guint           row,
                                guint           col,
                                GError        **error)
{
  g_autoptr(TandemInitiative) edited = NULL;
  g_autofree char *label = NULL;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  if (!check_cell (row, col, error))
    return FALSE;

  edited = tandem_initiative_copy (live);
  tandem_initiative_set_cell (edited, row, col);
  label = g_strdup_printf (_("Move “%s”"), tandem_initiative_get_title (live));

  return tandem_history_save_initiative (self, edited, label, error);
}

/**
 * tandem_history_set_target:
 * @row: the target's delivery row, or 0 together with @col to clear it
 * @col: the target's design column, or 0
 */
gboolean
tandem_history_set_target (TandemHistory  *self,
                           const char     *uuid,
                           guint           row,
                           guint           col,
                           GError        **error)
{
  g_autoptr(TandemInitiative) edited = NULL;
  g_autofree char *label = NULL;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  edited = tandem_initiative_copy (live);
  if (row == 0 && col == 0)
    tandem_initiative_clear_target (edited);
  else if (check_cell (row, col, error))
    tandem_initiative_set_target (edited, row, col);
  else
    return FALSE;

  label = g_strdup_printf (_("Set Target of “%s”"), tandem_initiative_get_title (live));
  return tandem_history_save_initiative (self, edited, label, error);
}

gboolean
tandem_history_set_cell_note (TandemHistory  *self,
                              const char     *uuid,
                              guint           row,
                              guint           col,
                              const char     *note,
                              GError        **error)
{
  g_autoptr(TandemInitiative) edited = NULL;
  g_autofree char *label = NULL;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  if (!check_cell (row, col, error))
    return FALSE;

  edited = tandem_initiative_copy (live);
  tandem_initiative_set_cell_note (edited, row, col, note);
  label = g_strdup_printf (_("Edit Note of “%s”"), tandem_initiative_get_title (live));

  return tandem_history_save_initiative (self, edited, label, error);
}

static GHashTable *
new_labels (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
change_labels (TandemHistory  *self,
               GHashTable     *before,
               GHashTable     *after,
               char           *label,
               GError        **error)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_MATRIX;
  step->label = label;
  step->labels_before = before;
  step->labels_after = after;

  if (!apply_state (self, step, TRUE, error))
    {
      step_free (step);
      return FALSE;
    }

  push (self, step);
  return TRUE;
}

/**
 * tandem_history_set_matrix_label:
 * @text: (nullable): the new wording; %NULL or blank restores the standard one
 */
gboolean
tandem_history_set_matrix_label (TandemHistory  *self,
                                 const char     *key,
                                 const char     *text,
                                 GError        **error)
{
  TandemMatrix *matrix;
  g_autofree char *old = NULL;
  g_autofree char *new = NULL;
  GHashTable *before, *after;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  if (!tandem_matrix_is_valid_key (key))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("“%s” is not a heading or cell of the matrix"), key ? key : "");
      return FALSE;
    }

  matrix = tandem_store_get_matrix (self->store);
  old = tandem_matrix_dup_custom_label (matrix, key);
  new = text ? g_strstrip (g_strdup (text)) : NULL;
  if (new != NULL && (new[0] == '\0' || g_strcmp0 (new, tandem_matrix_get_standard_label (key)) == 0))
    g_clear_pointer (&new, g_free);

  if (g_strcmp0 (old, new) == 0)
    return TRUE;

  before = new_labels ();
  after = new_labels ();
  g_hash_table_insert (before, g_strdup (key), g_strdup (old));
  g_hash_table_insert (after, g_strdup (key), g_strdup (new));

  return change_labels (self, before, after,
                        g_strdup_printf (_("Reword “%s”"), tandem_matrix_get_label (matrix, key)),
                        error);
}

gboolean
tandem_history_reset_matrix (TandemHistory  *self,
                             GError        **error)
{
  TandemMatrix *matrix;
  const char * const *keys;
  GHashTable *before, *after;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  matrix = tandem_store_get_matrix (self->store);
  keys = tandem_matrix_get_keys ();
  before = new_labels ();
  after = new_labels ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!tandem_matrix_is_customised (matrix, keys[i]))
        continue;

      g_hash_table_insert (before, g_strdup (keys[i]), tandem_matrix_dup_custom_label (matrix, keys[i]));
      g_hash_table_insert (after, g_strdup (keys[i]), NULL);
    }

  if (g_hash_table_size (before) == 0)
    {
      g_hash_table_unref (before);
      g_hash_table_unref (after);
      return TRUE;
    }

  return change_labels (self, before, after, g_strdup (_("Reset Matrix Wording")), error);
}
