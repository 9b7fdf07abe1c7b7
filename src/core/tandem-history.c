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

/* One undoable change: what to write to undo it and what to write to
 * redo it.  Both are ordinary TandemChanges, checked like any other. */
typedef struct
{
  char          *label;
  TandemChanges *before;
  TandemChanges *after;
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
  tandem_changes_free (step->before);
  tandem_changes_free (step->after);
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

/* What to write to get back to how things are now, before @after. */
#define MANY_ASSESSMENTS 100

/* An assessment saved or deleted can move its initiative (it stands where
 * its latest assessment says), so undo puts the initiative back as well. */
static void
keep_initiative (TandemHistory *self,
                 TandemChanges *before,
                 GHashTable    *kept,
                 const char    *uuid)
{
  TandemInitiative *live;

  if (g_hash_table_contains (kept, uuid))
    return;

  g_hash_table_add (kept, g_strdup (uuid));
  live = tandem_store_lookup_initiative (self->store, uuid);
  if (live != NULL)
    tandem_changes_save_initiative (before, live);
}

static TandemChanges *
changes_before (TandemHistory  *self,
                TandemChanges  *after,
                GError        **error)
{
  TandemChanges *before = tandem_changes_new ();
  TandemMatrix *matrix = tandem_store_get_matrix (self->store);
  g_autoptr(GHashTable) known = NULL;
  /* initiatives whose state before is already in @before, or new */
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < after->save_initiatives->len; i++)
    {
      const char *uuid = tandem_initiative_get_uuid (g_ptr_array_index (after->save_initiatives, i));
      TandemInitiative *live = tandem_store_lookup_initiative (self->store, uuid);

      if (live != NULL)
        tandem_changes_save_initiative (before, live);
      else
        tandem_changes_delete_initiative (before, uuid);
    }

  /* An initiative deleted takes its history with it; undo brings it back. */
  for (guint i = 0; i < after->delete_initiatives->len; i++)
    {
      const char *uuid = g_ptr_array_index (after->delete_initiatives, i);
      TandemInitiative *live = tandem_store_lookup_initiative (self->store, uuid);
      g_autoptr(GPtrArray) assessments = tandem_store_list_assessments (self->store, uuid, error);
      g_autoptr(GPtrArray) indicators = assessments ? tandem_store_list_indicators (self->store, uuid, error) : NULL;

      /* Without its history the step could not be undone: refuse it. */
      if (assessments == NULL || indicators == NULL)
        {
          tandem_changes_free (before);
          return NULL;
        }

      if (live != NULL)
        tandem_changes_save_initiative (before, live);
      for (guint j = 0; assessments && j < assessments->len; j++)
        tandem_changes_save_assessment (before, g_ptr_array_index (assessments, j));
      for (guint j = 0; indicators && j < indicators->len; j++)
        tandem_changes_save_indicator (before, g_ptr_array_index (indicators, j));
    }

  for (guint i = 0; i < after->save_cases->len; i++)
    {
      const char *id = tandem_case_study_get_id (g_ptr_array_index (after->save_cases, i));
      TandemCaseStudy *live = tandem_store_lookup_case_study (self->store, id);

      if (live != NULL)
        tandem_changes_save_case (before, live);
      else
        tandem_changes_delete_case (before, id);
    }

  for (guint i = 0; i < after->delete_cases->len; i++)
    {
      TandemCaseStudy *live = tandem_store_lookup_case_study (self->store,
                                                              g_ptr_array_index (after->delete_cases, i));
      if (live != NULL)
        tandem_changes_save_case (before, live);
    }

  g_hash_table_iter_init (&iter, after->labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_insert (before->labels, g_strdup (key), tandem_matrix_dup_custom_label (matrix, key));

  /* For a big import, one query for the IDs the portfolio has beats a
   * lookup for every new assessment; for a move or an edit it does not. */
  if (after->save_assessments->len > MANY_ASSESSMENTS)
    {
      known = tandem_store_list_assessment_owners (self->store, error);
      if (known == NULL)
        {
          tandem_changes_free (before);
          return NULL;
        }
    }

  for (guint i = 0; i < after->save_initiatives->len; i++)
    g_hash_table_add (kept, g_strdup (tandem_initiative_get_uuid (g_ptr_array_index (after->save_initiatives, i))));
  for (guint i = 0; i < after->delete_initiatives->len; i++)
    g_hash_table_add (kept, g_strdup (g_ptr_array_index (after->delete_initiatives, i)));

  for (guint i = 0; i < after->save_assessments->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (after->save_assessments, i);
      const char *id = tandem_assessment_get_id (a);
      g_autoptr(TandemAssessment) old = NULL;

      if (known == NULL || g_hash_table_contains (known, id))
        old = tandem_store_lookup_assessment (self->store, id, NULL);

      if (old != NULL)
        {
          tandem_changes_save_assessment (before, old);
          keep_initiative (self, before, kept, tandem_assessment_get_initiative (old));
        }
      else
        tandem_changes_delete_assessment (before, id);
      keep_initiative (self, before, kept, tandem_assessment_get_initiative (a));
    }

  for (guint i = 0; i < after->delete_assessments->len; i++)
    {
      g_autoptr(TandemAssessment) old =
        tandem_store_lookup_assessment (self->store, g_ptr_array_index (after->delete_assessments, i), NULL);

      if (old != NULL)
        {
          tandem_changes_save_assessment (before, old);
          keep_initiative (self, before, kept, tandem_assessment_get_initiative (old));
        }
    }

  for (guint i = 0; i < after->save_indicators->len; i++)
    {
      const char *id = tandem_indicator_get_id (g_ptr_array_index (after->save_indicators, i));
      g_autoptr(TandemIndicator) old = tandem_store_lookup_indicator (self->store, id, NULL);

      if (old != NULL)
        tandem_changes_save_indicator (before, old);
      else
        tandem_changes_delete_indicator (before, id);
    }

  for (guint i = 0; i < after->delete_indicators->len; i++)
    {
      g_autoptr(TandemIndicator) old =
        tandem_store_lookup_indicator (self->store, g_ptr_array_index (after->delete_indicators, i), NULL);

      if (old != NULL)
        tandem_changes_save_indicator (before, old);
    }

  return before;
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

  if (!tandem_store_apply (self->store, after ? step->after : step->before, error))
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

/* Writes @after, taking it, and remembers how to undo it. */
static gboolean
record (TandemHistory  *self,
        char           *label,
        TandemChanges  *after,
        GError        **error)
{
  Step *step = g_new0 (Step, 1);

  step->label = label;
  step->after = after;
  step->before = changes_before (self, after, error);

  if (step->before == NULL || !tandem_store_apply (self->store, after, error))
    {
      step_free (step);
      return FALSE;
    }

  push (self, step);
  return TRUE;
}

/**
 * tandem_history_apply:
 * @changes: (transfer full): what to write, such as an import
 * @label: what undoing it says, such as "Import “venue.json”"
 *
 * Writes @changes in one transaction as one step that undo takes back.
 * Empty changes write nothing and record nothing.
 */
gboolean
tandem_history_apply (TandemHistory  *self,
                      TandemChanges  *changes,
                      const char     *label,
                      GError        **error)
{
  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (tandem_changes_is_empty (changes))
    {
      tandem_changes_free (changes);
      return TRUE;
    }

  return record (self, g_strdup (label), changes, error);
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

/* Today's assessment of an initiative placed in @row, @col: today's own,
 * amended, or a new one carrying over what the latest one said. */
static TandemAssessment *
assessment_for_today (TandemHistory *self,
                      const char    *uuid,
                      guint          row,
                      guint          col)
{
  g_autofree char *today = tandem_date_today ();
  g_autoptr(GPtrArray) all = tandem_store_list_assessments (self->store, uuid, NULL);
  TandemAssessment *latest = NULL;
  TandemAssessment *assessment;

  /* The latest assessment up to today: one dated later (a plan, say)
   * is not what the move amends or carries on from. */
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_strcmp0 (tandem_assessment_get_date (g_ptr_array_index (all, i)), today) <= 0)
      latest = g_ptr_array_index (all, i);

  if (latest != NULL && g_str_equal (tandem_assessment_get_date (latest), today))
    assessment = tandem_assessment_copy (latest);
  else if (latest != NULL && g_strcmp0 (tandem_assessment_get_date (latest), today) < 0)
    {
      g_autofree char *id = g_uuid_string_random ();

      assessment = tandem_assessment_copy (latest);
      tandem_assessment_set_id (assessment, id);
      tandem_assessment_set_date (assessment, today);
      for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
        tandem_assessment_clear_placement (assessment, s);
      tandem_assessment_clear_evidence (assessment);
      tandem_assessment_set_notes (assessment, NULL);
      tandem_assessment_set_participants (assessment, NULL);
    }
  else
    assessment = tandem_assessment_new (uuid, today, row, col);

  tandem_assessment_set_cell (assessment, row, col);
  return assessment;
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
  g_autoptr(TandemChanges) changes = NULL;
  const char *uuid;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  if (!check_cell (row, col, error))
    return NULL;

  initiative = tandem_initiative_new (title, row, col);
  uuid = tandem_initiative_get_uuid (initiative);
  changes = tandem_changes_new ();
  tandem_changes_save_initiative (changes, initiative);
  {
    /* Its history starts where it is placed today. */
    g_autofree char *today = tandem_date_today ();
    g_autoptr(TandemAssessment) first = tandem_assessment_new (uuid, today, row, col);

    tandem_changes_save_assessment (changes, first);
  }

  if (!record (self, g_strdup_printf (_("Add “%s”"), title ? title : ""),
               g_steal_pointer (&changes), error))
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
  g_autoptr(TandemChanges) changes = NULL;
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
  changes = tandem_changes_new ();
  tandem_changes_save_initiative (changes, after);

  /* Every placement is part of the initiative's dated history. */
  if (live == NULL || tandem_initiative_get_row (live) != tandem_initiative_get_row (after) ||
      tandem_initiative_get_col (live) != tandem_initiative_get_col (after))
    {
      g_autoptr(TandemAssessment) today =
        assessment_for_today (self, tandem_initiative_get_uuid (after),
                              tandem_initiative_get_row (after), tandem_initiative_get_col (after));

      tandem_changes_save_assessment (changes, today);
    }

  return record (self,
                 label ? g_strdup (label)
                       : g_strdup_printf (_("Edit “%s”"), tandem_initiative_get_title (after)),
                 g_steal_pointer (&changes), error);
}

gboolean
tandem_history_delete_initiative (TandemHistory  *self,
                                  const char     *uuid,
                                  GError        **error)
{
  TandemChanges *changes;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  changes = tandem_changes_new ();
  tandem_changes_delete_initiative (changes, uuid);
  return record (self, g_strdup_printf (_("Delete “%s”"), tandem_initiative_get_title (live)),
                 changes, error);
}

/**
 * tandem_history_move_initiative:
 *
 * Moves an initiative to another cell and records it in its history: the
 * move becomes today's assessment, or amends today's if there is one.
 */
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
  if (live == NULL || !check_cell (row, col, error))
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
  TandemChanges *changes;

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

  changes = tandem_changes_new ();
  tandem_changes_set_label (changes, key, new);
  return record (self, g_strdup_printf (_("Reword “%s”"), tandem_matrix_get_label (matrix, key)),
                 changes, error);
}

gboolean
tandem_history_reset_matrix (TandemHistory  *self,
                             GError        **error)
{
  TandemMatrix *matrix;
  const char * const *keys;
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  matrix = tandem_store_get_matrix (self->store);
  keys = tandem_matrix_get_keys ();
  changes = tandem_changes_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    if (tandem_matrix_is_customised (matrix, keys[i]))
      tandem_changes_set_label (changes, keys[i], NULL);

  if (tandem_changes_is_empty (changes))
    {
      tandem_changes_free (changes);
      return TRUE;
    }

  return record (self, g_strdup (_("Reset Matrix Wording")), changes, error);
}

/* ---- Case studies ----------------------------------------------------------- */

static TandemCaseStudy *
lookup_case (TandemHistory  *self,
             const char     *id,
             GError        **error)
{
  TandemCaseStudy *live = tandem_store_lookup_case_study (self->store, id);

  if (live == NULL)
    g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                 _("Could not change “%s”: there is no case study %s"),
                 g_file_peek_path (tandem_store_get_file (self->store)), id ? id : "");

  return live;
}

