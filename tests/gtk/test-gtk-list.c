/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A `list` of 10 000 rows: only the rows in view have widgets, and keyed
 * changes reach the rows, in view or not. */
#include "gtk-fixture.h"

#include "atomr-view-gtk-row-private.h"

#define N_ROWS 10000

typedef struct
{
  char *key;
  char *text;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->key);
  g_free (row->text);
}

static GArray *
make_rows (guint n)
{
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), n);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  for (guint i = 0; i < n; i++)
    {
      Row row = { g_strdup_printf ("r%05u", i), g_strdup_printf ("Row %u", i) };

      g_array_append_val (rows, row);
    }
  return rows;
}

static AtomrViewNode *
build_node (AtomrViewNodeBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  AtomrViewNode *node = atomr_view_node_builder_build (builder, &error);

  g_assert_no_error (error);
  return node;
}

/* A row: a horizontal container of a label and a button. */
static AtomrViewNode *
row_node (const Row *row)
{
  g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) label = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNode) label_node = NULL;
  g_autoptr(AtomrViewNode) button_node = NULL;

  atomr_view_node_builder_set_key (label, "label");
  atomr_view_node_builder_set_string (label, ATOMR_VIEW_PROP_TEXT, row->text);
  label_node = build_node (label);
  atomr_view_node_builder_set_key (button, "remove");
  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_ICON_NAME, "edit-delete-symbolic");
  button_node = build_node (button);
  atomr_view_node_builder_set_key (box, row->key);
  atomr_view_node_builder_set_string (box, ATOMR_VIEW_PROP_ORIENTATION, "horizontal");
  atomr_view_node_builder_add_child (box, label_node);
  atomr_view_node_builder_add_child (box, button_node);
  return build_node (box);
}

/* A title, then @list_node. */
static AtomrViewScene *
scene_of_list (AtomrViewNode *list_node)
{
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) title = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNode) title_node = NULL;
  g_autoptr(AtomrViewNode) root_node = NULL;

  atomr_view_node_builder_set_key (title, "title");
  atomr_view_node_builder_set_string (title, ATOMR_VIEW_PROP_TEXT, "Rows");
  title_node = build_node (title);
  atomr_view_node_builder_add_child (root, title_node);
  atomr_view_node_builder_add_child (root, list_node);
  root_node = build_node (root);
  return atomr_view_scene_new (root_node);
}

static AtomrViewNode *
list_node_of (GArray *rows)
{
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);

  atomr_view_node_builder_set_key (list, "rows");
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(AtomrViewNode) row = row_node (&g_array_index (rows, Row, i));

      atomr_view_node_builder_add_child (list, row);
    }
  return build_node (list);
}

/* A title, then the list of @rows. */
static AtomrViewScene *
list_scene (GArray *rows)
{
  g_autoptr(AtomrViewNode) list_node = list_node_of (rows);

  return scene_of_list (list_node);
}

static void
render_rows (GtkFixture *fixture,
             GArray     *rows)
{
  g_autoptr(AtomrViewScene) scene = list_scene (rows);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (gtk_fixture_render_scene (fixture, scene, &error));
  g_assert_no_error (error);
  g_test_message ("rendered %u rows in %.1f ms", rows->len, (g_get_monotonic_time () - start) / 1000.0);
}

static guint
count_labels (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child);
  return n;
}

static GtkWidget *
list_view (GtkFixture *fixture)
{
  return gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_fixture_widget (fixture, "rows")));
}

