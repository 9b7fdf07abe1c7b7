/* tandem-conflicts-list.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"

G_BEGIN_DECLS

GtkWidget *tandem_conflicts_list_new (TandemImport *import);

G_END_DECLS
