/* tandem-initiative.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-cell.h"
#include "tandem-initiative.h"

struct _TandemInitiative
{
  GObject  parent_instance;

  char    *uuid;
  char    *title;
  char    *organisation;
  char    *service_area;
  char    *place;
  char    *description;
  gint64   created;
  gint64   updated;
  guint    row;
  guint    col;
  guint    target_row;   /* 0 when there is no target */
  guint    target_col;
  char    *target_date;  /* YYYY-MM-DD, or NULL */
  /* One note per cell, indexed (row - 1) * 3 + (col - 1); NULL when empty. */
  char    *notes[TANDEM_N_CELLS];
  /* Case studies cited, of TandemCitation, in the order cited. */
  GPtrArray *citations;
  /* Collation key of the case-folded title, made when first needed. */
  char    *sort_key;
};

G_DEFINE_FINAL_TYPE (TandemInitiative, tandem_initiative, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_SERVICE_AREA,
  PROP_PLACE,
  PROP_DESCRIPTION,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_ROW,
  PROP_COL,
  PROP_TARGET_ROW,
  PROP_TARGET_COL,
  N_PROPS
};

enum {
  NOTES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define NOTE_INDEX(r, c) (((r) - 1) * TANDEM_MATRIX_SIZE + ((c) - 1))

static void
set_string (TandemInitiative  *self,
            char             **field,
            const char        *value,
            int                prop)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
citation_free (gpointer data)
{
  TandemCitation *citation = data;

  g_free (citation->case_id);
  g_free (citation->note);
  g_free (citation);
}

static gboolean
citations_equal (GPtrArray *a,
                 GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const TandemCitation *x = g_ptr_array_index (a, i);
      const TandemCitation *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->case_id, y->case_id) != 0 || x->evidence != y->evidence ||
          g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
tandem_initiative_finalize (GObject *object)
{
  TandemInitiative *self = (TandemInitiative *)object;

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->organisation);
  g_free (self->service_area);
  g_free (self->place);
  g_free (self->description);
  g_free (self->sort_key);
  g_free (self->target_date);
  g_ptr_array_unref (self->citations);
  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    g_free (self->notes[i]);

  G_OBJECT_CLASS (tandem_initiative_parent_class)->finalize (object);
}

