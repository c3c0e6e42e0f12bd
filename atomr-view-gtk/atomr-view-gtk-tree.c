/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atomr-view-gtk-kind-private.h"
#include "atomr-view-gtk-row-model-private.h"
#include "atomr-view-gtk-row-private.h"
#include "atomr-view-gtk-tree-private.h"

/* A window's scene as widgets. Each node shown has a mirror: its widget and
 * its children in scene order, so a patch path resolves in O(depth) and a
 * move moves the widget it already has. Rendering goes in three steps:
 * check the nodes that are new (kinds, props, values), without touching a
 * widget; apply the patches; then let each mirror point at its node of the
 * new scene. A node that passed the check is marked (nodes never change),
 * so the check skips every subtree that passed before, on screen or not. */

struct _AtomrViewGtkTree
{
  AtomrViewGtkMirror  *root;
  guint                busy;           /* > 0 while we change widgets: their signals are not the user's */
  gboolean             patching;
  gboolean             reshaped;       /* a patch of this batch inserted, removed, moved or replaced a mirror */
  gboolean             unsynced;       /* a sync found mirrors that do not fit their node: the next is a full one */
  guint                epoch;          /* events reported so far */
  GPtrArray           *dirty_models;   /* AtomrViewGtkRowModel with changes not announced yet */
  GPtrArray           *departed;       /* rows removed while patching, freed once the frame is painted */
  GHashTable          *deferred;       /* GtkListItem bound while patching, to fill afterwards */
  GHashTable          *parked;         /* row mirrors unbound but keeping their widgets for now */
  AtomrViewTemplate   *failing_sample; /* during a check: the last template whose sample failed in it */
  guint                sweep_source;   /* frees the departed rows, lets the parked rows' widgets go */
  AtomrViewGtkEmitFunc emit;
  gpointer             emit_data;
};

static void mirror_free (AtomrViewGtkMirror *mirror);
static void row_detach (AtomrViewGtkMirror *mirror);
static void schedule_sweep (AtomrViewGtkTree *tree);

/* The mark of a node whose subtree passed the check: 0 (nothing is ever
 * marked) if the process ran out of marks. */
static guint
checked_mark (void)
{
  static gsize mark;

  if (g_once_init_enter (&mark))
    g_once_init_leave (&mark, atomr_view_node_allocate_mark () + 1);
  return (guint) mark - 1;
}

/* -- mirrors ------------------------------------------------------------------ */

static AtomrViewGtkMirror *
mirror_new (AtomrViewGtkTree   *tree,
            AtomrViewGtkMirror *parent,
            AtomrViewNode      *node)
{
  AtomrViewGtkMirror *mirror = g_new0 (AtomrViewGtkMirror, 1);

  mirror->tree = tree;
  mirror->parent = parent;
  mirror->node = atomr_view_node_ref (node);
  mirror->kind = atomr_view_gtk_kind_lookup (atomr_view_node_get_kind (node), NULL);
  g_assert (mirror->kind != NULL);  /* checked before */
  return mirror;
}

/* @mirror's children, made on the first: most mirrors are leaves, or rows
 * of a list that are out of view. */
static GPtrArray *
children_of (AtomrViewGtkMirror *mirror)
{
  if (mirror->children == NULL)
    mirror->children = g_ptr_array_new_with_free_func ((GDestroyNotify) mirror_free);
  return mirror->children;
}

/* Makes the widgets of @mirror and of its subtree. A list makes mirrors for
 * all its rows but widgets for none: its view asks for those it shows. */
static void
mirror_build (AtomrViewGtkMirror *mirror)
{
  AtomrViewNode *node = mirror->node;
  guint n = atomr_view_node_get_n_children (node);
  AtomrViewGtkMirror *prev = NULL;

  mirror->tree->busy++;
  if (atomr_view_gtk_kind_get_children (mirror->kind) == ATOMR_VIEW_GTK_CHILDREN_ROWS)
    {
      /* The list's model holds the array, even an empty one. */
      children_of (mirror);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (mirror->children, mirror_new (mirror->tree, mirror, atomr_view_node_get_child (node, i)));
      atomr_view_gtk_kind_create (mirror);
    }
  else
    {
      atomr_view_gtk_kind_create (mirror);
      for (guint i = 0; i < n; i++)
        {
          AtomrViewGtkMirror *child = mirror_new (mirror->tree, mirror, atomr_view_node_get_child (node, i));

          mirror_build (child);
          g_ptr_array_add (children_of (mirror), child);
          atomr_view_gtk_kind_insert_child (mirror, child, prev);
          prev = child;
        }
      atomr_view_gtk_kind_children_changed (mirror);
    }
  mirror->tree->busy--;
}

