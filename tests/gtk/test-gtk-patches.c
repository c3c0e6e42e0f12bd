/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Updates: widgets keep their identity and the state the user owns, the
 * backend's own changes report no events, and scenes it cannot show are
 * refused before any widget changes. */
#include "gtk-fixture.h"

/* A column of keyed rows, each a row container with a label and a button. */
static char *
rows_json (const char * const *keys)
{
  GString *json = g_string_new ("{\"kind\": \"container\", \"key\": \"rows\", \"children\": [");

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (json,
                            "%s{\"kind\": \"container\", \"key\": \"%s\", \"props\": {\"orientation\": \"horizontal\"},"
                            " \"children\": [{\"kind\": \"text\", \"key\": \"label\", \"props\": {\"text\": \"Row %s\"}},"
                            " {\"kind\": \"button\", \"key\": \"remove\", \"props\": {\"label\": \"×\"}}]}",
                            i > 0 ? ", " : "", keys[i], keys[i]);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static void
render_rows (GtkFixture         *fixture,
             const char * const *keys)
{
  g_autofree char *json = rows_json (keys);

  gtk_fixture_render (fixture, json);
}

/* The labels of the rows, in the order the box shows them. */
static char *
shown_order (GtkWidget *box)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (box); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s%s", text->len ? " " : "",
                            gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row))));
  return g_string_free (text, FALSE);
}

static void
test_keyed_reorder_moves_widgets (GtkFixture    *fixture,
                                  gconstpointer  data)
{
  const char *before[] = { "a", "b", "c", "d", "e", NULL };
  const char *after[] = { "e", "b", "d", "c", "a", NULL };
  const char *edited[] = { "e", "x", "b", "c", "a", NULL };
  GtkWidget *rows[5], *labels[5], *box;
  g_autofree char *order = NULL;
  g_autofree char *order2 = NULL;

  render_rows (fixture, before);
  box = gtk_fixture_widget (fixture, "");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label_path = g_strdup_printf ("%s/label", before[i]);

      rows[i] = gtk_fixture_widget (fixture, before[i]);
      labels[i] = gtk_fixture_widget (fixture, label_path);
    }

  render_rows (fixture, after);
  order = shown_order (box);
  g_assert_cmpstr (order, ==, "Row e Row b Row d Row c Row a");
  /* The same widgets, moved. */
  g_assert_true (gtk_fixture_widget (fixture, "") == box);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label_path = g_strdup_printf ("%s/label", before[i]);

      g_assert_true (gtk_fixture_widget (fixture, before[i]) == rows[i]);
      g_assert_true (gtk_fixture_widget (fixture, label_path) == labels[i]);
      g_assert_true (gtk_widget_get_parent (rows[i]) == box);
    }
  g_assert_true (gtk_widget_get_first_child (box) == rows[4]);
  g_assert_true (gtk_widget_get_last_child (box) == rows[0]);

  /* Insert one, remove one: the others stay who they are. */
  render_rows (fixture, edited);
  order2 = shown_order (box);
  g_assert_cmpstr (order2, ==, "Row e Row x Row b Row c Row a");
  g_assert_true (gtk_fixture_widget (fixture, "e") == rows[4]);
  g_assert_true (gtk_fixture_widget (fixture, "b") == rows[1]);
  g_assert_true (gtk_fixture_widget (fixture, "c") == rows[2]);
  g_assert_true (gtk_fixture_widget (fixture, "a") == rows[0]);
  g_assert_null (gtk_fixture_find (fixture, "d"));
}

