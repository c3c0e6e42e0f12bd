/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>

#include "atomr-view-node-private.h"
#include "atomr-view-template-private.h"
#include "test-utils.h"

static AtomrViewNode *
end_or_fail (AtomrViewNodeBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  AtomrViewNode *node = atomr_view_node_builder_end (builder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static AtomrViewNode *
delete_button (void)
{
  g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);

  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_ICON_NAME, "edit-delete-symbolic");
  return end_or_fail (button);
}

/* A row as a builder makes it: a box of an id, a label and @button. */
static AtomrViewNode *
built_row (const char    *key,
           const char    *id,
           const char    *label,
           gboolean       selected,
           AtomrViewNode *button)
{
  g_autoptr(AtomrViewNodeBuilder) id_builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) label_builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) id_node = NULL;
  g_autoptr(AtomrViewNode) label_node = NULL;

  atomr_view_node_builder_set_string (id_builder, ATOMR_VIEW_PROP_TEXT, id);
  id_node = end_or_fail (id_builder);
  atomr_view_node_builder_set_string (label_builder, ATOMR_VIEW_PROP_TEXT, label);
  atomr_view_node_builder_set_boolean (label_builder, ATOMR_VIEW_PROP_HEXPAND, TRUE);
  label_node = end_or_fail (label_builder);

  if (key != NULL)
    atomr_view_node_builder_set_key (box, key);
  atomr_view_node_builder_set_int (box, ATOMR_VIEW_PROP_SPACING, 12);
  if (selected)
    {
      const char *classes[] = { "danger", NULL };

      atomr_view_node_builder_set_prop (box, ATOMR_VIEW_PROP_CSS_CLASSES, g_variant_new_strv (classes, -1));
    }
  atomr_view_node_builder_add_child (box, id_node);
  atomr_view_node_builder_add_child (box, label_node);
  atomr_view_node_builder_add_child (box, button);
  return end_or_fail (box);
}

