/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-enum-types.h"
#include "atomr-view-node-private.h"
#include "atomr-view-patch-private.h"
#include "atomr-view-prop-value-private.h"
#include "atomr-view-scene-json-private.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-scene-variant-private.h"

/**
 * AtomrViewPatch:
 *
 * One step that turns a scene tree into the next one; [method@Scene.diff]
 * makes lists of them and [method@Scene.apply] carries them out.
 *
 * A patch addresses a node by its path: the child indices from the root down,
 * so `[]` is the root, `[2]` its third child and `[2, 0]` that child's first
 * child. The patches of a list are carried out one after the other, and each
 * path is read against the tree as the patches before it left it. Finding a
 * node therefore costs O(depth), never a search of the tree.
 *
 * - insert (`path`, `node`): the new node ends up at `path`; its index may be
 *   the parent's number of children, to append.
 * - remove (`path`): the node at `path` goes, with its subtree.
 * - move (`path`, `to-index`): the node at `path` is taken out and put back
 *   among the same siblings so that it ends up at index `to-index`, counted in
 *   the final order. The node keeps its identity: a backend moves its widget,
 *   it does not make a new one.
 * - set-prop (`path`, `name`, `value`) and unset-prop (`path`, `name`): change
 *   one prop of the node at `path`; unset-prop needs the prop to be there.
 * - replace (`path`, `node`): the node at `path` and its subtree give way to
 *   `node`; the only patch that may address the root.
 *
 * The [scenes page](scenes.html) describes the order in which the diff lists
 * them.
 *
 * Thread rule: any thread. Patches are immutable and their reference count is
 * atomic.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (AtomrViewPatch, atomr_view_patch, atomr_view_patch_ref, atomr_view_patch_unref)

AtomrViewPatch *
atomr_view_patch_new_internal (AtomrViewPatchOp  op,
                               const guint      *path,
                               guint             path_length,
                               guint             to_index,
                               const char       *name,
                               GVariant         *value,
                               AtomrViewNode    *node)
{
  AtomrViewPatch *self = g_malloc (sizeof (AtomrViewPatch) + path_length * sizeof (guint));

  atomr_view_ref_count_init (&self->ref_count);
  self->op = op;
  self->to_index = to_index;
  self->path_length = path_length;
  self->name = name;
  self->value = value != NULL ? g_variant_ref_sink (value) : NULL;
  self->node = node != NULL ? atomr_view_node_ref (node) : NULL;
  if (path_length > 0)
    memcpy (self->path, path, path_length * sizeof (guint));
  return self;
}

GPtrArray *
atomr_view_patch_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
}

/* The nicks of the registered enum are the names in both codecs. */
static GEnumClass *
patch_op_class (void)
{
  static GEnumClass *enum_class;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      enum_class = g_type_class_ref (ATOMR_VIEW_TYPE_PATCH_OP);
      g_once_init_leave (&initialized, 1);
    }
  return enum_class;
}

const char *
atomr_view_patch_op_to_string (AtomrViewPatchOp op)
{
  GEnumValue *value = g_enum_get_value (patch_op_class (), op);

  g_assert (value != NULL);
  return value->value_nick;
}

gboolean
atomr_view_patch_op_from_string (const char       *nick,
                                 AtomrViewPatchOp *op)
{
  GEnumValue *value = g_enum_get_value_by_nick (patch_op_class (), nick);

  if (value == NULL)
    return FALSE;
  *op = value->value;
  return TRUE;
}

#define PATH_PRECONDITIONS(min_length)                                          \
  g_return_val_if_fail (path != NULL || path_length == 0, NULL);                \
  g_return_val_if_fail (path_length + 1 > (min_length), NULL);                  \
  g_return_val_if_fail (path_length <= ATOMR_VIEW_SCENE_MAX_DEPTH, NULL)

