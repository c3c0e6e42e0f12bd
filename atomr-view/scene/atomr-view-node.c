/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-key-index-private.h"
#include "atomr-view-node-private.h"
#include "atomr-view-prop-value-private.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-scene-place-private.h"
#include "atomr-view-template-private.h"
#include "atomr-view-vocabulary-private.h"

/**
 * AtomrViewNode:
 *
 * One node of an immutable scene tree: a kind, an optional key, props and
 * children.
 *
 * The kind says what the node is (`button`, `text`, or a name that only a
 * backend knows, see the [scenes page](scenes.html)). The key gives the node an
 * identity among its siblings, which the diff uses to tell a moved node from a
 * new one; siblings never share a key. Props map names to `GVariant` values
 * and are kept sorted by name, so iterating them and encoding them is
 * deterministic. Children are ordered.
 *
 * Make nodes with [struct@NodeBuilder] or [ctor@Node.new]. A node never changes
 * once made, so the same node can be part of many trees, and the diff skips a
 * subtree that two trees share in O(1). (Backends may add marks to it, see
 * [func@Node.allocate_mark]; they are not part of its value.)
 *
 * Thread rule: any thread. Nodes are immutable and their reference count is
 * atomic, so they may be shared and released from any thread.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (AtomrViewNode, atomr_view_node, atomr_view_node_ref, atomr_view_node_unref)

GVariant *
atomr_view_prop_get_value (AtomrViewProp *prop)
{
  GVariant *value = g_atomic_pointer_get (&prop->value);
  gsize length;
  char *copy;

  if (value != NULL || prop->text == NULL)
    return value;
  /* Trusted: the text was checked as UTF-8 when it was set. */
  length = strlen (prop->text);
  copy = g_strndup (prop->text, length);
  value = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE_STRING, copy, length + 1, TRUE,
                                                       g_free, copy));
  /* Another thread may have made it meanwhile: keep the first. */
  if (!g_atomic_pointer_compare_and_exchange (&prop->value, NULL, value))
    {
      g_variant_unref (value);
      value = g_atomic_pointer_get (&prop->value);
    }
  return value;
}

gboolean
atomr_view_prop_equal_values (AtomrViewProp *a,
                              AtomrViewProp *b)
{
  GVariant *a_value;
  GVariant *b_value;

  if (a->text != NULL && b->text != NULL)
    return strcmp (a->text, b->text) == 0;
  /* Text against a value: a string value compares as text, anything else differs. */
  if (a->text != NULL || b->text != NULL)
    {
      AtomrViewProp *text = a->text != NULL ? a : b;
      GVariant *other = a->text != NULL ? g_atomic_pointer_get (&b->value) : g_atomic_pointer_get (&a->value);

      return g_variant_is_of_type (other, G_VARIANT_TYPE_STRING) &&
             strcmp (text->text, g_variant_get_string (other, NULL)) == 0;
    }
  a_value = a->value;
  b_value = b->value;
  return a_value == b_value || g_variant_equal (a_value, b_value);
}

guint
atomr_view_key_hash (const char *key)
{
  guint32 hash = 2166136261u;

  /* FNV-1a, then a finaliser so that keys like "row1", "row2" spread out. */
  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  hash ^= hash >> 16;
  hash *= 0x85ebca6bu;
  hash ^= hash >> 13;
  hash *= 0xc2b2ae35u;
  hash ^= hash >> 16;
  return hash == 0 ? 1 : hash;
}