static AtomrViewTemplate *
template_or_fail (AtomrViewNode      *sample,
                  const char * const *slots)
{
  g_autoptr(GError) error = NULL;
  AtomrViewTemplate *template = atomr_view_template_new (sample, slots, &error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static void
test_makes_what_a_builder_builds (void)
{
  static const char * const slots[] = { "0/text", "1/text", "css-classes", NULL };
  static const char * const text_slots[] = { "0/text", "1/text", NULL };
  const char *classes[] = { "danger", NULL };
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row ("sample", "0", "", FALSE, button);
  g_autoptr(AtomrViewTemplate) template = template_or_fail (sample, slots);
  g_autoptr(AtomrViewTemplate) texts = template_or_fail (sample, text_slots);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewNode) plain = NULL;
  g_autoptr(AtomrViewNode) selected = NULL;
  g_autoptr(AtomrViewNode) kept = NULL;
  g_autoptr(AtomrViewNode) from_strings = NULL;
  g_autoptr(AtomrViewNode) expected = NULL;

  g_assert_cmpuint (atomr_view_template_get_n_slots (template), ==, 3);
  g_assert_cmpstr (atomr_view_template_get_slot_type (template, 0), ==, "s");
  /* Not in the sample: the vocabulary's type. */
  g_assert_cmpstr (atomr_view_template_get_slot_type (template, 2), ==, "as");

  {
    GVariant *values[] = { g_variant_new_string ("7"), g_variant_new_string ("seven"), NULL };

    plain = atomr_view_template_make (template, "7", values, G_N_ELEMENTS (values), &error);
    g_assert_no_error (error);
  }
  expected = built_row ("7", "7", "seven", FALSE, button);
  g_assert_true (atomr_view_node_equal (plain, expected));
  /* What has no slot is the sample's own node, in every tree made. */
  g_assert_true (atomr_view_node_get_child (plain, 2) == button);
  g_clear_pointer (&expected, atomr_view_node_unref);

  {
    GVariant *values[] = { g_variant_new_string ("8"), g_variant_new_string ("eight"),
                           g_variant_new_strv (classes, -1) };

    selected = atomr_view_template_make (template, "8", values, G_N_ELEMENTS (values), &error);
    g_assert_no_error (error);
  }
  expected = built_row ("8", "8", "eight", TRUE, button);
  g_assert_true (atomr_view_node_equal (selected, expected));
  g_clear_pointer (&expected, atomr_view_node_unref);

  /* A slot left empty keeps the sample's value; no key, no key. */
  {
    GVariant *values[] = { NULL, g_variant_new_string ("nine"), NULL };

    kept = atomr_view_template_make (template, NULL, values, G_N_ELEMENTS (values), &error);
    g_assert_no_error (error);
  }
  expected = built_row (NULL, "0", "nine", FALSE, button);
  g_assert_true (atomr_view_node_equal (kept, expected));
  g_clear_pointer (&expected, atomr_view_node_unref);

  /* Strings, kept as text, as set_string() keeps them. */
  {
    const char *strings[] = { "10", "ten" };

    from_strings = atomr_view_template_make_strings (texts, "10", strings, G_N_ELEMENTS (strings), &error);
    g_assert_no_error (error);
  }
  expected = built_row ("10", "10", "ten", FALSE, button);
  g_assert_true (atomr_view_node_equal (from_strings, expected));
  g_assert_cmpstr (from_strings->children[1]->props[1].name, ==, "text");
  g_assert_cmpstr (from_strings->children[1]->props[1].text, ==, "ten");
  g_assert_null (from_strings->children[1]->props[1].value);
  /* The tree's size is the sample's: two rows in a list check out. */
  {
    g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
    g_autoptr(AtomrViewNode) list_node = NULL;

    atomr_view_node_builder_add_child (list, plain);
    atomr_view_node_builder_add_child (list, from_strings);
    list_node = end_or_fail (list);
    g_assert_cmpuint (list_node->n_nodes, ==, 1 + 2 * sample->n_nodes);
    g_assert_cmpuint (list_node->height, ==, 1 + sample->height);
  }
}

/* A tree made knows its template, which tells its sample and where its
 * slots are; nothing else knows one: not the nodes inside, not the sample,
 * not a node built from a made one. A made tree keeps its template alive. */
static void
test_made_trees_know_their_template (void)
{
  static const char * const slots[] = { "0/text", "1/text", "css-classes", NULL };
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row ("sample", "0", "", FALSE, button);
  AtomrViewTemplate *template = template_or_fail (sample, slots);
  const char *strings[] = { "1", "one", NULL };
  g_autoptr(AtomrViewNode) made = NULL;
  g_autoptr(AtomrViewNodeBuilder) builder = NULL;
  g_autoptr(AtomrViewNode) rebuilt = NULL;
  g_autoptr(GError) error = NULL;
  const guint *path;
  gsize length;

  g_assert_true (atomr_view_template_get_sample (template) == sample);
  path = atomr_view_template_get_slot_path (template, 1, &length);
  g_assert_cmpuint (length, ==, 1);
  g_assert_cmpuint (path[0], ==, 1);
  g_assert_cmpstr (atomr_view_template_get_slot_name (template, 1), ==, ATOMR_VIEW_PROP_TEXT);
  /* Names are interned: a backend compares them as pointers. */
  g_assert_true (atomr_view_template_get_slot_name (template, 1) == g_intern_static_string ("text"));
  atomr_view_template_get_slot_path (template, 2, &length);
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpstr (atomr_view_template_get_slot_name (template, 2), ==, ATOMR_VIEW_PROP_CSS_CLASSES);

  made = atomr_view_template_make_strings (template, "1", strings, 3, &error);
  g_assert_no_error (error);
  g_assert_true (atomr_view_node_get_template (made) == template);
  g_assert_null (atomr_view_node_get_template (atomr_view_node_get_child (made, 1)));
  g_assert_null (atomr_view_node_get_template (sample));
  builder = atomr_view_node_builder_new_from_node (made);
  rebuilt = end_or_fail (builder);
  g_assert_true (atomr_view_node_equal (rebuilt, made));
  g_assert_null (atomr_view_node_get_template (rebuilt));

  /* The caller's reference goes; the tree's keeps the template. */
  atomr_view_template_unref (template);
  g_assert_true (atomr_view_template_get_sample (atomr_view_node_get_template (made)) == sample);
  g_assert_cmpuint (atomr_view_template_get_n_slots (atomr_view_node_get_template (made)), ==, 3);

  /* A made tree is one allocation, yet each node in it lives until its own
   * last reference goes: here a label outlives the row, and the template
   * goes with the label (ASan tells a node read after it was freed, or one
   * never freed). */
  {
    AtomrViewNode *label = atomr_view_node_ref (atomr_view_node_get_child (made, 1));
    GVariant *text;

    g_clear_pointer (&made, atomr_view_node_unref);
    g_clear_pointer (&rebuilt, atomr_view_node_unref);
    text = atomr_view_node_get_prop (label, ATOMR_VIEW_PROP_TEXT);
    g_assert_cmpstr (g_variant_get_string (text, NULL), ==, "one");
    g_assert_null (atomr_view_node_get_template (label));
    atomr_view_node_unref (label);
  }
}

/* A made tree's nodes share one allocation sized before they are laid out:
 * texts and a key far longer than the sample's, a value for a slot whose
 * sample prop is text, and a hole the sample lacks, deep down, all fit
 * (ASan and the layout's own bound check tell an overrun). */
static void
test_made_tree_sizes (void)
{
  static const char * const slots[] = { "0/text", "1/text", "1/css-classes", NULL };
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
  g_autoptr(AtomrViewTemplate) template = template_or_fail (sample, slots);
  g_autofree char *long_key = g_strnfill (300, 'k');
  g_autofree char *long_text = g_strnfill (1000, 'x');
  const char *classes[] = { "a-long-class-name", "another", NULL };
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 3; round++)
    {
      const char *strings[] = { long_text, round == 0 ? long_text : "", NULL };
      GVariant *values[] = { g_variant_new_string (long_text), NULL, g_variant_new_strv (classes, -1) };
      g_autoptr(AtomrViewNode) from_strings = NULL;
      g_autoptr(AtomrViewNode) from_values = NULL;
      AtomrViewNode *label;

      from_strings = atomr_view_template_make_strings (template, round == 1 ? NULL : long_key, strings, 3, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (atomr_view_node_get_key (from_strings), ==, round == 1 ? NULL : long_key);
      g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (atomr_view_node_get_child (from_strings, 0),
                                                                       "text"), NULL), ==, long_text);
      from_values = atomr_view_template_make (template, long_key, values, 3, &error);
      g_assert_no_error (error);
      label = atomr_view_node_get_child (from_values, 1);
      g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (label, "text"), NULL), ==, "");
      g_assert_nonnull (atomr_view_node_get_prop (label, "css-classes"));
      g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (atomr_view_node_get_child (from_values, 0),
                                                                       "text"), NULL), ==, long_text);
    }
}

