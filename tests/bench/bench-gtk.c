/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The nine js-framework-benchmark operations on a keyed list of rows, each
 * timed from the moment it is asked for until GTK has painted the frame that
 * shows it, done three ways in one process:
 *
 *  - atomr-view: the UI thread tells a window actor (on a dispatcher thread)
 *    what to do; the actor builds its new scene and posts it; the bridge
 *    diffs it against what the window shows and the GTK backend patches the
 *    widgets (a GtkListView of rows, each a GtkBox of two GtkLabels and a
 *    GtkButton). The actor keeps each row's node until the row changes, and
 *    when rows only changed in place (update, select) or came at the end
 *    (append) it makes the list from the last one with those rows replaced
 *    (it notes which, at the change, as the hand-written code touches only
 *    those) and the new ones added;
 *  - atomr-view on the `ui` dispatcher: the same window actor, run on the
 *    UI thread, so that neither the request nor the scene crosses threads;
 *  - hand-written GTK: the same widgets, made by a GtkSignalListItemFactory
 *    over a GListStore of row objects, changed directly on the UI thread.
 *
 * After a warm-up round each, every step is done on the three systems in
 * turn, in an order that rotates from one step to the next, so that the
 * three samples of a step are moments apart; only the measured window is
 * mapped (shown before its step, hidden after).
 * After every step the number of rows and the rows in view (their labels,
 * and which is selected) must read the same on every system, or the bench
 * stops with an error (with --only there is nothing to compare). Before
 * each step the window has not painted for 40 ms, so the frame clock may
 * paint at once. Prints one JSON object per measured step:
 *   {"op": ..., "system": ..., "rep": N, "ms": total, "before_frame_ms": ...,
 *    "frame_ms": ..., "script_ms": ..., "render_ms": ...}
 * where ms runs from the request to the end of the first frame painted after
 * the change took effect (GdkFrameClock::after-paint), before_frame_ms up to
 * that frame's start (::before-paint), frame_ms is the frame itself,
 * script_ms the step's own work (the actor's, posting included, or the
 * hand-written code's) and render_ms the bridge's diff and the backend's
 * patching on the UI thread. tests/bench/suites/gtk.py makes medians, p95
 * and ratios of them. Run it on a display (Xvfb) with GSK_RENDERER=cairo.
 *
 *   bench-gtk [--quick] [--reps N] [--only atomr-view|atomr-view-ui|hand] [--callgrind] [--after-click]
 *
 * --after-click asks each step the way a click on a button does: with the
 * window to be painted again already (the button's pressed look), so the
 * frame clock paints at once, whether the change has come or not.
 * --only runs one of them, for a profiler. --callgrind is for a run under
 * valgrind --tool=callgrind: it zeroes the counts before each measured step
 * and dumps them after it, with "SYSTEM|OP" as the dump's reason, so that
 * each step's instructions (all threads) land in a file of their own
 * (tests/bench/suites/gtk_instructions.py reads them). */
#include <stdatomic.h>
#ifdef HAVE_CALLGRIND_H
#include <valgrind/callgrind.h>
#endif
#include <stdio.h>
#include <string.h>

#include <atomr-view-gtk.h>

#include "bench-labels.h"

#define SETTLE_US        (40 * 1000)     /* no frame for this long: the window is quiet */
#define DEADLINE_US      (30 * G_USEC_PER_SEC)
#define WINDOW_WIDTH     560             /* the GTK backend's default window size */
#define WINDOW_HEIGHT    480

/* Set by --callgrind: each measured step's instructions in a dump of their own. */
static gboolean count_instructions;
static gboolean after_click;

/* -- the steps ------------------------------------------------------------- */

typedef enum
{
  OP_CREATE,     /* replace whatever is there by N new rows */
  OP_APPEND,     /* N new rows at the end */
  OP_UPDATE,     /* every Nth row's label gets " !!!" */
  OP_SELECT,     /* row N is the selected one */
  OP_SWAP,       /* rows 1 and N swap places */
  OP_REMOVE,     /* row N goes */
  OP_CLEAR,
} Op;

typedef struct
{
  const char *name;    /* NULL: a step that sets up the next, not measured */
  Op          op;
  guint       arg;
} Step;

/* Each repetition, for each system. Row numbers count from 0: "swap rows 2
 * and 999" swaps 1 and 998; the selected row and the removed one are in view.
 * Every step changes what is shown, so each ends with a frame; the list is
 * empty before the first and after the last. */
static const Step steps[] = {
  { "01 create 1 000 rows", OP_CREATE, 1000 },
  { "02 replace all 1 000 rows", OP_CREATE, 1000 },
  { "03 update every 10th row (of 1 000)", OP_UPDATE, 10 },
  { "04 select a row", OP_SELECT, 1 },
  { "05 swap rows 2 and 999", OP_SWAP, 998 },
  { "06 remove a row", OP_REMOVE, 3 },
  { NULL, OP_CLEAR, 0 },
  { "07 create 10 000 rows", OP_CREATE, 10000 },
  { NULL, OP_CLEAR, 0 },
  { NULL, OP_CREATE, 1000 },
  { "08 append 1 000 rows to 1 000", OP_APPEND, 1000 },
  { NULL, OP_CREATE, 1000 },
  { "09 clear 1 000 rows", OP_CLEAR, 0 },
};

/* -- atomr-view: a window actor that owns the rows --------------------------- */

typedef struct
{
  char           id[12];     /* the record's id, as text: also the row's key */
  char          *label;
  gboolean       selected;
  AtomrViewNode *node;       /* made from the fields above; rows that do not change keep theirs */
  guint          index;      /* the row's place in the list last rendered */
} Row;

static void
row_free (Row *row)
{
  g_free (row->label);
  g_clear_pointer (&row->node, atomr_view_node_unref);
  g_free (row);
}

/* A row: a box of its id, its label and a delete button. The delete button
 * is the same in every row: one node, shared by all (nodes are immutable;
 * the GTK backend still makes a button per row shown). */
static AtomrViewNode *
row_sample (gboolean selected)
{
  g_autoptr(AtomrViewNodeBuilder) remove = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNodeBuilder) id = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) label = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) remove_node = NULL;
  g_autoptr(AtomrViewNode) id_node = NULL;
  g_autoptr(AtomrViewNode) label_node = NULL;

  atomr_view_node_builder_set_string (remove, ATOMR_VIEW_PROP_ICON_NAME, "edit-delete-symbolic");
  remove_node = atomr_view_node_builder_end (remove, NULL);
  atomr_view_node_builder_set_string (id, ATOMR_VIEW_PROP_TEXT, "");
  id_node = atomr_view_node_builder_end (id, NULL);
  atomr_view_node_builder_set_string (label, ATOMR_VIEW_PROP_TEXT, "");
  atomr_view_node_builder_set_boolean (label, ATOMR_VIEW_PROP_HEXPAND, TRUE);
  atomr_view_node_builder_set_double (label, "xalign", 0.0);
  label_node = atomr_view_node_builder_end (label, NULL);

  atomr_view_node_builder_set_string (box, ATOMR_VIEW_PROP_ORIENTATION, "horizontal");
  atomr_view_node_builder_set_int (box, ATOMR_VIEW_PROP_SPACING, 12);
  if (selected)
    {
      const char *classes[] = { "danger", NULL };

      atomr_view_node_builder_set_prop (box, ATOMR_VIEW_PROP_CSS_CLASSES, g_variant_new_strv (classes, -1));
    }
  atomr_view_node_builder_add_child (box, id_node);
  atomr_view_node_builder_add_child (box, label_node);
  atomr_view_node_builder_add_child (box, remove_node);
  return atomr_view_node_builder_end (box, NULL);
}

