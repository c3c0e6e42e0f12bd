/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atomr-view-gtk-value-private.h"

#include <atomr-view.h>

/* Scene values are GVariants; GObject properties want GValues. Numbers convert
 * between widths (JSON does not tell 3 from 3.0), strings name enum and flags
 * values by nick, and a few boxed and object types come from strings. */

gboolean
atomr_view_gtk_variant_get_number (GVariant *variant,
                                   double   *number)
{
  switch (g_variant_classify (variant))
    {
    case G_VARIANT_CLASS_DOUBLE:
      *number = g_variant_get_double (variant);
      return TRUE;
    case G_VARIANT_CLASS_BYTE:
      *number = g_variant_get_byte (variant);
      return TRUE;
    case G_VARIANT_CLASS_INT16:
      *number = g_variant_get_int16 (variant);
      return TRUE;
    case G_VARIANT_CLASS_UINT16:
      *number = g_variant_get_uint16 (variant);
      return TRUE;
    case G_VARIANT_CLASS_INT32:
      *number = g_variant_get_int32 (variant);
      return TRUE;
    case G_VARIANT_CLASS_UINT32:
      *number = g_variant_get_uint32 (variant);
      return TRUE;
    case G_VARIANT_CLASS_INT64:
      *number = (double) g_variant_get_int64 (variant);
      return TRUE;
    case G_VARIANT_CLASS_UINT64:
      *number = (double) g_variant_get_uint64 (variant);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
atomr_view_gtk_variant_get_integer (GVariant *variant,
                                    gint64   *integer)
{
  double number;

  switch (g_variant_classify (variant))
    {
    case G_VARIANT_CLASS_INT64:
      *integer = g_variant_get_int64 (variant);
      return TRUE;
    case G_VARIANT_CLASS_UINT64:
      if (g_variant_get_uint64 (variant) > G_MAXINT64)
        return FALSE;
      *integer = (gint64) g_variant_get_uint64 (variant);
      return TRUE;
    case G_VARIANT_CLASS_DOUBLE:
      number = g_variant_get_double (variant);
      /* 2^63 as a double: the first value past the range of gint64. */
      if (!isfinite (number) || number != floor (number) || number < -9223372036854775808.0 ||
          number >= 9223372036854775808.0)
        return FALSE;
      *integer = (gint64) number;
      return TRUE;
    default:
      if (!atomr_view_gtk_variant_get_number (variant, &number))
        return FALSE;
      *integer = (gint64) number;
      return TRUE;
    }
}

gboolean
atomr_view_gtk_variant_fits (GVariant   *variant,
                             const char *type)
{
  double number;
  gint64 integer;

  if (strcmp (type, "d") == 0)
    return atomr_view_gtk_variant_get_number (variant, &number) && isfinite (number);
  if (strcmp (type, "i") == 0)
    return atomr_view_gtk_variant_get_integer (variant, &integer) && integer >= G_MININT32 &&
           integer <= G_MAXINT32;
  return strcmp (g_variant_get_type_string (variant), type) == 0;
}

/* A whole number as text, for messages: xgettext cannot read a format macro inside _(). */
static const char *
integer_text (gint64 number,
              char   digits[24])
{
  g_snprintf (digits, 24, "%" G_GINT64_FORMAT, number);
  return digits;
}

static gboolean
wrong_type (GParamSpec  *pspec,
            GVariant    *variant,
            const char  *expected,
            GError     **error)
{
  g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
               _("expected %s for a property of type “%s”, got a value of type “%s”"),
               expected, g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)),
               g_variant_get_type_string (variant));
  return FALSE;
}

static gboolean
enum_from_variant (GParamSpec  *pspec,
                   GVariant    *variant,
                   GValue      *value,
                   GError     **error)
{
  GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  GEnumValue *found = NULL;
  gint64 number;
  char digits[24];

  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
    {
      const char *name = g_variant_get_string (variant, NULL);

      found = g_enum_get_value_by_nick (klass, name);
      if (found == NULL)
        found = g_enum_get_value_by_name (klass, name);
      if (found == NULL)
        {
          g_autoptr(GString) nicks = g_string_new (NULL);

          for (guint i = 0; i < klass->n_values; i++)
            g_string_append_printf (nicks, "%s“%s”", i > 0 ? ", " : "", klass->values[i].value_nick);
          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       _("“%s” is not a value of %s; expected one of %s"),
                       name, g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)), nicks->str);
          return FALSE;
        }
    }
  else if (atomr_view_gtk_variant_get_integer (variant, &number))
    {
      if (number >= G_MININT && number <= G_MAXINT)
        found = g_enum_get_value (klass, (int) number);
      if (found == NULL)
        {
          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       /* TRANSLATORS: the first %s is a whole number */
                       _("%s is not a value of %s"),
                       integer_text (number, digits), g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)));
          return FALSE;
        }
    }
  else
    return wrong_type (pspec, variant, _("the nick of an enumeration value"), error);

  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_enum (value, found->value);
  return TRUE;
}