/* A tree made with a value for every slot is copied from an image made
 * once; one with a slot left out is laid out node by node. Both must make
 * the same tree: keys inside the tree, texts and values that are not
 * slots, the shared button; and marks a backend set on one tree made are
 * not on the next. */
static void
test_image_and_node_by_node_agree (void)
{
  static const char * const slots[] = { "0/text", "1/text", NULL };
  g_autoptr(AtomrViewNodeBuilder) id = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) label = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) id_node = NULL;
  g_autoptr(AtomrViewNode) label_node = NULL;
  g_autoptr(AtomrViewNode) sample = NULL;
  AtomrViewTemplate *template;
  g_autoptr(AtomrViewNode) copied = NULL;
  g_autoptr(AtomrViewNode) laid_out = NULL;
  g_autoptr(AtomrViewNode) next = NULL;
  guint mark = atomr_view_node_allocate_mark ();

  atomr_view_node_builder_set_key (id, "id");
  atomr_view_node_builder_set_string (id, ATOMR_VIEW_PROP_TEXT, "");
  id_node = end_or_fail (id);
  atomr_view_node_builder_set_key (label, "label");
  atomr_view_node_builder_set_string (label, ATOMR_VIEW_PROP_TEXT, "one");
  atomr_view_node_builder_set_string (label, ATOMR_VIEW_PROP_TOOLTIP, "a text that is no slot");
  atomr_view_node_builder_set_boolean (label, ATOMR_VIEW_PROP_HEXPAND, TRUE);
  label_node = end_or_fail (label);
  atomr_view_node_builder_set_int (box, ATOMR_VIEW_PROP_SPACING, 12);
  atomr_view_node_builder_add_child (box, id_node);
  atomr_view_node_builder_add_child (box, label_node);
  atomr_view_node_builder_add_child (box, button);
  sample = end_or_fail (box);
  template = template_or_fail (sample, slots);

  copied = atomr_view_template_make_strings (template, "r1", (const char *[]) { "1", "one" }, 2, NULL);
  laid_out = atomr_view_template_make_strings (template, "r1", (const char *[]) { "1", NULL }, 2, NULL);
  g_assert_nonnull (copied);
  g_assert_nonnull (laid_out);
  g_assert_true (atomr_view_node_equal (copied, laid_out));
  g_assert_cmpstr (atomr_view_node_get_key (copied), ==, "r1");
  g_assert_cmpstr (atomr_view_node_get_key (atomr_view_node_get_child (copied, 0)), ==, "id");
  g_assert_cmpstr (atomr_view_node_get_key (atomr_view_node_get_child (copied, 1)), ==, "label");
  g_assert_true (atomr_view_node_get_child (copied, 2) == button);
  g_assert_cmpuint (copied->n_nodes, ==, sample->n_nodes);
  g_assert_cmpuint (copied->height, ==, sample->height);
  g_assert_true (atomr_view_node_get_template (copied) == template);

  g_assert_cmpuint (mark, !=, 0);
  atomr_view_node_add_mark (copied, mark);
  atomr_view_node_add_mark (atomr_view_node_get_child (copied, 1), mark);
  next = atomr_view_template_make_strings (template, "r2", (const char *[]) { "2", "two" }, 2, NULL);
  g_assert_false (atomr_view_node_has_mark (next, mark));
  g_assert_false (atomr_view_node_has_mark (atomr_view_node_get_child (next, 1), mark));
  g_assert_true (atomr_view_node_has_mark (copied, mark));

  /* The trees hold the template, its texts and values (ASan tells). */
  atomr_view_template_unref (template);
  g_clear_pointer (&sample, atomr_view_node_unref);
  g_clear_pointer (&label_node, atomr_view_node_unref);
  label_node = atomr_view_node_ref (atomr_view_node_get_child (next, 1));
  g_clear_pointer (&next, atomr_view_node_unref);
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (label_node, ATOMR_VIEW_PROP_TOOLTIP), NULL),
                   ==, "a text that is no slot");
  g_assert_cmpstr (g_variant_get_string (atomr_view_node_get_prop (label_node, ATOMR_VIEW_PROP_TEXT), NULL), ==, "two");
}

