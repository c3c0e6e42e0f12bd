/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A program that serves itself when asked: atomr_view_broadway_run_window()
 * with a window that says "served". check-run-window.py runs it. */
#include <atomr-view-broadway.h>
#include <atomr-view-gtk.h>

#define TEST_TYPE_SERVED (test_served_get_type ())
G_DECLARE_FINAL_TYPE (TestServed, test_served, TEST, SERVED, AtomrViewWindowActor)

struct _TestServed
{
  AtomrViewWindowActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestServed, test_served, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
test_served_render (AtomrViewWindowActor *actor)
{
  g_autoptr(AtomrViewNodeBuilder) text = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);

  atomr_view_node_builder_set_key (text, "what");
  atomr_view_node_builder_set_string (text, ATOMR_VIEW_PROP_TEXT, "served");
  return atomr_view_node_builder_build (text, NULL);
}

static void
test_served_class_init (TestServedClass *klass)
{
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = test_served_render;
}

static void
test_served_init (TestServed *self)
{
}

int
main (int   argc,
      char *argv[])
{
  return atomr_view_broadway_run_window (TEST_TYPE_SERVED, argc, argv);
}