static TandemCaseStudy *
add_case (TandemHistory    *self,
          TandemCaseStudy  *case_study,
          char             *label,
          GError          **error)
{
  TandemChanges *changes = tandem_changes_new ();

  tandem_changes_save_case (changes, case_study);
  if (!record (self, label, changes, error))
    return NULL;

  return tandem_store_lookup_case_study (self->store, tandem_case_study_get_id (case_study));
}

/**
 * tandem_history_add_case_study:
 *
 * Adds a case study of the user's own.  It is linked to no cell yet.
 *
 * Returns: (transfer none) (nullable): the new live case study
 */
TandemCaseStudy *
tandem_history_add_case_study (TandemHistory  *self,
                               const char     *title,
                               GError        **error)
{
  g_autoptr(TandemCaseStudy) case_study = NULL;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  case_study = tandem_case_study_new (title);
  return add_case (self, case_study, g_strdup_printf (_("Add “%s”"), title ? title : ""), error);
}

/**
 * tandem_history_duplicate_case_study:
 *
 * Makes an editable copy of a case study, such as one from the library.
 *
 * Returns: (transfer none) (nullable): the new live copy
 */
TandemCaseStudy *
tandem_history_duplicate_case_study (TandemHistory  *self,
                                     const char     *id,
                                     GError        **error)
{
  g_autoptr(TandemCaseStudy) copy = NULL;
  g_autofree char *title = NULL;
  TandemCaseStudy *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), NULL);

  live = lookup_case (self, id, error);
  if (live == NULL)
    return NULL;

  copy = tandem_case_study_duplicate (live);
  /* Translators: the title of a user's copy of a case study */
  title = g_strdup_printf (_("%s (my copy)"), tandem_case_study_get_title (live));
  tandem_case_study_set_title (copy, title);

  return add_case (self, copy,
                   g_strdup_printf (_("Duplicate “%s”"), tandem_case_study_get_title (live)), error);
}

