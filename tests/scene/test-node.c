/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>

#include "atomr-view-node-private.h"
#include "test-utils.h"

static AtomrViewNode *
build_or_fail (AtomrViewNodeBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  AtomrViewNode *node = atomr_view_node_builder_build (builder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static AtomrViewNode *
keyed_leaf (const char *kind,
            const char *key)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (kind);

  atomr_view_node_builder_set_key (builder, key);
  return build_or_fail (builder);
}

static void
test_builder_props_sorted_and_typed (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("custom-widget");
  g_autoptr(AtomrViewNode) node = NULL;
  static const char * const expected_names[] = {
    "alpha", "flag", "num", "pos", "tint", "title", "width",
  };
  static const char * const expected_types[] = {
    "as", "b", "d", "(dd)", "(dddd)", "s", "i",
  };
  const char *classes[] = { "a", "b", NULL };

  /* Set in no particular order, with one overwrite and one unset. */
  atomr_view_node_builder_set_int (builder, "width", 3);
  atomr_view_node_builder_set_string (builder, "title", "first");
  atomr_view_node_builder_set_double (builder, "num", 0.25);
  atomr_view_node_builder_set_boolean (builder, "flag", TRUE);
  atomr_view_node_builder_set_color (builder, "tint", 1, 0.5, 0, 1);
  atomr_view_node_builder_set_vec2 (builder, "pos", 3, 4);
  atomr_view_node_builder_set_prop (builder, "alpha", g_variant_new_strv (classes, -1));
  atomr_view_node_builder_set_string (builder, "gone", "soon");
  atomr_view_node_builder_set_string (builder, "title", "second");
  atomr_view_node_builder_unset_prop (builder, "gone");
  atomr_view_node_builder_unset_prop (builder, "never-set");
  node = build_or_fail (builder);

  g_assert_cmpstr (atomr_view_node_get_kind (node), ==, "custom-widget");
  g_assert_null (atomr_view_node_get_key (node));
  g_assert_cmpuint (atomr_view_node_get_n_props (node), ==, G_N_ELEMENTS (expected_names));
  for (guint i = 0; i < G_N_ELEMENTS (expected_names); i++)
    {
      g_assert_cmpstr (atomr_view_node_get_prop_name (node, i), ==, expected_names[i]);
      g_assert_cmpstr (g_variant_get_type_string (atomr_view_node_get_prop_value (node, i)), ==,
                       expected_types[i]);
      g_assert_true (atomr_view_node_get_prop (node, expected_names[i]) ==
                     atomr_view_node_get_prop_value (node, i));
    }
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (node, "title"), NULL), ==, "second");
  g_assert_cmpint (g_variant_get_int32 (atomr_view_node_get_prop (node, "width")), ==, 3);
  g_assert_null (atomr_view_node_get_prop (node, "gone"));
  g_assert_null (atomr_view_node_get_prop (node, "zzz"));
  /* Kind and prop names are interned: equal names are the same pointer. */
  g_assert_true (atomr_view_node_get_kind (node) == g_intern_string ("custom-widget"));
  g_assert_true (atomr_view_node_get_prop_name (node, 0) == g_intern_string ("alpha"));
}

static void
test_builder_children_and_paths (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) inner = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
  g_autoptr(AtomrViewNode) a = keyed_leaf ("text", "a");
  g_autoptr(AtomrViewNode) b = keyed_leaf ("text", "b");
  g_autoptr(AtomrViewNode) list = NULL;
  g_autoptr(AtomrViewNode) root = NULL;
  const guint deep_path[] = { 1, 1 };
  const guint bad_path[] = { 1, 2 };

  atomr_view_node_builder_add_child (inner, a);
  atomr_view_node_builder_add_child (inner, b);
  list = build_or_fail (inner);
  atomr_view_node_builder_add_child (builder, a);
  atomr_view_node_builder_add_child (builder, list);
  root = build_or_fail (builder);

  g_assert_cmpuint (atomr_view_node_get_n_children (root), ==, 2);
  /* Children are shared, not copied. */
  g_assert_true (atomr_view_node_get_child (root, 0) == a);
  g_assert_true (atomr_view_node_get_child (root, 1) == list);
  {
    guint n = 0;
    AtomrViewNode * const *children = atomr_view_node_get_children (root, &n);

    g_assert_cmpuint (n, ==, 2);
    g_assert_true (children[0] == a && children[1] == list);
    g_assert_null (atomr_view_node_get_children (a, &n));
    g_assert_cmpuint (n, ==, 0);
  }
  g_assert_true (atomr_view_node_get_descendant (root, NULL, 0) == root);
  g_assert_true (atomr_view_node_get_descendant (root, deep_path, 2) == b);
  g_assert_null (atomr_view_node_get_descendant (root, bad_path, 2));
}

static void
test_builder_reuse_and_from_node (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNodeBuilder) copy = NULL;
  g_autoptr(AtomrViewNode) child = keyed_leaf ("text", "x");
  g_autoptr(AtomrViewNode) first = NULL;
  g_autoptr(AtomrViewNode) second = NULL;
  g_autoptr(AtomrViewNode) third = NULL;

  atomr_view_node_builder_set_key (builder, "save");
  atomr_view_node_builder_set_string (builder, ATOMR_VIEW_PROP_LABEL, "Save");
  atomr_view_node_builder_add_child (builder, child);
  first = build_or_fail (builder);
  atomr_view_node_builder_set_string (builder, ATOMR_VIEW_PROP_LABEL, "Save as");
  atomr_view_node_builder_clear_children (builder);
  second = build_or_fail (builder);

  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (first, "label"), NULL), ==, "Save");
  g_assert_cmpuint (atomr_view_node_get_n_children (first), ==, 1);
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (second, "label"), NULL), ==, "Save as");
  g_assert_cmpuint (atomr_view_node_get_n_children (second), ==, 0);

  copy = atomr_view_node_builder_new_from_node (first);
  third = build_or_fail (copy);
  g_assert_true (third != first);
  g_assert_true (atomr_view_node_equal (third, first));
  g_assert_true (atomr_view_node_get_child (third, 0) == child);
  atomr_view_node_builder_set_key (copy, NULL);
  g_clear_pointer (&third, atomr_view_node_unref);
  third = build_or_fail (copy);
  g_assert_null (atomr_view_node_get_key (third));
  g_assert_false (atomr_view_node_equal (third, first));
}

/* end() hands the builder's contents to the node and leaves it ready for
 * the next; a failed end() hands nothing over. */
