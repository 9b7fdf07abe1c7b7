/* tandem-case-study.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-case-study.h"
#include "tandem-cell.h"

struct _TandemCaseStudy
{
  GObject     parent_instance;

  char       *id;
  gboolean    bundled;
  gboolean    generic;
  char       *title;
  char       *place;
  char       *country;
  char       *service_area;
  char       *period;
  char       *summary;
  char       *change_notes;
  TandemCos   cos;
  GStrv       learning;
  GStrv       tags;
  GPtrArray  *outcomes;   /* of TandemOutcome */
  GPtrArray  *sources;    /* of TandemSource */
  GPtrArray  *links;      /* of TandemCaseLink, in the order added */
  char       *sort_key;
};

G_DEFINE_FINAL_TYPE (TandemCaseStudy, tandem_case_study, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BUNDLED,
  PROP_GENERIC,
  PROP_TITLE,
  PROP_PLACE,
  PROP_COUNTRY,
  PROP_SERVICE_AREA,
  PROP_PERIOD,
  PROP_SUMMARY,
  PROP_CHANGE_NOTES,
  PROP_COS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Parts ----------------------------------------------------------------- */

static void
outcome_free (gpointer data)
{
  TandemOutcome *outcome = data;

  g_free (outcome->figure);
  g_free (outcome->period);
  g_free (outcome);
}

static void
source_free (gpointer data)
{
  TandemSource *source = data;

  g_free (source->document);
  g_free (source->author);
  g_free (source->year);
  g_free (source->url);
  g_free (source);
}

static void
link_free (gpointer data)
{
  TandemCaseLink *link = data;

  g_free (link->note);
  g_free (link);
}

static TandemCaseLink *
link_new (guint            row,
          guint            col,
          TandemLinkBasis  basis,
          const char      *note,
          gboolean         hidden)
{
  TandemCaseLink *link = g_new0 (TandemCaseLink, 1);

  link->row = row;
  link->col = col;
  link->basis = basis;
  link->note = g_strdup (note ? note : "");
  link->hidden = hidden;

  return link;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint na = a ? g_strv_length ((GStrv) a) : 0;
  guint nb = b ? g_strv_length ((GStrv) b) : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;

  return TRUE;
}

static void
emit_changed (TandemCaseStudy *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static TandemCaseLink *
lookup_link (TandemCaseStudy *self,
             guint            row,
             guint            col)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      TandemCaseLink *link = g_ptr_array_index (self->links, i);

      if (link->row == row && link->col == col)
        return link;
    }

  return NULL;
}

/* ---- GObject --------------------------------------------------------------- */

static void
tandem_case_study_finalize (GObject *object)
{
  TandemCaseStudy *self = (TandemCaseStudy *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->place);
  g_free (self->country);
  g_free (self->service_area);
  g_free (self->period);
  g_free (self->summary);
  g_free (self->change_notes);
  g_free (self->sort_key);
  g_strfreev (self->learning);
  g_strfreev (self->tags);
  g_ptr_array_unref (self->outcomes);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->links);

  G_OBJECT_CLASS (tandem_case_study_parent_class)->finalize (object);
}

static char **
string_field (TandemCaseStudy *self,
              guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_TITLE: return &self->title;
    case PROP_PLACE: return &self->place;
    case PROP_COUNTRY: return &self->country;
    case PROP_SERVICE_AREA: return &self->service_area;
    case PROP_PERIOD: return &self->period;
    case PROP_SUMMARY: return &self->summary;
    case PROP_CHANGE_NOTES: return &self->change_notes;
    default: return NULL;
    }
}

