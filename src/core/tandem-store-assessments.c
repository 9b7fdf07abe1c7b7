/* tandem-store-assessments.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-sqlite-private.h"
#include "tandem-store-private.h"

/* The history half of TandemStore: assessments and outcome indicators.
 *
 * They are not kept in memory: a portfolio may hold hundreds of thousands
 * of assessments, and a view needs only one initiative's at a time.  What
 * is kept in memory is each initiative's current cell, which is the cell of
 * its latest assessment, recomputed in the same transaction as any change
 * to its assessments. */

/* Presence of the Four Co's and answers to the outcome questions are
 * packed two bits each. */
static guint
pack_presence (TandemAssessment *a)
{
  return tandem_assessment_get_presence (a, TANDEM_CO_COMMISSIONING) |
         tandem_assessment_get_presence (a, TANDEM_CO_DESIGN) << 2 |
         tandem_assessment_get_presence (a, TANDEM_CO_DELIVERY) << 4 |
         tandem_assessment_get_presence (a, TANDEM_CO_ASSESSMENT) << 6;
}

static void
unpack_presence (TandemAssessment *a,
                 guint             packed)
{
  static const TandemCos cos[] = { TANDEM_CO_COMMISSIONING, TANDEM_CO_DESIGN,
                                   TANDEM_CO_DELIVERY, TANDEM_CO_ASSESSMENT };

  for (guint i = 0; i < G_N_ELEMENTS (cos); i++)
    tandem_assessment_set_presence (a, cos[i], MIN ((packed >> (2 * i)) & 3, TANDEM_PRESENCE_ESTABLISHED));
}

static guint
pack_answers (TandemAssessment *a)
{
  guint packed = 0;

  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    packed |= tandem_assessment_get_answer (a, q) << (2 * q);

  return packed;
}

/* ---- Reading --------------------------------------------------------------- */

#define ASSESSMENT_COLUMNS \
  "id, initiative_uuid, date, cell_row, cell_col, stage, level, presence," \
  " subtypes, principles, answers, notes, participants"

/* A stakeholder group's placement from the columns stakeholder, cell_row
 * and cell_col, starting at @first. */
static void
placement_from_row (TandemAssessment *a,
                    sqlite3_stmt     *stmt,
                    int               first)
{
  guint s = sqlite3_column_int (stmt, first);
  guint row = sqlite3_column_int (stmt, first + 1), col = sqlite3_column_int (stmt, first + 2);

  if (s < TANDEM_N_STAKEHOLDERS && tandem_cell_is_valid (row, col))
    tandem_assessment_set_placement (a, s, row, col);
}

/* A piece of evidence from the columns caption and link, from @first. */
static void
evidence_from_row (TandemAssessment *a,
                   sqlite3_stmt     *stmt,
                   int               first)
{
  tandem_assessment_add_evidence (a, (const char *) sqlite3_column_text (stmt, first),
                                  (const char *) sqlite3_column_text (stmt, first + 1));
}

static gboolean
read_parts (TandemStore       *self,
            TandemAssessment  *a,
            GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _tandem_store_statement (self,
                                  "SELECT stakeholder, cell_row, cell_col FROM assessment_placement"
                                  " WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _tandem_store_bind_text (stmt, 1, tandem_assessment_get_id (a));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    placement_from_row (a, stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _tandem_store_statement (self,
                                  "SELECT caption, link FROM assessment_evidence"
                                  " WHERE assessment_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  _tandem_store_bind_text (stmt, 1, tandem_assessment_get_id (a));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    evidence_from_row (a, stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
  return FALSE;
}

static TandemAssessment *
assessment_from_row (sqlite3_stmt *stmt)
{
  TandemAssessment *a;
  guint row = sqlite3_column_int (stmt, 3), col = sqlite3_column_int (stmt, 4);
  guint packed;

  if (!tandem_cell_is_valid (row, col))
    row = col = 1;

  a = tandem_assessment_new ((const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2), row, col);
  tandem_assessment_set_id (a, (const char *) sqlite3_column_text (stmt, 0));
  tandem_assessment_set_stage (a, CLAMP (sqlite3_column_int (stmt, 5), 0, TANDEM_STAGE_FULL_CO_PRODUCTION));
  tandem_assessment_set_level (a, CLAMP (sqlite3_column_int (stmt, 6), 0, TANDEM_LEVEL_TRANSFORMATION));
  unpack_presence (a, sqlite3_column_int (stmt, 7));
  tandem_assessment_set_subtypes (a, sqlite3_column_int (stmt, 8));
  tandem_assessment_set_principles (a, sqlite3_column_int (stmt, 9));
  packed = sqlite3_column_int (stmt, 10);
  for (guint q = 0; q < TANDEM_N_QUESTIONS; q++)
    tandem_assessment_set_answer (a, q, (packed >> (2 * q)) & 3);
  tandem_assessment_set_notes (a, (const char *) sqlite3_column_text (stmt, 11));
  tandem_assessment_set_participants (a, (const char *) sqlite3_column_text (stmt, 12));

  return a;
}

static gboolean
check_open (TandemStore  *self,
            GError      **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
               _("Could not read “%s”: the portfolio is closed"), self->path);
  return FALSE;
}