/**
 * tandem_history_save_case_study:
 * @edited: a changed copy of a live case study
 * @label: (nullable): what the change was, for the undo menu
 */
gboolean
tandem_history_save_case_study (TandemHistory    *self,
                                TandemCaseStudy  *edited,
                                const char       *label,
                                GError          **error)
{
  TandemCaseStudy *live;
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (edited), FALSE);

  live = tandem_store_lookup_case_study (self->store, tandem_case_study_get_id (edited));
  if (live != NULL && tandem_case_study_equal (live, edited))
    return TRUE;

  changes = tandem_changes_new ();
  tandem_changes_save_case (changes, edited);
  return record (self,
                 label ? g_strdup (label)
                       : g_strdup_printf (_("Edit “%s”"), tandem_case_study_get_title (edited)),
                 changes, error);
}

/**
 * tandem_history_delete_case_study:
 *
 * Deletes one of the user's case studies, and every citation of it, as one
 * step: undo brings both back.
 */
gboolean
tandem_history_delete_case_study (TandemHistory  *self,
                                  const char     *id,
                                  GError        **error)
{
  GListModel *initiatives;
  TandemCaseStudy *live;
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup_case (self, id, error);
  if (live == NULL)
    return FALSE;

  changes = tandem_changes_new ();
  initiatives = tandem_store_get_initiatives (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(TandemInitiative) initiative = g_list_model_get_item (initiatives, i);

      if (tandem_initiative_find_citation (initiative, id) != NULL)
        {
          g_autoptr(TandemInitiative) edited = tandem_initiative_copy (initiative);

          tandem_initiative_uncite (edited, id);
          tandem_changes_save_initiative (changes, edited);
        }
    }
  tandem_changes_delete_case (changes, id);

  return record (self, g_strdup_printf (_("Delete “%s”"), tandem_case_study_get_title (live)),
                 changes, error);
}