/* Drops the widgets of @mirror's subtree; the mirror itself stays. */
static void
mirror_unbuild (AtomrViewGtkMirror *mirror)
{
  /* A list lets go of its rows first, while their mirrors are still there. */
  atomr_view_gtk_kind_release (mirror);
  if (mirror->children != NULL)
    g_ptr_array_set_size (mirror->children, 0);
}

static void
mirror_free (AtomrViewGtkMirror *mirror)
{
  if (mirror->row != NULL)
    {
      g_hash_table_remove (mirror->tree->parked, mirror);
      row_detach (mirror);
    }
  mirror_unbuild (mirror);
  if (mirror->row != NULL)
    {
      atomr_view_gtk_row_forget (ATOMR_VIEW_GTK_ROW (mirror->row));
      g_clear_object (&mirror->row);
    }
  atomr_view_node_unref (mirror->node);
  g_clear_pointer (&mirror->children, g_ptr_array_unref);
  g_free (mirror);
}

static gboolean
is_rows (AtomrViewGtkMirror *mirror)
{
  return atomr_view_gtk_kind_get_children (mirror->kind) == ATOMR_VIEW_GTK_CHILDREN_ROWS;
}

static AtomrViewGtkRowModel *
rows_of (AtomrViewGtkMirror *list)
{
  AtomrViewGtkRowModel *model = atomr_view_gtk_kind_get_rows (list);

  if (!g_ptr_array_find (list->tree->dirty_models, model, NULL))
    g_ptr_array_add (list->tree->dirty_models, g_object_ref (model));
  return model;
}

/* -- the tree ----------------------------------------------------------------- */

AtomrViewGtkTree *
atomr_view_gtk_tree_new (AtomrViewGtkEmitFunc emit,
                         gpointer             user_data)
{
  AtomrViewGtkTree *tree = g_new0 (AtomrViewGtkTree, 1);

  tree->dirty_models = g_ptr_array_new_with_free_func (g_object_unref);
  tree->departed = g_ptr_array_new_with_free_func ((GDestroyNotify) mirror_free);
  tree->deferred = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  tree->parked = g_hash_table_new (NULL, NULL);
  tree->emit = emit;
  tree->emit_data = user_data;
  return tree;
}

void
atomr_view_gtk_tree_free (AtomrViewGtkTree *tree)
{
  tree->busy++;
  g_clear_pointer (&tree->root, mirror_free);
  g_ptr_array_unref (tree->departed);
  g_clear_handle_id (&tree->sweep_source, g_source_remove);
  g_assert (g_hash_table_size (tree->parked) == 0);
  g_hash_table_unref (tree->parked);
  g_ptr_array_unref (tree->dirty_models);
  g_hash_table_unref (tree->deferred);
  g_free (tree);
}

GtkWidget *
atomr_view_gtk_tree_get_widget (AtomrViewGtkTree *tree)
{
  return tree->root != NULL ? tree->root->widget : NULL;
}

AtomrViewNode *
atomr_view_gtk_tree_get_node (AtomrViewGtkTree *tree)
{
  return tree->root != NULL ? tree->root->node : NULL;
}

guint
atomr_view_gtk_tree_get_epoch (AtomrViewGtkTree *tree)
{
  return tree->epoch;
}

/* -- key paths ---------------------------------------------------------------- */

static char *
path_element (AtomrViewNode *node,
              guint          index)
{
  const char *key = atomr_view_node_get_key (node);

  return key != NULL ? g_strdup (key) : g_strdup_printf ("#%u", index);
}

/* The key path of @mirror, from below the root; the root's is empty. */
static GStrv
mirror_dup_path (AtomrViewGtkMirror *mirror)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  GStrv path;
  guint n;

  for (; mirror->parent != NULL; mirror = mirror->parent)
    {
      guint index = 0;

      g_ptr_array_find (mirror->parent->children, mirror, &index);
      g_ptr_array_add (elements, path_element (mirror->node, index));
    }
  n = elements->len;
  path = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    path[i] = g_ptr_array_index (elements, n - 1 - i);
  path[n] = NULL;
  return path;
}

typedef struct
{
  AtomrViewNode *node;
  guint          index;   /* among its parent's children */
} Place;

/* "/" for the root, "/form/#2/name" below it, from the places of a node
 * and of its ancestors, the node first and the root last. */