static const char *
row_text (GtkFixture *fixture,
          const char *key)
{
  g_autofree char *path = g_strdup_printf ("rows/%s/label", key);
  GtkWidget *label = gtk_fixture_find (fixture, path);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The text of the topmost row widget the list view shows. */
static const char *
first_shown_text (GtkFixture *fixture)
{
  GtkWidget *best = NULL;
  double best_y = G_MAXDOUBLE;

  for (GtkWidget *item = gtk_widget_get_first_child (list_view (fixture)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_point_t point;

      if (row == NULL || !gtk_widget_get_mapped (item) ||
          !gtk_widget_compute_point (item, list_view (fixture), &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;
      if (point.y >= 0 && point.y < best_y)
        {
          best_y = point.y;
          best = gtk_widget_get_first_child (row);
        }
    }
  return best != NULL ? gtk_label_get_text (GTK_LABEL (best)) : NULL;
}

static void
test_ten_thousand_rows (GtkFixture    *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) rows = make_rows (N_ROWS);
  GListModel *model;
  GtkWidget *view, *row1_label;
  GtkAdjustment *adjustment;
  Row moved;
  guint labels;

  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  view = list_view (fixture);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r00000") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (row_text (fixture, "r00000"), ==, "Row 0");
  g_assert_cmpstr (first_shown_text (fixture), ==, "Row 0");
  g_assert_null (row_text (fixture, "r05000"));
  labels = count_labels (view);
  g_test_message ("%u row labels exist for %u rows", labels, N_ROWS);
  g_assert_cmpuint (labels, >, 0);
  g_assert_cmpuint (labels, <, 300);

  /* A prop of a row in view. */
  row1_label = gtk_fixture_widget (fixture, "rows/r00001/label");
  g_free (g_array_index (rows, Row, 1).text);
  g_array_index (rows, Row, 1).text = g_strdup ("Row one, edited");
  render_rows (fixture, rows);
  g_assert_true (gtk_fixture_widget (fixture, "rows/r00001/label") == row1_label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row1_label)), ==, "Row one, edited");

  /* A prop of a row out of view: it shows once scrolled to. */
  g_free (g_array_index (rows, Row, 5000).text);
  g_array_index (rows, Row, 5000).text = g_strdup ("Row 5000, edited");
  render_rows (fixture, rows);
  g_assert_null (row_text (fixture, "r05000"));

  /* Remove the first row, move the last to the top, insert a new second row. */
  g_array_remove_index (rows, 0);
  moved = g_array_index (rows, Row, rows->len - 1);
  g_array_set_clear_func (rows, NULL);   /* the last row moves: its strings stay */
  g_array_set_size (rows, rows->len - 1);
  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  g_array_insert_val (rows, 0, moved);
  {
    Row fresh = { g_strdup ("new"), g_strdup ("A new row") };

    g_array_insert_val (rows, 1, fresh);
  }
  render_rows (fixture, rows);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS);
  gtk_fixture_wait_painted (fixture);
  g_assert_null (gtk_fixture_find (fixture, "rows/r00000"));
  /* The view keeps the row it showed at the top where it was; the new ones are above it. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_test_message ("top row after the edit: %s", first_shown_text (fixture));
  gtk_adjustment_set_value (adjustment, 0);
  ATOMR_VIEW_TEST_WAIT_UNTIL (g_strcmp0 (first_shown_text (fixture), "Row 9999") == 0, TEST_DEADLINE_MS);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "new") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (row_text (fixture, "new"), ==, "A new row");
  g_assert_cmpstr (row_text (fixture, "r00001"), ==, "Row one, edited");

  /* Scroll to the middle: row 5000 gets widgets, made from its newest node. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 5001.0 / N_ROWS);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r05000") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (row_text (fixture, "r05000"), ==, "Row 5000, edited");
  labels = count_labels (view);
  g_assert_cmpuint (labels, <, 300);

  /* Everything goes. */
  g_array_set_size (rows, 0);
  render_rows (fixture, rows);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_fixture_wait_painted (fixture);
  g_assert_cmpuint (count_labels (view), ==, 0);
}

static void
test_row_events (GtkFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(GArray) rows = make_rows (50);
  AtomrViewEvent *event;
  GtkWidget *button;

  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  ATOMR_VIEW_TEST_WAIT_UNTIL ((button = gtk_fixture_find (fixture, "rows/r00002/remove")) != NULL, TEST_DEADLINE_MS);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (fixture->events->len, ==, 1);
  event = g_ptr_array_index (fixture->events, 0);
  {
    g_autofree char *path = g_strjoinv ("/", (char **) atomr_view_event_get_path (event));

    g_assert_cmpstr (path, ==, "rows/r00002/remove");
  }
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_CLICKED);
}

static void
render_list (GtkFixture    *fixture,
             AtomrViewNode *list_node)
{
  g_autoptr(AtomrViewScene) scene = scene_of_list (list_node);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_fixture_render_scene (fixture, scene, &error));
  g_assert_no_error (error);
}

/* A list edited from the last one (new_from_node()) shares its rows and
 * their runs, which the backend passes over without looking at them; the
 * rows that changed show their new nodes, in view or once scrolled to, and
 * so do rows appended at the end. */
