/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <stdlib.h>
#include <string.h>

#include "atomr-view-intern-private.h"
#include "atomr-view-node-private.h"
#include "atomr-view-prop-value-private.h"
#include "atomr-view-refcount-private.h"
#include "atomr-view-scene-place-private.h"
#include "atomr-view-template-private.h"
#include "atomr-view-vocabulary-private.h"

/**
 * AtomrViewTemplate:
 *
 * A node tree with holes, for making many trees that differ only in a few
 * props: the rows of a list, the messages of a chat.
 *
 * A template is made once from a sample tree and the places of its holes,
 * its *slots*. Each slot names a prop of one node of the sample, by the
 * child indices that lead to it and the prop name: `"text"` is a prop of the
 * sample's root, `"1/text"` one of its second child, `"0/2/label"` one of the
 * third child of its first child.
 *
 * ```c
 * // Once: a row is a box of an id and a label; both texts and the box's
 * // CSS classes vary, the rest does not.
 * const char *slots[] = { "0/text", "1/text", "css-classes", NULL };
 * g_autoptr(AtomrViewTemplate) row = atomr_view_template_new (sample, slots, &error);
 *
 * // For each row: its key and its texts; no classes, unless selected.
 * const char *texts[] = { "12", "a red table", NULL };
 * AtomrViewNode *node = atomr_view_template_make_strings (row, "12", texts, 3, &error);
 * ```
 *
 * [method@Template.make] fills the slots with values of the types they had
 * in the sample, and [method@Template.make_strings] with strings. What it
 * makes is an ordinary tree of [struct@Node]s, equal to the one a
 * [struct@NodeBuilder] would have built, made without looking up and
 * checking each prop again: the names, kinds, keys and types were checked
 * once, in the sample. A subtree of the sample without a slot (a delete
 * button every row has) is not copied: every tree made holds the sample's
 * own node there. The nodes a tree made has of its own take one allocation
 * between them, freed when the last of them goes: while any of them lives,
 * it keeps that allocation, the template and its sample alive.
 *
 * Thread rule: a template never changes; share it with any thread.
 *
 * Since: 0.1
 */

/* Props and children of one node up to which make() needs no allocation. */
#define STACK_SIZE 16

G_DEFINE_BOXED_TYPE (AtomrViewTemplate, atomr_view_template,
                     atomr_view_template_ref, atomr_view_template_unref)

static void
part_clear (AtomrViewTemplatePart *part)
{
  for (guint i = 0; i < part->n_props; i++)
    atomr_view_prop_clear (&part->props[i].prop);
  for (guint i = 0; i < part->n_children; i++)
    if (part->shared[i] != NULL)
      atomr_view_node_unref (part->shared[i]);
  g_free (part->props);
  g_free (part->shared);
  g_free (part->parts);
  g_free (part->key);
}

static void
template_free (AtomrViewTemplate *self)
{
  for (guint i = 0; i < self->n_parts; i++)
    part_clear (&self->parts[i]);
  for (guint i = 0; i < self->n_slots; i++)
    {
      g_free (self->slots[i].path);
      g_free (self->slots[i].indices);
    }
  g_free (self->parts);
  g_free (self->slots);
  g_free (self->image);
  g_free (self->relocations);
  g_free (self->values);
  g_free (self->shared);
  g_free (self->slot_props);
  g_clear_pointer (&self->sample, atomr_view_node_unref);
  atomr_view_block_pool_clear (&self->pool);
  g_free (self);
}

AtomrViewNodeBlock *
atomr_view_template_alloc_block (AtomrViewTemplate *self,
                                 gsize              size)
{
  AtomrViewNodeBlock *block;

  if (size > ATOMR_VIEW_BLOCK_POOL_MAX_BLOCK)
    {
      block = g_malloc (size);
      block->pooled = 0;
    }
  else
    {
      block = atomr_view_block_pool_take (&self->pool, size);
      block->pooled = (guint) size;
    }
  return block;
}