/* Rows are made from a template of that sample whose holes are the two
 * texts: one for rows that are selected and one for the others. */
typedef struct
{
  AtomrViewTemplate *plain;
  AtomrViewTemplate *selected;
} RowTemplates;

static AtomrViewTemplate *
row_template (gboolean selected)
{
  static const char * const slots[] = { "0/text", "1/text", NULL };
  g_autoptr(AtomrViewNode) sample = row_sample (selected);
  g_autoptr(GError) error = NULL;
  AtomrViewTemplate *template = atomr_view_template_new (sample, slots, &error);

  g_assert_no_error (error);
  return template;
}

static void
row_templates_init (RowTemplates *templates)
{
  templates->plain = row_template (FALSE);
  templates->selected = row_template (TRUE);
}

static void
row_templates_clear (RowTemplates *templates)
{
  g_clear_pointer (&templates->plain, atomr_view_template_unref);
  g_clear_pointer (&templates->selected, atomr_view_template_unref);
}

static AtomrViewNode *
row_node (Row          *row,
          RowTemplates *templates)
{
  const char *texts[2];

  if (row->node != NULL)
    return row->node;

  texts[0] = row->id;
  texts[1] = row->label;
  /* The id is unique: it is the row's key as it is. */
  row->node = atomr_view_template_make_strings (row->selected ? templates->selected : templates->plain,
                                                row->id, texts, G_N_ELEMENTS (texts), NULL);
  g_assert (row->node != NULL);
  return row->node;
}

#define BENCH_TYPE_TABLE (bench_table_get_type ())
G_DECLARE_FINAL_TYPE (BenchTable, bench_table, BENCH, TABLE, AtomrViewWindowActor)

