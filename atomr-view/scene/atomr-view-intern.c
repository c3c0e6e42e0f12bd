/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-intern-private.h"
#include "atomr-view-prop-value-private.h"

#define CACHE_BITS 6
#define CACHE_SIZE (1 << CACHE_BITS)

typedef struct
{
  const char *given;      /* the address a caller passed */
  const char *interned;
  gboolean    valid_name; /* known to be a valid kind or prop name */
} CacheEntry;

static __thread CacheEntry cache[CACHE_SIZE];

/* A multiplicative hash of the address: string constants sit a few bytes
 * apart, and interned names anywhere on the heap. */
static inline CacheEntry *
entry_for (const char *string)
{
  return &cache[((guint64) (guintptr) string * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - CACHE_BITS)];
}

const char *
atomr_view_intern (const char *string)
{
  CacheEntry *entry;

  if (string == NULL)
    return NULL;
  entry = entry_for (string);
  /* The same address may hold another text by now (a caller's buffer): compare. */
  if (entry->given == string && strcmp (entry->interned, string) == 0)
    return entry->interned;
  entry->given = string;
  entry->interned = g_intern_string (string);
  entry->valid_name = FALSE;
  return entry->interned;
}

const char *
atomr_view_intern_name (const char *name)
{
  CacheEntry *entry = entry_for (name);

  if (entry->given == name && entry->valid_name && strcmp (entry->interned, name) == 0)
    return entry->interned;
  if (!atomr_view_name_is_valid (name))
    return NULL;
  entry->given = name;
  entry->interned = g_intern_string (name);
  entry->valid_name = TRUE;
  return entry->interned;
}