/**
 * atomr_view_patch_new_insert:
 * @path: (array length=path_length): where the node ends up; not empty
 * @path_length: the number of indices in @path
 * @node: the node to insert
 *
 * Makes a patch that inserts @node so that it ends up at @path.
 *
 * Returns: (transfer full): a new patch
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_new_insert (const guint   *path,
                             gsize          path_length,
                             AtomrViewNode *node)
{
  PATH_PRECONDITIONS (1);
  g_return_val_if_fail (node != NULL, NULL);

  return atomr_view_patch_new_internal (ATOMR_VIEW_PATCH_OP_INSERT, path, path_length, 0,
                                        NULL, NULL, node);
}

/**
 * atomr_view_patch_new_remove:
 * @path: (array length=path_length): the node to remove; not empty
 * @path_length: the number of indices in @path
 *
 * Makes a patch that removes the node at @path with its subtree.
 *
 * Returns: (transfer full): a new patch
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_new_remove (const guint *path,
                             gsize        path_length)
{
  PATH_PRECONDITIONS (1);

  return atomr_view_patch_new_internal (ATOMR_VIEW_PATCH_OP_REMOVE, path, path_length, 0,
                                        NULL, NULL, NULL);
}

/**
 * atomr_view_patch_new_move:
 * @path: (array length=path_length): the node to move; not empty
 * @path_length: the number of indices in @path
 * @to_index: the node's index among its siblings after the move
 *
 * Makes a patch that moves the node at @path among its siblings, keeping its
 * identity, so that it ends up at index @to_index.
 *
 * Returns: (transfer full): a new patch
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_new_move (const guint *path,
                           gsize        path_length,
                           guint        to_index)
{
  PATH_PRECONDITIONS (1);

  return atomr_view_patch_new_internal (ATOMR_VIEW_PATCH_OP_MOVE, path, path_length, to_index,
                                        NULL, NULL, NULL);
}

/**
 * atomr_view_patch_new_set_prop:
 * @path: (array length=path_length) (nullable): the node whose prop to set
 * @path_length: the number of indices in @path
 * @name: a valid prop name
 * @value: the new value, without NaN or subnormal numbers and within
 *   [const@SCENE_MAX_VALUE_DEPTH]; consumed if floating
 *
 * Makes a patch that sets the prop @name of the node at @path to @value.
 *
 * Returns: (transfer full): a new patch
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_new_set_prop (const guint *path,
                               gsize        path_length,
                               const char  *name,
                               GVariant    *value)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) normal = NULL;

  PATH_PRECONDITIONS (0);
  g_return_val_if_fail (name != NULL && atomr_view_name_is_valid (name), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  owned = g_variant_ref_sink (value);
  g_return_val_if_fail (atomr_view_prop_value_validate (owned, NULL, NULL), NULL);
  normal = g_variant_get_normal_form (owned);
  return atomr_view_patch_new_internal (ATOMR_VIEW_PATCH_OP_SET_PROP, path, path_length, 0,
                                        g_intern_string (name), normal, NULL);
}

/**
 * atomr_view_patch_new_unset_prop:
 * @path: (array length=path_length) (nullable): the node whose prop to remove
 * @path_length: the number of indices in @path
 * @name: a valid prop name
 *
 * Makes a patch that removes the prop @name from the node at @path.
 *
 * Returns: (transfer full): a new patch
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_new_unset_prop (const guint *path,
                                 gsize        path_length,
                                 const char  *name)
{
  PATH_PRECONDITIONS (0);
  g_return_val_if_fail (name != NULL && atomr_view_name_is_valid (name), NULL);

  return atomr_view_patch_new_internal (ATOMR_VIEW_PATCH_OP_UNSET_PROP, path, path_length, 0,
                                        g_intern_string (name), NULL, NULL);
}

/**
 * atomr_view_patch_new_replace:
 * @path: (array length=path_length) (nullable): the node to replace; empty
 *   for the root
 * @path_length: the number of indices in @path
 * @node: the node to put in its place
 *
 * Makes a patch that puts @node, with its subtree, in place of the node at
 * @path.
 *
 * Returns: (transfer full): a new patch
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_new_replace (const guint   *path,
                              gsize          path_length,
                              AtomrViewNode *node)
{
  PATH_PRECONDITIONS (0);
  g_return_val_if_fail (node != NULL, NULL);

  return atomr_view_patch_new_internal (ATOMR_VIEW_PATCH_OP_REPLACE, path, path_length, 0,
                                        NULL, NULL, node);
}

/**
 * atomr_view_patch_ref:
 * @self: a patch
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewPatch *
atomr_view_patch_ref (AtomrViewPatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_patch_unref:
 * @self: (transfer full): a patch
 *
 * Releases a reference to @self.
 *
 * Since: 0.1
 */
void
atomr_view_patch_unref (AtomrViewPatch *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->value, g_variant_unref);
  g_clear_pointer (&self->node, atomr_view_node_unref);
  g_free (self);
}

/**
 * atomr_view_patch_get_op:
 * @self: a patch
 *
 * What @self does.
 *
 * Returns: the operation
 *
 * Since: 0.1
 */
AtomrViewPatchOp
atomr_view_patch_get_op (AtomrViewPatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->op;
}

/**
 * atomr_view_patch_get_path:
 * @self: a patch
 * @path_length: (out): return location for the number of indices
 *
 * The node @self is about, as child indices from the root. For insert, remove
 * and move, the parent is the path without its last index and the last index
 * is the position among the parent's children.
 *
 * Returns: (array length=path_length) (transfer none): the path
 *
 * Since: 0.1
 */
const guint *
atomr_view_patch_get_path (AtomrViewPatch *self,
                           gsize          *path_length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path_length != NULL, NULL);

  *path_length = self->path_length;
  return self->path;
}

/**
 * atomr_view_patch_get_to_index:
 * @self: a move patch
 *
 * Where a move puts its node: the node's index among its siblings after the
 * move. 0 for the other operations.
 *
 * Returns: the index after the move
 *
 * Since: 0.1
 */
