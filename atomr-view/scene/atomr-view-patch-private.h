/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-patch.h"
#include "atomr-view-refcount-private.h"

G_BEGIN_DECLS

struct _AtomrViewPatch
{
  AtomrViewRefCount ref_count;
  AtomrViewPatchOp  op;
  guint             to_index;     /* move */
  guint             path_length;
  const char       *name;         /* set-prop, unset-prop; interned */
  GVariant         *value;        /* set-prop */
  AtomrViewNode    *node;         /* insert, replace */
  guint             path[];
};

/* Checks nothing; takes a reference to @value and @node. */
AtomrViewPatch *atomr_view_patch_new_internal (AtomrViewPatchOp  op,
                                               const guint      *path,
                                               guint             path_length,
                                               guint             to_index,
                                               const char       *name,
                                               GVariant         *value,
                                               AtomrViewNode    *node);
/* A GPtrArray that frees its patches. */
GPtrArray      *atomr_view_patch_list_new     (void);
/* The nick of @op: "set-prop". */
const char     *atomr_view_patch_op_to_string (AtomrViewPatchOp  op);
gboolean        atomr_view_patch_op_from_string (const char     *nick,
                                                 AtomrViewPatchOp *op);

G_END_DECLS