void
atomr_view_template_free_block (AtomrViewNodeBlock *block)
{
  AtomrViewTemplate *template = block->template;

  /* Given back while the tree's reference keeps the pool alive. */
  if (block->pooled > 0)
    atomr_view_block_pool_give (&template->pool, block, block->pooled);
  else
    g_free (block);
  atomr_view_template_unref (template);
}

/* -- making a template ---------------------------------------------------------- */

/* Reads "2/0/text" into @slot; the place for errors is "slots[@index]". */
static gboolean
parse_slot (const char             *path,
            guint                   index,
            AtomrViewTemplateSlot  *slot,
            GError                **error)
{
  g_autofree char *place = g_strdup_printf ("slots[%u]", index);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n_parts = g_strv_length (parts);

  slot->path = g_strdup (path);
  if (n_parts == 0)
    {
      /* "": no prop name, which the check says in its words. */
      atomr_view_prop_name_validate (path, place, error);
      return FALSE;
    }
  slot->n_indices = n_parts - 1;
  slot->indices = g_new (guint, MAX (slot->n_indices, 1));
  for (guint i = 0; i + 1 < n_parts; i++)
    {
      guint64 number;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &number, NULL))
        {
          atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                                   _("“%s” is not a child index in “%s”"), parts[i], path);
          return FALSE;
        }
      slot->indices[i] = (guint) number;
    }
  if (!atomr_view_prop_name_validate (parts[n_parts - 1], NULL, NULL))
    {
      g_autofree char *named = g_strdup_printf ("%s: “%s”", place, path);

      atomr_view_prop_name_validate (parts[n_parts - 1], named, error);
      return FALSE;
    }
  slot->name = atomr_view_intern (parts[n_parts - 1]);
  return TRUE;
}

/* Finds the node @slot names in @sample and the type its values must have. */
static gboolean
type_slot (AtomrViewNode          *sample,
           guint                   index,
           AtomrViewTemplateSlot  *slot,
           GError                **error)
{
  g_autofree char *place = g_strdup_printf ("slots[%u]", index);
  AtomrViewNode *node = sample;
  gint prop;

  for (guint i = 0; i < slot->n_indices; i++)
    {
      if (slot->indices[i] >= node->n_children)
        {
          g_autofree char *where = atomr_view_format_path (slot->indices, i);

          atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "“%s”: the node at path %s of the sample has %u child, none at %u",
                                                "“%s”: the node at path %s of the sample has %u children, none at %u",
                                                node->n_children),
                                   slot->path, where, node->n_children, slot->indices[i]);
          return FALSE;
        }
      node = node->children[slot->indices[i]];
    }
  if ((prop = atomr_view_node_find_prop (node, slot->name)) >= 0)
    {
      slot->type = g_intern_string (atomr_view_prop_get_type_string (&node->props[prop]));
      return TRUE;
    }
  slot->type = atomr_view_vocabulary_prop_type (node->kind, slot->name);
  if (slot->type != NULL)
    return TRUE;
  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                           _("“%s”: the sample has no prop “%s” there to give the slot its type, "
                             "and the vocabulary does not give the kind “%s” one"),
                           slot->path, slot->name, node->kind);
  return FALSE;
}

static gint
compare_part_props (gconstpointer a,
                    gconstpointer b)
{
  const AtomrViewTemplatePartProp *first = a;
  const AtomrViewTemplatePartProp *second = b;

  return strcmp (first->prop.name, second->prop.name);
}

/* The most bytes @part takes in a tree made, but for the texts its slots
 * are given: all its props there, the sample's texts kept, and the most
 * rounding adds. */
static gsize
part_size_bound (const AtomrViewTemplatePart *part)
{
  gsize size = sizeof (AtomrViewNode)
               + (gsize) part->n_props * sizeof (AtomrViewProp)
               + (gsize) part->n_children * sizeof (AtomrViewNode *)
               + (gsize) atomr_view_child_runs_for (part->n_children) * sizeof (AtomrViewChildRun *)
               + sizeof (gpointer) - 1;

  if (part->key != NULL)
    size += strlen (part->key) + 1;
  for (guint i = 0; i < part->n_props; i++)
    if (part->props[i].prop.text != NULL)
      size += strlen (part->props[i].prop.text) + 1;
  return size;
}