static char *
format_path (GArray *places)
{
  GString *text = g_string_new (NULL);

  for (guint i = places->len - 1; i-- > 0;)
    {
      Place *place = &g_array_index (places, Place, i);
      g_autofree char *element = path_element (place->node, place->index);

      g_string_append_printf (text, "/%s", element);
    }
  if (text->len == 0)
    g_string_append_c (text, '/');
  return g_string_free (text, FALSE);
}

static gboolean
path_element_matches (AtomrViewNode *node,
                      guint          index,
                      const char    *element)
{
  const char *key = atomr_view_node_get_key (node);
  char *end = NULL;
  guint64 number;

  if (key != NULL)
    return g_str_equal (key, element);
  if (element[0] != '#' || !g_ascii_isdigit (element[1]))
    return FALSE;
  number = g_ascii_strtoull (element + 1, &end, 10);
  return *end == '\0' && number == index;
}

AtomrViewGtkMirror *
atomr_view_gtk_tree_lookup (AtomrViewGtkTree   *tree,
                            const char * const *path)
{
  AtomrViewGtkMirror *mirror = tree->root;

  for (guint i = 0; mirror != NULL && path[i] != NULL; i++)
    {
      AtomrViewGtkMirror *found = NULL;

      for (guint j = 0; j < atomr_view_gtk_mirror_get_n_children (mirror) && found == NULL; j++)
        {
          AtomrViewGtkMirror *child = g_ptr_array_index (mirror->children, j);

          if (path_element_matches (child->node, j, path[i]))
            found = child;
        }
      mirror = found;
    }
  return mirror;
}

/* -- events ------------------------------------------------------------------- */

gboolean
atomr_view_gtk_mirror_is_busy (AtomrViewGtkMirror *mirror)
{
  return mirror->tree->busy > 0;
}

void
atomr_view_gtk_mirror_emit (AtomrViewGtkMirror *mirror,
                            const char         *signal,
                            GVariant           *value)
{
  g_auto(GStrv) path = NULL;

  if (value != NULL)
    g_variant_ref_sink (value);
  if (mirror->tree->busy == 0)
    {
      path = mirror_dup_path (mirror);
      mirror->tree->epoch++;
      mirror->tree->emit ((const char * const *) path, signal, value, mirror->tree->emit_data);
    }
  if (value != NULL)
    g_variant_unref (value);
}

/* -- checking ----------------------------------------------------------------- */

/* What the check found wrong, and where: the places are gathered on the
 * way back up, so the walk itself keeps no path (10 000 rows make 40 000
 * nodes to look at). */
typedef struct
{
  GError        *error;
  AtomrViewNode *node;
  GArray        *places;   /* Place, the bad node first */
} Failure;

static gboolean check_subtree (AtomrViewGtkTree   *tree,
                               AtomrViewNode      *node,
                               AtomrViewGtkMirror *here,
                               guint               index,
                               Failure            *failure);

static void
fail_at (Failure       *failure,
         AtomrViewNode *node,
         guint          index)
{
  Place place = { node, index };

  failure->node = node;
  failure->places = g_array_new (FALSE, FALSE, sizeof (Place));
  g_array_append_val (failure->places, place);
}

/* Whether @template's sample passed, checking it now if it never was. A
 * failure is not marked (a kind may be known later), but it is remembered
 * for the rest of the check: a list's rows share their template. */
static gboolean
sample_passes (AtomrViewGtkTree  *tree,
               AtomrViewTemplate *template)
{
  Failure failure = { NULL, NULL, NULL };

  if (template == tree->failing_sample)
    return FALSE;
  if (check_subtree (tree, atomr_view_template_get_sample (template), NULL, 0, &failure))
    return TRUE;
  g_error_free (failure.error);
  g_array_unref (failure.places);
  tree->failing_sample = template;
  return FALSE;
}

/* @node was made from @template, whose sample passed: it is the sample but
 * for its key and its slots' props, so those props are all there is to
 * check. Rows of a list are made by the thousand. */