/* Runs a prepared query of assessments and reads every row, parts and all. */
static GPtrArray *
read_assessments (TandemStore   *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, assessment_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
      return NULL;
    }

  for (guint i = 0; i < result->len; i++)
    if (!read_parts (self, g_ptr_array_index (result, i), error))
      return NULL;

  return g_steal_pointer (&result);
}

/**
 * tandem_store_list_assessments:
 * @uuid: an initiative
 *
 * Returns: (transfer full) (element-type TandemAssessment): its
 *   assessments, oldest first, or %NULL with @error set
 */
GPtrArray *
tandem_store_list_assessments (TandemStore  *self,
                               const char   *uuid,
                               GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _tandem_store_statement (self,
                                  "SELECT " ASSESSMENT_COLUMNS " FROM assessment"
                                  " WHERE initiative_uuid = ?1 ORDER BY date", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, uuid);
  return read_assessments (self, stmt, error);
}

static TandemAssessment *
first_or_none (GPtrArray *found)
{
  if (found == NULL || found->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * tandem_store_find_assessment:
 *
 * Returns: (transfer full) (nullable): the initiative's assessment of
 *   @date, or %NULL if there is none (or on error, with @error set)
 */
TandemAssessment *
tandem_store_find_assessment (TandemStore  *self,
                              const char   *uuid,
                              const char   *date,
                              GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _tandem_store_statement (self,
                                  "SELECT " ASSESSMENT_COLUMNS " FROM assessment"
                                  " WHERE initiative_uuid = ?1 AND date = ?2", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, uuid);
  _tandem_store_bind_text (stmt, 2, date);
  found = read_assessments (self, stmt, error);
  return first_or_none (found);
}

/**
 * tandem_store_lookup_assessment:
 *
 * Returns: (transfer full) (nullable): the assessment with @id
 */
TandemAssessment *
tandem_store_lookup_assessment (TandemStore  *self,
                                const char   *id,
                                GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _tandem_store_statement (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, id);
  found = read_assessments (self, stmt, error);
  return first_or_none (found);
}

/**
 * tandem_store_list_assessment_owners:
 *
 * Every assessment's ID with its initiative's UUID, in one query, so that
 * a large import looks up only the assessments the portfolio has.
 *
 * Returns: (transfer full) (element-type utf8 utf8): ID → initiative UUID,
 *   or %NULL with @error set
 */
GHashTable *
tandem_store_list_assessment_owners (TandemStore  *self,
                                     GError      **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _tandem_store_statement (self, "SELECT id, initiative_uuid FROM assessment", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (owners, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
      return NULL;
    }

  return g_steal_pointer (&owners);
}

/* Every assessment with its placements and evidence, in three queries
 * stepped side by side in the same order (by initiative, then date), so
 * that the rows of each assessment's parts come next in theirs. */
#define ALL_ASSESSMENTS_SQL \
  "SELECT " ASSESSMENT_COLUMNS " FROM assessment ORDER BY initiative_uuid, date"
#define ALL_PLACEMENTS_SQL \
  "SELECT p.assessment_id, p.stakeholder, p.cell_row, p.cell_col FROM assessment_placement p" \
  " JOIN assessment a ON a.id = p.assessment_id ORDER BY a.initiative_uuid, a.date, p.stakeholder"
#define ALL_EVIDENCE_SQL \
  "SELECT e.assessment_id, e.caption, e.link FROM assessment_evidence e" \
  " JOIN assessment a ON a.id = e.assessment_id ORDER BY a.initiative_uuid, a.date, e.position"

typedef struct
{
  sqlite3_stmt  *stmt;
  int            rc;    /* of its latest step */
  void         (*add) (TandemAssessment *a,
                       sqlite3_stmt     *stmt,
                       int               first);
} PartCursor;

/* Adds the rows of @cursor that belong to @a and steps past them.
 * Returns FALSE if a step failed. */
static gboolean
add_parts (PartCursor       *cursor,
           TandemAssessment *a)
{
  const char *id = tandem_assessment_get_id (a);

  while (cursor->rc == SQLITE_ROW &&
         g_strcmp0 ((const char *) sqlite3_column_text (cursor->stmt, 0), id) == 0)
    {
      cursor->add (a, cursor->stmt, 1);
      cursor->rc = sqlite3_step (cursor->stmt);
    }

  return cursor->rc == SQLITE_ROW || cursor->rc == SQLITE_DONE;
}

/**
 * tandem_store_foreach_assessment:
 * @func: called with each assessment, placements and evidence included
 *
 * Calls @func with every assessment of the portfolio, grouped by
 * initiative (in the order of their UUIDs) and oldest first within each,
 * reading them all in one pass: for exports of a whole portfolio, which
 * may hold hundreds of thousands.  @func must not change the store.
 *
 * Returns: %TRUE, or %FALSE with @error set if they could not be read
 *   (@func may have been called for some of them)
 */
gboolean
tandem_store_foreach_assessment (TandemStore           *self,
                                 TandemAssessmentFunc   func,
                                 gpointer               user_data,
                                 GError               **error)
{
  PartCursor parts[] = {
    { NULL, SQLITE_DONE, placement_from_row },
    { NULL, SQLITE_DONE, evidence_from_row },
  };
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!check_open (self, error) ||
      (stmt = _tandem_store_statement (self, ALL_ASSESSMENTS_SQL, error)) == NULL ||
      (parts[0].stmt = _tandem_store_statement (self, ALL_PLACEMENTS_SQL, error)) == NULL ||
      (parts[1].stmt = _tandem_store_statement (self, ALL_EVIDENCE_SQL, error)) == NULL)
    return FALSE;

  /* The assessments first: while their query runs, all three read the
   * same snapshot of the file. */
  rc = sqlite3_step (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    parts[i].rc = sqlite3_step (parts[i].stmt);

  for (; rc == SQLITE_ROW; rc = sqlite3_step (stmt))
    {
      g_autoptr(TandemAssessment) a = assessment_from_row (stmt);

      if (!add_parts (&parts[0], a) || !add_parts (&parts[1], a))
        break;
      func (a, user_data);
    }

  ok = rc == SQLITE_DONE && parts[0].rc == SQLITE_DONE && parts[1].rc == SQLITE_DONE;
  if (!ok)
    _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));

  sqlite3_reset (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    sqlite3_reset (parts[i].stmt);

  return ok;
}

static GPtrArray *
read_indicators (TandemStore   *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *readings;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TandemIndicator *indicator = tandem_indicator_new ((const char *) sqlite3_column_text (stmt, 1),
                                                         (const char *) sqlite3_column_text (stmt, 2),
                                                         (const char *) sqlite3_column_text (stmt, 3));

      tandem_indicator_set_id (indicator, (const char *) sqlite3_column_text (stmt, 0));
      tandem_indicator_set_baseline (indicator, sqlite3_column_type (stmt, 4) != SQLITE_NULL,
                                     sqlite3_column_double (stmt, 4));
      tandem_indicator_set_target (indicator, sqlite3_column_type (stmt, 5) != SQLITE_NULL,
                                   sqlite3_column_double (stmt, 5));
      g_ptr_array_add (result, indicator);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  for (guint i = 0; i < result->len; i++)
    {
      TandemIndicator *indicator = g_ptr_array_index (result, i);

      readings = _tandem_store_statement (self,
                                          "SELECT date, value FROM indicator_reading"
                                          " WHERE indicator_id = ?1 ORDER BY date", error);
      if (readings == NULL)
        return NULL;
      _tandem_store_bind_text (readings, 1, tandem_indicator_get_id (indicator));
      while ((rc = sqlite3_step (readings)) == SQLITE_ROW)
        tandem_indicator_set_reading (indicator, (const char *) sqlite3_column_text (readings, 0),
                                      sqlite3_column_double (readings, 1));
      sqlite3_reset (readings);
      if (rc != SQLITE_DONE)
        goto failed;
    }

  return g_steal_pointer (&result);

failed:
  _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));
  return NULL;
}