static void
test_builder_end_hands_over (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
  g_autoptr(AtomrViewNode) a = keyed_leaf ("text", "a");
  g_autoptr(AtomrViewNode) again = keyed_leaf ("text", "a");
  g_autoptr(AtomrViewNode) b = keyed_leaf ("text", "b");
  g_autoptr(AtomrViewNode) first = NULL;
  g_autoptr(AtomrViewNode) second = NULL;
  g_autoptr(AtomrViewNode) failed = NULL;
  g_autoptr(GError) error = NULL;

  atomr_view_node_builder_set_key (builder, "rows");
  atomr_view_node_builder_set_int (builder, ATOMR_VIEW_PROP_SPACING, 4);
  atomr_view_node_builder_add_child (builder, a);
  atomr_view_node_builder_add_child (builder, again);
  failed = atomr_view_node_builder_end (builder, &error);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY);
  g_assert_null (failed);
  g_clear_error (&error);

  /* Nothing was handed over: the builder alone holds the second child now,
   * and ending again finds both children still there (under ASan, a child
   * dropped by the failure would be a use after free here). */
  g_clear_pointer (&again, atomr_view_node_unref);
  failed = atomr_view_node_builder_end (builder, &error);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY);
  g_assert_null (failed);
  g_clear_error (&error);

  /* The key and the prop are kept too: they are not set again below. */
  atomr_view_node_builder_clear_children (builder);
  atomr_view_node_builder_add_child (builder, a);
  atomr_view_node_builder_add_child (builder, b);
  first = atomr_view_node_builder_end (builder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atomr_view_node_get_key (first), ==, "rows");
  g_assert_cmpint (g_variant_get_int32 (atomr_view_node_get_prop (first, ATOMR_VIEW_PROP_SPACING)), ==, 4);
  g_assert_cmpuint (atomr_view_node_get_n_children (first), ==, 2);
  g_assert_true (atomr_view_node_get_child (first, 0) == a);
  g_assert_true (atomr_view_node_get_child (first, 1) == b);

  /* The builder keeps its kind and nothing else. */
  second = atomr_view_node_builder_end (builder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atomr_view_node_get_kind (second), ==, ATOMR_VIEW_KIND_LIST);
  g_assert_null (atomr_view_node_get_key (second));
  g_assert_null (atomr_view_node_get_prop (second, ATOMR_VIEW_PROP_SPACING));
  g_assert_cmpuint (atomr_view_node_get_n_children (second), ==, 0);

  /* The first node holds its own references: dropping the others leaves it whole. */
  g_clear_pointer (&builder, atomr_view_node_builder_unref);
  g_clear_pointer (&a, atomr_view_node_unref);
  g_clear_pointer (&b, atomr_view_node_unref);
  g_assert_cmpstr (atomr_view_node_get_key (atomr_view_node_get_child (first, 1)), ==, "b");
}

static void
test_node_new_from_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewNode) a = keyed_leaf ("text", "a");
  g_autoptr(AtomrViewNode) b = keyed_leaf ("text", "b");
  AtomrViewNode *children[] = { a, b };
  g_autoptr(AtomrViewNode) node = NULL;
  g_autoptr(GVariant) props = NULL;
  GVariantBuilder dictionary;

  g_variant_builder_init (&dictionary, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&dictionary, "{sv}", "spacing", g_variant_new_int32 (6));
  g_variant_builder_add (&dictionary, "{sv}", "orientation", g_variant_new_string ("vertical"));
  g_variant_builder_add (&dictionary, "{sv}", "spacing", g_variant_new_int32 (12));
  /* A floating dictionary is consumed. */
  node = atomr_view_node_new (ATOMR_VIEW_KIND_CONTAINER, "main", g_variant_builder_end (&dictionary),
                              children, G_N_ELEMENTS (children), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atomr_view_node_get_key (node), ==, "main");
  g_assert_cmpuint (atomr_view_node_get_n_props (node), ==, 2);
  /* A name given twice keeps its last value. */
  g_assert_cmpint (g_variant_get_int32 (atomr_view_node_get_prop (node, "spacing")), ==, 12);
  g_assert_true (atomr_view_node_get_child (node, 1) == b);

  props = atomr_view_node_dup_props (node);
  g_assert_cmpstr (g_variant_get_type_string (props), ==, "a{sv}");
  g_assert_false (g_variant_is_floating (props));
  g_assert_cmpuint (g_variant_n_children (props), ==, 2);

  g_clear_pointer (&node, atomr_view_node_unref);
  node = atomr_view_node_new ("spinner", NULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atomr_view_node_get_n_props (node), ==, 0);
  g_assert_cmpuint (atomr_view_node_get_n_children (node), ==, 0);
}

static void
assert_build_fails (AtomrViewNodeBuilder *builder,
                    gint                  code,
                    const char           *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewNode) node = atomr_view_node_builder_build (builder, &error);

  g_assert_null (node);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_duplicate_keys (void)
{
  /* Few children are compared pairwise, many through a hash: check both. */
  for (guint n = 3; n <= 40; n += 37)
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
      g_autofree char *message = NULL;

      for (guint i = 0; i < n - 1; i++)
        {
          g_autofree char *key = g_strdup_printf ("k%u", i);
          g_autoptr(AtomrViewNode) child = keyed_leaf ("text", key);
          g_autoptr(AtomrViewNode) unkeyed = keyed_leaf ("text", NULL);

          atomr_view_node_builder_add_child (builder, child);
          /* Unkeyed siblings never clash. */
          if (i == 0)
            atomr_view_node_builder_add_child (builder, unkeyed);
        }
      {
        g_autoptr(AtomrViewNode) again = keyed_leaf ("button", "k1");

        atomr_view_node_builder_add_child (builder, again);
      }
      message = g_strdup_printf ("children[%u].key: duplicate key “k1”: an earlier sibling has it too", n);
      assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY, message);
    }
}

/* A list made from an old one, edited in a few places: the children not
 * touched are the same nodes, and a replacement that brings a key an
 * earlier or a later sibling has is still refused. */
static void
test_builder_edits_children_of_node (void)
{
  /* Few children are compared pairwise, many through a hash: check both. */
  for (guint n = 3; n <= 40; n += 37)
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
      g_autoptr(AtomrViewNodeBuilder) edit = NULL;
      g_autoptr(AtomrViewNode) old = NULL;
      g_autoptr(AtomrViewNode) edited = NULL;
      g_autoptr(AtomrViewNode) removed = NULL;
      g_autoptr(AtomrViewNode) same_key = keyed_leaf ("button", "k1");
      g_autoptr(AtomrViewNode) unkeyed = keyed_leaf ("text", NULL);
      g_autoptr(AtomrViewNode) clash = keyed_leaf ("text", "k2");
      g_autoptr(AtomrViewNode) clash_earlier = keyed_leaf ("text", "k1");

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("k%u", i);
          g_autoptr(AtomrViewNode) child = keyed_leaf ("text", key);

          atomr_view_node_builder_add_child (builder, child);
        }
      old = build_or_fail (builder);

      edit = atomr_view_node_builder_new_from_node (old);
      g_assert_cmpuint (atomr_view_node_builder_get_n_children (edit), ==, n);
      atomr_view_node_builder_set_child (edit, 1, same_key);
      atomr_view_node_builder_set_child (edit, 0, unkeyed);
      edited = build_or_fail (edit);
      g_assert_cmpuint (atomr_view_node_get_n_children (edited), ==, n);
      g_assert_true (atomr_view_node_get_child (edited, 0) == unkeyed);
      g_assert_true (atomr_view_node_get_child (edited, 1) == same_key);
      for (guint i = 2; i < n; i++)
        g_assert_true (atomr_view_node_get_child (edited, i) == atomr_view_node_get_child (old, i));
      /* The old node is as it was. */
      g_assert_cmpstr (atomr_view_node_get_kind (atomr_view_node_get_child (old, 1)), ==, "text");

      /* "k1" is at index 1: putting it at index 2 too makes two. */
      atomr_view_node_builder_set_child (edit, 2, clash_earlier);
      assert_build_fails (edit, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
                          "children[2].key: duplicate key “k1”: an earlier sibling has it too");
      atomr_view_node_builder_set_child (edit, 2, atomr_view_node_get_child (old, 2));

      /* "k2" is at index 2 again: putting it at index 1 makes two. */
      atomr_view_node_builder_set_child (edit, 1, clash);
      assert_build_fails (edit, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
                          "children[2].key: duplicate key “k2”: an earlier sibling has it too");

      /* Removing the old "k2" settles it; the children after it move up. */
      atomr_view_node_builder_remove_child (edit, 2);
      g_assert_cmpuint (atomr_view_node_builder_get_n_children (edit), ==, n - 1);
      removed = build_or_fail (edit);
      g_assert_true (atomr_view_node_get_child (removed, 1) == clash);
      if (n > 3)
        g_assert_true (atomr_view_node_get_child (removed, 2) == atomr_view_node_get_child (old, 3));
    }
}

