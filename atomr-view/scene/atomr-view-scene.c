/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include "atomr-view-apply-private.h"
#include "atomr-view-diff-private.h"
#include "atomr-view-node-private.h"
#include "atomr-view-refcount-private.h"
#include "atomr-view-scene.h"
#include "atomr-view-scene-json-private.h"
#include "atomr-view-scene-variant-private.h"

/**
 * AtomrViewScene:
 *
 * What a window shows: the root of a tree of [struct@Node]s, with the codecs,
 * the diff and apply. The original project's `SceneDescription`.
 *
 * ```c
 * g_autoptr(GPtrArray) patches = atomr_view_scene_diff (shown, next);
 * // a backend carries out each patch on its widgets, in order
 * g_autoptr(AtomrViewScene) same = atomr_view_scene_apply (shown, patches, &error);
 * g_assert_true (atomr_view_scene_equal (same, next));
 * ```
 *
 * A scene reads from JSON ([ctor@Scene.new_from_json]) and `GVariant`
 * ([ctor@Scene.new_from_variant]) and writes to both; each round trip gives an
 * equal scene, every prop keeping its `GVariant` type. The schemas are on the
 * [scene JSON page](scene-json.html).
 *
 * Thread rule: any thread. Scenes are immutable and their reference count is
 * atomic.
 *
 * Since: 0.1
 */

struct _AtomrViewScene
{
  AtomrViewRefCount ref_count;
  AtomrViewNode    *root;
};

G_DEFINE_BOXED_TYPE (AtomrViewScene, atomr_view_scene, atomr_view_scene_ref, atomr_view_scene_unref)

static AtomrViewScene *
scene_new_take (AtomrViewNode *root)
{
  AtomrViewScene *self = g_new (AtomrViewScene, 1);

  atomr_view_ref_count_init (&self->ref_count);
  self->root = root;
  return self;
}

/**
 * atomr_view_scene_new:
 * @root: the root node
 *
 * Makes a scene of the tree under @root, which is shared, not copied.
 *
 * Returns: (transfer full): a new scene
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_scene_new (AtomrViewNode *root)
{
  g_return_val_if_fail (root != NULL, NULL);

  return scene_new_take (atomr_view_node_ref (root));
}

/**
 * atomr_view_scene_new_from_json:
 * @data: JSON text: the root node's object
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a scene from JSON in the schema of the scene JSON page.
 *
 * Bad input fails in the [error@SceneError] domain with a message that names
 * the place, such as `children[3].props.label: expected a string`; no part of
 * the tree is returned then.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_scene_new_from_json (const char *data,
                                gssize      length,
                                GError    **error)
{
  AtomrViewNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = atomr_view_json_decode_node (data, length, error);
  return root != NULL ? scene_new_take (root) : NULL;
}

/**
 * atomr_view_scene_new_from_variant:
 * @variant: a `GVariant` of type [const@SCENE_VARIANT_TYPE_STRING], possibly
 *   from untrusted bytes
 * @error: return location for a #GError
 *
 * Reads a scene made by [method@Scene.to_variant].
 *
 * A value of another type, an unknown format version, or a tree that breaks a
 * rule fails in the [error@SceneError] domain with a message that names the
 * place.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL with @error set
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_scene_new_from_variant (GVariant *variant,
                                   GError  **error)
{
  AtomrViewNode *root;

  g_return_val_if_fail (variant != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = atomr_view_variant_decode_node (variant, error);
  return root != NULL ? scene_new_take (root) : NULL;
}

/**
 * atomr_view_scene_ref:
 * @self: a scene
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_scene_ref (AtomrViewScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_scene_unref:
 * @self: (transfer full): a scene
 *
 * Releases a reference to @self.
 *
 * Since: 0.1
 */
void
atomr_view_scene_unref (AtomrViewScene *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  atomr_view_node_unref (self->root);
  g_free (self);
}