gboolean
tandem_history_link_case_study (TandemHistory  *self,
                                const char     *id,
                                guint           row,
                                guint           col,
                                const char     *note,
                                GError        **error)
{
  g_autoptr(TandemCaseStudy) edited = NULL;
  g_autofree char *label = NULL;
  TandemCaseStudy *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup_case (self, id, error);
  if (live == NULL || !check_cell (row, col, error))
    return FALSE;

  edited = tandem_case_study_copy (live);
  tandem_case_study_link (edited, row, col, note);
  label = g_strdup_printf (_("Link “%s” to %u,%u"), tandem_case_study_get_title (live), row, col);

  return tandem_history_save_case_study (self, edited, label, error);
}

gboolean
tandem_history_unlink_case_study (TandemHistory  *self,
                                  const char     *id,
                                  guint           row,
                                  guint           col,
                                  GError        **error)
{
  g_autoptr(TandemCaseStudy) edited = NULL;
  g_autofree char *label = NULL;
  TandemCaseStudy *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup_case (self, id, error);
  if (live == NULL || !check_cell (row, col, error))
    return FALSE;

  edited = tandem_case_study_copy (live);
  tandem_case_study_unlink (edited, row, col);
  label = g_strdup_printf (_("Unlink “%s” from %u,%u"), tandem_case_study_get_title (live), row, col);

  return tandem_history_save_case_study (self, edited, label, error);
}