static void
test_builder_set_child_preconditions (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
      g_autoptr(AtomrViewNode) child = keyed_leaf ("text", "a");

      atomr_view_node_builder_add_child (builder, child);
      atomr_view_node_builder_set_child (builder, 1, child);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*atomr_view_node_builder_set_child*index < self->n_children*");
}

static void
test_invalid_names_and_values (void)
{
  static const struct
  {
    const char *kind;
    const char *key;
    const char *prop;
    gint        code;
    const char *message;
  } cases[] = {
    { "", NULL, NULL, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "kind: “” is not a valid kind name" },
    { "1abc", NULL, NULL, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "kind: “1abc” is not a valid kind name" },
    { "two words", NULL, NULL, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "kind: “two words” is not a valid kind name" },
    { "text", "", NULL, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "key: a key must not be empty" },
    { "text", NULL, "-x", ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "props: “-x” is not a valid prop name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (cases[i].kind);

      atomr_view_node_builder_set_key (builder, cases[i].key);
      if (cases[i].prop != NULL)
        atomr_view_node_builder_set_boolean (builder, cases[i].prop, TRUE);
      assert_build_fails (builder, cases[i].code, cases[i].message);
    }

  {
    g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");

    atomr_view_node_builder_set_double (builder, "x", NAN);
    assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                        "props.x: the value holds NaN, which is not a number");
  }
  {
    /* A NaN deep inside an array of tuples. */
    g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");

    atomr_view_node_builder_set_prop (builder, "points", g_variant_new_parsed ("[(1.0, 2.0), (3.0, nan)]"));
    assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                        "props.points: the value holds NaN, which is not a number");
  }
  {
    /* Found by fuzz-scene-variant: GVariant's text parser cannot read one back. */
    g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");
    const double numbers[] = { 1.0, 5.2863160692715656e-310 };

    atomr_view_node_builder_set_prop (builder, "x",
                                      g_variant_new_variant (g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE,
                                                                                        numbers, 2,
                                                                                        sizeof (double))));
    assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                        "props.x: the value holds a subnormal number, too close to zero to be written as text");
  }
  /* Infinity is a number: allowed. */
  {
    g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");
    g_autoptr(AtomrViewNode) node = NULL;

    atomr_view_node_builder_set_double (builder, "x", INFINITY);
    node = build_or_fail (builder);
  }
}

static GVariant *
nested_variant (guint levels)
{
  GVariant *value = g_variant_new_int32 (1);

  for (guint i = 1; i < levels; i++)
    value = g_variant_new_variant (value);
  return value;
}

static void
test_value_depth_limit (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");
  g_autoptr(AtomrViewNode) node = NULL;

  atomr_view_node_builder_set_prop (builder, "deep", nested_variant (ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH));
  node = build_or_fail (builder);
  atomr_view_node_builder_set_prop (builder, "deep", nested_variant (ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH + 1));
  assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                      "props.deep: the value nests deeper than 32 levels");
}

/* An empty array, @arrays levels of them, around a tuple of an array and a
 * number: its depth is in its type alone, @arrays + 3. */
static GVariant *
empty_nested_tuple (guint arrays)
{
  g_autoptr(GString) type = g_string_new (NULL);
  g_autoptr(GVariantType) element_type = NULL;

  for (guint i = 1; i < arrays; i++)
    g_string_append_c (type, 'a');
  g_string_append (type, "(asi)");
  element_type = g_variant_type_new (type->str);
  return g_variant_new_array (element_type, NULL, 0);
}

static void
test_value_depth_of_tuples (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");
  g_autoptr(AtomrViewNode) node = NULL;
  /* Tuples of containers without a variant or a double inside: the depth is
   * read from the type string, to its end and no further. */
  atomr_view_node_builder_set_prop (builder, "pair", g_variant_new ("(ms)", "c"));
  atomr_view_node_builder_set_prop (builder, "deep", empty_nested_tuple (ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH - 3));
  node = build_or_fail (builder);
  g_assert_cmpstr (g_variant_get_type_string (atomr_view_node_get_prop (node, "pair")), ==, "(ms)");
  atomr_view_node_builder_set_prop (builder, "deep", empty_nested_tuple (ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH - 2));
  assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP,
                      "props.deep: the value nests deeper than 32 levels");
}

static void
test_vocabulary_types (void)
{
  static const struct
  {
    const char *kind;
    const char *prop;
    const char *value;
    const char *message;
  } cases[] = {
    { "button", "label", "5", "props.label: expected a string" },
    { "container", "spacing", "6.0", "props.spacing: expected a 32-bit integer" },
    { "slider", "value", "5", "props.value: expected a number" },
    { "text", "color", "(1.0, 0.0, 0.0)", "props.color: expected a colour (red, green, blue, alpha)" },
    { "image", "min-size", "[1.0, 2.0]", "props.min-size: expected a vector (x, y)" },
    { "check", "active", "'yes'", "props.active: expected a boolean" },
    { "region", "css-classes", "'big'", "props.css-classes: expected a list of strings" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (cases[i].kind);
      g_autoptr(AtomrViewNodeBuilder) other_kind = atomr_view_node_builder_new ("GtkFrobnicator");
      g_autoptr(AtomrViewNode) node = NULL;
      g_autoptr(GError) error = NULL;
      GVariant *value = g_variant_new_parsed (cases[i].value);

      g_variant_ref_sink (value);
      atomr_view_node_builder_set_prop (builder, cases[i].prop, value);
      assert_build_fails (builder, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, cases[i].message);

      /* The same through atomr_view_node_new(). */
      {
        GVariantBuilder dictionary;

        g_variant_builder_init (&dictionary, G_VARIANT_TYPE ("a{sv}"));
        g_variant_builder_add (&dictionary, "{sv}", cases[i].prop, value);
        node = atomr_view_node_new (cases[i].kind, NULL, g_variant_builder_end (&dictionary),
                                    NULL, 0, &error);
        g_assert_null (node);
        g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE);
        g_assert_cmpstr (error->message, ==, cases[i].message);
      }

      /* A kind outside the vocabulary passes any value through. */
      atomr_view_node_builder_set_prop (other_kind, cases[i].prop, value);
      node = build_or_fail (other_kind);
      g_variant_unref (value);
    }
}

static AtomrViewNode *
chain (guint levels)
{
  AtomrViewNode *node = keyed_leaf ("text", NULL);

  for (guint i = 1; i < levels; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("container");

      atomr_view_node_builder_add_child (builder, node);
      atomr_view_node_unref (node);
      node = build_or_fail (builder);
    }
  return node;
}