static void
set_string (TandemCaseStudy *self,
            guint            prop_id,
            const char      *value)
{
  char **field = string_field (self, prop_id);

  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);

  if (prop_id == PROP_TITLE)
    g_clear_pointer (&self->sort_key, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
tandem_case_study_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemCaseStudy *self = TANDEM_CASE_STUDY (object);

  switch (prop_id)
    {
    case PROP_BUNDLED:
      g_value_set_boolean (value, self->bundled);
      break;

    case PROP_GENERIC:
      g_value_set_boolean (value, self->generic);
      break;

    case PROP_COS:
      g_value_set_uint (value, self->cos);
      break;

    default:
      if (string_field (self, prop_id) != NULL)
        g_value_set_string (value, *string_field (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_study_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemCaseStudy *self = TANDEM_CASE_STUDY (object);

  switch (prop_id)
    {
    case PROP_ID:
      tandem_case_study_set_id (self, g_value_get_string (value));
      break;

    case PROP_BUNDLED:
      tandem_case_study_set_bundled (self, g_value_get_boolean (value));
      break;

    case PROP_GENERIC:
      tandem_case_study_set_generic (self, g_value_get_boolean (value));
      break;

    case PROP_COS:
      tandem_case_study_set_cos (self, g_value_get_uint (value));
      break;

    default:
      if (string_field (self, prop_id) != NULL)
        set_string (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_case_study_class_init (TandemCaseStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tandem_case_study_finalize;
  object_class->get_property = tandem_case_study_get_property;
  object_class->set_property = tandem_case_study_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  properties[PROP_BUNDLED] = g_param_spec_boolean ("bundled", NULL, NULL, FALSE, flags);
  properties[PROP_GENERIC] = g_param_spec_boolean ("generic", NULL, NULL, FALSE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, "", flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, "", flags);
  properties[PROP_SERVICE_AREA] = g_param_spec_string ("service-area", NULL, NULL, "", flags);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, "", flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_CHANGE_NOTES] = g_param_spec_string ("change-notes", NULL, NULL, "", flags);
  properties[PROP_COS] = g_param_spec_uint ("cos", NULL, NULL, 0, 0xf, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemCaseStudy::changed:
   *
   * Emitted when anything not covered by a property changes: learning
   * points, tags, outcomes, sources or links.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tandem_case_study_init (TandemCaseStudy *self)
{
  self->id = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->place = g_strdup ("");
  self->country = g_strdup ("");
  self->service_area = g_strdup ("");
  self->period = g_strdup ("");
  self->summary = g_strdup ("");
  self->change_notes = g_strdup ("");
  self->learning = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->outcomes = g_ptr_array_new_with_free_func (outcome_free);
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->links = g_ptr_array_new_with_free_func (link_free);
}

/**
 * tandem_case_study_new:
 *
 * Returns: (transfer full): a new, editable case study with a random UUID
 */
TandemCaseStudy *
tandem_case_study_new (const char *title)
{
  return g_object_new (TANDEM_TYPE_CASE_STUDY, "title", title, NULL);
}

/**
 * tandem_case_study_assign_content:
 *
 * Makes everything @self says equal to @other: all but its ID and its
 * links to cells.
 */
void
tandem_case_study_assign_content (TandemCaseStudy *self,
                                  TandemCaseStudy *other)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));
  g_return_if_fail (TANDEM_IS_CASE_STUDY (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  for (guint prop = PROP_TITLE; prop < N_PROPS; prop++)
    if (string_field (self, prop) != NULL)
      set_string (self, prop, *string_field (other, prop));
  tandem_case_study_set_bundled (self, other->bundled);
  tandem_case_study_set_generic (self, other->generic);
  tandem_case_study_set_cos (self, other->cos);

  g_strfreev (self->learning);
  g_strfreev (self->tags);
  self->learning = g_strdupv (other->learning);
  self->tags = g_strdupv (other->tags);

  g_ptr_array_set_size (self->outcomes, 0);
  for (guint i = 0; i < other->outcomes->len; i++)
    {
      const TandemOutcome *o = g_ptr_array_index (other->outcomes, i);

      tandem_case_study_add_outcome (self, o->figure, o->period);
    }

  g_ptr_array_set_size (self->sources, 0);
  for (guint i = 0; i < other->sources->len; i++)
    {
      const TandemSource *s = g_ptr_array_index (other->sources, i);

      tandem_case_study_add_source (self, s->document, s->author, s->year, s->url);
    }

  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);
}

/**
 * tandem_case_study_assign:
 *
 * Makes @self equal to @other, ID and links included, notifying what
 * changed.
 */
void
tandem_case_study_assign (TandemCaseStudy *self,
                          TandemCaseStudy *other)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));
  g_return_if_fail (TANDEM_IS_CASE_STUDY (other));

  if (self == other)
    return;

  set_string (self, PROP_ID, other->id);
  tandem_case_study_assign_content (self, other);

  g_ptr_array_set_size (self->links, 0);
  for (guint i = 0; i < other->links->len; i++)
    {
      const TandemCaseLink *l = g_ptr_array_index (other->links, i);

      TandemCaseLink *copy = link_new (l->row, l->col, l->basis, l->note, l->hidden);

      copy->user_note = l->user_note;
      g_ptr_array_add (self->links, copy);
    }

  emit_changed (self);
}

/**
 * _tandem_case_study_add_stored_link:
 *
 * For the store: adds a link exactly as it was saved.
 */
void
_tandem_case_study_add_stored_link (TandemCaseStudy *self,
                                    guint            row,
                                    guint            col,
                                    TandemLinkBasis  basis,
                                    const char      *note,
                                    gboolean         hidden,
                                    gboolean         user_note)
{
  g_return_if_fail (tandem_cell_is_valid (row, col));

  if (lookup_link (self, row, col) == NULL)
    {
      TandemCaseLink *link = link_new (row, col, basis, note, hidden);

      link->user_note = user_note;
      g_ptr_array_add (self->links, link);
    }
}

/**
 * tandem_case_study_copy:
 *
 * Returns: (transfer full): an equal case study with the same ID
 */
TandemCaseStudy *
tandem_case_study_copy (TandemCaseStudy *self)
{
  TandemCaseStudy *copy;

  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);

  copy = g_object_new (TANDEM_TYPE_CASE_STUDY, NULL);
  tandem_case_study_assign (copy, self);

  return copy;
}

/**
 * tandem_case_study_duplicate:
 *
 * An editable copy of @self under a new ID, for example of a bundled case
 * study the user wants to adapt.  Its links keep their bases and notes.
 *
 * Returns: (transfer full): the duplicate
 */
TandemCaseStudy *
tandem_case_study_duplicate (TandemCaseStudy *self)
{
  TandemCaseStudy *copy = tandem_case_study_copy (self);
  g_autofree char *id = g_uuid_string_random ();

  tandem_case_study_set_id (copy, id);
  tandem_case_study_set_bundled (copy, FALSE);

  return copy;
}

static gboolean
parts_equal (TandemCaseStudy *a,
             TandemCaseStudy *b)
{
  if (a->outcomes->len != b->outcomes->len || a->sources->len != b->sources->len)
    return FALSE;

  for (guint i = 0; i < a->outcomes->len; i++)
    {
      const TandemOutcome *x = g_ptr_array_index (a->outcomes, i);
      const TandemOutcome *y = g_ptr_array_index (b->outcomes, i);

      if (g_strcmp0 (x->figure, y->figure) != 0 || g_strcmp0 (x->period, y->period) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->sources->len; i++)
    {
      const TandemSource *x = g_ptr_array_index (a->sources, i);
      const TandemSource *y = g_ptr_array_index (b->sources, i);

      if (g_strcmp0 (x->document, y->document) != 0 || g_strcmp0 (x->author, y->author) != 0 ||
          g_strcmp0 (x->year, y->year) != 0 || g_strcmp0 (x->url, y->url) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * tandem_case_study_content_equal:
 *
 * Returns: %TRUE if @a and @b say the same thing, ignoring ID and links
 */
gboolean
tandem_case_study_content_equal (TandemCaseStudy *a,
                                 TandemCaseStudy *b)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (a), FALSE);
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (b), FALSE);

  for (guint prop = PROP_TITLE; prop < N_PROPS; prop++)
    if (string_field (a, prop) != NULL &&
        g_strcmp0 (*string_field (a, prop), *string_field (b, prop)) != 0)
      return FALSE;

  return a->bundled == b->bundled && a->generic == b->generic && a->cos == b->cos &&
         strv_equal ((const char * const *) a->learning, (const char * const *) b->learning) &&
         strv_equal ((const char * const *) a->tags, (const char * const *) b->tags) &&
         parts_equal (a, b);
}

gboolean
tandem_case_study_equal (TandemCaseStudy *a,
                         TandemCaseStudy *b)
{
  if (!tandem_case_study_content_equal (a, b) || g_strcmp0 (a->id, b->id) != 0 ||
      a->links->len != b->links->len)
    return FALSE;

  for (guint i = 0; i < a->links->len; i++)
    {
      const TandemCaseLink *x = g_ptr_array_index (a->links, i);
      const TandemCaseLink *y = g_ptr_array_index (b->links, i);

      if (x->row != y->row || x->col != y->col || x->basis != y->basis ||
          x->hidden != y->hidden || x->user_note != y->user_note ||
          g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }

  return TRUE;
}

/* ---- Accessors ------------------------------------------------------------- */

#define STRING_ACCESSORS(field, PROP)                                          \
const char *                                                                   \
tandem_case_study_get_##field (TandemCaseStudy *self)                          \
{                                                                              \
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);                    \
  return self->field;                                                          \
}                                                                              \
                                                                               \
void                                                                           \
tandem_case_study_set_##field (TandemCaseStudy *self,                          \
                               const char      *value)                         \
{                                                                              \
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));                              \
  set_string (self, PROP, value);                                              \
}

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (place, PROP_PLACE)
STRING_ACCESSORS (country, PROP_COUNTRY)
STRING_ACCESSORS (service_area, PROP_SERVICE_AREA)
STRING_ACCESSORS (period, PROP_PERIOD)
STRING_ACCESSORS (summary, PROP_SUMMARY)
STRING_ACCESSORS (change_notes, PROP_CHANGE_NOTES)

