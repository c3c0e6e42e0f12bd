/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>

#include "test-utils.h"

/* Every prop value form the codecs know, and a few they only carry. */
static AtomrViewScene *
scene_with_every_form (void)
{
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) custom = atomr_view_node_builder_new ("GtkLevelBar");
  g_autoptr(AtomrViewNodeBuilder) text = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNode) custom_node = NULL;
  g_autoptr(AtomrViewNode) text_node = NULL;
  g_autoptr(AtomrViewNode) root_node = NULL;
  const char *no_strings[] = { NULL };
  const char *classes[] = { "title", "dim \"quoted\"", NULL };
  static const guint8 bytes[] = { 0, 1, 0xff, '\'', '"' };

  atomr_view_node_builder_set_key (custom, "bar");
  atomr_view_node_builder_set_string (custom, "str", "tab\there, newline\n, quote \", backslash \\, "
                                      "bell \x07, é, 😀");
  atomr_view_node_builder_set_boolean (custom, "yes", TRUE);
  atomr_view_node_builder_set_boolean (custom, "no", FALSE);
  atomr_view_node_builder_set_int (custom, "int-min", G_MININT32);
  atomr_view_node_builder_set_int (custom, "int-max", G_MAXINT32);
  atomr_view_node_builder_set_double (custom, "one", 1.0);
  atomr_view_node_builder_set_double (custom, "tenth", 0.1);
  atomr_view_node_builder_set_double (custom, "third", 1.0 / 3.0);
  atomr_view_node_builder_set_double (custom, "minus-zero", -0.0);
  atomr_view_node_builder_set_double (custom, "huge", 1e300);
  atomr_view_node_builder_set_double (custom, "tiny", 2.2250738585072014e-308);
  atomr_view_node_builder_set_double (custom, "whole-big", 123456789012.0);
  atomr_view_node_builder_set_double (custom, "infinite", -INFINITY);
  atomr_view_node_builder_set_prop (custom, "no-strings", g_variant_new_strv (no_strings, -1));
  atomr_view_node_builder_set_prop (custom, "classes", g_variant_new_strv (classes, -1));
  atomr_view_node_builder_set_color (custom, "tint", 1.0, 0.5, 0.0, 0.25);
  atomr_view_node_builder_set_color (custom, "glow", 1.0, INFINITY, 0.0, 1.0);
  atomr_view_node_builder_set_vec2 (custom, "offset", -3.5, 2.0);
  atomr_view_node_builder_set_prop (custom, "unsigned", g_variant_new_uint32 (7));
  atomr_view_node_builder_set_prop (custom, "int64", g_variant_new_int64 (G_MININT64));
  atomr_view_node_builder_set_prop (custom, "byte", g_variant_new_byte (200));
  atomr_view_node_builder_set_prop (custom, "bytes",
                                    g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, bytes,
                                                               sizeof bytes, 1));
  atomr_view_node_builder_set_prop (custom, "path", g_variant_new_object_path ("/org/example"));
  atomr_view_node_builder_set_prop (custom, "maybe", g_variant_new_parsed ("@ms nothing"));
  atomr_view_node_builder_set_prop (custom, "dict",
                                    g_variant_new_parsed ("{'a': <1>, 'b': <@ad [1.5, 2.0]>}"));
  atomr_view_node_builder_set_prop (custom, "boxed", g_variant_new_parsed ("<<(1, 'x')>>"));
  atomr_view_node_builder_set_prop (custom, "ints", g_variant_new_parsed ("[1, 2, 3]"));
  atomr_view_node_builder_set_prop (custom, "unit", g_variant_new_parsed ("()"));
  custom_node = atomr_view_node_builder_build (custom, NULL);
  g_assert_nonnull (custom_node);

  atomr_view_node_builder_set_string (text, ATOMR_VIEW_PROP_TEXT, "hello");
  atomr_view_node_builder_set_color (text, ATOMR_VIEW_PROP_COLOR, 0, 0, 1, 1);
  text_node = atomr_view_node_builder_build (text, NULL);
  g_assert_nonnull (text_node);

  atomr_view_node_builder_set_key (root, "main window");
  atomr_view_node_builder_set_string (root, ATOMR_VIEW_PROP_ORIENTATION, "vertical");
  atomr_view_node_builder_set_int (root, ATOMR_VIEW_PROP_SPACING, 6);
  atomr_view_node_builder_add_child (root, custom_node);
  atomr_view_node_builder_add_child (root, text_node);
  atomr_view_node_builder_add_child (root, text_node);
  root_node = atomr_view_node_builder_build (root, NULL);
  g_assert_nonnull (root_node);
  return atomr_view_scene_new (root_node);
}