static gboolean
add_flag (GFlagsClass  *klass,
          GParamSpec   *pspec,
          const char   *name,
          guint        *flags,
          GError      **error)
{
  GFlagsValue *found;

  name = g_strstrip ((char *) name);
  if (*name == '\0')
    return TRUE;
  found = g_flags_get_value_by_nick (klass, name);
  if (found == NULL)
    found = g_flags_get_value_by_name (klass, name);
  if (found == NULL)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   _("“%s” is not a flag of %s"), name, g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)));
      return FALSE;
    }
  *flags |= found->value;
  return TRUE;
}

static gboolean
flags_from_variant (GParamSpec  *pspec,
                    GVariant    *variant,
                    GValue      *value,
                    GError     **error)
{
  GFlagsClass *klass = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
  guint flags = 0;
  gint64 number;
  char digits[24];

  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
    {
      g_auto(GStrv) names = g_strsplit_set (g_variant_get_string (variant, NULL), "|,", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (!add_flag (klass, pspec, names[i], &flags, error))
          return FALSE;
    }
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_auto(GStrv) names = g_variant_dup_strv (variant, NULL);

      for (guint i = 0; names[i] != NULL; i++)
        if (!add_flag (klass, pspec, names[i], &flags, error))
          return FALSE;
    }
  else if (atomr_view_gtk_variant_get_integer (variant, &number))
    {
      if (number < 0 || number > G_MAXUINT || ((guint) number & ~klass->mask) != 0)
        {
          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       /* TRANSLATORS: the first %s is a whole number */
                       _("%s is not a combination of flags of %s"),
                       integer_text (number, digits), g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)));
          return FALSE;
        }
      flags = (guint) number;
    }
  else
    return wrong_type (pspec, variant, _("flag nicks (“a|b” or a list of strings)"), error);

  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_flags (value, flags);
  return TRUE;
}

static gboolean
integer_from_variant (GParamSpec  *pspec,
                      GVariant    *variant,
                      GValue      *value,
                      GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gboolean fits = TRUE;
  gint64 number;
  char digits[24];

  if (!atomr_view_gtk_variant_get_integer (variant, &number))
    return wrong_type (pspec, variant, _("a whole number"), error);

  g_value_init (value, type);
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_CHAR:
      fits = number >= G_MININT8 && number <= G_MAXINT8;
      g_value_set_schar (value, (gint8) number);
      break;
    case G_TYPE_UCHAR:
      fits = number >= 0 && number <= G_MAXUINT8;
      g_value_set_uchar (value, (guchar) number);
      break;
    case G_TYPE_INT:
      fits = number >= G_MININT && number <= G_MAXINT;
      g_value_set_int (value, (int) number);
      break;
    case G_TYPE_UINT:
      fits = number >= 0 && number <= G_MAXUINT;
      g_value_set_uint (value, (guint) number);
      break;
    case G_TYPE_LONG:
      fits = number >= G_MINLONG && number <= G_MAXLONG;
      g_value_set_long (value, (long) number);
      break;
    case G_TYPE_ULONG:
      fits = number >= 0;
      g_value_set_ulong (value, (gulong) number);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, number);
      break;
    case G_TYPE_UINT64:
      fits = number >= 0;
      g_value_set_uint64 (value, (guint64) number);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!fits)
    {
      g_value_unset (value);
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   /* TRANSLATORS: the first %s is a whole number */
                   _("%s does not fit a property of type “%s”"), integer_text (number, digits),
                   g_type_name (type));
      return FALSE;
    }
  return TRUE;
}