static char *
form_json (const char *title,
           int         spacing,
           gboolean    note,
           const char *text)
{
  g_autofree char *text_prop = text != NULL ? g_strdup_printf (", \"props\": {\"text\": \"%s\"}", text)
                                            : g_strdup ("");

  return g_strdup_printf ("{\"kind\": \"container\", \"props\": {\"spacing\": %d}, \"children\": ["
                          " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"%s\"}},"
                          " %s"
                          " {\"kind\": \"text-input\", \"key\": \"name\"%s},"
                          " {\"kind\": \"button\", \"key\": \"ok\", \"props\": {\"label\": \"OK\"}}]}",
                          spacing, title,
                          note ? "{\"kind\": \"text\", \"key\": \"note\", \"props\": {\"text\": \"Hint\"}}," : "",
                          text_prop);
}

static void
render_form (GtkFixture *fixture,
             const char *title,
             int         spacing,
             gboolean    note,
             const char *text)
{
  g_autofree char *json = form_json (title, spacing, note, text);

  gtk_fixture_render (fixture, json);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* What typing does: text goes in at the cursor, and the cursor moves on. */
static void
type_text (GtkWidget  *entry,
           const char *text)
{
  int position = gtk_editable_get_position (GTK_EDITABLE (entry));

  gtk_editable_insert_text (GTK_EDITABLE (entry), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (entry), position);
}

static void
test_entry_keeps_text_and_cursor (GtkFixture    *fixture,
                                  gconstpointer  data)
{
  GtkWidget *entry;

  render_form (fixture, "Name", 6, FALSE, NULL);
  gtk_fixture_wait_painted (fixture);
  entry = gtk_fixture_widget (fixture, "name");
  g_assert_true (gtk_widget_grab_focus (entry));
  type_text (entry, "hello world");
  gtk_editable_set_position (GTK_EDITABLE (entry), 5);
  g_assert_cmpuint (fixture->events->len, ==, 1);

  /* The parent changes around the entry: a new title, new spacing, a new sibling before it. */
  render_form (fixture, "Your name", 12, TRUE, NULL);
  g_assert_true (gtk_fixture_widget (fixture, "name") == entry);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_fixture_widget (fixture, "title"))), ==, "Your name");
  g_assert_true (gtk_widget_get_prev_sibling (entry) == gtk_fixture_widget (fixture, "note"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "hello world");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, 5);
  g_assert_true (has_focus_within (entry));

  /* The actor echoes the text it was told: nothing moves. */
  render_form (fixture, "Your name", 12, TRUE, "hello world");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "hello world");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, 5);

  /* The user types on; an echo that lags behind does not undo the new keystrokes. */
  type_text (entry, ",");
  type_text (entry, " my");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "hello, my world");
  render_form (fixture, "Your name", 12, TRUE, "hello, world");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "hello, my world");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, 9);

  /* A text the user never had is the application's: it replaces the entry's. */
  render_form (fixture, "Your name", 12, TRUE, "Ada");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Ada");
  g_assert_true (has_focus_within (entry));
  g_assert_true (gtk_fixture_widget (fixture, "name") == entry);
}

static guint
count_signal (GtkFixture *fixture,
              const char *signal)
{
  guint n = 0;

  for (guint i = 0; i < fixture->events->len; i++)
    n += g_str_equal (atomr_view_event_get_signal (g_ptr_array_index (fixture->events, i)), signal);
  return n;
}