static void
test_tree_limits (void)
{
  g_autoptr(AtomrViewNode) deepest = chain (ATOMR_VIEW_SCENE_MAX_DEPTH);
  g_autoptr(AtomrViewNodeBuilder) deeper = atomr_view_node_builder_new ("container");
  g_autoptr(AtomrViewNodeBuilder) leaves = atomr_view_node_builder_new ("list");
  g_autoptr(AtomrViewNodeBuilder) wide = atomr_view_node_builder_new ("container");
  g_autoptr(AtomrViewNode) leaf = keyed_leaf ("text", NULL);
  g_autoptr(AtomrViewNode) block = NULL;
  g_autoptr(AtomrViewNode) largest = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;

  scene = atomr_view_scene_new (deepest);
  g_assert_cmpuint (atomr_view_scene_get_depth (scene), ==, ATOMR_VIEW_SCENE_MAX_DEPTH);
  atomr_view_node_builder_add_child (deeper, deepest);
  assert_build_fails (deeper, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, "the tree is deeper than 128 levels");

  /* Sharing makes a large tree cheap: 1 + 399 * (1 + 499) + 499 = 200000 nodes. */
  for (guint i = 0; i < 499; i++)
    atomr_view_node_builder_add_child (leaves, leaf);
  block = build_or_fail (leaves);
  for (guint i = 0; i < 399; i++)
    atomr_view_node_builder_add_child (wide, block);
  for (guint i = 0; i < 499; i++)
    atomr_view_node_builder_add_child (wide, leaf);
  largest = build_or_fail (wide);
  g_clear_pointer (&scene, atomr_view_scene_unref);
  scene = atomr_view_scene_new (largest);
  g_assert_cmpuint (atomr_view_scene_get_n_nodes (scene), ==, ATOMR_VIEW_SCENE_MAX_NODES);
  atomr_view_node_builder_add_child (wide, leaf);
  assert_build_fails (wide, ATOMR_VIEW_SCENE_ERROR_TOO_LARGE, "the tree has more than 200000 nodes");
}

static void
test_equality (void)
{
  g_autoptr(GVariant) props = g_variant_ref_sink (g_variant_new_parsed ("{'label': <'OK'>, 'n': <1>}"));
  g_autoptr(GVariant) props_int64 = g_variant_ref_sink (g_variant_new_parsed ("{'label': <'OK'>, 'n': <int64 1>}"));
  g_autoptr(GVariant) props_other = g_variant_ref_sink (g_variant_new_parsed ("{'label': <'Cancel'>, 'n': <1>}"));
  g_autoptr(AtomrViewNode) x = keyed_leaf ("text", "x");
  g_autoptr(AtomrViewNode) y = keyed_leaf ("text", "y");
  AtomrViewNode *xy[] = { x, y };
  AtomrViewNode *yx[] = { y, x };
  g_autoptr(AtomrViewNode) a = atomr_view_node_new ("button", "k", props, xy, 2, NULL);
  g_autoptr(AtomrViewNode) same = atomr_view_node_new ("button", "k", props, xy, 2, NULL);
  g_autoptr(AtomrViewNode) other_kind = atomr_view_node_new ("check", "k", props, xy, 2, NULL);
  g_autoptr(AtomrViewNode) other_key = atomr_view_node_new ("button", "j", props, xy, 2, NULL);
  g_autoptr(AtomrViewNode) no_key = atomr_view_node_new ("button", NULL, props, xy, 2, NULL);
  g_autoptr(AtomrViewNode) other_type = atomr_view_node_new ("button", "k", props_int64, xy, 2, NULL);
  g_autoptr(AtomrViewNode) other_value = atomr_view_node_new ("button", "k", props_other, xy, 2, NULL);
  g_autoptr(AtomrViewNode) other_order = atomr_view_node_new ("button", "k", props, yx, 2, NULL);
  g_autoptr(AtomrViewNode) fewer = atomr_view_node_new ("button", "k", props, xy, 1, NULL);

  g_assert_true (atomr_view_node_equal (a, a));
  g_assert_true (a != same);
  g_assert_true (atomr_view_node_equal (a, same));
  g_assert_false (atomr_view_node_equal (a, other_kind));
  g_assert_false (atomr_view_node_equal (a, other_key));
  g_assert_false (atomr_view_node_equal (a, no_key));
  g_assert_false (atomr_view_node_equal (no_key, a));
  g_assert_false (atomr_view_node_equal (a, other_type));
  g_assert_false (atomr_view_node_equal (a, other_value));
  g_assert_false (atomr_view_node_equal (a, other_order));
  g_assert_false (atomr_view_node_equal (a, fewer));
}

typedef struct
{
  AtomrViewNode *tree;       /* a reference owned by the thread */
  AtomrViewNode *expected;   /* borrowed, alive until all threads are joined */
  guint          rounds;
} ShareData;

static gpointer
share_thread (gpointer user_data)
{
  ShareData *data = user_data;
  gboolean all_equal = TRUE;

  for (guint round = 0; round < data->rounds; round++)
    {
      AtomrViewNode *mine = atomr_view_node_ref (data->tree);

      for (guint i = 0; i < atomr_view_node_get_n_children (mine); i++)
        {
          AtomrViewNode *child = atomr_view_node_ref (atomr_view_node_get_child (mine, i));

          all_equal &= g_variant_get_int32 (atomr_view_node_get_prop (child, "n")) == (gint32) i;
          atomr_view_node_unref (child);
        }
      all_equal &= atomr_view_node_equal (mine, data->expected);
      atomr_view_node_unref (mine);
    }
  atomr_view_node_unref (data->tree);
  return GINT_TO_POINTER (all_equal);
}

static AtomrViewNode *
numbered_list (guint n)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("list");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new ("row");
      g_autoptr(AtomrViewNode) child = NULL;
      g_autofree char *key = g_strdup_printf ("r%u", i);

      atomr_view_node_builder_set_key (row, key);
      atomr_view_node_builder_set_int (row, "n", (gint32) i);
      child = build_or_fail (row);
      atomr_view_node_builder_add_child (builder, child);
    }
  return build_or_fail (builder);
}

static void
test_share_between_threads (void)
{
  AtomrViewNode *tree = numbered_list (200);
  g_autoptr(AtomrViewNode) expected = numbered_list (200);
  ShareData data[4];
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i].tree = atomr_view_node_ref (tree);
      data[i].expected = expected;
      data[i].rounds = 200;
      threads[i] = g_thread_new ("share", share_thread, &data[i]);
    }
  /* The creator lets go first; the threads hold the last references. */
  atomr_view_node_unref (tree);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

static AtomrViewNode *
numbered_row (const char *key,
              gint32      n)
{
  g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new ("row");

  atomr_view_node_builder_set_key (row, key);
  atomr_view_node_builder_set_int (row, "n", n);
  return build_or_fail (row);
}

static gint32
number_at (AtomrViewNode *list,
           guint          index)
{
  return g_variant_get_int32 (atomr_view_node_get_prop (atomr_view_node_get_child (list, index), "n"));
}

/* A long list holds its children in runs: a builder made from it copies
 * only the runs it changes, and never changes a run a node holds. */
