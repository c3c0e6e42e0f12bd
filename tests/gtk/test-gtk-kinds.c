/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Each kind of the core vocabulary, and GtkWidget types named as kinds:
 * the props of a node reach its widget, read back from the widget. */
#include <glib/gstdio.h>

#include "gtk-fixture.h"

static void
test_container (GtkFixture    *fixture,
                gconstpointer  data)
{
  GtkWidget *box, *first;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"props\": {\"orientation\": \"horizontal\", \"spacing\": 8},"
                      " \"children\": [{\"kind\": \"text\", \"key\": \"a\", \"props\": {\"text\": \"A\"}},"
                      "                {\"kind\": \"text\", \"key\": \"b\", \"props\": {\"text\": \"B\"}}]}");
  box = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_BOX (box));
  g_assert_true (gtk_window_get_child (gtk_fixture_window (fixture)) == box);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (box)), ==, GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (gtk_box_get_spacing (GTK_BOX (box)), ==, 8);
  first = gtk_widget_get_first_child (box);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (first)), ==, "A");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (first))), ==, "B");
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (first)));

  /* Vertical is the default. */
  gtk_fixture_render (fixture, "{\"kind\": \"container\"}");
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (box)), ==, GTK_ORIENTATION_VERTICAL);
  g_assert_cmpint (gtk_box_get_spacing (GTK_BOX (box)), ==, 0);
  g_assert_null (gtk_widget_get_first_child (box));
}

static void
test_text (GtkFixture    *fixture,
           gconstpointer  data)
{
  GtkWidget *label;
  PangoAttrList *attributes;
  g_autoptr(GSList) list = NULL;
  gboolean color = FALSE, alpha = FALSE;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"text\", \"props\": {\"text\": \"Hello\", \"wrap\": true,"
                      " \"color\": {\"color\": [1.0, 0.0, 0.0, 0.5]}}}");
  label = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Hello");
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  attributes = gtk_label_get_attributes (GTK_LABEL (label));
  g_assert_nonnull (attributes);
  list = pango_attr_list_get_attributes (attributes);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_FOREGROUND)
        {
          PangoColor *value = &((PangoAttrColor *) attribute)->color;

          g_assert_cmpuint (value->red, ==, 65535);
          g_assert_cmpuint (value->green, ==, 0);
          g_assert_cmpuint (value->blue, ==, 0);
          color = TRUE;
        }
      else if (attribute->klass->type == PANGO_ATTR_FOREGROUND_ALPHA)
        {
          g_assert_cmpuint (((PangoAttrInt *) attribute)->value, ==, 32768);
          alpha = TRUE;
        }
      pango_attribute_destroy (attribute);
    }
  g_assert_true (color && alpha);

  gtk_fixture_render (fixture, "{\"kind\": \"text\", \"props\": {\"text\": \"Bye\"}}");
  g_assert_true (gtk_fixture_widget (fixture, "") == label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Bye");
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_null (gtk_label_get_attributes (GTK_LABEL (label)));
}

static void
test_button (GtkFixture    *fixture,
             gconstpointer  data)
{
  GtkWidget *button, *child;

  gtk_fixture_render (fixture, "{\"kind\": \"button\", \"props\": {\"label\": \"Save\"}}");
  button = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Save");

  gtk_fixture_render (fixture, "{\"kind\": \"button\", \"props\": {\"icon-name\": \"list-add-symbolic\"}}");
  g_assert_true (gtk_fixture_widget (fixture, "") == button);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "list-add-symbolic");

  /* Both: the icon, then the label. */
  gtk_fixture_render (fixture,
                      "{\"kind\": \"button\", \"props\": {\"icon-name\": \"list-add-symbolic\", \"label\": \"Add\"}}");
  child = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
  g_assert_true (GTK_IS_IMAGE (child));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (child)), ==, "list-add-symbolic");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (child))), ==, "Add");
}

static void
test_text_input (GtkFixture    *fixture,
                 gconstpointer  data)
{
  GtkWidget *entry;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"text-input\", \"props\": {\"text\": \"milk\", \"placeholder\": \"What to buy\","
                      " \"editable\": false}}");
  entry = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "milk");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "What to buy");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));

  gtk_fixture_render (fixture, "{\"kind\": \"text-input\"}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)) ?: "", ==, "");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
}

