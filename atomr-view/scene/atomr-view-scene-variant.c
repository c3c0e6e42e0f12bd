/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-node-private.h"
#include "atomr-view-patch-private.h"
#include "atomr-view-prop-value-private.h"
#include "atomr-view-scene.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-scene-place-private.h"
#include "atomr-view-scene-variant-private.h"
#include "atomr-view-vocabulary-private.h"

/* -- writing ------------------------------------------------------------- */

/* Made value by value rather than with format strings, which cost more
 * than the rest of encoding: regions send their scenes many times a second. */
static void
add_entries (GPtrArray     *entries,
             AtomrViewNode *node)
{
  g_autofree GVariant **props = g_new (GVariant *, MAX (node->n_props, 1));
  GVariant *fields[4];

  for (guint i = 0; i < node->n_props; i++)
    {
      AtomrViewProp *prop = &node->props[i];
      /* Kept text goes into the encoding without a value made and left in the node. */
      GVariant *value = prop->text != NULL ? g_variant_new_string (prop->text) : prop->value;

      props[i] = g_variant_new_dict_entry (g_variant_new_string (prop->name), g_variant_new_variant (value));
    }
  fields[0] = g_variant_new_string (node->kind);
  fields[1] = g_variant_new_maybe (G_VARIANT_TYPE_STRING,
                                   node->key != NULL ? g_variant_new_string (node->key) : NULL);
  fields[2] = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), props, node->n_props);
  fields[3] = g_variant_new_uint32 (node->n_children);
  g_ptr_array_add (entries, g_variant_new_tuple (fields, G_N_ELEMENTS (fields)));
  for (guint i = 0; i < node->n_children; i++)
    add_entries (entries, node->children[i]);
}

static GVariant *
encode_entries (AtomrViewNode *node)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  if (node != NULL)
    add_entries (entries, node);
  return g_variant_new_array (G_VARIANT_TYPE ("(smsa{sv}u)"), (GVariant **) entries->pdata, entries->len);
}

GVariant *
atomr_view_variant_encode_node (AtomrViewNode *node)
{
  return g_variant_ref_sink (g_variant_new ("(u@" ATOMR_VIEW_NODE_ENTRIES_TYPE_STRING ")",
                                            ATOMR_VIEW_SCENE_FORMAT_VERSION,
                                            encode_entries (node)));
}

GVariant *
atomr_view_variant_encode_patches (GPtrArray *patches)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sauumsmva(smsa{sv}u))"));
  for (guint i = 0; i < patches->len; i++)
    {
      AtomrViewPatch *patch = g_ptr_array_index (patches, i);

      g_variant_builder_add (&builder, "(s@auums@mv@" ATOMR_VIEW_NODE_ENTRIES_TYPE_STRING ")",
                             atomr_view_patch_op_to_string (patch->op),
                             g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, patch->path,
                                                        patch->path_length, sizeof (guint32)),
                             patch->to_index,
                             patch->name,
                             g_variant_new_maybe (G_VARIANT_TYPE_VARIANT,
                                                  patch->value != NULL
                                                  ? g_variant_new_variant (patch->value)
                                                  : NULL),
                             encode_entries (patch->node));
    }
  return g_variant_ref_sink (g_variant_new ("(u@a(sauumsmva(smsa{sv}u)))",
                                            ATOMR_VIEW_SCENE_FORMAT_VERSION,
                                            g_variant_builder_end (&builder)));
}

/* -- reading ------------------------------------------------------------- */

typedef struct
{
  const char *kind;       /* interned */
  const char *key;        /* points into the entries */
  GArray     *props;      /* AtomrViewProp */
  GPtrArray  *children;
  guint       n_children; /* as the entry says */
} Frame;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->props, g_array_unref);
  g_clear_pointer (&frame->children, g_ptr_array_unref);
}

static int
compare_props (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const AtomrViewProp *) a)->name, ((const AtomrViewProp *) b)->name);
}

static char *
place_with (AtomrViewPlace *place,
            const char     *name)
{
  char *where;

  atomr_view_place_push_name (place, name);
  where = atomr_view_place_to_string (place);
  atomr_view_place_pop (place);
  return where;
}

