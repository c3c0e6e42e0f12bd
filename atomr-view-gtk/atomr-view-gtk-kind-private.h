/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-gtk-row-model-private.h"
#include "atomr-view-gtk-tree-private.h"

G_BEGIN_DECLS

/* How many children a kind holds, and how. */
typedef enum
{
  ATOMR_VIEW_GTK_CHILDREN_NONE,
  ATOMR_VIEW_GTK_CHILDREN_ONE,
  ATOMR_VIEW_GTK_CHILDREN_MANY,
  ATOMR_VIEW_GTK_CHILDREN_ROWS,   /* a list: children are rows of a GtkListView */
} AtomrViewGtkChildren;

/* A core kind, or a GtkWidget type named as a kind, for a node's kind name
 * (interned, as every node's is). Kinds live as long as the process. */
const AtomrViewGtkKind *atomr_view_gtk_kind_lookup       (const char              *name,
                                                          GError                 **error);
AtomrViewGtkChildren    atomr_view_gtk_kind_get_children (const AtomrViewGtkKind  *kind);
/* Checks the prop at @index of @node, and its value. */
gboolean                atomr_view_gtk_kind_check_prop   (const AtomrViewGtkKind  *kind,
                                                          AtomrViewNode           *node,
                                                          guint                    index,
                                                          GError                 **error);
/* Checks a node's props, their values, and its number of children. */
gboolean                atomr_view_gtk_kind_check_node   (const AtomrViewGtkKind  *kind,
                                                          AtomrViewNode           *node,
                                                          GError                 **error);
/* Makes the widget of @mirror for its node, with every prop applied. */
void                    atomr_view_gtk_kind_create       (AtomrViewGtkMirror      *mirror);
/* Forgets the widget of @mirror: disconnects its signals, frees the kind's state. */
void                    atomr_view_gtk_kind_release      (AtomrViewGtkMirror      *mirror);
/* Sets a prop; a NULL @value puts the default back. */
void                    atomr_view_gtk_kind_set_prop     (AtomrViewGtkMirror      *mirror,
                                                          const char              *name,
                                                          GVariant                *value);
/* Child widgets of MANY and ONE kinds; @prev is the sibling to go after, NULL for the first place. */
void                    atomr_view_gtk_kind_insert_child (AtomrViewGtkMirror      *parent,
                                                          AtomrViewGtkMirror      *child,
                                                          AtomrViewGtkMirror      *prev);
void                    atomr_view_gtk_kind_move_child   (AtomrViewGtkMirror      *parent,
                                                          AtomrViewGtkMirror      *child,
                                                          AtomrViewGtkMirror      *prev);
void                    atomr_view_gtk_kind_remove_child (AtomrViewGtkMirror      *parent,
                                                          AtomrViewGtkMirror      *child);
/* The number of children changed (a region shows its placeholder when empty). */
void                    atomr_view_gtk_kind_children_changed (AtomrViewGtkMirror  *parent);
/* The model of a list's rows. */
AtomrViewGtkRowModel   *atomr_view_gtk_kind_get_rows     (AtomrViewGtkMirror      *list);

G_END_DECLS
