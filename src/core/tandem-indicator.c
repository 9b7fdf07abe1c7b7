/* tandem-indicator.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tandem-indicator.h"

struct _TandemIndicator
{
  GObject    parent_instance;

  char      *id;
  char      *initiative;
  char      *name;
  char      *unit;
  gboolean   has_baseline;
  double     baseline;
  gboolean   has_target;
  double     target;
  GPtrArray *readings;   /* of TandemReading, by date */
};

G_DEFINE_FINAL_TYPE (TandemIndicator, tandem_indicator, G_TYPE_OBJECT)

static void
reading_free (gpointer data)
{
  TandemReading *reading = data;

  g_free (reading->date);
  g_free (reading);
}

static void
tandem_indicator_finalize (GObject *object)
{
  TandemIndicator *self = (TandemIndicator *)object;

  g_free (self->id);
  g_free (self->initiative);
  g_free (self->name);
  g_free (self->unit);
  g_ptr_array_unref (self->readings);

  G_OBJECT_CLASS (tandem_indicator_parent_class)->finalize (object);
}

static void
tandem_indicator_class_init (TandemIndicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_indicator_finalize;
}

static void
tandem_indicator_init (TandemIndicator *self)
{
  self->id = g_uuid_string_random ();
  self->readings = g_ptr_array_new_with_free_func (reading_free);
}

/**
 * tandem_indicator_new:
 *
 * Returns: (transfer full): a new indicator with a fresh ID and no readings
 */
TandemIndicator *
tandem_indicator_new (const char *initiative_uuid,
                      const char *name,
                      const char *unit)
{
  TandemIndicator *self = g_object_new (TANDEM_TYPE_INDICATOR, NULL);

  self->initiative = g_strdup (initiative_uuid ? initiative_uuid : "");
  self->name = g_strdup (name ? name : "");
  self->unit = g_strdup (unit ? unit : "");

  return self;
}

TandemIndicator *
tandem_indicator_copy (TandemIndicator *self)
{
  TandemIndicator *copy;

  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), NULL);

  copy = tandem_indicator_new (self->initiative, self->name, self->unit);
  tandem_indicator_set_id (copy, self->id);
  copy->has_baseline = self->has_baseline;
  copy->baseline = self->baseline;
  copy->has_target = self->has_target;
  copy->target = self->target;
  for (guint i = 0; i < self->readings->len; i++)
    {
      const TandemReading *r = g_ptr_array_index (self->readings, i);

      tandem_indicator_set_reading (copy, r->date, r->value);
    }

  return copy;
}

gboolean
tandem_indicator_equal (TandemIndicator *a,
                        TandemIndicator *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->initiative, b->initiative) != 0 ||
      g_strcmp0 (a->name, b->name) != 0 || g_strcmp0 (a->unit, b->unit) != 0 ||
      a->has_baseline != b->has_baseline || (a->has_baseline && a->baseline != b->baseline) ||
      a->has_target != b->has_target || (a->has_target && a->target != b->target) ||
      a->readings->len != b->readings->len)
    return FALSE;

  for (guint i = 0; i < a->readings->len; i++)
    {
      const TandemReading *x = g_ptr_array_index (a->readings, i);
      const TandemReading *y = g_ptr_array_index (b->readings, i);

      if (g_strcmp0 (x->date, y->date) != 0 || x->value != y->value)
        return FALSE;
    }

  return TRUE;
}

const char *
tandem_indicator_get_id (TandemIndicator *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), NULL);
  return self->id;
}

void
tandem_indicator_set_id (TandemIndicator *self,
                         const char      *id)
{
  g_return_if_fail (TANDEM_IS_INDICATOR (self));
  g_return_if_fail (id != NULL && id[0] != '\0');

  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
tandem_indicator_get_initiative (TandemIndicator *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), NULL);
  return self->initiative;
}

const char *
tandem_indicator_get_name (TandemIndicator *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), NULL);
  return self->name;
}

void
tandem_indicator_set_name (TandemIndicator *self,
                           const char      *name)
{
  g_return_if_fail (TANDEM_IS_INDICATOR (self));

  g_free (self->name);
  self->name = g_strdup (name ? name : "");
}

const char *
tandem_indicator_get_unit (TandemIndicator *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), NULL);
  return self->unit;
}

void
tandem_indicator_set_unit (TandemIndicator *self,
                           const char      *unit)
{
  g_return_if_fail (TANDEM_IS_INDICATOR (self));

  g_free (self->unit);
  self->unit = g_strdup (unit ? unit : "");
}

gboolean
tandem_indicator_get_baseline (TandemIndicator *self,
                               double          *value)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), FALSE);

  if (self->has_baseline && value)
    *value = self->baseline;
  return self->has_baseline;
}

void
tandem_indicator_set_baseline (TandemIndicator *self,
                               gboolean         has_value,
                               double           value)
{
  g_return_if_fail (TANDEM_IS_INDICATOR (self));

  self->has_baseline = has_value;
  self->baseline = has_value ? value : 0;
}

gboolean
tandem_indicator_get_target (TandemIndicator *self,
                             double          *value)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), FALSE);

  if (self->has_target && value)
    *value = self->target;
  return self->has_target;
}

void
tandem_indicator_set_target (TandemIndicator *self,
                             gboolean         has_value,
                             double           value)
{
  g_return_if_fail (TANDEM_IS_INDICATOR (self));

  self->has_target = has_value;
  self->target = has_value ? value : 0;
}

guint
tandem_indicator_get_n_readings (TandemIndicator *self)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), 0);
  return self->readings->len;
}

const TandemReading *
tandem_indicator_get_reading (TandemIndicator *self,
                              guint            i)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (i < self->readings->len, NULL);

  return g_ptr_array_index (self->readings, i);
}

/**
 * tandem_indicator_set_reading:
 *
 * Records @value on @date, replacing any reading of that date, keeping the
 * readings in date order.
 */
void
tandem_indicator_set_reading (TandemIndicator *self,
                              const char      *date,
                              double           value)
{
  TandemReading *reading;
  guint i;

  g_return_if_fail (TANDEM_IS_INDICATOR (self));
  g_return_if_fail (date != NULL);

  for (i = 0; i < self->readings->len; i++)
    {
      TandemReading *r = g_ptr_array_index (self->readings, i);
      int cmp = strcmp (r->date, date);

      if (cmp == 0)
        {
          r->value = value;
          return;
        }
      if (cmp > 0)
        break;
    }

  reading = g_new0 (TandemReading, 1);
  reading->date = g_strdup (date);
  reading->value = value;
  g_ptr_array_insert (self->readings, i, reading);
}

gboolean
tandem_indicator_remove_reading (TandemIndicator *self,
                                 const char      *date)
{
  g_return_val_if_fail (TANDEM_IS_INDICATOR (self), FALSE);

  for (guint i = 0; i < self->readings->len; i++)
    {
      TandemReading *r = g_ptr_array_index (self->readings, i);

      if (g_strcmp0 (r->date, date) == 0)
        {
          g_ptr_array_remove_index (self->readings, i);
          return TRUE;
        }
    }

  return FALSE;
}
