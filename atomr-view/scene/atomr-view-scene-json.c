/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "atomr-view-node-private.h"
#include "atomr-view-patch-private.h"
#include "atomr-view-prop-value-private.h"
#include "atomr-view-scene-json-private.h"
#include "atomr-view-scene-limits.h"
#include "atomr-view-scene-place-private.h"
#include "atomr-view-vocabulary-private.h"

/* A node is two JSON levels (object, children array); props and value forms
 * add a few. Deeper text is refused before json-glib, which recurses, sees it. */
#define JSON_MAX_NESTING (2 * ATOMR_VIEW_SCENE_MAX_DEPTH + 8)

/* -- reading ------------------------------------------------------------- */

/* Checks what json-glib would get wrong or crash on: invalid UTF-8, NUL in
 * strings (it truncates them), integers beyond 64 bits (it wraps them), and
 * nesting deep enough to exhaust the stack. */
static gboolean
prescan (const char *data,
         gsize       length,
         GError    **error)
{
  const char *invalid;
  gboolean in_string = FALSE;
  guint nesting = 0;
  guint line = 1;
  gsize line_start = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_PARSE, NULL,
                               _("the text is not valid UTF-8 (at byte %lu)"),
                               (gulong) (invalid - data));
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u' && i + 5 < length && strncmp (data + i + 2, "0000", 4) == 0)
                {
                  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_PARSE, NULL,
                                           _("line %u, column %u: strings must not contain U+0000"),
                                           line, (guint) (i - line_start + 1));
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++nesting > JSON_MAX_NESTING)
            {
              atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, NULL,
                                       _("line %u, column %u: the text nests deeper than %u levels"),
                                       line, (guint) (i - line_start + 1), JSON_MAX_NESTING);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (nesting > 0)
            nesting--;
          break;
        case '\n':
          line++;
          line_start = i + 1;
          break;
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            gsize start = i;
            gsize digits_start;
            gboolean integer = TRUE;
            gboolean too_large;

            while (i < length && (g_ascii_isdigit (data[i]) || strchr ("+-.eE", data[i]) != NULL))
              {
                if (strchr (".eE", data[i]) != NULL)
                  integer = FALSE;
                i++;
              }
            if (integer)
              {
                /* Leading zeros say nothing about the range. */
                digits_start = start + (data[start] == '-' ? 1 : 0);
                while (digits_start + 1 < i && data[digits_start] == '0')
                  digits_start++;
                too_large = i - digits_start >= 20;
                if (!too_large)
                  {
                    char buffer[32];

                    g_snprintf (buffer, sizeof buffer, "%s%.*s", data[start] == '-' ? "-" : "",
                                (int) (i - digits_start), data + digits_start);
                    errno = 0;
                    g_ascii_strtoll (buffer, NULL, 10);
                    too_large = errno == ERANGE;
                  }
                if (too_large)
                  {
                    atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_PARSE, NULL,
                                             _("line %u, column %u: the integer is too large"),
                                             line, (guint) (start - line_start + 1));
                    return FALSE;
                  }
              }
            i--;
          }
          break;
        default:
          break;
        }
    }
  return TRUE;
}

static JsonParser *
parse (const char *data,
       gssize      length,
       GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (length < 0)
    length = strlen (data);
  if (!prescan (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_PARSE, NULL,
                               _("not valid JSON: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_PARSE, NULL,
                               _("the text is empty"));
      return NULL;
    }
  return g_steal_pointer (&parser);
}

static gboolean
holds_type (JsonNode *json,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (json) && json_node_get_value_type (json) == type;
}

static gboolean
holds_number (JsonNode *json)
{
  return holds_type (json, G_TYPE_INT64) || holds_type (json, G_TYPE_DOUBLE);
}

/* Sets an error unless every member of @object is one of @known. */
static gboolean
check_members (AtomrViewPlace     *place,
               JsonObject         *object,
               const char * const *known,
               GError            **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (known, name))
      {
        atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                    _("unknown member “%s”"), name);
        return FALSE;
      }
  return TRUE;
}