/* Equal trees and, prop by prop, the same GVariant types. */
static void
assert_same_tree (AtomrViewNode *expected,
                  AtomrViewNode *actual)
{
  g_assert_true (atomr_view_node_equal (expected, actual));
  g_assert_cmpuint (atomr_view_node_get_n_props (expected), ==, atomr_view_node_get_n_props (actual));
  for (guint i = 0; i < atomr_view_node_get_n_props (expected); i++)
    g_assert_cmpstr (g_variant_get_type_string (atomr_view_node_get_prop_value (expected, i)), ==,
                     g_variant_get_type_string (atomr_view_node_get_prop_value (actual, i)));
  for (guint i = 0; i < atomr_view_node_get_n_children (expected); i++)
    assert_same_tree (atomr_view_node_get_child (expected, i), atomr_view_node_get_child (actual, i));
}

static void
test_json_round_trip (void)
{
  g_autoptr(AtomrViewScene) scene = scene_with_every_form ();

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = atomr_view_scene_to_json (scene, pretty);
      g_autoptr(AtomrViewScene) back = atomr_view_scene_new_from_json (json, -1, &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      assert_same_tree (atomr_view_scene_get_root (scene), atomr_view_scene_get_root (back));
      /* The text depends only on the tree. */
      again = atomr_view_scene_to_json (back, pretty);
      g_assert_cmpstr (json, ==, again);
    }
}

static void
test_variant_round_trip (void)
{
  g_autoptr(AtomrViewScene) scene = scene_with_every_form ();
  g_autoptr(GVariant) variant = atomr_view_scene_to_variant (scene);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewScene) back = NULL;
  g_autoptr(AtomrViewScene) from_bytes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) untrusted = NULL;

  g_assert_false (g_variant_is_floating (variant));
  g_assert_cmpstr (g_variant_get_type_string (variant), ==, ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING);
  back = atomr_view_scene_new_from_variant (variant, &error);
  g_assert_no_error (error);
  assert_same_tree (atomr_view_scene_get_root (scene), atomr_view_scene_get_root (back));

  /* As it comes off the wire: serialised bytes, not trusted. */
  bytes = g_variant_get_data_as_bytes (variant);
  untrusted = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING),
                                                            bytes, FALSE));
  from_bytes = atomr_view_scene_new_from_variant (untrusted, &error);
  g_assert_no_error (error);
  assert_same_tree (atomr_view_scene_get_root (scene), atomr_view_scene_get_root (from_bytes));
}

static void
test_json_exact_text (void)
{
  g_autoptr(GError) error = NULL;
  const char *input =
    "{\"kind\": \"container\", \"key\": \"k\", \"props\": {\"spacing\": 6, \"orientation\": \"vertical\"},"
    " \"children\": [{\"kind\": \"text\", \"props\": {\"color\": {\"color\": [1, 0, 0, 1]}}}]}";
  const char *compact =
    "{\"kind\":\"container\",\"key\":\"k\",\"props\":{\"orientation\":\"vertical\",\"spacing\":6},"
    "\"children\":[{\"kind\":\"text\",\"props\":{\"color\":{\"color\":[1.0,0.0,0.0,1.0]}}}]}";
  const char *pretty =
    "{\n"
    "  \"kind\": \"container\",\n"
    "  \"key\": \"k\",\n"
    "  \"props\": {\n"
    "    \"orientation\": \"vertical\",\n"
    "    \"spacing\": 6\n"
    "  },\n"
    "  \"children\": [\n"
    "    {\n"
    "      \"kind\": \"text\",\n"
    "      \"props\": {\n"
    "        \"color\": {\"color\": [1.0, 0.0, 0.0, 1.0]}\n"
    "      }\n"
    "    }\n"
    "  ]\n"
    "}";
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new_from_json (input, -1, &error);
  g_autofree char *compact_out = NULL;
  g_autofree char *pretty_out = NULL;

  g_assert_no_error (error);
  compact_out = atomr_view_scene_to_json (scene, FALSE);
  pretty_out = atomr_view_scene_to_json (scene, TRUE);
  g_assert_cmpstr (compact_out, ==, compact);
  g_assert_cmpstr (pretty_out, ==, pretty);
}