static gboolean
check_slots (AtomrViewGtkTree  *tree,
             AtomrViewNode     *node,
             AtomrViewTemplate *template,
             guint              index,
             Failure           *failure)
{
  guint n_slots = atomr_view_template_get_n_slots (template);

  for (guint slot = 0; slot < n_slots; slot++)
    {
      gsize depth;
      const guint *path = atomr_view_template_get_slot_path (template, slot, &depth);
      const char *name = atomr_view_template_get_slot_name (template, slot);
      AtomrViewNode *part = node;
      const AtomrViewGtkKind *kind;
      guint n_props;

      for (gsize i = 0; i < depth; i++)
        part = atomr_view_node_get_child (part, path[i]);
      kind = atomr_view_gtk_kind_lookup (atomr_view_node_get_kind (part), NULL);
      g_assert (kind != NULL);  /* the sample's kind, which passed */
      n_props = atomr_view_node_get_n_props (part);
      for (guint p = 0; p < n_props; p++)
        {
          if (atomr_view_node_get_prop_name (part, p) != name)
            continue;
          if (atomr_view_gtk_kind_check_prop (kind, part, p, &failure->error))
            break;
          /* The places from the part up to @node. */
          fail_at (failure, part, depth > 0 ? path[depth - 1] : index);
          for (gsize up = depth; up > 0; up--)
            {
              Place place = { atomr_view_node_get_descendant (node, path, up - 1), up > 1 ? path[up - 2] : index };

              g_array_append_val (failure->places, place);
            }
          return FALSE;
        }
    }
  return TRUE;
}

/* @here: the mirror at the same place in the tree shown now, or NULL. A node
 * shown now passed before; the one at the same place is known without
 * looking at the node (a list with one row changed has its other rows where
 * they were). A node is marked once its whole subtree passed. */
static gboolean
check_subtree (AtomrViewGtkTree   *tree,
               AtomrViewNode      *node,
               AtomrViewGtkMirror *here,
               guint               index,
               Failure            *failure)
{
  const AtomrViewGtkKind *kind;
  Place place = { node, index };
  AtomrViewNode * const *children;
  AtomrViewNode * const *shown = NULL;
  AtomrViewTemplate *template;
  guint n, n_shown = 0;

  if ((here != NULL && here->node == node) || atomr_view_node_has_mark (node, checked_mark ()))
    return TRUE;

  template = atomr_view_node_get_template (node);
  if (template != NULL && sample_passes (tree, template))
    {
      if (!check_slots (tree, node, template, index, failure))
        return FALSE;
      atomr_view_node_add_mark (node, checked_mark ());
      return TRUE;
    }

  kind = atomr_view_gtk_kind_lookup (atomr_view_node_get_kind (node), &failure->error);
  if (kind == NULL || !atomr_view_gtk_kind_check_node (kind, node, &failure->error))
    {
      fail_at (failure, node, index);
      return FALSE;
    }
  children = atomr_view_node_get_children (node, &n);
  /* The children shown here, the mirrors' nodes: read from one array, not
   * from each mirror, since most rows of a long list are where they were. */
  if (here != NULL)
    shown = atomr_view_node_get_children (here->node, &n_shown);
  for (guint i = 0; i < n; i++)
    {
      AtomrViewGtkMirror *child_here;

      if (i < n_shown && shown[i] == children[i])
        continue;
      child_here = here != NULL && i < atomr_view_gtk_mirror_get_n_children (here) ? g_ptr_array_index (here->children, i) : NULL;
      if (!check_subtree (tree, children[i], child_here, i, failure))
        {
          g_array_append_val (failure->places, place);
          return FALSE;
        }
    }
  atomr_view_node_add_mark (node, checked_mark ());
  return TRUE;
}

gboolean
atomr_view_gtk_tree_check (AtomrViewGtkTree  *tree,
                           AtomrViewNode     *root,
                           GError           **error)
{
  Failure failure = { NULL, NULL, NULL };
  g_autofree char *where = NULL;
  gboolean passed;

  passed = check_subtree (tree, root, tree->root, 0, &failure);
  tree->failing_sample = NULL;
  if (passed)
    return TRUE;
  where = format_path (failure.places);
  g_set_error (error, failure.error->domain, failure.error->code,
               _("Cannot show the node at %s (kind “%s”): %s"),
               where, atomr_view_node_get_kind (failure.node), failure.error->message);
  g_error_free (failure.error);
  g_array_unref (failure.places);
  return FALSE;
}

/* -- building and patching ------------------------------------------------------ */

void
atomr_view_gtk_tree_build (AtomrViewGtkTree *tree,
                           AtomrViewNode    *root)
{
  AtomrViewGtkMirror *old = g_steal_pointer (&tree->root);

  tree->busy++;
  tree->root = mirror_new (tree, NULL, root);
  mirror_build (tree->root);
  if (old != NULL)
    mirror_free (old);
  tree->busy--;
}

