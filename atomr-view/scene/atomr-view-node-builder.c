/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-intern-private.h"
#include "atomr-view-node-builder.h"
#include "atomr-view-node-private.h"
#include "atomr-view-prop-value-private.h"
#include "atomr-view-refcount-private.h"
#include "atomr-view-value-cache-private.h"
#include "atomr-view-vocabulary-private.h"

/**
 * AtomrViewNodeBuilder:
 *
 * Collects a kind, a key, props and children, and makes an [struct@Node].
 *
 * ```c
 * g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
 * g_autoptr(AtomrViewNode) button = NULL;
 *
 * atomr_view_node_builder_set_key (builder, "save");
 * atomr_view_node_builder_set_string (builder, ATOMR_VIEW_PROP_LABEL, "Save");
 * button = atomr_view_node_builder_end (builder, &error);
 * ```
 *
 * Setters never fail on the spot: the first bad name or value is remembered
 * and [method@NodeBuilder.build] or [method@NodeBuilder.end] reports it,
 * with duplicate keys and the limits. A builder can build any number of
 * nodes; each build sees what was set so far, and end() starts afresh.
 *
 * Thread rule: a builder is mutable; use it from one thread at a time. The
 * nodes it builds may go to any thread.
 *
 * Since: 0.1
 */

/* Rows are built by the thousand, each node by a builder of its own: a
 * builder with a few props and children makes no allocation but itself. */
#define INLINE_PROPS    6
#define INLINE_CHILDREN 4

struct _AtomrViewNodeBuilder
{
  AtomrViewRefCount ref_count;
  const char       *kind;         /* interned */
  gboolean          kind_valid;
  char             *key;
  AtomrViewProp    *props;        /* sorted by name; inline_props or allocated */
  guint             n_props;
  guint             props_size;
  AtomrViewNode   **children;     /* inline_children or allocated; the runs' pointers, then references */
  AtomrViewChildRun **runs;       /* NULL, or runs of a node built from (see new_from_node()) */
  guint             n_runs;
  guint             run_children; /* the first children, held by the runs; all full if any follow */
  guint             n_children;
  guint             children_size;
  gboolean          keys_unique;  /* the children's keys are known to differ: no need to compare them */
  GError           *first_error;
  AtomrViewProp     inline_props[INLINE_PROPS];
  AtomrViewNode    *inline_children[INLINE_CHILDREN];
};

G_DEFINE_BOXED_TYPE (AtomrViewNodeBuilder, atomr_view_node_builder,
                     atomr_view_node_builder_ref, atomr_view_node_builder_unref)

static AtomrViewNodeBuilder *
builder_new (const char *kind)
{
  AtomrViewNodeBuilder *self = g_new (AtomrViewNodeBuilder, 1);

  atomr_view_ref_count_init (&self->ref_count);
  /* Checked here, reported by build(): the kind never changes. */
  self->kind = atomr_view_intern_name (kind);
  self->kind_valid = self->kind != NULL;
  if (!self->kind_valid)
    self->kind = atomr_view_intern (kind);
  self->key = NULL;
  self->props = self->inline_props;
  self->n_props = 0;
  self->props_size = INLINE_PROPS;
  self->children = self->inline_children;
  self->runs = NULL;
  self->n_runs = 0;
  self->run_children = 0;
  self->n_children = 0;
  self->children_size = INLINE_CHILDREN;
  self->keys_unique = TRUE;
  self->first_error = NULL;
  return self;
}

/* Room for one more prop and one more child. */
static void
reserve_prop (AtomrViewNodeBuilder *self)
{
  if (self->n_props < self->props_size)
    return;
  self->props_size *= 2;
  if (self->props == self->inline_props)
    self->props = g_memdup2 (self->inline_props, sizeof self->inline_props);
  self->props = g_renew (AtomrViewProp, self->props, self->props_size);
}

/* Room for @n_more more children. */
static void
reserve_children (AtomrViewNodeBuilder *self,
                  guint                 n_more)
{
  guint size = self->children_size;

  if (self->n_children + n_more <= size)
    return;
  while (size < self->n_children + n_more)
    size *= 2;
  if (self->children == self->inline_children)
    self->children = g_memdup2 (self->inline_children, sizeof self->inline_children);
  self->children = g_renew (AtomrViewNode *, self->children, size);
  self->children_size = size;
}

