/* tandem-window-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-case-view.h"
#include "tandem-initiative-panel.h"
#include "tandem-matrix-view.h"
#include "tandem-window.h"

G_BEGIN_DECLS

struct _TandemWindow
{
  AdwApplicationWindow  parent_instance;

  TandemStore          *store;
  TandemHistory        *history;
  GSettings            *settings;
  TandemInitiative     *selected;

  /* The sidebar: store → filter (search) → sort (title) → selection */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  char                 *search;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *sidebar_list;
  AdwStatusPage        *sidebar_empty;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  TandemCaseView       *case_view;
  GtkWidget            *sidebar_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkStack             *content_stack;
  AdwFlap              *flap;
  TandemMatrixView     *matrix_view;
  TandemInitiativePanel *panel;
  AdwStatusPage        *error_page;
  GMenu                *recent_section;

  GCancellable         *exchange_cancellable;  /* while importing or exporting */
};

void  _tandem_window_class_actions_init (GtkWidgetClass *widget_class);
void  _tandem_window_class_exchange_init (GtkWidgetClass *widget_class);
GtkFileChooserNative *_tandem_chooser_new       (GtkWindow            *parent,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept_label);
GtkFileChooserNative *_tandem_window_chooser_new (TandemWindow         *self,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept_label,
                                                  GCallback             response_cb);
void  _tandem_window_import_file        (TandemWindow   *self,
                                         GFile          *file);
gboolean _tandem_window_is_exchanging   (TandemWindow   *self);
void  _tandem_window_cancel_exchange    (TandemWindow   *self);
void  _tandem_window_export_to_file     (TandemWindow   *self,
                                         GFile          *file,
                                         TandemCsvRows   rows);
void  _tandem_window_print              (TandemWindow   *self,
                                         GtkPrintOperationAction action,
                                         const char     *export_path);
void  _tandem_window_actions_update     (TandemWindow   *self);
void  _tandem_window_add_move_shortcuts (TandemWindow   *self);
void  _tandem_window_toast              (TandemWindow   *self,
                                         const char     *title,
                                         const char     *button_label,
                                         const char     *action_name);
void  _tandem_window_report_error       (TandemWindow   *self,
                                         const GError   *error);
void  _tandem_window_set_store          (TandemWindow   *self,
                                         TandemStore    *store);

G_END_DECLS
