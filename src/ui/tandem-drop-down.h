/* tandem-drop-down.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _tandem_drop_down_name_button (GtkDropDown *dropdown,
                                    const char  *name);

G_END_DECLS
