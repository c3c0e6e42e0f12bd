/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Any number: a double or an integer of any width. */
gboolean atomr_view_gtk_variant_get_number  (GVariant    *variant,
                                             double      *number);
/* A whole number: an integer of any width, or a double without a fraction. */
gboolean atomr_view_gtk_variant_get_integer (GVariant    *variant,
                                             gint64      *integer);
/* Whether @variant fits a prop the vocabulary documents with type @type:
 * exactly, or any number for `d`, any whole 32-bit number for `i`. */
gboolean atomr_view_gtk_variant_fits        (GVariant    *variant,
                                             const char  *type);
/* Fills @value (unset on entry) with @variant converted to the type of the
 * GObject property @pspec; an error when it does not convert or is out of range. */
gboolean atomr_view_gtk_value_from_variant  (GParamSpec  *pspec,
                                             GVariant    *variant,
                                             GValue      *value,
                                             GError     **error);

G_END_DECLS