struct _BenchTable
{
  AtomrViewWindowActor  parent_instance;
  GPtrArray            *rows;       /* Row */
  RowTemplates          templates;
  AtomrViewNode        *list;       /* the last list rendered, or NULL when rows went or moved since */
  guint                 next_id;
  Row                  *selected;
  GArray               *changed;    /* guint: the places of rows changed in place since the last list */
};

G_DEFINE_FINAL_TYPE (BenchTable, bench_table, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

/* The row needs a new node; the list is made again at the rows' places
 * that changed, as hand-written code changes only the rows it touches. */
static void
row_changed (BenchTable *self,
             Row        *row)
{
  if (row->node == NULL)
    return;
  g_clear_pointer (&row->node, atomr_view_node_unref);
  g_array_append_val (self->changed, row->index);
}

static AtomrViewNode *
bench_table_render (AtomrViewWindowActor *actor)
{
  BenchTable *self = BENCH_TABLE (actor);
  g_autoptr(AtomrViewNodeBuilder) list = NULL;
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);

  if (self->list == NULL)
    {
      list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
      atomr_view_node_builder_set_key (list, "rows");
      for (guint i = 0; i < self->rows->len; i++)
        {
          Row *row = g_ptr_array_index (self->rows, i);

          row->index = i;
          atomr_view_node_builder_add_child (list, row_node (row, &self->templates));
        }
    }
  else
    {
      /* Rows changed in place or came at the end: the last list with those
       * rows replaced and the new ones added, which spares adding a
       * thousand rows and comparing their keys again. */
      list = atomr_view_node_builder_new_from_node (self->list);
      for (guint i = 0; i < self->changed->len; i++)
        {
          guint index = g_array_index (self->changed, guint, i);
          Row *row = g_ptr_array_index (self->rows, index);

          atomr_view_node_builder_set_child (list, index, row_node (row, &self->templates));
        }
      for (guint i = atomr_view_node_builder_get_n_children (list); i < self->rows->len; i++)
        {
          Row *row = g_ptr_array_index (self->rows, i);

          row->index = i;
          atomr_view_node_builder_add_child (list, row_node (row, &self->templates));
        }
      atomr_view_node_unref (self->list);
    }
  g_array_set_size (self->changed, 0);
  self->list = atomr_view_node_builder_end (list, NULL);
  atomr_view_node_builder_add_child (root, self->list);
  return atomr_view_node_builder_end (root, NULL);
}

static Row *
new_row (BenchTable *self,
         GRand      *rand)
{
  Row *row = g_new0 (Row, 1);

  g_snprintf (row->id, sizeof row->id, "%u", self->next_id++);
  row->label = bench_random_label (rand);
  return row;
}

/* How long the actor took for its last step, posting the scene included
 * (a figure to explain the others: the UI thread may read it a moment
 * before the actor has stored it). */
static _Atomic gint64 actor_us;

static void
bench_table_do (BenchTable *self,
                Op          op,
                guint       arg,
                guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(AtomrViewNode) root = NULL;
  gint64 started = g_get_monotonic_time ();

  switch (op)
    {
    case OP_CREATE:
      g_clear_pointer (&self->list, atomr_view_node_unref);
      self->selected = NULL;
      g_ptr_array_set_size (self->rows, 0);
      /* fall through */
    case OP_APPEND:
      for (guint i = 0; i < arg; i++)
        g_ptr_array_add (self->rows, new_row (self, rand));
      break;
    case OP_UPDATE:
      for (guint i = 0; i < self->rows->len; i += arg)
        {
          Row *row = g_ptr_array_index (self->rows, i);
          char *label = g_strconcat (row->label, " !!!", NULL);

          g_free (row->label);
          row->label = label;
          row_changed (self, row);
        }
      break;
    case OP_SELECT:
      if (self->selected != NULL)
        {
          self->selected->selected = FALSE;
          row_changed (self, self->selected);
        }
      self->selected = g_ptr_array_index (self->rows, arg);
      self->selected->selected = TRUE;
      row_changed (self, self->selected);
      break;
    case OP_SWAP:
      {
        gpointer first = self->rows->pdata[1];

        g_clear_pointer (&self->list, atomr_view_node_unref);
        self->rows->pdata[1] = self->rows->pdata[arg];
        self->rows->pdata[arg] = first;
      }
      break;
    case OP_REMOVE:
      g_clear_pointer (&self->list, atomr_view_node_unref);
      if (g_ptr_array_index (self->rows, arg) == self->selected)
        self->selected = NULL;
      g_ptr_array_remove_index (self->rows, arg);
      break;
    case OP_CLEAR:
      g_clear_pointer (&self->list, atomr_view_node_unref);
      self->selected = NULL;
      g_ptr_array_set_size (self->rows, 0);
      break;
    default:
      g_assert_not_reached ();
    }

  root = bench_table_render (ATOMR_VIEW_WINDOW_ACTOR (self));
  atomr_view_window_actor_set_root (ATOMR_VIEW_WINDOW_ACTOR (self), root);
  atomic_store (&actor_us, g_get_monotonic_time () - started);
}

