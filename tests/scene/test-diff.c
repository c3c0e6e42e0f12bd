/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The diff and apply.
 *
 * The randomised test prints the seed of each tree pair it checks when one
 * fails; replay that pair alone with
 *   ATOMR_VIEW_SCENE_SEED=<seed> test-scene-diff -p /AtomrView/Scene/random-trees
 * or replay the whole run with --seed=<the "random seed" line of the output>. */
#include "test-utils.h"

static AtomrViewScene *
scene_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  AtomrViewScene *scene = atomr_view_scene_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  return scene;
}

static AtomrViewScene *
apply_or_fail (AtomrViewScene *scene,
               GPtrArray      *patches)
{
  g_autoptr(GError) error = NULL;
  AtomrViewScene *result = atomr_view_scene_apply (scene, patches, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* -- hand-made cases with their exact patch lists ------------------------ */

static void
test_exact_patches (void)
{
  static const struct
  {
    const char *what;
    const char *old_json;
    const char *new_json;
    const char *patches;
  } cases[] = {
    { "props: changed, removed, added, in name order",
      "{\"kind\":\"box\",\"props\":{\"a\":1,\"b\":2,\"c\":3}}",
      "{\"kind\":\"box\",\"props\":{\"a\":1,\"b\":5,\"d\":4}}",
      "[{\"op\":\"set-prop\",\"path\":[],\"name\":\"b\",\"value\":5},"
      "{\"op\":\"unset-prop\",\"path\":[],\"name\":\"c\"},"
      "{\"op\":\"set-prop\",\"path\":[],\"name\":\"d\",\"value\":4}]" },
    { "a prop that changes type only",
      "{\"kind\":\"box\",\"props\":{\"a\":1}}",
      "{\"kind\":\"box\",\"props\":{\"a\":{\"variant\":\"int64 1\"}}}",
      "[{\"op\":\"set-prop\",\"path\":[],\"name\":\"a\",\"value\":{\"variant\":\"int64 1\"}}]" },
    { "the root changes kind",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"a\"}]}",
      "{\"kind\":\"row\",\"children\":[{\"kind\":\"a\"}]}",
      "[{\"op\":\"replace\",\"path\":[],\"node\":{\"kind\":\"row\",\"children\":[{\"kind\":\"a\"}]}}]" },
    { "the root changes key",
      "{\"kind\":\"box\",\"key\":\"a\"}",
      "{\"kind\":\"box\",\"key\":\"b\"}",
      "[{\"op\":\"replace\",\"path\":[],\"node\":{\"kind\":\"box\",\"key\":\"b\"}}]" },
    { "a keyed child changes kind",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"text\",\"key\":\"a\"},{\"kind\":\"text\",\"key\":\"b\"}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"text\",\"key\":\"a\"},{\"kind\":\"button\",\"key\":\"b\"}]}",
      "[{\"op\":\"replace\",\"path\":[1],\"node\":{\"kind\":\"button\",\"key\":\"b\"}}]" },
    { "a child changes key in place",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\"},{\"kind\":\"t\",\"key\":\"c\"}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"x\"},{\"kind\":\"t\",\"key\":\"c\"}]}",
      "[{\"op\":\"replace\",\"path\":[1],\"node\":{\"kind\":\"t\",\"key\":\"x\"}}]" },
    { "a keyed insert at the front touches nothing else",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\"}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"z\"},{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\"}]}",
      "[{\"op\":\"insert\",\"path\":[0],\"node\":{\"kind\":\"t\",\"key\":\"z\"}}]" },
    { "unkeyed children are matched by position",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"text\",\"props\":{\"text\":\"1\"}},"
      "{\"kind\":\"text\",\"props\":{\"text\":\"2\"}},{\"kind\":\"text\",\"props\":{\"text\":\"3\"}}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"text\",\"props\":{\"text\":\"1\"}},"
      "{\"kind\":\"text\",\"props\":{\"text\":\"two\"}}]}",
      "[{\"op\":\"remove\",\"path\":[2]},"
      "{\"op\":\"set-prop\",\"path\":[1],\"name\":\"text\",\"value\":\"two\"}]" },
    { "a move, then a change inside the moved node at its new index",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\",\"props\":{\"p\":1}},"
      "{\"kind\":\"t\",\"key\":\"c\"}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"c\"},{\"kind\":\"t\",\"key\":\"a\"},"
      "{\"kind\":\"t\",\"key\":\"b\",\"props\":{\"p\":2}}]}",
      "[{\"op\":\"move\",\"path\":[2],\"to\":0},"
      "{\"op\":\"set-prop\",\"path\":[2],\"name\":\"p\",\"value\":2}]" },
    { "nodes that go are replaced where new ones come, the rest inserted",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\"},"
      "{\"kind\":\"t\",\"key\":\"c\"},{\"kind\":\"t\",\"key\":\"d\"}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"x\"},"
      "{\"kind\":\"t\",\"key\":\"c\"},{\"kind\":\"t\",\"key\":\"y\"},{\"kind\":\"t\",\"key\":\"z\"}]}",
      "[{\"op\":\"replace\",\"path\":[1],\"node\":{\"kind\":\"t\",\"key\":\"x\"}},"
      "{\"op\":\"replace\",\"path\":[3],\"node\":{\"kind\":\"t\",\"key\":\"y\"}},"
      "{\"op\":\"insert\",\"path\":[4],\"node\":{\"kind\":\"t\",\"key\":\"z\"}}]" },
    { "removals come last, from the end",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\"},"
      "{\"kind\":\"t\",\"key\":\"c\"},{\"kind\":\"t\",\"key\":\"d\"}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"d\"},{\"kind\":\"t\",\"key\":\"b\"}]}",
      "[{\"op\":\"move\",\"path\":[3],\"to\":0},{\"op\":\"remove\",\"path\":[3]},{\"op\":\"remove\",\"path\":[1]}]" },
    { "a change deep down",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"row\",\"key\":\"a\",\"children\":[{\"kind\":\"cell\"}]},"
      "{\"kind\":\"row\",\"key\":\"b\",\"children\":[{\"kind\":\"cell\",\"props\":{\"t\":1}}]}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"row\",\"key\":\"a\",\"children\":[{\"kind\":\"cell\"}]},"
      "{\"kind\":\"row\",\"key\":\"b\",\"children\":[{\"kind\":\"cell\",\"props\":{\"t\":2}}]}]}",
      "[{\"op\":\"set-prop\",\"path\":[1,0],\"name\":\"t\",\"value\":2}]" },
    { "equal trees that share nothing",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\",\"props\":{\"c\":{\"color\":[1,0,0,1]}}}]}",
      "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\",\"props\":{\"c\":{\"color\":[1,0,0,1]}}}]}",
      "[]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtomrViewScene) old_scene = scene_from_json (cases[i].old_json);
      g_autoptr(AtomrViewScene) new_scene = scene_from_json (cases[i].new_json);
      g_autoptr(GPtrArray) patches = atomr_view_scene_diff (old_scene, new_scene);
      g_autofree char *text = atomr_view_patch_list_to_json (patches, FALSE);
      g_autoptr(AtomrViewScene) result = apply_or_fail (old_scene, patches);

      g_test_message ("%s", cases[i].what);
      g_assert_cmpstr (text, ==, cases[i].patches);
      g_assert_true (atomr_view_scene_equal (result, new_scene));
    }
}

static void
test_shared_subtrees_skipped (void)
{
  g_autoptr(AtomrViewScene) scene = scene_from_json (
    "{\"kind\":\"box\",\"children\":[{\"kind\":\"a\",\"key\":\"1\"},{\"kind\":\"b\",\"key\":\"2\"}]}");
  g_autoptr(AtomrViewScene) same = atomr_view_scene_new (atomr_view_scene_get_root (scene));
  g_autoptr(GPtrArray) none = atomr_view_scene_diff (scene, same);
  g_autoptr(GPtrArray) also_none = atomr_view_scene_diff (scene, scene);
  const guint path[] = { 1 };
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autoptr(AtomrViewScene) changed = NULL;
  AtomrViewNode *old_root = atomr_view_scene_get_root (scene);
  AtomrViewNode *new_root;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (also_none->len, ==, 0);

  /* apply shares whatever no patch touched. */
  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (path, 1, "x", g_variant_new_boolean (TRUE)));
  changed = apply_or_fail (scene, patches);
  new_root = atomr_view_scene_get_root (changed);
  g_assert_true (new_root != old_root);
  g_assert_true (atomr_view_node_get_child (new_root, 0) == atomr_view_node_get_child (old_root, 0));
  g_assert_true (atomr_view_node_get_child (new_root, 1) != atomr_view_node_get_child (old_root, 1));
  g_assert_nonnull (atomr_view_node_get_prop (atomr_view_node_get_child (new_root, 1), "x"));
  g_assert_null (atomr_view_node_get_prop (atomr_view_node_get_child (old_root, 1), "x"));

  /* An empty list gives back the same tree. */
  g_ptr_array_set_size (patches, 0);
  g_clear_pointer (&changed, atomr_view_scene_unref);
  changed = apply_or_fail (scene, patches);
  g_assert_true (atomr_view_scene_get_root (changed) == old_root);
}

/* -- apply refuses what does not fit ------------------------------------- */

static void
test_apply_errors (void)
{
  static const struct
  {
    const char *patches;
    gint        code;
    const char *message;
  } cases[] = {
    { "[{\"op\":\"remove\",\"path\":[5]}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[0]: the node at [] has 4 children; there is no child 5" },
    { "[{\"op\":\"set-prop\",\"path\":[0,4],\"name\":\"x\",\"value\":1}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[0]: the node at [0] has 1 child; there is no child 4" },
    { "[{\"op\":\"remove\",\"path\":[1,0,0]}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[0]: the node at [1] has 0 children; there is no child 0" },
    { "[{\"op\":\"insert\",\"path\":[5],\"node\":{\"kind\":\"t\"}}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[0]: the node at [] has 4 children; cannot insert at 5" },
    { "[{\"op\":\"move\",\"path\":[0],\"to\":4}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[0]: the node at [] has 4 children; cannot move to 4" },
    { "[{\"op\":\"unset-prop\",\"path\":[1],\"name\":\"nope\"}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[0]: the node at [1] has no prop “nope”" },
    { "[{\"op\":\"insert\",\"path\":[0],\"node\":{\"kind\":\"t\",\"key\":\"b\"}}]", ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
      "patches[0]: the node at [] already has a child with key “b”" },
    { "[{\"op\":\"replace\",\"path\":[2],\"node\":{\"kind\":\"t\",\"key\":\"a\"}}]", ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY,
      "patches[0]: the node at [] already has a child with key “a”" },
    { "[{\"op\":\"set-prop\",\"path\":[3],\"name\":\"label\",\"value\":5}]", ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
      "patches[0].value: expected a string" },
    /* Each path is read against the tree the patches before it left. */
    { "[{\"op\":\"remove\",\"path\":[0]},{\"op\":\"remove\",\"path\":[3]}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[1]: the node at [] has 3 children; there is no child 3" },
    { "[{\"op\":\"set-prop\",\"path\":[1],\"name\":\"x\",\"value\":1},{\"op\":\"unset-prop\",\"path\":[1],\"name\":\"x\"},"
      "{\"op\":\"unset-prop\",\"path\":[1],\"name\":\"x\"}]", ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH,
      "patches[2]: the node at [1] has no prop “x”" },
  };
  g_autoptr(AtomrViewScene) scene = scene_from_json (
    "{\"kind\":\"box\",\"children\":[{\"kind\":\"row\",\"key\":\"a\",\"children\":[{\"kind\":\"cell\"}]},"
    "{\"kind\":\"t\",\"key\":\"b\"},{\"kind\":\"t\",\"key\":\"c\"},{\"kind\":\"button\",\"key\":\"d\"}]}");
  g_autofree char *before = atomr_view_scene_to_json (scene, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) patches = atomr_view_patch_list_from_json (cases[i].patches, -1, &error);
      g_autoptr(AtomrViewScene) result = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      result = atomr_view_scene_apply (scene, patches, &error);
      g_assert_null (result);
      g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Nothing was half applied. */
      after = atomr_view_scene_to_json (scene, FALSE);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_apply_sequence (void)
{
  g_autoptr(AtomrViewScene) scene = scene_from_json (
    "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"a\"},{\"kind\":\"t\",\"key\":\"b\"},"
    "{\"kind\":\"t\",\"key\":\"c\"}]}");
  g_autoptr(AtomrViewScene) expected = scene_from_json (
    "{\"kind\":\"box\",\"children\":[{\"kind\":\"t\",\"key\":\"c\"},{\"kind\":\"t\",\"key\":\"b\"},"
    "{\"kind\":\"u\",\"key\":\"a\",\"props\":{\"n\":1}},{\"kind\":\"t\",\"key\":\"d\"}]}");
  g_autoptr(GError) error = NULL;
  /* A key may come back once its node is gone; indices follow each step. */
  g_autoptr(GPtrArray) patches = atomr_view_patch_list_from_json (
    "[{\"op\":\"move\",\"path\":[2],\"to\":0},"
    "{\"op\":\"remove\",\"path\":[1]},"
    "{\"op\":\"insert\",\"path\":[2],\"node\":{\"kind\":\"u\",\"key\":\"a\"}},"
    "{\"op\":\"set-prop\",\"path\":[2],\"name\":\"n\",\"value\":1},"
    "{\"op\":\"insert\",\"path\":[3],\"node\":{\"kind\":\"t\",\"key\":\"d\"}}]", -1, &error);
  g_autoptr(AtomrViewScene) result = NULL;

  g_assert_no_error (error);
  result = apply_or_fail (scene, patches);
  g_assert_true (atomr_view_scene_equal (result, expected));
}

static AtomrViewNode *
chain (guint levels)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("box");
  AtomrViewNode *node = atomr_view_node_builder_build (builder, NULL);

  for (guint i = 1; i < levels; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) parent = atomr_view_node_builder_new ("box");

      atomr_view_node_builder_add_child (parent, node);
      atomr_view_node_unref (node);
      node = atomr_view_node_builder_build (parent, NULL);
    }
  return node;
}

static void
test_apply_limits (void)
{
  g_autoptr(AtomrViewNode) deep = chain (ATOMR_VIEW_SCENE_MAX_DEPTH - 1);
  g_autoptr(AtomrViewNode) root = chain (2);
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new (root);
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autoptr(AtomrViewScene) result = NULL;
  g_autoptr(GError) error = NULL;
  const guint at_root[] = { 1 };
  const guint below[] = { 0, 0 };

  /* 1 + 127 levels fits ... */
  g_ptr_array_add (patches, atomr_view_patch_new_insert (at_root, 1, deep));
  result = apply_or_fail (scene, patches);
  g_assert_cmpuint (atomr_view_scene_get_depth (result), ==, ATOMR_VIEW_SCENE_MAX_DEPTH);
  g_clear_pointer (&result, atomr_view_scene_unref);
  /* ... 2 + 127 does not. */
  g_ptr_array_add (patches, atomr_view_patch_new_insert (below, 2, deep));
  result = atomr_view_scene_apply (scene, patches, &error);
  g_assert_null (result);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==, "the tree is deeper than 128 levels");
}