/* Lets go of the runs, which no longer hold any child. */
static void
free_runs (AtomrViewNodeBuilder *self)
{
  for (guint r = 0; r < self->n_runs; r++)
    atomr_view_child_run_unref (self->runs[r]);
  g_clear_pointer (&self->runs, g_free);
  self->n_runs = 0;
  self->run_children = 0;
}

/* Holds the children one by one again, before they change places. */
static void
drop_runs (AtomrViewNodeBuilder *self)
{
  if (self->runs == NULL)
    return;
  for (guint i = 0; i < self->run_children; i++)
    atomr_view_node_ref (self->children[i]);
  free_runs (self);
}

/* Children added after the runs are held one by one until build() makes
 * runs of them; the runs before them must be full, so a last run that is
 * not gives its children back to be held one by one. */
static void
open_last_run (AtomrViewNodeBuilder *self)
{
  AtomrViewChildRun *last;

  if (self->runs == NULL || self->run_children < self->n_children)
    return;
  last = self->runs[self->n_runs - 1];
  if (last->n == ATOMR_VIEW_CHILD_RUN)
    return;
  for (guint i = self->run_children - last->n; i < self->run_children; i++)
    atomr_view_node_ref (self->children[i]);
  self->run_children -= last->n;
  self->n_runs--;
  atomr_view_child_run_unref (last);
}

static void
add_child (AtomrViewNodeBuilder *self,
           AtomrViewNode        *child)
{
  /* Appending keeps the runs: a long list that grows at its end shares
   * what it had with the list it came from. */
  open_last_run (self);
  reserve_children (self, 1);
  self->children[self->n_children++] = child;
  /* An unkeyed child cannot clash; a keyed one is compared by build(). */
  if (child->key != NULL)
    self->keys_unique = FALSE;
}

static void
clear_children (AtomrViewNodeBuilder *self)
{
  for (guint i = self->run_children; i < self->n_children; i++)
    atomr_view_node_unref (self->children[i]);
  free_runs (self);
  self->n_children = 0;
  self->keys_unique = TRUE;
}

/**
 * atomr_view_node_builder_new:
 * @kind: the kind of the node to build, for example [const@KIND_CONTAINER]
 *
 * Starts a node of kind @kind without key, props or children.
 *
 * Returns: (transfer full): a new builder
 *
 * Since: 0.1
 */
AtomrViewNodeBuilder *
atomr_view_node_builder_new (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return builder_new (kind);
}

/**
 * atomr_view_node_builder_new_from_node:
 * @node: a node to start from
 *
 * Starts with the kind, key, props and children of @node, to build a node
 * that differs from it in a few places. The children are shared, not copied:
 * of a long list, in runs that the new node shares with @node where
 * [method@NodeBuilder.set_child] left them alone, also when
 * [method@NodeBuilder.add_child] appends children after them.
 *
 * Returns: (transfer full): a new builder
 *
 * Since: 0.1
 */
AtomrViewNodeBuilder *
atomr_view_node_builder_new_from_node (AtomrViewNode *node)
{
  AtomrViewNodeBuilder *self;

  g_return_val_if_fail (node != NULL, NULL);

  self = builder_new (node->kind);
  self->key = g_strdup (node->key);
  for (guint i = 0; i < node->n_props; i++)
    {
      AtomrViewProp *prop;

      reserve_prop (self);
      prop = &self->props[self->n_props];
      prop->name = node->props[i].name;
      /* A text is copied, not its value: the value may not be made yet. */
      prop->text = g_strdup (node->props[i].text);
      prop->value = prop->text == NULL ? g_variant_ref (node->props[i].value) : NULL;
      self->n_props++;
    }
  reserve_children (self, node->n_children);
  self->n_children = node->n_children;
  if (node->runs != NULL)
    {
      guint n_runs = atomr_view_child_runs_for (node->n_children);

      memcpy (self->children, node->children, node->n_children * sizeof (AtomrViewNode *));
      self->runs = g_new (AtomrViewChildRun *, n_runs);
      for (guint r = 0; r < n_runs; r++)
        self->runs[r] = atomr_view_child_run_ref (node->runs[r]);
      self->n_runs = n_runs;
      self->run_children = node->n_children;
      self->keys_unique = TRUE;
      return self;
    }
  for (guint i = 0; i < node->n_children; i++)
    {
      /* atomr_view_node_ref() without its precondition: a list of thousands
       * is copied for a change in a few rows. */
      atomr_view_ref_count_inc (&node->children[i]->ref_count);
      self->children[i] = node->children[i];
    }
  /* A node's children never share a key: only what changes later is compared. */
  self->keys_unique = TRUE;
  return self;
}