static void
test_check_and_switch (GtkFixture    *fixture,
                       gconstpointer  data)
{
  GtkWidget *check, *toggle;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"check\", \"key\": \"c\", \"props\": {\"label\": \"Done\", \"active\": true}},"
                      " {\"kind\": \"switch\", \"key\": \"s\", \"props\": {\"active\": true}}]}");
  check = gtk_fixture_widget (fixture, "c");
  toggle = gtk_fixture_widget (fixture, "s");
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "Done");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"check\", \"key\": \"c\", \"props\": {\"label\": \"Done\", \"active\": false}},"
                      " {\"kind\": \"switch\", \"key\": \"s\"}]}");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
}

static void
test_slider (GtkFixture    *fixture,
             gconstpointer  data)
{
  GtkWidget *scale;
  GtkAdjustment *adjustment;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"slider\", \"props\": {\"min\": -10.0, \"max\": 10.0, \"step\": 0.5,"
                      " \"value\": 2.5, \"orientation\": \"vertical\"}}");
  scale = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_SCALE (scale));
  adjustment = gtk_range_get_adjustment (GTK_RANGE (scale));
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, -10.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 10.0);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (adjustment), ==, 0.5);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 2.5);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (scale)), ==, GTK_ORIENTATION_VERTICAL);

  /* A whole number where the vocabulary wants a double is taken as one. */
  gtk_fixture_render (fixture, "{\"kind\": \"slider\", \"props\": {\"value\": 40}}");
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 0.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 100.0);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 40.0);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (scale)), ==, GTK_ORIENTATION_HORIZONTAL);
}

static void
test_progress_and_spinner (GtkFixture    *fixture,
                           gconstpointer  data)
{
  GtkWidget *progress, *spinner;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"progress\", \"key\": \"p\", \"props\": {\"fraction\": 0.25, \"text\": \"1 of 4\"}},"
                      " {\"kind\": \"spinner\", \"key\": \"s\"}]}");
  progress = gtk_fixture_widget (fixture, "p");
  spinner = gtk_fixture_widget (fixture, "s");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 0.25);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (progress)), ==, "1 of 4");
  g_assert_true (gtk_progress_bar_get_show_text (GTK_PROGRESS_BAR (progress)));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"progress\", \"key\": \"p\", \"props\": {\"fraction\": 1.0}},"
                      " {\"kind\": \"spinner\", \"key\": \"s\", \"props\": {\"spinning\": false}}]}");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 1.0);
  g_assert_false (gtk_progress_bar_get_show_text (GTK_PROGRESS_BAR (progress)));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
}

static void
test_image (GtkFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "atomr-view-test-image.png", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 data_rgba[3 * 2 * 4];
  GtkWidget *image;
  GdkPaintable *paintable;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"image\", \"props\": {\"icon-name\": \"folder-symbolic\", \"pixel-size\": 48}}");
  image = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_IMAGE (image));
  g_assert_cmpint (gtk_image_get_storage_type (GTK_IMAGE (image)), ==, GTK_IMAGE_ICON_NAME);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "folder-symbolic");
  g_assert_cmpint (gtk_image_get_pixel_size (GTK_IMAGE (image)), ==, 48);

  /* A picture from a file: a 3×2 PNG written here. */
  memset (data_rgba, 0x80, sizeof data_rgba);
  pixels = g_bytes_new (data_rgba, sizeof data_rgba);
  texture = gdk_memory_texture_new (3, 2, GDK_MEMORY_R8G8B8A8, pixels, 3 * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  json = g_strdup_printf ("{\"kind\": \"image\", \"props\": {\"file\": \"%s\"}}", path);
  gtk_fixture_render (fixture, json);
  g_assert_cmpint (gtk_image_get_storage_type (GTK_IMAGE (image)), ==, GTK_IMAGE_PAINTABLE);
  paintable = gtk_image_get_paintable (GTK_IMAGE (image));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 3);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 2);
  g_assert_cmpint (gtk_image_get_pixel_size (GTK_IMAGE (image)), ==, -1);

  /* A file that is not there shows the missing-image icon. */
  gtk_fixture_render (fixture, "{\"kind\": \"image\", \"props\": {\"file\": \"/nonexistent/picture.png\"}}");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "image-missing");
  g_unlink (path);
}