static JsonNode *
require_member (AtomrViewPlace *place,
                JsonObject     *object,
                const char     *name,
                GError        **error)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL)
    atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                _("missing member “%s”"), name);
  return member;
}

/* The string of @json, or NULL with an error at @place.@name. */
static const char *
read_string (AtomrViewPlace *place,
             JsonNode       *json,
             const char     *name,
             GError        **error)
{
  if (holds_type (json, G_TYPE_STRING))
    return json_node_get_string (json);
  atomr_view_place_push_name (place, name);
  atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                              _("expected a string"));
  atomr_view_place_pop (place);
  return NULL;
}

static gboolean
read_doubles (AtomrViewPlace *place,
              JsonNode       *json,
              double         *numbers,
              guint           n_numbers,
              GError        **error)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (json) ? json_node_get_array (json) : NULL;

  if (array == NULL || json_array_get_length (array) != n_numbers)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                  g_dngettext (GETTEXT_PACKAGE, "expected an array of %u number",
                                               "expected an array of %u numbers", n_numbers),
                                  n_numbers);
      return FALSE;
    }
  for (guint i = 0; i < n_numbers; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds_number (element) || !isfinite (json_node_get_double (element)))
        {
          atomr_view_place_push_index (place, i);
          atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                      _("expected a finite number"));
          atomr_view_place_pop (place);
          return FALSE;
        }
      numbers[i] = json_node_get_double (element);
    }
  return TRUE;
}

static GVariant *
read_value_form (AtomrViewPlace *place,
                 JsonObject     *object,
                 GError        **error)
{
  JsonObjectIter iter;
  const char *form;
  JsonNode *json;
  GVariant *value = NULL;
  double numbers[4];

  if (json_object_get_size (object) != 1)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
                                  _("a value object has exactly one member: “color”, “vec2” or “variant”"));
      return NULL;
    }
  json_object_iter_init_ordered (&iter, object);
  json_object_iter_next_ordered (&iter, &form, &json);

  atomr_view_place_push_name (place, form);
  if (strcmp (form, "color") == 0)
    {
      if (read_doubles (place, json, numbers, 4, error))
        value = g_variant_ref_sink (g_variant_new ("(dddd)", numbers[0], numbers[1],
                                                   numbers[2], numbers[3]));
    }
  else if (strcmp (form, "vec2") == 0)
    {
      if (read_doubles (place, json, numbers, 2, error))
        value = g_variant_ref_sink (g_variant_new ("(dd)", numbers[0], numbers[1]));
    }
  else if (strcmp (form, "variant") == 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!holds_type (json, G_TYPE_STRING))
        atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                    _("expected a string in GVariant text format"));
      else if ((value = g_variant_parse (NULL, json_node_get_string (json), NULL, NULL,
                                         &local_error)) == NULL)
        atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                    _("not valid GVariant text: %s"), local_error->message);
    }
  else
    {
      atomr_view_place_pop (place);
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
                                  _("unknown value form “%s”; expected “color”, “vec2” or “variant”"),
                                  form);
      return NULL;
    }
  atomr_view_place_pop (place);
  return value;
}

/* A prop value in any of the documented forms; a full reference. A whole
 * number reads as a double where @expected, the vocabulary's type, says "d". */
