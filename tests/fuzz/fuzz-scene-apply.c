/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* apply, driven byte by byte: the input builds a small tree and a list of
 * patches whose paths and indices often fit and sometimes do not. apply
 * either refuses with an error, or gives a tree that round-trips and that
 * the diff rebuilds in both directions. */
#include "fuzz-common.h"

typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         at;
} Input;

static const char * const kinds[] = { "box", "row", "cell", "button" };
static const char * const names[] = { "label", "a", "b", "text" };

/* The next byte modulo @n; 0 once the input is used up. */
static guint
take (Input *input,
      guint  n)
{
  if (input->at >= input->size)
    return 0;
  return input->data[input->at++] % n;
}

static GVariant *
make_value (Input *input)
{
  switch (take (input, 5))
    {
    case 0:
      return g_variant_new_string (take (input, 2) ? "x" : "y");
    case 1:
      return g_variant_new_int32 ((gint32) take (input, 4));
    case 2:
      return g_variant_new_double (take (input, 4) / 2.0);
    case 3:
      return g_variant_new_boolean (take (input, 2));
    default:
      return g_variant_new ("(dd)", 1.0, (double) take (input, 3));
    }
}

/* A node, or NULL when the bytes ask for one the rules refuse (two
 * siblings with one key, a button whose label is not a string). */
static AtomrViewNode *
make_node (Input *input,
           guint  depth)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (kinds[take (input, 4)]);
  guint key = take (input, 6);
  guint n_props = take (input, 3);
  guint n_children = depth < 4 ? take (input, 4) : 0;

  if (key > 0)
    {
      g_autofree char *text = g_strdup_printf ("k%u", key % 5);

      atomr_view_node_builder_set_key (builder, text);
    }
  for (guint i = 0; i < n_props; i++)
    atomr_view_node_builder_set_prop (builder, names[take (input, 4)], make_value (input));
  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(AtomrViewNode) child = make_node (input, depth + 1);

      if (child != NULL)
        atomr_view_node_builder_add_child (builder, child);
    }
  return atomr_view_node_builder_build (builder, NULL);
}

static AtomrViewNode *
make_node_or_leaf (Input *input)
{
  AtomrViewNode *node = make_node (input, 2);

  return node != NULL ? node : atomr_view_node_new ("cell", NULL, NULL, NULL, 0, NULL);
}

static AtomrViewPatch *
make_patch (Input *input)
{
  AtomrViewPatchOp op = take (input, 6);
  guint path[4];
  guint length = take (input, 4);
  g_autoptr(AtomrViewNode) node = NULL;

  if (length == 0 && (op == ATOMR_VIEW_PATCH_OP_INSERT || op == ATOMR_VIEW_PATCH_OP_REMOVE ||
                      op == ATOMR_VIEW_PATCH_OP_MOVE))
    length = 1;
  for (guint i = 0; i < length; i++)
    path[i] = take (input, 6);

  switch (op)
    {
    case ATOMR_VIEW_PATCH_OP_INSERT:
      node = make_node_or_leaf (input);
      return atomr_view_patch_new_insert (path, length, node);
    case ATOMR_VIEW_PATCH_OP_REMOVE:
      return atomr_view_patch_new_remove (path, length);
    case ATOMR_VIEW_PATCH_OP_MOVE:
      return atomr_view_patch_new_move (path, length, take (input, 6));
    case ATOMR_VIEW_PATCH_OP_SET_PROP:
      return atomr_view_patch_new_set_prop (path, length, names[take (input, 4)], make_value (input));
    case ATOMR_VIEW_PATCH_OP_UNSET_PROP:
      return atomr_view_patch_new_unset_prop (path, length, names[take (input, 4)]);
    case ATOMR_VIEW_PATCH_OP_REPLACE:
    default:
      node = make_node_or_leaf (input);
      return atomr_view_patch_new_replace (path, length, node);
    }
}

/* diff and apply agree: the patches from @from to @to rebuild @to. */
static void
check_diff (AtomrViewScene *from,
            AtomrViewScene *to)
{
  g_autoptr(GPtrArray) patches = atomr_view_scene_diff (from, to);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewScene) rebuilt = atomr_view_scene_apply (from, patches, &error);

  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (rebuilt != NULL && atomr_view_scene_equal (rebuilt, to));
  fuzz_check_patch_round_trips (patches);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input input = { data, size, 0 };
  g_autoptr(AtomrViewNode) root = make_node (&input, 0);
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(AtomrViewScene) result = NULL;
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (root == NULL)
    root = atomr_view_node_new ("box", NULL, NULL, NULL, 0, NULL);
  scene = atomr_view_scene_new (root);
  while (input.at < input.size && patches->len < 64)
    g_ptr_array_add (patches, make_patch (&input));
  fuzz_check_patch_round_trips (patches);

  before = atomr_view_scene_to_json (scene, FALSE);
  result = atomr_view_scene_apply (scene, patches, &error);
  after = atomr_view_scene_to_json (scene, FALSE);
  FUZZ_CHECK (g_str_equal (before, after));
  if (result == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == ATOMR_VIEW_SCENE_ERROR);
      return 0;
    }
  fuzz_check_scene_round_trips (result);
  check_diff (scene, result);
  check_diff (result, scene);
  return 0;
}