static void
tandem_initiative_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemInitiative *self = TANDEM_INITIATIVE (object);

  switch (prop_id)
    {
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_ORGANISATION: g_value_set_string (value, self->organisation); break;
    case PROP_SERVICE_AREA: g_value_set_string (value, self->service_area); break;
    case PROP_PLACE: g_value_set_string (value, self->place); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_CREATED: g_value_set_int64 (value, self->created); break;
    case PROP_UPDATED: g_value_set_int64 (value, self->updated); break;
    case PROP_ROW: g_value_set_uint (value, self->row); break;
    case PROP_COL: g_value_set_uint (value, self->col); break;
    case PROP_TARGET_ROW: g_value_set_uint (value, self->target_row); break;
    case PROP_TARGET_COL: g_value_set_uint (value, self->target_col); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_initiative_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemInitiative *self = TANDEM_INITIATIVE (object);

  switch (prop_id)
    {
    case PROP_UUID: tandem_initiative_set_uuid (self, g_value_get_string (value)); break;
    case PROP_TITLE: tandem_initiative_set_title (self, g_value_get_string (value)); break;
    case PROP_ORGANISATION: tandem_initiative_set_organisation (self, g_value_get_string (value)); break;
    case PROP_SERVICE_AREA: tandem_initiative_set_service_area (self, g_value_get_string (value)); break;
    case PROP_PLACE: tandem_initiative_set_place (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: tandem_initiative_set_description (self, g_value_get_string (value)); break;
    case PROP_CREATED: tandem_initiative_set_created (self, g_value_get_int64 (value)); break;
    case PROP_UPDATED: tandem_initiative_set_updated (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
cell_pspec (const char *name,
            guint       minimum)
{
  return g_param_spec_uint (name, NULL, NULL, minimum, TANDEM_MATRIX_SIZE, minimum ? 1 : 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
tandem_initiative_class_init (TandemInitiativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_initiative_finalize;
  object_class->get_property = tandem_initiative_get_property;
  object_class->set_property = tandem_initiative_set_property;

  properties[PROP_UUID] = string_pspec ("uuid");
  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_ORGANISATION] = string_pspec ("organisation");
  properties[PROP_SERVICE_AREA] = string_pspec ("service-area");
  properties[PROP_PLACE] = string_pspec ("place");
  properties[PROP_DESCRIPTION] = string_pspec ("description");
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Rows and columns are set in pairs through the setters, never one at a
   * time, so that an initiative is never seen in a half-moved state. */
  properties[PROP_ROW] = cell_pspec ("row", 1);
  properties[PROP_COL] = cell_pspec ("col", 1);
  properties[PROP_TARGET_ROW] = cell_pspec ("target-row", 0);
  properties[PROP_TARGET_COL] = cell_pspec ("target-col", 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemInitiative::notes-changed:
   *
   * Emitted when any cell note or citation changes.
   */
  signals[NOTES_CHANGED] =
    g_signal_new ("notes-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tandem_initiative_init (TandemInitiative *self)
{
  self->uuid = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->organisation = g_strdup ("");
  self->service_area = g_strdup ("");
  self->place = g_strdup ("");
  self->description = g_strdup ("");
  self->created = self->updated = g_get_real_time () / G_USEC_PER_SEC;
  self->row = 1;
  self->col = 1;
  self->citations = g_ptr_array_new_with_free_func (citation_free);
}

/**
 * tandem_initiative_new:
 * @title: the title
 * @row: the delivery row of its current cell
 * @col: the design column of its current cell
 *
 * Creates an initiative with a fresh random UUID, created and updated now.
 *
 * Returns: (transfer full): a new initiative
 */
TandemInitiative *
tandem_initiative_new (const char *title,
                       guint       row,
                       guint       col)
{
  TandemInitiative *self;

  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  self = g_object_new (TANDEM_TYPE_INITIATIVE, "title", title, NULL);
  self->row = row;
  self->col = col;

  return self;
}

/**
 * tandem_initiative_assign:
 * @self: the initiative to change
 * @other: the initiative to take every value from
 *
 * Makes @self equal to @other, notifying only what changed.
 */
void
tandem_initiative_assign (TandemInitiative *self,
                          TandemInitiative *other)
{
  gboolean notes_changed = FALSE;

  g_return_if_fail (TANDEM_IS_INITIATIVE (self));
  g_return_if_fail (TANDEM_IS_INITIATIVE (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  tandem_initiative_set_uuid (self, other->uuid);
  tandem_initiative_set_title (self, other->title);
  tandem_initiative_set_organisation (self, other->organisation);
  tandem_initiative_set_service_area (self, other->service_area);
  tandem_initiative_set_place (self, other->place);
  tandem_initiative_set_description (self, other->description);
  tandem_initiative_set_created (self, other->created);
  tandem_initiative_set_updated (self, other->updated);
  tandem_initiative_set_cell (self, other->row, other->col);
  if (other->target_row != 0)
    tandem_initiative_set_target (self, other->target_row, other->target_col);
  else
    tandem_initiative_clear_target (self);
  tandem_initiative_set_target_date (self, other->target_date);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      if (g_strcmp0 (self->notes[i], other->notes[i]) != 0)
        {
          g_free (self->notes[i]);
          self->notes[i] = g_strdup (other->notes[i]);
          notes_changed = TRUE;
        }
    }

  if (!citations_equal (self->citations, other->citations))
    {
      g_ptr_array_set_size (self->citations, 0);
      for (guint i = 0; i < other->citations->len; i++)
        {
          const TandemCitation *c = g_ptr_array_index (other->citations, i);

          tandem_initiative_cite (self, c->case_id, c->evidence, c->note);
        }
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (notes_changed)
    g_signal_emit (self, signals[NOTES_CHANGED], 0);
}

/**
 * tandem_initiative_copy:
 *
 * Returns: (transfer full): a new initiative equal to @self, with the same UUID
 */
TandemInitiative *
tandem_initiative_copy (TandemInitiative *self)
{
  TandemInitiative *copy;

  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);

  copy = g_object_new (TANDEM_TYPE_INITIATIVE, NULL);
  tandem_initiative_assign (copy, self);

  return copy;
}

gboolean
tandem_initiative_equal (TandemInitiative *a,
                         TandemInitiative *b)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (a), FALSE);
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (b), FALSE);

  if (!g_str_equal (a->uuid, b->uuid) ||
      !g_str_equal (a->title, b->title) ||
      !g_str_equal (a->organisation, b->organisation) ||
      !g_str_equal (a->service_area, b->service_area) ||
      !g_str_equal (a->place, b->place) ||
      !g_str_equal (a->description, b->description) ||
      a->created != b->created || a->updated != b->updated ||
      a->row != b->row || a->col != b->col ||
      a->target_row != b->target_row || a->target_col != b->target_col ||
      g_strcmp0 (a->target_date, b->target_date) != 0)
    return FALSE;

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    if (g_strcmp0 (a->notes[i], b->notes[i]) != 0)
      return FALSE;

  return citations_equal (a->citations, b->citations);
}

#define STRING_ACCESSORS(field, prop)                                          \
const char *                                                                   \
tandem_initiative_get_##field (TandemInitiative *self)                         \
{                                                                              \
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);                    \
  return self->field;                                                          \
}                                                                              \
                                                                               \
void                                                                           \
tandem_initiative_set_##field (TandemInitiative *self,                         \
                               const char       *value)                        \
{                                                                              \
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));                              \
  set_string (self, &self->field, value, prop);                                \
}

const char *
tandem_initiative_get_title (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);

  return self->title;
}

void
tandem_initiative_set_title (TandemInitiative *self,
                             const char       *title)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));

  if (g_strcmp0 (self->title, title ? title : "") != 0)
    g_clear_pointer (&self->sort_key, g_free);

  set_string (self, &self->title, title, PROP_TITLE);
}