static void
test_rows_shared_with_the_last_list (GtkFixture    *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GArray) rows = make_rows (1000);
  g_autoptr(AtomrViewNode) first = list_node_of (rows);
  g_autoptr(AtomrViewNode) second = NULL;
  g_autoptr(AtomrViewNode) third = NULL;
  g_autoptr(AtomrViewNodeBuilder) edit = NULL;
  GtkAdjustment *adjustment;
  GListModel *model;
  GtkWidget *label1;

  render_list (fixture, first);
  gtk_fixture_wait_painted (fixture);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r00001") != NULL, TEST_DEADLINE_MS);
  label1 = gtk_fixture_widget (fixture, "rows/r00001/label");
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view (fixture))));

  /* Rows 1 (in view) and 700 (out of view) change; nothing moves. */
  edit = atomr_view_node_builder_new_from_node (first);
  {
    Row one = { "r00001", "Row one, edited" };
    Row seven_hundred = { "r00700", "Row 700, edited" };
    g_autoptr(AtomrViewNode) one_node = row_node (&one);
    g_autoptr(AtomrViewNode) seven_hundred_node = row_node (&seven_hundred);

    atomr_view_node_builder_set_child (edit, 1, one_node);
    atomr_view_node_builder_set_child (edit, 700, seven_hundred_node);
  }
  second = build_node (edit);
  render_list (fixture, second);
  g_assert_true (gtk_fixture_widget (fixture, "rows/r00001/label") == label1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label1)), ==, "Row one, edited");
  g_assert_null (row_text (fixture, "r00700"));

  /* Scrolled to, row 700 gets widgets made from its newest node. */
  gtk_fixture_wait_painted (fixture);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view (fixture)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 700.0 / 1000);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r00700") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (row_text (fixture, "r00700"), ==, "Row 700, edited");
  g_assert_cmpstr (row_text (fixture, "r00701"), ==, "Row 701");

  /* Then 100 rows come at the end of that list; the last is shown once scrolled to. */
  for (guint i = 1000; i < 1100; i++)
    {
      g_autofree char *key = g_strdup_printf ("r%05u", i);
      g_autofree char *text = g_strdup_printf ("Row %u", i);
      Row row = { key, text };
      g_autoptr(AtomrViewNode) node = row_node (&row);

      atomr_view_node_builder_add_child (edit, node);
    }
  third = build_node (edit);
  render_list (fixture, third);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1100);
  g_assert_cmpstr (row_text (fixture, "r00700"), ==, "Row 700, edited");
  gtk_fixture_wait_painted (fixture);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r01099") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (row_text (fixture, "r01099"), ==, "Row 1099");
}

/* Rows in view keep their widgets when a row above them goes or rows move
 * across them: GTK unbinds and binds them again at their new positions. */
static void
test_rows_keep_widgets (GtkFixture    *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) rows = make_rows (50);
  GtkWidget *label10, *label1;
  Row moved;

  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r00010") != NULL, TEST_DEADLINE_MS);
  label10 = gtk_fixture_widget (fixture, "rows/r00010/label");
  label1 = gtk_fixture_widget (fixture, "rows/r00001/label");

  g_array_remove_index (rows, 3);
  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  g_assert_true (gtk_fixture_find (fixture, "rows/r00010/label") == label10);
  g_assert_null (gtk_fixture_find (fixture, "rows/r00003"));

  /* Swap the second row and the one before last. */
  moved = g_array_index (rows, Row, 1);
  g_array_index (rows, Row, 1) = g_array_index (rows, Row, rows->len - 2);
  g_array_index (rows, Row, rows->len - 2) = moved;
  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  g_assert_true (gtk_fixture_find (fixture, "rows/r00010/label") == label10);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label10)), ==, "Row 10");
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r00048") != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (first_shown_text (fixture), ==, "Row 0");
  if (gtk_fixture_find (fixture, "rows/r00001/label") != NULL)
    g_assert_true (gtk_fixture_find (fixture, "rows/r00001/label") == label1);
}

/* New rows of the same shape take over the widgets of rows that went, and
 * then behave as their own: their text, their key in events. */
static void
test_rows_take_over_widgets (GtkFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr(GArray) rows = make_rows (20);
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (Row));
  GtkWidget *old_label, *new_label, *button;
  AtomrViewEvent *event;

  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  ATOMR_VIEW_TEST_WAIT_UNTIL (row_text (fixture, "r00002") != NULL, TEST_DEADLINE_MS);
  old_label = g_object_ref (gtk_fixture_widget (fixture, "rows/r00002/label"));

  g_array_set_clear_func (fresh, (GDestroyNotify) row_clear);
  for (guint i = 0; i < 20; i++)
    {
      Row row = { g_strdup_printf ("n%02u", i), g_strdup_printf ("Fresh %u", i) };

      g_array_append_val (fresh, row);
    }
  render_rows (fixture, fresh);
  gtk_fixture_wait_painted (fixture);
  g_assert_null (gtk_fixture_find (fixture, "rows/r00002"));
  for (guint i = 0; i < 20; i++)
    {
      const char *text = row_text (fixture, g_array_index (fresh, Row, i).key);

      if (text != NULL)
        g_assert_cmpstr (text, ==, g_array_index (fresh, Row, i).text);
    }
  /* Some new row shows the old label widget, with its own text now. */
  new_label = NULL;
  for (guint i = 0; i < 20 && new_label == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("rows/%s/label", g_array_index (fresh, Row, i).key);

      if (gtk_fixture_find (fixture, path) == old_label)
        new_label = old_label;
    }
  g_assert_true (new_label == old_label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (old_label)), "Fresh "));
  g_object_unref (old_label);

  ATOMR_VIEW_TEST_WAIT_UNTIL ((button = gtk_fixture_find (fixture, "rows/n02/remove")) != NULL, TEST_DEADLINE_MS);
  g_ptr_array_set_size (fixture->events, 0);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (fixture->events->len, ==, 1);
  event = g_ptr_array_index (fixture->events, 0);
  {
    g_autofree char *path = g_strjoinv ("/", (char **) atomr_view_event_get_path (event));

    g_assert_cmpstr (path, ==, "rows/n02/remove");
  }
}

