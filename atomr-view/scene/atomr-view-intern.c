/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-intern-private.h"

#define CACHE_SIZE 64   /* a power of two */

typedef struct
{
  const char *given;      /* the address a caller passed */
  const char *interned;
} CacheEntry;

static __thread CacheEntry cache[CACHE_SIZE];

const char *
atomr_view_intern (const char *string)
{
  CacheEntry *entry;

  if (string == NULL)
    return NULL;
  entry = &cache[((guintptr) string >> 3) & (CACHE_SIZE - 1)];
  /* The same address may hold another text by now (a caller's buffer): compare. */
  if (entry->given == string && strcmp (entry->interned, string) == 0)
    return entry->interned;
  entry->given = string;
  entry->interned = g_intern_string (string);
  return entry->interned;
}