static void
test_long_list_shares_runs (void)
{
  g_autoptr(AtomrViewNode) old = numbered_list (300);
  g_autoptr(AtomrViewNodeBuilder) edit = atomr_view_node_builder_new_from_node (old);
  g_autoptr(AtomrViewNode) row_70 = numbered_row ("r70", -70);
  g_autoptr(AtomrViewNode) row_299 = numbered_row ("r299", -299);
  g_autoptr(AtomrViewNode) row_5 = numbered_row ("r5", -5);
  g_autoptr(AtomrViewNode) clash = numbered_row ("r3", 3);
  g_autoptr(AtomrViewNode) first = NULL;
  g_autoptr(AtomrViewNode) second = NULL;
  g_autoptr(AtomrViewNode) shorter = NULL;

  g_assert_nonnull (old->runs);
  atomr_view_node_builder_set_child (edit, 70, row_70);
  atomr_view_node_builder_set_child (edit, 299, row_299);
  first = build_or_fail (edit);
  g_assert_cmpuint (atomr_view_node_get_n_children (first), ==, 300);
  for (guint i = 0; i < 300; i++)
    g_assert_cmpint (number_at (first, i), ==, i == 70 || i == 299 ? -(gint32) i : (gint32) i);
  for (guint i = 0; i < 300; i++)
    g_assert_cmpint (number_at (old, i), ==, (gint32) i);
  /* Runs 0, 2 and 3 are the old node's; 1 and 4 were copied. */
  g_assert_true (first->runs[0] == old->runs[0]);
  g_assert_true (first->runs[1] != old->runs[1]);
  g_assert_true (first->runs[2] == old->runs[2]);
  g_assert_true (first->runs[3] == old->runs[3]);
  g_assert_true (first->runs[4] != old->runs[4]);

  /* The builder still shares its runs with the node it built. */
  atomr_view_node_builder_set_child (edit, 5, row_5);
  second = build_or_fail (edit);
  g_assert_cmpint (number_at (first, 5), ==, 5);
  g_assert_cmpint (number_at (second, 5), ==, -5);
  g_assert_cmpint (number_at (second, 70), ==, -70);
  g_assert_true (second->runs[1] == first->runs[1]);
  g_assert_true (atomr_view_node_equal (atomr_view_node_get_child (second, 299), row_299));

  /* Keys are still compared where a child changed. */
  atomr_view_node_builder_set_child (edit, 200, clash);
  assert_build_fails (edit, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
                      "children[200].key: duplicate key “r3”: an earlier sibling has it too");
  atomr_view_node_builder_set_child (edit, 200, atomr_view_node_get_child (old, 200));

  /* Children that change places leave the runs behind. */
  atomr_view_node_builder_remove_child (edit, 0);
  atomr_view_node_builder_add_child (edit, row_5);
  atomr_view_node_builder_remove_child (edit, 4);
  shorter = build_or_fail (edit);
  g_assert_cmpuint (atomr_view_node_get_n_children (shorter), ==, 299);
  g_assert_cmpint (number_at (shorter, 0), ==, 1);
  g_assert_cmpint (number_at (shorter, 4), ==, 6);
  g_assert_cmpint (number_at (shorter, 68), ==, -70);
  g_assert_cmpint (number_at (shorter, 298), ==, -5);
  g_assert_cmpint (number_at (second, 0), ==, 0);
}

/* A long list that grows at its end keeps the full runs it had; the last,
 * not full, is made again with the children that follow it. */
static void
test_long_list_appends_after_runs (void)
{
  g_autoptr(AtomrViewNode) old = numbered_list (300);
  g_autoptr(AtomrViewNodeBuilder) edit = atomr_view_node_builder_new_from_node (old);
  g_autoptr(AtomrViewNode) clash = numbered_row ("r10", 10);
  g_autoptr(AtomrViewNode) row_5 = numbered_row ("r5", -5);
  g_autoptr(AtomrViewNode) row_350 = numbered_row ("r350", -350);
  g_autoptr(AtomrViewNode) first = NULL;
  g_autoptr(AtomrViewNode) second = NULL;
  g_autoptr(AtomrViewNode) ended = NULL;
  g_autoptr(AtomrViewNode) again = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 300; i < 400; i++)
    {
      g_autofree char *key = g_strdup_printf ("r%u", i);
      g_autoptr(AtomrViewNode) row = numbered_row (key, (gint32) i);

      atomr_view_node_builder_add_child (edit, row);
    }
  first = build_or_fail (edit);
  g_assert_cmpuint (atomr_view_node_get_n_children (first), ==, 400);
  for (guint i = 0; i < 400; i++)
    g_assert_cmpint (number_at (first, i), ==, (gint32) i);
  g_assert_cmpuint (atomr_view_node_get_n_children (old), ==, 300);
  /* Runs 0 to 3 (rows 0 to 255) are the old node's; run 4 had 44 rows and
   * now has 64. */
  for (guint r = 0; r < 4; r++)
    g_assert_true (first->runs[r] == old->runs[r]);
  g_assert_true (first->runs[4] != old->runs[4]);
  g_assert_cmpuint (old->runs[4]->n, ==, 44);
  g_assert_cmpuint (first->runs[4]->n, ==, 64);
  g_assert_cmpuint (first->runs[6]->n, ==, 16);
  scene = atomr_view_scene_new (first);
  g_assert_cmpuint (atomr_view_scene_get_n_nodes (scene), ==, 401);
  /* end() hands the new runs over: the same list. */
  {
    g_autoptr(AtomrViewNodeBuilder) grow = atomr_view_node_builder_new_from_node (old);
    g_autoptr(AtomrViewNode) grown = NULL;

    for (guint i = 300; i < 400; i++)
      atomr_view_node_builder_add_child (grow, atomr_view_node_get_child (first, i));
    grown = atomr_view_node_builder_end (grow, &error);
    g_assert_no_error (error);
    g_assert_true (atomr_view_node_equal (grown, first));
    g_assert_true (grown->runs[0] == old->runs[0]);
    g_assert_cmpuint (atomr_view_node_builder_get_n_children (grow), ==, 0);
  }

  /* The builder keeps what it had: a child in a run and one after the runs
   * change, and the next node shares the rest with the first. */
  atomr_view_node_builder_set_child (edit, 5, row_5);
  atomr_view_node_builder_set_child (edit, 350, row_350);
  second = build_or_fail (edit);
  g_assert_cmpint (number_at (second, 5), ==, -5);
  g_assert_cmpint (number_at (second, 350), ==, -350);
  g_assert_cmpint (number_at (first, 5), ==, 5);
  g_assert_cmpint (number_at (first, 350), ==, 350);
  g_assert_true (second->runs[1] == first->runs[1]);

  /* An appended key that an earlier row has is refused, at its place, and
   * a failed end() leaves the builder as it was. */
  atomr_view_node_builder_add_child (edit, clash);
  ended = atomr_view_node_builder_end (edit, &error);
  g_assert_null (ended);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY);
  g_assert_cmpstr (error->message, ==, "children[400].key: duplicate key “r10”: an earlier sibling has it too");
  g_assert_cmpuint (atomr_view_node_builder_get_n_children (edit), ==, 401);
  atomr_view_node_builder_set_child (edit, 400, row_5);
  assert_build_fails (edit, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
                      "children[400].key: duplicate key “r5”: an earlier sibling has it too");
  atomr_view_node_builder_remove_child (edit, 400);
  g_clear_error (&error);
  ended = atomr_view_node_builder_end (edit, &error);
  g_assert_no_error (error);
  g_assert_true (atomr_view_node_equal (ended, second));
  g_assert_cmpuint (atomr_view_node_builder_get_n_children (edit), ==, 0);

  /* Ended, the builder starts afresh. */
  atomr_view_node_builder_add_child (edit, row_5);
  again = build_or_fail (edit);
  g_assert_cmpuint (atomr_view_node_get_n_children (again), ==, 1);
}

/* The height and size of a list come from its runs, also after a child in
 * one of them changed for a shorter or a taller one. */