static gboolean
bench_table_receive_message (AtomrViewWindowActor  *actor,
                             AtomrViewContext      *context,
                             GVariant              *message,
                             GError               **error)
{
  guint32 op, arg, seed;

  if (!g_variant_is_of_type (message, G_VARIANT_TYPE ("(uuu)")))
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (bench_table_parent_class)->receive_message (actor, context, message, error);
  g_variant_get (message, "(uuu)", &op, &arg, &seed);
  bench_table_do (BENCH_TABLE (actor), (Op) op, arg, seed);
  return TRUE;
}

static void
bench_table_finalize (GObject *object)
{
  BenchTable *self = BENCH_TABLE (object);

  g_ptr_array_unref (self->rows);
  g_array_unref (self->changed);
  row_templates_clear (&self->templates);
  g_clear_pointer (&self->list, atomr_view_node_unref);

  G_OBJECT_CLASS (bench_table_parent_class)->finalize (object);
}

static void
bench_table_class_init (BenchTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_table_finalize;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = bench_table_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->receive_message = bench_table_receive_message;
}

static void
bench_table_init (BenchTable *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->changed = g_array_new (FALSE, FALSE, sizeof (guint));
  row_templates_init (&self->templates);
  self->next_id = 1;
}

/* -- hand-written GTK: row objects in a GListStore --------------------------- */

#define BENCH_TYPE_ITEM (bench_item_get_type ())
G_DECLARE_FINAL_TYPE (BenchItem, bench_item, BENCH, ITEM, GObject)

struct _BenchItem
{
  GObject   parent_instance;
  guint     id;
  char     *label;
  gboolean  selected;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_LABEL,
  ITEM_PROP_SELECTED,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (BenchItem, bench_item, G_TYPE_OBJECT)

static void
bench_item_set_label (BenchItem  *self,
                      const char *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_LABEL]);
}

static void
bench_item_set_selected (BenchItem *self,
                         gboolean   selected)
{
  if (self->selected == selected)
    return;
  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_SELECTED]);
}

static void
bench_item_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BenchItem *self = BENCH_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case ITEM_PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bench_item_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BenchItem *self = BENCH_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_LABEL:
      bench_item_set_label (self, g_value_get_string (value));
      break;
    case ITEM_PROP_SELECTED:
      bench_item_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bench_item_finalize (GObject *object)
{
  g_free (BENCH_ITEM (object)->label);

  G_OBJECT_CLASS (bench_item_parent_class)->finalize (object);
}

static void
bench_item_class_init (BenchItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bench_item_get_property;
  object_class->set_property = bench_item_set_property;
  object_class->finalize = bench_item_finalize;

  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
bench_item_init (BenchItem *self)
{
}

typedef struct
{
  GtkWidget  *window;
  GListStore *store;
  BenchItem  *selected;
  guint       next_id;
} Hand;

/* The widgets of one row, kept on the GtkListItem between setup and teardown. */
typedef struct
{
  GtkWidget *box;
  GtkLabel  *id;
  GtkLabel  *label;
  GBinding  *label_binding;
  BenchItem *item;
  gulong     selected_handler;
} HandRow;

static void
hand_row_free (HandRow *row)
{
  g_free (row);
}

static void
hand_remove_clicked_cb (GtkButton   *button,
                        GtkListItem *list_item)
{
  Hand *hand = g_object_get_data (G_OBJECT (list_item), "bench-hand");
  guint position = gtk_list_item_get_position (list_item);

  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_remove (hand->store, position);
}

static void
hand_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Hand                     *hand)
{
  HandRow *row = g_new0 (HandRow, 1);
  GtkWidget *remove;

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row->id = GTK_LABEL (gtk_label_new (NULL));
  row->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (row->label), TRUE);
  gtk_label_set_xalign (row->label, 0.0);
  remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_signal_connect (remove, "clicked", G_CALLBACK (hand_remove_clicked_cb), list_item);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->id));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->label));
  gtk_box_append (GTK_BOX (row->box), remove);
  gtk_list_item_set_child (list_item, row->box);
  g_object_set_data (G_OBJECT (list_item), "bench-hand", hand);
  g_object_set_data_full (G_OBJECT (list_item), "bench-row", row, (GDestroyNotify) hand_row_free);
}