/**
 * atomr_view_node_builder_ref:
 * @self: a builder
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewNodeBuilder *
atomr_view_node_builder_ref (AtomrViewNodeBuilder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_node_builder_unref:
 * @self: (transfer full): a builder
 *
 * Releases a reference to @self.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_unref (AtomrViewNodeBuilder *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  g_free (self->key);
  for (guint i = 0; i < self->n_props; i++)
    atomr_view_prop_clear (&self->props[i]);
  if (self->props != self->inline_props)
    g_free (self->props);
  clear_children (self);
  if (self->children != self->inline_children)
    g_free (self->children);
  g_clear_error (&self->first_error);
  g_free (self);
}

/**
 * atomr_view_node_builder_set_key:
 * @self: a builder
 * @key: (nullable): a non-empty key, or %NULL for none
 *
 * Sets the key that tells the node apart from its siblings.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_key (AtomrViewNodeBuilder *self,
                                 const char           *key)
{
  g_return_if_fail (self != NULL);

  g_free (self->key);
  self->key = g_strdup (key);
}

/* Index where @name is or belongs; *found says which. */
static guint
find_prop (AtomrViewNodeBuilder *self,
           const char           *name,
           gboolean             *found)
{
  guint low = 0;
  guint high = self->n_props;

  *found = FALSE;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = strcmp (self->props[middle].name, name);

      if (order == 0)
        {
          *found = TRUE;
          return middle;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void put_prop (AtomrViewNodeBuilder *self,
                      const char           *name,
                      GVariant             *value,
                      char                 *text);

/**
 * atomr_view_node_builder_set_prop:
 * @self: a builder
 * @name: a prop name, for example [const@PROP_LABEL]
 * @value: the value; consumed if floating
 *
 * Sets the prop @name to @value, replacing an earlier value.
 *
 * A bad name, a value holding NaN or a subnormal number, or a value nesting
 * deeper than [const@SCENE_MAX_VALUE_DEPTH] is reported by
 * [method@NodeBuilder.build] or [method@NodeBuilder.end].
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_prop (AtomrViewNodeBuilder *self,
                                  const char           *name,
                                  GVariant             *value)
{
  g_autoptr(GVariant) owned = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  owned = g_variant_ref_sink (value);
  if (self->first_error != NULL)
    return;
  /* The place is formatted only for an error: rows are built by the thousand. */
  if (!atomr_view_prop_value_validate (owned, NULL, NULL))
    {
      g_autofree char *place = g_strdup_printf ("props.%s", name);

      if (atomr_view_prop_name_validate (name, "props", &self->first_error))
        atomr_view_prop_value_validate (owned, place, &self->first_error);
      return;
    }
  put_prop (self, name, atomr_view_prop_value_take_normal_form (g_steal_pointer (&owned)), NULL);
}

/* Sets @name to @value, a full reference in normal form that passed
 * atomr_view_prop_value_validate(), or to @text, UTF-8; takes the one
 * given. */
static void
put_prop (AtomrViewNodeBuilder *self,
          const char           *name,
          GVariant             *value,
          char                 *text)
{
  AtomrViewProp prop = { NULL, value, text };
  gboolean found;
  guint index;

  if (self->first_error == NULL)
    {
      prop.name = atomr_view_intern_name (name);
      if (prop.name == NULL)
        atomr_view_prop_name_validate (name, "props", &self->first_error);
    }
  if (prop.name == NULL)
    {
      atomr_view_prop_clear (&prop);
      return;
    }
  index = find_prop (self, prop.name, &found);
  if (found)
    {
      atomr_view_prop_clear (&self->props[index]);
      self->props[index] = prop;
      return;
    }
  reserve_prop (self);
  memmove (&self->props[index + 1], &self->props[index], (self->n_props - index) * sizeof (AtomrViewProp));
  self->props[index] = prop;
  self->n_props++;
}

/**
 * atomr_view_node_builder_set_string:
 * @self: a builder
 * @name: a prop name
 * @value: a UTF-8 string
 *
 * Sets the prop @name to a string (`s`).
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_string (AtomrViewNodeBuilder *self,
                                    const char           *name,
                                    const char           *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_critical ("%s: the value of the prop “%s” is not UTF-8 text; the prop is not set", G_STRFUNC, name);
      return;
    }
  /* Kept as text: see AtomrViewProp. A string is one level and no number,
   * nothing for atomr_view_prop_value_validate() to refuse. */
  put_prop (self, name, NULL, g_strdup (value));
}