/* The mirror at the first @depth indices of @path, or NULL when the path goes
 * through a row that has no widgets now (nothing on screen to change). */
static AtomrViewGtkMirror *
resolve (AtomrViewGtkMirror *mirror,
         const guint        *path,
         gsize               depth)
{
  for (gsize i = 0; i < depth; i++)
    {
      if (mirror->widget == NULL)
        return NULL;
      g_return_val_if_fail (path[i] < atomr_view_gtk_mirror_get_n_children (mirror), NULL);
      mirror = g_ptr_array_index (mirror->children, path[i]);
    }
  return mirror->widget != NULL ? mirror : NULL;
}

static AtomrViewGtkMirror *
child_at (AtomrViewGtkMirror *parent,
          guint               index)
{
  return index < atomr_view_gtk_mirror_get_n_children (parent) ? g_ptr_array_index (parent->children, index) : NULL;
}

static void
patch_insert (AtomrViewGtkTree *tree,
              AtomrViewGtkMirror *parent,
              guint             index,
              AtomrViewNode    *node)
{
  AtomrViewGtkMirror *child = mirror_new (tree, parent, node);

  g_return_if_fail (index <= atomr_view_gtk_mirror_get_n_children (parent));
  if (is_rows (parent))
    {
      /* Noted before the change: a change told to the view now must not see it. */
      atomr_view_gtk_row_model_note_inserted (rows_of (parent), index);
      g_ptr_array_insert (parent->children, index, child);
      return;
    }
  mirror_build (child);
  g_ptr_array_insert (children_of (parent), index, child);
  atomr_view_gtk_kind_insert_child (parent, child, index > 0 ? child_at (parent, index - 1) : NULL);
  atomr_view_gtk_kind_children_changed (parent);
}

static void
patch_remove (AtomrViewGtkTree   *tree,
              AtomrViewGtkMirror *parent,
              guint               index)
{
  AtomrViewGtkMirror *child;

  g_return_if_fail (index < atomr_view_gtk_mirror_get_n_children (parent));
  if (is_rows (parent))
    atomr_view_gtk_row_model_note_removed (rows_of (parent), index);
  child = g_ptr_array_steal_index (parent->children, index);
  if (is_rows (parent))
    {
      g_ptr_array_add (tree->departed, child);
      return;
    }
  atomr_view_gtk_kind_remove_child (parent, child);
  mirror_free (child);
  atomr_view_gtk_kind_children_changed (parent);
}

static void
patch_move (AtomrViewGtkTree   *tree,
            AtomrViewGtkMirror *parent,
            guint               from,
            guint               to)
{
  AtomrViewGtkMirror *child;

  g_return_if_fail (from < atomr_view_gtk_mirror_get_n_children (parent) && to < atomr_view_gtk_mirror_get_n_children (parent));
  if (from == to)
    return;
  if (is_rows (parent))
    {
      AtomrViewGtkRowModel *model = rows_of (parent);

      /* A remove and an insert, as a GtkListStore user would do it: a change
       * over the whole span would make the view forget the heights of every
       * row in between. The row keeps its widgets (see fill_row()). */
      atomr_view_gtk_row_model_note_removed (model, from);
      child = g_ptr_array_steal_index (parent->children, from);
      atomr_view_gtk_row_model_note_inserted (model, to);
      g_ptr_array_insert (parent->children, to, child);
      return;
    }
  child = g_ptr_array_steal_index (parent->children, from);
  g_ptr_array_insert (parent->children, to, child);
  atomr_view_gtk_kind_move_child (parent, child, to > 0 ? child_at (parent, to - 1) : NULL);
}

static void
patch_replace (AtomrViewGtkTree   *tree,
               AtomrViewGtkMirror *parent,
               guint               index,
               AtomrViewNode      *node)
{
  AtomrViewGtkMirror *old, *child;

  if (parent == NULL)
    {
      atomr_view_gtk_tree_build (tree, node);
      return;
    }
  g_return_if_fail (index < atomr_view_gtk_mirror_get_n_children (parent));
  child = mirror_new (tree, parent, node);
  old = g_ptr_array_index (parent->children, index);
  if (is_rows (parent))
    {
      atomr_view_gtk_row_model_note_replaced (rows_of (parent), index);
      parent->children->pdata[index] = child;
      g_ptr_array_add (tree->departed, old);
      return;
    }
  mirror_build (child);
  parent->children->pdata[index] = child;
  atomr_view_gtk_kind_insert_child (parent, child, old);
  atomr_view_gtk_kind_remove_child (parent, old);
  mirror_free (old);
}

