/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-gtk-tree-private.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_GTK_TYPE_ROW (atomr_view_gtk_row_get_type ())

G_DECLARE_FINAL_TYPE (AtomrViewGtkRow, atomr_view_gtk_row, ATOMR_VIEW_GTK, ROW, GObject)

AtomrViewGtkRow    *atomr_view_gtk_row_new        (AtomrViewGtkMirror *mirror);
/* The row's mirror, or NULL once the row has left its list. */
AtomrViewGtkMirror *atomr_view_gtk_row_get_mirror (AtomrViewGtkRow    *self);
void                atomr_view_gtk_row_forget     (AtomrViewGtkRow    *self);

G_END_DECLS