/* Adds the part for @node, where the slots in @which (those that lead
 * through @node, @depth levels down) end or pass; returns its index. */
static guint
add_part (AtomrViewTemplate *self,
          GArray            *parts,
          AtomrViewNode     *node,
          const guint       *which,
          guint              n_which,
          guint              depth)
{
  g_autoptr(GArray) props = g_array_new (FALSE, FALSE, sizeof (AtomrViewTemplatePartProp));
  g_autofree guint *below = g_new (guint, MAX (n_which, 1));
  guint index = parts->len;
  /* The root's key comes from make(). */
  AtomrViewTemplatePart part = {
    node->kind, depth > 0 ? g_strdup (node->key) : NULL, NULL, 0, node->n_children, NULL, NULL
  };

  /* Reserved now, filled last: the children's parts come after it. */
  g_array_set_size (parts, parts->len + 1);

  for (guint i = 0; i < node->n_props; i++)
    {
      const AtomrViewProp *prop = &node->props[i];
      AtomrViewTemplatePartProp copy = { { prop->name, NULL, NULL }, ATOMR_VIEW_TEMPLATE_NO_SLOT };

      /* A text stays text: the trees made copy it as the builder's nodes do. */
      if (prop->text != NULL)
        copy.prop.text = g_strdup (prop->text);
      else
        copy.prop.value = g_variant_ref (prop->value);
      g_array_append_val (props, copy);
    }
  for (guint i = 0; i < n_which; i++)
    {
      const AtomrViewTemplateSlot *slot = &self->slots[which[i]];
      gint found;

      if (slot->n_indices != depth)
        continue;
      if ((found = atomr_view_node_find_prop (node, slot->name)) >= 0)
        g_array_index (props, AtomrViewTemplatePartProp, found).slot = which[i];
      else
        {
          AtomrViewTemplatePartProp hole = { { slot->name, NULL, NULL }, which[i] };

          g_array_append_val (props, hole);
        }
    }
  g_array_sort (props, compare_part_props);
  part.n_props = props->len;
  part.props = (AtomrViewTemplatePartProp *) g_array_free (g_steal_pointer (&props), FALSE);

  part.shared = g_new0 (AtomrViewNode *, MAX (node->n_children, 1));
  part.parts = g_new0 (guint, MAX (node->n_children, 1));
  for (guint child = 0; child < node->n_children; child++)
    {
      guint n_below = 0;

      for (guint i = 0; i < n_which; i++)
        {
          const AtomrViewTemplateSlot *slot = &self->slots[which[i]];

          if (slot->n_indices > depth && slot->indices[depth] == child)
            below[n_below++] = which[i];
        }
      if (n_below == 0)
        part.shared[child] = atomr_view_node_ref (node->children[child]);
      else
        part.parts[child] = add_part (self, parts, node->children[child], below, n_below, depth + 1);
    }

  g_array_index (parts, AtomrViewTemplatePart, index) = part;
  return index;
}

/**
 * atomr_view_template_new:
 * @sample: the tree the template makes copies of
 * @slots: (array zero-terminated=1): the slots, each a prop of a node of
 *   @sample, as child indices and a prop name: `"text"`, `"1/text"`,
 *   `"0/2/css-classes"`
 * @error: return location for a #GError
 *
 * Makes a template of @sample whose slots are the props @slots names.
 *
 * A slot's values must have the type the prop has in @sample; a prop that
 * @sample leaves out may be a slot too, with the type the vocabulary gives
 * it (`css-classes` on a row that is not selected). Where a tree is made
 * without a value for a slot, it has the sample's value, or no such prop.
 *
 * Fails, in the [error@SceneError] domain, on a slot that is not a path of
 * child indices and a prop name, leads to no node of @sample, names a prop
 * whose type neither @sample nor the vocabulary gives, or is given twice.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 *
 * Since: 0.1
 */