gsize
atomr_view_node_get_size_for (const char          *key,
                              const AtomrViewProp *props,
                              guint                n_props,
                              guint                n_children)
{
  gsize size = sizeof (AtomrViewNode)
               + (gsize) n_props * sizeof (AtomrViewProp)
               + (gsize) n_children * sizeof (AtomrViewNode *)
               + (gsize) atomr_view_child_runs_for (n_children) * sizeof (AtomrViewChildRun *);

  if (key != NULL)
    size += strlen (key) + 1;
  for (guint i = 0; i < n_props; i++)
    if (props[i].text != NULL)
      size += strlen (props[i].text) + 1;
  /* The next node of a block starts right after. */
  return (size + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
}

AtomrViewNode *
atomr_view_node_new_take (const char          *kind,
                          const char          *key,
                          const AtomrViewProp *props,
                          guint                n_props,
                          AtomrViewNode      **children,
                          guint                n_children)
{
  gpointer memory = g_malloc (atomr_view_node_get_size_for (key, props, n_props, n_children));

  return atomr_view_node_init_take (memory, NULL, kind, key, props, n_props, children, n_children);
}

/* Everything but the children's references and the figures they bring. */
static AtomrViewNode *
init_parts (gpointer             memory,
            AtomrViewNodeBlock  *block,
            const char          *kind,
            const char          *key,
            const AtomrViewProp *props,
            guint                n_props,
            guint                n_children)
{
  AtomrViewNode *self = memory;
  char *tail = (char *) (self + 1);
  guint n_runs = atomr_view_child_runs_for (n_children);

  atomr_view_ref_count_init (&self->ref_count);
  self->marks = 0;
  self->block = block;
  self->kind = kind;
  self->n_props = n_props;
  self->n_children = n_children;
  self->props = (AtomrViewProp *) tail;
  tail += (gsize) n_props * sizeof (AtomrViewProp);
  self->children = (AtomrViewNode **) tail;
  tail += (gsize) n_children * sizeof (AtomrViewNode *);
  self->runs = n_runs > 0 ? (AtomrViewChildRun **) tail : NULL;
  tail += (gsize) n_runs * sizeof (AtomrViewChildRun *);
  if (n_props > 0)
    memcpy (self->props, props, n_props * sizeof (AtomrViewProp));

  if (key != NULL)
    {
      gsize key_size = strlen (key) + 1;

      memcpy (tail, key, key_size);
      self->key = tail;
      self->key_hash = atomr_view_key_hash (key);
      tail += key_size;
    }
  else
    {
      self->key = NULL;
      self->key_hash = 0;
    }
  for (guint i = 0; i < n_props; i++)
    if (props[i].text != NULL)
      {
        gsize length = strlen (props[i].text) + 1;

        g_assert (props[i].value == NULL);
        memcpy (tail, props[i].text, length);
        self->props[i].text = tail;
        tail += length;
      }
  return self;
}

static void
set_figures (AtomrViewNode *self,
             guint64        n_nodes,
             guint          height)
{
  /* Saturate: such a node fails atomr_view_node_check() and is dropped. */
  self->n_nodes = (guint) MIN (n_nodes, (guint64) G_MAXUINT);
  self->height = MIN (height, G_MAXUINT - 1) + 1;
}

/* Fills @self's runs from its children array, whose references they take. */
static void
fill_runs (AtomrViewNode *self)
{
  guint64 n_nodes = 1;
  guint height = 0;
  guint n_runs = atomr_view_child_runs_for (self->n_children);

  for (guint r = 0; r < n_runs; r++)
    {
      guint first = r * ATOMR_VIEW_CHILD_RUN;
      AtomrViewChildRun *run = atomr_view_child_run_new_take (self->children + first,
                                                              MIN (ATOMR_VIEW_CHILD_RUN, self->n_children - first));

      self->runs[r] = run;
      n_nodes += run->n_nodes;
      height = MAX (height, run->height);
    }
  set_figures (self, n_nodes, height);
}

AtomrViewNode *
atomr_view_node_init_take (gpointer             memory,
                           AtomrViewNodeBlock  *block,
                           const char          *kind,
                           const char          *key,
                           const AtomrViewProp *props,
                           guint                n_props,
                           AtomrViewNode      **children,
                           guint                n_children)
{
  AtomrViewNode *self = init_parts (memory, block, kind, key, props, n_props, n_children);
  guint64 n_nodes = 1;
  guint height = 0;

  if (n_children > 0)
    memcpy (self->children, children, n_children * sizeof (AtomrViewNode *));
  if (self->runs != NULL)
    {
      fill_runs (self);
      return self;
    }
  for (guint i = 0; i < n_children; i++)
    {
      n_nodes += children[i]->n_nodes;
      height = MAX (height, children[i]->height);
    }
  set_figures (self, n_nodes, height);
  return self;
}

AtomrViewNode *
atomr_view_node_new_take_runs (const char          *kind,
                               const char          *key,
                               const AtomrViewProp *props,
                               guint                n_props,
                               AtomrViewChildRun  **runs,
                               guint                n_runs)
{
  guint n_children = 0;
  guint64 n_nodes = 1;
  guint height = 0;
  AtomrViewNode *self;

  for (guint r = 0; r < n_runs; r++)
    {
      g_assert (r + 1 == n_runs || runs[r]->n == ATOMR_VIEW_CHILD_RUN);
      n_children += runs[r]->n;
    }
  g_assert (atomr_view_child_runs_for (n_children) == n_runs);

  self = init_parts (g_malloc (atomr_view_node_get_size_for (key, props, n_props, n_children)),
                     NULL, kind, key, props, n_props, n_children);
  for (guint r = 0; r < n_runs; r++)
    {
      self->runs[r] = runs[r];
      memcpy (self->children + r * ATOMR_VIEW_CHILD_RUN, runs[r]->nodes, runs[r]->n * sizeof (AtomrViewNode *));
      n_nodes += runs[r]->n_nodes;
      height = MAX (height, atomr_view_child_run_get_height (runs[r]));
    }
  set_figures (self, n_nodes, height);
  return self;
}

AtomrViewNodeProblem
atomr_view_node_check_limits (AtomrViewNode *self)
{
  if (self->height > ATOMR_VIEW_SCENE_MAX_DEPTH)
    return ATOMR_VIEW_NODE_TOO_DEEP;
  if (self->n_nodes > ATOMR_VIEW_SCENE_MAX_NODES)
    return ATOMR_VIEW_NODE_TOO_LARGE;
  return ATOMR_VIEW_NODE_OK;
}

AtomrViewNodeProblem
atomr_view_node_check (AtomrViewNode *self,
                       guint         *duplicate)
{
  AtomrViewNodeProblem problem = atomr_view_node_check_limits (self);

  if (problem != ATOMR_VIEW_NODE_OK)
    return problem;
  if (self->n_children < 2)
    return ATOMR_VIEW_NODE_OK;

  if (self->n_children <= 8)
    {
      for (guint i = 1; i < self->n_children; i++)
        {
          AtomrViewNode *child = self->children[i];

          if (child->key == NULL)
            continue;
          for (guint j = 0; j < i; j++)
            if (atomr_view_node_same_key (self->children[j], child))
              {
                *duplicate = i;
                return ATOMR_VIEW_NODE_DUPLICATE_KEY;
              }
        }
      return ATOMR_VIEW_NODE_OK;
    }
  else
    {
      AtomrViewKeyIndex index;

      atomr_view_key_index_init (&index, self->children, self->n_children);
      for (guint i = 0; i < self->n_children; i++)
        {
          if (self->children[i]->key == NULL)
            continue;
          if (atomr_view_key_index_add (&index, i) >= 0)
            {
              *duplicate = i;
              problem = ATOMR_VIEW_NODE_DUPLICATE_KEY;
              break;
            }
        }
      atomr_view_key_index_clear (&index);
      return problem;
    }
}

void
atomr_view_node_problem_set_error (AtomrViewNode       *self,
                                   AtomrViewNodeProblem problem,
                                   guint                duplicate,
                                   const char          *place,
                                   GError             **error)
{
  switch (problem)
    {
    case ATOMR_VIEW_NODE_DUPLICATE_KEY:
      {
        g_autofree char *child_place = NULL;

        child_place = g_strdup_printf ("%s%schildren[%u].key", place,
                                       place[0] != '\0' ? "." : "", duplicate);
        atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY, child_place,
                                 _("duplicate key “%s”: an earlier sibling has it too"),
                                 self->children[duplicate]->key);
      }
      break;
    case ATOMR_VIEW_NODE_TOO_DEEP:
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, place,
                               _("the tree is deeper than %u levels"),
                               ATOMR_VIEW_SCENE_MAX_DEPTH);
      break;
    case ATOMR_VIEW_NODE_TOO_LARGE:
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_TOO_LARGE, place,
                               _("the tree has more than %u nodes"),
                               ATOMR_VIEW_SCENE_MAX_NODES);
      break;
    case ATOMR_VIEW_NODE_OK:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_props (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const AtomrViewProp *) a)->name, ((const AtomrViewProp *) b)->name);
}

