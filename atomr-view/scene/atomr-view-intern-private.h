/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_intern_string(), with a small cache per thread in front of GLib's locked
 * table: a scene of 10 000 rows interns the same few kind and prop names
 * tens of thousands of times, mostly from the same string constants. */
const char *atomr_view_intern      (const char *string);
/* The same for a kind or prop name, which it checks only when not cached:
 * NULL if @name is not a valid name (see atomr_view_name_is_valid()). */
const char *atomr_view_intern_name (const char *name);

G_END_DECLS