/* -- the js-framework-benchmark operations on 1 000 keyed rows ----------- */

static AtomrViewNode *
make_row (guint       id,
          const char *label,
          gboolean    selected)
{
  g_autoptr(AtomrViewNodeBuilder) cell = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new ("row");
  g_autoptr(AtomrViewNode) cell_node = NULL;
  g_autofree char *key = g_strdup_printf ("r%u", id);

  atomr_view_node_builder_set_string (cell, ATOMR_VIEW_PROP_TEXT, label);
  cell_node = atomr_view_node_builder_build (cell, NULL);
  atomr_view_node_builder_set_key (row, key);
  atomr_view_node_builder_set_int (row, "id", (gint32) id);
  if (selected)
    atomr_view_node_builder_set_boolean (row, "selected", TRUE);
  atomr_view_node_builder_add_child (row, cell_node);
  return atomr_view_node_builder_build (row, NULL);
}

static AtomrViewScene *
make_table (GPtrArray *rows)
{
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) list_node = NULL;
  g_autoptr(AtomrViewNode) root_node = NULL;

  atomr_view_node_builder_set_key (list, "rows");
  for (guint i = 0; i < rows->len; i++)
    atomr_view_node_builder_add_child (list, g_ptr_array_index (rows, i));
  list_node = atomr_view_node_builder_build (list, NULL);
  atomr_view_node_builder_add_child (root, list_node);
  root_node = atomr_view_node_builder_build (root, NULL);
  return atomr_view_scene_new (root_node);
}

