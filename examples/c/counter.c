/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The smallest atomr-view program: a window actor that counts clicks. Its
 * state is one number; render() describes the window from it. */
#include <atomr-view-gtk.h>

#include "example-nodes.h"

#define COUNTER_TYPE_WINDOW (counter_window_get_type ())
G_DECLARE_FINAL_TYPE (CounterWindow, counter_window, COUNTER, WINDOW, AtomrViewWindowActor)

struct _CounterWindow
{
  AtomrViewWindowActor parent_instance;
  int                  count;
};

G_DEFINE_FINAL_TYPE (CounterWindow, counter_window, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
counter_window_render (AtomrViewWindowActor *actor)
{
  CounterWindow *self = COUNTER_WINDOW (actor);
  g_autofree char *text = g_strdup_printf ("Clicked %d times", self->count);
  GPtrArray *row = example_children ();
  GPtrArray *column = example_children ();

  g_ptr_array_add (row, example_node (ATOMR_VIEW_KIND_BUTTON, "less", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("−1"), NULL));
  g_ptr_array_add (row, example_node (ATOMR_VIEW_KIND_BUTTON, "more", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("+1"), NULL));
  g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_TEXT, "count",
                                         ATOMR_VIEW_PROP_TEXT, g_variant_new_string (text),
                                         ATOMR_VIEW_PROP_CSS_CLASSES, example_classes ("title-1", NULL),
                                         NULL));
  g_ptr_array_add (column, example_box ("buttons", "horizontal", 6, row));
  return example_with_margins (example_box (NULL, "vertical", 12, column), 24);
}

static gboolean
counter_window_handle_event (AtomrViewWindowActor  *actor,
                             AtomrViewContext      *context,
                             AtomrViewEvent        *event,
                             GError               **error)
{
  CounterWindow *self = COUNTER_WINDOW (actor);
  const char *key = atomr_view_event_get_key (event);

  if (g_strcmp0 (atomr_view_event_get_signal (event), ATOMR_VIEW_SIGNAL_CLICKED) != 0)
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (counter_window_parent_class)->handle_event (actor, context, event, error);
  self->count += g_strcmp0 (key, "more") == 0 ? 1 : -1;
  atomr_view_window_actor_invalidate (actor);
  return TRUE;
}

static void
counter_window_class_init (CounterWindowClass *klass)
{
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = counter_window_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->handle_event = counter_window_handle_event;
}

static void
counter_window_init (CounterWindow *self)
{
  atomr_view_window_actor_set_title (ATOMR_VIEW_WINDOW_ACTOR (self), "Counter");
}

int
main (int   argc,
      char *argv[])
{
  return atomr_view_gtk_run_window (COUNTER_TYPE_WINDOW, argc, argv);
}