/**
 * tandem_store_list_indicators:
 *
 * Returns: (transfer full) (element-type TandemIndicator): the outcome
 *   indicators of an initiative with their readings
 */
GPtrArray *
tandem_store_list_indicators (TandemStore  *self,
                              const char   *uuid,
                              GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _tandem_store_statement (self,
                                  "SELECT id, initiative_uuid, name, unit, baseline, target FROM indicator"
                                  " WHERE initiative_uuid = ?1 ORDER BY position, name", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, uuid);
  return read_indicators (self, stmt, error);
}

/**
 * tandem_store_lookup_indicator:
 *
 * Returns: (transfer full) (nullable): the indicator with @id
 */
TandemIndicator *
tandem_store_lookup_indicator (TandemStore  *self,
                               const char   *id,
                               GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _tandem_store_statement (self,
                                  "SELECT id, initiative_uuid, name, unit, baseline, target FROM indicator"
                                  " WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, id);
  found = read_indicators (self, stmt, error);
  if (found == NULL || found->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (found, 0));
}

/* ---- Checking ---------------------------------------------------------------- */


static gboolean
in_list (GPtrArray  *ids,
         const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return TRUE;

  return FALSE;
}

static gboolean
invalid (TandemStore  *self,
         GError      **error,
         const char   *reason)
{
  g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
               _("Could not save to “%s”: %s"), self->path, reason);
  return FALSE;
}

