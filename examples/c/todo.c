/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A to-do list: keyed rows that can be added, ticked, edited, moved and
 * removed. Each row's key is its task's id, so a move moves the row's widgets
 * and an entry being typed into keeps its text and cursor. This is the demo
 * that `./dev.sh run` starts.
 *
 * With ATOMR_VIEW_TODO_TRACE set, it writes to standard output each event its
 * actor gets, with its key path ("todo: /user/window got entry/add clicked -"),
 * and the summary of each scene it renders ("todo: summary 1 of 3 done"); the
 * browser tests read it. */
#include <stdio.h>

#include <atomr-view-gtk.h>

#include "example-nodes.h"

typedef struct
{
  guint     id;
  char     *title;
  gboolean  done;
} Task;

static void
task_free (Task *task)
{
  g_free (task->title);
  g_free (task);
}

#define TODO_TYPE_WINDOW (todo_window_get_type ())
G_DECLARE_FINAL_TYPE (TodoWindow, todo_window, TODO, WINDOW, AtomrViewWindowActor)

struct _TodoWindow
{
  AtomrViewWindowActor parent_instance;
  GPtrArray           *tasks;        /* of Task, in the order shown */
  guint                next_id;
  char                *draft;        /* what the "new task" entry holds */
  guint                editing;      /* the id of the task being edited, or 0 */
  char                *edit_draft;
};

G_DEFINE_FINAL_TYPE (TodoWindow, todo_window, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static gboolean trace;

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static AtomrViewNode *
task_row (TodoWindow *self,
          Task       *task)
{
  g_autofree char *key = g_strdup_printf ("task-%u", task->id);
  gboolean editing = self->editing == task->id;
  GPtrArray *cells = example_children ();

  g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_CHECK, "done", ATOMR_VIEW_PROP_ACTIVE, g_variant_new_boolean (task->done), NULL));
  if (editing)
    g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_TEXT_INPUT, "rename",
                                          ATOMR_VIEW_PROP_TEXT, g_variant_new_string (self->edit_draft),
                                          ATOMR_VIEW_PROP_HEXPAND, g_variant_new_boolean (TRUE),
                                          NULL));
  else
    g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_TEXT, "title",
                                          ATOMR_VIEW_PROP_TEXT, g_variant_new_string (task->title),
                                          ATOMR_VIEW_PROP_HEXPAND, g_variant_new_boolean (TRUE),
                                          ATOMR_VIEW_PROP_HALIGN, g_variant_new_string ("start"),
                                          ATOMR_VIEW_PROP_CSS_CLASSES, task->done ? example_classes ("dim-label", NULL)
                                                                                  : example_classes (NULL),
                                          NULL));
  g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_BUTTON, "up", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("↑"),
                                        ATOMR_VIEW_PROP_TOOLTIP, g_variant_new_string ("Move up"), NULL));
  g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_BUTTON, "down", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("↓"),
                                        ATOMR_VIEW_PROP_TOOLTIP, g_variant_new_string ("Move down"), NULL));
  g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_BUTTON, "edit",
                                        ATOMR_VIEW_PROP_LABEL, g_variant_new_string (editing ? "Save" : "Edit"), NULL));
  g_ptr_array_add (cells, example_node (ATOMR_VIEW_KIND_BUTTON, "remove", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("Remove"), NULL));
  return example_box (key, "horizontal", 6, cells);
}