static void
test_diff_between_made_trees (void)
{
  static const char * const slots[] = { "0/text", "1/text", NULL };
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
  g_autoptr(AtomrViewTemplate) template = template_or_fail (sample, slots);
  const char *before_strings[] = { "3", "three" };
  const char *after_strings[] = { "3", "three !!!" };
  g_autoptr(AtomrViewNode) before = atomr_view_template_make_strings (template, "3", before_strings, 2, NULL);
  g_autoptr(AtomrViewNode) after = atomr_view_template_make_strings (template, "3", after_strings, 2, NULL);
  g_autoptr(AtomrViewScene) before_scene = atomr_view_scene_new (before);
  g_autoptr(AtomrViewScene) after_scene = atomr_view_scene_new (after);
  g_autoptr(GPtrArray) patches = atomr_view_scene_diff (before_scene, after_scene);
  AtomrViewPatch *patch;
  gsize path_length;
  const guint *path;

  g_assert_cmpuint (patches->len, ==, 1);
  patch = g_ptr_array_index (patches, 0);
  path = atomr_view_patch_get_path (patch, &path_length);
  g_assert_cmpint (atomr_view_patch_get_op (patch), ==, ATOMR_VIEW_PATCH_OP_SET_PROP);
  g_assert_cmpuint (path_length, ==, 1);
  g_assert_cmpuint (path[0], ==, 1);
  g_assert_cmpstr (atomr_view_patch_get_name (patch), ==, "text");
  g_assert_cmpstr (g_variant_get_string (atomr_view_patch_get_value (patch), NULL), ==, "three !!!");
}

static void
assert_template_refused (AtomrViewNode      *sample,
                         const char * const *slots,
                         const char         *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewTemplate) template = atomr_view_template_new (sample, slots, &error);

  g_assert_null (template);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