static GArray *
read_props (AtomrViewPlace *place,
            const char     *kind,
            GVariant       *dictionary,
            GError        **error)
{
  g_autoptr(GArray) props = g_array_new (FALSE, FALSE, sizeof (AtomrViewProp));
  GVariantIter iter;
  GVariant *item;

  g_array_set_clear_func (props, (GDestroyNotify) atomr_view_prop_clear);
  atomr_view_place_push_name (place, "props");
  g_variant_iter_init (&iter, dictionary);
  /* Child by child rather than with format strings: a decoder reads many
   * scenes a second, and "&" formats would serialise each entry first. */
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) entry = item;
      g_autoptr(GVariant) name_variant = g_variant_get_child_value (entry, 0);
      g_autoptr(GVariant) boxed = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) value = g_variant_get_variant (boxed);
      const char *name = g_variant_get_string (name_variant, NULL);
      AtomrViewProp prop = { NULL, g_variant_get_normal_form (value), NULL };
      const char *interned;

      g_array_append_val (props, prop);
      /* Places are formatted only for an error: scenes cross threads many times a second. */
      if (!atomr_view_prop_name_validate (name, NULL, NULL))
        {
          g_autofree char *where = atomr_view_place_to_string (place);

          atomr_view_prop_name_validate (name, where, error);
          return NULL;
        }
      interned = g_intern_string (name);
      if (!atomr_view_prop_value_validate (prop.value, NULL, NULL) ||
          !atomr_view_vocabulary_check_prop (kind, interned, prop.value, NULL, NULL))
        {
          g_autofree char *value_place = place_with (place, name);

          if (atomr_view_prop_value_validate (prop.value, value_place, error))
            atomr_view_vocabulary_check_prop (kind, interned, prop.value, value_place, error);
          return NULL;
        }
      g_array_index (props, AtomrViewProp, props->len - 1).name = interned;
    }
  g_array_sort (props, compare_props);
  for (guint i = 1; i < props->len; i++)
    if (g_array_index (props, AtomrViewProp, i - 1).name == g_array_index (props, AtomrViewProp, i).name)
      {
        atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                    _("the prop “%s” appears twice"),
                                    g_array_index (props, AtomrViewProp, i).name);
        return NULL;
      }
  atomr_view_place_pop (place);
  return g_steal_pointer (&props);
}

/* Decodes a pre-order entry list; @place names the root and is left as it was
 * on success. */