static void
hand_sync_selected (HandRow *row)
{
  if (row->item->selected)
    gtk_widget_add_css_class (row->box, "danger");
  else
    gtk_widget_remove_css_class (row->box, "danger");
}

static void
hand_selected_cb (BenchItem  *item,
                  GParamSpec *pspec,
                  HandRow    *row)
{
  hand_sync_selected (row);
}

static void
hand_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Hand                     *hand)
{
  HandRow *row = g_object_get_data (G_OBJECT (list_item), "bench-row");
  char id[16];

  row->item = gtk_list_item_get_item (list_item);
  g_snprintf (id, sizeof id, "%u", row->item->id);
  gtk_label_set_text (row->id, id);
  row->label_binding = g_object_bind_property (row->item, "label", row->label, "label", G_BINDING_SYNC_CREATE);
  row->selected_handler = g_signal_connect (row->item, "notify::selected", G_CALLBACK (hand_selected_cb), row);
  hand_sync_selected (row);
}

static void
hand_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                Hand                     *hand)
{
  HandRow *row = g_object_get_data (G_OBJECT (list_item), "bench-row");

  g_binding_unbind (row->label_binding);
  row->label_binding = NULL;
  g_clear_signal_handler (&row->selected_handler, row->item);
  row->item = NULL;
}

static Hand *
hand_new (void)
{
  Hand *hand = g_new0 (Hand, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;

  hand->next_id = 1;
  hand->store = g_list_store_new (BENCH_TYPE_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (hand_setup_cb), hand);
  g_signal_connect (factory, "bind", G_CALLBACK (hand_bind_cb), hand);
  g_signal_connect (factory, "unbind", G_CALLBACK (hand_unbind_cb), hand);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (hand->store)))),
                            factory);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (root), scrolled);

  hand->window = g_object_ref_sink (gtk_window_new ());
  gtk_window_set_title (GTK_WINDOW (hand->window), "hand-written");
  gtk_window_set_default_size (GTK_WINDOW (hand->window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (hand->window), root);
  return hand;
}

static void
hand_free (Hand *hand)
{
  gtk_window_destroy (GTK_WINDOW (hand->window));
  g_object_unref (hand->window);
  g_object_unref (hand->store);
  g_free (hand);
}

static BenchItem *
hand_new_item (Hand  *hand,
               GRand *rand)
{
  BenchItem *item = g_object_new (BENCH_TYPE_ITEM, NULL);

  item->id = hand->next_id++;
  item->label = bench_random_label (rand);
  return item;
}

static void
hand_add_rows (Hand  *hand,
               guint  position,
               guint  removed,
               guint  n,
               GRand *rand)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, hand_new_item (hand, rand));
  g_list_store_splice (hand->store, position, removed, items->pdata, n);
}