static void
test_long_list_limits_through_runs (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("list");
  g_autoptr(AtomrViewNode) leaf = keyed_leaf ("text", NULL);
  g_autoptr(AtomrViewNode) tall = chain (ATOMR_VIEW_SCENE_MAX_DEPTH - 1);
  g_autoptr(AtomrViewNode) tallest = chain (ATOMR_VIEW_SCENE_MAX_DEPTH);
  g_autoptr(AtomrViewNode) deep = NULL;
  g_autoptr(AtomrViewNode) shallow = NULL;
  g_autoptr(AtomrViewNodeBuilder) edit = NULL;
  g_autoptr(AtomrViewNodeBuilder) wrap = NULL;
  g_autoptr(AtomrViewNode) wrapped = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;

  for (guint i = 0; i < 200; i++)
    atomr_view_node_builder_add_child (builder, i == 150 ? tall : leaf);
  deep = build_or_fail (builder);
  scene = atomr_view_scene_new (deep);
  g_assert_cmpuint (atomr_view_scene_get_depth (scene), ==, ATOMR_VIEW_SCENE_MAX_DEPTH);
  g_assert_cmpuint (atomr_view_scene_get_n_nodes (scene), ==, 1 + 199 + ATOMR_VIEW_SCENE_MAX_DEPTH - 1);

  /* The tall child goes: the list is two levels high, and fits in a container. */
  edit = atomr_view_node_builder_new_from_node (deep);
  atomr_view_node_builder_set_child (edit, 150, leaf);
  shallow = build_or_fail (edit);
  g_clear_pointer (&scene, atomr_view_scene_unref);
  scene = atomr_view_scene_new (shallow);
  g_assert_cmpuint (atomr_view_scene_get_depth (scene), ==, 2);
  g_assert_cmpuint (atomr_view_scene_get_n_nodes (scene), ==, 201);
  wrap = atomr_view_node_builder_new ("container");
  atomr_view_node_builder_add_child (wrap, shallow);
  wrapped = build_or_fail (wrap);

  /* Too tall a child in another run is refused. */
  atomr_view_node_builder_set_child (edit, 10, tallest);
  assert_build_fails (edit, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, "the tree is deeper than 128 levels");
}

/* Two changes in one run, the first taking its tallest child away: the
 * second must not settle the run's height on its own shorter child. */
static void
test_long_list_height_after_two_changes (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("list");
  g_autoptr(AtomrViewNode) leaf = keyed_leaf ("text", NULL);
  g_autoptr(AtomrViewNode) three = chain (3);
  g_autoptr(AtomrViewNode) two = chain (2);
  g_autoptr(AtomrViewNode) list = NULL;
  g_autoptr(AtomrViewNode) edited = NULL;
  g_autoptr(AtomrViewNodeBuilder) edit = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;

  for (guint i = 0; i < 200; i++)
    atomr_view_node_builder_add_child (builder, i == 0 ? three : i == 1 ? two : leaf);
  list = build_or_fail (builder);
  edit = atomr_view_node_builder_new_from_node (list);
  atomr_view_node_builder_set_child (edit, 0, leaf);
  atomr_view_node_builder_set_child (edit, 5, leaf);
  edited = build_or_fail (edit);
  scene = atomr_view_scene_new (edited);
  /* The list, then the chain of two that is left. */
  g_assert_cmpuint (atomr_view_scene_get_depth (scene), ==, 3);
}

/* Two builders made from one list, the list let go: each copies a run the
 * other holds too, or changes it in place once the other has let go of
 * it; ThreadSanitizer watches the hand-over. */
typedef struct
{
  AtomrViewNodeBuilder *edit;
  guint                 offset;
  AtomrViewNode        *built;
} HalfData;

static gpointer
edit_every_run_thread (gpointer user_data)
{
  HalfData *data = user_data;
  guint n = atomr_view_node_builder_get_n_children (data->edit);

  for (guint i = data->offset; i < n; i += ATOMR_VIEW_CHILD_RUN)
    {
      g_autofree char *key = g_strdup_printf ("r%u", i);
      g_autoptr(AtomrViewNode) row = numbered_row (key, -(gint32) i);

      atomr_view_node_builder_set_child (data->edit, i, row);
    }
  data->built = atomr_view_node_builder_end (data->edit, NULL);
  return NULL;
}

static void
test_long_list_runs_handed_between_threads (void)
{
  for (guint round = 0; round < 20; round++)
    {
      AtomrViewNode *list = numbered_list (300);
      HalfData data[2] = {
        { atomr_view_node_builder_new_from_node (list), 0, NULL },
        { atomr_view_node_builder_new_from_node (list), 1, NULL },
      };
      GThread *threads[2];

      atomr_view_node_unref (list);
      for (guint t = 0; t < 2; t++)
        threads[t] = g_thread_new ("half", edit_every_run_thread, &data[t]);
      for (guint t = 0; t < 2; t++)
        {
          g_thread_join (threads[t]);
          g_assert_nonnull (data[t].built);
          for (guint i = 0; i < 300; i++)
            {
              gboolean mine = i % ATOMR_VIEW_CHILD_RUN == data[t].offset;

              g_assert_cmpint (number_at (data[t].built, i), ==, mine ? -(gint32) i : (gint32) i);
            }
          atomr_view_node_unref (data[t].built);
          atomr_view_node_builder_unref (data[t].edit);
        }
    }
}

typedef struct
{
  AtomrViewNode *list;
  guint          thread;
  gboolean       passed;
} EditData;

/* Each thread edits its own row of every run of the same list, over and over. */
static gpointer
edit_runs_thread (gpointer user_data)
{
  EditData *data = user_data;
  AtomrViewNode *list = atomr_view_node_ref (data->list);
  guint n = atomr_view_node_get_n_children (list);

  data->passed = TRUE;
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(AtomrViewNodeBuilder) edit = atomr_view_node_builder_new_from_node (list);
      g_autoptr(AtomrViewNode) edited = NULL;

      for (guint i = data->thread; i < n; i += ATOMR_VIEW_CHILD_RUN)
        {
          g_autofree char *key = g_strdup_printf ("r%u", i);
          g_autoptr(AtomrViewNode) row = numbered_row (key, (gint32) (1000 * round + i));

          atomr_view_node_builder_set_child (edit, i, row);
        }
      edited = atomr_view_node_builder_end (edit, NULL);
      for (guint i = 0; i < n; i++)
        {
          gboolean mine = i % ATOMR_VIEW_CHILD_RUN == data->thread;

          data->passed &= number_at (edited, i) == (mine ? (gint32) (1000 * round + i) : (gint32) i);
        }
      for (guint i = 0; i < n; i++)
        data->passed &= number_at (data->list, i) == (gint32) i;
    }
  atomr_view_node_unref (list);
  return NULL;
}

static void
test_long_list_edited_between_threads (void)
{
  AtomrViewNode *list = numbered_list (300);
  EditData data[4];
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i] = (EditData) { list, i, FALSE };
      threads[i] = g_thread_new ("edit", edit_runs_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (data[i].passed);
    }
  atomr_view_node_unref (list);
}

/* Builds a text node with the same scalar values a row of a table would set. */
static AtomrViewNode *
row_like_node (const char *label)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");

  atomr_view_node_builder_set_string (builder, "text", label);
  atomr_view_node_builder_set_string (builder, "halign", "start");
  atomr_view_node_builder_set_int (builder, "spacing", 12);
  atomr_view_node_builder_set_double (builder, "xalign", 0.0);
  atomr_view_node_builder_set_boolean (builder, "hexpand", TRUE);
  return build_or_fail (builder);
}

static gpointer
build_rows_thread (gpointer data)
{
  /* This thread's values outlive it in the nodes it hands back. */
  return row_like_node (data);
}