/**
 * atomr_view_node_new:
 * @kind: the kind, for example [const@KIND_BUTTON]
 * @key: (nullable): the key that tells this node from its siblings, or %NULL
 * @props: (nullable): the props as a `GVariant` of type `a{sv}`, or %NULL for none
 * @children: (array length=n_children) (nullable): the children, in order
 * @n_children: the number of @children
 * @error: return location for a #GError
 *
 * Makes a node in one call, the way bindings like it best.
 *
 * @kind and every prop name must be valid names (an ASCII letter, then letters,
 * digits, `-`, `_`, `.` or `:`); @key must be %NULL or non-empty; no two
 * children may have the same key; a prop value may not hold NaN or a
 * subnormal number, nor nest
 * deeper than [const@SCENE_MAX_VALUE_DEPTH]; the tree may not be deeper than
 * [const@SCENE_MAX_DEPTH] nor larger than [const@SCENE_MAX_NODES]. A prop
 * named twice in @props keeps its last value.
 *
 * If @props is floating, it is consumed.
 *
 * Returns: (transfer full) (nullable): the new node, or %NULL with @error set
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_node_new (const char           *kind,
                     const char           *key,
                     GVariant             *props,
                     AtomrViewNode * const *children,
                     gsize                 n_children,
                     GError              **error)
{
  g_autoptr(GVariant) owned_props = NULL;
  g_autoptr(GArray) prop_array = NULL;
  g_autofree AtomrViewNode **child_refs = NULL;
  AtomrViewNode *self;
  AtomrViewNodeProblem problem;
  guint duplicate = 0;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (props == NULL || g_variant_is_of_type (props, G_VARIANT_TYPE ("a{sv}")), NULL);
  g_return_val_if_fail (children != NULL || n_children == 0, NULL);
  g_return_val_if_fail (n_children <= G_MAXUINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (props != NULL)
    owned_props = g_variant_ref_sink (props);
  for (gsize i = 0; i < n_children; i++)
    g_return_val_if_fail (children[i] != NULL, NULL);

  if (!atomr_view_kind_validate (kind, "kind", error) ||
      !atomr_view_key_validate (key, "key", error))
    return NULL;

  prop_array = g_array_new (FALSE, FALSE, sizeof (AtomrViewProp));
  g_array_set_clear_func (prop_array, (GDestroyNotify) atomr_view_prop_clear);
  if (owned_props != NULL)
    {
      GVariantIter iter;
      const char *name;
      GVariant *value;

      g_variant_iter_init (&iter, owned_props);
      while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
        {
          /* A value from untrusted bytes becomes trusted, so equality is cheap. */
          AtomrViewProp prop = { NULL, g_variant_get_normal_form (value), NULL };
          g_autofree char *place = g_strdup_printf ("props.%s", name);

          g_variant_unref (value);
          if (!atomr_view_prop_name_validate (name, "props", error) ||
              !atomr_view_prop_value_validate (prop.value, place, error) ||
              !atomr_view_vocabulary_check_prop (g_intern_string (kind), g_intern_string (name),
                                                 prop.value, place, error))
            {
              g_variant_unref (prop.value);
              return NULL;
            }
          prop.name = g_intern_string (name);
          g_array_append_val (prop_array, prop);
        }
      g_array_sort (prop_array, compare_props);
      /* Keep the last of equal names; the sort is stable. */
      for (guint i = 1; i < prop_array->len;)
        {
          if (g_array_index (prop_array, AtomrViewProp, i - 1).name ==
              g_array_index (prop_array, AtomrViewProp, i).name)
            g_array_remove_index (prop_array, i - 1);
          else
            i++;
        }
    }

  child_refs = g_new (AtomrViewNode *, MAX (n_children, 1));
  for (gsize i = 0; i < n_children; i++)
    child_refs[i] = atomr_view_node_ref (children[i]);

  self = atomr_view_node_new_take (g_intern_string (kind), key,
                                   (const AtomrViewProp *) prop_array->data, prop_array->len,
                                   child_refs, (guint) n_children);
  /* The node owns the values now. */
  g_array_set_clear_func (prop_array, NULL);

  problem = atomr_view_node_check (self, &duplicate);
  if (problem != ATOMR_VIEW_NODE_OK)
    {
      atomr_view_node_problem_set_error (self, problem, duplicate, "", error);
      atomr_view_node_unref (self);
      return NULL;
    }
  return self;
}