static AtomrViewNode *
todo_window_render (AtomrViewWindowActor *actor)
{
  TodoWindow *self = TODO_WINDOW (actor);
  GPtrArray *entry = example_children ();
  GPtrArray *rows = example_children ();
  GPtrArray *column = example_children ();
  g_autoptr(AtomrViewNodeBuilder) scroll = atomr_view_node_builder_new (ATOMR_VIEW_KIND_SCROLL);
  g_autoptr(AtomrViewNode) tasks = NULL;
  g_autofree char *summary = NULL;
  guint done = 0;

  g_ptr_array_add (entry, example_node (ATOMR_VIEW_KIND_TEXT_INPUT, "new",
                                        ATOMR_VIEW_PROP_TEXT, g_variant_new_string (self->draft),
                                        ATOMR_VIEW_PROP_PLACEHOLDER, g_variant_new_string ("What needs doing?"),
                                        ATOMR_VIEW_PROP_HEXPAND, g_variant_new_boolean (TRUE),
                                        NULL));
  g_ptr_array_add (entry, example_node (ATOMR_VIEW_KIND_BUTTON, "add", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("Add"),
                                        ATOMR_VIEW_PROP_SENSITIVE, g_variant_new_boolean (!is_blank (self->draft)),
                                        NULL));

  for (guint i = 0; i < self->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (self->tasks, i);

      done += task->done ? 1 : 0;
      g_ptr_array_add (rows, task_row (self, task));
    }
  tasks = example_box ("tasks", "vertical", 6, rows);
  atomr_view_node_builder_set_key (scroll, "scroll");
  atomr_view_node_builder_set_boolean (scroll, ATOMR_VIEW_PROP_VEXPAND, TRUE);
  atomr_view_node_builder_set_prop (scroll, ATOMR_VIEW_PROP_MIN_SIZE, g_variant_new ("(dd)", 420.0, 240.0));
  atomr_view_node_builder_add_child (scroll, tasks);

  summary = g_strdup_printf ("%u of %u done", done, self->tasks->len);
  if (trace)
    {
      g_print ("todo: summary %s\n", summary);
      fflush (stdout);
    }
  g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_TEXT, "heading", ATOMR_VIEW_PROP_TEXT, g_variant_new_string ("To do"),
                                         ATOMR_VIEW_PROP_CSS_CLASSES, example_classes ("title-2", NULL), NULL));
  g_ptr_array_add (column, example_box ("entry", "horizontal", 6, entry));
  g_ptr_array_add (column, atomr_view_node_builder_end (scroll, NULL));
  g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_TEXT, "summary", ATOMR_VIEW_PROP_TEXT, g_variant_new_string (summary),
                                         ATOMR_VIEW_PROP_HALIGN, g_variant_new_string ("start"), NULL));
  return example_with_margins (example_box (NULL, "vertical", 12, column), 18);
}

static int
task_index (TodoWindow *self,
            guint       id)
{
  for (guint i = 0; i < self->tasks->len; i++)
    if (((Task *) g_ptr_array_index (self->tasks, i))->id == id)
      return (int) i;
  return -1;
}

/* The task a row's event is about: the path holds "task-ID". */
static int
event_task (TodoWindow     *self,
            AtomrViewEvent *event)
{
  const char * const *path = atomr_view_event_get_path (event);

  for (guint i = 0; path[i] != NULL; i++)
    if (g_str_has_prefix (path[i], "task-"))
      return task_index (self, (guint) g_ascii_strtoull (path[i] + strlen ("task-"), NULL, 10));
  return -1;
}

static void
add_task (TodoWindow *self)
{
  Task *task;

  if (is_blank (self->draft))
    return;
  task = g_new0 (Task, 1);
  task->id = self->next_id++;
  task->title = g_strstrip (g_strdup (self->draft));
  g_ptr_array_add (self->tasks, task);
  g_free (self->draft);
  self->draft = g_strdup ("");
}

static void
move_task (TodoWindow *self,
           int         from,
           int         to)
{
  Task *task;

  if (to < 0 || to >= (int) self->tasks->len)
    return;
  task = g_ptr_array_steal_index (self->tasks, from);
  g_ptr_array_insert (self->tasks, to, task);
}