/* Applies @patch, whose path starts at @root (the tree's root, or a row being recycled). */
static void
apply_patch (AtomrViewGtkTree   *tree,
             AtomrViewGtkMirror *root,
             AtomrViewPatch     *patch)
{
  gsize length;
  const guint *path = atomr_view_patch_get_path (patch, &length);
  AtomrViewPatchOp op = atomr_view_patch_get_op (patch);
  AtomrViewGtkMirror *target;
  guint last = length > 0 ? path[length - 1] : 0;

  if (op == ATOMR_VIEW_PATCH_OP_SET_PROP || op == ATOMR_VIEW_PATCH_OP_UNSET_PROP)
    {
      if ((target = resolve (root, path, length)) != NULL)
        atomr_view_gtk_kind_set_prop (target, atomr_view_patch_get_name (patch),
                                      op == ATOMR_VIEW_PATCH_OP_SET_PROP ? atomr_view_patch_get_value (patch)
                                                                         : NULL);
      return;
    }
  if (op == ATOMR_VIEW_PATCH_OP_REPLACE && length == 0)
    {
      tree->reshaped = TRUE;
      patch_replace (tree, NULL, 0, atomr_view_patch_get_node (patch));
      return;
    }
  g_return_if_fail (length > 0);
  if ((target = resolve (root, path, length - 1)) == NULL)
    return;
  tree->reshaped = TRUE;
  switch (op)
    {
    case ATOMR_VIEW_PATCH_OP_INSERT:
      patch_insert (tree, target, last, atomr_view_patch_get_node (patch));
      break;
    case ATOMR_VIEW_PATCH_OP_REMOVE:
      patch_remove (tree, target, last);
      break;
    case ATOMR_VIEW_PATCH_OP_MOVE:
      patch_move (tree, target, last, atomr_view_patch_get_to_index (patch));
      break;
    case ATOMR_VIEW_PATCH_OP_REPLACE:
      patch_replace (tree, target, last, atomr_view_patch_get_node (patch));
      break;
    case ATOMR_VIEW_PATCH_OP_SET_PROP:
    case ATOMR_VIEW_PATCH_OP_UNSET_PROP:
    default:
      g_assert_not_reached ();
    }
}

/* Points each mirror at its node of the new scene; nodes that are the same
 * object as before end the walk at once. With @unshaped (no patch inserted,
 * removed, moved or replaced a mirror), each child mirror still shows the
 * child at its index of the node its parent showed: children that node
 * shares with the new one are passed over by comparing the two nodes'
 * arrays, without reading a mirror each (a thousand rows of a list). */
static void
sync_mirror (AtomrViewGtkMirror *mirror,
             AtomrViewNode      *node,
             gboolean            unshaped)
{
  AtomrViewNode *shown = mirror->node;   /* its reference is dropped last: its children are read */
  AtomrViewNode * const *shown_children = NULL;
  AtomrViewNode * const *children;
  guint n, n_shown = 0;

  if (shown == node)
    return;
  mirror->node = atomr_view_node_ref (node);
  if (mirror->widget == NULL)
    goto out;  /* a row out of view: its widgets will be made from the new node */

  children = atomr_view_node_get_children (node, &n);
  if (n != atomr_view_gtk_mirror_get_n_children (mirror))
    {
      g_critical ("The patches did not lead to the new scene (%u children where the scene has %u)",
                  atomr_view_gtk_mirror_get_n_children (mirror), n);
      mirror->tree->unsynced = TRUE;
      goto out;
    }
  if (unshaped)
    shown_children = atomr_view_node_get_children (shown, &n_shown);
  for (guint i = 0; i < n; i++)
    {
      AtomrViewGtkMirror *child;

      if (i < n_shown && shown_children[i] == children[i])
        continue;
      child = g_ptr_array_index (mirror->children, i);
      if (child->node != children[i])
        sync_mirror (child, children[i], unshaped);
    }

out:
  atomr_view_node_unref (shown);
}

/* -- rows ----------------------------------------------------------------------- */

/* GTK 4.8 unbinds and binds again every row in view whose position changes
 * (a row removed above it, a move across it), so an unbound row keeps its
 * widgets for a moment: bound again, it takes them back as they are; still
 * unbound when the main loop is idle, it lets them go. */

