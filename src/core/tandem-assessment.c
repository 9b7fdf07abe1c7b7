/* tandem-assessment.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-assessment.h"
#include "tandem-cell.h"
#include "tandem-error.h"

struct _TandemAssessment
{
  GObject         parent_instance;

  char           *id;
  char           *initiative;
  char           *date;
  guint           row;
  guint           col;
  TandemStage     stage;
  TandemLevel     level;
  TandemPresence  presence[TANDEM_N_COS];
  guint           subtypes;
  guint           principles;
  TandemAnswer    answers[TANDEM_N_QUESTIONS];
  char           *notes;
  char           *participants;
  /* 0 where a stakeholder group's placement is the agreed one */
  guint           placement_row[TANDEM_N_STAKEHOLDERS];
  guint           placement_col[TANDEM_N_STAKEHOLDERS];
  GPtrArray      *evidence;   /* of TandemEvidence */
};

G_DEFINE_FINAL_TYPE (TandemAssessment, tandem_assessment, G_TYPE_OBJECT)

static void
evidence_free (gpointer data)
{
  TandemEvidence *evidence = data;

  g_free (evidence->caption);
  g_free (evidence->link);
  g_free (evidence);
}

static void
tandem_assessment_finalize (GObject *object)
{
  TandemAssessment *self = (TandemAssessment *)object;

  g_free (self->id);
  g_free (self->initiative);
  g_free (self->date);
  g_free (self->notes);
  g_free (self->participants);
  g_ptr_array_unref (self->evidence);

  G_OBJECT_CLASS (tandem_assessment_parent_class)->finalize (object);
}

static void
tandem_assessment_class_init (TandemAssessmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tandem_assessment_finalize;
}

static void
tandem_assessment_init (TandemAssessment *self)
{
  /* The ID is made when first asked for: an import of a hundred thousand
   * assessments sets every one from the file. */
  self->id = NULL;
  self->initiative = g_strdup ("");
  /* Set by every constructor; asking the clock here would cost a time
   * zone lookup for each of thousands of assessments read at once. */
  self->date = g_strdup ("");
  self->row = 1;
  self->col = 1;
  self->notes = g_strdup ("");
  self->participants = g_strdup ("");
  self->evidence = g_ptr_array_new_with_free_func (evidence_free);
}

/**
 * tandem_assessment_new:
 * @initiative_uuid: the initiative assessed
 * @date: the day of the assessment, YYYY-MM-DD
 *
 * Returns: (transfer full): a new assessment with a fresh ID and nothing
 *   assessed but the cell
 */
TandemAssessment *
tandem_assessment_new (const char *initiative_uuid,
                       const char *date,
                       guint       row,
                       guint       col)
{
  TandemAssessment *self = g_object_new (TANDEM_TYPE_ASSESSMENT, NULL);

  g_free (self->initiative);
  self->initiative = g_strdup (initiative_uuid ? initiative_uuid : "");
  tandem_assessment_set_date (self, date);
  tandem_assessment_set_cell (self, row, col);

  return self;
}

/**
 * tandem_assessment_copy:
 *
 * Returns: (transfer full): an equal assessment with the same ID
 */
TandemAssessment *
tandem_assessment_copy (TandemAssessment *self)
{
  TandemAssessment *copy;

  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);

  copy = tandem_assessment_new (self->initiative, self->date, self->row, self->col);
  tandem_assessment_set_id (copy, tandem_assessment_get_id (self));
  copy->stage = self->stage;
  copy->level = self->level;
  memcpy (copy->presence, self->presence, sizeof self->presence);
  copy->subtypes = self->subtypes;
  copy->principles = self->principles;
  memcpy (copy->answers, self->answers, sizeof self->answers);
  tandem_assessment_set_notes (copy, self->notes);
  tandem_assessment_set_participants (copy, self->participants);
  memcpy (copy->placement_row, self->placement_row, sizeof self->placement_row);
  memcpy (copy->placement_col, self->placement_col, sizeof self->placement_col);
  for (guint i = 0; i < self->evidence->len; i++)
    {
      const TandemEvidence *e = g_ptr_array_index (self->evidence, i);

      tandem_assessment_add_evidence (copy, e->caption, e->link);
    }

  return copy;
}

