/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_NODE (atomr_view_node_get_type ())

typedef struct _AtomrViewNode AtomrViewNode;

ATOMR_VIEW_AVAILABLE_IN_ALL
GType          atomr_view_node_get_type       (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode *atomr_view_node_new            (const char           *kind,
                                               const char           *key,
                                               GVariant             *props,
                                               AtomrViewNode * const *children,
                                               gsize                 n_children,
                                               GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode *atomr_view_node_ref            (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void           atomr_view_node_unref          (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char    *atomr_view_node_get_kind       (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char    *atomr_view_node_get_key        (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant      *atomr_view_node_get_prop       (AtomrViewNode *self,
                                               const char    *name);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint          atomr_view_node_get_n_props    (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char    *atomr_view_node_get_prop_name  (AtomrViewNode *self,
                                               guint          index);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant      *atomr_view_node_get_prop_value (AtomrViewNode *self,
                                               guint          index);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char    *atomr_view_node_get_prop_string (AtomrViewNode *self,
                                                guint          index);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant      *atomr_view_node_dup_props      (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint          atomr_view_node_get_n_children (AtomrViewNode *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode *atomr_view_node_get_child      (AtomrViewNode *self,
                                               guint          index);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode * const *atomr_view_node_get_children (AtomrViewNode *self,
                                                     guint         *n_children);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode *atomr_view_node_get_descendant (AtomrViewNode *self,
                                               const guint   *path,
                                               gsize          path_length);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean       atomr_view_node_equal          (AtomrViewNode *a,
                                               AtomrViewNode *b);

ATOMR_VIEW_AVAILABLE_IN_ALL
guint          atomr_view_node_allocate_mark  (void);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean       atomr_view_node_has_mark       (AtomrViewNode *self,
                                               guint          mark);
ATOMR_VIEW_AVAILABLE_IN_ALL
void           atomr_view_node_add_mark       (AtomrViewNode *self,
                                               guint          mark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewNode, atomr_view_node_unref)

G_END_DECLS