static const char *
get_sort_key (TandemInitiative *self)
{
  if (self->sort_key == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (self->title, -1);

      self->sort_key = g_utf8_collate_key (folded, -1);
    }

  return self->sort_key;
}

/**
 * tandem_initiative_compare:
 *
 * The order in which initiatives are listed: by title, ignoring case and
 * following the user's language, then by UUID so that the order is total.
 *
 * Returns: negative, zero or positive, as for strcmp()
 */
int
tandem_initiative_compare (TandemInitiative *a,
                           TandemInitiative *b)
{
  int result;

  g_return_val_if_fail (TANDEM_IS_INITIATIVE (a), 0);
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (b), 0);

  result = strcmp (get_sort_key (a), get_sort_key (b));
  if (result == 0)
    result = strcmp (a->uuid, b->uuid);

  return result;
}
STRING_ACCESSORS (organisation, PROP_ORGANISATION)
STRING_ACCESSORS (service_area, PROP_SERVICE_AREA)
STRING_ACCESSORS (place, PROP_PLACE)
STRING_ACCESSORS (description, PROP_DESCRIPTION)

const char *
tandem_initiative_get_uuid (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);

  return self->uuid;
}

void
tandem_initiative_set_uuid (TandemInitiative *self,
                            const char       *uuid)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));

  set_string (self, &self->uuid, uuid, PROP_UUID);
}

gint64
tandem_initiative_get_created (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->created;
}

void
tandem_initiative_set_created (TandemInitiative *self,
                               gint64            created)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));

  if (self->created == created)
    return;

  self->created = created;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

gint64
tandem_initiative_get_updated (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->updated;
}

void
tandem_initiative_set_updated (TandemInitiative *self,
                               gint64            updated)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));

  if (self->updated == updated)
    return;

  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

guint
tandem_initiative_get_row (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->row;
}

guint
tandem_initiative_get_col (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->col;
}

static void
set_pair (TandemInitiative *self,
          guint            *row_field,
          guint            *col_field,
          guint             row,
          guint             col,
          int               row_prop,
          int               col_prop)
{
  gboolean row_changed = *row_field != row;
  gboolean col_changed = *col_field != col;

  *row_field = row;
  *col_field = col;

  if (row_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[row_prop]);
  if (col_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[col_prop]);
}

void
tandem_initiative_set_cell (TandemInitiative *self,
                            guint             row,
                            guint             col)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));
  g_return_if_fail (tandem_cell_is_valid (row, col));

  set_pair (self, &self->row, &self->col, row, col, PROP_ROW, PROP_COL);
}

gboolean
tandem_initiative_has_target (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), FALSE);

  return self->target_row != 0;
}

guint
tandem_initiative_get_target_row (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->target_row;
}

guint
tandem_initiative_get_target_col (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->target_col;
}

void
tandem_initiative_set_target (TandemInitiative *self,
                              guint             row,
                              guint             col)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));
  g_return_if_fail (tandem_cell_is_valid (row, col));

  set_pair (self, &self->target_row, &self->target_col, row, col,
            PROP_TARGET_ROW, PROP_TARGET_COL);
}

void
tandem_initiative_clear_target (TandemInitiative *self)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));

  set_pair (self, &self->target_row, &self->target_col, 0, 0,
            PROP_TARGET_ROW, PROP_TARGET_COL);
}

/**
 * tandem_initiative_get_cell_note:
 *
 * Returns: (nullable): the note on what the cell would look like for this
 *   initiative, or %NULL if there is none.
 */
const char *
tandem_initiative_get_cell_note (TandemInitiative *self,
                                 guint             row,
                                 guint             col)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);
  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  return self->notes[NOTE_INDEX (row, col)];
}

/**
 * tandem_initiative_set_cell_note:
 * @note: (nullable): the note; %NULL or empty removes it
 */