gboolean
tandem_assessment_equal (TandemAssessment *a,
                         TandemAssessment *b)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (a), FALSE);
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (b), FALSE);

  if (g_strcmp0 (tandem_assessment_get_id (a), tandem_assessment_get_id (b)) != 0 ||
      g_strcmp0 (a->initiative, b->initiative) != 0 ||
      g_strcmp0 (a->date, b->date) != 0 || a->row != b->row || a->col != b->col ||
      a->stage != b->stage || a->level != b->level ||
      memcmp (a->presence, b->presence, sizeof a->presence) != 0 ||
      a->subtypes != b->subtypes || a->principles != b->principles ||
      memcmp (a->answers, b->answers, sizeof a->answers) != 0 ||
      g_strcmp0 (a->notes, b->notes) != 0 || g_strcmp0 (a->participants, b->participants) != 0 ||
      memcmp (a->placement_row, b->placement_row, sizeof a->placement_row) != 0 ||
      memcmp (a->placement_col, b->placement_col, sizeof a->placement_col) != 0 ||
      a->evidence->len != b->evidence->len)
    return FALSE;

  for (guint i = 0; i < a->evidence->len; i++)
    {
      const TandemEvidence *x = g_ptr_array_index (a->evidence, i);
      const TandemEvidence *y = g_ptr_array_index (b->evidence, i);

      if (g_strcmp0 (x->caption, y->caption) != 0 || g_strcmp0 (x->link, y->link) != 0)
        return FALSE;
    }

  return TRUE;
}

const char *
tandem_assessment_get_id (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);

  /* Made on first use (see tandem_assessment_init()); like the rest of an
   * assessment, not for two threads at once. */
  if (self->id == NULL)
    self->id = g_uuid_string_random ();

  return self->id;
}

void
tandem_assessment_set_id (TandemAssessment *self,
                          const char       *id)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (id != NULL && id[0] != '\0');

  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
tandem_assessment_get_initiative (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);
  return self->initiative;
}

const char *
tandem_assessment_get_date (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);
  return self->date;
}

/* An invalid date is kept as given, so that the store can refuse it with
 * a message saying what was wrong. */
void
tandem_assessment_set_date (TandemAssessment *self,
                            const char       *date)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));

  g_free (self->date);
  self->date = g_strdup (date ? date : "");
}

guint
tandem_assessment_get_row (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->row;
}

guint
tandem_assessment_get_col (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->col;
}

void
tandem_assessment_set_cell (TandemAssessment *self,
                            guint             row,
                            guint             col)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (tandem_cell_is_valid (row, col));

  self->row = row;
  self->col = col;
}

TandemStage
tandem_assessment_get_stage (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->stage;
}

void
tandem_assessment_set_stage (TandemAssessment *self,
                             TandemStage       stage)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (stage <= TANDEM_STAGE_FULL_CO_PRODUCTION);
  self->stage = stage;
}

TandemLevel
tandem_assessment_get_level (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->level;
}

void
tandem_assessment_set_level (TandemAssessment *self,
                             TandemLevel       level)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (level <= TANDEM_LEVEL_TRANSFORMATION);
  self->level = level;
}

static int
co_index (TandemCos co)
{
  switch (co)
    {
    case TANDEM_CO_COMMISSIONING: return 0;
    case TANDEM_CO_DESIGN: return 1;
    case TANDEM_CO_DELIVERY: return 2;
    case TANDEM_CO_ASSESSMENT: return 3;
    default: return -1;
    }
}

TandemPresence
tandem_assessment_get_presence (TandemAssessment *self,
                                TandemCos         co)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  g_return_val_if_fail (co_index (co) >= 0, 0);

  return self->presence[co_index (co)];
}

void
tandem_assessment_set_presence (TandemAssessment *self,
                                TandemCos         co,
                                TandemPresence    presence)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (co_index (co) >= 0);
  g_return_if_fail (presence <= TANDEM_PRESENCE_ESTABLISHED);

  self->presence[co_index (co)] = presence;
}

guint
tandem_assessment_get_subtypes (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->subtypes;
}

void
tandem_assessment_set_subtypes (TandemAssessment *self,
                                guint             subtypes)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  self->subtypes = subtypes & 0x1f;
}

guint
tandem_assessment_get_principles (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->principles;
}

void
tandem_assessment_set_principles (TandemAssessment *self,
                                  guint             principles)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  self->principles = principles & 0xf;
}