static void
test_refuses_bad_slots (void)
{
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
  g_autoptr(AtomrViewNodeBuilder) custom = atomr_view_node_builder_new ("my-widget");
  g_autoptr(AtomrViewNode) custom_node = end_or_fail (custom);

  assert_template_refused (sample, (const char *[]) { "x/text", NULL },
                           "slots[0]: “x” is not a child index in “x/text”");
  assert_template_refused (sample, (const char *[]) { "0/text", "-1/text", NULL },
                           "slots[1]: “-1” is not a child index");
  assert_template_refused (sample, (const char *[]) { "5/text", NULL },
                           "slots[0]: “5/text”: the node at path [] of the sample has 3 children, none at 5");
  assert_template_refused (sample, (const char *[]) { "2/0/text", NULL },
                           "the node at path [2] of the sample has 0 children, none at 0");
  assert_template_refused (sample, (const char *[]) { "0/Not a name", NULL },
                           "slots[0]: “0/Not a name”: “Not a name” is not a valid prop name");
  assert_template_refused (sample, (const char *[]) { "0/", NULL },
                           "slots[0]: “0/”: “” is not a valid prop name");
  assert_template_refused (sample, (const char *[]) { "", NULL }, "slots[0]: “” is not a valid prop name");
  assert_template_refused (sample, (const char *[]) { "1/text", "0/text", "1/text", NULL },
                           "slots[2]: “1/text” is the same slot as slots[0]");
  assert_template_refused (custom_node, (const char *[]) { "colour", NULL },
                           "the sample has no prop “colour” there to give the slot its type, "
                           "and the vocabulary does not give the kind “my-widget” one");
}

static void
assert_make_refused (AtomrViewTemplate *template,
                     const char        *key,
                     GVariant * const  *values,
                     guint              n_values,
                     gint               code,
                     const char        *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewNode) node = atomr_view_template_make (template, key, values, n_values, &error);

  g_assert_null (node);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

static void
assert_make_strings_refused (AtomrViewTemplate  *template,
                             const char * const *strings,
                             guint               n_strings,
                             gint                code,
                             const char         *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewNode) node = atomr_view_template_make_strings (template, "k", strings, n_strings, &error);

  g_assert_null (node);
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

static void
test_refuses_bad_values (void)
{
  static const char * const slots[] = { "1/text", "css-classes", NULL };
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
  g_autoptr(AtomrViewTemplate) template = template_or_fail (sample, slots);
  g_autoptr(AtomrViewNodeBuilder) slider = atomr_view_node_builder_new (ATOMR_VIEW_KIND_SLIDER);
  g_autoptr(AtomrViewNode) slider_node = NULL;
  g_autoptr(AtomrViewTemplate) numbers = NULL;

  /* Floating values are taken whether or not the tree is made (ASan sees a leak otherwise). */
  assert_make_refused (template, "k", (GVariant *[]) { g_variant_new_string ("a") }, 1,
                       ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "values: the template has 2 slots, not 1");
  assert_make_refused (template, "k", (GVariant *[]) { NULL, NULL, g_variant_new_string ("a") }, 3,
                       ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "values: the template has 2 slots, not 3");
  assert_make_refused (template, "k", (GVariant *[]) { g_variant_new_int32 (3), g_variant_new_string ("a") }, 2,
                       ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                       "values[0]: the slot “1/text” takes values of type “s”, not “i”");
  assert_make_refused (template, "k", (GVariant *[]) { NULL, g_variant_new_string ("danger") }, 2,
                       ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                       "values[1]: the slot “css-classes” takes values of type “as”, not “s”");
  assert_make_refused (template, "", (GVariant *[]) { g_variant_new_string ("a"), NULL }, 2,
                       ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "key: a key must not be empty");

  atomr_view_node_builder_set_double (slider, ATOMR_VIEW_PROP_VALUE, 1.0);
  slider_node = end_or_fail (slider);
  numbers = template_or_fail (slider_node, (const char *[]) { "value", NULL });
  assert_make_refused (numbers, NULL, (GVariant *[]) { g_variant_new_double (NAN) }, 1,
                       ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "values[0]: the value holds NaN");

  assert_make_strings_refused (template, (const char *[]) { "a", "danger" }, 2,
                               ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE,
                               "strings[1]: the slot “css-classes” takes values of type “as”, not strings");
  assert_make_strings_refused (template, (const char *[]) { "caf\xc3", NULL }, 2,
                               ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE,
                               "strings[0]: the string for the slot “1/text” is not UTF-8 text");
  assert_make_strings_refused (template, (const char *[]) { "a" }, 1,
                               ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE, "strings: the template has 2 slots, not 1");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtomrViewNode) node =
      atomr_view_template_make_strings (template, "", (const char *[]) { "a", NULL }, 2, &error);

    g_assert_null (node);
    g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_INVALID_VALUE);
    g_assert_cmpstr (error->message, ==, "key: a key must not be empty");
  }

  /* A value nested deeper than nodes take. */
  {
    g_autoptr(AtomrViewNodeBuilder) custom = atomr_view_node_builder_new ("my-widget");
    g_autoptr(AtomrViewNode) custom_node = NULL;
    g_autoptr(AtomrViewTemplate) nested = NULL;
    GVariant *deep = g_variant_new_int32 (1);

    atomr_view_node_builder_set_prop (custom, "data", g_variant_new_variant (g_variant_new_int32 (0)));
    custom_node = end_or_fail (custom);
    nested = template_or_fail (custom_node, (const char *[]) { "data", NULL });
    for (guint i = 0; i < ATOMR_VIEW_SCENE_MAX_VALUE_DEPTH + 1; i++)
      deep = g_variant_new_variant (deep);
    assert_make_refused (nested, NULL, (GVariant *[]) { deep }, 1,
                         ATOMR_VIEW_SCENE_ERROR_TOO_DEEP, "values[0]: the value nests deeper than");
  }
}

