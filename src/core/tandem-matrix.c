/* tandem-matrix.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-cell.h"
#include "tandem-matrix.h"

struct _TandemMatrix
{
  GObject     parent_instance;

  /* key → custom wording; keys absent here show the standard wording */
  GHashTable *custom;
};

G_DEFINE_FINAL_TYPE (TandemMatrix, tandem_matrix, G_TYPE_OBJECT)

enum {
  LABEL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The standard wording, adapted from Bovaird (2006) for the Carnegie Trust's
 * Commission for Rural Community Development.  Kept in key order: the two
 * axes, the column headings, the row headings, then the cells row by row. */
static const struct {
  const char *key;
  const char *label;
} standard_labels[] = {
  { "design-axis",   N_("Responsibility for design of services") },
  { "delivery-axis", N_("Responsibility for delivery of services") },
  { "design-1",      N_("Professionals as sole service planner") },
  { "design-2",      N_("Professionals and service users/community as co-planners") },
  { "design-3",      N_("No professional input into service planning") },
  { "delivery-1",    N_("Professionals as sole service deliverers") },
  { "delivery-2",    N_("Professionals and users/communities as co-deliverers") },
  { "delivery-3",    N_("Users/communities as sole deliverers") },
  { "cell-1-1",      N_("Traditional professional service provision") },
  { "cell-1-2",      N_("Professional service provision but users/communities involved in planning and design") },
  /* The source repeats the row heading in this cell; we keep it. */
  { "cell-1-3",      N_("Professionals as sole service deliverers") },
  { "cell-2-1",      N_("User co-delivery of professionally designed services") },
  { "cell-2-2",      N_("Full co-production") },
  { "cell-2-3",      N_("User/community delivery of services with little formal/professional planning or design") },
  { "cell-3-1",      N_("User/community delivery of professionally planned services") },
  { "cell-3-2",      N_("User/community delivery of co-planned or co-designed services") },
  { "cell-3-3",      N_("Self-organised community provision") },
};

static const char * const keys[] = {
  "design-axis", "delivery-axis",
  "design-1", "design-2", "design-3",
  "delivery-1", "delivery-2", "delivery-3",
  "cell-1-1", "cell-1-2", "cell-1-3",
  "cell-2-1", "cell-2-2", "cell-2-3",
  "cell-3-1", "cell-3-2", "cell-3-3",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (standard_labels) + 1);

static void
tandem_matrix_finalize (GObject *object)
{
  TandemMatrix *self = (TandemMatrix *)object;

  g_clear_pointer (&self->custom, g_hash_table_unref);

  G_OBJECT_CLASS (tandem_matrix_parent_class)->finalize (object);
}

static void
tandem_matrix_class_init (TandemMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_matrix_finalize;

  /**
   * TandemMatrix::label-changed:
   * @key: the key whose wording changed
   */
  signals[LABEL_CHANGED] =
    g_signal_new ("label-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
tandem_matrix_init (TandemMatrix *self)
{
  self->custom = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

TandemMatrix *
tandem_matrix_new (void)
{
  return g_object_new (TANDEM_TYPE_MATRIX, NULL);
}

/**
 * tandem_matrix_get_keys:
 *
 * Returns: (transfer none): the 17 keys, axes first, then column headings,
 *   row headings and the cells row by row.
 */
const char * const *
tandem_matrix_get_keys (void)
{
  return keys;
}

static int
key_index (const char *key)
{
  if (key == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (standard_labels); i++)
    if (g_str_equal (standard_labels[i].key, key))
      return i;

  return -1;
}

gboolean
tandem_matrix_is_valid_key (const char *key)
{
  return key_index (key) >= 0;
}

/**
 * tandem_matrix_get_standard_label:
 *
 * Returns: (nullable): the standard wording of @key, translated, or %NULL
 *   if @key is not a matrix key.
 */
const char *
tandem_matrix_get_standard_label (const char *key)
{
  int i = key_index (key);

  if (i < 0)
    return NULL;

  return _(standard_labels[i].label);
}

/**
 * tandem_matrix_get_label:
 *
 * Returns: (transfer none): the wording this portfolio shows for @key.
 */
const char *
tandem_matrix_get_label (TandemMatrix *self,
                         const char   *key)
{
  const char *custom;

  g_return_val_if_fail (TANDEM_IS_MATRIX (self), NULL);
  g_return_val_if_fail (tandem_matrix_is_valid_key (key), NULL);

  custom = g_hash_table_lookup (self->custom, key);
  return custom ? custom : tandem_matrix_get_standard_label (key);
}

gboolean
tandem_matrix_is_customised (TandemMatrix *self,
                             const char   *key)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX (self), FALSE);

  return g_hash_table_contains (self->custom, key);
}

/**
 * tandem_matrix_dup_custom_label:
 *
 * Returns: (transfer full) (nullable): the portfolio's own wording of @key,
 *   or %NULL where it shows the standard wording.
 */
char *
tandem_matrix_dup_custom_label (TandemMatrix *self,
                                const char   *key)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX (self), NULL);

  return g_strdup (g_hash_table_lookup (self->custom, key));
}

/**
 * tandem_matrix_cell_key:
 *
 * Returns: (transfer full): the key "cell-R-C" of a cell.
 */
char *
tandem_matrix_cell_key (guint row,
                        guint col)
{
  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  return g_strdup_printf ("cell-%u-%u", row, col);
}

const char *
tandem_matrix_get_cell_label (TandemMatrix *self,
                              guint         row,
                              guint         col)
{
  g_autofree char *key = tandem_matrix_cell_key (row, col);

  g_return_val_if_fail (key != NULL, NULL);

  return tandem_matrix_get_label (self, key);
}

const char *
tandem_matrix_get_row_heading (TandemMatrix *self,
                               guint         row)
{
  g_return_val_if_fail (row >= 1 && row <= TANDEM_MATRIX_SIZE, NULL);

  return tandem_matrix_get_label (self, keys[4 + row]);
}

const char *
tandem_matrix_get_column_heading (TandemMatrix *self,
                                  guint         col)
{
  g_return_val_if_fail (col >= 1 && col <= TANDEM_MATRIX_SIZE, NULL);

  return tandem_matrix_get_label (self, keys[1 + col]);
}

void
_tandem_matrix_set_custom_label (TandemMatrix *self,
                                 const char   *key,
                                 const char   *text)
{
  const char *old;

  g_return_if_fail (TANDEM_IS_MATRIX (self));
  g_return_if_fail (tandem_matrix_is_valid_key (key));

  if (text != NULL && text[0] == '\0')
    text = NULL;

  old = g_hash_table_lookup (self->custom, key);
  if (g_strcmp0 (old, text) == 0)
    return;

  if (text != NULL)
    g_hash_table_replace (self->custom, g_strdup (key), g_strdup (text));
  else
    g_hash_table_remove (self->custom, key);

  g_signal_emit (self, signals[LABEL_CHANGED], g_quark_from_string (key), key);
}