static gboolean
boxed_from_variant (GParamSpec  *pspec,
                    GVariant    *variant,
                    GValue      *value,
                    GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRV)
    {
      if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING_ARRAY))
        return wrong_type (pspec, variant, _("a list of strings"), error);
      g_value_init (value, type);
      g_value_take_boxed (value, g_variant_dup_strv (variant, NULL));
      return TRUE;
    }
  if (type == GDK_TYPE_RGBA)
    {
      GdkRGBA rgba;

      if (g_variant_is_of_type (variant, G_VARIANT_TYPE ("(dddd)")))
        g_variant_get (variant, "(dddd)", &rgba.red, &rgba.green, &rgba.blue, &rgba.alpha);
      else if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
        return wrong_type (pspec, variant, _("a colour"), error);
      else if (!gdk_rgba_parse (&rgba, g_variant_get_string (variant, NULL)))
        {
          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       _("“%s” is not a colour"), g_variant_get_string (variant, NULL));
          return FALSE;
        }
      g_value_init (value, type);
      g_value_set_boxed (value, &rgba);
      return TRUE;
    }
  g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
               _("properties of type “%s” cannot be set from a scene"), g_type_name (type));
  return FALSE;
}

static gboolean
object_from_variant (GParamSpec  *pspec,
                     GVariant    *variant,
                     GValue      *value,
                     GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *text;

  if ((type != G_TYPE_ICON && type != G_TYPE_FILE) ||
      !g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
    {
      if (type == G_TYPE_ICON || type == G_TYPE_FILE)
        return wrong_type (pspec, variant, _("a string"), error);
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   _("properties of type “%s” cannot be set from a scene"), g_type_name (type));
      return FALSE;
    }
  text = g_variant_get_string (variant, NULL);
  g_value_init (value, type);
  if (type == G_TYPE_FILE)
    g_value_take_object (value, g_file_new_for_commandline_arg (text));
  else
    {
      g_autoptr(GError) local_error = NULL;
      GIcon *icon = g_icon_new_for_string (text, &local_error);

      if (icon == NULL)
        {
          g_value_unset (value);
          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       _("“%s” is not an icon: %s"), text, local_error->message);
          return FALSE;
        }
      g_value_take_object (value, icon);
    }
  return TRUE;
}

gboolean
atomr_view_gtk_value_from_variant (GParamSpec  *pspec,
                                   GVariant    *variant,
                                   GValue      *value,
                                   GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gboolean ok;
  double number;

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN))
        return wrong_type (pspec, variant, _("a boolean"), error);
      g_value_init (value, type);
      g_value_set_boolean (value, g_variant_get_boolean (variant));
      ok = TRUE;
      break;

    case G_TYPE_CHAR:
    case G_TYPE_UCHAR:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
      ok = integer_from_variant (pspec, variant, value, error);
      break;

    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
      if (!atomr_view_gtk_variant_get_number (variant, &number) || !isfinite (number))
        return wrong_type (pspec, variant, _("a number"), error);
      g_value_init (value, type);
      if (G_TYPE_FUNDAMENTAL (type) == G_TYPE_FLOAT)
        g_value_set_float (value, (float) number);
      else
        g_value_set_double (value, number);
      ok = TRUE;
      break;

    case G_TYPE_STRING:
      if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
        return wrong_type (pspec, variant, _("a string"), error);
      g_value_init (value, type);
      g_value_set_string (value, g_variant_get_string (variant, NULL));
      ok = TRUE;
      break;

    case G_TYPE_ENUM:
      ok = enum_from_variant (pspec, variant, value, error);
      break;

    case G_TYPE_FLAGS:
      ok = flags_from_variant (pspec, variant, value, error);
      break;

    case G_TYPE_BOXED:
      ok = boxed_from_variant (pspec, variant, value, error);
      break;

    case G_TYPE_VARIANT:
      if (!g_variant_is_of_type (variant, G_PARAM_SPEC_VARIANT (pspec)->type))
        {
          g_autofree char *expected = g_variant_type_dup_string (G_PARAM_SPEC_VARIANT (pspec)->type);

          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       _("expected a value of type “%s”, got “%s”"), expected,
                       g_variant_get_type_string (variant));
          return FALSE;
        }
      g_value_init (value, type);
      g_value_set_variant (value, variant);
      ok = TRUE;
      break;

    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      ok = object_from_variant (pspec, variant, value, error);
      break;

    default:
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   _("properties of type “%s” cannot be set from a scene"), g_type_name (type));
      return FALSE;
    }

  if (!ok)
    return FALSE;
  /* The property's own range: g_param_value_validate() says whether it had to clamp. */
  if (g_param_value_validate (pspec, value))
    {
      g_autofree char *text = g_variant_print (variant, FALSE);

      g_value_unset (value);
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   _("%s is out of the property's range"), text);
      return FALSE;
    }
  return TRUE;
}