TandemAnswer
tandem_assessment_get_answer (TandemAssessment *self,
                              TandemQuestion    question)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  g_return_val_if_fail (question < TANDEM_N_QUESTIONS, 0);

  return self->answers[question];
}

void
tandem_assessment_set_answer (TandemAssessment *self,
                              TandemQuestion    question,
                              TandemAnswer      answer)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (question < TANDEM_N_QUESTIONS);
  g_return_if_fail (answer <= TANDEM_ANSWER_YES);

  self->answers[question] = answer;
}

const char *
tandem_assessment_get_notes (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);
  return self->notes;
}

void
tandem_assessment_set_notes (TandemAssessment *self,
                             const char       *notes)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));

  g_free (self->notes);
  self->notes = g_strdup (notes ? notes : "");
}

const char *
tandem_assessment_get_participants (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);
  return self->participants;
}

void
tandem_assessment_set_participants (TandemAssessment *self,
                                    const char       *participants)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));

  g_free (self->participants);
  self->participants = g_strdup (participants ? participants : "");
}

/**
 * tandem_assessment_get_placement:
 * @row: (out) (optional): where the group placed it
 * @col: (out) (optional):
 *
 * Returns: %TRUE if @stakeholder placed the initiative somewhere of its own
 */
gboolean
tandem_assessment_get_placement (TandemAssessment  *self,
                                 TandemStakeholder  stakeholder,
                                 guint             *row,
                                 guint             *col)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (stakeholder < TANDEM_N_STAKEHOLDERS, FALSE);

  if (self->placement_row[stakeholder] == 0)
    return FALSE;

  if (row)
    *row = self->placement_row[stakeholder];
  if (col)
    *col = self->placement_col[stakeholder];
  return TRUE;
}

void
tandem_assessment_set_placement (TandemAssessment  *self,
                                 TandemStakeholder  stakeholder,
                                 guint              row,
                                 guint              col)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (stakeholder < TANDEM_N_STAKEHOLDERS);
  g_return_if_fail (tandem_cell_is_valid (row, col));

  self->placement_row[stakeholder] = row;
  self->placement_col[stakeholder] = col;
}

void
tandem_assessment_clear_placement (TandemAssessment  *self,
                                   TandemStakeholder  stakeholder)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_return_if_fail (stakeholder < TANDEM_N_STAKEHOLDERS);

  self->placement_row[stakeholder] = 0;
  self->placement_col[stakeholder] = 0;
}

/**
 * tandem_assessment_get_spread:
 *
 * How far the stakeholders disagree: the most grid steps between any two
 * of the agreed cell and the groups' own placements.
 *
 * Returns: 0 to 4
 */
guint
tandem_assessment_get_spread (TandemAssessment *self)
{
  guint rows[TANDEM_N_STAKEHOLDERS + 1], cols[TANDEM_N_STAKEHOLDERS + 1];
  guint n = 0, spread = 0;

  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);

  rows[n] = self->row;
  cols[n++] = self->col;
  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    if (self->placement_row[s] != 0)
      {
        rows[n] = self->placement_row[s];
        cols[n++] = self->placement_col[s];
      }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      spread = MAX (spread, (guint) (ABS ((int) rows[i] - (int) rows[j]) + ABS ((int) cols[i] - (int) cols[j])));

  return spread;
}

guint
tandem_assessment_get_n_evidence (TandemAssessment *self)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), 0);
  return self->evidence->len;
}

const TandemEvidence *
tandem_assessment_get_evidence (TandemAssessment *self,
                                guint             i)
{
  g_return_val_if_fail (TANDEM_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (i < self->evidence->len, NULL);

  return g_ptr_array_index (self->evidence, i);
}

void
tandem_assessment_add_evidence (TandemAssessment *self,
                                const char       *caption,
                                const char       *link)
{
  TandemEvidence *evidence;

  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));

  evidence = g_new0 (TandemEvidence, 1);
  evidence->caption = g_strdup (caption ? caption : "");
  evidence->link = g_strdup (link ? link : "");
  g_ptr_array_add (self->evidence, evidence);
}

void
tandem_assessment_clear_evidence (TandemAssessment *self)
{
  g_return_if_fail (TANDEM_IS_ASSESSMENT (self));
  g_ptr_array_set_size (self->evidence, 0);
}