const char *
tandem_case_study_get_id (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);

  return self->id;
}

void
tandem_case_study_set_id (TandemCaseStudy *self,
                          const char      *id)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));
  g_return_if_fail (id != NULL && id[0] != '\0');

  set_string (self, PROP_ID, id);
}

gboolean
tandem_case_study_get_bundled (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), FALSE);

  return self->bundled;
}

void
tandem_case_study_set_bundled (TandemCaseStudy *self,
                               gboolean         bundled)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  if (self->bundled == !!bundled)
    return;

  self->bundled = !!bundled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUNDLED]);
}

gboolean
tandem_case_study_get_generic (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), FALSE);

  return self->generic;
}

void
tandem_case_study_set_generic (TandemCaseStudy *self,
                               gboolean         generic)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  if (self->generic == !!generic)
    return;

  self->generic = !!generic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERIC]);
}

TandemCos
tandem_case_study_get_cos (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), 0);

  return self->cos;
}

void
tandem_case_study_set_cos (TandemCaseStudy *self,
                           TandemCos        cos)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  cos &= 0xf;
  if (self->cos == cos)
    return;

  self->cos = cos;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COS]);
}

/**
 * tandem_case_study_get_learning:
 *
 * Returns: (transfer none): the learning points, never %NULL
 */