/**
 * atomr_view_node_builder_set_int:
 * @self: a builder
 * @name: a prop name
 * @value: a number
 *
 * Sets the prop @name to a 32-bit integer (`i`), the type that JSON's whole
 * numbers decode to.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_int (AtomrViewNodeBuilder *self,
                                 const char           *name,
                                 gint32                value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  put_prop (self, name, atomr_view_value_cache_int32 (value), NULL);
}

/**
 * atomr_view_node_builder_set_double:
 * @self: a builder
 * @name: a prop name
 * @value: a number, not NaN nor subnormal
 *
 * Sets the prop @name to a double (`d`), the original project's `Number`.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_double (AtomrViewNodeBuilder *self,
                                    const char           *name,
                                    double                value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  /* A number the checks refuse takes the long way, to be refused with the reason. */
  if (!atomr_view_double_is_valid (value))
    atomr_view_node_builder_set_prop (self, name, g_variant_new_double (value));
  else
    put_prop (self, name, atomr_view_value_cache_double (value), NULL);
}

/**
 * atomr_view_node_builder_set_boolean:
 * @self: a builder
 * @name: a prop name
 * @value: a truth value
 *
 * Sets the prop @name to a boolean (`b`).
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_boolean (AtomrViewNodeBuilder *self,
                                     const char           *name,
                                     gboolean              value)
{
  static GVariant *values[2];   /* FALSE and TRUE: two values shared by every node */
  static gsize initialized;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (g_once_init_enter (&initialized))
    {
      values[0] = g_variant_ref_sink (g_variant_new_boolean (FALSE));
      values[1] = g_variant_ref_sink (g_variant_new_boolean (TRUE));
      g_once_init_leave (&initialized, 1);
    }

  put_prop (self, name, g_variant_ref (values[value ? 1 : 0]), NULL);
}

/**
 * atomr_view_node_builder_set_color:
 * @self: a builder
 * @name: a prop name, for example [const@PROP_COLOR]
 * @red: red, from 0 to 1
 * @green: green, from 0 to 1
 * @blue: blue, from 0 to 1
 * @alpha: opacity, from 0 (transparent) to 1
 *
 * Sets the prop @name to a colour, a `(dddd)` tuple; the original project's
 * `Color`.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_color (AtomrViewNodeBuilder *self,
                                   const char           *name,
                                   double                red,
                                   double                green,
                                   double                blue,
                                   double                alpha)
{
  atomr_view_node_builder_set_prop (self, name,
                                    g_variant_new ("(dddd)", red, green, blue, alpha));
}

/**
 * atomr_view_node_builder_set_vec2:
 * @self: a builder
 * @name: a prop name, for example [const@PROP_MIN_SIZE]
 * @x: the first component
 * @y: the second component
 *
 * Sets the prop @name to a two-component vector, a `(dd)` tuple; the original
 * project's `Vec2`.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_vec2 (AtomrViewNodeBuilder *self,
                                  const char           *name,
                                  double                x,
                                  double                y)
{
  atomr_view_node_builder_set_prop (self, name, g_variant_new ("(dd)", x, y));
}

/**
 * atomr_view_node_builder_unset_prop:
 * @self: a builder
 * @name: a prop name
 *
 * Removes the prop @name, if it is set.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_unset_prop (AtomrViewNodeBuilder *self,
                                    const char           *name)
{
  gboolean found;
  guint index;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  index = find_prop (self, name, &found);
  if (!found)
    return;
  atomr_view_prop_clear (&self->props[index]);
  self->n_props--;
  memmove (&self->props[index], &self->props[index + 1], (self->n_props - index) * sizeof (AtomrViewProp));
}

/**
 * atomr_view_node_builder_add_child:
 * @self: a builder
 * @child: a node
 *
 * Appends @child to the children. The node is shared, not copied.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_add_child (AtomrViewNodeBuilder *self,
                                   AtomrViewNode        *child)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (child != NULL);

  add_child (self, atomr_view_node_ref (child));
}

/**
 * atomr_view_node_builder_get_n_children:
 * @self: a builder
 *
 * Gets the number of children the builder holds now.
 *
 * Returns: the number of children
 *
 * Since: 0.1
 */