static GPtrArray *
make_rows (guint first_id,
           guint n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("row %u", first_id + i);

      g_ptr_array_add (rows, make_row (first_id + i, label, FALSE));
    }
  return rows;
}

static GPtrArray *
copy_rows (GPtrArray *rows)
{
  GPtrArray *copy = g_ptr_array_new_full (rows->len, (GDestroyNotify) atomr_view_node_unref);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, atomr_view_node_ref (g_ptr_array_index (rows, i)));
  return copy;
}

/* Diffs, checks that apply gives @new_scene, and counts each operation. */
static GPtrArray *
diff_and_count (AtomrViewScene *old_scene,
                AtomrViewScene *new_scene,
                guint           counts[6])
{
  GPtrArray *patches = atomr_view_scene_diff (old_scene, new_scene);
  g_autoptr(AtomrViewScene) result = apply_or_fail (old_scene, patches);

  g_assert_true (atomr_view_scene_equal (result, new_scene));
  memset (counts, 0, 6 * sizeof (guint));
  for (guint i = 0; i < patches->len; i++)
    counts[atomr_view_patch_get_op (g_ptr_array_index (patches, i))]++;
  return patches;
}

static void
assert_patch (GPtrArray       *patches,
              guint            index,
              AtomrViewPatchOp op,
              const char      *path_text,
              guint            to_index)
{
  AtomrViewPatch *patch = g_ptr_array_index (patches, index);
  gsize length;
  const guint *path = atomr_view_patch_get_path (patch, &length);
  g_autoptr(GString) text = g_string_new ("[");

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (text, i == 0 ? "%u" : ", %u", path[i]);
  g_string_append_c (text, ']');
  g_assert_cmpint (atomr_view_patch_get_op (patch), ==, op);
  g_assert_cmpstr (text->str, ==, path_text);
  g_assert_cmpuint (atomr_view_patch_get_to_index (patch), ==, to_index);
}