static GVariant *
read_value (AtomrViewPlace *place,
            JsonNode       *json,
            const char     *expected,
            GError        **error)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *where = NULL;

  switch (JSON_NODE_TYPE (json))
    {
    case JSON_NODE_NULL:
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
                                  _("null is not a value; leave the prop out instead"));
      return NULL;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (json))
        {
        case G_TYPE_STRING:
          value = g_variant_ref_sink (g_variant_new_string (json_node_get_string (json)));
          break;
        case G_TYPE_BOOLEAN:
          value = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (json)));
          break;
        case G_TYPE_INT64:
          {
            gint64 number = json_node_get_int (json);

            if (g_strcmp0 (expected, "d") == 0)
              {
                value = g_variant_ref_sink (g_variant_new_double ((double) number));
                break;
              }
            if (number < G_MININT32 || number > G_MAXINT32)
              {
                g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

                atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                            _("%s does not fit a 32-bit integer; "
                                              "write {\"variant\": \"int64 %s\"} for a 64-bit one"),
                                            text, text);
                return NULL;
              }
            value = g_variant_ref_sink (g_variant_new_int32 ((gint32) number));
          }
          break;
        case G_TYPE_DOUBLE:
          if (!isfinite (json_node_get_double (json)))
            {
              atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                          _("the number is too large"));
              return NULL;
            }
          value = g_variant_ref_sink (g_variant_new_double (json_node_get_double (json)));
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (json);
        guint length = json_array_get_length (array);
        g_autofree const char **strings = g_new (const char *, length + 1);

        for (guint i = 0; i < length; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!holds_type (element, G_TYPE_STRING))
              {
                atomr_view_place_push_index (place, i);
                atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                            _("expected a string: an array value is a list of strings"));
                atomr_view_place_pop (place);
                return NULL;
              }
            strings[i] = json_node_get_string (element);
          }
        strings[length] = NULL;
        value = g_variant_ref_sink (g_variant_new_strv (strings, length));
      }
      break;

    case JSON_NODE_OBJECT:
      value = read_value_form (place, json_node_get_object (json), error);
      if (value == NULL)
        return NULL;
      break;

    default:
      g_assert_not_reached ();
    }

  where = atomr_view_place_to_string (place);
  if (!atomr_view_prop_value_validate (value, where, error))
    return NULL;
  return g_steal_pointer (&value);
}

static int
compare_props (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const AtomrViewProp *) a)->name, ((const AtomrViewProp *) b)->name);
}

