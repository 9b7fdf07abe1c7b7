/* tandem-example.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tandem-example-private.h"
#include "tandem-initiative.h"
#include "tandem-indicator.h"

/*
 * The worked example every new default portfolio starts with.  The
 * initiatives belong to an imaginary council; only the figures quoted for
 * Surrey come from a source, and the description says which.
 */

static TandemInitiative *
example (const char *title,
         const char *service_area,
         const char *description,
         guint       row,
         guint       col,
         guint       target_row,
         guint       target_col)
{
  TandemInitiative *initiative = tandem_initiative_new (title, row, col);

  tandem_initiative_set_organisation (initiative, _("Example County Council"));
  tandem_initiative_set_place (initiative, _("Example County"));
  tandem_initiative_set_service_area (initiative, service_area);
  tandem_initiative_set_description (initiative, description);
  tandem_initiative_set_target (initiative, target_row, target_col);

  return initiative;
}

static TandemAssessment *
assess (TandemChanges    *changes,
        TandemInitiative *initiative,
        const char       *date,
        guint             row,
        guint             col,
        TandemStage       stage,
        TandemLevel       level,
        const char       *notes)
{
  g_autoptr(TandemAssessment) assessment =
    tandem_assessment_new (tandem_initiative_get_uuid (initiative), date, row, col);

  tandem_assessment_set_stage (assessment, stage);
  tandem_assessment_set_level (assessment, level);
  tandem_assessment_set_notes (assessment, notes);
  tandem_changes_save_assessment (changes, assessment);

  /* The store holds copies; hand back the one to go on filling in. */
  return g_ptr_array_index (changes->save_assessments, changes->save_assessments->len - 1);
}

/* The youth service's journey: from professionals alone, through
 * co-design, toward full co-production by the end of 2027.  The dates and
 * readings belong to the imaginary council, not to Surrey. */
static void
youth_history (TandemChanges    *changes,
               TandemInitiative *youth)
{
  g_autoptr(TandemIndicator) neet = NULL;
  TandemAssessment *a;

  a = assess (changes, youth, "2019-02-11", 1, 1, TANDEM_STAGE_ACTIVE_INVOLVEMENT, TANDEM_LEVEL_COMPLIANCE,
              _("Advisers plan and run everything; a yearly survey is the only voice young people have."));
  tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_participants (a, _("Service manager, two careers advisers"));

  a = assess (changes, youth, "2021-05-17", 1, 2, TANDEM_STAGE_CO_DESIGN, TANDEM_LEVEL_SUPPORT,
              _("Young people and parents redesigned the drop-in sessions with advisers; advisers still deliver them."));
  tandem_assessment_set_presence (a, TANDEM_CO_DESIGN, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_ASSETS);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_PARTLY);
  tandem_assessment_add_evidence (a, _("Design workshop notes"), "workshops/2021-05-design.pdf");

  a = assess (changes, youth, "2024-03-04", 1, 2, TANDEM_STAGE_CO_DESIGN, TANDEM_LEVEL_SUPPORT,
              _("Young people now sit on the commissioning panel. They and the commissioners see the service differently."));
  tandem_assessment_set_presence (a, TANDEM_CO_COMMISSIONING, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (a, TANDEM_CO_DESIGN, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_subtypes (a, TANDEM_SUBTYPE_CO_PLANNING);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_ASSETS | TANDEM_PRINCIPLE_CATALYSTS);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_COMMISSIONERS, 2, 2);
  tandem_assessment_set_placement (a, TANDEM_STAKEHOLDER_SERVICE_USERS, 1, 1);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_YES);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_FEEL_BETTER, TANDEM_ANSWER_PARTLY);
  tandem_assessment_set_participants (a, _("Commissioners, advisers, youth forum members"));

  a = assess (changes, youth, "2025-09-15", 1, 2, TANDEM_STAGE_CO_DESIGN, TANDEM_LEVEL_SUPPORT,
              _("A peer-mentoring pilot has young people delivering sessions beside advisers in two towns."));
  tandem_assessment_set_presence (a, TANDEM_CO_COMMISSIONING, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (a, TANDEM_CO_DESIGN, TANDEM_PRESENCE_ESTABLISHED);
  tandem_assessment_set_presence (a, TANDEM_CO_DELIVERY, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_presence (a, TANDEM_CO_ASSESSMENT, TANDEM_PRESENCE_EMERGING);
  tandem_assessment_set_subtypes (a, TANDEM_SUBTYPE_CO_PLANNING | TANDEM_SUBTYPE_CO_PERFORMING);
  tandem_assessment_set_principles (a, TANDEM_PRINCIPLE_ASSETS | TANDEM_PRINCIPLE_CATALYSTS |
                                       TANDEM_PRINCIPLE_PEER_SUPPORT);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_BETTER_SERVICE, TANDEM_ANSWER_YES);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_FEEL_BETTER, TANDEM_ANSWER_YES);
  tandem_assessment_set_answer (a, TANDEM_QUESTION_PUBLIC_VALUE, TANDEM_ANSWER_PARTLY);

  neet = tandem_indicator_new (tandem_initiative_get_uuid (youth),
                               _("Young people not in education, employment or training (illustrative)"), "%");
  tandem_indicator_set_baseline (neet, TRUE, 7.8);
  tandem_indicator_set_target (neet, TRUE, 4.0);
  tandem_indicator_set_reading (neet, "2019-03-31", 7.8);
  tandem_indicator_set_reading (neet, "2020-03-31", 7.5);
  tandem_indicator_set_reading (neet, "2021-03-31", 7.9);
  tandem_indicator_set_reading (neet, "2022-03-31", 6.8);
  tandem_indicator_set_reading (neet, "2023-03-31", 6.1);
  tandem_indicator_set_reading (neet, "2024-03-31", 5.6);
  tandem_indicator_set_reading (neet, "2025-03-31", 5.2);
  tandem_changes_save_indicator (changes, neet);
}