static void
hand_do (Hand    *hand,
         Op       op,
         guint    arg,
         guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (hand->store));

  switch (op)
    {
    case OP_CREATE:
      hand->selected = NULL;
      hand_add_rows (hand, 0, n, arg, rand);
      break;
    case OP_APPEND:
      hand_add_rows (hand, n, 0, arg, rand);
      break;
    case OP_UPDATE:
      for (guint i = 0; i < n; i += arg)
        {
          g_autoptr(BenchItem) item = g_list_model_get_item (G_LIST_MODEL (hand->store), i);
          g_autofree char *label = g_strconcat (item->label, " !!!", NULL);

          bench_item_set_label (item, label);
        }
      break;
    case OP_SELECT:
      {
        g_autoptr(BenchItem) item = g_list_model_get_item (G_LIST_MODEL (hand->store), arg);

        if (hand->selected != NULL)
          bench_item_set_selected (hand->selected, FALSE);
        hand->selected = item;
        bench_item_set_selected (item, TRUE);
      }
      break;
    case OP_SWAP:
      {
        g_autoptr(BenchItem) first = g_list_model_get_item (G_LIST_MODEL (hand->store), 1);
        g_autoptr(BenchItem) second = g_list_model_get_item (G_LIST_MODEL (hand->store), arg);

        g_list_store_splice (hand->store, 1, 1, (gpointer *) &second, 1);
        g_list_store_splice (hand->store, arg, 1, (gpointer *) &first, 1);
      }
      break;
    case OP_REMOVE:
      {
        g_autoptr(BenchItem) item = g_list_model_get_item (G_LIST_MODEL (hand->store), arg);

        if (item == hand->selected)
          hand->selected = NULL;
        g_list_store_remove (hand->store, arg);
      }
      break;
    case OP_CLEAR:
      hand->selected = NULL;
      g_list_store_remove_all (hand->store);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* -- measuring ------------------------------------------------------------- */

typedef enum
{
  SYSTEM_ATOMR,
  SYSTEM_ATOMR_UI,
  SYSTEM_HAND,
  N_SYSTEMS
} System;

static const char * const system_names[] = { "atomr-view", "atomr-view, ui dispatcher", "hand-written GTK" };
static const char * const system_options[] = { "atomr-view", "atomr-view-ui", "hand" };
static const char * const window_ids[] = { "table", "table-ui" };

typedef struct
{
  System             system;
  GtkWidget         *window;
  GdkFrameClock     *clock;
  gint64             last_paint;       /* after-paint of the newest frame */
  gint64             frame_started;    /* before-paint of the frame being painted */

  /* The step being measured. */
  gboolean           waiting;
  guint64            applied_target;   /* atomr-view: scenes the bridge must have shown */
  gint64             painted_at;
  gint64             painted_frame_started;
  gint64             script_us;        /* the step's own work: the actor's, or the hand-written code's */
  gint64             render_us;        /* atomr-view: the bridge's diff and the backend's patching */
} Target;

static AtomrViewUiBridge *bridge;
static AtomrViewActorRef *tables[SYSTEM_HAND];   /* the window actor of each atomr-view system */
static Hand *hand;

static double
ms (gint64 us)
{
  return us / 1000.0;
}

/* The bench's own looking, not counted by --callgrind: the figures are a
 * dictionary made afresh (about 0.1 M instructions), as much as all of a
 * hand-written select. */
static guint64
scenes_applied (gint64 *last_apply_us)
{
  g_autoptr(GVariant) stats = NULL;
  guint64 applied = 0;

#ifdef HAVE_CALLGRIND_H
  if (count_instructions)
    CALLGRIND_TOGGLE_COLLECT;
#endif
  stats = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  g_variant_lookup (stats, "scenes-applied", "t", &applied);
  if (last_apply_us != NULL)
    g_variant_lookup (stats, "last-apply-us", "x", last_apply_us);
  g_clear_pointer (&stats, g_variant_unref);
#ifdef HAVE_CALLGRIND_H
  if (count_instructions)
    CALLGRIND_TOGGLE_COLLECT;
#endif
  return applied;
}

static gboolean
step_applied (Target *target)
{
  /* The hand-written steps change the widgets before they return. */
  return target->system == SYSTEM_HAND || scenes_applied (&target->render_us) >= target->applied_target;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Target        *target)
{
  target->frame_started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Target        *target)
{
  gint64 now = g_get_monotonic_time ();

  target->last_paint = now;
  /* A frame painted before the change took effect does not count. */
  if (target->waiting && step_applied (target))
    {
      target->waiting = FALSE;
      target->painted_at = now;
      target->painted_frame_started = target->frame_started;
    }
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done, or dies at the deadline (main() keeps a
 * timeout that wakes the loop to look at the clock when nothing else does). */
#define RUN_UNTIL(done, what) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + DEADLINE_US; \
    while (!(done)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("bench-gtk: timed out waiting for %s", what); \
        g_main_context_iteration (NULL, TRUE); \
      } \
  } G_STMT_END

static void
track_frames (Target *target)
{
  RUN_UNTIL (gtk_widget_get_mapped (target->window) && gtk_widget_get_frame_clock (target->window) != NULL,
             "the window to map");
  if (target->clock != NULL)
    return;
  target->clock = g_object_ref (gtk_widget_get_frame_clock (target->window));
  g_signal_connect (target->clock, "before-paint", G_CALLBACK (before_paint_cb), target);
  g_signal_connect (target->clock, "after-paint", G_CALLBACK (after_paint_cb), target);
}

/* Waits until the window has not painted for SETTLE_US: nothing left over
 * from the step before, and the frame clock free to paint at once. */
static void
settle (Target *target)
{
  guint wake = g_timeout_add (5, wake_cb, NULL);
  gint64 since = g_get_monotonic_time ();

  while (g_get_monotonic_time () - MAX (target->last_paint, since) < SETTLE_US)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static void
show (Target *target)
{
  gtk_widget_set_visible (target->window, TRUE);
  track_frames (target);
  gtk_widget_queue_draw (target->window);
  settle (target);
}

static void
hide (Target *target)
{
  gtk_widget_set_visible (target->window, FALSE);
  RUN_UNTIL (!gtk_widget_get_mapped (target->window), "the window to unmap");
}

/* Does one step and waits for the frame that shows it. */
static void
run_step (Target     *target,
          const Step *step,
          guint       rep,
          guint32     seed)
{
  gint64 started;

  settle (target);
  if (target->system != SYSTEM_HAND)
    target->applied_target = scenes_applied (NULL) + 1;
  target->waiting = TRUE;

#ifdef HAVE_CALLGRIND_H
  if (count_instructions)
    CALLGRIND_ZERO_STATS;
#endif
  started = g_get_monotonic_time ();
  if (after_click)
    gtk_widget_queue_draw (target->window);
  if (target->system != SYSTEM_HAND)
    atomr_view_actor_ref_tell (tables[target->system],
                               g_variant_new ("(uuu)", (guint32) step->op, step->arg, seed), NULL);
  else
    {
      hand_do (hand, step->op, step->arg, seed);
      target->script_us = g_get_monotonic_time () - started;
      target->render_us = 0;
    }
  RUN_UNTIL (!target->waiting, step->name ? step->name : "a set-up step");
#ifdef HAVE_CALLGRIND_H
  if (count_instructions && step->name != NULL && rep != G_MAXUINT)
    {
      g_autofree char *reason = g_strdup_printf ("%s|%s", system_names[target->system], step->name);

      CALLGRIND_DUMP_STATS_AT (reason);
    }
#endif
  if (target->system != SYSTEM_HAND)
    target->script_us = atomic_load (&actor_us);

  if (step->name != NULL && rep != G_MAXUINT)
    {
      printf ("{\"op\": \"%s\", \"system\": \"%s\", \"rep\": %u, \"ms\": %.3f, "
              "\"before_frame_ms\": %.3f, \"frame_ms\": %.3f, \"script_ms\": %.3f, \"render_ms\": %.3f}\n",
              step->name, system_names[target->system], rep,
              ms (target->painted_at - started),
              ms (target->painted_frame_started - started),
              ms (target->painted_at - target->painted_frame_started),
              ms (target->script_us), ms (target->render_us));
      fflush (stdout);
    }
}

/* -- what each system shows ---------------------------------------------- */

typedef struct
{
  double     y;
  double     x;
  GtkWidget *label;
} ShownLabel;

static int
shown_label_compare (gconstpointer a,
                     gconstpointer b)
{
  const ShownLabel *first = a;
  const ShownLabel *second = b;

  if (first->y != second->y)
    return first->y < second->y ? -1 : 1;
  if (first->x != second->x)
    return first->x < second->x ? -1 : 1;
  return 0;
}

static void
collect_labels (GtkWidget *widget,
                GtkWidget *view,
                GArray    *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      ShownLabel shown = { 0, 0, widget };

      if (gtk_widget_translate_coordinates (widget, view, 0, 0, &shown.x, &shown.y) &&
          shown.y >= 0 && shown.y < gtk_widget_get_height (view))
        g_array_append_val (labels, shown);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, view, labels);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many rows there are, then the rows in view, top to bottom, as the
 * user reads them: each label's text, and "*" after a label of a row shown
 * as selected. The same steps with the same seeds must show the same on
 * every system, or the figures compare unlike work. */
static char *
describe_screen (Target *target)
{
  GtkWidget *view = find_list_view (target->window);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (ShownLabel));
  GString *screen = g_string_new (NULL);

  if (view == NULL)
    g_error ("bench-gtk: %s shows no list view", system_names[target->system]);
  g_string_append_printf (screen, "%u rows: ",
                          g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))));
  collect_labels (view, view, labels);
  g_array_sort (labels, shown_label_compare);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_array_index (labels, ShownLabel, i).label;

      g_string_append (screen, gtk_label_get_text (GTK_LABEL (label)));
      if (gtk_widget_has_css_class (gtk_widget_get_parent (label), "danger"))
        g_string_append_c (screen, '*');
      g_string_append_c (screen, '|');
    }
  return g_string_free (screen, FALSE);
}