static gboolean
is_number (double value)
{
  return isfinite (value);
}

/* Every assessment and indicator is checked before anything is written.
 * Large change sets (a generated portfolio, an import) are checked in
 * linear time: same-day clashes within the set through a hash, and the
 * stored assessments only of initiatives that already exist. */
gboolean
_tandem_store_check_assessments (TandemStore    *self,
                                 TandemChanges  *changes,
                                 GError        **error)
{
  g_autoptr(GHashTable) new_initiatives = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) deleted_initiatives = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < changes->save_initiatives->len; i++)
    g_hash_table_add (new_initiatives,
                      (gpointer) tandem_initiative_get_uuid (g_ptr_array_index (changes->save_initiatives, i)));
  for (guint i = 0; i < changes->delete_initiatives->len; i++)
    g_hash_table_add (deleted_initiatives, g_ptr_array_index (changes->delete_initiatives, i));

  for (guint i = 0; i < changes->save_assessments->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (changes->save_assessments, i);
      const char *uuid = tandem_assessment_get_initiative (a);
      const char *date = tandem_assessment_get_date (a);
      gboolean stored = g_hash_table_contains (self->by_uuid, uuid);
      g_autoptr(TandemAssessment) same_day = NULL;

      if (!tandem_date_is_valid (date))
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a date written YYYY-MM-DD"), date);
          return invalid (self, error, reason);
        }

      if (g_hash_table_contains (deleted_initiatives, uuid) ||
          (!stored && !g_hash_table_contains (new_initiatives, uuid)))
        return invalid (self, error, _("an assessment belongs to an initiative that does not exist"));

      if (!g_hash_table_add (days, g_strconcat (uuid, " ", date, NULL)))
        return invalid (self, error, _("an initiative can have only one assessment a day"));

      if (!stored)
        continue;

      same_day = tandem_store_find_assessment (self, uuid, date, error);
      if (same_day == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (same_day != NULL &&
          !g_str_equal (tandem_assessment_get_id (same_day), tandem_assessment_get_id (a)) &&
          !in_list (changes->delete_assessments, tandem_assessment_get_id (same_day)))
        {
          g_autofree char *reason = g_strdup_printf (_("there is already an assessment on %s; change that one instead"), date);
          return invalid (self, error, reason);
        }
    }

  for (guint i = 0; i < changes->save_indicators->len; i++)
    {
      TandemIndicator *indicator = g_ptr_array_index (changes->save_indicators, i);
      g_autofree char *name = g_strstrip (g_strdup (tandem_indicator_get_name (indicator)));
      const char *uuid = tandem_indicator_get_initiative (indicator);
      double value;

      if (name[0] == '\0')
        return invalid (self, error, _("an indicator needs a name"));

      if (g_hash_table_contains (deleted_initiatives, uuid) ||
          (!g_hash_table_contains (self->by_uuid, uuid) && !g_hash_table_contains (new_initiatives, uuid)))
        return invalid (self, error, _("an indicator belongs to an initiative that does not exist"));

      if ((tandem_indicator_get_baseline (indicator, &value) && !is_number (value)) ||
          (tandem_indicator_get_target (indicator, &value) && !is_number (value)))
        return invalid (self, error, _("an indicator’s baseline and target must be numbers"));

      for (guint j = 0; j < tandem_indicator_get_n_readings (indicator); j++)
        {
          const TandemReading *reading = tandem_indicator_get_reading (indicator, j);

          if (!tandem_date_is_valid (reading->date))
            {
              g_autofree char *reason = g_strdup_printf (_("“%s” is not a date written YYYY-MM-DD"),
                                                         reading->date);
              return invalid (self, error, reason);
            }

          if (!is_number (reading->value))
            return invalid (self, error, _("an indicator’s readings must be numbers"));
        }
    }

  for (guint i = 0; i < changes->save_initiatives->len; i++)
    {
      const char *date = tandem_initiative_get_target_date (g_ptr_array_index (changes->save_initiatives, i));

      if (date != NULL && !tandem_date_is_valid (date))
        {
          g_autofree char *reason = g_strdup_printf (_("the target date “%s” is not a date written YYYY-MM-DD"),
                                                     date);
          return invalid (self, error, reason);
        }
    }

  return TRUE;
}