static void
test_own_changes_report_nothing (GtkFixture    *fixture,
                                 gconstpointer  data)
{
  AtomrViewEvent *event;
  GtkWidget *check;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"text-input\", \"key\": \"t\", \"props\": {\"text\": \"a\"}},"
                      " {\"kind\": \"check\", \"key\": \"c\", \"props\": {\"active\": true}},"
                      " {\"kind\": \"switch\", \"key\": \"s\", \"props\": {\"active\": true}},"
                      " {\"kind\": \"slider\", \"key\": \"v\", \"props\": {\"value\": 10.0}}]}");
  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"text-input\", \"key\": \"t\", \"props\": {\"text\": \"b\"}},"
                      " {\"kind\": \"check\", \"key\": \"c\", \"props\": {\"active\": false}},"
                      " {\"kind\": \"switch\", \"key\": \"s\", \"props\": {\"active\": false}},"
                      " {\"kind\": \"slider\", \"key\": \"v\", \"props\": {\"value\": 20.0, \"max\": 15.0}}]}");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_fixture_widget (fixture, "t"))), ==, "b");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (gtk_fixture_widget (fixture, "v"))), ==, 15.0);
  g_assert_cmpuint (fixture->events->len, ==, 0);

  /* The same change made by the user is an event. */
  check = gtk_fixture_widget (fixture, "c");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (count_signal (fixture, ATOMR_VIEW_SIGNAL_TOGGLED), ==, 1);
  event = g_ptr_array_index (fixture->events, 0);
  g_assert_cmpstr (atomr_view_event_get_window_id (event), ==, "main");
  g_assert_cmpstr (atomr_view_event_get_key (event), ==, "c");
  g_assert_cmpuint (g_strv_length ((GStrv) atomr_view_event_get_path (event)), ==, 1);
  g_assert_true (g_variant_get_boolean (atomr_view_event_get_value (event)));
}

static void
test_kind_change_replaces (GtkFixture    *fixture,
                           gconstpointer  data)
{
  GtkWidget *keep, *old;

  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"text\", \"key\": \"keep\", \"props\": {\"text\": \"stays\"}},"
                      " {\"kind\": \"text\", \"key\": \"x\", \"props\": {\"text\": \"a label\"}}]}");
  keep = gtk_fixture_widget (fixture, "keep");
  old = gtk_fixture_widget (fixture, "x");
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"text\", \"key\": \"keep\", \"props\": {\"text\": \"stays\"}},"
                      " {\"kind\": \"button\", \"key\": \"x\", \"props\": {\"label\": \"a button\"}}]}");
  g_assert_null (old);  /* gone, not leaked */
  g_assert_true (GTK_IS_BUTTON (gtk_fixture_widget (fixture, "x")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_fixture_widget (fixture, "x"))), ==, "a button");
  g_assert_true (gtk_widget_get_next_sibling (keep) == gtk_fixture_widget (fixture, "x"));
  g_assert_true (gtk_fixture_widget (fixture, "keep") == keep);

  /* The root itself. */
  gtk_fixture_render (fixture, "{\"kind\": \"text\", \"props\": {\"text\": \"alone\"}}");
  g_assert_true (GTK_IS_LABEL (gtk_window_get_child (gtk_fixture_window (fixture))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_window_get_child (gtk_fixture_window (fixture)))), ==, "alone");
}

static const char good_scene[] =
  "{\"kind\": \"container\", \"children\": ["
  " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"Good\"}},"
  " {\"kind\": \"container\", \"key\": \"form\", \"children\": ["
  "  {\"kind\": \"text\", \"props\": {\"text\": \"first\"}},"
  "  {\"kind\": \"button\", \"key\": \"go\", \"props\": {\"label\": \"Go\"}}]}]}";

typedef struct
{
  const char *bad_node;   /* takes the place of the button "go" */
  int         code;
  const char *message;    /* a part of the error message */
} BadCase;