static void
test_json_hand_written_forms (void)
{
  g_autoptr(GError) error = NULL;
  const char *input =
    "{\"kind\": \"GtkThing\", \"props\": {"
    "\"whole\": 5, \"fraction\": 5.0, \"exponent\": 1e2, \"empty\": [], \"u\": {\"variant\": \"uint32 7\"},"
    "\"vec\": {\"vec2\": [1, 2.5]}, \"neg\": -0.0, \"big\": {\"variant\": \"int64 9007199254740993\"}},"
    "\"children\": [{\"kind\": \"slider\", \"props\": {\"value\": 5, \"max\": 10.5}}]}";
  static const struct
  {
    const char *name;
    const char *type;
    const char *text;
  } expected[] = {
    { "big", "x", "int64 9007199254740993" },
    { "empty", "as", "@as []" },
    { "exponent", "d", "100.0" },
    { "fraction", "d", "5.0" },
    { "neg", "d", "-0.0" },
    { "u", "u", "uint32 7" },
    { "vec", "(dd)", "(1.0, 2.5)" },
    { "whole", "i", "5" },
  };
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new_from_json (input, -1, &error);
  AtomrViewNode *root;
  AtomrViewNode *slider;

  g_assert_no_error (error);
  root = atomr_view_scene_get_root (scene);
  g_assert_cmpuint (atomr_view_node_get_n_props (root), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GVariant *value = atomr_view_node_get_prop (root, expected[i].name);
      g_autofree char *text = g_variant_print (value, TRUE);

      g_assert_cmpstr (g_variant_get_type_string (value), ==, expected[i].type);
      g_assert_cmpstr (text, ==, expected[i].text);
    }
  /* Where the vocabulary wants a double, a whole number is read as one. */
  slider = atomr_view_node_get_child (root, 0);
  g_assert_cmpstr (g_variant_get_type_string (atomr_view_node_get_prop (slider, "value")), ==, "d");
  g_assert_cmpfloat (g_variant_get_double (atomr_view_node_get_prop (slider, "value")), ==, 5.0);
}

typedef struct
{
  const char *input;
  gint        code;
  const char *message;   /* a g_pattern_match_simple() pattern */
} BadInput;

