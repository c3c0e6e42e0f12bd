/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A kind or prop name: an ASCII letter, then letters, digits, '-', '_', '.' or
 * ':', at most ATOMR_VIEW_SCENE_MAX_NAME_LENGTH bytes. */
gboolean atomr_view_name_is_valid          (const char *name);
/* Sets an error at @place unless @name is a valid kind name. */
gboolean atomr_view_kind_validate          (const char *kind,
                                            const char *place,
                                            GError    **error);
/* Sets an error at @place unless @name is a valid prop name. */
gboolean atomr_view_prop_name_validate     (const char *name,
                                            const char *place,
                                            GError    **error);
/* A key is NULL or a non-empty UTF-8 string. */
gboolean atomr_view_key_validate           (const char *key,
                                            const char *place,
                                            GError    **error);
/* A double that atomr_view_prop_value_validate() lets through: not NaN, not
 * subnormal. */
gboolean atomr_view_double_is_valid        (double      number);
/* A prop value nests at most ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH levels and holds
 * no NaN (it would not equal itself, so no diff could settle) and no
 * subnormal double (GVariant's text format cannot read one back). */
gboolean atomr_view_prop_value_validate    (GVariant   *value,
                                            const char *place,
                                            GError    **error);
/* Takes @value (a full reference) and gives it back in normal form, the
 * same reference when it already is: a value from untrusted bytes becomes
 * trusted, so comparing it is cheap. */
GVariant *atomr_view_prop_value_take_normal_form (GVariant *value);

G_END_DECLS