/* ---- Writing ------------------------------------------------------------------- */

static gboolean
run_one (TandemStore  *self,
         const char   *sql,
         const char   *id,
         GError      **error)
{
  sqlite3_stmt *stmt = _tandem_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, id);
  return _tandem_store_step (self, stmt, error);
}

#define MANY_SAVED 1000

static int
by_initiative_and_date (gconstpointer a,
                        gconstpointer b)
{
  TandemAssessment *x = *(TandemAssessment * const *) a;
  TandemAssessment *y = *(TandemAssessment * const *) b;
  int result = strcmp (tandem_assessment_get_initiative (x), tandem_assessment_get_initiative (y));

  return result ? result : strcmp (tandem_assessment_get_date (x), tandem_assessment_get_date (y));
}

/* The initiative an assessment the portfolio has belongs to, or %NULL if
 * it has none with @id: one indexed lookup, not the whole assessment. */
static char *
dup_initiative_of_assessment (TandemStore  *self,
                              const char   *id,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;
  int rc;

  stmt = _tandem_store_statement (self, "SELECT initiative_uuid FROM assessment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  _tandem_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _tandem_sqlite_set_error (error, self->db, self->path, _("Could not read"));

  return uuid;
}

/* @existing: whether the portfolio has an assessment with @a's ID, whose
 * parts are then replaced. */
static gboolean
write_assessment (TandemStore       *self,
                  TandemAssessment  *a,
                  gboolean           existing,
                  GError           **error)
{
  const char *id = tandem_assessment_get_id (a);
  sqlite3_stmt *stmt;

  stmt = _tandem_store_statement (self,
                                  "INSERT INTO assessment (" ASSESSMENT_COLUMNS ")"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                                  " ON CONFLICT (id) DO UPDATE SET"
                                  "  initiative_uuid = excluded.initiative_uuid, date = excluded.date,"
                                  "  cell_row = excluded.cell_row, cell_col = excluded.cell_col,"
                                  "  stage = excluded.stage, level = excluded.level,"
                                  "  presence = excluded.presence, subtypes = excluded.subtypes,"
                                  "  principles = excluded.principles, answers = excluded.answers,"
                                  "  notes = excluded.notes, participants = excluded.participants",
                                  error);
  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, id);
  _tandem_store_bind_text (stmt, 2, tandem_assessment_get_initiative (a));
  _tandem_store_bind_text (stmt, 3, tandem_assessment_get_date (a));
  sqlite3_bind_int (stmt, 4, tandem_assessment_get_row (a));
  sqlite3_bind_int (stmt, 5, tandem_assessment_get_col (a));
  sqlite3_bind_int (stmt, 6, tandem_assessment_get_stage (a));
  sqlite3_bind_int (stmt, 7, tandem_assessment_get_level (a));
  sqlite3_bind_int (stmt, 8, pack_presence (a));
  sqlite3_bind_int (stmt, 9, tandem_assessment_get_subtypes (a));
  sqlite3_bind_int (stmt, 10, tandem_assessment_get_principles (a));
  sqlite3_bind_int (stmt, 11, pack_answers (a));
  _tandem_store_bind_text (stmt, 12, tandem_assessment_get_notes (a));
  _tandem_store_bind_text (stmt, 13, tandem_assessment_get_participants (a));
  if (!_tandem_store_step (self, stmt, error))
    return FALSE;
  if (existing &&
      (!run_one (self, "DELETE FROM assessment_placement WHERE assessment_id = ?1", id, error) ||
       !run_one (self, "DELETE FROM assessment_evidence WHERE assessment_id = ?1", id, error)))
    return FALSE;

  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      guint row, col;

      if (!tandem_assessment_get_placement (a, s, &row, &col))
        continue;

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO assessment_placement (assessment_id, stakeholder, cell_row, cell_col)"
                                      " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, s);
      sqlite3_bind_int (stmt, 3, row);
      sqlite3_bind_int (stmt, 4, col);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < tandem_assessment_get_n_evidence (a); i++)
    {
      const TandemEvidence *evidence = tandem_assessment_get_evidence (a, i);

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO assessment_evidence (assessment_id, position, caption, link)"
                                      " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      _tandem_store_bind_text (stmt, 3, evidence->caption);
      _tandem_store_bind_text (stmt, 4, evidence->link);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_indicator (TandemStore      *self,
                 TandemIndicator  *indicator,
                 GError          **error)
{
  const char *id = tandem_indicator_get_id (indicator);
  sqlite3_stmt *stmt;
  double value;

  stmt = _tandem_store_statement (self,
                                  "INSERT INTO indicator (id, initiative_uuid, name, unit, baseline, target)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                  " ON CONFLICT (id) DO UPDATE SET"
                                  "  initiative_uuid = excluded.initiative_uuid, name = excluded.name,"
                                  "  unit = excluded.unit, baseline = excluded.baseline, target = excluded.target",
                                  error);
  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, id);
  _tandem_store_bind_text (stmt, 2, tandem_indicator_get_initiative (indicator));
  _tandem_store_bind_text (stmt, 3, tandem_indicator_get_name (indicator));
  _tandem_store_bind_text (stmt, 4, tandem_indicator_get_unit (indicator));
  if (tandem_indicator_get_baseline (indicator, &value))
    sqlite3_bind_double (stmt, 5, value);
  if (tandem_indicator_get_target (indicator, &value))
    sqlite3_bind_double (stmt, 6, value);
  if (!_tandem_store_step (self, stmt, error) ||
      !run_one (self, "DELETE FROM indicator_reading WHERE indicator_id = ?1", id, error))
    return FALSE;

  for (guint i = 0; i < tandem_indicator_get_n_readings (indicator); i++)
    {
      const TandemReading *reading = tandem_indicator_get_reading (indicator, i);

      stmt = _tandem_store_statement (self,
                                      "INSERT INTO indicator_reading (indicator_id, date, value)"
                                      " VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      _tandem_store_bind_text (stmt, 1, id);
      _tandem_store_bind_text (stmt, 2, reading->date);
      sqlite3_bind_double (stmt, 3, reading->value);
      if (!_tandem_store_step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Sets an initiative's cell to that of its latest assessment, remembering
 * the change for memory once the transaction commits. */
static gboolean
follow_latest (TandemStore  *self,
               const char   *uuid,
               const char   *today,
               GError      **error)
{
  TandemInitiative *live = g_hash_table_lookup (self->by_uuid, uuid);
  sqlite3_stmt *stmt;
  guint row, col;
  int rc;

  /* Assessments dated later than today (plans) do not place it yet. */
  stmt = _tandem_store_statement (self,
                                  "SELECT cell_row, cell_col FROM assessment WHERE initiative_uuid = ?1"
                                  " AND date <= ?2 ORDER BY date DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  _tandem_store_bind_text (stmt, 1, uuid);
  _tandem_store_bind_text (stmt, 2, today);
  rc = sqlite3_step (stmt);
  row = sqlite3_column_int (stmt, 0);
  col = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;   /* no assessment left: the cell stays where it was */
  if (rc != SQLITE_ROW)
    {
      _tandem_sqlite_set_error (error, self->db, self->path, _("Could not save"));
      return FALSE;
    }

  stmt = _tandem_store_statement (self,
                                  "UPDATE initiative SET cell_row = ?2, cell_col = ?3 WHERE uuid = ?1"
                                  " AND (cell_row != ?2 OR cell_col != ?3)", error);
  if (stmt == NULL)
    return FALSE;
  _tandem_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int (stmt, 2, row);
  sqlite3_bind_int (stmt, 3, col);
  if (!_tandem_store_step (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0 || (live != NULL && (tandem_initiative_get_row (live) != row ||
                                                          tandem_initiative_get_col (live) != col)))
    g_hash_table_insert (self->moved_by_assessments, g_strdup (uuid), GUINT_TO_POINTER (row * 4 + col));

  return TRUE;
}

static void
add_initiative_of (GHashTable *affected,
                   const char *uuid)
{
  if (uuid != NULL)
    g_hash_table_add (affected, g_strdup (uuid));
}

/* Called inside the transaction, after initiatives are written. */
gboolean
_tandem_store_write_assessments (TandemStore    *self,
                                 TandemChanges  *changes,
                                 GError        **error)
{
  g_autoptr(GHashTable) affected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) owners = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_sized_new (changes->save_assessments->len);
  g_autofree char *today = tandem_date_today ();
  GHashTableIter iter;
  gpointer uuid;

  if (self->moved_by_assessments == NULL)
    self->moved_by_assessments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_remove_all (self->moved_by_assessments);

  for (guint i = 0; i < changes->delete_assessments->len; i++)
    {
      const char *id = g_ptr_array_index (changes->delete_assessments, i);
      g_autoptr(TandemAssessment) old = tandem_store_lookup_assessment (self, id, error);

      if (old == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_FOUND,
                       _("Could not delete from “%s”: there is no assessment %s"), self->path, id);
          return FALSE;
        }

      add_initiative_of (affected, tandem_assessment_get_initiative (old));
      if (!run_one (self, "DELETE FROM assessment WHERE id = ?1", id, error))
        return FALSE;
    }

  /* A big import is written in key order, and the portfolio's assessments
   * are listed once rather than looked up one by one. */
  if (changes->save_assessments->len > MANY_SAVED)
    {
      owners = tandem_store_list_assessment_owners (self, error);
      if (owners == NULL)
        return FALSE;
    }
  g_ptr_array_extend (ordered, changes->save_assessments, NULL, NULL);
  if (owners != NULL)
    g_ptr_array_sort (ordered, by_initiative_and_date);

  for (guint i = 0; i < ordered->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (ordered, i);
      const char *id = tandem_assessment_get_id (a);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *old_uuid = NULL;

      if (owners != NULL)
        old_uuid = g_strdup (g_hash_table_lookup (owners, id));
      else
        old_uuid = dup_initiative_of_assessment (self, id, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* An assessment moved to another initiative leaves the old one too. */
      if (old_uuid != NULL)
        add_initiative_of (affected, old_uuid);
      add_initiative_of (affected, tandem_assessment_get_initiative (a));

      if (!write_assessment (self, a, old_uuid != NULL, error))
        return FALSE;
    }

  /* An initiative saved with another cell still stands where its latest
   * assessment says, if it has any. */
  for (guint i = 0; i < changes->save_initiatives->len; i++)
    add_initiative_of (affected, tandem_initiative_get_uuid (g_ptr_array_index (changes->save_initiatives, i)));

  for (guint i = 0; i < changes->delete_indicators->len; i++)
    if (!run_one (self, "DELETE FROM indicator WHERE id = ?1", g_ptr_array_index (changes->delete_indicators, i), error))
      return FALSE;

  for (guint i = 0; i < changes->save_indicators->len; i++)
    if (!write_indicator (self, g_ptr_array_index (changes->save_indicators, i), error))
      return FALSE;

  g_hash_table_iter_init (&iter, affected);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    if (!follow_latest (self, uuid, today, error))
      return FALSE;

  return TRUE;
}

/* After the commit: move the live initiatives their assessments moved. */
void
_tandem_store_assessments_written (TandemStore *self)
{
  g_autoptr(GHashTable) moved = NULL;
  GHashTableIter iter;
  gpointer uuid, packed;
  gboolean many;

  /* Taken first: handlers of the notifications below may write to the
   * store again, which refills the table. */
  moved = g_steal_pointer (&self->moved_by_assessments);
  if (moved == NULL)
    return;

  many = g_hash_table_size (moved) > TANDEM_STORE_MANY_CHANGES;
  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, &uuid, &packed))
    {
      TandemInitiative *live = g_hash_table_lookup (self->by_uuid, uuid);
      guint row = GPOINTER_TO_UINT (packed) / 4, col = GPOINTER_TO_UINT (packed) % 4;
      guint position;

      if (live == NULL)
        continue;

      self->counts[CELL_INDEX (tandem_initiative_get_row (live), tandem_initiative_get_col (live))]--;
      tandem_initiative_set_cell (live, row, col);
      self->counts[CELL_INDEX (row, col)]++;

      if (!many && g_list_store_find (self->initiatives, live, &position))
        {
          g_autoptr(TandemInitiative) hold = g_object_ref (live);

          g_list_store_splice (self->initiatives, position, 1, (gpointer *) &hold, 1);
        }
    }

  /* A bulk placement update: the views look at every initiative once. */
  if (many)
    _tandem_store_refresh_all (self);
}

/* ---- Movement ---------------------------------------------------------------- */

typedef struct
{
  char *path;
  char *from;
  char *to;
} MovementRequest;

static void
movement_request_free (MovementRequest *request)
{
  g_free (request->path);
  g_free (request->from);
  g_free (request->to);
  g_free (request);
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* Fills @cells (uuid → packed cell) with where each initiative stood on
 * @date: its latest assessment on or before it.  SQLite returns the other
 * columns of the row holding max(date). */
static gboolean
cells_on (sqlite3       *db,
          const char    *path,
          const char    *date,
          GHashTable    *cells,
          GCancellable  *cancellable,
          GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT initiative_uuid, cell_row, cell_col, max (date) FROM assessment"
                           " WHERE date <= ?1 GROUP BY initiative_uuid", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint row = sqlite3_column_int (stmt, 1), col = sqlite3_column_int (stmt, 2);

          if (tandem_cell_is_valid (row, col))
            g_hash_table_insert (cells, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                                 GUINT_TO_POINTER (CELL_INDEX (row, col) + 1));
        }
    }
  sqlite3_finalize (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (rc != SQLITE_DONE)
    {
      _tandem_sqlite_set_error (error, db, path, _("Could not read"));
      return FALSE;
    }

  return TRUE;
}

static TandemMovement *
compute (const char    *path,
         const char    *from,
         const char    *to,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GHashTable) at_from = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) at_to = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TandemMovement) movement = g_new0 (TandemMovement, 1);
  g_autofree char *uri = _tandem_sqlite_readonly_uri (path);
  GHashTableIter iter;
  gpointer uuid, value;
  sqlite3 *db = NULL;
  gboolean ok;

  /* A connection of its own, so this can run in a thread while the
   * window goes on using the store's. */
  if (uri == NULL || sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      _tandem_sqlite_set_error (error, db, path, _("Could not read"));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, check_cancelled, cancellable);

  ok = cells_on (db, path, from, at_from, cancellable, error) &&
       cells_on (db, path, to, at_to, cancellable, error);
  sqlite3_close (db);
  if (!ok)
    return NULL;

  movement->from = g_strdup (from);
  movement->to = g_strdup (to);

  g_hash_table_iter_init (&iter, at_to);
  while (g_hash_table_iter_next (&iter, &uuid, &value))
    {
      guint cell_to = GPOINTER_TO_UINT (value) - 1;
      gpointer found = g_hash_table_lookup (at_from, uuid);
      guint d_to, d_from, cell_from;

      movement->to_counts[cell_to]++;
      if (found == NULL)
        {
          movement->only_to++;
          continue;
        }

      cell_from = GPOINTER_TO_UINT (found) - 1;
      movement->flows[cell_from][cell_to]++;
      d_from = tandem_cell_distance (cell_from / 3 + 1, cell_from % 3 + 1);
      d_to = tandem_cell_distance (cell_to / 3 + 1, cell_to % 3 + 1);
      if (d_to < d_from)
        movement->closer++;
      else if (d_to > d_from)
        movement->further++;
      else
        movement->same++;
    }

  g_hash_table_iter_init (&iter, at_from);
  while (g_hash_table_iter_next (&iter, &uuid, &value))
    {
      movement->from_counts[GPOINTER_TO_UINT (value) - 1]++;
      if (!g_hash_table_contains (at_to, uuid))
        movement->only_from++;
    }

  return g_steal_pointer (&movement);
}