void
tandem_initiative_set_cell_note (TandemInitiative *self,
                                 guint             row,
                                 guint             col,
                                 const char       *note)
{
  char **slot;

  g_return_if_fail (TANDEM_IS_INITIATIVE (self));
  g_return_if_fail (tandem_cell_is_valid (row, col));

  if (note != NULL && note[0] == '\0')
    note = NULL;

  slot = &self->notes[NOTE_INDEX (row, col)];
  if (g_strcmp0 (*slot, note) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (note);
  g_signal_emit (self, signals[NOTES_CHANGED], 0);
}

/**
 * tandem_initiative_matches:
 * @casefolded_text: search text, already passed through g_utf8_casefold()
 *
 * Returns: %TRUE if the title, organisation, service area or place
 *   contains @casefolded_text, ignoring case.
 */
gboolean
tandem_initiative_matches (TandemInitiative *self,
                           const char       *casefolded_text)
{
  const char *fields[4];

  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), FALSE);

  if (casefolded_text == NULL || casefolded_text[0] == '\0')
    return TRUE;

  fields[0] = self->title;
  fields[1] = self->organisation;
  fields[2] = self->service_area;
  fields[3] = self->place;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = g_utf8_casefold (fields[i], -1);

      if (strstr (folded, casefolded_text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* ---- Citations of case studies ------------------------------------------- */

guint
tandem_initiative_get_n_citations (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), 0);

  return self->citations->len;
}

const TandemCitation *
tandem_initiative_get_citation (TandemInitiative *self,
                                guint             i)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);
  g_return_val_if_fail (i < self->citations->len, NULL);

  return g_ptr_array_index (self->citations, i);
}

/**
 * tandem_initiative_find_citation:
 *
 * Returns: (nullable): how this initiative cites @case_id, if it does
 */
const TandemCitation *
tandem_initiative_find_citation (TandemInitiative *self,
                                 const char       *case_id)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);

  for (guint i = 0; i < self->citations->len; i++)
    {
      const TandemCitation *citation = g_ptr_array_index (self->citations, i);

      if (g_strcmp0 (citation->case_id, case_id) == 0)
        return citation;
    }

  return NULL;
}

/**
 * tandem_initiative_cite:
 * @evidence: %TRUE to cite the case as evidence, %FALSE as inspiration
 * @note: (nullable): why
 *
 * Cites a case study, or changes how it is cited.  Emits
 * #TandemInitiative::notes-changed.
 */
void
tandem_initiative_cite (TandemInitiative *self,
                        const char       *case_id,
                        gboolean          evidence,
                        const char       *note)
{
  TandemCitation *citation;

  g_return_if_fail (TANDEM_IS_INITIATIVE (self));
  g_return_if_fail (case_id != NULL && case_id[0] != '\0');

  citation = (TandemCitation *) tandem_initiative_find_citation (self, case_id);
  if (citation == NULL)
    {
      citation = g_new0 (TandemCitation, 1);
      citation->case_id = g_strdup (case_id);
      g_ptr_array_add (self->citations, citation);
    }

  citation->evidence = !!evidence;
  g_free (citation->note);
  citation->note = g_strdup (note ? note : "");

  g_signal_emit (self, signals[NOTES_CHANGED], 0);
}

/**
 * tandem_initiative_uncite:
 *
 * Returns: %TRUE if @case_id was cited
 */
gboolean
tandem_initiative_uncite (TandemInitiative *self,
                          const char       *case_id)
{
  const TandemCitation *citation;

  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), FALSE);

  citation = tandem_initiative_find_citation (self, case_id);
  if (citation == NULL)
    return FALSE;

  g_ptr_array_remove (self->citations, (gpointer) citation);
  g_signal_emit (self, signals[NOTES_CHANGED], 0);
  return TRUE;
}

/**
 * tandem_initiative_get_target_date:
 *
 * Returns: (nullable): by when the target cell should be reached, YYYY-MM-DD
 */
const char *
tandem_initiative_get_target_date (TandemInitiative *self)
{
  g_return_val_if_fail (TANDEM_IS_INITIATIVE (self), NULL);

  return self->target_date;
}

/**
 * tandem_initiative_set_target_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL or empty for none
 *
 * Notifies "updated"-style listeners through #GObject::notify on
 * "target-row" so that views showing progress refresh.
 */
void
tandem_initiative_set_target_date (TandemInitiative *self,
                                   const char       *date)
{
  g_return_if_fail (TANDEM_IS_INITIATIVE (self));

  if (date != NULL && date[0] == '\0')
    date = NULL;

  if (g_strcmp0 (self->target_date, date) == 0)
    return;

  g_free (self->target_date);
  self->target_date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ROW]);
}
