/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdatomic.h>

#include <glib.h>

G_BEGIN_DECLS

/* Reference counts as C11 atomics in our own code, rather than
 * g_atomic_ref_count_*(): ThreadSanitizer then sees the ordering between the
 * last unref and the free. */
typedef _Atomic int AtomrViewRefCount;

static inline void
atomr_view_ref_count_init (AtomrViewRefCount *count)
{
  atomic_init (count, 1);
}

static inline void
atomr_view_ref_count_inc (AtomrViewRefCount *count)
{
  atomic_fetch_add_explicit (count, 1, memory_order_relaxed);
}

/* TRUE when this dropped the last reference. */
static inline gboolean
atomr_view_ref_count_dec (AtomrViewRefCount *count)
{
  return atomic_fetch_sub_explicit (count, 1, memory_order_acq_rel) == 1;
}

G_END_DECLS