static AtomrViewNode *
read_node (AtomrViewPlace *place,
           JsonNode       *json,
           guint           depth,
           GError        **error)
{
  static const char * const known[] = { "kind", "key", "props", "children", NULL };
  g_autoptr(GArray) props = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *kind;
  const char *key = NULL;
  AtomrViewNode *node;
  AtomrViewNodeProblem problem;
  guint duplicate = 0;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                  _("expected an object"));
      return NULL;
    }
  if (depth > ATOMR_VIEW_SCENE_MAX_DEPTH)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                                  _("the tree is deeper than %u levels"),
                                  ATOMR_VIEW_SCENE_MAX_DEPTH);
      return NULL;
    }
  object = json_node_get_object (json);
  if (!check_members (place, object, known, error))
    return NULL;

  if ((member = require_member (place, object, "kind", error)) == NULL ||
      (kind = read_string (place, member, "kind", error)) == NULL)
    return NULL;
  atomr_view_place_push_name (place, "kind");
  where = atomr_view_place_to_string (place);
  atomr_view_place_pop (place);
  if (!atomr_view_kind_validate (kind, where, error))
    return NULL;
  g_clear_pointer (&where, g_free);

  if ((member = json_object_get_member (object, "key")) != NULL)
    {
      if ((key = read_string (place, member, "key", error)) == NULL)
        return NULL;
      atomr_view_place_push_name (place, "key");
      where = atomr_view_place_to_string (place);
      atomr_view_place_pop (place);
      if (!atomr_view_key_validate (key, where, error))
        return NULL;
      g_clear_pointer (&where, g_free);
    }

  props = g_array_new (FALSE, FALSE, sizeof (AtomrViewProp));
  g_array_set_clear_func (props, (GDestroyNotify) atomr_view_prop_clear);
  if ((member = json_object_get_member (object, "props")) != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value_json;

      atomr_view_place_push_name (place, "props");
      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                      _("expected an object"));
          return NULL;
        }
      json_object_iter_init_ordered (&iter, json_node_get_object (member));
      while (json_object_iter_next_ordered (&iter, &name, &value_json))
        {
          AtomrViewProp prop = { NULL, NULL, NULL };

          where = atomr_view_place_to_string (place);
          if (!atomr_view_prop_name_validate (name, where, error))
            return NULL;
          g_clear_pointer (&where, g_free);
          prop.name = g_intern_string (name);
          atomr_view_place_push_name (place, name);
          prop.value = read_value (place, value_json,
                                   atomr_view_vocabulary_prop_type (g_intern_string (kind), prop.name),
                                   error);
          if (prop.value == NULL)
            return NULL;
          where = atomr_view_place_to_string (place);
          if (!atomr_view_vocabulary_check_prop (g_intern_string (kind), prop.name, prop.value,
                                                 where, error))
            {
              g_variant_unref (prop.value);
              return NULL;
            }
          g_clear_pointer (&where, g_free);
          atomr_view_place_pop (place);
          g_array_append_val (props, prop);
        }
      atomr_view_place_pop (place);
      g_array_sort (props, compare_props);
    }

  children = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);
  if ((member = json_object_get_member (object, "children")) != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          atomr_view_place_push_name (place, "children");
          atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                      _("expected an array"));
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          AtomrViewNode *child;

          atomr_view_place_push_name (place, "children");
          atomr_view_place_push_index (place, i);
          child = read_node (place, json_array_get_element (array, i), depth + 1, error);
          if (child == NULL)
            return NULL;
          atomr_view_place_pop (place);
          atomr_view_place_pop (place);
          g_ptr_array_add (children, child);
        }
    }

  node = atomr_view_node_new_take (g_intern_string (kind), key,
                                   (const AtomrViewProp *) props->data, props->len,
                                   (AtomrViewNode **) children->pdata, children->len);
  /* The node owns the values and children now. */
  g_array_set_clear_func (props, NULL);
  g_ptr_array_set_free_func (children, NULL);

  problem = atomr_view_node_check (node, &duplicate);
  if (problem != ATOMR_VIEW_NODE_OK)
    {
      where = atomr_view_place_to_string (place);
      atomr_view_node_problem_set_error (node, problem, duplicate, where, error);
      atomr_view_node_unref (node);
      return NULL;
    }
  return node;
}

AtomrViewNode *
atomr_view_json_decode_node (const char *data,
                             gssize      length,
                             GError    **error)
{
  g_autoptr(JsonParser) parser = parse (data, length, error);
  AtomrViewPlace place;
  AtomrViewNode *node;

  if (parser == NULL)
    return NULL;
  atomr_view_place_init (&place);
  node = read_node (&place, json_parser_get_root (parser), 1, error);
  atomr_view_place_clear (&place);
  return node;
}

static gboolean
read_index (AtomrViewPlace *place,
            JsonNode       *json,
            guint          *index,
            GError        **error)
{
  gint64 number;

  if (!holds_type (json, G_TYPE_INT64))
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                  _("expected a whole number"));
      return FALSE;
    }
  number = json_node_get_int (json);
  if (number < 0 || number > G_MAXUINT32)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("%s is not an index"), text);
      return FALSE;
    }
  *index = (guint) number;
  return TRUE;
}

