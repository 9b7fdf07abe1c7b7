/* tandem-label-editor.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_LABEL_EDITOR (tandem_label_editor_get_type ())

G_DECLARE_FINAL_TYPE (TandemLabelEditor, tandem_label_editor, TANDEM, LABEL_EDITOR, GtkPopover)

GtkWidget *tandem_label_editor_new (TandemMatrix *matrix,
                                    const char   *key);

G_END_DECLS