/* Takes @mirror's widget out of the list item it went to, if it is still there. */
static void
row_detach (AtomrViewGtkMirror *mirror)
{
  if (mirror->holder != NULL && mirror->widget != NULL &&
      gtk_list_item_get_child (mirror->holder) == mirror->widget)
    {
      mirror->tree->busy++;
      gtk_list_item_set_child (mirror->holder, NULL);
      mirror->tree->busy--;
    }
  g_clear_weak_pointer (&mirror->holder);
}

static gboolean
sweep_cb (gpointer user_data)
{
  AtomrViewGtkTree *tree = user_data;
  GHashTableIter iter;
  gpointer mirror;

  tree->sweep_source = 0;
  tree->busy++;
  g_ptr_array_set_size (tree->departed, 0);
  g_hash_table_iter_init (&iter, tree->parked);
  while (g_hash_table_iter_next (&iter, &mirror, NULL))
    {
      g_hash_table_iter_remove (&iter);
      row_detach (mirror);
      mirror_unbuild (mirror);
    }
  tree->busy--;
  return G_SOURCE_REMOVE;
}

/* After the frame, before the bridge's next scene (G_PRIORITY_DEFAULT_IDLE):
 * what nothing shows any more is freed once the window has painted, not on
 * the way to painting, and never piles up under a flood of scenes. */
static void
schedule_sweep (AtomrViewGtkTree *tree)
{
  if (tree->sweep_source != 0)
    return;
  tree->sweep_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, sweep_cb, tree, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, tree->sweep_source),
                            "[atomr-view-gtk] rows out of view");
}

/* Kinds whose widgets hold nothing of the user's (typed text, a toggle):
 * only rows made of these are recycled, so nothing leaks into another row. */
static gboolean
holds_no_user_state (AtomrViewNode *node)
{
  static const char * const kinds[] = {
    ATOMR_VIEW_KIND_CONTAINER, ATOMR_VIEW_KIND_TEXT, ATOMR_VIEW_KIND_BUTTON, ATOMR_VIEW_KIND_IMAGE,
    ATOMR_VIEW_KIND_SEPARATOR, ATOMR_VIEW_KIND_PROGRESS, ATOMR_VIEW_KIND_SPINNER, NULL,
  };
  guint n = atomr_view_node_get_n_children (node);

  if (!g_strv_contains (kinds, atomr_view_node_get_kind (node)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!holds_no_user_state (atomr_view_node_get_child (node, i)))
      return FALSE;
  return TRUE;
}

/* A row that left the list and still has its widgets, which @mirror can take over. */
static AtomrViewGtkMirror *
find_donor (AtomrViewGtkTree   *tree,
            AtomrViewGtkMirror *mirror)
{
  if (!holds_no_user_state (mirror->node))
    return NULL;
  for (guint i = tree->departed->len; i-- > 0;)
    {
      AtomrViewGtkMirror *donor = g_ptr_array_index (tree->departed, i);

      /* The row's own widget must not call back into its mirror (a button row would). */
      if (donor->widget != NULL && donor->kind == mirror->kind &&
          holds_no_user_state (donor->node) &&
          g_signal_handler_find (donor->widget, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, donor) == 0)
        return donor;
    }
  return NULL;
}

/* Gives @mirror the widgets of @donor, changed to show @mirror's node, as
 * GTK's own list factories reuse the widgets of rows that went: making a
 * row's widgets costs far more than changing a few of their properties.
 * Returns FALSE, changing nothing, when the two rows differ too much. */
static gboolean
recycle_row (AtomrViewGtkTree   *tree,
             AtomrViewGtkMirror *mirror,
             AtomrViewGtkMirror *donor)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (donor->node);
  g_autoptr(AtomrViewNode) renamed = NULL;
  g_autoptr(AtomrViewScene) before = NULL;
  g_autoptr(AtomrViewScene) after = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  GPtrArray *children;
  guint n;

  /* The same node under the new key, so that the diff goes inside it. */
  atomr_view_node_builder_set_key (builder, atomr_view_node_get_key (mirror->node));
  renamed = atomr_view_node_builder_end (builder, NULL);
  if (renamed == NULL)
    return FALSE;
  before = atomr_view_scene_new (renamed);
  after = atomr_view_scene_new (mirror->node);
  patches = atomr_view_scene_diff (before, after);
  for (guint i = 0; i < patches->len; i++)
    {
      gsize length;

      atomr_view_patch_get_path (g_ptr_array_index (patches, i), &length);
      if (length == 0 && atomr_view_patch_get_op (g_ptr_array_index (patches, i)) == ATOMR_VIEW_PATCH_OP_REPLACE)
        return FALSE;
    }

  row_detach (donor);
  mirror->widget = g_steal_pointer (&donor->widget);
  mirror->target = g_steal_pointer (&donor->target);
  mirror->data = g_steal_pointer (&donor->data);
  mirror->css_classes = g_steal_pointer (&donor->css_classes);
  children = mirror->children;
  mirror->children = donor->children;
  donor->children = children;
  for (guint i = 0; i < atomr_view_gtk_mirror_get_n_children (mirror); i++)
    ((AtomrViewGtkMirror *) g_ptr_array_index (mirror->children, i))->parent = mirror;

  for (guint i = 0; i < patches->len; i++)
    apply_patch (tree, mirror, g_ptr_array_index (patches, i));
  /* The row's own mirror shows its node already; its children follow theirs. */
  n = atomr_view_node_get_n_children (mirror->node);
  g_return_val_if_fail (n == atomr_view_gtk_mirror_get_n_children (mirror), TRUE);
  for (guint i = 0; i < n; i++)
    sync_mirror (g_ptr_array_index (mirror->children, i), atomr_view_node_get_child (mirror->node, i), FALSE);
  return TRUE;
}