static AtomrViewPatch *
read_patch (AtomrViewPlace *place,
            JsonNode       *json,
            GError        **error)
{
  static const char * const known_insert[] = { "op", "path", "node", NULL };
  static const char * const known_remove[] = { "op", "path", NULL };
  static const char * const known_move[] = { "op", "path", "to", NULL };
  static const char * const known_set[] = { "op", "path", "name", "value", NULL };
  static const char * const known_unset[] = { "op", "path", "name", NULL };
  static const char * const * const known[] = {
    [ATOMR_VIEW_PATCH_OP_INSERT] = known_insert,
    [ATOMR_VIEW_PATCH_OP_REMOVE] = known_remove,
    [ATOMR_VIEW_PATCH_OP_MOVE] = known_move,
    [ATOMR_VIEW_PATCH_OP_SET_PROP] = known_set,
    [ATOMR_VIEW_PATCH_OP_UNSET_PROP] = known_unset,
    [ATOMR_VIEW_PATCH_OP_REPLACE] = known_insert,
  };
  g_autoptr(GVariant) value = NULL;
  g_autoptr(AtomrViewNode) node = NULL;
  g_autofree guint *path = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *path_array;
  AtomrViewPatchOp op;
  const char *op_name;
  const char *name = NULL;
  guint path_length;
  guint to_index = 0;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                  _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (json);

  if ((member = require_member (place, object, "op", error)) == NULL ||
      (op_name = read_string (place, member, "op", error)) == NULL)
    return NULL;
  if (!atomr_view_patch_op_from_string (op_name, &op))
    {
      atomr_view_place_push_name (place, "op");
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("unknown operation “%s”"), op_name);
      return NULL;
    }
  if (!check_members (place, object, known[op], error))
    return NULL;

  if ((member = require_member (place, object, "path", error)) == NULL)
    return NULL;
  atomr_view_place_push_name (place, "path");
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                  _("expected an array of indices"));
      return NULL;
    }
  path_array = json_node_get_array (member);
  path_length = json_array_get_length (path_array);
  if (path_length > ATOMR_VIEW_SCENE_MAX_DEPTH)
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                                  _("the path is longer than %u levels"),
                                  ATOMR_VIEW_SCENE_MAX_DEPTH);
      return NULL;
    }
  if (path_length == 0 &&
      (op == ATOMR_VIEW_PATCH_OP_INSERT || op == ATOMR_VIEW_PATCH_OP_REMOVE ||
       op == ATOMR_VIEW_PATCH_OP_MOVE))
    {
      atomr_view_place_set_error (place, error, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                                  _("the root cannot be inserted, removed or moved; "
                                    "the path must not be empty"));
      return NULL;
    }
  path = g_new (guint, MAX (path_length, 1));
  for (guint i = 0; i < path_length; i++)
    {
      atomr_view_place_push_index (place, i);
      if (!read_index (place, json_array_get_element (path_array, i), &path[i], error))
        return NULL;
      atomr_view_place_pop (place);
    }
  atomr_view_place_pop (place);

  switch (op)
    {
    case ATOMR_VIEW_PATCH_OP_INSERT:
    case ATOMR_VIEW_PATCH_OP_REPLACE:
      if ((member = require_member (place, object, "node", error)) == NULL)
        return NULL;
      atomr_view_place_push_name (place, "node");
      node = read_node (place, member, 1, error);
      if (node == NULL)
        return NULL;
      atomr_view_place_pop (place);
      break;

    case ATOMR_VIEW_PATCH_OP_REMOVE:
      break;

    case ATOMR_VIEW_PATCH_OP_MOVE:
      if ((member = require_member (place, object, "to", error)) == NULL)
        return NULL;
      atomr_view_place_push_name (place, "to");
      if (!read_index (place, member, &to_index, error))
        return NULL;
      atomr_view_place_pop (place);
      break;

    case ATOMR_VIEW_PATCH_OP_SET_PROP:
    case ATOMR_VIEW_PATCH_OP_UNSET_PROP:
      if ((member = require_member (place, object, "name", error)) == NULL ||
          (name = read_string (place, member, "name", error)) == NULL)
        return NULL;
      atomr_view_place_push_name (place, "name");
      where = atomr_view_place_to_string (place);
      atomr_view_place_pop (place);
      if (!atomr_view_prop_name_validate (name, where, error))
        return NULL;
      if (op == ATOMR_VIEW_PATCH_OP_SET_PROP)
        {
          if ((member = require_member (place, object, "value", error)) == NULL)
            return NULL;
          atomr_view_place_push_name (place, "value");
          value = read_value (place, member, NULL, error);
          if (value == NULL)
            return NULL;
          atomr_view_place_pop (place);
        }
      name = g_intern_string (name);
      break;

    default:
      g_assert_not_reached ();
    }

  return atomr_view_patch_new_internal (op, path, path_length, to_index, name, value, node);
}

