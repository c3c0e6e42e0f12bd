/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-apply-private.h"
#include "atomr-view-node-private.h"
#include "atomr-view-patch-private.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-scene-place-private.h"
#include "atomr-view-vocabulary-private.h"

/* Patches edit drafts: mutable copies of the nodes on the paths they touch.
 * Everything else stays the original, shared node. When all patches fit,
 * the drafts become new immutable nodes bottom-up; when one does not, the
 * drafts are dropped and the tree is as it was. */

typedef struct _Draft Draft;

typedef struct
{
  AtomrViewNode *node;    /* borrowed from the tree or a patch */
  Draft         *draft;   /* owned; when set it stands for the node */
} Slot;

struct _Draft
{
  const char *kind;
  const char *key;        /* borrowed */
  GArray     *props;      /* AtomrViewProp, values and texts borrowed */
  GArray     *children;   /* Slot */
  GHashTable *keys;       /* the children's keys, made when first needed */
};

static void draft_free (Draft *draft);

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->draft, draft_free);
}

static void
draft_free (Draft *draft)
{
  g_array_unref (draft->props);
  g_array_unref (draft->children);
  g_clear_pointer (&draft->keys, g_hash_table_unref);
  g_free (draft);
}

static const char *
slot_key (Slot *slot)
{
  return slot->draft != NULL ? slot->draft->key : slot->node->key;
}

static Draft *
slot_draft (Slot *slot)
{
  AtomrViewNode *node = slot->node;
  Draft *draft;

  if (slot->draft != NULL)
    return slot->draft;
  draft = g_new0 (Draft, 1);
  draft->kind = node->kind;
  draft->key = node->key;
  draft->props = g_array_sized_new (FALSE, FALSE, sizeof (AtomrViewProp), node->n_props);
  for (guint i = 0; i < node->n_props; i++)
    {
      /* A text prop's value may be made on another thread meanwhile: not read. */
      AtomrViewProp prop = { node->props[i].name, NULL, node->props[i].text };

      if (prop.text == NULL)
        prop.value = node->props[i].value;
      g_array_append_val (draft->props, prop);
    }
  draft->children = g_array_sized_new (FALSE, TRUE, sizeof (Slot), node->n_children);
  g_array_set_clear_func (draft->children, (GDestroyNotify) slot_clear);
  g_array_set_size (draft->children, node->n_children);
  for (guint i = 0; i < node->n_children; i++)
    g_array_index (draft->children, Slot, i).node = node->children[i];
  slot->draft = draft;
  return draft;
}

static GHashTable *
draft_keys (Draft *draft)
{
  if (draft->keys == NULL)
    {
      draft->keys = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < draft->children->len; i++)
        {
          const char *key = slot_key (&g_array_index (draft->children, Slot, i));

          if (key != NULL)
            g_hash_table_add (draft->keys, (gpointer) key);
        }
    }
  return draft->keys;
}

typedef struct
{
  Slot       root;
  const char *place;     /* "patches[N]" of the patch being applied */
  GError    **error;
} Applier;

static gboolean
no_such_child (Applier     *applier,
               const guint *path,
               guint        depth,
               guint        n_children)
{
  g_autofree char *parent = atomr_view_format_path (path, depth);

  atomr_view_set_error_at (applier->error, ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH, applier->place,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "the node at %s has %u child; there is no child %u",
                                        "the node at %s has %u children; there is no child %u",
                                        n_children),
                           parent, n_children, path[depth]);
  return FALSE;
}

/* The slot at the first @depth indices of @path, drafting the nodes on the
 * way; NULL with an error if the path leads nowhere. */
static Slot *
resolve (Applier     *applier,
         const guint *path,
         guint        depth)
{
  Slot *slot = &applier->root;

  for (guint i = 0; i < depth; i++)
    {
      Draft *draft = slot_draft (slot);

      if (path[i] >= draft->children->len)
        {
          no_such_child (applier, path, i, draft->children->len);
          return NULL;
        }
      slot = &g_array_index (draft->children, Slot, path[i]);
    }
  return slot;
}