static const BadInput bad_scenes[] = {
  { "{\"kind\": \"text\",}", ATOMR_VIEW_SCENE_ERROR_PARSE, "not valid JSON: *" },
  { "{\"kind\": \"text\"", ATOMR_VIEW_SCENE_ERROR_PARSE, "not valid JSON: *" },
  { "", ATOMR_VIEW_SCENE_ERROR_PARSE, "the text is empty" },
  { "{\"kind\": \"te\xffxt\"}", ATOMR_VIEW_SCENE_ERROR_PARSE, "the text is not valid UTF-8 (at byte 12)" },
  { "{\"kind\": \"text\",\n \"key\": \"a\\u0000b\"}", ATOMR_VIEW_SCENE_ERROR_PARSE,
    "line 2, column 11: strings must not contain U+0000" },
  { "{\"kind\": \"text\", \"props\": {\"n\": 99999999999999999999}}", ATOMR_VIEW_SCENE_ERROR_PARSE,
    "line 1, column 33: the integer is too large" },
  { "[]", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "expected an object" },
  { "{\"key\": \"a\"}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "missing member “kind”" },
  { "{\"kind\": 5}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "kind: expected a string" },
  { "{\"kind\": \"2d-view\"}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "kind: “2d-view” is not a valid kind name" },
  { "{\"kind\": \"text\", \"key\": \"\"}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "key: a key must not be empty" },
  { "{\"kind\": \"text\", \"key\": 3}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "key: expected a string" },
  { "{\"kind\": \"text\", \"kids\": []}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "unknown member “kids”" },
  { "{\"kind\": \"text\", \"props\": []}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "props: expected an object" },
  { "{\"kind\": \"text\", \"children\": {}}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "children: expected an array" },
  { "{\"kind\": \"list\", \"children\": [{\"kind\": \"a\"}, 7]}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
    "children[1]: expected an object" },
  /* The example of the issue: a core kind's prop of the wrong type. */
  { "{\"kind\": \"list\", \"children\": [{\"kind\": \"a\"}, {\"kind\": \"b\"}, {\"kind\": \"c\"},"
    " {\"kind\": \"button\", \"props\": {\"label\": 5}}]}",
    ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "children[3].props.label: expected a string" },
  { "{\"kind\": \"text\", \"props\": {\"bad name\": 1}}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
    "props: “bad name” is not a valid prop name" },
  { "{\"kind\": \"text\", \"props\": {\"x\": null}}", ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
    "props.x: null is not a value; leave the prop out instead" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"colour\": [1, 0, 0, 1]}}}", ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
    "props.x: unknown value form “colour”; expected “color”, “vec2” or “variant”" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {}}}", ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
    "props.x: a value object has exactly one member: “color”, “vec2” or “variant”" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"vec2\": [1, 2], \"color\": [1, 2, 3, 4]}}}",
    ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
    "props.x: a value object has exactly one member: “color”, “vec2” or “variant”" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"color\": [1, 0, 0]}}}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
    "props.x.color: expected an array of 4 numbers" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"vec2\": [1, \"2\"]}}}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
    "props.x.vec2[1]: expected a finite number" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"variant\": \"uint32\"}}}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
    "props.x.variant: not valid GVariant text: *" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"variant\": 3}}}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
    "props.x.variant: expected a string in GVariant text format" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"variant\": \"nan\"}}}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
    "props.x: the value holds NaN, which is not a number" },
  { "{\"kind\": \"text\", \"props\": {\"x\": {\"vec2\": [1, 5e-324]}}}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
    "props.x: the value holds a subnormal number, too close to zero to be written as text" },
  { "{\"kind\": \"text\", \"props\": {\"x\": [\"a\", 1]}}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
    "props.x[1]: expected a string: an array value is a list of strings" },
  { "{\"kind\": \"text\", \"props\": {\"x\": 3000000000}}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
    "props.x: 3000000000 does not fit a 32-bit integer; write {\"variant\": \"int64 3000000000\"} for a 64-bit one" },
  { "{\"kind\": \"text\", \"props\": {\"x\": 1e999}}", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
    "props.x: the number is too large" },
  { "{\"kind\": \"list\", \"children\": [{\"kind\": \"a\", \"key\": \"k\"}, {\"kind\": \"b\"},"
    " {\"kind\": \"c\", \"key\": \"k\"}]}",
    ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY, "children[2].key: duplicate key “k”: an earlier sibling has it too" },
  { "{\"kind\": \"list\", \"children\": [{\"kind\": \"row\", \"children\": [{\"kind\": \"a\", \"key\": \"k\"},"
    " {\"kind\": \"b\", \"key\": \"k\"}]}]}",
    ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
    "children[0].children[1].key: duplicate key “k”: an earlier sibling has it too" },
};

static void
assert_error_matches (GError     *error,
                      gint        code,
                      const char *pattern)
{
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, code);
  if (!g_pattern_match_simple (pattern, error->message))
    g_error ("message “%s” does not match “%s”", error->message, pattern);
}

static void
test_json_bad_scenes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_scenes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtomrViewScene) scene = atomr_view_scene_new_from_json (bad_scenes[i].input, -1, &error);

      g_assert_null (scene);
      assert_error_matches (error, bad_scenes[i].code, bad_scenes[i].message);
    }
}

static char *
json_chain (guint levels)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (json, i + 1 < levels ? "{\"kind\": \"box\", \"children\": [" : "{\"kind\": \"leaf\"}");
  for (guint i = 1; i < levels; i++)
    g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static void
test_json_limits (void)
{
  g_autofree char *deepest = json_chain (ATOMR_VIEW_SCENE_MAX_DEPTH);
  g_autofree char *too_deep = json_chain (ATOMR_VIEW_SCENE_MAX_DEPTH + 1);
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) place = g_string_new (NULL);
  g_autoptr(GString) expected = NULL;
  GString *nested = g_string_new (NULL);
  GString *wide = g_string_new ("{\"kind\": \"list\", \"children\": [");

  scene = atomr_view_scene_new_from_json (deepest, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atomr_view_scene_get_depth (scene), ==, ATOMR_VIEW_SCENE_MAX_DEPTH);
  g_clear_pointer (&scene, atomr_view_scene_unref);

  scene = atomr_view_scene_new_from_json (too_deep, -1, &error);
  g_assert_null (scene);
  for (guint i = 0; i < ATOMR_VIEW_SCENE_MAX_DEPTH; i++)
    g_string_append (place, i == 0 ? "children[0]" : ".children[0]");
  expected = g_string_new (place->str);
  g_string_append (expected, ": the tree is deeper than 128 levels");
  assert_error_matches (error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, expected->str);
  g_clear_error (&error);

  /* Nesting that would exhaust the parser's stack never reaches it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  scene = atomr_view_scene_new_from_json (nested->str, -1, &error);
  g_assert_null (scene);
  assert_error_matches (error, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                        "line 1, column 265: the text nests deeper than 264 levels");
  g_clear_error (&error);
  g_string_free (nested, TRUE);

  for (guint i = 0; i < ATOMR_VIEW_SCENE_MAX_NODES; i++)
    g_string_append (wide, i == 0 ? "{\"kind\":\"a\"}" : ",{\"kind\":\"a\"}");
  g_string_append (wide, "]}");
  scene = atomr_view_scene_new_from_json (wide->str, -1, &error);
  g_assert_null (scene);
  assert_error_matches (error, ATOMR_VIEW_SCENE_ERROR_TOO_LARGE, "the tree has more than 200000 nodes");
  g_clear_error (&error);
  g_string_free (wide, TRUE);
}

/* Entries of the wire form, for hand-made bad input. */
static GVariant *
scene_variant (guint32     version,
               const char *entries_text)
{
  return g_variant_ref_sink (g_variant_new ("(u@a(smsa{sv}u))", version,
                                            g_variant_new_parsed (entries_text)));
}

static void
test_variant_bad_scenes (void)
{
  static const struct
  {
    guint32     version;
    const char *entries;
    gint        code;
    const char *message;
  } cases[] = {
    { 2, "[('text', @ms nothing, @a{sv} {}, uint32 0)]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "format version 2 is not supported; this library reads version 1" },
    { 1, "@a(smsa{sv}u) []", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "the tree has no nodes" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 3), ('a', nothing, {}, uint32 0)]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "the node has more children (3) than there are nodes after it (1)" },
    /* Each node claims no more children than nodes follow, yet the list ends
     * early: the root has one child, not two (found by fuzz-scene-variant). */
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 2), ('row', nothing, {}, uint32 1), ('a', nothing, {}, uint32 0)]",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "the list of nodes ends before the last child of this node" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 1), ('row', nothing, {}, uint32 2), ('x', nothing, {}, uint32 1),"
      " ('y', nothing, {}, uint32 0)]",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "children[0]: the list of nodes ends before the last child of this node" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 1), ('a', nothing, {}, uint32 0), ('b', nothing, {}, uint32 0)]",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "nodes follow the end of the tree (1 more)" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 1), ('a b', nothing, {}, uint32 0)]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "children[0].kind: “a b” is not a valid kind name" },
    { 1, "[('list', @ms just '', @a{sv} {}, uint32 0)]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "key: a key must not be empty" },
    { 1, "[('list', @ms nothing, {'x': <1>, 'x': <2>}, uint32 0)]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "props: the prop “x” appears twice" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 1), ('text', nothing, {'y': <@d nan>}, uint32 0)]",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "children[0].props.y: the value holds NaN, which is not a number" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 1), ('button', nothing, {'label': <true>}, uint32 0)]",
      ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "children[0].props.label: expected a string" },
    { 1, "[('list', @ms nothing, @a{sv} {}, uint32 2), ('a', just 'k', {}, uint32 0), ('b', just 'k', {}, uint32 0)]",
      ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY, "children[1].key: duplicate key “k”: an earlier sibling has it too" },
  };
  g_autoptr(GVariant) wrong_type = g_variant_ref_sink (g_variant_new_parsed ("('text', 1)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewScene) none = atomr_view_scene_new_from_variant (wrong_type, &error);

  g_assert_null (none);
  assert_error_matches (error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                        "expected a value of type (ua(smsa{sv}u)), not (si)");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) variant = scene_variant (cases[i].version, cases[i].entries);
      g_autoptr(GError) case_error = NULL;
      g_autoptr(AtomrViewScene) scene = atomr_view_scene_new_from_variant (variant, &case_error);

      g_assert_null (scene);
      assert_error_matches (case_error, cases[i].code, cases[i].message);
    }
}

