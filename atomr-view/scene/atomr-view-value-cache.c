/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-value-cache-private.h"

/* A scene of 10 000 rows sets the same spacing, xalign and hexpand on every
 * row (strings are kept as text, see AtomrViewProp). GVariants are immutable and
 * their references atomic, so those rows can share one value each instead
 * of making, diffing and freeing 10 000 equal ones. Each thread keeps the values it made last, a few per
 * type, in slots chosen by a hash of the value: a value used again while its
 * slot still holds it is shared. */

#define N_SLOTS 32            /* per type; a power of two */

typedef struct
{
  gint32    key;
  GVariant *value;
} IntSlot;

typedef struct
{
  guint64   key;              /* the double's bits: 0.0 and -0.0 differ */
  GVariant *value;
} DoubleSlot;

typedef struct
{
  IntSlot    ints[N_SLOTS];
  DoubleSlot doubles[N_SLOTS];
} ValueCache;

static void
value_cache_free (gpointer data)
{
  ValueCache *cache = data;

  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_clear_pointer (&cache->ints[i].value, g_variant_unref);
      g_clear_pointer (&cache->doubles[i].value, g_variant_unref);
    }
  g_free (cache);
}

/* A GPrivate, not __thread: its destructor drops the values of a thread that ends. */
static GPrivate cache_key = G_PRIVATE_INIT (value_cache_free);

static ValueCache *
get_cache (void)
{
  ValueCache *cache = g_private_get (&cache_key);

  if (G_UNLIKELY (cache == NULL))
    {
      cache = g_new0 (ValueCache, 1);
      g_private_set (&cache_key, cache);
    }
  return cache;
}

static inline guint
slot_of (guint64 bits)
{
  return (guint) ((bits * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 59) & (N_SLOTS - 1);
}

static GVariant *
keep (GVariant **slot,
      GVariant  *value)
{
  g_clear_pointer (slot, g_variant_unref);
  *slot = g_variant_ref_sink (value);
  return g_variant_ref (*slot);
}

GVariant *
atomr_view_value_cache_int32 (gint32 value)
{
  IntSlot *slot = &get_cache ()->ints[slot_of ((guint32) value)];

  if (slot->value != NULL && slot->key == value)
    return g_variant_ref (slot->value);
  slot->key = value;
  return keep (&slot->value, g_variant_new_int32 (value));
}

GVariant *
atomr_view_value_cache_double (double value)
{
  guint64 bits;
  DoubleSlot *slot;

  memcpy (&bits, &value, sizeof bits);
  slot = &get_cache ()->doubles[slot_of (bits)];
  if (slot->value != NULL && slot->key == bits)
    return g_variant_ref (slot->value);
  slot->key = bits;
  return keep (&slot->value, g_variant_new_double (value));
}