/* A long list edited through a builder made from it shares the runs of rows
 * it left alone with the old one: the diff passes over those, and must find
 * what it finds against the same list made afresh. */
static void
test_long_list_edited_in_place (void)
{
  static const guint edited[] = { 0, 63, 64, 200, 300, 500, 999 };
  g_autoptr(GPtrArray) rows = make_rows (1, 1000);
  g_autoptr(GPtrArray) fresh_rows = copy_rows (rows);
  g_autoptr(AtomrViewScene) table = make_table (rows);
  g_autoptr(AtomrViewScene) fresh = NULL;
  g_autoptr(AtomrViewScene) in_place = NULL;
  AtomrViewNode *table_root = atomr_view_scene_get_root (table);
  AtomrViewNode *table_list = atomr_view_node_get_child (table_root, 0);
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new_from_node (table_list);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new_from_node (table_root);
  g_autoptr(AtomrViewNode) list_node = NULL;
  g_autoptr(AtomrViewNode) root_node = NULL;
  g_autoptr(GPtrArray) fresh_patches = NULL;
  g_autoptr(GPtrArray) patches = NULL;
  guint counts[6];

  for (guint i = 0; i < G_N_ELEMENTS (edited); i++)
    {
      guint at = edited[i];
      /* Row 200 is put back as it was; row 300 gets another key. */
      AtomrViewNode *row = at == 200 ? atomr_view_node_ref (g_ptr_array_index (rows, at))
                         : make_row (at == 300 ? 5000 : at + 1, "edited", TRUE);

      atomr_view_node_builder_set_child (list, at, row);
      atomr_view_node_unref (g_ptr_array_index (fresh_rows, at));
      g_ptr_array_index (fresh_rows, at) = row;
    }
  list_node = atomr_view_node_builder_build (list, NULL);
  atomr_view_node_builder_set_child (root, 0, list_node);
  root_node = atomr_view_node_builder_build (root, NULL);
  in_place = atomr_view_scene_new (root_node);
  fresh = make_table (fresh_rows);

  patches = diff_and_count (table, in_place, counts);
  fresh_patches = diff_and_count (table, fresh, counts);
  /* Two set-props for each row edited (its label, its selection), a replace for the rekeyed one. */
  g_assert_cmpuint (patches->len, ==, 11);
  g_assert_cmpuint (counts[ATOMR_VIEW_PATCH_OP_REPLACE], ==, 1);
  g_assert_cmpuint (patches->len, ==, fresh_patches->len);
  for (guint i = 0; i < patches->len; i++)
    g_assert_true (atomr_view_patch_equal (g_ptr_array_index (patches, i), g_ptr_array_index (fresh_patches, i)));
}