static void
test_variant_limits (void)
{
  g_autoptr(GVariant) no_props = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
  GVariantBuilder entries;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;

  /* A chain one level too deep. */
  g_variant_builder_init (&entries, G_VARIANT_TYPE ("a(smsa{sv}u)"));
  for (guint i = 0; i <= ATOMR_VIEW_SCENE_MAX_DEPTH; i++)
    g_variant_builder_add (&entries, "(sms@a{sv}u)", "box", NULL, no_props,
                           i < ATOMR_VIEW_SCENE_MAX_DEPTH ? 1 : 0);
  variant = g_variant_ref_sink (g_variant_new ("(u@a(smsa{sv}u))", 1, g_variant_builder_end (&entries)));
  scene = atomr_view_scene_new_from_variant (variant, &error);
  g_assert_null (scene);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_suffix (error->message, ".children[0]: the tree is deeper than 128 levels"));
  g_clear_error (&error);
  g_clear_pointer (&variant, g_variant_unref);

  /* One node too many. */
  g_variant_builder_init (&entries, G_VARIANT_TYPE ("a(smsa{sv}u)"));
  g_variant_builder_add (&entries, "(sms@a{sv}u)", "list", NULL, no_props, ATOMR_VIEW_SCENE_MAX_NODES);
  for (guint i = 0; i < ATOMR_VIEW_SCENE_MAX_NODES; i++)
    g_variant_builder_add (&entries, "(sms@a{sv}u)", "a", NULL, no_props, 0);
  variant = g_variant_ref_sink (g_variant_new ("(u@a(smsa{sv}u))", 1, g_variant_builder_end (&entries)));
  scene = atomr_view_scene_new_from_variant (variant, &error);
  g_assert_null (scene);
  assert_error_matches (error, ATOMR_VIEW_SCENE_ERROR_TOO_LARGE, "the tree has more than 200000 nodes");
}

