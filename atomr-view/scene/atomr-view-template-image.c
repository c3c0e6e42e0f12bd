/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The image of a tree made from a template: laid out once, when the
 * template is made, and copied for each tree whose slots are all given. */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-template-private.h"

typedef struct
{
  GArray    *relocations;   /* gsize */
  GPtrArray *values;
  GPtrArray *shared;
} ImageLists;

static gsize
part_image_size (const AtomrViewTemplatePart *part)
{
  return sizeof (AtomrViewNode)
         + (gsize) part->n_props * sizeof (AtomrViewProp)
         + (gsize) part->n_children * sizeof (AtomrViewNode *);
}

/* Stores at @offset of the image a pointer to @target, also an offset in
 * it: atomr_view_template_make_from_image() adds the block's address. */
static void
image_set_inner_pointer (AtomrViewTemplate *self,
                         ImageLists        *lists,
                         gsize              offset,
                         gsize              target)
{
  gpointer relative = (gpointer) (guintptr) target;

  memcpy (self->image + offset, &relative, sizeof relative);
  g_array_append_val (lists->relocations, offset);
}

/* Lays the part at @index out at *@cursor, its children after it, and
 * moves *@cursor past them all; returns the part's offset. */
static gsize
image_part (AtomrViewTemplate *self,
            guint              index,
            gsize             *cursor,
            ImageLists        *lists)
{
  const AtomrViewTemplatePart *part = &self->parts[index];
  gsize at = *cursor;
  gsize props_at = at + sizeof (AtomrViewNode);
  gsize children_at = props_at + (gsize) part->n_props * sizeof (AtomrViewProp);
  AtomrViewNode *node = (AtomrViewNode *) (gpointer) (self->image + at);
  AtomrViewProp *props = (AtomrViewProp *) (gpointer) (self->image + props_at);
  AtomrViewNode **children = (AtomrViewNode **) (gpointer) (self->image + children_at);
  guint64 n_nodes = 1;
  guint height = 0;

  *cursor += part_image_size (part);
  atomr_view_ref_count_init (&node->ref_count);
  node->n_props = part->n_props;
  node->n_children = part->n_children;
  node->kind = part->kind;
  /* The root's key is the tree's; the others' stay in the template, which
   * the block holds, as do the texts of props that are not slots. */
  node->key = part->key;
  node->key_hash = part->key != NULL ? atomr_view_key_hash (part->key) : 0;
  node->marks = 0;
  /* A template's node holds its children one by one, however many. */
  node->runs = NULL;
  image_set_inner_pointer (self, lists, at + G_STRUCT_OFFSET (AtomrViewNode, props), props_at);
  image_set_inner_pointer (self, lists, at + G_STRUCT_OFFSET (AtomrViewNode, children), children_at);
  image_set_inner_pointer (self, lists, at + G_STRUCT_OFFSET (AtomrViewNode, block), 0);

  for (guint i = 0; i < part->n_props; i++)
    {
      const AtomrViewTemplatePartProp *source = &part->props[i];

      props[i].name = source->prop.name;
      if (source->slot != ATOMR_VIEW_TEMPLATE_NO_SLOT)
        {
          props[i].value = NULL;
          props[i].text = NULL;
          self->slot_props[source->slot] = props_at + i * sizeof (AtomrViewProp);
          continue;
        }
      props[i].value = source->prop.value;
      props[i].text = source->prop.text;
      if (props[i].value != NULL)
        g_ptr_array_add (lists->values, props[i].value);
    }

  for (guint i = 0; i < part->n_children; i++)
    {
      const AtomrViewNode *child;

      if (part->shared[i] != NULL)
        {
          children[i] = part->shared[i];
          g_ptr_array_add (lists->shared, part->shared[i]);
          child = part->shared[i];
        }
      else
        {
          gsize child_at = image_part (self, part->parts[i], cursor, lists);

          image_set_inner_pointer (self, lists, children_at + i * sizeof (AtomrViewNode *), child_at);
          child = (const AtomrViewNode *) (gconstpointer) (self->image + child_at);
        }
      n_nodes += child->n_nodes;
      height = MAX (height, child->height);
    }
  node->n_nodes = (guint) MIN (n_nodes, (guint64) G_MAXUINT);
  node->height = MIN (height, G_MAXUINT - 1) + 1;
  return at;
}