/**
 * atomr_view_scene_get_root:
 * @self: a scene
 *
 * The root node of @self.
 *
 * Returns: (transfer none): the root
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_scene_get_root (AtomrViewScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

/**
 * atomr_view_scene_get_n_nodes:
 * @self: a scene
 *
 * The number of nodes in @self, counting a shared subtree once for each place
 * it appears; at most [const@SCENE_MAX_NODES]. Costs O(1).
 *
 * Returns: the number of nodes
 *
 * Since: 0.1
 */
guint
atomr_view_scene_get_n_nodes (AtomrViewScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->root->n_nodes;
}

/**
 * atomr_view_scene_get_depth:
 * @self: a scene
 *
 * The number of levels of @self: 1 for a lone root; at most
 * [const@SCENE_MAX_DEPTH]. Costs O(1).
 *
 * Returns: the depth
 *
 * Since: 0.1
 */
guint
atomr_view_scene_get_depth (AtomrViewScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->root->height;
}

/**
 * atomr_view_scene_equal:
 * @a: a scene
 * @b: another scene
 *
 * Compares the trees of two scenes, see [method@Node.equal].
 *
 * Returns: whether @a and @b are equal
 *
 * Since: 0.1
 */
gboolean
atomr_view_scene_equal (AtomrViewScene *a,
                        AtomrViewScene *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return atomr_view_node_equal (a->root, b->root);
}

/**
 * atomr_view_scene_to_json:
 * @self: a scene
 * @pretty: whether to indent, one member per line
 *
 * Writes @self as JSON in the schema of the scene JSON page. Props come in
 * name order, so equal scenes give the same text.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
atomr_view_scene_to_json (AtomrViewScene *self,
                          gboolean        pretty)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  atomr_view_json_write_node (out, self->root, pretty);
  return g_string_free (out, FALSE);
}

/**
 * atomr_view_scene_to_variant:
 * @self: a scene
 *
 * Encodes @self as a `GVariant` of type [const@SCENE_VARIANT_TYPE_STRING],
 * for the bridge and the wire.
 *
 * Returns: (transfer full): the encoded scene, not floating
 *
 * Since: 0.1
 */
GVariant *
atomr_view_scene_to_variant (AtomrViewScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return atomr_view_variant_encode_node (self->root);
}

/**
 * atomr_view_scene_diff:
 * @self: the scene shown now
 * @new_scene: the scene to show next
 *
 * Lists the patches that turn @self into @new_scene, keyed and minimal in
 * moves.
 *
 * Children are matched by key (unkeyed ones by position); a node whose kind
 * changes is replaced; matched children that are out of order move, except
 * the longest run that can stay. Subtrees that both scenes share are skipped
 * in O(1). The [scenes page](scenes.html) describes the algorithm and the
 * order of the list, which depends only on the two trees.
 *
 * Returns: (transfer container) (element-type AtomrViewPatch): the patches;
 *   empty when the scenes are equal
 *
 * Since: 0.1
 */
GPtrArray *
atomr_view_scene_diff (AtomrViewScene *self,
                       AtomrViewScene *new_scene)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (new_scene != NULL, NULL);

  return atomr_view_diff_nodes (self->root, new_scene->root);
}

/**
 * atomr_view_scene_apply:
 * @self: a scene
 * @patches: (element-type AtomrViewPatch): the patches to carry out, in order
 * @error: return location for a #GError
 *
 * Carries out @patches on @self and returns the result; @self does not
 * change. The new tree shares every subtree that no patch touches.
 *
 * Each patch costs O(depth) to find its node, plus moving the later siblings
 * of an insert or remove along. A patch list that does not fit the tree fails
 * in the [error@SceneError] domain, naming the patch:
 * %ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH for a path that leads nowhere, an
 * index out of range or a missing prop to unset;
 * %ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY when a patch would give two siblings
 * the same key; or the limit errors. Nothing is half applied.
 *
 * Returns: (transfer full) (nullable): the patched scene, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_scene_apply (AtomrViewScene *self,
                        GPtrArray      *patches,
                        GError        **error)
{
  AtomrViewNode *root;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (patches != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = atomr_view_apply_patches (self->root, patches, error);
  return root != NULL ? scene_new_take (root) : NULL;
}