static void
test_builder_shares_equal_values (void)
{
  const char *shared[] = { "spacing", "xalign", "hexpand" };
  g_autofree char *long_label = g_strnfill (200, 'x');
  g_autoptr(AtomrViewNode) first = row_like_node ("first row");
  g_autoptr(AtomrViewNode) second = row_like_node ("second row");
  g_autoptr(AtomrViewNode) long_first = row_like_node (long_label);
  g_autoptr(AtomrViewNode) long_second = row_like_node (long_label);
  g_autoptr(AtomrViewNode) from_thread = NULL;

  /* Equal values set one after the other on one thread are one GVariant. */
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    g_assert_true (atomr_view_node_get_prop (first, shared[i]) == atomr_view_node_get_prop (second, shared[i]));
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (second, "text"), NULL), ==, "second row");
  g_assert_cmpint (g_variant_get_int32 (atomr_view_node_get_prop (second, "spacing")), ==, 12);
  /* Strings are kept as text, each node its own copy. */
  g_assert_true (atomr_view_node_equal (long_first, long_second));
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (long_second, "text"), NULL), ==, long_label);

  /* A thread that ends leaves its values to the nodes that hold them. */
  from_thread = g_thread_join (g_thread_new ("rows", build_rows_thread, (gpointer) "from a thread"));
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (from_thread, "text"), NULL), ==, "from a thread");
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (from_thread, "halign"), NULL), ==, "start");
  g_assert_cmpfloat (g_variant_get_double (atomr_view_node_get_prop (from_thread, "xalign")), ==, 0.0);

  /* A NaN, made once and then found again, is refused each time. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) nan_builder = atomr_view_node_builder_new ("text");

      atomr_view_node_builder_set_double (nan_builder, "x", NAN);
      assert_build_fails (nan_builder, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                          "props.x: the value holds NaN, which is not a number");
    }
}

/* A string set with set_string() is kept as text: read as such, made into
 * a GVariant once when asked (the same one on every call and from every
 * thread), and equal to the same string set as a GVariant. */
typedef struct
{
  AtomrViewNode *node;
  GVariant      *seen;
} AskForValue;

static gpointer
ask_for_value_thread (gpointer data)
{
  AskForValue *ask = data;

  ask->seen = atomr_view_node_get_prop (ask->node, ATOMR_VIEW_PROP_TEXT);
  return NULL;
}

/* A text node with a spacing, its text set as text or as a GVariant. */
static AtomrViewNode *
spaced_text (const char *text,
             gboolean    as_variant)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);

  if (as_variant)
    atomr_view_node_builder_set_prop (builder, ATOMR_VIEW_PROP_TEXT, g_variant_new_string (text));
  else
    atomr_view_node_builder_set_string (builder, ATOMR_VIEW_PROP_TEXT, text);
  atomr_view_node_builder_set_int (builder, ATOMR_VIEW_PROP_SPACING, 3);
  return build_or_fail (builder);
}

static void
test_builder_keeps_text (void)
{
  g_autoptr(AtomrViewNode) node = spaced_text ("héllo", FALSE);
  g_autoptr(AtomrViewNode) variant_node = spaced_text ("héllo", TRUE);
  g_autoptr(AtomrViewNode) other_node = spaced_text ("hello", FALSE);
  g_autoptr(AtomrViewNodeBuilder) copy = NULL;
  g_autoptr(AtomrViewNode) copied = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(AtomrViewScene) variant_scene = NULL;
  g_autoptr(AtomrViewScene) other_scene = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  AskForValue asks[4];
  GThread *threads[G_N_ELEMENTS (asks)];
  GVariant *value;

  /* index 1: "spacing" < "text" */
  g_assert_cmpstr (atomr_view_node_get_prop_name (node, 1), ==, "text");
  g_assert_cmpstr (atomr_view_node_get_prop_string (node, 1), ==, "héllo");
  g_assert_cmpstr (atomr_view_node_get_prop_string (variant_node, 1), ==, "héllo");
  g_assert_null (atomr_view_node_get_prop_string (node, 0));

  /* Equal to the same string held as a GVariant, either way round; the diff agrees. */
  g_assert_true (atomr_view_node_equal (node, variant_node));
  g_assert_true (atomr_view_node_equal (variant_node, node));
  g_assert_false (atomr_view_node_equal (node, other_node));
  scene = atomr_view_scene_new (node);
  variant_scene = atomr_view_scene_new (variant_node);
  other_scene = atomr_view_scene_new (other_node);
  patches = atomr_view_scene_diff (scene, variant_scene);
  g_assert_cmpuint (patches->len, ==, 0);
  g_clear_pointer (&patches, g_ptr_array_unref);
  patches = atomr_view_scene_diff (variant_scene, scene);
  g_assert_cmpuint (patches->len, ==, 0);
  g_clear_pointer (&patches, g_ptr_array_unref);
  patches = atomr_view_scene_diff (scene, other_scene);
  g_assert_cmpuint (patches->len, ==, 1);
  g_assert_cmpstr (g_variant_get_string (atomr_view_patch_get_value (g_ptr_array_index (patches, 0)), NULL),
                   ==, "hello");

  /* Written out and read back, equal, as text or as GVariant. */
  {
    g_autofree char *json = atomr_view_scene_to_json (scene, FALSE);
    g_autoptr(GVariant) variant = atomr_view_scene_to_variant (scene);
    g_autoptr(AtomrViewScene) from_json = atomr_view_scene_new_from_json (json, -1, NULL);
    g_autoptr(AtomrViewScene) from_variant = atomr_view_scene_new_from_variant (variant, NULL);

    g_assert_nonnull (strstr (json, "\"héllo\""));
    g_assert_true (atomr_view_scene_equal (from_json, scene));
    g_assert_true (atomr_view_scene_equal (from_variant, scene));
  }

  /* Kept as text, no value made by all of the above. */
  g_assert_nonnull (node->props[1].text);
  g_assert_null (node->props[1].value);

  /* Asked for from several threads at once: one value, the same for all. */
  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      asks[i].node = node;
      threads[i] = g_thread_new ("ask", ask_for_value_thread, &asks[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    g_thread_join (threads[i]);
  value = atomr_view_node_get_prop_value (node, 1);
  g_assert_cmpstr (g_variant_get_type_string (value), ==, "s");
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "héllo");
  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    g_assert_true (asks[i].seen == value);

  /* A builder made from the node copies the text, even after the value was made. */
  copy = atomr_view_node_builder_new_from_node (node);
  copied = atomr_view_node_builder_end (copy, NULL);
  g_assert_true (atomr_view_node_equal (copied, node));
  g_assert_cmpstr (atomr_view_node_get_prop_string (copied, 1), ==, "héllo");
}

static void
test_builder_refuses_text_not_utf8 (void)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");
  g_autofree char *filler = g_strnfill (40, 'x');
  g_autofree char *long_text = g_strconcat ("caf\xe9 ", filler, NULL);
  g_autoptr(AtomrViewNode) node = NULL;

  /* Short text (shared when equal) and long text (never shared) alike. */
  atomr_view_node_builder_set_string (builder, "tooltip", "fine");
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_CRITICAL,
                         "atomr_view_node_builder_set_string: the value of the prop “text” is not UTF-8 text; "
                         "the prop is not set");
  atomr_view_node_builder_set_string (builder, "text", "caf\xe9");
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_CRITICAL,
                         "atomr_view_node_builder_set_string: the value of the prop “label” is not UTF-8 text; "
                         "the prop is not set");
  atomr_view_node_builder_set_string (builder, "label", long_text);
  g_test_assert_expected_messages ();
  node = build_or_fail (builder);
  g_assert_null (atomr_view_node_get_prop (node, "text"));
  g_assert_null (atomr_view_node_get_prop (node, "label"));
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (node, "tooltip"), NULL), ==, "fine");
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AtomrViewNode) node = numbered_list (2);

      atomr_view_node_get_child (node, 2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*atomr_view_node_get_child*index < self->n_children*");
}