/**
 * _tandem_example_build:
 *
 * Returns: (transfer full): the example initiatives, with fresh UUIDs,
 *   their histories and the youth service's outcome indicator
 */
TandemChanges *
_tandem_example_build (void)
{
  TandemChanges *changes = tandem_changes_new ();
  GPtrArray *examples = changes->save_initiatives;
  TandemInitiative *youth;

  youth = example (_("Youth employability service (worked example)"),
                   _("Young people’s services"),
                   _("A worked example for commissioners. Careers advisers used to plan and run "
                     "the service on their own; young people now help design it, and the aim is "
                     "to plan, run and review it together with young people, their families and "
                     "local employers by the end of 2027. The assessments and the indicator "
                     "readings are illustrative.\n\n"
                     "It is modelled on Surrey County Council’s “NEET to PETE” programme, which "
                     "used all four Co’s — co-commissioning, co-design, co-delivery and "
                     "co-assessment — with outcome-based commissioning and a focus on prevention "
                     "for very disadvantaged young people. Surrey reports 60% fewer young people "
                     "not in education, employment or training (2012–2014), 90% fewer first-time "
                     "entrants to the criminal justice system (2009–2013) and 25% savings on its "
                     "young people’s services budget.\n\n"
                     "Source: Elke Loeffler, Governance International, “Removing the obstacles "
                     "to user and community co-production — how public sector reforms could "
                     "help”, What Works Scotland workshop, Glasgow, 1 December 2017."),
                   1, 2, 2, 2);
  tandem_initiative_set_target_date (youth, "2027-12-31");
  tandem_initiative_set_cell_note (youth, 1, 1,
                                   _("Where we started: advisers decided what was offered and delivered "
                                     "every session; young people were asked for feedback once a year."));
  tandem_initiative_set_cell_note (youth, 1, 2,
                                   _("Where we are: young people co-design the sessions and sit on the "
                                     "commissioning panel, but advisers still deliver almost everything."));
  tandem_initiative_set_cell_note (youth, 2, 2,
                                   _("Where we want to be: young people sit on the commissioning "
                                     "panel, help design the offer, run peer mentoring alongside "
                                     "advisers and help judge what worked."));
  g_ptr_array_add (examples, youth);

  g_ptr_array_add (examples,
                   example (_("Expert patients course (example)"),
                            _("Health"),
                            _("An example of co-delivery: people living with a long-term "
                              "condition lead self-management courses for their peers, "
                              "following a programme the health service designed."),
                            2, 1, 2, 2));

  g_ptr_array_add (examples,
                   example (_("Community meals rota (example)"),
                            _("Adult social care"),
                            _("An example of co-delivery: volunteers plan and deliver meals to "
                              "older neighbours with little help from the council."),
                            3, 3, 3, 2));

  youth_history (changes, youth);
  assess (changes, g_ptr_array_index (examples, 1), "2024-06-10", 2, 1,
          TANDEM_STAGE_CO_DELIVERY, TANDEM_LEVEL_SUPPORT, NULL);
  assess (changes, g_ptr_array_index (examples, 2), "2025-01-20", 3, 3,
          TANDEM_STAGE_CO_DELIVERY, TANDEM_LEVEL_TRANSFORMATION, NULL);

  return changes;
}