const char * const *
tandem_case_study_get_learning (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);

  return (const char * const *) self->learning;
}

void
tandem_case_study_set_learning (TandemCaseStudy    *self,
                                const char * const *learning)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  if (strv_equal ((const char * const *) self->learning, learning))
    return;

  g_strfreev (self->learning);
  self->learning = learning ? g_strdupv ((GStrv) learning) : g_new0 (char *, 1);
  emit_changed (self);
}

/**
 * tandem_case_study_get_tags:
 *
 * Returns: (transfer none): the tags, never %NULL
 */
const char * const *
tandem_case_study_get_tags (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);

  return (const char * const *) self->tags;
}

void
tandem_case_study_set_tags (TandemCaseStudy    *self,
                            const char * const *tags)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  if (strv_equal ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = tags ? g_strdupv ((GStrv) tags) : g_new0 (char *, 1);
  emit_changed (self);
}

guint
tandem_case_study_get_n_outcomes (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), 0);

  return self->outcomes->len;
}

const TandemOutcome *
tandem_case_study_get_outcome (TandemCaseStudy *self,
                               guint            i)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);
  g_return_val_if_fail (i < self->outcomes->len, NULL);

  return g_ptr_array_index (self->outcomes, i);
}

void
tandem_case_study_add_outcome (TandemCaseStudy *self,
                               const char      *figure,
                               const char      *period)
{
  TandemOutcome *outcome;

  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  outcome = g_new0 (TandemOutcome, 1);
  outcome->figure = g_strdup (figure ? figure : "");
  outcome->period = g_strdup (period ? period : "");
  g_ptr_array_add (self->outcomes, outcome);
  emit_changed (self);
}