/**
 * atomr_view_node_ref:
 * @self: a node
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_node_ref (AtomrViewNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_node_unref:
 * @self: (transfer full): a node
 *
 * Releases a reference to @self; the last one frees it and releases its
 * children.
 *
 * Since: 0.1
 */
void
atomr_view_node_unref (AtomrViewNode *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_props; i++)
    if (self->props[i].value != NULL)
      g_variant_unref (self->props[i].value);
  if (self->runs != NULL)
    {
      for (guint r = 0; r < atomr_view_child_runs_for (self->n_children); r++)
        atomr_view_child_run_unref (self->runs[r]);
    }
  else
    {
      for (guint i = 0; i < self->n_children; i++)
        atomr_view_node_unref (self->children[i]);
    }
  if (self->block == NULL)
    g_free (self);
  else if (g_atomic_int_dec_and_test (&self->block->live))
    atomr_view_template_free_block (self->block);
}

/**
 * atomr_view_node_get_kind:
 * @self: a node
 *
 * The node's kind, for example [const@KIND_BUTTON] or a kind that only a
 * backend knows.
 *
 * The string is interned: two nodes of the same kind return the same pointer.
 *
 * Returns: (transfer none): the kind
 *
 * Since: 0.1
 */
const char *
atomr_view_node_get_kind (AtomrViewNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind;
}