guint
atomr_view_patch_get_to_index (AtomrViewPatch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->to_index;
}

/**
 * atomr_view_patch_get_name:
 * @self: a patch
 *
 * The prop that a set-prop or unset-prop patch changes.
 *
 * Returns: (transfer none) (nullable): the prop name, or %NULL for other
 *   operations
 *
 * Since: 0.1
 */
const char *
atomr_view_patch_get_name (AtomrViewPatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * atomr_view_patch_get_value:
 * @self: a patch
 *
 * The value that a set-prop patch sets.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL for other operations
 *
 * Since: 0.1
 */
GVariant *
atomr_view_patch_get_value (AtomrViewPatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->value;
}

/**
 * atomr_view_patch_get_node:
 * @self: a patch
 *
 * The node that an insert or replace patch puts in the tree.
 *
 * Returns: (transfer none) (nullable): the node, or %NULL for other operations
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_patch_get_node (AtomrViewPatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->node;
}

/**
 * atomr_view_patch_equal:
 * @a: a patch
 * @b: another patch
 *
 * Compares two patches: operation, path, index, prop name, value and node.
 *
 * Returns: whether @a and @b do the same
 *
 * Since: 0.1
 */
gboolean
atomr_view_patch_equal (AtomrViewPatch *a,
                        AtomrViewPatch *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;
  if (a->op != b->op ||
      a->to_index != b->to_index ||
      a->path_length != b->path_length ||
      a->name != b->name ||
      memcmp (a->path, b->path, a->path_length * sizeof (guint)) != 0)
    return FALSE;
  if ((a->value == NULL) != (b->value == NULL) ||
      (a->value != NULL && !g_variant_equal (a->value, b->value)))
    return FALSE;
  if ((a->node == NULL) != (b->node == NULL) ||
      (a->node != NULL && !atomr_view_node_equal (a->node, b->node)))
    return FALSE;
  return TRUE;
}

/**
 * atomr_view_patch_list_equal:
 * @a: (element-type AtomrViewPatch): a patch list
 * @b: (element-type AtomrViewPatch): another patch list
 *
 * Compares two patch lists patch by patch.
 *
 * Returns: whether @a and @b hold equal patches in the same order
 *
 * Since: 0.1
 */
gboolean
atomr_view_patch_list_equal (GPtrArray *a,
                             GPtrArray *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!atomr_view_patch_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/**
 * atomr_view_patch_list_to_json:
 * @patches: (element-type AtomrViewPatch): a patch list
 * @pretty: whether to indent, one member per line
 *
 * Encodes @patches as a JSON array, in the schema of the scene JSON page.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 0.1
 */
char *
atomr_view_patch_list_to_json (GPtrArray *patches,
                               gboolean   pretty)
{
  GString *out;

  g_return_val_if_fail (patches != NULL, NULL);

  out = g_string_new (NULL);
  atomr_view_json_write_patches (out, patches, pretty);
  return g_string_free (out, FALSE);
}

/**
 * atomr_view_patch_list_from_json:
 * @data: JSON text
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Decodes a patch list written by [func@Patch.list_to_json] or by hand.
 *
 * Bad input fails in the [error@SceneError] domain with a message that names
 * the place, such as `patches[2].node.kind: expected a string`; nothing is
 * returned then.
 *
 * Returns: (transfer container) (element-type AtomrViewPatch) (nullable): the
 *   patches, or %NULL with @error set
 *
 * Since: 0.1
 */
GPtrArray *
atomr_view_patch_list_from_json (const char *data,
                                 gssize      length,
                                 GError    **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return atomr_view_json_decode_patches (data, length, error);
}

/**
 * atomr_view_patch_list_to_variant:
 * @patches: (element-type AtomrViewPatch): a patch list
 *
 * Encodes @patches as a `GVariant` of type
 * [const@PATCH_LIST_VARIANT_TYPE_STRING], for the bridge and the wire.
 *
 * Returns: (transfer full): the encoded list, not floating
 *
 * Since: 0.1
 */
GVariant *
atomr_view_patch_list_to_variant (GPtrArray *patches)
{
  g_return_val_if_fail (patches != NULL, NULL);

  return atomr_view_variant_encode_patches (patches);
}

/**
 * atomr_view_patch_list_from_variant:
 * @variant: a `GVariant`, possibly from untrusted bytes
 * @error: return location for a #GError
 *
 * Decodes a patch list made by [func@Patch.list_to_variant].
 *
 * A value of another type, or one that breaks a rule, fails in the
 * [error@SceneError] domain with a message that names the place.
 *
 * Returns: (transfer container) (element-type AtomrViewPatch) (nullable): the
 *   patches, or %NULL with @error set
 *
 * Since: 0.1
 */
GPtrArray *
atomr_view_patch_list_from_variant (GVariant *variant,
                                    GError  **error)
{
  g_return_val_if_fail (variant != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return atomr_view_variant_decode_patches (variant, error);
}