void
tandem_case_study_clear_outcomes (TandemCaseStudy *self)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  g_ptr_array_set_size (self->outcomes, 0);
  emit_changed (self);
}

guint
tandem_case_study_get_n_sources (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), 0);

  return self->sources->len;
}

const TandemSource *
tandem_case_study_get_source (TandemCaseStudy *self,
                              guint            i)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);
  g_return_val_if_fail (i < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, i);
}

void
tandem_case_study_add_source (TandemCaseStudy *self,
                              const char      *document,
                              const char      *author,
                              const char      *year,
                              const char      *url)
{
  TandemSource *source;

  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  source = g_new0 (TandemSource, 1);
  source->document = g_strdup (document ? document : "");
  source->author = g_strdup (author ? author : "");
  source->year = g_strdup (year ? year : "");
  source->url = g_strdup (url ? url : "");
  g_ptr_array_add (self->sources, source);
  emit_changed (self);
}

void
tandem_case_study_clear_sources (TandemCaseStudy *self)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  g_ptr_array_set_size (self->sources, 0);
  emit_changed (self);
}

/* ---- Links to cells ------------------------------------------------------ */

guint
tandem_case_study_get_n_links (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), 0);

  return self->links->len;
}

/**
 * tandem_case_study_get_link:
 *
 * Returns: (transfer none): link @i, which may be a hidden library link
 */
const TandemCaseLink *
tandem_case_study_get_link (TandemCaseStudy *self,
                            guint            i)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);
  g_return_val_if_fail (i < self->links->len, NULL);

  return g_ptr_array_index (self->links, i);
}

/**
 * tandem_case_study_has_user_links:
 *
 * Whether the user has changed where this case study sits in the matrix:
 * added a link, hidden one or noted one.  Such library case studies go
 * into an export in full.
 */
gboolean
tandem_case_study_has_user_links (TandemCaseStudy *self)
{
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), FALSE);

  for (guint i = 0; i < self->links->len; i++)
    {
      const TandemCaseLink *link = g_ptr_array_index (self->links, i);

      if (link->basis == TANDEM_LINK_USER || link->hidden || link->user_note)
        return TRUE;
    }

  return FALSE;
}


/**
 * tandem_case_study_add_library_link:
 *
 * Adds a link as it comes from the library (or from a stored portfolio,
 * hidden flag and all, through tandem_case_study_link() for user links).
 */
void
tandem_case_study_add_library_link (TandemCaseStudy *self,
                                    guint            row,
                                    guint            col,
                                    TandemLinkBasis  basis,
                                    const char      *note)
{
  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));
  g_return_if_fail (tandem_cell_is_valid (row, col));
  g_return_if_fail (lookup_link (self, row, col) == NULL);

  g_ptr_array_add (self->links, link_new (row, col, basis, note, FALSE));
  emit_changed (self);
}

/**
 * tandem_case_study_find_link:
 *
 * Returns: (nullable): the visible link to @row, @col
 */
const TandemCaseLink *
tandem_case_study_find_link (TandemCaseStudy *self,
                             guint            row,
                             guint            col)
{
  TandemCaseLink *link;

  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), NULL);

  link = lookup_link (self, row, col);
  return link && !link->hidden ? link : NULL;
}

gboolean
tandem_case_study_is_linked (TandemCaseStudy *self,
                             guint            row,
                             guint            col)
{
  return tandem_case_study_find_link (self, row, col) != NULL;
}