AtomrViewTemplate *
atomr_view_template_new (AtomrViewNode      *sample,
                         const char * const *slots,
                         GError            **error)
{
  g_autoptr(AtomrViewTemplate) self = NULL;
  g_autoptr(GArray) parts = NULL;
  g_autofree guint *all = NULL;

  g_return_val_if_fail (sample != NULL, NULL);
  g_return_val_if_fail (slots != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (AtomrViewTemplate, 1);
  atomr_view_ref_count_init (&self->ref_count);
  atomr_view_block_pool_init (&self->pool);
  self->sample = atomr_view_node_ref (sample);
  self->slots = g_new0 (AtomrViewTemplateSlot, g_strv_length ((char **) slots) + 1);
  for (; slots[self->n_slots] != NULL; self->n_slots++)
    {
      AtomrViewTemplateSlot *slot = &self->slots[self->n_slots];

      if (!parse_slot (slots[self->n_slots], self->n_slots, slot, error) ||
          !type_slot (sample, self->n_slots, slot, error))
        {
          self->n_slots++;   /* freed with the others */
          return NULL;
        }
      for (guint other = 0; other < self->n_slots; other++)
        if (self->slots[other].name == slot->name &&
            self->slots[other].n_indices == slot->n_indices &&
            memcmp (self->slots[other].indices, slot->indices, slot->n_indices * sizeof (guint)) == 0)
          {
            g_autofree char *place = g_strdup_printf ("slots[%u]", self->n_slots);

            atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                                     _("“%s” is the same slot as slots[%u]"), slot->path, other);
            self->n_slots++;
            return NULL;
          }
    }

  all = g_new (guint, MAX (self->n_slots, 1));
  for (guint i = 0; i < self->n_slots; i++)
    all[i] = i;
  parts = g_array_new (FALSE, TRUE, sizeof (AtomrViewTemplatePart));
  add_part (self, parts, sample, all, self->n_slots, 0);
  self->n_parts = parts->len;
  self->parts = (AtomrViewTemplatePart *) g_array_free (g_steal_pointer (&parts), FALSE);
  for (guint i = 0; i < self->n_parts; i++)
    self->block_size += part_size_bound (&self->parts[i]);
  atomr_view_template_make_image (self);
  return g_steal_pointer (&self);
}

/**
 * atomr_view_template_ref:
 * @self: a template
 *
 * Takes a reference to @self.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewTemplate *
atomr_view_template_ref (AtomrViewTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_template_unref:
 * @self: (transfer full): a template
 *
 * Drops a reference to @self; the last one frees it. Each tree made from
 * it holds a reference on its root, see [method@Node.get_template].
 *
 * Since: 0.1
 */
void
atomr_view_template_unref (AtomrViewTemplate *self)
{
  g_return_if_fail (self != NULL);

  if (atomr_view_ref_count_dec (&self->ref_count))
    template_free (self);
}

/**
 * atomr_view_template_get_n_slots:
 * @self: a template
 *
 * How many slots @self has: how many values each tree made from it takes.
 *
 * Returns: the number of slots
 *
 * Since: 0.1
 */
guint
atomr_view_template_get_n_slots (AtomrViewTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_slots;
}

/**
 * atomr_view_template_get_slot_type:
 * @self: a template
 * @slot: a slot index, less than [method@Template.get_n_slots]
 *
 * The type of the values the slot at @slot takes.
 *
 * Returns: the `GVariant` type string the slot's values must have, `s`
 *   for a string
 *
 * Since: 0.1
 */
const char *
atomr_view_template_get_slot_type (AtomrViewTemplate *self,
                                   guint              slot)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < self->n_slots, NULL);

  return self->slots[slot].type;
}