static void
test_separator_and_scroll (GtkFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(GtkWidget) inner = NULL;
  GtkWidget *scroll, *separator;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"scroll\", \"children\": [{\"kind\": \"container\", \"key\": \"inner\","
                      " \"children\": [{\"kind\": \"separator\", \"key\": \"line\","
                      " \"props\": {\"orientation\": \"vertical\"}}]}]}");
  scroll = gtk_fixture_widget (fixture, "");
  inner = g_object_ref (gtk_fixture_widget (fixture, "inner"));
  separator = gtk_fixture_widget (fixture, "inner/line");
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroll));
  g_assert_true (gtk_widget_is_ancestor (inner, scroll));
  /* A scrolling area takes the room it is given. */
  g_assert_true (gtk_widget_get_vexpand (scroll));
  g_assert_true (GTK_IS_SEPARATOR (separator));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (separator)), ==, GTK_ORIENTATION_VERTICAL);

  /* The one child gives way to another. */
  gtk_fixture_render (fixture, "{\"kind\": \"scroll\", \"children\": [{\"kind\": \"text\", \"key\": \"t\"}]}");
  g_assert_true (gtk_widget_is_ancestor (gtk_fixture_widget (fixture, "t"), scroll));
  g_assert_null (gtk_widget_get_parent (inner));
}

static void
test_list (GtkFixture    *fixture,
           gconstpointer  data)
{
  GtkWidget *scroll, *view;
  GListModel *model;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"list\", \"children\": ["
                      " {\"kind\": \"text\", \"key\": \"a\", \"props\": {\"text\": \"Apples\"}},"
                      " {\"kind\": \"text\", \"key\": \"b\", \"props\": {\"text\": \"Bread\"}},"
                      " {\"kind\": \"text\", \"key\": \"c\", \"props\": {\"text\": \"Cheese\"}}]}");
  scroll = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroll));
  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroll));
  g_assert_true (GTK_IS_LIST_VIEW (view));
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Rows get widgets once the view is on screen. */
  gtk_fixture_wait_painted (fixture);
  ATOMR_VIEW_TEST_WAIT_UNTIL (gtk_fixture_find (fixture, "c") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_fixture_widget (fixture, "a"))), ==, "Apples");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_fixture_widget (fixture, "c"))), ==, "Cheese");
  g_assert_true (gtk_widget_is_ancestor (gtk_fixture_widget (fixture, "b"), view));
}

static void
test_region (GtkFixture    *fixture,
             gconstpointer  data)
{
  GtkWidget *region, *placeholder;

  gtk_fixture_render (fixture, "{\"kind\": \"region\", \"key\": \"feed\", \"props\": {\"placeholder\": \"Loading…\"}}");
  region = gtk_fixture_widget (fixture, "");
  g_assert_true (GTK_IS_BOX (region));
  placeholder = gtk_widget_get_first_child (region);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==, "Loading…");
  g_assert_true (gtk_widget_get_visible (placeholder));

  /* Filled: the placeholder hides. */
  gtk_fixture_render (fixture,
                      "{\"kind\": \"region\", \"key\": \"feed\", \"props\": {\"placeholder\": \"Loading…\"},"
                      " \"children\": [{\"kind\": \"text\", \"key\": \"m\", \"props\": {\"text\": \"hi\"}}]}");
  g_assert_false (gtk_widget_get_visible (placeholder));
  g_assert_true (gtk_widget_get_parent (gtk_fixture_widget (fixture, "m")) == region);

  gtk_fixture_render (fixture, "{\"kind\": \"region\", \"key\": \"feed\", \"props\": {\"placeholder\": \"Gone\"}}");
  g_assert_true (gtk_widget_get_visible (placeholder));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==, "Gone");
}

