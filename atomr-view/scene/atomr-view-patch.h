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
 * AtomrViewPatchOp:
 * @ATOMR_VIEW_PATCH_OP_INSERT: insert the patch's node so that it ends up at
 *   the path; later siblings shift up by one
 * @ATOMR_VIEW_PATCH_OP_REMOVE: remove the node at the path; later siblings
 *   shift down by one
 * @ATOMR_VIEW_PATCH_OP_MOVE: move the node at the path, keeping its identity,
 *   so that it ends up at index [method@Patch.get_to_index] among the same
 *   siblings
 * @ATOMR_VIEW_PATCH_OP_SET_PROP: set a prop of the node at the path
 * @ATOMR_VIEW_PATCH_OP_UNSET_PROP: remove a prop that the node at the path has
 * @ATOMR_VIEW_PATCH_OP_REPLACE: put the patch's node in place of the node at
 *   the path, which goes with its whole subtree
 *
 * What a patch does. The JSON codec spells these as the enum's nicks:
 * `insert`, `remove`, `move`, `set-prop`, `unset-prop`, `replace`.
 *
 * Since: 0.1
 */
typedef enum
{
  ATOMR_VIEW_PATCH_OP_INSERT,
  ATOMR_VIEW_PATCH_OP_REMOVE,
  ATOMR_VIEW_PATCH_OP_MOVE,
  ATOMR_VIEW_PATCH_OP_SET_PROP,
  ATOMR_VIEW_PATCH_OP_UNSET_PROP,
  ATOMR_VIEW_PATCH_OP_REPLACE,
} AtomrViewPatchOp;

/**
 * ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING:
 *
 * The `GVariant` type of an encoded patch list, see
 * [func@Patch.list_to_variant] and the scene JSON page.
 *
 * Since: 0.1
 */
#define ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING "(ua(sauumsmva(smsa{sv}u)))"

#define ATOMR_VIEW_TYPE_PATCH (atomr_view_patch_get_type ())

typedef struct _AtomrViewPatch AtomrViewPatch;

ATOMR_VIEW_AVAILABLE_IN_ALL
GType            atomr_view_patch_get_type          (void) G_GNUC_CONST;
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_new_insert        (const guint    *path,
                                                     gsize           path_length,
                                                     AtomrViewNode  *node);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_new_remove        (const guint    *path,
                                                     gsize           path_length);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_new_move          (const guint    *path,
                                                     gsize           path_length,
                                                     guint           to_index);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_new_set_prop      (const guint    *path,
                                                     gsize           path_length,
                                                     const char     *name,
                                                     GVariant       *value);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_new_unset_prop    (const guint    *path,
                                                     gsize           path_length,
                                                     const char     *name);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_new_replace       (const guint    *path,
                                                     gsize           path_length,
                                                     AtomrViewNode  *node);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatch  *atomr_view_patch_ref               (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void             atomr_view_patch_unref             (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewPatchOp atomr_view_patch_get_op            (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const guint     *atomr_view_patch_get_path          (AtomrViewPatch *self,
                                                     gsize          *path_length);
ATOMR_VIEW_AVAILABLE_IN_ALL
guint            atomr_view_patch_get_to_index      (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
const char      *atomr_view_patch_get_name          (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant        *atomr_view_patch_get_value         (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewNode   *atomr_view_patch_get_node          (AtomrViewPatch *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean         atomr_view_patch_equal             (AtomrViewPatch *a,
                                                     AtomrViewPatch *b);

ATOMR_VIEW_AVAILABLE_IN_ALL
char            *atomr_view_patch_list_to_json      (GPtrArray      *patches,
                                                     gboolean        pretty);
ATOMR_VIEW_AVAILABLE_IN_ALL
GPtrArray       *atomr_view_patch_list_from_json    (const char     *data,
                                                     gssize          length,
                                                     GError        **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant        *atomr_view_patch_list_to_variant   (GPtrArray      *patches);
ATOMR_VIEW_AVAILABLE_IN_ALL
GPtrArray       *atomr_view_patch_list_from_variant (GVariant       *variant,
                                                     GError        **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean         atomr_view_patch_list_equal        (GPtrArray      *a,
                                                     GPtrArray      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewPatch, atomr_view_patch_unref)

G_END_DECLS