static GPtrArray *
every_patch (void)
{
  g_autoptr(AtomrViewScene) scene = scene_with_every_form ();
  AtomrViewNode *node = atomr_view_node_get_child (atomr_view_scene_get_root (scene), 0);
  GPtrArray *patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  const guint path[] = { 0, 3, 1 };

  g_ptr_array_add (patches, atomr_view_patch_new_insert (path, 3, node));
  g_ptr_array_add (patches, atomr_view_patch_new_remove (path, 1));
  g_ptr_array_add (patches, atomr_view_patch_new_move (path, 2, 9));
  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (path, 3, "label", g_variant_new_string ("x")));
  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (NULL, 0, "tint",
                                                           g_variant_new ("(dddd)", 0.1, 0.2, 0.3, 1.0)));
  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (path, 1, "n", g_variant_new_uint64 (3)));
  g_ptr_array_add (patches, atomr_view_patch_new_unset_prop (path, 2, "gone"));
  g_ptr_array_add (patches, atomr_view_patch_new_replace (NULL, 0, node));
  g_ptr_array_add (patches, atomr_view_patch_new_replace (path, 3, node));
  return patches;
}

static void
test_patch_codecs_round_trip (void)
{
  g_autoptr(GPtrArray) patches = every_patch ();
  g_autoptr(GVariant) variant = atomr_view_patch_list_to_variant (patches);
  g_autoptr(GPtrArray) from_variant = NULL;
  g_autoptr(GPtrArray) from_bytes = NULL;
  g_autoptr(GVariant) untrusted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *json = atomr_view_patch_list_to_json (patches, pretty);
      g_autoptr(GPtrArray) back = atomr_view_patch_list_from_json (json, -1, &error);

      g_assert_no_error (error);
      g_assert_true (atomr_view_patch_list_equal (patches, back));
    }

  g_assert_cmpstr (g_variant_get_type_string (variant), ==, ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING);
  from_variant = atomr_view_patch_list_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_true (atomr_view_patch_list_equal (patches, from_variant));

  bytes = g_variant_get_data_as_bytes (variant);
  untrusted = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING),
                                                            bytes, FALSE));
  from_bytes = atomr_view_patch_list_from_variant (untrusted, &error);
  g_assert_no_error (error);
  g_assert_true (atomr_view_patch_list_equal (patches, from_bytes));
}

