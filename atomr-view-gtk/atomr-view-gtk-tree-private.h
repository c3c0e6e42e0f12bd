/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gtk/gtk.h>
#include <atomr-view.h>

G_BEGIN_DECLS

typedef struct _AtomrViewGtkKind   AtomrViewGtkKind;
typedef struct _AtomrViewGtkTree   AtomrViewGtkTree;
typedef struct _AtomrViewGtkMirror AtomrViewGtkMirror;

/* One node of a window's scene as shown: its widget, and its children in
 * scene order, so that a patch path resolves in O(depth). The rows of a
 * `list` are mirrors too, but a row has widgets only while the list view
 * shows it (widget NULL and no children otherwise). */
struct _AtomrViewGtkMirror
{
  AtomrViewGtkTree       *tree;
  AtomrViewGtkMirror     *parent;
  AtomrViewNode          *node;         /* the node shown, a reference */
  const AtomrViewGtkKind *kind;
  GtkWidget              *widget;       /* what the parent holds, a reference */
  GObject                *target;       /* where props go: the widget, or a part of it */
  GPtrArray              *children;     /* AtomrViewGtkMirror, owned; NULL until it has one, or a list is built */
  char                  **css_classes;  /* the classes the node's props added */
  GObject                *row;          /* AtomrViewGtkRow, for a row of a list once its view asked for it */
  GtkListItem            *holder;       /* a row: the list item its widget went to last, weak */
  gpointer                data;         /* the kind's state */
};

static inline guint
atomr_view_gtk_mirror_get_n_children (AtomrViewGtkMirror *mirror)
{
  return mirror->children != NULL ? mirror->children->len : 0;
}

/* Reports an event of a widget to the backend. */
typedef void (*AtomrViewGtkEmitFunc) (const char * const *path,
                                      const char         *signal,
                                      GVariant           *value,
                                      gpointer            user_data);

AtomrViewGtkTree *atomr_view_gtk_tree_new             (AtomrViewGtkEmitFunc  emit,
                                                       gpointer              user_data);
void              atomr_view_gtk_tree_free            (AtomrViewGtkTree     *tree);
/* The root widget, NULL before the first build. */
GtkWidget        *atomr_view_gtk_tree_get_widget      (AtomrViewGtkTree     *tree);
/* The node the tree shows at its root, NULL before the first build. */
AtomrViewNode    *atomr_view_gtk_tree_get_node        (AtomrViewGtkTree     *tree);
/* Checks every node under @root that has not passed before (shown or not):
 * kinds, props, values and numbers of children. Touches no widget. */
gboolean          atomr_view_gtk_tree_check           (AtomrViewGtkTree     *tree,
                                                       AtomrViewNode        *root,
                                                       GError              **error);
/* Shows @root instead of whatever the tree showed. */
void              atomr_view_gtk_tree_build           (AtomrViewGtkTree     *tree,
                                                       AtomrViewNode        *root);
/* Applies @patches, which must fit the tree and turn it into @new_root. */
void              atomr_view_gtk_tree_patch           (AtomrViewGtkTree     *tree,
                                                       GPtrArray            *patches,
                                                       AtomrViewNode        *new_root);
/* The mirror at a key path, or NULL. */
AtomrViewGtkMirror *atomr_view_gtk_tree_lookup        (AtomrViewGtkTree     *tree,
                                                       const char * const   *path);

/* For the kinds. */
void              atomr_view_gtk_mirror_emit          (AtomrViewGtkMirror   *mirror,
                                                       const char           *signal,
                                                       GVariant             *value);
gboolean          atomr_view_gtk_mirror_is_busy       (AtomrViewGtkMirror   *mirror);
/* How many events the tree has reported: tells whether the user did anything in between. */
guint             atomr_view_gtk_tree_get_epoch       (AtomrViewGtkTree     *tree);
/* A row of a list came into view, or went out of it. */
void              atomr_view_gtk_tree_bind_row        (AtomrViewGtkTree     *tree,
                                                       GtkListItem          *list_item);
void              atomr_view_gtk_tree_unbind_row      (AtomrViewGtkTree     *tree,
                                                       GtkListItem          *list_item);

G_END_DECLS