GPtrArray *
atomr_view_json_decode_patches (const char *data,
                                gssize      length,
                                GError    **error)
{
  g_autoptr(JsonParser) parser = parse (data, length, error);
  g_autoptr(GPtrArray) patches = NULL;
  AtomrViewPlace place;
  JsonNode *root;
  JsonArray *array;

  if (parser == NULL)
    return NULL;
  atomr_view_place_init (&place);
  atomr_view_place_push_name (&place, "patches");
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      atomr_view_place_set_error (&place, error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                                  _("expected an array of patches"));
      atomr_view_place_clear (&place);
      return NULL;
    }
  array = json_node_get_array (root);
  patches = atomr_view_patch_list_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AtomrViewPatch *patch;

      atomr_view_place_push_index (&place, i);
      patch = read_patch (&place, json_array_get_element (array, i), error);
      if (patch == NULL)
        {
          atomr_view_place_clear (&place);
          return NULL;
        }
      atomr_view_place_pop (&place);
      g_ptr_array_add (patches, patch);
    }
  atomr_view_place_clear (&place);
  return g_steal_pointer (&patches);
}

/* -- writing ------------------------------------------------------------- */

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double, always with a '.' or
 * an exponent so that it reads back as a double, not as an integer. */
static void
write_double (GString *out,
              double   number)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], number);
      if (g_ascii_strtod (buffer, NULL) == number)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static gboolean
all_finite (GVariant *tuple)
{
  for (gsize i = 0; i < g_variant_n_children (tuple); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (tuple, i);

      if (!isfinite (g_variant_get_double (child)))
        return FALSE;
    }
  return TRUE;
}

static void
write_value (GString  *out,
             GVariant *value,
             gboolean  pretty)
{
  const char *separator = pretty ? ", " : ",";
  const char *colon = pretty ? ": " : ":";
  const char *type = g_variant_get_type_string (value);

  if (strcmp (type, "s") == 0)
    write_string (out, g_variant_get_string (value, NULL));
  else if (strcmp (type, "b") == 0)
    g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
  else if (strcmp (type, "i") == 0)
    g_string_append_printf (out, "%d", g_variant_get_int32 (value));
  else if (strcmp (type, "d") == 0 && isfinite (g_variant_get_double (value)))
    write_double (out, g_variant_get_double (value));
  else if (strcmp (type, "as") == 0)
    {
      g_string_append_c (out, '[');
      for (gsize i = 0; i < g_variant_n_children (value); i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

          if (i > 0)
            g_string_append (out, separator);
          write_string (out, g_variant_get_string (child, NULL));
        }
      g_string_append_c (out, ']');
    }
  else if ((strcmp (type, "(dddd)") == 0 || strcmp (type, "(dd)") == 0) && all_finite (value))
    {
      g_string_append_printf (out, "{\"%s\"%s[", type[3] == ')' ? "vec2" : "color", colon);
      for (gsize i = 0; i < g_variant_n_children (value); i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

          if (i > 0)
            g_string_append (out, separator);
          write_double (out, g_variant_get_double (child));
        }
      g_string_append (out, "]}");
    }
  else
    {
      g_autofree char *text = g_variant_print (value, TRUE);

      g_string_append_printf (out, "{\"variant\"%s", colon);
      write_string (out, text);
      g_string_append_c (out, '}');
    }
}

