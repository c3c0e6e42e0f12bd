/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-node.h"
#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_NODE_BUILDER (atomr_view_node_builder_get_type ())

typedef struct _AtomrViewNodeBuilder AtomrViewNodeBuilder;

ATOMR_VIEW_AVAILABLE_IN_ALL
GType                 atomr_view_node_builder_get_type       (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNodeBuilder *atomr_view_node_builder_new            (const char           *kind);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNodeBuilder *atomr_view_node_builder_new_from_node  (AtomrViewNode        *node);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNodeBuilder *atomr_view_node_builder_ref            (AtomrViewNodeBuilder *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_unref          (AtomrViewNodeBuilder *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_key        (AtomrViewNodeBuilder *self,
                                                              const char           *key);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_prop       (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              GVariant             *value);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_string     (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              const char           *value);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_int        (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              gint32                value);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_double     (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              double                value);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_boolean    (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              gboolean              value);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_color      (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              double                red,
                                                              double                green,
                                                              double                blue,
                                                              double                alpha);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_vec2       (AtomrViewNodeBuilder *self,
                                                              const char           *name,
                                                              double                x,
                                                              double                y);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_unset_prop     (AtomrViewNodeBuilder *self,
                                                              const char           *name);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_add_child      (AtomrViewNodeBuilder *self,
                                                              AtomrViewNode        *child);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint                 atomr_view_node_builder_get_n_children (AtomrViewNodeBuilder *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_set_child      (AtomrViewNodeBuilder *self,
                                                              guint                 index,
                                                              AtomrViewNode        *child);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_remove_child   (AtomrViewNodeBuilder *self,
                                                              guint                 index);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_node_builder_clear_children (AtomrViewNodeBuilder *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode        *atomr_view_node_builder_build          (AtomrViewNodeBuilder *self,
                                                              GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode        *atomr_view_node_builder_end            (AtomrViewNodeBuilder *self,
                                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewNodeBuilder, atomr_view_node_builder_unref)

G_END_DECLS