/* Values the caller keeps are still the caller's after make(), made or
 * refused; a value not in normal form is stored in normal form; a slot
 * whose sample holds a string GVariant takes text from make_strings(). */
static void
test_values_kept_and_normalised (void)
{
  static const char * const slots[] = { "text", NULL };
  g_autoptr(AtomrViewNodeBuilder) sample_builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNode) sample = NULL;
  g_autoptr(AtomrViewTemplate) template = NULL;
  g_autoptr(GVariant) kept = g_variant_ref_sink (g_variant_new_string ("kept"));
  g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new_int32 (1));
  g_autoptr(GVariant) not_normal = NULL;
  g_autoptr(AtomrViewNode) made = NULL;
  g_autoptr(AtomrViewNode) normalised = NULL;
  g_autoptr(AtomrViewNode) from_text = NULL;
  g_autoptr(AtomrViewNode) sample_kept = NULL;
  g_autoptr(GError) error = NULL;
  static const char bad_string[] = { 'a', '\xff', '\0' };

  atomr_view_node_builder_set_prop (sample_builder, ATOMR_VIEW_PROP_TEXT, g_variant_new_string ("from the sample"));
  sample = end_or_fail (sample_builder);
  template = template_or_fail (sample, slots);

  made = atomr_view_template_make (template, "a", &kept, 1, &error);
  g_assert_no_error (error);
  assert_make_refused (template, "b", &wrong, 1, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, "values[0]");
  /* Both still ours, and the node holds its own reference. */
  g_clear_pointer (&kept, g_variant_unref);
  g_assert_cmpint (g_variant_get_int32 (wrong), ==, 1);
  g_assert_cmpstr (atomr_view_node_get_prop_string (made, 0), ==, "kept");

  not_normal = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE_STRING, bad_string, sizeof bad_string,
                                                            FALSE, NULL, NULL));
  g_assert_false (g_variant_is_normal_form (not_normal));
  normalised = atomr_view_template_make (template, NULL, &not_normal, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_is_normal_form (atomr_view_node_get_prop_value (normalised, 0)));

  from_text = atomr_view_template_make_strings (template, NULL, (const char *[]) { "as text" }, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_text->props[0].text, ==, "as text");
  g_assert_null (from_text->props[0].value);
  sample_kept = atomr_view_template_make_strings (template, NULL, (const char *[]) { NULL }, 1, &error);
  g_assert_no_error (error);
  g_assert_true (atomr_view_node_equal (sample_kept, sample));
}

