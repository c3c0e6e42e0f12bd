/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Shorthands the C examples share for building scene nodes. A real program
 * would write the same few lines; they are not part of the library. */
#pragma once

#include <stdarg.h>

#include <atomr-view.h>

/* A node of @kind with @key (or NULL) and props given as name, GVariant pairs
 * (floating values are sunk), ending with NULL. */
static inline AtomrViewNode *
example_node (const char *kind,
              const char *key,
              ...)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (kind);
  g_autoptr(GError) error = NULL;
  AtomrViewNode *node;
  const char *name;
  va_list args;

  if (key != NULL)
    atomr_view_node_builder_set_key (builder, key);
  va_start (args, key);
  while ((name = va_arg (args, const char *)) != NULL)
    atomr_view_node_builder_set_prop (builder, name, va_arg (args, GVariant *));
  va_end (args);
  node = atomr_view_node_builder_end (builder, &error);
  if (node == NULL)
    g_error ("An example built a bad node: %s", error->message);
  return node;
}

/* A container of @orientation ("vertical" or "horizontal") holding the nodes
 * of @children, which it takes. */
static inline AtomrViewNode *
example_box (const char *key,
             const char *orientation,
             int         spacing,
             GPtrArray  *children)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(GPtrArray) owned = children;
  g_autoptr(GError) error = NULL;
  AtomrViewNode *node;

  if (key != NULL)
    atomr_view_node_builder_set_key (builder, key);
  atomr_view_node_builder_set_string (builder, ATOMR_VIEW_PROP_ORIENTATION, orientation);
  atomr_view_node_builder_set_int (builder, ATOMR_VIEW_PROP_SPACING, spacing);
  for (guint i = 0; i < owned->len; i++)
    atomr_view_node_builder_add_child (builder, g_ptr_array_index (owned, i));
  node = atomr_view_node_builder_end (builder, &error);
  if (node == NULL)
    g_error ("An example built a bad node: %s", error->message);
  return node;
}

/* A list that owns the nodes put into it, for example_box(). */
static inline GPtrArray *
example_children (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);
}

/* @node with a margin of @pixels on every side (GtkWidget properties, which
 * any kind accepts by name), taking @node. */
static inline AtomrViewNode *
example_with_margins (AtomrViewNode *node,
                      int            pixels)
{
  g_autoptr(AtomrViewNode) owned = node;
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (owned);
  const char *sides[] = { "margin-top", "margin-bottom", "margin-start", "margin-end" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    atomr_view_node_builder_set_int (builder, sides[i], pixels);
  return atomr_view_node_builder_end (builder, NULL);
}

static inline GVariant *
example_classes (const char *first,
                 ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_variant_builder_add (&builder, "s", name);
  va_end (args);
  return g_variant_builder_end (&builder);
}
