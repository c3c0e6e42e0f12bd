/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GVariant type the core vocabulary gives the prop @name of @kind (both
 * interned: nodes and patches hold interned names, so no caller on the hot
 * path interns twice), or NULL when the vocabulary says nothing about it: the
 * kind is not a core kind, or the prop is not one of its props. */
const char *atomr_view_vocabulary_prop_type  (const char *kind,
                                              const char *name);
/* Sets a WRONG_TYPE error at @place ("expected a string") unless @value has
 * the type the vocabulary gives the prop @name of @kind. */
gboolean    atomr_view_vocabulary_check_prop (const char *kind,
                                              const char *name,
                                              GVariant   *value,
                                              const char *place,
                                              GError    **error);
/* The same for a value of type @value_type (a type string). */
gboolean    atomr_view_vocabulary_check_prop_type (const char *kind,
                                                   const char *name,
                                                   const char *value_type,
                                                   const char *place,
                                                   GError    **error);

G_END_DECLS