static const BadCase bad_cases[] = {
  { "{\"kind\": \"no-such-kind\", \"key\": \"go\"}",
    ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND, "/form/go (kind “no-such-kind”)" },
  { "{\"kind\": \"GtkNoSuchWidget\", \"key\": \"go\"}",
    ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND, "/form/go (kind “GtkNoSuchWidget”)" },
  { "{\"kind\": \"GtkWindow\", \"key\": \"go\"}",
    ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND, "cannot be put inside a window" },
  { "{\"kind\": \"button\", \"key\": \"go\", \"props\": {\"label\": \"Go\", \"colour\": \"red\"}}",
    ATOMR_VIEW_UI_ERROR_UNKNOWN_PROPERTY, "/form/go (kind “button”): it has no prop “colour”" },
  { "{\"kind\": \"GtkLabel\", \"key\": \"go\", \"props\": {\"label\": true}}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "expected a string for a property of type “gchararray”, got a value of type “b”" },
  { "{\"kind\": \"button\", \"key\": \"go\", \"props\": {\"halign\": \"middle\"}}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "the prop “halign”: “middle” is not one of" },
  { "{\"kind\": \"GtkLevelBar\", \"key\": \"go\", \"props\": {\"mode\": \"stepwise\"}}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "the prop “mode”: “stepwise” is not a value of GtkLevelBarMode" },
  { "{\"kind\": \"GtkLevelBar\", \"key\": \"go\", \"props\": {\"min-value\": -1}}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "the prop “min-value”: -1 is out of the property's range" },
  { "{\"kind\": \"GtkLabel\", \"key\": \"go\", \"props\": {\"justify\": 2.5}}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "the prop “justify”" },
  { "{\"kind\": \"GtkLabel\", \"key\": \"go\", \"props\": {\"root\": \"x\"}}",
    ATOMR_VIEW_UI_ERROR_UNKNOWN_PROPERTY, "the property “root” of GtkLabel is read-only" },
  { "{\"kind\": \"text\", \"key\": \"go\", \"children\": [{\"kind\": \"text\"}]}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "/form/go (kind “text”): it cannot have children" },
  { "{\"kind\": \"scroll\", \"key\": \"go\", \"children\": [{\"kind\": \"text\"}, {\"kind\": \"text\"}]}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "it holds one child, not 2" },
  { "{\"kind\": \"container\", \"key\": \"go\", \"children\": [{\"kind\": \"GtkLabel\", \"props\": {\"wrap\": 1}}]}",
    ATOMR_VIEW_UI_ERROR_INVALID_VALUE, "/form/go/#0 (kind “GtkLabel”)" },
};

static void
test_refused_scenes (GtkFixture    *fixture,
                     gconstpointer  data)
{
  GtkWidget *title, *first, *go, *root;

  gtk_fixture_render (fixture, good_scene);
  root = gtk_fixture_widget (fixture, "");
  title = gtk_fixture_widget (fixture, "title");
  first = gtk_fixture_widget (fixture, "form/#0");
  go = gtk_fixture_widget (fixture, "form/go");

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      /* The title changes too, before the bad node in scene order: nothing may change at all. */
      g_autofree char *json = g_strdup_printf (
        "{\"kind\": \"container\", \"children\": ["
        " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"Changed\"}},"
        " {\"kind\": \"container\", \"key\": \"form\", \"children\": ["
        "  {\"kind\": \"text\", \"props\": {\"text\": \"first, changed\"}}, %s]}]}",
        bad_cases[i].bad_node);
      g_autoptr(AtomrViewScene) scene = gtk_fixture_parse (json);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, bad_cases[i].bad_node);
      g_assert_false (gtk_fixture_render_scene (fixture, scene, &error));
      g_assert_error (error, ATOMR_VIEW_UI_ERROR, bad_cases[i].code);
      if (strstr (error->message, bad_cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, bad_cases[i].message);

      g_assert_true (gtk_window_get_child (gtk_fixture_window (fixture)) == root);
      g_assert_true (gtk_fixture_widget (fixture, "title") == title);
      g_assert_true (gtk_fixture_widget (fixture, "form/#0") == first);
      g_assert_true (gtk_fixture_widget (fixture, "form/go") == go);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Good");
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (first)), ==, "first");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (go)), ==, "Go");
    }

  /* The window still takes good scenes. */
  gtk_fixture_render (fixture,
                      "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"Better\"}}]}");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Better");
}

static void
test_refused_patches (GtkFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtomrViewScene) next = gtk_fixture_parse (
    "{\"kind\": \"container\", \"children\": ["
    " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"Changed\"}}]}");
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autoptr(GError) error = NULL;
  const guint title_path[] = { 0 };
  const guint missing_path[] = { 1, 7 };
  GtkWidget *title;

  gtk_fixture_render (fixture, good_scene);
  title = gtk_fixture_widget (fixture, "title");

  /* A good first patch, then one for a child that does not exist. */
  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (title_path, 1, "text", g_variant_new_string ("Changed")));
  g_ptr_array_add (patches, atomr_view_patch_new_remove (missing_path, 2));
  g_assert_false (atomr_view_backend_render (ATOMR_VIEW_BACKEND (fixture->backend), "main", fixture->scene, next,
                                             patches, &error));
  g_assert_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "patches[1]"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Good");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_fixture_widget (fixture, "form/go"))), ==, "Go");
}