guint
atomr_view_node_builder_get_n_children (AtomrViewNodeBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_children;
}

/**
 * atomr_view_node_builder_set_child:
 * @self: a builder
 * @index: the index of a child, less than
 *   [method@NodeBuilder.get_n_children]
 * @child: a node
 *
 * Puts @child in place of the child at @index. The node is shared, not
 * copied.
 *
 * With [ctor@NodeBuilder.new_from_node] this makes a long list that
 * changed in a few places without adding every child again: when each
 * new child has the key of the one it replaces, [method@NodeBuilder.build]
 * knows the keys are still unique and does not compare them all.
 *
 * ```c
 * g_autoptr(AtomrViewNodeBuilder) rows = atomr_view_node_builder_new_from_node (old_rows);
 *
 * atomr_view_node_builder_set_child (rows, 3, new_row_3);
 * new_rows = atomr_view_node_builder_end (rows, &error);
 * ```
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_set_child (AtomrViewNodeBuilder *self,
                                   guint                 index,
                                   AtomrViewNode        *child)
{
  AtomrViewNode *old;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_children);
  g_return_if_fail (child != NULL);

  old = self->children[index];
  if (child->key != NULL && !atomr_view_node_same_key (old, child))
    self->keys_unique = FALSE;
  self->children[index] = child;
  if (index < self->run_children)
    {
      /* Only this run is copied, if another node holds it. */
      guint r = index / ATOMR_VIEW_CHILD_RUN;

      self->runs[r] = atomr_view_child_run_make_own (self->runs[r]);
      atomr_view_child_run_replace (self->runs[r], index % ATOMR_VIEW_CHILD_RUN, atomr_view_node_ref (child));
      return;
    }
  atomr_view_node_ref (child);
  atomr_view_node_unref (old);
}

/**
 * atomr_view_node_builder_remove_child:
 * @self: a builder
 * @index: the index of a child, less than
 *   [method@NodeBuilder.get_n_children]
 *
 * Removes the child at @index; the children after it move up by one.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_remove_child (AtomrViewNodeBuilder *self,
                                      guint                 index)
{
  AtomrViewNode *old;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_children);

  drop_runs (self);
  old = self->children[index];
  self->n_children--;
  memmove (&self->children[index], &self->children[index + 1],
           (self->n_children - index) * sizeof (AtomrViewNode *));
  atomr_view_node_unref (old);
}

/**
 * atomr_view_node_builder_clear_children:
 * @self: a builder
 *
 * Removes all children.
 *
 * Since: 0.1
 */
void
atomr_view_node_builder_clear_children (AtomrViewNodeBuilder *self)
{
  g_return_if_fail (self != NULL);

  clear_children (self);
}

/* The node of build(), sharing the builder's runs and holding the
 * children after them in new runs, which take the references the builder
 * holds on them. */
static AtomrViewNode *
build_with_runs (AtomrViewNodeBuilder *self,
                 const char           *kind)
{
  guint n_runs = atomr_view_child_runs_for (self->n_children);
  AtomrViewChildRun **runs = self->runs;
  AtomrViewNode *node;

  if (n_runs > self->n_runs)
    {
      runs = g_new (AtomrViewChildRun *, n_runs);
      memcpy (runs, self->runs, self->n_runs * sizeof (AtomrViewChildRun *));
      for (guint r = self->n_runs, i = self->run_children; r < n_runs; r++, i += ATOMR_VIEW_CHILD_RUN)
        runs[r] = atomr_view_child_run_new_take (&self->children[i],
                                                 MIN (ATOMR_VIEW_CHILD_RUN, self->n_children - i));
    }
  /* The node takes references to the runs of its own, whether the builder keeps them or not. */
  for (guint r = 0; r < self->n_runs; r++)
    atomr_view_child_run_ref (self->runs[r]);
  node = atomr_view_node_new_take_runs (kind, self->key, self->props, self->n_props, runs, n_runs);
  if (runs != self->runs)
    g_free (runs);
  return node;
}