/**
 * tandem_history_cite_case_study:
 * @evidence: %TRUE to cite it as evidence, %FALSE as inspiration
 * @note: (nullable): why
 */
gboolean
tandem_history_cite_case_study (TandemHistory  *self,
                                const char     *uuid,
                                const char     *case_id,
                                gboolean        evidence,
                                const char     *note,
                                GError        **error)
{
  g_autoptr(TandemInitiative) edited = NULL;
  g_autofree char *label = NULL;
  TandemInitiative *live;
  TandemCaseStudy *cited;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  cited = live ? lookup_case (self, case_id, error) : NULL;
  if (cited == NULL)
    return FALSE;

  edited = tandem_initiative_copy (live);
  tandem_initiative_cite (edited, case_id, evidence, note);
  label = g_strdup_printf (_("Cite “%s”"), tandem_case_study_get_title (cited));

  return tandem_history_save_initiative (self, edited, label, error);
}

gboolean
tandem_history_uncite_case_study (TandemHistory  *self,
                                  const char     *uuid,
                                  const char     *case_id,
                                  GError        **error)
{
  g_autoptr(TandemInitiative) edited = NULL;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  edited = tandem_initiative_copy (live);
  if (!tandem_initiative_uncite (edited, case_id))
    return TRUE;

  return tandem_history_save_initiative (self, edited, _("Remove Citation"), error);
}

/* ---- Assessments and indicators ------------------------------------------- */

/* Saving any part of an initiative's history stamps the initiative, so
 * that views of it hear of the change through its notify signal. */
static void
stamp (TandemHistory *self,
       TandemChanges *changes,
       const char    *uuid)
{
  TandemInitiative *live = tandem_store_lookup_initiative (self->store, uuid);
  g_autoptr(TandemInitiative) stamped = NULL;

  if (live == NULL)
    return;

  stamped = tandem_initiative_copy (live);
  tandem_initiative_set_updated (stamped, MAX (g_get_real_time () / G_USEC_PER_SEC,
                                               tandem_initiative_get_updated (live) + 1));
  tandem_changes_save_initiative (changes, stamped);
}

