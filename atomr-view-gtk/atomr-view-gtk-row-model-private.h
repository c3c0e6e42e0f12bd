/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATOMR_VIEW_GTK_TYPE_ROW_MODEL (atomr_view_gtk_row_model_get_type ())

G_DECLARE_FINAL_TYPE (AtomrViewGtkRowModel, atomr_view_gtk_row_model, ATOMR_VIEW_GTK, ROW_MODEL, GObject)

/* @rows: the list mirror's children (AtomrViewGtkMirror), which the caller edits. */
AtomrViewGtkRowModel *atomr_view_gtk_row_model_new            (GPtrArray            *rows);
/* The caller is about to insert, remove or replace one row at @position
 * (call these before changing the rows: a change that cannot join the one
 * waiting makes the view hear of that one at once, and the view must see
 * the rows as they were then). Told to the view at the next flush. */
void                  atomr_view_gtk_row_model_note_inserted  (AtomrViewGtkRowModel *self,
                                                               guint                 position);
void                  atomr_view_gtk_row_model_note_removed   (AtomrViewGtkRowModel *self,
                                                               guint                 position);
void                  atomr_view_gtk_row_model_note_replaced  (AtomrViewGtkRowModel *self,
                                                               guint                 position);
/* Tells the view at once; flush first, before changing the rows. */
void                  atomr_view_gtk_row_model_changed        (AtomrViewGtkRowModel *self,
                                                               guint                 position,
                                                               guint                 removed,
                                                               guint                 added);
/* Tells the view what waits; TRUE if anything did. */
gboolean              atomr_view_gtk_row_model_flush          (AtomrViewGtkRowModel *self);
/* The rows are going away: the model is empty from now on, silently. */
void                  atomr_view_gtk_row_model_detach         (AtomrViewGtkRowModel *self);

G_END_DECLS