/**
 * tandem_case_study_link:
 * @note: why the case illustrates this cell
 *
 * Links the case study to a cell with the user's note, or changes the note
 * of an existing link.  A library link the user had unlinked comes back,
 * with the user's note.
 */
void
tandem_case_study_link (TandemCaseStudy *self,
                        guint            row,
                        guint            col,
                        const char      *note)
{
  TandemCaseLink *link;

  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));
  g_return_if_fail (tandem_cell_is_valid (row, col));

  link = lookup_link (self, row, col);
  if (link == NULL)
    g_ptr_array_add (self->links, link_new (row, col, TANDEM_LINK_USER, note, FALSE));
  else
    {
      link->hidden = FALSE;
      if (note != NULL && note[0] != '\0')
        {
          g_free (link->note);
          link->note = g_strdup (note);
          link->user_note = TRUE;
        }
    }

  emit_changed (self);
}

/**
 * tandem_case_study_unlink:
 *
 * Removes a user link; a library link is only hidden, so that a newer
 * library does not bring it back.
 */
void
tandem_case_study_unlink (TandemCaseStudy *self,
                          guint            row,
                          guint            col)
{
  TandemCaseLink *link;

  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));

  link = lookup_link (self, row, col);
  if (link == NULL)
    return;

  if (link->basis == TANDEM_LINK_USER)
    g_ptr_array_remove (self->links, link);
  else
    link->hidden = TRUE;

  emit_changed (self);
}

/**
 * tandem_case_study_take_library_links:
 * @library: the same case study as a newer library has it
 *
 * Replaces the library's links with @library's, keeping the user's own
 * links and notes, and keeping hidden any library link the user unlinked.
 */
void
tandem_case_study_take_library_links (TandemCaseStudy *self,
                                      TandemCaseStudy *library)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_free);

  g_return_if_fail (TANDEM_IS_CASE_STUDY (self));
  g_return_if_fail (TANDEM_IS_CASE_STUDY (library));

  for (guint i = 0; i < library->links->len; i++)
    {
      const TandemCaseLink *theirs = g_ptr_array_index (library->links, i);
      TandemCaseLink *mine = lookup_link (self, theirs->row, theirs->col);
      TandemCaseLink *merged;

      if (mine != NULL && mine->basis == TANDEM_LINK_USER)
        continue;

      /* The library's basis, but the user's note if they wrote one. */
      merged = link_new (theirs->row, theirs->col, theirs->basis,
                         mine != NULL && mine->user_note ? mine->note : theirs->note,
                         mine != NULL && mine->hidden);
      merged->user_note = mine != NULL && mine->user_note;
      g_ptr_array_add (links, merged);
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const TandemCaseLink *mine = g_ptr_array_index (self->links, i);

      if (mine->basis == TANDEM_LINK_USER)
        g_ptr_array_add (links, link_new (mine->row, mine->col, mine->basis, mine->note, FALSE));
    }

  g_ptr_array_set_size (self->links, 0);
  g_ptr_array_extend_and_steal (self->links, g_steal_pointer (&links));
  emit_changed (self);
}

/* ---- Searching and sorting ----------------------------------------------- */

static gboolean
contains_folded (const char *text,
                 const char *casefolded)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  return strstr (folded, casefolded) != NULL;
}

/**
 * tandem_case_study_matches:
 * @casefolded_text: search text, passed through g_utf8_casefold()
 *
 * Returns: %TRUE if the title, place, country, service area, summary or a
 *   tag contains @casefolded_text
 */
gboolean
tandem_case_study_matches (TandemCaseStudy *self,
                           const char      *casefolded_text)
{
  const char *fields[6];

  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (self), FALSE);

  if (casefolded_text == NULL || casefolded_text[0] == '\0')
    return TRUE;

  fields[0] = self->title;
  fields[1] = self->place;
  fields[2] = self->country;
  fields[3] = self->service_area;
  fields[4] = self->summary;
  fields[5] = NULL;

  for (guint i = 0; fields[i] != NULL; i++)
    if (contains_folded (fields[i], casefolded_text))
      return TRUE;

  for (guint i = 0; self->tags[i] != NULL; i++)
    if (contains_folded (self->tags[i], casefolded_text))
      return TRUE;

  return FALSE;
}