static void
test_builder_preconditions (void)
{
  if (g_test_subprocess ())
    {
      atomr_view_node_builder_new (NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*atomr_view_node_builder_new*kind != NULL*");
}

/* The vocabulary's types, as bindings read them; unknown kinds and props have none. */
static void
test_kind_prop_types (void)
{
  struct { const char *kind, *name, *type; } cases[] = {
    { ATOMR_VIEW_KIND_CONTAINER, ATOMR_VIEW_PROP_SPACING, "i" },
    { ATOMR_VIEW_KIND_SLIDER, ATOMR_VIEW_PROP_VALUE, "d" },
    { ATOMR_VIEW_KIND_TEXT, ATOMR_VIEW_PROP_COLOR, "(dddd)" },
    { ATOMR_VIEW_KIND_BUTTON, ATOMR_VIEW_PROP_CSS_CLASSES, "as" },
    { ATOMR_VIEW_KIND_TEXT, ATOMR_VIEW_PROP_MIN_SIZE, "(dd)" },
    { ATOMR_VIEW_KIND_CHECK, ATOMR_VIEW_PROP_ACTIVE, "b" },
    { ATOMR_VIEW_KIND_TEXT, ATOMR_VIEW_PROP_LABEL, NULL },
    { "GtkLabel", "label", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GVariantType *type = atomr_view_kind_get_prop_type (cases[i].kind, cases[i].name);

      if (cases[i].type == NULL)
        g_assert_null (type);
      else
        {
          g_assert_nonnull (type);
          g_assert_cmpstr (g_variant_type_peek_string (type), ==, cases[i].type);
          g_assert_cmpuint (g_variant_type_get_string_length (type), ==, strlen (cases[i].type));
        }
    }
}

typedef struct
{
  AtomrViewNode *list;
  guint          mark;
} MarkData;

static gpointer
mark_rows_thread (gpointer user_data)
{
  MarkData *data = user_data;

  for (guint i = 0; i < atomr_view_node_get_n_children (data->list); i++)
    atomr_view_node_add_mark (atomr_view_node_get_child (data->list, i), data->mark);
  return NULL;
}

/* A mark sticks to the node it was added to, and to nothing else: not its
 * children, not an equal node, not a node built from it; threads that mark
 * the same nodes at once lose none of each other's marks. */
static void
test_marks (void)
{
  g_autoptr(AtomrViewNode) list = numbered_list (200);
  g_autoptr(AtomrViewNode) equal = numbered_list (200);
  g_autoptr(AtomrViewNodeBuilder) builder = NULL;
  g_autoptr(AtomrViewNode) rebuilt = NULL;
  MarkData data[4];
  GThread *threads[4];
  guint a = atomr_view_node_allocate_mark ();
  guint b = atomr_view_node_allocate_mark ();

  g_assert_cmpuint (a, >=, 1);
  g_assert_cmpuint (a, <=, 32);
  g_assert_cmpuint (b, >=, 1);
  g_assert_cmpuint (b, <=, 32);
  g_assert_cmpuint (a, !=, b);

  g_assert_false (atomr_view_node_has_mark (list, a));
  atomr_view_node_add_mark (list, a);
  atomr_view_node_add_mark (list, a);
  g_assert_true (atomr_view_node_has_mark (list, a));
  g_assert_false (atomr_view_node_has_mark (list, b));
  g_assert_false (atomr_view_node_has_mark (atomr_view_node_get_child (list, 0), a));
  g_assert_false (atomr_view_node_has_mark (equal, a));
  g_assert_true (atomr_view_node_equal (list, equal));
  builder = atomr_view_node_builder_new_from_node (list);
  rebuilt = build_or_fail (builder);
  g_assert_false (atomr_view_node_has_mark (rebuilt, a));

  /* 0 is the mark handed out when none is left: no node has it. */
  atomr_view_node_add_mark (list, 0);
  g_assert_false (atomr_view_node_has_mark (list, 0));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i].list = list;
      data[i].mark = atomr_view_node_allocate_mark ();
      g_assert_cmpuint (data[i].mark, !=, 0);
      threads[i] = g_thread_new ("mark", mark_rows_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  for (guint r = 0; r < atomr_view_node_get_n_children (list); r++)
    for (guint i = 0; i < G_N_ELEMENTS (data); i++)
      g_assert_true (atomr_view_node_has_mark (atomr_view_node_get_child (list, r), data[i].mark));
}

/* In a process of its own, since it takes every mark there is. */
static void
test_marks_run_out (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AtomrViewNode) list = numbered_list (1);
      guint32 seen = 0;

      for (guint i = 0; i < 32; i++)
        {
          guint mark = atomr_view_node_allocate_mark ();

          g_assert_cmpuint (mark, >=, 1);
          g_assert_cmpuint (mark, <=, 32);
          g_assert_false (seen & (1u << (mark - 1)));
          seen |= 1u << (mark - 1);
          atomr_view_node_add_mark (list, mark);
          g_assert_true (atomr_view_node_has_mark (list, mark));
        }
      g_assert_cmpuint (atomr_view_node_allocate_mark (), ==, 0);
      g_assert_cmpuint (atomr_view_node_allocate_mark (), ==, 0);
      g_assert_false (atomr_view_node_has_mark (list, 0));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/AtomrView/Scene/builder-props-sorted-and-typed", test_builder_props_sorted_and_typed);
  g_test_add_func ("/AtomrView/Scene/builder-children-and-paths", test_builder_children_and_paths);
  g_test_add_func ("/AtomrView/Scene/builder-reuse-and-from-node", test_builder_reuse_and_from_node);
  g_test_add_func ("/AtomrView/Scene/builder-end-hands-over", test_builder_end_hands_over);
  g_test_add_func ("/AtomrView/Scene/node-new-from-dictionary", test_node_new_from_dictionary);
  g_test_add_func ("/AtomrView/Scene/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/AtomrView/Scene/builder-edits-children-of-node", test_builder_edits_children_of_node);
  g_test_add_func ("/AtomrView/Scene/invalid-names-and-values", test_invalid_names_and_values);
  g_test_add_func ("/AtomrView/Scene/value-depth-limit", test_value_depth_limit);
  g_test_add_func ("/AtomrView/Scene/value-depth-of-tuples", test_value_depth_of_tuples);
  g_test_add_func ("/AtomrView/Scene/vocabulary-types", test_vocabulary_types);
  g_test_add_func ("/AtomrView/Scene/tree-limits", test_tree_limits);
  g_test_add_func ("/AtomrView/Scene/equality", test_equality);
  g_test_add_func ("/AtomrView/Scene/kind-prop-types", test_kind_prop_types);
  g_test_add_func ("/AtomrView/Scene/share-between-threads", test_share_between_threads);
  g_test_add_func ("/AtomrView/Scene/long-list-shares-runs", test_long_list_shares_runs);
  g_test_add_func ("/AtomrView/Scene/long-list-appends-after-runs", test_long_list_appends_after_runs);
  g_test_add_func ("/AtomrView/Scene/long-list-limits-through-runs", test_long_list_limits_through_runs);
  g_test_add_func ("/AtomrView/Scene/long-list-edited-between-threads", test_long_list_edited_between_threads);
  g_test_add_func ("/AtomrView/Scene/long-list-height-after-two-changes", test_long_list_height_after_two_changes);
  g_test_add_func ("/AtomrView/Scene/long-list-runs-handed-between-threads",
                   test_long_list_runs_handed_between_threads);
  g_test_add_func ("/AtomrView/Scene/builder-shares-equal-values", test_builder_shares_equal_values);
  g_test_add_func ("/AtomrView/Scene/builder-refuses-text-not-utf8", test_builder_refuses_text_not_utf8);
  g_test_add_func ("/AtomrView/Scene/builder-keeps-text", test_builder_keeps_text);
  g_test_add_func ("/AtomrView/Scene/marks", test_marks);
  g_test_add_func ("/AtomrView/Scene/marks-run-out", test_marks_run_out);
  g_test_add_func ("/AtomrView/Scene/preconditions/get-child", test_preconditions);
  g_test_add_func ("/AtomrView/Scene/preconditions/builder-new", test_builder_preconditions);
  g_test_add_func ("/AtomrView/Scene/preconditions/builder-set-child", test_builder_set_child_preconditions);

  return g_test_run ();
}