static void
test_common_props (GtkFixture    *fixture,
                   gconstpointer  data)
{
  GtkWidget *button;
  int width, height;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"button\", \"props\": {\"label\": \"OK\", \"visible\": false, \"sensitive\": false,"
                      " \"tooltip\": \"Does it\", \"css-classes\": [\"suggested-action\", \"pill\"],"
                      " \"hexpand\": true, \"vexpand\": true, \"halign\": \"center\", \"valign\": \"end\","
                      " \"min-size\": {\"vec2\": [120, 40]}}}");
  button = gtk_fixture_widget (fixture, "");
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Does it");
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_true (gtk_widget_has_css_class (button, "pill"));
  g_assert_true (gtk_widget_has_css_class (button, "text-button"));  /* GTK's own */
  g_assert_true (gtk_widget_get_hexpand (button));
  g_assert_true (gtk_widget_get_vexpand (button));
  g_assert_cmpint (gtk_widget_get_halign (button), ==, GTK_ALIGN_CENTER);
  g_assert_cmpint (gtk_widget_get_valign (button), ==, GTK_ALIGN_END);
  gtk_widget_get_size_request (button, &width, &height);
  g_assert_cmpint (width, ==, 120);
  g_assert_cmpint (height, ==, 40);

  /* Changed classes replace the scene's, not GTK's. */
  gtk_fixture_render (fixture,
                      "{\"kind\": \"button\", \"props\": {\"label\": \"OK\", \"css-classes\": [\"flat\"]}}");
  g_assert_true (gtk_fixture_widget (fixture, "") == button);
  g_assert_false (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (button, "pill"));
  g_assert_true (gtk_widget_has_css_class (button, "flat"));
  g_assert_true (gtk_widget_has_css_class (button, "text-button"));

  /* Props that go away put the defaults back. */
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_get_hexpand_set (button));
  g_assert_false (gtk_widget_get_vexpand_set (button));
  g_assert_cmpint (gtk_widget_get_halign (button), ==, GTK_ALIGN_FILL);
  g_assert_cmpint (gtk_widget_get_valign (button), ==, GTK_ALIGN_FILL);
  gtk_widget_get_size_request (button, &width, &height);
  g_assert_cmpint (width, ==, -1);
  g_assert_cmpint (height, ==, -1);
}

static void
test_widget_types (GtkFixture    *fixture,
                   gconstpointer  data)
{
  GtkWidget *bar, *label, *entry, *frame;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"GtkBox\", \"props\": {\"orientation\": \"vertical\", \"spacing\": 4},"
                      " \"children\": ["
                      "  {\"kind\": \"GtkLevelBar\", \"key\": \"bar\","
                      "   \"props\": {\"max-value\": 5, \"value\": 2, \"mode\": \"discrete\", \"inverted\": true}},"
                      "  {\"kind\": \"GtkLabel\", \"key\": \"label\","
                      "   \"props\": {\"label\": \"<b>Bold</b>\", \"use-markup\": true, \"justify\": \"center\"}},"
                      "  {\"kind\": \"GtkEntry\", \"key\": \"entry\","
                      "   \"props\": {\"input-hints\": \"spellcheck|no-emoji\", \"max-length\": 12}},"
                      "  {\"kind\": \"GtkFrame\", \"key\": \"frame\", \"props\": {\"label\": \"Group\"},"
                      "   \"children\": [{\"kind\": \"text\", \"key\": \"inside\", \"props\": {\"text\": \"in\"}}]}]}");
  g_assert_true (GTK_IS_BOX (gtk_fixture_widget (fixture, "")));
  g_assert_cmpint (gtk_box_get_spacing (GTK_BOX (gtk_fixture_widget (fixture, ""))), ==, 4);

  bar = gtk_fixture_widget (fixture, "bar");
  g_assert_true (GTK_IS_LEVEL_BAR (bar));
  g_assert_cmpfloat (gtk_level_bar_get_max_value (GTK_LEVEL_BAR (bar)), ==, 5.0);
  g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)), ==, 2.0);
  g_assert_cmpint (gtk_level_bar_get_mode (GTK_LEVEL_BAR (bar)), ==, GTK_LEVEL_BAR_MODE_DISCRETE);
  g_assert_true (gtk_level_bar_get_inverted (GTK_LEVEL_BAR (bar)));

  label = gtk_fixture_widget (fixture, "label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Bold");
  g_assert_cmpint (gtk_label_get_justify (GTK_LABEL (label)), ==, GTK_JUSTIFY_CENTER);

  entry = gtk_fixture_widget (fixture, "entry");
  g_assert_cmpint (gtk_entry_get_input_hints (GTK_ENTRY (entry)), ==, GTK_INPUT_HINT_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
  g_assert_cmpint (gtk_entry_get_max_length (GTK_ENTRY (entry)), ==, 12);

  frame = gtk_fixture_widget (fixture, "frame");
  g_assert_cmpstr (gtk_frame_get_label (GTK_FRAME (frame)), ==, "Group");
  g_assert_true (gtk_frame_get_child (GTK_FRAME (frame)) == gtk_fixture_widget (fixture, "frame/inside"));

  /* A property left out goes back to its default. */
  gtk_fixture_render (fixture,
                      "{\"kind\": \"GtkBox\", \"props\": {\"orientation\": \"vertical\", \"spacing\": 4},"
                      " \"children\": [{\"kind\": \"GtkLevelBar\", \"key\": \"bar\", \"props\": {\"value\": 0.5}}]}");
  g_assert_true (gtk_fixture_widget (fixture, "bar") == bar);
  g_assert_cmpfloat (gtk_level_bar_get_max_value (GTK_LEVEL_BAR (bar)), ==, 1.0);
  g_assert_cmpint (gtk_level_bar_get_mode (GTK_LEVEL_BAR (bar)), ==, GTK_LEVEL_BAR_MODE_CONTINUOUS);
  g_assert_false (gtk_level_bar_get_inverted (GTK_LEVEL_BAR (bar)));
}