static const char *
get_sort_key (TandemCaseStudy *self)
{
  if (self->sort_key == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (self->title, -1);

      self->sort_key = g_utf8_collate_key (folded, -1);
    }

  return self->sort_key;
}

/**
 * tandem_case_study_compare:
 *
 * By title, ignoring case, then by ID.
 */
int
tandem_case_study_compare (TandemCaseStudy *a,
                           TandemCaseStudy *b)
{
  int result = strcmp (get_sort_key (a), get_sort_key (b));

  return result ? result : strcmp (a->id, b->id);
}

/* An empty or %NULL wanted value matches anything. */
static gboolean
same_ignoring_case (const char *wanted,
                    const char *value)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (wanted == NULL || wanted[0] == '\0')
    return TRUE;

  a = g_utf8_casefold (wanted, -1);
  b = g_utf8_casefold (value, -1);
  return g_str_equal (a, b);
}

/**
 * tandem_case_filter_matches:
 *
 * Returns: %TRUE if @case_study passes every part of @filter
 */
gboolean
tandem_case_filter_matches (const TandemCaseFilter *filter,
                            TandemCaseStudy        *case_study)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (TANDEM_IS_CASE_STUDY (case_study), FALSE);

  if (filter->row != 0 && !tandem_case_study_is_linked (case_study, filter->row, filter->col))
    return FALSE;

  if ((case_study->cos & filter->cos) != filter->cos)
    return FALSE;

  if (!same_ignoring_case (filter->service_area, case_study->service_area) ||
      !same_ignoring_case (filter->country, case_study->country))
    return FALSE;

  if (filter->ids != NULL && !g_hash_table_contains (filter->ids, case_study->id))
    return FALSE;

  return TRUE;
}

/* ---- Names ------------------------------------------------------------------ */

static const struct {
  TandemCos   co;
  const char *name;
  const char *label;
} cos_names[] = {
  { TANDEM_CO_COMMISSIONING, "co-commissioning", N_("Co-commissioning") },
  { TANDEM_CO_DESIGN, "co-design", N_("Co-design") },
  { TANDEM_CO_DELIVERY, "co-delivery", N_("Co-delivery") },
  { TANDEM_CO_ASSESSMENT, "co-assessment", N_("Co-assessment") },
};

/**
 * tandem_cos_to_string:
 * @co: one of the Four Co's
 *
 * Returns: (nullable): its name in files, such as "co-design"
 */
const char *
tandem_cos_to_string (TandemCos co)
{
  for (guint i = 0; i < G_N_ELEMENTS (cos_names); i++)
    if (cos_names[i].co == co)
      return cos_names[i].name;

  return NULL;
}

gboolean
tandem_cos_from_string (const char *text,
                        TandemCos  *co)
{
  for (guint i = 0; i < G_N_ELEMENTS (cos_names); i++)
    if (g_strcmp0 (cos_names[i].name, text) == 0)
      {
        *co = cos_names[i].co;
        return TRUE;
      }

  return FALSE;
}

/**
 * tandem_cos_get_label:
 *
 * Returns: (nullable): the translated name of one of the Four Co's
 */
const char *
tandem_cos_get_label (TandemCos co)
{
  for (guint i = 0; i < G_N_ELEMENTS (cos_names); i++)
    if (cos_names[i].co == co)
      return _(cos_names[i].label);

  return NULL;
}

static const char * const basis_names[] = { "source", "tandem", "user" };

const char *
tandem_link_basis_to_string (TandemLinkBasis basis)
{
  g_return_val_if_fail (basis <= TANDEM_LINK_USER, NULL);

  return basis_names[basis];
}

gboolean
tandem_link_basis_from_string (const char      *text,
                               TandemLinkBasis *basis)
{
  for (guint i = 0; i < G_N_ELEMENTS (basis_names); i++)
    if (g_strcmp0 (basis_names[i], text) == 0)
      {
        *basis = i;
        return TRUE;
      }

  return FALSE;
}