static void
test_benchmark_operations_minimal (void)
{
  g_autoptr(GPtrArray) rows = make_rows (1, 1000);
  g_autoptr(GPtrArray) none = make_rows (1, 0);
  g_autoptr(AtomrViewScene) empty = make_table (none);
  g_autoptr(AtomrViewScene) table = make_table (rows);
  guint counts[6];

  /* Create 1 000 rows: 1 000 inserts, in order. */
  {
    g_autoptr(GPtrArray) patches = diff_and_count (empty, table, counts);

    g_assert_cmpuint (patches->len, ==, 1000);
    g_assert_cmpuint (counts[ATOMR_VIEW_PATCH_OP_INSERT], ==, 1000);
    assert_patch (patches, 0, ATOMR_VIEW_PATCH_OP_INSERT, "[0, 0]", 0);
    assert_patch (patches, 999, ATOMR_VIEW_PATCH_OP_INSERT, "[0, 999]", 0);
  }

  /* Replace all rows: every new row takes an old row's place. */
  {
    g_autoptr(GPtrArray) other_rows = make_rows (1001, 1000);
    g_autoptr(AtomrViewScene) replaced = make_table (other_rows);
    g_autoptr(GPtrArray) patches = diff_and_count (table, replaced, counts);

    g_assert_cmpuint (patches->len, ==, 1000);
    g_assert_cmpuint (counts[ATOMR_VIEW_PATCH_OP_REPLACE], ==, 1000);
  }

  /* Update every 10th row: 100 set-props on the label and nothing else. */
  {
    g_autoptr(GPtrArray) updated_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) updated = NULL;
    g_autoptr(GPtrArray) patches = NULL;

    for (guint i = 0; i < updated_rows->len; i += 10)
      {
        g_autofree char *label = g_strdup_printf ("row %u !!!", i + 1);

        atomr_view_node_unref (g_ptr_array_index (updated_rows, i));
        g_ptr_array_index (updated_rows, i) = make_row (i + 1, label, FALSE);
      }
    updated = make_table (updated_rows);
    patches = diff_and_count (table, updated, counts);
    g_assert_cmpuint (patches->len, ==, 100);
    g_assert_cmpuint (counts[ATOMR_VIEW_PATCH_OP_SET_PROP], ==, 100);
    for (guint i = 0; i < 100; i++)
      {
        g_autofree char *path = g_strdup_printf ("[0, %u, 0]", i * 10);

        assert_patch (patches, i, ATOMR_VIEW_PATCH_OP_SET_PROP, path, 0);
        g_assert_cmpstr (atomr_view_patch_get_name (g_ptr_array_index (patches, i)), ==, "text");
      }
  }

  /* Select a row: one set-prop. */
  {
    g_autoptr(GPtrArray) selected_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) selected = NULL;
    g_autoptr(GPtrArray) patches = NULL;

    atomr_view_node_unref (g_ptr_array_index (selected_rows, 500));
    g_ptr_array_index (selected_rows, 500) = make_row (501, "row 501", TRUE);
    selected = make_table (selected_rows);
    patches = diff_and_count (table, selected, counts);
    g_assert_cmpuint (patches->len, ==, 1);
    assert_patch (patches, 0, ATOMR_VIEW_PATCH_OP_SET_PROP, "[0, 500]", 0);
  }

  /* Swap rows 2 and 999. A move changes the order of one node against the
   * others, and the nodes that do not move keep their order, so they form an
   * increasing subsequence: at least 1000 - 998 = 2 moves. */
  {
    g_autoptr(GPtrArray) swapped_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) swapped = NULL;
    g_autoptr(GPtrArray) patches = NULL;
    gpointer row = g_ptr_array_index (swapped_rows, 1);

    g_ptr_array_index (swapped_rows, 1) = g_ptr_array_index (swapped_rows, 998);
    g_ptr_array_index (swapped_rows, 998) = row;
    swapped = make_table (swapped_rows);
    patches = diff_and_count (table, swapped, counts);
    g_assert_cmpuint (patches->len, ==, 2);
    assert_patch (patches, 0, ATOMR_VIEW_PATCH_OP_MOVE, "[0, 998]", 1);
    assert_patch (patches, 1, ATOMR_VIEW_PATCH_OP_MOVE, "[0, 2]", 998);
  }

  /* Remove one row: one remove. */
  {
    g_autoptr(GPtrArray) fewer_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) fewer = NULL;
    g_autoptr(GPtrArray) patches = NULL;

    g_ptr_array_remove_index (fewer_rows, 3);
    fewer = make_table (fewer_rows);
    patches = diff_and_count (table, fewer, counts);
    g_assert_cmpuint (patches->len, ==, 1);
    assert_patch (patches, 0, ATOMR_VIEW_PATCH_OP_REMOVE, "[0, 3]", 0);
  }

  /* Append 1 000 rows: 1 000 inserts after the old ones. */
  {
    g_autoptr(GPtrArray) more_rows = copy_rows (rows);
    g_autoptr(GPtrArray) extra = make_rows (1001, 1000);
    g_autoptr(AtomrViewScene) more = NULL;
    g_autoptr(GPtrArray) patches = NULL;

    for (guint i = 0; i < extra->len; i++)
      g_ptr_array_add (more_rows, atomr_view_node_ref (g_ptr_array_index (extra, i)));
    more = make_table (more_rows);
    patches = diff_and_count (table, more, counts);
    g_assert_cmpuint (patches->len, ==, 1000);
    g_assert_cmpuint (counts[ATOMR_VIEW_PATCH_OP_INSERT], ==, 1000);
    assert_patch (patches, 0, ATOMR_VIEW_PATCH_OP_INSERT, "[0, 1000]", 0);
    assert_patch (patches, 999, ATOMR_VIEW_PATCH_OP_INSERT, "[0, 1999]", 0);
  }

  /* Clear: removals only, one per row. */
  {
    g_autoptr(GPtrArray) patches = diff_and_count (table, empty, counts);

    g_assert_cmpuint (patches->len, ==, 1000);
    g_assert_cmpuint (counts[ATOMR_VIEW_PATCH_OP_REMOVE], ==, 1000);
  }
}

/* -- randomised trees that share keys ------------------------------------ */

static const char * const random_kinds[] = { "box", "row", "cell", "item" };
static const char * const random_prop_names[] = { "p0", "p1", "p2", "p3", "p4", "p5" };

static GVariant *
random_value (GRand *rand)
{
  const char *strings[] = { "x", "y", NULL };

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      return g_variant_new_int32 (g_rand_int_range (rand, -3, 4));
    case 1:
      return g_variant_new_double (g_rand_int_range (rand, 0, 4) / 2.0);
    case 2:
      return g_variant_new_boolean (g_rand_boolean (rand));
    case 3:
      return g_variant_new_string (g_rand_boolean (rand) ? "a" : "b");
    case 4:
      return g_variant_new ("(dd)", (double) g_rand_int_range (rand, 0, 3), 1.5);
    case 5:
      return g_variant_new_strv (strings, g_rand_int_range (rand, 0, 3));
    default:
      return g_variant_new_int64 (g_rand_int_range (rand, 0, 2));
    }
}

/* A key no sibling in @taken has; NULL for an unkeyed node sometimes. */
static char *
fresh_key (GRand      *rand,
           GHashTable *taken)
{
  if (g_rand_int_range (rand, 0, 4) == 0)
    return NULL;
  for (;;)
    {
      char *key = g_strdup_printf ("k%d", g_rand_int_range (rand, 0, 24));

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, g_strdup (key));
          return key;
        }
      g_free (key);
    }
}