static void
test_patch_json_text (void)
{
  const guint path[] = { 0, 998 };
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autofree char *json = NULL;

  g_ptr_array_add (patches, atomr_view_patch_new_move (path, 2, 1));
  g_ptr_array_add (patches, atomr_view_patch_new_unset_prop (path, 1, "label"));
  json = atomr_view_patch_list_to_json (patches, FALSE);
  g_assert_cmpstr (json, ==,
                   "[{\"op\":\"move\",\"path\":[0,998],\"to\":1},"
                   "{\"op\":\"unset-prop\",\"path\":[0],\"name\":\"label\"}]");
  g_clear_pointer (&json, g_free);
  g_ptr_array_set_size (patches, 0);
  json = atomr_view_patch_list_to_json (patches, TRUE);
  g_assert_cmpstr (json, ==, "[]");
}

static void
test_patch_json_bad_input (void)
{
  static const BadInput cases[] = {
    { "{}", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "patches: expected an array of patches" },
    { "[3]", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "patches[0]: expected an object" },
    { "[{\"path\": []}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0]: missing member “op”" },
    { "[{\"op\": \"jump\", \"path\": []}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0].op: unknown operation “jump”" },
    { "[{\"op\": \"remove\"}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0]: missing member “path”" },
    { "[{\"op\": \"remove\", \"path\": []}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0].path: the root cannot be inserted, removed or moved; the path must not be empty" },
    { "[{\"op\": \"remove\", \"path\": [0, -1]}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0].path[1]: -1 is not an index" },
    { "[{\"op\": \"remove\", \"path\": [0, 1.5]}]", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
      "patches[0].path[1]: expected a whole number" },
    { "[{\"op\": \"remove\", \"path\": [0], \"node\": {\"kind\": \"a\"}}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0]: unknown member “node”" },
    { "[{\"op\": \"move\", \"path\": [0]}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0]: missing member “to”" },
    { "[{\"op\": \"insert\", \"path\": [0], \"node\": {\"kind\": \"list\", \"children\": [{\"kind\": 1}]}}]",
      ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "patches[0].node.children[0].kind: expected a string" },
    { "[{\"op\": \"set-prop\", \"path\": [], \"name\": \"x\"}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0]: missing member “value”" },
    { "[{\"op\": \"set-prop\", \"path\": [], \"name\": \"x y\", \"value\": 1}]", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0].name: “x y” is not a valid prop name" },
    { "[{\"op\": \"remove\", \"path\": [1]}, {\"op\": \"set-prop\", \"path\": [], \"name\": \"x\","
      " \"value\": {\"vec3\": [1, 2, 3]}}]", ATOMR_VIEW_SCENE_ERROR_UNKNOWN_FORM,
      "patches[1].value: unknown value form “vec3”; expected “color”, “vec2” or “variant”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) patches = atomr_view_patch_list_from_json (cases[i].input, -1, &error);

      g_assert_null (patches);
      assert_error_matches (error, cases[i].code, cases[i].message);
    }
}

static void
test_patch_variant_bad_input (void)
{
  static const struct
  {
    const char *text;
    gint        code;
    const char *message;
  } cases[] = {
    { "(uint32 1, [('jump', @au [], uint32 0, @ms nothing, @mv nothing, @a(smsa{sv}u) [])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0].op: unknown operation “jump”" },
    { "(uint32 1, [('remove', @au [], uint32 0, @ms nothing, @mv nothing, @a(smsa{sv}u) [])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
      "patches[0].path: the root cannot be inserted, removed or moved; the path must not be empty" },
    { "(uint32 1, [('remove', [uint32 0], uint32 4, @ms nothing, @mv nothing, @a(smsa{sv}u) [])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0].to: only a move has a target index" },
    { "(uint32 1, [('set-prop', @au [], uint32 0, @ms nothing, @mv <1>, @a(smsa{sv}u) [])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0].name: missing the prop name" },
    { "(uint32 1, [('unset-prop', @au [], uint32 0, just 'x', @mv <1>, @a(smsa{sv}u) [])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0].value: only set-prop has a value" },
    { "(uint32 1, [('remove', [uint32 0], uint32 0, @ms nothing, @mv nothing, [('a', @ms nothing, @a{sv} {}, uint32 0)])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0].node: only insert and replace have a node" },
    { "(uint32 1, [('insert', [uint32 0], uint32 0, @ms nothing, @mv nothing, @a(smsa{sv}u) [])])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "patches[0].node: the tree has no nodes" },
    { "(uint32 7, @a(sauumsmva(smsa{sv}u)) [])",
      ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "format version 7 is not supported; this library reads version 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_parsed (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) patches = atomr_view_patch_list_from_variant (variant, &error);

      g_assert_null (patches);
      assert_error_matches (error, cases[i].code, cases[i].message);
    }
}

/* Bytes off the wire that are not what they claim: an error or a valid
 * scene, never a crash (the fuzzers go much further). */
static void
test_variant_garbage_bytes (void)
{
  g_autoptr(AtomrViewScene) scene = scene_with_every_form ();
  g_autoptr(GVariant) variant = atomr_view_scene_to_variant (scene);
  gsize size = g_variant_get_size (variant);
  const guint8 *original = g_variant_get_data (variant);

  for (guint round = 0; round < 500; round++)
    {
      g_autofree guint8 *data = g_memdup2 (original, size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GVariant) damaged = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AtomrViewScene) decoded = NULL;

      for (guint flips = g_test_rand_int_range (1, 8); flips > 0; flips--)
        data[g_test_rand_int_range (0, (gint32) size)] = (guint8) g_test_rand_int_range (0, 256);
      bytes = g_bytes_new (data, size);
      damaged = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_SCENE_VARIANT_TYPE_STRING),
                                                              bytes, FALSE));
      decoded = atomr_view_scene_new_from_variant (damaged, &error);
      if (decoded == NULL)
        g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, error->code);
      else
        {
          /* Whatever was decoded encodes and decodes to itself. */
          g_autoptr(GVariant) again = atomr_view_scene_to_variant (decoded);
          g_autoptr(AtomrViewScene) twice = atomr_view_scene_new_from_variant (again, &error);

          g_assert_no_error (error);
          g_assert_true (atomr_view_scene_equal (decoded, twice));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/AtomrView/Scene/json-round-trip", test_json_round_trip);
  g_test_add_func ("/AtomrView/Scene/variant-round-trip", test_variant_round_trip);
  g_test_add_func ("/AtomrView/Scene/json-exact-text", test_json_exact_text);
  g_test_add_func ("/AtomrView/Scene/json-hand-written-forms", test_json_hand_written_forms);
  g_test_add_func ("/AtomrView/Scene/json-bad-scenes", test_json_bad_scenes);
  g_test_add_func ("/AtomrView/Scene/json-limits", test_json_limits);
  g_test_add_func ("/AtomrView/Scene/variant-bad-scenes", test_variant_bad_scenes);
  g_test_add_func ("/AtomrView/Scene/variant-limits", test_variant_limits);
  g_test_add_func ("/AtomrView/Scene/variant-garbage-bytes", test_variant_garbage_bytes);
  g_test_add_func ("/AtomrView/Scene/patch-codecs-round-trip", test_patch_codecs_round_trip);
  g_test_add_func ("/AtomrView/Scene/patch-json-text", test_patch_json_text);
  g_test_add_func ("/AtomrView/Scene/patch-json-bad-input", test_patch_json_bad_input);
  g_test_add_func ("/AtomrView/Scene/patch-variant-bad-input", test_patch_variant_bad_input);

  return g_test_run ();
}