static AtomrViewNode *
read_entries (AtomrViewPlace *place,
              GVariant       *entries,
              GError        **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  gsize n_entries = g_variant_n_children (entries);
  guint root_segments = place->segments->len;

  g_array_set_clear_func (stack, (GDestroyNotify) frame_clear);
  if (n_entries == 0)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("the tree has no nodes"));
      return NULL;
    }
  if (n_entries > ATOMR_VIEW_SCENE_MAX_NODES)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_TOO_LARGE,
                                  _("the tree has more than %u nodes"),
                                  ATOMR_VIEW_SCENE_MAX_NODES);
      return NULL;
    }

  for (gsize e = 0; e < n_entries; e++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (entries, e);
      g_autoptr(GVariant) kind_variant = g_variant_get_child_value (entry, 0);
      g_autoptr(GVariant) maybe_key = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) key_variant = g_variant_get_maybe (maybe_key);
      g_autoptr(GVariant) dictionary = g_variant_get_child_value (entry, 2);
      g_autoptr(GVariant) n_children = g_variant_get_child_value (entry, 3);
      g_autofree char *where = NULL;
      const char *kind = g_variant_get_string (kind_variant, NULL);
      /* Both point into the entries, which outlive the loop. */
      const char *key = key_variant != NULL ? g_variant_get_string (key_variant, NULL) : NULL;
      Frame frame = { NULL, };

      frame.n_children = g_variant_get_uint32 (n_children);
      if (stack->len > 0)
        {
          Frame *parent = &g_array_index (stack, Frame, stack->len - 1);

          atomr_view_place_push_name (place, "children");
          atomr_view_place_push_index (place, parent->children->len);
        }

      if (!atomr_view_kind_validate (kind, NULL, NULL))
        {
          where = place_with (place, "kind");
          atomr_view_kind_validate (kind, where, error);
          return NULL;
        }
      if (!atomr_view_key_validate (key, NULL, NULL))
        {
          where = place_with (place, "key");
          atomr_view_key_validate (key, where, error);
          return NULL;
        }
      if (stack->len + 1 > ATOMR_VIEW_SCENE_MAX_DEPTH)
        {
          atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                                      _("the tree is deeper than %u levels"),
                                      ATOMR_VIEW_SCENE_MAX_DEPTH);
          return NULL;
        }
      if (frame.n_children > n_entries - e - 1)
        {
          atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                      _("the node has more children (%u) than there are nodes "
                                        "after it (%lu)"),
                                      frame.n_children, (gulong) (n_entries - e - 1));
          return NULL;
        }

      frame.kind = g_intern_string (kind);
      frame.props = read_props (place, frame.kind, dictionary, error);
      if (frame.props == NULL)
        return NULL;
      frame.key = key;
      frame.children = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);
      g_array_append_val (stack, frame);

      /* Finish every frame whose children are all there, innermost first. */
      for (;;)
        {
          Frame *top = &g_array_index (stack, Frame, stack->len - 1);
          AtomrViewNode *node;
          AtomrViewNodeProblem problem;
          guint duplicate = 0;

          if (top->children->len < top->n_children)
            break;

          node = atomr_view_node_new_take (top->kind, top->key,
                                           (const AtomrViewProp *) top->props->data, top->props->len,
                                           (AtomrViewNode **) top->children->pdata, top->children->len);
          g_array_set_clear_func (top->props, NULL);
          g_ptr_array_set_free_func (top->children, NULL);
          problem = atomr_view_node_check (node, &duplicate);
          if (problem != ATOMR_VIEW_NODE_OK)
            {
              g_autofree char *node_place = atomr_view_place_to_string (place);

              atomr_view_node_problem_set_error (node, problem, duplicate, node_place, error);
              atomr_view_node_unref (node);
              return NULL;
            }
          g_array_set_size (stack, stack->len - 1);

          if (stack->len == 0)
            {
              if (e + 1 < n_entries)
                {
                  atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                              _("nodes follow the end of the tree (%lu more)"),
                                              (gulong) (n_entries - e - 1));
                  atomr_view_node_unref (node);
                  return NULL;
                }
              g_assert (place->segments->len == root_segments);
              return node;
            }
          atomr_view_place_pop (place);
          atomr_view_place_pop (place);
          g_ptr_array_add (g_array_index (stack, Frame, stack->len - 1).children, node);
        }
    }

  /* The entries ran out with nodes still waiting for children; the place is
   * the innermost of them. */
  atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                              _("the list of nodes ends before the last child of this node"));
  return NULL;
}

static gboolean
check_type (GVariant   *variant,
            const char *type,
            GError    **error)
{
  guint32 version;

  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (type)))
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, NULL,
                               _("expected a value of type %s, not %s"),
                               type, g_variant_get_type_string (variant));
      return FALSE;
    }
  g_variant_get_child (variant, 0, "u", &version);
  if (version != ATOMR_VIEW_SCENE_FORMAT_VERSION)
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, NULL,
                               _("format version %u is not supported; this library reads version %u"),
                               version, ATOMR_VIEW_SCENE_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

AtomrViewNode *
atomr_view_variant_decode_node (GVariant *variant,
                                GError  **error)
{
  g_autoptr(GVariant) entries = NULL;
  AtomrViewPlace place;
  AtomrViewNode *node;

  if (!check_type (variant, ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING, error))
    return NULL;
  entries = g_variant_get_child_value (variant, 1);
  atomr_view_place_init (&place);
  node = read_entries (&place, entries, error);
  atomr_view_place_clear (&place);
  return node;
}