/* More props and children than make() keeps on its stack. */
static void
test_wide_nodes (void)
{
  g_autoptr(AtomrViewNodeBuilder) wide = atomr_view_node_builder_new ("my-widget");
  g_autoptr(AtomrViewNodeBuilder) expected_builder = NULL;
  g_autoptr(AtomrViewNode) sample = NULL;
  g_autoptr(AtomrViewNode) made = NULL;
  g_autoptr(AtomrViewNode) expected = NULL;
  g_autoptr(AtomrViewTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  const char *strings[] = { "first", "last" };

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("prop-%02u", i);
      g_autoptr(AtomrViewNodeBuilder) child = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
      g_autoptr(AtomrViewNode) child_node = NULL;

      atomr_view_node_builder_set_int (wide, name, (gint32) i);
      atomr_view_node_builder_set_string (child, ATOMR_VIEW_PROP_TEXT, name);
      child_node = end_or_fail (child);
      atomr_view_node_builder_add_child (wide, child_node);
    }
  atomr_view_node_builder_set_string (wide, "title", "sample");
  sample = end_or_fail (wide);
  template = template_or_fail (sample, (const char *[]) { "title", "19/text", NULL });
  made = atomr_view_template_make_strings (template, NULL, strings, 2, &error);
  g_assert_no_error (error);

  expected_builder = atomr_view_node_builder_new_from_node (sample);
  atomr_view_node_builder_set_string (expected_builder, "title", "first");
  {
    g_autoptr(AtomrViewNodeBuilder) last = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
    g_autoptr(AtomrViewNode) last_node = NULL;

    atomr_view_node_builder_set_string (last, ATOMR_VIEW_PROP_TEXT, "last");
    last_node = end_or_fail (last);
    atomr_view_node_builder_set_child (expected_builder, 19, last_node);
  }
  expected = end_or_fail (expected_builder);
  g_assert_true (atomr_view_node_equal (made, expected));
  g_assert_true (atomr_view_node_get_child (made, 18) == atomr_view_node_get_child (sample, 18));
}

typedef struct
{
  AtomrViewTemplate *template;
  GPtrArray         *rows;
} MakeRows;

static gpointer
make_rows_thread (gpointer data)
{
  MakeRows *job = data;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      const char *strings[] = { id, "label" };
      GVariant *values[] = { g_variant_new_string (id), g_variant_new_string ("label") };

      /* Half from strings, half from values: the same trees. */
      if (i % 2 == 0)
        g_ptr_array_add (job->rows, atomr_view_template_make_strings (job->template, id, strings, 2, NULL));
      else
        g_ptr_array_add (job->rows, atomr_view_template_make (job->template, id, values, 2, NULL));
      if (i % 2 == 0)
        for (guint v = 0; v < G_N_ELEMENTS (values); v++)
          g_variant_unref (g_variant_ref_sink (values[v]));
    }
  return NULL;
}

/* One template, trees made from it on several threads at once, and dropped on another. */
static void
test_shared_between_threads (void)
{
  static const char * const slots[] = { "0/text", "1/text", NULL };
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
  AtomrViewTemplate *template = template_or_fail (sample, slots);
  MakeRows jobs[3];
  GThread *threads[G_N_ELEMENTS (jobs)];

  for (guint t = 0; t < G_N_ELEMENTS (jobs); t++)
    {
      jobs[t].template = template;
      jobs[t].rows = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);
      threads[t] = g_thread_new ("make", make_rows_thread, &jobs[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (jobs); t++)
    g_thread_join (threads[t]);
  /* The trees outlive the template. */
  atomr_view_template_unref (template);
  for (guint t = 0; t < G_N_ELEMENTS (jobs); t++)
    {
      g_assert_cmpuint (jobs[t].rows->len, ==, 500);
      for (guint i = 0; i < jobs[t].rows->len; i++)
        {
          g_autofree char *id = g_strdup_printf ("%u", i);
          g_autoptr(AtomrViewNode) expected = built_row (id, id, "label", FALSE, button);

          g_assert_true (atomr_view_node_equal (g_ptr_array_index (jobs[t].rows, i), expected));
        }
      g_ptr_array_unref (jobs[t].rows);
    }
}

static gpointer
unref_rows_thread (gpointer data)
{
  g_ptr_array_unref (data);
  return NULL;
}

/* @n rows "0".."n-1" with label @label; a slot left out where @label is NULL. */
static GPtrArray *
make_numbered_rows (AtomrViewTemplate *template,
                    guint              n,
                    const char        *label)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_node_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      GVariant *values[] = { g_variant_new_string (id), label != NULL ? g_variant_new_string (label) : NULL };

      g_ptr_array_add (rows, atomr_view_template_make (template, id, values, 2, NULL));
    }
  return rows;
}