static gboolean
check_new_key (Applier        *applier,
               Draft          *parent,
               AtomrViewPatch *patch,
               const char     *key)
{
  g_autofree char *parent_path = NULL;

  if (key == NULL || !g_hash_table_contains (draft_keys (parent), key))
    return TRUE;
  parent_path = atomr_view_format_path (patch->path, patch->path_length - 1);
  atomr_view_set_error_at (applier->error, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY, applier->place,
                           _("the node at %s already has a child with key “%s”"),
                           parent_path, key);
  return FALSE;
}

static gboolean
apply_one (Applier        *applier,
           AtomrViewPatch *patch)
{
  guint last = patch->path_length > 0 ? patch->path[patch->path_length - 1] : 0;
  Slot *parent_slot;
  Slot *slot;
  Draft *parent;
  Draft *draft;
  Slot moved;

  switch (patch->op)
    {
    case ATOMR_VIEW_PATCH_OP_INSERT:
      if ((parent_slot = resolve (applier, patch->path, patch->path_length - 1)) == NULL)
        return FALSE;
      parent = slot_draft (parent_slot);
      if (last > parent->children->len)
        {
          g_autofree char *parent_path = atomr_view_format_path (patch->path, patch->path_length - 1);

          atomr_view_set_error_at (applier->error, ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
                                   applier->place,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "the node at %s has %u child; cannot insert at %u",
                                                "the node at %s has %u children; cannot insert at %u",
                                                parent->children->len),
                                   parent_path, parent->children->len, last);
          return FALSE;
        }
      if (!check_new_key (applier, parent, patch, patch->node->key))
        return FALSE;
      if (patch->node->key != NULL)
        g_hash_table_add (parent->keys, (gpointer) patch->node->key);
      g_array_insert_val (parent->children, last, ((Slot) { patch->node, NULL }));
      return TRUE;

    case ATOMR_VIEW_PATCH_OP_REMOVE:
    case ATOMR_VIEW_PATCH_OP_MOVE:
      if ((parent_slot = resolve (applier, patch->path, patch->path_length - 1)) == NULL)
        return FALSE;
      parent = slot_draft (parent_slot);
      if (last >= parent->children->len)
        return no_such_child (applier, patch->path, patch->path_length - 1, parent->children->len);
      if (patch->op == ATOMR_VIEW_PATCH_OP_REMOVE)
        {
          const char *key = slot_key (&g_array_index (parent->children, Slot, last));

          if (parent->keys != NULL && key != NULL)
            g_hash_table_remove (parent->keys, key);
          g_array_remove_index (parent->children, last);
          return TRUE;
        }
      if (patch->to_index >= parent->children->len)
        {
          g_autofree char *parent_path = atomr_view_format_path (patch->path, patch->path_length - 1);

          atomr_view_set_error_at (applier->error, ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
                                   applier->place,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "the node at %s has %u child; cannot move to %u",
                                                "the node at %s has %u children; cannot move to %u",
                                                parent->children->len),
                                   parent_path, parent->children->len, patch->to_index);
          return FALSE;
        }
      /* Take the slot out without freeing its draft, then put it back. */
      moved = g_array_index (parent->children, Slot, last);
      g_array_index (parent->children, Slot, last).draft = NULL;
      g_array_remove_index (parent->children, last);
      g_array_insert_val (parent->children, patch->to_index, moved);
      return TRUE;

    case ATOMR_VIEW_PATCH_OP_SET_PROP:
    case ATOMR_VIEW_PATCH_OP_UNSET_PROP:
      {
        AtomrViewProp prop = { patch->name, patch->value };
        guint low = 0;
        guint high;

        if ((slot = resolve (applier, patch->path, patch->path_length)) == NULL)
          return FALSE;
        draft = slot_draft (slot);
        if (patch->op == ATOMR_VIEW_PATCH_OP_SET_PROP)
          {
            g_autofree char *value_place = g_strdup_printf ("%s.value", applier->place);

            if (!atomr_view_vocabulary_check_prop (draft->kind, patch->name, patch->value,
                                                   value_place, applier->error))
              return FALSE;
          }
        high = draft->props->len;
        while (low < high)
          {
            guint middle = low + (high - low) / 2;

            if (strcmp (g_array_index (draft->props, AtomrViewProp, middle).name, patch->name) < 0)
              low = middle + 1;
            else
              high = middle;
          }
        if (low < draft->props->len &&
            g_array_index (draft->props, AtomrViewProp, low).name == patch->name)
          {
            if (patch->op == ATOMR_VIEW_PATCH_OP_SET_PROP)
              g_array_index (draft->props, AtomrViewProp, low) = prop;
            else
              g_array_remove_index (draft->props, low);
          }
        else if (patch->op == ATOMR_VIEW_PATCH_OP_SET_PROP)
          g_array_insert_val (draft->props, low, prop);
        else
          {
            g_autofree char *node_path = atomr_view_format_path (patch->path, patch->path_length);

            atomr_view_set_error_at (applier->error, ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
                                     applier->place, _("the node at %s has no prop “%s”"),
                                     node_path, patch->name);
            return FALSE;
          }
        return TRUE;
      }

    case ATOMR_VIEW_PATCH_OP_REPLACE:
      if (patch->path_length == 0)
        slot = &applier->root;
      else
        {
          const char *old_key;

          if ((parent_slot = resolve (applier, patch->path, patch->path_length - 1)) == NULL)
            return FALSE;
          parent = slot_draft (parent_slot);
          if (last >= parent->children->len)
            return no_such_child (applier, patch->path, patch->path_length - 1,
                                  parent->children->len);
          slot = &g_array_index (parent->children, Slot, last);
          old_key = slot_key (slot);
          if (old_key != NULL)
            g_hash_table_remove (draft_keys (parent), old_key);
          if (!check_new_key (applier, parent, patch, patch->node->key))
            return FALSE;
          if (patch->node->key != NULL)
            g_hash_table_add (parent->keys, (gpointer) patch->node->key);
        }
      slot_clear (slot);
      slot->node = patch->node;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* The immutable node for @slot, or NULL with an error if it breaks a limit. */