/**
 * atomr_view_node_get_key:
 * @self: a node
 *
 * The key that tells @self apart from its siblings.
 *
 * Returns: (transfer none) (nullable): the key, or %NULL for a node without one
 *
 * Since: 0.1
 */
const char *
atomr_view_node_get_key (AtomrViewNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->key;
}

gint
atomr_view_node_find_prop (AtomrViewNode *self,
                           const char    *name)
{
  guint low = 0;
  guint high = self->n_props;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = strcmp (self->props[middle].name, name);

      if (order == 0)
        return (gint) middle;
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

/**
 * atomr_view_node_get_prop:
 * @self: a node
 * @name: a prop name
 *
 * Looks up the value of the prop @name.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if @self has no
 *   prop @name
 *
 * Since: 0.1
 */
GVariant *
atomr_view_node_get_prop (AtomrViewNode *self,
                          const char    *name)
{
  gint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  index = atomr_view_node_find_prop (self, name);
  return index >= 0 ? atomr_view_prop_get_value (&self->props[index]) : NULL;
}

/**
 * atomr_view_node_get_n_props:
 * @self: a node
 *
 * The number of props of @self; with [method@Node.get_prop_name] and
 * [method@Node.get_prop_value] it iterates them in name order.
 *
 * Returns: the number of props
 *
 * Since: 0.1
 */
guint
atomr_view_node_get_n_props (AtomrViewNode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_props;
}

/**
 * atomr_view_node_get_prop_name:
 * @self: a node
 * @index: a prop index, less than [method@Node.get_n_props]
 *
 * The name of the prop at @index; props are sorted by name (byte order).
 *
 * The string is interned.
 *
 * Returns: (transfer none): the name
 *
 * Since: 0.1
 */
const char *
atomr_view_node_get_prop_name (AtomrViewNode *self,
                               guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_props, NULL);

  return self->props[index].name;
}

