/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GVariant for a number prop value, shared with the nodes built on this
 * thread that set the same value recently (see the .c file). Each returns a
 * full reference, not floating. */
GVariant *atomr_view_value_cache_int32  (gint32 value);
GVariant *atomr_view_value_cache_double (double value);

G_END_DECLS