/**
 * tandem_history_save_assessment:
 * @edited: a new assessment, or a changed copy of a stored one
 *
 * An initiative has one assessment a day; its current cell follows its
 * latest assessment.
 */
gboolean
tandem_history_save_assessment (TandemHistory     *self,
                                TandemAssessment  *edited,
                                GError           **error)
{
  TandemInitiative *live;
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (edited), FALSE);

  live = lookup (self, tandem_assessment_get_initiative (edited), error);
  if (live == NULL)
    return FALSE;

  changes = tandem_changes_new ();
  tandem_changes_save_assessment (changes, edited);
  stamp (self, changes, tandem_assessment_get_initiative (edited));
  return record (self, g_strdup_printf (_("Assess “%s” on %s"), tandem_initiative_get_title (live),
                                        tandem_assessment_get_date (edited)),
                 changes, error);
}

gboolean
tandem_history_delete_assessment (TandemHistory  *self,
                                  const char     *id,
                                  GError        **error)
{
  g_autoptr(TandemAssessment) old = NULL;
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  old = tandem_store_lookup_assessment (self->store, id, error);
  if (old == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                     _("There is no assessment %s"), id ? id : "");
      return FALSE;
    }

  changes = tandem_changes_new ();
  tandem_changes_delete_assessment (changes, id);
  stamp (self, changes, tandem_assessment_get_initiative (old));
  return record (self, g_strdup_printf (_("Delete the Assessment of %s"), tandem_assessment_get_date (old)),
                 changes, error);
}

/**
 * tandem_history_set_target_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL for none
 */
gboolean
tandem_history_set_target_date (TandemHistory  *self,
                                const char     *uuid,
                                const char     *date,
                                GError        **error)
{
  g_autoptr(TandemInitiative) edited = NULL;
  g_autofree char *label = NULL;
  TandemInitiative *live;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  if (date != NULL && date[0] == '\0')
    date = NULL;

  if (date != NULL && !tandem_date_is_valid (date))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("“%s” is not a date written YYYY-MM-DD"), date);
      return FALSE;
    }

  live = lookup (self, uuid, error);
  if (live == NULL)
    return FALSE;

  edited = tandem_initiative_copy (live);
  tandem_initiative_set_target_date (edited, date);
  label = g_strdup_printf (_("Set Target Date of “%s”"), tandem_initiative_get_title (live));

  return tandem_history_save_initiative (self, edited, label, error);
}

gboolean
tandem_history_save_indicator (TandemHistory    *self,
                               TandemIndicator  *edited,
                               GError          **error)
{
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (TANDEM_IS_INDICATOR (edited), FALSE);

  if (lookup (self, tandem_indicator_get_initiative (edited), error) == NULL)
    return FALSE;

  changes = tandem_changes_new ();
  tandem_changes_save_indicator (changes, edited);
  stamp (self, changes, tandem_indicator_get_initiative (edited));
  return record (self, g_strdup_printf (_("Edit Indicator “%s”"), tandem_indicator_get_name (edited)),
                 changes, error);
}

gboolean
tandem_history_delete_indicator (TandemHistory  *self,
                                 const char     *id,
                                 GError        **error)
{
  g_autoptr(TandemIndicator) old = NULL;
  TandemChanges *changes;

  g_return_val_if_fail (TANDEM_IS_HISTORY (self), FALSE);

  old = tandem_store_lookup_indicator (self->store, id, error);
  if (old == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                     _("There is no indicator %s"), id ? id : "");
      return FALSE;
    }

  changes = tandem_changes_new ();
  tandem_changes_delete_indicator (changes, id);
  stamp (self, changes, tandem_indicator_get_initiative (old));
  return record (self, g_strdup_printf (_("Delete Indicator “%s”"), tandem_indicator_get_name (old)),
                 changes, error);
}