/* Oldest first; ISO dates sort as text. */
int
tandem_assessment_compare (TandemAssessment *a,
                           TandemAssessment *b)
{
  int result = strcmp (a->date, b->date);

  return result ? result : strcmp (tandem_assessment_get_id (a), tandem_assessment_get_id (b));
}

/* ---- Dates and names --------------------------------------------------- */

/**
 * tandem_date_is_valid:
 *
 * Returns: %TRUE if @date is a real calendar date written YYYY-MM-DD
 */
gboolean
tandem_date_is_valid (const char *date)
{
  unsigned year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  /* Ten characters checked above: read the digits directly (an import
   * checks a hundred thousand dates). */
  year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  month = (date[5] - '0') * 10 + (date[6] - '0');
  day = (date[8] - '0') * 10 + (date[9] - '0');

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

/**
 * tandem_date_today:
 *
 * Returns: (transfer full): today's date in local time, YYYY-MM-DD
 */
char *
tandem_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tandem_date_years_before:
 * @date: YYYY-MM-DD
 *
 * 29 February becomes 28 February in a year that has none.
 *
 * Returns: (transfer full): the same day @years earlier, or a copy of
 *   @date if it is not a valid date
 */
char *
tandem_date_years_before (const char *date,
                          guint       years)
{
  unsigned year, month, day;
  char buffer[16];
  g_autoptr(GDate) then = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (!tandem_date_is_valid (date) ||
      sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      year <= years)
    return g_strdup (date);

  then = g_date_new_dmy (day, month, year);
  g_date_subtract_years (then, years);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", then);

  return g_strdup (buffer);
}

/**
 * tandem_date_check:
 * @date: what the user typed
 * @name: what the date is, such as “From”, to start the message with
 *
 * Like tandem_date_is_valid(), with a message that says how to write a
 * date, for a form to show.
 *
 * Returns: %TRUE if @date is a date, else %FALSE with
 *   %TANDEM_STORE_ERROR_INVALID set
 */
gboolean
tandem_date_check (const char  *date,
                   const char  *name,
                   GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (tandem_date_is_valid (date))
    return TRUE;

  /* Translators: the first %s is "From" or "To", the second what was typed */
  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
               _("%s: “%s” is not a date. Write it as YYYY-MM-DD, for example 2024-03-31."),
               name, date ? date : "");
  return FALSE;
}

static const struct {
  const char *name;
  const char *label;
} stages[] = {
  { "-", N_("Not assessed") },
  { "active-involvement", N_("Active involvement") },
  { "co-design", N_("Co-design") },
  { "co-delivery", N_("Co-delivery") },
  { "full-co-production", N_("Full co-production") },
};

/**
 * tandem_stage_to_string:
 *
 * Returns: the stage's name in files, such as "co-design", or "-"
 */
const char *
tandem_stage_to_string (TandemStage stage)
{
  g_return_val_if_fail (stage < G_N_ELEMENTS (stages), NULL);
  return stages[stage].name;
}

gboolean
tandem_stage_from_string (const char  *text,
                          TandemStage *stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (g_strcmp0 (stages[i].name, text) == 0)
      {
        *stage = i;
        return TRUE;
      }

  return FALSE;
}

const char *
tandem_stage_get_label (TandemStage stage)
{
  g_return_val_if_fail (stage < G_N_ELEMENTS (stages), NULL);
  return _(stages[stage].label);
}

const char *
tandem_level_get_label (TandemLevel level)
{
  static const char *labels[] = { N_("Not assessed"), N_("Compliance"), N_("Support"), N_("Transformation") };

  g_return_val_if_fail (level < G_N_ELEMENTS (labels), NULL);
  return _(labels[level]);
}

const char *
tandem_stakeholder_get_label (TandemStakeholder stakeholder)
{
  static const char *labels[] = { N_("Commissioners"), N_("Frontline staff"), N_("Service users"), N_("Community") };

  g_return_val_if_fail (stakeholder < G_N_ELEMENTS (labels), NULL);
  return _(labels[stakeholder]);
}

const char *
tandem_question_get_label (TandemQuestion question)
{
  static const char *labels[] = {
    N_("Is the service getting better?"),
    N_("Do people feel better about the service?"),
    N_("Is it building public value?"),
  };

  g_return_val_if_fail (question < G_N_ELEMENTS (labels), NULL);
  return _(labels[question]);
}
