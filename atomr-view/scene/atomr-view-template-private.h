/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-block-pool-private.h"
#include "atomr-view-node-private.h"
#include "atomr-view-template.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TEMPLATE_NO_SLOT G_MAXUINT

typedef struct
{
  AtomrViewProp prop;      /* the sample's value or text (owned), or neither */
  guint         slot;      /* ATOMR_VIEW_TEMPLATE_NO_SLOT: always the sample's */
} AtomrViewTemplatePartProp;

/* A node of the sample that holds a slot or leads to one. */
typedef struct
{
  const char                *kind;        /* interned */
  char                      *key;         /* the sample's; the root's comes from make() */
  AtomrViewTemplatePartProp *props;       /* sorted by name */
  guint                      n_props;
  guint                      n_children;
  AtomrViewNode            **shared;      /* per child: the sample's node, in every tree made, or NULL */
  guint                     *parts;       /* per child without a shared node: its part */
} AtomrViewTemplatePart;

typedef struct
{
  char       *path;            /* as given */
  guint      *indices;         /* the children that lead to the node */
  guint       n_indices;
  const char *name;            /* interned */
  const char *type;            /* the type string values must have */
} AtomrViewTemplateSlot;

struct _AtomrViewTemplate
{
  AtomrViewRefCount       ref_count;
  AtomrViewNode          *sample;
  AtomrViewTemplatePart  *parts;          /* 0 is the root */
  guint                   n_parts;
  AtomrViewTemplateSlot  *slots;
  guint                   n_slots;
  gsize                   block_size;     /* a tree's nodes at most, but the root's key and the slots' texts */
  /* A tree made with a value for every slot is a copy of this image, but
   * for its root's key and its slots: the block's header, then the nodes
   * as image_part() lays them out (in place_part()'s order), without the
   * texts a tree is given. */
  char                   *image;
  gsize                   image_size;
  gsize                  *relocations;    /* offsets of the image's pointers into itself, stored relative to it */
  guint                   n_relocations;
  GVariant              **values;         /* the values the image holds (the parts'): a reference each per tree */
  guint                   n_values;
  AtomrViewNode         **shared;         /* the sample's nodes it holds: the same */
  guint                   n_shared;
  gsize                  *slot_props;     /* per slot: the offset of its prop in the image */
  AtomrViewBlockPool      pool;           /* the blocks of trees that died, for the next */
};

/* Lays out the image of @self's trees, once its parts and slots are known. */
void           atomr_view_template_make_image      (AtomrViewTemplate   *self);
/* A tree made with a value or a text for every slot (@fill, per slot). */
AtomrViewNode *atomr_view_template_make_from_image (AtomrViewTemplate   *self,
                                                    const char          *key,
                                                    const AtomrViewProp *fill);

/* Memory for a tree's block of @size bytes: its header's size class is set,
 * the rest is the caller's to fill. */
AtomrViewNodeBlock *atomr_view_template_alloc_block (AtomrViewTemplate  *self,
                                                     gsize               size);
/* The last node of @block died: the memory goes back to the template's
 * pool, and the tree's reference on the template is dropped. */
void                atomr_view_template_free_block  (AtomrViewNodeBlock *block);

G_END_DECLS