static void
toggle_editing (TodoWindow *self,
                Task       *task)
{
  if (self->editing == task->id)
    {
      if (!is_blank (self->edit_draft))
        {
          g_free (task->title);
          task->title = g_strstrip (g_strdup (self->edit_draft));
        }
      self->editing = 0;
      return;
    }
  self->editing = task->id;
  g_free (self->edit_draft);
  self->edit_draft = g_strdup (task->title);
}

static gboolean
todo_window_handle_event (AtomrViewWindowActor  *actor,
                          AtomrViewContext      *context,
                          AtomrViewEvent        *event,
                          GError               **error)
{
  TodoWindow *self = TODO_WINDOW (actor);
  const char *key = atomr_view_event_get_key (event);
  const char *signal = atomr_view_event_get_signal (event);
  GVariant *value = atomr_view_event_get_value (event);
  int index = event_task (self, event);
  Task *task = index >= 0 ? g_ptr_array_index (self->tasks, index) : NULL;

  if (trace)
    {
      g_autofree char *shown = value != NULL ? g_variant_print (value, FALSE) : g_strdup ("-");
      g_autofree char *path = g_strjoinv ("/", (char **) atomr_view_event_get_path (event));

      g_print ("todo: %s got %s %s %s\n", atomr_view_actor_ref_get_path (atomr_view_context_get_self (context)),
               *path != '\0' ? path : "/", signal, shown);
      fflush (stdout);
    }

  if (g_strcmp0 (key, "new") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_CHANGED))
    {
      g_free (self->draft);
      self->draft = g_variant_dup_string (value, NULL);
    }
  else if ((g_strcmp0 (key, "new") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_ACTIVATE)) ||
           (g_strcmp0 (key, "add") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_CLICKED)))
    add_task (self);
  else if (task != NULL && g_strcmp0 (key, "done") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_TOGGLED))
    task->done = g_variant_get_boolean (value);
  else if (task != NULL && g_strcmp0 (key, "rename") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_CHANGED))
    {
      g_free (self->edit_draft);
      self->edit_draft = g_variant_dup_string (value, NULL);
    }
  else if (task != NULL && (g_strcmp0 (key, "edit") == 0 ||
                            (g_strcmp0 (key, "rename") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_ACTIVATE))))
    toggle_editing (self, task);
  else if (task != NULL && g_strcmp0 (key, "up") == 0)
    move_task (self, index, index - 1);
  else if (task != NULL && g_strcmp0 (key, "down") == 0)
    move_task (self, index, index + 1);
  else if (task != NULL && g_strcmp0 (key, "remove") == 0)
    {
      if (self->editing == task->id)
        self->editing = 0;
      g_ptr_array_remove_index (self->tasks, index);
    }
  else
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (todo_window_parent_class)->handle_event (actor, context, event, error);

  atomr_view_window_actor_invalidate (actor);
  return TRUE;
}

static void
todo_window_finalize (GObject *object)
{
  TodoWindow *self = TODO_WINDOW (object);

  g_ptr_array_unref (self->tasks);
  g_free (self->draft);
  g_free (self->edit_draft);
  G_OBJECT_CLASS (todo_window_parent_class)->finalize (object);
}

static void
todo_window_class_init (TodoWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = todo_window_finalize;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = todo_window_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->handle_event = todo_window_handle_event;
  trace = g_getenv ("ATOMR_VIEW_TODO_TRACE") != NULL;
}

static void
todo_window_init (TodoWindow *self)
{
  const char *first[] = { "Try atomr-view", "Write a window actor", "Serve it to a browser" };

  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  self->next_id = 1;
  self->draft = g_strdup ("");
  self->edit_draft = g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      g_free (self->draft);
      self->draft = g_strdup (first[i]);
      add_task (self);
    }
  atomr_view_window_actor_set_title (ATOMR_VIEW_WINDOW_ACTOR (self), "To do");
}

int
main (int   argc,
      char *argv[])
{
  return atomr_view_gtk_run_window (TODO_TYPE_WINDOW, argc, argv);
}