/* What the list view has been told, change by change, matches the rows. */
typedef struct
{
  GPtrArray *items;
  gboolean   bad;
} Shadow;

static void
shadow_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Shadow     *shadow)
{
  if (position + removed > shadow->items->len)
    {
      shadow->bad = TRUE;
      return;
    }
  g_ptr_array_remove_range (shadow->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->items, position + i, g_list_model_get_item (model, position + i));
}

static void
test_model_changes (GtkFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) rows = make_rows (40);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Shadow shadow = { g_ptr_array_new_with_free_func (g_object_unref), FALSE };
  GListModel *model;
  guint next = 1000;

  render_rows (fixture, rows);
  gtk_fixture_wait_painted (fixture);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view (fixture))));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (shadow.items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (shadow_items_changed_cb), &shadow);

  for (guint round = 0; round < 60; round++)
    {
      guint n_edits = (guint) g_rand_int_range (rand, 1, 12);

      for (guint edit = 0; edit < n_edits; edit++)
        {
          guint at = rows->len > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) rows->len) : 0;
          Row row = { g_strdup_printf ("n%u", next), g_strdup_printf ("New %u", next) };

          next++;
          switch (g_rand_int_range (rand, 0, 5))
            {
            case 0:   /* a new row */
              g_array_insert_val (rows, at, row);
              break;
            case 1:   /* a row goes */
              row_clear (&row);
              if (rows->len > 0)
                g_array_remove_index (rows, at);
              break;
            case 2:   /* a new row where one was */
              if (rows->len > 0)
                {
                  row_clear (&g_array_index (rows, Row, at));
                  g_array_index (rows, Row, at) = row;
                }
              else
                g_array_append_val (rows, row);
              break;
            case 3:   /* a row moves */
              row_clear (&row);
              if (rows->len > 1)
                {
                  Row taken = g_array_index (rows, Row, at);
                  guint to = (guint) g_rand_int_range (rand, 0, (gint32) rows->len - 1);

                  g_array_set_clear_func (rows, NULL);
                  g_array_remove_index (rows, at);
                  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
                  g_array_insert_val (rows, to, taken);
                }
              break;
            default:  /* a row's text changes */
              g_free (row.key);
              if (rows->len > 0)
                {
                  g_free (g_array_index (rows, Row, at).text);
                  g_array_index (rows, Row, at).text = row.text;
                }
              else
                g_free (row.text);
              break;
            }
        }
      render_rows (fixture, rows);
      g_assert_false (shadow.bad);
      g_assert_cmpuint (shadow.items->len, ==, g_list_model_get_n_items (model));
      g_assert_cmpuint (shadow.items->len, ==, rows->len);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          AtomrViewGtkMirror *mirror = atomr_view_gtk_row_get_mirror (ATOMR_VIEW_GTK_ROW (item));

          g_assert_true (item == g_ptr_array_index (shadow.items, i));
          g_assert_nonnull (mirror);
          g_assert_cmpstr (atomr_view_node_get_key (mirror->node), ==, g_array_index (rows, Row, i).key);
        }
      /* Every row that has widgets (made afresh, kept, or taken over from a
       * row that went) shows its own text. */
      if (round % 10 == 0)
        gtk_fixture_wait_painted (fixture);
      for (guint i = 0; i < rows->len; i++)
        {
          const char *text = row_text (fixture, g_array_index (rows, Row, i).key);

          if (text != NULL)
            g_assert_cmpstr (text, ==, g_array_index (rows, Row, i).text);
        }
    }
  g_signal_handlers_disconnect_by_data (model, &shadow);
  g_ptr_array_unref (shadow.items);
}

int
main (int   argc,
      char *argv[])
{
  gtk_fixture_init (&argc, &argv);

  GTK_TEST ("/AtomrViewGtk/List/ten-thousand-rows", test_ten_thousand_rows);
  GTK_TEST ("/AtomrViewGtk/List/row-events", test_row_events);
  GTK_TEST ("/AtomrViewGtk/List/rows-keep-widgets", test_rows_keep_widgets);
  GTK_TEST ("/AtomrViewGtk/List/rows-shared-with-the-last-list", test_rows_shared_with_the_last_list);
  GTK_TEST ("/AtomrViewGtk/List/rows-take-over-widgets", test_rows_take_over_widgets);
  GTK_TEST ("/AtomrViewGtk/List/model-changes", test_model_changes);

  return g_test_run ();
}