static AtomrViewNode *
freeze (Slot    *slot,
        GError **error)
{
  Draft *draft = slot->draft;
  g_autofree AtomrViewNode **children = NULL;
  g_autofree AtomrViewProp *props = NULL;
  AtomrViewNode *node;
  AtomrViewNodeProblem problem;

  if (draft == NULL)
    return atomr_view_node_ref (slot->node);

  children = g_new (AtomrViewNode *, MAX (draft->children->len, 1));
  for (guint i = 0; i < draft->children->len; i++)
    {
      children[i] = freeze (&g_array_index (draft->children, Slot, i), error);
      if (children[i] == NULL)
        {
          while (i-- > 0)
            atomr_view_node_unref (children[i]);
          return NULL;
        }
    }
  props = g_new (AtomrViewProp, MAX (draft->props->len, 1));
  for (guint i = 0; i < draft->props->len; i++)
    {
      props[i] = g_array_index (draft->props, AtomrViewProp, i);
      /* The node copies a text; a value it takes. */
      if (props[i].text == NULL)
        g_variant_ref (props[i].value);
    }
  node = atomr_view_node_new_take (draft->kind, draft->key, props, draft->props->len,
                                   children, draft->children->len);
  /* Keys were checked patch by patch; what is left to check is the limits. */
  problem = atomr_view_node_check_limits (node);
  if (problem != ATOMR_VIEW_NODE_OK)
    {
      atomr_view_node_problem_set_error (node, problem, 0, "", error);
      atomr_view_node_unref (node);
      return NULL;
    }
  return node;
}

AtomrViewNode *
atomr_view_apply_patches (AtomrViewNode *root,
                          GPtrArray     *patches,
                          GError       **error)
{
  Applier applier = { { root, NULL }, NULL, error };
  AtomrViewNode *result = NULL;
  guint i;

  for (i = 0; i < patches->len; i++)
    {
      g_autofree char *place = g_strdup_printf ("patches[%u]", i);

      applier.place = place;
      if (!apply_one (&applier, g_ptr_array_index (patches, i)))
        break;
    }
  if (i == patches->len)
    result = freeze (&applier.root, error);
  slot_clear (&applier.root);
  return result;
}