static gboolean
check_dates (TandemStore  *self,
             const char   *from,
             const char   *to,
             GError      **error)
{
  if (!tandem_date_is_valid (from) || !tandem_date_is_valid (to))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("Dates must be written YYYY-MM-DD (got “%s” and “%s”)"),
                   from ? from : "", to ? to : "");
      return FALSE;
    }

  if (g_strcmp0 (from, to) > 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("The first date (%s) must not be after the second (%s)"), from, to);
      return FALSE;
    }

  return TRUE;
}

/**
 * tandem_store_compute_movement:
 * @from: the earlier date, YYYY-MM-DD
 * @to: the later date
 *
 * How the portfolio moved between two dates.  Reads through a connection
 * of its own, so it is safe to call from another thread.
 *
 * Returns: (transfer full): the movement, or %NULL with @error set
 */
TandemMovement *
tandem_store_compute_movement (TandemStore   *self,
                               const char    *from,
                               const char    *to,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  if (!check_dates (self, from, to, error))
    return NULL;

  return compute (self->path, from, to, cancellable, error);
}

static void
movement_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  MovementRequest *request = task_data;
  GError *error = NULL;
  TandemMovement *movement = compute (request->path, request->from, request->to, cancellable, &error);

  if (movement != NULL)
    g_task_return_pointer (task, movement, (GDestroyNotify) tandem_movement_free);
  else
    g_task_return_error (task, error);
}

/**
 * tandem_store_compute_movement_async:
 *
 * Computes the movement in a worker thread; see
 * tandem_store_compute_movement().
 */
void
tandem_store_compute_movement_async (TandemStore         *self,
                                     const char          *from,
                                     const char          *to,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  MovementRequest *request;

  g_return_if_fail (TANDEM_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tandem_store_compute_movement_async);

  if (!check_dates (self, from, to, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  request = g_new0 (MovementRequest, 1);
  request->path = g_strdup (self->path);
  request->from = g_strdup (from);
  request->to = g_strdup (to);
  g_task_set_task_data (task, request, (GDestroyNotify) movement_request_free);
  g_task_run_in_thread (task, movement_thread);
}

/**
 * tandem_store_compute_movement_finish:
 *
 * Returns: (transfer full): the movement, or %NULL with @error set
 */
TandemMovement *
tandem_store_compute_movement_finish (TandemStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