/**
 * atomr_view_node_get_prop_value:
 * @self: a node
 * @index: a prop index, less than [method@Node.get_n_props]
 *
 * The value of the prop at @index.
 *
 * Returns: (transfer none): the value
 *
 * Since: 0.1
 */
GVariant *
atomr_view_node_get_prop_value (AtomrViewNode *self,
                                guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_props, NULL);

  return atomr_view_prop_get_value (&self->props[index]);
}

/**
 * atomr_view_node_get_prop_string:
 * @self: a node
 * @index: a prop index, less than [method@Node.get_n_props]
 *
 * The value of the prop at @index if it is a string (`s`), as the string.
 *
 * Strings set with [method@NodeBuilder.set_string] are kept as text, and
 * this reads them without making the `GVariant` that
 * [method@Node.get_prop_value] makes the first time it is asked.
 *
 * Returns: (transfer none) (nullable): the string, or %NULL if the value is
 *   not a string
 *
 * Since: 0.1
 */
const char *
atomr_view_node_get_prop_string (AtomrViewNode *self,
                                 guint          index)
{
  AtomrViewProp *prop;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_props, NULL);

  prop = &self->props[index];
  if (prop->text != NULL)
    return prop->text;
  /* The class, not is_of_type(): this is asked of every prop of every row. */
  if (g_variant_classify (prop->value) == G_VARIANT_CLASS_STRING)
    return g_variant_get_string (prop->value, NULL);
  return NULL;
}

/**
 * atomr_view_node_dup_props:
 * @self: a node
 *
 * All props of @self as one dictionary, in name order.
 *
 * Returns: (transfer full): a `GVariant` of type `a{sv}`
 *
 * Since: 0.1
 */
GVariant *
atomr_view_node_dup_props (AtomrViewNode *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (self != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  for (guint i = 0; i < self->n_props; i++)
    g_variant_builder_add (&builder, "{sv}", self->props[i].name, atomr_view_prop_get_value (&self->props[i]));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * atomr_view_node_get_n_children:
 * @self: a node
 *
 * The number of children of @self.
 *
 * Returns: the number of children
 *
 * Since: 0.1
 */
guint
atomr_view_node_get_n_children (AtomrViewNode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_children;
}

/**
 * atomr_view_node_get_child:
 * @self: a node
 * @index: a child index, less than [method@Node.get_n_children]
 *
 * The child at @index.
 *
 * Returns: (transfer none): the child
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_node_get_child (AtomrViewNode *self,
                           guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_children, NULL);

  return self->children[index];
}

/**
 * atomr_view_node_get_children:
 * @self: a node
 * @n_children: (out) (optional): return location for the number of children
 *
 * The children, in order: for a walk over the children of a long list
 * without a call per child. The array belongs to @self and lives as long as
 * it does.
 *
 * Returns: (array length=n_children) (transfer none): the children; %NULL
 *   when there are none
 *
 * Since: 0.1
 */
AtomrViewNode * const *
atomr_view_node_get_children (AtomrViewNode *self,
                              guint         *n_children)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_children != NULL)
    *n_children = self->n_children;
  return self->n_children > 0 ? self->children : NULL;
}