/* A column of buttons whose texts are set with set_string(), so the scene
 * holds them as text, not as GVariants. */
static AtomrViewScene *
buttons_scene (const char * const *haligns)
{
  g_autoptr(AtomrViewNodeBuilder) column = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) root = NULL;

  for (guint i = 0; haligns[i] != NULL; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
      g_autoptr(AtomrViewNode) node = NULL;
      g_autofree char *label = g_strdup_printf ("Button %u", i);
      g_autoptr(GError) error = NULL;

      atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_LABEL, label);
      atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_HALIGN, haligns[i]);
      node = atomr_view_node_builder_end (button, &error);
      g_assert_no_error (error);
      atomr_view_node_builder_add_child (column, node);
    }
  root = atomr_view_node_builder_end (column, NULL);
  return atomr_view_scene_new (root);
}

/* Text props are checked as their GVariants were: a good one reaches the
 * widget; a bad one is refused, whether a good one came just before it (and
 * may be remembered as passed) or not. */
static void
test_text_props_checked (GtkFixture    *fixture,
                         gconstpointer  data)
{
  const char *good[] = { "start", "start", "end", NULL };
  const char *bad_after_good[] = { "start", "middle", NULL };
  const char *bad_first[] = { "middle", "start", NULL };
  const char * const *refused[] = { bad_after_good, bad_first };
  g_autoptr(AtomrViewScene) good_buttons = buttons_scene (good);
  g_autoptr(GError) error = NULL;
  GtkWidget *last;

  g_assert_true (gtk_fixture_render_scene (fixture, good_buttons, &error));
  g_assert_no_error (error);
  last = gtk_fixture_widget (fixture, "#2");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (last)), ==, "Button 2");
  g_assert_cmpint (gtk_widget_get_halign (last), ==, GTK_ALIGN_END);
  g_assert_cmpint (gtk_widget_get_halign (gtk_fixture_widget (fixture, "#0")), ==, GTK_ALIGN_START);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AtomrViewScene) bad = buttons_scene (refused[i]);

      g_clear_error (&error);
      g_assert_false (gtk_fixture_render_scene (fixture, bad, &error));
      g_assert_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "middle"));
      g_assert_true (gtk_fixture_widget (fixture, "#2") == last);
      g_assert_cmpint (gtk_widget_get_halign (last), ==, GTK_ALIGN_END);
    }
}

/* A row of a text and a button, both holes: the text, and the button's
 * halign, or whatever @slot_at names. With @button_in_box the button is
 * one level further down, the only child of a container. */