static AtomrViewNode *
random_tree (GRand      *rand,
             const char *key,
             guint       depth)
{
  g_autoptr(AtomrViewNodeBuilder) builder =
    atomr_view_node_builder_new (random_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_kinds))]);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_children = depth >= 4 ? 0 : (guint) g_rand_int_range (rand, 0, 7 - (gint) depth);
  guint n_props = (guint) g_rand_int_range (rand, 0, 4);

  atomr_view_node_builder_set_key (builder, key);
  for (guint i = 0; i < n_props; i++)
    atomr_view_node_builder_set_prop (builder,
                                      random_prop_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_prop_names))],
                                      random_value (rand));
  for (guint i = 0; i < n_children; i++)
    {
      g_autofree char *child_key = fresh_key (rand, taken);
      g_autoptr(AtomrViewNode) child = random_tree (rand, child_key, depth + 1);

      atomr_view_node_builder_add_child (builder, child);
    }
  return atomr_view_node_builder_build (builder, NULL);
}

/* A copy that is equal but shares nothing. */
static AtomrViewNode *
deep_copy (AtomrViewNode *node)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (node);

  atomr_view_node_builder_clear_children (builder);
  for (guint i = 0; i < atomr_view_node_get_n_children (node); i++)
    {
      g_autoptr(AtomrViewNode) child = deep_copy (atomr_view_node_get_child (node, i));

      atomr_view_node_builder_add_child (builder, child);
    }
  return atomr_view_node_builder_build (builder, NULL);
}

static AtomrViewNode *
with_key (AtomrViewNode *node,
          const char    *key)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (node);

  atomr_view_node_builder_set_key (builder, key);
  return atomr_view_node_builder_build (builder, NULL);
}

/* @node changed the ways a program changes its scene: props set, changed
 * and removed, the kind changed, children inserted, removed, moved, rekeyed,
 * wrapped in a new node or lifted out of one; some subtrees kept as they are. */
static AtomrViewNode *
mutate (GRand         *rand,
        AtomrViewNode *node,
        guint          depth)
{
  g_autoptr(AtomrViewNodeBuilder) builder = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0: case 1: case 2: case 3: case 4: case 5:
      return atomr_view_node_ref (node);
    case 6:
      return deep_copy (node);
    case 7:
      return random_tree (rand, atomr_view_node_get_key (node), depth);
    default:
      break;
    }

  builder = atomr_view_node_builder_new_from_node (node);
  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      g_autoptr(AtomrViewNodeBuilder) other =
        atomr_view_node_builder_new (random_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_kinds))]);

      atomr_view_node_builder_unref (builder);
      builder = atomr_view_node_builder_ref (other);
      atomr_view_node_builder_set_key (builder, atomr_view_node_get_key (node));
      for (guint i = 0; i < atomr_view_node_get_n_props (node); i++)
        atomr_view_node_builder_set_prop (builder, atomr_view_node_get_prop_name (node, i),
                                          atomr_view_node_get_prop_value (node, i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (random_prop_names); i++)
    switch (g_rand_int_range (rand, 0, 6))
      {
      case 0:
        atomr_view_node_builder_unset_prop (builder, random_prop_names[i]);
        break;
      case 1:
        atomr_view_node_builder_set_prop (builder, random_prop_names[i], random_value (rand));
        break;
      default:
        break;
      }

  for (guint i = 0; i < atomr_view_node_get_n_children (node); i++)
    {
      AtomrViewNode *child = atomr_view_node_get_child (node, i);

      if (g_rand_int_range (rand, 0, 6) == 0)
        continue;
      g_ptr_array_add (children, mutate (rand, child, depth + 1));
      if (atomr_view_node_get_key (child) != NULL)
        g_hash_table_add (taken, g_strdup (atomr_view_node_get_key (child)));
    }
  /* Lift a grandchild up, rekeyed if its key is taken. */
  if (children->len > 0 && g_rand_int_range (rand, 0, 8) == 0)
    {
      AtomrViewNode *parent = g_ptr_array_index (children, g_rand_int_range (rand, 0, (gint) children->len));

      if (atomr_view_node_get_n_children (parent) > 0)
        {
          AtomrViewNode *grandchild = atomr_view_node_get_child (parent, 0);
          const char *key = atomr_view_node_get_key (grandchild);

          if (key == NULL || !g_hash_table_contains (taken, key))
            {
              if (key != NULL)
                g_hash_table_add (taken, g_strdup (key));
              g_ptr_array_insert (children, g_rand_int_range (rand, 0, (gint) children->len + 1),
                                  atomr_view_node_ref (grandchild));
            }
          else
            {
              g_autofree char *new_key = fresh_key (rand, taken);

              g_ptr_array_insert (children, g_rand_int_range (rand, 0, (gint) children->len + 1),
                                  with_key (grandchild, new_key));
            }
        }
    }
  /* Wrap a child in a new node that takes its key. */
  if (children->len > 0 && depth < 4 && g_rand_int_range (rand, 0, 8) == 0)
    {
      guint at = (guint) g_rand_int_range (rand, 0, (gint) children->len);
      AtomrViewNode *child = g_ptr_array_index (children, at);
      g_autoptr(AtomrViewNodeBuilder) wrapper = atomr_view_node_builder_new ("box");
      g_autoptr(AtomrViewNode) unkeyed = with_key (child, NULL);

      atomr_view_node_builder_set_key (wrapper, atomr_view_node_get_key (child));
      atomr_view_node_builder_add_child (wrapper, unkeyed);
      g_ptr_array_index (children, at) = atomr_view_node_builder_build (wrapper, NULL);
      atomr_view_node_unref (child);
    }
  /* Rekey a child. */
  if (children->len > 0 && g_rand_int_range (rand, 0, 8) == 0)
    {
      guint at = (guint) g_rand_int_range (rand, 0, (gint) children->len);
      g_autofree char *new_key = fresh_key (rand, taken);
      AtomrViewNode *child = g_ptr_array_index (children, at);

      g_ptr_array_index (children, at) = with_key (child, new_key);
      atomr_view_node_unref (child);
    }
  /* Insert new children. */
  if (depth < 4)
    for (n = (guint) g_rand_int_range (rand, 0, 3); n > 0; n--)
      {
        g_autofree char *key = fresh_key (rand, taken);

        g_ptr_array_insert (children, g_rand_int_range (rand, 0, (gint) children->len + 1),
                            random_tree (rand, key, depth + 1));
      }
  /* Move children: a few random moves, or a shuffle. */
  if (children->len > 1)
    {
      guint moves = g_rand_int_range (rand, 0, 3) == 0 ? children->len : (guint) g_rand_int_range (rand, 0, 3);

      for (; moves > 0; moves--)
        {
          gpointer moving = g_ptr_array_steal_index (children, g_rand_int_range (rand, 0, (gint) children->len));

          g_ptr_array_insert (children, g_rand_int_range (rand, 0, (gint) children->len + 1), moving);
        }
    }

  atomr_view_node_builder_clear_children (builder);
  for (guint i = 0; i < children->len; i++)
    atomr_view_node_builder_add_child (builder, g_ptr_array_index (children, i));
  return atomr_view_node_builder_build (builder, NULL);
}