static void
fill_row (AtomrViewGtkTree *tree,
          GtkListItem      *list_item)
{
  AtomrViewGtkRow *row = gtk_list_item_get_item (list_item);
  AtomrViewGtkMirror *mirror = row != NULL ? atomr_view_gtk_row_get_mirror (row) : NULL;

  if (mirror == NULL)
    return;
  g_hash_table_remove (tree->parked, mirror);
  if (mirror->widget == NULL)
    {
      AtomrViewGtkMirror *donor = find_donor (tree, mirror);

      if (donor == NULL || !recycle_row (tree, mirror, donor))
        mirror_build (mirror);
    }
  else if (mirror->holder == list_item && gtk_list_item_get_child (list_item) == mirror->widget)
    return;  /* bound again where it was: nothing to change */
  row_detach (mirror);
  gtk_list_item_set_child (list_item, mirror->widget);
  g_set_weak_pointer (&mirror->holder, list_item);
}

void
atomr_view_gtk_tree_patch (AtomrViewGtkTree *tree,
                           GPtrArray        *patches,
                           AtomrViewNode    *new_root)
{
  GHashTableIter iter;
  gpointer list_item;
  gboolean unshaped;

  tree->busy++;
  /* Rows that left with the scene before go now if no frame came in between. */
  g_ptr_array_set_size (tree->departed, 0);
  tree->patching = TRUE;
  tree->reshaped = FALSE;
  for (guint i = 0; i < patches->len; i++)
    apply_patch (tree, tree->root, g_ptr_array_index (patches, i));
  for (guint i = 0; i < tree->dirty_models->len; i++)
    atomr_view_gtk_row_model_flush (g_ptr_array_index (tree->dirty_models, i));
  g_ptr_array_set_size (tree->dirty_models, 0);
  if (tree->departed->len > 0)
    schedule_sweep (tree);
  unshaped = !tree->reshaped && !tree->unsynced;
  tree->unsynced = FALSE;
  sync_mirror (tree->root, new_root, unshaped);
  tree->patching = FALSE;

  /* Rows the view wanted while the patches went on get widgets from their new nodes. */
  g_hash_table_iter_init (&iter, tree->deferred);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    fill_row (tree, list_item);
  g_hash_table_remove_all (tree->deferred);
  tree->busy--;
}

void
atomr_view_gtk_tree_bind_row (AtomrViewGtkTree *tree,
                              GtkListItem      *list_item)
{
  if (tree->patching)
    {
      g_hash_table_add (tree->deferred, g_object_ref (list_item));
      return;
    }
  tree->busy++;
  fill_row (tree, list_item);
  tree->busy--;
}

void
atomr_view_gtk_tree_unbind_row (AtomrViewGtkTree *tree,
                                GtkListItem      *list_item)
{
  AtomrViewGtkRow *row = gtk_list_item_get_item (list_item);
  AtomrViewGtkMirror *mirror = row != NULL ? atomr_view_gtk_row_get_mirror (row) : NULL;

  g_hash_table_remove (tree->deferred, list_item);
  if (mirror == NULL || mirror->widget == NULL)
    {
      tree->busy++;
      gtk_list_item_set_child (list_item, NULL);
      tree->busy--;
      return;
    }
  g_hash_table_add (tree->parked, mirror);
  schedule_sweep (tree);
}
