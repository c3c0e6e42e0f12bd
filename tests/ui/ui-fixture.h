/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "test-actors.h"
#include "test-fake-backend.h"
#include "test-probe.h"
#include "test-utils.h"

/* A window actor for tests. Its scene: a container "root" holding a text
 * "label" (its text state), a button "ok", and a region node "feed" when it
 * has one. Every event it gets is reported to the probe as
 * ("event", "PATH SIGNAL VALUE"). Messages, all (sv):
 *   ("set-text", s)        change the text and render
 *   ("flood", u)           post u scenes in a row, numbered 0..u-1
 *   ("bad-patch", _)       post a patch list that does not fit; reply the error message
 *   ("spawn-region", _)    start a TestRegion for "feed"; reply TRUE
 *   ("set-text-pushed", s) change the text and post at once, with a context of
 *                          its own pushed as the thread's default
 *   ("trace", b)           from now on (or no more), the label holds a value
 *                          that notes the thread it is freed on
 *   ("block", _)           wait in the gate
 *   ("set-text-then-work", s) change the text, post at once, then go on
 *                          for 20 ms (see test_window_get_turn_ended_us()) */
#define TEST_TYPE_WINDOW (test_window_get_type ())
G_DECLARE_FINAL_TYPE (TestWindow, test_window, TEST, WINDOW, AtomrViewWindowActor)

/* A region: a container "feed-root" with a text "feed N" and a button "more".
 * ("tick", _) adds one to N; its events are reported as ("region-event", ...);
 * a click on "boom" makes it fail. */
#define TEST_TYPE_REGION (test_region_get_type ())
G_DECLARE_FINAL_TYPE (TestRegion, test_region, TEST, REGION, AtomrViewRegionActor)

typedef struct
{
  AtomrViewActorSystem *system;
  TestFakeBackend      *backend;
  AtomrViewUiBridge    *bridge;
  AtomrViewTestProbe   *probe;
} UiFixture;

AtomrViewProps    *test_window_props  (UiFixture *fixture,
                                       TestGate  *gate,
                                       gboolean   with_region);
AtomrViewActorRef *spawn_test_window  (UiFixture *fixture,
                                       const char *name,
                                       TestGate  *gate,
                                       gboolean   with_region);
/* How many traced scenes were made, how many were freed on @thread (NULL:
 * anywhere), and the thread the last one was made on. */
guint              test_window_count_traced_made  (void);
guint              test_window_count_traced_frees (GThread *thread);
GThread           *test_window_get_traced_maker   (void);
/* When the last ("set-text-then-work", s) was about to return. */
gint64             test_window_get_turn_ended_us  (void);
void               ui_fixture_setup    (UiFixture    *fixture,
                                        gconstpointer data);
void               ui_fixture_teardown (UiFixture    *fixture,
                                        gconstpointer data);
/* Waits for the next probe report and returns its text ("PATH SIGNAL VALUE"). */
char              *expect_event_line   (UiFixture    *fixture,
                                        const char   *what);
void               emit_event          (UiFixture          *fixture,
                                        const char         *window_id,
                                        const char * const *path,
                                        const char         *signal,
                                        GVariant           *value);

#define UI_TEST(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_setup, func, ui_fixture_teardown)