/* A mutable copy of a tree, as a backend's widgets would be: each mirror
 * node remembers the tree node it was made from, so the test can tell which
 * ones survived the patches. */
typedef struct _Mirror Mirror;
struct _Mirror
{
  AtomrViewNode *origin;     /* the node of the first tree, NULL if new */
  const char    *kind;
  const char    *key;
  GPtrArray     *children;   /* Mirror */
};

static void
mirror_free (Mirror *mirror)
{
  g_ptr_array_unref (mirror->children);
  g_free (mirror);
}

static Mirror *
mirror_new (AtomrViewNode *node,
            gboolean       original)
{
  Mirror *mirror = g_new0 (Mirror, 1);

  mirror->origin = original ? node : NULL;
  mirror->kind = atomr_view_node_get_kind (node);
  mirror->key = atomr_view_node_get_key (node);
  mirror->children = g_ptr_array_new_with_free_func ((GDestroyNotify) mirror_free);
  for (guint i = 0; i < atomr_view_node_get_n_children (node); i++)
    g_ptr_array_add (mirror->children, mirror_new (atomr_view_node_get_child (node, i), original));
  return mirror;
}

/* Carries out @patch on the mirror the way a reconciler would. */
static void
mirror_apply (Mirror        **root,
              AtomrViewPatch *patch)
{
  gsize length;
  const guint *path = atomr_view_patch_get_path (patch, &length);
  Mirror *parent = *root;
  guint last = length > 0 ? path[length - 1] : 0;

  for (gsize i = 0; i + 1 < length; i++)
    parent = g_ptr_array_index (parent->children, path[i]);

  switch (atomr_view_patch_get_op (patch))
    {
    case ATOMR_VIEW_PATCH_OP_INSERT:
      g_ptr_array_insert (parent->children, last, mirror_new (atomr_view_patch_get_node (patch), FALSE));
      break;
    case ATOMR_VIEW_PATCH_OP_REMOVE:
      g_ptr_array_remove_index (parent->children, last);
      break;
    case ATOMR_VIEW_PATCH_OP_MOVE:
      {
        gpointer moving = g_ptr_array_steal_index (parent->children, last);

        g_ptr_array_insert (parent->children, atomr_view_patch_get_to_index (patch), moving);
      }
      break;
    case ATOMR_VIEW_PATCH_OP_REPLACE:
      if (length == 0)
        {
          mirror_free (*root);
          *root = mirror_new (atomr_view_patch_get_node (patch), FALSE);
        }
      else
        {
          mirror_free (g_ptr_array_index (parent->children, last));
          g_ptr_array_index (parent->children, last) = mirror_new (atomr_view_patch_get_node (patch), FALSE);
        }
      break;
    case ATOMR_VIEW_PATCH_OP_SET_PROP:
    case ATOMR_VIEW_PATCH_OP_UNSET_PROP:
    default:
      break;
    }
}

/* The mirror has the shape of @expected, and every keyed node that kept its
 * key and kind under a parent that survived is still the same mirror node. */
static gboolean
mirror_check (Mirror        *mirror,
              AtomrViewNode *expected,
              GString       *problem)
{
  if (mirror->kind != atomr_view_node_get_kind (expected) ||
      g_strcmp0 (mirror->key, atomr_view_node_get_key (expected)) != 0 ||
      mirror->children->len != atomr_view_node_get_n_children (expected))
    {
      g_string_append_printf (problem, "shape differs at %s/%s", mirror->kind, mirror->key);
      return FALSE;
    }
  for (guint j = 0; j < mirror->children->len; j++)
    {
      Mirror *child = g_ptr_array_index (mirror->children, j);
      AtomrViewNode *expected_child = atomr_view_node_get_child (expected, j);
      const char *key = atomr_view_node_get_key (expected_child);

      if (mirror->origin != NULL && key != NULL)
        for (guint i = 0; i < atomr_view_node_get_n_children (mirror->origin); i++)
          {
            AtomrViewNode *old_child = atomr_view_node_get_child (mirror->origin, i);

            if (g_strcmp0 (atomr_view_node_get_key (old_child), key) == 0 &&
                atomr_view_node_get_kind (old_child) == atomr_view_node_get_kind (expected_child) &&
                child->origin != old_child)
              {
                g_string_append_printf (problem, "the node with key %s was made anew", key);
                return FALSE;
              }
          }
      if (!mirror_check (child, expected_child, problem))
        return FALSE;
    }
  return TRUE;
}

