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

/**
 * _tandem_example_build:
 *
 * Returns: (transfer full) (element-type TandemInitiative): new initiatives
 *   with fresh UUIDs
 */
GPtrArray *
_tandem_example_build (void)
{
  GPtrArray *examples = g_ptr_array_new_with_free_func (g_object_unref);
  TandemInitiative *youth;

  youth = example (_("Youth employability service (worked example)"),
                   _("Young people’s services"),
                   _("A worked example for commissioners. Today careers advisers plan and run "
                     "the service on their own; the aim is to plan, run and review it together "
                     "with young people, their families and local employers.\n\n"
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
                   1, 1, 2, 2);
  tandem_initiative_set_cell_note (youth, 1, 1,
                                   _("Where we are: advisers decide what is offered and deliver "
                                     "every session; young people are asked for feedback once a year."));
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

  return examples;
}
