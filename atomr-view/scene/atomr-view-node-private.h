/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <string.h>

#include "atomr-view-child-run-private.h"
#include "atomr-view-node.h"
#include "atomr-view-refcount-private.h"
#include "atomr-view-scene-error.h"
#include "atomr-view-template.h"

G_BEGIN_DECLS

/* A prop's value is a GVariant, or a string kept as its text: a row of a
 * list holds a few strings that no one asks for as GVariants until the row
 * is shown, and making each one costs more than the rest of the node.
 * In a builder, a prop has @value or @text (owned). In a node, @text is
 * stored after the key and @value stays NULL until asked for; it is then
 * made once, atomically, by atomr_view_prop_get_value(). */
typedef struct
{
  const char *name;   /* interned */
  GVariant   *value;  /* a full reference, never floating; or NULL, see above */
  const char *text;   /* NULL, or the value as a UTF-8 string */
} AtomrViewProp;

/* One allocation for the nodes of a tree made from a template (see
 * atomr_view_node_init_take()): freed when the last of them dies. */
typedef struct
{
  gint               live;       /* nodes in the block not freed yet */
  guint              pooled;     /* its size if cut by the template's pool, else 0: malloc's */
  AtomrViewTemplate *template;   /* what made the tree, a reference */
} AtomrViewNodeBlock;

struct _AtomrViewNode
{
  AtomrViewRefCount ref_count;
  guint             n_props;
  guint             n_children;
  guint             height;     /* levels of this subtree: 1 for a leaf */
  guint             n_nodes;    /* nodes of this subtree, itself included */
  guint             key_hash;   /* 0 when there is no key */
  guint             marks;      /* backends' bits, set atomically; not part of the value */
  const char       *kind;       /* interned */
  const char       *key;        /* NULL or stored after the arrays */
  AtomrViewProp    *props;      /* sorted by name, names unique */
  AtomrViewNode   **children;   /* references, or the runs' pointers when there are runs */
  AtomrViewChildRun **runs;     /* NULL: children held one by one; see atomr_view_child_runs_for() */
  AtomrViewNodeBlock *block;    /* the block the node lives in, or NULL: its own allocation */
};

/* Clears a prop that owns its text (a builder's). */
static inline void
atomr_view_prop_clear (AtomrViewProp *prop)
{
  g_clear_pointer (&prop->value, g_variant_unref);
  g_clear_pointer ((char **) &prop->text, g_free);
}

/* The value, made from the text the first time it is asked for; safe from
 * any thread. Transfer none. */
GVariant            *atomr_view_prop_get_value        (AtomrViewProp       *prop);
/* The type string of the value, without making it. */
static inline const char *
atomr_view_prop_get_type_string (AtomrViewProp *prop)
{
  return prop->text != NULL ? "s" : g_variant_get_type_string (prop->value);
}
/* Whether two props hold equal values (names not compared). */
gboolean             atomr_view_prop_equal_values     (AtomrViewProp       *a,
                                                       AtomrViewProp       *b);

/* What atomr_view_node_check() found wrong with a new node. */
typedef enum
{
  ATOMR_VIEW_NODE_OK,
  ATOMR_VIEW_NODE_DUPLICATE_KEY,
  ATOMR_VIEW_NODE_TOO_DEEP,
  ATOMR_VIEW_NODE_TOO_LARGE,
} AtomrViewNodeProblem;

/* Takes over the props' values (sorted by name, names unique) and the children's
 * references, and copies the props' texts; checks nothing, see
 * atomr_view_node_check(). */
AtomrViewNode       *atomr_view_node_new_take         (const char          *kind,
                                                       const char          *key,
                                                       const AtomrViewProp *props,
                                                       guint                n_props,
                                                       AtomrViewNode      **children,
                                                       guint                n_children);
/* As atomr_view_node_new_take(), with the children of @runs (their
 * references taken; every run full but the last). */
AtomrViewNode       *atomr_view_node_new_take_runs    (const char          *kind,
                                                       const char          *key,
                                                       const AtomrViewProp *props,
                                                       guint                n_props,
                                                       AtomrViewChildRun  **runs,
                                                       guint                n_runs);
/* The bytes a node of these parts takes, a multiple of the pointer size. */
gsize                atomr_view_node_get_size_for     (const char          *key,
                                                       const AtomrViewProp *props,
                                                       guint                n_props,
                                                       guint                n_children);
/* As atomr_view_node_new_take(), at @memory, atomr_view_node_get_size_for()
 * bytes of @block, whose count of live nodes the caller has set. */
AtomrViewNode       *atomr_view_node_init_take        (gpointer             memory,
                                                       AtomrViewNodeBlock  *block,
                                                       const char          *kind,
                                                       const char          *key,
                                                       const AtomrViewProp *props,
                                                       guint                n_props,
                                                       AtomrViewNode      **children,
                                                       guint                n_children);
/* Checks the rules a new node's children bring: unique keys and the limits.
 * On a duplicate key, *@duplicate is the index of the second child with it. */
AtomrViewNodeProblem atomr_view_node_check            (AtomrViewNode       *self,
                                                       guint               *duplicate);
/* Checks only the limits, for nodes whose keys are known to be unique. */
AtomrViewNodeProblem atomr_view_node_check_limits     (AtomrViewNode       *self);
/* Sets @error for @problem; @place names @self, "" for the root. */
void                 atomr_view_node_problem_set_error (AtomrViewNode       *self,
                                                        AtomrViewNodeProblem problem,
                                                        guint                duplicate,
                                                        const char          *place,
                                                        GError             **error);
/* Index of the prop @name in @self->props, or -1. */
gint                 atomr_view_node_find_prop        (AtomrViewNode       *self,
                                                       const char          *name);
guint                atomr_view_key_hash              (const char          *key);
/* The same identity for the keyed diff: same key, or both without one. */
static inline gboolean
atomr_view_node_same_key (AtomrViewNode *a,
                          AtomrViewNode *b)
{
  if (a->key == NULL || b->key == NULL)
    return a->key == b->key;
  return a->key_hash == b->key_hash && strcmp (a->key, b->key) == 0;
}

/* How many children from @index on @a and @b hold in a run they share, and
 * so are the same nodes in both: 0 when there is none at @index. */
static inline guint
atomr_view_node_shared_run (AtomrViewNode *a,
                            AtomrViewNode *b,
                            guint          index)
{
  AtomrViewChildRun *run;

  if (a->runs == NULL || b->runs == NULL || index % ATOMR_VIEW_CHILD_RUN != 0 ||
      index >= a->n_children || index >= b->n_children)
    return 0;
  run = a->runs[index / ATOMR_VIEW_CHILD_RUN];
  return run == b->runs[index / ATOMR_VIEW_CHILD_RUN] ? run->n : 0;
}

G_END_DECLS