static char *
tree_text (AtomrViewNode *node)
{
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new (node);

  return atomr_view_scene_to_json (scene, FALSE);
}

/* Checks one pair; on a failure says what and returns FALSE. */
static gboolean
check_pair (guint32        seed,
            AtomrViewNode *a,
            AtomrViewNode *b)
{
  g_autoptr(AtomrViewScene) scene_a = atomr_view_scene_new (a);
  g_autoptr(AtomrViewScene) scene_b = atomr_view_scene_new (b);
  g_autoptr(AtomrViewNode) a_copy = deep_copy (a);
  g_autoptr(AtomrViewScene) scene_a_copy = atomr_view_scene_new (a_copy);
  g_autoptr(GPtrArray) patches = atomr_view_scene_diff (scene_a, scene_b);
  g_autoptr(GPtrArray) again = atomr_view_scene_diff (scene_a, scene_b);
  g_autoptr(GPtrArray) to_self = atomr_view_scene_diff (scene_a, scene_a);
  g_autoptr(GPtrArray) to_copy = atomr_view_scene_diff (scene_a, scene_a_copy);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewScene) result = atomr_view_scene_apply (scene_a, patches, &error);
  g_autofree char *json = atomr_view_patch_list_to_json (patches, FALSE);
  g_autoptr(GPtrArray) from_json = atomr_view_patch_list_from_json (json, -1, NULL);
  g_autoptr(GVariant) variant = atomr_view_patch_list_to_variant (patches);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (variant);
  g_autoptr(GVariant) untrusted = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (ATOMR_VIEW_PATCH_LIST_VARIANT_TYPE_STRING), bytes, FALSE));
  g_autoptr(GPtrArray) from_variant = atomr_view_patch_list_from_variant (untrusted, NULL);
  g_autoptr(GString) problem = g_string_new (NULL);
  Mirror *mirror = mirror_new (a, TRUE);
  const char *failure = NULL;

  if (result == NULL)
    failure = error->message;
  else if (!atomr_view_scene_equal (result, scene_b))
    failure = "apply(diff(a, b), a) differs from b";
  else if (to_self->len != 0 || to_copy->len != 0)
    failure = "diff(a, a) is not empty";
  else if (!atomr_view_patch_list_equal (patches, again))
    failure = "two diffs of the same trees differ";
  else if (from_json == NULL || !atomr_view_patch_list_equal (patches, from_json))
    failure = "the patches do not round-trip through JSON";
  else if (from_variant == NULL || !atomr_view_patch_list_equal (patches, from_variant))
    failure = "the patches do not round-trip through GVariant bytes";
  else
    {
      for (guint i = 0; i < patches->len; i++)
        mirror_apply (&mirror, g_ptr_array_index (patches, i));
      if (!mirror_check (mirror, b, problem))
        failure = problem->str;
    }
  mirror_free (mirror);

  if (failure != NULL)
    {
      g_autofree char *a_text = tree_text (a);
      g_autofree char *b_text = tree_text (b);

      g_test_message ("a = %s", a_text);
      g_test_message ("b = %s", b_text);
      g_test_message ("patches = %s", json);
      g_test_fail_printf ("seed %" G_GUINT32_FORMAT ": %s", seed, failure);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_seed (guint32 seed,
            guint  *n_patches)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(AtomrViewNode) a = random_tree (rand, g_rand_boolean (rand) ? "root" : NULL, 0);
  g_autoptr(AtomrViewNode) b = mutate (rand, a, 0);
  g_autoptr(AtomrViewNode) c = mutate (rand, b, 0);
  g_autoptr(AtomrViewScene) scene_a = atomr_view_scene_new (a);
  g_autoptr(AtomrViewScene) scene_b = atomr_view_scene_new (b);
  g_autoptr(GPtrArray) patches = atomr_view_scene_diff (scene_a, scene_b);

  *n_patches += patches->len;
  return check_pair (seed, a, b) && check_pair (seed, b, a) && check_pair (seed, a, c);
}

static void
test_random_trees (void)
{
  const char *replay = g_getenv ("ATOMR_VIEW_SCENE_SEED");
#ifdef __SANITIZE_ADDRESS__
  /* Each allocation costs some twenty times more under AddressSanitizer. */
  guint rounds = g_test_slow () ? 20000 : 300;
#else
  guint rounds = g_test_slow () ? 20000 : 2000;
#endif
  guint n_patches = 0;

  if (replay != NULL)
    {
      guint64 seed;

      g_assert_true (g_ascii_string_to_unsigned (replay, 10, 0, G_MAXUINT32, &seed, NULL));
      check_seed ((guint32) seed, &n_patches);
      return;
    }
  for (guint round = 0; round < rounds; round++)
    if (!check_seed (g_test_rand_int (), &n_patches))
      return;
  /* The mutations must give the diff work to do, or this proves nothing. */
  g_assert_cmpuint (n_patches, >, rounds);
  g_test_message ("%u tree pairs, %u patches between the first pair of each", rounds, n_patches);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/AtomrView/Scene/exact-patches", test_exact_patches);
  g_test_add_func ("/AtomrView/Scene/shared-subtrees-skipped", test_shared_subtrees_skipped);
  g_test_add_func ("/AtomrView/Scene/apply-errors", test_apply_errors);
  g_test_add_func ("/AtomrView/Scene/apply-sequence", test_apply_sequence);
  g_test_add_func ("/AtomrView/Scene/apply-limits", test_apply_limits);
  g_test_add_func ("/AtomrView/Scene/benchmark-operations-minimal", test_benchmark_operations_minimal);
  g_test_add_func ("/AtomrView/Scene/random-trees", test_random_trees);
  g_test_add_func ("/AtomrView/Scene/long-list-edited-in-place", test_long_list_edited_in_place);

  return g_test_run ();
}