/**
 * atomr_view_node_get_descendant:
 * @self: a node
 * @path: (array length=path_length) (nullable): child indices, from @self down
 * @path_length: the number of indices in @path
 *
 * Follows @path down from @self, the way a patch addresses a node: the empty
 * path is @self, `[2]` its third child, `[2, 0]` that child's first child.
 *
 * Costs O(@path_length).
 *
 * Returns: (transfer none) (nullable): the node at @path, or %NULL if an index
 *   is out of range
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_node_get_descendant (AtomrViewNode *self,
                                const guint   *path,
                                gsize          path_length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL || path_length == 0, NULL);

  for (gsize i = 0; i < path_length; i++)
    {
      if (path[i] >= self->n_children)
        return NULL;
      self = self->children[path[i]];
    }
  return self;
}

/**
 * atomr_view_node_equal:
 * @a: a node
 * @b: another node
 *
 * Compares two trees: same kind, key, props (by `g_variant_equal()`) and
 * children, all the way down.
 *
 * Subtrees that are the same pointer are equal at once, so comparing two
 * trees that share all but a few subtrees costs only the unshared part.
 *
 * Returns: whether @a and @b are equal
 *
 * Since: 0.1
 */
gboolean
atomr_view_node_equal (AtomrViewNode *a,
                       AtomrViewNode *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;
  if (a->kind != b->kind ||
      a->n_props != b->n_props ||
      a->n_children != b->n_children ||
      a->n_nodes != b->n_nodes ||
      !atomr_view_node_same_key (a, b))
    return FALSE;
  for (guint i = 0; i < a->n_props; i++)
    {
      if (a->props[i].name != b->props[i].name ||
          !atomr_view_prop_equal_values (&a->props[i], &b->props[i]))
        return FALSE;
    }
  for (guint i = 0; i < a->n_children; i++)
    if (!atomr_view_node_equal (a->children[i], b->children[i]))
      return FALSE;
  return TRUE;
}

/* -- marks ----------------------------------------------------------------------- */

#define N_MARKS 32

static guint marks_taken;

/**
 * atomr_view_node_allocate_mark:
 *
 * Hands out a mark that no other caller in the process has.
 *
 * A mark is one bit a backend may set on nodes to remember something that
 * follows from a node's value alone, and so stays true while the node lives:
 * "this node passed my checks" spares checking it again when it comes back
 * in the next scene. Marks are not part of the value: nodes that are equal
 * may differ in marks, and marks are not compared, copied, hashed or
 * serialised. A mark, once added, is never taken away.
 *
 * There are 32 marks. When all are taken this returns 0, a mark no node
 * ever has and that [method@Node.add_mark] ignores: a backend that gets it
 * simply remembers nothing.
 *
 * Returns: a mark from 1 to 32, or 0 when none is left
 *
 * Since: 0.1
 */
guint
atomr_view_node_allocate_mark (void)
{
  guint taken = (guint) g_atomic_int_get (&marks_taken);

  do
    if (taken >= N_MARKS)
      return 0;
  while (!g_atomic_int_compare_and_exchange_full ((gint *) &marks_taken, (gint) taken, (gint) taken + 1,
                                                  (gint *) &taken));
  return taken + 1;
}

/**
 * atomr_view_node_has_mark:
 * @self: a node
 * @mark: a mark from [func@Node.allocate_mark]
 *
 * Whether @mark was added to @self, from any thread.
 *
 * Returns: whether @self has @mark
 *
 * Since: 0.1
 */
gboolean
atomr_view_node_has_mark (AtomrViewNode *self,
                          guint          mark)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (mark <= N_MARKS, FALSE);

  return mark != 0 && ((guint) g_atomic_int_get (&self->marks) & (1u << (mark - 1))) != 0;
}

/**
 * atomr_view_node_add_mark:
 * @self: a node
 * @mark: a mark from [func@Node.allocate_mark]
 *
 * Adds @mark to @self. Nodes are shared between threads and never change:
 * this is the one thing about a node that does, and it is done atomically,
 * so any thread may add a mark to any node it holds.
 *
 * Since: 0.1
 */
void
atomr_view_node_add_mark (AtomrViewNode *self,
                          guint          mark)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mark <= N_MARKS);

  if (mark != 0)
    g_atomic_int_or (&self->marks, 1u << (mark - 1));
}