static void
write_newline (GString *out,
               int      indent)
{
  if (indent < 0)
    return;
  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

/* Starts a member of an object whose members sit at @indent (-1: compact). */
static void
write_member_name (GString    *out,
                   const char *name,
                   gboolean    first,
                   int         indent)
{
  if (!first)
    g_string_append_c (out, ',');
  write_newline (out, indent);
  write_string (out, name);
  g_string_append (out, indent >= 0 ? ": " : ":");
}

static int
deeper (int indent)
{
  return indent < 0 ? indent : indent + 1;
}

static void
write_node (GString       *out,
            AtomrViewNode *node,
            int            indent)
{
  int inner = deeper (indent);

  g_string_append_c (out, '{');
  write_member_name (out, "kind", TRUE, inner);
  write_string (out, node->kind);
  if (node->key != NULL)
    {
      write_member_name (out, "key", FALSE, inner);
      write_string (out, node->key);
    }
  if (node->n_props > 0)
    {
      write_member_name (out, "props", FALSE, inner);
      g_string_append_c (out, '{');
      for (guint i = 0; i < node->n_props; i++)
        {
          write_member_name (out, node->props[i].name, i == 0, deeper (inner));
          /* Text is written as it is kept: no value made and left in the node. */
          if (node->props[i].text != NULL)
            write_string (out, node->props[i].text);
          else
            write_value (out, node->props[i].value, indent >= 0);
        }
      write_newline (out, inner);
      g_string_append_c (out, '}');
    }
  if (node->n_children > 0)
    {
      write_member_name (out, "children", FALSE, inner);
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->n_children; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_newline (out, deeper (inner));
          write_node (out, node->children[i], deeper (inner));
        }
      write_newline (out, inner);
      g_string_append_c (out, ']');
    }
  write_newline (out, indent);
  g_string_append_c (out, '}');
}

void
atomr_view_json_write_node (GString       *out,
                            AtomrViewNode *node,
                            gboolean       pretty)
{
  write_node (out, node, pretty ? 0 : -1);
}

static void
write_patch (GString        *out,
             AtomrViewPatch *patch,
             int             indent)
{
  int inner = deeper (indent);

  g_string_append_c (out, '{');
  write_member_name (out, "op", TRUE, inner);
  write_string (out, atomr_view_patch_op_to_string (patch->op));
  write_member_name (out, "path", FALSE, inner);
  g_string_append_c (out, '[');
  for (guint i = 0; i < patch->path_length; i++)
    g_string_append_printf (out, i == 0 ? "%u" : indent >= 0 ? ", %u" : ",%u", patch->path[i]);
  g_string_append_c (out, ']');
  switch (patch->op)
    {
    case ATOMR_VIEW_PATCH_OP_INSERT:
    case ATOMR_VIEW_PATCH_OP_REPLACE:
      write_member_name (out, "node", FALSE, inner);
      write_node (out, patch->node, inner);
      break;
    case ATOMR_VIEW_PATCH_OP_MOVE:
      write_member_name (out, "to", FALSE, inner);
      g_string_append_printf (out, "%u", patch->to_index);
      break;
    case ATOMR_VIEW_PATCH_OP_SET_PROP:
      write_member_name (out, "name", FALSE, inner);
      write_string (out, patch->name);
      write_member_name (out, "value", FALSE, inner);
      write_value (out, patch->value, indent >= 0);
      break;
    case ATOMR_VIEW_PATCH_OP_UNSET_PROP:
      write_member_name (out, "name", FALSE, inner);
      write_string (out, patch->name);
      break;
    case ATOMR_VIEW_PATCH_OP_REMOVE:
    default:
      break;
    }
  write_newline (out, indent);
  g_string_append_c (out, '}');
}

void
atomr_view_json_write_patches (GString   *out,
                               GPtrArray *patches,
                               gboolean   pretty)
{
  int inner = pretty ? 1 : -1;

  g_string_append_c (out, '[');
  for (guint i = 0; i < patches->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_newline (out, inner);
      write_patch (out, g_ptr_array_index (patches, i), inner);
    }
  if (patches->len > 0)
    write_newline (out, pretty ? 0 : -1);
  g_string_append_c (out, ']');
}