static AtomrViewTemplate *
row_template (const char *sample_halign,
              const char *slot_at,
              gboolean    button_in_box)
{
  g_autoptr(AtomrViewNodeBuilder) text = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) text_node = NULL;
  g_autoptr(AtomrViewNode) button_node = NULL;
  g_autoptr(AtomrViewNode) sample = NULL;
  g_autoptr(GError) error = NULL;
  const char *slots[] = { "0/text", slot_at, NULL };
  AtomrViewTemplate *template;

  atomr_view_node_builder_set_string (text, ATOMR_VIEW_PROP_TEXT, "");
  text_node = atomr_view_node_builder_end (text, NULL);
  atomr_view_node_builder_add_child (row, text_node);
  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_LABEL, "Go");
  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_HALIGN, sample_halign);
  button_node = atomr_view_node_builder_end (button, NULL);
  if (button_in_box)
    {
      g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
      g_autoptr(AtomrViewNode) box_node = NULL;

      atomr_view_node_builder_add_child (box, button_node);
      box_node = atomr_view_node_builder_end (box, NULL);
      atomr_view_node_builder_add_child (row, box_node);
    }
  else
    atomr_view_node_builder_add_child (row, button_node);
  /* The row's own halign is a slot in some tests. */
  atomr_view_node_builder_set_string (row, ATOMR_VIEW_PROP_HALIGN, "fill");
  sample = atomr_view_node_builder_end (row, NULL);
  template = atomr_view_template_new (sample, slots, &error);
  g_assert_no_error (error);
  return template;
}

/* A column keyed "rows" of rows made from @template, keyed r0, r1, ...,
 * with the texts "row 0", ... and @haligns in the second slot. */
static AtomrViewScene *
template_scene (AtomrViewTemplate  *template,
                const char * const *haligns,
                guint               n_rows)
{
  g_autoptr(AtomrViewNodeBuilder) column = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) column_node = NULL;
  g_autoptr(AtomrViewNode) root_node = NULL;

  atomr_view_node_builder_set_key (column, "rows");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *key = g_strdup_printf ("r%u", i);
      g_autofree char *text = g_strdup_printf ("row %u", i);
      const char *strings[] = { text, haligns[i] };
      g_autoptr(GError) error = NULL;
      AtomrViewNode *node = atomr_view_template_make_strings (template, key, strings, 2, &error);

      g_assert_no_error (error);
      g_assert_true (atomr_view_node_get_template (node) == template);
      atomr_view_node_builder_add_child (column, node);
      atomr_view_node_unref (node);
    }
  column_node = atomr_view_node_builder_end (column, NULL);
  atomr_view_node_builder_add_child (root, column_node);
  root_node = atomr_view_node_builder_end (root, NULL);
  return atomr_view_scene_new (root_node);
}

/* Trees made from a template are checked by their slots once the sample has
 * passed: a good value reaches the widget, a bad one is refused with the
 * place of the node that holds it, and nothing on screen changes. A sample
 * that does not pass itself still makes rows that do, when the slots fill
 * in what it lacked. */
static void
test_template_rows_checked (GtkFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(AtomrViewTemplate) good_sample = row_template ("start", "1/halign", FALSE);
  g_autoptr(AtomrViewTemplate) bad_sample = row_template ("middle", "1/halign", FALSE);
  g_autoptr(AtomrViewTemplate) root_slot = row_template ("start", "halign", FALSE);
  const char *good[] = { "start", "end", "center" };
  const char *bad[] = { "start", "middle", "center" };
  const char *kept[] = { "start", NULL, "center" };
  struct {
    AtomrViewTemplate  *template;
    const char * const *haligns;
    const char         *place;
  } refused[] = {
    { good_sample, bad, "/rows/r1/#1 (kind “button”)" },
    { bad_sample, bad, "/rows/r1/#1 (kind “button”)" },
    { bad_sample, kept, "/rows/r1/#1 (kind “button”)" },   /* the sample's own “middle” */
    { root_slot, bad, "/rows/r1 (kind “container”)" },
  };
  GtkWidget *text, *button;

  for (guint round = 0; round < 2; round++)
    {
      /* The second time round, the sample and the rows have passed before. */
      g_autoptr(AtomrViewScene) scene = template_scene (round == 0 ? good_sample : bad_sample, good, 3);
      g_autoptr(GError) error = NULL;

      g_assert_true (gtk_fixture_render_scene (fixture, scene, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_fixture_widget (fixture, "rows/r1/#0"))), ==, "row 1");
      g_assert_cmpint (gtk_widget_get_halign (gtk_fixture_widget (fixture, "rows/r1/#1")), ==, GTK_ALIGN_END);
      g_assert_cmpint (gtk_widget_get_halign (gtk_fixture_widget (fixture, "rows/r2/#1")), ==, GTK_ALIGN_CENTER);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_fixture_widget (fixture, "rows/r2/#1"))), ==, "Go");
    }
  text = gtk_fixture_widget (fixture, "rows/r1/#0");
  button = gtk_fixture_widget (fixture, "rows/r1/#1");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(AtomrViewScene) scene = template_scene (refused[i].template, refused[i].haligns, 3);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (gtk_fixture_render_scene (fixture, scene, &error));
      g_assert_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE);
      if (strstr (error->message, refused[i].place) == NULL || strstr (error->message, "middle") == NULL)
        g_error ("case %u: “%s” does not say “%s” and “middle”", i, error->message, refused[i].place);
      g_assert_true (gtk_fixture_widget (fixture, "rows/r1/#0") == text);
      g_assert_true (gtk_fixture_widget (fixture, "rows/r1/#1") == button);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, "row 1");
      g_assert_cmpint (gtk_widget_get_halign (button), ==, GTK_ALIGN_END);
    }
}