/**
 * atomr_view_template_get_sample:
 * @self: a template
 *
 * The sample @self was made from.
 *
 * Returns: (transfer none): the sample's root
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_template_get_sample (AtomrViewTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sample;
}

/**
 * atomr_view_template_get_slot_path:
 * @self: a template
 * @slot: a slot index, less than [method@Template.get_n_slots]
 * @length: (out): return location for the number of indices
 *
 * The child indices that lead from the root to the node whose prop the
 * slot at @slot is: none for `"text"`, 1 then 0 for `"1/0/text"`. They
 * lead to the same node in the sample and in every tree made.
 *
 * Returns: (transfer none) (array length=length): the indices
 *
 * Since: 0.1
 */
const guint *
atomr_view_template_get_slot_path (AtomrViewTemplate *self,
                                   guint              slot,
                                   gsize             *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < self->n_slots, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  *length = self->slots[slot].n_indices;
  return self->slots[slot].indices;
}

/**
 * atomr_view_template_get_slot_name:
 * @self: a template
 * @slot: a slot index, less than [method@Template.get_n_slots]
 *
 * The name of the prop the slot at @slot is.
 *
 * Returns: the prop name, interned
 *
 * Since: 0.1
 */
const char *
atomr_view_template_get_slot_name (AtomrViewTemplate *self,
                                   guint              slot)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < self->n_slots, NULL);

  return self->slots[slot].name;
}

/**
 * atomr_view_node_get_template:
 * @self: a node
 *
 * The template that made @self, if [method@Template.make] or
 * [method@Template.make_strings] returned it: such a tree is the
 * template's sample but for the key of its root and the props of its
 * slots. A backend may check the sample once and then only the slots of
 * each tree made. Nodes inside the tree, and nodes built any other way
 * (from this one with [ctor@NodeBuilder.new_from_node] too), have none.
 *
 * Returns: (transfer none) (nullable): the template, or %NULL
 *
 * Since: 0.1
 */
AtomrViewTemplate *
atomr_view_node_get_template (AtomrViewNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* A block's first node is the root of the tree made. */
  if (self->block != NULL && (gpointer) (self->block + 1) == (gpointer) self)
    return self->block->template;
  return NULL;
}

/* -- making trees ----------------------------------------------------------------- */

/* The props @part has in a tree made with @fill (per slot, a value or a
 * text; neither: the sample's), borrowed, in @props; returns how many. */
static guint
part_props (const AtomrViewTemplatePart *part,
            const AtomrViewProp         *fill,
            AtomrViewProp               *props)
{
  guint n_props = 0;

  for (guint i = 0; i < part->n_props; i++)
    {
      const AtomrViewTemplatePartProp *source = &part->props[i];
      const AtomrViewProp *prop = &source->prop;

      if (source->slot != ATOMR_VIEW_TEMPLATE_NO_SLOT &&
          (fill[source->slot].value != NULL || fill[source->slot].text != NULL))
        prop = &fill[source->slot];
      if (prop->value == NULL && prop->text == NULL)
        continue;
      props[n_props].name = source->prop.name;
      props[n_props].value = prop->value;
      props[n_props].text = prop->text;
      n_props++;
    }
  return n_props;
}

/* Makes the part at @index at *@cursor in @block, its children first, and
 * moves *@cursor past them all. */
static AtomrViewNode *
place_part (const AtomrViewTemplate *self,
            guint                    index,
            const char              *key,
            const AtomrViewProp     *fill,
            AtomrViewNodeBlock      *block,
            char                   **cursor,
            const char              *end)
{
  const AtomrViewTemplatePart *part = &self->parts[index];
  AtomrViewProp stack_props[STACK_SIZE];
  AtomrViewNode *stack_children[STACK_SIZE];
  AtomrViewProp *props = part->n_props <= STACK_SIZE ? stack_props : g_new (AtomrViewProp, part->n_props);
  AtomrViewNode **children = part->n_children <= STACK_SIZE ? stack_children : g_new (AtomrViewNode *, part->n_children);
  guint n_props = part_props (part, fill, props);
  gsize size = atomr_view_node_get_size_for (key, props, n_props, part->n_children);
  char *memory = *cursor;
  AtomrViewNode *node;

  g_assert ((gsize) (end - memory) >= size);
  *cursor += size;
  /* The node takes a value's reference and copies a text. */
  for (guint i = 0; i < n_props; i++)
    if (props[i].value != NULL)
      g_variant_ref (props[i].value);
  for (guint i = 0; i < part->n_children; i++)
    children[i] = part->shared[i] != NULL ? atomr_view_node_ref (part->shared[i])
                                          : place_part (self, part->parts[i], self->parts[part->parts[i]].key,
                                                        fill, block, cursor, end);

  node = atomr_view_node_init_take (memory, block, part->kind, key, props, n_props, children, part->n_children);
  if (props != stack_props)
    g_free (props);
  if (children != stack_children)
    g_free (children);
  return node;
}