/* Checks that @target shows what the first system to do step @index of
 * repetition @rep showed; dies if not. */
static void
check_screen (Target *target,
              guint   rep,
              guint   index)
{
  static GHashTable *screens;   /* "rep/index" → what was shown */
  g_autofree char *key = g_strdup_printf ("%u/%u", rep, index);
  g_autofree char *shown = NULL;
  const char *expected;

  /* Between steps: --callgrind zeroes its counts before the next one. */
  shown = describe_screen (target);
  if (screens == NULL)
    screens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  expected = g_hash_table_lookup (screens, key);
  if (expected == NULL)
    g_hash_table_insert (screens, g_steal_pointer (&key), g_strdup (shown));
  else if (strcmp (expected, shown) != 0)
    g_error ("bench-gtk: %s shows other rows than the system before it after step %u of repetition %d:\n"
             "  expected %s\n  shown    %s",
             system_names[target->system], index + 1, rep == G_MAXUINT ? -1 : (int) rep, expected, shown);
}

/* All the steps on one system; @rep G_MAXUINT is a warm-up, not printed. */
static void
run_steps (Target *target,
           guint   rep)
{
  show (target);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      run_step (target, &steps[i], rep, (guint32) (rep * 100 + i));
      check_screen (target, rep, i);
    }
  hide (target);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(AtomrViewGtkBackend) backend = NULL;
  g_autoptr(GError) error = NULL;
  Target targets[N_SYSTEMS] = { { .system = SYSTEM_ATOMR }, { .system = SYSTEM_ATOMR_UI }, { .system = SYSTEM_HAND } };
  /* The machine's speed swings by half from one moment to the next: a
   * median of 15 moved by a tenth from run to run. */
  guint reps = 31;
  guint wake;
  int only = -1;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--quick") == 0)
        reps = 2;
      else if (strcmp (argv[i], "--only") == 0 && i + 1 < argc)
        {
          i++;
          only = -2;
          for (int j = 0; j < N_SYSTEMS; j++)
            if (strcmp (argv[i], system_options[j]) == 0)
              only = j;
        }
      else if (strcmp (argv[i], "--callgrind") == 0)
        {
#ifdef HAVE_CALLGRIND_H
          count_instructions = TRUE;
#else
          fprintf (stderr, "bench-gtk: built without valgrind/callgrind.h, cannot count instructions\n");
          return 2;
#endif
        }
      else if (strcmp (argv[i], "--after-click") == 0)
        after_click = TRUE;
      else if (strcmp (argv[i], "--reps") == 0 && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          reps = (guint) MAX (n, 1);
        }
      else
        {
          fprintf (stderr, "usage: %s [--quick] [--reps N] [--only atomr-view|atomr-view-ui|hand] [--callgrind] "
                   "[--after-click]\n", argv[0]);
          return 2;
        }
    }

  if (only == -2)
    {
      fprintf (stderr, "bench-gtk: --only takes atomr-view, atomr-view-ui or hand\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-gtk: cannot open a display\n");
      return 1;
    }

  wake = g_timeout_add_seconds (1, wake_cb, NULL);
  system = atomr_view_actor_system_new ("bench-gtk", &error);
  g_assert_no_error (error);
  backend = atomr_view_gtk_backend_new ();
  bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));
  for (System which = SYSTEM_ATOMR; which < SYSTEM_HAND; which++)
    {
      g_autoptr(AtomrViewProps) props = atomr_view_props_new (BENCH_TYPE_TABLE);

      if (which == SYSTEM_ATOMR_UI)
        atomr_view_props_set_dispatcher (props, "ui");
      tables[which] = atomr_view_actor_system_spawn (system, props, window_ids[which], &error);
      g_assert_no_error (error);
      RUN_UNTIL (atomr_view_gtk_backend_get_window (backend, window_ids[which]) != NULL, "the actor's window");
      targets[which].window = GTK_WIDGET (atomr_view_gtk_backend_get_window (backend, window_ids[which]));
      track_frames (&targets[which]);
      hide (&targets[which]);
    }

  hand = hand_new ();
  targets[SYSTEM_HAND].window = hand->window;

  /* A warm-up round each: fonts, icons, CSS and code paths loaded before anything counts. */
  for (guint i = 0; i < N_SYSTEMS; i++)
    if (only < 0 || (System) only == i)
      run_steps (&targets[i], G_MAXUINT);
  for (guint rep = 0; rep < reps; rep++)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        /* Each step on every system in turn, so that the three samples of a
         * step come from the same few hundred milliseconds; which goes
         * first rotates, so none always follows the same other. */
        for (guint k = 0; k < N_SYSTEMS; k++)
          {
            System which = (rep + i + k) % N_SYSTEMS;

            if (only >= 0 && (System) only != which)
              continue;
            show (&targets[which]);
            run_step (&targets[which], &steps[i], rep, (guint32) (rep * 100 + i));
            check_screen (&targets[which], rep, i);
            hide (&targets[which]);
          }
      }

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (targets[i].clock != NULL)
      {
        g_signal_handlers_disconnect_by_data (targets[i].clock, &targets[i]);
        g_clear_object (&targets[i].clock);
      }
  g_source_remove (wake);
  hand_free (hand);
  for (System which = SYSTEM_ATOMR; which < SYSTEM_HAND; which++)
    {
      atomr_view_actor_ref_stop (tables[which]);
      RUN_UNTIL (atomr_view_gtk_backend_get_window (backend, window_ids[which]) == NULL,
                 "the actor's window to close");
      g_clear_object (&tables[which]);
    }
  if (!atomr_view_actor_system_shutdown (system, &error))
    g_error ("bench-gtk: %s", error->message);
  g_clear_object (&bridge);
  return 0;
}