/* A slot two levels down is checked like one at the top: a good value
 * reaches the button, and a bad one is refused with the button's place. */
static void
test_template_deep_slot_checked (GtkFixture    *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AtomrViewTemplate) template = row_template ("start", "1/0/halign", TRUE);
  g_autoptr(AtomrViewScene) good = NULL;
  g_autoptr(AtomrViewScene) bad = NULL;
  g_autoptr(GError) error = NULL;
  const char *good_haligns[] = { "start", "end", "center" };
  const char *bad_haligns[] = { "start", "end", "middle" };
  GtkWidget *button;

  good = template_scene (template, good_haligns, 3);
  g_assert_true (gtk_fixture_render_scene (fixture, good, &error));
  g_assert_no_error (error);
  button = gtk_fixture_widget (fixture, "rows/r1/#1/#0");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpint (gtk_widget_get_halign (button), ==, GTK_ALIGN_END);
  g_assert_cmpint (gtk_widget_get_halign (gtk_fixture_widget (fixture, "rows/r2/#1/#0")), ==, GTK_ALIGN_CENTER);

  bad = template_scene (template, bad_haligns, 3);
  g_assert_false (gtk_fixture_render_scene (fixture, bad, &error));
  g_assert_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE);
  if (strstr (error->message, "/rows/r2/#1/#0 (kind “button”)") == NULL || strstr (error->message, "middle") == NULL)
    g_error ("“%s” does not give the button's place and “middle”", error->message);
  g_assert_cmpint (gtk_widget_get_halign (gtk_fixture_widget (fixture, "rows/r2/#1/#0")), ==, GTK_ALIGN_CENTER);
  g_assert_true (gtk_fixture_widget (fixture, "rows/r1/#1/#0") == button);
}

/* The scene of test_first_child_into_empty() with one child in each: a
 * button in the box and a text in the list, both keyed and labelled @key. */
static char *
one_child_json (const char *key)
{
  return g_strdup_printf ("{\"kind\": \"container\", \"children\": ["
                          " {\"kind\": \"container\", \"key\": \"box\", \"children\": ["
                          "  {\"kind\": \"button\", \"key\": \"%s\", \"props\": {\"label\": \"%s\"}}]},"
                          " {\"kind\": \"list\", \"key\": \"items\", \"children\": ["
                          "  {\"kind\": \"text\", \"key\": \"%s\", \"props\": {\"text\": \"%s\"}}]}]}",
                          key, key, key, key);
}

/* The number of rows the list keyed "items" holds. */
static guint
n_items (GtkFixture *fixture)
{
  GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_fixture_widget (fixture, "items")));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
}

/* A box and a list that start empty get their first child, lose it, and get
 * another: each time the widget is there, in its parent, and then gone. */
