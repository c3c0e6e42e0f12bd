/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-node.h"
#include "atomr-view-version-macros.h"

G_BEGIN_DECLS

/**
 * ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING:
 *
 * The `GVariant` type of an encoded scene, see [method@Scene.to_variant]: a
 * format version (1), then every node in pre-order as its kind, its key (or
 * nothing), its props and its number of children.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING "(ua(smsa{sv}u))"

#define ATOMR_VIEW_TYPE_SCENE (atomr_view_scene_get_type ())

typedef struct _AtomrViewScene AtomrViewScene;

ATOMR_VIEW_AVAILABLE_IN_ALL
GType           atomr_view_scene_get_type         (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene *atomr_view_scene_new              (AtomrViewNode  *root);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene *atomr_view_scene_new_from_json    (const char     *data,
                                                   gssize          length,
                                                   GError        **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene *atomr_view_scene_new_from_variant (GVariant       *variant,
                                                   GError        **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene *atomr_view_scene_ref              (AtomrViewScene *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void            atomr_view_scene_unref            (AtomrViewScene *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode  *atomr_view_scene_get_root         (AtomrViewScene *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint           atomr_view_scene_get_n_nodes      (AtomrViewScene *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint           atomr_view_scene_get_depth        (AtomrViewScene *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean        atomr_view_scene_equal            (AtomrViewScene *a,
                                                   AtomrViewScene *b);
ATOMR_VIEW_AVAILABLE_IN_ALL
char           *atomr_view_scene_to_json          (AtomrViewScene *self,
                                                   gboolean        pretty);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant       *atomr_view_scene_to_variant       (AtomrViewScene *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
GPtrArray      *atomr_view_scene_diff             (AtomrViewScene *self,
                                                   AtomrViewScene *new_scene);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene *atomr_view_scene_apply            (AtomrViewScene *self,
                                                   GPtrArray      *patches,
                                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewScene, atomr_view_scene_unref)

G_END_DECLS