static AtomrViewPatch *
read_patch (AtomrViewPlace *place,
            GVariant       *entry,
            GError        **error)
{
  g_autoptr(GVariant) path_variant = NULL;
  g_autoptr(GVariant) maybe_value = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GVariant) entries = NULL;
  g_autoptr(AtomrViewNode) node = NULL;
  const char *op_name;
  const char *name;
  const guint32 *path;
  gsize path_length;
  guint32 to_index;
  AtomrViewPatchOp op;
  gboolean wants_node;
  gboolean wants_name;

  g_variant_get (entry, "(&s@auum&s@mv@" ATOMR_VIEW_NODE_ENTRIES_TYPE_STRING ")",
                 &op_name, &path_variant, &to_index, &name, &maybe_value, &entries);

  if (!atomr_view_patch_op_from_string (op_name, &op))
    {
      atomr_view_place_push_name (place, "op");
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("unknown operation “%s”"), op_name);
      return NULL;
    }

  path = g_variant_get_fixed_array (path_variant, &path_length, sizeof (guint32));
  atomr_view_place_push_name (place, "path");
  if (path_length > ATOMR_VIEW_SCENE_MAX_DEPTH)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                                  _("the path is longer than %u levels"),
                                  ATOMR_VIEW_SCENE_MAX_DEPTH);
      return NULL;
    }
  if (path_length == 0 &&
      (op == ATOMR_VIEW_PATCH_OP_INSERT || op == ATOMR_VIEW_PATCH_OP_REMOVE ||
       op == ATOMR_VIEW_PATCH_OP_MOVE))
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("the root cannot be inserted, removed or moved; "
                                    "the path must not be empty"));
      return NULL;
    }
  atomr_view_place_pop (place);

  /* Fields an operation does not use must be empty, so that each patch list
   * has exactly one encoding. */
  wants_node = op == ATOMR_VIEW_PATCH_OP_INSERT || op == ATOMR_VIEW_PATCH_OP_REPLACE;
  wants_name = op == ATOMR_VIEW_PATCH_OP_SET_PROP || op == ATOMR_VIEW_PATCH_OP_UNSET_PROP;
  if (op != ATOMR_VIEW_PATCH_OP_MOVE && to_index != 0)
    {
      atomr_view_place_push_name (place, "to");
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("only a move has a target index"));
      return NULL;
    }
  if (wants_name != (name != NULL))
    {
      atomr_view_place_push_name (place, "name");
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  wants_name ? _("missing the prop name")
                                             : _("only set-prop and unset-prop have a prop name"));
      return NULL;
    }
  if ((op == ATOMR_VIEW_PATCH_OP_SET_PROP) != (g_variant_n_children (maybe_value) == 1))
    {
      atomr_view_place_push_name (place, "value");
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  op == ATOMR_VIEW_PATCH_OP_SET_PROP
                                  ? _("missing the value")
                                  : _("only set-prop has a value"));
      return NULL;
    }
  if (!wants_node && g_variant_n_children (entries) > 0)
    {
      atomr_view_place_push_name (place, "node");
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("only insert and replace have a node"));
      return NULL;
    }

  if (wants_name)
    {
      g_autofree char *where = place_with (place, "name");

      if (!atomr_view_prop_name_validate (name, where, error))
        return NULL;
      name = g_intern_string (name);
    }
  if (op == ATOMR_VIEW_PATCH_OP_SET_PROP)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (maybe_value, 0);
      g_autoptr(GVariant) inner = g_variant_get_variant (boxed);
      g_autofree char *where = place_with (place, "value");

      value = g_variant_get_normal_form (inner);
      if (!atomr_view_prop_value_validate (value, where, error))
        return NULL;
    }
  if (wants_node)
    {
      atomr_view_place_push_name (place, "node");
      node = read_entries (place, entries, error);
      if (node == NULL)
        return NULL;
      atomr_view_place_pop (place);
    }

  return atomr_view_patch_new_internal (op, path, path_length, op == ATOMR_VIEW_PATCH_OP_MOVE ? to_index : 0,
                                        name, value, node);
}

GPtrArray *
atomr_view_variant_decode_patches (GVariant *variant,
                                   GError  **error)
{
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  AtomrViewPlace place;
  gsize n_patches;

  if (!check_type (variant, ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING, error))
    return NULL;
  list = g_variant_get_child_value (variant, 1);
  n_patches = g_variant_n_children (list);
  patches = atomr_view_patch_list_new ();
  atomr_view_place_init (&place);
  atomr_view_place_push_name (&place, "patches");
  for (gsize i = 0; i < n_patches; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (list, i);
      AtomrViewPatch *patch;

      atomr_view_place_push_index (&place, (guint) i);
      patch = read_patch (&place, entry, error);
      if (patch == NULL)
        {
          atomr_view_place_clear (&place);
          return NULL;
        }
      atomr_view_place_pop (&place);
      g_ptr_array_add (patches, patch);
    }
  atomr_view_place_clear (&place);
  return g_steal_pointer (&patches);
}