static void
test_first_child_into_empty (GtkFixture    *fixture,
                             gconstpointer  data)
{
  const char *empty = "{\"kind\": \"container\", \"children\": ["
                      " {\"kind\": \"container\", \"key\": \"box\"},"
                      " {\"kind\": \"list\", \"key\": \"items\"}]}";
  const char *keys[] = { "a", "b" };
  GtkWidget *box;

  gtk_fixture_render (fixture, empty);
  gtk_fixture_wait_painted (fixture);
  box = gtk_fixture_widget (fixture, "box");
  g_assert_null (gtk_widget_get_first_child (box));
  g_assert_cmpuint (n_items (fixture), ==, 0);

  for (guint round = 0; round < G_N_ELEMENTS (keys); round++)
    {
      g_autofree char *one = one_child_json (keys[round]);
      g_autofree char *button_path = g_strdup_printf ("box/%s", keys[round]);
      g_autofree char *item_path = g_strdup_printf ("items/%s", keys[round]);
      GtkWidget *button;

      g_test_message ("round %u", round);
      gtk_fixture_render (fixture, one);
      gtk_fixture_wait_painted (fixture);
      button = gtk_fixture_widget (fixture, button_path);
      g_assert_true (gtk_fixture_widget (fixture, "box") == box);
      g_assert_true (gtk_widget_get_first_child (box) == button);
      g_assert_true (gtk_widget_get_last_child (box) == button);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, keys[round]);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_fixture_widget (fixture, item_path))), ==, keys[round]);
      g_assert_cmpuint (n_items (fixture), ==, 1);

      gtk_fixture_render (fixture, empty);
      gtk_fixture_wait_painted (fixture);
      g_assert_null (gtk_widget_get_first_child (box));
      g_assert_cmpuint (n_items (fixture), ==, 0);
      g_assert_null (gtk_fixture_find (fixture, button_path));
      g_assert_null (gtk_fixture_find (fixture, item_path));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_fixture_init (&argc, &argv);

  GTK_TEST ("/AtomrViewGtk/Patches/keyed-reorder-moves-widgets", test_keyed_reorder_moves_widgets);
  GTK_TEST_OWN_PATCHES ("/AtomrViewGtk/PatchesGiven/keyed-reorder-moves-widgets",
                        test_keyed_reorder_moves_widgets);
  GTK_TEST ("/AtomrViewGtk/Patches/entry-keeps-text-and-cursor", test_entry_keeps_text_and_cursor);
  GTK_TEST_OWN_PATCHES ("/AtomrViewGtk/PatchesGiven/entry-keeps-text-and-cursor",
                        test_entry_keeps_text_and_cursor);
  GTK_TEST ("/AtomrViewGtk/Patches/own-changes-report-nothing", test_own_changes_report_nothing);
  GTK_TEST ("/AtomrViewGtk/Patches/kind-change-replaces", test_kind_change_replaces);
  GTK_TEST ("/AtomrViewGtk/Patches/refused-scenes", test_refused_scenes);
  GTK_TEST_OWN_PATCHES ("/AtomrViewGtk/PatchesGiven/refused-scenes", test_refused_scenes);
  GTK_TEST ("/AtomrViewGtk/Patches/refused-patches", test_refused_patches);
  GTK_TEST ("/AtomrViewGtk/Patches/text-props-checked", test_text_props_checked);
  GTK_TEST ("/AtomrViewGtk/Patches/template-rows-checked", test_template_rows_checked);
  GTK_TEST ("/AtomrViewGtk/Patches/template-deep-slot-checked", test_template_deep_slot_checked);
  GTK_TEST ("/AtomrViewGtk/Patches/first-child-into-empty", test_first_child_into_empty);
  GTK_TEST_OWN_PATCHES ("/AtomrViewGtk/PatchesGiven/first-child-into-empty", test_first_child_into_empty);

  return g_test_run ();
}