/* The whole tree in one allocation: rows are made by the thousand. Its
 * root comes first in the block, which knows the template (see
 * atomr_view_node_get_template()). */
static AtomrViewNode *
make_made (AtomrViewTemplate   *self,
           const char          *key,
           const AtomrViewProp *fill)
{
  gsize size = sizeof (AtomrViewNodeBlock) + self->block_size;
  AtomrViewNodeBlock *block;
  char *cursor;
  AtomrViewNode *node;
  gboolean filled = TRUE;

  for (guint i = 0; i < self->n_slots && filled; i++)
    filled = fill[i].value != NULL || fill[i].text != NULL;
  if (filled)
    return atomr_view_template_make_from_image (self, key, fill);

  /* A slot left out may take its prop away: laid out node by node. */
  if (key != NULL)
    size += strlen (key) + 1;
  for (guint i = 0; i < self->n_slots; i++)
    if (fill[i].text != NULL)
      size += strlen (fill[i].text) + 1;
  block = atomr_view_template_alloc_block (self, size);
  cursor = (char *) (block + 1);
  block->live = (gint) self->n_parts;
  block->template = atomr_view_template_ref (self);
  node = place_part (self, 0, key, fill, block, &cursor, (char *) block + size);
  return node;
}

/* @what: "values" or "strings", the place of a wrong count. */
static gboolean
check_count (AtomrViewTemplate  *self,
             const char         *key,
             const char         *what,
             guint               n_values,
             GError            **error)
{
  if (!atomr_view_key_validate (key, "key", error))
    return FALSE;
  if (n_values == self->n_slots)
    return TRUE;
  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, what,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "the template has %u slot, not %u",
                                        "the template has %u slots, not %u",
                                        self->n_slots),
                           self->n_slots, n_values);
  return FALSE;
}

/**
 * atomr_view_template_make:
 * @self: a template
 * @key: (nullable): the key of the tree's root, or %NULL for none
 * @values: (array length=n_values) (nullable): a value for each slot, in
 *   the order the slots were given, or %NULL in place of one to keep the
 *   sample's; floating references are sunk
 * @n_values: the number of @values, [method@Template.get_n_slots]
 * @error: return location for a #GError
 *
 * Makes the sample's tree, with @key on its root and @values in its slots.
 *
 * Fails, in the [error@SceneError] domain, on a wrong number of values, an
 * empty key, a value of another type than its slot's
 * (%ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE), or a value a node refuses (NaN,
 * too deep).
 *
 * Returns: (transfer full) (nullable): the root of a new tree, or %NULL
 *   with @error set
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_template_make (AtomrViewTemplate  *self,
                          const char         *key,
                          GVariant * const   *values,
                          guint               n_values,
                          GError            **error)
{
  AtomrViewProp stack_fill[STACK_SIZE];
  AtomrViewProp *fill;
  AtomrViewNode *node = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (values != NULL || n_values == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_count (self, key, "values", n_values, error))
    {
      /* Floating references are the caller's to give away either way. */
      for (guint i = 0; i < n_values; i++)
        if (values[i] != NULL)
          g_variant_unref (g_variant_ref_sink (values[i]));
      return NULL;
    }

  /* Every value taken first, so that every way out drops them all. */
  fill = self->n_slots <= STACK_SIZE ? stack_fill : g_new (AtomrViewProp, self->n_slots);
  for (guint i = 0; i < self->n_slots; i++)
    fill[i] = (AtomrViewProp) { self->slots[i].name, values[i] != NULL ? g_variant_ref_sink (values[i]) : NULL, NULL };

  for (guint i = 0; i < self->n_slots; i++)
    {
      const AtomrViewTemplateSlot *slot = &self->slots[i];
      g_autofree char *place = NULL;

      if (fill[i].value == NULL)
        continue;
      if (strcmp (g_variant_get_type_string (fill[i].value), slot->type) != 0)
        {
          place = g_strdup_printf ("values[%u]", i);
          atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, place,
                                   _("the slot “%s” takes values of type “%s”, not “%s”"),
                                   slot->path, slot->type, g_variant_get_type_string (fill[i].value));
          goto out;
        }
      /* The place is formatted only for an error: rows are made by the thousand. */
      if (!atomr_view_prop_value_validate (fill[i].value, NULL, NULL))
        {
          place = g_strdup_printf ("values[%u]", i);
          atomr_view_prop_value_validate (fill[i].value, place, error);
          goto out;
        }
      fill[i].value = atomr_view_prop_value_take_normal_form (fill[i].value);
    }
  node = make_made (self, key, fill);