static gpointer
extent_of (gpointer node)
{
  return (gpointer) ((guintptr) node & ~(guintptr) (ATOMR_VIEW_BLOCK_POOL_EXTENT - 1));
}

/* A list cleared and made again: the trees that died lend their memory to
 * the next ones, whichever thread dropped them, and the new trees are
 * whole. */
static void
test_dead_trees_memory_reused (void)
{
  static const char * const slots[] = { "0/text", "1/text", NULL };
  const char *labels[] = { "label", NULL };   /* the image, then node by node */
  g_autoptr(AtomrViewNode) button = delete_button ();
  g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
  g_autoptr(AtomrViewTemplate) template = template_or_fail (sample, slots);

  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    for (guint on_thread = 0; on_thread < 2; on_thread++)
      {
        g_autoptr(GHashTable) dead = g_hash_table_new (NULL, NULL);
        GPtrArray *rows = make_numbered_rows (template, 200, labels[l]);
        g_autoptr(GPtrArray) again = NULL;
        guint reused = 0;

        for (guint i = 0; i < rows->len; i++)
          g_hash_table_add (dead, extent_of (g_ptr_array_index (rows, i)));
        if (on_thread)
          g_thread_join (g_thread_new ("drop", unref_rows_thread, rows));
        else
          g_ptr_array_unref (rows);

        again = make_numbered_rows (template, 200, labels[l]);
        for (guint i = 0; i < again->len; i++)
          {
            g_autofree char *id = g_strdup_printf ("%u", i);
            g_autoptr(AtomrViewNode) expected = built_row (id, id, labels[l] != NULL ? labels[l] : "", FALSE, button);

            reused += g_hash_table_contains (dead, extent_of (g_ptr_array_index (again, i)));
            g_assert_true (atomr_view_node_equal (g_ptr_array_index (again, i), expected));
            g_assert_true (atomr_view_node_get_template (g_ptr_array_index (again, i)) == template);
          }
        g_assert_cmpuint (reused, ==, again->len);
      }
}

/* A tree used after it died is still caught by AddressSanitizer, though its
 * memory is kept for the next tree. */
static void
test_dead_tree_still_poisoned (void)
{
#if defined(__SANITIZE_ADDRESS__)
  if (g_test_subprocess ())
    {
      static const char * const slots[] = { "0/text", "1/text", NULL };
      g_autoptr(AtomrViewNode) button = delete_button ();
      g_autoptr(AtomrViewNode) sample = built_row (NULL, "", "", FALSE, button);
      g_autoptr(AtomrViewTemplate) template = template_or_fail (sample, slots);
      GPtrArray *rows = make_numbered_rows (template, 1, "label");
      AtomrViewNode *row = g_ptr_array_index (rows, 0);

      g_ptr_array_unref (rows);
      g_print ("%u\n", atomr_view_node_get_n_children (row));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*use-after-poison*");
#else
  g_test_skip ("only an AddressSanitizer build can tell a dead tree was used");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/AtomrView/Template/makes-what-a-builder-builds", test_makes_what_a_builder_builds);
  g_test_add_func ("/AtomrView/Template/made-trees-know-their-template", test_made_trees_know_their_template);
  g_test_add_func ("/AtomrView/Template/made-tree-sizes", test_made_tree_sizes);
  g_test_add_func ("/AtomrView/Template/image-and-node-by-node-agree", test_image_and_node_by_node_agree);
  g_test_add_func ("/AtomrView/Template/diff-between-made-trees", test_diff_between_made_trees);
  g_test_add_func ("/AtomrView/Template/refuses-bad-slots", test_refuses_bad_slots);
  g_test_add_func ("/AtomrView/Template/refuses-bad-values", test_refuses_bad_values);
  g_test_add_func ("/AtomrView/Template/values-kept-and-normalised", test_values_kept_and_normalised);
  g_test_add_func ("/AtomrView/Template/wide-nodes", test_wide_nodes);
  g_test_add_func ("/AtomrView/Template/shared-between-threads", test_shared_between_threads);
  g_test_add_func ("/AtomrView/Template/dead-trees-memory-reused", test_dead_trees_memory_reused);
  g_test_add_func ("/AtomrView/Template/dead-tree-still-poisoned", test_dead_tree_still_poisoned);

  return g_test_run ();
}
