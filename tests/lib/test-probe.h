/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view.h>

G_BEGIN_DECLS

/* An actor that hands every message it receives, with its sender, to the
 * test thread, which waits for them with a deadline. */
typedef struct _AtomrViewTestQueue AtomrViewTestQueue;

typedef struct
{
  AtomrViewActorRef  *ref;
  AtomrViewTestQueue *queue;     /* of AtomrViewTestProbeMessage */
} AtomrViewTestProbe;

typedef struct
{
  GVariant          *message;
  AtomrViewActorRef *sender;     /* nullable */
} AtomrViewTestProbeMessage;

AtomrViewTestProbe        *atomr_view_test_probe_new             (AtomrViewActorSystem *system,
                                                                  const char           *name);
void                       atomr_view_test_probe_free            (AtomrViewTestProbe   *probe);
/* Fails the test when nothing comes within @timeout_ms. */
GVariant                  *atomr_view_test_probe_expect          (AtomrViewTestProbe   *probe,
                                                                  guint                 timeout_ms);
AtomrViewTestProbeMessage *atomr_view_test_probe_expect_full     (AtomrViewTestProbe   *probe,
                                                                  guint                 timeout_ms);
void                       atomr_view_test_probe_message_free    (AtomrViewTestProbeMessage *message);
/* Asserts that nothing arrives during @window_ms (a negative check). */
void                       atomr_view_test_probe_expect_nothing  (AtomrViewTestProbe   *probe,
                                                                  guint                 window_ms);
/* Waits for a message equal to @expected, failing on anything else. */
void                       atomr_view_test_probe_expect_equal    (AtomrViewTestProbe   *probe,
                                                                  GVariant             *expected,
                                                                  guint                 timeout_ms);
/* The next message within @timeout_ms, or NULL. */
AtomrViewTestProbeMessage *atomr_view_test_probe_try_pop         (AtomrViewTestProbe   *probe,
                                                                  guint                 timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewTestProbe, atomr_view_test_probe_free)

G_END_DECLS
