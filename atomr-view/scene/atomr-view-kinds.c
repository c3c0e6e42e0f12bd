/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include "atomr-view-intern-private.h"
#include "atomr-view-kinds.h"
#include "atomr-view-vocabulary-private.h"

/**
 * atomr_view_kind_get_prop_type:
 * @kind: a kind name, such as [const@KIND_SLIDER]
 * @name: a prop name, such as [const@PROP_VALUE]
 *
 * Gets the type that the core vocabulary gives a prop of a kind: `i` for the
 * `spacing` of a `container`, `d` for the `value` of a `slider`, `as` for
 * `css-classes` on any core kind. A node whose prop has another type is
 * refused with %ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE.
 *
 * Bindings use it to give a value the type the vocabulary expects: the Python
 * overrides turn the integer `6` into `i` for `spacing` and into `d` for
 * `value`.
 *
 * Returns: (nullable) (transfer none): the type, or %NULL when @kind is not
 *   a core kind or the vocabulary does not name @name for it (any type is
 *   then accepted)
 *
 * Since: 0.1
 */
const GVariantType *
atomr_view_kind_get_prop_type (const char *kind,
                               const char *name)
{
  const char *type;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Node kinds are interned anyway; the vocabulary compares interned names. */
  type = atomr_view_vocabulary_prop_type (g_intern_string (kind), atomr_view_intern (name));
  return type != NULL ? G_VARIANT_TYPE (type) : NULL;
}