static void
test_core_kind_properties (GtkFixture    *fixture,
                           gconstpointer  data)
{
  GtkWidget *label;

  /* Props outside the vocabulary reach the GObject properties of the kind's widget. */
  gtk_fixture_render (fixture,
                      "{\"kind\": \"text\", \"props\": {\"text\": \"Pick me\", \"selectable\": true,"
                      " \"margin-start\": 12, \"xalign\": 0}}");
  label = gtk_fixture_widget (fixture, "");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_cmpint (gtk_widget_get_margin_start (label), ==, 12);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (label)), ==, 0.0);

  /* A list's go to its list view. */
  gtk_fixture_render (fixture, "{\"kind\": \"list\", \"props\": {\"show-separators\": true}}");
  g_assert_true (gtk_list_view_get_show_separators (GTK_LIST_VIEW (
    gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_fixture_widget (fixture, ""))))));
}

int
main (int   argc,
      char *argv[])
{
  gtk_fixture_init (&argc, &argv);

  GTK_TEST ("/AtomrViewGtk/Kinds/container", test_container);
  GTK_TEST ("/AtomrViewGtk/Kinds/text", test_text);
  GTK_TEST ("/AtomrViewGtk/Kinds/button", test_button);
  GTK_TEST ("/AtomrViewGtk/Kinds/text-input", test_text_input);
  GTK_TEST ("/AtomrViewGtk/Kinds/check-and-switch", test_check_and_switch);
  GTK_TEST ("/AtomrViewGtk/Kinds/slider", test_slider);
  GTK_TEST ("/AtomrViewGtk/Kinds/progress-and-spinner", test_progress_and_spinner);
  GTK_TEST ("/AtomrViewGtk/Kinds/image", test_image);
  GTK_TEST ("/AtomrViewGtk/Kinds/separator-and-scroll", test_separator_and_scroll);
  GTK_TEST ("/AtomrViewGtk/Kinds/list", test_list);
  GTK_TEST ("/AtomrViewGtk/Kinds/region", test_region);
  GTK_TEST ("/AtomrViewGtk/Kinds/common-props", test_common_props);
  GTK_TEST ("/AtomrViewGtk/Kinds/widget-types", test_widget_types);
  GTK_TEST ("/AtomrViewGtk/Kinds/core-kind-properties", test_core_kind_properties);

  return g_test_run ();
}