out:
  for (guint i = 0; i < self->n_slots; i++)
    g_clear_pointer (&fill[i].value, g_variant_unref);
  if (fill != stack_fill)
    g_free (fill);
  return node;
}

/**
 * atomr_view_template_make_strings:
 * @self: a template
 * @key: (nullable): the key of the tree's root, or %NULL for none
 * @strings: (array length=n_strings) (nullable): a UTF-8 string for each
 *   slot, in the order the slots were given, or %NULL in place of one to
 *   keep the sample's
 * @n_strings: the number of @strings, [method@Template.get_n_slots]
 * @error: return location for a #GError
 *
 * Makes the sample's tree, with @key on its root and @strings in its slots,
 * like [method@Template.make] with string values, without making a
 * `GVariant` of each: the nodes keep them as text, as
 * [method@NodeBuilder.set_string] does.
 *
 * Fails, in the [error@SceneError] domain, on a wrong number of strings, an
 * empty key, a string that is not UTF-8, or a string for a slot whose type
 * is not `s` (%ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE).
 *
 * Returns: (transfer full) (nullable): the root of a new tree, or %NULL
 *   with @error set
 *
 * Since: 0.1
 */
AtomrViewNode *
atomr_view_template_make_strings (AtomrViewTemplate  *self,
                                  const char         *key,
                                  const char * const *strings,
                                  guint               n_strings,
                                  GError            **error)
{
  AtomrViewProp stack_fill[STACK_SIZE];
  AtomrViewProp *fill;
  AtomrViewNode *node = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (strings != NULL || n_strings == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_count (self, key, "strings", n_strings, error))
    return NULL;

  fill = self->n_slots <= STACK_SIZE ? stack_fill : g_new (AtomrViewProp, self->n_slots);
  for (guint i = 0; i < self->n_slots; i++)
    {
      const AtomrViewTemplateSlot *slot = &self->slots[i];

      fill[i] = (AtomrViewProp) { slot->name, NULL, strings[i] };
      if (strings[i] == NULL)
        continue;
      if (slot->type[0] != 's' || slot->type[1] != '\0')
        {
          g_autofree char *place = g_strdup_printf ("strings[%u]", i);

          atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, place,
                                   _("the slot “%s” takes values of type “%s”, not strings"),
                                   slot->path, slot->type);
          goto out;
        }
      if (!g_utf8_validate (strings[i], -1, NULL))
        {
          g_autofree char *place = g_strdup_printf ("strings[%u]", i);

          atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                                   _("the string for the slot “%s” is not UTF-8 text"), slot->path);
          goto out;
        }
    }
  node = make_made (self, key, fill);

out:
  if (fill != stack_fill)
    g_free (fill);
  return node;
}