/* Makes the node; with @take, the node takes the builder's props and
 * children, which it leaves empty (on success only). */
static AtomrViewNode *
build (AtomrViewNodeBuilder *self,
       gboolean              take,
       GError              **error)
{
  AtomrViewNode *node;
  AtomrViewNodeProblem problem;
  const char *kind;
  guint duplicate = 0;

  if (self->first_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->first_error));
      return NULL;
    }
  if ((!self->kind_valid && !atomr_view_kind_validate (self->kind, "kind", error)) ||
      !atomr_view_key_validate (self->key, "key", error))
    return NULL;

  kind = self->kind;
  for (guint i = 0; i < self->n_props; i++)
    {
      AtomrViewProp *prop = &self->props[i];

      const char *type = atomr_view_prop_get_type_string (prop);

      if (!atomr_view_vocabulary_check_prop_type (kind, prop->name, type, NULL, NULL))
        {
          g_autofree char *place = g_strdup_printf ("props.%s", prop->name);

          atomr_view_vocabulary_check_prop_type (kind, prop->name, type, place, error);
          return NULL;
        }
    }

  /* The node copies the arrays and takes these references; the builder keeps its own unless it hands them over. */
  if (!take)
    {
      for (guint i = 0; i < self->n_props; i++)
        if (self->props[i].value != NULL)
          g_variant_ref (self->props[i].value);
      for (guint i = self->run_children; i < self->n_children; i++)
        atomr_view_node_ref (self->children[i]);
    }

  if (self->runs != NULL)
    node = build_with_runs (self, kind);
  else
    node = atomr_view_node_new_take (kind, self->key, self->props, self->n_props,
                                     self->children, self->n_children);
  problem = self->keys_unique ? atomr_view_node_check_limits (node)
                              : atomr_view_node_check (node, &duplicate);
  if (problem != ATOMR_VIEW_NODE_OK)
    {
      atomr_view_node_problem_set_error (node, problem, duplicate, "", error);
      /* A failed build leaves the builder as it was. */
      if (take)
        {
          for (guint i = 0; i < self->n_props; i++)
            if (self->props[i].value != NULL)
              g_variant_ref (self->props[i].value);
          for (guint i = self->run_children; i < self->n_children; i++)
            atomr_view_node_ref (self->children[i]);
        }
      atomr_view_node_unref (node);
      return NULL;
    }
  /* Checked just now, or handed over below: the next build need not compare them. */
  self->keys_unique = TRUE;
  if (take)
    {
      /* The node holds the values and children now, and copies of the texts;
       * the arrays stay for the next node. */
      for (guint i = 0; i < self->n_props; i++)
        g_free ((char *) self->props[i].text);
      self->n_props = 0;
      /* The children after the runs are the new runs' now. */
      self->n_children = self->run_children;
      clear_children (self);
      g_clear_pointer (&self->key, g_free);
    }
  return node;
}

/**
 * atomr_view_node_builder_build:
 * @self: a builder
 * @error: return location for a #GError
 *
 * Makes a node of what was set so far.
 *
 * Fails, in the [error@SceneError] domain, on the first bad name or value a
 * setter saw, an empty key, two children with the same key
 * (%ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY), or a tree beyond
 * [const@SCENE_MAX_DEPTH] or [const@SCENE_MAX_NODES].
 *
 * Returns: (transfer full) (nullable): the new node, or %NULL with @error set
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_node_builder_build (AtomrViewNodeBuilder *self,
                               GError              **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build (self, FALSE, error);
}

/**
 * atomr_view_node_builder_end:
 * @self: a builder
 * @error: return location for a #GError
 *
 * Makes a node of what was set so far, like [method@NodeBuilder.build],
 * and hands it the builder's props and children instead of sharing them,
 * which is cheaper; the node copies the key, as it always does. The builder
 * is left with its kind only, ready for the next node. A builder that is
 * used for one node should end it.
 *
 * On failure nothing is handed over: the builder stays as it was.
 *
 * Returns: (transfer full) (nullable): the new node, or %NULL with @error set
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_node_builder_end (AtomrViewNodeBuilder *self,
                             GError              **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build (self, TRUE, error);
}
