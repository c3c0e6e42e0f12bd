/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <math.h>
#include <string.h>

#include "atomr-view-prop-value-private.h"
#include "atomr-view-scene-error.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-scene-place-private.h"

typedef enum
{
  VALUE_OK,
  VALUE_TOO_DEEP,
  VALUE_NAN,
  VALUE_SUBNORMAL,
} ValueProblem;

static ValueProblem
check_double (double number)
{
  if (isnan (number))
    return VALUE_NAN;
  /* GVariant's text parser refuses them, so the JSON codec could not carry
   * one inside a {"variant": ...} value. */
  if (fpclassify (number) == FP_SUBNORMAL)
    return VALUE_SUBNORMAL;
  return VALUE_OK;
}

gboolean
atomr_view_double_is_valid (double number)
{
  return check_double (number) == VALUE_OK;
}

gboolean
atomr_view_name_is_valid (const char *name)
{
  gsize i;

  if (!g_ascii_isalpha (name[0]))
    return FALSE;
  for (i = 1; name[i] != '\0'; i++)
    {
      char c = name[i];

      if (i >= ATOMR_VIEW_SCENE_MAX_NAME_LENGTH)
        return FALSE;
      if (!g_ascii_isalnum (c) && c != '-' && c != '_' && c != '.' && c != ':')
        return FALSE;
    }
  return TRUE;
}

gboolean
atomr_view_kind_validate (const char *kind,
                          const char *place,
                          GError    **error)
{
  if (atomr_view_name_is_valid (kind))
    return TRUE;
  if (!g_utf8_validate (kind, -1, NULL))
    kind = "\xef\xbf\xbd";
  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                           _("“%s” is not a valid kind name"), kind);
  return FALSE;
}

gboolean
atomr_view_prop_name_validate (const char *name,
                               const char *place,
                               GError    **error)
{
  if (atomr_view_name_is_valid (name))
    return TRUE;
  if (!g_utf8_validate (name, -1, NULL))
    name = "\xef\xbf\xbd";
  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                           _("“%s” is not a valid prop name"), name);
  return FALSE;
}

gboolean
atomr_view_key_validate (const char *key,
                         const char *place,
                         GError    **error)
{
  if (key == NULL)
    return TRUE;
  if (key[0] == '\0')
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                               _("a key must not be empty"));
      return FALSE;
    }
  if (!g_utf8_validate (key, -1, NULL))
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                               _("a key must be UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

/* Levels of a type string that holds no variant: containers add one. */
static guint
type_depth (const char **cursor)
{
  char c = *(*cursor)++;
  guint deepest = 0;

  switch (c)
    {
    case 'a':
    case 'm':
      return 1 + type_depth (cursor);
    case '(':
    case '{':
      while (**cursor != ')' && **cursor != '}')
        {
          guint depth = type_depth (cursor);   /* not inside MAX(): it would parse twice */

          deepest = MAX (deepest, depth);
        }
      (*cursor)++;
      return 1 + deepest;
    default:
      return 1;
    }
}

/* @depth counts the levels around @value, @value included. */
static ValueProblem
check_value (GVariant *value,
             guint     depth)
{
  const char *type = g_variant_get_type_string (value);
  gsize n_children;

  if (depth > ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH)
    return VALUE_TOO_DEEP;

  /* Only variants and doubles need a look at the data; the rest is in the type. */
  if (strchr (type, 'v') == NULL && strchr (type, 'd') == NULL)
    {
      const char *cursor = type;

      return depth - 1 + type_depth (&cursor) > ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH
             ? VALUE_TOO_DEEP : VALUE_OK;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return check_double (g_variant_get_double (value));

  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("ad")))
    {
      const double *numbers = g_variant_get_fixed_array (value, &n_children, sizeof (double));

      if (depth + 1 > ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH)
        return VALUE_TOO_DEEP;
      for (gsize i = 0; i < n_children; i++)
        if (check_double (numbers[i]) != VALUE_OK)
          return check_double (numbers[i]);
      return VALUE_OK;
    }

  n_children = g_variant_n_children (value);
  if (n_children == 0)
    {
      const char *cursor = type;

      return depth - 1 + type_depth (&cursor) > ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH
             ? VALUE_TOO_DEEP : VALUE_OK;
    }
  for (gsize i = 0; i < n_children; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
      ValueProblem problem = check_value (child, depth + 1);

      if (problem != VALUE_OK)
        return problem;
    }
  return VALUE_OK;
}

gboolean
atomr_view_prop_value_validate (GVariant   *value,
                                const char *place,
                                GError    **error)
{
  switch (check_value (value, 1))
    {
    case VALUE_OK:
      return TRUE;
    case VALUE_TOO_DEEP:
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, place,
                               _("the value nests deeper than %u levels"),
                               ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH);
      return FALSE;
    case VALUE_NAN:
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                               _("the value holds NaN, which is not a number"));
      return FALSE;
    case VALUE_SUBNORMAL:
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, place,
                               _("the value holds a subnormal number, too close to zero to be written as text"));
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

GVariant *
atomr_view_prop_value_take_normal_form (GVariant *value)
{
  GVariant *normal;

  if (g_variant_is_normal_form (value))
    return value;
  normal = g_variant_get_normal_form (value);
  g_variant_unref (value);
  return normal;
}