void
atomr_view_template_make_image (AtomrViewTemplate *self)
{
  ImageLists lists = {
    g_array_new (FALSE, FALSE, sizeof (gsize)),
    g_ptr_array_new (),
    g_ptr_array_new (),
  };
  AtomrViewNodeBlock *block;
  gsize cursor = sizeof (AtomrViewNodeBlock);

  self->image_size = sizeof (AtomrViewNodeBlock);
  for (guint i = 0; i < self->n_parts; i++)
    self->image_size += part_image_size (&self->parts[i]);
  self->image = g_malloc0 (self->image_size);
  self->slot_props = g_new0 (gsize, MAX (self->n_slots, 1));

  block = (AtomrViewNodeBlock *) (gpointer) self->image;
  block->live = (gint) self->n_parts;
  block->template = self;   /* each tree made takes its reference */
  image_part (self, 0, &cursor, &lists);
  g_assert (cursor == self->image_size);

  self->n_relocations = lists.relocations->len;
  self->relocations = (gsize *) (gpointer) g_array_free (lists.relocations, FALSE);
  self->n_values = lists.values->len;
  self->values = (GVariant **) g_ptr_array_free (lists.values, FALSE);
  self->n_shared = lists.shared->len;
  self->shared = (AtomrViewNode **) g_ptr_array_free (lists.shared, FALSE);
}

/* A copy of the image, its pointers moved to the block, the references it
 * holds taken again. */
AtomrViewNode *
atomr_view_template_make_from_image (AtomrViewTemplate   *self,
                                     const char          *key,
                                     const AtomrViewProp *fill)
{
  gsize key_size = key != NULL ? strlen (key) + 1 : 0;
  gsize size = self->image_size + key_size;
  AtomrViewNodeBlock *block;
  guint pooled;
  AtomrViewNode *root;
  char *base;
  char *tail;

  for (guint i = 0; i < self->n_slots; i++)
    if (fill[i].text != NULL)
      size += strlen (fill[i].text) + 1;
  block = atomr_view_template_alloc_block (self, size);
  pooled = block->pooled;
  base = (char *) block;
  memcpy (base, self->image, self->image_size);
  block->pooled = pooled;   /* the image's header has none */
  for (guint i = 0; i < self->n_relocations; i++)
    {
      gpointer pointer;

      memcpy (&pointer, base + self->relocations[i], sizeof pointer);
      pointer = base + (guintptr) pointer;
      memcpy (base + self->relocations[i], &pointer, sizeof pointer);
    }
  atomr_view_template_ref (self);
  for (guint i = 0; i < self->n_values; i++)
    g_variant_ref (self->values[i]);
  for (guint i = 0; i < self->n_shared; i++)
    atomr_view_node_ref (self->shared[i]);

  root = (AtomrViewNode *) (gpointer) (base + sizeof (AtomrViewNodeBlock));
  tail = base + self->image_size;
  if (key != NULL)
    {
      memcpy (tail, key, key_size);
      root->key = tail;
      root->key_hash = atomr_view_key_hash (key);
      tail += key_size;
    }
  for (guint i = 0; i < self->n_slots; i++)
    {
      AtomrViewProp *prop = (AtomrViewProp *) (gpointer) (base + self->slot_props[i]);

      if (fill[i].text != NULL)
        {
          /* One pass: g_stpcpy() finds the end as it copies. */
          prop->text = tail;
          tail = g_stpcpy (tail, fill[i].text) + 1;
        }
      else
        prop->value = g_variant_ref (fill[i].value);
    }
  g_assert (tail == base + size);
  return root;
}
